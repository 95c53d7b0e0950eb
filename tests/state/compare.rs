//! The compare view: marking, opening (with a marked app or through the picker), swapping,
//! replacing, only differences, tabs, the shared scroll, closing; and how it looks.

use attest_tui::compare::Status;
use attest_tui::model::{Catalog, PermissionKind};
use attest_tui::tui::state::PickFor;
use attest_tui::tui::state::{Focus, Layer};
use attest_tui::tui::{Action, Mode, State, Theme};
use insta::assert_snapshot;
use ratatui::buffer::Buffer;

use crate::support::apps::{REG_A, contact_center, permission, popp};
use crate::support::tui::{apply, draw, screen, type_text};

/// Two hand-built Chinese apps; POPP also holds a critical application permission.
fn two_apps() -> State {
    let mut b = popp();
    b.permissions.push(permission(
        "Directory.ReadWrite.All",
        PermissionKind::Application,
        REG_A,
    ));
    let catalog = Catalog {
        apps: vec![contact_center(), b],
        ..Catalog::default()
    };
    State::new(catalog, "two apps").with_theme(Theme::color())
}

fn name(s: &State, i: usize) -> &str {
    &s.workspace.catalog.apps[i].name
}

/// Catalog indices of the compared apps (A, B).
fn sides(s: &State) -> (usize, usize) {
    let v = s.compare_view().expect("compare view open");
    (v.a, v.b)
}

fn select(s: &mut State, app: &str) {
    let pos =
        s.ui.list
            .matches
            .iter()
            .position(|m| s.workspace.catalog.apps[m.index].name == app)
            .expect("app listed");
    s.update(Action::ClickApp(pos));
}

/// Mark 联系人中心, select POPP, press c.
fn opened() -> State {
    let mut s = two_apps();
    select(&mut s, "联系人中心");
    s.update(Action::Mark);
    select(&mut s, "POPP 云 VoIP 连接器");
    s.update(Action::Compare);
    s
}

// ---- state ----

#[test]
fn m_marks_the_selected_app_and_again_unmarks_it() {
    let mut s = two_apps();
    let cur = s.current_app_index();
    assert!(s.update(Action::Mark));
    assert_eq!(s.ui.marked, cur);
    s.update(Action::MoveDown);
    s.update(Action::Mark);
    assert_eq!(
        s.ui.marked,
        s.current_app_index(),
        "marking another moves the mark"
    );
    s.update(Action::Mark);
    assert_eq!(s.ui.marked, None);
}

#[test]
fn c_compares_the_marked_app_with_the_selected_one() {
    let s = opened();
    assert_eq!(s.mode(), Mode::Compare);
    let (a, b) = sides(&s);
    assert_eq!(
        (name(&s, a), name(&s, b)),
        ("联系人中心", "POPP 云 VoIP 连接器")
    );
    let v = s.compare_view().unwrap();
    assert_eq!(v.comparison.a.name, "联系人中心");
    assert_eq!(v.comparison.b.name, "POPP 云 VoIP 连接器");
}

#[test]
fn c_without_a_mark_opens_the_picker_without_the_selected_app() {
    let mut s = two_apps();
    select(&mut s, "联系人中心");
    s.update(Action::Compare);
    assert_eq!(s.mode(), Mode::Picker);
    let Some(Layer::Picker(p)) = s.ui.layers.last() else {
        panic!("picker on top");
    };
    assert_eq!(p.purpose, PickFor::Open { a: 0 });
    assert!(
        p.matches.iter().all(|m| m.index != 0),
        "the app itself is not offered"
    );
    type_text(&mut s, "popp");
    let Some(Layer::Picker(p)) = s.ui.layers.last() else {
        panic!("picker on top");
    };
    assert_eq!(p.query, "popp");
    assert_eq!(p.matches.len(), 1);
    s.update(Action::SearchAccept);
    assert_eq!(s.mode(), Mode::Compare);
    assert_eq!(sides(&s), (0, 1));
}

#[test]
fn c_on_the_marked_app_itself_picks_the_other_one_and_esc_cancels() {
    let mut s = two_apps();
    apply(&mut s, [Action::Mark, Action::Compare]);
    assert_eq!(s.mode(), Mode::Picker);
    type_text(&mut s, "zzzz");
    s.update(Action::SearchAccept);
    assert_eq!(s.mode(), Mode::Picker, "nothing to pick: stays open");
    s.update(Action::SearchCancel);
    assert_eq!(s.mode(), Mode::List);
    assert!(s.ui.layers.is_empty());
}

#[test]
fn s_swaps_the_sides_and_keeps_the_tab_of_the_same_zone() {
    let mut s = opened();
    s.update(Action::SelectTab(1));
    let pivot = s.compare_view().unwrap().comparison.zones[1].pivot.clone();
    assert!(s.update(Action::Swap));
    assert_eq!(sides(&s), (1, 0));
    let v = s.compare_view().unwrap();
    assert_eq!(v.comparison.a.name, "POPP 云 VoIP 连接器");
    assert_eq!(v.comparison.zones[v.tab].pivot, pivot);
    // Only-A permissions became only-B.
    let before = opened();
    let p0 = &before.compare_view().unwrap().comparison.permissions;
    assert_eq!(v.comparison.permissions.only_b, p0.only_a);
}

#[test]
fn r_replaces_the_right_app_through_the_picker_and_esc_keeps_it() {
    let mut s = opened();
    s.update(Action::ReplaceRight);
    assert_eq!(s.mode(), Mode::Picker);
    s.update(Action::SearchCancel);
    assert_eq!(s.mode(), Mode::Compare);
    assert_eq!(sides(&s), (0, 1), "cancelling changes nothing");
    // With two apps, replacing A offers only the app that is not on side B.
    s.update(Action::ReplaceLeft);
    let Some(Layer::Picker(p)) = s.ui.layers.last() else {
        panic!("picker on top");
    };
    assert_eq!(p.exclude, 1);
    assert_eq!(
        p.matches.iter().map(|m| m.index).collect::<Vec<_>>(),
        vec![0]
    );
    s.update(Action::SearchAccept);
    assert_eq!(sides(&s), (0, 1));
    assert_eq!(
        s.ui.layers.len(),
        1,
        "the picker replaced nothing but a side"
    );
}

#[test]
fn replacing_with_a_third_app_recompares() {
    let mut s = State::new(crate::support::tui::fixture(), "fixture").with_theme(Theme::color());
    apply(&mut s, [Action::Mark, Action::MoveDown]);
    s.update(Action::Compare);
    let (a, _) = sides(&s);
    s.update(Action::ReplaceRight);
    type_text(&mut s, "fabrikam");
    s.update(Action::SearchAccept);
    let v = s.compare_view().unwrap();
    assert_eq!(v.a, a);
    assert_eq!(v.comparison.b.name, "Fabrikam Tasks");
}

#[test]
fn d_shows_only_differences_and_back() {
    let mut s = opened();
    let all = s.compare_view().unwrap().rows();
    assert!(s.update(Action::OnlyDifferences));
    let v = s.compare_view().unwrap();
    assert!(v.only_differences);
    let diff = v.rows();
    assert!(diff.len() < all.len(), "same rows are hidden");
    assert!(diff.iter().all(|r| v.is_difference(*r)));
    s.update(Action::OnlyDifferences);
    assert_eq!(s.compare_view().unwrap().rows(), all);
}

#[test]
fn tabs_are_the_union_of_zones_then_permissions_and_wrap() {
    let mut s = opened();
    let v = s.compare_view().unwrap();
    // general, data (both), zerotrust (A), compliance (B), then Permissions.
    assert_eq!(v.tab_count(), 5);
    assert!(!v.comparison.zones[2].b_present);
    assert!(!v.comparison.zones[3].a_present);
    s.update(Action::PrevTab);
    assert!(s.compare_view().unwrap().is_permissions_tab());
    s.update(Action::NextTab);
    assert_eq!(s.compare_view().unwrap().tab, 0);
    apply(&mut s, [Action::Right, Action::Right]);
    assert_eq!(s.compare_view().unwrap().tab, 2);
    s.update(Action::Left);
    assert_eq!(s.compare_view().unwrap().tab, 1);
    assert!(!s.update(Action::SelectTab(9)), "out of range");
    s.update(Action::SelectTab(4));
    assert!(s.compare_view().unwrap().is_permissions_tab());
}

#[test]
fn both_columns_scroll_together_and_each_tab_keeps_its_place() {
    let mut s = opened();
    s.update(Action::SelectTab(4));
    let len = s.compare_view().unwrap().rows().len();
    assert!(len > 4);
    s.update(Action::MoveDown);
    assert_eq!(s.compare_view().unwrap().scroll().selected, 1);
    s.update(Action::ScrollDetail(3)); // the wheel
    assert_eq!(s.compare_view().unwrap().scroll().selected, 4);
    s.update(Action::Bottom);
    assert_eq!(s.compare_view().unwrap().scroll().selected, len - 1);
    s.update(Action::SelectTab(0));
    assert_eq!(s.compare_view().unwrap().scroll().selected, 0);
    s.update(Action::SelectTab(4));
    assert_eq!(s.compare_view().unwrap().scroll().selected, len - 1);
}

#[test]
fn n_and_shift_n_jump_between_differences() {
    let mut s = opened();
    let v = s.compare_view().unwrap();
    let rows = v.rows();
    let diffs: Vec<usize> = (0..rows.len())
        .filter(|&i| v.is_difference(rows[i]))
        .collect();
    assert!(diffs.len() >= 2, "{rows:?}");
    s.update(Action::NextDifference);
    let first_after_0 = *diffs.iter().find(|&&i| i > 0).unwrap();
    assert_eq!(s.compare_view().unwrap().scroll().selected, first_after_0);
    s.update(Action::Bottom);
    s.update(Action::PreviousDifference);
    let last = s.compare_view().unwrap().rows().len() - 1;
    let expected = *diffs.iter().rev().find(|&&i| i < last).unwrap();
    assert_eq!(s.compare_view().unwrap().scroll().selected, expected);
}

#[test]
fn esc_and_q_close_back_to_where_you_were() {
    let mut s = two_apps();
    apply(&mut s, [Action::Mark, Action::MoveDown]);
    apply(&mut s, [Action::Right, Action::SelectTab(1)]);
    s.update(Action::Compare);
    assert_eq!(s.mode(), Mode::Compare);
    s.update(Action::CloseOverlay);
    assert_eq!(s.mode(), Mode::Detail);
    assert_eq!(s.ui.focus, Focus::Detail);
    assert_eq!(s.tab_index(), 1);
    assert_eq!(
        s.ui.marked,
        Some(0),
        "the mark stays for the next comparison"
    );
}

#[test]
fn help_opens_over_the_compare_view_and_closes_back_to_it() {
    let mut s = opened();
    s.update(Action::OpenHelp);
    assert_eq!(s.mode(), Mode::Help);
    s.update(Action::CloseOverlay);
    assert_eq!(s.mode(), Mode::Compare);
    assert!(!s.ui.quit);
    s.update(Action::Quit);
    assert!(s.ui.quit, "Ctrl-C still quits");
}

#[test]
fn keys_come_from_the_table_in_every_compare_mode() {
    let s = two_apps();
    let hints = |m| s.ui.keymap.hints(m);
    assert!(
        hints(Mode::List)
            .iter()
            .any(|(k, h)| k == "m" && *h == "mark")
    );
    assert!(
        hints(Mode::Detail)
            .iter()
            .any(|(k, h)| k == "c" && *h == "compare")
    );
    let compare: Vec<String> = hints(Mode::Compare).into_iter().map(|(k, _)| k).collect();
    for key in ["d", "n/N", "s", "r", "Esc/q"] {
        assert!(compare.contains(&key.to_string()), "{key} in {compare:?}");
    }
    assert!(hints(Mode::Picker).iter().any(|(k, _)| k == "Enter"));
}

// ---- drawing ----

fn cell_style(buf: &Buffer, text: &str, glyph: &str) -> ratatui::style::Style {
    let area = buf.area;
    for y in 0..area.height {
        let row = Buffer {
            area: ratatui::layout::Rect::new(0, 0, area.width, 1),
            content: buf.content[(y * area.width) as usize..((y + 1) * area.width) as usize]
                .to_vec(),
        };
        if screen(&row).contains(text) {
            for x in 0..area.width {
                if buf[(x, y)].symbol() == glyph {
                    return buf[(x, y)].style();
                }
            }
        }
    }
    panic!("no line with {text:?} and {glyph:?}");
}

#[test]
fn marked_app_shows_a_marker_in_the_list() {
    let mut s = two_apps();
    s.update(Action::Mark);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.lines().nth(2).unwrap().contains('⇄'), "{text}");
}

#[test]
fn compare_zone_tab_at_80x24() {
    let mut s = opened();
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    assert!(text.contains("联系人中心") && text.contains("POPP 云 VoIP 连接器"));
    // A row answered differently carries the changed style on its marker and question.
    let theme = Theme::color();
    let changed = s.compare_view().unwrap().comparison.zones[0]
        .rows
        .iter()
        .find(|r| r.status == Status::Different)
        .expect("a differing row")
        .question()
        .to_string();
    assert_eq!(cell_style(&buf, &changed, "≠").fg, theme.diff_changed.fg);
    // 联系人中心 answers 公司总部位置 with nothing: POPP alone answered it.
    assert_eq!(cell_style(&buf, "公司总部位置", "▶").fg, theme.diff_only.fg);
    assert_snapshot!(text);
}

#[test]
fn compare_zone_only_one_app_has_reads_not_provided() {
    let mut s = opened();
    s.update(Action::SelectTab(2));
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    assert!(text.contains("not provided"), "{text}");
    let theme = Theme::color();
    assert_eq!(cell_style(&buf, "条件访问", "«").fg, theme.diff_missing.fg);
}

#[test]
fn compare_permissions_at_160x40() {
    let mut s = opened();
    s.update(Action::SelectTab(4));
    let buf = draw(&mut s, 160, 40);
    let text = screen(&buf);
    // The critical application permission only B holds stands out with its tier marker.
    let theme = Theme::color();
    let line = text
        .lines()
        .find(|l| l.contains("Directory.ReadWrite.All"))
        .expect("listed");
    assert!(line.contains("!!") && line.contains("critical"), "{line}");
    let st = cell_style(&buf, "Directory.ReadWrite.All", "D");
    assert_eq!(
        (st.fg, st.add_modifier),
        (theme.risk_critical.fg, theme.risk_critical.add_modifier)
    );
    assert_eq!(
        cell_style(&buf, "Directory.ReadWrite.All", "▶").fg,
        theme.diff_only.fg
    );
    assert!(text.contains("Only in A") && text.contains("Only in B"));
    assert!(text.contains(REG_A), "registrations per side:\n{text}");
    assert_snapshot!(text);
}

#[test]
fn compare_only_differences_at_80x24_and_picker() {
    let mut s = opened();
    s.update(Action::OnlyDifferences);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("only differences"), "{text}");
    assert!(text.lines().last().unwrap().contains("d diffs"), "{text}");
    s.update(Action::ReplaceRight);
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    assert!(text.contains("Replace the right app (B)"), "{text}");
    // Chinese text left of the picker does not spill over its border.
    let r = s.ui.layout.popup;
    for y in r.top() + 1..r.bottom() - 1 {
        assert_eq!(buf[(r.x, y)].symbol(), "│", "row {y}:\n{text}");
        let left = buf[(r.x - 1, y)].symbol();
        assert!(
            attest_tui::text::display_width(left) <= 1,
            "row {y}:\n{text}"
        );
    }
    assert_snapshot!(text);
}

#[test]
fn cjk_columns_line_up_on_both_sides() {
    let mut s = opened();
    let text = screen(&draw(&mut s, 100, 30));
    // Every table line puts the A│B separator in the same display column.
    let cols: Vec<usize> = text
        .lines()
        .filter(|l| l.starts_with('│') && l.matches('│').count() == 3)
        .map(|l| {
            let i = l[3..].find('│').unwrap() + 3;
            attest_tui::text::display_width(&l[..i])
        })
        .collect();
    assert!(cols.len() > 3, "{text}");
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "{cols:?}\n{text}");
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    let mut s = opened();
    for (w, h) in [(40, 10), (41, 11), (80, 12), (200, 50), (45, 30)] {
        for tab in 0..5 {
            s.update(Action::SelectTab(tab));
            draw(&mut s, w, h);
        }
    }
}

#[test]
fn enter_shows_both_sides_of_the_row_whole_and_esc_returns() {
    let mut s = opened();
    apply(&mut s, [Action::MoveDown, Action::Activate]);
    assert_eq!(s.mode(), Mode::Popup);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(
        text.contains("A · 联系人中心") && text.contains("B · POPP 云 VoIP 连接器"),
        "{text}"
    );
    s.update(Action::CloseOverlay);
    assert_eq!(s.mode(), Mode::Compare);
    // A permission shows its tier and why on the side that holds it.
    apply(
        &mut s,
        [Action::SelectTab(4), Action::Top, Action::MoveDown],
    );
    s.update(Action::Activate);
    let text = screen(&draw(&mut s, 100, 30));
    assert!(text.contains("Delegated · medium"), "{text}");
}

#[test]
fn the_wheel_scrolls_both_columns_and_a_click_selects_a_tab() {
    use attest_tui::tui::input::action_for;
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    let mut s = opened();
    draw(&mut s, 80, 24);
    let layout = s.ui.layout.clone();
    let at = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let r = layout.compare;
    let wheel = action_for(&at(MouseEventKind::ScrollDown, r.x + 5, r.y), &s, &layout);
    assert_eq!(wheel, Some(Action::ScrollDetail(3)));
    let (tab, i) = layout.tabs[2];
    let click = at(
        MouseEventKind::Down(crossterm::event::MouseButton::Left),
        tab.x,
        tab.y,
    );
    assert_eq!(action_for(&click, &s, &layout), Some(Action::ClickTab(i)));
    s.update(Action::ClickTab(i));
    assert_eq!(s.compare_view().unwrap().tab, 2);
}

#[test]
fn no_color_keeps_every_diff_meaning_apart() {
    let t = Theme::no_color();
    let styles = [
        t.diff_same,
        t.diff_changed,
        t.diff_only,
        t.diff_missing,
        t.risk_critical,
        t.risk_high,
    ];
    for (i, a) in styles.iter().enumerate() {
        assert!(a.fg.is_none() && a.bg.is_none(), "no colors");
        for b in &styles[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn dangerous_permissions_come_first_in_each_section() {
    use attest_tui::risk::Tier;
    use attest_tui::tui::state::layers::{CompareRow, PermSection};
    let mut s = State::new(crate::support::tui::fixture(), "fixture").with_theme(Theme::color());
    apply(&mut s, [Action::Mark, Action::MoveDown]);
    apply(&mut s, [Action::Compare, Action::SelectTab(9)]);
    s.update(Action::PrevTab); // Permissions, the last tab
    let v = s.compare_view().unwrap();
    assert!(v.is_permissions_tab());
    let rank = |t: Tier| Tier::ALL.iter().position(|x| *x == t).unwrap();
    let ranks: Vec<usize> = v
        .rows()
        .into_iter()
        .filter_map(|r| match r {
            CompareRow::Perm(PermSection::OnlyA, i) => {
                let e = &v.comparison.permissions.only_a[i];
                Some(rank(s.workspace.risk.rate(&e.name, e.kind).tier))
            }
            _ => None,
        })
        .collect();
    assert!(ranks.len() > 2, "{ranks:?}");
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(ranks[0], rank(Tier::High));
}

#[test]
fn the_status_line_names_the_marked_app() {
    let mut s = two_apps();
    s.update(Action::Mark);
    let text = screen(&draw(&mut s, 100, 24));
    let status = text.lines().nth(22).unwrap();
    assert!(status.contains("⇄ 联系人中心 marked"), "{status}");
    s.update(Action::Mark);
    let text = screen(&draw(&mut s, 100, 24));
    assert!(!text.contains("marked"), "{text}");
}

#[test]
fn keys_map_to_the_compare_actions() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let s = two_apps();
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let look = |m, c| s.ui.keymap.lookup(m, &key(c));
    for m in [Mode::List, Mode::Detail] {
        assert_eq!(look(m, 'm'), Some(Action::Mark));
        assert_eq!(look(m, 'c'), Some(Action::Compare));
    }
    assert_eq!(
        look(Mode::Compare, 'q'),
        Some(Action::CloseOverlay),
        "q closes, not quits"
    );
    assert_eq!(look(Mode::Compare, 's'), Some(Action::Swap));
    assert_eq!(look(Mode::Compare, 'r'), Some(Action::ReplaceRight));
    assert_eq!(look(Mode::Compare, 'd'), Some(Action::OnlyDifferences));
    assert_eq!(look(Mode::Compare, 'N'), Some(Action::PreviousDifference));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        s.ui.keymap.lookup(Mode::Compare, &esc),
        Some(Action::CloseOverlay)
    );
    // Letters typed in the picker search, even those bound elsewhere.
    let ev = crossterm::event::Event::Key(key('q'));
    let mut s = s;
    s.update(Action::Compare);
    let layout = s.ui.layout.clone();
    assert_eq!(
        attest_tui::tui::input::action_for(&ev, &s, &layout),
        Some(Action::SearchInput('q'))
    );
}

#[test]
fn answers_keep_their_value_colors_on_both_sides() {
    let mut s = opened();
    s.update(Action::SelectTab(1)); // data: both answer 是 to the first question
    let buf = draw(&mut s, 80, 24);
    let theme = Theme::color();
    let area = buf.area;
    let y = (0..area.height)
        .find(|&y| {
            let row: String = (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .filter(|c| !c.trim().is_empty())
                .collect();
            row.contains("基础结构")
        })
        .expect("the row is shown");
    let yes: Vec<u16> = (0..area.width)
        .filter(|&x| buf[(x, y)].symbol() == "是")
        .collect();
    // The question itself holds 是 too; the last two are A's and B's answers.
    assert!(yes.len() >= 2, "{}", screen(&buf));
    for &x in &yes[yes.len() - 2..] {
        assert_eq!(buf[(x, y)].fg, theme.answer_yes.fg.unwrap());
    }
}
