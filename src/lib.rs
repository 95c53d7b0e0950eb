//! attest-tui: browse, search and compare Microsoft 365 App Compliance attestations.
//!
//! Layers, bottom up: `model` (the catalog), `import` and `load` (reading it), `query`
//! (search, filters and lookups), `risk`, `score` and `compare` (judging apps), `review` (the
//! user's decisions), then the front ends: `cli` for scripts and `tui` for people.
//!
//! Nothing prints directly: stdout and stderr are written through [`text::output`] only.
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod compare;
pub mod config;
pub mod diff;
pub mod export;
pub mod files;
pub mod import;
pub mod load;
pub mod model;
pub mod paths;
pub mod query;
pub mod questionnaire;
pub mod review;
pub mod risk;
pub mod score;
pub mod sync;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod tenant;
pub mod text;
pub mod tui;
pub mod workspace;
