//! Clause-level splitting: finer pairs for memories whose source is English.
//!
//! Chinese often renders several English sentences as one sentence whose parts are joined
//! by clause punctuation (`…，…；…。`). The aligner pairs them as they are (a `3-1` pair), which
//! is right, but a CAT tool with English source cuts its document into English sentences,
//! and none of them equals the three-sentence source of such a pair: no exact match. This
//! step, run after alignment, cuts the Chinese sentence of a pair with several English
//! sentences after its clause punctuation ([`clauses`], rules in `data/clauses/zh.tsv`) and
//! pairs each English sentence with a run of consecutive clauses, when the evidence
//! supports it:
//!
//! * lexical agreement (the CC-CEDICT glosses the aligner uses: English content words glossed
//!   by a Chinese word of the part and Chinese words glossed by an English word of the
//!   sentence; numbers; the bundled terms) and length agreement (the part's share of the
//!   Chinese against the sentence's share of the English) choose the cut points: the best
//!   monotone assignment of clauses to sentences;
//! * then each cut point must be clearly better than the clause before or after it, each
//!   part must agree with its own English sentence more than with any other sentence of the
//!   pair (and that sentence with it more than with any other part), and no part may be far
//!   too long or too short for its sentence. If any of this fails, the pair stays whole.
//!
//! Nothing is lost: the parts of a split sentence concatenate to it exactly, and every
//! English sentence of the pair is in exactly one part. Each part is a [`Pair`] of its own,
//! marked with a [`Clause`] (which part, of how many, and the sentence pair it came from)
//! and scored on its own evidence ([`split_pair`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::dict::{self, GlossedWord, Glosser};
use crate::lexicon::{numbers, terms};
use crate::model::{AlignedDocument, Clause, Pair};

/// The parsed `data/clauses/zh.tsv`.
#[derive(Debug, Default)]
struct Rules {
    /// Clause punctuation: a cut may follow each.
    cut: Vec<char>,
    /// Opening mark → its closing partner: no cut between them.
    pairs: HashMap<char, char>,
}

/// Parses `data/clauses/zh.tsv`; an error names the line, so that a bad edit of the data
/// file fails its unit test instead of silently dropping a rule.
fn parse_rules(src: &str) -> Result<Rules, String> {
    let mut rules = Rules::default();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let one = |s: &str| {
            let mut c = s.chars();
            match (c.next(), c.next()) {
                (Some(x), None) => Ok(x),
                _ => Err(format!("line {}: {s:?} is not one character", n + 1)),
            }
        };
        match f.as_slice() {
            ["cut", chars] if !chars.is_empty() => rules.cut.extend(chars.chars()),
            ["pair", open, close] => {
                rules.pairs.insert(one(open)?, one(close)?);
            }
            _ => return Err(format!("line {}: not a cut or pair row: {line:?}", n + 1)),
        }
    }
    if rules.cut.is_empty() {
        return Err("no cut row".to_string());
    }
    Ok(rules)
}

static RULES: LazyLock<Rules> =
    LazyLock::new(|| parse_rules(include_str!("../../data/clauses/zh.tsv")).unwrap_or_default());

/// The clauses of a Chinese sentence: cut right after each clause mark (`，；：`) that stands
/// outside quotations, titles and brackets, where text follows. A part holding no letter,
/// digit or Han character (a mark right after another) stays with the part before it.
/// The parts concatenate to `sentence` exactly; a sentence without such a mark is one part.
pub fn clauses(sentence: &str) -> Vec<&str> {
    let rules = &*RULES;
    let has_text = |s: &str| s.chars().any(|c| c.is_alphanumeric());
    let mut cuts: Vec<usize> = Vec::new();
    let mut open: Vec<char> = Vec::new();
    for (i, c) in sentence.char_indices() {
        if open.last() == Some(&c) {
            open.pop();
        } else if let Some(&close) = rules.pairs.get(&c) {
            open.push(close);
        } else if open.is_empty() && rules.cut.contains(&c) {
            let end = i + c.len_utf8();
            if !has_text(&sentence[end..]) {
                continue;
            }
            let start = cuts.last().copied().unwrap_or(0);
            if has_text(&sentence[start..end]) {
                cuts.push(end);
            } else if let Some(last) = cuts.last_mut() {
                // Only marks since the last cut: they end the clause before.
                *last = end;
            }
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain([sentence.len()]) {
        out.push(&sentence[start..end]);
        start = end;
    }
    out
}

/// The most English sentences a split pair may have (the aligner's beads hold at most five).
const MAX_SENTENCES: usize = 5;
/// The most clauses considered in one Chinese sentence; a longer run-on sentence stays whole.
const MAX_CLAUSES: usize = 40;
/// What a matched number or term is worth against one matched word.
const ANCHOR_WEIGHT: f64 = 2.0;
/// What a number found on one side only costs.
const MISSED_WEIGHT: f64 = 1.5;
/// Weight of the squared log length ratio of a part (1.0 there costs as much as this many
/// matched words: a part twice as long as its sentence costs about 1.4).
const LENGTH_WEIGHT: f64 = 3.0;
/// How much better, in matched words, a cut must be than moving it by one clause.
const MIN_MARGIN: f64 = 1.5;
/// Least lexical overlap of a part with its sentence (unrelated pairs average 0.08).
const MIN_SIM: f64 = 0.2;
/// Least number of matched words in a part (both sides counted).
const MIN_HITS: usize = 2;
/// Widest length ratio of a part to its sentence, relative to the whole pair's ratio.
const MAX_LENGTH_RATIO: f64 = 2.5;
/// Overlap at which a part's lexical evidence counts as complete for its score.
const FULL_SIM: f64 = 0.45;

/// Characters, not counting spaces (as the aligner measures length).
fn char_len(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

/// Number keys that are evidence (the aligner's rule: weak numbers such as one, two, 一,
/// 两 are too common to count).
fn number_keys(v: Vec<numbers::Number>) -> Vec<(bool, i64)> {
    let mut k: Vec<(bool, i64)> = v.into_iter().filter(|n| !n.weak).map(|n| n.key()).collect();
    k.sort_unstable();
    k
}

/// Size of the multiset intersection of two sorted lists.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (n, i, j) = (n + 1, i + 1, j + 1),
        }
    }
    n
}

/// One English sentence's evidence.
struct EnSentence {
    stems: Vec<u64>,
    numbers: Vec<(bool, i64)>,
    words: terms::EnWords,
    len: f64,
}

/// The clauses of the Chinese sentence with their evidence; a run of clauses `a..b` is a
/// candidate part.
struct ZhClauses<'t> {
    /// Glossed words of all clauses in order; clause `k` has `words[offset[k]..offset[k+1]]`.
    words: Vec<GlossedWord>,
    offset: Vec<usize>,
    numbers: Vec<Vec<(bool, i64)>>,
    terms: Vec<Vec<&'t terms::Term>>,
    len: Vec<f64>,
}

/// What one English sentence and one run of clauses share.
#[derive(Clone, Copy, Debug, Default)]
struct Agreement {
    /// Matched words (English content words and glossed Chinese words) and all of them.
    hits: usize,
    words: usize,
    /// Numbers and bundled terms found on both sides.
    anchors: usize,
    /// Numbers found on one side only.
    missed: usize,
    /// The part's length ratio over the pair's (1.0: the part holds the sentence's share).
    ratio: f64,
}

impl Agreement {
    fn sim(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.hits as f64 / self.words as f64
        }
    }

    /// The evidence as one number, in matched words: what the cut points maximise.
    fn value(&self) -> f64 {
        let l = self.ratio.ln();
        self.hits as f64 + ANCHOR_WEIGHT * self.anchors as f64
            - MISSED_WEIGHT * self.missed as f64
            - LENGTH_WEIGHT * l * l
    }
}

/// Evidence of a pair being split, shared by every question asked about its cut points.
struct Judge<'t> {
    en: Vec<EnSentence>,
    zh: ZhClauses<'t>,
    /// Characters of English per character of Chinese over the whole pair.
    ratio: f64,
}

impl<'t> Judge<'t> {
    fn new(en: &[String], clauses: &[&str], index: &terms::TermIndex<'t>) -> Judge<'t> {
        let en: Vec<EnSentence> = en
            .iter()
            .map(|s| EnSentence {
                stems: dict::en_stems(s),
                numbers: number_keys(numbers::en_numbers(s)),
                words: terms::EnWords::new(s),
                len: char_len(s),
            })
            .collect();
        let mut glosser = Glosser::new();
        let mut zh = ZhClauses {
            words: Vec::new(),
            offset: vec![0],
            numbers: Vec::new(),
            terms: Vec::new(),
            len: Vec::new(),
        };
        for c in clauses {
            zh.words.extend(glosser.gloss(c));
            zh.offset.push(zh.words.len());
            zh.numbers.push(number_keys(numbers::zh_numbers(c)));
            zh.terms.push(index.find_in_zh(c));
            zh.len.push(char_len(c));
        }
        let le: f64 = en.iter().map(|e| e.len).sum();
        let lz: f64 = zh.len.iter().sum();
        Judge {
            en,
            zh,
            ratio: if lz > 0.0 { le / lz } else { 1.0 },
        }
    }

    /// English sentence `e` against clauses `a..b`.
    fn agreement(&self, e: usize, a: usize, b: usize) -> Agreement {
        let en = &self.en[e];
        let words = &self.zh.words[self.zh.offset[a]..self.zh.offset[b]];
        let (en_hits, zh_hits) = dict::overlap(&en.stems, words);
        let mut nums: Vec<(bool, i64)> = self.zh.numbers[a..b].iter().flatten().copied().collect();
        nums.sort_unstable();
        let matched = common(&en.numbers, &nums);
        let terms = self.zh.terms[a..b]
            .iter()
            .flatten()
            .filter(|t| terms::en_mentions_in(t, &en.words))
            .count();
        let lz: f64 = self.zh.len[a..b].iter().sum();
        let ratio = if lz > 0.0 && en.len > 0.0 {
            (en.len / lz) / self.ratio
        } else {
            f64::INFINITY
        };
        Agreement {
            hits: en_hits + zh_hits,
            words: en.stems.len() + words.len(),
            anchors: matched + terms,
            missed: en.numbers.len() + nums.len() - 2 * matched,
            ratio,
        }
    }

    /// The best cut points: `m + 1` clause indices from 0 to the clause count, part `e`
    /// being clauses `cut[e]..cut[e + 1]`, maximising the summed [`Agreement::value`];
    /// `None` when no assignment has a finite value.
    fn best_cuts(&self, value: &dyn Fn(usize, usize, usize) -> f64) -> Option<Vec<usize>> {
        let (m, k) = (self.en.len(), self.zh.len.len());
        // best[e][c]: the best value of the first e sentences over the first c clauses.
        let mut best = vec![vec![f64::NEG_INFINITY; k + 1]; m + 1];
        let mut from = vec![vec![0usize; k + 1]; m + 1];
        best[0][0] = 0.0;
        for e in 1..=m {
            for c in e..=k - (m - e) {
                for a in (e - 1)..c {
                    let v = best[e - 1][a] + value(e - 1, a, c);
                    if v > best[e][c] {
                        best[e][c] = v;
                        from[e][c] = a;
                    }
                }
            }
        }
        if !best[m][k].is_finite() {
            return None;
        }
        let mut cuts = vec![k];
        let mut c = k;
        for e in (1..=m).rev() {
            c = from[e][c];
            cuts.push(c);
        }
        cuts.reverse();
        Some(cuts)
    }
}

/// How the evidence judged one pair: the parts when they are supported, else why not.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Split: one (English sentence, Chinese part, score) per English sentence, in order.
    Split(Vec<(String, String, f64)>),
    /// Not a pair this step splits: one English sentence, several Chinese ones, or more
    /// English sentences than the aligner pairs at once.
    NotApplicable,
    /// Fewer clauses than English sentences.
    TooFewClauses,
    /// The evidence does not support a split (a cut point is unclear, a part agrees with
    /// another sentence as much as with its own, or a part's length is far off).
    Weak,
}

/// Judges one pair (see the module documentation) and, when the evidence supports it,
/// gives its parts with their scores: the pair's score times the part's own confidence
/// (its lexical overlap, full at 0.45, its length agreement, and how clearly its cut
/// points beat their neighbours), so a part is never more certain than its sentence pair.
pub fn judge(pair: &Pair, index: &terms::TermIndex<'_>) -> Verdict {
    let m = pair.en.len();
    let [zh] = pair.zh.as_slice() else {
        return Verdict::NotApplicable;
    };
    if !(2..=MAX_SENTENCES).contains(&m) {
        return Verdict::NotApplicable;
    }
    let parts = clauses(zh);
    if parts.len() < m || parts.len() > MAX_CLAUSES {
        return Verdict::TooFewClauses;
    }
    let judge = Judge::new(&pair.en, &parts, index);
    let k = parts.len();
    // All agreements, computed once: [e][a][b].
    let mut table = vec![vec![vec![Agreement::default(); k + 1]; k]; m];
    for (e, rows) in table.iter_mut().enumerate() {
        for (a, row) in rows.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate().skip(a + 1) {
                *cell = judge.agreement(e, a, b);
            }
        }
    }
    let value = |e: usize, a: usize, b: usize| table[e][a][b].value();
    let Some(cuts) = judge.best_cuts(&value) else {
        return Verdict::Weak;
    };
    let part = |e: usize| table[e][cuts[e]][cuts[e + 1]];

    // Each inner cut point must beat moving it one clause either way.
    let mut margin = vec![f64::INFINITY; m + 1];
    for t in 1..m {
        let (lo, at, hi) = (cuts[t - 1], cuts[t], cuts[t + 1]);
        let here = value(t - 1, lo, at) + value(t, at, hi);
        for alt in [at.checked_sub(1), at.checked_add(1)].into_iter().flatten() {
            if alt > lo && alt < hi {
                margin[t] = margin[t].min(here - (value(t - 1, lo, alt) + value(t, alt, hi)));
            }
        }
        if margin[t] < MIN_MARGIN {
            return Verdict::Weak;
        }
    }
    for e in 0..m {
        let own = part(e);
        let sim = own.sim();
        let bounded = own.ratio.is_finite()
            && (1.0 / MAX_LENGTH_RATIO..=MAX_LENGTH_RATIO).contains(&own.ratio);
        if sim < MIN_SIM || own.hits < MIN_HITS || !bounded {
            return Verdict::Weak;
        }
        // The part agrees with its own sentence more than with any other, and the sentence
        // with its own part more than with any other part.
        for other in (0..m).filter(|&o| o != e) {
            let theirs = table[other][cuts[e]][cuts[e + 1]].sim();
            let elsewhere = table[e][cuts[other]][cuts[other + 1]].sim();
            if theirs >= sim || elsewhere >= sim {
                return Verdict::Weak;
            }
        }
    }
    let out = (0..m)
        .map(|e| {
            let own = part(e);
            let lexical = (own.sim() / FULL_SIM).min(1.0);
            let l = own.ratio.ln();
            let length = (-l * l).exp();
            let clear = margin[e].min(margin[e + 1]);
            let clarity = (clear / (2.0 * MIN_MARGIN)).min(1.0);
            let score = pair.score * lexical * length * clarity;
            (
                pair.en[e].clone(),
                parts[cuts[e]..cuts[e + 1]].concat(),
                (score * 1000.0).round() / 1000.0,
            )
        })
        .collect();
    Verdict::Split(out)
}

/// The finer pairs of one pair when [`judge`] splits it: each with one English sentence,
/// its Chinese part, its own score and id (`ID.1`, `ID.2`, …), and a [`Clause`] mark; the
/// rest of the context (document, speakers, lines) is the pair's. `None` when the pair
/// stays whole.
pub fn split_pair(pair: &Pair, index: &terms::TermIndex<'_>) -> Option<Vec<Pair>> {
    let Verdict::Split(parts) = judge(pair, index) else {
        return None;
    };
    let n = parts.len();
    Some(
        parts
            .into_iter()
            .enumerate()
            .map(|(k, (en, zh, score))| Pair {
                id: format!("{}.{}", pair.id, k + 1),
                en: vec![en],
                zh: vec![zh],
                score,
                // A person confirmed the sentence pair, not this cut.
                reviewed: false,
                clause: Some(Clause {
                    part: k + 1,
                    parts: n,
                    sentence_bead: pair.bead(),
                    sentence_score: pair.score,
                }),
                ..pair.clone()
            })
            .collect(),
    )
}

/// What [`split_documents`] did, for the export summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SplitStats {
    /// Pairs with one Chinese sentence and several English ones (the candidates).
    pub candidates: usize,
    /// Of those, the pairs split.
    pub split: usize,
    /// The clause pairs written in their place.
    pub parts: usize,
}

/// Replaces, in every document, each pair the evidence splits by its clause pairs, in
/// place and in order (see the module documentation). Pairs already split are left alone,
/// so running it twice changes nothing more.
pub fn split_documents(docs: &mut [AlignedDocument]) -> SplitStats {
    let index = terms::TermIndex::new(terms::bundled());
    let mut stats = SplitStats::default();
    for doc in docs {
        let mut out = Vec::with_capacity(doc.pairs.len());
        for pair in std::mem::take(&mut doc.pairs) {
            let candidate = pair.clause.is_none()
                && pair.zh.len() == 1
                && (2..=MAX_SENTENCES).contains(&pair.en.len());
            stats.candidates += usize::from(candidate);
            match candidate.then(|| split_pair(&pair, &index)).flatten() {
                Some(parts) => {
                    stats.split += 1;
                    stats.parts += parts.len();
                    out.extend(parts);
                }
                None => out.push(pair),
            }
        }
        doc.pairs = out;
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse() {
        let r = parse_rules(include_str!("../../data/clauses/zh.tsv")).expect("rules");
        assert!(r.cut.contains(&'，') && r.cut.contains(&'；'));
        assert_eq!(r.pairs.get(&'“'), Some(&'”'));
        assert!(parse_rules("pair\t“\n").is_err());
        assert!(parse_rules("pair\tab\t”\n").is_err());
        assert!(parse_rules("# nothing\n").is_err());
    }
}
