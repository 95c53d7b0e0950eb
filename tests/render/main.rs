//! Render tests: the state drawn into ratatui's TestBackend, insta snapshots and styles, and property tests of hostile text at arbitrary sizes.

#[path = "../support/mod.rs"]
mod support;

mod badges;
mod compare_props;
mod contrast;
mod hostile_text;
mod moving;
mod props;
mod query_props;
mod reading;
mod screens;
mod tenant;
