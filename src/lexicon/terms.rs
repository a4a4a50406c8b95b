//! The bundled list of official term renderings (`data/terms.tsv`) and a user-supplied
//! list in the same format.
//!
//! Diplomatic Chinese is built from fixed formulas (人类命运共同体, 全球南方, 不结盟、不对抗、
//! 不针对第三方) whose official English renderings are just as fixed. A term found on the
//! Chinese side whose rendering also appears on the English side is strong evidence that
//! two sentences are translations of each other, and the list doubles as a glossary.
//! The file format is described in the comment header of `data/terms.tsv`.

use super::IdMap;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The categories a term may have; anything else is a parse error, so typos in a user's
/// file are caught instead of silently creating a new category.
pub const CATEGORIES: &[&str] = &[
    "concept",
    "initiative",
    "organization",
    "forum",
    "event",
    "treaty",
    "title",
    "person",
    "place",
    "media",
    "other",
];

/// One entry of a term list: a Chinese form and its English renderings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The Chinese form as written in the file.
    pub zh: String,
    /// English renderings, preferred first (what a glossary or TM should use).
    pub en: Vec<String>,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// For each rendering in `en` (same index), the ISO dates of the source documents that
    /// used it, so a caller can prefer the rendering current at a document's date.
    pub dates: Vec<Vec<String>>,
    /// `zh` with quotation marks and whitespace removed: the form actually matched.
    key: Vec<char>,
    /// Each rendering tokenized for [`en_mentions`].
    patterns: Vec<Pattern>,
}

impl Term {
    /// The rendering used most recently on or before `date` (ISO `YYYY-MM-DD`), falling
    /// back to the preferred one: renderings change over time ("for mankind" became "for
    /// humanity" in 2026), and output for an old document should follow its own era.
    pub fn rendering_for_date(&self, date: &str) -> &str {
        let mut best: Option<(&str, usize)> = None;
        for (i, dates) in self.dates.iter().enumerate() {
            for d in dates.iter().filter(|d| d.as_str() <= date) {
                if best.is_none_or(|(b, _)| d.as_str() > b) {
                    best = Some((d.as_str(), i));
                }
            }
        }
        let index = best.map_or(0, |(_, i)| i);
        self.en.get(index).map_or("", String::as_str)
    }
}

impl Term {
    /// Builds a term from its parts, with the checks [`parse_terms`] applies to a line
    /// (known category, non-empty forms, dates naming one of the renderings), so that term
    /// lists in other layouts (a user's CSV or TBX glossary) end up as the same values.
    /// `dates` pairs a rendering with ISO dates; the error is a message without position,
    /// for the caller to prefix with its file and line.
    pub fn new(
        zh: &str,
        en: Vec<String>,
        category: &str,
        dates: &[(String, Vec<String>)],
    ) -> Result<Term, String> {
        let key = zh_key(zh);
        if key.is_empty() {
            return Err("empty Chinese form".to_string());
        }
        let mut renderings: Vec<String> = Vec::new();
        for e in en.into_iter().map(|e| e.trim().to_string()) {
            if !e.is_empty() && !renderings.contains(&e) {
                renderings.push(e);
            }
        }
        if renderings.is_empty() {
            return Err(format!("no English rendering for {zh}"));
        }
        if !CATEGORIES.contains(&category) {
            return Err(format!(
                "unknown category {category:?} (expected one of {})",
                CATEGORIES.join(", ")
            ));
        }
        let mut by_rendering = vec![Vec::new(); renderings.len()];
        for (rendering, list) in dates {
            let Some(i) = renderings.iter().position(|e| e == rendering.trim()) else {
                return Err(format!(
                    "date group names {rendering:?}, which is not among the renderings"
                ));
            };
            for d in list {
                if !is_iso_date(d) {
                    return Err(format!("bad date {d:?} (expected YYYY-MM-DD)"));
                }
                by_rendering[i].push(d.clone());
            }
        }
        let patterns = renderings.iter().map(|e| Pattern::of(e)).collect();
        Ok(Term {
            zh: zh.trim().to_string(),
            en: renderings,
            category: category.to_string(),
            dates: by_rendering,
            key,
            patterns,
        })
    }

    /// The Chinese form as matched (quotation marks, book-title marks and whitespace
    /// removed): two entries with the same key are the same term, whatever their marks.
    pub fn key_text(&self) -> String {
        self.key.iter().collect()
    }

    /// Indexes (into `en`) of the renderings an English text uses, with the tolerance of
    /// [`en_mentions`]. A report of which rendering a translation chose needs to know the
    /// rendering, not only that one of them occurs.
    pub fn renderings_in(&self, en: &str) -> Vec<usize> {
        let words = EnWords::new(en);
        self.patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| mentions_words(std::slice::from_ref(*p), &words))
            .map(|(i, _)| i)
            .collect()
    }

    /// Where an English text uses each rendering: (index into `en`, first word, end word)
    /// per occurrence, in words of the text, with the tolerance of [`en_mentions`]. A
    /// report that must not count a phrase inside a longer name (睦邻友好 in the English of
    /// 中俄睦邻友好合作条约) compares these spans.
    pub fn rendering_spans(&self, en: &str) -> Vec<(usize, usize, usize)> {
        let words = en_words(en);
        let mut out = Vec::new();
        for (i, pat) in self.patterns.iter().map(|p| &p.words).enumerate() {
            if pat.is_empty() || words.len() < pat.len() {
                continue;
            }
            for (start, w) in words.windows(pat.len()).enumerate() {
                if w.iter()
                    .zip(pat)
                    .all(|(t, p)| word_matches(p, &t.text, t.caps))
                {
                    out.push((i, start, start + pat.len()));
                }
            }
        }
        out
    }
}

/// The matching form of a Chinese string (see [`Term::key_text`]).
pub fn zh_key_text(s: &str) -> String {
    s.chars().filter(|c| !zh_ignored(*c)).collect()
}

/// Characters ignored in Chinese matching: quotation and book-title marks and whitespace,
/// which appear or not around the same term (人民日报 / 《人民日报》, line breaks inside a
/// phrase in newspaper text).
fn zh_ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '"'
                | '\''
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '「'
                | '」'
                | '『'
                | '』'
        )
}

fn zh_key(s: &str) -> Vec<char> {
    s.chars().filter(|c| !zh_ignored(*c)).collect()
}

/// An English word for matching: lowercased, dots removed, and whether it was written in
/// capitals (an acronym such as `US`, which must not match the pronoun `us`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    text: String,
    caps: bool,
}

fn en_words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_en_word(s, |text, caps| {
        out.push(Word {
            text: text.to_string(),
            caps,
        })
    });
    out
}

/// Calls `each` with every word of `s` for matching, lowercased (into one reused buffer,
/// so a text's words cost no allocation each), and whether it was written in capitals.
fn for_each_en_word(s: &str, mut each: impl FnMut(&str, bool)) {
    let mut cur = String::new();
    let mut lower = String::new();
    let mut flush = |cur: &mut String| {
        if !cur.is_empty() {
            super::lowercase_into(&mut lower, cur);
            // An ASCII word (nearly all) is measured on its bytes; the same tests.
            let (letters, no_lower) = if cur.is_ascii() {
                (
                    cur.bytes().filter(u8::is_ascii_alphabetic).count(),
                    !cur.bytes().any(|b| b.is_ascii_lowercase()),
                )
            } else {
                (
                    cur.chars().filter(|c| c.is_alphabetic()).count(),
                    cur.chars().all(|c| !c.is_lowercase()),
                )
            };
            each(&lower, letters >= 2 && no_lower);
            cur.clear();
        }
    };
    for c in s.chars() {
        if c == '.' {
            continue;
        }
        if c.is_alphanumeric() {
            cur.push(c);
        } else {
            flush(&mut cur);
        }
    }
    flush(&mut cur);
}

/// Whether text word `t` is pattern word `p` or an inflected form of it: plural and verb
/// endings (`-s`, `-es`, `-d`, `-ed`, `-ing`, `y`→`ies`), `-n`/`-an` adjectives of
/// place names ending in a vowel (Asia → Asian, Europe → European), and `-ese` ones
/// (China → Chinese, Japan → Japanese): 中国梦 is the "Chinese Dream", a use of 中国 that
/// `terms --check` must not report as a pair lacking "China".
fn word_matches(p: &Word, t: &str, t_caps: bool) -> bool {
    if p.caps && !t_caps {
        return false;
    }
    let p = p.text.as_str();
    // Every match below has `t` begin with `p` or with `p` less its last letter (at least
    // two letters): a different first byte rules them all out, cheaply.
    if p.as_bytes().first() != t.as_bytes().first() {
        return false;
    }
    if p == t {
        return true;
    }
    let n = p.chars().count();
    if n >= 3 {
        if let Some(rest) = t.strip_prefix(p) {
            if matches!(rest, "s" | "es" | "d" | "ed" | "ing") {
                return true;
            }
            if n >= 4 && (p.ends_with('a') || p.ends_with('e')) && matches!(rest, "n" | "an") {
                return true;
            }
            if n >= 4 && rest == "ese" {
                return true;
            }
        }
        if let Some(stem) = p.strip_suffix('a') {
            if n >= 4 && t.strip_prefix(stem) == Some("ese") {
                return true;
            }
        }
        if let Some(stem) = p.strip_suffix('y') {
            if t.strip_prefix(stem)
                .is_some_and(|r| r == "ies" || r == "ied")
            {
                return true;
            }
        }
        if let Some(stem) = p.strip_suffix('e') {
            if t.strip_prefix(stem).is_some_and(|r| r == "ing") {
                return true;
            }
        }
    }
    false
}

/// The first two bytes of a word (the second 0 for a word of one byte). [`word_matches`]
/// pairs a text word only with a pattern word of the same head: every match has the text
/// word begin with the pattern word, or with the pattern word less its last letter when
/// that leaves two bytes or more, or equal it.
fn head(word: &str) -> u16 {
    match word.as_bytes() {
        [] => 0,
        [b] => u16::from(*b) << 8,
        [b, c, ..] => (u16::from(*b) << 8) | u16::from(*c),
    }
}

/// A set of word heads (see [`head`]) in 1,024 bits, several heads sharing a bit: a
/// rendering one of whose heads is missing from a text cannot match anywhere in it, which
/// rules out most of the bundled terms' renderings for most sentences in one test.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Heads([u64; 16]);

impl Heads {
    fn insert(&mut self, head: u16) {
        let bit = ((usize::from(head >> 8) * 37) + usize::from(head & 0xff)) % 1024;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Does the set have (the bits of) every head of `needed`?
    fn holds_all(&self, needed: &Heads) -> bool {
        self.0
            .iter()
            .zip(&needed.0)
            .all(|(have, need)| need & !have == 0)
    }
}

/// A rendering split into the words [`en_mentions`] matches, with their heads (see
/// [`head`]), which a text's words must repeat in the same order for the rendering to match.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pattern {
    words: Vec<Word>,
    heads: Vec<u16>,
    /// The set of `heads`; `None` when a word is empty (it can match nothing).
    needs: Option<Heads>,
}

impl Pattern {
    fn of(rendering: &str) -> Pattern {
        let words = en_words(rendering);
        let heads: Vec<u16> = words.iter().map(|w| head(&w.text)).collect();
        let needs = words.iter().all(|w| !w.text.is_empty()).then(|| {
            let mut set = Heads::default();
            for &h in &heads {
                set.insert(h);
            }
            set
        });
        Pattern {
            words,
            heads,
            needs,
        }
    }
}

fn mentions_words(patterns: &[Pattern], text: &EnWords) -> bool {
    patterns.iter().any(|p| {
        let n = p.words.len();
        n > 0
            && text.heads.len() >= n
            && p.needs.is_some_and(|needed| text.has.holds_all(&needed))
            && text.heads[..=text.heads.len() - n]
                .iter()
                .enumerate()
                .filter(|&(_, &h)| h == p.heads[0])
                .any(|(start, _)| p.matches_at(text, start))
    })
}

impl Pattern {
    /// Whether the rendering matches the text's words from word `start` on.
    fn matches_at(&self, text: &EnWords, start: usize) -> bool {
        let n = self.words.len();
        n > 0
            && start + n <= text.heads.len()
            // The heads first (comparisons of numbers), the words only where they all agree.
            && (0..n).all(|k| text.heads[start + k] == self.heads[k])
            && self.words.iter().enumerate().all(|(k, w)| {
                let (t, caps) = text.word(start + k);
                word_matches(w, t, caps)
            })
    }
}

/// The renderings of several terms indexed by the head of their first word (see [`head`]),
/// for finding which of the terms English texts mention: a pass over a text's words with
/// one look-up each, instead of a pass per term. The aligner checks every English sentence
/// of a document against the terms its Chinese side uses.
pub struct MentionIndex<'t> {
    terms: Vec<&'t Term>,
    /// (head of the first word, term index, rendering index), sorted.
    by_head: Vec<(u16, u32, u32)>,
}

impl<'t> MentionIndex<'t> {
    /// The index of `terms` (their order is the order [`MentionIndex::mentioned`] reports).
    pub fn new(terms: Vec<&'t Term>) -> Self {
        let mut by_head = Vec::new();
        for (t, term) in terms.iter().enumerate() {
            for (p, pattern) in term.patterns.iter().enumerate() {
                // A rendering with an empty word can match nothing (see `mentions_words`).
                if pattern.needs.is_some() {
                    if let Some(&h) = pattern.heads.first() {
                        by_head.push((h, t as u32, p as u32));
                    }
                }
            }
        }
        by_head.sort_unstable();
        MentionIndex { terms, by_head }
    }

    /// The terms, in the order given.
    pub fn terms(&self) -> &[&'t Term] {
        &self.terms
    }

    /// The indices (into [`MentionIndex::terms`]) of the terms `words` mentions, ascending:
    /// the terms for which [`en_mentions_in`] holds.
    pub fn mentioned(&self, words: &EnWords) -> Vec<usize> {
        let mut found = vec![false; self.terms.len()];
        for (start, &h) in words.heads.iter().enumerate() {
            let from = self.by_head.partition_point(|&(x, _, _)| x < h);
            for &(_, t, p) in self.by_head[from..].iter().take_while(|&&(x, _, _)| x == h) {
                let t = t as usize;
                if !found[t] && self.terms[t].patterns[p as usize].matches_at(words, start) {
                    found[t] = true;
                }
            }
        }
        (0..found.len()).filter(|&t| found[t]).collect()
    }
}

/// Whether an English text mentions a term in any of its renderings. Case-insensitive,
/// word-bounded, ignores dots and punctuation (`U.N.` = `UN`, `Leaders'` = `Leaders`),
/// and tolerates plural and inflection endings (`communities`, `Asian`); renderings in
/// capitals only match capitals (`U.S.` is not the pronoun `us`). This is how the aligner
/// checks that a sentence carries the translation of a term found on the Chinese side.
pub fn en_mentions(term: &Term, en: &str) -> bool {
    en_mentions_in(term, &EnWords::new(en))
}

/// An English text split into the words [`en_mentions`] matches, so that a text checked
/// for many terms is split once, not once per term. The words are kept in one string (a
/// sentence costs a few allocations, not one per word), with their heads (see [`head`]).
pub struct EnWords {
    /// The lower-case words, one after another.
    text: String,
    /// Each word's end in `text` (it starts where the one before ends) and whether it was
    /// written in capitals.
    words: Vec<(u32, bool)>,
    /// Each word's head.
    heads: Vec<u16>,
    /// The set of `heads`.
    has: Heads,
}

impl EnWords {
    /// The words of `en`.
    pub fn new(en: &str) -> Self {
        let mut out = EnWords {
            text: String::with_capacity(en.len()),
            words: Vec::new(),
            heads: Vec::new(),
            has: Heads::default(),
        };
        if en.is_ascii() {
            // Nearly every English sentence: the words of `for_each_en_word`, lowercased
            // straight into `text` byte by byte.
            let (mut start, mut letters, mut lower) = (0, 0usize, false);
            for &b in en.as_bytes() {
                if b == b'.' {
                    continue;
                }
                if b.is_ascii_alphanumeric() {
                    out.text.push(char::from(b.to_ascii_lowercase()));
                    letters += usize::from(b.is_ascii_alphabetic());
                    lower |= b.is_ascii_lowercase();
                } else if out.text.len() > start {
                    out.push_word(start, letters >= 2 && !lower);
                    (start, letters, lower) = (out.text.len(), 0, false);
                }
            }
            if out.text.len() > start {
                out.push_word(start, letters >= 2 && !lower);
            }
        } else {
            for_each_en_word(en, |w, caps| {
                let start = out.text.len();
                out.text.push_str(w);
                out.push_word(start, caps);
            });
        }
        out
    }

    /// Records the word that `text` holds from `start` to its end.
    fn push_word(&mut self, start: usize, caps: bool) {
        let h = head(&self.text[start..]);
        self.words.push((self.text.len() as u32, caps));
        self.heads.push(h);
        self.has.insert(h);
    }

    /// Word `k` and whether it was written in capitals.
    fn word(&self, k: usize) -> (&str, bool) {
        let start = k
            .checked_sub(1)
            .map_or(0, |before| self.words[before].0 as usize);
        let (end, caps) = self.words[k];
        (&self.text[start..end as usize], caps)
    }
}

/// [`en_mentions`] on a text already split into words.
pub fn en_mentions_in(term: &Term, words: &EnWords) -> bool {
    mentions_words(&term.patterns, words)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Parses a term list in the `data/terms.tsv` format (see the header of that file).
/// Errors name `source_name` and the 1-based line number, so a user's `--terms FILE` can
/// be fixed from the message alone. Rejects unknown categories, renderings in `dates`
/// that are not among `en`/`variants`, malformed dates and duplicate Chinese forms.
pub fn parse_terms(text: &str, source_name: &str) -> Result<Vec<Term>, String> {
    let mut terms: Vec<Term> = Vec::new();
    let mut seen: HashMap<Vec<char>, usize> = HashMap::new();
    let mut header_seen = false;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |msg: String| format!("{source_name}:{line_no}: {msg}");
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header_seen {
            header_seen = true;
            if fields.first() == Some(&"zh") {
                continue;
            }
            return Err(err(
                "expected the header line `zh<TAB>en<TAB>category<TAB>variants<TAB>dates`"
                    .to_string(),
            ));
        }
        if !(3..=5).contains(&fields.len()) {
            return Err(err(format!(
                "expected 3 to 5 tab-separated columns, found {}",
                fields.len()
            )));
        }
        let zh = fields[0];
        let key = zh_key(zh);
        if key.is_empty() {
            return Err(err("empty Chinese form".to_string()));
        }
        if fields[1].is_empty() {
            return Err(err(format!("no English rendering for {zh}")));
        }
        let category = fields[2];
        if !CATEGORIES.contains(&category) {
            return Err(err(format!(
                "unknown category {category:?} (expected one of {})",
                CATEGORIES.join(", ")
            )));
        }
        let mut en = vec![fields[1].to_string()];
        if let Some(variants) = fields.get(3) {
            for v in variants.split('|').map(str::trim).filter(|v| !v.is_empty()) {
                if !en.iter().any(|e| e == v) {
                    en.push(v.to_string());
                }
            }
        }
        let mut dates = vec![Vec::new(); en.len()];
        if let Some(groups) = fields.get(4) {
            for group in groups.split('|').map(str::trim).filter(|g| !g.is_empty()) {
                let Some((rendering, list)) = group.rsplit_once('@') else {
                    return Err(err(format!("date group {group:?} lacks `@`")));
                };
                let Some(i) = en.iter().position(|e| e == rendering.trim()) else {
                    return Err(err(format!(
                        "date group names {rendering:?}, which is not among the renderings"
                    )));
                };
                for d in list.split(',').map(str::trim) {
                    if !is_iso_date(d) {
                        return Err(err(format!("bad date {d:?} (expected YYYY-MM-DD)")));
                    }
                    dates[i].push(d.to_string());
                }
            }
        }
        if let Some(first) = seen.get(&key) {
            return Err(err(format!(
                "duplicate Chinese form {zh} (first on line {first})"
            )));
        }
        seen.insert(key.clone(), line_no);
        let patterns = en.iter().map(|e| Pattern::of(e)).collect();
        terms.push(Term {
            zh: zh.to_string(),
            en,
            category: category.to_string(),
            dates,
            key,
            patterns,
        });
    }
    Ok(terms)
}

/// The bundled list, parsed once on first use. The file ships with the crate and is
/// checked by the tests, so a parse failure cannot happen in a released build; should it
/// happen anyway, the list is empty rather than a panic.
pub fn bundled() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        parse_terms(include_str!("../../data/terms.tsv"), "data/terms.tsv").unwrap_or_default()
    })
}

/// A lookup structure over a term list: terms indexed by the first character of their
/// Chinese key, longest first, so a scan of a text tries only the few terms that can
/// start at each position. Build it once per list and reuse it for every sentence.
pub struct TermIndex<'a> {
    terms: &'a [Term],
    /// Only looked up (and each list sorted on its own), so the fast hasher cannot change
    /// what is found.
    by_first: IdMap<char, Vec<usize>>,
}

impl<'a> TermIndex<'a> {
    /// Indexes `terms` (cost linear in the total length of their keys).
    pub fn new(terms: &'a [Term]) -> TermIndex<'a> {
        let mut by_first: IdMap<char, Vec<usize>> = IdMap::default();
        for (i, t) in terms.iter().enumerate() {
            if let Some(&c) = t.key.first() {
                by_first.entry(c).or_default().push(i);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(terms[i].key.len()));
        }
        TermIndex { terms, by_first }
    }

    /// Terms whose Chinese form occurs in `zh`, each once, in order of first occurrence.
    /// Matching is leftmost-longest without overlaps: inside 人类命运共同体 the shorter
    /// 命运共同体 is not counted again, so one phrase is one piece of evidence.
    pub fn find_in_zh(&self, zh: &str) -> Vec<&'a Term> {
        let text = zh_key(zh);
        let mut found: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let hit = self.by_first.get(&text[i]).and_then(|cands| {
                cands
                    .iter()
                    .copied()
                    .find(|&t| text[i..].starts_with(&self.terms[t].key))
            });
            match hit {
                Some(t) => {
                    if !found.contains(&t) {
                        found.push(t);
                    }
                    i += self.terms[t].key.len().max(1);
                }
                None => i += 1,
            }
        }
        found.into_iter().map(|t| &self.terms[t]).collect()
    }
}

/// Terms whose Chinese occurs in `zh` (leftmost-longest, no overlapping double counting;
/// see [`TermIndex::find_in_zh`]). For the [`bundled`] list the index is built once and
/// cached; for any other list it is built per call, so callers with their own list and
/// many sentences should keep a [`TermIndex`] instead.
pub fn find_in_zh<'a>(terms: &'a [Term], zh: &str) -> Vec<&'a Term> {
    static BUNDLED: OnceLock<TermIndex<'static>> = OnceLock::new();
    let builtin = bundled();
    if std::ptr::eq(terms, builtin) {
        return BUNDLED
            .get_or_init(|| TermIndex::new(builtin))
            .find_in_zh(zh);
    }
    TermIndex::new(terms).find_in_zh(zh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn term(zh: &str) -> &'static Term {
        bundled()
            .iter()
            .find(|t| t.zh == zh)
            .unwrap_or_else(|| panic!("{zh} not in the bundled list"))
    }

    /// (date, Chinese key text, English lines) for each sample file.
    fn samples() -> Vec<(String, Vec<char>, String)> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut out = Vec::new();
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .expect("samples/ exists")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // samples/README.md describes the samples; it is not one (export skips it too).
            if name.to_lowercase().starts_with("readme") {
                continue;
            }
            let date = name.get(4..14).unwrap_or("").to_string();
            assert!(is_iso_date(&date), "sample name {name} carries a date");
            let text = std::fs::read_to_string(&path).expect("sample is UTF-8");
            let english: Vec<&str> = text
                .lines()
                .filter(|l| {
                    l.chars()
                        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                        .count()
                        < 3
                })
                .collect();
            out.push((date, zh_key(&text), english.join("\n")));
        }
        out
    }

    #[test]
    fn bundled_file_parses() {
        let parsed = parse_terms(include_str!("../../data/terms.tsv"), "data/terms.tsv");
        let terms = parsed.expect("bundled list parses");
        assert!(terms.len() >= 150, "only {} terms", terms.len());
        assert_eq!(terms.len(), bundled().len());
    }

    #[test]
    fn no_duplicate_chinese_keys() {
        let mut keys: Vec<&Vec<char>> = bundled().iter().map(|t| &t.key).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn every_term_is_attested_in_the_samples() {
        let samples = samples();
        for t in bundled() {
            assert!(
                samples
                    .iter()
                    .any(|(_, zh, _)| zh.windows(t.key.len()).any(|w| w == t.key.as_slice())),
                "{} does not occur in any sample",
                t.zh
            );
            assert!(
                samples.iter().any(|(_, _, en)| en_mentions(t, en)),
                "no rendering of {} ({:?}) occurs in an English sample",
                t.zh,
                t.en
            );
            // Every recorded date is a sample whose English uses that rendering.
            for (rendering, dates) in t.en.iter().zip(&t.dates) {
                let pattern = vec![Pattern::of(rendering)];
                for d in dates {
                    let sample = samples.iter().find(|(sd, _, en)| sd == d && !en.is_empty());
                    let (_, _, en) = sample.unwrap_or_else(|| panic!("no sample dated {d}"));
                    assert!(
                        {
                            let words = EnWords::new(en);
                            mentions_words(&pattern, &words)
                        },
                        "{}: {rendering:?} not in the {d} sample",
                        t.zh
                    );
                }
            }
        }
    }

    /// The index finds, line by line of the English samples, exactly the terms that
    /// `en_mentions_in` finds one by one, with every bundled term a candidate.
    #[test]
    fn mention_index_agrees_with_en_mentions() {
        let index = MentionIndex::new(bundled().iter().collect());
        let mut found = 0;
        for (_, _, en) in samples() {
            for line in en.lines() {
                let words = EnWords::new(line);
                let one_by_one: Vec<usize> = (0..index.terms().len())
                    .filter(|&t| en_mentions_in(index.terms()[t], &words))
                    .collect();
                assert_eq!(index.mentioned(&words), one_by_one, "{line}");
                found += one_by_one.len();
            }
        }
        assert!(
            found > 100,
            "the samples mention the bundled terms ({found})"
        );
    }

    #[test]
    fn known_pairs() {
        let pairs = [
            (
                "人类命运共同体",
                "building a community with a shared future for mankind",
            ),
            (
                "人类命运共同体",
                "a community with a shared future for humanity",
            ),
            ("全球南方", "the Global South"),
            (
                "不结盟、不对抗、不针对第三方",
                "non-alliance, non-confrontation and not targeting any third party",
            ),
            ("中国式现代化", "Chinese modernization"),
            ("中国式现代化", "the Chinese path to modernization"),
            ("一带一路", "Belt and Road cooperation"),
            (
                "上海合作组织",
                "the Shanghai Cooperation Organization (SCO)",
            ),
            ("上海合作组织", "the SCO"),
            ("金砖", "BRICS"),
            ("联合国安理会", "the U.N. Security Council"),
            ("联合国安理会", "the UN Security Council"),
            ("习近平外交思想", "Xi Jinping Thought on Diplomacy"),
            ("王毅", "Wang Yi"),
            ("习近平", "Xi Jinping"),
            ("俄罗斯", "Russia"),
            ("美国", "the U.S."),
            ("美国", "the United States"),
            ("亚太经合组织", "APEC"),
            ("塔斯社", "ITAR-TASS"),
            ("新华社", "Xinhua News Agency"),
            ("中央广播电视总台央视", "China Central Television"),
            ("人民日报", "People's Daily"),
            ("美国有线电视新闻网", "CNN"),
            ("今日俄罗斯国际通讯社", "Rossiia Segodnya"),
        ];
        for (zh, en) in pairs {
            assert!(en_mentions(term(zh), en), "{zh} / {en}");
        }
    }

    #[test]
    fn english_matching_is_word_bounded_and_tolerant() {
        let t = term("人类命运共同体");
        assert!(en_mentions(
            t,
            "Communities with a shared future for mankind"
        ));
        assert!(!en_mentions(t, "a community with a shared future"));
        assert!(!en_mentions(term("美国"), "Let us talk"));
        assert!(!en_mentions(term("金砖"), "BRICSTONE"));
        assert!(!en_mentions(term("王毅"), "Wang Yinan"));
        assert!(en_mentions(term("亚洲"), "Asian countries"));
        // 中国梦 is the "Chinese Dream": the adjective is a use of "China".
        assert!(en_mentions(term("中国"), "the Chinese Dream"));
        assert!(!en_mentions(term("中国"), "Chin up"));
        assert!(en_mentions(term("联合国"), "the UN"));
    }

    #[test]
    fn chinese_matching_prefers_longest_without_overlap() {
        let terms = bundled();
        let found = find_in_zh(
            terms,
            "推动构建人类命运共同体，中俄新时代全面战略协作伙伴关系。",
        );
        let zh: Vec<&str> = found.iter().map(|t| t.zh.as_str()).collect();
        assert_eq!(zh, vec!["人类命运共同体", "中俄新时代全面战略协作伙伴关系"]);
        let found = find_in_zh(
            terms,
            "《人民日报》记者、新华社记者和美国有线电视新闻网记者",
        );
        let zh: Vec<&str> = found.iter().map(|t| t.zh.as_str()).collect();
        assert_eq!(zh, vec!["人民日报", "新华社", "美国有线电视新闻网"]);
        let found = find_in_zh(terms, "“一带一路”国际合作高峰论坛和一带一路");
        let zh: Vec<&str> = found.iter().map(|t| t.zh.as_str()).collect();
        assert_eq!(zh, vec!["“一带一路”国际合作高峰论坛", "一带一路"]);
        assert!(find_in_zh(terms, "").is_empty());
        // A list of one's own goes through the same code.
        let own = parse_terms("zh\ten\tcategory\n全球南方\tGlobal South\tconcept\n", "own")
            .expect("parses");
        assert_eq!(find_in_zh(&own, "全球南方国家").len(), 1);
    }

    #[test]
    fn rendering_follows_the_document_date() {
        let t = term("人类命运共同体");
        assert_eq!(
            t.rendering_for_date("2025-03-07"),
            "community with a shared future for mankind"
        );
        assert_eq!(
            t.rendering_for_date("2026-12-31"),
            "community with a shared future for humanity"
        );
        assert_eq!(t.rendering_for_date("2000-01-01"), t.en[0]);
    }

    #[test]
    fn parse_errors_carry_line_numbers() {
        let head = "# c\nzh\ten\tcategory\tvariants\tdates\n";
        let cases = [
            ("x\n", "f:1:"),
            ("中国\tChina\n", "f:3:"),
            ("中国\tChina\tnation\n", "unknown category"),
            ("中国\tChina\tplace\t\tPRC@2024-03-07\n", "not among"),
            ("中国\tChina\tplace\t\tChina@2024-3-7\n", "bad date"),
            ("中国\tChina\tplace\t\tChina\n", "lacks"),
            ("中国\t\tplace\n", "no English"),
            (
                "中国\tChina\tplace\n《中国》\tPRC\tplace\n",
                "f:4: duplicate",
            ),
        ];
        for (body, want) in cases {
            let text = if body == "x\n" {
                body.to_string()
            } else {
                format!("{head}{body}")
            };
            let e = parse_terms(&text, "f").expect_err(body);
            assert!(e.contains(want), "{body:?}: {e}");
        }
        let ok = parse_terms(
            &format!("{head}中国\tChina\tplace\tPRC|China\tPRC@2024-03-07\n"),
            "f",
        )
        .expect("parses");
        assert_eq!(ok[0].en, vec!["China", "PRC"]);
        assert_eq!(
            ok[0].dates,
            vec![Vec::<String>::new(), vec!["2024-03-07".to_string()]]
        );
    }
}
