//! Permission risk tiers: how dangerous a permission is, by name and kind, from the rules in
//! `data/permission_tiers.json` (or a user's own file), and per-app summaries.

mod rules;
mod summary;

pub use rules::{Rating, RiskTable, RiskTableError, Tier};
pub use summary::{AppRisk, NO_PERMISSION};
