//! Embeds the project's schemas: writes `$OUT_DIR/schema_bundle.rs`, a table of every schema
//! file under `schemas/` (relative path → `include_str!`), which `src/validate/schema.rs`
//! extracts to a temporary folder so that relative `xs:import`/`xs:include` resolve.
//!
//! The table is generated rather than written by hand because schemas land in `schemas/`
//! independently of the code: a hand-written `include_str!` of a file not yet there would not
//! compile, and a file added later would be silently left out. A format whose entry schema is
//! absent gets a "not bundled" diagnostic at run time instead.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// File kinds that are schemas (anything else in `schemas/`, e.g. README.md, is not embedded).
const SCHEMA_EXTENSIONS: &[&str] = &["xsd", "dtd", "rng"];

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| SCHEMA_EXTENSIONS.contains(&e))
        {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("schemas");
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut table = String::from(
        "/// Bundled schema files: path relative to `schemas/` (with `/`), and their text.\n\
         pub(crate) static BUNDLE: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        // include_str! needs UTF-8; a schema that is not is skipped with a build warning.
        if std::fs::read_to_string(path).is_err() {
            println!(
                "cargo:warning=schema {} is not UTF-8; not embedded",
                path.display()
            );
            continue;
        }
        let Ok(rel) = path.strip_prefix(&root) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let _ = writeln!(
            table,
            "    ({:?}, include_str!({:?})),",
            rel.join("/"),
            path.display().to_string()
        );
    }
    table.push_str("];\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("schema_bundle.rs");
    if let Err(e) = std::fs::write(&out, table) {
        panic!("cannot write {}: {e}", out.display());
    }
}
