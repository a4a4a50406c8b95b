//! The structure parser on short invented documents (`tests/fixtures/parse/`): speaker
//! labels only with evidence, and titles, dates, salutations and headings as units of
//! their own. Each test asserts kinds, speakers and paragraph texts, and that no words
//! are lost.

use std::path::PathBuf;
use zhen_tm::model::{Document, Transcript, UnitKind};
use zhen_tm::parse::parse_document;

fn fixture_text(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parse")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(name: &str) -> Document {
    parse_document(&fixture_text(name), name, name)
}

/// One unit as (kind, speaker, paragraph texts).
type View = (UnitKind, Option<String>, Vec<String>);

fn view(t: &Transcript) -> Vec<View> {
    t.units
        .iter()
        .map(|u| {
            (
                u.kind,
                u.speaker.clone(),
                u.paragraphs.iter().map(|p| p.text.clone()).collect(),
            )
        })
        .collect()
}

fn speakers(t: &Transcript) -> Vec<Option<&str>> {
    t.units.iter().map(|u| u.speaker.as_deref()).collect()
}

fn kinds(t: &Transcript) -> Vec<UnitKind> {
    t.units.iter().map(|u| u.kind).collect()
}

fn only_side(doc: &Document) -> &Transcript {
    match (&doc.en, &doc.zh) {
        (Some(t), None) | (None, Some(t)) => t,
        _ => panic!("expected one language in {}", doc.id),
    }
}

/// Every input line's text is somewhere in the parse: in a paragraph, or (for a line that
/// starts with a label) as the unit's speaker followed by the rest in a paragraph.
fn assert_nothing_lost(name: &str) {
    let doc = parse(name);
    let units: Vec<_> = [&doc.en, &doc.zh]
        .into_iter()
        .flatten()
        .flat_map(|t| t.units.iter())
        .collect();
    for line in fixture_text(name).lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        let found = units.iter().any(|u| {
            u.paragraphs.iter().any(|p| p.text.contains(line))
                || u.speaker.as_deref().is_some_and(|s| {
                    line.strip_prefix(s)
                        .and_then(|r| r.strip_prefix([':', '：']))
                        .is_some_and(|rest| {
                            let rest = rest.trim();
                            rest.is_empty() || u.paragraphs.iter().any(|p| p.text.contains(rest))
                        })
                })
        });
        assert!(found, "{name}: line lost: {line}");
    }
}

#[test]
fn chinese_briefing_recurring_name_outlets_and_follow_up() {
    let doc = parse("briefing.zh.txt");
    let zh = only_side(&doc);
    use UnitKind::*;
    assert_eq!(kinds(zh)[0], Title);
    // 周明 is in no list: it is a label because it recurs. 追问 is a turn of its own.
    assert_eq!(
        speakers(zh)[1..],
        [
            Some("周明"),
            Some("法新社记者"),
            Some("周明"),
            Some("追问"),
            Some("周明"),
            Some("彭博社记者"),
            Some("周明"),
        ]
    );
    assert!(zh.units[1..].iter().all(|u| u.kind == Turn));
    assert_eq!(
        zh.units[4].paragraphs[0].text, "磋商将在哪里举行？",
        "the follow-up keeps its own words"
    );
    assert_eq!(doc.date.as_deref(), Some("2031-04-02"));
}

#[test]
fn english_briefing_has_the_same_turns_as_the_chinese() {
    let en_doc = parse("briefing.en.txt");
    let zh_doc = parse("briefing.zh.txt");
    let en = only_side(&en_doc);
    let zh = only_side(&zh_doc);
    assert_eq!(
        speakers(en)[1..],
        [
            Some("Zhou Ming"),
            Some("AFP"),
            Some("Zhou Ming"),
            Some("Follow-up"),
            Some("Zhou Ming"),
            Some("Bloomberg"),
            Some("Zhou Ming"),
        ]
    );
    assert_eq!(kinds(en), kinds(zh));
    assert_eq!(
        en.units[4].paragraphs[0].text,
        "Where will the consultations take place?"
    );
    assert_eq!(en_doc.date.as_deref(), Some("2031-04-02"));
}

#[test]
fn known_spokesperson_and_question_answer_labels_need_no_repetition() {
    for (name, expected) in [
        (
            "spokesperson-names.zh.txt",
            ["林剑", "总台央视记者", "林剑", "问", "答"],
        ),
        (
            "spokesperson-names.en.txt",
            ["Lin Jian", "CCTV", "Lin Jian", "Q", "A"],
        ),
    ] {
        let doc = parse(name);
        let t = only_side(&doc);
        let got: Vec<&str> = t.units[1..]
            .iter()
            .map(|u| u.speaker.as_deref().unwrap_or("-"))
            .collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_once_only_label_is_confirmed_by_the_other_language() {
    let doc = parse("bilingual-mirror.txt");
    let (Some(en), Some(zh)) = (&doc.en, &doc.zh) else {
        panic!("two sides expected");
    };
    assert_eq!(
        speakers(en)[1..],
        [
            Some("Chen Yu"),
            Some("Harbour Evening News"),
            Some("Chen Yu")
        ]
    );
    assert_eq!(
        speakers(zh)[1..],
        [Some("陈雨"), Some("海港晚报记者"), Some("陈雨")]
    );
    assert_eq!(en.units[2].paragraphs[0].text, "How many guests will come?");
}

#[test]
fn no_mirror_without_labels_on_the_other_side() {
    let text = "Harbour Notes\n\n浩港笔记\n\nHarbour Evening News: the port opened today.\n\n港口今天开放了。\n\nIt was a fine day.\n\n天气很好。\n";
    let doc = parse_document(text, "t", "t");
    let en = doc.en.expect("en");
    assert!(en.units.iter().all(|u| u.speaker.is_none()), "{en:?}");
    assert!(en.units.iter().any(|u| u.paragraphs.iter().any(|p| p
        .text
        .starts_with("Harbour Evening News: the port opened today."))));
}

#[test]
fn dialogue_tags_and_prose_colons_stay_text() {
    for name in ["prose-colons.zh.txt", "prose-colons.en.txt"] {
        let doc = parse(name);
        let t = only_side(&doc);
        assert!(
            t.units.iter().all(|u| u.speaker.is_none()),
            "{name}: {:?}",
            view(t)
        );
        assert_nothing_lost(name);
    }
    let doc = parse("prose-colons.zh.txt");
    let texts: Vec<String> = only_side(&doc)
        .units
        .iter()
        .flat_map(|u| u.paragraphs.iter().map(|p| p.text.clone()))
        .collect();
    assert!(texts.contains(&"韦小宝道：“你这话可当真？”".to_string()));
    assert!(texts.contains(&"第一站：山脚下的小镇。".to_string()));
}

#[test]
fn labelled_fixtures_lose_no_words() {
    for name in [
        "briefing.zh.txt",
        "briefing.en.txt",
        "spokesperson-names.zh.txt",
        "spokesperson-names.en.txt",
        "bilingual-mirror.txt",
    ] {
        assert_nothing_lost(name);
    }
}

/// The units of a one-language fixture as (kind, first paragraph text).
fn outline(t: &Transcript) -> Vec<(UnitKind, String)> {
    t.units
        .iter()
        .map(|u| {
            (
                u.kind,
                u.paragraphs.iter().map(|p| p.text.as_str()).collect(),
            )
        })
        .collect()
}

#[test]
fn speech_title_date_line_salutations_and_numbered_headings_stand_alone() {
    use UnitKind::*;
    let en_doc = parse("speech.en.txt");
    let en = only_side(&en_doc);
    let expected: Vec<(UnitKind, String)> = [
        (Title, "Build a Greener Harbour Together"),
        (Lead, "March 17, 2031"),
        (Turn, "Fellow deputies,"),
        (Turn, "Ladies and gentlemen, dear friends,"),
        (
            Turn,
            "On June 5, 2029, we opened the first green berth, and the harbour has changed a great deal since then. We will keep working hard for a cleaner port.",
        ),
        (Heading, "I. Review of Our Work in 2030"),
        (Turn, "Last year we met our main targets."),
        (Heading, "(1) We cut emissions"),
        (Turn, "Emissions fell by a tenth."),
    ]
    .into_iter()
    .map(|(k, s)| (k, s.to_string()))
    .collect();
    assert_eq!(outline(en), expected);
    // The date line dates the document, not the date quoted in the body.
    assert_eq!(en_doc.date.as_deref(), Some("2031-03-17"));

    let zh_doc = parse("speech.zh.txt");
    let zh = only_side(&zh_doc);
    let expected: Vec<(UnitKind, String)> = [
        (Title, "携手建设绿色港口"),
        (Lead, "（2031年3月17日）"),
        (Turn, "各位代表："),
        (Turn, "女士们，先生们，朋友们："),
        (
            Turn,
            "2029年6月5日，我们启用了第一个绿色泊位，此后港口发生了很大变化。我们将继续努力，建设更清洁的港口。",
        ),
        (Heading, "一、2030年工作回顾"),
        (Turn, "去年我们完成了主要目标。"),
        (Heading, "（一）减少排放"),
        (Turn, "排放量下降了一成。"),
    ]
    .into_iter()
    .map(|(k, s)| (k, s.to_string()))
    .collect();
    assert_eq!(outline(zh), expected);
    assert_eq!(zh_doc.date.as_deref(), Some("2031-03-17"));
    assert_eq!(kinds(en), kinds(zh));
}

#[test]
fn report_headings_are_never_glued_to_prose() {
    use UnitKind::*;
    let doc = parse("report-headings.zh.txt");
    let zh = only_side(&doc);
    let got = outline(zh);
    assert_eq!(got[0], (Title, "政府工作报告".to_string()));
    assert_eq!(got[2], (Turn, "各位代表：".to_string()));
    assert_eq!(
        got[3],
        (
            Turn,
            "现在，我代表国务院，向大会报告政府工作，请予审议。".to_string()
        )
    );
    for heading in [
        "一、过去一年的工作",
        "二、今年的主要任务",
        "1. 扩大国内需求",
    ] {
        assert!(
            got.contains(&(Heading, heading.to_string())),
            "{heading}: {got:?}"
        );
    }
    // An unfinished line before a numbered heading stays where it is.
    assert!(got.contains(&(Turn, "过去一年，我们稳步推进各项工作".to_string())));
    // The date line under the title dates the document.
    assert_eq!(doc.date.as_deref(), Some("2031-03-05"));
    assert_nothing_lost("report-headings.zh.txt");
}

#[test]
fn structure_fixtures_lose_no_words() {
    for name in ["speech.en.txt", "speech.zh.txt"] {
        let doc = parse(name);
        let all: String = only_side(&doc)
            .units
            .iter()
            .flat_map(|u| u.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(&all), squeeze(&fixture_text(name)), "{name}");
    }
}

/// Every paragraph's text in document order, whatever unit holds it.
fn paragraph_texts(t: &Transcript) -> Vec<String> {
    t.units
        .iter()
        .flat_map(|u| u.paragraphs.iter().map(|p| p.text.clone()))
        .collect()
}

/// A hard-wrapped text (an e-mail, a file saved with line breaks) is read as its
/// paragraphs: a line ending in a full stop goes on when the next word would not have
/// fitted on it, a paragraph ends on a short line, and where blank lines part the
/// paragraphs every line of a block is one paragraph (short lines included).
#[test]
fn hard_wrapped_text_is_read_as_its_paragraphs() {
    let want_en = [
        "Talks on Trade and Cooperation",
        "Trade between the two countries grew by twelve percent last year. Both sides signed \
         fifteen agreements on energy, agriculture and the digital economy. The leaders will \
         meet again in Shanghai next spring.",
        "The minister said that the partnership rests on mutual respect. It serves the \
         interests of both peoples. Neither side seeks to target any third party. Both will \
         stay open.",
        "Looking ahead, the two countries will deepen cooperation in science and education. \
         They will also expand exchanges between young people, journalists and think tanks.",
    ];
    for name in ["wrapped.en.txt", "wrapped-blank.en.txt"] {
        let doc = parse(name);
        assert_eq!(paragraph_texts(only_side(&doc)), want_en, "{name}");
        assert_nothing_lost(name);
    }
    let doc = parse("wrapped.zh.txt");
    assert_eq!(
        paragraph_texts(only_side(&doc)),
        [
            "贸易与合作会谈",
            "去年两国贸易增长了百分之十二。双方签署了十五项能源、农业和数字经济协议。两国领导人将于明年春天在上海再次会晤。",
            "外长表示，双方伙伴关系建立在相互尊重基础上，符合两国人民利益。双方都不针对第三方，都将保持开放，欢迎企业投资。",
            "展望未来，两国将深化科技和教育合作，扩大青年、媒体和智库交流。",
        ]
    );
    // One sentence a line, the lines alike in length: not a wrapped text.
    let doc = parse("sentences.en.txt");
    assert_eq!(paragraph_texts(only_side(&doc)).len(), 7);
}

/// A first paragraph cut in two (a Word file made from a PDF, a paragraph break where a
/// line ended) is mended like any other when it is longer than a headline and goes on in
/// lower case; a title stays a title even when the text after it starts in lower case.
#[test]
fn a_cut_first_paragraph_is_mended_but_a_title_is_not() {
    let doc = parse("first-paragraph-cut.en.txt");
    assert_eq!(
        paragraph_texts(only_side(&doc)),
        [
            "Here, the humanities differ from much of social science, which attempts to reach \
             a generalization that holds true in any similar circumstance. This difference is \
             significant and shapes how scholars work.",
            "Another paragraph follows here.",
        ]
    );
    let doc = parse("title-then-lowercase.en.txt");
    assert_eq!(paragraph_texts(only_side(&doc)).len(), 2);
    assert_nothing_lost("title-then-lowercase.en.txt");
}
