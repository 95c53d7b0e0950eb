use crate::support::cli::{fixture, run, stderr, stdout};

fn cat() -> String {
    fixture("small_catalog.json")
}

#[test]
fn filter_combines_permission_and_kind_on_one_permission() {
    let o = run(&[
        "--catalog",
        &cat(),
        "list",
        "--json",
        "--filter",
        "perm:User.Read kind:application",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        0,
        "User.Read is only delegated"
    );
    let o = run(&[
        "--catalog",
        &cat(),
        "list",
        "--json",
        "--filter",
        "perm:Mail.Read kind:application",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["id"], "WA100000001");
    assert_eq!(v[0]["risk"]["highest"], "high");
}

#[test]
fn bad_filter_points_at_the_term_and_exits_2() {
    let o = run(&[
        "--catalog",
        &cat(),
        "list",
        "--filter",
        "teams risk:extreme",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    // The bad value is named and underlined, and the valid tiers are listed.
    assert!(err.contains("column 12"), "{err}");
    assert!(err.contains("`extreme` is not a risk tier"), "{err}");
    assert!(
        err.contains("expected critical, high, medium, low"),
        "{err}"
    );
    assert!(err.contains("\n             ^^^^^^^\n"), "{err}");
}

#[test]
fn sort_by_score_puts_the_lowest_first() {
    let o = run(&["--catalog", &cat(), "list", "--json", "--sort", "score"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let scores: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
}

#[test]
fn score_explains_its_parts() {
    let o = run(&["--catalog", &cat(), "score", "tiny"]);
    let out = stdout(&o);
    assert!(out.contains("score 9.6/10"), "{out}");
    assert!(out.contains("Mail.Read (application, high)"), "{out}");
}

#[test]
fn csv_export_opens_in_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("apps.csv");
    let o = run(&[
        "--catalog",
        &cat(),
        "export",
        "--format",
        "csv",
        "--filter",
        "score:<9.5",
        "--excel",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("with --excel, a BOM so Excel reads UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    assert!(rows.iter().any(|r| &r[1] == "会议助手"));
}

#[test]
fn compare_json_has_the_documented_shape() {
    let o = run(&[
        "--catalog",
        &cat(),
        "compare",
        "tiny",
        "会议",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"]["name"], "Tiny Notes");
    assert_eq!(v["b"]["name"], "会议助手");
    assert_eq!(v["permissions"]["both"][0]["name"], "User.Read");
    assert_eq!(v["permissions"]["only_a"][0]["name"], "Mail.Read");
    assert_eq!(v["zones"][0]["rows"][0]["status"], "only_a");
}

#[test]
fn completions_are_generated() {
    let o = run(&["completions", "bash"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("attest-tui"));
}

#[test]
fn config_path_names_every_file() {
    let o = run(&["config", "path"]);
    let out = stdout(&o);
    for label in ["config:", "data:", "reviews:", "cache:"] {
        assert!(out.contains(label), "{out}");
    }
}

#[test]
fn bad_config_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "theme = \"dark\"\n[score]\ncount_unanswered = \"maybe\"\n",
    )
    .unwrap();
    let o = run(&[
        "--config",
        cfg.to_str().unwrap(),
        "--catalog",
        &cat(),
        "list",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("config.toml:3:20"), "{}", stderr(&o));
}

#[test]
fn compare_the_two_seed_apps_in_every_format() {
    // No --catalog: the embedded seed catalog.
    let json = run(&["compare", "landis", "popp", "--format", "json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["a"]["name"], "联系人中心");
    assert_eq!(v["b"]["name"], "POPP 云 VoIP 连接器");
    let zones = v["zones"].as_array().unwrap();
    assert!(
        zones.iter().any(|z| z["pivot"] == "certification"),
        "Landis is certified"
    );
    let statuses: std::collections::BTreeSet<&str> = zones
        .iter()
        .flat_map(|z| z["rows"].as_array().unwrap())
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains("same") && statuses.contains("different"),
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| ["same", "different", "only_a", "only_b"].contains(s))
    );
    assert_eq!(v["permissions"]["only_b"].as_array().unwrap().len(), 4);

    let text = run(&["compare", "landis", "popp", "--width", "80"]);
    let out = stdout(&text);
    assert!(out.contains("联系人中心") && out.contains("POPP 云 VoIP 连接器"));
    for line in out.lines() {
        assert_eq!(attest_tui::text::display_width(line), 80, "{line:?}");
    }

    let md = stdout(&run(&[
        "compare",
        "landis",
        "popp",
        "--format",
        "markdown",
        "--only-diff",
    ]));
    assert!(md.contains("| "), "{md}");
    assert!(md.contains("联系人中心"), "{md}");
}

#[test]
fn name_sort_follows_collation_not_byte_order() {
    let names = ["Zoom", "Übersicht", "umfrage", "Apps", "évent", "Excel"];
    let apps = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut app = crate::support::apps::popp();
            app.id = format!("WA10000000{i}");
            app.name = name.to_string();
            app
        })
        .collect();
    let catalog = attest_tui::model::Catalog {
        apps,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.json");
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();
    for lang in ["de-DE", "fr-FR"] {
        let args = ["--catalog", path.to_str().unwrap(), "--lang", lang];
        let o = run(&[&args[..], &["list", "--json", "--sort", "name"]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let got: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        // Byte order would put "Übersicht", "évent" and "umfrage" after "Zoom".
        assert_eq!(
            got,
            ["Apps", "évent", "Excel", "Übersicht", "umfrage", "Zoom"],
            "{lang}"
        );
    }
}
