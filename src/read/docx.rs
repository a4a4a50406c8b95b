//! Word (.docx) → the parser's text: paragraphs with their styles, and tables.
//!
//! Agencies and translators keep transcripts in Word: headings in heading styles, speaker
//! labels in bold at the start of a paragraph, and often a two-column table with the
//! Chinese in one column and the English in the other. A .docx file is a ZIP archive whose
//! `word/document.xml` holds the body; it is read with `zip` and `quick-xml` (already used
//! for TMX/XLIFF), without a Word-specific crate, because only paragraphs, runs, breaks,
//! styles and tables are needed.
//!
//! - A paragraph is a line; a line break inside it (`<w:br/>`, `<w:cr/>`) is a line break.
//! - A paragraph whose style is a heading or title (by the style's name in
//!   `word/styles.xml`, `data/docx/heading_styles.txt`; or an outline level) is a `## ` line.
//! - Bold runs at the start of a paragraph are `**…**`, the layout of a speaker label.
//! - A table is read row by row, each cell's paragraphs as lines. In a two-column table
//!   whose columns are in the two languages (a bilingual table), each row is one block:
//!   the Chinese cell, then the English cell, so that the bilingual layout reader sees each
//!   row as a paragraph and its translation (the rows are ready-made units).
//! - Deleted text of tracked changes, field codes and the fallback copy of text boxes are
//!   not text.
//! - Footnotes and endnotes (`word/footnotes.xml`, `word/endnotes.xml`) follow the body,
//!   each note a paragraph: they are text to translate like the rest.
//!
//! Errors name the file: a ZIP archive that cannot be opened (corrupt, truncated), one that
//! is not a Word document, XML that cannot be read, and a document without text.

use crate::model::Lang;
use crate::parse::script_lang;
use crate::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::OnceLock;

/// The largest `word/document.xml` read (decompressed): far beyond any transcript, small
/// enough that a ZIP bomb cannot exhaust memory.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Heading style names (lower case, as prefixes), from `data/docx/heading_styles.txt`.
fn heading_styles() -> &'static [String] {
    static STYLES: OnceLock<Vec<String>> = OnceLock::new();
    STYLES.get_or_init(|| {
        crate::data::lines(include_str!("../../data/docx/heading_styles.txt"))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Whether the ZIP archive in `bytes` is a Word document (it has `word/document.xml`).
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|z| z.index_for_name("word/document.xml").is_some())
}

/// Read one part of the archive as text (`None` when the archive does not have it).
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    path: &Path,
) -> Result<Option<String>> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let file = zip.by_index(index).map_err(|e| {
        Error::input(
            path,
            format!("a Word document whose {name} cannot be read: {e}"),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::input(
                path,
                format!("a Word document whose {name} cannot be unpacked (damaged?): {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Error::input(
            path,
            format!("a Word document whose {name} unpacks to more than 256 MB; refused"),
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Error::input(path, format!("a Word document whose {name} is not UTF-8")))
}

/// Read the Word document in `bytes` (from `path`, named in errors) as the parser's text.
pub fn read(bytes: &[u8], path: &Path) -> Result<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::input(
            path,
            format!("a ZIP archive (.docx) that cannot be opened, damaged or incomplete: {e}"),
        )
    })?;
    let Some(document) = part(&mut zip, "word/document.xml", path)? else {
        return Err(Error::input(
            path,
            "a ZIP archive but not a Word document (it has no word/document.xml); an \
             OpenDocument .odt file can be saved as .docx or as text first",
        ));
    };
    let styles = match part(&mut zip, "word/styles.xml", path)? {
        Some(xml) => heading_style_ids(&xml),
        None => Vec::new(),
    };
    let unreadable = |name: &str, e: String| {
        Error::input(
            path,
            format!("a Word document whose {name} cannot be read: {e}"),
        )
    };
    let mut text = body_text(&document, &styles).map_err(|e| unreadable("text", e))?;
    // Footnotes and endnotes are text of the document (a white paper's sources, a
    // translator's notes): they follow the body, each note a paragraph, in the order Word
    // keeps them, where the other edition's notes follow its body too.
    for (name, what) in [
        ("word/footnotes.xml", "footnotes"),
        ("word/endnotes.xml", "endnotes"),
    ] {
        if let Some(xml) = part(&mut zip, name, path)? {
            text.push_str(&body_text(&xml, &styles).map_err(|e| unreadable(what, e))?);
        }
    }
    if text.trim().is_empty() {
        return Err(Error::input(path, "a Word document without text"));
    }
    Ok(text)
}

/// The value of the attribute `w:val` (or any `…:val`) of an element.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The ids of the styles whose name is a heading or title (`word/styles.xml`): Word writes
/// `styleId="1"` with `name="heading 1"` in a Chinese Word, so the name decides.
fn heading_style_ids(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"style" => {
                    current = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"styleId")
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()));
                }
                b"name" => {
                    if let (Some(id), Some(name)) = (&current, val(&e)) {
                        let name = name.to_lowercase();
                        if heading_styles()
                            .iter()
                            .any(|h| name.starts_with(h.as_str()))
                        {
                            out.push(id.clone());
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    /// Its lines (a `<w:br/>` starts a new one).
    lines: Vec<String>,
    current: String,
    heading: bool,
    /// Bold runs at the start, not closed yet.
    bold_open: bool,
    /// Any non-bold text met: later bold runs are not a label.
    plain_seen: bool,
}

impl Para {
    fn text(&mut self, t: &str, bold: bool) {
        if t.is_empty() {
            return;
        }
        let starts = self.lines.is_empty() && !self.plain_seen;
        if bold && starts && !self.heading && !t.trim().is_empty() {
            if !self.bold_open {
                self.current.push_str("**");
                self.bold_open = true;
            }
        } else if !t.trim().is_empty() || !bold {
            self.close_bold();
            if !t.trim().is_empty() {
                self.plain_seen = true;
            }
        }
        self.current.push_str(t);
    }

    fn close_bold(&mut self) {
        if self.bold_open {
            // Whitespace inside the bold run goes after it (`**王毅：** `).
            let trimmed = self.current.trim_end().len();
            let tail = self.current.split_off(trimmed);
            self.current.push_str("**");
            self.current.push_str(&tail);
            self.bold_open = false;
        }
    }

    fn break_line(&mut self) {
        self.close_bold();
        let line = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.current.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    /// The paragraph's lines, headings marked.
    fn finish(mut self) -> Vec<String> {
        self.break_line();
        self.lines
            .into_iter()
            .map(|l| {
                let l = escape(&l);
                if self.heading {
                    format!("## {}", l.replace("**", ""))
                } else {
                    l
                }
            })
            .collect()
    }
}

/// Escape a line for the parser: a backslash, and a `#` that would make it a heading.
fn escape(s: &str) -> String {
    let s = s.replace('\\', "\\\\");
    match s.strip_prefix('#') {
        Some(rest) => format!("\\#{rest}"),
        None => s,
    }
}

/// A table being read: rows of cells, each cell its lines.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
}

impl Table {
    /// The table's lines: a bilingual two-column table row by row as blocks (Chinese cell,
    /// English cell); any other table cell by cell.
    fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let lang_of = |cell: &Vec<String>| script_lang(&cell.join(" "));
        let two = self.rows.iter().filter(|r| r.len() == 2).count();
        let crossed = self
            .rows
            .iter()
            .filter(|r| {
                r.len() == 2 && lang_of(&r[0]).is_some() && lang_of(&r[0]) != lang_of(&r[1])
            })
            .count();
        let bilingual = two * 2 > self.rows.len() && crossed * 2 > two;
        for row in &self.rows {
            if bilingual && row.len() == 2 {
                let (zh, en) = if lang_of(&row[1]) == Some(Lang::Zh) {
                    (&row[1], &row[0])
                } else {
                    (&row[0], &row[1])
                };
                out.extend(zh.iter().cloned());
                out.extend(en.iter().cloned());
                out.push(String::new());
            } else {
                for cell in row {
                    out.extend(cell.iter().cloned());
                    out.push(String::new());
                }
            }
        }
        out
    }
}

/// Where the reader is in the body.
struct Body<'a> {
    styles: &'a [String],
    out: Vec<String>,
    para: Option<Para>,
    /// Open tables (nested tables read into their cell), with the current row and cell.
    tables: Vec<(Table, Vec<Vec<String>>, Vec<String>)>,
    bold: bool,
    in_run_props: bool,
    in_text: bool,
}

impl Body<'_> {
    fn emit(&mut self, lines: Vec<String>) {
        if let Some((_, _, cell)) = self.tables.last_mut() {
            cell.extend(lines);
        } else if !lines.is_empty() {
            self.out.extend(lines);
            self.out.push(String::new());
        }
    }
}

/// Read `word/document.xml` (`styles`: ids of heading styles) as lines.
fn body_text(xml: &str, styles: &[String]) -> std::result::Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut b = Body {
        styles,
        out: Vec::new(),
        para: None,
        tables: Vec::new(),
        bold: false,
        in_run_props: false,
        in_text: false,
    };
    // Depth inside elements whose text is not text (deleted runs, field codes, the fallback
    // of alternate content); 0 outside them.
    let mut skip = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 || matches!(name, b"del" | b"instrText" | b"Fallback" | b"delText") {
                    skip += 1;
                    continue;
                }
                start(&mut b, name, &e, false);
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.local_name();
                start(&mut b, name.as_ref(), &e, true);
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                end(&mut b, e.local_name().as_ref());
            }
            Event::Text(t) if skip == 0 && b.in_text => {
                let t = t.unescape().map_err(|e| e.to_string())?;
                let bold = b.bold;
                if let Some(p) = b.para.as_mut() {
                    p.text(&t, bold);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut text = b.out.join("\n");
    text.push('\n');
    Ok(text)
}

fn start(b: &mut Body, name: &[u8], e: &BytesStart, empty: bool) {
    match name {
        b"p" if !empty => b.para = Some(Para::default()),
        b"pStyle" => {
            if let (Some(p), Some(v)) = (b.para.as_mut(), val(e)) {
                if b.styles.contains(&v) {
                    p.heading = true;
                }
            }
        }
        b"outlineLvl" => {
            if let Some(p) = b.para.as_mut() {
                // Level 9 is body text.
                if val(e).is_some_and(|v| v != "9") {
                    p.heading = true;
                }
            }
        }
        b"r" if !empty => b.bold = false,
        b"rPr" if !empty => b.in_run_props = true,
        b"b" if b.in_run_props => {
            b.bold = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
        }
        b"t" if !empty => b.in_text = true,
        b"tab" if !b.in_run_props => {
            let bold = b.bold;
            if let Some(p) = b.para.as_mut() {
                p.text(" ", bold);
            }
        }
        b"br" | b"cr" if !b.in_run_props => {
            // A page or column break inside a paragraph is not a line of the text.
            let page = e.attributes().flatten().any(|a| {
                a.key.local_name().as_ref() == b"type" && a.value.as_ref() != b"textWrapping"
            });
            if let Some(p) = b.para.as_mut() {
                if page {
                    p.text(" ", false);
                } else {
                    p.break_line();
                }
            }
        }
        b"tbl" if !empty => b.tables.push((Table::default(), Vec::new(), Vec::new())),
        b"tr" if !empty => {
            if let Some(t) = b.tables.last_mut() {
                t.1.clear();
            }
        }
        b"tc" if !empty => {
            if let Some(t) = b.tables.last_mut() {
                t.2.clear();
            }
        }
        _ => {}
    }
}

fn end(b: &mut Body, name: &[u8]) {
    match name {
        b"p" => {
            if let Some(p) = b.para.take() {
                let lines = p.finish();
                b.emit(lines);
            }
        }
        b"rPr" => b.in_run_props = false,
        b"r" => b.bold = false,
        b"t" => b.in_text = false,
        b"tc" => {
            if let Some((_, row, cell)) = b.tables.last_mut() {
                row.push(std::mem::take(cell));
            }
        }
        b"tr" => {
            if let Some((table, row, _)) = b.tables.last_mut() {
                table.rows.push(std::mem::take(row));
            }
        }
        b"tbl" => {
            if let Some((table, _, _)) = b.tables.pop() {
                let lines = table.lines();
                if let Some((_, _, cell)) = b.tables.last_mut() {
                    cell.extend(lines.into_iter().filter(|l| !l.is_empty()));
                } else {
                    b.out.extend(lines);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        )
    }

    #[test]
    fn paragraphs_headings_labels_and_breaks() {
        let xml = doc(
            "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>\
             <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">王毅： </w:t></w:r>\
             <w:r><w:t>第一行。</w:t><w:br/><w:t>第二行 &amp; 更多。</w:t></w:r>\
             <w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>",
        );
        let text = body_text(&xml, &["1".to_string()]).expect("read");
        assert_eq!(text, "## 标题\n\n**王毅：** 第一行。\n第二行 & 更多。\n\n");
    }

    #[test]
    fn a_bilingual_table_gives_each_row_as_a_block() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let row = |a: &str, b: &str| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b));
        let xml = doc(&format!(
            "<w:tbl>{}{}</w:tbl>",
            row("We support peace.", "我们支持和平。"),
            row("China is ready.", "中方愿意。")
        ));
        let text = body_text(&xml, &[]).expect("read");
        assert_eq!(
            text,
            "我们支持和平。\nWe support peace.\n\n中方愿意。\nChina is ready.\n\n"
        );
    }

    #[test]
    fn style_names_decide_headings() {
        let styles = "<w:styles xmlns:w=\"x\"><w:style w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
                      <w:style w:styleId=\"a3\"><w:name w:val=\"Normal\"/></w:style>\
                      <w:style w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style></w:styles>";
        assert_eq!(heading_style_ids(styles), ["1", "Title"]);
    }

    #[test]
    fn damaged_archives_are_refused_naming_the_file() {
        let e = read(b"PK\x03\x04garbage", Path::new("bad.docx"))
            .expect_err("refused")
            .to_string();
        assert!(
            e.contains("bad.docx") && e.contains("cannot be opened"),
            "{e}"
        );
    }
}
