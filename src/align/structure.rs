//! Structure as evidence: each side of a document becomes one stream of sentences, and every
//! sentence remembers the unit (title, lead, heading, turn) and paragraph it comes from.
//!
//! The dynamic program aligns the two streams as wholes. Unit and paragraph boundaries are
//! soft anchors: a bead that starts where both sides start a unit or a paragraph is cheaper,
//! one that starts a unit on one side only, or swallows a boundary, costs a little more, but
//! nothing forbids it. So when the two sides' structures differ (headings on one side only,
//! paragraphs split differently, no speakers at all), alignment still pairs everything that
//! corresponds instead of losing whole sections.

use super::Bead;
use crate::model::{Lang, Sentence, Transcript, Unit, UnitKind};
use crate::segment;
use std::collections::HashMap;

/// What begins at a sentence: the strongest structural boundary right before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Boundary {
    /// The sentence continues its paragraph.
    None,
    /// The sentence opens a paragraph inside a unit.
    Paragraph,
    /// The sentence opens a unit (title, lead, heading, speaker turn).
    Unit,
}

/// Whether a turn is the principal speaker's (the minister answering) or someone else's:
/// the two sides' labels differ in language, but their roles correspond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Not a turn, or the document has no principal speaker.
    Unknown,
    /// The speaker who holds most turns.
    Principal,
    /// Any other speaker.
    Other,
}

/// One side of a document as the aligner sees it.
#[derive(Clone)]
pub(crate) struct Stream {
    /// The sentences in document order.
    pub sentences: Vec<Sentence>,
    /// Index of the unit each sentence belongs to.
    pub unit: Vec<usize>,
    /// The boundary before each sentence.
    pub boundary: Vec<Boundary>,
    /// The kind of each sentence's unit.
    pub kind: Vec<UnitKind>,
    /// The speaker role of each sentence's unit.
    pub role: Vec<Role>,
}

impl Stream {
    /// The same stream with its sentences in the order `order` (indices into this stream):
    /// the control side of a chance alignment, which reverses the order so that nothing
    /// corresponds in order any more, even when one side holds only part of the other.
    pub fn reordered(&self, order: &[usize]) -> Stream {
        fn pick<T: Clone>(v: &[T], order: &[usize]) -> Vec<T> {
            order.iter().map(|&k| v[k].clone()).collect()
        }
        Stream {
            sentences: pick(&self.sentences, order),
            unit: pick(&self.unit, order),
            boundary: pick(&self.boundary, order),
            kind: pick(&self.kind, order),
            role: pick(&self.role, order),
        }
    }

    /// The stream of one transcript: every unit segmented (or, presplit, one sentence per
    /// paragraph), boundaries and roles recorded.
    pub fn new(t: &Transcript, presplit: bool) -> Stream {
        let principal = principal(t);
        let mut s = Stream {
            sentences: Vec::new(),
            unit: Vec::new(),
            boundary: Vec::new(),
            kind: Vec::new(),
            role: Vec::new(),
        };
        for (ui, u) in t.units.iter().enumerate() {
            let role = match (u.kind, principal, u.speaker.as_deref()) {
                (UnitKind::Turn, Some(p), Some(sp)) if sp == p => Role::Principal,
                (UnitKind::Turn, Some(_), _) => Role::Other,
                _ => Role::Unknown,
            };
            let mut last_para = None;
            let mut first = true;
            for sentence in sentences_of(u, t.lang, presplit) {
                let boundary = if first {
                    Boundary::Unit
                } else if last_para != Some(sentence.paragraph) {
                    Boundary::Paragraph
                } else {
                    Boundary::None
                };
                // In presplit text a paragraph is a sentence: only blank lines (units) mark
                // structure.
                let boundary = if presplit && boundary == Boundary::Paragraph {
                    Boundary::None
                } else {
                    boundary
                };
                first = false;
                last_para = Some(sentence.paragraph);
                s.sentences.push(sentence);
                s.unit.push(ui);
                s.boundary.push(boundary);
                s.kind.push(u.kind);
                s.role.push(role);
            }
        }
        s
    }
}

/// Segment one unit into sentences; in presplit mode each paragraph is one sentence.
pub fn sentences_of(unit: &Unit, lang: Lang, presplit: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in unit.paragraphs.iter().enumerate() {
        let parts = if presplit {
            vec![p.text.trim().to_string()]
        } else {
            segment::split(lang, &p.text)
        };
        for text in parts.into_iter().filter(|t| !t.is_empty()) {
            out.push(Sentence {
                text,
                paragraph: pi,
                line: p.line,
            });
        }
    }
    out
}

/// The speaker who holds most turns on a side (the minister answering questions), when
/// someone holds at least two.
fn principal(t: &Transcript) -> Option<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for u in &t.units {
        if let Some(s) = u.speaker.as_deref() {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [(s, n), ..] if *n >= 2 => Some(s),
        _ => None,
    }
}

/// Soft-anchor weights: what structure adds to (or takes from) a bead's cost.
pub(crate) struct AnchorWeights {
    /// Both sides open a unit at the bead: the structures agree here.
    pub unit_both: f64,
    /// Both open a paragraph (or one a unit, the other a paragraph).
    pub para_both: f64,
    /// One side opens a unit, the other is mid-paragraph.
    pub unit_one: f64,
    /// One side opens a paragraph, the other is mid-paragraph.
    pub para_one: f64,
    /// A unit boundary inside a bead (the bead joins the end of one unit to the next).
    pub unit_inside: f64,
    /// A paragraph boundary inside a bead.
    pub para_inside: f64,
    /// Both open turns, but one is the principal speaker's and the other not.
    pub role_mismatch: f64,
    /// A heading or title paired with running text.
    pub kind_mismatch: f64,
}

/// The weights used: agreement is rewarded modestly and disagreement costs little, so that
/// structure decides between otherwise similar paths but never outweighs clear lexical and
/// length evidence.
pub(crate) const ANCHOR: AnchorWeights = AnchorWeights {
    unit_both: 2.0,
    para_both: 1.0,
    unit_one: 0.8,
    para_one: 0.3,
    unit_inside: 3.0,
    para_inside: 1.5,
    role_mismatch: 6.0,
    kind_mismatch: 1.5,
};

/// The structural cost of a bead of English `i..i+a` and Chinese `j..j+b` (both non-empty).
///
/// Inlined into the search, which asks it for about a million beads on 90 documents: as a
/// call (which LLVM chose) the call and its frame cost a third of its instructions.
#[inline(always)]
pub(crate) fn anchor_cost(en: &Stream, zh: &Stream, bead: Bead) -> f64 {
    let Bead { i, a, j, b } = bead;
    let w = &ANCHOR;
    let (be, bz) = (en.boundary[i], zh.boundary[j]);
    let mut c = match (be, bz) {
        (Boundary::Unit, Boundary::Unit) => -w.unit_both,
        (Boundary::None, Boundary::None) => 0.0,
        (Boundary::Unit, Boundary::None) | (Boundary::None, Boundary::Unit) => w.unit_one,
        (Boundary::Paragraph, Boundary::None) | (Boundary::None, Boundary::Paragraph) => w.para_one,
        _ => -w.para_both,
    };
    for k in i + 1..i + a {
        c += inside(en.boundary[k], w);
    }
    for k in j + 1..j + b {
        c += inside(zh.boundary[k], w);
    }
    if be == Boundary::Unit && bz == Boundary::Unit {
        let (re, rz) = (en.role[i], zh.role[j]);
        if re != Role::Unknown && rz != Role::Unknown && re != rz {
            c += w.role_mismatch;
        }
    }
    let heading = |k: UnitKind| matches!(k, UnitKind::Heading | UnitKind::Title);
    if heading(en.kind[i]) != heading(zh.kind[j]) {
        c += w.kind_mismatch;
    }
    c
}

fn inside(b: Boundary, w: &AnchorWeights) -> f64 {
    match b {
        Boundary::None => 0.0,
        Boundary::Paragraph => w.para_inside,
        Boundary::Unit => w.unit_inside,
    }
}
