//! Helpers for the command-line integration tests: run the `zhen-tm` binary, read every
//! output format back into (zh, en) pairs, and small bilingual fixtures.
//! Include it with `#[path = "common/cli.rs"] mod cli;`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The repository's `samples/` folder.
pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A path inside the shared reference material beside the checkout (`../shared`, or
/// `$ZHEN_TM_SHARED`), if it exists. The material is not part of this repository: tests
/// that use it skip with a message when this is `None`, so that a fresh clone elsewhere
/// still passes.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let base = match std::env::var_os("ZHEN_TM_SHARED") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    let path = base.join(rel);
    path.exists().then_some(path)
}

/// One sample by its number prefix (`"000"` … `"004"`).
pub fn sample(prefix: &str) -> PathBuf {
    let dir = samples_dir();
    let mut hits: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{prefix}-"))
        })
        .collect();
    assert_eq!(hits.len(), 1, "sample {prefix}: {hits:?}");
    hits.pop().unwrap()
}

/// The file stem `export` names a sample's outputs after.
pub fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// A `zhen-tm` command with a reproducible environment: `SOURCE_DATE_EPOCH` removed (tests
/// that want it set it again) and no backtraces in panic messages.
pub fn zhen_tm() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhen-tm"));
    c.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    c
}

/// Runs `zhen-tm ARGS` and returns its output.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    zhen_tm().args(args).output().expect("run zhen-tm")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Asserts a zero exit status, showing stderr otherwise, and that nothing panicked.
pub fn assert_ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// (zh, en) pairs, in file order.
pub type Pairs = Vec<(String, String)>;

fn attr(e: &BytesStart, k: &[u8]) -> Option<String> {
    e.try_get_attribute(k)
        .unwrap()
        .map(|a| a.unescape_value().unwrap().into_owned())
}

/// One TMX translation unit: its tuid and its (xml:lang, seg text) variants in order.
#[derive(Debug, Clone)]
pub struct Tu {
    pub tuid: String,
    pub segs: Vec<(String, String)>,
}

/// A TMX file: the `<header>` attributes and the units.
#[derive(Debug, Clone)]
pub struct Tmx {
    pub header: Vec<(String, String)>,
    pub tus: Vec<Tu>,
}

impl Tmx {
    /// A header attribute.
    pub fn header_attr(&self, k: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    /// (zh, en) pairs picked by language tag.
    pub fn pairs(&self, zh_code: &str, en_code: &str) -> Pairs {
        self.tus
            .iter()
            .map(|tu| {
                let get = |code: &str| {
                    let hits: Vec<&String> = tu
                        .segs
                        .iter()
                        .filter(|(l, _)| l == code)
                        .map(|(_, t)| t)
                        .collect();
                    assert_eq!(hits.len(), 1, "tu {}: {:?} for {code}", tu.tuid, tu.segs);
                    hits[0].clone()
                };
                (get(zh_code), get(en_code))
            })
            .collect()
    }
}

/// Reads a TMX file with quick-xml.
pub fn read_tmx(path: &Path) -> Tmx {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = Reader::from_str(&xml);
    let mut header = Vec::new();
    let mut tus: Vec<Tu> = Vec::new();
    let mut lang: Option<String> = None;
    let mut in_seg = false;
    let mut text = String::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"header" => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    header.push((
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        a.unescape_value().unwrap().into_owned(),
                    ));
                }
            }
            Event::Start(e) => match e.name().as_ref() {
                b"tu" => tus.push(Tu {
                    tuid: attr(&e, b"tuid").unwrap_or_default(),
                    segs: Vec::new(),
                }),
                b"tuv" => lang = attr(&e, b"xml:lang"),
                b"seg" => {
                    in_seg = true;
                    text.clear();
                }
                _ => {}
            },
            Event::Text(t) if in_seg => text.push_str(&t.unescape().unwrap()),
            Event::End(e) if e.name().as_ref() == b"seg" => {
                in_seg = false;
                let l = lang.clone().expect("tuv without xml:lang");
                tus.last_mut().unwrap().segs.push((l, text.clone()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Tmx { header, tus }
}

/// Reads (source, target) texts of every `unit_tag` element of an XLIFF file: its
/// `<source>` and `<target>` children (for XLIFF 2.1, those of its segments, joined).
fn read_xliff(path: &Path, unit_tag: &[u8]) -> Vec<(String, String)> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = Reader::from_str(&xml);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut field: Option<bool> = None; // Some(true) in source, Some(false) in target
    let mut text = String::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                n if n == unit_tag => out.push((String::new(), String::new())),
                b"source" => {
                    field = Some(true);
                    text.clear();
                }
                b"target" => {
                    field = Some(false);
                    text.clear();
                }
                _ => {}
            },
            Event::Text(t) if field.is_some() => text.push_str(&t.unescape().unwrap()),
            Event::End(e) if matches!(e.name().as_ref(), b"source" | b"target") => {
                let u = out.last_mut().expect("source outside a unit");
                if field == Some(true) {
                    u.0.push_str(&text);
                } else {
                    u.1.push_str(&text);
                }
                field = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// (source, target) of every `<trans-unit>` of an XLIFF 1.2 file.
pub fn read_xliff12(path: &Path) -> Vec<(String, String)> {
    read_xliff(path, b"trans-unit")
}

/// (source, target) of every `<unit>` of an XLIFF 2.1 file.
pub fn read_xliff21(path: &Path) -> Vec<(String, String)> {
    read_xliff(path, b"unit")
}

/// The `source` and `target` columns of a CSV (or TSV) file, by header name.
pub fn read_csv(path: &Path, delimiter: u8) -> Vec<(String, String)> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_path(path)
        .unwrap();
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap_or_else(|| panic!("{}: no {name} column in {headers:?}", path.display()))
    };
    let (s, t) = (col("source"), col("target"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[s].to_string(), rec[t].to_string())
        })
        .collect()
}

/// Rows of every `*.unaligned.tsv` report in `dir` (one per output group), in file-name
/// order, as (doc, lang, text).
pub fn read_unaligned_dir(dir: &Path) -> Vec<(String, String, String)> {
    list_dir(dir)
        .iter()
        .filter(|n| n.ends_with(".unaligned.tsv"))
        .flat_map(|n| read_unaligned(&dir.join(n)))
        .collect()
}

/// Rows of one unaligned report (`STEM.unaligned.tsv`) as (doc, lang, text).
pub fn read_unaligned(path: &Path) -> Vec<(String, String, String)> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_path(path)
        .unwrap();
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["doc", "lang", "unit", "kind", "speaker", "line", "text"]
    );
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].to_string(), rec[6].to_string())
        })
        .collect()
}

/// Sorted names of the entries of a folder (empty if it does not exist).
pub fn list_dir(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// A small bilingual transcript in the samples' layout (English pages, then Chinese pages):
/// title, lead, two turns; six 1-1 sentence pairs.
pub const BILINGUAL: &str = "\
Foreign Minister Wang Yi Meets the Press

外交部长王毅回答中外记者提问

On March 7, 2025, a press conference was held at the Media Center.

Wang Yi: Good morning, friends from the media. China will keep its door open to the world. Trade between the two countries reached 240 billion US dollars last year.

Reuters: What is your view on the relations between China and the United States?

2025年3月7日，记者会在梅地亚中心举行。

王毅：各位记者朋友，上午好。中国将始终向世界敞开大门。去年两国贸易额达到2400亿美元。

路透社记者：你如何看待中美关系？
";

/// The (zh, en) pairs [`BILINGUAL`] must give.
pub fn bilingual_pairs() -> Pairs {
    [
        (
            "外交部长王毅回答中外记者提问",
            "Foreign Minister Wang Yi Meets the Press",
        ),
        (
            "2025年3月7日，记者会在梅地亚中心举行。",
            "On March 7, 2025, a press conference was held at the Media Center.",
        ),
        (
            "各位记者朋友，上午好。",
            "Good morning, friends from the media.",
        ),
        (
            "中国将始终向世界敞开大门。",
            "China will keep its door open to the world.",
        ),
        (
            "去年两国贸易额达到2400亿美元。",
            "Trade between the two countries reached 240 billion US dollars last year.",
        ),
        (
            "你如何看待中美关系？",
            "What is your view on the relations between China and the United States?",
        ),
    ]
    .into_iter()
    .map(|(z, e)| (z.to_string(), e.to_string()))
    .collect()
}

/// A fresh, empty scratch folder `GROUP/NAME` under Cargo's per-target temp folder (removed
/// and recreated, so reruns start clean). `group` is the test file's name.
pub fn scratch_in(group: &str, name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `zhen-tm export ARGS… -o GROUP/NAME` in a fresh scratch folder; asserts success and
/// returns the folder.
pub fn export_in(group: &str, name: &str, args: &[&std::ffi::OsStr]) -> PathBuf {
    let out = scratch_in(group, name);
    let o = zhen_tm()
        .arg("export")
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    out
}

/// A scratch folder with an `in/` folder for inputs; outputs go to `out/`: the setup of the
/// tests of `export` on bad and hostile input.
pub struct Case {
    tmp: tempfile::TempDir,
}

impl Case {
    pub fn new() -> Case {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("in")).unwrap();
        Case { tmp }
    }

    /// The scratch folder.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes `bytes` to `in/NAME` and returns its path.
    pub fn input(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.root().join("in").join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// The output folder, `out/`.
    pub fn out(&self) -> PathBuf {
        self.root().join("out")
    }

    /// `zhen-tm export ARGS -o out/`.
    pub fn export(&self, args: &[&std::ffi::OsStr]) -> Output {
        self.export_to(args, &self.out())
    }

    /// `zhen-tm export ARGS -o OUT`.
    pub fn export_to(&self, args: &[&std::ffi::OsStr], out: &Path) -> Output {
        zhen_tm()
            .arg("export")
            .args(args)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    }
}
