//! The selectable list of apps in a popup (the other apps requesting a permission, or using a
//! registration): risk letter, name · publisher, certification; one line an app.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::display_width;
use crate::tui::state::State;
use crate::tui::state::scroll::{Scroll, visible_offset};
use crate::tui::strings;

use super::text::{fit_plain, put, safe};

/// Draw `apps` (catalog indices) into `rows`, `list` selecting one; `empty` when there is none.
pub fn render(
    state: &State,
    apps: &[usize],
    list: Scroll,
    rows: Rect,
    empty: &str,
    buf: &mut Buffer,
) {
    let theme = &state.ui.theme;
    let w = rows.width as usize;
    if apps.is_empty() {
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(empty, w, theme.dim, false)),
        );
        return;
    }
    let sel = list.selected.min(apps.len() - 1);
    let off = visible_offset(sel, list.offset, rows.height as usize, apps.len());
    for (row, (k, &i)) in rows.rows().zip(apps.iter().enumerate().skip(off)) {
        let app = &state.workspace.catalog.apps[i];
        let cert = match strings::certification(app.certification) {
            "" => strings::NOT_CERTIFIED,
            c => c,
        };
        let mut spans = vec![super::badges::risk_marker(state, i), Span::raw(" ")];
        let text = format!("{} · {}", safe(&app.name), safe(&app.publisher));
        let text_w = w.saturating_sub(2 + display_width(cert) + 1);
        spans.extend(fit_plain(&text, text_w, Style::new(), true));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            cert.to_string(),
            theme.certification(app.certification),
        ));
        put(buf, row, row.y, &Line::from(spans));
        if k == sel {
            buf.set_style(row, theme.selected);
        }
    }
}
