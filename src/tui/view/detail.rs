//! The selected app: header, tab bar, and the current tab's rows (drawn by `zone_tab` or
//! `permissions`, one line an item, only the visible ones).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::App;
use crate::text::{display_width, sanitize};
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{Item, SearchTarget, State, Tab};
use crate::tui::strings;

use super::tab_bar;
use super::text::{fit_plain, put};
use super::{permissions, zone_tab};

pub fn render(state: &State, area: Rect, buf: &mut Buffer, layout: &mut ScreenLayout) {
    let theme = &state.ui.theme;
    let searching = state.search_target() == Some(&SearchTarget::Tab);
    let focused = state.mode() == Mode::Detail || searching;
    let Some(app) = state.current_app() else {
        let inner = super::framed(Line::default(), focused, state, area, buf);
        put(
            buf,
            inner,
            inner.y,
            &Line::from(fit_plain(
                strings::NO_APP_SELECTED,
                inner.width as usize,
                theme.dim,
                false,
            )),
        );
        return;
    };
    // An app with several languages names them in its title, the shown one first.
    let title = match strings::other_languages(app) {
        Some(langs) => format!(" {} · {langs} ", sanitize(&app.name)),
        None => format!(" {} ", sanitize(&app.name)),
    };
    let title = Line::from(fit_plain(
        &title,
        area.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, focused, state, area, buf);
    if inner.height < 3 || inner.width < 4 {
        return;
    }
    // The links line only on a tall screen (at 24 rows the rows need the line; `O` lists them).
    let header_h = match inner.height {
        24.. => 5,
        12.. => 4,
        _ => 1,
    };
    let [header_area, tabs_row, rule_row, content] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    header(state, app, header_area, buf);
    let tabs = state.tabs();
    tab_bar(state, &tabs, tabs_row, buf, layout);
    let rule = "─".repeat(inner.width as usize);
    put(buf, rule_row, rule_row.y, &Line::styled(rule, theme.border));
    rows(state, app, content, buf, layout, focused, searching);
}

/// Name and publisher; id, certification, last update; clients; risk, score and review; links:
/// as many of these lines as `area` has (one, four or five).
fn header(state: &State, app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let mut rows = area.rows();
    let mut l1 = fit_plain(&sanitize(&app.name), w, theme.title, false);
    let used: usize = l1.iter().map(|s| display_width(&s.content)).sum();
    if used + 3 < w && !app.publisher.is_empty() {
        l1.push(Span::styled(" · ", theme.dim));
        l1.extend(fit_plain(
            &sanitize(&app.publisher),
            w - used - 3,
            Style::new(),
            false,
        ));
    }
    if let Some(row) = rows.next() {
        put(buf, row, row.y, &Line::from(l1));
    }
    let (Some(ids_row), Some(clients_row), Some(review_row)) =
        (rows.next(), rows.next(), rows.next())
    else {
        return;
    };
    let updated = app
        .updated
        .date
        .clone()
        .unwrap_or_else(|| app.updated.raw.clone());
    let updated = if updated.trim().is_empty() {
        strings::UNANSWERED_MARK.to_string()
    } else {
        sanitize(&updated).into_owned()
    };
    let cert = match strings::certification(app.certification) {
        "" => strings::NOT_CERTIFIED,
        c => c,
    };
    let parts: Vec<(&str, String, Style)> = vec![
        ("", sanitize(&app.id).into_owned(), Style::new()),
        (
            strings::SEP,
            cert.to_string(),
            theme.certification(app.certification),
        ),
        (strings::LABEL_UPDATED, updated, Style::new()),
    ];

    put(
        buf,
        ids_row,
        ids_row.y,
        &Line::from(labelled(state, &parts, w)),
    );
    let clients = if app.clients.is_empty() {
        strings::UNANSWERED_MARK.to_string()
    } else {
        app.clients
            .iter()
            .map(|c| sanitize(c).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parts = vec![(strings::LABEL_CLIENTS, clients, Style::new())];
    put(
        buf,
        clients_row,
        clients_row.y,
        &Line::from(labelled(state, &parts, w)),
    );
    if let Some(i) = state.current_app_index() {
        let parts = super::badges::header_parts(state, i);
        put(
            buf,
            review_row,
            review_row.y,
            &Line::from(labelled(state, &parts, w)),
        );
    }
    if let Some(links_row) = rows.next() {
        put(
            buf,
            links_row,
            links_row.y,
            &super::links::header_line(state, app, w),
        );
    }
}

fn labelled(state: &State, parts: &[(&str, String, Style)], width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut left = width;
    for (i, (label, value, style)) in parts.iter().enumerate() {
        if left == 0 {
            break;
        }
        let sep = if i > 0 { " " } else { "" };
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("{sep}{label} ")
        };
        let lw = display_width(&label).min(left);
        out.extend(fit_plain(&label, lw, state.ui.theme.label, false));
        left -= lw;
        let vw = display_width(value).min(left);
        out.extend(fit_plain(value, vw.max(left.min(1)), *style, false));
        left = left.saturating_sub(vw.max(left.min(1)));
    }
    out
}

fn tab_bar(state: &State, tabs: &[Tab], area: Rect, buf: &mut Buffer, layout: &mut ScreenLayout) {
    // Shorten titles until every tab fits; when none does, keep them readable and scroll.
    let titles_at = |cap: usize| -> Vec<tab_bar::Title> {
        tabs.iter()
            .enumerate()
            .map(|(i, t)| {
                let title: String = fit_plain(&sanitize(&t.title), cap, Style::new(), false)
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect();
                let text = if i < 9 {
                    format!(" {} {} ", i + 1, title)
                } else {
                    format!(" {title} ")
                };
                vec![(text, Style::new())]
            })
            .collect()
    };
    let titles = tab_bar::fitting(8..=24, 12, area.width as usize, titles_at);
    tab_bar::render(
        &state.ui.theme,
        &titles,
        state.tab_index(),
        area,
        buf,
        layout,
    );
}

fn rows(
    state: &State,
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
    focused: bool,
    searching: bool,
) {
    let theme = &state.ui.theme;
    let Some(tab) = state.current_tab() else {
        return;
    };
    let st = state.tab_state(&tab.key);
    let items = state.items();
    let w = area.width as usize;
    let filtering = searching || !st.filter.is_empty();
    let [filter_row, header_row, rows] = Layout::vertical([
        Constraint::Length(u16::from(filtering)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    if filtering {
        let mut spans = vec![Span::styled(strings::SEARCH_PROMPT, theme.key)];
        let f = sanitize(&st.filter);
        spans.extend(fit_plain(&f, w.saturating_sub(16), theme.input, false));
        if searching {
            spans.push(Span::styled("▏", theme.input));
        }
        spans.push(Span::styled(format!("  {} shown", items.len()), theme.dim));
        put(buf, filter_row, filter_row.y, &Line::from(spans));
    }
    let header = match tab.zone {
        Some(z) => zone_tab::column_header(state, app, z, w),
        None => permissions::column_header(state, app, w),
    };
    put(buf, header_row, header_row.y, &header);
    layout.detail = rows;
    layout.detail_rows = rows.height as usize;
    layout.detail_items.clear();
    if items.is_empty() {
        let msg = if !st.filter.is_empty() {
            strings::NO_MATCHING_ROWS
        } else if tab.zone.is_none() {
            strings::NO_PERMISSIONS
        } else {
            strings::NO_ROWS
        };
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(msg, w, theme.dim, false)),
        );
        return;
    }
    let selected = st.scroll.selected.min(items.len() - 1);
    let height = rows.height as usize;
    let groups = if tab.zone.is_none() {
        state.perm_groups()
    } else {
        Vec::new()
    };
    // An item may take several lines (wrapped rows): measured here, where the width is known.
    let lines_of = |item: Item| match tab.zone {
        Some(z) => zone_tab::lines(state, app, z, item, w, &st.filter, state.ui.wrap),
        None => vec![permissions::line(state, app, &groups, item, w, &st.filter)],
    };
    let all: Vec<Vec<Line<'static>>> = items.iter().map(|it| lines_of(*it)).collect();
    let mut offset = visible_offset(selected, st.scroll.offset, height, items.len());
    while offset < selected && all[offset..=selected].iter().map(Vec::len).sum::<usize>() > height {
        offset += 1;
    }
    // Items take the screen's lines in turn; the last one shown may be cut.
    let mut lines = rows.rows();
    let mut whole = 0;
    for (k, item_lines) in all.iter().enumerate().skip(offset) {
        let left = lines.size_hint().0;
        if left == 0 {
            break;
        }
        whole += usize::from(item_lines.len() <= left);
        let mut item_area: Option<Rect> = None;
        // The item's lines first: `zip` takes a screen line only for a line to draw.
        for (l, row) in item_lines.iter().zip(lines.by_ref()) {
            put(buf, row, row.y, l);
            layout.detail_items.push(k);
            item_area = Some(item_area.map_or(row, |a| a.union(row)));
        }
        if k == selected
            && focused
            && let Some(item_area) = item_area
        {
            buf.set_style(item_area, theme.selected);
        }
    }
    layout.detail_offset = Some(offset);
    layout.detail_rows = whole.max(1);
}
