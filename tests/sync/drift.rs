//! Review drift on the two zh-CN snapshots: every app approved on the 2021-12 catalog, then the
//! 2022-07 one loaded. The apps flagged "changed since review" are those `diff` calls changed,
//! and include every app whose permission set or certification changed by a count made here
//! from the catalogs' JSON.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Output;

use attest_tui::model::Catalog;
use attest_tui::review::{Decision, ReviewStore};
use serde_json::Value;

use crate::common::{self, stderr};

fn run(tmp: &Path, args: &[&str]) -> Output {
    std::fs::write(tmp.join("none.toml"), "").unwrap();
    let o = common::bin()
        .env("ATTEST_TUI_CACHE_DIR", tmp)
        .env("ATTEST_TUI_CONFIG", tmp.join("none.toml"))
        .env("ATTEST_TUI_DATA_DIR", tmp.join("data"))
        .args(args)
        .output()
        .expect("the binary runs");
    common::assert_no_panic(&o);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// App id → (distinct lower-case (name, kind) permissions, certification), from catalog JSON.
fn facts(catalog: &Value) -> BTreeMap<String, (BTreeSet<(String, String)>, String)> {
    catalog["apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|app| {
            let perms = app["permissions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let name = p["name"].as_str().unwrap().trim().to_lowercase();
                    (name, p["kind"].as_str().unwrap().to_string())
                })
                .collect();
            let cert = app["certification"].as_str().unwrap_or("none").to_string();
            (app["id"].as_str().unwrap().to_string(), (perms, cert))
        })
        .collect()
}

#[test]
fn apps_approved_on_the_old_snapshot_are_flagged_where_the_new_one_changed_them() {
    let (Some(old_dir), Some(new_dir)) = (
        crate::sync_support::corpus("zh-CN-2021-12"),
        crate::sync_support::corpus("zh-CN"),
    ) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (old_json, new_json) = (tmp.path().join("old.json"), tmp.path().join("new.json"));
    for (dir, out) in [(&old_dir, &old_json), (&new_dir, &new_json)] {
        let (dir, out) = (dir.to_str().unwrap(), out.to_str().unwrap());
        run(tmp.path(), &["import", dir, "-o", out]);
    }
    let read = |p: &Path| -> Value { serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap() };
    let (old_value, new_value) = (read(&old_json), read(&new_json));

    // Approve every app of the old catalog, as the CLI's `review --decision` records it.
    let old: Catalog = serde_json::from_value(old_value.clone()).unwrap();
    let (mut store, _) = ReviewStore::open(&tmp.path().join("data"));
    for app in &old.apps {
        store.update(&app.id, |r| r.decide(Some(Decision::Approved), app));
    }
    store.save().unwrap();

    let new_json = new_json.to_str().unwrap();
    let list: Value =
        serde_json::from_slice(&run(tmp.path(), &["list", "--json", "--catalog", new_json]).stdout)
            .unwrap();
    let mut flagged = BTreeSet::new();
    for app in list.as_array().unwrap() {
        let id = app["id"].as_str().unwrap().to_string();
        let review = &app["review"];
        if old.app(&id).is_none() {
            assert!(review.is_null(), "{id} is new: no review");
            continue;
        }
        assert_eq!(review["decision"], "approved", "{id}");
        match review["changed_since_review"].as_bool() {
            Some(true) => {
                flagged.insert(id);
            }
            Some(false) => {}
            None => panic!("{id}: a decision with what it was made on is never unknown"),
        }
    }

    let diff: Value = serde_json::from_slice(
        &run(
            tmp.path(),
            &["diff", old_json.to_str().unwrap(), new_json, "--json"],
        )
        .stdout,
    )
    .unwrap();
    let changed: BTreeSet<String> = diff["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        flagged, changed,
        "flagged apps are the apps diff calls changed"
    );

    let (before, after) = (facts(&old_value), facts(&new_value));
    let by_facts: BTreeSet<&String> = after
        .iter()
        .filter(|(id, now)| before.get(*id).is_some_and(|then| then != *now))
        .map(|(id, _)| id)
        .collect();
    assert!(by_facts.len() > 10, "{}", by_facts.len());
    for id in &by_facts {
        assert!(
            flagged.contains(*id),
            "{id}: permissions or certification changed"
        );
    }
    let unchanged = after.keys().filter(|id| before.contains_key(*id)).count() - flagged.len();
    assert!(unchanged > 0, "some approved apps did not change");

    // The filter term picks the same apps.
    let picked: Value = serde_json::from_slice(
        &run(
            tmp.path(),
            &[
                "list",
                "--json",
                "--catalog",
                new_json,
                "--filter=review:changed",
            ],
        )
        .stdout,
    )
    .unwrap();
    let picked: BTreeSet<String> = picked
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(picked, flagged);
    eprintln!(
        "zh-CN 2021-12 → 2022-07: {} of {} approved apps changed since review ({} in permissions or certification), {unchanged} unchanged",
        flagged.len(),
        old.apps.len(),
        by_facts.len()
    );
}
