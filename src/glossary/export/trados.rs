//! Trados MultiTerm: the spreadsheet layout MultiTerm Convert turns into a termbase
//! definition (XDT) and data (XML).
//!
//! MultiTerm Convert's "Spreadsheet or Database" route wants a UTF-8 file whose first row
//! holds the column headers; each header is then declared a language (index) field or a
//! descriptive field. When importing into an existing termbase the headers must equal its
//! field names, and MultiTerm names index fields after the language (`Chinese`, `English`),
//! so those are the language headers (the tag itself for languages this tool does not know).
//! Descriptive fields: `Subject` (category), `Variants` (other renderings, `|`-separated as
//! Trados' own spreadsheet import expects for several values), `Note` (whether the entry is an
//! unreviewed candidate, and where the term was seen), `Context (<language>)` (the example
//! pair). One entry per row, source language first; UTF-8 with a BOM when `opts.bom`, CRLF,
//! cells neutralized against formula injection.

use std::io::{self, Write};

use super::{bom, csv_writer, language_name, notes, row, term, variants, GlossaryOptions};
use crate::glossary::Entry;
use crate::model::Lang;

/// MultiTerm's index-field name for language `code`.
pub(crate) fn column_name(code: &str) -> String {
    language_name(code).map_or_else(|| code.to_string(), |(lang, _)| lang.to_string())
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
    let ctx = |c: &str| format!("Context ({c})");
    row(
        &mut w,
        &[
            &src_col,
            &tgt_col,
            "Subject",
            "Variants",
            "Note",
            &ctx(&src_col),
            &ctx(&tgt_col),
        ],
        true,
    )?;
    let example = |e: &Entry, lang| match lang {
        Lang::Zh => e.example_zh.clone(),
        Lang::En => e.example_en.clone(),
    };
    for e in entries {
        let vars = variants(e).join("|");
        let note = notes(e);
        row(
            &mut w,
            &[
                term(e, src),
                term(e, tgt),
                &e.category,
                &vars,
                &note,
                &example(e, src),
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
    use crate::model::Lang;

    #[test]
    fn header_and_rows() {
        let opts = GlossaryOptions {
            source: Lang::En,
            bom: false,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        export(
            &mut buf,
            GlossaryFormat::Trados,
            &test_fixture::entries(),
            &opts,
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with(
            "English,Chinese,Subject,Variants,Note,Context (English),Context (Chinese)\r\n"
        ));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(&rows[0][1], "人类命运共同体");
        assert_eq!(
            &rows[0][3],
            "community with a shared future for mankind|community of common destiny for mankind"
        );
        assert_eq!(&rows[0][4], "seen in 2 documents, 2013-03-23 to 2024-05-01");
        assert_eq!(&rows[1][0], "'-Belt and Road");
        assert_eq!(&rows[1][3], "'+B&R|@BRI");
    }
}
