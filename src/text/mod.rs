//! Text from a catalog is untrusted: these helpers make it safe and measurable for a terminal.
//!
//! [`sanitize`] is the one sanitizer (by Unicode property; see its module), shared by the TUI,
//! the CLI, OSC 52 payloads and the link opener; [`output`] is the one way to stdout and stderr.
//! Measuring, cutting and wrapping by terminal columns is here too, once: [`display_width`],
//! [`truncate_to_width`] (with [`fit_prefix`], the rule every view cuts by) and [`wrap`].

mod collate;
mod location;
pub mod output;
mod sanitize;
mod width;
mod wrap;

pub use collate::sort_by_collation;
pub use location::located;
pub use output::SafeText;
pub use sanitize::{
    MAX_CLUSTER_CHARS, MAX_MARKS, is_mark, is_unsafe_char, sanitize, sanitize_multiline,
};
pub use width::{display_width, fit_prefix, pad_to_width, truncate_to_width};
pub use wrap::{wrap, wrap_indexed};
