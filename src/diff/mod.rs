//! What changed between two versions of a catalog: apps added, removed and changed, and for a
//! changed app the permissions it gained or lost, the answers that changed and its
//! certification. No terminal types.
//!
//! ```text
//! diff_catalogs(&old, &new, &risk) -> CatalogDiff   apps paired by id
//! diff_apps(&old, &new, &risk)     -> AppChanges    one app, two versions (review drift uses it)
//! render_text(&diff) / to_json(&diff)
//! ```
//!
//! Permissions compare as (name, kind) sets, as in `compare`: a permission listed once per
//! registration is one permission, and a delegated permission turning application is a change.

mod answers;
mod render;

use std::collections::HashMap;

pub use answers::{AnswerChange, question_key};
pub use render::{render_app, render_text, summary, to_json};

use crate::model::{App, Catalog, Certification, PermissionKind};
use crate::risk::{RiskTable, Tier};

/// An app as a list entry: its id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppRef {
    pub id: String,
    pub name: String,
}

impl AppRef {
    fn of(app: &App) -> AppRef {
        AppRef {
            id: app.id.clone(),
            name: app.name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionChange {
    pub name: String,
    pub kind: PermissionKind,
    pub tier: Tier,
}

/// How one app differs between two versions; empty when nothing a reviewer judges changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppChanges {
    pub id: String,
    /// The newer version's name.
    pub name: String,
    /// Worst tier first, then by name.
    pub permissions_added: Vec<PermissionChange>,
    pub permissions_removed: Vec<PermissionChange>,
    /// In page order of the newer version.
    pub answers_changed: Vec<AnswerChange>,
    /// (old, new) when it changed.
    pub certification: Option<(Certification, Certification)>,
}

impl AppChanges {
    pub fn is_empty(&self) -> bool {
        self.permissions_added.is_empty()
            && self.permissions_removed.is_empty()
            && self.answers_changed.is_empty()
            && self.certification.is_none()
    }

    /// The worst tier among the permissions gained (Unknown when none).
    pub fn worst_added(&self) -> Tier {
        self.permissions_added
            .iter()
            .map(|p| p.tier)
            .max()
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CatalogDiff {
    /// By name.
    pub added: Vec<AppRef>,
    pub removed: Vec<AppRef>,
    /// Those that gained the most dangerous permissions first, then by name.
    pub changed: Vec<AppChanges>,
}

impl CatalogDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compare two versions of one app.
pub fn diff_apps(old: &App, new: &App, risk: &RiskTable) -> AppChanges {
    let perms = crate::compare::compare_permissions(old, new);
    let rate = |entries: Vec<crate::compare::PermissionEntry>| {
        let mut out: Vec<PermissionChange> = entries
            .into_iter()
            .map(|e| PermissionChange {
                tier: risk.rate(&e.name, e.kind).tier,
                name: e.name,
                kind: e.kind,
            })
            .collect();
        out.sort_by(|a, b| b.tier.cmp(&a.tier).then_with(|| a.name.cmp(&b.name)));
        out
    };
    AppChanges {
        id: new.id.clone(),
        name: new.name.clone(),
        permissions_added: rate(perms.only_b),
        permissions_removed: rate(perms.only_a),
        answers_changed: answers::changed_answers(old, new),
        certification: (old.certification != new.certification)
            .then_some((old.certification, new.certification)),
    }
}

/// Compare two catalogs, pairing apps by id.
pub fn diff_catalogs(old: &Catalog, new: &Catalog, risk: &RiskTable) -> CatalogDiff {
    let old_by_id: HashMap<&str, &App> = old.apps.iter().map(|a| (a.id.as_str(), a)).collect();
    let new_ids: std::collections::HashSet<&str> = new.apps.iter().map(|a| a.id.as_str()).collect();
    let mut diff = CatalogDiff::default();
    for app in &new.apps {
        match old_by_id.get(app.id.as_str()) {
            None => diff.added.push(AppRef::of(app)),
            Some(before) => {
                let changes = diff_apps(before, app, risk);
                if !changes.is_empty() {
                    diff.changed.push(changes);
                }
            }
        }
    }
    diff.removed = old
        .apps
        .iter()
        .filter(|a| !new_ids.contains(a.id.as_str()))
        .map(AppRef::of)
        .collect();
    let by_name = |a: &AppRef, b: &AppRef| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id));
    diff.added.sort_by(by_name);
    diff.removed.sort_by(by_name);
    diff.changed.sort_by(|a, b| {
        b.worst_added()
            .cmp(&a.worst_added())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    diff
}

#[cfg(test)]
mod tests;
