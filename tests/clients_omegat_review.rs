//! What OmegaT (Debian package `omegat`, 3.6) makes of the memories a translator is told to
//! put in a project: dates on every entry, a review path for doubtful pairs, and exact
//! matches against other editions of the same text.
//!
//! Each test builds an OmegaT project (Chinese source, English target, OmegaT's own sentence
//! segmentation), with source files made of a sample's Chinese paragraphs (`zhen-tm inspect
//! --json`) and memories from `zhen-tm export`, then runs OmegaT headless in console mode
//! with a Groovy script (`--script`) that, once the project is loaded (`LOAD` event: `tm/auto/`
//! matches are already inserted), writes out what OmegaT itself holds:
//!
//! * per memory file (`Core.project.transMemories`): its folder, how many entries OmegaT read,
//!   and how many of them carry a creation date (`PrepareTMXEntry.creationDate > 0`);
//! * per source segment (`Core.project.allEntries`): the translation OmegaT filled in, and its
//!   best match as the Fuzzy Matches pane would show it (`FindMatches.search`, the score after
//!   OmegaT's folder penalty, the memory it came from, its translation).
//!
//! The command is `java -Djava.awt.headless=true -jar OmegaT.jar PROJECT
//! --mode=console-translate --config-dir=PRIVATE --script=dump.groovy --quiet`.
//! Without OmegaT or java the tests print `skipping: …` and pass; CI installs it (`.ci/run`).

#[path = "common/cli.rs"]
mod cli;
#[path = "common/clients.rs"]
mod clients;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use cli::*;

/// The Groovy script: one record a line, tab-separated, `\`, tab and line breaks escaped.
/// `VERSION v`, `TM folder/file entries dated`, `SEG source filled score from translation`
/// (score -1 when OmegaT found no match).
const DUMP_SCRIPT: &str = r#"
import org.omegat.core.Core
import org.omegat.core.statistics.FindMatches
import org.omegat.core.events.IStopped
import org.omegat.util.OConsts
if (eventType.toString() != "LOAD") return "skipped " + eventType
def esc = { s -> s == null ? "" : s.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") }
def project = Core.project
def out = new StringBuilder()
out << "VERSION\t" << esc(org.omegat.util.OStrings.VERSION) << "\n"
project.transMemories.each { name, tmx ->
  def f = new File(name)
  def entries = tmx.entries
  out << "TM\t" << esc(f.parentFile.name + "/" + f.name) << "\t" << entries.size() << "\t" << entries.count { it.creationDate > 0 } << "\n"
}
def matcher = new FindMatches(project.sourceTokenizer, OConsts.MAX_NEAR_STRINGS, true, false)
def stop = { -> false } as IStopped
project.allEntries.each { ste ->
  def info = project.getTranslationInfo(ste)
  def filled = info != null && info.isTranslated() ? info.translation : ""
  def near = matcher.search(project, ste.srcText, true, false, stop)
  def best = near.isEmpty() ? null : near[0]
  def from = best == null || best.projs == null ? "" : best.projs.join("|")
  out << "SEG\t" << esc(ste.srcText) << "\t" << esc(filled) << "\t" << (best == null ? -1 : best.scores[0].score) << "\t" << esc(from) << "\t" << esc(best?.translation) << "\n"
}
new File(System.getenv("ZHEN_TM_OMEGAT_DUMP")).withWriter("UTF-8") { it << out.toString() }
return "dumped"
"#;

/// One memory file as OmegaT read it.
#[derive(Debug)]
struct Memory {
    /// `folder/file`, e.g. `penalty-30/x.review.tmx`.
    name: String,
    entries: usize,
    dated: usize,
}

/// One source segment as OmegaT holds it.
#[derive(Debug)]
struct Segment {
    source: String,
    /// The translation OmegaT inserted ("" when none).
    filled: String,
    /// Best match: score (after the folder penalty; -1 when none), memory, translation.
    score: i32,
    from: String,
    translation: String,
}

#[derive(Debug)]
struct Run {
    version: String,
    memories: Vec<Memory>,
    segments: Vec<Segment>,
}

/// A sample's Chinese paragraphs, one per line, separated by blank lines: the document a
/// translator would open in OmegaT.
fn chinese_text(sample: &Path) -> String {
    let o = zhen_tm()
        .arg("inspect")
        .arg("--json")
        .arg(sample)
        .output()
        .unwrap();
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut paragraphs = Vec::new();
    for u in v["zh"]["units"].as_array().expect("zh units") {
        for p in u["paragraphs"].as_array().expect("paragraphs") {
            paragraphs.push(p["text"].as_str().expect("text").to_string());
        }
    }
    assert!(!paragraphs.is_empty(), "{}: no Chinese", sample.display());
    paragraphs.join("\n\n") + "\n"
}

/// Builds a project in `root/project` with `sources` (samples whose Chinese becomes
/// `source/STEM.txt`) and `memories` (`(folder under tm/, file)`), runs OmegaT with the dump
/// script and returns what it read; `None` (after printing why) when OmegaT is absent.
fn run_omegat(root: &Path, sources: &[PathBuf], memories: &[(&str, PathBuf)]) -> Option<Run> {
    let (Some(jar), Some(java)) = (clients::omegat_jar(), clients::on_path("java")) else {
        println!("{}", clients::OMEGAT_SKIP);
        return None;
    };
    let project = root.join("project");
    for sub in ["source", "tm", "target", "glossary", "dictionary", "omegat"] {
        std::fs::create_dir_all(project.join(sub)).unwrap();
    }
    std::fs::write(
        project.join("omegat.project"),
        clients::omegat_project_file("zh-CN", "en-US", true),
    )
    .unwrap();
    for s in sources {
        std::fs::write(
            project.join("source").join(format!("{}.txt", stem(s))),
            chinese_text(s),
        )
        .unwrap();
    }
    for (folder, file) in memories {
        let dir = project.join("tm").join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(file, dir.join(file.file_name().unwrap())).unwrap();
    }
    let script = root.join("dump.groovy");
    std::fs::write(&script, DUMP_SCRIPT).unwrap();
    let config = root.join("config");
    std::fs::create_dir_all(&config).unwrap();
    let dump = root.join("dump.tsv");
    let cmd = clients::omegat_script_command(&java, &jar, &project, &config, &script, &dump, root);
    let out = clients::run_with_timeout(cmd, clients::OMEGAT_TIME_LIMIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&dump).unwrap_or_else(|e| {
        panic!(
            "OmegaT wrote no dump ({e}); exit {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut run = Run {
        version: String::new(),
        memories: vec![],
        segments: vec![],
    };
    for line in text.lines() {
        let f: Vec<String> = line.split('\t').map(clients::unescape).collect();
        match f.first().map(String::as_str) {
            Some("VERSION") => run.version = f[1].clone(),
            Some("TM") if f.len() == 4 => run.memories.push(Memory {
                name: f[1].clone(),
                entries: f[2].parse().unwrap(),
                dated: f[3].parse().unwrap(),
            }),
            Some("SEG") if f.len() == 6 => run.segments.push(Segment {
                source: f[1].clone(),
                filled: f[2].clone(),
                score: f[3].parse().unwrap(),
                from: f[4].clone(),
                translation: f[5].clone(),
            }),
            _ => panic!("unexpected dump line {line:?}"),
        }
    }
    assert!(!run.segments.is_empty(), "OmegaT made no segments: {run:?}");
    Some(run)
}

fn bilingual_samples() -> Vec<PathBuf> {
    ["000", "001", "002"].iter().map(|p| sample(p)).collect()
}

/// `--review-tmx`: the confident pairs go to `tm/auto/`, the doubtful ones to
/// `tm/penalty-30/`. OmegaT reads a creation date on every entry of both, inserts no
/// doubtful pair, and offers each one at 70% from the penalty folder; confident pairs are
/// inserted as exact matches.
#[test]
fn omegat_dates_every_entry_and_offers_review_pairs_at_70_percent() {
    let root = scratch_in("clients_omegat_review", "review");
    let samples = bilingual_samples();
    let mut args: Vec<&std::ffi::OsStr> = samples.iter().map(|s| s.as_os_str()).collect();
    // A high threshold, so that the samples (which align well) have pairs to review; the
    // source documents are the text as written, so the memory keeps it too.
    args.extend(
        [
            "--format",
            "tmx",
            "--review-tmx",
            "--review-below",
            "0.8",
            "--as-written",
        ]
        .map(std::ffi::OsStr::new),
    );
    let export = export_in("clients_omegat_review", "review-export", &args);
    let mut memories = Vec::new();
    let mut ours: HashMap<String, usize> = HashMap::new();
    let (mut confident, mut review): (Pairs, Pairs) = (vec![], vec![]);
    for s in &samples {
        let main = export.join(format!("{}.tmx", stem(s)));
        let doubtful = export.join(format!("{}.review.tmx", stem(s)));
        for (folder, file, into) in [
            ("auto", &main, &mut confident),
            ("penalty-30", &doubtful, &mut review),
        ] {
            let pairs = read_tmx(file).pairs("zh-CN", "en-US");
            ours.insert(
                format!("{folder}/{}", file.file_name().unwrap().to_string_lossy()),
                pairs.len(),
            );
            into.extend(pairs);
            memories.push((folder, file.clone()));
        }
    }
    assert!(review.len() >= 5, "too few pairs to review: {review:?}");
    let Some(run) = run_omegat(&root, &samples, &memories) else {
        return;
    };

    // Dates: every entry of every memory.
    assert_eq!(run.memories.len(), ours.len(), "{:?}", run.memories);
    for m in &run.memories {
        assert_eq!(Some(&m.entries), ours.get(&m.name), "{m:?}");
        assert_eq!(m.dated, m.entries, "OmegaT read undated entries: {m:?}");
    }
    let entries: usize = run.memories.iter().map(|m| m.entries).sum();

    // Review pairs: never inserted, offered at 70% with our translation.
    let confident_sources: HashSet<&str> = confident.iter().map(|(z, _)| z.as_str()).collect();
    let review_targets: HashMap<&str, HashSet<&str>> =
        review.iter().fold(HashMap::new(), |mut m, (z, e)| {
            m.entry(z.as_str()).or_default().insert(e.as_str());
            m
        });
    let mut offered = 0;
    for seg in &run.segments {
        let Some(targets) = review_targets.get(seg.source.as_str()) else {
            continue;
        };
        if confident_sources.contains(seg.source.as_str()) {
            continue;
        }
        assert!(
            !targets.contains(seg.filled.as_str()),
            "OmegaT inserted a pair that needs review: {seg:?}"
        );
        assert_eq!(seg.filled, "", "{seg:?}");
        assert_eq!(seg.score, 70, "{seg:?}");
        assert!(seg.from.contains("penalty-30"), "{seg:?}");
        assert!(targets.contains(seg.translation.as_str()), "{seg:?}");
        offered += 1;
    }
    // Confident pairs: inserted as exact matches.
    let inserted = run
        .segments
        .iter()
        .filter(|s| confident_sources.contains(s.source.as_str()) && !s.filled.is_empty())
        .count();
    println!(
        "OmegaT {}: {entries} entries in {} memories, all dated; {offered} segments whose only pair needs review offered at 70% and not inserted; {inserted} segments filled from tm/auto",
        run.version,
        run.memories.len()
    );
    assert!(
        offered >= 5,
        "too few review pairs reached OmegaT's segments"
    );
    assert!(inserted > 100, "{inserted} exact matches inserted");
}

/// The Chinese-only editions (samples 003 and 004) hold other renderings of two of the
/// bilingual press conferences. A memory normalised by default (full-width punctuation, no
/// stray spaces) gives OmegaT more exact matches in them than the memory as written.
#[test]
fn normalised_memory_matches_other_editions_exactly_more_often() {
    let samples = bilingual_samples();
    let editions = [sample("003"), sample("004")];
    let mut filled = Vec::new();
    for (name, extra) in [("as-written", Some("--as-written")), ("normalised", None)] {
        let mut args: Vec<&std::ffi::OsStr> = samples.iter().map(|s| s.as_os_str()).collect();
        args.extend(["--format", "tmx"].map(std::ffi::OsStr::new));
        args.extend(extra.map(std::ffi::OsStr::new));
        let export = export_in("clients_omegat_review", &format!("{name}-export"), &args);
        let ours: Pairs = samples
            .iter()
            .flat_map(|s| {
                read_tmx(&export.join(format!("{}.tmx", stem(s)))).pairs("zh-CN", "en-US")
            })
            .collect();
        let memories: Vec<(&str, PathBuf)> = samples
            .iter()
            .map(|s| ("auto", export.join(format!("{}.tmx", stem(s)))))
            .collect();
        let root = scratch_in("clients_omegat_review", name);
        let Some(run) = run_omegat(&root, &editions, &memories) else {
            return;
        };
        let ours: HashSet<(&str, &str)> =
            ours.iter().map(|(z, e)| (z.as_str(), e.as_str())).collect();
        let hits: Vec<&Segment> = run
            .segments
            .iter()
            .filter(|s| !s.filled.is_empty())
            .collect();
        for s in &hits {
            assert!(
                ours.contains(&(s.source.as_str(), s.filled.as_str())),
                "OmegaT filled {s:?} with a pair that is not ours"
            );
        }
        println!(
            "{name} memory: OmegaT filled {} of {} segments of the Chinese-only editions",
            hits.len(),
            run.segments.len()
        );
        filled.push(hits.len());
    }
    assert!(
        filled[1] > filled[0],
        "normalising did not add exact matches: as written {}, normalised {}",
        filled[0],
        filled[1]
    );
}
