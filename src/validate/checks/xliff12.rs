//! XLIFF 1.2 rules the strict XSD does not express: unique `trans-unit` ids per `<file>`,
//! well-formed and consistent languages, `approved`/`state` consistency, no empty source.

use super::bcp47;
use super::xml::{Elem, Handler, Sink, XML_NS};
use super::Duplicates;
use std::collections::HashMap;

/// State of the walk over one XLIFF 1.2 file.
#[derive(Default)]
pub struct Xliff12 {
    source_language: Option<String>,
    target_language: Option<String>,
    unit_ids: HashMap<String, usize>,
    unit: Option<Unit>,
    /// Text of the `<source>`/`<target>` being read (direct children of `trans-unit`).
    reading: Option<(bool, String, bool)>,
    duplicates: Duplicates,
}

struct Unit {
    at: Elem,
    approved: bool,
    source: Option<String>,
    target: Option<(Elem, String)>,
}

/// `state` values meaning "not done": approving such a unit is a contradiction.
const UNFINISHED: [&str; 5] = [
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
];

fn is_unfinished(state: &str) -> bool {
    UNFINISHED.contains(&state) || state.starts_with("needs-")
}

fn check_lang(e: &Elem, what: &str, value: &str, sink: &mut Sink) {
    if !bcp47::is_well_formed(value) {
        sink.error(
            e,
            "bad-language-tag",
            format!("{what} \"{value}\" is not a well-formed BCP 47 language tag"),
        );
    }
}

impl Handler for Xliff12 {
    fn start(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink) {
        if let Some(l) = e.xml_lang() {
            check_lang(e, "xml:lang", l, sink);
        }
        let parent = ancestors.last().map(|p| p.local.as_str());
        match e.local.as_str() {
            "file" => {
                self.unit_ids.clear();
                self.source_language = e.attr("source-language").map(str::to_string);
                self.target_language = e.attr("target-language").map(str::to_string);
                if let Some(l) = &self.source_language {
                    check_lang(e, "source-language", l, sink);
                }
                if let Some(l) = &self.target_language {
                    check_lang(e, "target-language", l, sink);
                }
            }
            "trans-unit" => {
                if let Some(id) = e.attr("id") {
                    if let Some(first) = self.unit_ids.get(id) {
                        sink.error(
                            e,
                            "duplicate-id",
                            format!("trans-unit id \"{id}\" is already used in this <file> on line {first}"),
                        );
                    } else {
                        self.unit_ids.insert(id.to_string(), e.line);
                    }
                }
                self.unit = Some(Unit {
                    at: e.clone(),
                    approved: e.attr("approved") == Some("yes"),
                    source: None,
                    target: None,
                });
            }
            "source" | "target" if parent == Some("trans-unit") => {
                let is_target = e.local == "target";
                let (want, what) = if is_target {
                    (&self.target_language, "target-language")
                } else {
                    (&self.source_language, "source-language")
                };
                if let (Some(l), Some(w)) = (e.attr_ns(XML_NS, "lang"), want) {
                    if !l.eq_ignore_ascii_case(w) {
                        sink.error(
                            e,
                            "language-mismatch",
                            format!(
                                "xml:lang=\"{l}\" on <{}> differs from the file's {what} \"{w}\"",
                                e.local
                            ),
                        );
                    }
                }
                self.reading = Some((is_target, String::new(), false));
            }
            _ => {
                if let Some((_, _, inline)) = self.reading.as_mut() {
                    *inline = true;
                }
            }
        }
    }

    fn text(&mut self, text: &str, _ancestors: &[Elem], _sink: &mut Sink) {
        if let Some((_, s, _)) = self.reading.as_mut() {
            s.push_str(text);
        }
    }

    fn end(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink) {
        let parent = ancestors.last().map(|p| p.local.as_str());
        match e.local.as_str() {
            "source" | "target" if parent == Some("trans-unit") => {
                let Some((is_target, text, inline)) = self.reading.take() else {
                    return;
                };
                if !is_target && text.trim().is_empty() && !inline {
                    sink.error(e, "empty-segment", "empty <source>".into());
                }
                if let Some(u) = self.unit.as_mut() {
                    if is_target {
                        u.target = Some((e.clone(), text));
                    } else {
                        u.source = Some(text);
                    }
                }
            }
            "trans-unit" => {
                let Some(u) = self.unit.take() else {
                    return;
                };
                let state = u.target.as_ref().and_then(|(t, _)| t.attr("state"));
                if let Some(state) = state {
                    if u.approved && is_unfinished(state) {
                        sink.error(
                            &u.at,
                            "state-approved",
                            format!("approved=\"yes\" but the target's state is \"{state}\""),
                        );
                    }
                }
                match &u.target {
                    None if u.approved => sink.error(
                        &u.at,
                        "target-missing",
                        "approved=\"yes\" but the unit has no <target>".into(),
                    ),
                    Some((t, text))
                        if text.trim().is_empty()
                            && matches!(
                                t.attr("state"),
                                Some("translated" | "final" | "signed-off")
                            ) =>
                    {
                        sink.error(
                            t,
                            "target-missing",
                            format!(
                                "state=\"{}\" but the <target> is empty",
                                t.attr("state").unwrap_or_default()
                            ),
                        );
                    }
                    _ => {}
                }
                if let (Some(s), Some((_, t))) = (&u.source, &u.target) {
                    if let Some(line) = self.duplicates.record(s, t, u.at.line) {
                        sink.warning(
                            &u.at,
                            "conflicting-duplicate",
                            format!("same source as the trans-unit on line {line} with a different translation: a CAT tool keeps only one"),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}
