//! TMX 1.4b rules the DTD cannot express and importers enforce (Trados, memoQ, OmegaT
//! reject or silently mangle files that break them).

use super::bcp47;
use super::xml::{Elem, Handler, Sink};
use super::Duplicates;
use std::collections::{HashMap, HashSet};

/// State of the walk over one TMX file.
#[derive(Default)]
pub struct Tmx {
    srclang: Option<String>,
    tuids: HashMap<String, usize>,
    /// The sorted language set of the first `<tu>`, and its line.
    pair: Option<(Vec<String>, usize)>,
    tu: Option<Tu>,
    /// Text of the `<seg>` being read, and whether it had inline elements.
    seg: Option<(String, bool)>,
    tuv_lang: Option<String>,
    duplicates: Duplicates,
}

/// What one `<tu>` holds: each variant's language and segment text.
struct Tu {
    at: Elem,
    variants: Vec<(String, String)>,
}

/// `YYYYMMDDThhmmssZ` with plausible field values (TMX 1.4b §3, ISO 8601 basic, UTC).
fn is_tmx_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(_y), Some(mo), Some(d), Some(h), Some(mi), Some(se)) = (
        digits(0..4),
        digits(4..6),
        digits(6..8),
        digits(9..11),
        digits(11..13),
        digits(13..15),
    ) else {
        return false;
    };
    (1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60 && se < 61
}

impl Handler for Tmx {
    fn start(&mut self, e: &Elem, _ancestors: &[Elem], sink: &mut Sink) {
        for name in ["creationdate", "changedate", "lastusagedate"] {
            if let Some(v) = e.attr(name) {
                if !is_tmx_date(v) {
                    sink.error(
                        e,
                        "bad-date",
                        format!("{name}=\"{v}\" is not a TMX date (YYYYMMDDThhmmssZ, UTC)"),
                    );
                }
            }
        }
        let lang = e.xml_lang().or_else(|| e.attr("lang"));
        if let Some(l) = lang {
            if !bcp47::is_well_formed(l) {
                sink.error(
                    e,
                    "bad-language-tag",
                    format!("\"{l}\" is not a well-formed BCP 47 language tag (e.g. en-US, zh-CN)"),
                );
            }
        }
        match e.local.as_str() {
            "header" => match e.attr("srclang") {
                None => sink.error(
                    e,
                    "srclang-missing",
                    "<header> has no srclang: importers cannot tell source from target".into(),
                ),
                Some("*all*") => {
                    sink.warning(
                        e,
                        "srclang-all",
                        "srclang=\"*all*\": many CAT tools reject it when importing; name the source language".into(),
                    );
                }
                Some(s) => {
                    if !bcp47::is_well_formed(s) {
                        sink.error(
                            e,
                            "bad-language-tag",
                            format!("srclang \"{s}\" is not a well-formed BCP 47 language tag"),
                        );
                    }
                    self.srclang = Some(s.to_string());
                }
            },
            "tu" => {
                if let Some(id) = e.attr("tuid") {
                    if let Some(first) = self.tuids.get(id) {
                        sink.error(
                            e,
                            "duplicate-id",
                            format!("tuid \"{id}\" is already used on line {first}"),
                        );
                    } else {
                        self.tuids.insert(id.to_string(), e.line);
                    }
                }
                self.tu = Some(Tu {
                    at: e.clone(),
                    variants: Vec::new(),
                });
            }
            "tuv" => self.tuv_lang = lang.map(str::to_string),
            "seg" => self.seg = Some((String::new(), false)),
            _ => {
                if let Some((_, inline)) = self.seg.as_mut() {
                    *inline = true;
                }
            }
        }
    }

    fn text(&mut self, text: &str, _ancestors: &[Elem], _sink: &mut Sink) {
        if let Some((s, _)) = self.seg.as_mut() {
            s.push_str(text);
        }
    }

    fn end(&mut self, e: &Elem, _ancestors: &[Elem], sink: &mut Sink) {
        match e.local.as_str() {
            "seg" => {
                let Some((text, inline)) = self.seg.take() else {
                    return;
                };
                if text.trim().is_empty() && !inline {
                    sink.error(
                        e,
                        "empty-segment",
                        "empty <seg>: an empty translation unit variant is useless to a CAT tool"
                            .into(),
                    );
                }
                if let Some(tu) = self.tu.as_mut() {
                    tu.variants
                        .push((self.tuv_lang.clone().unwrap_or_default(), text));
                }
            }
            "tu" => {
                if let Some(tu) = self.tu.take() {
                    self.end_tu(tu, sink);
                }
            }
            _ => {}
        }
    }
}

impl Tmx {
    fn end_tu(&mut self, tu: Tu, sink: &mut Sink) {
        let e = &tu.at;
        let src = self.srclang.clone();
        if let Some(src) = &src {
            if !tu.variants.iter().any(|(l, _)| l.eq_ignore_ascii_case(src)) {
                sink.error(
                    e,
                    "srclang-missing",
                    format!("<tu> has no <tuv> in the source language {src}"),
                );
            }
        }
        let mut langs: Vec<String> = tu
            .variants
            .iter()
            .map(|(l, _)| l.to_ascii_lowercase())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        langs.sort();
        match &self.pair {
            None => self.pair = Some((langs, e.line)),
            Some((first, line)) if *first != langs => sink.error(
                e,
                "language-pair",
                format!(
                    "<tu> has languages [{}] but the <tu> on line {line} has [{}]: a memory holds one language pair",
                    langs.join(", "),
                    first.join(", ")
                ),
            ),
            Some(_) => {}
        }
        if let Some(src) = &src {
            let source = tu
                .variants
                .iter()
                .find(|(l, _)| l.eq_ignore_ascii_case(src));
            let target = tu
                .variants
                .iter()
                .find(|(l, _)| !l.eq_ignore_ascii_case(src));
            if let (Some((_, s)), Some((_, t))) = (source, target) {
                if let Some(line) = self.duplicates.record(s, t, e.line) {
                    sink.warning(
                        e,
                        "conflicting-duplicate",
                        format!("same source as the <tu> on line {line} with a different translation: a CAT tool keeps only one"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert!(super::is_tmx_date("20250310T080000Z"));
        for bad in [
            "2025-03-10",
            "20251310T080000Z",
            "20250310T250000Z",
            "20250310T080000",
        ] {
            assert!(!super::is_tmx_date(bad), "{bad}");
        }
    }
}
