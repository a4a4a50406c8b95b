//! Discovery: candidate term pairs that the list lacks, found in the aligned pairs alone.
//!
//! The method, chosen to work on documents it has never seen, down to one short speech
//! whose terms occur once each, runs in stages, each in its own module: candidate
//! generation (`ngrams`: steps 1 to 3), English rendering (`render`: step 4),
//! coordinated formulations ([`super::coordination`]: step 5) and ranking
//! ([`super::rank`]: step 6).
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
//!    not function characters (`data/terms/zh_edge_chars.txt`), a start word excepted
//!    (各级 of 各级党委); no copula or preposition as a word inside (…是…, …就是…). A
//!    governing verb in front (坚持…) or a start word stays only where the English chosen in
//!    step 4 renders it, the verb by a noun (领导核心 "core leadership"). A CC-CEDICT entry of
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
//!    before one) or before a verb's particle or object pronoun (`reform and opening up`,
//!    `hard work makes it flourish`). A plural last word
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
//!    (`18th` → `18th National Congress`), or that stands wherever it does and renders
//!    more of the Chinese with at most one unglossed word (`sons and daughters` → `… of
//!    the Chinese nation`), or that adds an adjective in front while a Chinese word is
//!    still unrendered (`enduring spirit of Mao Zedong Thought`). A pair seen once stands only when the
//!    dictionary confirms both ends and at least half of each side; a candidate opening or
//!    closing with a verb the English does not render is dropped.
//! 5. **Coordinated formulations** ([`coordination`]): lists written with 、 proposed whole,
//!    with the English window across commas that renders every item; and set phrases of
//!    two clauses cited whole as a sentence or quotation (空谈误国，实干兴邦), with the
//!    English clause pair that renders both.
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

use super::coordination;
use super::ngrams::{entropy, EnNgrams, Units, ZhNgrams};
pub use super::rank::Band;
use super::rank::{
    gloss_piece, idiom_piece, lexicalised, lexicalised_g2, strong_form, termhood, FRAGMENT,
    LONG_FORM, UNCONFIRMED, WEAK_FORM,
};
use super::render::{render, Evidence, UnitText};
use super::termlike::{self, Form};
use super::Segment;
use crate::lexicon::dict::Glosser;
use crate::lexicon::terms::Term;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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
    /// The kind of evidence it stands on (repeated or once, confirmed by the dictionary
    /// or not, term form, coordinated list).
    pub band: Band,
    /// Share of the candidates of its band judged right by reading
    /// ([`Band::confidence`]): how far to trust it before review.
    pub confidence: f64,
    /// Why it was proposed: repetition, the term-like form of the Chinese, and how much of
    /// the English the dictionary confirms (`in 3 pairs`, `dictionary entry`,
    /// `glossed 3/3 English words, 2/2 Chinese words`).
    pub evidence: Vec<String>,
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

/// Where a candidate comes from: the documents and dates of the segments of its units
/// (each once, in first-seen order; dates sorted) and its first segment, the example.
fn provenance(
    units_used: &[usize],
    units: &Units,
    segs: &[Segment],
) -> (Vec<String>, Vec<String>, usize) {
    let mut documents: Vec<String> = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    let mut example = usize::MAX;
    for &u in units_used {
        for &si in &units.members[u] {
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

/// The evidence line of a pair's unit count.
fn in_pairs(a: usize) -> String {
    format!("in {a} pair{}", if a == 1 { "" } else { "s" })
}

/// Candidate term pairs in `segs` not in `known`, best first.
pub fn discover(segs: &[Segment], known: &[Term], opts: &Options) -> Vec<Candidate> {
    let min = opts.min_pairs.max(1);
    let units = Units::new(segs);
    let quoted: HashSet<String> = segs
        .iter()
        .flat_map(|s| termlike::quoted_spans(&s.zh))
        .collect();
    let known_keys: HashSet<String> = known.iter().map(Term::key_text).collect();
    let zh = ZhNgrams::count(segs, &units, opts.max_zh_chars);
    let zh_cands = zh.candidates(min, &quoted, &known_keys, opts.include_known);
    let en = EnNgrams::count(segs, &units, opts.max_en_words, min);
    let mut glosser = Glosser::new();
    let evidence = Evidence {
        en: &en,
        texts: units
            .members
            .iter()
            .map(|m| {
                UnitText::new(
                    m.iter().map(|&i| segs[i].zh.as_str()).collect(),
                    m.first().map_or("", |&i| segs[i].en.as_str()),
                )
            })
            .collect(),
    };
    let mut found: Vec<Candidate> = zh_cands
        .into_iter()
        .filter_map(|(zk, st, form)| {
            let r = render(zk, st, form, &evidence, min, &mut glosser)?;
            // A governing verb or a start word in front belongs to the term only when the
            // English renders it (领导核心 "core leadership", 各级党委 "Party committees at
            // all levels").
            if !termlike::opening_rendered(zk, &r.en) {
                return None;
            }
            Some(score_pair(zk, st, form, r, &en, &units, segs))
        })
        .collect();
    found.extend(coordinated(segs, &units, &known_keys, opts, &mut glosser));
    let count = |s: &str| zh.stats.get(s).map_or(0, |st| st.count);
    super::rank::rank(found, &quoted, &count, segs)
}

/// The candidate of a Chinese n-gram and its rendering: score (G² times dictionary
/// support times termhood), evidence band and provenance.
fn score_pair(
    zk: &str,
    st: &super::ngrams::ZhStats,
    form: Option<Form>,
    rendered: super::render::Rendered,
    en: &EnNgrams,
    units: &Units,
    segs: &[Segment],
) -> Candidate {
    let r = rendered.rendering;
    let x = st.units.len();
    let a = rendered.pairs;
    // Dictionary support: share of English content words glossed by the Chinese and of
    // Chinese words whose gloss is in the English.
    let support = 0.5 * (r.precision() + r.coverage());
    // A repeated pair the dictionary does not confirm at both ends (主席 / "President
    // Xi", 中外 / "Foreign Minister") is as likely a neighbour as a translation: demoted,
    // the more so when no English word is glossed at all. A numbered formulation is its
    // own evidence at the ends, as in [`super::render::render`]: its English holds its
    // number (render keeps no other), and its head (大 of 十八大) is an abbreviation no
    // gloss renders ("18th CPC National Congress"), content words after the last glossed
    // one; a function word there opens a phrase of the sentence after the term ("… at the
    // Media Center"), and one after a rendered last Chinese word renders a word beside
    // the formulation (三个基本 "three basic tenets"): both leave the end unconfirmed.
    let numbered_ends = form == Some(Form::Numbered)
        && termlike::abbreviated_head_rendered(zk, &rendered.en, &rendered.glossed);
    let ends_confirmed = rendered.glossed.is_empty() || r.edges_glossed || numbered_ends;
    let mut unconfirmed = if ends_confirmed {
        1.0
    } else if r.glossed == 0 {
        UNCONFIRMED * UNCONFIRMED
    } else {
        UNCONFIRMED
    };
    // Likewise a Chinese candidate whose first or last word the English does not render
    // (发展中国特色社会主义 for "socialism with Chinese characteristics"): the string
    // without it is the term. Not where the English renders none of the Chinese (血肉联系
    // "close ties"): there an unrendered edge word says nothing about where the term ends,
    // and the demotion would leave the fragment (联系) the better-scored of the two.
    let edge_unrendered = r.zh_covered > 0 && termlike::unrendered_edge_word(zk, &rendered.en);
    if edge_unrendered {
        unconfirmed *= UNCONFIRMED;
    }
    let both: Vec<usize> = st
        .units
        .iter()
        .copied()
        .filter(|&u| en.of_unit[u].contains(&rendered.key))
        .collect();
    let (documents, dates, example) = provenance(&both, units, segs);
    // A candidate always next to the same character (always in one longer string) and
    // not a dictionary word of three characters or more is as likely a fragment of that
    // string as a term (十八 in 十八大): kept, but demoted. Not one always written after a
    // governing verb (坚持 of 坚持以X为中心): discovery cuts such a verb off the term, so the
    // string is the term the verb governs, open on the left all the same.
    let left_open = entropy(&st.left) > 0.0
        || termlike::always_after_governing_verb(
            zk,
            &st.units
                .iter()
                .flat_map(|&u| units.members[u].iter().map(|&si| segs[si].zh.as_str()))
                .collect::<Vec<_>>(),
        );
    let open = left_open && entropy(&st.right) > 0.0;
    let fragment = if open || (zk.chars().count() >= 3 && termlike::dictionary_word(zk)) || x < 2 {
        1.0
    } else {
        FRAGMENT
    };
    // A compound of dictionary words seen once (血肉联系, 生产力和生产关系) has the weakest
    // of the term forms: most such strings in a speech are free phrases (坚决维护, 历史条件).
    // Proposed, so that a set phrase used once is not lost, but ranked after the pairs
    // with stronger evidence.
    // Where the English shows the compound to be two terms coordinated, each rendered
    // whole by its half ([`termlike::two_part_rendering`]: 社会公平正义 / "social fairness
    // and justice"), it is a formulation as a list seen once is, and ranks as one: at half.
    let weak_form = if x < 2 && form == Some(Form::Compound) {
        if termlike::two_part_rendering(&mut Glosser::new(), zk, &rendered.en) {
            UNCONFIRMED
        } else {
            WEAK_FORM
        }
    } else {
        1.0
    };
    // A pair seen once that is lexicalised on both sides ranks with the repeated pairs
    // (scored by the G² of one use more: [`lexicalised_g2`]); a repeated one has its
    // repetition already (raising it too would put a dictionary word above the longer term
    // built on it: 领导集体 above 中央领导集体).
    //
    // A pair rendered word for word by an English of two words or more has at least the
    // association of one clean use (G² of a pair seen once, Chinese and English written
    // nowhere else): more uses must not rank it below the same pair seen once. Its G² falls
    // under that when the text writes the Chinese more often than this rendering
    // (中国特色社会主义制度, written 4 times, rendered alike twice; 基本路线, written twice,
    // rendered alike once): the other uses are rendered freely, as long terms often are,
    // which says nothing against this rendering. Not for a one-word English (人民自己 /
    // "people"), which the glosses do not tie to the whole Chinese.
    let lexical = a < 2 && lexicalised(zk, form, &r, &rendered.en);
    let association = if lexical {
        lexicalised_g2(a, x, rendered.en_pairs, units.len())
    } else if r.words >= 2 && r.glossed == r.words {
        rendered.g2.max(g2(1, 1, 1, units.len()))
    } else {
        rendered.g2
    };
    // A pair seen once whose English opens with a verb of its Chinese rendered as a verb
    // (完善现有制度 / "improve current systems", wherever the verb stands in the Chinese)
    // is a verb and its object, a piece of the sentence more often than a term: kept (some
    // set phrases are: 讲述好中国故事), but ranked after the pairs without one, with the
    // weight of the weakest form seen once (a compound of dictionary words): the verb is
    // evidence against the form, whatever form the string has (a set head or opening
    // after a verb, 完善…制度, is the verb's object, not a term).
    let verb_phrase =
        if a < 2 && form != Some(Form::Dictionary) && termlike::verb_phrase(zk, &rendered.en) {
            WEAK_FORM
        } else {
            1.0
        };
    // A pair seen once has the association of any pair of n-grams of its sentence, so
    // only the dictionary says where its term begins and ends: a Chinese word of two
    // characters or more with a gloss that the English leaves unrendered, anywhere in the
    // string, is as likely the sentence around the term as part of it (社会主义建设特别 /
    // "especially socialism"). Not for the strong forms, whose ends the form itself sets
    // (a dictionary entry, a quotation, a numeral and its classifier).
    let partly_rendered = if a < 2
        && !strong_form(form)
        && (termlike::unrendered_word(zk, &rendered.en)
            || termlike::one_word_renders_all(zk, &rendered.en))
    {
        UNCONFIRMED
    } else {
        1.0
    };
    // A dictionary entry of three characters or more seen once, rendered by one English
    // word that is a piece of its gloss phrases (居安思危 "to be vigilant in peacetime" for
    // "peace", 小学生 "primary school student" for "students"), is rendered by a word of
    // the sentence that shares a gloss, not by a rendering of the entry (which takes a
    // phrase: "vigilant in peacetime", "progress with the times"): ranked after the pairs
    // without one. Outside four-character idioms ([`idiom_piece`]), a word meeting a sense
    // of one word renders that sense ([`gloss_piece`]: "master" of 主人翁). A phrase of two words or more may render the idiom freely ("moderately
    // prosperous society" for 小康社会, glossed "comfortably well-off society") and stays.
    //
    // An English of two words or more that holds no more than half of a gloss phrase of
    // a four-character idiom and renders one of its halves alone, the other left
    // unrendered ([`termlike::renders_one_half`]: "foreign aggression" for 内忧外患), is such
    // a piece too: words of the sentence that meet the gloss of one half, where a
    // rendering of the idiom by sense ("at full speed") is glossed by neither half alone.
    let one_word = rendered.en.split_whitespace().nth(1).is_none();
    let piece = if a < 2
        && form == Some(Form::Dictionary)
        && ((one_word && (idiom_piece(zk, &rendered.en) || gloss_piece(zk, &rendered.en)))
            || (idiom_piece(zk, &rendered.en)
                && termlike::renders_one_half(&mut Glosser::new(), zk, &rendered.en)))
    {
        UNCONFIRMED
    } else {
        1.0
    };
    let termhood = termhood(zk, &rendered.en)
        * fragment
        * unconfirmed
        * weak_form
        * verb_phrase
        * partly_rendered
        * piece;
    let band = Band::of(a, form, ends_confirmed && !edge_unrendered);
    let mut evidence = vec![in_pairs(a)];
    evidence.extend(form.map(|f| f.name().to_string()));
    evidence.push(format!(
        "glossed {}/{} English words, {}/{} Chinese words",
        r.glossed, r.words, r.zh_covered, r.zh_words
    ));
    if lexical {
        evidence.push("lexicalised on both sides".to_string());
    }
    if verb_phrase < 1.0 {
        evidence.push("a verb and its object".to_string());
    }
    if partly_rendered < 1.0 {
        evidence.push("seen once, a Chinese word unrendered".to_string());
    }
    if piece < 1.0 {
        evidence.push("an idiom rendered by a piece of its gloss".to_string());
    }
    Candidate {
        zh: zk.to_string(),
        en: rendered.en,
        score: association * (1.0 + support.min(1.0)) * termhood,
        g2: rendered.g2,
        pairs: a,
        zh_pairs: x,
        en_pairs: rendered.en_pairs,
        documents,
        dates,
        example,
        band,
        confidence: band.confidence(),
        evidence,
    }
}

/// The kinds of formulation [`coordinated`] proposes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKind {
    /// Items written with 、 (道路自信、理论自信、制度自信).
    List,
    /// Two clauses cited whole (空谈误国，实干兴邦).
    Couplet,
    /// Two-character words written without punctuation (改革发展稳定), a list only where the
    /// English lists them.
    Juxtaposed,
    /// Such words before 的 and a head term ([`coordination::zh_qualified`]): the
    /// formulation whole, where one English window renders every modifier and the head.
    Qualified,
}

/// Coordinated formulations (道路自信、理论自信、制度自信): the list whole, with the English window
/// that renders every item, in the most units. A list seen once is weaker evidence than a repeated
/// term and ranks at half its score, unless it is rendered whole: three items or more, every
/// Chinese word and every English content word glossed, a word at least per item, the last English
/// word glossed (no window cut inside an item), and no verb and its object as its first item
/// (爱国主义、集体主义、社会主义 / "patriotism, collectivism and socialism"; 改革发展稳定 /
/// "reform, development and stability", whose "reform" renders a one-word item, not a verb
/// governing an object). Such a list is a formulation by its form, as a numbered one is, and the
/// dictionary confirms each item; a list of verbs and their objects (支持改革、促进发展、维护稳定)
/// is a piece of the sentence as often, and a list of two items rendered by a word each
/// (同心同德、埋头苦干 / "mind, work") as often a piece of each item's gloss.
fn coordinated(
    segs: &[Segment],
    units: &Units,
    known_keys: &HashSet<String>,
    opts: &Options,
    glosser: &mut Glosser,
) -> Vec<Candidate> {
    let min = opts.min_pairs.max(1);
    // Key -> (items, units, kind).
    let mut lists: HashMap<String, (Vec<String>, Vec<usize>, ListKind)> = HashMap::new();
    for (u, members) in units.members.iter().enumerate() {
        for &si in members {
            let zh = &segs[si].zh;
            let found = coordination::zh_lists(zh)
                .into_iter()
                .map(|l| (l, ListKind::List))
                .chain(
                    coordination::zh_couplets(zh)
                        .into_iter()
                        .map(|l| (l, ListKind::Couplet)),
                )
                .chain(
                    coordination::zh_juxtaposed(zh)
                        .into_iter()
                        .map(|l| (l, ListKind::Juxtaposed)),
                )
                .chain(
                    coordination::zh_qualified(zh)
                        .into_iter()
                        .map(|l| (l, ListKind::Qualified)),
                );
            for ((key, items), couplet) in found {
                let e = lists
                    .entry(key)
                    .or_insert_with(|| (items, Vec::new(), couplet));
                if !e.1.contains(&u) {
                    e.1.push(u);
                }
            }
        }
    }
    let mut list_keys: Vec<&String> = lists.keys().collect();
    list_keys.sort();
    let mut found = Vec::new();
    for key in list_keys {
        let (items, list_units, kind) = &lists[key];
        if list_units.len() < min || (!opts.include_known && known_keys.contains(key.as_str())) {
            continue;
        }
        let glossed = coordination::gloss_items(glosser, items);
        if !coordination::all_glossed(&glossed) {
            continue;
        }
        let needed = items.len();
        // English (lower case) -> (units, surface).
        let mut renderings: Vec<(String, Vec<usize>, String)> = Vec::new();
        for &u in list_units {
            let Some(&si) = units.members[u].first() else {
                continue;
            };
            let window = match kind {
                ListKind::Couplet => coordination::couplet_window(&segs[si].en, &glossed),
                ListKind::List => coordination::best_window(&segs[si].en, &glossed)
                    .filter(|w| w.0 >= needed)
                    .map(|w| w.2),
                ListKind::Qualified => coordination::qualified_window(&segs[si].en, &glossed),
                // A list without punctuation stands only as an English list of one word
                // per item, across commas and closed by "and" or "or" ("reform,
                // development and stability").
                ListKind::Juxtaposed => coordination::best_window(&segs[si].en, &glossed)
                    .filter(|w| {
                        let last = w.2.rsplit(',').next().unwrap_or_default();
                        w.0 >= needed
                            && w.2.contains(',')
                            && last.split_whitespace().any(|x| x == "and" || x == "or")
                            && termlike::rendering(&w.2, &glossed.concat()).words == needed
                    })
                    .map(|w| w.2),
            };
            let Some(en) = window else {
                continue;
            };
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
        let g = g2(a, x, a, units.len());
        let all: Vec<crate::lexicon::dict::GlossedWord> =
            glossed.iter().flatten().cloned().collect();
        // The opening the items share, when the sentence writes it once as the predicate
        // governing the list, is rendered there, outside the list's English ("orient" for
        // 面向 of 面向现代化、面向世界、面向未来): it counts as rendered.
        let predicate = match kind {
            ListKind::List => both
                .first()
                .and_then(|&u| units.members[u].first())
                .and_then(|&si| coordination::shared_predicate(&segs[si].en, &glossed))
                .filter(|p| !en.split_whitespace().any(|w| w.eq_ignore_ascii_case(p))),
            _ => None,
        };
        let r = termlike::rendering(&en, &all);
        let r = match &predicate {
            Some(p) => termlike::Rendering {
                zh_covered: termlike::rendering(&format!("{p} {en}"), &all).zh_covered,
                ..r
            },
            None => r,
        };
        let support = 0.5 * (r.precision() + r.coverage());
        let (documents, dates, example) = provenance(&both, units, segs);
        // Rendered whole (see above): not halved when seen once.
        let whole = r.whole()
            && items.len() >= 3
            && r.words >= items.len()
            && en
                .split_whitespace()
                .last()
                .is_some_and(|w| termlike::rendering(w, &all).glossed == 1)
            && !items.first().is_some_and(|i| termlike::verb_phrase(i, &en));
        // A list rendered whole has at least the association of one clean use, as a pair
        // rendered word for word has ([`score_pair`]): a formulation the text writes more
        // often than this rendering (道路自信、理论自信、制度自信, written in four units, rendered
        // alike in one) is rendered freely elsewhere, which says nothing against this one.
        let association = if whole {
            g.max(g2(1, 1, 1, units.len()))
        } else {
            g
        };
        found.push(Candidate {
            zh: key.clone(),
            en,
            score: association
                * (1.0 + support.min(1.0))
                * termhood(key, "two words")
                * LONG_FORM
                * if a < 2 && !whole { UNCONFIRMED } else { 1.0 },
            g2: g,
            pairs: a,
            zh_pairs: x,
            en_pairs: a,
            documents,
            dates,
            example,
            band: Band::List,
            confidence: Band::List.confidence(),
            evidence: vec![
                in_pairs(a),
                match kind {
                    ListKind::Couplet => "set phrase of two clauses".to_string(),
                    ListKind::Qualified => {
                        format!("{} coordinated modifiers and their head", items.len() - 1)
                    }
                    _ => format!("coordinated formulation of {} items", items.len()),
                },
                format!(
                    "glossed {}/{} English words, {}/{} Chinese words",
                    r.glossed, r.words, r.zh_covered, r.zh_words
                ),
            ],
        });
    }
    found
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn g2_is_zero_for_negative_association() {
        assert_eq!(g2(0, 5, 5, 100), 0.0);
        assert!(g2(3, 3, 3, 100) > g2(2, 3, 3, 100));
    }

    /// One aligned pair of a test document: (index, Chinese, English).
    pub(crate) fn seg(i: usize, zh: &str, en: &str) -> Segment {
        Segment {
            doc: "d".into(),
            source: "d".into(),
            date: None,
            id: format!("d-{i}"),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Pairs of general sentences that every test document also holds: text around the
    /// terms, which nothing should be found in.
    const FILLER: [(&str, &str); 4] = [
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

    /// Discovery with default options over one document of these (Chinese, English) pairs
    /// and the [`FILLER`].
    fn discover_in(pairs: &[(&str, &str)]) -> Vec<Candidate> {
        let segs: Vec<Segment> = pairs
            .iter()
            .chain(&FILLER)
            .enumerate()
            .map(|(i, (zh, en))| seg(i, zh, en))
            .collect();
        discover(&segs, &[], &Options::default())
    }

    /// A pair seen once that is a verb and its object ranks no higher than a compound of
    /// dictionary words seen once: the verb is evidence against its term form.
    #[test]
    fn a_verb_and_its_object_ranks_with_the_weakest_form() {
        let found = discover_in(&[(
            "我们要完善现有制度，维护社会稳定。",
            "We must improve current systems and maintain social stability.",
        )]);
        let all: Vec<(&String, &String, f64)> =
            found.iter().map(|c| (&c.zh, &c.en, c.score)).collect();
        let verb = found
            .iter()
            .find(|c| c.evidence.iter().any(|e| e == "a verb and its object"));
        let compound = found.iter().find(|c| c.zh == "社会稳定");
        let (Some(verb), Some(compound)) = (verb, compound) else {
            panic!("{all:?}");
        };
        assert!(verb.score <= compound.score, "{all:?}");
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
        ];
        let found = discover_in(&pairs);
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

    /// A founding with its count of years is one candidate, in digits or in numerals, and
    /// its English is the whole anniversary with the founding and the name ("50th
    /// anniversary of the founding of the university"), not a fragment beside it.
    #[test]
    fn a_founding_with_its_count_of_years_is_one_term() {
        let pairs = [
            (
                "今年我们庆祝清华大学成立50周年。",
                "This year we celebrate the 50th anniversary of the founding of Tsinghua University.",
            ),
            (
                "到人民医院建立一百年时，医院将更加现代化。",
                "By the centenary of the People's Hospital, the hospital will be more modern.",
            ),
        ];
        let found = discover_in(&pairs);
        let en_of = |zh: &str| found.iter().find(|c| c.zh == zh).map(|c| c.en.clone());
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        assert_eq!(
            en_of("清华大学成立50周年").as_deref(),
            Some("50th anniversary of the founding of Tsinghua University"),
            "{all:?}"
        );
        assert_eq!(
            en_of("人民医院建立一百年").as_deref(),
            Some("centenary of the People's Hospital"),
            "{all:?}"
        );
        // No piece of the count is a candidate of its own.
        assert!(
            found
                .iter()
                .all(|c| !c.zh.ends_with("50") && c.zh != "成立50周年"),
            "{all:?}"
        );
    }

    /// A string written only behind the same modifier (各族人民, always in 全国各族人民)
    /// is proposed in the form the text uses, with the same English.
    #[test]
    fn the_form_the_text_writes_is_the_term() {
        let pairs = [
            (
                "全国各族人民团结奋斗。",
                "The people of all ethnic groups unite and strive.",
            ),
            (
                "我们紧紧依靠全国各族人民。",
                "We rely closely on the people of all ethnic groups.",
            ),
            (
                "感谢全国各族人民的支持。",
                "We thank the people of all ethnic groups for their support.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let whole = found.iter().find(|c| c.zh == "全国各族人民");
        assert_eq!(
            whole.map(|c| c.en.as_str()),
            Some("people of all ethnic groups"),
            "{all:?}"
        );
        assert!(found.iter().all(|c| c.zh != "各族人民"), "{all:?}");
    }

    /// Where the term is rendered whole in fewer than half of its uses (the others
    /// abbreviate it: "our cause"), the English that renders the whole Chinese is chosen,
    /// not the general word all the uses share (中国特色社会主义事业: "cause of socialism
    /// with Chinese characteristics", not "cause", which the text also uses elsewhere).
    #[test]
    fn a_term_rendered_whole_in_few_uses_gets_the_whole_rendering() {
        let pairs = [
            (
                "中国特色社会主义事业不断发展。",
                "The cause of socialism with Chinese characteristics keeps developing.",
            ),
            (
                "我们推进中国特色社会主义事业。",
                "We advance the cause of socialism with Chinese characteristics.",
            ),
            (
                "中国特色社会主义事业需要青年。",
                "Our cause needs the young.",
            ),
            (
                "人民支持中国特色社会主义事业。",
                "The people support this cause.",
            ),
            (
                "中国特色社会主义事业前途光明。",
                "Our cause has a bright future.",
            ),
            ("这是正义之举。", "This is a just cause."),
            (
                "他们为此奋斗终身。",
                "They fought for this cause all their lives.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let en = found
            .iter()
            .find(|c| c.zh == "中国特色社会主义事业")
            .map(|c| c.en.as_str());
        assert_eq!(
            en,
            Some("cause of socialism with Chinese characteristics"),
            "{all:?}"
        );
    }

    /// Chinese puts the head of a term last and English writes it first: where the words
    /// the English chose ("model workers") leave the Chinese head (精神) unrendered, the
    /// rendering takes the head written in front with its `of`, counting the spellings
    /// with and without `the` as one; a head the glosses give to another Chinese word is
    /// a neighbour, never taken.
    #[test]
    fn the_english_head_written_in_front_is_taken() {
        let pairs = [
            (
                "我们要弘扬劳模精神。",
                "We should promote the ethos of model workers.",
            ),
            (
                "各级领导干部要带头发扬劳模精神。",
                "Leading officials should foster the ethos of model workers.",
            ),
            (
                "他们培育了劳模精神。",
                "They have nurtured the ethos of the model workers.",
            ),
            ("劳模精神永放光芒。", "The model workers inspire us."),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "劳模精神");
        assert_eq!(
            c.map(|c| c.en.as_str()),
            Some("ethos of model workers"),
            "{all:?}"
        );
        assert!(c.is_some_and(|c| c.pairs == 3), "{all:?}");
    }

    /// Where the English chosen ("ideals") leaves a part of the Chinese word unrendered
    /// (远大 of 远大理想), a word in front that the Chinese glosses ("lofty") is taken in
    /// half the uses, though another use writes an adjective no gloss reaches.
    #[test]
    fn a_glossed_word_in_front_renders_the_part_left_out() {
        let found = discover_in(&[
            (
                "青年要树立远大理想。",
                "Young people should set lofty ideals.",
            ),
            (
                "远大理想引领青年前进。",
                "High ideals guide the young forward.",
            ),
        ]);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "远大理想");
        assert_eq!(c.map(|c| c.en.as_str()), Some("lofty ideals"), "{all:?}");
        assert!(c.is_some_and(|c| c.pairs == 2), "{all:?}");
    }

    /// A planted pair (绿色丝路 / Green Silk Road) among generated filler sentences is
    /// found, with its full English.
    /// In a pair seen once every n-gram of the sentence has the same association, so the
    /// English of a term could run on into its predicate: an English clause (a finite "be"
    /// or a modal inside) renders only a Chinese that has a copula or modal too.
    #[test]
    fn english_of_a_term_stops_before_its_predicate() {
        let found = discover_in(&[
            (
                "马克思主义中国化最新成果是我们的指南。",
                "The latest achievement in adapting Marxism is our guide.",
            ),
            ("只有社会主义才能救中国。", "Only socialism can save China."),
        ]);
        for c in &found {
            let clause =
                c.en.split_whitespace()
                    .any(|w| matches!(w.to_lowercase().as_str(), "is" | "can"));
            assert!(!clause || c.zh.contains('是'), "{} / {}", c.zh, c.en);
        }
        assert!(found
            .iter()
            .any(|c| c.en == "latest achievement in adapting Marxism"));
    }

    /// A pair seen once that is lexicalised on both sides (a dictionary entry whose
    /// English the glosses render word for word: 四项基本原则 / "Four Cardinal Principles")
    /// scores as a pair written twice (交流合作 / "exchanges and cooperation") and ranks
    /// right after it: at one score the repetition the text shows goes first.
    #[test]
    fn a_lexicalised_pair_seen_once_ranks_with_repeated_ones() {
        let found = discover_in(&[
            (
                "我们坚持四项基本原则。",
                "We adhere to the Four Cardinal Principles.",
            ),
            (
                "两国加强交流合作。",
                "The two countries step up exchanges and cooperation.",
            ),
            (
                "青年开展交流合作。",
                "Young people carry out exchanges and cooperation.",
            ),
        ]);
        let rank = |zh: &str, en: &str| {
            found
                .iter()
                .position(|c| c.zh == zh && c.en == en)
                .unwrap_or(usize::MAX)
        };
        let principles = rank("四项基本原则", "Four Cardinal Principles");
        let exchanges = rank("交流合作", "exchanges and cooperation");
        assert!(
            principles == exchanges + 1
                && (found[principles].score - found[exchanges].score).abs() < 1e-9,
            "{principles} {exchanges}: {found:#?}"
        );
    }

    /// A verb entry seen once and rendered as a verb (勇往直前 / "advance bravely") is not
    /// lexicalised on the English side: it keeps the score of a pair seen once, below a
    /// noun entry seen once (四项基本原则 / "Four Cardinal Principles").
    #[test]
    fn a_verb_entry_rendered_as_a_verb_is_not_raised() {
        let found = discover_in(&[
            (
                "我们坚持四项基本原则。",
                "We adhere to the Four Cardinal Principles.",
            ),
            ("青年要勇往直前。", "Young people must advance bravely."),
            ("两国加强交流合作。", "The two countries step up trade."),
        ]);
        let find = |zh: &str| found.iter().find(|c| c.zh == zh);
        let (Some(principles), Some(bravely)) = (find("四项基本原则"), find("勇往直前"))
        else {
            panic!("{found:#?}");
        };
        assert_eq!(bravely.en, "advance bravely");
        assert!(
            bravely.score < principles.score
                && !bravely
                    .evidence
                    .iter()
                    .any(|e| e.starts_with("lexicalised")),
            "{found:#?}"
        );
    }

    /// A term rendered alike in two of its four uses (中国特色社会主义制度, the other two
    /// rendered freely) ranks above a pair of the same form seen once: its G² falls below
    /// that of one clean use, and the floor keeps it there.
    #[test]
    fn a_repeated_pair_rendered_freely_elsewhere_ranks_above_a_pair_seen_once() {
        let found = discover_in(&[
            ("坚持基本经济制度。", "Uphold the basic economic system."),
            ("完善基本经济制度。", "Improve the basic economic system."),
            ("发展基本经济制度。", "Develop what we have built."),
            ("巩固基本经济制度。", "Consolidate it further."),
            (
                "坚持根本政治制度。",
                "Uphold the fundamental political system.",
            ),
        ]);
        let rank = |zh: &str, en: &str| {
            found
                .iter()
                .position(|c| c.zh == zh && c.en == en)
                .unwrap_or(usize::MAX)
        };
        let repeated = rank("基本经济制度", "basic economic system");
        let once = rank("根本政治制度", "fundamental political system");
        assert!(
            repeated < once && once < found.len(),
            "{repeated} {once}: {found:#?}"
        );
    }

    /// A list of three nominal items seen once, rendered whole, ranks with the pairs seen
    /// once of a strong form; a list of verbs and their objects stays at half its score.
    #[test]
    fn a_list_rendered_whole_ranks_with_pairs_seen_once() {
        let found = discover_in(&[
            (
                "弘扬爱国主义、集体主义、社会主义。",
                "Carry forward patriotism, collectivism and socialism.",
            ),
            ("坚持基本经济制度。", "Uphold the basic economic system."),
            (
                "我们要支持改革、促进发展、维护稳定。",
                "We must support reform, promote development and maintain stability.",
            ),
            (
                "正确处理改革发展稳定关系。",
                "Balance reform, development and stability.",
            ),
        ]);
        let rank = |zh: &str| found.iter().position(|c| c.zh == zh).unwrap_or(usize::MAX);
        let list = rank("爱国主义、集体主义、社会主义");
        let once = rank("基本经济制度");
        let verbs = rank("支持改革、促进发展、维护稳定");
        assert!(rank("改革发展稳定") < once, "{found:#?}");
        assert!(
            list < once && once < verbs && verbs < found.len(),
            "{list} {once} {verbs}: {found:#?}"
        );
    }

    /// A list rendered whole once and written in two more units, rendered freely there
    /// ("all three"), scores as the list written once: the other renderings say nothing
    /// against this one.
    #[test]
    fn a_list_rendered_whole_keeps_the_score_of_one_clean_use() {
        let list = "爱国主义、集体主义、社会主义";
        let en = "Carry forward patriotism, collectivism and socialism.";
        let score = |found: &[Candidate]| found.iter().find(|c| c.zh == list).map(|c| c.score);
        let once = discover_in(&[
            ("弘扬爱国主义、集体主义、社会主义。", en),
            ("坚持基本经济制度。", "Uphold the basic economic system."),
            ("维护世界和平。", "Safeguard world peace."),
        ]);
        let thrice = discover_in(&[
            ("弘扬爱国主义、集体主义、社会主义。", en),
            ("坚持爱国主义、集体主义、社会主义。", "Uphold all three."),
            (
                "学习爱国主义、集体主义、社会主义。",
                "Study all three of them.",
            ),
        ]);
        assert!(
            score(&once).is_some_and(|s| s > 0.0) && score(&thrice) == score(&once),
            "{once:#?} {thrice:#?}"
        );
    }

    /// Two English phrases of one sentence that the glosses weigh alike (根本 and 基本
    /// share their glosses) go each to the Chinese standing at the same place in its
    /// sentence.
    #[test]
    fn a_tie_goes_to_the_english_standing_where_the_chinese_does() {
        let found = discover_in(&[(
            "坚持根本政治制度，完善基本政治制度。",
            "Uphold the fundamental political system and improve the basic political systems.",
        )]);
        let en = |zh: &str| {
            found
                .iter()
                .find(|c| c.zh == zh)
                .map(|c| c.en.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            en("根本政治制度"),
            "fundamental political system",
            "{found:#?}"
        );
        assert_eq!(en("基本政治制度"), "basic political systems", "{found:#?}");
    }

    /// A compound the English renders as two coordinated terms stays beside either term
    /// (霸权主义和强权政治 beside 霸权主义), as a list does.
    #[test]
    fn two_coordinated_terms_stay_beside_each() {
        let found = discover_in(&[(
            "中国始终反对霸权主义和强权政治，维护国际公平正义。",
            "China always opposes hegemony and power politics, and upholds international fairness and justice.",
        )]);
        assert!(
            found.iter().any(|c| c.zh == "霸权主义和强权政治")
                && found.iter().any(|c| c.zh == "霸权主义"),
            "{found:#?}"
        );
    }

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

    /// A name after a title is part of the rendering when the Chinese names the person
    /// (外交部长王毅 / Foreign Minister Wang Yi, also where a second mention has the title
    /// alone); a rendering does not end on a past participle ("press conference was
    /// held").
    #[test]
    fn names_after_titles_and_no_participle_ends() {
        let pairs = [
            (
                "外交部长王毅出席记者会。",
                "Foreign Minister Wang Yi attended the press conference.",
            ),
            (
                "外交部长王毅会见来宾。",
                "Foreign Minister Wang Yi met the guests.",
            ),
            (
                "外交部长王毅答问。",
                "Foreign Minister Wang Yi answered questions.",
            ),
            ("外交部长王毅致辞。", "The Foreign Minister spoke."),
            (
                "梅地亚中心举行记者会。",
                "A press conference was held at the Media Center.",
            ),
            (
                "人民大会堂举行记者会。",
                "A press conference was held in the Great Hall.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let en_of = |zh: &str| found.iter().find(|c| c.zh == zh).map(|c| c.en.clone());
        assert_eq!(
            en_of("外交部长王毅").as_deref(),
            Some("Foreign Minister Wang Yi"),
            "{all:?}"
        );
        assert!(found.iter().all(|c| !c.en.ends_with(" held")), "{all:?}");
        assert!(found.iter().all(|c| (0.0..=1.0).contains(&c.confidence)));
    }

    /// An English word at the edge of a rendering that renders a Chinese word joined to
    /// the candidate by 的 (党 of 党的群众路线: "Party's") is not part of the candidate's
    /// rendering.
    #[test]
    fn a_word_rendering_a_genitive_neighbour_is_left_out() {
        let found = discover_in(&[(
            "我们要贯彻党的群众路线。",
            "We must implement the Party's mass line.",
        )]);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "群众路线");
        assert_eq!(c.map(|c| c.en.as_str()), Some("mass line"), "{all:?}");
    }

    /// A Chinese title or slogan written between book-title or quotation marks, whose
    /// English is quoted too, renders as the whole quoted English: a title keeps its
    /// capitalised article, and a word no gloss reaches is kept.
    #[test]
    fn quoted_chinese_takes_the_whole_quoted_english() {
        let found = discover_in(&[
            (
                "《复兴之路》这个展览给人以深刻教育。",
                "The exhibition “The Road to Rejuvenation” is highly educational.",
            ),
            (
                "欧美同学会大力实施“报国计划”。",
                "The Association has carried out the “serve the country program,” with energy.",
            ),
        ]);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let en_of = |zh: &str| found.iter().find(|c| c.zh == zh).map(|c| c.en.clone());
        assert_eq!(
            en_of("复兴之路").as_deref(),
            Some("The Road to Rejuvenation"),
            "{all:?}"
        );
        assert_eq!(
            en_of("报国计划").as_deref(),
            Some("serve the country program"),
            "{all:?}"
        );
    }

    /// A numbered formulation (十七大, 党的十八大精神) is rendered only by an English that
    /// holds its number: a word beside it in the sentence ("greater", "conscientiously")
    /// is never its rendering.
    #[test]
    fn a_numbered_formulation_keeps_its_number() {
        let found = discover_in(&[
            (
                "十七大以来，我们取得了更大的成就。",
                "Since the 17th National Congress, we have made greater achievements.",
            ),
            (
                "我们要认真学习党的十八大精神。",
                "We should conscientiously study the guiding principles of the 18th National Congress.",
            ),
            (
                "各级党委要贯彻党的十八大精神。",
                "Party committees should conscientiously implement the guiding principles of the 18th National Congress.",
            ),
        ]);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        for c in found.iter().filter(|c| c.zh.contains("十七大")) {
            assert!(c.en.contains("17th"), "{all:?}");
        }
        for c in found.iter().filter(|c| c.zh.contains("十八大")) {
            assert!(c.en.contains("18th"), "{all:?}");
        }
        assert!(found.iter().any(|c| c.zh.contains("十八大")), "{all:?}");
    }

    /// Where the English chosen renders a Chinese word whole but not a part of it (不息 of
    /// 自强不息 in "self-improvement"), an adjective written in front of it in every unit,
    /// whichever adjective ("constant", "ceaseless"), is taken, counting the units of all;
    /// a pair seen once takes one too: one the dictionary glosses ("constant", through
    /// en_glossing.txt), or one no Chinese word beside the candidate in its sentence glosses
    /// (not "important" of 重要组成部分 after 重要), unless it is a verb.
    #[test]
    fn an_adjective_rendering_a_part_of_the_word_is_taken() {
        let pairs = [
            (
                "中华民族自强不息的精神。",
                "The nation's spirit of constant self-improvement.",
            ),
            (
                "国家自强不息、发展壮大。",
                "The country's ceaseless self-improvement and growth.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "自强不息");
        assert!(
            c.is_some_and(|c| {
                ["constant self-improvement", "ceaseless self-improvement"].contains(&c.en.as_str())
                    && c.pairs == 2
            }),
            "{all:?}"
        );
        let once = discover_in(&pairs[..1]);
        let all: Vec<(&String, &String)> = once.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = once.iter().find(|c| c.zh == "自强不息");
        assert!(
            c.is_some_and(|c| c.en == "constant self-improvement"),
            "{all:?}"
        );
        let neighbour = discover_in(&[(
            "这是中华民族重要组成部分。",
            "This is an important part of the Chinese nation.",
        )]);
        let all: Vec<(&String, &String)> = neighbour.iter().map(|c| (&c.zh, &c.en)).collect();
        assert!(
            neighbour
                .iter()
                .all(|c| c.zh != "组成部分" || c.en == "part"),
            "{all:?}"
        );
    }

    /// An initialism in a gloss (党中央 "… of the CCP") stands for its words, so that the
    /// English initialism or the spelled-out word is glossed too: 党中央 is the whole "CPC
    /// Central Committee", not the piece "Central Committee" the glosses reached.
    #[test]
    fn an_initialism_in_a_gloss_glosses_its_words() {
        let found = discover_in(&[(
            "我们在党中央领导下前进。",
            "We advance under the leadership of the CPC Central Committee.",
        )]);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let c = found.iter().find(|c| c.zh == "党中央");
        assert_eq!(
            c.map(|c| c.en.as_str()),
            Some("CPC Central Committee"),
            "{all:?}"
        );
    }

    /// An opening that is no part of a term by its form is part of it by its English: a
    /// governing verb rendered by a noun (领导核心 "core leadership"), a start word rendered
    /// (各级党委 "Party committees at all levels"); a verb rendered as a verb is not
    /// (坚持…). An English that renders none of the Chinese (血肉联系 "close ties") does not
    /// drop the pair for its edge verb.
    #[test]
    fn openings_with_their_english_and_unconfirmed_edge_verbs() {
        let pairs = [
            (
                "中国共产党是领导核心。",
                "The Communist Party of China is the core leadership.",
            ),
            (
                "党中央是全党的领导核心。",
                "The Central Committee is the core leadership of the whole Party.",
            ),
            (
                "各级党委要加强领导。",
                "Party committees at all levels must strengthen leadership.",
            ),
            (
                "各级党委负有责任。",
                "Party committees at all levels bear responsibility.",
            ),
            ("坚持改革开放。", "We adhere to reform and opening up."),
            ("坚持改革开放不动摇。", "Adhere to reform and opening up."),
            (
                "我们要保持党同人民群众的血肉联系。",
                "We must maintain the Party's close ties with the people.",
            ),
            (
                "血肉联系是党的力量所在。",
                "Close ties are the source of the Party's strength.",
            ),
        ];
        let found = discover_in(&pairs);
        let all: Vec<(&String, &String)> = found.iter().map(|c| (&c.zh, &c.en)).collect();
        let en_of = |zh: &str| found.iter().find(|c| c.zh == zh).map(|c| c.en.clone());
        assert_eq!(
            en_of("领导核心").as_deref(),
            Some("core leadership"),
            "{all:?}"
        );
        assert_eq!(
            en_of("各级党委").as_deref(),
            Some("Party committees at all levels"),
            "{all:?}"
        );
        // 坚持 alone may be proposed ("adhere"), never with the term it governs.
        assert!(
            found.iter().all(|c| !c.zh.starts_with("坚持改革")),
            "{all:?}"
        );
        assert!(
            en_of("血肉联系").is_some_and(|e| e.eq_ignore_ascii_case("close ties")),
            "{all:?}"
        );
    }
}
