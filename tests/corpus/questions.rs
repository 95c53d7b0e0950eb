//! Issue 6's questions on a real corpus (any language folder), answered by the CLI and by the TUI state, each
//! checked against an answer computed here straight from the imported catalog.

use std::collections::BTreeSet;

use crate::support::cli::{run, stderr, stdout};
use crate::support::corpus::corpus_dir;
use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::model::{Catalog, Certification, PermissionKind};
use attest_tui::tui::{Action, State};

fn corpus_catalog(dir: &std::path::Path) -> Catalog {
    import_paths(&[dir.to_path_buf()], &ImportOptions::default())
        .expect("the corpus imports")
        .0
}

/// Certified apps requesting Group.ReadWrite.All as an application permission (or both ways).
fn expected_group_writers(catalog: &Catalog) -> BTreeSet<String> {
    catalog
        .apps
        .iter()
        .filter(|a| a.certification == Certification::Certified)
        .filter(|a| {
            a.permissions.iter().any(|p| {
                p.name == "Group.ReadWrite.All"
                    && matches!(p.kind, PermissionKind::Application | PermissionKind::Both)
            })
        })
        .map(|a| a.id.clone())
        .collect()
}

const QUERY: &str = "cert:certified perm:Group.ReadWrite.All kind:application";

#[test]
fn certified_apps_with_application_group_write_cli_and_tui() {
    let Some(dir) = corpus_dir() else { return };
    let catalog = corpus_catalog(&dir);
    let expected = expected_group_writers(&catalog);
    assert!(!expected.is_empty(), "the corpus has such apps");

    let data = tempfile::tempdir().unwrap();
    let o = crate::support::cli::bin()
        .env("ATTEST_TUI_DATA_DIR", data.path())
        .args([
            "--catalog",
            dir.to_str().unwrap(),
            "list",
            "--json",
            "--filter",
            QUERY,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let cli: BTreeSet<String> = listed
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(cli, expected);

    let mut state = State::new(catalog.clone(), "corpus");
    state.update(Action::StartSearch);
    crate::support::tui::type_text(&mut state, QUERY);
    state.update(Action::SearchAccept);
    let tui: BTreeSet<String> = state
        .ui
        .list
        .matches
        .iter()
        .map(|m| catalog.apps[m.index].id.clone())
        .collect();
    assert_eq!(tui, expected);
}

#[test]
fn apps_scoring_under_five_are_listed_explained_and_exported() {
    let Some(dir) = corpus_dir() else { return };
    let dir_arg = dir.to_str().unwrap();
    let o = run(&[
        "--catalog",
        dir_arg,
        "list",
        "--json",
        "--filter",
        "score:<5",
        "--sort",
        "score",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!listed.is_empty());
    let scores: Vec<f64> = listed
        .iter()
        .map(|e| e["score"].as_f64().unwrap())
        .collect();
    assert!(scores.iter().all(|s| *s < 5.0), "{scores:?}");
    assert!(
        scores.windows(2).all(|w| w[0] <= w[1]),
        "sorted lowest first"
    );

    // Why: the explanation of the lowest adds up to its score.
    let lowest = listed[0]["id"].as_str().unwrap();
    let why = stdout(&run(&["--catalog", dir_arg, "score", lowest]));
    assert!(why.contains(&format!("score {:.1}/10", scores[0])), "{why}");
    for part in ["Security", "Compliance", "Base", "Score"] {
        assert!(why.contains(part), "{why}");
    }

    // Exported to CSV: the same apps, every row complete, readable as UTF-8 by a spreadsheet.
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("low.csv");
    let o = run(&[
        "--catalog",
        dir_arg,
        "export",
        "--format",
        "csv",
        "--filter",
        "score:<5",
        "--sort",
        "score",
        "-o",
        csv_path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&csv_path).unwrap();
    assert!(
        !text.starts_with('\u{feff}'),
        "plain RFC 4180 text by default"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let width = reader.headers().unwrap().len();
    let ids: Vec<String> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), width);
            r[0].to_string()
        })
        .collect();
    let listed_ids: Vec<&str> = listed.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, listed_ids);
}

#[test]
fn tui_sort_by_score_agrees_with_the_cli() {
    let Some(dir) = corpus_dir() else { return };
    let catalog = corpus_catalog(&dir);
    let mut state = State::new(catalog.clone(), "corpus");
    // relevance → name → publisher → score
    for _ in 0..3 {
        state.update(Action::CycleSort);
    }
    let tui: Vec<String> = state
        .ui
        .list
        .matches
        .iter()
        .take(10)
        .map(|m| catalog.apps[m.index].id.clone())
        .collect();
    let o = run(&[
        "--catalog",
        dir.to_str().unwrap(),
        "list",
        "--json",
        "--sort",
        "score",
    ]);
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let cli: Vec<String> = listed
        .iter()
        .take(10)
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tui, cli);
}
