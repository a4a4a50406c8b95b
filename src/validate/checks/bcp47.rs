//! Well-formedness of BCP 47 language tags (RFC 5646 §2.1 syntax, no registry lookup).
//!
//! CAT tools match translation-memory languages by tag; a malformed tag (`en_US`, `zh-`,
//! `english`) silently makes a memory unusable, and the XSDs of TMX (a DTD) and XLIFF 1.2
//! do not check it at all. Only the syntax is checked: whether `qaa` or `zh-Hans` is
//! registered needs the IANA registry, which the project does not bundle.

/// The grandfathered tags (RFC 5646 §2.2.8), which are well-formed by enumeration.
const GRANDFATHERED: &str = include_str!("../../../data/validate/bcp47-grandfathered.txt");

fn is_alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_digit(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn is_alnum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `tag` is a well-formed language tag (`langtag`, private use or grandfathered).
pub fn is_well_formed(tag: &str) -> bool {
    if tag.is_empty() {
        return false;
    }
    if GRANDFATHERED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|g| g.eq_ignore_ascii_case(tag))
    {
        return true;
    }
    let parts: Vec<&str> = tag.split('-').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || p.len() > 8 || !is_alnum(p))
    {
        return false;
    }
    let mut i = 0;
    // privateuse = "x" 1*("-" (1*8alphanum))
    if parts[0].eq_ignore_ascii_case("x") {
        return private_use(&parts[1..]);
    }
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
    let lang = parts[0];
    if !is_alpha(lang) || lang.len() < 2 {
        return false;
    }
    i += 1;
    if lang.len() <= 3 {
        // extlang = 3ALPHA *2("-" 3ALPHA)
        let mut ext = 0;
        while ext < 3 && i < parts.len() && parts[i].len() == 3 && is_alpha(parts[i]) {
            ext += 1;
            i += 1;
        }
    }
    // script = 4ALPHA
    if i < parts.len() && parts[i].len() == 4 && is_alpha(parts[i]) {
        i += 1;
    }
    // region = 2ALPHA / 3DIGIT
    if i < parts.len()
        && ((parts[i].len() == 2 && is_alpha(parts[i]))
            || (parts[i].len() == 3 && is_digit(parts[i])))
    {
        i += 1;
    }
    // variant = 5*8alphanum / (DIGIT 3alphanum); no variant twice (§2.2.5)
    let mut variants: Vec<String> = Vec::new();
    while i < parts.len() {
        let p = parts[i];
        let is_variant =
            (5..=8).contains(&p.len()) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit());
        if !is_variant {
            break;
        }
        let lower = p.to_ascii_lowercase();
        if variants.contains(&lower) {
            return false;
        }
        variants.push(lower);
        i += 1;
    }
    // extension = singleton 1*("-" (2*8alphanum)); no singleton twice (§2.2.6)
    let mut singletons: Vec<u8> = Vec::new();
    while i < parts.len() && parts[i].len() == 1 && !parts[i].eq_ignore_ascii_case("x") {
        let s = parts[i].as_bytes()[0].to_ascii_lowercase();
        if singletons.contains(&s) {
            return false;
        }
        singletons.push(s);
        i += 1;
        let start = i;
        while i < parts.len() && parts[i].len() >= 2 {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i < parts.len() && parts[i].eq_ignore_ascii_case("x") {
        return private_use(&parts[i + 1..]);
    }
    i == parts.len()
}

fn private_use(rest: &[&str]) -> bool {
    !rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn accepts_well_formed_tags() {
        for t in [
            "en",
            "en-US",
            "zh-CN",
            "zh-Hans",
            "zh-Hans-CN",
            "es-419",
            "de-CH-1901",
            "sl-rozaj-biske",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "zh-yue-HK",
            "i-klingon",
            "EN-us",
            "qaa-Qaaa-QM-x-southern",
            "sgn-BE-FR",
            "hy-Latn-IT-arevela",
        ] {
            assert!(is_well_formed(t), "{t}");
        }
    }

    #[test]
    fn rejects_malformed_tags() {
        for t in [
            "",
            "en_US",
            "e",
            "en-",
            "-en",
            "en US",
            "de-419-DE",
            "a-DE",
            "ar-a-aaa-b-bbb-a-ccc",
            "de-1901-1901",
            "en-x",
            "zh-CN-",
            "123",
            "en-US-a",
            "abcdefghi",
        ] {
            assert!(!is_well_formed(t), "{t}");
        }
    }
}
