//! Names written in pinyin: the English of a Chinese text spells the people and places the
//! dictionary does not know (汪淼 "Wang Miao", 沙瑞山 "Sha Ruishan", a spokesperson, a
//! county) in the toneless pinyin of their characters. A capitalised English word that
//! is a run of pinyin syllables, and a run of Chinese characters that reads so, are then
//! the same name: evidence that the two sentences translate each other which no gloss
//! gives. The readings are CC-CEDICT's for the GB2312 characters
//! (`data/lexicon/han_pinyin.txt`, made by `examples/gen_cedict.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Longest name word matched, in syllables ("Ruishan" is two, "Wenjie" two).
pub const MAX_SYLLABLES: usize = 3;

struct Table {
    /// The readings of each character.
    readings: HashMap<char, Vec<&'static str>>,
    /// Every syllable.
    syllables: HashSet<&'static str>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            readings: HashMap::new(),
            syllables: HashSet::new(),
        };
        for line in crate::data::lines(include_str!("../../data/lexicon/han_pinyin.txt")) {
            let Some((syllable, chars)) = line.split_once('\t') else {
                continue;
            };
            t.syllables.insert(syllable);
            for c in chars.chars() {
                t.readings.entry(c).or_default().push(syllable);
            }
        }
        t
    })
}

/// The toneless readings of a character (empty for one outside GB2312 or not Chinese).
pub fn readings(c: char) -> &'static [&'static str] {
    table().readings.get(&c).map_or(&[], Vec::as_slice)
}

/// The syllables of a lower-case word that is a run of one to [`MAX_SYLLABLES`] pinyin
/// syllables ("ruishan" → rui, shan), taking the longest syllable first where a spelling
/// divides two ways (xian is xian, not xi an, as the apostrophe of Xi'an would say);
/// `None` for any other word.
pub fn syllables(word: &str) -> Option<Vec<&'static str>> {
    let t = table();
    let mut out = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        if out.len() == MAX_SYLLABLES {
            return None;
        }
        let (len, s) = (1..=rest.len().min(6))
            .rev()
            .filter(|&n| rest.is_char_boundary(n))
            .find_map(|n| t.syllables.get(&rest[..n]).map(|s| (n, *s)))?;
        out.push(s);
        rest = &rest[len..];
    }
    (!out.is_empty()).then_some(out)
}

/// Whether the characters `chars` read as `syllables`, one syllable each.
pub fn reads_as(chars: &[char], syllables: &[&str]) -> bool {
    chars.len() == syllables.len()
        && chars
            .iter()
            .zip(syllables)
            .all(|(&c, s)| readings(c).contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_divide_into_syllables_and_characters_read_as_them() {
        assert_eq!(syllables("ruishan"), Some(vec!["rui", "shan"]));
        assert_eq!(syllables("wang"), Some(vec!["wang"]));
        assert_eq!(syllables("xian"), Some(vec!["xian"]));
        assert_eq!(syllables("kazakhstan"), None);
        assert_eq!(syllables("said"), None);
        assert!(reads_as(&['瑞', '山'], &["rui", "shan"]));
        assert!(reads_as(&['汪'], &["wang"]));
        assert!(!reads_as(&['汪'], &["miao"]));
        // A character with two readings reads as either.
        assert!(reads_as(&['长'], &["zhang"]) && reads_as(&['长'], &["chang"]));
    }
}
