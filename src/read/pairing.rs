//! Which files of a folder are the two editions of one text: `speech.en.txt` and
//! `speech.zh.txt`, `report_EN.docx` and `report_CN.docx`, `讲话-英文.html` and `讲话-中文.html`.
//!
//! Translators keep the English and the Chinese of a text side by side, named alike. Read
//! one by one, each is a single-language edition waiting for its partner; paired by name,
//! they are aligned as `--en A --zh B` would align them. The language words are data
//! (`data/layout/file_lang_markers.txt`). A name is cut into words at `.`, `_`, `-` and
//! spaces (the extension left out); a file is an edition when exactly one word is a
//! language marker, and two editions pair when the rest of their names is the same and
//! their languages differ. Anything ambiguous (two English editions of one name, a name
//! with markers of both languages) is left unpaired, to be reported as it is read.

use crate::model::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The language markers of file names, lower-cased.
fn markers() -> &'static [(Lang, String)] {
    static MARKERS: OnceLock<Vec<(Lang, String)>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        crate::data::lines(include_str!("../../data/layout/file_lang_markers.txt"))
            .filter_map(|l| {
                let (lang, marker) = l.split_once('\t')?;
                let lang = match lang.trim() {
                    "en" => Lang::En,
                    "zh" => Lang::Zh,
                    _ => return None,
                };
                Some((lang, marker.trim().to_lowercase()))
            })
            .collect()
    })
}

/// The language a file name declares and the name with that word blanked out (the key its
/// partner shares), when exactly one of its words is a language marker. The folder is part
/// of the key: editions pair within one folder.
fn edition(path: &Path) -> Option<(Lang, String)> {
    let stem = path.file_stem()?.to_str()?;
    let words: Vec<&str> = stem.split(['.', '_', '-', ' ']).collect();
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if let Some((lang, _)) = markers().iter().find(|(_, m)| *m == lower) {
            if found.is_some() {
                return None;
            }
            found = Some((i, *lang));
        }
    }
    let (at, lang) = found?;
    // The marker blanked out in place, the separators kept (each one byte), so that `a.en`
    // and `a-zh` do not pair.
    let start: usize = words[..at].iter().map(|w| w.len() + 1).sum();
    let key = format!(
        "{}\u{0}{}",
        &stem[..start],
        &stem[start + words[at].len()..]
    );
    let dir = path.parent().map(|p| p.to_string_lossy().into_owned());
    Some((lang, format!("{}/{key}", dir.unwrap_or_default())))
}

/// The files of `paths` that pair by name, as (English, Chinese), in the order of the
/// Chinese files in `paths`; every other path is left for the caller, in its order.
pub fn pair_by_name(paths: &[PathBuf]) -> (Vec<(PathBuf, PathBuf)>, Vec<PathBuf>) {
    let mut by_key: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in paths.iter().enumerate() {
        if let Some((lang, key)) = edition(p) {
            let sides = by_key.entry(key).or_default();
            match lang {
                Lang::En => sides.0.push(i),
                Lang::Zh => sides.1.push(i),
            }
        }
    }
    let mut partner_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (en, zh) in by_key.values() {
        if let ([e], [z]) = (en.as_slice(), zh.as_slice()) {
            partner_of.insert(*z, *e);
        }
    }
    let paired: std::collections::HashSet<usize> =
        partner_of.iter().flat_map(|(z, e)| [*z, *e]).collect();
    let pairs = partner_of
        .iter()
        .map(|(z, e)| (paths[*e].clone(), paths[*z].clone()))
        .collect();
    let rest = paths
        .iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .map(|(_, p)| p.clone())
        .collect();
    (pairs, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn editions_pair_by_the_rest_of_their_names() {
        let (pairs, rest) = pair_by_name(&paths(&[
            "d/speech.en.txt",
            "d/notes.txt",
            "d/speech.zh.txt",
            "d/report_EN.docx",
            "d/report_CN.docx",
            "d/讲话-英文.html",
            "d/讲话-中文.html",
        ]));
        assert_eq!(
            pairs,
            [
                ("d/speech.en.txt".into(), "d/speech.zh.txt".into()),
                ("d/report_EN.docx".into(), "d/report_CN.docx".into()),
                ("d/讲话-英文.html".into(), "d/讲话-中文.html".into()),
            ]
        );
        assert_eq!(rest, paths(&["d/notes.txt"]));
    }

    #[test]
    fn ambiguous_or_unmatched_names_stay_unpaired() {
        let names = [
            // Two English editions of one name.
            "a/x.en.txt",
            "a/x.english.txt",
            "a/x.zh.txt",
            // Different separators, different folders, no partner, both markers.
            "b/y.en.txt",
            "b/y-zh.txt",
            "c/z.en.txt",
            "e/z.zh.txt",
            "f/w.zh.txt",
            "g/v.en.zh.txt",
            // A bilingual file: no marker.
            "h/2025-03-07-press-conference.bilingual.md",
        ];
        let (pairs, rest) = pair_by_name(&paths(&names));
        assert!(pairs.is_empty(), "{pairs:?}");
        assert_eq!(rest, paths(&names));
    }
}
