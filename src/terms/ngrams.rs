//! Candidate generation, the first stage of discovery ([`super::discover`]): units of
//! evidence, the Chinese n-grams that may be terms and the English n-grams that may render
//! them, each with the counts the later stages (English rendering, ranking) need.
//!
//! Kept apart from the association and the ranking so that what may be a candidate (edge
//! characters, cohesion, word boundaries, names, negations) can be read and tested on its
//! own.

use super::termlike::{self, Form};
use super::Segment;
use crate::lexicon::terms::zh_key_text;
use crate::parse::is_han;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The values of one key of `data/terms/zh_edge_chars.txt` ([`crate::data::keyed`]).
fn edge_key(key: &str) -> Vec<String> {
    crate::data::keyed(include_str!("../../data/terms/zh_edge_chars.txt"), key)
}

/// Start and end characters (or strings) that do not bound a Chinese term.
pub(crate) fn zh_edges() -> &'static (Vec<String>, Vec<String>) {
    static EDGES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    EDGES.get_or_init(|| (edge_key("start"), edge_key("end")))
}

/// Dictionary words that begin with a start character of [`zh_edges`] and still open a
/// term (各级 of 各级党委 "Party committees at all levels"), `start-word:` in
/// `data/terms/zh_edge_chars.txt`. A candidate opening with one passes the edge test here
/// and must have the word rendered by its English ([`super::discover`]), else 各级 is
/// running text in front of the term.
pub(crate) fn zh_start_words() -> &'static Vec<String> {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| edge_key("start-word"))
}

/// The start word ([`zh_start_words`]) a Chinese string opens with, followed by more.
pub(crate) fn opening_start_word(zh: &str) -> Option<&'static str> {
    zh_start_words()
        .iter()
        .find(|w| zh.len() > w.len() && zh.starts_with(w.as_str()))
        .map(String::as_str)
}

/// Words that do not begin (first) or end (second) a Chinese term when they stand as a
/// word of their own in the candidate's dictionary tokenization (`start-token:` and
/// `end-token:` in `data/terms/zh_edge_chars.txt`): a conjunction or preposition cut
/// from the clause around the term, which the character lists of [`zh_edges`] cannot
/// name without losing the words those characters begin (和 of 和平).
fn zh_edge_tokens() -> &'static (HashSet<String>, HashSet<String>) {
    static TOKENS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    TOKENS.get_or_init(|| {
        (
            edge_key("start-token").into_iter().collect(),
            edge_key("end-token").into_iter().collect(),
        )
    })
}

/// Whether a Chinese string opens or closes with a function word of its own
/// ([`zh_edge_tokens`]): 和完善现有制度, 为建设小康社会, 建成之时 are a term with a piece of
/// its clause, not a term. The frame 以…为… (以人民为中心: 以 first, 为 later) is a set
/// formulation and passes.
pub(crate) fn function_word_edge(zh: &str) -> bool {
    let tokens = crate::lexicon::cedict::tokenize(zh);
    let (start, end) = zh_edge_tokens();
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    if tokens.len() < 2 {
        return false;
    }
    let framed = *first == "以" && tokens[1..].contains(&"为");
    (start.contains(*first) && !framed) || end.contains(*last)
}

/// Whether a Chinese word is a function word: 的, a start or end character of
/// [`zh_edges`] written as a word of its own, or a word of [`zh_edge_tokens`]. What follows
/// a term in running text; a word group running on past the end of a would-be term is
/// not one.
pub(crate) fn function_word(word: &str) -> bool {
    let (start, end) = zh_edges();
    let (start_tokens, end_tokens) = zh_edge_tokens();
    start.iter().chain(end).any(|e| e == word)
        || start_tokens.contains(word)
        || end_tokens.contains(word)
}

/// English words that do not bound a term.
pub(crate) fn en_edge_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = crate::data::words(include_str!("../../data/lexicon/en_stopwords.txt"));
        words.extend(crate::data::words(include_str!(
            "../../data/terms/en_edge_words.txt"
        )));
        words
    })
}

/// English words in runs not crossed by punctuation. Keeps hyphens and apostrophes inside
/// words and the dots of initialisms (`U.S.`), which are part of the term.
pub(crate) fn en_spans(text: &str) -> Vec<Vec<String>> {
    let mut spans: Vec<Vec<String>> = Vec::new();
    let mut span: Vec<String> = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    let initialism = |w: &str| {
        !w.is_empty()
            && w.split('.').all(|p| p.is_empty() || p.chars().count() == 1)
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
            && termlike::capitalised(w)
    };
    for (i, &c) in chars.iter().enumerate() {
        let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if matches!(c, '-' | '\'' | '’') && !word.is_empty() && next_alnum {
            word.push(if c == '’' { '\'' } else { c });
            continue;
        }
        if c == '.' && initialism(&word) {
            word.push('.');
            continue;
        }
        if !word.is_empty() {
            span.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() && !span.is_empty() {
            spans.push(std::mem::take(&mut span));
        }
    }
    if !word.is_empty() {
        span.push(word);
    }
    if !span.is_empty() {
        spans.push(span);
    }
    spans
}

/// Statistics of one Chinese n-gram over all occurrences.
#[derive(Default)]
pub(crate) struct ZhStats {
    pub(crate) count: usize,
    pub(crate) units: Vec<usize>,
    /// Left and right neighbours; `None` at a run edge (punctuation or text boundary).
    pub(crate) left: Vec<Option<char>>,
    pub(crate) right: Vec<Option<char>>,
    /// Occurrences starting and ending on a dictionary word boundary.
    pub(crate) on_boundary: usize,
    /// Occurrences starting on a dictionary word boundary.
    pub(crate) left_boundary: usize,
    /// Occurrences ending on a dictionary word boundary.
    pub(crate) right_boundary: usize,
}

/// Branching entropy of a neighbour list, each edge counted as a distinct neighbour (a
/// boundary is free context, so it always adds entropy).
pub(crate) fn entropy(ctx: &[Option<char>]) -> f64 {
    let n = ctx.len() as f64;
    if ctx.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<char, usize> = HashMap::new();
    let mut h = 0.0;
    for c in ctx {
        match c {
            Some(c) => *counts.entry(*c).or_default() += 1,
            None => h -= (1.0 / n) * (1.0 / n).ln(),
        }
    }
    for &k in counts.values() {
        let p = k as f64 / n;
        h -= p * p.ln();
    }
    h
}

/// The key an English n-gram is counted under: its words in lower case, the last one
/// without a plural `s`, so that `basic line` and `basic lines` are one rendering (its
/// most frequent spelling is the one reported).
pub(crate) fn en_key(words: &[String]) -> String {
    let mut key = words.join(" ").to_lowercase();
    let last = words.last().map_or("", String::as_str);
    let plural = last.len() > 3
        && last.ends_with('s')
        && !["ss", "us", "is", "'s"].iter().any(|e| last.ends_with(e))
        && last.chars().all(|c| c.is_alphabetic() || c == '-');
    if plural {
        key.pop();
    }
    key
}

/// Whether a character is a digit (ASCII or full-width), which joins the Han characters
/// around it into one run of [`zh_runs`].
pub(crate) fn zh_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Runs of Han characters and digits of a Chinese text (quotation and book-title marks
/// removed, so "一带一路" is one run), each with a flag per position: whether a dictionary
/// word boundary falls before that character (the last flag is the run's end). Each
/// stretch of Han characters is tokenized on its own; digits are one word, with a
/// boundary on either side and none inside. Digits join the characters around them
/// because a count of years belongs to a term ([`Form::Anniversary`]: 中国共产党成立100年);
/// an n-gram of Han characters only is counted as if the digits were a run edge
/// ([`ZhNgrams::count`]).
fn zh_runs(zh: &str) -> Vec<(Vec<char>, Vec<bool>)> {
    let clean = zh_key_text(zh);
    let mut out: Vec<(Vec<char>, Vec<bool>)> = Vec::new();
    // Whether the last run of `out` ends right before the current character.
    let mut open = false;
    // Appends a stretch (its characters and its boundary flags, one more than characters)
    // to the open run, or starts a run with it.
    let append = |out: &mut Vec<(Vec<char>, Vec<bool>)>,
                  open: bool,
                  chars: Vec<char>,
                  boundary: Vec<bool>| {
        match out.last_mut().filter(|_| open) {
            Some((run, flags)) => {
                run.extend(chars);
                flags.extend(boundary.into_iter().skip(1));
            }
            None => out.push((chars, boundary)),
        }
    };
    let han_stretch = |run: &str| {
        let chars: Vec<char> = run.chars().collect();
        let mut boundary = vec![true; chars.len() + 1];
        let base = run.as_ptr() as usize;
        for token in crate::lexicon::cedict::tokenize(run) {
            // Tokens are slices of `run`: their offsets give their character positions.
            let start_byte = (token.as_ptr() as usize).saturating_sub(base);
            let (Some(before), Some(inside)) = (
                run.get(..start_byte),
                run.get(start_byte..start_byte + token.len()),
            ) else {
                continue;
            };
            let s = before.chars().count();
            let e = s + inside.chars().count();
            for b in boundary.iter_mut().take(e).skip(s + 1) {
                *b = false;
            }
        }
        (chars, boundary)
    };
    let mut han = String::new();
    let mut digits: Vec<char> = Vec::new();
    // A space after the text closes the last stretch.
    for c in clean.chars().chain([' ']) {
        if !is_han(c) && !han.is_empty() {
            let (chars, boundary) = han_stretch(&han);
            append(&mut out, open, chars, boundary);
            open = true;
            han.clear();
        }
        if !zh_digit(c) && !digits.is_empty() {
            let mut boundary = vec![false; digits.len() + 1];
            boundary[0] = true;
            boundary[digits.len()] = true;
            append(&mut out, open, std::mem::take(&mut digits), boundary);
            open = true;
        }
        if is_han(c) {
            han.push(c);
        } else if zh_digit(c) {
            digits.push(c);
        } else {
            open = false;
        }
    }
    out
}

/// Units of evidence: segments grouped by their English text, so that one English
/// sentence aligned with two Chinese editions counts once.
pub(crate) struct Units {
    /// Segment indexes of each unit, in input order.
    pub(crate) members: Vec<Vec<usize>>,
}

impl Units {
    /// Groups `segs` by their English text (whitespace-normalised, lower case); pairs
    /// with an empty side are left out.
    pub(crate) fn new(segs: &[Segment]) -> Units {
        let mut unit_of: HashMap<String, usize> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, s) in segs.iter().enumerate() {
            let key =
                s.en.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
            if key.is_empty() || s.zh.trim().is_empty() {
                continue;
            }
            let u = *unit_of.entry(key).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[u].push(i);
        }
        Units { members }
    }

    /// Number of units.
    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }
}

/// Every Chinese n-gram of the units with its statistics, and the number of Han
/// characters counted (the base of the cohesion test).
pub(crate) struct ZhNgrams {
    /// Statistics per n-gram (single characters are counted, without contexts).
    pub(crate) stats: HashMap<String, ZhStats>,
    /// Han characters in all units.
    pub(crate) chars: usize,
}

impl ZhNgrams {
    /// Counts the character n-grams (up to `max_chars`) of every segment of every unit.
    pub(crate) fn count(segs: &[Segment], units: &Units, max_chars: usize) -> ZhNgrams {
        let mut zh: HashMap<String, ZhStats> = HashMap::new();
        let mut chars_total = 0usize;
        for (u, members) in units.members.iter().enumerate() {
            for &si in members {
                for (run, boundary) in zh_runs(&segs[si].zh) {
                    chars_total += run.iter().filter(|&&c| !zh_digit(c)).count();
                    for i in 0..run.len() {
                        for len in 1..=max_chars.min(run.len() - i) {
                            let j = i + len;
                            let key: String = run[i..j].iter().collect();
                            let st = zh.entry(key).or_default();
                            st.count += 1;
                            if len == 1 {
                                continue;
                            }
                            if st.units.last() != Some(&u) && !st.units.contains(&u) {
                                st.units.push(u);
                            }
                            // An n-gram of Han characters only sees a digit beside it as a
                            // run edge, as it did before digits joined the runs; one holding
                            // a digit sees its neighbours.
                            let digit_in = run[i..j].iter().any(|&c| zh_digit(c));
                            let context =
                                |c: Option<&char>| c.copied().filter(|&c| digit_in || !zh_digit(c));
                            st.left.push(if i == 0 {
                                None
                            } else {
                                context(run.get(i - 1))
                            });
                            st.right.push(context(run.get(j)));
                            st.left_boundary += usize::from(boundary[i]);
                            st.right_boundary += usize::from(boundary[j]);
                            if boundary[i] && boundary[j] {
                                st.on_boundary += 1;
                            }
                        }
                    }
                }
            }
        }
        ZhNgrams {
            stats: zh,
            chars: chars_total,
        }
    }

    /// The Chinese candidates, sorted: n-grams in at least `min` units that are closed,
    /// cohesive, on word boundaries, without function characters at the edges (a start
    /// word such as 各级 excepted), without a clause word inside, not always negated and
    /// not in `known` (unless `include_known`); one seen in a single unit only with the form of a
    /// term ([`termlike::form`], returned beside it). A string seen only inside list
    /// entries is not a candidate either, unless `include_known`.
    pub(crate) fn candidates<'a>(
        &'a self,
        min: usize,
        quoted: &HashSet<String>,
        known: &HashSet<String>,
        include_known: bool,
    ) -> Vec<(&'a String, &'a ZhStats, Option<Form>)> {
        let zh = &self.stats;
        let count = |s: &str| zh.get(s).map_or(0, |st| st.count);
        let (bad_start, bad_end) = zh_edges();
        let n = self.chars.max(1) as f64;
        // A string always preceded by a negation (针对第三方 in 不针对第三方) is the rest of
        // a negated phrase, not a term: the phrase with its negation is the candidate.
        let always_negated = |left: &[Option<char>]| {
            !left.is_empty()
                && left
                    .iter()
                    .all(|c| c.is_some_and(|c| termlike::zh_negated(c.encode_utf8(&mut [0; 4]))))
        };
        // A dictionary entry of three characters or more (实事求是, 农民工) is a word
        // whatever its edge characters and its parts' association. A string with a
        // governing verb in front (坚持以经济建设为中心) stays a candidate here: whether the
        // verb belongs to the term depends on its English ([`termlike::opening_rendered`]:
        // 领导核心 "core leadership").
        // A string found only inside the occurrences of list entries (特色大国外交 in
        // 中国特色大国外交, 习近平外交 in 习近平外交思想) is a piece of a known term, and its
        // English is the known term's: not a candidate. Its occurrences inside them are
        // counted from the entries' own counts.
        let inside_known = |k: &str, st: &ZhStats| {
            let inside: usize = known
                .iter()
                .filter(|key| key.len() > k.len() && key.contains(k))
                .map(|key| count(key) * key.matches(k).count())
                .sum();
            inside >= st.count
        };
        let mut out: Vec<(&String, &ZhStats, Option<Form>)> = zh
            .iter()
            .filter(|(k, st)| {
                let len = k.chars().count();
                if len < 2 || st.units.len() < min {
                    return false;
                }
                let dict = len >= 3 && termlike::dictionary_word(k);
                (dict
                    || ((opening_start_word(k).is_some()
                        || !bad_start.iter().any(|b| k.starts_with(b.as_str())))
                        && !bad_end.iter().any(|b| k.ends_with(b.as_str()))))
                    && !termlike::clause_word_inside(k)
                    && (dict || !function_word_edge(k))
                    && !termlike::time_expression(k)
                    && !always_negated(&st.left)
                    && (entropy(&st.left) > 0.0 || st.left_boundary == st.count)
                    && (entropy(&st.right) > 0.0 || st.right_boundary == st.count)
                    && st.on_boundary * 2 >= st.count
                    && (include_known
                        || (!known.contains(k.as_str()) && (dict || !inside_known(k, st))))
                    && (dict
                        || (1..len).all(|split| {
                            let b = k.char_indices().nth(split).map_or(k.len(), |(b, _)| b);
                            let (x, y) = (count(&k[..b]), count(&k[b..]));
                            x > 0
                                && y > 0
                                && (st.count as f64 * n / (x as f64 * y as f64)).ln() > 0.0
                        }))
            })
            .filter_map(|(k, st)| {
                // Seen in one unit only: proposed only with the form of a term.
                let form = termlike::form(k, quoted);
                // A string holding digits is a candidate only as a founding or event with
                // its count of years: else it is a date, an amount or a piece of one.
                if k.chars().any(zh_digit) && form != Some(Form::Anniversary) {
                    return None;
                }
                (st.units.len() >= 2 || form.is_some()).then_some((k, st, form))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }
}

/// Facts about one English n-gram (by its [`en_key`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct EnKeyFacts {
    /// Occurrences right after a negation word...
    pub(crate) after_negation: usize,
    /// ...and all occurrences: one mostly negated ("not targeting any third party") is a
    /// fragment that lost its negation, and is never chosen.
    pub(crate) occurrences: usize,
    /// Whether it holds a negation ([`termlike::en_negated`]).
    pub(crate) negated: bool,
    /// Whether it is a clause ([`termlike::en_clause`]).
    pub(crate) clause: bool,
}

impl EnKeyFacts {
    /// The word facts of `key`, no occurrence counted.
    pub(crate) fn of(key: &str) -> EnKeyFacts {
        EnKeyFacts {
            negated: termlike::en_negated(key),
            clause: termlike::en_clause(key),
            ..EnKeyFacts::default()
        }
    }

    /// Whether the n-gram mostly follows a negation word.
    pub(crate) fn mostly_negated(&self) -> bool {
        self.after_negation * 2 >= self.occurrences && self.occurrences > 0
    }
}

/// The English n-grams of every unit that may render a term, counted per unit.
#[derive(Default)]
pub(crate) struct EnNgrams {
    /// Units holding each n-gram (by its [`en_key`]).
    pub(crate) units: HashMap<String, Vec<usize>>,
    /// Spellings of each n-gram and how often each was seen.
    pub(crate) surface: HashMap<String, HashMap<String, usize>>,
    /// What discovery asks of each n-gram's words, worked out once per n-gram rather than
    /// once per candidate it is weighed for.
    pub(crate) facts: HashMap<String, EnKeyFacts>,
    /// The n-grams of each unit (those in at least `min` units).
    pub(crate) of_unit: Vec<Vec<String>>,
}

impl EnNgrams {
    /// Word n-grams (up to `max_words`) of the first segment of each unit whose edges may
    /// bound a term, kept when in at least `min` units.
    pub(crate) fn count(segs: &[Segment], units: &Units, max_words: usize, min: usize) -> EnNgrams {
        let edge = en_edge_words();
        let bad_edge = |w: &str| {
            let l = w.to_lowercase();
            edge.contains(&l) || l.chars().count() < 2 || l.chars().all(|c| c.is_ascii_digit())
        };
        // A run of capitalised words, also joined by `of`, is a name (`CPC Central
        // Committee`, `War of Resistance Against Japanese Aggression`): a candidate neither
        // begins nor ends inside one, except after a title (`President Xi Jinping`).
        let capitalised = termlike::capitalised;
        // A negation may open an English candidate, so that 不针对第三方 can keep its "not".
        let negations = termlike::en_negations();
        let bad_start_word = |w: &str| bad_edge(w) && !negations.contains(&w.to_lowercase());
        let ends = termlike::EnEnds::get();
        let mut en = EnNgrams {
            of_unit: vec![Vec::new(); units.len()],
            ..EnNgrams::default()
        };
        for (u, members) in units.members.iter().enumerate() {
            let Some(&first) = members.first() else {
                continue;
            };
            let mut seen: HashSet<String> = HashSet::new();
            for span in en_spans(&segs[first].en) {
                // In a headline written in title case every word is capitalised: there the
                // capitals say nothing about names.
                let caps = span.iter().filter(|w| capitalised(w)).count();
                let title_case = span.len() >= 6 && caps * 4 >= span.len() * 3;
                // A modifier ends a candidate only at the end of a span, where no head noun
                // follows it ("a people-oriented, all-round … approach"), and so does a
                // gerund after a preposition, where no object follows it ("system for
                // guaranteeing"); a word that modifies the content word after it
                // ([`termlike::EnEnds::premodifies`]: "Shanghai municipal" before
                // "government", "to a deeper" before "level") does not end one there.
                // Whether the word at `j` continues a name begun before it (`CPC Central`,
                // `War of Resistance`); a capitalised stopword opening the run does not
                // count.
                let in_name = |j: usize| {
                    let name_word = |k: usize| {
                        capitalised(&span[k]) && !(k == 0 && edge.contains(&span[k].to_lowercase()))
                    };
                    !title_case
                        && name_word(j)
                        && j > 0
                        && ((name_word(j - 1) && !ends.title(&span[j - 1]))
                            || (j > 1 && span[j - 1] == "of" && name_word(j - 2)))
                };
                // Whether the word at `j` modifies the content word after it, worked out once
                // per word rather than once per n-gram ending there.
                let head_follows: Vec<bool> = (0..span.len())
                    .map(|j| {
                        span.get(j + 1).is_some_and(|n| {
                            let before = j.checked_sub(1).map(|b| span[b].as_str());
                            ends.premodifies(before, &span[j], n)
                        })
                    })
                    .collect();
                for i in 0..span.len() {
                    if bad_start_word(&span[i]) || in_name(i) || ends.irregular_past(&span[i]) {
                        continue;
                    }
                    for len in 1..=max_words.min(span.len() - i) {
                        let last = &span[i + len - 1];
                        if (bad_edge(last) && !(len > 1 && ends.particle(last)))
                            || (ends.modifier(last) && i + len < span.len())
                            || (len > 1
                                && i + len < span.len()
                                && ends.gerund_after_preposition(&span[i + len - 2], last))
                            || ends.participle(last)
                            || (i + len < span.len() && in_name(i + len))
                            || span.get(i + len).is_some_and(|w| ends.complement(w))
                            || head_follows[i + len - 1]
                        {
                            continue;
                        }
                        let surface = span[i..i + len].join(" ");
                        let key = en_key(&span[i..i + len]);
                        let after_negation =
                            i > 0 && negations.contains(&span[i - 1].to_lowercase());
                        let c = en
                            .facts
                            .entry(key.clone())
                            .or_insert_with(|| EnKeyFacts::of(&key));
                        c.after_negation += usize::from(after_negation);
                        c.occurrences += 1;
                        *en.surface
                            .entry(key.clone())
                            .or_default()
                            .entry(surface)
                            .or_default() += 1;
                        if seen.insert(key.clone()) {
                            en.units.entry(key.clone()).or_default().push(u);
                            en.of_unit[u].push(key);
                        }
                    }
                }
            }
        }
        let counts = &en.units;
        for list in &mut en.of_unit {
            list.retain(|k| counts.get(k).is_some_and(|v| v.len() >= min));
        }
        en
    }

    /// Units holding the n-gram `key`.
    pub(crate) fn units_of(&self, key: &str) -> usize {
        self.units.get(key).map_or(0, Vec::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_of_their_own_do_not_bound_a_term() {
        // A conjunction or preposition standing as a word at an edge is clause.
        assert!(function_word_edge("和完善现有制度"));
        assert!(function_word_edge("为建设小康社会"));
        assert!(function_word_edge("工作目标越"));
        assert!(function_word_edge("发展前景宏伟"));
        // The same character inside a word at the edge is the term's own.
        assert!(!function_word_edge("和平发展道路"));
        assert!(!function_word_edge("基本国策"));
        // 以…为… is a set frame.
        assert!(!function_word_edge("以人民为中心"));
    }

    /// Digits join the Han characters around them into one run, a word of their own; each
    /// Han stretch keeps its own boundaries.
    #[test]
    fn digits_join_a_run_as_one_word() {
        let runs = zh_runs("学校成立50周年。");
        assert_eq!(runs.len(), 1);
        let (chars, boundary) = &runs[0];
        assert_eq!(chars.iter().collect::<String>(), "学校成立50周年");
        // 学校|成立|50|周年: no boundary inside the digits.
        assert_eq!(
            boundary,
            &[true, false, true, false, true, false, true, false, true]
        );
    }

    /// A Han-only n-gram next to digits counts them as a run edge, as it did when digits
    /// broke the run; a string holding digits is a candidate only as a founding with its
    /// count of years.
    #[test]
    fn digits_leave_han_ngrams_as_they_were() {
        let segs = [
            Segment {
                doc: "d".into(),
                source: "d".into(),
                date: None,
                id: "d-0".into(),
                zh: "学校成立50周年。".into(),
                en: "The 50th anniversary of the school.".into(),
            },
            Segment {
                doc: "d".into(),
                source: "d".into(),
                date: None,
                id: "d-1".into(),
                zh: "学校成立30周年。".into(),
                en: "The 30th anniversary of the school.".into(),
            },
        ];
        let units = Units::new(&segs);
        let zh = ZhNgrams::count(&segs, &units, 16);
        assert_eq!(zh.chars, 12);
        let st = &zh.stats["学校成立"];
        assert_eq!(st.right, [None, None]);
        let st = &zh.stats["周年"];
        assert_eq!(st.left, [None, None]);
        assert_eq!(zh.stats["成立50"].right, [Some('周')]);
        let none = HashSet::new();
        let cands = zh.candidates(1, &none, &none, false);
        let keys: Vec<&str> = cands.iter().map(|c| c.0.as_str()).collect();
        assert!(keys.contains(&"学校成立50周年"), "{keys:?}");
        assert!(
            keys.iter()
                .all(|k| !k.chars().any(zh_digit) || k.starts_with("学校")),
            "{keys:?}"
        );
    }

    #[test]
    fn no_english_ngram_ends_before_a_particle_or_an_object() {
        let segs = vec![Segment {
            doc: "d".into(),
            source: "d".into(),
            date: None,
            id: "d-0".into(),
            zh: "空谈误国，实干兴邦，锐意进取。".into(),
            en: "Hard work makes it flourish; be determined to go ahead.".into(),
        }];
        let units = Units::new(&segs);
        let en = EnNgrams::count(&segs, &units, 8, 1);
        // The verb before its object or particle ends no n-gram; the phrasal verb does.
        assert!(
            !en.units.contains_key("hard work make"),
            "{:?}",
            en.units.keys()
        );
        assert!(!en.units.contains_key("determined to go"));
        assert!(en.units.contains_key("determined to go ahead"));
        assert!(en.units.contains_key("hard work"));
    }

    /// A word modifying the content word after it ends no n-gram there; before a function
    /// word or at the end of its run it may.
    #[test]
    fn no_english_ngram_ends_before_the_head_of_its_modifier() {
        let segs = vec![Segment {
            doc: "d".into(),
            source: "d".into(),
            date: None,
            id: "d-0".into(),
            zh: "上海市人民政府把改革开放推向更深层次。".into(),
            en: "The Shanghai municipal government carries reform and opening up to a deeper \
                 level, deeper and wider."
                .into(),
        }];
        let units = Units::new(&segs);
        let en = EnNgrams::count(&segs, &units, 8, 1);
        let key = |s: &str| en_key(&s.split(' ').map(String::from).collect::<Vec<_>>());
        let has = |s: &str| en.units.contains_key(&key(s));
        assert!(!has("Shanghai municipal"), "{:?}", en.units.keys());
        assert!(has("Shanghai municipal government"));
        assert!(!has("opening up to a deeper"));
        assert!(has("opening up to a deeper level"));
        assert!(has("deeper and wider"));
    }

    #[test]
    fn english_spans_keep_initialisms_and_break_at_punctuation() {
        let s = en_spans("The U.S. and China's ties, said Wang Yi (non-alliance).");
        assert_eq!(
            s,
            vec![
                vec!["The", "U.S.", "and", "China's", "ties"],
                vec!["said", "Wang", "Yi"],
                vec!["non-alliance"],
            ]
        );
    }
}
