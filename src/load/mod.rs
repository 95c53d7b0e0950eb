//! Loading catalogs: the embedded default, catalog JSON files, folders of pages, and the
//! merge of several sources into one.

pub mod cache;
mod error;
mod fast;
mod json;
mod merge;
mod seen;
mod sources;

pub use error::LoadError;
pub(crate) use json::json_error_message;
pub use json::{MAX_CATALOG_BYTES, parse_catalog_bytes, read_catalog_file};
pub use merge::{Merged, merge_catalogs};
pub use sources::{LoadedCatalog, SourceKind, embedded_catalog, load_sources};
