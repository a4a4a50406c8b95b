//! xmllint as an external oracle for integration tests.
//!
//! The official schemas live outside the crate, in the shared folder next to the checkout
//! (`../shared`, or wherever `ZHEN_TM_SHARED` points). A fresh clone elsewhere, or a machine
//! without `xmllint`, has neither, so every entry point returns `None` in that case and the
//! caller prints a skip message instead of failing. Include it with
//! `#[path = "common/oracle.rs"] mod oracle;`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Printed by tests that skip because the oracle is unavailable.
pub const SKIP_MESSAGE: &str = "skipping: ../shared or xmllint not found";

/// Which official schema to validate against; the paths are the ones in
/// `shared/oracle/README.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OracleSchema {
    /// TMX 1.4b DTD (`--dtdvalid`); TMX has no official XSD.
    Tmx14,
    /// OASIS XLIFF 1.2 strict XSD.
    Xliff12Strict,
    /// XLIFF 2.0/2.1 core plus every module (driver XSD), so `mda:` content is checked too.
    Xliff21All,
    /// XLIFF 2.2 core plus modules (driver XSD).
    Xliff22All,
    /// TBX core structure RELAX NG schema.
    TbxRng,
}

impl OracleSchema {
    /// The xmllint switch and schema path (relative to the shared folder).
    fn args(self) -> (&'static str, &'static str) {
        match self {
            OracleSchema::Tmx14 => ("--dtdvalid", "schemas-upstream/tmx14b/tmx14.dtd"),
            OracleSchema::Xliff12Strict => (
                "--schema",
                "schemas-upstream/xliff12/xliff-core-1.2-strict.xsd",
            ),
            OracleSchema::Xliff21All => ("--schema", "oracle/xliff21-all.xsd"),
            OracleSchema::Xliff22All => ("--schema", "oracle/xliff22-all.xsd"),
            OracleSchema::TbxRng => ("--relaxng", "schemas-upstream/tbx/TBXcoreStructV03.rng"),
        }
    }
}

/// The shared folder holding the schemas and the catalog: `ZHEN_TM_SHARED` if set, else
/// `<CARGO_MANIFEST_DIR>/../shared`; `None` if it (or its catalog) is missing.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("ZHEN_TM_SHARED") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("shared"),
    };
    let dir = dir.canonicalize().ok()?;
    dir.join("oracle")
        .join("catalog.xml")
        .is_file()
        .then_some(dir)
}

/// Whether an `xmllint` binary can be run.
pub fn xmllint_available() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Validates `file` against `kind` with xmllint, offline (`--nonet`, the shared catalog in
/// `XML_CATALOG_FILES`), exactly as the oracle README runs it. `None` when the shared folder
/// or xmllint is missing (print [`SKIP_MESSAGE`]); otherwise `Ok` or `Err(xmllint's output)`.
pub fn xmllint(kind: OracleSchema, file: &Path) -> Option<Result<(), String>> {
    let shared = shared_dir()?;
    if !xmllint_available() {
        return None;
    }
    let file = match file.canonicalize() {
        Ok(f) => f,
        Err(e) => return Some(Err(format!("{}: {e}", file.display()))),
    };
    let (switch, schema) = kind.args();
    let out = Command::new("xmllint")
        .current_dir(&shared)
        .env(
            "XML_CATALOG_FILES",
            shared.join("oracle").join("catalog.xml"),
        )
        .args(["--nonet", "--noout", switch])
        .arg(shared.join(schema))
        .arg(&file)
        .output();
    Some(match out {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!(
            "xmllint {switch} {schema} {} failed ({}):\n{}{}",
            file.display(),
            o.status,
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )),
        Err(e) => Err(format!("could not run xmllint: {e}")),
    })
}
