//! CC-CEDICT as lexical evidence: which English content words a Chinese sentence's words
//! can be glossed by.
//!
//! English words and the words of CC-CEDICT glosses are reduced to the same stem
//! ([`super::stem`]: base form, first five letters), so that "cooperation", "cooperate" and
//! "cooperative" meet, and "said" meets the gloss "to say".
//! Stems are hashed to `u64` so that sentences can be compared without allocating.
//! The dictionary (from the `chinese_dictionary` crate, ~0.4 s to load) is loaded once per
//! process, lazily, on the first Chinese lookup.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

fn stopwords() -> &'static HashSet<String> {
    static STOP: OnceLock<HashSet<String>> = OnceLock::new();
    STOP.get_or_init(|| {
        include_str!("../../data/lexicon/en_stopwords.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect()
    })
}

/// The stem id of a lower-case word.
fn stem_id(word: &str) -> u64 {
    let stem = super::stem::stem(word);
    let mut h = DefaultHasher::new();
    stem.hash(&mut h);
    h.finish()
}

/// The stem id of one lower-case word as the glosses store it, numbers included (`18` is
/// a gloss of 十八, and term discovery reads `18th` as `18`).
pub fn stem_of(word: &str) -> u64 {
    stem_id(word)
}

/// A function word, as written or in its base form ("hath" is "have").
fn is_stopword(stop: &HashSet<String>, word: &str) -> bool {
    stop.contains(word) || stop.contains(super::stem::base_form(word).as_str())
}

/// Content-word stems of a piece of English (function words and single letters dropped).
pub fn en_stems(text: &str) -> Vec<u64> {
    let stop = stopwords();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .filter(|w| {
            w.chars().count() > 1 && w.chars().any(char::is_alphabetic) && !is_stopword(stop, w)
        })
        .map(|w| stem_id(&w))
        .collect()
}

/// One Chinese word of a sentence with the English stems its dictionary glosses offer.
#[derive(Clone, Debug, Default)]
pub struct GlossedWord {
    /// Stems of the gloss words, sorted and de-duplicated.
    pub stems: Vec<u64>,
}

/// Looks Chinese words up in CC-CEDICT and remembers the answers (one per document or
/// worker, so that no lock is shared between threads).
#[derive(Default)]
pub struct Glosser {
    cache: HashMap<String, Vec<u64>>,
}

impl Glosser {
    /// A glosser with an empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The glossed words of a Chinese sentence: CC-CEDICT's longest-match tokenization, each
    /// token with the stems of its glosses. Tokens without a gloss (punctuation, unknown
    /// words) are left out.
    pub fn gloss(&mut self, zh: &str) -> Vec<GlossedWord> {
        let mut out = Vec::new();
        for token in chinese_dictionary::tokenize(zh) {
            if !token.chars().any(crate::parse::is_han) {
                continue;
            }
            let stems = self
                .cache
                .entry(token.to_string())
                .or_insert_with(|| lookup(token));
            if !stems.is_empty() {
                out.push(GlossedWord {
                    stems: stems.clone(),
                });
            }
        }
        out
    }
}

/// Stems of all glosses of a word; for an unknown multi-character token, nothing.
fn lookup(word: &str) -> Vec<u64> {
    let stop = stopwords();
    let mut stems: Vec<u64> = chinese_dictionary::query_by_simplified(word)
        .into_iter()
        .flat_map(|e| e.english.iter())
        .flat_map(|g| {
            // Drop bracketed remarks such as "(literary)" or "[Zhong1 guo2]" and classifier notes.
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
                .map(str::to_lowercase)
                .filter(|w| w.chars().count() > 1 && !is_stopword(stop, w))
                .collect::<Vec<_>>()
        })
        .map(|w| stem_id(&w))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
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
    fn stems_merge_inflections_and_drop_function_words() {
        assert_eq!(en_stems("cooperation"), en_stems("cooperate"));
        assert!(en_stems("the of and to").is_empty());
    }
}
