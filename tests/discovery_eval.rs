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
//!
//! A second evaluation runs `zhen-tm terms` as a user would on each of the nine `pol`
//! chapters of `../shared/bench` and on all nine together, and scores the candidates
//! against `../shared/terms-dev/terms.jsonl` with the rule of
//! `../shared/tools/terms_recall.py` (recall within the top 50, the top 100 and all, over
//! the entries whose Chinese is not on the bundled list). It skips, with a message, when
//! `../shared` is absent.

#[path = "common/cli.rs"]
mod cli;

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
    // Floors, just under the figures printed (all samples 51 and 60 of 77, development 33
    // and 37 of 49, held out 13 and 15 of 26): a change that loses recall fails. Held out
    // partial was 16: the cut 回答中外记者提问 / "answered questions from Chinese", a verb
    // and its object seen once, now ranks below its nested neighbour and is dropped.
    for (f, exact_all, partial_all) in [(&all, 0.66, 0.77), (&dev, 0.67, 0.75), (&held, 0.49, 0.57)]
    {
        let r = f.reference.max(1) as f64;
        assert!(f.reference >= 20);
        assert!(f.found[2].0 as f64 / r >= exact_all);
        assert!(f.found[2].1 as f64 / r >= partial_all);
    }
}

/// A reference entry of `terms-dev/terms.jsonl`.
struct Reference {
    zh: String,
    en: Vec<String>,
    docs: Vec<String>,
}

/// Chinese as `terms_recall.py` compares it: without whitespace and quotation or
/// book-title marks.
fn dev_zh(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"“”‘’\"'《》「」".contains(*c))
        .collect()
}

/// English as `terms_recall.py` compares it: typographic quotes folded, whitespace runs
/// collapsed, case ignored.
fn dev_en(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Runs `terms` on one English/Chinese file pair; the candidates as (zh, en), best first.
fn dev_candidates(en: &Path, zh: &Path) -> Vec<(String, String)> {
    let out = cli::scratch_in("discovery_eval", "dev");
    let o = cli::run([
        "terms".as_ref(),
        "--en".as_ref(),
        en.as_os_str(),
        "--zh".as_ref(),
        zh.as_os_str(),
        "--json".as_ref(),
        "--top".as_ref(),
        "100000".as_ref(),
        "--show".as_ref(),
        "100000".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    cli::assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&cli::stdout(&o)).unwrap();
    v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                dev_zh(c["zh"].as_str().unwrap()),
                dev_en(c["en"].as_str().unwrap()),
            )
        })
        .collect()
}

/// Found within the top 50, the top 100 and all, of the references not on the bundled list.
fn dev_recall(refs: &[&Reference], cands: &[(String, String)]) -> [usize; 3] {
    let mut found = [0; 3];
    for r in refs {
        let zh = dev_zh(&r.zh);
        let en: Vec<String> = r.en.iter().map(|e| dev_en(e)).collect();
        let rank = cands.iter().position(|(z, e)| *z == zh && en.contains(e));
        for (i, limit) in [50, 100, usize::MAX].into_iter().enumerate() {
            found[i] += usize::from(rank.is_some_and(|k| k < limit));
        }
    }
    found
}

#[test]
fn discovery_recall_on_terms_dev() {
    let (Some(list), Some(bench)) = (
        cli::shared_path("terms-dev/terms.jsonl"),
        cli::shared_path("bench/pol"),
    ) else {
        eprintln!("skipped: ../shared/terms-dev or ../shared/bench/pol is absent");
        return;
    };
    let bundled_keys: HashSet<String> = bundled().iter().map(Term::key_text).collect();
    let refs: Vec<Reference> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let strings = |k: &str| -> Vec<String> {
                v[k].as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect()
            };
            Reference {
                zh: v["zh"].as_str().unwrap().to_string(),
                en: strings("en"),
                docs: strings("docs"),
            }
        })
        .filter(|r| !bundled_keys.contains(&dev_zh(&r.zh)))
        .collect();
    let chapters = [
        "002", "003", "004", "005", "007", "008", "010", "011", "012",
    ];
    let pct = |k: usize, n: usize| 100.0 * k as f64 / n.max(1) as f64;
    let line = |label: &str, n: usize, f: [usize; 3]| {
        println!(
            "   {label:>8}: {n:>3} entries  top 50 {:>3} ({:>5.1}%)  top 100 {:>3} ({:>5.1}%)  all {:>3} ({:>5.1}%)",
            f[0],
            pct(f[0], n),
            f[1],
            pct(f[1], n),
            f[2],
            pct(f[2], n)
        );
    };
    println!("== terms-dev, entries not on the bundled list");
    let mut pooled = (0usize, [0usize; 3]);
    let (mut all_en, mut all_zh) = (String::new(), String::new());
    for c in chapters {
        let (en, zh) = (bench.join(c).join("en.txt"), bench.join(c).join("zh.txt"));
        all_en.push_str(&std::fs::read_to_string(&en).unwrap());
        all_zh.push_str(&std::fs::read_to_string(&zh).unwrap());
        let doc = format!("pol/{c}");
        let mine: Vec<&Reference> = refs.iter().filter(|r| r.docs.contains(&doc)).collect();
        let f = dev_recall(&mine, &dev_candidates(&en, &zh));
        line(c, mine.len(), f);
        pooled.0 += mine.len();
        for (p, k) in pooled.1.iter_mut().zip(f) {
            *p += k;
        }
    }
    line("pooled", pooled.0, pooled.1);
    let dir = cli::scratch_in("discovery_eval", "nine");
    std::fs::create_dir_all(&dir).unwrap();
    let (en, zh) = (dir.join("en.txt"), dir.join("zh.txt"));
    std::fs::write(&en, all_en).unwrap();
    std::fs::write(&zh, all_zh).unwrap();
    let all_refs: Vec<&Reference> = refs.iter().collect();
    let together = dev_recall(&all_refs, &dev_candidates(&en, &zh));
    line("all nine", all_refs.len(), together);
    // Floors, just under the figures printed (pooled 151 and 163 of 206 within the top 100
    // and over all candidates; all nine 44 and 97 of 131; the nine's floors leave room for
    // a tie or two at the cut): single-document discovery must not lose what it finds, and
    // the pooled top 100 holds the 70 %.
    assert!(
        pooled.1[1] * 100 >= pooled.0 * 72,
        "pooled top 100 {pooled:?}"
    );
    assert!(pooled.1[2] * 100 >= pooled.0 * 78, "pooled all {pooled:?}");
    assert!(
        together[1] * 100 >= all_refs.len() * 32,
        "all nine top 100 {together:?}"
    );
    assert!(
        together[2] * 100 >= all_refs.len() * 72,
        "all nine all {together:?}"
    );
}
