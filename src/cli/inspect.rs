//! `zhen-tm inspect FILE`: print the parsed structure so a user can check what was read.

use super::input;
use super::EXIT_OK;
use std::path::PathBuf;
use zhen_tm::model::{Lang, Transcript};
use zhen_tm::segment;

/// Print the parsed structure of a transcript: units, speakers and sentences per language.
///
/// Use it to check that titles, leads, speaker labels and page-broken paragraphs were read
/// as intended before exporting.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The transcript to inspect (bilingual or monolingual; text, Markdown, a web page or
    /// a Word document); `-` reads standard input.
    file: PathBuf,
    /// Force the input encoding (e.g. gb18030, utf-16le); detected when omitted.
    #[arg(long, value_name = "LABEL", value_parser = super::export::parse_encoding)]
    encoding: Option<String>,
    /// Read the file as this format (text, markdown, html, docx, pdf) instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = input::parse_input_format)]
    input_format: Option<zhen_tm::read::Format>,
    /// Print the structure as JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Run `inspect`.
pub fn run(args: Args) -> zhen_tm::Result<i32> {
    let opts = zhen_tm::read::Options {
        encoding: args.encoding.as_deref(),
        format: args.input_format,
    };
    let (doc, source) = input::read_document(&args.file, &opts)?;
    // Doubts about the layout go to standard error too, as in `export`.
    for note in input::notes(&args.file, &source) {
        if let input::Note::Doubt(line) = note {
            eprintln!("zhen-tm: warning: {line}");
        }
    }
    if args.json {
        let mut json = to_json(&doc);
        json["read"] = read_json(&source);
        let json = serde_json::to_string_pretty(&json).unwrap_or_default();
        outln!("{json}");
        return Ok(EXIT_OK);
    }
    let layout = &source.layout;
    outln!("document {} ({})", doc.id, doc.source);
    outln!("date     {}", doc.date.as_deref().unwrap_or("unknown"));
    outln!("format   {}", source.format.name());
    let mut described = layout.kind.describe().to_string();
    if layout.kind.is_bilingual() {
        described.push_str(&format!(
            " ({} zh / {} en paragraphs, {} lines cut)",
            layout.paragraphs.0, layout.paragraphs.1, layout.split_lines
        ));
    }
    outln!("layout   {described}");
    if let Some(doubt) = &layout.doubt {
        outln!("doubt    {doubt}");
    }
    if !source.left_out.is_empty() {
        outln!("left out {}", source.left_out.join(", "));
    }
    for t in [&doc.en, &doc.zh].into_iter().flatten() {
        print_transcript(t);
    }
    Ok(EXIT_OK)
}

/// How the file was read, as JSON: format, layout, doubt, what was left out.
fn read_json(source: &zhen_tm::read::Source) -> serde_json::Value {
    let l = &source.layout;
    serde_json::json!({
        "format": source.format.name(),
        "layout": l.kind.name(),
        "bilingual": l.kind.is_bilingual(),
        "paragraphs": { "zh": l.paragraphs.0, "en": l.paragraphs.1 },
        "split_lines": l.split_lines,
        "doubt": l.doubt,
        "left_out": source.left_out,
    })
}

/// The parsed document as JSON, with each paragraph's sentences as the segmenter cuts
/// them (what `export` aligns).
fn to_json(doc: &zhen_tm::model::Document) -> serde_json::Value {
    let side = |t: &Option<Transcript>| -> serde_json::Value {
        let Some(t) = t else {
            return serde_json::Value::Null;
        };
        let units: Vec<serde_json::Value> = t
            .units
            .iter()
            .map(|u| {
                let paragraphs: Vec<serde_json::Value> = u
                    .paragraphs
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "line": p.line,
                            "text": p.text,
                            "sentences": segment::split(t.lang, &p.text),
                        })
                    })
                    .collect();
                serde_json::json!({ "kind": u.kind.name_with(u.speaker.is_some()), "speaker": u.speaker, "paragraphs": paragraphs })
            })
            .collect();
        serde_json::json!({ "lang": t.lang, "units": units })
    };
    serde_json::json!({
        "id": doc.id,
        "source": doc.source,
        "date": doc.date,
        "en": side(&doc.en),
        "zh": side(&doc.zh),
    })
}

fn print_transcript(t: &Transcript) {
    let name = match t.lang {
        Lang::En => "English",
        Lang::Zh => "Chinese",
    };
    outln!("\n== {name}: {} units", t.units.len());
    for (i, u) in t.units.iter().enumerate() {
        let line = u.paragraphs.first().map_or(0, |p| p.line);
        let speaker = u
            .speaker
            .as_deref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        outln!(
            "unit {i} {}{speaker} (line {line})",
            u.kind.name_with(u.speaker.is_some())
        );
        for (pi, p) in u.paragraphs.iter().enumerate() {
            for s in segment::split(t.lang, &p.text) {
                outln!("  {pi}| {s}");
            }
        }
    }
}
