//! The tenant report with lookups by catalog app, built once per workspace, so a filter or a
//! view asks "is this app in the tenant, what does it hold, is this permission granted" without
//! walking the report.

use foldhash::HashMap;
use std::path::PathBuf;

use super::Guid;
use super::join::join;
use super::model::TenantExport;
use super::report::{AppClass, GrantedPermission, TenantApp, TenantReport};
use crate::model::{Catalog, PermissionKind};
use crate::risk::RiskTable;

/// A catalog permission as the tenant has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermissionMark {
    /// The app's service principal holds it.
    Granted,
    /// The app is in the tenant under this registration, but this permission is not granted.
    NotGranted,
}

pub struct TenantIndex {
    pub report: TenantReport,
    /// The export files read.
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    /// Catalog index → indices into `report.apps` of the service principals matching it.
    by_catalog: HashMap<usize, Vec<usize>>,
    /// Catalog index → a mark per permission of the app (None: its registration is not in the
    /// tenant).
    marks: HashMap<usize, Vec<Option<PermissionMark>>>,
}

impl TenantIndex {
    pub fn build(export: TenantExport, catalog: &Catalog, risk: &RiskTable) -> TenantIndex {
        let report = join(&export, catalog, risk);
        let mut by_catalog: HashMap<usize, Vec<usize>> = HashMap::default();
        for (t, app) in report.apps.iter().enumerate() {
            for &c in &app.matched {
                by_catalog.entry(c).or_default().push(t);
            }
        }
        let marks = by_catalog
            .iter()
            .map(|(&c, tenant_apps)| {
                let app = &catalog.apps[c];
                let marks = app
                    .permissions
                    .iter()
                    .map(|p| {
                        let reg = p.registration.as_deref().and_then(Guid::parse)?;
                        let holder = tenant_apps
                            .iter()
                            .map(|&t| &report.apps[t])
                            .find(|t| t.app_id == Some(reg))?;
                        let granted = holder.granted.iter().any(|g| {
                            g.declared
                                && g.name.eq_ignore_ascii_case(&p.name)
                                && kind_covers(p.kind, g.kind)
                        });
                        Some(if granted {
                            PermissionMark::Granted
                        } else {
                            PermissionMark::NotGranted
                        })
                    })
                    .collect();
                (c, marks)
            })
            .collect();
        TenantIndex {
            report,
            files: export.files,
            notes: export.notes,
            warnings: export.warnings,
            by_catalog,
            marks,
        }
    }

    /// Whether catalog app `app` has a service principal in the tenant.
    pub fn in_tenant(&self, app: usize) -> bool {
        self.by_catalog.contains_key(&app)
    }

    /// The tenant's service principals for catalog app `app`.
    pub fn tenant_apps(&self, app: usize) -> impl Iterator<Item = &TenantApp> {
        self.by_catalog
            .get(&app)
            .into_iter()
            .flatten()
            .map(|&t| &self.report.apps[t])
    }

    /// Everything granted to catalog app `app`'s service principals.
    pub fn granted(&self, app: usize) -> impl Iterator<Item = &GrantedPermission> {
        self.tenant_apps(app).flat_map(|t| t.granted.iter())
    }

    /// Permission `permission` of catalog app `app` as the tenant has it.
    pub fn permission_mark(&self, app: usize, permission: usize) -> Option<PermissionMark> {
        self.marks.get(&app)?.get(permission).copied().flatten()
    }

    /// How the tenant has `permission`, as catalog app `app` declares it: by its registration
    /// and name rather than its position, so it holds for any of the app's languages (whose
    /// permission lists need not be in the same order). `None`: that registration is not in
    /// the tenant.
    pub fn mark_of(
        &self,
        app: usize,
        permission: &crate::model::Permission,
    ) -> Option<PermissionMark> {
        let reg = permission.registration.as_deref().and_then(Guid::parse)?;
        let holder = self.tenant_apps(app).find(|t| t.app_id == Some(reg))?;
        let granted = holder.granted.iter().any(|g| {
            g.declared
                && g.name.eq_ignore_ascii_case(&permission.name)
                && kind_covers(permission.kind, g.kind)
        });
        Some(if granted {
            PermissionMark::Granted
        } else {
            PermissionMark::NotGranted
        })
    }

    /// Third-party apps of the report (Microsoft's and managed identities left out).
    pub fn third_party(&self) -> impl Iterator<Item = &TenantApp> {
        self.report
            .apps
            .iter()
            .filter(|a| a.class == AppClass::ThirdParty)
    }
}

/// Whether a permission declared as `declared` is the one granted as `granted`.
fn kind_covers(declared: PermissionKind, granted: PermissionKind) -> bool {
    declared == granted || matches!(declared, PermissionKind::Both | PermissionKind::Unknown)
}
