//! Review decisions, notes and bookmarks: the one thing attest-tui writes, so it is written with
//! care — atomically, merged with other instances field by field, and never over a file it
//! could not read.

mod atomic;
mod drift;
mod fields;
mod record;
mod store;
#[cfg(test)]
mod tests;

pub use atomic::write_atomic;
pub use drift::{Drift, OTHER_TEXT, Reviewed, ReviewedPermission};
pub use fields::{Field, FieldSet, FieldTimes};
pub use record::{Decision, Review};
pub use store::{QuitCheck, ReviewError, ReviewStore, STATE_FILE, plural_changes};
