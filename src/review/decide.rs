//! The reviewer's decisions and how they change an aligned document.
//!
//! A document under review is a sequence of [`Row`]s in reading order: pairs, and the
//! sentences without a counterpart shown in place between them. Every sentence has a number
//! (its index in [`sentence_table`]), and a decision names a pair by any sentence it holds,
//! because pairs come and go as the reviewer merges and splits while sentences stay put.
//! The review page (`data/review/page.js`) carries out the same decisions on the same rows
//! to show their effect; [`Workspace`] is the authority that `apply` uses.
//!
//! Nothing is lost: a decision only moves sentences between rows, a rejected pair's
//! sentences become unaligned rows, and a decision that does not fit the rows is refused
//! with its number rather than skipped.

use serde::{Deserialize, Serialize};

use crate::model::{AlignedDocument, Lang, Pair, Unaligned, UnitKind};

/// Which neighbour a sentence moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The previous pair (the sentence must be the first of its side).
    Prev,
    /// The next pair (the sentence must be the last of its side).
    Next,
}

/// One correction made in the review page. `sentence` names the pair holding that sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Decision {
    /// The pair is right as it is: mark it reviewed.
    Accept {
        /// A sentence of the pair.
        sentence: usize,
    },
    /// The pair is wrong: its sentences become unaligned (reported in `unaligned.tsv`).
    Reject {
        /// A sentence of the pair.
        sentence: usize,
    },
    /// The pair and the next pair are one: join them.
    Merge {
        /// A sentence of the first pair.
        sentence: usize,
    },
    /// The pair is two: the first `en` English and `zh` Chinese sentences stay in the first
    /// part, the rest go to the second. A part left with one side empty becomes unaligned.
    Split {
        /// A sentence of the pair.
        sentence: usize,
        /// English sentences kept in the first part.
        en: usize,
        /// Chinese sentences kept in the first part.
        zh: usize,
    },
    /// The first (or last) sentence of one side belongs to the previous (or next) pair.
    Move {
        /// The sentence that moves.
        sentence: usize,
        /// Where it goes.
        to: Direction,
    },
    /// Two unaligned sentences translate each other: make them a pair.
    Pair {
        /// The English sentence.
        en: usize,
        /// The Chinese sentence.
        zh: usize,
    },
}

impl Decision {
    /// The decision's name as written in the decisions file (`accept`, `merge` …).
    pub fn name(&self) -> &'static str {
        match self {
            Decision::Accept { .. } => "accept",
            Decision::Reject { .. } => "reject",
            Decision::Merge { .. } => "merge",
            Decision::Split { .. } => "split",
            Decision::Move { .. } => "move",
            Decision::Pair { .. } => "pair",
        }
    }
}

/// One sentence of the document, with what a pair or an unaligned-report row needs to know
/// about where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableSentence {
    /// Its language.
    pub lang: Lang,
    /// The text.
    pub text: String,
    /// Unit index (the English unit for sentences read from a pair).
    pub unit: usize,
    /// Role of the unit.
    pub kind: UnitKind,
    /// Speaker label in the sentence's language, for turns.
    pub speaker: Option<String>,
    /// 1-based input line of the sentence's paragraph (for a sentence read from a pair, the
    /// line of the pair's first sentence on that side: the memory keeps no more).
    pub line: usize,
}

/// Every sentence of `doc`, numbered: the sentences of each pair in pair order (English,
/// then Chinese), then the unaligned ones in report order. The numbers decisions use.
pub fn sentence_table(doc: &AlignedDocument) -> Vec<TableSentence> {
    let mut t = Vec::new();
    for p in &doc.pairs {
        for lang in [Lang::En, Lang::Zh] {
            for s in p.sentences(lang) {
                t.push(TableSentence {
                    lang,
                    text: s.clone(),
                    unit: p.unit,
                    kind: p.kind,
                    speaker: p.speaker(lang).map(str::to_string),
                    line: match lang {
                        Lang::En => p.lines.0,
                        Lang::Zh => p.lines.1,
                    },
                });
            }
        }
    }
    for u in &doc.unaligned {
        t.push(TableSentence {
            lang: u.lang,
            text: u.text.clone(),
            unit: u.unit,
            kind: u.kind,
            speaker: u.speaker.clone(),
            line: u.line,
        });
    }
    t
}

/// A pair under review: its sentences by number, and the pair it was made from (whose
/// id, document, speakers and score it keeps).
#[derive(Clone, Debug, PartialEq)]
pub struct PairRow {
    /// The pair's metadata; its `en`/`zh` are filled from the sentence numbers at the end.
    pub meta: Pair,
    /// English sentences, by number.
    pub en: Vec<usize>,
    /// Chinese sentences, by number.
    pub zh: Vec<usize>,
    /// `Some(base)` for a pair the review made (second part of a split, or two sentences
    /// paired): it gets a fresh id `base.N` / `base-N` when the document is rebuilt.
    pub new_id: Option<String>,
}

impl PairRow {
    /// The side of one language.
    fn side(&mut self, lang: Lang) -> &mut Vec<usize> {
        match lang {
            Lang::En => &mut self.en,
            Lang::Zh => &mut self.zh,
        }
    }
}

/// One row of the document under review.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A pair.
    Pair(Box<PairRow>),
    /// A sentence without a counterpart, by number.
    Unaligned(usize),
}

/// A document being corrected: the rows in reading order over a fixed sentence table.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// The document as exported (metadata, and the original unaligned list).
    original: AlignedDocument,
    /// The sentences, by number.
    pub sentences: Vec<TableSentence>,
    /// The rows, in reading order.
    pub rows: Vec<Row>,
    /// Whether a decision moved sentences (anything but accept): the unaligned list must be
    /// rebuilt.
    reshaped: bool,
}

impl Workspace {
    /// The rows of an exported document: its pairs in order, each unaligned sentence placed
    /// after the pairs whose first sentence on its side starts at or before its line.
    pub fn new(doc: &AlignedDocument) -> Workspace {
        let sentences = sentence_table(doc);
        let mut next = 0;
        let mut pair_rows = Vec::with_capacity(doc.pairs.len());
        for p in &doc.pairs {
            let en: Vec<usize> = (next..next + p.en.len()).collect();
            next += p.en.len();
            let zh: Vec<usize> = (next..next + p.zh.len()).collect();
            next += p.zh.len();
            let mut meta = p.clone();
            meta.en.clear();
            meta.zh.clear();
            pair_rows.push(PairRow {
                meta,
                en,
                zh,
                new_id: None,
            });
        }
        // Where each unaligned sentence goes: after how many pairs.
        let mut slots: Vec<(usize, usize)> = doc
            .unaligned
            .iter()
            .enumerate()
            .map(|(k, u)| {
                let after = doc
                    .pairs
                    .iter()
                    .take_while(|p| {
                        let line = match u.lang {
                            Lang::En => p.lines.0,
                            Lang::Zh => p.lines.1,
                        };
                        line <= u.line
                    })
                    .count();
                (after, next + k)
            })
            .collect();
        slots.sort_by_key(|&(after, _)| after); // stable: report order within a slot
        let mut rows = Vec::with_capacity(doc.pairs.len() + slots.len());
        let mut slot = slots.into_iter().peekable();
        for (i, pr) in pair_rows.into_iter().enumerate() {
            while let Some((_, s)) = slot.next_if(|&(after, _)| after <= i) {
                rows.push(Row::Unaligned(s));
            }
            rows.push(Row::Pair(Box::new(pr)));
        }
        rows.extend(slot.map(|(_, s)| Row::Unaligned(s)));
        Workspace {
            original: doc.clone(),
            sentences,
            rows,
            reshaped: false,
        }
    }

    /// The row holding sentence `s`.
    fn row_of(&self, s: usize) -> Result<usize, String> {
        if s >= self.sentences.len() {
            return Err(format!(
                "there is no sentence {s} (the document has {})",
                self.sentences.len()
            ));
        }
        self.rows
            .iter()
            .position(|r| match r {
                Row::Pair(p) => p.en.contains(&s) || p.zh.contains(&s),
                Row::Unaligned(u) => *u == s,
            })
            .ok_or_else(|| format!("sentence {s} is in no row"))
    }

    /// The pair row holding sentence `s`, by index.
    fn pair_of(&self, s: usize) -> Result<usize, String> {
        let i = self.row_of(s)?;
        match self.rows[i] {
            Row::Pair(_) => Ok(i),
            Row::Unaligned(_) => Err(format!("sentence {s} is not in a pair")),
        }
    }

    fn pair_mut(&mut self, i: usize) -> &mut PairRow {
        match &mut self.rows[i] {
            Row::Pair(p) => p,
            Row::Unaligned(_) => unreachable!("pair_of checked the row"),
        }
    }

    /// The index of the nearest pair row before (or after) row `i`.
    fn neighbour(&self, i: usize, to: Direction) -> Option<usize> {
        let is_pair = |j: &usize| matches!(self.rows[*j], Row::Pair(_));
        match to {
            Direction::Prev => (0..i).rev().find(is_pair),
            Direction::Next => (i + 1..self.rows.len()).find(is_pair),
        }
    }

    /// Carries out one decision, or says why it does not fit the rows (nothing changed then).
    pub fn apply(&mut self, d: &Decision) -> Result<(), String> {
        match *d {
            Decision::Accept { sentence } => {
                let i = self.pair_of(sentence)?;
                self.pair_mut(i).meta.reviewed = true;
            }
            Decision::Reject { sentence } => {
                let i = self.pair_of(sentence)?;
                let p = self.pair_mut(i).clone();
                let loose = p.en.iter().chain(&p.zh).map(|&s| Row::Unaligned(s));
                self.rows.splice(i..=i, loose);
                self.reshaped = true;
            }
            Decision::Merge { sentence } => {
                let i = self.pair_of(sentence)?;
                let j = self
                    .neighbour(i, Direction::Next)
                    .ok_or_else(|| format!("sentence {sentence} is in the last pair"))?;
                let Row::Pair(next) = self.rows.remove(j) else {
                    unreachable!("neighbour finds pairs")
                };
                let p = self.pair_mut(i);
                p.en.extend(next.en);
                p.zh.extend(next.zh);
                p.meta.score = p.meta.score.min(next.meta.score);
                p.meta.reviewed = true;
                self.reshaped = true;
            }
            Decision::Split { sentence, en, zh } => {
                let i = self.pair_of(sentence)?;
                let p = self.pair_mut(i).clone();
                let trivial = (en == 0 && zh == 0) || (en == p.en.len() && zh == p.zh.len());
                if en > p.en.len() || zh > p.zh.len() || trivial {
                    return Err(format!(
                        "cannot split a {}-{} pair after {en} English and {zh} Chinese sentences",
                        p.en.len(),
                        p.zh.len()
                    ));
                }
                let mut first = p.clone();
                first.en.truncate(en);
                first.zh.truncate(zh);
                first.meta.reviewed = true;
                let second = PairRow {
                    en: p.en[en..].to_vec(),
                    zh: p.zh[zh..].to_vec(),
                    new_id: Some(p.meta.id.clone()),
                    meta: first.meta.clone(),
                };
                let rows: Vec<Row> = [first, second]
                    .into_iter()
                    .flat_map(|part| {
                        if part.en.is_empty() || part.zh.is_empty() {
                            part.en
                                .iter()
                                .chain(&part.zh)
                                .map(|&s| Row::Unaligned(s))
                                .collect()
                        } else {
                            vec![Row::Pair(Box::new(part))]
                        }
                    })
                    .collect();
                self.rows.splice(i..=i, rows);
                self.reshaped = true;
            }
            Decision::Move { sentence, to } => {
                let i = self.pair_of(sentence)?;
                let lang = self.sentences[sentence].lang;
                let j = self.neighbour(i, to).ok_or_else(|| {
                    format!("sentence {sentence} is in the {} pair", end_name(to))
                })?;
                let side = self.pair_mut(i).side(lang);
                let at_edge = match to {
                    Direction::Prev => side.first() == Some(&sentence),
                    Direction::Next => side.last() == Some(&sentence),
                };
                if !at_edge || side.len() < 2 {
                    return Err(format!(
                        "sentence {sentence} is not the {} of two or more on its side of the pair",
                        match to {
                            Direction::Prev => "first",
                            Direction::Next => "last",
                        }
                    ));
                }
                side.retain(|&s| s != sentence);
                self.pair_mut(i).meta.reviewed = true;
                let target = self.pair_mut(j);
                match to {
                    Direction::Prev => target.side(lang).push(sentence),
                    Direction::Next => target.side(lang).insert(0, sentence),
                }
                target.meta.reviewed = true;
                self.reshaped = true;
            }
            Decision::Pair { en, zh } => {
                let (a, b) = (self.row_of(en)?, self.row_of(zh)?);
                for (s, lang, row) in [(en, Lang::En, a), (zh, Lang::Zh, b)] {
                    if self.sentences[s].lang != lang {
                        return Err(format!("sentence {s} is not {}", lang.name()));
                    }
                    if !matches!(self.rows[row], Row::Unaligned(_)) {
                        return Err(format!("sentence {s} is already in a pair"));
                    }
                }
                let pair = self.made_pair(en, zh);
                let (keep, drop) = (a.min(b), a.max(b));
                self.rows[keep] = Row::Pair(Box::new(pair));
                self.rows.remove(drop);
                self.reshaped = true;
            }
        }
        Ok(())
    }

    /// A new pair of two unaligned sentences: its context from the sentences, score 0 (the
    /// aligner did not propose it), reviewed.
    fn made_pair(&self, en: usize, zh: usize) -> PairRow {
        let (e, z) = (&self.sentences[en], &self.sentences[zh]);
        PairRow {
            meta: Pair {
                id: String::new(),
                doc: self.original.id.clone(),
                date: self.original.date.clone(),
                unit: e.unit,
                kind: e.kind,
                speaker_en: e.speaker.clone(),
                speaker_zh: z.speaker.clone(),
                en: vec![],
                zh: vec![],
                score: 0.0,
                lines: (e.line, z.line),
                reviewed: true,
                clause: None,
            },
            en: vec![en],
            zh: vec![zh],
            new_id: Some(format!("{}-new", self.original.id)),
        }
    }

    /// The corrected document: pairs in row order (texts from the sentence table, each
    /// side's line from its first sentence), and the unaligned sentences. When no sentence
    /// moved, the unaligned list is the exported one, unchanged; otherwise it is rebuilt
    /// from the rows in reading order per language, as the aligner reports it.
    pub fn finish(self) -> AlignedDocument {
        let mut used: std::collections::HashSet<String> = self
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Pair(p) if p.new_id.is_none() => Some(p.meta.id.clone()),
                _ => None,
            })
            .collect();
        let mut pairs = Vec::new();
        let mut unaligned = Vec::new();
        for row in self.rows {
            match row {
                Row::Pair(mut p) => {
                    if let Some(base) = &p.new_id {
                        let sep = if p.meta.id.is_empty() { "-" } else { "." };
                        let start = if p.meta.id.is_empty() { 1 } else { 2 };
                        let id = (start..)
                            .map(|n| format!("{base}{sep}{n}"))
                            .find(|id| !used.contains(id))
                            .unwrap_or_default();
                        used.insert(id.clone());
                        p.meta.id = id;
                    }
                    let text = |ids: &[usize]| -> Vec<String> {
                        ids.iter()
                            .map(|&s| self.sentences[s].text.clone())
                            .collect()
                    };
                    p.meta.en = text(&p.en);
                    p.meta.zh = text(&p.zh);
                    p.meta.lines = (self.sentences[p.en[0]].line, self.sentences[p.zh[0]].line);
                    pairs.push(p.meta);
                }
                Row::Unaligned(s) => {
                    let t = &self.sentences[s];
                    unaligned.push(Unaligned {
                        doc: self.original.id.clone(),
                        lang: t.lang,
                        unit: t.unit,
                        kind: t.kind,
                        speaker: t.speaker.clone(),
                        text: t.text.clone(),
                        line: t.line,
                    });
                }
            }
        }
        if self.reshaped {
            unaligned.sort_by(|a, b| a.lang.cmp(&b.lang).then(a.line.cmp(&b.line)));
        } else {
            unaligned = self.original.unaligned.clone();
        }
        AlignedDocument {
            pairs,
            unaligned,
            ..self.original
        }
    }
}

fn end_name(to: Direction) -> &'static str {
    match to {
        Direction::Prev => "first",
        Direction::Next => "last",
    }
}

/// Carries out `decisions` in order on `doc`. An error names the decision (1-based) and why
/// it does not fit, and nothing is returned then: a half-applied review is never written.
pub fn apply_decisions(
    doc: &AlignedDocument,
    decisions: &[Decision],
) -> Result<AlignedDocument, String> {
    let mut w = Workspace::new(doc);
    for (k, d) in decisions.iter().enumerate() {
        w.apply(d)
            .map_err(|e| format!("decision {} ({}): {e}", k + 1, d.name()))?;
    }
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::test_support::pair;

    /// Pairs A (1-1), B (2-2), C (1-1), D (2-1); an unaligned English sentence between B and
    /// C and an unaligned Chinese one after D. Sentence numbers:
    /// A: e0 z1 · B: e2 e3 z4 z5 · C: e6 z7 · D: e8 e9 z10 · unaligned: e11, z12.
    fn doc() -> AlignedDocument {
        let mut pairs = vec![
            pair("d-0001", "d", &["A."], &["甲。"], 0.9),
            pair("d-0002", "d", &["B1.", "B2."], &["乙一。", "乙二。"], 0.3),
            pair("d-0003", "d", &["C."], &["丙。"], 0.8),
            pair("d-0004", "d", &["D1.", "D2."], &["丁。"], 0.4),
        ];
        for (k, p) in pairs.iter_mut().enumerate() {
            p.lines = (10 + 2 * k, 30 + 2 * k);
        }
        let loose = |lang, text: &str, line| Unaligned {
            doc: "d".into(),
            lang,
            unit: 3,
            kind: UnitKind::Turn,
            speaker: None,
            text: text.into(),
            line,
        };
        AlignedDocument {
            id: "d".into(),
            source: "d.md".into(),
            date: None,
            pairs,
            unaligned: vec![loose(Lang::En, "Extra.", 13), loose(Lang::Zh, "另。", 40)],
            agreement: None,
            chance_agreement: None,
            pairs_per_run: None,
        }
    }

    fn texts(d: &AlignedDocument) -> Vec<(String, String)> {
        d.pairs.iter().map(|p| (p.en_text(), p.zh_text())).collect()
    }

    fn run(ds: &[Decision]) -> AlignedDocument {
        apply_decisions(&doc(), ds).unwrap()
    }

    #[test]
    fn no_decisions_give_the_same_document() {
        assert_eq!(run(&[]), doc());
        let w = Workspace::new(&doc());
        let shape: Vec<String> = w
            .rows
            .iter()
            .map(|r| match r {
                Row::Pair(p) => p.meta.id.clone(),
                Row::Unaligned(s) => format!("u{s}"),
            })
            .collect();
        assert_eq!(
            shape,
            ["d-0001", "d-0002", "u11", "d-0003", "d-0004", "u12"]
        );
    }

    #[test]
    fn accept_marks_and_keeps_the_rest() {
        let d = run(&[Decision::Accept { sentence: 5 }]);
        assert!(d.pairs[1].reviewed);
        assert!(!d.pairs[0].reviewed);
        assert_eq!(texts(&d), texts(&doc()));
        assert_eq!(d.unaligned, doc().unaligned);
    }

    #[test]
    fn reject_moves_the_sentences_to_unaligned() {
        let d = run(&[Decision::Reject { sentence: 6 }]);
        assert_eq!(d.pairs.len(), 3);
        let un: Vec<(&str, Lang)> = d
            .unaligned
            .iter()
            .map(|u| (u.text.as_str(), u.lang))
            .collect();
        assert_eq!(
            un,
            [
                ("Extra.", Lang::En),
                ("C.", Lang::En),
                ("丙。", Lang::Zh),
                ("另。", Lang::Zh)
            ]
        );
        assert_eq!(d.unaligned[1].line, 14);
    }

    #[test]
    fn merge_joins_with_the_next_pair_over_unaligned_rows() {
        let d = run(&[Decision::Merge { sentence: 4 }]);
        assert_eq!(d.pairs.len(), 3);
        assert_eq!(d.pairs[1].id, "d-0002");
        assert_eq!(d.pairs[1].en, ["B1.", "B2.", "C."]);
        assert_eq!(d.pairs[1].zh, ["乙一。", "乙二。", "丙。"]);
        assert_eq!(d.pairs[1].score, 0.3);
        assert!(d.pairs[1].reviewed);
        assert_eq!(
            d.unaligned.len(),
            2,
            "the unaligned sentence stays unaligned"
        );
        let err = apply_decisions(&doc(), &[Decision::Merge { sentence: 10 }]).unwrap_err();
        assert!(
            err.contains("decision 1 (merge)") && err.contains("last pair"),
            "{err}"
        );
    }

    #[test]
    fn split_makes_two_pairs_or_a_pair_and_unaligned() {
        let d = run(&[Decision::Split {
            sentence: 2,
            en: 1,
            zh: 1,
        }]);
        let ids: Vec<&str> = d.pairs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["d-0001", "d-0002", "d-0002.2", "d-0003", "d-0004"]);
        assert_eq!(d.pairs[2].en, ["B2."]);
        assert_eq!(d.pairs[2].zh, ["乙二。"]);
        assert!(d.pairs[1].reviewed && d.pairs[2].reviewed);
        // A 2-1 pair split after one English sentence, the Chinese with the first part.
        let d = run(&[Decision::Split {
            sentence: 8,
            en: 1,
            zh: 1,
        }]);
        assert_eq!(d.pairs[3].en, ["D1."]);
        assert!(d
            .unaligned
            .iter()
            .any(|u| u.text == "D2." && u.lang == Lang::En));
        for bad in [(0, 0), (2, 1), (3, 0)] {
            let e = apply_decisions(
                &doc(),
                &[Decision::Split {
                    sentence: 8,
                    en: bad.0,
                    zh: bad.1,
                }],
            );
            assert!(e.is_err(), "{bad:?}");
        }
    }

    #[test]
    fn move_takes_an_edge_sentence_to_the_neighbour() {
        let d = run(&[Decision::Move {
            sentence: 3,
            to: Direction::Next,
        }]);
        assert_eq!(d.pairs[1].en, ["B1."]);
        assert_eq!(d.pairs[2].en, ["B2.", "C."]);
        let d = run(&[Decision::Move {
            sentence: 4,
            to: Direction::Prev,
        }]);
        assert_eq!(d.pairs[0].zh, ["甲。", "乙一。"]);
        assert_eq!(d.pairs[1].zh, ["乙二。"]);
        assert_eq!(d.pairs[1].lines.1, 32);
        // Not an edge sentence, or the only one of its side: refused.
        for (s, to) in [
            (2, Direction::Next),
            (0, Direction::Next),
            (6, Direction::Prev),
        ] {
            assert!(
                apply_decisions(&doc(), &[Decision::Move { sentence: s, to }]).is_err(),
                "{s}"
            );
        }
    }

    #[test]
    fn pair_joins_two_unaligned_sentences_in_place() {
        let d = run(&[Decision::Pair { en: 11, zh: 12 }]);
        assert_eq!(d.pairs.len(), 5);
        assert_eq!(d.pairs[2].id, "d-new-1");
        assert_eq!(
            (d.pairs[2].en_text(), d.pairs[2].zh_text()),
            ("Extra.".into(), "另。".into())
        );
        assert!(d.pairs[2].reviewed && d.unaligned.is_empty());
        assert_eq!(d.pairs[2].lines, (13, 40));
        let e = apply_decisions(&doc(), &[Decision::Pair { en: 12, zh: 11 }]).unwrap_err();
        assert!(e.contains("not English"), "{e}");
        let e = apply_decisions(&doc(), &[Decision::Pair { en: 0, zh: 12 }]).unwrap_err();
        assert!(e.contains("already in a pair"), "{e}");
    }

    #[test]
    fn decisions_compose_and_nothing_is_lost() {
        let ds = [
            Decision::Merge { sentence: 0 },
            Decision::Split {
                sentence: 0,
                en: 2,
                zh: 1,
            },
            Decision::Reject { sentence: 8 },
            Decision::Pair { en: 9, zh: 10 },
            Decision::Accept { sentence: 6 },
        ];
        let d = run(&ds);
        for lang in [Lang::En, Lang::Zh] {
            let mut got = d.sentences(lang);
            let mut want = doc()
                .sentences(lang)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{lang:?}");
        }
        let err = apply_decisions(&doc(), &[Decision::Accept { sentence: 99 }]).unwrap_err();
        assert!(err.contains("no sentence 99"), "{err}");
    }
}
