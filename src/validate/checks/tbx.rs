//! TBX (ISO 30042:2019) rules the RELAX NG core structure does not express: unique ids,
//! well-formed `xml:lang` on language sections, and no empty entries.

use super::bcp47;
use super::xml::{Elem, Handler, Sink};
use std::collections::HashMap;

/// State of the walk over one TBX file.
#[derive(Default)]
pub struct Tbx {
    ids: HashMap<String, usize>,
    /// Open `conceptEntry` (`termEntry` in TBX 2008) and its number of `langSec`s.
    entry: Option<(Elem, usize)>,
    /// Open `langSec` (`langSet`) and its number of `termSec`s (`tig`/`ntig`).
    lang_sec: Option<(Elem, usize)>,
    /// Open `termSec` and whether it has a `term`.
    term_sec: Option<(Elem, bool)>,
}

impl Handler for Tbx {
    fn start(&mut self, e: &Elem, _ancestors: &[Elem], sink: &mut Sink) {
        if let Some(id) = e.attr("id") {
            if let Some(first) = self.ids.get(id) {
                sink.error(
                    e,
                    "duplicate-id",
                    format!("id \"{id}\" is already used on line {first}"),
                );
            } else {
                self.ids.insert(id.to_string(), e.line);
            }
        }
        match e.local.as_str() {
            "conceptEntry" | "termEntry" => self.entry = Some((e.clone(), 0)),
            "langSec" | "langSet" => {
                match e.xml_lang() {
                    Some(l) if !bcp47::is_well_formed(l) => sink.error(
                        e,
                        "bad-language-tag",
                        format!("xml:lang \"{l}\" is not a well-formed BCP 47 language tag"),
                    ),
                    None => sink.error(
                        e,
                        "bad-language-tag",
                        format!("<{}> has no xml:lang", e.local),
                    ),
                    _ => {}
                }
                if let Some((_, n)) = self.entry.as_mut() {
                    *n += 1;
                }
                self.lang_sec = Some((e.clone(), 0));
            }
            "termSec" | "tig" | "ntig" => {
                if let Some((_, n)) = self.lang_sec.as_mut() {
                    *n += 1;
                }
                self.term_sec = Some((e.clone(), false));
            }
            "term" => {
                if let Some((_, has)) = self.term_sec.as_mut() {
                    *has = true;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, e: &Elem, _ancestors: &[Elem], sink: &mut Sink) {
        match e.local.as_str() {
            "conceptEntry" | "termEntry" => {
                if let Some((at, 0)) = self.entry.take() {
                    sink.error(
                        &at,
                        "empty-entry",
                        format!("<{}> has no language section", at.local),
                    );
                }
            }
            "langSec" | "langSet" => {
                if let Some((at, 0)) = self.lang_sec.take() {
                    sink.error(
                        &at,
                        "empty-entry",
                        format!("<{}> has no term section", at.local),
                    );
                }
            }
            "termSec" | "tig" | "ntig" => {
                if let Some((at, false)) = self.term_sec.take() {
                    sink.error(&at, "empty-entry", format!("<{}> has no <term>", at.local));
                }
            }
            _ => {}
        }
    }
}
