//! `attest-tui tenant`: which apps the tenant granted what, against what their publishers attest.

use std::fmt::Write;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::table::TextTable;
use super::{Failure, json_out};
use crate::model::{Catalog, Certification, PermissionKind};
use crate::risk::Tier;
use crate::tenant::{AppClass, Consent, Guid, TenantApp, TenantIndex, TenantSummary};
use crate::text::{SafeText, sanitize};
use crate::workspace::Workspace;

pub const NO_TENANT_HINT: &str = "pass --tenant PATH (an export file or a folder of them; repeatable) or set tenant = [\"…\"] in config.toml";

#[derive(Debug, Args)]
pub struct TenantArgs {
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with code 3 when an app holds an undeclared grant at or above this tier.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    /// Any undeclared grant, whatever its tier.
    Any,
}

impl FailOn {
    fn holds(self, tier: Tier) -> bool {
        match self {
            FailOn::Critical => tier >= Tier::Critical,
            FailOn::High => tier >= Tier::High,
            FailOn::Any => true,
        }
    }

    fn label(self) -> &'static str {
        match self {
            FailOn::Critical => "critical",
            FailOn::High => "high",
            FailOn::Any => "any",
        }
    }
}

pub fn run(ws: &Workspace, args: &TenantArgs) -> Result<SafeText, Failure> {
    let Some(tenant) = &ws.tenant else {
        return Err(Failure::bad_input(format!(
            "no tenant export: {NO_TENANT_HINT}"
        )));
    };
    let catalog = &ws.loaded.catalog;
    let output = if args.json {
        json_out(&entries(tenant, catalog))?
    } else {
        SafeText::from_string(report(tenant, catalog))
    };
    if let Some(level) = args.fail_on {
        let failing = tenant
            .third_party()
            .filter(|a| a.undeclared().any(|g| level.holds(g.tier)))
            .count();
        if failing > 0 {
            return Err(Failure::findings(
                output,
                format!(
                    "{failing} app(s) hold undeclared grants at or above --fail-on {}",
                    level.label()
                ),
            ));
        }
    }
    Ok(output)
}

/// One app in `tenant --json`: the documented, stable shape.
#[derive(Debug, Serialize)]
pub struct TenantEntry<'a> {
    pub app_id: Option<Guid>,
    pub object_id: Guid,
    pub display_name: &'a str,
    pub publisher: &'a str,
    pub enabled: Option<bool>,
    /// Catalog ids of the matching attestations.
    pub matched: Vec<&'a str>,
    pub granted: Vec<GrantedEntry<'a>>,
    pub not_granted: Vec<NotGrantedEntry<'a>>,
}

#[derive(Debug, Serialize)]
pub struct GrantedEntry<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub resource: &'a str,
    /// `all_users`, `users` (consented user by user) or `application`.
    pub consent: &'static str,
    /// Users who consented one by one (delegated only).
    pub users: Option<usize>,
    pub declared: bool,
    pub tier: &'static str,
    pub app_role_id: Option<Guid>,
}

#[derive(Debug, Serialize)]
pub struct NotGrantedEntry<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub tier: &'static str,
}

/// Third-party apps, worst first (Microsoft's own apps and managed identities are counted in the
/// text report, not listed).
pub fn entries<'a>(tenant: &'a TenantIndex, catalog: &'a Catalog) -> Vec<TenantEntry<'a>> {
    tenant
        .third_party()
        .map(|a| TenantEntry {
            app_id: a.app_id,
            object_id: a.object_id,
            display_name: &a.display_name,
            publisher: &a.publisher,
            enabled: a.enabled,
            matched: a
                .matched
                .iter()
                .map(|&i| catalog.apps[i].id.as_str())
                .collect(),
            granted: a
                .granted
                .iter()
                .map(|g| {
                    let (consent, users) = match g.consent {
                        Consent::Delegated { all_users, users } => {
                            (if all_users { "all_users" } else { "users" }, Some(users))
                        }
                        Consent::Application => ("application", None),
                    };
                    GrantedEntry {
                        name: &g.name,
                        kind: g.kind.as_str(),
                        resource: &g.resource,
                        consent,
                        users,
                        declared: g.declared,
                        tier: g.tier.as_str(),
                        app_role_id: g.app_role_id,
                    }
                })
                .collect(),
            not_granted: a
                .not_granted
                .iter()
                .map(|d| NotGrantedEntry {
                    name: &d.name,
                    kind: d.kind.as_str(),
                    tier: d.tier.as_str(),
                })
                .collect(),
        })
        .collect()
}

fn report(tenant: &TenantIndex, catalog: &Catalog) -> String {
    let mut out = summary_text(&tenant.report.summary);
    let mut quiet = 0usize;
    for app in tenant.third_party() {
        if app.granted.is_empty() && !app.is_attested() {
            quiet += 1;
            continue;
        }
        out.push('\n');
        out.push_str(&app_text(app, catalog));
    }
    if quiet > 0 {
        let _ = writeln!(
            out,
            "\n{quiet} more service principal(s) with no grants and no attestation (listed by --json)"
        );
    }
    out
}

fn summary_text(s: &TenantSummary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = format!(
        "Tenant export: {} · {}\n",
        plural(s.files, "file", "files"),
        plural(
            s.service_principals,
            "service principal",
            "service principals"
        ),
    );
    let _ = writeln!(
        out,
        "Apps: {} · attested {} (certified {}) · no attestation {}",
        s.apps, s.attested, s.certified, s.no_attestation
    );
    let _ = writeln!(
        out,
        "Counted apart: {} · {}",
        plural(
            s.first_party,
            "Microsoft first-party app",
            "Microsoft first-party apps"
        ),
        plural(
            s.managed_identities,
            "managed identity",
            "managed identities"
        ),
    );
    let _ = writeln!(
        out,
        "Undeclared grants: critical in {} ({} attested) · high in {} ({} attested)",
        plural(s.undeclared_critical, "app", "apps"),
        s.undeclared_critical_attested,
        plural(s.undeclared_high, "app", "apps"),
        s.undeclared_high_attested,
    );
    out
}

fn app_text(app: &TenantApp, catalog: &Catalog) -> String {
    let name = if app.display_name.is_empty() {
        "(unnamed service principal)"
    } else {
        &app.display_name
    };
    let mut head = sanitize(name).into_owned();
    if !app.publisher.is_empty() {
        let _ = write!(head, " · {}", sanitize(&app.publisher));
    }
    let matched: Vec<String> = app
        .matched
        .iter()
        .map(|&i| {
            let a = &catalog.apps[i];
            let cert = match a.certification {
                Certification::Certified => "certified",
                Certification::Attested => "attested",
                Certification::None => "no certification",
            };
            format!("{} ({cert})", sanitize(&a.id))
        })
        .collect();
    let _ = write!(
        head,
        " · {}",
        if matched.is_empty() {
            "no attestation".to_string()
        } else {
            matched.join(", ")
        }
    );
    let mut out = format!("{head}\n");
    // Two lines, so that they fit 80 columns: both ids are what the admin acts on.
    let _ = write!(
        out,
        "  app id {}",
        app.app_id.map_or("unknown".to_string(), |g| g.to_string())
    );
    if app.enabled == Some(false) {
        out.push_str(" · disabled");
    }
    if app.class != AppClass::ThirdParty {
        out.push_str(" · Microsoft");
    }
    let _ = writeln!(out, "\n  object {}", app.object_id);
    // The API column only when some permission is on another API than Microsoft Graph.
    let other_api = |r: &str| (!r.eq_ignore_ascii_case("Microsoft Graph")).then(|| r.to_string());
    let show_api = app
        .granted
        .iter()
        .map(|g| g.resource.as_str())
        .chain(app.not_granted.iter().map(|d| d.resource.as_str()))
        .any(|r| other_api(r).is_some());
    let mut headers = vec!["  FINDING", "TIER", "PERMISSION", "KIND", "CONSENT"];
    if show_api {
        headers.push("API");
    }
    let mut table = TextTable::new(&headers, &[13, 8, 40, 11, 14, 20]);
    for g in &app.granted {
        let consent = g.consent.to_string();
        let mut row = vec![
            format!("  {}", if g.declared { "declared" } else { "UNDECLARED" }),
            g.tier.as_str().to_string(),
            g.name.clone(),
            kind_label(g.kind).to_string(),
            consent,
        ];
        if show_api {
            row.push(other_api(&g.resource).unwrap_or_default());
        }
        table.push(row);
    }
    for d in &app.not_granted {
        let mut row = vec![
            "  not granted".to_string(),
            d.tier.as_str().to_string(),
            d.name.clone(),
            kind_label(d.kind).to_string(),
            String::new(),
        ];
        if show_api {
            row.push(other_api(&d.resource).unwrap_or_default());
        }
        table.push(row);
    }
    if app.granted.is_empty() && app.not_granted.is_empty() {
        out.push_str("  nothing granted\n");
    } else {
        out.push_str(&table.render());
    }
    if app.granted.iter().any(|g| !g.named) {
        out.push_str(
            "  (a GUID: an app role the export does not name, nor Microsoft Graph's table)\n",
        );
    }
    out
}

fn kind_label(kind: PermissionKind) -> &'static str {
    match kind {
        PermissionKind::Delegated => "delegated",
        PermissionKind::Application => "application",
        PermissionKind::Both => "both",
        PermissionKind::Unknown => "unknown kind",
    }
}
