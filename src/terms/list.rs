//! User term lists for `terms --terms FILE`: CSV or TSV with a header row, or TBX. The
//! entries become [`Term`]s like the bundled ones and replace bundled entries with the
//! same Chinese.
//!
//! CSV/TSV columns (header names are case-insensitive; order is free):
//! `zh` (or `chinese`, or a `zh-…` language tag), `en` (or `english`, `en-…`), and
//! optionally `category` (default `other`), `variants` (`|`-separated) and `dates` (as in
//! `data/terms.tsv`: `RENDERING@DATE,DATE|…`). Lines starting with `#` are comments, so
//! the bundled file itself is a valid user list. TBX (TBX-Basic or TBX 2008): each
//! `termEntry`/`conceptEntry` gives its first Chinese term and all English terms, the
//! first English one preferred; a `subjectField` naming a category is used as one.

use crate::lexicon::terms::{Term, CATEGORIES};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// Parses a user list; errors read `SOURCE:LINE: message`.
pub fn parse(text: &str, source: &str) -> Result<Vec<Term>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('<') {
        return parse_tbx(text, source);
    }
    parse_delimited(text, source)
}

/// Replaces bundled entries by user entries with the same Chinese key, in place, and adds
/// the other user entries after them.
pub fn merge(base: &[Term], user: Vec<Term>) -> Vec<Term> {
    let mut out: Vec<Term> = base.to_vec();
    for t in user {
        let key = t.key_text();
        match out.iter_mut().find(|b| b.key_text() == key) {
            Some(b) => *b = t,
            None => out.push(t),
        }
    }
    out
}

/// `RENDERING@DATE,DATE|…` as in `data/terms.tsv`.
fn parse_dates(field: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut out = Vec::new();
    for group in field.split('|').map(str::trim).filter(|g| !g.is_empty()) {
        let Some((rendering, list)) = group.rsplit_once('@') else {
            return Err(format!("date group {group:?} lacks `@`"));
        };
        out.push((
            rendering.trim().to_string(),
            list.split(',').map(|d| d.trim().to_string()).collect(),
        ));
    }
    Ok(out)
}

fn column_role(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_start_matches('\u{feff}').to_lowercase();
    match n.as_str() {
        "zh" | "chinese" | "source" | "term" => Some("zh"),
        "en" | "english" | "target" | "translation" => Some("en"),
        "category" | "type" => Some("category"),
        "variants" | "synonyms" => Some("variants"),
        "dates" => Some("dates"),
        _ if n.starts_with("zh-") || n.starts_with("zh_") => Some("zh"),
        _ if n.starts_with("en-") || n.starts_with("en_") => Some("en"),
        _ => None,
    }
}

fn parse_delimited(text: &str, source: &str) -> Result<Vec<Term>, String> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .ok_or_else(|| format!("{source}: empty term list (expected a header row)"))?;
    let tsv = first.contains('\t');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut header_seen = false;
    let mut out: Vec<Term> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("{source}:{line}: {e}")
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let err = |m: String| format!("{source}:{line}: {m}");
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            for (i, name) in record.iter().enumerate() {
                if let Some(role) = column_role(name) {
                    columns.entry(role).or_insert(i);
                }
            }
            if !(columns.contains_key("zh") && columns.contains_key("en")) {
                return Err(err(
                    "expected a header row naming at least the columns zh and en".to_string(),
                ));
            }
            continue;
        }
        let get = |role: &str| {
            columns
                .get(role)
                .and_then(|&i| record.get(i))
                .map_or("", str::trim)
        };
        let zh = get("zh");
        let mut en = vec![get("en").to_string()];
        en.extend(get("variants").split('|').map(|v| v.trim().to_string()));
        let category = match get("category") {
            "" => "other",
            c => c,
        };
        let dates = parse_dates(get("dates")).map_err(err)?;
        let term = Term::new(zh, en, category, &dates).map_err(err)?;
        if let Some(first) = seen.insert(term.key_text(), line) {
            return Err(err(format!(
                "duplicate Chinese form {zh} (first on line {first})"
            )));
        }
        out.push(term);
    }
    if !header_seen {
        return Err(format!("{source}: empty term list (expected a header row)"));
    }
    Ok(out)
}

fn line_of(text: &str, byte: u64) -> usize {
    let end = usize::try_from(byte).unwrap_or(text.len()).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// One TBX entry being read.
#[derive(Default)]
struct TbxEntry {
    line: usize,
    zh: Vec<String>,
    en: Vec<String>,
    category: Option<String>,
}

fn parse_tbx(text: &str, source: &str) -> Result<Vec<Term>, String> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut entry: Option<TbxEntry> = None;
    let mut lang: Option<String> = None;
    // What the current text belongs to: a term, or a subject-field description.
    let mut field: Option<&'static str> = None;
    let mut buf = String::new();
    // Open elements (name and line): a file that ends with some still open is truncated,
    // and loading the entries before the cut would lose the rest without a word.
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut seen_root = false;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("{source}:{}: not well-formed XML: {e}", line_of(text, pos)))?;
        match &event {
            Event::Start(_) | Event::Empty(_) if open.is_empty() && seen_root => {
                return Err(format!(
                    "{source}:{}: not well-formed XML: a second root element",
                    line_of(text, pos)
                ));
            }
            Event::Start(e) => {
                seen_root = true;
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                open.push((name, line_of(text, pos)));
            }
            Event::Empty(_) if open.is_empty() => seen_root = true,
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match open.pop() {
                    Some((open_name, _)) if open_name == name => {}
                    Some((open_name, line)) => {
                        return Err(format!(
                            "{source}:{}: not well-formed XML: </{name}> closes <{open_name}> \
                             (opened on line {line})",
                            line_of(text, pos)
                        ))
                    }
                    None => {
                        return Err(format!(
                            "{source}:{}: not well-formed XML: </{name}> closes nothing",
                            line_of(text, pos)
                        ))
                    }
                }
            }
            Event::Text(t) if open.is_empty() && !t.iter().all(u8::is_ascii_whitespace) => {
                return Err(format!(
                    "{source}:{}: not well-formed XML: text outside the root element",
                    line_of(text, pos)
                ));
            }
            _ => {}
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"termEntry" | b"conceptEntry" => {
                    entry = Some(TbxEntry {
                        line: line_of(text, pos),
                        ..TbxEntry::default()
                    });
                }
                b"langSet" | b"langSec" => {
                    lang = e
                        .attributes()
                        .with_checks(false)
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"lang")
                        .and_then(|a| a.unescape_value().ok())
                        .map(|v| v.to_lowercase());
                }
                b"term" => {
                    field = Some("term");
                    buf.clear();
                }
                b"descrip" => {
                    let subject =
                        e.attributes().with_checks(false).flatten().any(|a| {
                            a.key.as_ref() == b"type" && a.value.as_ref() == b"subjectField"
                        });
                    if subject {
                        field = Some("subject");
                        buf.clear();
                    }
                }
                _ => {}
            },
            Event::Text(t) if field.is_some() => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("{source}:{}: bad text: {e}", line_of(text, pos)))?;
                buf.push_str(&s);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"term" | b"descrip" => {
                    if let (Some(f), Some(en)) = (field.take(), entry.as_mut()) {
                        let value = buf.trim().to_string();
                        match (f, lang.as_deref()) {
                            ("subject", _) => en.category = Some(value),
                            (_, Some(l)) if l.starts_with("zh") => en.zh.push(value),
                            (_, Some(l)) if l.starts_with("en") => en.en.push(value),
                            _ => {}
                        }
                    }
                }
                b"langSet" | b"langSec" => lang = None,
                b"termEntry" | b"conceptEntry" => {
                    let Some(e) = entry.take() else { continue };
                    let err = |m: String| format!("{source}:{}: {m}", e.line);
                    let Some(zh) = e.zh.first() else {
                        return Err(err("entry has no Chinese (zh) term".to_string()));
                    };
                    let category = e
                        .category
                        .as_deref()
                        .filter(|c| CATEGORIES.contains(c))
                        .unwrap_or("other");
                    let term = Term::new(zh, e.en.clone(), category, &[]).map_err(err)?;
                    if let Some(first) = seen.insert(term.key_text(), e.line) {
                        return Err(err(format!(
                            "duplicate Chinese form {zh} (first on line {first})"
                        )));
                    }
                    out.push(term);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((name, line)) = open.last() {
        return Err(format!(
            "{source}:{line}: not well-formed XML: <{name}> is never closed (the file may be \
             truncated); no entry was loaded"
        ));
    }
    if !seen_root {
        return Err(format!("{source}: not well-formed XML: no root element"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::terms::bundled;

    #[test]
    fn csv_and_tsv_with_free_column_order() {
        let csv = "# mine\nEnglish,zh,category\n\"Global South, the\",全球南方,concept\nHong Kong,香港,\n";
        let t = parse(csv, "u.csv").expect("parses");
        assert_eq!(t[0].en, vec!["Global South, the"]);
        assert_eq!(t[1].category, "other");
        let tsv = "zh\ten\tvariants\n人类命运共同体\tcommunity with a shared future for humanity\tcommunity with a shared future for mankind\n";
        let t = parse(tsv, "u.tsv").expect("parses");
        assert_eq!(t[0].en.len(), 2);
        // The bundled file is a valid user list.
        let all = parse(include_str!("../../data/terms.tsv"), "terms.tsv").expect("parses");
        assert_eq!(all.len(), bundled().len());
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("zh,en\n中国,China\n美国,,\n", "u.csv").expect_err("no English");
        assert!(e.starts_with("u.csv:3:"), "{e}");
        let e = parse("zh,en,category\n中国,China,nation\n", "u.csv").expect_err("category");
        assert!(
            e.starts_with("u.csv:2:") && e.contains("unknown category"),
            "{e}"
        );
        let e = parse("chinese only\n中国\n", "u.csv").expect_err("header");
        assert!(e.starts_with("u.csv:1:"), "{e}");
        let e = parse("zh,en\n中国,China\n《中国》,PRC\n", "u.csv").expect_err("dup");
        assert!(e.starts_with("u.csv:3:") && e.contains("duplicate"), "{e}");
    }

    #[test]
    fn tbx_entries() {
        let tbx = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic"><text><body>
<conceptEntry id="1"><descrip type="subjectField">concept</descrip>
 <langSec xml:lang="zh-CN"><termSec><term>全球南方</term></termSec></langSec>
 <langSec xml:lang="en-US"><termSec><term>Global South</term></termSec><termSec><term>the South</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="2">
 <langSec xml:lang="en"><termSec><term>Nothing</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"#;
        let e = parse(tbx, "g.tbx").expect_err("entry 2 lacks Chinese");
        assert!(e.starts_with("g.tbx:7:"), "{e}");
        let ok = tbx.replace("<conceptEntry id=\"2\">\n <langSec xml:lang=\"en\"><termSec><term>Nothing</term></termSec></langSec>\n</conceptEntry>\n", "");
        let t = parse(&ok, "g.tbx").expect("parses");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].en, vec!["Global South", "the South"]);
        assert_eq!(t[0].category, "concept");
    }

    #[test]
    fn truncated_or_malformed_tbx_is_refused() {
        let tbx = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\"><text><body>\n\
            <conceptEntry id=\"1\"><langSec xml:lang=\"zh\"><termSec><term>外交部</term></termSec></langSec>\
            <langSec xml:lang=\"en\"><termSec><term>Foreign Ministry</term></termSec></langSec></conceptEntry>\n\
            <conceptEntry id=\"2\"><langSec xml:lang=\"zh\"><termSec><term>发言人</term></termSec></langSec>\
            <langSec xml:lang=\"en\"><termSec><term>spokesperson</term></termSec></langSec></conceptEntry>\n\
            </body></text></tbx>\n";
        assert_eq!(parse(tbx, "g.tbx").map(|t| t.len()), Ok(2));
        // Cut between entries, and inside a term: both end with elements still open.
        for end in ["</conceptEntry>\n", "<term>发"] {
            let cut = &tbx[..tbx.find(end).unwrap_or(0) + end.len()];
            let e = parse(cut, "g.tbx").expect_err("truncated");
            assert!(e.starts_with("g.tbx:") && e.contains("never closed"), "{e}");
        }
        let e = parse(&tbx.replace("</text>", "</txt>"), "g.tbx").expect_err("mismatched");
        assert!(e.contains("not well-formed"), "{e}");
        let e = parse(&format!("{tbx}<tbx/>"), "g.tbx").expect_err("second root");
        assert!(e.contains("second root"), "{e}");
    }

    #[test]
    fn user_entries_override_bundled_ones() {
        let user = parse(
            "zh,en\n《人类命运共同体》,community of common destiny\n新词,new word\n",
            "u.csv",
        )
        .expect("parses");
        let merged = merge(bundled(), user);
        assert_eq!(merged.len(), bundled().len() + 1);
        let t = merged
            .iter()
            .find(|t| t.key_text() == "人类命运共同体")
            .expect("present");
        assert_eq!(t.en, vec!["community of common destiny"]);
    }
}
