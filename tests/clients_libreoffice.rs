//! LibreOffice Calc opens the generic glossary CSV and the Chinese survives.
//!
//! LibreOffice (headless, private profile) imports the CSV with the options a user picks in
//! its Text Import dialog for this file (comma, double quote, UTF-8 = charset 76, from the
//! first line) and saves it as flat ODF (`.fods`); the test reads the sheet back and compares every
//! cell's displayed text with the file as the `csv` crate reads it: Chinese intact, the BOM
//! consumed (not glued to the first header cell), and the formula-neutralized cells (`'=…`,
//! `'+…`, `'-…`, `'@…`) kept as text, not evaluated.
//!
//! Why the explicit charset: LibreOffice 7.4 converting headless without filter options reads
//! a CSV as Western Europe (Windows-1252) even with a UTF-8 BOM: the BOM shows up as `ï»¿` in
//! the first cell and the Chinese as mojibake. The interactive dialog is where users pick
//! UTF-8; an unattended conversion has to say it.
//!
//! The file checked is a parameter: by default `tests/fixtures/glossary/glossary.csv`; set
//! `ZHEN_TM_GLOSSARY_CSV` to a real export to check that instead.
//!
//! Skips with a message when soffice is missing.

#[path = "common/clients.rs"]
mod clients;

use clients::SheetCell;
use std::path::{Path, PathBuf};

/// CSV import filter options: separator 44 (`,`), text delimiter 34 (`"`), charset 76
/// (UTF-8), first line 1. The remaining tokens keep their defaults (in particular formulas
/// in cells are evaluated, as in the dialog), which is what makes neutralization matter.
const CSV_UTF8: &str = "44,34,76,1";

const HEADER: [&str; 10] = [
    "zh-CN",
    "en-US",
    "status",
    "category",
    "variants",
    "documents",
    "first_seen",
    "last_seen",
    "example_zh",
    "example_en",
];

fn file_under_test() -> (PathBuf, bool) {
    match std::env::var_os("ZHEN_TM_GLOSSARY_CSV").filter(|v| !v.is_empty()) {
        Some(p) => (PathBuf::from(p), false),
        None => (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary/glossary.csv"),
            true,
        ),
    }
}

/// The file's rows as the `csv` crate reads them (RFC 4180), after checking the layout the
/// exporter promises: UTF-8 BOM, CRLF line ends, the fixed header.
fn read_original(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read CSV");
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("{}: no UTF-8 BOM", path.display()));
    assert!(
        body.ends_with(b"\r\n"),
        "{}: last record not CRLF-terminated",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.expect("RFC 4180 record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    assert_eq!(
        rows.first().map(Vec::as_slice),
        Some(&HEADER.map(String::from)[..])
    );
    rows
}

fn texts(row: &[SheetCell]) -> Vec<String> {
    row.iter().map(|c| c.text.clone()).collect()
}

fn open(path: &Path, options: &str) -> Option<Vec<Vec<SheetCell>>> {
    let Some(result) = clients::soffice_open_csv(path, options) else {
        eprintln!("{}", clients::SOFFICE_SKIP);
        return None;
    };
    Some(result.unwrap_or_else(|e| panic!("LibreOffice conversion failed: {e}")))
}

#[test]
fn libreoffice_opens_the_glossary_csv_with_chinese_intact() {
    let (file, is_fixture) = file_under_test();
    let original = read_original(&file);
    assert!(original.len() > 1, "{}: no entries", file.display());
    let Some(sheet) = open(&file, CSV_UTF8) else {
        return;
    };

    // Row for row, cell for cell, the displayed text is the file's text. Empty trailing
    // cells are not stored by LibreOffice, so compare after dropping them on both sides.
    assert_eq!(sheet.len(), original.len(), "row count");
    for (i, (got, want)) in sheet.iter().zip(&original).enumerate() {
        let mut want = want.clone();
        while want.last().is_some_and(String::is_empty) {
            want.pop();
        }
        assert_eq!(texts(got), want, "{}: row {}", file.display(), i + 1);
    }

    // The BOM was taken as the encoding mark, not as part of the first header cell.
    assert_eq!(sheet[0][0].text, "zh-CN");
    assert_eq!(sheet[0][0].value_type, "string");

    // Nothing the exporter wrote became a formula; the neutralized cells are plain text.
    let mut neutralized = 0;
    for (i, row) in sheet.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            assert_eq!(
                cell.formula,
                None,
                "row {} column {}: LibreOffice evaluated {:?}",
                i + 1,
                j + 1,
                cell.text
            );
            let t = &cell.text;
            if t.starts_with('\'') && t[1..].starts_with(['=', '+', '-', '@']) {
                assert_eq!(cell.value_type, "string", "row {} column {}", i + 1, j + 1);
                neutralized += 1;
            }
        }
    }

    if is_fixture {
        assert_eq!(sheet[1][0].text, "人类命运共同体");
        assert_eq!(
            sheet[1][1].text,
            "community with a shared future for humanity"
        );
        assert_eq!(sheet[2][0].text, "全球南方");
        assert_eq!(sheet[3][0].text, "一带一路");
        assert_eq!(sheet[3][8].text, "共建“一带一路”，不搞“小院高墙”。");
        assert_eq!(sheet[4][1].text, "Shanghai Cooperation Organization");
        assert_eq!(sheet[5][1].text, "'=1+1");
        assert_eq!(sheet[5][1].value_type, "string");
        assert_eq!(neutralized, 4, "the fixture's four neutralized cells");
    }
}

/// Control: the same import evaluates a cell that starts with `=`, so the check above would
/// catch an exporter that forgot to neutralize.
#[test]
fn libreoffice_evaluates_an_unneutralized_formula_cell() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let csv = tmp.path().join("control.csv");
    std::fs::write(&csv, "\u{feff}zh-CN,en-US\r\n公式,=1+1\r\n公式,'=1+1\r\n").expect("write");
    let Some(sheet) = open(&csv, CSV_UTF8) else {
        return;
    };
    assert_eq!(sheet[1][0].text, "公式");
    assert_eq!(
        sheet[1][1].formula.as_deref(),
        Some("of:=1+1"),
        "{:?}",
        sheet[1][1]
    );
    assert_eq!(sheet[1][1].text, "2");
    assert_eq!(sheet[2][1].formula, None);
    assert_eq!(sheet[2][1].text, "'=1+1");
}

/// The generic CSV our exporter writes (`zhen-tm terms --format csv`) opens in LibreOffice
/// with the Chinese intact, the BOM not in the first header cell, and a formula-like term
/// neutralized as text.
#[test]
fn libreoffice_opens_our_exported_glossary_csv() {
    use zhen_tm::glossary::{export, Entry};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("glossary.csv");
    let entries = vec![
        Entry {
            zh: "人类命运共同体".into(),
            en: "community with a shared future for humanity".into(),
            variants: vec!["community with a shared future for mankind".into()],
            category: "concept".into(),
            example_zh: "共建“一带一路”，不搞“小院高墙”。".into(),
            ..Default::default()
        },
        Entry {
            zh: "公式测试".into(),
            en: "=1+1".into(),
            category: "other".into(),
            ..Default::default()
        },
    ];
    let file = std::fs::File::create(&path).expect("create");
    export::write(
        file,
        export::GlossaryFormat::Csv,
        &entries,
        &Default::default(),
    )
    .expect("export");
    let Some(sheet) = open(&path, CSV_UTF8) else {
        return;
    };
    assert_eq!(sheet[0][0].text, "zh-CN");
    assert_eq!(sheet[1][0].text, "人类命运共同体");
    assert_eq!(
        sheet[1][1].text,
        "community with a shared future for humanity"
    );
    assert!(
        sheet[1]
            .iter()
            .any(|c| c.text == "共建“一带一路”，不搞“小院高墙”。"),
        "example kept"
    );
    assert_eq!(sheet[2][1].text, "'=1+1");
    assert_eq!(sheet[2][1].value_type, "string");
    assert!(
        sheet.iter().flatten().all(|c| c.formula.is_none()),
        "nothing evaluated"
    );
}

#[path = "common/cli.rs"]
mod cli;

/// A CSV cell as its text would be without the `'` that protects a formula start (the
/// XLSX needs none: its cells are strings, never formulas).
fn unprotected(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// `zhen-tm export --format xlsx,csv` on a sample whose first English sentence starts
/// with `=HYPERLINK(` and carries an ESC: LibreOffice opens the workbook, and its sheet
/// holds the CSV's rows cell for cell (Chinese intact), the formula-like sentence as text
/// (no formula, no apostrophe), the unit and the score as numbers, no ESC. Two runs give
/// the same bytes (with SOURCE_DATE_EPOCH and without it).
#[test]
fn libreoffice_opens_the_pairs_xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(cli::sample("000"))
        .expect("sample")
        .replacen(
            "Friends from the media, good morning.",
            "=HYPERLINK(\"http://x\",\"y\") Friends from the media, \u{1b}[31mgood morning.",
            1,
        );
    let input = dir.path().join("press.bilingual.md");
    std::fs::write(&input, text).expect("write");
    let export = |out: &str, epoch: Option<&str>| {
        let mut cmd = cli::zhen_tm();
        cmd.arg("export")
            .arg(&input)
            .args(["--format", "xlsx,csv", "-o"])
            .arg(dir.path().join(out));
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let o = cmd.output().expect("run zhen-tm");
        cli::assert_ok(&o);
        dir.path().join(out).join("press.bilingual.xlsx")
    };
    let xlsx = export("a", Some("1741305600"));
    let bytes = std::fs::read(&xlsx).expect("xlsx");
    assert!(!bytes.is_empty());
    assert_eq!(
        bytes,
        std::fs::read(export("b", Some("1741305600"))).unwrap()
    );
    assert_eq!(
        std::fs::read(export("c", None)).unwrap(),
        std::fs::read(export("d", None)).unwrap()
    );

    let csv_rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(dir.path().join("a/press.bilingual.csv"))
        .expect("csv")
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    let Some(sheet) = clients::soffice_open(&xlsx) else {
        eprintln!("{}", clients::SOFFICE_SKIP);
        return;
    };
    let sheet = sheet.unwrap_or_else(|e| panic!("LibreOffice conversion failed: {e}"));
    assert_eq!(sheet.len(), csv_rows.len(), "row count");
    assert!(sheet.len() > 40, "the sample's pairs: {}", sheet.len());
    for (i, (got, want)) in sheet.iter().zip(&csv_rows).enumerate() {
        let mut want: Vec<&str> = want.iter().map(|c| unprotected(c)).collect();
        while want.last().is_some_and(|c| c.is_empty()) {
            want.pop();
        }
        assert_eq!(texts(got), want, "row {}", i + 1);
        assert!(got.iter().all(|c| c.formula.is_none()), "row {}", i + 1);
        if i > 0 {
            assert_eq!(got[8].value_type, "float", "unit of row {}", i + 1);
            assert_eq!(got[11].value_type, "float", "score of row {}", i + 1);
            assert_eq!(got[0].value_type, "string");
        }
    }
    assert_eq!(sheet[0][11].text, "score");
    let hyperlink = sheet
        .iter()
        .find(|r| r[1].text.starts_with("=HYPERLINK("))
        .expect("the formula-like sentence, as text");
    assert_eq!(hyperlink[1].value_type, "string");
    assert!(hyperlink[1]
        .text
        .contains("Friends from the media, [31mgood morning."));
    assert!(sheet.iter().flatten().all(|c| !c.text.contains('\u{1b}')));
    assert!(sheet[1][0]
        .text
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
}

/// `zhen-tm terms --format xlsx,csv`: LibreOffice opens the glossary workbook, which holds
/// glossary.csv's rows (the status column included) cell for cell.
#[test]
fn libreoffice_opens_the_glossary_xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = cli::run([
        "terms".as_ref(),
        cli::samples_dir().as_os_str(),
        "--format".as_ref(),
        "xlsx,csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    cli::assert_ok(&o);
    let bytes = std::fs::read(out.join("glossary.csv")).expect("csv");
    let csv_rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("BOM"))
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    let Some(sheet) = clients::soffice_open(&out.join("glossary.xlsx")) else {
        eprintln!("{}", clients::SOFFICE_SKIP);
        return;
    };
    let sheet = sheet.unwrap_or_else(|e| panic!("LibreOffice conversion failed: {e}"));
    assert_eq!(sheet.len(), csv_rows.len(), "row count");
    for (i, (got, want)) in sheet.iter().zip(&csv_rows).enumerate() {
        let mut want: Vec<&str> = want.iter().map(|c| unprotected(c)).collect();
        while want.last().is_some_and(|c| c.is_empty()) {
            want.pop();
        }
        assert_eq!(texts(got), want, "row {}", i + 1);
    }
    assert_eq!(sheet[0][2].text, "status");
    let unreviewed = sheet.iter().filter(|r| r[2].text == "unreviewed").count();
    let reviewed = sheet.iter().filter(|r| r[2].text == "reviewed").count();
    assert!(unreviewed > 0 && reviewed > 0, "{reviewed} / {unreviewed}");
    eprintln!(
        "glossary.xlsx in LibreOffice: {} rows, {reviewed} reviewed, {unreviewed} unreviewed",
        sheet.len() - 1
    );
}
