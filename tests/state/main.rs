//! TUI state tests: actions through State::update, no terminal and no files (effects are checked as data).

#[path = "../support/mod.rs"]
mod support;

mod compare;
mod finding;
mod input;
mod panes;
mod reviewing;
