//! `attest-tui tenant` and the tenant filter terms, through the real binary, on the embedded
//! catalog and the exports in tests/fixtures/tenant/.

use crate::support::cli::{fixture, run, stderr, stdout};

fn tenant(rel: &str) -> String {
    fixture(&format!("tenant/{rel}"))
}

/// An export of POPP's service principal with the given delegated scopes (one user's consent).
fn popp_with(scopes: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.json"),
        format!(
            r#"[
              {{"id": "9f1c0e52-7a11-4a3c-9d10-000000000020", "appId": "b8e57f6b-31cf-468e-9e99-81f0395cb1f9", "displayName": "POPP"}},
              {{"clientId": "9f1c0e52-7a11-4a3c-9d10-000000000020", "consentType": "Principal",
                "principalId": "aaaaaaaa-0000-4000-8000-000000000001",
                "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "scope": "{scopes}"}}
            ]"#
        ),
    )
    .unwrap();
    dir
}

#[test]
fn the_report_summarizes_and_lists_findings_worst_first() {
    let o = run(&["tenant", "--tenant", &tenant("graph")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Tenant export: 5 files · 7 service principals\n"),
        "{out}"
    );
    assert!(
        out.contains("Apps: 4 · attested 3 (certified 2) · no attestation 1"),
        "{out}"
    );
    assert!(
        out.contains("Counted apart: 2 Microsoft first-party apps · 1 managed identity"),
        "{out}"
    );
    assert!(
        out.contains("critical in 2 apps (1 attested) · high in 2 apps (2 attested)"),
        "{out}"
    );
    let bot = out.find("Contact Center Bot · Landis Technologies LLC · WA200001428 (certified)");
    let contoso = out.find("Contoso Sync · Contoso · no attestation");
    assert!(bot.is_some() && contoso.is_some() && bot < contoso, "{out}");
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}: {out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("Directory.ReadWrite.All  "),
        "UNDECLARED critical Directory.ReadWrite.All application admin"
    );
    assert_eq!(
        line("Mail.Send"),
        "UNDECLARED high Mail.Send delegated 1 user"
    );
    assert_eq!(
        line("Calls.Initiate.All"),
        "not granted medium Calls.Initiate.All application"
    );
    assert!(
        !out.contains("Microsoft Teams"),
        "first-party apps are only counted"
    );
    assert!(stderr(&o).contains("not API permissions"), "{}", stderr(&o));
}

#[test]
fn json_has_the_documented_shape() {
    let o = run(&["tenant", "--tenant", &tenant("graph"), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let apps = v.as_array().unwrap();
    assert_eq!(apps.len(), 4, "third-party apps only");
    let bot = &apps[0];
    assert_eq!(bot["app_id"], "341e195c-b261-4b05-8ba5-dd4a89b1f3e7");
    assert_eq!(bot["object_id"], "9f1c0e52-7a11-4a3c-9d10-000000000010");
    assert_eq!(bot["display_name"], "Contact Center Bot");
    assert_eq!(bot["publisher"], "Landis Technologies LLC");
    assert_eq!(bot["matched"], serde_json::json!(["WA200001428"]));
    assert_eq!(
        bot["granted"][0],
        serde_json::json!({
            "name": "Directory.ReadWrite.All", "kind": "application", "resource": "Microsoft Graph",
            "consent": "application", "users": null, "declared": false, "tier": "critical",
            "app_role_id": "19dbc75e-c2e2-444c-a770-ec69d8559fc7"
        })
    );
    assert!(bot["not_granted"].as_array().unwrap().contains(
        &serde_json::json!({"name": "Calls.Initiate.All", "kind": "application", "tier": "medium"})
    ));
    let popp = apps
        .iter()
        .find(|a| a["display_name"] == "POPP Cloud VoIP Connector")
        .unwrap();
    assert_eq!(popp["enabled"], false);
    let chat = popp["granted"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Chat.Read")
        .unwrap();
    assert_eq!(
        (&chat["consent"], &chat["users"], &chat["declared"]),
        (&"users".into(), &2.into(), &true.into())
    );
    let contoso = apps
        .iter()
        .find(|a| a["display_name"] == "Contoso Sync")
        .unwrap();
    assert_eq!(contoso["matched"], serde_json::json!([]));
    let user_read = contoso["granted"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "User.Read")
        .unwrap();
    assert_eq!(user_read["consent"], "all_users");
}

#[test]
fn fail_on_exits_3_when_a_finding_reaches_the_level() {
    let high_only = popp_with("openid Files.ReadWrite.All");
    let low_only = popp_with("openid Sites.Read.All");
    let none = popp_with("openid Chat.Read");
    let dir = |d: &tempfile::TempDir| d.path().display().to_string();
    let cases = [
        (tenant("graph"), "critical", Some(3)),
        (dir(&high_only), "critical", Some(0)),
        (dir(&high_only), "high", Some(3)),
        (dir(&low_only), "high", Some(0)),
        (dir(&low_only), "any", Some(3)),
        (dir(&none), "any", Some(0)),
    ];
    for (export, level, code) in cases {
        let o = run(&["tenant", "--tenant", &export, "--fail-on", level]);
        assert_eq!(
            o.status.code(),
            code,
            "{export} --fail-on {level}: {}",
            stderr(&o)
        );
        assert!(
            stdout(&o).starts_with("Tenant export:"),
            "the report is printed either way"
        );
        if code == Some(3) {
            assert!(
                stderr(&o).contains(&format!("--fail-on {level}")),
                "{}",
                stderr(&o)
            );
        }
    }
    let o = run(&[
        "tenant",
        "--tenant",
        &tenant("graph"),
        "--json",
        "--fail-on",
        "high",
    ]);
    assert_eq!(o.status.code(), Some(3));
    serde_json::from_slice::<serde_json::Value>(&o.stdout).expect("the JSON is whole");
    let o = run(&[
        "tenant",
        "--tenant",
        &tenant("graph"),
        "--fail-on",
        "severe",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn without_an_export_the_command_says_how_to_give_one() {
    let o = run(&["tenant"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no tenant export: pass --tenant PATH"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_export_is_exit_2_naming_file_line_and_column() {
    let bad = tenant("bad/appId-not-a-guid.json");
    for args in [
        vec!["tenant", "--tenant", &bad],
        vec!["list", "--tenant", &bad],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with(&format!("error: {bad}:4:5: servicePrincipal #2")),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn the_list_filter_takes_tenant_terms() {
    let graph = tenant("graph");
    let ids = |filter: &str| {
        let o = run(&["--tenant", &graph, "list", "--json", "--filter", filter]);
        assert!(o.status.success(), "{filter}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("tenant:yes"), ["WA200001428", "WA200003306"]);
    assert_eq!(ids("undeclared:critical"), ["WA200001428"]);
    assert_eq!(ids("granted:Files.*"), ["WA200003306"]);
    assert_eq!(ids("tenant:yes !granted:Files.*"), ["WA200001428"]);

    let o = run(&["list", "--filter", "undeclared:any"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("need a tenant export"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--tenant", &graph, "list", "--filter", "undeclared:severe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("any, critical, high, medium or low"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_config_names_exports_when_no_option_does() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("tenant = [{:?}, {:?}]\n", tenant("az"), tenant("csv")),
    )
    .unwrap();
    let cfg = config.display().to_string();
    let o = run(&["--config", &cfg, "tenant"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Tenant export: 4 files"),
        "{}",
        stdout(&o)
    );
    // --tenant replaces the config's list
    let o = run(&["--config", &cfg, "tenant", "--tenant", &tenant("graph")]);
    assert!(
        stdout(&o).starts_with("Tenant export: 5 files"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn names_from_the_export_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.json"),
        r#"[{"id": "9f1c0e52-7a11-4a3c-9d10-000000000030", "appId": "7d2f4b6a-1c3e-4f5a-8b9c-0d1e2f3a4b5c",
             "displayName": "Evil\u001b[2J\u202eSync", "publisherName": "\u001b]8;;https://x\u0007Contoso"},
            {"clientId": "9f1c0e52-7a11-4a3c-9d10-000000000030", "consentType": "AllPrincipals",
             "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "scope": "User.Read \u001b[31mMail.Read"}]"#,
    )
    .unwrap();
    let o = run(&["tenant", "--tenant", &dir.path().display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Evil[2JSync"), "{out}");
    assert!(
        !out.chars()
            .any(|c| attest_tui::text::is_unsafe_char(c) && c != '\n'),
        "{out:?}"
    );
}
