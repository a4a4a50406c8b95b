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
    out.sort_by_key(|d| (d.line, d.column));
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

#[cfg(test)]
mod tests {
    /// Every rule name the checks emit is described in `data/validate/rules.tsv`, the
    /// table users and the docs read.
    #[test]
    fn every_rule_is_documented() {
        let table = include_str!("../../data/validate/rules.tsv");
        let documented: Vec<&str> = table.lines().filter_map(|l| l.split('\t').next()).collect();
        let sources = [
            include_str!("checks/xml.rs"),
            include_str!("checks/tmx.rs"),
            include_str!("checks/xliff12.rs"),
            include_str!("checks/xliff2.rs"),
            include_str!("checks/tbx.rs"),
        ];
        for src in sources {
            let errors = src.split("sink.error(").skip(1);
            for part in errors.chain(src.split("sink.warning(").skip(1)) {
                let Some(rule) = part.split('"').nth(1) else {
                    continue;
                };
                if part
                    .split('"')
                    .next()
                    .is_some_and(|before| before.contains(')'))
                {
                    continue;
                }
                assert!(
                    documented.contains(&rule),
                    "rule {rule} is not in rules.tsv"
                );
            }
        }
    }
}
