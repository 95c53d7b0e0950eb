//! Terminal events to Actions: keys through the key table, mouse through the last layout.

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::layout::{LIST_ITEM_HEIGHT, ScreenLayout};
use super::state::{Layer, Popup, State};

const WHEEL_STEP: isize = 3;

/// The action an event asks for, if any. Keys go through the key table of the top layer's
/// mode; only key presses count, not releases or repeats.
pub fn action_for(event: &Event, state: &State, layout: &ScreenLayout) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            state.ui.keymap.lookup(state.mode(), key)
        }
        Event::Mouse(m) => mouse(m, state, layout),
        Event::Resize(..) => Some(Action::Resize),
        // Back from another window, maybe one where the CLI changed a review.
        Event::FocusGained => Some(Action::CheckReviewFile),
        _ => None,
    }
}

fn hit(r: Rect, m: &MouseEvent) -> bool {
    r.contains(Position::new(m.column, m.row))
}

fn mouse(m: &MouseEvent, state: &State, layout: &ScreenLayout) -> Option<Action> {
    let wheel = match m.kind {
        MouseEventKind::ScrollDown => Some(WHEEL_STEP),
        MouseEventKind::ScrollUp => Some(-WHEEL_STEP),
        _ => None,
    };
    let click = m.kind == MouseEventKind::Down(MouseButton::Left);
    match state.ui.layers.last() {
        Some(Layer::Note(_)) => None,
        Some(Layer::Index(_)) => wheel.map(|d| {
            if d > 0 {
                Action::MoveDown
            } else {
                Action::MoveUp
            }
        }),
        Some(Layer::Compare(_) | Layer::Picker(_)) => compare_mouse(m, state, layout, wheel),
        Some(Layer::Help(_) | Layer::Popup(_)) => {
            let inside = hit(layout.popup, m) || hit(layout.help, m);
            if let Some(d) = wheel {
                return Some(if d > 0 {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                });
            }
            if click && !inside {
                return Some(Action::CloseOverlay);
            }
            if click
                && hit(layout.popup_list, m)
                && let Some(Layer::Popup(
                    Popup::Permission { list, .. } | Popup::Registration { list, .. },
                )) = state.ui.layers.last()
            {
                let pos = list.offset + usize::from(m.row - layout.popup_list.y);
                return Some(Action::ClickPopupRow(pos));
            }
            None
        }
        _ => {
            if hit(layout.list, m) {
                if let Some(d) = wheel {
                    return Some(Action::ScrollList(d));
                }
                if click {
                    let k = usize::from((m.row - layout.list.y) / LIST_ITEM_HEIGHT);
                    return Some(Action::ClickApp(state.ui.list.scroll.offset + k));
                }
            }
            if click && let Some((_, i)) = layout.tabs.iter().find(|(r, _)| hit(*r, m)) {
                return Some(Action::ClickTab(*i));
            }
            if hit(layout.detail, m) {
                if let Some(d) = wheel {
                    return Some(Action::ScrollDetail(d));
                }
                if click {
                    let line = usize::from(m.row - layout.detail.y);
                    return layout.detail_items.get(line).map(|&i| Action::ClickRow(i));
                }
            }
            None
        }
    }
}

/// The compare view: the wheel scrolls both columns, a click selects a tab or a row. The
/// picker: the wheel moves, a click picks a row or, outside, closes it.
fn compare_mouse(
    m: &MouseEvent,
    state: &State,
    layout: &ScreenLayout,
    wheel: Option<isize>,
) -> Option<Action> {
    let click = m.kind == MouseEventKind::Down(MouseButton::Left);
    match state.ui.layers.last() {
        Some(Layer::Picker(p)) => {
            if let Some(d) = wheel {
                return Some(if d > 0 {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                });
            }
            if click && hit(layout.picker_list, m) {
                let pos = p.list.offset + usize::from(m.row - layout.picker_list.y);
                return Some(Action::ClickPopupRow(pos));
            }
            (click && !hit(layout.popup, m)).then_some(Action::CloseOverlay)
        }
        Some(Layer::Compare(v)) => {
            if let Some(d) = wheel {
                return Some(Action::ScrollDetail(d));
            }
            if click && let Some((_, i)) = layout.tabs.iter().find(|(r, _)| hit(*r, m)) {
                return Some(Action::ClickTab(*i));
            }
            if click && hit(layout.compare, m) {
                let offset = crate::tui::state::scroll::visible_offset(
                    v.scroll().selected,
                    v.scroll().offset,
                    layout.compare_rows,
                    v.rows().len(),
                );
                return Some(Action::ClickRow(
                    offset + usize::from(m.row - layout.compare.y),
                ));
            }
            None
        }
        _ => None,
    }
}
