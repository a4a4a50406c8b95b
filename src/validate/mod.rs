//! Validation of translation-memory and termbase files: format detection, schema validity
//! against the project's bundled schemas (`schemas/`), and the checks CAT tools depend on
//! that no schema expresses (unique ids, language consistency, state rules …).
//!
//! [`validate`] runs both layers; [`validate_schema`] is the schema layer alone (what the
//! differential tests compare with xmllint and the official schemas).

pub mod checks;
pub mod detect;
pub mod schema;

use serde::Serialize;

/// The formats `validate` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum XmlFormat {
    /// TMX 1.4b.
    Tmx14,
    /// XLIFF 1.2 (validated against the strict schema).
    Xliff12,
    /// XLIFF 2.0 or 2.1 (namespace `urn:oasis:names:tc:xliff:document:2.0`), core and modules.
    Xliff2,
    /// XLIFF 2.2 (namespace `urn:oasis:names:tc:xliff:document:2.2`).
    Xliff22,
    /// TBX (ISO 30042:2019, TBX-Basic dialect).
    Tbx,
}

impl XmlFormat {
    /// Name used on the command line (`--as`) and in reports.
    pub fn name(self) -> &'static str {
        match self {
            XmlFormat::Tmx14 => "tmx",
            XmlFormat::Xliff12 => "xliff12",
            XmlFormat::Xliff2 => "xliff2",
            XmlFormat::Xliff22 => "xliff22",
            XmlFormat::Tbx => "tbx",
        }
    }

    /// Parse a `--as` value.
    pub fn parse(s: &str) -> Option<XmlFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tmx" | "tmx14" => Some(XmlFormat::Tmx14),
            "xliff12" | "xliff1.2" => Some(XmlFormat::Xliff12),
            "xliff2" | "xliff20" | "xliff21" | "xliff2.0" | "xliff2.1" => Some(XmlFormat::Xliff2),
            "xliff22" | "xliff2.2" => Some(XmlFormat::Xliff22),
            "tbx" => Some(XmlFormat::Tbx),
            _ => None,
        }
    }
}

/// How serious a finding is: errors make a file invalid (exit 1), warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file breaks the schema or a rule a CAT tool depends on.
    Error,
    /// Legal, but likely to surprise (e.g. duplicate sources with different targets).
    Warning,
}

/// One finding, with its position in the file (1-based; 0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// Short stable rule name (`schema`, `duplicate-id`, `srclang-missing`, …).
    pub rule: String,
    /// What is wrong, in words a translator understands.
    pub message: String,
}

/// Schema and semantic findings for one file, errors and warnings, in file order.
pub fn validate(bytes: &[u8], format: XmlFormat) -> Vec<Diagnostic> {
    let mut out = validate_schema(bytes, format);
    out.extend(checks::check(bytes, format));
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// The file as text, the way the checks read it (UTF-8, or UTF-16 with a byte-order mark),
/// or the finding that says why it cannot be read and where (line and column of the first
/// bad byte; the encoding its XML declaration names, when it has one). `validate` uses it
/// to explain a file whose root element cannot even be found.
pub fn read_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
    checks::xml::as_utf8(bytes)
}

/// Schema validity alone against the bundled schemas (empty when valid).
pub fn validate_schema(bytes: &[u8], format: XmlFormat) -> Vec<Diagnostic> {
    schema::validate(bytes, format)
}
