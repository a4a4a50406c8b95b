//! What decides a bead besides structure: the length a translation gives a sentence and
//! where a sentence without lexical support goes. Invented texts, aligned through the
//! library.

use zhen_tm::align::{align_document, AlignOptions};
use zhen_tm::model::{Document, Lang, Paragraph, Transcript, Unit, UnitKind};

fn transcript(lang: Lang, sentences: &[&str]) -> Transcript {
    Transcript {
        lang,
        units: vec![Unit {
            kind: UnitKind::Turn,
            speaker: None,
            paragraphs: sentences
                .iter()
                .enumerate()
                .map(|(k, t)| Paragraph {
                    text: t.to_string(),
                    line: k + 1,
                })
                .collect(),
        }],
    }
}

fn pairs(en: &[&str], zh: &[&str]) -> Vec<(String, String)> {
    let doc = Document {
        id: "t".into(),
        source: "test".into(),
        date: None,
        en: Some(transcript(Lang::En, en)),
        zh: Some(transcript(Lang::Zh, zh)),
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
    let got = pairs(&en, &zh);
    let want: Vec<(String, String)> = en
        .iter()
        .zip(zh)
        .map(|(e, z)| (e.to_string(), z.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_loosely_translated_sentence_of_a_complete_text_is_paired() {
    // A short Chinese sentence renders a clause of the English verse with no word the
    // dictionary links ("and it was so" / 事就这样成了). The texts are complete
    // translations of each other, so it belongs to a pair, not to the unaligned report.
    let en = [
        "And God said, Let the waters under the heaven be gathered together unto one place, and let the dry land appear: and it was so.",
        "And God called the dry land Earth; and the gathering together of the waters called he Seas: and God saw that it was good.",
        "And the evening and the morning were the third day.",
        "And God made two great lights; the greater light to rule the day, and the lesser light to rule the night: he made the stars also.",
        "And the evening and the morning were the fourth day.",
    ];
    let zh = [
        "神说，天下的水要聚在一处，使旱地露出来。",
        "事就这样成了。",
        "神称旱地为地，称水的聚处为海。神看着是好的。",
        "有晚上，有早晨，是第三日。",
        "于是神造了两个大光，大的管昼，小的管夜，又造众星。",
        "有晚上，有早晨，是第四日。",
    ];
    let got = pairs(&en, &zh);
    let zh_paired: usize = got.iter().map(|(_, z)| z.matches('。').count()).sum();
    assert_eq!(zh_paired, 7, "every Chinese sentence is paired: {got:#?}");
    assert!(
        got.iter()
            .any(|(e, z)| e.starts_with("And God said, Let the waters")
                && z.ends_with("事就这样成了。")),
        "{got:#?}"
    );
}
