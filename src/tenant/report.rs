//! What the join finds: per tenant app, the attestations it matches and each permission as
//! declared, undeclared or not granted; and a summary for the tenant.

use super::Guid;
use super::model::TenantExport;
use crate::model::{Catalog, Certification, PermissionKind};
use crate::risk::Tier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AppClass {
    /// Anyone's but Microsoft's: what attestations are about.
    ThirdParty,
    /// Owned by one of Microsoft's tenants; counted apart.
    FirstParty,
    /// An Azure resource's identity; no publisher, counted apart.
    ManagedIdentity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// Delegated: consented for every user (`AllPrincipals`) and/or for `users` users one by one.
    Delegated { all_users: bool, users: usize },
    /// Application permissions are consented by an administrator, for the app itself.
    Application,
}

impl std::fmt::Display for Consent {
    /// "all users", "all users +3", "1 user", "3 users", or "admin" for an application permission.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Consent::Delegated {
                all_users: true,
                users: 0,
            } => f.write_str("all users"),
            Consent::Delegated {
                all_users: true,
                users,
            } => write!(f, "all users +{users}"),
            Consent::Delegated { users: 1, .. } => f.write_str("1 user"),
            Consent::Delegated { users, .. } => write!(f, "{users} users"),
            Consent::Application => f.write_str("admin"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrantedPermission {
    pub name: String,
    /// `Delegated` or `Application`.
    pub kind: PermissionKind,
    /// The API it is granted on, by name where the export says.
    pub resource: String,
    pub consent: Consent,
    /// Whether a matched attestation lists it for this registration.
    pub declared: bool,
    pub tier: Tier,
    /// The app role id of an application permission.
    pub app_role_id: Option<Guid>,
    /// False when no name was found for the app role id, so `name` is the id.
    pub named: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredPermission {
    pub name: String,
    pub kind: PermissionKind,
    pub resource: String,
    pub tier: Tier,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TenantApp {
    pub object_id: Guid,
    pub app_id: Option<Guid>,
    pub display_name: String,
    pub publisher: String,
    pub enabled: Option<bool>,
    pub class: AppClass,
    /// Catalog indices of the attestations that name `app_id` as a registration.
    pub matched: Vec<usize>,
    /// Undeclared first, then by tier, worst first.
    pub granted: Vec<GrantedPermission>,
    pub not_granted: Vec<DeclaredPermission>,
}

impl TenantApp {
    pub fn undeclared(&self) -> impl Iterator<Item = &GrantedPermission> {
        self.granted.iter().filter(|g| !g.declared)
    }

    /// The worst tier among the undeclared grants.
    pub fn worst_undeclared(&self) -> Option<Tier> {
        self.undeclared().map(|g| g.tier).max()
    }

    pub fn is_attested(&self) -> bool {
        !self.matched.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TenantSummary {
    pub files: usize,
    pub service_principals: usize,
    /// Third-party apps: every service principal but Microsoft's and managed identities.
    pub apps: usize,
    pub attested: usize,
    /// Attested apps of which some matched attestation is certified.
    pub certified: usize,
    pub no_attestation: usize,
    pub first_party: usize,
    pub managed_identities: usize,
    /// Apps whose worst undeclared grant is critical, and how many of them are attested.
    pub undeclared_critical: usize,
    pub undeclared_critical_attested: usize,
    /// Apps whose worst undeclared grant is high.
    pub undeclared_high: usize,
    pub undeclared_high_attested: usize,
}

#[derive(Debug, Clone, Default)]
pub struct TenantReport {
    /// Third-party apps first, worst undeclared grant first; then Microsoft's and managed
    /// identities.
    pub apps: Vec<TenantApp>,
    pub summary: TenantSummary,
}

/// Count the tenant's apps by what the join found.
pub(super) fn summarize(
    apps: &[TenantApp],
    export: &TenantExport,
    catalog: &Catalog,
) -> TenantSummary {
    let mut s = TenantSummary {
        files: export.files.len(),
        service_principals: export.service_principals.len(),
        ..TenantSummary::default()
    };
    for app in apps {
        match app.class {
            AppClass::FirstParty => {
                s.first_party += 1;
                continue;
            }
            AppClass::ManagedIdentity => {
                s.managed_identities += 1;
                continue;
            }
            AppClass::ThirdParty => s.apps += 1,
        }
        let attested = app.is_attested();
        if attested {
            s.attested += 1;
            if app
                .matched
                .iter()
                .any(|&i| catalog.apps[i].certification == Certification::Certified)
            {
                s.certified += 1;
            }
        } else {
            s.no_attestation += 1;
        }
        match app.worst_undeclared() {
            Some(Tier::Critical) => {
                s.undeclared_critical += 1;
                s.undeclared_critical_attested += usize::from(attested);
            }
            Some(Tier::High) => {
                s.undeclared_high += 1;
                s.undeclared_high_attested += usize::from(attested);
            }
            _ => {}
        }
    }
    s
}
