//! Scoring and ranking, the last stage of discovery ([`super::discover`]): a pair's score
//! (association times dictionary support times termhood), its evidence band and the
//! confidence measured for that band, and the suppression of nested candidates.

use super::discover::Candidate;
use super::render::words_within;
use super::termlike::{self, Form};
use super::Segment;
use crate::lexicon::dict::en_stems;
use crate::lexicon::dict::Glosser;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Weight of a longer form: a Chinese candidate of three characters or more, or an
/// English one of two content words or more, is more likely a term than a word of the
/// general vocabulary.
pub(crate) const LONG_FORM: f64 = 1.5;

/// Weight of a general word: a Chinese candidate of at most two characters that is one
/// CC-CEDICT word, rendered by one English word (国际 / international, 合作 /
/// cooperation). Correct translations, but rarely terms: demoted, not dropped.
const GENERAL_WORD: f64 = 0.25;

/// Weight of a possible fragment: a Chinese candidate always preceded or always followed
/// by the same character (at a dictionary word boundary, else it is not a candidate) that
/// is not itself a dictionary word.
pub(crate) const FRAGMENT: f64 = 0.5;

/// Weight of a pair seen once whose Chinese has only the form of a compound of
/// dictionary words ([`Form::Compound`]).
pub(crate) const WEAK_FORM: f64 = 0.2;

/// The G² that ranks a lexicalised pair seen once ([`lexicalised`]: `a` units with both, `x` with
/// the Chinese, `y` with the English, `n` in all) with the repeated pairs: the G² it would have
/// were the text to use it once more (`a`, `x` and `y` one more), which ties it with the pairs
/// repeated that often, after them ([`rank`]). Such a pair is a unit of the vocabulary on both
/// sides, as a repetition would show; a fixed weight could not stand for that second use, since a
/// second co-occurrence adds more to G² the longer the text (1.76 times as much in 116 units, 1.80
/// in 471), so pairs seen once fell behind the free combinations repeated twice in a long text.
pub(crate) fn lexicalised_g2(a: usize, x: usize, y: usize, n: usize) -> f64 {
    super::discover::g2(a + 1, x + 1, y + 1, n)
}

/// Weight of a pair whose English is not glossed at both ends by the Chinese (squared
/// when no English word is glossed).
pub(crate) const UNCONFIRMED: f64 = 0.5;

/// Termhood factor of a pair: how much its form (not its frequency) suggests a term.
pub(crate) fn termhood(zh: &str, en: &str) -> f64 {
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

/// A score ordered by `f64::total_cmp`, to sort by a key.
#[derive(PartialEq)]
struct OrderedScore(f64);

impl Eq for OrderedScore {}

impl PartialOrd for OrderedScore {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedScore {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Whether a term form is one of the strong ones, which set both where a string begins
/// and where it ends by themselves: a CC-CEDICT entry (or proper name), a string the text
/// quotes, a numbered formulation, a founding with its count of years ([`Form::Dictionary`],
/// [`Form::Quoted`], [`Form::Numbered`], [`Form::Anniversary`]: a term before an event word,
/// the count at the end), unlike a set prefix or head (one end) or a compound of dictionary
/// words (none).
pub(crate) fn strong_form(form: Option<Form>) -> bool {
    matches!(
        form,
        Some(Form::Dictionary | Form::Quoted | Form::Numbered | Form::Anniversary)
    )
}

/// Whether a pair is lexicalised on both sides: its Chinese has a strong term form (a CC-CEDICT
/// entry of three characters or more or a proper name, a string the text quotes, a numbered
/// formulation: [`Form::Dictionary`], [`Form::Quoted`], [`Form::Numbered`]) and its English, two
/// content words or more, is glossed word for word, rendering three quarters of the glossed Chinese
/// words or more (`r`: not "APEC Economic Leaders" for 亚太经合组织第三十三次领导人, whose number
/// it drops). Such a pair is a unit of the vocabulary on both sides, which a free combination
/// repeated twice in a long text (交流合作 / "exchanges and cooperation") is not, so it ranks with
/// the repeated pairs even when the text uses it once (四项基本原则 / "Four Cardinal Principles";
/// [`lexicalised_g2`]). A four-character idiom whose English holds no more than half of any of its
/// gloss phrases is rendered by a piece (急于求成 / "quick success"), and is not raised; nor is a
/// verb entry rendered as a verb (勇往直前 / "advance bravely":
/// [`termlike::verb_entry_rendered_as_verb`]), lexicalised on the Chinese side only: its English
/// is a verb phrase of general language, which in a long text filled the top of the list beside
/// the terms. It keeps the score of a pair seen once rendered word for word: among the first
/// fifty of a short speech still, after the repeated pairs in a long text.
pub(crate) fn lexicalised(zh: &str, form: Option<Form>, r: &termlike::Rendering, en: &str) -> bool {
    strong_form(form)
        && r.words >= 2
        && r.glossed == r.words
        && r.zh_covered * 4 >= r.zh_words * 3
        && !idiom_piece(zh, en)
        && !termlike::verb_entry_rendered_as_verb(zh, en)
}

/// Whether `en` renders the four-character idiom `zh` (a CC-CEDICT entry with gloss
/// phrases) by a piece: it holds no more than half of any of its gloss phrases (急于求成
/// "to be impatient for success" rendered "quick success", 画蛇添足 "draw legs on a snake"
/// rendered "snake").
pub(crate) fn idiom_piece(zh: &str, en: &str) -> bool {
    zh.chars().count() == 4 && {
        let phrases = termlike::gloss_phrases(zh);
        !phrases.is_empty() && termlike::phrase_cover(en, &phrases) <= 0.5
    }
}

/// Whether `en` holds no more than half of any gloss phrase of the CC-CEDICT entry `zh` (of
/// three characters or more, with gloss phrases) and meets no gloss word outside them: a
/// piece of the entry's meaning. A word whose senses are phrases is rendered by a phrase
/// (小学生 "primary school student"); one English word that meets a single word of one
/// ("students") is a word of the sentence sharing a gloss, as for a four-character idiom
/// ([`idiom_piece`]). An English meeting a sense of one word ("master" of 主人翁, whose
/// other sense is "main character in a novel") renders that sense whole.
pub(crate) fn gloss_piece(zh: &str, en: &str) -> bool {
    let phrases = termlike::gloss_phrases(zh);
    !phrases.is_empty()
        && termlike::phrase_cover(en, &phrases) <= 0.5
        && !termlike::meets_word_outside_phrases(en, zh)
}

/// The kind of evidence a candidate stands on. Each band has its own measured share of
/// right candidates ([`Band::confidence`]), so that a user can trust a repeated,
/// dictionary-confirmed pair more than a compound seen once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// In two units or more, the dictionary confirming both ends of the English (or
    /// having no gloss for the Chinese) and every Chinese edge word rendered.
    Repeated,
    /// In two units or more, with an English end or a Chinese edge word the dictionary
    /// does not confirm (a neighbour as likely as a translation).
    RepeatedUnconfirmed,
    /// In one unit, with a strong term form (dictionary entry, quoted, numbered
    /// formulation, set prefix or head) and a dictionary-confirmed English.
    Once,
    /// In one unit, with only the form of a compound of dictionary words.
    OnceCompound,
    /// A coordinated formulation (道路自信、理论自信、制度自信), every item rendered, or a
    /// set phrase of two clauses (空谈误国，实干兴邦), both rendered.
    List,
}

impl Band {
    /// The band's name, as written in `data/terms/confidence.txt` and the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            Band::Repeated => "repeated",
            Band::RepeatedUnconfirmed => "repeated-unconfirmed",
            Band::Once => "once",
            Band::OnceCompound => "once-compound",
            Band::List => "list",
        }
    }

    /// Share of the candidates of this band judged right by reading
    /// (`data/terms/confidence.txt`, which says how it was measured): the confidence a
    /// candidate of the band carries.
    pub fn confidence(self) -> f64 {
        static TABLE: OnceLock<Vec<(String, f64)>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            crate::data::lines(include_str!("../../data/terms/confidence.txt"))
                .filter_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    Some((k.trim().to_string(), v.trim().parse().ok()?))
                })
                .collect()
        });
        table
            .iter()
            .find(|(k, _)| k == self.name())
            .map_or(0.5, |(_, v)| *v)
    }

    /// The band of a pair: `pairs` units with both sides, its term form, whether the
    /// dictionary confirms it (both English ends glossed and every Chinese edge word
    /// rendered).
    pub(crate) fn of(pairs: usize, form: Option<Form>, confirmed: bool) -> Band {
        match (pairs >= 2, confirmed, form) {
            (true, true, _) => Band::Repeated,
            (true, false, _) => Band::RepeatedUnconfirmed,
            (false, _, Some(Form::Compound) | None) => Band::OnceCompound,
            (false, _, _) => Band::Once,
        }
    }
}

/// Candidates best first, with nested candidates suppressed: nested candidates (Chinese
/// inside the other's) of about the same frequency with the same English are one term,
/// and the better is kept (the longer Chinese adds characters no word of the English
/// needs, or the shorter is cut). With English inside the other's, the worse is a
/// fragment or the better plus context (建设亚太 beside 建设亚太共同体), unless it has a
/// form of a term stronger than a compound of dictionary words: then it is a term of its
/// own and stays (邓小平理论 / Deng Xiaoping Theory beside 邓小平 / Deng Xiaoping, 小康社会 /
/// moderately prosperous society beside 全面建成小康社会).
///
/// Which of two nested forms with the same English is the term is decided by how the text
/// writes them (a C-value-like comparison of their frequencies, `count` giving a string's
/// occurrences): a shorter string almost never written outside the longer one (各族人民,
/// nearly always inside 全国各族人民) is a piece of the set phrase, and the longer form
/// takes its place in the ranking; a shorter string also written on its own (记者会 beside
/// 梅地亚中心举行记者会) is the term, whichever scored better.
pub(crate) fn rank(
    mut found: Vec<Candidate>,
    quoted: &HashSet<String>,
    count: &dyn Fn(&str) -> usize,
    segs: &[Segment],
) -> Vec<Candidate> {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.zh.chars().count().cmp(&a.zh.chars().count()))
            .then(a.zh.cmp(&b.zh))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for mut c in found {
        let termlike = !matches!(termlike::form(&c.zh, quoted), None | Some(Form::Compound));
        // A coordinated formulation is a term beside its last item or head (Chinese puts
        // the head last: 民主自由平等公正的社会主义制度 beside 社会主义制度), whatever its form: the head's
        // English inside its own is no sign that it is the head with context. So is a
        // compound the English renders as two coordinated terms beside either of them
        // (霸权主义和强权政治 / "hegemony and power politics" beside 霸权主义 / "hegemony":
        // [`termlike::two_part_rendering`]).
        let two_terms = c.band == Band::OnceCompound
            && termlike::two_part_rendering(&mut Glosser::new(), &c.zh, &c.en);
        // Two foundings with their count of years, one inside the other (条约签署25周年 in
        // …友好合作条约签署25周年), are one anniversary with its name cut or whole: the form
        // does not make the shorter a term of its own.
        let anniversary = termlike::form(&c.zh, quoted) == Some(Form::Anniversary);
        let nested = kept.iter().position(|k| {
            let coordination = (c.band == Band::List && c.zh.ends_with(k.zh.as_str()))
                || (two_terms && c.zh.contains(k.zh.as_str()));
            let both_anniversaries =
                anniversary && termlike::form(&k.zh, quoted) == Some(Form::Anniversary);
            (k.zh.contains(&c.zh) || c.zh.contains(&k.zh))
                && (k.en.eq_ignore_ascii_case(&c.en)
                    || ((!termlike || both_anniversaries)
                        && !coordination
                        && (words_within(&k.en, &c.en) || words_within(&c.en, &k.en))
                        && !extends(k, &c)))
                && c.pairs * 4 <= k.pairs * 5
                && k.pairs * 4 <= c.pairs * 5
        });
        match nested {
            None => kept.push(c),
            Some(i)
                if kept[i].en.eq_ignore_ascii_case(&c.en)
                    && written_inside(&kept[i], &c, count, segs) =>
            {
                c.evidence
                    .push(format!("{} is almost only written inside it", kept[i].zh));
                c.score = kept[i].score;
                kept[i] = c;
            }
            // A shorter string whose English also renders the words the longer adds is cut,
            // its English padded with the rest of the term (社会主义制度自我完善 with
            // "self-improvement and development of the socialist system", whose 和发展 it
            // lacks): the longer takes its place, whichever scored better. The English
            // alone cannot tell them apart, and the score favoured the shorter, as the
            // shorter string is the more frequent.
            Some(i)
                if kept[i].en.eq_ignore_ascii_case(&c.en)
                    && renders_added(&c.zh, &kept[i].zh, &c.en) =>
            {
                c.evidence
                    .push(format!("the English renders more than {}", kept[i].zh));
                c.score = kept[i].score;
                kept[i] = c;
            }
            // A longer string that only adds a modifier in front the English leaves
            // unrendered (全面 of 全面深化改革开放 / "continuing reform and opening up") is the
            // shorter term with context, where the shorter string's English renders all of
            // it: the shorter takes the longer's place, unless it is almost only written
            // inside the longer ([`written_inside`]: then the longer is the set phrase).
            Some(i)
                if kept[i].en.eq_ignore_ascii_case(&c.en)
                    && kept[i].zh.len() > c.zh.len()
                    && leaves_modifier_unrendered(&kept[i].zh, &c.zh, &c.en)
                    && !written_inside(&c, &kept[i], count, segs) =>
            {
                c.evidence.push(format!(
                    "the English leaves {} of {} unrendered",
                    kept[i].zh.strip_suffix(c.zh.as_str()).unwrap_or_default(),
                    kept[i].zh
                ));
                c.score = kept[i].score;
                kept[i] = c;
            }
            Some(_) => {}
        }
    }
    // Pairs seen once tie at one score when the dictionary confirms them alike; of those,
    // the stronger form of a term comes first (a dictionary entry, a quoted string or a
    // numbered formulation before a set opening or head, before a compound of dictionary
    // words), the longer Chinese first within one form. Before the form, at one score, the
    // pair seen in more units comes first: a lexicalised pair seen once, scored as if
    // seen twice ([`lexicalised_g2`]), follows the pairs the text does repeat. After the
    // form, the Chinese the text writes in more units comes first: how often a text writes
    // a string is the first sign that it is one of its terms, which the G² of one English
    // rendering does not reward (a long term the text also renders freely, 中国特色社会主义
    // 理论体系, ties with a phrase it writes once). Only the order changes: which nested
    // candidate is kept was decided above, longer first.
    let strength = |zh: &str| match termlike::form(zh, quoted) {
        Some(Form::Dictionary | Form::Quoted | Form::Numbered | Form::Anniversary) => 3u8,
        Some(Form::Structure | Form::PairedTerms) => 2,
        Some(Form::Compound) => 1,
        None => 0,
    };
    kept.sort_by_cached_key(|c| {
        (
            std::cmp::Reverse(OrderedScore(c.score)),
            std::cmp::Reverse(c.pairs),
            std::cmp::Reverse(strength(&c.zh)),
            std::cmp::Reverse(c.zh_pairs),
        )
    });
    kept
}

/// Whether `en`, the English of both `long` and `short` (a string inside it), renders the
/// words `long` adds: each added word of two characters or more is rendered by an English
/// word `short` does not render ("historical" for 历史 of 历史责任感 / "sense of historical
/// responsibility", beside 责任感), and there is one at least. A one-character word may
/// stay unrendered inside `long`, not at its outer edge; when it is the conjunction of a
/// coordination the English writes with "and" or "or" (自我完善和发展 / "self-improvement
/// and development"), the word it joins need only be rendered, even by an English word
/// `short` seems to render too (完善 is glossed "well-developed"). An added word repeating
/// a word of `short` (生产关系 beside 生产力) is no sign: the English word that seems to
/// render it may render the repeated one.
fn renders_added(long: &str, short: &str, en: &str) -> bool {
    let Some((before, after)) = long.split_once(short) else {
        return false;
    };
    let (before, after) = (termlike::han_words(before), termlike::han_words(after));
    let one_char = |t: Option<&&str>| t.is_some_and(|t| t.chars().count() == 1);
    let mut glosser = Glosser::new();
    let short_words = termlike::gloss_content_words(&mut glosser, short);
    let base = termlike::rendering(en, &short_words).glossed;
    let coordinated = en
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    let mut rendered_words = 0;
    let tokens = before
        .iter()
        .map(|t| (t, true))
        .chain(after.iter().map(|t| (t, false)));
    for (i, (t, in_front)) in tokens.enumerate() {
        let chars: Vec<char> = t.chars().collect();
        let words = glosser.gloss(t);
        let covered = termlike::rendering(en, &words).zh_covered > 0;
        let outer = if in_front {
            i == 0
        } else {
            i + 1 == before.len() + after.len()
        };
        if chars.len() < 2 {
            if outer && !covered {
                return false;
            }
            continue;
        }
        let mut with = short_words.clone();
        with.extend(words);
        let novel = termlike::rendering(en, &with).glossed > base;
        let joined = coordinated
            && if in_front {
                one_char(before.get(i + 1))
            } else {
                i > before.len() && one_char(after.get(i - before.len() - 1))
            };
        let repeats = chars
            .windows(2)
            .any(|w| short.contains(&w.iter().collect::<String>()));
        if repeats || !(novel || (covered && joined)) {
            return false;
        }
        rendered_words += 1;
    }
    rendered_words > 0
}

/// Whether the worse-scored candidate `worse` is a term that extends the kept `better`
/// rather than `better` with context: its Chinese holds `better`'s, its English holds
/// `better`'s, and the English words it adds render every word its Chinese adds
/// ([`renders_added`]: 深化改革开放 / "continuing reform and opening up" beside 深化 /
/// "continuing", where "reform and opening up" renders 改革开放). Context is Chinese the
/// English does not account for (建设亚太 beside 建设亚太共同体); a rendered addition is a
/// term of its own, whichever scored better, where its English renders it whole
/// ([`renders_whole`]: "aspirations of countless" for 无数仁人志士 does not).
fn extends(better: &Candidate, worse: &Candidate) -> bool {
    worse.zh.len() > better.zh.len()
        && !better.en.eq_ignore_ascii_case(&worse.en)
        && words_within(&better.en, &worse.en)
        && renders_whole(&worse.zh, &worse.en)
        && renders_added(&worse.zh, &better.zh, &worse.en)
}

/// Whether `long` is `short` with one dictionary word of two characters or more in front
/// that has a gloss and that `en`, the English of both, does not render, while `en`
/// renders `short` whole (every English content word glossed by it, every Chinese word of
/// it rendered). Then `long` pairs a term with context its English leaves out, and
/// `short` is the term. Only a word in front counts: a word after is the head the English
/// must render, or a form of address an official rendering drops by convention (毛泽东同志
/// / "Mao Zedong"), which keeps the longer string the text's way of naming; a rendering
/// `short` does not account for whole (海外 with "overseas Chinese") says nothing.
fn leaves_modifier_unrendered(long: &str, short: &str, en: &str) -> bool {
    let Some(added) = long.strip_suffix(short) else {
        return false;
    };
    if added.chars().count() < 2 || !termlike::dictionary_word(added) {
        return false;
    }
    let mut glosser = Glosser::new();
    let added_words = glosser.gloss(added);
    if added_words.iter().all(|w| w.stems.is_empty())
        || termlike::rendering(en, &added_words).zh_covered > 0
    {
        return false;
    }
    renders_whole(short, en)
}

/// Whether `en` renders the Chinese `zh` whole ([`termlike::Rendering::whole`], over the
/// content words of `zh`).
fn renders_whole(zh: &str, en: &str) -> bool {
    termlike::rendering(en, &termlike::gloss_content_words(&mut Glosser::new(), zh)).whole()
}

/// Whether the nested candidate `short`, in two units or more and written three times or
/// more, is (almost) only written inside `long`, which adds one two-character dictionary
/// word in front of it (全国 + 各族人民) that the English right beside the rendering in
/// `long`'s example pair does not render: at most a fifth of its occurrences stand outside
/// `long`. A string seen in one unit is always inside its context, which says nothing; an
/// addition that is not a word (以, 阶段的) is context, a longer one (中国特色社会主义 +
/// 新胜利) a term of its own beside it, and one rendered next to the English ("whole
/// Party") a neighbour. Only a word in front counts: Chinese puts the head last, so a
/// modifier in front is what an official rendering may leave implicit, while a word after
/// (世界反法西斯战争 + 胜利) is a new head the same English cannot render.
fn written_inside(
    short: &Candidate,
    long: &Candidate,
    count: &dyn Fn(&str) -> usize,
    segs: &[Segment],
) -> bool {
    let (s, l) = (short.zh.as_str(), long.zh.as_str());
    let added = l.strip_suffix(s).unwrap_or_default();
    if short.zh_pairs < 2 || added.chars().count() != 2 || !termlike::dictionary_word(added) {
        return false;
    }
    let glossed = Glosser::new().gloss(added);
    let rendered_nearby = segs.get(long.example).is_some_and(|seg| {
        termlike::rendering(&beside(&seg.en, &long.en), &glossed).zh_covered > 0
    });
    let inside = count(l) * l.matches(s).count();
    let all = count(s);
    // Three occurrences at least: a string written twice may be one sentence in two
    // editions of a text (一切单边行径 in both Chinese editions of one press conference).
    all >= 3 && !rendered_nearby && inside > 0 && all.saturating_sub(inside) * 5 <= all
}

/// The words right beside the first occurrence of the phrase `en` in the sentence `text`
/// (three on each side, compared case-insensitively), where a neighbour of the term is
/// rendered; empty when the phrase is not found.
fn beside(text: &str, en: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let phrase: Vec<String> = en.split_whitespace().map(str::to_lowercase).collect();
    let trim = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .replace('’', "'")
    };
    let words: Vec<String> = words.iter().map(|w| trim(w)).collect();
    let phrase: Vec<String> = phrase.iter().map(|w| trim(w)).collect();
    let n = phrase.len();
    let Some(at) = (n > 0 && words.len() >= n)
        .then(|| words.windows(n).position(|w| w == phrase.as_slice()))
        .flatten()
    else {
        return String::new();
    };
    let before = &words[at.saturating_sub(3)..at];
    let after = &words[at + n..(at + n + 3).min(words.len())];
    before
        .iter()
        .chain(after)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::discover::g2;

    /// A lexicalised pair seen once scores as a pair seen twice would, whatever the length
    /// of the text, where the former weight of 1.5 fell short of it in a long text.
    #[test]
    fn a_lexicalised_pair_counts_as_seen_twice() {
        for n in [30, 116, 471] {
            assert_eq!(lexicalised_g2(1, 1, 1, n), g2(2, 2, 2, n));
        }
        assert!(lexicalised_g2(1, 1, 1, 471) > 1.5 * g2(1, 1, 1, 471));
    }

    fn candidate(zh: &str, en: &str, score: f64) -> Candidate {
        Candidate {
            zh: zh.to_string(),
            en: en.to_string(),
            score,
            g2: score,
            pairs: 1,
            zh_pairs: 1,
            en_pairs: 1,
            documents: Vec::new(),
            dates: Vec::new(),
            example: 0,
            band: Band::Once,
            confidence: 0.5,
            evidence: Vec::new(),
        }
    }

    /// Of two nested strings with one English, the longer is kept when the English renders
    /// the words it adds, though the shorter scored better; not when an added word is only
    /// rendered by an English word the shorter renders too (方针政策带领, 涉及生产力和生产关系).
    #[test]
    fn the_longer_string_whose_added_words_the_english_renders() {
        let count = |_: &str| 1;
        let quoted = HashSet::new();
        let top = |long: &str, short: &str, en: &str| {
            let found = vec![candidate(short, en, 38.8), candidate(long, en, 37.2)];
            let kept = rank(found, &quoted, &count, &[]);
            kept.first().map(|c| (c.zh.clone(), c.score))
        };
        let en = "self-improvement and development of the socialist system";
        assert_eq!(
            top("社会主义制度自我完善和发展", "社会主义制度自我完善", en),
            Some(("社会主义制度自我完善和发展".to_string(), 38.8))
        );
        let en = "sense of historical responsibility";
        assert_eq!(
            top("历史责任感", "责任感", en).map(|c| c.0),
            Some("历史责任感".to_string())
        );
        for (long, short, en) in [
            ("方针政策带领", "方针政策", "guidelines and policies"),
            (
                "涉及生产力和生产关系",
                "生产力和生产关系",
                "productive forces and relations of production",
            ),
            ("壮大的强大精神", "强大精神", "strong"),
        ] {
            assert_eq!(top(long, short, en).map(|c| c.0), Some(short.to_string()));
        }
    }

    /// Of two nested strings with one English, the shorter takes the longer's place when
    /// the longer only adds a modifier in front the English leaves unrendered and the
    /// English renders the shorter whole; not for a word after (a title of address), nor
    /// when the English renders the added word, nor when it renders the shorter only in part.
    #[test]
    fn the_shorter_string_when_the_english_leaves_the_added_modifier_out() {
        let count = |_: &str| 1;
        let quoted = HashSet::new();
        let top = |long: &str, short: &str, en: &str| {
            let found = vec![candidate(long, en, 2.4), candidate(short, en, 2.4)];
            let kept = rank(found, &quoted, &count, &[]);
            kept.first().map(|c| (c.zh.clone(), c.score))
        };
        let en = "continuing reform and opening up";
        assert_eq!(
            top("全面深化改革开放", "深化改革开放", en),
            Some(("深化改革开放".to_string(), 2.4))
        );
        for (long, short, en) in [
            ("毛泽东同志", "毛泽东", "Mao Zedong"),
            ("历史责任感", "责任感", "sense of historical responsibility"),
            ("海外侨胞", "侨胞", "overseas Chinese"),
        ] {
            assert_eq!(top(long, short, en).map(|c| c.0), Some(long.to_string()));
        }
    }

    /// A worse-scored candidate holding a kept one, whose English renders the words it adds
    /// and renders it whole, is a term of its own and stays (then taking the place of a
    /// longer one with the same English and an unrendered modifier in front); one whose
    /// English leaves the addition out is the kept one with context and is dropped.
    #[test]
    fn a_longer_term_rendering_its_addition_is_not_context() {
        let count = |_: &str| 1;
        let quoted = HashSet::new();
        let en = "continuing reform and opening up";
        let found = vec![
            candidate("深化", "continuing", 4.4),
            candidate("全面深化改革开放", en, 2.4),
            candidate("深化改革开放", en, 2.1),
            candidate("政治立场", "political position", 2.0),
            candidate("鲜明政治立场", "political position taken", 1.9),
        ];
        let kept: Vec<String> = rank(found, &quoted, &count, &[])
            .into_iter()
            .map(|c| c.zh)
            .collect();
        assert_eq!(kept, ["深化", "深化改革开放", "政治立场"]);
    }

    /// At one score, number of pairs and form, the Chinese written in more units comes
    /// first, whatever the order of the strings.
    #[test]
    fn at_one_score_the_chinese_written_more_often_first() {
        let count = |_: &str| 1;
        let quoted = HashSet::new();
        let mut often = candidate("基本要求", "basic requirements", 50.0);
        often.zh_pairs = 4;
        let mut rare = candidate("交流合作", "exchanges and cooperation", 50.0);
        rare.zh_pairs = 1;
        let kept: Vec<String> = rank(vec![rare, often], &quoted, &count, &[])
            .into_iter()
            .map(|c| c.zh)
            .collect();
        assert_eq!(kept, ["基本要求", "交流合作"]);
    }

    /// Of two foundings with their count of years, one inside the other, whose English
    /// lies within the other's, one is kept (the better scored): the form of the shorter
    /// does not make it a term of its own.
    #[test]
    fn nested_anniversaries_are_one() {
        let count = |_: &str| 1;
        let quoted = HashSet::new();
        let found = vec![
            candidate(
                "和平友好条约签署25周年",
                "25th anniversary of the Treaty of Peace and Friendship",
                40.0,
            ),
            candidate("条约签署25周年", "25th anniversary of the Treaty", 39.0),
        ];
        let kept: Vec<String> = rank(found, &quoted, &count, &[])
            .into_iter()
            .map(|c| c.zh)
            .collect();
        assert_eq!(kept, ["和平友好条约签署25周年"]);
    }

    /// An idiom's English holding half its gloss phrase or less is a piece of it.
    #[test]
    fn an_idiom_rendered_by_a_piece() {
        assert!(gloss_piece("小学生", "students"));
        assert!(!gloss_piece("小学生", "primary school students"));
        assert!(!idiom_piece("小学生", "students"));
        assert!(!gloss_piece("主人翁", "masters"));
        assert!(gloss_piece("主人翁", "novel"));
        assert!(idiom_piece("画蛇添足", "snake"));
        assert!(!idiom_piece("画蛇添足", "draw legs on a snake"));
        // Not an idiom of four characters.
        assert!(!idiom_piece("经济", "economy"));
    }
}
