//! Reading the bundled data files (`data/`): knowledge such as word lists, label patterns
//! and thresholds lives there, one entry a line, with `#` comment lines and blank lines
//! between groups. Every module reading such a file goes through here, so that the file
//! format is decided once.

/// The non-comment, non-empty lines of a bundled data file, trimmed.
pub(crate) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words of a bundled word-list file (every whitespace-separated word of its
/// [`lines`]), in lower case: the stop words, edge words, negations and clause words that
/// are looked up one lower-cased word at a time.
pub(crate) fn words(text: &'static str) -> std::collections::HashSet<String> {
    lines(text)
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

/// The values of one key in a bundled file of keyed lists (`key: value value …` lines, as
/// `data/terms/zh_edge_chars.txt`): every whitespace-separated word after `key:` on each
/// of its [`lines`], in file order. Several readers each take their own keys of one file.
pub(crate) fn keyed(text: &'static str, key: &str) -> Vec<String> {
    lines(text)
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.trim() == key)
        .flat_map(|(_, rest)| rest.split_whitespace())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<&str> = super::lines("# a comment\n\n  alpha \n#beta\ngamma\t\n").collect();
        assert_eq!(got, ["alpha", "gamma"]);
    }

    #[test]
    fn keyed_lists_take_only_their_key() {
        let text = "# start: not this
start: a b
start-word: c
end: d
start: e
";
        assert_eq!(super::keyed(text, "start"), ["a", "b", "e"]);
        assert_eq!(super::keyed(text, "start-word"), ["c"]);
        assert!(super::keyed(text, "none").is_empty());
    }

    #[test]
    fn word_lists_are_lower_case_words() {
        let got = super::words("# Comment Words\nNot nor\n\n  non-\n");
        let mut got: Vec<String> = got.into_iter().collect();
        got.sort();
        assert_eq!(got, ["non-", "nor", "not"]);
    }
}
