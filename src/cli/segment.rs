//! `zhen-tm segment`: the sentence segmenter on its own.

use super::EXIT_OK;
use std::io::Read;
use std::path::PathBuf;
use zhen_tm::model::Lang;
use zhen_tm::{decode, segment, Error};

/// Split plain text into sentences, one per line (or a JSON array with --json).
///
/// Each line of the input is one paragraph. Use it to check or reuse the segmenter that
/// `export` applies to every turn.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the text.
    #[arg(long, value_enum)]
    lang: LangArg,
    /// Text file to read; standard input when omitted or `-`.
    file: Option<PathBuf>,
    /// Print a JSON array of sentences (safe for sentences that contain newlines).
    #[arg(long)]
    json: bool,
    /// Force the input encoding (e.g. gb18030, utf-16le); detected when omitted.
    #[arg(long, value_name = "LABEL", value_parser = super::export::parse_encoding)]
    encoding: Option<String>,
}

/// A language named on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    /// English.
    En,
    /// Chinese.
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

/// Run `segment`.
pub fn run(args: Args) -> zhen_tm::Result<i32> {
    // `-` is standard input, as for `export` and `inspect`.
    let file = args.file.as_ref().filter(|p| p.as_os_str() != "-");
    let text = match file {
        Some(path) => decode::read_file(path, args.encoding.as_deref())?,
        None => {
            let mut bytes = Vec::new();
            let stdin = PathBuf::from("<stdin>");
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(&stdin, e))?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                String::new()
            } else {
                decode::decode(&bytes, &stdin, args.encoding.as_deref())?
            }
        }
    };
    let lang = Lang::from(args.lang);
    let sentences: Vec<String> = text.lines().flat_map(|l| segment::split(lang, l)).collect();
    if args.json {
        outln!(
            "{}",
            serde_json::to_string(&sentences).unwrap_or_else(|_| "[]".into())
        );
    } else {
        for s in sentences {
            outln!("{s}");
        }
    }
    Ok(EXIT_OK)
}
