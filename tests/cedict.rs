//! The static CC-CEDICT structure (`src/lexicon/cedict.rs`, `data/lexicon/cedict.*`) against
//! the `chinese_dictionary` crate it was generated from: the checked-in files are what the
//! generator makes now (same crate, same stop words), and the tokeniser segments every
//! sample and development-bench text exactly as the crate's `tokenize` does, with the same
//! headword answers for every token.

#[path = "common/cli.rs"]
mod cli;

#[allow(dead_code)]
#[path = "../examples/gen_cedict.rs"]
mod gen_cedict;

use std::path::{Path, PathBuf};
use zhen_tm::lexicon::{cedict, dict};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/lexicon")
            .join(name),
    )
    .expect("checked-in dictionary file")
}

#[test]
fn checked_in_files_are_what_the_generator_makes() {
    let path = gen_cedict::crate_fst_path().expect("chinese_dictionary located");
    let crate_fst = std::fs::read(&path).expect("crate's chinese.fst");
    let gen_cedict::Generated {
        fst: fst_bytes,
        bin,
        words,
        words_fst,
    } = gen_cedict::generate(&crate_fst).expect("generation");
    // Compared by length and equality rather than assert_eq! on megabytes of bytes.
    assert!(
        fst_bytes == data("cedict.fst")
            && bin == data("cedict.bin")
            && words == data("en_words.txt")
            && words_fst == data("en_words.fst"),
        "data/lexicon/cedict.* are stale: run `cargo run --release --example gen_cedict`"
    );
}

/// Compares our tokeniser and lookups with the crate's on every line of `text`; returns the
/// number of tokens compared.
fn same_as_crate(text: &str, what: &str) -> usize {
    let mut n = 0;
    for line in text.lines() {
        let ours = cedict::tokenize(line);
        let theirs = chinese_dictionary::tokenize(line);
        assert_eq!(ours, theirs, "{what}: tokens of {line:?}");
        for t in ours {
            let entries = chinese_dictionary::query_by_simplified(t);
            assert_eq!(cedict::is_headword(t), !entries.is_empty(), "{what}: {t}");
            let glosses: Vec<&str> = entries
                .iter()
                .flat_map(|e| e.english.iter())
                .map(String::as_str)
                .collect();
            let stems: Vec<u64> = cedict::simplified(t)
                .map(|e| e.stems().collect())
                .unwrap_or_default();
            assert_eq!(
                stems,
                cedict::derive::gloss_stems(glosses.iter().copied()),
                "{what}: stems of {t}"
            );
            n += 1;
        }
    }
    n
}

#[test]
fn tokenisation_matches_the_crate_on_the_samples() {
    let mut tokens = 0;
    for entry in std::fs::read_dir(cli::samples_dir()).expect("samples") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("UTF-8 sample");
        tokens += same_as_crate(&text, &path.display().to_string());
    }
    assert!(tokens > 10_000, "only {tokens} tokens compared");
}

#[test]
fn tokenisation_matches_the_crate_on_the_dev_bench() {
    let Some(bench) = cli::shared_path("bench") else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for set in std::fs::read_dir(&bench).expect("bench").flatten() {
        for doc in std::fs::read_dir(set.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for name in ["zh.txt", "zh.sent.txt", "en.txt"] {
                let p = doc.path().join(name);
                if p.is_file() {
                    files.push(p);
                }
            }
        }
    }
    assert!(
        !files.is_empty(),
        "no bench texts under {}",
        bench.display()
    );
    let tokens: usize = files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("UTF-8 bench text");
            same_as_crate(&text, &p.display().to_string())
        })
        .sum();
    assert!(tokens > 100_000, "only {tokens} tokens compared");
}

#[test]
fn flags_and_phrases_match_the_crate_for_known_words() {
    for word in [
        "雷锋",
        "发展",
        "深化",
        "中国特色社会主义",
        "摸着石头过河",
        "从天而降",
        "和平",
        "中国",
    ] {
        let entries = chinese_dictionary::query_by_simplified(word);
        let glosses: Vec<&str> = entries
            .iter()
            .flat_map(|e| e.english.iter())
            .map(String::as_str)
            .collect();
        let e = cedict::simplified(word).expect("a headword");
        assert_eq!(
            e.verb_gloss(),
            glosses.iter().any(|g| g.starts_with("to ")),
            "{word}"
        );
        assert_eq!(
            e.verb_sense(),
            glosses.iter().any(|g| cedict::derive::verb_sense(g)),
            "{word}"
        );
        assert_eq!(
            e.proper_name(),
            glosses
                .iter()
                .all(|g| g.chars().next().is_some_and(char::is_uppercase) && !g.starts_with("CL:")),
            "{word}"
        );
        let phrases: Vec<Vec<u64>> = glosses
            .iter()
            .filter_map(|g| cedict::derive::phrase_stems(word, g))
            .collect();
        assert_eq!(e.phrases(), phrases, "{word}");
        // Glossing keeps the crate's words: the stems of a one-word sentence are its entry's.
        let mut g = dict::Glosser::new();
        let glossed = g.gloss(word);
        assert_eq!(glossed.len(), 1, "{word}");
        assert_eq!(glossed[0].stems, e.stems().collect::<Vec<_>>(), "{word}");
    }
}
