//! Glossary exporters, end to end: every format written to a file from one awkward fixture
//! and read back with a real parser (csv crate, quick-xml), TBX checked by xmllint.

#[path = "common/oracle.rs"]
mod oracle;

use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;
use zhen_tm::glossary::export::{write, GlossaryFormat, GlossaryOptions};
use zhen_tm::glossary::{Entry, Status};
use zhen_tm::model::Lang;

fn fixture() -> Vec<Entry> {
    vec![
        Entry {
            zh: "人类命运共同体".into(),
            en: "community with a shared future for humanity".into(),
            variants: vec![
                "community with a shared future for mankind".into(),
                "community with a shared future for humanity".into(),
            ],
            category: "concept".into(),
            documents: vec!["2024-05-01-mfa".into(), "2019-03-02-mfa".into()],
            first_seen: Some("2019-03-02".into()),
            last_seen: Some("2024-05-01".into()),
            example_zh: "推动构建人类命运共同体。".into(),
            example_en: "Build a community with a shared future for humanity.".into(),
            status: Status::Reviewed,
            confidence: None,
        },
        Entry {
            zh: "=SUM(A1)".into(),
            en: "@cmd".into(),
            variants: vec!["-minus".into(), "+plus".into()],
            category: "other".into(),
            ..Entry::default()
        },
        Entry {
            zh: "和平，发展".into(),
            en: "peace, development".into(),
            category: "concept".into(),
            ..Entry::default()
        },
        Entry {
            zh: "“引号”".into(),
            en: "the \"quoted\" term".into(),
            category: "concept".into(),
            ..Entry::default()
        },
        Entry {
            zh: "制表符".into(),
            en: "tab\there".into(),
            category: "other".into(),
            ..Entry::default()
        },
        Entry {
            zh: "长".repeat(367), // 1101 bytes
            en: "very long term".into(),
            category: "other".into(),
            ..Entry::default()
        },
        Entry {
            zh: "地球🌍".into(),
            en: "Earth 🌍 & <friends>".into(),
            category: "place".into(),
            ..Entry::default()
        },
    ]
}

/// Writes `format` into a fresh temporary folder under its file name; returns the folder
/// (kept alive by the caller), the path, the bytes and the warnings.
fn export(
    format: GlossaryFormat,
    opts: &GlossaryOptions,
) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format.file_name());
    let file = std::fs::File::create(&path).unwrap();
    let warnings = write(file, format, &fixture(), opts).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    (dir, path, bytes, warnings)
}

fn opts(source: Lang) -> GlossaryOptions {
    GlossaryOptions {
        source,
        ..GlossaryOptions::default()
    }
}

fn csv_rows(bytes: &[u8], headers: bool) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(headers)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every line ends with CRLF (no bare LF outside quoted cells in these fixtures).
fn all_crlf(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != b'\n' || (i > 0 && bytes[i - 1] == b'\r'))
        && bytes.ends_with(b"\r\n")
}

#[test]
fn generic_csv() {
    let (_d, _p, bytes, warnings) = export(GlossaryFormat::Csv, &opts(Lang::En));
    assert!(warnings.is_empty());
    assert!(bytes.starts_with(BOM));
    assert!(all_crlf(&bytes));
    let body = &bytes[3..];
    let mut r = csv::Reader::from_reader(body);
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "zh-CN",
            "en-US",
            "status",
            "category",
            "variants",
            "documents",
            "first_seen",
            "last_seen",
            "example_zh",
            "example_en"
        ]
    );
    let rows = csv_rows(body, true);
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0][0], "人类命运共同体");
    assert_eq!(rows[0][2], "reviewed");
    assert_eq!(rows[0][4], "community with a shared future for mankind");
    assert_eq!(rows[0][5], "2024-05-01-mfa|2019-03-02-mfa");
    assert_eq!(rows[1][0], "'=SUM(A1)");
    assert_eq!(rows[1][1], "'@cmd");
    assert_eq!(rows[1][4], "'-minus|+plus");
    assert_eq!(rows[2][1], "peace, development");
    assert_eq!(rows[3][1], "the \"quoted\" term");
    assert_eq!(rows[4][1], "tab\there");
    assert_eq!(rows[5][0].len(), 1101);
    assert_eq!(rows[6][1], "Earth 🌍 & <friends>");

    let no_bom = GlossaryOptions {
        bom: false,
        ..GlossaryOptions::default()
    };
    let (_d, _p, bytes, _) = export(GlossaryFormat::Csv, &no_bom);
    assert!(bytes.starts_with(b"zh-CN,en-US,"));
}

#[test]
fn omegat_tsv() {
    let (_d, path, bytes, warnings) = export(GlossaryFormat::Omegat, &opts(Lang::Zh));
    assert_eq!(path.extension().unwrap(), "utf8");
    assert!(!bytes.starts_with(BOM));
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains('\r'));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with('#'));
    assert_eq!(lines.len(), 8);
    for l in &lines[1..] {
        assert_eq!(l.split('\t').count(), 3, "{l:?}");
    }
    assert!(lines[1].starts_with("人类命运共同体\tcommunity with a shared future for humanity\t"));
    assert!(lines[2].starts_with("=SUM(A1)\t@cmd\t"), "not neutralized");
    assert!(lines[5].starts_with("制表符\ttab here\t"));
    assert_eq!(warnings.len(), 1);

    let (_d, _p, bytes, _) = export(GlossaryFormat::Omegat, &opts(Lang::En));
    let text = String::from_utf8(bytes).unwrap();
    let sources: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        &sources[..2],
        [
            "community with a shared future for humanity",
            "community with a shared future for mankind"
        ]
    );
    assert!(sources.contains(&"-minus"));
}

#[test]
fn deepl_csv() {
    let (_d, _p, bytes, warnings) = export(GlossaryFormat::Deepl, &opts(Lang::Zh));
    assert!(!bytes.starts_with(BOM));
    assert!(!bytes.contains(&b'\r'));
    let rows = csv_rows(&bytes, false);
    assert!(rows.iter().all(|r| r.len() == 2));
    assert_eq!(
        rows[0],
        [
            "人类命运共同体",
            "community with a shared future for humanity"
        ]
    );
    assert_eq!(rows[1], ["=SUM(A1)", "@cmd"]);
    assert_eq!(rows[2], ["和平，发展", "peace, development"]);
    assert_eq!(rows[3], ["“引号”", "the \"quoted\" term"]);
    assert_eq!(rows[4], ["地球🌍", "Earth 🌍 & <friends>"]);
    assert_eq!(rows.len(), 5);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings
        .iter()
        .any(|w| w.starts_with("deepl:") && w.contains("1101 bytes") && w.contains("1024")));
    assert!(warnings.iter().any(|w| w.contains("a tab")));

    let (_d, _p, bytes, _) = export(GlossaryFormat::Deepl, &opts(Lang::En));
    let rows = csv_rows(&bytes, false);
    assert_eq!(
        rows[1],
        [
            "community with a shared future for mankind",
            "人类命运共同体"
        ]
    );
}

#[test]
fn google_csv() {
    let (_d, _p, bytes, _) = export(GlossaryFormat::Google, &opts(Lang::En));
    assert!(!bytes.starts_with(BOM));
    let rows = csv_rows(&bytes, false);
    assert_eq!(
        rows[0],
        [
            "community with a shared future for humanity",
            "人类命运共同体"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 2));

    let (_d, _p, bytes, _) = export(GlossaryFormat::GoogleEquivalent, &opts(Lang::Zh));
    assert!(bytes.starts_with(b"zh-CN,en-US,description\n"));
    let rows = csv_rows(&bytes, true);
    assert_eq!(rows[0][0], "人类命运共同体");
    assert!(rows.iter().all(|r| r.len() == 3));
}

#[test]
fn phrase_memoq_trados() {
    let (_d, _p, bytes, _) = export(GlossaryFormat::Phrase, &opts(Lang::Zh));
    assert!(bytes.starts_with(b"term,description,zh-CN,en-US\r\n"));
    assert!(all_crlf(&bytes));
    let rows = csv_rows(&bytes, true);
    assert_eq!(rows[1][0], "'=SUM(A1)");
    assert_eq!(rows[1][3], "'@cmd");

    let (_d, _p, bytes, _) = export(GlossaryFormat::Memoq, &opts(Lang::Zh));
    assert!(bytes.starts_with(BOM));
    assert!(all_crlf(&bytes));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "Entry_Subject",
            "Entry_Note",
            "Chinese_PRC",
            "Term_Example",
            "English_United_States",
            "Term_Example"
        ]
    );
    let rows = csv_rows(&bytes[3..], true);
    assert_eq!(rows[0][2], "人类命运共同体");
    assert_eq!(rows[1][4], "'@cmd");

    let (_d, _p, bytes, _) = export(GlossaryFormat::Trados, &opts(Lang::Zh));
    assert!(bytes.starts_with(BOM));
    let rows = csv_rows(&bytes[3..], false);
    assert_eq!(
        rows[0],
        [
            "Chinese",
            "English",
            "Subject",
            "Variants",
            "Note",
            "Context (Chinese)",
            "Context (English)"
        ]
    );
    assert_eq!(rows[1][3], "community with a shared future for mankind");
    assert_eq!(rows[2][3], "'-minus|+plus");
}

/// Element paths (local names joined by `/`) with their text, parsed by quick-xml; panics on
/// XML that is not well-formed.
fn xml_paths(bytes: &[u8]) -> Vec<(String, String)> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match r.read_event_into(&mut buf).unwrap() {
            Event::Start(s) => {
                path.push(String::from_utf8_lossy(s.local_name().as_ref()).into_owned());
                out.push((path.join("/"), String::new()));
                open.push(out.len() - 1);
            }
            Event::Empty(s) => out.push((
                format!(
                    "{}/{}",
                    path.join("/"),
                    String::from_utf8_lossy(s.local_name().as_ref())
                ),
                String::new(),
            )),
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].1.push_str(&t.unescape().unwrap());
                }
            }
            Event::End(_) => {
                path.pop();
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The TBX-Basic DCA Schematron rules our output touches, checked in Rust since the
/// Schematron needs an XSLT 2 engine xmllint does not have.
fn check_tbx_basic_dialect(paths: &[(String, String)]) {
    for (p, text) in paths {
        if p.ends_with("/termNote") {
            assert!(
                p.ends_with("termSec/termNote"),
                "termNote outside termSec: {p}"
            );
            assert!(
                [
                    "preferredTerm-admn-sts",
                    "admittedTerm-admn-sts",
                    "deprecatedTerm-admn-sts",
                    "supersededTerm-admn-sts"
                ]
                .contains(&text.as_str()),
                "{text}"
            );
        }
        if p.ends_with("/descrip") {
            assert!(
                p.ends_with("conceptEntry/descrip") || p.ends_with("termSec/descrip"),
                "descrip at a level TBX-Basic does not allow for our types: {p}"
            );
        }
    }
}

#[test]
fn tbx_v3_valid() {
    let (_d, path, bytes, warnings) = export(GlossaryFormat::Tbx, &opts(Lang::Zh));
    assert!(warnings.is_empty(), "{warnings:?}");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    ));
    let paths = xml_paths(&bytes);
    check_tbx_basic_dialect(&paths);
    let entries = paths
        .iter()
        .filter(|p| p.0 == "tbx/text/body/conceptEntry")
        .count();
    assert_eq!(entries, 7);
    let first: Vec<&str> = paths
        .iter()
        .filter(|p| p.0 == "tbx/text/body/conceptEntry/langSec/termSec/term")
        .map(|p| p.1.as_str())
        .take(3)
        .collect();
    assert_eq!(
        first,
        [
            "人类命运共同体",
            "community with a shared future for humanity",
            "community with a shared future for mankind"
        ]
    );
    assert!(paths
        .iter()
        .any(|p| p.0.ends_with("termSec/term") && p.1 == "Earth 🌍 & <friends>"));
    assert!(paths
        .iter()
        .any(|p| p.0.ends_with("termSec/term") && p.1 == "=SUM(A1)"));
    match oracle::xmllint(oracle::OracleSchema::TbxRng, &path) {
        None => println!("{}", oracle::SKIP_MESSAGE),
        Some(r) => r.unwrap(),
    }
}

#[test]
fn tbx_2008_well_formed() {
    let (_d, path, bytes, _) = export(GlossaryFormat::Tbx2008, &opts(Lang::Zh));
    let paths = xml_paths(&bytes);
    assert_eq!(paths[0].0, "martif");
    assert!(paths
        .iter()
        .any(|p| p.0 == "martif/martifHeader/fileDesc/sourceDesc/p"));
    assert_eq!(
        paths
            .iter()
            .filter(|p| p.0 == "martif/text/body/termEntry")
            .count(),
        7
    );
    assert!(paths
        .iter()
        .any(|p| p.0 == "martif/text/body/termEntry/langSet/tig/termNote"
            && p.1 == "preferredTerm-admn-sts"));
    // No TBX 2008 schema is collected in ../shared (only the v3 core RNG and the v3
    // dialect files), so xmllint can only check well-formedness here.
    if !oracle::xmllint_available() {
        println!("{}", oracle::SKIP_MESSAGE);
        return;
    }
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout"])
        .arg(Path::new(&path))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tbx_forbidden_characters_removed_and_still_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.tbx");
    let entries = [Entry {
        zh: "控制\u{1}字符\u{FFFF}".into(),
        en: "control\u{8} char".into(),
        ..Entry::default()
    }];
    let warnings = write(
        std::fs::File::create(&path).unwrap(),
        GlossaryFormat::Tbx,
        &entries,
        &GlossaryOptions::default(),
    )
    .unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("3 character"));
    let paths = xml_paths(&std::fs::read(&path).unwrap());
    assert!(paths
        .iter()
        .any(|p| p.0.ends_with("term") && p.1 == "控制字符"));
    match oracle::xmllint(oracle::OracleSchema::TbxRng, &path) {
        None => println!("{}", oracle::SKIP_MESSAGE),
        Some(r) => r.unwrap(),
    }
}
