//! Hostile input and failures (issue 10): bounded work on hostile files, nothing
//! half-written when an export fails, every refusal clear. One test (or a few) per point of
//! the issue, each reproducing the case it reported.

#[path = "common/cli.rs"]
mod cli;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use cli::*;

/// Exit `code`, no panic, no "internal error", and a message carrying every string of `also`.
fn assert_code(o: &Output, code: i32, also: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("internal error"), "{err}");
    for a in also {
        assert!(err.contains(a), "stderr lacks {a:?}:\n{err}");
    }
}

/// Every file under `dir` (recursively) with its bytes, to prove a run changed nothing.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.push((p.clone(), Vec::new()));
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_default();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// `zhen-tm validate FILE` on `text`; returns (exit code, stdout).
fn validate_bytes(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let o = run([OsStr::new("validate"), p.as_os_str()]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    (o.status.code().unwrap_or(-1), stdout(&o))
}

/// A valid TMX as `export` writes it for the bilingual fixture.
fn valid_tmx() -> String {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[input.as_os_str(), "--format".as_ref(), "tmx".as_ref()]);
    assert_ok(&o);
    std::fs::read_to_string(c.out().join("a.tmx")).unwrap()
}

// 1. validate: the attribute limit acts before the work.

#[test]
fn validate_stops_at_the_attribute_limit_before_the_work() {
    // 200,000 attributes on one element, 2.3 MB: minutes before the fix.
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let text = format!(
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header{attrs} creationtool=\"t\"/><body/></tmx>\n"
    );
    assert!(text.len() > 2_000_000);
    let started = Instant::now();
    let (code, out) = validate_bytes("attrs.tmx", text.as_bytes());
    let took = started.elapsed();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("more than 1024 attributes"), "{out}");
    assert!(took < Duration::from_secs(2), "took {took:?}");

    // The format detection reads the root's attributes too: a hostile root costs as little.
    let text = format!("<tmx{attrs} version=\"1.4\"><body/></tmx>");
    let started = Instant::now();
    let (code, out) = validate_bytes("root.tmx", text.as_bytes());
    assert_eq!(code, 1, "{out}");
    assert!(started.elapsed() < Duration::from_secs(2));

    // A repeated attribute is still caught without quick-xml's quadratic check.
    let tmx = valid_tmx().replacen("<header ", "<header x=\"1\" x=\"2\" ", 1);
    let (code, out) = validate_bytes("dup.tmx", tmx.as_bytes());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("appears twice"), "{out}");
}

// 2. A failed export leaves nothing half-written.

#[test]
fn a_format_named_twice_is_refused_up_front() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[
        input.as_os_str(),
        "--format".as_ref(),
        "tmx,csv,TMX".as_ref(),
    ]);
    assert_code(&o, 2, &["--format", "tmx twice"]);
    assert!(list_dir(&c.out()).is_empty(), "{:?}", list_dir(&c.out()));
}

#[test]
fn merge_named_like_the_old_unaligned_report_is_allowed() {
    // Reports are named after their memory (`NAME.unaligned.tsv`), so `--merge unaligned
    // --tsv` no longer meets one: its pairs are unaligned.tsv, its report
    // unaligned.unaligned.tsv.
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[
        input.as_os_str(),
        "--merge".as_ref(),
        "unaligned".as_ref(),
        "--tsv".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
    ]);
    assert_ok(&o);
    assert_eq!(
        list_dir(&c.out()),
        ["unaligned.tsv", "unaligned.unaligned.tsv"]
    );
}

#[test]
fn an_input_whose_output_would_overwrite_another_is_refused() {
    // `x.unaligned.txt` with --tsv writes its pairs to x.unaligned.tsv, the name of the
    // report of `x.txt`: refused before anything is written.
    let c = Case::new();
    let a = c.input("x.txt", BILINGUAL.as_bytes());
    let b = c.input("x.unaligned.txt", BILINGUAL.as_bytes());
    std::fs::create_dir_all(c.out()).unwrap();
    std::fs::write(c.out().join("x.unaligned.tsv"), "an earlier report\n").unwrap();
    let before = snapshot(&c.out());
    let o = c.export(&[
        a.as_os_str(),
        b.as_os_str(),
        "--tsv".as_ref(),
        "--keep-duplicates".as_ref(),
    ]);
    assert_code(
        &o,
        1,
        &["x.unaligned.txt", "x.unaligned.tsv", "nothing was written"],
    );
    assert_eq!(
        snapshot(&c.out()),
        before,
        "the earlier files are untouched"
    );

    // Two inputs whose names differ only in case would overwrite each other on Windows
    // and macOS.
    let c = Case::new();
    std::fs::create_dir(c.root().join("in/x")).unwrap();
    let a = c.input("Press.txt", BILINGUAL.as_bytes());
    let b = c.input("x/press.txt", BILINGUAL.as_bytes());
    let o = c.export(&[a.as_os_str(), b.as_os_str(), "--keep-duplicates".as_ref()]);
    assert_code(&o, 1, &["press.tmx", "nothing was written"]);
    assert!(list_dir(&c.out()).is_empty(), "{:?}", list_dir(&c.out()));
}

#[test]
fn a_rename_failing_midway_restores_what_was_there() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    // An earlier export, then the last file's place taken by a folder: the final moves
    // fail after the memories have been moved.
    let o = c.export(&[input.as_os_str()]);
    assert_ok(&o);
    for f in ["a.tmx", "a.xliff12.xlf", "a.xliff21.xlf", "a.csv"] {
        std::fs::write(c.out().join(f), format!("earlier {f}")).unwrap();
    }
    std::fs::remove_file(c.out().join("a.unaligned.tsv")).unwrap();
    std::fs::create_dir(c.out().join("a.unaligned.tsv")).unwrap();
    let before = snapshot(&c.out());
    let o = c.export(&[input.as_os_str()]);
    assert_code(&o, 1, &["a.unaligned.tsv", "is a directory"]);
    assert_eq!(snapshot(&c.out()), before, "the folder is as it was");
    // Once the obstacle is gone the export replaces every file.
    std::fs::remove_dir(c.out().join("a.unaligned.tsv")).unwrap();
    assert_ok(&c.export(&[input.as_os_str()]));
    let tmx = std::fs::read_to_string(c.out().join("a.tmx")).unwrap();
    assert!(tmx.contains("<tmx"), "{tmx}");
    assert_eq!(
        list_dir(&c.out()),
        [
            "a.csv",
            "a.tmx",
            "a.unaligned.tsv",
            "a.xliff12.xlf",
            "a.xliff21.xlf"
        ]
    );
}

// 3. DOCTYPEs with external parts are reported by validate.

#[test]
fn doctype_with_external_parts_is_an_error() {
    let tmx = valid_tmx();
    let (code, out) = validate_bytes("ok.tmx", tmx.as_bytes());
    assert_eq!(code, 0, "{out}");
    let with = |doctype: &str| tmx.replacen("?>\n", &format!("?>\n{doctype}\n"), 1);
    for doctype in [
        "<!DOCTYPE tmx [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>",
        "<!DOCTYPE tmx SYSTEM \"http://127.0.0.1:9/tmx14.dtd\">",
        "<!DOCTYPE tmx PUBLIC \"-//LISA OSCAR:1998//DTD for TMX//EN\" \"https://example.com/tmx14.dtd\">",
        "<!DOCTYPE tmx SYSTEM \"/etc/tmx14.dtd\">",
        "<!DOCTYPE tmx [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
    ] {
        let (code, out) = validate_bytes("doctype.tmx", with(doctype).as_bytes());
        assert_eq!(code, 1, "{doctype}\n{out}");
        assert!(out.contains("error: [doctype-external]"), "{doctype}\n{out}");
        assert!(out.contains("doctype.tmx:2:1:"), "position: {out}");
    }
    // A DTD named by a relative path (as many TMX files do) is a warning: still valid.
    let (code, out) = validate_bytes(
        "dtd.tmx",
        with("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">").as_bytes(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning: [doctype]"), "{out}");
    assert!(out.contains("valid (tmx), 1 warning"), "{out}");
}

// 4. The pairs CSV is safe to open in a spreadsheet.

#[test]
fn pairs_csv_neutralizes_formulas_and_drops_control_characters() {
    let c = Case::new();
    let text = BILINGUAL
        .replace(
            "Good morning, friends from the media.",
            "=HYPERLINK(\"http://x\",\"y\") Good morning, friends from the media.",
        )
        .replace("China will keep", "China \u{1b}[31mwill keep");
    let input = c.input("=2+2 briefing.txt", text.as_bytes());
    for tsv in [false, true] {
        let mut args = vec![input.as_os_str(), "--format".as_ref(), "csv,tmx".as_ref()];
        if tsv {
            args.push("--tsv".as_ref());
        }
        let o = c.export(&args);
        assert_ok(&o);
        let (name, delim) = if tsv {
            ("=2+2 briefing.tsv", b'\t')
        } else {
            ("=2+2 briefing.csv", b',')
        };
        let raw = std::fs::read(c.out().join(name)).unwrap();
        assert!(!raw.contains(&0x1b), "ESC passed into {name}");
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delim)
            .from_reader(raw.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert!(!rows.is_empty());
        for row in &rows {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: cell {cell:?} would run as a formula"
                );
            }
            assert_eq!(&row[4], "'=2+2 briefing", "document column");
        }
        assert!(
            rows.iter().any(|r| r[1].starts_with("'=HYPERLINK(")),
            "{rows:?}"
        );
        // The ESC is gone; the characters after it are ordinary text.
        assert!(
            rows.iter().any(|r| r[1].contains("China [31mwill keep")),
            "{rows:?}"
        );
        // The memory itself keeps the text as the transcript has it.
        let tmx = std::fs::read_to_string(c.out().join("=2+2 briefing.tmx")).unwrap();
        assert!(tmx.contains("<seg>=HYPERLINK("), "{tmx}");
    }
    // The summary counts the removed character once, whatever the formats.
    let o = c.export(&[input.as_os_str()]);
    assert_ok(&o);
    assert!(
        stdout(&o).contains("characters XML 1.0 forbids, removed: 1"),
        "{}",
        stdout(&o)
    );
}

// 5. --merge accepts a plain file name only.

#[test]
fn merge_name_cannot_leave_the_output_folder() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let abs = c.root().join("abs-x");
    let abs = abs.to_string_lossy().into_owned();
    let before = snapshot(c.root());
    for name in [
        "../../x",
        "../x",
        abs.as_str(),
        "",
        ".",
        "..",
        ".hidden",
        "a/b",
        "a\\b",
    ] {
        let o = c.export(&[input.as_os_str(), "--merge".as_ref(), name.as_ref()]);
        assert_code(&o, 2, &["--merge"]);
        assert_eq!(
            snapshot(c.root()),
            before,
            "--merge {name:?} wrote something"
        );
    }
    // A plain name, even one with spaces and Chinese, works.
    let o = c.export(&[input.as_os_str(), "--merge".as_ref(), "王毅 press".as_ref()]);
    assert_ok(&o);
    assert!(c.out().join("王毅 press.tmx").is_file());
}

// 6. terms --terms refuses a truncated or malformed TBX.

#[test]
fn truncated_or_malformed_tbx_term_list_is_refused() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let mut tbx = String::from(
        "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" \
         xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n",
    );
    for i in 0..300 {
        tbx.push_str(&format!(
            "<conceptEntry id=\"c{i}\"><langSec xml:lang=\"zh\"><termSec><term>术语{i}</term></termSec></langSec>\
             <langSec xml:lang=\"en\"><termSec><term>term {i}</term></termSec></langSec></conceptEntry>\n"
        ));
    }
    tbx.push_str("</body></text></tbx>\n");
    let terms = |list: &Path| {
        zhen_tm()
            .arg("terms")
            .arg(&input)
            .arg("--terms")
            .arg(list)
            .arg("-o")
            .arg(c.out())
            .output()
            .unwrap()
    };
    // The whole list loads.
    let whole = c.input("whole.tbx", tbx.as_bytes());
    assert_ok(&terms(&whole));
    // Half of it (cut after an entry, or inside a term) is refused with the file and line,
    // instead of 150 entries loading silently.
    let half = tbx[..tbx.len() / 2].rfind('\n').unwrap() + 1;
    let inside = half + tbx[half..].find("<term>").unwrap() + "<term>".len() + 3;
    for end in [half, inside] {
        let cut = c.input("half.tbx", &tbx.as_bytes()[..end]);
        let o = terms(&cut);
        assert_code(&o, 1, &["half.tbx", "never closed", "truncated"]);
    }
    // A mismatched end tag and a second root element.
    let bad = c.input("bad.tbx", tbx.replace("</text>", "</txt>").as_bytes());
    assert_code(&terms(&bad), 1, &["bad.tbx", "not well-formed"]);
    let two = c.input("two.tbx", format!("{tbx}<tbx/>\n").as_bytes());
    assert_code(&terms(&two), 1, &["two.tbx", "second root"]);
    // validate agrees that the cut file is broken.
    let (code, out) = validate_bytes("half.tbx", &tbx.as_bytes()[..half]);
    assert_eq!(code, 1, "{out}");
}

// 7. Options and environment out of range are usage errors.

#[test]
fn options_and_environment_out_of_range_are_refused_up_front() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    for (flag, v) in [
        ("--min-score", "NaN"),
        ("--min-score", "2"),
        ("--min-score", "-0.5"),
        ("--review-below", "inf"),
        ("--review-below", "1.5"),
    ] {
        let arg = format!("{flag}={v}");
        let o = c.export(&[input.as_os_str(), arg.as_ref()]);
        assert_code(&o, 2, &[flag, v, "from 0 to 1"]);
        assert!(list_dir(&c.out()).is_empty());
    }
    for v in ["99999999999999999", "-1", "1e9", "soon"] {
        // `export` and `terms` refuse the same values the same way, before writing a file.
        for command in ["export", "terms"] {
            let o = zhen_tm()
                .args([
                    command.as_ref(),
                    input.as_os_str(),
                    "-o".as_ref(),
                    c.out().as_os_str(),
                ])
                .env("SOURCE_DATE_EPOCH", v)
                .output()
                .unwrap();
            assert_code(&o, 2, &["SOURCE_DATE_EPOCH", v]);
            assert!(list_dir(&c.out()).is_empty());
        }
    }
    // The last second a TMX date can hold is accepted, and the file is valid.
    let o = zhen_tm()
        .args([
            "export".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            c.out().as_os_str(),
        ])
        .env("SOURCE_DATE_EPOCH", "253402300799")
        .output()
        .unwrap();
    assert_ok(&o);
    let tmx = std::fs::read_to_string(c.out().join("a.tmx")).unwrap();
    assert!(tmx.contains("creationdate=\"99991231T235959Z\""), "{tmx}");
}

// 8. Messages that say what is wrong.

#[test]
fn forced_single_byte_encoding_on_utf8_says_so() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let o = c.export(&[input.as_os_str(), "--encoding".as_ref(), "latin1".as_ref()]);
    assert_code(&o, 1, &["a.txt", "is UTF-8 text", "drop --encoding"]);
    assert!(!stderr(&o).contains("English-only"), "{}", stderr(&o));
}

#[test]
fn validate_names_encoding_problems_and_empty_files() {
    let tmx = valid_tmx();
    // Invalid UTF-8 bytes inside a TMX: where, not "not a TMX".
    let mut bytes = tmx.clone().into_bytes();
    let at = tmx.find("<seg>").unwrap() + 5;
    bytes.splice(at..at, [0xFF, 0xFE, 0x41]);
    let (code, out) = validate_bytes("bad-utf8.tmx", &bytes);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not valid UTF-8"), "{out}");
    assert!(!out.contains("not a TMX"), "{out}");
    // GBK bytes under a GBK declaration.
    let gbk_text = tmx.replacen("encoding=\"UTF-8\"", "encoding=\"GBK\"", 1);
    let (gbk, _, _) = encoding_rs::GBK.encode(&gbk_text);
    let (code, out) = validate_bytes("gbk.tmx", &gbk);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("GBK") && out.contains("convert it to UTF-8"),
        "{out}"
    );
    // A declared ISO-8859-1 over UTF-8 bytes with Chinese: mojibake in a tool honouring it.
    let latin = tmx.replacen("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", 1);
    assert_ne!(latin, tmx, "the writer declares UTF-8");
    let (code, out) = validate_bytes("latin.tmx", latin.as_bytes());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("[encoding]") && out.contains("ISO-8859-1"),
        "{out}"
    );
    // An empty file.
    for empty in [&b""[..], b"\n  \n"] {
        let (code, out) = validate_bytes("empty.tmx", empty);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("the file is empty"), "{out}");
    }
}

// 9. Directories: links, unreadable subfolders, a file named twice.

#[cfg(unix)]
#[test]
fn a_linked_transcript_in_a_folder_is_read() {
    let c = Case::new();
    let elsewhere = c.root().join("elsewhere.txt");
    std::fs::write(&elsewhere, BILINGUAL).unwrap();
    let dir = c.root().join("in");
    std::os::unix::fs::symlink(&elsewhere, dir.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(c.root().join("missing.txt"), dir.join("broken.txt")).unwrap();
    std::os::unix::fs::symlink(c.root(), dir.join("loop")).unwrap();
    let o = c.export(&[dir.as_os_str()]);
    // The broken link is a problem (exit 1), the folder link a note; the linked file is read.
    assert_code(&o, 1, &["broken.txt", "loop", "not followed"]);
    assert!(
        c.out().join("linked.tmx").is_file(),
        "{:?}",
        list_dir(&c.out())
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_does_not_cost_the_transcripts_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let c = Case::new();
    let dir = c.root().join("in");
    c.input("good.txt", BILINGUAL.as_bytes());
    let locked = dir.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("hidden.txt"), BILINGUAL).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_ok() {
        // Running as root: permissions do not stop reading, nothing to test here.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: the folder stays readable (running as root)");
        return;
    }
    let o = c.export(&[dir.as_os_str()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_code(&o, 1, &["locked"]);
    assert!(
        c.out().join("good.tmx").is_file(),
        "{:?}",
        list_dir(&c.out())
    );
}

#[test]
fn the_same_file_named_twice_is_read_once() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let dotted = c.root().join("in/./a.txt");
    let dir = c.root().join("in");
    let o = c.export(&[input.as_os_str(), dotted.as_os_str(), dir.as_os_str()]);
    assert_ok(&o);
    assert!(
        stderr(&o).contains("named more than once"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("documents: 1"), "{}", stdout(&o));
    assert_eq!(
        list_dir(&c.out()),
        [
            "a.csv",
            "a.tmx",
            "a.unaligned.tsv",
            "a.xliff12.xlf",
            "a.xliff21.xlf"
        ]
    );
}

// 2 (terms). Glossaries: a format named twice is refused, a failed write restores the
// earlier glossaries.

#[test]
fn terms_glossaries_are_all_or_nothing() {
    let c = Case::new();
    let input = c.input("a.txt", BILINGUAL.as_bytes());
    let terms = |formats: &str| {
        zhen_tm()
            .arg("terms")
            .arg(&input)
            .args(["--format", formats, "-o"])
            .arg(c.out())
            .output()
            .unwrap()
    };
    let o = terms("csv,tbx,csv");
    assert_code(&o, 2, &["--format", "csv twice"]);
    assert!(!c.out().exists());

    assert_ok(&terms("csv,omegat,tbx"));
    std::fs::write(c.out().join("glossary.csv"), "earlier").unwrap();
    std::fs::remove_file(c.out().join("glossary.tbx")).unwrap();
    std::fs::create_dir(c.out().join("glossary.tbx")).unwrap();
    let before = snapshot(&c.out());
    let o = terms("csv,omegat,tbx");
    assert_code(&o, 1, &["glossary.tbx", "is a directory"]);
    assert!(!stderr(&o).contains(".zhen-tm-staging"), "{}", stderr(&o));
    assert_eq!(
        snapshot(&c.out()),
        before,
        "the glossaries are as they were"
    );
}
