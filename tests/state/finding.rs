//! `/` that finds (help, the permission index) and `n`/`N`, through `State::update`.

use crate::support::tui::*;
use attest_tui::tui::state::{Help, HelpLine, Layer, SearchTarget};
use attest_tui::tui::{Action, Mode};

fn help(s: &attest_tui::tui::State) -> &Help {
    s.ui.layers
        .iter()
        .rev()
        .find_map(|l| match l {
            Layer::Help(h) => Some(h),
            _ => None,
        })
        .expect("help is open")
}

#[test]
fn help_opens_on_the_keys_of_the_view_it_was_opened_from() {
    let mut s = state();
    apply(&mut s, [Action::Right, Action::OpenHelp]);
    assert_eq!(
        help(&s).lines[0],
        HelpLine::Heading("App detail (here)".into())
    );
    apply(
        &mut s,
        [
            Action::CloseOverlay,
            Action::OpenPermIndex,
            Action::OpenHelp,
        ],
    );
    assert_eq!(
        help(&s).lines[0],
        HelpLine::Heading("Permission index (here)".into())
    );
}

#[test]
fn slash_in_help_finds_scrolls_to_the_match_and_n_goes_on() {
    let mut s = state();
    apply(&mut s, [Action::OpenHelp]);
    draw(&mut s, 80, 24);
    apply(&mut s, [Action::StartSearch]);
    assert_eq!(s.search_target(), Some(&SearchTarget::Help));
    assert_eq!(s.mode(), Mode::Search);
    type_text(&mut s, "differ");
    draw(&mut s, 80, 24);
    let h = help(&s);
    let first = h.current.expect("a match is current");
    assert!(
        h.lines[first].text().contains("differ"),
        "{:?}",
        h.lines[first]
    );
    let rows = s.ui.layout.help_rows;
    assert!(
        (h.scroll..h.scroll + rows).contains(&first),
        "the match at line {first} is on screen (scroll {}, {rows} rows)",
        h.scroll
    );
    apply(&mut s, [Action::SearchAccept, Action::NextMatch]);
    let second = help(&s).current.unwrap();
    assert!(second > first);
    assert!(help(&s).lines[second].text().contains("differ"));
    apply(&mut s, [Action::PreviousMatch]);
    assert_eq!(help(&s).current, Some(first));
    // The help stays open with its query; Esc closes it.
    assert_eq!(s.mode(), Mode::Help);
    apply(&mut s, [Action::CloseOverlay]);
    assert_eq!(s.mode(), Mode::List);
}

#[test]
fn a_find_typed_before_the_help_is_first_drawn_still_shows_its_match() {
    let mut s = state();
    apply(&mut s, [Action::OpenHelp, Action::StartSearch]);
    type_text(&mut s, "differ");
    apply(&mut s, [Action::SearchAccept]);
    draw(&mut s, 80, 24);
    let h = help(&s);
    let first = h.current.unwrap();
    let rows = s.ui.layout.help_rows;
    assert!(
        (h.scroll..h.scroll + rows).contains(&first),
        "{first} in view"
    );
}

#[test]
fn slash_in_the_permission_index_selects_the_match_and_n_goes_on() {
    let mut s = state();
    apply(&mut s, [Action::OpenPermIndex]);
    draw(&mut s, 80, 24);
    apply(&mut s, [Action::StartSearch]);
    assert_eq!(s.search_target(), Some(&SearchTarget::Index));
    type_text(&mut s, "user.read");
    let ix = |s: &attest_tui::tui::State| match s.ui.layers.first() {
        Some(Layer::Index(ix)) => (**ix).clone(),
        _ => panic!("index open"),
    };
    let first = ix(&s).rows.selected;
    assert!(
        ix(&s).perms[first]
            .name
            .to_lowercase()
            .contains("user.read"),
        "{:?}",
        ix(&s).perms[first]
    );
    apply(&mut s, [Action::SearchAccept]);
    assert_eq!(s.mode(), Mode::Index);
    let before = ix(&s).rows.selected;
    apply(&mut s, [Action::NextMatch]);
    let after = ix(&s).rows.selected;
    let hits = ix(&s)
        .perms
        .iter()
        .filter(|p| p.name.to_lowercase().contains("user.read"))
        .count();
    if hits > 1 {
        assert_ne!(before, after);
    }
    assert!(
        ix(&s).perms[after]
            .name
            .to_lowercase()
            .contains("user.read")
    );
}

#[test]
fn n_in_a_filtered_list_goes_to_the_next_row_and_wraps() {
    let mut s = state();
    apply(&mut s, [Action::StartSearch]);
    type_text(&mut s, "o");
    apply(&mut s, [Action::SearchAccept]);
    let n = s.ui.list.matches.len();
    assert!(n > 1);
    apply(&mut s, [Action::PreviousMatch]);
    assert_eq!(s.ui.list.scroll.selected, n - 1, "wraps to the last");
    apply(&mut s, [Action::NextMatch]);
    assert_eq!(s.ui.list.scroll.selected, 0);
}
