//! Review in the browser, and the corrections back into the memories.
//!
//! `export --review` writes, beside the memories, one self-contained HTML page per document
//! ([`page`]) and `review.json`, the export's [`Record`]: the aligned documents exactly as
//! they were written, the writer options, and which memory files each document went into.
//! The translator corrects the alignment in the page, which saves a small decisions file
//! ([`Decisions`]); `apply` reads the record, carries out the decisions ([`decide`]), and
//! rewrites the memories through the same writers, with the same options. Keeping the
//! record instead of aligning the inputs again makes `apply` independent of the inputs
//! (moved, edited, or aligned differently by a newer release): the decisions refer to the
//! sentences the translator saw, and a fingerprint of the document guards that they still
//! do. With no decisions the memories come out byte for byte as exported.

pub mod decide;
pub mod page;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::AlignedDocument;
use crate::write::{self, Format, WriteOptions};
use crate::{Error, Result};

pub use decide::{apply_decisions, Decision, Direction, Workspace};

/// File name of the export record `export --review` writes into the output folder.
pub const RECORD_FILE: &str = "review.json";
/// Version of the record and decisions formats; a file from another version is refused.
pub const FORMAT_VERSION: u32 = 1;

/// The suffix of a document's review page: `DOC.review.html`.
pub const PAGE_SUFFIX: &str = ".review.html";

/// What `apply` needs to write an export again: options, files, documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// [`FORMAT_VERSION`].
    pub zhen_tm_review: u32,
    /// The writer options of the export.
    pub options: WriteOptions,
    /// The memory files, by group (one group per document, or one for `--merge`).
    pub outputs: Vec<OutputGroup>,
    /// The documents as written (after normalisation, minimum score and de-duplication).
    pub documents: Vec<AlignedDocument>,
    /// [`fingerprint`] of each document by id, taken when the record was written: what a
    /// decisions file must carry. Kept rather than recomputed so that a newer zhen-tm,
    /// whose model may serialise differently, still accepts decisions made on this export.
    pub fingerprints: std::collections::BTreeMap<String, String>,
}

impl Record {
    /// The record of an export: its writer options, memory files and unaligned reports,
    /// and documents, with each document's fingerprint.
    pub fn new(
        options: &WriteOptions,
        outputs: Vec<OutputGroup>,
        documents: Vec<AlignedDocument>,
    ) -> Record {
        let fingerprints = documents
            .iter()
            .map(|d| (d.id.clone(), fingerprint(d)))
            .collect();
        Record {
            zhen_tm_review: FORMAT_VERSION,
            options: options.clone(),
            outputs,
            documents,
            fingerprints,
        }
    }
}

/// The memory files written for one group of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputGroup {
    /// The group's name (document id, or the `--merge` name).
    pub name: String,
    /// Ids of the documents in the group, in order.
    pub documents: Vec<String>,
    /// The files: format name ([`Format::name`]) and file name in the output folder.
    pub files: Vec<OutputFile>,
    /// The file name of the group's unaligned-sentence report.
    pub unaligned: String,
}

/// One memory file of a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputFile {
    /// [`Format::name`] of the format.
    pub format: String,
    /// File name in the output folder.
    pub file: String,
}

impl OutputGroup {
    /// A group as `export` plans it: its name, its documents, its (format, file name)s and
    /// its unaligned report.
    pub fn new(
        name: &str,
        docs: &[AlignedDocument],
        files: &[(Format, String)],
        unaligned: &str,
    ) -> Self {
        OutputGroup {
            name: name.to_string(),
            documents: docs.iter().map(|d| d.id.clone()).collect(),
            files: files
                .iter()
                .map(|(f, file)| OutputFile {
                    format: f.name().to_string(),
                    file: file.clone(),
                })
                .collect(),
            unaligned: unaligned.to_string(),
        }
    }
}

/// The format a record names: any of [`Format::ALL`], or the review TMX.
fn format_named(name: &str) -> Option<Format> {
    Format::ALL
        .into_iter()
        .chain([Format::TmxReview])
        .find(|f| f.name() == name)
}

/// A decisions file as the review page saves it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    /// [`FORMAT_VERSION`].
    pub zhen_tm_decisions: u32,
    /// Id of the document reviewed.
    pub document: String,
    /// [`fingerprint`] of the document the decisions were made on.
    pub fingerprint: String,
    /// The decisions, in the order they were made.
    pub decisions: Vec<Decision>,
}

/// A short stable hash (FNV-1a, 64 bits, hex) of a document as recorded, so that decisions
/// made on one export are not applied to another whose sentences are numbered differently.
/// Fixed here rather than taken from the standard library, whose hasher may change between
/// releases.
pub fn fingerprint(doc: &AlignedDocument) -> String {
    let json = serde_json::to_vec(doc).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Writes the review files of an export into `dir`: `review.json` and one page per
/// document. Returns the file names written (relative to `dir`), so that a caller staging
/// its output can move them into place with the rest.
pub fn write_review_files(dir: &Path, record: &Record) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let json = serde_json::to_vec_pretty(record).map_err(|e| {
        Error::input(
            dir.join(RECORD_FILE),
            format!("cannot write the record: {e}"),
        )
    })?;
    let path = dir.join(RECORD_FILE);
    std::fs::write(&path, json).map_err(|e| Error::io(&path, e))?;
    names.push(RECORD_FILE.to_string());
    for doc in &record.documents {
        let name = format!("{}{PAGE_SUFFIX}", doc.id);
        let path = dir.join(&name);
        let fp = record
            .fingerprints
            .get(&doc.id)
            .cloned()
            .unwrap_or_else(|| fingerprint(doc));
        let html = page::render(doc, &fp, record.options.review_below);
        std::fs::write(&path, html).map_err(|e| Error::io(&path, e))?;
        names.push(name);
    }
    Ok(names)
}

/// Reads a JSON file of this module (`what` says what it should be, for the error), refusing
/// another format version than [`FORMAT_VERSION`] (`version` reads it).
fn read_versioned<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
    version: fn(&T) -> u32,
) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let value: T = serde_json::from_slice(&bytes)
        .map_err(|e| Error::at_line(path, e.line(), format!("not {what} ({e})")))?;
    let v = version(&value);
    if v != FORMAT_VERSION {
        return Err(Error::input(
            path,
            format!("{what}, version {v} (this zhen-tm reads {FORMAT_VERSION})"),
        ));
    }
    Ok(value)
}

/// Reads an export record, refusing another format version.
pub fn read_record(path: &Path) -> Result<Record> {
    read_versioned(
        path,
        "a zhen-tm review record (run `zhen-tm export --review` again)",
        |r: &Record| r.zhen_tm_review,
    )
}

/// Reads a decisions file saved by the review page.
pub fn read_decisions(path: &Path) -> Result<Decisions> {
    read_versioned(
        path,
        "a decisions file saved by the review page",
        |d: &Decisions| d.zhen_tm_decisions,
    )
}

/// What `apply` did to one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The document id.
    pub document: String,
    /// Decisions carried out, by kind, in [`Decision::name`] order of first use.
    pub counts: Vec<(&'static str, usize)>,
    /// Pairs before and after.
    pub pairs: (usize, usize),
    /// Unaligned sentences before and after.
    pub unaligned: (usize, usize),
}

/// Applies decisions files to the export in `dir` (which holds `review.json`) and rewrites
/// its memories, its unaligned report, its record and its review pages, all or nothing:
/// everything is written and checked in a staging folder first and moved into place only
/// when all of it succeeded. Each decisions file must name a document of the record and
/// carry its fingerprint. Returns what was done per document and the files written.
pub fn apply(dir: &Path, decision_files: &[PathBuf]) -> Result<(Vec<Applied>, Vec<PathBuf>)> {
    let record_path = dir.join(RECORD_FILE);
    if !record_path.is_file() {
        return Err(Error::input(
            &record_path,
            "no review record here; export with --review first (or give the export's folder with -o)",
        ));
    }
    let mut record = read_record(&record_path)?;
    let mut applied = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for path in decision_files {
        let d = read_decisions(path)?;
        let Some(doc) = record.documents.iter_mut().find(|x| x.id == d.document) else {
            return Err(Error::input(
                path,
                format!(
                    "document {:?} is not in {}",
                    d.document,
                    record_path.display()
                ),
            ));
        };
        if seen.contains(&d.document) {
            return Err(Error::input(
                path,
                format!("a second decisions file for document {:?}", d.document),
            ));
        }
        seen.push(d.document.clone());
        if record.fingerprints.get(&d.document) != Some(&d.fingerprint) {
            return Err(Error::input(
                path,
                format!(
                    "the decisions were made on another export of {:?} (or were applied \
                     already); review the current page {}{PAGE_SUFFIX}",
                    d.document, d.document
                ),
            ));
        }
        let new = apply_decisions(doc, &d.decisions).map_err(|e| Error::input(path, e))?;
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for x in &d.decisions {
            match counts.iter_mut().find(|(n, _)| *n == x.name()) {
                Some((_, c)) => *c += 1,
                None => counts.push((x.name(), 1)),
            }
        }
        applied.push(Applied {
            document: d.document.clone(),
            counts,
            pairs: (doc.pairs.len(), new.pairs.len()),
            unaligned: (doc.unaligned.len(), new.unaligned.len()),
        });
        if !d.decisions.is_empty() {
            record
                .fingerprints
                .insert(d.document.clone(), fingerprint(&new));
        }
        *doc = new;
    }
    let written = write_export(dir, &record)?;
    Ok((applied, written))
}

/// Writes every memory file the record lists, the unaligned report, the record and the
/// pages into a staging folder in `dir`, validates the XML ones, then moves them into place
/// together ([`write::commit_staged`]).
fn write_export(dir: &Path, record: &Record) -> Result<Vec<PathBuf>> {
    let opts = record.options.clone();
    let staging = tempfile::Builder::new()
        .prefix(".zhen-tm-staging-")
        .tempdir_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let stage = staging.path();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for group in &record.outputs {
        let docs: Vec<AlignedDocument> = group
            .documents
            .iter()
            .filter_map(|id| record.documents.iter().find(|d| &d.id == id).cloned())
            .collect();
        for f in &group.files {
            let format = format_named(&f.format).ok_or_else(|| {
                Error::input(
                    dir.join(RECORD_FILE),
                    format!("unknown format {:?} for {}", f.format, f.file),
                )
            })?;
            if Path::new(&f.file).file_name() != Some(std::ffi::OsStr::new(&f.file)) {
                return Err(Error::input(
                    dir.join(RECORD_FILE),
                    format!("{:?} is not a plain file name", f.file),
                ));
            }
            if format == Format::Xliff21 && docs.iter().all(|d| d.pairs.is_empty()) {
                eprintln!(
                    "zhen-tm: {}: no pairs; XLIFF 2.1 needs at least one unit, not written",
                    group.name
                );
                continue;
            }
            write::write_file(&stage.join(&f.file), format, &docs, &opts)?;
            check_written(&stage.join(&f.file), &dir.join(&f.file), format)?;
            staged.push((stage.join(&f.file), dir.join(&f.file)));
        }
        if Path::new(&group.unaligned).file_name() != Some(std::ffi::OsStr::new(&group.unaligned)) {
            return Err(Error::input(
                dir.join(RECORD_FILE),
                format!("{:?} is not a plain file name", group.unaligned),
            ));
        }
        write::write_unaligned_tsv(&stage.join(&group.unaligned), &docs)?;
        staged.push((stage.join(&group.unaligned), dir.join(&group.unaligned)));
    }
    for name in write_review_files(stage, record)? {
        staged.push((stage.join(&name), dir.join(&name)));
    }
    let backups = stage.join(".replaced");
    std::fs::create_dir(&backups).map_err(|e| Error::io(&backups, e))?;
    write::commit_staged(&staged, &backups)
}

/// Validates a memory `apply` wrote, as `export` does: an invalid file is a bug in zhen-tm
/// and is refused rather than handed to a CAT tool.
fn check_written(staged: &Path, final_path: &Path, format: Format) -> Result<()> {
    use crate::validate::{validate, Severity, XmlFormat};
    let xml = match format {
        Format::Tmx | Format::TmxReview => XmlFormat::Tmx14,
        Format::Xliff12 => XmlFormat::Xliff12,
        Format::Xliff21 => XmlFormat::Xliff2,
        Format::Csv | Format::Xlsx => return Ok(()),
    };
    let bytes = std::fs::read(staged).map_err(|e| Error::io(staged, e))?;
    let first = validate(&bytes, xml)
        .into_iter()
        .find(|d| d.severity == Severity::Error);
    match first {
        None => Ok(()),
        Some(d) => Err(Error::input(
            final_path,
            format!(
                "internal error: the {} file zhen-tm wrote is invalid ({}:{}: [{}] {}); \
                 nothing was written. Please report this.",
                xml.name(),
                d.line,
                d.column,
                d.rule,
                d.message
            ),
        )),
    }
}
