//! Registrations as first-class: Enter on a shared registration lists the other apps using it
//! (publisher, certification), Enter jumps to one, and the way back returns to the popup; the
//! permission index names the apps sharing a registration.

use attest_tui::tui::state::{Item, Layer, PermGroup, Popup, TabKey};
use attest_tui::tui::{Action, State};
use insta::assert_snapshot;

use crate::support::tui::{apply, draw, screen, state};

const SHARED: &str = "341e195c-b261-4b05-8ba5-dd4a89b1f3e7";

/// The first app's Permissions tab, the cursor on the shared registration's header.
fn on_shared_group(s: &mut State) {
    let perms = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Permissions)
        .unwrap();
    apply(s, [Action::Right, Action::SelectTab(perms)]);
    let groups: Vec<PermGroup> = s.perm_groups();
    let pos = s
        .items()
        .iter()
        .position(
            |i| matches!(i, Item::Group(g) if groups[*g].registration.as_deref() == Some(SHARED)),
        )
        .expect("the first app uses the shared registration");
    s.update(Action::ClickRow(pos));
}

#[test]
fn enter_on_a_shared_registration_lists_its_apps_and_jumps() {
    let mut s = state();
    on_shared_group(&mut s);
    let before = s.items().len();
    s.update(Action::Activate);
    let popup = s.popup().cloned().expect("the registration popup");
    let Popup::Registration { guid, apps, .. } = &popup else {
        panic!("{popup:?}")
    };
    assert_eq!(guid, SHARED);
    assert_eq!(apps, &[1], "Contoso Notes uses it too");
    assert_eq!(s.items().len(), before, "Enter did not collapse the group");

    let text = screen(&draw(&mut s, 80, 24));
    assert!(
        text.contains("Other apps using this registration (1)"),
        "{text}"
    );
    assert!(text.contains("Contoso Notes · Contoso Ltd"), "{text}");
    let row = text
        .lines()
        .find(|l| l.contains("Contoso Notes · Contoso Ltd"))
        .unwrap();
    // Certification is a word; ✓ is kept for an approval.
    assert!(row.contains("certified"), "with its certification: {text}");
    assert_snapshot!("registration_popup_80x24", text);
    assert_snapshot!("registration_popup_200x50", screen(&draw(&mut s, 200, 50)));

    s.update(Action::Activate);
    assert!(s.ui.layers.is_empty());
    assert_eq!(s.current_app().unwrap().name, "Contoso Notes");
    // The cursor is on the same registration in the other app.
    let groups = s.perm_groups();
    match s.items()[s.current_tab_state().scroll.selected] {
        Item::Group(g) => assert_eq!(groups[g].registration.as_deref(), Some(SHARED)),
        other => panic!("{other:?}"),
    }
    s.update(Action::GoBack);
    assert_eq!(s.popup(), Some(&popup), "back at the registration's list");
}

#[test]
fn space_still_collapses_a_shared_registration() {
    let mut s = state();
    on_shared_group(&mut s);
    let before = s.items().len();
    s.update(Action::ToggleGroup);
    assert!(s.items().len() < before);
    assert!(s.popup().is_none());
}

#[test]
fn the_search_hook_narrows_the_registration_list() {
    let mut s = state();
    on_shared_group(&mut s);
    s.update(Action::Activate);
    let Some(Layer::Popup(popup)) = s.ui.layers.last_mut() else {
        panic!()
    };
    if let Popup::Registration { filter, .. } = popup {
        *filter = "nothing like it".into();
    }
    assert!(s.popup().unwrap().shown_apps(&s.workspace).is_empty());
    // Enter on an empty list closes it instead of jumping.
    s.update(Action::Activate);
    assert!(s.popup().is_none());
    assert_eq!(s.ui.history.len(), 0);
}

#[test]
fn the_index_names_the_apps_sharing_a_registration() {
    let mut s = state();
    s.update(Action::OpenPermIndex);
    s.update(Action::IndexSwitch);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(
        text.contains("联系人中心, Contoso Notes"),
        "names, not a bare GUID: {text}"
    );
    assert_snapshot!("index_registrations_80x24", text);
    assert_snapshot!("index_registrations_200x50", screen(&draw(&mut s, 200, 50)));
    apply(
        &mut s,
        [Action::Activate, Action::MoveDown, Action::Activate],
    );
    assert_eq!(s.current_app().unwrap().name, "Contoso Notes");
    let groups = s.perm_groups();
    assert!(matches!(
        s.items()[s.current_tab_state().scroll.selected],
        Item::Group(g) if groups[g].registration.as_deref() == Some(SHARED)
    ));
}
