//! Decoding input bytes into NFC text.
//!
//! Transcripts reach us from many sources: UTF-8 pages saved from a browser, UTF-16 files
//! written by Windows tools, and GBK/GB18030 files from older Chinese systems. This module
//! turns all of them into one canonical form (Unicode NFC, LF line endings) so that the
//! later stages never have to care where a file came from. It refuses, with a reason that
//! names the file, anything it cannot decode with confidence: silently producing mojibake
//! would poison a translation memory in ways a translator only notices much later.

use crate::{Error, Result};
use encoding_rs::{DecoderResult, Encoding, GB18030, REPLACEMENT, UTF_16BE, UTF_16LE};
use std::path::Path;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Read the file at `path` and decode it with [`decode`].
///
/// This is the only function in the module that touches the file system, so that the
/// decoding rules themselves stay pure and testable on byte slices. A directory is reported
/// as such (rather than as an obscure OS error) because passing a folder where a file is
/// expected is a common slip on the command line.
pub fn read_file(path: &Path, forced: Option<&str>) -> Result<String> {
    let metadata = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if metadata.is_dir() {
        return Err(Error::input(path, "is a directory, not a transcript file"));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(&bytes, path, forced)
}

/// Decode `bytes` read from `path` to NFC-normalized text with LF line endings.
///
/// `forced` is an encoding label given with `--encoding` (e.g. `gb18030`, `utf-16le`); it
/// overrides detection, which otherwise goes: UTF-8/UTF-16 byte-order mark, then UTF-8,
/// then GB18030 if the result is plausibly Chinese text. Only NFC is applied (not NFKC) so
/// that full-width punctuation such as `，` and `：` is kept exactly as the source wrote it;
/// NFC matters because the same accented letter may arrive composed or decomposed, and the
/// aligner and the memory must treat both as one string. `path` is used only to name the
/// file in errors.
pub fn decode(bytes: &[u8], path: &Path, forced: Option<&str>) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::input(path, "file is empty"));
    }
    refuse_known_formats(bytes, path)?;
    let text = match choose_encoding(bytes, path, forced)? {
        Choice::Known { encoding, bom_len } => {
            refuse_binary(bytes, bom_len, encoding, path, false)?;
            decode_declared(bytes, bom_len, encoding, path, forced.is_some())?
        }
        Choice::Sniff => {
            refuse_binary(bytes, 0, encoding_rs::UTF_8, path, true)?;
            decode_sniffed(bytes, path)?
        }
    };
    finish(&text, path)
}

/// How the bytes will be decoded.
enum Choice {
    /// A known encoding (forced, or declared by a byte-order mark of `bom_len` bytes).
    Known {
        encoding: &'static Encoding,
        bom_len: usize,
    },
    /// No declaration: try UTF-8, then GB18030.
    Sniff,
}

/// Decide on the encoding from `--encoding` and the byte-order mark.
fn choose_encoding(bytes: &[u8], path: &Path, forced: Option<&str>) -> Result<Choice> {
    let bom = Encoding::for_bom(bytes);
    let Some(label) = forced else {
        return Ok(match bom {
            Some((encoding, bom_len)) => Choice::Known { encoding, bom_len },
            None => Choice::Sniff,
        });
    };
    let encoding = resolve_label(label, path)?;
    match bom {
        // UTF-8 text read as Latin-1 or GBK turns every Chinese character into mojibake,
        // and the file then looks like an English-only edition: say what happened instead.
        None if encoding != encoding_rs::UTF_8
            && encoding.is_ascii_compatible()
            && !bytes.is_ascii()
            && std::str::from_utf8(bytes).is_ok() =>
        {
            Err(Error::input(
                path,
                format!(
                    "is UTF-8 text, but --encoding says {:?} ({}), which would turn its \
                     non-ASCII characters into mojibake; drop --encoding (UTF-8 is detected)",
                    label,
                    encoding.name()
                ),
            ))
        }
        None => Ok(Choice::Known {
            encoding,
            bom_len: 0,
        }),
        Some((declared, bom_len)) if declared == encoding => {
            Ok(Choice::Known { encoding, bom_len })
        }
        Some((declared, _)) => Err(Error::input(
            path,
            format!(
                "starts with a {} byte-order mark, but --encoding says {:?} ({}); \
                 drop --encoding or give the right one",
                declared.name(),
                label,
                encoding.name()
            ),
        )),
    }
}

/// The encoding an `--encoding` label names, refusing unknown and unusable labels with a
/// message (without a file name: the command line checks labels before reading any file).
pub fn encoding_for_label(label: &str) -> std::result::Result<&'static Encoding, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        None => Err(format!(
            "unknown encoding {label:?} given with --encoding \
             (try utf-8, gb18030, gbk, utf-16le or utf-16be)"
        )),
        // Labels such as `hz-gb-2312` or `iso-2022-kr` map to the "replacement" encoding,
        // which turns the whole file into one U+FFFD: never what the user wants.
        Some(encoding) if encoding == REPLACEMENT => Err(format!(
            "encoding {label:?} given with --encoding is not supported"
        )),
        Some(encoding) => Ok(encoding),
    }
}

/// Turn an `--encoding` label into an encoding for reading `path`.
fn resolve_label(label: &str, path: &Path) -> Result<&'static Encoding> {
    encoding_for_label(label).map_err(|m| Error::input(path, m))
}

/// Decode with a forced or BOM-declared encoding, reporting the first malformed sequence.
fn decode_declared(
    bytes: &[u8],
    bom_len: usize,
    encoding: &'static Encoding,
    path: &Path,
    forced: bool,
) -> Result<String> {
    let body = bytes.get(bom_len..).unwrap_or_default();
    decode_strict(encoding, body).map_err(|offset| {
        let how = if forced {
            "check the --encoding value"
        } else {
            "although the file starts with a byte-order mark for it"
        };
        Error::at_byte(
            path,
            bom_len.saturating_add(offset),
            format!(
                "not valid {} (malformed byte sequence); {how}",
                encoding.name()
            ),
        )
    })
}

/// Decode bytes without a byte-order mark: UTF-8 if valid; else, for a web page, the
/// charset its `<meta>` declares (see [`crate::html::declared_charset`]); else GB18030 if it
/// plausibly is; else refuse.
///
/// Valid UTF-8 wins over a page's declaration because browsers save pages in UTF-8 while
/// often keeping the original `<meta charset=gb2312>`; bytes that are not UTF-8 must be in
/// some other encoding, and the page's own word for which is better than a guess (a page's
/// markup would also fail the text-likeness test of the GB18030 guess).
fn decode_sniffed(bytes: &[u8], path: &Path) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            if let Some(declared) = crate::html::declared_charset(bytes)
                .filter(|enc| *enc != encoding_rs::UTF_8 && enc.is_ascii_compatible())
            {
                // The GBK family is decoded as GB18030, its superset.
                let encoding = if declared == encoding_rs::GBK {
                    GB18030
                } else {
                    declared
                };
                return decode_strict(encoding, bytes).map_err(|offset| {
                    Error::at_byte(
                        path,
                        offset,
                        format!(
                            "not valid {} (malformed byte sequence), the encoding the page \
                             declares in its <meta charset>; use --encoding to say which \
                             encoding it is",
                            declared.name()
                        ),
                    )
                });
            }
            gb18030_text(bytes).ok_or_else(|| {
                let hint = if single_byte_western(bytes) {
                    " (its non-ASCII bytes stand alone, as in English saved by Windows as \
                     \"ANSI\": try --encoding windows-1252, or save the file as UTF-8 when \
                     its partner is in another encoding)"
                } else {
                    ""
                };
                Error::input(
                    path,
                    format!(
                        "not valid UTF-8 (first invalid byte at offset {}) and not GB18030 text; \
                     use --encoding to say which encoding it is{hint}",
                        e.valid_up_to()
                    ),
                )
            })
        }
    }
}

/// Do the bytes read like text in a single-byte Western encoding: every non-ASCII byte
/// stands between ASCII bytes (a curly quote or a dash in English), where the multi-byte
/// encodings of Chinese (UTF-8, GB18030, Big5) put non-ASCII bytes in runs? Only a hint for
/// the error message: which single-byte encoding it is cannot be known, so it is not guessed.
fn single_byte_western(bytes: &[u8]) -> bool {
    let high = |i: usize| bytes.get(i).is_some_and(|b| !b.is_ascii());
    let mut any = false;
    for i in 0..bytes.len() {
        if high(i) {
            if (i > 0 && high(i - 1)) || high(i + 1) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Decode `bytes` with `encoding` without any replacement; on failure return the byte
/// offset (within `bytes`) where the first malformed sequence starts.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> std::result::Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(capacity);
    let mut consumed = 0usize;
    loop {
        let rest = bytes.get(consumed..).unwrap_or_default();
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        consumed = consumed.saturating_add(read);
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            // Only reachable if the size estimate above was unavailable; grow and go on.
            DecoderResult::OutputFull => out.reserve(rest.len().saturating_sub(read).max(16)),
            DecoderResult::Malformed(bad, after) => {
                return Err(consumed.saturating_sub(usize::from(after) + usize::from(bad)));
            }
        }
    }
}

/// The smallest share of GB18030 multi-byte characters that must come from the GB2312
/// punctuation, pinyin and hanzi rows, as a fraction `NUM / DEN` (here 70%).
const GB2312_SHARE: (usize, usize) = (7, 10);

/// The smallest share of non-space characters that must be letters, digits or Han
/// ideographs for a GB18030 reading to count as text (here 50%).
const WORDY_SHARE: (usize, usize) = (1, 2);

/// Decode `bytes` as GB18030 if that yields plausible text, else `None`.
///
/// GB18030 assigns a character to almost every pair of high bytes, so "decodes without
/// error" alone is weak evidence: a Windows-1252 English file with curly apostrophes
/// (`0x92` followed by `s`) also decodes, into rare ideographs. Real Simplified Chinese
/// text, however, draws nearly all its characters from the GB2312 core (common hanzi and
/// full-width punctuation), so the check below demands that, plus a majority of word
/// characters among the visible ones.
fn gb18030_text(bytes: &[u8]) -> Option<String> {
    let text = decode_strict(GB18030, bytes).ok()?;
    if text.contains('\u{FFFD}') {
        return None;
    }
    let (multibyte, core) = gb_multibyte_stats(bytes);
    if multibyte == 0 || share_below(core, multibyte, GB2312_SHARE) {
        return None;
    }
    let mut visible = 0usize;
    let mut wordy = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        if c.is_ascii_alphanumeric() || is_han(c) {
            wordy += 1;
        }
    }
    if share_below(wordy, visible, WORDY_SHARE) {
        return None;
    }
    Some(text)
}

/// Whether `part / whole` is below `num / den` (integer arithmetic, no overflow panic).
fn share_below(part: usize, whole: usize, (num, den): (usize, usize)) -> bool {
    part.saturating_mul(den) < whole.saturating_mul(num)
}

/// Whether `part / whole` is above `num / den` (integer arithmetic, no overflow panic).
fn share_above(part: usize, whole: usize, (num, den): (usize, usize)) -> bool {
    part.saturating_mul(den) > whole.saturating_mul(num)
}

/// Count the multi-byte characters in valid GB18030 `bytes`, and how many of them lie in the
/// GB2312 core: punctuation and full-width forms (rows A1–A3), pinyin (A8), hanzi (B0–F7).
fn gb_multibyte_stats(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut core) = (0usize, 0usize);
    let mut i = 0usize;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            i += 1;
            continue;
        }
        multibyte += 1;
        match bytes.get(i + 1) {
            // 0x80 alone is the euro sign; 0xFF cannot occur in valid input.
            _ if lead == 0x80 || lead == 0xFF => i += 1,
            Some(&trail) if trail.is_ascii_digit() => i += 4,
            Some(&trail) => {
                let core_row = matches!(lead, 0xA1..=0xA3 | 0xA8 | 0xB0..=0xF7);
                if core_row && (0xA1..=0xFE).contains(&trail) {
                    core += 1;
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    (multibyte, core)
}

/// Whether `c` is a CJK ideograph (unified, extensions or compatibility).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// Refuse files whose first bytes are the signature of a common non-text format.
///
/// Users run the tool over whole folders, which often also hold the Word documents, PDFs
/// and images the transcripts came with; naming the format tells them what to do.
fn refuse_known_formats(bytes: &[u8], path: &Path) -> Result<()> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive, e.g. a .docx or .odt file"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"PK\x07\x08", "ZIP archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "OLE2 compound file, e.g. a .doc file",
        ),
        (b"\x7fELF", "ELF executable"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
    ];
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(Error::at_byte(
            path,
            0,
            format!("looks like binary data ({kind}); save the transcript as plain text"),
        ));
    }
    // UTF-32 byte-order marks; the little-endian one would otherwise pass as UTF-16LE.
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(Error::input(
            path,
            "looks like UTF-32 text, which is not supported; save it as UTF-8",
        ));
    }
    Ok(())
}

/// The largest share of control characters tolerated, as `NUM / DEN` (here 2%).
const CONTROL_SHARE: (usize, usize) = (1, 50);

/// Refuse binary data: any NUL, or more than [`CONTROL_SHARE`] control characters.
///
/// Text never contains NUL, and binary formats are full of NULs and other C0 controls,
/// whereas text uses only tab, line feed, vertical tab, form feed and carriage return (a
/// stray escape or Ctrl-Z in a long file is tolerated). The check runs on bytes for
/// ASCII-compatible encodings (where a byte below 0x20 is always a control character, so
/// offsets are exact) and on 16-bit code units for UTF-16. `sniffing` enables a hint for
/// UTF-16 files that lack a byte-order mark, whose ASCII letters come with NUL bytes.
fn refuse_binary(
    bytes: &[u8],
    bom_len: usize,
    encoding: &'static Encoding,
    path: &Path,
    sniffing: bool,
) -> Result<()> {
    let body = bytes.get(bom_len..).unwrap_or_default();
    let (finding, unit) = if encoding == UTF_16LE || encoding == UTF_16BE {
        let le = encoding == UTF_16LE;
        let units = body.chunks_exact(2).enumerate().map(|(i, pair)| {
            let value = match pair {
                [a, b] if le => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            };
            (bom_len + 2 * i, u32::from(value))
        });
        (find_binary(units, true), "character")
    } else {
        // ISO-2022-JP legitimately uses escape sequences, so only NUL counts there.
        let controls_matter = encoding.is_ascii_compatible();
        // Text almost never holds a NUL or a control byte: a plain scan for one decides
        // that (nothing to report) before the counting pass.
        // The scan looks at blocks of 64 bytes without stopping inside one, which the
        // compiler turns into vector instructions (a byte at a time, it cost 14
        // instructions a byte).
        let suspect = |b: u8| (b < 0x20 && !matches!(b, 0x09..=0x0D)) || b == 0x7F;
        if !body
            .chunks(64)
            .any(|block| block.iter().fold(false, |seen, &b| seen | suspect(b)))
        {
            return Ok(());
        }
        let units = body
            .iter()
            .enumerate()
            .map(|(i, b)| (bom_len + i, u32::from(*b)));
        (find_binary(units, controls_matter), "byte")
    };
    let Some(finding) = finding else {
        return Ok(());
    };
    let reason = match finding {
        Binary::Nul(_) => {
            let hint = if sniffing {
                bomless_utf16_hint(body)
            } else {
                None
            };
            match hint {
                Some(label) => format!(
                    "NUL {unit}; if it is UTF-16 text without a byte-order mark, \
                     use --encoding {label}"
                ),
                None => format!("NUL {unit}"),
            }
        }
        Binary::Controls { count, total, .. } => {
            format!("{count} of {total} {unit}s are control characters")
        }
    };
    Err(Error::at_byte(
        path,
        finding.offset(),
        format!("looks like binary data ({reason})"),
    ))
}

/// Evidence that the input is binary.
enum Binary {
    /// A NUL at this byte offset.
    Nul(usize),
    /// Too many control characters; `first` is the byte offset of the first one.
    Controls {
        first: usize,
        count: usize,
        total: usize,
    },
}

impl Binary {
    /// The byte offset of the first offending byte.
    fn offset(&self) -> usize {
        match self {
            Binary::Nul(offset) | Binary::Controls { first: offset, .. } => *offset,
        }
    }
}

/// Scan `(byte offset, code)` units for NULs and, if `controls_matter`, for a high share of
/// C0 control characters (other than the whitespace ones) and DEL.
fn find_binary(units: impl Iterator<Item = (usize, u32)>, controls_matter: bool) -> Option<Binary> {
    let (mut total, mut count, mut first) = (0usize, 0usize, None);
    for (offset, code) in units {
        total += 1;
        if code == 0 {
            return Some(Binary::Nul(offset));
        }
        let control = (code < 0x20 && !matches!(code, 0x09..=0x0D)) || code == 0x7F;
        if control {
            count += 1;
            first.get_or_insert(offset);
        }
    }
    match first {
        Some(first) if controls_matter && share_above(count, total, CONTROL_SHARE) => {
            Some(Binary::Controls {
                first,
                count,
                total,
            })
        }
        _ => None,
    }
}

/// If NUL bytes sit mostly at odd (or even) offsets, the file is probably UTF-16LE (or BE)
/// without a byte-order mark; return the label to suggest.
fn bomless_utf16_hint(bytes: &[u8]) -> Option<&'static str> {
    let sample = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    // At least a third of one column is NUL, and the other column has ten times fewer.
    let mostly = |this: usize, other: usize| {
        this.saturating_mul(3) >= pairs && other.saturating_mul(10) <= this
    };
    if pairs == 0 {
        None
    } else if mostly(odd, even) {
        Some("utf-16le")
    } else if mostly(even, odd) {
        Some("utf-16be")
    } else {
        None
    }
}

/// Final clean-up shared by every path: drop a leading BOM character that survived
/// decoding (e.g. GB18030's own), refuse blank files, unify line endings, apply NFC.
fn finish(text: &str, path: &Path) -> Result<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(Error::input(
            path,
            "file is empty (it holds only whitespace or a byte-order mark)",
        ));
    }
    let text = normalize_newlines(text);
    Ok(if is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    })
}

/// Replace CRLF and lone CR with LF, so later stages split lines in one way only.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            out.push('\n');
            chars.next_if_eq(&'\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str = "王毅：各位记者朋友，上午好！";

    fn path() -> &'static Path {
        Path::new("in/transcript.txt")
    }

    fn ok(bytes: &[u8]) -> String {
        decode(bytes, path(), None).unwrap()
    }

    fn err(bytes: &[u8], forced: Option<&str>) -> String {
        let e = decode(bytes, path(), forced).unwrap_err().to_string();
        assert!(
            e.contains("in/transcript.txt"),
            "error does not name the file: {e}"
        );
        e
    }

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut out = if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            let pair = if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    fn gb(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    /// A tiny deterministic generator, so "random" tests are reproducible.
    fn lcg_bytes(seed: u64, len: usize) -> Vec<u8> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn utf8_without_bom() {
        assert_eq!(ok(ZH.as_bytes()), ZH);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Wang Yi: 你好".as_bytes());
        assert_eq!(ok(&bytes), "Wang Yi: 你好");
    }

    #[test]
    fn utf16le_with_bom() {
        assert_eq!(
            ok(&utf16("Hello 王毅 🙂\r\nline 2", true)),
            "Hello 王毅 🙂\nline 2"
        );
    }

    #[test]
    fn utf16be_with_bom() {
        assert_eq!(ok(&utf16(ZH, false)), ZH);
    }

    #[test]
    fn utf16_odd_length_reports_offset() {
        let mut bytes = utf16("ab", true);
        bytes.push(b'c');
        let e = err(&bytes, None);
        assert!(e.contains("byte 6") && e.contains("UTF-16LE"), "{e}");
    }

    #[test]
    fn gb18030_is_detected() {
        assert_eq!(ok(&gb(ZH)), ZH);
        let mixed = format!("Foreign Ministry Spokesperson\n{ZH}\n2024年3月7日");
        assert_eq!(ok(&gb(&mixed)), mixed);
        // A character outside GB2312 (镕, GBK only) among common ones is fine.
        let rare = "朱镕基总理会见记者。";
        assert_eq!(ok(&gb(rare)), rare);
    }

    #[test]
    fn gbk_and_gb18030_labels_decode_gb_bytes() {
        for label in ["gbk", "GB2312", "gb18030", " GB18030 "] {
            assert_eq!(decode(&gb(ZH), path(), Some(label)).unwrap(), ZH, "{label}");
        }
    }

    #[test]
    fn forced_single_byte_encoding_on_utf8_text_is_refused() {
        for label in ["latin1", "windows-1252", "gbk"] {
            let e = err(ZH.as_bytes(), Some(label));
            assert!(
                e.contains("is UTF-8 text") && e.contains("drop --encoding"),
                "{e}"
            );
        }
        // Pure ASCII reads the same in every one of them: allowed.
        assert_eq!(decode(b"Hello.", path(), Some("latin1")).unwrap(), "Hello.");
    }

    #[test]
    fn gb18030_bom_is_stripped() {
        let mut bytes = b"\x84\x31\x95\x33".to_vec();
        bytes.extend(gb(ZH));
        assert_eq!(ok(&bytes), ZH);
    }

    #[test]
    fn windows_1252_english_is_not_taken_for_chinese() {
        // 0x92 ("’") followed by "s" is a valid but rare GBK character.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Wang’s remarks and China’s position");
        let e = err(&bytes, None);
        assert!(
            e.contains("not valid UTF-8 (first invalid byte at offset 4)"),
            "{e}"
        );
        assert!(e.contains("not GB18030 text; use --encoding"), "{e}");
        assert!(e.contains("try --encoding windows-1252"), "{e}");
        let forced = decode(&bytes, path(), Some("windows-1252")).unwrap();
        assert_eq!(forced, "Wang’s remarks and China’s position");
    }

    #[test]
    fn big5_is_not_taken_for_gb18030() {
        let (bytes, _, _) =
            encoding_rs::BIG5.encode("王毅：各位記者朋友，上午好！我們今天討論國際關係。");
        assert!(std::str::from_utf8(&bytes).is_err());
        err(&bytes, None);
        assert!(!err(&bytes, None).contains("windows-1252"));
        let forced = decode(&bytes, path(), Some("big5")).unwrap();
        assert!(forced.starts_with("王毅：各位記者"));
    }

    #[test]
    fn nfc_composes_but_keeps_full_width_punctuation() {
        let text = ok("Cafe\u{301}，：！（）".as_bytes());
        assert_eq!(text, "Caf\u{E9}，：！（）");
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(ok(b"a\r\nb\rc\n\r\nd\r"), "a\nb\nc\n\nd\n");
    }

    #[test]
    fn empty_inputs_are_refused() {
        for bytes in [
            &b""[..],
            b"   \r\n\t ",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\xEF\xBB\xBF\n\n",
        ] {
            let e = err(bytes, None);
            assert!(e.contains("file is empty"), "{bytes:?}: {e}");
        }
        let e = err("\u{3000}\n".as_bytes(), None);
        assert!(e.contains("file is empty"), "{e}");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let e = err(b"Hello\0world", None);
        assert!(
            e.contains("byte 5") && e.contains("looks like binary data (NUL byte)"),
            "{e}"
        );
    }

    #[test]
    fn bomless_utf16_gets_a_hint() {
        let le: Vec<u8> = utf16("Hello, world", true).split_off(2);
        let e = err(&le, None);
        assert!(
            e.contains("looks like binary data") && e.contains("--encoding utf-16le"),
            "{e}"
        );
        assert_eq!(
            decode(&le, path(), Some("utf-16le")).unwrap(),
            "Hello, world"
        );
        let be: Vec<u8> = utf16("Hello, world", false).split_off(2);
        assert!(err(&be, None).contains("--encoding utf-16be"));
    }

    #[test]
    fn control_characters_are_binary() {
        let mut bytes = b"Some text ".to_vec();
        bytes.extend_from_slice(&[0x01, 0x02, 0x03, 0x1B, 0x7F]);
        let e = err(&bytes, None);
        assert!(
            e.contains("byte 10") && e.contains("5 of 15 bytes are control"),
            "{e}"
        );
        // A single stray escape in a longer text is tolerated.
        let mut long = "word ".repeat(20).into_bytes();
        long.push(0x1B);
        assert!(decode(&long, path(), None).is_ok());
    }

    #[test]
    fn utf16_nul_is_binary() {
        let bytes = utf16("ab\0c", true);
        let e = err(&bytes, None);
        assert!(e.contains("byte 6") && e.contains("NUL character"), "{e}");
    }

    #[test]
    fn known_signatures_are_binary() {
        let cases: [(&[u8], &str); 5] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "PDF document"),
            (b"PK\x03\x04\x14\0\x06\0", ".docx"),
            (b"\x7fELF\x02\x01\x01", "ELF executable"),
            (b"%PDF-1.4 looks textual", "PDF document"),
        ];
        for (bytes, kind) in cases {
            let e = err(bytes, None);
            assert!(
                e.contains("byte 0: looks like binary data (") && e.contains(kind),
                "{e}"
            );
            // Forcing an encoding does not make a PNG a transcript.
            assert!(err(bytes, Some("utf-8")).contains(kind));
        }
    }

    #[test]
    fn utf32_is_refused() {
        let e = err(b"\xFF\xFE\0\0H\0\0\0", None);
        assert!(e.contains("UTF-32"), "{e}");
    }

    #[test]
    fn random_bytes_are_refused() {
        for seed in 1..20 {
            let bytes = lcg_bytes(seed, 2000);
            err(&bytes, None);
        }
    }

    #[test]
    fn random_high_bytes_without_controls_are_refused() {
        // Only bytes 0x81..=0xFE: no NUL or control, so GB18030 plausibility must decide.
        for seed in 1..50 {
            let bytes: Vec<u8> = lcg_bytes(seed, 64)
                .iter()
                .map(|b| 0x81 + b % 0x7E)
                .collect();
            let e = err(&bytes, None);
            assert!(e.contains("not valid UTF-8") || e.contains("binary"), "{e}");
        }
    }

    #[test]
    fn no_panic_on_arbitrary_input() {
        let labels = [
            None,
            Some("utf-8"),
            Some("gb18030"),
            Some("utf-16le"),
            Some("utf-16be"),
        ];
        for seed in 0..2000u64 {
            let len = if seed % 100 == 0 {
                5000
            } else {
                (seed % 37) as usize
            };
            let mut bytes = lcg_bytes(seed, len);
            // Give some inputs a BOM so the declared paths are exercised too.
            let bom: &[u8] = match seed % 4 {
                1 => b"\xEF\xBB\xBF",
                2 => b"\xFF\xFE",
                3 => b"\xFE\xFF",
                _ => b"",
            };
            bytes.splice(0..0, bom.iter().copied());
            for label in labels {
                let _ = decode(&bytes, path(), label);
            }
        }
    }

    #[test]
    fn unknown_label_is_named() {
        let e = err(b"hello", Some("klingon-8"));
        assert!(e.contains("unknown encoding \"klingon-8\""), "{e}");
        let e = err(b"hello", Some("hz-gb-2312"));
        assert!(
            e.contains("\"hz-gb-2312\"") && e.contains("not supported"),
            "{e}"
        );
    }

    #[test]
    fn forced_utf8_on_gb_bytes_reports_offset() {
        let bytes = gb(&format!("Wang Yi {ZH}"));
        let e = err(&bytes, Some("utf-8"));
        assert!(e.contains("byte 8") && e.contains("not valid UTF-8"), "{e}");
        assert!(e.contains("--encoding"), "{e}");
    }

    #[test]
    fn forced_encoding_conflicting_with_bom_is_refused() {
        let e = err(&utf16(ZH, true), Some("gb18030"));
        assert!(
            e.contains("UTF-16LE byte-order mark") && e.contains("\"gb18030\""),
            "{e}"
        );
        // A BOM that agrees with --encoding is simply stripped.
        assert_eq!(
            decode(&utf16(ZH, true), path(), Some("utf-16le")).unwrap(),
            ZH
        );
    }
}
