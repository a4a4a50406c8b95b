//! Wrong partner: `export` refuses two files that are not translations of each other
//! (exit 1, nothing written, the agreement it measured on standard error) unless `--force`,
//! and accepts every true pairing. Run over the development bench (`../shared/bench`):
//! every document in both modes is accepted (and not in doubt), every pairing of two
//! different documents is refused. Skips with a message when the bench is absent. Texts
//! alike in form and abridged editions (the samples) are exported with a warning.

#[path = "common/cli.rs"]
mod cli;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Every document folder of the bench except the Bible (one document, slow, and no other
/// Bible to cross it with), in a stable order.
fn docs(bench: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for set in ["aca", "pol", "macdev"] {
        let mut d: Vec<PathBuf> = std::fs::read_dir(bench.join(set))
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        d.sort();
        v.extend(d.into_iter().filter(|p| p.join("gold.jsonl").is_file()));
    }
    v
}

fn export(en: &Path, zh: &Path, presplit: bool, force: bool, out: &Path) -> (i32, String) {
    let mut args: Vec<&OsStr> = vec![
        "export".as_ref(),
        "--en".as_ref(),
        en.as_os_str(),
        "--zh".as_ref(),
        zh.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--format".as_ref(),
        "tmx".as_ref(),
        "--no-validate".as_ref(),
    ];
    if presplit {
        args.push("--presplit".as_ref());
    }
    if force {
        args.push("--force".as_ref());
    }
    let o = cli::run(args);
    (o.status.code().unwrap_or(-1), cli::stderr(&o))
}

fn files(presplit: bool) -> (&'static str, &'static str) {
    if presplit {
        ("en.sent.txt", "zh.sent.txt")
    } else {
        ("en.txt", "zh.txt")
    }
}

#[test]
fn every_true_pairing_is_accepted() {
    let Some(bench) = cli::shared_path("bench") else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    for doc in docs(&bench) {
        for presplit in [true, false] {
            let (e, z) = files(presplit);
            let (code, err) = export(&doc.join(e), &doc.join(z), presplit, false, tmp.path());
            assert_eq!(
                code,
                0,
                "{} (presplit {presplit}) refused: {err}",
                doc.display()
            );
            assert!(
                !err.contains("agree less than full translations"),
                "{} (presplit {presplit}) in doubt: {err}",
                doc.display()
            );
        }
    }
}

/// Two different texts of one template (two years' press conferences of one minister,
/// whose greetings and questions are alike) and an abridged edition are plausible enough
/// to export, and both are exported with a warning to check the pairs.
#[test]
fn texts_alike_in_form_and_abridged_editions_are_exported_with_a_warning() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cases = [
        (
            "000",
            "002",
            "002-2026-03-08-press-conference.bilingual.txt",
        ),
        (
            "002",
            "004",
            "004-2026-03-08-press-conference.zh-abridged.txt",
        ),
    ];
    for (en, zh, named) in cases {
        let (code, err) = export(&cli::sample(en), &cli::sample(zh), false, false, tmp.path());
        assert_eq!(code, 0, "{en} + {zh}: {err}");
        let warning = err
            .lines()
            .find(|l| l.contains("agree less than full translations"))
            .unwrap_or_else(|| panic!("{en} + {zh}: no warning in {err}"));
        assert!(warning.starts_with("zhen-tm: warning: "), "{warning}");
        assert!(
            warning.contains(named) && warning.contains("check the pairs"),
            "{warning}"
        );
    }
    // A full translation is not in doubt.
    let one = cli::sample("001");
    let (code, err) = export(&one, &one, false, false, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("agree less"), "{err}");
}

#[test]
fn every_crossed_pairing_is_refused_and_writes_nothing() {
    let Some(bench) = cli::shared_path("bench") else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let docs = docs(&bench);
    for (k, en_doc) in docs.iter().enumerate() {
        // Each document against the Chinese of one a few places on (another text of the
        // same or another genre).
        let zh_doc = &docs[(k + 5) % docs.len()];
        let presplit = k % 2 == 0;
        let (e, z) = files(presplit);
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        let (code, err) = export(&en_doc.join(e), &zh_doc.join(z), presplit, false, &out);
        assert_eq!(
            code,
            1,
            "{} × {} accepted: {err}",
            en_doc.display(),
            zh_doc.display()
        );
        assert!(
            err.contains("agreement"),
            "no agreement in the message: {err}"
        );
        let written: Vec<_> = std::fs::read_dir(&out)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(
            written
                .iter()
                .all(|n| !n.to_string_lossy().ends_with(".tmx")),
            "memory written for a refused pairing: {written:?}"
        );
        if k == 0 {
            let (code, err) = export(&en_doc.join(e), &zh_doc.join(z), presplit, true, &out);
            assert_eq!(code, 0, "--force should export: {err}");
        }
    }
}

#[test]
fn a_short_text_against_a_much_longer_one_is_judged_against_chance() {
    // The Bible's English (5,000 sentences) against a 54-sentence speech in Chinese: the
    // aligner can pick the Bible's best matches for every Chinese sentence, so the raw
    // agreement passes the bar (0.53); the control alignment against the reversed Chinese
    // reaches nearly as much by chance, and the pairing is refused.
    let (Some(bible), Some(speech)) = (
        cli::shared_path("bench/bible/bible"),
        cli::shared_path("bench/pol/007"),
    ) else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    for presplit in [true, false] {
        let (e, z) = files(presplit);
        let (code, err) = export(&bible.join(e), &speech.join(z), presplit, false, &out);
        assert_eq!(code, 1, "accepted (presplit {presplit}): {err}");
        assert!(err.contains("by chance"), "{err}");
        assert!(!out.exists() || std::fs::read_dir(&out).map_or(true, |mut d| d.next().is_none()));
    }
}

#[test]
fn speeches_of_one_speaker_are_not_taken_for_translations() {
    // Two speeches of one speaker share their vocabulary and the order of their topics, so
    // the forward alignment beats the reversed controls; but each pair stands alone between
    // skipped sentences (1.1-1.2 pairs per run, translations 2 or more), and the pairing is
    // refused with the figure in the message.
    let Some(bench) = cli::shared_path("bench") else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    for (en, zh) in [("pol/002", "pol/011"), ("pol/008", "pol/010")] {
        let (code, err) = export(
            &bench.join(en).join("en.sent.txt"),
            &bench.join(zh).join("zh.sent.txt"),
            true,
            false,
            &out,
        );
        assert_eq!(code, 1, "{en} × {zh} accepted: {err}");
        assert!(err.contains("pairs per run"), "{err}");
    }
}

/// A text that repeats one sentence pair (a refrain, a list of identical items) is a
/// translation: a pairing with a copy of the same Chinese is no contrast against the pair
/// in place. The same Chinese against unrelated English is still refused. Needs no bench.
#[test]
fn a_text_of_repeated_pairs_is_judged_by_its_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, line: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{line}\n\n").repeat(12)).expect("write");
        path
    };
    let zh = write("zh.txt", "我们坚持走和平发展道路。");
    let en = write("en.txt", "We follow the path of peaceful development.");
    let other = write(
        "other.txt",
        "The weather was cold in the mountains that winter.",
    );
    let out = dir.path().join("out");
    let (code, err) = export(&en, &zh, false, false, &out);
    assert_eq!(code, 0, "{err}");
    let tmx = std::fs::read_to_string(out.join("zh.tmx")).expect("tmx");
    assert!(
        tmx.contains("peaceful development") && tmx.contains("和平发展"),
        "{tmx}"
    );
    let refused = dir.path().join("refused");
    let (code, err) = export(&other, &zh, false, false, &refused);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("do not look like translations"), "{err}");
    assert!(!refused.exists() || std::fs::read_dir(&refused).expect("dir").next().is_none());
}
