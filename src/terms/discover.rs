//! Discovery: candidate term pairs that the list lacks, found in the aligned pairs alone.
//!
//! The method, chosen to work on documents it has never seen, down to one short speech
//! whose terms occur once each:
//!
//! 1. **Units.** Pairs with the same English text (two Chinese editions aligned with one
//!    English transcript) are one unit of evidence, so a sentence counted twice does not
//!    make every phrase in it look like a repeated term.
//! 2. **Chinese candidates**: character n-grams (2 to 16 Han characters, quotation marks
//!    ignored, never across punctuation), kept when they are *closed* and *cohesive*: left
//!    and right branching entropy above zero (the n-gram is not always preceded or always
//!    followed by the same character, else the longer string is the candidate), except
//!    where every occurrence has a dictionary word boundary on that side (外交部长 always
//!    before 王毅 is still a term; 命运共同 before 体 is not); every split point has
//!    positive pointwise mutual information between its parts; at least half of the
//!    occurrences begin and end on a word boundary of CC-CEDICT's longest-match
//!    tokenization (so 国和 or 展的 are not candidates); the first and last characters are
//!    not function characters (`data/terms/zh_edge_chars.txt`); no governing verb in front
//!    (坚持…) and no copula or preposition as a word inside (…是…). A CC-CEDICT entry of
//!    three characters or more (实事求是) skips the edge and cohesion tests. An n-gram in
//!    one unit only is kept when it has the form of a term ([`termlike::form`]:
//!    dictionary entry, quoted, numbered formulation, set prefix or head, or, weakest, a
//!    compound of two or three dictionary words or a 和/与 pair of them).
//! 3. **English candidates**: word n-grams (1 to 10 words, never across punctuation) whose
//!    first and last words are not stopwords (`data/lexicon/en_stopwords.txt`,
//!    `data/terms/en_edge_words.txt`) and whose last word is not a modifier, an ordinal or
//!    a hyphenated compound adjective (`law-based`; `data/terms/en_term_ends.txt`);
//!    stopwords inside are kept (`Belt and Road`); a negation may open one (`not targeting
//!    any third party`). None begins or ends inside a run of capitalised words (`CPC
//!    Central Committee`, never `Central Committee`; a title such as `President` may stand
//!    before one) or before a verb particle (`reform and opening up`). A plural last word
//!    counts as its singular (`basic lines` is `basic line`).
//! 4. **Association**: Dunning's log-likelihood ratio G² over unit co-occurrence counts,
//!    positive associations only, the English n-gram present in at least half the units
//!    of the Chinese one, holding a negation exactly when the Chinese does, and not a
//!    phrase mostly preceded by a negation. Per Chinese candidate one English candidate is
//!    kept: the one with the highest G² weighted by what the dictionary confirms
//!    ([`termlike::rendering`]: Chinese words rendered, share of English words glossed,
//!    glossed ends, share of a gloss phrase held). It is then extended to the longest
//!    English n-gram containing it that co-occurs in at least two thirds as many units and
//!    whose added content words are all glossed by the Chinese (`community with a shared
//!    future` → `… for mankind`), or that is repeated almost only beside the Chinese
//!    (`18th` → `18th National Congress`). A pair seen once stands only when the
//!    dictionary confirms both ends and at least half of each side; a candidate opening or
//!    closing with a verb the English does not render is dropped.
//! 5. **Coordinated formulations** ([`coordination`]): lists written with 、 proposed whole,
//!    with the English window across commas that renders every item.
//! 6. **Ranking**: G², raised by up to double when CC-CEDICT glosses of the Chinese
//!    words meet the English words (independent bilingual evidence), times a termhood
//!    factor: longer forms (three Chinese characters or more, two English content words
//!    or more) up; a one-word pair whose Chinese is a dictionary word of at most two
//!    characters (general vocabulary: 国际 / international), a possible fragment (fixed
//!    neighbour), a pair whose English ends are not glossed and a Chinese edge word left
//!    unrendered down; a compound of dictionary words seen once ranks at a fifth. A
//!    candidate whose Chinese is part of a better one's with the same English and about
//!    the same frequency is suppressed as a fragment; a nested candidate with its own
//!    English stays (小康社会 beside 全面建成小康社会). List entries are left out (unless
//!    asked for). Each candidate lists its evidence.

use super::coordination;
use super::termlike::{self, Form};
use super::Segment;
use crate::lexicon::dict::{en_stems, Glosser};
use crate::lexicon::terms::{zh_key_text, Term};
use crate::parse::is_han;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Discovery settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Minimum number of units (distinct English sentences) a pair must occur in. With 1
    /// (the default) a pair seen once is proposed when its Chinese has the form of a term
    /// and the dictionary confirms its English ([`termlike`]); with 2 or more only
    /// repetition counts.
    pub min_pairs: usize,
    /// Longest Chinese candidate, in characters.
    pub max_zh_chars: usize,
    /// Longest English candidate, in words.
    pub max_en_words: usize,
    /// Keep candidates whose Chinese is a list entry (to measure discovery on its own).
    pub include_known: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_pairs: 1,
            max_zh_chars: 16,
            max_en_words: 10,
            include_known: false,
        }
    }
}

/// A discovered term pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// The Chinese candidate.
    pub zh: String,
    /// Its best English candidate, in its most frequent spelling.
    pub en: String,
    /// Ranking score: G² weighted by dictionary support.
    pub score: f64,
    /// Log-likelihood ratio of the unit co-occurrence.
    pub g2: f64,
    /// Units containing both.
    pub pairs: usize,
    /// Units containing the Chinese.
    pub zh_pairs: usize,
    /// Units containing the English.
    pub en_pairs: usize,
    /// Documents containing both, in input order.
    pub documents: Vec<String>,
    /// Their dates, ascending, without repeats.
    pub dates: Vec<String>,
    /// Index into the segments of one pair containing both.
    pub example: usize,
    /// Why it was proposed: repetition, the term-like form of the Chinese, and how much of
    /// the English the dictionary confirms (`in 3 pairs`, `dictionary entry`,
    /// `glossed 3/3 English words, 2/2 Chinese words`).
    pub evidence: Vec<String>,
}

/// Start and end characters (or strings) that do not bound a Chinese term.
pub(crate) fn zh_edges() -> &'static (Vec<String>, Vec<String>) {
    static EDGES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    EDGES.get_or_init(|| {
        let mut start = Vec::new();
        let mut end = Vec::new();
        for line in include_str!("../../data/terms/zh_edge_chars.txt").lines() {
            if let Some(rest) = line.strip_prefix("start:") {
                start.extend(rest.split_whitespace().map(str::to_string));
            } else if let Some(rest) = line.strip_prefix("end:") {
                end.extend(rest.split_whitespace().map(str::to_string));
            }
        }
        (start, end)
    })
}

/// English words that do not bound a term.
pub(crate) fn en_edge_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            include_str!("../../data/lexicon/en_stopwords.txt"),
            include_str!("../../data/terms/en_edge_words.txt"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
    })
}

/// English words in runs not crossed by punctuation. Keeps hyphens and apostrophes inside
/// words and the dots of initialisms (`U.S.`), which are part of the term.
pub(crate) fn en_spans(text: &str) -> Vec<Vec<String>> {
    let mut spans: Vec<Vec<String>> = Vec::new();
    let mut span: Vec<String> = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    let initialism = |w: &str| {
        !w.is_empty()
            && w.split('.').all(|p| p.is_empty() || p.chars().count() == 1)
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    for (i, &c) in chars.iter().enumerate() {
        let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if matches!(c, '-' | '\'' | '’') && !word.is_empty() && next_alnum {
            word.push(if c == '’' { '\'' } else { c });
            continue;
        }
        if c == '.' && initialism(&word) {
            word.push('.');
            continue;
        }
        if !word.is_empty() {
            span.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() && !span.is_empty() {
            spans.push(std::mem::take(&mut span));
        }
    }
    if !word.is_empty() {
        span.push(word);
    }
    if !span.is_empty() {
        spans.push(span);
    }
    spans
}

/// Statistics of one Chinese n-gram over all occurrences.
#[derive(Default)]
struct ZhStats {
    count: usize,
    units: Vec<usize>,
    /// Left and right neighbours; `None` at a run edge (punctuation or text boundary).
    left: Vec<Option<char>>,
    right: Vec<Option<char>>,
    /// Occurrences starting and ending on a dictionary word boundary.
    on_boundary: usize,
    /// Occurrences starting on a dictionary word boundary.
    left_boundary: usize,
    /// Occurrences ending on a dictionary word boundary.
    right_boundary: usize,
}

/// Branching entropy of a neighbour list, each edge counted as a distinct neighbour (a
/// boundary is free context, so it always adds entropy).
fn entropy(ctx: &[Option<char>]) -> f64 {
    let n = ctx.len() as f64;
    if ctx.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<char, usize> = HashMap::new();
    let mut h = 0.0;
    for c in ctx {
        match c {
            Some(c) => *counts.entry(*c).or_default() += 1,
            None => h -= (1.0 / n) * (1.0 / n).ln(),
        }
    }
    for &k in counts.values() {
        let p = k as f64 / n;
        h -= p * p.ln();
    }
    h
}

/// Dunning's G² for a 2×2 table: `a` units with both, `x` with the first, `y` with the
/// second, `n` in all. Zero for negative association.
pub fn g2(a: usize, x: usize, y: usize, n: usize) -> f64 {
    let (a, x, y, n) = (a as f64, x as f64, y as f64, n as f64);
    if n <= 0.0 || a * n <= x * y {
        return 0.0;
    }
    let cells = [
        (a, x * y / n),
        (x - a, x * (n - y) / n),
        (y - a, (n - x) * y / n),
        (n - x - y + a, (n - x) * (n - y) / n),
    ];
    2.0 * cells
        .iter()
        .filter(|(o, e)| *o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

/// The key an English n-gram is counted under: its words in lower case, the last one
/// without a plural `s`, so that `basic line` and `basic lines` are one rendering (its
/// most frequent spelling is the one reported).
fn en_key(words: &[String]) -> String {
    let mut key = words.join(" ").to_lowercase();
    let last = words.last().map_or("", String::as_str);
    let plural = last.len() > 3
        && last.ends_with('s')
        && !["ss", "us", "is", "'s"].iter().any(|e| last.ends_with(e))
        && last.chars().all(|c| c.is_alphabetic() || c == '-');
    if plural {
        key.pop();
    }
    key
}

/// Whether the words of `a` occur contiguously in `b` (lower-cased).
fn words_within(a: &str, b: &str) -> bool {
    let a: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    let b: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    !a.is_empty() && b.len() >= a.len() && b.windows(a.len()).any(|w| w == a.as_slice())
}

/// Runs of Han characters of a Chinese text (quotation and book-title marks removed, so
/// "一带一路" is one run), each with a flag per position: whether a dictionary word
/// boundary falls before that character (the last flag is the run's end).
fn zh_runs(zh: &str) -> Vec<(Vec<char>, Vec<bool>)> {
    let clean = zh_key_text(zh);
    let mut out = Vec::new();
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        if run.is_empty() {
            return;
        }
        let chars: Vec<char> = run.chars().collect();
        let mut boundary = vec![true; chars.len() + 1];
        let base = run.as_ptr() as usize;
        for token in crate::lexicon::cedict::tokenize(run) {
            // Tokens are slices of `run`: their offsets give their character positions.
            let start_byte = (token.as_ptr() as usize).saturating_sub(base);
            let (Some(before), Some(inside)) = (
                run.get(..start_byte),
                run.get(start_byte..start_byte + token.len()),
            ) else {
                continue;
            };
            let s = before.chars().count();
            let e = s + inside.chars().count();
            for b in boundary.iter_mut().take(e).skip(s + 1) {
                *b = false;
            }
        }
        out.push((chars, boundary));
        run.clear();
    };
    for c in clean.chars() {
        if is_han(c) {
            run.push(c);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Weight of a longer form: a Chinese candidate of three characters or more, or an
/// English one of two content words or more, is more likely a term than a word of the
/// general vocabulary.
const LONG_FORM: f64 = 1.5;

/// Weight of a general word: a Chinese candidate of at most two characters that is one
/// CC-CEDICT word, rendered by one English word (国际 / international, 合作 /
/// cooperation). Correct translations, but rarely terms: demoted, not dropped.
const GENERAL_WORD: f64 = 0.25;

/// Weight of a possible fragment: a Chinese candidate always preceded or always followed
/// by the same character (at a dictionary word boundary, else it is not a candidate) that
/// is not itself a dictionary word.
const FRAGMENT: f64 = 0.5;

/// Weight of a pair seen once whose Chinese has only the form of a compound of
/// dictionary words ([`Form::Compound`]).
const WEAK_FORM: f64 = 0.2;

/// Weight of a pair whose English is not glossed at both ends by the Chinese (squared
/// when no English word is glossed).
const UNCONFIRMED: f64 = 0.5;

/// Termhood factor of a pair: how much its form (not its frequency) suggests a term.
fn termhood(zh: &str, en: &str) -> f64 {
    let chars = zh.chars().count();
    let words = en_stems(en).len().max(en.split_whitespace().count().min(1));
    let mut t = 1.0;
    if chars >= 3 {
        t *= LONG_FORM;
    }
    if words >= 2 {
        t *= LONG_FORM;
    }
    if chars <= 2 && en.split_whitespace().count() == 1 && crate::lexicon::cedict::is_headword(zh) {
        t *= GENERAL_WORD;
    }
    t
}

/// Where a candidate comes from: the documents and dates of the segments of its units
/// (each once, in first-seen order; dates sorted) and its first segment, the example.
fn provenance(
    units_used: &[usize],
    units: &[Vec<usize>],
    segs: &[Segment],
) -> (Vec<String>, Vec<String>, usize) {
    let mut documents: Vec<String> = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    let mut example = usize::MAX;
    for &u in units_used {
        for &si in &units[u] {
            let s = &segs[si];
            example = example.min(si);
            if !documents.contains(&s.doc) {
                documents.push(s.doc.clone());
            }
            if let Some(d) = &s.date {
                if !dates.contains(d) {
                    dates.push(d.clone());
                }
            }
        }
    }
    dates.sort();
    (documents, dates, example)
}

/// Candidate term pairs in `segs` not in `known`, best first.
pub fn discover(segs: &[Segment], known: &[Term], opts: &Options) -> Vec<Candidate> {
    // 1. Units: segments grouped by their English text.
    let mut unit_of: HashMap<String, usize> = HashMap::new();
    let mut units: Vec<Vec<usize>> = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let key =
            s.en.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
        if key.is_empty() || s.zh.trim().is_empty() {
            continue;
        }
        let u = *unit_of.entry(key).or_insert_with(|| {
            units.push(Vec::new());
            units.len() - 1
        });
        units[u].push(i);
    }
    let n_units = units.len();
    let min = opts.min_pairs.max(1);
    let quoted: HashSet<String> = segs
        .iter()
        .flat_map(|s| termlike::quoted_spans(&s.zh))
        .collect();

    // 2. Chinese n-grams.
    let mut zh: HashMap<String, ZhStats> = HashMap::new();
    let mut chars_total = 0usize;
    for (u, members) in units.iter().enumerate() {
        for &si in members {
            for (run, boundary) in zh_runs(&segs[si].zh) {
                chars_total += run.len();
                for i in 0..run.len() {
                    for len in 1..=opts.max_zh_chars.min(run.len() - i) {
                        let j = i + len;
                        let key: String = run[i..j].iter().collect();
                        let st = zh.entry(key).or_default();
                        st.count += 1;
                        if len == 1 {
                            continue;
                        }
                        if st.units.last() != Some(&u) && !st.units.contains(&u) {
                            st.units.push(u);
                        }
                        st.left.push(if i == 0 { None } else { Some(run[i - 1]) });
                        st.right.push(run.get(j).copied());
                        st.left_boundary += usize::from(boundary[i]);
                        st.right_boundary += usize::from(boundary[j]);
                        if boundary[i] && boundary[j] {
                            st.on_boundary += 1;
                        }
                    }
                }
            }
        }
    }
    let count = |s: &str| zh.get(s).map_or(0, |st| st.count);
    let known_keys: HashSet<String> = known.iter().map(Term::key_text).collect();
    let (bad_start, bad_end) = zh_edges();
    let n = chars_total.max(1) as f64;
    // A string always preceded by a negation (针对第三方 in 不针对第三方) is the rest of a
    // negated phrase, not a term: the phrase with its negation is the candidate.
    let always_negated = |left: &[Option<char>]| {
        !left.is_empty()
            && left
                .iter()
                .all(|c| c.is_some_and(|c| termlike::zh_negated(c.encode_utf8(&mut [0; 4]))))
    };
    // A dictionary entry of three characters or more (实事求是, 农民工) is a word whatever
    // its edge characters and its parts' association; a string with a governing verb in
    // front (坚持以经济建设为中心) is not a term, the string after the verb may be.
    let mut zh_cands: Vec<(&String, &ZhStats, Option<Form>)> = zh
        .iter()
        .filter(|(k, st)| {
            let len = k.chars().count();
            if len < 2 || st.units.len() < min {
                return false;
            }
            let dict = len >= 3 && termlike::dictionary_word(k);
            (dict
                || (!bad_start.iter().any(|b| k.starts_with(b.as_str()))
                    && !bad_end.iter().any(|b| k.ends_with(b.as_str()))))
                && !termlike::leading_verb(k)
                && !termlike::clause_word_inside(k)
                && !always_negated(&st.left)
                && (entropy(&st.left) > 0.0 || st.left_boundary == st.count)
                && (entropy(&st.right) > 0.0 || st.right_boundary == st.count)
                && st.on_boundary * 2 >= st.count
                && (opts.include_known || !known_keys.contains(k.as_str()))
                && (dict
                    || (1..len).all(|split| {
                        let b = k.char_indices().nth(split).map_or(k.len(), |(b, _)| b);
                        let (x, y) = (count(&k[..b]), count(&k[b..]));
                        x > 0 && y > 0 && (st.count as f64 * n / (x as f64 * y as f64)).ln() > 0.0
                    }))
        })
        .filter_map(|(k, st)| {
            // Seen in one unit only: proposed only with the form of a term.
            let form = termlike::form(k, &quoted);
            (st.units.len() >= 2 || form.is_some()).then_some((k, st, form))
        })
        .collect();
    zh_cands.sort_by(|a, b| a.0.cmp(b.0));

    // 3. English n-grams per unit.
    let edge = en_edge_words();
    let bad_edge = |w: &str| {
        let l = w.to_lowercase();
        edge.contains(&l) || l.chars().count() < 2 || l.chars().all(|c| c.is_ascii_digit())
    };
    // A run of capitalised words, also joined by `of`, is a name (`CPC Central
    // Committee`, `War of Resistance Against Japanese Aggression`): a candidate neither
    // begins nor ends inside one, except after a title (`President Xi Jinping`).
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // A negation may open an English candidate, so that 不针对第三方 can keep its "not".
    let negations = termlike::en_negations();
    let bad_start_word = |w: &str| bad_edge(w) && !negations.contains(&w.to_lowercase());
    let ends = termlike::EnEnds::get();
    let mut en_units: HashMap<String, Vec<usize>> = HashMap::new();
    let mut en_surface: HashMap<String, HashMap<String, usize>> = HashMap::new();
    // Per English n-gram: occurrences right after a negation word, and all occurrences.
    // One mostly negated ("not targeting any third party") is a fragment that lost its
    // negation, and is never chosen.
    let mut en_negated_before: HashMap<String, (usize, usize)> = HashMap::new();
    let mut unit_en: Vec<Vec<String>> = vec![Vec::new(); n_units];
    for (u, members) in units.iter().enumerate() {
        let Some(&first) = members.first() else {
            continue;
        };
        let mut seen: HashSet<String> = HashSet::new();
        for span in en_spans(&segs[first].en) {
            // In a headline written in title case every word is capitalised: there the
            // capitals say nothing about names.
            let caps = span.iter().filter(|w| capitalised(w)).count();
            let title_case = span.len() >= 6 && caps * 4 >= span.len() * 3;
            // Whether the word at `j` continues a name begun before it (`CPC Central`, `War
            // of Resistance`); a capitalised stopword opening the run does not count.
            let in_name = |j: usize| {
                let name_word = |k: usize| {
                    capitalised(&span[k]) && !(k == 0 && edge.contains(&span[k].to_lowercase()))
                };
                !title_case
                    && name_word(j)
                    && j > 0
                    && ((name_word(j - 1) && !ends.title(&span[j - 1]))
                        || (j > 1 && span[j - 1] == "of" && name_word(j - 2)))
            };
            for i in 0..span.len() {
                if bad_start_word(&span[i]) || in_name(i) {
                    continue;
                }
                for len in 1..=opts.max_en_words.min(span.len() - i) {
                    let last = &span[i + len - 1];
                    if (bad_edge(last) && !(len > 1 && ends.particle(last)))
                        || ends.modifier(last)
                        || (i + len < span.len() && in_name(i + len))
                        || span.get(i + len).is_some_and(|w| ends.particle(w))
                    {
                        continue;
                    }
                    let surface = span[i..i + len].join(" ");
                    let key = en_key(&span[i..i + len]);
                    let after_negation = i > 0 && negations.contains(&span[i - 1].to_lowercase());
                    let c = en_negated_before.entry(key.clone()).or_default();
                    c.0 += usize::from(after_negation);
                    c.1 += 1;
                    *en_surface
                        .entry(key.clone())
                        .or_default()
                        .entry(surface)
                        .or_default() += 1;
                    if seen.insert(key.clone()) {
                        en_units.entry(key.clone()).or_default().push(u);
                        unit_en[u].push(key);
                    }
                }
            }
        }
    }
    for list in &mut unit_en {
        list.retain(|k| en_units.get(k).is_some_and(|v| v.len() >= min));
    }

    // 4. Association.
    let mut glosser = Glosser::new();
    let mut found: Vec<Candidate> = Vec::new();
    for (zk, st, form) in zh_cands {
        let mut co: HashMap<&str, usize> = HashMap::new();
        for &u in &st.units {
            for k in &unit_en[u] {
                *co.entry(k.as_str()).or_default() += 1;
            }
        }
        let x = st.units.len();
        // The English keeps a negation exactly when the Chinese has one: 不针对第三方 is
        // "not targeting any third party", never "targeting any third party".
        let negated = termlike::zh_negated(zk);
        let scored: Vec<(&str, usize, usize, f64)> = co
            .iter()
            .map(|(&k, &a)| (k, a))
            .filter(|&(_, a)| a >= min && a * 2 >= x)
            .filter(|&(k, _)| termlike::en_negated(k) == negated)
            .filter(|&(k, _)| {
                en_negated_before
                    .get(k)
                    .is_none_or(|&(neg, all)| neg * 2 < all)
            })
            .map(|(k, a)| {
                let y = en_units.get(k).map_or(0, Vec::len);
                (k, a, y, g2(a, x, y, n_units))
            })
            .filter(|s| s.3 > 0.0)
            .collect();
        // The English is chosen by association weighted by what the dictionary confirms:
        // G² times (1 + Chinese words rendered)³ (cubed, so that rendering the whole term
        // outweighs a shorter phrase's extra repetitions: "leadership of the Party" over
        // "leadership" for 党的领导), times the share of English content words
        // glossed (plus one half, so an unglossed rendering is not ruled out), times 1.5
        // when both ends are glossed. A general word such as "socialism" co-occurs more
        // often than the whole rendering "socialism with Chinese characteristics", but
        // renders less of 中国特色社会主义 (whose dictionary gloss is the whole phrase:
        // twice the share of a gloss phrase held is added to the words rendered); in a
        // pair seen once, where every n-gram of the
        // sentence has the same G², the dictionary alone decides. Ties go to a length close
        // to what the Chinese suggests (about one word per 1.3 characters), then G².
        let glossed = termlike::gloss_candidate(&mut glosser, zk);
        let phrases = termlike::gloss_phrases(zk);
        let expected = zk.chars().count() as f64 * 0.75;
        let weight = |k: &str, g: f64| {
            let r = termlike::rendering(k, &glossed);
            let phrase = termlike::phrase_cover(k, &phrases);
            let edges = if r.edges_glossed || glossed.is_empty() {
                1.5
            } else {
                1.0
            };
            let distance = (r.words as f64 - expected).abs();
            (
                g * (1.0 + r.zh_covered as f64 + 2.0 * phrase).powi(3)
                    * (0.5 + r.precision())
                    * edges,
                -distance,
            )
        };
        let Some(&(mut ek, mut a, mut y, mut g)) = scored.iter().max_by(|p, q| {
            let (wp, dp) = weight(p.0, p.3);
            let (wq, dq) = weight(q.0, q.3);
            wp.total_cmp(&wq)
                .then(dp.total_cmp(&dq))
                .then(p.3.total_cmp(&q.3))
                .then(q.0.cmp(p.0))
        }) else {
            continue;
        };
        // Extension to the maximal phrase: a longer English n-gram containing the chosen
        // one replaces it when it co-occurs in at least two thirds as many units and either
        // every content word it adds is glossed by the Chinese (`community with a shared
        // future` → `… for mankind` for 人类命运共同体) or it is itself repeated (three
        // units or more), in at least four fifths of the shorter one's units, almost only
        // beside the Chinese, and adds no coordination (`18th` → `18th National Congress`
        // for 党的十八大, whose 大 no gloss renders), so the phrase grows with evidence,
        // not with the sentence it happens to stand in.
        // The statistical extension is not for a string mostly seen inside one longer
        // string (小康社会 in 全面建成小康社会): the words it would add ("in all respects")
        // render the neighbour, not the candidate.
        let dominant = |ctx: &[Option<char>]| {
            let mut counts: HashMap<char, usize> = HashMap::new();
            for c in ctx.iter().flatten() {
                *counts.entry(*c).or_default() += 1;
            }
            counts.values().any(|&k| k * 2 >= ctx.len().max(1))
        };
        let nested_mostly = dominant(&st.left) || dominant(&st.right);
        // An "and" or "or" the extension would add needs a coordination in the Chinese
        // (和, 与, 及, 并, 同): "basic economic system and other systems" is not 基本经济制度.
        let zh_coordinated = zk.contains(['和', '与', '及', '并', '同']);
        loop {
            let base = termlike::rendering(ek, &glossed);
            let next = co
                .iter()
                .filter(|&(&k, &a2)| {
                    a2 >= min && a2 * 3 >= a * 2 && k.len() > ek.len() && words_within(ek, k)
                })
                .filter(|&(&k, _)| termlike::en_negated(k) == negated)
                .filter(|&(&k, &a2)| {
                    let r = termlike::rendering(k, &glossed);
                    let y2 = en_units.get(k).map_or(0, Vec::len);
                    let adds_coordination = k
                        .split_whitespace()
                        .any(|w| matches!(w, "and" | "or") && !words_within(w, ek));
                    r.words > base.words
                        && (zh_coordinated || !adds_coordination)
                        && (r.glossed + base.words == base.glossed + r.words
                            || (!nested_mostly
                                && !adds_coordination
                                && r.words <= base.words + 2
                                && a2 >= 3
                                && a2 * 5 >= a * 4
                                && y2 * 4 <= a2 * 5))
                })
                .max_by(|p, q| {
                    p.0.split_whitespace()
                        .count()
                        .cmp(&q.0.split_whitespace().count())
                        .then(p.1.cmp(q.1))
                        .then(q.0.cmp(p.0))
                });
            let Some((&k, &a2)) = next else {
                break;
            };
            let y2 = en_units.get(k).map_or(0, Vec::len);
            (ek, a, y, g) = (k, a2, y2, g2(a2, x, y2, n_units));
        }
        let en = en_surface
            .get(ek)
            .and_then(|m| m.iter().max_by(|p, q| p.1.cmp(q.1).then(q.0.cmp(p.0))))
            .map_or_else(|| ek.to_string(), |(s, _)| s.clone());
        // Dictionary support: share of English content words glossed by the Chinese and of
        // Chinese words whose gloss is in the English.
        let r = termlike::rendering(&en, &glossed);
        let support = 0.5 * (r.precision() + r.coverage());
        // One co-occurrence is no statistical evidence: such a pair stands only when the
        // dictionary confirms it (both ends of the English and at least half of each side
        // glossed).
        if a < 2 && !(r.edges_glossed && r.precision() >= 0.5 && r.coverage() >= 0.5) {
            continue;
        }
        if termlike::unrendered_edge_verb(zk, &en) {
            continue;
        }
        // A repeated pair the dictionary does not confirm at both ends (主席 / "President
        // Xi", 中外 / "Foreign Minister") is as likely a neighbour as a translation:
        // demoted, the more so when no English word is glossed at all.
        let mut unconfirmed = if glossed.is_empty() || r.edges_glossed {
            1.0
        } else if r.glossed == 0 {
            UNCONFIRMED * UNCONFIRMED
        } else {
            UNCONFIRMED
        };
        // Likewise a Chinese candidate whose first or last word the English does not
        // render (发展中国特色社会主义 for "socialism with Chinese characteristics"): the
        // string without it is the term.
        if termlike::unrendered_edge_word(zk, &en) {
            unconfirmed *= UNCONFIRMED;
        }
        let both: Vec<usize> = st
            .units
            .iter()
            .copied()
            .filter(|&u| unit_en[u].iter().any(|k| k == ek))
            .collect();
        let (documents, dates, example) = provenance(&both, &units, segs);
        // A candidate always next to the same character (always in one longer string)
        // and not a dictionary word of three characters or more is as likely a fragment
        // of that string as a term (十八 in 十八大): kept, but demoted.
        let open = entropy(&st.left) > 0.0 && entropy(&st.right) > 0.0;
        let fragment =
            if open || (zk.chars().count() >= 3 && termlike::dictionary_word(zk)) || x < 2 {
                1.0
            } else {
                FRAGMENT
            };
        // A compound of dictionary words seen once (血肉联系, 生产力和生产关系) has the
        // weakest of the term forms: most such strings in a speech are free phrases
        // (坚决维护, 历史条件). Proposed, so that a set phrase used once is not lost, but
        // ranked after the pairs with stronger evidence.
        let weak_form = if x < 2 && form == Some(Form::Compound) {
            WEAK_FORM
        } else {
            1.0
        };
        let termhood = termhood(zk, &en) * fragment * unconfirmed * weak_form;
        let mut evidence = vec![format!("in {a} pair{}", if a == 1 { "" } else { "s" })];
        evidence.extend(form.map(|f| f.name().to_string()));
        evidence.push(format!(
            "glossed {}/{} English words, {}/{} Chinese words",
            r.glossed, r.words, r.zh_covered, r.zh_words
        ));
        found.push(Candidate {
            zh: zk.clone(),
            en,
            score: g * (1.0 + support.min(1.0)) * termhood,
            g2: g,
            pairs: a,
            zh_pairs: x,
            en_pairs: y,
            documents,
            dates,
            example,
            evidence,
        });
    }

    // 4b. Coordinated formulations (道路自信、理论自信、制度自信): the list whole, with the
    // English window that renders every item, in the most units. A list seen once is
    // weaker evidence than a repeated term and ranks at half its score.
    let mut lists: HashMap<String, (Vec<String>, Vec<usize>)> = HashMap::new();
    for (u, members) in units.iter().enumerate() {
        for &si in members {
            for (key, items) in coordination::zh_lists(&segs[si].zh) {
                let e = lists.entry(key).or_insert_with(|| (items, Vec::new()));
                if !e.1.contains(&u) {
                    e.1.push(u);
                }
            }
        }
    }
    let mut list_keys: Vec<&String> = lists.keys().collect();
    list_keys.sort();
    for key in list_keys {
        let (items, list_units) = &lists[key];
        if list_units.len() < min || (!opts.include_known && known_keys.contains(key.as_str())) {
            continue;
        }
        let glossed = coordination::gloss_items(&mut glosser, items);
        if !coordination::all_glossed(&glossed) {
            continue;
        }
        let needed = items.len();
        // English (lower case) -> (units, surface, first unit).
        let mut renderings: Vec<(String, Vec<usize>, String)> = Vec::new();
        for &u in list_units {
            let Some(&si) = units[u].first() else {
                continue;
            };
            let Some((covered, _, en)) = coordination::best_window(&segs[si].en, &glossed) else {
                continue;
            };
            if covered < needed {
                continue;
            }
            let k = en.to_lowercase();
            match renderings.iter_mut().find(|r| r.0 == k) {
                Some(r) => r.1.push(u),
                None => renderings.push((k, vec![u], en)),
            }
        }
        let Some((_, both, en)) = renderings
            .into_iter()
            .max_by(|p, q| p.1.len().cmp(&q.1.len()).then(q.0.cmp(&p.0)))
        else {
            continue;
        };
        if both.len() < min {
            continue;
        }
        let (a, x) = (both.len(), list_units.len());
        let g = g2(a, x, a, n_units);
        let all: Vec<crate::lexicon::dict::GlossedWord> =
            glossed.iter().flatten().cloned().collect();
        let r = termlike::rendering(&en, &all);
        let support = 0.5 * (r.precision() + r.coverage());
        let (documents, dates, example) = provenance(&both, &units, segs);
        found.push(Candidate {
            zh: key.clone(),
            en,
            score: g
                * (1.0 + support.min(1.0))
                * termhood(key, "two words")
                * LONG_FORM
                * if a < 2 { UNCONFIRMED } else { 1.0 },
            g2: g,
            pairs: a,
            zh_pairs: x,
            en_pairs: a,
            documents,
            dates,
            example,
            evidence: vec![
                format!("in {a} pair{}", if a == 1 { "" } else { "s" }),
                format!("coordinated formulation of {} items", items.len()),
                format!(
                    "glossed {}/{} English words, {}/{} Chinese words",
                    r.glossed, r.words, r.zh_covered, r.zh_words
                ),
            ],
        });
    }

    // 5. Rank and suppress nested candidates.
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.zh.chars().count().cmp(&a.zh.chars().count()))
            .then(a.zh.cmp(&b.zh))
    });
    // Nested candidates (Chinese inside the other's) of about the same frequency with the
    // same English are one term: the better is kept (the longer Chinese adds characters no
    // word of the English needs, or the shorter is cut). With English inside the other's,
    // the worse is a fragment or the better plus context (建设亚太 beside 建设亚太共同体),
    // unless it has a form of a term stronger than a compound of dictionary words: then it
    // is a term of its own and stays
    // (邓小平理论 / Deng Xiaoping Theory beside 邓小平 / Deng Xiaoping, 小康社会 /
    // moderately prosperous society beside 全面建成小康社会).
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        let termlike = !matches!(termlike::form(&c.zh, &quoted), None | Some(Form::Compound));
        let nested = kept.iter().any(|k| {
            (k.zh.contains(&c.zh) || c.zh.contains(&k.zh))
                && (k.en.eq_ignore_ascii_case(&c.en)
                    || (!termlike && (words_within(&k.en, &c.en) || words_within(&c.en, &k.en))))
                && c.pairs * 4 <= k.pairs * 5
                && k.pairs * 4 <= c.pairs * 5
        });
        if !nested {
            kept.push(c);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_spans_keep_initialisms_and_break_at_punctuation() {
        let s = en_spans("The U.S. and China's ties, said Wang Yi (non-alliance).");
        assert_eq!(
            s,
            vec![
                vec!["The", "U.S.", "and", "China's", "ties"],
                vec!["said", "Wang", "Yi"],
                vec!["non-alliance"],
            ]
        );
    }

    #[test]
    fn g2_is_zero_for_negative_association() {
        assert_eq!(g2(0, 5, 5, 100), 0.0);
        assert!(g2(3, 3, 3, 100) > g2(2, 3, 3, 100));
    }

    fn seg(i: usize, zh: &str, en: &str) -> Segment {
        Segment {
            doc: "d".into(),
            source: "d".into(),
            date: None,
            id: format!("d-{i}"),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// A capitalised name is not cut (`CPC Central Committee`, never `Central
    /// Committee`), and a term nested in a longer one with its own English stays beside it
    /// (小康社会 / moderately prosperous society beside 全面建成小康社会).
    #[test]
    fn names_are_whole_and_nested_terms_stay() {
        let pairs = [
            (
                "我们拥护党中央的决定。",
                "We support the decision of the CPC Central Committee.",
            ),
            (
                "党中央高度重视青年工作。",
                "The CPC Central Committee attaches great importance to youth work.",
            ),
            (
                "全面建成小康社会是我们的目标。",
                "Finishing building a moderately prosperous society in all respects is our goal.",
            ),
            (
                "小康社会惠及全体人民。",
                "A moderately prosperous society benefits all the people.",
            ),
            ("我们支持多边主义。", "We support multilateralism."),
            ("世界需要和平稳定。", "The world needs peace and stability."),
            (
                "各国应当相互尊重。",
                "All countries should respect each other.",
            ),
            (
                "双方加强经济合作。",
                "The two sides strengthen economic cooperation.",
            ),
        ];
        let segs: Vec<Segment> = pairs
            .iter()
            .enumerate()
            .map(|(i, (zh, en))| seg(i, zh, en))
            .collect();
        let found = discover(&segs, &[], &Options::default());
        let en_of = |zh: &str| found.iter().find(|c| c.zh == zh).map(|c| c.en.clone());
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        assert_eq!(
            en_of("党中央").as_deref(),
            Some("CPC Central Committee"),
            "{all:?}"
        );
        assert_eq!(
            en_of("小康社会").as_deref(),
            Some("moderately prosperous society"),
            "{all:?}"
        );
    }

    /// A planted pair (绿色丝路 / Green Silk Road) among generated filler sentences is
    /// found, with its full English.
    #[test]
    fn finds_a_planted_pair() {
        let fillers_zh = [
            "我们支持多边主义",
            "双方加强经济合作",
            "中方愿意继续努力",
            "世界需要和平稳定",
            "各国应当相互尊重",
        ];
        let fillers_en = [
            "we support multilateralism",
            "the two sides strengthen economic cooperation",
            "China is willing to keep working",
            "the world needs peace and stability",
            "all countries should respect each other",
        ];
        let mut segs = Vec::new();
        for i in 0..12 {
            let f = i % fillers_zh.len();
            let planted = [
                ("推进绿色丝路建设", "advance the Green Silk Road"),
                ("支持绿色丝路", "support the Green Silk Road"),
                (
                    "绿色丝路合作不断深化",
                    "Green Silk Road cooperation keeps deepening",
                ),
                (
                    "欢迎各方参与绿色丝路",
                    "all are welcome to join the Green Silk Road",
                ),
            ];
            let (zh, en) = if i % 3 == 0 {
                let (pz, pe) = planted[i / 3];
                (
                    format!("{}，{pz}，第{i}年。", fillers_zh[f]),
                    format!("{}, {pe}, in year {i}.", fillers_en[f]),
                )
            } else {
                (
                    format!("{}，第{i}次。", fillers_zh[f]),
                    format!("{}, time {i}.", fillers_en[f]),
                )
            };
            segs.push(Segment {
                doc: "d".into(),
                source: "d".into(),
                date: Some("2030-01-01".into()),
                id: format!("d-{i}"),
                zh,
                en,
            });
        }
        let found = discover(&segs, &[], &Options::default());
        assert!(
            found
                .iter()
                .any(|c| c.zh == "绿色丝路" && c.en == "Green Silk Road"),
            "{:?}",
            found.iter().map(|c| (&c.zh, &c.en)).collect::<Vec<_>>()
        );
    }
}
