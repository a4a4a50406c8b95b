//! Format detection from the root element and its namespace.
//!
//! Only the prolog and the root start tag are read (a streaming reader stops there), so
//! detecting a 1 GB file costs nothing, and a file that is broken later is still detected
//! and then reported by the validation itself.

use super::XmlFormat;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

const XLIFF12_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
const XLIFF20_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
const XLIFF22_NS: &str = "urn:oasis:names:tc:xliff:document:2.2";
const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";

/// The format of a file from its root element and namespace, if it is one we know.
///
/// `tmx` → TMX 1.4 (any `version`: 1.4b files are commonly labelled `1.4`, and older
/// versions are close enough that the checks still help); `xliff` by namespace (an
/// `xliff` root without one is XLIFF 1.x by `version`); `tbx`/`martif` → TBX.
pub fn detect(bytes: &[u8]) -> Option<XmlFormat> {
    let text = super::checks::xml::as_utf8(bytes).ok()?;
    let mut reader = NsReader::from_reader(text.as_bytes());
    loop {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(e))) | Ok((ns, Event::Empty(e))) => {
                let ns = match ns {
                    ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                    _ => String::new(),
                };
                let version = e
                    .attributes()
                    .with_checks(false)
                    .take(super::checks::xml::MAX_ATTRIBUTES)
                    .flatten()
                    .find(|a| a.key.as_ref() == b"version")
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                let local = e.local_name();
                return match local.as_ref() {
                    b"tmx" => Some(XmlFormat::Tmx14),
                    b"xliff" => match ns.as_str() {
                        XLIFF12_NS => Some(XmlFormat::Xliff12),
                        XLIFF20_NS => Some(XmlFormat::Xliff2),
                        XLIFF22_NS => Some(XmlFormat::Xliff22),
                        "" if version.starts_with("1.") => Some(XmlFormat::Xliff12),
                        _ => None,
                    },
                    b"tbx" | b"martif" if ns == TBX_NS || ns.is_empty() => Some(XmlFormat::Tbx),
                    _ => None,
                };
            }
            Ok((_, Event::Eof)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        let cases: [(&str, Option<XmlFormat>); 8] = [
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\"><header/></tmx>", Some(XmlFormat::Tmx14)),
            ("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>", Some(XmlFormat::Xliff12)),
            ("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\"/>", Some(XmlFormat::Xliff2)),
            ("<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:2.2\" version=\"2.2\"/>", Some(XmlFormat::Xliff22)),
            ("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\"/>", Some(XmlFormat::Tbx)),
            ("<martif type=\"TBX\"/>", Some(XmlFormat::Tbx)),
            ("<html/>", None),
            ("not xml at all", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text.as_bytes()), want, "{text}");
        }
    }
}
