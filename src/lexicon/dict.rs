//! CC-CEDICT as lexical evidence: which English content words a Chinese sentence's words
//! can be glossed by.
//!
//! English words and the words of CC-CEDICT glosses are reduced to the same stem
//! ([`super::stem`]: base form, first five letters), so that "cooperation", "cooperate" and
//! "cooperative" meet, and "said" meets the gloss "to say".
//! Stems are hashed to `u64` so that sentences can be compared without allocating.
//! The dictionary is the static structure of [`super::cedict`]: nothing to load.

use super::{cedict, IdMap};
use siphasher::sip::SipHasher13;
use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::Hasher;
use std::sync::OnceLock;

fn stopwords() -> &'static HashSet<String> {
    static STOP: OnceLock<HashSet<String>> = OnceLock::new();
    STOP.get_or_init(|| crate::data::words(include_str!("../../data/lexicon/en_stopwords.txt")))
}

/// The stem id of a lower-case word: SipHash-1-3 with zero keys of its stem's UTF-8 bytes
/// ([`super::stem::stem`]) followed by 0xff (the layout `std`'s `DefaultHasher` used for a
/// `String` when the ids were first computed with it), written out so that the ids stored
/// in `data/lexicon/cedict.bin` cannot change with a Rust release (`DefaultHasher`'s
/// algorithm is not guaranteed).
fn stem_id(word: &str) -> u64 {
    hash_stem(&super::stem::stem(word))
}

/// The id of a stem (see [`stem_id`]).
fn hash_stem(stem: &str) -> u64 {
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(stem.as_bytes());
    h.write(&[0xff]);
    h.finish()
}

/// The stem id of one lower-case word as the glosses store it, numbers included (`18` is
/// a gloss of 十八, and term discovery reads `18th` as `18`).
pub fn stem_of(word: &str) -> u64 {
    stem_id(word)
}

/// The stem id of a lower-case content word; `None` for a function word, as written or in
/// its base form ("hath" is "have"). The base form is found once for both questions.
fn content_stem(stop: &HashSet<String>, word: &str) -> Option<u64> {
    if stop.contains(word) {
        return None;
    }
    let base = super::stem::base_form(word);
    (!stop.contains(base.as_str())).then(|| hash_stem(super::stem::cut(&base)))
}

/// The stem of a word written in capitals (two letters or more): an acronym (US, UN, IT,
/// WHO), kept apart from the lower-case word it may spell ("us", "it", "who"). Its id is the
/// hash of the capitals themselves, which no lower-case word shares, so "the US" meets the
/// "US" of 美国's glosses and never the "us" of 我们's. A Roman numeral (II, XV) is a
/// number, not an acronym, and is stemmed as the word it is. `None` for any other word.
fn acronym_stem(raw: &str) -> Option<u64> {
    let roman = raw.bytes().all(|b| b"IVXLCDM".contains(&b));
    (raw.len() >= 2 && !roman && raw.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| hash_stem(raw))
}

/// Words whose content stem a thread keeps (see [`en_stems`]) before it starts over: a
/// bound on memory for a run over a huge vocabulary (a few MB at most).
const STEM_CACHE_MAX: usize = 100_000;

thread_local! {
    /// The content stem of each lower-case word this thread has stemmed, for the whole run:
    /// a word recurs in every document of a corpus, and its stem (two stop-word lookups,
    /// the base form, a SipHash) is the same each time. Only looked up, never iterated, so
    /// nothing depends on its order.
    static STEM_CACHE: RefCell<IdMap<String, Option<u64>>> = RefCell::new(IdMap::default());
}

/// Content-word stems of a piece of English (function words and single letters dropped).
/// The words are lowercased into one reused buffer and each word's stem is worked out once
/// per thread and run (see [`STEM_CACHE`]).
pub fn en_stems(text: &str) -> Vec<u64> {
    let stop = stopwords();
    let mut out = Vec::new();
    let mut w = String::new();
    // A line of words in capitals throughout (a heading) spells its ordinary words in
    // capitals too; a single word in capitals is an acronym.
    let acronyms = text.chars().any(char::is_lowercase) || text.split_whitespace().nth(1).is_none();
    STEM_CACHE.with_borrow_mut(|cache| {
        if cache.len() > STEM_CACHE_MAX {
            cache.clear();
        }
        for raw in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            let raw = raw.trim_matches('\'');
            // "the US's" is the acronym with a possessive, as "the US" is.
            let bare = raw.strip_suffix("'s").unwrap_or(raw);
            if let Some(stem) = acronyms.then(|| acronym_stem(bare)).flatten() {
                out.push(stem);
                continue;
            }
            super::lowercase_into(&mut w, raw);
            if w.ends_with("'s") {
                w.truncate(w.len() - 2);
            }
            if w.chars().nth(1).is_none() || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let stem = match cache.get(w.as_str()) {
                Some(&stem) => stem,
                None => {
                    let stem = content_stem(stop, &w);
                    cache.insert(w.clone(), stem);
                    stem
                }
            };
            out.extend(stem);
        }
    });
    out
}

/// One Chinese word of a sentence with the English stems its dictionary glosses offer.
#[derive(Clone, Debug, Default)]
pub struct GlossedWord {
    /// Stems of the gloss words, sorted and de-duplicated.
    pub stems: Vec<u64>,
}

/// Looks Chinese words up in CC-CEDICT. The dictionary is a static structure read in place,
/// so a lookup needs no cache and a glosser no state; the type stays so that callers keep
/// one value to pass around.
#[derive(Default)]
pub struct Glosser;

impl Glosser {
    /// A glosser.
    pub fn new() -> Self {
        Self
    }

    /// The glossed words of a Chinese sentence: CC-CEDICT's longest-match tokenization, each
    /// token with the stems of its glosses. Tokens without a gloss (punctuation, unknown
    /// words) are left out.
    pub fn gloss(&mut self, zh: &str) -> Vec<GlossedWord> {
        self.glossed_entries(zh)
            .map(|entry| GlossedWord {
                stems: entry.stems().collect(),
            })
            .collect()
    }

    /// The dictionary entries of the words [`Glosser::gloss`] returns, in the same order:
    /// each word's stems are its entry's [`cedict::Entry::stems`], read in place. For a
    /// caller that only passes over the stems (the aligner's evidence, every Chinese
    /// sentence of a run), this saves a vector per word.
    pub fn glossed_entries<'t>(&self, zh: &'t str) -> impl Iterator<Item = cedict::Entry> + 't {
        cedict::tokens(zh)
            .filter(|(token, _)| token.chars().any(crate::parse::is_han))
            .map(|(_, entry)| entry)
            .filter(|entry| entry.stems().len() > 0)
    }
}

/// The stems of the words of one CC-CEDICT gloss, repeats kept: bracketed remarks such as
/// "(literary)" or "[Zhong1 guo2]" dropped, classifier notes (`CL:…`) and `variant of …`
/// glosses give nothing, and words of one character and function words are left out. Used
/// by [`cedict::derive::gloss_stems`] when the dictionary data is generated.
pub fn gloss_word_stems(g: &str) -> Vec<u64> {
    let stop = stopwords();
    let mut clean = String::with_capacity(g.len());
    let mut depth = 0i32;
    for c in g.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth <= 0 => clean.push(c),
            _ => {}
        }
    }
    if g.starts_with("CL:") || g.starts_with("variant of") {
        clean.clear();
    }
    clean
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .filter_map(|w| acronym_stem(w).or_else(|| content_stem(stop, &w.to_lowercase())))
        .collect()
}

/// How many of `en` (stems of an English text) occur among the glosses of `zh`, and how
/// many of the Chinese words have a gloss stem among `en`: the two halves of a symmetric
/// lexical overlap.
pub fn overlap(en: &[u64], zh: &[GlossedWord]) -> (usize, usize) {
    let en_set: HashSet<u64> = en.iter().copied().collect();
    let zh_set: HashSet<u64> = zh.iter().flat_map(|w| w.stems.iter().copied()).collect();
    let en_hits = en.iter().filter(|s| zh_set.contains(s)).count();
    let zh_hits = zh
        .iter()
        .filter(|w| w.stems.iter().any(|s| en_set.contains(s)))
        .count();
    (en_hits, zh_hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_overlap_more_than_unrelated_text() {
        let mut g = Glosser::new();
        let zh = g.gloss("中国将坚定做这个世界的和平力量、稳定力量、进步力量。");
        let good = en_stems(
            "China will remain a staunch force for peace, stability and progress of the world.",
        );
        let bad = en_stems(
            "Bilateral trade reached a record high, hitting the target ahead of schedule.",
        );
        let (e1, z1) = overlap(&good, &zh);
        let (e2, z2) = overlap(&bad, &zh);
        assert!(e1 + z1 > e2 + z2 + 3, "good {e1}+{z1} vs bad {e2}+{z2}");
    }

    #[test]
    fn stem_ids_are_the_ids_stored_with_the_dictionary() {
        // Known answers: the values `DefaultHasher` (SipHash-1-3, keys 0) gave for these
        // stems as `String`s, which data/lexicon/cedict.bin stores.
        assert_eq!(stem_id("cooperation"), 0x3659e26663cfde2);
        assert_eq!(stem_id("coope"), 0x3659e26663cfde2);
        assert_eq!(stem_id("peacekeeping"), 0x8027ab7e840f92f5);
        assert_eq!(stem_of("18"), 0x8bc35b7873531bd9);
        assert_eq!(stem_id("été"), 0x341ab01acff56a59);
    }

    #[test]
    fn stems_merge_inflections_and_drop_function_words() {
        assert_eq!(en_stems("cooperation"), en_stems("cooperate"));
        assert!(en_stems("the of and to").is_empty());
    }

    #[test]
    fn acronyms_are_kept_apart_from_the_words_they_spell() {
        let mut g = Glosser::new();
        let mut glossed =
            |zh: &str| -> Vec<u64> { g.gloss(zh).into_iter().flat_map(|w| w.stems).collect() };
        assert_eq!(
            en_stems("the US's sanctions")[..1],
            en_stems("sanctions by the US")[1..],
            "a possessive 's leaves the acronym"
        );
        let [acronym] = en_stems("sanctions by the US")[1..] else {
            panic!("one stem for US");
        };
        let [pronoun] = en_stems("join us")[1..] else {
            panic!("one stem for us");
        };
        assert_ne!(acronym, pronoun);
        assert!(glossed("美国").contains(&acronym), "美国 is glossed US");
        assert!(!glossed("我们").contains(&acronym), "我们 is not");
        // A line in capitals throughout spells ordinary words: they are not acronyms.
        assert_eq!(en_stems("WORLD PEACE"), en_stems("world peace"));
        assert_ne!(en_stems("WWII"), en_stems("wwii"));
    }
}
