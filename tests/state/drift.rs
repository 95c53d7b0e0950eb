//! Review drift in the TUI: an app approved on one catalog and opened on a later one that
//! changed it is marked in the list and the header, and `C` compares it as reviewed with now.

use attest_tui::model::{Answer, Catalog, Permission, PermissionKind};
use attest_tui::review::ReviewStore;
use attest_tui::tui::state::Layer;
use attest_tui::tui::{Action, State, Theme, perform_effects};
use attest_tui::workspace::Workspace;

use crate::support::tui::{draw, fixture, screen};

/// A state on `catalog` whose review file is in `dir`.
fn open_on(catalog: Catalog, dir: &std::path::Path) -> State {
    let mut ws = Workspace::in_memory(catalog, "tui_catalog.json");
    ws.reviews = ReviewStore::open(dir).0;
    State::from_workspace(ws).with_theme(Theme::color())
}

fn drive(s: &mut State, action: Action) {
    s.update(action);
    perform_effects(s, &mut Vec::new(), &std::env::temp_dir());
}

/// The fixture with Contoso Notes asking for Mail.ReadWrite as an application.
fn later() -> Catalog {
    let mut c = fixture();
    let app = c.apps.iter_mut().find(|a| a.id == "WA100000001").unwrap();
    app.permissions.push(Permission {
        name: "Mail.ReadWrite".into(),
        kind: PermissionKind::Application,
        ..Permission::default()
    });
    c
}

#[test]
fn an_app_changed_since_its_approval_is_marked_and_compares_with_what_was_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open_on(fixture(), dir.path());
    drive(&mut s, Action::MoveDown);
    assert_eq!(s.current_app().unwrap().id, "WA100000001");
    drive(&mut s, Action::Approve);
    // The same catalog: no mark.
    assert!(!screen(&draw(&mut s, 100, 24)).contains('Δ'));

    let mut s = open_on(later(), dir.path());
    let told = &s.message().unwrap().text;
    assert!(
        told.starts_with("1 decided app changed since review (`review:changed` lists them"),
        "{told}"
    );
    drive(&mut s, Action::MoveDown);
    let text = screen(&draw(&mut s, 120, 24));
    let row = text.lines().find(|l| l.contains("C Contoso Not")).unwrap();
    assert!(row.contains("✓Δ"), "{text}");
    assert!(text.contains("approved · Δ changed since review"), "{text}");

    drive(&mut s, Action::CompareReviewed);
    let Some(Layer::Compare(view)) = s.ui.layers.last() else {
        panic!("C opens the compare view: {:?}", s.ui.layers.last())
    };
    assert_eq!((view.a, view.b), (1, 1));
    assert_eq!(view.comparison.a.name, "Contoso Notes (as reviewed)");
    let only_now: Vec<&str> = view
        .comparison
        .permissions
        .only_b
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(only_now, ["Mail.ReadWrite"]);
    assert!(view.comparison.permissions.only_a.is_empty());
    // Swapping keeps the reviewed version, now on the right.
    drive(&mut s, Action::Swap);
    let Some(Layer::Compare(view)) = s.ui.layers.last() else {
        panic!()
    };
    assert_eq!(view.comparison.b.name, "Contoso Notes (as reviewed)");
    assert_eq!(view.comparison.permissions.only_a.len(), 1);
}

#[test]
fn compare_with_what_was_reviewed_says_why_not_without_a_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open_on(fixture(), dir.path());
    drive(&mut s, Action::CompareReviewed);
    assert!(s.ui.layers.is_empty(), "{:?}", s.ui.layers);
    assert!(
        s.message()
            .unwrap()
            .text
            .starts_with("no decision on this app")
    );
    // An answer changed since review also counts, and re-approving clears the mark.
    drive(&mut s, Action::Approve);
    let mut changed = fixture();
    let row = changed.apps[0].zones[0].rows_mut().next().unwrap();
    row.value = Answer::No;
    row.answer = "No".into();
    let mut s = open_on(changed, dir.path());
    assert!(s.workspace.changed_since_review(0));
    drive(&mut s, Action::Approve);
    assert!(!s.workspace.changed_since_review(0));
}
