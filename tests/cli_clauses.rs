//! `zhen-tm export --split-clauses` / `--source en` end to end on an invented speech: which
//! pairs are written as clause pairs, how every format marks them, and that the default
//! output keeps sentence pairs.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/oracle.rs"]
mod oracle;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

use cli::*;
use oracle::{xmllint, OracleSchema, SKIP_MESSAGE};
use quick_xml::events::Event;
use quick_xml::Reader;

const EN: &str = "Foreign Minister Wang Yi met the press in Beijing on Monday.

He said that trade between the two countries grew by 12 percent last year. Both sides signed 15 agreements on energy and agriculture. The leaders will meet again in Shanghai next spring.

China supports dialogue and negotiation. It opposes unilateral sanctions.

The talks were frank. They were also constructive.

The minister thanked the journalists for their questions.
";

const ZH: &str = "外交部长王毅周一在北京会见记者。

他说，去年两国贸易增长了12%；双方签署了15项能源和农业协议，两国领导人将于明年春天在上海再次会晤。

中方支持对话谈判，反对单边制裁。

会谈坦诚而富有建设性。

部长感谢记者们的提问。
";

/// One `<tu>` as read back: its props and its segments by language.
#[derive(Debug, Default)]
struct Tu {
    props: BTreeMap<String, String>,
    segs: BTreeMap<String, String>,
}

fn read_tus(path: &Path) -> Vec<Tu> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut r = Reader::from_str(&xml);
    let (mut tus, mut key, mut text): (Vec<Tu>, Option<(bool, String)>, String) =
        (Vec::new(), None, String::new());
    let mut lang = String::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => {
                let attr = |k: &[u8]| {
                    e.try_get_attribute(k)
                        .unwrap()
                        .map(|a| a.unescape_value().unwrap().into_owned())
                };
                match e.name().as_ref() {
                    b"tu" => tus.push(Tu::default()),
                    b"tuv" => lang = attr(b"xml:lang").unwrap(),
                    b"prop" => key = Some((true, attr(b"type").unwrap())),
                    b"seg" => key = Some((false, lang.clone())),
                    _ => {}
                }
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.unescape().unwrap()),
            Event::End(_) => {
                if let (Some((prop, k)), Some(tu)) = (key.take(), tus.last_mut()) {
                    let map = if prop { &mut tu.props } else { &mut tu.segs };
                    map.insert(k, text.clone());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    tus
}

/// Exports the invented speech with `args` into `case`'s output folder; asserts success.
fn export(case: &Case, args: &[&str]) -> std::process::Output {
    let en = case.input("speech.en.txt", EN.as_bytes());
    let zh = case.input("speech.zh.txt", ZH.as_bytes());
    let mut all: Vec<&OsStr> = vec![OsStr::new("--en"), en.as_os_str()];
    all.extend([OsStr::new("--zh"), zh.as_os_str()]);
    all.extend(args.iter().map(OsStr::new));
    case.export(&all)
}

fn tmx(case: &Case) -> Vec<Tu> {
    read_tus(&case.out().join("speech.zh.tmx"))
}

#[test]
fn source_en_writes_clause_pairs_marked_in_every_format() {
    let case = Case::new();
    let o = export(&case, &["--source", "en"]);
    assert_ok(&o);
    assert!(
        stdout(&o).contains(
            "pairs split at Chinese clauses: 2 of 3 with one Chinese and several English \
             sentences, into 5 clause pairs"
        ),
        "{}",
        stdout(&o)
    );
    let tus = tmx(&case);
    let rows: Vec<(&str, &str, Option<&str>, Option<&str>)> = tus
        .iter()
        .map(|t| {
            (
                t.segs["en-US"].as_str(),
                t.segs["zh-CN"].as_str(),
                t.props.get("x-clause").map(String::as_str),
                t.props.get("x-sentence-bead").map(String::as_str),
            )
        })
        .collect();
    let split_3 = Some("3-1");
    let split_2 = Some("2-1");
    assert_eq!(
        rows,
        [
            (
                "Foreign Minister Wang Yi met the press in Beijing on Monday.",
                "外交部长王毅周一在北京会见记者。",
                None,
                None
            ),
            (
                "He said that trade between the two countries grew by 12 percent last year.",
                "他说，去年两国贸易增长了12%；",
                Some("1/3"),
                split_3
            ),
            (
                "Both sides signed 15 agreements on energy and agriculture.",
                "双方签署了15项能源和农业协议，",
                Some("2/3"),
                split_3
            ),
            (
                "The leaders will meet again in Shanghai next spring.",
                "两国领导人将于明年春天在上海再次会晤。",
                Some("3/3"),
                split_3
            ),
            (
                "China supports dialogue and negotiation.",
                "中方支持对话谈判，",
                Some("1/2"),
                split_2
            ),
            (
                "It opposes unilateral sanctions.",
                "反对单边制裁。",
                Some("2/2"),
                split_2
            ),
            // No clause mark to cut at: the pair stays whole.
            (
                "The talks were frank. They were also constructive.",
                "会谈坦诚而富有建设性。",
                None,
                None
            ),
            (
                "The minister thanked the journalists for their questions.",
                "部长感谢记者们的提问。",
                None,
                None
            ),
        ]
    );
    // Clause pairs have their own ids and scores, never above their sentence pair's.
    for t in tus.iter().filter(|t| t.props.contains_key("x-clause")) {
        let score: f64 = t.props["x-score"].parse().unwrap();
        let sentence: f64 = t.props["x-sentence-score"].parse().unwrap();
        assert!(score > 0.0 && score <= sentence, "{t:?}");
        assert_eq!(t.props["x-bead"], "1-1");
    }
    // XLIFF 1.2: context and a note the translator sees; XLIFF 2.1: metadata; CSV: the bead.
    let x12 = std::fs::read_to_string(case.out().join("speech.zh.xliff12.xlf")).unwrap();
    assert_eq!(x12.matches("context-type=\"x-clause\"").count(), 5);
    assert!(
        x12.contains("clause pair: part 2 of 3 of one Chinese sentence (from a 3-1 sentence pair"),
        "{x12}"
    );
    let x21 = std::fs::read_to_string(case.out().join("speech.zh.xliff21.xlf")).unwrap();
    assert!(
        x21.contains("<mda:meta type=\"clause\">2/3</mda:meta>"),
        "{x21}"
    );
    assert_eq!(x21.matches("type=\"sentence-bead\"").count(), 5);
    let csv = std::fs::read_to_string(case.out().join("speech.zh.csv")).unwrap();
    assert!(
        csv.contains("It opposes unilateral sanctions.,反对单边制裁。,en-US,zh-CN"),
        "{csv}"
    );
    assert!(csv.contains(",1-1 clause 2/2 of 2-1,"), "{csv}");
    assert!(csv.contains(",2-1,"), "{csv}");
    // The marks keep every file valid against the official schemas.
    for (file, schema) in [
        ("speech.zh.tmx", OracleSchema::Tmx14),
        ("speech.zh.xliff12.xlf", OracleSchema::Xliff12Strict),
        ("speech.zh.xliff21.xlf", OracleSchema::Xliff21All),
    ] {
        match xmllint(schema, &case.out().join(file)) {
            None => println!("{SKIP_MESSAGE} ({file} not validated)"),
            Some(Ok(())) => {}
            Some(Err(e)) => panic!("{file}: {e}"),
        }
    }
}

#[test]
fn default_output_keeps_sentence_pairs_and_the_option_works_both_ways() {
    let whole = |case: &Case| {
        tmx(case)
            .iter()
            .map(|t| (t.props["x-bead"].clone(), t.props.contains_key("x-clause")))
            .collect::<Vec<_>>()
    };
    let beads = |v: &[&str]| v.iter().map(|b| (b.to_string(), false)).collect::<Vec<_>>();
    let sentence_pairs = beads(&["1-1", "3-1", "2-1", "2-1", "1-1"]);
    // Chinese source (the default): sentence pairs, no summary line about clauses.
    let case = Case::new();
    let o = export(&case, &[]);
    assert_ok(&o);
    assert!(!stdout(&o).contains("clauses"), "{}", stdout(&o));
    assert_eq!(whole(&case), sentence_pairs);
    // English source, kept whole on request.
    let case = Case::new();
    assert_ok(&export(&case, &["--source", "en", "--no-split-clauses"]));
    assert_eq!(whole(&case), sentence_pairs);
    // Chinese source, split on request.
    let case = Case::new();
    assert_ok(&export(&case, &["--split-clauses"]));
    let tus = tmx(&case);
    assert_eq!(
        tus.iter()
            .filter(|t| t.props.contains_key("x-clause"))
            .count(),
        5
    );
    // The Chinese of a split sentence, part by part, is the sentence.
    let parts: String = tus
        .iter()
        .filter(|t| t.props.get("x-sentence-bead").is_some_and(|b| b == "3-1"))
        .map(|t| t.segs["zh-CN"].as_str())
        .collect();
    assert_eq!(
        parts,
        "他说，去年两国贸易增长了12%；双方签署了15项能源和农业协议，两国领导人将于明年春天在上海再次会晤。"
    );
}

#[test]
fn clause_pairs_and_review_pages_do_not_mix() {
    let case = Case::new();
    let o = export(&case, &["--split-clauses", "--review"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--split-clauses and --review"),
        "{}",
        stderr(&o)
    );
    assert!(!case.out().exists());
    let o = export(&case, &["--split-clauses", "--no-split-clauses"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // --source en with --review: pairs stay whole, and the user is told.
    let o = export(&case, &["--source", "en", "--review"]);
    assert_ok(&o);
    assert!(
        stderr(&o).contains("pairs are kept whole"),
        "{}",
        stderr(&o)
    );
    assert!(tmx(&case).iter().all(|t| !t.props.contains_key("x-clause")));
}
