//! Evidence that lets discovery propose a term seen in one aligned pair only: whether a
//! Chinese string has the form of a term (dictionary entry, quoted, numbered formulation,
//! set opening or head), and how well an English phrase renders it word by word
//! (CC-CEDICT glosses, with the abbreviations, demonyms and ordinals the glosses do not
//! spell out).
//!
//! Repetition across pairs is evidence a long document has and a short speech lacks; these
//! are the kinds of evidence one pair can give. The word lists live in
//! `data/terms/zh_term_structure.txt`, `data/terms/zh_anniversary.txt`,
//! `data/terms/en_glossing.txt`, `data/terms/en_verb_modifiers.txt`,
//! `data/terms/en_negation.txt` and
//! `data/terms/en_clause_words.txt`.

use crate::lexicon::cedict;
use crate::lexicon::dict::{en_stems, stem_of, GlossedWord, Glosser};
use crate::lexicon::{lowercase_into, IdMap};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The Chinese structure lists (`data/terms/zh_term_structure.txt`).
struct Structure {
    prefix: Vec<String>,
    head: Vec<String>,
    numeral: Vec<String>,
    classifier: Vec<String>,
    verb: Vec<String>,
    negation: HashSet<String>,
    /// Negations that open a noun inside a string (非 "non-"), not a negated predicate.
    privative: HashSet<String>,
    /// Localisers that make an adverbial of the word before them (`locative:`).
    locative: HashSet<String>,
    inner: HashSet<String>,
    time: HashSet<String>,
    session: Vec<String>,
    ordinal: HashSet<String>,
    genitive: HashSet<String>,
    suffix: Vec<String>,
    /// Suffixes of change (`change:`, 化): a word ending in one names a process.
    change: Vec<String>,
    clause_verb: HashSet<String>,
    conjunction: HashSet<String>,
    /// `frame:` pairs of function words around a term, opening and closing (以, 为).
    frame: Vec<(String, String)>,
}

fn structure() -> &'static Structure {
    static S: OnceLock<Structure> = OnceLock::new();
    S.get_or_init(|| {
        let take =
            |k: &str| crate::data::keyed(include_str!("../../data/terms/zh_term_structure.txt"), k);
        Structure {
            prefix: take("prefix"),
            head: take("head"),
            numeral: take("numeral"),
            classifier: take("classifier"),
            verb: take("verb"),
            negation: take("negation").into_iter().collect(),
            privative: take("privative").into_iter().collect(),
            locative: take("locative").into_iter().collect(),
            inner: take("inner").into_iter().collect(),
            time: take("time").into_iter().collect(),
            session: take("session"),
            ordinal: take("ordinal").into_iter().collect(),
            genitive: take("genitive").into_iter().collect(),
            suffix: take("suffix"),
            change: take("change"),
            clause_verb: take("clause-verb").into_iter().collect(),
            conjunction: take("conjunction").into_iter().collect(),
            frame: take("frame")
                .iter()
                .filter_map(|f| f.split_once('…'))
                .map(|(open, close)| (open.to_string(), close.to_string()))
                .collect(),
        }
    })
}

/// English words that a glossed Chinese word may stand behind (`en_glossing.txt`), keyed
/// by the word in lower case (the candidates' English is compared in lower case). An
/// initialism stands behind its distinctive words only ([`distinctive_initialism_words`]).
fn en_equivalents() -> &'static HashMap<String, Vec<String>> {
    static M: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        let glossing = distinctive_initialism_words(equivalence_lines(include_str!(
            "../../data/terms/en_glossing.txt"
        )));
        for (word, words) in glossing
            .into_iter()
            .chain(equivalence_lines(EN_VERB_MODIFIERS))
        {
            m.entry(word.to_lowercase()).or_default().extend(words);
        }
        m
    })
}

/// `data/terms/en_verb_modifiers.txt`: English modifiers that render a Chinese verb of
/// degree or change ("continuing" for 深化), in `en_glossing.txt`'s format: read with
/// `en_glossing.txt`, as equivalences the glosses do not spell out.
const EN_VERB_MODIFIERS: &str = include_str!("../../data/terms/en_verb_modifiers.txt");

/// The `WORD<TAB>WORDS` lines of an equivalence list (`en_glossing.txt`,
/// `en_verb_modifiers.txt`), comments skipped: each word as written (an initialism in
/// capitals) with the words it stands behind.
fn equivalence_lines(text: &str) -> Vec<(String, Vec<String>)> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(word, rest)| {
            let words = rest.split_whitespace().map(str::to_string).collect();
            (word.trim().to_string(), words)
        })
        .collect()
}

/// The lines of an `en_glossing.txt` text (WORD, WORDS), an initialism's WORDS kept only
/// where they tell it from the other initialisms: a word that an initialism of another
/// meaning spells too (China of CPC and PRC, People's of PRC and NPC) is left out, so that
/// 中国 "China" does not gloss "CPC" nor 新中国 "New China" the CPC of "centenary of the
/// CPC", while 党 "party" still glosses it. Synonyms (CPC and CCP, of one spelling) do not
/// count against each other. A state's name in its official style (PRC: People's Republic
/// China, its other words all in `en_state_styles.txt`) keeps its name: "centenary of the
/// PRC" renders 新中国 "New China" as 中国 "China", while the CPC stays unglossed by it.
fn distinctive_initialism_words(lines: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    lines
        .iter()
        .map(|(w, words)| {
            if !is_initialism(w) {
                return (w.clone(), words.clone());
            }
            // The name of a state in its official style (PRC: People's Republic China) is
            // glossed by the name, which the style words around it do not tell apart.
            let styled_name = |x: &String| {
                words
                    .iter()
                    .filter(|y| *y != x)
                    .all(|y| en_state_styles().contains(&y.to_lowercase()))
            };
            let shared = |x: &String| {
                !styled_name(x)
                    && lines
                        .iter()
                        .any(|(v, other)| is_initialism(v) && other != words && other.contains(x))
            };
            let kept = words.iter().filter(|x| !shared(x)).cloned().collect();
            (w.clone(), kept)
        })
        .collect()
}

/// Whether a word of `en_glossing.txt` is an initialism (CPC, PRC, UN): two capitals or
/// more and nothing else. Its WORDS are what it stands for, not synonyms.
fn is_initialism(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The words of a state's official style (`en_state_styles.txt`: republic, kingdom,
/// people's …), in lower case: an initialism spelling a name in its style is glossed by the
/// name ([`distinctive_initialism_words`]), as 新中国 "New China" glosses "PRC".
fn en_state_styles() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| crate::data::words(include_str!("../../data/terms/en_state_styles.txt")))
}

/// The initialisms of `en_glossing.txt` (CPC, CCP, PRC, UN …: a word in capitals), each
/// with the stems of the words it stands for, to read one written in a gloss.
fn gloss_initialisms() -> &'static Vec<(u64, Vec<u64>)> {
    static V: OnceLock<Vec<(u64, Vec<u64>)>> = OnceLock::new();
    V.get_or_init(|| {
        include_str!("../../data/terms/en_glossing.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(w, _)| is_initialism(w))
            .flat_map(|(w, rest)| {
                let spelled: Vec<u64> = rest.split_whitespace().flat_map(en_stems).collect();
                en_stems(w).into_iter().map(move |s| (s, spelled.clone()))
            })
            .collect()
    })
}

/// The states of `en_glossing.txt` named in their official style (PRC: People's Republic
/// China, every word but the name in `en_state_styles.txt`): the stems of the name with
/// those of its style words. English spells the style out where Chinese writes the short
/// name or a name of its own (新中国 "New China" for "People's Republic of China"), so a
/// gloss holding the name glosses the style words too ([`gloss_candidate_of`]); only that
/// state's, not every style ("Kingdom" stays unglossed by "China"). The third stems are
/// the other words of the other initialisms spelling the name (Communist, Party of the
/// CPC): a gloss holding one names that body ("Communist Party of China"), not the state.
fn styled_state_names() -> &'static Vec<StyledStateName> {
    static V: OnceLock<Vec<StyledStateName>> = OnceLock::new();
    V.get_or_init(|| {
        let styles = en_state_styles();
        let lines: Vec<(String, Vec<String>)> =
            equivalence_lines(include_str!("../../data/terms/en_glossing.txt"))
                .into_iter()
                .filter(|(w, _)| is_initialism(w))
                .collect();
        lines
            .iter()
            .filter_map(|(_, words)| {
                let (style, name): (Vec<&String>, Vec<&String>) = words
                    .iter()
                    .partition(|x| styles.contains(&x.to_lowercase()));
                let [name] = name[..] else {
                    return None;
                };
                // A possessive style word (People's) is met as written, not by its noun's
                // stem: "people" alone is no style, and the name's gloss must not reach it
                // (中华 "China" would render "Chinese people").
                let style: Vec<u64> = style
                    .iter()
                    .flat_map(|x| match possessive_stem(x) {
                        Some(stem) => vec![stem],
                        None => en_stems(x),
                    })
                    .collect();
                let other_bodies: Vec<u64> = lines
                    .iter()
                    .filter(|(_, other)| other != words && other.contains(name))
                    .flat_map(|(_, other)| other.iter().filter(|x| *x != name))
                    .flat_map(|x| en_stems(x))
                    .collect();
                (!style.is_empty()).then(|| StyledStateName {
                    name: en_stems(name),
                    style,
                    other_bodies,
                })
            })
            .collect()
    })
}

/// The stem of a possessive word as written, in lower case with a straight apostrophe
/// ("People's", "people’s"): what a style word of a state's name is met by, where its
/// noun's stems would meet the noun alone ([`styled_state_names`], [`word_stems`]).
fn possessive_stem(word: &str) -> Option<u64> {
    let lower = word.to_lowercase().replace('’', "'");
    // `stem_of` cuts the possessive ending ("people's" is "people") and gives a word out of
    // its vocabulary a shared id: the key is a hash of the possessive as written, tagged
    // apart from the stem ids.
    let noun = lower.strip_suffix("'s")?;
    let mut h = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&("possessive", noun), &mut h);
    Some(std::hash::Hasher::finish(&h) | 1 << 63)
}

/// A state named in its official style ([`styled_state_names`]), as stems.
struct StyledStateName {
    /// The state's short name (China).
    name: Vec<u64>,
    /// The words of its style (People's, Republic).
    style: Vec<u64>,
    /// The other words of other initialisms spelling the name (Communist, Party).
    other_bodies: Vec<u64>,
}

/// English negation words (`en_negation.txt`).
pub(crate) fn en_negations() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| crate::data::words(include_str!("../../data/terms/en_negation.txt")))
}

/// English words that make a phrase a clause (`en_clause_words.txt`): finite forms of
/// "be" and modal verbs.
fn en_clause_words() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| crate::data::words(include_str!("../../data/terms/en_clause_words.txt")))
}

/// Whether an English phrase holds a finite "be" or a modal verb as a word ("… is
/// special", "… can save China"): a clause, which renders a Chinese candidate only when
/// the Chinese holds a copula or modal too ([`zh_clause`]: a saying that is itself a
/// sentence). Without this,
/// in a pair seen once, where every n-gram of the sentence has the same association, the
/// English of a term could run on into its predicate.
pub(crate) fn en_clause(en: &str) -> bool {
    let words = en_clause_words();
    // One buffer for the words in lower case: this runs for every English n-gram weighed.
    let mut w = String::new();
    en.split_whitespace().any(|raw| {
        let raw = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if raw.contains('’') {
            lowercase_into(&mut w, &raw.replace('’', "'"));
        } else {
            lowercase_into(&mut w, raw);
        }
        words.contains(w.as_str())
    })
}

/// Irregular past tenses and participles (`data/lexicon/en_irregular.txt`, the forms other
/// than the base form).
fn irregular_forms() -> &'static HashSet<String> {
    static IRREGULAR: OnceLock<HashSet<String>> = OnceLock::new();
    IRREGULAR.get_or_init(|| {
        crate::data::lines(include_str!("../../data/lexicon/en_irregular.txt"))
            .flat_map(|l| {
                let mut forms = l.split_whitespace();
                let base = forms.next().unwrap_or_default();
                forms.filter(move |f| *f != base).map(str::to_string)
            })
            .collect()
    })
}

/// Which words may end an English rendering (`data/terms/en_term_ends.txt`).
pub(crate) struct EnEnds {
    modifier: HashSet<String>,
    modifier_suffix: Vec<String>,
    particle: HashSet<String>,
    /// Object pronouns (`object:`): the word before one is a verb, no rendering's end.
    object: HashSet<String>,
    title: HashSet<String>,
    adjective_suffix: Vec<String>,
    /// Adjectives modifying the word after them (`premodifier:`).
    premodifier: HashSet<String>,
    /// Further endings of words modifying the word after them (`premodifier-suffix:`).
    premodifier_suffix: Vec<String>,
    /// Endings of words modifying the word after them after an article only
    /// (`attributive-suffix:`).
    attributive_suffix: Vec<String>,
    /// The articles (`article:`).
    article: HashSet<String>,
    noun_suffix: Vec<String>,
    demonym: HashSet<String>,
    head_of: HashSet<String>,
    /// Prepositions after which a word in -ing is a gerund (`gerund-after:`).
    gerund_after: HashSet<String>,
    /// Endings of a word rendering a Chinese word of change (`change-suffix:`).
    change_suffix: Vec<String>,
}

impl EnEnds {
    /// The lists, read once.
    pub(crate) fn get() -> &'static EnEnds {
        static E: OnceLock<EnEnds> = OnceLock::new();
        E.get_or_init(|| {
            let mut e = EnEnds {
                modifier: HashSet::new(),
                modifier_suffix: Vec::new(),
                particle: HashSet::new(),
                object: HashSet::new(),
                title: HashSet::new(),
                adjective_suffix: Vec::new(),
                premodifier: HashSet::new(),
                premodifier_suffix: Vec::new(),
                attributive_suffix: Vec::new(),
                article: HashSet::new(),
                noun_suffix: Vec::new(),
                demonym: HashSet::new(),
                head_of: HashSet::new(),
                gerund_after: HashSet::new(),
                change_suffix: Vec::new(),
            };
            for line in include_str!("../../data/terms/en_term_ends.txt").lines() {
                let words = |rest: &str| -> Vec<String> {
                    rest.split_whitespace().map(str::to_lowercase).collect()
                };
                if let Some(rest) = line.strip_prefix("modifier:") {
                    e.modifier.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("modifier-suffix:") {
                    e.modifier_suffix.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("particle:") {
                    e.particle.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("object:") {
                    e.object.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("title:") {
                    e.title.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("adjective-suffix:") {
                    e.adjective_suffix.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("premodifier:") {
                    e.premodifier.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("attributive-suffix:") {
                    e.attributive_suffix.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("article:") {
                    e.article.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("premodifier-suffix:") {
                    e.premodifier_suffix.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("noun-suffix:") {
                    e.noun_suffix.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("demonym:") {
                    e.demonym.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("head-of:") {
                    e.head_of.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("gerund-after:") {
                    e.gerund_after.extend(words(rest));
                } else if let Some(rest) = line.strip_prefix("change-suffix:") {
                    e.change_suffix.extend(words(rest));
                }
            }
            e
        })
    }

    /// Whether `word` has an ending of change (`modernization`, `ageing`, `aging`): the form
    /// that renders a Chinese word of change (…化). A stem of two letters is enough ("ag" of
    /// "aging"): the word must also be one the Chinese word glosses
    /// ([`change_unrendered`]), which rules out a chance ending.
    pub(crate) fn change(&self, word: &str) -> bool {
        has_ending(&word.to_lowercase(), &self.change_suffix, 2)
    }

    /// Whether `word` modifies a head noun and so cannot end a rendering (an ordinal
    /// such as `18th` included).
    pub(crate) fn modifier(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
            w.strip_suffix(s)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
        let suffixed = self
            .modifier_suffix
            .iter()
            .any(|s| w.strip_suffix(s.as_str()).is_some_and(|r| r.len() > 1));
        ordinal || suffixed || self.modifier.contains(&w)
    }

    /// Whether `word` is an adjective that may stand in front of a rendering: a modifier,
    /// or a lower-case word with an adjective ending (`enduring`, `constant`). Used only to
    /// extend a rendering to the left, where a wrong guess costs one word.
    pub(crate) fn adjective(&self, word: &str) -> bool {
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        let suffixed =
            has_ending(word, &self.adjective_suffix, 4) && !has_ending(word, &self.noun_suffix, 4);
        self.modifier(word) || (lower && suffixed && word.chars().all(char::is_alphabetic))
    }

    /// Whether `word`, written right before `next` in one run of words, modifies it, so
    /// that a rendering ending on `word` cuts off its head ("Shanghai municipal" of
    /// "Shanghai municipal government", "medal represents the friendly" of "… friendly
    /// feelings", "to a deeper" of "to a deeper level", "to boost the country's" of "… the
    /// country's strength"): `word` is a genitive, or a lower-case adjective
    /// ([`EnEnds::adjective`]) or one of `premodifier:` (`young`, `key`), has an ending of
    /// `premodifier-suffix:` (`municipal`,
    /// `economic`), or after an article one of `attributive-suffix:` (`the friendly`, where
    /// `resolutely` before a verb may end a rendering), or is the comparative or superlative of a listed word
    /// (`deeper`, `wider`, `bigger`, `highest`); and `next` is a lower-case content word,
    /// no function word: before "of" or "and" the word is a head itself ("the potential
    /// of"). Rather than a part of speech, which the project does not have, the endings
    /// and the word list tell a modifier; an agent noun in -er that the test takes for a
    /// comparative ("consumer goods") modifies the noun after it just the same.
    pub(crate) fn premodifies(&self, before: Option<&str>, word: &str, next: &str) -> bool {
        let lower = |w: &str| {
            w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(|c| c.is_ascii_lowercase())
        };
        if !lower(next) || super::ngrams::en_edge_words().contains(next) {
            return false;
        }
        // A genitive is the determiner of the noun after it ("the country's strength").
        if (word.ends_with("'s") || word.ends_with("s'")) && word.chars().count() > 3 {
            return true;
        }
        if !lower(word) {
            return false;
        }
        let after_article = before.is_some_and(|b| self.article.contains(&b.to_lowercase()));
        let suffixed = has_ending(word, &self.premodifier_suffix, 4)
            || (after_article && has_ending(word, &self.attributive_suffix, 4));
        suffixed || self.premodifier.contains(word) || self.adjective(word) || graded(word)
    }

    /// Whether `word` has a noun ending (`development`, `transformation`): such a word
    /// opening a rendering names a thing, where a verb opens a verb phrase.
    pub(crate) fn noun(&self, word: &str) -> bool {
        has_ending(&word.to_lowercase(), &self.noun_suffix, 4)
    }

    /// Whether `word` leaves a rendering dangling when a noun follows it: a modifier or a
    /// nationality adjective ("sons and daughters of the Chinese" before "nation"). Unlike
    /// [`EnEnds::modifier`] this does not stop a rendering from ending on it ("overseas
    /// Chinese" is whole); it lets a rendering grow by the noun that follows.
    pub(crate) fn dangling(&self, word: &str) -> bool {
        self.modifier(word) || self.demonym.contains(&word.to_lowercase())
    }

    /// Whether `word` is a past participle or past tense in lower case (`held`,
    /// `proposed`, `led`): a rendering ending on one is a clause ("press conference was
    /// held", "concepts and initiatives proposed"), not a term. Regular forms end in `-ed`
    /// (not `-eed`: `need`, `speed`); irregular ones are read from
    /// `data/lexicon/en_irregular.txt` (forms other than the base form).
    pub(crate) fn participle(&self, word: &str) -> bool {
        let irregular = irregular_forms();
        if !word.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        (word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed"))
            || irregular.contains(word)
    }

    /// Whether `word` is an irregular past tense or participle in lower case (`led`,
    /// `held`): a rendering opening with one is a clause ("led China's diplomacy"), where
    /// a regular `-ed` form may be an adjective ("developed countries").
    pub(crate) fn irregular_past(&self, word: &str) -> bool {
        word.chars().all(|c| c.is_ascii_lowercase()) && irregular_forms().contains(word)
    }

    /// Whether `word` is a title or form of address written before a name (`President`,
    /// `Comrade`): a name after it may still begin a rendering.
    pub(crate) fn title(&self, word: &str) -> bool {
        self.title.contains(&word.to_lowercase())
    }

    /// Whether `word` joins a head noun written in front to the rendering of the Chinese
    /// modifiers after it ("ethos *of* model workers"), so that a rendering may grow
    /// leftwards by the head a Chinese head-final term puts last.
    pub(crate) fn head_of(&self, word: &str) -> bool {
        self.head_of.contains(&word.to_lowercase())
    }

    /// Whether `word`, after the word `before`, is a gerund that governs an object: a
    /// lower-case word in -ing (of five letters or more before it: not "thing", "king")
    /// after a preposition of `gerund-after:` ("for guaranteeing", "of building"). A
    /// rendering ending on it where the sentence goes on is cut before the object.
    pub(crate) fn gerund_after_preposition(&self, before: &str, word: &str) -> bool {
        word.strip_suffix("ing")
            .is_some_and(|stem| stem.len() >= 4 && stem.chars().all(|c| c.is_ascii_lowercase()))
            && self.gerund_after.contains(&before.to_lowercase())
    }

    /// Whether `word`, a stopword, may still end a rendering after another word.
    pub(crate) fn particle(&self, word: &str) -> bool {
        self.particle.contains(&word.to_lowercase())
    }

    /// Whether `word` completes the word before it, a verb: an adverb particle ("go
    /// ahead") or an object pronoun ("makes it"). A rendering does not end before one.
    pub(crate) fn complement(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.particle.contains(&w) || self.object.contains(&w)
    }
}

/// Whether `word` ends in one of `endings` (written `-ing` in the data files, the hyphen
/// only marking an ending) with a stem of `min_stem` characters or more in front of it:
/// "nation" has no noun ending -tion (a stem of two), "aging" has the ending of change
/// -ing (where a stem of two is enough). The adjective, noun, change and premodifier
/// endings of [`EnEnds`] are read this way; a modifier ending is matched with its hyphen
/// ("law-based").
fn has_ending(word: &str, endings: &[String], min_stem: usize) -> bool {
    endings.iter().any(|s| {
        word.strip_suffix(s.trim_start_matches('-'))
            .is_some_and(|r| r.chars().count() >= min_stem)
    })
}

/// Whether a lower-case word is the comparative or superlative of a listed word
/// (`deeper`, `wider`, `bigger`, `easier`, `highest`): its base, with the ending taken off
/// (`-er`, `-est`; after `-e` only `-r`, `-st`; `-ier`, `-iest` for `-y`; a doubled final
/// consonant undone), is a word of the vocabulary of three letters or more.
fn graded(word: &str) -> bool {
    use crate::lexicon::words::is_listed;
    let Some(stem) = word.strip_suffix("er").or_else(|| word.strip_suffix("est")) else {
        return false;
    };
    let b = stem.as_bytes();
    let doubled = b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2];
    let candidates = [
        Some(stem.to_string()),
        Some(format!("{stem}e")),
        stem.strip_suffix('i').map(|r| format!("{r}y")),
        doubled.then(|| stem[..stem.len() - 1].to_string()),
    ];
    candidates
        .into_iter()
        .flatten()
        .any(|base| base.len() >= 3 && is_listed(&base))
}

/// Whether an English phrase holds a negation word.
pub(crate) fn en_negated(en: &str) -> bool {
    let neg = en_negations();
    let mut w = String::new();
    en.split_whitespace().any(|raw| {
        lowercase_into(&mut w, raw);
        neg.contains(w.as_str()) || w.ends_with("n't") || w.starts_with("non-")
    })
}

/// Whether a Chinese string holds a negation word (by CC-CEDICT's tokenization, so 不断
/// "constantly" is not one).
pub(crate) fn zh_negated(zh: &str) -> bool {
    let neg = &structure().negation;
    if cedict::tokenize(zh).iter().any(|t| neg.contains(*t)) {
        return true;
    }
    // A negation the tokenizer merged with what follows (不对抗 read as 不对 + 抗): a
    // negating first character before a dictionary word.
    let mut chars = zh.chars();
    let first = chars.next().map(String::from).unwrap_or_default();
    let rest = chars.as_str();
    neg.contains(&first) && rest.chars().count() >= 2 && dictionary_word(rest)
}

/// Whether `test` holds for the first or the last dictionary token of a Chinese string of
/// two tokens or more, given the stems of the English words and a glosser.
fn any_edge_token(
    zh: &str,
    en: &str,
    mut test: impl FnMut(&str, &HashSet<u64>, &mut Glosser) -> bool,
) -> bool {
    let tokens: Vec<&str> = cedict::tokenize(zh);
    if tokens.len() < 2 {
        return false;
    }
    let en_stems: HashSet<u64> = en
        .split_whitespace()
        .flat_map(|w| word_stems(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')))
        .collect();
    let mut glosser = Glosser::new();
    [tokens[0], tokens[tokens.len() - 1]]
        .into_iter()
        .any(|t| test(t, &en_stems, &mut glosser))
}

/// Whether the first or the last word of a Chinese candidate (of two characters or
/// more, with a gloss) goes unrendered in the English: 发展中国特色社会主义 for "socialism
/// with Chinese characteristics". Single characters (党, 大) are often abbreviations the
/// glosses miss, and do not count.
pub(crate) fn unrendered_edge_word(zh: &str, en: &str) -> bool {
    any_edge_token(zh, en, |t, en_stems, glosser| {
        let g = glosser.gloss(t);
        t.chars().count() >= 2
            && !g.is_empty()
            && !g
                .iter()
                .flat_map(|g| g.stems.iter())
                .any(|s| en_stems.contains(s))
    })
}

/// Whether a word of two characters or more inside a Chinese candidate, anywhere in it,
/// has a gloss and goes unrendered in the English: 社会主义建设特别 for "especially
/// socialism" (建设), 中华民族伟大复兴的梦想 for "dream of the rejuvenation of the Chinese
/// nation" (伟大). As in [`unrendered_edge_word`], single characters (党, 大, and the
/// particles 的, 和) do not count: abbreviations the glosses miss, or function words whose
/// English is a function word.
pub(crate) fn unrendered_word(zh: &str, en: &str) -> bool {
    let mut glosser = Glosser::new();
    // A count of years with its event word is one word ([`years_count_word`]).
    if let Some(y) = years_counts(zh).into_iter().next() {
        let r = rendering(en, &[years_count_word(&mut glosser, zh, &y)]);
        return (r.zh_words > 0 && r.zh_covered == 0)
            || unrendered_word(&zh[..y.start], en)
            || unrendered_word(&zh[y.end..], en);
    }
    cedict::tokenize(zh).into_iter().any(|t| {
        if t.chars().count() < 2 {
            return false;
        }
        // Glossed and compared as the whole candidate is ([`gloss_candidate`],
        // [`rendering`]), so that the word counts as its share of the candidate's
        // rendering does.
        let r = rendering(en, &gloss_candidate(&mut glosser, t));
        r.zh_words > 0 && r.zh_covered == 0
    })
}

/// Whether one word of a Chinese candidate glosses every English content word while
/// another word of two characters or more has a gloss: the English renders that one word
/// alone, and the other counts as rendered only through a gloss word the two share. A
/// coordination of two words (外交 "foreign affairs", 内政 "internal affairs") rendered
/// "foreign affairs" renders 外交 only, "affairs" being no rendering of 内政 beside it; an
/// adjective and a noun (客观 "objective", 事物 "thing; object") rendered "objectively"
/// render the adjective only. An English rendering both words has a word of its own for
/// each ("internal and foreign affairs"), which the first word does not gloss. An English
/// coordination is left to [`coordination_rendered`]: its sides render two words, even
/// near-synonyms one of which glosses both (困难 "difficulty; challenging" beside 挑战
/// "challenge", for 困难和挑战 "difficulties and challenges"; 战争 "war; conflict" beside
/// 冲突 "conflict", for "wars and conflicts").
pub(crate) fn one_word_renders_all(zh: &str, en: &str) -> bool {
    if en
        .split_whitespace()
        .any(|w| matches!(w.to_lowercase().as_str(), "and" | "or"))
    {
        return false;
    }
    let mut glosser = Glosser::new();
    let words: Vec<Vec<GlossedWord>> = han_words(zh)
        .into_iter()
        .filter(|t| t.chars().count() >= 2)
        .map(|t| gloss_candidate(&mut glosser, t))
        .filter(|g| !g.is_empty())
        .collect();
    words.len() >= 2
        && words.iter().any(|g| {
            let r = rendering(en, g);
            r.words > 0 && r.glossed == r.words
        })
}

/// Whether a Chinese candidate begins or ends with a verb (a CC-CEDICT word of two
/// characters or more glossed "to …") that the English does not render: 深化全面战略协作
/// for "comprehensive strategic coordination", 中央外事工作会议指出 for "Central
/// Conference on Work Relating to Foreign Affairs". The string without the verb is the
/// term; with the verb rendered (建设亚太共同体, "building an Asia Pacific community") the
/// pair stands as it is.
pub(crate) fn unrendered_edge_verb(zh: &str, en: &str) -> bool {
    any_edge_token(zh, en, |t, en_stems, glosser| {
        t.chars().count() >= 2
            && cedict::simplified(t).is_some_and(|e| e.verb_gloss())
            && !glosser
                .gloss(t)
                .iter()
                .flat_map(|g| g.stems.iter())
                .any(|s| en_stems.contains(s))
    })
}

/// Whether a pair is a verb and its object: the Chinese, of two words or more, holds a
/// verb (a CC-CEDICT word of two characters or more glossed "to …") that its English
/// opens with, rendered as a verb: the English's first word is in lower case, glossed by
/// that Chinese word, and has no noun ending (完善现有制度 / "improve current systems",
/// 谈论中国梦 / "discussing the Chinese Dream", but not 发展道路 / "development path").
/// The verb need not open the Chinese: a subject or an adverbial in front of it, which
/// English moves after the object (行动推动改革 / "promote reform by action"), leaves the
/// pair no less a piece of the sentence. Such a pair is one more often than a term.
pub(crate) fn verb_phrase(zh: &str, en: &str) -> bool {
    let tokens = cedict::tokenize(zh);
    if tokens.len() < 2 {
        return false;
    }
    let Some(word) = en
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    else {
        return false;
    };
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    if !lower || EnEnds::get().noun(word) {
        return false;
    }
    let stems = word_stems(word);
    let mut glosser = Glosser::new();
    tokens.iter().any(|t| {
        t.chars().count() >= 2
            && cedict::simplified(t).is_some_and(|e| e.verb_gloss())
            && glosser
                .gloss(t)
                .iter()
                .any(|g| g.stems.iter().any(|s| stems.contains(s)))
    })
}

/// Whether the CC-CEDICT entry `zh` is a verb (a gloss "to …", remarks set aside:
/// [`cedict::Entry::verb_sense`]) that `en` renders as a
/// verb: the English's first word, after any adverb in -ly, is a lower-case word with no
/// noun ending that is neither a modifier nor an adjective (other than a form in -ing):
/// 勇往直前 "advance bravely", 寄予厚望 "place high hopes", 亦步亦趋 "blindly following",
/// not 平等互利 "equality and mutual benefit" or 以人为本 "people-oriented". Such an
/// idiom is the predicate of its sentence, a unit of the vocabulary on the Chinese side
/// only: its English is a verb phrase of general language, which a glossary does not
/// list, however well it is rendered.
pub(crate) fn verb_entry_rendered_as_verb(zh: &str, en: &str) -> bool {
    if !cedict::simplified(zh).is_some_and(|e| e.verb_sense()) {
        return false;
    }
    let words: Vec<&str> = en
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let adverb = |w: &str| w.len() > 4 && w.ends_with("ly");
    let Some(first) = words
        .iter()
        .enumerate()
        .find(|(i, w)| !(adverb(w) && i + 1 < words.len()))
        .map(|(_, w)| *w)
    else {
        return false;
    };
    let ends = EnEnds::get();
    !first.is_empty()
        && first.chars().all(|c| c.is_ascii_lowercase())
        && !ends.noun(first)
        && !ends.modifier(first)
        && (first.ends_with("ing") || !ends.adjective(first))
}

/// Whether a Chinese string holds a copula, modal or preposition as a word of its own
/// (`data/terms/zh_term_structure.txt` inner:, as 是 in 实践是检验真理的唯一标准): a
/// saying that is a sentence, which an English clause may render.
pub(crate) fn zh_clause(zh: &str) -> bool {
    let inner = &structure().inner;
    cedict::tokenize(zh).iter().any(|t| inner.contains(*t))
}

/// Whether a Chinese string holds, as a word of its own, a copula or preposition that
/// joins a clause rather than a term (中国梦是国家…, …实践中放飞…), a verb that takes
/// an object (`clause-verb:`: 理想指引道路 is a subject, its verb and its object), or a
/// negation after its first word (`negation:` but not `privative:`: 作家并没有穷尽 is a
/// subject and its negated predicate; 发展非公有制经济 holds a noun "non-public"), and is
/// not itself a dictionary entry (实践是检验真理的唯一标准 is one).
pub(crate) fn clause_word_inside(zh: &str) -> bool {
    let s = structure();
    let tokens = cedict::tokenize(zh);
    let negation = |t: &str| s.negation.contains(t) && !s.privative.contains(t);
    let inside = tokens.len() > 2
        && tokens[1..tokens.len() - 1]
            .iter()
            .any(|t| s.inner.contains(*t) || s.clause_verb.contains(*t));
    let negated = tokens.len() > 1 && tokens[1..].iter().any(|t| negation(t));
    (inside || negated) && !dictionary_word(zh)
}

/// Whether a string is a CC-CEDICT proper name (every gloss capitalised: 雷锋 "Lei
/// Feng"): a two-character one is a term however short, and any one renders as a name.
pub(crate) fn proper_name(zh: &str) -> bool {
    cedict::simplified(zh).is_some_and(|e| e.proper_name())
}

/// The glosses of the last word of a Chinese candidate when it is a word of change: three
/// characters or more ending in a suffix of change (`change:` in
/// `data/terms/zh_term_structure.txt`: 民主化, 现代化, not 文化 or 深化, whose 化 is no
/// suffix of a stem word). `None` for any other candidate.
pub(crate) fn change_word(glosser: &mut Glosser, zh: &str) -> Option<GlossedWord> {
    let last = *han_words(zh).last()?;
    let s = structure();
    if last.chars().count() < 3 || !s.change.iter().any(|c| last.ends_with(c.as_str())) {
        return None;
    }
    glosser.gloss(last).into_iter().next()
}

/// Whether the English `en` leaves the change of a Chinese word of change unrendered (see
/// [`change_word`]): no word of it is glossed by that word and has an ending of change
/// ([`EnEnds::change`]): "democracy" for 民主化 renders its stem 民主, "democratization"
/// the word.
pub(crate) fn change_unrendered(en: &str, word: &GlossedWord) -> bool {
    let ends = EnEnds::get();
    !en.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        ends.change(w) && rendering(w, std::slice::from_ref(word)).glossed == 1
    })
}

/// Whether a string is one CC-CEDICT entry.
pub(crate) fn dictionary_word(zh: &str) -> bool {
    cedict::is_headword(zh)
}

/// Whether a Chinese string begins with a verb that governs a term rather than belonging
/// to it (坚持…, 走…), and is not itself a dictionary entry.
pub(crate) fn leading_verb(zh: &str) -> bool {
    leading_verb_word(zh).is_some()
}

/// Whether every occurrence of `zh` in `texts` (one at least) directly follows a
/// governing verb (`verb:` in `data/terms/zh_term_structure.txt`: 坚持以X为中心 for
/// 以X为中心). Discovery cuts such a verb off the term ([`leading_verb`]), so a string
/// always written after one is the term it governs, not a fragment of a longer string that
/// its one left neighbour would otherwise suggest.
pub(crate) fn always_after_governing_verb(zh: &str, texts: &[&str]) -> bool {
    let verbs = &structure().verb;
    let mut seen = false;
    for text in texts {
        for (at, _) in text.match_indices(zh) {
            let before = &text[..at];
            if !verbs.iter().any(|v| before.ends_with(v.as_str())) {
                return false;
            }
            seen = true;
        }
    }
    seen && !zh.is_empty()
}

/// The governing verb a Chinese string begins with (`verb:` in
/// `data/terms/zh_term_structure.txt`), unless the string is itself a dictionary entry.
fn leading_verb_word(zh: &str) -> Option<&'static str> {
    if zh.chars().count() >= 3 && dictionary_word(zh) {
        return None;
    }
    structure()
        .verb
        .iter()
        .find(|v| zh.starts_with(v.as_str()) && zh.len() > v.len())
        .map(String::as_str)
}

/// Whether the opening of a Chinese candidate that is no part of a term by its form alone
/// is part of it by its English `en`:
/// - a governing verb in front (`verb:`) belongs to the term only where the English
///   renders it by a noun (领导核心 "core leadership": 领导 is also "leadership"); rendered
///   as a verb or not at all (坚持以经济建设为中心 "focus on economic development") it
///   governs the term, and the string after it is the candidate;
/// - a start word (各级 of 各级党委, `start-word:` in `data/terms/zh_edge_chars.txt`)
///   belongs to it only where the English renders it ("at all levels").
///
/// Any other candidate passes.
pub(crate) fn opening_rendered(zh: &str, en: &str) -> bool {
    let mut glosser = Glosser::new();
    let words: Vec<&str> = en
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    let glosses = |glosser: &mut Glosser, zh_word: &str, w: &str| {
        let stems = word_stems(w);
        glosser
            .gloss(zh_word)
            .iter()
            .any(|g| g.stems.iter().any(|s| stems.contains(s)))
    };
    if let Some(verb) = leading_verb_word(zh) {
        let ends = EnEnds::get();
        return words
            .iter()
            .any(|w| ends.noun(w) && glosses(&mut glosser, verb, w));
    }
    if let Some(word) = super::ngrams::opening_start_word(zh) {
        return words.iter().any(|w| glosses(&mut glosser, word, w));
    }
    true
}

/// Whether a Chinese string is a time expression of running text (去年, 一年来, 上个月):
/// correctly translated ("last year"), but the date of a statement, not a term.
pub(crate) fn time_expression(zh: &str) -> bool {
    structure().time.contains(zh)
}

/// Whether a character is a Chinese numeral of `data/terms/zh_term_structure.txt`
/// (`numeral:`, 一 … 十, 百), which counts in a numbered formulation.
pub(crate) fn numeral_char(c: char) -> bool {
    structure().numeral.iter().any(|n| n.chars().eq([c]))
}

/// Whether a Chinese string names a numbered congress, session or plenum (党的十八大,
/// 十八届三中全会, 十四届全国人大): a run of two numerals or more followed by a session
/// marker (`data/terms/zh_term_structure.txt` session:), or a plenum marker after any
/// numeral.
fn numbered_session(zh: &str) -> bool {
    let s = structure();
    let chars: Vec<char> = zh.chars().collect();
    (0..chars.len()).any(|i| {
        let run = chars[i..].iter().take_while(|&&c| numeral_char(c)).count();
        let rest: String = chars[i + run..].iter().collect();
        let starts_run = i == 0 || !numeral_char(chars[i - 1]);
        starts_run
            && run >= 1
            && s.session
                .iter()
                .any(|m| rest.starts_with(m.as_str()) && (run >= 2 || m.chars().count() >= 3))
    })
}

/// The lists of `data/terms/zh_anniversary.txt`: what makes a count of years after a
/// founding or an event (中国共产党成立100年, 中俄建交75周年, 建党百年).
struct AnniversaryWords {
    /// Event words written after what was founded or took place (成立, 签署).
    event: Vec<String>,
    /// Event words that hold what they concern (建党, 建交), which may open the string.
    event_named: Vec<String>,
    /// Markers after the count (周年, 年), the longer first.
    year: Vec<String>,
    /// Chinese numerals a count may be written in.
    numeral: Vec<char>,
    /// Numerals that may open a count alone (百 of 百年).
    multiplier: Vec<char>,
}

fn anniversary_words() -> &'static AnniversaryWords {
    static W: OnceLock<AnniversaryWords> = OnceLock::new();
    W.get_or_init(|| {
        let take =
            |k: &str| crate::data::keyed(include_str!("../../data/terms/zh_anniversary.txt"), k);
        let chars = |k: &str| take(k).iter().flat_map(|w| w.chars()).collect();
        let mut year = take("year");
        year.sort_by_key(|m| std::cmp::Reverse(m.len()));
        AnniversaryWords {
            event: take("event"),
            event_named: take("event-named"),
            year,
            numeral: chars("numeral"),
            multiplier: chars("multiplier"),
        }
    })
}

/// A count of years in a Chinese string (100年, 七十五周年, 百年), with the founding or
/// event word in front of it if there is one (成立100年): the span English renders as one
/// phrase ("centenary", "75th anniversary of the founding"), so that discovery takes the
/// whole span as one word to render ([`gloss_candidate`]) and a string ending in one as a
/// term ([`Form::Anniversary`]). Byte offsets into the string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YearsCount {
    /// Where the span begins: the event word, or the count when there is none.
    pub(crate) start: usize,
    /// Where the count begins.
    pub(crate) count_start: usize,
    /// Where the span ends, after the year marker.
    pub(crate) end: usize,
    /// The number of years.
    pub(crate) years: u64,
    /// Whether an event word stands in front of the count.
    pub(crate) event: bool,
    /// Whether that event word holds what it concerns (建党: `event-named:`), so that no
    /// name need stand in front of it.
    pub(crate) named: bool,
}

/// Whether `c` writes a count of years: an ASCII or full-width digit, or a Chinese numeral
/// of `zh_anniversary.txt`.
fn count_char(c: char) -> bool {
    super::ngrams::zh_digit(c) || anniversary_words().numeral.contains(&c)
}

/// The counts of years in `zh`, left to right ([`YearsCount`]). A count is a run of digits
/// or numerals followed by a year marker (周年, 年), read by the aligner's number reader
/// ([`numbers::zh_numbers`]); a calendar year (2021年, 二〇二一年) is a date, not a count,
/// and a count below ten written in a numeral (一年, 三年) is one only after an event word:
/// a single numeral is too often part of a word (统一, 唯一).
pub(crate) fn years_counts(zh: &str) -> Vec<YearsCount> {
    use crate::lexicon::numbers::{self, NumberKind};
    let words = anniversary_words();
    let chars: Vec<(usize, char)> = zh.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if !count_char(c) || (i > 0 && count_char(chars[i - 1].1)) {
            i += 1;
            continue;
        }
        let run = chars[i..]
            .iter()
            .take_while(|(_, c)| count_char(*c))
            .count();
        let after = chars.get(i + run).map_or(zh.len(), |(b, _)| *b);
        i += run;
        let Some(marker) = words
            .year
            .iter()
            .find(|m| zh[after..].starts_with(m.as_str()))
        else {
            continue;
        };
        let count: String = zh[b..after]
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                c => c,
            })
            .collect();
        let digits = count.chars().all(|c| c.is_ascii_digit());
        let read = if !digits && words.multiplier.contains(&c) {
            format!("一{count}{marker}")
        } else {
            format!("{count}{marker}")
        };
        let Some(n) = numbers::zh_numbers(&read).into_iter().next() else {
            continue;
        };
        if n.kind == NumberKind::Year && marker != "周年" || n.value < 1.0 || n.value.fract() != 0.0
        {
            continue;
        }
        let before = &zh[..b];
        let event = words
            .event_named
            .iter()
            .map(|e| (e, true))
            .chain(words.event.iter().map(|e| (e, false)))
            .filter(|(e, _)| before.ends_with(e.as_str()))
            .max_by_key(|(e, named)| (e.len(), *named));
        if event.is_none() && !digits && n.value < 10.0 {
            continue;
        }
        out.push(YearsCount {
            start: event.map_or(b, |(e, _)| b - e.len()),
            count_start: b,
            end: after + marker.len(),
            years: n.value as u64,
            event: event.is_some(),
            named: event.is_some_and(|(_, named)| named),
        });
    }
    out
}

/// Whether `zh` names a founding or an event with the years since it: a name or term, an
/// event word and a count of years ending the string (中国共产党成立100年, 中俄建交75周年),
/// or an event word that holds what it concerns and a count (建党百年). The name in front
/// is a term by itself: a dictionary word or a proper name, a quoted string, or a string
/// of a term form (中俄睦邻友好合作条约, ending in a head), or dictionary words of two
/// characters or more without a verb among them (中俄战略协作伙伴关系).
fn anniversary(zh: &str, quoted: &HashSet<String>) -> bool {
    let Some(y) = years_counts(zh).pop() else {
        return false;
    };
    if y.end != zh.len() || !y.event {
        return false;
    }
    let name = &zh[..y.start];
    if name.is_empty() {
        return y.named;
    }
    // Dictionary words of two characters or more, however many, are a name (人民医院,
    // 中俄战略协作伙伴关系) unless a verb among them makes them a piece of the clause
    // around the anniversary (中俄两国迎来…: "welcome").
    let s = structure();
    let tokens = cedict::tokenize(name);
    let clause = tokens.iter().any(|t| {
        s.verb.iter().any(|v| v == t) || s.clause_verb.contains(*t) || s.inner.contains(*t)
    });
    let words = tokens
        .iter()
        .all(|t| t.chars().count() >= 2 && dictionary_word(t));
    name.chars().count() >= 2
        && (dictionary_word(name)
            || quoted.contains(name)
            || (!clause && words)
            || form(name, quoted).is_some_and(|f| f != Form::Compound))
}

/// Whether an English phrase leaves a count of years of `zh` ([`years_counts`]) without
/// its number: no word of it is the number (`25th`, `100`, or `centenary` through
/// `en_glossing.txt`). "anniversary of the Treaty" for …条约签署25周年 drops what tells one
/// anniversary from another, as "Congress" would for 十八大.
pub(crate) fn years_unrendered(zh: &str, en: &str) -> bool {
    let words = en_words(en);
    years_counts(zh)
        .iter()
        .any(|y| count_word(&words, y.years).is_none())
}

/// The words of an English phrase with the punctuation around them trimmed (an apostrophe
/// kept: "CPC's"), as the count of years is looked for in them.
fn en_words(en: &str) -> Vec<&str> {
    en.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect()
}

/// Where among `words` the first word stands that is the number `years` (`25th`, `100`, or
/// `centenary` through `en_glossing.txt`).
fn count_word(words: &[&str], years: u64) -> Option<usize> {
    let number = stem_of(&years.to_string());
    words.iter().position(|w| word_stems(w).contains(&number))
}

/// Whether an English phrase fails a founding with its count of years
/// ([`Form::Anniversary`]): it leaves the count without its number ([`years_unrendered`]),
/// or renders less than half of the glossed words of the name in front ("centenary" alone
/// for 新中国成立100年 says whose centenary no more than "Congress" says which). Half,
/// not all: "strategic partnership" renders 伙伴关系 without a word for 关系. Or it is no
/// noun phrase: the word of the count opens a rendering ("centenary of the CPC", "75th
/// anniversary of …") or closes one after a possessive ("the CPC's centenary"); words in
/// front of it otherwise are a clause of the sentence ("CPC celebrates its centenary").
pub(crate) fn founding_unrendered(zh: &str, en: &str) -> bool {
    if years_unrendered(zh, en) {
        return true;
    }
    let Some(y) = years_counts(zh).pop() else {
        return false;
    };
    let words = en_words(en);
    if let Some(i) = count_word(&words, y.years) {
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let noun_phrase = i == 0 || (i + 1 == words.len() && possessive(words[i - 1]));
        if !noun_phrase {
            return true;
        }
    }
    let r = rendering(en, &gloss_candidate(&mut Glosser::new(), &zh[..y.start]));
    r.zh_covered * 2 < r.zh_words
}

/// The one glossed word a count of years stands for ([`YearsCount`]): the glosses of its
/// event word (成立 "found", so "founding" is rendered), of its marker (周年 "anniversary",
/// 年 "year") and of the span itself when it is a dictionary word (百年 "century"), the
/// number of years (met by an ordinal, "100th", and through `en_glossing.txt` by
/// "centenary"), and "anniversary" after an event word: the English of the years since a
/// founding is its anniversary, whichever marker the Chinese writes.
fn years_count_word(glosser: &mut Glosser, zh: &str, y: &YearsCount) -> GlossedWord {
    let mut stems: Vec<u64> = Vec::new();
    let mut add = |glosser: &mut Glosser, part: &str| {
        for g in glosser.gloss(part) {
            stems.extend(g.stems);
        }
    };
    let marker = &zh[y.count_start..y.end];
    let marker = marker.trim_start_matches(count_char);
    add(glosser, &zh[y.start..y.count_start]);
    add(glosser, marker);
    let counted = &zh[y.count_start..y.end];
    if dictionary_word(counted) {
        add(glosser, counted);
    }
    stems.push(stem_of(&y.years.to_string()));
    if y.event {
        stems.extend(en_stems("anniversary"));
    }
    stems.sort_unstable();
    stems.dedup();
    GlossedWord { stems }
}

/// Why a Chinese string seen once looks like a term, if it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A CC-CEDICT entry of three characters or more (set phrase, idiom, name).
    Dictionary,
    /// Written between quotation or book-title marks in the text (alone, or followed by
    /// a head word: “两个一百年”奋斗目标).
    Quoted,
    /// A numbered formulation: numeral + classifier (四项基本原则, 三步走).
    Numbered,
    /// Four characters or more opening with a set prefix or ending in a head word
    /// (中国特色社会主义事业, 基本政治制度), or a modifier before an abstract term
    /// (先进生产力).
    Structure,
    /// Two terms of three characters or more joined by 和 or 与, parallel in shape (of
    /// one length, or sharing their first or last character: 人道主义和国际主义,
    /// 独立性和自主性): a paired formulation, a term of its own beside each of its sides.
    PairedTerms,
    /// Four to eight characters made of two or three CC-CEDICT words of two characters or
    /// more (血肉联系, 党纪国法, 社会公平正义), or two words or such compounds joined by
    /// 和 or 与 (生产力和生产关系): the shape of a four-character set phrase or a paired
    /// formulation, which a speech often uses once.
    Compound,
    /// A founding or an event with the years since it (中国共产党成立100年, 中俄建交75周年,
    /// 建党百年): a name or term, an event word and a count of years
    /// (`data/terms/zh_anniversary.txt`), which English renders as one phrase ("centenary
    /// of the CPC", "75th anniversary of China-Russia diplomatic relations").
    Anniversary,
}

impl Form {
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Form::Dictionary => "dictionary entry",
            Form::Quoted => "quoted",
            Form::Numbered => "numbered formulation",
            Form::Structure => "term structure",
            Form::PairedTerms => "pair of terms",
            Form::Compound => "compound of dictionary words",
            Form::Anniversary => "anniversary",
        }
    }
}

/// The term-like form of `zh` (in its matching form, without quotation marks), given the
/// strings the text writes between quotation or book-title marks.
pub fn form(zh: &str, quoted: &HashSet<String>) -> Option<Form> {
    let chars = zh.chars().count();
    if chars == 2 && proper_name(zh) {
        return Some(Form::Dictionary);
    }
    if chars < 3 {
        return None;
    }
    let s = structure();
    let headed = |rest: &str| {
        s.head
            .iter()
            .any(|h| rest.ends_with(h.as_str()) && rest.len() >= h.len())
    };
    if quoted.contains(zh)
        || quoted.iter().any(|q| {
            zh.strip_prefix(q.as_str()).is_some_and(|rest| {
                rest.chars().count() >= 2 && (dictionary_word(rest) || headed(rest))
            })
        })
    {
        return Some(Form::Quoted);
    }
    if dictionary_word(zh) {
        return (!locative_adverbial(zh)).then_some(Form::Dictionary);
    }
    if anniversary(zh, quoted) {
        return Some(Form::Anniversary);
    }
    let mut it = zh.chars();
    let first = it.next().map(String::from).unwrap_or_default();
    let second = it.next().map(String::from).unwrap_or_default();
    // A classifier written twice (一个个, 一项项) means "every", not a count.
    let reduplicated = it.next().is_some_and(|c| second.chars().eq([c]));
    if (s.numeral.contains(&first) && s.classifier.contains(&second) && !reduplicated)
        || numbered_session(zh)
    {
        return Some(Form::Numbered);
    }
    if chars >= 4
        && (s
            .prefix
            .iter()
            .any(|p| zh.starts_with(p.as_str()) && zh.len() > p.len())
            || s.head
                .iter()
                .any(|h| zh.ends_with(h.as_str()) && zh.len() > h.len()))
    {
        return Some(Form::Structure);
    }
    if paired_terms(zh) {
        return Some(Form::PairedTerms);
    }
    if modified_term(zh) {
        return Some(Form::Structure);
    }
    if (4..=8).contains(&chars) && compound(zh) {
        return Some(Form::Compound);
    }
    let paired = zh.char_indices().any(|(b, c)| {
        matches!(c, '和' | '与')
            && [&zh[..b], &zh[b + c.len_utf8()..]]
                .iter()
                .all(|side| side.chars().count() >= 2 && (dictionary_word(side) || compound(side)))
    });
    if (5..=12).contains(&chars) && paired {
        return Some(Form::Compound);
    }
    None
}

/// Whether `zh` is a dictionary word of two characters or more followed by a localiser
/// (`locative:` in `data/terms/zh_term_structure.txt`: 历史 + 上 "in history"): an
/// adverbial of place or time, which CC-CEDICT lists as an entry (glossed "historically",
/// "developing") but which is no term by its form.
fn locative_adverbial(zh: &str) -> bool {
    let Some(last) = zh.chars().last() else {
        return false;
    };
    let rest = &zh[..zh.len() - last.len_utf8()];
    rest.chars().count() >= 2
        && dictionary_word(rest)
        && structure().locative.contains(last.to_string().as_str())
}

/// Whether `zh` is a dictionary word of two characters or more followed by an abstract-noun
/// suffix (`suffix:` in `data/terms/zh_term_structure.txt`: 独立 + 性, 积极 + 性): a noun
/// derived from the word, which English renders by one noun ("independence",
/// "initiative"), the word's own sense included.
pub(crate) fn abstract_noun(zh: &str) -> bool {
    structure().suffix.iter().any(|x| {
        zh.strip_suffix(x.as_str())
            .is_some_and(|stem| stem.chars().count() >= 2 && dictionary_word(stem))
    })
}

/// Whether `zh` is two terms joined by 和 or 与 ([`Form::PairedTerms`]). Each side has
/// three characters or more and is a term by itself: a dictionary entry, a string with a
/// term form (a set opening or head, a numbered formulation), or a dictionary word with an
/// abstract-noun suffix (`suffix:` in `data/terms/zh_term_structure.txt`: 独立 + 性). The
/// sides are parallel, of one length or sharing their first or last character, as the
/// halves of a set formulation are; two words of running text joined by 和 (改革和发展)
/// are not long enough, and a compound of dictionary words is no side (it may be cut from
/// a longer phrase: 全体劳动 of 全体劳动群众).
fn paired_terms(zh: &str) -> bool {
    let none = HashSet::new();
    let term_side = |side: &str| {
        side.chars().count() >= 3
            && (dictionary_word(side)
                || matches!(
                    form(side, &none),
                    Some(Form::Dictionary | Form::Numbered | Form::Structure)
                )
                || abstract_noun(side))
    };
    zh.char_indices().any(|(b, c)| {
        let (left, right) = (&zh[..b], &zh[b + c.len_utf8()..]);
        let parallel = left.chars().count() == right.chars().count()
            || left.chars().next() == right.chars().next()
            || left.chars().last() == right.chars().last();
        matches!(c, '和' | '与') && parallel && term_side(left) && term_side(right)
    })
}

/// Whether `zh` is a modifier of two characters before an abstract term: a dictionary word
/// of three characters or more ending in an abstract-noun suffix (`suffix:` in
/// `data/terms/zh_term_structure.txt`: 先进 + 生产力 "advanced productive forces"). Such a
/// string is a term of its own beside its head, as a set opening or head makes one
/// ([`Form::Structure`]), not a compound that may be the head with a word of its context;
/// else the head's rendering, inside its own, left it a fragment of the head. Not after a
/// verb (CC-CEDICT glosses it "to …": 涉及生产力, 面向现代化), which governs the term.
fn modified_term(zh: &str) -> bool {
    let tokens = cedict::tokenize(zh);
    let verb = |t: &str| cedict::simplified(t).is_some_and(|e| e.verb_gloss());
    compound(zh)
        && tokens.len() == 2
        && tokens[0].chars().count() == 2
        && !verb(tokens[0])
        && tokens[1].chars().count() >= 3
        && structure()
            .suffix
            .iter()
            .any(|x| tokens[1].ends_with(x.as_str()))
}

/// Whether `zh` is two or three CC-CEDICT words of two characters or more, by the
/// dictionary's longest-match tokenization, not opening or closing with a function
/// character (我们今天 is two words but no phrase).
fn compound(zh: &str) -> bool {
    let (bad_start, bad_end) = super::ngrams::zh_edges();
    if bad_start.iter().any(|b| zh.starts_with(b.as_str()))
        || bad_end.iter().any(|b| zh.ends_with(b.as_str()))
    {
        return false;
    }
    let tokens = cedict::tokenize(zh);
    (2..=3).contains(&tokens.len())
        && tokens
            .iter()
            .all(|t| t.chars().count() >= 2 && dictionary_word(t))
}

/// The strings a Chinese text writes between “”, ‘’, 「」, 《》 or straight double quotes,
/// when they are two to twelve Han characters (a quoted set phrase or title, not a quoted
/// sentence).
pub fn quoted_spans(zh: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<(char, String)> = None;
    for c in zh.chars() {
        let close = match c {
            '“' => Some('”'),
            '‘' => Some('’'),
            '「' => Some('」'),
            '《' => Some('》'),
            '"' if open.is_none() => Some('"'),
            _ => None,
        };
        match (&mut open, close) {
            (Some((want, buf)), _) if c == *want => {
                let n = buf.chars().count();
                if (2..=12).contains(&n) && buf.chars().all(crate::parse::is_han) {
                    out.push(std::mem::take(buf));
                }
                open = None;
            }
            (None, Some(want)) => open = Some((want, String::new())),
            (Some((_, buf)), _) => buf.push(c),
            (None, None) => {}
        }
    }
    out
}

/// The dictionary words written inside a Chinese word, shorter than it and two characters
/// at least (石头 of 摸着石头过河; 农民 and 民工 of 农民工), shortest first and left to right:
/// their glosses reach parts of the word that the word's own gloss may not.
pub(crate) fn inner_dictionary_words(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for len in 2..chars.len() {
        for i in 0..=chars.len() - len {
            let inner: String = chars[i..i + len].iter().collect();
            if dictionary_word(&inner) {
                out.push(inner);
            }
        }
    }
    out
}

/// The glossed words of a Chinese candidate: CC-CEDICT's tokenization, each token's gloss
/// stems, and for a token of four characters or more (an idiom, a set phrase) also the
/// stems of the dictionary words inside it (摸着石头过河 is glossed "wade across the river",
/// and 石头 adds "stone").
pub fn gloss_candidate(glosser: &mut Glosser, zh: &str) -> Vec<GlossedWord> {
    gloss_candidate_of(glosser, zh, false)
}

/// [`gloss_candidate`] without the genitive particles (`genitive:` in
/// `data/terms/zh_term_structure.txt`: 的, 之): the words an English rendering must
/// account for. English renders a particle by word order, "of" or "'s", never by a word
/// its glosses reach, so counted as a word to render it keeps every rendering of a
/// 的-phrase short of whole ("Party's leadership" for 党的领导 renders 党 and 领导, all
/// there is to render).
pub(crate) fn gloss_content_words(glosser: &mut Glosser, zh: &str) -> Vec<GlossedWord> {
    gloss_candidate_of(glosser, zh, true)
}

/// Whether the token `i` of a candidate's tokens is a conjunction joining two terms
/// (`conjunction:` in `data/terms/zh_term_structure.txt`: 和, 与 between sides of three
/// characters or more, as in a pair of terms, [`Form::PairedTerms`]: 生产力和生产关系).
/// English renders it by "and" or "or", a function word no gloss reaches, while its own
/// glosses ("peace", "harmony", "together") are no rendering of it: counted as a word to
/// render, it left every rendering of a pair of terms one word short, so that the
/// English chosen took in a neighbour's word to make up for it ("advanced productive
/// forces and relations of production", 先进 standing in front), and a string cut before
/// its second side (社会主义制度自我完善 of …自我完善和发展) looked as well rendered as the
/// whole. Two words of running text joined by 和 (改革和发展, 地缘和制度) are a free
/// coordination, and their 和 stays a word.
fn joins_terms(tokens: &[&str], i: usize) -> bool {
    let side = |part: &[&str]| part.iter().map(|t| t.chars().count()).sum::<usize>() >= 3;
    structure().conjunction.contains(tokens[i])
        && side(&tokens[..i])
        && tokens.get(i + 1..).is_some_and(side)
}

/// Whether an English word opens with a capital letter: a word of a name ("Communist Youth
/// League") or of a title, unless a sentence opens with it.
pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The words of a Chinese string by CC-CEDICT's tokenization ([`cedict::tokenize`]) that
/// hold a Chinese character: a digit or Latin token is no word a gloss can render.
pub(crate) fn han_words(zh: &str) -> Vec<&str> {
    cedict::tokenize(zh)
        .into_iter()
        .filter(|t| t.chars().any(crate::parse::is_han))
        .collect()
}

/// Whether `zh` holds a conjunction joining two terms ([`joins_terms`]), which
/// [`gloss_candidate`] leaves out of the words to render.
pub(crate) fn has_joining_conjunction(zh: &str) -> bool {
    let tokens = han_words(zh);
    (0..tokens.len()).any(|i| joins_terms(&tokens, i))
}

/// [`gloss_candidate`], leaving out the genitive particles when `no_genitive`, and the
/// conjunctions joining two terms ([`joins_terms`]).
fn gloss_candidate_of(glosser: &mut Glosser, zh: &str, no_genitive: bool) -> Vec<GlossedWord> {
    // A count of years with its event word (成立100年) is one word, which English renders
    // as one phrase ("centenary", "100th anniversary of the founding"): its digits are no
    // word of their own, and its event word, which English often leaves implied in
    // "centenary of", is glossed with it.
    if let Some(y) = years_counts(zh).into_iter().next() {
        let mut words = gloss_candidate_of(glosser, &zh[..y.start], no_genitive);
        words.push(years_count_word(glosser, zh, &y));
        words.extend(gloss_candidate_of(glosser, &zh[y.end..], no_genitive));
        return words;
    }
    // An ordinal prefix before a numeral (第 of 第七届…大会) is rendered by the English
    // ordinal together with the numeral ("Seventh"): it is not a word of its own the
    // English must account for, else the string without it would look the better term.
    let s = structure();
    let tokens = han_words(zh);
    let numeral = |t: Option<&&str>| {
        t.and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit() || numeral_char(c))
    };
    let frame = frame_words(&tokens);
    let tokens: Vec<&str> = (0..tokens.len())
        .filter(|i| !frame.contains(i))
        .filter(|&i| !(s.ordinal.contains(tokens[i]) && numeral(tokens.get(i + 1))))
        .filter(|&i| !(no_genitive && s.genitive.contains(tokens[i])))
        .filter(|&i| !joins_terms(&tokens, i))
        .map(|i| tokens[i])
        .collect();
    // A conjunction inside the string (和 of 党和国家, not joining two terms: those are left
    // out above) is a word the English renders by "and" or "or", which no gloss reaches;
    // its other senses (和 "peace", "sum", "to make") gloss nothing there, and counted they
    // confirmed a word of the sentence around the term ("Party and the country respect the
    // choice you make"). It stays a word to render, with no gloss.
    let inside = |i: usize| i > 0 && i + 1 < tokens.len();
    let mut words: Vec<GlossedWord> = tokens
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            if inside(i) && s.conjunction.contains(*t) {
                vec![GlossedWord { stems: Vec::new() }]
            } else {
                glosser.gloss(t)
            }
        })
        .collect();
    // An initialism in a gloss (党中央 "Central Committee of the CCP") stands for its words:
    // the English may spell them out or use another initialism ("Party Central
    // Committee", "CPC Central Committee").
    for w in &mut words {
        for (initialism, spelled) in gloss_initialisms() {
            if w.stems.contains(initialism) {
                w.stems.extend(spelled.iter().copied());
            }
        }
    }
    // A gloss naming a state glosses the words of its official style ("People's Republic
    // of China" for 新中国 "New China"), as the state's initialism is glossed by its name.
    for w in &mut words {
        for state in styled_state_names() {
            let named = !state.name.is_empty() && state.name.iter().all(|n| w.stems.contains(n));
            let other_body = state.other_bodies.iter().any(|b| w.stems.contains(b));
            if named && !other_body {
                w.stems.extend(state.style.iter().copied());
            }
        }
    }
    let tokens: Vec<&str> = tokens.into_iter().filter(|t| dictionary_word(t)).collect();
    if tokens.len() != words.len() {
        return words;
    }
    for (w, t) in words.iter_mut().zip(tokens) {
        if t.chars().count() < 4 {
            continue;
        }
        for inner in inner_dictionary_words(t) {
            for g in glosser.gloss(&inner) {
                w.stems.extend(g.stems);
            }
        }
        w.stems.sort_unstable();
        w.stems.dedup();
    }
    words
}

/// The positions of the two function words of a frame around a term (`frame:` in
/// `data/terms/zh_term_structure.txt`: 以 and 为 of 以X为中心) among a candidate's tokens:
/// the first token opens the frame, and its closing word stands after it with a word at
/// least on each side. English renders them by word order and a preposition ("X as the
/// central task", "focus on X"), so they are no words to render; counted as words, they
/// left the string without its opening (X为中心) the better-rendered of the two.
fn frame_words(tokens: &[&str]) -> Vec<usize> {
    let Some(first) = tokens.first() else {
        return Vec::new();
    };
    structure()
        .frame
        .iter()
        .filter(|(open, _)| open == first)
        .find_map(|(_, close)| {
            (2..tokens.len().saturating_sub(1)).find(|&i| tokens[i] == close.as_str())
        })
        .map_or_else(Vec::new, |close| vec![0, close])
}

/// Words whose [`word_stems`] a thread keeps before it starts over: a bound on memory for
/// a run over a huge vocabulary.
const WORD_STEMS_CACHE_MAX: usize = 100_000;

/// What discovery needs of one English word, worked out once ([`with_word`]).
struct WordStems {
    /// Whether it is a content word (has a stem of its own: not a function word or a
    /// single letter).
    content: bool,
    /// The stems it can be glossed by ([`word_stems`]).
    stems: Vec<u64>,
}

thread_local! {
    /// The [`WordStems`] of each English word this thread has looked at, for the whole run.
    /// Discovery compares every English n-gram of a candidate's pairs with its glosses, and
    /// again while it extends the one chosen, so a word is looked at thousands of times;
    /// its stems (the equivalents, the inflections tried, several stemmings) are the same
    /// each time. Only looked up, never iterated, so nothing depends on its order.
    static WORD_STEMS: RefCell<IdMap<String, WordStems>> = RefCell::new(IdMap::default());
}

/// Calls `f` with the [`WordStems`] of `word`, worked out on its first use in this thread.
/// `f` must not look a word up itself.
fn with_word<R>(word: &str, f: impl FnOnce(&WordStems) -> R) -> R {
    WORD_STEMS.with_borrow_mut(|cache| {
        if let Some(entry) = cache.get(word) {
            return f(entry);
        }
        if cache.len() > WORD_STEMS_CACHE_MAX {
            cache.clear();
        }
        let entry = WordStems {
            content: !en_stems(word).is_empty(),
            stems: word_stems_uncached(word),
        };
        let out = f(&entry);
        cache.insert(word.to_string(), entry);
        out
    })
}

/// Stems an English word can be glossed by: its own, those of its listed equivalents
/// (`CPC` → communist, party, china) and, for an ordinal (`18th`), its number. Worked out
/// once per word and thread ([`with_word`]).
fn word_stems(word: &str) -> Vec<u64> {
    with_word(word, |w| w.stems.clone())
}

/// [`word_stems`] worked out.
fn word_stems_uncached(word: &str) -> Vec<u64> {
    let mut stems = en_stems(word);
    let eq = en_equivalents();
    let key = word.replace('.', "").to_lowercase();
    {
        if let Some(list) = eq.get(&key) {
            for w in list {
                // A number among the words ("centenary": 100) is met as an ordinal's is.
                if w.chars().all(|c| c.is_ascii_digit()) {
                    stems.push(stem_of(w));
                } else {
                    stems.extend(en_stems(w));
                }
            }
        }
    }
    let lower = word.to_lowercase();
    // A possessive meets a state's style word as written (People's of a gloss "China").
    stems.extend(possessive_stem(word));
    // Inflected forms meet the dictionary's base forms, which a five-letter stem does not
    // always reach (seeking / seek, wading / wade, ties / tie), and so does a noun in -ness
    // its adjective (fairness / fair).
    for (suffix, base) in [
        ("ness", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if stem.chars().count() >= 3 {
                stems.extend(en_stems(&format!("{stem}{base}")));
            }
        }
    }
    // A number in digits is met by the same number in a gloss or a count of years.
    if !lower.is_empty() && lower.chars().all(|c| c.is_ascii_digit()) {
        stems.push(stem_of(&lower));
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(num) = lower.strip_suffix(suffix) {
            if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
                stems.push(stem_of(num));
            }
        }
    }
    stems
}

/// How an English phrase renders a glossed Chinese candidate, word by word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rendering {
    /// English content words.
    pub words: usize,
    /// English content words glossed by the Chinese.
    pub glossed: usize,
    /// Chinese words (with a gloss) whose gloss is in the English.
    pub zh_covered: usize,
    /// Chinese words with a gloss.
    pub zh_words: usize,
    /// Whether the first and the last English content words are glossed.
    pub edges_glossed: bool,
}

impl Rendering {
    /// Share of the English content words glossed.
    pub fn precision(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.glossed as f64 / self.words as f64
        }
    }

    /// Whether the English renders the Chinese word for word: one English content word at
    /// least, every one glossed, and every Chinese word with a gloss rendered. A rendering
    /// with an English word no gloss reaches, or a Chinese word left out, may be a piece of
    /// the term or its context.
    pub fn whole(&self) -> bool {
        self.words > 0 && self.glossed == self.words && self.zh_covered == self.zh_words
    }

    /// Share of the glossed Chinese words rendered.
    pub fn coverage(&self) -> f64 {
        if self.zh_words == 0 {
            0.0
        } else {
            self.zh_covered as f64 / self.zh_words as f64
        }
    }
}

/// Whether an English coordination ("X and Y") renders two Chinese words: the content
/// words next to each "and"/"or" are glossed by different words of the Chinese. "reform
/// and opening up" for 改革开放 does (改革 / 开放); "initiatives and propositions" for
/// 重要倡议 does not (both glosses of 倡议): there the second item renders a word beside the
/// candidate (倡议主张). A Chinese of one glossed word (改革开放, whose gloss is the whole
/// phrase) is rendered by any coordination its gloss holds, and so is any word whose gloss
/// phrase holds both items. A word that is itself two parts, each glossing one item in the
/// same order, is rendered too (儿女: 儿 "son", 女 "daughter" for "sons and daughters";
/// 公平正义: 公平, 正义 for "fairness and justice" inside 国际公平正义), where 倡议
/// "initiative; proposal" glosses both items of "initiatives and proposals" with one sense
/// each and neither of its characters "proposal", and 追梦 (追 "pursue", 梦 "dream") is no
/// coordination "dream and pursue". A side with no glossed neighbour word counts as not
/// rendering.
pub(crate) fn coordination_rendered(en: &str, zh_text: &str, zh: &[GlossedWord]) -> bool {
    // Gloss phrases of the Chinese words: a coordination inside one ("sons and daughters"
    // for 儿女) renders that one word whole.
    let phrases: Vec<Vec<u64>> = cedict::tokenize(zh_text)
        .into_iter()
        .filter_map(cedict::simplified)
        .flat_map(|e| e.phrases())
        .filter(|p| p.len() >= 2)
        .collect();
    let words: Vec<&str> = en
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    let glossing = |w: &str| -> Vec<usize> {
        let stems = word_stems(w);
        zh.iter()
            .enumerate()
            .filter(|(_, g)| g.stems.iter().any(|s| stems.contains(s)))
            .map(|(i, _)| i)
            .collect()
    };
    // The Chinese words behind `zh`, in its order (the glossed Han tokens), to look a
    // word's parts up when one word glosses both items.
    let glossed_tokens: Vec<&str> = cedict::tokens(zh_text)
        .filter(|(t, e)| t.chars().any(crate::parse::is_han) && e.stems().next().is_some())
        .map(|(t, _)| t)
        .collect();
    let split_renders = |i: usize, sb: &[u64], sa: &[u64]| {
        let Some(word) = glossed_tokens
            .get(i)
            .filter(|_| glossed_tokens.len() == zh.len())
        else {
            return false;
        };
        let part_glosses = |part: &str, stems: &[u64]| {
            cedict::simplified(part).is_some_and(|e| e.stems().any(|s| stems.contains(&s)))
        };
        word.char_indices().skip(1).any(|(b, _)| {
            let (left, right) = word.split_at(b);
            part_glosses(left, sb) && part_glosses(right, sa) && !part_glosses(left, sa)
        })
    };
    let content = |w: &&&str| !en_stems(w).is_empty();
    words.iter().enumerate().all(|(i, w)| {
        if !matches!(*w, "and" | "or") {
            return true;
        }
        let before = words[..i].iter().rev().find(content);
        let after = words[i + 1..].iter().find(content);
        match (before, after) {
            (Some(b), Some(a)) => {
                let (sb, sa) = (word_stems(b), word_stems(a));
                let in_phrase = phrases
                    .iter()
                    .any(|p| sb.iter().any(|s| p.contains(s)) && sa.iter().any(|s| p.contains(s)));
                if in_phrase {
                    return true;
                }
                let (gb, ga) = (glossing(b), glossing(a));
                let one_word =
                    zh.len() > 1 && gb.len() == 1 && gb == ga && !split_renders(gb[0], &sb, &sa);
                !(gb.is_empty() || ga.is_empty() || one_word)
            }
            _ => false,
        }
    })
}

/// The Chinese words of `zh` (their indices) that one English word glosses, as
/// [`rendering`] counts them, or `None` for a word it does not count (a function word, a
/// single letter). For a caller that weighs many overlapping phrases of one sentence: the
/// phrase's [`Rendering`] follows from its words' covers, each worked out once.
pub(crate) fn word_covers(word: &str, zh: &[GlossedWord]) -> Option<Vec<usize>> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    with_word(word, |w| {
        w.content.then(|| {
            zh.iter()
                .enumerate()
                .filter(|(_, g)| g.stems.iter().any(|s| w.stems.contains(s)))
                .map(|(i, _)| i)
                .collect()
        })
    })
}

/// Whether the English `en` ends on a glossed word or on content words alone after its last
/// glossed one: a head noun no gloss reaches ("National Congress" after "18th CPC" for
/// 党的十八大, whose 大 abbreviates it), not a phrase of the sentence after the term,
/// which a function word opens ("… Congress at the Media Center"). `false` when no word is
/// glossed.
pub(crate) fn unglossed_tail_is_head(en: &str, zh: &[GlossedWord]) -> bool {
    let covers: Vec<Option<Vec<usize>>> =
        en.split_whitespace().map(|w| word_covers(w, zh)).collect();
    let Some(last) = covers
        .iter()
        .rposition(|c| c.as_ref().is_some_and(|c| !c.is_empty()))
    else {
        return false;
    };
    covers[last + 1..].iter().all(Option::is_some)
}

/// Whether the English `en` of a numbered formulation (glossed words `zh`) renders its
/// last Chinese word, an abbreviated head no gloss reaches (大 of 十八大, "big"), by the
/// unglossed content words it ends on ([`unglossed_tail_is_head`]): the last Chinese word
/// is unrendered by the glosses. Where the glosses render it (基本 of 三个基本 "basic"),
/// an unglossed word after it renders a word beside the formulation ("three basic
/// tenets", 原理 outside it). The string `zh_text` must end on that head, a session
/// marker or classifier right after its last numeral ([`ends_on_numbered_head`]): a word
/// after it (指 of 党的十八大指 "the 18th National Congress points out") is the sentence
/// going on, and the English renders the formulation without it.
pub(crate) fn abbreviated_head_rendered(zh_text: &str, en: &str, zh: &[GlossedWord]) -> bool {
    let last_unrendered = zh
        .last()
        .is_some_and(|w| rendering(en, std::slice::from_ref(w)).zh_covered == 0);
    last_unrendered && ends_on_numbered_head(zh_text) && unglossed_tail_is_head(en, zh)
}

/// Whether `zh` ends on the head of a numbered formulation: what follows its last numeral
/// is a session marker or a classifier of `zh_term_structure.txt` (大 of 十八大, 中全会 of
/// 十八届三中全会, 项 of 四项), nothing more.
fn ends_on_numbered_head(zh: &str) -> bool {
    let s = structure();
    let Some((at, last)) = zh.char_indices().rfind(|&(_, c)| numeral_char(c)) else {
        return false;
    };
    let rest = &zh[at + last.len_utf8()..];
    s.session.iter().chain(&s.classifier).any(|m| m == rest)
}

/// Whether the English `en` renders `zh` as two coordinated parts: it is "A and B" (or
/// "A or B", one coordinator, inside) and the Chinese splits into two runs of words, a
/// conjunction between them left out (`conjunction:`), such that A renders the first run
/// whole and B the second (every content word glossed by its run, every glossed word of
/// the run rendered). 社会公平正义 / "social fairness and justice", 安定团结 / "stability
/// and unity", 霸权主义和强权政治 / "hegemony and power politics": a coordination written
/// as a compound, which the English shows to be two terms side by side, as a list is; not
/// 失去人民拥护 / "people and lose their support", whose halves render no run whole.
pub(crate) fn two_part_rendering(glosser: &mut Glosser, zh: &str, en: &str) -> bool {
    let words: Vec<&str> = en.split_whitespace().collect();
    let coordinators: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| matches!(w.to_lowercase().as_str(), "and" | "or"))
        .map(|(i, _)| i)
        .collect();
    let [at] = coordinators[..] else {
        return false;
    };
    if at == 0 || at + 1 == words.len() {
        return false;
    }
    let (first, second) = (words[..at].join(" "), words[at + 1..].join(" "));
    let conjunction = &structure().conjunction;
    let tokens = han_words(zh);
    let whole = |en: &str, run: &[&str], glosser: &mut Glosser| {
        let glossed = glosser.gloss(&run.concat());
        !glossed.is_empty() && rendering(en, &glossed).whole()
    };
    (1..tokens.len()).any(|split| {
        let left = &tokens[..split];
        let right = &tokens[split..];
        let left = match left.split_last() {
            Some((last, rest)) if conjunction.contains(*last) => rest,
            _ => left,
        };
        let right = match right.split_first() {
            Some((head, rest)) if conjunction.contains(*head) => rest,
            _ => right,
        };
        !left.is_empty()
            && !right.is_empty()
            && whole(&first, left, glosser)
            && whole(&second, right, glosser)
    })
}

/// Compares an English phrase with the glossed words of a Chinese candidate.
pub fn rendering(en: &str, zh: &[GlossedWord]) -> Rendering {
    rendering_by(en, zh, zh)
}

/// [`rendering`] with the Chinese words counted as rendered by their own glosses `cover`
/// (see [`distinctive`]), the English words still counted as glossed by any gloss of
/// `zh`.
pub fn rendering_by(en: &str, zh: &[GlossedWord], cover: &[GlossedWord]) -> Rendering {
    // A handful of stems on each side: plain vectors, scanned, cost less than hashing them
    // (this runs for every English n-gram weighed against every candidate).
    let glosses = |s: &u64| zh.iter().any(|w| w.stems.contains(s));
    let mut all: Vec<u64> = Vec::new();
    let mut flags: Vec<bool> = Vec::new();
    for word in en.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        with_word(word, |w| {
            if w.content {
                flags.push(w.stems.iter().any(glosses));
                all.extend_from_slice(&w.stems);
            }
        });
    }
    let zh_covered = cover
        .iter()
        .filter(|w| w.stems.iter().any(|s| all.contains(s)))
        .count();
    Rendering {
        words: flags.len(),
        glossed: flags.iter().filter(|f| **f).count(),
        zh_covered,
        zh_words: zh.len(),
        edges_glossed: flags.first().copied().unwrap_or(false)
            && flags.last().copied().unwrap_or(false),
    }
}

/// Each Chinese word of a candidate with only the gloss stems no other word of it shares
/// (all its stems when every one is shared): the words that render it and not its
/// neighbour. 创新 "to bring forth new ideas" and 创造 "to create; to bring about" share
/// "bring", so "bringing forth new ideas" renders 创新 alone, and "innovation and
/// creation" both.
pub fn distinctive(zh: &[GlossedWord]) -> Vec<GlossedWord> {
    zh.iter()
        .enumerate()
        .map(|(i, w)| {
            let own: Vec<u64> = w
                .stems
                .iter()
                .copied()
                .filter(|s| {
                    !zh.iter()
                        .enumerate()
                        .any(|(j, o)| j != i && o.stems.contains(s))
                })
                .collect();
            GlossedWord {
                stems: if own.is_empty() { w.stems.clone() } else { own },
            }
        })
        .collect()
}

/// The content-word stems of each sense of a Chinese candidate that is itself one
/// CC-CEDICT entry of three characters or more, when the sense is a phrase of two content
/// words or more: the first clause of the sense, before any bracket, comma or semicolon
/// ("socialism with Chinese characteristics" for 中国特色社会主义). Such a gloss is a
/// rendering, and how much of it an English phrase holds tells the whole rendering from
/// one of its words.
pub fn gloss_phrases(zh: &str) -> Vec<Vec<u64>> {
    if zh.chars().count() < 3 {
        return Vec::new();
    }
    cedict::simplified(zh).map_or_else(Vec::new, |e| e.phrases())
}

/// Whether an English phrase meets a gloss word of the CC-CEDICT entry `zh` that stands
/// in none of its gloss phrases ([`gloss_phrases`]): a word of a sense of one word, or of a
/// later clause of a sense ("master" of 主人翁, glossed "master (of the house); main
/// character in a novel etc"). Such an English renders a sense whole, not a piece of a
/// phrase, however little of the phrases it holds.
pub fn meets_word_outside_phrases(en: &str, zh: &str) -> bool {
    let Some(entry) = cedict::simplified(zh) else {
        return false;
    };
    let phrases = entry.phrases();
    let outside: Vec<u64> = entry
        .stems()
        .filter(|s| !phrases.iter().any(|p| p.contains(s)))
        .collect();
    en.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        with_word(word, |w| w.stems.iter().any(|s| outside.contains(s)))
    })
}

/// Whether the English `en` of a four-character candidate `zh` renders one of its halves
/// (its first two characters, or its last two) and leaves the other unrendered: every
/// English content word glossed by the one half, no gloss of the other half in the
/// English. An idiom is two halves that its meaning joins (内忧 "internal unrest", 外患
/// "foreign aggression"); an English rendering one half alone ("foreign aggression") is
/// words of the sentence that meet the gloss of one half, where a rendering by sense of
/// the whole ("at full speed" for an idiom of a horse and a whip) is glossed by neither
/// half alone.
pub(crate) fn renders_one_half(glosser: &mut Glosser, zh: &str, en: &str) -> bool {
    let chars: Vec<(usize, char)> = zh.char_indices().collect();
    let [_, _, (mid, _), _] = chars[..] else {
        return false;
    };
    let (first, second) = zh.split_at(mid);
    let (first, second) = (
        gloss_candidate(glosser, first),
        gloss_candidate(glosser, second),
    );
    let renders_alone = |one: &[GlossedWord], other: &[GlossedWord]| {
        let r = rendering(en, one);
        !other.is_empty()
            && r.words > 0
            && r.glossed == r.words
            && rendering(en, other).zh_covered == 0
    };
    renders_alone(&first, &second) || renders_alone(&second, &first)
}

/// The largest share of one gloss phrase's words that an English phrase holds (0 without
/// gloss phrases).
pub fn phrase_cover(en: &str, phrases: &[Vec<u64>]) -> f64 {
    let mut all: Vec<u64> = Vec::new();
    for word in en.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        with_word(word, |w| all.extend_from_slice(&w.stems));
    }
    phrases
        .iter()
        .map(|p| p.iter().filter(|s| all.contains(s)).count() as f64 / p.len() as f64)
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A verb entry rendered by a verb phrase is general language; one rendered by a noun,
    /// a modifier or a hyphenated adjective, or an entry with no verb gloss, is not.
    #[test]
    fn a_verb_entry_rendered_as_a_verb() {
        assert!(verb_entry_rendered_as_verb("勇往直前", "advance bravely"));
        assert!(verb_entry_rendered_as_verb("寄予厚望", "place high hopes"));
        assert!(verb_entry_rendered_as_verb("亦步亦趋", "blindly following"));
        // A verb gloss after a remark: "(idiom) to fall from the sky".
        assert!(verb_entry_rendered_as_verb("从天而降", "fall from the sky"));
        assert!(!verb_entry_rendered_as_verb(
            "平等互利",
            "equality and mutual benefit"
        ));
        assert!(!verb_entry_rendered_as_verb("焕然一新", "new look"));
        assert!(!verb_entry_rendered_as_verb("以人为本", "people-oriented"));
        assert!(!verb_entry_rendered_as_verb(
            "四项基本原则",
            "Four Cardinal Principles"
        ));
        assert!(!verb_entry_rendered_as_verb("外交政策", "foreign policy"));
    }

    /// A Chinese word is rendered by the glosses it does not share with the candidate's
    /// other words: a phrase glossing both alike renders one.
    #[test]
    fn a_word_is_rendered_by_its_own_glosses() {
        let g = gloss_content_words(&mut Glosser::new(), "创新创造");
        let own = distinctive(&g);
        assert_eq!(rendering("bringing forth new ideas", &g).zh_covered, 2);
        assert_eq!(
            rendering_by("bringing forth new ideas", &g, &own).zh_covered,
            1
        );
        assert_eq!(
            rendering_by("innovation and creation", &g, &own).zh_covered,
            2
        );
        assert_eq!(
            rendering_by("bringing forth new ideas", &g, &own).glossed,
            4
        );
    }

    /// A word of change (…化) renders only by an English word it glosses with an ending of
    /// change; a two-character word in 化 (文化, 深化) is no word of change.
    #[test]
    fn a_word_of_change_needs_its_change_rendered() {
        let mut g = Glosser::new();
        let w = change_word(&mut g, "国际关系民主化").expect("民主化 is a word of change");
        assert!(change_unrendered(
            "democracy in international relations",
            &w
        ));
        assert!(!change_unrendered(
            "democratization of international relations",
            &w
        ));
        let w = change_word(&mut g, "社会主义现代化").expect("现代化 is a word of change");
        assert!(!change_unrendered("socialist modernization", &w));
        assert!(change_unrendered("modern socialist country", &w));
        // A short stem is still one ("aging", whose stem "ag" is two letters).
        let w = change_word(&mut g, "人口老龄化").expect("老龄化 is a word of change");
        assert!(!change_unrendered("population aging", &w));
        assert!(change_word(&mut g, "中华文化").is_none());
        assert!(change_word(&mut g, "全面深化").is_none());
    }

    /// A dictionary word and an abstract-noun suffix make a derived noun; a word without
    /// the suffix, or a suffix after no word, does not.
    #[test]
    fn abstract_nouns_are_a_word_and_a_suffix() {
        assert!(abstract_noun("积极性"));
        assert!(abstract_noun("独立性"));
        assert!(!abstract_noun("积极"));
        assert!(!abstract_noun("农民工"));
    }

    #[test]
    fn forms_of_one_off_terms() {
        let quoted: HashSet<String> = quoted_spans("实现“两个一百年”奋斗目标，《复兴之路》展览")
            .into_iter()
            .collect();
        assert!(quoted.contains("两个一百年") && quoted.contains("复兴之路"));
        assert_eq!(form("两个一百年奋斗目标", &quoted), Some(Form::Quoted));
        assert_eq!(form("实事求是", &quoted), Some(Form::Dictionary));
        assert!(form("四项基本原则", &HashSet::new()).is_some());
        assert!(form("四大考验", &HashSet::new()).is_some());
        assert_eq!(form("基本经济制度", &HashSet::new()), Some(Form::Structure));
        assert_eq!(form("我们今天", &HashSet::new()), None);
        assert_eq!(form("血肉联系", &HashSet::new()), Some(Form::Compound));
        // Two parallel terms joined by 和 are a pair of terms; two short words are not.
        assert_eq!(
            form("独立性和自主性", &HashSet::new()),
            Some(Form::PairedTerms)
        );
        assert!(paired_terms("独立性和自主性"));
        assert!(!paired_terms("独立性和国际社会"));
        assert_ne!(form("改革和发展", &HashSet::new()), Some(Form::PairedTerms));
        assert_ne!(
            form("国际主义和工作", &HashSet::new()),
            Some(Form::PairedTerms)
        );
        assert_eq!(form("雷锋", &HashSet::new()), Some(Form::Dictionary));
        assert_ne!(
            form("一个个历史时刻", &HashSet::new()),
            Some(Form::Numbered)
        );
        assert_eq!(form("工作", &HashSet::new()), None);
        // Numbered congresses, sessions and plenums.
        assert_eq!(form("党的十八大", &HashSet::new()), Some(Form::Numbered));
        assert_eq!(
            form("十八届三中全会", &HashSet::new()),
            Some(Form::Numbered)
        );
        assert!(time_expression("去年") && !time_expression("去年底前"));
    }

    #[test]
    fn a_verb_with_its_object_inside_is_a_clause() {
        assert!(clause_word_inside("理想指引发展道路"));
        // So does an aspect particle after a verb.
        assert!(clause_word_inside("报告阐明了发展道路"));
        assert!(!clause_word_inside("发展道路"));
        assert!(clause_word_inside("这些作家并没有穷尽"));
        assert!(clause_word_inside("理论不能解决"));
        assert!(!clause_word_inside("不忘历史"));
        assert!(!clause_word_inside("发展非公有制经济"));
        // A verb opening the string is a governing verb, tested elsewhere.
        assert!(!clause_word_inside("推动发展道路"));
    }

    /// A modifier before an abstract term makes a term of its own; a verb before it
    /// governs it, and the string stays a compound.
    #[test]
    fn a_modifier_before_an_abstract_term_is_a_term() {
        let none = HashSet::new();
        assert_eq!(form("先进生产力", &none), Some(Form::Structure));
        assert_eq!(form("涉及生产力", &none), Some(Form::Compound));
        assert_eq!(form("生产力", &none), Some(Form::Dictionary));
    }

    /// A word and a localiser is an adverbial, no term by its form; a word with another
    /// last character is.
    #[test]
    fn a_word_and_a_localiser_is_no_term_form() {
        assert!(locative_adverbial("理论上"));
        assert!(!locative_adverbial("上层"));
        assert_eq!(form("理论上", &HashSet::new()), None);
    }

    /// Unglossed content words after the last glossed one are a head; a function word
    /// among them opens a phrase of the sentence.
    #[test]
    fn an_unglossed_tail_is_a_head_without_function_words() {
        let glossed = gloss_candidate(&mut Glosser::new(), "第五次会议");
        assert!(unglossed_tail_is_head("Fifth Session Meeting", &glossed));
        assert!(unglossed_tail_is_head(
            "Fifth Session Meeting Hall",
            &glossed
        ));
        assert!(!unglossed_tail_is_head(
            "Fifth Session Meeting in the capital",
            &glossed
        ));
        assert!(!unglossed_tail_is_head("capital", &glossed));
    }

    /// An abbreviated head (大, "big") is rendered by the unglossed words after the
    /// number; after a rendered last word (基本, "basic") they are a neighbour.
    #[test]
    fn an_abbreviated_head_is_rendered_by_the_unglossed_tail() {
        let head = |zh: &str, en: &str| {
            abbreviated_head_rendered(zh, en, &gloss_candidate(&mut Glosser::new(), zh))
        };
        assert!(head("党的五大", "Party's 5th Congress"));
        assert!(!head("党的五大", "Party's 5th Congress in the city"));
        assert!(!head("五个基本", "five basic viewpoints"));
        // A word after the head is the sentence going on (说 "says"), not the head.
        assert!(!head("党的五大说", "Party's 5th Congress"));
    }

    /// A conjunction inside a string is a word to render that no gloss reaches: its other
    /// senses (和 "to make") confirm no word of the sentence around the term.
    #[test]
    fn a_conjunction_inside_glosses_no_other_sense() {
        let glossed = gloss_candidate(&mut Glosser::new(), "党和国家");
        let r = rendering("Party and the country", &glossed);
        assert_eq!((r.zh_covered, r.zh_words), (2, 3), "{r:?}");
        let r = rendering("Party and the country make", &glossed);
        assert!(!r.edges_glossed, "{r:?}");
    }

    /// A word in -ing after a preposition is a gerund awaiting its object; after a
    /// conjunction or a noun, or too short to be a gerund, it is not.
    #[test]
    fn gerunds_after_prepositions() {
        let ends = EnEnds::get();
        assert!(ends.gerund_after_preposition("for", "protecting"));
        assert!(ends.gerund_after_preposition("of", "building"));
        assert!(!ends.gerund_after_preposition("and", "opening"));
        assert!(!ends.gerund_after_preposition("of", "thing"));
        assert!(!ends.gerund_after_preposition("Party", "building"));
    }

    #[test]
    fn english_ends() {
        let e = EnEnds::get();
        assert!(e.participle("held") && e.participle("proposed") && !e.participle("need"));
        assert!(!e.participle("Returned") && !e.participle("policy"));
        assert!(e.irregular_past("led") && !e.irregular_past("developed"));
        assert!(e.adjective("enduring") && e.adjective("constant"));
        assert!(!e.adjective("development") && !e.adjective("Beijing"));
        assert!(e.dangling("Chinese") && !e.modifier("Chinese"));
    }

    /// A modifier does not end a rendering before the content word it modifies, an
    /// adjective, a word with a premodifier ending or a comparative; before a function
    /// word, or a noun before anything, it may.
    #[test]
    fn modifiers_before_their_heads() {
        let e = EnEnds::get();
        assert!(e.premodifies(None, "municipal", "government"));
        assert!(e.premodifies(Some("the"), "friendly", "feelings"));
        assert!(!e.premodifies(Some("must"), "resolutely", "uphold"));
        assert!(e.premodifies(None, "deeper", "level"));
        assert!(e.premodifies(None, "wider", "range"));
        assert!(e.premodifies(None, "sustainable", "development"));
        assert!(!e.premodifies(None, "deeper", "and"));
        assert!(!e.premodifies(None, "potential", "of"));
        assert!(!e.premodifies(None, "reform", "measures"));
        assert!(!e.premodifies(None, "development", "goals"));
        assert!(!e.premodifies(None, "municipal", "Government"));
        assert!(e.premodifies(None, "country's", "strength"));
        assert!(!e.premodifies(None, "country's", "and"));
        assert!(e.premodifies(None, "young", "people"));
    }

    #[test]
    fn coordinations_render_two_words() {
        let mut g = Glosser::new();
        let zh = "对外关系和外交政策";
        let glossed = gloss_candidate(&mut g, zh);
        assert!(coordination_rendered(
            "external relations and foreign policy",
            zh,
            &glossed
        ));
        let glossed = gloss_candidate(&mut g, "改革开放");
        assert!(coordination_rendered(
            "reform and opening up",
            "改革开放",
            &glossed
        ));
        // One word of two parts, each glossing one item.
        let glossed = gloss_candidate(&mut g, "中华儿女");
        assert!(coordination_rendered(
            "sons and daughters of the Chinese nation",
            "中华儿女",
            &glossed
        ));
        let glossed = gloss_candidate(&mut g, "国际公平正义");
        assert!(coordination_rendered(
            "international fairness and justice",
            "国际公平正义",
            &glossed
        ));
        let glossed = gloss_candidate(&mut g, "勇于追梦");
        assert!(!coordination_rendered(
            "dare to dream and pursue their dreams",
            "勇于追梦",
            &glossed
        ));
        let glossed = gloss_candidate(&mut g, "重要倡议");
        assert!(!coordination_rendered(
            "important initiatives and proposals",
            "重要倡议",
            &glossed
        ));
    }

    #[test]
    fn a_whole_gloss_phrase_beats_one_of_its_words() {
        let p = gloss_phrases("中国特色社会主义");
        let whole = phrase_cover("socialism with Chinese characteristics", &p);
        let word = phrase_cover("Chinese", &p);
        assert!(whole > 0.99 && word < 0.5, "{whole} {word}");
        assert!(gloss_phrases("中国").is_empty());
    }

    /// A word of two characters or more that the English leaves out, anywhere in the
    /// string, counts; a single character (党, 和) does not.
    #[test]
    fn unrendered_words_anywhere_count() {
        assert!(unrendered_word("经济建设特别", "especially economy"));
        assert!(!unrendered_word("经济建设", "economic construction"));
        assert!(!unrendered_word("党和人民", "Party and people"));
    }

    /// An English that one word of the Chinese glosses whole renders that word alone.
    #[test]
    fn an_english_glossed_by_one_word_alone() {
        assert!(one_word_renders_all("内政外交", "foreign affairs"));
        assert!(!one_word_renders_all(
            "内政外交",
            "internal and foreign affairs"
        ));
        assert!(one_word_renders_all("客观事物", "objectively"));
        assert!(!one_word_renders_all(
            "困难和挑战",
            "difficulties and challenges"
        ));
        assert!(!one_word_renders_all("经济建设", "economic construction"));
        // One word alone: nothing beside it goes unrendered.
        assert!(!one_word_renders_all("外交", "foreign affairs"));
    }

    /// An English glossed by one half of a four-character string, the other half left
    /// unrendered, renders that half alone.
    #[test]
    fn an_english_of_one_half() {
        let mut g = Glosser::new();
        assert!(renders_one_half(&mut g, "经济建设", "economy"));
        // A word of its own, glossed by neither half.
        assert!(!renders_one_half(&mut g, "经济建设", "economic policy"));
        assert!(renders_one_half(&mut g, "经济建设", "construction"));
        assert!(!renders_one_half(
            &mut g,
            "经济建设",
            "economic construction"
        ));
        assert!(!renders_one_half(
            &mut g,
            "经济建设",
            "construction of the economy"
        ));
        assert!(!renders_one_half(&mut g, "经济", "economy"));
    }

    #[test]
    fn verb_phrases_open_with_a_rendered_verb() {
        assert!(verb_phrase("完善现有制度", "improve current systems"));
        assert!(verb_phrase("谈论中国梦", "discussing the Chinese Dream"));
        // The verb after an adverbial or a subject, which the English moves behind.
        assert!(verb_phrase("行动推动改革", "promote reform by action"));
        // A noun rendering the verb names a thing; an unrendered verb is another rule's.
        assert!(!verb_phrase("发展道路", "development path"));
        assert!(!verb_phrase("基本政治制度", "basic political system"));
        assert!(!verb_phrase(
            "深化全面战略协作",
            "comprehensive strategic coordination"
        ));
    }

    #[test]
    fn openings_are_checked_against_the_english() {
        // A governing verb belongs to the term only rendered by a noun.
        assert!(leading_verb("领导核心"));
        assert!(opening_rendered("领导核心", "core leadership"));
        assert!(!opening_rendered(
            "坚持以经济建设为中心",
            "focus on economic development"
        ));
        assert!(!opening_rendered("领导人民", "lead the people"));
        // A start word belongs to it only rendered.
        assert!(opening_rendered(
            "各级党委",
            "Party committees at all levels"
        ));
        assert!(!opening_rendered("各级党委", "Party committees"));
        assert!(opening_rendered("基本国情", "basic national conditions"));
    }

    #[test]
    fn adjectives_are_glossed_by_their_nouns() {
        let mut g = Glosser::new();
        let zh = gloss_candidate(&mut g, "社会公平正义");
        let r = rendering("social fairness and justice", &zh);
        assert_eq!((r.glossed, r.words, r.edges_glossed), (3, 3, true), "{r:?}");
    }

    #[test]
    fn verbs_and_negations() {
        assert!(leading_verb("坚持以经济建设为中心"));
        assert!(!leading_verb("以经济建设为中心"));
        assert!(zh_negated("不针对第三方"));
        assert!(!zh_negated("不断发展"));
        assert!(en_negated("not targeting any third party"));
        assert!(!en_negated("targeting any third party"));
        assert!(zh_negated("不对抗") && en_negated("non-confrontation"));
        assert!(clause_word_inside("中国梦是国家梦"));
        assert!(!clause_word_inside("实践是检验真理的唯一标准"));
        assert!(clause_word_inside("社会主义初级阶段这个基本国情"));
        // A copula written with its adverb (就是) makes a clause as 是 does.
        assert!(clause_word_inside("理想信念就是共产党人精神"));
        assert!(!clause_word_inside("中国特色社会主义共同理想"));
        assert!(unrendered_edge_verb(
            "深化全面战略协作",
            "comprehensive strategic coordination"
        ));
        assert!(!unrendered_edge_verb(
            "建设亚太共同体",
            "building an Asia Pacific community"
        ));
    }

    /// Without its genitive particle, a 的-phrase is rendered whole by its content words.
    #[test]
    fn a_genitive_particle_is_no_word_to_render() {
        let mut g = Glosser::new();
        let all = gloss_candidate(&mut g, "国家的安全");
        let content = gloss_content_words(&mut g, "国家的安全");
        assert_eq!(content.len() + 1, all.len());
        let r = rendering("security of the country", &content);
        assert_eq!((r.zh_covered, r.zh_words), (2, 2), "{r:?}");
        assert!(rendering("security of the country", &all).zh_covered < all.len());
    }

    #[test]
    fn renderings_count_abbreviations_demonyms_and_ordinals() {
        let mut g = Glosser::new();
        let zh = gloss_candidate(&mut g, "党的十八大");
        let full = rendering("18th CPC National Congress", &zh);
        let short = rendering("National Congress", &zh);
        assert!(full.zh_covered > short.zh_covered, "{full:?} {short:?}");
        // CC-CEDICT writes the Party's abbreviation CCP (党中央 "Central Committee of the
        // CCP"), the official English CPC.
        let zh = gloss_candidate(&mut g, "党中央");
        let r = rendering("CPC Central Committee", &zh);
        assert_eq!((r.glossed, r.words, r.edges_glossed), (3, 3, true), "{r:?}");
        let zh = gloss_candidate(&mut g, "中国梦");
        let r = rendering("Chinese Dream", &zh);
        assert_eq!((r.glossed, r.words, r.edges_glossed), (2, 2, true));
        // An ordinal prefix is rendered with its numeral: 第七届 asks no more of the
        // English than 七届.
        let en = "Seventh Conference of Friendship";
        let with = rendering(en, &gloss_candidate(&mut g, "第七届联谊大会"));
        let without = rendering(en, &gloss_candidate(&mut g, "七届联谊大会"));
        assert_eq!(
            (with.zh_covered, with.zh_words),
            (without.zh_covered, without.zh_words)
        );
    }

    /// A count of years is read in digits or numerals, with the event word in front, and
    /// is no count when it is a calendar year or a small numeral inside a word.
    #[test]
    fn counts_of_years_are_read_with_their_event() {
        let y = years_counts("学校成立50周年");
        assert_eq!(y.len(), 1);
        assert_eq!((y[0].years, y[0].event, y[0].named), (50, true, false));
        assert_eq!(&"学校成立50周年"[y[0].start..y[0].end], "成立50周年");
        assert_eq!(years_counts("建党一百年")[0].years, 100);
        assert!(years_counts("建党一百年")[0].named);
        assert_eq!(years_counts("百年")[0].years, 100);
        assert_eq!(years_counts("医院成立１２年")[0].years, 12);
        // A calendar year is a date; a single small numeral needs an event word.
        assert!(years_counts("2021年全面建成").is_empty());
        assert!(years_counts("统一年度计划").is_empty());
    }

    /// A name, an event word and a count of years make a term; a count alone, or after
    /// an event word that needs a name in front, does not.
    #[test]
    fn a_founding_with_its_count_of_years_has_a_term_form() {
        let none = HashSet::new();
        assert_eq!(form("清华大学成立50周年", &none), Some(Form::Anniversary));
        assert_eq!(form("建党一百年", &none), Some(Form::Anniversary));
        assert_ne!(form("成立50周年", &none), Some(Form::Anniversary));
        assert_ne!(form("50周年", &none), Some(Form::Anniversary));
        assert_ne!(form("清华大学成立50周年时", &none), Some(Form::Anniversary));
    }

    /// The count of years with its event word is one word to render: "centenary" renders
    /// 100年 (its number through `en_glossing.txt`), "50th anniversary of the founding"
    /// renders 成立50周年, and an English without the number leaves it unrendered.
    #[test]
    fn a_count_of_years_is_rendered_by_its_number() {
        let mut g = Glosser::new();
        let zh = gloss_candidate(&mut g, "清华大学成立50周年");
        assert_eq!(zh.len(), 2);
        let r = rendering(
            "50th anniversary of the founding of Tsinghua University",
            &zh,
        );
        assert_eq!((r.words, r.zh_covered), (5, 2), "{r:?}");
        assert!(r.glossed >= 4, "{r:?}");
        let zh = gloss_candidate(&mut g, "人民医院建立100年");
        let r = rendering("centenary of the People's Hospital", &zh);
        assert_eq!((r.glossed, r.words, r.zh_covered), (3, 3, 3), "{r:?}");
        assert!(!years_unrendered(
            "人民医院建立100年",
            "centenary of the hospital"
        ));
        assert!(!years_unrendered(
            "学校成立50周年",
            "50th anniversary of the school"
        ));
        assert!(years_unrendered(
            "学校成立50周年",
            "anniversary of the school"
        ));
        assert!(unrendered_word("人民医院建立100年", "People's Hospital"));
        assert!(!unrendered_word(
            "人民医院建立100年",
            "centenary of the People's Hospital"
        ));
    }

    /// A founding's English renders its count and half its name at least.
    #[test]
    fn a_founding_needs_its_count_and_its_name_rendered() {
        let zh = "人民医院建立100年";
        assert!(!founding_unrendered(
            zh,
            "centenary of the People's Hospital"
        ));
        assert!(!founding_unrendered(zh, "centenary of the hospital"));
        assert!(founding_unrendered(zh, "centenary"));
        // A clause around the count is no rendering; a possessive in front is.
        assert!(founding_unrendered(
            zh,
            "People's Hospital celebrates its centenary"
        ));
        assert!(!founding_unrendered(zh, "People's Hospital's centenary"));
        assert!(founding_unrendered(
            zh,
            "anniversary of the People's Hospital"
        ));
    }

    /// An initialism is glossed by the words that tell it from the other initialisms
    /// (Party for CPC, Republic for PRC), not by a word they share (China).
    #[test]
    fn an_initialism_is_glossed_by_its_distinctive_words() {
        let text = "AB\tAlpha Beta Gamma\nAC\tAlpha Beta Gamma\nXY\tDelta Gamma\nfoo\tGamma\n";
        let lines = distinctive_initialism_words(equivalence_lines(text));
        let of = |w: &str| lines.iter().find(|(v, _)| v == w).map(|(_, x)| x.clone());
        assert_eq!(
            of("AB"),
            Some(vec!["Alpha".to_string(), "Beta".to_string()])
        );
        assert_eq!(of("XY"), Some(vec!["Delta".to_string()]));
        // A word that is no initialism keeps its words.
        assert_eq!(of("foo"), Some(vec!["Gamma".to_string()]));
        let mut g = Glosser::new();
        let r = rendering("CPC", &gloss_candidate(&mut g, "中国"));
        assert_eq!(r.glossed, 0, "{r:?}");
        let r = rendering("CPC", &gloss_candidate(&mut g, "共产党"));
        assert_eq!(r.glossed, 1, "{r:?}");
    }

    /// A state's name in its official style (an initialism of style words and one name) is
    /// glossed by the name, though another initialism spells the name too; that other
    /// initialism, whose other words are no style, is not.
    #[test]
    fn a_styled_state_initialism_is_glossed_by_its_name() {
        let text = "RZ\tPeople's Republic Zembla\nZP\tZembla Party\n";
        let lines = distinctive_initialism_words(equivalence_lines(text));
        let of = |w: &str| lines.iter().find(|(v, _)| v == w).map(|(_, x)| x.clone());
        let words = |ws: &[&str]| Some(ws.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(of("RZ"), words(&["People's", "Republic", "Zembla"]));
        assert_eq!(of("ZP"), words(&["Party"]));
        // With the bundled list: 中国 "China" glosses the PRC, not the CPC.
        let mut g = Glosser::new();
        let china = gloss_candidate(&mut g, "中国");
        assert_eq!(rendering("PRC", &china).glossed, 1);
        assert_eq!(rendering("CPC", &china).glossed, 0);
        // A founding of the republic, written with its initialism, renders its name.
        let zh = "中国成立60周年";
        assert!(!founding_unrendered(zh, "60th anniversary of the PRC"));
        assert!(founding_unrendered(zh, "60th anniversary of the CPC"));
    }

    /// A gloss naming a state glosses the words of that state's official style, spelt out;
    /// not another state's style, nor where the gloss names another body the name is in
    /// (the Communist Party of China).
    #[test]
    fn a_state_name_glosses_its_official_style() {
        let mut g = Glosser::new();
        let china = gloss_candidate(&mut g, "中国");
        let r = rendering("People's Republic of China", &china);
        assert_eq!((r.glossed, r.words), (3, 3), "{r:?}");
        assert_eq!(rendering("Kingdom", &china).glossed, 0);
        // The possessive of the style is met as written: "people" alone is no style.
        assert_eq!(rendering("people", &china).glossed, 0);
        assert_eq!(rendering("people’s", &china).glossed, 1);
        let party = gloss_candidate(&mut g, "中国共产党");
        assert_eq!(rendering("Republic", &party).glossed, 0);
        let founding = gloss_candidate(&mut g, "中国成立60周年");
        let r = rendering(
            "60th anniversary of the People's Republic of China",
            &founding,
        );
        assert_eq!(r.glossed, r.words, "{r:?}");
    }

    /// A conjunction joining two terms is no word to render (English writes it "and"): the
    /// whole rendering of a pair of terms renders every word; a 和 between two words of
    /// running text, or inside a word (和平), stays a word.
    #[test]
    fn a_conjunction_between_terms_is_no_word_to_render() {
        let mut g = Glosser::new();
        let whole = |g: &mut Glosser, zh: &str, en: &str| {
            let r = rendering(en, &gloss_candidate(g, zh));
            (r.zh_covered, r.zh_words)
        };
        assert_eq!(
            whole(
                &mut g,
                "生产力和生产关系",
                "productive forces and relations of production"
            ),
            (2, 2)
        );
        // One side rendered is not the whole.
        let (covered, words) = whole(&mut g, "经济基础和上层建筑", "economic base");
        assert!(covered < words);
        let (covered, words) = whole(
            &mut g,
            "经济基础和上层建筑",
            "economic base and superstructure",
        );
        assert_eq!(covered, words);
        assert_eq!(whole(&mut g, "改革和发展", "reform and development").1, 3);
        assert_eq!(gloss_content_words(&mut g, "生产力和生产关系").len(), 2);
        assert!(!joins_terms(&["和平", "发展", "道路"], 0));
    }

    /// A compound the English renders as two coordinated parts, each half of the Chinese
    /// rendered whole by one side of "and", a conjunction between the halves or not; not an
    /// English whose sides render no half whole.
    #[test]
    fn two_terms_coordinated_in_a_compound() {
        let mut g = Glosser::new();
        assert!(two_part_rendering(
            &mut g,
            "社会公平正义",
            "social fairness and justice"
        ));
        assert!(two_part_rendering(
            &mut g,
            "安定团结",
            "stability and unity"
        ));
        assert!(two_part_rendering(
            &mut g,
            "霸权主义和强权政治",
            "hegemony and power politics"
        ));
        assert!(!two_part_rendering(
            &mut g,
            "失去人民拥护",
            "people and lose their support"
        ));
        assert!(!two_part_rendering(&mut g, "安定团结", "stability"));
        assert!(!two_part_rendering(
            &mut g,
            "安定团结",
            "stability, unity and order"
        ));
    }

    /// The two words of a frame around a term (以…为) are no words to render, and
    /// "central" and "focus" render the 中心 they close on.
    #[test]
    fn the_words_of_a_frame_are_not_words_to_render() {
        let mut g = Glosser::new();
        let framed = gloss_candidate(&mut g, "以农业为中心");
        let plain = gloss_candidate(&mut g, "农业中心");
        assert_eq!(framed.len(), plain.len());
        let r = rendering("agriculture as the central task", &framed);
        assert_eq!((r.zh_covered, r.zh_words), (2, 2));
        let r = rendering("focus on agriculture", &framed);
        assert_eq!((r.glossed, r.words, r.zh_covered), (2, 2, 2));
        // Not a frame without a word between its two function words, or after them.
        assert_eq!(frame_words(&["以", "为", "中心"]), Vec::<usize>::new());
        assert_eq!(frame_words(&["以", "农业", "为"]), Vec::<usize>::new());
        assert_eq!(frame_words(&["以", "农业", "为", "中心"]), vec![0, 2]);
    }

    /// A string written only after a governing verb is the term the verb governs; one
    /// written once after another word is not.
    #[test]
    fn a_string_always_after_a_governing_verb() {
        let texts = ["我们坚持农业现代化。", "必须坚持农业现代化，推进农业现代化"];
        assert!(always_after_governing_verb("农业现代化", &texts));
        let texts = ["我们坚持农业现代化。", "实现了农业现代化"];
        assert!(!always_after_governing_verb("农业现代化", &texts));
        assert!(!always_after_governing_verb("农业现代化", &["没有这个词"]));
    }

    /// A modifier of degree counts as glossed by the verb it renders, and leaves that
    /// verb rendered at the edge of a candidate; it is no gloss of any other word.
    #[test]
    fn a_modifier_of_degree_renders_its_verb() {
        let mut g = Glosser::new();
        let zh = gloss_candidate(&mut g, "深化文化交流");
        let r = rendering("continuing cultural exchanges", &zh);
        assert_eq!((r.glossed, r.words, r.zh_covered, r.zh_words), (3, 3, 2, 2));
        assert!(!unrendered_edge_verb(
            "深化文化交流",
            "continuing cultural exchanges"
        ));
        assert!(unrendered_edge_verb("深化文化交流", "cultural exchanges"));
        let r = rendering(
            "further cultural exchanges",
            &gloss_candidate(&mut g, "文化交流"),
        );
        assert_eq!(r.glossed, 2);
    }
}
