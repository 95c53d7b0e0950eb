//! The JSON form of a comparison keeps its documented shape.

use std::collections::BTreeSet;

use crate::support::apps::{REG_A, REG_SHARED, contact_center, popp};
use attest_tui::compare::{compare_apps, to_json, to_json_string};
use serde_json::Value;

fn json() -> Value {
    to_json(&compare_apps(&popp(), &contact_center()))
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(words: &[&'a str]) -> BTreeSet<&'a str> {
    words.iter().copied().collect()
}

#[test]
fn top_level_and_header_keys() {
    let v = json();
    assert!(keys(&v).is_superset(&set(&["a", "b", "zones", "permissions"])));
    assert_eq!(v["languages_match"], true);
    assert_eq!(v["aligned_by_position"], false);
    for side in ["a", "b"] {
        assert_eq!(
            keys(&v[side]),
            set(&[
                "id",
                "name",
                "publisher",
                "certification",
                "language",
                "updated",
                "updated_raw",
                "permissions",
                "application_permissions",
                "unanswered",
                "registrations",
            ])
        );
    }
    assert_eq!(v["a"]["name"], "POPP 云 VoIP 连接器");
    assert_eq!(v["a"]["certification"], "attested");
    assert_eq!(v["a"]["updated"], "2021-09-20");
    assert_eq!(v["a"]["permissions"], 3);
    assert_eq!(v["a"]["application_permissions"], 1);
    assert_eq!(v["b"]["unanswered"], 1);
}

#[test]
fn zones_rows_and_statuses() {
    let v = json();
    let zones = v["zones"].as_array().expect("zones array");
    let pivots: Vec<&str> = zones.iter().map(|z| z["pivot"].as_str().unwrap()).collect();
    assert_eq!(pivots, vec!["general", "data", "compliance", "zerotrust"]);
    for z in zones {
        assert!(keys(z).is_superset(&set(&["pivot", "rows"])));
        for row in z["rows"].as_array().unwrap() {
            assert!(
                keys(row).is_superset(&set(&["question", "a", "b", "status"])),
                "{row}"
            );
            let status = row["status"].as_str().unwrap();
            assert!(
                ["same", "different", "only_a", "only_b"].contains(&status),
                "{status}"
            );
        }
    }
    let general = &zones[0]["rows"];
    assert_eq!(general[0]["question"], "应用名称");
    assert_eq!(general[0]["a"], "POPP 云 VoIP 连接器");
    assert_eq!(general[0]["b"], "联系人中心");
    assert_eq!(general[0]["status"], "different");
    // B's extra row: the answer is null on A's side, which lacks the row.
    assert_eq!(general[1]["status"], "only_b");
    assert_eq!(general[1]["a"], Value::Null);
    assert_eq!(general[1]["presence"], "b_only");
    // Answered by A, unanswered by B: both have the row.
    assert_eq!(general[4]["status"], "only_a");
    assert_eq!(general[4]["b"], "");
    assert_eq!(general[4]["presence"], "both");
    assert_eq!(general[4]["b_value"], "unanswered");

    assert_eq!(zones[0]["counts"]["different"], 1);
    assert_eq!(zones[2]["a_present"], true);
    assert_eq!(zones[2]["b_present"], false);
    assert_eq!(zones[3]["a_present"], false);
    assert_eq!(zones[1]["aligned_by"], "question");
    assert_eq!(zones[1]["fallback"], Value::Null);
}

#[test]
fn permissions_as_three_lists_and_registrations() {
    let v = json();
    let p = &v["permissions"];
    assert!(keys(p).is_superset(&set(&["only_a", "only_b", "both"])));
    let names = |list: &Value| -> Vec<(String, String)> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_string(),
                    e["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let pair = |n: &str, k: &str| (n.to_string(), k.to_string());
    assert_eq!(names(&p["only_a"]), vec![pair("Mail.Read", "application")]);
    assert_eq!(
        names(&p["only_b"]),
        vec![
            pair("Mail.Read", "delegated"),
            pair("Presence.Read.All", "application")
        ]
    );
    assert_eq!(
        names(&p["both"]),
        vec![
            pair("Calendars.Read", "delegated"),
            pair("User.Read", "delegated")
        ]
    );
    assert_eq!(p["only_a"][0]["application"], true);
    assert_eq!(p["only_a"][0]["other_kinds"][0], "delegated");
    assert_eq!(p["both"][0]["application"], false);
    assert_eq!(p["registrations"]["a"][0], REG_A);
    assert_eq!(p["registrations"]["shared"][0], REG_SHARED);
}

#[test]
fn positional_fallback_is_flagged() {
    let mut b = contact_center();
    b.language = "en-US".into();
    let v = to_json(&compare_apps(&popp(), &b));
    assert_eq!(v["languages_match"], false);
    assert_eq!(v["aligned_by_position"], true);
    assert_eq!(v["zones"][0]["aligned_by"], "position");
    assert_eq!(v["zones"][0]["fallback"], "languages_differ");
}

#[test]
fn string_form_parses_back_to_the_same_value() {
    let c = compare_apps(&popp(), &contact_center());
    let s = to_json_string(&c);
    assert!(s.ends_with('\n'));
    let parsed: Value = serde_json::from_str(&s).expect("valid JSON");
    assert_eq!(parsed, to_json(&c));
}

#[test]
fn only_differences_json_has_no_same_rows() {
    let c = compare_apps(&popp(), &contact_center()).only_differences();
    let v = to_json(&c);
    assert_eq!(v["only_differences"], true);
    for z in v["zones"].as_array().unwrap() {
        for row in z["rows"].as_array().unwrap() {
            assert_ne!(row["status"], "same");
        }
    }
    assert_eq!(v["permissions"]["both"].as_array().unwrap().len(), 0);
}
