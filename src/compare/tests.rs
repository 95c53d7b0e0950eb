//! Behaviour of `compare_apps` on small hand-built apps.

use super::*;
use crate::model::{App, Block, Permission, PermissionKind, Row, Zone};

fn zone(pivot: &str, rows: &[(&str, &str)]) -> Zone {
    Zone {
        pivot: pivot.into(),
        title: Default::default(),
        blocks: rows
            .iter()
            .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
            .collect(),
    }
}

fn app(language: &str, zones: Vec<Zone>) -> App {
    App {
        id: "WA1".into(),
        name: "App".into(),
        language: language.into(),
        zones,
        ..App::default()
    }
}

/// (question, a answer, b answer, status) of each row of the zone with this pivot.
fn rows_of(c: &Comparison, pivot: &str) -> Vec<(String, Option<String>, Option<String>, Status)> {
    let z = c.zones.iter().find(|z| z.pivot == pivot).expect("zone");
    z.rows
        .iter()
        .map(|r| {
            (
                r.question().to_string(),
                r.a.as_ref().map(|c| c.answer.clone()),
                r.b.as_ref().map(|c| c.answer.clone()),
                r.status,
            )
        })
        .collect()
}

fn statuses(c: &Comparison, pivot: &str) -> Vec<Status> {
    rows_of(c, pivot).into_iter().map(|r| r.3).collect()
}

#[test]
fn same_question_same_answer_is_same() {
    let a = app(
        "zh-CN",
        vec![zone("data", &[("应用是否存储客户数据？", "是")])],
    );
    let b = app(
        "zh-CN",
        vec![zone("data", &[("应用是否存储客户数据？", "是")])],
    );
    let c = compare_apps(&a, &b);
    assert_eq!(statuses(&c, "data"), vec![Status::Same]);
    assert_eq!(c.zones[0].rows[0].presence, Presence::Both);
    assert_eq!(c.zones[0].aligned_by, AlignedBy::Question);
    assert!(c.languages_match && !c.aligned_by_position());
}

#[test]
fn yes_in_two_spellings_is_same_but_yes_and_no_differ() {
    let a = app("", vec![zone("data", &[("Q1", "Yes"), ("Q2", "Yes")])]);
    let b = app("", vec![zone("data", &[("Q1", "**yes**"), ("Q2", "No")])]);
    let c = compare_apps(&a, &b);
    assert_eq!(statuses(&c, "data"), vec![Status::Same, Status::Different]);
}

#[test]
fn free_text_is_same_only_when_it_reads_the_same() {
    let a = app(
        "",
        vec![zone("general", &[("Cloud", "Azure."), ("Host", "Azure")])],
    );
    let b = app(
        "",
        vec![zone("general", &[("Cloud", " azure "), ("Host", "AWS")])],
    );
    let c = compare_apps(&a, &b);
    assert_eq!(
        statuses(&c, "general"),
        vec![Status::Same, Status::Different]
    );
}

#[test]
fn reordered_questions_still_pair() {
    let a = app(
        "en-US",
        vec![zone(
            "security",
            &[("Q1", "Yes"), ("Q2", "No"), ("Q3", "Yes")],
        )],
    );
    let b = app(
        "en-US",
        vec![zone(
            "security",
            &[("Q3", "Yes"), ("Q1", "Yes"), ("Q2", "No")],
        )],
    );
    let c = compare_apps(&a, &b);
    let rows = rows_of(&c, "security");
    assert_eq!(rows.len(), 3, "three pairs, no one-sided rows");
    assert!(rows.iter().all(|r| r.3 == Status::Same));
    let order: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(order, vec!["Q1", "Q2", "Q3"], "A's order is kept");
}

#[test]
fn fullwidth_and_halfwidth_punctuation_pair() {
    let a = app(
        "zh-CN",
        vec![zone(
            "compliance",
            &[("该应用是否已获得云安全联盟（CSA Star）认证？", "否")],
        )],
    );
    let b = app(
        "zh-CN",
        vec![zone(
            "compliance",
            &[("该应用是否已获得云安全联盟 (CSA Star) 认证?", "是")],
        )],
    );
    let c = compare_apps(&a, &b);
    let z = &c.zones[0];
    assert_eq!(z.rows.len(), 1);
    assert_eq!(z.rows[0].presence, Presence::Both);
    assert_eq!(z.rows[0].status, Status::Different);
    assert!(z.rows[0].same_question());
    assert_eq!(z.aligned_by, AlignedBy::Question);
}

#[test]
fn zone_only_one_app_has_is_not_provided_on_the_other() {
    let a = app("", vec![zone("general", &[("Name", "X")])]);
    let b = app(
        "",
        vec![
            zone("general", &[("Name", "X")]),
            zone("zerotrust", &[("SSO?", "Yes")]),
        ],
    );
    let c = compare_apps(&a, &b);
    let pivots: Vec<&str> = c.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(pivots, vec!["general", "zerotrust"]);
    let z = &c.zones[1];
    assert!(!z.a_present && z.b_present);
    assert_eq!(
        z.title, "Identity (Zero Trust)",
        "English title when the page gives none"
    );
    assert_eq!(z.rows[0].status, Status::OnlyB);
    assert_eq!(z.rows[0].presence, Presence::BOnly);
    assert!(z.rows[0].a.is_none());
}

#[test]
fn zone_order_is_a_then_b_extras() {
    let a = app("", vec![zone("security", &[]), zone("general", &[])]);
    let b = app(
        "",
        vec![
            zone("data", &[]),
            zone("general", &[]),
            zone("privsection", &[]),
        ],
    );
    let c = compare_apps(&a, &b);
    let pivots: Vec<&str> = c.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(pivots, vec!["security", "general", "data", "privsection"]);
    assert!(c.zones[0].a_present && !c.zones[0].b_present);
    assert!(c.zones[1].a_present && c.zones[1].b_present);
}

#[test]
fn row_only_one_app_has_stands_near_its_place() {
    let a = app("", vec![zone("data", &[("Q1", "Yes"), ("Q3", "Yes")])]);
    let b = app(
        "",
        vec![zone("data", &[("Q1", "Yes"), ("Q2", "No"), ("Q3", "Yes")])],
    );
    let c = compare_apps(&a, &b);
    let rows = rows_of(&c, "data");
    assert_eq!(rows[1].0, "Q2", "B's extra row sits between its neighbours");
    assert_eq!(rows[1].1, None);
    assert_eq!(rows[1].3, Status::OnlyB);
    assert_eq!(c.zones[0].rows[1].presence, Presence::BOnly);
}

#[test]
fn answered_on_one_side_only_is_told_apart_from_a_missing_row() {
    let a = app(
        "",
        vec![zone("data", &[("Stores data?", "Yes"), ("Extra", "Yes")])],
    );
    let b = app("", vec![zone("data", &[("Stores data?", "")])]);
    let c = compare_apps(&a, &b);
    let rows = &c.zones[0].rows;
    assert_eq!(rows[0].status, Status::OnlyA);
    assert_eq!(
        rows[0].presence,
        Presence::Both,
        "B has the row, unanswered"
    );
    assert_eq!(rows[1].status, Status::OnlyA);
    assert_eq!(rows[1].presence, Presence::AOnly, "B lacks the row");
    let counts = c.zones[0].counts;
    assert_eq!((counts.only_a, counts.same, counts.different), (2, 0, 0));
}

#[test]
fn unanswered_on_both_sides_is_same() {
    let a = app("", vec![zone("data", &[("Q", "")])]);
    let b = app("", vec![zone("data", &[("Q", "-")])]);
    assert_eq!(statuses(&compare_apps(&a, &b), "data"), vec![Status::Same]);
}

#[test]
fn different_languages_pair_by_position_and_say_so() {
    let a = app(
        "zh-CN",
        vec![zone(
            "data",
            &[("应用是否存储数据？", "是"), ("数据是否加密？", "否")],
        )],
    );
    let b = app(
        "en-US",
        vec![zone(
            "data",
            &[
                ("Does the app store data?", "Yes"),
                ("Is data encrypted?", "Yes"),
                ("Extra", "No"),
            ],
        )],
    );
    let c = compare_apps(&a, &b);
    assert!(!c.languages_match);
    assert!(c.aligned_by_position());
    let z = &c.zones[0];
    assert_eq!(z.aligned_by, AlignedBy::Position);
    assert_eq!(z.fallback, Some(Fallback::LanguagesDiffer));
    assert_eq!(
        statuses(&c, "data"),
        vec![Status::Same, Status::Different, Status::OnlyB]
    );
    assert_eq!(z.rows[1].b.as_ref().unwrap().question, "Is data encrypted?");
    assert!(
        !z.rows[0].same_question(),
        "each side keeps its own wording"
    );
}

#[test]
fn keyed_rows_pair_by_question_across_languages_and_wordings() {
    let keyed = |rows: &[(&str, &str, &str)]| Zone {
        pivot: "compliance".into(),
        title: Default::default(),
        blocks: rows
            .iter()
            .map(|(k, q, a)| Block::Row(Row::new(*q, *a, 0).keyed(k)))
            .collect(),
    };
    // The German page left out SOC 1; the Japanese one asks it.
    let a = app(
        "de-DE",
        vec![keyed(&[
            ("compliance.hipaa", "Entspricht die App HIPAA?", "Ja"),
            ("compliance.soc2", "Entspricht die App SOC 2?", "Nein"),
        ])],
    );
    let b = app(
        "ja-JP",
        vec![keyed(&[
            (
                "compliance.hipaa",
                "アプリは HIPAA に準拠していますか?",
                "はい",
            ),
            (
                "compliance.soc1",
                "アプリは SOC 1 に準拠していますか?",
                "はい",
            ),
            (
                "compliance.soc2",
                "アプリは SOC 2 に準拠していますか?",
                "はい",
            ),
        ])],
    );
    let c = compare_apps(&a, &b);
    let z = c.zones.iter().find(|z| z.pivot == "compliance").unwrap();
    assert_eq!(z.aligned_by, AlignedBy::Question, "no position fallback");
    assert_eq!(
        statuses(&c, "compliance"),
        [Status::Same, Status::OnlyB, Status::Different]
    );
}

#[test]
fn same_language_without_common_questions_falls_back_per_zone() {
    let a = app(
        "en-US",
        vec![
            zone("general", &[("Name", "X")]),
            zone("data", &[("Old wording", "Yes")]),
        ],
    );
    let b = app(
        "en-us",
        vec![
            zone("general", &[("Name", "X")]),
            zone("data", &[("New wording", "No")]),
        ],
    );
    let c = compare_apps(&a, &b);
    assert!(c.languages_match, "tags compare without case");
    assert_eq!(c.zones[0].aligned_by, AlignedBy::Question);
    assert_eq!(c.zones[1].fallback, Some(Fallback::NoCommonQuestions));
    assert_eq!(statuses(&c, "data"), vec![Status::Different]);
}

#[test]
fn duplicate_questions_pair_in_order() {
    let a = app(
        "",
        vec![zone(
            "data",
            &[("Dup", "first A"), ("Other", "Yes"), ("Dup", "second A")],
        )],
    );
    let b = app(
        "",
        vec![zone("data", &[("Dup", "first A"), ("Dup", "second B")])],
    );
    let c = compare_apps(&a, &b);
    let rows = rows_of(&c, "data");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].1.as_deref(), Some("first A"));
    assert_eq!(rows[0].2.as_deref(), Some("first A"));
    assert_eq!(rows[0].3, Status::Same);
    assert_eq!(rows[2].1.as_deref(), Some("second A"));
    assert_eq!(rows[2].2.as_deref(), Some("second B"));
    assert_eq!(rows[2].3, Status::Different);
}

#[test]
fn nested_controls_pair_within_their_section() {
    let cert = |sections: &[(&str, &str)]| Zone {
        pivot: "certification".into(),
        title: Default::default(),
        blocks: sections
            .iter()
            .flat_map(|(section, answer)| {
                [
                    Block::Row(Row::new(*section, "Pass", 0)),
                    Block::Row(Row::new("Penetration testing", *answer, 1)),
                ]
            })
            .collect(),
    };
    let a = app(
        "",
        vec![cert(&[
            ("App security", "In scope"),
            ("Ops security", "Out of scope"),
        ])],
    );
    let b = app("", vec![cert(&[("Ops security", "Out of scope")])]);
    let c = compare_apps(&a, &b);
    let rows = &c.zones[0].rows;
    // A's first section and its control stand alone; B's control pairs with A's second one.
    assert_eq!(rows[1].presence, Presence::AOnly);
    assert_eq!(rows[3].presence, Presence::Both);
    assert_eq!(rows[3].status, Status::Same);
    assert_eq!(rows[3].level(), 1);
}

#[test]
fn headers_carry_counts() {
    let mut a = app("zh-CN", vec![zone("data", &[("Q1", ""), ("Q2", "是")])]);
    a.publisher = "POPP Communications".into();
    a.permissions = vec![
        Permission {
            name: "User.Read".into(),
            kind: PermissionKind::Delegated,
            registration: Some("r1".into()),
            ..Permission::default()
        },
        Permission {
            name: "Mail.Read".into(),
            kind: PermissionKind::Application,
            registration: Some("r1".into()),
            ..Permission::default()
        },
    ];
    let c = compare_apps(&a, &app("", vec![]));
    assert_eq!(c.a.publisher, "POPP Communications");
    assert_eq!(c.a.permission_count, 2);
    assert_eq!(c.a.application_permission_count, 1);
    assert_eq!(c.a.unanswered_count, 1);
    assert_eq!(c.a.registrations, vec!["r1"]);
    assert_eq!(c.b.permission_count, 0);
}

#[test]
fn only_differences_drops_same_rows_and_shared_permissions() {
    let perm = |name: &str| Permission {
        name: name.into(),
        kind: PermissionKind::Delegated,
        ..Permission::default()
    };
    let mut a = app(
        "",
        vec![
            zone("general", &[("Name", "X")]),
            zone("data", &[("Q1", "Yes"), ("Q2", "Yes")]),
            zone("security", &[]),
        ],
    );
    a.permissions = vec![perm("User.Read"), perm("Mail.Read")];
    let mut b = app(
        "",
        vec![
            zone("general", &[("Name", "X")]),
            zone("data", &[("Q1", "Yes"), ("Q2", "No")]),
        ],
    );
    b.permissions = vec![perm("User.Read")];
    let full = compare_apps(&a, &b);
    let diff = full.only_differences();
    assert!(diff.only_differences && !full.only_differences);
    let pivots: Vec<&str> = diff.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(
        pivots,
        vec!["data", "security"],
        "all-same zones go; a zone B lacks stays even with no rows"
    );
    assert_eq!(statuses(&diff, "data"), vec![Status::Different]);
    assert_eq!(
        diff.zones[0].counts.same, 1,
        "counts describe the whole zone"
    );
    assert!(diff.permissions.both.is_empty());
    assert_eq!(diff.permissions.only_a.len(), 1);
    assert_eq!(diff.difference_count(), full.difference_count());
}

#[test]
fn next_and_previous_difference_skip_same_rows() {
    let a = app(
        "",
        vec![zone(
            "data",
            &[("Q1", "Yes"), ("Q2", "Yes"), ("Q3", "Yes"), ("Q4", "No")],
        )],
    );
    let b = app(
        "",
        vec![zone(
            "data",
            &[("Q1", "No"), ("Q2", "Yes"), ("Q3", "Yes"), ("Q4", "Yes")],
        )],
    );
    let z = &compare_apps(&a, &b).zones[0];
    assert_eq!(z.next_difference(None), Some(0));
    assert_eq!(z.next_difference(Some(0)), Some(3));
    assert_eq!(z.next_difference(Some(3)), None);
    assert_eq!(z.previous_difference(None), Some(3));
    assert_eq!(z.previous_difference(Some(3)), Some(0));
    assert_eq!(z.previous_difference(Some(0)), None);
}
