//! Schema layer: validity of a TMX/XLIFF/TBX file against the project's bundled schemas,
//! with the pure-Rust XSD 1.0 validator `xsd-schema`.
//!
//! # Why `xsd-schema`
//!
//! The candidates were measured (scratch crate outside the repo) on the 737 test documents of
//! `../shared/testsuite-upstream/` that the bundled formats cover — OASIS XLIFF 2.1/2.2 test
//! suites, Okapi XLIFF 1.2/2.0 files, LISA/Okapi TMX files — against xmllint's verdicts with
//! the official schemas (XLIFF 1.2 strict XSD, XLIFF 2.1/2.2 core + all modules, TMX 1.4b
//! DTD; the pure-Rust side used the trang XSD of that DTD):
//!
//! | crate | loads the schemas | TMX | XLIFF 1.2 | XLIFF 2.0/2.1 | XLIFF 2.2 | total |
//! |---|---|---|---|---|---|---|
//! | `xsd-schema` 0.3.0 | all 4 | 20/20 | 53/53 | 441/441 | 223/223 | **737/737** |
//! | `xmlschema` 0.0.14 | none (rejects `xml.xsd`'s 4 annotations; "`lang` declared twice" in TMX) | 0/20 | 0/53 | 0/441 | 0/223 | 0/737 |
//! | `xsd-parser` 1.5.2 | code generator, not a validator | — | — | — | — | — |
//!
//! `xsd-schema` agrees on every verdict, so no C library (libxml2 through the `libxml`
//! crate, which also needs libclang for bindgen) is needed. `tests/validate_differential.rs`
//! keeps checking the agreement, on our own exports' mutations too.
//!
//! # How it works
//!
//! * The schemas are compiled into the binary: `build.rs` writes a table of every schema file
//!   under `schemas/` (path → `include_str!`), see [`bundled_files`]. Which file is the entry
//!   point of each format is [`entry_schema`].
//! * Imports and includes are resolved relative to the importing file, so the first
//!   validation of a format writes the whole bundle to a private temporary folder, compiles
//!   the entry schema from there (once per thread: a compiled `SchemaSet` is not `Sync`),
//!   and deletes the folder again. Imports of the W3C `xml.xsd` by
//!   URL are pointed at the bundled copy while writing (the job an XML catalog does for
//!   `xmllint`), so nothing is ever fetched.
//! * Documents are read by the validator's own well-formedness layer: no external subset or
//!   entity is ever read, entities declared in an internal subset are not expanded (a
//!   reference to one is a `well-formed` error, so XXE and billion-laughs files are refused),
//!   and nesting, names and node counts are bounded ([`limits`]). UTF-16 and other declared
//!   encodings are decoded to UTF-8 first (`encoding_rs`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use xsd_schema::validation::{
    drive_quick_xml, CollectingValidationSink, DriveError, SchemaValidator, ValidationFlags,
};
use xsd_schema::xml::ParseLimits;
use xsd_schema::{SchemaSet, SchemaSetBuilder};

use super::{Diagnostic, Severity, XmlFormat};

mod bundle {
    include!(concat!(env!("OUT_DIR"), "/schema_bundle.rs"));
}

/// At most this many schema errors are reported for one file (a file with a systematic
/// mistake repeats it on every unit); a last diagnostic says how many more there were.
pub const MAX_SCHEMA_DIAGNOSTICS: usize = 100;

/// The rule name of schema findings.
pub const RULE_SCHEMA: &str = "schema";
/// The rule name of well-formedness (XML syntax) findings.
pub const RULE_WELL_FORMED: &str = "well-formed";
/// The rule name of the finding that a format's schema is not in this build.
pub const RULE_NOT_BUNDLED: &str = "schema-not-bundled";

/// The W3C locations of the XML namespace schema (`xml:lang`, `xml:space`), which official
/// schemas import by URL; they are redirected to the bundled `xml.xsd`.
const W3C_XML_XSD: &[&str] = &[
    "http://www.w3.org/2001/xml.xsd",
    "http://www.w3.org/2009/01/xml.xsd",
];

/// The entry schema of `format`, relative to `schemas/`. Every format has one; TBX is
/// checked against the project's own XSD of TBX-Basic (`schemas/tbx/tbx-basic.xsd`, compared
/// with the official core-structure RELAX NG schema by `tests/validate_tbx_differential.rs`).
/// `None` would mean "no schema", which [`validate`] reports as a warning.
pub fn entry_schema(format: XmlFormat) -> Option<&'static str> {
    match format {
        XmlFormat::Tmx14 => Some("tmx14/tmx14.xsd"),
        XmlFormat::Xliff12 => Some("xliff12/xliff-core-1.2-strict.xsd"),
        XmlFormat::Xliff2 => Some("xliff2/xliff21-all.xsd"),
        XmlFormat::Xliff22 => Some("xliff22/xliff22-all.xsd"),
        XmlFormat::Tbx => Some("tbx/tbx-basic.xsd"),
    }
}

/// The schema files compiled into this build, relative to `schemas/`.
pub fn bundled_files() -> impl Iterator<Item = &'static str> {
    bundle::BUNDLE.iter().map(|(path, _)| *path)
}

/// Whether this build can schema-validate `format` (its entry schema is bundled).
pub fn is_bundled(format: XmlFormat) -> bool {
    entry_schema(format).is_some_and(|entry| bundled_files().any(|f| f == entry))
}

/// Validate against the bundled schema of `format`: a `well-formed` error when the file is
/// not XML, else one `schema` error per violation (empty when valid), or a warning when the
/// format's schema is not in this build (well-formedness is still checked).
pub fn validate(bytes: &[u8], format: XmlFormat) -> Vec<Diagnostic> {
    let text = decode(bytes);
    match entry_schema(format).filter(|_| is_bundled(format)) {
        Some(entry) => match compiled(entry).as_ref() {
            Ok(set) => run(&text, set, true),
            Err(message) => vec![error(RULE_SCHEMA, message)],
        },
        None => {
            let empty = EMPTY
                .try_with(Rc::clone)
                .unwrap_or_else(|_| Rc::new(SchemaSet::new()));
            let mut out = run(&text, &empty, false);
            out.push(not_bundled(format));
            out
        }
    }
}

/// The warning given instead of a verdict when `format` has no bundled schema.
fn not_bundled(format: XmlFormat) -> Diagnostic {
    let what = match entry_schema(format) {
        Some(entry) => format!("schemas/{entry} is not bundled in this build"),
        None => "no schema for this format is bundled yet".to_string(),
    };
    Diagnostic {
        severity: Severity::Warning,
        line: 0,
        column: 0,
        rule: RULE_NOT_BUNDLED.to_string(),
        message: format!(
            "{} schema validation skipped: {what}; only well-formedness was checked",
            format.name()
        ),
    }
}

/// Bounds on what one document may make the validator build: generous for any real
/// translation memory, small enough that a hostile file cannot exhaust memory or stack.
pub fn limits() -> ParseLimits {
    ParseLimits::none()
        .with_max_depth(256)
        .with_max_name_bytes(1024)
        .with_max_attributes(super::checks::xml::MAX_ATTRIBUTES)
        .with_max_nodes(50_000_000)
}

/// The text of `bytes` as UTF-8: BOM first (UTF-8/UTF-16), else the XML declaration's
/// `encoding`, else UTF-8 (undecodable bytes become U+FFFD and are reported by the parser
/// only if they land in markup; the writers and CAT tools use UTF-8 or UTF-16).
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    // The declaration is read with the same (panic-free) reader as the checks use: a
    // multi-byte character where the quote belongs once made this slice a string inside
    // a character (found by tests/fuzz.rs).
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let declared = super::checks::xml::declared_encoding(&head)
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0
        }
        _ => String::from_utf8_lossy(bytes),
    }
}

/// Drives the validator over `text`; `check` false means well-formedness only (the set is
/// empty and its "no declaration" errors are dropped).
fn run(text: &str, set: &SchemaSet, check: bool) -> Vec<Diagnostic> {
    let validator = SchemaValidator::new(set, ValidationFlags::default());
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut runtime = validator.start_run(CollectingValidationSink {
        errors: &mut errors,
        warnings: &mut warnings,
    });
    runtime.set_parse_limits(limits());
    let outcome = drive_quick_xml(text.as_bytes(), &mut runtime, set);
    drop(runtime);
    match outcome {
        Err(DriveError::NotWellFormed(e)) => {
            let (line, column) = line_column(text, e.position());
            vec![Diagnostic {
                severity: Severity::Error,
                line,
                column,
                rule: RULE_WELL_FORMED.to_string(),
                message: clean(&e.to_string()),
            }]
        }
        Err(DriveError::LimitExceeded(e)) => {
            let (line, column) = line_column(text, e.position());
            vec![Diagnostic {
                severity: Severity::Error,
                line,
                column,
                rule: RULE_WELL_FORMED.to_string(),
                message: clean(&format!("the file exceeds a safety limit: {e}")),
            }]
        }
        Err(e) if check => vec![error(RULE_SCHEMA, &clean(&e.to_string()))],
        Err(_) => Vec::new(),
        Ok(_) if !check => Vec::new(),
        Ok(_) => {
            let mut out: Vec<Diagnostic> = errors
                .iter()
                .map(|e| {
                    let (line, column) = e.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
                    let mut message = format!("{} [{}]", e.message, e.constraint);
                    if let Some(path) = e.element_path() {
                        message.push_str(&format!(" at {path}"));
                    }
                    Diagnostic {
                        severity: Severity::Error,
                        line,
                        column,
                        rule: RULE_SCHEMA.to_string(),
                        message: clean(&message),
                    }
                })
                .collect();
            if out.len() > MAX_SCHEMA_DIAGNOSTICS {
                let more = out.len() - MAX_SCHEMA_DIAGNOSTICS;
                out.truncate(MAX_SCHEMA_DIAGNOSTICS);
                out.push(error(
                    RULE_SCHEMA,
                    &format!("{more} further schema errors not shown"),
                ));
            }
            out
        }
    }
}

/// 1-based line and column (in characters) of byte offset `position` in `text`.
fn line_column(text: &str, position: u64) -> (usize, usize) {
    let at = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(text.len());
    let at = (0..=at)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

thread_local! {
    /// This thread's compiled schemas by entry path, a failure too (so that a broken bundle
    /// is reported without recompiling). Per thread because a `SchemaSet` is not `Sync`
    /// (its name table uses `RefCell`); rayon workers each compile once.
    static COMPILED: RefCell<HashMap<&'static str, Rc<Result<SchemaSet, String>>>> =
        RefCell::new(HashMap::new());
    /// A schema set with no declarations, for well-formedness checks of unbundled formats.
    static EMPTY: Rc<SchemaSet> = Rc::new(SchemaSet::new());
}

/// The compiled schema of bundled entry `entry` on this thread, compiled on first use.
fn compiled(entry: &'static str) -> Rc<Result<SchemaSet, String>> {
    COMPILED
        .try_with(|map| {
            Rc::clone(
                map.borrow_mut()
                    .entry(entry)
                    .or_insert_with(|| Rc::new(compile(entry))),
            )
        })
        .unwrap_or_else(|_| Rc::new(compile(entry)))
}

/// Writes the bundle to a fresh temporary folder, compiles `entry` from there, and removes the
/// folder (the compiled set does not refer to the files any more).
fn compile(entry: &'static str) -> Result<SchemaSet, String> {
    let dir = tempfile::Builder::new()
        .prefix("zhen-tm-schemas-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder for the schemas: {e}"))?;
    for (rel, text) in bundle::BUNDLE {
        let path = dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot write {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, localize(rel, text).as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let main = dir.path().join(entry);
    let failed = |e: &dyn std::fmt::Display| {
        format!(
            "the bundled schema schemas/{entry} could not be compiled: {}",
            clean(&e.to_string())
        )
    };
    let compiled = SchemaSetBuilder::new()
        .add("", &main.to_string_lossy())
        .and_then(SchemaSetBuilder::compile)
        .map_err(|e| failed(&e))?;
    if let Some(f) = compiled.directive_failures().first() {
        return Err(failed(&format!(
            "cannot read {}",
            f.schema_location().unwrap_or("an imported schema")
        )));
    }
    // Removing the folder now rather than at exit: nothing is left behind even if the process
    // is killed later. Failing to remove it is harmless (it is in the temp dir).
    let _ = dir.close();
    Ok(compiled.into_schema_set())
}

/// `text` of bundled file `rel` with `schemaLocation`s naming the W3C `xml.xsd` URL replaced
/// by the relative path of the nearest bundled `xml.xsd` (same folder, else a parent).
fn localize<'a>(rel: &str, text: &'a str) -> Cow<'a, str> {
    if !W3C_XML_XSD.iter().any(|url| text.contains(url)) {
        return Cow::Borrowed(text);
    }
    let Some(local) = nearest_xml_xsd(rel) else {
        return Cow::Borrowed(text);
    };
    let mut out = text.to_string();
    for url in W3C_XML_XSD {
        for quote in ['"', '\''] {
            out = out.replace(
                &format!("schemaLocation={quote}{url}{quote}"),
                &format!("schemaLocation={quote}{local}{quote}"),
            );
        }
    }
    Cow::Owned(out)
}

/// The bundled `xml.xsd` closest to bundled file `rel`, as a path relative to `rel`'s folder.
fn nearest_xml_xsd(rel: &str) -> Option<String> {
    let dirs: Vec<&str> = rel.split('/').collect();
    let dirs = &dirs[..dirs.len().saturating_sub(1)];
    (0..=dirs.len()).rev().find_map(|keep| {
        let mut candidate = dirs[..keep].join("/");
        if !candidate.is_empty() {
            candidate.push('/');
        }
        candidate.push_str("xml.xsd");
        (candidate != rel && bundled_files().any(|f| f == candidate))
            .then(|| format!("{}xml.xsd", "../".repeat(dirs.len() - keep)))
    })
}

/// An error without a position.
fn error(rule: &str, message: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        line: 0,
        column: 0,
        rule: rule.to_string(),
        message: message.to_string(),
    }
}

/// A message on one line: whitespace runs (some messages span lines) become one space.
fn clean(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const XLIFF2_OK: &str = r#"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh">
  <file id="f"><unit id="u"><segment><source>a</source></segment></unit></file>
</xliff>"#;

    fn errors(d: &[Diagnostic], rule: &str) -> usize {
        d.iter()
            .filter(|d| d.severity == Severity::Error && d.rule == rule)
            .count()
    }

    #[test]
    fn nearest_xml_xsd_walks_up() {
        if bundled_files().any(|f| f == "xml.xsd") && !bundled_files().any(|f| f == "a/xml.xsd") {
            assert_eq!(nearest_xml_xsd("a/b.xsd").as_deref(), Some("../xml.xsd"));
            assert_eq!(nearest_xml_xsd("b.xsd").as_deref(), Some("xml.xsd"));
            assert_eq!(nearest_xml_xsd("xml.xsd"), None);
        }
    }

    #[test]
    fn localize_rewrites_only_schema_locations() {
        let text = r#"<import schemaLocation="http://www.w3.org/2001/xml.xsd"/> see http://www.w3.org/2001/xml.xsd"#;
        let out = localize("x/y.xsd", text);
        if nearest_xml_xsd("x/y.xsd").is_some() {
            assert!(!out.contains(r#"schemaLocation="http"#), "{out}");
            assert!(out.ends_with("see http://www.w3.org/2001/xml.xsd"));
        }
    }

    #[test]
    fn malformed_is_well_formed_error() {
        let d = validate(b"<xliff><unclosed></xliff>", XmlFormat::Xliff2);
        assert!(errors(&d, RULE_WELL_FORMED) > 0, "{d:?}");
        assert!(d.iter().all(|d| !d.message.contains('\n')));
        let d = validate(b"", XmlFormat::Tmx14);
        assert!(errors(&d, RULE_WELL_FORMED) > 0, "{d:?}");
    }

    const TBX_OK: &str = r#"<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
  </termSec></langSec></conceptEntry></body></text>
</tbx>"#;

    #[test]
    fn tbx_is_schema_validated() {
        if !is_bundled(XmlFormat::Tbx) {
            return;
        }
        assert_eq!(validate(TBX_OK.as_bytes(), XmlFormat::Tbx), vec![]);
        let d = validate(b"<tbx/>", XmlFormat::Tbx);
        assert!(errors(&d, RULE_SCHEMA) > 0, "{d:?}");
        assert!(d.iter().all(|d| d.rule != RULE_NOT_BUNDLED), "{d:?}");
        // A data category TBX-Basic does not have.
        let bad = TBX_OK.replace("administrativeStatus", "usageNote");
        let d = validate(bad.as_bytes(), XmlFormat::Tbx);
        assert!(errors(&d, RULE_SCHEMA) > 0, "{d:?}");
    }

    #[test]
    fn valid_and_invalid_xliff2() {
        if !is_bundled(XmlFormat::Xliff2) {
            return;
        }
        assert_eq!(validate(XLIFF2_OK.as_bytes(), XmlFormat::Xliff2), vec![]);
        let bad = XLIFF2_OK.replace(" srcLang=\"en\"", "");
        let d = validate(bad.as_bytes(), XmlFormat::Xliff2);
        assert!(errors(&d, RULE_SCHEMA) > 0, "{d:?}");
    }

    #[test]
    fn hostile_inputs_give_diagnostics() {
        // External entities: never fetched, never substituted.
        let xxe = XLIFF2_OK
            .replace(
                "<?xml version=\"1.0\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>",
            )
            .replace("<source>a</source>", "<source>&x;</source>");
        let _ = validate(xxe.as_bytes(), XmlFormat::Xliff2);
        // Billion laughs: libxml2's amplification limit stops it.
        let mut lol = String::from("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a0 \"lol\">");
        for i in 1..12 {
            let prev = format!("&a{};", i - 1);
            lol.push_str(&format!("<!ENTITY a{i} \"{}\">", prev.repeat(10)));
        }
        lol.push_str("]><r>&a11;</r>");
        let d = validate(lol.as_bytes(), XmlFormat::Xliff12);
        assert!(!d.is_empty());
        // Deep nesting beyond libxml2's default limit.
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let d = validate(deep.as_bytes(), XmlFormat::Tmx14);
        assert!(errors(&d, RULE_WELL_FORMED) > 0, "{d:?}");
    }

    #[test]
    fn odd_encoding_declarations_do_not_panic() {
        // A character other than a quote after `encoding=` (U+FFFE here, as the fuzzer
        // found it), an unterminated value, and a declaration cut short.
        for text in [
            "<?xml version=\"1.0\" encoding=\u{FFFE}\"UTF-8\"?>\n<tmx version=\"1.4\"/>",
            "<?xml version=\"1.0\" encoding=\"中文?>\n<tmx version=\"1.4\"/>",
            "<?xml version=\"1.0\" encoding=",
        ] {
            let d = validate(text.as_bytes(), XmlFormat::Tmx14);
            assert!(!d.is_empty(), "{text}");
        }
    }

    #[test]
    fn threads_validate_concurrently() {
        if !is_bundled(XmlFormat::Xliff2) {
            return;
        }
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| validate(XLIFF2_OK.as_bytes(), XmlFormat::Xliff2)))
            .collect();
        for h in handles {
            assert_eq!(h.join().ok(), Some(vec![]));
        }
    }
}
