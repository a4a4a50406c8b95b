//! `zhen-tm export` end to end: the samples and small fixtures through the binary, every
//! output read back, the XML outputs validated with xmllint.
//!
//! The schema checks use the official schemas in `../shared` (see `common/oracle.rs`); when
//! `../shared` or xmllint is missing they print a skip message and pass.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/oracle.rs"]
mod oracle;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use cli::*;
use oracle::{xmllint, OracleSchema, SKIP_MESSAGE};

/// The expensive runs over the samples, done once per test binary and shared by the tests.
struct Runs {
    /// `export samples/ -o all`.
    all: PathBuf,
    all_out: Output,
    /// `export --en 000 --zh 003 -o p003`.
    p003: PathBuf,
    p003_out: Output,
    /// `export --en 002 --zh 004 -o p004`.
    p004: PathBuf,
    p004_out: Output,
}

/// A fresh scratch folder for this test binary (under Cargo's per-target temp dir, so that
/// nothing leaks into /tmp).
fn scratch(name: &str) -> PathBuf {
    scratch_in("cli_export", name)
}

fn runs() -> &'static Runs {
    static RUNS: OnceLock<Runs> = OnceLock::new();
    RUNS.get_or_init(|| {
        let all = scratch("all");
        let all_out = zhen_tm()
            .arg("export")
            .arg(samples_dir())
            .arg("-o")
            .arg(&all)
            .output()
            .unwrap();
        let p003 = scratch("p003");
        let p003_out = zhen_tm()
            .arg("export")
            .arg("--en")
            .arg(sample("000"))
            .arg("--zh")
            .arg(sample("003"))
            .arg("-o")
            .arg(&p003)
            .output()
            .unwrap();
        let p004 = scratch("p004");
        let p004_out = zhen_tm()
            .arg("export")
            .arg("--en")
            .arg(sample("002"))
            .arg("--zh")
            .arg(sample("004"))
            .arg("-o")
            .arg(&p004)
            .output()
            .unwrap();
        Runs {
            all,
            all_out,
            p003,
            p003_out,
            p004,
            p004_out,
        }
    })
}

/// `zhen-tm export ARGS… -o DIR` in a fresh scratch folder `name`; asserts success.
fn export_to(name: &str, args: &[&std::ffi::OsStr]) -> PathBuf {
    export_in("cli_export", name, args)
}

/// Writes `text` to `dir/name` and returns the path.
fn fixture(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const FOUR: [&str; 4] = [".tmx", ".xliff12.xlf", ".xliff21.xlf", ".csv"];

fn bilingual_stems() -> Vec<String> {
    ["000", "001", "002"]
        .iter()
        .map(|p| stem(&sample(p)))
        .collect()
}

/// Reads the four formats written for `stem` in `dir` and asserts they carry exactly the same
/// (zh, en) pairs in the same order, non-empty, with unique tuids; returns the pairs.
fn same_pairs_in_all_formats(dir: &Path, stem: &str) -> Pairs {
    let tmx = read_tmx(&dir.join(format!("{stem}.tmx")));
    let from_tmx = tmx.pairs("zh-CN", "en-US");
    assert!(!from_tmx.is_empty(), "{stem}: no pairs");
    for (zh, en) in &from_tmx {
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{stem}: empty side in ({zh:?}, {en:?})"
        );
    }
    let mut ids = HashSet::new();
    for tu in &tmx.tus {
        assert!(!tu.tuid.is_empty(), "{stem}: tu without tuid");
        assert!(
            ids.insert(tu.tuid.clone()),
            "{stem}: duplicate tuid {}",
            tu.tuid
        );
    }
    let x12 = read_xliff12(&dir.join(format!("{stem}.xliff12.xlf")));
    let x21 = read_xliff21(&dir.join(format!("{stem}.xliff21.xlf")));
    let csv = read_csv(&dir.join(format!("{stem}.csv")), b',');
    assert_eq!(x12, from_tmx, "{stem}: XLIFF 1.2 differs from TMX");
    assert_eq!(x21, from_tmx, "{stem}: XLIFF 2.1 differs from TMX");
    assert_eq!(csv, from_tmx, "{stem}: CSV differs from TMX");
    from_tmx
}

fn validate(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let kind = if name.ends_with(".tmx") {
        OracleSchema::Tmx14
    } else if name.ends_with(".xliff12.xlf") {
        OracleSchema::Xliff12Strict
    } else if name.ends_with(".xliff21.xlf") {
        OracleSchema::Xliff21All
    } else {
        return true;
    };
    match xmllint(kind, path) {
        None => {
            println!("{SKIP_MESSAGE} ({name} not validated)");
            false
        }
        Some(Ok(())) => true,
        Some(Err(e)) => panic!("{e}"),
    }
}

#[test]
fn exports_every_bilingual_sample_and_notes_the_monolingual_ones() {
    let r = runs();
    assert_ok(&r.all_out);
    let mut want: Vec<String> = bilingual_stems()
        .iter()
        .flat_map(|s| FOUR.map(|suffix| format!("{s}{suffix}")))
        .chain(
            bilingual_stems()
                .iter()
                .map(|s| format!("{s}.unaligned.tsv")),
        )
        .collect();
    want.sort();
    assert_eq!(list_dir(&r.all), want);

    let err = stderr(&r.all_out);
    for p in ["003", "004"] {
        let name = sample(p).display().to_string();
        let line = err
            .lines()
            .find(|l| l.contains(&name))
            .unwrap_or_else(|| panic!("stderr does not mention {name}:\n{err}"));
        assert!(line.contains("English partner"), "{line}");
        assert!(line.contains("--en"), "{line}");
    }
    for s in bilingual_stems() {
        assert!(!err.contains(&format!("{s}: ")), "{s} reported: {err}");
    }
}

#[test]
fn en_zh_pairs_write_four_formats_named_after_the_chinese_file() {
    let r = runs();
    for (dir, out, zh) in [(&r.p003, &r.p003_out, "003"), (&r.p004, &r.p004_out, "004")] {
        assert_ok(out);
        let s = stem(&sample(zh));
        let mut want: Vec<String> = FOUR.iter().map(|x| format!("{s}{x}")).collect();
        want.push(format!("{s}.unaligned.tsv"));
        want.sort();
        assert_eq!(list_dir(dir), want);
    }
}

// Uses the official schemas in ../shared through the oracle; skips when absent.
#[test]
fn every_xml_output_validates() {
    let r = runs();
    let mut checked = 0;
    for dir in [&r.all, &r.p003, &r.p004] {
        for name in list_dir(dir) {
            let p = dir.join(&name);
            if name.ends_with(".tmx") || name.ends_with(".xlf") {
                if !validate(&p) {
                    return;
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 15);
}

#[test]
fn all_four_formats_carry_the_same_pairs() {
    let r = runs();
    for s in bilingual_stems() {
        same_pairs_in_all_formats(&r.all, &s);
    }
    same_pairs_in_all_formats(&r.p003, &stem(&sample("003")));
    same_pairs_in_all_formats(&r.p004, &stem(&sample("004")));
}

#[test]
fn unaligned_report_lists_only_exported_documents() {
    let r = runs();
    let rows = read_unaligned_dir(&r.all);
    let stems = bilingual_stems();
    for (doc, lang, text) in &rows {
        assert!(stems.contains(doc), "{doc}");
        assert!(lang == "en" || lang == "zh", "{lang}");
        assert!(!text.trim().is_empty());
    }
    // The newspaper edition has sections the bilingual text does not: they are reported.
    let rows = read_unaligned_dir(&r.p003);
    assert!(rows.iter().any(|(_, l, _)| l == "zh"), "{rows:?}");
}

#[test]
fn source_date_epoch_makes_output_reproducible() {
    let r = runs();
    // Without SOURCE_DATE_EPOCH (removed by `zhen_tm()`) there is no creation date.
    for s in bilingual_stems() {
        let tmx = read_tmx(&r.all.join(format!("{s}.tmx")));
        assert_eq!(tmx.header_attr("creationdate"), None, "{s}");
    }
    let input = sample("000");
    let dirs: Vec<PathBuf> = ["epoch1", "epoch2"]
        .iter()
        .map(|name| {
            let out = scratch(name);
            let o = zhen_tm()
                .env("SOURCE_DATE_EPOCH", "1741305600")
                .arg("export")
                .arg(&input)
                .arg("-o")
                .arg(&out)
                .output()
                .unwrap();
            assert_ok(&o);
            out
        })
        .collect();
    let names = list_dir(&dirs[0]);
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names, list_dir(&dirs[1]));
    for n in &names {
        assert_eq!(
            std::fs::read(dirs[0].join(n)).unwrap(),
            std::fs::read(dirs[1].join(n)).unwrap(),
            "{n} differs between two runs"
        );
    }
    let s = stem(&input);
    let tmx = read_tmx(&dirs[0].join(format!("{s}.tmx")));
    assert_eq!(tmx.header_attr("creationdate"), Some("20250307T000000Z"));
    // Apart from the date, the output is that of the run without it.
    assert_eq!(
        tmx.pairs("zh-CN", "en-US"),
        read_tmx(&r.all.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US")
    );
}

#[test]
fn format_option_writes_only_the_named_formats() {
    let dir = scratch("format-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let out = export_to(
        "format",
        &[a.as_os_str(), "--format".as_ref(), "tmx,csv".as_ref()],
    );
    assert_eq!(list_dir(&out), ["a.csv", "a.tmx", "a.unaligned.tsv"]);
    assert_eq!(
        read_tmx(&out.join("a.tmx")).pairs("zh-CN", "en-US"),
        bilingual_pairs()
    );
    assert_eq!(read_csv(&out.join("a.csv"), b','), bilingual_pairs());
}

#[test]
fn fixture_round_trips_through_every_format() {
    let dir = scratch("fixture-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let out = export_to("fixture", &[a.as_os_str()]);
    assert_eq!(same_pairs_in_all_formats(&out, "a"), bilingual_pairs());
    assert!(read_unaligned(&out.join("a.unaligned.tsv")).is_empty());
    for n in list_dir(&out) {
        if !validate(&out.join(n)) {
            return;
        }
    }
}

#[test]
fn source_en_puts_english_first() {
    let dir = scratch("source-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let out = export_to(
        "source",
        &[a.as_os_str(), "--source".as_ref(), "en".as_ref()],
    );
    let tmx = read_tmx(&out.join("a.tmx"));
    assert_eq!(tmx.header_attr("srclang"), Some("en-US"));
    for tu in &tmx.tus {
        let langs: Vec<&str> = tu.segs.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["en-US", "zh-CN"], "{}", tu.tuid);
    }
    assert_eq!(tmx.pairs("zh-CN", "en-US"), bilingual_pairs());
    let swapped: Pairs = bilingual_pairs().into_iter().map(|(z, e)| (e, z)).collect();
    assert_eq!(read_csv(&out.join("a.csv"), b','), swapped);
    assert_eq!(read_xliff12(&out.join("a.xliff12.xlf")), swapped);
    assert_eq!(read_xliff21(&out.join("a.xliff21.xlf")), swapped);
    let x12 = std::fs::read_to_string(out.join("a.xliff12.xlf")).unwrap();
    assert!(x12.contains("source-language=\"en-US\""), "{x12}");
    assert!(x12.contains("target-language=\"zh-CN\""), "{x12}");
    for n in list_dir(&out) {
        if !validate(&out.join(n)) {
            return;
        }
    }
}

#[test]
fn language_codes_are_configurable() {
    let dir = scratch("codes-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let out = export_to(
        "codes",
        &[
            a.as_os_str(),
            "--zh-code".as_ref(),
            "zh-Hans".as_ref(),
            "--en-code".as_ref(),
            "en".as_ref(),
        ],
    );
    let tmx = read_tmx(&out.join("a.tmx"));
    assert_eq!(tmx.header_attr("srclang"), Some("zh-Hans"));
    assert_eq!(tmx.pairs("zh-Hans", "en"), bilingual_pairs());
    for tu in &tmx.tus {
        for (l, _) in &tu.segs {
            assert!(l == "zh-Hans" || l == "en", "{l}");
        }
    }
    let x21 = std::fs::read_to_string(out.join("a.xliff21.xlf")).unwrap();
    assert!(x21.contains("srcLang=\"zh-Hans\" trgLang=\"en\""), "{x21}");
    let x12 = std::fs::read_to_string(out.join("a.xliff12.xlf")).unwrap();
    assert!(x12.contains("source-language=\"zh-Hans\""), "{x12}");
    let csv = std::fs::read_to_string(out.join("a.csv")).unwrap();
    assert!(
        csv.lines().nth(1).unwrap().contains(",zh-Hans,en,"),
        "{csv}"
    );
    for n in list_dir(&out) {
        if !validate(&out.join(n)) {
            return;
        }
    }
}

#[test]
fn merge_writes_one_memory_with_every_document() {
    let r = runs();
    let out = export_to(
        "merge",
        &[
            samples_dir().as_os_str(),
            "--merge".as_ref(),
            "all".as_ref(),
        ],
    );
    let mut want: Vec<String> = FOUR.iter().map(|x| format!("all{x}")).collect();
    want.push("all.unaligned.tsv".into());
    want.sort();
    assert_eq!(list_dir(&out), want);
    let merged = same_pairs_in_all_formats(&out, "all");
    let separate: Pairs = bilingual_stems()
        .iter()
        .flat_map(|s| read_tmx(&r.all.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US"))
        .collect();
    assert_eq!(merged, separate);
    // Every document is named in the merged TMX.
    let tmx = std::fs::read_to_string(out.join("all.tmx")).unwrap();
    for s in bilingual_stems() {
        assert!(tmx.contains(&format!(">{s}</prop>")), "{s} missing");
    }
    for n in list_dir(&out) {
        if !validate(&out.join(n)) {
            return;
        }
    }
}

#[test]
fn min_score_moves_low_pairs_to_the_unaligned_report() {
    let input = sample("001");
    let s = stem(&input);
    let base = export_to("minscore-base", &[input.as_os_str()]);
    let high = export_to(
        "minscore",
        &[input.as_os_str(), "--min-score".as_ref(), "0.99".as_ref()],
    );
    let all = read_tmx(&base.join(format!("{s}.tmx"))).pairs("zh-CN", "en-US");
    let kept = same_pairs_in_all_formats(&high, &s);
    assert!(kept.len() < all.len(), "{} !< {}", kept.len(), all.len());
    // The pairs kept are a subsequence of the unfiltered ones.
    let mut it = all.iter();
    for k in &kept {
        assert!(it.any(|p| p == k), "{k:?} not in the unfiltered export");
    }
    let un_base = read_unaligned_dir(&base);
    let un_high = read_unaligned_dir(&high);
    assert!(un_high.len() > un_base.len());
    // Each dropped pair's sentences are in the report, both languages.
    let dropped: Vec<&(String, String)> = all.iter().filter(|p| !kept.contains(p)).collect();
    let text_of = |lang: &str| -> String {
        un_high
            .iter()
            .filter(|(_, l, _)| l == lang)
            .map(|(_, _, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (zh_text, en_text) = (text_of("zh"), text_of("en"));
    for (zh, en) in dropped {
        let first_en = en.split(". ").next().unwrap();
        assert!(en_text.contains(first_en), "{en:?} not reported");
        let first_zh = zh.split('。').next().unwrap();
        assert!(zh_text.contains(first_zh), "{zh:?} not reported");
    }
}

#[test]
fn tsv_and_bom_variants() {
    let dir = scratch("csv-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let tsv = export_to(
        "tsv",
        &[
            a.as_os_str(),
            "--tsv".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
        ],
    );
    assert_eq!(list_dir(&tsv), ["a.tsv", "a.unaligned.tsv"]);
    let text = std::fs::read_to_string(tsv.join("a.tsv")).unwrap();
    assert!(text.starts_with("source\ttarget\t"), "{text}");
    assert_eq!(read_csv(&tsv.join("a.tsv"), b'\t'), bilingual_pairs());

    let bom = export_to(
        "bom",
        &[
            a.as_os_str(),
            "--bom".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
        ],
    );
    let bytes = std::fs::read(bom.join("a.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFsource,target,"),
        "{bytes:?}"
    );
    assert_eq!(read_csv(&bom.join("a.csv"), b','), bilingual_pairs());

    // Without --bom there is none.
    let plain = export_to(
        "nobom",
        &[a.as_os_str(), "--format".as_ref(), "csv".as_ref()],
    );
    assert!(std::fs::read(plain.join("a.csv"))
        .unwrap()
        .starts_with(b"source,target,"));
}

/// A second fixture sharing one pair ("Good morning, friends from the media.") with
/// [`BILINGUAL`].
const SHARES_ONE_PAIR: &str = "\
Foreign Minister Wang Yi Answers Questions on Asia

外交部长王毅就亚洲问题回答提问

On March 8, 2025, a briefing was held in Beijing.

Wang Yi: Good morning, friends from the media. Asia is our common home. We will deepen cooperation with all neighboring countries.

2025年3月8日，吹风会在北京举行。

王毅：各位记者朋友，上午好。亚洲是我们的共同家园。我们将深化同所有周边国家的合作。
";

#[test]
fn duplicate_pairs_are_written_once_unless_kept() {
    let dir = scratch("dup-in");
    let a = fixture(&dir, "a.txt", BILINGUAL.as_bytes());
    let b = fixture(&dir, "b.txt", SHARES_ONE_PAIR.as_bytes());
    let shared = (
        "各位记者朋友，上午好。".to_string(),
        "Good morning, friends from the media.".to_string(),
    );

    let kept = export_to(
        "dup-keep",
        &[a.as_os_str(), b.as_os_str(), "--keep-duplicates".as_ref()],
    );
    let b_all = same_pairs_in_all_formats(&kept, "b");
    assert_eq!(b_all.len(), 5, "{b_all:?}");
    assert!(b_all.contains(&shared), "{b_all:?}");
    assert_eq!(same_pairs_in_all_formats(&kept, "a"), bilingual_pairs());

    let dedup = export_to("dup", &[a.as_os_str(), b.as_os_str()]);
    assert_eq!(same_pairs_in_all_formats(&dedup, "a"), bilingual_pairs());
    let b_dedup = same_pairs_in_all_formats(&dedup, "b");
    let want: Pairs = b_all.into_iter().filter(|p| p != &shared).collect();
    assert_eq!(b_dedup, want);
}

#[test]
fn presplit_aligns_line_by_line() {
    let dir = scratch("presplit-in");
    let en = fixture(
        &dir,
        "talk.en.txt",
        b"Good morning. How are you?\nChina is open.\nWe want peace.\n\nThank you.\n",
    );
    let zh = fixture(
        &dir,
        "talk.zh.txt",
        "上午好。你好吗？\n中国是开放的。\n我们要和平。\n\n谢谢。\n".as_bytes(),
    );
    let out = export_to(
        "presplit",
        &[
            "--presplit".as_ref(),
            "--en".as_ref(),
            en.as_os_str(),
            "--zh".as_ref(),
            zh.as_os_str(),
        ],
    );
    // Lines are not segmented again: "Good morning. How are you?" stays one sentence.
    let want: Pairs = [
        ("上午好。你好吗？", "Good morning. How are you?"),
        ("中国是开放的。", "China is open."),
        ("我们要和平。", "We want peace."),
        ("谢谢。", "Thank you."),
    ]
    .into_iter()
    .map(|(z, e)| (z.to_string(), e.to_string()))
    .collect();
    assert_eq!(same_pairs_in_all_formats(&out, "talk.zh"), want);
    assert!(read_unaligned(&out.join("talk.zh.unaligned.tsv")).is_empty());
}

#[test]
fn utf16_and_gb18030_inputs_give_the_same_pairs() {
    let dir = scratch("enc-in");
    let utf8 = fixture(&dir, "utf8.txt", BILINGUAL.as_bytes());
    let mut u16 = vec![0xFF, 0xFE];
    for unit in BILINGUAL.encode_utf16() {
        u16.extend_from_slice(&unit.to_le_bytes());
    }
    let utf16 = fixture(&dir, "utf16.txt", &u16);
    let (gb, _, bad) = encoding_rs::GB18030.encode(BILINGUAL);
    assert!(!bad);
    assert!(
        std::str::from_utf8(&gb).is_err(),
        "fixture must not be UTF-8"
    );
    let gb18030 = fixture(&dir, "gb18030.txt", &gb);
    let out = export_to(
        "enc",
        &[
            utf8.as_os_str(),
            utf16.as_os_str(),
            gb18030.as_os_str(),
            "--keep-duplicates".as_ref(),
        ],
    );
    for s in ["utf8", "utf16", "gb18030"] {
        assert_eq!(same_pairs_in_all_formats(&out, s), bilingual_pairs(), "{s}");
    }
}

/// Two editions of one text named alike (`talk.en.txt`, `talk.zh.txt`), found in a folder or
/// named on the command line, are aligned as `--en talk.en.txt --zh talk.zh.txt`, with a
/// note saying so; a file without a partner is still only noted.
#[test]
fn editions_named_alike_are_aligned_as_a_pair() {
    let dir = scratch("editions");
    let src = dir.join("in");
    let en = fixture(
        &src,
        "talk.en.txt",
        "Press Conference\n\nQ: What do you expect of China's diplomacy this year?\n\n\
          A: China will work with all countries to build a community with a shared future \
          for mankind.\n"
            .as_bytes(),
    );
    let zh = fixture(
        &src,
        "talk.zh.txt",
        "记者会\n\n问：你对今年的中国外交有何期待？\n\n答：中国将同各国一道构建人类命运共同体。\n"
            .as_bytes(),
    );
    fixture(&src, "other_cn.txt", "另一篇文章。\n".as_bytes());
    for (name, args) in [
        ("folder", vec![src.as_os_str()]),
        ("named", vec![en.as_os_str(), zh.as_os_str()]),
    ] {
        let out = dir.join(name);
        let mut all = vec![
            "export".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        all.extend(args);
        let o = run(all);
        assert_ok(&o);
        assert!(
            stderr(&o).contains("two editions of one text by their names"),
            "{name}: {}",
            stderr(&o)
        );
        let pairs = read_csv(&out.join("talk.zh.csv"), b',');
        assert!(
            pairs.contains(&(
                "你对今年的中国外交有何期待？".to_string(),
                "What do you expect of China's diplomacy this year?".to_string()
            )),
            "{name}: {pairs:?}"
        );
    }
}

#[test]
fn prose_without_speakers_is_written_as_paragraphs_and_labelled_speech_as_turns() {
    // A white paper has no speakers: its paragraphs are not "turns". The samples' answers
    // under a speaker label are.
    let dir = scratch("paragraph-kind");
    let en = fixture(
        &dir,
        "wp.en.txt",
        "China's Green Development\n\nPreface\n\nGreen is the defining color of nature. \
          Ecological conservation matters to the future of humanity.\n\nChina will continue \
          to pursue green development.\n"
            .as_bytes(),
    );
    let zh = fixture(
        &dir,
        "wp.zh.txt",
        "中国的绿色发展\n\n前言\n\n绿色是大自然的底色。生态文明建设关乎人类未来。\n\n中国将坚定不移走绿色发展之路。\n"
            .as_bytes(),
    );
    let out = export_to(
        "paragraph-kind-out",
        &[
            "--en".as_ref(),
            en.as_os_str(),
            "--zh".as_ref(),
            zh.as_os_str(),
            "--format".as_ref(),
            "tmx".as_ref(),
        ],
    );
    let tmx = std::fs::read_to_string(out.join("wp.zh.tmx")).unwrap();
    assert!(
        tmx.contains("<prop type=\"x-kind\">paragraph</prop>"),
        "{tmx}"
    );
    assert!(!tmx.contains("<prop type=\"x-kind\">turn</prop>"), "{tmx}");
    let samples =
        std::fs::read_to_string(runs().all.join(format!("{}.tmx", stem(&sample("001"))))).unwrap();
    assert!(samples.contains("<prop type=\"x-kind\">turn</prop>"));
    assert!(!samples.contains("<prop type=\"x-kind\">paragraph</prop>"));
}
