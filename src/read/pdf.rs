//! PDF with a text layer → the parser's text: pages in reading order, page furniture
//! dropped, lines joined into paragraphs.
//!
//! White papers and government reports come as PDF. The text is extracted by Poppler's
//! `pdftotext` (`-enc UTF-8`, reading order), which gets Chinese right (see the commit
//! that added this module for the comparison with the pure-Rust extractors); it is run as
//! a program, so zhen-tm builds without it and a missing `pdftotext` is a clear error.
//! What comes out is one line per printed line and a form feed between pages. This module
//! then:
//!
//! - drops page furniture: lines at the top or bottom of a page that recur on at least half
//!   of the pages (a running title, digits ignored so that `第3页` recurs), and page numbers
//!   alone on their line in the forms listed in `data/pdf/page_numbers.txt` (`- 3 -`,
//!   `第 3 页`, `Page 3 of 9`);
//! - joins printed lines into paragraphs: a line as wide as the text block continues on the
//!   next line, also across a page break; a shorter line ends its paragraph (the last line
//!   of a paragraph, a heading). Chinese lines join without a space, English ones with one,
//!   and a word hyphenated at a line end is mended as in the page-chunked transcripts
//!   ([`crate::parse::join_en`]);
//! - removes the spaces `pdftotext` puts between Chinese characters and digits
//!   (`2031 年 5 月` → `2031年5月`).
//!
//! A PDF whose pages hold no text (a scan) is refused with an error that says so.

use crate::model::Lang;
use crate::parse::{is_han, join_en, script_lang};
use crate::{Error, Result};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// The extractor program.
const PDFTOTEXT: &str = "pdftotext";

/// Page-number forms, spaces removed, lower case, a number written `#`
/// (`data/pdf/page_numbers.txt` writes it `N`).
fn page_number_forms() -> &'static [String] {
    static FORMS: OnceLock<Vec<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        include_str!("../../data/pdf/page_numbers.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                l.split_whitespace()
                    .collect::<String>()
                    .replace('N', "#")
                    .to_lowercase()
            })
            .collect()
    })
}

/// A line's shape for furniture detection: digits as one `#`, no spaces, lower case.
fn shape(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn is_page_number(line: &str) -> bool {
    let s = shape(line);
    page_number_forms().contains(&s)
}

/// Read the PDF at `path` (its bytes `bytes`, for standard input) as the parser's text.
pub fn read(bytes: &[u8], path: &Path) -> Result<String> {
    // pdftotext reads a file: standard input goes through a temporary copy.
    let temp;
    let file: &Path = if crate::read::is_stdin(path) || !path.is_file() {
        temp = tempfile::NamedTempFile::new().map_err(|e| Error::io(path, e))?;
        std::fs::write(temp.path(), bytes).map_err(|e| Error::io(path, e))?;
        temp.path()
    } else {
        path
    };
    let output = Command::new(PDFTOTEXT)
        .args(["-enc", "UTF-8", "-q"])
        .arg(file)
        .arg("-")
        .output()
        .map_err(|e| {
            Error::input(
                path,
                format!(
                    "a PDF document; reading PDFs needs Poppler's pdftotext, which could not \
                     be run ({e}): install it (Debian/Ubuntu: apt-get install poppler-utils), \
                     or save the text as .txt"
                ),
            )
        })?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let why = why
            .lines()
            .next()
            .unwrap_or("no reason given")
            .trim()
            .to_string();
        return Err(Error::input(
            path,
            format!("a PDF document that cannot be read (damaged or encrypted?): {why}"),
        ));
    }
    let raw = String::from_utf8_lossy(&output.stdout);
    let text = text_of_pages(&raw);
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(Error::input(
            path,
            "a PDF without a text layer (a scanned document?): its pages hold no text to \
             read; run OCR on it first, or get the text edition",
        ));
    }
    Ok(text)
}

/// Display width of a line: a Chinese character counts two, anything else one.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if is_han(c) || (c as u32) >= 0x3000 {
                2
            } else {
                1
            }
        })
        .sum()
}

/// How many lines at each end of a page are looked at for furniture.
const EDGE_LINES: usize = 2;

/// The text of `pdftotext` output (pages split by form feeds) as parser text: furniture
/// dropped, lines joined into paragraphs (see the module documentation).
pub fn text_of_pages(raw: &str) -> String {
    let pages: Vec<Vec<&str>> = raw
        .split('\u{c}')
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
        .filter(|p: &Vec<&str>| !p.is_empty())
        .collect();
    // Shapes of the lines at the ends of pages, and on how many pages each occurs.
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for page in &pages {
        let mut seen = std::collections::HashSet::new();
        let n = page.len();
        for (i, line) in page.iter().enumerate() {
            if i < EDGE_LINES || i + EDGE_LINES >= n {
                let s = shape(line);
                if seen.insert(s.clone()) {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
    }
    let recurring = |line: &str| {
        let n = counts.get(&shape(line)).copied().unwrap_or(0);
        n >= 2 && n * 2 >= pages.len()
    };
    let mut lines: Vec<&str> = Vec::new();
    for page in &pages {
        let n = page.len();
        for (i, line) in page.iter().enumerate() {
            let edge = i < EDGE_LINES || i + EDGE_LINES >= n;
            if edge && (is_page_number(line) || recurring(line)) {
                continue;
            }
            lines.push(line);
        }
    }
    // The width of a full line: the widest lines of the text block (the 90th percentile,
    // so that one overlong line does not set it).
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    widths.sort_unstable();
    let full = widths
        .get(widths.len().saturating_sub(1) * 9 / 10)
        .copied()
        .unwrap_or(0);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        let line = mend_spaces(line);
        if current.is_empty() {
            current = line.clone();
        } else {
            current = match script_lang(&current) {
                Some(Lang::En) => join_en(&current, &line),
                _ => format!("{}{}", current.trim_end(), line.trim_start()),
            };
        }
        // A line clearly shorter than a full one ends its paragraph, unless it is a
        // heading wrapped in a larger font: an unfinished line of more than half the
        // width, followed by another short line.
        let short = |w: usize| w * 100 < full * 85;
        let w = width(&line);
        let wrapped_heading = !crate::parse::is_terminated(&line)
            && w * 2 >= full
            && lines.get(i + 1).is_some_and(|next| short(width(next)));
        if short(w) && !wrapped_heading {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let mut text = String::new();
    for p in paragraphs {
        let p = match p.strip_prefix('#') {
            Some(rest) => format!("\\#{rest}"),
            None => p,
        };
        text.push_str(&p);
        text.push_str("\n\n");
    }
    text
}

/// Remove a space between a Chinese character and a digit or another Chinese character,
/// which `pdftotext` puts where the fonts change.
fn mend_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 {
            let (a, b) = (chars[i - 1], chars.get(i + 1).copied().unwrap_or(' '));
            let han_digit = |x: char, y: char| is_han(x) && (y.is_ascii_digit() || is_han(y));
            if han_digit(a, b) || han_digit(b, a) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_dropped_and_lines_joined() {
        let raw = "论坛 · 主旨演讲\n\n携手共建海洋合作伙伴关系\n\
                   很高兴出席第三届海洋合作论坛。我谨代\n表中国政府，对论坛的召开表示热烈祝贺。\n\
                   海洋是人类共同的家园。过去十年，沿海\n国家在航运、渔业和海洋科研等领域开展\n\
                   -1-\n\u{c}论坛 · 主旨演讲\n\n了广泛合作。\n谢谢大家。\n\n- 2 -\n\u{c}";
        let text = text_of_pages(raw);
        assert_eq!(
            text,
            "携手共建海洋合作伙伴关系\n\n\
             很高兴出席第三届海洋合作论坛。我谨代表中国政府，对论坛的召开表示热烈祝贺。\
             海洋是人类共同的家园。过去十年，沿海国家在航运、渔业和海洋科研等领域开展了广泛合作。\n\n\
             谢谢大家。\n\n"
        );
    }

    #[test]
    fn page_numbers_and_spaces() {
        for n in ["3", "- 3 -", "第 3 页", "Page 3 of 9", "3 / 9"] {
            assert!(is_page_number(n), "{n}");
        }
        assert!(!is_page_number("第3章"));
        assert_eq!(
            mend_spaces("（2031 年 5 月 12 日，青岛）"),
            "（2031年5月12日，青岛）"
        );
        assert_eq!(mend_spaces("May 12 2031"), "May 12 2031");
    }
}
