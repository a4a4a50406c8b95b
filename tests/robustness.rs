//! Parsing and alignment on many generated documents: random mixes of titles, labels in
//! every style, headings, page cuts, both scripts, stray punctuation and Markdown. Nothing
//! may panic, and every sentence must end up in exactly one pair or in the unaligned list.

use zhen_tm::align::{align_document, all_sentences, AlignOptions};
use zhen_tm::model::Lang;
use zhen_tm::parse::parse_document;

/// A small deterministic generator (no dependency needed for test data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const EN: &[&str] = &[
    "China and Russia are strategically independent.",
    "Last year, bilateral trade reached a record US$240 billion.",
    "What is your take on China-Russia relations?",
    "The U.N. Security Council met on March 7, 2025.",
    "We will uphold true multilateralism, and promote greater democracy",
    "Thank you.",
    "im-",
    "portant visits followed.",
    "**",
    "\\$",
    "...",
    "A question resonating across the ages: does right prevail?",
];

const ZH: &[&str] = &[
    "中俄在战略上独立自主。",
    "去年，双方贸易额达到创纪录的2400亿美元。",
    "您如何看待中俄关系？",
    "联合国安理会于2025年3月7日开会。",
    "坚持真正的多边主义，推进国际关系民主化",
    "谢谢！",
    "“不结",
    "盟、不对抗”。",
    "《人民日报》",
    "……",
    "中方愿再次呼吁：立即停止军事行动",
];

const LABELS: &[&str] = &[
    "**Wang Yi:** ",
    "**王毅：**",
    "王毅：",
    "Wang Yi: ",
    "《人民日报》记者:",
    "**CNN: ",
    "CNN: ",
    "",
    "",
    "",
];

fn document(rng: &mut Lcg) -> String {
    let mut out = String::new();
    if rng.next().is_multiple_of(2) {
        out.push_str("# Foreign Minister Wang Yi Meets the Press\n\n## 王毅回答中外记者提问\n\n");
    }
    let lines = 2 + rng.next() % 30;
    for _ in 0..lines {
        let label = rng.pick(LABELS);
        let zh = rng.next().is_multiple_of(2);
        let mut para = String::from(label);
        for _ in 0..1 + rng.next() % 4 {
            para.push_str(if zh { rng.pick(ZH) } else { rng.pick(EN) });
            if !zh {
                para.push(' ');
            }
        }
        if label.starts_with("**CNN") {
            para.push_str("**");
        }
        if rng.next().is_multiple_of(7) {
            para = format!("{} 谈全球治理", rng.next() % 30);
        }
        out.push_str(para.trim_end());
        out.push_str(if rng.next().is_multiple_of(5) {
            "\n"
        } else {
            "\n\n"
        });
    }
    out
}

#[test]
fn generated_documents_parse_and_align_without_loss() {
    let mut rng = Lcg(0x5eed);
    let opts = AlignOptions::default();
    let mut aligned_docs = 0;
    for n in 0..300 {
        let text = document(&mut rng);
        let doc = parse_document(&text, &format!("gen{n}"), "generated");
        let Ok(aligned) = align_document(&doc, &opts) else {
            continue; // a single-language document: nothing to align
        };
        aligned_docs += 1;
        for lang in [Lang::En, Lang::Zh] {
            let t = match lang {
                Lang::En => doc.en.as_ref(),
                Lang::Zh => doc.zh.as_ref(),
            }
            .expect("both sides present when aligned");
            let mut expected = all_sentences(t, &opts);
            let mut got: Vec<String> = aligned
                .sentences(lang)
                .into_iter()
                .map(str::to_string)
                .collect();
            expected.sort();
            got.sort();
            assert_eq!(
                got, expected,
                "document {n} ({lang:?}) lost or duplicated a sentence:\n{text}"
            );
        }
        for p in &aligned.pairs {
            assert!(
                (0.0..=1.0).contains(&p.score),
                "score {} out of range",
                p.score
            );
            assert!(!p.en.is_empty() && !p.zh.is_empty());
        }
    }
    assert!(
        aligned_docs > 100,
        "the generator should make mostly bilingual documents ({aligned_docs})"
    );
}
