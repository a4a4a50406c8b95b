//! Checks no schema expresses: the rules CAT tools depend on (unique ids, one language
//! pair, state/approved consistency, references between inline codes …) plus the
//! well-formedness problems a schema validator reports badly or not at all (forbidden
//! characters, entity references). Every check streams over the file once.

use super::{Diagnostic, XmlFormat};

pub mod bcp47;
mod tbx;
mod tmx;
mod xliff12;
mod xliff2;
pub(crate) mod xml;

/// Findings of the semantic checks for `format`, in file order.
pub fn check(bytes: &[u8], format: XmlFormat) -> Vec<Diagnostic> {
    let mut out = match format {
        XmlFormat::Tmx14 => xml::walk(bytes, &mut tmx::Tmx::default()),
        XmlFormat::Xliff12 => xml::walk(bytes, &mut xliff12::Xliff12::default()),
        XmlFormat::Xliff2 => xml::walk(bytes, &mut xliff2::Xliff2::new(xliff2::CORE_20)),
        XmlFormat::Xliff22 => xml::walk(bytes, &mut xliff2::Xliff2::new(xliff2::CORE_22)),
        XmlFormat::Tbx => xml::walk(bytes, &mut tbx::Tbx::default()),
    };
    out.sort_by(|a, b| (a.line, a.column).cmp(&(b.line, b.column)));
    out
}

/// Conflicting duplicates: the same source with different targets. A CAT tool importing the
/// memory keeps one of them, so the other translation is silently lost.
#[derive(Default)]
pub(crate) struct Duplicates {
    seen: std::collections::HashMap<String, (String, usize)>,
}

impl Duplicates {
    /// Record a pair; returns the line of an earlier pair with the same source and a
    /// different target.
    pub(crate) fn record(&mut self, source: &str, target: &str, line: usize) -> Option<usize> {
        let key = source.split_whitespace().collect::<Vec<_>>().join(" ");
        if key.is_empty() {
            return None;
        }
        let target = target.split_whitespace().collect::<Vec<_>>().join(" ");
        match self.seen.get(&key) {
            Some((t, l)) if *t != target => Some(*l),
            Some(_) => None,
            None => {
                self.seen.insert(key, (target, line));
                None
            }
        }
    }
}
