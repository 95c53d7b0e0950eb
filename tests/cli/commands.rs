use crate::support::cli::{fixture, run, stderr, stdout};

#[test]
fn list_prints_every_app_with_aligned_columns() {
    let o = run(&["--catalog", &fixture("small_catalog.json"), "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("ID"));
    // The PUBLISHER column starts at the same display column on every line despite CJK names.
    let col =
        |l: &str, needle: &str| attest_tui::text::display_width(&l[..l.find(needle).unwrap()]);
    assert_eq!(col(lines[0], "PUBLISHER"), col(lines[1], "Example Ltd"));
    assert_eq!(col(lines[0], "PUBLISHER"), col(lines[2], "示例公司"));
}

#[test]
fn catalog_option_is_accepted_after_the_subcommand() {
    let o = run(&[
        "list",
        "--catalog",
        &fixture("small_catalog.json"),
        "--search",
        "会议",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("会议助手"));
    assert!(!out.contains("Tiny Notes"));
}

#[test]
fn list_json_has_the_documented_fields() {
    let o = run(&[
        "--catalog",
        &fixture("small_catalog.json"),
        "list",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v[0];
    assert_eq!(first["id"], "WA100000001");
    assert_eq!(first["certification"], "attested");
    assert_eq!(first["permissions"], 2);
    assert_eq!(first["application_permissions"], 1);
    assert_eq!(
        first["registrations"][0],
        "11111111-2222-3333-4444-555555555555"
    );
    assert_eq!(v.as_array().unwrap().len(), 3);
}

#[test]
fn show_by_fuzzy_name_prints_zones_and_permissions() {
    let o = run(&["--catalog", &fixture("small_catalog.json"), "show", "tiny"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("== Compliance [compliance] =="), "{out}");
    assert!(out.contains("SOC 2? → Yes"), "{out}");
    assert!(
        out.contains("Mail.Read  application  Read mail for digests"),
        "{out}"
    );
    assert!(
        out.contains("also used by: 会议助手 (WA100000002)"),
        "{out}"
    );
}

#[test]
fn show_json_round_trips_the_app() {
    let o = run(&[
        "--catalog",
        &fixture("small_catalog.json"),
        "show",
        "WA100000001",
        "--json",
    ]);
    let app: attest_tui::model::App = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(app.name, "Tiny Notes");
    assert_eq!(app.zones.len(), 2);
}

#[test]
fn permissions_group_by_registration_across_apps() {
    let o = run(&[
        "--catalog",
        &fixture("small_catalog.json"),
        "permissions",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["apps"].as_array().unwrap().len(), 2);
    assert_eq!(v[0]["permissions"].as_array().unwrap().len(), 3);
}

#[test]
fn unknown_app_is_exit_2_with_a_hint() {
    let o = run(&["--catalog", &fixture("small_catalog.json"), "show", "zzzz"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no app matches \"zzzz\""));
}

#[test]
fn later_catalog_wins_for_a_repeated_id_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"format":1,"apps":[{"id":"bare","name":"Replaced"}]}"#,
    )
    .unwrap();
    let o = run(&[
        "--catalog",
        &fixture("small_catalog.json"),
        "--catalog",
        other.to_str().unwrap(),
        "list",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Replaced"));
    assert!(!stdout(&o).contains("Bare minimum"));
    assert!(
        stderr(&o).contains("replaces the one from"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = crate::support::cli::bin()
        .args(["--catalog", &fixture("small_catalog.json"), "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    crate::support::cli::assert_no_panic(&o);
}
