//! The OASIS XLIFF 2.1 test suite and Okapi's XLIFF 2.0 valid/invalid files as a measuring
//! stick for the semantic checks: how many invalid files they reject (alone, and together
//! with xmllint and the official schemas standing in for the schema layer), and no false
//! alarm on any valid file. Skips with a message when `../shared` is absent.

#[path = "common/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};
use zhen_tm::validate::{checks, Severity, XmlFormat};

fn xlf_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "xlf") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The suite folders: (valid folders, invalid folders), relative to the shared folder.
fn folders(shared: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let oasis = shared.join("testsuite-upstream/oasis-tcs+xliff-xliff-22/xliff-21/test-suite");
    let okapi = shared
        .join("testsuite-upstream/mihnita+okapi/okapi/libraries/lib-xliff2/src/test/resources");
    (
        vec![
            oasis.join("core/valid"),
            oasis.join("modules/valid"),
            okapi.join("valid"),
        ],
        vec![
            oasis.join("core/invalid"),
            oasis.join("modules/invalid"),
            okapi.join("invalid"),
        ],
    )
}

fn errors(path: &Path) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return vec!["unreadable".into()];
    };
    checks::check(&bytes, XmlFormat::Xliff2)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: [{}] {}", d.line, d.column, d.rule, d.message))
        .collect()
}

/// Errors from the whole of `zhen-tm validate`: the bundled schemas plus the checks.
fn tool_errors(path: &Path) -> usize {
    let Ok(bytes) = std::fs::read(path) else {
        return 1;
    };
    zhen_tm::validate::validate(&bytes, XmlFormat::Xliff2)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

#[test]
fn oasis_and_okapi_xliff2_suites() {
    let Some(shared) = oracle::shared_dir() else {
        eprintln!("{}", oracle::SKIP_MESSAGE);
        return;
    };
    let (valid, invalid) = folders(&shared);
    let verbose = std::env::var_os("ZHEN_TM_SUITE_VERBOSE").is_some();
    let mut false_alarms = Vec::new();
    let mut upstream_invalid: Vec<String> = Vec::new();
    let mut n_valid = 0;
    for dir in &valid {
        for f in xlf_files(dir) {
            n_valid += 1;
            let errs = errors(&f);
            if !errs.is_empty() {
                false_alarms.push(format!("{}:\n  {}", f.display(), errs.join("\n  ")));
            } else if tool_errors(&f) > 0 {
                // A schema error on a file of a `valid/` folder is a false alarm only when the
                // official schemas accept the file (Okapi's valid/its/provenance.xlf, for one,
                // uses an ITS attribute the OASIS schema does not allow there).
                match oracle::xmllint(oracle::OracleSchema::Xliff21All, &f) {
                    Some(Err(_)) => upstream_invalid.push(f.display().to_string()),
                    _ => false_alarms.push(format!("{}: schema error", f.display())),
                }
            }
        }
    }
    let use_xmllint = oracle::xmllint_available();
    let (mut n_invalid, mut by_checks, mut by_both, mut by_schema) = (0, 0, 0, 0);
    let mut by_tool = 0;
    for dir in &invalid {
        let before = (n_invalid, by_checks, by_both);
        for f in xlf_files(dir) {
            n_invalid += 1;
            let errs = errors(&f);
            let schema = use_xmllint
                && matches!(
                    oracle::xmllint(oracle::OracleSchema::Xliff21All, &f),
                    Some(Err(_))
                );
            by_checks += usize::from(!errs.is_empty());
            by_tool += usize::from(tool_errors(&f) > 0);
            by_schema += usize::from(schema);
            by_both += usize::from(!errs.is_empty() || schema);
            if verbose {
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match errs.first() {
                    Some(e) => eprintln!("REJECTED {name}: {e}"),
                    None if schema => eprintln!("schema   {name}"),
                    None => eprintln!("MISSED   {name}"),
                }
            }
        }
        println!(
            "{}: {} invalid, rejected by the checks: {}, by checks + xmllint: {}",
            dir.display(),
            n_invalid - before.0,
            by_checks - before.1,
            by_both - before.2
        );
    }
    println!(
        "XLIFF 2 suites: {n_invalid} invalid files; rejected by the checks alone: {by_checks}; \
         by xmllint alone: {}; by checks + xmllint: {}; by zhen-tm validate (bundled schemas + \
         checks): {by_tool}; valid files: {n_valid}, false alarms: {}",
        if use_xmllint {
            by_schema.to_string()
        } else {
            "n/a".into()
        },
        if use_xmllint {
            by_both.to_string()
        } else {
            "n/a".into()
        },
        false_alarms.len()
    );
    if !upstream_invalid.is_empty() {
        println!(
            "files of valid/ folders the official schemas reject too (not false alarms): {}",
            upstream_invalid.join(", ")
        );
    }
    assert!(
        false_alarms.is_empty(),
        "false alarms on valid files:\n{}",
        false_alarms.join("\n")
    );
    if use_xmllint {
        // The bundled schemas give xmllint's verdicts, so the tool rejects what both do.
        assert_eq!(by_tool, by_both, "zhen-tm validate vs checks + xmllint");
    }
    assert!(
        by_checks * 2 >= n_invalid,
        "the checks reject only {by_checks} of {n_invalid} invalid files"
    );
}
