//! The dynamic program: the cheapest sequence of beads through both sentence streams.
//!
//! The search runs inside a band around a guide diagonal that follows the two sides'
//! cumulative text length (not the sentence count, which differs when one side splits
//! sentences more finely). The band widens only while the best path touches its edge, up
//! to a fixed number of cells, so time and memory grow linearly with the input. Back
//! pointers take one byte a cell; costs are kept for the last few rows only.

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
    fn new(centre: &[usize], cols: usize, width: usize) -> Band {
        let rows = centre.len() - 1;
        let full = rows.saturating_mul(cols) <= FULL_DP_CELLS || width > rows.max(cols);
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

/// The best bead sequence through the whole document. Every sentence is in exactly one
/// bead (1-0 and 0-1 beads for sentences without counterpart). With `previous`, the search
/// runs in a narrow band around that path (the first pass's), else around the guide
/// diagonal.
pub(crate) fn align(grid: &Grid, scratch: &mut Scratch, previous: Option<&[Bead]>) -> Vec<Bead> {
    let en_len: Vec<f64> = grid.feats.en.iter().map(|f| f.len).collect();
    let zh_len: Vec<f64> = grid.feats.zh.iter().map(|f| f.len).collect();
    let cols = zh_len.len();
    let (centre, mut width, shapes) = match previous {
        Some(path) => (
            guide_from_path(path, en_len.len(), cols),
            PATH_BAND_WIDTH,
            &ALL_SHAPES[..],
        ),
        None if en_len.len() + cols > FIRST_PASS_FULL_SENTENCES => {
            (guide(&en_len, &zh_len), BAND_WIDTH, &FIRST_PASS_SHAPES[..])
        }
        None => (guide(&en_len, &zh_len), BAND_WIDTH, &ALL_SHAPES[..]),
    };
    let mut band = Band::new(&centre, cols, width);
    loop {
        let beads = search(grid, &band, scratch, shapes);
        if !band.touches_edge(&beads, cols) {
            return beads;
        }
        width *= 2;
        let wider = Band::new(&centre, cols, width);
        if wider.cells() > MAX_CELLS {
            return beads;
        }
        band = wider;
    }
}

/// The DP inside one band.
fn search(grid: &Grid, band: &Band, scratch: &mut Scratch, shapes: &[usize]) -> Vec<Bead> {
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
                let (pi, pj) = (i - a, j - b);
                let prev = if a == 0 {
                    j.checked_sub(lo + b).map(|x| row[x])
                } else {
                    let r = &rows[ring(pi)];
                    pj.checked_sub(band.lo[pi]).and_then(|x| r.get(x).copied())
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
}
