//! The dynamic program: the cheapest sequence of beads through both sentence streams.
//!
//! The search runs inside a band around a guide diagonal that follows the two sides'
//! cumulative text length (not the sentence count, which differs when one side splits
//! sentences more finely). The band widens only while the best path touches its edge, up
//! to a fixed number of cells, so time and memory grow linearly with the input. Small
//! documents are searched in full, except a complete translation's, whose path keeps
//! close to the guide (see [`align`]). Back pointers take one byte a cell; costs are kept
//! for the last few rows only.

use super::evidence::{PairRows, Scratch};
use super::score::Grid;
use super::Bead;

/// Bead shapes (English count, Chinese count) the search considers; their prior
/// probabilities come from the grid ([`super::score::Priors`]). 1-0 and 0-1 take their cost
/// from the grid's skip priors.
pub(crate) const SHAPES: [(usize, usize); 11] = [
    (1, 1),
    (2, 1),
    (1, 2),
    (3, 1),
    (1, 3),
    (2, 2),
    (4, 1),
    (5, 1),
    (1, 4),
    (1, 0),
    (0, 1),
];

/// The shapes of a first pass (indices into [`SHAPES`]): the common ones only, which is
/// enough to find the path's course, the length ratio and the shape frequencies; the second
/// pass, in a narrow band around that course, tries them all.
const FIRST_PASS_SHAPES: [usize; 5] = [0, 1, 2, 9, 10];
/// Documents up to this many sentences (both sides) get every shape in the first pass too:
/// a better first path for a cost that stays small.
const FIRST_PASS_FULL_SENTENCES: usize = 3000;
/// Every shape, for the final pass.
const ALL_SHAPES: [usize; 11] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/// The most sentences a bead takes from one side: rows of cost kept.
const MAX_SPAN: usize = 5;

/// Documents up to this many cells (e.g. 300 × 300 sentences) are searched in full.
const FULL_DP_CELLS: usize = 90_000;
/// Initial half-width of the band (in Chinese sentences) for longer documents.
const BAND_WIDTH: usize = 48;
/// The band stops widening at this many cells (memory: one byte each).
const MAX_CELLS: usize = 8_000_000;

/// Columns of each row: the band around the guide diagonal.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Does the band cut the matrix (so that its edge may hide a better path)?
    partial: bool,
}

impl Band {
    /// The band of half-width `width` around `centre`; with `always` a band even in a
    /// matrix small enough to search in full.
    fn new(centre: &[usize], cols: usize, width: usize, always: bool) -> Band {
        let rows = centre.len() - 1;
        let full =
            (!always && rows.saturating_mul(cols) <= FULL_DP_CELLS) || width > rows.max(cols);
        let (mut lo, mut hi) = (Vec::with_capacity(rows + 1), Vec::with_capacity(rows + 1));
        for &c in centre {
            if full {
                lo.push(0);
                hi.push(cols + 1);
            } else {
                lo.push(c.saturating_sub(width));
                hi.push((c + width + 1).min(cols + 1));
            }
        }
        Band {
            lo,
            hi,
            partial: !full,
        }
    }

    fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l).sum()
    }

    /// Does a path come within a few columns of an edge where the band cuts the matrix?
    fn touches_edge(&self, beads: &[Bead], cols: usize) -> bool {
        self.partial
            && beads.iter().any(|bd| {
                let (lo, hi) = (self.lo[bd.i], self.hi[bd.i]);
                (lo > 0 && bd.j < lo + 3) || (hi <= cols && bd.j + 3 >= hi)
            })
    }
}

/// The guide diagonal: for each English position `i` (0..=n), the Chinese position whose
/// share of the Chinese text equals the share of the English text before `i`.
fn guide(en_len: &[f64], zh_len: &[f64]) -> Vec<usize> {
    let (n, m) = (en_len.len(), zh_len.len());
    let te: f64 = en_len.iter().sum();
    let tz: f64 = zh_len.iter().sum();
    if te <= 0.0 || tz <= 0.0 {
        return (0..=n)
            .map(|i| (i * m).checked_div(n).unwrap_or(m))
            .collect();
    }
    let mut out = Vec::with_capacity(n + 1);
    let (mut ce, mut cz, mut j) = (0.0, 0.0, 0usize);
    for len in en_len.iter().map(Some).chain([None]) {
        let target = ce / te * tz;
        while j < m && cz + zh_len[j] / 2.0 < target {
            cz += zh_len[j];
            j += 1;
        }
        out.push(j);
        if let Some(l) = len {
            ce += l;
        }
    }
    if let Some(last) = out.last_mut() {
        *last = m;
    }
    out
}

/// The guide of a second pass: the path of the first, row by row.
fn guide_from_path(path: &[Bead], rows: usize, cols: usize) -> Vec<usize> {
    let mut centre = vec![usize::MAX; rows + 1];
    for bd in path {
        for r in 0..bd.a {
            if let Some(c) = centre.get_mut(bd.i + r) {
                *c = bd.j + r * bd.b / bd.a;
            }
        }
    }
    centre[rows] = cols;
    // Rows no bead starts in (none, for a complete path) take the previous row's centre.
    let mut last = 0;
    for c in centre.iter_mut() {
        if *c == usize::MAX {
            *c = last;
        }
        last = *c;
    }
    centre
}

/// Half-width of the band around a first pass's path.
const PATH_BAND_WIDTH: usize = 12;
/// Half-width of the band of a small document searched narrowly (see [`align`]), in both
/// passes; it doubles while the path touches its edge. On the samples no path comes near
/// the edge at 8; at 6 some do, and the wider search that follows costs more than it saved.
const NARROW_BAND_WIDTH: usize = 8;

/// The best bead sequence through the whole document. Every sentence is in exactly one
/// bead (1-0 and 0-1 beads for sentences without counterpart). With `previous`, the search
/// runs in a narrow band around that path (the first pass's), else around the guide
/// diagonal.
///
/// Documents under [`FULL_DP_CELLS`] are searched in full unless `narrow` is set: the
/// caller knows the two sides for a complete translation, whose path stays near the
/// diagonal of their lengths (first pass) and near the first pass's path (second pass),
/// as in hunalign and Bertalign. Then the band is narrow ([`NARROW_BAND_WIDTH`]) also in
/// a small matrix, and the edge guard (a path that comes within a few columns of the
/// band's edge is searched again in a band twice as wide) keeps every path that runs
/// inside it; a narrow band only loses a better path that runs far from the guide all
/// along. An abridged edition's path may run anywhere, so it is searched in full.
pub(crate) fn align(
    grid: &Grid,
    scratch: &mut Scratch,
    previous: Option<&[Bead]>,
    narrow: bool,
) -> Vec<Bead> {
    let en_len: Vec<f64> = grid.feats.en.iter().map(|f| f.len).collect();
    let zh_len: Vec<f64> = grid.feats.zh.iter().map(|f| f.len).collect();
    let cols = zh_len.len();
    let small = en_len.len().saturating_mul(cols) <= FULL_DP_CELLS;
    // Centre, half-width and shapes of the band; whether it is a band even in a matrix
    // small enough to search in full.
    let (centre, mut width, shapes, always) = match previous {
        Some(path) => (
            guide_from_path(path, en_len.len(), cols),
            if narrow && small {
                NARROW_BAND_WIDTH
            } else {
                PATH_BAND_WIDTH
            },
            &ALL_SHAPES[..],
            narrow,
        ),
        None if en_len.len() + cols > FIRST_PASS_FULL_SENTENCES => (
            guide(&en_len, &zh_len),
            BAND_WIDTH,
            &FIRST_PASS_SHAPES[..],
            false,
        ),
        None if narrow && small => (
            guide(&en_len, &zh_len),
            NARROW_BAND_WIDTH,
            &ALL_SHAPES[..],
            true,
        ),
        None => (guide(&en_len, &zh_len), BAND_WIDTH, &ALL_SHAPES[..], false),
    };
    let mut band = Band::new(&centre, cols, width, always);
    loop {
        let beads = search(grid, &band, scratch, shapes);
        if !band.touches_edge(&beads, cols) {
            return beads;
        }
        width *= 2;
        let wider = Band::new(&centre, cols, width, always);
        if wider.cells() > MAX_CELLS {
            return beads;
        }
        band = wider;
    }
}

/// The DP inside one band.
///
/// A bead's word overlap counts the bits of its sentence pairs' masks, most of the search's
/// work. Baseline x86-64 has no population-count instruction, so counting a 128-bit mask
/// takes a few dozen instructions; on a CPU that has one (every x86-64 CPU since about
/// 2008, checked at run time, so the binary still runs on any) the same search is compiled
/// with it. Both count the same bits: the path and every cost are the same.
fn search(grid: &Grid, band: &Band, scratch: &mut Scratch, shapes: &[usize]) -> Vec<Bead> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: `search_popcnt` only needs the POPCNT instruction, which the CPU has
        // (checked just above).
        return unsafe { search_popcnt(grid, band, scratch, shapes) };
    }
    search_in(grid, band, scratch, shapes)
}

/// [`search_in`] compiled with the POPCNT instruction (see [`search`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn search_popcnt(grid: &Grid, band: &Band, scratch: &mut Scratch, shapes: &[usize]) -> Vec<Bead> {
    search_in(grid, band, scratch, shapes)
}

/// The body of [`search`], inlined into each of its two compilations.
#[inline(always)]
fn search_in(grid: &Grid, band: &Band, scratch: &mut Scratch, shapes: &[usize]) -> Vec<Bead> {
    let n = band.lo.len() - 1;
    let m = grid.feats.zh.len();
    let mut offset = Vec::with_capacity(n + 2);
    offset.push(0usize);
    for i in 0..=n {
        offset.push(offset[i] + (band.hi[i] - band.lo[i]));
    }
    let mut back = vec![u8::MAX; offset[n + 1]];
    // Cost rows i-MAX_SPAN..=i, in a ring.
    let mut rows: Vec<Vec<f64>> = vec![Vec::new(); MAX_SPAN + 1];
    let ring = |i: usize| i % (MAX_SPAN + 1);
    let mut pairs = PairRows::default();
    for i in 0..=n {
        let (lo, hi) = (band.lo[i], band.hi[i]);
        if i > 0 {
            // English sentence i-1 meets, in beads ending in rows i..i+MAX_SPAN, the Chinese
            // sentences up to MAX_SPAN before those rows' bands.
            let last = (i + MAX_SPAN - 1).min(n);
            let from = band.lo[i..=last].iter().min().copied().unwrap_or(lo);
            let to = band.hi[i..=last].iter().max().copied().unwrap_or(hi);
            pairs.fill(grid.feats, i - 1, from.saturating_sub(MAX_SPAN)..to.min(m));
        }
        let mut row = std::mem::take(&mut rows[ring(i)]);
        row.clear();
        row.resize(hi - lo, f64::INFINITY);
        // The rows the beads ending in row `i` start in, `a` rows up (1..=MAX_SPAN): their
        // costs and first column, looked up once a row instead of once a cell and shape.
        let mut above: [(&[f64], usize); MAX_SPAN + 1] = [(&[], 0); MAX_SPAN + 1];
        for (a, slot) in above
            .iter_mut()
            .enumerate()
            .take(i.min(MAX_SPAN) + 1)
            .skip(1)
        {
            *slot = (&rows[ring(i - a)], band.lo[i - a]);
        }
        for j in lo..hi {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            // The cost of the path through the bead of shape `k` ending here, before the
            // bead's own cost: `None` where the bead does not fit or its start is unreachable.
            let prev_of = |k: usize, row: &[f64]| {
                let (a, b) = SHAPES[k];
                if a > i || b > j {
                    return None;
                }
                let prev = if a == 0 {
                    j.checked_sub(lo + b).map(|x| row[x])
                } else {
                    let (r, first) = above[a];
                    (j - b).checked_sub(first).and_then(|x| r.get(x).copied())
                };
                prev.filter(|c| c.is_finite())
            };
            // The one-sided beads first: they cost a lookup, and no pair bead that cannot
            // come below the cheaper of them can be the cell's choice.
            let mut one_sided = f64::INFINITY;
            for &k in shapes {
                let (a, b) = SHAPES[k];
                if a > 0 && b > 0 {
                    continue;
                }
                if let Some(prev) = prev_of(k, &row) {
                    let c = if a == 0 {
                        grid.skip_cost(false, j - b)
                    } else {
                        grid.skip_cost(true, i - a)
                    };
                    one_sided = one_sided.min(prev + c);
                }
            }
            let mut best = (f64::INFINITY, u8::MAX);
            for &k in shapes {
                let (a, b) = SHAPES[k];
                let Some(prev) = prev_of(k, &row) else {
                    continue;
                };
                let (pi, pj) = (i - a, j - b);
                let c = if a == 0 {
                    grid.skip_cost(false, pj)
                } else if b == 0 {
                    grid.skip_cost(true, pi)
                } else {
                    // Only a bead that may beat the best so far (the first of equal costs
                    // wins) and the one-sided beads is worth weighing in full.
                    let wanted = |c: f64| prev + c < best.0 && prev + c <= one_sided;
                    match grid.cost_below(scratch, &pairs, Bead { i: pi, a, j: pj, b }, k, wanted) {
                        Some(c) => c,
                        None => continue,
                    }
                };
                if prev + c < best.0 {
                    best = (prev + c, k as u8);
                }
            }
            row[j - lo] = best.0;
            back[offset[i] + j - lo] = best.1;
        }
        rows[ring(i)] = row;
    }
    // Trace back from (n, m); the band always contains it.
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = j
            .checked_sub(band.lo[i])
            .filter(|&x| band.lo[i] + x < band.hi[i])
            .map_or(u8::MAX, |x| back[offset[i] + x]);
        let Some(&(a, b)) = SHAPES.get(k as usize) else {
            break;
        };
        beads.push(Bead {
            i: i - a,
            a,
            j: j - b,
            b,
        });
        i -= a;
        j -= b;
    }
    // Should the band ever lose the path, the remaining sentences are reported unaligned
    // rather than lost.
    for ii in (0..i).rev() {
        beads.push(Bead {
            i: ii,
            a: 1,
            j,
            b: 0,
        });
    }
    for jj in (0..j).rev() {
        beads.push(Bead {
            i: 0,
            a: 0,
            j: jj,
            b: 1,
        });
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search compiled with POPCNT (where the CPU has it) and the plain one find the
    /// same path: they count the same bits.
    #[test]
    fn both_compilations_of_the_search_find_the_same_path() {
        use crate::align::evidence::Features;
        use crate::align::score::{Priors, SKIP_PRIOR_MIN};
        use crate::align::structure::Stream;
        use crate::model::Lang;
        use crate::parse::parse_presplit;
        let en = "China will build a community with a shared future for mankind.\n\
                  Trade with the Global South grew by 5.2% in 2025.\n\
                  We oppose hegemonism.\n\
                  APEC leaders met in November.\n\
                  The sky was blue.";
        let zh = "中国将构建人类命运共同体。\n\
                  2025年，中国同全球南方的贸易增长5.2%。\n\
                  我们反对霸权主义。\n\
                  APEC领导人于11月会晤。\n\
                  天是蓝的。";
        let es = Stream::new(&parse_presplit(en, Lang::En, false), true);
        let zs = Stream::new(&parse_presplit(zh, Lang::Zh, false), true);
        let feats = Features::new(&es, &zs);
        let priors = Priors::from_counts(feats.en.len(), feats.zh.len());
        let grid = Grid::new(&es, &zs, &feats, 3.0, SKIP_PRIOR_MIN, &priors, true);
        let centre = guide(
            &feats.en.iter().map(|f| f.len).collect::<Vec<_>>(),
            &feats.zh.iter().map(|f| f.len).collect::<Vec<_>>(),
        );
        let band = Band::new(&centre, feats.zh.len(), BAND_WIDTH, false);
        let plain = search_in(&grid, &band, &mut Scratch::default(), &ALL_SHAPES);
        let chosen = search(&grid, &band, &mut Scratch::default(), &ALL_SHAPES);
        assert_eq!(plain, chosen);
        assert_eq!(plain, Bead::diagonal(5), "five translated pairs");
    }

    #[test]
    fn guide_follows_text_length_not_sentence_count() {
        // One long English sentence faces two Chinese halves.
        let g = guide(&[10.0, 10.0], &[5.0, 5.0, 10.0]);
        assert_eq!(g, vec![0, 2, 3]);
    }

    #[test]
    fn guide_of_empty_sides() {
        assert_eq!(guide(&[], &[3.0]), vec![1]);
        assert_eq!(guide(&[3.0], &[]), vec![0, 0]);
    }

    #[test]
    fn a_narrow_band_cuts_even_a_small_matrix() {
        let centre: Vec<usize> = (0..=40).collect();
        let narrow = Band::new(&centre, 40, 8, true);
        assert!(narrow.partial);
        assert_eq!((narrow.lo[20], narrow.hi[20]), (12, 29));
        assert_eq!((narrow.lo[0], narrow.hi[40]), (0, 41));
        // Without `always`, a matrix under FULL_DP_CELLS is searched in full.
        let full = Band::new(&centre, 40, 8, false);
        assert!(!full.partial);
        assert_eq!(full.cells(), 41 * 41);
        // A band wider than the matrix is the matrix.
        assert!(!Band::new(&centre, 40, 64, true).partial);
    }

    #[test]
    fn a_path_near_the_band_edge_asks_for_a_wider_band() {
        let centre: Vec<usize> = (0..=40).collect();
        let band = Band::new(&centre, 40, 8, true);
        let diagonal = Bead::diagonal(40);
        assert!(!band.touches_edge(&diagonal, 40));
        // One bead 6 columns off the centre of its row: within 3 of the edge at 8.
        let mut off = diagonal.clone();
        off[20] = Bead {
            i: 20,
            a: 1,
            j: 26,
            b: 1,
        };
        assert!(band.touches_edge(&off, 40));
        // The whole matrix has no edge to touch.
        assert!(!Band::new(&centre, 40, 8, false).touches_edge(&off, 40));
    }
}
