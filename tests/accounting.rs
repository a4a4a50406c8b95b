//! Library-level accounting: alignment neither drops nor duplicates a sentence. For every
//! sample (and the two English + Chinese-edition combinations the CLI builds with
//! `--en`/`--zh`), each side's sentences, as `align::all_sentences` cuts them, are found
//! exactly once across the pairs and the unaligned list.

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::sync::OnceLock;

use zhen_tm::align::{align_document, all_sentences, AlignOptions};
use zhen_tm::model::{AlignedDocument, Document, Lang};
use zhen_tm::{decode, parse};

fn parse_sample(prefix: &str) -> Document {
    let path = cli::sample(prefix);
    let text = decode::read_file(&path, None).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();
    parse::parse_document(&text, &id, &path.display().to_string())
}

/// What `export --en EN --zh ZH` aligns: the English side of one file and the Chinese side
/// of the other, named after the Chinese file (as `read_input` in `src/cli/input.rs` does).
fn combine(en_prefix: &str, zh_prefix: &str) -> Document {
    let en = parse_sample(en_prefix);
    let zh = parse_sample(zh_prefix);
    Document {
        id: zh.id.clone(),
        source: format!("{} + {}", en.source, zh.source),
        date: en.date.clone().or(zh.date.clone()),
        en: Some(en.en.expect("English side")),
        zh: Some(zh.zh.expect("Chinese side")),
    }
}

/// Every document the tests check, with its alignment; computed once.
fn aligned() -> &'static Vec<(Document, AlignedDocument)> {
    static ALIGNED: OnceLock<Vec<(Document, AlignedDocument)>> = OnceLock::new();
    ALIGNED.get_or_init(|| {
        let docs = vec![
            parse_sample("000"),
            parse_sample("001"),
            parse_sample("002"),
            combine("000", "003"),
            combine("002", "004"),
        ];
        docs.into_iter()
            .map(|d| {
                let a = align_document(&d, &AlignOptions::default()).unwrap();
                (d, a)
            })
            .collect()
    })
}

fn side_sentences(doc: &Document, lang: Lang) -> Vec<String> {
    let t = match lang {
        Lang::En => doc.en.as_ref(),
        Lang::Zh => doc.zh.as_ref(),
    }
    .unwrap();
    all_sentences(t, &AlignOptions::default())
}

fn paired(a: &AlignedDocument, lang: Lang) -> Vec<String> {
    a.pairs
        .iter()
        .flat_map(|p| p.sentences(lang).iter().cloned())
        .collect()
}

#[test]
fn monolingual_editions_have_one_side() {
    for p in ["003", "004"] {
        let d = parse_sample(p);
        assert!(d.en.is_none(), "{p} has English");
        assert!(d.zh.is_some(), "{p} has no Chinese");
    }
    for p in ["000", "001", "002"] {
        let d = parse_sample(p);
        assert!(d.en.is_some() && d.zh.is_some(), "{p}");
    }
}

#[test]
fn every_sentence_is_accounted_for_exactly_once() {
    for (doc, a) in aligned() {
        assert!(!a.pairs.is_empty(), "{}: no pairs", doc.id);
        for lang in [Lang::En, Lang::Zh] {
            let all = side_sentences(doc, lang);
            assert!(!all.is_empty());
            let pairs = paired(a, lang);
            let unaligned: Vec<String> = a
                .unaligned
                .iter()
                .filter(|u| u.lang == lang)
                .map(|u| u.text.clone())
                .collect();
            // The same multiset: nothing dropped, nothing duplicated.
            let mut want = all.clone();
            let mut got: Vec<String> = pairs.iter().chain(&unaligned).cloned().collect();
            want.sort();
            got.sort();
            if got != want {
                let missing: Vec<&String> = want.iter().filter(|s| !got.contains(s)).collect();
                let extra: Vec<&String> = got.iter().filter(|s| !want.contains(s)).collect();
                panic!(
                    "{} {lang:?}: {} sentences, {} accounted for\nmissing: {missing:#?}\nextra: {extra:#?}",
                    doc.id,
                    want.len(),
                    got.len()
                );
            }
            // In order: the paired sentences, and the unaligned ones, each follow the
            // document order.
            for (what, part) in [("pairs", &pairs), ("unaligned", &unaligned)] {
                let mut it = all.iter();
                for s in part {
                    assert!(
                        it.any(|x| x == s),
                        "{} {lang:?}: {what} out of document order at {s:?}",
                        doc.id
                    );
                }
            }
        }
    }
}

#[test]
fn pair_ids_are_unique_and_numbered_in_order() {
    for (doc, a) in aligned() {
        for (i, p) in a.pairs.iter().enumerate() {
            assert_eq!(p.id, format!("{}-{:04}", doc.id, i + 1));
            assert_eq!(p.doc, doc.id);
            assert!(!p.en.is_empty() && !p.zh.is_empty(), "{}", p.id);
            assert!((0.0..=1.0).contains(&p.score), "{}: {}", p.id, p.score);
        }
    }
}

#[test]
fn labels_and_markdown_never_leak_into_sentences() {
    for (doc, a) in aligned() {
        let sentences = side_sentences(doc, Lang::En)
            .into_iter()
            .chain(side_sentences(doc, Lang::Zh))
            .chain(
                a.pairs
                    .iter()
                    .flat_map(|p| p.en.iter().chain(&p.zh).cloned()),
            )
            .chain(a.unaligned.iter().map(|u| u.text.clone()));
        for s in sentences {
            for label in ["Wang Yi:", "王毅：", "王毅:", "**", "#"] {
                assert!(!s.starts_with(label), "{}: label leaked: {s:?}", doc.id);
            }
            assert!(!s.contains("**"), "{}: Markdown in {s:?}", doc.id);
            assert!(!s.contains("\\$"), "{}: escaped $ in {s:?}", doc.id);
            assert_eq!(s, s.trim(), "{}: untrimmed {s:?}", doc.id);
            assert!(!s.is_empty());
        }
        // Speakers are carried as labels, not text.
        for p in &a.pairs {
            for sp in [&p.speaker_en, &p.speaker_zh].into_iter().flatten() {
                assert!(!sp.contains("**") && !sp.ends_with(':') && !sp.ends_with('：'));
            }
        }
    }
}

#[test]
fn trade_figure_pair_in_001() {
    let (_, a) = aligned()
        .iter()
        .find(|(d, _)| d.id.starts_with("001-"))
        .unwrap();
    let hits: Vec<_> = a
        .pairs
        .iter()
        .filter(|p| p.en_text().contains("US$240 billion"))
        .collect();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].zh_text().contains("2400亿美元"), "{:#?}", hits[0]);
    assert_eq!(hits[0].speaker_en.as_deref(), Some("Wang Yi"));
    assert_eq!(hits[0].speaker_zh.as_deref(), Some("王毅"));
}

#[test]
fn documents_carry_their_dates() {
    let want = [
        ("000-", "2025-03-07"),
        ("001-", "2024-03-07"),
        ("002-", "2026-03-08"),
        ("003-", "2025-03-07"),
        ("004-", "2026-03-08"),
    ];
    for (doc, a) in aligned() {
        let (_, date) = want.iter().find(|(p, _)| doc.id.starts_with(p)).unwrap();
        assert_eq!(a.date.as_deref(), Some(*date), "{}", doc.id);
        assert!(a.pairs.iter().all(|p| p.date.as_deref() == Some(*date)));
    }
}

/// The same multiset of sentences on both sides of an alignment, or a message saying what
/// is missing or extra.
fn check_accounted(name: &str, lang: Lang, want: &[String], a: &AlignedDocument) {
    let mut want: Vec<String> = want.to_vec();
    let mut got: Vec<String> = a.sentences(lang).into_iter().map(str::to_string).collect();
    want.sort();
    got.sort();
    if got != want {
        let missing: Vec<&String> = want.iter().filter(|s| !got.contains(s)).take(5).collect();
        let extra: Vec<&String> = got.iter().filter(|s| !want.contains(s)).take(5).collect();
        panic!(
            "{name} {lang:?}: {} sentences, {} accounted for\nmissing: {missing:#?}\nextra: {extra:#?}",
            want.len(),
            got.len()
        );
    }
}

/// Every bench document, in both modes: in presplit mode every non-blank input line (a
/// line ending in a colon such as `各位代表：` included) is in exactly one pair or in the
/// unaligned list; end to end, every sentence the segmenter cut. Skips without the bench.
#[test]
fn every_bench_sentence_is_accounted_for_in_both_modes() {
    let Some(bench) = cli::shared_path("bench") else {
        eprintln!("skipped: ../shared/bench not found");
        return;
    };
    let mut docs: Vec<PathBuf> = Vec::new();
    for set in std::fs::read_dir(&bench).unwrap().filter_map(|e| e.ok()) {
        if let Ok(rd) = std::fs::read_dir(set.path()) {
            docs.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    docs.retain(|d| d.join("gold.jsonl").is_file());
    docs.sort();
    assert!(docs.len() >= 20, "bench has {} documents", docs.len());
    for dir in &docs {
        let name = dir.display().to_string();
        let read = |f: &str| decode::read_file(&dir.join(f), None).unwrap();
        // Presplit: lines are sentences.
        let (en_text, zh_text) = (read("en.sent.txt"), read("zh.sent.txt"));
        let doc = Document {
            id: "bench".into(),
            source: name.clone(),
            date: None,
            en: Some(parse::parse_presplit(&en_text, Lang::En, false)),
            zh: Some(parse::parse_presplit(&zh_text, Lang::Zh, false)),
        };
        let opts = AlignOptions { presplit: true };
        let a = align_document(&doc, &opts).unwrap();
        for (lang, text) in [(Lang::En, &en_text), (Lang::Zh, &zh_text)] {
            let lines: Vec<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            check_accounted(&format!("{name} presplit"), lang, &lines, &a);
        }
        // End to end: the sentences the segmenter cut.
        let en = parse::parse_document(&read("en.txt"), "en", &name);
        let zh = parse::parse_document(&read("zh.txt"), "zh", &name);
        let doc = Document {
            id: "bench".into(),
            source: name.clone(),
            date: None,
            en: en.en,
            zh: zh.zh,
        };
        let a = align_document(&doc, &AlignOptions::default()).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let want = side_sentences(&doc, lang);
            check_accounted(&format!("{name} raw"), lang, &want, &a);
        }
    }
}
