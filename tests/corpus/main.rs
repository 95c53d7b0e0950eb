//! A real corpus (any language folder of ../shared/corpus, via ATTEST_TUI_CORPUS): expectations
//! computed from its pages; and every corpus beside it at once, for what must hold across
//! languages (`languages`).

#[path = "../support/mod.rs"]
mod support;

mod import;
mod languages;
mod names;
mod questions;
mod tiers;
