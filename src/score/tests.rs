use super::*;
use crate::model::{Block, Permission, PermissionKind, Row, Zone};

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

fn app(zones: Vec<Zone>, perms: &[(&str, PermissionKind)]) -> App {
    App {
        zones,
        permissions: perms
            .iter()
            .map(|(n, k)| Permission {
                name: (*n).into(),
                kind: *k,
                ..Permission::default()
            })
            .collect(),
        ..App::default()
    }
}

#[test]
fn all_good_answers_and_no_permissions_score_ten() {
    let a = app(
        vec![zone("security", &[("Pen test?", "Yes"), ("MFA?", "是")])],
        &[],
    );
    let card = score_app(&a, RiskTable::embedded(), &ScoreConfig::default());
    assert_eq!(card.total, 10.0);
}

#[test]
fn unanswered_counts_against_only_when_configured() {
    let a = app(
        vec![zone("security", &[("Pen test?", "Yes"), ("MFA?", "")])],
        &[],
    );
    let mut cfg = ScoreConfig::default();
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 5.0);
    cfg.count_unanswered = false;
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 10.0);
}

fn keyed_zone(pivot: &str, rows: &[(&str, &str, &str)]) -> Zone {
    Zone {
        pivot: pivot.into(),
        title: Default::default(),
        blocks: rows
            .iter()
            .map(|(k, q, a)| Block::Row(Row::new(*q, *a, 0).keyed(k)))
            .collect(),
    }
}

#[test]
fn a_no_to_a_bad_practice_is_good_in_any_language() {
    let score = |answer: &str| {
        let a = app(
            vec![keyed_zone(
                "zerotrust",
                &[(
                    "zerotrust.credentials_in_code",
                    "Speichert Ihre App Anmeldeinformationen im Code?",
                    answer,
                )],
            )],
            &[],
        );
        score_app(&a, RiskTable::embedded(), &ScoreConfig::default()).total
    };
    assert_eq!(score("Nein"), 10.0);
    assert_eq!(score("Ja"), 0.0);
}

#[test]
fn informational_questions_and_lost_answers_do_not_count() {
    let a = app(
        vec![keyed_zone(
            "data",
            &[
                ("data.stores_customer_data", "Stores data?", "Yes"),
                ("data.stored_data", "What data?", ""),
                ("data.tls_1_1", "TLS 1.1?", "Yes"),
            ],
        )],
        &[],
    );
    let card = score_app(&a, RiskTable::embedded(), &ScoreConfig::default());
    let privacy = &card.categories[3];
    assert_eq!((privacy.good, privacy.bad, privacy.unanswered), (1, 0, 0));
    let mut lost = a.clone();
    let Block::Row(r) = &mut lost.zones[0].blocks[2] else {
        unreachable!()
    };
    r.value = Answer::NotCopied;
    let card = score_app(&lost, RiskTable::embedded(), &ScoreConfig::default());
    assert_eq!(card.categories[3].score, None, "nothing left to count");
    assert_eq!(card.total, 5.0);
}

#[test]
fn config_rules_by_key_and_by_text_come_first_in_their_order() {
    let a = app(
        vec![keyed_zone(
            "security",
            &[("security.pentest_annual", "Annual pen test?", "Yes")],
        )],
        &[],
    );
    let mut cfg = ScoreConfig::default();
    cfg.questions
        .push(QuestionRule::key("security.pentest_annual", -1.0));
    cfg.questions.push(QuestionRule::contains("pen test", 1.0));
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 0.0);
    cfg.questions.reverse();
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 10.0);
    cfg.questions = vec![QuestionRule::contains("PEN TEST", 0.0)];
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 5.0);
}

#[test]
fn critical_permissions_are_penalized_and_explained() {
    let a = app(
        vec![zone("security", &[("Pen test?", "Yes")])],
        &[
            ("Directory.ReadWrite.All", PermissionKind::Application),
            ("User.Read", PermissionKind::Delegated),
        ],
    );
    let cfg = ScoreConfig::default();
    let card = score_app(&a, RiskTable::embedded(), &cfg);
    assert_eq!(card.penalties.len(), 1);
    assert_eq!(card.total, 10.0 - cfg.penalties.critical);
    let text = card.explain(&cfg).join("\n");
    assert!(
        text.contains("Directory.ReadWrite.All (application, critical)"),
        "{text}"
    );
}

#[test]
fn a_permission_of_several_registrations_is_penalized_once() {
    let mut a = app(
        vec![zone("security", &[("Pen test?", "Yes")])],
        &[
            ("Calls.AccessMedia.All", PermissionKind::Application),
            ("Directory.ReadWrite.All", PermissionKind::Delegated),
            ("calls.accessmedia.all", PermissionKind::Application),
            ("Mail.Send", PermissionKind::Delegated),
        ],
    );
    a.permissions[0].registration = Some("reg-1".into());
    a.permissions[2].registration = Some("reg-2".into());
    let cfg = ScoreConfig::default();
    let card = score_app(&a, RiskTable::embedded(), &cfg);
    let names: Vec<(&str, &str, usize)> = card
        .penalties
        .iter()
        .map(|p| (p.name.as_str(), p.kind, p.listed))
        .collect();
    assert_eq!(
        names,
        [
            ("Calls.AccessMedia.All", "application", 2),
            ("Directory.ReadWrite.All", "delegated", 1),
            ("Mail.Send", "delegated", 1),
        ],
        "once per name and kind"
    );
    let expected = cfg.penalties.high + cfg.penalties.critical + cfg.penalties.high;
    assert_eq!(card.penalty, clean_sum(expected));
    assert_eq!(card.total, tenths(10.0 - expected));
    let text = card.explain(&cfg).join("\n");
    assert!(text.contains("listed 2×, counted once"), "{text}");
}

/// The numbers of an explanation's lines as printed: the base, each penalty, the
/// permissions total and the score.
fn printed(lines: &[String]) -> (f64, Vec<f64>, Option<f64>, f64) {
    let number = |l: &str, after: &str| -> f64 {
        let rest = l[after.len()..].trim_start();
        let end = rest.find(['/', ' ']).unwrap_or(rest.len());
        rest[..end].replace('−', "").parse().unwrap()
    };
    let base = lines.iter().find(|l| l.starts_with("Base")).unwrap();
    let score = lines.iter().find(|l| l.starts_with("Score")).unwrap();
    let each = lines
        .iter()
        .filter(|l| l.starts_with("  −"))
        .map(|l| number(l, "  "))
        .collect();
    let total = lines
        .iter()
        .find(|l| l.starts_with("Permissions"))
        .map(|l| number(l, "Permissions"));
    (number(base, "Base"), each, total, number(score, "Score"))
}

#[test]
fn every_explanation_adds_up_as_printed() {
    let catalog = crate::synth::synthetic_catalog(400, 9);
    let mut configs = vec![ScoreConfig::default()];
    let mut fine = ScoreConfig::default();
    fine.penalties.high = 0.25;
    fine.penalties.medium = 0.05;
    configs.push(fine);
    for cfg in &configs {
        for a in &catalog.apps {
            let card = score_app(a, RiskTable::embedded(), cfg);
            let lines = card.explain(cfg);
            let (base, each, total, score) = printed(&lines);
            let text = lines.join("\n");
            let sum = clean_sum(each.iter().sum());
            let penalty = total.unwrap_or(0.0);
            assert_eq!(total.is_some(), !each.is_empty(), "{text}");
            if sum <= cfg.penalties.cap {
                assert_eq!(penalty, sum, "{text}");
            } else {
                assert_eq!(penalty, cfg.penalties.cap, "{text}");
            }
            let exact = (base - penalty).max(0.0);
            let score_line = lines.iter().find(|l| l.starts_with("Score")).unwrap();
            assert!(
                (exact - score).abs() < 1e-9 || score_line.ends_with(", rounded)"),
                "a rounded score says so: {text}"
            );
            assert!((tenths(exact) - score).abs() < 1e-9, "{text}");
            assert_eq!(score, card.total, "{text}");
        }
    }
}

#[test]
fn the_base_is_rounded_once_and_the_score_follows_it() {
    // One good answer of three: a mean of 3.33…, printed and used as 3.3.
    let a = app(
        vec![zone(
            "security",
            &[("A?", "Yes"), ("B?", "No"), ("C?", "No")],
        )],
        &[],
    );
    let cfg = ScoreConfig::default();
    let card = score_app(&a, RiskTable::embedded(), &cfg);
    let lines = card.explain(&cfg);
    let (base, _, _, score) = printed(&lines);
    assert_eq!((base, card.base), (3.3, 3.3));
    assert_eq!(score, base, "no penalty: the score is the base as printed");
    assert!(
        lines.join("\n").contains("weighted mean 3.333, rounded"),
        "{lines:?}"
    );
}

#[test]
fn weights_shape_the_mean() {
    let a = app(
        vec![
            zone("security", &[("A?", "Yes")]),
            zone("compliance", &[("B?", "No")]),
        ],
        &[],
    );
    let mut cfg = ScoreConfig::default();
    cfg.weights.security = 3.0;
    cfg.weights.compliance = 1.0;
    assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 7.5);
}

#[test]
fn empty_app_is_neutral() {
    assert_eq!(
        score_app(
            &App::default(),
            RiskTable::embedded(),
            &ScoreConfig::default()
        )
        .total,
        5.0
    );
}

#[test]
fn parallel_totals_match_each_app_scored_alone() {
    // Enough apps for several parallel splits, each with its own weight memo.
    let catalog = crate::synth::synthetic_catalog(3000, 5);
    let mut cfg = ScoreConfig::default();
    cfg.questions
        .push(crate::score::QuestionRule::contains("SOC 2", 3.0));
    let totals = score_totals(&catalog.apps, RiskTable::embedded(), &cfg);
    assert_eq!(totals.len(), catalog.apps.len());
    for (app, total) in catalog.apps.iter().zip(&totals) {
        assert_eq!(
            *total,
            score_app(app, RiskTable::embedded(), &cfg).total,
            "{}",
            app.id
        );
    }
    assert!(totals.iter().any(|t| *t != totals[0]));
}
