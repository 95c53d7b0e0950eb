//! `State::update`, one behaviour a test, no terminal.

use crate::support::tui::*;
use attest_tui::tui::state::{Focus, Item, Layer, Popup, SearchTarget, TabKey};
use attest_tui::tui::{Action, Mode, ScreenLayout};

fn selected_name(s: &attest_tui::tui::State) -> String {
    s.current_app().map(|a| a.name.clone()).unwrap_or_default()
}

fn open_permissions(s: &mut attest_tui::tui::State) {
    let i = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Permissions)
        .unwrap();
    apply(s, [Action::Right, Action::SelectTab(i)]);
}

#[test]
fn starts_on_the_first_app_in_the_list() {
    let s = state();
    assert_eq!(s.mode(), Mode::List);
    assert_eq!(selected_name(&s), "联系人中心");
    assert_eq!(s.ui.list.matches.len(), 4);
}

#[test]
fn moves_clamp_at_both_ends() {
    let mut s = state();
    assert!(
        !s.update(Action::MoveUp),
        "moving above the first app changes nothing"
    );
    assert!(s.update(Action::MoveDown));
    assert_eq!(selected_name(&s), "Contoso Notes");
    apply(&mut s, [Action::Bottom]);
    assert_eq!(selected_name(&s), "Fabrikam Tasks");
    assert!(!s.update(Action::MoveDown));
    apply(&mut s, [Action::Top]);
    assert_eq!(selected_name(&s), "联系人中心");
}

#[test]
fn page_and_half_page_moves_use_the_visible_height() {
    let mut s = state();
    s.update(Action::Layout(Box::new(ScreenLayout {
        list_rows: 2,
        detail_rows: 4,
        ..ScreenLayout::default()
    })));
    s.update(Action::PageDown);
    assert_eq!(s.ui.list.scroll.selected, 2);
    s.update(Action::HalfPageDown);
    assert_eq!(s.ui.list.scroll.selected, 3);
    s.update(Action::HalfPageUp);
    assert_eq!(s.ui.list.scroll.selected, 2);
    s.update(Action::PageUp);
    assert_eq!(s.ui.list.scroll.selected, 0);
}

#[test]
fn layout_keeps_the_selection_visible() {
    let mut s = state();
    apply(&mut s, [Action::Bottom]);
    s.update(Action::Layout(Box::new(ScreenLayout {
        list_rows: 1,
        ..ScreenLayout::default()
    })));
    assert_eq!(s.ui.list.scroll.offset, 3);
    s.update(Action::Layout(Box::default()));
    assert_eq!(
        s.ui.list.scroll.offset, 0,
        "zero rows: offset resets, nothing panics"
    );
    assert_eq!(s.ui.list.scroll.selected, 3);
}

#[test]
fn enter_and_right_focus_the_detail_and_esc_returns() {
    let mut s = state();
    s.update(Action::Activate);
    assert_eq!(s.mode(), Mode::Detail);
    s.update(Action::Back);
    assert_eq!(s.mode(), Mode::List);
    s.update(Action::Right);
    assert_eq!(s.ui.focus, Focus::Detail);
    s.update(Action::Right);
    assert_eq!(s.ui.focus, Focus::Detail);
}

#[test]
fn left_from_the_first_tab_returns_to_the_list() {
    let mut s = state();
    apply(&mut s, [Action::Right, Action::Right]);
    assert_eq!(s.tab_index(), 1);
    s.update(Action::Left);
    assert_eq!((s.tab_index(), s.ui.focus), (0, Focus::Detail));
    s.update(Action::Left);
    assert_eq!(s.ui.focus, Focus::List);
    assert!(!s.update(Action::Left), "left on the list does nothing");
}

#[test]
fn tabs_are_zones_in_page_order_then_permissions() {
    let s = state();
    let titles: Vec<String> = s.tabs().into_iter().map(|t| t.title).collect();
    assert_eq!(
        titles,
        ["一般信息", "数据处理", "安全性", "认证", "Permissions"]
    );
}

#[test]
fn zone_without_title_falls_back_to_the_english_pivot_title() {
    let mut s = state();
    s.update(Action::MoveDown);
    assert_eq!(s.tabs()[1].title, "Data handling");
}

#[test]
fn next_and_previous_tab_wrap_around_and_select_tab_checks_range() {
    let mut s = state();
    s.update(Action::PrevTab);
    assert_eq!(s.tab_index(), 4);
    s.update(Action::NextTab);
    assert_eq!(s.tab_index(), 0);
    assert!(s.update(Action::SelectTab(2)));
    assert!(!s.update(Action::SelectTab(9)), "no tenth tab");
    assert_eq!(s.tab_index(), 2);
}

#[test]
fn the_tab_kind_is_kept_when_another_app_is_selected() {
    let mut s = state();
    open_permissions(&mut s);
    apply(&mut s, [Action::Back, Action::MoveDown]);
    assert_eq!(s.current_tab().unwrap().key, TabKey::Permissions);
    apply(&mut s, [Action::SelectTab(1), Action::MoveUp]);
    assert_eq!(s.current_tab().unwrap().key, TabKey::Zone("data".into()));
    s.update(Action::Bottom);
    assert_eq!(
        s.current_tab().unwrap().key,
        TabKey::Permissions,
        "an app without that zone opens its first tab"
    );
}

#[test]
fn list_search_is_live_ranked_and_enter_keeps_it() {
    let mut s = state();
    s.update(Action::StartSearch);
    assert_eq!(s.mode(), Mode::Search);
    type_text(&mut s, "contoso");
    assert_eq!(s.ui.list.matches.len(), 1);
    assert_eq!(selected_name(&s), "Contoso Notes");
    s.update(Action::SearchAccept);
    assert_eq!(s.mode(), Mode::List);
    assert_eq!(s.ui.list.query, "contoso");
    assert_eq!(s.ui.list.matches.len(), 1);
}

#[test]
fn search_backspace_and_clear_edit_the_query() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "zzz");
    assert!(s.ui.list.matches.is_empty());
    assert_eq!(s.current_app_index(), None);
    s.update(Action::SearchBackspace);
    assert_eq!(s.ui.list.query, "zz");
    s.update(Action::SearchClear);
    assert_eq!(s.ui.list.query, "");
    assert_eq!(s.ui.list.matches.len(), 4);
}

#[test]
fn esc_in_search_clears_and_keeps_the_app_under_the_cursor() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "popp");
    s.update(Action::SearchCancel);
    assert_eq!(s.mode(), Mode::List);
    assert_eq!(s.ui.list.matches.len(), 4);
    assert_eq!(selected_name(&s), "POPP 云 VoIP 连接器");
}

#[test]
fn esc_on_the_list_clears_a_kept_filter() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "landis");
    s.update(Action::SearchAccept);
    assert!(s.update(Action::Back));
    assert_eq!(s.ui.list.matches.len(), 4);
    assert!(!s.update(Action::Back));
}

#[test]
fn arrows_move_the_list_while_searching() {
    let mut s = state();
    s.update(Action::StartSearch);
    s.update(Action::MoveDown);
    assert_eq!(selected_name(&s), "Contoso Notes");
    assert_eq!(s.mode(), Mode::Search);
}

#[test]
fn tab_filter_is_per_tab_and_matches_question_or_answer() {
    let mut s = state();
    apply(
        &mut s,
        [Action::Right, Action::SelectTab(1), Action::StartSearch],
    );
    assert_eq!(s.search_target(), Some(&SearchTarget::Tab));
    type_text(&mut s, "第三方");
    assert_eq!(s.items().len(), 1);
    s.update(Action::SearchAccept);
    s.update(Action::SelectTab(0));
    assert!(s.items().len() > 1, "the general tab has no filter");
    s.update(Action::SelectTab(1));
    assert_eq!(s.current_tab_state().filter, "第三方");
    apply(&mut s, [Action::StartSearch, Action::SearchCancel]);
    assert_eq!(s.current_tab_state().filter, "");
}

#[test]
fn tab_filter_matches_answers_and_table_cells() {
    let mut s = state();
    apply(
        &mut s,
        [Action::Right, Action::SelectTab(1), Action::StartSearch],
    );
    type_text(&mut s, "备份");
    let items = s.items();
    assert!(items.iter().any(|i| matches!(i, Item::Row(_))), "{items:?}");
    assert!(
        items.iter().any(|i| matches!(i, Item::TableRow(_, 1))),
        "{items:?}"
    );
}

#[test]
fn a_table_whose_title_matches_shows_all_its_rows() {
    let mut s = state();
    apply(
        &mut s,
        [Action::Right, Action::SelectTab(1), Action::StartSearch],
    );
    type_text(&mut s, "存储位置");
    let rows = s
        .items()
        .iter()
        .filter(|i| matches!(i, Item::TableRow(..)))
        .count();
    assert_eq!(rows, 2);
}

#[test]
fn permissions_are_grouped_by_registration_in_first_seen_order() {
    let s = state();
    let groups: Vec<Option<String>> = s
        .perm_groups()
        .into_iter()
        .map(|g| g.registration)
        .collect();
    assert_eq!(
        groups,
        [
            Some("05c3e7fe-59c1-4d68-b334-336aa7ed4b64".to_string()),
            Some("341e195c-b261-4b05-8ba5-dd4a89b1f3e7".to_string()),
            Some("3a08b250-02ce-4316-94f7-069f4ae0c41b".to_string()),
            Some("c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8".to_string()),
        ]
    );
    let g = &s.perm_groups()[0];
    assert_eq!((g.perms.len(), g.application), (3, 1));
}

#[test]
fn shared_registration_lists_the_other_app() {
    let s = state();
    let others = s
        .workspace
        .index
        .apps_with_registration("341e195c-b261-4b05-8ba5-dd4a89b1f3e7", 0);
    assert_eq!(others, [1]);
    assert!(
        s.workspace
            .index
            .apps_with_registration("05c3e7fe-59c1-4d68-b334-336aa7ed4b64", 0)
            .is_empty()
    );
}

#[test]
fn groups_collapse_and_expand_keeping_the_cursor_on_the_header() {
    let mut s = state();
    open_permissions(&mut s);
    let before = s.items().len();
    apply(&mut s, [Action::MoveDown, Action::MoveDown]);
    assert!(matches!(s.items()[2], Item::Perm(..)));
    s.update(Action::ToggleGroup);
    assert_eq!(s.items().len(), before - 3);
    assert_eq!(s.current_tab_state().scroll.selected, 0);
    s.update(Action::Activate);
    assert_eq!(
        s.items().len(),
        before,
        "Enter on a group header expands it"
    );
}

#[test]
fn enter_on_a_row_opens_it_whole_and_esc_closes() {
    let mut s = state();
    apply(
        &mut s,
        [Action::Right, Action::SelectTab(1), Action::MoveDown],
    );
    s.update(Action::Activate);
    match s.popup() {
        Some(Popup::Text { sections, .. }) => {
            assert_eq!(sections[0].text, "是否与第三方共享客户数据？");
            assert_eq!(sections[1].text, "否");
        }
        other => panic!("expected a text popup, got {other:?}"),
    }
    assert_eq!(s.mode(), Mode::Popup);
    s.update(Action::CloseOverlay);
    assert_eq!(s.mode(), Mode::Detail);
}

#[test]
fn popup_text_scroll_is_limited_by_the_layout() {
    let mut s = state();
    apply(
        &mut s,
        [
            Action::Right,
            Action::SelectTab(1),
            Action::Bottom,
            Action::Activate,
        ],
    );
    s.update(Action::Layout(Box::new(ScreenLayout {
        popup_rows: 2,
        popup_scroll_max: 1,
        ..ScreenLayout::default()
    })));
    apply(
        &mut s,
        [Action::MoveDown, Action::MoveDown, Action::PageDown],
    );
    assert!(matches!(s.popup(), Some(Popup::Text { scroll: 1, .. })));
    s.update(Action::Top);
    assert!(matches!(s.popup(), Some(Popup::Text { scroll: 0, .. })));
}

#[test]
fn enter_on_a_permission_lists_other_apps_and_enter_jumps_there() {
    let mut s = state();
    open_permissions(&mut s);
    s.update(Action::StartSearch);
    type_text(&mut s, "Mail.Send");
    s.update(Action::SearchAccept);
    let pos = s
        .items()
        .iter()
        .position(|i| matches!(i, Item::Perm(..)))
        .unwrap();
    s.update(Action::ClickRow(pos));
    s.update(Action::Activate);
    match s.popup() {
        Some(Popup::Permission { others, .. }) => assert_eq!(others, &[1]),
        other => panic!("expected a permission popup, got {other:?}"),
    }
    s.update(Action::Activate);
    assert!(s.ui.layers.is_empty());
    assert_eq!(selected_name(&s), "Contoso Notes");
    assert_eq!(s.current_tab().unwrap().key, TabKey::Permissions);
    assert_eq!(s.ui.focus, Focus::Detail);
}

#[test]
fn jumping_to_an_app_hidden_by_the_search_clears_the_search() {
    let mut s = state();
    apply(&mut s, [Action::StartSearch]);
    type_text(&mut s, "landis");
    s.update(Action::SearchAccept);
    // A permission popup listing app 1 as another requester of Mail.Send; Enter jumps.
    let perm = s.workspace.catalog.apps[1]
        .permissions
        .iter()
        .position(|p| p.name == "Mail.Send")
        .unwrap();
    s.ui.layers.push(Layer::Popup(Popup::Permission {
        app: 1,
        perm,
        others: vec![1],
        list: Default::default(),
    }));
    s.update(Action::Activate);
    assert!(s.ui.layers.is_empty());
    assert_eq!(s.ui.list.query, "");
    assert_eq!(selected_name(&s), "Contoso Notes");
    let sel = s.items()[s.current_tab_state().scroll.selected];
    let Item::Perm(p, _) = sel else {
        panic!("{sel:?}")
    };
    assert_eq!(s.current_app().unwrap().permissions[p].name, "Mail.Send");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state();
    s.update(Action::OpenHelp);
    assert_eq!(s.mode(), Mode::Help);
    s.update(Action::Layout(Box::new(ScreenLayout {
        help_rows: 5,
        help_scroll_max: 3,
        ..ScreenLayout::default()
    })));
    apply(&mut s, [Action::Bottom]);
    assert!(matches!(
        s.ui.layers.last(),
        Some(Layer::Help(h)) if h.scroll == 3
    ));
    s.update(Action::CloseOverlay);
    assert_eq!(s.mode(), Mode::List);
}

#[test]
fn clicks_select_apps_rows_and_popup_entries() {
    let mut s = state();
    s.update(Action::ClickApp(2));
    assert_eq!(selected_name(&s), "POPP 云 VoIP 连接器");
    s.update(Action::ClickApp(99));
    assert_eq!(
        selected_name(&s),
        "Fabrikam Tasks",
        "a click past the end selects the last"
    );
    s.update(Action::Top);
    s.update(Action::ClickRow(1));
    assert_eq!(
        (s.ui.focus, s.current_tab_state().scroll.selected),
        (Focus::Detail, 1)
    );
    assert!(!s.update(Action::ClickPopupRow(0)), "no popup open");
}

#[test]
fn clicking_a_tab_selects_it_and_focuses_the_detail() {
    let mut s = state();
    assert!(s.update(Action::ClickTab(3)));
    assert_eq!((s.tab_index(), s.ui.focus), (3, Focus::Detail));
}

#[test]
fn clicking_in_the_permission_popup_selects_another_app() {
    let mut catalog = fixture();
    // A third app requesting User.Read, so the popup lists two others.
    let mut extra = catalog.apps[1].clone();
    extra.id = "WA100000002".into();
    extra.name = "Contoso Notes Pro".into();
    catalog.apps.push(extra);
    let mut s = attest_tui::tui::State::new(catalog, "x");
    open_permissions(&mut s);
    let pos = s
        .items()
        .iter()
        .position(|i| matches!(i, Item::Perm(..)))
        .unwrap();
    apply(&mut s, [Action::ClickRow(pos), Action::Activate]);
    let others = match s.popup() {
        Some(Popup::Permission { others, .. }) => others.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        others.len(),
        3,
        "User.Read: Contoso Notes, POPP, Contoso Notes Pro"
    );
    assert!(s.update(Action::ClickPopupRow(2)));
    s.update(Action::Activate);
    assert_eq!(selected_name(&s), "Contoso Notes Pro");
}

#[test]
fn wheel_scrolls_the_list_and_the_detail() {
    let mut s = state();
    s.update(Action::ScrollList(3));
    assert_eq!(s.ui.list.scroll.selected, 3);
    s.update(Action::ScrollList(-3));
    s.update(Action::ScrollDetail(2));
    assert_eq!(s.current_tab_state().scroll.selected, 2);
}

#[test]
fn quit_and_resize() {
    let mut s = state();
    assert!(s.update(Action::Resize));
    assert!(s.update(Action::Quit));
    assert!(s.ui.quit);
}

#[test]
fn empty_catalog_has_no_selection_and_every_action_is_safe() {
    let mut s = attest_tui::tui::State::new(Default::default(), "empty");
    for a in [
        Action::MoveDown,
        Action::Bottom,
        Action::Activate,
        Action::Right,
        Action::Right,
        Action::NextTab,
        Action::PrevTab,
        Action::SelectTab(0),
        Action::ToggleGroup,
        Action::StartSearch,
        Action::SearchInput('x'),
        Action::SearchAccept,
        Action::ClickApp(3),
        Action::ClickRow(3),
        Action::ScrollDetail(3),
    ] {
        s.update(a);
    }
    assert_eq!(s.current_app_index(), None);
    assert_eq!(s.ui.focus, Focus::List);
}
