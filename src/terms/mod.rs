//! Terminology over aligned documents: which rendering each known term got
//! ([`known`]), candidate term pairs the list lacks ([`discover`], in stages: candidate
//! generation in `ngrams`, English rendering in `render`, ranking and confidence in
//! [`rank`]), renderings that changed between documents ([`variants`]), pairs that do not
//! use the preferred rendering ([`check`]), and user term lists in CSV, TSV or TBX
//! ([`list`]).
//!
//! Everything here is a pure function from aligned documents (flattened into
//! [`Segment`]s) to a report, so the command line, the tests and other tools share it.

pub mod check;
pub mod coordination;
pub mod discover;
pub mod known;
pub mod list;
mod ngrams;
pub mod rank;
mod render;
pub mod termlike;
pub mod variants;

use crate::model::AlignedDocument;
use serde::Serialize;

/// One aligned pair as the term reports see it: the texts of both sides and where it
/// comes from. The reports index into a slice of these.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    /// Document identifier.
    pub doc: String,
    /// Where the document was read from (the file, or `EN + ZH` for a pair of files).
    pub source: String,
    /// Document date (ISO), when known.
    pub date: Option<String>,
    /// Pair identifier (`DOC-NNNN`).
    pub id: String,
    /// Chinese side.
    pub zh: String,
    /// English side.
    pub en: String,
}

/// The pairs of `docs` in document order.
pub fn segments(docs: &[AlignedDocument]) -> Vec<Segment> {
    docs.iter()
        .flat_map(|d| {
            d.pairs.iter().map(move |p| Segment {
                doc: d.id.clone(),
                source: d.source.clone(),
                date: d.date.clone().or_else(|| p.date.clone()),
                id: p.id.clone(),
                zh: p.zh_text(),
                en: p.en_text(),
            })
        })
        .collect()
}

/// Sort key for "which is later": dated documents by date; undated ones count as older
/// than any dated one (a date is what makes a rendering current), then input order.
pub(crate) fn date_key(date: Option<&str>, order: usize) -> (String, usize) {
    (date.unwrap_or("").to_string(), order)
}

/// Glossary entries for the exporters: every list entry occurring in the input (preferred
/// rendering per [`variants`], the others seen most recent first, then the list's unused
/// ones), followed by `candidates` with category `candidate`, so that a terminologist can
/// filter the unreviewed pairs in a CAT tool. Each entry's example is a pair using its
/// preferred rendering where there is one.
pub fn glossary_entries(
    hits: &[known::Hit],
    segs: &[Segment],
    terms: &[crate::lexicon::terms::Term],
    candidates: &[discover::Candidate],
) -> Vec<crate::glossary::Entry> {
    use crate::glossary::Entry;
    let mut out = Vec::new();
    for (ti, term) in terms.iter().enumerate() {
        let mine: Vec<&known::Hit> = hits.iter().filter(|h| h.term == ti).collect();
        if mine.is_empty() {
            continue;
        }
        let (best, _) = variants::preferred_at(ti, term, hits, segs, None);
        // Renderings used, by their latest use, most recent first.
        let mut used: Vec<(usize, (String, usize))> = Vec::new();
        for h in &mine {
            for &r in &h.used {
                let k = date_key(segs[h.seg].date.as_deref(), h.seg);
                match used.iter_mut().find(|u| u.0 == r) {
                    Some(u) => u.1 = u.1.clone().max(k),
                    None => used.push((r, k)),
                }
            }
        }
        used.sort_by(|a, b| b.1.cmp(&a.1));
        let mut order: Vec<usize> = used.iter().map(|u| u.0).collect();
        order.extend((0..term.en.len()).filter(|r| !used.iter().any(|u| u.0 == *r)));
        let variants = order
            .into_iter()
            .filter(|&r| r != best)
            .filter_map(|r| term.en.get(r).cloned())
            .collect();
        let mut documents: Vec<String> = Vec::new();
        let mut dates: Vec<&str> = Vec::new();
        for h in &mine {
            let s = &segs[h.seg];
            if !documents.contains(&s.doc) {
                documents.push(s.doc.clone());
            }
            dates.extend(s.date.as_deref());
        }
        let example = mine
            .iter()
            .find(|h| h.used.contains(&best))
            .or(mine.first())
            .map(|h| &segs[h.seg]);
        out.push(Entry {
            zh: term.zh.clone(),
            en: term.en.get(best).cloned().unwrap_or_default(),
            variants,
            category: term.category.clone(),
            documents,
            first_seen: dates.iter().min().map(|d| d.to_string()),
            last_seen: dates.iter().max().map(|d| d.to_string()),
            example_zh: example.map(|s| s.zh.clone()).unwrap_or_default(),
            example_en: example.map(|s| s.en.clone()).unwrap_or_default(),
            status: crate::glossary::Status::Reviewed,
            confidence: None,
        });
    }
    for c in candidates {
        let example = segs.get(c.example);
        out.push(Entry {
            zh: c.zh.clone(),
            en: c.en.clone(),
            variants: Vec::new(),
            category: "candidate".to_string(),
            documents: c.documents.clone(),
            first_seen: c.dates.first().cloned(),
            last_seen: c.dates.last().cloned(),
            example_zh: example.map(|s| s.zh.clone()).unwrap_or_default(),
            example_en: example.map(|s| s.en.clone()).unwrap_or_default(),
            status: crate::glossary::Status::Unreviewed,
            confidence: Some(c.confidence),
        });
    }
    out
}
