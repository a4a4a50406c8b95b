//! `--check`: pairs whose English does not use the preferred rendering of a term their
//! Chinese contains, so that a translation memory can be gated on consistent terminology.

use super::known::Hit;
use super::variants::preferred_at;
use super::Segment;
use crate::lexicon::terms::Term;
use serde::Serialize;

/// Which preferred rendering a pair is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The rendering preferred at the pair's document date (see [`super::variants`]):
    /// an official 2025 text using the 2025 rendering is correct for its time.
    AtDate,
    /// The rendering preferred now, for harmonizing a memory on current usage.
    Latest,
}

/// One pair that does not use the preferred rendering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file(s) the document was read from.
    pub file: String,
    /// The pair identifier.
    pub pair: String,
    /// The Chinese term.
    pub zh: String,
    /// The rendering the pair should use.
    pub preferred: String,
    /// The listed renderings it uses instead; empty when it uses none of them.
    pub found: Vec<String>,
}

impl Finding {
    /// What was found, as printed: the renderings, or `none found`.
    pub fn found_text(&self) -> String {
        if self.found.is_empty() {
            "none found".to_string()
        } else {
            self.found.join(" | ")
        }
    }
}

/// Every (pair, term) whose English lacks the term's preferred rendering, in pair order.
pub fn check(hits: &[Hit], segs: &[Segment], terms: &[Term], mode: Mode) -> Vec<Finding> {
    let mut out = Vec::new();
    for h in hits {
        let (Some(term), Some(s)) = (terms.get(h.term), segs.get(h.seg)) else {
            continue;
        };
        let date = match mode {
            Mode::AtDate => s.date.as_deref(),
            Mode::Latest => None,
        };
        let (best, _) = preferred_at(h.term, term, hits, segs, date);
        if h.used.contains(&best) {
            continue;
        }
        out.push(Finding {
            file: s.source.clone(),
            pair: s.id.clone(),
            zh: term.zh.clone(),
            preferred: term.en.get(best).cloned().unwrap_or_default(),
            found: h
                .used
                .iter()
                .filter_map(|&r| term.en.get(r).cloned())
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::terms::parse_terms;
    use crate::terms::known::scan;

    #[test]
    fn flags_old_rendering_in_a_new_document() {
        let terms = parse_terms(
            "zh\ten\tcategory\tvariants\tdates\n人类命运共同体\tcommunity with a shared future for mankind\tconcept\tcommunity with a shared future for humanity\tcommunity with a shared future for mankind@2024-03-07|community with a shared future for humanity@2026-03-08\n",
            "t",
        )
        .expect("parses");
        let seg = |id: &str, date: &str, en: &str| Segment {
            doc: if date < "2026" { "old" } else { "new" }.into(),
            source: "d.txt".into(),
            date: Some(date.into()),
            id: id.into(),
            zh: "构建人类命运共同体。".into(),
            en: en.into(),
        };
        let segs = vec![
            seg(
                "d-1",
                "2024-03-07",
                "a community with a shared future for mankind",
            ),
            seg(
                "d-2",
                "2027-01-01",
                "a community with a shared future for mankind",
            ),
            seg("d-3", "2027-01-01", "a shared future"),
            seg(
                "d-4",
                "2027-01-01",
                "a community with a shared future for humanity",
            ),
        ];
        let hits = scan(&segs, &terms);
        let found = check(&hits, &segs, &terms, Mode::AtDate);
        let ids: Vec<&str> = found.iter().map(|f| f.pair.as_str()).collect();
        // The list dates "humanity" 2026: a 2027 pair is held to it, a 2024 pair is not.
        assert_eq!(ids, vec!["d-2", "d-3"]);
        assert_eq!(found[1].found_text(), "none found");
        let latest = check(&hits, &segs, &terms, Mode::Latest);
        assert_eq!(latest.len(), 3);
    }
}
