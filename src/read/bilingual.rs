//! Bilingual layouts: which one a file uses, and the file's text made ready for the parser.
//!
//! Bilingual pages (双语 news pages, study pages, agency transcripts) put Chinese and English
//! together in three ways:
//!
//! - **interleaved**, each paragraph's Chinese and English together: on one line
//!   (`中文 English`, [`LayoutKind::SameLine`]) or split by a line break (`中文<br/>English`,
//!   [`LayoutKind::LineBreak`]);
//! - **alternating** paragraphs: a Chinese paragraph, then its English
//!   ([`LayoutKind::Alternating`]);
//! - **blocks**: a run of Chinese paragraphs, then their English, or the other way round,
//!   as in the page-chunked transcripts ([`LayoutKind::Blocks`]).
//!
//! The parser ([`crate::parse`]) decides the language of every line by script and builds
//! each language's document from its own lines, so a bilingual file is read as if its
//! Chinese and its English had been given as two files. What it cannot do is cut a line
//! holding both languages: [`analyse`] does that here (a `中文 English` line becomes a
//! Chinese line and an English line; a heading `## 11.2 友谊勋章 the Friendship Medal`
//! becomes two headings), names the layout, and says when the layout could not be
//! recognised with confidence (the two languages far out of proportion, paragraphs that do
//! not alternate in step, lines mixing both languages that could not be cut).
//!
//! The thresholds are data (`data/layout/bilingual.tsv`), not constants in code.

use crate::model::Lang;
use crate::parse::{is_han, script_lang};
use std::sync::OnceLock;

/// How a file lays out its languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutKind {
    /// One language only (or nothing with letters in it).
    Monolingual(Lang),
    /// Each paragraph holds its Chinese and its English on one line (`中文 English`).
    SameLine,
    /// Each paragraph holds its Chinese and its English split by a line break
    /// (`中文<br/>English`, or two lines without a blank line between).
    LineBreak,
    /// Paragraphs alternate: a Chinese paragraph, then its English (or the reverse).
    Alternating,
    /// Runs of paragraphs in one language, then their translation (page-chunked transcripts,
    /// a Chinese section followed by its English).
    Blocks,
}

impl LayoutKind {
    /// A short name for messages, `inspect` and JSON (`interleaved-line`, `alternating` …).
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::Monolingual(Lang::Zh) => "chinese",
            LayoutKind::Monolingual(Lang::En) => "english",
            LayoutKind::SameLine => "interleaved-same-line",
            LayoutKind::LineBreak => "interleaved-line-break",
            LayoutKind::Alternating => "alternating",
            LayoutKind::Blocks => "blocks",
        }
    }

    /// What the layout is, in words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            LayoutKind::Monolingual(Lang::Zh) => "Chinese only",
            LayoutKind::Monolingual(Lang::En) => "English only",
            LayoutKind::SameLine => {
                "bilingual, interleaved: each paragraph's Chinese and English on one line"
            }
            LayoutKind::LineBreak => {
                "bilingual, interleaved: each paragraph's Chinese, a line break, its English"
            }
            LayoutKind::Alternating => "bilingual, alternating paragraphs",
            LayoutKind::Blocks => "bilingual, blocks: runs of paragraphs, then their translation",
        }
    }

    /// Whether the layout holds both languages.
    pub fn is_bilingual(self) -> bool {
        !matches!(self, LayoutKind::Monolingual(_))
    }

    /// Whether every paragraph is whole: in an interleaved or alternating layout each
    /// paragraph stands beside its translation, so no page break can have cut it, and the
    /// parser must not join a paragraph to the next of its language (see
    /// [`crate::parse::parse_whole_paragraphs`]). Blocks and single-language files may be
    /// page-chunked.
    pub fn paragraphs_whole(self) -> bool {
        matches!(
            self,
            LayoutKind::SameLine | LayoutKind::LineBreak | LayoutKind::Alternating
        )
    }
}

/// The layout [`analyse`] found, with what it did and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The layout.
    pub kind: LayoutKind,
    /// Paragraphs in Chinese and in English as read (after cutting mixed lines).
    pub paragraphs: (usize, usize),
    /// Lines holding both languages that were cut into a Chinese and an English line.
    pub split_lines: usize,
    /// Why the layout is in doubt, when it is: the reader could not recognise it with
    /// confidence, and the pairs need checking. `None` when it is clear.
    pub doubt: Option<String>,
}

impl Layout {
    /// The layout of a file that holds one language.
    pub fn monolingual(lang: Lang) -> Layout {
        Layout {
            kind: LayoutKind::Monolingual(lang),
            paragraphs: (0, 0),
            split_lines: 0,
            doubt: None,
        }
    }
}

/// Thresholds of the layout decision, from `data/layout/bilingual.tsv`.
struct Rules {
    min_tail_letters: usize,
    min_tail_words: usize,
    min_head_han: usize,
    same_line_share: f64,
    line_break_share: f64,
    alternating_share: f64,
    letters_per_han: (f64, f64),
    monolingual_letters_per_han: (f64, f64),
    paragraph_balance: f64,
    unsplit_share: f64,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut r = Rules {
            min_tail_letters: 6,
            min_tail_words: 2,
            min_head_han: 2,
            same_line_share: 0.3,
            line_break_share: 0.3,
            alternating_share: 0.6,
            letters_per_han: (1.5, 8.0),
            monolingual_letters_per_han: (0.3, 40.0),
            paragraph_balance: 0.7,
            unsplit_share: 0.1,
        };
        for line in crate::data::lines(include_str!("../../data/layout/bilingual.tsv")) {
            let mut f = line.split('\t').map(str::trim);
            let (Some(key), Some(value)) = (f.next(), f.next()) else {
                continue;
            };
            let num = value.parse::<f64>().ok();
            let Some(v) = num else { continue };
            match key {
                "min_tail_letters" => r.min_tail_letters = v as usize,
                "min_tail_words" => r.min_tail_words = v as usize,
                "min_head_han" => r.min_head_han = v as usize,
                "same_line_share" => r.same_line_share = v,
                "line_break_share" => r.line_break_share = v,
                "alternating_share" => r.alternating_share = v,
                "min_letters_per_han" => r.letters_per_han.0 = v,
                "max_letters_per_han" => r.letters_per_han.1 = v,
                "monolingual_zh_below" => r.monolingual_letters_per_han.0 = v,
                "monolingual_en_above" => r.monolingual_letters_per_han.1 = v,
                "paragraph_balance" => r.paragraph_balance = v,
                "unsplit_share" => r.unsplit_share = v,
                _ => {}
            }
        }
        r
    })
}

/// A line cut at the border of its two languages: the text in the order it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Cut {
    first: String,
    second: String,
}

/// Where a text's Latin letters per Chinese character stand against the range a
/// translation has (`min_letters_per_han`..=`max_letters_per_han`): the one measure behind
/// the doubt about volumes, a single paragraph counting as a side, and an edition's stray
/// lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Volume {
    /// No Chinese characters at all.
    NoChinese,
    /// Fewer letters than a translation of the Chinese has.
    Below,
    /// A translation's volume.
    Within,
    /// More letters than a translation into Chinese leaves.
    Above,
}

/// The [`Volume`] of `han` Chinese characters against `lat` Latin letters.
fn volume(han: usize, lat: usize) -> Volume {
    if han == 0 {
        return Volume::NoChinese;
    }
    let per = lat as f64 / han as f64;
    let (lo, hi) = rules().letters_per_han;
    if per < lo {
        Volume::Below
    } else if per > hi {
        Volume::Above
    } else {
        Volume::Within
    }
}

/// Whether the part of `text` that is not in `lang` is too small to be a translation of the
/// part that is (fewer Latin letters per Chinese character than a translation has, for
/// `lang` Chinese; more, for English): then it is stray text of a `lang` edition (names,
/// references, formulas on lines of their own), not a side of a bilingual file.
pub fn other_language_is_stray(text: &str, lang: Lang) -> bool {
    let (han, lat) = seq_volume(text);
    matches!(
        (volume(han, lat), lang),
        (Volume::Below, Lang::Zh) | (Volume::Above | Volume::NoChinese, Lang::En)
    )
}

/// Latin letters in `s`.
fn letters(s: &str) -> usize {
    s.chars().filter(char::is_ascii_alphabetic).count()
}

/// Words of Latin letters in `s`.
fn latin_words(s: &str) -> usize {
    s.split(|c: char| !c.is_ascii_alphabetic() && c != '\'' && c != '-')
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .count()
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// Whether an English part may start with `c` (a letter, a digit, an opening quote or
/// bracket, Markdown emphasis).
fn may_start_english(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '"' | '\'' | '(' | '[' | '*' | '“' | '‘')
}

/// Cut a line holding Chinese then English (`中文。 English.`) or English then Chinese at
/// the border of the two: the Chinese part runs to its last Han character and the
/// punctuation that closes it (`。”）`); the English part has no Han character and at least
/// a few words. `None` when the line is not such a pair.
fn cut_mixed(body: &str) -> Option<Cut> {
    let r = rules();
    let last_han = body.char_indices().rfind(|&(_, c)| is_han(c))?;
    let first_han = body.char_indices().find(|&(_, c)| is_han(c))?;
    // Chinese first: the tail after the last Han character and its closing punctuation.
    let mut end = last_han.0 + last_han.1.len_utf8();
    for c in body[end..].chars() {
        if !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && c != '“' && c != '‘' {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let (head, tail) = body.split_at(end);
    let tail = tail.trim();
    if tail.chars().next().is_some_and(may_start_english)
        && letters(tail) >= r.min_tail_letters
        && latin_words(tail) >= r.min_tail_words
        && han_count(head) >= r.min_head_han
        && script_lang(head) == Some(Lang::Zh)
    {
        return Some(Cut {
            first: head.trim().to_string(),
            second: tail.to_string(),
        });
    }
    // English first: the head before the first Han character and the opening punctuation
    // in front of it (`“`, `（`).
    let mut start = first_han.0;
    while let Some(c) = body[..start].chars().next_back() {
        if !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let (head, tail) = body.split_at(start);
    let head_t = head.trim();
    if head_t.chars().next().is_some_and(may_start_english)
        && letters(head_t) >= r.min_tail_letters
        && latin_words(head_t) >= r.min_tail_words
        && han_count(tail) >= r.min_head_han
        && script_lang(tail) == Some(Lang::Zh)
        && letters(tail) * 2 < han_count(tail)
    {
        return Some(Cut {
            first: head_t.to_string(),
            second: tail.trim().to_string(),
        });
    }
    None
}

/// A Markdown heading marker at the start of a line (`## `), kept on both halves of a cut.
fn heading_marker(line: &str) -> (&str, &str) {
    let t = line.trim_start();
    let hashes = t.len() - t.trim_start_matches('#').len();
    if hashes > 0 && t[hashes..].starts_with(' ') {
        t.split_at(hashes + 1)
    } else {
        ("", t)
    }
}

/// Whether a line holds much of both languages (that it was not cut means its layout is
/// not understood).
fn is_mixed(body: &str) -> bool {
    han_count(body) >= 4 && latin_words(body) >= 4
}

/// Read the layout of `text` (the parser's text, one paragraph a line, blank lines between
/// blocks) and return the text with every line that holds a Chinese paragraph and its
/// English cut in two, with the layout found. A line is cut only in a file that is
/// bilingual: in a Chinese text, a line ending in an English name stays whole.
///
/// Line numbers are kept where possible: the second half of a cut line takes the place of
/// the blank line after it, so the lines after it keep their numbers.
pub fn analyse(text: &str) -> (String, Layout) {
    let r = rules();
    let lines: Vec<&str> = text.lines().collect();
    // What each non-blank line holds.
    struct Seen {
        lang: Option<Lang>,
        cut: Option<Cut>,
        mixed: bool,
    }
    let seen: Vec<Option<Seen>> = lines
        .iter()
        .map(|l| {
            let (_, body) = heading_marker(l);
            if body.trim().is_empty() {
                return None;
            }
            let cut = cut_mixed(body);
            Some(Seen {
                lang: script_lang(body),
                mixed: cut.is_none() && is_mixed(body),
                cut,
            })
        })
        .collect();
    let whole = |lang: Lang| {
        seen.iter()
            .flatten()
            .filter(|s| s.cut.is_none() && s.lang == Some(lang))
            .count()
    };
    let cuts = seen.iter().flatten().filter(|s| s.cut.is_some()).count();
    let (whole_zh, whole_en) = (whole(Lang::Zh), whole(Lang::En));
    // Cut lines only where the file is bilingual: several cut lines, or one beside lines
    // of both languages.
    let do_cut = cuts >= 2 || (cuts >= 1 && whole_zh >= 1 && whole_en >= 1);

    // The text with cut lines, and each content line's language and block, in order.
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + cuts);
    let mut seq: Vec<(Lang, usize, bool)> = Vec::new();
    let mut block = 0usize;
    let mut skip_blank = false;
    let mut unsplit = 0usize;
    for (line, s) in lines.iter().zip(&seen) {
        let Some(s) = s else {
            if skip_blank {
                skip_blank = false;
            } else {
                out.push(String::new());
            }
            block += 1;
            continue;
        };
        skip_blank = false;
        match (&s.cut, do_cut) {
            (Some(cut), true) => {
                let (marker, _) = heading_marker(line);
                for part in [&cut.first, &cut.second] {
                    out.push(format!("{marker}{part}"));
                    if let Some(lang) = script_lang(part) {
                        seq.push((lang, block, true));
                    }
                }
                skip_blank = true;
            }
            _ => {
                out.push((*line).to_string());
                if let Some(lang) = s.lang {
                    seq.push((lang, block, false));
                }
                if s.mixed || (s.cut.is_some() && !do_cut) {
                    unsplit += 1;
                }
            }
        }
    }
    let mut new_text = out.join("\n");
    if text.ends_with('\n') {
        new_text.push('\n');
    }

    let n_zh = seq.iter().filter(|s| s.0 == Lang::Zh).count();
    let n_en = seq.len() - n_zh;
    // A text almost all in one language (a Chinese text quoting English words and formulas)
    // is monolingual, however many of its lines hold a little of the other.
    let (han, lat) = seq_volume(text);
    let per_han = lat as f64 / han.max(1) as f64;
    let (zh_below, en_above) = r.monolingual_letters_per_han;
    let one_language = han > 0 && (per_han < zh_below || per_han > en_above);
    // A language with a single paragraph is a side only when it has a translation's volume
    // (one long paragraph and its translation); otherwise it is stray text (an acronym
    // line, an author's name) of the other.
    let volume = volume(han, lat);
    let few = n_zh < 2 || n_en < 2;
    if n_zh == 0 || n_en == 0 || one_language || (few && volume != Volume::Within) {
        let lang = if one_language {
            if per_han < zh_below {
                Lang::Zh
            } else {
                Lang::En
            }
        } else if n_zh >= n_en {
            Lang::Zh
        } else {
            Lang::En
        };
        let layout = Layout {
            kind: LayoutKind::Monolingual(lang),
            paragraphs: (n_zh, n_en),
            split_lines: 0,
            doubt: None,
        };
        // A monolingual file needs no cut: its text stays as it was.
        return (text.to_string(), layout);
    }
    let split_lines = if do_cut { cuts } else { 0 };
    let fewer = n_zh.min(n_en) as f64;
    // Pairs of lines of different languages side by side in one block (`中文<br/>English`).
    let in_block_pairs = seq
        .windows(2)
        .filter(|w| w[0].1 == w[1].1 && w[0].0 != w[1].0 && !w[0].2 && !w[1].2)
        .count();
    // Runs of one language, and how many of them are a single paragraph.
    let mut runs: Vec<usize> = Vec::new();
    let mut prev: Option<Lang> = None;
    for (lang, _, _) in &seq {
        if prev == Some(*lang) {
            if let Some(last) = runs.last_mut() {
                *last += 1;
            }
        } else {
            runs.push(1);
        }
        prev = Some(*lang);
    }
    let single_runs = runs.iter().filter(|&&n| n == 1).count() as f64;
    let kind = if split_lines as f64 >= r.same_line_share * fewer {
        LayoutKind::SameLine
    } else if in_block_pairs as f64 >= r.line_break_share * fewer {
        LayoutKind::LineBreak
    } else if single_runs >= r.alternating_share * runs.len() as f64 {
        LayoutKind::Alternating
    } else {
        LayoutKind::Blocks
    };

    let mut doubts: Vec<String> = Vec::new();
    // Cutting a line only splits it (and repeats its `#` marker): the counts of Han
    // characters and Latin letters measured on the text above still hold.
    if matches!(volume, Volume::Below | Volume::Above) {
        let (lo, hi) = r.letters_per_han;
        let per = lat as f64 / han as f64;
        doubts.push(format!(
            "the English has {lat} letters for {han} Chinese characters ({per:.1} a \
             character, where a translation has {lo} to {hi}): one side may be \
             incomplete or not a translation of the other"
        ));
    }
    if matches!(
        kind,
        LayoutKind::Alternating | LayoutKind::SameLine | LayoutKind::LineBreak
    ) && fewer < r.paragraph_balance * n_zh.max(n_en) as f64
    {
        doubts.push(format!(
            "{n_zh} Chinese and {n_en} English paragraphs do not go in step as this layout \
             has them"
        ));
    }
    if unsplit as f64 > r.unsplit_share * seq.len() as f64 {
        doubts.push(format!(
            "{unsplit} lines mix Chinese and English in a way that could not be cut into a \
             Chinese and an English part"
        ));
    }
    let layout = Layout {
        kind,
        paragraphs: (n_zh, n_en),
        split_lines,
        doubt: (!doubts.is_empty()).then(|| doubts.join("; ")),
    };
    (new_text, layout)
}

/// Han characters and Latin letters of the text.
fn seq_volume(text: &str) -> (usize, usize) {
    (han_count(text), letters(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_text_quoting_english_is_monolingual_and_uncut() {
        let text = "若结果x的合意性依存于其来源集合A，则我们可构建一个新的选择空间。\n\
                    这里的元素为有序对（A，x），见 choice space 一节的讨论与证明过程。\n\
                    他们称之为 the bounds of reason and rational choice theory。\n\
                    本章讨论理性的界限，以及由此引出的社会选择问题和集体决策问题。\n";
        let (out, layout) = analyse(text);
        assert_eq!(out, text);
        assert!(matches!(layout.kind, LayoutKind::Monolingual(Lang::Zh)));
        assert!(layout.doubt.is_none());
    }

    #[test]
    fn cuts_a_line_at_the_border_of_its_languages() {
        let c = cut_mixed("11.2 中华人民共和国“友谊勋章” the Friendship Medal of the PRC")
            .expect("cut");
        assert_eq!(c.first, "11.2 中华人民共和国“友谊勋章”");
        assert_eq!(c.second, "the Friendship Medal of the PRC");
        let c = cut_mixed("We will work together. 我们将共同努力。").expect("cut");
        assert_eq!(c.first, "We will work together.");
        assert_eq!(c.second, "我们将共同努力。");
        // A Chinese sentence with an acronym, and one with a short name, stay whole.
        assert_eq!(cut_mixed("中方欢迎APEC会议取得成功。"), None);
        assert_eq!(cut_mixed("我们会见了 Li"), None);
        assert_eq!(cut_mixed("plain English text"), None);
    }

    #[test]
    fn names_the_layouts() {
        let same = "中方愿同各方一道努力。 China is ready to work with all parties.\n\n\
                    我们支持多边主义。 We support multilateralism.\n\n\
                    和平是人类共同的愿望。 Peace is the common wish of humanity.\n";
        let (text, l) = analyse(same);
        assert_eq!(l.kind, LayoutKind::SameLine);
        assert_eq!(l.split_lines, 3);
        assert_eq!(l.doubt, None, "{l:?}");
        assert!(text.starts_with(
            "中方愿同各方一道努力。\nChina is ready to work with all parties.\n我们支持"
        ));
        let breaks = "中方愿同各方一道努力。\nChina is ready to work with all parties.\n\n\
                      我们支持多边主义。\nWe support multilateralism.\n";
        assert_eq!(analyse(breaks).1.kind, LayoutKind::LineBreak);
        let alt = "中方愿同各方一道努力。\n\nChina is ready to work with all parties.\n\n\
                   我们支持多边主义。\n\nWe support multilateralism.\n\n\
                   和平是人类共同的愿望。\n\nPeace is the common wish of humanity.\n";
        assert_eq!(analyse(alt).1.kind, LayoutKind::Alternating);
        let blocks = "中方愿同各方一道努力。\n\n我们支持多边主义。\n\n和平是人类共同的愿望。\n\n\
                      China is ready to work with all parties.\n\nWe support multilateralism.\n\n\
                      Peace is the common wish of humanity.\n";
        assert_eq!(analyse(blocks).1.kind, LayoutKind::Blocks);
        let (text, l) = analyse("中方愿同各方一道努力。\n\n我们会见了 John Smith and others\n");
        assert_eq!(l.kind, LayoutKind::Monolingual(Lang::Zh));
        assert!(text.contains("John Smith"));
    }

    #[test]
    fn doubts_a_layout_out_of_proportion() {
        let lopsided = "中方愿同各方一道努力，推动构建人类命运共同体，维护世界和平与发展。\n\n\
                        Yes, we agree with this.\n\n我们支持多边主义，反对单边主义和保护主义，坚定维护以联合国为核心的国际体系。\n\n\
                        No, we do not think so.\n";
        let (_, l) = analyse(lopsided);
        assert!(l.kind.is_bilingual());
        assert!(
            l.doubt.as_deref().is_some_and(|d| d.contains("letters")),
            "{l:?}"
        );
    }

    #[test]
    fn a_cut_heading_keeps_its_marker_on_both_halves() {
        let text = "## 10.31 黄河保护法 law on Yellow River conservation\n\n\
                    十三届全国人大常委会表决通过黄河保护法。\n\n\
                    Chinese lawmakers voted to adopt a law on the Yellow River.\n";
        let (out, l) = analyse(text);
        assert_eq!(l.split_lines, 1);
        assert!(
            out.starts_with("## 10.31 黄河保护法\n## law on Yellow River conservation\n十三届"),
            "{out}"
        );
        // The lines after the cut keep their numbers.
        assert_eq!(out.lines().count(), text.lines().count());
    }
}
