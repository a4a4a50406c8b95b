//! Reading an input file as the text the parser reads, whatever the file's format and
//! bilingual layout.
//!
//! The formats ([`Format`]): plain text, Markdown ([`markdown`], a CommonMark parser), web
//! pages ([`crate::html`], the article found and written as paragraph lines), Word
//! documents ([`docx`]) and PDFs with a text layer ([`pdf`]). Each is turned into one shape of text: one paragraph a line, blank
//! lines between blocks, `#` headings and `**label:**` speaker labels, which
//! [`crate::parse`] reads. The format is decided by the file's content first (a ZIP
//! archive, `%PDF-`, a page that opens like HTML, Markdown front matter or
//! HTML inside text) and its name second (`.html`, `.md`, `.docx`); `--input-format`
//! ([`Options::format`]) forces one. The path `-` reads standard input.
//!
//! Then [`bilingual::analyse`] names the file's layout (one language; a bilingual file
//! interleaved, alternating or in blocks), cuts lines holding both languages in two, and
//! says when the layout could not be recognised with confidence.

pub mod bilingual;
pub mod docx;
pub mod markdown;
pub mod pairing;
pub mod pdf;

pub use bilingual::{Layout, LayoutKind};

use crate::{decode, html, Error, Result};
use std::io::Read;
use std::path::Path;

/// The formats an input file can be read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text (the parser reads light Markdown in it: `#` headings, `**` labels).
    Text,
    /// Markdown, read with a CommonMark parser (see [`markdown`]).
    Markdown,
    /// A web page, reduced to its article (see [`crate::html`]).
    Html,
    /// A Word document (see [`docx`]).
    Docx,
    /// A PDF with a text layer (see [`pdf`]).
    Pdf,
}

impl Format {
    /// Every format, in the order `--input-format` lists them.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Pdf,
    ];

    /// The format's name in messages, `inspect` output and `--input-format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format named `s` (`text`/`txt`, `markdown`/`md`, `html`/`htm`, `docx`).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" | "word" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// How to read an input: what the user forced on the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// `--encoding`: an encoding label that overrides detection (text formats only).
    pub encoding: Option<&'a str>,
    /// `--input-format`: the format, instead of detecting it.
    pub format: Option<Format>,
}

/// An input file as text for the parser, with what its format said outside the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The text to parse.
    pub text: String,
    /// The format the file was read as.
    pub format: Format,
    /// The document's date (`YYYY-MM-DD`) when the format states it apart from the text (a
    /// web page's date line), for the document when its text gives none.
    pub date: Option<String>,
    /// The file's language layout, and whether it was recognised with confidence.
    pub layout: Layout,
    /// What the reader left out on purpose (front matter, images, code blocks), to tell
    /// the user: nothing is dropped silently.
    pub left_out: Vec<String>,
}

/// The path that names standard input.
pub const STDIN: &str = "-";

/// Whether `path` names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Read the file at `path` (`-`: standard input) and turn it into parser text by its
/// format. Errors name the file: unreadable or undecodable bytes, a web page without an
/// article body, a damaged Word document.
pub fn read_file(path: &Path, opts: &Options) -> Result<Source> {
    from_bytes(&read_bytes(path)?, path, opts)
}

/// Read a `--presplit` file (`-`: standard input) in `lang`: one sentence a line and
/// nothing else, so the text is only decoded — no Markdown, no web page, no bilingual
/// layout — unless `--input-format` names a format to read it as.
pub fn read_presplit(path: &Path, opts: &Options, lang: crate::model::Lang) -> Result<Source> {
    let bytes = read_bytes(path)?;
    if opts.format.is_some() {
        return from_bytes(&bytes, path, opts);
    }
    Ok(Source {
        text: decode::decode(&bytes, path, opts.encoding)?,
        format: Format::Text,
        date: None,
        layout: Layout::monolingual(lang),
        left_out: Vec::new(),
    })
}

/// The bytes of the file at `path` (`-`: standard input).
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let bytes = if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        bytes
    } else {
        let metadata = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if metadata.is_dir() {
            return Err(Error::input(path, "is a directory, not a transcript file"));
        }
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
    Ok(bytes)
}

/// The extension of `path`, lower case.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// File name endings read as Markdown.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn"];

/// Turn the bytes read from `path` into parser text: a ZIP archive (a Word document) and a
/// PDF by their content, else decoded text by [`from_text_as`].
pub fn from_bytes(bytes: &[u8], path: &Path, opts: &Options) -> Result<Source> {
    let zipped = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let sniffed = if zipped {
        Some(Format::Docx)
    } else if bytes.starts_with(b"%PDF-") {
        Some(Format::Pdf)
    } else {
        None
    };
    match opts.format.or(sniffed) {
        Some(Format::Docx) => {
            let text = docx::read(bytes, path)?;
            return Ok(finish(text, Format::Docx, None, Vec::new()));
        }
        Some(Format::Pdf) => {
            if !bytes.starts_with(b"%PDF-") {
                return Err(Error::input(
                    path,
                    "not a PDF document (it does not start with %PDF-)",
                ));
            }
            let text = pdf::read(bytes, path)?;
            return Ok(finish(text, Format::Pdf, None, Vec::new()));
        }
        _ => {}
    }
    let format = opts.format;
    let text = decode::decode(bytes, path, opts.encoding)?;
    from_text_as(text, path, format)
}

/// Turn decoded `text` read from `path` into parser text, by its detected format.
pub fn from_text(text: String, path: &Path) -> Result<Source> {
    from_text_as(text, path, None)
}

/// Whether text read from `path` is Markdown: its name ends in `.md` (or another Markdown
/// ending), or it opens with front matter (`---`/`+++` and a `key:`/`key =` line), or it
/// holds line-break tags or no-break-space entities (`<br/>`, `&nbsp;`: a web page copied
/// as text, the `中文<br/>English` layout) that only the Markdown reader's HTML machinery
/// removes. Other markup characters in a text file (`R&D <b>`) stay text.
pub fn is_markdown(path: &Path, text: &str) -> bool {
    if MARKDOWN_EXTENSIONS.contains(&extension(path).as_str()) {
        return true;
    }
    let t = text.trim_start_matches('\u{feff}');
    let mut lines = t.lines();
    let front = match lines.next().map(str::trim_end) {
        Some("---") => lines.next().is_some_and(|l| l.contains(':')),
        Some("+++") => lines.next().is_some_and(|l| l.contains('=')),
        _ => false,
    };
    const INLINE_HTML: &[&str] = &["<br>", "<br/>", "<br />", "&nbsp;"];
    front || INLINE_HTML.iter().any(|h| t.contains(h))
}

/// Turn decoded `text` read from `path` into parser text, as `format` (detected when
/// `None`: a web page, Markdown, else plain text).
pub fn from_text_as(text: String, path: &Path, format: Option<Format>) -> Result<Source> {
    let format = format.unwrap_or_else(|| {
        if html::is_html(path, &text) {
            Format::Html
        } else if is_markdown(path, &text) {
            Format::Markdown
        } else {
            Format::Text
        }
    });
    Ok(match format {
        Format::Html => {
            let article = html::read_article(&text, path)?;
            finish(article.text, Format::Html, article.date, Vec::new())
        }
        Format::Markdown => {
            let md = markdown::read(&text);
            finish(md.text, Format::Markdown, md.date, md.left_out)
        }
        Format::Text | Format::Docx | Format::Pdf => finish(text, Format::Text, None, Vec::new()),
    })
}

/// Parse a source into a document named `id` (read from `name`): as one text, its
/// paragraphs mended across page breaks, unless its layout says they are whole; a file the
/// layout analysis found monolingual as that language throughout, so that its lines in the
/// other script stay in its text instead of making a side of their own; the date
/// the format stated (a web page's) is the document's when its text states none.
pub fn parse_source(source: &Source, id: &str, name: &str) -> crate::model::Document {
    let mut doc = match source.layout.kind {
        LayoutKind::Monolingual(lang) => {
            crate::parse::parse_monolingual(&source.text, id, name, lang)
        }
        kind if kind.paragraphs_whole() => {
            crate::parse::parse_whole_paragraphs(&source.text, id, name)
        }
        _ => crate::parse::parse_bilingual(&source.text, id, name),
    };
    doc.date = doc.date.or_else(|| source.date.clone());
    doc
}

/// The document identifier for a path: its file stem (`2025-03-07-press.bilingual.md` →
/// `2025-03-07-press.bilingual`), used in tuids and output names; `stdin` for `-`.
pub fn doc_id(path: &Path) -> String {
    if is_stdin(path) {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string())
}

/// How the two files of an [`Editions`] pair are cut into units: parsed like any file
/// (title, lead, headings, speaker turns, paragraphs), or one sentence a line as given
/// (`--presplit`), with speaker labels split off when `labels` says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cutting {
    /// Parsed for structure.
    #[default]
    Parsed,
    /// One sentence a line, nothing parsed.
    Presplit {
        /// Split speaker labels off the lines all the same.
        labels: bool,
    },
}

/// Two editions of one text, an English file and a Chinese file, read as one document.
#[derive(Clone, Debug)]
pub struct Editions {
    /// The English side of the first file and the Chinese side of the second; named
    /// after the Chinese file (the edition being aligned), dated by the English lead
    /// (which states the year) or else the Chinese one.
    pub doc: crate::model::Document,
    /// How the English file was read (format, layout, what was left out).
    pub en_source: Source,
    /// How the Chinese file was read.
    pub zh_source: Source,
}

/// Read an English and a Chinese edition of one text as one document ready to align
/// (`--en FILE --zh FILE`). Either file may be bilingual (its side in the named language
/// is used). A file without text in its language is an error that says what the file
/// reads as instead, so that two editions given the wrong way round, or one edition
/// twice, are named as such.
pub fn read_editions(en: &Path, zh: &Path, opts: &Options, cutting: Cutting) -> Result<Editions> {
    use crate::model::Lang;
    let (en_doc, en_source, en_side) = read_edition(en, Lang::En, opts, cutting)?;
    let (zh_doc, zh_source, zh_side) = read_edition(zh, Lang::Zh, opts, cutting)?;
    let swapped = has_text(&en_doc.zh) && has_text(&zh_doc.en);
    let en_side = en_side
        .filter(|t| !t.units.is_empty())
        .ok_or_else(|| Error::input(en, missing_side(Lang::En, &en_doc, swapped)))?;
    let zh_side = zh_side
        .filter(|t| !t.units.is_empty())
        .ok_or_else(|| Error::input(zh, missing_side(Lang::Zh, &zh_doc, swapped)))?;
    let doc = crate::model::Document {
        id: doc_id(zh),
        source: format!("{} + {}", en.display(), zh.display()),
        date: en_doc.date.or(zh_doc.date),
        en: Some(en_side),
        zh: Some(zh_side),
    };
    Ok(Editions {
        doc,
        en_source,
        zh_source,
    })
}

/// Read one edition of a pair: the whole file as a document (for its date and for the
/// message when it holds the other language) and its side in `lang`.
fn read_edition(
    path: &Path,
    lang: crate::model::Lang,
    opts: &Options,
    cutting: Cutting,
) -> Result<(
    crate::model::Document,
    Source,
    Option<crate::model::Transcript>,
)> {
    use crate::model::{Document, Lang};
    let name = path.display().to_string();
    match cutting {
        Cutting::Presplit { labels } => {
            let source = read_presplit(path, opts, lang)?;
            let doc = Document {
                id: doc_id(path),
                source: name,
                date: source.date.clone(),
                en: None,
                zh: None,
            };
            let side = crate::parse::parse_presplit(&source.text, lang, labels);
            Ok((doc, source, Some(side)))
        }
        Cutting::Parsed => {
            let mut source = read_file(path, opts)?;
            // An edition the user named as `lang` whose other-script lines are far too few
            // to translate it (a Chinese chapter with an author's name and a reference in
            // Latin letters, read as a doubtful bilingual file) is that language's edition:
            // it is parsed as one (its lines in the other script kept in its text) and
            // reported as what it is. A file whose lines held both languages and were cut
            // is bilingual whatever its volumes.
            if source.layout.kind.is_bilingual()
                && source.layout.split_lines == 0
                && bilingual::other_language_is_stray(&source.text, lang)
            {
                source.layout = Layout {
                    paragraphs: source.layout.paragraphs,
                    ..Layout::monolingual(lang)
                };
            }
            let doc = parse_source(&source, &doc_id(path), &name);
            let side = match lang {
                Lang::En => doc.en.clone(),
                Lang::Zh => doc.zh.clone(),
            };
            Ok((doc, source, side))
        }
    }
}

/// Whether a side was read and holds text.
fn has_text(side: &Option<crate::model::Transcript>) -> bool {
    side.as_ref().is_some_and(|t| !t.units.is_empty())
}

/// The error for an edition without text in its language, saying what it reads as.
fn missing_side(wanted: crate::model::Lang, doc: &crate::model::Document, swapped: bool) -> String {
    use crate::model::Lang;
    let (name, other_name) = (wanted.name(), wanted.other().name());
    let other = match wanted {
        Lang::En => &doc.zh,
        Lang::Zh => &doc.en,
    };
    if swapped {
        format!(
            "has no {name} text: it reads as {other_name}, and the other file as {name} \
             (were --en and --zh given the wrong way round?)"
        )
    } else if has_text(other) {
        format!("has no {name} text: it reads as {other_name}")
    } else {
        format!("has no {name} text")
    }
}

/// The source with its column labels left out, its bilingual layout read and mixed lines
/// cut.
fn finish(text: String, format: Format, date: Option<String>, mut left_out: Vec<String>) -> Source {
    let (text, labels) = drop_column_labels(text);
    left_out.extend(labels);
    let (text, layout) = bilingual::analyse(&text);
    Source {
        text,
        format,
        date,
        layout,
        left_out,
    }
}

/// Lines that only name a language or a side of a translation
/// (`data/layout/column_labels.txt`), lower-cased.
fn column_labels() -> &'static [String] {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        crate::data::lines(include_str!("../data/layout/column_labels.txt"))
            .map(str::to_lowercase)
            .collect()
    })
}

/// The label a line is, if it only names a language or a side (`## 中文`, `**English**`).
fn column_label(line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches('*')
        .trim();
    let lower = t.to_lowercase();
    column_labels().contains(&lower).then_some(lower)
}

/// Leave out the column labels of a bilingual table or file (`中文` | `English`): lines that
/// only name a language or a side, when the text holds at least two different ones. Each is
/// replaced by an empty line, so that line numbers stay those of the file; the note says
/// which lines went.
fn drop_column_labels(text: String) -> (String, Option<String>) {
    let found: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| column_label(l).map(|label| (i, label)))
        .collect();
    let distinct: std::collections::BTreeSet<&str> =
        found.iter().map(|(_, l)| l.as_str()).collect();
    if distinct.len() < 2 {
        return (text, None);
    }
    let drop: std::collections::HashSet<usize> = found.iter().map(|(i, _)| *i).collect();
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if !drop.contains(&i) {
            out.push_str(line);
        }
        out.push('\n');
    }
    let lines: Vec<String> = found.iter().map(|(i, _)| (i + 1).to_string()).collect();
    let note = format!(
        "{} column label(s) naming the languages (line {})",
        found.len(),
        lines.join(", ")
    );
    (out, Some(note))
}

#[cfg(test)]
mod tests {
    use super::{drop_column_labels, read_editions, Cutting, Options};

    #[test]
    fn editions_pair_their_sides_and_name_a_swap() {
        let dir = tempfile::tempdir().unwrap();
        let en = dir.path().join("talk.en.txt");
        let zh = dir.path().join("talk.zh.txt");
        std::fs::write(&en, "We met in Beijing.\n\nThe talks went well.\n").unwrap();
        std::fs::write(&zh, "我们在北京会面。\n\n会谈进展顺利。\n").unwrap();
        let opts = Options::default();
        let pair = read_editions(&en, &zh, &opts, Cutting::Parsed).unwrap();
        assert_eq!(pair.doc.id, "talk.zh");
        assert!(pair.doc.en.is_some() && pair.doc.zh.is_some());
        let lines = read_editions(&en, &zh, &opts, Cutting::Presplit { labels: false }).unwrap();
        let units = |t: &Option<crate::model::Transcript>| t.as_ref().map_or(0, |t| t.units.len());
        assert!(units(&lines.doc.en) >= 1 && units(&lines.doc.zh) >= 1);
        let swapped = read_editions(&zh, &en, &opts, Cutting::Parsed).unwrap_err();
        let msg = swapped.to_string();
        assert!(
            msg.contains("talk.zh.txt") && msg.contains("wrong way round"),
            "{msg}"
        );
    }

    #[test]
    fn column_labels_go_in_pairs_only() {
        let (text, note) = drop_column_labels("## 中文\n\n**English**\n\n正文。\n\nText.\n".into());
        assert_eq!(text, "\n\n\n\n正文。\n\nText.\n");
        assert_eq!(
            note.as_deref(),
            Some("2 column label(s) naming the languages (line 1, 3)")
        );
        // A lone language name is text.
        let (text, note) = drop_column_labels("English\n\nWe study English.\n".into());
        assert_eq!(text, "English\n\nWe study English.\n");
        assert_eq!(note, None);
    }
}
