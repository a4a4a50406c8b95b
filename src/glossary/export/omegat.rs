//! OmegaT glossary: a `.utf8` file of `source⇥target⇥comment` lines.
//!
//! OmegaT's TSV reader (`GlossaryReaderTSV`) splits each line on tabs, trims the fields,
//! skips lines starting with `#` and has no quoting, so a tab or line break inside a term
//! would shift or cut the row: such characters become spaces (with a warning). A source term
//! starting with `#` would be read as a comment line and is refused with a warning. The file
//! starts with the comment line OmegaT itself writes for new glossaries, which also names the
//! encoding for readers that look for it. No BOM (the `.utf8` extension already tells OmegaT
//! the encoding), LF line ends. Direction follows `opts.source`; the comment column holds the
//! category, variants and where the term was seen.

use std::io::{self, Write};

use super::{shorten, source_forms, summary, term, GlossaryOptions};
use crate::glossary::Entry;

/// The first line, as OmegaT writes it in the glossaries it creates.
pub(crate) const HEADER: &str = "# Glossary in tab-separated format -*- coding: utf-8 -*-";

/// Replaces the characters OmegaT's TSV reader cannot keep inside a field (tab, CR, LF and
/// the other line separators) with spaces; `None` when nothing changed.
fn flatten(s: &str) -> Option<String> {
    let bad = |c: char| {
        matches!(
            c,
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    s.contains(bad).then(|| s.replace(bad, " "))
}

pub(super) fn write<W: Write>(
    mut out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    writeln!(out, "{HEADER}")?;
    let (src, tgt) = (opts.source, opts.target());
    for e in entries {
        let target = term(e, tgt);
        let base_comment = summary(e);
        for (source, is_variant) in source_forms(e, src) {
            if source.trim().is_empty() {
                warnings.push(format!(
                    "omegat: entry without a {} term skipped (target \"{}\")",
                    src.code(),
                    shorten(target)
                ));
                continue;
            }
            if source.trim_start().starts_with('#') {
                warnings.push(format!(
                    "omegat: \"{}\" refused: OmegaT reads a line starting with '#' as a comment",
                    shorten(source)
                ));
                continue;
            }
            let comment = if is_variant {
                format!("variant of \"{}\"; {base_comment}", term(e, src))
            } else {
                base_comment.clone()
            };
            // Control characters (ESC …) are removed as in every CSV we write; tabs and
            // line breaks become spaces below.
            let mut fields =
                [source, target, &comment].map(|f| crate::write::clean_xml_text(f).0.into_owned());
            for f in fields.iter_mut() {
                if let Some(flat) = flatten(f) {
                    warnings.push(format!(
                        "omegat: tab or line break in \"{}\" replaced by a space",
                        shorten(f)
                    ));
                    *f = flat;
                }
            }
            writeln!(out, "{}\t{}\t{}", fields[0], fields[1], fields[2])?;
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use super::HEADER;
    use crate::glossary::Entry;
    use crate::model::Lang;

    fn run(entries: &[Entry], source: Lang) -> (String, Vec<String>) {
        let opts = GlossaryOptions {
            source,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        let w = export(&mut buf, GlossaryFormat::Omegat, entries, &opts).unwrap();
        (String::from_utf8(buf).unwrap(), w)
    }

    #[test]
    fn zh_to_en_three_columns() {
        let (text, warnings) = run(&test_fixture::entries(), Lang::Zh);
        assert!(!text.starts_with('\u{FEFF}'));
        assert!(!text.contains('\r'));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines.len(), 7);
        let f: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(f.len(), 3);
        assert_eq!(f[0], "人类命运共同体");
        assert_eq!(f[1], "community with a shared future for humanity");
        assert!(f[2].contains("variants: community with a shared future for mankind"));
        // No formula neutralization in a machine format.
        assert!(lines[2].starts_with("=一带一路\t-Belt and Road\t"));
        // Tabs flattened, with warnings.
        assert!(lines[4].starts_with("制表 符\ttab term\t"));
        assert_eq!(warnings.len(), 2);
        for l in &lines[1..] {
            assert_eq!(l.split('\t').count(), 3, "{l}");
        }
    }

    #[test]
    fn en_to_zh_lists_variants_as_sources() {
        let (text, _) = run(&test_fixture::entries(), Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[1].starts_with("community with a shared future for humanity\t人类命运共同体\t")
        );
        assert!(lines[2]
            .starts_with("community with a shared future for mankind\t人类命运共同体\tvariant of"));
        assert!(lines[3].starts_with("community of common destiny for mankind\t人类命运共同体\t"));
    }

    #[test]
    fn hash_source_refused() {
        let e = Entry {
            zh: "#话题".into(),
            en: "hashtag".into(),
            ..Entry::default()
        };
        let (text, warnings) = run(&[e], Lang::Zh);
        assert_eq!(text.lines().count(), 1);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("comment"));
    }
}
