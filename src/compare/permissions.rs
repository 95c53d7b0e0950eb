//! Graph permissions of two apps compared as sets of (name, kind).
//!
//! A page often lists one permission several times (once per app registration), so each side
//! is reduced to distinct (name, kind) pairs first. Names compare without case: Graph scope
//! names are case-insensitive, and pages write `User.Read` and `user.read` alike.

use std::collections::BTreeMap;

use super::types::{PermissionComparison, PermissionEntry};
use crate::model::{App, PermissionKind};

type Key = (String, PermissionKind);

pub fn compare_permissions(a: &App, b: &App) -> PermissionComparison {
    let set_a = distinct(a);
    let set_b = distinct(b);
    let mut out = PermissionComparison::default();
    for (key, name) in &set_a {
        if set_b.contains_key(key) {
            out.both.push(entry(name, key.1, Vec::new()));
        } else {
            out.only_a
                .push(entry(name, key.1, kinds_of(&set_b, &key.0)));
        }
    }
    for (key, name) in &set_b {
        if !set_a.contains_key(key) {
            out.only_b
                .push(entry(name, key.1, kinds_of(&set_a, &key.0)));
        }
    }
    out.registrations_a = a.registration_ids().into_iter().map(String::from).collect();
    out.registrations_b = b.registration_ids().into_iter().map(String::from).collect();
    out.registrations_shared = out
        .registrations_a
        .iter()
        .filter(|r| out.registrations_b.contains(r))
        .cloned()
        .collect();
    out
}

/// Distinct (lower-case name, kind) pairs, sorted by name then kind, with the first spelling
/// seen for display.
fn distinct(app: &App) -> BTreeMap<Key, String> {
    let mut set = BTreeMap::new();
    for p in &app.permissions {
        let name = p.name.trim();
        set.entry((name.to_lowercase(), p.kind))
            .or_insert_with(|| name.to_string());
    }
    set
}

fn kinds_of(set: &BTreeMap<Key, String>, lower_name: &str) -> Vec<PermissionKind> {
    set.keys()
        .filter(|(n, _)| n == lower_name)
        .map(|(_, k)| *k)
        .collect()
}

fn entry(name: &str, kind: PermissionKind, other_kinds: Vec<PermissionKind>) -> PermissionEntry {
    PermissionEntry {
        name: name.to_string(),
        kind,
        application: kind.is_application(),
        other_kinds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Permission;

    fn app(perms: &[(&str, PermissionKind, &str)]) -> App {
        App {
            permissions: perms
                .iter()
                .map(|(name, kind, reg)| Permission {
                    name: name.to_string(),
                    kind: *kind,
                    registration: (!reg.is_empty()).then(|| reg.to_string()),
                    ..Permission::default()
                })
                .collect(),
            ..App::default()
        }
    }

    fn names(list: &[PermissionEntry]) -> Vec<(&str, PermissionKind)> {
        list.iter().map(|e| (e.name.as_str(), e.kind)).collect()
    }

    use PermissionKind::{Application, Delegated};

    #[test]
    fn sets_split_into_only_a_only_b_and_both() {
        let a = app(&[
            ("User.Read", Delegated, "r1"),
            ("Mail.Read", Application, "r1"),
        ]);
        let b = app(&[
            ("User.Read", Delegated, "r2"),
            ("Files.Read", Delegated, "r2"),
        ]);
        let c = compare_permissions(&a, &b);
        assert_eq!(names(&c.both), vec![("User.Read", Delegated)]);
        assert_eq!(names(&c.only_a), vec![("Mail.Read", Application)]);
        assert_eq!(names(&c.only_b), vec![("Files.Read", Delegated)]);
        assert!(
            c.only_a[0].application,
            "application permissions are flagged"
        );
        assert!(!c.only_b[0].application);
    }

    #[test]
    fn same_name_with_another_kind_is_on_both_one_sided_lists() {
        let a = app(&[("Mail.Read", Delegated, "")]);
        let b = app(&[("mail.read", Application, "")]);
        let c = compare_permissions(&a, &b);
        assert!(c.both.is_empty());
        assert_eq!(names(&c.only_a), vec![("Mail.Read", Delegated)]);
        assert_eq!(names(&c.only_b), vec![("mail.read", Application)]);
        assert_eq!(c.only_a[0].other_kinds, vec![Application]);
        assert_eq!(c.only_b[0].other_kinds, vec![Delegated]);
    }

    #[test]
    fn repeated_rows_and_name_case_collapse() {
        let a = app(&[
            ("User.Read", Delegated, "r1"),
            ("user.read", Delegated, "r2"),
        ]);
        let b = app(&[("USER.READ", Delegated, "r2")]);
        let c = compare_permissions(&a, &b);
        assert_eq!(names(&c.both), vec![("User.Read", Delegated)]);
        assert!(c.only_a.is_empty() && c.only_b.is_empty());
    }

    #[test]
    fn registrations_are_listed_per_side_and_shared() {
        let a = app(&[
            ("User.Read", Delegated, "r1"),
            ("Mail.Read", Delegated, "r2"),
        ]);
        let b = app(&[("User.Read", Delegated, "r2")]);
        let c = compare_permissions(&a, &b);
        assert_eq!(c.registrations_a, vec!["r1", "r2"]);
        assert_eq!(c.registrations_b, vec!["r2"]);
        assert_eq!(c.registrations_shared, vec!["r2"]);
    }
}
