//! Differential test of the bundled TBX-Basic schema (`schemas/tbx/tbx-basic.xsd`): the
//! verdict of `zhen-tm validate --as tbx` (a file is schema-invalid when it reports an error
//! with rule `schema`) is compared with xmllint's verdict with the OFFICIAL TBX core-structure
//! RELAX NG schema (`shared/schemas-upstream/tbx/TBXcoreStructV03.rng`) on
//!
//! * the LTAC TBX-Basic examples (`shared/testsuite-upstream/LTAC-Global+TBX-Basic_dialect/`,
//!   DCA and DCT style),
//! * the TBX that `zhen-tm terms samples/ -o DIR` writes and the glossary fixture,
//! * mutations of those and of a compact seed that uses (nearly) every element.
//!
//! Every mutation states what is expected: the same verdict as the core RNG, or a stricter
//! one because a TBX-Basic dialect rule (the DCA Schematron, `Basic.rng`/`Min.rng`, the NVDL
//! namespace rules) rejects what the core structure allows, or — the one known case — a more
//! lenient schema verdict that the rest of `zhen-tm validate` makes up for. Skipped, with a
//! message, when `../shared` or xmllint is missing.

#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};
use std::process::Command;

use oracle::{shared_dir, xmllint, OracleSchema, SKIP_MESSAGE};
use rayon::prelude::*;

/// What our schema should say compared with the core RNG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// The same verdict.
    Same,
    /// Core RNG accepts, we reject: a dialect rule forbids it (the reason).
    Stricter(&'static str),
    /// Core RNG rejects, our schema layer accepts, the semantic checks reject (the reason).
    Lenient(&'static str),
}

/// One document to judge.
struct Case {
    name: String,
    path: PathBuf,
    expect: Expect,
}

/// A compact TBX-Basic (DCA) document using nearly every element of the core structure and
/// every TBX-Basic data category at a level where it is allowed.
const SEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader id="h">
    <fileDesc>
      <publicationStmt><p>Published for the zhen-tm tests</p></publicationStmt>
      <titleStmt xml:lang="en"><title>Seed glossary</title><note>for mutations</note></titleStmt>
      <sourceDesc><p type="origin">Hand-written</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">none</p></encodingDesc>
    <revisionDesc><change><p>2024-01-01 created</p></change></revisionDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <transacGrp>
          <transac type="transactionType">origination</transac>
          <date>2024-03-07</date>
          <transacNote type="responsibility" target="person1">Reviewer</transacNote>
        </transacGrp>
        <descrip type="subjectField">diplomacy</descrip>
        <descripGrp>
          <descrip type="definition">An initiative for <hi type="italics">infrastructure</hi>.</descrip>
          <admin type="source">MFA</admin>
        </descripGrp>
        <admin type="customerSubset">MFA</admin>
        <adminGrp><admin type="projectSubset">press</admin><note>grouped</note></adminGrp>
        <ref type="crossReference" target="c2">see c2</ref>
        <xref type="xGraphic" target="https://example.org/map.png">map</xref>
        <note>Seen in <foreign xml:lang="zh">新闻</foreign> transcripts.</note>
        <langSec xml:lang="en">
          <descrip type="definition">A development strategy.</descrip>
          <admin type="source">Xinhua</admin>
          <termSec id="t1">
            <term>Belt and Road</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNoteGrp><termNote type="termType">fullForm</termNote><note>full form</note></termNoteGrp>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <descrip type="context">The Belt and Road<ph type="x"/> initiative <sc id="s1"/>was<ec startRef="s1"/> discussed.</descrip>
            <admin type="source">transcript</admin>
            <xref type="externalCrossReference" target="https://example.org/bri">BRI</xref>
          </termSec>
          <termSec>
            <term>BRI</term>
            <termNote type="termType">acronym</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec>
            <term>一带一路</term>
            <termNote type="grammaticalGender">other</termNote>
            <termNote type="geographicalUsage">CN</termNote>
            <termNote type="termLocation">menuItem</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en"><termSec><term>spokesperson</term></termSec></langSec>
      </conceptEntry>
    </body>
    <back>
      <refObjectSec type="respPerson">
        <refObject id="person1">
          <itemSet type="contact"><item type="fn">A. Reviewer</item><itemGrp><item type="email">a@example.org</item><note>work</note></itemGrp></itemSet>
        </refObject>
      </refObjectSec>
    </back>
  </text>
</tbx>
"#;

/// The smallest TBX-Basic document: one concept, one language, one term.
const MINI: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>mini</p></sourceDesc></fileDesc></tbxHeader>
  <text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec></conceptEntry></body></text>
</tbx>
"#;

/// Mutations of [`SEED`]: (name, text to replace (first occurrence), replacement, expectation).
fn seed_mutations() -> Vec<(&'static str, &'static str, &'static str, Expect)> {
    use Expect::*;
    let tbx_open =
        r#"<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">"#;
    vec![
        // --- the root ---
        ("drop-tbx-type", r#" type="TBX-Basic""#, "", Same),
        ("drop-tbx-style", r#" style="dca""#, "", Same),
        ("drop-tbx-lang", r#"style="dca" xml:lang="en""#, r#"style="dca""#, Same),
        ("bad-style", r#"style="dca""#, r#"style="dcx""#, Same),
        ("style-padded", r#"style="dca""#, r#"style=" dca ""#, Same),
        ("style-dct", r#"style="dca""#, r#"style="dct""#, Same),
        ("tbx-type-no-prefix", r#"type="TBX-Basic""#, r#"type="Basic""#, Same),
        ("tbx-lang-underscore", r#"style="dca" xml:lang="en""#, r#"style="dca" xml:lang="en_US""#, Same),
        ("tbx-extra-attribute", tbx_open, r#"<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en" version="3">"#, Same),
        ("wrong-namespace", "urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed-1", Same),
        ("no-namespace", r#" xmlns="urn:iso:std:iso:30042:ed-2""#, "", Same),
        ("root-misspelled", "<tbx xmlns||</tbx>", "<tbxx xmlns||</tbxx>", Same),
        ("martif-root", "<tbx xmlns||</tbx>", "<martif xmlns||</martif>", Same),
        ("tbx-type-other-dialect", r#"type="TBX-Basic""#, r#"type="TBX-Min""#,
            Stricter("the TBX-Basic dialect requires tbx/@type = TBX-Basic (core: any TBX-…)")),
        // --- the header ---
        ("drop-header", "*tbxHeader", "tbxHeaderX", Same),
        ("no-sourceDesc", r#"<sourceDesc><p type="origin">Hand-written</p></sourceDesc>"#, "", Same),
        ("two-sourceDesc", "<sourceDesc>", "<sourceDesc><p>a</p></sourceDesc><sourceDesc>", Same),
        ("titleStmt-first", "<publicationStmt><p>Published for the zhen-tm tests</p></publicationStmt>\n      <titleStmt xml:lang=\"en\"><title>Seed glossary</title><note>for mutations</note></titleStmt>",
            "<titleStmt xml:lang=\"en\"><title>Seed glossary</title><note>for mutations</note></titleStmt>\n      <publicationStmt><p>Published for the zhen-tm tests</p></publicationStmt>", Same),
        ("titleStmt-no-title", "<title>Seed glossary</title>", "", Same),
        ("title-with-hi", "<title>Seed glossary</title>", "<title>Seed <hi>glossary</hi></title>", Same),
        ("empty-sourceDesc", r#"<p type="origin">Hand-written</p>"#, "", Same),
        ("revisionDesc-no-change", "<change><p>2024-01-01 created</p></change>", "", Same),
        ("encodingDesc-after-revisionDesc", "<encodingDesc><p type=\"XCSURI\">none</p></encodingDesc>\n    <revisionDesc><change><p>2024-01-01 created</p></change></revisionDesc>",
            "<revisionDesc><change><p>2024-01-01 created</p></change></revisionDesc>\n    <encodingDesc><p type=\"XCSURI\">none</p></encodingDesc>", Same),
        ("p-with-inline", "<p>Published for the zhen-tm tests</p>", "<p>Published for <hi type=\"bold\">the</hi> tests</p>", Same),
        ("p-empty-type", r#"<p type="origin">"#, r#"<p type="">"#,
            Stricter("DCA Schematron: a type attribute must not be empty")),
        // --- text, body, back ---
        ("no-text", "*text>", "textX>", Same),
        ("back-before-body", "<body>", "<back/><body>", Same),
        ("text-twice", "</text>", "</text><text/>", Same),
        ("text-without-body", "*body>", "bodyX>", Same),
        ("drop-referenced-entry", "<conceptEntry id=\"c2\">\n        <langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec>\n      </conceptEntry>", "", Same),
        ("refObjectSec-no-type", r#"<refObjectSec type="respPerson">"#, "<refObjectSec>", Same),
        ("refObject-empty", r#"<itemSet type="contact"><item type="fn">A. Reviewer</item><itemGrp><item type="email">a@example.org</item><note>work</note></itemGrp></itemSet>"#, "", Same),
        ("item-with-note", r#"<item type="fn">A. Reviewer</item>"#, r#"<item type="fn">A. <note>x</note>Reviewer</item>"#, Same),
        ("admin-in-itemGrp", "<note>work</note>", "<admin type=\"source\">HR</admin>",
            Stricter("DCA Schematron: no TBX-Basic admin category may appear in the back matter")),
        // --- conceptEntry ---
        ("conceptEntry-no-id", r#"<conceptEntry id="c2">"#, "<conceptEntry>", Same),
        ("conceptEntry-id-not-ncname", r#"<conceptEntry id="c2">"#, r#"<conceptEntry id="2c">"#, Same),
        ("duplicate-id", r#"<conceptEntry id="c2">"#, r#"<conceptEntry id="c1">"#, Same),
        ("duplicate-id-termSec", r#"<termSec id="t1">"#, r#"<termSec id="c2">"#, Same),
        ("dangling-idref", r#"target="c2""#, r#"target="c9""#, Same),
        ("conceptEntry-no-langSec", "<langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec>", "", Same),
        ("termEntry-2008", "<conceptEntry id=\"c2\">\n        <langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec>\n      </conceptEntry>",
            "<termEntry id=\"c2\"><langSet xml:lang=\"en\"><tig><term>spokesperson</term></tig></langSet></termEntry>", Same),
        ("langSec-after-note", "<note>Seen in", "<langSec xml:lang=\"fr\"><termSec><term>x</term></termSec></langSec><note>Seen in", Same),
        ("descrip-no-type", r#"<descrip type="subjectField">"#, "<descrip>", Same),
        ("admin-with-note-child", r#"<admin type="customerSubset">MFA</admin>"#, r#"<admin type="customerSubset">MFA<note>x</note></admin>"#, Same),
        ("ref-with-hi", r#"<ref type="crossReference" target="c2">see c2</ref>"#, r#"<ref type="crossReference" target="c2">see <hi>c2</hi></ref>"#, Same),
        ("ref-no-type", r#"<ref type="crossReference" target="c2">"#, r#"<ref target="c2">"#, Same),
        ("xref-no-target", r#"<xref type="xGraphic" target="https://example.org/map.png">"#, r#"<xref type="xGraphic">"#, Same),
        ("xref-with-lang", r#"<xref type="xGraphic" target"#, r#"<xref type="xGraphic" xml:lang="en" target"#, Same),
        ("transacGrp-no-transac", r#"<transac type="transactionType">origination</transac>"#, "", Same),
        ("transac-after-date", "<transac type=\"transactionType\">origination</transac>\n          <date>2024-03-07</date>",
            "<date>2024-03-07</date>\n          <transac type=\"transactionType\">origination</transac>", Same),
        ("date-invalid", "<date>2024-03-07</date>", "<date>2024-13-45</date>", Same),
        ("date-us-style", "<date>2024-03-07</date>", "<date>03/07/2024</date>", Same),
        ("date-time", "<date>2024-03-07</date>", "<date>2024-03-07T10:00:00Z</date>", Same),
        ("date-padded", "<date>2024-03-07</date>", "<date> 2024-03-07 </date>", Same),
        ("descripGrp-two-descrips", "<admin type=\"source\">MFA</admin>\n        </descripGrp>", "<descrip type=\"definition\">again</descrip></descripGrp>", Same),
        ("adminGrp-with-adminNote", "<note>grouped</note>", "<adminNote type=\"x\">n</adminNote>", Same),
        ("adminGrp-empty", "<admin type=\"projectSubset\">press</admin><note>grouped</note>", "", Same),
        ("hi-bad-type", r#"<hi type="italics">"#, r#"<hi type="underline">"#, Same),
        ("hi-nested", r#"<hi type="italics">infrastructure</hi>"#, r#"<hi type="italics">infra<hi>structure</hi></hi>"#, Same),
        ("foreign-bad-lang", r#"<foreign xml:lang="zh">"#, r#"<foreign xml:lang="zh_CN">"#, Same),
        ("subjectField-at-langSec", "<descrip type=\"definition\">A development strategy.</descrip>", "<descrip type=\"subjectField\">A development strategy.</descrip>",
            Stricter("DCA Schematron: subjectField only at conceptEntry level")),
        ("definition-at-termSec", r#"<descrip type="context">The Belt"#, r#"<descrip type="definition">The Belt"#,
            Stricter("DCA Schematron: definition only at conceptEntry or langSec level")),
        ("context-at-concept", r#"<descrip type="subjectField">"#, r#"<descrip type="context">"#,
            Stricter("DCA Schematron: context only at termSec level")),
        ("descrip-unknown-category", r#"<descrip type="subjectField">"#, r#"<descrip type="usage">"#,
            Stricter("DCA Schematron: descrip/@type is subjectField, context or definition")),
        ("descrip-type-padded", r#"<descrip type="subjectField">"#, r#"<descrip type="subjectField ">"#,
            Stricter("DCA Schematron compares the category name as written")),
        ("admin-unknown-category", r#"<admin type="customerSubset">"#, r#"<admin type="entrySource">"#,
            Stricter("DCA Schematron: admin/@type is customerSubset, projectSubset or source")),
        ("customerSubset-at-langSec", "<admin type=\"source\">Xinhua</admin>", "<admin type=\"customerSubset\">Xinhua</admin>",
            Stricter("DCA Schematron: customerSubset only at conceptEntry or termSec level")),
        ("ref-unknown-category", r#"<ref type="crossReference" target="c2">"#, r#"<ref type="related" target="c2">"#,
            Stricter("DCA Schematron: ref/@type is crossReference")),
        ("crossReference-at-langSec", "<admin type=\"source\">Xinhua</admin>", "<ref type=\"crossReference\" target=\"c2\">c2</ref>",
            Stricter("DCA Schematron: crossReference only at conceptEntry or termSec level")),
        ("transac-unknown-category", r#"<transac type="transactionType">"#, r#"<transac type="review">"#,
            Stricter("DCA Schematron: transac/@type is transactionType")),
        ("transacNote-unknown-category", r#"<transacNote type="responsibility""#, r#"<transacNote type="owner""#,
            Stricter("DCA Schematron: transacNote/@type is responsibility")),
        ("xref-unknown-category", r#"<xref type="xGraphic""#, r#"<xref type="image""#,
            Stricter("DCA Schematron: xref/@type is externalCrossReference or xGraphic")),
        ("xref-in-transacGrp", "<date>2024-03-07</date>", "<date>2024-03-07</date><xref type=\"xGraphic\" target=\"https://example.org/x.png\">x</xref>",
            Stricter("DCA Schematron: xGraphic only directly at conceptEntry or langSec level, never in a group")),
        ("transacGrp-in-descripGrp", "<admin type=\"source\">MFA</admin>\n        </descripGrp>",
            "<admin type=\"source\">MFA</admin><transacGrp><transac type=\"transactionType\">origination</transac></transacGrp></descripGrp>",
            Stricter("DCA Schematron: transactionType only at conceptEntry, langSec, termSec or their transacGrp")),
        ("foreign-dct-element-in-dca", "<note>Seen in", "<x:usage xmlns:x=\"urn:example:x\">u</x:usage><note>Seen in",
            Stricter("DCA Schematron / TBX-Basic NVDL: no element outside the TBX namespace (DCT: only the min: and basic: modules)")),
        // --- langSec ---
        ("langSec-no-lang", r#"<langSec xml:lang="zh-CN">"#, "<langSec>", Same),
        ("langSec-bad-lang", r#"<langSec xml:lang="zh-CN">"#, r#"<langSec xml:lang="chinese simplified">"#, Same),
        ("langSec-empty-lang", r#"<langSec xml:lang="zh-CN">"#, r#"<langSec xml:lang="">"#,
            Lenient("core types xml:lang as xs:language, which excludes the empty string; the shared schemas/xml.xsd allows \"\" (XML 1.0 §2.12); the bad-language-tag check rejects it")),
        ("langSec-with-id", r#"<langSec xml:lang="zh-CN">"#, r#"<langSec id="l2" xml:lang="zh-CN">"#, Same),
        ("langSec-no-termSec", "<langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec>", "<langSec xml:lang=\"en\"></langSec>", Same),
        ("langSet-2008", "<langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec>", "<langSet xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSet>", Same),
        // --- termSec, term ---
        ("termSec-no-term", "<term>BRI</term>", "", Same),
        ("term-misspelled", "<term>BRI</term>", "<trem>BRI</trem>", Same),
        ("two-terms", "<term>BRI</term>", "<term>BRI</term><term>B.R.I.</term>", Same),
        ("termNote-before-term", "<term>BRI</term>\n            <termNote type=\"termType\">acronym</termNote>", "<termNote type=\"termType\">acronym</termNote><term>BRI</term>", Same),
        ("termNote-after-descrip", "<admin type=\"source\">transcript</admin>", "<termNote type=\"termType\">fullForm</termNote>", Same),
        ("termNote-at-langSec", "<admin type=\"source\">Xinhua</admin>", "<termNote type=\"termType\">fullForm</termNote>", Same),
        ("termNote-no-type", r#"<termNote type="termType">acronym</termNote>"#, "<termNote>acronym</termNote>", Same),
        ("termNote-unknown-category", r#"<termNote type="geographicalUsage">"#, r#"<termNote type="usageNote">"#,
            Stricter("DCA Schematron: termNote/@type is one of the six TBX-Basic term notes")),
        ("termNote-bad-status-value", "preferredTerm-admn-sts", "approvedTerm", Same),
        ("termNoteGrp-no-termNote", "<termNote type=\"termType\">fullForm</termNote><note>full form</note>", "<note>full form</note>", Same),
        ("termNoteGrp-with-admin", "<note>full form</note>", "<admin type=\"source\">x</admin>", Same),
        ("term-unknown-attribute", "<term>BRI</term>", "<term status=\"ok\">BRI</term>", Same),
        ("term-foreign-attribute", "<term>BRI</term>", "<term xmlns:x=\"urn:example:x\" x:a=\"1\">BRI</term>", Same),
        ("term-with-hi", "<term>BRI</term>", "<term><hi type=\"bold\">BRI</hi></term>", Same),
        ("term-with-ph", "<term>BRI</term>", "<term>B<ph/>RI</term>", Same),
        ("term-empty", "<term>BRI</term>", "<term/>", Same),
        ("term-comment", "<term>BRI</term>", "<term>BRI<!-- acronym --></term>", Same),
        ("termSec-stray-text", "<term>BRI</term>", "<term>BRI</term> stray", Same),
        ("xGraphic-at-termSec", r#"<xref type="externalCrossReference" target="https://example.org/bri">"#, r#"<xref type="xGraphic" target="https://example.org/bri">"#,
            Stricter("DCA Schematron: xGraphic only at conceptEntry or langSec level")),
        // --- inline codes ---
        ("sc-no-id", r#"<sc id="s1"/>"#, "<sc/>", Same),
        ("ec-bad-isolated", r#"<ec startRef="s1"/>"#, r#"<ec startRef="s1" isolated="maybe"/>"#, Same),
        ("ec-dangling-startRef", r#"<ec startRef="s1"/>"#, r#"<ec startRef="s9"/>"#, Same),
        ("ph-with-content", r#"<ph type="x"/>"#, r#"<ph type="x">p</ph>"#, Same),
        ("ph-empty-type", r#"<ph type="x"/>"#, r#"<ph type=""/>"#,
            Stricter("DCA Schematron: a type attribute must not be empty")),
    ]
}

/// Mutations of the other corpus files: (file key, name, from, to, expectation).
fn corpus_mutations() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Expect,
)> {
    use Expect::*;
    vec![
        ("mini", "mini-empty-body", r#"<body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec></conceptEntry></body>"#, "<body></body>", Same),
        ("mini", "mini-empty-text", r#"<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec></conceptEntry></body></text>"#, "<text/>", Same),
        ("mini", "mini-back-only", r#"<body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec></conceptEntry></body>"#, "<back/>", Same),
        ("mini", "mini-ids-everywhere", "<tbxHeader><fileDesc><sourceDesc><p>mini</p></sourceDesc></fileDesc></tbxHeader>\n  <text><body>", "<tbxHeader id=\"h\"><fileDesc id=\"f\"><sourceDesc id=\"s\" xml:lang=\"en\"><p id=\"p\" xml:lang=\"en\">mini</p></sourceDesc></fileDesc></tbxHeader>\n  <text id=\"x\"><body id=\"b\">", Same),
        ("mini", "mini-empty-header", "<fileDesc><sourceDesc><p>mini</p></sourceDesc></fileDesc>", "", Same),
        ("mini", "mini-header-after-text", "<tbxHeader><fileDesc><sourceDesc><p>mini</p></sourceDesc></fileDesc></tbxHeader>\n  <text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>a</term></termSec></langSec></conceptEntry></body></text>",
            "<text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>a</term></termSec></langSec></conceptEntry></body></text><tbxHeader><fileDesc><sourceDesc><p>mini</p></sourceDesc></fileDesc></tbxHeader>", Same),
        ("mini", "mini-term-id", "<termSec><term>a</term>", "<termSec id=\"t\"><term id=\"tt\">a</term>", Same),
        ("mini", "mini-conceptEntry-lang", r#"<conceptEntry id="c1">"#, r#"<conceptEntry id="c1" xml:lang="en">"#, Same),
        ("glossary", "glossary-no-header", "*tbxHeader>", "tbxHeaderX>", Same),
        ("glossary", "glossary-dup-id", r#"<conceptEntry id="c2">"#, r#"<conceptEntry id="c1">"#, Same),
        ("glossary", "glossary-bad-lang", r#"<langSec xml:lang="en-US">"#, r#"<langSec xml:lang="en US">"#, Same),
        ("glossary", "glossary-no-term", "<term>外交部长</term>", "", Same),
        ("glossary", "glossary-termNote-misspelled", "*termNote", "termnote", Same),
        ("glossary", "glossary-context-at-concept", r#"<descrip type="subjectField">"#, r#"<descrip type="context">"#,
            Stricter("DCA Schematron: context only at termSec level")),
        ("dca", "dca-no-back", "*back>", "backX>", Same),
        ("dca", "dca-no-refObject-target", r#"<refObject id="pe324as3-9615-4d41-a9c8-30c36bffe0e6">"#, r#"<refObject id="someone-else">"#, Same),
        ("dca", "dca-publicationStmt-after-sourceDesc", "<publicationStmt>", "<sourceDesc><p>x</p></sourceDesc><publicationStmt>", Same),
        ("dca", "dca-xGraphic-relative", r#"target="https://en.wikipedia.org/wiki/Galaxy_cluster#/media/File:Galaxy_cluster_IDCS_J1426.jpg""#, r#"target="Galaxy_cluster.jpg""#, Same),
        ("dca", "dca-descrip-in-transacGrp", "<date>2010-04-17</date>", "<descrip type=\"context\">x</descrip>", Same),
        ("dct", "dct-bad-termType", "<termSec>", "<termSec><term>x</term><basic:termType>longForm</basic:termType></termSec><termSec>",
            Stricter("Basic.rng: termType is one of its six values")),
        ("dct", "dct-subjectField-with-attribute", "<min:subjectField>", "<min:subjectField metaType=\"descrip\">",
            Stricter("Min.rng: module elements take no attributes except target where declared")),
        ("dct", "dct-xGraphic-not-http", r#"target="https://en.wikipedia.org/wiki/Galaxy_cluster#/media/File:Galaxy_cluster_IDCS_J1426.jpg""#, r#"target="ftp://example.org/a.jpg""#,
            Stricter("Basic.rng: the target of xGraphic matches https?://.+")),
        ("dct", "dct-unknown-namespace", "<min:subjectField>General</min:subjectField>", "<x:subjectField xmlns:x=\"urn:example:x\">General</x:subjectField>",
            Stricter("TBX-Basic NVDL: elements of namespaces other than TBX, min: and basic: are rejected")),
        ("dct", "dct-module-element-with-child", "<min:subjectField>General</min:subjectField>", "<min:subjectField>Gen<hi>eral</hi></min:subjectField>",
            Stricter("Min.rng: module elements hold text only")),
        ("dct", "dct-module-in-tbx-ns", "<min:subjectField>General</min:subjectField>", "<subjectField>General</subjectField>", Same),
        ("dct", "dct-responsibility-dangling", r#"<basic:responsibility target="pe324as3-9615-4d41-a9c8-30c36bffe0e6">"#, r#"<basic:responsibility target="nobody">"#,
            Stricter("Basic.rng types responsibility/@target as IDREF; the core RNG lets any attribute through")),
    ]
}

/// Replaces the first `from` in `text` by `to` — every occurrence when `from` starts with
/// `*` (renaming an element in its start and end tags); `A||B` → `C||D` makes two
/// replacements, A by C then B by D; panics (a broken test, not a
/// finding) when `from` is absent, so that no mutation is silently a copy of its seed.
fn mutate(text: &str, name: &str, from: &str, to: &str) -> String {
    if let (Some((from1, from2)), Some((to1, to2))) = (from.split_once("||"), to.split_once("||")) {
        return mutate(&mutate(text, name, from1, to1), name, from2, to2);
    }
    let (from, all) = match from.strip_prefix('*') {
        Some(f) => (f, true),
        None => (from, false),
    };
    assert!(text.contains(from), "mutation {name}: {from:?} not found");
    if all {
        text.replace(from, to)
    } else {
        text.replacen(from, to, 1)
    }
}

/// Runs `zhen-tm validate --as tbx FILE`: (schema-invalid, invalid at all, not well-formed,
/// first schema error). Not well-formed counts as schema-invalid, as it does for xmllint.
fn ours(path: &Path) -> (bool, bool, bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhen-tm"))
        .args(["validate", "--as", "tbx"])
        .arg(path)
        .output()
        .expect("run zhen-tm");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let malformed = stdout.contains(": error: [well-formed]");
    let schema_errors: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(": error: [schema]") || l.contains(": error: [well-formed]"))
        .collect();
    assert!(
        !stdout.contains("[schema-not-bundled]"),
        "TBX schema not bundled: {stdout}"
    );
    (
        !schema_errors.is_empty(),
        out.status.code() != Some(0),
        malformed,
        schema_errors
            .first()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    )
}

/// Writes the TBX of `zhen-tm terms samples/` into `dir` and returns its path.
fn terms_glossary(dir: &Path) -> PathBuf {
    let out = dir.join("terms");
    let o = Command::new(env!("CARGO_BIN_EXE_zhen-tm"))
        .arg("terms")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run zhen-tm terms");
    assert!(o.status.success(), "zhen-tm terms failed: {o:?}");
    out.join("glossary.tbx")
}

#[test]
fn tbx_schema_verdicts_agree_with_the_core_rng() {
    let Some(shared) = shared_dir() else {
        println!("{SKIP_MESSAGE}");
        return;
    };
    if !oracle::xmllint_available() {
        println!("{SKIP_MESSAGE}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let ltac = shared.join("testsuite-upstream/LTAC-Global+TBX-Basic_dialect");
    let dca = ltac.join("DCA/Example_Astronomy_DCA_VALID.tbx");
    let dct = ltac.join("DCT/Example_Astronomy_DCT_VALID.tbx");
    let glossary = terms_glossary(tmp.path());
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary/glossary.tbx");

    let mut cases = Vec::new();
    for (name, path) in [
        ("ltac-dca", &dca),
        ("ltac-dct", &dct),
        ("terms-glossary", &glossary),
        ("glossary-fixture", &fixture),
    ] {
        cases.push(Case {
            name: name.to_string(),
            path: path.clone(),
            expect: Expect::Same,
        });
    }
    let seed = tmp.path().join("seed.tbx");
    std::fs::write(&seed, SEED).unwrap();
    cases.push(Case {
        name: "seed".to_string(),
        path: seed,
        expect: Expect::Same,
    });
    let mut mutations = 0;
    for (name, from, to, expect) in seed_mutations() {
        let path = tmp.path().join(format!("seed-{name}.tbx"));
        std::fs::write(&path, mutate(SEED, name, from, to)).unwrap();
        cases.push(Case {
            name: name.to_string(),
            path,
            expect,
        });
        mutations += 1;
    }
    for (key, name, from, to, expect) in corpus_mutations() {
        let text = match key {
            "mini" => MINI.to_string(),
            "glossary" => std::fs::read_to_string(&glossary).unwrap(),
            "dca" => std::fs::read_to_string(&dca).unwrap(),
            _ => std::fs::read_to_string(&dct).unwrap(),
        };
        let path = tmp.path().join(format!("{name}.tbx"));
        std::fs::write(&path, mutate(&text, name, from, to)).unwrap();
        cases.push(Case {
            name: name.to_string(),
            path,
            expect,
        });
        mutations += 1;
    }
    assert!(mutations >= 60, "only {mutations} mutations");

    // (our schema verdict invalid, validate invalid at all, core RNG invalid, messages)
    let results: Vec<(bool, bool, bool, String, String)> = cases
        .par_iter()
        .map(|case| {
            let (schema_invalid, invalid, malformed, ours_msg) = ours(&case.path);
            assert!(
                !malformed,
                "mutation {} is not well-formed: {ours_msg}",
                case.name
            );
            let (core_invalid, core_msg) = match xmllint(OracleSchema::TbxRng, &case.path) {
                Some(Ok(())) => (false, String::new()),
                Some(Err(out)) => (true, out.lines().nth(1).unwrap_or("").to_string()),
                None => (true, "xmllint unavailable".to_string()),
            };
            (schema_invalid, invalid, core_invalid, ours_msg, core_msg)
        })
        .collect();

    let verdict = |invalid: bool| if invalid { "invalid" } else { "valid" };
    let (mut same, mut stricter, mut lenient) = (0, 0, 0);
    let mut failures = Vec::new();
    for (case, (schema_invalid, invalid, core_invalid, ours_msg, core_msg)) in
        cases.iter().zip(&results)
    {
        let ok = match case.expect {
            Expect::Same => schema_invalid == core_invalid,
            Expect::Stricter(_) => *schema_invalid && !core_invalid,
            Expect::Lenient(_) => !schema_invalid && *core_invalid && *invalid,
        };
        if !ok {
            failures.push(format!(
                "{} (expected {:?}): ours {} ({ours_msg}), core RNG {} ({core_msg})",
                case.name,
                case.expect,
                verdict(*schema_invalid),
                verdict(*core_invalid)
            ));
        }
        if schema_invalid == core_invalid {
            same += 1;
        } else if *schema_invalid {
            stricter += 1;
        } else {
            lenient += 1;
        }
    }
    for (case, r) in cases.iter().zip(&results) {
        println!(
            "  {:<40} ours {:<7} core RNG {:<7} {}",
            case.name,
            verdict(r.0),
            verdict(r.2),
            if r.0 { &r.3 } else { &r.4 }
        );
    }
    let total = cases.len();
    let core_invalid = results.iter().filter(|r| r.2).count();
    let core_cases = cases.iter().filter(|c| c.expect == Expect::Same).count();
    let core_agree = cases
        .iter()
        .zip(&results)
        .filter(|(c, r)| c.expect == Expect::Same && r.0 == r.2)
        .count();
    println!(
        "TBX: {total} documents ({mutations} mutations; core RNG rejects {core_invalid}): \
         same verdict {same}/{total}; core-structure cases {core_agree}/{core_cases}; \
         stricter by a TBX-Basic dialect rule {stricter}; schema more lenient {lenient} \
         (caught by the other checks of zhen-tm validate)"
    );
    for case in &cases {
        if let Expect::Stricter(why) | Expect::Lenient(why) = case.expect {
            println!("  {}: {why}", case.name);
        }
    }
    assert!(
        failures.is_empty(),
        "{} unexpected verdicts:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
