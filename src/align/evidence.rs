//! Lexical and length evidence for a bead: numbers, Latin-script tokens, CC-CEDICT glosses
//! and the bundled term list, all interned to small ids once per document so that judging a
//! bead costs a few array lookups and no allocation.

use super::structure::Stream;
use crate::lexicon::dict::{self, Glosser};
use crate::lexicon::{numbers, terms};
use std::collections::{HashMap, HashSet};

/// One sentence's evidence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Feat {
    /// Characters, not counting spaces.
    pub len: f64,
    /// English: ids of its content-word stems (repeats kept: they count).
    pub stems: Vec<u32>,
    /// Chinese: for each glossed word, the range of its gloss stem ids in `word_ids`.
    pub word_ends: Vec<u32>,
    /// Chinese: gloss stem ids of all words, word after word (only stems the English side
    /// uses: no other can ever match).
    pub word_ids: Vec<u32>,
    /// Normalized numbers, sorted (bit patterns, for exact comparison).
    pub numbers: Vec<u64>,
    /// Upper-case Latin tokens (acronyms, names written in Latin inside Chinese), as ids.
    pub latin: Vec<u32>,
    /// Bundled terms: in Chinese, found in it; in English, those of the Chinese side it
    /// renders. As ids.
    pub terms: Vec<u32>,
    /// The sentence is cut off by the end of its side (a truncated page): its length is only
    /// a lower bound.
    pub truncated: bool,
}

impl Feat {
    /// The glossed words of a Chinese sentence, each as a slice of stem ids.
    pub fn words(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0usize;
        self.word_ends.iter().map(move |&end| {
            let s = &self.word_ids[start..end as usize];
            start = end as usize;
            s
        })
    }
}

/// Gives strings or hashes small dense ids.
#[derive(Default)]
struct Interner<K: std::hash::Hash + Eq> {
    ids: HashMap<K, u32>,
}

impl<K: std::hash::Hash + Eq> Interner<K> {
    fn id(&mut self, k: K) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(k).or_insert(next)
    }
    fn get(&self, k: &K) -> Option<u32> {
        self.ids.get(k).copied()
    }
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The evidence of both sides of a document, on shared id spaces.
pub(crate) struct Features {
    /// English sentences.
    pub en: Vec<Feat>,
    /// Chinese sentences.
    pub zh: Vec<Feat>,
    /// Number of distinct English stems (the size of the stem id space).
    pub vocab: usize,
}

/// Numbers as comparable keys. Weak ones (one, two, 一, 两: too common to be evidence) are
/// left out.
fn number_keys(values: Vec<numbers::Number>) -> Vec<u64> {
    let mut v: Vec<u64> = values
        .into_iter()
        .filter(|n| !n.weak)
        .map(|n| {
            let (pct, k) = n.key();
            (k as u64) ^ (u64::from(pct) << 63)
        })
        .collect();
    v.sort_unstable();
    v
}

/// Latin-script tokens of two or more letters written in capitals (APEC, BRICS, CNN, SCO),
/// with dots removed (U.N. → UN): they pass unchanged between the languages.
fn latin_upper(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map(|w| w.replace('.', ""))
        .filter(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_uppercase())
        })
        .collect()
}

fn char_len(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

impl Features {
    /// Compute the evidence of both streams. The last sentence of a side that does not end
    /// where sentences end is marked truncated.
    pub fn new(en: &Stream, zh: &Stream) -> Features {
        let mut stems: Interner<u64> = Interner::default();
        let mut latin: Interner<String> = Interner::default();
        let mut term_ids: Interner<String> = Interner::default();
        let mut en_feats: Vec<Feat> = en
            .sentences
            .iter()
            .map(|s| {
                let mut l: Vec<u32> = latin_upper(&s.text)
                    .into_iter()
                    .map(|t| latin.id(t))
                    .collect();
                l.sort_unstable();
                Feat {
                    len: char_len(&s.text),
                    stems: dict::en_stems(&s.text)
                        .into_iter()
                        .map(|h| stems.id(h))
                        .collect(),
                    numbers: number_keys(numbers::en_numbers(&s.text)),
                    latin: l,
                    ..Feat::default()
                }
            })
            .collect();
        let mut glosser = Glosser::new();
        let index = terms::TermIndex::new(terms::bundled());
        let mut used_terms: HashSet<&str> = HashSet::new();
        let mut zh_feats: Vec<Feat> = zh
            .sentences
            .iter()
            .map(|s| {
                let mut f = Feat {
                    len: char_len(&s.text),
                    numbers: number_keys(numbers::zh_numbers(&s.text)),
                    ..Feat::default()
                };
                for w in glosser.gloss(&s.text) {
                    f.word_ids
                        .extend(w.stems.iter().filter_map(|h| stems.get(h)));
                    f.word_ends.push(f.word_ids.len() as u32);
                }
                // Latin tokens only count when the English side has them too.
                f.latin = latin_upper(&s.text)
                    .iter()
                    .filter_map(|t| latin.get(t))
                    .collect();
                f.latin.sort_unstable();
                let mut t: Vec<u32> = index
                    .find_in_zh(&s.text)
                    .into_iter()
                    .map(|t| {
                        used_terms.insert(t.zh.as_str());
                        term_ids.id(t.zh.clone())
                    })
                    .collect();
                t.sort_unstable();
                f.terms = t;
                f
            })
            .collect();
        // Official renderings of the terms the Chinese side uses are the strongest anchors.
        let candidates: Vec<&terms::Term> = terms::bundled()
            .iter()
            .filter(|t| used_terms.contains(t.zh.as_str()))
            .collect();
        if !candidates.is_empty() {
            for (f, s) in en_feats.iter_mut().zip(&en.sentences) {
                let mut t: Vec<u32> = candidates
                    .iter()
                    .filter(|t| terms::en_mentions(t, &s.text))
                    .filter_map(|t| term_ids.get(&t.zh))
                    .collect();
                t.sort_unstable();
                f.terms = t;
            }
        }
        mark_truncated(en, &mut en_feats);
        mark_truncated(zh, &mut zh_feats);
        Features {
            en: en_feats,
            zh: zh_feats,
            vocab: stems.len(),
        }
    }
}

/// Mark the last sentence of a side as truncated when it does not end where sentences end
/// (the page layout cut the text off).
fn mark_truncated(stream: &Stream, feats: &mut [Feat]) {
    if let (Some(s), Some(f)) = (stream.sentences.last(), feats.last_mut()) {
        if !crate::parse::is_terminated(&s.text) {
            f.truncated = true;
        }
    }
}

/// Reusable buffers for judging beads: stamp arrays over the stem ids (a stem is "present"
/// when its slot holds the current stamp), so that no set is built or cleared per bead.
pub(crate) struct Scratch {
    zh_mark: Vec<u32>,
    en_mark: Vec<u32>,
    stamp: u32,
    a: Vec<u64>,
    b: Vec<u64>,
}

impl Scratch {
    /// Buffers for a vocabulary of `vocab` stems.
    pub fn new(vocab: usize) -> Scratch {
        Scratch {
            zh_mark: vec![0; vocab],
            en_mark: vec![0; vocab],
            stamp: 0,
            a: Vec::new(),
            b: Vec::new(),
        }
    }

    fn next_stamp(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            self.zh_mark.iter_mut().for_each(|x| *x = 0);
            self.en_mark.iter_mut().for_each(|x| *x = 0);
            self.stamp = 0;
        }
        self.stamp += 1;
        self.stamp
    }
}

/// Words a sentence needs before a lack of overlap says anything.
const ORPHAN_MIN_WORDS: usize = 5;
/// Overlap share below which such a sentence is an orphan (unrelated pairs average 0.08).
const ORPHAN_MAX_SHARE: f64 = 0.12;

/// A sentence of a multi-sentence bead that shares (almost) nothing with the other side:
/// it was absorbed by the bead rather than translated in it.
fn is_orphan(hits: usize, words: usize) -> bool {
    words >= ORPHAN_MIN_WORDS && (hits as f64) < ORPHAN_MAX_SHARE * words as f64
}

/// What the lexicon says about a bead.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lexical {
    /// Symmetric overlap in [0, 1].
    pub sim: f64,
    /// Sentences of a multi-sentence bead without lexical support.
    pub orphans: usize,
    /// Matched numbers and Latin tokens.
    pub anchors_matched: usize,
    /// Numbers and Latin tokens without a counterpart.
    pub anchors_missed: usize,
    /// Bundled terms present in the Chinese and rendered in the English.
    pub terms_matched: usize,
}

/// Size of the multiset intersection of two sorted lists.
fn common_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The sorted union (multiset) of one list field over several sentences, without
/// allocating for the common one-sentence case.
fn gather<'s, T: Copy + Ord>(
    feats: &'s [Feat],
    field: impl Fn(&Feat) -> &[T],
    buf: &'s mut Vec<T>,
) -> &'s [T] {
    if feats.len() == 1 {
        return field(&feats[0]);
    }
    buf.clear();
    for f in feats {
        buf.extend_from_slice(field(f));
    }
    buf.sort_unstable();
    buf
}

/// The lexical evidence of the bead English `i..i+a`, Chinese `j..j+b` (both non-empty):
/// the share of English content words glossed by one of its Chinese words and of Chinese
/// words glossed by one of its English words, pooled over the whole bead (so a word
/// matched by two sentences counts once and merged beads gain no spurious overlap), plus
/// numbers, Latin tokens and terms.
pub(crate) fn lexical(
    f: &Features,
    s: &mut Scratch,
    i: usize,
    a: usize,
    j: usize,
    b: usize,
) -> Lexical {
    let en = &f.en[i..i + a];
    let zh = &f.zh[j..j + b];
    let st = s.next_stamp();
    for z in zh {
        for &id in &z.word_ids {
            s.zh_mark[id as usize] = st;
        }
    }
    for e in en {
        for &id in &e.stems {
            s.en_mark[id as usize] = st;
        }
    }
    let several = a + b > 2;
    let (mut hits, mut total, mut orphans) = (0usize, 0usize, 0usize);
    for e in en {
        let h = e
            .stems
            .iter()
            .filter(|&&id| s.zh_mark[id as usize] == st)
            .count();
        hits += h;
        total += e.stems.len();
        orphans += usize::from(several && is_orphan(h, e.stems.len()));
    }
    for z in zh {
        let words = z.word_ends.len();
        let h = z
            .words()
            .filter(|w| w.iter().any(|&id| s.en_mark[id as usize] == st))
            .count();
        hits += h;
        total += words;
        orphans += usize::from(several && is_orphan(h, words));
    }
    let sim = if total == 0 {
        0.0
    } else {
        hits as f64 / total as f64
    };

    let (mut num_common, mut en_num, mut zh_num) = (0, 0, 0);
    if en.iter().any(|e| !e.numbers.is_empty()) || zh.iter().any(|z| !z.numbers.is_empty()) {
        let (mut ba, mut bb) = (std::mem::take(&mut s.a), std::mem::take(&mut s.b));
        let x = gather(en, |f| &f.numbers, &mut ba);
        let y = gather(zh, |f| &f.numbers, &mut bb);
        num_common = common_sorted(x, y);
        en_num = x.len();
        zh_num = y.len();
        s.a = ba;
        s.b = bb;
    }
    let small = |fe: &dyn Fn(&Feat) -> &[u32]| -> (usize, usize, usize) {
        let ea: usize = en.iter().map(|e| fe(e).len()).sum();
        let zb: usize = zh.iter().map(|z| fe(z).len()).sum();
        if ea == 0 || zb == 0 {
            return (0, ea, zb);
        }
        let mut x: Vec<u32> = en.iter().flat_map(|e| fe(e).iter().copied()).collect();
        let mut y: Vec<u32> = zh.iter().flat_map(|z| fe(z).iter().copied()).collect();
        x.sort_unstable();
        y.sort_unstable();
        (common_sorted(&x, &y), ea, zb)
    };
    // Latin tokens in English are common (names, acronyms); only those the Chinese side
    // also writes in Latin count, and missing ones only count on the Chinese side.
    let (lat_common, _, zh_lat) = small(&|f: &Feat| f.latin.as_slice());
    let (term_common, _, _) = small(&|f: &Feat| f.terms.as_slice());
    let missed = (en_num - num_common) + (zh_num - num_common) + (zh_lat - lat_common);
    Lexical {
        sim,
        orphans,
        anchors_matched: num_common + lat_common,
        anchors_missed: missed,
        terms_matched: term_common,
    }
}
