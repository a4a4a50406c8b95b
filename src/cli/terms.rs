//! `zhen-tm terms`: the terminology of aligned transcripts — known terms and their
//! renderings, discovered candidate pairs, variants across documents, a consistency check,
//! and glossary exports.

use super::export::{parse_encoding, parse_language_tag, SourceArg};
use super::input;
use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use serde::Serialize;
use std::path::PathBuf;
use zhen_tm::glossary::export::{GlossaryFormat, GlossaryOptions};
use zhen_tm::lexicon::terms::{bundled, Term};
use zhen_tm::model::{AlignedDocument, Lang};
use zhen_tm::terms::{check, discover, known, list, segments, variants, Segment};
use zhen_tm::{Error, Result};

/// Report the terminology of aligned transcripts and export it as a glossary.
///
/// Aligns the inputs as `export` does, then prints: the known terms (bundled list, or
/// --terms) with the English rendering each pair uses, counted per document; candidate
/// term pairs discovered in the pairs; and terms rendered differently across documents,
/// the rendering the list dates latest preferred, or for undated entries the latest
/// document's.
/// Writes DIR/glossary.EXT per format (every format into out/ by default): the known terms
/// found (reviewed) plus the discovered candidates (category `candidate`, marked
/// unreviewed); the machine-translation glossaries (DeepL, Google) get the reviewed
/// entries only unless --include-candidates.
///
/// Exit status: 0 success; 1 bad input, or with --check when a pair does not use a
/// preferred rendering; 2 bad usage.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Bilingual transcript files, or directories of them.
    #[arg(required_unless_present = "en")]
    inputs: Vec<PathBuf>,
    /// English text to align (a monolingual file, or the English side of a bilingual one).
    #[arg(long, value_name = "FILE", requires = "zh")]
    en: Option<PathBuf>,
    /// Chinese text to align against --en.
    #[arg(long, value_name = "FILE", requires = "en")]
    zh: Option<PathBuf>,
    /// Output directory for glossaries (created if missing) [default: out]. With --check,
    /// glossaries are written only when -o or --format is given. `-o -` writes the one
    /// glossary --format names to standard output (and prints no report).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Print no report and no progress bar, only write the glossaries (errors and warnings
    /// are still printed).
    #[arg(short, long)]
    quiet: bool,
    /// Glossary formats, comma-separated: csv, omegat, deepl, google, google-equivalent,
    /// phrase, memoq, trados, tbx, tbx2008, xlsx [default: all of them].
    #[arg(long, value_delimiter = ',', value_parser = parse_glossary_format)]
    format: Vec<GlossaryFormat>,
    /// Term list adding to the bundled one and overriding its entries with the same
    /// Chinese: CSV or TSV with a header (zh, en; optional category, variants, dates),
    /// or TBX.
    #[arg(long, value_name = "FILE")]
    terms: Option<PathBuf>,
    /// Print only the pairs whose English lacks the preferred rendering of a term in their
    /// Chinese (file, pair, term, preferred, found); exit 1 when there are any.
    #[arg(long)]
    check: bool,
    /// With --check, hold every pair to the rendering preferred now rather than to the one
    /// preferred at its document's date.
    #[arg(long, requires = "check")]
    latest: bool,
    /// Also write the discovered candidates (unreviewed) into the machine-translation
    /// glossaries (deepl, google, google-equivalent). By default those get only the
    /// reviewed entries of the term lists, since DeepL and Google apply every entry
    /// unchecked; the other glossaries always hold the candidates, marked unreviewed.
    #[arg(long)]
    include_candidates: bool,
    /// Number of discovered candidates exported to the glossaries.
    #[arg(long, value_name = "N", default_value_t = 100)]
    top: usize,
    /// Number of discovered candidates printed in the report (text or JSON), at most --top.
    #[arg(long, value_name = "N", default_value_t = 50)]
    show: usize,
    /// Minimum number of distinct pairs a discovered candidate must occur in.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    min_pairs: u64,
    /// Also discover pairs whose Chinese is a list entry (to see what discovery finds on
    /// its own).
    #[arg(long)]
    include_known: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// --en/--zh files have one sentence per line; blank lines separate units.
    #[arg(long, requires = "en")]
    presplit: bool,
    /// With --presplit: split speaker labels (`Wang Yi:`, `王毅：`) off the lines. Off by
    /// default, because in one-sentence-a-line text a line ending in a colon is text.
    #[arg(long, requires = "presplit")]
    labels: bool,
    /// Use a document even when its two sides do not look like translations of each other.
    #[arg(long)]
    force: bool,
    /// Force the input encoding (e.g. gb18030, utf-16le); detected when omitted.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<String>,
    /// Read every input as this format (text, markdown, html, docx, pdf) instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = input::parse_input_format)]
    input_format: Option<zhen_tm::read::Format>,
    /// Language tag written for Chinese.
    #[arg(long, value_name = "TAG", default_value = "zh-CN", value_parser = parse_language_tag)]
    zh_code: String,
    /// Language tag written for English.
    #[arg(long, value_name = "TAG", default_value = "en-US", value_parser = parse_language_tag)]
    en_code: String,
    /// Source language of directional glossary formats.
    #[arg(long, value_enum, default_value = "zh")]
    source: SourceArg,
}

fn parse_glossary_format(s: &str) -> std::result::Result<GlossaryFormat, String> {
    GlossaryFormat::parse(s).ok_or_else(|| {
        let names: Vec<&str> = GlossaryFormat::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown format '{}' (expected {})",
            s.trim().to_lowercase(),
            names.join(", ")
        )
    })
}

/// Reads, decodes and aligns every input as `export` does; returns the documents and
/// whether any input was a problem.
fn align_inputs(args: &Args) -> (Vec<AlignedDocument>, bool) {
    let output = args.output.clone().unwrap_or_else(|| PathBuf::from("out"));
    let sources = input::Sources {
        inputs: &args.inputs,
        en: args.en.as_deref(),
        zh: args.zh.as_deref(),
        output: &output,
        encoding: args.encoding.as_deref(),
        input_format: args.input_format,
        presplit: input::Presplit {
            on: args.presplit,
            labels: args.labels,
        },
        force: args.force,
        progress: !args.quiet,
    };
    let aligned = input::align_inputs(&sources, "terms");
    (aligned.docs, aligned.problems > 0)
}

/// The term list: bundled, plus the user's.
fn term_list(path: Option<&PathBuf>) -> Result<Vec<Term>> {
    let Some(path) = path else {
        return Ok(bundled().to_vec());
    };
    let text = zhen_tm::decode::read_file(path, None)?;
    let source = path.display().to_string();
    let user = list::parse(&text, &source).map_err(|m| list_error(path, &source, &m))?;
    Ok(list::merge(bundled(), user))
}

/// Turns a `SOURCE:LINE: message` from the list parser into an error with a position.
fn list_error(path: &std::path::Path, source: &str, message: &str) -> Error {
    let rest = message
        .strip_prefix(source)
        .map_or(message, |m| m.trim_start_matches(':'));
    match rest.split_once(": ") {
        Some((line, m)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            Error::Input {
                path: path.to_path_buf(),
                position: Some(line.to_string()),
                message: m.to_string(),
            }
        }
        _ => Error::input(path, rest.trim()),
    }
}

/// A discovered candidate as printed in JSON, with its example pair.
#[derive(Serialize)]
struct CandidateOut<'a> {
    #[serde(flatten)]
    candidate: &'a discover::Candidate,
    example_pair: &'a str,
    example_zh: &'a str,
    example_en: &'a str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    documents: Vec<(&'a str, Option<&'a str>, usize)>,
    known: &'a [known::KnownTerm],
    candidates: Vec<CandidateOut<'a>>,
    variants: &'a variants::Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a [check::Finding]>,
    files: Vec<String>,
}

/// Run `terms`.
pub fn run(args: Args) -> Result<i32> {
    for (i, f) in args.format.iter().enumerate() {
        if args.format[..i].contains(f) {
            eprintln!("zhen-tm: error: --format names {} twice", f.name());
            return Ok(EXIT_USAGE);
        }
    }
    let stdout = args.output.as_deref().is_some_and(super::export::to_stdout);
    if stdout {
        let problem = if args.format.len() != 1 {
            Some("-o - writes one glossary to standard output; name one with --format, e.g. --format tbx")
        } else if args.json || args.check {
            Some("-o - puts the glossary on standard output; --json and --check print there too")
        } else {
            None
        };
        if let Some(p) = problem {
            eprintln!("zhen-tm: error: {p}");
            return Ok(EXIT_USAGE);
        }
    }
    // A bad SOURCE_DATE_EPOCH is refused as `export` refuses it: before any work, exit 2.
    let creation_date = match zhen_tm::write::date::source_date_epoch() {
        Ok(d) => d,
        Err(message) => {
            eprintln!("zhen-tm: error: {message}");
            return Ok(EXIT_USAGE);
        }
    };
    let terms = term_list(args.terms.as_ref())?;
    let (docs, problems) = align_inputs(&args);
    if docs.is_empty() {
        eprintln!("zhen-tm: no aligned documents");
        return Ok(EXIT_INPUT);
    }
    let segs = segments(&docs);
    let hits = known::scan(&segs, &terms);

    if args.check {
        let mode = if args.latest {
            check::Mode::Latest
        } else {
            check::Mode::AtDate
        };
        let findings = check::check(&hits, &segs, &terms, mode);
        if args.json {
            print_json(&serde_json::json!({ "check": findings }));
        } else {
            outln!("file\tpair\tterm\tpreferred\tfound");
            for f in &findings {
                outln!(
                    "{}\t{}\t{}\t{}\t{}",
                    f.file,
                    f.pair,
                    f.zh,
                    f.preferred,
                    f.found_text()
                );
            }
        }
        eprintln!(
            "zhen-tm: {} pair(s) not using the preferred rendering of a term",
            findings.len()
        );
        return Ok(if findings.is_empty() && !problems {
            EXIT_OK
        } else {
            EXIT_INPUT
        });
    }

    let known_report = known::report(&hits, &segs, &terms);
    let opts = discover::Options {
        min_pairs: usize::try_from(args.min_pairs).unwrap_or(1),
        include_known: args.include_known,
        ..discover::Options::default()
    };
    let mut candidates = discover::discover(&segs, &terms, &opts);
    let total_candidates = candidates.len();
    candidates.truncate(args.top);
    let shown = &candidates[..args.show.min(candidates.len())];
    let variant_report = variants::report(&hits, &segs, &terms);

    let mut files = Vec::new();
    // Glossaries are written by default (every format, into `out/`); a --check run writes
    // them only when asked with -o or --format, so that it can gate a workflow quietly.
    if !args.check || args.output.is_some() || !args.format.is_empty() {
        let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("out"));
        let formats = if args.format.is_empty() {
            GlossaryFormat::ALL.to_vec()
        } else {
            args.format.clone()
        };
        let entries = zhen_tm::terms::glossary_entries(&hits, &segs, &terms, &candidates);
        let gopts = GlossaryOptions {
            zh_code: args.zh_code.clone(),
            en_code: args.en_code.clone(),
            source: match args.source {
                SourceArg::Zh => Lang::Zh,
                SourceArg::En => Lang::En,
            },
            include_candidates: args.include_candidates,
            creation_date,
            ..GlossaryOptions::default()
        };
        if stdout {
            write_glossary_stdout(formats[0], &entries, &gopts)?;
            return Ok(if problems { EXIT_INPUT } else { EXIT_OK });
        }
        // As in `export`: every glossary is written into a staging folder and moved into
        // place all together, so a failure leaves the earlier glossaries as they were.
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let staging = tempfile::Builder::new()
            .prefix(".zhen-tm-staging-")
            .tempdir_in(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        let mut staged = Vec::new();
        for format in formats {
            let path = dir.join(format.file_name());
            let temp = staging.path().join(format.file_name());
            for w in write_glossary(&temp, &path, format, &entries, &gopts)? {
                eprintln!("zhen-tm: {}: {w}", path.display());
            }
            staged.push((temp, path));
        }
        let backups = staging.path().join(".replaced");
        std::fs::create_dir(&backups).map_err(|e| Error::io(&backups, e))?;
        for path in zhen_tm::write::commit_staged(&staged, &backups)? {
            files.push(path.display().to_string());
        }
    }

    if args.quiet {
        return Ok(if problems { EXIT_INPUT } else { EXIT_OK });
    }
    if args.json {
        let report = JsonReport {
            documents: docs
                .iter()
                .map(|d| (d.id.as_str(), d.date.as_deref(), d.pairs.len()))
                .collect(),
            known: &known_report,
            candidates: shown
                .iter()
                .map(|c| {
                    let s = segs.get(c.example);
                    CandidateOut {
                        candidate: c,
                        example_pair: s.map_or("", |s| s.id.as_str()),
                        example_zh: s.map_or("", |s| s.zh.as_str()),
                        example_en: s.map_or("", |s| s.en.as_str()),
                    }
                })
                .collect(),
            variants: &variant_report,
            check: None,
            files,
        };
        print_json(&report);
    } else {
        print_known(&docs, &segs, &known_report);
        print_candidates(&segs, shown, total_candidates);
        print_variants(&variant_report);
        if !files.is_empty() {
            outln!("\nfiles written:");
            for f in &files {
                outln!("  {f}");
            }
        }
    }
    Ok(if problems { EXIT_INPUT } else { EXIT_OK })
}

fn print_json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => outln!("{s}"),
        Err(e) => eprintln!("zhen-tm: error: cannot serialize the report: {e}"),
    }
}

/// `-o -`: writes one glossary to standard output, made in memory first so that an error
/// writes nothing; warnings go to standard error.
fn write_glossary_stdout(
    format: GlossaryFormat,
    entries: &[zhen_tm::glossary::Entry],
    opts: &GlossaryOptions,
) -> Result<()> {
    use std::io::Write as _;
    let shown = std::path::Path::new("<standard output>");
    let mut buf = Vec::new();
    let warnings = zhen_tm::glossary::export::write(&mut buf, format, entries, opts)
        .map_err(|e| Error::io(shown, e))?;
    for w in warnings {
        eprintln!("zhen-tm: {w}");
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(&buf).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io(shown, e)),
        _ => Ok(()),
    }
}

/// Writes one glossary atomically: into a temporary file in the same folder, renamed over
/// `path` once complete, so that a CAT tool watching the folder never reads half a file.
/// Errors name `shown`, the file the user will look for (`path` is in the staging folder).
fn write_glossary(
    path: &std::path::Path,
    shown: &std::path::Path,
    format: GlossaryFormat,
    entries: &[zhen_tm::glossary::Entry],
    opts: &GlossaryOptions,
) -> Result<Vec<String>> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(shown, e))?;
    let warnings = {
        let mut buf = std::io::BufWriter::new(tmp.as_file());
        let w = zhen_tm::glossary::export::write(&mut buf, format, entries, opts)
            .map_err(|e| Error::io(shown, e))?;
        std::io::Write::flush(&mut buf).map_err(|e| Error::io(shown, e))?;
        w
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(shown, e))?;
    }
    tmp.persist(path).map_err(|e| Error::io(shown, e.error))?;
    Ok(warnings)
}

fn doc_label(doc: &str, date: Option<&str>) -> String {
    match date {
        Some(d) => format!("{doc} ({d})"),
        None => doc.to_string(),
    }
}

fn print_known(docs: &[AlignedDocument], segs: &[Segment], report: &[known::KnownTerm]) {
    outln!(
        "Known terms: {} found in {} pairs of {} document(s)",
        report.len(),
        segs.len(),
        docs.len()
    );
    outln!("term\tcategory\tpairs\trendering\tpairs\tper document");
    for k in report {
        for (i, r) in k.renderings.iter().enumerate() {
            let per_doc: Vec<String> = r
                .by_doc
                .iter()
                .map(|c| format!("{}: {}", doc_label(&c.doc, c.date.as_deref()), c.pairs))
                .collect();
            let (zh, cat, pairs) = if i == 0 {
                (k.zh.as_str(), k.category.as_str(), k.pairs.to_string())
            } else {
                ("", "", String::new())
            };
            outln!(
                "{zh}\t{cat}\t{pairs}\t{}\t{}\t{}",
                r.en.as_deref().unwrap_or("(none found)"),
                r.pairs,
                per_doc.join(", ")
            );
        }
    }
}

fn print_candidates(segs: &[Segment], candidates: &[discover::Candidate], total: usize) {
    outln!(
        "\nDiscovered candidates: top {} of {total} (not in the term list)",
        candidates.len()
    );
    outln!("rank\tzh\ten\tscore\tconfidence\tpairs\tdocuments\texample");
    for (i, c) in candidates.iter().enumerate() {
        outln!(
            "{}\t{}\t{}\t{:.1}\t{:.2}\t{}/{}/{}\t{}\t{}",
            i + 1,
            c.zh,
            c.en,
            c.score,
            c.confidence,
            c.pairs,
            c.zh_pairs,
            c.en_pairs,
            c.documents.len(),
            segs.get(c.example).map_or("", |s| s.id.as_str())
        );
    }
}

fn print_variants(report: &variants::Report) {
    outln!(
        "\nVariants: {} term(s) rendered differently",
        report.changes.len()
    );
    for c in &report.changes {
        let reason = match c.reason {
            variants::Reason::ListDate => "dated latest in the list",
            variants::Reason::LatestDocument => "used by the latest document",
            variants::Reason::Default => "the list's first rendering",
        };
        outln!("{}\tpreferred: {} ({reason})", c.zh, c.preferred);
        for r in &c.renderings {
            outln!(
                "  {} {}\t{} pair(s)\t{}",
                if r.preferred { "*" } else { "-" },
                r.en,
                r.pairs,
                if r.dates.is_empty() {
                    "undated".to_string()
                } else {
                    r.dates.join(", ")
                }
            );
        }
    }
    if !report.shared.is_empty() {
        outln!("\nEnglish renderings shared by several Chinese terms:");
        for s in &report.shared {
            let zh: Vec<String> =
                s.zh.iter()
                    .map(|(z, d)| format!("{z} ({})", d.join(", ")))
                    .collect();
            outln!("{}\t{}", s.en, zh.join("; "));
        }
    }
}
