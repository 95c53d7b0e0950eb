//! Output for scripts (issue 17): every format of `list` with ids, names and publishers longer
//! than any column, nothing cut when standard output is not a terminal, and every id printed
//! found again by `show`.

use attest_tui::model::{App, Catalog, Certification, PermissionKind};

use crate::support::apps::permission;
use crate::support::cli::{run, stderr, stdout};

/// Longer than the table's widest cap (40 columns), so a cut would show.
const LONG_ID: &str =
    "callcabinetcorporation1584393576335.callcabinet-atmos-teams-compliance-recording";

fn apps() -> Vec<App> {
    let app = |id: &str, name: &str, publisher: &str| App {
        id: id.into(),
        name: name.into(),
        publisher: publisher.into(),
        certification: Certification::Certified,
        language: "en-US".into(),
        permissions: vec![permission(
            "Calls.AccessMedia.All",
            PermissionKind::Application,
            "0b9f5c3e-6f4a-4c2e-9d1b-7a8e2f3c4d5e",
        )],
        ..App::default()
    };
    vec![
        app(
            LONG_ID,
            "Atmos Compliance Recording for Microsoft Teams and Dynamics 365 Contact Center",
            "CallCabinet Corporation (a publisher name longer than the column)",
        ),
        // Only its first 40 columns differ from the first app's id: a cut would make them equal.
        app(
            &format!("{LONG_ID}-second-tenant-edition"),
            "统一通信合规录音（适用于 Microsoft Teams 和 Dynamics 365 联系中心的长名称）",
            "示例公司",
        ),
        // An id the output layer must clean: a tab and a bidi override never reach the output.
        app(" tab\tand\u{202e}override ", "Odd id", "Example Ltd"),
    ]
}

fn catalog_file(dir: &tempfile::TempDir) -> String {
    let catalog = Catalog {
        apps: apps(),
        ..Catalog::default()
    };
    let path = dir.path().join("long.json");
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();
    path.display().to_string()
}

fn list(catalog: &str, extra: &[&str]) -> String {
    let mut args = vec!["--catalog", catalog, "list"];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// `show ID` finds the app the id was printed for.
fn assert_show_accepts(catalog: &str, printed_id: &str, name: &str) {
    let o = run(&["--catalog", catalog, "show", printed_id, "--json"]);
    assert!(o.status.success(), "{printed_id:?}: {}", stderr(&o));
    let app: App = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(app.name, name, "{printed_id:?}");
}

#[test]
fn the_table_cuts_nothing_when_piped_and_its_ids_are_accepted_by_show() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let out = list(&catalog, &[]);
    assert!(!out.contains('…'), "{out}");
    for app in apps() {
        let id = attest_tui::text::sanitize(&app.id).trim().to_string();
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{id}  ")))
            .unwrap_or_else(|| panic!("no line starts with {id:?}:\n{out}"));
        assert!(line.contains(&app.name), "{line}");
        assert!(line.contains(&app.publisher), "{line}");
        assert_show_accepts(&catalog, &id, &app.name);
    }
    assert!(
        out.lines().next().unwrap().contains("APPL."),
        "the count of application permissions says so: {out}"
    );
}

#[test]
fn ids_format_is_one_whole_id_a_line_and_each_is_accepted_by_show() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let out = list(&catalog, &["--format", "ids"]);
    let ids: Vec<&str> = out.lines().collect();
    assert_eq!(ids.len(), 3, "{out}");
    assert_eq!(ids[0], LONG_ID);
    assert_eq!(ids[1], format!("{LONG_ID}-second-tenant-edition"));
    assert!(!out.contains(['\u{202e}', '\t']), "{out:?}");
    for (id, app) in ids.iter().zip(apps()) {
        assert_show_accepts(&catalog, id, &app.name);
    }
}

#[test]
fn tsv_has_a_header_and_whole_cells_with_no_tab_inside_one() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let out = list(&catalog, &["--format", "tsv"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{out}");
    assert_eq!(rows[0][0], "id");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{out:?}");
    let column = |name: &str| rows[0].iter().position(|h| *h == name).unwrap();
    for (row, app) in rows[1..].iter().zip(apps()) {
        assert_eq!(row[column("name")], app.name);
        assert_eq!(row[column("publisher")], app.publisher);
        assert_eq!(row[column("certification")], "certified");
        assert_eq!(row[column("application_permissions")], "1");
        assert_show_accepts(&catalog, row[0], &app.name);
    }
    assert_eq!(rows[1][0], LONG_ID);
}

#[test]
fn json_format_and_the_json_flag_print_the_same_exact_ids() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let by_format = list(&catalog, &["--format", "json"]);
    assert_eq!(by_format, list(&catalog, &["--json"]));
    let v: serde_json::Value = serde_json::from_str(&by_format).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = apps().into_iter().map(|a| a.id).collect();
    assert_eq!(ids, expected, "JSON keeps ids exact");
    for (id, app) in ids.iter().zip(apps()) {
        assert_show_accepts(&catalog, id, &app.name);
    }
}

#[test]
fn json_flag_and_another_format_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog_file(&dir);
    let o = run(&["--catalog", &catalog, "list", "--json", "--format", "tsv"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
