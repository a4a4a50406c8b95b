//! Reading an input file as the text the parser reads, whatever the file's format.
//!
//! Plain text and Markdown go to [`crate::parse`] as decoded; a saved web page first goes
//! through [`crate::html`], which finds its article and writes it as paragraph lines. The
//! format is decided by the file's name (`.html`, `.htm`) and by its content
//! (`<!DOCTYPE html`, `<html`), so a page saved without an extension is read right too.

use crate::{decode, html, Result};
use std::path::Path;

/// The formats an input file can be read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, read as it is.
    Text,
    /// A web page, reduced to its article (see [`crate::html`]).
    Html,
}

impl Format {
    /// The format's name in messages and `inspect` output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
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
}

/// Read and decode the file at `path` (`forced`: an `--encoding` label) and turn it into
/// parser text by its format. Errors name the file: undecodable bytes, and a web page
/// without an article body.
pub fn read_file(path: &Path, forced: Option<&str>) -> Result<Source> {
    let text = decode::read_file(path, forced)?;
    from_text(text, path)
}

/// Turn decoded `text` read from `path` into parser text by its format.
pub fn from_text(text: String, path: &Path) -> Result<Source> {
    if html::is_html(path, &text) {
        let article = html::read_article(&text, path)?;
        return Ok(Source {
            text: article.text,
            format: Format::Html,
            date: article.date,
        });
    }
    Ok(Source {
        text,
        format: Format::Text,
        date: None,
    })
}
