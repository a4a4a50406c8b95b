//! Numbers and dates as language-independent anchors.
//!
//! A quantity is one of the few things a translator never changes, so a number found on
//! both sides is strong evidence that two sentences belong together. This module reads
//! numbers out of English and Chinese sentences and normalizes them so that the same
//! quantity compares equal whatever script or multiplier wrote it:
//!
//! * digits with thousands separators and decimals: `3,000` = `3000`, `7.9万` = 79 000;
//! * multipliers: `1.4 billion` = `14亿`, `1.5 million` = `150万`, `1.5万亿` = 1.5e12;
//! * number words: `twenty-five`, `one hundred and fifty`, `three thousand`, `a million`
//!   and Chinese numerals `十四`, `七十五`, `三千`, `第三十三次`, positional years `二〇二五`;
//! * ordinals: `75th` = `75周年` = `七十五周年`, `Third Session` = `三次会议`, `14th` = `十四届`;
//! * percentages: `25%` = `25 percent` = `25％` = `百分之二十五` (and only other percentages);
//! * money: `US$240 billion` = `2400亿美元`;
//! * approximations keep their round figure: `more than 100` = `百余`, `130多` = 130;
//! * dates: month names give the month number, so `March 7` yields 3 and 7 like `3月7日`.
//!
//! Precision over recall: the aligner is better served by missing an anchor than by a
//! false one. Hence Chinese numerals are only read where they clearly count something
//! (see [`zh_numbers`]), and the values 0–2 written as words (`one`, `two`, `first`,
//! `second`, `一`, `两`, `二`) are returned with [`Number::weak`] set, because they occur
//! in nearly every English paragraph and inside many Chinese words.

use std::borrow::Cow;

/// What sort of quantity a [`Number`] is. Informational except for [`NumberKind::Percent`]:
/// English ordinals routinely come out as Chinese cardinals (`Third Session` / `三次会议`) and
/// years are just integers, so only a percentage refuses to match a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A plain count or amount.
    Cardinal,
    /// A rank: `75th`, `Third`, `第三`, `七十五周年`, `十四届`.
    Ordinal,
    /// An integer from 1000 to 2100 written without multiplier or separator.
    Year,
    /// A percentage; the value is the number of percent (25 for `25%`).
    Percent,
    /// An amount of money: a currency sign or word was attached.
    Money,
}

/// A number found in a sentence, normalized so that the same quantity written in English
/// and in Chinese compares equal (`1.4 billion` = `14亿` = 1_400_000_000).
///
/// Equality (`==`) compares the value with a small relative tolerance and the kinds only
/// insofar as a percentage never equals a non-percentage; `weak` is ignored, so the caller
/// decides how much a weak match is worth.
#[derive(Clone, Copy, Debug)]
pub struct Number {
    /// The value, after multipliers (billion, 亿, 万, %) are applied.
    pub value: f64,
    /// The sort of quantity, as far as the surface form tells.
    pub kind: NumberKind,
    /// True for 0, 1 and 2 written as words or Chinese numerals: too frequent to be good
    /// anchors on their own ("one of", "the two sides", 一是, 两国).
    pub weak: bool,
}

impl Number {
    /// A key for hashing or bucketing: equal numbers get equal keys (values are rounded
    /// to thousandths), so an aligner can index one side's numbers in a `HashMap`.
    pub fn key(&self) -> (bool, i64) {
        let percent = self.kind == NumberKind::Percent;
        // Saturating float-to-int conversion; values are far below i64 range in practice.
        (percent, (self.value * 1000.0).round() as i64)
    }

    fn new(value: f64, kind: NumberKind, weak: bool) -> Number {
        Number { value, kind, weak }
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        let p1 = self.kind == NumberKind::Percent;
        let p2 = other.kind == NumberKind::Percent;
        let scale = self.value.abs().max(other.value.abs()).max(1.0);
        p1 == p2 && (self.value - other.value).abs() <= 1e-9 * scale
    }
}

fn year_kind(value: f64, digits: usize, plain: bool) -> bool {
    plain && digits == 4 && value.fract() == 0.0 && (1000.0..=2100.0).contains(&value)
}

// ---------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
enum Tok<'a> {
    /// A word as written (a slice of the text) and lowercased (once here: the number
    /// readers look at every word, most several times). Most words are lower case already
    /// and borrow the slice; only a word with a capital allocates its lower-case copy.
    Word(&'a str, Cow<'a, str>),
    Num {
        value: f64,
        digits: usize,
        plain: bool,
        ordinal: bool,
    },
    Sym(char),
    /// Alphanumeric mixtures such as `G20` or `5G`: names, not quantities.
    Skip,
}

fn lex_en(text: &str) -> Vec<Tok<'_>> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    // A character index and its byte offset in `text`, moved forward to each word's start.
    let (mut at, mut byte) = (0usize, 0usize);
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            let mut digits = String::new();
            let mut plain = true;
            let mut int_digits = 0;
            while i < chars.len() && chars[i].is_ascii_digit() {
                digits.push(chars[i]);
                int_digits += 1;
                i += 1;
            }
            // Thousands separators: a comma followed by exactly three digits.
            while chars.get(i) == Some(&',')
                && (1..=3).all(|k| chars.get(i + k).is_some_and(|d| d.is_ascii_digit()))
                && !chars.get(i + 4).is_some_and(|d| d.is_ascii_digit())
            {
                digits.extend(&chars[i + 1..i + 4]);
                int_digits += 3;
                plain = false;
                i += 4;
            }
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                digits.push('.');
                i += 1;
                plain = false;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    digits.push(chars[i]);
                    i += 1;
                }
            }
            let suffix_start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let suffix: String = chars[suffix_start..i].iter().collect::<String>();
            let suffix = suffix.to_ascii_lowercase();
            let attached_letter = start > 0 && chars[start - 1].is_ascii_alphabetic();
            let value = digits.parse::<f64>().ok();
            match (value, suffix.as_str()) {
                (Some(v), "" | "s") if !attached_letter => toks.push(Tok::Num {
                    value: v,
                    digits: int_digits,
                    plain,
                    ordinal: false,
                }),
                (Some(v), "st" | "nd" | "rd" | "th") if !attached_letter => toks.push(Tok::Num {
                    value: v,
                    digits: int_digits,
                    plain,
                    ordinal: true,
                }),
                _ => toks.push(Tok::Skip),
            }
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            byte += chars[at..start].iter().map(|c| c.len_utf8()).sum::<usize>();
            at = start;
            // The word is ASCII: one byte a character.
            match text.get(byte..byte + (i - start)) {
                Some(word) if !word.bytes().any(|d| d.is_ascii_digit()) => {
                    let lower = if word.bytes().any(|d| d.is_ascii_uppercase()) {
                        Cow::Owned(word.to_ascii_lowercase())
                    } else {
                        Cow::Borrowed(word)
                    };
                    toks.push(Tok::Word(word, lower));
                }
                _ => toks.push(Tok::Skip),
            }
        } else {
            if !c.is_whitespace() {
                toks.push(Tok::Sym(c));
            }
            i += 1;
        }
    }
    toks
}

fn en_unit(w: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(p) = UNITS.iter().position(|u| *u == w) {
        return Some(p as u32);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|p| (p as u32 + 2) * 10)
}

fn en_ordinal(w: &str) -> Option<u32> {
    const ORD: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(p) = ORD.iter().position(|u| *u == w) {
        return Some(p as u32);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|p| (p as u32 + 2) * 10)
}

fn en_scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn en_ordinal_scale(w: &str) -> Option<f64> {
    match w {
        "hundredth" => Some(1e2),
        "thousandth" => Some(1e3),
        "millionth" => Some(1e6),
        _ => None,
    }
}

fn en_month(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.iter().position(|m| *m == w).map(|p| p as u32 + 1)
}

fn is_money_word(w: &str) -> bool {
    matches!(
        w,
        "dollar" | "dollars" | "yuan" | "euro" | "euros" | "rmb" | "renminbi" | "rubles" | "yen"
    )
}

fn word_at<'t>(toks: &'t [Tok<'_>], i: usize) -> Option<&'t str> {
    match toks.get(i) {
        Some(Tok::Word(_, lower)) => Some(lower.as_ref()),
        _ => None,
    }
}

/// After a number ending at `j`: percent sign or word, currency word. Returns the kind
/// override (if any) and the index after what was consumed.
fn en_after(toks: &[Tok], j: usize) -> (Option<NumberKind>, usize) {
    match toks.get(j) {
        Some(Tok::Sym('%')) => return (Some(NumberKind::Percent), j + 1),
        Some(Tok::Word(..)) => {}
        _ => return (None, j),
    }
    let w = word_at(toks, j).unwrap_or_default();
    if w == "percent" {
        return (Some(NumberKind::Percent), j + 1);
    }
    if w == "per" && word_at(toks, j + 1) == Some("cent") {
        return (Some(NumberKind::Percent), j + 2);
    }
    if is_money_word(w) {
        return (Some(NumberKind::Money), j + 1);
    }
    (None, j)
}

fn money_sign_before(toks: &[Tok], i: usize) -> bool {
    i > 0 && matches!(toks[i - 1], Tok::Sym('$' | '€' | '£' | '¥'))
}

fn en_digit_number(toks: &[Tok], i: usize) -> Option<(Number, usize)> {
    let Tok::Num {
        value,
        digits,
        plain,
        ordinal,
    } = toks[i]
    else {
        return None;
    };
    let mut value = value;
    let mut j = i + 1;
    let mut scaled = false;
    if !ordinal {
        while let Some(s) = word_at(toks, j).and_then(en_scale) {
            value *= s;
            scaled = true;
            j += 1;
        }
    }
    let mut kind = if ordinal {
        NumberKind::Ordinal
    } else if year_kind(value, digits, plain && !scaled) {
        NumberKind::Year
    } else {
        NumberKind::Cardinal
    };
    if money_sign_before(toks, i) {
        kind = NumberKind::Money;
    }
    if !ordinal {
        let (k, next) = en_after(toks, j);
        if let Some(k) = k {
            kind = k;
            j = next;
        }
    }
    Some((Number::new(value, kind, false), j))
}

fn en_word_number(toks: &[Tok], i: usize) -> Option<(Number, usize)> {
    let mut j = i;
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut consumed = 0;
    let mut ordinal = false;
    let mut last_was_scale = false;
    // "a hundred", "a million": the article stands for one only before a scale word.
    if matches!(word_at(toks, j), Some("a" | "an"))
        && word_at(toks, j + 1).and_then(en_scale).is_some()
    {
        current = 1.0;
        j += 1;
    }
    loop {
        let Some(w) = word_at(toks, j) else {
            // A hyphen joining two number words: "twenty-five".
            if consumed > 0
                && matches!(toks.get(j), Some(Tok::Sym('-')))
                && word_at(toks, j + 1).is_some_and(is_number_word)
            {
                j += 1;
                continue;
            }
            break;
        };
        if let Some(u) = en_unit(w) {
            current += f64::from(u);
        } else if let Some(s) = en_scale(w) {
            if s < 1e3 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
        } else if let Some(o) = en_ordinal(w) {
            current += f64::from(o);
            ordinal = true;
        } else if let Some(s) = en_ordinal_scale(w) {
            if s < 1e3 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            ordinal = true;
        } else if w == "and"
            && last_was_scale
            && word_at(toks, j + 1).is_some_and(|w| en_unit(w).is_some() || en_ordinal(w).is_some())
        {
            j += 1;
            continue;
        } else {
            break;
        }
        last_was_scale = en_scale(w).is_some();
        consumed += 1;
        j += 1;
        if ordinal {
            break;
        }
    }
    if consumed == 0 {
        return None;
    }
    let value = total + current;
    let mut kind = if ordinal {
        NumberKind::Ordinal
    } else {
        NumberKind::Cardinal
    };
    if !ordinal {
        // Fractions: "three quarters", "two thirds", "one fifth".
        if let Some(w) = word_at(toks, j) {
            let stem = w.strip_suffix('s').unwrap_or(w);
            let denom = if stem == "quarter" {
                Some(4)
            } else {
                en_ordinal(stem).filter(|d| *d >= 3)
            };
            if let Some(d) = denom {
                let fraction = Number::new(value / f64::from(d), NumberKind::Cardinal, false);
                return Some((fraction, j + 1));
            }
        }
        let (k, next) = en_after(toks, j);
        if let Some(k) = k {
            kind = k;
            j = next;
        }
    }
    if money_sign_before(toks, i) {
        kind = NumberKind::Money;
    }
    let weak = value <= 2.0 && kind != NumberKind::Percent;
    Some((Number::new(value, kind, weak), j))
}

fn is_number_word(w: &str) -> bool {
    en_unit(w).is_some()
        || en_scale(w).is_some()
        || en_ordinal(w).is_some()
        || en_ordinal_scale(w).is_some()
}

/// Numbers in an English sentence.
///
/// Reads digits (`3,000`, `1.4`, `75th`, `1990s`), number words (`one` … `nineteen`, the
/// tens, `hundred` … `trillion`, hyphenated and `and`-joined compounds), ordinal words
/// (`first` … `nineteenth`, `twentieth` … `ninetieth`, `hundredth`), scale words after
/// digits (`1.4 billion`), percentages (`%`, `percent`, `per cent`), money (`$`, `US$`,
/// `€`, `£`, `¥` before or `dollars`, `yuan`, `euros`… after), simple fractions (`three
/// quarters`, `two thirds`) and capitalized month names (`March` → 3; `May` only next to a
/// day number, since "may" is also a verb). Alphanumeric names such as `G20` and `5G` are
/// not numbers. Plural scale words (`hundreds of`, `millions`) are vague and give nothing.
pub fn en_numbers(text: &str) -> Vec<Number> {
    let toks = lex_en(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Num { .. } => {
                if let Some((n, next)) = en_digit_number(&toks, i) {
                    out.push(n);
                    i = next.max(i + 1);
                    continue;
                }
            }
            Tok::Word(w, _) => {
                if let Some(m) = en_month(w) {
                    let day_next = |k: usize| matches!(toks.get(k), Some(Tok::Num { value, ordinal: false, .. }) if *value >= 1.0 && *value <= 31.0);
                    let near_day = day_next(i + 1) || (i > 0 && day_next(i - 1));
                    if *w != "May" || near_day {
                        out.push(Number::new(f64::from(m), NumberKind::Cardinal, false));
                    }
                } else if let Some((n, next)) = en_word_number(&toks, i) {
                    out.push(n);
                    i = next.max(i + 1);
                    continue;
                }
            }
            Tok::Sym(_) | Tok::Skip => {}
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------------------

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Chinese digit characters 0–9 (两 counts as 2 but is never positional).
fn zh_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn zh_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(1e1),
        '百' => Some(1e2),
        '千' => Some(1e3),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

fn is_zh_numeral(c: char) -> bool {
    zh_digit(c).is_some() || zh_unit(c).is_some()
}

/// Measure words and other characters after which a bare Chinese numeral clearly counts
/// something: 三次, 两国, 三大, 一是, 十年, 四个.
const MEASURES: &[char] = &[
    '个', '次', '届', '年', '月', '日', '号', '周', '场', '位', '名', '项', '国', '家', '条', '起',
    '倍', '岁', '天', '点', '大', '份', '轮', '种', '类', '批', '篇', '部', '座', '所', '支', '架',
    '艘', '件', '层', '步', '是', '枚', '块', '股', '章', '段', '句', '人', '户', '组', '对', '双',
    '期', '代',
];

/// Characters that, before 一, make it part of a word: 统一, 唯一, 同一, 之一, 万一, 每一.
const WORD_BEFORE: &[char] = &[
    '统', '唯', '同', '之', '万', '每', '专', '划', '逐', '单', '均', '合', '整', '独', '纯', '某',
    '任', '归', '说', '不', '有', '无', '几', '数',
];

/// Characters that, after 一, make it part of a word even though they can be measures.
const WORD_AFTER_ONE: &[char] = &['起', '道', '方', '家', '体', '大', '代', '些', '切'];

/// Characters after which a bare numeral is not a quantity at all (几十年, 数百).
const VAGUE_BEFORE: &[char] = &['几', '数', '若'];

/// A parsed run of Chinese numeral characters.
struct ZhRun {
    value: f64,
    end: usize,
    chars: usize,
    /// Contains a digit character (not only 十百千万亿).
    has_digit: bool,
    /// Read positionally (二〇二五).
    positional: bool,
}

/// Parses a structured Chinese numeral (十四, 七十五, 一百五十万, 三千, 十四亿) starting at
/// `i`; stops before a second bare digit (十五五 → 十五).
fn zh_structured(chars: &[char], i: usize) -> Option<ZhRun> {
    let mut total = 0.0_f64;
    let mut section = 0.0_f64;
    let mut digit: Option<f64> = None;
    let mut last_unit = 0.0_f64;
    let mut saw_zero = false;
    let mut has_digit = false;
    let mut j = i;
    while j < chars.len() {
        let c = chars[j];
        if let Some(d) = zh_digit(c) {
            if digit.is_some() {
                break;
            }
            if d == 0 {
                saw_zero = true;
            } else {
                digit = Some(f64::from(d));
            }
            has_digit = true;
        } else if let Some(u) = zh_unit(c) {
            match u {
                u if u >= 1e8 => {
                    total = (total + section + digit.unwrap_or(0.0)).max(1.0) * u;
                    section = 0.0;
                }
                u if u >= 1e4 => {
                    section = (section + digit.unwrap_or(0.0)).max(1.0) * u;
                }
                _ => {
                    section += digit.unwrap_or(1.0) * u;
                }
            }
            digit = None;
            last_unit = u;
            saw_zero = false;
        } else {
            break;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    // Elided last unit: 一万五 = 15 000, 三百五 = 350.
    let tail = match digit {
        Some(d) if !saw_zero && last_unit >= 100.0 => d * last_unit / 10.0,
        Some(d) => d,
        None => 0.0,
    };
    Some(ZhRun {
        value: total + section + tail,
        end: j,
        chars: j - i,
        has_digit,
        positional: false,
    })
}

/// Parses digits, optional separators and decimals, then 百千万亿 multipliers: `14亿`,
/// `7.9万`, `3,000`. Returns (value, end, integer digits, plain, multiplied).
fn zh_digits(chars: &[char], i: usize) -> Option<(f64, usize, usize, bool, bool)> {
    let mut s = String::new();
    let mut j = i;
    let mut int_digits = 0;
    let mut plain = true;
    while let Some(d) = chars.get(j).copied().and_then(ascii_digit) {
        s.push(char::from_digit(d, 10)?);
        int_digits += 1;
        j += 1;
    }
    if int_digits == 0 {
        return None;
    }
    while chars.get(j) == Some(&',')
        && (1..=3).all(|k| chars.get(j + k).copied().and_then(ascii_digit).is_some())
        && chars.get(j + 4).copied().and_then(ascii_digit).is_none()
    {
        for k in 1..=3 {
            s.push(char::from_digit(
                chars.get(j + k).copied().and_then(ascii_digit)?,
                10,
            )?);
        }
        int_digits += 3;
        plain = false;
        j += 4;
    }
    if matches!(chars.get(j), Some('.' | '．'))
        && chars.get(j + 1).copied().and_then(ascii_digit).is_some()
    {
        s.push('.');
        plain = false;
        j += 1;
        while let Some(d) = chars.get(j).copied().and_then(ascii_digit) {
            s.push(char::from_digit(d, 10)?);
            j += 1;
        }
    }
    let mut value: f64 = s.parse().ok()?;
    let mut multiplied = false;
    while let Some(u) = chars
        .get(j)
        .copied()
        .filter(|c| *c != '十')
        .and_then(zh_unit)
    {
        value *= u;
        multiplied = true;
        j += 1;
    }
    Some((value, j, int_digits, plain, multiplied))
}

fn starts_with_at(chars: &[char], i: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

/// Skips 多/余 after a number and reports a currency or percent sign that follows.
fn zh_after(chars: &[char], mut j: usize) -> (Option<NumberKind>, usize) {
    while matches!(chars.get(j), Some('多' | '余')) {
        j += 1;
    }
    if matches!(chars.get(j), Some('%' | '％')) {
        return (Some(NumberKind::Percent), j + 1);
    }
    for money in ["美元", "欧元", "日元", "人民币", "卢布", "元"] {
        if starts_with_at(chars, j, money) {
            return (Some(NumberKind::Money), j + money.chars().count());
        }
    }
    (None, j)
}

/// Reads one numeral (digits or Chinese) at `i` for the `X分之Y` construction.
fn zh_any_value(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if let Some((v, end, ..)) = zh_digits(chars, i) {
        return Some((v, end));
    }
    zh_structured(chars, i).map(|r| (r.value, r.end))
}

/// Numbers in a Chinese sentence.
///
/// Digits (ASCII or full-width) are always taken, with separators, decimals and the
/// multipliers 百千万亿 (`14亿`, `7.9万`, `1.5万亿`), unless glued to Latin letters (`G20`,
/// `5G`). Chinese numerals are taken only where they clearly count:
///
/// * after 第 (`第三十三次` = 33, ordinal) or before 周年/届 (ordinal);
/// * before a measure word (`三次`, `四个`, `三大`, `一是`, `两国`, `十年`) or 多/余
///   (`百余` = 100);
/// * as a multi-character numeral worth at least 10 (`十四`, `七十五`, `三千`, `二十大`);
/// * as positional digits containing 〇/零 or a four-digit run before 年 (`二〇二五` = 2025);
/// * in `X分之Y` (`百分之二十五` = 25%, `四分之三` = 0.75).
///
/// Not taken: single numerals inside words (`统一`, `唯一`, `一起`, `一道`, `一带一路`),
/// bare 百/千/万 (`百年变局`, `千家万户`), numerals after 几/数/若 (`几十年`), two-digit
/// ranges (`五六个`, `三八`). Values 0–2 from numerals are `weak`.
pub fn zh_numbers(text: &str) -> Vec<Number> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        if ascii_digit(c).is_some() {
            let Some((value, end, digits, plain, multiplied)) = zh_digits(&chars, i) else {
                i += 1;
                continue;
            };
            let latin_before = prev.is_some_and(|p| p.is_ascii_alphabetic());
            let latin_after = chars.get(end).is_some_and(|n| n.is_ascii_alphabetic());
            if latin_before || latin_after {
                i = end;
                while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            let (kind, j) = zh_kind(&chars, prev, end, value, digits, plain && !multiplied);
            let (n, j) = match zh_fraction_parts(&chars, end, value) {
                Some((n, j)) => (n, j),
                None => (Number::new(value, kind, false), j),
            };
            out.push(n);
            i = j.max(i + 1);
            continue;
        }
        if !is_zh_numeral(c) {
            i += 1;
            continue;
        }
        // Positional runs of digit characters: 二〇二五, 一九四五年; ranges 五六 are vague.
        let mut run_end = i;
        while run_end < chars.len() && zh_digit(chars[run_end]).is_some() && chars[run_end] != '两'
        {
            run_end += 1;
        }
        let run_len = run_end - i;
        let next_is_unit = chars.get(run_end).is_some_and(|c| zh_unit(*c).is_some());
        let run: Option<ZhRun> = if run_len >= 2 && !next_is_unit {
            let has_zero = chars[i..run_end].iter().any(|c| matches!(c, '〇' | '零'));
            let year_like = run_len == 4 && chars.get(run_end) == Some(&'年');
            if has_zero || year_like {
                let value = chars[i..run_end]
                    .iter()
                    .filter_map(|c| zh_digit(*c))
                    .fold(0.0, |acc, d| acc * 10.0 + f64::from(d));
                Some(ZhRun {
                    value,
                    end: run_end,
                    chars: run_len,
                    has_digit: true,
                    positional: true,
                })
            } else {
                // 五六个, 三八, 一一: vague or not a number.
                i = run_end;
                continue;
            }
        } else {
            zh_structured(&chars, i)
        };
        let Some(run) = run else {
            i += 1;
            continue;
        };
        if let Some((n, j)) = zh_fraction_parts(&chars, run.end, run.value) {
            out.push(n);
            i = j.max(i + 1);
            continue;
        }
        if let Some(n) = zh_accept(&chars, prev, &run) {
            let (kind, j) = zh_kind(&chars, prev, run.end, run.value, 0, false);
            let kind = if run.positional && run.chars == 4 {
                NumberKind::Year
            } else {
                kind
            };
            out.push(Number::new(
                n,
                kind,
                n <= 2.0 && kind != NumberKind::Percent,
            ));
            i = j.max(run.end).max(i + 1);
        } else {
            i = run.end.max(i + 1);
        }
    }
    out
}

/// `X分之Y` at `end` (just after X): returns the number and the index after Y.
fn zh_fraction_parts(chars: &[char], end: usize, denom: f64) -> Option<(Number, usize)> {
    if !starts_with_at(chars, end, "分之") || denom == 0.0 {
        return None;
    }
    let (num, j) = zh_any_value(chars, end + 2)?;
    if denom == 100.0 {
        Some((Number::new(num, NumberKind::Percent, false), j))
    } else {
        Some((Number::new(num / denom, NumberKind::Cardinal, false), j))
    }
}

/// The kind of a number ending at `end`, and where its suffix (多, 余, %, currency) ends.
fn zh_kind(
    chars: &[char],
    prev: Option<char>,
    end: usize,
    value: f64,
    digits: usize,
    plain: bool,
) -> (NumberKind, usize) {
    let (after, j) = zh_after(chars, end);
    if let Some(k) = after {
        return (k, j);
    }
    if prev == Some('第') || starts_with_at(chars, end, "周年") || chars.get(end) == Some(&'届')
    {
        return (NumberKind::Ordinal, j);
    }
    if year_kind(value, digits, plain) {
        return (NumberKind::Year, j);
    }
    (NumberKind::Cardinal, j)
}

/// Whether a Chinese-numeral run counts something in its context; returns its value.
fn zh_accept(chars: &[char], prev: Option<char>, run: &ZhRun) -> Option<f64> {
    let next = chars.get(run.end).copied();
    if prev.is_some_and(|p| VAGUE_BEFORE.contains(&p)) {
        return None;
    }
    if run.positional || prev == Some('第') {
        return Some(run.value);
    }
    let approx = matches!(next, Some('多' | '余'));
    if !run.has_digit {
        // Bare units: 百余 yes; 百年, 千家万户, 万一 no; 十 with a measure (十年) yes.
        let first = chars.get(run.end - run.chars).copied();
        return match (run.chars, first) {
            _ if approx => Some(run.value),
            (1, Some('十')) if next.is_some_and(|n| MEASURES.contains(&n)) => Some(run.value),
            _ => None,
        };
    }
    if run.chars >= 2 && run.value >= 10.0 {
        // 十全十美-style idioms do not occur with a following 全/美 in running text often
        // enough to special-case beyond these.
        if matches!(next, Some('全' | '美')) {
            return None;
        }
        return Some(run.value);
    }
    let measure = next.is_some_and(|n| MEASURES.contains(&n)) || approx;
    if !measure {
        return None;
    }
    let one_in_word = prev.is_some_and(|p| WORD_BEFORE.contains(&p))
        || next.is_some_and(|n| WORD_AFTER_ONE.contains(&n));
    if run.value == 1.0 && one_in_word {
        return None;
    }
    Some(run.value)
}

// ---------------------------------------------------------------------------------------
// Latin tokens
// ---------------------------------------------------------------------------------------

/// Latin-script words inside Chinese text (`APEC`, `BRICS`, `CGTN`, `G20`, `5G`, `WTO`),
/// uppercased. Chinese transcripts keep acronyms and brand names in Latin script, and the
/// English side spells them the same way, so they are near-certain anchors. Full-width
/// letters are folded to ASCII; runs must contain a letter and be at least two characters
/// long (a lone letter is usually a list label).
pub fn latin_tokens(zh_text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if cur.chars().count() >= 2 && cur.chars().any(|c| c.is_ascii_alphabetic()) {
            out.push(cur.to_ascii_uppercase());
        }
        cur.clear();
    };
    for c in zh_text.chars() {
        let c = fold_fullwidth(c);
        if c.is_ascii_alphanumeric() {
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn fold_fullwidth(c: char) -> char {
    match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Acronyms in English text: all-capital tokens of at least two letters (`APEC`, `BRICS`,
/// `CPC`, `SCO`), letter–digit names (`G20`, `5G`), and dotted forms with the dots
/// removed (`U.N.` → `UN`). A plural `s` is dropped (`NGOs` → `NGO`). These are what the
/// Chinese side keeps in Latin script (see [`latin_tokens`]). `US` directly before `$` is
/// a currency prefix, not a name, and is skipped, as are Roman numerals (`II`, `XX`).
pub fn en_acronyms(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = String::new();
        // Letters, digits and dots between single letters (U.N., U.S.A.).
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_alphanumeric() {
                tok.push(c);
                i += 1;
            } else if c == '.'
                && i > start
                && chars[i - 1].is_ascii_uppercase()
                && (i + 1 >= chars.len() || !chars[i + 1].is_ascii_lowercase())
                && (i < 2 || !chars[i - 2].is_ascii_alphanumeric())
            {
                i += 1;
            } else {
                break;
            }
        }
        let base = match tok.strip_suffix('s') {
            Some(b) if b.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2 => b,
            _ => tok.as_str(),
        };
        let letters = base.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let all_caps = base
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let digits = base.len() - letters;
        let good = all_caps && base.len() >= 2 && (letters >= 2 || (letters >= 1 && digits >= 1));
        let currency = chars.get(i) == Some(&'$');
        // Roman numerals (World War II) are ordinals, not names.
        let roman = base.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        if good && !currency && !roman {
            out.push(base.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> Vec<f64> {
        en_numbers(s).iter().map(|n| n.value).collect()
    }

    fn zh(s: &str) -> Vec<f64> {
        zh_numbers(s).iter().map(|n| n.value).collect()
    }

    fn strong_zh(s: &str) -> Vec<Number> {
        zh_numbers(s).into_iter().filter(|n| !n.weak).collect()
    }

    /// The first number of each side must be equal.
    fn same(e: &str, z: &str) {
        let a = en_numbers(e);
        let b = zh_numbers(z);
        assert!(!a.is_empty(), "no number in {e:?}");
        assert!(!b.is_empty(), "no number in {z:?}");
        assert_eq!(a[0], b[0], "{e:?} vs {z:?}: {a:?} / {b:?}");
        assert_eq!(a[0].key(), b[0].key());
    }

    #[test]
    fn years() {
        same("The year 2024 saw", "2024年是");
        assert_eq!(en_numbers("in 2024")[0].kind, NumberKind::Year);
        assert_eq!(zh_numbers("2024年")[0].kind, NumberKind::Year);
        let y = zh_numbers("二〇二五年");
        assert_eq!(y.len(), 1);
        assert_eq!(y[0].value, 2025.0);
        assert_eq!(y[0].kind, NumberKind::Year);
        assert_eq!(zh("一九四五年"), vec![1945.0]);
        assert_eq!(en("the 1990s"), vec![1990.0]);
    }

    #[test]
    fn anniversaries_and_ordinals() {
        same("the 75th anniversary", "建交75周年");
        same("the 75th anniversary", "七十五周年");
        same("the seventy-fifth anniversary", "75周年");
        same("the 14th National People's Congress", "十四届全国人大");
        same("the Third Session", "三次会议");
        assert_eq!(zh("第三十三次领导人非正式会议"), vec![33.0]);
        assert_eq!(zh_numbers("第三十三次")[0].kind, NumberKind::Ordinal);
        assert_eq!(en("the thirty-third meeting"), vec![33.0]);
        assert_eq!(en("the twentieth"), vec![20.0]);
        assert_eq!(zh("十四"), vec![14.0]);
        same("the 20th National Congress", "二十大");
    }

    #[test]
    fn multipliers() {
        same("the 1.4 billion Chinese people", "14亿中国人民");
        same("1.5 million", "150万");
        same("1.5 million", "一百五十万");
        assert_eq!(zh("7.9万余起"), vec![79_000.0]);
        assert_eq!(zh("1.5万亿"), vec![1.5e12]);
        assert_eq!(zh("十四亿"), vec![1.4e9]);
        assert_eq!(zh("一亿三千万"), vec![1.3e8]);
        assert_eq!(en("a million"), vec![1e6]);
        assert_eq!(en("one hundred and fifty"), vec![150.0]);
        assert_eq!(en("three thousand two hundred"), vec![3200.0]);
    }

    #[test]
    fn money() {
        same("a record US$240 billion", "2400亿美元");
        same("US\u{24}200 billion", "2000亿美元");
        same("240 billion dollars", "2400亿美元");
        assert_eq!(en_numbers("US$240 billion")[0].kind, NumberKind::Money);
        assert_eq!(zh_numbers("2400亿美元")[0].kind, NumberKind::Money);
        assert!(!en_acronyms("US$240 billion").contains(&"US".to_string()));
    }

    #[test]
    fn approximations() {
        same(
            "more than 130 diplomatic engagements",
            "130多场外事会谈会见",
        );
        same("more than 100 meetings", "百余场会见");
        same("over 300 events", "300多场活动");
        same("over 100 years ago", "一百多年前");
        same("nearly 600", "近600场");
    }

    #[test]
    fn thousands() {
        same("3,000", "3000");
        same("3,000", "三千");
        same("three thousand", "三千条");
        assert_eq!(en("1,2 and 3"), vec![1.0, 2.0, 3.0]);
        assert_eq!(en("3,000.5"), vec![3000.5]);
    }

    #[test]
    fn percentages() {
        same("25%", "25%");
        same("25%", "百分之二十五");
        same("25 percent", "25％");
        same("25 per cent", "百分之25");
        same("100%", "百分之百");
        assert_ne!(en_numbers("25%")[0], zh_numbers("25个")[0]);
        same("three quarters", "四分之三");
        same("two thirds", "三分之二");
    }

    #[test]
    fn dates() {
        assert_eq!(en("On March 7, 2025"), vec![3.0, 7.0, 2025.0]);
        assert_eq!(zh("2025年3月7日"), vec![2025.0, 3.0, 7.0]);
        assert_eq!(en("7 May"), vec![7.0, 5.0]);
        assert_eq!(en("May I ask"), Vec::<f64>::new());
        assert_eq!(en("in November"), vec![11.0]);
        assert_eq!(zh("今年11月"), vec![11.0]);
    }

    #[test]
    fn weak_small_numbers() {
        let e = en_numbers("the two countries");
        let z = zh_numbers("中俄两国");
        assert_eq!(e.len(), 1);
        assert_eq!(z.len(), 1);
        assert!(e[0].weak && z[0].weak);
        assert_eq!(e[0], z[0]);
        assert!(en_numbers("First, China")[0].weak);
        assert!(zh_numbers("一是中国")[0].weak);
        assert!(!en_numbers("2 countries")[0].weak);
        assert!(!en_numbers("three")[0].weak);
        assert_eq!(en("a new chapter"), Vec::<f64>::new());
    }

    #[test]
    fn chinese_words_are_not_numbers() {
        assert!(strong_zh("共建一带一路").is_empty());
        assert!(zh_numbers("一带一路").is_empty());
        assert!(zh_numbers("实现完全统一").is_empty());
        assert!(zh_numbers("同各国一道").is_empty());
        assert!(zh_numbers("携手一起").is_empty());
        assert!(zh_numbers("十分荒谬").is_empty());
        assert!(zh_numbers("百年变局").is_empty());
        assert!(zh_numbers("千家万户").is_empty());
        assert!(zh_numbers("十字路口").is_empty());
        assert!(zh_numbers("几十年").is_empty());
        assert!(zh_numbers("三八国际妇女节").is_empty());
        assert!(zh_numbers("五六个国家").is_empty());
        assert!(zh_numbers("唯一可以居住的星球").is_empty());
        assert!(zh_numbers("五星红旗").is_empty());
        assert!(zh_numbers("四面八方").is_empty());
        assert!(zh_numbers("一切").is_empty());
        assert!(zh_numbers("统一起来").is_empty());
    }

    #[test]
    fn chinese_counts() {
        assert_eq!(zh("三大主场外交"), vec![3.0]);
        assert_eq!(zh("四次重要出访"), vec![4.0]);
        assert_eq!(zh("普京总统三次面对面会晤"), vec![3.0]);
        assert_eq!(zh("四个政治文件"), vec![4.0]);
        assert_eq!(zh("十年"), vec![10.0]);
        assert_eq!(zh("第三届"), vec![3.0]);
        assert_eq!(zh("“十五五”规划"), vec![15.0]);
        assert_eq!(en("the 15th Five-Year Plan"), vec![15.0, 5.0]);
        assert_eq!(zh("第2758号决议"), vec![2758.0]);
        assert_eq!(en("Resolution 2758"), vec![2758.0]);
    }

    #[test]
    fn alphanumeric_names_are_not_numbers() {
        assert!(en_numbers("the G20 and 5G").is_empty());
        assert!(zh_numbers("G20和5G").is_empty());
    }

    #[test]
    fn latin_and_acronyms() {
        assert_eq!(
            latin_tokens("深圳APEC和金砖BRICS，CGTN记者，G20与5G，ｗｔｏ"),
            vec!["APEC", "BRICS", "CGTN", "G20", "5G", "WTO"]
        );
        assert!(latin_tokens("A股").is_empty());
        assert_eq!(
            en_acronyms("The U.N. and APEC, BRICS, the CPC, SCO, G20, 5G and NGOs. I am."),
            vec!["UN", "APEC", "BRICS", "CPC", "SCO", "G20", "5G", "NGO"]
        );
        assert_eq!(en_acronyms("the U.S.-China talks"), vec!["US"]);
        assert!(en_acronyms("A Big Day").is_empty());
        assert!(en_acronyms("World War II").is_empty());
    }

    #[test]
    fn samples_yield_numbers_without_panicking() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                let _ = en_numbers(&text);
                assert!(!zh_numbers(&text).is_empty());
            }
        }
    }
}
