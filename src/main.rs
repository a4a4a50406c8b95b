//! The `zhen-tm` command: see `zhen-tm --help`.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
