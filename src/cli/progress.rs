//! The progress bar of long batches: on standard error, only when it is a terminal (a log
//! file or a pipe gets no bar characters), only for batches of several inputs, and never
//! with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Batches smaller than this finish before a bar would be worth drawing.
const MIN_INPUTS: usize = 2;

/// A bar counting `len` inputs, labelled `what`; hidden (every call a no-op) unless `on`,
/// the batch has at least [`MIN_INPUTS`] inputs and standard error is a terminal.
pub fn bar(len: usize, on: bool, what: &'static str) -> ProgressBar {
    if !on || len < MIN_INPUTS || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(len).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} inputs, {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}
