//! Mending English words hyphenated at a line end: keep the hyphen of a compound
//! (`land-` / `based` → "land-based"), drop the hyphen that only broke a word
//! (`im-` / `portant` → "important").
//!
//! PDFs and page-chunked transcripts break lines inside words, and the hyphen at the end
//! of the line is either the word's own or the typesetter's. No single rule tells them
//! apart, so the decision weighs evidence, strongest first:
//!
//! 1. the shape of the break: a fragment that already holds a hyphen (`head-of-`) or a
//!    continuation that starts with a capital (`Asia-` / `Pacific`) keeps the hyphen;
//! 2. the document itself: the same word written elsewhere in running text, hyphenated
//!    ("land-based") or joined ("landbased"), decides by the more frequent form;
//! 3. the vocabulary ([`crate::lexicon::words`]): a listed compound ("land-based") keeps
//!    the hyphen, a joined word that exists ("important", "multilateral") drops it;
//! 4. the prefixes of `data/layout/en_hyphen_prefixes.txt` ("non-", "self-") keep it;
//! 5. two halves that are both words ("land", "based") whose join is not keep it;
//! 6. anything else (a syllable such as "portant") was a typesetter's break: dropped.

use crate::lexicon::words::{is_listed, is_word};
use crate::lexicon::{lowercase_into, IdMap};
use std::sync::OnceLock;

/// Prefixes after which a line-end hyphen is the word's own (`data/layout/en_hyphen_prefixes.txt`).
fn prefixes() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        crate::data::lines(include_str!("../data/layout/en_hyphen_prefixes.txt"))
            .map(str::to_lowercase)
            .collect()
    })
}

/// How a document writes its words in running text: the evidence of step 2. Words at a
/// line end with a trailing hyphen are not counted (they are what is being decided).
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    /// Occurrences of each lower-case word. Only looked up, so the hasher (the crate's
    /// cheap one, not SipHash: every word of every line is counted) never shows in output.
    counts: IdMap<String, usize>,
}

impl Evidence {
    /// Evidence from the lines of one document.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut e = Evidence::default();
        for line in lines {
            e.add(line);
        }
        e
    }

    /// Count the words of one more line.
    pub fn add(&mut self, line: &str) {
        // Each word is lowercased into one reused buffer and allocated only the first time
        // it is counted (most words of a document recur).
        let mut lower = String::new();
        for w in line.split(|c: char| !c.is_alphabetic() && c != '-') {
            let w = w.trim_start_matches('-');
            if w.is_empty() || w.ends_with('-') {
                continue;
            }
            lowercase_into(&mut lower, w);
            match self.counts.get_mut(lower.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(lower.clone(), 1);
                }
            }
        }
    }

    fn count(&self, word: &str) -> usize {
        self.counts.get(word).copied().unwrap_or(0)
    }
}

/// Whether the hyphen of `fragment-` at a line end, followed by `next` (the first word of
/// the next line, letters only), belongs to the word (see the module documentation).
pub fn keep_hyphen(fragment: &str, next: &str, evidence: &Evidence) -> bool {
    if fragment.is_empty() || fragment.contains('-') || next.is_empty() {
        return true;
    }
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let (f, n) = (fragment.to_lowercase(), next.to_lowercase());
    let hyphenated = format!("{f}-{n}");
    let joined = format!("{f}{n}");
    let (h, j) = (evidence.count(&hyphenated), evidence.count(&joined));
    if h != j {
        return h > j;
    }
    if is_listed(&hyphenated) {
        return true;
    }
    if is_word(&joined) {
        return false;
    }
    if prefixes().contains(&f) {
        return true;
    }
    f.chars().count() >= 2 && is_word(&f) && is_word(&n)
}

/// Join two lines of English: with a space, or at a line-end hyphen either keeping the
/// hyphen or mending the word, as [`keep_hyphen`] decides with the document's `evidence`.
pub fn join_en(left: &str, right: &str, evidence: &Evidence) -> String {
    let l = left.trim_end();
    let r = right.trim_start();
    let Some(stem) = l.strip_suffix('-') else {
        return format!("{l} {r}");
    };
    let fragment = stem
        .rsplit(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    let next: &str = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if fragment.chars().next().is_some_and(char::is_alphabetic)
        && !keep_hyphen(fragment, next, evidence)
    {
        format!("{stem}{r}")
    } else {
        format!("{l}{r}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(l: &str, r: &str) -> String {
        join_en(l, r, &Evidence::default())
    }

    #[test]
    fn vocabulary_decides_without_other_evidence() {
        assert_eq!(
            join("made four im-", "portant visits"),
            "made four important visits"
        );
        assert_eq!(
            join("reduce land-", "based pollution"),
            "reduce land-based pollution"
        );
        assert_eq!(join("more multi-", "lateral"), "more multilateral");
        assert_eq!(
            join("basis of non-", "confrontation"),
            "basis of non-confrontation"
        );
        assert_eq!(join("head-of-", "state"), "head-of-state");
        assert_eq!(join("the Asia-", "Pacific"), "the Asia-Pacific");
        assert_eq!(join("a", "big party"), "a big party");
        assert_eq!(join("ends with 2-", "3 times"), "ends with 2-3 times");
    }

    #[test]
    fn the_document_outweighs_the_vocabulary() {
        let e = Evidence::from_lines(["our co-operation is", "co-operation, again"]);
        assert_eq!(
            join_en("deepen co-", "operation", &e),
            "deepen co-operation"
        );
        let e = Evidence::from_lines(["the landbased units"]);
        assert_eq!(join_en("land-", "based", &e), "landbased");
        // The fragment at the line end is not evidence for itself.
        let e = Evidence::from_lines(["reduce land-", "based"]);
        assert_eq!(join_en("reduce land-", "based", &e), "reduce land-based");
    }
}
