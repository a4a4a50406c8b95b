//! Writers: TMX 1.4b, XLIFF 1.2, XLIFF 2.1, CSV/TSV. STUB: to be implemented.
use crate::model::{AlignedDocument, Lang};

/// Output formats `export` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// TMX 1.4b.
    Tmx,
    /// XLIFF 1.2 (strict schema).
    Xliff12,
    /// XLIFF 2.1 core + metadata module.
    Xliff21,
    /// CSV (or TSV with `tsv`).
    Csv,
}

/// Options shared by all writers.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    /// Language tag written for English (default `en-US`).
    pub en_code: String,
    /// Language tag written for Chinese (default `zh-CN`).
    pub zh_code: String,
    /// Source language of the TM (default Chinese, the original).
    pub source: Lang,
    /// Pairs scoring below this are marked for review in XLIFF.
    pub review_below: f64,
    /// TMX `creationdate` (`YYYYMMDDThhmmssZ`), only from SOURCE_DATE_EPOCH or `--date`.
    pub creation_date: Option<String>,
    /// CSV: write a UTF-8 BOM.
    pub bom: bool,
    /// CSV: tab-separated instead of comma-separated.
    pub tsv: bool,
}

/// What a writer did, for the export summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Pairs written.
    pub pairs: usize,
    /// Characters XML 1.0 forbids that were removed.
    pub removed_chars: usize,
}

#[allow(dead_code)]
fn _unused(_: &[AlignedDocument]) {}
