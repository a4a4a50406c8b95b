//! XLIFF 2.0/2.1/2.2 Core (and some module) constraints that the XSDs cannot express:
//! identifier uniqueness and references, language consistency, inline-code pairing and
//! their `can*` attributes, segment `state`/`order`, comment annotations, fragment
//! identifiers. The rules were learnt from the OASIS 2.1 test suite's invalid files (their
//! names say which rule each breaks); `data/validate/rules.tsv` describes every rule name.
//!
//! Everything about one `<unit>` is collected while it streams past and checked when it
//! ends, so memory is bounded by the largest unit, not the file.

use super::bcp47;
use super::xml::{is_xml_char, Elem, Handler, Sink, XML_NS};
use std::collections::{HashMap, HashSet};

/// Core namespace of XLIFF 2.0 and 2.1.
pub const CORE_20: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// Core namespace of XLIFF 2.2.
pub const CORE_22: &str = "urn:oasis:names:tc:xliff:document:2.2";
const FS_NS: &str = "urn:oasis:names:tc:xliff:fs:2.0";
const SLR_NS: &str = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
const MTC_NS: &str = "urn:oasis:names:tc:xliff:matches:2.0";
const GLS_NS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";

/// Inline elements of the core.
const INLINE: [&str; 8] = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"];

/// One inline element in a `<source>` or `<target>` of the unit.
struct Inline {
    e: Elem,
    target: bool,
    part: usize,
}

/// One `<segment>` or `<ignorable>`.
struct Part {
    at: Elem,
    segment: bool,
    target: Option<Elem>,
    source_space: String,
}

/// What one `<unit>` holds, collected until it ends.
#[derive(Default)]
struct Unit {
    at: Option<Elem>,
    id: String,
    part_ids: HashMap<String, usize>,
    data_ids: HashSet<String>,
    note_ids: HashSet<String>,
    parts: Vec<Part>,
    inlines: Vec<Inline>,
    /// Inside `<source>` (false) or `<target>` (true) of a part.
    content: Option<bool>,
}

/// State of the walk over one XLIFF 2 file.
pub struct Xliff2 {
    core: &'static str,
    src_lang: Option<String>,
    trg_lang: Option<String>,
    root: Option<Elem>,
    first_target: Option<Elem>,
    file_ids: HashMap<String, usize>,
    structural_ids: HashMap<String, usize>,
    unit_ids: HashSet<String>,
    subflow_refs: Vec<(Elem, String)>,
    /// Ids of non-core elements per enclosing `<file>`/`<group>`/`<unit>`.
    ext_scopes: Vec<HashMap<String, usize>>,
    note_ids: Option<HashMap<String, usize>>,
    unit: Option<Unit>,
    skeleton: Option<(Elem, bool)>,
    /// Open glossary entry and whether it has a translation or definition.
    gloss_entry: Option<(Elem, bool)>,
}

impl Xliff2 {
    /// Checks for the core namespace `core` ([`CORE_20`] or [`CORE_22`]).
    pub fn new(core: &'static str) -> Self {
        Xliff2 {
            core,
            src_lang: None,
            trg_lang: None,
            root: None,
            first_target: None,
            file_ids: HashMap::new(),
            structural_ids: HashMap::new(),
            unit_ids: HashSet::new(),
            subflow_refs: Vec::new(),
            ext_scopes: Vec::new(),
            note_ids: None,
            unit: None,
            skeleton: None,
            gloss_entry: None,
        }
    }

    fn is_core(&self, e: &Elem) -> bool {
        e.ns.as_deref() == Some(self.core)
    }
}

/// Record `id` in `seen`; report a duplicate.
fn unique(seen: &mut HashMap<String, usize>, id: &str, e: &Elem, what: &str, sink: &mut Sink) {
    if let Some(first) = seen.get(id) {
        sink.error(
            e,
            "duplicate-id",
            format!("{what} id \"{id}\" is already used on line {first}"),
        );
    } else {
        seen.insert(id.to_string(), e.line);
    }
}

/// The nearest `xml:lang` / `xml:space` of `e` or its ancestors.
fn inherited<'a>(e: &'a Elem, ancestors: &'a [Elem], local: &str) -> Option<&'a str> {
    e.attr_ns(XML_NS, local).or_else(|| {
        ancestors
            .iter()
            .rev()
            .find_map(|a| a.attr_ns(XML_NS, local))
    })
}

/// Well-formed XLIFF 2 fragment identifier (`#/f=f1/u=u1/n=n1`, `#m1`, `#t=m2` …), per
/// the core's "Fragment Identification" section: `prefix=id` selectors in order file,
/// group/unit, then one leaf; a bare id only as the leaf.
fn fragment_error(value: &str) -> Option<String> {
    const CORE_LEAF: [&str; 3] = ["n", "d", "t"];
    let rest = value.strip_prefix('#')?;
    let absolute = rest.starts_with('/');
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Some("empty fragment identifier".into());
    }
    let parts: Vec<&str> = rest.split('/').collect();
    let mut seen: HashSet<&str> = HashSet::new();
    // 0: before file, 1: after file, 2: in group/unit, 3: after leaf
    let mut stage = 0;
    for (i, p) in parts.iter().enumerate() {
        let Some((prefix, id)) = p.split_once('=') else {
            if i + 1 != parts.len() || p.is_empty() {
                return Some(format!("\"{p}\" is not a prefix=id selector"));
            }
            if stage == 3 {
                return Some("more than one leaf selector".into());
            }
            stage = 3;
            continue;
        };
        if id.is_empty() || prefix.is_empty() {
            return Some(format!("selector \"{p}\" lacks a prefix or an id"));
        }
        if !prefix
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        {
            return Some(format!("prefix \"{prefix}\" is not an NMTOKEN"));
        }
        if prefix.chars().count() == 1 && !["f", "g", "u", "n", "d", "t"].contains(&prefix) {
            return Some(format!(
                "one-letter prefix \"{prefix}\" is reserved for the core and unknown"
            ));
        }
        if prefix != "g" && !seen.insert(prefix) {
            return Some(format!("prefix \"{prefix}\" used twice"));
        }
        match prefix {
            "f" => {
                if stage != 0 {
                    return Some("f= must come first".into());
                }
                stage = 1;
            }
            "g" | "u" => {
                if stage == 3 {
                    return Some(format!("{prefix}= after a leaf selector"));
                }
                if seen.contains("u") && prefix == "g" {
                    return Some("g= after u=".into());
                }
                stage = 2;
            }
            _ => {
                if stage == 3 {
                    return Some("more than one leaf selector".into());
                }
                if CORE_LEAF.contains(&prefix) && stage == 0 && absolute {
                    return Some(format!(
                        "{prefix}= needs an enclosing f= in an absolute reference"
                    ));
                }
                stage = 3;
            }
        }
    }
    None
}

/// `subType` values the core defines, and the `type` each requires.
fn xlf_subtype_type(sub: &str) -> Option<&'static str> {
    match sub {
        "xlf:lb" | "xlf:pb" | "xlf:b" | "xlf:i" | "xlf:u" => Some("fmt"),
        "xlf:var" => Some("ui"),
        _ => None,
    }
}

impl Handler for Xliff2 {
    fn start(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink) {
        let parent = ancestors.last();
        let core = self.is_core(e);
        let parent_core = parent.is_some_and(|p| self.is_core(p));
        if let Some(l) = e.xml_lang() {
            if !bcp47::is_well_formed(l) {
                sink.error(
                    e,
                    "bad-language-tag",
                    format!("xml:lang \"{l}\" is not a well-formed BCP 47 language tag"),
                );
            }
        }
        self.attribute_rules(e, sink);
        // Ids of extension and module elements are unique in their file/group/unit.
        if !core {
            if let (Some(id), Some(scope)) = (e.attr("id"), self.ext_scopes.last_mut()) {
                unique(scope, id, e, &format!("<{}>", e.local), sink);
            }
            if e.ns.as_deref() == Some(MTC_NS) && e.local == "match" && e.xml_lang().is_some() {
                sink.error(
                    e,
                    "module",
                    "<mtc:match> must not have xml:lang (the languages are the file's)".into(),
                );
            }
            if e.ns.as_deref() == Some(GLS_NS) {
                match e.local.as_str() {
                    "glossEntry" => self.gloss_entry = Some((e.clone(), false)),
                    "translation" | "definition" => {
                        if let Some((_, has)) = self.gloss_entry.as_mut() {
                            *has = true;
                        }
                    }
                    _ => {}
                }
            }
            return;
        }
        match e.local.as_str() {
            "xliff" => {
                self.src_lang = e.attr("srcLang").map(str::to_string);
                self.trg_lang = e.attr("trgLang").map(str::to_string);
                for (name, v) in [("srcLang", &self.src_lang), ("trgLang", &self.trg_lang)] {
                    if let Some(v) = v {
                        if !bcp47::is_well_formed(v) {
                            sink.error(
                                e,
                                "bad-language-tag",
                                format!("{name} \"{v}\" is not a well-formed BCP 47 language tag"),
                            );
                        }
                    }
                }
                self.root = Some(e.clone());
            }
            "file" => {
                if let Some(id) = e.attr("id") {
                    unique(&mut self.file_ids, id, e, "<file>", sink);
                }
                self.structural_ids.clear();
                self.unit_ids.clear();
                self.subflow_refs.clear();
                self.ext_scopes.push(HashMap::new());
            }
            "group" => {
                if let Some(id) = e.attr("id") {
                    unique(&mut self.structural_ids, id, e, "<group>/<unit>", sink);
                }
                self.ext_scopes.push(HashMap::new());
            }
            "unit" => {
                let id = e.attr("id").unwrap_or_default().to_string();
                unique(&mut self.structural_ids, &id, e, "<group>/<unit>", sink);
                self.unit_ids.insert(id.clone());
                self.ext_scopes.push(HashMap::new());
                self.unit = Some(Unit {
                    at: Some(e.clone()),
                    id,
                    ..Unit::default()
                });
            }
            "skeleton" => self.skeleton = Some((e.clone(), false)),
            "notes" => self.note_ids = Some(HashMap::new()),
            "note" => {
                if let (Some(id), Some(seen)) = (e.attr("id"), self.note_ids.as_mut()) {
                    unique(seen, id, e, "<note>", sink);
                }
                if let (Some(id), Some(u)) = (e.attr("id"), self.unit.as_mut()) {
                    u.note_ids.insert(id.to_string());
                }
            }
            "data" => {
                if let (Some(id), Some(u)) = (e.attr("id"), self.unit.as_mut()) {
                    if !u.data_ids.insert(id.to_string()) {
                        sink.error(
                            e,
                            "duplicate-id",
                            format!("<data> id \"{id}\" is used twice in this unit"),
                        );
                    }
                }
            }
            "segment" | "ignorable" => {
                if let Some(u) = self.unit.as_mut() {
                    if let Some(id) = e.attr("id") {
                        unique(&mut u.part_ids, id, e, "<segment>/<ignorable>", sink);
                    }
                    if e.attr("subState").is_some() && e.attr("state").is_none() {
                        sink.error(e, "state", "subState is set but state is not: state must be explicit when subState is used".into());
                    }
                    if let (Some(a), Some(s)) = (e.attr("approved"), e.attr("state")) {
                        if (a == "no" && s == "final") || (a == "yes" && s == "initial") {
                            sink.error(
                                e,
                                "state-approved",
                                format!("state=\"{s}\" contradicts approved=\"{a}\""),
                            );
                        }
                    }
                    u.parts.push(Part {
                        at: e.clone(),
                        segment: e.local == "segment",
                        target: None,
                        source_space: String::new(),
                    });
                }
            }
            "source" | "target"
                if parent_core
                    && parent.is_some_and(|p| p.local == "segment" || p.local == "ignorable") =>
            {
                let target = e.local == "target";
                let (want, name) = if target {
                    (&self.trg_lang, "trgLang")
                } else {
                    (&self.src_lang, "srcLang")
                };
                if let (Some(l), Some(w)) = (inherited(e, ancestors, "lang"), want) {
                    if !l.eq_ignore_ascii_case(w) {
                        sink.error(
                            e,
                            "language-mismatch",
                            format!("the language of <{}> is \"{l}\" (xml:lang, possibly inherited) but {name} is \"{w}\"", e.local),
                        );
                    }
                }
                if target && self.first_target.is_none() {
                    self.first_target = Some(e.clone());
                }
                let space = inherited(e, ancestors, "space")
                    .unwrap_or("default")
                    .to_string();
                if let Some(u) = self.unit.as_mut() {
                    u.content = Some(target);
                    if let Some(p) = u.parts.last_mut() {
                        if target {
                            if p.source_space != space {
                                sink.error(e, "xml-space", format!("xml:space of <target> (\"{space}\") differs from that of <source> (\"{}\")", p.source_space));
                            }
                            p.target = Some(e.clone());
                        } else {
                            p.source_space = space;
                        }
                    }
                }
            }
            name if INLINE.contains(&name) => {
                if let Some(u) = self.unit.as_mut() {
                    if let Some(target) = u.content {
                        if name == "cp" {
                            if let Some(c) = e
                                .attr("hex")
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .and_then(char::from_u32)
                            {
                                if is_xml_char(c) {
                                    sink.error(e, "cp", format!("<cp hex=\"{:04X}\"/> encodes a character XML allows: write it directly", c as u32));
                                }
                            }
                        }
                        let part = u.parts.len().saturating_sub(1);
                        u.inlines.push(Inline {
                            e: e.clone(),
                            target,
                            part,
                        });
                    }
                }
            }
            _ => {}
        }
        if self.skeleton.is_some() && e.local != "skeleton" {
            if let Some((_, content)) = self.skeleton.as_mut() {
                *content = true;
            }
        }
    }

    fn text(&mut self, text: &str, _ancestors: &[Elem], _sink: &mut Sink) {
        if let Some((_, content)) = self.skeleton.as_mut() {
            if !text.trim().is_empty() {
                *content = true;
            }
        }
    }

    fn end(&mut self, e: &Elem, ancestors: &[Elem], sink: &mut Sink) {
        if !self.is_core(e) {
            if e.ns.as_deref() == Some(GLS_NS) && e.local == "glossEntry" {
                if let Some((at, false)) = self.gloss_entry.take() {
                    sink.error(
                        &at,
                        "module",
                        "<gls:glossEntry> needs a <gls:translation> or a <gls:definition>".into(),
                    );
                }
            }
            return;
        }
        let parent = ancestors.last();
        match e.local.as_str() {
            "xliff" => {
                if let (Some(t), None) = (&self.first_target, &self.trg_lang) {
                    sink.error(
                        t,
                        "trglang-missing",
                        "<target> present but <xliff> has no trgLang".into(),
                    );
                }
            }
            "file" => {
                self.ext_scopes.pop();
                for (at, id) in std::mem::take(&mut self.subflow_refs) {
                    if !self.unit_ids.contains(&id) {
                        sink.error(
                            &at,
                            "bad-reference",
                            format!("sub-flow \"{id}\" is not the id of a <unit> in this <file>"),
                        );
                    }
                }
            }
            "group" => {
                self.ext_scopes.pop();
            }
            "unit" => {
                self.ext_scopes.pop();
                if let Some(u) = self.unit.take() {
                    self.end_unit(u, sink);
                }
            }
            "skeleton" => {
                if let Some((at, content)) = self.skeleton.take() {
                    match (at.attr("href").is_some(), content) {
                        (true, true) => sink.error(
                            &at,
                            "skeleton",
                            "<skeleton> has both href and content".into(),
                        ),
                        (false, false) => sink.error(
                            &at,
                            "skeleton",
                            "<skeleton> has neither href nor content".into(),
                        ),
                        _ => {}
                    }
                }
            }
            "notes" => self.note_ids = None,
            "source" | "target"
                if parent.is_some_and(|p| p.local == "segment" || p.local == "ignorable") =>
            {
                if let Some(u) = self.unit.as_mut() {
                    u.content = None;
                }
            }
            _ => {}
        }
    }
}

impl Xliff2 {
    /// Rules on single attributes: `subType`/`type`, module attributes on inline codes.
    fn attribute_rules(&mut self, e: &Elem, sink: &mut Sink) {
        let core = self.is_core(e);
        if core && ["ph", "pc", "sc", "ec"].contains(&e.local.as_str()) {
            match (e.attr("type"), e.attr("subType")) {
                (None, Some(_)) => sink.error(e, "type", "subType requires type".into()),
                (Some(t), Some(s)) if s.starts_with("xlf:") => match xlf_subtype_type(s) {
                    Some(want) if want != t => sink.error(e, "type", format!("subType=\"{s}\" requires type=\"{want}\", not \"{t}\"")),
                    None => sink.error(e, "type", format!("subType \"{s}\" is not one the core defines (xlf:lb, xlf:pb, xlf:b, xlf:i, xlf:u, xlf:var)")),
                    _ => {}
                },
                _ => {}
            }
            for a in &e.attrs {
                if let Some(ns) = a.ns.as_deref() {
                    if ns != XML_NS
                        && ns != FS_NS
                        && ns != SLR_NS
                        && !ns.starts_with("urn:oasis:names:tc:xliff:")
                    {
                        sink.error(e, "extension", format!("<{}> allows no extension attributes ({} is not a module attribute)", e.local, a.local));
                    }
                }
            }
            if e.local != "ph" {
                for (name, ids) in [
                    ("subFlows", e.attr("subFlows")),
                    ("subFlowsStart", e.attr("subFlowsStart")),
                    ("subFlowsEnd", e.attr("subFlowsEnd")),
                ] {
                    let _ = name;
                    if let Some(ids) = ids {
                        for id in ids.split_whitespace() {
                            self.subflow_refs.push((e.clone(), id.to_string()));
                        }
                    }
                }
            } else if let Some(ids) = e.attr("subFlows") {
                for id in ids.split_whitespace() {
                    self.subflow_refs.push((e.clone(), id.to_string()));
                }
            }
        }
        let fs: Vec<&str> = e
            .attrs
            .iter()
            .filter(|a| a.ns.as_deref() == Some(FS_NS))
            .map(|a| a.local.as_str())
            .collect();
        if !fs.is_empty() {
            if let Some(bad) = fs.iter().find(|l| **l != "fs" && **l != "subFs") {
                sink.error(
                    e,
                    "module",
                    format!("fs:{bad} is not an attribute of the Format Style module"),
                );
            }
            if fs.contains(&"subFs") && !fs.contains(&"fs") {
                sink.error(e, "module", "fs:subFs requires fs:fs".into());
            }
            if core && ((e.local == "ec" && e.attr("isolated") != Some("yes")) || e.local == "em") {
                sink.error(
                    e,
                    "module",
                    format!(
                        "Format Style attributes are not allowed on <{}> (except an isolated <ec>)",
                        e.local
                    ),
                );
            }
        }
        if let Some(r) = e.attr("ref") {
            if let Some(why) = fragment_error(r) {
                sink.error(
                    e,
                    "fragment-id",
                    format!("ref=\"{r}\" is not a valid XLIFF fragment identifier: {why}"),
                );
            }
        }
    }

    /// The unit-level rules, once the whole unit has been read.
    fn end_unit(&mut self, u: Unit, sink: &mut Sink) {
        let Some(at) = u.at.as_ref() else { return };
        if !u.parts.iter().any(|p| p.segment) {
            sink.error(at, "unit-structure", "<unit> has no <segment>".into());
        }
        for p in &u.parts {
            if p.target.is_none() {
                if let Some(s @ ("translated" | "reviewed" | "final")) = p.at.attr("state") {
                    sink.error(
                        &p.at,
                        "target-missing",
                        format!("state=\"{s}\" but the segment has no <target>"),
                    );
                }
            }
        }
        self.check_order(&u, sink);
        self.check_inline_ids(&u, sink);
        for target in [false, true] {
            self.check_pairs(&u, target, sink);
        }
        self.check_can_delete(&u, sink);
        self.check_comments(&u, sink);
    }

    /// `order` on targets: 1..=number of parts, and no two parts in the same place
    /// (a part without `order` keeps its own position).
    fn check_order(&self, u: &Unit, sink: &mut Sink) {
        if !u
            .parts
            .iter()
            .any(|p| p.target.as_ref().is_some_and(|t| t.attr("order").is_some()))
        {
            return;
        }
        let n = u.parts.len();
        let mut taken: HashMap<usize, usize> = HashMap::new();
        for (i, p) in u.parts.iter().enumerate() {
            let explicit = p
                .target
                .as_ref()
                .and_then(|t| t.attr("order").map(|o| (t, o)));
            let order = match explicit {
                Some((t, o)) => match o.trim().parse::<usize>() {
                    Ok(v) if (1..=n).contains(&v) => v,
                    _ => {
                        sink.error(t, "order", format!("order=\"{o}\" is not between 1 and the unit's {n} segments/ignorables"));
                        continue;
                    }
                },
                None => i + 1,
            };
            if let Some(prev) = taken.insert(order, i) {
                let e = p.target.as_ref().unwrap_or(&p.at);
                sink.error(
                    e,
                    "order",
                    format!(
                        "position {order} is taken twice (parts {} and {})",
                        prev + 1,
                        i + 1
                    ),
                );
            }
        }
    }

    /// Ids of parts and source inline elements are unique in the unit; so are target
    /// inline ids among themselves; `dataRef*` point to `<data>`, `copyOf` to a code.
    fn check_inline_ids(&self, u: &Unit, sink: &mut Sink) {
        let mut source_ids = u.part_ids.clone();
        let mut target_ids: HashMap<String, usize> = HashMap::new();
        let mut all_code_ids: HashMap<&str, &Elem> = HashMap::new();
        for x in &u.inlines {
            if let Some(id) = x.e.attr("id") {
                all_code_ids.entry(id).or_insert(&x.e);
            }
        }
        for x in &u.inlines {
            let e = &x.e;
            if let Some(id) = e.attr("id") {
                if x.target {
                    if u.part_ids.contains_key(id) {
                        sink.error(
                            e,
                            "duplicate-id",
                            format!("inline id \"{id}\" is also a segment/ignorable id"),
                        );
                    }
                    unique(&mut target_ids, id, e, "inline", sink);
                } else {
                    unique(&mut source_ids, id, e, "inline", sink);
                }
            }
            for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
                if let Some(d) = e.attr(name) {
                    if !u.data_ids.contains(d) {
                        sink.error(
                            e,
                            "bad-reference",
                            format!("{name}=\"{d}\" names no <data> of this unit's <originalData>"),
                        );
                    }
                }
            }
            if let Some(c) = e.attr("copyOf") {
                match all_code_ids.get(c) {
                    None => sink.error(
                        e,
                        "bad-reference",
                        format!("copyOf=\"{c}\" names no inline code of this unit"),
                    ),
                    Some(orig) if orig.attr("canCopy") == Some("no") => sink.error(
                        e,
                        "bad-reference",
                        format!("copyOf=\"{c}\" copies a code marked canCopy=\"no\""),
                    ),
                    _ => {}
                }
                if ["dataRef", "dataRefStart", "dataRefEnd"]
                    .iter()
                    .any(|n| e.attr(n).is_some())
                {
                    sink.error(
                        e,
                        "bad-reference",
                        "a code with copyOf must not also point to original data".into(),
                    );
                }
            }
        }
    }

    /// `<sc>`/`<ec>` and `<sm>`/`<em>` pairing on one side (sources or targets) of the unit.
    fn check_pairs(&self, u: &Unit, target: bool, sink: &mut Sink) {
        let seq: Vec<&Inline> = u.inlines.iter().filter(|x| x.target == target).collect();
        let kind = |x: &Inline, k: &str| x.e.local == k;
        let scs: HashMap<&str, (usize, &Elem)> = seq
            .iter()
            .enumerate()
            .filter(|(_, x)| kind(x, "sc"))
            .filter_map(|(i, x)| x.e.attr("id").map(|id| (id, (i, &x.e))))
            .collect();
        let ec_refs: HashSet<&str> = seq
            .iter()
            .filter(|x| kind(x, "ec"))
            .filter_map(|x| x.e.attr("startRef"))
            .collect();
        let sms: HashMap<&str, usize> = seq
            .iter()
            .enumerate()
            .filter(|(_, x)| kind(x, "sm"))
            .filter_map(|(i, x)| x.e.attr("id").map(|id| (id, i)))
            .collect();
        let em_refs: HashSet<&str> = seq
            .iter()
            .filter(|x| kind(x, "em"))
            .filter_map(|x| x.e.attr("startRef"))
            .collect();
        let side = if target { "target" } else { "source" };
        for (i, x) in seq.iter().enumerate() {
            let e = &x.e;
            match e.local.as_str() {
                "sc" => {
                    let id = e.attr("id").unwrap_or_default();
                    let isolated = e.attr("isolated") == Some("yes");
                    let closed = ec_refs.contains(id);
                    if isolated && closed {
                        sink.error(e, "isolated", format!("<sc id=\"{id}\"> is isolated=\"yes\" but its <ec> is in the same unit"));
                    } else if !isolated && !closed {
                        sink.error(e, "isolated", format!("<sc id=\"{id}\"> has no <ec> in the unit's {side}: mark it isolated=\"yes\""));
                    }
                }
                "ec" => {
                    let isolated = e.attr("isolated") == Some("yes");
                    match (isolated, e.attr("startRef"), e.attr("id")) {
                        (true, Some(_), _) => sink.error(
                            e,
                            "isolated",
                            "an isolated <ec> uses id, not startRef".into(),
                        ),
                        (true, None, None) => {
                            sink.error(e, "isolated", "an isolated <ec> needs an id".into())
                        }
                        (true, None, Some(id)) => {
                            if scs.contains_key(id) {
                                sink.error(e, "isolated", format!("<ec id=\"{id}\"> is isolated=\"yes\" but its <sc> is in the same unit"));
                            }
                        }
                        (false, None, _) => sink.error(
                            e,
                            "isolated",
                            "an <ec> without startRef must be isolated=\"yes\" (with an id)".into(),
                        ),
                        (false, Some(_), Some(_)) => sink.error(
                            e,
                            "isolated",
                            "a non-isolated <ec> uses startRef, not id".into(),
                        ),
                        (false, Some(r), None) => match scs.get(r) {
                            None => sink.error(
                                e,
                                "bad-reference",
                                format!("startRef=\"{r}\" names no <sc> in the unit's {side}"),
                            ),
                            Some((j, sc)) => {
                                if *j > i && !target {
                                    sink.error(
                                        e,
                                        "bad-reference",
                                        format!("<ec startRef=\"{r}\"> comes before its <sc>"),
                                    );
                                }
                                for (name, default) in [
                                    ("canCopy", Some("yes")),
                                    ("canDelete", Some("yes")),
                                    ("canOverlap", None),
                                    ("canReorder", Some("yes")),
                                    ("copyOf", None),
                                    ("dir", None),
                                    ("type", None),
                                    ("subType", None),
                                ] {
                                    let a = e.attr(name).or(default);
                                    let b = sc.attr(name).or(default);
                                    if let (Some(a), Some(b)) = (a, b) {
                                        if a != b && e.attr(name).is_some() {
                                            sink.error(e, "code-pair", format!("{name}=\"{a}\" on <ec> differs from {name}=\"{b}\" on its <sc>"));
                                        }
                                    }
                                }
                            }
                        },
                    }
                }
                "sm" => {
                    let id = e.attr("id").unwrap_or_default();
                    if !em_refs.contains(id) {
                        sink.error(
                            e,
                            "bad-reference",
                            format!("<sm id=\"{id}\"> has no <em> in the unit's {side}"),
                        );
                    }
                }
                "em" => match e.attr("startRef") {
                    Some(r) => match sms.get(r) {
                        None => sink.error(
                            e,
                            "bad-reference",
                            format!("startRef=\"{r}\" names no <sm> in the unit's {side}"),
                        ),
                        Some(j) if *j > i && !target => sink.error(
                            e,
                            "bad-reference",
                            format!("<em startRef=\"{r}\"> comes before its <sm>"),
                        ),
                        _ => {}
                    },
                    None => sink.error(e, "bad-reference", "<em> without startRef".into()),
                },
                _ => {}
            }
        }
    }

    /// A code with `canDelete="no"` in the source of a translated segment must appear in
    /// some target of the unit.
    fn check_can_delete(&self, u: &Unit, sink: &mut Sink) {
        let key = |e: &Elem| -> Option<String> {
            e.attr("id")
                .or_else(|| e.attr("startRef"))
                .map(|id| format!("{}#{id}", e.local))
        };
        let in_targets: HashSet<String> = u
            .inlines
            .iter()
            .filter(|x| x.target)
            .filter_map(|x| key(&x.e))
            .collect();
        for x in u.inlines.iter().filter(|x| !x.target) {
            let translated = u.parts.get(x.part).is_some_and(|p| p.target.is_some());
            if !translated || x.e.attr("canDelete") != Some("no") {
                continue;
            }
            if let Some(k) = key(&x.e) {
                if !in_targets.contains(&k) {
                    sink.error(
                        &x.e,
                        "can-delete",
                        format!(
                            "<{}> is marked canDelete=\"no\" but no target of the unit has it",
                            x.e.local
                        ),
                    );
                }
            }
        }
    }

    /// Comment annotations: exactly one of `value` and `ref`; `ref` points to a note of
    /// the same unit.
    fn check_comments(&self, u: &Unit, sink: &mut Sink) {
        for x in &u.inlines {
            let e = &x.e;
            if !(e.local == "mrk" || e.local == "sm") || e.attr("type") != Some("comment") {
                continue;
            }
            match (e.attr("value"), e.attr("ref")) {
                (Some(_), Some(_)) => sink.error(
                    e,
                    "comment",
                    "a comment annotation has value or ref, not both".into(),
                ),
                (None, None) => sink.error(
                    e,
                    "comment",
                    "a comment annotation needs value (the comment) or ref (a note)".into(),
                ),
                (None, Some(r)) => {
                    let sel: Vec<&str> = r
                        .trim_start_matches('#')
                        .trim_start_matches('/')
                        .split('/')
                        .collect();
                    let note = sel.last().and_then(|s| s.strip_prefix("n="));
                    let unit_ok = sel
                        .iter()
                        .all(|s| s.strip_prefix("u=").is_none_or(|id| id == u.id));
                    let in_unit = sel.iter().any(|s| s.starts_with("u="))
                        || !sel
                            .iter()
                            .any(|s| s.starts_with("f=") || s.starts_with("g="));
                    match note {
                        Some(n) if unit_ok && in_unit && u.note_ids.contains(n) => {}
                        _ => sink.error(
                            e,
                            "comment",
                            format!("ref=\"{r}\" does not point to a <note> of this unit"),
                        ),
                    }
                }
                (Some(_), None) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fragment_error;

    #[test]
    fn fragment_identifiers() {
        for ok in [
            "#m1",
            "#t=m2",
            "#n=n1",
            "#f=f1/u=u1/n=n1",
            "#/f=f1/res=r1",
            "#/f=f1/u=1/my=myid1",
            "#f=f1/tbx=tbx44",
        ] {
            assert_eq!(fragment_error(ok), None, "{ok}");
        }
        for bad in [
            "#n/n1",
            "#/u=u1/f=f1/gls=g1",
            "#/u=f1/u=1/gls=g1",
            "#/f=f1/u=1/z=myid1",
            "#c1/c2",
            "#f=f1/d=d1/u=1",
        ] {
            assert!(fragment_error(bad).is_some(), "{bad}");
        }
    }
}
