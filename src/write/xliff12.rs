//! XLIFF 1.2, valid against the OASIS *strict* schema: the XLIFF version every CAT tool
//! checked imports.
//!
//! Layout: one `<file>` per document (`original` = where the document was read from), with
//! a `<header>` naming the tool, then one `<trans-unit>` per pair:
//!
//! * `<trans-unit approved="yes">` for a confident pair (score at or above `review_below`):
//!   readers that follow the spec (the Translate Toolkit, and `xliff2po`/`po2tmx` after it)
//!   treat a unit without `approved="yes"` as a draft, fuzzy and untranslated, and would
//!   drop every pair; a pair that needs review is left unapproved;
//! * `<source>` / `<target>` in the source and target languages of the options; the target
//!   has `state="translated"`, or `state="needs-review-translation"` when the alignment
//!   score is below `review_below`, so a reviewer can filter on it, or `state="signed-off"`
//!   (the spec's "reviewed and approved") for a pair a person confirmed in the review page;
//! * a `<context-group purpose="information">` holding one `<context context-type="x-…">`
//!   per metadata field (document, date, speakers, unit, kind, bead, score; clause,
//!   sentence bead and sentence score for a clause pair). The strict
//!   schema has no `<prop-group>` (transitional only); `context` with an `x-` type is its
//!   extension point for exactly this kind of data, and it is machine-readable;
//! * a `<note from="zhen-tm">` with the same context in words (speaker, document, date,
//!   and for a clause pair which part of which sentence pair it is),
//!   because notes are what CAT tools actually show translators; and, for low scores, a
//!   priority-1 note saying why the unit needs review.

use std::io::{self, Write};

use super::{format_score, UniqueIds, WriteOptions, WriteStats, XmlOut, TOOL_NAME, TOOL_VERSION};
use crate::model::{AlignedDocument, Lang, Pair};

/// Writes `docs` as one XLIFF 1.2 document to `out`, one `<file>` per document, streaming.
/// Trans-unit ids are the pair ids (made unique within their file, as the schema requires).
/// Fails with `InvalidInput` when `docs` is empty, because XLIFF requires at least one
/// `<file>` and an invalid file would be rejected by the importer anyway.
pub fn write_xliff12<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    if docs.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "XLIFF needs at least one document; nothing to write",
        ));
    }
    let mut x = XmlOut::new(out);
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    x.raw("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n")?;
    let mut pairs = 0;
    for doc in docs {
        x.raw("  <file")?;
        x.attr("original", &doc.source)?;
        x.attr("source-language", opts.lang_code(opts.source))?;
        x.attr("target-language", opts.lang_code(opts.target()))?;
        x.attr("datatype", "plaintext")?;
        x.attr("tool-id", TOOL_NAME)?;
        x.raw(">\n    <header>\n      <tool")?;
        x.attr("tool-id", TOOL_NAME)?;
        x.attr("tool-name", TOOL_NAME)?;
        x.attr("tool-version", TOOL_VERSION)?;
        x.raw("/>\n      ")?;
        let mut about = format!("Document: {}", doc.id);
        if let Some(date) = &doc.date {
            about.push_str(&format!("; date: {date}"));
        }
        x.leaf("note", &[("from", TOOL_NAME)], &about)?;
        x.raw("\n    </header>\n    <body>\n")?;
        let mut ids = UniqueIds::default();
        for pair in &doc.pairs {
            trans_unit(&mut x, pair, &ids.make(pair.id.clone()), opts)?;
            pairs += 1;
        }
        x.raw("    </body>\n  </file>\n")?;
    }
    x.raw("</xliff>\n")?;
    let removed_chars = x.finish()?;
    Ok(WriteStats {
        pairs,
        removed_chars,
    })
}

fn trans_unit<W: Write>(
    x: &mut XmlOut<W>,
    pair: &Pair,
    id: &str,
    opts: &WriteOptions,
) -> io::Result<()> {
    let review = opts.needs_review(pair);
    let state = if review {
        "needs-review-translation"
    } else if pair.reviewed {
        "signed-off"
    } else {
        "translated"
    };
    let score = format_score(pair.score);
    x.raw("      <trans-unit")?;
    x.attr("id", id)?;
    if !review {
        x.attr("approved", "yes")?;
    }
    x.raw(">\n        ")?;
    x.leaf("source", &[], &pair.text(opts.source))?;
    x.raw("\n        ")?;
    x.leaf("target", &[("state", state)], &pair.text(opts.target()))?;
    x.raw("\n        <context-group purpose=\"information\">\n")?;
    let mut ctx = vec![("x-document", pair.doc.clone())];
    if let Some(d) = &pair.date {
        ctx.push(("x-date", d.clone()));
    }
    if let Some(s) = pair.speaker(Lang::En) {
        ctx.push(("x-speaker-en", s.to_string()));
    }
    if let Some(s) = pair.speaker(Lang::Zh) {
        ctx.push(("x-speaker-zh", s.to_string()));
    }
    ctx.push(("x-unit", pair.unit.to_string()));
    ctx.push(("x-kind", pair.kind_name().to_string()));
    ctx.push(("x-bead", pair.bead()));
    ctx.push(("x-score", score.clone()));
    if let Some(c) = &pair.clause {
        ctx.push(("x-clause", format!("{}/{}", c.part, c.parts)));
        ctx.push(("x-sentence-bead", c.sentence_bead.clone()));
        ctx.push(("x-sentence-score", format_score(c.sentence_score)));
    }
    for (kind, value) in &ctx {
        x.raw("          ")?;
        x.leaf("context", &[("context-type", kind)], value)?;
        x.raw("\n")?;
    }
    x.raw("        </context-group>\n        ")?;
    x.leaf("note", &[("from", TOOL_NAME)], &describe(pair, opts))?;
    x.raw("\n")?;
    if review {
        x.raw("        ")?;
        let msg = format!(
            "Needs review: alignment score {score} is below {}.",
            format_score(opts.review_below)
        );
        x.leaf("note", &[("from", TOOL_NAME), ("priority", "1")], &msg)?;
        x.raw("\n")?;
    }
    x.raw("      </trans-unit>\n")
}

/// The pair's context in words, for the note a translator sees in the CAT tool.
fn describe(pair: &Pair, opts: &WriteOptions) -> String {
    let mut s = String::new();
    let speakers: Vec<&str> = [pair.speaker(opts.source), pair.speaker(opts.target())]
        .into_iter()
        .flatten()
        .collect();
    match speakers.as_slice() {
        [a, b] if a != b => s.push_str(&format!("Speaker: {a} / {b}; ")),
        [a, ..] => s.push_str(&format!("Speaker: {a}; ")),
        [] => {}
    }
    s.push_str(&format!("{} in {}", pair.kind_name(), pair.doc));
    if let Some(d) = &pair.date {
        s.push_str(&format!(" ({d})"));
    }
    if let Some(c) = &pair.clause {
        s.push_str(&format!(
            "; clause pair: part {} of {} of one Chinese sentence (from a {} sentence pair \
             scoring {})",
            c.part,
            c.parts,
            c.sentence_bead,
            format_score(c.sentence_score)
        ));
    }
    s
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
        approved: String,
        contexts: Vec<(String, String)>,
        notes: Vec<String>,
    }

    fn parse(xml: &str) -> (Vec<Vec<(String, String)>>, Vec<Unit>) {
        let mut r = Reader::from_str(xml);
        let mut files = vec![];
        let mut units: Vec<Unit> = vec![];
        let mut text = String::new();
        let mut ctype = String::new();
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
                        b"file" => files.push(
                            e.attributes()
                                .map(|a| {
                                    let a = a.unwrap();
                                    (
                                        String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                                        a.unescape_value().unwrap().into_owned(),
                                    )
                                })
                                .collect(),
                        ),
                        b"trans-unit" => {
                            in_unit = true;
                            units.push(Unit {
                                id: get(b"id"),
                                approved: get(b"approved"),
                                ..Unit::default()
                            })
                        }
                        b"target" => units.last_mut().unwrap().state = get(b"state"),
                        b"context" => ctype = get(b"context-type"),
                        _ => {}
                    }
                }
                Event::Text(t) => text.push_str(&t.unescape().unwrap()),
                Event::End(e) => {
                    if in_unit {
                        let u = units.last_mut().unwrap();
                        match e.name().as_ref() {
                            b"source" => u.source = text.clone(),
                            b"target" => u.target = text.clone(),
                            b"context" => u.contexts.push((ctype.clone(), text.clone())),
                            b"note" => u.notes.push(text.clone()),
                            b"trans-unit" => in_unit = false,
                            _ => {}
                        }
                    }
                    text.clear();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (files, units)
    }

    #[test]
    fn writes_units_states_and_context() {
        let docs = vec![doc()];
        let mut buf = Vec::new();
        let stats = write_xliff12(&mut buf, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                pairs: 3,
                removed_chars: 2
            }
        );
        let xml = String::from_utf8(buf).unwrap();
        let (files, units) = parse(&xml);
        assert_eq!(files.len(), 1);
        let f = &files[0];
        assert!(f.contains(&("original".into(), "in/d1 & co.md".into())));
        assert!(f.contains(&("source-language".into(), "zh-CN".into())));
        assert!(f.contains(&("target-language".into(), "en-US".into())));
        assert!(f.contains(&("datatype".into(), "plaintext".into())));
        assert_eq!(units.len(), 3);
        for (u, p) in units.iter().zip(&docs[0].pairs) {
            assert_eq!(u.id, p.id);
            assert_eq!(u.source, p.zh_text().replace('\u{1}', ""));
            assert_eq!(u.target, p.en_text().replace('\u{1}', ""));
        }
        assert_eq!(units[0].target, "Press <Conference> & \"Q&A\"");
        assert_eq!(units[0].state, "translated");
        assert_eq!(units[0].approved, "yes");
        assert_eq!(units[1].approved, "yes");
        assert_eq!(units[2].state, "needs-review-translation");
        assert_eq!(
            units[2].approved, "",
            "a pair that needs review is not approved"
        );
        assert_eq!(units[2].notes.len(), 2);
        assert!(units[2].notes[1].contains("0.300"), "{:?}", units[2].notes);
        assert_eq!(units[1].notes.len(), 1);
        assert_eq!(
            units[1].notes[0],
            "Speaker: 王毅 / Wang Yi; turn in d1 (2025-03-07)"
        );
        let ctx: Vec<(&str, &str)> = units[2]
            .contexts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            ctx,
            [
                ("x-document", "d1"),
                ("x-date", "2025-03-07"),
                ("x-speaker-en", "Wang Yi"),
                ("x-speaker-zh", "王毅"),
                ("x-unit", "3"),
                ("x-kind", "turn"),
                ("x-bead", "2-1"),
                ("x-score", "0.300")
            ]
        );
    }

    #[test]
    fn empty_input_is_an_error_and_empty_doc_is_fine() {
        let mut buf = Vec::new();
        let err = write_xliff12(&mut buf, &[], &WriteOptions::default()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        let mut d = doc();
        d.pairs.clear();
        let stats = write_xliff12(&mut buf, &[d], &WriteOptions::default()).unwrap();
        assert_eq!(stats.pairs, 0);
    }
}
