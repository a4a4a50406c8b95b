//! Glossary exports. STUB: to be implemented.
use super::Entry;
use crate::model::Lang;

/// Glossary layouts `terms --format` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GlossaryFormat {
    /// Generic CSV for spreadsheets.
    Csv,
    /// OmegaT glossary (tab-separated, `.utf8`).
    Omegat,
    /// DeepL glossary CSV.
    Deepl,
    /// Google Cloud Translation unidirectional glossary.
    Google,
    /// Google Cloud Translation equivalent-term-set glossary.
    GoogleEquivalent,
    /// Phrase Strings glossary CSV.
    Phrase,
    /// memoQ termbase CSV.
    Memoq,
    /// Trados MultiTerm (MultiTerm Convert spreadsheet layout).
    Trados,
    /// TBX-Basic (ISO 30042:2019).
    Tbx,
    /// TBX 2008 (`martif`) for older readers.
    Tbx2008,
}

/// Options of the glossary writers.
#[derive(Clone, Debug)]
pub struct GlossaryOptions {
    /// Language tag for Chinese (default `zh-CN`).
    pub zh_code: String,
    /// Language tag for English (default `en-US`).
    pub en_code: String,
    /// Source language where the format is directional.
    pub source: Lang,
    /// Generic CSV: write a UTF-8 BOM (default true).
    pub bom: bool,
}

impl Default for GlossaryOptions {
    fn default() -> Self {
        GlossaryOptions {
            zh_code: "zh-CN".into(),
            en_code: "en-US".into(),
            source: Lang::Zh,
            bom: true,
        }
    }
}

/// Write `entries` in `format`. Returns warnings (e.g. entries refused by a format's limits).
pub fn write<W: std::io::Write>(
    out: W,
    format: GlossaryFormat,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> std::io::Result<Vec<String>> {
    let _ = (out, format, entries, opts);
    Ok(Vec::new())
}
