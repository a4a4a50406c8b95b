//! OmegaT loads our glossaries.
//!
//! Each test puts one glossary file into the `glossary/` folder of a fresh zh-CN → en-US
//! OmegaT project, runs OmegaT in console mode with a Groovy script that calls OmegaT's own
//! glossary loader on it (see `common/clients.rs`), and compares the entries OmegaT reports
//! (source term, target term) with the expected ones.
//!
//! The file checked is a parameter: by default the hand-made fixture in
//! `tests/fixtures/glossary/` (compared with the entries below); set `ZHEN_TM_GLOSSARY_OMEGAT`
//! (`glossary.utf8`), `ZHEN_TM_GLOSSARY_TBX` (TBX-Basic v3) or `ZHEN_TM_GLOSSARY_TBX2008`
//! (`martif`) to a real export to check that instead; its expected entries are then read from
//! the file itself by an independent reader here, so the test shows OmegaT sees exactly what
//! the file says.
//!
//! Skips with a message when OmegaT or java is missing.

#[path = "common/clients.rs"]
mod clients;

use clients::{OmegatEntry, OmegatLoad};
use quick_xml::events::Event;
use std::path::{Path, PathBuf};

/// The fixtures' entries, as (Chinese, English).
const FIXTURE_TERMS: &[(&str, &str)] = &[
    (
        "人类命运共同体",
        "community with a shared future for humanity",
    ),
    ("全球南方", "Global South"),
    ("一带一路", "Belt and Road"),
    ("上海合作组织", "Shanghai Cooperation Organization"),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/glossary")
        .join(name)
}

/// The file to check: `$var` if set, else the fixture. The bool says whether it is the
/// fixture.
fn file_under_test(var: &str, fixture_name: &str) -> (PathBuf, bool) {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(p) => (PathBuf::from(p), false),
        None => (fixture(fixture_name), true),
    }
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Independent reading of an OmegaT tab-separated glossary: UTF-8 (a BOM is allowed), one
/// entry a line, `source<TAB>target[<TAB>comment]`; blank lines and `#` comment lines skipped.
fn read_tsv_pairs(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("read glossary");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let src = cols.next().unwrap_or_default().to_string();
            let tgt = cols.next().unwrap_or_default().to_string();
            (src, tgt)
        })
        .collect()
}

/// Independent reading of a TBX file, either form: for every `termEntry` / `conceptEntry`,
/// the `term`s of the zh and en `langSet` / `langSec`; one pair per (zh term, en term), the
/// way OmegaT pairs them.
fn read_tbx_pairs(path: &Path) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_file(path).expect("open TBX");
    let mut buf = Vec::new();
    let mut pairs = Vec::new();
    let (mut zh, mut en): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut lang = String::new();
    let mut term: Option<String> = None;
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed TBX") {
            Event::Start(e) => match e.local_name().as_ref() {
                b"termEntry" | b"conceptEntry" => {
                    zh.clear();
                    en.clear();
                }
                b"langSet" | b"langSec" => {
                    lang = e
                        .try_get_attribute("xml:lang")
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).to_lowercase())
                        .unwrap_or_default();
                }
                b"term" => term = Some(String::new()),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(s) = term.as_mut() {
                    s.push_str(&t.unescape().expect("text"));
                }
            }
            Event::CData(t) => {
                if let Some(s) = term.as_mut() {
                    s.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"term" => {
                    let t = term.take().unwrap_or_default();
                    if lang.starts_with("zh") {
                        zh.push(t);
                    } else if lang.starts_with("en") {
                        en.push(t);
                    }
                }
                b"termEntry" | b"conceptEntry" => {
                    for z in &zh {
                        for e in &en {
                            pairs.push((z.clone(), e.clone()));
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    pairs
}

/// Runs OmegaT on `file`: its version and what it made of the file; `None` when OmegaT is
/// absent (the message is printed).
fn omegat_load(file: &Path) -> Option<(String, OmegatLoad)> {
    let Some(result) = clients::omegat_load_glossaries(&[file]) else {
        eprintln!("{}", clients::OMEGAT_SKIP);
        return None;
    };
    let run = result.unwrap_or_else(|e| panic!("OmegaT run failed: {e}"));
    let mut loads = run.files;
    assert_eq!(loads.len(), 1, "one glossary file, one result: {loads:?}");
    let (name, load) = loads.remove(0);
    assert_eq!(
        Some(name.as_str()),
        file.file_name().and_then(|n| n.to_str())
    );
    Some((run.version, load))
}

fn pairs_of(entries: &[OmegatEntry]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|e| (e.source.clone(), e.target.clone()))
        .collect()
}

#[test]
fn omegat_loads_the_tab_separated_glossary() {
    let (file, is_fixture) = file_under_test("ZHEN_TM_GLOSSARY_OMEGAT", "glossary.utf8");
    let expected = if is_fixture {
        let mut v = owned(FIXTURE_TERMS);
        // The fixture's formula-like target, neutralized for spreadsheets: OmegaT takes it
        // literally.
        v.push(("公式测试".into(), "'=1+1".into()));
        assert_eq!(
            v,
            read_tsv_pairs(&file),
            "fixture and its independent reading differ"
        );
        v
    } else {
        read_tsv_pairs(&file)
    };
    assert!(!expected.is_empty(), "{}: no entries", file.display());
    let Some((_, load)) = omegat_load(&file) else {
        return;
    };
    let OmegatLoad::Loaded(entries) = load else {
        panic!("OmegaT could not load {}: {load:?}", file.display());
    };
    assert_eq!(pairs_of(&entries), expected, "{}", file.display());
    if is_fixture {
        // The third column is OmegaT's comment.
        assert_eq!(entries[1].comment, "concept");
        assert_eq!(
            entries[0].comment,
            "concept; variants: community of shared future for mankind"
        );
    }
}

#[test]
fn omegat_loads_the_tbx2008_martif_glossary() {
    let (file, is_fixture) = file_under_test("ZHEN_TM_GLOSSARY_TBX2008", "glossary.2008.tbx");
    let expected = if is_fixture {
        let v = owned(FIXTURE_TERMS);
        assert_eq!(
            v,
            read_tbx_pairs(&file),
            "fixture and its independent reading differ"
        );
        v
    } else {
        read_tbx_pairs(&file)
    };
    assert!(!expected.is_empty(), "{}: no entries", file.display());
    let Some((_, load)) = omegat_load(&file) else {
        return;
    };
    let OmegatLoad::Loaded(entries) = load else {
        panic!("OmegaT could not load {}: {load:?}", file.display());
    };
    assert_eq!(pairs_of(&entries), expected, "{}", file.display());
    if is_fixture {
        // Entry-level descrips become OmegaT's comment.
        assert_eq!(entries[2].comment, "subjectField: initiative");
    }
}

/// TBX v3 (ISO 30042:2019, root `tbx` in namespace `urn:iso:std:iso:30042:ed-2`): OmegaT 3.x
/// and 4.x unmarshal TBX with JAXB classes generated from the 2008 `martif` schema, so they
/// reject the v3 root outright; that is why the exporter also offers `tbx2008`. The test pins
/// that down for the installed version, and if an OmegaT that does read v3 is installed, it
/// must report exactly the file's entries.
#[test]
fn omegat_and_the_tbx_v3_glossary() {
    let (file, is_fixture) = file_under_test("ZHEN_TM_GLOSSARY_TBX", "glossary.tbx");
    let expected = if is_fixture {
        let v = owned(FIXTURE_TERMS);
        assert_eq!(
            v,
            read_tbx_pairs(&file),
            "fixture and its independent reading differ"
        );
        v
    } else {
        read_tbx_pairs(&file)
    };
    assert!(!expected.is_empty(), "{}: no entries", file.display());
    let Some((version, load)) = omegat_load(&file) else {
        return;
    };
    let martif_only = version.starts_with("3.") || version.starts_with("4.");
    match load {
        OmegatLoad::Failed(err) => {
            assert!(
                martif_only,
                "OmegaT {version:?} could not load TBX v3 {}: {err}",
                file.display()
            );
            assert!(
                err.contains("UnmarshalException")
                    && err.contains("urn:iso:std:iso:30042:ed-2")
                    && err.contains("martif"),
                "OmegaT {version} failed on TBX v3 for another reason than the unknown root: {err}"
            );
            eprintln!(
                "OmegaT {version} rejects TBX v3 as expected (reads only martif): {err:.120}"
            );
        }
        OmegatLoad::Loaded(entries) => {
            assert!(
                !martif_only,
                "OmegaT {version} unexpectedly loaded TBX v3: {entries:?}"
            );
            assert_eq!(pairs_of(&entries), expected, "{}", file.display());
        }
    }
}

/// All three files in one project, as a user would drop them into `glossary/`: each is loaded
/// on its own (a file OmegaT cannot read does not stop the others).
#[test]
fn omegat_loads_a_glossary_folder_with_every_form() {
    let files = [
        fixture("glossary.utf8"),
        fixture("glossary.2008.tbx"),
        fixture("glossary.tbx"),
    ];
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let Some(result) = clients::omegat_load_glossaries(&refs) else {
        eprintln!("{}", clients::OMEGAT_SKIP);
        return;
    };
    let loads = result
        .unwrap_or_else(|e| panic!("OmegaT run failed: {e}"))
        .files;
    let names: Vec<&str> = loads.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["glossary.2008.tbx", "glossary.tbx", "glossary.utf8"]
    );
    for (name, load) in &loads {
        if let OmegatLoad::Loaded(entries) = load {
            let pairs = pairs_of(entries);
            assert_eq!(
                &pairs[..FIXTURE_TERMS.len()],
                &owned(FIXTURE_TERMS)[..],
                "{name}"
            );
        } else {
            assert_eq!(name, "glossary.tbx", "only TBX v3 may fail: {load:?}");
        }
    }
}

/// The entries our exporter writes in the tests below: the fixture's terms, as
/// `zhen_tm::glossary::Entry` records (one with a formula-like English side).
fn exported_entries() -> Vec<zhen_tm::glossary::Entry> {
    let mut v: Vec<zhen_tm::glossary::Entry> = FIXTURE_TERMS
        .iter()
        .map(|(zh, en)| zhen_tm::glossary::Entry {
            zh: zh.to_string(),
            en: en.to_string(),
            category: "concept".into(),
            ..Default::default()
        })
        .collect();
    v[0].variants = vec!["community with a shared future for mankind".into()];
    v
}

/// Write `entries` with our exporter into `dir/name`.
fn export_glossary(
    dir: &Path,
    format: zhen_tm::glossary::export::GlossaryFormat,
    name: &str,
) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create glossary");
    zhen_tm::glossary::export::write(file, format, &exported_entries(), &Default::default())
        .expect("export");
    path
}

/// OmegaT loads the tab-separated glossary `zhen-tm terms --format omegat` writes, with
/// exactly our (Chinese, English) entries.
#[test]
fn omegat_loads_our_exported_tab_separated_glossary() {
    use zhen_tm::glossary::export::GlossaryFormat;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = export_glossary(dir.path(), GlossaryFormat::Omegat, "glossary.utf8");
    let expected = owned(FIXTURE_TERMS);
    assert_eq!(
        read_tsv_pairs(&file),
        expected,
        "our file, read independently"
    );
    let Some((_, load)) = omegat_load(&file) else {
        return;
    };
    let OmegatLoad::Loaded(entries) = load else {
        panic!("OmegaT could not load our glossary: {load:?}");
    };
    assert_eq!(pairs_of(&entries), expected);
}

/// OmegaT 3.6 loads the TBX 2008 (`martif`) glossary our exporter writes; the TBX v3 form
/// is for current termbases (see the fixture test for what OmegaT 3.6 does with it).
#[test]
fn omegat_loads_our_exported_tbx2008_glossary() {
    use zhen_tm::glossary::export::GlossaryFormat;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = export_glossary(dir.path(), GlossaryFormat::Tbx2008, "glossary.2008.tbx");
    let Some((_, load)) = omegat_load(&file) else {
        return;
    };
    let OmegatLoad::Loaded(entries) = load else {
        panic!("OmegaT could not load our TBX 2008 glossary: {load:?}");
    };
    let got = pairs_of(&entries);
    for pair in owned(FIXTURE_TERMS) {
        assert!(
            got.contains(&pair),
            "OmegaT did not report {pair:?}: {got:?}"
        );
    }
}

/// A discovered candidate in the OmegaT glossary: OmegaT loads it beside the reviewed
/// entries, and the comment it shows the translator says it is unreviewed (the reviewed
/// entry's comment does not).
#[test]
fn omegat_shows_a_candidate_as_unreviewed() {
    use zhen_tm::glossary::{export, Entry, Status};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("glossary.utf8");
    let entries = [
        Entry {
            zh: "全球南方".into(),
            en: "Global South".into(),
            category: "concept".into(),
            ..Default::default()
        },
        Entry {
            zh: "不针对第三方".into(),
            en: "targeting any third party".into(),
            category: "candidate".into(),
            status: Status::Unreviewed,
            ..Default::default()
        },
    ];
    let file = std::fs::File::create(&path).expect("create");
    export::write(
        file,
        export::GlossaryFormat::Omegat,
        &entries,
        &Default::default(),
    )
    .expect("export");
    let Some((_, load)) = omegat_load(&path) else {
        return;
    };
    let OmegatLoad::Loaded(got) = load else {
        panic!("OmegaT could not load the glossary: {load:?}");
    };
    assert_eq!(
        pairs_of(&got),
        owned(&[
            ("全球南方", "Global South"),
            ("不针对第三方", "targeting any third party")
        ])
    );
    assert!(!got[0].comment.contains("unreviewed"), "{:?}", got[0]);
    assert!(
        got[1].comment.starts_with("unreviewed candidate"),
        "{:?}",
        got[1]
    );
}
