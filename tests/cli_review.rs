//! `zhen-tm export --review` and `zhen-tm apply` (issue 13): the review record and pages,
//! byte-identical memories without decisions, each kind of decision's change in the
//! memories and the unaligned report, and refusals (another export, applied twice).

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use cli::*;
use zhen_tm::review::{self, decide::sentence_table, Decision, Decisions, Direction};

/// Exports `input` with `--review` (plus `args`) into a fresh folder.
fn export(name: &str, inputs: &[&Path], args: &[&str]) -> PathBuf {
    let all: Vec<&std::ffi::OsStr> = inputs
        .iter()
        .map(|p| p.as_os_str())
        .chain(args.iter().map(std::ffi::OsStr::new))
        .chain([std::ffi::OsStr::new("--review")])
        .collect();
    export_in("cli_review", name, &all)
}

/// The small bilingual fixture as a file, exported with `--review`.
fn export_fixture(name: &str) -> PathBuf {
    let dir = scratch_in("cli_review", &format!("{name}-in"));
    let input = dir.join("press.txt");
    std::fs::write(&input, BILINGUAL).unwrap();
    export(name, &[&input], &[])
}

/// Writes a decisions file for document `doc` of the export in `out`.
fn decisions_file(out: &Path, doc: &str, ds: Vec<Decision>) -> PathBuf {
    let record = review::read_record(&out.join(review::RECORD_FILE)).unwrap();
    let d = record.documents.iter().find(|d| d.id == doc).unwrap();
    let file = Decisions {
        zhen_tm_decisions: review::FORMAT_VERSION,
        document: doc.to_string(),
        fingerprint: record.fingerprints[&d.id].clone(),
        decisions: ds,
    };
    let path = out.with_extension(format!("{doc}.decisions.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    path
}

fn apply(out: &Path, files: &[PathBuf]) -> std::process::Output {
    zhen_tm()
        .arg("apply")
        .args(files)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

/// Every file of a folder with its bytes, by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    list_dir(dir)
        .into_iter()
        .map(|n| {
            let b = std::fs::read(dir.join(&n)).unwrap();
            (n, b)
        })
        .collect()
}

#[test]
fn samples_give_pages_and_no_decisions_change_nothing() {
    for (name, extra) in [
        ("samples", &[][..]),
        (
            "samples-merged",
            &["--merge", "all", "--review-tmx", "--tsv"][..],
        ),
    ] {
        let out = export(name, &[&samples_dir()], extra);
        let record = review::read_record(&out.join("review.json")).unwrap();
        assert_eq!(record.documents.len(), 3, "the bilingual samples");
        let names = list_dir(&out);
        for d in &record.documents {
            let page = format!("{}.review.html", d.id);
            assert!(names.contains(&page), "{page} in {names:?}");
            let html = std::fs::read_to_string(out.join(&page)).unwrap();
            // Every pair's first English sentence is in the page's data.
            for p in &d.pairs {
                let want = serde_json::to_string(&p.en[0])
                    .unwrap()
                    .replace('<', "\\u003c");
                assert!(html.contains(&want[1..want.len() - 1]), "{}", p.en[0]);
            }
        }
        let before = snapshot(&out);
        let files: Vec<PathBuf> = record
            .documents
            .iter()
            .map(|d| decisions_file(&out, &d.id, vec![]))
            .collect();
        let o = apply(&out, &files);
        assert_ok(&o);
        assert!(stdout(&o).contains("no decisions"), "{}", stdout(&o));
        assert_eq!(
            snapshot(&out).len(),
            before.len(),
            "no file added or left behind"
        );
        for ((n, a), (m, b)) in before.iter().zip(snapshot(&out)) {
            assert_eq!(n, &m);
            assert!(*a == b, "{name}: {n} changed without decisions");
        }
    }
}

/// Sentence number of a text in the fixture export.
fn sid(out: &Path, text: &str) -> usize {
    let record = review::read_record(&out.join("review.json")).unwrap();
    sentence_table(&record.documents[0])
        .iter()
        .position(|s| s.text == text)
        .unwrap_or_else(|| panic!("{text} not in the table"))
}

/// The fixture's pairs as (zh, en) and its document id.
fn fixture_pairs() -> Pairs {
    bilingual_pairs()
}

/// Applies `ds` to a fresh fixture export; returns the folder.
fn applied(name: &str, ds: impl Fn(&Path) -> Vec<Decision>) -> PathBuf {
    let out = export_fixture(name);
    let f = decisions_file(&out, "press", ds(&out));
    let o = apply(&out, &[f]);
    assert_ok(&o);
    out
}

fn tmx_pairs(out: &Path) -> Pairs {
    read_tmx(&out.join("press.tmx")).pairs("zh-CN", "en-US")
}

#[test]
fn accept_marks_the_pair_reviewed_in_every_format() {
    let p = fixture_pairs();
    let out = applied("accept", |o| {
        vec![Decision::Accept {
            sentence: sid(o, &p[3].1),
        }]
    });
    assert_eq!(tmx_pairs(&out), p, "texts unchanged");
    let tmx = std::fs::read_to_string(out.join("press.tmx")).unwrap();
    assert_eq!(
        tmx.matches("<prop type=\"x-reviewed\">yes</prop>").count(),
        1
    );
    let tu = tmx.split("<tu ").nth(4).unwrap();
    assert!(tu.contains("x-reviewed") && tu.contains(&p[3].1), "{tu}");
    let x12 = std::fs::read_to_string(out.join("press.xliff12.xlf")).unwrap();
    assert_eq!(x12.matches("state=\"signed-off\"").count(), 1);
    let x21 = std::fs::read_to_string(out.join("press.xliff21.xlf")).unwrap();
    assert_eq!(x21.matches("subState=\"zhen-tm:reviewed\"").count(), 1);
    assert_eq!(read_xliff12(&out.join("press.xliff12.xlf")), p);
    assert_eq!(read_xliff21(&out.join("press.xliff21.xlf")), p);
    assert_eq!(read_csv(&out.join("press.csv"), b','), p);
}

#[test]
fn reject_moves_both_sides_to_the_unaligned_report() {
    let p = fixture_pairs();
    let out = applied("reject", |o| {
        vec![Decision::Reject {
            sentence: sid(o, &p[5].0),
        }]
    });
    assert_eq!(tmx_pairs(&out), p[..5].to_vec());
    let un = read_unaligned_dir(&out);
    assert!(
        un.contains(&("press".into(), "en".into(), p[5].1.clone())),
        "{un:?}"
    );
    assert!(
        un.contains(&("press".into(), "zh".into(), p[5].0.clone())),
        "{un:?}"
    );
}

#[test]
fn merge_split_move_and_pair() {
    let p = fixture_pairs();
    // Merge the third pair with the fourth.
    let out = applied("merge", |o| {
        vec![Decision::Merge {
            sentence: sid(o, &p[2].1),
        }]
    });
    let got = tmx_pairs(&out);
    assert_eq!(got.len(), 5);
    assert_eq!(
        got[2],
        (
            format!("{}{}", p[2].0, p[3].0),
            format!("{} {}", p[2].1, p[3].1)
        )
    );
    assert_eq!(got[3], p[4]);

    // Merged then split where it was joined: the same texts, both parts reviewed.
    let out = applied("split", |o| {
        let s = sid(o, &p[2].1);
        vec![
            Decision::Merge { sentence: s },
            Decision::Split {
                sentence: s,
                en: 1,
                zh: 1,
            },
        ]
    });
    assert_eq!(tmx_pairs(&out), p);
    let tmx = std::fs::read_to_string(out.join("press.tmx")).unwrap();
    assert_eq!(tmx.matches("x-reviewed").count(), 2);
    assert!(
        tmx.contains("tuid=\"press-0003.2\""),
        "the second part's id"
    );

    // Merged, then the last English sentence moved on to the next pair.
    let out = applied("move", |o| {
        vec![
            Decision::Merge {
                sentence: sid(o, &p[2].1),
            },
            Decision::Move {
                sentence: sid(o, &p[3].1),
                to: Direction::Next,
            },
        ]
    });
    let got = tmx_pairs(&out);
    assert_eq!(got[2], (format!("{}{}", p[2].0, p[3].0), p[2].1.clone()));
    assert_eq!(got[3], (p[4].0.clone(), format!("{} {}", p[3].1, p[4].1)));

    // Rejected, then paired again from the unaligned sentences: a new reviewed pair.
    let out = applied("pair", |o| {
        vec![
            Decision::Reject {
                sentence: sid(o, &p[1].1),
            },
            Decision::Pair {
                en: sid(o, &p[1].1),
                zh: sid(o, &p[1].0),
            },
        ]
    });
    assert_eq!(tmx_pairs(&out), p);
    assert!(read_unaligned_dir(&out).is_empty());
    let tmx = std::fs::read_to_string(out.join("press.tmx")).unwrap();
    assert!(tmx.contains("tuid=\"press-new-1\""), "{tmx}");
}

#[test]
fn stale_or_bad_decisions_are_refused_and_nothing_changes() {
    let p = fixture_pairs();
    let out = export_fixture("refused");
    let f = decisions_file(
        &out,
        "press",
        vec![Decision::Merge {
            sentence: sid(&out, &p[0].1),
        }],
    );
    assert_ok(&apply(&out, std::slice::from_ref(&f)));
    let after = snapshot(&out);
    // The same decisions again: the document changed, so they are refused.
    let o = apply(&out, std::slice::from_ref(&f));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("applied already"), "{}", stderr(&o));
    assert_eq!(snapshot(&out), after);

    // A decision that does not fit: named by number, nothing written.
    let bad = decisions_file(&out, "press", vec![Decision::Merge { sentence: 9999 }]);
    let o = apply(&out, std::slice::from_ref(&bad));
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("decision 1 (merge)") && e.contains(bad.to_str().unwrap()),
        "{e}"
    );
    assert_eq!(snapshot(&out), after);

    // Not JSON, and no record: clear errors naming the file.
    std::fs::write(&bad, "{\"zhen_tm_decisions\": 1,\n oops").unwrap();
    let o = apply(&out, std::slice::from_ref(&bad));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(":2: not a decisions file"),
        "{}",
        stderr(&o)
    );
    let empty = scratch_in("cli_review", "no-record");
    let o = apply(&empty, &[bad]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("export with --review first"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
}
