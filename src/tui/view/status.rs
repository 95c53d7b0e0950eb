//! The status line (source, counts, mode) and the footer of key hints from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::text::{display_width, sanitize};
use crate::tui::keymap::Mode;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::{fit_plain, put};

pub fn render_status(state: &State, area: Rect, buf: &mut Buffer) {
    let style = state.ui.theme.status;
    buf.set_style(area, style);
    let mode = &state.ui.keymap.mode_info(state.mode()).status;
    let right = format!(
        " {}/{} {} │ {mode} ",
        state.ui.list.matches.len(),
        state.workspace.catalog.apps.len(),
        strings::APPS_COUNT
    );
    let right = match marked(state) {
        Some(m) => format!("{m}{right}"),
        None => right,
    };
    let w = area.width as usize;
    let rw = display_width(&right).min(w);
    let left = format!(
        " {} │ {}",
        strings::APP_NAME,
        sanitize(&state.workspace.source_label)
    );
    let mut spans = match super::badges::message(state, w - rw) {
        Some(m) => m,
        None => fit_plain(&left, w - rw, style, true),
    };
    spans.extend(fit_plain(&right, rw, style, false));
    put(buf, area, area.y, &Line::from(spans));
}

pub fn render_footer(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = &state.ui.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut left = area.width as usize;
    for (keys, hint) in state.ui.keymap.hints(state.mode()) {
        let entry_w = display_width(&keys) + 1 + display_width(hint) + 2;
        if entry_w > left {
            break;
        }
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {hint} "), theme.key_help));
        left -= entry_w;
    }
    put(buf, area, area.y, &Line::from(spans));
}

/// "⇄ NAME │" while an app is marked for comparison and the list or detail has the keys.
fn marked(state: &State) -> Option<String> {
    let app = state.workspace.catalog.apps.get(state.ui.marked?)?;
    if !matches!(state.mode(), Mode::List | Mode::Detail) {
        return None;
    }
    let name = crate::text::truncate_to_width(&sanitize(&app.name), 24);
    Some(format!(
        " {} {name} {} │",
        strings::MARK_GLYPH,
        strings::MARKED
    ))
}
