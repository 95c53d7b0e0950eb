//! Questions asked of a catalog: search, lookup. No terminal types here.

mod lookup;
mod search;

pub use lookup::{LookupError, find_app};
pub use search::{AppMatch, AppSearcher, match_indices};
