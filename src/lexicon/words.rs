//! An English vocabulary: the words of the CC-CEDICT glosses.
//!
//! The aligner compares English words by five-letter stems, which cannot say whether a
//! word exists ("crossborder" and "cross" share a stem). Mending a word hyphenated at a line
//! end needs that answer: `land-` / `based` keeps its hyphen because "landbased" is not a
//! word while "land" and "based" are, `im-` / `portant` loses it because "important" is one.
//! The glosses of CC-CEDICT are a large, plain English vocabulary already in the project
//! (about 30,000 words with hyphenated compounds such as "land-based"), so
//! `data/lexicon/en_words.txt` holds their words, generated with the dictionary files by
//! `examples/gen_cedict.rs` and kept current by `tests/cedict.rs`. The file is sorted and
//! read in place by binary search: nothing is built at run time.

use super::stem::base_form;
use std::sync::OnceLock;

/// The sorted words of `data/lexicon/en_words.txt` (its first line is a comment).
fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../data/lexicon/en_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Whether a lower-case word, exactly as written, is in the vocabulary (`land-based`
/// included: hyphenated compounds of the glosses are words of their own).
pub fn is_listed(word: &str) -> bool {
    words().binary_search(&word).is_ok()
}

/// Whether a lower-case English word is in the vocabulary as written or as an inflected
/// form of a listed word: "governments", "cooperating" (base "cooperat" + e), "based".
pub fn is_word(word: &str) -> bool {
    if is_listed(word) {
        return true;
    }
    let base = base_form(word);
    if base != word && (is_listed(&base) || is_listed(&format!("{base}e"))) {
        return true;
    }
    word.strip_suffix("ly")
        .is_some_and(|stem| stem.len() > 2 && is_listed(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_forms() {
        let w = words();
        assert!(w.len() > 10_000, "{} words", w.len());
        assert!(
            w.windows(2).all(|p| p[0] < p[1]),
            "en_words.txt is not sorted"
        );
        for word in ["important", "land", "based", "governments", "cooperating"] {
            assert!(is_word(word), "{word}");
        }
        for word in ["landbased", "portant", "crossborder"] {
            assert!(!is_word(word), "{word}");
        }
    }
}
