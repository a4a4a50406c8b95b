//! Quality regression on the development bench (`../shared/bench`, 29 human-aligned
//! documents), run through the shared runner `tools/bench.py` with the built binary and its
//! default options. Each set's F1d (the published aligners' convention) must stay at or
//! above the figure this version reached, so that quality cannot slide unnoticed.
//!
//! The bench is not part of this repository: the test skips with a message when
//! `../shared` (or `$ZHEN_TM_SHARED`) or `python3` is absent.

#[path = "common/cli.rs"]
mod cli;

use std::process::Command;

/// Floors per (mode, set): the F1d reached when the floors were set, rounded down.
const FLOORS: [(&str, &str, f64); 8] = [
    ("presplit", "aca", 0.99),
    ("presplit", "pol", 0.975),
    ("presplit", "macdev", 0.90),
    ("presplit", "bible", 0.97),
    ("raw", "aca", 0.945),
    ("raw", "pol", 0.97),
    ("raw", "macdev", 0.85),
    ("raw", "bible", 0.72),
];

#[test]
fn bench_sets_stay_above_their_floors() {
    let (Some(bench_py), Some(_)) = (
        cli::shared_path("tools/bench.py"),
        cli::shared_path("bench"),
    ) else {
        eprintln!("skipped: ../shared/bench and tools/bench.py not found");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 not found");
        return;
    }
    let out = Command::new("python3")
        .arg(bench_py)
        .arg(env!("CARGO_BIN_EXE_zhen-tm"))
        .args(["--mode", "both", "--json"])
        .output()
        .expect("run bench.py");
    assert!(
        out.status.success(),
        "bench.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("bench.py JSON");
    let mut failures = Vec::new();
    for (mode, set, floor) in FLOORS {
        let f1d = report["summary"][mode]["sets"][set]["f1d"].as_f64();
        let failed = report["summary"][mode]["sets"][set]["failed"].as_u64();
        println!("{mode} {set}: F1d {f1d:?} (floor {floor}), failed docs {failed:?}");
        match f1d {
            Some(v) if v >= floor && failed == Some(0) => {}
            _ => failures.push(format!(
                "{mode} {set}: F1d {f1d:?} < {floor} or failed docs"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "quality fell:\n{}",
        failures.join("\n")
    );
}
