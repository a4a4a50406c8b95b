//! `zhen-tm segment`: the sentence segmenter from standard input and from files.

#[path = "common/cli.rs"]
mod cli;

use std::io::Write;
use std::process::{Output, Stdio};

use cli::*;

/// `zhen-tm segment ARGS` with `input` on standard input.
fn segment_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = zhen_tm()
        .arg("segment")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A process that refuses its arguments exits without reading its input: the write may
    // then meet a closed pipe, which is not a test failure.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn lines(o: &Output) -> Vec<String> {
    assert_ok(o);
    stdout(o).lines().map(str::to_string).collect()
}

fn json(o: &Output) -> Vec<String> {
    assert_ok(o);
    serde_json::from_str(&stdout(o)).expect("a JSON array of strings")
}

#[test]
fn english_from_stdin_keeps_abbreviations() {
    let o = segment_stdin(
        &["--lang", "en"],
        b"The U.S. and China met in Washington D.C. on Monday. It was good! Was it? Mr. Smith agreed.\n",
    );
    assert_eq!(
        lines(&o),
        [
            "The U.S. and China met in Washington D.C. on Monday.",
            "It was good!",
            "Was it?",
            "Mr. Smith agreed."
        ]
    );
}

#[test]
fn a_dash_names_standard_input() {
    let o = segment_stdin(&["--lang", "en", "-"], b"He left. She stayed.\n");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(lines(&o), ["He left.", "She stayed."]);
}

#[test]
fn chinese_from_stdin_splits_on_full_width_marks() {
    let o = segment_stdin(
        &["--lang", "zh"],
        "你好！他来了吗？是的。“走吧！”他说。\n".as_bytes(),
    );
    // A closing quote after a terminator ends the sentence with it (the segmenter's rule,
    // as in its unit tests: 他说：“我们会来。” | 然后走了。).
    assert_eq!(
        lines(&o),
        ["你好！", "他来了吗？", "是的。", "“走吧！”", "他说。"]
    );
    // Terminators inside a quotation that continues do not split.
    let o = segment_stdin(&["--lang", "zh"], "他高喊“加油！”的口号。\n".as_bytes());
    assert_eq!(lines(&o), ["他高喊“加油！”的口号。"]);
}

#[test]
fn each_line_is_a_paragraph() {
    let o = segment_stdin(
        &["--lang", "en", "--json"],
        b"First line without stop\nSecond one. Third.\n",
    );
    assert_eq!(
        json(&o),
        ["First line without stop", "Second one.", "Third."]
    );
}

#[test]
fn json_output() {
    let o = segment_stdin(
        &["--lang", "zh", "--json"],
        "中美关系怎么样？很好。".as_bytes(),
    );
    assert_eq!(json(&o), ["中美关系怎么样？", "很好。"]);
    let o = segment_stdin(&["--lang", "en", "--json"], b"");
    assert_eq!(json(&o), Vec::<String>::new());
}

#[test]
fn file_input_in_any_supported_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = "王毅：各位记者朋友，上午好！很高兴同大家再次见面。\n";
    let want = ["王毅：各位记者朋友，上午好！", "很高兴同大家再次见面。"];
    let utf8 = dir.path().join("utf8.txt");
    std::fs::write(&utf8, text).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gbf = dir.path().join("gb.txt");
    std::fs::write(&gbf, &gb).unwrap();
    let mut u16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        u16.extend_from_slice(&u.to_le_bytes());
    }
    let u16f = dir.path().join("u16.txt");
    std::fs::write(&u16f, &u16).unwrap();
    for f in [&utf8, &gbf, &u16f] {
        let o = zhen_tm()
            .args(["segment", "--lang", "zh"])
            .arg(f)
            .output()
            .unwrap();
        assert_eq!(lines(&o), want, "{}", f.display());
    }
    // The same through standard input.
    assert_eq!(lines(&segment_stdin(&["--lang", "zh"], &gb)), want);
    // And the file with --json.
    let o = zhen_tm()
        .args(["segment", "--lang", "zh", "--json"])
        .arg(&utf8)
        .output()
        .unwrap();
    assert_eq!(json(&o), want);
}

#[test]
fn english_file_input() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("en.txt");
    std::fs::write(
        &f,
        "Trade reached US$240 billion. That is 3.5 percent more.\n",
    )
    .unwrap();
    let o = zhen_tm()
        .args(["segment", "--lang", "en"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(
        lines(&o),
        ["Trade reached US$240 billion.", "That is 3.5 percent more."]
    );
}

#[test]
fn usage_and_input_errors() {
    // --lang is required: bad usage.
    let o = segment_stdin(&[], b"Hello.\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--lang"), "{}", stderr(&o));
    let o = segment_stdin(&["--lang", "fr"], b"Bonjour.\n");
    assert_eq!(o.status.code(), Some(2));
    // A missing file is bad input, named.
    let o = zhen_tm()
        .args(["segment", "--lang", "en", "no-such-file.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-file.txt"), "{}", stderr(&o));
    // Binary data on standard input is refused, naming <stdin>.
    let o = segment_stdin(&["--lang", "en"], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}
