//! End to end: the real binary in a pseudo-terminal, keys typed as a person would, the screen read back; and the kill test (ignored, run by .ci/run).

#[path = "../support/mod.rs"]
mod support;

mod compare;
mod languages;
mod moving;
mod reading;
mod review_kill;
mod review_merge;
mod reviews;
mod tenant;
mod tui;
