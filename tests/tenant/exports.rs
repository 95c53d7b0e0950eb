//! Tenant exports against the embedded catalog (the two seed apps): every export form, paging,
//! encodings, consent types, app role names, each finding kind, the index and the filter terms.
//! Fixtures in tests/fixtures/tenant/ are written from the documented shapes and use the seed
//! apps' registration GUIDs; one test joins every registration of the zh-CN corpus (skipped,
//! and saying so, when the corpus is absent).

use std::path::{Path, PathBuf};

use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::load::embedded_catalog;
use attest_tui::model::PermissionKind;
use attest_tui::query::parse_filter;
use attest_tui::risk::{RiskTable, Tier};
use attest_tui::tenant::{
    AppClass, AppRoleAssignment, Consent, ConsentType, DelegatedGrant, ExportBuilder,
    GrantedPermission, Guid, PermissionMark, ServicePrincipal, TenantApp, TenantError,
    TenantExport, TenantIndex, TenantReport, join, read_exports,
};
use attest_tui::workspace::Workspace;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tenant")
        .join(rel)
}

fn read(rels: &[&str]) -> TenantExport {
    let paths: Vec<PathBuf> = rels.iter().map(|r| fixture(r)).collect();
    read_exports(&paths).unwrap_or_else(|e| panic!("{e}"))
}

fn report(rels: &[&str]) -> TenantReport {
    join(
        &read(rels),
        &embedded_catalog().unwrap(),
        RiskTable::embedded(),
    )
}

fn app<'r>(report: &'r TenantReport, app_id: &str) -> &'r TenantApp {
    report
        .apps
        .iter()
        .find(|a| a.app_id == Guid::parse(app_id))
        .unwrap_or_else(|| panic!("no app {app_id} in {:?}", report.apps))
}

fn grant<'a>(app: &'a TenantApp, name: &str) -> &'a GrantedPermission {
    app.granted
        .iter()
        .find(|g| g.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not granted to {}: {:?}",
                app.display_name, app.granted
            )
        })
}

fn not_granted(app: &TenantApp) -> Vec<(&str, PermissionKind)> {
    app.not_granted
        .iter()
        .map(|d| (d.name.as_str(), d.kind))
        .collect()
}

fn parse_error(path: &Path) -> (usize, usize, String) {
    match read_exports(&[path.to_path_buf()]) {
        Err(TenantError::Parse {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("{}: expected a parse error, got {other:?}", path.display()),
    }
}

const BOT: &str = "341e195c-b261-4b05-8ba5-dd4a89b1f3e7";
const CONTACT_CENTER: &str = "05c3e7fe-59c1-4d68-b334-336aa7ed4b64";
const POPP: &str = "b8e57f6b-31cf-468e-9e99-81f0395cb1f9";
const CONTOSO: &str = "7d2f4b6a-1c3e-4f5a-8b9c-0d1e2f3a4b5c";

// --- the join: findings ---------------------------------------------------------------------

#[test]
fn service_principals_match_attestations_by_app_id_in_any_case() {
    let r = report(&["graph"]);
    let catalog = embedded_catalog().unwrap();
    let ids = |a: &TenantApp| -> Vec<String> {
        a.matched
            .iter()
            .map(|&i| catalog.apps[i].id.clone())
            .collect()
    };
    assert_eq!(ids(app(&r, BOT)), ["WA200001428"]);
    // page 2 writes this appId in upper case
    assert_eq!(ids(app(&r, CONTACT_CENTER)), ["WA200001428"]);
    assert_eq!(ids(app(&r, POPP)), ["WA200003306"]);
    assert!(ids(app(&r, CONTOSO)).is_empty(), "no attestation");
}

#[test]
fn each_grant_is_declared_or_undeclared_with_its_tier() {
    let r = report(&["graph"]);
    let bot = app(&r, BOT);
    let calls = grant(bot, "Calls.AccessMedia.All");
    assert!(calls.declared);
    assert_eq!(calls.kind, PermissionKind::Application);
    assert_eq!(calls.tier, Tier::High);
    let directory = grant(bot, "Directory.ReadWrite.All");
    assert!(!directory.declared, "granted beyond the attestation");
    assert_eq!(directory.tier, Tier::Critical);
    assert_eq!(bot.worst_undeclared(), Some(Tier::Critical));
    // undeclared first, then the worst tier first
    assert!(!bot.granted[0].declared);
    assert_eq!(bot.granted[0].name, "Directory.ReadWrite.All");

    let cc = app(&r, CONTACT_CENTER);
    assert!(grant(cc, "User.Read").declared);
    assert!(grant(cc, "Directory.Read.All").declared);
    let mail = grant(cc, "Mail.Send");
    assert!(!mail.declared);
    assert_eq!(mail.kind, PermissionKind::Delegated);
    assert_eq!(mail.tier, Tier::High);
}

#[test]
fn declared_permissions_without_a_grant_are_not_granted() {
    let r = report(&["graph"]);
    let bot = not_granted(app(&r, BOT));
    assert!(bot.contains(&("Calls.Initiate.All", PermissionKind::Application)));
    assert!(bot.contains(&("OnlineMeetings.ReadWrite.All", PermissionKind::Application)));
    // declared for the same registration as delegated permissions, and not granted either
    assert!(bot.contains(&("Presence.Read.All", PermissionKind::Delegated)));
    assert!(!bot.iter().any(|(n, _)| *n == "Calls.AccessMedia.All"));
    // the catalog writes "JoinGroupCallasGuest"; names compare without case
    assert!(bot.contains(&(
        "Calls.JoinGroupCallasGuest.All",
        PermissionKind::Application
    )));

    let cc = not_granted(app(&r, CONTACT_CENTER));
    assert_eq!(
        cc,
        [
            ("Directory.ReadWrite.All", PermissionKind::Delegated),
            ("User.ReadWrite.All", PermissionKind::Delegated),
            ("User.Read.All", PermissionKind::Delegated),
        ],
        "worst first"
    );
    assert!(app(&r, CONTOSO).not_granted.is_empty());
}

#[test]
fn an_app_without_attestation_declares_nothing() {
    let r = report(&["graph"]);
    let contoso = app(&r, CONTOSO);
    assert!(!contoso.is_attested());
    assert_eq!(contoso.class, AppClass::ThirdParty);
    assert!(contoso.granted.iter().all(|g| !g.declared));
    assert_eq!(grant(contoso, "Mail.ReadWrite").tier, Tier::Critical);
}

#[test]
fn delegated_consent_is_all_users_or_counted_users() {
    let r = report(&["graph"]);
    let cc = app(&r, CONTACT_CENTER);
    assert_eq!(
        grant(cc, "User.Read").consent,
        Consent::Delegated {
            all_users: true,
            users: 0
        }
    );
    assert_eq!(
        grant(cc, "Mail.Send").consent,
        Consent::Delegated {
            all_users: false,
            users: 1
        }
    );
    let popp = app(&r, POPP);
    // two users consented to these, one of them also to Files.ReadWrite.All
    for scope in ["openid", "User.Read.All", "Chat.Read"] {
        assert_eq!(
            grant(popp, scope).consent,
            Consent::Delegated {
                all_users: false,
                users: 2
            },
            "{scope}"
        );
    }
    assert_eq!(
        grant(popp, "Files.ReadWrite.All").consent,
        Consent::Delegated {
            all_users: false,
            users: 1
        }
    );
    assert_eq!(
        grant(app(&r, BOT), "User.Read.All").consent,
        Consent::Application
    );
}

#[test]
fn app_role_names_come_from_the_resource_then_the_graph_table_else_the_guid() {
    let r = report(&["graph"]);
    let bot = app(&r, BOT);
    // in the Microsoft Graph service principal's appRoles
    let calls = grant(bot, "Calls.AccessMedia.All");
    assert!(calls.named);
    assert_eq!(
        calls.app_role_id,
        Guid::parse("a7a681dc-756e-4909-b988-f160edc6655f")
    );
    // not among the exported appRoles, but in the embedded table
    assert!(grant(bot, "OnlineMeetings.Read.All").named);
    // in neither: shown as its GUID, and still undeclared
    let unknown = grant(bot, "0b1e9c6f-4d2a-4f3b-9e8d-7c6b5a493827");
    assert!(!unknown.named);
    assert!(!unknown.declared);
}

#[test]
fn an_assignment_listed_by_both_endpoints_is_one_grant() {
    // Calls.AccessMedia.All is in the bot's appRoleAssignments and in Graph's appRoleAssignedTo.
    let r = report(&["graph"]);
    let n = app(&r, BOT)
        .granted
        .iter()
        .filter(|g| g.name == "Calls.AccessMedia.All")
        .count();
    assert_eq!(n, 1);
}

#[test]
fn microsoft_apps_and_managed_identities_are_counted_apart() {
    let r = report(&["graph"]);
    let graph = app(&r, "00000003-0000-0000-c000-000000000000");
    assert_eq!(graph.class, AppClass::FirstParty);
    let teams = app(&r, "1fec8e78-bce4-4aaf-ab1b-5451cc387264");
    assert_eq!(teams.class, AppClass::FirstParty);
    assert!(
        !teams.granted.is_empty(),
        "still joined, just counted apart"
    );
    let mi = app(&r, "e4c1b2a3-9f8e-4d7c-a6b5-c4d3e2f1a0b9");
    assert_eq!(mi.class, AppClass::ManagedIdentity);
    // third-party apps come first in the report
    let first_apart = r
        .apps
        .iter()
        .position(|a| a.class != AppClass::ThirdParty)
        .unwrap();
    assert!(
        r.apps[first_apart..]
            .iter()
            .all(|a| a.class != AppClass::ThirdParty)
    );
    assert_eq!(first_apart, 4);
    // Graph Explorer is published from a third Microsoft tenant
    let az = report(&["az"]);
    assert_eq!(
        app(&az, "de8bc8b5-d9f9-48b1-a8ad-b748da725064").class,
        AppClass::FirstParty
    );
}

#[test]
fn the_summary_counts_apps_attestations_and_undeclared_grants() {
    let s = report(&["graph"]).summary;
    assert_eq!(s.files, 5);
    assert_eq!(s.service_principals, 7);
    assert_eq!(s.apps, 4);
    assert_eq!(s.attested, 3);
    assert_eq!(s.certified, 2, "the two registrations of 联系人中心");
    assert_eq!(s.no_attestation, 1);
    assert_eq!(s.first_party, 2);
    assert_eq!(s.managed_identities, 1);
    assert_eq!(
        (s.undeclared_critical, s.undeclared_critical_attested),
        (2, 1)
    );
    assert_eq!((s.undeclared_high, s.undeclared_high_attested), (2, 2));
}

#[test]
fn apps_are_ordered_worst_undeclared_grant_first() {
    let r = report(&["graph"]);
    let order: Vec<String> = r.apps[..4]
        .iter()
        .map(|a| a.app_id.unwrap().to_string())
        .collect();
    assert_eq!(
        order,
        [BOT, CONTOSO, CONTACT_CENTER, POPP],
        "critical (attested first), then high"
    );
}

#[test]
fn grants_of_clients_the_export_does_not_describe_still_count() {
    let mut b = ExportBuilder::default();
    b.read_text(
        r#"[{"clientId": "9f1c0e52-7a11-4a3c-9d10-0000000000ff", "consentType": "AllPrincipals", "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "scope": "Mail.Read"}]"#,
        Path::new("grants.json"),
    )
    .unwrap();
    let r = join(
        &b.finish(),
        &embedded_catalog().unwrap(),
        RiskTable::embedded(),
    );
    assert_eq!(r.apps.len(), 1);
    assert_eq!(
        r.apps[0].object_id.to_string(),
        "9f1c0e52-7a11-4a3c-9d10-0000000000ff"
    );
    assert_eq!(r.apps[0].app_id, None);
    assert!(!r.apps[0].granted[0].declared);
    assert_eq!(r.summary.no_attestation, 1);
}

#[test]
fn a_grant_on_another_api_is_not_covered_by_a_graph_permission_of_the_same_name() {
    let text = r#"[
      {"id": "9f1c0e52-7a11-4a3c-9d10-000000000010", "appId": "341e195c-b261-4b05-8ba5-dd4a89b1f3e7"},
      {"id": "9f1c0e52-7a11-4a3c-9d10-000000000005", "appId": "00000003-0000-0ff1-ce00-000000000000", "displayName": "Office 365 SharePoint Online",
       "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
       "appRoles": [{"id": "678536fe-1083-478a-9c59-b99265e6b0d3", "value": "User.Read.All"}]},
      {"appRoleId": "678536fe-1083-478a-9c59-b99265e6b0d3", "principalId": "9f1c0e52-7a11-4a3c-9d10-000000000010", "principalType": "ServicePrincipal",
       "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000005"}
    ]"#;
    let mut b = ExportBuilder::default();
    b.read_text(text, Path::new("mixed.json")).unwrap();
    let r = join(
        &b.finish(),
        &embedded_catalog().unwrap(),
        RiskTable::embedded(),
    );
    let bot = app(&r, BOT);
    let g = grant(bot, "User.Read.All");
    assert_eq!(g.resource, "Office 365 SharePoint Online");
    assert!(
        !g.declared,
        "the attestation lists User.Read.All on Microsoft Graph"
    );
    // and the Graph one the attestation declares is still not granted
    assert!(not_granted(bot).contains(&("User.Read.All", PermissionKind::Application)));
}

// --- export forms ---------------------------------------------------------------------------

#[test]
fn az_cli_bare_arrays_are_read() {
    let e = read(&["az/sp-list.json", "az/list-grants.json"]);
    assert_eq!(e.service_principals.len(), 2);
    assert_eq!(e.grants.len(), 2);
    assert_eq!(
        e.grants[1].scopes().collect::<Vec<_>>(),
        ["openid", "profile", "User.Read", "Mail.ReadWrite"]
    );
    let r = report(&["az"]);
    assert!(grant(app(&r, BOT), "Presence.Read.All").declared);
}

#[test]
fn powershell_convertto_json_output_is_read() {
    // PascalCase members, a single object instead of an array, Windows PowerShell's
    // {"value": [...], "Count": n} wrapping, appRoles cut off at the default -Depth 2,
    // \u0026 escapes and /Date()/ strings.
    let e = read(&["powershell"]);
    assert_eq!(e.service_principals.len(), 3);
    assert!(
        e.notes.iter().any(|n| n.contains("ConvertTo-Json")),
        "{:?}",
        e.notes
    );
    let r = join(&e, &embedded_catalog().unwrap(), RiskTable::embedded());
    let contoso = app(&r, CONTOSO);
    assert_eq!(contoso.display_name, "Contoso & Co Sync");
    assert_eq!(contoso.publisher, "Contoso Ltd", "the verified publisher");
    // Graph's appRoles were cut off, so the embedded table names them
    assert!(grant(contoso, "Mail.ReadWrite").named);
    assert!(grant(contoso, "Group.Read.All").named);
    let popp = app(&r, POPP);
    assert_eq!(popp.matched.len(), 1, "appId written in braces");
    assert!(grant(popp, "Chat.Read").declared);
}

#[test]
fn permission_audit_csvs_are_read() {
    let r = report(&["csv"]);
    // Get-AzureADPSPermissions with a #TYPE line, CRLF and the client's AppId column
    let cc = app(&r, CONTACT_CENTER);
    assert_eq!(
        grant(cc, "User.ReadWrite.All").consent,
        Consent::Delegated {
            all_users: false,
            users: 2
        }
    );
    assert!(!grant(cc, "Sites.Read.All").declared);
    let bot = app(&r, BOT);
    assert!(grant(bot, "Calls.Initiate.All").declared);
    let exo = grant(bot, "full_access_as_app");
    assert_eq!(exo.resource, "Office 365 Exchange Online");
    assert!(!exo.declared);
    assert_eq!(exo.tier, Tier::Critical);
    // the Graph successor's AppId and AppOwnerOrganizationId columns
    assert!(grant(app(&r, POPP), "TeamMember.Read.All").declared);
    assert_eq!(
        app(&r, "de8bc8b5-d9f9-48b1-a8ad-b748da725064").class,
        AppClass::FirstParty
    );
}

#[test]
fn json_and_csv_of_one_tenant_merge_by_object_id() {
    let e = read(&["graph", "csv/Get-AzureADPSPermissions.csv"]);
    let bots: Vec<_> = e
        .service_principals
        .iter()
        .filter(|s| s.object_id.to_string() == "9f1c0e52-7a11-4a3c-9d10-000000000010")
        .collect();
    assert_eq!(bots.len(), 1);
    assert_eq!(bots[0].display_name, "Contact Center Bot");
    assert!(
        bots[0].app_owner_organization_id.is_some(),
        "kept from the JSON"
    );
}

#[test]
fn utf8_bom_and_utf16_as_windows_powershell_writes_them_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("graph/servicePrincipals-page2.json")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let utf8_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    let mut csv16 = vec![0xFF, 0xFE];
    let csv = std::fs::read_to_string(fixture("csv/OAuthPermissions-graph.csv")).unwrap();
    csv16.extend(csv.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [
        ("out-file.json", &utf16),
        ("utf8-bom.json", &utf8_bom),
        ("out-file.csv", &csv16),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let e = read_exports(&[path]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!e.service_principals.is_empty(), "{name}");
        assert!(e.notes.is_empty(), "{name}: {:?}", e.notes);
    }
}

#[test]
fn ansi_text_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set-content.json");
    std::fs::write(
        &path,
        b"[{\"id\": \"9f1c0e52-7a11-4a3c-9d10-000000000010\", \"appId\": \"341e195c-b261-4b05-8ba5-dd4a89b1f3e7\", \"displayName\": \"Caf\xe9 Bot\"}]",
    )
    .unwrap();
    let e = read_exports(&[path]).unwrap();
    assert_eq!(e.service_principals[0].display_name, "Caf\u{FFFD} Bot");
    assert!(e.notes[0].contains("not UTF-8"), "{:?}", e.notes);
}

// --- paging ---------------------------------------------------------------------------------

#[test]
fn pages_given_as_files_make_one_export() {
    let e = read(&[
        "graph/servicePrincipals-page1.json",
        "graph/servicePrincipals-page2.json",
    ]);
    assert_eq!(e.service_principals.len(), 7);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn a_missing_last_page_is_a_warning() {
    let e = read(&["graph/servicePrincipals-page1.json"]);
    assert_eq!(e.warnings.len(), 1);
    assert!(
        e.warnings[0].contains("@odata.nextLink"),
        "{}",
        e.warnings[0]
    );
    assert!(
        e.warnings[0].contains("#servicePrincipals"),
        "{}",
        e.warnings[0]
    );
}

#[test]
fn the_same_page_twice_changes_nothing() {
    let once = report(&["graph"]);
    let twice = report(&["graph", "graph/oauth2PermissionGrants.json"]);
    assert_eq!(once.apps, twice.apps);
}

// --- bad files ------------------------------------------------------------------------------

#[test]
fn bad_files_are_errors_naming_file_line_and_column() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("truncated.json", (4, 127), "ends too early"),
        (
            "appId-not-a-guid.json",
            (4, 5),
            "`appId` is \"contact-center\", expected a GUID",
        ),
        (
            "unknown-entity.json",
            (3, 3),
            "element #2 is not a servicePrincipal",
        ),
        (
            "displayName-object.json",
            (5, 20),
            "in `[0].displayName`: invalid type: map",
        ),
        (
            "consentType-unknown.json",
            (2, 3),
            "expected AllPrincipals or Principal",
        ),
        ("not-an-export.json", (1, 1), "not a tenant export"),
        ("format-list.txt", (1, 1), "not a tenant export"),
        ("csv-no-permissiontype.csv", (1, 1), "not a tenant export"),
        (
            "csv-bad-client.csv",
            (3, 11),
            "`ClientObjectId` is \"9f1c0e52-7a11-4a3c-9d10\"",
        ),
        (
            "csv-bad-type.csv",
            (3, 1),
            "`PermissionType` is \"Role\", expected Delegated or Application",
        ),
    ];
    for (name, at, needle) in cases {
        let path = fixture(&format!("bad/{name}"));
        let (line, column, message) = parse_error(&path);
        assert_eq!((line, column), *at, "{name}: {message}");
        assert!(message.contains(needle), "{name}: {message}");
        let shown = read_exports(std::slice::from_ref(&path))
            .unwrap_err()
            .to_string();
        assert!(
            shown.starts_with(&format!("{}:{}:{}: ", path.display(), at.0, at.1)),
            "{shown}"
        );
    }
}

#[test]
fn a_csv_without_required_columns_says_which() {
    let mut b = ExportBuilder::default();
    let e = b
        .read_text(
            "#TYPE System.Management.Automation.PSCustomObject\n\"PermissionType\",\"ClientObjectId\"\n\"Delegated\",\"9f1c0e52-7a11-4a3c-9d10-000000000011\"\n",
            Path::new("x.csv"),
        )
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.csv:2:1: "), "{e}");
    assert!(e.contains("`Permission` is missing"), "{e}");
}

#[test]
fn semicolon_separated_csv_as_export_csv_use_culture_writes_it_is_read() {
    let mut b = ExportBuilder::default();
    b.read_text(
        "\"PermissionType\";\"ClientObjectId\";\"ClientAppId\";\"Permission\";\"ConsentType\"\r\n\"Delegated\";\"9f1c0e52-7a11-4a3c-9d10-000000000020\";\"b8e57f6b-31cf-468e-9e99-81f0395cb1f9\";\"Chat.Read\";\"AllPrincipals\"\r\n",
        Path::new("de.csv"),
    )
    .unwrap();
    let r = join(
        &b.finish(),
        &embedded_catalog().unwrap(),
        RiskTable::embedded(),
    );
    assert!(grant(app(&r, POPP), "Chat.Read").declared);
    let e = ExportBuilder::default()
        .read_text(
            "PermissionType;ClientObjectId;Permission\nDelegated;not-a-guid;Chat.Read\n",
            Path::new("de.csv"),
        )
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("de.csv:2:11: "), "{e}");
}

#[test]
fn an_empty_file_says_so() {
    let e = ExportBuilder::default()
        .read_text(" \n", Path::new("empty.json"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "empty.json:1:1: the file is empty; expected Microsoft Graph JSON or a permission CSV"
    );
}

#[test]
fn values_quoted_in_messages_cannot_reach_the_terminal() {
    let mut b = ExportBuilder::default();
    let e = b
        .read_text(
            "[{\"id\": \"9f1c0e52-7a11-4a3c-9d10-000000000010\", \"appId\": \"\\u001b]52;c;evil\\u0007\"}]",
            Path::new("x.json"),
        )
        .unwrap_err()
        .to_string();
    assert!(!e.chars().any(|c| c.is_control()), "{e:?}");
}

#[test]
fn empty_folders_and_unreadable_paths_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not an export").unwrap();
    assert!(matches!(
        read_exports(&[dir.path().to_path_buf()]),
        Err(TenantError::EmptyFolder { .. })
    ));
    assert!(matches!(
        read_exports(&[dir.path().join("missing.json")]),
        Err(TenantError::Io { .. })
    ));
}

// --- the index and the filter terms --------------------------------------------------------

fn workspace(rels: &[&str]) -> Workspace {
    let mut ws = Workspace::in_memory(embedded_catalog().unwrap(), "embedded");
    ws.set_tenant(read(rels));
    ws
}

fn selected(ws: &Workspace, query: &str) -> Vec<String> {
    ws.select(&parse_filter(query).unwrap())
        .into_iter()
        .map(|i| ws.apps()[i].id.clone())
        .collect()
}

#[test]
fn the_index_finds_each_catalog_apps_service_principals_and_marks_permissions() {
    let ws = workspace(&["graph"]);
    let t = ws.tenant.as_ref().unwrap();
    let contact = ws
        .apps()
        .iter()
        .position(|a| a.id == "WA200001428")
        .unwrap();
    assert!(t.in_tenant(contact));
    assert_eq!(
        t.tenant_apps(contact).count(),
        2,
        "two of its registrations"
    );
    let perms = &ws.apps()[contact].permissions;
    let mark = |name: &str, reg: &str| {
        let i = perms
            .iter()
            .position(|p| p.name == name && p.registration.as_deref() == Some(reg))
            .unwrap();
        t.permission_mark(contact, i)
    };
    assert_eq!(
        mark("Calls.AccessMedia.All", BOT),
        Some(PermissionMark::Granted)
    );
    assert_eq!(
        mark("Calls.Initiate.All", BOT),
        Some(PermissionMark::NotGranted)
    );
    assert_eq!(
        mark("User.Read", CONTACT_CENTER),
        Some(PermissionMark::Granted)
    );
    // a registration of the app that the tenant does not have
    assert_eq!(mark("email", "c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8"), None);
}

#[test]
fn filter_terms_see_the_tenant() {
    let ws = workspace(&["graph"]);
    assert_eq!(selected(&ws, "tenant:yes"), ["WA200001428", "WA200003306"]);
    assert!(selected(&ws, "tenant:no").is_empty());
    assert_eq!(
        selected(&ws, "granted:Directory.ReadWrite.All"),
        ["WA200001428"]
    );
    assert_eq!(selected(&ws, "granted:files.*"), ["WA200003306"]);
    assert_eq!(selected(&ws, "undeclared:critical"), ["WA200001428"]);
    assert_eq!(
        selected(&ws, "undeclared:high"),
        ["WA200001428", "WA200003306"]
    );
    assert_eq!(selected(&ws, "-undeclared:critical"), ["WA200003306"]);

    let only_popp = workspace(&["powershell"]);
    assert_eq!(selected(&only_popp, "tenant:no"), ["WA200001428"]);
    assert!(selected(&only_popp, "undeclared:any").is_empty());
}

#[test]
fn without_a_tenant_no_app_is_in_it() {
    let ws = Workspace::in_memory(embedded_catalog().unwrap(), "embedded");
    assert!(selected(&ws, "tenant:yes").is_empty());
    assert_eq!(selected(&ws, "tenant:no").len(), 2);
}

#[test]
fn the_index_keeps_notes_and_warnings_of_the_export() {
    let export = read(&["graph/servicePrincipals-page1.json", "powershell"]);
    let index = TenantIndex::build(export, &embedded_catalog().unwrap(), RiskTable::embedded());
    assert_eq!(index.files.len(), 5);
    assert!(!index.warnings.is_empty());
    assert!(!index.notes.is_empty());
}

// --- every corpus registration --------------------------------------------------------------

/// A tenant that holds every registration of the corpus, granted exactly what its attestations
/// declare: every service principal is attested, nothing is undeclared and nothing is missing.
/// One more grant each is then exactly one undeclared grant (unless declared).
#[test]
fn granting_exactly_what_the_corpus_declares_leaves_no_finding() {
    let Some(corpus) = crate::support::corpus::corpus_dir() else {
        return;
    };
    let (catalog, _) = import_paths(&[corpus], &ImportOptions { strict: false }).unwrap();
    let mut registrations: Vec<String> = catalog
        .apps
        .iter()
        .flat_map(|a| a.permissions.iter().filter_map(|p| p.registration.clone()))
        .collect();
    registrations.sort();
    registrations.dedup();
    assert!(registrations.len() > 300, "{}", registrations.len());
    let mut export = TenantExport::default();
    let mut not_scopes = 0;
    for (i, reg) in registrations.iter().enumerate() {
        let object_id = Guid(i as u128 + 1);
        let mut sp = ServicePrincipal::new(object_id);
        sp.app_id = Guid::parse(reg);
        assert!(sp.app_id.is_some(), "{reg}");
        export.service_principals.push(sp);
        let declared = catalog
            .apps
            .iter()
            .flat_map(|a| &a.permissions)
            .filter(|p| p.registration.as_deref() == Some(reg.as_str()));
        let mut scopes = Vec::new();
        for p in declared {
            let delegated = !matches!(p.kind, PermissionKind::Application);
            let application = matches!(p.kind, PermissionKind::Application | PermissionKind::Both);
            if delegated && p.name.contains(char::is_whitespace) {
                not_scopes += 1; // free text in a permission cell cannot be a scope
                continue;
            }
            if delegated {
                scopes.push(p.name.clone());
            }
            if application {
                export.assignments.push(AppRoleAssignment {
                    client_id: object_id,
                    resource_id: None,
                    resource_name: Some(p.resource.clone()),
                    app_role_id: None,
                    name: Some(p.name.clone()),
                });
            }
        }
        export.grants.push(DelegatedGrant {
            client_id: object_id,
            resource_id: None,
            resource_name: Some("Microsoft Graph".into()),
            consent: ConsentType::AllPrincipals,
            principal_id: None,
            scope: scopes.join(" "),
        });
    }
    let risk = RiskTable::embedded();
    let r = join(&export, &catalog, risk);
    assert_eq!(r.summary.attested, registrations.len());
    for app in &r.apps {
        assert!(
            app.granted.iter().all(|g| g.declared),
            "{:?}: {:?}",
            app.app_id,
            app.undeclared().collect::<Vec<_>>()
        );
        let missing: Vec<_> = app
            .not_granted
            .iter()
            .filter(|d| !d.name.contains(char::is_whitespace))
            .collect();
        assert!(missing.is_empty(), "{:?}: {missing:?}", app.app_id);
    }
    eprintln!(
        "{} registrations joined; {not_scopes} declared delegated permissions are not scope names",
        registrations.len()
    );

    for sp in &export.service_principals {
        export.assignments.push(AppRoleAssignment {
            client_id: sp.object_id,
            resource_id: None,
            resource_name: Some("Microsoft Graph".into()),
            app_role_id: None,
            name: Some("Mail.ReadWrite".into()),
        });
    }
    let r = join(&export, &catalog, risk);
    let declares_it = r
        .apps
        .iter()
        .filter(|a| {
            a.granted.iter().any(|g| {
                g.name == "Mail.ReadWrite" && g.kind == PermissionKind::Application && g.declared
            })
        })
        .count();
    let with_one = r
        .apps
        .iter()
        .filter(|a| a.undeclared().count() == 1)
        .count();
    assert_eq!(with_one + declares_it, registrations.len());
    assert!(
        r.apps
            .iter()
            .all(|a| a.undeclared().all(|g| g.name == "Mail.ReadWrite"))
    );
}

// --- hostile input ---------------------------------------------------------------------------

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn fixtures() -> Vec<Vec<u8>> {
        ["graph", "az", "powershell", "csv"]
            .iter()
            .flat_map(|d| std::fs::read_dir(fixture(d)).unwrap())
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect()
    }

    /// An error names the file, then `line:column` when it is about the text.
    fn check(result: Result<(), TenantError>) -> Result<(), TestCaseError> {
        if let Err(e) = result {
            let msg = e.to_string();
            prop_assert!(msg.starts_with("fuzz:"), "{}", msg);
            if let TenantError::Parse { line, column, .. } = e {
                prop_assert!(line >= 1 && column >= 1, "{}", msg);
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            check(ExportBuilder::default().read_bytes(bytes, Path::new("fuzz")))?;
        }

        #[test]
        fn json_like_entities_never_panic(text in r#"[\{\}\[\]":,0-9a-zA-Z\\ \n.-]{0,400}"#) {
            let wrapped = format!("{{\"value\": [{text}]}}");
            check(ExportBuilder::default().read_text(&wrapped, Path::new("fuzz")))?;
            check(ExportBuilder::default().read_text(&format!("[{text}]"), Path::new("fuzz")))?;
        }

        #[test]
        fn cut_or_damaged_exports_never_panic(which in 0usize..64, at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
            let all = fixtures();
            let mut bytes = all[which % all.len()].clone();
            let i = at.index(bytes.len().max(1));
            if cut {
                bytes.truncate(i);
            } else if let Some(b) = bytes.get_mut(i) {
                *b = byte;
            }
            let mut b = ExportBuilder::default();
            check(b.read_bytes(bytes, Path::new("fuzz")))?;
            // whatever was read joins without a panic too
            let _ = join(&b.finish(), &embedded_catalog().unwrap(), RiskTable::embedded());
        }
    }
}
