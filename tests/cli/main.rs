//! The scripting commands: the real binary run with arguments, its output and exit codes.

#[path = "../support/mod.rs"]
mod support;

mod bad_catalog;
mod bad_pages;
mod commands;
mod csv_export;
mod drift;
mod queries;
mod quiet;
mod review;
mod score;
mod scripting;
