//! Transcript parsing: decoded text → [`Document`] (title, lead, headings and speaker turns
//! in each language).
//!
//! The inputs are official transcripts as they come out of bilingual page layouts: English
//! and Chinese alternate in page-sized chunks that cut paragraphs mid-sentence (even
//! mid-word), with or without Markdown, with speaker labels in several styles. Parsing runs
//! in three small steps:
//!
//! 1. [`read_lines`]: every non-empty line becomes a [`Line`] with Markdown stripped, its
//!    speaker label (if the document gives evidence for one) split off, and its language
//!    decided by script;
//! 2. [`rejoin`]: per language, paragraphs cut by a page break are joined again;
//! 3. [`structure`]: per language, the paragraphs become units (title, lead, headings,
//!    turns).
//!
//! A line-initial `X:` is a speaker label only with evidence: a known label form (`问`,
//! `Follow-up`, an outlet, a spokesperson, anything ending in 记者), bold layout, the same
//! label recurring in the document, a mention in the front matter, or a matching label
//! structure in the other language of the same file. Everything else (`韦小宝道：`,
//! `Problem:`, `我认为：`) stays text.
//!
//! The knowledge these steps need (label forms, outlets, dialogue verbs, salutations, title
//! keywords, hyphen prefixes) is data in `data/layout/`, not code.

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
    zh_not_label_prefixes: Vec<String>,
    zh_label_titles: Vec<String>,
    zh_dialogue_verbs: Vec<String>,
    zh_salutation_words: Vec<String>,
    zh_numerals: HashSet<char>,
    en_label_connectors: HashSet<String>,
    /// Lower-cased whole English labels and outlets known without further evidence.
    en_known_labels: HashSet<String>,
    en_label_words: HashSet<String>,
    en_not_labels: HashSet<String>,
    en_dialogue_verbs: HashSet<String>,
    en_salutation_words: HashSet<String>,
    zh_title_keywords: Vec<String>,
    /// Chinese labels known without repetition: people in the bundled term list (王毅 …),
    /// spokespersons and outlets.
    zh_known_labels: HashSet<String>,
}

/// The lines of a bundled data file as owned strings, in file order.
fn data_list(text: &'static str) -> Vec<String> {
    crate::data::lines(text).map(String::from).collect()
}

/// The lines of a bundled data file as a set, lower-cased (for English lists compared
/// without regard to case).
fn data_set_lower(text: &'static str) -> HashSet<String> {
    crate::data::lines(text).map(str::to_lowercase).collect()
}

fn layout() -> &'static Layout {
    static LAYOUT: OnceLock<Layout> = OnceLock::new();
    LAYOUT.get_or_init(|| {
        let spokespersons: Vec<(&str, &str)> =
            crate::data::lines(include_str!("../data/layout/spokespersons.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(zh, en)| (zh.trim(), en.trim()))
                .collect();
        let mut zh_known_labels: HashSet<String> = crate::lexicon::terms::bundled()
            .iter()
            .filter(|t| t.category == "person")
            .map(|t| t.zh.clone())
            .collect();
        zh_known_labels.extend(spokespersons.iter().map(|(zh, _)| zh.to_string()));
        zh_known_labels.extend(data_list(include_str!("../data/layout/zh_outlets.txt")));
        let mut en_known_labels = data_set_lower(include_str!("../data/layout/en_labels.txt"));
        en_known_labels.extend(data_set_lower(include_str!(
            "../data/layout/en_outlets.txt"
        )));
        en_known_labels.extend(spokespersons.iter().map(|(_, en)| en.to_lowercase()));
        Layout {
            zh_label_suffixes: data_list(include_str!("../data/layout/zh_label_suffixes.txt")),
            zh_labels: data_list(include_str!("../data/layout/zh_labels.txt"))
                .into_iter()
                .collect(),
            zh_not_labels: data_list(include_str!("../data/layout/zh_not_labels.txt"))
                .into_iter()
                .collect(),
            zh_not_label_prefixes: data_list(include_str!(
                "../data/layout/zh_not_label_prefixes.txt"
            )),
            zh_label_titles: data_list(include_str!("../data/layout/zh_label_titles.txt")),
            zh_dialogue_verbs: data_list(include_str!("../data/layout/zh_dialogue_verbs.txt")),
            zh_salutation_words: data_list(include_str!("../data/layout/zh_salutation_words.txt")),
            zh_numerals: crate::data::lines(include_str!("../data/layout/zh_numerals.txt"))
                .filter_map(|l| l.chars().next())
                .collect(),
            en_label_connectors: data_set_lower(include_str!(
                "../data/layout/en_label_connectors.txt"
            )),
            en_known_labels,
            en_label_words: data_set_lower(include_str!("../data/layout/en_label_words.txt")),
            en_not_labels: data_set_lower(include_str!("../data/layout/en_not_labels.txt")),
            en_dialogue_verbs: data_set_lower(include_str!("../data/layout/en_dialogue_verbs.txt")),
            en_salutation_words: data_set_lower(include_str!(
                "../data/layout/en_salutation_words.txt"
            )),
            zh_title_keywords: data_list(include_str!("../data/layout/zh_title_keywords.txt")),
            zh_known_labels,
        }
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
    let (han, latin) = script_counts(text);
    if han == 0 && latin == 0 {
        None
    } else if han * 5 >= (han + latin) || han * 2 >= latin && han >= 4 {
        Some(Lang::Zh)
    } else {
        Some(Lang::En)
    }
}

/// Han characters and ASCII letters in `text`, the counts [`script_lang`] decides by.
pub fn script_counts(text: &str) -> (usize, usize) {
    text.chars().fold((0, 0), |(han, latin), c| {
        if is_han(c) {
            (han + 1, latin)
        } else if c.is_ascii_alphabetic() {
            (han, latin + 1)
        } else {
            (han, latin)
        }
    })
}

/// Remove Markdown backslash escapes (`\$` → `$`): only before ASCII punctuation, as
/// CommonMark defines them, so that a literal backslash elsewhere survives.
fn unescape_markdown(s: &str) -> String {
    // Most lines have no backslash at all: one byte scan instead of a char-by-char copy.
    if !s.contains('\\') {
        return s.to_string();
    }
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
/// with leading spaces trimmed. A colon between two digits (`1108:21:37`, `1:1`) is part of
/// a number, not the end of a label, so such a line has no split.
fn split_colon(s: &str) -> Option<(&str, &str)> {
    let pos = s.find([':', '：'])?;
    let colon_len = s[pos..].chars().next().map_or(1, char::len_utf8);
    let (before, after) = (&s[..pos], &s[pos + colon_len..]);
    let digit_before = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let digit_after = after.chars().next().is_some_and(|c| c.is_ascii_digit());
    if digit_before && digit_after {
        return None;
    }
    Some((before, after.trim_start()))
}

/// Does `candidate` (the text before a colon at the start of a paragraph) have the form of
/// a speaker label? English labels are short and in Title Case ("China Central Television",
/// "ITAR-TASS", "People's Daily"); Chinese labels end in 记者 and the like, or are a 2–4
/// character name. A colon inside prose ("a question resonating across the ages: Does right
/// …", "中方愿再次呼吁：立即停止…"), a dialogue tag (`韦小宝道：`, `Says Baird:`), a
/// salutation (`各位代表：`) or a textbook marker (`Problem:`, `第一站：`) fails these
/// tests. Form alone is not enough for a name: [`read_lines`] also asks the document for
/// evidence (see [`is_known_label`]).
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
/// stricter tests of [`is_label`] are for labels in plain text. What is never a label
/// (a dialogue tag, a salutation, `Problem`) is refused in bold too.
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
            && !is_never_label(c))
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

/// Is `candidate` known as a speaker label without further evidence from the document?
/// Question/answer and follow-up labels (`问`, `Q`, `追问`, `Follow-up`), moderators,
/// outlets (`AFP`, `法新社`), spokespersons (`毛宁`, `Mao Ning`), people in the bundled
/// term list, and anything naming a reporter or spokesperson (`…记者`, `外交部发言人毛宁`,
/// `Reporter from Al Jazeera`) are; a bare name is not, because prose can look the same.
pub fn is_known_label(candidate: &str) -> bool {
    let c = strip_parenthetical(candidate.trim());
    if !is_label(candidate) && !is_bold_label(candidate) {
        return false;
    }
    match script_lang(c) {
        Some(Lang::Zh) => is_known_zh_label(c) || has_zh_label_title(c),
        Some(Lang::En) => is_known_en_label(c),
        None => false,
    }
}

/// Is `text` a salutation line of a speech (`Fellow deputies,`, `各位代表：`,
/// `女士们，先生们，朋友们：`)? It ends in a comma or a colon, is short, and holds a word of
/// address from the data files. Such a line is complete: it is never glued to the next
/// paragraph and is never a speaker label.
pub fn is_salutation(text: &str) -> bool {
    let Some(body) = text.trim().strip_suffix([',', ':', '，', '：']) else {
        return false;
    };
    match script_lang(body) {
        Some(Lang::Zh) => body.chars().count() <= 30 && has_zh_salutation_word(body),
        Some(Lang::En) => {
            // A salutation opens with a capital ("Distinguished guests,"); a line starting
            // in lower case goes on from the line before ("are distinguished by …,").
            let capital = !body.trim_start().starts_with(char::is_lowercase);
            let words: Vec<&str> = body.split_whitespace().collect();
            capital && words.len() <= 12 && has_en_salutation_word(&words)
        }
        None => false,
    }
}

fn has_zh_salutation_word(text: &str) -> bool {
    layout()
        .zh_salutation_words
        .iter()
        .any(|w| text.contains(w.as_str()))
}

/// The first two words or the last word is a word of address ("Dear friends",
/// "Ladies and gentlemen", "Fellow deputies", "Your Excellency").
fn has_en_salutation_word(words: &[&str]) -> bool {
    let set = &layout().en_salutation_words;
    let is_address = |w: &&str| set.contains(&bare_lower(w));
    words.iter().take(2).any(is_address) || words.last().is_some_and(is_address)
}

/// A word lower-cased without surrounding punctuation, for comparison with word lists.
fn bare_lower(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// What is never a speaker label, in whatever layout: a dialogue tag, a salutation, an
/// ordinal or textbook marker.
fn is_never_label(c: &str) -> bool {
    match script_lang(c) {
        Some(Lang::Zh) => is_never_zh_label(c),
        Some(Lang::En) => is_never_en_label(c),
        None => true,
    }
}

fn is_never_zh_label(c: &str) -> bool {
    let l = layout();
    if l.zh_not_labels.contains(c)
        || l.zh_not_label_prefixes
            .iter()
            .any(|p| c.starts_with(p.as_str()))
        || has_zh_salutation_word(c)
    {
        return true;
    }
    !is_known_zh_label(c) && l.zh_dialogue_verbs.iter().any(|v| c.ends_with(v.as_str()))
}

fn is_never_en_label(c: &str) -> bool {
    let l = layout();
    let words: Vec<&str> = c.split_whitespace().collect();
    if is_known_en_label(c) {
        return false;
    }
    words
        .first()
        .is_some_and(|w| l.en_not_labels.contains(&bare_lower(w)))
        || words
            .iter()
            .any(|w| l.en_dialogue_verbs.contains(&bare_lower(w)))
        || has_en_salutation_word(&words)
}

/// A Chinese label known by its whole form or its ending (`问`, `追问`, `法新社`, `毛宁`,
/// `王毅`, `…记者`, `…发言人`).
fn is_known_zh_label(c: &str) -> bool {
    let l = layout();
    l.zh_labels.contains(c)
        || l.zh_known_labels.contains(c)
        || l.zh_label_suffixes.iter().any(|s| c.ends_with(s.as_str()))
}

/// An official title followed by a short name (`外交部发言人毛宁`, `主持人李明`).
fn has_zh_label_title(c: &str) -> bool {
    layout().zh_label_titles.iter().any(|t| {
        c.find(t.as_str()).is_some_and(|pos| {
            let name = &c[pos + t.len()..];
            let n = name.chars().count();
            (1..=4).contains(&n) && name.chars().all(|ch| is_han(ch) || ch == '·')
        })
    })
}

/// An English label known by its whole form (`Q`, `Follow-up`, `AFP`, `Mao Ning`) or by a
/// word naming the role (`Spokesperson …`, `… Correspondent`).
fn is_known_en_label(c: &str) -> bool {
    let l = layout();
    l.en_known_labels.contains(&c.to_lowercase())
        || c.split_whitespace()
            .any(|w| l.en_label_words.contains(&bare_lower(w)))
}

fn is_zh_label(c: &str) -> bool {
    if c.contains(['，', '。', '；', '！', '？', ',', ';', '!', '?', '“', '”']) {
        return false;
    }
    if is_never_zh_label(c) {
        return false;
    }
    if is_known_zh_label(c) || has_zh_label_title(c) {
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
    if words.is_empty() || words.len() > 8 || is_never_en_label(c) {
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
/// Returns the label and the rest of the line with Markdown emphasis removed. This looks
/// at the line alone (the form of the label); whether the document confirms a name as a
/// label is decided by [`read_lines`].
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

/// A line as first read, before the document has confirmed its label.
struct ReadLine {
    line: Line,
    /// For a label that needs confirmation (a bare name, not bold, not known): the whole
    /// line as text, restored when the document does not confirm the label.
    unconfirmed: Option<String>,
}

/// Step 1: every non-empty line of `text` as a [`Line`]. Markdown headings (`#`) are
/// marked, escapes and emphasis removed, labels split off, the language decided by script.
/// Lines with neither Han characters nor Latin letters (page numbers, rules) are skipped
/// only when they hold no letters or digits at all. A language with fewer than two lines
/// is taken as stray text of the other. A label that is only a plausible name stays a label
/// only with evidence (see [`confirm_labels`]); otherwise its words go back into the text.
pub fn read_lines(text: &str) -> Vec<Line> {
    read_lines_in(text, Languages::Settled)
}

/// How the parser decides the language of each line.
#[derive(Clone, Copy)]
enum Languages {
    /// By its script, a language with fewer than two lines joining the other: what is
    /// known of a file that nothing else has been said about.
    Settled,
    /// By its script, however few lines a language has: the file is known to be bilingual.
    ByScript,
    /// Every line in this language, whatever its script: the file is known to hold one
    /// language, so its lines in the other script (a name, a reference, an English title
    /// quoted on a line of its own) are text of that language.
    Only(Lang),
}

/// [`read_lines`], the languages of the lines decided as `languages` says.
fn read_lines_in(text: &str, languages: Languages) -> Vec<Line> {
    let mut read = scan_lines(text);
    match languages {
        Languages::Only(lang) => read.iter_mut().for_each(|r| r.line.lang = lang),
        Languages::Settled => settle_languages(&mut read),
        Languages::ByScript => {}
    }
    confirm_labels(&mut read);
    read.into_iter().map(|r| r.line).collect()
}

/// Read every non-empty line, splitting off anything that has the form of a label.
fn scan_lines(text: &str) -> Vec<ReadLine> {
    let mut out = Vec::new();
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
        let bold = body.starts_with("**");
        let weak = !bold && label.as_deref().is_some_and(|l| !is_known_label(l));
        out.push(ReadLine {
            line: Line {
                text: rest,
                label,
                lang,
                line: i + 1,
                heading,
            },
            unconfirmed: weak.then(|| strip_emphasis(&body).trim().to_string()),
        });
    }
    out
}

/// The smallest share of a file's paragraphs a language must have to count as a side of a
/// bilingual document; below it, stray lines join the majority language.
const MIN_SIDE_PARAGRAPHS: usize = 2;

/// A language with fewer than [`MIN_SIDE_PARAGRAPHS`] lines is stray text of the other
/// language (an English acronym line in a Chinese edition), never dropped.
fn settle_languages(read: &mut [ReadLine]) {
    let n_en = read.iter().filter(|r| r.line.lang == Lang::En).count();
    let n_zh = read.len() - n_en;
    let only = if n_en < MIN_SIDE_PARAGRAPHS && n_zh >= MIN_SIDE_PARAGRAPHS {
        Some(Lang::Zh)
    } else if n_zh < MIN_SIDE_PARAGRAPHS && n_en >= MIN_SIDE_PARAGRAPHS {
        Some(Lang::En)
    } else {
        None
    };
    if let Some(lang) = only {
        read.iter_mut().for_each(|r| r.line.lang = lang);
    }
}

/// The form of a label used to count its uses: without a trailing remark in brackets, so
/// that `彭博社记者（追问）` counts as a use of `彭博社记者`.
fn label_key(label: &str) -> &str {
    strip_parenthetical(label.trim())
}

/// How many lines at the top of a file may be titles that name a speaker.
const FRONT_TITLE_LINES: usize = 3;

/// Keep an unconfirmed label only with evidence from the document; else give its words
/// back to the text. The evidence, any one of:
///
/// - the same label recurs (two uses or more in its language: `毛宁：` … `毛宁：`);
/// - a title line (one of the first [`FRONT_TITLE_LINES`] lines, before any label, short
///   and without final punctuation) names it ("外交部发言人毛宁主持例行
///   记者会", "Spokesperson Mao Ning's Regular Press Conference");
/// - the other language of the file has a matching label structure: at least as many
///   confirmed labels as this language has labels, so that every label here can have a
///   counterpart there (a once-only `Shenzhen Satellite TV:` facing `深圳卫视记者：`).
///
/// Confirmed labels (known, bold or recurring) are counted before any cross-language
/// decision, so that two unconfirmed sides cannot confirm each other.
fn confirm_labels(read: &mut [ReadLine]) {
    let mut uses: HashMap<(Lang, &str), usize> = HashMap::new();
    for r in read.iter() {
        if let Some(label) = &r.line.label {
            *uses.entry((r.line.lang, label_key(label))).or_default() += 1;
        }
    }
    let first_label = read
        .iter()
        .position(|r| r.line.label.is_some())
        .unwrap_or(read.len());
    let front: Vec<&str> = read[..first_label]
        .iter()
        .take(FRONT_TITLE_LINES)
        .filter(|r| is_short(&r.line.text, r.line.lang) && !is_terminated(&r.line.text))
        .map(|r| r.line.text.as_str())
        .collect();
    let mut candidates: HashMap<Lang, usize> = HashMap::new();
    let mut firm: HashMap<Lang, usize> = HashMap::new();
    let mut confirmed_alone: Vec<bool> = Vec::with_capacity(read.len());
    for r in read.iter() {
        let ok = match &r.line.label {
            None => false,
            Some(label) => {
                let key = label_key(label);
                r.unconfirmed.is_none()
                    || uses.get(&(r.line.lang, key)).copied().unwrap_or(0) >= 2
                    || (key.chars().count() >= 2 && front.iter().any(|t| t.contains(key)))
            }
        };
        if r.line.label.is_some() {
            *candidates.entry(r.line.lang).or_default() += 1;
            if ok {
                *firm.entry(r.line.lang).or_default() += 1;
            }
        }
        confirmed_alone.push(ok);
    }
    let count = |m: &HashMap<Lang, usize>, lang: Lang| m.get(&lang).copied().unwrap_or(0);
    for (r, ok) in read.iter_mut().zip(confirmed_alone) {
        let lang = r.line.lang;
        let other = count(&firm, lang.other());
        let mirrored = other > 0 && other >= count(&candidates, lang);
        if ok || mirrored {
            continue;
        }
        if let Some(whole) = r.unconfirmed.take() {
            r.line.text = whole;
            r.line.label = None;
        }
    }
}

/// Characters that may follow a sentence's final punctuation (closing quotes, brackets).
const CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', '）', ')', ']', '》', '*'];

/// Bracket and quote pairs that can enclose a whole line (a quoted headline, a bracketed
/// date line).
const ENCLOSERS: [(char, char); 7] = [
    ('“', '”'),
    ('"', '"'),
    ('「', '」'),
    ('《', '》'),
    ('(', ')'),
    ('（', '）'),
    ('【', '】'),
];

/// Brackets that set off an editorial label rather than quote text: a line wholly inside
/// them (`【重要讲话】`, `【相关词汇】`, `〖编者按〗`) is a section label, a heading, where a line
/// wholly in quotes is a quoted sentence.
const LABEL_BRACKETS: [(char, char); 2] = [('【', '】'), ('〖', '〗')];

/// A short line wholly inside label brackets, without sentence punctuation: a section
/// label of a news or study page (see [`LABEL_BRACKETS`]).
fn is_bracketed_label(text: &str) -> bool {
    let t = text.trim();
    let (Some(open), Some(close)) = (t.chars().next(), t.chars().next_back()) else {
        return false;
    };
    t.chars().count() <= 20
        && enclosed_by(t, &LABEL_BRACKETS)
            .is_some_and(|inner| !inner.contains([open, close, '。', '？', '！', '.', '?', '!']))
}

/// The text inside the quotes or brackets that enclose the whole line, if they do
/// (`（2013年3月17日）` → `2013年3月17日`).
fn enclosed(text: &str) -> Option<&str> {
    enclosed_by(text, &ENCLOSERS)
}

/// The text inside the first of `pairs` that encloses the whole (trimmed) line, when the
/// inside is not empty.
fn enclosed_by<'a>(text: &'a str, pairs: &[(char, char)]) -> Option<&'a str> {
    let whole = text.trim();
    // Three characters at least (the marks and something inside): `nth`, not `count`,
    // which would read a whole paragraph for each pair.
    whole.chars().nth(2)?;
    pairs
        .iter()
        .find_map(|&(open, close)| whole.strip_prefix(open)?.strip_suffix(close))
}

/// Does the paragraph end where a paragraph may end (sentence-final punctuation, possibly
/// followed by closing quotes or brackets, or a colon that introduces what follows)?
pub fn is_terminated(text: &str) -> bool {
    // A line wholly in quotes or brackets (a quoted headline) is complete.
    if enclosed(text).is_some() {
        return true;
    }
    let t = text.trim().trim_end_matches(CLOSERS);
    t.ends_with(['.', '?', '!', '。', '？', '！', '…', ':', '：', '；', ';'])
}

/// Is the paragraph a heading rather than prose: no final punctuation and short (or, in
/// English, mostly capitalized words), a numbered heading (`1 谈元首外交`, `一、…`,
/// `I. Review of Our Work in 2015`), or a section label in brackets (`【重要讲话】`)?
pub fn is_heading_like(text: &str, lang: Lang) -> bool {
    if is_numbered_heading(text) || is_bracketed_label(text) {
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

/// A short line wholly in quotes or brackets: a headline or subtitle of the front matter
/// (`“你面前的世界乱象丛生，你身后的祖国稳如泰山”`), not the lead.
fn is_quoted_headline(text: &str, lang: Lang) -> bool {
    enclosed(text).is_some() && is_short(text, lang)
}

/// Is the line a date and nothing more (`March 17, 2013`, `（2013年3月17日）`,
/// `Beijing, 17 March 2013`)? A date line after a title dates the document; like a
/// heading, it is never glued to the paragraph after it. At most a short place name may
/// stand beside the date.
pub fn is_date_line(text: &str) -> bool {
    let t = enclosed(text).unwrap_or(text).trim();
    if t.chars().count() > 40 || extract_date(t).is_none() {
        return false;
    }
    if t.contains(['。', '？', '！', '?', '!', ';', '；']) {
        return false;
    }
    const MAX_PLACE_HAN: usize = 6;
    const MAX_PLACE_WORDS: usize = 3;
    match script_lang(t) {
        Some(Lang::Zh) => {
            t.chars()
                .filter(|&c| is_han(c) && !matches!(c, '年' | '月' | '日'))
                .count()
                <= MAX_PLACE_HAN
        }
        _ => {
            t.split(|c: char| c.is_whitespace() || c == ',')
                .map(bare_lower)
                .filter(|w| !w.is_empty() && !is_date_word(w))
                .count()
                <= MAX_PLACE_WORDS
        }
    }
}

/// A word that belongs to an English date: a month, a weekday, a number, an ordinal day.
fn is_date_word(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    MONTHS.contains(&w)
        || WEEKDAYS.contains(&w)
        || (digits > 0 && matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th"))
}

/// The byte length of a heading number at the start of `t` with its separator:
/// `1 `, `12.`, `1.1`, `一、`, `(1)`, `（一）`, `IV. `.
fn heading_number_len(t: &str) -> Option<usize> {
    let numerals = &layout().zh_numerals;
    let run = |s: &str, f: &dyn Fn(char) -> bool| -> usize {
        s.chars().take_while(|&c| f(c)).map(char::len_utf8).sum()
    };
    let is_number = |c: char| c.is_ascii_digit() || numerals.contains(&c);
    // (1) （一） (12)
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = t.strip_prefix(open) {
            let n = run(inner, &is_number);
            if (1..=9).contains(&n) && inner[n..].starts_with(close) {
                return Some(open.len_utf8() + n + close.len_utf8());
            }
        }
    }
    // 1 谈…, 12. …, 3、…, 1.1信念…
    let digits = run(t, &|c: char| c.is_ascii_digit());
    if (1..=3).contains(&digits) {
        let marks = run(&t[digits..], &|c: char| {
            matches!(c, ' ' | '\u{3000}' | '.' | '、' | '．')
        });
        return (marks > 0).then_some(digits + marks);
    }
    // 一、…  十二、…
    let han = run(t, &|c: char| numerals.contains(&c));
    if han > 0 && han <= 9 && t[han..].starts_with('、') {
        return Some(han + '、'.len_utf8());
    }
    // I. …  IV. …
    let roman = run(t, &|c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    if (1..=6).contains(&roman) && t[roman..].starts_with(". ") {
        return Some(roman + 1);
    }
    None
}

/// A numbered heading: a heading number (`1 `, `一、`, `(1)`, `（一）`, `I.`) followed by a
/// short text without final punctuation (`1 谈元首外交`, `一、2015年工作回顾`,
/// `I. Review of Our Work in 2015`). It is a heading, never glued to the next sentence.
pub fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim();
    let Some(n) = heading_number_len(t) else {
        return false;
    };
    let body = t[n..].trim_start_matches([' ', '\u{3000}']);
    let short = match script_lang(body) {
        Some(Lang::Zh) => body.chars().count() <= 30,
        _ => body.split_whitespace().count() <= 15,
    };
    !body.is_empty() && short && !is_terminated(body)
}

/// Join two pieces of English cut by a page break: with a space, or with nothing where a
/// word was hyphenated across the break ("im-" + "portant"), keeping real compounds
/// ("head-of-" + "state", "non-" + "confrontation", "land-" + "based"). The hyphen is
/// decided by [`crate::hyphen`] from the vocabulary alone; [`rejoin`] adds the evidence of
/// the document's other lines.
pub fn join_en(left: &str, right: &str) -> String {
    crate::hyphen::join_en(left, right, &crate::hyphen::Evidence::default())
}

/// A line that stands complete whatever its last character: a date line or a salutation.
/// Neither is the first half of a paragraph cut by a page break, nor its second half.
fn stands_alone(text: &str) -> bool {
    is_date_line(text) || is_salutation(text)
}

/// Most words an English line may have and still be a list item or a caption rather than
/// prose cut by a page break: a page break cuts a paragraph at the end of a full line, so
/// the part before it is long, while a glossary item (`national titles of honor`) or a
/// caption is a few words. Chinese lines that short are already heading-like.
const EN_FRAGMENT_MAX_WORDS: usize = 5;

/// A short English line without a speaker label, a comma or final punctuation, not ending
/// in a hyphen: a list item, never the first part of a paragraph a page break cut (see
/// [`EN_FRAGMENT_MAX_WORDS`]). A labelled line is the opening of a turn, and may be short
/// because the turn began on a page's last line (`Wang Yi: We made four im-`).
fn is_en_fragment(line: &Line) -> bool {
    let text = line.text.trim_end();
    line.lang == Lang::En
        && line.label.is_none()
        && !text.ends_with('-')
        && !text.contains(',')
        && text.split_whitespace().count() <= EN_FRAGMENT_MAX_WORDS
}

/// Step 2: rejoin paragraphs of one language that a page break cut. A paragraph that does
/// not end where paragraphs end, and is prose rather than a heading, a date line or a
/// salutation, continues in the next paragraph of the same language unless that one starts
/// a new turn or stands alone itself (a numbered heading, a date line, a salutation). A
/// short English line (a list item, a caption) is not taken for prose a page break cut. The
/// first paragraph (the title) is never joined. Two heading lines of one language whose
/// first ends in a comma are one heading wrapped over two lines, and are joined too.
/// In a hard-wrapped text (see `hard_wrapping`: most lines end near one width, mostly
/// mid-sentence) a line also goes on in the next when the next one's first word would
/// not have fitted on it, even after a full stop, and, where blank lines part the
/// paragraphs, every line of a block goes on in the next.
pub fn rejoin(lines: Vec<Line>) -> Vec<Line> {
    let english = || lines.iter().filter(|l| l.lang == Lang::En);
    // The document's words decide a hyphen at a line end, and only there (`join_en` looks
    // at them when the left line ends in a hyphen, and a joined line ends as its last
    // line did): without such a line, counting every word would be wasted.
    let evidence = if english().any(|l| l.text.trim_end().ends_with('-')) {
        crate::hyphen::Evidence::from_lines(english().map(|l| l.text.as_str()))
    } else {
        crate::hyphen::Evidence::default()
    };
    let wrapping = hard_wrapping(&lines);
    let join = |prev: &mut Line, next: &Line| {
        prev.text = match prev.lang {
            Lang::En => crate::hyphen::join_en(&prev.text, &next.text, &evidence),
            Lang::Zh => format!("{}{}", prev.text.trim_end(), next.text.trim_start()),
        };
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The input line number and printed length of the last line joined into `out`'s last.
    let mut last = (0usize, 0usize);
    // The first line went on in the next: it is the first paragraph's, not a title.
    let mut first_is_prose = false;
    for line in lines {
        let n = out.len();
        let this_len = printed_len(&line);
        let (prev_line, prev_len) = std::mem::replace(&mut last, (line.line, this_len));
        let next_continues = line.label.is_none()
            && !line.heading
            && !is_numbered_heading(&line.text)
            && !stands_alone(&line.text);
        if let (Some(w), Some(prev)) = (&wrapping, out.last_mut()) {
            // A hard-wrapped text: the line goes on in the next one when the next one's
            // first word would not have fitted on it (whatever its last character), or
            // when no blank line parts them in a text whose paragraphs blank lines part.
            let adjacent = line.line == prev_line + 1;
            let full = w.is_full(prev_len, &line);
            // A short heading-like line is a heading, even after a full line.
            let next_heading = is_heading_like(&line.text, line.lang) && this_len * 2 < w.width;
            let prev_prose = !prev.heading && !stands_alone(&prev.text);
            let in_block = w.blank_separated && n > 1 && !is_heading_like(&prev.text, prev.lang);
            if adjacent && next_continues && !next_heading && prev_prose && (full || in_block) {
                join(prev, &line);
                first_is_prose |= n == 1;
                continue;
            }
        }
        if let Some(prev) = out.last_mut() {
            // A heading set over two lines (a centred speech title in two paragraphs, its
            // first half ending in a comma) is one heading.
            if prev.heading
                && line.heading
                && prev.lang == line.lang
                && prev.text.trim_end().ends_with(['，', ',', '、', '；', ';'])
            {
                join(prev, &line);
                continue;
            }
            let prev_is_heading =
                prev.heading || (prev.label.is_none() && is_heading_like(&prev.text, prev.lang));
            // The first paragraph is the title, unless it is longer than a headline and goes
            // on in a line starting in lower case: then it is prose a break cut.
            let first_goes_on = n == 1
                && prev.lang == Lang::En
                && !is_short(&prev.text, Lang::En)
                && line.text.trim_start().starts_with(char::is_lowercase);
            let prev_unfinished = (n > 1 || first_is_prose || first_goes_on)
                && !prev_is_heading
                && !is_en_fragment(prev)
                && !prev.text.is_empty()
                && !is_terminated(&prev.text)
                && !stands_alone(&prev.text);
            if prev_unfinished && next_continues {
                join(prev, &line);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Longest a hard-wrapped line may be, in characters (English, Chinese): wrapping is for
/// reading on a screen or in an e-mail; a text whose usual line is longer holds one
/// paragraph a line.
const WRAP_MAX: (usize, usize) = (160, 90);

/// A plain text wrapped at a fixed width (an e-mail, `pdftotext` output, a file saved
/// with line breaks): most lines end near one width, mostly in the middle of a sentence.
/// There a line ending in a full stop may still be inside a paragraph, and the width
/// tells: a paragraph's last line ends short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wrapping {
    /// The width most full lines reach, in characters.
    width: usize,
    /// Paragraphs are parted by blank lines, and lines next to each other are one.
    blank_separated: bool,
    /// The language (English lines break at spaces, Chinese lines anywhere).
    lang: Lang,
}

impl Wrapping {
    /// Whether a line of `len` characters is full: the next line's first word (its first
    /// character, in Chinese) would not have fitted on it.
    fn is_full(&self, len: usize, next: &Line) -> bool {
        match self.lang {
            Lang::En => {
                let word = next
                    .text
                    .split_whitespace()
                    .next()
                    .map_or(0, |w| w.chars().count());
                len + 1 + word > self.width
            }
            Lang::Zh => len + 2 > self.width,
        }
    }
}

/// A line's printed length in characters, its speaker label included.
fn printed_len(line: &Line) -> usize {
    line.text.trim_end().chars().count() + line.label.as_ref().map_or(0, |l| l.chars().count() + 2)
}

/// Whether the lines of one language are hard-wrapped, and at what width: at least six
/// lines, half of them within three quarters of the width the longest tenth reach (a
/// width short enough to be a wrap, [`WRAP_MAX`]), and of those long lines at least 40%
/// ending without final punctuation (a list of short sentences, one a line, ends every
/// line with a full stop).
fn hard_wrapping(lines: &[Line]) -> Option<Wrapping> {
    let lang = lines.first()?.lang;
    if lines.len() < 6 || lines.iter().any(|l| l.lang != lang) {
        return None;
    }
    let printed: Vec<usize> = lines.iter().map(printed_len).collect();
    let mut lens = printed.clone();
    lens.sort_unstable_by(|a, b| b.cmp(a));
    let width = *lens.get(lens.len() / 10)?;
    let max = match lang {
        Lang::En => WRAP_MAX.0,
        Lang::Zh => WRAP_MAX.1,
    };
    let long: Vec<&Line> = lines
        .iter()
        .zip(&printed)
        .filter(|(_, &len)| len * 4 >= width * 3)
        .map(|(l, _)| l)
        .collect();
    let open = long.iter().filter(|l| !is_terminated(&l.text)).count();
    if width == 0 || width > max || long.len() * 2 < lines.len() || open * 5 < long.len() * 2 {
        return None;
    }
    let gaps = lines
        .windows(2)
        .filter(|w| w[1].line > w[0].line + 1)
        .count();
    let adjacent = lines.len() - 1 - gaps;
    Some(Wrapping {
        width,
        blank_separated: gaps >= 1 && adjacent >= gaps,
        lang,
    })
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

/// Where the lead is among the paragraphs before the first label, looking only at the
/// front matter so that a date quoted in the body never makes a lead: past Markdown
/// headings, short unfinished lines and quoted headlines, the lead is the first date line
/// (`March 17, 2013`, `（2013年3月17日）`) or else the first prose paragraph. A salutation
/// before any of these means the speech begins without a lead.
fn find_lead(pre: &[Line], lang: Lang) -> Option<usize> {
    for (i, l) in pre.iter().enumerate() {
        let t = &l.text;
        if l.heading {
            continue;
        }
        if is_date_line(t) || looks_like_lead(t) {
            return Some(i);
        }
        if is_salutation(t) {
            return None;
        }
        let front_matter = is_heading_like(t, lang)
            || is_quoted_headline(t, lang)
            || (is_short(t, lang) && !is_terminated(t));
        if !front_matter {
            return Some(i);
        }
    }
    None
}

/// The title among the lines before the lead: a Markdown heading, else a line with a title
/// keyword, else the first line.
fn find_title(front: &[Line]) -> Option<usize> {
    let kw = &layout().zh_title_keywords;
    front
        .iter()
        .position(|l| l.heading)
        .or_else(|| {
            front
                .iter()
                .position(|l| kw.iter().any(|k| l.text.contains(k.as_str())))
        })
        .or(if front.is_empty() { None } else { Some(0) })
}

/// Step 3: build the units of one language from its rejoined paragraphs.
///
/// Before the first speaker label: the title (a Markdown heading, a paragraph with a title
/// keyword, or the first line), the lead (a date line or the first prose paragraph of the
/// front matter, see [`find_lead`]), and other short lines as headings; prose after the
/// lead is an unlabelled turn. After the first label: a label starts a turn, prose
/// continues the current turn, heading-like lines (topic headings, numbered headings,
/// source attributions, date lines) are headings. A salutation (`各位代表：`) is a unit of
/// its own wherever it stands, and the prose after it starts a new one.
pub fn structure(lines: &[Line], lang: Lang) -> Transcript {
    let mut units: Vec<Unit> = Vec::new();
    let first_turn = lines
        .iter()
        .position(|l| l.label.is_some())
        .unwrap_or(lines.len());
    let pre = &lines[..first_turn];
    let lead_idx = find_lead(pre, lang);
    let title_idx = find_title(&pre[..lead_idx.unwrap_or(pre.len())]);

    // Prose here is speech: after the lead, or after a salutation.
    let mut in_body = false;
    // The last unit is a salutation: the next paragraph starts a unit of its own.
    let mut sealed = false;
    for (i, l) in pre.iter().enumerate() {
        let para = vec![Paragraph {
            text: l.text.clone(),
            line: l.line,
        }];
        let salutation = is_salutation(&l.text);
        let kind = if Some(i) == title_idx {
            UnitKind::Title
        } else if Some(i) == lead_idx {
            in_body = true;
            UnitKind::Lead
        } else if salutation {
            in_body = true;
            UnitKind::Turn
        } else if l.heading || is_heading_like(&l.text, lang) || is_date_line(&l.text) {
            UnitKind::Heading
        } else if in_body {
            // Prose after the lead without a label: an unlabelled turn.
            UnitKind::Turn
        } else {
            UnitKind::Heading
        };
        let merge = kind == UnitKind::Turn && !salutation && !sealed;
        push_paragraph(&mut units, kind, None, para, merge);
        sealed = salutation;
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
        let salutation = is_salutation(&l.text);
        let headline = l.label.is_none()
            && !salutation
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
        } else if !salutation
            && (l.heading || headline || is_heading_like(&l.text, lang) || is_date_line(&l.text))
        {
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
                !salutation && !sealed,
            );
        }
        sealed = salutation;
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

/// Parse a transcript file: one or both languages, each as a [`Transcript`].
///
/// A language with fewer than two paragraphs is taken as stray text of the other language
/// (an English acronym line in a Chinese edition), never dropped (see [`read_lines`]).
pub fn parse_document(text: &str, id: &str, source: &str) -> Document {
    parse_with(text, id, source, true, Languages::Settled)
}

/// Parse a file whose paragraphs are known to be whole, as [`parse_document`] does but
/// without [`rejoin`]: in a bilingual page whose paragraphs alternate with their
/// translation, or hold it on the same line, no page break cuts a paragraph, and a line
/// without final punctuation (a section label `【重要讲话】`, a source line, a term in a
/// word list) is a paragraph of its own, never the start of the next one.
///
/// Such a page is known to be bilingual: a language with a single paragraph (one long
/// paragraph and its translation) is a side of its own, as in [`parse_bilingual`].
pub fn parse_whole_paragraphs(text: &str, id: &str, source: &str) -> Document {
    parse_with(text, id, source, false, Languages::ByScript)
}

/// Parse a file the layout analysis found bilingual ([`crate::read::parse_source`] does)
/// as [`parse_document`] does, but with each line in its script's language however few
/// lines a language has: one paragraph and its translation are two sides, where
/// [`parse_document`], knowing nothing of the file, takes a single line in the other script
/// for stray text.
pub fn parse_bilingual(text: &str, id: &str, source: &str) -> Document {
    parse_with(text, id, source, true, Languages::ByScript)
}

/// Parse a file that holds one language, `lang`, as [`parse_document`] does, but with every
/// line in `lang` whatever its script. [`parse_document`] takes a language with two lines or
/// more for a side of a bilingual file; in a Chinese edition, two lines in Latin script (an
/// author's name, a reference, a formula) are part of the Chinese text, and reading them as
/// an English side would drop them from the edition. Use it when the layout analysis found
/// the file monolingual ([`crate::read::parse_source`] does) or the user said which
/// language a file is.
pub fn parse_monolingual(text: &str, id: &str, source: &str, lang: Lang) -> Document {
    parse_with(text, id, source, true, Languages::Only(lang))
}

fn parse_with(
    text: &str,
    id: &str,
    source: &str,
    mend_breaks: bool,
    languages: Languages,
) -> Document {
    let lines = read_lines_in(text, languages);
    let side = |lang: Lang| -> Option<Transcript> {
        let mine: Vec<Line> = lines.iter().filter(|l| l.lang == lang).cloned().collect();
        if mine.is_empty() {
            return None;
        }
        let mine = if mend_breaks { rejoin(mine) } else { mine };
        Some(structure(&mine, lang))
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

/// The document date (ISO 8601) stated in the front matter: the title, the headings
/// around it and the lead (a dateline paragraph or a date line after the title). A lead
/// that gives only month and day takes the year from a heading ("2026年全国两会特别报道").
/// Nothing after the lead is read, so a date quoted in the body ("这部法律将从2023年4月1日
/// 起施行") never dates the document.
pub fn document_date(t: Option<&Transcript>) -> Option<String> {
    let t = t?;
    let mut year_hint: Option<u32> = None;
    let mut after_lead = false;
    for u in &t.units {
        if u.kind == UnitKind::Turn || after_lead {
            break;
        }
        after_lead = u.kind == UnitKind::Lead;
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

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

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
    fn a_monolingual_file_keeps_its_lines_in_the_other_script() {
        let text = "决策理论\n\nJack Hirshleifer\n\n人们常犯数学错误。\n\nHerbert Gintis (2009)\n";
        // Read as any file, two Latin lines make an English side...
        let split = parse_document(text, "t", "t.txt");
        assert!(split.en.is_some());
        // ...read as the Chinese file it is, they are Chinese text, in their place.
        let doc = parse_monolingual(text, "t", "t.txt", Lang::Zh);
        assert!(doc.en.is_none());
        let zh: Vec<String> = doc
            .zh
            .iter()
            .flat_map(|t| &t.units)
            .flat_map(|u| &u.paragraphs)
            .map(|p| p.text.clone())
            .collect();
        assert_eq!(
            zh,
            [
                "决策理论",
                "Jack Hirshleifer",
                "人们常犯数学错误。",
                "Herbert Gintis (2009)"
            ]
        );
    }

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
    fn never_labels_whatever_the_layout() {
        for tag in [
            "韦小宝道",
            "凤姐笑道",
            "他说",
            "所以我说",
            "又想",
            "我认为",
            "第一站",
            "各位代表",
        ] {
            assert!(!is_label(tag), "{tag}");
            assert!(!is_bold_label(tag), "{tag}");
        }
        for tag in [
            "Says Baird",
            "Problem",
            "Remark",
            "Fellow Deputies",
            "Example 2",
        ] {
            assert!(!is_label(tag), "{tag}");
        }
        // A colon between digits is part of a number.
        assert_eq!(split_label("That's 1108:21:37, Wang thought.").0, None);
        // Known labels stay labels even when they end like a dialogue verb.
        assert!(is_label("问") && is_known_label("问"));
        assert!(is_known_label("新华社记者问"));
    }

    #[test]
    fn known_labels_need_no_repetition() {
        for known in [
            "追问",
            "法新社记者",
            "彭博社记者（追问）",
            "毛宁",
            "外交部发言人毛宁",
            "Follow-up",
            "AFP",
            "Bloomberg (follow-up)",
            "Mao Ning",
            "Spokesperson Mao Ning",
            "Q",
        ] {
            assert!(is_known_label(known), "{known}");
        }
        for bare in ["周明", "Zhou Ming", "林晓"] {
            assert!(is_label(bare) && !is_known_label(bare), "{bare}");
        }
    }

    #[test]
    fn salutations() {
        for s in [
            "Fellow deputies,",
            "Ladies and gentlemen, dear friends,",
            "Your Excellency,",
            "各位代表：",
            "女士们，先生们，朋友们：",
        ] {
            assert!(is_salutation(s), "{s}");
        }
        for s in [
            "Friends from the media, good morning.",
            "President Xi Jinping, as the leader of a major country and a",
            // A wrapped line going on from the one before.
            "are distinguished by their high energies. Most cosmic rays are relativistic,",
            "我们认为：",
        ] {
            assert!(!is_salutation(s), "{s}");
        }
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
    fn short_english_list_items_are_not_joined_as_page_cut_prose() {
        let text = "Related words\n\nthe Medal of the Republic\n\nnational titles of honor\n\n\
                    Book of Merit\n\nThe meeting agreed to deepen cooperation in trade and\n\n\
                    investment, and to meet again next year.\n";
        let doc = parse_document(text, "t", "t.txt");
        let en = doc.en.expect("en");
        let texts: Vec<&str> = en
            .units
            .iter()
            .flat_map(|u| u.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        assert!(texts.contains(&"national titles of honor"), "{texts:?}");
        assert!(texts.contains(&"Book of Merit"), "{texts:?}");
        // A long line a page break cut is still continued.
        assert!(
            texts.contains(
                &"The meeting agreed to deepen cooperation in trade and investment, and to meet again next year."
            ),
            "{texts:?}"
        );
    }

    #[test]
    fn a_heading_wrapped_after_a_comma_is_one() {
        let text = "# 杨洁篪的主旨演讲\n\n## 倡导国际合作，维护多边主义，\n\n## 推动构建人类命运共同体\n\n\
                    ## 一、总体要求\n\n## 二、主要任务\n\n（2019年2月16日，慕尼黑）\n\n女士们，先生们！\n";
        let doc = parse_document(text, "t", "t.md");
        let zh = doc.zh.expect("zh");
        let texts: Vec<&str> = zh
            .units
            .iter()
            .map(|u| u.paragraphs[0].text.as_str())
            .collect();
        assert_eq!(
            texts[1],
            "倡导国际合作，维护多边主义，推动构建人类命运共同体"
        );
        // Headings that do not end in a comma stay apart.
        assert_eq!(texts[2], "一、总体要求");
        assert_eq!(texts[3], "二、主要任务");
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
    fn date_lines() {
        for d in [
            "March 17, 2013",
            "（2013年3月17日）",
            "(March 17, 2013)",
            "Beijing, 17 March 2013",
            "Sunday, March 17, 2013",
            "2013年3月17日，北京",
        ] {
            assert!(is_date_line(d), "{d}");
        }
        for d in [
            "On March 17, 2013, a press conference was held.",
            "2013年3月17日，十二届全国人大一次会议在人民大会堂举行闭幕会。",
            "March 2013",
            "Fellow deputies,",
        ] {
            assert!(!is_date_line(d), "{d}");
        }
    }

    #[test]
    fn numbered_headings() {
        for h in [
            "1 谈元首外交",
            "一、2015年工作回顾",
            "（一）着力扩大内需",
            "(1) We cut emissions",
            "I. Review of Our Work in 2015",
            "IV. Major Tasks for 2016",
            "1.3 Types of cosmic ray experiment",
        ] {
            assert!(is_numbered_heading(h), "{h}");
        }
        for h in [
            "一、坚持稳中求进。",
            "I think so",
            "我们一、二月份",
            "2015年是很不平凡的一年",
        ] {
            assert!(!is_numbered_heading(h), "{h}");
        }
    }

    #[test]
    fn a_date_line_is_not_glued_and_dates_the_document() {
        let text = "A Title\nMarch 17, 2013\nThe speech begins here and it goes\non after a cut. In 2009, on May 4, 2009, we met.\n";
        let doc = parse_document(text, "t", "t");
        let en = doc.en.expect("en");
        let kinds: Vec<UnitKind> = en.units.iter().map(|u| u.kind).collect();
        assert_eq!(kinds, vec![UnitKind::Title, UnitKind::Lead, UnitKind::Turn]);
        assert_eq!(en.units[1].paragraphs[0].text, "March 17, 2013");
        assert_eq!(
            en.units[2].paragraphs[0].text,
            "The speech begins here and it goes on after a cut. In 2009, on May 4, 2009, we met."
        );
        assert_eq!(doc.date.as_deref(), Some("2013-03-17"));
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
