//! CSV (RFC 4180) or TSV: for spreadsheets and for tools whose TM import takes a table.
//!
//! One header row, `source,target,source_lang,target_lang,document,date,speaker_source,
//! speaker_target,unit,kind,bead,score`, then one row per pair; "source" and "target" follow
//! `opts.source`, and the language columns repeat the tags so that a file still says which
//! language is which after columns are moved around. Rows end with CRLF, as RFC 4180 says
//! and as Excel writes them; fields are quoted only when they contain the delimiter, a quote
//! or a line break. `opts.bom` writes a UTF-8 BOM first, which Excel needs to read Chinese
//! as UTF-8; it is off by default because machine consumers would take it as part of the
//! first header name. Text is written as is: CSV has no forbidden characters, so
//! `removed_chars` stays 0.

use std::io::{self, Write};

use super::{format_score, WriteOptions, WriteStats};
use crate::model::AlignedDocument;

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
    for pair in docs.iter().flat_map(|d| &d.pairs) {
        let unit = pair.unit.to_string();
        let score = format_score(pair.score);
        let bead = pair.bead();
        w.write_record([
            pair.text(src).as_str(),
            pair.text(tgt).as_str(),
            opts.lang_code(src),
            opts.lang_code(tgt),
            &pair.doc,
            pair.date.as_deref().unwrap_or(""),
            pair.speaker(src).unwrap_or(""),
            pair.speaker(tgt).unwrap_or(""),
            &unit,
            pair.kind.name(),
            &bead,
            &score,
        ])?;
        pairs += 1;
    }
    w.flush()?;
    Ok(WriteStats {
        pairs,
        removed_chars: 0,
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
                removed_chars: 0
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
            assert_eq!(row[0], p.zh_text());
            assert_eq!(row[1], p.en_text());
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
        assert_eq!(rows[2][0], "Bad\u{1}char here.");
        assert_eq!(&rows[2][2..4], ["en-US", "zh-CN"]);
        assert_eq!(rows[2][6], "Wang Yi");
    }
}
