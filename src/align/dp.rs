//! The dynamic program: the cheapest sequence of beads through both sentence streams.
//!
//! The search runs inside a band around a guide diagonal that follows the two sides'
//! cumulative text length (not the sentence count, which differs when one side splits
//! sentences more finely). The band widens only while the best path touches its edge, up
//! to a fixed number of cells, so time and memory grow linearly with the input. Back
//! pointers take one byte a cell; costs are kept for the last few rows only.

use super::evidence::Scratch;
use super::score::Grid;

/// A bead chosen by the DP: English `i..i+a`, Chinese `j..j+b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bead {
    pub i: usize,
    pub a: usize,
    pub j: usize,
    pub b: usize,
}

/// Bead shapes (English count, Chinese count) with their prior probability: official
/// English often splits one long Chinese sentence in two or three; one Chinese sentence
/// chained with semicolons (一是……；二是……；三是……) may become four or five English ones.
/// 1-0 and 0-1 take their cost from the grid's skip priors.
const BEADS: [(usize, usize, f64); 11] = [
    (1, 1, 0.70),
    (2, 1, 0.14),
    (1, 2, 0.04),
    (3, 1, 0.04),
    (1, 3, 0.01),
    (2, 2, 0.01),
    (4, 1, 0.006),
    (5, 1, 0.002),
    (1, 4, 0.002),
    (1, 0, 0.0),
    (0, 1, 0.0),
];

/// The most sentences a bead takes from one side: rows of cost kept.
const MAX_SPAN: usize = 5;

/// Documents up to this many cells (e.g. 300 × 300 sentences) are searched in full.
const FULL_DP_CELLS: usize = 90_000;
/// Initial half-width of the band (in Chinese sentences) for longer documents.
const BAND_WIDTH: usize = 48;
/// The band stops widening at this many cells (memory: one byte each).
const MAX_CELLS: usize = 40_000_000;

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
            .map(|i| (i * m).checked_div(n).unwrap_or(0))
            .collect();
    }
    let mut out = Vec::with_capacity(n + 1);
    let (mut ce, mut cz, mut j) = (0.0, 0.0, 0usize);
    for i in 0..=n {
        let target = ce / te * tz;
        while j < m && cz + zh_len[j] / 2.0 < target {
            cz += zh_len[j];
            j += 1;
        }
        out.push(j);
        if i < n {
            ce += en_len[i];
        }
    }
    if let Some(last) = out.last_mut() {
        *last = m;
    }
    out
}

/// The best bead sequence through the whole document. Every sentence is in exactly one
/// bead (1-0 and 0-1 beads for sentences without counterpart).
pub(crate) fn align(grid: &Grid, scratch: &mut Scratch) -> Vec<Bead> {
    let en_len: Vec<f64> = grid.feats.en.iter().map(|f| f.len).collect();
    let zh_len: Vec<f64> = grid.feats.zh.iter().map(|f| f.len).collect();
    let centre = guide(&en_len, &zh_len);
    let cols = zh_len.len();
    let mut width = BAND_WIDTH;
    loop {
        let band = Band::new(&centre, cols, width);
        let beads = search(grid, &band, scratch);
        let wider = Band::new(&centre, cols, width * 2);
        if !band.touches_edge(&beads, cols) || wider.cells() > MAX_CELLS || !band.partial {
            return beads;
        }
        width *= 2;
    }
}

/// The DP inside one band.
fn search(grid: &Grid, band: &Band, scratch: &mut Scratch) -> Vec<Bead> {
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
    for i in 0..=n {
        let (lo, hi) = (band.lo[i], band.hi[i]);
        let mut row = std::mem::take(&mut rows[ring(i)]);
        row.clear();
        row.resize(hi - lo, f64::INFINITY);
        for j in lo..hi {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            let mut best = (f64::INFINITY, u8::MAX);
            for (k, &(a, b, prior)) in BEADS.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let (pi, pj) = (i - a, j - b);
                let prev = if a == 0 {
                    j.checked_sub(lo + b).map(|x| row[x])
                } else {
                    let r = &rows[ring(pi)];
                    pj.checked_sub(band.lo[pi]).and_then(|x| r.get(x).copied())
                };
                let Some(prev) = prev.filter(|c| c.is_finite()) else {
                    continue;
                };
                let c = if a == 0 {
                    grid.skip_cost(false, pj)
                } else if b == 0 {
                    grid.skip_cost(true, pi)
                } else {
                    grid.cost(scratch, pi, a, pj, b, prior)
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
        let Some(&(a, b, _)) = BEADS.get(k as usize) else {
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
