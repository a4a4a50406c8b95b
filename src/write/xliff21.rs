//! XLIFF 2.1 core with the Metadata module, valid against the OASIS 2.1 schemas
//! (core namespace `urn:oasis:names:tc:xliff:document:2.0`, `version="2.1"`).
//!
//! Layout: one `<file>` per document that has pairs (XLIFF 2 requires at least one unit per
//! file), then one `<unit>` per pair. Order inside a unit follows the core schema:
//! module elements first, then `<notes>`, then the `<segment>`:
//!
//! * `<mda:metadata><mda:metaGroup category="zhen-tm">` with `<mda:meta type="…">` for
//!   document, date, speaker-en, speaker-zh, unit, kind, bead, score (and clause,
//!   sentence-bead, sentence-score for a clause pair): the standard module for
//!   key–value data (Trados 2017 declares support for it); the file carries the same group
//!   with document, source and date;
//! * `<notes><note category="zhen-tm" priority="1" appliesTo="target">` only when the score
//!   is below `review_below`, saying the unit needs review and why. It is the unit's first
//!   (and only) note because readers that keep one comment per unit keep the first
//!   (ilib-xliff's `comment`);
//! * `<segment state="final">` for a confident pair; for a pair that needs review,
//!   `state="initial" subState="zhen-tm:needs-review"`. The 2.x state machine has no "needs
//!   review" value, and `translated` against `final` is a difference readers do not act on;
//!   `initial` with a target is what they read as a draft to check (the Translate Toolkit:
//!   fuzzy, not translated, not approved), and `subState` says why in the spec's way for
//!   tool-specific detail (`prefix:value`); a pair a person confirmed in the review page is
//!   `final` with `subState="zhen-tm:reviewed"`.
//!
//! `file` and `unit` ids must be `xs:NMTOKEN` and unique (the schema types them but only the
//! Schematron rules check uniqueness), so they are sanitized with [`super::nmtoken`] and
//! de-duplicated here.

use std::io::{self, Write};

use super::{format_score, nmtoken, UniqueIds, WriteOptions, WriteStats, XmlOut, TOOL_NAME};
use crate::model::{AlignedDocument, Lang, Pair};

/// Writes `docs` as one XLIFF 2.1 document to `out`, streaming. Documents without pairs are
/// skipped (a 2.x `<file>` must hold a unit); fails with `InvalidInput` when no document has
/// a pair, because an XLIFF 2 document needs at least one `<file>`.
pub fn write_xliff21<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    if docs.iter().all(|d| d.pairs.is_empty()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "XLIFF 2 needs at least one aligned pair; nothing to write",
        ));
    }
    let mut x = XmlOut::new(out);
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    x.raw(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" \
         xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.1\"",
    )?;
    x.attr("srcLang", opts.lang_code(opts.source))?;
    x.attr("trgLang", opts.lang_code(opts.target()))?;
    x.raw(">\n")?;
    let mut file_ids = UniqueIds::default();
    let mut pairs = 0;
    for doc in docs.iter().filter(|d| !d.pairs.is_empty()) {
        x.raw("  <file")?;
        x.attr("id", &file_ids.make(nmtoken(&doc.id)))?;
        x.attr("original", &doc.source)?;
        x.raw(">\n")?;
        let mut meta = vec![("document", doc.id.clone()), ("source", doc.source.clone())];
        if let Some(d) = &doc.date {
            meta.push(("date", d.clone()));
        }
        metadata(&mut x, "    ", &meta)?;
        let mut unit_ids = UniqueIds::default();
        for pair in &doc.pairs {
            unit(&mut x, pair, &unit_ids.make(nmtoken(&pair.id)), opts)?;
            pairs += 1;
        }
        x.raw("  </file>\n")?;
    }
    x.raw("</xliff>\n")?;
    let removed_chars = x.finish()?;
    Ok(WriteStats {
        pairs,
        removed_chars,
    })
}

/// Writes an `<mda:metadata>` block with one `zhen-tm` group.
fn metadata<W: Write>(x: &mut XmlOut<W>, indent: &str, meta: &[(&str, String)]) -> io::Result<()> {
    x.raw(indent)?;
    x.raw("<mda:metadata>\n")?;
    x.raw(indent)?;
    x.raw("  <mda:metaGroup")?;
    x.attr("category", TOOL_NAME)?;
    x.raw(">\n")?;
    for (kind, value) in meta {
        x.raw(indent)?;
        x.raw("    ")?;
        x.leaf("mda:meta", &[("type", kind)], value)?;
        x.raw("\n")?;
    }
    x.raw(indent)?;
    x.raw("  </mda:metaGroup>\n")?;
    x.raw(indent)?;
    x.raw("</mda:metadata>\n")
}

/// `subState` of a segment that needs review: `prefix:value` as the spec asks, the prefix
/// naming the tool so that it cannot clash with another tool's values.
pub const REVIEW_SUBSTATE: &str = "zhen-tm:needs-review";

/// `subState` of a `final` segment whose pair a person confirmed in the review page
/// ([`crate::model::Pair::reviewed`]), so that a reader can tell it from a pair that is final
/// only because the aligner was confident.
pub const REVIEWED_SUBSTATE: &str = "zhen-tm:reviewed";

/// Writes one `<unit>`: metadata, the review note when the pair needs one, the segment.
fn unit<W: Write>(x: &mut XmlOut<W>, pair: &Pair, id: &str, opts: &WriteOptions) -> io::Result<()> {
    let review = opts.needs_review(pair);
    let score = format_score(pair.score);
    x.raw("    <unit")?;
    x.attr("id", id)?;
    x.raw(">\n")?;
    let mut meta = vec![("document", pair.doc.clone())];
    if let Some(d) = &pair.date {
        meta.push(("date", d.clone()));
    }
    if let Some(s) = pair.speaker(Lang::En) {
        meta.push(("speaker-en", s.to_string()));
    }
    if let Some(s) = pair.speaker(Lang::Zh) {
        meta.push(("speaker-zh", s.to_string()));
    }
    meta.push(("unit", pair.unit.to_string()));
    meta.push(("kind", pair.kind_name().to_string()));
    meta.push(("bead", pair.bead()));
    meta.push(("score", score.clone()));
    if let Some(c) = &pair.clause {
        meta.push(("clause", format!("{}/{}", c.part, c.parts)));
        meta.push(("sentence-bead", c.sentence_bead.clone()));
        meta.push(("sentence-score", format_score(c.sentence_score)));
    }
    metadata(x, "      ", &meta)?;
    if review {
        x.raw("      <notes>\n        ")?;
        let msg = format!(
            "Needs review: alignment score {score} is below {}.",
            format_score(opts.review_below)
        );
        x.leaf(
            "note",
            &[
                ("category", TOOL_NAME),
                ("priority", "1"),
                ("appliesTo", "target"),
            ],
            &msg,
        )?;
        x.raw("\n      </notes>\n")?;
    }
    x.raw("      <segment")?;
    x.attr("id", "s1")?;
    if review {
        x.attr("state", "initial")?;
        x.attr("subState", REVIEW_SUBSTATE)?;
    } else {
        x.attr("state", "final")?;
        if pair.reviewed {
            x.attr("subState", REVIEWED_SUBSTATE)?;
        }
    }
    x.raw(">\n        ")?;
    x.leaf("source", &[], &pair.text(opts.source))?;
    x.raw("\n        ")?;
    x.leaf("target", &[], &pair.text(opts.target()))?;
    x.raw("\n      </segment>\n    </unit>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::test_support::doc;
    use quick_xml::events::Event;
    use quick_xml::Reader;

    #[derive(Debug, Default)]
    struct Unit {
        id: String,
        source: String,
        target: String,
        state: String,
        sub_state: String,
        meta: Vec<(String, String)>,
        notes: Vec<String>,
    }

    fn parse(xml: &str) -> (Vec<(String, String)>, Vec<String>, Vec<Unit>) {
        let mut r = Reader::from_str(xml);
        let mut root = vec![];
        let mut files = vec![];
        let mut units: Vec<Unit> = vec![];
        let mut text = String::new();
        let mut mtype = String::new();
        let mut in_unit = false;
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) => {
                    let get = |k: &[u8]| {
                        e.try_get_attribute(k)
                            .unwrap()
                            .map(|a| a.unescape_value().unwrap().into_owned())
                            .unwrap_or_default()
                    };
                    text.clear();
                    match e.name().as_ref() {
                        b"xliff" => {
                            for a in e.attributes() {
                                let a = a.unwrap();
                                root.push((
                                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                                    a.unescape_value().unwrap().into_owned(),
                                ));
                            }
                        }
                        b"file" => files.push(get(b"id")),
                        b"unit" => {
                            in_unit = true;
                            units.push(Unit {
                                id: get(b"id"),
                                ..Unit::default()
                            })
                        }
                        b"segment" => {
                            let u = units.last_mut().unwrap();
                            u.state = get(b"state");
                            u.sub_state = get(b"subState");
                        }
                        b"mda:meta" => mtype = get(b"type"),
                        _ => {}
                    }
                }
                Event::Text(t) => text.push_str(&t.unescape().unwrap()),
                Event::End(e) => {
                    if let Some(u) = units.last_mut().filter(|_| in_unit) {
                        match e.name().as_ref() {
                            b"unit" => in_unit = false,
                            b"source" => u.source = text.clone(),
                            b"target" => u.target = text.clone(),
                            b"mda:meta" => u.meta.push((mtype.clone(), text.clone())),
                            b"note" => u.notes.push(text.clone()),
                            _ => {}
                        }
                    }
                    text.clear();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (root, files, units)
    }

    #[test]
    fn writes_units_metadata_and_states() {
        let mut other = doc();
        other.id = "d1 两".into();
        let mut empty = doc();
        empty.id = "empty".into();
        empty.pairs.clear();
        let docs = vec![doc(), empty, other];
        let mut buf = Vec::new();
        let stats = write_xliff21(&mut buf, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                pairs: 6,
                removed_chars: 4
            }
        );
        let xml = String::from_utf8(buf).unwrap();
        let (root, files, units) = parse(&xml);
        assert!(root.contains(&("version".into(), "2.1".into())));
        assert!(root.contains(&("srcLang".into(), "zh-CN".into())));
        assert!(root.contains(&("trgLang".into(), "en-US".into())));
        assert!(root.contains(&(
            "xmlns".into(),
            "urn:oasis:names:tc:xliff:document:2.0".into()
        )));
        assert_eq!(files, ["d1", "d1_20_4e24"]);
        assert_eq!(units.len(), 6);
        for (u, p) in units.iter().zip(&docs[0].pairs) {
            assert_eq!(u.id, p.id);
            assert_eq!(u.source, p.zh_text().replace('\u{1}', ""));
            assert_eq!(u.target, p.en_text().replace('\u{1}', ""));
        }
        assert_eq!(units[0].target, "Press <Conference> & \"Q&A\"");
        assert_eq!(units[0].state, "final");
        assert_eq!(units[0].sub_state, "");
        assert!(units[0].notes.is_empty());
        assert_eq!(units[2].state, "initial");
        assert_eq!(units[2].sub_state, "zhen-tm:needs-review");
        assert_eq!(units[2].notes.len(), 1);
        assert!(units[2].notes[0].contains("review"));
        let meta: Vec<(&str, &str)> = units[2]
            .meta
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            meta,
            [
                ("document", "d1"),
                ("date", "2025-03-07"),
                ("speaker-en", "Wang Yi"),
                ("speaker-zh", "王毅"),
                ("unit", "3"),
                ("kind", "turn"),
                ("bead", "2-1"),
                ("score", "0.300")
            ]
        );
    }

    #[test]
    fn nothing_to_write_is_an_error() {
        let mut d = doc();
        d.pairs.clear();
        let err = write_xliff21(Vec::new(), &[d], &WriteOptions::default()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
