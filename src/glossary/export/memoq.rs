//! memoQ term-base CSV.
//!
//! memoQ's CSV import maps columns to term-base fields by header name when "First row
//! contains field names" is ticked, so the header uses memoQ's own export names:
//! `Entry_Subject` (the category) and `Entry_Note` (variants and where the term was seen) at
//! entry level, then for each language a term column named after the language the way memoQ
//! names languages in exports (`Chinese_PRC`, `English_United_States`; the tag itself for
//! languages this tool does not know) followed by its `Term_Example` column. One entry per
//! row, source language first. Variants are kept in the note rather than as extra term
//! columns: they are renderings seen, not approved synonyms. Comma-separated (memoQ's
//! default delimiter), UTF-8 with a BOM when `opts.bom`, CRLF, cells neutralized against
//! formula injection since such files are routinely edited in Excel first.
//!
//! The entry-level names come from memoQ's documented CSV layout; the language column names
//! follow memoQ's export naming, which the stored documentation did not show in full — if
//! memoQ does not recognize them, its import dialog still lets the user map the columns.

use std::io::{self, Write};

use super::{bom, csv_writer, details, language_name, row, term, GlossaryOptions};
use crate::glossary::Entry;

/// memoQ's column name for the terms of language `code`.
pub(crate) fn column_name(code: &str) -> String {
    match language_name(code) {
        Some((lang, Some(region))) => format!("{lang}_{}", region.replace([' ', '.'], "_"))
            .replace("__", "_")
            .trim_end_matches('_')
            .to_string(),
        Some((lang, None)) => lang.to_string(),
        None => code.to_string(),
    }
}

pub(super) fn write<W: Write>(
    mut out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    bom(&mut out, opts.bom)?;
    let mut w = csv_writer(out, true);
    let (src, tgt) = (opts.source, opts.target());
    let (src_col, tgt_col) = (column_name(opts.code(src)), column_name(opts.code(tgt)));
    row(
        &mut w,
        &[
            "Entry_Subject",
            "Entry_Note",
            &src_col,
            "Term_Example",
            &tgt_col,
            "Term_Example",
        ],
        true,
    )?;
    let example = |e: &Entry, lang| match lang {
        crate::model::Lang::Zh => e.example_zh.clone(),
        crate::model::Lang::En => e.example_en.clone(),
    };
    for e in entries {
        let note = details(e);
        row(
            &mut w,
            &[
                &e.category,
                &note,
                term(e, src),
                &example(e, src),
                term(e, tgt),
                &example(e, tgt),
            ],
            true,
        )?;
    }
    w.flush()?;
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use super::column_name;

    #[test]
    fn column_names() {
        assert_eq!(column_name("zh-CN"), "Chinese_PRC");
        assert_eq!(column_name("en-US"), "English_United_States");
        assert_eq!(column_name("zh-HK"), "Chinese_Hong_Kong_S_A_R");
        assert_eq!(column_name("en"), "English");
        assert_eq!(column_name("fr-FR"), "fr-FR");
    }

    #[test]
    fn header_bom_and_rows() {
        let mut buf = Vec::new();
        export(
            &mut buf,
            GlossaryFormat::Memoq,
            &test_fixture::entries(),
            &GlossaryOptions::default(),
        )
        .unwrap();
        assert!(buf.starts_with(
            "\u{FEFF}Entry_Subject,Entry_Note,Chinese_PRC,Term_Example,English_United_States,Term_Example\r\n"
                .as_bytes()
        ));
        let mut r = csv::Reader::from_reader(&buf[3..]);
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][0], "concept");
        assert_eq!(&rows[0][2], "人类命运共同体");
        assert_eq!(&rows[0][3], "构建人类命运共同体。");
        assert_eq!(
            &rows[0][1],
            "variants: community with a shared future for mankind | community of common destiny \
             for mankind; seen in 2 documents, 2013-03-23 to 2024-05-01"
        );
        assert_eq!(&rows[1][2], "'=一带一路");
        assert!(rows[1][1].contains("+B&R"));
    }
}
