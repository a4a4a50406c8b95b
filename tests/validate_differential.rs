//! Differential test of the schema layer: our verdict (`validate_schema` reports an error or
//! not) must equal xmllint's verdict with the OFFICIAL schemas (`tests/common/oracle.rs`) on
//! every XML document of `../shared/testsuite-upstream/` (TMX, XLIFF 1.2, 2.0/2.1, 2.2), on
//! our fixtures (`tests/fixtures/validate/`), and on a few hundred mutations of our own
//! exports. Skipped, with a message, when `../shared` or xmllint is missing; a format whose
//! schema this build does not bundle is skipped with a message too.

#[path = "common/oracle.rs"]
mod oracle;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use oracle::{shared_dir, xmllint, OracleSchema, SKIP_MESSAGE};
use quick_xml::events::Event;
use quick_xml::Reader;
use rayon::prelude::*;
use zhen_tm::align::{align_document, AlignOptions};
use zhen_tm::model::AlignedDocument;
use zhen_tm::validate::{schema, validate_schema, Severity, XmlFormat};
use zhen_tm::write::{write_tmx, write_xliff12, write_xliff21, WriteOptions};
use zhen_tm::{decode, parse};

/// One document to judge twice.
struct Case {
    corpus: String,
    name: String,
    format: XmlFormat,
    path: PathBuf,
}

/// The official schema xmllint uses for `format` (TMX has only a DTD).
fn oracle_for(format: XmlFormat) -> Option<OracleSchema> {
    match format {
        XmlFormat::Tmx14 => Some(OracleSchema::Tmx14),
        XmlFormat::Xliff12 => Some(OracleSchema::Xliff12Strict),
        XmlFormat::Xliff2 => Some(OracleSchema::Xliff21All),
        XmlFormat::Xliff22 => Some(OracleSchema::Xliff22All),
        XmlFormat::Tbx => None,
    }
}

/// The text of a file for sniffing its format (UTF-16 with BOM, else UTF-8, lossy).
fn sniff_text(bytes: &[u8]) -> String {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Which format a test file claims to be, from its root element and namespace; `None` for
/// XLIFF 1.0/1.1, TBX and anything else no bundled schema covers.
fn classify(bytes: &[u8]) -> Option<XmlFormat> {
    let text = sniff_text(bytes);
    let head: String = text.chars().take(6000).collect();
    if head.contains("<tmx") {
        Some(XmlFormat::Tmx14)
    } else if head.contains("urn:oasis:names:tc:xliff:document:1.2") {
        Some(XmlFormat::Xliff12)
    } else if head.contains("urn:oasis:names:tc:xliff:document:2.0") {
        Some(XmlFormat::Xliff2)
    } else if head.contains("urn:oasis:names:tc:xliff:document:2.2") {
        Some(XmlFormat::Xliff22)
    } else {
        None
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "xlf" | "xliff" | "tmx" | "xml" | "tbx"))
        {
            out.push(path);
        }
    }
}

/// A short corpus name from the path of an upstream test file.
fn upstream_corpus(rel: &str, format: XmlFormat) -> String {
    let origin = if rel.starts_with("oasis-tcs") {
        "oasis"
    } else if rel.starts_with("mihnita+okapi") {
        "okapi"
    } else if rel.starts_with("translate+") {
        "translate-toolkit"
    } else {
        "other"
    };
    format!("upstream/{origin}/{}", format.name())
}

fn upstream_cases(shared: &Path) -> Vec<Case> {
    let root = shared.join("testsuite-upstream");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let format = classify(&bytes)?;
            let rel = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            Some(Case {
                corpus: upstream_corpus(&rel, format),
                name: rel,
                format,
                path,
            })
        })
        .collect()
}

fn fixture_cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let format = classify(&bytes)?;
            Some(Case {
                corpus: "fixtures".to_string(),
                name: path.file_name()?.to_string_lossy().into_owned(),
                format,
                path,
            })
        })
        .collect()
}

/// Samples 000 and 001 parsed and aligned, as the exports see them.
fn aligned_samples() -> Vec<AlignedDocument> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("000-") || name.starts_with("001-")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = decode::read_file(path, None).unwrap();
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let doc = parse::parse_document(&text, &id, &path.display().to_string());
            let mut aligned = align_document(&doc, &AlignOptions::default()).unwrap();
            // Few pairs keep every mutation small and fast to check; mutations act on the
            // first elements anyway.
            aligned.pairs.truncate(4);
            aligned
        })
        .collect()
}

/// Element names and attribute names (qualified, as written) of an XML text, sorted.
fn names(xml: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut reader = Reader::from_str(xml);
    let (mut elements, mut attributes) = (BTreeSet::new(), BTreeSet::new());
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                elements.insert(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                for a in e.attributes().flatten() {
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    if !key.starts_with("xmlns") {
                        attributes.insert(key);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (elements, attributes)
}

/// Byte range of the first attribute ` key="…"` in `xml`.
fn attribute_span(xml: &str, key: &str) -> Option<(usize, usize)> {
    let needle = format!(" {key}=\"");
    let start = xml.find(&needle)?;
    let value_start = start + needle.len();
    let end = value_start + xml[value_start..].find('"')? + 1;
    Some((start, end))
}

/// Byte range of the first element `<name …>…</name>` or `<name …/>`.
fn element_span(xml: &str, name: &str) -> Option<(usize, usize)> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = from + xml[from..].find(&open)?;
        let next = xml[at + open.len()..].chars().next()?;
        if next == ' ' || next == '>' || next == '/' || next == '\n' {
            break at;
        }
        from = at + open.len();
    };
    let tag_end = start + xml[start..].find('>')?;
    if xml[..tag_end].ends_with('/') {
        return Some((start, tag_end + 1));
    }
    let close = format!("</{name}>");
    let end = tag_end + xml[tag_end..].find(&close)? + close.len();
    Some((start, end))
}

/// Every mutation of one export: (label, mutated text). Labels are unique and stable.
fn mutations(base: &str, format: XmlFormat) -> Vec<(String, String)> {
    let (elements, attributes) = names(base);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |label: String, text: Option<String>| {
        if let Some(text) = text.filter(|t| t != base) {
            out.push((label, text));
        }
    };
    for key in &attributes {
        // Drop a (possibly required) attribute.
        push(
            format!("drop-attr {key}"),
            attribute_span(base, key).map(|(s, e)| format!("{}{}", &base[..s], &base[e..])),
        );
        // A value no enumeration or datatype allows.
        push(
            format!("bad-value {key}"),
            attribute_span(base, key)
                .map(|(s, e)| format!("{} {key}=\"no such value!\"{}", &base[..s], &base[e..])),
        );
        // Empty value.
        push(
            format!("empty-value {key}"),
            attribute_span(base, key)
                .map(|(s, e)| format!("{} {key}=\"\"{}", &base[..s], &base[e..])),
        );
    }
    for name in &elements {
        // Misspell an element everywhere.
        push(
            format!("misspell {name}"),
            Some(
                base.replace(&format!("<{name}>"), &format!("<{name}x>"))
                    .replace(&format!("<{name} "), &format!("<{name}x "))
                    .replace(&format!("<{name}/"), &format!("<{name}x/"))
                    .replace(&format!("</{name}>"), &format!("</{name}x>")),
            ),
        );
        // Unknown attribute on the first occurrence.
        push(
            format!("unknown-attr {name}"),
            element_span(base, name).map(|(s, _)| {
                let at = s + 1 + name.len();
                format!("{} zzunknown=\"1\"{}", &base[..at], &base[at..])
            }),
        );
        // Remove the first occurrence (a required child, a unit's source …).
        push(
            format!("remove {name}"),
            element_span(base, name).map(|(s, e)| format!("{}{}", &base[..s], &base[e..])),
        );
        // Duplicate the first occurrence (duplicate ids, repeated singletons …).
        push(
            format!("duplicate {name}"),
            element_span(base, name)
                .map(|(s, e)| format!("{}{}{}", &base[..e], &base[s..e], &base[e..])),
        );
        // Empty its content.
        push(
            format!("empty {name}"),
            element_span(base, name).and_then(|(s, e)| {
                let inner = base[s..e].find('>')? + s + 1;
                let close = base[s..e].rfind("</")? + s;
                Some(format!("{}{}", &base[..inner], &base[close..]))
            }),
        );
        // Stray text inside it.
        push(
            format!("text-in {name}"),
            element_span(base, name).and_then(|(s, e)| {
                let inner = base[s..e].find('>')? + s + 1;
                (!base[s..inner].ends_with("/>"))
                    .then(|| format!("{}stray text{}", &base[..inner], &base[inner..]))
            }),
        );
    }
    // Element order: move the second of two siblings before the first.
    let pairs: &[(&str, &str)] = match format {
        XmlFormat::Tmx14 => &[("header", "body"), ("tuv", "tuv"), ("prop", "tuv")],
        XmlFormat::Xliff12 => &[("source", "target"), ("header", "body"), ("note", "target")],
        _ => &[
            ("source", "target"),
            ("notes", "segment"),
            ("segment", "notes"),
        ],
    };
    for (first, second) in pairs {
        push(
            format!("order {second}-before-{first}"),
            element_span(base, first).and_then(|(fs, _)| {
                let (ss, se) = element_span(&base[fs + 1..], second)?;
                let (ss, se) = (ss + fs + 1, se + fs + 1);
                let moved = &base[ss..se];
                Some(format!(
                    "{}{}{}{}",
                    &base[..fs],
                    moved,
                    &base[fs..ss],
                    &base[se..]
                ))
            }),
        );
    }
    // Namespace and version.
    for (label, from, to) in [
        (
            "wrong-namespace",
            "urn:oasis:names:tc:xliff:document:",
            "urn:example:",
        ),
        ("namespace-1.2-to-2.0", "document:1.2", "document:2.0"),
        ("namespace-2.0-to-1.2", "document:2.0", "document:1.2"),
        ("version-9", " version=\"", " version=\"9"),
        (
            "no-declaration",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "",
        ),
        ("lang-underscore", "zh-CN", "zh_CN"),
        ("not-well-formed", "</", "<"),
    ] {
        push(label.to_string(), Some(base.replacen(from, to, 1)));
    }
    out
}

fn mutation_cases(dir: &Path) -> Vec<Case> {
    let docs = aligned_samples();
    let opts = WriteOptions::default();
    let mut bases: Vec<(XmlFormat, &str, Vec<u8>)> = Vec::new();
    let mut buf = Vec::new();
    write_tmx(&mut buf, &docs, &opts).unwrap();
    bases.push((XmlFormat::Tmx14, "tmx", std::mem::take(&mut buf)));
    write_xliff12(&mut buf, &docs, &opts).unwrap();
    bases.push((XmlFormat::Xliff12, "xlf", std::mem::take(&mut buf)));
    write_xliff21(&mut buf, &docs, &opts).unwrap();
    bases.push((XmlFormat::Xliff2, "xlf", std::mem::take(&mut buf)));
    let mut cases = Vec::new();
    for (format, ext, bytes) in bases {
        let base = String::from_utf8(bytes).unwrap();
        let mut all = vec![("unmutated".to_string(), base.clone())];
        all.extend(mutations(&base, format));
        for (i, (label, text)) in all.into_iter().enumerate() {
            let path = dir.join(format!("{}-{i:03}.{ext}", format.name()));
            std::fs::write(&path, text).unwrap();
            cases.push(Case {
                corpus: format!("mutations/{}", format.name()),
                name: format!("{} #{i} {label}", format.name()),
                format,
                path,
            });
        }
    }
    cases
}

/// First line of a message list, shortened for the report.
fn first_line(s: &str) -> String {
    s.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with("xmllint "))
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

#[test]
fn schema_verdicts_agree_with_xmllint() {
    let Some(shared) = shared_dir() else {
        println!("{SKIP_MESSAGE}");
        return;
    };
    if !oracle::xmllint_available() {
        println!("{SKIP_MESSAGE}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut cases = upstream_cases(&shared);
    cases.extend(fixture_cases());
    cases.extend(mutation_cases(tmp.path()));
    for format in [
        XmlFormat::Tmx14,
        XmlFormat::Xliff12,
        XmlFormat::Xliff2,
        XmlFormat::Xliff22,
    ] {
        if !schema::is_bundled(format) {
            let n = cases.iter().filter(|c| c.format == format).count();
            println!(
                "skipping {n} {} documents: its schema is not bundled in this build",
                format.name()
            );
        }
    }
    cases.retain(|c| schema::is_bundled(c.format));
    assert!(
        cases
            .iter()
            .filter(|c| c.corpus.starts_with("mutations"))
            .count()
            >= 200
            || cases.iter().all(|c| !c.corpus.starts_with("mutations")),
        "fewer than 200 mutations"
    );

    // (ours invalid, xmllint invalid, our first message, xmllint's first message)
    let results: Vec<(bool, bool, String, String)> = cases
        .par_iter()
        .map(|case| {
            let bytes = std::fs::read(&case.path).unwrap();
            let ours = validate_schema(&bytes, case.format);
            let ours_invalid = ours.iter().any(|d| d.severity == Severity::Error);
            let ours_first = ours
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| format!("{}:{} [{}] {}", d.line, d.column, d.rule, d.message))
                .unwrap_or_default();
            let oracle = oracle_for(case.format).expect("bundled formats have an oracle");
            let (theirs_invalid, theirs_first) = match xmllint(oracle, &case.path) {
                Some(Ok(())) => (false, String::new()),
                Some(Err(out)) => (true, first_line(&out)),
                None => (true, "xmllint unavailable".to_string()),
            };
            (ours_invalid, theirs_invalid, ours_first, theirs_first)
        })
        .collect();

    let verdict = |invalid: bool| if invalid { "invalid" } else { "valid" };
    let mut per_corpus: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for (case, (ours, theirs, ours_msg, theirs_msg)) in cases.iter().zip(&results) {
        let entry = per_corpus.entry(case.corpus.as_str()).or_default();
        entry.1 += 1;
        if ours == theirs {
            entry.0 += 1;
        } else {
            disagreements.push(format!(
                "  {} ({}): ours {} / xmllint {}\n    ours:    {ours_msg}\n    xmllint: {theirs_msg}",
                case.name,
                case.format.name(),
                verdict(*ours),
                verdict(*theirs),
            ));
        }
    }
    println!("schema verdicts vs xmllint (official schemas), agreeing / total:");
    for (corpus, (agree, total)) in &per_corpus {
        println!("  {corpus:<32} {agree:>4} / {total:<4}");
    }
    let agree: usize = per_corpus.values().map(|v| v.0).sum();
    let total: usize = per_corpus.values().map(|v| v.1).sum();
    println!(
        "  {:<32} {agree:>4} / {total:<4} ({:.2}%)",
        "overall",
        100.0 * agree as f64 / total.max(1) as f64
    );
    if !disagreements.is_empty() {
        println!("disagreements:\n{}", disagreements.join("\n"));
    }
    // The target is full agreement in every corpus; any remaining difference is listed
    // above with both verdicts.
    assert_eq!(
        agree,
        total,
        "{} disagreement(s) with xmllint",
        disagreements.len()
    );
}
