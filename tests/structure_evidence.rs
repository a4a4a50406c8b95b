//! Units are evidence, not walls: when the two sides' structures differ (headings on one
//! side only, paragraphs split differently, several units facing one), every sentence that
//! has a counterpart is still paired with it, and nothing is lost.

use zhen_tm::align::{align_document, all_sentences, AlignOptions};
use zhen_tm::model::{Document, Lang, Paragraph, Transcript, Unit, UnitKind};

fn unit(kind: UnitKind, paragraphs: &[&str]) -> Unit {
    Unit {
        kind,
        speaker: None,
        paragraphs: paragraphs
            .iter()
            .enumerate()
            .map(|(k, t)| Paragraph {
                text: t.to_string(),
                line: k + 1,
            })
            .collect(),
    }
}

#[test]
fn headings_on_one_side_and_different_paragraphs_lose_nothing() {
    // A work report: English numbered headings the Chinese lacks, English paragraphs split
    // differently from the one Chinese paragraph.
    let en = Transcript {
        lang: Lang::En,
        units: vec![
            unit(UnitKind::Heading, &["I. Review of Our Work in 2015"]),
            unit(
                UnitKind::Turn,
                &[
                    "In 2015, the economy grew by 6.9 percent.",
                    "Some 13.12 million new urban jobs were created. Grain output reached 621 million tonnes.",
                ],
            ),
            unit(UnitKind::Heading, &["II. Targets for 2016"]),
            unit(
                UnitKind::Turn,
                &["The economy should grow by 6.5 to 7 percent. Consumer prices should rise by around 3 percent."],
            ),
        ],
    };
    let zh = Transcript {
        lang: Lang::Zh,
        units: vec![unit(
            UnitKind::Turn,
            &["2015年，经济增长6.9%。城镇新增就业1312万人。粮食产量达到6.21亿吨。经济增长6.5%至7%。居民消费价格涨幅3%左右。"],
        )],
    };
    let doc = Document {
        id: "report".into(),
        source: "test".into(),
        date: None,
        en: Some(en),
        zh: Some(zh),
    };
    let a = align_document(&doc, &AlignOptions::default()).unwrap();
    let pairs: Vec<(String, String)> = a.pairs.iter().map(|p| (p.en_text(), p.zh_text())).collect();
    let expect = [
        ("6.9 percent", "6.9%"),
        ("13.12 million", "1312万"),
        ("621 million", "6.21亿"),
        ("6.5 to 7", "6.5%至7%"),
        ("around 3 percent", "3%左右"),
    ];
    for (e, z) in expect {
        assert!(
            pairs
                .iter()
                .any(|(pe, pz)| pe.contains(e) && pz.contains(z)),
            "no pair {e:?} / {z:?} in {pairs:#?}"
        );
    }
    // Every Chinese sentence is paired; the English headings are one-sided, reported.
    assert!(
        a.unaligned.iter().all(|u| u.lang == Lang::En),
        "{:#?}",
        a.unaligned
    );
    let en_count: usize = a.pairs.iter().map(|p| p.en.len()).sum::<usize>()
        + a.unaligned.iter().filter(|u| u.lang == Lang::En).count();
    let en_sentences = all_sentences(doc.en.as_ref().unwrap(), &AlignOptions::default()).len();
    assert_eq!(en_count, en_sentences);
}
