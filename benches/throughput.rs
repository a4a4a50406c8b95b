//! Throughput benchmark: `cargo bench --bench throughput`.
//!
//! A plain `harness = false` program (no Criterion, no extra dependencies) that measures
//! the library's pipeline on the bilingual samples in `samples/`:
//!
//! 0. start-up: the `zhen-tm` binary exporting one sentence pair, as a whole process
//!    (CPU seconds of the child processes and peak resident memory);
//! 1. the one-off start-up in process (the first `align_document` call minus a warm one);
//! 2. each stage over `ZHEN_TM_BENCH_ITERS` passes (decode+parse, align, each writer) and
//!    the whole pipeline end to end, as documents/s, MB/s of input, sentences/s and pairs/s;
//! 3. scaling, to check "no quadratic steps": synthetic documents with k = 1, 2, 4, 8 times
//!    the turns of the samples (more units) and with every unit k times longer (longer
//!    units), reported as time per sentence against k = 1;
//! 4. an archive run: many documents aligned in parallel with rayon, 1 thread vs all;
//! 5. the 300-document corpus (`ZHEN_TM_BENCH_CORPUS` copies of the three samples, 100 by
//!    default) end to end on one thread, in CPU seconds and MB/s per core;
//! 6. the development bench (`../shared/bench`) in `--presplit` mode, one thread;
//! 7. peak resident memory (`VmHWM`, Linux only).
//!
//! Stage timing is wall-clock (`Instant`) and deliberately simple: the figures are for
//! spotting regressions and super-linear growth, not for micro-benchmarking. The start-up,
//! corpus and development-bench figures are CPU time (user + system, from `/proc`), which a
//! busy shared machine disturbs much less than wall time. See `benches/README.md`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use zhen_tm::align::{align_document, AlignOptions};
use zhen_tm::lexicon::dict::Glosser;
use zhen_tm::model::{AlignedDocument, Document, Lang, Transcript, Unit, UnitKind};
use zhen_tm::write::{write_csv, write_tmx, write_xliff12, write_xliff21, WriteOptions};

/// The bilingual samples the benchmark runs on (paths relative to the crate root).
const SAMPLES: [&str; 3] = [
    "samples/000-2025-03-07-press-conference.bilingual.md",
    "samples/001-2024-03-07-press-conference-part1.bilingual.md",
    "samples/002-2026-03-08-press-conference.bilingual.txt",
];

/// Passes over the three samples per stage unless `ZHEN_TM_BENCH_ITERS` says otherwise.
const DEFAULT_ITERS: usize = 3;
/// Copies of the three samples in the archive run unless `ZHEN_TM_BENCH_COPIES` says
/// otherwise: small, because alignment runs at about 10 documents/s per core today and the
/// whole benchmark should finish in about 20 s on a shared 2-core machine.
const DEFAULT_COPIES: usize = 8;
/// Copies of the three samples in the corpus run unless `ZHEN_TM_BENCH_CORPUS` says
/// otherwise (100 → 300 documents, 5 MB: the corpus of the throughput target).
const DEFAULT_CORPUS: usize = 100;
/// Runs of the one-sentence export in the start-up measurement (CPU time is read in clock
/// ticks of 10 ms, so the mean over several runs is what is precise).
const STARTUP_RUNS: usize = 20;
/// Growth factors of the scaling check.
const SCALES: [usize; 4] = [1, 2, 4, 8];
/// Units per side kept for the "units grow" scaling check (see [`head_units`]).
const LONG_UNITS_HEAD: usize = 6;
/// Each scaling point is repeated until it has run at least this long (and at least once).
const SCALE_MIN_TIME: Duration = Duration::from_millis(300);

/// One input sample, read once and kept in memory.
struct Sample {
    path: PathBuf,
    id: String,
    bytes: usize,
}

/// Totals of one measured stage, turned into rates by [`Row::print`].
struct Row {
    stage: String,
    docs: usize,
    bytes: usize,
    sentences: usize,
    pairs: usize,
    elapsed: Duration,
}

impl Row {
    fn print(&self) {
        let s = self.elapsed.as_secs_f64().max(1e-9);
        println!(
            "| {:<28} | {:>5} | {:>9.1} | {:>9.2} | {:>8.1} | {:>7.2} | {:>9.0} | {:>9.0} |",
            self.stage,
            self.docs,
            self.elapsed.as_secs_f64() * 1e3,
            self.elapsed.as_secs_f64() * 1e3 / self.docs.max(1) as f64,
            self.docs as f64 / s,
            self.bytes as f64 / 1e6 / s,
            self.sentences as f64 / s,
            self.pairs as f64 / s,
        );
    }
}

fn print_stage_header() {
    println!(
        "| {:<28} | {:>5} | {:>9} | {:>9} | {:>8} | {:>7} | {:>9} | {:>9} |",
        "stage", "docs", "total ms", "ms/doc", "docs/s", "MB/s in", "sent/s", "pairs/s"
    );
    println!(
        "|{:-<30}|{:->7}|{:->11}|{:->11}|{:->10}|{:->9}|{:->11}|{:->11}|",
        "", "", "", "", "", "", "", ""
    );
}

/// A positive integer from the environment, or `default`.
fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// Decode and parse one sample, as the CLI does.
fn load(s: &Sample) -> Document {
    let text = zhen_tm::decode::read_file(&s.path, None).expect("sample decodes");
    zhen_tm::parse::parse_document(&text, &s.id, &s.path.to_string_lossy())
}

fn align(doc: &Document) -> AlignedDocument {
    align_document(doc, &AlignOptions::default()).expect("bilingual sample aligns")
}

/// Sentences the aligner accounted for: those in pairs (both sides) plus unaligned ones.
fn sentence_count(a: &AlignedDocument) -> usize {
    a.pairs
        .iter()
        .map(|p| p.en.len() + p.zh.len())
        .sum::<usize>()
        + a.unaligned.len()
}

/// Runs `f` `iters` times and returns the total elapsed time.
fn time_iters(iters: usize, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed()
}

/// Runs `f` until at least [`SCALE_MIN_TIME`] has passed; returns the mean time of one run.
fn time_mean(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < SCALE_MIN_TIME {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

/// The leading units of a side that are not turns or headings (title, lead): kept once when
/// a synthetic document repeats the body.
fn preamble_len(t: &Transcript) -> usize {
    t.units
        .iter()
        .take_while(|u| matches!(u.kind, UnitKind::Title | UnitKind::Lead))
        .count()
}

/// A document whose body (units after title and lead) is repeated `k` times on both sides:
/// the document grows, each unit keeps its size.
fn more_units(doc: &Document, k: usize) -> Document {
    let grow = |t: &Transcript| {
        let head = preamble_len(t);
        let mut units: Vec<Unit> = t.units[..head].to_vec();
        for _ in 0..k {
            units.extend_from_slice(&t.units[head..]);
        }
        Transcript {
            lang: t.lang,
            units,
        }
    };
    Document {
        id: format!("{}-x{k}-units", doc.id),
        en: doc.en.as_ref().map(grow),
        zh: doc.zh.as_ref().map(grow),
        ..doc.clone()
    }
}

/// A document whose every unit has its paragraphs repeated `k` times on both sides: the
/// number of units stays, each unit grows.
fn longer_units(doc: &Document, k: usize) -> Document {
    let grow = |t: &Transcript| Transcript {
        lang: t.lang,
        units: t
            .units
            .iter()
            .map(|u| Unit {
                paragraphs: (0..k).flat_map(|_| u.paragraphs.iter().cloned()).collect(),
                ..u.clone()
            })
            .collect(),
    };
    Document {
        id: format!("{}-x{k}-long", doc.id),
        en: doc.en.as_ref().map(grow),
        zh: doc.zh.as_ref().map(grow),
        ..doc.clone()
    }
}

/// The first `n` units of each side of a document.
fn head_units(doc: &Document, n: usize) -> Document {
    let cut = |t: &Transcript| Transcript {
        lang: t.lang,
        units: t.units.iter().take(n).cloned().collect(),
    };
    Document {
        id: format!("{}-head{n}", doc.id),
        en: doc.en.as_ref().map(cut),
        zh: doc.zh.as_ref().map(cut),
        ..doc.clone()
    }
}

/// Largest unit (in paragraphs) of a document, for the scaling table.
fn max_unit_paragraphs(doc: &Document) -> usize {
    [doc.en.as_ref(), doc.zh.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|t| t.units.iter().map(|u| u.paragraphs.len()))
        .max()
        .unwrap_or(0)
}

fn unit_count(doc: &Document) -> (usize, usize) {
    (
        doc.en.as_ref().map_or(0, |t| t.units.len()),
        doc.zh.as_ref().map_or(0, |t| t.units.len()),
    )
}

/// Aligns `make(doc, k)` for every scale and every sample; prints one line per k with the
/// time per sentence relative to k = 1, and returns the k = max / k = 1 ratio.
fn scaling(label: &str, docs: &[Document], make: fn(&Document, usize) -> Document) -> f64 {
    println!("\n### Scaling ({}): {label}\n", docs[0].id);
    println!(
        "| {:>2} | {:>11} | {:>14} | {:>9} | {:>10} | {:>11} | {:>9} |",
        "k", "units en/zh", "max unit paras", "sentences", "align ms", "µs/sentence", "vs k=1"
    );
    println!(
        "|{:->4}|{:->13}|{:->16}|{:->11}|{:->12}|{:->13}|{:->11}|",
        "", "", "", "", "", "", ""
    );
    let mut base = None;
    let mut last = 1.0;
    for k in SCALES {
        let big: Vec<Document> = docs.iter().map(|d| make(d, k)).collect();
        let sentences: usize = big.iter().map(|d| sentence_count(&align(d))).sum();
        let (ue, uz) = big
            .iter()
            .map(unit_count)
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
        let max_paras = big.iter().map(max_unit_paragraphs).max().unwrap_or(0);
        let t = time_mean(|| {
            for d in &big {
                black_box(align(black_box(d)));
            }
        });
        let per = t.as_secs_f64() * 1e6 / sentences.max(1) as f64;
        let b = *base.get_or_insert(per);
        last = per / b;
        println!(
            "| {:>2} | {:>11} | {:>14} | {:>9} | {:>10.1} | {:>11.2} | {:>8.2}x |",
            k,
            format!("{ue}/{uz}"),
            max_paras,
            sentences,
            t.as_secs_f64() * 1e3,
            per,
            last
        );
    }
    last
}

/// CPU seconds (user + system) of this process and of its waited-for children, from
/// `/proc/self/stat` (Linux; clock ticks of 1/100 s, the USER_HZ of every Linux port), or
/// `None` elsewhere.
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.len() == 4).then(|| ((f[0] + f[1]) / 100.0, (f[2] + f[3]) / 100.0))
}

/// CPU seconds this process spends in `f` (its own threads, not children).
fn cpu_of(f: impl FnOnce()) -> Option<f64> {
    let before = cpu_seconds();
    f();
    Some(cpu_seconds()?.0 - before?.0)
}

/// The whole `zhen-tm` binary exporting one sentence pair to TMX: mean CPU seconds per
/// run over [`STARTUP_RUNS`] runs (children's user + system time) and the peak resident
/// set of one run (`/usr/bin/time -f %M`; skipped when that tool is absent).
fn startup() {
    println!("\n### Start-up: one sentence pair, whole process\n");
    let bin = Path::new(env!("CARGO_BIN_EXE_zhen-tm"));
    let Ok(tmp) = tempfile::tempdir() else {
        println!("skipped: no temporary folder");
        return;
    };
    let (en, zh, out) = (
        tmp.path().join("en.txt"),
        tmp.path().join("zh.txt"),
        tmp.path().join("out"),
    );
    let written = std::fs::write(
        &en,
        "China will remain a staunch force for peace, stability and progress.\n",
    )
    .and_then(|()| std::fs::write(&zh, "中国将坚定做和平力量、稳定力量、进步力量。\n"));
    if written.is_err() {
        println!("skipped: cannot write the input files");
        return;
    }
    let export: Vec<std::ffi::OsString> = vec![
        "export".into(),
        "--en".into(),
        en.into(),
        "--zh".into(),
        zh.into(),
        "-o".into(),
        out.into(),
        "--format".into(),
        "tmx".into(),
    ];
    let before = cpu_seconds();
    let start = Instant::now();
    for _ in 0..STARTUP_RUNS {
        let status = std::process::Command::new(bin)
            .args(&export)
            .stdout(std::process::Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            println!("skipped: {} export failed", bin.display());
            return;
        }
    }
    let wall = start.elapsed().as_secs_f64() / STARTUP_RUNS as f64;
    let cpu = match (before, cpu_seconds()) {
        (Some(b), Some(a)) => format!("{:.1} ms", (a.1 - b.1) / STARTUP_RUNS as f64 * 1e3),
        _ => "n/a".to_string(),
    };
    let rss = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(bin)
        .args(&export)
        .output()
        .ok()
        .and_then(|o| {
            let text = String::from_utf8_lossy(&o.stderr).into_owned();
            text.lines().last()?.trim().parse::<u64>().ok()
        })
        .map_or("n/a (no /usr/bin/time)".to_string(), |kb| {
            format!("{:.1} MB", kb as f64 / 1024.0)
        });
    println!("| runs | CPU per run (user+sys) | wall per run | peak resident |");
    println!("|------|------------------------|--------------|---------------|");
    println!(
        "| {STARTUP_RUNS:>4} | {cpu:>22} | {:>9.1} ms | {rss:>13} |",
        wall * 1e3
    );
}

/// The corpus of the throughput target: `copies` × the three samples, each read, parsed,
/// aligned and written as TMX (to a sink) on one thread. CPU seconds and MB/s per core.
fn corpus(samples: &[Sample], copies: usize) {
    let n = copies * samples.len();
    let bytes: usize = samples.iter().map(|s| s.bytes).sum::<usize>() * copies;
    println!(
        "\n### Corpus: {n} documents ({:.1} MB), end to end, one thread\n",
        bytes as f64 / 1e6
    );
    let start = Instant::now();
    let cpu = cpu_of(|| {
        for _ in 0..copies {
            for s in samples {
                let text = zhen_tm::decode::read_file(&s.path, None).expect("sample decodes");
                let doc = zhen_tm::parse::parse_document(&text, &s.id, "corpus");
                let aligned = align(&doc);
                write_tmx(
                    std::io::sink(),
                    std::slice::from_ref(&aligned),
                    &WriteOptions::default(),
                )
                .expect("TMX writes to a sink");
            }
        }
    });
    let wall = start.elapsed().as_secs_f64();
    println!("| CPU s (user+sys) | wall s | MB/s per core | docs/s per core |");
    println!("|------------------|--------|---------------|-----------------|");
    match cpu {
        Some(c) => println!(
            "| {c:>16.2} | {wall:>6.2} | {:>13.2} | {:>15.1} |",
            bytes as f64 / 1e6 / c,
            n as f64 / c
        ),
        None => println!("| n/a | {wall:>6.2} | n/a | n/a |"),
    }
}

/// Peak resident set size of this process (`VmHWM`), or `n/a` off Linux.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".to_string())
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs bench targets without
    // it, and should not spend 20 s here.
    if !std::env::args().any(|a| a == "--bench") {
        println!("throughput: skipped (run it with `cargo bench --bench throughput`)");
        return;
    }
    let iters = env_usize("ZHEN_TM_BENCH_ITERS", DEFAULT_ITERS);
    let corpus_copies = env_usize("ZHEN_TM_BENCH_CORPUS", DEFAULT_CORPUS);
    let copies = env_usize("ZHEN_TM_BENCH_COPIES", DEFAULT_COPIES);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples: Vec<Sample> = SAMPLES
        .iter()
        .map(|p| {
            let path = root.join(p);
            let bytes = std::fs::metadata(&path).expect("sample exists").len() as usize;
            let id = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split('.').next())
                .unwrap_or("doc")
                .to_string();
            Sample { path, id, bytes }
        })
        .collect();
    let in_bytes: usize = samples.iter().map(|s| s.bytes).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("# zhen-tm throughput benchmark\n");
    println!(
        "{} samples, {:.1} KB of input; {iters} iterations per stage (ZHEN_TM_BENCH_ITERS); \
         {threads} hardware threads.",
        samples.len(),
        in_bytes as f64 / 1e3
    );

    startup();

    // One-off start-up in process: the first align call loads the stop words and the term
    // list (and touches the embedded dictionary); a second call on the same document shows
    // the steady cost.
    let docs: Vec<Document> = samples.iter().map(load).collect();
    let t0 = Instant::now();
    let first = align(&docs[0]);
    let cold = t0.elapsed();
    let t1 = Instant::now();
    black_box(align(&docs[0]));
    let warm = t1.elapsed();
    drop(first);
    println!("\n### One-off start-up\n");
    println!(
        "| first align_document (cold) | {:>8.1} ms |",
        cold.as_secs_f64() * 1e3
    );
    println!(
        "| same document, warm         | {:>8.1} ms |",
        warm.as_secs_f64() * 1e3
    );
    println!(
        "| ⇒ one-off start-up          | {:>8.1} ms |",
        cold.saturating_sub(warm).as_secs_f64() * 1e3
    );

    let hwm_after_load = peak_memory();
    let aligned: Vec<AlignedDocument> = docs.iter().map(align).collect();
    let sentences: usize = aligned.iter().map(sentence_count).sum();
    let pairs: usize = aligned.iter().map(|a| a.pairs.len()).sum();
    let n_docs = samples.len() * iters;
    let row = |stage: &str, elapsed: Duration| Row {
        stage: stage.to_string(),
        docs: n_docs,
        bytes: in_bytes * iters,
        sentences: sentences * iters,
        pairs: pairs * iters,
        elapsed,
    };

    println!("\n### Stages (single thread, warm)\n");
    println!(
        "Per pass: {} documents, {sentences} sentences (en+zh), {pairs} pairs. \
         Rates are per document/byte/sentence/pair of the input.\n",
        samples.len()
    );
    print_stage_header();
    row(
        "decode+parse",
        time_iters(iters, || {
            for s in &samples {
                black_box(load(s));
            }
        }),
    )
    .print();
    let align_opts = AlignOptions::default();
    row(
        "  segment only (in align)",
        time_iters(iters, || {
            for d in &docs {
                for t in [d.en.as_ref(), d.zh.as_ref()].into_iter().flatten() {
                    black_box(zhen_tm::align::all_sentences(t, &align_opts));
                }
            }
        }),
    )
    .print();
    let zh_sentences: Vec<Vec<String>> = docs
        .iter()
        .filter_map(|d| d.zh.as_ref())
        .map(|t| zhen_tm::align::all_sentences(t, &align_opts))
        .collect();
    row(
        "  gloss zh only (in align)",
        time_iters(iters, || {
            for doc in &zh_sentences {
                let mut glosser = Glosser::new();
                for s in doc {
                    black_box(glosser.gloss(s));
                }
            }
        }),
    )
    .print();
    row(
        "align",
        time_iters(iters, || {
            for d in &docs {
                black_box(align(d));
            }
        }),
    )
    .print();
    let opts = WriteOptions::default();
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut out_bytes = Vec::new();
    type Writer = fn(&mut Vec<u8>, &[AlignedDocument], &WriteOptions) -> std::io::Result<()>;
    let writers: [(&str, Writer); 4] = [
        ("write TMX", |o, d, w| write_tmx(o, d, w).map(drop)),
        ("write XLIFF 1.2", |o, d, w| {
            write_xliff12(o, d, w).map(drop)
        }),
        ("write XLIFF 2.1", |o, d, w| {
            write_xliff21(o, d, w).map(drop)
        }),
        ("write CSV", |o, d, w| write_csv(o, d, w).map(drop)),
    ];
    for (name, write) in writers {
        let elapsed = time_iters(iters, || {
            for a in &aligned {
                out.clear();
                write(&mut out, std::slice::from_ref(a), &opts).expect("write to memory");
                black_box(&out);
            }
        });
        out.clear();
        write(&mut out, &aligned, &opts).expect("write to memory");
        out_bytes.push((name, out.len()));
        row(name, elapsed).print();
    }
    // Term discovery (`zhen-tm terms`) over the aligned samples together, as the command
    // runs it on a directory: the bundled list known, default settings.
    let segs = zhen_tm::terms::segments(&aligned);
    let known = zhen_tm::lexicon::terms::bundled();
    row(
        "terms discover (together)",
        time_iters(iters, || {
            black_box(zhen_tm::terms::discover::discover(
                &segs,
                known,
                &zhen_tm::terms::discover::Options::default(),
            ));
        }),
    )
    .print();
    row(
        "end to end (parse→TMX)",
        time_iters(iters, || {
            for s in &samples {
                let a = align(&load(s));
                write_tmx(std::io::sink(), std::slice::from_ref(&a), &opts).expect("sink");
            }
        }),
    )
    .print();
    println!();
    for (name, n) in out_bytes {
        println!("- {name}: {:.1} KB of output per pass", n as f64 / 1e3);
    }

    // Scaling: time per sentence should stay flat as documents or units grow.
    // On the first sample only, to keep the run short (k = 8 of "units grow" alone takes
    // seconds).
    let scale_docs = &docs[..1];
    let r_units = scaling(
        "document grows (body turns repeated k times, units keep their size)",
        scale_docs,
        more_units,
    );
    // Quadratic growth makes k = 8 cost 64 times k = 1 here: only the first units.
    let head: Vec<Document> = scale_docs
        .iter()
        .map(|d| head_units(d, LONG_UNITS_HEAD))
        .collect();
    let r_long = scaling(
        "units grow (every unit's paragraphs repeated k times, same number of units)",
        &head,
        longer_units,
    );
    let verdict = |r: f64| {
        // Linear growth keeps the ratio near 1; quadratic growth makes it about k = 8.
        if r < 1.5 {
            "roughly linear"
        } else if r < 4.0 {
            "mildly super-linear"
        } else {
            "SUPER-LINEAR: about quadratic in total time"
        }
    };
    println!(
        "\nper-sentence time at k=8 vs k=1: document growth {r_units:.2}x ({}), \
         unit growth {r_long:.2}x ({}).",
        verdict(r_units),
        verdict(r_long)
    );

    // Archive: many independent documents, aligned in parallel.
    let archive: Vec<(&Sample, String)> = (0..copies)
        .flat_map(|_| samples.iter())
        .map(|s| {
            let text = zhen_tm::decode::read_file(&s.path, None).expect("sample decodes");
            (s, text)
        })
        .collect();
    let archive_bytes: usize = archive.iter().map(|(s, _)| s.bytes).sum();
    println!(
        "\n### Archive: {} documents (parse + align, rayon)\n",
        archive.len()
    );
    println!(
        "| {:>7} | {:>9} | {:>8} | {:>7} | {:>7} |",
        "threads", "wall ms", "docs/s", "MB/s in", "speedup"
    );
    println!("|{:->9}|{:->11}|{:->10}|{:->9}|{:->9}|", "", "", "", "", "");
    let mut single = None;
    let mut counts = vec![1];
    if threads > 1 {
        counts.push(threads);
    }
    for n in counts {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool");
        let start = Instant::now();
        let total_pairs: usize = pool.install(|| {
            archive
                .par_iter()
                .map(|(s, text)| {
                    let doc = zhen_tm::parse::parse_document(text, &s.id, "archive");
                    align(&doc).pairs.len()
                })
                .sum()
        });
        let wall = start.elapsed();
        black_box(total_pairs);
        let secs = wall.as_secs_f64();
        let base = *single.get_or_insert(secs);
        println!(
            "| {:>7} | {:>9.1} | {:>8.1} | {:>7.2} | {:>6.2}x |",
            n,
            secs * 1e3,
            archive.len() as f64 / secs,
            archive_bytes as f64 / 1e6 / secs,
            base / secs
        );
    }

    corpus(&samples, corpus_copies);
    dev_bench();

    println!("\n### Memory\n");
    println!(
        "peak resident set (VmHWM) after the first align (dictionary loaded): {hwm_after_load}"
    );
    println!("peak resident set (VmHWM) at the end: {}", peak_memory());
}

/// The development bench (`../shared/bench`, or `$ZHEN_TM_SHARED/bench`) in `--presplit`
/// mode, one thread: the Bible (5,000 × 6,301 sentences in one unit) on its own, then every
/// document. Skipped with a note when the bench is absent (it is not part of the repository).
fn dev_bench() {
    let root = std::env::var_os("ZHEN_TM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("bench");
    println!("\n### Development bench, presplit, one thread\n");
    let Ok(sets) = std::fs::read_dir(&root) else {
        println!("skipped: {} not found", root.display());
        return;
    };
    let mut dirs: Vec<PathBuf> = sets
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .flat_map(|set| {
            std::fs::read_dir(set)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
        })
        .filter(|d| d.join("en.sent.txt").is_file() && d.join("zh.sent.txt").is_file())
        .collect();
    dirs.sort();
    let opts = AlignOptions { presplit: true };
    let read = |d: &Path, lang: Lang, name: &str| {
        let text = std::fs::read_to_string(d.join(name)).unwrap_or_default();
        zhen_tm::parse::parse_presplit(&text, lang, false)
    };
    println!("| document | sentences | wall ms | CPU ms |");
    println!("|{:-<22}|{:->11}|{:->9}|{:->9}|", "", "", "", "");
    let mut total = Duration::ZERO;
    let mut total_cpu = Some(0.0);
    for d in &dirs {
        let doc = Document {
            id: "bench".into(),
            source: d.display().to_string(),
            date: None,
            en: Some(read(d, Lang::En, "en.sent.txt")),
            zh: Some(read(d, Lang::Zh, "zh.sent.txt")),
        };
        let start = Instant::now();
        let mut aligned = None;
        let cpu = cpu_of(|| aligned = Some(align_document(&doc, &opts)));
        let aligned = aligned.expect("alignment ran");
        let took = start.elapsed();
        total += took;
        total_cpu = total_cpu.zip(cpu).map(|(t, c)| t + c);
        let sentences = aligned.as_ref().map_or(0, sentence_count);
        let name = d
            .strip_prefix(&root)
            .map_or_else(|_| d.display().to_string(), |p| p.display().to_string());
        if name.starts_with("bible") {
            println!(
                "| {name:<20} | {sentences:>9} | {:>7.0} | {:>7} |",
                took.as_secs_f64() * 1e3,
                cpu.map_or("n/a".into(), |c| format!("{:.0}", c * 1e3))
            );
        }
    }
    println!(
        "| all {} documents | | {:>7.0} | {:>7} |",
        dirs.len(),
        total.as_secs_f64() * 1e3,
        total_cpu.map_or("n/a".into(), |c| format!("{:.0}", c * 1e3))
    );
}
