use super::*;
use crate::model::{Links, Updated};

fn page(source: &str, date: &str, zone_title: &str) -> App {
    App {
        id: "WA1".into(),
        name: "Add-in".into(),
        sources: vec![source.into()],
        updated: Updated {
            date: (!date.is_empty()).then(|| date.into()),
            raw: date.into(),
        },
        clients: vec![source.split('/').next().unwrap().into()],
        zones: vec![Zone {
            pivot: "general".into(),
            title: zone_title.into(),
            blocks: vec![],
        }],
        ..App::default()
    }
}

fn zone(pivot: &str, rows: &[(&str, &str, &str)]) -> Zone {
    Zone {
        pivot: pivot.into(),
        title: Default::default(),
        blocks: rows
            .iter()
            .map(|(k, q, a)| Block::Row(Row::new(*q, *a, 0).keyed(k)))
            .collect(),
    }
}

fn keys(z: &Zone) -> Vec<&str> {
    z.rows()
        .map(|r| r.key.map_or("-", |k| k.as_str()))
        .collect()
}

#[test]
fn host_pages_of_one_app_merge_and_the_newest_wins_a_conflict() {
    let mut word = page("word/addin.md", "2022-01-05", "Old");
    word.links = Links {
        website: Some("https://w".into()),
        ..Links::default()
    };
    let excel = page("excel/addin.md", "2022-03-01", "New");
    let other = App {
        id: "WA0".into(),
        sources: vec!["teams/x.md".into()],
        ..App::default()
    };
    let (apps, conflicts) = merge_apps(vec![word, other, excel], &[]);
    assert_eq!(apps.len(), 2);
    assert_eq!(apps[0].id, "WA0", "sorted by id");
    let merged = &apps[1];
    assert_eq!(merged.sources, ["excel/addin.md", "word/addin.md"]);
    assert_eq!(merged.zones[0].title, "New");
    assert_eq!(merged.updated.date.as_deref(), Some("2022-03-01"));
    assert_eq!(merged.clients, ["excel", "word"]);
    assert_eq!(merged.links.website.as_deref(), Some("https://w"));
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].kept, "excel/addin.md");
    assert_eq!(conflicts[0].others, ["word/addin.md"]);
    assert_eq!(conflicts[0].fields, ["updated", "zones"]);
}

#[test]
fn identical_pages_merge_without_a_conflict() {
    let a = page("word/a.md", "2022-01-05", "T");
    let b = page("excel/a.md", "2022-01-05", "T");
    let (apps, conflicts) = merge_apps(vec![a, b], &[]);
    assert_eq!(apps.len(), 1);
    assert!(conflicts.is_empty());
}

#[test]
fn zones_only_an_older_page_has_are_kept_and_sourced() {
    // The newer page lost its security zone; the older one still has it.
    let mut new = page("teams/new.md", "2022-06-01", "G");
    new.zones = vec![
        zone("general", &[("general.app_name", "Name", "X")]),
        zone(
            "data",
            &[("data.processes_customer_data", "Processes?", "Yes")],
        ),
    ];
    let mut old = page("teams/old.md", "2021-01-01", "G");
    old.zones = vec![
        zone("general", &[("general.app_name", "Name", "Old X")]),
        zone(
            "security",
            &[
                ("security.pentest_annual", "Pen test?", "Yes"),
                ("security.firewall", "Firewall?", "No"),
            ],
        ),
        zone(
            "data",
            &[
                ("data.processes_customer_data", "Processes?", "No"),
                ("data.stores_customer_data", "Stores?", "Yes"),
            ],
        ),
    ];
    let (apps, _) = merge_apps(vec![old, new], &[]);
    let app = &apps[0];
    let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(pivots, ["general", "security", "data"]);
    assert_eq!(
        app.zones[0].rows().next().unwrap().answer,
        "X",
        "the newest page's answer wins"
    );
    assert_eq!(
        keys(&app.zones[2]),
        ["data.processes_customer_data", "data.stores_customer_data"]
    );
    assert_eq!(app.zones[2].rows().next().unwrap().answer, "Yes");
    assert_eq!(app.rows().count(), 5, "no row of either page is lost");
    let sources = |pivot: &str| {
        app.zone_sources
            .iter()
            .find(|z| z.pivot == pivot)
            .map(|z| z.sources.clone())
            .unwrap_or_default()
    };
    assert_eq!(sources("general"), ["teams/new.md"]);
    assert_eq!(sources("security"), ["teams/old.md"]);
    assert_eq!(sources("data"), ["teams/new.md", "teams/old.md"]);
}

#[test]
fn of_pages_updated_the_same_day_the_richer_one_wins() {
    let mut poor = page("teams/a-missing.md", "2021-08-05", "G");
    poor.zones = vec![zone("general", &[("general.app_name", "Name", "Poor")])];
    let mut rich = page("teams/b.md", "2021-08-05", "G");
    rich.zones = vec![zone(
        "general",
        &[
            ("general.app_name", "Name", "Rich"),
            ("general.id", "ID", "WA1"),
        ],
    )];
    let (apps, conflicts) = merge_apps(vec![poor, rich], &[]);
    assert_eq!(apps[0].zones[0].rows().next().unwrap().answer, "Rich");
    assert_eq!(conflicts[0].kept, "teams/b.md");
}

#[test]
fn unkeyed_rows_merge_by_their_question_text() {
    let mut a = page("teams/a.md", "2022-01-01", "G");
    a.zones = vec![Zone {
        pivot: "mcas".into(),
        title: Default::default(),
        blocks: vec![Block::Row(Row::new("Old question?", "Yes", 0))],
    }];
    let mut b = page("teams/b.md", "2021-01-01", "G");
    b.zones = vec![Zone {
        pivot: "mcas".into(),
        title: Default::default(),
        blocks: vec![
            Block::Row(Row::new("Old question ?", "No", 0)),
            Block::Row(Row::new("Another?", "No", 0)),
        ],
    }];
    let (apps, _) = merge_apps(vec![a, b], &[]);
    let answers: Vec<&str> = apps[0].rows().map(|r| r.answer.as_str()).collect();
    assert_eq!(answers, ["Yes", "No"]);
}

#[test]
fn pages_in_several_languages_are_one_app_with_translations() {
    let mut de = page("teams/a.md", "2022-01-01", "Allgemein");
    de.language = "de-DE".into();
    de.name = "Anwendung".into();
    let mut ja = page("teams/a.md", "2022-01-01", "一般");
    ja.language = "ja-JP".into();
    ja.name = "アプリ".into();
    let mut zh = page("teams/a.md", "2022-01-01", "常规");
    zh.language = "zh-CN".into();
    let order = ["zh-CN".to_string(), "de-DE".to_string()];
    let (apps, conflicts) = merge_apps(vec![de, ja, zh], &order);
    assert_eq!(apps.len(), 1);
    assert!(conflicts.is_empty(), "languages are not conflicts");
    let app = &apps[0];
    assert_eq!(
        app.language, "zh-CN",
        "the first language imported is primary"
    );
    let langs: Vec<&str> = app
        .translations
        .iter()
        .map(|t| t.language.as_str())
        .collect();
    assert_eq!(langs, ["de-DE", "ja-JP"]);
    assert_eq!(app.translations[0].name, "Anwendung");
    assert_eq!(app.translations[1].zones[0].title, "一般");
}

#[test]
fn registrations_join_pages_and_permission_uses() {
    let page = Registration {
        id: "g1".into(),
        apps: vec!["WA9".into()],
        app_names: vec!["Nine".into()],
        status: Some("已完成".into()),
        source: Some("azure/g1.md".into()),
    };
    let regs = collect_registrations(vec![page], [("g2", "WA2"), ("g1", "WA1"), ("g1", "WA1")]);
    assert_eq!(regs.len(), 2);
    assert_eq!(regs[0].id, "g1");
    assert_eq!(regs[0].apps, ["WA1", "WA9"]);
    assert_eq!(regs[0].status.as_deref(), Some("已完成"));
    assert_eq!(regs[1].apps, ["WA2"]);
    assert_eq!(regs[1].source, None);
}
