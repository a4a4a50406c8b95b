//! Bilingual pages in their layouts, Markdown read properly, input by content and from
//! standard input, Word documents (`src/read/`).
//!
//! `tests/fixtures/bilingual/` holds one short speech as two clean files (`speech.zh.md`,
//! `speech.en.md`) and as a bilingual page in each layout: interleaved by a line break
//! (`中文<br/>English`, Markdown with YAML front matter), interleaved on one line (plain
//! text), alternating paragraphs (Markdown with TOML front matter, an image, links, a
//! blockquote, `&nbsp;` and `<strong>`), blocks (a web page: the Chinese section, then the
//! English), and a two-column bilingual table in Word. The main test holds each layout to
//! the pairs the two clean files give. `press.zh.docx`/`press.en.docx` are a press
//! conference in Word (heading styles, bold speaker labels, a line break), `notes.*.docx`
//! two paragraphs with footnotes. The Word files
//! were made with LibreOffice (`soffice --convert-to docx` of HTML pages).
//!
//! The last test reads the real bilingual page in `../shared/inputs/` and skips with a
//! message when that material is absent.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bilingual")
        .join(name)
}

/// `export ARGS --format csv` into a fresh folder: the pairs of the document `stem`, and
/// standard output and error.
fn export(args: &[&std::ffi::OsStr], stem: &str) -> (Pairs, String, String) {
    let out = tempfile::tempdir().expect("tempdir");
    let mut all: Vec<&std::ffi::OsStr> = vec!["export".as_ref()];
    all.extend_from_slice(args);
    all.extend([
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.path().as_os_str(),
    ]);
    let o = run(all);
    assert_ok(&o);
    let pairs = read_csv(&out.path().join(format!("{stem}.csv")), b',');
    (pairs, stdout(&o), stderr(&o))
}

/// The pairs of the clean two-file speech: the reference every layout is held to.
fn reference() -> Pairs {
    let (zh, en) = (fixture("speech.zh.md"), fixture("speech.en.md"));
    let (pairs, _, _) = export(
        &[
            "--zh".as_ref(),
            zh.as_os_str(),
            "--en".as_ref(),
            en.as_os_str(),
        ],
        "speech.zh",
    );
    assert!(pairs.len() >= 10, "{pairs:?}");
    pairs
}

/// `inspect --json FILE`, parsed (with the extra arguments first).
fn inspect(args: &[&str], path: &Path) -> serde_json::Value {
    let mut all: Vec<&std::ffi::OsStr> = vec!["inspect".as_ref(), "--json".as_ref()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    all.push(path.as_os_str());
    let o = run(all);
    assert_ok(&o);
    serde_json::from_str(&stdout(&o)).expect("inspect JSON")
}

/// Every paragraph text of one side of `inspect --json`.
fn paragraphs(doc: &serde_json::Value, lang: &str) -> Vec<String> {
    doc[lang]["units"]
        .as_array()
        .unwrap_or_else(|| panic!("no {lang} side: {doc}"))
        .iter()
        .flat_map(|u| u["paragraphs"].as_array().expect("paragraphs").clone())
        .map(|p| p["text"].as_str().expect("text").to_string())
        .collect()
}

#[test]
fn each_layout_aligns_as_the_two_clean_files() {
    let reference = reference();
    for (file, layout) in [
        ("speech.interleaved-br.md", "interleaved-line-break"),
        ("speech.interleaved-line.txt", "interleaved-same-line"),
        ("speech.alternating.md", "alternating"),
        ("speech.blocks.html", "blocks"),
    ] {
        let path = fixture(file);
        let doc = inspect(&[], &path);
        assert_eq!(doc["read"]["layout"], layout, "{file}: {}", doc["read"]);
        assert!(doc["read"]["doubt"].is_null(), "{file}: {}", doc["read"]);
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let (pairs, out, _) = export(&[path.as_os_str()], &stem);
        let said = format!(
            "{file}: {}, bilingual",
            doc["read"]["format"].as_str().unwrap_or("?")
        );
        assert!(
            out.contains(&said),
            "{file}: the summary says how it was read: {out}"
        );
        assert_eq!(
            pairs, reference,
            "{file}: pairs differ from the two clean files"
        );
    }
}

/// A passage of one paragraph and its translation.
const PASSAGE_ZH: &str =
    "那天晚上我没有走。陈清扬把我叫住，以伟大友谊的名义要我留下。她承认打我不对，也承认待我不好。";
const PASSAGE_EN: &str =
    "I did not leave that night. Chen Qingyang called me back and asked me to stay in the \
     name of our great friendship. She admitted that she had been wrong to slap me, and that she \
     had not treated me well.";

/// One paragraph and its translation make a bilingual file: each language is a side,
/// though it has a single paragraph (a language with one line in a longer file is stray
/// text of the other, but this one has a translation's volume).
#[test]
fn one_paragraph_and_its_translation_are_two_sides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("passage.txt");
    std::fs::write(&text, format!("{PASSAGE_ZH}\n\n{PASSAGE_EN}\n")).expect("write");
    let page = dir.path().join("passage.html");
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><body><table><tr><td>{PASSAGE_ZH}</td><td>{PASSAGE_EN}</td>\
             </tr></table></body></html>"
        ),
    )
    .expect("write");
    for (path, stem) in [(&text, "passage"), (&page, "passage")] {
        let doc = inspect(&[], path);
        assert_eq!(paragraphs(&doc, "zh"), [PASSAGE_ZH], "{}", path.display());
        assert_eq!(paragraphs(&doc, "en").len(), 1, "{}", path.display());
        let (pairs, _, _) = export(&[path.as_os_str()], stem);
        assert_eq!(pairs.len(), 3, "{}: {pairs:?}", path.display());
        assert_eq!(pairs[0].0, "那天晚上我没有走。");
        assert_eq!(pairs[0].1, "I did not leave that night.");
    }
}

#[test]
fn markdown_markup_never_reaches_the_text() {
    for file in ["speech.alternating.md", "speech.interleaved-br.md"] {
        let doc = inspect(&[], &fixture(file));
        for lang in ["zh", "en"] {
            for p in paragraphs(&doc, lang) {
                for debris in [
                    "<", ">", "&nbsp;", "\u{a0}", "](", "![", "+++", "---", "tags", "title",
                ] {
                    assert!(!p.contains(debris), "{file}: {debris:?} in {p:?}");
                }
            }
        }
        let left_out = doc["read"]["left_out"].to_string();
        assert!(left_out.contains("front matter"), "{file}: {left_out}");
    }
    let doc = inspect(&[], &fixture("speech.alternating.md"));
    assert!(doc["read"]["left_out"].to_string().contains("1 image"));
    // Link text and the blockquote stay as text.
    assert!(paragraphs(&doc, "en")
        .iter()
        .any(|p| p.starts_with("The ocean is") && p.contains("marine research.")));
}

#[test]
fn a_front_matter_date_dates_the_document_whose_text_gives_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The interleaved speech without its dateline: only the front matter dates it.
    let text = std::fs::read_to_string(fixture("speech.interleaved-br.md")).expect("fixture");
    let undated: String = text
        .replace("tags: [speech, 双语]", "date: 2031-05-13")
        .lines()
        .filter(|l| !l.contains("2031年5月12日"))
        .map(|l| format!("{l}\n"))
        .collect();
    let md = dir.path().join("speech.md");
    std::fs::write(&md, &undated).expect("write");
    assert_eq!(inspect(&[], &md)["date"], "2031-05-13");
    // The dateline the text gives wins over the front matter.
    let dated = text.replace("tags: [speech, 双语]", "date: 2031-05-13");
    std::fs::write(&md, dated).expect("write");
    assert_eq!(inspect(&[], &md)["date"], "2031-05-12");
}

#[test]
fn the_format_is_found_by_content_and_can_be_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A web page and a Markdown file saved without their endings.
    let page = dir.path().join("page");
    std::fs::copy(fixture("speech.blocks.html"), &page).expect("copy");
    assert_eq!(inspect(&[], &page)["read"]["format"], "html");
    let md = dir.path().join("notes.txt");
    std::fs::copy(fixture("speech.interleaved-br.md"), &md).expect("copy");
    assert_eq!(inspect(&[], &md)["read"]["format"], "markdown");
    let docx = dir.path().join("press");
    std::fs::copy(fixture("press.zh.docx"), &docx).expect("copy");
    assert_eq!(inspect(&[], &docx)["read"]["format"], "docx");
    // Forced: the page read as plain text keeps its markup.
    let doc = inspect(&["--input-format", "text"], &page);
    assert_eq!(doc["read"]["format"], "text");
    assert!(paragraphs(&doc, "zh").iter().any(|p| p.contains('<')));
    // A text file forced to be a Word document is refused, naming the file.
    let o = run([
        "inspect".as_ref(),
        "--input-format".as_ref(),
        "docx".as_ref(),
        md.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("notes.txt"), "{}", stderr(&o));
    let o = run(["inspect", "--input-format", "pdfx", "x"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Runs `zhen-tm ARGS` with `input` on standard input.
fn run_stdin(args: &[&std::ffi::OsStr], input: &[u8]) -> std::process::Output {
    let mut child = zhen_tm()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // A run that refuses its arguments exits without reading standard input: writing to
    // it may then fail with a broken pipe, which is no failure of the test.
    let written = child.stdin.take().expect("stdin").write_all(input);
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

#[test]
fn standard_input_is_read_as_a_file() {
    let bytes = std::fs::read(fixture("speech.interleaved-br.md")).expect("read");
    let o = run_stdin(
        &["inspect".as_ref(), "--json".as_ref(), "-".as_ref()],
        &bytes,
    );
    assert_ok(&o);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(doc["id"], "stdin");
    assert_eq!(doc["read"]["layout"], "interleaved-line-break");
    let out = tempfile::tempdir().expect("tempdir");
    let o = run_stdin(
        &[
            "export".as_ref(),
            "-".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "-o".as_ref(),
            out.path().as_os_str(),
        ],
        &bytes,
    );
    assert_ok(&o);
    assert_eq!(read_csv(&out.path().join("stdin.csv"), b','), reference());
    // Standard input named twice cannot be read twice.
    let o = run_stdin(
        &[
            "export".as_ref(),
            "-".as_ref(),
            "--en".as_ref(),
            "-".as_ref(),
            "--zh".as_ref(),
            fixture("speech.zh.md").as_os_str(),
            "-o".as_ref(),
            out.path().as_os_str(),
        ],
        &bytes,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("read only once"), "{}", stderr(&o));
}

#[test]
fn a_layout_in_doubt_is_said_on_stderr_and_in_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lopsided.md");
    // Alternating paragraphs whose English is a fraction of a translation.
    let zh = std::fs::read_to_string(fixture("speech.zh.md")).expect("read");
    let mut text = String::new();
    for p in zh.split("\n\n").filter(|p| !p.trim().is_empty()) {
        text.push_str(p.trim());
        text.push_str("\n\nYes, we agree.\n\n");
    }
    std::fs::write(&path, text).expect("write");
    let o = run(["inspect".as_ref(), path.as_os_str()]);
    assert_ok(&o);
    assert!(stdout(&o).contains("\ndoubt    "), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("warning") && stderr(&o).contains("lopsided.md"),
        "{}",
        stderr(&o)
    );
    let out = tempfile::tempdir().expect("tempdir");
    let o = run([
        "export".as_ref(),
        path.as_os_str(),
        "--force".as_ref(),
        "-o".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_ok(&o);
    assert!(
        stdout(&o).contains("layouts not recognised with confidence"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("not recognised with confidence"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn word_documents_give_headings_labels_and_table_rows() {
    let doc = inspect(&[], &fixture("press.zh.docx"));
    assert_eq!(doc["read"]["format"], "docx");
    let units = doc["zh"]["units"].as_array().expect("units");
    assert_eq!(units[0]["kind"], "title");
    assert_eq!(
        units[0]["paragraphs"][0]["text"],
        "2031年4月2日外交部发言人林夏主持例行记者会"
    );
    let speakers: Vec<&str> = units.iter().filter_map(|u| u["speaker"].as_str()).collect();
    assert_eq!(
        speakers,
        ["林夏", "法新社记者", "林夏", "彭博社记者", "林夏"]
    );
    assert!(units
        .iter()
        .any(|u| u["kind"] == "heading" && u["paragraphs"][0]["text"] == "关于海洋合作"));
    // The pair of Word files aligns turn by turn.
    let (pairs, _, _) = export(
        &[
            "--zh".as_ref(),
            fixture("press.zh.docx").as_os_str(),
            "--en".as_ref(),
            fixture("press.en.docx").as_os_str(),
        ],
        "press.zh",
    );
    assert!(
        pairs.contains(&(
            "中方如何看待这次访问的意义？".to_string(),
            "How does China see the significance of this visit?".to_string()
        )),
        "{pairs:?}"
    );
    assert!(pairs.len() >= 8, "{pairs:?}");
    // A two-column bilingual table: each row a Chinese paragraph and its English.
    let table = fixture("speech.table.docx");
    let doc = inspect(&[], &table);
    assert!(
        doc["read"]["bilingual"].as_bool().unwrap_or(false),
        "{}",
        doc["read"]
    );
    let (pairs, _, _) = export(&[table.as_os_str()], "speech.table");
    for p in reference() {
        assert!(
            pairs.contains(&p),
            "{p:?} missing from the table's pairs {pairs:?}"
        );
    }
}

/// Footnotes are text of a Word document: each edition's notes follow its body and pair
/// with the other edition's.
#[test]
fn word_footnotes_are_read_and_aligned() {
    let doc = inspect(&[], &fixture("notes.en.docx"));
    let en = paragraphs(&doc, "en");
    assert_eq!(
        en.last().map(String::as_str),
        Some("Figures of the Belt and Road Portal, 2023."),
        "{en:?}"
    );
    let (pairs, _, _) = export(
        &[
            "--zh".as_ref(),
            fixture("notes.zh.docx").as_os_str(),
            "--en".as_ref(),
            fixture("notes.en.docx").as_os_str(),
        ],
        "notes.zh",
    );
    assert_eq!(pairs.len(), 5, "{pairs:?}");
    assert!(
        pairs.contains(&(
            "2013年9月7日在纳扎尔巴耶夫大学的演讲。".to_string(),
            "Speech at Nazarbayev University, September 7, 2013.".to_string()
        )),
        "{pairs:?}"
    );
}

#[test]
fn a_web_page_with_a_bilingual_table_is_read_whole() {
    // The HTML the Word table was made from: the densest block is one English cell, but
    // the article is the table around it (it was read as one English paragraph).
    let page = fixture("office-sources/speech.table.html");
    let doc = inspect(&[], &page);
    assert_eq!(doc["read"]["layout"], "alternating", "{}", doc["read"]);
    let (pairs, _, _) = export(&[page.as_os_str()], "speech.table");
    for p in reference() {
        assert!(
            pairs.contains(&p),
            "{p:?} missing from the page's pairs {pairs:?}"
        );
    }
    // With a header row naming the columns: the labels are left out (and said), never a
    // pair 中文 → English.
    let dir = tempfile::tempdir().expect("tempdir");
    let headed = dir.path().join("headed.html");
    let html = std::fs::read_to_string(&page).expect("page");
    std::fs::write(
        &headed,
        html.replacen(
            "<table border=\"1\">",
            "<table border=\"1\"><tr><th>中文</th><th>English</th></tr>",
            1,
        ),
    )
    .expect("write");
    let (pairs, _, err) = export(&[headed.as_os_str()], "headed");
    assert!(err.contains("2 column label(s)"), "{err}");
    for (zh, en) in &pairs {
        assert!(zh != "中文" && en != "English", "{zh} | {en}");
    }
    for p in reference() {
        assert!(pairs.contains(&p), "{p:?} missing from {pairs:?}");
    }
}

#[test]
fn damaged_and_foreign_archives_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = std::fs::read(fixture("press.zh.docx")).expect("read");
    let cut = dir.path().join("cut.docx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let o = run(["inspect".as_ref(), cut.as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("cut.docx") && err.contains("cannot be opened"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // A ZIP archive without a Word body.
    let other = dir.path().join("other.zip");
    {
        let file = std::fs::File::create(&other).expect("create");
        let mut z = zip::ZipWriter::new(file);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("content.xml", opts).expect("start");
        z.write_all(b"<x/>").expect("write");
        z.finish().expect("finish");
    }
    let o = run(["inspect".as_ref(), other.as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("other.zip") && stderr(&o).contains("not a Word document"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_shared_bilingual_page_is_read_as_alternating_paragraphs() {
    let Some(path) = shared_path("inputs/bilingual-html/xuexi-bilingual-excerpts-2022.md") else {
        eprintln!("skipped: ../shared/inputs is absent");
        return;
    };
    let doc = inspect(&[], &path);
    assert_eq!(doc["read"]["format"], "markdown");
    assert_eq!(doc["read"]["layout"], "alternating", "{}", doc["read"]);
    // The headings that carry both languages were cut in two.
    assert!(
        doc["read"]["split_lines"].as_u64().unwrap_or(0) >= 10,
        "{}",
        doc["read"]
    );
    let zh = paragraphs(&doc, "zh");
    let en = paragraphs(&doc, "en");
    assert!(
        zh.iter().any(|p| p == "11.2 中华人民共和国“友谊勋章”"),
        "{zh:?}"
    );
    assert!(en
        .iter()
        .any(|p| p == "the Friendship Medal of the People's Republic of China"));
    for p in zh.iter().chain(&en) {
        assert!(
            !p.contains(":::") && !p.contains("```") && !p.contains("**"),
            "{p:?}"
        );
    }
    let stem = "xuexi-bilingual-excerpts-2022";
    let (pairs, _, _) = export(&[path.as_os_str()], stem);
    let find = |zh: &str| pairs.iter().find(|(z, _)| z.contains(zh));
    let (zh, en) = find("“友谊勋章”代表了中国共产党").expect("the medal quotation is paired");
    assert!(en.starts_with("The medal represents"), "{en}");
    // The 26 section labels (【重要讲话】, 【相关词汇】 …) have no English: none is glued to
    // the text after it, the vocabulary item after a label keeps its own rendering, and at
    // most two stand paired, each with an English note line that has no Chinese either
    // (`municipal adj.`, `come into force ——`; before labels were headings: 18 pairs).
    assert!(!zh.contains('【'), "{zh}");
    assert_eq!(
        find("共和国勋章").map(|(_, en)| en.as_str()),
        Some("the Medal of the Republic")
    );
    let labelled: Vec<_> = pairs.iter().filter(|(z, _)| z.contains('【')).collect();
    assert!(labelled.len() <= 2, "{labelled:?}");
    for (z, _) in labelled {
        assert!(
            z.starts_with('【') && z.ends_with('】'),
            "label glued to text: {z}"
        );
    }
}

#[test]
fn section_labels_in_brackets_are_headings_without_a_partner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("study.md");
    std::fs::write(
        &page,
        "## 共和国勋章 the Medal of the Republic\n\n\
         10月31日，习近平在北京人民大会堂举行颁授仪式。\n\n\
         Xi Jinping held an award ceremony at the Great Hall of the People in Beijing on Oct. 31.\n\n\
         【重要讲话】\n\n\
         国家荣誉制度是国家的一项重要制度。\n\n\
         The national honor system is an important system of the country.\n\n\
         【相关词汇】\n\n\
         国家荣誉称号\n\n\
         national titles of honor\n\n\
         功勋簿\n\n\
         Book of Merit\n",
    )
    .expect("write");
    let doc = inspect(&[], &page);
    let heading = |text: &str| {
        doc["zh"]["units"]
            .as_array()
            .expect("units")
            .iter()
            .any(|u| u["kind"] == "heading" && u["paragraphs"][0]["text"] == text)
    };
    assert!(heading("【重要讲话】") && heading("【相关词汇】"), "{doc}");
    let (pairs, _, _) = export(&[page.as_os_str()], "study");
    for (zh, en) in &pairs {
        assert!(!zh.contains('【'), "{zh} | {en}");
    }
    for (zh, en) in [
        (
            "国家荣誉制度是国家的一项重要制度。",
            "The national honor system is an important system of the country.",
        ),
        ("国家荣誉称号", "national titles of honor"),
        ("功勋簿", "Book of Merit"),
    ] {
        assert!(
            pairs.contains(&(zh.to_string(), en.to_string())),
            "{zh}: {pairs:?}"
        );
    }
}

/// Whether Poppler's `pdftotext` can be run (the PDF reader needs it).
fn has_pdftotext() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn pdfs_are_read_without_page_furniture_and_scans_refused() {
    if !has_pdftotext() {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let doc = inspect(&[], &fixture("speech.zh.pdf"));
    assert_eq!(doc["read"]["format"], "pdf");
    let zh = paragraphs(&doc, "zh");
    for p in &zh {
        assert!(
            !p.contains("主旨演讲") && !p.contains("- 1 -"),
            "furniture in {p:?}"
        );
    }
    // The title wrapped over two lines is whole, the paragraph cut by the page break is
    // whole again, and pdftotext's spaces between characters and digits are gone.
    assert_eq!(zh[0], "携手共建开放包容的海洋合作伙伴关系", "{zh:?}");
    assert!(
        zh.iter().any(|p| p.contains("让子孙后代共享碧海蓝天。")),
        "{zh:?}"
    );
    assert!(zh.iter().any(|p| p.contains("2031年5月12日")), "{zh:?}");
    let en = paragraphs(&inspect(&[], &fixture("speech.en.pdf")), "en");
    assert_eq!(
        en[0],
        "Jointly Building an Open and Inclusive Maritime Cooperation Partnership"
    );
    // The salutation is a paragraph of its own (spacing sets it apart, not its width); the
    // compound hyphenated at a line end keeps its hyphen; the page breaks are mended.
    assert!(en.contains(&"Distinguished Guests, Ladies and Gentlemen,".to_string()));
    assert!(
        en.iter().any(|p| p.contains("reduce land-based pollution")),
        "{en:?}"
    );
    assert!(
        en.iter()
            .any(|p| p.contains("stay committed to openness and cooperation.")),
        "{en:?}"
    );
    // The two PDFs align into the speech's pairs.
    let (pairs, _, _) = export(
        &[
            "--zh".as_ref(),
            fixture("speech.zh.pdf").as_os_str(),
            "--en".as_ref(),
            fixture("speech.en.pdf").as_os_str(),
        ],
        "speech.zh",
    );
    let reference = reference();
    let found = reference.iter().filter(|p| pairs.contains(p)).count();
    assert!(
        found + 2 >= reference.len(),
        "{found} of {} reference pairs in {pairs:?}",
        reference.len()
    );
    // A page without a text layer is refused, naming the file and saying why.
    let o = run(["inspect".as_ref(), fixture("scan.pdf").as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("scan.pdf") && err.contains("text layer"),
        "{err}"
    );
    // A damaged PDF (cut short, as a broken download) is refused with pdftotext's reason,
    // and an export with it writes nothing.
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.pdf");
    let bytes = std::fs::read(fixture("report.en.pdf")).expect("fixture");
    std::fs::write(&broken, &bytes[..3000]).expect("write");
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        "--zh".as_ref(),
        fixture("report.zh.pdf").as_os_str(),
        "--en".as_ref(),
        broken.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("broken.pdf") && err.contains("cannot be read") && err.contains("xref"),
        "{err}"
    );
    assert!(!out.exists(), "output written for a damaged input");
}

/// The words that end printed lines with a hyphen in a PDF, as `pdftotext -tsv` gives them.
fn line_end_hyphens(pdf: &Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext")
        .args(["-tsv", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let tsv = String::from_utf8_lossy(&o.stdout).to_string();
    let mut last: std::collections::BTreeMap<String, String> = Default::default();
    for row in tsv.lines().skip(1) {
        let c: Vec<&str> = row.split('\t').collect();
        if c.len() == 12 && c[0] == "5" {
            last.insert(c[1..5].join(" "), c[11].to_string());
        }
    }
    last.into_values().filter(|w| w.ends_with('-')).collect()
}

/// A white paper as two-page PDFs (running title, `Page N of M` / `第 N 页 共 M 页`, a
/// title and section headings wrapped in a larger type, first-line indents without
/// spacing, paragraphs across the page break, words hyphenated at line ends) reads as the
/// same paragraphs as its plain-text twin, and the two PDFs align as the two texts do.
#[test]
fn a_white_paper_pdf_reads_as_its_clean_text() {
    if !has_pdftotext() {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    // The fixture breaks a compound the vocabulary decides ("ship-"/"based"), one the
    // document's own spelling decides against the vocabulary ("co-"/"operation", written
    // "co-operation" elsewhere) and plain syllables ("conti-"/"nents").
    let breaks = line_end_hyphens(&fixture("report.en.pdf"));
    for b in ["ship-", "co-", "conti-", "re-"] {
        assert!(breaks.iter().any(|w| w.ends_with(b)), "{b} in {breaks:?}");
    }
    for (lang, stem) in [("en", "report.en"), ("zh", "report.zh")] {
        let pdf = inspect(&[], &fixture(&format!("{stem}.pdf")));
        let txt = inspect(&[], &fixture(&format!("{stem}.txt")));
        assert_eq!(pdf["read"]["format"], "pdf");
        let (from_pdf, from_txt) = (paragraphs(&pdf, lang), paragraphs(&txt, lang));
        assert!(from_txt.len() >= 14, "{from_txt:?}");
        assert_eq!(from_pdf, from_txt, "{stem}.pdf against {stem}.txt");
        assert_eq!(
            pdf[lang]["units"], txt[lang]["units"],
            "{stem}: units differ"
        );
    }
    let pair = |ext: &str| {
        let (zh, en) = (
            fixture(&format!("report.zh.{ext}")),
            fixture(&format!("report.en.{ext}")),
        );
        export(
            &[
                "--zh".as_ref(),
                zh.as_os_str(),
                "--en".as_ref(),
                en.as_os_str(),
            ],
            "report.zh",
        )
        .0
    };
    let (from_pdf, from_txt) = (pair("pdf"), pair("txt"));
    assert!(from_txt.len() >= 20, "{from_txt:?}");
    assert_eq!(from_pdf, from_txt);
}

/// A report with footnotes, printed to PDF from Word by LibreOffice: each page's notes
/// (their marks on lines of their own, one note carried to the next page) are taken out of
/// the text, which runs on over the page break, and follow it; the note marks in the text
/// leave it. The PDF then reads exactly as the Word file it was printed from.
#[test]
fn pdf_footnotes_read_as_the_word_files_notes() {
    if !has_pdftotext() {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    for lang in ["en", "zh"] {
        let pdf = inspect(&[], &fixture(&format!("report-notes.{lang}.pdf")));
        let docx = inspect(&[], &fixture(&format!("report-notes.{lang}.docx")));
        let (from_pdf, from_docx) = (paragraphs(&pdf, lang), paragraphs(&docx, lang));
        assert_eq!(from_pdf, from_docx, "{lang}");
        let notes: Vec<&String> = from_pdf
            .iter()
            .filter(|p| p.contains("Source note") || p.contains("号资料来源"))
            .collect();
        assert_eq!(notes.len(), 5, "{lang}: {from_pdf:?}");
        let first_note = from_pdf.len() - 5;
        assert!(
            from_pdf[first_note..].iter().all(|p| notes.contains(&p)),
            "{lang}: the notes follow the text: {from_pdf:?}"
        );
    }
}

/// A speech printed as a two-column table, the Chinese on the left and the English on the
/// right (a 中英对照 edition): the Chinese and the English of each row pair as the two clean
/// files do.
#[test]
fn a_pdf_in_two_language_columns_aligns_as_the_two_clean_files() {
    if !has_pdftotext() {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let pdf = fixture("speech.columns.pdf");
    let doc = inspect(&[], &pdf);
    // Row by row (Poppler sets each row's cells apart) or column by column.
    assert!(
        ["alternating", "blocks"].contains(&doc["read"]["layout"].as_str().unwrap_or("")),
        "{}",
        doc["read"]
    );
    assert!(doc["read"]["doubt"].is_null(), "{}", doc["read"]);
    let (pairs, _, _) = export(&[pdf.as_os_str()], "speech.columns");
    assert_eq!(pairs, reference());
}
