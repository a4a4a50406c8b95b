//! Glossary as an XLSX workbook, for terminologists and translators who review in Excel or
//! LibreOffice Calc: the columns of the generic CSV (`<zh>,<en>,status,category,variants,
//! documents,first_seen,last_seen,example_zh,example_en`), one sheet `glossary`, the
//! header frozen with an autofilter (filter `status` on `unreviewed` to review the
//! candidates), examples wrapped. Cells are strings, so nothing needs neutralizing against
//! formulas. The creation date is `opts.creation_date`, else the latest `last_seen`, else
//! 1980-01-01: the same entries give the same bytes (see `write::xlsx`).

use std::io::{self, Write};

use super::{variants, GlossaryOptions};
use crate::glossary::Entry;
use crate::write::{write_table, Cell, Column, Table};

pub(super) fn write<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let col = |name, width, wrap| Column {
        name,
        width,
        wrap,
        number_format: None,
    };
    let columns = vec![
        col(opts.zh_code.as_str(), 24.0, true),
        col(opts.en_code.as_str(), 36.0, true),
        col("status", 11.0, false),
        col("category", 13.0, false),
        col("variants", 36.0, true),
        col("documents", 24.0, true),
        col("first_seen", 11.0, false),
        col("last_seen", 11.0, false),
        col("example_zh", 50.0, true),
        col("example_en", 60.0, true),
    ];
    let rows = entries
        .iter()
        .map(|e| {
            [
                e.zh.clone(),
                e.en.clone(),
                e.status.name().to_string(),
                e.category.clone(),
                variants(e).join("|"),
                e.documents.join("|"),
                e.first_seen.clone().unwrap_or_default(),
                e.last_seen.clone().unwrap_or_default(),
                e.example_zh.clone(),
                e.example_en.clone(),
            ]
            .into_iter()
            .map(Cell::Text)
            .collect()
        })
        .collect();
    let latest = entries.iter().filter_map(|e| e.last_seen.clone()).max();
    let table = Table {
        sheet: "glossary",
        columns,
        rows,
        created: opts.creation_date.clone().or(latest),
    };
    write_table(out, &table)?;
    Ok(Vec::new())
}
