//! The way back: every jump remembers where it came from, and Backspace / Ctrl-o (`go_back`)
//! returns with the list filter, sort, tab, selection and the layers that were open.

use attest_tui::tui::state::{Focus, Item, Layer, TabKey};
use attest_tui::tui::{Action, State};
use attest_tui::workspace::SortKey;

use crate::support::tui::{apply, draw, screen, state, type_text};

fn selected_name(s: &State) -> String {
    s.current_app().map(|a| a.name.clone()).unwrap_or_default()
}

/// Filter the list to "landis", keep it, sort by name, open Permissions on Mail.Send.
fn landis_on_mail_send(s: &mut State) {
    s.update(Action::StartSearch);
    type_text(s, "landis");
    s.update(Action::SearchAccept);
    s.update(Action::CycleSort);
    let perms = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Permissions)
        .unwrap();
    apply(s, [Action::Right, Action::SelectTab(perms)]);
    let pos = s
        .items()
        .iter()
        .position(|i| match i {
            Item::Perm(p, _) => s.current_app().unwrap().permissions[*p].name == "Mail.Send",
            _ => false,
        })
        .expect("Landis requests Mail.Send");
    s.update(Action::ClickRow(pos));
}

#[test]
fn back_after_a_jump_from_a_permission_popup_restores_filter_sort_tab_and_popup() {
    let mut s = state();
    landis_on_mail_send(&mut s);
    let sort = s.ui.list.sort;
    assert_eq!(sort, Some(SortKey::ALL[0]));
    let row = s.current_tab_state().scroll.selected;
    s.update(Action::Activate);
    let popup = s.popup().cloned().expect("the permission popup");
    s.update(Action::Activate); // jump to Contoso Notes, hidden by the filter
    assert_eq!(selected_name(&s), "Contoso Notes");
    assert_eq!(s.ui.list.query, "", "the filter hid the target");
    let told = s.message().expect("a message").text.clone();
    assert!(
        told.starts_with("Backspace restores the filter /landis")
            && told.contains("hid Contoso Notes"),
        "the filter is not cleared silently: {told}"
    );
    assert_eq!(s.ui.history.len(), 1);

    s.update(Action::GoBack);
    assert_eq!(s.ui.list.query, "landis");
    assert_eq!(s.ui.list.matches.len(), 1);
    assert_eq!(s.ui.list.sort, sort);
    assert_eq!(selected_name(&s), "联系人中心");
    assert_eq!(s.current_tab().unwrap().key, TabKey::Permissions);
    assert_eq!(s.current_tab_state().scroll.selected, row);
    assert_eq!(s.ui.focus, Focus::Detail);
    assert_eq!(
        s.popup(),
        Some(&popup),
        "the popup the jump left is open again"
    );
    assert!(s.ui.history.is_empty());
}

#[test]
fn a_jump_to_an_app_the_filter_shows_keeps_the_filter() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "cert:certified,attested");
    s.update(Action::SearchAccept);
    s.update(Action::OpenPermIndex);
    // The most requested permission (User.Read, three apps); jump to its second app.
    apply(
        &mut s,
        [Action::Activate, Action::MoveDown, Action::Activate],
    );
    assert!(s.ui.layers.is_empty());
    assert_eq!(s.ui.list.query, "cert:certified,attested");
    assert!(
        s.message().is_none(),
        "nothing was cleared: {:?}",
        s.message()
    );
    let jumped_to = selected_name(&s);
    s.update(Action::GoBack);
    let Some(Layer::Index(ix)) = s.ui.layers.last() else {
        panic!("the index is back: {:?}", s.ui.layers)
    };
    assert!(ix.in_apps);
    assert_eq!(ix.apps.selected, 1);
    assert_ne!(selected_name(&s), "", "{jumped_to}");
}

#[test]
fn jumps_stack_and_go_back_one_at_a_time() {
    let mut s = state();
    // Compare the first two apps, open B, then A of a second comparison.
    let (a, b) = (s.ui.list.matches[0].index, s.ui.list.matches[1].index);
    s.update(Action::CompareApps { a, b });
    s.update(Action::OpenAppB);
    assert!(s.compare_view().is_none());
    assert_eq!(s.current_app_index(), Some(b));
    assert_eq!(s.ui.focus, Focus::Detail);
    s.update(Action::MoveDown);
    s.update(Action::CompareApps { a: b, b: a });
    s.update(Action::OpenAppB);
    assert_eq!(s.current_app_index(), Some(a));
    assert_eq!(s.ui.history.len(), 2);

    s.update(Action::GoBack);
    assert_eq!(s.compare_view().map(|v| (v.a, v.b)), Some((b, a)));
    s.update(Action::CloseOverlay);
    assert_eq!(
        s.current_app_index(),
        Some(b),
        "under the second comparison"
    );
    s.update(Action::GoBack);
    assert_eq!(s.compare_view().map(|v| (v.a, v.b)), Some((a, b)));
    assert_eq!(s.ui.focus, Focus::List);
    assert!(s.ui.history.is_empty());
}

#[test]
fn going_back_with_no_jump_says_so() {
    let mut s = state();
    assert!(s.update(Action::GoBack));
    assert!(s.message().unwrap().text.contains("nothing to go back to"));
    assert_eq!(s.ui.list.matches.len(), 4);
}

#[test]
fn backspace_and_ctrl_o_go_back_in_list_and_detail() {
    use attest_tui::tui::keymap::Mode;
    let s = state();
    for mode in [Mode::List, Mode::Detail] {
        let keys: Vec<String> =
            s.ui.keymap
                .bindings(mode)
                .filter(|b| b.action == Action::GoBack)
                .flat_map(|b| b.keys.iter().map(|k| k.to_string()))
                .collect();
        assert_eq!(keys, ["Backspace", "Ctrl-o"], "{mode:?}");
    }
    let text = screen(&draw(&mut state(), 200, 50));
    assert!(text.contains("jump back"), "{text}");
}
