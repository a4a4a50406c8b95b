//! ilib-xliff (npm, pinned in `tests/clients/package.json`), an XLIFF reader nobody on this
//! project wrote, sees which pairs need review in what `zhen-tm export` writes:
//!
//! * XLIFF 2.1: ilib-xliff reads no segment `state` from 2.x files, but keeps a unit's first
//!   note as its `comment`. The review note is the only note of a unit that needs review, so
//!   `comment` is set on exactly those units and on no other;
//! * XLIFF 1.2: it reads the target's `state`: `needs-review-translation` on exactly the
//!   units that need review, `translated` on the rest.
//!
//! Together with the Translate Toolkit (`clients_ttk.rs`, which reads the 2.1 units needing
//! review as fuzzy through `state="initial"`) that is two readers seeing the review mark.
//! The reading is done by `tests/clients/ilib_read.mjs`. Without node or the package
//! (`npm ci --prefix tests/clients`, done by `.ci/run`) the tests print `skipping: …` and pass.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use cli::*;
use quick_xml::events::Event;

/// One unit as ilib-xliff reads it.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // `id` is shown in assertion messages only.
struct IlibUnit {
    id: Option<String>,
    source: Option<String>,
    target: Option<String>,
    state: Option<String>,
    comment: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct IlibRead {
    reader: String,
    units: Vec<IlibUnit>,
}

/// Runs `node ilib_read.mjs FILE`; `Err(why)` when node or ilib-xliff is missing.
fn ilib_read(file: &Path) -> Result<IlibRead, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/ilib_read.mjs");
    let o = match Command::new("node").arg(script).arg(file).output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("node not found".into()),
        Err(e) => panic!("node: {e}"),
    };
    let err = String::from_utf8_lossy(&o.stderr);
    if o.status.code() == Some(3) {
        return Err(err.trim().to_string());
    }
    assert!(
        o.status.success(),
        "ilib-xliff could not read {}: {:?}\n{err}",
        file.display(),
        o.status.code()
    );
    Ok(serde_json::from_slice(&o.stdout).expect("ilib_read.mjs prints JSON"))
}

/// Per unit, in file order, whether our file marks it for review (XLIFF 1.2: target state
/// `needs-review-translation`; XLIFF 2.1: segment `subState` ours), read with quick-xml.
fn review_marks(path: &Path) -> Vec<bool> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => {
                let attr = |k: &str| {
                    e.try_get_attribute(k)
                        .unwrap()
                        .map(|a| a.unescape_value().unwrap().into_owned())
                };
                match e.name().as_ref() {
                    b"target" => {
                        if let Some(s) = attr("state") {
                            out.push(s == "needs-review-translation");
                        }
                    }
                    b"segment" => out
                        .push(attr("subState").as_deref() == Some(zhen_tm::write::REVIEW_SUBSTATE)),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn export_samples() -> PathBuf {
    export_in(
        "clients_npm",
        "review",
        &[
            samples_dir().as_os_str(),
            "--format".as_ref(),
            "xliff12,xliff21".as_ref(),
            "--review-below".as_ref(),
            "0.8".as_ref(),
        ],
    )
}

/// Checks ilib-xliff's reading of one file against ours: same pairs, and `flagged(unit)`
/// true on exactly the units we mark for review. Returns (units, flagged) or why skipped.
fn check(
    file: &Path,
    ours: Pairs,
    flagged: impl Fn(&IlibUnit) -> bool,
) -> Result<(usize, usize, String), String> {
    let r = ilib_read(file)?;
    let marks = review_marks(file);
    assert_eq!(
        r.units.len(),
        ours.len(),
        "{}: {}",
        file.display(),
        r.reader
    );
    assert_eq!(marks.len(), ours.len(), "{}", file.display());
    for (i, (u, (src, tgt))) in r.units.iter().zip(&ours).enumerate() {
        assert_eq!(
            (u.source.as_deref(), u.target.as_deref()),
            (Some(src.as_str()), Some(tgt.as_str())),
            "{}: unit {i}",
            file.display()
        );
        assert_eq!(
            flagged(u),
            marks[i],
            "{}: unit {i}: {} reads {u:?}",
            file.display(),
            r.reader
        );
    }
    Ok((ours.len(), marks.iter().filter(|&&m| m).count(), r.reader))
}

#[test]
fn ilib_xliff_sees_the_review_mark_in_xliff21_and_xliff12() {
    let dir = export_samples();
    let (mut units, mut flagged21, mut flagged12) = (0, 0, 0);
    let mut reader = String::new();
    for p in ["000", "001", "002"] {
        let stem = stem(&sample(p));
        let x21 = dir.join(format!("{stem}.xliff21.xlf"));
        let x12 = dir.join(format!("{stem}.xliff12.xlf"));
        let r21 = check(&x21, read_xliff21(&x21), |u| {
            u.comment
                .as_deref()
                .is_some_and(|c| c.starts_with("Needs review"))
        });
        let (n, f, name) = match r21 {
            Ok(v) => v,
            Err(m) => return println!("skipping: {m}"),
        };
        units += n;
        flagged21 += f;
        reader = name;
        let (_, f, _) = check(&x12, read_xliff12(&x12), |u| {
            u.state.as_deref() == Some("needs-review-translation")
        })
        .unwrap_or_else(|m| panic!("{m}"));
        flagged12 += f;
    }
    println!(
        "{reader}: {units} units; needing review: {flagged21} in XLIFF 2.1 (comment), {flagged12} in XLIFF 1.2 (state)"
    );
    assert!(flagged21 > 5 && flagged21 < units, "{flagged21} of {units}");
    assert_eq!(flagged21, flagged12);
}
