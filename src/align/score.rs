//! The cost of a bead (what the dynamic program minimises) and the confidence reported
//! with each pair, both from the same evidence: bead shape, length ratio, lexical overlap,
//! numbers, Latin tokens and terms, and the structure around the bead.

use super::evidence::{self, Feat, Features, PairRows, Scratch};
use super::structure::{self, Stream};
use super::{dp, Bead};
use crate::model::UnitKind;

/// Tunable weights of the sentence cost.
struct Weights {
    /// Spread of the log length ratio for long beads.
    sigma2_base: f64,
    /// Extra spread for short beads (divided by Chinese length + 10).
    sigma2_short: f64,
    /// Weight of lexical overlap, per average one-to-one bead's worth of words.
    lex: f64,
    /// Overlap expected from unrelated sentences: below it, overlap costs.
    lex_floor: f64,
    /// Reward per matched number or Latin token, penalty per unmatched one.
    num_match: f64,
    num_miss: f64,
    /// Reward per bundled term found on both sides.
    term_match: f64,
    /// Penalty per sentence a bead absorbed without lexical support, in a text that is
    /// not complete (see [`Grid::orphan_cost`]).
    orphan: f64,
    /// Bonus when both sides of a bead end a quotation (in dialogue, the strongest sign of
    /// where a bead ends)...
    quote: f64,
    /// ...and the penalty when only one does: small, because a saying quoted in one
    /// language is often plain text in the other.
    quote_mismatch: f64,
    /// Penalty when only one side of a bead ends with a question.
    question: f64,
}

const W: Weights = Weights {
    sigma2_base: 0.06,
    sigma2_short: 2.0,
    lex: 12.0,
    lex_floor: 0.27,
    num_match: 1.5,
    num_miss: 1.0,
    term_match: 0.75,
    orphan: 3.0,
    quote: 2.5,
    quote_mismatch: 0.2,
    question: 0.7,
};

/// How far [`Priors::adapted`] moves a prior towards the share a first pass measured: that
/// share comes from a path found with the general priors and a coarser search, so it is
/// evidence, not the truth.
const ADAPT_WEIGHT: f64 = 0.3;
/// Highest share of one bead shape taken from a first pass.
const ADAPTED_SHARE_MAX: f64 = 0.3;

/// Prior of a 1-0 or 0-1 bead in a document of balanced length: rare in official
/// translations.
pub(crate) const SKIP_PRIOR_MIN: f64 = 0.015;
/// Highest prior of a 1-0 or 0-1 bead, for heavily abridged documents.
const SKIP_PRIOR_MAX: f64 = 0.5;
/// Prior of leaving a heading or title sentence unaligned: headings often belong to one
/// edition only (a section number, a newspaper's subtitle).
const HEADING_SKIP: f64 = 0.2;
/// Prior of leaving a truncated sentence (cut off by the end of its side) unaligned: its
/// counterpart is often missing, so this is far cheaper than an ordinary 1-0 bead.
const TRUNCATED_SKIP: f64 = 0.2;

/// Everything the cost of a bead depends on, for one document and one pass.
pub(crate) struct Grid<'a> {
    pub en: &'a Stream,
    pub zh: &'a Stream,
    pub feats: &'a Features,
    /// Characters of English per character of Chinese.
    pub ratio: f64,
    /// Prior of an English sentence without counterpart (1-0).
    skip_en: f64,
    /// Prior of a Chinese sentence without counterpart (0-1).
    skip_zh: f64,
    /// Cost (negative log prior) of each bead shape of [`dp::SHAPES`].
    shape_cost: [f64; SHAPE_COUNT],
    /// Words (English content words and glossed Chinese words) of an average one-to-one
    /// bead of the document: the unit in which lexical evidence is counted.
    words_per_bead: f64,
    /// Running totals of each side's per-sentence evidence (see [`Totals`]).
    en_tot: Vec<Totals>,
    zh_tot: Vec<Totals>,
    /// Cost of leaving each English (Chinese) sentence without counterpart: the search asks
    /// for it once per cell, so it is worked out once per sentence.
    skip_en_cost: Vec<f64>,
    skip_zh_cost: Vec<f64>,
    /// The two sides are of complete-text length and the first pass found them a
    /// translation: see [`Grid::unmatched_words_cost`].
    complete: bool,
}

/// Running totals of one side's per-sentence evidence: entry `k` sums sentences `0..k`, so
/// that a bead's totals are two lookups instead of a pass over its sentences' [`Feat`]s.
/// Lengths are whole numbers of characters, so the differences of the running sums are
/// exactly the sums the per-sentence loop gave.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    /// Characters, not counting spaces.
    len: f64,
    /// Of those, characters a translation copies (see [`super::evidence::Feat::copied`]).
    copied: f64,
    /// Words the lexical evidence counts (English content words, glossed Chinese words).
    words: u32,
    /// Of those, the words within reach of the other side (see
    /// [`evidence::words_within_reach`]): at most this many can find a counterpart.
    reach: u32,
    /// Numbers, Latin tokens, terms.
    numbers: u32,
    latin: u32,
    terms: u32,
}

impl Totals {
    /// The running totals of `feats`, `words` saying how many words a sentence counts and
    /// `reach` how many of them are within reach of the other side.
    fn running(feats: &[Feat], words: fn(&Feat) -> usize, reach: &[u32]) -> Vec<Totals> {
        let mut acc = Totals::default();
        let mut out = Vec::with_capacity(feats.len() + 1);
        out.push(acc);
        for (f, &r) in feats.iter().zip(reach) {
            acc.len += f.len;
            acc.copied += f.copied;
            acc.words += words(f) as u32;
            acc.reach += r;
            acc.numbers += f.numbers.len() as u32;
            acc.latin += f.latin.len() as u32;
            acc.terms += f.terms.len() as u32;
            out.push(acc);
        }
        out
    }

    /// The totals of sentences `from..to`.
    fn range(tot: &[Totals], from: usize, to: usize) -> Totals {
        let (x, y) = (tot[from], tot[to]);
        Totals {
            len: y.len - x.len,
            copied: y.copied - x.copied,
            words: y.words - x.words,
            reach: y.reach - x.reach,
            numbers: y.numbers - x.numbers,
            latin: y.latin - x.latin,
            terms: y.terms - x.terms,
        }
    }
}

/// The lowest [`Grid::ending_cost`]: both sides close a quotation and agree on questions.
const ENDING_FLOOR: f64 = -W.quote;
/// The lowest [`structure::anchor_cost`]: both sides open a unit, and nothing costs.
const STRUCTURE_FLOOR: f64 = -structure::ANCHOR.unit_both;

const SHAPE_COUNT: usize = dp::SHAPES.len();

/// Prior probabilities of the bead shapes of [`dp::SHAPES`] (the last two, 1-0 and 0-1,
/// are unused: one-sided sentences have their own priors).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Priors(pub [f64; SHAPE_COUNT]);

impl Priors {
    /// Priors from the sentence counts. Translations split long sentences more often than
    /// they join short ones, so the side with more sentences is the one whose sentences
    /// several-to-one beads gather: official English splitting long Chinese sentences
    /// (2-1 likely), or a Chinese translation splitting English ones (1-2 likely). A 2-2
    /// bead is rare (0.2-0.3% of the beads of the bench's speeches and academic texts, 2% of
    /// its literary ones): a cheaper prior let two good 1-1 beads merge into one.
    pub fn from_counts(n_en: usize, n_zh: usize) -> Priors {
        let split = [0.14, 0.04, 0.006, 0.002];
        let join = [0.04, 0.01, 0.002, 0.001];
        let (e, z) = if n_zh as f64 > 1.1 * n_en as f64 {
            (join, split)
        } else {
            (split, join)
        };
        Priors([
            0.70, e[0], z[0], e[1], z[1], 0.004, e[2], e[3], z[2], 0.0, 0.0,
        ])
    }

    /// The priors moved towards the shape frequencies of a first pass, for the 2-1 and 1-2
    /// beads only and only upwards: a text that splits (or joins) sentences more often
    /// than the general prior expects (scripture's verses, which the Chinese cuts into two
    /// sentences one time in five) then prefers two 1-2 beads to a 1-1 and a 1-3, which is
    /// what such a text is made of. The first pass's other shapes are too few or absent
    /// (it tries only the common ones on long texts) to be measured.
    pub fn adapted(&self, first_pass: &[Bead]) -> Priors {
        let pairs = first_pass.iter().filter(|b| b.is_pair()).count();
        let mut out = *self;
        if pairs == 0 {
            return out;
        }
        for (k, shape) in [(1, (2, 1)), (2, (1, 2))] {
            let seen = first_pass.iter().filter(|b| (b.a, b.b) == shape).count();
            let share = (seen as f64 / pairs as f64).min(ADAPTED_SHARE_MAX);
            if share > out.0[k] {
                out.0[k] += ADAPT_WEIGHT * (share - out.0[k]);
            }
        }
        out
    }
}

impl<'a> Grid<'a> {
    /// The grid of a document. The skip priors follow the length imbalance: when one side
    /// is much longer than the ratio predicts (an abridged edition, a truncated page), about
    /// that share of its sentences has no counterpart.
    pub fn new(
        en: &'a Stream,
        zh: &'a Stream,
        feats: &'a Features,
        ratio: f64,
        base_skip: f64,
        priors: &Priors,
        complete: bool,
    ) -> Self {
        let le: f64 = feats.en.iter().map(|f| f.len).sum();
        let copied: f64 = feats.zh.iter().map(|f| f.copied).sum();
        let lz: f64 = feats.zh.iter().map(|f| f.len).sum::<f64>() - copied;
        let expected_en = ratio * lz + copied;
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
        let mean = |n: usize, total: usize| if n == 0 { 0.0 } else { total as f64 / n as f64 };
        let words_per_bead = mean(feats.en.len(), feats.en.iter().map(|f| f.stems.len()).sum())
            + mean(feats.zh.len(), feats.zh.iter().map(|f| f.words).sum());
        let (en_reach, zh_reach) = evidence::words_within_reach(feats);
        let mut grid = Grid {
            words_per_bead: words_per_bead.max(1.0),
            en,
            zh,
            feats,
            ratio,
            skip_en: prior(excess_en),
            skip_zh: prior(excess_zh),
            shape_cost: priors.0.map(|p| -p.max(1e-9).ln()),
            en_tot: Totals::running(&feats.en, |f| f.stems.len(), &en_reach),
            zh_tot: Totals::running(&feats.zh, |f| f.words, &zh_reach),
            skip_en_cost: Vec::new(),
            skip_zh_cost: Vec::new(),
            complete,
        };
        grid.skip_en_cost = (0..feats.en.len())
            .map(|k| grid.one_sided_cost(true, k))
            .collect();
        grid.skip_zh_cost = (0..feats.zh.len())
            .map(|k| grid.one_sided_cost(false, k))
            .collect();
        grid
    }

    /// Log of the bead's length ratio relative to the expected one, and the variance
    /// allowed for it at this length.
    fn length(&self, bead: Bead) -> (f64, f64) {
        let Bead { i, a, j, b } = bead;
        let (e, z) = (
            Totals::range(&self.en_tot, i, i + a),
            Totals::range(&self.zh_tot, j, j + b),
        );
        self.length_of(bead, &e, &z)
    }

    /// [`Grid::length`] of a bead whose totals `e` and `zt` the caller has already.
    fn length_of(&self, bead: Bead, e: &Totals, zt: &Totals) -> (f64, f64) {
        let Bead { i, a, j, b } = bead;
        let en = &self.feats.en[i..i + a];
        let zh = &self.feats.zh[j..j + b];
        let le = e.len + (a.saturating_sub(1)) as f64;
        // Chinese text scaled by the ratio, plus what the translation copies as it is.
        let lz = zt.len - zt.copied + zt.copied / self.ratio;
        let mut log_ratio = ((le + 8.0) / (self.ratio * lz + 8.0)).ln();
        // A truncated sentence may be as short as it likes (only its excess length counts),
        // but it is the beginning of one sentence of the other side, not of several.
        let en_cut = b == 1 && en.iter().any(|f| f.truncated);
        let zh_cut = a == 1 && zh.iter().any(|f| f.truncated);
        if (log_ratio < 0.0 && en_cut) || (log_ratio > 0.0 && zh_cut) {
            log_ratio = 0.0;
        }
        (log_ratio, W.sigma2_base + W.sigma2_short / (lz + 10.0))
    }

    /// Cost of leaving English sentence `i` (or Chinese `j`) without counterpart.
    pub fn skip_cost(&self, en_side: bool, k: usize) -> f64 {
        if en_side {
            self.skip_en_cost[k]
        } else {
            self.skip_zh_cost[k]
        }
    }

    /// [`Grid::skip_cost`] worked out.
    fn one_sided_cost(&self, en_side: bool, k: usize) -> f64 {
        let (stream, feats, skip) = if en_side {
            (self.en, &self.feats.en, self.skip_en)
        } else {
            (self.zh, &self.feats.zh, self.skip_zh)
        };
        // Sentences that often have no counterpart (a truncated one, a heading) have their
        // own priors and leave without the cost of their unmatched words.
        if feats[k].truncated {
            return -TRUNCATED_SKIP.ln();
        }
        if matches!(stream.kind[k], UnitKind::Heading | UnitKind::Title) {
            return -skip.max(HEADING_SKIP).ln();
        }
        let words = if en_side {
            feats[k].stems.len()
        } else {
            feats[k].words
        };
        -skip.ln() + self.unmatched_words_cost(words)
    }

    /// What `orphans` sentences a bead absorbed without lexical support cost. Only in a
    /// text that is not complete (an abridged edition, two texts that may not be
    /// translations of each other): there such a sentence most likely has no counterpart,
    /// and pairing it would chain unrelated sentences into runs of pairs. In a complete
    /// text the unmatched-words cost of a skip already settles where it goes.
    fn orphan_cost(&self, orphans: usize) -> f64 {
        if self.complete {
            0.0
        } else {
            W.orphan * orphans as f64
        }
    }

    /// What `words` words without any counterpart cost in a bead (see [`Grid::cost_below`]'s
    /// lexical term). In a complete translation a sentence leaving the alignment pays it
    /// too: otherwise skipping a loosely translated sentence would be cheaper than pairing
    /// it, only because its words found no gloss, and complete texts have almost no
    /// sentence without a counterpart. An abridged or padded text does not pay it, so that
    /// what one edition lacks is left out rather than absorbed by a neighbouring pair.
    fn unmatched_words_cost(&self, words: usize) -> f64 {
        if self.complete {
            W.lex * W.lex_floor * words as f64 / self.words_per_bead
        } else {
            0.0
        }
    }

    /// Cost of a bead with both sides non-empty (lower is better); `shape` indexes
    /// [`dp::SHAPES`]. `None` when a lower bound of the cost already fails `wanted`.
    ///
    /// The search only wants a bead that beats the best one found for its cell, and most do
    /// not; the bound (every word within reach of the other side matched, every number, Latin token and term the smaller
    /// side holds matched, the best ending and structure) needs no lexical work and, before
    /// that, not even the length; a second bound takes the bead's real ending and structure
    /// (a few lookups) before its words are compared. Each bound adds its terms in the order
    /// the cost does, each no larger than the term it stands for, so (rounding being
    /// monotonic) it never exceeds the cost. `wanted` must fail for every value above a
    /// value it fails (a threshold), so that a bound it refuses speaks for the cost, and the
    /// search then finds exactly the path it would find weighing every bead in full.
    #[inline(always)] // into both compilations of the search (see `dp::search`)
    pub fn cost_below(
        &self,
        s: &mut Scratch,
        pairs: &PairRows,
        bead: Bead,
        shape: usize,
        wanted: impl Fn(f64) -> bool,
    ) -> Option<f64> {
        let Bead { i, a, j, b } = bead;
        let p = self.shape_cost[shape];
        let (e, z) = (
            Totals::range(&self.en_tot, i, i + a),
            Totals::range(&self.zh_tot, j, j + b),
        );
        let words = (e.words + z.words) as f64;
        // At best every word within reach of the other side finds its counterpart.
        let reach = (e.reach + z.reach) as f64;
        let lex_floor = -W.lex * (reach - W.lex_floor * words) / self.words_per_bead;
        // Unmatched anchors (never negative) left out.
        let anchors_floor = -W.num_match * (e.numbers.min(z.numbers) + e.latin.min(z.latin)) as f64
            - W.term_match * e.terms.min(z.terms) as f64;
        let floor = |len: f64| p + len + lex_floor + anchors_floor + ENDING_FLOOR + STRUCTURE_FLOOR;
        // The length cost is never negative.
        if !wanted(floor(0.0)) {
            return None;
        }
        let (log_ratio, sigma2) = self.length_of(bead, &e, &z);
        let len = log_ratio * log_ratio / (2.0 * sigma2);
        // Beads whose length is hopeless are not worth the lexical work.
        if len > 40.0 {
            return Some(p + len);
        }
        if !wanted(floor(len)) {
            return None;
        }
        // The ending and the structure cost a few lookups, the word overlap far more: with
        // the first two known, the words are still at their floor (the orphans' cost, never
        // negative, left out), a bound no larger than the one below.
        let ending = self.ending_cost(bead);
        let structure = structure::anchor_cost(self.en, self.zh, bead);
        if !wanted(p + len + lex_floor + anchors_floor + ending + structure) {
            return None;
        }
        let ev = evidence::word_overlap(self.feats, pairs, bead);
        // Counted in words, not sentences: a sentence none of whose words finds a
        // counterpart costs the same whichever bead takes it, so a well-matched bead cannot
        // absorb its unmatched neighbours by diluting them in its overlap.
        let lex = -W.lex * (ev.hits as f64 - W.lex_floor * ev.words as f64) / self.words_per_bead;
        // The words known: only numbers, Latin tokens and terms are left to bound.
        let orphans = self.orphan_cost(ev.orphans);
        if !wanted(p + len + lex + anchors_floor + orphans + ending + structure) {
            return None;
        }
        let an = evidence::anchors(self.feats, s, bead);
        let anchors = -W.num_match * an.matched as f64 + W.num_miss * an.missed as f64
            - W.term_match * an.terms as f64
            + orphans;
        Some(p + len + lex + anchors + ending + structure)
    }

    /// Cost of how the bead's two sides end: a quotation closing on one side only, or a
    /// question on one side only, costs; both closing a quotation is a bonus.
    fn ending_cost(&self, bead: Bead) -> f64 {
        let e = self.feats.en[bead.i + bead.a - 1].ending;
        let z = self.feats.zh[bead.j + bead.b - 1].ending;
        let quote = match (e.closes_quote, z.closes_quote) {
            (true, true) => -W.quote,
            (false, false) => 0.0,
            _ => W.quote_mismatch,
        };
        let question = if e.question == z.question {
            0.0
        } else {
            W.question
        };
        quote + question
    }

    /// Confidence in [0, 1] that a bead is a correct translation pair.
    pub fn confidence(&self, s: &mut Scratch, bead: Bead) -> f64 {
        let (log_ratio, sigma2) = self.length(bead);
        let ev = evidence::lexical(self.feats, s, &PairRows::default(), bead);
        let len_agree = (-log_ratio * log_ratio / (2.0 * sigma2)).exp();
        let lex_agree = ((ev.sim - 0.05) / 0.30).clamp(0.0, 1.0);
        let anchors = ev.anchors_matched + ev.anchors_missed;
        let anchor_agree = if anchors == 0 {
            lex_agree
        } else {
            ev.anchors_matched as f64 / anchors as f64
        };
        let shape = match (bead.a, bead.b) {
            (1, 1) => 1.0,
            (2, 1) | (1, 2) => 0.95,
            _ => 0.85,
        };
        ((0.45 * lex_agree + 0.35 * len_agree + 0.20 * anchor_agree) * shape).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::parse::parse_presplit;
    use std::cell::RefCell;

    /// The search skips a bead when a bound of its cost cannot win; that leaves the path
    /// unchanged only if no bound ever exceeds the cost. Checked on every bead of every
    /// shape over sentences with numbers, Latin tokens, terms, quotations and questions.
    #[test]
    fn cost_bounds_never_exceed_the_cost() {
        let en = "China will build a community with a shared future for mankind.\n\
                  Trade with the Global South grew by 5.2% in 2025.\n\
                  \"What will BRICS do next?\"\n\
                  APEC leaders met in November.\n\
                  We oppose hegemonism.\n\
                  The sky was blue.\n\
                  Is it true?";
        let zh = "中国将构建人类命运共同体。\n\
                  2025年，中国同全球南方的贸易增长5.2%。\n\
                  “金砖国家下一步做什么？”\n\
                  APEC领导人于11月会晤。\n\
                  我们反对霸权主义。\n\
                  天是蓝的。";
        let es = Stream::new(&parse_presplit(en, Lang::En, false), true);
        let zs = Stream::new(&parse_presplit(zh, Lang::Zh, false), true);
        let feats = Features::new(&es, &zs);
        let (n, m) = (feats.en.len(), feats.zh.len());
        let priors = Priors::from_counts(n, m);
        let grid = Grid::new(&es, &zs, &feats, 3.0, SKIP_PRIOR_MIN, &priors, true);
        let (mut s, pairs) = (Scratch::default(), PairRows::default());
        let mut checked = 0;
        for (k, &(a, b)) in dp::SHAPES.iter().enumerate() {
            if a == 0 || b == 0 {
                continue;
            }
            for i in 0..=n.saturating_sub(a) {
                for j in 0..=m.saturating_sub(b) {
                    let bead = Bead { i, a, j, b };
                    let bounds = RefCell::new(Vec::new());
                    let cost = grid.cost_below(&mut s, &pairs, bead, k, |c| {
                        bounds.borrow_mut().push(c);
                        true
                    });
                    let Some(cost) = cost else {
                        panic!("{bead:?}: refused although every cost was wanted");
                    };
                    for bound in bounds.into_inner() {
                        assert!(bound <= cost, "{bead:?}: bound {bound} > cost {cost}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "only {checked} beads");
        // A bead is refused as soon as its first bound fails.
        let bead = Bead {
            i: 0,
            a: 1,
            j: 0,
            b: 1,
        };
        let refused = grid.cost_below(&mut s, &pairs, bead, 0, |_| false);
        assert!(refused.is_none());
    }
}
