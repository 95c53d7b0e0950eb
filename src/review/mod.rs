//! Review decisions, notes and bookmarks: the one thing attest-tui writes, so it is written with
//! care — atomically, merged with other instances, and never over a file it could not read.

mod atomic;
mod store;

pub use atomic::write_atomic;
pub use store::{
    Decision, QuitCheck, Review, ReviewError, ReviewStore, STATE_FILE, plural_changes,
};
