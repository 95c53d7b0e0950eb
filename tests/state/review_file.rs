//! The TUI and a review file another program changes: a check (the timer, focus) or a save
//! reads it, the status line says what changed, and the list follows a `review:` filter.

use attest_tui::review::{Decision, ReviewStore};
use attest_tui::tui::state::MessageKind;
use attest_tui::tui::{Action, State, perform_effects};
use attest_tui::workspace::Workspace;

use crate::support::tui::{fixture, type_text};

fn open_on(dir: &std::path::Path) -> State {
    let mut ws = Workspace::in_memory(fixture(), "tui_catalog.json");
    ws.reviews = ReviewStore::open(dir).0;
    State::from_workspace(ws)
}

/// One update as the event loop does it: the action, then the effects it asked for.
fn drive(s: &mut State, action: Action) -> bool {
    let changed = s.update(action);
    let dir = std::env::temp_dir();
    changed | perform_effects(s, &mut Vec::new(), &dir)
}

fn shown_ids(s: &State) -> Vec<String> {
    s.ui.list
        .matches
        .iter()
        .map(|m| s.workspace.catalog.apps[m.index].id.clone())
        .collect()
}

#[test]
fn a_check_shows_what_another_program_changed_and_refilters() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open_on(dir.path());
    s.update(Action::StartSearch);
    type_text(&mut s, "review:blocked");
    s.update(Action::SearchAccept);
    assert!(shown_ids(&s).is_empty());
    assert!(
        !drive(&mut s, Action::CheckReviewFile),
        "no file, nothing to draw"
    );

    let (mut cli, _) = ReviewStore::open(dir.path());
    cli.update("WA100000001", |r| r.decision = Some(Decision::Blocked));
    cli.save().unwrap();
    assert!(drive(&mut s, Action::CheckReviewFile));
    let m = s.message().unwrap();
    assert_eq!(m.kind, MessageKind::Info);
    assert_eq!(
        m.text,
        "changed in another program: Contoso Notes (decision)"
    );
    assert_eq!(shown_ids(&s), ["WA100000001"]);
    // Read once: the next check finds nothing new and keeps the message.
    assert!(!drive(&mut s, Action::CheckReviewFile));
    assert!(s.message().is_some());
}

#[test]
fn a_save_says_what_it_did_and_what_it_found_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open_on(dir.path());
    let (mut cli, _) = ReviewStore::open(dir.path());
    cli.update("WA100000001", |r| r.note = "n".into());
    cli.update("WA104380000", |r| r.bookmark = true);
    cli.save().unwrap();
    drive(&mut s, Action::Approve);
    let text = &s.message().unwrap().text;
    assert!(
        text.ends_with("; changed in another program: Contoso Notes (note) and 1 more app"),
        "{text}"
    );
    assert_eq!(
        s.workspace.reviews.get("WA104380000").map(|r| r.bookmark),
        Some(true)
    );
}
