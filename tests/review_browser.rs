//! The review page in a real browser (issue 13): headless Chromium driven through
//! chromedriver by `tests/clients/webdriver_steps.py` (W3C WebDriver over HTTP, standard
//! library only). On an export of a sample the test merges, splits and rejects by clicking,
//! reloads (the work survives in localStorage), saves the decisions file (a real download),
//! runs `zhen-tm apply` and checks the memory's pairs. A 1,000-pair page with hostile text
//! checks speed and escaping. Skips with a message when chromium, chromedriver or python3
//! is missing (`.ci/run` installs them).

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use cli::*;
use serde_json::{json, Value};
use zhen_tm::model::{AlignedDocument, Lang, Pair, Unaligned, UnitKind};
use zhen_tm::review::{self, decide::Row, Decision, Workspace};

/// Whether a program is on PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        .unwrap_or(false)
}

fn browser_missing() -> Option<String> {
    let missing: Vec<&str> = ["chromium", "chromedriver", "python3"]
        .into_iter()
        .filter(|n| !on_path(n))
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "skipped: {} not installed (Debian: apt-get install chromium chromium-driver)",
            missing.join(", ")
        )
    })
}

/// Runs the steps in the browser; returns the values of the `eval` steps.
fn run_steps(name: &str, steps: &Value, downloads: &Path) -> Vec<Value> {
    let dir = scratch_in("review_browser", &format!("{name}-steps"));
    let file = dir.join("steps.json");
    std::fs::write(&file, serde_json::to_vec_pretty(steps).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/webdriver_steps.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(&file).arg(downloads);
    let o = run_with_timeout(cmd, std::time::Duration::from_secs(180));
    assert!(
        o.status.success(),
        "browser steps failed:\n{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["results"].as_array().unwrap().clone()
}

/// A child process with a time limit (only this child is ever killed).
fn run_with_timeout(mut cmd: Command, limit: std::time::Duration) -> std::process::Output {
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn python3");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("browser steps timed out after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.canonicalize().unwrap().display())
}

#[test]
fn merge_split_reject_save_apply() {
    if let Some(msg) = browser_missing() {
        eprintln!("{msg}");
        return;
    }
    let started = Instant::now();
    let out = scratch_in("review_browser", "sample");
    let o = zhen_tm()
        .arg("export")
        .arg(sample("000"))
        .args(["--review", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    let record = review::read_record(&out.join("review.json")).unwrap();
    let doc = &record.documents[0];
    let ws = Workspace::new(doc);
    let pairs: Vec<_> = ws
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Pair(p) => Some(p),
            Row::Unaligned(_) => None,
        })
        .collect();
    // What to click: merge pair 3 with pair 4, split the first later pair with two or more
    // English sentences after its first one, reject the last pair.
    let merge = 2;
    let split = (5..pairs.len() - 1)
        .find(|&i| pairs[i].en.len() >= 2)
        .expect("a pair with two English sentences in sample 000");
    let zh_cut = if pairs[split].zh.len() >= 2 {
        1
    } else {
        pairs[split].zh.len()
    };
    let reject = pairs.len() - 1;
    let first = |i: usize| pairs[i].en[0];
    let downloads = scratch_in("review_browser", "sample-downloads");
    let page = out.join(format!("{}.review.html", doc.id));
    let file_name = format!("{}.decisions.json", doc.id);
    let steps = json!([
        {"open": file_url(&page)},
        {"eval": "localStorage.clear(); return true"},
        {"reload": true},
        {"click": format!("tr[data-first=\"{}\"] button[data-act=\"merge\"]", first(merge))},
        {"click": format!("tr[data-first=\"{}\"] td.en button.cut[data-k=\"1\"]", first(split))},
        {"click": format!("tr[data-first=\"{}\"] td.zh button.cut2[data-k=\"{zh_cut}\"]", first(split))},
        {"click": format!("tr[data-first=\"{}\"] button[data-act=\"reject\"]", first(reject))},
        {"eval": "return document.querySelectorAll('tr.pair').length"},
        {"reload": true},
        {"eval": "return document.querySelectorAll('tr.pair').length"},
        {"eval": "return document.getElementById('status').textContent"},
        {"click": "#save"},
        {"download": file_name},
    ]);
    let results = run_steps("sample", &steps, &downloads);

    // The saved decisions are the three clicked, in order.
    let saved = review::read_decisions(&downloads.join(&file_name)).unwrap();
    assert_eq!(saved.document, doc.id);
    assert_eq!(saved.fingerprint, record.fingerprints[&doc.id]);
    assert_eq!(
        saved.decisions,
        [
            Decision::Merge {
                sentence: first(merge)
            },
            Decision::Split {
                sentence: first(split),
                en: 1,
                zh: zh_cut
            },
            Decision::Reject {
                sentence: first(reject)
            },
        ]
    );

    // The expected memory, from the exported pairs: merged, split, rejected.
    let p = &doc.pairs;
    let mut want: Pairs = Vec::new();
    for (i, x) in p.iter().enumerate() {
        if i == merge {
            want.push((
                format!("{}{}", x.zh_text(), p[i + 1].zh_text()),
                format!("{} {}", x.en_text(), p[i + 1].en_text()),
            ));
        } else if i == merge + 1 || i == reject {
        } else if i == split {
            want.push((x.zh[..zh_cut].join(""), x.en[0].clone()));
            if zh_cut < x.zh.len() {
                want.push((x.zh[zh_cut..].join(""), x.en[1..].join(" ")));
            }
        } else {
            want.push((x.zh_text(), x.en_text()));
        }
    }
    // The page showed that many pairs, before and after a reload.
    assert_eq!(results[1], json!(want.len()));
    assert_eq!(results[2], json!(want.len()), "the reload kept the work");
    assert!(
        results[3].as_str().unwrap().contains("3 decisions"),
        "{}",
        results[3]
    );

    let o = zhen_tm()
        .arg("apply")
        .arg(downloads.join(&file_name))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    let got = read_tmx(&out.join(format!("{}.tmx", doc.id))).pairs("zh-CN", "en-US");
    assert_eq!(got, want);
    assert_eq!(
        read_xliff12(&out.join(format!("{}.xliff12.xlf", doc.id))),
        want
    );
    let un = read_unaligned_dir(&out);
    let last = &p[reject];
    assert!(un.iter().any(|(_, l, t)| l == "en" && *t == last.en_text()));
    assert!(un.iter().any(|(_, l, t)| l == "zh" && *t == last.zh_text()));
    if zh_cut == p[split].zh.len() {
        for s in &p[split].en[1..] {
            assert!(un.iter().any(|(_, l, t)| l == "en" && t == s), "{s}");
        }
    }
    eprintln!(
        "review page in headless Chromium: export, 3 clicks, reload, save, apply in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// A 1,000-pair document: every seventh pair scores low; the first pair and an unaligned
/// sentence carry markup and quotes.
fn thousand_pairs() -> AlignedDocument {
    let hostile = "</script><script>alert(\"x\")</script> it's <b>bold</b> & \"quoted\"";
    let pairs: Vec<Pair> = (0..1000)
        .map(|k| Pair {
            id: format!("big-{:04}", k + 1),
            doc: "big".into(),
            date: None,
            unit: 2 + k / 10,
            kind: UnitKind::Turn,
            speaker_en: Some("Wang Yi".into()),
            speaker_zh: Some("王毅".into()),
            en: if k == 0 {
                vec![hostile.into()]
            } else {
                vec![
                    format!("Sentence {k} of the speech."),
                    format!("And {k} more."),
                ]
            },
            zh: vec![format!("这是第{k}句话。")],
            score: if k % 7 == 3 { 0.2 } else { 0.9 },
            lines: (10 + k, 2000 + k),
            reviewed: false,
            clause: None,
        })
        .collect();
    AlignedDocument {
        id: "big".into(),
        source: "big.md".into(),
        date: Some("2025-03-07".into()),
        pairs,
        unaligned: vec![
            Unaligned {
                doc: "big".into(),
                lang: Lang::En,
                unit: 5,
                kind: UnitKind::Heading,
                speaker: None,
                text: "<img src=x onerror=alert(1)> 'single' \"double\"".into(),
                line: 55,
            },
            Unaligned {
                doc: "big".into(),
                lang: Lang::Zh,
                unit: 6,
                kind: UnitKind::Heading,
                speaker: None,
                text: "标题".into(),
                line: 2050,
            },
        ],
        agreement: Some(0.9),
        chance_agreement: None,
        pairs_per_run: None,
    }
}

#[test]
fn thousand_pairs_stay_quick_and_text_stays_text() {
    if let Some(msg) = browser_missing() {
        eprintln!("{msg}");
        return;
    }
    let doc = thousand_pairs();
    let dir = scratch_in("review_browser", "big");
    let page: PathBuf = dir.join("big.review.html");
    std::fs::write(
        &page,
        review::page::render(&doc, &review::fingerprint(&doc), 0.5),
    )
    .unwrap();
    let suspects: Vec<usize> = (0..1000).filter(|k| k % 7 == 3).collect();
    let steps = json!([
        {"open": file_url(&page)},
        {"eval": "localStorage.clear(); return true"},
        {"reload": true},
        {"eval": "return [window.zhenTmReview.renderMs, document.querySelectorAll('tr.pair').length, \
                   document.querySelectorAll('script').length, document.querySelectorAll('img, b').length, \
                   document.querySelector('span.s[data-s=\"0\"]').textContent, \
                   document.querySelector('tr.loose span.s').textContent]"},
        // 100 "next suspect" presses, timed inside the page.
        {"eval": "var t = performance.now(); for (var i = 0; i < 100; i++) \
                   document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n'})); \
                   return [performance.now() - t, document.querySelector('tr.cur span.s').getAttribute('data-s')]"},
        // One more through WebDriver's keyboard, then a merge (a full re-render).
        {"key": "n"},
        {"eval": "return document.querySelector('tr.cur span.s').textContent"},
        {"key": "m"},
        {"eval": "return [window.zhenTmReview.renderMs, document.querySelectorAll('tr.pair').length]"},
        // The other kinds, for the parity check below: accept, move, pair, split, reject.
        {"key": "a"},
        {"click": format!("tr[data-first=\"{}\"] td.en button.mv[data-to=\"next\"]", 3 * 10 - 1)},
        {"click": "tr.loose.en button[data-act=\"pick\"]"},
        {"click": "tr.loose.zh button[data-act=\"pick\"]"},
        {"click": format!("tr[data-first=\"{}\"] td.en button.cut[data-k=\"1\"]", 3 * 20 - 1)},
        {"click": format!("tr[data-first=\"{}\"] td.zh button.cut2[data-k=\"0\"]", 3 * 20 - 1)},
        {"click": format!("tr[data-first=\"{}\"] button[data-act=\"reject\"]", 3 * 30 - 1)},
        {"eval": "var st = window.zhenTmReview.state(); \
                   return {ops: st.ops, rows: st.rows.map(function (r) { \
                     return r.u === undefined ? {en: r.en, zh: r.zh, ok: r.ok} : {u: r.u}; })}"},
    ]);
    let downloads = scratch_in("review_browser", "big-downloads");
    let r = run_steps("big", &steps, &downloads);
    let first = r[1].as_array().unwrap();
    let render_ms = first[0].as_f64().unwrap();
    assert_eq!(first[1], json!(1000));
    assert_eq!(
        first[2],
        json!(2),
        "only the data block and the page's script"
    );
    assert_eq!(
        first[3],
        json!(0),
        "no markup from the text became elements"
    );
    assert_eq!(first[4], json!(doc.pairs[0].en[0]));
    assert_eq!(first[5], json!(doc.unaligned[0].text));
    let nav = r[2].as_array().unwrap();
    let nav_ms = nav[0].as_f64().unwrap();
    // The 100th suspect pair's first English sentence (two English and one Chinese each,
    // the hostile first pair has one English).
    let k = suspects[99];
    assert_eq!(nav[1], json!((3 * k - 1).to_string()));
    assert_eq!(r[3], json!(doc.pairs[suspects[100]].en[0]));
    let after = r[4].as_array().unwrap();
    assert_eq!(after[1], json!(999), "merged with the next pair");
    let merge_ms = after[0].as_f64().unwrap();
    // Parity: the page's rows after its decisions are the rows `apply` computes from them.
    let ops: Vec<Decision> = serde_json::from_value(r[5]["ops"].clone()).unwrap();
    let kinds: Vec<&str> = ops.iter().map(Decision::name).collect();
    assert_eq!(
        kinds,
        ["merge", "accept", "move", "pair", "split", "reject"]
    );
    let mut ws = Workspace::new(&doc);
    for d in &ops {
        ws.apply(d).unwrap();
    }
    let rust_rows: Vec<Value> = ws
        .rows
        .iter()
        .map(|row| match row {
            Row::Pair(p) => json!({"en": p.en, "zh": p.zh, "ok": p.meta.reviewed}),
            Row::Unaligned(u) => json!({"u": u}),
        })
        .collect();
    assert_eq!(r[5]["rows"], json!(rust_rows));
    eprintln!(
        "1,000 pairs: first render {render_ms:.0} ms, 100 next-suspect jumps {nav_ms:.0} ms, \
         re-render after a merge {merge_ms:.0} ms"
    );
    assert!(
        render_ms < 5000.0 && merge_ms < 5000.0,
        "{render_ms} {merge_ms}"
    );
    assert!(nav_ms < 5000.0, "{nav_ms}");
}
