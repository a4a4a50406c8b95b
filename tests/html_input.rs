//! Saved web pages as input (`src/html.rs`): the article body is read with its paragraphs,
//! line breaks, headings and bold speaker labels, without the page's navigation, scripts,
//! styles, forms, share bars and footers; a page without an article is refused.
//!
//! The fixtures in `tests/fixtures/html/` are invented pages in the ministry's two page
//! templates and a generic news layout; `mfa-en/` holds English counterparts (translated for
//! these tests) of Chinese ministry pages in `../shared/inputs/mfa-html/`, which the last
//! tests align when the shared material is present.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

/// Markup, entity and script debris that must never reach a paragraph.
const DEBRIS: &[&str] = &[
    "<",
    ">",
    "&nbsp;",
    "&gt;",
    "&amp;",
    "&#",
    "{",
    "}",
    "function",
    "getElementById",
    "\u{a0}",
    "**",
];

fn assert_clean(text: &str) {
    for d in DEBRIS {
        assert!(!text.contains(d), "{d:?} in {text:?}");
    }
}

/// `inspect --json FILE`, parsed.
fn inspect(path: &Path) -> serde_json::Value {
    let o = run(["inspect".as_ref(), "--json".as_ref(), path.as_os_str()]);
    assert_ok(&o);
    serde_json::from_str(&stdout(&o)).expect("inspect JSON")
}

/// (kind, speaker, paragraph texts) of each unit of one side of `inspect --json`.
fn units(doc: &serde_json::Value, lang: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    doc[lang]["units"]
        .as_array()
        .unwrap_or_else(|| panic!("no {lang} side in {doc}"))
        .iter()
        .map(|u| {
            let paras = u["paragraphs"]
                .as_array()
                .expect("paragraphs")
                .iter()
                .map(|p| p["text"].as_str().expect("text").to_string())
                .collect();
            (
                u["kind"].as_str().expect("kind").to_string(),
                u["speaker"].as_str().map(str::to_string),
                paras,
            )
        })
        .collect()
}

/// `export --zh ZH --en EN --format csv` into a fresh folder: the pairs and the
/// unaligned rows.
fn export_pair(zh: &Path, en: &Path) -> (Pairs, Vec<(String, String, String)>) {
    let out = tempfile::tempdir().expect("tempdir");
    let o = run([
        "export".as_ref(),
        "--zh".as_ref(),
        zh.as_os_str(),
        "--en".as_ref(),
        en.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_ok(&o);
    let stem = zh.file_stem().expect("stem").to_string_lossy().into_owned();
    let pairs = read_csv(&out.path().join(format!("{stem}.csv")), b',');
    let unaligned = read_unaligned(&out.path().join(format!("{stem}.unaligned.tsv")));
    (pairs, unaligned)
}

#[test]
fn ministry_page_gives_title_date_turns_and_labels() {
    let doc = inspect(&fixture("press.zh.html"));
    assert_eq!(doc["date"], "2031-04-02", "date from #News_Body_Time");
    let zh = units(&doc, "zh");
    assert!(doc["en"].is_null(), "no English side: {}", doc["en"]);
    assert_eq!(zh[0].0, "title");
    assert_eq!(zh[0].2, ["2031年4月2日外交部发言人林夏主持例行记者会"]);
    let speakers: Vec<Option<&str>> = zh[1..].iter().map(|u| u.1.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("林夏"),
            Some("法新社记者"),
            Some("林夏"),
            Some("彭博社记者"),
            Some("林夏")
        ]
    );
    // The <br> inside the first answer is a paragraph break; &nbsp; is gone.
    assert_eq!(
        zh[1].2,
        [
            "应斯洛文尼亚外交部长邀请，国务委员兼外交部长将于4月5日至7日访问斯洛文尼亚。",
            "这是双方建交以来中国外长首次访问该国。"
        ]
    );
    let all: Vec<&String> = zh.iter().flat_map(|u| &u.2).collect();
    for t in &all {
        assert_clean(t);
        for furniture in ["首页", "分享", "微信", "推荐给朋友", "版权所有", "字体"]
        {
            assert!(
                !t.contains(furniture),
                "page furniture {furniture:?} in {t:?}"
            );
        }
    }
}

#[test]
fn newer_template_page_is_read_by_its_editor_block_and_h1() {
    let doc = inspect(&fixture("press.en.html"));
    let en = units(&doc, "en");
    assert_eq!(
        en[0].2,
        ["Foreign Ministry Spokesperson Lin Xia's Regular Press Conference on April 2, 2031"]
    );
    let speakers: Vec<Option<&str>> = en[1..].iter().map(|u| u.1.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Lin Xia"),
            Some("AFP"),
            Some("Lin Xia"),
            Some("Bloomberg"),
            Some("Lin Xia")
        ]
    );
    for t in en.iter().flat_map(|u| &u.2) {
        assert_clean(t);
        for furniture in ["Share", "Facebook", "Copyright", "Home", "About Us"] {
            assert!(
                !t.contains(furniture),
                "page furniture {furniture:?} in {t:?}"
            );
        }
    }
    assert!(
        en.iter()
            .flat_map(|u| &u.2)
            .any(|t| t == "Where will next year\u{2019}s ocean conference be held?"),
        "&rsquo; decoded: {en:?}"
    );
}

#[test]
fn a_zh_page_and_its_en_page_align_turn_by_turn() {
    let (pairs, unaligned) = export_pair(&fixture("press.zh.html"), &fixture("press.en.html"));
    assert!(unaligned.is_empty(), "unaligned: {unaligned:?}");
    for (zh, en) in &pairs {
        assert_clean(zh);
        assert_clean(en);
    }
    let find = |zh: &str| {
        pairs
            .iter()
            .find(|(z, _)| z == zh)
            .map(|(_, e)| e.as_str())
            .unwrap_or_else(|| panic!("no pair for {zh:?} in {pairs:#?}"))
    };
    assert_eq!(
        find("你能否证实？"),
        "Can you confirm that?",
        "the question pairs with its translation"
    );
    assert_eq!(
        find("关于你提到的问题，我没有可以发布的消息。"),
        "On the question you mentioned, I have no information to release."
    );
    assert_eq!(
        find("这是双方建交以来中国外长首次访问该国。"),
        "This will be the first visit by a Chinese foreign minister to the country since the \
         two sides established diplomatic ties."
    );
}

#[test]
fn a_page_in_gb2312_is_decoded_by_its_meta_charset() {
    let bytes = std::fs::read(fixture("gbk-page.html")).expect("fixture");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "fixture must not be UTF-8"
    );
    let doc = inspect(&fixture("gbk-page.html"));
    let zh = units(&doc, "zh");
    assert_eq!(zh[0].2, ["外交部发言人就海上合作答记者问"]);
    assert_eq!(zh[1].1.as_deref(), Some("问"));
    assert_eq!(zh[2].1.as_deref(), Some("答"));
    assert_eq!(
        zh[2].2,
        ["中方欢迎各方为推进海上合作所作的努力，愿继续同有关国家加强沟通。"]
    );
}

#[test]
fn a_page_saved_without_extension_is_recognised_by_its_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("saved-page");
    std::fs::copy(fixture("press.zh.html"), &page).expect("copy");
    let zh = units(&inspect(&page), "zh");
    assert_eq!(zh[0].2, ["2031年4月2日外交部发言人林夏主持例行记者会"]);
    for t in zh.iter().flat_map(|u| &u.2) {
        assert_clean(t);
    }
}

#[test]
fn without_known_markup_the_block_of_paragraphs_is_the_article() {
    let doc = inspect(&fixture("generic-news.htm"));
    let en = units(&doc, "en");
    assert_eq!(
        en[0].2,
        ["Harbour cities sign a twinning agreement"],
        "<title> without the site name"
    );
    let texts: Vec<&String> = en.iter().skip(1).flat_map(|u| &u.2).collect();
    assert_eq!(texts.len(), 3, "the story's three paragraphs: {texts:?}");
    assert!(texts[0].starts_with("Two harbour cities signed"));
    for t in texts {
        assert_clean(t);
        for furniture in ["Most read", "Weather", "All rights reserved"] {
            assert!(!t.contains(furniture), "{furniture:?} in {t:?}");
        }
    }
}

#[test]
fn a_page_without_an_article_is_refused_and_nothing_is_written() {
    let page = fixture("no-article.html");
    let o = run(["inspect".as_ref(), page.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("no-article.html"), "names the file: {err}");
    assert!(err.contains("no article text"), "says why: {err}");

    let out = tempfile::tempdir().expect("tempdir");
    let o = run([
        "export".as_ref(),
        "--zh".as_ref(),
        fixture("press.zh.html").as_os_str(),
        "--en".as_ref(),
        page.as_os_str(),
        "-o".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-article.html"), "{}", stderr(&o));
    assert!(
        !list_dir(out.path()).iter().any(|f| f.ends_with(".tmx")),
        "no memory written: {:?}",
        list_dir(out.path())
    );
}

/// The shared Chinese ministry pages: each is read with its headline as title and no page
/// debris; the two with an English counterpart in `mfa-en/` align with every sentence
/// paired.
#[test]
fn shared_ministry_pages_read_and_align() {
    let Some(dir) = shared_path("inputs/mfa-html") else {
        eprintln!("skipped: ../shared/inputs/mfa-html is not present");
        return;
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no pages in {}", dir.display());
    for page in &pages {
        let raw = std::fs::read_to_string(page).expect("UTF-8 page");
        let headline = raw
            .split("id=\"News_Body_Title\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
            .expect("page has #News_Body_Title")
            .trim()
            .to_string();
        let doc = inspect(page);
        let zh = units(&doc, "zh");
        assert!(
            doc["en"].is_null(),
            "{}: English side {}",
            page.display(),
            doc["en"]
        );
        assert_eq!(zh[0].0, "title", "{}", page.display());
        assert_eq!(
            zh[0].2,
            std::slice::from_ref(&headline),
            "{}",
            page.display()
        );
        let paragraphs: Vec<&String> = zh.iter().flat_map(|u| &u.2).collect();
        assert!(paragraphs.len() >= 3, "{}: {paragraphs:?}", page.display());
        for t in paragraphs {
            assert_clean(t);
            for furniture in ["推荐给朋友", "版权所有", "京ICP备", "字体", "首页"] {
                assert!(
                    !t.contains(furniture),
                    "{}: {furniture:?} in {t:?}",
                    page.display()
                );
            }
        }

        let name = page.file_name().expect("name").to_string_lossy();
        if name.contains("munich-speech") {
            // The subtitle is set as two centred paragraphs; it is one heading.
            assert!(
                zh.iter().any(|u| u.0 == "heading"
                    && u.2 == ["倡导国际合作，维护多边主义，推动构建人类命运共同体"]),
                "{zh:?}"
            );
        }
        let en = fixture(&format!("mfa-en/{}", name.replacen("zh-", "en-", 1)));
        if !en.exists() {
            continue;
        }
        let (pairs, unaligned) = export_pair(page, &en);
        assert!(
            unaligned.is_empty(),
            "{}: unaligned {unaligned:#?}",
            page.display()
        );
        assert!(pairs.len() >= 10, "{}: {pairs:#?}", page.display());
        for (z, e) in &pairs {
            assert_clean(z);
            assert_clean(e);
        }
        // The headline pairs with the English headline.
        assert_eq!(pairs[0].0, headline, "{}", page.display());
    }
}

/// `terms` takes web pages as `export` does: the glossary is built from the article pairs,
/// never from page furniture.
#[test]
fn terms_reads_web_pages() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = run([
        "terms".as_ref(),
        "--zh".as_ref(),
        fixture("press.zh.html").as_os_str(),
        "--en".as_ref(),
        fixture("press.en.html").as_os_str(),
        "-o".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_ok(&o);
    let report = stdout(&o);
    assert!(report.contains("1 document(s)"), "{report}");
    for furniture in ["分享", "Facebook", "版权所有", "Copyright", "function"] {
        assert!(!report.contains(furniture), "{furniture:?} in {report}");
    }
}
