use crate::support::cli::{bin, fixture, stderr, stdout};

fn review(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    bin()
        .env("ATTEST_TUI_DATA_DIR", data)
        .args(["--catalog", &fixture("small_catalog.json"), "review"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn decision_and_note_are_saved_and_shown_in_list_and_show() {
    let data = tempfile::tempdir().unwrap();
    let o = review(
        data.path(),
        &[
            "tiny",
            "--decision",
            "blocked",
            "--note",
            "needs Mail.Read",
            "--bookmark",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("decision: blocked; bookmarked; note: needs Mail.Read"));

    let list = bin()
        .env("ATTEST_TUI_DATA_DIR", data.path())
        .args([
            "--catalog",
            &fixture("small_catalog.json"),
            "list",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(v[0]["review"]["decision"], "blocked");
    assert_eq!(v[0]["review"]["bookmark"], true);
    assert!(v[1]["review"].is_null());

    let show = bin()
        .env("ATTEST_TUI_DATA_DIR", data.path())
        .args([
            "--catalog",
            &fixture("small_catalog.json"),
            "show",
            "WA100000001",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(v["review"]["note"], "needs Mail.Read");
    assert_eq!(v["name"], "Tiny Notes");
}

#[test]
fn clearing_a_decision_with_none() {
    let data = tempfile::tempdir().unwrap();
    review(data.path(), &["tiny", "--decision", "approved"]);
    let o = review(data.path(), &["tiny", "--decision", "none", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["decision"].is_null());
}

#[test]
fn bad_decision_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let o = review(data.path(), &["tiny", "--decision", "maybe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("expected approved, blocked, needs-review or none"));
}

#[test]
fn corrupt_state_is_moved_aside_with_a_warning() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("state.json"),
        "{\"format\": 1, \"reviews\": {",
    )
    .unwrap();
    let o = review(data.path(), &["tiny", "--note", "fresh start"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("was corrupt"), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
}
