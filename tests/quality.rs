//! The alignment quality bar, measured with the project's shared scorer.
//!
//! Uses `../shared` (the gold alignment `gold/001.jsonl` and `tools/eval_align.py`, which CI
//! has beside the checkout); skips with a message when it, or python3, is absent, so that a
//! fresh clone elsewhere still passes.

#[path = "common/cli.rs"]
mod cli;

use cli::sample;
use std::path::PathBuf;
use std::process::Command;

/// strict F1 >= 0.90 and lax F1 >= 0.97 on the TMX that `export` writes for sample 001 with
/// default options (the quality bar).
#[test]
fn gold_001_meets_the_quality_bar() {
    // The shared folder, when it holds the gold file.
    let Some(shared) = cli::shared_path("gold/001.jsonl").and(cli::shared_path("")) else {
        println!("skipping: ../shared/gold not found");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipping: python3 not found");
        return;
    }
    let out = tempfile::tempdir().expect("tempdir");
    let status = Command::new(env!("CARGO_BIN_EXE_zhen-tm"))
        .arg("export")
        .arg(sample("001"))
        .arg("-o")
        .arg(out.path())
        .status()
        .expect("run zhen-tm");
    assert!(status.success());
    let tmx: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("out dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tmx"))
        .collect();
    assert_eq!(tmx.len(), 1, "one TMX for one document");
    let res = Command::new("python3")
        .arg(shared.join("tools/eval_align.py"))
        .arg(shared.join("gold/001.jsonl"))
        .arg(&tmx[0])
        .arg("--json")
        .output()
        .expect("run scorer");
    assert!(
        res.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&res.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&res.stdout).expect("scorer JSON");
    let strict = v["strict"]["f1"].as_f64().expect("strict f1");
    let lax = v["lax"]["f1"].as_f64().expect("lax f1");
    println!(
        "gold 001: strict F1 {strict}, lax F1 {lax} ({} gold pairs, {} predicted)",
        v["gold_pairs"], v["predicted_pairs"]
    );
    for m in v["missed"].as_array().into_iter().flatten() {
        println!("missed: {m}");
    }
    assert!(strict >= 0.90, "strict F1 {strict} below 0.90");
    assert!(lax >= 0.97, "lax F1 {lax} below 0.97");
}
