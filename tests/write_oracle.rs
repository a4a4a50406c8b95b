//! Integration tests for the writers: every format is written for a multi-document fixture,
//! checked against the official schemas with xmllint (skipped when `../shared` or xmllint is
//! missing), and read back to check that the pairs survive the round trip.

#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};

use oracle::{xmllint, OracleSchema, SKIP_MESSAGE};
use quick_xml::events::Event;
use quick_xml::Reader;
use zhen_tm::model::{AlignedDocument, Lang, Pair, UnitKind};
use zhen_tm::write::{write_file, Format, WriteOptions, WriteStats};

fn pair(id: &str, doc: &str, unit: usize, en: &[&str], zh: &[&str], score: f64) -> Pair {
    Pair {
        id: id.to_string(),
        doc: doc.to_string(),
        date: Some("2025-03-07".to_string()),
        unit,
        kind: if unit == 0 {
            UnitKind::Title
        } else {
            UnitKind::Turn
        },
        speaker_en: (unit > 0).then(|| "Wang Yi".to_string()),
        speaker_zh: (unit > 0).then(|| "王毅".to_string()),
        en: en.iter().map(|s| s.to_string()).collect(),
        zh: zh.iter().map(|s| s.to_string()).collect(),
        score,
        lines: (1, 1),
        reviewed: false,
        clause: None,
    }
}

/// Three documents: tricky text, a document id that is not an NMTOKEN, a document without
/// pairs, a low score, a 2-1 bead, a forbidden control character.
fn fixture() -> Vec<AlignedDocument> {
    let d1 = AlignedDocument {
        id: "2025-03-07 presser".into(),
        source: "in/2025-03-07 presser.md".into(),
        date: Some("2025-03-07".into()),
        pairs: vec![
            pair(
                "2025-03-07 presser-0001",
                "2025-03-07 presser",
                0,
                &["Press Conference"],
                &["记者会"],
                0.95,
            ),
            pair(
                "2025-03-07 presser-0002",
                "2025-03-07 presser",
                1,
                &["Tom & Jerry <said> \"hi\".", "Then\u{1} left 😀."],
                &["汤姆和杰瑞说“你好”，然后离开了😀。"],
                0.41,
            ),
        ],
        unaligned: vec![],
        agreement: None,
        chance_agreement: None,
        pairs_per_run: None,
    };
    let d2 = AlignedDocument {
        id: "外交部".into(),
        source: "外交部.md".into(),
        date: None,
        pairs: vec![{
            let mut p = pair(
                "外交部-0001",
                "外交部",
                2,
                &["Tab\there, a, b"],
                &["制表符"],
                0.7,
            );
            p.date = None;
            p
        }],
        unaligned: vec![],
        agreement: None,
        chance_agreement: None,
        pairs_per_run: None,
    };
    let empty = AlignedDocument {
        id: "empty".into(),
        source: "empty.md".into(),
        date: None,
        pairs: vec![],
        unaligned: vec![],
        agreement: None,
        chance_agreement: None,
        pairs_per_run: None,
    };
    vec![d1, empty, d2]
}

/// (id, source text, target text) for every pair, with forbidden characters removed as the
/// writers do (XML and CSV alike) when `clean`.
fn expected(
    docs: &[AlignedDocument],
    opts: &WriteOptions,
    clean: bool,
) -> Vec<(String, String, String)> {
    let fix = |s: String| if clean { s.replace('\u{1}', "") } else { s };
    docs.iter()
        .flat_map(|d| &d.pairs)
        .map(|p| {
            (
                p.id.clone(),
                fix(p.text(opts.source)),
                fix(p.text(opts.source.other())),
            )
        })
        .collect()
}

fn attr(e: &quick_xml::events::BytesStart, k: &[u8]) -> String {
    e.try_get_attribute(k)
        .unwrap()
        .map(|a| a.unescape_value().unwrap().into_owned())
        .unwrap_or_default()
}

/// Reads back (unit id, source, target) from any of the XML formats: `unit_tag` is the
/// element carrying the id, `id_attr` its id attribute; source/target are the `seg`s in
/// order (TMX) or the `source`/`target` elements (XLIFF).
fn read_xml(path: &Path, unit_tag: &[u8], id_attr: &[u8]) -> Vec<(String, String, String)> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = Reader::from_str(&xml);
    let mut out: Vec<(String, Vec<String>)> = vec![];
    let mut text = String::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => {
                text.clear();
                if e.name().as_ref() == unit_tag {
                    out.push((attr(&e, id_attr), vec![]));
                }
            }
            Event::Text(t) => text.push_str(&t.unescape().unwrap()),
            Event::End(e) => {
                if matches!(e.name().as_ref(), b"seg" | b"source" | b"target") {
                    out.last_mut().unwrap().1.push(text.clone());
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out.into_iter()
        .map(|(id, mut segs)| {
            assert_eq!(segs.len(), 2, "unit {id}: {segs:?}");
            let t = segs.pop().unwrap();
            let s = segs.pop().unwrap();
            (id, s, t)
        })
        .collect()
}

fn validate(kind: OracleSchema, path: &Path) {
    match xmllint(kind, path) {
        None => println!("{SKIP_MESSAGE}"),
        Some(Ok(())) => {}
        Some(Err(e)) => panic!("{e}"),
    }
}

fn write_all(
    dir: &Path,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> Vec<(Format, PathBuf, WriteStats)> {
    Format::ALL
        .into_iter()
        .map(|f| {
            let p = dir.join(format!("export{}", f.file_suffix(opts)));
            let stats = write_file(&p, f, docs, opts).unwrap();
            (f, p, stats)
        })
        .collect()
}

#[test]
fn all_formats_validate_and_round_trip() {
    for source in [Lang::Zh, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let docs = fixture();
        let opts = WriteOptions {
            source,
            ..WriteOptions::default()
        };
        let want = expected(&docs, &opts, true);
        for (format, path, stats) in write_all(dir.path(), &docs, &opts) {
            assert_eq!(stats.pairs, 3, "{format}");
            match format {
                Format::Tmx => {
                    assert_eq!(stats.removed_chars, 1);
                    validate(OracleSchema::Tmx14, &path);
                    let mut got = read_xml(&path, b"tu", b"tuid");
                    // tuids have whitespace replaced.
                    for (id, ..) in &mut got {
                        assert!(!id.contains(' '));
                    }
                    let want_ids: Vec<String> =
                        want.iter().map(|(i, ..)| i.replace(' ', "_")).collect();
                    let got_ids: Vec<String> = got.iter().map(|(i, ..)| i.clone()).collect();
                    assert_eq!(got_ids, want_ids);
                    for (g, w) in got.iter_mut().zip(&want) {
                        g.0 = w.0.clone();
                    }
                    assert_eq!(got, want);
                }
                Format::TmxReview => unreachable!("Format::ALL leaves it out"),
                Format::Xliff12 => {
                    assert_eq!(stats.removed_chars, 1);
                    validate(OracleSchema::Xliff12Strict, &path);
                    assert_eq!(read_xml(&path, b"trans-unit", b"id"), want);
                }
                Format::Xliff21 => {
                    assert_eq!(stats.removed_chars, 1);
                    validate(OracleSchema::Xliff21All, &path);
                    let got = read_xml(&path, b"unit", b"id");
                    let texts: Vec<_> = got.iter().map(|(_, s, t)| (s, t)).collect();
                    let want_texts: Vec<_> = want.iter().map(|(_, s, t)| (s, t)).collect();
                    assert_eq!(texts, want_texts);
                    let ids: Vec<&str> = got.iter().map(|(i, ..)| i.as_str()).collect();
                    assert_eq!(
                        ids,
                        [
                            "2025-03-07_20presser-0001",
                            "2025-03-07_20presser-0002",
                            "_5916_4ea4_90e8-0001"
                        ]
                    );
                }
                Format::Csv => {
                    // The CSV drops the same control characters as the XML formats (it is
                    // opened in spreadsheets and terminals too).
                    assert_eq!(stats.removed_chars, 1);
                    let mut r = csv::Reader::from_path(&path).unwrap();
                    let rows: Vec<(String, String)> = r
                        .records()
                        .map(|rec| {
                            let rec = rec.unwrap();
                            (rec[0].to_string(), rec[1].to_string())
                        })
                        .collect();
                    let want: Vec<(String, String)> = expected(&docs, &opts, true)
                        .into_iter()
                        .map(|(_, s, t)| (s, t))
                        .collect();
                    assert_eq!(rows, want);
                }
                Format::Xlsx => {
                    // Read back by LibreOffice in tests/clients_libreoffice.rs.
                    assert_eq!(stats.removed_chars, 1);
                    assert!(std::fs::read(&path).unwrap().starts_with(b"PK\x03\x04"));
                }
            }
        }
    }
}

#[test]
fn output_is_deterministic() {
    let docs = fixture();
    let opts = WriteOptions::default();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for ((fa, pa, _), (_, pb, _)) in
        write_all(a.path(), &docs, &opts)
            .into_iter()
            .zip(write_all(b.path(), &docs, &opts))
    {
        assert_eq!(
            std::fs::read(&pa).unwrap(),
            std::fs::read(&pb).unwrap(),
            "{fa}"
        );
    }
}

#[test]
fn tmx_with_creation_date_validates() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriteOptions {
        creation_date: Some("20250307T080000Z".into()),
        ..WriteOptions::default()
    };
    let p = dir.path().join("dated.tmx");
    write_file(&p, Format::Tmx, &fixture(), &opts).unwrap();
    assert!(std::fs::read_to_string(&p)
        .unwrap()
        .contains("creationdate=\"20250307T080000Z\""));
    validate(OracleSchema::Tmx14, &p);
}

/// `review_tmx`: the main memory and the review memory split the pairs by score, and both
/// are valid TMX, also when the review memory is empty; every `<tu>` is dated (the undated
/// document by the export date).
#[test]
fn review_tmx_split_validates() {
    let dir = tempfile::tempdir().unwrap();
    for (review_below, want_review) in [(0.5, 1), (0.0, 0)] {
        let opts = WriteOptions {
            review_tmx: true,
            review_below,
            creation_date: Some("20260101T000000Z".into()),
            ..WriteOptions::default()
        };
        let main = dir.path().join("split.tmx");
        let review = dir
            .path()
            .join(format!("split{}", Format::TmxReview.file_suffix(&opts)));
        assert!(review.to_string_lossy().ends_with("split.review.tmx"));
        let m = write_file(&main, Format::Tmx, &fixture(), &opts).unwrap();
        let r = write_file(&review, Format::TmxReview, &fixture(), &opts).unwrap();
        assert_eq!((m.pairs, r.pairs), (3 - want_review, want_review));
        validate(OracleSchema::Tmx14, &main);
        validate(OracleSchema::Tmx14, &review);
        let mut ids: Vec<String> = read_xml(&main, b"tu", b"tuid")
            .into_iter()
            .chain(read_xml(&review, b"tu", b"tuid"))
            .map(|(id, ..)| id)
            .collect();
        ids.sort();
        assert_eq!(ids.len(), 3, "every pair in exactly one memory: {ids:?}");
        for p in [&main, &review] {
            let xml = std::fs::read_to_string(p).unwrap();
            let tus: Vec<&str> = xml.lines().filter(|l| l.contains("<tu ")).collect();
            for tu in tus {
                let want = if tu.contains("presser") {
                    "20250307T000000Z"
                } else {
                    "20260101T000000Z"
                };
                assert!(tu.contains(&format!(" creationdate=\"{want}\"")), "{tu}");
            }
        }
    }
}

#[test]
fn oracle_rejects_an_invalid_file() {
    // Guards against a vacuous oracle: a bad state value must fail.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.xlf");
    write_file(&p, Format::Xliff21, &fixture(), &WriteOptions::default()).unwrap();
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("state=\"final\"", "state=\"approved\"");
    std::fs::write(&p, text).unwrap();
    match xmllint(OracleSchema::Xliff21All, &p) {
        None => println!("{SKIP_MESSAGE}"),
        Some(r) => assert!(r.is_err(), "xmllint accepted state=\"approved\""),
    }
}

#[test]
fn write_file_errors_name_the_path_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let docs = fixture();
    let opts = WriteOptions::default();

    // Parent folder does not exist.
    let missing = dir.path().join("no-such-dir").join("out.tmx");
    let err = write_file(&missing, Format::Tmx, &docs, &opts).unwrap_err();
    assert!(
        err.to_string().contains(&missing.display().to_string()),
        "{err}"
    );
    assert!(!missing.exists());

    // Parent is a regular file, not a folder.
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let under_file = file.join("out.csv");
    let err = write_file(&under_file, Format::Csv, &docs, &opts).unwrap_err();
    assert!(err.to_string().contains("out.csv"), "{err}");

    // Target is an existing folder: the rename fails after the temp file was written; the
    // temp file must be cleaned up.
    let target = dir.path().join("out.xlf");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), "k").unwrap();
    let err = write_file(&target, Format::Xliff12, &docs, &opts).unwrap_err();
    assert!(err.to_string().contains("out.xlf"), "{err}");
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["out.xlf", "plain.txt"]);
    assert!(target.is_dir());

    // XLIFF 2 with nothing to write: an error naming the path, no file.
    let empty = vec![AlignedDocument {
        id: "e".into(),
        source: "e.md".into(),
        date: None,
        pairs: vec![],
        unaligned: vec![],
        agreement: None,
        chance_agreement: None,
        pairs_per_run: None,
    }];
    let p = dir.path().join("empty.xliff21.xlf");
    let err = write_file(&p, Format::Xliff21, &empty, &opts).unwrap_err();
    assert!(err.to_string().contains("empty.xliff21.xlf"), "{err}");
    assert!(!p.exists());
}
