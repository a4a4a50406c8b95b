//! Coordinated formulations: lists of parallel items written with the enumeration comma
//! (道路自信、理论自信、制度自信; 形式主义、官僚主义、享乐主义和奢靡之风), proposed whole
//! with the English list that renders them ("confidence in the path, theory and system").
//!
//! N-gram discovery cannot find them: its Chinese never crosses punctuation, and its
//! English never crosses a comma. Here the Chinese list is cut out of its clause (a
//! governing verb before the first item and words after the last are trimmed to the length
//! of the inner items, on dictionary word boundaries), and the English is the window of the
//! pair's sentence, commas included, that renders the most items by their dictionary
//! glosses with the fewest unglossed words.
//!
//! Set phrases of two clauses (空谈误国，实干兴邦; 千里之行，始于足下), which a speech
//! cites whole as a sentence or a quotation, are found here too: two clauses of equal
//! length joined by a comma, with the English clause pair between the same kind of
//! boundaries that renders both.

use super::termlike::{self, EnEnds};
use crate::lexicon::dict::{GlossedWord, Glosser};
use crate::parse::is_han;
use std::collections::HashSet;

/// Longest item of a list, in characters.
const MAX_ITEM: usize = 8;

/// Longest English window, in words.
const MAX_WINDOW: usize = 24;

/// Whether a dictionary word boundary falls before character `at` of `s`.
fn boundary_at(s: &str, at: usize) -> bool {
    let mut pos = 0;
    for t in crate::lexicon::cedict::tokenize(s) {
        if pos == at {
            return true;
        }
        pos += t.chars().count();
    }
    pos == at
}

/// The coordinated formulations of a Chinese text, each with its items.
pub fn zh_lists(zh: &str) -> Vec<(String, Vec<String>)> {
    let clean = crate::lexicon::terms::zh_key_text(zh);
    let mut out = Vec::new();
    for clause in clean.split(|c: char| !is_han(c) && c != '、') {
        if !clause.contains('、') {
            continue;
        }
        let mut items: Vec<String> = clause.split('、').map(str::to_string).collect();
        if items.len() < 2 || items.iter().any(|i| i.is_empty()) {
            continue;
        }
        // The last item may join two with 和 / 与 / 及 (…享乐主义和奢靡之风).
        let inner: Vec<usize> = items[1..items.len() - 1]
            .iter()
            .map(|i| i.chars().count())
            .collect();
        let len = if inner.is_empty() {
            4
        } else {
            let mut v = inner.clone();
            v.sort_unstable();
            v[v.len() / 2]
        };
        if inner.iter().any(|&l| l > MAX_ITEM) || len < 2 {
            continue;
        }
        // A governing verb before the first item is not part of the list.
        if termlike::leading_verb(&items[0]) {
            let verb_free = (1..items[0].chars().count())
                .map(|k| items[0].chars().skip(k).collect::<String>())
                .find(|rest| {
                    !termlike::leading_verb(rest)
                        && boundary_at(&items[0], items[0].chars().count() - rest.chars().count())
                });
            match verb_free {
                Some(rest) => items[0] = rest,
                None => continue,
            }
        }
        // Later items sharing an opening (面向世界、面向未来) place the first item's start
        // at that opening, whatever its length (坚持面向现代化 → 面向现代化).
        let opening: String = {
            let later = &items[1..];
            let shortest = later.iter().map(|i| i.chars().count()).min();
            let mut common = 0;
            while shortest.is_some_and(|m| common < m - 1)
                && later
                    .iter()
                    .all(|i| i.chars().nth(common) == later[0].chars().nth(common))
            {
                common += 1;
            }
            later
                .first()
                .map_or_else(String::new, |i| i.chars().take(common).collect())
        };
        if !opening.is_empty() {
            if let Some(b) = items[0].rfind(opening.as_str()).filter(|&b| b > 0) {
                let at = items[0][..b].chars().count();
                if boundary_at(&items[0], at) {
                    items[0] = items[0][b..].to_string();
                }
            }
        }
        let first = &items[0];
        let n = first.chars().count();
        let at_opening = !opening.is_empty() && first.starts_with(opening.as_str());
        if n > len && !at_opening {
            if !boundary_at(first, n - len) {
                continue;
            }
            items[0] = first.chars().skip(n - len).collect();
        } else if n < 2 {
            continue;
        }
        let last_idx = items.len() - 1;
        let last = items[last_idx].clone();
        let chars: Vec<char> = last.chars().collect();
        let joined_pair = ['和', '与', '及'].iter().find_map(|j| {
            let p = chars.iter().position(|c| c == j)?;
            let rest = chars.len() - p - 1;
            (p == len && (2..=MAX_ITEM).contains(&rest)).then(|| {
                let tail: String = chars[p + 1..].iter().collect();
                if rest <= len {
                    return Some(chars.iter().collect::<String>());
                }
                // The second part runs into the next words (奢靡之风四风 where the text
                // quotes “四风” after the list): it ends where the items do, at their
                // length, when a word ends there, else after the longest dictionary word
                // it begins with.
                if boundary_at(&tail, len) {
                    return Some(chars[..p + 1 + len].iter().collect::<String>());
                }
                let cut = (2..=tail.chars().count())
                    .rev()
                    .find(|&k| {
                        termlike::dictionary_word(&tail.chars().take(k).collect::<String>())
                            && boundary_at(&tail, k)
                    })
                    .unwrap_or(0);
                (cut >= 2).then(|| {
                    chars[..p + 1]
                        .iter()
                        .chain(tail.chars().take(cut).collect::<Vec<_>>().iter())
                        .collect::<String>()
                })
            })?
        });
        if let Some(j) = &joined_pair {
            items[last_idx] = j.clone();
        } else if let Some(cut) = shared_ending_cut(&items[..last_idx], &last, len) {
            items[last_idx] = chars[..cut].iter().collect();
        } else if chars.len() > len {
            if !boundary_at(&last, len) {
                continue;
            }
            items[last_idx] = chars[..len].iter().collect();
        } else if chars.len() < 2 {
            continue;
        }
        // Parallel items: of one length, or sharing an opening or an ending (道路自信、
        // 理论自信; 尊重劳动、尊重知识); two items must besides be four characters or more
        // and dictionary words or share one, since a pair of anything is easily cut from a
        // clause (非洲、中国 is a list of names, not a formulation).
        // A last item joining two (享乐主义和奢靡之风) is compared by its first part.
        let mut parts = items.clone();
        if joined_pair.is_some() {
            parts[last_idx] = items[last_idx].chars().take(len).collect();
        }
        let items_all = items;
        let items = parts;
        let lens: HashSet<usize> = items.iter().map(|i| i.chars().count()).collect();
        let shared = |f: fn(&str) -> Option<char>| {
            let first = f(&items[0]);
            first.is_some() && items.iter().all(|i| f(i) == first)
        };
        let affix = shared(|i| i.chars().next()) || shared(|i| i.chars().last());
        let parallel = if items.len() == 2 {
            items.iter().all(|i| i.chars().count() >= 4)
                && (affix || items.iter().all(|i| termlike::dictionary_word(i)))
        } else {
            affix || lens.len() == 1
        };
        let (bad_start, bad_end) = super::ngrams::zh_edges();
        let joined = items_all.join("、");
        if !parallel
            || bad_start.iter().any(|b| joined.starts_with(b.as_str()))
            || bad_end.iter().any(|b| joined.ends_with(b.as_str()))
        {
            continue;
        }
        out.push((joined, items_all));
    }
    out
}

/// Where the last item of a list ends when the items before it share an ending (政治建设、
/// 文化建设、社会建设、生态文明建设中): after that ending, written in the last item past the
/// usual item length `len` and within [`MAX_ITEM`], on a dictionary word boundary. Cut at
/// `len` instead, the item would lose the head the list repeats (生态文明 for
/// 生态文明建设) and the English rendering it ("ecological development") would render
/// more than the Chinese. `None` when the items share no ending of a character or more,
/// or the last item holds it within `len` already.
fn shared_ending_cut(before: &[String], last: &str, len: usize) -> Option<usize> {
    let first = before.first()?;
    if before.len() < 2 {
        return None;
    }
    let ending: Vec<char> = {
        let mut common: Vec<char> = first.chars().rev().collect();
        for item in &before[1..] {
            let n = common
                .iter()
                .zip(item.chars().rev())
                .take_while(|(a, b)| *a == b)
                .count();
            common.truncate(n);
        }
        common.into_iter().rev().collect()
    };
    if ending.is_empty() {
        return None;
    }
    let chars: Vec<char> = last.chars().collect();
    let end = (1..=chars.len().min(MAX_ITEM))
        .find(|&e| e >= ending.len() && chars[e - ending.len()..e] == ending[..])?;
    (end > len && boundary_at(last, end)).then_some(end)
}

/// Lists written without punctuation (改革发展稳定 "reform, development and stability"):
/// three or four consecutive two-character dictionary words of one run of Han characters,
/// each with its items. Most such strings are a verb and its object, not a list; the
/// caller keeps one only where the English renders it as a list across commas, every word
/// an item of its own.
pub fn zh_juxtaposed(zh: &str) -> Vec<(String, Vec<String>)> {
    let clean = crate::lexicon::terms::zh_key_text(zh);
    let mut out = Vec::new();
    for run in clean.split(|c: char| !is_han(c)).filter(|r| !r.is_empty()) {
        let tokens = crate::lexicon::cedict::tokenize(run);
        for n in [3, 4] {
            for w in tokens.windows(n) {
                if w.iter()
                    .all(|t| t.chars().count() == 2 && termlike::dictionary_word(t))
                {
                    out.push((w.concat(), w.iter().map(|t| t.to_string()).collect()));
                }
            }
        }
    }
    out
}

/// Coordinated modifiers written without punctuation before 的 and a head term
/// (民主自由平等公正的社会主义制度 "a democratic, free, equal and just socialist system"): three to
/// six consecutive two-character dictionary words that are not verbs (a verb in front governs the
/// phrase: 建设…), 的, and the longest run of words after it with the form of a term (a dictionary
/// entry, a set opening or head) that ends the run or stands before a function word, each with its
/// items (the modifiers, then the head). The head belongs to the formulation, so the modifiers
/// alone are not its term; the caller keeps one only where one English window renders every
/// modifier and the head.
pub fn zh_qualified(zh: &str) -> Vec<(String, Vec<String>)> {
    let clean = crate::lexicon::terms::zh_key_text(zh);
    let none = HashSet::new();
    let verb = |t: &str| crate::lexicon::cedict::simplified(t).is_some_and(|e| e.verb_gloss());
    let mut out = Vec::new();
    for run in clean.split(|c: char| !is_han(c)).filter(|r| !r.is_empty()) {
        let tokens = crate::lexicon::cedict::tokenize(run);
        for (i, t) in tokens.iter().enumerate() {
            if *t != "的" {
                continue;
            }
            let mut modifiers: Vec<&str> = tokens[..i]
                .iter()
                .rev()
                .take_while(|m| m.chars().count() == 2 && termlike::dictionary_word(m) && !verb(m))
                .copied()
                .collect();
            modifiers.reverse();
            if !(3..=6).contains(&modifiers.len()) {
                continue;
            }
            // The head: words after 的 with the form of a term, three characters or more,
            // ending where the run does or before a function word (else it is cut from a
            // longer word group: 根本 of 根本利益).
            let mut head: Option<String> = None;
            let mut words = String::new();
            let after = &tokens[i + 1..];
            for (k, w) in after.iter().enumerate() {
                words.push_str(w);
                if words.chars().count() > MAX_ITEM + 2 {
                    break;
                }
                let term = words.chars().count() >= 3
                    && matches!(
                        termlike::form(&words, &none),
                        Some(termlike::Form::Dictionary | termlike::Form::Structure)
                    );
                let closed = after
                    .get(k + 1)
                    .is_none_or(|next| super::ngrams::function_word(next));
                if term && closed {
                    head = Some(words.clone());
                }
            }
            let Some(head) = head else { continue };
            let key = format!("{}的{head}", modifiers.concat());
            // Tokens skip characters the dictionary lacks: the key must be the text's own.
            if !run.contains(&key) {
                continue;
            }
            let mut items: Vec<String> = modifiers.iter().map(|m| m.to_string()).collect();
            items.push(head);
            out.push((key, items));
        }
    }
    out
}

/// Characters after which a clause pair may begin: the start of a sentence or a quotation.
const COUPLET_OPEN: &str = "。！？；：“「‘\"";

/// Characters before which a clause pair may end: the end of a sentence or a quotation.
const COUPLET_CLOSE: &str = "。！？；”」’\"";

/// Set phrases of two clauses (空谈误国，实干兴邦; 千里之行，始于足下): two runs of Han
/// characters of equal length (four to seven) joined by one comma or enumeration comma,
/// standing as a whole sentence or a whole quotation (opening after sentence punctuation
/// or a quotation mark, or at the start, and closing likewise), each with its two halves.
/// Such a pair is a saying or a slogan the text cites whole, where two clauses of running
/// text are cut out of a longer sentence.
pub fn zh_couplets(zh: &str) -> Vec<(String, Vec<String>)> {
    let chars: Vec<char> = zh.trim().chars().collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_han(chars[i]) {
            let start = i;
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for w in runs.windows(2) {
        let ((s1, e1), (s2, e2)) = (w[0], w[1]);
        let sep = chars[e1];
        let n = e1 - s1;
        if s2 != e1 + 1 || !matches!(sep, '，' | '、') || e2 - s2 != n || !(4..=7).contains(&n) {
            continue;
        }
        let opens = s1 == 0 || COUPLET_OPEN.contains(chars[s1 - 1]);
        let closes = e2 == chars.len() || COUPLET_CLOSE.contains(chars[e2]);
        if !opens || !closes {
            continue;
        }
        let (a, b): (String, String) = (
            chars[s1..e1].iter().collect(),
            chars[s2..e2].iter().collect(),
        );
        out.push((format!("{a}{sep}{b}"), vec![a, b]));
    }
    out
}

/// The English of a set phrase of two clauses: a whole run of the sentence (between
/// sentence punctuation or quotation marks) holding exactly one comma, each side rendering
/// its Chinese clause by the dictionary and at least half of its content words glossed
/// ("Empty talk harms the country, while hard work makes it flourish"). The best such run
/// by glossed words, if any.
pub fn couplet_window(en: &str, halves: &[Vec<GlossedWord>]) -> Option<String> {
    let [first, second] = halves else {
        return None;
    };
    let all: Vec<GlossedWord> = halves.iter().flatten().cloned().collect();
    en_runs(en)
        .into_iter()
        .filter(|run| run.iter().filter(|t| *t == ",").count() == 1 && run.len() <= 24)
        .filter_map(|run| {
            let comma = run.iter().position(|t| t == ",")?;
            let (left, right) = (surface(&run[..comma]), surface(&run[comma + 1..]));
            let whole = surface(&run);
            let r = termlike::rendering(&whole, &all);
            (termlike::rendering(&left, first).zh_covered > 0
                && termlike::rendering(&right, second).zh_covered > 0
                && r.glossed * 2 >= r.words)
                .then_some((r.glossed, whole))
        })
        .max_by(|p, q| p.0.cmp(&q.0).then(q.1.cmp(&p.1)))
        .map(|(_, en)| en)
}

/// English tokens of a sentence in runs not crossed by sentence punctuation, with each
/// comma a token of its own.
fn en_runs(en: &str) -> Vec<Vec<String>> {
    let mut runs = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for piece in en.split_whitespace() {
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let lead = piece.starts_with(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if lead && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        if !word.is_empty() {
            run.push(word.replace('’', "'"));
        }
        let tail = piece.trim_end_matches(|c: char| c.is_alphanumeric());
        let end = tail.chars().last().filter(|c| !c.is_alphanumeric());
        match end {
            Some(',') => run.push(",".to_string()),
            Some(_) if !word.is_empty() && piece.ends_with(|c: char| !c.is_alphanumeric()) => {
                runs.push(std::mem::take(&mut run));
            }
            _ => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Joins tokens, commas attached to the word before.
fn surface(tokens: &[String]) -> String {
    let mut s = String::new();
    for t in tokens {
        if t != "," && !s.is_empty() {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

/// English modal verbs (`data/terms/en_modal_verbs.txt`), read once: the word after one
/// is the verb of its clause.
fn en_modal_verbs() -> &'static HashSet<String> {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| crate::data::words(include_str!("../../data/terms/en_modal_verbs.txt")))
}

/// The first glossed word of each item (its index in the items' glosses flattened; none
/// for an item without a gloss, which then shares no opening).
fn item_openings(items: &[Vec<GlossedWord>]) -> Vec<usize> {
    items
        .iter()
        .scan(0, |start, g| {
            let first = if g.is_empty() { usize::MAX } else { *start };
            *start += g.len();
            Some(first)
        })
        .collect()
}

/// Which tokens of a run are the predicate governing a list: a word right after a modal
/// verb that renders the opening every item shares (`covers`: the Chinese words each token
/// glosses; `openings`: [`item_openings`]), as "orient" renders 面向 of 面向现代化、面向世界、
/// 面向未来 in "must orient yourselves to modernization, the world and the future". The
/// opening is written once, as the verb of the sentence; a verb of one item only ("should
/// fully trust in, care for and be strict with") is none.
fn predicates(run: &[String], covers: &[Option<Vec<usize>>], openings: &[usize]) -> Vec<bool> {
    let modals = en_modal_verbs();
    (0..run.len())
        .map(|i| {
            i > 0
                && modals.contains(&run[i - 1].to_lowercase())
                && covers[i]
                    .as_ref()
                    .is_some_and(|c| openings.iter().all(|o| c.contains(o)))
        })
        .collect()
}

/// What each token of an English run glosses among the items' words `all`
/// ([`termlike::word_covers`]; a comma glosses nothing), worked out once per run. An
/// adverb particle after a glossed word ("ahead" of "be determined to go ahead") is part
/// of that word's verb, no word of its own: it counts as none, so that a window may end on
/// it rather than on the verb.
fn run_covers(run: &[String], all: &[GlossedWord]) -> Vec<Option<Vec<usize>>> {
    let ends = EnEnds::get();
    let mut out: Vec<Option<Vec<usize>>> = Vec::with_capacity(run.len());
    for t in run {
        let verb_glossed = out
            .last()
            .is_some_and(|c| c.as_ref().is_some_and(|c| !c.is_empty()));
        out.push(if t == "," || (verb_glossed && ends.particle(t)) {
            None
        } else {
            termlike::word_covers(t, all)
        });
    }
    out
}

/// The predicate governing a list in an English sentence ([`predicates`]), if it has one:
/// a window that begins after it still renders the opening the items share, through it.
pub fn shared_predicate(en: &str, items: &[Vec<GlossedWord>]) -> Option<String> {
    let all: Vec<GlossedWord> = items.iter().flatten().cloned().collect();
    let openings = item_openings(items);
    en_runs(en).into_iter().find_map(|run| {
        let covers = run_covers(&run, &all);
        let predicate = predicates(&run, &covers, &openings);
        run.iter()
            .zip(predicate)
            .find(|(_, p)| *p)
            .map(|(t, _)| t.clone())
    })
}

/// How a window renders a list: (items rendered, 2 × glossed − content words, English).
pub fn best_window(en: &str, items: &[Vec<GlossedWord>]) -> Option<(usize, i64, String)> {
    let edge = super::ngrams::en_edge_words();
    let ends = EnEnds::get();
    let bad = |w: &str| w == "," || edge.contains(&w.to_lowercase()) || w.chars().count() < 2;
    let all: Vec<GlossedWord> = items.iter().flatten().cloned().collect();
    // The item each glossed Chinese word belongs to.
    let item_of: Vec<usize> = items
        .iter()
        .enumerate()
        .flat_map(|(k, g)| std::iter::repeat_n(k, g.len()))
        .collect();
    // Best so far by (items rendered, Chinese words rendered, 2 × glossed − content words,
    // shortest text): of two windows rendering every item, the one that also renders the
    // words the items share ("confidence in the Chinese path, theories and system" for
    // 道路自信、理论自信、制度自信, where "path, theories and system" leaves each 自信
    // out) is the list's rendering, even with an unglossed word inside.
    type Key = (usize, usize, i64, i64);
    let mut best: Option<(Key, String)> = None;
    let openings = item_openings(items);
    for run in en_runs(en) {
        // What each token glosses, once per run: a window's rendering (as
        // `termlike::rendering` would count it on the window's text) is the sum of its
        // tokens', grown one token at a time.
        let covers = run_covers(&run, &all);
        // Which tokens may open a window, and which may close one (not a modifier either).
        // The predicate governing the list ([`predicates`]) opens none: the list's
        // rendering begins after it.
        let predicate = predicates(&run, &covers, &openings);
        let opens: Vec<bool> = run
            .iter()
            .zip(&predicate)
            .map(|(t, &p)| !bad(t) && !p)
            .collect();
        // Nor a verb whose particle or object follows it ("be determined to go" of "… to
        // go ahead"), nor an adjective a word follows ("industrious, honest and creative"
        // of "… creative way"): the head it modifies is cut off.
        let closes: Vec<bool> = run
            .iter()
            .zip(&opens)
            .enumerate()
            .map(|(k, (t, &ok))| {
                let next = run.get(k + 1).filter(|n| *n != ",");
                let head_cut = match next {
                    Some(n) => ends.complement(n) || ends.adjective(t),
                    None => false,
                };
                ok && !ends.modifier(t) && !head_cut
            })
            .collect();
        for i in 0..run.len() {
            if !opens[i] {
                continue;
            }
            // Content words, those glossed, whether the first and the last are glossed;
            // per Chinese word and per item, the window's tokens glossing it.
            let (mut words, mut glossed) = (0usize, 0usize);
            let (mut first, mut last) = (None, false);
            let mut zh_hits = vec![0u32; all.len()];
            let mut item_hits = vec![0u32; items.len()];
            let mut covered = 0usize;
            let mut words_rendered = 0usize;
            for j in i + 1..=(i + MAX_WINDOW).min(run.len()) {
                if let Some(c) = &covers[j - 1] {
                    let g = !c.is_empty();
                    words += 1;
                    glossed += usize::from(g);
                    first.get_or_insert(g);
                    last = g;
                    for &z in c {
                        if zh_hits[z] == 0 {
                            if item_hits[item_of[z]] == 0 {
                                covered += 1;
                            }
                            item_hits[item_of[z]] += 1;
                            words_rendered += 1;
                        }
                        zh_hits[z] += 1;
                    }
                }
                if !closes[j - 1] {
                    continue;
                }
                if !(first == Some(true) && last) {
                    continue;
                }
                if words < items.len() || (glossed as f64 / words as f64) < 0.7 {
                    continue;
                }
                let text = surface(&run[i..j]);
                let key = (
                    covered,
                    words_rendered,
                    glossed as i64 * 2 - words as i64,
                    -(text.len() as i64),
                );
                if best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, text));
                }
            }
        }
    }
    best.map(|((covered, _, score, _), text)| (covered, score, text))
}

/// The English of coordinated modifiers and their head ([`zh_qualified`]): the best
/// window ([`best_window`]) grown to the whole English list it stands in, since a
/// modifier's English may be a word no gloss reaches ("prosperous" for a word glossed
/// "rich and powerful") and a list of adjectives is written whole: leftwards over words
/// each followed by a comma ("stable, open, …"), rightwards, when the window ends inside
/// the list, through its "and" or "or" and the word after it. Kept when the head and all
/// the modifiers but one are rendered.
pub fn qualified_window(en: &str, items: &[Vec<GlossedWord>]) -> Option<String> {
    let (head, modifiers) = items.split_last()?;
    let (_, _, window) = best_window(en, items)?;
    let edge = super::ngrams::en_edge_words();
    let word = |t: &str| {
        t != "," && t.chars().all(char::is_alphabetic) && !edge.contains(&t.to_lowercase())
    };
    for run in en_runs(en) {
        let n = window.split([' ', ',']).filter(|w| !w.is_empty()).count();
        let Some(start) = (0..run.len()).find(|&i| {
            let j = (i..=run.len()).find(|&j| run[i..j].iter().filter(|t| *t != ",").count() == n);
            j.is_some_and(|j| surface(&run[i..j]) == window)
        }) else {
            continue;
        };
        let mut i = start;
        let mut j = (i..=run.len())
            .find(|&j| run[i..j].iter().filter(|t| *t != ",").count() == n)
            .unwrap_or(run.len());
        while i >= 2 && run[i - 1] == "," && word(&run[i - 2]) {
            i -= 2;
        }
        let in_list = run[i..j].iter().any(|t| t == ",");
        if in_list {
            if let Some(k) =
                (j..(j + 4).min(run.len())).find(|&k| run[k] == "and" || run[k] == "or")
            {
                let rest_is_list = run[j..k].iter().all(|t| t == "," || word(t));
                if rest_is_list && run.get(k + 1).is_some_and(|t| word(t)) {
                    j = k + 2;
                }
            }
        }
        let text = surface(&run[i..j]);
        let rendered = |g: &[GlossedWord]| termlike::rendering(&text, g).zh_covered > 0;
        let missing = modifiers.iter().filter(|m| !rendered(m)).count();
        return (rendered(head) && missing <= 1).then_some(text);
    }
    None
}

/// Glosses each item of a list.
pub fn gloss_items(glosser: &mut Glosser, items: &[String]) -> Vec<Vec<GlossedWord>> {
    items
        .iter()
        .map(|i| termlike::gloss_candidate(glosser, i))
        .collect()
}

/// Whether every item has a gloss, so that the English can be checked item by item.
pub fn all_glossed(items: &[Vec<GlossedWord>]) -> bool {
    items.iter().all(|g| !g.is_empty())
}

/// Distinct lists, in order of first appearance.
pub fn dedup(lists: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    let mut seen = HashSet::new();
    lists
        .into_iter()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_cut_from_their_clause() {
        let l = zh_lists("我们要坚定道路自信、理论自信、制度自信，继续前进。");
        assert_eq!(l[0].0, "道路自信、理论自信、制度自信");
        let l = zh_lists("广大青年要坚持面向现代化、面向世界、面向未来，增强本领。");
        assert_eq!(l[0].0, "面向现代化、面向世界、面向未来");
        let l = zh_lists("坚决反对形式主义、官僚主义、享乐主义和奢靡之风。");
        assert_eq!(l[0].0, "形式主义、官僚主义、享乐主义和奢靡之风");
        // The quotation after the list is not part of its last item.
        let l = zh_lists("坚决反对形式主义、官僚主义、享乐主义和奢靡之风“四风”。");
        assert_eq!(l[0].0, "形式主义、官僚主义、享乐主义和奢靡之风");
    }

    /// A last item longer than the others keeps the ending they share: the list's head
    /// is not cut off it.
    #[test]
    fn the_last_item_keeps_the_shared_ending() {
        let l = zh_lists("而且在政治建设、文化建设、社会建设、生态文明建设中也要牢记初级阶段。");
        assert_eq!(l[0].0, "政治建设、文化建设、社会建设、生态文明建设");
        // Without a shared ending the last item is cut at the items' length.
        let l = zh_lists("我们要坚定道路自信、理论自信、制度自信，继续前进。");
        assert_eq!(l[0].0, "道路自信、理论自信、制度自信");
        assert_eq!(
            shared_ending_cut(&["经济建设".into(), "文化建设".into()], "生态文明建设中", 4),
            Some(6)
        );
        assert_eq!(
            shared_ending_cut(&["经济".into(), "文化".into()], "生态文明", 2),
            None
        );
    }

    #[test]
    fn coordinated_modifiers_take_their_head() {
        let found = zh_qualified("我们要建设民主自由平等公正的社会主义制度。");
        assert!(
            found
                .iter()
                .any(|(k, items)| k == "民主自由平等公正的社会主义制度"
                    && items.len() == 5
                    && items.last().map(String::as_str) == Some("社会主义制度")),
            "{found:?}"
        );
        // A verb in front is not one of the modifiers; two modifiers are no coordination;
        // a head cut from a longer word group is no head.
        assert!(found.iter().all(|(k, _)| !k.starts_with("建设")));
        assert!(zh_qualified("民主法治的社会主义制度").is_empty());
        assert!(zh_qualified("民主自由平等公正的政治制度改革").is_empty());
    }

    #[test]
    fn the_english_of_qualified_modifiers_is_their_whole_list() {
        let items: Vec<String> = ["民主", "自由", "平等", "社会主义制度"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let glossed = gloss_items(&mut Glosser::new(), &items);
        // "strong" renders no item: the list is taken whole all the same.
        let en = "They built a strong, democratic, free and equal socialist system at last.";
        assert_eq!(
            qualified_window(en, &glossed).as_deref(),
            Some("strong, democratic, free and equal socialist system")
        );
        // Without its head the English is no rendering.
        assert_eq!(
            qualified_window("They are democratic, free and equal.", &glossed),
            None
        );
    }

    #[test]
    fn set_phrases_of_two_clauses() {
        let c = zh_couplets("我们说“空谈误国，实干兴邦”，实干首先就要脚踏实地。");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].0, "空谈误国，实干兴邦");
        // Two clauses cut out of a longer sentence are not a set phrase.
        assert!(zh_couplets("我们要立足本职，埋头苦干，增长才干。").is_empty());
        let j = zh_juxtaposed("必须坚持改革发展稳定的统一。");
        assert!(j
            .iter()
            .any(|(k, items)| k == "改革发展稳定" && items.len() == 3));
        let mut g = Glosser::new();
        let halves = gloss_items(&mut g, &c[0].1);
        assert_eq!(
            couplet_window(
                "We often say, “Empty talk harms the country, while hard work makes it flourish.”",
                &halves
            )
            .as_deref(),
            Some("Empty talk harms the country, while hard work makes it flourish")
        );
    }

    /// The items glossed, and the best English window of `en` for them: items rendered
    /// and the window.
    fn window(items: &[&str], en: &str) -> (Vec<Vec<GlossedWord>>, Option<(usize, String)>) {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        let glossed = gloss_items(&mut Glosser::new(), &items);
        let best = best_window(en, &glossed).map(|(covered, _, w)| (covered, w));
        (glossed, best)
    }

    #[test]
    fn the_english_window_renders_every_item() {
        let (_, best) = window(
            &["道路自信", "理论自信", "制度自信"],
            "We must strengthen our confidence in the path, theory and system, and march on.",
        );
        assert_eq!(
            best,
            Some((3, "confidence in the path, theory and system".to_string()))
        );
    }

    /// A window does not end on an adjective its head follows: without the head it renders
    /// no list.
    #[test]
    fn the_window_does_not_end_before_its_head() {
        let (_, best) = window(
            &["辛勤劳动", "诚实劳动", "创造性劳动"],
            "We must work in an industrious, honest and creative way.",
        );
        assert!(
            best.as_ref().is_none_or(|(_, w)| !w.ends_with("creative")),
            "{best:?}"
        );
    }

    /// A window ends on a phrasal verb's particle, not on the verb before it.
    #[test]
    fn the_window_keeps_the_particle_of_its_verb() {
        let (_, best) = window(
            &["再接再厉", "严于律己", "锐意进取"],
            "I hope they will make persistent efforts, be strict with themselves, be determined to go ahead, and set an example.",
        );
        assert!(
            best.as_ref().is_some_and(|(_, w)| w.ends_with("go ahead")),
            "{best:?}"
        );
    }

    /// Of two windows rendering every item, the one that renders the word the items
    /// share too is taken, even with an unglossed word inside.
    #[test]
    fn the_window_renders_the_shared_word() {
        let (_, best) = window(
            &["经济信心", "市场信心", "消费信心"],
            "This will boost confidence in the national economy, markets and consumption.",
        );
        assert_eq!(
            best.map(|(_, w)| w).as_deref(),
            Some("confidence in the national economy, markets and consumption")
        );
    }

    /// A verb after a modal that renders the opening every item shares is the predicate
    /// governing the list: the window begins after it. A verb of one item only stays.
    #[test]
    fn the_predicate_after_a_modal_is_no_item() {
        let en = "We must serve the people, society and the country.";
        let (items, best) = window(&["服务人民", "服务社会", "服务国家"], en);
        assert_eq!(
            best,
            Some((3, "people, society and the country".to_string()))
        );
        assert_eq!(shared_predicate(en, &items).as_deref(), Some("serve"));
    }
}
