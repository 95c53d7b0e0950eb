//! A real corpus (any language folder of ../shared/corpus, via ATTEST_TUI_CORPUS): expectations computed from its pages.

#[path = "../support/mod.rs"]
mod support;

mod import;
mod questions;
