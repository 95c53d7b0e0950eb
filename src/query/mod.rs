//! Questions asked of a catalog: search, lookup. No terminal types here.

pub mod filter;
mod haystack;
mod lookup;
mod search;
pub mod text_match;

pub use filter::{Filter, FilterContext, QueryError, parse_filter};
pub use lookup::{LookupError, find_app};
pub use search::{AppMatch, AppSearcher, match_indices};
pub use text_match::{TextHit, TextQuery};
