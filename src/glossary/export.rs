//! Glossary exports: one [`Entry`] list, written in the layout each termbase, CAT tool or
//! machine-translation service imports without manual fixing.
//!
//! No common glossary CSV exists (see `shared/docs/formats.md` §3), so every target gets its
//! own writer in `export/`:
//!
//! | format | file | layout |
//! |---|---|---|
//! | `csv` | `glossary.csv` | header `zh,en,category,variants,…`, BOM, CRLF (spreadsheets) |
//! | `omegat` | `glossary.utf8` | `#` comment line, then `source⇥target⇥comment` |
//! | `deepl` | `glossary.deepl.csv` | `source,target`, no header, no BOM, DeepL's limits enforced |
//! | `google` | `glossary.google.csv` | `source,target`, no header (unidirectional glossary) |
//! | `google-equivalent` | `glossary.google-equivalent.csv` | header of language codes + `description` |
//! | `phrase` | `glossary.phrase.csv` | Phrase Strings: `term,description,<locale>,<locale>` |
//! | `memoq` | `glossary.memoq.csv` | memoQ's own CSV column names (`Entry_Subject`, `Chinese_PRC`, …) |
//! | `trados` | `glossary.trados.csv` | MultiTerm Convert spreadsheet: language-name headers |
//! | `tbx` | `glossary.tbx` | TBX-Basic, ISO 30042:2019 (`tbx`/`conceptEntry`/`langSec`/`termSec`) |
//! | `tbx2008` | `glossary.2008.tbx` | TBX-Basic, ISO 30042:2008 (`martif`/`termEntry`/`langSet`/`tig`) |
//! | `xlsx` | `glossary.xlsx` | the `csv` columns in a workbook: header frozen, autofilter, examples wrapped |
//!
//! Direction (`opts.source`) decides the column order of the directional formats (OmegaT,
//! DeepL, Google unidirectional) and, for readability, of the termbase spreadsheets and TBX;
//! the generic CSV keeps Chinese first whatever the direction, so that its columns never move.
//!
//! When English is the source, the directional formats also list every English variant as a
//! source term of its own: a translator (or MT engine) reading an older text that says
//! "community with a shared future for mankind" must still be pointed to 人类命运共同体. When
//! Chinese is the source the variants only appear in comments, since a glossary must map one
//! source to one target.
//!
//! Spreadsheet-bound formats (`csv`, `phrase`, `memoq`, `trados`) neutralize cells that Excel
//! or LibreOffice would run as a formula (CSV injection): a cell starting with `=`, `+`, `-`,
//! `@`, tab or CR gets a leading `'`, which spreadsheets treat as "text follows" and hide.
//! Machine formats (`omegat`, `deepl`, `google*`, `tbx*`) never do this: there the apostrophe
//! would become part of the term and the term would never match. Every CSV layout removes
//! the control characters XML 1.0 forbids (ESC and the like), as the pairs CSV does.
//!
//! Review status ([`Status`]): discovered candidates are unreviewed. The machine-translation
//! glossaries (`deepl`, `google`, `google-equivalent`) leave them out unless
//! [`GlossaryOptions::include_candidates`], with a warning counting them; the other layouts
//! keep them and say so: a `status` column in `csv`, a note in the comment/description/note
//! fields of `omegat`, `phrase`, `memoq` and `trados`, and in TBX a `note` plus the
//! `admittedTerm-admn-sts` status instead of `preferredTerm-admn-sts`.

mod deepl;
mod generic;
mod google;
mod memoq;
mod omegat;
mod phrase;
mod tbx;
mod tbx2008;
mod trados;
mod xlsx;

use std::io;

use super::{Entry, Status};
use crate::model::Lang;

/// Glossary layouts `terms --format` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GlossaryFormat {
    /// Generic CSV for spreadsheets.
    Csv,
    /// OmegaT glossary (tab-separated, `.utf8`).
    Omegat,
    /// DeepL glossary CSV.
    Deepl,
    /// Google Cloud Translation unidirectional glossary.
    Google,
    /// Google Cloud Translation equivalent-term-set glossary.
    GoogleEquivalent,
    /// Phrase Strings glossary CSV.
    Phrase,
    /// memoQ termbase CSV.
    Memoq,
    /// Trados MultiTerm (MultiTerm Convert spreadsheet layout).
    Trados,
    /// TBX-Basic (ISO 30042:2019).
    Tbx,
    /// TBX 2008 (`martif`) for older readers.
    Tbx2008,
    /// XLSX workbook with the generic CSV's columns, for spreadsheet review.
    Xlsx,
}

impl GlossaryFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [GlossaryFormat; 11] = [
        GlossaryFormat::Csv,
        GlossaryFormat::Omegat,
        GlossaryFormat::Deepl,
        GlossaryFormat::Google,
        GlossaryFormat::GoogleEquivalent,
        GlossaryFormat::Phrase,
        GlossaryFormat::Memoq,
        GlossaryFormat::Trados,
        GlossaryFormat::Tbx,
        GlossaryFormat::Tbx2008,
        GlossaryFormat::Xlsx,
    ];

    /// Parses a `--format` value (the names [`GlossaryFormat::name`] returns, ASCII case
    /// ignored).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            GlossaryFormat::Csv => "csv",
            GlossaryFormat::Omegat => "omegat",
            GlossaryFormat::Deepl => "deepl",
            GlossaryFormat::Google => "google",
            GlossaryFormat::GoogleEquivalent => "google-equivalent",
            GlossaryFormat::Phrase => "phrase",
            GlossaryFormat::Memoq => "memoq",
            GlossaryFormat::Trados => "trados",
            GlossaryFormat::Tbx => "tbx",
            GlossaryFormat::Tbx2008 => "tbx2008",
            GlossaryFormat::Xlsx => "xlsx",
        }
    }

    /// Whether this is a machine-translation glossary (DeepL, Google): applied to text
    /// without a person looking, and with no place to mark an entry as unreviewed.
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            GlossaryFormat::Deepl | GlossaryFormat::Google | GlossaryFormat::GoogleEquivalent
        )
    }

    /// The output file name. OmegaT reads `.utf8` files as UTF-8 without guessing (a `.txt`
    /// or `.tab` file may be read in the platform charset), and the two TBX versions must not
    /// overwrite each other.
    pub fn file_name(self) -> &'static str {
        match self {
            GlossaryFormat::Csv => "glossary.csv",
            GlossaryFormat::Omegat => "glossary.utf8",
            GlossaryFormat::Deepl => "glossary.deepl.csv",
            GlossaryFormat::Google => "glossary.google.csv",
            GlossaryFormat::GoogleEquivalent => "glossary.google-equivalent.csv",
            GlossaryFormat::Phrase => "glossary.phrase.csv",
            GlossaryFormat::Memoq => "glossary.memoq.csv",
            GlossaryFormat::Trados => "glossary.trados.csv",
            GlossaryFormat::Tbx => "glossary.tbx",
            GlossaryFormat::Tbx2008 => "glossary.2008.tbx",
            GlossaryFormat::Xlsx => "glossary.xlsx",
        }
    }
}

/// Options of the glossary writers.
#[derive(Clone, Debug)]
pub struct GlossaryOptions {
    /// Language tag for Chinese (default `zh-CN`).
    pub zh_code: String,
    /// Language tag for English (default `en-US`).
    pub en_code: String,
    /// Source language where the format is directional.
    pub source: Lang,
    /// Write a UTF-8 BOM in the spreadsheet-bound formats that take one (generic CSV, memoQ,
    /// Trados; default true): Excel reads a BOM-less UTF-8 CSV in the ANSI code page and
    /// garbles the Chinese. Never written for DeepL, Google, Phrase and OmegaT, whose
    /// importers would take it as part of the first term or header name.
    pub bom: bool,
    /// Write unreviewed entries ([`Status::Unreviewed`], discovered candidates) into the
    /// machine-translation glossaries too (default false). DeepL and Google apply every
    /// entry to every sentence and have no column to say an entry is unchecked, so a wrong
    /// candidate (a negation lost, a fragment) would be forced into every translation.
    /// The other layouts always hold them, marked.
    pub include_candidates: bool,
    /// XLSX: the workbook's creation date (`YYYY-MM-DD` or `YYYYMMDDThhmmssZ`, e.g. from
    /// `SOURCE_DATE_EPOCH`); when `None`, the latest date an entry was seen, so that the
    /// same entries give the same file.
    pub creation_date: Option<String>,
}

impl Default for GlossaryOptions {
    fn default() -> Self {
        GlossaryOptions {
            zh_code: "zh-CN".into(),
            en_code: "en-US".into(),
            source: Lang::Zh,
            bom: true,
            include_candidates: false,
            creation_date: None,
        }
    }
}

impl GlossaryOptions {
    /// The language tag of `lang`.
    pub fn code(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh_code,
            Lang::En => &self.en_code,
        }
    }

    /// The target language (the one that is not the source).
    pub fn target(&self) -> Lang {
        self.source.other()
    }
}

/// Write `entries` in `format`. Returns warnings (e.g. entries refused by a format's limits,
/// unreviewed entries left out of a machine-translation glossary).
pub fn write<W: io::Write>(
    out: W,
    format: GlossaryFormat,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    let mut notes = Vec::new();
    let reviewed: Vec<Entry>;
    let entries = if format.is_machine() && !opts.include_candidates {
        reviewed = entries
            .iter()
            .filter(|e| e.status == Status::Reviewed)
            .cloned()
            .collect();
        let left_out = entries.len() - reviewed.len();
        if left_out > 0 {
            notes.push(format!(
                "{}: {left_out} unreviewed candidate(s) left out (a machine translation would \
                 apply them unchecked; review them in the CSV or TBX glossary, or add \
                 --include-candidates)",
                format.name()
            ));
        }
        &reviewed[..]
    } else {
        entries
    };
    let mut out = io::BufWriter::new(out);
    let warnings = match format {
        GlossaryFormat::Csv => generic::write(&mut out, entries, opts)?,
        GlossaryFormat::Omegat => omegat::write(&mut out, entries, opts)?,
        GlossaryFormat::Deepl => deepl::write(&mut out, entries, opts)?,
        GlossaryFormat::Google => google::write_unidirectional(&mut out, entries, opts)?,
        GlossaryFormat::GoogleEquivalent => google::write_equivalent(&mut out, entries, opts)?,
        GlossaryFormat::Phrase => phrase::write(&mut out, entries, opts)?,
        GlossaryFormat::Memoq => memoq::write(&mut out, entries, opts)?,
        GlossaryFormat::Trados => trados::write(&mut out, entries, opts)?,
        GlossaryFormat::Tbx => tbx::write(&mut out, entries, opts)?,
        GlossaryFormat::Tbx2008 => tbx2008::write(&mut out, entries, opts)?,
        GlossaryFormat::Xlsx => xlsx::write(&mut out, entries, opts)?,
    };
    io::Write::flush(&mut out)?;
    notes.extend(warnings);
    Ok(notes)
}

/// The preferred term of `e` in `lang`.
fn term(e: &Entry, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &e.zh,
        Lang::En => &e.en,
    }
}

/// The English variants worth writing: non-empty, not the preferred term again, no repeats
/// (the list comes from aligned text and may contain both).
fn variants(e: &Entry) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for v in &e.variants {
        let v = v.trim();
        if !v.is_empty() && v != e.en.trim() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The source-side forms of `e` for directional formats: the preferred term, then (English
/// source only) each variant, flagged `true`. See the module documentation for why.
fn source_forms(e: &Entry, source: Lang) -> Vec<(&str, bool)> {
    let mut forms = vec![(term(e, source), false)];
    if source == Lang::En {
        forms.extend(variants(e).into_iter().map(|v| (v, true)));
    }
    forms
}

/// A one-line human summary of what a two-term layout cannot hold in columns: whether it
/// is unreviewed, category, variants, how many documents and when. Used as
/// comment/description/note text.
fn summary(e: &Entry) -> String {
    let category = (!e.category.is_empty()).then(|| format!("category: {}", e.category));
    join_notes(review_note(e), category, e)
}

/// [`summary`] without the category, for layouts that have a column of their own for it.
fn details(e: &Entry) -> String {
    join_notes(review_note(e), None, e)
}

/// The review note, then `extra`, variants and where the term was seen, joined by `; `.
fn join_notes(review: Option<String>, extra: Option<String>, e: &Entry) -> String {
    let mut parts: Vec<String> = review.into_iter().collect();
    parts.extend(extra);
    let vars = variants(e);
    if !vars.is_empty() {
        parts.push(format!("variants: {}", vars.join(" | ")));
    }
    parts.extend(seen(e));
    parts.join("; ")
}

/// What a note says about an unreviewed entry, so that a translator or terminologist
/// reading any layout knows not to trust it yet, and how far (its confidence, when known);
/// `None` for reviewed entries.
pub(crate) fn review_note(e: &Entry) -> Option<String> {
    (e.status == Status::Unreviewed).then(|| {
        let base = "unreviewed candidate: discovered in aligned text, not checked by a person";
        match e.confidence {
            Some(c) => format!(
                "{base}; confidence {c:.2} (the share of candidates with its kind of evidence \
                 found right by reading)"
            ),
            None => base.to_string(),
        }
    })
}

/// [`review_note`] and [`seen`] in one note, for layouts with a single note field.
fn notes(e: &Entry) -> String {
    review_note(e)
        .into_iter()
        .chain(seen(e))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "12 documents, 2013-03-23 to 2024-05-01", or whatever part of it is known.
fn seen(e: &Entry) -> Option<String> {
    let docs = match e.documents.len() {
        0 => None,
        1 => Some("1 document".to_string()),
        n => Some(format!("{n} documents")),
    };
    let dates = match (&e.first_seen, &e.last_seen) {
        (Some(a), Some(b)) if a == b => Some(a.clone()),
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, Some(b)) => Some(format!("until {b}")),
        (None, None) => None,
    };
    match (docs, dates) {
        (Some(d), Some(t)) => Some(format!("seen in {d}, {t}")),
        (Some(d), None) => Some(format!("seen in {d}")),
        (None, Some(t)) => Some(format!("seen {t}")),
        (None, None) => None,
    }
}

/// A CSV writer with RFC 4180 quoting (only where needed) and the given line ending.
fn csv_writer<W: io::Write>(out: W, crlf: bool) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(if crlf {
            ::csv::Terminator::CRLF
        } else {
            ::csv::Terminator::Any(b'\n')
        })
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out)
}

/// Writes one CSV record. Every cell loses the control characters XML 1.0 forbids (ESC and
/// the other C0 controls but tab and line breaks, as in the pairs CSV: they can drive a
/// terminal that prints the file and mean nothing in a term); when `spreadsheet`, cells are
/// also neutralized against formula injection ([`crate::write::spreadsheet_cell`], the one
/// rule every CSV we write shares; see the module documentation).
fn row<W: io::Write>(
    w: &mut ::csv::Writer<W>,
    cells: &[&str],
    spreadsheet: bool,
) -> io::Result<()> {
    let clean = |c: &str| -> String {
        if spreadsheet {
            crate::write::spreadsheet_cell(c).0.into_owned()
        } else {
            crate::write::clean_xml_text(c).0.into_owned()
        }
    };
    w.write_record(cells.iter().map(|c| clean(c)))
        .map_err(csv_err)
}

/// Writes the UTF-8 BOM when asked to.
fn bom<W: io::Write>(out: &mut W, on: bool) -> io::Result<()> {
    if on {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    Ok(())
}

/// Converts a CSV error into the `io::Error` the public API returns (the csv crate wraps
/// I/O errors; anything else cannot happen with string records but is kept, not dropped).
fn csv_err(e: ::csv::Error) -> io::Error {
    if e.is_io_error() {
        match e.into_kind() {
            ::csv::ErrorKind::Io(io) => io,
            other => io::Error::other(format!("{other:?}")),
        }
    } else {
        io::Error::other(e)
    }
}

/// A short, printable form of a term for warnings: at most 60 characters, control
/// characters shown escaped.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).flat_map(char::escape_debug).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// The English display name memoQ and MultiTerm use for a language tag, for header rows.
/// Only the tags this tool writes are known; anything else is returned as given, which both
/// tools let the user map in their import dialogs.
fn language_name(code: &str) -> Option<(&'static str, Option<&'static str>)> {
    let lower = code.to_ascii_lowercase().replace('_', "-");
    Some(match lower.as_str() {
        "zh" | "zh-hans" => ("Chinese", None),
        "zh-cn" | "zh-hans-cn" => ("Chinese", Some("PRC")),
        "zh-tw" | "zh-hant-tw" => ("Chinese", Some("Taiwan")),
        "zh-hk" | "zh-hant-hk" => ("Chinese", Some("Hong Kong S.A.R.")),
        "zh-sg" | "zh-hans-sg" => ("Chinese", Some("Singapore")),
        "en" => ("English", None),
        "en-us" => ("English", Some("United States")),
        "en-gb" => ("English", Some("United Kingdom")),
        "en-au" => ("English", Some("Australia")),
        "en-ca" => ("English", Some("Canada")),
        _ => return None,
    })
}

#[cfg(test)]
pub(crate) mod test_fixture {
    //! Shared fixture of the per-format unit tests: every awkward case the brief lists.
    use crate::glossary::Entry;

    /// A term of 1100 bytes (over DeepL's 1024-byte limit).
    pub fn long_term() -> String {
        "长".repeat(1100 / 3 + 1)
    }

    pub fn entries() -> Vec<Entry> {
        vec![
            Entry {
                zh: "人类命运共同体".into(),
                en: "community with a shared future for humanity".into(),
                variants: vec![
                    "community with a shared future for mankind".into(),
                    "community of common destiny for mankind".into(),
                ],
                category: "concept".into(),
                documents: vec!["2024-05-01-mfa".into(), "2013-03-23-mfa".into()],
                first_seen: Some("2013-03-23".into()),
                last_seen: Some("2024-05-01".into()),
                example_zh: "构建人类命运共同体。".into(),
                example_en: "Build a community with a shared future for humanity.".into(),
                status: crate::glossary::Status::Reviewed,
                confidence: None,
            },
            Entry {
                zh: "=一带一路".into(),
                en: "-Belt and Road".into(),
                variants: vec!["+B&R".into(), "@BRI".into()],
                category: "initiative".into(),
                ..Entry::default()
            },
            Entry {
                zh: "和平、发展".into(),
                en: "peace, development, \"fairness\"".into(),
                category: "concept".into(),
                ..Entry::default()
            },
            Entry {
                zh: "制表\t符".into(),
                en: "tab\tterm".into(),
                category: "other".into(),
                ..Entry::default()
            },
            Entry {
                zh: long_term(),
                en: "long term".into(),
                category: "other".into(),
                ..Entry::default()
            },
            Entry {
                zh: "地球🌍".into(),
                en: "Earth 🌍 <&>\u{1}".into(),
                category: "other".into(),
                ..Entry::default()
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::neutralize_formula as neutralize;
    use std::borrow::Cow;

    #[test]
    fn names_and_files_round_trip() {
        let names = [
            "csv",
            "omegat",
            "deepl",
            "google",
            "google-equivalent",
            "phrase",
            "memoq",
            "trados",
            "tbx",
            "tbx2008",
            "xlsx",
        ];
        for (f, n) in GlossaryFormat::ALL.into_iter().zip(names) {
            assert_eq!(f.name(), n);
            assert_eq!(GlossaryFormat::parse(n), Some(f));
            assert_eq!(GlossaryFormat::parse(&n.to_uppercase()), Some(f));
        }
        assert_eq!(GlossaryFormat::parse("xls"), None);
        assert_eq!(GlossaryFormat::Omegat.file_name(), "glossary.utf8");
        assert_eq!(GlossaryFormat::Tbx2008.file_name(), "glossary.2008.tbx");
        let mut files: Vec<_> = GlossaryFormat::ALL.iter().map(|f| f.file_name()).collect();
        files.sort_unstable();
        files.dedup();
        assert_eq!(files.len(), 11);
    }

    #[test]
    fn neutralize_only_formula_starts() {
        assert_eq!(neutralize("=1+1"), "'=1+1");
        assert_eq!(neutralize("-x"), "'-x");
        assert_eq!(neutralize("+x"), "'+x");
        assert_eq!(neutralize("@x"), "'@x");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("\rx"), "'\rx");
        assert!(matches!(neutralize("a=b"), Cow::Borrowed(_)));
        assert_eq!(neutralize(""), "");
    }

    /// A reviewed list entry and an unreviewed candidate written in every format.
    fn with_candidate(format: GlossaryFormat, include: bool) -> (String, Vec<String>) {
        let entries = [
            Entry {
                zh: "全球南方".into(),
                en: "Global South".into(),
                category: "concept".into(),
                ..Entry::default()
            },
            Entry {
                zh: "中外".into(),
                en: "Committee and Foreign".into(),
                category: "candidate".into(),
                status: Status::Unreviewed,
                confidence: Some(0.27),
                ..Entry::default()
            },
        ];
        let opts = GlossaryOptions {
            include_candidates: include,
            bom: false,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        let warnings = write(&mut buf, format, &entries, &opts).unwrap();
        (String::from_utf8(buf).unwrap(), warnings)
    }

    #[test]
    fn machine_glossaries_get_reviewed_entries_unless_asked() {
        // XLSX is binary; its status column is read back by LibreOffice in the client tests.
        let text_formats = GlossaryFormat::ALL
            .into_iter()
            .filter(|f| *f != GlossaryFormat::Xlsx);
        for format in text_formats {
            let (text, warnings) = with_candidate(format, false);
            assert!(text.contains("Global South"), "{format:?}");
            if format.is_machine() {
                assert!(!text.contains("中外"), "{format:?}: {text}");
                assert_eq!(warnings.len(), 1, "{format:?}");
                assert!(warnings[0].contains("1 unreviewed candidate(s) left out"));
                let (text, warnings) = with_candidate(format, true);
                assert!(text.contains("中外") && warnings.is_empty(), "{format:?}");
            } else {
                // Every other layout keeps the candidate and says it is unreviewed.
                assert!(text.contains("中外"), "{format:?}");
                assert!(text.contains("unreviewed"), "{format:?}: {text}");
                assert!(warnings.is_empty(), "{format:?}: {warnings:?}");
                // Where the layout has a note, it says how far to trust the candidate.
                if text.contains("not checked by a person") {
                    assert!(text.contains("confidence 0.27"), "{format:?}: {text}");
                }
            }
        }
        let (csv, _) = with_candidate(GlossaryFormat::Csv, false);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("zh-CN,en-US,status,category,"));
        assert!(lines[1].starts_with("全球南方,Global South,reviewed,concept,"));
        assert!(lines[2].starts_with("中外,Committee and Foreign,unreviewed,candidate,"));
        let (tbx, _) = with_candidate(GlossaryFormat::Tbx, false);
        let candidate = &tbx[tbx.find("中外").unwrap() - 600..];
        assert!(candidate.contains("<note>unreviewed candidate"), "{tbx}");
        assert!(candidate.contains("confidence 0.27"), "{tbx}");
        assert!(tbx.contains("preferredTerm-admn-sts"));
        assert_eq!(tbx.matches("admittedTerm-admn-sts").count(), 2, "{tbx}");
    }

    #[test]
    fn control_characters_leave_every_csv() {
        let entries = [Entry {
            zh: "地球\u{1b}[31m".into(),
            en: "Earth\u{7}".into(),
            category: "other\u{1b}".into(),
            ..Entry::default()
        }];
        for format in GlossaryFormat::ALL {
            if format == GlossaryFormat::Xlsx {
                continue; // binary; cells are cleaned by write::write_table
            }
            let mut buf = Vec::new();
            write(&mut buf, format, &entries, &GlossaryOptions::default()).unwrap();
            let text = String::from_utf8(buf).unwrap();
            assert!(!text.contains(['\u{1b}', '\u{7}']), "{format:?}: {text:?}");
        }
    }

    #[test]
    fn variants_skip_preferred_and_repeats() {
        let e = Entry {
            en: "a".into(),
            variants: vec!["a".into(), "b".into(), " b ".into(), "".into(), "c".into()],
            ..Entry::default()
        };
        assert_eq!(variants(&e), ["b", "c"]);
        assert_eq!(source_forms(&e, Lang::En).len(), 3);
        assert_eq!(source_forms(&e, Lang::Zh).len(), 1);
    }

    #[test]
    fn summary_says_what_is_known() {
        let e = &test_fixture::entries()[0];
        assert_eq!(
            summary(e),
            "category: concept; variants: community with a shared future for mankind | \
             community of common destiny for mankind; seen in 2 documents, 2013-03-23 to 2024-05-01"
        );
        assert_eq!(summary(&Entry::default()), "");
    }

    #[test]
    fn language_names() {
        assert_eq!(language_name("zh-CN"), Some(("Chinese", Some("PRC"))));
        assert_eq!(
            language_name("en_US"),
            Some(("English", Some("United States")))
        );
        assert_eq!(language_name("fr"), None);
    }
}
