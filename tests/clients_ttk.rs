//! The Translate Toolkit (PyPI `translate-toolkit`), a reader nobody on this project wrote,
//! loads what `zhen-tm export` writes: TMX with `translate.storage.tmx`, XLIFF 1.2 with
//! `translate.storage.xliff` and XLIFF 2.1 with `translate.storage.xliff2`. The (source,
//! target) pairs it reads must equal, in order, the pairs read from the same files with
//! quick-xml (`common/cli.rs`: TMX `<seg>` texts picked by `xml:lang`, XLIFF `<source>` and
//! `<target>`).
//!
//! The reading is done by `tests/clients/ttk_read.py`. Without python3 or the toolkit the
//! tests print `skipping: …` and pass; CI installs the toolkit (`.ci/run`).

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use cli::*;

/// What the script printed for one file.
#[derive(Debug, serde::Deserialize)]
struct TtkRead {
    ttk: String,
    reader: String,
    source_language: Option<String>,
    target_language: Option<String>,
    pairs: Vec<(Option<String>, Option<String>)>,
    states: Vec<TtkState>,
}

/// What the toolkit's unit API says of one unit.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // `notes` is shown in assertion messages only.
struct TtkState {
    translated: bool,
    fuzzy: bool,
    approved: bool,
    notes: String,
}

/// Why a reading could not be done: the client is absent, so the caller skips.
struct Missing(String);

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/ttk_read.py")
}

/// Runs `ttk_read.py FORMAT FILE`. `Err` when python3, the toolkit or its reader for
/// `format` is not installed (the script exits 3 then); panics on any other failure, e.g.
/// a file the toolkit cannot parse.
fn ttk_read(format: &str, file: &Path) -> Result<TtkRead, Missing> {
    let o = match Command::new("python3")
        .arg(script())
        .arg(format)
        .arg(file)
        .output()
    {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Missing("python3 not found".into()))
        }
        Err(e) => panic!("python3: {e}"),
    };
    let err = String::from_utf8_lossy(&o.stderr);
    if o.status.code() == Some(3) {
        return Err(Missing(err.trim().to_string()));
    }
    assert!(
        o.status.success(),
        "Translate Toolkit could not read {} as {format}: exit {:?}\n{err}",
        file.display(),
        o.status.code()
    );
    Ok(serde_json::from_slice(&o.stdout).expect("ttk_read.py prints JSON"))
}

/// Translate Toolkit's pairs, every source and target present.
fn ttk_pairs(r: &TtkRead, file: &Path) -> Pairs {
    r.pairs
        .iter()
        .enumerate()
        .map(|(i, (s, t))| match (s, t) {
            (Some(s), Some(t)) => (s.clone(), t.clone()),
            _ => panic!(
                "{}: unit {i} read by {} without source or target: {s:?} / {t:?}",
                file.display(),
                r.reader
            ),
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    scratch_in("clients_ttk", name)
}

/// `zhen-tm export ARGS… -o scratch/NAME`; asserts success and returns the folder.
fn export(name: &str, args: &[&std::ffi::OsStr]) -> PathBuf {
    export_in("clients_ttk", name, args)
}

/// Checks the three XML formats written for `stem` in `dir`, whose source language is
/// `src` and target `tgt`. Returns how many pairs were compared per format, or `Missing`
/// when the toolkit is absent (XLIFF 2 alone is skipped, with a message, on a toolkit
/// older than its `xliff2` reader).
fn check_stem(dir: &Path, stem: &str, src: &str, tgt: &str) -> Result<[usize; 3], Missing> {
    let tmx = dir.join(format!("{stem}.tmx"));
    let x12 = dir.join(format!("{stem}.xliff12.xlf"));
    let x21 = dir.join(format!("{stem}.xliff21.xlf"));

    // TMX: ours are the <seg> texts by xml:lang (source language first).
    let ours = read_tmx(&tmx).pairs(src, tgt);
    assert!(!ours.is_empty(), "{}: no pairs", tmx.display());
    let r = ttk_read("tmx", &tmx)?;
    assert_eq!(r.source_language.as_deref(), Some(src), "{}", tmx.display());
    let theirs = ttk_pairs(&r, &tmx);
    assert_pairs_eq(&theirs, &ours, &tmx, &r);
    let mut counts = [ours.len(), 0, 0];

    // XLIFF 1.2.
    let ours = read_xliff12(&x12);
    let r = ttk_read("xliff12", &x12)?;
    assert_eq!(r.source_language.as_deref(), Some(src), "{}", x12.display());
    assert_eq!(r.target_language.as_deref(), Some(tgt), "{}", x12.display());
    assert_pairs_eq(&ttk_pairs(&r, &x12), &ours, &x12, &r);
    counts[1] = ours.len();

    // XLIFF 2.1 (the toolkit's reader is for 2.0; 2.1 shares its namespace).
    let ours = read_xliff21(&x21);
    match ttk_read("xliff2", &x21) {
        Ok(r) => {
            assert_eq!(r.source_language.as_deref(), Some(src), "{}", x21.display());
            assert_eq!(r.target_language.as_deref(), Some(tgt), "{}", x21.display());
            assert_pairs_eq(&ttk_pairs(&r, &x21), &ours, &x21, &r);
            counts[2] = ours.len();
        }
        Err(Missing(m)) => println!("skipping XLIFF 2 ({}): {m}", x21.display()),
    }
    Ok(counts)
}

/// Equal lists, in order; on a difference names the first unit that differs.
fn assert_pairs_eq(theirs: &Pairs, ours: &Pairs, file: &Path, r: &TtkRead) {
    if let Some(i) = (0..theirs.len().min(ours.len())).find(|&i| theirs[i] != ours[i]) {
        panic!(
            "{}: unit {i} differs\n  {} {}: {:?}\n  quick-xml: {:?}",
            file.display(),
            r.reader,
            r.ttk,
            theirs[i],
            ours[i]
        );
    }
    assert_eq!(
        theirs.len(),
        ours.len(),
        "{}: {} read {} units, quick-xml {}",
        file.display(),
        r.reader,
        theirs.len(),
        ours.len()
    );
}

/// Runs [`check_stem`] for every bilingual sample exported to `dir`, printing the counts;
/// prints the skip message and returns false if the toolkit is absent.
fn check_samples(dir: &Path, src: &str, tgt: &str) -> bool {
    let mut total = [0usize; 3];
    for p in ["000", "001", "002"] {
        let stem = stem(&sample(p));
        match check_stem(dir, &stem, src, tgt) {
            Ok(c) => {
                println!(
                    "{stem} ({src}→{tgt}): Translate Toolkit read {} TMX, {} XLIFF 1.2, {} XLIFF 2.1 pairs equal to ours",
                    c[0], c[1], c[2]
                );
                for (t, c) in total.iter_mut().zip(c) {
                    *t += c;
                }
            }
            Err(Missing(m)) => {
                println!("skipping: {m}");
                return false;
            }
        }
    }
    assert!(total[0] > 100, "too few pairs compared: {total:?}");
    true
}

#[test]
fn translate_toolkit_reads_the_samples_chinese_source() {
    let dir = export("zh", &[samples_dir().as_os_str()]);
    check_samples(&dir, "zh-CN", "en-US");
}

#[test]
fn translate_toolkit_reads_the_samples_english_source() {
    let dir = export(
        "en",
        &[
            samples_dir().as_os_str(),
            "--source".as_ref(),
            "en".as_ref(),
            "--en-code".as_ref(),
            "en-GB".as_ref(),
            "--zh-code".as_ref(),
            "zh-Hans".as_ref(),
        ],
    );
    check_samples(&dir, "en-GB", "zh-Hans");
}

/// Markup characters, quotes and a non-BMP character in the text survive the round trip:
/// the toolkit must get back `R&D <b>` as text, not as markup.
#[test]
fn translate_toolkit_reads_escaped_text() {
    let dir = scratch("escaped");
    let text = BILINGUAL
        .replace(
            "China will keep its door open to the world.",
            "China will keep its \"door\" open to R&D <b> & 'trade' 𠀀.",
        )
        .replace(
            "中国将始终向世界敞开大门。",
            "中国将始终向世界敞开“大门”<b>&R&D 𠀀。",
        );
    let input = dir.join("escaped.bilingual.txt");
    std::fs::write(&input, text).unwrap();
    let out = export("escaped-out", &[input.as_os_str()]);
    let ours = read_tmx(&out.join("escaped.bilingual.tmx")).pairs("zh-CN", "en-US");
    assert!(
        ours.iter().any(|(z, e)| z.contains("<b>&R&D 𠀀")
            && e.contains("\"door\" open to R&D <b> & 'trade' 𠀀")),
        "the fixture's pair is not in the export: {ours:?}"
    );
    if let Err(Missing(m)) = check_stem(&out, "escaped.bilingual", "zh-CN", "en-US") {
        println!("skipping: {m}");
    }
}

/// Runs one of the toolkit's converters (`xliff2po`, `po2tmx` …) as its console script does
/// (`translate.convert.NAME.main()`), with `args`. `Err` when python3 or the toolkit is
/// missing.
fn ttk_convert(name: &str, args: &[&std::ffi::OsStr]) -> Result<(), Missing> {
    let code = format!(
        "import sys; from translate.convert.{name} import main; sys.argv[0] = '{name}'; main()"
    );
    let o = match Command::new("python3")
        .arg("-c")
        .arg(&code)
        .arg("--progress=none")
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Missing("python3 not found".into()))
        }
        Err(e) => panic!("python3: {e}"),
    };
    let err = String::from_utf8_lossy(&o.stderr);
    if err.contains("ModuleNotFoundError") {
        return Err(Missing(format!(
            "translate-toolkit not installed: {}",
            err.trim()
        )));
    }
    assert!(o.status.success(), "{name} {args:?} failed: {err}");
    Ok(())
}

/// What one XLIFF file says of each unit, read with quick-xml: (approved or final, needs
/// review). XLIFF 1.2: `approved="yes"` on `<trans-unit>`, `state="needs-review-translation"`
/// on `<target>`; XLIFF 2.1: `<segment state="final">` against `state="initial"` with our
/// `subState`.
fn our_marks(path: &Path) -> Vec<(bool, bool)> {
    use quick_xml::events::Event;
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart, k: &str| {
        e.try_get_attribute(k)
            .unwrap()
            .map(|a| a.unescape_value().unwrap().into_owned())
    };
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                b"trans-unit" => out.push((attr(&e, "approved").as_deref() == Some("yes"), false)),
                b"target" if !out.is_empty() => {
                    if let Some(s) = attr(&e, "state") {
                        out.last_mut().unwrap().1 = s == "needs-review-translation";
                    }
                }
                b"segment" => {
                    let state = attr(&e, "state");
                    let sub = attr(&e, "subState");
                    out.push((
                        state.as_deref() == Some("final"),
                        state.as_deref() == Some("initial")
                            && sub.as_deref() == Some(zhen_tm::write::REVIEW_SUBSTATE),
                    ));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Issue 9, points 1 and 2: with a threshold that leaves pairs on both sides, the toolkit
/// reads every confident XLIFF 1.2 unit as approved and translated and every other one as
/// fuzzy; in XLIFF 2.1 it reads the units that need review as fuzzy and the rest as
/// approved. `xliff2po` then `po2tmx` keeps exactly the confident pairs (it kept none before
/// XLIFF 1.2 approved them).
#[test]
fn translate_toolkit_sees_approved_and_review_units() {
    let dir = export(
        "review",
        &[
            samples_dir().as_os_str(),
            "--format".as_ref(),
            "xliff12,xliff21".as_ref(),
            "--review-below".as_ref(),
            "0.8".as_ref(),
        ],
    );
    let (mut approved12, mut review12, mut review21, mut kept) = (0, 0, 0, 0);
    for p in ["000", "001", "002"] {
        let stem = stem(&sample(p));
        let x12 = dir.join(format!("{stem}.xliff12.xlf"));
        let x21 = dir.join(format!("{stem}.xliff21.xlf"));

        let marks = our_marks(&x12);
        let r = match ttk_read("xliff12", &x12) {
            Ok(r) => r,
            Err(Missing(m)) => return println!("skipping: {m}"),
        };
        assert_eq!(r.states.len(), marks.len(), "{}", x12.display());
        for (i, (s, &(approved, review))) in r.states.iter().zip(&marks).enumerate() {
            assert_eq!(approved, !review, "{}: unit {i}", x12.display());
            assert_eq!(
                (s.approved, s.translated, s.fuzzy),
                (approved, approved, !approved),
                "{}: unit {i}: the toolkit reads {s:?}",
                x12.display()
            );
        }
        approved12 += marks.iter().filter(|m| m.0).count();
        review12 += marks.iter().filter(|m| m.1).count();

        // xliff2po, then po2tmx: the toolkit's way from XLIFF to a memory.
        let po = dir.join(format!("{stem}.po"));
        let tmx = dir.join(format!("{stem}.ttk.tmx"));
        if let Err(Missing(m)) = ttk_convert("xliff2po", &[x12.as_os_str(), po.as_os_str()]) {
            return println!("skipping: {m}");
        }
        ttk_convert(
            "po2tmx",
            &[
                "-l".as_ref(),
                "en-US".as_ref(),
                po.as_os_str(),
                tmx.as_os_str(),
            ],
        )
        .unwrap_or_else(|Missing(m)| panic!("{m}"));
        let converted = read_tmx(&tmx).pairs("en", "en-US");
        let ours: Pairs = read_xliff12(&x12)
            .into_iter()
            .zip(&marks)
            .filter(|(_, m)| m.0)
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            converted,
            ours,
            "{}: po2tmx kept other pairs",
            tmx.display()
        );
        kept += converted.len();

        match ttk_read("xliff2", &x21) {
            Ok(r) => {
                let marks = our_marks(&x21);
                assert_eq!(r.states.len(), marks.len(), "{}", x21.display());
                for (i, (s, &(fin, review))) in r.states.iter().zip(&marks).enumerate() {
                    assert_eq!(fin, !review, "{}: unit {i}", x21.display());
                    assert_eq!(
                        (s.fuzzy, s.approved),
                        (review, fin),
                        "{}: unit {i}: the toolkit reads {s:?}",
                        x21.display()
                    );
                }
                review21 += marks.iter().filter(|m| m.1).count();
            }
            Err(Missing(m)) => println!("skipping XLIFF 2 ({}): {m}", x21.display()),
        }
    }
    println!(
        "Translate Toolkit: XLIFF 1.2 {approved12} units approved and translated, {review12} fuzzy (need review); \
         xliff2po + po2tmx kept {kept} pairs; XLIFF 2.1 {review21} units fuzzy (need review)"
    );
    assert!(
        approved12 > 100 && review12 > 5,
        "{approved12} / {review12}"
    );
    assert_eq!(kept, approved12);
    assert_eq!(review21, review12);
}
