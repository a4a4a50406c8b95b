//! Chinese-side text normalisation, the pipeline step between aligning and writing.
//!
//! Published transcripts are often copied from web pages or PDFs that carry half-width
//! punctuation and stray spaces inside Chinese text (`正如你说, 当今世界`, `王毅就中国 外交政策`).
//! Another edition of the same speech writes `，` and no space, so a memory that keeps the
//! text as written misses exact matches against it. This step rewrites the Chinese side of
//! every pair: half-width marks between Chinese characters become full-width, and spaces
//! between Chinese characters go. Text that is not between Chinese characters (`1,000`,
//! `10:30`, `(CPC)`, English quoted inside Chinese) stays as written, and the English side is
//! never touched.
//!
//! It runs after alignment on purpose: the aligner reads the text as written (its evidence
//! and line numbers refer to the input), and what changes here is only what the memory
//! says. Sentences without a counterpart (`unaligned.tsv`) stay as written, because they
//! are there to be looked up in the input. The character rules live in
//! `data/normalize/zh.tsv`; the CLI's `export --as-written` skips the step.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::model::AlignedDocument;
use crate::parse::is_han;

/// Where a half-width mark is rewritten (the `CONTEXT` column of `data/normalize/zh.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// Chinese on both sides (nearest non-space characters).
    Between,
    /// Chinese before; Chinese or the end of the text after.
    End,
    /// Opening bracket: converted with its partner when the pair encloses Chinese.
    Open,
    /// Closing bracket: converted only with its opening partner.
    Close,
}

/// The parsed rule file.
#[derive(Debug, Default)]
struct Rules {
    /// Half-width mark → (full-width mark, where).
    maps: HashMap<char, (char, Context)>,
    /// Opening bracket → its closing partner.
    partners: HashMap<char, char>,
    /// Space characters removed between Chinese characters.
    spaces: HashSet<char>,
    /// Characters besides Han ideographs that count as Chinese neighbours.
    chinese: HashSet<char>,
    /// The keys of `maps` and the `spaces`, sorted: the characters that can make a text
    /// change. Every sentence is checked for them, most have none, and a binary search
    /// of this short list costs less than two hash lookups per character.
    triggers: Vec<char>,
}

impl Rules {
    fn is_chinese(&self, c: char) -> bool {
        is_han(c) || self.chinese.contains(&c)
    }
}

/// Parses `data/normalize/zh.tsv`; an error names the line, so that a bad edit of the data
/// file fails its unit test instead of silently dropping a rule.
fn parse_rules(src: &str) -> Result<Rules, String> {
    let mut rules = Rules::default();
    let mut open: Option<char> = None;
    for (n, line) in src.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let one_char = |s: &str| -> Result<char, String> {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(format!("line {n}: '{s}' is not one character")),
            }
        };
        match fields.as_slice() {
            ["map", half, full, context] => {
                let (half, full) = (one_char(half)?, one_char(full)?);
                let context = match *context {
                    "between" => Context::Between,
                    "end" => Context::End,
                    "open" => {
                        open = Some(half);
                        Context::Open
                    }
                    "close" => {
                        let o = open
                            .take()
                            .ok_or_else(|| format!("line {n}: close without an open row"))?;
                        rules.partners.insert(o, half);
                        Context::Close
                    }
                    other => return Err(format!("line {n}: unknown context '{other}'")),
                };
                rules.maps.insert(half, (full, context));
            }
            ["space", code, _name] => {
                let hex = code
                    .strip_prefix("U+")
                    .ok_or_else(|| format!("line {n}: '{code}' is not U+XXXX"))?;
                let c = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("line {n}: '{code}' is not a character"))?;
                rules.spaces.insert(c);
            }
            ["chinese", chars @ ..] if !chars.is_empty() => {
                for c in chars {
                    rules.chinese.insert(one_char(c)?);
                }
            }
            _ => {
                return Err(format!(
                    "line {n}: not a map, space or chinese row: {line:?}"
                ))
            }
        }
    }
    if let Some(o) = open {
        return Err(format!("open bracket '{o}' has no close row"));
    }
    rules.triggers = rules.maps.keys().chain(&rules.spaces).copied().collect();
    rules.triggers.sort_unstable();
    rules.triggers.dedup();
    Ok(rules)
}

/// The rules, embedded at compile time and parsed on first use.
static RULES: LazyLock<Rules> =
    LazyLock::new(|| parse_rules(include_str!("../data/normalize/zh.tsv")).unwrap_or_default());

/// Normalises one piece of Chinese text: half-width punctuation between Chinese characters
/// becomes full-width (`你说, 当今` → `你说，当今`, `提问(上)` → `提问（上）`), and spaces between
/// Chinese characters are removed (`中国 外交` → `中国外交`). Borrows when nothing changes,
/// which is most sentences.
pub fn normalize_zh(text: &str) -> Cow<'_, str> {
    let r = &*RULES;
    if !text.chars().any(|c| r.triggers.binary_search(&c).is_ok()) {
        return Cow::Borrowed(text);
    }
    let mut chars: Vec<char> = text.chars().collect();
    let is_space = |c: char| c.is_whitespace() || r.spaces.contains(&c);
    let prev = |chars: &[char], i: usize| chars[..i].iter().rev().copied().find(|&c| !is_space(c));
    let next = |chars: &[char], i: usize| chars[i + 1..].iter().copied().find(|&c| !is_space(c));
    let cn = |c: Option<char>| c.is_some_and(|c| r.is_chinese(c));

    // Punctuation, left to right: a converted mark counts as Chinese for the next one.
    for i in 0..chars.len() {
        let Some(&(full, context)) = r.maps.get(&chars[i]) else {
            continue;
        };
        match context {
            Context::Between => {
                if cn(prev(&chars, i)) && cn(next(&chars, i)) {
                    chars[i] = full;
                }
            }
            Context::End => {
                let after = next(&chars, i);
                if cn(prev(&chars, i)) && (after.is_none() || cn(after)) {
                    chars[i] = full;
                }
            }
            Context::Open => {
                let Some(&close) = r.partners.get(&chars[i]) else {
                    continue;
                };
                let open = chars[i];
                // The partner: the first closing bracket before any other opening one.
                let Some(j) = chars[i + 1..]
                    .iter()
                    .position(|&c| c == close || c == open)
                    .map(|k| i + 1 + k)
                    .filter(|&j| chars[j] == close)
                else {
                    continue;
                };
                let inside_han = chars[i + 1..j].iter().any(|&c| is_han(c));
                let before = prev(&chars, i);
                let after = next(&chars, j);
                let edge_or_cn = |c: Option<char>| c.is_none() || cn(c);
                if inside_han && edge_or_cn(before) && edge_or_cn(after) {
                    chars[i] = full;
                    if let Some(&(close_full, _)) = r.maps.get(&close) {
                        chars[j] = close_full;
                    }
                }
            }
            Context::Close => {}
        }
    }

    // Spaces: drop a run of space characters with Chinese on both sides.
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !r.spaces.contains(&chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|c| !r.spaces.contains(c))
            .map_or(chars.len(), |k| i + k);
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(end).copied();
        if !(cn(before) && cn(after)) {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// What [`normalize_documents`] changed, for the export summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NormalizeStats {
    /// Pairs whose Chinese side was rewritten.
    pub pairs: usize,
}

/// Normalises the Chinese side of every pair ([`normalize_zh`] on each Chinese sentence),
/// leaving the English side, the speaker labels and the unaligned sentences as written.
/// Run it after aligning and before removing duplicates, so that two pairs that differ only
/// in half-width punctuation are written once.
pub fn normalize_documents(docs: &mut [AlignedDocument]) -> NormalizeStats {
    let mut stats = NormalizeStats::default();
    for pair in docs.iter_mut().flat_map(|d| d.pairs.iter_mut()) {
        let mut changed = false;
        for s in &mut pair.zh {
            if let Cow::Owned(n) = normalize_zh(s) {
                *s = n;
                changed = true;
            }
        }
        stats.pairs += usize::from(changed);
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_file_parses() {
        let r = parse_rules(include_str!("../data/normalize/zh.tsv")).expect("rules");
        assert_eq!(r.maps.get(&','), Some(&('，', Context::Between)));
        assert_eq!(r.partners.get(&'('), Some(&')'));
        assert!(r.spaces.contains(&'\u{3000}') && r.spaces.contains(&' '));
        assert!(r.chinese.contains(&'“') && r.chinese.contains(&'。'));
        for bad in [
            "map\t,,\t，\tbetween",
            "map\t,\t，\tsomewhere",
            "map\t)\t）\tclose",
            "map\t(\t（\topen",
            "space\t0020\tspace",
            "frobnicate\tx",
        ] {
            assert!(parse_rules(bad).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn half_width_marks_between_chinese_become_full_width() {
        let cases = [
            ("正如你说, 当今世界变乱交织", "正如你说，当今世界变乱交织"),
            ("要坚持;要合作", "要坚持；要合作"),
            ("中方认为:和平是首要", "中方认为：和平是首要"),
            ("这是战略机会?", "这是战略机会？"),
            (
                "是否为中国提供战略机会? 王毅",
                "是否为中国提供战略机会？王毅",
            ),
            ("太好了!", "太好了！"),
            ("有句话, “没有永远的朋友”", "有句话，“没有永远的朋友”"),
            ("他问:“为什么?”", "他问：“为什么？”"),
            ("回答中外记者提问(上)", "回答中外记者提问（上）"),
            ("王毅(外交部长)说", "王毅（外交部长）说"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_zh(input), want, "{input}");
        }
    }

    #[test]
    fn text_not_between_chinese_stays_as_written() {
        for s in [
            "增长1,000亿元",
            "上午10:30开会",
            "中共中央(CPC)政治局",
            "联合国(UN)大会",
            "Hello, world: (yes)?",
            "第3, 4项",
            "中国 2025年 GDP",
            "欢迎APEC 会议",
            "记者会。",
        ] {
            assert!(matches!(normalize_zh(s), Cow::Borrowed(_)), "{s} changed");
        }
        // Unmatched brackets are left alone.
        assert_eq!(normalize_zh("问题(一"), "问题(一");
        assert_eq!(normalize_zh("问题)一"), "问题)一");
    }

    #[test]
    fn spaces_between_chinese_are_removed() {
        assert_eq!(normalize_zh("王毅就中国 外交政策"), "王毅就中国外交政策");
        assert_eq!(normalize_zh("外交部长王毅 回答"), "外交部长王毅回答");
        assert_eq!(normalize_zh("中国\u{3000}\u{a0} 外交"), "中国外交");
        assert_eq!(normalize_zh("他说 “是”。"), "他说“是”。");
        // Next to Latin letters or digits, a space is the writer's choice.
        assert_eq!(normalize_zh("在 APEC 会议上"), "在 APEC 会议上");
        assert_eq!(normalize_zh("2025年 3月"), "2025年 3月");
    }

    #[test]
    fn documents_change_on_the_chinese_side_only() {
        let mut d = crate::write::test_support::doc();
        d.pairs[0].zh = vec!["中国 外交, 政策".into()];
        d.pairs[0].en = vec!["China ,  policy".into()];
        d.unaligned.push(crate::model::Unaligned {
            doc: "d1".into(),
            lang: crate::model::Lang::Zh,
            unit: 1,
            kind: crate::model::UnitKind::Turn,
            speaker: None,
            text: "中国 外交".into(),
            line: 3,
        });
        let before = d.clone();
        let mut docs = vec![d];
        let stats = normalize_documents(&mut docs);
        assert_eq!(stats, NormalizeStats { pairs: 1 });
        assert_eq!(docs[0].pairs[0].zh, ["中国外交，政策"]);
        assert_eq!(docs[0].pairs[0].en, before.pairs[0].en);
        assert_eq!(docs[0].pairs[1..], before.pairs[1..]);
        assert_eq!(docs[0].unaligned, before.unaligned);
    }
}
