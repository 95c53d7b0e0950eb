//! `attest-tui diff` on the two zh-CN snapshots, checked against counts made here from the
//! imported catalogs' JSON, without the diff code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Output;

use crate::common::{self, stderr, stdout};
use serde_json::Value;

/// The binary with `cache` as its cache directory and an empty config file there.
fn run(cache: &Path, args: &[&str]) -> Output {
    std::fs::write(cache.join("none.toml"), "").unwrap();
    let o = common::bin()
        .env("ATTEST_TUI_CACHE_DIR", cache)
        .env("ATTEST_TUI_CONFIG", cache.join("none.toml"))
        .args(args)
        .output()
        .expect("the binary runs");
    common::assert_no_panic(&o);
    o
}

type PermSet = BTreeSet<(String, String)>;

/// App id → (distinct lower-case permission name and kind, certification), from catalog JSON.
fn apps_of(catalog: &Value) -> BTreeMap<String, (PermSet, String)> {
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
                    (
                        p["name"].as_str().unwrap().trim().to_lowercase(),
                        p["kind"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            let cert = app["certification"].as_str().unwrap_or("none").to_string();
            (app["id"].as_str().unwrap().to_string(), (perms, cert))
        })
        .collect()
}

fn perm_list(v: &Value) -> PermSet {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_lowercase(),
                p["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn diff_of_the_two_zh_cn_snapshots_agrees_with_an_independent_count() {
    let (Some(old_dir), Some(new_dir)) = (
        crate::sync_support::corpus("zh-CN-2021-12"),
        crate::sync_support::corpus("zh-CN"),
    ) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let old_json = tmp.path().join("old.json");
    let new_json = tmp.path().join("new.json");
    for (dir, out) in [(&old_dir, &old_json), (&new_dir, &new_json)] {
        let o = run(
            tmp.path(),
            &["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let read = |p: &Path| -> Value { serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap() };
    let old = apps_of(&read(&old_json));
    let new = apps_of(&read(&new_json));

    let o = run(
        tmp.path(),
        &[
            "diff",
            old_json.to_str().unwrap(),
            new_json.to_str().unwrap(),
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let diff: Value = serde_json::from_slice(&o.stdout).unwrap();

    let added: BTreeSet<String> = new
        .keys()
        .filter(|k| !old.contains_key(*k))
        .cloned()
        .collect();
    let removed: BTreeSet<String> = old
        .keys()
        .filter(|k| !new.contains_key(*k))
        .cloned()
        .collect();
    assert_eq!(ids(&diff["added"]), added);
    assert_eq!(ids(&diff["removed"]), removed);
    assert!(
        !added.is_empty() && !removed.is_empty(),
        "the snapshots differ"
    );

    let changed: BTreeMap<String, &Value> = diff["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c))
        .collect();
    let mut permission_changes = 0;
    let mut certification_changes = 0;
    for (id, (new_perms, new_cert)) in &new {
        let Some((old_perms, old_cert)) = old.get(id) else {
            continue;
        };
        let gained: PermSet = new_perms.difference(old_perms).cloned().collect();
        let lost: PermSet = old_perms.difference(new_perms).cloned().collect();
        let entry = changed.get(id);
        if !gained.is_empty() || !lost.is_empty() {
            permission_changes += 1;
            let c = entry.unwrap_or_else(|| panic!("{id} changed permissions"));
            assert_eq!(perm_list(&c["permissions_added"]), gained, "{id}");
            assert_eq!(perm_list(&c["permissions_removed"]), lost, "{id}");
        } else if let Some(c) = entry {
            assert_eq!(c["permissions_added"], Value::Array(vec![]), "{id}");
            assert_eq!(c["permissions_removed"], Value::Array(vec![]), "{id}");
        }
        if old_cert != new_cert {
            certification_changes += 1;
            let c = &entry.unwrap_or_else(|| panic!("{id} changed certification"))["certification"];
            assert_eq!(
                (c["old"].as_str(), c["new"].as_str()),
                (Some(old_cert.as_str()), Some(new_cert.as_str()))
            );
        } else if let Some(c) = entry {
            assert_eq!(c["certification"], Value::Null, "{id}");
        }
    }
    assert!(permission_changes > 10, "{permission_changes}");
    let reported = changed
        .values()
        .filter(|c| {
            !c["permissions_added"].as_array().unwrap().is_empty()
                || !c["permissions_removed"].as_array().unwrap().is_empty()
        })
        .count();
    assert_eq!(reported, permission_changes);
    let reported_cert = changed
        .values()
        .filter(|c| !c["certification"].is_null())
        .count();
    assert_eq!(reported_cert, certification_changes);
    eprintln!(
        "zh-CN 2021-12 → 2022-07: {} added, {} removed, {permission_changes} with permission changes, {certification_changes} with certification changes",
        added.len(),
        removed.len()
    );

    // The text says the same.
    let o = run(
        tmp.path(),
        &[
            "diff",
            old_json.to_str().unwrap(),
            new_json.to_str().unwrap(),
        ],
    );
    let text = stdout(&o);
    assert!(
        text.starts_with(&format!(
            "{} added, {} removed, {} changed",
            added.len(),
            removed.len(),
            changed.len()
        )),
        "{}",
        text.lines().next().unwrap_or("")
    );
}

#[test]
fn a_catalog_against_itself_has_no_changes_and_a_bad_file_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let cat = common::fixture("small_catalog.json");
    let o = run(tmp.path(), &["diff", &cat, &cat]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "no changes\n");
    let o = run(tmp.path(), &["diff", &cat, &cat, "--json"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"added": [], "removed": [], "changed": []})
    );

    // A folder of pages is read as `--catalog` reads it.
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let o = run(
        tmp.path(),
        &["diff", &cat, pages.to_str().unwrap(), "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["added"], serde_json::json!(["WA200003306"]));

    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": 1, \"apps\": [{\"id\": 3}]}").unwrap();
    let o = run(tmp.path(), &["diff", &cat, bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.json:1:"), "{}", stderr(&o));
}
