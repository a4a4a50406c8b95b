//! What decides a bead besides structure: the length a translation gives a sentence and
//! where a sentence without lexical support goes. Invented texts, aligned through the
//! library.

use zhen_tm::align::{align_document, AlignOptions};
use zhen_tm::model::{Document, Lang};
use zhen_tm::parse::parse_presplit;

/// The pairs of `en` and `zh` taken sentence by sentence: what a text whose every
/// sentence is translated by one sentence should give.
fn one_to_one(en: &[&str], zh: &[&str]) -> Vec<(String, String)> {
    en.iter()
        .zip(zh)
        .map(|(e, z)| (e.to_string(), z.to_string()))
        .collect()
}

fn pairs(en: &[&str], zh: &[&str]) -> Vec<(String, String)> {
    let doc = Document {
        id: "t".into(),
        source: "test".into(),
        date: None,
        en: Some(parse_presplit(&en.join("\n"), Lang::En, false)),
        zh: Some(parse_presplit(&zh.join("\n"), Lang::Zh, false)),
    };
    let opts = AlignOptions { presplit: true };
    let a = align_document(&doc, &opts).expect("both sides present");
    a.pairs.iter().map(|p| (p.en_text(), p.zh_text())).collect()
}

#[test]
fn latin_text_inside_chinese_is_copied_not_scaled() {
    // The Chinese spells out an acronym in Latin letters: counted as Chinese characters,
    // that sentence looked as long as two English ones, and the two pairs merged.
    let en = [
        "Radar systems are used in many fields today.",
        "The word radar is an abbreviation.",
        "In most cases, radar systems use modulated waveforms and directive antennas to search for targets.",
        "Objects within a search volume reflect portions of the energy back to the radar.",
        "These echoes are then processed by the radar receiver.",
    ];
    let zh = [
        "如今雷达系统用于许多领域。",
        "雷达（RADAR）一词是Radio Detection and Ranging的缩写。",
        "通常，雷达系统使用调制的波形和定向天线搜索目标。",
        "搜索空域内的物体把一部分能量反射回雷达。",
        "雷达接收机随后处理这些回波。",
    ];
    assert_eq!(pairs(&en, &zh), one_to_one(&en, &zh));
}

#[test]
fn a_loosely_translated_sentence_of_a_complete_text_is_paired() {
    // Genesis 4:4-8 (King James Version / Chinese Union Version, both public domain). The
    // second question of verse 6 (你为什么变了脸色呢？ / "why is thy countenance fallen?")
    // shares no word the dictionary links. The texts are complete translations of each
    // other, so it belongs to its verse's pair, not to the unaligned report.
    let en = [
        "And Abel, he also brought of the firstlings of his flock and of the fat thereof.",
        "And the LORD had respect unto Abel and to his offering:",
        "But unto Cain and to his offering he had not respect.",
        "And Cain was very wroth, and his countenance fell.",
        "And the LORD said unto Cain, Why art thou wroth? and why is thy countenance fallen?",
        "If thou doest well, shalt thou not be accepted? and if thou doest not well, sin lieth at the door.",
        "And unto thee shall be his desire, and thou shalt rule over him.",
        "And Cain talked with Abel his brother: and it came to pass, when they were in the field, that Cain rose up against Abel his brother, and slew him.",
    ];
    let zh = [
        "亚伯也将他羊群中头生的和羊的脂油献上。",
        "耶和华看中了亚伯和他的供物，",
        "只是看不中该隐和他的供物。",
        "该隐就大大地发怒，变了脸色。",
        "耶和华对该隐说，你为什么发怒呢？",
        "你为什么变了脸色呢？",
        "你若行得好，岂不蒙悦纳，你若行得不好，罪就伏在门前。",
        "它必恋慕你，你却要制伏它。",
        "该隐与他兄弟亚伯说话，二人正在田间。",
        "该隐起来打他兄弟亚伯，把他杀了。",
    ];
    let got = pairs(&en, &zh);
    let paired: String = got.iter().map(|(_, z)| z.as_str()).collect();
    assert_eq!(
        paired,
        zh.concat(),
        "every Chinese sentence is paired: {got:#?}"
    );
    assert!(
        got.iter()
            .any(|(e, z)| e.starts_with("And the LORD said unto Cain")
                && z.ends_with("你为什么变了脸色呢？")),
        "{got:#?}"
    );
}

#[test]
fn an_acronym_is_not_the_word_it_spells() {
    // "the US" lowercased is the pronoun "us", which CC-CEDICT gives for 我们: the first
    // sentence then matched the 我们 of the second Chinese one, and the two good 1-1 pairs
    // merged into a 2-2 bead. Capitals keep the acronym apart (it still meets 美国's "US").
    let en = [
        "China firmly opposes the illegal unilateral sanctions imposed by the US.",
        "We will take resolute measures to safeguard the legitimate rights and interests of Chinese companies.",
    ];
    let zh = [
        "中方坚决反对美方实施的非法单边制裁。",
        "我们将采取坚决措施，维护中国企业的正当权益。",
    ];
    assert_eq!(pairs(&en, &zh), one_to_one(&en, &zh));
}
