//! attest-tui: browse, search and compare Microsoft 365 App Compliance attestations.
//!
//! Layers, bottom up: `model` (the catalog), `import` and `load` (reading it), `query`
//! (search and lookups), then the front ends: `cli` for scripts and `tui` for people.

pub mod compare;
pub mod import;
pub mod model;
pub mod query;
pub mod text;
pub mod tui;
