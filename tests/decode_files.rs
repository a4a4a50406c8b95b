//! End-to-end checks of `decode::read_file` on real files in a temporary directory.

use std::path::{Path, PathBuf};
use zhen_tm::decode::read_file;

const ZH: &str = "王毅：各位记者朋友，上午好！\r\n今天的记者会到此结束。";
const ZH_LF: &str = "王毅：各位记者朋友，上午好！\n今天的记者会到此结束。";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn missing_file_error_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-transcript.txt");
    let e = read_file(&path, None).unwrap_err().to_string();
    assert!(e.contains("no-such-transcript.txt"), "{e}");
}

#[test]
fn directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("transcripts");
    std::fs::create_dir(&sub).unwrap();
    let e = read_file(&sub, None).unwrap_err().to_string();
    assert!(
        e.contains("transcripts") && e.contains("is a directory"),
        "{e}"
    );
}

#[test]
fn each_encoding_reads_to_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend_from_slice(ZH.as_bytes());
    let (gb, _, _) = encoding_rs::GB18030.encode(ZH);
    let (gbk, _, _) = encoding_rs::GBK.encode(ZH);
    let files: [(&str, Vec<u8>); 6] = [
        ("utf8.txt", ZH.as_bytes().to_vec()),
        ("utf8-bom.txt", bom8),
        ("utf16le.txt", utf16(ZH, true)),
        ("utf16be.txt", utf16(ZH, false)),
        ("gb18030.txt", gb.into_owned()),
        ("gbk.txt", gbk.into_owned()),
    ];
    for (name, bytes) in files {
        let path = write(dir.path(), name, &bytes);
        assert_eq!(read_file(&path, None).unwrap(), ZH_LF, "{name}");
    }
}

#[test]
fn forced_encoding_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let bomless: Vec<u8> = ZH.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let path = write(dir.path(), "be-no-bom.txt", &bomless);
    assert_eq!(read_file(&path, Some("utf-16be")).unwrap(), ZH_LF);
    let e = read_file(&path, Some("no-such-label"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("be-no-bom.txt") && e.contains("\"no-such-label\""),
        "{e}"
    );
}

#[test]
fn bad_files_are_refused_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b" \n\t\r\n", "file is empty"),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "looks like binary data",
        ),
        (
            "latin.txt",
            b"caf\xE9 au lait",
            "not valid UTF-8 (first invalid byte at offset 3)",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write(dir.path(), name, bytes);
        let e = read_file(&path, None).unwrap_err().to_string();
        assert!(e.contains(name) && e.contains(expected), "{name}: {e}");
    }
}
