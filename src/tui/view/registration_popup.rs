//! A registration shared by several apps: its GUID, and the other apps using it with their
//! risk, publisher and certification; Enter opens the selected one (the way back returns).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::scroll::{Scroll, visible_offset};
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
        inner,
        inner.y,
        &Line::from(fit_plain(&heading, w, theme.column_header, false)),
    );
    let rows = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    layout.popup_list = rows;
    layout.popup_rows = rows.height as usize;
    if shown.is_empty() {
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(strings::NO_APP_SHOWN, w, theme.dim, false)),
        );
        return;
    }
    let sel = list.selected.min(shown.len() - 1);
    let h = rows.height as usize;
    let off = visible_offset(sel, list.offset, h, shown.len());
    for (k, &i) in shown.iter().enumerate().skip(off).take(h) {
        let app = &state.workspace.catalog.apps[i];
        let y = rows.y + (k - off) as u16;
        let cert = strings::certification(app.certification);
        let cert = if cert.is_empty() {
            strings::NOT_CERTIFIED
        } else {
            cert
        };
        let cert_w = display_width(cert);
        let mut spans = vec![super::badges::risk_marker(state, i), Span::raw(" ")];
        let text = format!("{} · {}", safe(&app.name), safe(&app.publisher));
        let text_w = w.saturating_sub(2 + cert_w + 1);
        spans.extend(fit_plain(&text, text_w, Style::new(), true));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            cert.to_string(),
            theme.certification(app.certification),
        ));
        put(buf, rows, y, &Line::from(spans));
        if k == sel {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..rows
                },
                theme.selected,
            );
        }
    }
}
