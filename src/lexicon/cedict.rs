//! CC-CEDICT as a static structure: the headwords in an [`fst::Map`] and what the aligner and
//! term discovery read from each entry in a flat array, both embedded with `include_bytes!`
//! and read in place. Nothing is deserialised: the first lookup costs what any lookup costs,
//! so a one-sentence run starts in milliseconds instead of paying ~0.3 s and ~180 MB to turn
//! the whole dictionary into hash maps.
//!
//! The two files in `data/lexicon/` are generated from the `chinese_dictionary` crate (3.0.0,
//! CC-CEDICT) by `cargo run --release --example gen_cedict`, which applies this module's
//! [`derive`] functions to every entry; `tests/cedict.rs` regenerates them in memory and
//! checks that the checked-in files are current and that tokenisation and every lookup agree
//! with the crate. Regenerate after editing `data/lexicon/en_stopwords.txt` (the stems of the
//! glosses depend on it).
//!
//! Layout of `cedict.bin` (little-endian): the magic [`MAGIC`], `u32` number of stems, `u32`
//! number of record slots, the stem ids (`u64` each, see [`super::dict::stem_of`]), then the
//! records as `u16` slots. A record is `[n, stem index × n, p, (m, stem index × m) × p]`:
//! the stems of the entry's glosses (sorted, unique), then its gloss phrases
//! ([`Entry::phrases`]). Identical records are stored once.
//!
//! The map's keys are the simplified and traditional headwords (the set the crate's tokeniser
//! matches); a value is `record offset << FLAG_BITS | flags`, with flags [`SIMPLIFIED`],
//! [`VERB_GLOSS`], [`PROPER_NAME`] and [`VERB_SENSE`]. A traditional-only headword has the
//! value 0.

use super::IdMap;
use fst::raw::{CompiledAddr, Fst, Node, Output};
use std::cell::RefCell;
use std::sync::OnceLock;

/// First bytes of `cedict.bin` (the format version is its last digit).
pub const MAGIC: &[u8; 8] = b"ZTCEDIC1";
/// Flag: the key is a simplified headword (`query_by_simplified` finds entries for it).
pub const SIMPLIFIED: u64 = 1;
/// Flag: a gloss of the word begins "to " (a verb).
pub const VERB_GLOSS: u64 = 2;
/// Flag: every gloss of the word is capitalised and none is a classifier note (a proper
/// name such as 雷锋 "Lei Feng").
pub const PROPER_NAME: u64 = 4;
/// Flag: a gloss of the word is a verb once its remarks are set aside: it begins "to …"
/// after bracketed remarks and a `lit. ` or `fig. ` (从天而降 "(idiom) to fall from the
/// sky"). Wider than [`VERB_GLOSS`], which the tokenisation-level checks of a verb keep.
pub const VERB_SENSE: u64 = 8;
/// Bits of a map value taken by the flags.
pub const FLAG_BITS: u32 = 4;

static FST_BYTES: &[u8] = include_bytes!("../../data/lexicon/cedict.fst");
static REC_BYTES: &[u8] = include_bytes!("../../data/lexicon/cedict.bin");

/// The embedded dictionary, checked once (a header check, no decoding).
struct Tables {
    fst: Fst<&'static [u8]>,
    stems: &'static [u8],
    records: &'static [u8],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        // Both files are part of the binary and checked by tests/cedict.rs: a failure here
        // is a build defect, not a user error.
        let fst = Fst::new(FST_BYTES).expect("embedded data/lexicon/cedict.fst is valid");
        let (stems, records) =
            split_records(REC_BYTES).expect("embedded data/lexicon/cedict.bin is valid");
        Tables {
            fst,
            stems,
            records,
        }
    })
}

/// The stem table and the record slots of a `cedict.bin`, or `None` when it is malformed.
fn split_records(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let n_stems = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let n_slots = u32::from_le_bytes(rest.get(4..8)?.try_into().ok()?) as usize;
    let rest = &rest[8..];
    let stems = rest.get(..n_stems * 8)?;
    let records = rest.get(n_stems * 8..)?;
    (records.len() == n_slots * 2).then_some((stems, records))
}

impl Tables {
    fn slot(&self, i: usize) -> usize {
        let r = self.records;
        usize::from(u16::from_le_bytes([r[2 * i], r[2 * i + 1]]))
    }

    fn stem(&self, index: usize) -> u64 {
        let s = &self.stems[8 * index..8 * index + 8];
        u64::from_le_bytes(s.try_into().unwrap_or_default())
    }
}

fn slot(i: usize) -> usize {
    tables().slot(i)
}

fn stem(index: usize) -> u64 {
    tables().stem(index)
}

/// What the dictionary holds for one headword: a map value, decoded on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry(u64);

impl Entry {
    /// Whether the headword is a simplified one (the only entries glossing and term
    /// discovery read; a traditional-only headword still counts for tokenisation).
    pub fn is_simplified(self) -> bool {
        self.0 & SIMPLIFIED != 0
    }

    /// Whether a gloss begins "to …" (CC-CEDICT's mark of a verb).
    pub fn verb_gloss(self) -> bool {
        self.0 & VERB_GLOSS != 0
    }

    /// Whether a gloss is a verb once its remarks are set aside (see [`VERB_SENSE`]).
    pub fn verb_sense(self) -> bool {
        self.0 & VERB_SENSE != 0
    }

    /// Whether every gloss is a capitalised name (see [`PROPER_NAME`]).
    pub fn proper_name(self) -> bool {
        self.0 & PROPER_NAME != 0
    }

    fn offset(self) -> usize {
        (self.0 >> FLAG_BITS) as usize
    }

    /// The stem ids of all the word's glosses (sorted, unique; see [`derive::gloss_stems`]).
    pub fn stems(self) -> impl ExactSizeIterator<Item = u64> {
        // The tables once, not per stem: the aligner reads the stems of every word.
        let t = tables();
        let o = self.offset();
        let n = if self.is_simplified() { t.slot(o) } else { 0 };
        (0..n).map(move |i| t.stem(t.slot(o + 1 + i)))
    }

    /// The stems of each gloss phrase of the word, in gloss order (see
    /// [`derive::phrase_stems`]; only words of three characters or more have them).
    pub fn phrases(self) -> Vec<Vec<u64>> {
        if !self.is_simplified() {
            return Vec::new();
        }
        let mut at = self.offset();
        at += 1 + slot(at);
        let p = slot(at);
        at += 1;
        let mut out = Vec::with_capacity(p);
        for _ in 0..p {
            let m = slot(at);
            out.push((0..m).map(|i| stem(slot(at + 1 + i))).collect());
            at += 1 + m;
        }
        out
    }
}

/// The entry of an exact headword (simplified or traditional), if it is one.
pub fn lookup(word: &str) -> Option<Entry> {
    tables().fst.get(word).map(|o| Entry(o.value()))
}

/// The entry of a simplified headword: `chinese_dictionary::query_by_simplified` finds
/// entries for exactly these words.
pub fn simplified(word: &str) -> Option<Entry> {
    lookup(word).filter(|e| e.is_simplified())
}

/// Whether `word` is one CC-CEDICT simplified headword.
pub fn is_headword(word: &str) -> bool {
    simplified(word).is_some()
}

/// Where the map stands after reading one or two whole characters from its root: the
/// node, the output gathered on the way, and the entry when those characters are a
/// headword.
#[derive(Clone, Copy)]
struct AfterFirst {
    addr: CompiledAddr,
    out: Output,
    entry: Option<Entry>,
}

/// Distinct first characters a thread keeps (see [`FIRST_CHAR`]) before it starts over: a
/// bound on memory for a run over text in many scripts (a few MB at most).
const FIRST_CHAR_MAX: usize = 50_000;

thread_local! {
    /// [`AfterFirst`] of each character this thread has started a lookup with (`None`: no
    /// headword starts with it), for the whole run. Every position of a Chinese sentence
    /// starts a lookup, and walking a CJK character's three UTF-8 bytes from the root
    /// (three nodes decoded) is the same each time; the few thousand characters of a
    /// corpus recur in every document. Only looked up, never iterated.
    static FIRST_CHAR: RefCell<IdMap<u32, Option<AfterFirst>>> = RefCell::new(IdMap::default());
    /// Where the map stands after the second character, for each pair of characters this
    /// thread has started a lookup with (`None`: no headword starts with the pair), for the
    /// whole run. Most headwords are two characters long, so after the first character a
    /// lookup walks the second one's three UTF-8 bytes (three nodes decoded) every time;
    /// the pairs of a corpus recur as its characters do. Only looked up, never iterated.
    static SECOND_CHAR: RefCell<IdMap<u64, Option<AfterFirst>>> = RefCell::new(IdMap::default());
}

/// Distinct character pairs a thread keeps (see [`SECOND_CHAR`]) before it starts over
/// (40 bytes each: a few MB at most).
const SECOND_CHAR_MAX: usize = 100_000;

/// Walk `bytes` from `node` with output `out`; `None` when some byte has no transition.
fn walk<'f>(
    fst: &'f Fst<&'static [u8]>,
    mut node: Node<'f>,
    mut out: Output,
    bytes: &[u8],
) -> Option<(Node<'f>, Output)> {
    for &b in bytes {
        let tr = node.transition(node.find_input(b)?);
        out = out.cat(tr.out);
        node = fst.node(tr.addr);
    }
    Some((node, out))
}

/// [`AfterFirst`] of the character `c` (its UTF-8 bytes `bytes`), worked out.
fn after_first(fst: &Fst<&'static [u8]>, bytes: &[u8]) -> Option<AfterFirst> {
    let root = AfterFirst {
        addr: fst.root().addr(),
        out: Output::zero(),
        entry: None,
    };
    after_next(fst, root, bytes)
}

/// The longest headword at the start of `text`: its length in bytes and its entry.
///
/// The first character is read through [`FIRST_CHAR`] and the second through
/// [`SECOND_CHAR`]; from there the map is walked byte by byte as long as it has a
/// transition, keeping the last final node. Keys are whole UTF-8 strings, so a match ends
/// on a character boundary, and a walk that fails inside the second character finds what
/// a walk failing there from the root finds: the first character's entry, if any. The
/// cached states are the nodes and outputs the walk from the root reaches.
fn longest_prefix(fst: &Fst<&'static [u8]>, text: &str) -> Option<(usize, Entry)> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let first_len = c.len_utf8();
    let first = FIRST_CHAR.with_borrow_mut(|cache| {
        if let Some(&known) = cache.get(&u32::from(c)) {
            return known;
        }
        if cache.len() >= FIRST_CHAR_MAX {
            cache.clear();
        }
        let known = after_first(fst, &text.as_bytes()[..first_len]);
        cache.insert(u32::from(c), known);
        known
    })?;
    let mut best = first.entry.map(|e| (first_len, e));
    let Some(c2) = chars.next() else {
        return best;
    };
    let upto = first_len + c2.len_utf8();
    let key = (u64::from(u32::from(c)) << 32) | u64::from(u32::from(c2));
    let second = SECOND_CHAR.with_borrow_mut(|cache| {
        if let Some(&known) = cache.get(&key) {
            return known;
        }
        if cache.len() >= SECOND_CHAR_MAX {
            cache.clear();
        }
        let known = after_next(fst, first, &text.as_bytes()[first_len..upto]);
        cache.insert(key, known);
        known
    });
    let Some(second) = second else {
        return best;
    };
    if let Some(e) = second.entry {
        best = Some((upto, e));
    }
    let mut node = fst.node(second.addr);
    let mut out = second.out;
    for (i, &b) in text.as_bytes().iter().enumerate().skip(upto) {
        let Some(t) = node.find_input(b) else {
            break;
        };
        let tr = node.transition(t);
        out = out.cat(tr.out);
        node = fst.node(tr.addr);
        if node.is_final() {
            best = Some((i + 1, Entry(out.cat(node.final_output()).value())));
        }
    }
    best
}

/// Where the map stands after reading `bytes` (one whole character) from the state
/// `from`, with the entry when the characters read so far are a headword.
fn after_next(fst: &Fst<&'static [u8]>, from: AfterFirst, bytes: &[u8]) -> Option<AfterFirst> {
    let (node, out) = walk(fst, fst.node(from.addr), from.out, bytes)?;
    Some(AfterFirst {
        addr: node.addr(),
        out,
        entry: node
            .is_final()
            .then(|| Entry(out.cat(node.final_output()).value())),
    })
}

/// The tokens of a text with their entries: greedy longest-prefix matching over all
/// headwords, skipping one character where none matches (punctuation, unknown characters
/// and spaces are left out). This is `chinese_dictionary::tokenize`'s segmentation, which the
/// aligner's and term discovery's figures were tuned on; `tests/cedict.rs` checks that the two
/// agree on every sample and bench text.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// The token strings of a text (see [`tokens`]).
pub fn tokenize(text: &str) -> Vec<&str> {
    tokens(text).map(|(t, _)| t).collect()
}

/// Iterator of [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (&'a str, Entry);

    fn next(&mut self) -> Option<Self::Item> {
        let fst = &tables().fst;
        while self.at < self.text.len() {
            let tail = &self.text[self.at..];
            match longest_prefix(fst, tail) {
                Some((len, entry)) => {
                    self.at += len;
                    // Keys are whole UTF-8 strings, so `len` ends on a character boundary.
                    return Some((&tail[..len], entry));
                }
                None => self.at += tail.chars().next().map_or(1, char::len_utf8),
            }
        }
        None
    }
}

/// How an entry's flags and record are derived from its CC-CEDICT glosses. The generator
/// (`examples/gen_cedict.rs`) and the freshness test apply these to every entry; they are
/// the same rules the aligner and term discovery used when they read the glosses directly.
pub mod derive {
    use super::super::dict::{en_stems, gloss_word_stems};

    /// The stems of all glosses of a word, sorted and unique: bracketed remarks
    /// (`(literary)`, `[Zhong1 guo2]`), classifier notes (`CL:…`) and `variant of …` glosses
    /// dropped, words of one character and function words left out.
    pub fn gloss_stems<'a>(glosses: impl IntoIterator<Item = &'a str>) -> Vec<u64> {
        let mut stems: Vec<u64> = glosses.into_iter().flat_map(gloss_word_stems).collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    }

    /// The content-word stems of a sense that is a phrase of two content words or more: the
    /// first clause of the gloss, before any bracket, comma or semicolon, after `lit. ` or
    /// `fig. ` ("socialism with Chinese characteristics" for 中国特色社会主义). Only words of
    /// three characters or more keep their phrases.
    pub fn phrase_stems(word: &str, gloss: &str) -> Option<Vec<u64>> {
        if word.chars().count() < 3 {
            return None;
        }
        let g = gloss
            .trim_start_matches("lit. ")
            .trim_start_matches("fig. ");
        let clause = g.split(['(', '[', ',', ';']).next().unwrap_or("");
        let stems = en_stems(clause);
        (stems.len() >= 2).then_some(stems)
    }

    /// Whether a gloss marks a verb.
    pub fn verb_gloss(gloss: &str) -> bool {
        gloss.starts_with("to ")
    }

    /// Whether a gloss is a verb once its remarks are set aside: it begins "to …" after any
    /// bracketed remarks and a `lit. ` or `fig. ` (从天而降 "(idiom) to fall from the sky",
    /// 实事求是 "lit. to seek truth from facts").
    pub fn verb_sense(gloss: &str) -> bool {
        let mut g = gloss.trim_start();
        while let Some(rest) = g.strip_prefix('(') {
            match rest.split_once(')') {
                Some((_, after)) => g = after.trim_start(),
                None => break,
            }
        }
        let g = g.trim_start_matches("lit. ").trim_start_matches("fig. ");
        g.starts_with("to ")
    }

    /// Whether a gloss reads as a proper name (capitalised, not a classifier note); a word
    /// is a proper name when it has entries and all their glosses are.
    pub fn name_gloss(gloss: &str) -> bool {
        gloss.chars().next().is_some_and(char::is_uppercase) && !gloss.starts_with("CL:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_well_formed() {
        assert!(split_records(REC_BYTES).is_some());
        assert!(tables().fst.len() > 100_000);
    }

    #[test]
    fn tokenises_by_longest_headword() {
        assert_eq!(
            tokenize("中华人民共和国外交部，发言人"),
            vec!["中华人民共和国", "外交部", "发言人"]
        );
        assert_eq!(tokenize("不断发展")[0], "不断");
    }

    #[test]
    fn entries_carry_glosses_and_flags() {
        let peace = simplified("和平").expect("和平 is a headword");
        assert!(peace.stems().len() > 0);
        assert!(!peace.proper_name());
        assert!(simplified("雷锋").is_some_and(|e| e.proper_name()));
        assert!(simplified("发展").is_some_and(|e| e.verb_gloss()));
        assert!(simplified("中国特色社会主义").is_some_and(|e| !e.phrases().is_empty()));
        assert!(!is_headword("和平力量稳定"));
    }
}
