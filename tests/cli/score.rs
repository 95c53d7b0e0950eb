//! `score` counts each permission once per app (name and kind), however many registrations ask
//! for it, and its explanation adds up exactly as printed; option values may start with `-`.

use attest_tui::model::{App, Catalog, PermissionKind};

use crate::support::apps::{REG_A, REG_SHARED, permission, zone};
use crate::support::cli::{run, stderr, stdout};

/// Two registrations asking for the same application permissions, as Contact Center's do.
fn two_registrations() -> App {
    let both = |name: &str| {
        [
            permission(name, PermissionKind::Application, REG_A),
            permission(name, PermissionKind::Application, REG_SHARED),
        ]
    };
    App {
        id: "WA900000001".into(),
        name: "Two Registrations".into(),
        zones: vec![zone(
            "security",
            "Security",
            &[("A?", "Yes"), ("B?", "No"), ("C?", "No")],
        )],
        permissions: [
            both("Calls.AccessMedia.All"),
            both("OnlineMeetings.ReadWrite.All"),
        ]
        .concat()
        .into_iter()
        .chain([permission("Mail.Send", PermissionKind::Delegated, REG_A)])
        .collect(),
        ..App::default()
    }
}

fn catalog_file(dir: &tempfile::TempDir) -> String {
    let mut quiet = two_registrations();
    quiet.id = "WA900000002".into();
    quiet.name = "No Graph".into();
    quiet.permissions.clear();
    let catalog = Catalog {
        apps: vec![two_registrations(), quiet],
        ..Catalog::default()
    };
    let path = dir.path().join("score.json");
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();
    path.display().to_string()
}

/// The first number after `label` on the line that starts with it (`−` dropped).
fn number_after(line: &str, label: &str) -> f64 {
    let rest = line[label.len()..].trim_start().replace('−', "");
    let end = rest.find(['/', ' ']).unwrap_or(rest.len());
    rest[..end]
        .parse()
        .unwrap_or_else(|e| panic!("{line:?}: {e}"))
}

#[test]
fn a_permission_of_two_registrations_is_one_penalty_and_the_sum_is_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let o = run(&["--catalog", &catalog, "score", "WA900000001"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let penalties: Vec<&str> = out.lines().filter(|l| l.starts_with("  −")).collect();
    assert_eq!(penalties.len(), 3, "{out}");
    assert_eq!(
        out.matches("Calls.AccessMedia.All").count(),
        1,
        "penalized once: {out}"
    );
    assert!(penalties[0].contains("listed 2×, counted once"), "{out}");
    let line = |label: &str| out.lines().find(|l| l.starts_with(label)).unwrap();
    let base = number_after(line("Base"), "Base");
    let each: Vec<f64> = penalties.iter().map(|l| number_after(l, "")).collect();
    let permissions = number_after(line("Permissions"), "Permissions");
    let score = number_after(line("Score"), "Score");
    // Three high-tier penalties of 0.4 (the defaults): 1.2, printed as the sum of those lines.
    assert_eq!(each, [0.4, 0.4, 0.4], "{out}");
    assert!(
        (each.iter().sum::<f64>() - permissions).abs() < 1e-9,
        "{out}"
    );
    assert_eq!(base, 3.3, "one good answer of three, rounded once: {out}");
    assert!((base - permissions - score).abs() < 1e-9, "{out}");
    assert!(out.contains(&format!("score {score:.1}/10")), "{out}");
    assert!(line("Score").contains("= 3.3 − 1.2"), "{out}");
}

#[test]
fn the_list_shows_the_same_score_as_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let o = run(&["--catalog", &catalog, "list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["score"], 2.1);
}

#[test]
fn a_filter_that_starts_with_a_dash_is_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    for args in [
        ["--filter", "-perm:Calls.*"],
        ["--filter=-perm:Calls.*", "--reverse"],
    ] {
        let mut all = vec!["--catalog", catalog.as_str(), "list", "--format", "ids"];
        all.extend(args);
        let o = run(&all);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "WA900000002\n", "{args:?}");
    }
    let o = run(&[
        "--catalog",
        &catalog,
        "list",
        "--search",
        "-x",
        "--format",
        "ids",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}
