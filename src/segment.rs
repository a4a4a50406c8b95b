//! Sentence segmentation for English and Chinese paragraphs.
//!
//! Translation memories are built from sentence pairs, so each paragraph of a transcript
//! is cut into sentences before alignment. The cutter never changes a character: it only
//! chooses cut points and trims the whitespace around them, so that every sentence can be
//! traced back to the source text verbatim.
//!
//! The rules are rule-based and linear in the length of the text (whole archives go
//! through here). Word lists and character classes live in `data/segment/` and are parsed
//! once on first use; the code below only holds the decisions that combine them:
//!
//! * **English**: `!` and `?` end a sentence unless a lower-case word follows; a period
//!   ends a sentence unless the word before it is a known abbreviation (`Mr.`, `e.g.`,
//!   `No. 2758`), a number's decimal point, part of a URL or e-mail address, or an
//!   ambiguous abbreviation (`U.S.`, `Co.`, an initial) not followed by a typical
//!   sentence starter. A short vowel-less word (`Rs.`, `lb.`) or a listed unit is an
//!   abbreviation that does not end a sentence before a number (`Rs. 500`). Three dots
//!   are an omission inside a sentence unless written unspaced (`...`, `…`) and followed
//!   by a sentence starter (`Happy... No one came.`); four are an ellipsis plus a period.
//!   Closing quotes and brackets, and citation markers (`.[1]`), stay on the sentence
//!   they close; a quotation is cut inside like any other text (`"I am tired. I want to
//!   go." Then …` gives three sentences, as in the Golden Rules). Numbered and lettered
//!   lists (`1. … 2. …`, `a) … b) …`) are cut before each item whose text starts with a
//!   capital; inline enumerations (`a) flour b) sugar`) are left whole. A section number
//!   opening a paragraph (`II. Protecting …`, `1.1. Version`) is not a sentence, nor is a
//!   number label before its text (`Figure 1.2. U.S. Navy radar`, `1.The` glued by a PDF). A `;` or
//!   `:` followed by a capitalised connective (`…in the earth: And God said`), as older
//!   English joins whole sentences, ends one after a clause of four words or more.
//! * **Chinese**: `。！？` (and `!` `?` `.` right after Chinese text) end a sentence,
//!   as does `……` when a new sentence follows; closing quotes and brackets stay on the
//!   sentence; nothing inside a matched pair of book-title brackets `《》` is ever cut;
//!   spaced dots (`. . .`, a symbol a PDF lost) are one run.
//!   Inside a curly quotation (`“…”`) an ellipsis is a pause or a stammer, not an end,
//!   unless the quotation closes after it.
//! * **Dialogue** (fiction): a quotation broken off by a dash ends its sentence when a
//!   new quotation follows (`to—' 'His Majesty?'`; Chinese `——”` before any new text),
//!   and dots closing a quotation end it even when spaced (`book . . .' Something`).
//! * **Both**: a line break inside a paragraph is a hard boundary (lists and verse are
//!   written one item per line; callers that want soft-wrapped lines joined should
//!   normalise whitespace first).

use crate::model::Lang;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// Minimum number of words a sentence must already have before an ambiguous abbreviation
/// (`U.S.`, `a.m.`, an initial) may close it when the next word is a weak starter
/// (`Mr.`, `Dr.`: `en_weak_starters.txt`), which begins names as often as sentences.
/// Short openings such as "At 5 a.m. Mr. Smith went …" are almost never complete
/// sentences, whereas "He left at 6 P.M. Mr. Smith …" is. Kept small so that genuine
/// short sentences ("I live in the U.S.") still end.
const MIN_CLAUSE_WORDS: usize = 4;

/// Minimum number of words before an ambiguous abbreviation may close a sentence when
/// the next word is an ordinary sentence starter (`He`, `The`, `It's`). Such a word after
/// a capital is a strong sign of a new sentence ("It's 5 p.m. We go."), so only a lone
/// abbreviation ("U.S. It …" at the very start) is refused.
const MIN_CLAUSE_WORDS_STRONG: usize = 2;

/// Minimum number of words of a clause before a `;` or `:` may end it as a sentence
/// (see `en_clause_cut`): short openings are labels ("Note: The …", "Q: What …").
const MIN_WORDS_BEFORE_CLAUSE_CUT: usize = 4;

/// Longest citation marker (in characters, brackets included) recognised after a
/// sentence end ("[12]", "[3, 4]", "[note 2]" is not one). Bounds the look-ahead.
const MAX_CITATION: usize = 16;

/// How far (in characters) the cutter looks back or ahead for the word around a mark.
/// Bounding the look keeps the whole pass linear even on pathological input (megabytes
/// without a space); real words are far shorter.
const MAX_WORD_LOOK: usize = 64;

/// Split one paragraph of `lang` text into trimmed, non-empty sentences.
///
/// This is the entry point the pipeline uses for every paragraph of a unit: alignment
/// works on sentences, so the quality of the translation memory depends on cutting at
/// true sentence ends only. Each returned sentence is a verbatim slice of `text` with the
/// surrounding whitespace trimmed; nothing else is changed. Empty or whitespace-only
/// input gives an empty vector.
pub fn split(lang: Lang, text: &str) -> Vec<String> {
    match lang {
        Lang::En => split_en(text),
        Lang::Zh => split_zh(text),
    }
}

/// Split an English paragraph into sentences (see the module documentation for rules).
///
/// Exposed separately so callers and tests that already know the language need not
/// build a [`Lang`]; [`split`] dispatches here for [`Lang::En`].
pub fn split_en(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let cuts = en_cuts(&chars);
    pieces(text, &chars, cuts)
}

/// Split a Chinese paragraph into sentences (see the module documentation for rules).
///
/// Exposed separately for the same reason as [`split_en`]; [`split`] dispatches here for
/// [`Lang::Zh`].
pub fn split_zh(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let cuts = zh_cuts(&chars);
    pieces(text, &chars, cuts)
}

// ---------------------------------------------------------------------------------------
// Rule data
// ---------------------------------------------------------------------------------------

/// The splitter's word lists and character classes, parsed once from `data/segment/`.
struct Rules {
    /// Abbreviations after which a period never ends a sentence (`mr`, `e.g`).
    never_end: HashSet<String>,
    /// Abbreviations that do not end a sentence when a number follows (`no`, `p`).
    before_number: HashSet<String>,
    /// Abbreviations that end a sentence only before a typical sentence starter.
    may_end: HashSet<String>,
    /// Lower-cased words that commonly begin a sentence.
    starters: HashSet<String>,
    /// Lower-cased words that begin sentences but also names (`Mr`, `Dr`).
    weak_starters: HashSet<String>,
    /// Lower-cased connectives that, capitalised after `;` or `:`, begin a new sentence.
    clause_starters: HashSet<String>,
    /// Words that take a number as a reference (`figure`, `table`): no list item after them.
    number_nouns: HashSet<String>,
    /// Named character classes from `punctuation.txt`.
    classes: BTreeMap<String, CharSet>,
}

/// A character class: a bit for each ASCII character and a sorted list of the others. The
/// splitter asks a class about nearly every character of the text, and a bit test or a
/// binary search of a few entries costs far less than hashing the character (a fifth of
/// the splitter's time went to SipHash).
///
/// Chinese text asks about characters outside ASCII at every position, and few of them are
/// in any class: a bit per value of the low six bits of the other characters rules most of
/// them out before the search.
#[derive(Debug, Default)]
struct CharSet {
    ascii: u128,
    other: Vec<char>,
    /// Bit `c % 64` set for every `c` in `other`.
    other_low: u64,
}

impl CharSet {
    /// An empty class.
    const EMPTY: CharSet = CharSet {
        ascii: 0,
        other: Vec::new(),
        other_low: 0,
    };

    /// Is `c` in the class? (A reference, like `HashSet::contains`, so that call sites read
    /// the same.)
    fn contains(&self, c: &char) -> bool {
        if c.is_ascii() {
            self.ascii & (1 << (*c as u32)) != 0
        } else {
            self.other_low & (1 << (*c as u32 % 64)) != 0 && self.other.binary_search(c).is_ok()
        }
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.ascii == 0 && self.other.is_empty()
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> Self {
        let mut set = CharSet::default();
        for c in chars {
            if c.is_ascii() {
                set.ascii |= 1 << (c as u32);
            } else {
                set.other.push(c);
                set.other_low |= 1 << (c as u32 % 64);
            }
        }
        set.other.sort_unstable();
        set.other.dedup();
        set
    }
}

/// The rule data, embedded at compile time (so the binary needs no data directory) and
/// parsed on first use (so the lists stay editable text files, not Rust code).
static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    never_end: parse_word_list(include_str!("../data/segment/en_abbrev_never_end.txt")),
    before_number: parse_word_list(include_str!("../data/segment/en_abbrev_before_number.txt")),
    may_end: parse_word_list(include_str!("../data/segment/en_abbrev_may_end.txt")),
    starters: parse_word_list(include_str!("../data/segment/en_sentence_starters.txt")),
    clause_starters: parse_word_list(include_str!("../data/segment/en_clause_starters.txt")),
    weak_starters: parse_word_list(include_str!("../data/segment/en_weak_starters.txt")),
    number_nouns: parse_word_list(include_str!("../data/segment/en_number_nouns.txt")),
    classes: parse_char_classes(include_str!("../data/segment/punctuation.txt")),
});

/// An empty class, returned for a name missing from `punctuation.txt`.
static NO_CHARS: CharSet = CharSet::EMPTY;

impl Rules {
    /// The character class `name`, or an empty class if the data file lacks it.
    fn class(&self, name: &str) -> &CharSet {
        self.classes.get(name).unwrap_or(&NO_CHARS)
    }
}

/// Parse a one-word-per-line list: `#` lines are comments, entries are lower-cased and
/// a trailing period is dropped so that `e.g.` and `e.g` mean the same.
fn parse_word_list(src: &str) -> HashSet<String> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.trim_end_matches('.').to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Parse `name: c1 c2 …` lines into named sets of characters (`#` lines are comments).
fn parse_char_classes(src: &str) -> BTreeMap<String, CharSet> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, chars)| {
            let set = chars.split_whitespace().flat_map(str::chars).collect();
            (name.trim().to_string(), set)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// Turn cut positions (char indices, any order) into trimmed, non-empty slices.
///
/// A piece with no letter or digit (a stray closing mark such as `)` or `**` left after
/// a cut) is not a sentence of its own: it is joined to the sentence before it, unless a
/// line break separates them.
fn pieces(text: &str, chars: &[char], mut cuts: Vec<usize>) -> Vec<String> {
    let mut offsets: Vec<usize> = Vec::with_capacity(chars.len() + 1);
    offsets.extend(text.char_indices().map(|(b, _)| b));
    offsets.push(text.len());
    cuts.push(chars.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut from = 0usize;
    for cut in cuts {
        let (Some(&a), Some(&b)) = (offsets.get(from), offsets.get(cut)) else {
            continue;
        };
        from = cut;
        let raw = text.get(a..b).unwrap_or_default();
        let piece = raw.trim();
        if piece.is_empty() {
            continue;
        }
        let lead = raw
            .get(..raw.len() - raw.trim_start().len())
            .unwrap_or_default();
        let orphan = !piece.chars().any(char::is_alphanumeric) && !lead.contains(is_line_break);
        match ranges.last_mut() {
            Some(last) if orphan => last.1 = b,
            _ => ranges.push((a, b)),
        }
    }
    ranges
        .into_iter()
        .filter_map(|(a, b)| text.get(a..b))
        .map(|s| s.trim().to_string())
        .collect()
}

/// The character at `i`, if any.
fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// Whether `c` breaks a line; line breaks inside a paragraph are hard boundaries.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// First index at or after `i` that is not whitespace (or `chars.len()`).
fn skip_space(chars: &[char], mut i: usize) -> usize {
    while at(chars, i).is_some_and(char::is_whitespace) {
        i += 1;
    }
    i
}

// ---------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------

/// A run of sentence-final marks starting at a terminal character.
#[derive(Debug)]
struct Cluster {
    /// Index just after the last mark.
    end: usize,
    /// Number of dots (`…` counts three).
    dots: usize,
    /// Whether the run contains `!`, `?` or a similar mark.
    strong: bool,
    /// Whether the dots are separated by spaces (`. . .`).
    spaced: bool,
    /// Whether the first mark touches the preceding word (`word.` rather than `word .`).
    attached: bool,
}

/// How a period after a word is to be judged.
#[derive(Debug, PartialEq, Eq)]
enum AbbrevClass {
    /// Not an abbreviation: the period ends the sentence.
    Regular,
    /// Never ends a sentence (`Mr.`, `e.g.`).
    Never,
    /// Does not end a sentence before a number (`No. 2758`).
    BeforeNumber,
    /// Ends a sentence only before a typical sentence starter (`U.S.`, `Co.`, `E.`).
    Ambiguous,
}

/// What follows a candidate sentence end.
#[derive(Debug, Default)]
struct NextWord {
    /// First character after skipping whitespace and opening quotes/brackets.
    first: Option<char>,
    /// The letters of the next word (may be empty).
    word: String,
    /// The word with a contraction joined by an apostrophe ("don't", normalised to `'`),
    /// or empty when there is none.
    contraction: String,
    /// Whether the next word is a single letter followed by a period (an initial).
    initial: bool,
    /// Whether an upper-case letter is directly followed by a lower-case one.
    capitalised_word: bool,
}

/// Positions (char indices) where the English paragraph `chars` is cut.
fn en_cuts(chars: &[char]) -> Vec<usize> {
    let rules = &*RULES;
    let terminals = rules.class("en_terminals");
    let clause_marks = rules.class("en_clause_marks");
    let dashes = rules.class("en_dashes");
    let lists = find_list_items(chars, rules);
    let words = word_start_prefix(chars);
    let mut forced = vec![false; chars.len()];
    let mut cuts = Vec::new();
    for &s in &lists.starts {
        if let Some(f) = forced.get_mut(s) {
            *f = true;
        }
        cuts.push(s);
    }
    let mut start = 0usize;
    let mut i = 0usize;
    while let Some(c) = at(chars, i) {
        if forced.get(i).copied().unwrap_or(false) {
            start = i;
        }
        if is_line_break(c) {
            cuts.push(i);
            start = i;
        } else if dashes.contains(&c) {
            if let Some(cut) = en_broken_off(chars, i, rules) {
                cuts.push(cut);
                start = cut;
            }
        } else if clause_marks.contains(&c) {
            let clause_words = count_words(chars, &words, start, i);
            if let Some(cut) = en_clause_cut(chars, i, clause_words, rules) {
                cuts.push(cut);
                start = cut;
            }
        } else if terminals.contains(&c) && !lists.suppressed.get(i).copied().unwrap_or(false) {
            let cluster = en_cluster(chars, i, terminals);
            let after = skip_trailers(chars, cluster.end, rules);
            let clause_words = count_words(chars, &words, start, i);
            let label = clause_words <= 2 && is_number_label(chars, start, i, rules);
            if label {
                // "Figure 1.2. U.S. Navy radar" is one caption; "1.The" (a list item
                // glued by a PDF) opens its item: a label is not a sentence.
            } else if let Some(cut) = en_decide(chars, i, &cluster, after, clause_words, rules) {
                cuts.push(cut);
                start = cut;
            }
            i = after.max(i + 1);
            continue;
        }
        i += 1;
    }
    cuts
}

/// Whether the text from `start` to the period at `i` is only a number label: a bare
/// number (`1`, `2.3`) or a reference noun with its number (`Figure 1.2`, `Table 3`;
/// `en_number_nouns.txt`). Such a label opens a caption or a list item, and its period
/// does not end a sentence of its own.
fn is_number_label(chars: &[char], start: usize, i: usize, rules: &Rules) -> bool {
    let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
    let is_number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [n] => is_number(n),
        [noun, n] => {
            is_number(n)
                && rules
                    .number_nouns
                    .contains(&noun.trim_end_matches('.').to_lowercase())
        }
        _ => false,
    }
}

/// The cut after the clause mark (`;` or `:`) at `i`, if the text goes on as a new
/// sentence: a space, then a capitalised connective (`And`, `But`, `For`:
/// `en_clause_starters.txt`; a capitalised noun or pronoun after a colon is as often a
/// title, a name or a quotation), after a clause of at least
/// [`MIN_WORDS_BEFORE_CLAUSE_CUT`] words. Older and literary English (the King James Bible,
/// eighteenth-century prose) joins whole sentences this way ("…in the earth: And God
/// said …"), which their Chinese translations write as separate sentences; a sentence too
/// long on one side cannot pair with its parts on the other. Where the other language
/// keeps one sentence, the aligner joins the parts again (a 2-1 pair has the sentence's
/// text), so the cut costs nothing there. A label ("Note: The") is too short to be cut.
fn en_clause_cut(chars: &[char], i: usize, clause_words: usize, rules: &Rules) -> Option<usize> {
    if clause_words < MIN_WORDS_BEFORE_CLAUSE_CUT {
        return None;
    }
    let space = at(chars, i + 1)?;
    if !space.is_whitespace() || is_line_break(space) {
        return None;
    }
    let k = skip_space(chars, i + 1);
    if !at(chars, k)?.is_uppercase() {
        return None;
    }
    let next = next_word(chars, k, rules);
    let opens = next.capitalised_word && rules.clause_starters.contains(&next.word.to_lowercase());
    opens.then_some(i + 1)
}

/// The cut after a quotation broken off by the dash at `i` when another quotation follows
/// (`…to wait for His Majesty to—' 'His Majesty?'`): dialogue in fiction, where an
/// interrupted speaker's words end without a full stop. Only a new quotation counts, not
/// a capital: `—' Wang said` goes on with its attribution.
fn en_broken_off(chars: &[char], i: usize, rules: &Rules) -> Option<usize> {
    let quotes = rules.class("en_quote_closers");
    let mut after = i + 1;
    while at(chars, after).is_some_and(|c| quotes.contains(&c)) {
        after += 1;
    }
    if after == i + 1 || !at(chars, after)?.is_whitespace() {
        return None;
    }
    let k = skip_space(chars, after);
    let opener = at(chars, k)?;
    let first = at(chars, k + 1)?;
    (rules.class("en_quote_openers").contains(&opener) && first.is_uppercase()).then_some(after)
}

/// Read the run of marks starting at the terminal `chars[i]`, including spaced dots
/// (`. . . .`), so that an ellipsis is judged as a whole.
fn en_cluster(chars: &[char], i: usize, terminals: &CharSet) -> Cluster {
    let mut c = Cluster {
        end: i,
        dots: 0,
        strong: false,
        spaced: false,
        attached: i > 0 && at(chars, i - 1).is_some_and(|p| !p.is_whitespace()),
    };
    let mut j = i;
    loop {
        match at(chars, j) {
            Some(t) if terminals.contains(&t) => {
                match t {
                    '.' => c.dots += 1,
                    '…' => c.dots += 3,
                    _ => c.strong = true,
                }
                j += 1;
            }
            Some(' ')
                if j > i
                    && at(chars, j - 1) == Some('.')
                    && at(chars, j + 1) == Some('.')
                    && !at(chars, j + 2).is_some_and(char::is_alphanumeric) =>
            {
                c.spaced = true;
                c.dots += 1;
                j += 2;
            }
            _ => break,
        }
    }
    c.end = j;
    c
}

/// Index after any closing quotes/brackets at `i`. A quote mark counts as closing only
/// when no letter or digit follows it, so the apostrophe of "Jr.'s" stays put.
fn skip_closers(chars: &[char], mut i: usize, closers: &CharSet) -> usize {
    while let Some(c) = at(chars, i) {
        if !closers.contains(&c) {
            break;
        }
        let is_bracket = matches!(c, ')' | ']' | '}');
        if !is_bracket && at(chars, i + 1).is_some_and(char::is_alphanumeric) {
            break;
        }
        i += 1;
    }
    i
}

/// Index after the closing quotes/brackets and citation markers at `i`, in any order
/// (`."[1]`, `.[2][3]`, `.)[4]"`): all of them belong to the sentence just ended.
fn skip_trailers(chars: &[char], mut i: usize, rules: &Rules) -> usize {
    let closers = rules.class("en_closers");
    loop {
        let j = skip_closers(chars, i, closers);
        let k = skip_citation(chars, j, rules).unwrap_or(j);
        if k == i {
            return i;
        }
        i = k;
    }
}

/// Index after the citation marker starting at `i` (`[1]`, `[12, 13]`, `[a]`), if one
/// starts there. The content must hold a digit or be a single letter, so that editorial
/// brackets such as `[...]` or `[sic]` are not taken for markers.
fn skip_citation(chars: &[char], i: usize, rules: &Rules) -> Option<usize> {
    if !rules.class("en_citation_open").contains(&at(chars, i)?) {
        return None;
    }
    let close = rules.class("en_citation_close");
    let inner = rules.class("en_citation_inner");
    let (mut digits, mut letters) = (0usize, 0usize);
    let mut j = i + 1;
    while j - i < MAX_CITATION {
        let c = at(chars, j)?;
        if close.contains(&c) {
            let marker = digits > 0 || (letters == 1 && j == i + 2);
            return marker.then_some(j + 1);
        }
        if c.is_numeric() {
            digits += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        } else if !(inner.contains(&c) || c == ' ') {
            return None;
        }
        j += 1;
    }
    None
}

/// How strongly the next word signals a new sentence after an ambiguous period.
#[derive(Debug, PartialEq, Eq)]
enum Starter {
    /// Not a capitalised sentence starter: the text most likely goes on.
    No,
    /// A word that begins names as often as sentences (`Mr`, `Dr`).
    Weak,
    /// A typical sentence opener (`The`, `He`, `It's`, `Nobody`).
    Strong,
}

/// Judge the next word against the starter lists. Only a capitalised word that is not
/// itself an initial counts. A contraction is looked up whole first ("Don't") and then
/// by its first part ("It's" as "it"), so that the lists need not spell out every form.
fn starter(next: &NextWord, rules: &Rules) -> Starter {
    if !next.first.is_some_and(char::is_uppercase) || next.initial {
        return Starter::No;
    }
    let lower = next.word.to_lowercase();
    let keys = [next.contraction.to_lowercase(), lower];
    if keys.iter().any(|k| rules.starters.contains(k)) {
        Starter::Strong
    } else if keys.iter().any(|k| rules.weak_starters.contains(k)) {
        Starter::Weak
    } else {
        Starter::No
    }
}

/// Decide whether the mark run at `i` (ending, with closers, at `after`) ends the
/// sentence; returns the cut position if it does.
fn en_decide(
    chars: &[char],
    i: usize,
    cluster: &Cluster,
    after: usize,
    clause_words: usize,
    rules: &Rules,
) -> Option<usize> {
    let spaced_after = at(chars, after)?.is_whitespace();
    let k = skip_space(chars, after);
    at(chars, k)?;
    let next = next_word(chars, k, rules);
    let prev = prev_token(chars, i, rules);
    if !spaced_after && (!next.capitalised_word || looks_like_address(&token_around(chars, i))) {
        // Glued marks ("world.Today") cut only before a capitalised word.
        return None;
    }
    if next.first.is_some_and(char::is_lowercase) {
        return None;
    }
    if cluster.strong {
        return Some(after);
    }
    match cluster.dots {
        0 => Some(after),
        3 => {
            // An unspaced ellipsis that follows some words of the sentence ("Happy...",
            // not "[...]", "(...)" or a sentence opening with "...") ends it when a
            // sentence starter follows; the spaced ". . ." of quotations stays inside.
            let opened =
                i > 0 && at(chars, i - 1).is_some_and(|p| rules.class("en_openers").contains(&p));
            // A quotation closing right after the dots ends with them, spaced or not
            // ("…steal the book . . .' Something was").
            let quote_ends = after > cluster.end;
            let ends = (!cluster.spaced || quote_ends)
                && !opened
                && clause_words >= 1
                && starter(&next, rules) != Starter::No;
            ends.then_some(after)
        }
        d if d >= 4 => {
            // "word. . . . Next": the period ends the sentence and the ellipsis opens the
            // next one; "word . . . ." or "word....": the whole run ends the sentence.
            if cluster.attached && cluster.spaced && after == cluster.end {
                Some(i + 1)
            } else {
                Some(after)
            }
        }
        // A period after a closing bracket or quote ("an edge {u, v}. Sometimes") is not
        // an abbreviation's: those stick to their word.
        _ if i > 0 && at(chars, i - 1).is_some_and(|c| rules.class("en_closers").contains(&c)) => {
            Some(after)
        }
        _ => match classify(&prev, rules) {
            AbbrevClass::Regular => Some(after),
            AbbrevClass::Never => None,
            AbbrevClass::BeforeNumber => {
                if next.first.is_some_and(|c| c.is_ascii_digit()) {
                    None
                } else {
                    Some(after)
                }
            }
            AbbrevClass::Ambiguous => {
                let min_words = match starter(&next, rules) {
                    Starter::No => return None,
                    Starter::Weak => MIN_CLAUSE_WORDS,
                    Starter::Strong => MIN_CLAUSE_WORDS_STRONG,
                };
                (clause_words >= min_words).then_some(after)
            }
        },
    }
}

/// The word before the mark at `i`: back to whitespace (bounded), without leading
/// opening or trailing closing quotes/brackets.
fn prev_token(chars: &[char], i: usize, rules: &Rules) -> String {
    let mut s = i;
    while s > 0 && i - s < MAX_WORD_LOOK && at(chars, s - 1).is_some_and(|c| !c.is_whitespace()) {
        s -= 1;
    }
    let openers = rules.class("en_openers");
    let closers = rules.class("en_closers");
    let token: String = chars.get(s..i).unwrap_or_default().iter().collect();
    token
        .trim_start_matches(|c| openers.contains(&c))
        .trim_end_matches(|c| closers.contains(&c))
        .to_string()
}

/// The whole space-delimited token containing index `i` (bounded both ways), used to
/// recognise addresses such as "Jane.Doe@example.com" around a glued period.
fn token_around(chars: &[char], i: usize) -> String {
    let mut s = i;
    while s > 0 && i - s < MAX_WORD_LOOK && at(chars, s - 1).is_some_and(|c| !c.is_whitespace()) {
        s -= 1;
    }
    let mut e = i;
    while e - i < MAX_WORD_LOOK && at(chars, e).is_some_and(|c| !c.is_whitespace()) {
        e += 1;
    }
    chars.get(s..e).unwrap_or_default().iter().collect()
}

/// The next word starting at `k` (after whitespace), skipping opening quotes/brackets.
fn next_word(chars: &[char], mut k: usize, rules: &Rules) -> NextWord {
    let openers = rules.class("en_openers");
    let limit = k + MAX_WORD_LOOK;
    while k < limit && at(chars, k).is_some_and(|c| openers.contains(&c)) {
        k += 1;
    }
    let first = at(chars, k);
    let mut j = k;
    let mut word = String::new();
    while j < limit {
        match at(chars, j) {
            Some(c) if c.is_alphabetic() => word.push(c),
            _ => break,
        }
        j += 1;
    }
    let initial = word.chars().count() == 1 && at(chars, j) == Some('.');
    let mut contraction = String::new();
    let apostrophe = at(chars, j).is_some_and(|a| rules.class("en_apostrophes").contains(&a));
    if !word.is_empty() && apostrophe && at(chars, j + 1).is_some_and(char::is_alphabetic) {
        contraction = format!("{word}'");
        let mut t = j + 1;
        while t < limit {
            match at(chars, t) {
                Some(c) if c.is_alphabetic() => contraction.push(c),
                _ => break,
            }
            t += 1;
        }
    }
    let capitalised_word =
        first.is_some_and(char::is_uppercase) && at(chars, k + 1).is_some_and(char::is_lowercase);
    NextWord {
        first,
        word,
        contraction,
        initial,
        capitalised_word,
    }
}

/// Whether a token is a URL or e-mail address, whose inner dots never end sentences.
fn looks_like_address(token: &str) -> bool {
    let lower = token.to_lowercase();
    lower.contains('@') || lower.contains("://") || lower.starts_with("www.")
}

/// Classify the word before a period (without that period) using the data lists and
/// the shapes of dotted acronyms and initials.
fn classify(token: &str, rules: &Rules) -> AbbrevClass {
    if token.is_empty() || looks_like_address(token) {
        return AbbrevClass::Regular;
    }
    let lower = token.to_lowercase();
    if let Some(class) = classify_listed(&lower, rules) {
        return class;
    }
    if is_dotted_acronym(token) {
        return AbbrevClass::Ambiguous;
    }
    // "Tuesday.Mr" (no space after an earlier sentence): judge the last part.
    let last = lower.rsplit('.').next().unwrap_or_default();
    if last.len() < lower.len() {
        if let Some(class) = classify_listed(last, rules) {
            return class;
        }
    }
    if is_initial(last, token) {
        AbbrevClass::Ambiguous
    } else if is_vowelless_word(last, token, rules) {
        AbbrevClass::BeforeNumber
    } else {
        AbbrevClass::Regular
    }
}

/// Longest word (in letters) taken for an unlisted abbreviation by its lack of vowels.
const MAX_VOWELLESS: usize = 4;

/// Whether the last part of `token` (`last`, lower-cased) is a short word without a
/// vowel, written with some lower-case letter (`lb`, `kg`, `Rs`, `hrs`, not `TV`):
/// English words need a vowel, so this is an abbreviation nobody listed, most often a
/// unit or a currency, which is followed by a number far more often than it ends a
/// sentence. Judging by shape keeps the word lists short.
fn is_vowelless_word(last: &str, token: &str, rules: &Rules) -> bool {
    let vowels = rules.class("en_vowels");
    let n = last.chars().count();
    (2..=MAX_VOWELLESS).contains(&n)
        && last
            .chars()
            .all(|c| c.is_alphabetic() && !vowels.contains(&c))
        && token.chars().rev().take(n).any(char::is_lowercase)
}

/// Look a lower-cased word up in the three abbreviation lists.
fn classify_listed(lower: &str, rules: &Rules) -> Option<AbbrevClass> {
    if rules.never_end.contains(lower) {
        Some(AbbrevClass::Never)
    } else if rules.before_number.contains(lower) {
        Some(AbbrevClass::BeforeNumber)
    } else if rules.may_end.contains(lower) {
        Some(AbbrevClass::Ambiguous)
    } else {
        None
    }
}

/// Whether the last part of `token` (`last`, lower-cased) is an initial such as the "E"
/// of "Jonas E. Smith": one letter, written as a capital. A lower-case letter before a
/// period is a variable, a list mark or a word ("an edge {u, v}. Sometimes", "from v to
/// u. Note"), which ends the sentence like any word; the few lower-case abbreviations of
/// one letter are listed (`p.`, `v.`).
fn is_initial(last: &str, token: &str) -> bool {
    let mut it = last.chars();
    matches!((it.next(), it.next()), (Some(c), None) if c.is_alphabetic())
        && token.chars().last().is_some_and(char::is_uppercase)
}

/// Whether `s` has the shape of a dotted acronym: two or more parts of one or two
/// letters joined by periods (`U.S`, `U.S.A`, `a.m`, `Ph.D`).
fn is_dotted_acronym(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('.') {
        let n = part.chars().count();
        if !(1..=2).contains(&n) || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Prefix counts of word starts: `p[i]` = number of non-space characters before index
/// `i` that follow a space or the start of the text. Lets the cutter count the words of
/// the current sentence in constant time.
fn word_start_prefix(chars: &[char]) -> Vec<usize> {
    let mut p = Vec::with_capacity(chars.len() + 1);
    let mut n = 0;
    let mut prev_space = true;
    p.push(0);
    for &c in chars {
        let space = c.is_whitespace();
        if !space && prev_space {
            n += 1;
        }
        prev_space = space;
        p.push(n);
    }
    p
}

/// Number of words in `chars[from..to]`.
fn count_words(chars: &[char], prefix: &[usize], from: usize, to: usize) -> usize {
    let (Some(&a), Some(&b)) = (prefix.get(from), prefix.get(to)) else {
        return 0;
    };
    // A range starting inside a word ("world.|Today") also counts that word.
    let mid_word = from > 0
        && from < to
        && at(chars, from).is_some_and(|c| !c.is_whitespace())
        && at(chars, from - 1).is_some_and(|c| !c.is_whitespace());
    b.saturating_sub(a) + usize::from(mid_word)
}

// ---------------------------------------------------------------------------------------
// English lists
// ---------------------------------------------------------------------------------------

/// Where list items start and which periods belong to item markers.
#[derive(Debug, Default)]
struct ListItems {
    /// Char indices where a new item (marker or its bullet) begins: forced cuts.
    starts: Vec<usize>,
    /// `suppressed[i]`: the period at `i` is part of an item marker ("1." in "1. The").
    suppressed: Vec<bool>,
}

/// One candidate item marker (`1.`, `2.)`, `3)`, `b.`).
#[derive(Debug)]
struct Marker {
    /// Whether the marker is a letter (`b.`) rather than a number.
    letter: bool,
    /// Position in its sequence (`a` and `1` are 1).
    value: u32,
    /// Index of the marker's period, if it has one.
    dot: Option<usize>,
    /// Where the item begins (the bullet before the marker, if any).
    cut: usize,
    /// Whether only whitespace and bullets precede the marker.
    at_start: bool,
}

/// Find list items. A marker counts only as part of a consecutive sequence (1, 2, … or
/// a, b, …) that starts at 1/a or at the start of the paragraph, so stray numbers at a
/// sentence end ("grew in 2023. In 2024 …") are not mistaken for items. A bullet after a
/// space also starts an item. A marker at the very start always keeps its period.
fn find_list_items(chars: &[char], rules: &Rules) -> ListItems {
    let bullets = rules.class("bullets");
    let markers = find_markers(chars, rules);
    let mut accepted = vec![false; markers.len()];
    for letter in [false, true] {
        let mut run: Vec<usize> = Vec::new();
        for (idx, m) in markers
            .iter()
            .enumerate()
            .filter(|(_, m)| m.letter == letter)
        {
            let extends = run
                .last()
                .and_then(|&l| markers.get(l))
                .is_some_and(|l| l.value + 1 == m.value);
            if extends {
                run.push(idx);
            } else if m.value == 1 || m.at_start {
                accept_run(&run, &mut accepted);
                run = vec![idx];
            }
        }
        accept_run(&run, &mut accepted);
    }
    let mut items = ListItems {
        starts: Vec::new(),
        suppressed: vec![false; chars.len()],
    };
    for (m, ok) in markers.iter().zip(&accepted) {
        if !(*ok || m.at_start) {
            continue;
        }
        if let Some(s) = m.dot.and_then(|d| items.suppressed.get_mut(d)) {
            *s = true;
        }
        if !m.at_start {
            items.starts.push(m.cut);
        }
    }
    for (i, c) in chars.iter().enumerate() {
        if bullets.contains(c) && i > 0 && at(chars, i - 1).is_some_and(char::is_whitespace) {
            items.starts.push(i);
        }
    }
    for d in section_number_dots(chars) {
        if let Some(s) = items.suppressed.get_mut(d) {
            *s = true;
        }
    }
    items
}

/// The periods of a section number that opens a paragraph: a Roman numeral (`II.`,
/// `XIV.`) or a dotted number (`1.1.`, `2.3.4`) followed by a space and a capital, as in
/// the headings of white papers and specifications (`II. Protecting the Environment`).
/// They are part of the number, not sentence ends: "II." alone is no sentence.
fn section_number_dots(chars: &[char]) -> Vec<usize> {
    let start = skip_space(chars, 0);
    let mut j = start;
    let mut dots = Vec::new();
    let roman = |c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C');
    while at(chars, j).is_some_and(roman) && j - start < 6 {
        j += 1;
    }
    if j > start && at(chars, j) == Some('.') {
        dots.push(j);
        j += 1;
    } else {
        // Groups of up to three digits joined by periods; at least two groups.
        j = start;
        let mut groups = 0;
        loop {
            let g = j;
            while at(chars, j).is_some_and(|c| c.is_ascii_digit()) && j - g < 3 {
                j += 1;
            }
            if j == g {
                break;
            }
            groups += 1;
            if at(chars, j) != Some('.') {
                break;
            }
            dots.push(j);
            j += 1;
        }
        if groups < 2 {
            return Vec::new();
        }
    }
    let followed = at(chars, j).is_some_and(char::is_whitespace)
        && at(chars, skip_space(chars, j)).is_some_and(char::is_uppercase);
    if followed {
        dots
    } else {
        Vec::new()
    }
}

/// Mark every marker of a run of two or more as accepted.
fn accept_run(run: &[usize], accepted: &mut [bool]) {
    if run.len() >= 2 {
        for &r in run {
            if let Some(a) = accepted.get_mut(r) {
                *a = true;
            }
        }
    }
}

/// All candidate item markers: up to three digits or one lower-case ASCII letter, after
/// the start, a space or a bullet, followed by `.`, `.)` or `)`, a space and a capital.
fn find_markers(chars: &[char], rules: &Rules) -> Vec<Marker> {
    let bullets = rules.class("bullets");
    let first_text = skip_space(chars, 0);
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let before = if i == 0 { None } else { at(chars, i - 1) };
        if before.is_some_and(|b| !b.is_whitespace() && !bullets.contains(&b)) {
            continue;
        }
        let Some((letter, value, j)) = marker_label(chars, i) else {
            continue;
        };
        let (dot, end) = match (at(chars, j), at(chars, j + 1)) {
            (Some('.'), Some(')')) => (Some(j), j + 2),
            (Some('.'), _) => (Some(j), j + 1),
            (Some(')'), _) => (None, j + 1),
            _ => continue,
        };
        // The item text must follow after a space and start with a capital, so that an
        // inline "1) economic and 2) political reasons" is not cut.
        let item_first = at(chars, skip_space(chars, end));
        if !at(chars, end).is_some_and(char::is_whitespace)
            || !item_first.is_some_and(char::is_uppercase)
        {
            continue;
        }
        // A number after a word such as "Figure" or "Table" is a reference ("as shown in
        // Figure 1. This …"), not an item label.
        if !letter && follows_number_noun(chars, i, rules) {
            continue;
        }
        let cut = bullet_before(chars, i, bullets).unwrap_or(i);
        out.push(Marker {
            letter,
            value,
            dot,
            cut,
            at_start: cut <= first_text,
        });
    }
    out
}

/// Whether the word before `i` (across spaces) is one that takes a number (`Figure`,
/// `Table`, `Chapter`). Only item candidates are checked, each after its own run of
/// spaces, so the scan stays linear in the text.
fn follows_number_noun(chars: &[char], i: usize, rules: &Rules) -> bool {
    let mut end = i;
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end < i
        && rules
            .number_nouns
            .contains(&prev_token(chars, end, rules).to_lowercase())
}

/// The label of a marker at `i`: (is letter, value, index after the label). Numbers
/// have at most three digits, so years ("2024.") are never item labels.
fn marker_label(chars: &[char], i: usize) -> Option<(bool, u32, usize)> {
    let c = at(chars, i)?;
    if c.is_ascii_lowercase() {
        let next_is_letter = at(chars, i + 1).is_some_and(char::is_alphanumeric);
        return (!next_is_letter).then(|| (true, u32::from(c) - u32::from('a') + 1, i + 1));
    }
    let mut j = i;
    let mut value = 0u32;
    while let Some(d) = at(chars, j).and_then(|c| c.to_digit(10)) {
        if j - i >= 3 {
            return None;
        }
        value = value * 10 + d;
        j += 1;
    }
    (j > i && value > 0).then_some((false, value, j))
}

/// The bullet directly before `i`, or before the spaces in front of `i`, if any.
fn bullet_before(chars: &[char], i: usize, bullets: &CharSet) -> Option<usize> {
    let mut p = i;
    while p > 0 && i - p < MAX_WORD_LOOK && at(chars, p - 1).is_some_and(char::is_whitespace) {
        p -= 1;
    }
    let b = p.checked_sub(1)?;
    at(chars, b)
        .is_some_and(|c| bullets.contains(&c))
        .then_some(b)
}

// ---------------------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------------------

/// Positions (char indices) where the Chinese paragraph `chars` is cut.
fn zh_cuts(chars: &[char]) -> Vec<usize> {
    let rules = &*RULES;
    let terminals = rules.class("zh_terminals");
    let ellipsis = rules.class("zh_ellipsis");
    let protected = title_spans(
        chars,
        rules.class("zh_title_open"),
        rules.class("zh_title_close"),
    );
    let quote_open = rules.class("zh_quote_open");
    let quote_close = rules.class("zh_quote_close");
    let dashes = rules.class("zh_dashes");
    let mut quotes_open = false;
    // Inside a quotation opened by a curly quote (“…”, 「…」): an ellipsis there is a pause
    // or a stammer ("我……我……"), not the end of a sentence, unless the quotation closes
    // right after it.
    let mut in_quotation = false;
    let mut cuts = Vec::new();
    let mut i = 0usize;
    while let Some(c) = at(chars, i) {
        if is_line_break(c) {
            cuts.push(i);
            in_quotation = false;
        } else if !protected.get(i).copied().unwrap_or(false)
            && (zh_starts_terminal(chars, i, terminals) || ellipsis.contains(&c))
        {
            let (end, run) = zh_cluster(chars, i, terminals, ellipsis);
            let after = zh_skip_closers(chars, end, &mut quotes_open, rules);
            let closed =
                (end..after).any(|k| at(chars, k).is_some_and(|q| quote_close.contains(&q)));
            let stammer = run == ZhRun::Ellipsis && in_quotation && !closed;
            // Particles continue the sentence after a closing quote or an ellipsis only.
            let soft_end = after > end || ellipsis.contains(&c);
            if run != ZhRun::Pause
                && !stammer
                && zh_new_sentence_follows(chars, after, soft_end, rules)
            {
                cuts.push(after);
            }
            if closed {
                in_quotation = false;
            }
            i = after.max(i + 1);
            continue;
        } else if let Some(end) = zh_broken_off(chars, i, dashes, quote_close) {
            // A quotation broken off by a dash ("“你为什么——”说到这里") ends its sentence.
            let after = zh_skip_closers(chars, end, &mut quotes_open, rules);
            if zh_new_sentence_follows(chars, after, true, rules) {
                cuts.push(after);
            }
            in_quotation = false;
            i = after.max(i + 1);
            continue;
        } else if c == '"' {
            quotes_open = !quotes_open;
        } else if quote_open.contains(&c) {
            in_quotation = true;
        } else if quote_close.contains(&c) {
            in_quotation = false;
        }
        i += 1;
    }
    cuts
}

/// The index after a dash of two or more `—` at `i` when a closing curly quote follows it
/// directly: the speaker was interrupted, and the quotation ends there.
fn zh_broken_off(
    chars: &[char],
    i: usize,
    dashes: &CharSet,
    quote_close: &CharSet,
) -> Option<usize> {
    let mut j = i;
    while at(chars, j).is_some_and(|c| dashes.contains(&c)) {
        j += 1;
    }
    let closes = at(chars, j).is_some_and(|c| quote_close.contains(&c));
    (j >= i + 2 && closes).then_some(j)
}

/// What a run of Chinese marks at a candidate sentence end is.
#[derive(Debug, PartialEq, Eq)]
enum ZhRun {
    /// A lone `…` or `...`: a pause inside the sentence.
    Pause,
    /// Only ellipses (`……`, six dots): may end a sentence, outside a quotation.
    Ellipsis,
    /// A full stop, question or exclamation mark is in the run: it ends the sentence.
    Final,
}

/// Whether `chars[i]` may start a sentence-final run: full-width marks always; the
/// half-width `!` `?` `.` only right after non-ASCII text ("好!" but not "Yahoo!" or
/// "1.4"), and a half-width period not before a digit.
fn zh_starts_terminal(chars: &[char], i: usize, terminals: &CharSet) -> bool {
    let Some(c) = at(chars, i) else {
        return false;
    };
    if !terminals.contains(&c) {
        return false;
    }
    if !c.is_ascii() {
        return true;
    }
    let prev_ok = i > 0 && at(chars, i - 1).is_some_and(|p| !p.is_ascii() && !p.is_whitespace());
    let digit_next = c == '.' && at(chars, i + 1).is_some_and(|n| n.is_ascii_digit());
    prev_ok && !digit_next
}

/// Read a run of Chinese marks and ellipses at `i`; returns the index after it and
/// what the run is. A lone `…` or `...` is a pause inside the sentence; `……` (or six
/// dots) may end one; any `。！？` (or one half-width period) makes the run final.
fn zh_cluster(chars: &[char], i: usize, terminals: &CharSet, ellipsis: &CharSet) -> (usize, ZhRun) {
    let (mut j, mut strong, mut dots, mut ells) = (i, false, 0usize, 0usize);
    while let Some(c) = at(chars, j) {
        if ellipsis.contains(&c) {
            ells += 1;
        } else if c == '.' {
            dots += 1;
        } else if c == ' ' && dots > 0 && at(chars, j + 1) == Some('.') {
            // Spaced dots (". . .", as PDFs render an omission or a lost symbol) are one run.
        } else if terminals.contains(&c) {
            strong = true;
        } else {
            break;
        }
        j += 1;
    }
    let run = if strong || (dots == 1 && ells == 0) {
        ZhRun::Final
    } else if ells >= 2 || dots >= 6 {
        ZhRun::Ellipsis
    } else {
        ZhRun::Pause
    };
    (j, run)
}

/// Index after the closing quotes/brackets at `i`. A straight `"` closes only if a
/// quotation is open (tracked by parity in `quotes_open`).
fn zh_skip_closers(chars: &[char], mut i: usize, quotes_open: &mut bool, rules: &Rules) -> usize {
    let closers = rules.class("zh_closers");
    while let Some(c) = at(chars, i) {
        if !closers.contains(&c) || (c == '"' && !*quotes_open) {
            break;
        }
        if c == '"' {
            *quotes_open = false;
        }
        i += 1;
    }
    i
}

/// Whether a new sentence starts at or after `i` (after whitespace): not at the end of
/// the text, and not a character that continues the sentence (`，`; after a closing quote,
/// a bracket or an ellipsis (`soft_end`), also a particle such as `的`).
fn zh_new_sentence_follows(chars: &[char], i: usize, soft_end: bool, rules: &Rules) -> bool {
    let k = skip_space(chars, i);
    at(chars, k).is_some_and(|c| {
        let continues = rules.class("zh_continuations").contains(&c)
            || (soft_end && rules.class("zh_continuations_after_quote").contains(&c));
        !continues
    })
}

/// `spans[i]` is true when `chars[i]` lies inside a matched pair of book-title brackets
/// (`《…》`). Unmatched brackets protect nothing, so a stray `《` cannot swallow the rest
/// of the paragraph.
fn title_spans(chars: &[char], open: &CharSet, close: &CharSet) -> Vec<bool> {
    let mut depth_delta = vec![0i64; chars.len() + 1];
    let mut stack = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if open.contains(c) {
            stack.push(i);
        } else if close.contains(c) {
            if let Some(o) = stack.pop() {
                if let Some(d) = depth_delta.get_mut(o) {
                    *d += 1;
                }
                if let Some(d) = depth_delta.get_mut(i + 1) {
                    *d -= 1;
                }
            }
        }
    }
    let mut depth = 0i64;
    depth_delta
        .iter()
        .take(chars.len())
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> Vec<String> {
        split(Lang::En, s)
    }

    fn zh(s: &str) -> Vec<String> {
        split(Lang::Zh, s)
    }

    #[test]
    fn data_files_parse() {
        let r = &*RULES;
        assert!(r.never_end.contains("mr"));
        assert!(r.never_end.contains("e.g"));
        assert!(r.before_number.contains("no"));
        assert!(r.may_end.contains("etc"));
        assert!(r.starters.contains("the"));
        assert!(r.starters.contains("don't"));
        assert!(r.weak_starters.contains("mr"));
        assert!(!r.starters.contains("mr"));
        assert!(r.before_number.contains("oz"));
        for name in [
            "en_closers",
            "en_openers",
            "en_terminals",
            "bullets",
            "zh_terminals",
            "zh_ellipsis",
            "zh_closers",
            "zh_title_open",
            "zh_title_close",
            "zh_continuations",
            "en_vowels",
            "en_apostrophes",
            "en_citation_open",
            "en_citation_close",
            "en_citation_inner",
        ] {
            assert!(!r.class(name).is_empty(), "class {name} missing");
        }
        assert!(r.class("zh_continuations").contains(&':'));
    }

    #[test]
    fn en_currency_and_two_sentences() {
        let s = en("Last year, bilateral trade reached a record US$240 billion, hitting the target of US$200 billion ahead of schedule. Russian natural gas is fueling numerous Chinese households.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("ahead of schedule."));
    }

    #[test]
    fn en_un_security_council_is_one_sentence() {
        let t = "As key major countries of the world and permanent members of the U.N. Security Council, China and Russia have forged a new paradigm.";
        assert_eq!(en(t), vec![t]);
    }

    #[test]
    fn en_decimals_and_numbered_resolutions() {
        let t = "We rely on the unity of the 1.4 billion Chinese people. Resolution No. 2758 of the U.N. General Assembly is clear.";
        assert_eq!(
            en(t),
            vec![
                "We rely on the unity of the 1.4 billion Chinese people.",
                "Resolution No. 2758 of the U.N. General Assembly is clear."
            ]
        );
    }

    #[test]
    fn en_question_not_colon() {
        let s = en("At the Paris Peace Conference over 100 years ago, the Chinese asked a question resonating across the ages: Does right prevail over might, or does might make right? New China stands firm.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("make right?"));
        assert_eq!(s[1], "New China stands firm.");
    }

    #[test]
    fn en_quotes_stay_on_sentence() {
        let s = en("President Trump has adopted an \"America First\" policy after his return to the White House. He has spoken about withdrawing.");
        assert_eq!(s.len(), 2, "{s:?}");
        let s = en("He called it \"America First.\" Others disagreed.");
        assert_eq!(
            s,
            vec!["He called it \"America First.\"", "Others disagreed."]
        );
        let s = en("Is it \u{201c}fair?\u{201d} We doubt it. (See the annex.) Then we met.");
        assert_eq!(
            s,
            vec![
                "Is it \u{201c}fair?\u{201d}",
                "We doubt it.",
                "(See the annex.)",
                "Then we met."
            ]
        );
    }

    #[test]
    fn en_titles_and_latin() {
        assert_eq!(en("Mr. Wang met Dr. Li, i.e. the envoy.").len(), 1);
        assert_eq!(en("Several, e.g. Brazil, agreed.").len(), 1);
    }

    #[test]
    fn en_us_at_sentence_end() {
        assert_eq!(
            en("The tariffs were imposed by the U.S. We oppose them.").len(),
            2
        );
        assert_eq!(en("China and the U.S. Government met.").len(), 1);
    }

    #[test]
    fn en_addresses_and_glued_sentences() {
        assert_eq!(
            en("Write to press.office@mfa.gov.cn. See www.fmprc.gov.cn/eng/index.html. Thanks."),
            vec![
                "Write to press.office@mfa.gov.cn.",
                "See www.fmprc.gov.cn/eng/index.html.",
                "Thanks."
            ]
        );
        assert_eq!(
            en("It ended.Then we left."),
            vec!["It ended.", "Then we left."]
        );
    }

    #[test]
    fn en_citation_markers() {
        assert_eq!(
            en("It was signed in 1945.[2][3] Forty states joined."),
            vec!["It was signed in 1945.[2][3]", "Forty states joined."]
        );
        assert_eq!(en("It ended.[Applause] Thanks.").len(), 2);
        assert_eq!(en("See the text [...] The end.").len(), 1);
    }

    #[test]
    fn en_ellipsis_before_starter() {
        assert_eq!(
            en("So it ended... They went home."),
            vec!["So it ended...", "They went home."]
        );
        assert_eq!(en("So it ended . . . They went home.").len(), 1);
        assert_eq!(en("So it... ended.").len(), 1);
    }

    #[test]
    fn en_plain_sentence_without_final_mark() {
        assert_eq!(en("  Thank you  "), vec!["Thank you"]);
    }

    #[test]
    fn en_lowercase_after_mark_continues() {
        assert_eq!(en("\"Why?\" he asked.").len(), 1);
    }

    #[test]
    fn en_figure_numbers_are_not_list_items() {
        assert_eq!(
            en("It is shown in Figure 1. This network is a graph. A second link is shown in Figure 2. To model it we need more."),
            vec![
                "It is shown in Figure 1.",
                "This network is a graph.",
                "A second link is shown in Figure 2.",
                "To model it we need more."
            ]
        );
    }

    #[test]
    fn en_numbered_list() {
        assert_eq!(
            en("1. Respect sovereignty. 2. Abandon the Cold War mentality."),
            vec![
                "1. Respect sovereignty.",
                "2. Abandon the Cold War mentality."
            ]
        );
        assert_eq!(
            en("There were 1) economic and 2) political reasons.").len(),
            1
        );
        // A lone year is not a list marker.
        assert_eq!(en("Trade grew in 2023. In 2024 it grew again.").len(), 2);
    }

    #[test]
    fn en_section_numbers_open_a_heading() {
        for h in [
            "II. Protecting the Marine Environment",
            "XIV. Conclusion",
            "1.1. Version",
            "2.3.4 Magic rules",
        ] {
            assert_eq!(en(h), vec![h], "{h}");
        }
        // Only at the start, and only before a capital.
        assert_eq!(
            en("He said II. Then he left."),
            vec!["He said II.", "Then he left."]
        );
        assert_eq!(en("Version 1.1. Then more.").len(), 2);
    }

    #[test]
    fn zh_basic_marks() {
        assert_eq!(
            zh("各位记者朋友，上午好！很高兴同大家再次见面。"),
            vec!["各位记者朋友，上午好！", "很高兴同大家再次见面。"]
        );
        assert_eq!(zh("中方愿再次呼吁：立即停止军事行动。").len(), 1);
    }

    #[test]
    fn zh_quotes() {
        assert_eq!(
            zh("中俄已探索出一条“不结盟、不对抗、不针对第三方”的相处之道。").len(),
            1
        );
        assert_eq!(
            zh("西方有句话，“没有永远的朋友，只有永远的利益”。而在中国看来，朋友应当是永远的。"),
            vec![
                "西方有句话，“没有永远的朋友，只有永远的利益”。",
                "而在中国看来，朋友应当是永远的。"
            ]
        );
        assert_eq!(
            zh("他说：“我们会来。”然后走了。"),
            vec!["他说：“我们会来。”", "然后走了。"]
        );
        assert_eq!(zh("他高喊“加油！”的口号。").len(), 1);
        // After a bare full stop the same characters begin words.
        assert_eq!(
            zh("理性行动者并非必定自私。的确，倘若理性意味着自私性。之后再说。"),
            vec![
                "理性行动者并非必定自私。",
                "的确，倘若理性意味着自私性。",
                "之后再说。"
            ]
        );
    }

    #[test]
    fn zh_half_width() {
        assert_eq!(
            zh("究竟是“公理胜强权”, 还是“强权即公理”? 新中国外交坚定站在国际公理一边。"),
            vec![
                "究竟是“公理胜强权”, 还是“强权即公理”?",
                "新中国外交坚定站在国际公理一边。"
            ]
        );
        assert_eq!(zh("各位记者朋友,上午好!很高兴同大家再次见面。").len(), 2);
        assert_eq!(zh("增长1.4个百分点，与Yahoo!合作。").len(), 1);
    }

    #[test]
    fn zh_book_titles_protected() {
        assert_eq!(zh("我们读了《关于“台独”问题。》这本书。").len(), 1);
        assert_eq!(zh("去看《摔跤吧！爸爸》好吗？好！").len(), 2);
        // A stray opening bracket does not disable cutting.
        assert_eq!(zh("《未闭合。下一句。").len(), 2);
    }

    #[test]
    fn zh_ellipsis() {
        assert_eq!(zh("我们是中国人…中国人很好").len(), 1);
        assert_eq!(zh("你好吗？**"), vec!["你好吗？**"]);
        assert_eq!(zh("苹果、香蕉……等水果。").len(), 1);
        assert_eq!(zh("他沉默了……大家都明白。").len(), 2);
    }

    #[test]
    fn edge_cases_do_not_panic() {
        for lang in [Lang::En, Lang::Zh] {
            assert!(split(lang, "").is_empty());
            assert!(split(lang, " \n\t ").is_empty());
            for s in [
                ".",
                "!",
                "?",
                "…",
                "。",
                "”",
                "《",
                "》",
                ". . .",
                "1.",
                "a)",
                "•",
                "e\u{301}.",
                "\u{301}. A",
                "U.S.",
                "No.",
                "x. ",
                "《》。",
                "\"",
                "1. 2. 3.",
                ".[1]",
                "a.[",
                "a.[1",
                "x.[1] A",
                "Hi... I",
                "\u{2026} It",
                "U.S. It's",
                "Rs. 5",
            ] {
                let out = split(lang, s);
                assert!(out.iter().all(|p| !p.is_empty() && p.trim() == p));
                let joined: String = out.concat();
                let orig: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                let got: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
                assert_eq!(orig, got, "characters changed for {s:?}");
            }
        }
    }

    #[test]
    fn en_more_abbreviations() {
        assert_eq!(
            en("We met at 9 a.m. on Monday. They left at 5 p.m. The talks went well."),
            vec![
                "We met at 9 a.m. on Monday.",
                "They left at 5 p.m.",
                "The talks went well."
            ]
        );
        assert_eq!(
            en("We discussed trade, energy, etc. The list is long."),
            vec!["We discussed trade, energy, etc.", "The list is long."]
        );
        assert_eq!(en("The answer is no. That is final.").len(), 2);
        assert_eq!(en("See p. 12 and Art. 2 of the Charter.").len(), 1);
        assert_eq!(en("Martin Luther King Jr. was born in 1929.").len(), 1);
        assert_eq!(en("She met John F. Kennedy Jr. in Boston.").len(), 1);
    }

    #[test]
    fn en_lettered_and_bulleted_items() {
        assert_eq!(
            en("a) Respect each other b) Seek common ground"),
            vec!["a) Respect each other", "b) Seek common ground"]
        );
        assert_eq!(
            en("\u{2022} Peace \u{2022} Development"),
            vec!["\u{2022} Peace", "\u{2022} Development"]
        );
    }

    #[test]
    fn line_breaks_are_boundaries() {
        assert_eq!(
            en("First line\nSecond line"),
            vec!["First line", "Second line"]
        );
        assert_eq!(zh("第一行\n第二行"), vec!["第一行", "第二行"]);
    }

    /// Pseudo-random strings over a mix of letters, marks and brackets: no panic, and no
    /// character is lost, added or changed.
    #[test]
    fn random_inputs_keep_every_character() {
        let alphabet: Vec<char> =
            "aZ1 .!?…。！？”“\"'()《》〈〉\n,，:：;e\u{301}U.S.No 中文……•⁃[]Rs"
                .chars()
                .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let idx = usize::try_from(seed >> 33).unwrap_or(0) % alphabet.len();
                s.push(alphabet[idx]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for lang in [Lang::En, Lang::Zh] {
                let out = split(lang, &s);
                let got: String = out
                    .concat()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let want: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                assert_eq!(got, want, "{lang:?} {s:?}");
                assert!(out.iter().all(|p| !p.is_empty() && p.trim() == p));
            }
        }
    }

    #[test]
    fn long_input_without_spaces_is_fine() {
        let s = "a.".repeat(20_000);
        let out = split(Lang::En, &s);
        assert_eq!(out.concat(), s);
        let z = "好。".repeat(20_000);
        assert_eq!(split(Lang::Zh, &z).len(), 20_000);
    }
}
