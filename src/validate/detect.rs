//! Format detection. STUB: to be implemented.
use super::XmlFormat;

/// The format of a file from its root element and namespace, if it is one we know.
pub fn detect(bytes: &[u8]) -> Option<XmlFormat> {
    let _ = bytes;
    None
}
