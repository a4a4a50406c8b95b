//! Alignment: two [`Transcript`]s → an [`AlignedDocument`] of sentence [`Pair`]s.
//!
//! Two dynamic programs, one inside the other:
//!
//! 1. **Units** (title, lead, headings, turns) are aligned by kind, speaker role (the main
//!    speaker who answers vs the journalists who ask), length and lexical evidence, with
//!    skips, so that an abridged or truncated edition still finds its counterparts.
//! 2. **Sentences** inside each unit pair are aligned over beads 1-1, 2-1, 1-2, 3-1, 1-3,
//!    2-2, 4-1, 5-1, 1-4, 1-0 and 0-1 (one Chinese sentence chained with semicolons often
//!    becomes several English ones). A bead's cost adds a prior for its shape, a length
//!    term (English runs about 3–4 characters per Chinese one; the ratio is estimated from
//!    the input, then re-estimated from confident beads), and lexical evidence: numbers,
//!    Latin-script words, CC-CEDICT glosses and the bundled term list, with a penalty for
//!    sentences a bead absorbs without any overlap. Sentences cut off by the end of a page
//!    count only their excess length. The prior of a sentence without counterpart follows
//!    the unit pair's length imbalance, so abridged text comes out unaligned rather than
//!    forced into pairs.
//!
//! Long units are aligned within a band around the proportional diagonal that widens only
//! when the best path touches its edge, and bead overlap is computed with bit sets over a
//! per-unit vocabulary, so the work grows near-linearly with the text. Every sentence ends
//! up in exactly one pair or in the unaligned list.

use crate::lexicon::dict::{self, GlossedWord, Glosser};
use crate::lexicon::{numbers, terms};
use crate::model::{
    AlignedDocument, Document, Lang, Pair, Sentence, Transcript, Unaligned, Unit, UnitKind,
};
use crate::segment;
use std::collections::{HashMap, HashSet};

/// Options for alignment.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// Each paragraph is already one sentence (hunalign/LF Aligner input): do not segment.
    pub presplit: bool,
}

/// Why a document cannot be aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlignError {
    /// The document has no text in this language.
    MissingSide(Lang),
}

/// A sentence with the evidence the aligner compares.
#[derive(Clone, Debug)]
struct Feat {
    /// Characters, not counting spaces (English adds one space per extra sentence).
    len: f64,
    /// English: content-word stems.
    stems: Vec<u64>,
    /// Chinese: words with their gloss stems.
    glossed: Vec<GlossedWord>,
    /// Normalized numbers (as bit patterns, for exact comparison).
    numbers: Vec<u64>,
    /// Upper-case Latin tokens (acronyms, names written in Latin inside Chinese).
    latin: Vec<String>,
    /// Chinese: bundled terms found in it (by their Chinese form). English: the terms of
    /// the document's Chinese side that it renders.
    terms: Vec<String>,
    /// The sentence is cut off by the end of its side (a truncated page): its length is only
    /// a lower bound.
    truncated: bool,
}

/// Segment every unit of a transcript into sentences.
pub fn sentences_of(unit: &Unit, lang: Lang, presplit: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in unit.paragraphs.iter().enumerate() {
        let parts = if presplit {
            vec![p.text.trim().to_string()]
        } else {
            segment::split(lang, &p.text)
        };
        for text in parts.into_iter().filter(|t| !t.is_empty()) {
            out.push(Sentence {
                text,
                paragraph: pi,
                line: p.line,
            });
        }
    }
    out
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

fn en_feat(s: &str) -> Feat {
    Feat {
        len: s.chars().filter(|c| !c.is_whitespace()).count() as f64,
        stems: dict::en_stems(s),
        glossed: Vec::new(),
        numbers: number_keys(numbers::en_numbers(s)),
        latin: latin_upper(s),
        terms: Vec::new(),
        truncated: false,
    }
}

fn zh_feat(s: &str, glosser: &mut Glosser) -> Feat {
    Feat {
        len: s.chars().filter(|c| !c.is_whitespace()).count() as f64,
        stems: Vec::new(),
        glossed: glosser.gloss(s),
        numbers: number_keys(numbers::zh_numbers(s)),
        latin: latin_upper(s),
        terms: {
            let mut t: Vec<String> = terms::find_in_zh(terms::bundled(), s)
                .into_iter()
                .map(|t| t.zh.clone())
                .collect();
            t.sort();
            t
        },
        truncated: false,
    }
}

/// Mark in every English sentence the bundled terms (among those the Chinese side uses)
/// whose English rendering it contains: official renderings are the strongest anchors.
fn mark_en_terms(en: &mut [UnitData], zh: &[UnitData]) {
    let used: HashSet<&str> = zh
        .iter()
        .flat_map(|u| u.feats.iter())
        .flat_map(|f| f.terms.iter().map(String::as_str))
        .collect();
    let candidates: Vec<&terms::Term> = terms::bundled()
        .iter()
        .filter(|t| used.contains(t.zh.as_str()))
        .collect();
    for u in en.iter_mut() {
        for (f, s) in u.feats.iter_mut().zip(&u.sentences) {
            f.terms = candidates
                .iter()
                .filter(|t| terms::en_mentions(t, &s.text))
                .map(|t| t.zh.clone())
                .collect();
            f.terms.sort();
        }
    }
}

/// Latin-script tokens of two or more letters written in capitals (APEC, BRICS, CNN, SCO),
/// with dots removed (U.N. → UN): they pass unchanged between the languages.
fn latin_upper(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map(|w| w.replace('.', ""))
        .filter(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_uppercase())
        })
        .collect();
    v.sort();
    v
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

/// Bead shapes (English count, Chinese count) with their prior probability: official
/// English often splits one long Chinese sentence in two or three.
/// One Chinese sentence chained with semicolons (一是……；二是……；三是……) may become four
/// or five English ones.
const BEADS: [(usize, usize, f64); 11] = [
    (1, 1, 0.70),
    (2, 1, 0.14),
    (1, 2, 0.04),
    (3, 1, 0.04),
    (1, 3, 0.01),
    (2, 2, 0.01),
    (4, 1, 0.006),
    (5, 1, 0.002),
    (1, 4, 0.002),
    (1, 0, SKIP_PRIOR_MIN),
    (0, 1, SKIP_PRIOR_MIN),
];

/// Prior of a 1-0 or 0-1 bead in a unit pair of balanced length: rare in official
/// translations.
const SKIP_PRIOR_MIN: f64 = 0.015;
/// Highest prior of a 1-0 or 0-1 bead, for heavily abridged unit pairs.
const SKIP_PRIOR_MAX: f64 = 0.5;

/// Prior of leaving a truncated sentence (cut off by the end of its side) unaligned: its
/// counterpart is often missing, so this is far cheaper than an ordinary 1-0 bead.
const TRUNCATED_SKIP: f64 = 0.2;

/// Tunable weights of the sentence cost.
struct Weights {
    /// Spread of the log length ratio for long beads.
    sigma2_base: f64,
    /// Extra spread for short beads (divided by Chinese length + 10).
    sigma2_short: f64,
    /// Weight of lexical overlap (per sentence in the bead).
    lex: f64,
    /// Overlap expected from unrelated sentences: below it, overlap costs.
    lex_floor: f64,
    /// Reward per matched number or Latin token, penalty per unmatched one.
    num_match: f64,
    num_miss: f64,
    /// Reward per bundled term found on both sides.
    term_match: f64,
    /// Penalty per sentence a bead absorbed without lexical support.
    orphan: f64,
}

const W: Weights = Weights {
    sigma2_base: 0.06,
    sigma2_short: 2.0,
    lex: 8.0,
    lex_floor: 0.27,
    num_match: 1.5,
    num_miss: 1.0,
    term_match: 0.75,
    orphan: 3.0,
};

/// Evidence for a candidate bead, shared by the cost and the confidence score.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    /// Log of the length ratio, relative to the expected ratio.
    log_ratio: f64,
    /// Variance allowed for `log_ratio` at this length.
    sigma2: f64,
    /// Symmetric lexical overlap in [0, 1].
    sim: f64,
    /// Matched numbers and Latin tokens.
    anchors_matched: usize,
    /// Numbers and Latin tokens without a counterpart.
    anchors_missed: usize,
    /// Bundled terms present in the Chinese and rendered in the English.
    terms_matched: usize,
    /// Sentences of a multi-sentence bead without lexical support.
    orphans: usize,
}

/// The lexical evidence of one unit pair, on a local vocabulary: every English stem of the
/// unit gets a small id, and each Chinese word keeps only the gloss stems that are in that
/// vocabulary (no other stem can ever match). Bead overlap then costs a few bit operations
/// instead of building hash sets, which keeps long units fast.
struct LocalLex {
    /// Length of every bit set, in 64-bit words.
    width: usize,
    /// Per English sentence: local ids of its stems (repeats kept, they count).
    en_ids: Vec<Vec<u32>>,
    /// Per English sentence: its stems as a bit set.
    en_bits: Vec<Vec<u64>>,
    /// Per Chinese sentence: the gloss stems of all its words, as a bit set.
    zh_bits: Vec<Vec<u64>>,
    /// Per Chinese sentence, per glossed word: its gloss stems in the local vocabulary.
    zh_words: Vec<Vec<Vec<u32>>>,
}

fn set_bit(bits: &mut [u64], id: u32) {
    bits[id as usize / 64] |= 1u64 << (id % 64);
}

fn has_bit(bits: &[u64], id: u32) -> bool {
    bits[id as usize / 64] & (1u64 << (id % 64)) != 0
}

impl LocalLex {
    fn new(en: &[Feat], zh: &[Feat]) -> Self {
        let mut vocab: HashMap<u64, u32> = HashMap::new();
        let en_ids: Vec<Vec<u32>> = en
            .iter()
            .map(|f| {
                f.stems
                    .iter()
                    .map(|s| {
                        let next = vocab.len() as u32;
                        *vocab.entry(*s).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let width = vocab.len().div_ceil(64).max(1);
        let en_bits = en_ids
            .iter()
            .map(|ids| {
                let mut b = vec![0u64; width];
                ids.iter().for_each(|&id| set_bit(&mut b, id));
                b
            })
            .collect();
        let zh_words: Vec<Vec<Vec<u32>>> = zh
            .iter()
            .map(|f| {
                f.glossed
                    .iter()
                    .map(|w| {
                        w.stems
                            .iter()
                            .filter_map(|s| vocab.get(s).copied())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let zh_bits = zh_words
            .iter()
            .map(|words: &Vec<Vec<u32>>| {
                let mut b = vec![0u64; width];
                words.iter().flatten().for_each(|&id| set_bit(&mut b, id));
                b
            })
            .collect();
        LocalLex {
            width,
            en_ids,
            en_bits,
            zh_bits,
            zh_words,
        }
    }

    /// Symmetric lexical overlap of the bead English `i..i+a`, Chinese `j..j+b`: the share of
    /// English content words glossed by one of its Chinese words, and of Chinese words
    /// glossed by one of its English words, pooled; and how many of its sentences are
    /// orphans. Computed over the whole bead (not summed per sentence pair), so that a word
    /// matched by two sentences counts once and merged beads gain no spurious overlap.
    fn similarity(&self, i: usize, a: usize, j: usize, b: usize) -> (f64, usize) {
        let mut zb = vec![0u64; self.width];
        for bits in &self.zh_bits[j..j + b] {
            zb.iter_mut().zip(bits).for_each(|(x, y)| *x |= y);
        }
        let mut eb = vec![0u64; self.width];
        for bits in &self.en_bits[i..i + a] {
            eb.iter_mut().zip(bits).for_each(|(x, y)| *x |= y);
        }
        let several = a + b > 2;
        let (mut hits, mut total, mut orphans) = (0usize, 0usize, 0usize);
        for ids in &self.en_ids[i..i + a] {
            let h = ids.iter().filter(|&&id| has_bit(&zb, id)).count();
            hits += h;
            total += ids.len();
            orphans += usize::from(several && is_orphan(h, ids.len()));
        }
        for words in &self.zh_words[j..j + b] {
            let h = words
                .iter()
                .filter(|w| w.iter().any(|&id| has_bit(&eb, id)))
                .count();
            hits += h;
            total += words.len();
            orphans += usize::from(several && is_orphan(h, words.len()));
        }
        if total == 0 {
            (0.0, 0)
        } else {
            (hits as f64 / total as f64, orphans)
        }
    }
}

/// A sentence of a multi-sentence bead that shares (almost) nothing with the other side:
/// it was absorbed by the bead rather than translated in it.
fn is_orphan(hits: usize, words: usize) -> bool {
    words >= ORPHAN_MIN_WORDS && (hits as f64) < ORPHAN_MAX_SHARE * words as f64
}

/// Words a sentence needs before a lack of overlap says anything.
const ORPHAN_MIN_WORDS: usize = 5;
/// Overlap share below which such a sentence is an orphan (unrelated pairs average 0.08).
const ORPHAN_MAX_SHARE: f64 = 0.12;

/// Sentence features of one unit pair.
struct Grid<'a> {
    en: &'a [Feat],
    zh: &'a [Feat],
    /// The pair's lexical index, built once and shared by both passes.
    lex: &'a LocalLex,
    ratio: f64,
    /// Prior of an English sentence without counterpart (1-0) in this unit pair.
    skip_en: f64,
    /// Prior of a Chinese sentence without counterpart (0-1) in this unit pair.
    skip_zh: f64,
}

impl<'a> Grid<'a> {
    /// The grid of one unit pair. The skip priors follow the pair's length imbalance: when
    /// one side is much longer than the ratio predicts (an abridged edition, a truncated
    /// page), about that share of its sentences has no counterpart.
    fn new(en: &'a [Feat], zh: &'a [Feat], lex: &'a LocalLex, ratio: f64, base_skip: f64) -> Self {
        let le: f64 = en.iter().map(|f| f.len).sum();
        let lz: f64 = zh.iter().map(|f| f.len).sum();
        let expected_en = ratio * lz;
        let excess_en = if le > 0.0 {
            ((le - expected_en) / le).max(0.0)
        } else {
            0.0
        };
        let excess_zh = if lz > 0.0 {
            ((expected_en - le) / expected_en.max(1.0)).max(0.0)
        } else {
            0.0
        };
        // Allow for the ordinary spread of the ratio (about 15%) before calling it abridgment.
        let prior = |excess: f64| (excess - 0.15).clamp(base_skip, SKIP_PRIOR_MAX);
        Grid {
            en,
            zh,
            lex,
            ratio,
            skip_en: prior(excess_en),
            skip_zh: prior(excess_zh),
        }
    }

    /// Evidence for the bead of English `i..i+a` and Chinese `j..j+b`.
    fn evidence(&self, i: usize, a: usize, j: usize, b: usize) -> Evidence {
        let en = &self.en[i..i + a];
        let zh = &self.zh[j..j + b];
        let le: f64 = en.iter().map(|f| f.len).sum::<f64>() + (a.saturating_sub(1)) as f64;
        let lz: f64 = zh.iter().map(|f| f.len).sum();
        let mut log_ratio = ((le + 8.0) / (self.ratio * lz + 8.0)).ln();
        // A truncated sentence may be as short as it likes (only its excess length counts),
        // but it is the beginning of one sentence of the other side, not of several.
        let en_cut = b == 1 && en.iter().any(|f| f.truncated);
        let zh_cut = a == 1 && zh.iter().any(|f| f.truncated);
        if (log_ratio < 0.0 && en_cut) || (log_ratio > 0.0 && zh_cut) {
            log_ratio = 0.0;
        }
        let sigma2 = W.sigma2_base + W.sigma2_short / (lz + 10.0);

        let (sim, orphans) = self.lex.similarity(i, a, j, b);

        let merge = |parts: &mut dyn Iterator<Item = &Vec<u64>>| -> Vec<u64> {
            let mut v: Vec<u64> = parts.flat_map(|x| x.iter().copied()).collect();
            v.sort_unstable();
            v
        };
        let en_num = merge(&mut en.iter().map(|f| &f.numbers));
        let zh_num = merge(&mut zh.iter().map(|f| &f.numbers));
        let mut en_lat: Vec<&String> = en.iter().flat_map(|f| f.latin.iter()).collect();
        let mut zh_lat: Vec<&String> = zh.iter().flat_map(|f| f.latin.iter()).collect();
        en_lat.sort();
        zh_lat.sort();
        let num_common = common_sorted(&en_num, &zh_num);
        // Latin tokens in English are common (names, acronyms); only those the Chinese
        // side also writes in Latin count, and missing ones only count on the Chinese side.
        let lat_common = common_sorted(&en_lat, &zh_lat);
        let mut en_terms: Vec<&String> = en.iter().flat_map(|f| f.terms.iter()).collect();
        let mut zh_terms: Vec<&String> = zh.iter().flat_map(|f| f.terms.iter()).collect();
        en_terms.sort();
        zh_terms.sort();
        let term_common = common_sorted(&en_terms, &zh_terms);
        let missed =
            (en_num.len() - num_common) + (zh_num.len() - num_common) + (zh_lat.len() - lat_common);
        Evidence {
            log_ratio,
            sigma2,
            sim,
            anchors_matched: num_common + lat_common,
            anchors_missed: missed,
            terms_matched: term_common,
            orphans,
        }
    }

    /// Cost of a bead (lower is better).
    fn cost(&self, i: usize, a: usize, j: usize, b: usize, prior: f64) -> f64 {
        if a == 0 || b == 0 {
            let cut = (a == 1 && self.en[i].truncated) || (b == 1 && self.zh[j].truncated);
            let skip = if a == 1 { self.skip_en } else { self.skip_zh };
            return -(if cut { TRUNCATED_SKIP } else { skip }).ln();
        }
        let p = -prior.ln();
        let ev = self.evidence(i, a, j, b);
        let len = ev.log_ratio * ev.log_ratio / (2.0 * ev.sigma2);
        let lex = -W.lex * (ev.sim - W.lex_floor) * (a + b) as f64 / 2.0;
        let anchors = -W.num_match * ev.anchors_matched as f64
            + W.num_miss * ev.anchors_missed as f64
            - W.term_match * ev.terms_matched as f64
            + W.orphan * ev.orphans as f64;
        p + len + lex + anchors
    }

    /// Confidence in [0, 1] that a bead is a correct translation pair.
    fn confidence(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let ev = self.evidence(i, a, j, b);
        let len_agree = (-ev.log_ratio * ev.log_ratio / (2.0 * ev.sigma2)).exp();
        let lex_agree = ((ev.sim - 0.05) / 0.30).clamp(0.0, 1.0);
        let anchors = ev.anchors_matched + ev.anchors_missed;
        let anchor_agree = if anchors == 0 {
            lex_agree
        } else {
            ev.anchors_matched as f64 / anchors as f64
        };
        let shape = match (a, b) {
            (1, 1) => 1.0,
            (2, 1) | (1, 2) => 0.95,
            _ => 0.85,
        };
        ((0.45 * lex_agree + 0.35 * len_agree + 0.20 * anchor_agree) * shape).clamp(0.0, 1.0)
    }
}

/// Units up to this many cells (e.g. 200 × 200 sentences) are aligned over the full matrix.
const FULL_DP_CELLS: usize = 40_000;
/// Initial half-width of the band for longer units; doubled while the best path touches
/// its edge, so the work stays linear in the unit's length when the texts run in parallel.
const BAND_WIDTH: usize = 64;

/// A diagonal band of a DP matrix: for row `i`, the columns within `width` of the diagonal.
struct Band {
    rows: usize,
    cols: usize,
    width: usize,
}

impl Band {
    /// Full matrix for units of ordinary size; for very long ones (monolingual files
    /// without speaker labels), a band of `width` columns either side of the proportional
    /// diagonal.
    fn new(rows: usize, cols: usize, width: usize) -> Self {
        let full = rows.max(cols) + 4;
        let width = if rows.saturating_mul(cols) <= FULL_DP_CELLS {
            full
        } else {
            width.min(full)
        };
        Band { rows, cols, width }
    }

    /// Does the band cover the whole matrix?
    fn is_full(&self) -> bool {
        self.width >= self.rows.max(self.cols) + 4
    }

    /// Does a path come within a few columns of the band's edge (so that a wider band
    /// might find a better one)?
    fn touches_edge(&self, beads: &[Bead]) -> bool {
        !self.is_full()
            && beads.iter().any(|bd| {
                let (lo, hi) = self.range(bd.i, 0);
                // Only edges where the band actually cuts the matrix count.
                (lo > 0 && bd.j < lo + 3) || (hi <= self.cols && bd.j + 3 >= hi)
            })
    }

    fn center(&self, i: usize) -> usize {
        (i * self.cols).checked_div(self.rows).unwrap_or(0)
    }

    /// Column range `[lo, hi)` of row `i`, widened by `extra`.
    fn range(&self, i: usize, extra: usize) -> (usize, usize) {
        let c = self.center(i);
        let w = self.width + extra;
        (c.saturating_sub(w), (c + w + 1).min(self.cols + 1))
    }
}

/// A bead chosen by the sentence DP: English `i..i+a`, Chinese `j..j+b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bead {
    i: usize,
    a: usize,
    j: usize,
    b: usize,
}

/// Sentence-level DP over one unit pair, within the band.
fn align_sentences(grid: &Grid, band: &Band) -> Vec<Bead> {
    let (n, m) = (grid.en.len(), grid.zh.len());
    // Row i holds columns lo[i]..lo[i] + cost[i].len(): (cost, index of the bead used).
    let mut lo: Vec<usize> = Vec::with_capacity(n + 1);
    let mut cost: Vec<Vec<(f64, u8)>> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (l, h) = band.range(i, 0);
        let h = h.min(m + 1).max(l);
        lo.push(l);
        cost.push(vec![(f64::INFINITY, u8::MAX); h - l]);
    }
    let get = |cost: &Vec<Vec<(f64, u8)>>, lo: &Vec<usize>, i: usize, j: usize| -> Option<f64> {
        let row = &cost[i];
        j.checked_sub(lo[i])
            .and_then(|k| row.get(k))
            .map(|c| c.0)
            .filter(|c| c.is_finite())
    };
    if let Some(c) = 0usize.checked_sub(lo[0]).and_then(|k| cost[0].get_mut(k)) {
        *c = (0.0, u8::MAX);
    }
    for i in 0..=n {
        for j in lo[i]..lo[i] + cost[i].len() {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::INFINITY, u8::MAX);
            for (k, &(a, b, prior)) in BEADS.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = get(&cost, &lo, i - a, j - b) else {
                    continue;
                };
                let c = prev + grid.cost(i - a, a, j - b, b, prior);
                if c < best.0 {
                    best = (c, k as u8);
                }
            }
            cost[i][j - lo[i]] = best;
        }
    }
    // Trace back from (n, m); the band always contains it.
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = j
            .checked_sub(lo[i])
            .and_then(|k| cost[i].get(k))
            .map_or(u8::MAX, |c| c.1);
        let Some(&(a, b, _)) = BEADS.get(k as usize) else {
            break;
        };
        beads.push(Bead {
            i: i - a,
            a,
            j: j - b,
            b,
        });
        i -= a;
        j -= b;
    }
    // Should the band ever lose the path, the remaining sentences are reported unaligned
    // rather than lost.
    for ii in (0..i).rev() {
        beads.push(Bead {
            i: ii,
            a: 1,
            j,
            b: 0,
        });
    }
    for jj in (0..j).rev() {
        beads.push(Bead {
            i: 0,
            a: 0,
            j: jj,
            b: 1,
        });
    }
    beads.reverse();
    beads
}

/// One unit's sentences and their features.
struct UnitData {
    sentences: Vec<Sentence>,
    feats: Vec<Feat>,
    /// The whole unit as one text, for unit alignment.
    total: Feat,
    /// English: the unit's stems; Chinese: all gloss stems of its words. Built once, so
    /// that comparing two units costs no allocation.
    stem_set: HashSet<u64>,
}

fn unit_data(t: &Transcript, opts: &AlignOptions, glosser: &mut Glosser) -> Vec<UnitData> {
    t.units
        .iter()
        .map(|u| {
            let sentences = sentences_of(u, t.lang, opts.presplit);
            let feats: Vec<Feat> = sentences
                .iter()
                .map(|s| match t.lang {
                    Lang::En => en_feat(&s.text),
                    Lang::Zh => zh_feat(&s.text, glosser),
                })
                .collect();
            let total = Feat {
                truncated: false,
                terms: Vec::new(),
                len: feats.iter().map(|f| f.len).sum(),
                stems: feats.iter().flat_map(|f| f.stems.iter().copied()).collect(),
                glossed: feats
                    .iter()
                    .flat_map(|f| f.glossed.iter().cloned())
                    .collect(),
                numbers: {
                    let mut v: Vec<u64> = feats
                        .iter()
                        .flat_map(|f| f.numbers.iter().copied())
                        .collect();
                    v.sort_unstable();
                    v
                },
                latin: {
                    let mut v: Vec<String> =
                        feats.iter().flat_map(|f| f.latin.iter().cloned()).collect();
                    v.sort();
                    v
                },
            };
            let stem_set = total
                .stems
                .iter()
                .copied()
                .chain(total.glossed.iter().flat_map(|w| w.stems.iter().copied()))
                .collect();
            UnitData {
                sentences,
                feats,
                total,
                stem_set,
            }
        })
        .collect()
}

/// Mark the last sentence of a side as truncated when it does not end where sentences end
/// (the page layout cut the text off).
fn mark_truncated(units: &mut [UnitData]) {
    if let Some(u) = units.iter_mut().rev().find(|u| !u.sentences.is_empty()) {
        let last = u.sentences.len() - 1;
        if !crate::parse::is_terminated(&u.sentences[last].text) {
            u.feats[last].truncated = true;
        }
    }
}

/// The speaker who holds most turns on a side (the minister answering questions).
fn principal(t: &Transcript) -> Option<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for u in &t.units {
        if let Some(s) = u.speaker.as_deref() {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [(s, n), ..] if *n >= 2 => Some(s),
        _ => None,
    }
}

/// Weight of lexical overlap in the unit cost.
const UNIT_LEX_WEIGHT: f64 = 30.0;
/// Unit overlap below which a match costs more than it gains.
const UNIT_LEX_FLOOR: f64 = 0.25;

/// Cost of pairing an English unit with a Chinese unit.
fn unit_match_cost(
    eu: &Unit,
    zu: &Unit,
    ed: &UnitData,
    zd: &UnitData,
    ratio: f64,
    roles: (Option<&str>, Option<&str>),
) -> f64 {
    use UnitKind::*;
    let kind = match (eu.kind, zu.kind) {
        (a, b) if a == b => 0.0,
        (Title, Heading) | (Heading, Title) => 2.0,
        (Heading, Turn) | (Turn, Heading) => 6.0,
        (Lead, Turn) | (Turn, Lead) => 6.0,
        _ => 12.0,
    };
    let role = match roles {
        (Some(pe), Some(pz)) if eu.kind == Turn && zu.kind == Turn => {
            let e_is = eu.speaker.as_deref() == Some(pe);
            let z_is = zu.speaker.as_deref() == Some(pz);
            if e_is == z_is {
                0.0
            } else {
                8.0
            }
        }
        _ => 0.0,
    };
    let le = ed.total.len;
    let lz = zd.total.len;
    let d = ((le + 20.0) / (ratio * lz + 20.0)).ln();
    let len = (d * d / (2.0 * 0.3 * 0.3)).min(12.0);
    let a = ed
        .total
        .stems
        .iter()
        .filter(|s| zd.stem_set.contains(s))
        .count();
    let b = zd
        .total
        .glossed
        .iter()
        .filter(|w| w.stems.iter().any(|s| ed.stem_set.contains(s)))
        .count();
    let tot = ed.total.stems.len() + zd.total.glossed.len();
    let sim = if tot == 0 {
        0.0
    } else {
        (a + b) as f64 / tot as f64
    };
    // Unrelated units overlap about 0.1, translations 0.4 and more (less when one side is
    // abridged): this term decides, so that a wrong match costs more than two skips.
    let lex = -UNIT_LEX_WEIGHT * (sim - UNIT_LEX_FLOOR);
    let nums = common_sorted(&ed.total.numbers, &zd.total.numbers) as f64;
    kind + role + len + lex - nums.min(5.0)
}

/// Cost of leaving a unit without a counterpart: cheap for headings (they belong to one
/// edition), dearer for text that normally has a translation.
fn unit_skip_cost(u: &Unit) -> f64 {
    match u.kind {
        UnitKind::Heading => 0.5,
        UnitKind::Title | UnitKind::Lead => 3.0,
        UnitKind::Turn => 3.0,
    }
}

/// Unit-level DP: pairs of unit indices (English, Chinese) in order.
fn align_units(
    en: &Transcript,
    zh: &Transcript,
    ed: &[UnitData],
    zd: &[UnitData],
    ratio: f64,
) -> Vec<(usize, usize)> {
    let (n, m) = (en.units.len(), zh.units.len());
    let roles = (principal(en), principal(zh));
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    cost[0][0] = 0.0;
    // Documents with very many units: only cells near the proportional diagonal (wide
    // enough for one side's extra units) are computed.
    let band = Band::new(n, m, n.abs_diff(m) + BAND_WIDTH);
    for i in 0..=n {
        let (lo, hi) = band.range(i, 1);
        for j in lo..hi.min(m + 1) {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::INFINITY, 0u8);
            if i > 0 && j > 0 && cost[i - 1][j - 1].is_finite() {
                let c = cost[i - 1][j - 1]
                    + unit_match_cost(
                        &en.units[i - 1],
                        &zh.units[j - 1],
                        &ed[i - 1],
                        &zd[j - 1],
                        ratio,
                        roles,
                    );
                if c < best.0 {
                    best = (c, 1);
                }
            }
            if i > 0 {
                let c = cost[i - 1][j] + unit_skip_cost(&en.units[i - 1]);
                if c < best.0 {
                    best = (c, 2);
                }
            }
            if j > 0 {
                let c = cost[i][j - 1] + unit_skip_cost(&zh.units[j - 1]);
                if c < best.0 {
                    best = (c, 3);
                }
            }
            cost[i][j] = best.0;
            back[i][j] = best.1;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                pairs.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
    pairs.reverse();
    pairs
}

/// Characters of English per character of Chinese, estimated from the input: the median
/// of the ratio over unit pairs that share their position and kind, falling back to the
/// whole-document ratio, kept within plausible bounds.
fn estimate_ratio(ed: &[UnitData], zd: &[UnitData], pairs: Option<&[(usize, usize)]>) -> f64 {
    let mut ratios: Vec<f64> = match pairs {
        Some(p) => p
            .iter()
            .filter(|&&(i, j)| ed[i].total.len > 20.0 && zd[j].total.len > 10.0)
            .map(|&(i, j)| ed[i].total.len / zd[j].total.len)
            .collect(),
        None => Vec::new(),
    };
    let value = if ratios.len() >= 3 {
        ratios.sort_by(f64::total_cmp);
        ratios[ratios.len() / 2]
    } else {
        let le: f64 = ed.iter().map(|u| u.total.len).sum();
        let lz: f64 = zd.iter().map(|u| u.total.len).sum();
        if lz > 0.0 {
            le / lz
        } else {
            3.4
        }
    };
    value.clamp(1.5, 6.0)
}

/// Align one document. Both sides must be present.
pub fn align_document(doc: &Document, opts: &AlignOptions) -> Result<AlignedDocument, AlignError> {
    let en = doc.en.as_ref().ok_or(AlignError::MissingSide(Lang::En))?;
    let zh = doc.zh.as_ref().ok_or(AlignError::MissingSide(Lang::Zh))?;
    let mut glosser = Glosser::new();
    let mut ed = unit_data(en, opts, &mut glosser);
    let mut zd = unit_data(zh, opts, &mut glosser);
    mark_truncated(&mut ed);
    mark_truncated(&mut zd);
    mark_en_terms(&mut ed, &zd);

    let first_ratio = estimate_ratio(&ed, &zd, None);
    let unit_pairs0 = align_units(en, zh, &ed, &zd, first_ratio);
    let ratio = estimate_ratio(&ed, &zd, Some(&unit_pairs0));
    let unit_pairs = align_units(en, zh, &ed, &zd, ratio);

    // First pass with the unit-level ratio; then re-estimate the ratio from confident 1-1
    // beads (robust to abridged units) and align again.
    // The lexical index of a unit pair depends on neither the ratio nor the skip prior:
    // build it once for both passes.
    let lexes: Vec<LocalLex> = unit_pairs
        .iter()
        .map(|&(ui, uj)| LocalLex::new(&ed[ui].feats, &zd[uj].feats))
        .collect();
    let first = align_unit_pairs(&unit_pairs, &lexes, &ed, &zd, ratio, SKIP_PRIOR_MIN);
    let ratio = bead_ratio(&first, &ed, &zd).unwrap_or(ratio);
    let events = align_unit_pairs(&unit_pairs, &lexes, &ed, &zd, ratio, base_skip(&first));

    let mut pairs = Vec::new();
    let mut unaligned = Vec::new();
    let mut matched_en = vec![false; en.units.len()];
    let mut matched_zh = vec![false; zh.units.len()];
    for &(ui, uj) in &unit_pairs {
        matched_en[ui] = true;
        matched_zh[uj] = true;
    }
    for ev in &events {
        let (eu, zu) = (&en.units[ev.ui], &zh.units[ev.uj]);
        let es = &ed[ev.ui].sentences[ev.bead.i..ev.bead.i + ev.bead.a];
        let zs = &zd[ev.uj].sentences[ev.bead.j..ev.bead.j + ev.bead.b];
        if es.is_empty() || zs.is_empty() {
            for s in es {
                unaligned.push(unaligned_of(doc, Lang::En, ev.ui, eu, s));
            }
            for s in zs {
                unaligned.push(unaligned_of(doc, Lang::Zh, ev.uj, zu, s));
            }
            continue;
        }
        pairs.push(Pair {
            id: format!("{}-{:04}", doc.id, pairs.len() + 1),
            doc: doc.id.clone(),
            date: doc.date.clone(),
            unit: ev.ui,
            kind: eu.kind,
            speaker_en: eu.speaker.clone(),
            speaker_zh: zu.speaker.clone(),
            en: es.iter().map(|s| s.text.clone()).collect(),
            zh: zs.iter().map(|s| s.text.clone()).collect(),
            lines: (es[0].line, zs[0].line),
            score: (ev.score * 1000.0).round() / 1000.0,
        });
    }
    for (ui, u) in en.units.iter().enumerate().filter(|(i, _)| !matched_en[*i]) {
        for s in &ed[ui].sentences {
            unaligned.push(unaligned_of(doc, Lang::En, ui, u, s));
        }
    }
    for (uj, u) in zh.units.iter().enumerate().filter(|(j, _)| !matched_zh[*j]) {
        for s in &zd[uj].sentences {
            unaligned.push(unaligned_of(doc, Lang::Zh, uj, u, s));
        }
    }
    unaligned.sort_by(|a, b| {
        a.lang
            .cmp(&b.lang)
            .then(a.unit.cmp(&b.unit))
            .then(a.line.cmp(&b.line))
    });
    Ok(AlignedDocument {
        id: doc.id.clone(),
        source: doc.source.clone(),
        date: doc.date.clone(),
        pairs,
        unaligned,
    })
}

/// Sentence alignment of every unit pair, in order.
fn align_unit_pairs(
    unit_pairs: &[(usize, usize)],
    lexes: &[LocalLex],
    ed: &[UnitData],
    zd: &[UnitData],
    ratio: f64,
    base_skip: f64,
) -> Vec<Event> {
    let mut events = Vec::new();
    for (&(ui, uj), lex) in unit_pairs.iter().zip(lexes) {
        let (e, z) = (&ed[ui], &zd[uj]);
        let grid = Grid::new(&e.feats, &z.feats, lex, ratio, base_skip);
        let mut width = BAND_WIDTH;
        let mut beads;
        loop {
            let band = Band::new(e.feats.len(), z.feats.len(), width);
            beads = align_sentences(&grid, &band);
            if !band.touches_edge(&beads) {
                break;
            }
            width *= 2;
        }
        for bead in beads {
            let score = if bead.a > 0 && bead.b > 0 {
                grid.confidence(bead.i, bead.a, bead.j, bead.b)
            } else {
                0.0
            };
            events.push(Event {
                ui,
                uj,
                bead,
                score,
            });
        }
    }
    events
}

/// Baseline prior of a sentence without counterpart, from the first pass: a faithful
/// translation gives nearly only confident beads; an abridged or loosely related edition
/// gives many weak ones, and one-sided sentences are then to be expected everywhere.
fn base_skip(events: &[Event]) -> f64 {
    let paired: Vec<&Event> = events
        .iter()
        .filter(|e| e.bead.a > 0 && e.bead.b > 0)
        .collect();
    if paired.is_empty() {
        return SKIP_PRIOR_MIN;
    }
    let weak = paired.iter().filter(|e| e.score < 0.5).count() as f64 / paired.len() as f64;
    weak.clamp(SKIP_PRIOR_MIN, 0.3)
}

/// The length ratio measured on confident 1-1 beads (their median), when there are enough.
fn bead_ratio(events: &[Event], ed: &[UnitData], zd: &[UnitData]) -> Option<f64> {
    let mut r: Vec<f64> = events
        .iter()
        .filter(|e| e.bead.a == 1 && e.bead.b == 1 && e.score >= 0.8)
        .map(|e| (ed[e.ui].feats[e.bead.i].len, zd[e.uj].feats[e.bead.j].len))
        .filter(|&(le, lz)| le > 20.0 && lz > 5.0 && !le.is_nan())
        .map(|(le, lz)| le / lz)
        .collect();
    if r.len() < 5 {
        return None;
    }
    r.sort_by(f64::total_cmp);
    Some(r[r.len() / 2].clamp(1.5, 6.0))
}

/// A bead placed in its unit pair.
struct Event {
    ui: usize,
    uj: usize,
    bead: Bead,
    score: f64,
}

fn unaligned_of(doc: &Document, lang: Lang, unit: usize, u: &Unit, s: &Sentence) -> Unaligned {
    Unaligned {
        doc: doc.id.clone(),
        lang,
        unit,
        kind: u.kind,
        speaker: u.speaker.clone(),
        text: s.text.clone(),
        line: s.line,
    }
}

/// Every sentence of one side of a document, in order: what alignment must account for.
pub fn all_sentences(t: &Transcript, opts: &AlignOptions) -> Vec<String> {
    t.units
        .iter()
        .flat_map(|u| sentences_of(u, t.lang, opts.presplit))
        .map(|s| s.text)
        .collect()
}
