//! DeepL glossary entries: CSV, one `source,target` pair per line, no header, no BOM.
//!
//! DeepL's glossary API takes entries "one entry per line, source phrase first" with standard
//! CSV quoting, and rejects the whole glossary when one entry breaks its rules. So entries are
//! checked here and refused one by one, each with a warning, instead: a term must not be
//! empty, must not contain control characters (C0, C1) or Unicode line/paragraph separators,
//! and must be at most 1024 UTF-8 bytes; source terms must be unique; the whole glossary must
//! stay under 10 MiB. Leading and trailing whitespace, which DeepL also refuses, is trimmed
//! (with a warning) since it carries no meaning. Lines end in LF, as in DeepL's examples.
//! Direction follows `opts.source`; when English is the source its variants become extra
//! entries (see the module documentation of `export`).

use std::collections::HashSet;
use std::io::{self, Write};

use super::{csv_writer, row, shorten, source_forms, term, GlossaryOptions};
use crate::glossary::Entry;

/// DeepL's limit on each source or target term, in UTF-8 bytes.
pub(crate) const MAX_TERM_BYTES: usize = 1024;
/// DeepL's limit on a whole glossary, in bytes.
pub(crate) const MAX_GLOSSARY_BYTES: usize = 10 * 1024 * 1024;

/// Checks one term against the rules machine-translation glossaries share (DeepL's, which
/// Google's unidirectional writer reuses without the byte limit): returns the trimmed term,
/// or why it is refused. `note` receives a warning when the term was trimmed.
pub(super) fn check_term<'a>(
    service: &str,
    t: &'a str,
    max_bytes: Option<usize>,
    notes: &mut Vec<String>,
) -> Result<&'a str, String> {
    let trimmed = t.trim();
    if trimmed.is_empty() {
        return Err("empty term".into());
    }
    if let Some(c) = trimmed
        .chars()
        .find(|&c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        let what = match c {
            '\t' => "a tab".to_string(),
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => "a line break".to_string(),
            c => format!("control character U+{:04X}", u32::from(c)),
        };
        return Err(format!("\"{}\" contains {what}", shorten(trimmed)));
    }
    if let Some(max) = max_bytes {
        if trimmed.len() > max {
            return Err(format!(
                "\"{}\" is {} bytes long, over the {max}-byte limit",
                shorten(trimmed),
                trimmed.len()
            ));
        }
    }
    if trimmed.len() != t.len() {
        notes.push(format!(
            "{service}: leading/trailing whitespace trimmed from \"{}\"",
            shorten(trimmed)
        ));
    }
    Ok(trimmed)
}

pub(super) fn write<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut w = csv_writer(out, false);
    let (src, tgt) = (opts.source, opts.target());
    let mut seen = HashSet::new();
    let mut total = 0usize;
    for e in entries {
        for (source, _) in source_forms(e, src) {
            let checked = check_term("deepl", source, Some(MAX_TERM_BYTES), &mut warnings)
                .and_then(|s| {
                    check_term("deepl", term(e, tgt), Some(MAX_TERM_BYTES), &mut warnings)
                        .map(|t| (s, t))
                });
            let (s, t) = match checked {
                Ok(pair) => pair,
                Err(why) => {
                    warnings.push(format!(
                        "deepl: entry \"{}\" → \"{}\" refused: {why}",
                        shorten(source),
                        shorten(term(e, tgt))
                    ));
                    continue;
                }
            };
            if !seen.insert(s.to_string()) {
                warnings.push(format!(
                    "deepl: duplicate source \"{}\" refused (DeepL requires unique source entries; the first is kept)",
                    shorten(s)
                ));
                continue;
            }
            // Upper bound of the line's size: both terms fully quoted, quotes doubled.
            let size = 2 * (s.len() + t.len()) + 6;
            if total + size > MAX_GLOSSARY_BYTES {
                warnings.push(format!(
                    "deepl: entry \"{}\" refused: the glossary would exceed DeepL's 10 MiB limit",
                    shorten(s)
                ));
                continue;
            }
            total += size;
            row(&mut w, &[s, t], false)?;
        }
    }
    w.flush()?;
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use crate::glossary::Entry;
    use crate::model::Lang;

    fn run(entries: &[Entry], source: Lang) -> (String, Vec<String>) {
        let opts = GlossaryOptions {
            source,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        let w = export(&mut buf, GlossaryFormat::Deepl, entries, &opts).unwrap();
        (String::from_utf8(buf).unwrap(), w)
    }

    fn rows(text: &str) -> Vec<(String, String)> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(r.len(), 2);
                (r[0].to_string(), r[1].to_string())
            })
            .collect()
    }

    #[test]
    fn two_columns_refusals_and_warnings() {
        let (text, warnings) = run(&test_fixture::entries(), Lang::Zh);
        assert!(!text.starts_with('\u{FEFF}'));
        assert!(!text.contains('\r'));
        let rows = rows(&text);
        assert_eq!(
            rows[0],
            (
                "人类命运共同体".into(),
                "community with a shared future for humanity".into()
            )
        );
        // Not neutralized: a machine format.
        assert_eq!(rows[1], ("=一带一路".into(), "-Belt and Road".into()));
        assert_eq!(rows[2].1, "peace, development, \"fairness\"");
        assert!(text.contains("\"peace, development, \"\"fairness\"\"\""));
        // Tab term, 1100-byte term and control character refused.
        assert_eq!(rows.len(), 3);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("1024-byte limit")));
        assert!(warnings.iter().any(|w| w.contains("a tab")));
        assert!(warnings.iter().any(|w| w.contains("U+0001")));
    }

    #[test]
    fn english_source_with_variants_and_duplicates() {
        let mut entries = test_fixture::entries();
        entries.push(Entry {
            zh: "命运共同体".into(),
            en: "community with a shared future for mankind".into(),
            ..Entry::default()
        });
        entries.push(Entry {
            zh: " 空格 ".into(),
            en: " spaced ".into(),
            ..Entry::default()
        });
        let (text, warnings) = run(&entries, Lang::En);
        let rows = rows(&text);
        assert_eq!(rows[0].0, "community with a shared future for humanity");
        assert_eq!(
            rows[1],
            (
                "community with a shared future for mankind".into(),
                "人类命运共同体".into()
            )
        );
        assert_eq!(rows[2].0, "community of common destiny for mankind");
        assert!(warnings.iter().any(|w| w.contains("duplicate source")));
        assert!(rows.contains(&("spaced".into(), "空格".into())));
        assert!(warnings.iter().any(|w| w.contains("trimmed")));
        // 1100-byte *target* refused too.
        assert!(!rows.iter().any(|r| r.0 == "long term"));
    }
}
