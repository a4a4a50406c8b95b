//! English rendering, the second stage of discovery ([`super::discover`]): for one Chinese
//! candidate, the English n-gram that renders it, chosen by association and dictionary
//! support and then extended to the maximal phrase the evidence allows.

use super::ngrams::{EnKeyFacts, EnNgrams, ZhStats};
use super::termlike::{self, EnEnds, Form, Rendering};
use crate::lexicon::cedict;
use crate::lexicon::dict::{GlossedWord, Glosser};
use crate::lexicon::numbers;
use crate::lexicon::IdMap;
use std::collections::HashMap;

/// The English chosen for a Chinese candidate, with the counts it was chosen on.
pub(crate) struct Rendered {
    /// Key of the English n-gram (lower case, plural folded).
    pub(crate) key: String,
    /// Its most frequent spelling.
    pub(crate) en: String,
    /// Units holding both the Chinese and the English.
    pub(crate) pairs: usize,
    /// Units holding the English.
    pub(crate) en_pairs: usize,
    /// G² of the unit co-occurrence.
    pub(crate) g2: f64,
    /// What the dictionary confirms of the pair.
    pub(crate) rendering: Rendering,
    /// The glossed words of the Chinese (empty when CC-CEDICT has none).
    pub(crate) glossed: Vec<GlossedWord>,
}

/// Whether the words of `a` occur contiguously in `b` (lower-cased). Words are compared
/// in place (ASCII ignoring case, any other by its lower case): this runs for every
/// English n-gram weighed as an extension.
pub(crate) fn words_within(a: &str, b: &str) -> bool {
    let same = |x: &str, y: &str| {
        if x.is_ascii() && y.is_ascii() {
            x.eq_ignore_ascii_case(y)
        } else {
            x.to_lowercase() == y.to_lowercase()
        }
    };
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    !a.is_empty()
        && b.len() >= a.len()
        && b.windows(a.len())
            .any(|w| w.iter().zip(&a).all(|(x, y)| same(x, y)))
}

/// Whether an English n-gram holds a coordination ("and", "or") and a content word the
/// Chinese does not gloss, or items that do not render two Chinese words
/// ([`termlike::coordination_rendered`]).
fn coordinated_unglossed(en: &str, zh: &str, glossed: &[GlossedWord]) -> bool {
    if !en.split_whitespace().any(|w| matches!(w, "and" | "or")) {
        return false;
    }
    let r = termlike::rendering(en, glossed);
    r.glossed < r.words || !termlike::coordination_rendered(en, zh, glossed)
}

/// Whether a Chinese candidate is mostly seen beside one and the same character (mostly
/// inside one longer string, as 小康社会 in 全面建成小康社会).
fn nested_mostly(st: &ZhStats) -> bool {
    let dominant = |ctx: &[Option<char>]| {
        let mut counts: HashMap<char, usize> = HashMap::new();
        for c in ctx.iter().flatten() {
            *counts.entry(*c).or_default() += 1;
        }
        counts.values().any(|&k| k * 2 >= ctx.len().max(1))
    };
    dominant(&st.left) || dominant(&st.right)
}

/// The text of one unit of evidence, which the counts of [`EnNgrams`] do not keep: what
/// stands next to a candidate (a neighbour's word, a quotation mark) decides where its
/// rendering ends.
pub(crate) struct UnitText<'a> {
    /// The Chinese of every segment of the unit.
    pub(crate) zh: Vec<&'a str>,
    /// The strings its Chinese writes between quotation or book-title marks
    /// ([`termlike::quoted_spans`]).
    pub(crate) zh_quoted: Vec<String>,
    /// The spans its English writes between double quotation marks ([`quoted_english`]).
    pub(crate) en_quoted: Vec<String>,
    /// Its English.
    pub(crate) en: &'a str,
}

impl<'a> UnitText<'a> {
    /// The text of a unit of these Chinese segments and this English.
    pub(crate) fn new(zh: Vec<&'a str>, en: &'a str) -> UnitText<'a> {
        let zh_quoted = zh.iter().flat_map(|z| termlike::quoted_spans(z)).collect();
        UnitText {
            zh,
            zh_quoted,
            en_quoted: quoted_english(en),
            en,
        }
    }
}

/// The Chinese words joined to each occurrence of `zk` by 的 or 之, per unit of `us`: the
/// word before a 的 in front of it (党 of 党的群众路线) and the word after a 的 behind it,
/// each with its gloss. Such a word is a modifier or head of its own, outside the
/// candidate, and English writes it at either end of the candidate's rendering
/// ("Party's mass line", "leadership of the Party").
fn genitive_neighbours(
    zk: &str,
    texts: &[UnitText],
    us: &[usize],
    glosser: &mut Glosser,
) -> Vec<Vec<GlossedWord>> {
    let (starts, ends) = super::ngrams::zh_edges();
    let particle = |t: &str| starts.iter().chain(ends).any(|e| e == t);
    let genitive = |c: char| matches!(c, '的' | '之');
    let mut out = Vec::with_capacity(us.len());
    for &u in us {
        let mut words = Vec::new();
        for zh in texts.get(u).map_or(&[][..], |t| &t.zh[..]) {
            for (at, _) in zh.match_indices(zk) {
                let mut before: Vec<char> = zh[..at]
                    .chars()
                    .rev()
                    .take_while(|&c| crate::parse::is_han(c))
                    .take(5)
                    .collect();
                if before.first().is_some_and(|&c| genitive(c)) {
                    before.reverse();
                    before.pop();
                    let before: String = before.into_iter().collect();
                    if let Some(t) = cedict::tokenize(&before)
                        .iter()
                        .rev()
                        .find(|t| !particle(t))
                    {
                        words.extend(glosser.gloss(t));
                    }
                }
                let after: Vec<char> = zh[at + zk.len()..]
                    .chars()
                    .take_while(|&c| crate::parse::is_han(c))
                    .take(5)
                    .collect();
                if after.first().is_some_and(|&c| genitive(c)) {
                    let after: String = after[1..].iter().collect();
                    if let Some(t) = cedict::tokenize(&after).iter().find(|t| !particle(t)) {
                        words.extend(glosser.gloss(t));
                    }
                }
            }
        }
        out.push(words);
    }
    out
}

/// Whether the first or last content word of the English `k` renders a Chinese word
/// joined to the candidate by 的 ([`genitive_neighbours`], `near`, per unit of `us`) in at
/// least half of the units `both` it stands in with the candidate: glossed by that
/// neighbour, and either not by the candidate (`glossed`) or written as a possessive
/// ("Party's", which renders a 的 the candidate does not hold). The rendering without
/// that word is the candidate's ("mass line" for 群众路线 in 党的群众路线).
fn renders_neighbour(
    k: &str,
    both: &[usize],
    us: &[usize],
    near: &[Vec<GlossedWord>],
    glossed: &[GlossedWord],
) -> bool {
    let content: Vec<&str> = k
        .split_whitespace()
        .filter(|w| termlike::rendering(w, &[]).words > 0)
        .collect();
    let (Some(first), Some(last)) = (content.first(), content.last()) else {
        return false;
    };
    let outside = |w: &str, near: &[GlossedWord]| {
        termlike::rendering(w, near).glossed > 0
            && (w.ends_with("'s") || termlike::rendering(w, glossed).glossed == 0)
    };
    let hits = both
        .iter()
        .filter_map(|u| us.iter().position(|x| x == u))
        .filter(|&i| outside(first, &near[i]) || outside(last, &near[i]))
        .count();
    !both.is_empty() && hits * 2 >= both.len()
}

/// Whether a numbered formulation's number goes unrendered: a Chinese candidate of that
/// form (十八大, 四项基本原则, 一个中心) renders only with an English that holds a number
/// ("18th", "Four", "three-step", "one"). Without it the English is a neighbour of the
/// formulation ("conscientiously" beside 党的十八大精神, "greater" beside 十七大). A count
/// of one is no exception: where English writes 一个 as an article ("a region" for 一个地区)
/// or not at all ("step by step" for 一步一步), the string is a noun phrase or an adverbial
/// of running text, not a numbered formulation; the formulations count their one ("one
/// central task").
/// So for a founding with its count of years ([`Form::Anniversary`]), whose count and name
/// the English must render.
fn number_unrendered(zk: &str, form: Option<Form>, en: &str) -> bool {
    // A founding with its count of years renders only with the count's number ("25th
    // anniversary", "centenary"), not as "anniversary of the Treaty", and with its name.
    if form == Some(Form::Anniversary) {
        return termlike::founding_unrendered(zk, en);
    }
    let counts = zk
        .chars()
        .any(|c| c.is_ascii_digit() || termlike::numeral_char(c));
    form == Some(Form::Numbered)
        && counts
        && numbers::en_numbers(en).is_empty()
        && numbers::en_numbers(&en.replace('-', " ")).is_empty()
}

/// The spans an English text writes between double quotation marks (“…” or "…"), when
/// they are one to eight words: a quoted name, title or slogan. Trailing punctuation
/// inside the marks (`“serve the country program,”`) is dropped, and ’ is written '.
fn quoted_english(en: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<(char, String)> = None;
    for c in en.chars() {
        match (&mut open, c) {
            (Some((want, buf)), c) if c == *want => {
                let span = buf
                    .trim()
                    .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '\'')
                    .replace('’', "'");
                if (1..=8).contains(&span.split_whitespace().count()) {
                    out.push(span);
                }
                open = None;
            }
            (None, '“') => open = Some(('”', String::new())),
            (None, '"') => open = Some(('"', String::new())),
            (Some((_, buf)), c) => buf.push(c),
            (None, _) => {}
        }
    }
    out
}

/// What the rendering of every candidate reads: the English n-grams and the text of each
/// unit, in the order of the units.
pub(crate) struct Evidence<'a> {
    /// The English n-grams and the units holding each.
    pub(crate) en: &'a EnNgrams,
    /// The text of each unit.
    pub(crate) texts: Vec<UnitText<'a>>,
}

/// The dictionary words inside the Chinese words of three characters or more of `zk`
/// (农民 and 民工 of 农民工, 自强 and 不息 of 自强不息), each with its gloss: a part the
/// English leaves unrendered is a modifier the glosses of the whole word do not reach.
fn inner_words(zk: &str, glosser: &mut Glosser) -> Vec<GlossedWord> {
    let mut out = Vec::new();
    for t in cedict::tokenize(zk) {
        if t.chars().count() < 3 || !termlike::dictionary_word(t) {
            continue;
        }
        for inner in termlike::inner_dictionary_words(t) {
            out.extend(glosser.gloss(&inner));
        }
    }
    out
}

/// Whether the English word `w` (lower case) has a verb's inflection in the vocabulary of
/// the glosses ([`crate::lexicon::words`]): its form in -ing or -ed ("preventing",
/// "implemented"). An adjective ending ("prevent", "strive") does not make such a word a
/// modifier: in front of a rendering it is as likely the verb governing it ("obstacles
/// that prevent workers from …"). "rural", "constant" and "important" have no such form.
fn inflects_as_verb(w: &str) -> bool {
    use crate::lexicon::words::is_listed;
    let stem = w.strip_suffix('e').unwrap_or(w);
    [
        format!("{w}ing"),
        format!("{stem}ing"),
        format!("{w}ed"),
        format!("{stem}ed"),
    ]
    .iter()
    .any(|f| is_listed(f))
}

/// The glossed words of the sentences that hold `zk` in the units `us` ([`crate::segment::
/// split_zh`]), outside its occurrences: the words written beside it, which an English word
/// beside its rendering may render instead of it (重要 "important" of 重要组成部分 beside
/// 组成部分 "part"; 历史 "historic" of 重要历史时刻, a clause after 波澜壮阔, whose English
/// "moments" is in front of it). The whole sentence, as the English orders its words
/// freely, but only its sentences: a unit may be a paragraph, whose other sentences say
/// nothing of the words beside the term.
fn outside_words(
    zk: &str,
    texts: &[UnitText],
    us: &[usize],
    glosser: &mut Glosser,
) -> Vec<GlossedWord> {
    let mut out = Vec::new();
    for zh in us
        .iter()
        .filter_map(|&u| texts.get(u))
        .flat_map(|t| t.zh.iter())
    {
        for sentence in crate::segment::split_zh(zh)
            .into_iter()
            .filter(|r| r.contains(zk))
        {
            for rest in sentence.split(zk) {
                for t in cedict::tokenize(rest) {
                    out.extend(glosser.gloss(t));
                }
            }
        }
    }
    out
}

/// The share of one gloss phrase of the candidate (`phrases`, [`termlike::gloss_phrases`])
/// that the English `k` holds, when it holds at least half of it, else 0. A gloss phrase
/// tells the whole rendering from one of its words ("socialism with Chinese
/// characteristics" against "socialism"); a few words shared with a long descriptive gloss
/// ("a society where basic needs are met") are no such evidence, and would let the
/// context that happens to hold them ("meets the development needs") outweigh the words
/// that gloss the candidate ("moderately prosperous society").
fn held_gloss_phrase(k: &str, phrases: &[Vec<u64>]) -> f64 {
    let share = termlike::phrase_cover(k, phrases);
    if share * 2.0 >= 1.0 {
        share
    } else {
        0.0
    }
}

/// Whether an English rendering is a capitalised name whose ends the capitals confirm
/// where the glosses do not: every content word capitalised, two at least glossed and
/// standing together at its end, and in front of them at most one unglossed word, a
/// nationality adjective or a word capitalised inside a sentence of `texts` (not only
/// because a sentence opens with it). The word in front is part of the name ("Chinese
/// Communist Youth League" for 共青团, glossed "Communist Youth League"): a name is written
/// whole, and English capitalises no word of the sentence around it.
fn capitalised_name(en: &str, glossed: &[GlossedWord], texts: &[&str]) -> bool {
    let words: Vec<(&str, bool)> = en
        .split_whitespace()
        .filter_map(|w| termlike::word_covers(w, glossed).map(|c| (w, !c.is_empty())))
        .collect();
    let Some(first) = words.iter().position(|&(_, g)| g) else {
        return false;
    };
    let capitalised = termlike::capitalised;
    if first > 1
        || words.len() - first < 2
        || !words.iter().all(|&(w, _)| capitalised(w))
        || !words[first..].iter().all(|&(_, g)| g)
    {
        return false;
    }
    let Some(&(front, _)) = words.first().filter(|_| first == 1) else {
        return true;
    };
    // Inside a sentence: the text before it ends on a word, not on a sentence's end.
    let inside = |t: &str| {
        t.match_indices(en).any(|(at, _)| {
            t[..at]
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '\''))
        })
    };
    // A nationality adjective: a word that leaves a rendering dangling without modifying.
    let ends = EnEnds::get();
    let demonym = ends.dangling(front) && !ends.modifier(front);
    demonym || texts.iter().any(|t| inside(t))
}

/// Whether the English n-gram `k` is `ek` (an n-gram of one word) with one to three words in
/// front, every spelling of `k` capitalised word by word and the usual spelling of `ek`
/// capitalised (`en.surface`; the head of a name may also be a common noun elsewhere: "a
/// patriotic association"): a name and the head it is shortened to ("Western Returned
/// Scholars Association", "the Association").
fn capitalised_front(ek: &str, k: &str, en: &EnNgrams) -> bool {
    let capitalised = |s: &str| s.split_whitespace().all(termlike::capitalised);
    let usual = en.surface.get(ek).and_then(|m| {
        m.iter()
            .max_by(|p, q| p.1.cmp(q.1).then(q.0.cmp(p.0)))
            .map(|(s, _)| s.as_str())
    });
    !ek.contains(' ')
        && k.strip_suffix(ek)
            .and_then(|f| f.strip_suffix(' '))
            .is_some_and(|f| (1..=3).contains(&f.split_whitespace().count()))
        && usual.is_some_and(capitalised)
        && en
            .surface
            .get(k)
            .is_some_and(|m| !m.is_empty() && m.keys().all(|s| capitalised(s)))
}

/// How many words open `en` before its first content word the Chinese glosses, when one
/// of them at least is a content word (else 0): words of the sentence in front of a
/// rendering, not of the rendering.
fn unglossed_front(en: &str, glossed: &[GlossedWord]) -> usize {
    let mut content = false;
    for (i, w) in en.split_whitespace().enumerate() {
        match termlike::word_covers(w, glossed) {
            Some(c) if !c.is_empty() => return if content { i } else { 0 },
            Some(_) => content = true,
            None => {}
        }
    }
    0
}

/// How far the English n-gram `key` (an [`super::ngrams::en_key`]) stands in the English of
/// the unit `t` from where the Chinese `zk` stands in its Chinese: the smallest difference
/// of the relative offsets of their middles (0 to 1), over their occurrences. `None` when
/// either is not found.
fn position_offset(zk: &str, key: &str, t: &UnitText) -> Option<f64> {
    let zh: Vec<char> = t.zh.concat().chars().collect();
    let z: Vec<char> = zk.chars().collect();
    if z.is_empty() || zh.len() < z.len() {
        return None;
    }
    let zh_at: Vec<f64> = zh
        .windows(z.len())
        .enumerate()
        .filter(|(_, w)| *w == &z[..])
        .map(|(i, _)| (i as f64 + z.len() as f64 / 2.0) / zh.len() as f64)
        .collect();
    let words: Vec<String> = super::ngrams::en_spans(t.en).concat();
    let n = key.split_whitespace().count();
    if n == 0 || words.len() < n {
        return None;
    }
    // The n-gram is looked for within runs of words: its key drops a plural only on the
    // last word, which `en_key` of the same words reproduces.
    let en_at: Vec<f64> = words
        .windows(n)
        .enumerate()
        .filter(|(_, w)| super::ngrams::en_key(w) == key)
        .map(|(i, _)| (i as f64 + n as f64 / 2.0) / words.len() as f64)
        .collect();
    zh_at
        .iter()
        .flat_map(|p| en_at.iter().map(move |q| (p - q).abs()))
        .min_by(f64::total_cmp)
}

/// An English n-gram with the units it shares with the Chinese and their G².
type Scored<'a> = (&'a str, usize, f64);

/// The weight an English n-gram is chosen by, and its closeness to the expected length.
type Weight = (f64, f64);

/// The English rendering of the Chinese candidate `zk` (statistics `st`), or `None` when
/// no English n-gram is associated with it, when it is seen once and the dictionary does
/// not confirm it (unless its `form` is a numbered formulation), or when it opens or closes with a verb the English leaves unrendered.
pub(crate) fn render(
    zk: &str,
    st: &ZhStats,
    form: Option<Form>,
    ev: &Evidence,
    min: usize,
    glosser: &mut Glosser,
) -> Option<Rendered> {
    let (en, texts) = (ev.en, &ev.texts[..]);
    let n_units = texts.len();
    // Units of each English n-gram among the candidate's (only looked up, or iterated to
    // a choice whose ties fall to the n-gram itself: the order is never seen).
    let mut co: IdMap<&str, usize> = IdMap::default();
    let facts = |k: &str| {
        en.facts
            .get(k)
            .copied()
            .unwrap_or_else(|| EnKeyFacts::of(k))
    };
    for &u in &st.units {
        for k in &en.of_unit[u] {
            *co.entry(k.as_str()).or_default() += 1;
        }
    }
    let x = st.units.len();
    // The English keeps a negation exactly when the Chinese has one: 不针对第三方 is "not
    // targeting any third party", never "targeting any third party".
    let negated = termlike::zh_negated(zk);
    // An English coordination ("and", "or") for a Chinese without one (和, 与, 及, 并,
    // 同) must be glossed word for word, its items by two Chinese words ("reform and
    // opening up" for 改革开放), else it joins a neighbour to the term ("foreign policy and
    // external relations" for 对外关系, "initiatives and propositions" for 重要倡议 beside
    // 主张).
    let zh_coordinated = zk.contains(['和', '与', '及', '并', '同']);
    // An English clause (a finite "be" or a modal inside: "socialism can save China")
    // renders only a Chinese with a copula or modal of its own, a saying that is a
    // sentence (实践是检验真理的唯一标准); for any other candidate it runs on into the
    // predicate.
    let sentence = termlike::zh_clause(zk);
    let glossed = termlike::gloss_candidate(glosser, zk);
    // A Chinese ending in a word of change (民主化) renders only with that change: the
    // English of its stem ("democracy") renders another term.
    let change = termlike::change_word(glosser, zk);
    // The words the English chosen must render, without a genitive particle (的 of 党的领导
    // is rendered by "'s" or "of", no word a gloss reaches): what the choice weighs. The
    // confirmation reported and ranked stays on every glossed word.
    let content = termlike::gloss_content_words(glosser, zk);
    // What renders each of those words and not another: an English word two of them
    // gloss alike renders one of them only ([`termlike::distinctive`]).
    let content_own = termlike::distinctive(&content);
    let near = genitive_neighbours(zk, texts, &st.units, glosser);
    let near_all: Vec<GlossedWord> = near.iter().flatten().cloned().collect();
    // Whether the English n-gram `k` does not render a genitive neighbour (checked last,
    // on the few n-grams that pass everything else: the glosses are the costly part).
    let neighbour_free = |k: &str| {
        near_all.is_empty()
            || termlike::rendering(k, &near_all).glossed == 0
            || !renders_neighbour(
                k,
                &en.units.get(k).map_or_else(Vec::new, |v| {
                    v.iter().copied().filter(|u| st.units.contains(u)).collect()
                }),
                &st.units,
                &near,
                &glossed,
            )
    };
    // An English n-gram is a rendering when it stands in at least half the units of the
    // Chinese, or when it renders the whole Chinese: every Chinese word with a gloss
    // rendered (two at least) and every English content word glossed. Uses of one term
    // vary in wording ("cause of socialism with Chinese characteristics", "socialist
    // cause with Chinese characteristics", "cause of Chinese socialism" for
    // 中国特色社会主义事业), and the piece they share ("cause") renders less of it.
    let complete = |k: &str| {
        // Two glossed Chinese words and two English words at least, before the comparison
        // word by word (most n-grams weighed are single words).
        if content.len() < 2 || k.split_whitespace().nth(1).is_none() {
            return false;
        }
        let r = termlike::rendering_by(k, &content, &content_own);
        r.zh_words >= 2 && r.words >= 2 && r.whole()
    };
    let scored: Vec<(&str, usize, f64)> = co
        .iter()
        .map(|(&k, &a)| (k, a))
        .filter(|&(k, a)| a >= min && (a * 2 >= x || complete(k)))
        .filter(|&(k, _)| facts(k).negated == negated)
        .filter(|&(k, _)| sentence || !facts(k).clause)
        .filter(|&(k, _)| zh_coordinated || !coordinated_unglossed(k, zk, &glossed))
        .filter(|&(k, _)| !facts(k).mostly_negated())
        .filter(|&(k, _)| !number_unrendered(zk, form, k))
        .filter(|&(k, _)| {
            change
                .as_ref()
                .is_none_or(|w| !termlike::change_unrendered(k, w))
        })
        .map(|(k, a)| (k, a, super::discover::g2(a, x, en.units_of(k), n_units)))
        .filter(|s| s.2 > 0.0)
        .collect();
    // The English is chosen by association weighted by what the dictionary confirms: G²
    // times (1 + Chinese words rendered)³ (cubed, so that rendering the whole term
    // outweighs a shorter phrase's extra repetitions: "leadership of the Party" over
    // "leadership" for 党的领导), times the share of English content words glossed (plus
    // one half, so an unglossed rendering is not ruled out), times 1.5 when both ends are
    // glossed. A general word such as "socialism" co-occurs more often than the whole
    // rendering "socialism with Chinese characteristics", but renders less of
    // 中国特色社会主义 (whose dictionary gloss is the whole phrase: twice the share of a
    // gloss phrase held is added to the words rendered); in a pair seen once, where every
    // n-gram of the sentence has the same G², the dictionary alone decides. Ties go to a
    // length close to what the Chinese suggests (about one word per 1.3 characters), then
    // G².
    let phrases = termlike::gloss_phrases(zk);
    let expected = zk.chars().count() as f64 * 0.75;
    let weight = |k: &str, g: f64| {
        let r = termlike::rendering_by(k, &content, &content_own);
        let phrase = held_gloss_phrase(k, &phrases);
        let edges = if r.edges_glossed || glossed.is_empty() {
            1.5
        } else {
            1.0
        };
        let distance = (r.words as f64 - expected).abs();
        (
            g * (1.0 + r.zh_covered as f64 + 2.0 * phrase).powi(3) * (0.5 + r.precision()) * edges,
            -distance,
        )
    };
    // The best by weight that renders no genitive neighbour.
    let mut ranked: Vec<(Weight, Scored)> = scored.iter().map(|&s| (weight(s.0, s.2), s)).collect();
    let (mut ek, mut a, mut g) = loop {
        let (mut best, _) = ranked.iter().enumerate().max_by(|(_, p), (_, q)| {
            let ((wp, dp), p) = p;
            let ((wq, dq), q) = q;
            wp.total_cmp(wq)
                .then(dp.total_cmp(dq))
                .then(p.2.total_cmp(&q.2))
                .then(q.0.cmp(p.0))
        })?;
        // In a pair seen once the dictionary may weigh two n-grams of the sentence alike
        // (根本 and 基本 share their glosses: "fundamental political system" and "basic
        // political system" for 根本政治制度): the tie goes to the one standing where the
        // Chinese stands in its sentence, relative offsets compared (a translation keeps
        // the order of the items it enumerates), before the order of the n-grams.
        if x == 1 {
            let (w0, g0) = (ranked[best].0, ranked[best].1 .2);
            let tied: Vec<usize> = (0..ranked.len())
                .filter(|&i| ranked[i].0 == w0 && ranked[i].1 .2 == g0)
                .collect();
            if tied.len() > 1 {
                if let Some(t) = st.units.first().and_then(|&u| texts.get(u)) {
                    // Each tied n-gram's offset, worked out once.
                    let offsets = tied.iter().map(|&i| {
                        let k = ranked[i].1 .0;
                        (position_offset(zk, k, t).unwrap_or(f64::INFINITY), k, i)
                    });
                    if let Some((_, _, i)) =
                        offsets.min_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(q.1)))
                    {
                        best = i;
                    }
                }
            }
        }
        if neighbour_free(ranked[best].1 .0) {
            break ranked[best].1;
        }
        ranked.swap_remove(best);
    };
    let mut y = en.units_of(ek);
    // Extension to the maximal phrase: a longer English n-gram containing the chosen one
    // replaces it when it co-occurs in at least two thirds as many units and
    // - every content word it adds is glossed by the Chinese (`community with a shared
    //   future` → `… for mankind` for 人类命运共同体), or
    // - it is itself repeated (three units or more), in at least four fifths of the
    //   shorter one's units, almost only beside the Chinese, and adds no coordination
    //   (`18th` → `18th National Congress` for 党的十八大, whose 大 no gloss renders), so
    //   the phrase grows with evidence, not with the sentence it happens to stand in, and
    //   only while a Chinese word is still unrendered (群众路线 is whole as "mass line", not
    //   "Party's mass line" because 党的群众路线 is frequent); this
    //   is not for a string mostly seen inside one longer string (小康社会 in
    //   全面建成小康社会): the words it would add ("in all respects") render the
    //   neighbour, not the candidate; or
    // - it stands wherever the shorter one does (in as many units with the Chinese, or
    //   more: a heading may hold only the longer one) and renders more of the Chinese, adding at
    //   most three words of which one at most is unglossed: the head noun a gloss does not
    //   reach (中华儿女: "sons and daughters" → "… of the Chinese nation"); or
    // - it adds one adjective in front, wherever the shorter one stands, while a Chinese
    //   word is still unrendered (毛泽东思想活的灵魂: "enduring spirit of Mao Zedong
    //   Thought", 自强不息: "constant self-improvement"), so that a rendering does not
    //   drop the modifier the Chinese glosses.
    // An "and" or "or" the extension would add needs a coordination in the Chinese (和,
    // 与, 及, 并, 同): "basic economic system and other systems" is not 基本经济制度.
    let nested = nested_mostly(st);
    let ends = EnEnds::get();
    let edge = super::ngrams::en_edge_words();
    let inner = inner_words(zk, glosser);
    // Adjectives taken in front because a part of a Chinese word is unrendered (the
    // 农民 of 农民工 in "rural migrant workers"): they count as glossed below.
    let mut adjectives_taken = 0usize;
    // The glossed words of the candidate's sentences outside it, worked out only for a pair
    // seen once with a part unrendered ([`outside_words`]).
    let sentence_words: std::cell::OnceCell<Vec<GlossedWord>> = std::cell::OnceCell::new();
    // Whether the candidate holds a derived noun (积极性, "initiative"): the part its
    // English seems to leave out is the noun's stem, which the noun renders (no adjective
    // is taken for it in a pair seen once). Worked out only for such a pair, as the words
    // beside it are.
    let derived: std::cell::OnceCell<bool> = std::cell::OnceCell::new();
    let holds_derived_noun = || {
        *derived.get_or_init(|| {
            cedict::tokenize(zk)
                .iter()
                .any(|t| termlike::abstract_noun(t))
        })
    };
    // The word written in front of `k` when `k` is the English chosen with one adjective
    // in front.
    let adjective_front = |k: &str, ek: &str| -> bool {
        k.strip_suffix(ek)
            .and_then(|w| w.strip_suffix(' '))
            .is_some_and(|w| !w.contains(' ') && ends.adjective(w))
    };
    loop {
        let base = termlike::rendering(ek, &glossed);
        let base_unglossed = base.words - base.glossed.min(base.words);
        // The parts of the Chinese words of three characters or more that the English
        // chosen leaves unrendered (不息 of 自强不息 in "self-improvement", 农民 of 农民工 in
        // "migrant workers"): the whole word is glossed, but a modifier is missing.
        let unrendered: Vec<GlossedWord> = if base.zh_covered == base.zh_words {
            inner
                .iter()
                .filter(|w| termlike::rendering(ek, std::slice::from_ref(*w)).zh_covered == 0)
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        let part_unrendered = !unrendered.is_empty();
        // Units with an adjective in front of the English chosen, whichever adjective:
        // uses vary in it ("constant self-improvement", "ceaseless self-improvement").
        // A word in -ing in front is a verb or a gerund governing the term ("building
        // socialism …", "accelerating …"), not a modifier of it.
        let gerund = |k: &str| k.split(' ').next().is_some_and(|w| w.ends_with("ing"));
        let adjective_units: usize = if part_unrendered && a >= 2 {
            co.iter()
                .filter(|(k, _)| adjective_front(k, ek) && !gerund(k))
                .map(|(_, &n)| n)
                .sum()
        } else {
            0
        };
        // In a pair repeated at least twice, an adjective stands in front in every unit
        // where the English chosen does: it renders the unrendered part. In a pair seen
        // once the adjective in front may render a word of the sentence beside the
        // candidate ("important part" for 组成部分, after 重要): one adjective is taken
        // there only when no Chinese word of the sentence outside the candidate glosses
        // it ("rural migrant workers" for 农民工, "constant self-improvement" for
        // 自强不息), so it renders nothing but the part left out; and not for the stem of
        // a derived noun ("historical initiative" for 积极性, whose 积极 "initiative"
        // renders).
        // While a part is unrendered, a word in front that the Chinese glosses, in at
        // least half the units of the English chosen, renders the modifier: the
        // dictionary confirms it ("lofty communist ideals" for 共产主义远大理想, glossed
        // "lofty ideal"), even where other units write an adjective no gloss reaches
        // ("high communist ideals").
        let glossed_front = |k: &str| {
            part_unrendered
                && !gerund(k)
                && k.strip_suffix(ek)
                    .and_then(|w| w.strip_suffix(' '))
                    .is_some_and(|w| {
                        !w.contains(' ') && termlike::rendering(w, &glossed).glossed == 1
                    })
        };
        let glossed_front_units: usize = if part_unrendered {
            co.iter()
                .filter(|(k, _)| glossed_front(k))
                .map(|(_, &n)| n)
                .sum()
        } else {
            0
        };
        let by_glossed_front = |k: &str| glossed_front_units * 2 >= a && glossed_front(k);
        let once_front = |k: &str| {
            part_unrendered
                && a == 1
                && x == 1
                && !holds_derived_noun()
                && adjectives_taken == 0
                && adjective_front(k, ek)
                && !gerund(k)
                && k.split_whitespace().next().is_some_and(|w| {
                    if inflects_as_verb(w) {
                        return false;
                    }
                    let outside = sentence_words
                        .get_or_init(|| outside_words(zk, texts, &st.units, &mut Glosser::new()));
                    termlike::rendering(w, outside).glossed == 0
                })
        };
        let by_part = |k: &str| {
            by_glossed_front(k)
                || (part_unrendered
                    && a >= 2
                    && adjective_units >= a
                    && adjective_front(k, ek)
                    && !gerund(k))
                || once_front(k)
        };
        // Whether the last Chinese word (with a gloss) is rendered by the English chosen.
        let last_rendered = glossed
            .last()
            .is_none_or(|w| termlike::rendering(ek, std::slice::from_ref(w)).zh_covered > 0);
        // The English head written in front of the words already chosen, joined by `of`
        // or `to` ("model workers" → "ethos of model workers" for 劳模精神), while the last
        // Chinese word (the head: Chinese puts it last) is unrendered: one or two words and
        // the preposition, an optional `the` after it, none of them glossed by another
        // Chinese word (which would make it a neighbour, not the head), in two thirds of
        // the shorter one's units at least, counting the spellings with and without the
        // article as one ("ethos of the model workers", "ethos of model workers"). Not in
        // a pair seen once: an unglossed head is no evidence there, and would cost the pair
        // its dictionary confirmation at the ends.
        let head_in_front = |k: &str| -> Option<usize> {
            if last_rendered || a < 2 {
                return None;
            }
            let front = k.strip_suffix(ek).and_then(|w| w.strip_suffix(' '))?;
            let mut w: Vec<&str> = front.split_whitespace().collect();
            let article = w.last() == Some(&"the");
            if article {
                w.pop();
            }
            let (prep, head) = w.split_last()?;
            let other = if article {
                format!("{} {prep} {ek}", head.join(" "))
            } else {
                format!("{} {prep} the {ek}", head.join(" "))
            };
            let (mine, twin) = (
                co.get(k).copied().unwrap_or(0),
                co.get(other.as_str()).copied().unwrap_or(0),
            );
            // Of the two spellings only the more frequent is taken (the one without the
            // article on a tie), with the units of both.
            let units = mine + twin;
            let taken = mine > twin || (mine == twin && !article);
            (taken
                && ends.head_of(prep)
                && (1..=2).contains(&head.len())
                && head
                    .iter()
                    .all(|h| !edge.contains(*h) && !ends.participle(h) && h.len() > 2)
                && termlike::rendering(&head.join(" "), &glossed).glossed == 0
                && units * 3 >= a * 2)
                .then_some(units)
        };
        // A name written in full at its first mentions and by its head alone after them
        // ("Western Returned Scholars Association", then "the Association", for 欧美同学会):
        // the English chosen is that head, capitalised in every spelling (a name, not a
        // common noun), with a Chinese word still unrendered; the longer n-gram adds up to
        // three words in front, capitalised in every spelling, and is repeated (two units
        // or more, a third of the head's at least): a sentence's capitalised opening is not
        // repeated.
        let full_name = |k: &str, a2: usize| {
            base.zh_covered < base.zh_words
                && a2 >= 2
                && a2 * 3 >= a
                && capitalised_front(ek, k, en)
        };
        let next = co
            .iter()
            .filter(|&(&k, &a2)| {
                a2 >= min
                    && (a2 * 2 > a || by_part(k) || full_name(k, a2) || head_in_front(k).is_some())
                    && k.len() > ek.len()
                    && words_within(ek, k)
            })
            .filter(|&(&k, _)| facts(k).negated == negated)
            .filter(|&(&k, _)| sentence || !facts(k).clause)
            .filter(|&(&k, &a2)| {
                let r = termlike::rendering(k, &glossed);
                let y2 = en.units_of(k);
                let adds_coordination = k
                    .split_whitespace()
                    .any(|w| matches!(w, "and" | "or") && !words_within(w, ek));
                let unglossed = r.words - r.glossed.min(r.words);
                let all_glossed = r.glossed + base.words == base.glossed + r.words;
                let repeated = !nested
                    && base.zh_covered < base.zh_words
                    && !adds_coordination
                    && r.words <= base.words + 2
                    && a2 >= 3
                    && a2 * 5 >= a * 4
                    && y2 * 4 <= a2 * 5;
                let head = a2 >= a
                    && r.zh_covered > base.zh_covered
                    && unglossed <= base_unglossed + 1
                    && r.words <= base.words + 3;
                let adjective =
                    (adjective_front(k, ek) && base.zh_covered < base.zh_words && a2 >= a)
                        || by_part(k);
                // A name after a title (`Foreign Minister` → `Foreign Minister Wang Yi` for
                // 外交部长王毅): a Chinese string that is more than a dictionary word, an
                // English rendering ending on a title, only capitalised words added, in
                // most of the units (the title alone is the usual second mention).
                let name = a2 * 2 > a
                    && !termlike::dictionary_word(zk)
                    && ek.split_whitespace().last().is_some_and(|w| ends.title(w))
                    && en.surface.get(k).is_some_and(|m| {
                        m.keys().all(|s| {
                            let added: Vec<&str> = s
                                .split_whitespace()
                                .skip(ek.split_whitespace().count())
                                .collect();
                            k.starts_with(ek)
                                && !added.is_empty()
                                && added.len() <= 3
                                && added.iter().all(|w| termlike::capitalised(w))
                        })
                    });
                let full_name = full_name(k, a2);
                // A rendering ending on a modifier or a nationality adjective takes the noun
                // that follows it wherever it stands ("… of the Chinese" → "… of the
                // Chinese nation").
                let dangling = a2 >= a
                    && ek
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| ends.dangling(w))
                    && k.strip_prefix(ek)
                        .and_then(|w| w.strip_prefix(' '))
                        .is_some_and(|w| !w.contains(' '));
                r.words > base.words
                    && (a2 * 3 >= a * 2
                        || name
                        || full_name
                        || adjective
                        || head_in_front(k).is_some())
                    && (zh_coordinated || !adds_coordination)
                    && (all_glossed
                        || repeated
                        || head
                        || adjective
                        || name
                        || full_name
                        || dangling
                        || head_in_front(k).is_some())
            })
            .filter(|&(&k, _)| neighbour_free(k))
            .max_by(|p, q| {
                // Of two as long and as frequent, the one first seen with the Chinese: a
                // name is written in full where the text first mentions it.
                let first = |k: &str| {
                    en.units
                        .get(k)
                        .and_then(|v| v.iter().copied().filter(|u| st.units.contains(u)).min())
                };
                p.0.split_whitespace()
                    .count()
                    .cmp(&q.0.split_whitespace().count())
                    .then(p.1.cmp(q.1))
                    .then_with(|| first(q.0).cmp(&first(p.0)))
                    .then(q.0.cmp(p.0))
            });
        let Some((&k, &a2)) = next else {
            break;
        };
        // A full name counts the units of its head alone: they are its later mentions.
        let a2 = if full_name(k, a2) { a2.max(a) } else { a2 };
        // A head taken in front counts the units of both its spellings.
        let a2 = head_in_front(k).map_or(a2, |units| units.max(a2));
        // An adjective taken for an unrendered part counts the units of all the
        // adjectives seen in front, and is confirmed by that part.
        let a2 = if by_part(k) {
            adjectives_taken += 1;
            if by_glossed_front(k) {
                a2.max(a)
            } else {
                a2.max(adjective_units.min(a))
            }
        } else {
            a2
        };
        y = en.units_of(k).max(a2);
        (ek, a, g) = (k, a2, super::discover::g2(a2, x, y, n_units));
    }
    let surface = en
        .surface
        .get(ek)
        .and_then(|m| m.iter().max_by(|p, q| p.1.cmp(q.1).then(q.0.cmp(p.0))))
        .map_or_else(|| ek.to_string(), |(s, _)| s.clone());
    let core: String = surface
        .split_whitespace()
        .skip(adjectives_taken)
        .collect::<Vec<_>>()
        .join(" ");
    // A Chinese written between quotation or book-title marks (《复兴之路》, “报国计划”)
    // whose English is quoted too renders as the whole quoted English: the marks bound
    // the term on both sides, with its capitalised article ("The Road to Rejuvenation")
    // or a verb no gloss reaches ("serve the country program"). The quoted English must
    // hold the English chosen, adding at most four words, and be no clause.
    let mut quoted: HashMap<String, usize> = HashMap::new();
    for &u in &st.units {
        let Some(t) = texts.get(u) else { continue };
        if t.en_quoted.is_empty() || !t.zh_quoted.iter().any(|q| q == zk) {
            continue;
        }
        for q in t.en_quoted.iter().cloned() {
            let added = q.split_whitespace().count()
                - surface
                    .split_whitespace()
                    .count()
                    .min(q.split_whitespace().count());
            if words_within(&surface, &q)
                && added <= 4
                && (sentence || !termlike::en_clause(&q))
                && termlike::en_negated(&q) == negated
            {
                *quoted.entry(q).or_default() += 1;
            }
        }
    }
    let surface = quoted
        .into_iter()
        .max_by(|p, q| p.1.cmp(&q.1).then(q.0.cmp(&p.0)))
        .map_or(surface, |(q, _)| q);
    let mut r = termlike::rendering(&surface, &glossed);
    // Words bounded by the quotation marks or taken for an unrendered part are confirmed
    // by that evidence: the dictionary confirms what the English chosen before them
    // renders.
    if surface != core {
        let c = termlike::rendering(&core, &glossed);
        r.glossed = (c.glossed + r.words.saturating_sub(c.words)).min(r.words);
        r.edges_glossed = c.edges_glossed;
    }
    // One co-occurrence is no statistical evidence: such a pair stands only when the
    // dictionary confirms it (both ends of the English and at least half of each side
    // glossed). A numbered formulation is its own evidence at the ends: its number meets
    // the English ordinal, and its head (大 of 十八大) is an abbreviation no gloss
    // renders ("18th CPC National Congress").
    let ends_ok = r.edges_glossed
        || form == Some(Form::Numbered)
        || capitalised_name(
            &surface,
            &glossed,
            &st.units
                .iter()
                .filter_map(|&u| texts.get(u).map(|t| t.en))
                .collect::<Vec<_>>(),
        );
    let confirmed = |r: &termlike::Rendering, ends_ok: bool| {
        ends_ok && r.precision() >= 0.5 && r.coverage() >= 0.5
    };
    // In a pair seen once every n-gram of the sentence is as associated as the English
    // chosen, which may open on a word of the sentence before the term ("greetings to
    // overseas Chinese" for 华侨华人, "advanced productive forces and relations of
    // production" for 生产力和生产关系, beside 先进): unglossed words in front of the first
    // glossed one are dropped when the rest is confirmed, rather than the pair.
    let (surface, r) = if a < 2 && !confirmed(&r, ends_ok) {
        let n = unglossed_front(&surface, &glossed);
        let words: Vec<&str> = surface.split_whitespace().collect();
        let keys: Vec<&str> = ek.split_whitespace().collect();
        if n == 0 || surface != core || keys.len() != words.len() || n >= words.len() {
            return None;
        }
        let (rest, key) = (words[n..].join(" "), keys[n..].join(" "));
        let r = termlike::rendering(&rest, &glossed);
        let (&k, _) = co.get_key_value(key.as_str())?;
        // The rest must render the whole Chinese, word for word: a word dropped may render
        // a Chinese word no gloss reaches (全面 of 全面的社会变革, "all-round"), and a
        // single word is no evidence that the sentence, not the term, opened the English.
        // A Chinese conjunction (和 of 风险和考验) counts as rendered by an English
        // coordinator, which no gloss reaches: one, when the Chinese coordinates at all and
        // its conjunction is still a word to render (one joining two terms is not one:
        // [`termlike::has_joining_conjunction`]).
        let coordinated = rest.split_whitespace().any(|w| matches!(w, "and" | "or"));
        let conjunctions =
            usize::from(coordinated && zh_coordinated && !termlike::has_joining_conjunction(zk));
        if !confirmed(&r, r.edges_glossed)
            || r.words < 2
            || r.glossed < r.words
            || r.zh_covered + conjunctions < r.zh_words
            || number_unrendered(zk, form, k)
            || (!sentence && facts(k).clause)
        {
            return None;
        }
        ek = k;
        y = en.units_of(k).max(a);
        g = super::discover::g2(a, x, y, n_units);
        (rest, r)
    } else {
        (surface, r)
    };
    // A proper name (胡锦涛) renders as the name: the capitalised words. Lower-case words
    // at either end are the sentence's apposition or verb beside it ("Hu Jintao as
    // general secretary"), which the dictionary's glosses of the person (their offices)
    // may confirm but which are no part of the name.
    let (surface, r) = match name_words(zk, &surface) {
        Some((from, to)) => {
            let keys: Vec<&str> = ek.split_whitespace().collect();
            let trimmed = surface.split_whitespace().collect::<Vec<_>>()[from..to].join(" ");
            match co.get_key_value(keys[from..to].join(" ").as_str()) {
                Some((&k, &a2)) if keys.len() == surface.split_whitespace().count() => {
                    ek = k;
                    a = a2;
                    y = en.units_of(k).max(a);
                    g = super::discover::g2(a, x, y, n_units);
                    let r = termlike::rendering(&trimmed, &glossed);
                    (trimmed, r)
                }
                _ => (surface, r),
            }
        }
        None => (surface, r),
    };
    // An English that renders none of the Chinese (血肉联系 "close ties") is no evidence
    // that a verb at its edge is left out: the verb is dropped only beside a rendered word.
    if r.zh_covered > 0 && termlike::unrendered_edge_verb(zk, &surface) {
        return None;
    }
    Some(Rendered {
        key: ek.to_string(),
        en: surface,
        pairs: a,
        en_pairs: y,
        g2: g,
        rendering: r,
        glossed,
    })
}

/// The word range `(from, to)` of `en` that is a proper name's rendering, when the
/// Chinese `zk` is a CC-CEDICT proper name and `en` holds lower-case words at an end around
/// its capitalised words, joined to them by a function word: an apposition or a verb's
/// preposition ("Hu Jintao as general secretary" → "Hu Jintao", "met with Hu Jintao").
/// A lower-case content word next to the name is part of it ("Party committees" for 党委,
/// whose gloss is capitalised). `None` when there is nothing to trim.
fn name_words(zk: &str, en: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = en.split_whitespace().collect();
    let mut from = words.iter().position(|w| termlike::capitalised(w))?;
    let mut to = words.iter().rposition(|w| termlike::capitalised(w))? + 1;
    let function = |w: &str| crate::lexicon::dict::en_stems(w).is_empty();
    if from > 0 && !function(words[from - 1]) {
        from = 0;
    }
    if to < words.len() && !function(words[to]) {
        to = words.len();
    }
    // The name kept is two capitalised words at least, every one capitalised: a single
    // capital may be the sentence's ("Serving the people" for 为人民服务, whose gloss is
    // the title "Serve the People").
    let name = to - from >= 2 && words[from..to].iter().all(|w| termlike::capitalised(w));
    (name && to - from < words.len() && termlike::proper_name(zk)).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A proper name's rendering is its capitalised words, without the apposition the
    /// sentence writes beside it; a common word keeps its English whole.
    #[test]
    fn a_proper_name_renders_as_its_capitalised_words() {
        assert_eq!(
            name_words("胡锦涛", "Hu Jintao as general secretary"),
            Some((0, 2))
        );
        assert_eq!(name_words("胡锦涛", "met with Hu Jintao"), Some((2, 4)));
        assert_eq!(name_words("党委", "Party committees"), None);
        assert_eq!(name_words("为人民服务", "Serving the people"), None);
        assert_eq!(name_words("胡锦涛", "Hu Jintao"), None);
        assert_eq!(
            name_words("社会主义", "socialism with Chinese characteristics"),
            None
        );
        assert_eq!(name_words("胡锦涛", "general secretary"), None);
    }

    /// A gloss phrase counts when the English holds at least half of it: the whole
    /// rendering of a set phrase does, one of its words does not.
    #[test]
    fn a_gloss_phrase_counts_when_mostly_held() {
        let phrases = termlike::gloss_phrases("中国特色社会主义");
        assert!(!phrases.is_empty());
        assert!(held_gloss_phrase("socialism with Chinese characteristics", &phrases) > 0.9);
        assert_eq!(held_gloss_phrase("characteristics", &phrases), 0.0);
        assert_eq!(held_gloss_phrase("building", &phrases), 0.0);
    }

    /// A word with a verb's inflection in the glosses' vocabulary is no adjective to take
    /// in front of a rendering, whatever its ending.
    #[test]
    fn verbs_are_told_by_their_inflections() {
        assert!(inflects_as_verb("prevent"));
        assert!(inflects_as_verb("give"));
        for w in ["rural", "constant", "important", "ceaseless"] {
            assert!(!inflects_as_verb(w), "{w}");
        }
    }

    /// The words written beside a candidate in its sentence are glossed, its other clauses
    /// included, not the candidate's own nor those of other sentences of the unit.
    #[test]
    fn words_beside_a_candidate_in_its_sentence() {
        let text = UnitText::new(vec!["这是国家重要组成部分，我们很重要。"], "");
        let words = outside_words("组成部分", &[text], &[0], &mut Glosser::new());
        assert!(termlike::rendering("important", &words).glossed == 1);
        assert!(termlike::rendering("part", &words).glossed == 0);
        let text = UnitText::new(vec!["开展了波澜壮阔的外交，塑造了历史时刻。这很重要。"], "");
        let words = outside_words("波澜壮阔", &[text], &[0], &mut Glosser::new());
        assert!(termlike::rendering("historic", &words).glossed == 1);
        assert!(termlike::rendering("important", &words).glossed == 0);
        let text = UnitText::new(vec!["包括农民工在内。我们很重要。"], "");
        let words = outside_words("农民工", &[text], &[0], &mut Glosser::new());
        assert!(termlike::rendering("rural", &words).glossed == 0);
        assert!(termlike::rendering("important", &words).glossed == 0);
    }

    /// A numbered formulation renders only with its count, a count of one included: an
    /// English article or no word for 一个 leaves a noun phrase of running text.
    #[test]
    fn a_count_of_one_is_rendered_too() {
        let numbered = Some(Form::Numbered);
        assert!(number_unrendered("一个地区", numbered, "region"));
        assert!(number_unrendered("一步一步", numbered, "step by step"));
        assert!(!number_unrendered("一个中心", numbered, "one central task"));
        assert!(!number_unrendered("三项任务", numbered, "three tasks"));
        assert!(number_unrendered("三项任务", numbered, "tasks"));
        assert!(!number_unrendered("一个地区", None, "region"));
    }

    /// Words of the sentence in front of a rendering, up to the first glossed content word,
    /// are counted when one at least is a content word.
    #[test]
    fn unglossed_words_in_front_are_counted() {
        let glossed = termlike::gloss_candidate(&mut Glosser::new(), "生产力和生产关系");
        let en = "advanced productive forces and relations of production";
        assert_eq!(unglossed_front(en, &glossed), 1);
        assert_eq!(unglossed_front("productive forces", &glossed), 0);
        assert_eq!(unglossed_front("the productive forces", &glossed), 0);
        let glossed = termlike::gloss_candidate(&mut Glosser::new(), "华侨华人");
        assert_eq!(
            unglossed_front("greetings to overseas Chinese", &glossed),
            2
        );
        assert_eq!(unglossed_front("greetings to friends", &glossed), 0);
    }

    /// Discovery with default options over one document of exactly these pairs (no
    /// filler: the test writes the text around the term itself).
    fn discover_in(pairs: &[(&str, &str)]) -> Vec<super::super::discover::Candidate> {
        let segs: Vec<super::super::Segment> = pairs
            .iter()
            .enumerate()
            .map(|(i, (zh, en))| super::super::discover::tests::seg(i, zh, en))
            .collect();
        super::super::discover::discover(&segs, &[], &Default::default())
    }

    /// A name written in full at its first mentions and by its capitalised head alone
    /// after them renders whole, not as the head its short mentions share.
    #[test]
    fn a_name_shortened_to_its_head_renders_whole() {
        let pairs = [
            (
                "欧美同学会成立于一百年前。",
                "The Western Returned Scholars Association was founded a hundred years ago.",
            ),
            (
                "新中国成立后，欧美同学会动员学人回国。",
                "After 1949, the Association encouraged scholars to return.",
            ),
            (
                "改革开放以来，欧美同学会实施报国计划。",
                "Since reform and opening up, the Association has carried out a program.",
            ),
            (
                "我们支持欧美同学会的工作。",
                "We support the work of the Western Returned Scholars Association.",
            ),
            (
                "要关心欧美同学会的发展。",
                "We should care for the growth of the Association.",
            ),
            ("世界需要和平稳定。", "The world needs peace and stability."),
            (
                "各国应当相互尊重。",
                "All countries should respect each other.",
            ),
            (
                "他们成立了一个爱国社团。",
                "They founded a patriotic association.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "欧美同学会");
        assert!(
            c.is_some_and(|c| c.en == "Western Returned Scholars Association"),
            "{all:?}"
        );
    }

    /// A capitalised name confirms its ends where the glosses do not: a nationality
    /// adjective or a word capitalised inside a sentence in front of the glossed name is
    /// part of it; a word capitalised only because it opens a sentence, a lower-case
    /// spelling or an unglossed last word is not.
    #[test]
    fn a_capitalised_name_confirms_its_ends() {
        let glossed = termlike::gloss_candidate(&mut Glosser::new(), "共青团");
        let text = ["The Chinese Communist Youth League should act. Strengthen Communist Youth League work."];
        assert!(capitalised_name(
            "Chinese Communist Youth League",
            &glossed,
            &[]
        ));
        assert!(capitalised_name("Communist Youth League", &glossed, &[]));
        assert!(!capitalised_name(
            "chinese communist youth league",
            &glossed,
            &text
        ));
        assert!(!capitalised_name(
            "Strengthen Communist Youth League",
            &glossed,
            &text
        ));
        assert!(capitalised_name(
            "Strengthen Communist Youth League",
            &glossed,
            &["We Strengthen Communist Youth League work."]
        ));
        assert!(!capitalised_name(
            "Communist Youth League Work",
            &glossed,
            &text
        ));
    }

    /// A verb of degree the English renders by a modifier ("continuing" for 深化) belongs
    /// to the term, and the pair stands whole beside its object written alone; a governing
    /// verb rendered by an English verb ("upholding" for 坚持) does not, and the pair is cut
    /// to its object.
    #[test]
    fn a_verb_of_degree_rendered_by_a_modifier_stays_in_the_term() {
        let pairs = [
            (
                "双方同意深化文化交流。",
                "Both sides agreed on continuing cultural exchanges.",
            ),
            (
                "文化交流增进了相互了解。",
                "Cultural exchanges have improved mutual understanding.",
            ),
            (
                "青年是文化交流的主力。",
                "Young people drive cultural exchanges.",
            ),
            (
                "双方还同意坚持体育合作。",
                "They also agreed on upholding sports cooperation.",
            ),
            ("世界需要和平稳定。", "The world needs peace and stability."),
            (
                "各国应当相互尊重。",
                "All countries should respect each other.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        assert!(
            found
                .iter()
                .any(|c| c.zh == "深化文化交流" && c.en == "continuing cultural exchanges"),
            "{all:?}"
        );
        assert!(!found.iter().any(|c| c.zh == "坚持体育合作"), "{all:?}");
    }
}
