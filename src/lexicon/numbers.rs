//! Numbers and dates as language-independent anchors. STUB: to be implemented.

/// A number found in a sentence, normalized so that the same quantity written in English
/// and in Chinese compares equal (`1.4 billion` = `14亿` = 1_400_000_000).
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The value, after multipliers (billion, 亿, 万, %) are applied.
    pub value: f64,
}

/// Numbers in an English sentence.
pub fn en_numbers(text: &str) -> Vec<Number> {
    let _ = text;
    Vec::new()
}

/// Numbers in a Chinese sentence.
pub fn zh_numbers(text: &str) -> Vec<Number> {
    let _ = text;
    Vec::new()
}
