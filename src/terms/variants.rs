//! Variants and changes: a Chinese term rendered differently across documents (with the
//! dates of each rendering), an English rendering shared by several Chinese terms, and the
//! rule that decides which rendering is preferred.
//!
//! The preference rule, used by the report, the exports and `--check` alike:
//!
//! * An entry with dated renderings (every bundled entry) follows its list: the preferred
//!   rendering at a date is the one the list records most recently on or before it
//!   ([`Term::rendering_for_date`]). The list is the curated authority, so a new document
//!   still using a superseded rendering is flagged rather than followed.
//! * An entry without dates (a user's glossary line) follows the documents: the preferred
//!   rendering at a date is the one most used by the latest input document on or before
//!   it, and the list's first rendering when no document uses any.
//!
//! So "for mankind" (2024, 2025) is preferred for a 2025 pair, and "for humanity" for a
//! 2026 pair and overall.

use super::known::Hit;
use super::{date_key, Segment};
use crate::lexicon::terms::Term;
use serde::Serialize;

/// A date later than any document's, for "no date: the latest".
const END_OF_TIME: &str = "9999-12-31";

/// The rendering (index into `term.en`) the latest input document on or before `limit`
/// uses most (ties: list order); undated documents count as older than dated ones.
fn latest_document(
    ti: usize,
    term: &Term,
    hits: &[Hit],
    segs: &[Segment],
    limit: &str,
) -> Option<usize> {
    // Per document, in input order: (date key, counts per rendering).
    let mut docs: Vec<(&str, (String, usize), Vec<usize>)> = Vec::new();
    for h in hits.iter().filter(|h| h.term == ti && !h.used.is_empty()) {
        let s = &segs[h.seg];
        if s.date.as_deref().is_some_and(|d| d > limit) {
            continue;
        }
        let i = match docs.iter().position(|d| d.0 == s.doc) {
            Some(i) => i,
            None => {
                docs.push((
                    &s.doc,
                    date_key(s.date.as_deref(), h.seg),
                    vec![0; term.en.len()],
                ));
                docs.len() - 1
            }
        };
        for &r in &h.used {
            if let Some(c) = docs[i].2.get_mut(r) {
                *c += 1;
            }
        }
    }
    let (_, _, counts) = docs.into_iter().max_by(|a, b| a.1.cmp(&b.1))?;
    let max = counts.iter().copied().max()?;
    counts.iter().position(|&c| c == max && c > 0)
}

/// Why a rendering is preferred, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The list dates it most recently (on or before the date asked about).
    ListDate,
    /// The latest document using the term uses it (entries without dates).
    LatestDocument,
    /// Nothing dated applies: the list's first rendering.
    Default,
}

/// The preferred rendering (index into `term.en`) at `date` (`None`: overall), with why.
pub fn preferred_at(
    ti: usize,
    term: &Term,
    hits: &[Hit],
    segs: &[Segment],
    date: Option<&str>,
) -> (usize, Reason) {
    let limit = date.unwrap_or(END_OF_TIME);
    if term.dates.iter().any(|d| !d.is_empty()) {
        if term.dates.iter().flatten().any(|d| d.as_str() <= limit) {
            let r = term.rendering_for_date(limit);
            return (
                term.en.iter().position(|e| e == r).unwrap_or(0),
                Reason::ListDate,
            );
        }
        return (0, Reason::Default);
    }
    match latest_document(ti, term, hits, segs, limit) {
        Some(r) => (r, Reason::LatestDocument),
        None => (0, Reason::Default),
    }
}

/// One rendering of a term that has several, as used in the input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RenderingUse {
    /// The rendering.
    pub en: String,
    /// Pairs using it.
    pub pairs: usize,
    /// Documents using it, in input order.
    pub documents: Vec<String>,
    /// Their dates, ascending, without repeats.
    pub dates: Vec<String>,
    /// Whether it is the preferred rendering overall.
    pub preferred: bool,
}

/// A term rendered in more than one way across the input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The Chinese term.
    pub zh: String,
    /// The renderings used, the most recently used first.
    pub renderings: Vec<RenderingUse>,
    /// The preferred rendering.
    pub preferred: String,
    /// Why it is preferred.
    pub reason: Reason,
}

/// An English rendering used for more than one Chinese term.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SharedEnglish {
    /// The rendering.
    pub en: String,
    /// The Chinese terms rendered so, each with the dates of the documents doing it.
    pub zh: Vec<(String, Vec<String>)>,
}

/// The variant report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Terms rendered differently across the input.
    pub changes: Vec<Change>,
    /// Renderings shared by several Chinese terms.
    pub shared: Vec<SharedEnglish>,
}

/// Builds the variant report from the hits of [`super::known::scan`].
pub fn report(hits: &[Hit], segs: &[Segment], terms: &[Term]) -> Report {
    let mut changes = Vec::new();
    let mut shared: Vec<SharedEnglish> = Vec::new();
    for (ti, term) in terms.iter().enumerate() {
        let mut uses: Vec<(RenderingUse, (String, usize))> = Vec::new();
        for (r, en) in term.en.iter().enumerate() {
            let mut u = RenderingUse {
                en: en.clone(),
                pairs: 0,
                documents: Vec::new(),
                dates: Vec::new(),
                preferred: false,
            };
            let mut latest = date_key(None, 0);
            for h in hits.iter().filter(|h| h.term == ti && h.used.contains(&r)) {
                let s = &segs[h.seg];
                u.pairs += 1;
                if !u.documents.contains(&s.doc) {
                    u.documents.push(s.doc.clone());
                }
                if let Some(d) = &s.date {
                    if !u.dates.contains(d) {
                        u.dates.push(d.clone());
                    }
                }
                latest = latest.max(date_key(s.date.as_deref(), h.seg));
            }
            if u.pairs == 0 {
                continue;
            }
            u.dates.sort();
            match shared.iter_mut().find(|x| x.en.eq_ignore_ascii_case(en)) {
                Some(x) => {
                    if !x.zh.iter().any(|(z, _)| z == &term.zh) {
                        x.zh.push((term.zh.clone(), u.dates.clone()));
                    }
                }
                None => shared.push(SharedEnglish {
                    en: en.clone(),
                    zh: vec![(term.zh.clone(), u.dates.clone())],
                }),
            }
            uses.push((u, latest));
        }
        if uses.len() < 2 {
            continue;
        }
        let (best, reason) = preferred_at(ti, term, hits, segs, None);
        let preferred = term.en.get(best).cloned().unwrap_or_default();
        uses.sort_by(|a, b| b.1.cmp(&a.1));
        let renderings = uses
            .into_iter()
            .map(|(mut u, _)| {
                u.preferred = u.en == preferred;
                u
            })
            .collect();
        changes.push(Change {
            zh: term.zh.clone(),
            renderings,
            preferred,
            reason,
        });
    }
    shared.retain(|s| s.zh.len() > 1);
    Report { changes, shared }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::terms::parse_terms;
    use crate::terms::known::scan;

    fn seg(doc: &str, date: &str, zh: &str, en: &str) -> Segment {
        Segment {
            doc: doc.into(),
            source: doc.into(),
            date: Some(date.into()),
            id: format!("{doc}-0001"),
            zh: zh.into(),
            en: en.into(),
        }
    }

    const LIST: &str = "zh\ten\tcategory\tvariants\tdates\n人类命运共同体\tcommunity with a shared future for mankind\tconcept\tcommunity with a shared future for humanity\tcommunity with a shared future for mankind@2024-03-07\n";

    fn docs() -> Vec<Segment> {
        vec![
            seg(
                "a",
                "2024-03-07",
                "人类命运共同体",
                "a community with a shared future for mankind",
            ),
            seg(
                "b",
                "2025-03-07",
                "人类命运共同体",
                "a community with a shared future for mankind",
            ),
            seg(
                "c",
                "2026-03-08",
                "人类命运共同体",
                "a community with a shared future for humanity",
            ),
        ]
    }

    #[test]
    fn dated_entries_follow_the_list() {
        let list = LIST.replace(
            "mankind@2024-03-07",
            "mankind@2024-03-07|community with a shared future for humanity@2026-03-08",
        );
        let terms = parse_terms(&list, "t").expect("parses");
        let segs = docs();
        let hits = scan(&segs, &terms);
        let rep = report(&hits, &segs, &terms);
        assert_eq!(rep.changes.len(), 1);
        let c = &rep.changes[0];
        assert_eq!(c.preferred, "community with a shared future for humanity");
        assert_eq!(c.reason, Reason::ListDate);
        assert_eq!(c.renderings[0].dates, vec!["2026-03-08"]);
        assert_eq!(c.renderings[1].dates, vec!["2024-03-07", "2025-03-07"]);
        let at = |d| preferred_at(0, &terms[0], &hits, &segs, Some(d)).0;
        assert_eq!(at("2025-12-31"), 0);
        assert_eq!(at("2026-03-08"), 1);
    }

    #[test]
    fn undated_entries_follow_the_latest_document() {
        let terms = parse_terms(
            "zh\ten\tcategory\tvariants\n人类命运共同体\tcommunity with a shared future for mankind\tconcept\tcommunity with a shared future for humanity\n",
            "t",
        )
        .expect("parses");
        let segs = docs();
        let hits = scan(&segs, &terms);
        let rep = report(&hits, &segs, &terms);
        assert_eq!(
            rep.changes[0].preferred,
            "community with a shared future for humanity"
        );
        assert_eq!(rep.changes[0].reason, Reason::LatestDocument);
        assert_eq!(
            preferred_at(0, &terms[0], &hits, &segs, Some("2025-03-07")).0,
            0
        );
    }
}
