//! Mutation fuzzing of the library's stages: decode, parse, segment, align, write,
//! validate and the `--terms` list reader. Seeds are the bundled samples and the files zhen-tm writes from them (TMX,
//! XLIFF 1.2 and 2.1, TBX); each case mutates one seed (bit flips, byte runs, spliced
//! pieces of other seeds, markup and encoding fragments) and runs every stage on it.
//!
//! What must hold for every case: no panic; each stage within a time bound; when a
//! transcript decodes and aligns, every sentence is in exactly one pair or in the
//! unaligned list ("nothing lost"), scores are within 0..1, and the TMX and XLIFF
//! written from it are valid against the bundled schemas and rules.
//!
//! A bounded number of cases runs with `cargo test` (deterministic: the seed is fixed).
//! Before a release, run more, with another seed:
//!
//! ```text
//! ZHEN_TM_FUZZ_CASES=20000 ZHEN_TM_FUZZ_SEED=$RANDOM cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A failing input is saved under `target/tmp/fuzz/` and its path printed, so that it can
//! be turned into a regression test.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zhen_tm::align::{align_document, all_sentences, AlignOptions};
use zhen_tm::model::{AlignedDocument, Document, Lang};
use zhen_tm::validate::{self, detect, Severity, XmlFormat};
use zhen_tm::write::{self, Format, WriteOptions};

/// Cases run by default (per `cargo test`): enough to cover every mutation on every seed
/// a few times in well under a minute on a release build.
const DEFAULT_CASES: usize = 400;

/// The slowest a single stage may take on one case. Inputs are at most a few hundred KB,
/// so anything near this is a complexity bug, not a slow machine.
const TIME_BOUND: Duration = Duration::from_secs(10);

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fragments that make parsers take unusual paths: markup, entities, DOCTYPEs, encodings,
/// labels and punctuation the transcript parser treats specially.
const FRAGMENTS: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&lol;",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<!DOCTYPE tmx [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]>",
    "xml:lang=\"\"",
    " a=\"1\" a=\"2\"",
    "</seg>",
    "<seg>",
    "</tu>",
    "\u{FEFF}",
    "\u{0}",
    "\u{1b}",
    "\u{FFFE}",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "王毅：",
    "**Wang Yi:** ",
    "# ",
    "。",
    "“",
    "……",
    "Mr. ",
    "U.S.",
    "2025年3月7日",
    "=HYPERLINK(\"x\")",
    "\u{202E}",
    "😀",
];

/// One mutation of `seed`, using `others` for splices.
fn mutate(rng: &mut Rng, seed: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(b.len() + 1);
        match rng.below(8) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            // Random bytes mostly make the file undecodable (a refusal, tested but cheap):
            // rarer than the other mutations.
            1 if rng.below(4) == 0 => {
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                b.splice(at..at, bytes);
            }
            2 if !b.is_empty() => {
                let end = (at + 1 + rng.below(200)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 if !b.is_empty() => {
                let start = rng.below(b.len());
                let end = (start + 1 + rng.below(300)).min(b.len());
                let piece = b[start..end].to_vec();
                for _ in 0..1 + rng.below(3) {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            4 => {
                let other = &others[rng.below(others.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(500)).min(other.len());
                    b.splice(at..at, other[start..end].iter().copied());
                }
            }
            5 => b.truncate(at),
            _ => {
                let f = FRAGMENTS[rng.below(FRAGMENTS.len())];
                b.splice(at..at, f.bytes());
            }
        }
    }
    b
}

/// Runs `f`, failing the case on a panic or when it takes longer than [`TIME_BOUND`].
fn stage<T>(name: &str, input: &[u8], case: usize, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = catch_unwind(AssertUnwindSafe(f));
    let took = started.elapsed();
    let problem = match &out {
        Err(_) => Some("panicked".to_string()),
        Ok(_) if took > TIME_BOUND => Some(format!("took {took:?}")),
        Ok(_) => None,
    };
    if let Some(problem) = problem {
        let path = save(input, case);
        panic!(
            "case {case}: {name} {problem}; input saved as {}",
            path.display()
        );
    }
    match out {
        Ok(v) => v,
        Err(_) => unreachable!("handled above"),
    }
}

/// Saves a failing input for reproduction.
fn save(input: &[u8], case: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("case-{case}.bin"));
    let _ = std::fs::write(&path, input);
    path
}

/// Every sentence of the document is in exactly one pair or in the unaligned list.
fn assert_nothing_lost(doc: &Document, aligned: &AlignedDocument, input: &[u8], case: usize) {
    let opts = AlignOptions::default();
    for lang in [Lang::En, Lang::Zh] {
        let Some(t) = (match lang {
            Lang::En => doc.en.as_ref(),
            Lang::Zh => doc.zh.as_ref(),
        }) else {
            continue;
        };
        let mut expected = all_sentences(t, &opts);
        let mut got: Vec<String> = aligned
            .sentences(lang)
            .into_iter()
            .map(str::to_string)
            .collect();
        expected.sort();
        got.sort();
        if got != expected {
            let path = save(input, case);
            panic!(
                "case {case}: {lang:?} sentences lost or duplicated; input saved as {}",
                path.display()
            );
        }
    }
    for p in &aligned.pairs {
        assert!(
            (0.0..=1.0).contains(&p.score),
            "case {case}: score {} out of range",
            p.score
        );
    }
}

/// Writes the XML formats to memory and validates them: zhen-tm's own output is valid.
fn assert_output_valid(aligned: &AlignedDocument, input: &[u8], case: usize) {
    let docs = [aligned.clone()];
    let opts = WriteOptions::default();
    for (format, xml) in [
        (Format::Tmx, XmlFormat::Tmx14),
        (Format::Xliff12, XmlFormat::Xliff12),
        (Format::Xliff21, XmlFormat::Xliff2),
    ] {
        if format == Format::Xliff21 && aligned.pairs.is_empty() {
            continue; // not written: XLIFF 2 needs a unit
        }
        let mut buf = Vec::new();
        let written = match format {
            Format::Tmx => write::write_tmx(&mut buf, &docs, &opts),
            Format::Xliff12 => write::write_xliff12(&mut buf, &docs, &opts),
            _ => write::write_xliff21(&mut buf, &docs, &opts),
        };
        assert!(written.is_ok(), "case {case}: writing {format} failed");
        let errors: Vec<String> = validate::validate(&buf, xml)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}:{} [{}] {}", d.line, d.column, d.rule, d.message))
            .collect();
        if !errors.is_empty() {
            let path = save(input, case);
            panic!(
                "case {case}: the {format} written is invalid ({}); input saved as {}",
                errors[0],
                path.display()
            );
        }
    }
}

/// How far a mutated transcript got.
enum Reached {
    /// Refused by the decoder (binary, undecodable, empty): a clear error, no panic.
    Refused,
    /// Decoded and parsed, but one language is missing: nothing to align.
    OneSide,
    /// Aligned, checked for loss, written and validated.
    Aligned,
}

/// The transcript stages on one input: decode, parse, segment, align, write.
fn transcript_stages(input: &[u8], case: usize) -> Reached {
    let path = Path::new("fuzz.txt");
    let Ok(text) = stage("decode", input, case, || {
        zhen_tm::decode::decode(input, path, None)
    }) else {
        return Reached::Refused;
    };
    for lang in [Lang::En, Lang::Zh] {
        let pieces = stage("segment", input, case, || {
            zhen_tm::segment::split(lang, &text)
        });
        assert!(
            pieces.iter().all(|p| !p.trim().is_empty()),
            "case {case}: an empty sentence"
        );
    }
    let doc = stage("parse", input, case, || {
        zhen_tm::parse::parse_document(&text, "fuzz", "fuzz.txt")
    });
    let Ok(aligned) = stage("align", input, case, || {
        align_document(&doc, &AlignOptions::default())
    }) else {
        return Reached::OneSide;
    };
    assert_nothing_lost(&doc, &aligned, input, case);
    stage("write", input, case, || {
        assert_output_valid(&aligned, input, case)
    });
    Reached::Aligned
}

/// The validator on one input: detection, then every format (a file is checked as what it
/// claims to be, and also as everything else, which is what `--as` allows); then the term
/// list reader.
fn validate_stages(input: &[u8], case: usize) {
    stage("detect", input, case, || detect::detect(input));
    for format in [
        XmlFormat::Tmx14,
        XmlFormat::Xliff12,
        XmlFormat::Xliff2,
        XmlFormat::Xliff22,
        XmlFormat::Tbx,
    ] {
        stage("validate", input, case, || {
            validate::validate(input, format)
        });
    }
    // The same bytes as a `terms --terms` list (TBX, or CSV when the markup is gone).
    if let Ok(text) = std::str::from_utf8(input) {
        // A refusal is fine (most mutations break the list); a panic or a hang is not.
        let _ = stage("term list", input, case, || {
            zhen_tm::terms::list::parse(text, "fuzz.tbx")
        });
    }
}

/// The seeds: every sample transcript, and the TMX/XLIFF/TBX zhen-tm writes from one.
fn seeds() -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut transcripts = Vec::new();
    // The bilingual samples: a mutated Chinese-only edition has nothing to align.
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&samples)
        .expect("samples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".bilingual."))
        .collect();
    entries.sort();
    for p in entries {
        transcripts.push(std::fs::read(&p).expect("sample"));
    }
    assert!(!transcripts.is_empty(), "no bilingual sample in samples/");
    let first = zhen_tm::decode::decode(&transcripts[0], Path::new("s"), None).expect("sample");
    let doc = zhen_tm::parse::parse_document(&first, "seed", "seed");
    let aligned = align_document(&doc, &AlignOptions::default()).expect("bilingual sample");
    let docs = [aligned];
    let opts = WriteOptions::default();
    let mut xml = Vec::new();
    for format in [Format::Tmx, Format::Xliff12, Format::Xliff21] {
        let mut buf = Vec::new();
        let ok = match format {
            Format::Tmx => write::write_tmx(&mut buf, &docs, &opts),
            Format::Xliff12 => write::write_xliff12(&mut buf, &docs, &opts),
            _ => write::write_xliff21(&mut buf, &docs, &opts),
        };
        assert!(ok.is_ok());
        xml.push(buf);
    }
    let tbx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary");
    if let Ok(rd) = std::fs::read_dir(tbx) {
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for p in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "tbx"))
        {
            xml.push(std::fs::read(p).expect("tbx fixture"));
        }
    }
    (transcripts, xml)
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

#[test]
fn mutated_inputs_never_panic_stay_bounded_and_lose_nothing() {
    let cases = env_number("ZHEN_TM_FUZZ_CASES", DEFAULT_CASES as u64) as usize;
    let seed = env_number("ZHEN_TM_FUZZ_SEED", 0x2026_1206);
    let mut rng = Rng(seed | 1);
    let (transcripts, xml) = seeds();
    let all: Vec<Vec<u8>> = transcripts.iter().chain(&xml).cloned().collect();
    let started = Instant::now();
    let (mut aligned, mut one_side, mut refused, mut validated) = (0usize, 0usize, 0usize, 0usize);
    for case in 0..cases {
        if case % 2 == 0 {
            let seed = &transcripts[rng.below(transcripts.len())];
            let mut input = mutate(&mut rng, seed, &all);
            // Most byte mutations leave invalid UTF-8, which the decoder refuses before the
            // parser sees it: repair two cases in three so that the later stages get work.
            if rng.below(3) != 0 {
                input = String::from_utf8_lossy(&input).into_owned().into_bytes();
            }
            match transcript_stages(&input, case) {
                Reached::Aligned => aligned += 1,
                Reached::OneSide => one_side += 1,
                Reached::Refused => refused += 1,
            }
        } else {
            let seed = &xml[rng.below(xml.len())];
            let input = mutate(&mut rng, seed, &all);
            validate_stages(&input, case);
            validated += 1;
        }
    }
    eprintln!(
        "fuzz: seed {seed:#x}, {cases} cases: {aligned} transcripts aligned, checked and \
         written, {one_side} with one language, {refused} refused by the decoder; \
         {validated} files validated in 5 formats; 0 panics, 0 timeouts, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        cases < 20 || aligned > cases / 10,
        "too few mutated transcripts still aligned ({aligned} of {cases}): the mutations \
         are too destructive to exercise the aligner"
    );
}
