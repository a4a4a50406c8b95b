//! `zhen-tm terms` end to end: known-term counts and the mankind → humanity change on the
//! samples, `--check` as a gate, discovery of a planted pair, and user term lists.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    scratch_in("cli_terms", name)
}

/// A one-topic bilingual transcript dated `date` in which Wang Yi uses `rendering`.
fn transcript(date: &str, rendering: &str) -> String {
    let (y, rest) = date.split_at(4);
    let (m, d) = (&rest[1..3], &rest[4..6]);
    let month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][m.parse::<usize>().unwrap() - 1];
    format!(
        "Foreign Minister Wang Yi answered questions from Chinese and foreign media\n\n外交部长王毅回答中外记者提问\n\n\
On {month} {}, {y}, a press conference was held at the Media Center.\n\n\
Wang Yi: Good morning, friends from the media. China will keep building a {rendering}.\n\n\
{y}年{}月{}日，记者会在梅地亚中心举行。\n\n\
王毅：各位记者朋友，上午好。中国将继续推动构建人类命运共同体。\n",
        d.trim_start_matches('0'),
        m.trim_start_matches('0'),
        d.trim_start_matches('0'),
    )
}

#[test]
fn known_term_counts_on_the_samples() {
    let o = run([
        "terms".as_ref(),
        samples_dir().as_os_str(),
        "--json".as_ref(),
    ]);
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let known = v["known"].as_array().unwrap();
    let t = known.iter().find(|k| k["zh"] == "人类命运共同体").unwrap();
    let count = |en: &str| {
        t["renderings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["en"] == en)
            .map_or(0, |r| r["pairs"].as_u64().unwrap())
    };
    assert_eq!(count("community with a shared future for mankind"), 6);
    assert_eq!(count("community with a shared future for humanity"), 2);
    let wang = known.iter().find(|k| k["zh"] == "王毅").unwrap();
    assert_eq!(wang["renderings"][0]["en"], "Wang Yi");
    assert_eq!(wang["renderings"][0]["by_doc"].as_array().unwrap().len(), 3);
    assert!(v["candidates"].as_array().unwrap().len() <= 50);
}

#[test]
fn mankind_becomes_humanity_in_2026() {
    for (en, zh) in [("000", "003"), ("002", "004")] {
        let o = run([
            "terms".as_ref(),
            samples_dir().as_os_str(),
            "--en".as_ref(),
            sample(en).as_os_str(),
            "--zh".as_ref(),
            sample(zh).as_os_str(),
        ]);
        assert_ok(&o);
        let out = stdout(&o);
        let block: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.starts_with("人类命运共同体\tpreferred"))
            .take(3)
            .collect();
        assert_eq!(
            block.first().copied(),
            Some("人类命运共同体\tpreferred: community with a shared future for humanity (dated latest in the list)"),
            "{out}"
        );
        assert!(block[1].starts_with("  * community with a shared future for humanity\t"));
        assert!(block[1].ends_with("\t2026-03-08"), "{out}");
        assert!(block[2].starts_with("  - community with a shared future for mankind\t"));
        assert!(block[2].ends_with("\t2024-03-07, 2025-03-07"), "{out}");
    }
}

#[test]
fn check_exits_1_on_an_outdated_rendering_and_0_on_a_clean_text() {
    let d = scratch("check");
    let bad = d.join("2027.txt");
    std::fs::write(
        &bad,
        transcript("2027-03-08", "community with a shared future for mankind"),
    )
    .unwrap();
    let o = run(["terms".as_ref(), bad.as_os_str(), "--check".as_ref()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l.contains("人类命运共同体")
            && l.contains("\tcommunity with a shared future for humanity\tcommunity with a shared future for mankind")),
        "{out}"
    );
    let good = d.join("good.txt");
    std::fs::write(
        &good,
        transcript("2027-03-08", "community with a shared future for humanity"),
    )
    .unwrap();
    let o = run(["terms".as_ref(), good.as_os_str(), "--check".as_ref()]);
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    // A 2025 text using the 2025 rendering is correct for its date, not with --latest.
    let old = d.join("old.txt");
    std::fs::write(
        &old,
        transcript("2025-03-07", "community with a shared future for mankind"),
    )
    .unwrap();
    let o = run(["terms".as_ref(), old.as_os_str(), "--check".as_ref()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run([
        "terms".as_ref(),
        old.as_os_str(),
        "--check".as_ref(),
        "--latest".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn user_terms_override_and_errors_name_the_line() {
    let d = scratch("user");
    let doc = d.join("2027.txt");
    std::fs::write(
        &doc,
        transcript("2027-03-08", "community with a shared future for mankind"),
    )
    .unwrap();
    let list = d.join("mine.csv");
    std::fs::write(
        &list,
        "zh,en,category\n人类命运共同体,community with a shared future for mankind,concept\n",
    )
    .unwrap();
    let o = run([
        "terms".as_ref(),
        doc.as_os_str(),
        "--check".as_ref(),
        "--terms".as_ref(),
        list.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let bad = d.join("bad.tsv");
    std::fs::write(
        &bad,
        "zh\ten\tcategory\n中国\tChina\tplace\n美国\tUnited States\tcountry\n",
    )
    .unwrap();
    let o = run([
        "terms".as_ref(),
        doc.as_os_str(),
        "--terms".as_ref(),
        bad.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:3:", bad.display())), "{err}");
    assert!(err.contains("unknown category"), "{err}");
}

#[test]
fn exports_are_written_per_format() {
    let d = scratch("export");
    let doc = d.join("2027.txt");
    std::fs::write(
        &doc,
        transcript("2027-03-08", "community with a shared future for humanity"),
    )
    .unwrap();
    let out = d.join("out");
    let o = run([
        "terms".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--format".as_ref(),
        "csv,omegat,tbx2008".as_ref(),
    ]);
    assert_ok(&o);
    assert_eq!(
        list_dir(&out),
        vec!["glossary.2008.tbx", "glossary.csv", "glossary.utf8"]
    );
}

#[path = "common/oracle.rs"]
mod oracle;

/// `zhen-tm terms samples/` writes every glossary format by default, and the TBX is valid
/// for both `zhen-tm validate` and xmllint with the official TBX-Basic core RNG (uses
/// `../shared`; that part is skipped with a message when it or xmllint is absent).
#[test]
fn terms_on_the_samples_writes_every_export_and_a_valid_tbx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = run([
        "terms".as_ref(),
        samples_dir().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&o);
    let text = stdout(&o);
    assert!(text.contains("Known terms"), "{text}");
    assert!(text.contains("Discovered candidates"), "{text}");
    assert!(
        text.contains("community with a shared future for humanity"),
        "{text}"
    );
    let files = list_dir(&out);
    for f in [
        "glossary.csv",
        "glossary.utf8",
        "glossary.deepl.csv",
        "glossary.google.csv",
        "glossary.google-equivalent.csv",
        "glossary.phrase.csv",
        "glossary.memoq.csv",
        "glossary.trados.csv",
        "glossary.tbx",
        "glossary.2008.tbx",
    ] {
        assert!(files.contains(&f.to_string()), "{f} missing: {files:?}");
    }
    let tbx = out.join("glossary.tbx");
    let v = run(["validate".as_ref(), tbx.as_os_str()]);
    assert_ok(&v);
    match oracle::xmllint(oracle::OracleSchema::TbxRng, &tbx) {
        None => println!("skipping: ../shared or xmllint not found"),
        Some(r) => assert!(r.is_ok(), "xmllint --relaxng: {r:?}"),
    }
}

/// Discovery candidates of `terms --json` on the short speech in tests/fixtures/terms
/// (one sentence a line), with extra arguments.
fn speech_candidates(extra: &[&str]) -> Vec<serde_json::Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terms");
    let out = scratch("speech");
    let mut args: Vec<std::ffi::OsString> = vec![
        "terms".into(),
        "--en".into(),
        dir.join("speech.en.txt").into(),
        "--zh".into(),
        dir.join("speech.zh.txt").into(),
        "--presplit".into(),
        "--json".into(),
        "-o".into(),
        out.into(),
    ];
    args.extend(extra.iter().map(Into::into));
    let o = run(args);
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    v["candidates"].as_array().unwrap().clone()
}

fn find<'a>(cands: &'a [serde_json::Value], zh: &str) -> Option<&'a serde_json::Value> {
    cands.iter().find(|c| c["zh"] == zh)
}

/// On a ten-line speech it has never seen, discovery proposes a set phrase used once
/// (a dictionary entry, whole English), a coordinated formulation whole with its English
/// list across commas, and a negated phrase with its negation; a governing verb is not
/// part of a candidate; each candidate says why it was proposed.
#[test]
fn discovery_on_one_short_document() {
    let cands = speech_candidates(&[]);
    let names: Vec<String> = cands
        .iter()
        .map(|c| format!("{} / {}", c["zh"], c["en"]))
        .collect();
    let once = find(&cands, "实事求是").unwrap_or_else(|| panic!("{names:?}"));
    assert_eq!(once["en"], "seek truth from facts");
    assert_eq!(once["pairs"], 1);
    let evidence = once["evidence"].as_array().unwrap();
    assert!(
        evidence.iter().any(|e| e == "dictionary entry"),
        "{evidence:?}"
    );
    let list = find(&cands, "道路自信、理论自信、制度自信").unwrap_or_else(|| panic!("{names:?}"));
    assert_eq!(list["en"], "confidence in the path, theory and system");
    let negated = find(&cands, "不针对第三方").unwrap_or_else(|| panic!("{names:?}"));
    assert_eq!(negated["en"], "not targeting any third party");
    for c in &cands {
        let zh = c["zh"].as_str().unwrap();
        assert!(
            !zh.starts_with("坚持") && !zh.starts_with("坚定"),
            "governing verb kept: {zh}"
        );
        let en = c["en"].as_str().unwrap().to_lowercase();
        assert!(
            !(en.starts_with("targeting") || en.contains(" targeting")) || en.contains("not"),
            "negation lost: {zh} / {en}"
        );
        assert!(!c["evidence"].as_array().unwrap().is_empty());
    }
}

/// `--min-pairs 2` keeps only repeated pairs: the set phrase used once is gone, the
/// repeated one stays.
#[test]
fn min_pairs_two_needs_repetition() {
    let cands = speech_candidates(&["--min-pairs", "2"]);
    assert!(find(&cands, "实事求是").is_none());
    assert!(find(&cands, "不针对第三方").is_some());
    assert!(cands.iter().all(|c| c["pairs"].as_u64().unwrap() >= 2));
}

/// Rows of a CSV file (a BOM skipped), without its header when `header`.
fn csv_records(path: &std::path::Path, header: bool) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(header)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Machine-translation glossaries get the reviewed entries only: on the samples the DeepL
/// and Google glossaries hold exactly the `reviewed` rows of glossary.csv and none of its
/// `unreviewed` candidates, and say on stderr how many were left out; with
/// `--include-candidates` they hold the candidates too. The TBX marks each candidate with
/// a note and the admitted (not preferred) status, and stays valid.
#[test]
fn machine_glossaries_hold_reviewed_entries_unless_include_candidates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (plain, with) = (dir.path().join("plain"), dir.path().join("with"));
    let o = run([
        "terms".as_ref(),
        samples_dir().as_os_str(),
        "-o".as_ref(),
        plain.as_os_str(),
    ]);
    assert_ok(&o);
    let err = stderr(&o);
    let glossary = csv_records(&plain.join("glossary.csv"), true);
    let status = |s: &str| -> Vec<(String, String)> {
        glossary
            .iter()
            .filter(|r| r[2] == s)
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect()
    };
    let (reviewed, unreviewed) = (status("reviewed"), status("unreviewed"));
    assert_eq!(reviewed.len() + unreviewed.len(), glossary.len());
    assert!(
        !reviewed.is_empty() && !unreviewed.is_empty(),
        "{glossary:?}"
    );
    assert!(glossary
        .iter()
        .filter(|r| r[2] == "unreviewed")
        .all(|r| r[3] == "candidate"));
    for name in ["glossary.deepl.csv", "glossary.google.csv"] {
        let rows: Vec<(String, String)> = csv_records(&plain.join(name), false)
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        assert_eq!(rows, reviewed, "{name}: the reviewed entries, in order");
        let left_out = format!("{} unreviewed candidate(s) left out", unreviewed.len());
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains(&left_out)),
            "{err}"
        );
    }

    let o = run([
        "terms".as_ref(),
        samples_dir().as_os_str(),
        "-o".as_ref(),
        with.as_os_str(),
        "--include-candidates".as_ref(),
    ]);
    assert_ok(&o);
    assert!(!stderr(&o).contains("left out"), "{}", stderr(&o));
    let deepl: Vec<(String, String)> = csv_records(&with.join("glossary.deepl.csv"), false)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut all = reviewed.clone();
    all.extend(unreviewed.iter().cloned());
    assert_eq!(deepl, all);

    // TBX: one note per candidate, candidates admitted, never preferred; still valid.
    let tbx = std::fs::read_to_string(plain.join("glossary.tbx")).unwrap();
    assert_eq!(
        tbx.matches("<note>unreviewed candidate").count(),
        unreviewed.len()
    );
    for entry in tbx.split("<conceptEntry").skip(1) {
        let candidate = entry.contains("<note>unreviewed candidate");
        assert_eq!(
            entry.contains("preferredTerm-admn-sts"),
            !candidate,
            "{entry}"
        );
    }
    let v = run(["validate".as_ref(), plain.join("glossary.tbx").as_os_str()]);
    assert_ok(&v);
    match oracle::xmllint(oracle::OracleSchema::TbxRng, &plain.join("glossary.tbx")) {
        None => println!("skipping: ../shared or xmllint not found"),
        Some(r) => assert!(r.is_ok(), "xmllint --relaxng: {r:?}"),
    }
}
