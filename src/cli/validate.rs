//! `zhen-tm validate FILE...`: check translation memories and termbases before handing
//! them to a CAT tool or a client.

use super::{EXIT_INPUT, EXIT_OK};
use std::path::{Path, PathBuf};
use zhen_tm::validate::{self, detect, Diagnostic, Severity, XmlFormat};

/// Check TMX, XLIFF and TBX files: schema validity and the rules CAT tools depend on.
///
/// The format is detected from the root element and namespace (TMX 1.4, XLIFF 1.2,
/// XLIFF 2.0/2.1, XLIFF 2.2, TBX) unless --as forces it. Besides the schema, the checks
/// cover unique ids, well-formed BCP 47 language tags and one language pair, source and
/// target languages, empty segments, TMX dates, XLIFF state/approved consistency,
/// references between inline codes, and sources translated twice differently (warning).
///
/// Each finding is printed as `FILE:LINE:COLUMN: error|warning: [rule] message`, then one
/// summary line per file. Nothing is fetched or expanded: DOCTYPEs and entities other than
/// the predefined ones are reported, never resolved. A DOCTYPE that reaches outside the
/// file (a DTD at a URL or absolute path, an external or parameter entity) is an error,
/// any other DOCTYPE a warning; an XML declaration naming an encoding the file is not in
/// is an error.
///
/// Exit status: 0 when every file is valid (warnings allowed), 1 when any file has an error
/// or cannot be read, 2 on bad usage.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Force the format instead of detecting it: tmx, xliff12, xliff2 (2.0/2.1), xliff22, tbx.
    #[arg(long = "as", value_name = "FORMAT", value_parser = parse_format)]
    format: Option<XmlFormat>,
    /// Print a JSON array of {file, format, valid, diagnostics} instead of text.
    #[arg(long)]
    json: bool,
}

fn parse_format(s: &str) -> Result<XmlFormat, String> {
    XmlFormat::parse(s).ok_or_else(|| {
        format!("unknown format \"{s}\" (expected tmx, xliff12, xliff2, xliff22 or tbx)")
    })
}

/// The outcome for one file.
struct Report {
    file: PathBuf,
    format: Option<XmlFormat>,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

/// Read, detect and validate one file; I/O and detection failures become diagnostics
/// naming the file, so one bad file does not stop the others.
fn check_file(path: &Path, forced: Option<XmlFormat>) -> Report {
    let failed = |message: String| Report {
        file: path.to_path_buf(),
        format: forced,
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            line: 0,
            column: 0,
            rule: "input".into(),
            message,
        }],
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(format!("cannot read the file: {e}")),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return failed("the file is empty".into());
    }
    let Some(format) = forced.or_else(|| detect::detect(&bytes)) else {
        // Undecodable bytes hide the root element: say so, where, rather than "not a TMX".
        if let Err(d) = validate::read_text(&bytes) {
            return Report {
                file: path.to_path_buf(),
                format: None,
                diagnostics: vec![d],
            };
        }
        return failed(
            "not a TMX, XLIFF or TBX file (unknown root element or namespace); use --as FORMAT to force one".into(),
        );
    };
    Report {
        file: path.to_path_buf(),
        format: Some(format),
        diagnostics: validate::validate(&bytes, format),
    }
}

/// Run `validate`.
pub fn run(args: Args) -> zhen_tm::Result<i32> {
    let reports: Vec<Report> = args
        .files
        .iter()
        .map(|f| check_file(f, args.format))
        .collect();
    let any_error = reports.iter().any(|r| r.errors() > 0);
    if args.json {
        let json: Vec<serde_json::Value> = reports
            .iter()
            .map(|r| {
                serde_json::json!({
                    "file": r.file.display().to_string(),
                    "format": r.format.map(XmlFormat::name),
                    "valid": r.errors() == 0,
                    "diagnostics": r.diagnostics,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        outln!("{text}");
    } else {
        for r in &reports {
            let file = r.file.display();
            for d in &r.diagnostics {
                let severity = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                outln!(
                    "{file}:{}:{}: {severity}: [{}] {}",
                    d.line,
                    d.column,
                    d.rule,
                    d.message
                );
            }
            let errors = r.errors();
            let warnings = r.diagnostics.len() - errors;
            if errors == 0 {
                let name = r.format.map_or("unknown", XmlFormat::name);
                if warnings == 0 {
                    outln!("{file}: valid ({name})");
                } else {
                    outln!(
                        "{file}: valid ({name}), {warnings} warning{}",
                        plural(warnings)
                    );
                }
            } else {
                outln!(
                    "{file}: {errors} error{}, {warnings} warning{}",
                    plural(errors),
                    plural(warnings)
                );
            }
        }
    }
    Ok(if any_error { EXIT_INPUT } else { EXIT_OK })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
