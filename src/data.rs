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

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<&str> = super::lines("# a comment\n\n  alpha \n#beta\ngamma\t\n").collect();
        assert_eq!(got, ["alpha", "gamma"]);
    }
}
