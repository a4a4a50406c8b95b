//! Sentence segmentation (English and Chinese). STUB: to be implemented.
use crate::model::Lang;

/// Split one paragraph of `lang` text into trimmed, non-empty sentences.
pub fn split(lang: Lang, text: &str) -> Vec<String> {
    let _ = lang;
    vec![text.trim().to_string()]
}
