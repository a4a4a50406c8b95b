//! Variants and changes: a Chinese term rendered differently across documents (with the
//! dates of each rendering), an English rendering shared by several Chinese terms, and the
//! rule that decides which rendering is preferred.
//!
//! The preference rule, used by the report, the exports and `--check` alike:
//!
//! * An entry without any dates (a user's glossary line) states its preference by its
//!   first rendering: the list says so, whatever the documents do.
//! * Otherwise the evidence is the list's dated renderings plus, for every input document
//!   using the term, the rendering it uses most. The preferred rendering at a date is the
//!   one of the latest evidence on or before that date, the list winning a tie. Overall
//!   (no date) it is the latest evidence of all: the rendering of the latest document,
//!   unless the list records a rendering on that date or later.
//!
//! So "for mankind" (2024, 2025) is preferred for a 2025 pair while "for humanity" is
//! preferred overall once a 2026 document uses it.

use super::known::Hit;
use super::{date_key, Segment};
use crate::lexicon::terms::Term;
use serde::Serialize;

/// A date later than any document's, for "no date: the latest".
const END_OF_TIME: &str = "9999-12-31";

/// One dated piece of evidence for a rendering.
struct Evidence {
    key: (String, usize),
    rendering: usize,
    from_list: bool,
}

/// The evidence for term `ti`: the list's dated renderings and each document's most-used
/// rendering (ties: the one the list gives for that date, else list order).
fn evidence(ti: usize, term: &Term, hits: &[Hit], segs: &[Segment]) -> Vec<Evidence> {
    let mut ev = Vec::new();
    for (r, dates) in term.dates.iter().enumerate() {
        for d in dates {
            ev.push(Evidence {
                key: date_key(Some(d), usize::MAX),
                rendering: r,
                from_list: true,
            });
        }
    }
    // Per document, in input order: (doc, date, first segment, counts per rendering).
    let mut docs: Vec<(&str, Option<&str>, usize, Vec<usize>)> = Vec::new();
    for h in hits.iter().filter(|h| h.term == ti && !h.used.is_empty()) {
        let s = &segs[h.seg];
        let i = match docs.iter().position(|d| d.0 == s.doc) {
            Some(i) => i,
            None => {
                docs.push((&s.doc, s.date.as_deref(), h.seg, vec![0; term.en.len()]));
                docs.len() - 1
            }
        };
        for &r in &h.used {
            if let Some(c) = docs[i].3.get_mut(r) {
                *c += 1;
            }
        }
    }
    for (_, date, first, counts) in docs {
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        let listed =
            date.and_then(|d| term.en.iter().position(|e| e == term.rendering_for_date(d)));
        let rendering = match listed {
            Some(r) if counts[r] == max && !term.dates.iter().all(Vec::is_empty) => r,
            _ => counts.iter().position(|&c| c == max).unwrap_or(0),
        };
        ev.push(Evidence {
            key: date_key(date, first),
            rendering,
            from_list: false,
        });
    }
    ev
}

/// Why a rendering is preferred, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The entry has no dates: its first rendering is the list's choice.
    ListFirst,
    /// The list records it at the latest date.
    ListDate,
    /// The latest document using the term uses it.
    LatestDocument,
    /// No evidence at or before the date: the list's first rendering.
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
    if term.dates.iter().all(Vec::is_empty) {
        return (0, Reason::ListFirst);
    }
    let limit = date.unwrap_or(END_OF_TIME);
    // The list wins a tie: its key carries usize::MAX as the order.
    evidence(ti, term, hits, segs)
        .into_iter()
        .filter(|e| e.key.0.as_str() <= limit)
        .max_by(|a, b| a.key.cmp(&b.key))
        .map_or((0, Reason::Default), |e| {
            let reason = if e.from_list {
                Reason::ListDate
            } else {
                Reason::LatestDocument
            };
            (e.rendering, reason)
        })
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
    fn latest_document_wins_over_older_list_dates() {
        let terms = parse_terms(LIST, "t").expect("parses");
        let segs = docs();
        let hits = scan(&segs, &terms);
        let rep = report(&hits, &segs, &terms);
        assert_eq!(rep.changes.len(), 1);
        let c = &rep.changes[0];
        assert_eq!(c.preferred, "community with a shared future for humanity");
        assert_eq!(c.reason, Reason::LatestDocument);
        assert_eq!(c.renderings[0].dates, vec!["2026-03-08"]);
        assert_eq!(c.renderings[1].dates, vec!["2024-03-07", "2025-03-07"]);
        // At a 2025 date the 2025 document's own rendering is the preferred one.
        assert_eq!(
            preferred_at(0, &terms[0], &hits, &segs, Some("2025-12-31")).0,
            0
        );
    }

    #[test]
    fn undated_entries_keep_the_lists_choice() {
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
            "community with a shared future for mankind"
        );
        assert_eq!(rep.changes[0].reason, Reason::ListFirst);
    }
}
