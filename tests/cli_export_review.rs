//! `zhen-tm export` options for what a CAT tool receives (issue 9): the Chinese side
//! normalised by default (`--as-written` keeps it), `--review-tmx` splitting the pairs that
//! need review into their own memory, and a `creationdate` on every TMX `<tu>`.

#[path = "common/cli.rs"]
mod cli;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use cli::*;
use zhen_tm::normalize::normalize_zh;

fn export(name: &str, args: &[&str]) -> (PathBuf, String) {
    let out = scratch_in("cli_export_review", name);
    let o = zhen_tm()
        .arg("export")
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    (out, stdout(&o))
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 test path")
}

/// `creationdate` of every `<tu>` of a TMX file ("" when absent).
fn tu_dates(path: &Path) -> Vec<String> {
    use quick_xml::events::Event;
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"tu" => out.push(
                e.try_get_attribute("creationdate")
                    .unwrap()
                    .map(|a| a.unescape_value().unwrap().into_owned())
                    .unwrap_or_default(),
            ),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn chinese_side_is_normalised_unless_as_written() {
    let input = sample("000");
    let s = stem(&input);
    let (norm, said) = export("normalised", &[path_str(&input)]);
    let (kept, said_kept) = export("as-written", &[path_str(&input), "--as-written"]);
    let a = read_tmx(&kept.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US");
    let b = read_tmx(&norm.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US");
    assert_eq!(a.len(), b.len());
    let mut changed = 0;
    for ((za, ea), (zb, eb)) in a.iter().zip(&b) {
        assert_eq!(ea, eb, "the English side is never touched");
        assert_eq!(normalize_zh(za), zb.as_str(), "{za}");
        changed += usize::from(za != zb);
    }
    // What the published transcript wrote, and what the memory now says.
    let has = |pairs: &Pairs, text: &str| pairs.iter().any(|(z, _)| z.contains(text));
    assert!(has(&a, "正如你说, 当今世界变乱交织, 确定性"), "{a:?}");
    assert!(has(&b, "正如你说，当今世界变乱交织，确定性"), "{b:?}");
    assert!(has(&a, "外交部长王毅 回答") && has(&b, "外交部长王毅回答"));
    assert!(b.iter().all(|(z, _)| !z.contains(", ")), "{b:?}");
    assert!(changed > 10, "{changed}");
    // The summary says how many pairs changed; the run as written says nothing.
    assert!(
        said.contains(&format!("normalised (--as-written keeps it): {changed}")),
        "{said}"
    );
    assert!(!said_kept.contains("normalised"), "{said_kept}");
    // Every format carries the same (normalised) text.
    assert_eq!(read_xliff12(&norm.join(format!("{s}.xliff12.xlf"))), b);
    assert_eq!(read_xliff21(&norm.join(format!("{s}.xliff21.xlf"))), b);
    // The unaligned report points into the input: as written.
    assert_eq!(read_unaligned_dir(&norm), read_unaligned_dir(&kept));
}

#[test]
fn review_tmx_splits_the_memory_by_score() {
    let input = sample("001");
    let s = stem(&input);
    let (all, _) = export("all", &[path_str(&input), "--review-below", "0.8"]);
    let (split, _) = export(
        "split",
        &[path_str(&input), "--review-below", "0.8", "--review-tmx"],
    );
    assert_eq!(
        list_dir(&split),
        [
            format!("{s}.csv"),
            format!("{s}.review.tmx"),
            format!("{s}.tmx"),
            format!("{s}.unaligned.tsv"),
            format!("{s}.xliff12.xlf"),
            format!("{s}.xliff21.xlf"),
        ]
    );
    let every = read_tmx(&all.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US");
    let main = read_tmx(&split.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US");
    let review = read_tmx(&split.join(format!("{s}.review.tmx"))).pairs("zh-CN", "en-US");
    assert!(!review.is_empty() && !main.is_empty());
    // Every pair in exactly one of the two, in document order within each.
    let mut joined: Vec<_> = main.iter().chain(&review).cloned().collect();
    joined.sort();
    let mut sorted = every.clone();
    sorted.sort();
    assert_eq!(joined, sorted);
    // The review memory holds what XLIFF marks for review.
    let flagged: HashSet<(String, String)> = {
        let xml = std::fs::read_to_string(split.join(format!("{s}.xliff12.xlf"))).unwrap();
        read_xliff12(&split.join(format!("{s}.xliff12.xlf")))
            .into_iter()
            .zip(xml.split("<trans-unit").skip(1))
            .filter(|(_, unit)| unit.contains("needs-review-translation"))
            .map(|(p, _)| p)
            .collect()
    };
    assert_eq!(review.iter().cloned().collect::<HashSet<_>>(), flagged);
    // Without the option, no review memory.
    assert!(!all.join(format!("{s}.review.tmx")).exists());
}

#[test]
fn review_tmx_follows_merge_and_needs_tmx() {
    let a = sample("000");
    let b = sample("002");
    let (merged, _) = export(
        "merged",
        &[
            path_str(&a),
            path_str(&b),
            "--merge",
            "year",
            "--format",
            "tmx",
            "--review-tmx",
            "--review-below",
            "0.8",
        ],
    );
    assert_eq!(
        list_dir(&merged),
        ["year.review.tmx", "year.tmx", "year.unaligned.tsv"]
    );
    let out = scratch_in("cli_export_review", "csv-only");
    let o = zhen_tm()
        .args([
            "export",
            path_str(&a),
            "--format",
            "csv",
            "--review-tmx",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    assert!(stderr(&o).contains("--review-tmx"), "{}", stderr(&o));
    assert!(list_dir(&out).iter().all(|n| !n.ends_with(".tmx")));
}

#[test]
fn every_tu_is_dated_by_its_document_or_the_date_option() {
    // Sample 000's lead dates it 2025-03-07: every unit carries that date.
    let input = sample("000");
    let (out, _) = export("dated", &[path_str(&input), "--format", "tmx"]);
    let dates = tu_dates(&out.join(format!("{}.tmx", stem(&input))));
    assert!(dates.len() > 40);
    assert!(dates.iter().all(|d| d == "20250307T000000Z"), "{dates:?}");
    // The same with --date: the document's own date wins, the header takes --date.
    let (out, _) = export(
        "dated-option",
        &[path_str(&input), "--format", "tmx", "--date", "2026-01-02"],
    );
    let tmx = out.join(format!("{}.tmx", stem(&input)));
    assert_eq!(tu_dates(&tmx), dates);
    assert_eq!(
        read_tmx(&tmx).header_attr("creationdate"),
        Some("20260102T000000Z")
    );

    // A transcript whose lead gives no date: --date, else SOURCE_DATE_EPOCH, else none.
    let dir = scratch_in("cli_export_review", "undated-input");
    let text = BILINGUAL
        .replace("On March 7, 2025, a", "A")
        .replace("2025年3月7日，记者会", "记者会");
    let undated = dir.join("undated.bilingual.txt");
    std::fs::write(&undated, text).unwrap();
    let (out, _) = export(
        "undated-option",
        &[
            path_str(&undated),
            "--format",
            "tmx",
            "--date",
            "2026-01-02",
        ],
    );
    let dates = tu_dates(&out.join("undated.bilingual.tmx"));
    assert!(!dates.is_empty());
    assert!(dates.iter().all(|d| d == "20260102T000000Z"), "{dates:?}");
    let out = scratch_in("cli_export_review", "undated-epoch");
    let o = zhen_tm()
        .env("SOURCE_DATE_EPOCH", "1741305600")
        .args(["export", path_str(&undated), "--format", "tmx", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_ok(&o);
    let dates = tu_dates(&out.join("undated.bilingual.tmx"));
    assert!(dates.iter().all(|d| d == "20250307T000000Z"), "{dates:?}");
    let (out, _) = export("undated-none", &[path_str(&undated), "--format", "tmx"]);
    let dates = tu_dates(&out.join("undated.bilingual.tmx"));
    assert!(dates.iter().all(String::is_empty), "{dates:?}");
}
