//! The join: a service principal's `appId` is an attestation's registration GUID. Each granted
//! permission is then declared (the attestation lists it for that registration) or undeclared,
//! and each declared one that no grant covers is "not granted".

use std::collections::HashMap;

use super::model::{ConsentType, ServicePrincipal, TenantExport};
use super::normalize_guid;
use super::reference::{GRAPH_APP_ID, graph_app_role, is_microsoft_tenant};
use crate::model::{Catalog, Certification, PermissionKind};
use crate::risk::{RiskTable, Tier};

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
    pub app_role_id: Option<String>,
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
    pub object_id: String,
    pub app_id: Option<String>,
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Graphness {
    Yes,
    No,
    Unknown,
}

struct Resource<'a> {
    display: String,
    graph: Graphness,
    roles: HashMap<&'a str, &'a str>,
}

struct Acc<'a> {
    app: usize,
    resource: usize,
    name: &'a str,
    kind: PermissionKind,
    all_users: bool,
    principals: Vec<u32>,
    app_role_id: Option<&'a str>,
    named: bool,
}

struct Declared<'c> {
    name: &'c str,
    kind: PermissionKind,
    resource: &'c str,
}

/// Join `export` with `catalog`, rating every permission with `risk`.
pub fn join(export: &TenantExport, catalog: &Catalog, risk: &RiskTable) -> TenantReport {
    let mut j = Joiner::new(&export.service_principals);
    for g in &export.grants {
        let app = j.app(&g.client_id);
        let resource = j.resource(g.resource_id.as_deref(), g.resource_name.as_deref());
        let principal = match g.consent {
            ConsentType::AllPrincipals => None,
            ConsentType::Principal => Some(g.principal_id.as_deref().unwrap_or("")),
        };
        for scope in &g.scopes {
            j.add(
                app,
                resource,
                scope,
                PermissionKind::Delegated,
                principal,
                None,
                true,
            );
        }
    }
    for a in &export.assignments {
        let app = j.app(&a.client_id);
        let resource = j.resource(a.resource_id.as_deref(), a.resource_name.as_deref());
        let role = a.app_role_id.as_deref();
        let (name, named) = match (a.name.as_deref(), role) {
            (Some(name), _) => (name, true),
            (None, Some(id)) => j.role_name(resource, id),
            (None, None) => ("(unknown app role)", false),
        };
        j.add(
            app,
            resource,
            name,
            PermissionKind::Application,
            None,
            role,
            named,
        );
    }
    j.finish(export, catalog, risk)
}

/// Catalog indices by registration GUID (canonical form).
fn registration_index(catalog: &Catalog) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::new();
    let mut add = |guid: &str, app: usize| {
        if let Some(g) = normalize_guid(guid) {
            let apps = out.entry(g).or_default();
            if !apps.contains(&app) {
                apps.push(app);
            }
        }
    };
    for (i, app) in catalog.apps.iter().enumerate() {
        for p in &app.permissions {
            if let Some(r) = p.registration.as_deref() {
                add(r, i);
            }
        }
    }
    if !catalog.registrations.is_empty() {
        let by_id: HashMap<&str, usize> = catalog
            .apps
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        for reg in &catalog.registrations {
            for id in &reg.apps {
                if let Some(&i) = by_id.get(id.as_str()) {
                    add(&reg.id, i);
                }
            }
        }
    }
    out
}

struct Joiner<'a> {
    sps: &'a [ServicePrincipal],
    /// Object id → app index: service principals first, then clients the export only names.
    app_of: HashMap<&'a str, usize>,
    placeholders: Vec<&'a str>,
    resources: Vec<Resource<'a>>,
    resource_of: HashMap<&'a str, usize>,
    principals: HashMap<&'a str, u32>,
    accs: Vec<Acc<'a>>,
    acc_of: HashMap<(usize, usize, &'a str, PermissionKind), usize>,
}

impl<'a> Joiner<'a> {
    fn new(sps: &'a [ServicePrincipal]) -> Joiner<'a> {
        Joiner {
            sps,
            app_of: sps
                .iter()
                .enumerate()
                .map(|(i, sp)| (sp.object_id.as_str(), i))
                .collect(),
            placeholders: Vec::new(),
            resources: Vec::new(),
            resource_of: HashMap::new(),
            principals: HashMap::new(),
            accs: Vec::new(),
            acc_of: HashMap::new(),
        }
    }

    fn app(&mut self, object_id: &'a str) -> usize {
        if let Some(&i) = self.app_of.get(object_id) {
            return i;
        }
        let i = self.sps.len() + self.placeholders.len();
        self.placeholders.push(object_id);
        self.app_of.insert(object_id, i);
        i
    }

    fn sp(&self, object_id: &str) -> Option<&'a ServicePrincipal> {
        let sps = self.sps;
        self.app_of.get(object_id).and_then(|&i| sps.get(i))
    }

    fn resource(&mut self, id: Option<&'a str>, name: Option<&'a str>) -> usize {
        let key = id.or(name).unwrap_or("");
        if let Some(&r) = self.resource_of.get(key) {
            return r;
        }
        let by_name = |n: &str| {
            if n.eq_ignore_ascii_case("Microsoft Graph") {
                Graphness::Yes
            } else {
                Graphness::No
            }
        };
        let resource = match id.and_then(|id| self.sp(id)) {
            Some(sp) => Resource {
                display: if sp.display_name.is_empty() {
                    name.unwrap_or(sp.object_id.as_str()).to_string()
                } else {
                    sp.display_name.clone()
                },
                graph: match sp.app_id.as_deref() {
                    Some(GRAPH_APP_ID) => Graphness::Yes,
                    Some(_) => Graphness::No,
                    None => name.map_or(Graphness::Unknown, by_name),
                },
                roles: sp
                    .app_roles
                    .iter()
                    .map(|(id, value)| (id.as_str(), value.as_str()))
                    .collect(),
            },
            None => Resource {
                display: name.or(id).unwrap_or("unknown API").to_string(),
                graph: name.map_or(Graphness::Unknown, by_name),
                roles: HashMap::new(),
            },
        };
        let r = self.resources.len();
        self.resources.push(resource);
        self.resource_of.insert(key, r);
        r
    }

    /// The name of app role `id` of `resource`: from the resource's own `appRoles`, else from
    /// Microsoft Graph's table unless the resource is known to be another API, else the id.
    fn role_name(&self, resource: usize, id: &'a str) -> (&'a str, bool) {
        let r = &self.resources[resource];
        if let Some(value) = r.roles.get(id) {
            return (*value, true);
        }
        if r.graph != Graphness::No
            && let Some(name) = graph_app_role(id)
        {
            return (name, true);
        }
        (id, false)
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        app: usize,
        resource: usize,
        name: &'a str,
        kind: PermissionKind,
        principal: Option<&'a str>,
        app_role_id: Option<&'a str>,
        named: bool,
    ) {
        let key = (app, resource, name, kind);
        let i = *self.acc_of.entry(key).or_insert_with(|| {
            self.accs.push(Acc {
                app,
                resource,
                name,
                kind,
                all_users: false,
                principals: Vec::new(),
                app_role_id,
                named,
            });
            self.accs.len() - 1
        });
        if kind == PermissionKind::Delegated {
            match principal {
                None => self.accs[i].all_users = true,
                Some(p) => {
                    let next = self.principals.len() as u32;
                    let id = *self.principals.entry(p).or_insert(next);
                    self.accs[i].principals.push(id);
                }
            }
        }
    }

    fn finish(self, export: &TenantExport, catalog: &Catalog, risk: &RiskTable) -> TenantReport {
        let registrations = registration_index(catalog);
        let app_count = self.sps.len() + self.placeholders.len();
        let mut per_app: Vec<Vec<Acc>> = (0..app_count).map(|_| Vec::new()).collect();
        for acc in self.accs {
            per_app[acc.app].push(acc);
        }
        let mut apps = Vec::with_capacity(app_count);
        for (i, accs) in per_app.into_iter().enumerate() {
            let mut app = match self.sps.get(i) {
                Some(sp) => describe(sp),
                None => TenantApp {
                    object_id: self.placeholders[i - self.sps.len()].to_string(),
                    app_id: None,
                    display_name: String::new(),
                    publisher: String::new(),
                    enabled: None,
                    class: AppClass::ThirdParty,
                    matched: Vec::new(),
                    granted: Vec::new(),
                    not_granted: Vec::new(),
                },
            };
            if let Some(found) = app.app_id.as_deref().and_then(|a| registrations.get(a)) {
                app.matched = found.clone();
            }
            let declared = declared_for(&app, catalog);
            let resources = &self.resources;
            app.granted = accs
                .iter()
                .map(|acc| {
                    let resource = &resources[acc.resource];
                    let is_declared = declared
                        .iter()
                        .any(|d| covers(d, acc.name, acc.kind, resource));
                    let mut users = acc.principals.clone();
                    users.sort_unstable();
                    users.dedup();
                    GrantedPermission {
                        name: acc.name.to_string(),
                        kind: acc.kind,
                        resource: resource.display.clone(),
                        consent: match acc.kind {
                            PermissionKind::Delegated => Consent::Delegated {
                                all_users: acc.all_users,
                                users: users.len(),
                            },
                            _ => Consent::Application,
                        },
                        declared: is_declared,
                        tier: risk.rate(acc.name, acc.kind).tier,
                        app_role_id: acc.app_role_id.map(str::to_owned),
                        named: acc.named,
                    }
                })
                .collect();
            app.granted.sort_by(|a, b| {
                (a.declared, std::cmp::Reverse(a.tier), &a.name).cmp(&(
                    b.declared,
                    std::cmp::Reverse(b.tier),
                    &b.name,
                ))
            });
            app.not_granted = not_granted(&declared, &accs, resources, risk);
            apps.push(app);
        }
        apps.sort_by(|a, b| {
            let key = |x: &TenantApp| {
                (
                    x.class,
                    std::cmp::Reverse(x.worst_undeclared()),
                    !x.is_attested(),
                    std::cmp::Reverse(x.granted.iter().map(|g| g.tier).max()),
                    x.display_name.to_lowercase(),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.object_id.cmp(&b.object_id))
        });
        let summary = summarize(&apps, export, catalog);
        TenantReport { apps, summary }
    }
}

fn describe(sp: &ServicePrincipal) -> TenantApp {
    let first_party = sp
        .app_owner_organization_id
        .as_deref()
        .is_some_and(is_microsoft_tenant);
    let managed = sp
        .service_principal_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("ManagedIdentity"));
    TenantApp {
        object_id: sp.object_id.clone(),
        app_id: sp.app_id.clone(),
        display_name: sp.display_name.clone(),
        publisher: sp
            .verified_publisher
            .clone()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| sp.publisher_name.clone()),
        enabled: sp.account_enabled,
        class: if first_party {
            AppClass::FirstParty
        } else if managed {
            AppClass::ManagedIdentity
        } else {
            AppClass::ThirdParty
        },
        matched: Vec::new(),
        granted: Vec::new(),
        not_granted: Vec::new(),
    }
}

/// What the matched attestations list for this app's registration.
fn declared_for<'c>(app: &TenantApp, catalog: &'c Catalog) -> Vec<Declared<'c>> {
    let Some(app_id) = app.app_id.as_deref() else {
        return Vec::new();
    };
    let mut out: Vec<Declared> = Vec::new();
    for &i in &app.matched {
        for p in &catalog.apps[i].permissions {
            let same = p
                .registration
                .as_deref()
                .is_some_and(|r| r == app_id || normalize_guid(r).as_deref() == Some(app_id));
            if same
                && !out.iter().any(|d| {
                    d.kind == p.kind
                        && d.name.eq_ignore_ascii_case(&p.name)
                        && d.resource.eq_ignore_ascii_case(&p.resource)
                })
            {
                out.push(Declared {
                    name: &p.name,
                    kind: p.kind,
                    resource: &p.resource,
                });
            }
        }
    }
    out
}

/// Whether declared permission `d` covers a grant of `name` as `kind` on `resource`. A grant on
/// an API the export does not name is compared by name and kind alone.
fn covers(d: &Declared, name: &str, kind: PermissionKind, resource: &Resource) -> bool {
    let kind_ok =
        d.kind == kind || matches!(d.kind, PermissionKind::Both | PermissionKind::Unknown);
    let resource_ok = match resource.graph {
        Graphness::Unknown => true,
        Graphness::Yes => d.resource.eq_ignore_ascii_case("Microsoft Graph"),
        Graphness::No => d.resource.eq_ignore_ascii_case(&resource.display),
    };
    kind_ok && resource_ok && d.name.eq_ignore_ascii_case(name)
}

/// Declared permissions no grant covers. `both` is two permissions (delegated and application);
/// an unknown kind is covered by a grant of either kind.
fn not_granted(
    declared: &[Declared],
    accs: &[Acc],
    resources: &[Resource],
    risk: &RiskTable,
) -> Vec<DeclaredPermission> {
    let mut out = Vec::new();
    for d in declared {
        let kinds: &[PermissionKind] = match d.kind {
            PermissionKind::Both => &[PermissionKind::Delegated, PermissionKind::Application],
            PermissionKind::Delegated => &[PermissionKind::Delegated],
            PermissionKind::Application => &[PermissionKind::Application],
            PermissionKind::Unknown => &[PermissionKind::Unknown],
        };
        for &kind in kinds {
            let one = Declared {
                name: d.name,
                kind,
                resource: d.resource,
            };
            let granted = accs
                .iter()
                .any(|a| covers(&one, a.name, a.kind, &resources[a.resource]));
            if !granted {
                out.push(DeclaredPermission {
                    name: d.name.to_string(),
                    kind,
                    resource: d.resource.to_string(),
                    tier: risk.rate(d.name, kind).tier,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.tier), &a.name).cmp(&(std::cmp::Reverse(b.tier), &b.name))
    });
    out
}

fn summarize(apps: &[TenantApp], export: &TenantExport, catalog: &Catalog) -> TenantSummary {
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
