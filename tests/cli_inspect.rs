//! `zhen-tm inspect`: the parsed structure of the samples, as text and as JSON.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::Value;

fn inspect(args: &[&str], prefix: &str) -> String {
    let o = zhen_tm()
        .arg("inspect")
        .args(args)
        .arg(sample(prefix))
        .output()
        .unwrap();
    assert_ok(&o);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    stdout(&o)
}

/// The `unit N KIND [SPEAKER] (line L)` header lines of the text output.
fn unit_lines(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with("unit ")).collect()
}

#[test]
fn text_output_shows_title_lead_speakers_and_rejoined_pages() {
    let out = inspect(&[], "001");
    assert!(out.starts_with("document 001-2024-03-07-press-conference-part1.bilingual ("));
    assert!(out.contains("\ndate     2024-03-07\n"), "{out}");
    assert!(out.contains("== English: "), "{out}");
    assert!(out.contains("== Chinese: "), "{out}");
    // Title and lead, in both languages.
    assert!(out.contains(
        "  0| Member of the Political Bureau of the CPC Central Committee and Foreign Minister Wang Yi Meets the Press (I)"
    ));
    assert!(out.contains("  0| On March 7, 2024, a press conference was held"));
    let units = unit_lines(&out);
    assert!(
        units.iter().any(|l| l.starts_with("unit 0 title")),
        "{units:?}"
    );
    assert!(
        units.iter().any(|l| l.starts_with("unit 1 lead")),
        "{units:?}"
    );
    // Speaker labels, English and Chinese.
    for speaker in ["Wang Yi", "王毅", "Rossiia Segodnya", "《人民日报》记者"] {
        let label = format!(" turn [{speaker}] (line ");
        assert!(
            units.iter().any(|l| l.contains(&label)),
            "no turn of {speaker}: {units:?}"
        );
    }
    // Labels are not part of the text.
    assert!(!out.contains("| Wang Yi:"), "{out}");
    assert!(!out.contains("| 王毅："), "{out}");
    // "four im-" / "portant" and "战略引领" / "下" are split by a page break in the file.
    assert!(out.contains("made four important overseas visits"), "{out}");
    assert!(out.contains("在习近平主席和普京总统的战略引领下"), "{out}");
    // No Markdown survives.
    assert!(!out.contains("**"), "{out}");
}

#[test]
fn json_output_has_both_languages() {
    let out = inspect(&["--json"], "001");
    let v: Value = serde_json::from_str(&out).expect("inspect --json is JSON");
    assert_eq!(v["id"], "001-2024-03-07-press-conference-part1.bilingual");
    assert_eq!(v["date"], "2024-03-07");
    for (side, lang) in [("en", "en"), ("zh", "zh")] {
        assert_eq!(v[side]["lang"], lang);
        let units = v[side]["units"].as_array().expect("units");
        assert!(units.len() >= 5, "{side}: {} units", units.len());
        assert_eq!(units[0]["kind"], "title");
        assert_eq!(units[1]["kind"], "lead");
        for u in units {
            let paras = u["paragraphs"].as_array().unwrap();
            assert!(!paras.is_empty());
            for p in paras {
                assert!(!p["text"].as_str().unwrap().is_empty());
                assert!(p["line"].as_u64().unwrap() >= 1);
                // The sentences are the paragraph cut up, nothing added or lost.
                let sentences: Vec<&str> = p["sentences"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect();
                assert!(!sentences.is_empty());
                let strip = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                assert_eq!(
                    strip(&sentences.concat()),
                    strip(p["text"].as_str().unwrap())
                );
            }
        }
    }
    let speakers = |side: &str| -> Vec<String> {
        v[side]["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|u| u["speaker"].as_str().map(str::to_string))
            .collect()
    };
    assert!(speakers("en").contains(&"Rossiia Segodnya".to_string()));
    assert!(speakers("zh").contains(&"《人民日报》记者".to_string()));
}

#[test]
fn numbered_heading_of_the_abridged_edition_is_a_heading() {
    let out = inspect(&[], "004");
    assert!(!out.contains("== English"), "{out}");
    let units = unit_lines(&out);
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| *l == "  0| 1 谈元首外交")
        .expect("heading text printed");
    assert!(
        lines[i - 1].starts_with("unit ") && lines[i - 1].contains(" heading (line "),
        "{}",
        lines[i - 1]
    );
    assert!(!units.iter().any(|l| l.contains("[1 谈元首外交]")));

    let v: Value = serde_json::from_str(&inspect(&["--json"], "004")).unwrap();
    assert!(v["en"].is_null());
    let units = v["zh"]["units"].as_array().unwrap();
    let heading = units
        .iter()
        .find(|u| u["paragraphs"][0]["text"] == "1 谈元首外交")
        .expect("numbered heading unit");
    assert_eq!(heading["kind"], "heading");
    assert!(heading["speaker"].is_null());
    assert_eq!(heading["paragraphs"].as_array().unwrap().len(), 1);
    // Speaker turns still follow it.
    assert!(units
        .iter()
        .any(|u| u["kind"] == "turn" && u["speaker"] == "王毅"));
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let o = zhen_tm()
        .args(["inspect", "no-such-file.md"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("no-such-file.md"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&o).is_empty());
}
