//! Glossaries: term pairs (from the bundled list and discovered in aligned text) and their
//! export in the layouts termbases and CAT tools import.
//!
//! [`Entry`] is the plain record both the `terms` command and the exporters work with; the
//! exporters live in [`export`].

pub mod export;

use serde::Serialize;

/// One glossary entry: a Chinese term with its preferred English rendering and everything a
/// terminologist needs to judge it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Entry {
    /// The Chinese term.
    pub zh: String,
    /// The preferred English rendering (the latest document's unless the list says
    /// otherwise).
    pub en: String,
    /// Other English renderings seen, most recent first.
    pub variants: Vec<String>,
    /// Category (concept, initiative, organization, forum, event, treaty, title, person,
    /// place, media, other; `candidate` for discovered pairs).
    pub category: String,
    /// Identifiers of the documents the term occurs in.
    pub documents: Vec<String>,
    /// ISO date of the first document using it, when known.
    pub first_seen: Option<String>,
    /// ISO date of the last document using it, when known.
    pub last_seen: Option<String>,
    /// One aligned pair using it: Chinese side.
    pub example_zh: String,
    /// One aligned pair using it: English side.
    pub example_en: String,
    /// Whether a person vouched for the entry: list entries are reviewed, discovered
    /// candidates are not. Machine-translation glossaries apply every entry blindly, so they
    /// get reviewed entries only unless asked ([`export::GlossaryOptions::include_candidates`]);
    /// the other layouts say the status in a column or note.
    pub status: Status,
    /// For a discovered candidate, the share of candidates with the same kind of evidence
    /// that were judged right by reading (`data/terms/confidence.txt`): how far to trust it
    /// before review. `None` for list entries, which a person chose.
    pub confidence: Option<f64>,
}

/// Whether a glossary entry has been checked by a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// From a term list (the bundled `data/terms.tsv` or the user's `--terms`): someone
    /// chose this rendering.
    #[default]
    Reviewed,
    /// Discovered in aligned text by statistics and not checked: it can be wrong (a
    /// fragment, a lost negation) and must not reach a machine translation unreviewed.
    Unreviewed,
}

impl Status {
    /// The word written in status columns: `reviewed` or `unreviewed`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Reviewed => "reviewed",
            Status::Unreviewed => "unreviewed",
        }
    }
}
