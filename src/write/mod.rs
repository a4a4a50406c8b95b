//! Writers: TMX 1.4b, XLIFF 1.2, XLIFF 2.1, CSV/TSV, XLSX, and the unaligned-sentence report.
//!
//! Every writer streams: it writes each pair as it goes instead of building the whole
//! document in memory, because a year of press conferences is tens of thousands of pairs.
//! Output is deterministic (same input and options → byte-identical output), so that
//! exports can be diffed and checked into version control. Files are written atomically by
//! [`write_file`] so that a CAT tool never imports a half-written memory.
//!
//! The XML writers escape text by hand (the five XML special characters plus line-break and
//! tab characters in attribute values, which parsers would otherwise normalize to spaces),
//! and pass every text and attribute value through [`clean_xml_text`] first, because
//! transcripts pasted from PDFs or Word can carry control characters that XML 1.0 forbids
//! and that would make the whole file unreadable to every importer.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::{AlignedDocument, Lang, Pair};

mod csv;
pub mod date;
mod tmx;
mod xliff12;
mod xliff21;
mod xlsx;

pub use self::csv::{neutralize_formula, spreadsheet_cell, write_csv, FORMULA_STARTS};
pub use self::tmx::{write_review_tmx, write_tmx};
pub use self::xliff12::write_xliff12;
pub use self::xliff21::{write_xliff21, REVIEWED_SUBSTATE, REVIEW_SUBSTATE};
pub use self::xlsx::{write_table, write_xlsx, Cell, Column, Table, MAX_CELL_CHARS};

/// Name written as `creationtool`, `tool-name`, metadata category and note author, so that
/// a translator can tell where a memory came from.
pub(crate) const TOOL_NAME: &str = "zhen-tm";
/// Version written next to [`TOOL_NAME`], so that output can be traced to the release that
/// produced it.
pub(crate) const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Output formats `export` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// TMX 1.4b.
    Tmx,
    /// TMX 1.4b holding only the pairs that need review (`.review.tmx`), written next to the
    /// main memory when [`WriteOptions::review_tmx`] is set: a memory for OmegaT's
    /// `tm/penalty-NN/` folder, whose matches OmegaT offers with a lower score and never
    /// inserts by itself. Not in [`Format::ALL`]: it is asked for with that option.
    TmxReview,
    /// XLIFF 1.2 (strict schema).
    Xliff12,
    /// XLIFF 2.1 core + metadata module.
    Xliff21,
    /// CSV (or TSV with `tsv`).
    Csv,
    /// XLSX workbook (the CSV's columns, scores as numbers), for spreadsheet review.
    Xlsx,
}

impl Format {
    /// Every format [`Format::parse`] knows, in the order the CLI lists them (`export`
    /// writes the first four by default).
    pub const ALL: [Format; 5] = [
        Format::Tmx,
        Format::Xliff12,
        Format::Xliff21,
        Format::Csv,
        Format::Xlsx,
    ];

    /// The name used on the command line and in reports (`tmx`, `xliff12`, `xliff21`, `csv`);
    /// [`Format::parse`] accepts it back.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::TmxReview => "tmx-review",
            Format::Xliff12 => "xliff12",
            Format::Xliff21 => "xliff21",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The bare file-name extension CAT tools recognise the format by (`tmx`, `xlf`, `csv`).
    /// Both XLIFF versions share `xlf`, so use [`Format::file_suffix`] to name output files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tmx | Format::TmxReview => "tmx",
            Format::Xliff12 | Format::Xliff21 => "xlf",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The suffix appended to a document or export stem to name an output file:
    /// `.tmx`, `.review.tmx`, `.xliff12.xlf`, `.xliff21.xlf`, `.csv` (or `.tsv` when
    /// `opts.tsv`), `.xlsx`. The XLIFF
    /// suffixes carry the version so that writing both into one folder cannot clash, while
    /// still ending in `.xlf` for the tools' file pickers.
    pub fn file_suffix(self, opts: &WriteOptions) -> &'static str {
        match self {
            Format::Tmx => ".tmx",
            Format::TmxReview => ".review.tmx",
            Format::Xliff12 => ".xliff12.xlf",
            Format::Xliff21 => ".xliff21.xlf",
            Format::Csv if opts.tsv => ".tsv",
            Format::Csv => ".csv",
            Format::Xlsx => ".xlsx",
        }
    }

    /// Reads a format name as typed by a user (case-insensitive): `tmx`, `xliff12`,
    /// `xliff21`, `csv`, `xlsx`. Returns `None` for anything else so the caller can list the choices.
    pub fn parse(s: &str) -> Option<Format> {
        let s = s.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
    }
}

impl std::fmt::Display for Format {
    /// Shows the command-line name, so messages use the same word the user typed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Options shared by all writers (serialisable: an export's review record keeps them, so
/// that `apply` writes the memories again as they were).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WriteOptions {
    /// Language tag written for English (default `en-US`).
    pub en_code: String,
    /// Language tag written for Chinese (default `zh-CN`).
    pub zh_code: String,
    /// Source language of the TM (default Chinese, the original).
    pub source: Lang,
    /// Pairs scoring below this are marked for review in XLIFF.
    pub review_below: f64,
    /// TMX: leave the pairs that need review out of the main memory; they are written by
    /// [`Format::TmxReview`] instead, so that a CAT tool can be given the two memories with
    /// different trust (OmegaT: `tm/auto/` and `tm/penalty-NN/`).
    pub review_tmx: bool,
    /// TMX `creationdate` (`YYYYMMDDThhmmssZ`), only from SOURCE_DATE_EPOCH or `--date`:
    /// the header's, and each `<tu>`'s whose document has no date of its own.
    pub creation_date: Option<String>,
    /// CSV: write a UTF-8 BOM.
    pub bom: bool,
    /// CSV: tab-separated instead of comma-separated.
    pub tsv: bool,
}

impl Default for WriteOptions {
    /// `en-US` / `zh-CN` (the region-qualified tags CAT tools' own examples use), Chinese as
    /// source (the Foreign Ministry's original), review below 0.5 (in one memory with the
    /// rest), no creation date (so
    /// output stays reproducible), no BOM, comma-separated.
    fn default() -> Self {
        WriteOptions {
            en_code: "en-US".to_string(),
            zh_code: "zh-CN".to_string(),
            source: Lang::Zh,
            review_below: 0.5,
            review_tmx: false,
            creation_date: None,
            bom: false,
            tsv: false,
        }
    }
}

impl WriteOptions {
    /// The language tag to write for `lang`, so every writer uses the user's chosen tags.
    pub fn lang_code(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en_code,
            Lang::Zh => &self.zh_code,
        }
    }

    /// The target language: the one that is not [`WriteOptions::source`].
    pub fn target(&self) -> Lang {
        self.source.other()
    }

    /// Whether a pair should be flagged for a human check: its score is below the threshold,
    /// or either number is NaN (flagged rather than silently trusted), and no person has
    /// confirmed it yet ([`Pair::reviewed`]): the translator's word outranks the score.
    pub fn needs_review(&self, pair: &Pair) -> bool {
        !pair.reviewed
            && (pair.score < self.review_below || pair.score.is_nan() || self.review_below.is_nan())
    }
}

/// What a writer did, for the export summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Pairs written.
    pub pairs: usize,
    /// Characters XML 1.0 forbids that were removed.
    pub removed_chars: usize,
}

/// Formats an alignment score with three decimals. Fixed precision keeps output
/// deterministic and lets a reader see on which side of a two-decimal threshold
/// (e.g. 0.5) a score falls.
pub fn format_score(score: f64) -> String {
    format!("{score:.3}")
}

/// An ISO 8601 calendar date (`YYYY-MM-DD`, as documents carry it) as a TMX date
/// (`YYYYMMDDT000000Z`, midnight UTC); `None` for anything else, so that a malformed date
/// is left out rather than written into an attribute importers parse.
pub fn tmx_date_from_iso(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shaped {
        return None;
    }
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!(
        "{}{}{}T000000Z",
        date.get(0..4)?,
        date.get(5..7)?,
        date.get(8..10)?
    ))
}

/// Whether XML 1.0 allows `c` in a document (production `Char`).
fn xml_allowed(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\u{0}'..='\u{1F}' => false,
        '\u{FFFE}' | '\u{FFFF}' => false,
        _ => true,
    }
}

/// Removes characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE;
/// U+FFFF) and returns the text with the number removed. One stray U+0001 from a pasted PDF
/// would otherwise make the whole TMX or XLIFF file not well-formed, and importers reject
/// the file rather than the segment. Borrows when nothing needs removing (the usual case).
pub fn clean_xml_text(s: &str) -> (Cow<'_, str>, usize) {
    if s.chars().all(xml_allowed) {
        return (Cow::Borrowed(s), 0);
    }
    let mut removed = 0;
    let cleaned: String = s
        .chars()
        .filter(|&c| {
            let ok = xml_allowed(c);
            if !ok {
                removed += 1;
            }
            ok
        })
        .collect();
    (Cow::Owned(cleaned), removed)
}

/// Makes a string usable as an `xs:NMTOKEN` id (XLIFF 2 `file`/`unit` ids), keeping it
/// readable. ASCII letters, digits, `.`, `-` and `_` are kept; anything else becomes `_`
/// plus its hex code point. Only ASCII is kept verbatim because validators disagree on which
/// non-ASCII characters are name characters (XML 1.0 4th vs 5th edition).
pub fn nmtoken(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}", u32::from(c)));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Hands out ids that are unique within one scope (a file, or a whole export), appending
/// `-2`, `-3` … to repeats. Pair and document ids are meant to be unique already, but ids
/// are sanitized before use and two different ids can sanitize to the same string; a
/// duplicate id makes CAT tools drop or overwrite units.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    seen: HashSet<String>,
}

impl UniqueIds {
    /// Returns `candidate`, or the first `candidate-N` (N ≥ 2) not handed out before.
    pub(crate) fn make(&mut self, candidate: String) -> String {
        if self.seen.insert(candidate.clone()) {
            return candidate;
        }
        let mut n = 2usize;
        loop {
            let next = format!("{candidate}-{n}");
            if self.seen.insert(next.clone()) {
                return next;
            }
            n += 1;
        }
    }
}

/// A small streaming XML emitter: raw markup goes out as is, text and attribute values are
/// cleaned ([`clean_xml_text`]) and escaped. Keeps the count of removed characters for
/// [`WriteStats`].
pub(crate) struct XmlOut<W: Write> {
    out: io::BufWriter<W>,
    removed: usize,
}

impl<W: Write> XmlOut<W> {
    /// Wraps `out` in a buffer (writers are called with bare files as well as buffers).
    pub(crate) fn new(out: W) -> Self {
        XmlOut {
            out: io::BufWriter::new(out),
            removed: 0,
        }
    }

    /// Writes markup that the caller has built from constants only.
    pub(crate) fn raw(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(s.as_bytes())
    }

    /// Writes character data: `&`, `<`, `>` escaped, CR as `&#13;` (a parser would turn a
    /// literal CR into LF).
    pub(crate) fn text(&mut self, s: &str) -> io::Result<()> {
        let (s, n) = clean_xml_text(s);
        self.removed += n;
        self.escaped(&s, false)
    }

    /// Writes ` name="value"` with the value escaped for a double-quoted attribute; tab,
    /// LF and CR become character references because parsers normalize literal ones to
    /// spaces.
    pub(crate) fn attr(&mut self, name: &str, value: &str) -> io::Result<()> {
        let (v, n) = clean_xml_text(value);
        self.removed += n;
        self.out.write_all(b" ")?;
        self.out.write_all(name.as_bytes())?;
        self.out.write_all(b"=\"")?;
        self.escaped(&v, true)?;
        self.out.write_all(b"\"")
    }

    /// Writes `<name attrs…>text</name>` on one line, for leaf elements.
    pub(crate) fn leaf(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.raw("<")?;
        self.raw(name)?;
        for (k, v) in attrs {
            self.attr(k, v)?;
        }
        self.raw(">")?;
        self.text(text)?;
        self.raw("</")?;
        self.raw(name)?;
        self.raw(">")
    }

    fn escaped(&mut self, s: &str, in_attr: bool) -> io::Result<()> {
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let rep: &[u8] = match b {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'\r' => b"&#13;",
                b'"' if in_attr => b"&quot;",
                b'\n' if in_attr => b"&#10;",
                b'\t' if in_attr => b"&#9;",
                _ => continue,
            };
            self.out.write_all(&bytes[start..i])?;
            self.out.write_all(rep)?;
            start = i + 1;
        }
        self.out.write_all(&bytes[start..])
    }

    /// Flushes and returns how many forbidden characters were removed.
    pub(crate) fn finish(mut self) -> io::Result<usize> {
        self.out.flush()?;
        Ok(self.removed)
    }
}

/// Writes one format to `path` atomically: the output goes to a temporary file in the same
/// folder, which is flushed and then renamed over `path`. A CAT tool (or a sync client)
/// watching the folder never sees a half-written memory, and on any error nothing is left at
/// `path` (an existing file there is left untouched). Errors name `path`.
pub fn write_file(
    path: &Path,
    format: Format,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> crate::Result<WriteStats> {
    atomic_write(path, |out| write_to(out, format, docs, opts))
}

/// Writes one format to any writer (standard output for `export -o -`, a buffer, a
/// file): the dispatch [`write_file`] uses.
pub fn write_to<W: Write>(
    out: W,
    format: Format,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> io::Result<WriteStats> {
    match format {
        Format::Tmx => write_tmx(out, docs, opts),
        Format::TmxReview => write_review_tmx(out, docs, opts),
        Format::Xliff12 => write_xliff12(out, docs, opts),
        Format::Xliff21 => write_xliff21(out, docs, opts),
        Format::Csv => write_csv(out, docs, opts),
        Format::Xlsx => write_xlsx(out, docs, opts),
    }
}

/// Writes the `unaligned.tsv` report atomically (see [`write_file`]): a header row
/// `doc lang unit kind speaker line text`, then one tab-separated row per sentence that
/// found no counterpart, so that a translator can look them up in the source (`line`) and
/// nothing the aligner could not place is silently lost. Fields containing tabs, quotes or
/// line breaks are quoted per CSV rules; lines end with LF. Cells are made safe for
/// spreadsheets as in the pairs CSV ([`spreadsheet_cell`]: no control characters, no
/// formula starts). Returns the number of rows.
pub fn write_unaligned_tsv(path: &Path, docs: &[AlignedDocument]) -> crate::Result<usize> {
    atomic_write(path, |out| {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b'\t')
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(out);
        w.write_record(["doc", "lang", "unit", "kind", "speaker", "line", "text"])?;
        let mut rows = 0;
        for u in docs.iter().flat_map(|d| &d.unaligned) {
            let unit = u.unit.to_string();
            let line = u.line.to_string();
            let cells = [
                u.doc.as_str(),
                u.lang.code(),
                &unit,
                u.kind.name_with(u.speaker.is_some()),
                u.speaker.as_deref().unwrap_or(""),
                &line,
                &u.text,
            ];
            w.write_record(cells.map(|c| spreadsheet_cell(c).0.into_owned()))?;
            rows += 1;
        }
        w.flush()?;
        Ok(rows)
    })
}

/// The temp-file-then-rename procedure shared by [`write_file`] and [`write_unaligned_tsv`].
fn atomic_write<T>(
    path: &Path,
    body: impl FnOnce(&mut io::BufWriter<&std::fs::File>) -> io::Result<T>,
) -> crate::Result<T> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| crate::Error::io(path, e))?;
    let result = {
        let mut buf = io::BufWriter::new(tmp.as_file());
        body(&mut buf).and_then(|v| buf.flush().map(|()| v))
    };
    let value = result.map_err(|e| crate::Error::io(path, e))?;
    // NamedTempFile is created private (0600); an export is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| crate::Error::io(path, e))?;
    }
    tmp.persist(path)
        .map_err(|e| crate::Error::io(path, e.error))?;
    Ok(value)
}

/// Moves staged files to their final paths as one step: all of them, or none. Each
/// `(from, to)` is renamed in order; a file already at `to` is first moved into
/// `backup_dir` (which must be on the same file system, e.g. inside the staging folder).
/// When a rename fails, every file moved so far goes back where it came from and every
/// replaced file is restored, so the output folder is left as it was before the run,
/// and the error names the path that could not be written. Renames within one file system
/// are atomic, which is what makes the undo reliable. Returns the final paths.
pub fn commit_staged(
    moves: &[(PathBuf, PathBuf)],
    backup_dir: &Path,
) -> crate::Result<Vec<PathBuf>> {
    // (index into `moves`, where the file it replaced was put)
    let mut done: Vec<(usize, Option<PathBuf>)> = Vec::with_capacity(moves.len());
    for (i, (from, to)) in moves.iter().enumerate() {
        match commit_one(from, to, &backup_dir.join(format!("replaced-{i}"))) {
            Ok(backup) => done.push((i, backup)),
            Err(e) => {
                for (j, backup) in done.iter().rev() {
                    let (from, to) = &moves[*j];
                    let _ = std::fs::rename(to, from);
                    if let Some(b) = backup {
                        let _ = std::fs::rename(b, to);
                    }
                }
                return Err(if to.is_dir() {
                    crate::Error::input(to, "is a directory; cannot write the output file there")
                } else {
                    crate::Error::io(to, e)
                });
            }
        }
    }
    Ok(moves.iter().map(|(_, to)| to.clone()).collect())
}

/// One step of [`commit_staged`]: set aside what is at `to` (a file or link, never a
/// folder), then move `from` there; on failure put the set-aside file back.
fn commit_one(from: &Path, to: &Path, backup: &Path) -> io::Result<Option<PathBuf>> {
    let existing = std::fs::symlink_metadata(to).is_ok_and(|m| !m.is_dir());
    let backup = if existing {
        std::fs::rename(to, backup)?;
        Some(backup.to_path_buf())
    } else {
        None
    };
    if let Err(e) = std::fs::rename(from, to) {
        if let Some(b) = &backup {
            let _ = std::fs::rename(b, to);
        }
        return Err(e);
    }
    Ok(backup)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A hand-built document with every kind of tricky text, shared by the writers' tests.
    use crate::model::{AlignedDocument, Pair, UnitKind};

    /// Builds a pair with the fields tests care about.
    pub fn pair(id: &str, doc: &str, en: &[&str], zh: &[&str], score: f64) -> Pair {
        Pair {
            id: id.to_string(),
            doc: doc.to_string(),
            date: Some("2025-03-07".to_string()),
            unit: 3,
            kind: UnitKind::Turn,
            speaker_en: Some("Wang Yi".to_string()),
            speaker_zh: Some("王毅".to_string()),
            en: en.iter().map(|s| s.to_string()).collect(),
            zh: zh.iter().map(|s| s.to_string()).collect(),
            score,
            lines: (1, 1),
            reviewed: false,
            clause: None,
        }
    }

    /// One document with: `&`, `<`, `"`, a U+0001, Chinese quotes, an emoji, a 2-1 bead,
    /// a low-score pair and a pair without speaker or date.
    pub fn doc() -> AlignedDocument {
        let mut title = pair(
            "d1-0001",
            "d1",
            &["Press <Conference> & \"Q&A\""],
            &["记者会"],
            0.9,
        );
        title.kind = UnitKind::Title;
        title.unit = 0;
        title.speaker_en = None;
        title.speaker_zh = None;
        title.date = None;
        AlignedDocument {
            id: "d1".to_string(),
            source: "in/d1 & co.md".to_string(),
            date: Some("2025-03-07".to_string()),
            pairs: vec![
                title,
                pair(
                    "d1-0002",
                    "d1",
                    &["Bad\u{1}char here."],
                    &["坏\u{1}字符。"],
                    0.8,
                ),
                pair(
                    "d1-0003",
                    "d1",
                    &["China said “yes”.", "We agree 😀."],
                    &["中方表示“同意”，我们赞同😀。"],
                    0.3,
                ),
            ],
            unaligned: vec![],
            agreement: None,
            chance_agreement: None,
            pairs_per_run: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_forbidden_only() {
        let (s, n) = clean_xml_text("a\u{1}b\tc\nd\u{FFFF}e\u{B}f😀");
        assert_eq!(s, "ab\tc\ndef😀");
        assert_eq!(n, 3);
        let (s, n) = clean_xml_text("plain “text”");
        assert!(matches!(s, Cow::Borrowed(_)));
        assert_eq!(n, 0);
    }

    #[test]
    fn iso_dates_become_tmx_dates() {
        assert_eq!(
            tmx_date_from_iso("2025-03-07").as_deref(),
            Some("20250307T000000Z")
        );
        for bad in [
            "2025-3-7",
            "2025-13-01",
            "2025-00-10",
            "20250307",
            "2025-03-07x",
            "２０２５-03-07",
        ] {
            assert_eq!(tmx_date_from_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
            assert_eq!(Format::parse(&f.name().to_uppercase()), Some(f));
        }
        assert_eq!(Format::parse("docx"), None);
        let tsv = WriteOptions {
            tsv: true,
            ..WriteOptions::default()
        };
        assert_eq!(Format::Csv.file_suffix(&tsv), ".tsv");
        assert_eq!(Format::Csv.file_suffix(&WriteOptions::default()), ".csv");
        assert_eq!(Format::Xliff21.file_suffix(&tsv), ".xliff21.xlf");
        assert_eq!(Format::Xliff12.extension(), "xlf");
    }

    #[test]
    fn defaults_and_lang_codes() {
        let o = WriteOptions::default();
        assert_eq!(o.lang_code(Lang::En), "en-US");
        assert_eq!(o.lang_code(Lang::Zh), "zh-CN");
        assert_eq!(o.source, Lang::Zh);
        assert_eq!(o.target(), Lang::En);
        assert!(o.creation_date.is_none() && !o.bom && !o.tsv);
        let mut p = test_support::pair("x", "d", &["a"], &["b"], f64::NAN);
        assert!(o.needs_review(&p));
        p.score = 0.5;
        assert!(!o.needs_review(&p));
        p.score = 0.4999;
        assert!(o.needs_review(&p));
    }

    #[test]
    fn ids_are_nmtokens_and_unique() {
        assert_eq!(nmtoken("2025-03-07_mfa.x"), "2025-03-07_mfa.x");
        assert_eq!(nmtoken("a b"), "a_20b");
        assert_eq!(nmtoken("会"), "_4f1a");
        assert_eq!(nmtoken(""), "_");
        let mut ids = UniqueIds::default();
        assert_eq!(ids.make("a".into()), "a");
        assert_eq!(ids.make("a".into()), "a-2");
        assert_eq!(ids.make("a".into()), "a-3");
    }

    #[test]
    fn xml_out_escapes() {
        let mut buf = Vec::new();
        let mut x = XmlOut::new(&mut buf);
        x.raw("<e").unwrap();
        x.attr("a", "x\"<&>\t\n\r\u{1}").unwrap();
        x.raw(">").unwrap();
        x.text("<&>\"\r\n\u{2}").unwrap();
        x.raw("</e>").unwrap();
        assert_eq!(x.finish().unwrap(), 2);
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "<e a=\"x&quot;&lt;&amp;&gt;&#9;&#10;&#13;\">&lt;&amp;&gt;\"&#13;\n</e>"
        );
    }

    #[test]
    fn write_file_is_atomic_and_names_path() {
        let dir = tempfile::tempdir().unwrap();
        let docs = vec![test_support::doc()];
        let p = dir.path().join("out.tmx");
        let stats = write_file(&p, Format::Tmx, &docs, &WriteOptions::default()).unwrap();
        assert_eq!(stats.pairs, 3);
        assert!(p.is_file());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );

        let bad = dir.path().join("missing").join("out.tmx");
        let err = write_file(&bad, Format::Tmx, &docs, &WriteOptions::default()).unwrap_err();
        assert!(err.to_string().contains("out.tmx"), "{err}");
        assert!(!bad.exists());
    }

    #[test]
    fn commit_is_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (stage, out) = (dir.path().join("stage"), dir.path().join("out"));
        std::fs::create_dir_all(&stage).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        let mut moves = Vec::new();
        for name in ["a", "b", "c", "d", "e"] {
            std::fs::write(stage.join(name), format!("new {name}")).unwrap();
            moves.push((stage.join(name), out.join(name)));
        }
        // Two files from an earlier run; the third target cannot be written (a folder).
        std::fs::write(out.join("a"), "old a").unwrap();
        std::fs::write(out.join("b"), "old b").unwrap();
        std::fs::create_dir(out.join("c")).unwrap();
        let err = commit_staged(&moves, &stage).unwrap_err().to_string();
        assert!(err.contains("is a directory"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "old a");
        assert_eq!(std::fs::read_to_string(out.join("b")).unwrap(), "old b");
        assert!(!out.join("d").exists() && !out.join("e").exists());
        for name in ["a", "b", "d", "e"] {
            assert!(stage.join(name).is_file(), "{name} back in staging");
        }
        // Without the obstacle every file lands and the old ones are replaced.
        std::fs::remove_dir(out.join("c")).unwrap();
        let written = commit_staged(&moves, &stage).unwrap();
        assert_eq!(written.len(), 5);
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(out.join("e")).unwrap(), "new e");
    }

    #[test]
    fn unaligned_tsv_rows() {
        use crate::model::{Unaligned, UnitKind};
        let dir = tempfile::tempdir().unwrap();
        let mut d = test_support::doc();
        d.unaligned = vec![
            Unaligned {
                doc: "d1".into(),
                lang: Lang::Zh,
                unit: 2,
                kind: UnitKind::Heading,
                speaker: None,
                text: "据新华社".into(),
                line: 7,
            },
            Unaligned {
                doc: "d1".into(),
                lang: Lang::En,
                unit: 4,
                kind: UnitKind::Turn,
                speaker: Some("Mao Ning".into()),
                text: "tab\there".into(),
                line: 12,
            },
        ];
        let p = dir.path().join("unaligned.tsv");
        assert_eq!(write_unaligned_tsv(&p, &[d]).unwrap(), 2);
        let text = std::fs::read_to_string(&p).unwrap();
        assert_eq!(
            text,
            "doc\tlang\tunit\tkind\tspeaker\tline\ttext\n\
             d1\tzh\t2\theading\t\t7\t据新华社\n\
             d1\ten\t4\tturn\tMao Ning\t12\t\"tab\there\"\n"
        );
    }
}
