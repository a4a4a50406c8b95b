//! An English vocabulary: the words of the CC-CEDICT glosses.
//!
//! The aligner compares English words by five-letter stems, which cannot say whether a
//! word exists ("crossborder" and "cross" share a stem). Mending a word hyphenated at a line
//! end needs that answer: `land-` / `based` keeps its hyphen because "landbased" is not a
//! word while "land" and "based" are, `im-` / `portant` loses it because "important" is one.
//! The glosses of CC-CEDICT are a large, plain English vocabulary already in the project
//! (about 30,000 words with hyphenated compounds such as "land-based"), so
//! `data/lexicon/en_words.txt` lists their words (to read and compare) and
//! `data/lexicon/en_words.fst` holds them as an `fst::Set`, both generated with the
//! dictionary files by `examples/gen_cedict.rs` and kept current by `tests/cedict.rs`. The
//! binary embeds only the set (60% of the list's size) and looks words up in place:
//! nothing is built at run time.

use super::stem::base_form;
use fst::Set;
use std::sync::OnceLock;

static WORDS_FST: &[u8] = include_bytes!("../../data/lexicon/en_words.fst");

/// The embedded vocabulary, checked once (a header check, no decoding).
fn words() -> &'static Set<&'static [u8]> {
    static WORDS: OnceLock<Set<&'static [u8]>> = OnceLock::new();
    // Generated and checked by tests/cedict.rs: a failure here is a build defect, not a
    // user error.
    WORDS.get_or_init(|| Set::new(WORDS_FST).expect("embedded data/lexicon/en_words.fst is valid"))
}

/// Whether a lower-case word, exactly as written, is in the vocabulary (`land-based`
/// included: hyphenated compounds of the glosses are words of their own).
pub fn is_listed(word: &str) -> bool {
    words().contains(word)
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
        for word in ["important", "land", "based", "governments", "cooperating"] {
            assert!(is_word(word), "{word}");
        }
        for word in ["landbased", "portant", "crossborder"] {
            assert!(!is_word(word), "{word}");
        }
    }
}
