//! Phrase Strings term-base CSV.
//!
//! Phrase Strings reads a header of its own column names plus locale codes, in any order;
//! locale codes must match the project's exactly (`en` and `en-US` are different languages
//! to it), so they come from `opts`. Header `term,description,<source>,<target>`: `term` is the
//! identifier Phrase shows (the source-language preferred term), `description` holds the
//! category, variants and where the term was seen, and each locale column holds that
//! language's term. No BOM, which would become part of the `term` header name and hide the
//! column; CRLF; cells neutralized against formula injection, as the file is meant to be
//! opened in a spreadsheet before upload.

use std::io::{self, Write};

use super::{csv_writer, row, summary, term, GlossaryOptions};
use crate::glossary::Entry;

pub(super) fn write<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut w = csv_writer(out, true);
    let (src, tgt) = (opts.source, opts.target());
    row(
        &mut w,
        &["term", "description", opts.code(src), opts.code(tgt)],
        true,
    )?;
    for e in entries {
        let description = summary(e);
        row(
            &mut w,
            &[term(e, src), &description, term(e, src), term(e, tgt)],
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
    fn header_and_neutralized_cells() {
        let opts = GlossaryOptions {
            source: Lang::En,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        export(
            &mut buf,
            GlossaryFormat::Phrase,
            &test_fixture::entries(),
            &opts,
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("term,description,en-US,zh-CN\r\n"));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][0], "community with a shared future for humanity");
        assert_eq!(&rows[0][3], "人类命运共同体");
        assert_eq!(&rows[1][0], "'-Belt and Road");
        assert_eq!(&rows[1][3], "'=一带一路");
    }
}
