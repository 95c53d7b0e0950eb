//! Two apps side by side: their zones row by row, their permissions as sets. No terminal types.
//!
//! ```text
//! compare_apps(&a, &b) -> Comparison        aligned, classified rows; per-zone counts
//! Comparison::only_differences(&self)       the same without what is the same
//! render_text(&c, width, only_diff)         two columns for a terminal or a ticket
//! render_markdown(&c, only_diff)            tables to paste into a ticket
//! to_json(&c) / to_json_string(&c)          {"a", "b", "zones", "permissions"} for scripts
//! ```
//!
//! Rows pair by question (normalized for width, punctuation, white space and case), so
//! reordered questions still pair. When the pages are in different languages, or a zone has no
//! question in common, that zone pairs rows by position instead and says so
//! ([`ZoneComparison::fallback`]).

mod align;
mod json;
mod normalize;
mod permissions;
mod render_markdown;
mod render_text;
mod types;
mod zones;

#[cfg(test)]
mod tests;

// Shared with `crate::diff`, which pairs two versions of one app the same way.
pub(crate) use align::{align_by_key, row_keys};
pub use json::{to_json, to_json_string};
pub use normalize::{fold_width, text_key};
pub(crate) use permissions::compare_permissions;
pub use render_markdown::{escape as escape_markdown, render_markdown};
pub use render_text::{DEFAULT_WIDTH, MIN_WIDTH, render_text};
pub use types::{
    AlignedBy, Cell, Comparison, Fallback, PermissionComparison, PermissionEntry, Presence,
    RowComparison, SideSummary, Status, ZoneComparison, ZoneCounts,
};

use crate::model::App;

/// Compare app A (left) with app B (right).
pub fn compare_apps(a: &App, b: &App) -> Comparison {
    let languages_match = same_language(&a.language, &b.language);
    Comparison {
        a: summary(a),
        b: summary(b),
        languages_match,
        zones: zones::compare_zones(a, b, languages_match),
        permissions: permissions::compare_permissions(a, b),
        only_differences: false,
    }
}

/// Language tags compare whole (`zh-CN` and `zh-TW` pages are written differently), without
/// case. An unknown language is assumed to match: the question text then decides.
fn same_language(a: &str, b: &str) -> bool {
    let norm = |t: &str| t.trim().replace('_', "-").to_lowercase();
    let (a, b) = (norm(a), norm(b));
    a.is_empty() || b.is_empty() || a == b
}

fn summary(app: &App) -> SideSummary {
    SideSummary {
        id: app.id.clone(),
        name: app.name.clone(),
        publisher: app.publisher.clone(),
        certification: app.certification.as_str().to_string(),
        language: app.language.clone(),
        updated: app.updated.date.clone(),
        updated_raw: app.updated.raw.clone(),
        permission_count: app.permissions.len(),
        application_permission_count: app.application_permission_count(),
        unanswered_count: app.unanswered_count(),
        registrations: app
            .registration_ids()
            .into_iter()
            .map(String::from)
            .collect(),
    }
}
