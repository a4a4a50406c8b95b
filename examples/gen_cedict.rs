//! Generates `data/lexicon/cedict.fst` and `data/lexicon/cedict.bin`, the static CC-CEDICT
//! structure of `src/lexicon/cedict.rs`, and `data/lexicon/en_words.txt`, the English words
//! of the glosses (the vocabulary of `src/lexicon/words.rs`), from the `chinese_dictionary`
//! crate (3.0.0, a dev-dependency):
//!
//! ```sh
//! cargo run --release --example gen_cedict
//! ```
//!
//! The headwords are the keys of the crate's tokeniser (its `data/chinese.fst`: simplified
//! and traditional headwords, found through `cargo metadata`); each simplified headword's
//! entries come from `query_by_simplified` and are reduced by `zhen_tm::lexicon::cedict::derive`.
//! Output is deterministic: the same crate and stop-word list give the same bytes, which
//! `tests/cedict.rs` checks against the checked-in files.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use zhen_tm::lexicon::cedict::{self, derive};

/// One headword's data before the stems are numbered.
struct Raw {
    flags: u64,
    stems: Vec<u64>,
    phrases: Vec<Vec<u64>>,
}

fn raw_entry(key: &str) -> Option<Raw> {
    let entries = chinese_dictionary::query_by_simplified(key);
    if entries.is_empty() {
        return None;
    }
    let glosses: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.english.iter())
        .map(String::as_str)
        .collect();
    let mut flags = cedict::SIMPLIFIED;
    if glosses.iter().any(|g| derive::verb_gloss(g)) {
        flags |= cedict::VERB_GLOSS;
    }
    if glosses.iter().any(|g| derive::verb_sense(g)) {
        flags |= cedict::VERB_SENSE;
    }
    if glosses.iter().all(|g| derive::name_gloss(g)) {
        flags |= cedict::PROPER_NAME;
    }
    Some(Raw {
        flags,
        stems: derive::gloss_stems(glosses.iter().copied()),
        phrases: glosses
            .iter()
            .filter_map(|g| derive::phrase_stems(key, g))
            .collect(),
    })
}

/// The English words of one gloss as `en_words.txt` holds them: lower case, ASCII letters
/// with inner hyphens or apostrophes (`land-based`, `o'clock`), two letters or more. Pinyin
/// with tone numbers and anything else with a digit or a non-ASCII letter is left out.
fn gloss_words(gloss: &str) -> impl Iterator<Item = String> + '_ {
    gloss
        .split(|c: char| c.is_whitespace() || ",;:()[]{}\"!?/|.".contains(c))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
                && !w.contains("--")
        })
        .map(str::to_ascii_lowercase)
}

/// The bytes of the generated files.
pub struct Generated {
    /// `cedict.fst`: the headword map.
    pub fst: Vec<u8>,
    /// `cedict.bin`: the stem table and records.
    pub bin: Vec<u8>,
    /// `en_words.txt`: the English words of the glosses, to read and compare.
    pub words: Vec<u8>,
    /// `en_words.fst`: the same words as an `fst::Set`, the form the binary embeds (a
    /// 60% of the text's size, looked up in place).
    pub words_fst: Vec<u8>,
}

/// The three files, from the crate's tokeniser keys (`chinese.fst`, an `fst::Set`).
pub fn generate(crate_fst: &[u8]) -> Result<Generated, String> {
    use fst::Streamer;
    let set = fst::Set::new(crate_fst).map_err(|e| format!("chinese.fst: {e}"))?;
    let mut keys: Vec<(String, Option<Raw>)> = Vec::with_capacity(set.len());
    let mut words: BTreeSet<String> = BTreeSet::new();
    let mut stream = set.stream();
    while let Some(k) = stream.next() {
        let key = String::from_utf8(k.to_vec()).map_err(|e| format!("chinese.fst key: {e}"))?;
        for e in chinese_dictionary::query_by_simplified(&key) {
            words.extend(e.english.iter().flat_map(|g| gloss_words(g)));
        }
        let raw = raw_entry(&key);
        keys.push((key, raw));
    }
    let table: Vec<u64> = keys
        .iter()
        .filter_map(|(_, r)| r.as_ref())
        .flat_map(|r| r.stems.iter().chain(r.phrases.iter().flatten()))
        .copied()
        .collect::<BTreeSet<u64>>()
        .into_iter()
        .collect();
    let index: HashMap<u64, u16> = table
        .iter()
        .enumerate()
        .map(|(i, s)| u16::try_from(i).map(|i| (*s, i)))
        .collect::<Result<_, _>>()
        .map_err(|_| format!("{} distinct stems: more than u16 slots hold", table.len()))?;
    let slot = |n: usize| u16::try_from(n).map_err(|_| format!("count {n} exceeds a u16 slot"));
    let mut slots: Vec<u16> = Vec::new();
    let mut offsets: HashMap<Vec<u16>, usize> = HashMap::new();
    let mut map = fst::MapBuilder::memory();
    for (key, raw) in &keys {
        let value = match raw {
            None => 0,
            Some(r) => {
                let mut rec = vec![slot(r.stems.len())?];
                rec.extend(r.stems.iter().map(|s| index[s]));
                rec.push(slot(r.phrases.len())?);
                for p in &r.phrases {
                    rec.push(slot(p.len())?);
                    rec.extend(p.iter().map(|s| index[s]));
                }
                let next = slots.len();
                let offset = *offsets.entry(rec.clone()).or_insert(next);
                if offset == next {
                    slots.extend(&rec);
                }
                ((offset as u64) << cedict::FLAG_BITS) | r.flags
            }
        };
        map.insert(key, value).map_err(|e| format!("fst: {e}"))?;
    }
    let fst_bytes = map.into_inner().map_err(|e| format!("fst: {e}"))?;
    let mut bin = cedict::MAGIC.to_vec();
    bin.extend((table.len() as u32).to_le_bytes());
    bin.extend((slots.len() as u32).to_le_bytes());
    for s in &table {
        bin.extend(s.to_le_bytes());
    }
    for s in &slots {
        bin.extend(s.to_le_bytes());
    }
    let mut set = fst::SetBuilder::memory();
    set.extend_iter(words.iter())
        .map_err(|e| format!("fst: {e}"))?;
    let words_fst = set.into_inner().map_err(|e| format!("fst: {e}"))?;
    let mut text = String::from(
        "# English words of the CC-CEDICT glosses (generated by examples/gen_cedict.rs; do not edit)\n",
    );
    for w in &words {
        text.push_str(w);
        text.push('\n');
    }
    Ok(Generated {
        fst: fst_bytes,
        bin,
        words: text.into_bytes(),
        words_fst,
    })
}

/// The crate's `data/chinese.fst`, located through `cargo metadata`.
pub fn crate_fst_path() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // Offline, and only for the host platform: without the filter cargo needs every
    // package of the lock file, other platforms' too (windows-sys), which a fresh machine
    // that has only built the crate has not downloaded.
    let host = host_triple()?;
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let manifest = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "chinese_dictionary" && p["version"] == "3.0.0")
        .and_then(|p| p["manifest_path"].as_str())
        .ok_or("cargo metadata lists no chinese_dictionary 3.0.0")?;
    let dir = PathBuf::from(manifest);
    Ok(dir
        .parent()
        .ok_or("manifest path has no folder")?
        .join("data/chinese.fst"))
}

/// The host's target triple, as `rustc -vV` prints it.
fn host_triple() -> Result<String, String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| "rustc -vV names no host".to_string())
}

#[allow(dead_code)] // tests/cedict.rs includes this file for `generate` only
fn main() -> Result<(), String> {
    let path = crate_fst_path()?;
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let Generated {
        fst: fst_bytes,
        bin,
        words,
        words_fst,
    } = generate(&bytes)?;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
    for (name, data) in [
        ("cedict.fst", &fst_bytes),
        ("cedict.bin", &bin),
        ("en_words.txt", &words),
        ("en_words.fst", &words_fst),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, data).map_err(|e| format!("{}: {e}", p.display()))?;
        println!("{}: {} bytes", p.display(), data.len());
    }
    Ok(())
}
