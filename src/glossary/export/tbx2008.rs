//! TBX-Basic in the 2008 form (ISO 30042:2008, TBX v2): `martif`, `martifHeader`,
//! `text/body/termEntry`, `langSet`, `tig/term`, for readers that predate TBX v3, such as
//! OmegaT 3.6 (its reader is bound to the `martif` structure and only knows `tig`/`ntig`).
//!
//! Same content and rules as the v3 writer (see `tbx.rs`): `descrip type="subjectField"`
//! at entry level, `termNote type="administrativeStatus"` and `descrip type="context"` in
//! each `tig`. The header names the TBX-Basic XCS as the 2008 TBX-Basic specification asks.
//! No `DOCTYPE`: the DTD it would name is not shipped alongside, and readers that resolve
//! external DTDs would fail to open the file (OmegaT ignores it either way).

use std::io::{self, Write};

use super::tbx::{write_edition, Edition};
use super::GlossaryOptions;
use crate::glossary::Entry;

pub(super) fn write<W: Write>(
    out: W,
    entries: &[Entry],
    opts: &GlossaryOptions,
) -> io::Result<Vec<String>> {
    write_edition(out, entries, opts, Edition::V2008)
}

#[cfg(test)]
mod tests {
    use super::super::tbx::tests::elements;
    use super::super::{test_fixture, write as export, GlossaryFormat, GlossaryOptions};
    use crate::model::Lang;

    #[test]
    fn martif_structure() {
        let opts = GlossaryOptions {
            source: Lang::En,
            ..GlossaryOptions::default()
        };
        let mut buf = Vec::new();
        export(
            &mut buf,
            GlossaryFormat::Tbx2008,
            &test_fixture::entries(),
            &opts,
        )
        .unwrap();
        let xml = String::from_utf8(buf).unwrap();
        assert!(xml.contains("<martif type=\"TBX-Basic\" xml:lang=\"en\">"));
        assert!(!xml.contains("xmlns"));
        assert!(!xml.contains("<!DOCTYPE"));
        let els = elements(&xml);
        assert!(els
            .iter()
            .any(|e| e.0 == "martif/martifHeader/fileDesc/sourceDesc/p"));
        let first_lang = els
            .iter()
            .find(|e| e.0 == "martif/text/body/termEntry/langSet")
            .unwrap();
        assert_eq!(
            first_lang.1,
            [("xml:lang".to_string(), "en-US".to_string())]
        );
        let terms: Vec<&str> = els
            .iter()
            .filter(|e| e.0 == "martif/text/body/termEntry/langSet/tig/term")
            .map(|e| e.2.as_str())
            .collect();
        assert_eq!(terms[0], "community with a shared future for humanity");
        assert_eq!(terms[3], "人类命运共同体");
        assert!(els
            .iter()
            .any(|e| e.0 == "martif/text/body/termEntry/descrip" && e.2 == "initiative"));
    }
}
