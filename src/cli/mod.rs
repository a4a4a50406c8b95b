//! Command-line front end: one file per subcommand, all I/O lives here.

use clap::{Parser, Subcommand};

/// `println!` for command output: when standard output is closed (`zhen-tm … | head`), the
/// program ends quietly, as command-line tools do, instead of panicking; any other write
/// error ends it with the bad-input status.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit($crate::cli::EXIT_OK);
            }
            eprintln!("zhen-tm: error: cannot write to standard output: {e}");
            std::process::exit($crate::cli::EXIT_INPUT);
        }
    }};
}

mod apply;
mod export;
mod input;
mod inspect;
mod progress;
mod segment;
mod terms;
mod validate;

/// Exit code for success.
pub const EXIT_OK: i32 = 0;
/// Exit code for bad input (unreadable, undecodable, unusable files, unwritable output).
pub const EXIT_INPUT: i32 = 1;
/// Exit code for bad usage (clap uses it too).
pub const EXIT_USAGE: i32 = 2;

/// Official English–Chinese diplomatic transcripts in, translation memories out.
///
/// zhen-tm reads Foreign Ministry transcripts (bilingual files where English and Chinese
/// alternate in page-sized chunks, Chinese-only editions, or separate English and Chinese
/// files), aligns them sentence by sentence, and writes TMX, XLIFF and CSV for CAT tools.
#[derive(Parser, Debug)]
#[command(
    name = "zhen-tm",
    version,
    about,
    long_about,
    after_help = "Exit status: 0 success, 1 bad input (a message names the file), 2 bad usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Export(Box<export::Args>),
    Apply(apply::Args),
    Inspect(inspect::Args),
    Segment(segment::Args),
    Validate(validate::Args),
    Terms(Box<terms::Args>),
}

/// Parse the command line, run the subcommand, and return the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Export(args) => export::run(*args),
        Command::Apply(args) => apply::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Terms(args) => terms::run(*args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("zhen-tm: error: {e}");
            EXIT_INPUT
        }
    }
}
