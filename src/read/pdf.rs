//! PDF with a text layer → the parser's text: pages in reading order, page furniture
//! dropped, printed lines joined into paragraphs, wrapped headings whole.
//!
//! White papers and government reports come as PDF. The text is extracted by Poppler's
//! `pdftotext` (`-enc UTF-8`, reading order), which gets Chinese right (see the commit
//! that added this module for the comparison with the pure-Rust extractors); it is run as
//! a program, so zhen-tm builds without it and a missing `pdftotext` is a clear error.
//!
//! `pdftotext -tsv` is read rather than its plain text: it gives every word with its box,
//! grouped into Poppler's lines and blocks (a block is text set apart by spacing), and it
//! leaves a line-end hyphen as printed (the plain output silently joins `land-` / `based`
//! into "landbased"). From the boxes this module:
//!
//! - drops page furniture: of the two top and two bottom lines of a page, those that recur
//!   on at least half of the pages (a running title; digits ignored, so that `第3页`
//!   recurs) and page numbers alone on their line in the forms listed in
//!   `data/pdf/page_numbers.txt` (`- 3 -`, `第 3 页`, `Page 3 of 9`);
//! - finds the body text size (the line height that most characters have): a line clearly
//!   larger is a heading, and consecutive heading lines of one size are one heading (a
//!   title wrapped over three lines), written as a `##` line;
//! - joins printed lines into paragraphs. A line continues on the next unless the next
//!   line's first word (first character, in Chinese) would have fitted on it before the
//!   right edge of the text block (the measure most of its lines reach, not the one line
//!   that runs furthest), or the next line is indented (a first-line indent), or
//!   the size changes. Where Poppler starts a new block or a new page, the line must also
//!   be unfinished (no sentence end) or be followed by a lower-case letter: that is how a
//!   paragraph cut by a page break is mended while a paragraph ending flush at a page end
//!   is left alone. Chinese lines join without a space, English ones with one; a word
//!   hyphenated at a line end is mended or keeps its hyphen as [`crate::hyphen`] decides,
//!   with the document's other words as evidence;
//!   In Chinese the unit that must fit is a character with the closing marks after it
//!   (`来！”`), or an opening mark with the character after it (`“是`): typesetting
//!   never parts them, so a line may end that much short and still go on;
//! - removes the spaces `pdftotext` puts between Chinese characters, marks and digits
//!   (`2031 年 5 月` → `2031年5月`, `服务 ” 。` → `服务”。`).
//!
//! A PDF whose pages hold no text (a scan) is refused with an error that says so.

use crate::hyphen::{self, Evidence};
use crate::model::Lang;
use crate::parse::{is_han, is_terminated, script_lang};
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// The extractor program.
const PDFTOTEXT: &str = "pdftotext";
/// Poppler's exit code for options it does not know (a pdftotext without `-tsv`).
const USAGE_ERROR: i32 = 99;

/// Page-number forms, spaces removed, lower case, a number written `#`
/// (`data/pdf/page_numbers.txt` writes it `N`).
fn page_number_forms() -> &'static [String] {
    static FORMS: OnceLock<Vec<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        crate::data::lines(include_str!("../../data/pdf/page_numbers.txt"))
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
        .args(["-tsv", "-enc", "UTF-8"])
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
    if output.status.code() == Some(USAGE_ERROR) {
        return Err(Error::input(
            path,
            "a PDF document; the pdftotext installed does not know the -tsv output this \
             reader needs (an old Poppler, or xpdf's pdftotext): install a current \
             poppler-utils, or save the text as .txt",
        ));
    }
    if !output.status.success() {
        // pdftotext's last message says why it gave up ("Couldn't read xref table").
        let why = String::from_utf8_lossy(&output.stderr);
        let why = why
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .unwrap_or("no reason given")
            .to_string();
        return Err(Error::input(
            path,
            format!("a PDF document that cannot be read (damaged or encrypted?): {why}"),
        ));
    }
    let tsv = String::from_utf8_lossy(&output.stdout);
    let pages = pages_of_tsv(&tsv).map_err(|why| {
        Error::input(
            path,
            format!("a PDF document whose text pdftotext gave in an unexpected form: {why}"),
        )
    })?;
    let text = text_of_pages(&pages);
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(Error::input(
            path,
            "a PDF without a text layer (a scanned document?): its pages hold no text to \
             read; run OCR on it first, or get the text edition",
        ));
    }
    Ok(text)
}

/// One printed line: its words joined, its box, and what paragraph joining needs to know.
#[derive(Debug, Clone)]
pub struct PrintedLine {
    /// The words, joined by spaces (spaces between Chinese characters and digits removed).
    pub text: String,
    /// The page (from 0).
    pub page: usize,
    /// Poppler's block on the page (flow and block number): text set apart by spacing.
    pub block: (u32, u32),
    /// Left, top, right and bottom edges, in points.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Width of what would have to fit at the end of the line before for this line to
    /// have started there: its first word, or its first character when that is Chinese.
    pub first_unit: f64,
    /// The note mark printed small that opened the line (`¹ Source: …`), left out of its
    /// text: the line is the first of a footnote.
    pub note_mark: Option<String>,
    /// 1 for a line of the right-hand column of a page set in two columns, one per
    /// language (a bilingual table, a 中英对照 edition); 0 otherwise.
    pub column: u8,
    /// The line was cut off the one before it at a wide gap where the script changes,
    /// perhaps the one between two such columns ([`settle_columns`] decides).
    cut: bool,
}

impl PrintedLine {
    /// A line that starts with `word`, whose box is `left`, `top`, `width`, `height`.
    fn starting(
        word: &str,
        page: usize,
        block: (u32, u32),
        left: f64,
        top: f64,
        width: f64,
        height: f64,
    ) -> PrintedLine {
        let chars = word.chars().count().max(1) as f64;
        // The first character and the closing marks right after it (`来！`).
        let marks = word
            .chars()
            .skip(1)
            .take_while(|&c| is_closing_mark(c))
            .count();
        PrintedLine {
            text: word.to_string(),
            page,
            block,
            left,
            top,
            right: left + width,
            bottom: top + height,
            first_unit: if word.chars().next().is_some_and(wide) {
                width / chars * (1 + marks) as f64
            } else {
                width
            },
            note_mark: None,
            column: 0,
            cut: false,
        }
    }

    /// `text` (words whose box ends at `right`, from `top` to `bottom`) added at the end of
    /// the line, after a space, the line's box grown to hold it.
    fn extend(&mut self, text: &str, right: f64, top: f64, bottom: f64) {
        self.text.push(' ');
        self.text.push_str(text);
        self.right = self.right.max(right);
        self.top = self.top.min(top);
        self.bottom = self.bottom.max(bottom);
    }

    /// The line's height: the size of its type, for comparing sizes.
    fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// One page's lines in Poppler's reading order.
pub type Page = Vec<PrintedLine>;

/// The pages of `pdftotext -tsv` output: the rows of level 5 (words) grouped by page,
/// flow, block and line. An error names what could not be read.
pub fn pages_of_tsv(tsv: &str) -> std::result::Result<Vec<Page>, String> {
    let mut pages: Vec<Page> = Vec::new();
    let mut current_key: Option<(u32, u32, u32, u32)> = None;
    for (n, row) in tsv.lines().enumerate().skip(1) {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 {
            return Err(format!("row {} has {} columns, not 12", n + 1, cols.len()));
        }
        let int = |i: usize| {
            cols[i]
                .parse::<u32>()
                .map_err(|_| format!("row {}: column {} is not a number", n + 1, i + 1))
        };
        let num = |i: usize| {
            cols[i]
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("row {}: column {} is not a number", n + 1, i + 1))
        };
        let level = int(0)?;
        if level == 1 {
            pages.push(Vec::new());
            current_key = None;
            continue;
        }
        if level != 5 {
            continue;
        }
        let key = (int(1)?, int(2)?, int(3)?, int(4)?);
        let (left, top, width, height) = (num(6)?, num(7)?, num(8)?, num(9)?);
        let text = cols[11].trim();
        if text.is_empty() {
            continue;
        }
        let page_index = pages.len().saturating_sub(1);
        let Some(page) = pages.last_mut() else {
            return Err(format!("row {}: a word before the first page", n + 1));
        };
        let right = left + width;
        // Poppler joins the lines of two columns side by side into one line; where the
        // language changes across a wide gap, the second column's words start a line.
        let gutter =
            current_key == Some(key) && page.last().is_some_and(|l| gap_cut(l, left, height, text));
        match page.last_mut() {
            // A note mark printed small inside a line (`in 2013.¹ Further`) is kept between
            // the MARK_OPEN and MARK_CLOSE sentinels: it is left out when a footnote of its
            // page carries it, and otherwise kept as text (an exponent, `cm²`).
            Some(line)
                if current_key == Some(key)
                    && !gutter
                    && is_note_mark(text)
                    && height < MARK_SIZE * line.height() =>
            {
                line.text.push(' ');
                line.text.push(MARK_OPEN);
                line.text.push_str(text);
                line.text.push(MARK_CLOSE);
            }
            // A line that so far holds only a small note mark, and now its text at full
            // size: the mark opens a footnote; the line starts with this word.
            Some(line)
                if current_key == Some(key)
                    && !gutter
                    && is_note_mark(&line.text)
                    && line.height() < MARK_SIZE * height =>
            {
                let mark = std::mem::take(&mut line.text);
                *line = PrintedLine {
                    note_mark: Some(mark),
                    ..PrintedLine::starting(text, line.page, line.block, left, top, width, height)
                };
            }
            Some(line) if current_key == Some(key) && !gutter => {
                let chars = text.chars().count().max(1) as f64;
                if line.text.chars().all(is_opening_mark) {
                    // An opening mark cannot end a line: it moves down with the word it
                    // opens, and both must fit for the line to have started earlier.
                    let first_is_han = text.chars().next().is_some_and(wide);
                    line.first_unit += if first_is_han { width / chars } else { width };
                } else if is_one_unit(&line.text) {
                    // Nor can a closing mark begin a line: a character moves down with the
                    // marks after it (`来！”`), and all of them must fit.
                    let marks = text.chars().take_while(|&c| is_closing_mark(c)).count();
                    line.first_unit += width / chars * marks as f64;
                }
                line.extend(text, right, top, top + height);
            }
            _ => {
                let block = (key.1, key.2);
                page.push(PrintedLine {
                    cut: gutter,
                    ..PrintedLine::starting(text, page_index, block, left, top, width, height)
                });
                current_key = Some(key);
            }
        }
    }
    settle_columns(&mut pages);
    for line in pages.iter_mut().flatten() {
        line.text = mend_spaces(&line.text);
    }
    Ok(pages)
}

/// The least gap, in line heights, at which a line is cut in case it is the gap between
/// two columns set side by side (a table's cell padding is about half a line; a space
/// between words a fifth).
const GUTTER_GAP: f64 = 0.3;
/// Lines that must be cut at one place before the place is taken for the edge of a second
/// column in the other language.
const GUTTER_LINES: usize = 3;
/// How far apart, in points, the cuts at one column's edge may start.
const GUTTER_SLACK: f64 = 3.0;

/// The script of the last letter in `text` (Chinese or Latin), digits and marks skipped.
fn last_script(text: &str) -> Option<bool> {
    text.chars()
        .rev()
        .find(|&c| is_han(c) || c.is_alphabetic())
        .map(is_han)
}

/// Whether a word at `left` (of height `height`) is cut off `line` as perhaps the start of
/// a second column in the other language: a gap wider than [`GUTTER_GAP`] where the script
/// changes (the line's last letter Chinese and the word's first Latin, or back; digits
/// and marks do not count: `…同志 1992` ends in Chinese).
fn gap_cut(line: &PrintedLine, left: f64, height: f64, word: &str) -> bool {
    left - line.right > GUTTER_GAP * height
        && last_script(&line.text).is_some_and(|han| {
            word.chars()
                .find(|&c| is_han(c) || c.is_alphabetic())
                .is_some_and(|c| is_han(c) != han)
        })
}

/// Decide the cuts [`pages_of_tsv`] made at wide gaps where the script changes. The place
/// where the most lines were cut (to [`GUTTER_SLACK`]) is the edge of a second column in
/// the other language when at least [`GUTTER_LINES`] lines were cut there: then those cuts
/// stand, and every line starting at or beyond it is of the right-hand column. Every other
/// cut is undone (an English word in Chinese text after a wide space), so the text is as
/// it was.
fn settle_columns(pages: &mut [Page]) {
    let cuts: Vec<f64> = pages
        .iter()
        .flatten()
        .filter(|l| l.cut)
        .map(|l| l.left)
        .collect();
    let near = |a: f64, b: f64| (a - b).abs() <= GUTTER_SLACK;
    let edge = cuts
        .iter()
        .map(|&x| (x, cuts.iter().filter(|&&y| near(x, y)).count()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)))
        .filter(|&(_, n)| n >= GUTTER_LINES)
        .map(|(x, _)| x);
    for page in pages.iter_mut() {
        let mut i = page.len();
        while i > 1 {
            i -= 1;
            if page[i].cut && !edge.is_some_and(|e| near(page[i].left, e)) {
                let cut = page.remove(i);
                page[i - 1].extend(&cut.text, cut.right, cut.top, cut.bottom);
            }
        }
        if let Some(e) = edge {
            for line in page.iter_mut() {
                if line.left >= e - GUTTER_SLACK {
                    line.column = 1;
                }
            }
        }
    }
}

/// A note mark (a footnote's number) is printed at most this share of the text's size.
const MARK_SIZE: f64 = 0.75;
/// Around a small mark inside a line until its page says whether it is a note's (private
/// use characters: no text has them where a PDF's words are joined).
const MARK_OPEN: char = '\u{F8F0}';
const MARK_CLOSE: char = '\u{F8F1}';

/// Whether a word is a note mark: one to three digits, a circled number (`①`), or an
/// asterisk or dagger, as footnotes are numbered.
fn is_note_mark(word: &str) -> bool {
    let n = word.chars().count();
    (1..=3).contains(&n)
        && (word.chars().all(|c| c.is_ascii_digit())
            || word
                .chars()
                .all(|c| ('\u{2460}'..='\u{2473}').contains(&c) || matches!(c, '*' | '†' | '‡')))
}

/// The marks of one class of `data/pdf/line_breaking.txt` (`opening`, `closing`).
fn line_breaking_marks(class: &str) -> &'static [char] {
    static CLASSES: OnceLock<HashMap<&'static str, Vec<char>>> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            crate::data::lines(include_str!("../../data/pdf/line_breaking.txt"))
                .filter_map(|l| l.split_once(':'))
                .map(|(name, marks)| {
                    let marks = marks.split_whitespace().filter_map(|m| m.chars().next());
                    (name.trim(), marks.collect())
                })
                .collect()
        })
        .get(class)
        .map_or(&[], Vec::as_slice)
}

/// An opening quote or bracket, which typesetting never leaves at the end of a line
/// (`“`, `《`, `（`, `(`).
fn is_opening_mark(c: char) -> bool {
    line_breaking_marks("opening").contains(&c)
}

/// A closing mark or stop, which typesetting never puts at the start of a line (`，`,
/// `。`, `！`, `”`, `》`, `）`).
fn is_closing_mark(c: char) -> bool {
    line_breaking_marks("closing").contains(&c)
}

/// Whether a line so far is one unit of line filling: a character (Chinese or an opening
/// mark's word) followed by closing marks only, so that a closing mark in the next word
/// still belongs to it.
fn is_one_unit(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| *c != ' ');
    chars.next().is_some_and(wide) && chars.all(is_closing_mark)
}

/// A Chinese character or full-width punctuation: one character is a unit of line filling.
fn wide(c: char) -> bool {
    is_han(c) || (c as u32) >= 0x3000
}

/// How many lines at each end of a page are looked at for furniture.
const EDGE_LINES: usize = 2;
/// A line this much larger than the body text (by height) is a heading.
const HEADING_SIZE: f64 = 1.15;
/// Two lines within this ratio of height are the same size.
const SAME_SIZE: f64 = 1.05;

/// Two furniture lines on different pages are at the same place if their tops are this
/// close, in points.
const SAME_PLACE: f64 = 3.0;

/// The lines of every page with page furniture (running titles, page numbers) left out.
/// A line at the top or bottom of its page is furniture when it is a page number, or when
/// a line of the same shape stands at the same height on at least half of the pages (two
/// at least) and is not larger than the body text: the document's title on the first page
/// may read like the running title above it, but it is printed larger and lower.
///
/// A footnote's first line is never furniture (`starts`, from [`note_starts`]): a note
/// alone at the foot of its page has the place of a footer, and its mark the form of a
/// page number.
fn without_furniture<'p>(
    pages: &'p [Page],
    body: f64,
    starts: &[Vec<f64>],
) -> Vec<&'p PrintedLine> {
    // The lines at the top and bottom of each page, by position.
    let edges: Vec<HashSet<usize>> = pages
        .iter()
        .map(|page| {
            let mut by_top: Vec<usize> = (0..page.len()).collect();
            by_top.sort_by(|&a, &b| page[a].top.total_cmp(&page[b].top));
            let n = by_top.len();
            by_top
                .iter()
                .enumerate()
                .filter(|(rank, _)| *rank < EDGE_LINES || rank + EDGE_LINES >= n)
                .map(|(_, &i)| i)
                .collect()
        })
        .collect();
    // Each shape's places: the page and top of every edge line of that shape.
    let mut places: HashMap<String, Vec<(usize, f64)>> = HashMap::new();
    for (p, (page, edge)) in pages.iter().zip(&edges).enumerate() {
        for &i in edge {
            places
                .entry(shape(&page[i].text))
                .or_default()
                .push((p, page[i].top));
        }
    }
    let recurring = |line: &PrintedLine| {
        if body > 0.0 && line.height() > body * HEADING_SIZE {
            return false;
        }
        let pages_there: HashSet<usize> = places
            .get(&shape(&line.text))
            .into_iter()
            .flatten()
            .filter(|(_, top)| (top - line.top).abs() <= SAME_PLACE)
            .map(|&(p, _)| p)
            .collect();
        let n = pages_there.len();
        n >= 2 && n * 2 >= pages.len()
    };
    let mut out = Vec::new();
    for (page, edge) in pages.iter().zip(&edges) {
        for (i, line) in page.iter().enumerate() {
            let note = starts
                .get(line.page)
                .is_some_and(|tops| opens_note(line, tops));
            if edge.contains(&i) && !note && (is_page_number(&line.text) || recurring(line)) {
                continue;
            }
            out.push(line);
        }
    }
    out
}

/// The body text's line height: the height (to a tenth of a point) that most characters
/// are printed at.
fn body_height(lines: &[&PrintedLine]) -> f64 {
    let mut by_height: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        *by_height
            .entry((l.height() * 10.0).round() as i64)
            .or_default() += l.text.chars().count();
    }
    by_height
        .into_iter()
        .max_by_key(|&(h, n)| (n, -h))
        .map_or(0.0, |(h, _)| h as f64 / 10.0)
}

/// A block of Poppler's: its page and its (flow, block) numbers.
type BlockKey = (usize, (u32, u32), u8);

/// The left and right edges of one of Poppler's blocks, and its number of lines.
struct BlockEdges {
    left: f64,
    right: f64,
    lines: usize,
}

/// The lines of one paragraph or heading, and whether it is a heading.
struct Para<'a> {
    lines: Vec<&'a PrintedLine>,
    heading: bool,
}

/// The text of pages read from `pdftotext -tsv` ([`pages_of_tsv`]) as parser text:
/// furniture dropped, headings marked, lines joined into paragraphs (see the module
/// documentation).
pub fn text_of_pages(pages: &[Page]) -> String {
    let body = body_height(&pages.iter().flatten().collect::<Vec<_>>());
    let starts = note_starts(pages, body);
    let (body_lines, notes) = without_notes(&without_furniture(pages, body, &starts), &starts);
    // A page in two columns, one per language, reads one column through, then the other:
    // the Chinese paragraphs, then their English (the blocks layout).
    let mut lines: Vec<&PrintedLine> = body_lines.iter().filter(|l| l.column == 0).collect();
    lines.extend(body_lines.iter().filter(|l| l.column != 0));
    let is_heading = |l: &PrintedLine| body > 0.0 && l.height() > body * HEADING_SIZE;
    let same_size = |a: &PrintedLine, b: &PrintedLine| {
        let (x, y) = (a.height().max(0.01), b.height().max(0.01));
        x.max(y) / x.min(y) <= SAME_SIZE
    };
    // The right and left edges of each block (a block of one line is measured against the
    // body text's usual edges instead: it says nothing about the column by itself).
    // The right edge is the tenth-largest line end in ten, not the largest: a few lines
    // run past the measure where the extractor boxes full-width marks narrower than the
    // typesetter set them, and one such line must not make every other line look short.
    let mut block_lines: HashMap<BlockKey, (f64, Vec<f64>)> = HashMap::new();
    for l in &lines {
        let e = block_lines
            .entry((l.page, l.block, l.column))
            .or_insert((f64::MAX, Vec::new()));
        e.0 = e.0.min(l.left);
        e.1.push(l.right);
    }
    let blocks: HashMap<BlockKey, BlockEdges> = block_lines
        .into_iter()
        .map(|(key, (left, mut rights))| {
            rights.sort_by(|a, b| b.total_cmp(a));
            let right = rights.get(rights.len() / 10).copied().unwrap_or(left);
            let lines = rights.len();
            (key, BlockEdges { left, right, lines })
        })
        .collect();
    let body_edges = {
        let mut lefts: Vec<f64> = Vec::new();
        let mut rights: Vec<f64> = Vec::new();
        for l in lines.iter().filter(|l| !is_heading(l)) {
            lefts.push(l.left);
            rights.push(l.right);
        }
        lefts.sort_by(f64::total_cmp);
        rights.sort_by(f64::total_cmp);
        let at = |v: &[f64], q: usize| v.get(v.len().saturating_sub(1) * q / 10).copied();
        (at(&lefts, 1).unwrap_or(0.0), at(&rights, 9).unwrap_or(0.0))
    };
    let edges_of = |l: &PrintedLine| match blocks.get(&(l.page, l.block, l.column)) {
        Some(b) if b.lines > 1 => (b.left, b.right),
        _ => body_edges,
    };
    let mut paras: Vec<Para> = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        let heading = is_heading(line);
        let continues = i > 0 && {
            let prev = lines[i - 1];
            let same_page = prev.page == line.page;
            if prev.column != line.column {
                false
            } else if heading || is_heading(prev) {
                // One heading wrapped over lines: same size, the next line right below.
                heading
                    && is_heading(prev)
                    && same_size(prev, line)
                    && same_page
                    && line.top - prev.bottom < prev.height()
            } else {
                let (left, right) = edges_of(prev);
                let em = line.height() * 0.75;
                let space = line.height() * 0.3;
                let full = right - prev.right < line.first_unit + space;
                let indented = line.left - left > em;
                let fits = same_size(prev, line) && full && !indented;
                if same_page && prev.block == line.block {
                    fits
                } else if same_page && line.top > prev.top {
                    // A new block below: Poppler saw the spacing between paragraphs.
                    false
                } else {
                    // A new page or column: the paragraph goes on only if unfinished.
                    let unfinished = !is_terminated(&prev.text)
                        || line.text.chars().next().is_some_and(char::is_lowercase);
                    fits && unfinished
                }
            }
        };
        match paras.last_mut() {
            Some(p) if continues => p.lines.push(line),
            _ => paras.push(Para {
                lines: vec![line],
                heading,
            }),
        }
    }
    // Footnotes follow the body, each a paragraph, where the other edition's follow its.
    for note in &notes {
        paras.push(Para {
            lines: note.iter().collect(),
            heading: false,
        });
    }
    let evidence = Evidence::from_lines(
        lines
            .iter()
            .copied()
            .chain(notes.iter().flatten())
            .map(|l| l.text.as_str()),
    );
    let mut text = String::new();
    for p in paras {
        let mut joined = String::new();
        for l in &p.lines {
            joined = if joined.is_empty() {
                l.text.clone()
            } else if script_lang(&joined) == Some(Lang::En) {
                hyphen::join_en(&joined, &l.text, &evidence)
            } else if joined.ends_with(|c: char| c.is_ascii_alphanumeric())
                && l.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                format!("{joined} {}", l.text)
            } else {
                format!("{joined}{}", l.text)
            };
        }
        if p.heading {
            text.push_str("## ");
        } else if joined.starts_with('#') {
            text.push('\\');
        }
        text.push_str(&joined);
        text.push_str("\n\n");
    }
    text
}

/// Whether a line is a note mark printed small on a line of its own (Poppler often gives a
/// footnote's mark apart from its note).
fn is_mark_line(l: &PrintedLine, body: f64) -> bool {
    body > 0.0 && is_note_mark(&l.text) && l.height() < MARK_SIZE * body
}

/// Where footnotes begin on each page: the tops of the lines in the lower half of the page
/// that a note mark printed small opens (`¹ Source: …`), or that stand beside such a mark
/// on a line of its own. Notes stand below the text, so only the lower half counts, and
/// begin at its left margin, so a small figure elsewhere (a table's) starts none.
fn note_starts(pages: &[Page], body: f64) -> Vec<Vec<f64>> {
    pages
        .iter()
        .map(|page| {
            let top = page.iter().map(|l| l.top).fold(f64::MAX, f64::min);
            let bottom = page.iter().map(|l| l.bottom).fold(f64::MIN, f64::max);
            let middle = (top + bottom) / 2.0;
            let margin = page.iter().map(|l| l.left).fold(f64::MAX, f64::min);
            // A note starts at the text's left margin: its mark there, and on a line of its
            // own the note's text right after it (a small figure in a table is neither).
            let at_margin = |l: &PrintedLine, room: f64| l.left <= margin + room * body;
            let beside = |mark: &PrintedLine| {
                page.iter().any(|t| {
                    !std::ptr::eq(t, mark)
                        && (t.top - mark.top).abs() <= 0.5 * t.height()
                        && t.left > mark.left
                        && t.left - mark.right <= body
                })
            };
            page.iter()
                .filter(|l| l.top >= middle)
                .filter(|l| {
                    (is_mark_line(l, body) && at_margin(l, 1.0) && beside(l))
                        || (l.note_mark.is_some() && at_margin(l, 2.0))
                })
                .map(|l| l.top)
                .collect()
        })
        .collect()
}

/// Whether a line opens a footnote of a page whose notes begin at `starts`: it carries the
/// mark, or stands level with one.
fn opens_note(line: &PrintedLine, starts: &[f64]) -> bool {
    line.note_mark.is_some()
        || starts
            .iter()
            .any(|&t| (t - line.top).abs() <= 0.5 * line.height().max(1.0))
}

/// Footnotes taken out of the flow of the text: the body's lines, and each footnote's lines.
///
/// A page's footnotes are its lines from the first note start ([`note_starts`]) down:
/// notes stand below the text. A note goes on over lines until the next one starts; the
/// marks on lines of their own are not text. In the body, a small mark that a note of its
/// page (or of the next, where a note the page had no room for is set) carries
/// (`in 2013.¹ Further`) is left out; any other small mark stays (an exponent, `cm²`). A
/// page without notes reads as before.
fn without_notes(
    lines: &[&PrintedLine],
    starts: &[Vec<f64>],
) -> (Vec<PrintedLine>, Vec<Vec<PrintedLine>>) {
    let tops = |page: usize| starts.get(page).map_or(&[][..], Vec::as_slice);
    let zone = |page: usize| tops(page).iter().copied().fold(f64::MAX, f64::min);
    let in_zone = |l: &PrintedLine| l.top >= zone(l.page) - 1.0;
    let is_mark =
        |l: &PrintedLine| is_note_mark(&l.text) && in_zone(l) && opens_note(l, tops(l.page));
    // The marks each page's notes carry: on lines of their own, or opening a line.
    let mut marks: HashMap<usize, HashSet<&str>> = HashMap::new();
    for l in lines.iter().filter(|l| in_zone(l)) {
        let mark = match &l.note_mark {
            Some(m) => Some(m.as_str()),
            None if is_mark(l) => Some(l.text.as_str()),
            None => None,
        };
        if let Some(m) = mark {
            marks.entry(l.page).or_default().insert(m);
        }
    }
    let mut kept: Vec<PrintedLine> = Vec::with_capacity(lines.len());
    let mut notes: Vec<Vec<PrintedLine>> = Vec::new();
    let mut first = 0;
    while first < lines.len() {
        let page = lines[first].page;
        let end = first + lines[first..].iter().take_while(|l| l.page == page).count();
        let on_page = &lines[first..end];
        first = end;
        // A note the page has no room for is set at the foot of the next.
        let carried: HashSet<&str> = [page, page + 1]
            .iter()
            .filter_map(|p| marks.get(p))
            .flatten()
            .copied()
            .collect();
        let mut zone_lines: Vec<&PrintedLine> = Vec::new();
        for &l in on_page {
            if !in_zone(l) {
                let mut line = l.clone();
                line.text = resolve_marks(&l.text, &carried);
                kept.push(line);
            } else if !is_mark(l) {
                zone_lines.push(l);
            }
        }
        zone_lines.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.left.total_cmp(&b.left)));
        let mut this_page = false;
        for l in zone_lines {
            let mut line = l.clone();
            line.text = resolve_marks(&l.text, &HashSet::new());
            match notes.last_mut() {
                Some(note) if this_page && !opens_note(&line, tops(page)) => note.push(line),
                _ => notes.push(vec![line]),
            }
            this_page = true;
        }
    }
    (kept, notes)
}

/// A line's text with each small mark between [`MARK_OPEN`] and [`MARK_CLOSE`] left out
/// (with the space before it, and in Chinese the one after) when `notes` carries it, and
/// kept as text otherwise.
fn resolve_marks(text: &str, notes: &HashSet<&str>) -> String {
    if !text.contains(MARK_OPEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(MARK_OPEN) {
        let after = &rest[open + MARK_OPEN.len_utf8()..];
        let Some(close) = after.find(MARK_CLOSE) else {
            break;
        };
        let mark = &after[..close];
        out.push_str(&rest[..open]);
        if notes.contains(mark) {
            while out.ends_with(' ') {
                out.pop();
            }
        } else {
            out.push_str(mark);
        }
        rest = &after[close + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    // A mark left out of Chinese leaves a space between Chinese characters.
    mend_spaces(&out.replace([MARK_OPEN, MARK_CLOSE], ""))
}

/// Remove a space between a Chinese character (or a Chinese punctuation mark) and a digit,
/// a curly quote or another Chinese character or mark, which `pdftotext` puts where the
/// fonts change and around full-width marks whose glyph is narrower than its box
/// (`服务 ” 。`). Written Chinese has no spaces there; left in, a space parts a closing
/// quote from the full stop it follows, and the quote opens the next sentence.
fn mend_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 {
            let (a, b) = (chars[i - 1], chars.get(i + 1).copied().unwrap_or(' '));
            let chinese = |x: char| is_han(x) || is_chinese_mark(x);
            let joins = |x: char, y: char| {
                chinese(x) && (chinese(y) || y.is_ascii_digit() || is_shared_mark(y))
            };
            if joins(a, b) || joins(b, a) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A punctuation mark of Chinese text: CJK symbols (`。、《》「」`) and full-width forms
/// (`，：；！？（）`).
fn is_chinese_mark(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}') && !c.is_alphanumeric()
}

/// A mark Chinese and English text share (curly quotes, the ellipsis, the dash): a space
/// beside it goes only where its other side is Chinese.
fn is_shared_mark(c: char) -> bool {
    matches!(
        c,
        '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '…' | '—' | '·'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One printed line of a test page: block, left, top, width, height, text.
    type Row<'a> = (u32, f64, f64, f64, f64, &'a str);

    /// `pdftotext -tsv` rows for pages of lines: `(block, left, top, width, height, text)`;
    /// the words of a line share its width by their number of characters.
    fn tsv(pages: &[&[Row]]) -> String {
        let mut out = String::from(
            "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
        );
        for (p, lines) in pages.iter().enumerate() {
            let p = p + 1;
            out.push_str(&format!(
                "1\t{p}\t0\t0\t0\t0\t0\t0\t420\t595\t-1\t###PAGE###\n"
            ));
            for (n, (block, left, top, width, height, text)) in lines.iter().enumerate() {
                let per_char = width / text.chars().count() as f64;
                let mut x = *left;
                for (w, word) in text.split(' ').enumerate() {
                    let ww = per_char * word.chars().count() as f64;
                    // `^1`: a mark printed small (a note's number, an exponent).
                    let (word, h) = match word.strip_prefix('^') {
                        Some(mark) => (mark, height * 0.6),
                        None => (word, *height),
                    };
                    out.push_str(&format!(
                        "5\t{p}\t1\t{block}\t{n}\t{w}\t{x}\t{top}\t{ww}\t{h}\t100\t{word}\n"
                    ));
                    x += ww + per_char;
                }
            }
        }
        out
    }

    fn text(pages: &[&[Row]]) -> String {
        text_of_pages(&pages_of_tsv(&tsv(pages)).expect("tsv"))
    }

    #[test]
    fn line_breaking_marks_are_read_from_their_data_file() {
        for c in ['“', '《', '（', '('] {
            assert!(is_opening_mark(c) && !is_closing_mark(c), "{c}");
        }
        for c in ['，', '。', '！', '”', '》', '…', '.'] {
            assert!(is_closing_mark(c) && !is_opening_mark(c), "{c}");
        }
        assert!(!is_closing_mark('是') && !is_opening_mark('是'));
    }

    #[test]
    fn chinese_lines_short_by_a_unit_that_cannot_be_split_are_joined() {
        // 13 points a character, the measure 20 characters (40 to 300). A line ends short
        // when the next one starts with a character and the marks that may not begin a
        // line (来！”, in one word or two), or with an opening quote and its word; one
        // line runs past the measure (its full-width marks boxed narrow) without making
        // the others look short.
        let lines: Vec<Row> = vec![
            (
                1,
                40.0,
                100.0,
                260.0,
                13.0,
                "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸",
            ),
            (
                1,
                40.0,
                113.0,
                221.0,
                13.0,
                "他对我说了很多话我都不记得了好你过",
            ),
            (
                1,
                40.0,
                126.0,
                247.0,
                13.0,
                "来！” 韦小宝扑将过去，便去扭男孩的双",
            ),
            (
                1,
                40.0,
                139.0,
                221.0,
                13.0,
                "那男孩一侧身，韦小宝道：好好好好好",
            ),
            (
                1,
                40.0,
                152.0,
                260.0,
                13.0,
                "好！ ” 他走近了几步。海老公道：你这样",
            ),
            (
                1,
                40.0,
                165.0,
                234.0,
                13.0,
                "倘若再不记得，我杀了你。韦小宝道：是",
            ),
            (
                1,
                40.0,
                178.0,
                260.0,
                13.0,
                "“ 是！ ” 他走近了几步。海老公道：你",
            ),
            (
                1,
                40.0,
                191.0,
                286.0,
                13.0,
                "倘若再不记得，我杀了你。韦小宝道：是是是是是",
            ),
            (
                1,
                40.0,
                204.0,
                260.0,
                13.0,
                "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸",
            ),
            (
                1,
                40.0,
                217.0,
                260.0,
                13.0,
                "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸",
            ),
            (
                1,
                40.0,
                230.0,
                260.0,
                13.0,
                "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸",
            ),
            (1, 40.0, 243.0, 156.0, 13.0, "那男孩一拳打在皮人胸口。"),
        ];
        let t = text(&[&lines]);
        assert_eq!(t.matches("\n\n").count(), 1, "one paragraph: {t}");
        assert!(t.contains("好你过来！”韦小宝"), "{t}");
        assert!(t.contains("好好好好！”他走近"), "{t}");
        assert!(t.contains("道：是“是！”他走近"), "{t}");
    }

    #[test]
    fn furniture_dropped_title_whole_paragraphs_mended_across_pages() {
        let t = text(&[
            &[
                (0, 140.0, 28.0, 139.0, 13.0, "论坛 · 主旨演讲"),
                (1, 44.0, 50.0, 330.0, 28.6, "携手共建开放包容的海洋合作伙伴"),
                (1, 187.0, 76.0, 44.0, 28.6, "关系"),
                (2, 42.0, 119.0, 225.0, 23.4, "（2031 年 5 月 12 日，青岛）"),
                (
                    3,
                    42.0,
                    150.0,
                    333.0,
                    23.4,
                    "很高兴出席第三届海洋合作论坛。我谨代",
                ),
                (
                    3,
                    42.0,
                    171.0,
                    342.0,
                    23.4,
                    "表中国政府，对论坛的召开表示热烈祝贺。",
                ),
                (
                    4,
                    42.0,
                    203.0,
                    333.0,
                    23.4,
                    "海洋是人类共同的家园。过去十年，沿海",
                ),
                (
                    4,
                    42.0,
                    224.0,
                    333.0,
                    23.4,
                    "国家在航运、渔业和海洋科研等领域开展",
                ),
                (5, 200.0, 552.0, 16.0, 13.0, "-1-"),
            ],
            &[
                (0, 140.0, 28.0, 139.0, 13.0, "论坛 · 主旨演讲"),
                (1, 42.0, 50.0, 108.0, 23.4, "了广泛合作。"),
                (2, 42.0, 82.0, 90.0, 23.4, "谢谢大家。"),
                (3, 200.0, 552.0, 16.0, 13.0, "- 2 -"),
            ],
        ]);
        assert_eq!(
            t,
            "## 携手共建开放包容的海洋合作伙伴关系\n\n\
             （2031年5月12日，青岛）\n\n\
             很高兴出席第三届海洋合作论坛。我谨代表中国政府，对论坛的召开表示热烈祝贺。\n\n\
             海洋是人类共同的家园。过去十年，沿海国家在航运、渔业和海洋科研等领域开展了广泛合作。\n\n\
             谢谢大家。\n\n"
        );
    }

    #[test]
    fn short_lines_indents_and_hyphens() {
        let t = text(&[&[
            // A block of its own (Poppler saw spacing) ends its paragraph, however wide.
            (
                1,
                42.0,
                50.0,
                330.0,
                23.4,
                "Distinguished Guests, Ladies and Gentlemen,",
            ),
            (2, 42.0, 82.0, 334.0, 23.4, "We should reduce land-"),
            (2, 42.0, 103.0, 334.0, 23.4, "based pollution and make im-"),
            (2, 42.0, 124.0, 334.0, 23.4, "portant progress. The ocean"),
            // "is" would have fitted after "the ocean": a paragraph ends there.
            (2, 42.0, 145.0, 250.0, 23.4, "connects us all, the ocean"),
            (
                2,
                42.0,
                166.0,
                334.0,
                23.4,
                "is our home, the common home of humanity;",
            ),
            // An indented line starts a paragraph, however full the line before.
            (
                2,
                42.0,
                187.0,
                334.0,
                23.4,
                "It connects all countries of the world and",
            ),
            (2, 60.0, 208.0, 316.0, 23.4, "Thank you."),
        ]]);
        assert_eq!(
            t,
            "Distinguished Guests, Ladies and Gentlemen,\n\n\
             We should reduce land-based pollution and make important progress. The ocean \
             connects us all, the ocean\n\n\
             is our home, the common home of humanity; It connects all countries of the world and\n\n\
             Thank you.\n\n"
        );
    }

    #[test]
    fn bad_tsv_is_an_error_not_a_panic() {
        assert!(pages_of_tsv("header\n5\t1\t1\n").is_err());
        assert!(pages_of_tsv("header\n5\t1\t1\t1\t1\t0\tx\t1\t1\t1\t100\tword\n").is_err());
        assert!(pages_of_tsv("header\n5\t1\t1\t1\t1\t0\t1\t1\t1\t1\t100\tword\n").is_err());
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
        assert_eq!(
            mend_spaces("正如他所说： “ 中国的命运 ” 。 “ 政之所兴在顺民心。 ” 全心全意"),
            "正如他所说：“中国的命运”。“政之所兴在顺民心。”全心全意"
        );
        assert_eq!(
            mend_spaces("我真担心，什 …… 什么都"),
            "我真担心，什……什么都"
        );
        assert_eq!(mend_spaces("Wait … what — now"), "Wait … what — now");
        // English keeps its spaces around curly quotes.
        assert_eq!(
            mend_spaces("He said, “Facts are facts.” Then he left."),
            "He said, “Facts are facts.” Then he left."
        );
    }

    #[test]
    fn footnotes_follow_the_text_and_their_marks_leave_it() {
        // A paragraph with a note mark runs over the page break; the note (its mark on a
        // line of its own, level with it, as Poppler gives it) and a page number stand at
        // the foot of the page; an exponent printed small has no note and stays.
        let first: Vec<Row> = vec![
            (0, 40.0, 70.0, 150.0, 12.0, "The plate is 5 cm ^2 wide."),
            (
                1,
                40.0,
                100.0,
                300.0,
                12.0,
                "The Belt and Road Initiative was proposed in 2013. ^1 It grew into a",
            ),
            (
                1,
                40.0,
                114.0,
                300.0,
                12.0,
                "platform for cooperation among many countries and regions all across the",
            ),
            (2, 40.0, 500.0, 3.0, 7.0, "1"),
            (
                3,
                44.0,
                500.0,
                250.0,
                12.0,
                "Speech at Nazarbayev University, 2013.",
            ),
            (4, 200.0, 560.0, 6.0, 12.0, "1"),
        ];
        let second: Vec<Row> = vec![
            (0, 40.0, 100.0, 30.0, 12.0, "world."),
            (1, 40.0, 130.0, 150.0, 12.0, "Trade has grown steadily."),
            (2, 200.0, 560.0, 6.0, 12.0, "2"),
        ];
        assert_eq!(
            text(&[&first, &second]),
            "The plate is 5 cm 2 wide.\n\n\
             The Belt and Road Initiative was proposed in 2013. It grew into a platform for \
             cooperation among many countries and regions all across the world.\n\n\
             Trade has grown steadily.\n\n\
             Speech at Nazarbayev University, 2013.\n\n"
        );
        // Without notes on the page, a small number is text where it stands.
        let alone: Vec<Row> = vec![(
            0,
            40.0,
            100.0,
            150.0,
            12.0,
            "It was proposed in 2013. ^1 It grew.",
        )];
        assert_eq!(text(&[&alone]), "It was proposed in 2013. 1 It grew.\n\n");
        // A small figure away from the margin in the lower half of a page (a table's cell)
        // starts no notes: the lines below it stay where they are.
        let table: Vec<Row> = vec![
            (0, 40.0, 100.0, 150.0, 12.0, "Output grew in every quarter."),
            (6, 40.0, 130.0, 150.0, 12.0, "Exports led the way."),
            (1, 200.0, 400.0, 3.0, 7.0, "3"),
            (2, 204.0, 400.0, 60.0, 12.0, "per cent"),
            (3, 40.0, 430.0, 150.0, 12.0, "Trade has grown steadily."),
            (4, 40.0, 460.0, 150.0, 12.0, "Investment rose as well."),
            (5, 40.0, 490.0, 150.0, 12.0, "Prices were stable."),
        ];
        assert_eq!(
            text(&[&table]),
            "Output grew in every quarter.\n\nExports led the way.\n\n3\n\nper cent\n\n\
             Trade has grown steadily.\n\n\
             Investment rose as well.\n\nPrices were stable.\n\n"
        );
    }

    #[test]
    fn two_columns_in_two_languages_read_one_after_the_other() {
        // Poppler gives a page set in two columns, Chinese on the left and English on the
        // right, as lines holding both: each is cut at the right column's edge (x = 200),
        // and each column is read through on its own; a line of the right column alone
        // belongs to it by where it starts. A wide space before a Latin word in Chinese
        // text elsewhere is not an edge: the cut there is undone.
        let mut tsv = String::from(
            "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
             1\t1\t0\t0\t0\t0\t0\t0\t420\t595\t-1\t###PAGE###\n",
        );
        let lines: [(&str, f64, &str); 5] = [
            (
                "中方愿同各方一道，加强海洋",
                156.0,
                "China is ready to work",
            ),
            (
                "观测数据共享，支持发展中国",
                156.0,
                "with all parties to share",
            ),
            ("家提升海洋治理能力。", 120.0, "ocean observation data and"),
            ("", 0.0, "to help developing nations."),
            ("我们欢迎 APEC 各成员参与。", 120.0, ""),
        ];
        for (n, (zh, zh_width, en)) in lines.iter().enumerate() {
            let top = 100.0 + 14.0 * n as f64 + if n == 4 { 20.0 } else { 0.0 };
            let mut w = 0;
            let mut row = |left: f64, width: f64, text: &str| {
                tsv.push_str(&format!(
                    "5\t1\t0\t0\t{n}\t{w}\t{left}\t{top}\t{width}\t12\t100\t{text}\n"
                ));
                w += 1;
            };
            if n == 4 {
                // A Latin word after a wide space in a Chinese line.
                row(40.0, 48.0, "我们欢迎");
                row(100.0, 30.0, "APEC");
                row(136.0, 60.0, "各成员参与。");
                continue;
            }
            if !zh.is_empty() {
                row(40.0, *zh_width, zh);
            }
            let mut x = 200.0;
            let words: Vec<&str> = en.split(' ').collect();
            let per = (138.0 - 3.0 * (words.len() - 1) as f64) / en.len() as f64;
            for word in words {
                let width = per * word.len() as f64;
                row(x, width, word);
                x += width + 3.0;
            }
        }
        assert_eq!(
            text_of_pages(&pages_of_tsv(&tsv).expect("tsv")),
            "中方愿同各方一道，加强海洋观测数据共享，支持发展中国家提升海洋治理能力。\n\n\
             我们欢迎 APEC 各成员参与。\n\n\
             China is ready to work with all parties to share ocean observation data and to \
             help developing nations.\n\n"
        );
    }
}
