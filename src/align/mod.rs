//! Alignment: two [`Transcript`]s → an [`AlignedDocument`] of sentence [`Pair`]s.
//!
//! The aligner is a pipeline of parts, each in its own file:
//!
//! 1. [`structure`]: each side becomes one stream of sentences that remembers its units
//!    (title, lead, headings, turns) and paragraphs. Structure is evidence, never a wall:
//!    boundaries are soft anchors that make a bead cheaper where both sides agree.
//! 2. [`evidence`]: per sentence, its length and lexical evidence (numbers, Latin-script
//!    tokens, CC-CEDICT glosses, bundled terms) on small interned ids.
//! 3. [`score`]: the cost of a bead (shape prior, length ratio, lexical overlap, anchors)
//!    and the confidence reported with each pair.
//! 4. [`dp`]: the dynamic program over the two streams, in a band around a guide diagonal
//!    that follows the text length, so that time and memory grow linearly.
//!
//! Alignment runs twice: the second pass uses the length ratio measured on confident
//! beads of the first, and a prior for one-sided sentences that follows how many weak beads
//! the first pass found. Every sentence ends up in exactly one pair or in the unaligned
//! list. [`finish`] holds the steps after alignment that every user of the library needs:
//! unique document ids, the minimum score, and de-duplication. [`clauses`] is an optional
//! step after alignment: finer clause pairs for memories whose source is English.

pub mod clauses;
mod dp;
mod evidence;
pub mod finish;
mod score;
mod structure;

pub use structure::sentences_of;

use crate::model::{AlignedDocument, Document, Lang, Pair, Sentence, Transcript, Unaligned};
use evidence::{Features, PairRows, Scratch};
use score::{Grid, Priors, SKIP_PRIOR_MIN};
use structure::Stream;

/// Options for alignment.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// Each paragraph is already one sentence (hunalign/LF Aligner input): do not segment.
    pub presplit: bool,
}

/// Why a document cannot be aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlignError {
    /// The document has no text in this language.
    MissingSide(Lang),
}

/// A bead: English sentences `i..i+a` and Chinese sentences `j..j+b` of the two streams
/// (one side empty for a sentence without counterpart). The unit every part of the aligner
/// judges: the evidence, the cost, the confidence, the path of the DP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bead {
    pub i: usize,
    pub a: usize,
    pub j: usize,
    pub b: usize,
}

impl Bead {
    /// Does the bead hold sentences of both sides (a pair, not a one-sided sentence)?
    fn is_pair(&self) -> bool {
        self.a > 0 && self.b > 0
    }

    /// The 1-1 beads of the first `n` sentences on each side: the path of two texts that
    /// pair sentence for sentence, which tests of the search and the evidence start from.
    #[cfg(test)]
    pub(crate) fn diagonal(n: usize) -> Vec<Bead> {
        (0..n)
            .map(|k| Bead {
                i: k,
                a: 1,
                j: k,
                b: 1,
            })
            .collect()
    }
}

/// A bead with its confidence.
struct Scored {
    bead: Bead,
    score: f64,
}

/// How many beads away the out-of-place pairings of [`lexical_contrast`] are taken.
const CONTRAST_SHIFTS: [usize; 3] = [3, 7, 12];

/// How clearly the pairs are translations: the share of pairs whose lexical overlap beats
/// that of every pairing of the same English with the Chinese of a bead a few places
/// before or after. In a translation the pair in place wins nearly always; between two
/// unrelated texts it wins about as often as any of the others, whatever the genre. Counted
/// per sentence of the shorter side, so that an abridged or truncated edition still agrees
/// with the full text it was cut from. A bead whose Chinese is the same text as the pair's
/// (a sentence the document repeats: 谢谢。, a refrain, a list of identical items) is no
/// contrast: it ties by construction, and would make a text of repeated pairs look
/// unrelated to its translation.
fn lexical_contrast(feats: &Features, zs: &Stream, scored: &[Scored]) -> f64 {
    let beads: Vec<Bead> = scored
        .iter()
        .map(|s| s.bead)
        .filter(Bead::is_pair)
        .collect();
    let n = beads.len();
    if n < 2 {
        return 0.0;
    }
    // Only the word overlap: numbers, Latin tokens and terms do not enter the comparison.
    let pairs = PairRows::default();
    let sim = |x: &Bead, y: &Bead| {
        let crossed = Bead {
            i: x.i,
            a: x.a,
            j: y.j,
            b: y.b,
        };
        evidence::word_overlap(feats, &pairs, crossed).sim()
    };
    let zh_text = |b: &Bead| zs.sentences[b.j..b.j + b.b].iter().map(|s| s.text.as_str());
    let same_zh = |x: &Bead, y: &Bead| x.b == y.b && zh_text(x).eq(zh_text(y));
    let mut wins = 0usize;
    for (x, bead) in beads.iter().enumerate() {
        let own = sim(bead, bead);
        // The beads CONTRAST_SHIFTS places before and after (cyclically).
        let beaten = CONTRAST_SHIFTS
            .iter()
            .flat_map(|&k| [(x + k % n) % n, (x + n - k % n) % n])
            .filter(|&y| y != x && !same_zh(bead, &beads[y]))
            .any(|y| sim(bead, &beads[y]) >= own);
        wins += usize::from(own > 0.0 && !beaten);
    }
    // Per sentence of the shorter side: few pairs between two long texts is no agreement.
    let shorter = feats.en.len().min(feats.zh.len()).max(1);
    (wins as f64 / shorter as f64).min(1.0)
}

/// Characters of English per character of Chinese that complete translations show (the
/// bench's documents lie between 2.6 and 4.1, the samples near 3): outside this range one
/// side holds text the other lacks (an abridged edition, a page cut short).
const COMPLETE_RATIO: (f64, f64) = (2.2, 4.8);
/// Highest baseline prior of a one-sided sentence when the two sides are of complete-text
/// lengths: a loose translation (literary, free) then has many weak pairs but hardly any
/// sentence without a counterpart, so weak pairs must not make skipping cheap.
const COMPLETE_SKIP_CAP: f64 = 0.03;

/// Highest share of weak pairs (scored below 0.5) in the first pass of a text still taken
/// for a complete translation (its skips pay for their unmatched words, its bead shapes
/// adapt the priors). On the bench, true pairings have at most 0.30 (a literary
/// chapter), two different documents 0.65 or more.
const COMPLETE_WEAK_MAX: f64 = 0.5;

/// Agreement above which no control alignment is run: translations of each other reach it
/// (the bench's documents score 0.6 to 1.0), and no pairing of unrelated texts does, even
/// when one side is far longer and the aligner could pick its best matches.
const CLEAR_AGREEMENT: f64 = 0.75;

/// How many control alignments estimate the chance agreement: one alone varies too much on
/// a short text (a 24-sentence speech against a 70-sentence article scored 0.12 in one
/// reversed order and 0.46 in another).
const CONTROLS: usize = 3;

/// The orders of the Chinese side for the control alignments: reversed, and reversed then
/// rotated by a third and two thirds, so that no stretch of the text keeps its order and
/// each control pairs the sentences differently.
fn control_orders(n: usize) -> Vec<Vec<usize>> {
    (0..CONTROLS)
        .map(|c| {
            let shift = n * c / CONTROLS;
            (0..n).map(|k| n - 1 - (k + shift) % n.max(1)).collect()
        })
        .collect()
}

/// Align the two streams of a document: two passes, scored beads in document order.
///
/// With `narrow`, a complete translation (by its lengths in the first pass; by its lengths
/// and its first pass's pairs in the second) is searched in a narrow band also when it is
/// small (see [`dp::align`]). The control alignments go without: they estimate what the
/// search finds between unrelated texts, and a band would find less and make unrelated
/// texts look more like translations than they are.
fn align_streams(en: &Stream, zh: &Stream, feats: &Features, narrow: bool) -> Vec<Scored> {
    let mut scratch = Scratch::default();
    // The text's own ratio, as measured (none without Chinese text), of the text a
    // translation scales: Latin letters and digits inside the Chinese are copied as they are.
    let copied: f64 = feats.zh.iter().map(|f| f.copied).sum();
    let le: f64 = feats.en.iter().map(|f| f.len).sum::<f64>() - copied;
    let lz: f64 = feats.zh.iter().map(|f| f.len).sum::<f64>() - copied;
    let observed = (lz > 0.0).then(|| le.max(0.0) / lz);
    let ratio = observed.unwrap_or(3.4).clamp(1.5, 6.0);
    let priors = Priors::from_counts(feats.en.len(), feats.zh.len());
    let complete = observed.is_some_and(|r| (COMPLETE_RATIO.0..=COMPLETE_RATIO.1).contains(&r));
    let grid = Grid::new(en, zh, feats, ratio, SKIP_PRIOR_MIN, &priors, complete);
    let beads = dp::align(&grid, &mut scratch, None, narrow && complete);
    let first = score_beads(&grid, beads, &mut scratch);
    let ratio = bead_ratio(&first, feats).unwrap_or(ratio);
    let skip = if complete {
        base_skip(&first).min(COMPLETE_SKIP_CAP)
    } else {
        base_skip(&first)
    };
    let path: Vec<Bead> = first.iter().map(|s| s.bead).collect();
    let learned = feats.with_learned_lexicon(zh, &path);
    let feats = learned.as_ref().unwrap_or(feats);
    // A text is treated as complete (every sentence has a counterpart somewhere) only when
    // its length says so and the first pass found it a translation: most of its pairs
    // confident. Two texts that are not translations of each other keep their cheap skips,
    // so that their few chance pairs stay isolated (see `finish::MIN_PAIRS_PER_RUN`).
    let complete = complete && weak_share(&first).is_some_and(|w| w <= COMPLETE_WEAK_MAX);
    // The first pass's shape frequencies are evidence only when its path is a complete
    // translation's.
    let priors = if complete {
        priors.adapted(&path)
    } else {
        priors
    };
    let grid = Grid::new(en, zh, feats, ratio, skip, &priors, complete);
    let beads = dp::align(&grid, &mut scratch, Some(&path), narrow && complete);
    score_beads(&grid, beads, &mut scratch)
}

fn score_beads(grid: &Grid, beads: Vec<Bead>, scratch: &mut Scratch) -> Vec<Scored> {
    beads
        .into_iter()
        .map(|bead| {
            let score = if bead.is_pair() {
                grid.confidence(scratch, bead)
            } else {
                0.0
            };
            Scored { bead, score }
        })
        .collect()
}

/// The share of a path's pairs scored below 0.5 (`None` without pairs).
fn weak_share(beads: &[Scored]) -> Option<f64> {
    let paired = beads.iter().filter(|e| e.bead.is_pair()).count();
    let weak = beads
        .iter()
        .filter(|e| e.bead.is_pair() && e.score < 0.5)
        .count();
    (paired > 0).then(|| weak as f64 / paired as f64)
}

/// Baseline prior of a sentence without counterpart, from the first pass: a faithful
/// translation gives nearly only confident beads; an abridged or loosely related edition
/// gives many weak ones, and one-sided sentences are then to be expected everywhere.
fn base_skip(beads: &[Scored]) -> f64 {
    weak_share(beads).map_or(SKIP_PRIOR_MIN, |w| w.clamp(SKIP_PRIOR_MIN, 0.3))
}

/// The length ratio measured on confident 1-1 beads (their median), when there are enough.
fn bead_ratio(beads: &[Scored], feats: &Features) -> Option<f64> {
    let mut r: Vec<f64> = beads
        .iter()
        .filter(|e| e.bead.a == 1 && e.bead.b == 1 && e.score >= 0.8)
        .map(|e| {
            let (en, zh) = (&feats.en[e.bead.i], &feats.zh[e.bead.j]);
            (en.len - zh.copied, zh.len - zh.copied)
        })
        .filter(|&(le, lz)| le > 20.0 && lz > 5.0)
        .map(|(le, lz)| le / lz)
        .collect();
    if r.len() < 5 {
        return None;
    }
    r.sort_by(f64::total_cmp);
    Some(r[r.len() / 2].clamp(1.5, 6.0))
}

/// Pairs per run of consecutive pairs (one-sided beads end a run); `None` without pairs.
fn pairs_per_run(scored: &[Scored]) -> Option<f64> {
    let (mut pairs, mut runs, mut in_run) = (0usize, 0usize, false);
    for s in scored {
        if s.bead.is_pair() {
            pairs += 1;
            runs += usize::from(!in_run);
            in_run = true;
        } else {
            in_run = false;
        }
    }
    (runs > 0).then(|| pairs as f64 / runs as f64)
}

/// Align one document. Both sides must be present.
pub fn align_document(doc: &Document, opts: &AlignOptions) -> Result<AlignedDocument, AlignError> {
    let en = doc.en.as_ref().ok_or(AlignError::MissingSide(Lang::En))?;
    let zh = doc.zh.as_ref().ok_or(AlignError::MissingSide(Lang::Zh))?;
    let es = Stream::new(en, opts.presplit);
    let zs = Stream::new(zh, opts.presplit);
    let feats = Features::new(&es, &zs);
    let scored = align_streams(&es, &zs, &feats, true);
    let agreement = lexical_contrast(&feats, &zs, &scored);
    let chance_agreement = (agreement < CLEAR_AGREEMENT).then(|| {
        let orders = control_orders(zs.sentences.len());
        let total: f64 = orders
            .iter()
            .map(|order| {
                let (zs, feats) = (zs.reordered(order), feats.zh_reordered(order));
                let control = align_streams(&es, &zs, &feats, false);
                lexical_contrast(&feats, &zs, &control)
            })
            .sum();
        total / orders.len() as f64
    });

    let mut pairs = Vec::new();
    let mut unaligned = Vec::new();
    for sc in &scored {
        let b = sc.bead;
        let e_idx = b.i..b.i + b.a;
        let z_idx = b.j..b.j + b.b;
        if !b.is_pair() {
            for k in e_idx {
                unaligned.push(unaligned_of(doc, en, &es, Lang::En, k));
            }
            for k in z_idx {
                unaligned.push(unaligned_of(doc, zh, &zs, Lang::Zh, k));
            }
            continue;
        }
        let (eu, zu) = (es.unit[b.i], zs.unit[b.j]);
        pairs.push(Pair {
            id: format!("{}-{:04}", doc.id, pairs.len() + 1),
            doc: doc.id.clone(),
            date: doc.date.clone(),
            unit: eu,
            kind: en.units[eu].kind,
            speaker_en: en.units[eu].speaker.clone(),
            speaker_zh: zh.units[zu].speaker.clone(),
            en: es.sentences[e_idx].iter().map(|s| s.text.clone()).collect(),
            zh: zs.sentences[z_idx].iter().map(|s| s.text.clone()).collect(),
            lines: (es.sentences[b.i].line, zs.sentences[b.j].line),
            score: (sc.score * 1000.0).round() / 1000.0,
            reviewed: false,
            clause: None,
        });
    }
    unaligned.sort_by(|a, b| {
        a.lang
            .cmp(&b.lang)
            .then(a.unit.cmp(&b.unit))
            .then(a.line.cmp(&b.line))
    });
    Ok(AlignedDocument {
        id: doc.id.clone(),
        source: doc.source.clone(),
        date: doc.date.clone(),
        pairs,
        unaligned,
        agreement: Some((agreement * 1000.0).round() / 1000.0),
        chance_agreement: chance_agreement.map(|c| (c * 1000.0).round() / 1000.0),
        pairs_per_run: pairs_per_run(&scored).map(|r| (r * 100.0).round() / 100.0),
    })
}

fn unaligned_of(doc: &Document, t: &Transcript, s: &Stream, lang: Lang, k: usize) -> Unaligned {
    let u = &t.units[s.unit[k]];
    let sentence: &Sentence = &s.sentences[k];
    Unaligned {
        doc: doc.id.clone(),
        lang,
        unit: s.unit[k],
        kind: u.kind,
        speaker: u.speaker.clone(),
        text: sentence.text.clone(),
        line: sentence.line,
    }
}

/// Every sentence of one side of a document, in order: what alignment must account for.
pub fn all_sentences(t: &Transcript, opts: &AlignOptions) -> Vec<String> {
    t.units
        .iter()
        .flat_map(|u| sentences_of(u, t.lang, opts.presplit))
        .map(|s| s.text)
        .collect()
}
