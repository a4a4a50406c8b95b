//! Plain data types passed between the pipeline stages.
//!
//! The pipeline is `decode` → `parse` (a [`Document`] of two [`Transcript`]s) →
//! `segment` (each [`Unit`] into [`Sentence`]s) → `align` (an [`AlignedDocument`] of
//! [`Pair`]s plus [`Unaligned`] sentences) → `write`. Every stage is a function from one of
//! these types to the next, so each can be tested and reused on its own.

use serde::{Deserialize, Serialize};

/// One of the two languages the tool handles. The order En, Zh is the order used in bead
/// names (`"1-2"` = one English sentence, two Chinese).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Chinese (Simplified, as the Foreign Ministry publishes it).
    Zh,
}

impl Lang {
    /// The short code used on the command line and in reports (`en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language's English name, for messages (`English`, `Chinese`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Chinese",
        }
    }

    /// The other language: what a sentence in `self` is aligned against.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// What role a unit plays in the transcript; units are aligned kind by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// The document title.
    Title,
    /// The dateline paragraph ("On March 7, 2025, a press conference was held …").
    Lead,
    /// What one speaker says between two labels.
    Turn,
    /// Text that belongs to one edition only: subtitles, section headings, topic headlines,
    /// source attributions ("据新华社"). Kept so that nothing is lost; rarely has a counterpart.
    Heading,
}

impl UnitKind {
    /// The name outputs give a passage of this kind, `speaker` saying whether a label
    /// assigns it to someone: `turn` for what a speaker says, `paragraph` for prose no
    /// label assigns (a speech, a white paper, an article: text with no speakers at all),
    /// else [`UnitKind::name`]. So a reviewer of a white paper's pairs is not told that its
    /// paragraphs are speaker turns.
    pub fn name_with(self, speaker: bool) -> &'static str {
        match self {
            UnitKind::Turn if !speaker => "paragraph",
            _ => self.name(),
        }
    }

    /// Lower-case name of the kind (`title`, `lead`, `turn`, `heading`).
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Title => "title",
            UnitKind::Lead => "lead",
            UnitKind::Turn => "turn",
            UnitKind::Heading => "heading",
        }
    }
}

/// One paragraph as read from the input, with the 1-based line it starts on so that
/// reports can point the user at the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Clean text: Markdown and the speaker label removed, NFC-normalized.
    pub text: String,
    /// 1-based line number in the input file where the paragraph starts.
    pub line: usize,
}

/// A title, lead, heading or speaker turn in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The unit's role.
    pub kind: UnitKind,
    /// The speaker label as written (without colon or Markdown), for turns.
    pub speaker: Option<String>,
    /// The unit's paragraphs in order (a turn may run over several).
    pub paragraphs: Vec<Paragraph>,
}

/// Everything read from one input in one language, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transcript {
    /// The language of every unit.
    pub lang: Lang,
    /// Title, lead, headings and turns, in document order.
    pub units: Vec<Unit>,
}

/// One input document after parsing: one or both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Short stable identifier (the file stem), used in tuids and output file names.
    pub id: String,
    /// The path(s) the document was read from, as given by the user.
    pub source: String,
    /// The event date from the lead (ISO 8601 `YYYY-MM-DD`), when the lead states it.
    pub date: Option<String>,
    /// The English side, if the input has one.
    pub en: Option<Transcript>,
    /// The Chinese side, if the input has one.
    pub zh: Option<Transcript>,
}

/// One sentence of a unit, as cut by the segmenter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence text, trimmed.
    pub text: String,
    /// Index of the paragraph (within its unit) the sentence comes from.
    pub paragraph: usize,
    /// 1-based input line of that paragraph.
    pub line: usize,
}

/// A bead: English and Chinese sentences that translate each other, with the context a
/// translator needs (document, date, speaker) and the aligner's confidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Stable identifier within the export: `DOC-NNNN`, numbered in document order.
    pub id: String,
    /// Identifier of the document the pair comes from.
    pub doc: String,
    /// Document date (ISO 8601), when known.
    pub date: Option<String>,
    /// Index of the English unit (0 = title) the pair comes from.
    pub unit: usize,
    /// Role of the unit.
    pub kind: UnitKind,
    /// English speaker label, for turns.
    pub speaker_en: Option<String>,
    /// Chinese speaker label, for turns.
    pub speaker_zh: Option<String>,
    /// English sentences, in order (at least one).
    pub en: Vec<String>,
    /// Chinese sentences, in order (at least one).
    pub zh: Vec<String>,
    /// Confidence in [0, 1].
    pub score: f64,
    /// 1-based input lines of the English and the Chinese sentences' paragraphs (first
    /// sentence of each side), so that a pair can be traced back to its source.
    pub lines: (usize, usize),
    /// A person confirmed the pair in the review page (`export --review`, then `apply`):
    /// accepted it as it was, or made it by merging, splitting, moving or pairing sentences.
    /// Writers mark it as reviewed (TMX `x-reviewed`, XLIFF 1.2 `signed-off`, XLIFF 2.1
    /// `final` with a `zhen-tm:reviewed` subState) and never flag it for review again,
    /// whatever its score. Absent from the JSON record when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviewed: bool,
    /// Set when the pair's Chinese is a run of clauses of one Chinese sentence whose other
    /// clauses pair with the other English sentences of the sentence pair (clause-level
    /// splitting, [`crate::align::clauses`]). Writers mark such a pair (TMX `x-clause`, XLIFF
    /// context, metadata and note, the CSV's bead column), so that a translator can tell a
    /// part of a sentence from a sentence. Absent from the JSON record when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<Clause>,
}

/// Where a clause pair comes from: which part of its Chinese sentence it holds, and the
/// sentence pair it was cut from (see [`Pair::clause`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// 1-based position of this part among the parts of its sentence.
    pub part: usize,
    /// How many parts the sentence was cut into (one per English sentence of the pair).
    pub parts: usize,
    /// The bead of the sentence pair it was cut from (`"3-1"`).
    pub sentence_bead: String,
    /// The score of that sentence pair (the part's own score is [`Pair::score`]).
    pub sentence_score: f64,
}

impl Pair {
    /// The English side as one segment: sentences joined by a space.
    pub fn en_text(&self) -> String {
        self.en.join(" ")
    }

    /// The Chinese side as one segment: sentences joined with nothing, as Chinese is written.
    pub fn zh_text(&self) -> String {
        self.zh.join("")
    }

    /// The bead type, English count first: `"1-1"`, `"1-2"`, `"2-1"` …
    pub fn bead(&self) -> String {
        format!("{}-{}", self.en.len(), self.zh.len())
    }

    /// The bead as the CSV and XLSX bead column show it: [`Pair::bead`], and for a clause
    /// pair which part of which sentence pair it is (`"1-1 clause 2/3 of 3-1"`), because a
    /// table has no other place a translator would see it.
    pub fn bead_label(&self) -> String {
        match &self.clause {
            Some(c) => format!(
                "{} clause {}/{} of {}",
                self.bead(),
                c.part,
                c.parts,
                c.sentence_bead
            ),
            None => self.bead(),
        }
    }

    /// The text of one side as a segment.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en_text(),
            Lang::Zh => self.zh_text(),
        }
    }

    /// The name of the pair's kind in outputs (see [`UnitKind::name_with`]).
    pub fn kind_name(&self) -> &'static str {
        self.kind
            .name_with(self.speaker_en.is_some() || self.speaker_zh.is_some())
    }

    /// The speaker label in one language.
    pub fn speaker(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.speaker_en.as_deref(),
            Lang::Zh => self.speaker_zh.as_deref(),
        }
    }

    /// The sentences of one side.
    pub fn sentences(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// A sentence with no counterpart on the other side (text present in one edition only, or
/// cut off by truncation). Reported in `unaligned.tsv`, never dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unaligned {
    /// Identifier of the document.
    pub doc: String,
    /// Language of the sentence.
    pub lang: Lang,
    /// Index of the unit in its own transcript.
    pub unit: usize,
    /// Role of the unit.
    pub kind: UnitKind,
    /// Speaker label, for turns.
    pub speaker: Option<String>,
    /// The sentence.
    pub text: String,
    /// 1-based input line of the sentence's paragraph.
    pub line: usize,
}

/// The result of aligning one document: what the writers and reports consume.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignedDocument {
    /// Identifier of the document (file stem), used for output names.
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// Document date (ISO 8601), when known.
    pub date: Option<String>,
    /// Aligned pairs in document order.
    pub pairs: Vec<Pair>,
    /// Sentences without a counterpart, in document order per language.
    pub unaligned: Vec<Unaligned>,
    /// How clearly the two sides are translations of each other (see
    /// [`crate::align::finish::agreement`]); `None` when not measured (documents built by
    /// hand or read back from a memory).
    pub agreement: Option<f64>,
    /// The agreement the same two sides reach by chance, the mean over control alignments
    /// whose Chinese side is in reversed orders (so that nothing corresponds in order, while the
    /// sentences and their lengths stay as they are); `None` when not measured (the
    /// agreement was clear enough, or the document was not aligned here).
    pub chance_agreement: Option<f64>,
    /// Pairs per run of consecutive pairs (a run ends where the aligner left sentences
    /// without counterpart): translations pair long runs, while the pairs found between
    /// unrelated texts stand alone. `None` when not measured.
    #[serde(default)]
    pub pairs_per_run: Option<f64>,
}

impl AlignedDocument {
    /// Every sentence of one language the alignment holds: those in pairs, in pair order,
    /// then those reported unaligned. Each sentence of the input is there exactly once (the
    /// "nothing lost" promise, which the tests check against the input).
    pub fn sentences(&self, lang: Lang) -> Vec<&str> {
        self.pairs
            .iter()
            .flat_map(|p| p.sentences(lang))
            .map(String::as_str)
            .chain(
                self.unaligned
                    .iter()
                    .filter(|u| u.lang == lang)
                    .map(|u| u.text.as_str()),
            )
            .collect()
    }
}
