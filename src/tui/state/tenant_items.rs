//! The Permissions tab's part of the tenant export: the grants of the app's service principals
//! that its attestation does not declare, listed after the app's own permissions.

use crate::tenant::GrantedPermission;

use super::State;
use super::items::{Item, find_ci};
use super::layers::{Popup, Section};

impl State {
    /// What the tenant granted the selected app beyond what it declares, worst first.
    pub fn undeclared_grants(&self) -> Vec<&GrantedPermission> {
        let (Some(tenant), Some(app)) = (&self.workspace.tenant, self.current_app_index()) else {
            return Vec::new();
        };
        let mut out: Vec<&GrantedPermission> =
            tenant.granted(app).filter(|g| !g.declared).collect();
        out.sort_by(|a, b| b.tier.cmp(&a.tier).then(a.name.cmp(&b.name)));
        out
    }

    /// An undeclared grant shown whole.
    pub(super) fn undeclared_popup(&self, i: usize) -> Option<Popup> {
        let g = *self.undeclared_grants().get(i)?;
        let sections = vec![
            Section::new("", crate::tui::strings::UNDECLARED_EXPLAINED, None),
            Section::new("Permission", g.name.clone(), None),
            Section::new("Kind", crate::tui::strings::kind(g.kind), None),
            Section::new("Risk", g.tier.as_str(), None),
            Section::new("API", g.resource.clone(), None),
            Section::new("Consent", g.consent.to_string(), None),
        ];
        Some(Popup::text(
            crate::tui::strings::UNDECLARED_IN_TENANT,
            sections,
        ))
    }
}

/// The heading and the undeclared grants matching `filter` (nothing when none matches).
pub(super) fn undeclared_items(grants: &[&GrantedPermission], filter: &str) -> Vec<Item> {
    let q = filter.trim();
    let shown: Vec<Item> = grants
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            q.is_empty()
                || find_ci(&g.name, q).is_some()
                || find_ci(crate::tui::strings::kind(g.kind), q).is_some()
                || find_ci(crate::tui::strings::UNDECLARED, q).is_some()
        })
        .map(|(i, _)| Item::Undeclared(i))
        .collect();
    if shown.is_empty() {
        return shown;
    }
    std::iter::once(Item::UndeclaredHeader)
        .chain(shown)
        .collect()
}
