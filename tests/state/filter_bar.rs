//! The filter bar tells the truth: the list is the result of the text in the bar, or — while
//! that text has an error — of the last text that parsed, marked stale; commas mean "any of".

use attest_tui::tui::{Action, State};

use crate::support::tui::{draw, screen, state, type_text};

fn ids(s: &State) -> Vec<String> {
    let mut v: Vec<String> =
        s.ui.list
            .matches
            .iter()
            .map(|m| s.workspace.catalog.apps[m.index].id.clone())
            .collect();
    v.sort();
    v
}

fn search(s: &mut State, q: &str) {
    s.update(Action::StartSearch);
    s.update(Action::SearchClear);
    type_text(s, q);
}

#[test]
fn an_invalid_filter_keeps_its_error_and_marks_the_list_stale() {
    let mut s = state();
    search(&mut s, "cert:attested risk:extreme");
    let e = s.ui.list.query_error.clone().expect("an error");
    assert!(e.message.starts_with("`extreme` is not a risk tier"), "{e}");
    assert!(s.ui.list.is_stale());
    assert_eq!(s.ui.list.shown_query, "cert:attested risk");
    // Enter keeps the filter: the error stays, in the list pane and the status line.
    s.update(Action::SearchAccept);
    assert!(s.search_target().is_none());
    let text = screen(&draw(&mut s, 120, 30));
    assert!(text.contains("stale"), "{text}");
    assert!(
        text.contains("stale, the list of /cert:attested risk"),
        "{text}"
    );
    assert!(
        text.contains("filter, column 20: `extreme` is not a risk tier; expected critical"),
        "the whole error in the status line after Enter: {text}"
    );
    // Fixing the value makes the list the bar's again.
    s.update(Action::StartSearch);
    for _ in 0.."extreme".len() {
        s.update(Action::SearchBackspace);
    }
    type_text(&mut s, "low");
    assert!(s.ui.list.query_error.is_none());
    assert!(!s.ui.list.is_stale());
    assert_eq!(s.ui.list.shown_query, s.ui.list.query);
    let text = screen(&draw(&mut s, 120, 30));
    assert!(!text.contains("stale"), "{text}");
}

#[test]
fn an_error_from_the_first_key_shows_the_unfiltered_list_as_stale() {
    let mut s = state();
    search(&mut s, "\"");
    assert!(s.ui.list.is_stale());
    assert_eq!(s.ui.list.matches.len(), 4);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("stale, the list of no filter"), "{text}");
}

#[test]
fn commas_mean_any_of_in_the_list() {
    let mut s = state();
    search(&mut s, "cert:certified,attested");
    assert_eq!(ids(&s), ["WA100000001", "WA200001428", "WA200003306"]);
    search(&mut s, "-cert:certified,attested");
    assert_eq!(ids(&s), ["WA104380000"]);
    // Any of two permissions, on one permission together with its kind.
    search(&mut s, "perm:Mail.Send,Contacts.ReadWrite");
    assert_eq!(ids(&s), ["WA100000001", "WA200001428"]);
}

#[test]
fn review_lists_see_decisions_made_here() {
    let mut s = state();
    s.update(Action::Approve); // the first app
    s.update(Action::MoveDown);
    s.update(Action::Block);
    s.update(Action::MoveDown);
    s.update(Action::NeedsReview);
    let decided: Vec<String> = (0..2)
        .map(|i| {
            s.workspace.catalog.apps[s.ui.list.matches[i].index]
                .id
                .clone()
        })
        .collect();
    search(&mut s, "review:approved,blocked");
    let mut want = decided;
    want.sort();
    assert_eq!(ids(&s), want);
    assert!(s.ui.list.query_error.is_none());
}
