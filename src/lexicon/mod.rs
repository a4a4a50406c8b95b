//! Bilingual lexical evidence for the aligner: numbers, Latin-script tokens, CC-CEDICT
//! glosses and the bundled term list.
pub mod cedict;
pub mod dict;
pub mod numbers;
pub mod stem;
pub mod terms;
pub mod words;
