//! Reading input files into documents: the I/O edge of the parsing stage.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use zhen_tm::align::{self, finish, AlignError, AlignOptions};
use zhen_tm::model::{AlignedDocument, Document, Lang};
use zhen_tm::read::{self, Source};
use zhen_tm::{Error, Result};

/// One unit of work for `export`: a transcript file, or an English and a Chinese file to
/// align against each other.
#[derive(Clone, Debug)]
pub enum Input {
    /// A file holding one or both languages; `named` when the user named it (rather than a
    /// directory scan finding it), which makes a single-language file an error, not a note.
    File {
        /// The file.
        path: PathBuf,
        /// Named on the command line.
        named: bool,
    },
    /// `--en FILE --zh FILE`.
    Pair {
        /// The English text (or a bilingual file whose English side is used).
        en: PathBuf,
        /// The Chinese text (or a bilingual file whose Chinese side is used).
        zh: PathBuf,
    },
}

impl Input {
    /// The file messages about this input name (for a pair, the Chinese edition, whose
    /// name the document takes).
    pub fn path(&self) -> &Path {
        match self {
            Input::File { path, .. } => path,
            Input::Pair { zh, .. } => zh,
        }
    }
}

pub use zhen_tm::read::doc_id;

/// Is this directory entry a transcript to read? Hidden files and README/LICENSE files
/// (which describe a folder of samples rather than being one) are skipped.
fn is_transcript_name(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().to_lowercase()) else {
        return false;
    };
    !(name.starts_with('.')
        || name.starts_with("readme")
        || name.starts_with("license")
        || name.starts_with("changelog"))
}

/// Endings of the files `export` and `terms` write (`glossary.utf8` is OmegaT's glossary,
/// `.xlsx` the workbooks; with `--review`, the pages, the record and the decisions files
/// the pages save): never read back as transcripts when scanning a directory (an output
/// directory inside an input directory would otherwise be re-read).
const OUTPUT_ENDINGS: &[&str] = &[
    ".tmx",
    ".xlf",
    ".xliff",
    ".csv",
    ".tsv",
    ".tbx",
    ".utf8",
    ".xlsx",
    ".review.html",
    "review.json",
    ".decisions.json",
];

/// Expand an INPUT argument: a file is itself; a directory gives its transcript files
/// (recursively, in sorted order so that output is deterministic), leaving out the output
/// directory `skip` and files with the endings `export` writes. Returns the inputs found
/// and the problems met: a missing path, a directory without transcripts, and, inside a
/// directory, a subfolder or link that cannot be read. One unreadable subfolder does not
/// cost the readable transcripts beside it; each problem is reported by the caller.
///
/// Links inside a directory: a link to a file is read like the file (it is a transcript
/// the user put there); a link to a folder is not followed (it could lead back up and
/// around forever) and is mentioned on standard error; a broken link is a problem.
pub fn collect(path: &Path, skip: &Path) -> (Vec<Input>, Vec<Error>) {
    if read::is_stdin(path) {
        let file = Input::File {
            path: path.to_path_buf(),
            named: true,
        };
        return (vec![file], Vec::new());
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return (Vec::new(), vec![Error::io(path, e)]),
    };
    if !meta.is_dir() {
        let file = Input::File {
            path: path.to_path_buf(),
            named: true,
        };
        return (vec![file], Vec::new());
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let skip = std::fs::canonicalize(skip).ok();
    walk(path, skip.as_deref(), &mut files, &mut problems);
    files.sort();
    if files.is_empty() && problems.is_empty() {
        problems.push(Error::input(path, "directory holds no transcript files"));
    }
    let inputs = files
        .into_iter()
        .map(|path| Input::File { path, named: false })
        .collect();
    (inputs, problems)
}

fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<PathBuf>, problems: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return problems.push(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Error::io(dir, e));
                continue;
            }
        };
        let path = entry.path();
        if !is_transcript_name(&path) {
            continue;
        }
        if skip.is_some() && std::fs::canonicalize(&path).ok().as_deref() == skip {
            continue;
        }
        let ft = match entry.file_type() {
            Ok(t) => t,
            Err(e) => {
                problems.push(Error::io(&path, e));
                continue;
            }
        };
        let is_file = if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    eprintln!(
                        "zhen-tm: note: {}: a link to a folder, not followed (name it on the \
                         command line to read it)",
                        path.display()
                    );
                    false
                }
                Ok(m) => m.is_file(),
                Err(e) => {
                    problems.push(Error::input(
                        &path,
                        format!("a link whose target cannot be read: {e}"),
                    ));
                    false
                }
            }
        } else {
            ft.is_file()
        };
        if ft.is_dir() {
            walk(&path, skip, out, problems);
        } else if is_file {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if OUTPUT_ENDINGS.iter().any(|e| name.ends_with(e)) {
                continue;
            }
            out.push(path);
        }
    }
}

/// Drops inputs that name a file already named (the same file twice on the command line,
/// or a file and a directory holding it), keeping the first, with a note: read twice, it
/// would become a second document whose pairs all repeat the first's. Files are compared
/// by their canonical path, so `a.md`, `./a.md` and a link to it are one file.
fn drop_repeats(jobs: Vec<Input>) -> Vec<Input> {
    let mut seen = std::collections::HashSet::new();
    jobs.into_iter()
        .filter(|job| {
            let Input::File { path, .. } = job else {
                return true;
            };
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let first = seen.insert(key);
            if !first {
                eprintln!(
                    "zhen-tm: note: {} is named more than once; read once",
                    path.display()
                );
            }
            first
        })
        .collect()
}

/// Read, decode and parse one transcript file (a web page through its article, a Word
/// document through its body, a bilingual page through its layout). A file with no text
/// in either language is refused. Returns the document and what was read (format, layout,
/// what was left out), for [`notes`].
pub fn read_document(path: &Path, opts: &read::Options) -> Result<(Document, Source)> {
    let source = read::read_file(path, opts)?;
    let doc = read::parse_source(&source, &doc_id(path), &path.display().to_string());
    if doc.en.is_none() && doc.zh.is_none() {
        return Err(Error::input(path, "no English or Chinese text found"));
    }
    Ok((doc, source))
}

/// Something a user should know about how a file was read.
#[derive(Clone, Debug)]
pub enum Note {
    /// The format and layout of anything but a plain single-language text (`FILE: markdown,
    /// bilingual, alternating paragraphs (…)`), for the summary.
    ReadAs(String),
    /// What the reader left out on purpose, for standard error.
    LeftOut(String),
    /// The layout could not be recognised with confidence: for standard error and the
    /// summary.
    Doubt(String),
}

/// The notes on how `path` was read (see [`Note`]).
pub fn notes(path: &Path, source: &Source) -> Vec<Note> {
    let mut out = Vec::new();
    let layout = &source.layout;
    if source.format != read::Format::Text || layout.kind.is_bilingual() {
        let mut what = format!(
            "{}: {}, {}",
            path.display(),
            source.format.name(),
            layout.kind.describe()
        );
        if layout.kind.is_bilingual() {
            what.push_str(&format!(
                " ({} Chinese and {} English paragraphs",
                layout.paragraphs.0, layout.paragraphs.1
            ));
            if layout.split_lines > 0 {
                what.push_str(&format!(
                    "; {} lines holding both languages cut in two",
                    layout.split_lines
                ));
            }
            what.push(')');
        }
        out.push(Note::ReadAs(what));
    }
    if !source.left_out.is_empty() {
        out.push(Note::LeftOut(format!(
            "{}: left out: {}",
            path.display(),
            source.left_out.join(", ")
        )));
    }
    if let Some(doubt) = &layout.doubt {
        out.push(Note::Doubt(format!(
            "{}: layout not recognised with confidence (read as {}): {doubt}; check the pairs",
            path.display(),
            layout.kind.name()
        )));
    }
    out
}

/// Read an input into one document ready for alignment, with the notes on how its files
/// were read (see [`notes`]). For a `--en`/`--zh` pair, the document takes the English
/// side of the first file and the Chinese side of the second; its id is the Chinese
/// file's (the edition being aligned), its date the English lead's (which states the year)
/// or else the Chinese one's.
pub fn read_input(
    input: &Input,
    opts: &read::Options,
    presplit: Presplit,
) -> Result<(Document, Vec<Note>)> {
    match input {
        Input::File { path, .. } => {
            let (doc, source) = read_document(path, opts)?;
            Ok((doc, notes(path, &source)))
        }
        Input::Pair { en, zh } => {
            let cutting = if presplit.on {
                read::Cutting::Presplit {
                    labels: presplit.labels,
                }
            } else {
                read::Cutting::Parsed
            };
            let editions = read::read_editions(en, zh, opts, cutting)?;
            let mut said = notes(en, &editions.en_source);
            said.extend(notes(zh, &editions.zh_source));
            Ok((editions.doc, said))
        }
    }
}

/// `--input-format`: a format the readers know (text, markdown, html, docx).
pub fn parse_input_format(s: &str) -> std::result::Result<read::Format, String> {
    read::Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = read::Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown input format '{s}' (expected {})", names.join(", "))
    })
}

/// Where the inputs of an `export` or `terms` run come from (their shared options).
pub struct Sources<'a> {
    /// INPUT files and directories.
    pub inputs: &'a [PathBuf],
    /// `--en FILE`, with `--zh FILE`.
    pub en: Option<&'a Path>,
    /// `--zh FILE`, with `--en FILE`.
    pub zh: Option<&'a Path>,
    /// The output directory, never read back as input by a directory scan.
    pub output: &'a Path,
    /// `--encoding`.
    pub encoding: Option<&'a str>,
    /// `--input-format`: the format of every input, instead of detecting it.
    pub input_format: Option<read::Format>,
    /// `--presplit` (and `--labels`).
    pub presplit: Presplit,
    /// `--force`: keep documents whose sides do not look like translations of each other.
    pub force: bool,
    /// Show a progress bar on standard error (when it is a terminal); off with `--quiet`.
    pub progress: bool,
}

/// How `--en`/`--zh` files given with `--presplit` are read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Presplit {
    /// `--presplit`: one sentence a line, nothing parsed.
    pub on: bool,
    /// `--labels`: split speaker labels off presplit lines all the same.
    pub labels: bool,
}

/// The two editions of one text among the input files, found by their names
/// (`speech.en.txt` and `speech.zh.txt`, see [`read::pairing`]), become one `--en`/`--zh`
/// pair, in the place of the Chinese edition; a note on standard error says which files
/// were paired. Every other input stays as it was.
fn pair_editions(jobs: Vec<Input>) -> Vec<Input> {
    let files: Vec<PathBuf> = jobs
        .iter()
        .filter_map(|j| match j {
            Input::File { path, .. } if !read::is_stdin(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    let (pairs, _) = read::pairing::pair_by_name(&files);
    if pairs.is_empty() {
        return jobs;
    }
    let by_zh: std::collections::HashMap<&Path, &PathBuf> =
        pairs.iter().map(|(en, zh)| (zh.as_path(), en)).collect();
    let english: std::collections::HashSet<&Path> =
        pairs.iter().map(|(en, _)| en.as_path()).collect();
    let mut out = Vec::with_capacity(jobs.len());
    for job in jobs {
        let Input::File { path, .. } = &job else {
            out.push(job);
            continue;
        };
        if let Some(&en) = by_zh.get(path.as_path()) {
            let (e, z) = (en.display(), path.display());
            eprintln!(
                "zhen-tm: note: {e} and {z} are two editions of one text by their names; \
                 aligned as --en {e} --zh {z}"
            );
            out.push(Input::Pair {
                en: en.clone(),
                zh: path.clone(),
            });
        } else if !english.contains(path.as_path()) {
            out.push(job);
        }
    }
    out
}

/// What happened to one input.
enum Outcome {
    /// Aligned, with the notes on how its files were read.
    Aligned(AlignedDocument, Vec<Note>),
    /// A single-language edition that needs a partner.
    NeedsPartner {
        path: PathBuf,
        has: Lang,
        named: bool,
    },
    Failed(Error),
}

/// The inputs of a run, read and aligned.
pub struct Aligned {
    /// The aligned documents, in input order.
    pub docs: Vec<AlignedDocument>,
    /// How many inputs were errors.
    pub problems: usize,
    /// How the inputs other than plain single-language texts were read (format and
    /// layout, one line each), for the summary.
    pub read_as: Vec<String>,
    /// Warnings on layouts not recognised with confidence (one line each), for the
    /// summary; they are said on standard error too.
    pub doubts: Vec<String>,
}

/// Read, decode and align every input (in parallel; results in input order), reporting on
/// standard error every input that cannot be used, naming the file. A single-language
/// edition found by a directory scan is a valid layout waiting for its partner: a note with
/// the `zhen-tm COMMAND --en … --zh …` to run; named on its own, it is an error. Returns the
/// aligned documents, how many inputs were errors, how the files were read and the layout
/// warnings. What a reader left out and the layout warnings are said on standard error.
pub fn align_inputs(src: &Sources, command: &str) -> Aligned {
    let mut jobs: Vec<Input> = Vec::new();
    let mut unusable: Vec<Error> = Vec::new();
    for path in src.inputs {
        let (found, problems) = collect(path, src.output);
        jobs.extend(found);
        unusable.extend(problems);
    }
    let mut jobs = pair_editions(drop_repeats(jobs));
    if let (Some(en), Some(zh)) = (src.en, src.zh) {
        jobs.push(Input::Pair {
            en: en.to_path_buf(),
            zh: zh.to_path_buf(),
        });
    }
    let stdin_uses = src
        .inputs
        .iter()
        .map(PathBuf::as_path)
        .chain(src.en)
        .chain(src.zh)
        .filter(|p| read::is_stdin(p))
        .count();
    if stdin_uses > 1 {
        unusable.push(Error::input(
            read::STDIN,
            "standard input is named more than once; it can be read only once",
        ));
        jobs.retain(|j| match j {
            Input::File { path, .. } => !read::is_stdin(path),
            Input::Pair { en, zh } => !read::is_stdin(en) && !read::is_stdin(zh),
        });
    }
    let opts = AlignOptions {
        presplit: src.presplit.on,
    };
    let read_opts = read::Options {
        encoding: src.encoding,
        format: src.input_format,
    };
    let bar = super::progress::bar(jobs.len(), src.progress, "aligning");
    let outcomes: Vec<Outcome> = jobs
        .par_iter()
        .inspect(|_| bar.tick())
        .map(|job| match read_input(job, &read_opts, src.presplit) {
            Err(e) => Outcome::Failed(e),
            Ok((doc, mut said)) => match align::align_document(&doc, &opts) {
                Ok(aligned) => {
                    let agreement = finish::agreement(&aligned);
                    if agreement.plausible() && agreement.doubtful() {
                        said.push(Note::Doubt(format!(
                            "{}: the English and the Chinese agree less than full translations \
                             do ({}, where they score {:.2} or more): an abridged edition, or \
                             two different texts alike in form? check the pairs",
                            job.path().display(),
                            agreement.describe(),
                            finish::SURE_AGREEMENT
                        )));
                    }
                    if src.force || agreement.plausible() {
                        Outcome::Aligned(aligned, said)
                    } else {
                        Outcome::Failed(Error::input(
                            job.path(),
                            format!(
                                "the English and the Chinese do not look like translations of \
                                 each other: {} over {} sentences, where translations \
                                 score {:.2} or more, {:.2} above chance, and {:.1} or more \
                                 pairs per run of consecutive pairs; nothing written for it \
                                 (--force exports it anyway)",
                                agreement.describe(),
                                agreement.sentences,
                                finish::MIN_AGREEMENT,
                                finish::MIN_MARGIN_OVER_CHANCE,
                                finish::MIN_PAIRS_PER_RUN
                            ),
                        ))
                    }
                }
                Err(AlignError::MissingSide(missing)) => match job {
                    Input::File { path, named } => Outcome::NeedsPartner {
                        path: path.clone(),
                        has: missing.other(),
                        named: *named,
                    },
                    Input::Pair { en, zh } => {
                        let path = if missing == Lang::En { en } else { zh };
                        Outcome::Failed(Error::input(
                            path,
                            format!("has no {} text", missing.name()),
                        ))
                    }
                },
            },
        })
        .inspect(|_| bar.inc(1))
        .collect();
    bar.finish_and_clear();

    let mut docs: Vec<AlignedDocument> = Vec::new();
    let mut problems = 0usize;
    let mut doubts = Vec::new();
    let mut read_as = Vec::new();
    for o in unusable.into_iter().map(Outcome::Failed).chain(outcomes) {
        match o {
            Outcome::Aligned(d, said) => {
                for note in said {
                    match note {
                        Note::ReadAs(line) => read_as.push(line),
                        Note::LeftOut(line) => eprintln!("zhen-tm: note: {line}"),
                        Note::Doubt(line) => {
                            eprintln!("zhen-tm: warning: {line}");
                            doubts.push(line);
                        }
                    }
                }
                docs.push(d);
            }
            Outcome::NeedsPartner { path, has, named } => {
                if named {
                    problems += 1;
                }
                let (other, flag) = match has {
                    Lang::Zh => ("an English", "--en FILE --zh"),
                    Lang::En => ("a Chinese", "--zh FILE --en"),
                };
                eprintln!(
                    "zhen-tm: {}: {}-only edition; it needs {} partner: zhen-tm {command} {} {}",
                    path.display(),
                    has.name(),
                    other,
                    flag,
                    path.display()
                );
            }
            Outcome::Failed(e) => {
                problems += 1;
                eprintln!("zhen-tm: error: {e}");
            }
        }
    }
    Aligned {
        docs,
        problems,
        read_as,
        doubts,
    }
}
