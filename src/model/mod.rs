//! The catalog model: plain data with serde, no terminal types.
//!
//! The JSON field names are a public format (see README "Catalog format"); renaming one is a
//! breaking change and needs a new `format` number.

mod answer;
mod catalog;
mod date;
mod judgement;
mod languages;
mod permission;
mod pivot;
mod shared_text;

pub use answer::{Answer, normalize_answer, normalize_answer_in};
pub use catalog::{
    App, Block, Catalog, Certification, FORMAT_VERSION, Links, Note, Registration, Row, Table,
    Translation, Updated, Zone, ZoneSources, non_empty_id,
};
pub use date::{parse_date, parse_updated};
pub use judgement::{Judgement, judge, judge_value};
pub use languages::language_tag;
pub(crate) use permission::default_resource;
pub use permission::{
    HeaderKinds, Permission, PermissionKind, canonical_permission_name, parse_kind, parse_kind_with,
};
pub use pivot::pivot_title_en;
pub use shared_text::{Interner, SharedText, interning};
