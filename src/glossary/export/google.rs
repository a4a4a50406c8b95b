//! Google Cloud Translation glossaries (CSV, UTF-8, no BOM, LF line ends).
//!
//! * Unidirectional: two columns, source then target, **no header** (Google reads the first
//!   row as data). Direction follows `opts.source`; with English as the source, variants
//!   become extra rows.
//! * Equivalent term sets: a header row of language codes (`opts` tags, source language
//!   first) plus Google's optional `description` column, then one set per row: the preferred
//!   term in each language and the category/variants summary as the description.
//!
//! Terms are checked like DeepL's (empty, control characters, line breaks refused; edge
//! whitespace trimmed), since a term containing a line break can never match running text,
//! and repeated terms are refused: a source listed twice in a unidirectional glossary, or a
//! term in two equivalent sets, leaves the service to pick one.

use std::collections::HashSet;
use std::io::{self, Write};

use super::deepl::check_term;
use super::{csv_writer, row, shorten, source_forms, summary, term, GlossaryOptions};
use crate::glossary::Entry;

pub(super) fn write_unidirectional<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut w = csv_writer(out, false);
    let (src, tgt) = (opts.source, opts.target());
    let mut seen = HashSet::new();
    for e in entries {
        for (source, _) in source_forms(e, src) {
            let checked = check_term("google", source, None, &mut warnings).and_then(|s| {
                check_term("google", term(e, tgt), None, &mut warnings).map(|t| (s, t))
            });
            match checked {
                Ok((s, t)) if seen.insert(s.to_string()) => row(&mut w, &[s, t], false)?,
                Ok((s, _)) => warnings.push(format!(
                    "google: duplicate source \"{}\" refused (the first is kept)",
                    shorten(s)
                )),
                Err(why) => warnings.push(format!(
                    "google: entry \"{}\" → \"{}\" refused: {why}",
                    shorten(source),
                    shorten(term(e, tgt))
                )),
            }
        }
    }
    w.flush()?;
    Ok(warnings)
}

pub(super) fn write_equivalent<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut w = csv_writer(out, false);
    let (src, tgt) = (opts.source, opts.target());
    row(
        &mut w,
        &[opts.code(src), opts.code(tgt), "description"],
        false,
    )?;
    let mut seen = HashSet::new();
    for e in entries {
        let checked =
            check_term("google-equivalent", term(e, src), None, &mut warnings).and_then(|s| {
                check_term("google-equivalent", term(e, tgt), None, &mut warnings).map(|t| (s, t))
            });
        let (s, t) = match checked {
            Ok(pair) => pair,
            Err(why) => {
                warnings.push(format!(
                    "google-equivalent: entry \"{}\" refused: {why}",
                    shorten(&e.zh)
                ));
                continue;
            }
        };
        if let Some(dup) = [(src, s), (tgt, t)]
            .into_iter()
            .find(|(lang, x)| seen.contains(&(*lang, x.to_string())))
        {
            warnings.push(format!(
                "google-equivalent: \"{}\" is already in another term set; entry refused",
                shorten(dup.1)
            ));
            continue;
        }
        seen.insert((src, s.to_string()));
        seen.insert((tgt, t.to_string()));
        let description = summary(e).replace(['\n', '\r'], " ");
        row(&mut w, &[s, t, &description], false)?;
    }
    w.flush()?;
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use crate::model::Lang;

    fn run(format: GlossaryFormat, source: Lang) -> (String, Vec<String>) {
        let opts = GlossaryOptions {
            source,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        let w = export(&mut buf, format, &test_fixture::entries(), &opts).unwrap();
        (String::from_utf8(buf).unwrap(), w)
    }

    fn records(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn unidirectional_has_no_header() {
        let (text, warnings) = run(GlossaryFormat::Google, Lang::Zh);
        assert!(text.starts_with("人类命运共同体,community with a shared future for humanity\n"));
        let rows = records(&text);
        assert!(rows.iter().all(|r| r.len() == 2));
        assert_eq!(rows[1], ["=一带一路", "-Belt and Road"]);
        // Tab term and control character refused; the long term has no byte limit here.
        assert_eq!(rows.len(), 4);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn unidirectional_english_source() {
        let (text, _) = run(GlossaryFormat::Google, Lang::En);
        let rows = records(&text);
        assert_eq!(
            rows[1],
            [
                "community with a shared future for mankind",
                "人类命运共同体"
            ]
        );
        assert!(rows.iter().any(|r| r[0] == "+B&R" && r[1] == "=一带一路"));
    }

    #[test]
    fn equivalent_header_of_codes() {
        let (text, _) = run(GlossaryFormat::GoogleEquivalent, Lang::Zh);
        assert!(text.starts_with("zh-CN,en-US,description\n"));
        let rows = records(&text);
        assert_eq!(rows[1][0], "人类命运共同体");
        assert!(rows[1][2].contains("variants: community with a shared future for mankind"));
        let (text, _) = run(GlossaryFormat::GoogleEquivalent, Lang::En);
        assert!(text.starts_with("en-US,zh-CN,description\n"));
    }
}
