//! TUI state tests: actions through State::update, no terminal and no files (effects are checked as data).

#[path = "../support/mod.rs"]
mod support;

mod compare;
mod compare_swap;
mod drift;
mod filter_bar;
mod finding;
mod history;
mod input;
mod languages;
mod log;
mod panes;
mod registrations;
mod review_file;
mod reviewing;
mod tenant;
