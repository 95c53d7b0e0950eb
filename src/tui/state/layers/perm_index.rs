//! The permission index: every permission in the catalog (name, kind, tier, requesting apps),
//! and the registrations shared by several apps. Built when it is opened.

use std::collections::BTreeMap;

use super::{Context, Help, JumpTo, Layer, Outcome, SearchTarget};
use crate::model::{Catalog, PermissionKind};
use crate::risk::{RiskTable, Tier};
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::keymap::Mode;
use crate::tui::state::catalog_index::CatalogIndex;
use crate::tui::state::find::Find;
use crate::tui::state::scroll::{Motion, Scroll};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexTab {
    Permissions,
    Registrations,
}

/// One permission of one kind, and the apps (catalog indices) that request it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermEntry {
    pub name: String,
    pub kind: PermissionKind,
    pub tier: Tier,
    pub apps: Vec<usize>,
}

/// A registration GUID used by more than one app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegEntry {
    pub id: String,
    pub apps: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermIndex {
    pub tab: IndexTab,
    pub perms: Vec<PermEntry>,
    pub regs: Vec<RegEntry>,
    /// Selection in the left column (permissions or registrations).
    pub rows: Scroll,
    /// Selection among the apps of the selected row.
    pub apps: Scroll,
    /// Whether the keyboard is in the apps column.
    pub in_apps: bool,
    /// `/` in the left column: finds (and highlights) rather than filters, so a row's place in
    /// the worst-first order stays visible.
    pub find: Find,
}

impl PermIndex {
    /// Worst tier first, then the most requested, then by name.
    pub fn build(catalog: &Catalog, risk: &RiskTable, index: &CatalogIndex) -> PermIndex {
        let mut by_key: BTreeMap<(String, PermissionKind), PermEntry> = BTreeMap::new();
        for (i, app) in catalog.apps.iter().enumerate() {
            for p in &app.permissions {
                let e = by_key
                    .entry((p.name.to_lowercase(), p.kind))
                    .or_insert_with(|| PermEntry {
                        name: p.name.clone(),
                        kind: p.kind,
                        tier: risk.rate(&p.name, p.kind).tier,
                        apps: Vec::new(),
                    });
                if e.apps.last() != Some(&i) {
                    e.apps.push(i);
                }
            }
        }
        let mut perms: Vec<PermEntry> = by_key.into_values().collect();
        perms.sort_by(|a, b| {
            b.tier
                .cmp(&a.tier)
                .then(b.apps.len().cmp(&a.apps.len()))
                .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        let mut regs: Vec<RegEntry> = index
            .registrations()
            .filter(|(_, apps)| apps.len() > 1)
            .map(|(id, apps)| RegEntry {
                id: id.to_string(),
                apps: apps.to_vec(),
            })
            .collect();
        regs.sort_by(|a, b| b.apps.len().cmp(&a.apps.len()).then(a.id.cmp(&b.id)));
        PermIndex {
            tab: IndexTab::Permissions,
            perms,
            regs,
            rows: Scroll::default(),
            apps: Scroll::default(),
            in_apps: false,
            find: Find::default(),
        }
    }

    /// What `/` looks at in row `i` of the left column: the permission's name and kind, or
    /// the registration GUID.
    pub fn row_text(&self, i: usize) -> Option<String> {
        match self.tab {
            IndexTab::Permissions => self
                .perms
                .get(i)
                .map(|e| format!("{} {}", e.name, crate::tui::strings::kind(e.kind))),
            IndexTab::Registrations => self.regs.get(i).map(|e| e.id.clone()),
        }
    }

    fn hit(&self, i: usize) -> bool {
        let q = self.find.text_query();
        q.is_some_and(|q| self.row_text(i).is_some_and(|t| q.hits(&t)))
    }

    /// Select row `i` of the left column (its apps from the top).
    fn select_row(&mut self, i: Option<usize>, rows: usize) -> bool {
        let Some(i) = i else {
            return false;
        };
        self.in_apps = false;
        self.motion(Motion::To(i), rows)
    }

    pub fn len(&self) -> usize {
        match self.tab {
            IndexTab::Permissions => self.perms.len(),
            IndexTab::Registrations => self.regs.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The apps of the selected row.
    pub fn selected_apps(&self) -> &[usize] {
        match self.tab {
            IndexTab::Permissions => self.perms.get(self.rows.selected).map(|e| &e.apps[..]),
            IndexTab::Registrations => self.regs.get(self.rows.selected).map(|e| &e.apps[..]),
        }
        .unwrap_or(&[])
    }

    /// The selected app, when the apps column has the keyboard.
    pub fn selected_app(&self) -> Option<usize> {
        self.selected_apps().get(self.apps.selected).copied()
    }

    /// Name of the selected permission ("" for a registration).
    pub fn selected_permission(&self) -> &str {
        match self.tab {
            IndexTab::Permissions => self
                .perms
                .get(self.rows.selected)
                .map_or("", |e| e.name.as_str()),
            IndexTab::Registrations => "",
        }
    }

    pub fn motion(&mut self, m: Motion, rows: usize) -> bool {
        if self.in_apps {
            let n = self.selected_apps().len();
            self.apps.apply(m, n, rows)
        } else {
            let n = self.len();
            let changed = self.rows.apply(m, n, rows);
            if changed {
                self.apps = Scroll::default();
            }
            changed
        }
    }

    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let rows = cx.layout.index_rows.max(1);
        if let Some(m) = Motion::of(action) {
            return Outcome::changed(self.motion(m, rows));
        }
        if let Some(changed) = self.find.edit(action) {
            let at = self
                .find
                .first_from(self.rows.selected, self.len(), |i| self.hit(i));
            self.select_row(at, rows);
            return Outcome::changed(changed);
        }
        match action {
            Action::StartSearch => Outcome::Push(Layer::Search(SearchTarget::Index)),
            Action::NextMatch | Action::PreviousMatch => {
                let forward = *action == Action::NextMatch;
                let at = self
                    .find
                    .step(self.rows.selected, self.len(), forward, |i| self.hit(i));
                Outcome::changed(self.select_row(at, rows))
            }
            Action::IndexSwitch => {
                self.switch();
                Outcome::Changed
            }
            Action::Activate if self.in_apps => match self.selected_app() {
                Some(app) => Outcome::Jump {
                    app,
                    to: match self.tab {
                        IndexTab::Permissions => {
                            JumpTo::Permission(self.selected_permission().to_string())
                        }
                        IndexTab::Registrations => JumpTo::Registration(
                            self.regs
                                .get(self.rows.selected)
                                .map(|r| r.id.clone())
                                .unwrap_or_default(),
                        ),
                    },
                },
                None => Outcome::Unchanged,
            },
            Action::Activate if self.selected_apps().is_empty() => Outcome::Unchanged,
            Action::Activate => {
                self.in_apps = true;
                self.apps = Scroll::default();
                Outcome::Changed
            }
            Action::IndexBack if self.in_apps => {
                self.in_apps = false;
                Outcome::Changed
            }
            Action::IndexBack | Action::CloseOverlay => Outcome::Pop,
            Action::OpenHelp => Outcome::Push(Layer::Help(Help::open(cx.keymap, Mode::Index))),
            Action::Copy => match self.selected_text(cx) {
                Some(text) => Outcome::Effect(Effect::Copy(text)),
                None => Outcome::Unchanged,
            },
            _ => Outcome::Unchanged,
        }
    }

    /// What `y` copies: the selected app's id, else the permission name or registration GUID.
    fn selected_text(&self, cx: &Context<'_>) -> Option<String> {
        if self.in_apps {
            return self
                .selected_app()
                .map(|a| cx.workspace.catalog.apps[a].id.clone());
        }
        match self.tab {
            IndexTab::Permissions => self.perms.get(self.rows.selected).map(|e| e.name.clone()),
            IndexTab::Registrations => self.regs.get(self.rows.selected).map(|e| e.id.clone()),
        }
    }

    pub fn switch(&mut self) {
        self.tab = match self.tab {
            IndexTab::Permissions => IndexTab::Registrations,
            IndexTab::Registrations => IndexTab::Permissions,
        };
        self.rows = Scroll::default();
        self.apps = Scroll::default();
        self.in_apps = false;
    }
}
