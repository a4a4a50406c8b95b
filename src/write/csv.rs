//! CSV (RFC 4180) or TSV: for spreadsheets and for tools whose TM import takes a table.
//!
//! One header row, `source,target,source_lang,target_lang,document,date,speaker_source,
//! speaker_target,unit,kind,bead,score`, then one row per pair; "source" and "target" follow
//! `opts.source`, and the language columns repeat the tags so that a file still says which
//! language is which after columns are moved around. The bead column of a clause pair says
//! which part of which sentence pair it is (`1-1 clause 2/3 of 3-1`,
//! [`crate::model::Pair::bead_label`]). Rows end with CRLF, as RFC 4180 says and as Excel
//! writes them; fields are quoted only when they contain the delimiter, a quote
//! or a line break. `opts.bom` writes a UTF-8 BOM first, which Excel needs to read Chinese
//! as UTF-8; it is off by default because machine consumers would take it as part of the
//! first header name.
//!
//! The file is opened by spreadsheets as often as it is imported by CAT tools, so every
//! cell goes through [`spreadsheet_cell`]: control characters are removed (the same ones
//! the XML writers remove, so CSV and TMX carry the same text; an ESC in a cell can drive
//! a terminal that prints the file), and a cell that a spreadsheet would run as a formula
//! (CSV injection: it starts with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, which
//! spreadsheets read as "text follows" and hide. A CAT tool importing the CSV shows that
//! apostrophe; TMX and XLIFF never carry one.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{clean_xml_text, format_score, WriteOptions, WriteStats};
use crate::model::AlignedDocument;

/// Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, that
/// some spreadsheets strip before looking for one): OWASP's list for CSV injection.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralizes a cell a spreadsheet would run as a formula: a leading `'` when it starts
/// with one of [`FORMULA_STARTS`], so that `=HYPERLINK(…)` in a transcript is shown, not
/// run. Borrows in the usual case.
pub fn neutralize_formula(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell ready for a spreadsheet-bound table: control characters removed (see
/// [`clean_xml_text`]) and a formula start neutralized ([`neutralize_formula`]). Returns
/// the cell and how many characters were removed.
pub fn spreadsheet_cell(s: &str) -> (Cow<'_, str>, usize) {
    let (clean, removed) = clean_xml_text(s);
    let cell = match clean {
        Cow::Borrowed(b) => neutralize_formula(b),
        Cow::Owned(o) => Cow::Owned(neutralize_formula(&o).into_owned()),
    };
    (cell, removed)
}

/// The header row, in column order; exposed so that readers and tests agree on it.
pub const CSV_HEADER: [&str; 12] = [
    "source",
    "target",
    "source_lang",
    "target_lang",
    "document",
    "date",
    "speaker_source",
    "speaker_target",
    "unit",
    "kind",
    "bead",
    "score",
];

/// Writes `docs` as CSV (comma, or tab when `opts.tsv`) to `out`, one row per pair,
/// streaming. Unknown date or speakers are written as empty fields.
pub fn write_csv<W: Write>(
    mut out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    if opts.bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if opts.tsv { b'\t' } else { b',' })
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    let (src, tgt) = (opts.source, opts.target());
    let mut pairs = 0;
    let mut removed_chars = 0;
    for pair in docs.iter().flat_map(|d| &d.pairs) {
        let unit = pair.unit.to_string();
        let score = format_score(pair.score);
        let bead = pair.bead_label();
        let (source_text, target_text) = (pair.text(src), pair.text(tgt));
        let cells = [
            source_text.as_str(),
            target_text.as_str(),
            opts.lang_code(src),
            opts.lang_code(tgt),
            &pair.doc,
            pair.date.as_deref().unwrap_or(""),
            pair.speaker(src).unwrap_or(""),
            pair.speaker(tgt).unwrap_or(""),
            &unit,
            pair.kind_name(),
            &bead,
            &score,
        ];
        // The two texts: what the XML writers would count as removed for this pair.
        let mut removed_here = 0;
        let mut row: Vec<Cow<'_, str>> = Vec::with_capacity(cells.len());
        for (i, cell) in cells.into_iter().enumerate() {
            let (cell, n) = spreadsheet_cell(cell);
            if i < 2 {
                removed_here += n;
            }
            row.push(cell);
        }
        removed_chars += removed_here;
        w.write_record(row.iter().map(|c| c.as_bytes()))?;
        pairs += 1;
    }
    w.flush()?;
    Ok(WriteStats {
        pairs,
        removed_chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::write::test_support::doc;

    fn read(bytes: &[u8], delim: u8) -> Vec<Vec<String>> {
        let mut r = ::csv::ReaderBuilder::new()
            .delimiter(delim)
            .has_headers(false)
            .from_reader(bytes);
        r.records()
            .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn csv_round_trip() {
        let docs = vec![doc()];
        let mut buf = Vec::new();
        let stats = write_csv(&mut buf, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                pairs: 3,
                removed_chars: 2
            }
        );
        assert!(!buf.starts_with("\u{FEFF}".as_bytes()));
        let text = std::str::from_utf8(&buf).unwrap();
        assert!(text.starts_with(
            "source,target,source_lang,target_lang,document,date,speaker_source,speaker_target,unit,kind,bead,score\r\n"
        ));
        let rows = read(&buf, b',');
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], CSV_HEADER);
        for (row, p) in rows[1..].iter().zip(&docs[0].pairs) {
            assert_eq!(row[0], p.zh_text().replace('\u{1}', ""));
            assert_eq!(row[1], p.en_text().replace('\u{1}', ""));
        }
        assert_eq!(rows[1][1], "Press <Conference> & \"Q&A\"");
        assert_eq!(
            rows[3],
            [
                "中方表示“同意”，我们赞同😀。",
                "China said “yes”. We agree 😀.",
                "zh-CN",
                "en-US",
                "d1",
                "2025-03-07",
                "王毅",
                "Wang Yi",
                "3",
                "turn",
                "2-1",
                "0.300"
            ]
        );
        assert_eq!(&rows[1][5..8], ["", "", ""]);
    }

    #[test]
    fn tsv_with_bom_and_english_source() {
        let opts = WriteOptions {
            bom: true,
            tsv: true,
            source: Lang::En,
            ..WriteOptions::default()
        };
        let mut buf = Vec::new();
        write_csv(&mut buf, &[doc()], &opts).unwrap();
        assert!(buf.starts_with(b"\xEF\xBB\xBFsource\ttarget\t"));
        let rows = read(&buf[3..], b'\t');
        assert_eq!(rows[2][0], "Badchar here.", "control character removed");
        assert_eq!(&rows[2][2..4], ["en-US", "zh-CN"]);
        assert_eq!(rows[2][6], "Wang Yi");
    }

    #[test]
    fn cells_are_safe_for_spreadsheets() {
        assert_eq!(spreadsheet_cell("=1+1").0, "'=1+1");
        assert_eq!(spreadsheet_cell("-x").0, "'-x");
        assert_eq!(spreadsheet_cell("@x").0, "'@x");
        assert_eq!(spreadsheet_cell("+86 10").0, "'+86 10");
        assert_eq!(spreadsheet_cell("\u{1b}=cmd").0, "'=cmd");
        assert_eq!(spreadsheet_cell("\u{1b}[31mred"), ("[31mred".into(), 1));
        assert!(matches!(spreadsheet_cell("a=b").0, Cow::Borrowed(_)));
        assert_eq!(neutralize_formula("\tx"), "'\tx");
        assert_eq!(neutralize_formula(""), "");
    }
}
