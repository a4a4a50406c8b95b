//! `zhen-tm apply`: the decisions saved by the review page, back into the memories.

use super::EXIT_OK;
use std::path::PathBuf;
use zhen_tm::Result;

/// Rewrite an export's memories with the corrections made in its review pages.
///
/// Reads review.json in the export folder (written by `export --review`), carries out the
/// decisions of each DECISIONS file (saved by a review page: accept, reject, merge, split,
/// move, pair), and writes the export's memories, unaligned.tsv, review.json and review
/// pages again with the same formats and options. Pairs a translator accepted or made are
/// marked reviewed (TMX prop x-reviewed, XLIFF 1.2 signed-off, XLIFF 2.1 final with
/// subState zhen-tm:reviewed); rejected pairs' sentences go to unaligned.tsv. All files
/// are replaced together or not at all. Decisions already applied are refused (the
/// document changed), so applying twice cannot do the work twice.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Decisions files saved by the review pages (DOC.decisions.json), one per document.
    #[arg(required = true, value_name = "DECISIONS")]
    decisions: Vec<PathBuf>,
    /// The export folder holding review.json and the memories.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    output: PathBuf,
}

/// Run `apply`.
pub fn run(args: Args) -> Result<i32> {
    let (applied, written) = zhen_tm::review::apply(&args.output, &args.decisions)?;
    for a in &applied {
        let what: Vec<String> = a.counts.iter().map(|(n, c)| format!("{c} {n}")).collect();
        outln!(
            "{}: {} ; pairs {} -> {}, unaligned sentences {} -> {}",
            a.document,
            if what.is_empty() {
                "no decisions".to_string()
            } else {
                what.join(", ")
            },
            a.pairs.0,
            a.pairs.1,
            a.unaligned.0,
            a.unaligned.1
        );
    }
    outln!("files written:");
    for p in &written {
        outln!("  {}", p.display());
    }
    Ok(EXIT_OK)
}
