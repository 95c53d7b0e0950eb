//! Review drift with two small catalogs made here from the fixture: an app approved on the
//! first, then a second in which it asks for one more permission and answers one question
//! otherwise. Always runs (the corpus version is in tests/sync/drift.rs).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::cli::{bin, fixture, stderr, stdout};

const CHANGED: &str = "WA100000001";
const SAME: &str = "WA104380000";

fn run(data: &Path, args: &[&str]) -> Output {
    let o = bin()
        .env("ATTEST_TUI_DATA_DIR", data)
        .env_remove("ATTEST_TUI_CONFIG")
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// The fixture as it is, and with CHANGED asking for Mail.ReadWrite as an application and
/// answering "No" where it said "Yes" to encryption at rest.
fn catalogs(dir: &Path) -> (String, String) {
    let mut catalog: Value =
        serde_json::from_slice(&std::fs::read(fixture("tui_catalog.json")).unwrap()).unwrap();
    let old = dir.join("old.json");
    std::fs::write(&old, serde_json::to_vec(&catalog).unwrap()).unwrap();
    let app = catalog["apps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == CHANGED)
        .unwrap();
    let row = app["zones"][1]["blocks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["question"] == "Is customer data encrypted at rest?")
        .unwrap();
    row["answer"] = "No".into();
    row["value"] = "no".into();
    app["permissions"].as_array_mut().unwrap().push(serde_json::json!({
        "name": "Mail.ReadWrite", "kind": "application", "registration": "341e195c-b261-4b05-8ba5-dd4a89b1f3e7"
    }));
    let new = dir.join("new.json");
    std::fs::write(&new, serde_json::to_vec(&catalog).unwrap()).unwrap();
    (old.display().to_string(), new.display().to_string())
}

fn reviews(data: &Path, catalog: &str, filter: Option<&str>) -> Vec<(String, Value)> {
    let mut args = vec!["list", "--json", "--catalog", catalog];
    let filter = filter.map(|f| format!("--filter={f}"));
    args.extend(filter.as_deref());
    let list: Value = serde_json::from_slice(&run(data, &args).stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a["review"].clone()))
        .collect()
}

#[test]
fn an_app_changed_after_its_review_is_flagged_in_list_show_and_the_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (old, new) = catalogs(tmp.path());
    for id in [CHANGED, SAME] {
        run(
            &data,
            &["review", id, "--decision", "approved", "--catalog", &old],
        );
    }
    // On the catalog it was made on, nothing changed.
    let on_old = reviews(&data, &old, None);
    assert!(
        on_old
            .iter()
            .all(|(_, r)| r.is_null() || r["changed_since_review"] == false),
        "{on_old:?}"
    );

    let on_new: std::collections::BTreeMap<String, Value> =
        reviews(&data, &new, None).into_iter().collect();
    assert_eq!(on_new[CHANGED]["changed_since_review"], true);
    assert_eq!(on_new[CHANGED]["decision"], "approved");
    assert_eq!(on_new[SAME]["changed_since_review"], false);
    assert!(on_new["WA200001428"].is_null());

    let picked = reviews(&data, &new, Some("review:changed"));
    assert_eq!(picked.len(), 1);
    assert_eq!(picked[0].0, CHANGED);
    let rest = reviews(&data, &new, Some("review:approved -review:changed"));
    assert_eq!(
        rest.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        [SAME]
    );

    let show = stdout(&run(&data, &["show", CHANGED, "--catalog", &new]));
    assert!(
        show.contains(
            "decision: approved; changed since review (1 permission added, 1 answer changed)"
        ),
        "{show}"
    );
    assert!(
        show.contains("+ Mail.ReadWrite  application  critical"),
        "{show}"
    );
    assert!(
        show.contains("Is customer data encrypted at rest?: Yes → No"),
        "{show}"
    );
    let table = stdout(&run(&data, &["list", "--catalog", &new]));
    let line = table.lines().find(|l| l.starts_with(CHANGED)).unwrap();
    assert!(line.ends_with("approved Δ"), "{line}");

    // Deciding again on the new version takes it as the reviewed one.
    run(
        &data,
        &[
            "review",
            CHANGED,
            "--decision",
            "approved",
            "--catalog",
            &new,
        ],
    );
    assert!(reviews(&data, &new, Some("review:changed")).is_empty());
    // And the old catalog is now the one that differs from what was reviewed.
    assert_eq!(reviews(&data, &old, Some("review:changed")).len(), 1);
}

#[test]
fn a_decision_from_before_reviews_kept_what_they_reviewed_is_not_known_to_have_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let (_, new) = catalogs(tmp.path());
    std::fs::write(
        data.join("state.json"),
        format!(
            r#"{{"format":1,"reviews":{{"{CHANGED}":{{"decision":"blocked","note":"old","bookmark":false,"updated_ms":5}}}}}}"#
        ),
    )
    .unwrap();
    let on_new: std::collections::BTreeMap<String, Value> =
        reviews(&data, &new, None).into_iter().collect();
    assert_eq!(on_new[CHANGED]["decision"], "blocked");
    assert_eq!(on_new[CHANGED]["note"], "old");
    assert!(on_new[CHANGED]["changed_since_review"].is_null());
    assert!(reviews(&data, &new, Some("review:changed")).is_empty());
}
