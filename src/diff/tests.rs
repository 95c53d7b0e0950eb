use super::*;
use crate::model::{Block, Permission, Row, Zone};

fn perm(name: &str, kind: PermissionKind, registration: &str) -> Permission {
    Permission {
        name: name.into(),
        kind,
        registration: Some(registration.into()),
        ..Permission::default()
    }
}

fn app(id: &str, name: &str, perms: Vec<Permission>) -> App {
    App {
        id: id.into(),
        name: name.into(),
        permissions: perms,
        zones: vec![Zone {
            pivot: "security".into(),
            title: "".into(),
            blocks: vec![Block::Row(Row::new("MFA?", "Yes", 0))],
        }],
        ..App::default()
    }
}

fn risk() -> &'static RiskTable {
    RiskTable::embedded()
}

#[test]
fn permissions_compare_as_name_and_kind_sets() {
    use PermissionKind::*;
    let old = app(
        "a",
        "A",
        vec![
            perm("User.Read", Delegated, "r1"),
            perm("User.Read", Delegated, "r2"),
            perm("Mail.Read", Delegated, "r1"),
            perm("Files.Read.All", Delegated, "r1"),
        ],
    );
    let new = app(
        "a",
        "A",
        vec![
            // Listed under another registration and in another case: the same permission.
            perm("user.read", Delegated, "r3"),
            perm("Mail.Read", Application, "r1"),
            perm("Mail.ReadWrite", Application, "r1"),
        ],
    );
    let c = diff_apps(&old, &new, risk());
    let names = |ps: &[PermissionChange]| -> Vec<(String, PermissionKind)> {
        ps.iter().map(|p| (p.name.clone(), p.kind)).collect()
    };
    let mut added = names(&c.permissions_added);
    added.sort();
    assert_eq!(
        added,
        [
            ("Mail.Read".to_string(), Application),
            ("Mail.ReadWrite".to_string(), Application)
        ]
    );
    let mut removed = names(&c.permissions_removed);
    removed.sort();
    assert_eq!(
        removed,
        [
            ("Files.Read.All".to_string(), Delegated),
            ("Mail.Read".to_string(), Delegated)
        ]
    );
    for p in c.permissions_added.iter().chain(&c.permissions_removed) {
        assert_eq!(p.tier, risk().rate(&p.name, p.kind).tier, "{p:?}");
    }
    assert!(
        c.permissions_added
            .windows(2)
            .all(|w| w[0].tier >= w[1].tier),
        "worst first: {:?}",
        c.permissions_added
    );
    assert!(c.answers_changed.is_empty());
    assert_eq!(c.certification, None);
}

#[test]
fn an_app_with_nothing_reviewable_changed_is_not_changed() {
    let old = app(
        "a",
        "A",
        vec![perm("User.Read", PermissionKind::Delegated, "r")],
    );
    let mut new = old.clone();
    new.updated.raw = "2024-01-01".into();
    new.sources = vec!["teams/other.md".into()];
    assert!(diff_apps(&old, &new, risk()).is_empty());
    new.certification = Certification::Certified;
    let c = diff_apps(&old, &new, risk());
    assert_eq!(
        c.certification,
        Some((Certification::None, Certification::Certified))
    );
}

#[test]
fn catalogs_pair_apps_by_id() {
    use PermissionKind::*;
    let cat = |apps: Vec<App>| Catalog {
        apps,
        ..Catalog::default()
    };
    let old = cat(vec![
        app("gone", "Gone", vec![]),
        app("same", "Same", vec![]),
        app("quiet", "Quiet", vec![perm("User.Read", Delegated, "r")]),
        app("loud", "Loud", vec![]),
    ]);
    let new = cat(vec![
        app("new-b", "B new", vec![]),
        app("same", "Same", vec![]),
        app("quiet", "Quiet", vec![]),
        app(
            "loud",
            "Loud",
            vec![perm("Directory.ReadWrite.All", Application, "r")],
        ),
        app("new-a", "A new", vec![]),
    ]);
    let d = diff_catalogs(&old, &new, risk());
    let ids = |v: &[AppRef]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&d.added), ["new-a", "new-b"]);
    assert_eq!(ids(&d.removed), ["gone"]);
    let changed: Vec<&str> = d.changed.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(changed, ["loud", "quiet"], "the critical gain comes first");
    let json = to_json(&d);
    assert_eq!(json["added"], serde_json::json!(["new-a", "new-b"]));
    assert_eq!(
        json["changed"][0]["permissions_added"][0]["kind"],
        "application"
    );
    assert_eq!(
        json["changed"][0]["permissions_added"][0]["tier"],
        "critical"
    );
    assert_eq!(json["changed"][0]["certification"], serde_json::Value::Null);
    assert_eq!(
        json["changed"][1]["permissions_removed"][0]["name"],
        "User.Read"
    );
    let text = render_text(&d);
    assert!(
        text.starts_with(
            "2 added, 1 removed, 2 changed (1 gained permissions, 1 of them critical or high)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  ~ loud  Loud\n      + Directory.ReadWrite.All  application  critical\n"),
        "{text}"
    );
}

#[test]
fn text_output_is_safe_for_a_terminal() {
    let old = Catalog::default();
    let new = Catalog {
        apps: vec![app("x\u{1b}[2J", "evil\u{202e}name\u{7}", vec![])],
        ..Catalog::default()
    };
    let text = render_text(&diff_catalogs(&old, &new, risk()));
    assert!(
        !text
            .chars()
            .any(|c| crate::text::is_unsafe_char(c) && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("x[2J  evilname"), "{text:?}");
}
