//! `zhen-tm export`. STUB.
/// Export.
#[derive(clap::Args, Debug)]
pub struct Args {}
/// Run export.
pub fn run(_args: Args) -> zhen_tm::Result<i32> { Ok(0) }
