//! The join: a service principal's `appId` is an attestation's registration GUID. Each granted
//! permission is then declared (the attestation lists it for that registration) or undeclared,
//! and each declared one that no grant covers is "not granted".

use foldhash::HashMap;

use super::Guid;
use super::model::{ConsentType, ServicePrincipal, TenantExport};
use super::reference::{graph_app_id, graph_app_role, is_microsoft_tenant};
use super::report::{
    AppClass, Consent, DeclaredPermission, GrantedPermission, TenantApp, TenantReport, summarize,
};
use crate::model::{Catalog, PermissionKind};
use crate::risk::{RiskTable, Tier};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Graphness {
    Yes,
    No,
    Unknown,
}

struct Resource<'a> {
    display: String,
    graph: Graphness,
    roles: HashMap<Guid, &'a str>,
}

/// How a resource is told apart: by object id, else by the name the export gives.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ResourceKey<'a> {
    Id(Guid),
    Name(&'a str),
    Unknown,
}

/// A permission's name as the export gives it, or an app role id no name was found for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Name<'a> {
    Text(&'a str),
    Role(Guid),
}

impl Name<'_> {
    fn text(&self) -> String {
        match self {
            Name::Text(t) => (*t).to_string(),
            Name::Role(id) => id.to_string(),
        }
    }

    fn eq_ignore_case(&self, other: &str) -> bool {
        match self {
            Name::Text(t) => t.eq_ignore_ascii_case(other),
            Name::Role(_) => false,
        }
    }
}

/// One granted permission of one app, gathered from every grant that gives it.
struct Acc<'a> {
    app: usize,
    resource: usize,
    name: Name<'a>,
    kind: PermissionKind,
    all_users: bool,
    users: usize,
    app_role_id: Option<Guid>,
}

/// One (app, resource, permission, consenting user) fact, as small numbers so that a few
/// hundred thousand of them sort quickly; `principal` is `ALL_USERS` for admin consent.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fact {
    app: u32,
    resource: u32,
    name: u32,
    kind: u8,
    principal: u32,
}

const ALL_USERS: u32 = u32::MAX;

struct Declared<'c> {
    name: &'c str,
    kind: PermissionKind,
    resource: &'c str,
}

/// Join `export` with `catalog`, rating every permission with `risk`.
pub fn join(export: &TenantExport, catalog: &Catalog, risk: &RiskTable) -> TenantReport {
    let mut j = Joiner::new(&export.service_principals);
    for g in &export.grants {
        let app = j.app(g.client_id);
        let resource = j.resource(g.resource_id, g.resource_name.as_deref());
        let principal = match g.consent {
            ConsentType::AllPrincipals => ALL_USERS,
            ConsentType::Principal => j.principal(g.principal_id.unwrap_or(Guid(0))),
        };
        j.delegated(app, resource, principal, &g.scope);
    }
    for a in &export.assignments {
        let app = j.app(a.client_id);
        let resource = j.resource(a.resource_id, a.resource_name.as_deref());
        let name = match (a.name.as_deref(), a.app_role_id) {
            (Some(name), _) => Name::Text(name),
            (None, Some(id)) => j.role_name(resource, id),
            (None, None) => Name::Text("(unknown app role)"),
        };
        let name = j.name(name, a.app_role_id);
        j.facts.push(Fact {
            app,
            resource,
            name,
            kind: APPLICATION,
            principal: ALL_USERS,
        });
    }
    j.finish(export, catalog, risk)
}

const DELEGATED: u8 = 0;
const APPLICATION: u8 = 1;

/// Catalog indices by registration GUID.
fn registration_index(catalog: &Catalog) -> HashMap<Guid, Vec<usize>> {
    let mut out: HashMap<Guid, Vec<usize>> = HashMap::default();
    let mut add = |guid: &str, app: usize| {
        if let Some(g) = Guid::parse(guid) {
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
    app_of: HashMap<Guid, u32>,
    placeholders: Vec<Guid>,
    resources: Vec<Resource<'a>>,
    resource_of: HashMap<ResourceKey<'a>, u32>,
    principals: HashMap<Guid, u32>,
    /// Permission names by number, with the app role id an assignment named.
    names: Vec<(Name<'a>, Option<Guid>)>,
    name_of: HashMap<(Name<'a>, Option<Guid>), u32>,
    /// A grant's whole `scope` string → where its names' numbers are in `scope_names`: many
    /// grants repeat one string.
    scope_of: HashMap<&'a str, (usize, usize)>,
    scope_names: Vec<u32>,
    facts: Vec<Fact>,
}

impl<'a> Joiner<'a> {
    fn new(sps: &'a [ServicePrincipal]) -> Joiner<'a> {
        Joiner {
            sps,
            app_of: sps
                .iter()
                .enumerate()
                .map(|(i, sp)| (sp.object_id, i as u32))
                .collect(),
            placeholders: Vec::new(),
            resources: Vec::new(),
            resource_of: HashMap::default(),
            principals: HashMap::default(),
            names: Vec::new(),
            name_of: HashMap::default(),
            scope_of: HashMap::default(),
            scope_names: Vec::new(),
            facts: Vec::new(),
        }
    }

    fn app(&mut self, object_id: Guid) -> u32 {
        if let Some(&i) = self.app_of.get(&object_id) {
            return i;
        }
        let i = (self.sps.len() + self.placeholders.len()) as u32;
        self.placeholders.push(object_id);
        self.app_of.insert(object_id, i);
        i
    }

    fn principal(&mut self, id: Guid) -> u32 {
        let next = self.principals.len() as u32;
        *self.principals.entry(id).or_insert(next)
    }

    fn name(&mut self, name: Name<'a>, app_role_id: Option<Guid>) -> u32 {
        let key = (name, app_role_id);
        if let Some(&n) = self.name_of.get(&key) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(key);
        self.name_of.insert(key, n);
        n
    }

    /// The facts of a delegated grant: one per name in its `scope`.
    fn delegated(&mut self, app: u32, resource: u32, principal: u32, scope: &'a str) {
        let (start, len) = match self.scope_of.get(scope) {
            Some(&range) => range,
            None => {
                let start = self.scope_names.len();
                for s in scope.split_whitespace() {
                    let n = self.name(Name::Text(s), None);
                    self.scope_names.push(n);
                }
                let range = (start, self.scope_names.len() - start);
                self.scope_of.insert(scope, range);
                range
            }
        };
        for &name in &self.scope_names[start..start + len] {
            self.facts.push(Fact {
                app,
                resource,
                name,
                kind: DELEGATED,
                principal,
            });
        }
    }

    fn sp(&self, object_id: Guid) -> Option<&'a ServicePrincipal> {
        let sps = self.sps;
        self.app_of
            .get(&object_id)
            .and_then(|&i| sps.get(i as usize))
    }

    fn resource(&mut self, id: Option<Guid>, name: Option<&'a str>) -> u32 {
        let key = match (id, name) {
            (Some(id), _) => ResourceKey::Id(id),
            (None, Some(name)) => ResourceKey::Name(name),
            (None, None) => ResourceKey::Unknown,
        };
        if let Some(&r) = self.resource_of.get(&key) {
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
                display: match (sp.display_name.as_str(), name) {
                    ("", Some(name)) => name.to_string(),
                    ("", None) => sp.object_id.to_string(),
                    (shown, _) => shown.to_string(),
                },
                graph: match sp.app_id {
                    Some(app) if app == graph_app_id() => Graphness::Yes,
                    Some(_) => Graphness::No,
                    None => name.map_or(Graphness::Unknown, by_name),
                },
                roles: sp
                    .app_roles
                    .iter()
                    .map(|(id, value)| (*id, value.as_str()))
                    .collect(),
            },
            None => Resource {
                display: match (name, id) {
                    (Some(name), _) => name.to_string(),
                    (None, Some(id)) => id.to_string(),
                    (None, None) => "unknown API".to_string(),
                },
                graph: name.map_or(Graphness::Unknown, by_name),
                roles: HashMap::default(),
            },
        };
        let r = self.resources.len() as u32;
        self.resources.push(resource);
        self.resource_of.insert(key, r);
        r
    }

    /// The name of app role `id` of `resource`: from the resource's own `appRoles`, else from
    /// Microsoft Graph's table unless the resource is known to be another API, else the id.
    fn role_name(&self, resource: u32, id: Guid) -> Name<'a> {
        let r = &self.resources[resource as usize];
        if let Some(value) = r.roles.get(&id) {
            return Name::Text(value);
        }
        if r.graph != Graphness::No
            && let Some(name) = graph_app_role(id)
        {
            return Name::Text(name);
        }
        Name::Role(id)
    }

    /// Facts sorted, then gathered: one `Acc` per app, resource, name and kind, with its
    /// distinct consenting users counted.
    fn gather(&mut self) -> Vec<Acc<'a>> {
        self.facts.sort_unstable();
        let mut accs: Vec<Acc> = Vec::new();
        let mut last: Option<Fact> = None;
        for &f in &self.facts {
            let same = last.is_some_and(|l| {
                (l.app, l.resource, l.name, l.kind) == (f.app, f.resource, f.name, f.kind)
            });
            if !same {
                let (name, app_role_id) = self.names[f.name as usize];
                accs.push(Acc {
                    app: f.app as usize,
                    resource: f.resource as usize,
                    name,
                    kind: if f.kind == DELEGATED {
                        PermissionKind::Delegated
                    } else {
                        PermissionKind::Application
                    },
                    all_users: false,
                    users: 0,
                    app_role_id,
                });
            }
            if let Some(acc) = accs.last_mut() {
                if f.principal == ALL_USERS {
                    acc.all_users = true;
                } else if last.is_none_or(|l| !same || l.principal != f.principal) {
                    acc.users += 1;
                }
            }
            last = Some(f);
        }
        accs
    }

    fn finish(
        mut self,
        export: &TenantExport,
        catalog: &Catalog,
        risk: &RiskTable,
    ) -> TenantReport {
        let registrations = registration_index(catalog);
        let accs = self.gather();
        let app_count = self.sps.len() + self.placeholders.len();
        let mut apps = Vec::with_capacity(app_count);
        // Rating a name runs its patterns; a tenant repeats a few dozen names many times.
        let mut tiers: HashMap<(Name, PermissionKind), Tier> = HashMap::default();
        let resources = &self.resources;
        let mut rest = accs.as_slice();
        for i in 0..app_count {
            let n = rest.iter().take_while(|a| a.app == i).count();
            let (mine, later) = rest.split_at(n);
            rest = later;
            let mut app = match self.sps.get(i) {
                Some(sp) => describe(sp),
                None => describe(&ServicePrincipal::new(
                    self.placeholders[i - self.sps.len()],
                )),
            };
            if let Some(found) = app.app_id.and_then(|a| registrations.get(&a)) {
                app.matched = found.clone();
            }
            let declared = declared_for(&app, catalog);
            app.granted = mine
                .iter()
                .map(|acc| {
                    let name = acc.name.text();
                    let tier = *tiers
                        .entry((acc.name, acc.kind))
                        .or_insert_with(|| risk.rate(&name, acc.kind).tier);
                    let resource = &resources[acc.resource];
                    GrantedPermission {
                        name,
                        kind: acc.kind,
                        resource: resource.display.clone(),
                        consent: match acc.kind {
                            PermissionKind::Delegated => Consent::Delegated {
                                all_users: acc.all_users,
                                users: acc.users,
                            },
                            _ => Consent::Application,
                        },
                        declared: declared
                            .iter()
                            .any(|d| covers(d, acc.name, acc.kind, resource)),
                        tier,
                        app_role_id: acc.app_role_id,
                        named: matches!(acc.name, Name::Text(_)),
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
            app.not_granted = not_granted(&declared, mine, resources, risk);
            apps.push(app);
        }
        apps.sort_by_cached_key(|x| {
            (
                x.class,
                std::cmp::Reverse(x.worst_undeclared()),
                !x.is_attested(),
                std::cmp::Reverse(x.granted.iter().map(|g| g.tier).max()),
                x.display_name.to_lowercase(),
                x.object_id,
            )
        });
        let summary = summarize(&apps, export, catalog);
        TenantReport { apps, summary }
    }
}

fn describe(sp: &ServicePrincipal) -> TenantApp {
    let first_party = sp
        .app_owner_organization_id
        .is_some_and(is_microsoft_tenant);
    let managed = sp
        .service_principal_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("ManagedIdentity"));
    TenantApp {
        object_id: sp.object_id,
        app_id: sp.app_id,
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
    let Some(app_id) = app.app_id else {
        return Vec::new();
    };
    let mut out: Vec<Declared> = Vec::new();
    for &i in &app.matched {
        for p in &catalog.apps[i].permissions {
            let same = p
                .registration
                .as_deref()
                .and_then(Guid::parse)
                .is_some_and(|r| r == app_id);
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
fn covers(d: &Declared, name: Name, kind: PermissionKind, resource: &Resource) -> bool {
    let kind_ok =
        d.kind == kind || matches!(d.kind, PermissionKind::Both | PermissionKind::Unknown);
    let resource_ok = match resource.graph {
        Graphness::Unknown => true,
        Graphness::Yes => d.resource.eq_ignore_ascii_case("Microsoft Graph"),
        Graphness::No => d.resource.eq_ignore_ascii_case(&resource.display),
    };
    kind_ok && resource_ok && name.eq_ignore_case(d.name)
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
