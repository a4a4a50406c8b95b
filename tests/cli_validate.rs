//! `zhen-tm validate`: each check on small hand-written fixtures (valid and invalid), the
//! output format and exit codes, hostile input (XXE, billion laughs, deep nesting, a large
//! file), and every file `zhen-tm export samples/` writes being reported valid.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhen-tm"))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("writing {}: {e}", p.display()));
    p
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    bin()
        .arg("validate")
        .args(args)
        .output()
        .expect("run zhen-tm")
}

/// Validate `text` (written to a file called `name`); returns (exit code, stdout).
fn validate_text(name: &str, text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), name, text);
    let out = run(&[p.as_os_str()]);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Assert `text` is valid (exit 0) and has no finding of `rule`.
fn assert_valid(name: &str, text: &str) {
    let (code, out) = validate_text(name, text);
    assert_eq!(code, 0, "expected valid:\n{out}");
    assert!(out.contains(": valid ("), "{out}");
}

/// Assert `text` is reported with `severity` `[rule]`, and the exit code that goes with it.
fn assert_finding(name: &str, text: &str, severity: &str, rule: &str) {
    let (code, out) = validate_text(name, text);
    assert!(
        out.contains(&format!("{severity}: [{rule}]")),
        "expected {severity} [{rule}]:\n{out}"
    );
    assert_eq!(code, i32::from(severity == "error"), "{out}");
}

const TMX_OK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext" creationdate="20250310T080000Z"/>
  <body>
    <tu tuid="1" creationdate="20250310T080000Z"><tuv xml:lang="en-US"><seg>Yes.</seg></tuv><tuv xml:lang="zh-CN"><seg>是。</seg></tuv></tu>
    <tu tuid="2"><tuv xml:lang="en-US"><seg>No &amp; never.</seg></tuv><tuv xml:lang="zh-CN"><seg>不。</seg></tuv></tu>
  </body>
</tmx>
"#;

fn tmx(edit: &[(&str, &str)]) -> String {
    let mut s = TMX_OK.to_string();
    for (from, to) in edit {
        assert!(s.contains(from), "fixture lacks {from}");
        s = s.replacen(from, to, 1);
    }
    s
}

#[test]
fn tmx_checks() {
    assert_valid("ok.tmx", TMX_OK);
    assert_finding(
        "a.tmx",
        &tmx(&[("tuid=\"2\"", "tuid=\"1\"")]),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "b.tmx",
        &tmx(&[("srclang=\"en-US\"", "srclang=\"*all*\"")]),
        "warning",
        "srclang-all",
    );
    assert_finding(
        "c.tmx",
        &tmx(&[("srclang=\"en-US\"", "")]),
        "error",
        "srclang-missing",
    );
    assert_finding(
        "d.tmx",
        &tmx(&[(
            "<tuv xml:lang=\"en-US\"><seg>No",
            "<tuv xml:lang=\"en-GB\"><seg>No",
        )]),
        "error",
        "srclang-missing",
    );
    assert_finding(
        "e.tmx",
        &tmx(&[("xml:lang=\"zh-CN\"><seg>是", "xml:lang=\"zh_CN\"><seg>是")]),
        "error",
        "bad-language-tag",
    );
    assert_finding(
        "f.tmx",
        &tmx(&[("xml:lang=\"zh-CN\"><seg>不", "xml:lang=\"fr\"><seg>不")]),
        "error",
        "language-pair",
    );
    assert_finding(
        "g.tmx",
        &tmx(&[("<seg>不。</seg>", "<seg> </seg>")]),
        "error",
        "empty-segment",
    );
    assert_finding(
        "h.tmx",
        &tmx(&[(
            "creationdate=\"20250310T080000Z\">",
            "creationdate=\"2025-03-10\">",
        )]),
        "error",
        "bad-date",
    );
    assert_finding(
        "i.tmx",
        &tmx(&[("No &amp; never.", "Yes.")]),
        "warning",
        "conflicting-duplicate",
    );
    assert_finding(
        "j.tmx",
        &tmx(&[("<seg>是。</seg>", "<seg>是&#1;</seg>")]),
        "error",
        "forbidden-char",
    );
    assert_finding(
        "k.tmx",
        &tmx(&[("<seg>是。</seg>", "<seg>是\u{1}</seg>")]),
        "error",
        "forbidden-char",
    );
    assert_finding(
        "l.tmx",
        &tmx(&[("</body>", "</bdy>")]),
        "error",
        "well-formed",
    );
}

const XLIFF12_OK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en-US" target-language="zh-CN" datatype="plaintext">
    <body>
      <trans-unit id="1" approved="yes"><source>Yes.</source><target state="final">是。</target></trans-unit>
      <trans-unit id="2"><source>No.</source><target state="needs-review-translation">不。</target></trans-unit>
    </body>
  </file>
</xliff>
"#;

fn xliff12(edit: &[(&str, &str)]) -> String {
    let mut s = XLIFF12_OK.to_string();
    for (from, to) in edit {
        assert!(s.contains(from), "fixture lacks {from}");
        s = s.replacen(from, to, 1);
    }
    s
}

#[test]
fn xliff12_checks() {
    assert_valid("ok.xlf", XLIFF12_OK);
    assert_finding(
        "a.xlf",
        &xliff12(&[("id=\"2\"", "id=\"1\"")]),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "b.xlf",
        &xliff12(&[("target-language=\"zh-CN\"", "target-language=\"zh CN\"")]),
        "error",
        "bad-language-tag",
    );
    assert_finding(
        "c.xlf",
        &xliff12(&[(
            "<target state=\"final\">",
            "<target xml:lang=\"ja\" state=\"final\">",
        )]),
        "error",
        "language-mismatch",
    );
    assert_finding(
        "d.xlf",
        &xliff12(&[("state=\"final\"", "state=\"new\"")]),
        "error",
        "state-approved",
    );
    assert_finding(
        "e.xlf",
        &xliff12(&[("<target state=\"final\">是。</target>", "")]),
        "error",
        "target-missing",
    );
    assert_finding(
        "f.xlf",
        &xliff12(&[("<source>No.</source>", "<source></source>")]),
        "error",
        "empty-segment",
    );
    assert_finding(
        "g.xlf",
        &xliff12(&[("No.", "Yes.")]),
        "warning",
        "conflicting-duplicate",
    );
}

const XLIFF2_OK: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en-US" trgLang="zh-CN">
  <file id="f1">
    <unit id="u1">
      <notes><note id="n1">a note</note></notes>
      <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
      <segment id="s1" state="final">
        <source><pc id="1" dataRefStart="d1" dataRefEnd="d2">Yes</pc>. <mrk id="m1" type="comment" ref="#n=n1">x</mrk></source>
        <target><pc id="1" dataRefStart="d1" dataRefEnd="d2">是</pc>。<mrk id="m1" type="comment" ref="#n=n1">x</mrk></target>
      </segment>
      <segment id="s2"><source><sc id="2"/>No.</source></segment>
      <segment id="s3"><source>Never.<ec startRef="2"/></source></segment>
    </unit>
    <unit id="u2"><segment><source>Maybe.</source></segment></unit>
  </file>
</xliff>
"##;

fn xliff2(edit: &[(&str, &str)]) -> String {
    let mut s = XLIFF2_OK.to_string();
    for (from, to) in edit {
        assert!(s.contains(from), "fixture lacks {from}");
        s = s.replacen(from, to, 1);
    }
    s
}

#[test]
fn xliff2_checks() {
    assert_valid("ok.xlf", XLIFF2_OK);
    assert_finding(
        "a.xlf",
        &xliff2(&[("unit id=\"u2\"", "unit id=\"u1\"")]),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "b.xlf",
        &xliff2(&[("segment id=\"s2\"", "segment id=\"s1\"")]),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "c.xlf",
        &xliff2(&[("<data id=\"d2\">", "<data id=\"d1\">")]),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "d.xlf",
        &xliff2(&[(" trgLang=\"zh-CN\"", "")]),
        "error",
        "trglang-missing",
    );
    assert_finding(
        "e.xlf",
        &xliff2(&[("srcLang=\"en-US\"", "srcLang=\"en-\"")]),
        "error",
        "bad-language-tag",
    );
    assert_finding(
        "f.xlf",
        &xliff2(&[("<target>", "<target xml:lang=\"fr\">")]),
        "error",
        "language-mismatch",
    );
    assert_finding(
        "g.xlf",
        &xliff2(&[("state=\"final\"", "subState=\"my:x\"")]),
        "error",
        "state",
    );
    assert_finding(
        "h.xlf",
        &xliff2(&[(
            "<segment id=\"s2\">",
            "<segment id=\"s2\" state=\"translated\">",
        )]),
        "error",
        "target-missing",
    );
    assert_finding(
        "i.xlf",
        &xliff2(&[("dataRefEnd=\"d2\">Yes", "dataRefEnd=\"d9\">Yes")]),
        "error",
        "bad-reference",
    );
    assert_finding(
        "j.xlf",
        &xliff2(&[("<ec startRef=\"2\"/>", "")]),
        "error",
        "isolated",
    );
    assert_finding(
        "k.xlf",
        &xliff2(&[(
            "ref=\"#n=n1\">x</mrk></source>",
            "ref=\"#n=n7\">x</mrk></source>",
        )]),
        "error",
        "comment",
    );
    assert_finding(
        "l.xlf",
        &xliff2(&[(
            "<ec startRef=\"2\"/>",
            "<ec startRef=\"2\" canCopy=\"no\"/>",
        )]),
        "error",
        "code-pair",
    );
    assert_finding(
        "m.xlf",
        &xliff2(&[("<target>", "<target order=\"3\">")]),
        "error",
        "order",
    );
    assert_finding(
        "n.xlf",
        &xliff2(&[(
            "ref=\"#n=n1\">x</mrk></source>",
            "ref=\"#n/n1\">x</mrk></source>",
        )]),
        "error",
        "fragment-id",
    );
}

const TBX_OK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>Belt and Road</term></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>一带一路</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>spokesperson</term></termSec></langSec></conceptEntry>
  </body></text>
</tbx>
"#;

#[test]
fn tbx_checks() {
    assert_valid("ok.tbx", TBX_OK);
    assert_finding(
        "a.tbx",
        &TBX_OK.replacen("id=\"c2\"", "id=\"c1\"", 1),
        "error",
        "duplicate-id",
    );
    assert_finding(
        "b.tbx",
        &TBX_OK.replacen("xml:lang=\"zh-CN\"", "xml:lang=\"chinese simplified\"", 1),
        "error",
        "bad-language-tag",
    );
    assert_finding(
        "c.tbx",
        &TBX_OK.replacen("<termSec><term>spokesperson</term></termSec>", "", 1),
        "error",
        "empty-entry",
    );
}

#[test]
fn output_format_json_and_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ok = write(dir.path(), "ok.tmx", TMX_OK);
    let bad = write(dir.path(), "bad.tmx", &tmx(&[("tuid=\"2\"", "tuid=\"1\"")]));
    let out = run(&[ok.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{}: valid (tmx)", ok.display())
    );
    let out = run(&[ok.as_os_str(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let first = format!("{}:6:5: error: [duplicate-id] ", bad.display());
    assert!(text.lines().any(|l| l.starts_with(&first)), "{text}");
    assert!(
        text.contains(&format!("{}: 1 error, 0 warnings", bad.display())),
        "{text}"
    );

    let out = run(&["--json".as_ref(), ok.as_os_str(), bad.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json[0]["valid"], true);
    assert_eq!(json[0]["format"], "tmx");
    assert_eq!(json[1]["valid"], false);
    assert_eq!(json[1]["diagnostics"][0]["rule"], "duplicate-id");
    assert_eq!(json[1]["diagnostics"][0]["severity"], "error");
    assert_eq!(json[1]["diagnostics"][0]["line"], 6);

    // --as forces the format; an unknown one is bad usage.
    let out = run(&["--as".as_ref(), "tmx".as_ref(), ok.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["--as".as_ref(), "docx".as_ref(), ok.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));

    // Missing file and unknown format: errors naming the file.
    let missing = dir.path().join("missing.tmx");
    let out = run(&[missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("missing.tmx"));
    let html = write(dir.path(), "page.xml", "<html/>");
    let out = run(&[html.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("page.xml:0:0: error: [input] not a TMX"));

    let help = bin().args(["validate", "--help"]).output().expect("run");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--as") && help.contains("--json") && help.contains("Exit status"));
}

#[test]
fn hostile_input_is_reported_not_expanded() {
    let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&e;</seg></tuv></tu></body></tmx>\n";
    let (code, out) = validate_text("xxe.tmx", xxe);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[entity]"), "{out}");
    assert!(!out.contains("root:"), "file contents leaked:\n{out}");

    let mut laughs =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        laughs.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    laughs.push_str("]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n");
    let (code, out) = validate_text("laughs.tmx", &laughs);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[entity]"), "{out}");

    let depth = 100_000;
    let deep = format!(
        "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>{}x{}</seg></tuv></tu></body></tmx>",
        "<hi>".repeat(depth),
        "</hi>".repeat(depth)
    );
    let (code, out) = validate_text("deep.tmx", &deep);
    assert!(code == 0 || code == 1, "crashed: {code}\n{out}");
    let unclosed = format!("<tmx version=\"1.4\">{}", "<a>".repeat(depth));
    let (code, out) = validate_text("unclosed.tmx", &unclosed);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[well-formed]"), "{out}");
}

#[test]
fn large_file_streams() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("big.tmx");
    let mut text = String::with_capacity(21 << 20);
    text.push_str("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en-US\" creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en-US\" datatype=\"plaintext\"/><body>\n");
    let mut i = 0;
    while text.len() < 20 << 20 {
        text.push_str(&format!("<tu tuid=\"{i}\"><tuv xml:lang=\"en-US\"><seg>Sentence number {i} of the press conference.</seg></tuv><tuv xml:lang=\"zh-CN\"><seg>记者会第{i}句。</seg></tuv></tu>\n"));
        i += 1;
    }
    text.push_str("</body></tmx>\n");
    std::fs::write(&p, &text).expect("write");
    let out = run(&[p.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn exported_samples_validate() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .arg("export")
        .arg(&samples)
        .arg("-o")
        .arg(dir.path())
        .output()
        .expect("run export");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("read output")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "tmx" || e == "xlf" || e == "tbx")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 3, "export wrote {files:?}");
    let args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    let out = run(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.contains(": valid (")).count(),
        files.len(),
        "{text}"
    );
}
