//! Reading input files into documents: the I/O edge of the parsing stage.

use std::path::Path;
use zhen_tm::{decode, parse, Error, Result};

/// The document identifier for a path: its file stem (`2025-03-07-press.bilingual.md` →
/// `2025-03-07-press.bilingual`), used in tuids and output names.
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string())
}

/// Read, decode and parse one transcript file. A file with no text in either language is
/// refused.
pub fn read_document(path: &Path, encoding: Option<&str>) -> Result<zhen_tm::model::Document> {
    let text = decode::read_file(path, encoding)?;
    let doc = parse::parse_document(&text, &doc_id(path), &path.display().to_string());
    if doc.en.is_none() && doc.zh.is_none() {
        return Err(Error::input(path, "no English or Chinese text found"));
    }
    Ok(doc)
}
