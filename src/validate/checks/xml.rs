//! The streaming walk every format's checks share: quick-xml events turned into elements
//! with resolved namespaces, unescaped attribute values and 1-based positions.
//!
//! Nothing is recursive and nothing is kept but the stack of open elements, so a 100 000
//! deep nesting or a file of hundreds of megabytes costs memory in proportion to the depth,
//! not the size. Entities are never expanded: quick-xml does not read the DTD, and any
//! reference other than the five predefined ones and character references becomes an
//! `entity` error (this is what makes XXE and "billion laughs" files harmless).

use super::super::{Diagnostic, Severity};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use std::collections::HashSet;

/// The XML namespace (`xml:lang`, `xml:space`).
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Most findings of one rule reported per file; a broken generator repeats one mistake
/// thousands of times and the first ones are enough to fix it.
pub const MAX_PER_RULE: usize = 50;

/// Most attributes one element may carry before the walk stops with an error: the same
/// bound as the schema layer's parse limit ([`crate::validate::schema::limits`]), checked
/// as each attribute is read so that a hostile element costs no more than this many.
pub const MAX_ATTRIBUTES: usize = 1024;

/// One attribute, its value unescaped.
#[derive(Debug, Clone)]
pub struct Attr {
    /// Namespace URI, `None` for unprefixed attributes.
    pub ns: Option<String>,
    /// Local name.
    pub local: String,
    /// Unescaped value.
    pub value: String,
}

/// One element start, with its attributes and position.
#[derive(Debug, Clone)]
pub struct Elem {
    /// Namespace URI, `None` when unbound.
    pub ns: Option<String>,
    /// Local name.
    pub local: String,
    /// Attributes in document order.
    pub attrs: Vec<Attr>,
    /// 1-based line of the `<`.
    pub line: usize,
    /// 1-based column (in characters) of the `<`.
    pub column: usize,
}

impl Elem {
    /// Value of the unprefixed attribute `local`.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns.is_none() && a.local == local)
            .map(|a| a.value.as_str())
    }

    /// Value of the attribute `local` in namespace `ns`.
    pub fn attr_ns(&self, ns: &str, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns.as_deref() == Some(ns) && a.local == local)
            .map(|a| a.value.as_str())
    }

    /// `xml:lang`, if present.
    pub fn xml_lang(&self) -> Option<&str> {
        self.attr_ns(XML_NS, "lang")
    }
}

/// Where findings go: keeps per-rule counts so a repeated mistake is reported a bounded
/// number of times.
#[derive(Default)]
pub struct Sink {
    /// Findings so far.
    pub out: Vec<Diagnostic>,
    counts: std::collections::HashMap<String, usize>,
}

impl Sink {
    /// Record a finding at `line:column`.
    pub fn push(
        &mut self,
        severity: Severity,
        line: usize,
        column: usize,
        rule: &str,
        msg: String,
    ) {
        let n = self.counts.entry(rule.to_string()).or_insert(0);
        *n += 1;
        if *n > MAX_PER_RULE {
            return;
        }
        self.out.push(Diagnostic {
            severity,
            line,
            column,
            rule: rule.to_string(),
            message: msg,
        });
    }

    /// An error at the element's start tag.
    pub fn error(&mut self, at: &Elem, rule: &str, msg: String) {
        self.push(Severity::Error, at.line, at.column, rule, msg);
    }

    /// A warning at the element's start tag.
    pub fn warning(&mut self, at: &Elem, rule: &str, msg: String) {
        self.push(Severity::Warning, at.line, at.column, rule, msg);
    }
}

/// What a format's checks do with the walk. `ancestors` is the stack of open elements,
/// outermost first, not including the element itself.
pub trait Handler {
    /// An element starts (empty elements start and end at once).
    fn start(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink);
    /// An element ends.
    fn end(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink);
    /// Character data (unescaped) directly inside the innermost open element.
    fn text(&mut self, _text: &str, _ancestors: &[Elem], _sink: &mut Sink) {}
    /// The document ended (also after a well-formedness error).
    fn finish(&mut self, _sink: &mut Sink) {}
}

/// Turns byte offsets into 1-based line and column; offsets only grow, so each byte of
/// the input is counted once.
struct Positions<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Positions<'a> {
    fn new(text: &'a [u8]) -> Self {
        Positions {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            // Never happens in a forward walk; recount rather than give a wrong answer.
            *self = Positions::new(self.text);
        }
        for &b in &self.text[self.offset..offset] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: UTF-8 continuation bytes do not advance.
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Whether XML 1.0 allows the character (production `Char`).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Why a reference could not be expanded.
enum RefError {
    /// `&#1;` and the like: a character XML 1.0 forbids.
    Forbidden(String),
    /// `&name;` other than the predefined five: not expanded, by design.
    Entity(String),
    /// `&` not starting a reference, or a malformed reference.
    Malformed(String),
}

/// Expand the predefined entities and character references of `raw`.
fn unescape(raw: &str) -> Result<String, RefError> {
    if !raw.contains('&') {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';') else {
            return Err(RefError::Malformed(
                "'&' must start a reference such as &amp;".into(),
            ));
        };
        let name = &after[..semi];
        let expanded = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if name.starts_with('#') => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    name[1..].parse::<u32>().ok()
                };
                let digits_ok = match name.strip_prefix("#x") {
                    Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
                    None => name.len() > 1 && name[1..].bytes().all(|b| b.is_ascii_digit()),
                };
                match code.and_then(char::from_u32) {
                    Some(c) if digits_ok && is_xml_char(c) => c,
                    Some(_) | None if digits_ok => {
                        return Err(RefError::Forbidden(format!(
                            "character reference &{name}; is a character XML 1.0 forbids"
                        )))
                    }
                    _ => {
                        return Err(RefError::Malformed(format!(
                            "malformed character reference &{name};"
                        )))
                    }
                }
            }
            _ if !name.is_empty()
                && !name.contains(|c: char| c.is_whitespace() || c == '&' || c == '<') =>
            {
                return Err(RefError::Entity(format!(
                    "entity reference &{name}; is not expanded: only &amp; &lt; &gt; &quot; \
                     &apos; and character references are allowed (DTD entities are never \
                     read, so external and recursive entities cannot be used)"
                )));
            }
            _ => {
                return Err(RefError::Malformed(
                    "'&' must start a reference such as &amp;".into(),
                ))
            }
        };
        out.push(expanded);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Record the outcome of [`unescape`] at `line:column`; returns the best-effort text.
fn unescape_or_report(raw: &str, line: usize, column: usize, sink: &mut Sink) -> String {
    match unescape(raw) {
        Ok(s) => s,
        Err(e) => {
            let (rule, msg) = match e {
                RefError::Forbidden(m) => ("forbidden-char", m),
                RefError::Entity(m) => ("entity", m),
                RefError::Malformed(m) => ("well-formed", m),
            };
            sink.push(Severity::Error, line, column, rule, msg);
            raw.to_string()
        }
    }
}

/// The input as UTF-8: UTF-16 files (with a byte-order mark) are transcoded; anything else
/// must be UTF-8, the encoding every format here is written in.
pub fn as_utf8(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(encoding_error(0, 0, "the file is not valid UTF-16"));
        }
        return Ok(std::borrow::Cow::Owned(text.into_owned()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(e) => {
            let mut pos = Positions::new(bytes);
            let (line, column) = pos.at(e.valid_up_to());
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
            let message = match declared_encoding(&head) {
                Some(label) if !label.eq_ignore_ascii_case("utf-8") => format!(
                    "the file is in {label} (as its XML declaration says), not UTF-8: only UTF-8 \
                     and UTF-16 are checked; convert it to UTF-8"
                ),
                _ => "the file is not valid UTF-8 (convert it, or declare and use UTF-16 with \
                      a byte-order mark)"
                    .to_string(),
            };
            Err(encoding_error(line, column, &message))
        }
    }
}

fn encoding_error(line: usize, column: usize, msg: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        line,
        column,
        rule: "well-formed".into(),
        message: msg.into(),
    }
}

/// Walk `bytes`, calling `handler`; returns the findings (well-formedness, forbidden
/// characters, entities, and whatever the handler reports).
pub fn walk(bytes: &[u8], handler: &mut dyn Handler) -> Vec<Diagnostic> {
    let mut sink = Sink::default();
    let text = match as_utf8(bytes) {
        Ok(t) => t,
        Err(d) => return vec![d],
    };
    let text: &str = &text;
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    encoding_mismatch(text, utf16, &mut sink);
    forbidden_raw_chars(text, &mut sink);
    let mut pos = Positions::new(text.as_bytes());
    let mut reader = NsReader::from_reader(text.as_bytes());
    {
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.check_comments = true;
    }
    let mut stack: Vec<Elem> = Vec::new();
    let mut seen_root = false;
    let mut ended_cleanly = false;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_resolved_event() {
            Ok((ns, event)) => (namespace(&ns), event),
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(start);
                let (line, column) = pos.at(at.max(start));
                sink.push(
                    Severity::Error,
                    line,
                    column,
                    "well-formed",
                    format!("the file is not well-formed XML: {e}"),
                );
                break;
            }
        };
        match event {
            (ns, Event::Start(e)) => {
                let (line, column) = pos.at(start);
                if seen_root && stack.is_empty() {
                    sink.push(
                        Severity::Error,
                        line,
                        column,
                        "well-formed",
                        "the file is not well-formed XML: a second root element".into(),
                    );
                    break;
                }
                seen_root = true;
                let mut attrs = Vec::new();
                let mut keys: HashSet<Vec<u8>> = HashSet::new();
                let mut bad = false;
                // quick-xml's own duplicate check compares each attribute with every one
                // before it (quadratic); the count limit and a hash set keep the work per
                // element linear and bounded, whatever the file holds.
                for a in e.attributes().with_checks(false) {
                    if attrs.len() == MAX_ATTRIBUTES {
                        sink.push(
                            Severity::Error,
                            line,
                            column,
                            "well-formed",
                            format!(
                                "<{}> has more than {MAX_ATTRIBUTES} attributes (a safety limit); \
                                 the rest of the file is not checked",
                                String::from_utf8_lossy(e.local_name().as_ref())
                            ),
                        );
                        bad = true;
                        break;
                    }
                    match a {
                        Ok(a) if !keys.insert(a.key.as_ref().to_vec()) => {
                            sink.push(
                                Severity::Error,
                                line,
                                column,
                                "well-formed",
                                format!(
                                    "the file is not well-formed XML: attribute '{}' appears twice",
                                    String::from_utf8_lossy(a.key.as_ref())
                                ),
                            );
                            bad = true;
                            break;
                        }
                        Ok(a) => {
                            let (ans, local) = reader.resolve_attribute(a.key);
                            let raw = String::from_utf8_lossy(&a.value);
                            let value = unescape_or_report(&raw, line, column, &mut sink);
                            attrs.push(Attr {
                                ns: namespace(&ans),
                                local: String::from_utf8_lossy(local.as_ref()).into_owned(),
                                value,
                            });
                        }
                        Err(err) => {
                            sink.push(
                                Severity::Error,
                                line,
                                column,
                                "well-formed",
                                format!("the file is not well-formed XML: {err}"),
                            );
                            bad = true;
                            break;
                        }
                    }
                }
                if bad {
                    break;
                }
                let elem = Elem {
                    ns,
                    local: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
                    attrs,
                    line,
                    column,
                };
                handler.start(&elem, &stack, &mut sink);
                stack.push(elem);
            }
            (_, Event::End(_)) => {
                if let Some(elem) = stack.pop() {
                    handler.end(&elem, &stack, &mut sink);
                }
            }
            (_, Event::Text(t)) => {
                let raw = String::from_utf8_lossy(&t);
                if stack.is_empty() {
                    if !raw.trim().is_empty() {
                        let (line, column) = pos.at(start);
                        sink.push(
                            Severity::Error,
                            line,
                            column,
                            "well-formed",
                            "the file is not well-formed XML: text outside the root element".into(),
                        );
                        break;
                    }
                    continue;
                }
                let (line, column) = pos.at(start);
                let value = unescape_or_report(&raw, line, column, &mut sink);
                handler.text(&value, &stack, &mut sink);
            }
            (_, Event::CData(t)) if !stack.is_empty() => {
                handler.text(&String::from_utf8_lossy(&t), &stack, &mut sink);
            }
            (_, Event::DocType(t)) => {
                let (line, column) = pos.at(start);
                let decl = String::from_utf8_lossy(&t);
                match doctype_external(&decl) {
                    Some(why) => sink.push(
                        Severity::Error,
                        line,
                        column,
                        "doctype-external",
                        format!(
                            "the DOCTYPE {why}: zhen-tm never reads it, but a CAT tool that \
                             resolves DTDs would fetch or read it when importing this file; \
                             remove the DOCTYPE"
                        ),
                    ),
                    None => sink.push(
                        Severity::Warning,
                        line,
                        column,
                        "doctype",
                        "a DOCTYPE is present: it is not read (nothing declared in it is \
                         used), and .NET-based tools refuse DOCTYPEs by default"
                            .into(),
                    ),
                }
            }
            (_, Event::Eof) => {
                ended_cleanly = true;
                break;
            }
            _ => {}
        }
    }
    if ended_cleanly {
        if let Some(open) = stack.last() {
            sink.push(
                Severity::Error,
                open.line,
                open.column,
                "well-formed",
                format!(
                    "the file is not well-formed XML: <{}> is never closed (the file may be truncated)",
                    open.local
                ),
            );
        } else if !seen_root {
            sink.push(
                Severity::Error,
                1,
                1,
                "well-formed",
                "the file is not well-formed XML: no root element".into(),
            );
        }
    }
    handler.finish(&mut sink);
    sink.out
}

/// Why a DOCTYPE's content (what follows `<!DOCTYPE`) reaches outside the file, if it
/// does: an external DTD at a URL or an absolute path, an external entity, or a parameter
/// entity (the way a DTD pulls in more declarations). A DTD named by a relative path
/// (`SYSTEM "tmx14.dtd"`, common in TMX files) and internal general entities do not.
pub fn doctype_external(decl: &str) -> Option<String> {
    let (head, subset) = match decl.find('[') {
        Some(i) => (&decl[..i], &decl[i + 1..]),
        None => (decl, ""),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.iter().any(|w| *w == "SYSTEM" || *w == "PUBLIC") {
        if let Some(id) = quoted(head).last().filter(|id| reaches_out(id)) {
            return Some(format!("names an external DTD at {id}"));
        }
    }
    for decl in subset.split("<!ENTITY").skip(1) {
        let decl = decl.split('>').next().unwrap_or_default();
        let mut words = decl.split_whitespace();
        match words.next() {
            Some("%") => {
                let name = words.next().unwrap_or_default();
                return Some(format!(
                    "declares a parameter entity ({name}), which pulls declarations into the \
                     DTD, from outside the file when external"
                ));
            }
            Some(name)
                if decl
                    .split_whitespace()
                    .any(|w| w == "SYSTEM" || w == "PUBLIC") =>
            {
                let at = quoted(decl)
                    .last()
                    .map_or(String::new(), |id| format!(" at {id}"));
                return Some(format!("declares the external entity {name}{at}"));
            }
            _ => {}
        }
    }
    None
}

/// The quoted strings of a declaration, in order.
fn quoted(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(['"', '\'']) {
        let q = &rest[i..=i];
        let after = &rest[i + 1..];
        let Some(end) = after.find(q) else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// Whether a system identifier leaves the folder of the file: a URL (`http://`,
/// `file:///` …) or an absolute path (`/etc/x`, `C:\x`, `\\server\x`).
fn reaches_out(id: &str) -> bool {
    let id = id.trim();
    let b = id.as_bytes();
    id.contains("://")
        || id.to_ascii_lowercase().starts_with("file:")
        || id.starts_with(['/', '\\'])
        || (b.len() > 1 && b[1] == b':' && b[0].is_ascii_alphabetic())
}

/// The label of the XML declaration's `encoding` pseudo-attribute, if the file starts with
/// a declaration that has one.
pub fn declared_encoding(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let decl = text.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")? + "encoding".len();
    let rest = decl[at..].trim_start().strip_prefix('=')?.trim_start();
    let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(q)?])
}

/// Reports an XML declaration whose encoding differs from the bytes: `text` was read as
/// UTF-8 (or UTF-16 with a byte-order mark, `utf16`), and a CAT tool honouring a declared
/// ISO-8859-1 or GBK would show its non-ASCII text as mojibake. A declaration of an
/// ASCII-compatible encoding over pure ASCII text is harmless and not reported.
fn encoding_mismatch(text: &str, utf16: bool, sink: &mut Sink) {
    let Some(label) = declared_encoding(text) else {
        return;
    };
    let Some(declared) = encoding_rs::Encoding::for_label(label.trim().as_bytes()) else {
        sink.push(
            Severity::Error,
            1,
            1,
            "encoding",
            format!("the XML declaration names an unknown encoding {label:?}"),
        );
        return;
    };
    let actual = if utf16 { "UTF-16" } else { "UTF-8" };
    let fits = if utf16 {
        declared == encoding_rs::UTF_16LE || declared == encoding_rs::UTF_16BE
    } else {
        declared == encoding_rs::UTF_8 || (declared.is_ascii_compatible() && text.is_ascii())
    };
    if !fits {
        sink.push(
            Severity::Error,
            1,
            1,
            "encoding",
            format!(
                "the XML declaration says encoding=\"{label}\" but the file is {actual}: a \
                 CAT tool that honours the declaration shows the text as mojibake; declare \
                 encoding=\"{}\"",
                if utf16 { "UTF-16" } else { "UTF-8" }
            ),
        );
    }
}

fn namespace(r: &ResolveResult) -> Option<String> {
    match r {
        ResolveResult::Bound(ns) => Some(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        _ => None,
    }
}

/// Raw characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF): they make the file
/// not well-formed, and quick-xml lets them through.
fn forbidden_raw_chars(text: &str, sink: &mut Sink) {
    let mut line = 1;
    let mut column = 1;
    for c in text.chars() {
        if !is_xml_char(c) {
            sink.push(
                Severity::Error,
                line,
                column,
                "forbidden-char",
                format!(
                    "character U+{:04X} is forbidden in XML 1.0 (the file is not well-formed)",
                    c as u32
                ),
            );
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_predefined_and_character_references() {
        assert_eq!(
            unescape("a &amp; &#x4E2D;&#25991;").ok(),
            Some("a & 中文".into())
        );
        assert!(matches!(unescape("&#1;"), Err(RefError::Forbidden(_))));
        assert!(matches!(unescape("&#xFFFE;"), Err(RefError::Forbidden(_))));
        assert!(matches!(unescape("&lol9;"), Err(RefError::Entity(_))));
        assert!(matches!(unescape("a & b"), Err(RefError::Malformed(_))));
        assert!(matches!(unescape("&#xZZ;"), Err(RefError::Malformed(_))));
    }

    #[test]
    fn doctypes_that_reach_outside_the_file() {
        let external = [
            r#" tmx SYSTEM "http://example.com/tmx14.dtd""#,
            r#" tmx PUBLIC "-//LISA OSCAR:1998//DTD for TMX//EN" "file:///etc/tmx.dtd""#,
            r#" tmx SYSTEM "/usr/share/tmx14.dtd""#,
            r#" tmx SYSTEM 'C:\dtd\tmx.dtd'"#,
            r#" tmx [<!ENTITY % p SYSTEM "http://x/p.dtd"> %p;]"#,
            r#" tmx [<!ENTITY % local "<!ENTITY a 'b'>"> %local;]"#,
            r#" tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]"#,
            r#" tmx [<!ENTITY e PUBLIC "-//x" "x.txt">]"#,
        ];
        for d in external {
            assert!(doctype_external(d).is_some(), "{d}");
        }
        for d in [
            r#" tmx SYSTEM "tmx14.dtd""#,
            " tmx",
            r#" tmx [<!ENTITY lol "lol">]"#,
        ] {
            assert_eq!(doctype_external(d), None, "{d}");
        }
    }

    #[test]
    fn declared_encodings() {
        assert_eq!(
            declared_encoding("<?xml version=\"1.0\" encoding='ISO-8859-1'?><a/>"),
            Some("ISO-8859-1")
        );
        assert_eq!(
            declared_encoding("<?xml version=\"1.0\"?><a encoding=\"x\"/>"),
            None
        );
        assert_eq!(declared_encoding("<a/>"), None);
    }

    #[test]
    fn positions_count_characters() {
        let text = "ab\n中文<x>";
        let mut p = Positions::new(text.as_bytes());
        assert_eq!(p.at(0), (1, 1));
        assert_eq!(p.at(3), (2, 1));
        assert_eq!(p.at(text.find('<').unwrap_or(0)), (2, 3));
    }
}
