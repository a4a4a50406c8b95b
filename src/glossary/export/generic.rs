//! Generic glossary CSV, for people working in a spreadsheet.
//!
//! Header `<zh>,<en>,status,category,variants,documents,first_seen,last_seen,example_zh,example_en`
//! (the first two are `opts.zh_code` and `opts.en_code`), then one row per entry. `status`
//! is `reviewed` (a term-list entry) or `unreviewed` (a discovered candidate), next to the
//! terms so that a reviewer filters on it first. Chinese
//! stays in the first column whatever `opts.source` says: this file is a table of record,
//! not a directional glossary, and scripts reading it should not have to check which column
//! is which. Lists (variants, documents) are joined with `|`, the separator Trados and
//! memoQ imports split synonyms on. UTF-8 with a BOM when `opts.bom` (Excel needs it to read
//! Chinese), RFC 4180 quoting, CRLF, and cells neutralized against formula injection.

use std::io::{self, Write};

use super::{bom, csv_writer, row, variants, GlossaryOptions};
use crate::glossary::Entry;

/// The fixed header names after the two language columns.
pub(crate) const TAIL_HEADER: [&str; 8] = [
    "status",
    "category",
    "variants",
    "documents",
    "first_seen",
    "last_seen",
    "example_zh",
    "example_en",
];

pub(super) fn write<W: Write>(
    mut out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    bom(&mut out, opts.bom)?;
    let mut w = csv_writer(out, true);
    let mut header = vec![opts.zh_code.as_str(), opts.en_code.as_str()];
    header.extend(TAIL_HEADER);
    row(&mut w, &header, true)?;
    for e in entries {
        let vars = variants(e).join("|");
        let docs = e.documents.join("|");
        let cells = [
            e.zh.as_str(),
            e.en.as_str(),
            e.status.name(),
            e.category.as_str(),
            vars.as_str(),
            docs.as_str(),
            e.first_seen.as_deref().unwrap_or(""),
            e.last_seen.as_deref().unwrap_or(""),
            e.example_zh.as_str(),
            e.example_en.as_str(),
        ];
        row(&mut w, &cells, true)?;
    }
    w.flush()?;
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use crate::model::Lang;

    fn run(opts: &GlossaryOptions) -> Vec<u8> {
        let mut buf = Vec::new();
        let w = export(
            &mut buf,
            GlossaryFormat::Csv,
            &test_fixture::entries(),
            opts,
        )
        .unwrap();
        assert!(w.is_empty());
        buf
    }

    #[test]
    fn header_bom_crlf_and_neutralized_cells() {
        let buf = run(&GlossaryOptions::default());
        assert!(
            buf.starts_with("\u{FEFF}zh-CN,en-US,status,category,variants,documents,".as_bytes())
        );
        let text = String::from_utf8(buf[3..].to_vec()).unwrap();
        assert!(text.contains("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][0], "人类命运共同体");
        assert_eq!(
            &rows[0][4],
            "community with a shared future for mankind|community of common destiny for mankind"
        );
        assert_eq!(&rows[1][0], "'=一带一路");
        assert_eq!(&rows[1][1], "'-Belt and Road");
        assert_eq!(&rows[1][4], "'+B&R|@BRI");
        assert_eq!(&rows[2][1], "peace, development, \"fairness\"");
        assert_eq!(&rows[3][1], "tab\tterm");
    }

    #[test]
    fn zh_first_even_from_english_and_no_bom_when_off() {
        let opts = GlossaryOptions {
            source: Lang::En,
            bom: false,
            zh_code: "zh-Hans".into(),
            ..GlossaryOptions::default()
        };
        let buf = run(&opts);
        assert!(buf.starts_with(b"zh-Hans,en-US,status,category"));
    }
}
