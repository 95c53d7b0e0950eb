//! The tenant view: the tenant's service principals worst first (the report's order: undeclared
//! critical grants, then high, …, then the rest), and the findings of the selected one — the
//! attestations it matches, each granted permission declared or undeclared, each declared one
//! not granted. Enter opens the matched app. Microsoft's first-party apps and managed
//! identities are counted apart, as the report does, and not listed.

use super::{Context, Help, JumpTo, Layer, Outcome};
use crate::tenant::{TenantApp, TenantIndex};
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::state::scroll::{Motion, Scroll};

/// One line of the findings column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// An attestation the service principal matches (catalog index).
    Matched(usize),
    /// A granted permission: index into the tenant app's `granted`.
    Granted(usize),
    /// A declared permission no grant covers: index into `not_granted`.
    NotGranted(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TenantView {
    /// Indices into the report's apps of the listed (third-party) ones, in the report's order.
    pub apps: Vec<usize>,
    pub rows: Scroll,
    pub findings: Scroll,
    /// Whether the keyboard is in the findings column.
    pub in_findings: bool,
}

impl TenantView {
    /// The view over the workspace's tenant; empty (saying how to load one) without it.
    pub fn new(tenant: Option<&TenantIndex>) -> TenantView {
        let apps = tenant.map_or_else(Vec::new, |t| {
            t.report
                .apps
                .iter()
                .enumerate()
                .filter(|(_, a)| a.class == crate::tenant::AppClass::ThirdParty)
                .map(|(i, _)| i)
                .collect()
        });
        TenantView {
            apps,
            ..TenantView::default()
        }
    }

    /// The selected service principal.
    pub fn selected<'t>(&self, tenant: Option<&'t TenantIndex>) -> Option<&'t TenantApp> {
        let i = *self.apps.get(self.rows.selected)?;
        tenant?.report.apps.get(i)
    }

    /// The findings of the selected service principal, in the order the column shows them.
    pub fn findings(&self, tenant: Option<&TenantIndex>) -> Vec<Finding> {
        let Some(app) = self.selected(tenant) else {
            return Vec::new();
        };
        let matched = app.matched.iter().map(|&c| Finding::Matched(c));
        let granted = (0..app.granted.len()).map(Finding::Granted);
        let not_granted = (0..app.not_granted.len()).map(Finding::NotGranted);
        matched.chain(granted).chain(not_granted).collect()
    }

    pub fn selected_finding(&self, tenant: Option<&TenantIndex>) -> Option<Finding> {
        self.findings(tenant).get(self.findings.selected).copied()
    }

    fn motion(&mut self, m: Motion, tenant: Option<&TenantIndex>, rows: usize) -> bool {
        if self.in_findings {
            let n = self.findings(tenant).len();
            return self.findings.apply(m, n, rows);
        }
        let changed = self.rows.apply(m, self.apps.len(), rows);
        if changed {
            self.findings = Scroll::default();
        }
        changed
    }

    /// Where Enter goes: the matched app under the cursor, or the first matched app on the
    /// permission under the cursor.
    fn jump(&self, tenant: Option<&TenantIndex>, cx: &Context<'_>) -> Option<Outcome> {
        let app = self.selected(tenant)?;
        let first = *app.matched.first()?;
        let finding = if self.in_findings {
            self.selected_finding(tenant)
        } else {
            None
        };
        let (target, to) = match finding {
            // An empty name opens the Permissions tab at its top.
            Some(Finding::Matched(c)) => (c, JumpTo::Permission(String::new())),
            Some(Finding::Granted(g)) => (first, JumpTo::Permission(app.granted[g].name.clone())),
            Some(Finding::NotGranted(d)) => {
                (first, JumpTo::Permission(app.not_granted[d].name.clone()))
            }
            None => (first, JumpTo::Permission(String::new())),
        };
        (target < cx.workspace.catalog.apps.len()).then_some(Outcome::Jump { app: target, to })
    }

    /// What `y` copies: the permission name in the findings, else the service principal's
    /// application id (its object id when it has none).
    fn copy_text(&self, tenant: Option<&TenantIndex>, cx: &Context<'_>) -> Option<String> {
        let app = self.selected(tenant)?;
        let finding = if self.in_findings {
            self.selected_finding(tenant)
        } else {
            None
        };
        Some(match finding {
            Some(Finding::Matched(c)) => cx.workspace.catalog.apps.get(c)?.id.clone(),
            Some(Finding::Granted(g)) => app.granted[g].name.clone(),
            Some(Finding::NotGranted(d)) => app.not_granted[d].name.clone(),
            None => app.app_id.unwrap_or(app.object_id).to_string(),
        })
    }

    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let tenant = cx.workspace.tenant.as_ref();
        if let Some(m) = Motion::of(action) {
            return Outcome::changed(self.motion(m, tenant, cx.layout.tenant_rows.max(1)));
        }
        match action {
            // The mouse wheel moves the column that has the keyboard.
            Action::ScrollList(d) | Action::ScrollDetail(d) => {
                Outcome::changed(self.motion(Motion::By(*d), tenant, 1))
            }
            Action::Activate => self.jump(tenant, cx).unwrap_or(Outcome::Unchanged),
            Action::Right | Action::IndexSwitch if !self.in_findings => {
                let any = !self.findings(tenant).is_empty();
                self.in_findings = any;
                self.findings = Scroll::default();
                Outcome::changed(any)
            }
            Action::IndexSwitch | Action::Left | Action::IndexBack if self.in_findings => {
                self.in_findings = false;
                Outcome::Changed
            }
            Action::IndexBack | Action::CloseOverlay | Action::OpenTenant => Outcome::Pop,
            Action::OpenHelp => Outcome::Push(Layer::Help(Help::default())),
            Action::Copy => match self.copy_text(tenant, cx) {
                Some(text) => Outcome::Effect(Effect::Copy(text)),
                None => Outcome::Unchanged,
            },
            _ => Outcome::Unchanged,
        }
    }
}
