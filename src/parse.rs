//! Transcript parsing: decoded text → [`Document`] (title, lead, headings and speaker turns
//! in each language).
//!
//! The inputs are official transcripts as they come out of bilingual page layouts: English
//! and Chinese alternate in page-sized chunks that cut paragraphs mid-sentence (even
//! mid-word), with or without Markdown, with speaker labels in several styles. Parsing runs
//! in three small steps:
//!
//! 1. [`read_lines`]: every non-empty line becomes a [`Line`] with Markdown stripped, its
//!    speaker label (if any) split off, and its language decided by script;
//! 2. [`rejoin`]: per language, paragraphs cut by a page break are joined again;
//! 3. [`structure`]: per language, the paragraphs become units (title, lead, headings,
//!    turns).
//!
//! The knowledge these steps need (label suffixes, title keywords, hyphen prefixes) is
//! data in `data/layout/`, not code.

use crate::model::{Document, Lang, Paragraph, Transcript, Unit, UnitKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One non-empty input line after Markdown and label handling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Text without Markdown and without the speaker label.
    pub text: String,
    /// The speaker label, if the line starts with one.
    pub label: Option<String>,
    /// Language decided by script (Han characters vs Latin letters).
    pub lang: Lang,
    /// 1-based line number in the input.
    pub line: usize,
    /// The line was a Markdown heading (`#`, `##` …).
    pub heading: bool,
}

/// Layout knowledge loaded once from `data/layout/`.
struct Layout {
    zh_label_suffixes: Vec<String>,
    zh_labels: HashSet<String>,
    zh_not_labels: HashSet<String>,
    en_label_connectors: HashSet<String>,
    zh_title_keywords: Vec<String>,
    en_hyphen_prefixes: HashSet<String>,
    /// People in the bundled term list (王毅 …): labels known without repetition.
    known_people: HashSet<String>,
}

/// The non-comment, non-empty lines of a bundled data file.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn layout() -> &'static Layout {
    static LAYOUT: OnceLock<Layout> = OnceLock::new();
    LAYOUT.get_or_init(|| Layout {
        zh_label_suffixes: data_lines(include_str!("../data/layout/zh_label_suffixes.txt"))
            .map(String::from)
            .collect(),
        zh_labels: data_lines(include_str!("../data/layout/zh_labels.txt"))
            .map(String::from)
            .collect(),
        zh_not_labels: data_lines(include_str!("../data/layout/zh_not_labels.txt"))
            .map(String::from)
            .collect(),
        en_label_connectors: data_lines(include_str!("../data/layout/en_label_connectors.txt"))
            .map(String::from)
            .collect(),
        zh_title_keywords: data_lines(include_str!("../data/layout/zh_title_keywords.txt"))
            .map(String::from)
            .collect(),
        en_hyphen_prefixes: data_lines(include_str!("../data/layout/en_hyphen_prefixes.txt"))
            .map(String::from)
            .collect(),
        known_people: crate::lexicon::terms::bundled()
            .iter()
            .filter(|t| t.category == "person")
            .map(|t| t.zh.clone())
            .collect(),
    })
}

/// Han ideographs (CJK Unified Ideographs and Extension A) and the CJK compatibility block:
/// what makes text Chinese.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Decide the language of a piece of text by script: Chinese when Han characters make up
/// at least a fifth of the letters (Chinese text carries Latin acronyms and digits; English
/// text rarely carries Han characters).
pub fn script_lang(text: &str) -> Option<Lang> {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han == 0 && latin == 0 {
        None
    } else if han * 5 >= (han + latin) || han * 2 >= latin && han >= 4 {
        Some(Lang::Zh)
    } else {
        Some(Lang::En)
    }
}

/// Remove Markdown backslash escapes (`\$` → `$`): only before ASCII punctuation, as
/// CommonMark defines them, so that a literal backslash elsewhere survives.
fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Remove Markdown strong-emphasis markers (`**`, `__`) left inside a line.
fn strip_emphasis(s: &str) -> String {
    s.replace("**", "").replace("__", "")
}

/// Split `s` at its first colon (ASCII or full-width): the part before, and the part after
/// with leading spaces trimmed.
fn split_colon(s: &str) -> Option<(&str, &str)> {
    let pos = s.find([':', '：'])?;
    let colon_len = s[pos..].chars().next().map_or(1, char::len_utf8);
    Some((&s[..pos], s[pos + colon_len..].trim_start()))
}

/// Is `candidate` (the text before a colon at the start of a paragraph) a speaker label?
/// English labels are short and in Title Case ("China Central Television", "ITAR-TASS",
/// "People's Daily"); Chinese labels end in 记者 and the like, or are a 2–4 character
/// name. A colon inside prose ("a question resonating across the ages: Does right …",
/// "中方愿再次呼吁：立即停止…") fails these tests.
pub fn is_label(candidate: &str) -> bool {
    let c = strip_parenthetical(candidate.trim());
    if c.is_empty() || c.chars().count() > 40 {
        return false;
    }
    match script_lang(c) {
        Some(Lang::Zh) => is_zh_label(c),
        Some(Lang::En) => is_en_label(c),
        None => false,
    }
}

/// A label written in bold (`**Reporter from Al Jazeera:**`) is marked as one by the
/// layout itself, so it only has to be short and free of sentence punctuation; the
/// stricter tests of [`is_label`] are for labels in plain text.
pub fn is_bold_label(candidate: &str) -> bool {
    let c = strip_parenthetical(candidate.trim());
    let words = c.split_whitespace().count();
    is_label(candidate)
        || (!c.is_empty()
            && c.chars().count() <= 40
            && words <= 8
            && !c.contains([
                '.', '?', '!', ',', ';', '。', '？', '！', '，', '；', '“', '”', '"',
            ])
            && script_lang(c).is_some())
}

/// A label's trailing remark in brackets (`彭博社记者（追问）`, `Bloomberg (follow-up)`)
/// does not decide whether it is a label.
fn strip_parenthetical(c: &str) -> &str {
    let t = c.trim_end();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if t.ends_with(close) {
            if let Some(pos) = t.rfind(open) {
                if pos > 0 {
                    return t[..pos].trim_end();
                }
            }
        }
    }
    t
}

/// A Chinese label accepted only because it looks like a 2–4 character name (not by a
/// suffix such as 记者, the list of known labels, a person in the bundled term list, or
/// bold): plausible, but prose can look the same (`我认为：`), so the document must confirm
/// it by using it more than once.
fn is_name_only_zh_label(c: &str) -> bool {
    let l = layout();
    let c = strip_parenthetical(c.trim());
    script_lang(c) == Some(Lang::Zh)
        && !l.known_people.contains(c)
        && !l.zh_labels.contains(c)
        && !l.zh_label_suffixes.iter().any(|s| c.ends_with(s.as_str()))
}

fn is_zh_label(c: &str) -> bool {
    let l = layout();
    if c.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?', '“', '”']) {
        return false;
    }
    if l.zh_not_labels.contains(c) {
        return false;
    }
    if l.zh_labels.contains(c) || l.zh_label_suffixes.iter().any(|s| c.ends_with(s.as_str())) {
        return true;
    }
    let n = c.chars().count();
    (2..=4).contains(&n) && c.chars().all(|ch| is_han(ch) || ch == '·')
}

fn is_en_label(c: &str) -> bool {
    let l = layout();
    if c.contains([',', ';', '!', '?', '"', '“', '”']) {
        return false;
    }
    let words: Vec<&str> = c.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let first_ok = words[0]
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
    first_ok
        && words.iter().all(|w| {
            let first = w.trim_start_matches(['(', '\'', '‘']).chars().next();
            first.is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                || l.en_label_connectors.contains(&w.to_lowercase())
        })
}

/// Split a speaker label off the start of a line, in every style the transcripts use:
/// `**Wang Yi:** text`, `**王毅：**text`, `**王毅**：text`, `王毅：text`, `Wang Yi: text`,
/// and a whole question in bold with its label inside (`**ITAR-TASS: There have been …?**`).
/// Returns the label and the rest of the line with Markdown emphasis removed.
pub fn split_label(line: &str) -> (Option<String>, String) {
    let s = line.trim();
    if let Some(after_open) = s.strip_prefix("**") {
        if let Some(close) = after_open.find("**") {
            let inner = &after_open[..close];
            let rest = after_open[close + 2..].trim_start();
            // `**Label:** text`
            if let Some(label) = inner.trim_end().strip_suffix([':', '：']) {
                if is_bold_label(label) {
                    return (
                        Some(label.trim().to_string()),
                        strip_emphasis(rest).trim().to_string(),
                    );
                }
            }
            // `**Label**: text`
            if let Some(text) = rest.strip_prefix([':', '：']) {
                if is_bold_label(inner) {
                    return (
                        Some(inner.trim().to_string()),
                        strip_emphasis(text).trim().to_string(),
                    );
                }
            }
        }
    }
    let plain = strip_emphasis(s);
    if let Some((label, text)) = split_colon(&plain) {
        if is_label(label) {
            return (Some(label.trim().to_string()), text.trim().to_string());
        }
    }
    (None, plain.trim().to_string())
}

/// Step 1: every non-empty line of `text` as a [`Line`]. Markdown headings (`#`) are
/// marked, escapes and emphasis removed, labels split off, the language decided by script.
/// Lines with neither Han characters nor Latin letters (page numbers, rules) are skipped
/// only when they hold no letters or digits at all.
pub fn read_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    // For lines whose label is a name-only Chinese label: the line without the split.
    let mut unsplit: Vec<Option<String>> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (body, heading) = match trimmed.strip_prefix('#') {
            Some(_) => (trimmed.trim_start_matches('#').trim_start(), true),
            None => (trimmed, false),
        };
        let body = unescape_markdown(body);
        let (label, rest) = if heading {
            (None, strip_emphasis(&body).trim().to_string())
        } else {
            split_label(&body)
        };
        let probe = match &label {
            Some(l) => format!("{l} {rest}"),
            None => rest.clone(),
        };
        let lang = match script_lang(&probe) {
            Some(lang) => lang,
            None if probe.chars().any(char::is_alphanumeric) => Lang::En,
            None => continue,
        };
        let weak = !body.starts_with("**") && label.as_deref().is_some_and(is_name_only_zh_label);
        unsplit.push(weak.then(|| strip_emphasis(&body).trim().to_string()));
        out.push(Line {
            text: rest,
            label,
            lang,
            line: i + 1,
            heading,
        });
    }
    // A name-only label used once is more likely prose: undo the split.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for l in &out {
        if let Some(label) = &l.label {
            *uses.entry(label.clone()).or_default() += 1;
        }
    }
    for (l, whole) in out.iter_mut().zip(unsplit) {
        if let (Some(whole), Some(label)) = (whole, &l.label) {
            if uses.get(label).copied().unwrap_or(0) < 2 {
                l.text = whole;
                l.label = None;
            }
        }
    }
    out
}

/// Characters that may follow a sentence's final punctuation (closing quotes, brackets).
const CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', '）', ')', ']', '》', '*'];

/// Does the paragraph end where a paragraph may end (sentence-final punctuation, possibly
/// followed by closing quotes or brackets, or a colon that introduces what follows)?
pub fn is_terminated(text: &str) -> bool {
    let whole = text.trim();
    // A line wholly in quotes or brackets (a quoted headline) is complete.
    for (open, close) in [
        ('“', '”'),
        ('"', '"'),
        ('「', '」'),
        ('《', '》'),
        ('(', ')'),
        ('（', '）'),
    ] {
        if whole.chars().count() > 2 && whole.starts_with(open) && whole.ends_with(close) {
            return true;
        }
    }
    let t = whole.trim_end_matches(CLOSERS);
    t.ends_with(['.', '?', '!', '。', '？', '！', '…', ':', '：', '；', ';'])
}

/// Is the paragraph a heading rather than prose: no final punctuation and short (or, in
/// English, mostly capitalized words), or a numbered topic heading (`1 谈元首外交`)?
pub fn is_heading_like(text: &str, lang: Lang) -> bool {
    if is_numbered_heading(text) {
        return true;
    }
    if is_terminated(text) {
        return false;
    }
    match lang {
        Lang::Zh => {
            let n = text.chars().filter(|c| !c.is_whitespace()).count();
            n <= 32 && !text.contains(['，', ',', '；', ';', '、'])
        }
        Lang::En => {
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() <= 3 {
                return !text.contains(',');
            }
            let caps = words
                .iter()
                .filter(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c == '(')
                })
                .count();
            !text.contains(',') && (caps * 10 >= words.len() * 6)
        }
    }
}

/// Short enough to be a headline: at most 40 Chinese characters or 20 English words.
fn is_short(text: &str, lang: Lang) -> bool {
    match lang {
        Lang::Zh => text.chars().count() <= 40,
        Lang::En => text.split_whitespace().count() <= 20,
    }
}

/// `1 谈元首外交`, `12 Global governance`: a number, a space, a short heading.
pub fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &t[digits..];
    rest.starts_with([' ', '\u{3000}', '.', '、']) && {
        let body = rest.trim_start_matches([' ', '\u{3000}', '.', '、']);
        !body.is_empty() && body.chars().count() <= 30 && !is_terminated(body)
    }
}

/// Join two pieces of English cut by a page break: with a space, or with nothing where a
/// word was hyphenated across the break ("im-" + "portant"), keeping real compounds
/// ("head-of-" + "state", "non-" + "confrontation").
pub fn join_en(left: &str, right: &str) -> String {
    let l = left.trim_end();
    let r = right.trim_start();
    if let Some(stem) = l.strip_suffix('-') {
        let fragment: &str = stem
            .rsplit(|c: char| !c.is_alphabetic() && c != '-')
            .next()
            .unwrap_or("");
        let right_starts_lower = r.chars().next().is_some_and(char::is_lowercase);
        let is_plain_fragment = !fragment.is_empty()
            && !fragment.contains('-')
            && fragment.chars().all(|c| c.is_lowercase())
            && !layout().en_hyphen_prefixes.contains(fragment);
        if right_starts_lower && is_plain_fragment {
            return format!("{stem}{r}");
        }
        return format!("{l}{r}");
    }
    format!("{l} {r}")
}

/// Step 2: rejoin paragraphs of one language that a page break cut. A paragraph that does
/// not end where paragraphs end, and is prose rather than a heading, continues in the next
/// paragraph of the same language unless that one starts a new turn. The first paragraph
/// (the title) is never joined.
pub fn rejoin(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let n = out.len();
        if let Some(prev) = out.last_mut() {
            let prev_is_heading =
                prev.heading || (prev.label.is_none() && is_heading_like(&prev.text, prev.lang));
            let prev_unfinished =
                n > 1 && !prev_is_heading && !prev.text.is_empty() && !is_terminated(&prev.text);
            let next_continues =
                line.label.is_none() && !line.heading && !is_numbered_heading(&line.text);
            let can_continue = prev_unfinished && next_continues;
            if can_continue {
                prev.text = match prev.lang {
                    Lang::En => join_en(&prev.text, &line.text),
                    Lang::Zh => format!("{}{}", prev.text.trim_end(), line.text.trim_start()),
                };
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Does a lead-like paragraph state the event (a date or a dateline)?
fn looks_like_lead(text: &str) -> bool {
    is_terminated(text) && (extract_date(text).is_some() || has_partial_date(text))
}

fn has_partial_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().take(40).collect();
    chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && (w[1] == '日' || w[1] == '月'))
}

/// Step 3: build the units of one language from its rejoined paragraphs.
///
/// Before the first speaker label: the title (a Markdown heading, a paragraph with a title
/// keyword, or the first heading-like paragraph), the lead (the first prose paragraph), and
/// any other short lines as headings. After it: a label starts a turn, prose continues the
/// current turn, heading-like lines (topic headings, source attributions) are headings.
pub fn structure(lines: &[Line], lang: Lang) -> Transcript {
    let mut units: Vec<Unit> = Vec::new();
    let first_turn = lines
        .iter()
        .position(|l| l.label.is_some())
        .unwrap_or(lines.len());
    let pre = &lines[..first_turn];

    // Lead: the first prose paragraph that states a date; else the first prose paragraph.
    let lead_idx = pre
        .iter()
        .position(|l| !l.heading && looks_like_lead(&l.text))
        .or_else(|| {
            pre.iter()
                .position(|l| !l.heading && !is_heading_like(&l.text, lang))
        });
    let before_lead = lead_idx.unwrap_or(pre.len());
    let title_idx = pre[..before_lead]
        .iter()
        .position(|l| l.heading)
        .or_else(|| {
            let kw = &layout().zh_title_keywords;
            pre[..before_lead]
                .iter()
                .position(|l| kw.iter().any(|k| l.text.contains(k.as_str())))
        })
        .or(if before_lead > 0 { Some(0) } else { None });

    let mut lead_done = false;
    for (i, l) in pre.iter().enumerate() {
        let para = vec![Paragraph {
            text: l.text.clone(),
            line: l.line,
        }];
        let kind = if Some(i) == title_idx {
            UnitKind::Title
        } else if Some(i) == lead_idx {
            lead_done = true;
            UnitKind::Lead
        } else if lead_done && !is_heading_like(&l.text, lang) {
            // Prose after the lead without a label: an unlabelled turn.
            UnitKind::Turn
        } else {
            UnitKind::Heading
        };
        push_paragraph(&mut units, kind, None, para, kind == UnitKind::Turn);
    }

    let mut speaker: Option<String> = None;
    let body = &lines[first_turn..];
    for (i, l) in body.iter().enumerate() {
        let para = Paragraph {
            text: l.text.clone(),
            line: l.line,
        };
        // An unfinished short line between a heading and the next label is a headline,
        // even with a comma in it ("推动APEC从深圳再出发,向着亚太共同体目标再启航").
        let after_heading = units.last().is_some_and(|u| u.kind == UnitKind::Heading);
        let before_label = body.get(i + 1).is_some_and(|n| n.label.is_some());
        let headline = l.label.is_none()
            && is_short(&l.text, lang)
            && ((after_heading && before_label)
                || (!is_terminated(&l.text) && (after_heading || before_label)));
        if let Some(label) = &l.label {
            speaker = Some(label.clone());
            let paragraphs = if l.text.is_empty() {
                Vec::new()
            } else {
                vec![para]
            };
            units.push(Unit {
                kind: UnitKind::Turn,
                speaker: speaker.clone(),
                paragraphs,
            });
        } else if l.heading || headline || is_heading_like(&l.text, lang) {
            units.push(Unit {
                kind: UnitKind::Heading,
                speaker: None,
                paragraphs: vec![para],
            });
        } else {
            push_paragraph(
                &mut units,
                UnitKind::Turn,
                speaker.clone(),
                vec![para],
                true,
            );
        }
    }
    units.retain(|u| !u.paragraphs.is_empty());
    Transcript { lang, units }
}

/// Append paragraphs to the last unit when it is a turn and `merge` is set; else start a
/// new unit.
fn push_paragraph(
    units: &mut Vec<Unit>,
    kind: UnitKind,
    speaker: Option<String>,
    paras: Vec<Paragraph>,
    merge: bool,
) {
    if merge {
        if let Some(last) = units.last_mut() {
            if last.kind == UnitKind::Turn {
                last.paragraphs.extend(paras);
                return;
            }
        }
    }
    units.push(Unit {
        kind,
        speaker,
        paragraphs: paras,
    });
}

/// The smallest share of a file's paragraphs a language must have to count as a side of a
/// bilingual document; below it, stray lines join the majority language.
const MIN_SIDE_PARAGRAPHS: usize = 2;

/// Parse a transcript file: one or both languages, each as a [`Transcript`].
///
/// A language with fewer than two paragraphs is taken as stray text of the other language
/// (an English acronym line in a Chinese edition), never dropped.
pub fn parse_document(text: &str, id: &str, source: &str) -> Document {
    let mut lines = read_lines(text);
    let n_en = lines.iter().filter(|l| l.lang == Lang::En).count();
    let n_zh = lines.len() - n_en;
    if n_en < MIN_SIDE_PARAGRAPHS && n_zh >= MIN_SIDE_PARAGRAPHS {
        lines.iter_mut().for_each(|l| l.lang = Lang::Zh);
    } else if n_zh < MIN_SIDE_PARAGRAPHS && n_en >= MIN_SIDE_PARAGRAPHS {
        lines.iter_mut().for_each(|l| l.lang = Lang::En);
    }
    let side = |lang: Lang| -> Option<Transcript> {
        let mine: Vec<Line> = lines.iter().filter(|l| l.lang == lang).cloned().collect();
        if mine.is_empty() {
            return None;
        }
        Some(structure(&rejoin(mine), lang))
    };
    let en = side(Lang::En);
    let zh = side(Lang::Zh);
    let date = document_date(en.as_ref()).or_else(|| document_date(zh.as_ref()));
    Document {
        id: id.to_string(),
        source: source.to_string(),
        date,
        en,
        zh,
    }
}

/// Parse a monolingual plain-text file given with `--en`/`--zh` in `--presplit` mode: each
/// non-blank line is one sentence and nothing else, exactly as hunalign takes it. Blank lines
/// separate units (which the aligner uses as soft evidence, never as walls). Nothing else is
/// parsed: no title or lead detection, no Markdown, and no speaker labels unless `labels`
/// is set, because in one-sentence-a-line text a line such as `他说：` or `Problem:` is
/// text, and cutting it out would lose it from the memory.
pub fn parse_presplit(text: &str, lang: Lang, labels: bool) -> Transcript {
    let mut units: Vec<Unit> = Vec::new();
    let mut current: Vec<Paragraph> = Vec::new();
    let mut speaker: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if t.is_empty() {
            if !current.is_empty() {
                units.push(Unit {
                    kind: UnitKind::Turn,
                    speaker: speaker.take(),
                    paragraphs: std::mem::take(&mut current),
                });
            }
            continue;
        }
        let (label, rest) = if labels {
            split_label(t)
        } else {
            (None, t.to_string())
        };
        if let Some(l) = label {
            if !current.is_empty() {
                units.push(Unit {
                    kind: UnitKind::Turn,
                    speaker: speaker.take(),
                    paragraphs: std::mem::take(&mut current),
                });
            }
            speaker = Some(l);
        }
        if !rest.is_empty() {
            current.push(Paragraph {
                text: rest,
                line: i + 1,
            });
        }
    }
    if !current.is_empty() {
        units.push(Unit {
            kind: UnitKind::Turn,
            speaker,
            paragraphs: current,
        });
    }
    Transcript { lang, units }
}

/// The document date (ISO 8601) stated in the lead, or failing that in the title or
/// headings; a lead that gives only month and day takes the year from a heading
/// ("2026年全国两会特别报道").
pub fn document_date(t: Option<&Transcript>) -> Option<String> {
    let t = t?;
    let mut year_hint: Option<u32> = None;
    for u in &t.units {
        if u.kind == UnitKind::Turn {
            break;
        }
        for p in &u.paragraphs {
            if let Some(d) = extract_date(&p.text) {
                return Some(d);
            }
            if year_hint.is_none() {
                year_hint = find_year(&p.text);
            }
            if u.kind == UnitKind::Lead {
                if let (Some(y), Some((m, d))) = (year_hint, find_zh_month_day(&p.text)) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
    }
    None
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A full date in the text: `March 7, 2025`, `7 March 2025`, `2025年3月7日`, `2025-03-07`.
pub fn extract_date(text: &str) -> Option<String> {
    extract_zh_date(text).or_else(|| extract_en_date(text))
}

fn extract_zh_date(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let (y, j) = read_number(&chars, i);
            if j - i == 4 && chars.get(j) == Some(&'年') {
                let (m, k) = read_number(&chars, j + 1);
                if k > j + 1 && chars.get(k) == Some(&'月') {
                    let (d, l) = read_number(&chars, k + 1);
                    if l > k + 1 && chars.get(l) == Some(&'日') && valid_date(m, d) {
                        return Some(format!("{y:04}-{m:02}-{d:02}"));
                    }
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

fn read_number(chars: &[char], start: usize) -> (u32, usize) {
    let mut v: u32 = 0;
    let mut j = start;
    while j < chars.len() && chars[j].is_ascii_digit() && j - start < 6 {
        v = v * 10 + chars[j].to_digit(10).unwrap_or(0);
        j += 1;
    }
    (v, j)
}

fn valid_date(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn extract_en_date(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(m) = MONTHS.iter().position(|n| n == w) else {
            continue;
        };
        let m = m as u32 + 1;
        let num = |k: usize| -> Option<u32> {
            let s = words.get(k)?;
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        };
        // March 7, 2025
        if let (Some(d), Some(y)) = (num(i + 1), num(i + 2)) {
            if (1000..=2999).contains(&y) && valid_date(m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        // 7 March 2025
        if i > 0 {
            if let (Some(d), Some(y)) = (num(i - 1), num(i + 1)) {
                if (1000..=2999).contains(&y) && valid_date(m, d) {
                    return Some(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
    }
    None
}

fn find_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let (y, j) = read_number(&chars, i);
            if j - i == 4 && chars.get(j) == Some(&'年') && (1900..=2999).contains(&y) {
                return Some(y);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

fn find_zh_month_day(text: &str) -> Option<(u32, u32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let (m, j) = read_number(&chars, i);
            if chars.get(j) == Some(&'月') {
                let (d, k) = read_number(&chars, j + 1);
                if k > j + 1 && chars.get(k) == Some(&'日') && valid_date(m, d) {
                    return Some((m, d));
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_every_style() {
        assert_eq!(
            split_label("**Wang Yi:** Friends from the media."),
            (Some("Wang Yi".into()), "Friends from the media.".into())
        );
        assert_eq!(
            split_label("**王毅：**各位记者朋友"),
            (Some("王毅".into()), "各位记者朋友".into())
        );
        assert_eq!(
            split_label("**王毅:**构建人类命运共同体"),
            (Some("王毅".into()), "构建人类命运共同体".into())
        );
        assert_eq!(
            split_label("王毅：在习近平主席"),
            (Some("王毅".into()), "在习近平主席".into())
        );
        assert_eq!(
            split_label("Wang Yi: Head-of-state diplomacy"),
            (Some("Wang Yi".into()), "Head-of-state diplomacy".into())
        );
        assert_eq!(
            split_label("《人民日报》记者:中央外事工作会议指出"),
            (
                Some("《人民日报》记者".into()),
                "中央外事工作会议指出".into()
            )
        );
        assert_eq!(
            split_label("**ITAR-TASS: There have been frequent interactions?**"),
            (
                Some("ITAR-TASS".into()),
                "There have been frequent interactions?".into()
            )
        );
        assert_eq!(
            split_label("**今日俄罗斯国际通讯社记者：今年是俄中建交75周年。**"),
            (
                Some("今日俄罗斯国际通讯社记者".into()),
                "今年是俄中建交75周年。".into()
            )
        );
        assert_eq!(
            split_label("**People's Daily:** At the Central"),
            (Some("People's Daily".into()), "At the Central".into())
        );
    }

    #[test]
    fn bold_and_parenthesised_labels() {
        assert_eq!(
            split_label("**Reporter from Al Jazeera:** What is"),
            (Some("Reporter from Al Jazeera".into()), "What is".into())
        );
        assert_eq!(
            split_label("彭博社记者（追问）：您如何看待"),
            (Some("彭博社记者（追问）".into()), "您如何看待".into())
        );
        assert_eq!(
            split_label("Bloomberg (follow-up): And what about"),
            (
                Some("Bloomberg (follow-up)".into()),
                "And what about".into()
            )
        );
        // A 2–4 character "name" before a colon is a label only when the document uses it
        // more than once.
        let once = read_lines("我认为：这很好。\n\n王毅：谢谢。\n\n王毅：再见。\n");
        assert_eq!(once[0].label, None);
        assert_eq!(once[0].text, "我认为：这很好。");
        assert_eq!(once[1].label.as_deref(), Some("王毅"));
        // Bold prose with a colon is still not a label.
        assert_eq!(split_label("**We say this: it works.**").0, None);
    }

    #[test]
    fn colons_in_prose_are_not_labels() {
        let s = "At the Paris Peace Conference over 100 years ago, the Chinese asked a question resonating across the ages: Does right prevail?";
        assert_eq!(split_label(s).0, None);
        assert_eq!(split_label("中方愿再次呼吁:立即停止军事行动").0, None);
        assert_eq!(split_label("The answer is simple: we will").0, None);
        assert_eq!(split_label("一是：坚持").0, None);
    }

    #[test]
    fn hyphen_joins() {
        assert_eq!(
            join_en("made four im-", "portant overseas visits"),
            "made four important overseas visits"
        );
        assert_eq!(
            join_en("China's head-of-", "state diplomacy"),
            "China's head-of-state diplomacy"
        );
        assert_eq!(
            join_en("on the basis of non-", "confrontation"),
            "on the basis of non-confrontation"
        );
        assert_eq!(
            join_en("a major country and a", "big political party"),
            "a major country and a big political party"
        );
    }

    #[test]
    fn page_broken_paragraphs_rejoin_per_language() {
        let text = "# Title Of The Thing\n\n## 标题\n\nOn March 7, 2024, a press conference was held.\n\n**Wang Yi:** We made four im-\n\n2024年3月7日，举行记者会。\n\n王毅：在习近平主席和普京总统的战略引领\n\nportant visits. Thank you.\n\n下,中俄关系保持高水平运行。\n";
        let doc = parse_document(text, "t", "t.md");
        let en = doc.en.expect("en");
        let zh = doc.zh.expect("zh");
        assert_eq!(en.units.len(), 3);
        assert_eq!(en.units[0].kind, UnitKind::Title);
        assert_eq!(en.units[1].kind, UnitKind::Lead);
        assert_eq!(
            en.units[2].paragraphs[0].text,
            "We made four important visits. Thank you."
        );
        assert_eq!(zh.units[0].paragraphs[0].text, "标题");
        assert_eq!(zh.units[2].speaker.as_deref(), Some("王毅"));
        assert_eq!(
            zh.units[2].paragraphs[0].text,
            "在习近平主席和普京总统的战略引领下,中俄关系保持高水平运行。"
        );
        assert_eq!(doc.date.as_deref(), Some("2024-03-07"));
    }

    #[test]
    fn chinese_edition_headings() {
        let text = "乘势而上启新程\n\n2026年全国两会特别报道\n\n王毅就中国外交政策和对外关系回答中外记者提问\n\n“你面前的世界乱象丛生，你身后的祖国稳如泰山”\n\n据新华社北京3月8日电 3月8日,举行记者会。\n\n王毅:各位记者朋友,上午好!\n\n1 谈元首外交\n\n元首外交是中国外交的定盘星\n\n中央广播电视总台央视记者:您能否介绍?\n\n王毅:我们希望能在深圳找到答案,明确优先的领域,\n\n拿出可行的举措。\n\n据新华社\n";
        let doc = parse_document(text, "t", "t.txt");
        assert!(doc.en.is_none());
        let zh = doc.zh.expect("zh");
        let kinds: Vec<UnitKind> = zh.units.iter().map(|u| u.kind).collect();
        use UnitKind::*;
        assert_eq!(
            kinds,
            vec![
                Heading, Heading, Title, Heading, Lead, Turn, Heading, Heading, Turn, Turn, Heading
            ]
        );
        assert_eq!(
            zh.units[2].paragraphs[0].text,
            "王毅就中国外交政策和对外关系回答中外记者提问"
        );
        assert_eq!(
            zh.units[9].paragraphs[0].text,
            "我们希望能在深圳找到答案,明确优先的领域,拿出可行的举措。"
        );
        assert_eq!(doc.date.as_deref(), Some("2026-03-08"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            extract_date("On March 8, 2026, a press conference").as_deref(),
            Some("2026-03-08")
        );
        assert_eq!(
            extract_date("2024年3月7日，十四届").as_deref(),
            Some("2024-03-07")
        );
        assert_eq!(extract_date("7日，十四届"), None);
    }

    #[test]
    fn script_detection() {
        assert_eq!(script_lang("今年是APEC中国年"), Some(Lang::Zh));
        assert_eq!(
            script_lang("This year is the APEC China Year."),
            Some(Lang::En)
        );
        assert_eq!(script_lang("2025"), None);
    }
}
