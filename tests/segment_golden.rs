//! Scores the sentence splitter against the external golden cases in
//! `../shared/segtests/` (English "Golden Rules" and Chinese cases).
//!
//! The cases are not part of this repository, so the test looks for them next to the
//! checkout (or in `$ZHEN_TM_SHARED/segtests`) and skips with a message when they are
//! absent, so that a fresh clone elsewhere still passes.

#[path = "common/cli.rs"]
mod cli;

use zhen_tm::model::Lang;
use zhen_tm::segment::split;

/// Minimum number of English cases that must pass (out of 52). Two cases expect line
/// breaks to be replaced by spaces, which the splitter deliberately never does.
const EN_MIN: usize = 50;
/// Minimum number of Chinese cases that must pass (all of them).
const ZH_MIN: usize = 24;

/// Run one file of cases; returns (passed, total) and prints every failure.
fn score(dir: &std::path::Path, file: &str, lang: Lang) -> (usize, usize) {
    let path = dir.join(file);
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let cases: Vec<serde_json::Value> = serde_json::from_str(&raw)
        .unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
    let mut passed = 0;
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("?");
        let text = case["text"].as_str().unwrap_or_default();
        let expected: Vec<String> = case["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .map(|s| s.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let got: Vec<String> = split(lang, text)
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect();
        if got == expected {
            passed += 1;
        } else {
            println!("FAIL {id}: {text:?}\n  expected: {expected:?}\n  got:      {got:?}");
        }
    }
    (passed, cases.len())
}

#[test]
fn golden_sentence_cases() {
    let Some(dir) = cli::shared_path("segtests") else {
        println!("skipping: ../shared/segtests not found");
        return;
    };
    let (en_ok, en_total) = score(&dir, "en_golden.json", Lang::En);
    let (zh_ok, zh_total) = score(&dir, "zh_golden.json", Lang::Zh);
    println!("segment golden: en {en_ok}/{en_total}, zh {zh_ok}/{zh_total}");
    assert!(en_ok >= EN_MIN, "English: {en_ok}/{en_total} < {EN_MIN}");
    assert!(zh_ok >= ZH_MIN, "Chinese: {zh_ok}/{zh_total} < {ZH_MIN}");
}
