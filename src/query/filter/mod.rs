//! The filter language shared by the TUI filter bar and the CLI's `--filter`:
//! fuzzy words plus `key:value` terms and answer tests, each negatable with `-`.
//!
//! `cert:certified perm:Group.ReadWrite.All kind:application -review:blocked "SOC 2"=yes score:<5`

mod any_of;
mod eval;
mod parse;

pub use eval::{FilterContext, matches};
pub use parse::{Cmp, Filter, QueryError, Term, TermKind, parse_filter};
