//! Detail popups: a row, table row or note shown whole; a permission with its justification
//! and the other apps that request it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::Permission;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::{Popup, Section, State};
use crate::tui::strings;

use super::text::{fit_plain, put, safe};
use crate::text::wrap;

pub fn render(
    state: &State,
    popup: &Popup,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let width = area.width.saturating_sub(6).min(100);
    let max_h = area.height.saturating_sub(4);
    // Inner width: two border columns and one spare column, as the text popup wraps.
    let w = width.saturating_sub(3) as usize;
    let rect = super::centered(
        area,
        width,
        (content_height(state, popup, w) + 2).min(max_h),
    );
    super::clear(state, rect, buf);
    layout.popup = rect;
    match popup {
        Popup::Registration { guid, list, .. } => {
            super::registration_popup::render(state, popup, guid, *list, rect, buf, layout);
        }
        Popup::Export { apps, list } => {
            super::export_choice::render(state, *apps, list.selected, rect, buf, layout);
        }
        Popup::Score {
            app,
            explanation,
            scroll,
        } => {
            super::score_popup::render(state, *app, explanation, *scroll, rect, buf, layout);
        }
        Popup::Text {
            title,
            sections,
            scroll,
        } => {
            let title = Line::from(fit_plain(
                &format!(" {} ", safe(title)),
                rect.width.saturating_sub(2) as usize,
                state.ui.theme.title,
                false,
            ));
            let inner = super::framed(title, true, state, rect, buf);
            let w = inner.width.saturating_sub(1) as usize;
            let lines = text_lines(state, sections, w);
            let h = inner.height as usize;
            layout.popup_rows = h;
            layout.popup_scroll_max = lines.len().saturating_sub(h);
            layout.popup_list = inner;
            let start = (*scroll).min(layout.popup_scroll_max);
            for (row, l) in inner.rows().zip(lines.iter().skip(start)) {
                put(buf, row, row.y, l);
            }
        }
        Popup::Permission {
            app,
            perm,
            others,
            list,
        } => {
            let theme = &state.ui.theme;
            let Some(p) = state
                .workspace
                .catalog
                .apps
                .get(*app)
                .and_then(|a| a.permissions.get(*perm))
            else {
                return;
            };
            let title = Line::from(fit_plain(
                &format!(" {} ", safe(&p.name)),
                rect.width.saturating_sub(2) as usize,
                theme.title,
                false,
            ));
            let inner = super::framed(title, true, state, rect, buf);
            let w = inner.width as usize;
            let top = permission_lines(state, p, w);
            let h = inner.height as usize;
            // The list of other apps gets at least half the popup when it has entries.
            let list_h = if others.is_empty() {
                1
            } else {
                (others.len()).min(h / 2).max(1)
            };
            let top_h = h.saturating_sub(list_h + 1).min(top.len());
            let [top_area, heading_row, rows] = Layout::vertical([
                Constraint::Length(top_h as u16),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(inner);
            for (row, l) in top_area.rows().zip(&top) {
                put(buf, row, row.y, l);
            }
            if let Some(last) = top_area.rows().next_back()
                && top.len() > top_h
            {
                put(buf, last, last.y, &Line::styled("…", theme.dim));
            }
            let heading = if others.is_empty() {
                format!("{} (0)", strings::OTHER_APPS_WITH_PERMISSION)
            } else {
                let open = state.ui.keymap.key_for(Mode::Popup, &Action::Activate);
                let jump = open.map(|k| format!(" · {k} {}", strings::OPENS_IT));
                format!(
                    "{} ({}){}",
                    strings::OTHER_APPS_WITH_PERMISSION,
                    others.len(),
                    jump.unwrap_or_default()
                )
            };
            put(
                buf,
                heading_row,
                heading_row.y,
                &Line::from(fit_plain(&heading, w, theme.column_header, false)),
            );
            layout.popup_list = rows;
            layout.popup_rows = rows.height as usize;
            super::app_rows::render(state, others, *list, rows, strings::NO_OTHER_APPS, buf);
        }
    }
}

fn text_lines(state: &State, sections: &[Section], w: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    for s in sections {
        if !s.label.is_empty() {
            lines.push(Line::from(fit_plain(
                &safe(&s.label),
                w,
                state.ui.theme.label,
                false,
            )));
        }
        let style = s.value.map_or(Style::new(), |v| state.ui.theme.answer(v));
        for l in wrap(&safe(&s.text), w) {
            lines.push(Line::styled(l, style));
        }
        lines.push(Line::default());
    }
    lines.pop();
    lines
}

fn permission_lines(state: &State, p: &Permission, w: usize) -> Vec<Line<'static>> {
    let theme = &state.ui.theme;
    let kv = |k: &str, v: String, style: Style| {
        let mut spans = vec![Span::styled(format!("{k}: "), theme.label)];
        spans.extend(fit_plain(&v, w.saturating_sub(k.len() + 2), style, false));
        Line::from(spans)
    };
    let mut top = vec![kv(
        strings::KIND,
        strings::kind(p.kind).to_string(),
        theme.kind(p.kind),
    )];
    let reg = p
        .registration
        .as_deref()
        .map(safe)
        .unwrap_or_else(|| strings::NO_REGISTRATION.to_string());
    top.push(kv(strings::LABEL_REGISTRATION, reg, Style::new()));
    top.push(kv(strings::LABEL_RESOURCE, safe(&p.resource), Style::new()));
    top.push(Line::styled(strings::JUSTIFICATION, theme.label));
    for l in wrap(&safe(&p.justification), w) {
        top.push(Line::raw(l));
    }
    top.push(Line::default());
    top
}

/// Lines the popup would like, before it is cut to the screen.
fn content_height(state: &State, popup: &Popup, w: usize) -> u16 {
    let n = match popup {
        Popup::Export { .. } => super::export_choice::HEIGHT,
        Popup::Text { sections, .. } => text_lines(state, sections, w).len(),
        Popup::Registration { .. } => super::registration_popup::height(state, popup),
        Popup::Score {
            app, explanation, ..
        } => super::score_popup::lines(state, *app, explanation, w).len(),
        Popup::Permission {
            app, perm, others, ..
        } => {
            match state
                .workspace
                .catalog
                .apps
                .get(*app)
                .and_then(|a| a.permissions.get(*perm))
            {
                Some(p) => permission_lines(state, p, w).len() + 1 + others.len().max(1),
                None => 1,
            }
        }
    };
    u16::try_from(n).unwrap_or(u16::MAX)
}
