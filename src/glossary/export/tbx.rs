//! TBX-Basic, ISO 30042:2019 (TBX v3, DCA style), and the shared writer of the 2008 form.
//!
//! One `conceptEntry` per [`Entry`], ids `c1`, `c2`, … in list order. Entry level: the
//! category as `descrip type="subjectField"` (TBX-Basic allows it only there), for an
//! unreviewed candidate a `note` saying so, and where the term was seen as a `note`. An
//! unreviewed candidate's term is `admittedTerm-admn-sts`, never preferred (TBX-Basic's
//! picklist has no "proposed"). Then one `langSec` per language, source language first: the
//! preferred term in a `termSec` marked `preferredTerm-admn-sts`, and for English each
//! variant in a further `termSec` marked `admittedTerm-admn-sts` (renderings seen in official
//! text, not deprecated ones). The example sentence goes into the preferred term's `termSec`
//! as `descrip type="context"`: the dialect's Schematron allows context only at term level,
//! not directly in `langSec`.
//!
//! Text is escaped and cleaned of characters XML 1.0 forbids (a warning counts them). A
//! language without a term is left out (the core structure requires a term in every
//! `termSec` and a `termSec` in every `langSec`); an entry with no term at all is skipped
//! with a warning, and an empty list gives an empty `text` (`body` needs at least one entry).

use std::io::{self, Write};

use super::{review_note, seen, shorten, term, variants, GlossaryOptions};
use crate::glossary::{Entry, Status};
use crate::model::Lang;
use crate::write::XmlOut;

/// The TBX namespace of ISO 30042:2019.
pub(crate) const TBX_NS: &str = "urn:iso:std:iso:30042:ed-2";

/// What the file says it was made from, in `sourceDesc`.
const SOURCE_DESC: &str = "zhen-tm glossary: official English-Chinese diplomatic terminology \
                           extracted from bilingual Foreign Ministry transcripts";

/// The two TBX editions: same data, different element names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edition {
    /// ISO 30042:2019, TBX v3 (`tbx`, `conceptEntry`, `langSec`, `termSec`).
    V3,
    /// ISO 30042:2008 (`martif`, `termEntry`, `langSet`, `tig`).
    V2008,
}

impl Edition {
    fn entry(self) -> &'static str {
        match self {
            Edition::V3 => "conceptEntry",
            Edition::V2008 => "termEntry",
        }
    }
    fn lang(self) -> &'static str {
        match self {
            Edition::V3 => "langSec",
            Edition::V2008 => "langSet",
        }
    }
    fn term_group(self) -> &'static str {
        match self {
            Edition::V3 => "termSec",
            Edition::V2008 => "tig",
        }
    }
}

pub(super) fn write<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    write_edition(out, entries, opts, Edition::V3)
}

/// Writes either edition; the 2008 writer calls this too.
pub(super) fn write_edition<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
    ed: Edition,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut x = XmlOut::new(out);
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    match ed {
        Edition::V3 => {
            // The references the LTAC examples carry, so that editors and validators find the
            // schemas; readers ignore these processing instructions.
            x.raw("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n")?;
            x.raw("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n")?;
            x.raw("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"")?;
            x.raw(TBX_NS)?;
            x.raw("\">\n  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        ")?;
            x.leaf("p", &[], SOURCE_DESC)?;
            x.raw("\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n")?;
        }
        Edition::V2008 => {
            x.raw("<martif type=\"TBX-Basic\" xml:lang=\"en\">\n  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        ")?;
            x.leaf("p", &[], SOURCE_DESC)?;
            x.raw("\n      </sourceDesc>\n    </fileDesc>\n    <encodingDesc>\n        ")?;
            x.leaf("p", &[("type", "XCSURI")], "TBXBasicXCSV02.xcs")?;
            x.raw("\n    </encodingDesc>\n  </martifHeader>\n")?;
        }
    }
    let writable: Vec<&Entry> = entries
        .iter()
        .filter(|e| {
            let keep = !e.zh.trim().is_empty() || !e.en.trim().is_empty();
            if !keep {
                warnings.push(format!(
                    "{}: entry without any term skipped (category \"{}\")",
                    if ed == Edition::V3 { "tbx" } else { "tbx2008" },
                    shorten(&e.category)
                ));
            }
            keep
        })
        .collect();
    if writable.is_empty() {
        x.raw("  <text/>\n")?;
    } else {
        x.raw("  <text>\n    <body>\n")?;
        for (i, e) in writable.into_iter().enumerate() {
            write_entry(&mut x, e, &format!("c{}", i + 1), opts, ed)?;
        }
        x.raw("    </body>\n  </text>\n")?;
    }
    x.raw(match ed {
        Edition::V3 => "</tbx>\n",
        Edition::V2008 => "</martif>\n",
    })?;
    let removed = x.finish()?;
    if removed > 0 {
        warnings.push(format!(
            "{}: {removed} character(s) that XML 1.0 forbids removed",
            if ed == Edition::V3 { "tbx" } else { "tbx2008" }
        ));
    }
    Ok(warnings)
}

fn write_entry<W: Write>(
    x: &mut XmlOut<W>,
    e: &Entry,
    id: &str,
    opts: &GlossaryOptions,
    ed: Edition,
) -> io::Result<()> {
    x.raw("      <")?;
    x.raw(ed.entry())?;
    x.attr("id", id)?;
    x.raw(">\n")?;
    if !e.category.trim().is_empty() {
        x.raw("        ")?;
        x.leaf("descrip", &[("type", "subjectField")], e.category.trim())?;
        x.raw("\n")?;
    }
    for note in review_note(e).into_iter().chain(seen(e)) {
        x.raw("        ")?;
        x.leaf("note", &[], &note)?;
        x.raw("\n")?;
    }
    // TBX-Basic's statuses have no "proposed": an unreviewed candidate is at most admitted,
    // never preferred; the note above says why.
    let preferred_status = match e.status {
        Status::Reviewed => "preferredTerm-admn-sts",
        Status::Unreviewed => "admittedTerm-admn-sts",
    };
    for lang in [opts.source, opts.target()] {
        let preferred = term(e, lang).trim();
        if preferred.is_empty() {
            continue;
        }
        let (others, example) = match lang {
            Lang::Zh => (Vec::new(), e.example_zh.trim()),
            Lang::En => (variants(e), e.example_en.trim()),
        };
        x.raw("        <")?;
        x.raw(ed.lang())?;
        x.attr("xml:lang", opts.code(lang))?;
        x.raw(">\n")?;
        write_term(x, ed, preferred, preferred_status, example)?;
        for v in others {
            write_term(x, ed, v, "admittedTerm-admn-sts", "")?;
        }
        x.raw("        </")?;
        x.raw(ed.lang())?;
        x.raw(">\n")?;
    }
    x.raw("      </")?;
    x.raw(ed.entry())?;
    x.raw(">\n")
}

/// One `termSec` (v3) or `tig` (2008): term, administrative status, optional context.
fn write_term<W: Write>(
    x: &mut XmlOut<W>,
    ed: Edition,
    t: &str,
    status: &str,
    context: &str,
) -> io::Result<()> {
    x.raw("          <")?;
    x.raw(ed.term_group())?;
    x.raw(">\n            ")?;
    x.leaf("term", &[], t)?;
    x.raw("\n            ")?;
    x.leaf("termNote", &[("type", "administrativeStatus")], status)?;
    x.raw("\n")?;
    if !context.is_empty() {
        x.raw("            ")?;
        x.leaf("descrip", &[("type", "context")], context)?;
        x.raw("\n")?;
    }
    x.raw("          </")?;
    x.raw(ed.term_group())?;
    x.raw(">\n")
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use crate::glossary::Entry;
    use quick_xml::events::Event;

    /// An element's path (local names joined by `/`), attributes and text.
    pub type Element = (String, Vec<(String, String)>, String);

    /// Parses `xml` with quick-xml and returns, for every element, its path (local names
    /// joined by `/`), its attributes and its text, so tests can assert structure.
    pub fn elements(xml: &str) -> Vec<Element> {
        let mut r = quick_xml::Reader::from_str(xml);
        let mut path: Vec<String> = Vec::new();
        let mut out: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        loop {
            match r.read_event().expect("well-formed XML") {
                Event::Start(s) => {
                    path.push(String::from_utf8_lossy(s.local_name().as_ref()).into_owned());
                    let attrs = s
                        .attributes()
                        .map(|a| {
                            let a = a.expect("attribute");
                            (
                                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                                a.unescape_value().expect("value").into_owned(),
                            )
                        })
                        .collect();
                    out.push((path.join("/"), attrs, String::new()));
                    open.push(out.len() - 1);
                }
                Event::Empty(s) => {
                    let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
                    out.push((
                        format!("{}/{name}", path.join("/")),
                        Vec::new(),
                        String::new(),
                    ));
                }
                Event::Text(t) => {
                    if let Some(&i) = open.last() {
                        out[i].2.push_str(&t.unescape().expect("text"));
                    }
                }
                Event::End(_) => {
                    path.pop();
                    open.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    fn run(entries: &[Entry]) -> (String, Vec<String>) {
        let mut buf = Vec::new();
        let w = export(
            &mut buf,
            GlossaryFormat::Tbx,
            entries,
            &GlossaryOptions::default(),
        )
        .unwrap();
        (String::from_utf8(buf).unwrap(), w)
    }

    #[test]
    fn structure_and_escaping() {
        let (xml, warnings) = run(&test_fixture::entries());
        assert!(xml.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"));
        assert_eq!(
            warnings,
            ["tbx: 1 character(s) that XML 1.0 forbids removed"]
        );
        let els = elements(&xml);
        let entries: Vec<_> = els
            .iter()
            .filter(|e| e.0.ends_with("body/conceptEntry"))
            .collect();
        assert_eq!(entries.len(), 6);
        assert_eq!(entries[0].1, [("id".to_string(), "c1".to_string())]);
        let terms: Vec<&str> = els
            .iter()
            .filter(|e| e.0.ends_with("conceptEntry/langSec/termSec/term"))
            .map(|e| e.2.as_str())
            .collect();
        assert_eq!(
            &terms[..4],
            [
                "人类命运共同体",
                "community with a shared future for humanity",
                "community with a shared future for mankind",
                "community of common destiny for mankind"
            ]
        );
        assert!(terms.contains(&"=一带一路"));
        assert!(terms.contains(&"Earth 🌍 <&>"));
        assert!(xml.contains("Earth 🌍 &lt;&amp;&gt;</term>"));
        let status: Vec<&str> = els
            .iter()
            .filter(|e| e.0.ends_with("termSec/termNote"))
            .map(|e| e.2.as_str())
            .take(3)
            .collect();
        assert_eq!(
            status,
            [
                "preferredTerm-admn-sts",
                "preferredTerm-admn-sts",
                "admittedTerm-admn-sts"
            ]
        );
        assert!(els
            .iter()
            .any(|e| e.0.ends_with("conceptEntry/descrip") && e.2 == "concept"));
        assert!(els
            .iter()
            .any(|e| e.0.ends_with("termSec/descrip") && e.2 == "构建人类命运共同体。"));
    }

    #[test]
    fn empty_list_and_termless_entries() {
        let (xml, w) = run(&[]);
        assert!(xml.contains("<text/>"));
        assert!(w.is_empty());
        let (xml, w) = run(&[Entry::default()]);
        assert!(xml.contains("<text/>"));
        assert_eq!(w.len(), 1);
        let (xml, _) = run(&[Entry {
            zh: "只有中文".into(),
            ..Entry::default()
        }]);
        assert!(!xml.contains("xml:lang=\"en-US\""));
    }
}
