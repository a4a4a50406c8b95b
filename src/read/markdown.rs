//! Markdown → the parser's text, with a real Markdown parser (pulldown-cmark, CommonMark).
//!
//! Translators get Markdown from static-site blogs and study pages (VuePress, Jekyll,
//! Hugo): a YAML or TOML front matter on top, links, images, blockquotes, tables, and HTML
//! inside the Markdown (`中文<br/>English`, `&nbsp;`, `<strong>`). Read line by line, all of
//! that reaches the memory. Here each top-level block is parsed by pulldown-cmark, rendered
//! to HTML, and read by the HTML reader's walk ([`crate::html::fragment_lines`]), so that
//! Markdown and the HTML in it are read by one set of rules:
//!
//! - front matter (`---` YAML, `+++` TOML) is dropped, never a unit; the publication date it
//!   states (`date:`, keys in `data/markdown/date_keys.txt`) dates the document when the
//!   text gives none, as a web page's date line does;
//! - links keep their text; images are dropped; blockquotes and list items are paragraphs
//!   (an ordered item keeps its number: `1. `); table cells are paragraphs, row by row;
//! - a line break inside a paragraph (a soft break, `<br/>`, two trailing spaces) stays a
//!   line break, as the parser reads every line on its own and mends lines a page break
//!   cut;
//! - bold at the start of a paragraph stays `**…**` (a speaker label), other emphasis goes;
//! - fenced code blocks (notes, not text) are dropped and counted; indented ones are text
//!   (a Chinese paragraph indented with spaces is one);
//! - container fences of static-site generators (`::: tip 【相关词汇】` … `:::`, listed in
//!   `data/markdown/container_fences.txt`) are dropped, their title kept as a line.
//!
//! Each block's first line is written on the line it has in the file, so that the line
//! numbers in reports point into the Markdown file.

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};
use std::sync::OnceLock;

/// What reading a Markdown file gave: the parser's text and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markdown {
    /// One paragraph a line, blank lines between blocks, `# ` headings, `**label:**`.
    pub text: String,
    /// What was left out, as notes for the user (`front matter (lines 1–4)`, `2 images`).
    pub left_out: Vec<String>,
    /// The publication date (`YYYY-MM-DD`) the front matter states (`date: 2025-03-07`),
    /// the document's date when its text gives none, as a web page's date line is.
    pub date: Option<String>,
}

/// Front-matter keys that hold the publication date (`data/markdown/date_keys.txt`).
fn date_keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        crate::data::lines(include_str!("../../data/markdown/date_keys.txt"))
            .map(str::to_lowercase)
            .collect()
    })
}

/// The publication date a front matter (YAML `date: …` or TOML `date = …`, the block with
/// its fences) states, from the first date key whose value reads as a date.
fn front_matter_date(block: &str) -> Option<String> {
    block.lines().find_map(|line| {
        let (key, value) = line.split_once([':', '='])?;
        if !date_keys().contains(&key.trim().to_lowercase()) {
            return None;
        }
        let value = value.trim().trim_matches(['"', '\'']);
        crate::html::stated_date(value)
    })
}

fn container_fences() -> &'static [String] {
    static FENCES: OnceLock<Vec<String>> = OnceLock::new();
    FENCES.get_or_init(|| {
        crate::data::lines(include_str!("../../data/markdown/container_fences.txt"))
            .map(String::from)
            .collect()
    })
}

/// A container fence line (`::: tip 【相关词汇】`, `:::`): `Some(title)` (possibly empty)
/// when it is one.
fn container_title(line: &str) -> Option<String> {
    let t = line.trim();
    let fence = container_fences()
        .iter()
        .find(|f| t.starts_with(f.as_str()))?;
    let rest = t[fence.len()..].trim();
    // The first word is the container's type (`tip`, `warning`, `details`).
    let title = match rest.split_once(char::is_whitespace) {
        Some((kind, title)) if kind.chars().all(|c| c.is_ascii_alphanumeric()) => title.trim(),
        None if rest.chars().all(|c| c.is_ascii_alphanumeric()) => "",
        _ => rest,
    };
    Some(title.to_string())
}

/// Read Markdown `text` (see the module documentation).
pub fn read(text: &str) -> Markdown {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| match line_starts.binary_search(&offset) {
        Ok(i) => i + 1,
        Err(i) => i,
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out: Vec<String> = Vec::new();
    let mut left_out = Vec::new();
    let mut date = None;
    let (mut images, mut code_blocks) = (0usize, 0usize);
    let mut depth = 0usize;
    let mut block: Vec<Event> = Vec::new();
    let mut block_line = 1usize;
    // Inside something dropped whole, and the depth it started at.
    let mut dropping: Option<usize> = None;
    // Ordered lists open around the current event: the next item's number.
    let mut numbers: Vec<Option<u64>> = Vec::new();
    // Inside an indented code block, read as a paragraph.
    let mut indented = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if depth == 0 {
            block_line = line_of(range.start);
        }
        let opens = matches!(event, Event::Start(_));
        let closes = matches!(event, Event::End(_));
        if opens {
            depth += 1;
        }
        if let Some(at) = dropping {
            if closes {
                depth -= 1;
                if depth < at {
                    dropping = None;
                }
            }
            if depth == 0 {
                flush(&mut block, block_line, &mut out);
            }
            continue;
        }
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                let what = match kind {
                    MetadataBlockKind::YamlStyle => "YAML",
                    MetadataBlockKind::PlusesStyle => "TOML",
                };
                left_out.push(format!(
                    "{what} front matter (lines {}–{})",
                    line_of(range.start),
                    line_of(range.end.saturating_sub(1))
                ));
                if date.is_none() {
                    date = text.get(range.clone()).and_then(front_matter_date);
                }
                dropping = Some(depth);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                code_blocks += 1;
                dropping = Some(depth);
            }
            Event::Start(Tag::Image { .. }) => {
                images += 1;
                dropping = Some(depth);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                indented = true;
                block.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::CodeBlock) => {
                indented = false;
                block.push(Event::End(TagEnd::Paragraph));
            }
            Event::Text(t) if indented => {
                for (i, l) in t.split('\n').enumerate() {
                    if i > 0 {
                        block.push(Event::HardBreak);
                    }
                    if !l.trim().is_empty() {
                        block.push(Event::Text(CowStr::from(l.trim().to_string())));
                    }
                }
            }
            Event::Start(Tag::List(first)) => {
                numbers.push(first);
                block.push(Event::Start(Tag::List(first)));
            }
            Event::End(TagEnd::List(ordered)) => {
                numbers.pop();
                block.push(Event::End(TagEnd::List(ordered)));
            }
            Event::Start(Tag::Item) => {
                block.push(Event::Start(Tag::Item));
                if let Some(Some(n)) = numbers.last_mut() {
                    block.push(Event::Text(CowStr::from(format!("{n}. "))));
                    *n += 1;
                }
            }
            Event::SoftBreak => block.push(Event::HardBreak),
            other => block.push(other),
        }
        if closes {
            depth -= 1;
        }
        if depth == 0 {
            flush(&mut block, block_line, &mut out);
        }
    }
    flush(&mut block, block_line, &mut out);
    if images > 0 {
        left_out.push(format!("{images} image(s)"));
    }
    if code_blocks > 0 {
        left_out.push(format!("{code_blocks} fenced code block(s)"));
    }
    let mut text = out.join("\n");
    text.push('\n');
    Markdown {
        text,
        left_out,
        date,
    }
}

/// Render the events of one top-level block and append its lines to `out`, its first line
/// on `line` (1-based) where the lines before leave room.
fn flush(block: &mut Vec<Event>, line: usize, out: &mut Vec<String>) {
    if block.is_empty() {
        return;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, block.drain(..));
    let lines: Vec<String> = crate::html::fragment_lines(&html)
        .into_iter()
        .filter_map(|l| match container_title(&l) {
            None => Some(l),
            Some(title) if title.is_empty() => None,
            Some(title) => Some(title),
        })
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
    while out.len() + 1 < line {
        out.push(String::new());
    }
    out.extend(lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_images_and_code_are_left_out() {
        let md = read(
            "---\nlayout: post\ntags: [a, b]\n---\n\n# 标题 Title\n\n![photo](a.png)\n\n\
             ```\nnote 笔记\n```\n\n正文第一段。\n",
        );
        assert_eq!(
            md.text.lines().find(|l| !l.is_empty()),
            Some("## 标题 Title")
        );
        assert!(!md.text.contains("layout"), "{}", md.text);
        assert!(!md.text.contains("note"), "{}", md.text);
        assert_eq!(
            md.left_out,
            [
                "YAML front matter (lines 1–4)",
                "1 image(s)",
                "1 fenced code block(s)"
            ]
        );
        // Blocks stay on their lines.
        assert_eq!(md.text.lines().nth(5), Some("## 标题 Title"));
        assert_eq!(md.text.lines().nth(13), Some("正文第一段。"));
    }

    #[test]
    fn front_matter_date_dates_the_document() {
        let yaml = read("---\ntitle: 记者会\nDate: \"2025-03-07T10:00:00+08:00\"\n---\n\n正文。\n");
        assert_eq!(yaml.date.as_deref(), Some("2025-03-07"));
        let toml = read("+++\nlastmod = 2026-01-02\npublishDate = 2024-03-07\n+++\n\n正文。\n");
        assert_eq!(toml.date.as_deref(), Some("2024-03-07"));
        let words = read("---\ndate: March 8, 2026\n---\n\nText.\n");
        assert_eq!(words.date.as_deref(), Some("2026-03-08"));
        // A modification date alone, or a date in the body, is not the publication date.
        assert_eq!(read("---\nupdated: 2026-01-02\n---\n\n正文。\n").date, None);
        assert_eq!(read("date: 2025-03-07\n\n正文。\n").date, None);
    }

    #[test]
    fn html_inside_markdown_and_inline_markup() {
        let md = read(
            "**王毅：**中方&nbsp;愿意。<br/>**Wang Yi:** China is <strong>ready</strong>.\n\n\
             See [the report](http://x) and > quotes.\n\n> 引用的一段话。\n\n1. 第一\n2. 第二\n",
        );
        let lines: Vec<&str> = md.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "**王毅：**中方 愿意。",
                "**Wang Yi:** China is ready.",
                "See the report and > quotes.",
                "引用的一段话。",
                "1. 第一",
                "2. 第二"
            ]
        );
    }

    #[test]
    fn containers_keep_their_title_and_indented_text_is_text() {
        let md = read("::: tip 【相关词汇】\n\n共和国勋章\n\n:::\n\n    缩进的中文段落。\n");
        let lines: Vec<&str> = md.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["【相关词汇】", "共和国勋章", "缩进的中文段落。"]);
    }
}
