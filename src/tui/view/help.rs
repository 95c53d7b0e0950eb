//! The `?` overlay: every binding of every mode, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::{fit_plain, put};

const KEY_COLUMN: usize = 22;

/// The help text lines, one heading per mode.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let mut out = Vec::new();
    for mode in Mode::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(fit_plain(
            mode.title(),
            width,
            theme.title,
            false,
        )));
        for (keys, help) in state.keymap.help(mode) {
            let kw = KEY_COLUMN.min(width);
            let mut spans = vec![Span::raw(" ")];
            spans.extend(fit_plain(&keys, kw.saturating_sub(1), theme.key, true));
            spans.extend(fit_plain(
                help,
                width.saturating_sub(kw),
                theme.key_help,
                false,
            ));
            out.push(Line::from(spans));
        }
    }
    out
}

pub fn render(
    state: &State,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let rect = super::centered(area, 64, area.height.saturating_sub(2));
    Clear.render(rect, buf);
    let title = Line::from(fit_plain(
        &format!(" {} ", strings::HELP_TITLE),
        rect.width.saturating_sub(2) as usize,
        state.theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let all = lines(state, inner.width as usize);
    let h = inner.height as usize;
    layout.help = rect;
    layout.help_rows = h;
    layout.help_scroll_max = all.len().saturating_sub(h);
    let start = scroll.min(layout.help_scroll_max);
    for (k, l) in all.iter().skip(start).take(h).enumerate() {
        put(buf, inner, inner.y + k as u16, l);
    }
}
