//! The export choice (`e`): plain CSV for scripts and most tools, or CSV with the byte-order
//! mark Excel needs to read UTF-8. One row each; Enter or a click writes the file.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

use crate::export::CsvFlavor;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::State;
use crate::tui::state::layers::EXPORT_CHOICES;
use crate::tui::strings;

use super::text::{fit_plain, put};

/// Lines of the popup: a line of what is exported, a blank line, then one row per choice.
pub const HEIGHT: usize = 2 + EXPORT_CHOICES.len();

pub fn render(
    state: &State,
    apps: usize,
    selected: usize,
    rect: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    let title = Line::from(fit_plain(
        &format!(" {} ", strings::EXPORT_TITLE),
        rect.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let w = inner.width as usize;
    let [what_row, _blank, rows] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let what = strings::export_what(apps);
    put(
        buf,
        what_row,
        what_row.y,
        &Line::from(fit_plain(&what, w, theme.dim, false)),
    );
    layout.popup_list = rows;
    layout.popup_rows = rows.height as usize;
    for (row, (k, flavor)) in rows.rows().zip(EXPORT_CHOICES.iter().enumerate()) {
        let text = match flavor {
            CsvFlavor::Plain => strings::EXPORT_PLAIN,
            CsvFlavor::Excel => strings::EXPORT_EXCEL,
        };
        put(
            buf,
            row,
            row.y,
            &Line::from(fit_plain(text, w, Style::new(), false)),
        );
        if k == selected {
            buf.set_style(row, theme.selected);
        }
    }
}
