//! Lexical and length evidence for a bead: numbers, Latin-script tokens, CC-CEDICT glosses
//! and the bundled term list, all interned to small ids once per document so that judging a
//! bead costs a few array lookups and no allocation.

use super::structure::Stream;
use super::Bead;
use crate::lexicon::dict::{self, Glosser};
use crate::lexicon::{numbers, terms, IdMap, IdSet};
use crate::model::Lang;

/// One sentence's evidence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Feat {
    /// Characters, not counting spaces.
    pub len: f64,
    /// Chinese: of those, the ASCII letters and digits (Latin names, acronyms, formulas,
    /// numbers), which a translation copies character for character instead of scaling
    /// them by the length ratio. Always 0 in English.
    pub copied: f64,
    /// English: ids of its content-word stems (repeats kept: they count).
    pub stems: Vec<u32>,
    /// English: each distinct stem id with the positions in [`Feat::stems`] it holds (as
    /// bits: position `k` is bit `k % 64`), each id once, so that a sentence pair's shared
    /// stems are one lookup per stem in the Chinese sentence's list (see [`pair_mask`]).
    pub stem_positions: Vec<(u32, u64)>,
    /// Chinese: how many words CC-CEDICT glosses.
    pub words: usize,
    /// Chinese: each distinct gloss stem id with the set of words (as bits: word `k` is bit
    /// `k % 128`) that offer it, sorted by id. Judging a bead then costs one binary search
    /// per English stem instead of a pass over every gloss of every word.
    pub stem_words: Vec<(u32, u128)>,
    /// The stem ids of [`Feat::stem_positions`] (English) or [`Feat::stem_words`] (Chinese)
    /// as a set of a few bits, which tells most stems the other side lacks at a glance
    /// (see [`StemSet`]).
    pub stem_set: StemSet,
    /// Normalized numbers, sorted (bit patterns, for exact comparison).
    pub numbers: Vec<u64>,
    /// Upper-case Latin tokens (acronyms, names written in Latin inside Chinese), as ids,
    /// sorted.
    pub latin: Vec<u64>,
    /// Bundled terms: in Chinese, found in it; in English, those of the Chinese side it
    /// renders. As ids, sorted.
    pub terms: Vec<u64>,
    /// The sentence is cut off by the end of its side (a truncated page): its length is only
    /// a lower bound.
    pub truncated: bool,
    /// How the sentence ends (a quotation closing, a question).
    pub ending: Ending,
}

/// How a sentence ends, in the terms both languages share: a quotation that closes with
/// it, a question. Translations keep both, so a bead whose two sides end alike is more
/// likely than one whose sides end differently; in dialogue this places the bead boundary
/// where the quoted speech ends on both sides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ending {
    /// The sentence ends with a closing quotation mark.
    pub closes_quote: bool,
    /// The sentence ends with a question mark (inside or outside the quotation).
    pub question: bool,
}

/// Quotation marks that may close a sentence.
const QUOTE_CLOSERS: [char; 8] = ['"', '\'', '”', '’', '」', '』', '»', '›'];
/// Characters before an English closing `'` that make it a quotation mark rather than the
/// apostrophe of a plural possessive (`the students'`).
const BEFORE_EN_QUOTE: [char; 8] = ['.', '?', '!', ',', '—', '…', '-', ';'];

impl Ending {
    /// The ending of `text`, a sentence in `lang`.
    pub fn of(text: &str, lang: Lang) -> Ending {
        let zh = lang == Lang::Zh;
        let t = text.trim_end();
        // A final stop after the closing mark (`“…”。`, `…”.`) still ends the quotation.
        let t_inner = t
            .strip_suffix(['。', '.', '！', '!', '？', '?'])
            .map_or(t, str::trim_end);
        let mut chars = t_inner.chars().rev();
        let last = chars.next();
        let closes_quote = match last {
            Some(c) if QUOTE_CLOSERS.contains(&c) => {
                zh || c == '”'
                    || chars
                        .clone()
                        .next()
                        .is_some_and(|p| BEFORE_EN_QUOTE.contains(&p))
            }
            _ => false,
        };
        let core =
            t.trim_end_matches(|c: char| QUOTE_CLOSERS.contains(&c) || c == ')' || c == '）');
        let question = core.ends_with(['?', '？']);
        Ending {
            closes_quote,
            question,
        }
    }
}

/// A set of stem ids folded onto [`StemSet::BITS`] bits (id modulo that): a stem whose bit
/// is clear is certainly not in the set, one whose bit is set may be. [`pair_mask`] asks it
/// before searching a sentence's stem list, so that a sentence pair sharing nothing (most
/// pairs of a search) costs a few word-wide ANDs instead of a merge of the two lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct StemSet([u64; 8]);

impl StemSet {
    const BITS: u32 = 512;

    /// The set of `ids`.
    fn of(ids: impl IntoIterator<Item = u32>) -> StemSet {
        let mut set = StemSet::default();
        for id in ids {
            let bit = id % Self::BITS;
            set.0[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        set
    }

    /// May `id` be in the set?
    fn may_hold(&self, id: u32) -> bool {
        let bit = id % Self::BITS;
        self.0[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// May the two sets share an id?
    fn may_meet(&self, other: &StemSet) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
}

/// Gives strings or hashes small dense ids, in the order of first occurrence (so the ids
/// do not depend on the hasher).
#[derive(Default)]
struct Interner<K: std::hash::Hash + Eq> {
    ids: IdMap<K, u32>,
}

impl<K: std::hash::Hash + Eq> Interner<K> {
    fn id(&mut self, k: K) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(k).or_insert(next)
    }
    fn get(&self, k: &K) -> Option<u32> {
        self.ids.get(k).copied()
    }
    /// The ids of several keys as a sorted list (for the list fields of [`Feat`]).
    fn sorted(&mut self, keys: impl IntoIterator<Item = K>) -> Vec<u64> {
        let mut v: Vec<u64> = keys.into_iter().map(|k| u64::from(self.id(k))).collect();
        v.sort_unstable();
        v
    }
}

/// The evidence of both sides of a document, on shared id spaces.
#[derive(Clone)]
pub(crate) struct Features {
    /// English sentences.
    pub en: Vec<Feat>,
    /// Chinese sentences.
    pub zh: Vec<Feat>,
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
///
/// A piece between separators is all ASCII, so the text is split on its bytes (the bytes
/// of other characters are separators too, leaving only empty pieces between them) and
/// each piece judged on its bytes, dots skipped: a lower-case letter, which most pieces
/// (ordinary words) have at once, settles it before anything is counted; only a token
/// that qualifies is copied.
fn latin_upper(s: &str) -> Vec<String> {
    s.as_bytes()
        .split(|&b| !(b.is_ascii_alphanumeric() || b == b'.'))
        .filter(|w| {
            let kept = || w.iter().filter(|&&c| c != b'.');
            kept().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && kept().nth(1).is_some()
                && kept().any(|c| c.is_ascii_uppercase())
        })
        .map(|w| {
            w.iter()
                .filter(|&&c| c != b'.')
                .map(|&c| char::from(c))
                .collect()
        })
        .collect()
}

/// Characters of `s`, not counting white space. An ASCII sentence (most English ones) is
/// counted on its bytes: among ASCII characters, `char::is_whitespace` holds for tab, line
/// feed, vertical tab, form feed, carriage return and space.
fn char_len(s: &str) -> f64 {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(|b| !matches!(b, 0x09..=0x0D | b' '))
            .count() as f64;
    }
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

impl Features {
    /// The same evidence with the Chinese side in the order `order`, like
    /// [`Stream::reordered`].
    pub fn zh_reordered(&self, order: &[usize]) -> Features {
        Features {
            en: self.en.clone(),
            zh: order.iter().map(|&k| self.zh[k].clone()).collect(),
        }
    }

    /// Compute the evidence of both streams. The last sentence of a side that does not end
    /// where sentences end is marked truncated.
    pub fn new(en: &Stream, zh: &Stream) -> Features {
        let mut stems: Interner<u64> = Interner::default();
        let mut latin: Interner<String> = Interner::default();
        let mut term_ids: Interner<String> = Interner::default();
        let mut en_feats: Vec<Feat> = en
            .sentences
            .iter()
            .map(|s| Feat {
                len: char_len(&s.text),
                stems: dict::en_stems(&s.text)
                    .into_iter()
                    .map(|h| stems.id(h))
                    .collect(),
                numbers: number_keys(numbers::en_numbers(&s.text)),
                latin: latin.sorted(latin_upper(&s.text)),
                ending: Ending::of(&s.text, Lang::En),
                ..Feat::default()
            })
            .collect();
        let glosser = Glosser::new();
        let index = terms::TermIndex::new(terms::bundled());
        // Only looked up (the candidates keep the bundled list's order).
        let mut used_terms: IdSet<&str> = IdSet::default();
        let mut zh_feats: Vec<Feat> = zh
            .sentences
            .iter()
            .map(|s| {
                let mut f = Feat {
                    len: char_len(&s.text),
                    copied: s.text.chars().filter(char::is_ascii_alphanumeric).count() as f64,
                    numbers: number_keys(numbers::zh_numbers(&s.text)),
                    ending: Ending::of(&s.text, Lang::Zh),
                    ..Feat::default()
                };
                for (k, w) in glosser.glossed_entries(&s.text).enumerate() {
                    for id in w.stems().filter_map(|h| stems.get(&h)) {
                        f.stem_words.push((id, 1u128 << (k % 128)));
                    }
                    f.words += 1;
                }
                merge_stem_bits(&mut f.stem_words);
                f.stem_set = StemSet::of(f.stem_words.iter().map(|x| x.0));
                // Latin tokens only count when the English side has them too.
                f.latin = latin_upper(&s.text)
                    .iter()
                    .filter_map(|t| latin.get(t))
                    .map(u64::from)
                    .collect();
                f.latin.sort_unstable();
                f.terms = term_ids.sorted(index.find_in_zh(&s.text).into_iter().map(|t| {
                    used_terms.insert(t.zh.as_str());
                    t.zh.clone()
                }));
                f
            })
            .collect();
        // Official renderings of the terms the Chinese side uses are the strongest anchors.
        let candidates: Vec<&terms::Term> = terms::bundled()
            .iter()
            .filter(|t| used_terms.contains(t.zh.as_str()))
            .collect();
        if !candidates.is_empty() {
            let index = terms::MentionIndex::new(candidates);
            for (f, s) in en_feats.iter_mut().zip(&en.sentences) {
                let words = terms::EnWords::new(&s.text);
                f.terms = index
                    .mentioned(&words)
                    .into_iter()
                    .filter_map(|t| term_ids.get(&index.terms()[t].zh))
                    .map(u64::from)
                    .collect();
                f.terms.sort_unstable();
            }
        }
        for f in &mut en_feats {
            f.stem_positions = f
                .stems
                .iter()
                .enumerate()
                .map(|(k, &id)| (id, 1u64 << (k % 64)))
                .collect();
            merge_stem_bits(&mut f.stem_positions);
            f.stem_set = StemSet::of(f.stem_positions.iter().map(|x| x.0));
        }
        mark_truncated(en, &mut en_feats);
        mark_truncated(zh, &mut zh_feats);
        Features {
            en: en_feats,
            zh: zh_feats,
        }
    }
}

/// Sort a sentence's (stem, bits) entries by stem and merge the bits of repeated stems:
/// the form [`Feat::stem_words`] (Chinese words as bits) and the English side's
/// (stem, positions) entries are searched in.
fn merge_stem_bits<B: Copy + std::ops::BitOrAssign>(v: &mut Vec<(u32, B)>) {
    v.sort_unstable_by_key(|x| x.0);
    v.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 |= later.1;
        }
        same
    });
}

/// Joint occurrences a learned word pair needs (in distinct pairs of the first pass).
const LEARN_MIN_JOINT: u32 = 3;
/// Dice coefficient a learned word pair needs: the two occur mostly together.
const LEARN_MIN_DICE: f64 = 0.5;

/// Two 32-bit values as one key.
fn pack(hi: u32, lo: u32) -> u64 {
    (u64::from(hi) << 32) | u64::from(lo)
}

/// Han character bigrams of a Chinese sentence (of its Han characters read in a row, other
/// characters skipped), as interned ids in the order of first occurrence over the document,
/// sorted and unique.
fn zh_bigrams(text: &str, ids: &mut IdMap<u64, u32>) -> Vec<u32> {
    let mut v = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars().filter(|&c| crate::parse::is_han(c)) {
        if let Some(p) = prev {
            let next = ids.len() as u32;
            v.push(*ids.entry(pack(p as u32, c as u32)).or_insert(next));
        }
        prev = Some(c);
    }
    v.sort_unstable();
    v.dedup();
    v
}

impl Features {
    /// The evidence extended with the document's own lexicon, learned from the pairs of a
    /// first pass: an English word the dictionary never links to the Chinese side (a
    /// character's translated name, 韦小宝 → Trinket, 袭人 → Aroma; a transliteration; a
    /// recurring formula) that occurs in the same pairs as a Chinese character bigram, and
    /// rarely without it, is taken as a rendering of it. `None` when nothing is learned.
    ///
    /// Stem and bigram ids are dense, so their counts are plain arrays; only the joint
    /// counts are hashed. Which word pairs are learned depends on no iteration order: each
    /// English word takes its best bigram (ties: the lower id), and each sentence's learned
    /// words are sorted.
    pub fn with_learned_lexicon(&self, zh: &Stream, pairs: &[Bead]) -> Option<Features> {
        let stem_count = self
            .en
            .iter()
            .flat_map(|f| f.stems.iter().copied())
            .chain(
                self.zh
                    .iter()
                    .flat_map(|f| f.stem_words.iter().map(|x| x.0)),
            )
            .max()
            .map_or(0, |m| m as usize + 1);
        // English stems the dictionary already links to some Chinese word need no learning.
        let mut known = vec![false; stem_count];
        for f in &self.zh {
            for x in &f.stem_words {
                known[x.0 as usize] = true;
            }
        }
        let mut ids = IdMap::default();
        let bigrams: Vec<Vec<u32>> = zh
            .sentences
            .iter()
            .map(|s| zh_bigrams(&s.text, &mut ids))
            .collect();
        let mut n_en = vec![0u32; stem_count];
        let mut n_zh = vec![0u32; ids.len()];
        let (mut es, mut zs) = (Vec::new(), Vec::new());
        // The distinct unknown English stems and Chinese bigrams of a bead.
        let bead_items = |bead: &Bead, es: &mut Vec<u32>, zs: &mut Vec<u32>| {
            es.clear();
            es.extend(
                self.en[bead.i..bead.i + bead.a]
                    .iter()
                    .flat_map(|f| f.stems.iter().copied())
                    .filter(|&e| !known[e as usize]),
            );
            es.sort_unstable();
            es.dedup();
            zs.clear();
            zs.extend(bigrams[bead.j..bead.j + bead.b].iter().flatten().copied());
            zs.sort_unstable();
            zs.dedup();
        };
        let paired = || pairs.iter().filter(|b| b.is_pair());
        for bead in paired() {
            bead_items(bead, &mut es, &mut zs);
            for &e in &es {
                n_en[e as usize] += 1;
            }
            for &c in &zs {
                n_zh[c as usize] += 1;
            }
        }
        // Joint counts only for items frequent enough to qualify: memory stays bounded by
        // the pairs of recurring words, not by every word pair of every bead.
        let frequent = |n: &[u32], k: u32| n[k as usize] >= LEARN_MIN_JOINT;
        let mut joint: IdMap<u64, u32> = IdMap::default();
        for bead in paired() {
            bead_items(bead, &mut es, &mut zs);
            es.retain(|&e| frequent(&n_en, e));
            zs.retain(|&c| frequent(&n_zh, c));
            for &e in &es {
                for &c in &zs {
                    *joint.entry(pack(e, c)).or_default() += 1;
                }
            }
        }
        // For each English word, its best bigram (ties: the lower id, for determinism).
        let mut best: Vec<Option<(f64, u32)>> = vec![None; stem_count];
        for (&key, &j) in &joint {
            if j < LEARN_MIN_JOINT {
                continue;
            }
            let (e, c) = ((key >> 32) as u32, key as u32);
            let dice = 2.0 * f64::from(j) / f64::from(n_en[e as usize] + n_zh[c as usize]);
            if dice < LEARN_MIN_DICE {
                continue;
            }
            let entry = best[e as usize].get_or_insert((dice, c));
            if dice > entry.0 || (dice == entry.0 && c < entry.1) {
                *entry = (dice, c);
            }
        }
        let mut by_bigram: Vec<Vec<u32>> = vec![Vec::new(); n_zh.len()];
        let mut any = false;
        for (e, b) in best.iter().enumerate() {
            if let Some((_, c)) = b {
                by_bigram[*c as usize].push(e as u32);
                any = true;
            }
        }
        if !any {
            return None;
        }
        let mut out = self.clone();
        for (f, grams) in out.zh.iter_mut().zip(&bigrams) {
            let mut learned: Vec<u32> = grams
                .iter()
                .flat_map(|&c| &by_bigram[c as usize])
                .copied()
                .collect();
            if learned.is_empty() {
                continue;
            }
            learned.sort_unstable();
            learned.dedup();
            for e in learned {
                // Each learned word is one more Chinese "word" that an English stem glosses.
                f.stem_words.push((e, 1u128 << (f.words % 128)));
                f.words += 1;
            }
            merge_stem_bits(&mut f.stem_words);
            f.stem_set = StemSet::of(f.stem_words.iter().map(|x| x.0));
        }
        Some(out)
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

/// Reusable buffers for judging beads, so that no list is allocated per bead.
#[derive(Default)]
pub(crate) struct Scratch {
    a: Vec<u64>,
    b: Vec<u64>,
}

/// The most sentences of one side in a bead.
const MAX_SPAN: usize = 5;

/// Words a sentence needs before a lack of overlap says anything.
const ORPHAN_MIN_WORDS: usize = 5;
/// Overlap share below which such a sentence is an orphan (unrelated pairs average 0.08).
const ORPHAN_MAX_SHARE: f64 = 0.12;

/// A sentence of a multi-sentence bead that shares (almost) nothing with the other side:
/// it was absorbed by the bead rather than translated in it.
fn is_orphan(hits: usize, words: usize) -> bool {
    words >= ORPHAN_MIN_WORDS && (hits as f64) < ORPHAN_MAX_SHARE * words as f64
}

/// What the lexicon says about a bead, as the confidence reported with a pair reads it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lexical {
    /// Symmetric overlap in [0, 1] (see [`WordOverlap::sim`]).
    pub sim: f64,
    /// Matched numbers and Latin tokens.
    pub anchors_matched: usize,
    /// Numbers and Latin tokens without a counterpart.
    pub anchors_missed: usize,
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
fn gather<'s>(feats: &'s [Feat], field: fn(&Feat) -> &[u64], buf: &'s mut Vec<u64>) -> &'s [u64] {
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

/// For one list field (numbers, Latin tokens, terms): how many entries the bead's two
/// sides share (as multisets), and how many each side has.
fn shared(
    en: &[Feat],
    zh: &[Feat],
    field: fn(&Feat) -> &[u64],
    s: &mut Scratch,
) -> (usize, usize, usize) {
    let on_en: usize = en.iter().map(|f| field(f).len()).sum();
    let on_zh: usize = zh.iter().map(|f| field(f).len()).sum();
    if on_en == 0 || on_zh == 0 {
        return (0, on_en, on_zh);
    }
    let x = gather(en, field, &mut s.a);
    let y = gather(zh, field, &mut s.b);
    (common_sorted(x, y), on_en, on_zh)
}

/// What one English sentence and one Chinese sentence share: which of the English
/// sentence's stems (bit `k % 64` for its `k`-th stem) some Chinese word glosses, and which
/// Chinese words (bit `k % 128`) some English stem glosses. A bead's overlap is the union
/// of its sentence pairs' masks, so each sentence pair is looked up once per pass however
/// many beads contain it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PairMask {
    en: u64,
    zh: u128,
}

/// For each English and each Chinese sentence, the most words it can contribute to a bead's
/// word overlap ([`word_overlap`]'s hits) against any sentence of the other side: its words
/// with a stem id that occurs anywhere on the other side. A pair's mask only holds words
/// with a stem both sentences share, so no bead's hits exceed the sum of these over its
/// sentences; the search uses that sum to bound a bead's cost before its overlap is
/// worked out (see `score::Grid::cost_below`).
pub(crate) fn words_within_reach(f: &Features) -> (Vec<u32>, Vec<u32>) {
    let ids =
        f.en.iter()
            .flat_map(|e| e.stem_positions.iter().map(|&(id, _)| id))
            .chain(
                f.zh.iter()
                    .flat_map(|z| z.stem_words.iter().map(|&(id, _)| id)),
            )
            .max()
            .map_or(0, |m| m as usize + 1);
    let (mut in_en, mut in_zh) = (vec![false; ids], vec![false; ids]);
    for e in &f.en {
        for &(id, _) in &e.stem_positions {
            in_en[id as usize] = true;
        }
    }
    for z in &f.zh {
        for &(id, _) in &z.stem_words {
            in_zh[id as usize] = true;
        }
    }
    let en =
        f.en.iter()
            .map(|e| {
                let bits = e
                    .stem_positions
                    .iter()
                    .filter(|&&(id, _)| in_zh[id as usize])
                    .fold(0u64, |m, &(_, b)| m | b);
                (bits.count_ones() as usize).min(e.stems.len()) as u32
            })
            .collect();
    let zh =
        f.zh.iter()
            .map(|z| {
                let bits = z
                    .stem_words
                    .iter()
                    .filter(|&&(id, _)| in_en[id as usize])
                    .fold(0u128, |m, &(_, b)| m | b);
                (bits.count_ones() as usize).min(z.words) as u32
            })
            .collect();
    (en, zh)
}

/// The mask of English sentence `e` and Chinese sentence `z`.
pub(crate) fn pair_mask(f: &Features, e: usize, z: usize) -> PairMask {
    let (en, zh) = (&f.en[e], &f.zh[z]);
    let mut m = PairMask::default();
    if zh.stem_words.is_empty() || !en.stem_set.may_meet(&zh.stem_set) {
        return m;
    }
    // Each id is once in each list: the mask is the union over the shared ids, found by
    // looking each English stem the Chinese set may hold up in its sorted list.
    for &(id, en_bits) in &en.stem_positions {
        if !zh.stem_set.may_hold(id) {
            continue;
        }
        if let Ok(k) = zh.stem_words.binary_search_by_key(&id, |x| x.0) {
            m.en |= en_bits;
            m.zh |= zh.stem_words[k].1;
        }
    }
    m
}

/// Pair masks of the last few English sentences over a window of Chinese ones, filled
/// row by row by the dynamic program; a pair outside the window is computed on demand.
#[derive(Default)]
pub(crate) struct PairRows {
    /// Ring of rows: English sentence, first Chinese sentence, masks.
    rows: Vec<(usize, usize, Vec<PairMask>)>,
}

impl PairRows {
    /// Compute the masks of English sentence `e` against Chinese `cols`.
    pub fn fill(&mut self, f: &Features, e: usize, cols: std::ops::Range<usize>) {
        if self.rows.len() < MAX_SPAN + 1 {
            self.rows
                .resize_with(MAX_SPAN + 1, || (usize::MAX, 0, Vec::new()));
        }
        let slot = &mut self.rows[e % (MAX_SPAN + 1)];
        slot.0 = e;
        slot.1 = cols.start;
        slot.2.clear();
        slot.2.extend(cols.map(|z| pair_mask(f, e, z)));
    }

    /// The mask of `e` and `z`.
    pub fn get(&self, f: &Features, e: usize, z: usize) -> PairMask {
        if let Some((row_e, start, masks)) = self.rows.get(e % (MAX_SPAN + 1)) {
            if *row_e == e {
                if let Some(m) = z.checked_sub(*start).and_then(|k| masks.get(k)) {
                    return *m;
                }
            }
        }
        pair_mask(f, e, z)
    }
}

/// The word overlap of a bead: the first part of [`lexical`], and all that the agreement
/// measure ([`super::lexical_contrast`]) asks of a bead.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordOverlap {
    /// Words of the bead that found a counterpart on the other side.
    pub hits: usize,
    /// All words of the bead (English content words and glossed Chinese words).
    pub words: usize,
    /// Sentences of a multi-sentence bead without lexical support.
    pub orphans: usize,
}

impl WordOverlap {
    /// Symmetric overlap in [0, 1]: the share of the bead's words that found a counterpart.
    pub fn sim(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.hits as f64 / self.words as f64
        }
    }
}

/// The word overlap of the bead English `i..i+a`, Chinese `j..j+b` (both non-empty): the
/// English content words glossed by one of its Chinese words and the Chinese words glossed
/// by one of its English words, pooled over the whole bead (so a word matched by two
/// sentences counts once and merged beads gain no spurious overlap).
#[inline(always)] // into both compilations of the search (see `dp::search`)
pub(crate) fn word_overlap(f: &Features, pairs: &PairRows, bead: Bead) -> WordOverlap {
    let Bead { i, a, j, b } = bead;
    let zh = &f.zh[j..j + b];
    let several = a + b > 2;
    let (mut hits, mut total, mut orphans) = (0usize, 0usize, 0usize);
    // Words of each Chinese sentence glossed by some English stem of the bead.
    let mut matched = [0u128; MAX_SPAN];
    for (e, ef) in (i..i + a).zip(&f.en[i..i + a]) {
        let mut stems = 0u64;
        for (z, m) in (j..j + b).zip(matched.iter_mut()) {
            let pm = pairs.get(f, e, z);
            stems |= pm.en;
            *m |= pm.zh;
        }
        let n = ef.stems.len();
        let h = (stems.count_ones() as usize).min(n);
        hits += h;
        total += n;
        orphans += usize::from(several && is_orphan(h, n));
    }
    for (z, m) in zh.iter().zip(matched) {
        let words = z.words;
        let h = (m.count_ones() as usize).min(words);
        hits += h;
        total += words;
        orphans += usize::from(several && is_orphan(h, words));
    }
    WordOverlap {
        hits,
        words: total,
        orphans,
    }
}

/// What numbers, Latin tokens and terms say about a bead: the second part of [`lexical`],
/// which the search asks for only when the word overlap leaves the bead in the running.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Anchors {
    /// Matched numbers and Latin tokens.
    pub matched: usize,
    /// Numbers and Latin tokens without a counterpart.
    pub missed: usize,
    /// Bundled terms present in the Chinese and rendered in the English.
    pub terms: usize,
}

/// The numbers, Latin tokens and terms the two sides of the bead English `i..i+a`, Chinese
/// `j..j+b` (both non-empty) share and miss.
pub(crate) fn anchors(f: &Features, s: &mut Scratch, bead: Bead) -> Anchors {
    let Bead { i, a, j, b } = bead;
    let en = &f.en[i..i + a];
    let zh = &f.zh[j..j + b];
    let (num_common, en_num, zh_num) = shared(en, zh, |f| &f.numbers, s);
    // Latin tokens in English are common (names, acronyms); only those the Chinese side
    // also writes in Latin count, and missing ones only count on the Chinese side.
    let (lat_common, _, zh_lat) = shared(en, zh, |f| &f.latin, s);
    let (term_common, _, _) = shared(en, zh, |f| &f.terms, s);
    Anchors {
        matched: num_common + lat_common,
        missed: (en_num - num_common) + (zh_num - num_common) + (zh_lat - lat_common),
        terms: term_common,
    }
}

/// The lexical evidence of the bead English `i..i+a`, Chinese `j..j+b` (both non-empty)
/// that its confidence needs: its [`word_overlap`] and its [`anchors`].
pub(crate) fn lexical(f: &Features, s: &mut Scratch, pairs: &PairRows, bead: Bead) -> Lexical {
    let words = word_overlap(f, pairs, bead);
    let an = anchors(f, s, bead);
    Lexical {
        sim: words.sim(),
        anchors_matched: an.matched,
        anchors_missed: an.missed,
    }
}

#[cfg(test)]
mod tests {
    use super::{lexical, word_overlap, words_within_reach, Ending, Features, PairRows, Scratch};
    use crate::align::structure::Stream;
    use crate::align::Bead;
    use crate::model::Lang;
    use crate::parse::parse_presplit;

    /// The search bounds a bead's hits by the words within reach of the other side: no
    /// bead may have more hits than that sum, and a word no sentence of the other side can
    /// gloss (here "weather", "cloudy" and the Chinese 明天) is out of reach.
    #[test]
    fn no_bead_matches_more_words_than_are_within_reach() {
        let en = "China will build a community with a shared future.\n\
                  We oppose hegemonism and power politics.\n\
                  The weather was cloudy.";
        let zh = "中国将构建人类命运共同体。\n我们反对霸权主义和强权政治。\n明天下雨。";
        let es = Stream::new(&parse_presplit(en, Lang::En, false), true);
        let zs = Stream::new(&parse_presplit(zh, Lang::Zh, false), true);
        let feats = Features::new(&es, &zs);
        let (en_reach, zh_reach) = words_within_reach(&feats);
        let (n, m) = (feats.en.len(), feats.zh.len());
        let words = |a: &[u32]| a.iter().sum::<u32>();
        let all_en: usize = feats.en.iter().map(|f| f.stems.len()).sum();
        let all_zh: usize = feats.zh.iter().map(|f| f.words).sum();
        assert!(
            (words(&en_reach) as usize) < all_en && (words(&zh_reach) as usize) < all_zh,
            "some words are out of reach: {en_reach:?} of {all_en}, {zh_reach:?} of {all_zh}"
        );
        assert!(
            en_reach[0] > 0 && zh_reach[0] > 0,
            "translated words are in reach"
        );
        let pairs = PairRows::default();
        for (a, b) in [(1, 1), (2, 1), (1, 2), (2, 2), (3, 3)] {
            for i in 0..=n - a {
                for j in 0..=m - b {
                    let ov = word_overlap(&feats, &pairs, Bead { i, a, j, b });
                    let reach = words(&en_reach[i..i + a]) + words(&zh_reach[j..j + b]);
                    assert!(
                        ov.hits <= reach as usize,
                        "{i} {a} {j} {b}: {ov:?} > {reach}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_translated_name_is_learned_from_the_pairs() {
        let en = "Trinket ran home.\nTrinket ate the rice.\nTrinket slept well.\nThe sky was blue.";
        let zh = "韦小宝跑回家。\n韦小宝吃饭。\n韦小宝睡得很好。\n天是蓝的。";
        let es = Stream::new(&parse_presplit(en, Lang::En, false), true);
        let zs = Stream::new(&parse_presplit(zh, Lang::Zh, false), true);
        let feats = Features::new(&es, &zs);
        let beads = Bead::diagonal(4);
        let learned = feats
            .with_learned_lexicon(&zs, &beads)
            .expect("the name recurs in three pairs");
        let sim = |f: &Features, b: Bead| {
            lexical(f, &mut Scratch::default(), &PairRows::default(), b).sim
        };
        let first = Bead {
            i: 0,
            a: 1,
            j: 0,
            b: 1,
        };
        let unrelated = Bead {
            i: 0,
            a: 1,
            j: 3,
            b: 1,
        };
        assert!(sim(&learned, first) > sim(&feats, first));
        assert_eq!(sim(&learned, unrelated), sim(&feats, unrelated));
        // Nothing recurs, nothing is learned.
        assert!(feats.with_learned_lexicon(&zs, &beads[3..]).is_none());
    }

    #[test]
    fn quotations_close_in_both_languages_and_conventions() {
        assert!(Ending::of("'Go out and rob?'", Lang::En).closes_quote);
        assert!(Ending::of("“Yea, let there be daily renovation.”", Lang::En).closes_quote);
        assert!(Ending::of("正所谓“苟日新，日日新，又日新”。", Lang::Zh).closes_quote);
        assert!(Ending::of("刘老老便拉住一个道：“有个周大娘在家么？” ", Lang::Zh).closes_quote);
        // A plural possessive is not a quotation mark; a quotation inside is not an end.
        assert!(!Ending::of("He read the students'", Lang::En).closes_quote);
        assert!(!Ending::of("He said 'no' and left.", Lang::En).closes_quote);
        assert!(!Ending::of("他说：“我来。”然后走了。", Lang::Zh).closes_quote);
    }

    #[test]
    fn questions_inside_or_outside_the_quotation() {
        assert!(Ending::of("'Had enough?'", Lang::En).question);
        assert!(Ending::of("难道叫我打劫去不成？”", Lang::Zh).question);
        assert!(Ending::of("中方对此有何评论?", Lang::Zh).question);
        assert!(!Ending::of("We will not ask why.", Lang::En).question);
    }
}
