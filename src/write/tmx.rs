//! TMX 1.4b: the one translation-memory format every CAT tool imports.
//!
//! Layout: XML declaration (no DOCTYPE: .NET readers reject one by default, and validation
//! uses the DTD explicitly), a `<header>` with the seven
//! required attributes (and `creationdate` only when the caller fixed one, so output stays
//! reproducible), then one `<tu>` per pair. Each `<tu>` has a `creationdate`: its
//! document's date (the day the translation was published), or the caller's date for a
//! document without one, because CAT tools read dates per unit, not from the header (OmegaT
//! shows and sorts matches by them, Trados filters on them); both are fixed by the input or
//! the caller, so output stays reproducible. Each `<tu>` carries the pair's context as
//! `<prop type="x-…">` (the spec's mechanism for tool-specific data; Trados maps `x-` props
//! to TM fields of the same name) before its two `<tuv>`s, as the DTD requires; the source
//! language `<tuv>` comes first. Segments are plain text (TMX level 1) on one line, because
//! all whitespace inside `<seg>` is significant.

use std::io::{self, Write};

use super::{
    format_score, tmx_date_from_iso, UniqueIds, WriteOptions, WriteStats, XmlOut, TOOL_NAME,
    TOOL_VERSION,
};
use crate::model::{AlignedDocument, Lang, Pair};

/// Writes `docs` as one TMX 1.4b memory (UTF-8, no BOM) to `out`, streaming pair by pair.
/// Every pair becomes a `<tu>` whose `tuid` is the pair id (whitespace replaced by `_`, made
/// unique if two ids collide), so that a translator can trace a match back to its document.
/// With [`WriteOptions::review_tmx`], the pairs that need review are left out (see
/// [`write_review_tmx`]).
pub fn write_tmx<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    write_pairs(out, docs, opts, |p| {
        !(opts.review_tmx && opts.needs_review(p))
    })
}

/// Writes only the pairs that need review ([`WriteOptions::needs_review`]) as a TMX 1.4b
/// memory, the companion of [`write_tmx`] with [`WriteOptions::review_tmx`]. A CAT tool can
/// then hold doubtful pairs at arm's length: OmegaT takes a memory in `tm/penalty-30/` with
/// 30 points off every match, so a doubtful pair is offered at 70% and never inserted by
/// itself. The memory may hold no `<tu>` (the DTD allows an empty body), so that a folder
/// never keeps a stale one from an earlier export.
pub fn write_review_tmx<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    write_pairs(out, docs, opts, |p| opts.needs_review(p))
}

/// The TMX writer proper, over the pairs `keep` accepts.
fn write_pairs<W: Write>(
    out: W,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
    keep: impl Fn(&Pair) -> bool,
) -> io::Result<WriteStats> {
    let mut x = XmlOut::new(out);
    let src = opts.source;
    let tgt = opts.target();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    x.raw("<tmx version=\"1.4\">\n  <header")?;
    x.attr("creationtool", TOOL_NAME)?;
    x.attr("creationtoolversion", TOOL_VERSION)?;
    x.attr("segtype", "sentence")?;
    x.attr("o-tmf", TOOL_NAME)?;
    x.attr("adminlang", "en-US")?;
    x.attr("srclang", opts.lang_code(src))?;
    x.attr("datatype", "plaintext")?;
    if let Some(date) = &opts.creation_date {
        x.attr("creationdate", date)?;
    }
    x.raw("/>\n  <body>\n")?;

    let mut ids = UniqueIds::default();
    let mut pairs = 0;
    for pair in docs.iter().flat_map(|d| &d.pairs).filter(|p| keep(p)) {
        let tuid: String = pair
            .id
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        x.raw("    <tu")?;
        x.attr("tuid", &ids.make(tuid))?;
        if let Some(date) = tu_date(pair, opts) {
            x.attr("creationdate", &date)?;
        }
        x.raw(">\n")?;
        for (kind, value) in props(pair) {
            x.raw("      ")?;
            x.leaf("prop", &[("type", kind)], &value)?;
            x.raw("\n")?;
        }
        for lang in [src, tgt] {
            tuv(&mut x, opts.lang_code(lang), &pair.text(lang))?;
        }
        x.raw("    </tu>\n")?;
        pairs += 1;
    }
    x.raw("  </body>\n</tmx>\n")?;
    let removed_chars = x.finish()?;
    Ok(WriteStats {
        pairs,
        removed_chars,
    })
}

/// A `<tu>`'s `creationdate`: the pair's document date at midnight UTC, or the export's
/// [`WriteOptions::creation_date`] when the document has no (well-formed) date.
fn tu_date(pair: &Pair, opts: &WriteOptions) -> Option<String> {
    pair.date
        .as_deref()
        .and_then(tmx_date_from_iso)
        .or_else(|| opts.creation_date.clone())
}

/// The `<prop>`s of one `<tu>`, in a fixed order; date and speakers only when known, so an
/// importer never stores an empty field; `x-clause` (`2/3`: the second of three parts),
/// `x-sentence-bead` and `x-sentence-score` only on clause pairs ([`Pair::clause`]);
/// `x-reviewed` only on pairs a person confirmed.
fn props(pair: &Pair) -> Vec<(&'static str, String)> {
    let mut v = vec![("x-document", pair.doc.clone())];
    if let Some(date) = &pair.date {
        v.push(("x-date", date.clone()));
    }
    if let Some(s) = pair.speaker(Lang::En) {
        v.push(("x-speaker-en", s.to_string()));
    }
    if let Some(s) = pair.speaker(Lang::Zh) {
        v.push(("x-speaker-zh", s.to_string()));
    }
    v.push(("x-unit", pair.unit.to_string()));
    v.push(("x-kind", pair.kind_name().to_string()));
    v.push(("x-bead", pair.bead()));
    v.push(("x-score", format_score(pair.score)));
    if let Some(c) = &pair.clause {
        v.push(("x-clause", format!("{}/{}", c.part, c.parts)));
        v.push(("x-sentence-bead", c.sentence_bead.clone()));
        v.push(("x-sentence-score", format_score(c.sentence_score)));
    }
    if pair.reviewed {
        v.push(("x-reviewed", "yes".to_string()));
    }
    v
}

fn tuv<W: Write>(x: &mut XmlOut<W>, lang: &str, text: &str) -> io::Result<()> {
    x.raw("      <tuv")?;
    x.attr("xml:lang", lang)?;
    x.raw("><seg>")?;
    x.text(text)?;
    x.raw("</seg></tuv>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::test_support::doc;
    use quick_xml::events::Event;
    use quick_xml::Reader;

    /// Parsed `<tu>`: tuid, props, (lang, seg) in order.
    type Tu = (String, Vec<(String, String)>, Vec<(String, String)>);

    fn parse(xml: &str) -> (Vec<(String, String)>, Vec<Tu>) {
        let mut r = Reader::from_str(xml);
        let mut header = vec![];
        let mut tus: Vec<Tu> = vec![];
        let mut cur_attr = String::new();
        let mut text = String::new();
        let attr = |e: &quick_xml::events::BytesStart, k: &[u8]| -> String {
            e.try_get_attribute(k)
                .unwrap()
                .unwrap()
                .unescape_value()
                .unwrap()
                .into_owned()
        };
        loop {
            match r.read_event().unwrap() {
                Event::Empty(e) if e.name().as_ref() == b"header" => {
                    for a in e.attributes() {
                        let a = a.unwrap();
                        header.push((
                            String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                            a.unescape_value().unwrap().into_owned(),
                        ));
                    }
                }
                Event::Start(e) => {
                    text.clear();
                    match e.name().as_ref() {
                        b"tu" => tus.push((attr(&e, b"tuid"), vec![], vec![])),
                        b"prop" => cur_attr = attr(&e, b"type"),
                        b"tuv" => cur_attr = attr(&e, b"xml:lang"),
                        _ => {}
                    }
                }
                Event::Text(t) => text.push_str(&t.unescape().unwrap()),
                Event::End(e) => match e.name().as_ref() {
                    b"prop" => {
                        tus.last_mut()
                            .unwrap()
                            .1
                            .push((cur_attr.clone(), text.clone()));
                        text.clear();
                    }
                    b"seg" => {
                        tus.last_mut()
                            .unwrap()
                            .2
                            .push((cur_attr.clone(), text.clone()));
                        text.clear();
                    }
                    _ => text.clear(),
                },
                Event::Eof => break,
                _ => {}
            }
        }
        (header, tus)
    }

    #[test]
    fn writes_header_props_and_segments() {
        let docs = vec![doc()];
        let mut buf = Vec::new();
        let stats = write_tmx(&mut buf, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                pairs: 3,
                removed_chars: 2
            }
        );
        let xml = String::from_utf8(buf).unwrap();
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">")
        );
        let (header, tus) = parse(&xml);
        let h = |k: &str| header.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        assert_eq!(
            h("creationdate"),
            None,
            "no header date unless the caller gives one"
        );
        assert_eq!(h("creationtool"), Some("zhen-tm"));
        assert_eq!(h("creationtoolversion"), Some(env!("CARGO_PKG_VERSION")));
        assert_eq!(h("segtype"), Some("sentence"));
        assert_eq!(h("o-tmf"), Some("zhen-tm"));
        assert_eq!(h("adminlang"), Some("en-US"));
        assert_eq!(h("srclang"), Some("zh-CN"));
        assert_eq!(h("datatype"), Some("plaintext"));

        assert_eq!(tus.len(), 3);
        let d = &docs[0];
        for (tu, pair) in tus.iter().zip(&d.pairs) {
            assert_eq!(tu.0, pair.id);
            let en = pair.en_text().replace('\u{1}', "");
            let zh = pair.zh_text().replace('\u{1}', "");
            assert_eq!(
                tu.2,
                vec![("zh-CN".to_string(), zh), ("en-US".to_string(), en)]
            );
        }
        assert_eq!(tus[0].2[1].1, "Press <Conference> & \"Q&A\"");
        assert_eq!(tus[2].2[1].1, "China said “yes”. We agree 😀.");
        let props: Vec<&str> = tus[2].1.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            props,
            [
                "x-document",
                "x-date",
                "x-speaker-en",
                "x-speaker-zh",
                "x-unit",
                "x-kind",
                "x-bead",
                "x-score"
            ]
        );
        let vals: Vec<&str> = tus[2].1.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(
            vals,
            [
                "d1",
                "2025-03-07",
                "Wang Yi",
                "王毅",
                "3",
                "turn",
                "2-1",
                "0.300"
            ]
        );
        // The title has no date or speakers: those props are omitted.
        let title: Vec<&str> = tus[0].1.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            title,
            ["x-document", "x-unit", "x-kind", "x-bead", "x-score"]
        );
    }

    #[test]
    fn english_source_and_creation_date() {
        let opts = WriteOptions {
            source: Lang::En,
            creation_date: Some("20250307T080000Z".into()),
            ..WriteOptions::default()
        };
        let mut buf = Vec::new();
        write_tmx(&mut buf, &[doc()], &opts).unwrap();
        let xml = String::from_utf8(buf).unwrap();
        let (header, tus) = parse(&xml);
        assert!(header.contains(&("srclang".into(), "en-US".into())));
        assert!(header.contains(&("creationdate".into(), "20250307T080000Z".into())));
        assert_eq!(tus[1].2[0].0, "en-US");
        assert_eq!(tus[1].2[1].0, "zh-CN");
    }

    /// `creationdate` of every `<tu>`, in order ("" when absent).
    fn tu_dates(xml: &str) -> Vec<String> {
        let mut r = Reader::from_str(xml);
        let mut out = vec![];
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"tu" => out.push(
                    e.try_get_attribute("creationdate")
                        .unwrap()
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap_or_default(),
                ),
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_tu_is_dated_by_its_document_or_the_export() {
        let docs = vec![doc()];
        let mut buf = Vec::new();
        write_tmx(&mut buf, &docs, &WriteOptions::default()).unwrap();
        // The title pair has no date of its own and no export date was given.
        assert_eq!(
            tu_dates(std::str::from_utf8(&buf).unwrap()),
            ["", "20250307T000000Z", "20250307T000000Z"]
        );
        let opts = WriteOptions {
            creation_date: Some("20260101T120000Z".into()),
            ..WriteOptions::default()
        };
        let mut buf = Vec::new();
        write_tmx(&mut buf, &docs, &opts).unwrap();
        // The document's own date wins; the export date fills the gap.
        assert_eq!(
            tu_dates(std::str::from_utf8(&buf).unwrap()),
            ["20260101T120000Z", "20250307T000000Z", "20250307T000000Z"]
        );
        // A malformed document date is not written; the export date replaces it.
        let mut d = doc();
        d.pairs[1].date = Some("7 March".into());
        let mut buf = Vec::new();
        write_tmx(&mut buf, &[d], &opts).unwrap();
        assert_eq!(
            tu_dates(std::str::from_utf8(&buf).unwrap())[1],
            "20260101T120000Z"
        );
    }

    #[test]
    fn review_pairs_go_to_their_own_memory() {
        let docs = vec![doc()];
        let ids = |xml: Vec<u8>| -> Vec<String> {
            let (_, tus) = parse(std::str::from_utf8(&xml).unwrap());
            tus.into_iter().map(|t| t.0).collect()
        };
        let mut all = Vec::new();
        write_tmx(&mut all, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(ids(all), ["d1-0001", "d1-0002", "d1-0003"]);
        let split = WriteOptions {
            review_tmx: true,
            ..WriteOptions::default()
        };
        let mut main = Vec::new();
        let stats = write_tmx(&mut main, &docs, &split).unwrap();
        assert_eq!(stats.pairs, 2);
        assert_eq!(ids(main), ["d1-0001", "d1-0002"]);
        let mut review = Vec::new();
        let stats = write_review_tmx(&mut review, &docs, &split).unwrap();
        assert_eq!(stats.pairs, 1);
        assert_eq!(ids(review), ["d1-0003"]);
        // Nothing to review: a valid memory with an empty body.
        let strict = WriteOptions {
            review_below: 0.0,
            ..split
        };
        let mut empty = Vec::new();
        write_review_tmx(&mut empty, &docs, &strict).unwrap();
        let xml = String::from_utf8(empty).unwrap();
        assert!(xml.contains("<body>\n  </body>"), "{xml}");
    }

    #[test]
    fn deterministic_and_unique_tuids() {
        let mut d = doc();
        d.pairs[1].id = "d1-0001".into();
        d.pairs[2].id = "d1 0003".into();
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_tmx(&mut a, &[d.clone()], &WriteOptions::default()).unwrap();
        write_tmx(&mut b, &[d], &WriteOptions::default()).unwrap();
        assert_eq!(a, b);
        let (_, tus) = parse(std::str::from_utf8(&a).unwrap());
        let ids: Vec<&str> = tus.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(ids, ["d1-0001", "d1-0001-2", "d1_0003"]);
    }
}
