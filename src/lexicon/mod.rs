//! Bilingual lexical evidence for the aligner: numbers, Latin-script tokens, CC-CEDICT
//! glosses and the bundled term list.
pub mod cedict;
pub mod dict;
pub mod numbers;
pub mod stem;
pub mod terms;
pub mod words;

use std::collections::HashMap;

/// Writes `word` in lower case into `buf`, which is cleared first: the callers that
/// lowercase every word of a text (stems, hyphen evidence, term mentions) reuse one buffer
/// instead of allocating a `String` per word. An ASCII word (nearly all) is lowercased on
/// its bytes; any other with `str::to_lowercase`, not per character, since a word-final Σ
/// is ς.
pub(crate) fn lowercase_into(buf: &mut String, word: &str) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
}

/// A hasher for small integer keys (the learned lexicon's character pairs and packed id
/// pairs, the tokeniser's first characters) and short strings (the stem cache's words): a
/// multiply per key or per eight bytes and a final mix instead of SipHash, whose protection against chosen keys tables that live for one document or one
/// run of the tokeniser do not need. No iteration order of these tables reaches the output
/// (they are only looked up; see `align::evidence::Features::with_learned_lexicon`).
#[derive(Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        // Mix the high bits down: the table picks buckets by the low bits, and a packed
        // pair's low bits are its second half only.
        let x = self.0 ^ (self.0 >> 33);
        let x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^ (x >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step (string keys: the stem cache's words, Latin tokens, terms),
        // then the rest one by one.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A hash map on [`IdHasher`].
pub(crate) type IdMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A hash set on [`IdHasher`].
pub(crate) type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;
