//! Drawing, from `&State` only. Each panel or overlay has its own file; `render` lays them out
//! and hands back what it measured (visible heights, hit areas) as a `ScreenLayout`.

mod app_list;
mod app_rows;
mod badges;
mod compare;
mod compare_header;
mod compare_picker;
mod detail;
mod export_choice;
mod help;
mod labels;
mod links;
mod note_editor;
mod perm_index;
mod permissions;
mod popup;
mod registration_popup;
mod score_popup;
mod status;
mod tab_bar;
mod tenant;
mod tenant_marks;
pub mod text;
mod zone_tab;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::layout::ScreenLayout;
use super::state::{Layer, State};
use super::strings;

/// Below this the screen shows only a "terminal too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Draw the whole screen into `buf` within `area`.
pub fn render(state: &State, area: Rect, buf: &mut Buffer) -> ScreenLayout {
    let mut layout = ScreenLayout::default();
    let area = area.intersection(*buf.area());
    if area.is_empty() {
        return layout;
    }
    buf.set_style(area, state.ui.theme.base);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(state, area, buf);
        return layout;
    }
    let [main, status_row, footer_row] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let list_w = (area.width * 2 / 5).clamp(28, 56);
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(main);
    app_list::render(state, list_area, buf, &mut layout);
    detail::render(state, detail_area, buf, &mut layout);
    status::render_status(state, status_row, buf);
    status::render_footer(state, footer_row, buf);
    for layer in &state.ui.layers {
        match layer {
            Layer::Popup(p) => popup::render(state, p, area, buf, &mut layout),
            Layer::Help(h) => help::render(state, h, area, buf, &mut layout),
            Layer::Search(_) => {}
            Layer::Note(e) => note_editor::render(state, e, area, buf, &mut layout),
            Layer::Index(ix) => perm_index::render(state, ix, main, buf, &mut layout),
            Layer::Compare(v) => compare::render(state, v, main, buf, &mut layout),
            Layer::Picker(p) => compare_picker::render(state, p, area, buf, &mut layout),
            Layer::Tenant(t) => tenant::render(state, t, main, buf, &mut layout),
        }
    }
    layout
}

fn too_small(state: &State, area: Rect, buf: &mut Buffer) {
    let need = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    // The message on the middle row (the upper one of two), the size needed below it if it fits.
    let spare = Constraint::Length(area.height.saturating_sub(1) / 2);
    let [_, below] = Layout::vertical([spare, Constraint::Fill(1)]).areas(area);
    let mut rows = below.rows();
    if let Some(row) = rows.next() {
        text::put_centered(buf, row, row.y, strings::TOO_SMALL, state.ui.theme.warning);
    }
    if let Some(row) = rows.next() {
        text::put_centered(buf, row, row.y, &need, state.ui.theme.dim);
    }
}

/// A bordered block with a title cut to fit; returns its inner area.
fn framed(title: Line<'_>, focused: bool, state: &State, area: Rect, buf: &mut Buffer) -> Rect {
    let style = if focused {
        state.ui.theme.border_focused
    } else {
        state.ui.theme.border
    };
    let block = Block::bordered().border_style(style).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Clear the area an overlay takes. A wide character whose first half is just left of it
/// would otherwise spill over the overlay's left border, so it goes too.
fn clear(state: &State, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::Clear;
    let area = area.intersection(*buf.area());
    Clear.render(area, buf);
    buf.set_style(area, state.ui.theme.base);
    if area.x == 0 {
        return;
    }
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if crate::text::display_width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Two columns side by side, the left `left_w` wide, with a `│` rule drawn between them.
fn columns_with_rule(state: &State, area: Rect, left_w: u16, buf: &mut Buffer) -> [Rect; 2] {
    let [left, rule, right] = Layout::horizontal([
        Constraint::Length(left_w),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    for row in rule.rows() {
        text::put(buf, row, row.y, &Line::styled("│", state.ui.theme.border));
    }
    [left, right]
}

/// A heading row and the rows below it (a column or popup list under its heading).
fn heading_and_rest(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area)
}

/// The area of a popup of at most `w`×`h`, centered in `area`; every popup is placed here.
/// An odd spare column or row goes after the popup: `Flex::Center` (and `Rect::centered`)
/// round it before, which would move such popups one cell right or down.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let before = |room: u16, want: u16| Constraint::Length(room.saturating_sub(want) / 2);
    let [_, column] =
        Layout::horizontal([before(area.width, w), Constraint::Length(w)]).areas(area);
    let [_, popup] =
        Layout::vertical([before(area.height, h), Constraint::Length(h)]).areas(column);
    popup
}
