//! Terminal events to actions: the key table per mode, only presses, typed search text, mouse
//! hits from the last drawn layout.

use crate::support::tui::*;
use attest_tui::tui::input::action_for;
use attest_tui::tui::{Action, Mode};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn press(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn vim_and_arrow_keys_move() {
    let s = state();
    let l = Default::default();
    assert_eq!(action_for(&press('j'), &s, &l), Some(Action::MoveDown));
    assert_eq!(
        action_for(&key(KeyCode::Up, KeyModifiers::NONE), &s, &l),
        Some(Action::MoveUp)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('G'), KeyModifiers::SHIFT), &s, &l),
        Some(Action::Bottom)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('d'), KeyModifiers::CONTROL), &s, &l),
        Some(Action::HalfPageDown)
    );
    assert_eq!(
        action_for(&key(KeyCode::BackTab, KeyModifiers::SHIFT), &s, &l),
        Some(Action::PrevTab)
    );
    assert_eq!(action_for(&press('3'), &s, &l), Some(Action::SelectTab(2)));
    assert_eq!(action_for(&press('q'), &s, &l), Some(Action::Quit));
    assert_eq!(action_for(&press('x'), &s, &l), None);
}

#[test]
fn only_key_presses_count() {
    let s = state();
    let release = Event::Key(KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(action_for(&release, &s, &Default::default()), None);
}

#[test]
fn keys_mean_different_things_per_mode() {
    let mut s = state();
    let l = Default::default();
    assert_eq!(action_for(&press('l'), &s, &l), Some(Action::Right));
    s.update(Action::Right);
    assert_eq!(s.mode(), Mode::Detail);
    assert_eq!(action_for(&press('h'), &s, &l), Some(Action::Left));
    assert_eq!(
        action_for(&key(KeyCode::Esc, KeyModifiers::NONE), &s, &l),
        Some(Action::Back)
    );
    s.update(Action::OpenHelp);
    assert_eq!(action_for(&press('q'), &s, &l), Some(Action::CloseOverlay));
}

#[test]
fn typing_in_search_becomes_input_even_for_bound_letters() {
    let mut s = state();
    s.update(Action::StartSearch);
    let l = Default::default();
    assert_eq!(
        action_for(&press('q'), &s, &l),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        action_for(&press('j'), &s, &l),
        Some(Action::SearchInput('j'))
    );
    assert_eq!(
        action_for(&press('联'), &s, &l),
        Some(Action::SearchInput('联'))
    );
    assert_eq!(
        action_for(&key(KeyCode::Enter, KeyModifiers::NONE), &s, &l),
        Some(Action::SearchAccept)
    );
    assert_eq!(
        action_for(&key(KeyCode::Esc, KeyModifiers::NONE), &s, &l),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('u'), KeyModifiers::CONTROL), &s, &l),
        Some(Action::SearchClear)
    );
}

#[test]
fn clicks_and_wheel_hit_what_was_drawn() {
    let mut s = state();
    draw(&mut s, 80, 24);
    let l = s.ui.layout.clone();
    // Apps take two lines each from the list's first row.
    let row_of_third_app = l.list.y + 4;
    assert_eq!(
        action_for(
            &mouse(MouseEventKind::Down(MouseButton::Left), 5, row_of_third_app),
            &s,
            &l
        ),
        Some(Action::ClickApp(2))
    );
    assert_eq!(
        action_for(&mouse(MouseEventKind::ScrollDown, 5, l.list.y), &s, &l),
        Some(Action::ScrollList(3))
    );
    let (tab_rect, tab) = l.tabs[1];
    assert_eq!(
        action_for(
            &mouse(
                MouseEventKind::Down(MouseButton::Left),
                tab_rect.x,
                tab_rect.y
            ),
            &s,
            &l
        ),
        Some(Action::ClickTab(tab))
    );
    assert_eq!(
        action_for(
            &mouse(
                MouseEventKind::Down(MouseButton::Left),
                l.detail.x + 2,
                l.detail.y + 1
            ),
            &s,
            &l
        ),
        // A wrapped row takes several lines: each one is that row's.
        Some(Action::ClickRow(l.detail_items[1]))
    );
    assert_eq!(l.detail_items[0], 0);
    assert!(
        l.detail_items
            .windows(2)
            .all(|w| w[0] <= w[1] && w[1] <= w[0] + 1)
    );
    assert_eq!(
        action_for(
            &mouse(MouseEventKind::ScrollUp, l.detail.x + 2, l.detail.y),
            &s,
            &l
        ),
        Some(Action::ScrollDetail(-3))
    );
    assert_eq!(
        action_for(
            &mouse(MouseEventKind::Down(MouseButton::Left), 0, 23),
            &s,
            &l
        ),
        None,
        "the footer is not clickable"
    );
}

#[test]
fn a_click_outside_an_overlay_closes_it() {
    let mut s = state();
    s.update(Action::OpenHelp);
    draw(&mut s, 80, 24);
    let l = s.ui.layout.clone();
    assert_eq!(
        action_for(
            &mouse(MouseEventKind::Down(MouseButton::Left), 0, 0),
            &s,
            &l
        ),
        Some(Action::CloseOverlay)
    );
    assert_eq!(
        action_for(&mouse(MouseEventKind::ScrollDown, 40, 12), &s, &l),
        Some(Action::MoveDown)
    );
}

#[test]
fn resize_redraws() {
    let s = state();
    assert_eq!(
        action_for(&Event::Resize(10, 10), &s, &Default::default()),
        Some(Action::Resize)
    );
}
