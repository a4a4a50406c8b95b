//! Evaluation of term discovery (`zhen-tm terms`) against the bundled term list.
//!
//! Discovery runs with an empty known list over the aligned samples (the three bilingual
//! transcripts, plus the `--en 000 --zh 003` and `--en 002 --zh 004` pairings, as the
//! command line would align them). The reference is every bundled entry whose Chinese
//! occurs, with one of its listed English renderings, in at least two units (distinct
//! English sentences) of the input. A candidate is
//!
//! - an **exact** match when its Chinese equals the entry's and its English equals one of
//!   the listed renderings (case-insensitive, whitespace-normalized);
//! - a **partial** match when its Chinese equals the entry's and its English and a
//!   listed rendering are contiguous word sequences of one another (`community with a
//!   shared future` for `community with a shared future for mankind`). Partial includes
//!   exact.
//!
//! Recall is reported within the top 50, the top 100 and all candidates, for all samples
//! and for two splits: 2024 + 2025 (000, 001, 003), the material the method was developed
//! on, and 2026 (002, 004) held out. The figures are printed (`cargo test --release --test
//! discovery_eval -- --nocapture`), and the test asserts modest floors so that a change
//! which loses much recall fails.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use zhen_tm::align::{align_document, AlignOptions};
use zhen_tm::lexicon::terms::{bundled, Term};
use zhen_tm::model::{AlignedDocument, Document};
use zhen_tm::terms::{discover, known, segments};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn parse(name: &str) -> Document {
    let path = sample(name);
    let text = zhen_tm::decode::read_file(&path, None).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();
    zhen_tm::parse::parse_document(&text, &id, &path.display().to_string())
}

const B2024: &str = "001-2024-03-07-press-conference-part1.bilingual.md";
const B2025: &str = "000-2025-03-07-press-conference.bilingual.md";
const B2026: &str = "002-2026-03-08-press-conference.bilingual.txt";
const Z2025: &str = "003-2025-03-07-press-conference.zh-newspaper.txt";
const Z2026: &str = "004-2026-03-08-press-conference.zh-abridged.txt";

/// One input as the command line takes it: a bilingual file, or an English file paired
/// with a Chinese edition (`--en EN --zh ZH`).
enum Job {
    File(&'static str),
    Pair(&'static str, &'static str),
}

fn align(jobs: &[Job]) -> Vec<AlignedDocument> {
    jobs.iter()
        .map(|job| {
            let doc = match job {
                Job::File(f) => parse(f),
                Job::Pair(en, zh) => {
                    let (e, z) = (parse(en), parse(zh));
                    Document {
                        id: z.id.clone(),
                        source: format!("{} + {}", e.source, z.source),
                        date: e.date.clone().or(z.date.clone()),
                        en: e.en,
                        zh: z.zh,
                    }
                }
            };
            align_document(&doc, &AlignOptions::default()).unwrap()
        })
        .collect()
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether the words of `a` occur contiguously in `b`.
fn within(a: &str, b: &str) -> bool {
    let a: Vec<&str> = a.split(' ').collect();
    let b: Vec<&str> = b.split(' ').collect();
    b.len() >= a.len() && b.windows(a.len()).any(|w| w == a.as_slice())
}

/// Recall figures of one split.
struct Figures {
    reference: usize,
    candidates: usize,
    /// (exact, partial) within the top 50, the top 100 and all.
    found: [(usize, usize); 3],
}

fn evaluate(label: &str, jobs: &[Job], print_top: bool) -> Figures {
    let docs = align(jobs);
    let segs = segments(&docs);
    let terms: &[Term] = bundled();
    // Reference: entries used with a listed rendering in at least two units.
    let hits = known::scan(&segs, terms);
    let mut reference: Vec<&Term> = Vec::new();
    for (ti, t) in terms.iter().enumerate() {
        let units: HashSet<String> = hits
            .iter()
            .filter(|h| h.term == ti && !h.used.is_empty())
            .map(|h| norm(&segs[h.seg].en))
            .collect();
        if units.len() >= 2 {
            reference.push(t);
        }
    }
    let found = discover::discover(&segs, &[], &discover::Options::default());
    let rank_of = |t: &Term, exact: bool| {
        let key = t.key_text();
        let renderings: Vec<String> = t.en.iter().map(|e| norm(e)).collect();
        found.iter().position(|c| {
            let en = norm(&c.en);
            c.zh == key
                && renderings.iter().any(|r| {
                    if exact {
                        *r == en
                    } else {
                        within(r, &en) || within(&en, r)
                    }
                })
        })
    };
    let mut figures = Figures {
        reference: reference.len(),
        candidates: found.len(),
        found: [(0, 0); 3],
    };
    let mut missed = Vec::new();
    for t in &reference {
        let exact = rank_of(t, true);
        let partial = rank_of(t, false);
        for (i, limit) in [50, 100, usize::MAX].into_iter().enumerate() {
            figures.found[i].0 += usize::from(exact.is_some_and(|r| r < limit));
            figures.found[i].1 += usize::from(partial.is_some_and(|r| r < limit));
        }
        if exact.is_none() {
            let got = found
                .iter()
                .find(|c| c.zh == t.key_text())
                .map_or("-".to_string(), |c| c.en.clone());
            missed.push(format!("{} / {} (got: {got})", t.zh, t.en[0]));
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / figures.reference.max(1) as f64;
    println!(
        "== {label}: {} reference entries, {} candidates",
        figures.reference, figures.candidates
    );
    for (i, name) in ["top 50", "top 100", "all"].iter().enumerate() {
        let (e, p) = figures.found[i];
        println!(
            "   {name:>7}: exact {e:>3} ({:>5.1}%)  partial {p:>3} ({:>5.1}%)",
            pct(e),
            pct(p)
        );
    }
    if print_top {
        let reference_keys: HashSet<String> = reference.iter().map(|t| t.key_text()).collect();
        println!("   top 50 (* = Chinese of a reference entry):");
        for (i, c) in found.iter().take(50).enumerate() {
            let mark = if reference_keys.contains(&c.zh) {
                "*"
            } else {
                " "
            };
            println!(
                "   {:>3} {mark} {}\t{}\t{:.1}\t{}/{}/{}",
                i + 1,
                c.zh,
                c.en,
                c.score,
                c.pairs,
                c.zh_pairs,
                c.en_pairs
            );
        }
        println!("   not found exactly:");
        for m in missed {
            println!("     {m}");
        }
    }
    figures
}

#[test]
fn discovery_recall_of_bundled_terms() {
    let all = evaluate(
        "all samples",
        &[
            Job::File(B2025),
            Job::File(B2024),
            Job::File(B2026),
            Job::Pair(B2025, Z2025),
            Job::Pair(B2026, Z2026),
        ],
        true,
    );
    let dev = evaluate(
        "2024 + 2025 (development)",
        &[Job::File(B2025), Job::File(B2024), Job::Pair(B2025, Z2025)],
        false,
    );
    let held = evaluate(
        "2026 (held out)",
        &[Job::File(B2026), Job::Pair(B2026, Z2026)],
        false,
    );
    // Floors, well under the figures printed: recall must not collapse.
    for (f, exact_all, partial_all) in [(&all, 0.35, 0.45), (&dev, 0.4, 0.5), (&held, 0.3, 0.35)] {
        let r = f.reference.max(1) as f64;
        assert!(f.reference >= 20);
        assert!(f.found[2].0 as f64 / r >= exact_all);
        assert!(f.found[2].1 as f64 / r >= partial_all);
    }
}
