//! The hostile-input suite: untrusted text in every field of every output path, special files
//! wherever a file is read, hostile page shapes, signals and panics in a pseudo-terminal, and
//! review saves that cannot succeed. Its oracle (`oracle`) is a Unicode table Python's
//! `unicodedata` writes at test time, independent of the crate the sanitizer uses.

// Measuring the binary from outside needs the C calls std does not offer: wait4 for a
// child's peak memory, termios to see a restored terminal, kill and setrlimit.
#![allow(unsafe_code)]

#[path = "../support/mod.rs"]
mod support;

mod files;
mod oracle;
mod output;
mod parse;
mod review;
mod signals;
mod tui;
