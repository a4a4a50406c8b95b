//! OmegaT (Debian package `omegat`), a CAT tool nobody on this project wrote, uses the TMX
//! that `zhen-tm export` writes as a translation memory.
//!
//! For each direction the test builds one OmegaT project holding the three bilingual samples:
//!
//! ```text
//! project/omegat.project    written by hand (below): languages, tokenizers, sentence_seg=true
//! project/source/STEM.txt   the sample's source-language paragraphs (`zhen-tm inspect --json`),
//!                           one per line, separated by blank lines
//! project/tm/auto/STEM.tmx  `zhen-tm export SAMPLES --format tmx --as-written --source LANG`
//!                           (`--as-written`: the source documents are the text as published,
//!                           half-width punctuation included; `clients_omegat_review.rs`
//!                           measures the default, normalised memory against other editions)
//! project/{target,glossary,dictionary,omegat}/   empty; OmegaT 3.6 refuses a project without them
//! ```
//!
//! and runs OmegaT twice, headless, with a throw-away configuration folder:
//!
//! ```text
//! java -Djava.awt.headless=true -jar /usr/share/omegat/OmegaT.jar PROJECT \
//!      --mode=console-translate --config-dir=CFG
//! java -Djava.awt.headless=true -jar /usr/share/omegat/OmegaT.jar PROJECT \
//!      --mode=console-createpseudotranslatetmx --pseudotranslatetmx=SEGMENTS.tmx \
//!      --pseudotranslatetype=equal --config-dir=CFG
//! ```
//!
//! `console-translate` loads `tm/auto/*.tmx` and fills every segment whose source text equals a
//! TMX source exactly (OmegaT's "tm/auto" rule: 100% matches are inserted without asking), then
//! writes `target/STEM.txt` and the project memory `project-omegat.tmx` (segment → translation)
//! and `omegat/project_stats.txt`. The second run writes every segment OmegaT made, each
//! "translated" as itself: that is OmegaT's own sentence segmentation, which tells a pair that
//! was not filled because OmegaT cut the text elsewhere from one that was not filled because
//! OmegaT could not read or match our TMX.
//!
//! Notes from getting it to run (OmegaT 3.6.0 in Debian 12):
//! - `omegat --help` names the pseudo-TMX mode `console-pseudotranslatetmx`; the mode it
//!   accepts is `console-createpseudotranslatetmx`. An unknown mode starts the GUI, which with
//!   `-Djava.awt.headless=true` dies at once instead of waiting for a display.
//! - OmegaT exits 0 even when it cannot load the project, so the test checks its outputs and
//!   the `Finished` line of its log instead of the exit status.
//! - The Debian launcher `/usr/bin/omegat` runs the same jar but passes its arguments unquoted
//!   and cannot add the headless flag; the test runs `java -jar` itself.
//!
//! Comparison: exact strings, no normalization. OmegaT trims the whitespace around each
//! segment and keeps everything else: full-width punctuation (，。！？“”), the ASCII space in
//! `王毅 回答` and straight quotes all come back unchanged, so our sentences (which never start
//! or end with whitespace) are compared as they are. A translated document joins the
//! segments by the target language's habit (a space after an English sentence, none after a
//! Chinese one), so it is checked for each translation as a substring; the exact
//! segment-to-translation check is on the project memory.
//!
//! With English source, `--source en` writes clause pairs (a Chinese sentence cut at its
//! clause punctuation where it renders several English sentences); the last test compares
//! the exact matches with `--no-split-clauses`.
//!
//! Without OmegaT (the jar, or `java`) the tests print `skipping: …` and pass; CI installs it
//! (`.ci/run`). Set `OMEGAT_JAR` to use another OmegaT.jar.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/clients.rs"]
mod clients;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli::*;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Time box for one OmegaT run (each takes about 5 s here).
const TIMEOUT: Duration = Duration::from_secs(300);

const DEFAULT_JAR: &str = "/usr/share/omegat/OmegaT.jar";

/// The OmegaT jar and a Java that runs it, or why not.
fn omegat_jar() -> Result<PathBuf, String> {
    let jar = std::env::var_os("OMEGAT_JAR")
        .filter(|j| !j.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_JAR));
    if !jar.is_file() {
        return Err(format!(
            "OmegaT not installed ({} not found; apt-get install omegat)",
            jar.display()
        ));
    }
    match Command::new("java")
        .arg("-version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(o) if o.status.success() => Ok(jar),
        Ok(o) => Err(format!("java -version failed: {:?}", o.status)),
        Err(e) => Err(format!("java not found: {e}")),
    }
}

/// Runs OmegaT on `project` with `args`, time-boxed, its output in `log`; returns the log.
fn run_omegat(jar: &Path, project: &Path, args: &[String], log: &Path) -> String {
    let cfg = project.with_file_name("omegat-config");
    std::fs::create_dir_all(&cfg).unwrap();
    let out = std::fs::File::create(log).unwrap();
    let mut child = Command::new("java")
        .arg("-Djava.awt.headless=true")
        .arg("-jar")
        .arg(jar)
        .arg(project)
        .args(args)
        .arg(format!("--config-dir={}", cfg.display()))
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .expect("start java");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "OmegaT {args:?} did not finish in {TIMEOUT:?}; log:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let text = std::fs::read_to_string(log).unwrap();
    // OmegaT exits 0 even when it could not load the project: its last line tells.
    assert!(
        status.success() && text.lines().any(|l| l.trim() == "Finished"),
        "OmegaT {args:?} failed ({status:?}); log:\n{}",
        text.lines()
            .filter(|l| !l.contains("PLUGIN_LOAD_OK"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    text
}

/// One `<tu>`: its `x-bead` prop (ours only) and its segments by language. Reads both our
/// TMX 1.4b (`xml:lang`) and OmegaT's TMX 1.1 (`lang`).
#[derive(Debug)]
struct Unit {
    bead: Option<String>,
    segs: HashMap<String, String>,
}

fn read_units(path: &Path) -> Vec<Unit> {
    let xml = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (OmegaT wrote no such file)", path.display()));
    let mut r = Reader::from_str(&xml);
    let mut units: Vec<Unit> = Vec::new();
    let mut lang = String::new();
    let mut in_bead = false;
    let mut text: Option<String> = None;
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                b"tu" => units.push(Unit {
                    bead: None,
                    segs: HashMap::new(),
                }),
                b"tuv" => {
                    lang = e
                        .attributes()
                        .map(|a| a.unwrap())
                        .find(|a| matches!(a.key.as_ref(), b"xml:lang" | b"lang"))
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .expect("tuv without a language");
                }
                b"seg" => text = Some(String::new()),
                b"prop" => {
                    in_bead = e
                        .try_get_attribute("type")
                        .unwrap()
                        .is_some_and(|a| a.value.as_ref() == b"x-bead")
                }
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == b"seg" => {
                units
                    .last_mut()
                    .unwrap()
                    .segs
                    .insert(lang.clone(), String::new());
            }
            Event::Text(t) => {
                let t = t.unescape().unwrap();
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                } else if in_bead {
                    units.last_mut().unwrap().bead = Some(t.into_owned());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"seg" => {
                    let s = text.take().unwrap();
                    units.last_mut().unwrap().segs.insert(lang.clone(), s);
                }
                b"prop" => in_bead = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    units
}

/// The source-language paragraphs of a sample, from `zhen-tm inspect --json`.
fn paragraphs(sample: &Path, lang: &str) -> Vec<String> {
    let o = zhen_tm()
        .arg("inspect")
        .arg("--json")
        .arg(sample)
        .output()
        .unwrap();
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut out = Vec::new();
    for u in v[lang]["units"].as_array().expect("units") {
        for p in u["paragraphs"].as_array().expect("paragraphs") {
            out.push(p["text"].as_str().expect("text").to_string());
        }
    }
    assert!(
        !out.is_empty(),
        "{}: no {lang} paragraphs",
        sample.display()
    );
    out
}

/// One direction: source language as `inspect`/`--source` name it and as tags.
struct Direction {
    source: &'static str,
    src_tag: &'static str,
    tgt_tag: &'static str,
}

const ZH_EN: Direction = Direction {
    source: "zh",
    src_tag: "zh-CN",
    tgt_tag: "en-US",
};

const EN_ZH: Direction = Direction {
    source: "en",
    src_tag: "en-US",
    tgt_tag: "zh-CN",
};

impl Direction {
    /// Number of source-language sentences in a bead `EN-ZH` (English first).
    fn source_sentences(&self, bead: &str) -> usize {
        let (en, zh) = bead.split_once('-').expect("bead N-M");
        let n = if self.source == "en" { en } else { zh };
        n.parse().expect("bead count")
    }

    fn project_file(&self) -> String {
        clients::omegat_project_file(self.src_tag, self.tgt_tag, true)
    }

    /// An empty OmegaT project in this direction under `root`: its folders and its
    /// `omegat.project`. Returns the project folder.
    fn new_project(&self, root: &Path) -> PathBuf {
        let project = root.join("project");
        for sub in [
            "source",
            "tm/auto",
            "target",
            "glossary",
            "dictionary",
            "omegat",
        ] {
            std::fs::create_dir_all(project.join(sub)).unwrap();
        }
        std::fs::write(project.join("omegat.project"), self.project_file()).unwrap();
        project
    }
}

/// Segment counts from OmegaT's `project_stats.txt` (first column of the `Unique:` and
/// `Unique Remaining:` rows).
fn stats_unique(stats: &str) -> (usize, usize) {
    let row = |name: &str| -> usize {
        stats
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {name} row in project_stats.txt:\n{stats}"))
    };
    (row("Unique:"), row("Unique Remaining:"))
}

/// What one direction's run found.
#[derive(Debug, Default)]
struct Outcome {
    /// OmegaT's segments (unique source texts) and how many of them it filled from our TMX.
    segments: usize,
    filled: usize,
    /// Our pairs with one source-language sentence: all, and filled with our target.
    single: usize,
    single_filled: usize,
    /// Single-sentence pairs whose sentence OmegaT did not make a segment of (it cut the
    /// text elsewhere): (document, our sentence).
    split_elsewhere: Vec<(String, String)>,
    /// Pairs with several source-language sentences, and how many of them still matched
    /// (OmegaT did not split between those sentences either).
    multi: usize,
    multi_filled: usize,
}

/// The OmegaT jar, a fresh scratch folder `name` and an empty project for direction `d`
/// in it; `None`, with a message, when OmegaT is not installed.
fn prepare(name: &str, d: &Direction) -> Option<(PathBuf, PathBuf, PathBuf)> {
    let jar = match omegat_jar() {
        Ok(j) => j,
        Err(m) => {
            println!("skipping: {m}");
            return None;
        }
    };
    let root = scratch_in("clients_omegat", name);
    let project = d.new_project(&root);
    Some((jar, root, project))
}

/// Runs one direction: exports the samples with `--source` and `extra` options, builds the
/// project, runs OmegaT and checks every translation it filled in against our pairs.
fn run_direction(name: &str, d: &Direction, extra: &[&str]) -> Option<Outcome> {
    let (jar, root, project) = prepare(name, d)?;

    let samples: Vec<PathBuf> = ["000", "001", "002"].iter().map(|p| sample(p)).collect();
    let export = root.join("export");
    let o = zhen_tm()
        .arg("export")
        .args(&samples)
        .args([
            "--format",
            "tmx",
            "--as-written",
            "--source",
            d.source,
            "-o",
        ])
        .arg(&export)
        .args(extra)
        .output()
        .unwrap();
    assert_ok(&o);

    // Our pairs per document, and every target we give each source text (a source sentence
    // that occurs twice may have two renderings; OmegaT keeps one).
    let mut ours: Vec<(String, String, String, String)> = Vec::new(); // (stem, bead, src, tgt)
    let mut our_targets: HashMap<String, HashSet<String>> = HashMap::new();
    for s in &samples {
        let stem = stem(s);
        let text = paragraphs(s, d.source).join("\n\n") + "\n";
        std::fs::write(project.join("source").join(format!("{stem}.txt")), text).unwrap();
        let tmx = export.join(format!("{stem}.tmx"));
        std::fs::copy(&tmx, project.join("tm/auto").join(format!("{stem}.tmx"))).unwrap();
        for u in read_units(&tmx) {
            let src = u.segs[d.src_tag].clone();
            let tgt = u.segs[d.tgt_tag].clone();
            our_targets
                .entry(src.clone())
                .or_default()
                .insert(tgt.clone());
            ours.push((stem.clone(), u.bead.expect("x-bead"), src, tgt));
        }
    }

    run_omegat(
        &jar,
        &project,
        &["--mode=console-translate".to_string()],
        &root.join("translate.log"),
    );
    let seg_tmx = root.join("segments.tmx");
    run_omegat(
        &jar,
        &project,
        &[
            "--mode=console-createpseudotranslatetmx".to_string(),
            format!("--pseudotranslatetmx={}", seg_tmx.display()),
            "--pseudotranslatetype=equal".to_string(),
        ],
        &root.join("segments.log"),
    );

    // OmegaT's segmentation, and its translations (the project memory it exported).
    let segments: HashSet<String> = read_units(&seg_tmx)
        .into_iter()
        .map(|u| u.segs[d.src_tag].clone())
        .collect();
    let translations: HashMap<String, String> = read_units(&project.join("project-omegat.tmx"))
        .into_iter()
        .filter_map(|u| {
            Some((
                u.segs.get(d.src_tag)?.clone(),
                u.segs.get(d.tgt_tag)?.clone(),
            ))
        })
        .collect();
    let targets: HashMap<String, String> = samples
        .iter()
        .map(|s| {
            let stem = stem(s);
            let t = project.join("target").join(format!("{stem}.txt"));
            let text =
                std::fs::read_to_string(&t).unwrap_or_else(|e| panic!("{}: {e}", t.display()));
            (stem, text)
        })
        .collect();

    // Every translation OmegaT filled in came from our TMX, for a segment OmegaT made.
    for (src, tgt) in &translations {
        assert!(segments.contains(src), "translated non-segment {src:?}");
        assert!(
            our_targets.get(src).is_some_and(|t| t.contains(tgt)),
            "OmegaT filled {src:?} with {tgt:?}, which is not our pair for it: {:?}",
            our_targets.get(src)
        );
    }
    let mut out = Outcome {
        segments: segments.len(),
        filled: segments
            .iter()
            .filter(|s| translations.contains_key(*s))
            .count(),
        ..Outcome::default()
    };
    let stats = std::fs::read_to_string(project.join("omegat/project_stats.txt")).unwrap();
    let (unique, remaining) = stats_unique(&stats);
    assert_eq!(
        (unique, unique - remaining),
        (out.segments, out.filled),
        "OmegaT's statistics disagree with its segments and memory"
    );

    for (stem, bead, src, tgt) in &ours {
        let filled = translations
            .get(src)
            .filter(|t| our_targets[src].contains(*t));
        if d.source_sentences(bead) > 1 {
            out.multi += 1;
            out.multi_filled += usize::from(filled.is_some());
            continue;
        }
        out.single += 1;
        if !segments.contains(src) {
            out.split_elsewhere.push((stem.clone(), src.clone()));
            continue;
        }
        // A segment OmegaT made from our sentence: it must carry our translation, in the
        // translation memory and in the translated document.
        let t = filled.unwrap_or_else(|| {
            panic!(
                "{stem}: OmegaT segment {src:?} not filled with our {tgt:?} (got {:?})",
                translations.get(src)
            )
        });
        assert!(
            targets[stem].contains(t.as_str()),
            "{stem}: translated document lacks {t:?}"
        );
        out.single_filled += 1;
    }
    // Show what OmegaT made of each sentence it cut differently.
    for (stem, s) in &out.split_elsewhere {
        let head: String = s.chars().take(24).collect();
        let theirs: Vec<&String> = segments
            .iter()
            .filter(|g| g.contains(&head) || s.contains(g.as_str()))
            .collect();
        println!("{name}: {stem}: OmegaT segments {s:?} differently: {theirs:?}");
    }
    println!(
        "{name}: OmegaT filled {}/{} of its segments ({:.1}%); single-sentence pairs filled {}/{} ({} cut elsewhere by OmegaT); multi-sentence pairs {} ({} matched anyway)",
        out.filled,
        out.segments,
        100.0 * out.filled as f64 / out.segments as f64,
        out.single_filled,
        out.single,
        out.split_elsewhere.len(),
        out.multi,
        out.multi_filled
    );
    Some(out)
}

/// Chinese source: every Chinese sentence we paired alone (beads 1-1, 2-1, 3-1, …) is one of
/// OmegaT's segments and gets exactly our English.
#[test]
fn omegat_fills_chinese_segments_from_our_tmx() {
    let Some(o) = run_direction("zh-en", &ZH_EN, &[]) else {
        return;
    };
    assert!(o.single > 100, "{o:?}");
    assert!(
        o.split_elsewhere.is_empty(),
        "OmegaT segments these Chinese sentences differently: {:?}",
        o.split_elsewhere
    );
    assert_eq!(o.single_filled, o.single, "{o:?}");
}

/// English source: OmegaT cuts English at its own sentence boundaries, so a pair with several
/// English sentences (2-1, 3-1, …) that clause splitting kept whole has no segment to match. Every 1-1 and 1-2 pair whose
/// English OmegaT also made one segment gets exactly our Chinese; the few that OmegaT cut
/// elsewhere (its rules split after `U.S.` and do not split after `."`) are listed.
#[test]
fn omegat_fills_english_segments_from_our_tmx() {
    let Some(o) = run_direction("en-zh", &EN_ZH, &[]) else {
        return;
    };
    assert!(o.single > 100 && o.multi > 0, "{o:?}");
    assert_eq!(o.single_filled + o.split_elsewhere.len(), o.single, "{o:?}");
    // OmegaT's segmentation differs from ours on a few sentences only.
    assert!(
        o.split_elsewhere.len() * 20 <= o.single,
        "OmegaT segments over 5% of our single English sentences differently: {:?}",
        o.split_elsewhere
    );
}

/// English source with clause pairs (issue 9 point 6): `--source en` splits a Chinese
/// sentence that renders several English sentences into clause pairs, so that OmegaT, which
/// segments the English into sentences, finds exact matches for those sentences too. The
/// same project with `--no-split-clauses` (sentence pairs only) is the baseline; every
/// match OmegaT inserts is still exactly one of our pairs (checked in `run_direction`).
#[test]
fn omegat_matches_more_english_segments_with_clause_pairs() {
    let Some(whole) = run_direction("en-zh-whole", &EN_ZH, &["--no-split-clauses"]) else {
        return;
    };
    let Some(split) = run_direction("en-zh-clauses", &EN_ZH, &[]) else {
        return;
    };
    println!(
        "en-zh exact matches: {}/{} with sentence pairs only, {}/{} with clause pairs",
        whole.filled, whole.segments, split.filled, split.segments
    );
    // The same English document, so the same segments.
    assert_eq!(whole.segments, split.segments);
    assert!(whole.multi > split.multi, "{whole:?}\n{split:?}");
    // Each English sentence of a split pair is a segment of its own that now matches.
    let gained = split.filled - whole.filled;
    assert!(
        gained * 4 >= whole.multi * 3,
        "{gained} more exact matches from {} pairs with several English sentences",
        whole.multi
    );
}

/// English source against the other editions: the documents are the English of samples 000
/// and 002, the memories come from their Chinese-only editions (003 aligned to 000's
/// English, 004 to 002's). Returns OmegaT's (segments, exactly matched) with `extra` export
/// options.
fn other_editions_en_zh(name: &str, extra: &[&str]) -> Option<(usize, usize)> {
    let (jar, root, project) = prepare(name, &EN_ZH)?;
    for (en, zh) in [("000", "003"), ("002", "004")] {
        let (en, zh) = (sample(en), sample(zh));
        let text = paragraphs(&en, "en").join("\n\n") + "\n";
        std::fs::write(
            project.join("source").join(format!("{}.txt", stem(&en))),
            text,
        )
        .unwrap();
        let o = zhen_tm()
            .arg("export")
            .arg("--en")
            .arg(&en)
            .arg("--zh")
            .arg(&zh)
            .args(["--format", "tmx", "--source", "en", "-o"])
            .arg(project.join("tm/auto"))
            .args(extra)
            .output()
            .unwrap();
        assert_ok(&o);
    }
    run_omegat(
        &jar,
        &project,
        &["--mode=console-translate".to_string()],
        &root.join("translate.log"),
    );
    let stats = std::fs::read_to_string(project.join("omegat/project_stats.txt")).unwrap();
    let (unique, remaining) = stats_unique(&stats);
    Some((unique, unique - remaining))
}

/// The measurement of issue 9 point 6 against other editions: clause pairs from the
/// Chinese-only editions give OmegaT more exact matches in the English documents than
/// their sentence pairs alone.
#[test]
fn clause_pairs_from_other_editions_match_more_english_segments() {
    let Some((segments, whole)) =
        other_editions_en_zh("other-en-zh-whole", &["--no-split-clauses"])
    else {
        return;
    };
    let Some((same, split)) = other_editions_en_zh("other-en-zh-clauses", &[]) else {
        return;
    };
    println!(
        "en-zh against the other editions: {whole}/{segments} exact matches with sentence \
         pairs only, {split}/{segments} with clause pairs"
    );
    assert_eq!(segments, same);
    assert!(split > whole + whole / 4, "{whole} → {split} of {segments}");
}
