//! A registration shared by several apps: its GUID, and the other apps using it with their
//! risk, publisher and certification; Enter opens the selected one (the way back returns).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::scroll::Scroll;
use crate::tui::state::{Popup, State};
use crate::tui::strings;

use super::text::{fit_plain, put, safe};

/// Lines the popup wants: the heading and one line an app (at least one).
pub fn height(state: &State, popup: &Popup) -> usize {
    1 + popup.shown_apps(&state.workspace).len().max(1)
}

pub fn render(
    state: &State,
    popup: &Popup,
    guid: &str,
    list: Scroll,
    rect: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    let title = format!(" {} {} ", strings::LABEL_REGISTRATION, safe(guid));
    let title = Line::from(fit_plain(
        &title,
        rect.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let [heading_row, rows] = super::heading_and_rest(inner);
    let w = inner.width as usize;
    let shown = popup.shown_apps(&state.workspace);
    let open = state.ui.keymap.key_for(Mode::Popup, &Action::Activate);
    let jump = open.map(|k| format!(" · {k} {}", strings::OPENS_IT));
    let heading = format!(
        "{} ({}){}",
        strings::OTHER_APPS_WITH_REGISTRATION,
        shown.len(),
        jump.unwrap_or_default()
    );
    put(
        buf,
        heading_row,
        heading_row.y,
        &Line::from(fit_plain(&heading, w, theme.column_header, false)),
    );
    layout.popup_list = rows;
    layout.popup_rows = rows.height as usize;
    super::app_rows::render(state, &shown, list, rows, strings::NO_APP_SHOWN, buf);
}
