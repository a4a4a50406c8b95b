//! Decoding input bytes into NFC text. STUB: to be implemented.
use crate::{Error, Result};
use std::path::Path;

/// Decode `bytes` read from `path` to NFC-normalized text. `forced` is an encoding label
/// given with `--encoding` (e.g. `gb18030`, `utf-16le`).
pub fn decode(bytes: &[u8], path: &Path, forced: Option<&str>) -> Result<String> {
    let _ = forced;
    String::from_utf8(bytes.to_vec())
        .map_err(|e| Error::at_byte(path, e.utf8_error().valid_up_to(), "not UTF-8"))
}

/// Read and decode a file. STUB.
pub fn read_file(path: &Path, forced: Option<&str>) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(&bytes, path, forced)
}
