//! `zhen-tm export`: transcripts in, aligned sentence pairs out as TMX, XLIFF and CSV.

use super::input;
use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use std::path::{Path, PathBuf};
use zhen_tm::align::clauses::SplitStats;
use zhen_tm::align::finish;
use zhen_tm::model::{AlignedDocument, Lang};
use zhen_tm::review;
use zhen_tm::write::{self, date, Format, WriteOptions};
use zhen_tm::{Error, Result};

/// Align transcripts sentence by sentence and write translation memories.
///
/// Each INPUT (a file, or a directory whose transcript files are read; README and hidden
/// files are skipped) must hold both languages: a bilingual transcript. A Chinese-only
/// edition is aligned against an English text given with --en (and --zh for the Chinese
/// edition). Writes one file per document and format into the output directory, plus
/// STEM.unaligned.tsv listing every sentence of the document that has no counterpart.
///
/// Exit status: 0 when every input was exported (single-language editions found in a
/// directory are reported and skipped), 1 when an input was unusable (the others are still
/// exported), 2 on bad usage.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Bilingual transcript files (text, Markdown, web pages, Word), or directories of
    /// them; `-` reads standard input.
    #[arg(required_unless_present = "en")]
    inputs: Vec<PathBuf>,
    /// English text to align (a monolingual file, or the English side of a bilingual one).
    #[arg(long, value_name = "FILE", requires = "zh")]
    en: Option<PathBuf>,
    /// Chinese text to align against --en (a Chinese-only edition, or the Chinese side of a
    /// bilingual file).
    #[arg(long, value_name = "FILE", requires = "en")]
    zh: Option<PathBuf>,
    /// Output directory (created if missing). `-o -` writes the one format --format names
    /// to standard output instead (all inputs in one memory; no unaligned report, the
    /// summary goes to standard error).
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    output: PathBuf,
    /// Print no summary and no progress bar (errors and warnings are still printed).
    #[arg(short, long)]
    quiet: bool,
    /// Formats to write, comma-separated: tmx, xliff12, xliff21, csv, xlsx.
    #[arg(long, value_delimiter = ',', default_value = "tmx,xliff12,xliff21,csv", value_parser = parse_format)]
    format: Vec<Format>,
    /// Source language of the translation memory (Chinese is the original). With `en`,
    /// pairs are also split at Chinese clauses (see --split-clauses).
    #[arg(long, value_enum, default_value = "zh")]
    source: SourceArg,
    /// Where one Chinese sentence faces several English sentences, cut the Chinese at its
    /// clause punctuation (，；：) into parts that each pair with one English sentence, when
    /// the dictionary and length evidence supports it, and write those finer pairs (marked as
    /// clause pairs, each with its own score) instead. On by default with --source en.
    #[arg(long, conflicts_with = "no_split_clauses")]
    split_clauses: bool,
    /// Keep every sentence pair whole, also with --source en.
    #[arg(long)]
    no_split_clauses: bool,
    /// Leave pairs scoring below this (0 to 1) out of the outputs (they go to
    /// STEM.unaligned.tsv).
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = parse_score)]
    min_score: f64,
    /// Mark pairs scoring below this (0 to 1) for review in XLIFF (and, with --review-tmx,
    /// move them to their own memory).
    #[arg(long, value_name = "X", default_value_t = 0.5, value_parser = parse_score)]
    review_below: f64,
    /// TMX: write the pairs scoring below --review-below to NAME.review.tmx and leave them
    /// out of NAME.tmx (for OmegaT: NAME.tmx in tm/auto/, NAME.review.tmx in tm/penalty-30/).
    #[arg(long)]
    review_tmx: bool,
    /// Write one TM named NAME over all inputs instead of one per document. NAME is a plain
    /// file name (no folder, not starting with a dot); the files go into the output directory.
    #[arg(long, value_name = "NAME", value_parser = parse_merge_name)]
    merge: Option<String>,
    /// Keep identical pairs (by default each distinct pair is written once per export).
    #[arg(long)]
    keep_duplicates: bool,
    /// --en/--zh files have one sentence per line (as hunalign takes them); blank lines
    /// separate units. Lines are not segmented again.
    #[arg(long, requires = "en")]
    presplit: bool,
    /// With --presplit: split speaker labels (`Wang Yi:`, `王毅：`) off the lines. Off by
    /// default, because in one-sentence-a-line text a line ending in a colon is text.
    #[arg(long, requires = "presplit")]
    labels: bool,
    /// Export even when the two sides do not look like translations of each other (by
    /// default such a document is refused, with the agreement measured).
    #[arg(long)]
    force: bool,
    /// Force the input encoding (e.g. gb18030, utf-16le); detected when omitted.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<String>,
    /// Read every input as this format (text, markdown, html, docx, pdf) instead of detecting it
    /// from the file's content and name.
    #[arg(long, value_name = "FORMAT", value_parser = input::parse_input_format)]
    input_format: Option<zhen_tm::read::Format>,
    /// Language tag written for Chinese (e.g. zh-CN, zh-Hans, zh).
    #[arg(long, value_name = "TAG", default_value = "zh-CN", value_parser = parse_language_tag)]
    zh_code: String,
    /// Language tag written for English (e.g. en-US, en-GB, en).
    #[arg(long, value_name = "TAG", default_value = "en-US", value_parser = parse_language_tag)]
    en_code: String,
    /// TMX creation date (YYYY-MM-DD or YYYYMMDDThhmmssZ). Default: from SOURCE_DATE_EPOCH
    /// when set, else none, so that output is reproducible.
    #[arg(long, value_name = "DATE", value_parser = date::parse)]
    date: Option<String>,
    /// CSV: start with a UTF-8 byte-order mark (for spreadsheet programs that need one).
    #[arg(long)]
    bom: bool,
    /// CSV: write tab-separated values (.tsv) instead.
    #[arg(long)]
    tsv: bool,
    /// Keep the Chinese text exactly as published. By default half-width punctuation
    /// between Chinese characters becomes full-width (`, : ; ? ! ( )` → `，：；？！（）`) and
    /// spaces between Chinese characters are removed, so that the memory matches other
    /// editions of the same text.
    #[arg(long)]
    as_written: bool,
    /// Also write a review page per document (DOC.review.html, opens offline in a browser)
    /// and review.json, the record `zhen-tm apply` rewrites the memories from.
    #[arg(long)]
    review: bool,
    /// Do not validate the written TMX/XLIFF files (by default every file is checked
    /// against the bundled schemas and rules, and an invalid one fails the export).
    #[arg(long)]
    no_validate: bool,
}

/// Source language named on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum SourceArg {
    /// Chinese source, English target.
    Zh,
    /// English source, Chinese target.
    En,
}

fn parse_format(s: &str) -> std::result::Result<Format, String> {
    Format::parse(s.trim()).ok_or_else(|| {
        format!("unknown format '{s}' (expected tmx, xliff12, xliff21, csv or xlsx)")
    })
}

/// `--min-score`/`--review-below`: a number from 0 to 1, the range of alignment scores.
/// NaN, infinities and values outside the range would silently move every pair to
/// unaligned.tsv, or flag all or none for review.
fn parse_score(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("'{s}' is not a score from 0 to 1")),
    }
}

/// `--merge NAME`: a plain file name, so that the merged memory lands in the output
/// directory and nowhere else. Folders (`a/b`, `../x`, `/abs`), names starting with a dot
/// (hidden files, `.`, `..`), control characters, surrounding spaces and `:` are refused.
fn parse_merge_name(s: &str) -> std::result::Result<String, String> {
    let problem = if s.trim().is_empty() {
        Some("is empty")
    } else if s.contains(['/', '\\']) {
        Some("names a folder; give a plain file name (the files go into -o DIR)")
    } else if s.starts_with('.') {
        Some("starts with a dot (a hidden file, or the folder . or ..)")
    } else if s.chars().any(char::is_control) {
        Some("contains a control character")
    } else if s.trim() != s {
        Some("starts or ends with a space")
    } else if s.contains(':') {
        Some("contains ':', which Windows file names cannot")
    } else {
        None
    };
    match problem {
        Some(p) => Err(format!("{s:?} {p}")),
        None => Ok(s.to_string()),
    }
}

/// The suffix of the unaligned-sentence report written beside each output group's files:
/// `STEM.unaligned.tsv` (or `NAME.unaligned.tsv` with --merge), so that a later run into the
/// same folder replaces only the report of the documents it exports.
const UNALIGNED_SUFFIX: &str = ".unaligned.tsv";

/// Usage problems found only when options are combined (clap checks each on its own):
/// a format named twice; several formats (or `--review-tmx`'s second memory) for `-o -`.
fn check_usage(args: &Args) -> std::result::Result<(), String> {
    for (i, f) in args.format.iter().enumerate() {
        if args.format[..i].contains(f) {
            return Err(format!("--format names {f} twice"));
        }
    }
    if to_stdout(&args.output) {
        if args.format.len() != 1 {
            let names: Vec<&str> = args.format.iter().map(|f| f.name()).collect();
            return Err(format!(
                "-o - writes one format to standard output, but --format asks for {} ({}); \
                 name one, e.g. --format tmx",
                names.len(),
                names.join(", ")
            ));
        }
        if args.review_tmx {
            return Err("-o - writes one file; --review-tmx needs two (write to a folder)".into());
        }
        if args.review {
            return Err(
                "-o - writes one file; --review writes pages and a record (write to a folder)"
                    .into(),
            );
        }
    }
    if args.split_clauses && args.review {
        return Err(
            "--split-clauses and --review cannot be combined: the review pages show sentence \
             pairs (review first, then export again with --split-clauses)"
                .into(),
        );
    }
    Ok(())
}

/// Whether `-o` names standard output (`-`) rather than a folder.
pub(super) fn to_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// The output files of one group: each format's file, and the unaligned report.
struct GroupFiles {
    formats: Vec<(Format, String)>,
    unaligned: String,
}

/// The output file names of each group, refusing two outputs with one name (compared
/// without case, as Windows and macOS file systems do): one would overwrite the other.
fn output_names(
    groups: &[(String, Vec<AlignedDocument>)],
    formats: &[Format],
    opts: &WriteOptions,
) -> Result<Vec<GroupFiles>> {
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (name, group) in groups {
        let origin = match group.as_slice() {
            [one] => one.source.clone(),
            _ => format!("--merge {name}"),
        };
        let mut claim = |file: String, what: &str| -> Result<String> {
            let this = format!("the {what} of {origin}");
            match seen.insert(file.to_lowercase(), this) {
                Some(other) => Err(Error::input(
                    &origin,
                    format!(
                        "its {what} {file} would overwrite {other}; rename the input \
                         (or use --merge NAME); nothing was written"
                    ),
                )),
                None => Ok(file),
            }
        };
        let mut files = Vec::new();
        for &format in formats {
            let file = claim(format!("{name}{}", format.file_suffix(opts)), "output")?;
            files.push((format, file));
        }
        let unaligned = claim(format!("{name}{UNALIGNED_SUFFIX}"), "unaligned report")?;
        out.push(GroupFiles {
            formats: files,
            unaligned,
        });
    }
    Ok(out)
}

/// Run `export`.
pub fn run(args: Args) -> Result<i32> {
    if let Err(message) = check_usage(&args) {
        eprintln!("zhen-tm: error: {message}");
        return Ok(EXIT_USAGE);
    }
    let creation_date = match creation_date(&args) {
        Ok(d) => d,
        Err(message) => {
            eprintln!("zhen-tm: error: {message}");
            return Ok(EXIT_USAGE);
        }
    };
    let opts = write_options(&args, creation_date);
    let mut formats = args.format.clone();
    if opts.review_tmx && formats.contains(&Format::Tmx) {
        formats.push(Format::TmxReview);
    } else if opts.review_tmx {
        eprintln!("zhen-tm: --review-tmx splits the TMX, but --format asks for no tmx; ignored");
    }
    let sources = input::Sources {
        inputs: &args.inputs,
        en: args.en.as_deref(),
        zh: args.zh.as_deref(),
        output: &args.output,
        encoding: args.encoding.as_deref(),
        input_format: args.input_format,
        presplit: input::Presplit {
            on: args.presplit,
            labels: args.labels,
        },
        force: args.force,
        progress: !args.quiet,
    };
    let input::Aligned {
        mut docs,
        problems,
        read_as,
        doubts,
    } = input::align_inputs(&sources, "export");
    if docs.is_empty() {
        eprintln!("zhen-tm: nothing to export");
        return Ok(EXIT_INPUT);
    }

    let normalized = if args.as_written {
        0
    } else {
        zhen_tm::normalize::normalize_documents(&mut docs).pairs
    };
    // After normalising, so that the clause marks half-width in the input are found too.
    let clauses = if split_clauses(&args) {
        zhen_tm::align::clauses::split_documents(&mut docs)
    } else {
        SplitStats::default()
    };
    finish::make_ids_unique(&mut docs);
    let mut low = 0usize;
    for d in &mut docs {
        low += finish::apply_min_score(d, args.min_score);
    }
    // Identical pairs are written once per export (the rule): a later document
    // does not repeat a pair an earlier one already gave.
    let duplicates = if args.keep_duplicates {
        0
    } else {
        finish::dedup(&mut docs)
    };
    let tally = Tally {
        low,
        duplicates,
        normalized,
        removed: 0,
        clauses,
    };
    let pairs: usize = docs.iter().map(|d| d.pairs.len()).sum();
    if pairs == 0 {
        eprint!("{}", summary(&docs, &[], &tally));
        eprintln!(
            "zhen-tm: error: the export yields 0 pairs{}; nothing was written",
            match (low, duplicates) {
                (0, 0) => String::new(),
                (l, 0) => format!(" ({l} below --min-score)"),
                (0, d) => format!(" ({d} duplicates of pairs written once)"),
                (l, d) => format!(" ({l} below --min-score, {d} duplicates)"),
            }
        );
        return Ok(EXIT_INPUT);
    }
    if to_stdout(&args.output) {
        let removed = write_stdout(&args, formats[0], &docs, &opts)?;
        if !args.quiet {
            let tally = Tally { removed, ..tally };
            eprint!("{}", summary(&docs, &[], &tally));
            eprintln!(
                "zhen-tm: -o -: {} written to standard output; no unaligned report (export \
                 to a folder for it)",
                formats[0]
            );
        }
        return Ok(if problems == 0 { EXIT_OK } else { EXIT_INPUT });
    }
    let groups: Vec<(String, Vec<AlignedDocument>)> = match &args.merge {
        Some(name) => vec![(name.clone(), docs.clone())],
        None => docs
            .iter()
            .map(|d| (d.id.clone(), vec![d.clone()]))
            .collect(),
    };

    let names = output_names(&groups, &formats, &opts)?;

    // A failed run leaves no trace: not even the output directory, when this run made it.
    let existed = args.output.is_dir();
    let (written, removed) = match write_outputs(&args, &groups, &names, &opts) {
        Ok(done) => done,
        Err(e) => {
            if !existed {
                let _ = std::fs::remove_dir(&args.output);
            }
            return Err(e);
        }
    };

    if !args.quiet {
        let text = summary(&docs, &written, &Tally { removed, ..tally });
        outln!("{}", text.trim_end_matches('\n'));
        if !read_as.is_empty() {
            outln!("read as:");
            for r in &read_as {
                outln!("  {r}");
            }
        }
        if !doubts.is_empty() {
            outln!("layouts not recognised with confidence (check these pairs):");
            for d in &doubts {
                outln!("  {d}");
            }
        }
    }
    Ok(if problems == 0 { EXIT_OK } else { EXIT_INPUT })
}

/// `-o -`: writes every document into one memory in `format` on standard output. The file
/// is made and (for XML) validated in memory first, so that a failure writes nothing.
/// Returns the number of characters XML 1.0 forbids that were removed.
fn write_stdout(
    args: &Args,
    format: Format,
    docs: &[AlignedDocument],
    opts: &WriteOptions,
) -> Result<usize> {
    use std::io::Write as _;
    let shown = Path::new("<standard output>");
    if format == Format::Xliff21 && docs.iter().all(|d| d.pairs.is_empty()) {
        return Err(Error::input(
            shown,
            "no pairs; XLIFF 2.1 needs at least one unit",
        ));
    }
    let mut buf = Vec::new();
    let stats = write::write_to(&mut buf, format, docs, opts).map_err(|e| Error::io(shown, e))?;
    if !args.no_validate {
        check_own_bytes(&buf, shown, format)?;
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(&buf).and_then(|()| out.flush()) {
        Ok(()) => Ok(stats.removed_chars),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(stats.removed_chars),
        Err(e) => Err(Error::io(shown, e)),
    }
}

/// Writes every output file of the run into a staging folder inside the output directory,
/// validates the XML ones, then moves them all into place (all or nothing). Returns the
/// files written and the number of characters XML 1.0 forbids that were removed.
fn write_outputs(
    args: &Args,
    groups: &[(String, Vec<AlignedDocument>)],
    names: &[GroupFiles],
    opts: &WriteOptions,
) -> Result<(Vec<PathBuf>, usize)> {
    // Everything is written into a staging directory inside the output directory and
    // moved into place only when all of it succeeded: a failure leaves no partial export,
    // and the final moves are undone if one of them fails (write::commit_staged).
    std::fs::create_dir_all(&args.output).map_err(|e| Error::io(&args.output, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".zhen-tm-staging-")
        .tempdir_in(&args.output)
        .map_err(|e| Error::io(&args.output, e))?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut removed = 0usize;
    for ((name, group), files) in groups.iter().zip(names) {
        // Every writer removes the same characters; count them once per output group.
        let mut removed_here = 0usize;
        for (format, file) in &files.formats {
            let format = *format;
            if format == Format::Xliff21 && group.iter().all(|d| d.pairs.is_empty()) {
                eprintln!(
                    "zhen-tm: {name}: no pairs; XLIFF 2.1 needs at least one unit, not written"
                );
                continue;
            }
            let stats = write::write_file(&staging.path().join(file), format, group, opts)?;
            if !args.no_validate {
                check_own_output(&staging.path().join(file), &args.output.join(file), format)?;
            }
            removed_here = removed_here.max(stats.removed_chars);
            staged.push((staging.path().join(file), args.output.join(file)));
        }
        removed += removed_here;
        // Written even when empty, so that the folder never keeps a stale report.
        let report = &files.unaligned;
        write::write_unaligned_tsv(&staging.path().join(report), group)?;
        staged.push((staging.path().join(report), args.output.join(report)));
    }
    if args.review {
        let outputs = groups
            .iter()
            .zip(names)
            .map(|((name, group), files)| {
                review::OutputGroup::new(name, group, &files.formats, &files.unaligned)
            })
            .collect();
        let record = review::Record::new(
            opts,
            outputs,
            groups.iter().flat_map(|(_, g)| g.iter().cloned()).collect(),
        );
        for name in review::write_review_files(staging.path(), &record)? {
            staged.push((staging.path().join(&name), args.output.join(name)));
        }
    }
    let backups = staging.path().join(".replaced");
    std::fs::create_dir(&backups).map_err(|e| Error::io(&backups, e))?;
    let written = write::commit_staged(&staged, &backups)?;
    drop(staging);
    Ok((written, removed))
}

/// Validate a file this export just wrote; an error in it is a bug in zhen-tm, reported
/// loudly (with the first findings) instead of handing a CAT tool a file it may reject.
fn check_own_output(staged: &Path, final_path: &Path, format: Format) -> Result<()> {
    if matches!(format, Format::Csv | Format::Xlsx) {
        return Ok(());
    }
    let bytes = std::fs::read(staged).map_err(|e| Error::io(staged, e))?;
    check_own_bytes(&bytes, final_path, format)
}

/// [`check_own_output`] on a file in memory; errors name `final_path`.
fn check_own_bytes(bytes: &[u8], final_path: &Path, format: Format) -> Result<()> {
    use zhen_tm::validate::{self, Severity, XmlFormat};
    let xml = match format {
        Format::Tmx | Format::TmxReview => XmlFormat::Tmx14,
        Format::Xliff12 => XmlFormat::Xliff12,
        Format::Xliff21 => XmlFormat::Xliff2,
        Format::Csv | Format::Xlsx => return Ok(()),
    };
    let errors: Vec<String> = validate::validate(bytes, xml)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: [{}] {}", d.line, d.column, d.rule, d.message))
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(Error::input(
        final_path,
        format!(
            "internal error: the {} file zhen-tm wrote is invalid ({} problems; first: {}); nothing was written. \
             Please report this; --no-validate writes it anyway.",
            xml.name(),
            errors.len(),
            errors.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        ),
    ))
}

/// Whether this export splits pairs at Chinese clauses: asked for with --split-clauses, or
/// by --source en (whose CAT-tool projects segment English into sentences) unless
/// --no-split-clauses or --review (the review pages show sentence pairs) says otherwise.
fn split_clauses(args: &Args) -> bool {
    let by_source = matches!(args.source, SourceArg::En) && !args.no_split_clauses;
    if by_source && args.review && !args.split_clauses {
        if !args.quiet {
            eprintln!(
                "zhen-tm: --review: pairs are kept whole (no clause splitting), because the \
                 review pages show sentence pairs"
            );
        }
        return false;
    }
    args.split_clauses || by_source
}

/// The TMX creation date: `--date`, else `SOURCE_DATE_EPOCH` (seconds from 1970 to the end
/// of year 9999), else none. A value out of range is a usage error, found before any work.
fn creation_date(args: &Args) -> std::result::Result<Option<String>, String> {
    match &args.date {
        Some(d) => Ok(Some(d.clone())),
        None => date::source_date_epoch(),
    }
}

/// Writer options from the command line and the creation date.
fn write_options(args: &Args, creation_date: Option<String>) -> WriteOptions {
    WriteOptions {
        en_code: args.en_code.clone(),
        zh_code: args.zh_code.clone(),
        source: match args.source {
            SourceArg::Zh => Lang::Zh,
            SourceArg::En => Lang::En,
        },
        review_below: args.review_below,
        review_tmx: args.review_tmx,
        creation_date,
        bom: args.bom,
        tsv: args.tsv,
    }
}

/// `--encoding`: a label encoding_rs knows (utf-8, gb18030, gbk, utf-16le …).
pub(super) fn parse_encoding(s: &str) -> std::result::Result<String, String> {
    zhen_tm::decode::encoding_for_label(s).map(|_| s.trim().to_string())
}

/// `--zh-code`/`--en-code`: a BCP 47-shaped tag.
pub(super) fn parse_language_tag(s: &str) -> std::result::Result<String, String> {
    if plausible_language_tag(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "'{s}' is not a language tag (e.g. zh-CN, zh-Hans, en-US)"
        ))
    }
}

/// A BCP 47-shaped tag: a 2–3 letter language, then subtags of 1–8 letters or digits.
fn plausible_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Counts of what the run did besides writing pairs, for the summary.
#[derive(Clone, Copy, Debug)]
struct Tally {
    /// Pairs below --min-score, moved to the unaligned report.
    low: usize,
    /// Duplicate pairs written once.
    duplicates: usize,
    /// Characters XML 1.0 forbids, removed.
    removed: usize,
    /// Pairs whose Chinese was normalised.
    normalized: usize,
    /// Pairs split at Chinese clauses.
    clauses: SplitStats,
}

/// The run's summary, one line each: documents, pairs, unaligned sentences, what was
/// removed or changed, files written. Printed on standard output, or standard error when
/// standard output carries the memory (`-o -`) or there is nothing to write.
fn summary(docs: &[AlignedDocument], written: &[PathBuf], t: &Tally) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let pairs: usize = docs.iter().map(|d| d.pairs.len()).sum();
    let count = |lang: Lang| {
        docs.iter()
            .flat_map(|d| &d.unaligned)
            .filter(|u| u.lang == lang)
            .count()
    };
    let _ = writeln!(s, "documents: {}", docs.len());
    for d in docs {
        let en = d.unaligned.iter().filter(|u| u.lang == Lang::En).count();
        let zh = d.unaligned.iter().filter(|u| u.lang == Lang::Zh).count();
        let _ = writeln!(
            s,
            "  {}: {} pairs, unaligned {} en / {} zh, date {}, {}",
            d.id,
            d.pairs.len(),
            en,
            zh,
            d.date.as_deref().unwrap_or("unknown"),
            finish::agreement(d).describe()
        );
    }
    let _ = writeln!(s, "pairs: {pairs}");
    let _ = writeln!(
        s,
        "unaligned sentences: {} en, {} zh",
        count(Lang::En),
        count(Lang::Zh)
    );
    if t.low > 0 {
        let _ = writeln!(
            s,
            "pairs below --min-score (moved to the unaligned reports): {}",
            t.low
        );
    }
    if t.duplicates > 0 {
        let _ = writeln!(s, "duplicate pairs written once: {}", t.duplicates);
    }
    if t.removed > 0 {
        let _ = writeln!(s, "characters XML 1.0 forbids, removed: {}", t.removed);
    }
    if t.normalized > 0 {
        let _ = writeln!(
            s,
            "pairs with Chinese punctuation or spacing normalised (--as-written keeps it): {}",
            t.normalized
        );
    }
    if t.clauses.candidates > 0 {
        let _ = writeln!(
            s,
            "pairs split at Chinese clauses: {} of {} with one Chinese and several English \
             sentences, into {} clause pairs",
            t.clauses.split, t.clauses.candidates, t.clauses.parts
        );
    }
    if !written.is_empty() {
        let _ = writeln!(s, "files written:");
        for p in written {
            let _ = writeln!(s, "  {}", p.display());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_output_is_checked_and_an_invalid_file_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let staged = dir.path().join("a.tmx");
        // A TMX with a duplicate tuid and an empty segment: what a writer bug could produce.
        std::fs::write(
            &staged,
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" \
             segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en-US\" srclang=\"zh-CN\" datatype=\"plaintext\"/>\
             <body><tu tuid=\"1\"><tuv xml:lang=\"zh-CN\"><seg>中</seg></tuv><tuv xml:lang=\"en-US\"><seg></seg></tuv></tu>\
             <tu tuid=\"1\"><tuv xml:lang=\"zh-CN\"><seg>文</seg></tuv><tuv xml:lang=\"en-US\"><seg>x</seg></tuv></tu></body></tmx>\n",
        )
        .expect("write");
        let err =
            check_own_output(&staged, Path::new("out/a.tmx"), Format::Tmx).expect_err("invalid");
        let msg = err.to_string();
        assert!(
            msg.contains("out/a.tmx") && msg.contains("internal error"),
            "{msg}"
        );
        assert!(msg.contains("duplicate-id"), "{msg}");
        // CSV is not XML: nothing to check.
        assert!(check_own_output(&staged, Path::new("out/a.csv"), Format::Csv).is_ok());
    }

    #[test]
    fn scores_and_merge_names() {
        assert_eq!(parse_score("0.25"), Ok(0.25));
        assert_eq!(parse_score("1"), Ok(1.0));
        for bad in ["NaN", "nan", "inf", "-inf", "2", "-0.1", "x", ""] {
            assert!(parse_score(bad).is_err(), "{bad}");
        }
        assert!(parse_merge_name("wang-yi press 2025").is_ok());
        assert!(parse_merge_name("王毅记者会").is_ok());
        for bad in [
            "", " ", ".", "..", ".hidden", "a/b", "../../x", "/abs/x", "a\\b", "c:x", "a\u{1b}b",
            " a",
        ] {
            assert!(parse_merge_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn language_tags() {
        assert!(plausible_language_tag("zh-Hans"));
        assert!(plausible_language_tag("en"));
        assert!(!plausible_language_tag("chinese simplified"));
        assert!(!plausible_language_tag(""));
    }
}
