//! Clause-level splitting (`zhen_tm::align::clauses`) on invented pairs: where the Chinese
//! is cut, which pairs are split and how, and which stay whole because the evidence is weak.

use zhen_tm::align::clauses::{self, Verdict};
use zhen_tm::lexicon::terms;
use zhen_tm::model::{AlignedDocument, Pair, UnitKind};

fn pair(id: &str, en: &[&str], zh: &[&str], score: f64) -> Pair {
    Pair {
        id: id.to_string(),
        doc: "doc".to_string(),
        date: Some("2026-03-08".to_string()),
        unit: 3,
        kind: UnitKind::Turn,
        speaker_en: Some("Wang Yi".to_string()),
        speaker_zh: Some("王毅".to_string()),
        en: en.iter().map(|s| s.to_string()).collect(),
        zh: zh.iter().map(|s| s.to_string()).collect(),
        score,
        lines: (7, 9),
        reviewed: false,
        clause: None,
    }
}

fn judge(p: &Pair) -> Verdict {
    clauses::judge(p, &terms::TermIndex::new(terms::bundled()))
}

const TRADE_EN: [&str; 3] = [
    "He said that trade between the two countries grew by 12 percent last year.",
    "Both sides signed 15 agreements on energy and agriculture.",
    "The leaders will meet again in Shanghai next spring.",
];
const TRADE_ZH: &str =
    "他说，去年两国贸易增长了12%；双方签署了15项能源和农业协议，两国领导人将于明年春天在上海再次会晤。";

#[test]
fn cuts_after_clause_marks_outside_quotations_and_brackets() {
    let cases: [(&str, &[&str]); 8] = [
        (
            TRADE_ZH,
            &[
                "他说，",
                "去年两国贸易增长了12%；",
                "双方签署了15项能源和农业协议，",
                "两国领导人将于明年春天在上海再次会晤。",
            ],
        ),
        // Inside a quotation nothing is cut; the colon before it is a clause mark.
        (
            "他说：“我们支持对话，反对制裁。”双方同意。",
            &["他说：", "“我们支持对话，反对制裁。”双方同意。"],
        ),
        (
            "恪守《联合国宪章》宗旨，维护和平。",
            &["恪守《联合国宪章》宗旨，", "维护和平。"],
        ),
        (
            "上合组织（成员国，观察员国）都来了。",
            &["上合组织（成员国，观察员国）都来了。"],
        ),
        // Nothing after the mark: no cut.
        ("好，", &["好，"]),
        // A mark right after another stays with the clause before it.
        ("甲：，乙。", &["甲：，", "乙。"]),
        // An unclosed quotation: no cut after it opens.
        ("他说：“我们，支持", &["他说：", "“我们，支持"]),
        ("没有标点的句子。", &["没有标点的句子。"]),
    ];
    for (sentence, want) in cases {
        let got = clauses::clauses(sentence);
        assert_eq!(got, want, "{sentence}");
        assert_eq!(got.concat(), sentence);
    }
}

#[test]
fn a_sentence_rendering_three_english_sentences_is_split_in_three() {
    let p = pair("doc-0004", &TRADE_EN, &[TRADE_ZH], 0.9);
    let parts = clauses::split_pair(&p, &terms::TermIndex::new(terms::bundled()))
        .expect("the evidence supports the split");
    let got: Vec<(&str, &str)> = parts
        .iter()
        .map(|q| (q.en[0].as_str(), q.zh[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (TRADE_EN[0], "他说，去年两国贸易增长了12%；"),
            (TRADE_EN[1], "双方签署了15项能源和农业协议，"),
            (TRADE_EN[2], "两国领导人将于明年春天在上海再次会晤。"),
        ]
    );
    for (k, q) in parts.iter().enumerate() {
        assert_eq!(q.id, format!("doc-0004.{}", k + 1));
        let c = q.clause.as_ref().expect("marked");
        assert_eq!((c.part, c.parts), (k + 1, 3));
        assert_eq!((c.sentence_bead.as_str(), c.sentence_score), ("3-1", 0.9));
        assert_eq!(q.bead(), "1-1");
        assert_eq!(q.bead_label(), format!("1-1 clause {}/3 of 3-1", k + 1));
        // Its own score, never above the sentence pair's.
        assert!(q.score > 0.3 && q.score <= 0.9, "{}", q.score);
        // The context is the pair's.
        assert_eq!(
            (q.doc.as_str(), q.unit, q.lines, q.speaker_zh.as_deref()),
            ("doc", 3, (7, 9), Some("王毅"))
        );
    }
}

#[test]
fn weak_evidence_keeps_the_pair_whole() {
    // The English in the other order: each part agrees best with another sentence.
    let swapped = pair(
        "p",
        &[TRADE_EN[2], TRADE_EN[1], TRADE_EN[0]],
        &[TRADE_ZH],
        0.9,
    );
    assert_eq!(judge(&swapped), Verdict::Weak);
    // English that does not translate the clauses.
    let unrelated = pair(
        "p",
        &[
            "The weather was cold in the morning.",
            "Many children played football in the park.",
        ],
        &["去年两国贸易增长了12%，双方签署了15项能源和农业协议。"],
        0.9,
    );
    assert_eq!(judge(&unrelated), Verdict::Weak);
    // The middle clauses share nothing with either sentence and could go to either.
    let unclear = pair(
        "p",
        &[
            "Trade grew by 12 percent.",
            "Both sides signed 15 agreements.",
        ],
        &["贸易增长了12%，应该说，这个嘛，双方签署了15项协议。"],
        0.9,
    );
    assert_eq!(judge(&unclear), Verdict::Weak);
}

#[test]
fn only_one_chinese_sentence_facing_several_english_ones_is_a_candidate() {
    let one = pair("p", &[TRADE_EN[0]], &["他说，去年两国贸易增长了12%。"], 0.9);
    assert_eq!(judge(&one), Verdict::NotApplicable);
    let two = pair(
        "p",
        &TRADE_EN[..2],
        &[
            "他说，去年两国贸易增长了12%。",
            "双方签署了15项能源和农业协议。",
        ],
        0.9,
    );
    assert_eq!(judge(&two), Verdict::NotApplicable);
    let no_marks = pair(
        "p",
        &TRADE_EN[..2],
        &["去年两国贸易增长了12%并签署了15项能源和农业协议。"],
        0.9,
    );
    assert_eq!(judge(&no_marks), Verdict::TooFewClauses);
}

#[test]
fn documents_are_split_in_place_and_nothing_is_lost() {
    let before = vec![
        pair("doc-0001", &["Good morning."], &["早上好。"], 0.95),
        pair("doc-0002", &TRADE_EN, &[TRADE_ZH], 0.9),
        pair(
            "doc-0003",
            &TRADE_EN[..2],
            &["去年两国贸易增长了12%并签署了15项能源和农业协议。"],
            0.8,
        ),
    ];
    let mut docs = vec![AlignedDocument {
        id: "doc".to_string(),
        source: "doc.txt".to_string(),
        date: None,
        pairs: before.clone(),
        unaligned: vec![],
        agreement: None,
        chance_agreement: None,
        pairs_per_run: None,
    }];
    let stats = clauses::split_documents(&mut docs);
    assert_eq!((stats.candidates, stats.split, stats.parts), (2, 1, 3));
    let ids: Vec<&str> = docs[0].pairs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "doc-0001",
            "doc-0002.1",
            "doc-0002.2",
            "doc-0002.3",
            "doc-0003"
        ]
    );
    // Every English sentence once, in order; the Chinese text unchanged.
    let en = |ps: &[Pair]| ps.iter().flat_map(|p| p.en.clone()).collect::<Vec<_>>();
    let zh = |ps: &[Pair]| ps.iter().map(|p| p.zh_text()).collect::<String>();
    assert_eq!(en(&docs[0].pairs), en(&before));
    assert_eq!(zh(&docs[0].pairs), zh(&before));
    // Split pairs are not split again.
    let again = docs[0].pairs.clone();
    let stats = clauses::split_documents(&mut docs);
    assert_eq!((stats.split, stats.parts), (0, 0));
    assert_eq!(docs[0].pairs, again);
}
