//! XLSX (Office Open XML spreadsheet): the pairs as a worksheet for translators who review
//! in Excel or LibreOffice Calc (LF Aligner hands them an `.xls`; a CSV needs the right
//! import options to keep the Chinese), and the one-table writer the glossary XLSX uses too.
//!
//! The sheet has the columns of the CSV ([`CSV_HEADER`]): texts are strings (never formulas,
//! so a sentence starting with `=` is shown as written, without the `'` the CSV needs), the
//! unit number and the score are numbers (the score shown with three decimals, so that it
//! sorts and filters as a number), the two texts and the examples wrap in wide columns, the
//! header row is bold, frozen and has an autofilter. Control characters are removed as in
//! the other writers ([`clean_xml_text`]).
//!
//! Deterministic: the document's creation date is the export's date (`--date` or
//! `SOURCE_DATE_EPOCH`, [`WriteOptions::creation_date`]), else the latest document date of
//! the pairs, else 1980-01-01 (the zip epoch, which the archive's entries carry too), never
//! the clock; two runs give byte-identical files.

use std::io::{self, Write};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::csv::CSV_HEADER;
use super::{clean_xml_text, WriteOptions, WriteStats};
use crate::model::AlignedDocument;

/// Excel's limit on the characters of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on the rows of one worksheet (the header included).
pub const MAX_ROWS: usize = 1_048_576;

/// One cell of a [`Table`].
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as a string (never read as a formula).
    Text(String),
    /// A number (score, unit), written as a number so that it sorts and filters as one.
    Number(f64),
}

/// How a column looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column<'a> {
    /// Header text.
    pub name: &'a str,
    /// Width in characters (Excel's unit).
    pub width: f64,
    /// Wrap long text inside the cell (for sentences and examples).
    pub wrap: bool,
    /// Number format for numbers in this column (e.g. `0.000`); `None` for general.
    pub number_format: Option<&'a str>,
}

/// A single-sheet workbook: a bold, frozen header row with an autofilter, then rows.
#[derive(Clone, Debug)]
pub struct Table<'a> {
    /// Worksheet name (at most 31 characters, no `[]:*?/\`).
    pub sheet: &'a str,
    /// The columns, in order.
    pub columns: Vec<Column<'a>>,
    /// The data rows; each as long as `columns` or shorter.
    pub rows: Vec<Vec<Cell>>,
    /// The document's creation date, `YYYY-MM-DD` or `YYYYMMDDThhmmssZ`; 1980-01-01 when
    /// `None` or unreadable (see the module documentation).
    pub created: Option<String>,
}

/// The creation date of the workbook from `date` (`YYYY-MM-DD`, or TMX's
/// `YYYYMMDDThhmmssZ`), or 1980-01-01.
fn creation_datetime(date: Option<&str>) -> Result<ExcelDateTime, XlsxError> {
    let (y, m, d, hh, mm, ss) = date_parts(date).unwrap_or((1980, 1, 1, 0, 0, 0));
    ExcelDateTime::from_ymd(y, m, d)?.and_hms(hh, mm, ss)
}

/// Year, month, day, hours, minutes, seconds of a `YYYY-MM-DD` or `YYYYMMDDThhmmssZ` date;
/// `None` when it is neither or not a real date.
fn date_parts(date: Option<&str>) -> Option<(u16, u8, u8, u16, u8, u8)> {
    let date = date?;
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    let shaped = (date.len() == 10 && digits.len() == 8)
        || (date.len() == 16 && digits.len() == 14 && date.ends_with('Z'));
    if !shaped {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<u8>().ok());
    let y: u16 = digits.get(0..4)?.parse().ok()?;
    let (m, d) = (num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = if digits.len() == 14 {
        (num(8..10)?, num(10..12)?, num(12..14)?)
    } else {
        (0, 0, 0)
    };
    let real = ExcelDateTime::from_ymd(y, m, d).is_ok() && hh < 24 && mm < 60 && ss < 60;
    real.then_some((y, m, d, u16::from(hh), mm, ss))
}

/// Turns a writer error into the `io::Error` the writers return, in words a user reads.
fn xlsx_err(e: XlsxError) -> io::Error {
    match e {
        XlsxError::IoError(e) => e,
        other => io::Error::other(format!("cannot write the XLSX file: {other}")),
    }
}

/// Writes `table` as an XLSX workbook to `out`. Fails (naming the limit) when a cell holds
/// more than [`MAX_CELL_CHARS`] characters or there are more than [`MAX_ROWS`] rows,
/// instead of cutting text a translator would not know was cut.
pub fn write_table<W: Write>(mut out: W, table: &Table) -> io::Result<()> {
    if table.rows.len() + 1 > MAX_ROWS {
        return Err(io::Error::other(format!(
            "{} rows do not fit in one worksheet (Excel's limit is {MAX_ROWS}); \
             split the export (one file per document, without --merge)",
            table.rows.len()
        )));
    }
    let mut workbook = Workbook::new();
    let created = creation_datetime(table.created.as_deref()).map_err(xlsx_err)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name(table.sheet).map_err(xlsx_err)?;
    let bold = Format::new().set_bold();
    let formats: Vec<Format> = table
        .columns
        .iter()
        .map(|c| {
            let mut f = Format::new().set_align(FormatAlign::Top);
            if c.wrap {
                f = f.set_text_wrap();
            }
            if let Some(n) = c.number_format {
                f = f.set_num_format(n);
            }
            f
        })
        .collect();
    for (col, c) in table.columns.iter().enumerate() {
        let col = u16::try_from(col).map_err(|_| io::Error::other("too many columns"))?;
        sheet
            .write_string_with_format(0, col, c.name, &bold)
            .map_err(xlsx_err)?;
        sheet.set_column_width(col, c.width).map_err(xlsx_err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        // Fits: checked against MAX_ROWS above.
        let r = u32::try_from(r + 1).map_err(|_| io::Error::other("too many rows"))?;
        for (col, (cell, format)) in row.iter().zip(&formats).enumerate() {
            let col = u16::try_from(col).map_err(|_| io::Error::other("too many columns"))?;
            match cell {
                Cell::Text(t) => {
                    let (t, _) = clean_xml_text(t);
                    if t.is_empty() {
                        continue;
                    }
                    let chars = t.chars().count();
                    if chars > MAX_CELL_CHARS {
                        return Err(io::Error::other(format!(
                            "row {} column {} holds {chars} characters, over Excel's limit of \
                             {MAX_CELL_CHARS} per cell; export it as CSV or TMX",
                            r + 1,
                            table.columns.get(usize::from(col)).map_or("?", |c| c.name)
                        )));
                    }
                    sheet
                        .write_string_with_format(r, col, t.as_ref(), format)
                        .map_err(xlsx_err)?;
                }
                Cell::Number(n) if n.is_finite() => {
                    sheet
                        .write_number_with_format(r, col, *n, format)
                        .map_err(xlsx_err)?;
                }
                Cell::Number(_) => {
                    sheet
                        .write_string_with_format(r, col, "NaN", format)
                        .map_err(xlsx_err)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(0);
    sheet
        .autofilter(0, 0, last_row, last_col)
        .map_err(xlsx_err)?;
    let bytes = workbook.save_to_buffer().map_err(xlsx_err)?;
    out.write_all(&bytes)?;
    out.flush()
}

/// Column widths (characters) and wrapping of the pairs sheet, in [`CSV_HEADER`] order.
const PAIR_COLUMNS: [(f64, bool); 12] = [
    (60.0, true),  // source
    (60.0, true),  // target
    (8.0, false),  // source_lang
    (8.0, false),  // target_lang
    (24.0, false), // document
    (11.0, false), // date
    (14.0, false), // speaker_source
    (14.0, false), // speaker_target
    (6.0, false),  // unit
    (8.0, false),  // kind
    (6.0, false),  // bead
    (7.0, false),  // score
];

/// Writes `docs` as an XLSX workbook with one sheet `pairs`, one row per pair, the CSV's
/// columns (see the module documentation).
pub fn write_xlsx<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    let (src, tgt) = (opts.source, opts.target());
    let mut rows = Vec::new();
    let mut removed_chars = 0;
    for pair in docs.iter().flat_map(|d| &d.pairs) {
        let (source_text, target_text) = (pair.text(src), pair.text(tgt));
        removed_chars += clean_xml_text(&source_text).1 + clean_xml_text(&target_text).1;
        let text = |s: &str| Cell::Text(s.to_string());
        rows.push(vec![
            Cell::Text(source_text),
            Cell::Text(target_text),
            text(opts.lang_code(src)),
            text(opts.lang_code(tgt)),
            text(&pair.doc),
            text(pair.date.as_deref().unwrap_or("")),
            text(pair.speaker(src).unwrap_or("")),
            text(pair.speaker(tgt).unwrap_or("")),
            // Unit numbers are small; f64 holds every one exactly.
            Cell::Number(pair.unit as f64),
            text(pair.kind_name()),
            text(&pair.bead_label()),
            Cell::Number(pair.score),
        ]);
    }
    let columns = CSV_HEADER
        .iter()
        .zip(PAIR_COLUMNS)
        .map(|(&name, (width, wrap))| Column {
            name,
            width,
            wrap,
            number_format: (name == "score").then_some("0.000"),
        })
        .collect();
    let latest = docs
        .iter()
        .flat_map(|d| {
            d.pairs
                .iter()
                .filter_map(|p| p.date.clone())
                .chain(d.date.clone())
        })
        .max();
    let pairs = rows.len();
    let table = Table {
        sheet: "pairs",
        columns,
        rows,
        created: opts.creation_date.clone().or(latest),
    };
    write_table(out, &table)?;
    Ok(WriteStats {
        pairs,
        removed_chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::test_support::doc;

    #[test]
    fn creation_dates() {
        assert_eq!(date_parts(Some("2025-03-07")), Some((2025, 3, 7, 0, 0, 0)));
        assert_eq!(
            date_parts(Some("20250307T101500Z")),
            Some((2025, 3, 7, 10, 15, 0))
        );
        for bad in [
            None,
            Some("2025-02-31"),
            Some("yesterday"),
            Some("2025-3-7"),
        ] {
            assert_eq!(date_parts(bad), None, "{bad:?}");
            assert!(creation_datetime(bad).is_ok());
        }
    }

    #[test]
    fn xlsx_is_a_zip_and_deterministic() {
        let docs = vec![doc()];
        let opts = WriteOptions::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let stats = write_xlsx(&mut a, &docs, &opts).unwrap();
        write_xlsx(&mut b, &docs, &opts).unwrap();
        assert_eq!(stats.pairs, 3);
        assert!(a.starts_with(b"PK\x03\x04"));
        assert_eq!(a, b, "two runs, same bytes");
        let dated = WriteOptions {
            creation_date: Some("20260308T000000Z".into()),
            ..WriteOptions::default()
        };
        let mut c = Vec::new();
        write_xlsx(&mut c, &docs, &dated).unwrap();
        assert_ne!(a, c, "the creation date is in the file");
    }

    #[test]
    fn overlong_cell_is_an_error_not_a_cut() {
        let mut d = doc();
        d.pairs[0].en = vec!["a".repeat(MAX_CELL_CHARS + 1)];
        let err = write_xlsx(Vec::new(), &[d], &WriteOptions::default()).unwrap_err();
        assert!(err.to_string().contains("32767"), "{err}");
    }
}
