//! Text from a catalog is untrusted: these helpers make it safe and measurable for a terminal.

mod sanitize;
mod width;

pub use sanitize::{is_unsafe_char, sanitize};
pub use width::{display_width, pad_to_width, truncate_to_width};
