//! Scoring and ranking, the last stage of discovery ([`super::discover`]): a pair's score
//! (association times dictionary support times termhood), its evidence band and the
//! confidence measured for that band, and the suppression of nested candidates.

use super::discover::Candidate;
use super::render::words_within;
use super::termlike::{self, Form};
use crate::lexicon::dict::en_stems;
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
    /// A coordinated formulation (道路自信、理论自信、制度自信), every item rendered.
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
pub(crate) fn rank(mut found: Vec<Candidate>, quoted: &HashSet<String>) -> Vec<Candidate> {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.zh.chars().count().cmp(&a.zh.chars().count()))
            .then(a.zh.cmp(&b.zh))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        let termlike = !matches!(termlike::form(&c.zh, quoted), None | Some(Form::Compound));
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
