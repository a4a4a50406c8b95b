//! The review page: one self-contained HTML file per document.
//!
//! The page must open from a USB stick on an offline machine, so everything is inside it:
//! the template, style and script (`data/review/page.{html,css,js}`, compiled in) and the
//! document as JSON in a `<script type="application/json">` block, which the script reads
//! and renders with DOM text nodes only (a sentence is never parsed as HTML). No network,
//! no fonts or scripts from elsewhere, no framework: plain rows that stay quick at a
//! thousand pairs.

use serde::Serialize;

use super::decide::{Row, Workspace};
use crate::model::AlignedDocument;

const TEMPLATE: &str = include_str!("../../data/review/page.html");
const STYLE: &str = include_str!("../../data/review/page.css");
const SCRIPT: &str = include_str!("../../data/review/page.js");

/// What the script reads: the document, its sentence table and its rows.
#[derive(Serialize)]
struct PageData<'a> {
    doc: DocInfo<'a>,
    /// [`super::fingerprint`] of the document, written back into the decisions.
    fp: &'a str,
    /// Pairs below this score are suspect (the export's `--review-below`).
    below: f64,
    /// Sentences by number: `[lang, text, unit, kind, speaker]`.
    s: Vec<(&'static str, &'a str, usize, &'static str, Option<&'a str>)>,
    /// Pair metadata by pair index.
    p: Vec<PairInfo<'a>>,
    /// Rows in reading order.
    rows: Vec<RowInfo>,
}

#[derive(Serialize)]
struct DocInfo<'a> {
    id: &'a str,
    source: &'a str,
    date: Option<&'a str>,
    agreement: Option<f64>,
}

#[derive(Serialize)]
struct PairInfo<'a> {
    id: &'a str,
    score: f64,
    unit: usize,
    kind: &'static str,
    se: Option<&'a str>,
    sz: Option<&'a str>,
    reviewed: bool,
}

#[derive(Serialize)]
#[serde(untagged)]
enum RowInfo {
    Pair {
        p: usize,
        en: Vec<usize>,
        zh: Vec<usize>,
    },
    Unaligned {
        u: usize,
    },
}

/// The review page of `doc`: `fingerprint` goes into the decisions the page saves, and
/// pairs scoring below `review_below` are the suspects the page points at.
pub fn render(doc: &AlignedDocument, fingerprint: &str, review_below: f64) -> String {
    let w = Workspace::new(doc);
    let mut k = 0;
    let rows = w
        .rows
        .iter()
        .map(|r| match r {
            Row::Pair(p) => {
                k += 1;
                RowInfo::Pair {
                    p: k - 1,
                    en: p.en.clone(),
                    zh: p.zh.clone(),
                }
            }
            Row::Unaligned(s) => RowInfo::Unaligned { u: *s },
        })
        .collect();
    let data = PageData {
        doc: DocInfo {
            id: &doc.id,
            source: &doc.source,
            date: doc.date.as_deref(),
            agreement: doc.agreement,
        },
        fp: fingerprint,
        below: review_below,
        s: w.sentences
            .iter()
            .map(|s| {
                (
                    s.lang.code(),
                    s.text.as_str(),
                    s.unit,
                    s.kind.name_with(s.speaker.is_some()),
                    s.speaker.as_deref(),
                )
            })
            .collect(),
        p: doc
            .pairs
            .iter()
            .map(|p| PairInfo {
                id: &p.id,
                score: p.score,
                unit: p.unit,
                kind: p.kind_name(),
                se: p.speaker_en.as_deref(),
                sz: p.speaker_zh.as_deref(),
                reviewed: p.reviewed,
            })
            .collect(),
        rows,
    };
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "null".into());
    TEMPLATE
        .replace("{{TITLE}}", &escape_html(&format!("Review: {}", doc.id)))
        .replace("{{STYLE}}", STYLE)
        .replace("{{SCRIPT}}", SCRIPT)
        .replacen("{{DATA}}", &script_safe(&json), 1)
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` only occur inside JSON
/// strings, where their `\u` escapes mean the same, and without them no `</script>` or
/// `<!--` in a sentence can end or change the element.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Text made safe in HTML content and attribute values.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::test_support::pair;

    #[test]
    fn hostile_text_stays_data() {
        let mut d = crate::write::test_support::doc();
        d.id = "x</title><script>alert(1)</script>".into();
        d.pairs.push(pair(
            "d1-0004",
            "d1",
            &["</script><script>alert(\"x\")</script> it's <!-- \u{2028}"],
            &["“引号”&amp;"],
            0.2,
        ));
        let html = render(&d, "0123", 0.5);
        // The only script elements are the data block and the page's own script.
        assert_eq!(html.matches("<script").count(), 2, "{html}");
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(!html.contains("alert(1)</script>"));
        assert!(html.contains("<title>Review: x&lt;/title&gt;&lt;script&gt;"));
        // The data block still parses back to the same text.
        let marker = "id=\"review-data\">";
        let start = html.find(marker).unwrap() + marker.len();
        let end = start + html[start..].find("</script>").unwrap();
        let v: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        let texts: Vec<&str> = v["s"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s[1].as_str().unwrap())
            .collect();
        assert!(texts.contains(&"</script><script>alert(\"x\")</script> it's <!-- \u{2028}"));
        assert!(texts.contains(&"“引号”&amp;"));
        assert_eq!(v["fp"], "0123");
        // Self-contained: nothing fetched from elsewhere.
        for bad in ["http://", "https://", "src=", "@import", "url("] {
            assert!(!html.contains(bad), "{bad}");
        }
    }
}
