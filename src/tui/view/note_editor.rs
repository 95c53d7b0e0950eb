//! The note editor: one line of text for the selected app, in a small popup.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::text::display_width;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::{NoteEditor, State};
use crate::tui::strings;

use super::text::{fit_plain, put, safe};
use crate::text::wrap;

pub fn render(
    state: &State,
    editor: &NoteEditor,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    let width = area.width.saturating_sub(6).min(80);
    let w = width.saturating_sub(2) as usize;
    let text = safe(&editor.text);
    // Show the end of a long note: the lines that fit, the cursor after the last.
    let mut lines = wrap(&text, w.saturating_sub(1).max(1));
    let max_lines = area.height.saturating_sub(8).max(1) as usize;
    if lines.len() > max_lines {
        lines.drain(..lines.len() - max_lines);
    }
    let h = (lines.len() + 4) as u16;
    let rect = super::centered(area, width, h);
    super::clear(state, rect, buf);
    layout.popup = rect;
    let name = state
        .workspace
        .catalog
        .apps
        .get(editor.app)
        .map_or_else(String::new, |a| safe(&a.name));
    let title = Line::from(fit_plain(
        &format!(" {} · {name} ", strings::NOTE_TITLE),
        w,
        theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let n = lines.len();
    let [text, _blank, hint_row] = Layout::vertical([
        Constraint::Length(n as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    for (row, (k, l)) in text.rows().zip(lines.into_iter().enumerate()) {
        let mut spans = vec![Span::styled(l.clone(), theme.input)];
        if k + 1 == n && display_width(&l) < w {
            spans.push(Span::styled("▏", theme.input));
        }
        put(buf, row, row.y, &Line::from(spans));
    }
    put(
        buf,
        hint_row,
        hint_row.y,
        &Line::from(fit_plain(&hint_line(state), w, theme.dim, false)),
    );
}

/// "Enter save · Esc cancel · Ctrl-u clear": the note editor's footer hints, from the key table.
fn hint_line(state: &State) -> String {
    let hints = state.ui.keymap.hints(Mode::Note);
    let parts: Vec<String> = hints.iter().map(|(k, h)| format!("{k} {h}")).collect();
    parts.join(" · ")
}
