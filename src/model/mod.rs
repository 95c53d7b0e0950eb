//! The catalog model: plain data with serde, no terminal types.
//!
//! The JSON field names are a public format (see README "Catalog format"); renaming one is a
//! breaking change and needs a new `format` number.

mod answer;
mod catalog;
mod date;
mod permission;
mod pivot;
mod shared_text;

pub use answer::{Answer, normalize_answer};
pub use catalog::{
    App, Block, Catalog, Certification, FORMAT_VERSION, Links, Note, Registration, Row, Table,
    Updated, Zone, non_empty_id,
};
pub use date::{parse_date, parse_updated};
pub use permission::{Permission, PermissionKind, canonical_permission_name, parse_kind};
pub use pivot::pivot_title_en;
pub use shared_text::{Interner, SharedText, interning};
