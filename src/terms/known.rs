//! Known terms: for every list entry whose Chinese occurs in an aligned pair, which of its
//! English renderings that pair uses, counted per document.

use super::Segment;
use crate::lexicon::cedict;
use crate::lexicon::terms::{Term, TermIndex};
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// One occurrence of a listed term in a pair: the term, the pair, and which renderings
/// (indexes into `Term::en`) the pair's English uses. Empty `used` means the translation
/// renders the term some other way (or leaves it out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the term list.
    pub term: usize,
    /// Index into the segments.
    pub seg: usize,
    /// Renderings found in the English side, in list order.
    pub used: Vec<usize>,
}

/// Where a pair's English uses a rendering: (rendering, first word, end word).
type Span = (usize, usize, usize);

/// Every listed term found in every pair's Chinese, in pair order. The index is built
/// once for the whole run; Chinese matching is leftmost-longest, so 人类命运共同体 is not
/// also counted as 命运共同体. On the English side likewise, a rendering counts as used
/// only where it is not inside the longer rendering of another term of the same pair: in
/// a pair naming both 睦邻友好 and 中俄睦邻友好合作条约, the treaty's "Treaty of
/// Good-Neighborliness and Friendly Cooperation" is not a use of 睦邻友好's rendering.
///
/// A term written only as a piece of a longer word is not used either: 中国 in 中国人
/// ("Chinese") or 发展中国家 ("developing countries"), 中国共产党 in 中国共产党人 ("Chinese
/// Communists", a person noun the dictionary lacks: [`before_agent_suffix`]). The longer
/// word has its own rendering, which need not hold the term's, so holding the pair to it
/// would raise false alarms in `--check`.
pub fn scan(segs: &[Segment], terms: &[Term]) -> Vec<Hit> {
    let index = TermIndex::new(terms);
    let mut hits = Vec::new();
    for (seg, s) in segs.iter().enumerate() {
        let found: Vec<(usize, Vec<Span>)> = index
            .find_in_zh(&s.zh)
            .into_iter()
            .filter(|t| !only_inside_words(&s.zh, &t.zh))
            .filter_map(|t| {
                let term = terms.iter().position(|x| std::ptr::eq(x, t))?;
                Some((term, t.rendering_spans(&s.en)))
            })
            .collect();
        for (k, (term, spans)) in found.iter().enumerate() {
            let inside_other = |&(_, a, b): &Span| {
                found.iter().enumerate().any(|(j, (other, theirs))| {
                    j != k
                        && other != term
                        && theirs
                            .iter()
                            .any(|&(_, c, d)| c <= a && b <= d && d - c > b - a)
                })
            };
            let mut used: Vec<usize> = spans
                .iter()
                .filter(|sp| !inside_other(sp))
                .map(|sp| sp.0)
                .collect();
            used.sort_unstable();
            used.dedup();
            hits.push(Hit {
                term: *term,
                seg,
                used,
            });
        }
    }
    hits
}

/// The longest dictionary word ([`cedict::is_headword`]) looked for across a term's edge.
const MAX_WORD_CHARS: usize = 8;

/// Whether every occurrence of the term `term` in `zh` is a piece of a longer word: a
/// CC-CEDICT word that shares two characters or more with the occurrence and runs past one
/// of its edges (中国 in 中国人 and in 发展中国家, 中国外交 in 中国外交政策 with 外交政策), or
/// a person noun the term makes with a suffix ([`before_agent_suffix`]: 中国共产党人). A
/// word sharing one character only is no evidence: greedy segmentation reads 在世
/// ("alive") across 在世界 and 民和 (a place) across 人民和. A term the text never writes as
/// such (its Chinese matched only after normalisation) counts as used.
fn only_inside_words(zh: &str, term: &str) -> bool {
    let text: Vec<char> = zh.chars().collect();
    let key: Vec<char> = term.chars().collect();
    if key.is_empty() || key.len() > text.len() {
        return false;
    }
    let starts: Vec<usize> = (0..=text.len() - key.len())
        .filter(|&i| text[i..i + key.len()] == key[..])
        .collect();
    let inside_word = |i: usize| {
        let j = i + key.len();
        (i.saturating_sub(MAX_WORD_CHARS)..j).any(|p| {
            (p + 2..=text.len().min(p + MAX_WORD_CHARS)).any(|q| {
                let shared = q.min(j).saturating_sub(p.max(i));
                (p < i || q > j) && shared >= 2 && {
                    let w: String = text[p..q].iter().collect();
                    cedict::is_headword(&w)
                }
            })
        })
    };
    !starts.is_empty()
        && starts
            .into_iter()
            .all(|i| inside_word(i) || before_agent_suffix(&text, i + key.len()))
}

/// Whether `text[end]` is a suffix making a person noun of the word before it
/// (`data/terms/zh_agent_suffixes.txt`: 人 of 中国共产党人 "Chinese Communists", 者 of
/// 多边主义者 "multilateralists"), and not the first character of a longer CC-CEDICT word
/// (人民 of 全球南方人民): a person noun the dictionary lacks, which the
/// English renders as a person, not by the term's rendering.
fn before_agent_suffix(text: &[char], end: usize) -> bool {
    static SUFFIXES: OnceLock<HashSet<String>> = OnceLock::new();
    let suffixes = SUFFIXES
        .get_or_init(|| crate::data::words(include_str!("../../data/terms/zh_agent_suffixes.txt")));
    let Some(&c) = text.get(end) else {
        return false;
    };
    suffixes.contains(c.to_string().as_str())
        && !(end + 2..=text.len().min(end + MAX_WORD_CHARS)).any(|q| {
            let w: String = text[end..q].iter().collect();
            cedict::is_headword(&w)
        })
}

/// Pairs of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocCount {
    /// Document identifier.
    pub doc: String,
    /// Document date, when known.
    pub date: Option<String>,
    /// Number of pairs.
    pub pairs: usize,
}

/// How often one rendering (or none of them) was used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RenderingCount {
    /// The rendering as listed; `None` for pairs that use none of the listed renderings.
    pub en: Option<String>,
    /// Pairs using it.
    pub pairs: usize,
    /// The same per document, in input order.
    pub by_doc: Vec<DocCount>,
}

/// The report line of one term found in the input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KnownTerm {
    /// The Chinese form as listed.
    pub zh: String,
    /// The list's category.
    pub category: String,
    /// Pairs whose Chinese contains the term.
    pub pairs: usize,
    /// Renderings used, in list order, then the pairs using none (if any). A pair using
    /// two renderings ("Communist Party of China (CPC)") counts for both.
    pub renderings: Vec<RenderingCount>,
}

fn add(counts: &mut Vec<DocCount>, s: &Segment) {
    match counts.iter_mut().find(|c| c.doc == s.doc) {
        Some(c) => c.pairs += 1,
        None => counts.push(DocCount {
            doc: s.doc.clone(),
            date: s.date.clone(),
            pairs: 1,
        }),
    }
}

/// The known-term table: one line per term found, most frequent first (ties in list
/// order, which groups related terms as the list does).
pub fn report(hits: &[Hit], segs: &[Segment], terms: &[Term]) -> Vec<KnownTerm> {
    let mut out: Vec<(usize, KnownTerm)> = Vec::new();
    for (ti, term) in terms.iter().enumerate() {
        let mine: Vec<&Hit> = hits.iter().filter(|h| h.term == ti).collect();
        if mine.is_empty() {
            continue;
        }
        let mut renderings: Vec<RenderingCount> = Vec::new();
        for (ri, en) in term.en.iter().enumerate() {
            let mut rc = RenderingCount {
                en: Some(en.clone()),
                pairs: 0,
                by_doc: Vec::new(),
            };
            for h in mine.iter().filter(|h| h.used.contains(&ri)) {
                rc.pairs += 1;
                add(&mut rc.by_doc, &segs[h.seg]);
            }
            if rc.pairs > 0 {
                renderings.push(rc);
            }
        }
        let mut none = RenderingCount {
            en: None,
            pairs: 0,
            by_doc: Vec::new(),
        };
        for h in mine.iter().filter(|h| h.used.is_empty()) {
            none.pairs += 1;
            add(&mut none.by_doc, &segs[h.seg]);
        }
        if none.pairs > 0 {
            renderings.push(none);
        }
        out.push((
            ti,
            KnownTerm {
                zh: term.zh.clone(),
                category: term.category.clone(),
                pairs: mine.len(),
                renderings,
            },
        ));
    }
    out.sort_by(|a, b| b.1.pairs.cmp(&a.1.pairs).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::terms::parse_terms;

    fn seg(doc: &str, date: &str, zh: &str, en: &str) -> Segment {
        Segment {
            doc: doc.into(),
            source: format!("{doc}.txt"),
            date: Some(date.into()),
            id: format!("{doc}-0001"),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The entries of a term list written as TSV.
    fn list(tsv: &str) -> Vec<Term> {
        parse_terms(tsv, "t").expect("parses")
    }

    /// A rendering used only inside a longer term's rendering (a treaty's name) is not a
    /// use of the shorter term; where the shorter one stands on its own it is.
    #[test]
    fn a_name_is_not_a_use_of_the_phrase_inside_it() {
        let terms = list("zh\ten\tcategory\tvariants\n睦邻友好\tgood-neighborliness\tconcept\tgood neighbourhood\n睦邻友好条约\tTreaty of Good-Neighborliness\ttreaty\n");
        let segs = vec![
            seg(
                "a",
                "2024-01-01",
                "睦邻友好条约体现睦邻友好。",
                "The Treaty of Good-Neighborliness embodies good neighbourhood.",
            ),
            seg(
                "b",
                "2025-01-01",
                "睦邻友好条约体现睦邻友好。",
                "The Treaty of Good-Neighborliness embodies friendship.",
            ),
            seg("c", "2026-01-01", "睦邻友好。", "Good-neighborliness."),
        ];
        let hits = scan(&segs, &terms);
        let used: Vec<(usize, Vec<usize>)> = hits
            .iter()
            .filter(|h| h.term == 0)
            .map(|h| (h.seg, h.used.clone()))
            .collect();
        assert_eq!(used, vec![(0, vec![1]), (1, vec![]), (2, vec![0])]);
    }

    /// A term written only inside a longer dictionary word (中国 in 中国人, 发展中国家 and
    /// 中国梦) is not a use of it; written on its own in the same pair, or beside a word
    /// that shares one character with it only (在世 across 在世界), it is.
    #[test]
    fn a_term_inside_a_longer_word_is_not_used() {
        let terms = list("zh\ten\tcategory\n中国\tChina\tplace\n世界\tworld\tconcept\n");
        let segs = vec![
            seg(
                "a",
                "2024-01-01",
                "每一个中国人都有中国梦。",
                "Every Chinese has a dream.",
            ),
            seg("b", "2024-01-01", "发展中国家。", "Developing countries."),
            seg(
                "c",
                "2024-01-01",
                "中国人和中国。",
                "The Chinese and China.",
            ),
            seg("d", "2024-01-01", "在世界上。", "In the world."),
        ];
        let hits: Vec<(usize, usize)> = scan(&segs, &terms)
            .iter()
            .map(|h| (h.seg, h.term))
            .collect();
        assert_eq!(hits, vec![(2, 0), (3, 1)]);
    }

    /// A term before a suffix making a person noun of it (中国共产党人 "Chinese Communists",
    /// a noun CC-CEDICT lacks) is not used; before a longer word beginning with the same
    /// character (全球南方人民 "peoples of the Global South") it is.
    #[test]
    fn a_term_making_a_person_noun_is_not_used() {
        let terms = list(
            "zh\ten\tcategory\n中国共产党\tCommunist Party of China\torganization\n全球南方\tGlobal South\tconcept\n多边主义\tmultilateralism\tconcept\n",
        );
        let segs = vec![
            seg(
                "a",
                "2024-01-01",
                "中国共产党人不忘初心。",
                "Chinese Communists stay true to their aspiration.",
            ),
            seg(
                "b",
                "2024-01-01",
                "全球南方人民团结。",
                "The peoples of the Global South unite.",
            ),
            seg(
                "c",
                "2024-01-01",
                "多边主义者和多边主义。",
                "Multilateralists and multilateralism.",
            ),
        ];
        let hits: Vec<(usize, usize)> = scan(&segs, &terms)
            .iter()
            .map(|h| (h.seg, h.term))
            .collect();
        assert_eq!(hits, vec![(1, 1), (2, 2)]);
    }

    #[test]
    fn counts_renderings_and_misses() {
        let terms = list("zh\ten\tcategory\tvariants\n中国共产党\tCommunist Party of China\torganization\tCPC\n全球南方\tGlobal South\tconcept\n");
        let segs = vec![
            seg("a", "2024-01-01", "中国共产党领导。", "The CPC leads."),
            seg(
                "a",
                "2024-01-01",
                "中国共产党。",
                "The Communist Party of China (CPC).",
            ),
            seg("b", "2025-01-01", "中国共产党。", "The Party."),
            seg("b", "2025-01-01", "全球南方。", "The Global South."),
        ];
        let hits = scan(&segs, &terms);
        let rep = report(&hits, &segs, &terms);
        assert_eq!(rep[0].zh, "中国共产党");
        assert_eq!(rep[0].pairs, 3);
        let counts: Vec<(Option<&str>, usize)> = rep[0]
            .renderings
            .iter()
            .map(|r| (r.en.as_deref(), r.pairs))
            .collect();
        assert_eq!(
            counts,
            vec![
                (Some("Communist Party of China"), 1),
                (Some("CPC"), 2),
                (None, 1)
            ]
        );
        assert_eq!(rep[0].renderings[2].by_doc[0].doc, "b");
        assert_eq!(rep[1].zh, "全球南方");
    }
}
