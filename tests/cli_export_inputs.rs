//! How `export` finds its inputs: an output directory inside an input directory is never
//! read back, a missing input does not stop the others, and an edition keeps its lines in
//! the other script.

#[path = "common/cli.rs"]
mod cli;

use cli::*;

/// Exporting a folder into a subfolder of itself, twice, gives the same files both times:
/// the second run does not read the first run's TMX/XLIFF/CSV as transcripts.
#[test]
fn output_inside_input_is_not_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), BILINGUAL).expect("write fixture");
    let out = dir.path().join("out");
    let first = run([
        "export".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&first);
    let files = list_dir(&out);
    let tmx = std::fs::read(out.join("a.tmx")).expect("a.tmx");
    let second = run([
        "export".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&second);
    assert_eq!(list_dir(&out), files, "same files after the second run");
    assert_eq!(
        std::fs::read(out.join("a.tmx")).expect("a.tmx"),
        tmx,
        "same TMX"
    );
    assert!(
        stdout(&second).contains("documents: 1"),
        "{}",
        stdout(&second)
    );
}

/// A missing path among the inputs is reported, and the other inputs are still exported;
/// the exit status says something was not exported.
#[test]
fn missing_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("a.txt");
    std::fs::write(&good, BILINGUAL).expect("write fixture");
    let missing = dir.path().join("nope.txt");
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        missing.as_os_str(),
        good.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    assert!(out.join("a.tmx").is_file(), "the good input was exported");
    assert!(
        !list_dir(&out).iter().any(|f| f.starts_with(".zhen-tm")),
        "no staging left"
    );
}

/// Two inputs with the same file stem get distinct output names and tuids.
#[test]
fn same_stem_inputs_do_not_collide() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        std::fs::write(dir.path().join(sub).join("x.txt"), BILINGUAL).expect("write fixture");
    }
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        dir.path().join("a").as_os_str(),
        dir.path().join("b").as_os_str(),
        "--keep-duplicates".as_ref(),
        "--format".as_ref(),
        "tmx".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&o);
    assert!(
        out.join("x.tmx").is_file() && out.join("x-2.tmx").is_file(),
        "{:?}",
        list_dir(&out)
    );
    let second = std::fs::read_to_string(out.join("x-2.tmx")).expect("x-2.tmx");
    assert!(
        second.contains("tuid=\"x-2-0001\""),
        "tuids renamed with the document"
    );
}

/// A Chinese chapter and its English translation: the Chinese cites an author and a book in
/// Latin letters on lines of their own, as the English does.
const CHAPTER_ZH: [&str; 5] = [
    "第一章 决策理论与人类行为",
    "人们常犯数学错误。但这不意味着我们应抛弃算术。",
    "Jack Hirshleifer",
    "理性行动者并非必定自私。对于理性行动者模型，信念是初始数据。",
    "Herbert Gintis, The Bounds of Reason (2009)",
];
const CHAPTER_EN: [&str; 5] = [
    "Chapter 1 Decision Theory and Human Behavior",
    "People often make mistakes in their maths. This does not mean that we should abandon arithmetic.",
    "Jack Hirshleifer",
    "A rational actor need not be selfish. Beliefs are primitive data for the rational actor model.",
    "Herbert Gintis, The Bounds of Reason (2009)",
];

/// Export the two editions (written by `write`, one paragraph per entry, into files named
/// `en.EXT` and `zh.EXT`) to CSV; the pairs and the standard error.
fn export_editions(ext: &str, write: fn(&[&str]) -> String) -> (Vec<(String, String)>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (en, zh) = (
        dir.path().join(format!("en.{ext}")),
        dir.path().join(format!("zh.{ext}")),
    );
    std::fs::write(&en, write(&CHAPTER_EN)).expect("write en");
    std::fs::write(&zh, write(&CHAPTER_ZH)).expect("write zh");
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        "--en".as_ref(),
        en.as_os_str(),
        "--zh".as_ref(),
        zh.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&o);
    (read_csv(&out.join("zh.csv"), b','), stderr(&o))
}

/// Lines in Latin script in a Chinese edition (a name, a reference) are part of its text:
/// they pair with the English edition's lines instead of being read as an English side of
/// a bilingual file and dropped with it.
fn assert_latin_lines_kept(pairs: &[(String, String)], err: &str) {
    for line in [CHAPTER_ZH[2], CHAPTER_ZH[4]] {
        assert!(
            pairs.iter().any(|(zh, en)| zh == line && en == line),
            "{line:?} paired with itself: {pairs:?}"
        );
    }
    assert_eq!(pairs.len(), 7, "{pairs:?}");
    assert!(!err.contains("layout not recognised"), "{err}");
}

/// In plain text, two such lines against a short Chinese text are too little English to be
/// its translation: the file is the Chinese edition it was given as.
#[test]
fn a_plain_text_edition_keeps_its_latin_lines() {
    let (pairs, err) = export_editions("txt", |paras| paras.join("\n\n") + "\n");
    assert_latin_lines_kept(&pairs, &err);
}

/// In a web page the layout analysis finds the page Chinese; its Latin lines stay Chinese
/// text.
#[test]
fn a_web_page_edition_keeps_its_latin_lines() {
    let (pairs, err) = export_editions("html", |paras| {
        let body: String = paras[1..].iter().map(|p| format!("<p>{p}</p>\n")).collect();
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body><article><h1>{}</h1>\n{body}</article></body></html>",
            paras[0], paras[0]
        )
    });
    assert_latin_lines_kept(&pairs, &err);
}
