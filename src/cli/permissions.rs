use std::fmt::Write;

use serde::Serialize;

use super::Failure;
use super::args::PermissionsArgs;
use crate::model::{App, Catalog, Permission};
use crate::query::find_app;
use crate::text::{SafeText, sanitize};

/// One registration group in `permissions --json`.
#[derive(Debug, Serialize)]
pub struct Group<'a> {
    /// Lower-case GUID, or null for permissions listed without one.
    pub registration: Option<&'a str>,
    /// Ids of the catalog apps that hold permissions through this registration.
    pub apps: Vec<&'a str>,
    pub permissions: Vec<GroupPermission<'a>>,
}

#[derive(Debug, Serialize)]
pub struct GroupPermission<'a> {
    pub app: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub justification: &'a str,
    pub resource: &'a str,
}

pub fn run(catalog: &Catalog, args: &PermissionsArgs) -> Result<SafeText, Failure> {
    let apps: Vec<&App> = match &args.app {
        Some(q) => vec![find_app(catalog, q).map_err(Failure::bad_input)?],
        None => catalog.apps.iter().collect(),
    };
    let groups = group(&apps);
    if args.json {
        return super::json_out(&groups);
    }
    let mut out = String::new();
    for g in &groups {
        render_group(&mut out, g, catalog, apps.len() == 1);
    }
    Ok(SafeText::from_string(out))
}

/// Permissions of the given apps grouped by registration, groups in first-seen order.
pub fn group<'a>(apps: &[&'a App]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for app in apps {
        for p in &app.permissions {
            let reg = p.registration.as_deref();
            let i = match groups.iter().position(|g| g.registration == reg) {
                Some(i) => i,
                None => {
                    groups.push(Group {
                        registration: reg,
                        apps: Vec::new(),
                        permissions: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let g = &mut groups[i];
            if !g.apps.contains(&app.id.as_str()) {
                g.apps.push(&app.id);
            }
            g.permissions.push(entry(app, p));
        }
    }
    groups
}

fn entry<'a>(app: &'a App, p: &'a Permission) -> GroupPermission<'a> {
    GroupPermission {
        app: &app.id,
        name: &p.name,
        kind: p.kind.as_str(),
        justification: &p.justification,
        resource: &p.resource,
    }
}

/// The permission groups of one app, as `show` prints them.
pub fn render_app(app: &App, catalog: Option<&Catalog>) -> String {
    let mut out = String::new();
    for g in group(&[app]) {
        match catalog {
            Some(c) => render_group(&mut out, &g, c, true),
            None => render_group_body(&mut out, &g, false),
        }
    }
    out
}

fn render_group(out: &mut String, g: &Group, catalog: &Catalog, single_app: bool) {
    render_group_body(out, g, !single_app);
    if single_app && let Some(reg) = g.registration {
        let others: Vec<String> = catalog
            .apps
            .iter()
            .filter(|a| !g.apps.contains(&a.id.as_str()))
            .filter(|a| {
                a.permissions
                    .iter()
                    .any(|p| p.registration.as_deref() == Some(reg))
            })
            .map(|a| format!("{} ({})", sanitize(&a.name), a.id))
            .collect();
        if !others.is_empty() {
            let _ = writeln!(out, "    also used by: {}", others.join(", "));
        }
    }
}

fn render_group_body(out: &mut String, g: &Group, with_app: bool) {
    let app_perms = g
        .permissions
        .iter()
        .filter(|p| p.kind == "application" || p.kind == "both")
        .count();
    let _ = writeln!(
        out,
        "{} — {}, {} application",
        g.registration.unwrap_or("(no registration)"),
        plural(g.permissions.len(), "permission"),
        app_perms
    );
    let name_w = g
        .permissions
        .iter()
        .map(|p| p.name.len())
        .max()
        .unwrap_or(0)
        .min(40);
    for p in &g.permissions {
        let app = if with_app {
            format!("[{}] ", p.app)
        } else {
            String::new()
        };
        let line = format!(
            "  {app}{:<name_w$}  {:<11}  {}",
            sanitize(p.name),
            p.kind,
            sanitize(p.justification)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
