//! `zhen-tm export` on bad input and bad usage: a non-zero exit (1 for bad input, 2 for bad
//! usage), one clear message naming the culprit, no panic, and no output left behind.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

use cli::*;

/// The common contract: exit `code`, no panic, exactly one stderr line naming `culprit`
/// (and carrying every string of `also`), nothing on stderr that is not about it except a
/// final summary, and no output file or temporary file in `out`.
fn assert_refused(o: &Output, code: i32, culprit: &str, also: &[&str], out: &Path) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    let naming: Vec<&str> = err.lines().filter(|l| l.contains(culprit)).collect();
    assert_eq!(naming.len(), 1, "want one line naming {culprit}:\n{err}");
    let line = naming[0];
    for a in also {
        assert!(line.contains(a), "{line:?} lacks {a:?}");
    }
    let left = list_dir(out);
    assert!(
        left.is_empty(),
        "output left in {}: {left:?}",
        out.display()
    );
    line.to_string()
}

/// Bad-input runs print the error and at most a one-line "nothing to export" summary.
fn assert_short(o: &Output) {
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!lines.is_empty(), "no message");
    assert!(lines.len() <= 2, "too much on stderr:\n{err}");
    if lines.len() == 2 {
        assert!(lines[1].contains("nothing to export"), "{err}");
    }
}

#[test]
fn missing_file() {
    let c = Case::new();
    let p = c.root().join("in").join("no-such-transcript.md");
    let o = c.export(&[p.as_os_str()]);
    assert_refused(&o, 1, "no-such-transcript.md", &["No such file"], &c.out());
    assert_short(&o);
    assert!(!c.out().exists());
}

#[test]
fn directory_without_transcripts() {
    let c = Case::new();
    let dir = c.root().join("in").join("empty-folder");
    std::fs::create_dir(&dir).unwrap();
    let o = c.export(&[dir.as_os_str()]);
    assert_refused(&o, 1, "empty-folder", &["no transcript"], &c.out());
    assert_short(&o);

    // A folder holding only a README and a hidden file has no transcripts either.
    std::fs::write(dir.join("README.md"), "About these files.\n").unwrap();
    std::fs::write(dir.join(".notes.txt"), "x\n").unwrap();
    let o = c.export(&[dir.as_os_str()]);
    assert_refused(&o, 1, "empty-folder", &["no transcript"], &c.out());
}

#[test]
fn empty_file() {
    let c = Case::new();
    let p = c.input("empty.md", b"");
    let o = c.export(&[p.as_os_str()]);
    assert_refused(&o, 1, "empty.md", &["empty"], &c.out());
    assert_short(&o);

    // Only whitespace is as empty.
    let p = c.input("blank.md", b"\n  \n\t\n");
    let o = c.export(&[p.as_os_str()]);
    assert_refused(&o, 1, "blank.md", &[], &c.out());
    assert_short(&o);
}

#[test]
fn binary_files() {
    let c = Case::new();
    let png = c.input(
        "scan.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x02\0\0\0",
    );
    let o = c.export(&[png.as_os_str()]);
    let line = assert_refused(&o, 1, "scan.png", &["binary"], &c.out());
    assert!(line.contains("byte 0"), "{line}");
    assert_short(&o);

    let nul = c.input("nul.txt", b"Hello\0\0\0world\0\0 and more text here\n");
    let o = c.export(&[nul.as_os_str()]);
    let line = assert_refused(&o, 1, "nul.txt", &["binary"], &c.out());
    assert!(line.contains("byte 5"), "{line}");
    assert_short(&o);
}

#[test]
fn chinese_only_file_named_explicitly() {
    let c = Case::new();
    let p = c.input(
        "zh-only.txt",
        "王毅：各位记者朋友，上午好。\n\n路透社记者：你如何看待中美关系？\n".as_bytes(),
    );
    let o = c.export(&[p.as_os_str()]);
    assert_refused(&o, 1, "zh-only.txt", &["Chinese-only", "--en"], &c.out());
    assert_short(&o);
}

#[test]
fn editions_given_the_wrong_way_round() {
    let c = Case::new();
    let en = c.input(
        "talk-en.txt",
        "China and Luxembourg are good friends. We will deepen our cooperation.\n".as_bytes(),
    );
    let zh = c.input(
        "talk-zh.txt",
        "中国和卢森堡是好朋友。我们将深化合作。\n".as_bytes(),
    );
    let o = c.export(&[
        "--en".as_ref(),
        zh.as_os_str(),
        "--zh".as_ref(),
        en.as_os_str(),
    ]);
    assert_refused(
        &o,
        1,
        "talk-zh.txt",
        &["no English text", "reads as Chinese", "wrong way round"],
        &c.out(),
    );
    assert_short(&o);
    // The same edition twice: the message says what the file reads as.
    let o = c.export(&[
        "--en".as_ref(),
        en.as_os_str(),
        "--zh".as_ref(),
        en.as_os_str(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("has no Chinese text: it reads as English"),
        "{err}"
    );
    assert!(!err.contains("wrong way round"), "{err}");
}

#[test]
fn english_only_file_named_explicitly() {
    let c = Case::new();
    let p = c.input(
        "en-only.txt",
        b"Wang Yi: Good morning, friends from the media.\n\nReuters: What is your view?\n",
    );
    let o = c.export(&[p.as_os_str()]);
    assert_refused(&o, 1, "en-only.txt", &["English-only", "--zh"], &c.out());
    assert_short(&o);
}

#[test]
fn english_only_message_reads_correctly() {
    let c = Case::new();
    let p = c.input(
        "en-only.txt",
        b"Wang Yi: Good morning, friends from the media.\n\nReuters: What is your view?\n",
    );
    let o = c.export(&[p.as_os_str()]);
    let err = stderr(&o);
    assert!(err.contains("a Chinese partner"), "{err}");
}

#[test]
fn undecodable_bytes() {
    let c = Case::new();
    // Neither UTF-8 nor GB18030: 0xFF never occurs in GB18030, 0x80 is not a lead byte.
    let mut bytes = b"Wang Yi: Good morning.\n".to_vec();
    for _ in 0..20 {
        bytes.extend_from_slice(&[0x81, 0x30, 0xFF, 0xFE, 0x80, 0xA0, 0xFF]);
    }
    let p = c.input("garbled.txt", &bytes);
    let o = c.export(&[p.as_os_str()]);
    let line = assert_refused(&o, 1, "garbled.txt", &["GB18030"], &c.out());
    // The decoder's position is reported: the first bad byte is at offset 23.
    assert!(line.contains("23"), "{line}");
    assert!(line.contains("offset") || line.contains("byte"), "{line}");
    assert_short(&o);
}

#[test]
fn output_directory_is_a_regular_file() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let file = c.root().join("plain-file");
    std::fs::write(&file, "keep me").unwrap();

    let o = c.export_to(&[input.as_os_str()], &file);
    assert_refused(&o, 1, "plain-file", &[], &c.out());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");

    let under = file.join("sub");
    let o = c.export_to(&[input.as_os_str()], &under);
    assert_refused(&o, 1, "plain-file/sub", &[], &c.out());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    // Nothing was created next to the inputs either (no stray temp files).
    assert_eq!(list_dir(c.root()), ["in", "plain-file"]);
    assert_eq!(list_dir(&c.root().join("in")), ["a.txt"]);
}

#[test]
fn a_failing_write_leaves_no_partial_export() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    // The CSV target is taken by a folder: writing it fails after TMX and XLIFF are done.
    std::fs::create_dir_all(c.out().join("a.csv")).unwrap();
    let o = c.export(&[input.as_os_str()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("a.csv"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(list_dir(&c.out()), ["a.csv"], "partial export left behind");
}

#[test]
fn unknown_format_is_bad_usage() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[input.as_os_str(), "--format".as_ref(), "tmx,docx".as_ref()]);
    assert_refused(&o, 2, "docx", &["format"], &c.out());
}

#[test]
fn en_without_zh_is_bad_usage() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    // clap names the missing option on the line after "not provided".
    let o = c.export(&["--en".as_ref(), input.as_os_str()]);
    assert_refused(&o, 2, "not provided", &[], &c.out());
    assert!(stderr(&o).contains("\n  --zh <FILE>"), "{}", stderr(&o));
    let o = c.export(&["--zh".as_ref(), input.as_os_str()]);
    assert_refused(&o, 2, "not provided", &[], &c.out());
    assert!(stderr(&o).contains("\n  --en <FILE>"), "{}", stderr(&o));
}

#[test]
fn no_input_at_all() {
    let c = Case::new();
    let o = c.export(&[]);
    // Bad usage: clap names the missing INPUTS argument.
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("panicked"));
    assert!(stderr(&o).contains("<INPUTS>"), "{}", stderr(&o));
    assert!(list_dir(&c.out()).is_empty());
}

#[test]
fn bad_date_is_refused() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    for d in ["2025-13-01", "7 March 2025", "2025-1-011"] {
        let o = c.export(&[input.as_os_str(), "--date".as_ref(), d.as_ref()]);
        assert_ne!(o.status.code(), Some(0), "--date {d}");
        assert_refused(&o, o.status.code().unwrap(), "--date", &[d], &c.out());
    }
}

#[test]
fn non_numeric_date_does_not_panic() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[input.as_os_str(), "--date".as_ref(), "2025-ab-01".as_ref()]);
    assert_refused(&o, 2, "--date", &["2025-ab-01"], &c.out());
}

#[test]
fn impossible_dates_are_refused() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    for d in ["2025-02-31", "20251399T999999Z"] {
        let o = c.export(&[input.as_os_str(), "--date".as_ref(), d.as_ref()]);
        assert_ne!(o.status.code(), Some(0), "--date {d} accepted");
        assert!(list_dir(&c.out()).is_empty());
    }
}

#[test]
fn bad_language_tag_is_refused() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    for (flag, tag) in [
        ("--zh-code", "zh CN"),
        ("--zh-code", "chinese"),
        ("--en-code", "e"),
    ] {
        let o = c.export(&[input.as_os_str(), flag.as_ref(), tag.as_ref()]);
        assert_ne!(o.status.code(), Some(0), "{flag} {tag}");
        assert_refused(&o, o.status.code().unwrap(), flag, &[tag], &c.out());
    }
}

#[test]
fn bad_option_values_are_usage_errors() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    for (flag, v) in [("--date", "2025-13-01"), ("--zh-code", "zh CN")] {
        let o = c.export(&[input.as_os_str(), flag.as_ref(), v.as_ref()]);
        assert_eq!(o.status.code(), Some(2), "{flag} {v}: {}", stderr(&o));
    }
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let c = Case::new();
    let good = c.input("good.txt", BILINGUAL.as_bytes());
    let bad = c.input("bad.md", b"");
    let o = c.export(&[good.as_os_str(), bad.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.lines().filter(|l| l.contains("bad.md")).count(),
        1,
        "{err}"
    );
    assert!(!err.contains("good.txt"), "{err}");
    let mut want = vec![
        "good.csv",
        "good.tmx",
        "good.xliff12.xlf",
        "good.unaligned.tsv",
        "good.xliff21.xlf",
    ];
    want.sort();
    assert_eq!(list_dir(&c.out()), want);
}

#[test]
fn closed_stdout_does_not_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let c = Case::new();
    // More output than a pipe buffer holds, so the process is still writing when the
    // reader goes away.
    let text: String = (0..6000)
        .map(|i| format!("This is sentence number {i}. It ends here.\n"))
        .collect();
    let big = c.input("big.txt", text.as_bytes());
    for args in [&["segment", "--lang", "en"][..], &["inspect"]] {
        let mut child = zhen_tm()
            .args(args)
            .arg(&big)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, as `head` does after its first lines.
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
