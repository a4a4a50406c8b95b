//! Reading saved web pages: HTML → the paragraph text that [`crate::parse`] reads.
//!
//! Translators save the Foreign Ministry's transcript page (one in Chinese, one in
//! English) from the browser. Read as plain text, such a page is mostly navigation, CSS and
//! script, and its article comes with `&nbsp;`, `<strong>` and `<p>` inside the sentences.
//! This stage parses the page with a real HTML parser (html5ever, through `scraper`), finds
//! the article body, and writes it out as the Markdown-like text the rest of the pipeline
//! already understands:
//!
//! - the headline as a `# ` heading line, and a subtitle under it as a `## ` heading;
//! - each block (`<p>`, `<div>`, `<li>`, a table cell …) as its own line, and each `<br>`
//!   as a line break, so the parser's paragraphs are the page's paragraphs;
//! - `<h1>`–`<h6>` inside the article as `## ` heading lines, and so a centred line without
//!   final punctuation (the headline and byline of a speech);
//! - bold at the start of a paragraph (`<strong>毛宁：</strong>`) as `**毛宁：**`, the
//!   layout the parser reads as a speaker label;
//! - entities decoded (`&nbsp;` becomes a space), runs of whitespace collapsed, and scripts,
//!   styles, forms, navigation, share bars and footers left out.
//!
//! Where the article is comes from data (`data/html/`): CSS selectors for the ministry's
//! templates and common article markup, tried in order; failing them, the block holding the
//! most paragraph text outside links. A page where neither finds text is refused with an
//! error naming the file, never read as junk. The page's date (`#News_Body_Time`) becomes
//! the document's date rather than a line to align.

use crate::{Error, Result};
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// What was read from a page: the article as text for [`crate::parse`], and what the page
/// said about it outside the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The article as lines for the parser: the headline as `# …`, then one line per
    /// paragraph or line break, blank lines between blocks.
    pub text: String,
    /// The headline, if the page has one.
    pub title: Option<String>,
    /// The publication date as `YYYY-MM-DD`, when the page states one in a known place.
    pub date: Option<String>,
    /// How many paragraph lines the article body gave (the headline not counted).
    pub paragraphs: usize,
}

/// File name endings read as web pages.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// Whether `text` read from `path` is a web page: its name ends in `.html`/`.htm` (and it
/// holds markup), or its content starts, past a byte-order mark, whitespace, an XML
/// declaration and comments, with `<!DOCTYPE html` or `<html`. Markdown with some inline
/// HTML in it does not start that way and stays Markdown.
pub fn is_html(path: &Path, text: &str) -> bool {
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| HTML_EXTENSIONS.iter().any(|h| e.eq_ignore_ascii_case(h)));
    (by_name && text.contains('<')) || starts_like_html(text.as_bytes())
}

/// Whether the bytes open like an HTML document (see [`is_html`]); works on undecoded
/// ASCII-compatible bytes, so that [`crate::decode`] can ask before decoding.
pub fn starts_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        rest = trim_ascii_start(rest);
        if starts_with_ignore_case(rest, b"<?xml") {
            rest = after(rest, b"?>");
        } else if rest.starts_with(b"<!--") {
            rest = after(rest, b"-->");
        } else {
            break;
        }
    }
    starts_with_ignore_case(rest, b"<!doctype html") || starts_with_ignore_case(rest, b"<html")
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or_default()
}

fn starts_with_ignore_case(b: &[u8], prefix: &[u8]) -> bool {
    b.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The bytes after the first `end` (empty when there is none).
fn after<'a>(b: &'a [u8], end: &[u8]) -> &'a [u8] {
    b.windows(end.len())
        .position(|w| w == end)
        .and_then(|i| b.get(i + end.len()..))
        .unwrap_or_default()
}

/// How far into a page its `<meta charset>` is looked for. The HTML standard's prescan
/// reads 1,024 bytes; saved pages sometimes put comments and long `<meta>` lists first, so
/// a little more is read (the declaration must still be in the `<head>`).
const CHARSET_PRESCAN: usize = 4096;

/// The encoding a page declares in its head: `<meta charset="gb2312">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=GBK">`. Only bytes that
/// open like HTML (see [`starts_like_html`]) are looked at, and only the first
/// [`CHARSET_PRESCAN`] bytes, as browsers do before decoding; an unknown label gives `None`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    if !starts_like_html(bytes) {
        return None;
    }
    let head = bytes
        .get(..bytes.len().min(CHARSET_PRESCAN))
        .unwrap_or(bytes);
    let lower = head.to_ascii_lowercase();
    let mut from = 0usize;
    while let Some(at) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", at).unwrap_or(lower.len());
        let tag = lower.get(at..end).unwrap_or_default();
        if let Some(c) = find(tag, b"charset", 0) {
            let value = trim_ascii_start(tag.get(c + b"charset".len()..).unwrap_or_default());
            if let Some(value) = value.strip_prefix(b"=") {
                let value = trim_ascii_start(value);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let label: Vec<u8> = value
                    .iter()
                    .copied()
                    .take_while(|c| {
                        !matches!(c, b'"' | b'\'' | b';' | b'/' | b'>') && !c.is_ascii_whitespace()
                    })
                    .collect();
                if let Some(enc) = Encoding::for_label(&label) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The reader's knowledge, from `data/html/`.
struct Rules {
    article: Vec<Selector>,
    title: Vec<Selector>,
    subtitle: Vec<Selector>,
    date: Vec<Selector>,
    skip_words: Vec<String>,
    title_separators: Vec<String>,
}

/// The non-comment, non-empty lines of a data file. Comments in `data/html/` start with
/// `# ` (a hash and a space), because a line such as `#News_Body_Txt_A` is an id selector.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "#" && !l.starts_with("# "))
}

/// The CSS selectors of a data file; a line that is not a valid selector is left out (the
/// unit tests check that every bundled line parses).
fn selectors(text: &'static str) -> Vec<Selector> {
    data_lines(text)
        .filter_map(|l| Selector::parse(l).ok())
        .collect()
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules {
        article: selectors(include_str!("../data/html/article_selectors.txt")),
        title: selectors(include_str!("../data/html/title_selectors.txt")),
        subtitle: selectors(include_str!("../data/html/subtitle_selectors.txt")),
        date: selectors(include_str!("../data/html/date_selectors.txt")),
        skip_words: data_lines(include_str!("../data/html/skip_words.txt"))
            .map(str::to_lowercase)
            .collect(),
        title_separators: data_lines(include_str!("../data/html/title_separators.txt"))
            .map(|s| format!(" {s} "))
            .collect(),
    })
}

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "option", "textarea", "input", "iframe", "svg", "math", "object", "embed",
    "canvas", "map", "audio", "video", "img", "picture",
];

/// Elements that start and end a block of text (a line of their own).
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "figure",
    "figcaption",
    "center",
    "address",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
];

/// Blocks whose text credits the block around them when looking for the article: a
/// paragraph is part of an article; the element holding the paragraphs is the article.
const PARAGRAPH_TAGS: &[&str] = &["p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"];

/// The least text (in characters, outside links) a block must hold to be taken as the
/// article when no selector found it: less than a short paragraph is page furniture.
const MIN_ARTICLE_CHARS: usize = 40;

/// Read the article out of the page `html` (already decoded) read from `path`.
///
/// Refuses, naming the file, a page where no article body with text can be found (a
/// navigation page, a page whose text is loaded by script, an empty template).
pub fn read_article(html: &str, path: &Path) -> Result<Article> {
    let doc = Html::parse_document(html);
    let Some(body) = find_body(&doc) else {
        return Err(Error::input(
            path,
            "a web page, but no article text was found in it (looked for the ministry's \
             #News_Body_Txt_A, <article>, <main> and a block of paragraphs); save the \
             article's own page, or copy its text into a .txt file",
        ));
    };
    let mut blocks = Blocks::default();
    walk(body, body, &mut blocks, 0);
    blocks.flush();
    let paragraphs = blocks.lines.iter().filter(|l| !l.is_empty()).count();
    if paragraphs == 0 {
        return Err(Error::input(
            path,
            "a web page whose article body holds no text (only images or scripts?)",
        ));
    }
    let inside = |sel: &Selector| -> Option<String> {
        doc.select(sel)
            .find(|e| !is_within(*e, body))
            .map(|e| inline_text(e))
            .filter(|t| !t.is_empty())
    };
    let body_has_h1 = body
        .descendants()
        .any(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"));
    // The headline is written as the title line unless the walk through the body writes
    // it already (an <h1> in the article's text); one in a skipped <header> of the
    // article is written here.
    let headline = rules()
        .title
        .iter()
        .find_map(|sel| doc.select(sel).find(|e| !inline_text(*e).is_empty()));
    let title = match headline {
        Some(e) if walk_reaches(e, body) => None,
        Some(e) => Some(inline_text(e)),
        None if body_has_h1 => None,
        None => head_title(&doc),
    };
    let subtitle = rules().subtitle.iter().find_map(&inside);
    let date = rules().date.iter().find_map(|sel| {
        doc.select(sel).find_map(|e| {
            let text = e
                .value()
                .attr("datetime")
                .map(str::to_string)
                .unwrap_or_else(|| inline_text(e));
            stated_date(&text)
        })
    });
    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str("# ");
        text.push_str(&escape_line(t));
        text.push_str("\n\n");
    }
    if let Some(s) = &subtitle {
        text.push_str("## ");
        text.push_str(&escape_line(s));
        text.push_str("\n\n");
    }
    for line in &blocks.lines {
        text.push_str(line);
        text.push('\n');
    }
    Ok(Article {
        text,
        title,
        date,
        paragraphs,
    })
}

/// The lines of an HTML fragment (no page around it: the HTML that a Markdown file holds or
/// that the Markdown reader makes of it), written as [`read_article`] writes an article's
/// body: one line per block or `<br>`, `""` between blocks, bold at the start of a
/// paragraph as `**…**`, headings as `## …`, entities decoded, scripts and images left out.
/// Nothing is looked for: the whole fragment is the text.
pub fn fragment_lines(fragment: &str) -> Vec<String> {
    let doc = Html::parse_fragment(fragment);
    let root = doc.root_element();
    let mut blocks = Blocks::default();
    walk(root, root, &mut blocks, 0);
    blocks.flush();
    blocks.lines
}

/// Whether the walk from `body` reaches `el`: it is inside the body and not inside an
/// element the walk skips (a `<header>`, a share bar …).
fn walk_reaches(el: ElementRef, body: ElementRef) -> bool {
    for a in el.ancestors() {
        if a.id() == body.id() {
            return true;
        }
        if let Some(e) = a.value().as_element() {
            if SKIP_TAGS.contains(&e.name()) || is_furniture(e) {
                return false;
            }
        }
    }
    false
}

/// Whether `el` is `body` or inside it.
fn is_within(el: ElementRef, body: ElementRef) -> bool {
    el.id() == body.id() || el.ancestors().any(|a| a.id() == body.id())
}

/// The article body: the first data selector matching an element with text, else the
/// block with the most paragraph text outside links.
fn find_body(doc: &Html) -> Option<ElementRef<'_>> {
    for sel in &rules().article {
        if let Some(el) = doc.select(sel).find(|e| text_len(*e) > 0) {
            return Some(el);
        }
    }
    densest_block(doc)
}

/// Characters of article text under `el` (outside skipped elements), whitespace left out.
fn text_len(el: ElementRef) -> usize {
    let mut n = 0usize;
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            if !node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| SKIP_TAGS.contains(&e.name()))
            }) {
                n += t.chars().filter(|c| !c.is_whitespace()).count();
            }
        }
    }
    n
}

/// The block holding the most paragraph text: every text node outside links and skipped
/// elements credits its nearest block, or, when that block is a paragraph, the block
/// around the paragraph (so the element holding the paragraphs wins over any one of
/// them). `None` when no block holds [`MIN_ARTICLE_CHARS`].
fn densest_block(doc: &Html) -> Option<ElementRef<'_>> {
    let mut score = HashMap::new();
    let mut order: Vec<ElementRef> = Vec::new();
    for node in doc.root_element().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let len = t.chars().filter(|c| !c.is_whitespace()).count();
        if len == 0 {
            continue;
        }
        let mut block = None;
        let mut skipped = false;
        for a in node.ancestors() {
            let Some(e) = a.value().as_element() else {
                continue;
            };
            if is_link_or_skipped(e) || is_furniture(e) {
                skipped = true;
                break;
            }
            if block.is_none() && BLOCK_TAGS.contains(&e.name()) {
                block = Some(a);
            }
        }
        if skipped {
            continue;
        }
        let Some(block) = block else { continue };
        let credited = match block.value().as_element() {
            Some(e) if PARAGRAPH_TAGS.contains(&e.name()) => block.parent().unwrap_or(block),
            _ => block,
        };
        let Some(el) = ElementRef::wrap(credited) else {
            continue;
        };
        let entry = score.entry(el.id()).or_insert(0usize);
        if *entry == 0 {
            order.push(el);
        }
        *entry += len;
    }
    // Highest score; on a tie the first in document order, so the choice is deterministic.
    let mut best: Option<(ElementRef, usize)> = None;
    for el in order {
        let s = score.get(&el.id()).copied().unwrap_or(0);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((el, s));
        }
    }
    let (best, _) = best.filter(|(_, s)| *s >= MIN_ARTICLE_CHARS)?;
    Some(translation_around(best).unwrap_or(best))
}

/// When the densest block stands beside its translation — one cell of a table whose other
/// cells hold the other language (a bilingual table: the Chinese in one column, the
/// English in the other, as Word and many bilingual news pages lay it out), or one of
/// sibling blocks in two languages (a Chinese column and an English column) — the article
/// is the block holding both: taking the densest one would keep one language and lose the
/// other. The other language must hold at least [`MIN_TRANSLATION_SHARE`] of the block's
/// text, so that a copyright line or an English link list beside a Chinese article does
/// not count; links are never counted (a language switcher). A layout table, whose text
/// cell stands beside cells of links or of its own language, keeps the cell.
fn translation_around<'a>(block: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let is_cell = |e: &ElementRef<'a>| matches!(e.value().name(), "td" | "th");
    let own_cell = std::iter::once(block)
        .chain(block.ancestors().filter_map(ElementRef::wrap))
        .find(is_cell);
    // The unit that is one language, the others to compare it with, and the article.
    let (unit, others, article): (ElementRef, Vec<ElementRef>, Option<ElementRef>) = match own_cell
    {
        Some(cell) => {
            let table = cell
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "table")?;
            let cells = table
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| is_cell(e) && *e != cell)
                .collect();
            (cell, cells, table.parent().and_then(ElementRef::wrap))
        }
        None => {
            let parent = block.parent().and_then(ElementRef::wrap)?;
            let siblings = parent
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|e| *e != block)
                .collect();
            (block, siblings, Some(parent))
        }
    };
    let unit_text = prose_text(unit);
    let own = crate::parse::script_lang(&unit_text)?;
    // A block that is already bilingual (alternating paragraphs) is the article itself.
    let (han, latin) = crate::parse::script_counts(&unit_text);
    let one_language = match own {
        crate::model::Lang::Zh => latin < han,
        crate::model::Lang::En => han * 10 < latin,
    };
    if !one_language {
        return None;
    }
    let chars = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let other: usize = others
        .into_iter()
        .map(prose_text)
        .filter(|t| crate::parse::script_lang(t).is_some_and(|l| l != own))
        .map(|t| chars(&t))
        .sum();
    let (num, den) = MIN_TRANSLATION_SHARE;
    if other < MIN_CELL_CHARS || other * den < chars(&unit_text) * num {
        return None;
    }
    article
}

/// The least share of the densest block's text (characters, whitespace left out) the
/// other language beside it must hold to be its translation: Chinese is terse, a full
/// translation holds about a quarter to a third of its English's characters, while a
/// copyright line beside an article holds a few percent. Here 15%.
const MIN_TRANSLATION_SHARE: (usize, usize) = (15, 100);

/// The text under `el` outside links and skipped elements (what reads as prose, not as a
/// menu or a language switcher).
fn prose_text(el: ElementRef) -> String {
    el.descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some((n, t)),
            _ => None,
        })
        .filter(|(n, _)| {
            !n.ancestors()
                .any(|a| a.value().as_element().is_some_and(is_link_or_skipped))
        })
        .map(|(_, t)| &**t)
        .collect()
}

/// A link or an element whose content is never article text ([`SKIP_TAGS`]): text under
/// it counts neither toward finding the article nor as a translation beside it.
fn is_link_or_skipped(e: &scraper::node::Element) -> bool {
    e.name() == "a" || SKIP_TAGS.contains(&e.name())
}

/// The least text (characters, whitespace left out) the other language beside the
/// densest block must hold to count as its translation: less is a label or a number.
const MIN_CELL_CHARS: usize = 8;

/// Whether an element inside the article is page furniture by its id or class (a share
/// bar, print tools, related links; words in `data/html/skip_words.txt`) or is hidden.
fn is_furniture(e: &scraper::node::Element) -> bool {
    let words = &rules().skip_words;
    let hit = |name: &str| {
        let name = name.to_lowercase();
        words.iter().any(|w| name.contains(w.as_str()))
    };
    let hidden = e.attr("hidden").is_some()
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_lowercase().contains("display:none")
        });
    hidden || e.id().is_some_and(hit) || e.classes().any(hit)
}

/// Lines being built from the article's blocks.
#[derive(Default)]
struct Blocks {
    /// Finished lines (an empty string separates blocks).
    lines: Vec<String>,
    /// The line being built.
    current: String,
    /// The current block is a heading (`<h1>`–`<h6>`).
    heading: bool,
    /// The current block is centred (`align="center"`, `text-align: center`, `<center>`).
    centered: bool,
}

impl Blocks {
    /// End the current line (at a `<br>` or the end of a block).
    fn break_line(&mut self) {
        let line = collapse(&self.current);
        self.current.clear();
        if line.is_empty() {
            return;
        }
        let line = escape_line(&line);
        // A centred line without final punctuation is a headline or byline of the page
        // (`倡导国际合作，维护多边主义，`, `（2019年2月16日，慕尼黑）`, a speaker's name under
        // a speech title): a heading, never the first half of a paragraph.
        let centred_heading = self.centered && !crate::parse::is_terminated(&line);
        self.lines.push(if self.heading || centred_heading {
            format!("## {}", line.replace("**", ""))
        } else {
            line
        });
    }

    /// End the current block: its last line, and a blank line after it.
    fn flush(&mut self) {
        self.break_line();
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// Nothing but whitespace on the current line yet.
    fn at_line_start(&self) -> bool {
        self.current.trim().is_empty()
    }
}

/// How deep [`walk`] follows nested elements. Real articles nest a few dozen levels; a
/// hostile page nesting hundred thousands of `<div>`s would overflow the stack. Deeper
/// content is read as the plain text it holds, as browsers flatten trees past a similar
/// depth (Blink: 512).
const MAX_DEPTH: usize = 256;

/// Walk the article body, turning blocks into lines (see the module documentation).
fn walk(node: ElementRef, body: ElementRef, out: &mut Blocks, depth: usize) {
    if depth > MAX_DEPTH {
        // `text()` walks the subtree without recursion.
        out.current.extend(node.text());
        return;
    }
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.current.push_str(t),
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = e.name();
                if name == "br" {
                    out.break_line();
                    continue;
                }
                if SKIP_TAGS.contains(&name) || (el.id() != body.id() && is_furniture(e)) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                let outer_centered = out.centered;
                if block {
                    out.flush();
                    out.heading = heading;
                    out.centered = outer_centered || is_centered(e);
                }
                let bold = matches!(name, "strong" | "b") && out.at_line_start() && !out.heading;
                let start = out.current.len();
                if bold {
                    out.current.push_str("**");
                }
                walk(el, body, out, depth + 1);
                if bold {
                    // Whitespace inside the bold run goes outside it: `**毛宁：**` reads as
                    // a label, `**毛宁： **` would not. An empty run leaves no markers.
                    let trimmed = out.current.trim_end().len();
                    let tail = out.current.split_off(trimmed);
                    if out.current.len() <= start + 2 {
                        out.current.truncate(start);
                    } else {
                        out.current.push_str("**");
                    }
                    out.current.push_str(&tail);
                }
                if block {
                    out.flush();
                    out.heading = false;
                    out.centered = outer_centered;
                }
            }
            _ => {}
        }
    }
}

/// Whether a block element is centred by its markup (`<center>`, `align="center"`,
/// `style="text-align: center"`).
fn is_centered(e: &scraper::node::Element) -> bool {
    let style_centred = e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_lowercase().contains("text-align:center")
    });
    e.name() == "center"
        || e.attr("align")
            .is_some_and(|a| a.trim().eq_ignore_ascii_case("center"))
        || style_centred
}

/// Collapse HTML whitespace (spaces, tabs, newlines, no-break spaces) to single spaces and
/// trim the ends; the ideographic space (U+3000) inside a line is text and stays, but the
/// indentation it makes at the start of a Chinese paragraph is trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' || c == '\u{A0}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// Escape what the parser would read as Markdown: a backslash, and a `#` that starts the
/// line (which would make the paragraph a heading).
fn escape_line(s: &str) -> String {
    let s = s.replace('\\', "\\\\");
    match s.strip_prefix('#') {
        Some(rest) => format!("\\#{rest}"),
        None => s,
    }
}

/// The text of an inline element (title, date) on one line.
fn inline_text(el: ElementRef) -> String {
    collapse(&el.text().collect::<String>())
}

/// The page's `<title>`, cut before a site-name suffix (`… — 中华人民共和国外交部`).
fn head_title(doc: &Html) -> Option<String> {
    let sel = Selector::parse("head > title").ok()?;
    let full = doc.select(&sel).next().map(inline_text)?;
    let cut = rules()
        .title_separators
        .iter()
        .filter_map(|s| full.find(s.as_str()))
        .min()
        .unwrap_or(full.len());
    let title = full.get(..cut).unwrap_or(&full).trim().to_string();
    (!title.is_empty()).then_some(title)
}

/// The date a page's date line or a Markdown front matter's `date:` states, as
/// `YYYY-MM-DD`: numeric ([`iso_date`]) or in words (`March 8, 2026`).
pub(crate) fn stated_date(text: &str) -> Option<String> {
    iso_date(text).or_else(|| crate::parse::extract_date(text))
}

/// A date written `2019-02-16`, `2019/02/16`, `2019.02.16` or `2019年2月16日` (possibly
/// with a time after it) as `YYYY-MM-DD`.
fn iso_date(text: &str) -> Option<String> {
    let nums: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    match nums.as_slice() {
        [y, m, d] if (1900..=2200).contains(y) && (1..=12).contains(m) && (1..=31).contains(d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Article {
        read_article(html, Path::new("t.html")).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_bilingual_table_is_read_whole_row_by_row() {
        let a = read(
            "<html><body><h1>王毅会见卢森堡外交大臣</h1><table>\
             <tr><td>2019年2月15日，王毅在慕尼黑会见卢森堡外交大臣阿塞尔博恩。</td>\
             <td>On February 15, 2019, Wang Yi met Luxembourg's Foreign Minister in Munich.</td></tr>\
             <tr><td><p>王毅表示，中方愿同卢方加强合作。双方应推动共建“一带一路”。</p></td>\
             <td><p>Wang Yi said that China is willing to strengthen cooperation with Luxembourg. \
             The two sides should promote the joint construction of the Belt and Road.</p></td></tr>\
             </table></body></html>",
        );
        let lines: Vec<&str> = a.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines[0].contains("王毅会见卢森堡外交大臣"), "{lines:?}");
        assert!(lines[1].starts_with("2019年2月15日"), "{lines:?}");
        assert!(lines[2].starts_with("On February 15"), "{lines:?}");
        assert!(lines[3].starts_with("王毅表示"), "{lines:?}");
        assert!(lines[4].starts_with("Wang Yi said"), "{lines:?}");
    }

    #[test]
    fn columns_in_two_languages_are_read_together_but_a_copyright_line_is_not() {
        let zh = "<p>2019年2月15日，王毅在慕尼黑会见卢森堡外交大臣阿塞尔博恩。</p>\
                  <p>王毅表示，中方愿同卢方加强合作。</p>";
        let en = "<p>On February 15, 2019, Wang Yi met with Luxembourg's Foreign Minister \
                  Jean Asselborn in Munich.</p><p>Wang Yi said that China is willing to \
                  strengthen cooperation with Luxembourg.</p>";
        let a = read(&format!(
            "<html><body><div class='content'><div class='cn'>{zh}</div>\
             <div class='en'>{en}</div></div></body></html>"
        ));
        assert!(
            a.text.contains("王毅表示") && a.text.contains("Wang Yi said"),
            "{}",
            a.text
        );
        let a = read(&format!(
            "<html><body><div class='page'><div class='article'>{zh}{zh}{zh}</div>\
             <div class='copy'>Copyright 2019 MFA</div></div></body></html>"
        ));
        assert!(!a.text.contains("Copyright"), "{}", a.text);
    }

    #[test]
    fn a_layout_table_keeps_its_article_cell() {
        let a = read(
            "<html><body><table><tr>\
             <td><a href='/'>首页</a><a href='/news'>新闻</a><a href='/about'>关于我们</a></td>\
             <td><a href='/en'>English</a> | <a href='/fr'>Français</a></td>\
             <td><p>2019年2月15日，王毅在慕尼黑会见卢森堡外交大臣阿塞尔博恩。</p>\
             <p>王毅表示，中方愿同卢方加强合作。</p></td>\
             </tr></table></body></html>",
        );
        assert!(
            !a.text.contains("首页") && !a.text.contains("English"),
            "{}",
            a.text
        );
        assert!(a.text.contains("王毅表示"), "{}", a.text);
    }

    #[test]
    fn sniffs_html_by_content_and_name() {
        assert!(starts_like_html(b"\xEF\xBB\xBF  <!DOCTYPE HTML PUBLIC"));
        assert!(starts_like_html(
            b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<html>"
        ));
        assert!(!starts_like_html(b"# Title\n<p>inline</p>"));
        assert!(is_html(Path::new("a.HTM"), "<p>x</p>"));
        assert!(!is_html(Path::new("a.html"), "plain text only"));
    }

    #[test]
    fn finds_the_declared_charset() {
        let page = b"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" \
                     content=\"text/html; charset=GB2312\"></head>";
        assert_eq!(declared_charset(page).map(|e| e.name()), Some("GBK"));
        assert_eq!(
            declared_charset(b"<html><meta charset='big5'>").map(|e| e.name()),
            Some("Big5")
        );
        assert_eq!(declared_charset(b"<html><meta name=x>"), None);
        assert_eq!(declared_charset(b"text <meta charset=gbk>"), None);
    }

    #[test]
    fn keeps_paragraphs_breaks_labels_and_entities() {
        let a = read(
            "<html><head><title>T — Site</title><style>p{}</style></head><body>\
             <div id=\"News_Body_Txt_A\"><p><strong>毛宁：</strong>第一段&nbsp;文字。</p>\
             <p>第一行<br>第二行</p><script>var x;</script></div></body></html>",
        );
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(
            a.text,
            "# T\n\n**毛宁：**第一段 文字。\n\n第一行\n第二行\n\n"
        );
        assert_eq!(a.paragraphs, 3);
    }

    #[test]
    fn escapes_markdown_and_makes_headings() {
        let a = read("<html><body><article><h2>Part <b>one</b></h2><p>#1 is a \\ sign, and this is a long enough line.</p></article></body></html>");
        assert_eq!(
            a.text,
            "## Part one\n\n\\#1 is a \\\\ sign, and this is a long enough line.\n\n"
        );
    }

    #[test]
    fn every_bundled_selector_parses() {
        for file in [
            include_str!("../data/html/article_selectors.txt"),
            include_str!("../data/html/title_selectors.txt"),
            include_str!("../data/html/subtitle_selectors.txt"),
            include_str!("../data/html/date_selectors.txt"),
        ] {
            for line in data_lines(file) {
                assert!(Selector::parse(line).is_ok(), "bad selector {line:?}");
            }
        }
    }

    #[test]
    fn a_centred_line_without_final_punctuation_is_a_heading() {
        let a = read(
            "<html><body><div id=\"News_Body_Txt_A\">\
             <p align=\"center\"><strong>倡导国际合作，</strong></p>\
             <p style=\"text-align: center\">杨洁篪</p>\
             <p align=\"center\">图为会见现场。</p><p>很高兴出席本届会议。</p></div></body></html>",
        );
        assert_eq!(
            a.text,
            "## 倡导国际合作，\n\n## 杨洁篪\n\n图为会见现场。\n\n很高兴出席本届会议。\n\n"
        );
    }

    #[test]
    fn deep_nesting_is_read_without_overflowing_the_stack() {
        let depth = 5000;
        let page = format!(
            "<html><body><article>{}<p>Deep text, long enough to be an article.</p>{}</article></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = read(&page);
        assert_eq!(a.text, "Deep text, long enough to be an article.\n\n");
    }

    #[test]
    fn a_headline_in_the_articles_header_is_the_title() {
        let a = read(
            "<html><body><h1 class=\"logo\">Daily</h1><article><header><h1>Ports agree</h1>\
             <span class=\"share\">Share</span></header><p>Two ports signed an agreement today.</p>\
             </article></body></html>",
        );
        assert_eq!(a.title.as_deref(), Some("Ports agree"));
        assert_eq!(
            a.text,
            "# Ports agree\n\nTwo ports signed an agreement today.\n\n"
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date("2019-02-16").as_deref(), Some("2019-02-16"));
        assert_eq!(
            iso_date("2019年2月6日 10:00").as_deref(),
            Some("2019-02-06")
        );
        assert_eq!(iso_date("02/16"), None);
    }
}
