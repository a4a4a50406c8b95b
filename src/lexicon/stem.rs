//! English words reduced to the stem they are compared by, so that a word of the text meets
//! the gloss a dictionary gives in its base form: "said" meets "to say", "heads" meets
//! "head", "lived" meets "living", "drove" meets "to drive out".
//!
//! Three steps: an irregular form is replaced by its base form (a data file:
//! `data/lexicon/en_irregular.txt`), regular inflections are stripped (plural and
//! third-person `-s`, `-ed`, `-ing`, the archaic `-eth`), and the result is cut to its first
//! [`STEM_LEN`] letters, which merges derivations ("cooperation", "cooperative"). The same
//! function serves the text and the glosses, so a rule that merges two words merges them
//! on both sides alike; the rules are kept conservative (a remainder must keep a vowel and
//! three letters) so that short words are not merged with unrelated ones.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Length to which words are cut before comparison: long enough to tell words apart,
/// short enough to merge inflections and derivations.
pub const STEM_LEN: usize = 5;

/// Irregular inflected forms and their base forms, from the data file.
fn irregular() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::data::lines(include_str!("../../data/lexicon/en_irregular.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let base = it.next()?;
                Some(it.map(move |form| (form, base)))
            })
            .flatten()
            .collect()
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A remainder worth keeping after a suffix is stripped: three letters or more, one of them
/// a vowel ("spring" is not "spr" + "ing").
fn viable(rest: &str) -> bool {
    rest.len() >= 3 && rest.bytes().any(is_vowel)
}

/// Undo the doubled final consonant of `-ed`/`-ing` forms ("stopp" → "stop"), except the
/// letters English doubles in base forms too ("call", "pass", "add", "stuff", "buzz").
fn undouble(rest: &str) -> &str {
    let b = rest.as_bytes();
    let n = b.len();
    if n >= 4
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'd' | b'f' | b'z')
    {
        &rest[..n - 1]
    } else {
        rest
    }
}

/// The base form of a lower-case English word by the rules above (without cutting it).
pub fn base_form(word: &str) -> String {
    if let Some(base) = irregular().get(word) {
        return (*base).to_string();
    }
    if !word.is_ascii() || word.len() <= 3 {
        return word.to_string();
    }
    let strip = |suffix: &str| word.strip_suffix(suffix).filter(|r| viable(r));
    let base = if let Some(r) = strip("ies").filter(|_| word.len() > 4) {
        format!("{r}y")
    } else if let Some(r) = strip("ied") {
        format!("{r}y")
    } else if let Some(r) = ["sses", "shes", "ches", "xes", "zzes"]
        .iter()
        .find_map(|s| word.strip_suffix(s).map(|r| (r, s)))
        .map(|(r, s)| format!("{r}{}", &s[..s.len() - 2]))
    {
        r
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word[..word.len() - 1].to_string()
    } else if let Some(r) = strip("ing").filter(|_| word.len() > 5) {
        undouble(r).to_string()
    } else if let Some(r) = strip("eth").filter(|_| word.len() > 5) {
        r.to_string()
    } else if let Some(r) = strip("ed").filter(|_| word.len() > 4) {
        undouble(r).to_string()
    } else {
        word.to_string()
    };
    base
}

/// The stem a lower-case English word is compared by: its base form cut to [`STEM_LEN`]
/// letters. (Dropping a silent final `e` as well, so that "live" meets "lived", merged
/// more unrelated words than it joined on the development bench: speeches lost pairs.)
pub fn stem(word: &str) -> String {
    cut(&base_form(word)).to_string()
}

/// The first [`STEM_LEN`] letters of a base form: its stem.
pub fn cut(base: &str) -> &str {
    let end = base
        .char_indices()
        .nth(STEM_LEN)
        .map_or(base.len(), |(i, _)| i);
    &base[..end]
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(a: &str, b: &str) {
        assert_eq!(stem(a), stem(b), "{a} / {b}");
    }

    #[test]
    fn inflections_meet_their_base_form() {
        same("heads", "head");
        same("countries", "country");
        same("churches", "church");
        same("lived", "living");
        same("moves", "move");
        same("stopped", "stop");
        same("running", "run");
        same("carried", "carry");
        same("creepeth", "creep");
        same("cooperation", "cooperative");
    }

    #[test]
    fn irregular_forms_meet_their_base_form() {
        same("said", "say");
        same("drove", "drive");
        same("went", "go");
        same("men", "man");
        same("children", "child");
        same("spake", "speak");
    }

    #[test]
    fn short_and_unrelated_words_stay_apart() {
        assert_ne!(stem("spring"), stem("spr"));
        assert_ne!(stem("seed"), stem("see"));
        assert_ne!(stem("called"), stem("cal"));
        assert_ne!(stem("bus"), stem("bu"));
        assert_ne!(stem("this"), stem("thi"));
        assert_eq!(stem("passed"), stem("pass"));
    }
}
