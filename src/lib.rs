//! zhen-tm: official English–Chinese diplomatic transcripts in, translation memories out.
//!
//! The library is a pipeline of small stages over the plain data types in [`model`]:
//!
//! 1. [`decode`]: bytes → NFC text (BOM sniffing, UTF-16, GB18030 fallback, binary refusal);
//! 2. [`parse`]: text → [`model::Document`] (title, lead, speaker turns per language);
//! 3. [`segment`]: a unit's paragraphs → sentences (rules in `data/segment/`);
//! 4. [`align`]: two transcripts → [`model::AlignedDocument`] (units, then sentence beads);
//! 5. [`normalize`]: the Chinese side of the pairs → full-width punctuation and no stray
//!    spaces between Chinese characters (rules in `data/normalize/`), so that the memory
//!    matches other editions of the same text;
//!    then, for memories with English source, [`align::clauses`]: a Chinese sentence that
//!    renders several English sentences → clause pairs, one per English sentence, where the
//!    evidence supports the cut (rules in `data/clauses/`);
//! 6. [`write`]: aligned documents → TMX 1.4b, XLIFF 1.2, XLIFF 2.1, CSV;
//! 7. [`review`]: a review page per document, and the translator's decisions back into the
//!    memories.
//!
//! [`lexicon`] holds the bilingual evidence the aligner uses (numbers, CC-CEDICT, the
//! bundled term list). The command-line front end lives in the binary (`src/cli`).

pub mod align;
mod data;
pub mod decode;
pub mod error;
pub mod glossary;
pub mod html;
pub mod hyphen;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod read;
pub mod review;
pub mod segment;
pub mod terms;
pub mod validate;
pub mod write;

pub use error::{Error, Result};
