//! The permission index, over the list and detail: every permission of the catalog (tier,
//! name, kind, how many apps request it) or the registrations shared by several apps on the
//! left, the apps of the selected one on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{IndexTab, PermIndex, SearchTarget, State};
use crate::tui::strings;

use super::text::{find_bar, fit, fit_plain, found, put, safe, select_row};

const KIND_W: usize = 11;
const COUNT_W: usize = 5;

pub fn render(
    state: &State,
    ix: &PermIndex,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    super::clear(state, area, buf);
    let (perm_style, reg_style) = match ix.tab {
        IndexTab::Permissions => (theme.tab_active, theme.tab_inactive),
        IndexTab::Registrations => (theme.tab_inactive, theme.tab_active),
    };
    let title = Line::from(vec![
        Span::styled(format!(" {} ", strings::INDEX_TITLE), theme.title),
        Span::styled(
            format!(" {} {} ", strings::INDEX_PERMISSIONS, ix.perms.len()),
            perm_style,
        ),
        Span::raw(" "),
        Span::styled(
            format!(" {} {} ", strings::INDEX_REGISTRATIONS, ix.regs.len()),
            reg_style,
        ),
        Span::raw(" "),
    ]);
    let inner = super::framed(title, true, state, area, buf);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    // Permission names are at most ~45 columns: a wider left column only spreads it out.
    let left_w = (inner.width * 3 / 5).clamp(10, 70);
    let [left, right] = super::columns_with_rule(state, inner, left_w, buf);
    // The find bar takes the last line of the left column while there is one.
    let typing = state.search_target() == Some(&SearchTarget::Index);
    let q = ix.find.text_query();
    let hit = |i: usize| {
        q.as_ref()
            .zip(ix.row_text(i))
            .is_some_and(|(q, t)| q.hits(&t))
    };
    let count = ix.find.count(ix.rows.selected, ix.len(), hit);
    let bar = find_bar(theme, &ix.find.query, typing, count, left.width as usize);
    let [left, bar_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(bar.is_some())),
    ])
    .areas(left);
    if let Some(bar) = bar {
        put(buf, bar_area, bar_area.y, &bar);
    }
    left_column(state, ix, left, buf);
    layout.index_rows = right_column(state, ix, right, buf);
}

fn left_column(state: &State, ix: &PermIndex, area: Rect, buf: &mut Buffer) {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let name_w = w.saturating_sub(2 + KIND_W + 1 + COUNT_W + 1);
    let header = match ix.tab {
        IndexTab::Permissions => {
            let mut s = vec![Span::raw("  ")];
            s.extend(fit_plain(
                strings::PERMISSION,
                name_w,
                theme.column_header,
                true,
            ));
            s.push(Span::raw(" "));
            s.extend(fit_plain(strings::KIND, KIND_W, theme.column_header, true));
            s.push(Span::raw(" "));
            s.extend(fit_plain(
                &format!("{:>COUNT_W$}", strings::APPS_COUNT),
                COUNT_W,
                theme.column_header,
                false,
            ));
            s
        }
        IndexTab::Registrations => {
            let mut s = vec![Span::raw("  ")];
            s.extend(fit_plain(
                strings::INDEX_SHARED_BY,
                w.saturating_sub(2 + COUNT_W + 1),
                theme.column_header,
                true,
            ));
            s.push(Span::raw(" "));
            s.extend(fit_plain(
                &format!("{:>COUNT_W$}", strings::APPS_COUNT),
                COUNT_W,
                theme.column_header,
                false,
            ));
            s
        }
    };
    let [header_row, rows] = super::heading_and_rest(area);
    put(buf, header_row, header_row.y, &Line::from(header));
    let n = ix.len();
    if n == 0 {
        let msg = match ix.tab {
            IndexTab::Permissions => strings::NO_PERMISSIONS_IN_CATALOG,
            IndexTab::Registrations => strings::NO_SHARED_REGISTRATIONS,
        };
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(msg, w, theme.dim, false)),
        );
        return;
    }
    let sel = ix.rows.selected.min(n - 1);
    let off = visible_offset(sel, ix.rows.offset, rows.height as usize, n);
    let q = ix.find.text_query();
    let hl = theme.match_highlight;
    for (row, k) in rows.rows().zip(off..n) {
        let line = match ix.tab {
            IndexTab::Permissions => {
                let e = &ix.perms[k];
                let mut s = vec![
                    Span::styled(strings::tier_letter(e.tier), theme.risk(e.tier)),
                    Span::raw(" "),
                ];
                // The row text is "name kind", as the find matches it.
                let name = safe(&e.name);
                let ix_hl = found(q.as_ref(), &format!("{name} {}", strings::kind(e.kind)));
                let n = name.chars().count();
                let (in_name, in_kind): (Vec<usize>, Vec<usize>) =
                    ix_hl.iter().partition(|&&i| i < n);
                let in_kind: Vec<usize> = in_kind
                    .iter()
                    .filter(|&&i| i > n)
                    .map(|i| i - n - 1)
                    .collect();
                s.extend(fit(&name, name_w, Style::new(), &in_name, hl, true));
                s.push(Span::raw(" "));
                s.extend(fit(
                    strings::kind(e.kind),
                    KIND_W,
                    theme.kind(e.kind),
                    &in_kind,
                    hl,
                    true,
                ));
                s.push(Span::raw(" "));
                s.push(Span::raw(format!("{:>COUNT_W$}", e.apps.len())));
                s
            }
            IndexTab::Registrations => {
                let e = &ix.regs[k];
                // The apps sharing it by name, the GUID after them (whole in the apps column
                // heading's `y`, and in each app's Permissions tab).
                let names: Vec<String> = e
                    .apps
                    .iter()
                    .map(|&a| safe(&state.workspace.catalog.apps[a].name))
                    .collect();
                let avail = w.saturating_sub(2 + COUNT_W + 1);
                let guid = format!(" {}", safe(&e.id));
                let names_w = avail.saturating_sub(display_width(&guid).min(avail / 3));
                let mut s = vec![Span::raw("  ")];
                let shown = fit_plain(&names.join(", "), names_w, Style::new(), true);
                let used: usize = shown.iter().map(|x| display_width(&x.content)).sum();
                s.extend(shown);
                s.extend(fit(
                    &guid,
                    avail.saturating_sub(used),
                    theme.group_header,
                    &found(q.as_ref(), &guid),
                    hl,
                    true,
                ));
                s.push(Span::raw(" "));
                s.push(Span::raw(format!("{:>COUNT_W$}", e.apps.len())));
                s
            }
        };
        put(buf, row, row.y, &Line::from(line));
        if k == sel {
            select_row(buf, row, theme, !ix.in_apps);
        }
    }
}

/// The apps of the selected entry; returns the rows its list has.
fn right_column(state: &State, ix: &PermIndex, area: Rect, buf: &mut Buffer) -> usize {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let apps = ix.selected_apps();
    let open = state.ui.keymap.key_for(Mode::Index, &Action::Activate);
    let jump = open.map(|k| format!(" · {k} {}", strings::OPENS_IT));
    let heading = format!(
        "{} ({}){}",
        strings::INDEX_APPS,
        apps.len(),
        jump.unwrap_or_default()
    );
    let [heading_row, rows] = super::heading_and_rest(area);
    put(
        buf,
        heading_row,
        heading_row.y,
        &Line::from(fit_plain(&heading, w, theme.column_header, false)),
    );
    let rows_h = rows.height as usize;
    if apps.is_empty() {
        return rows_h;
    }
    let sel = ix.apps.selected.min(apps.len() - 1);
    let off = visible_offset(sel, ix.apps.offset, rows_h, apps.len());
    for (row, (k, &a)) in rows.rows().zip(apps.iter().enumerate().skip(off)) {
        let app = &state.workspace.catalog.apps[a];
        let mut spans = vec![super::badges::risk_marker(state, a), Span::raw(" ")];
        let mut badges = super::badges::review_badges(state, a);
        let cert = strings::certification(app.certification);
        if !cert.is_empty() {
            if !badges.is_empty() {
                badges.push(Span::raw(" "));
            }
            badges.push(Span::styled(cert, theme.certification(app.certification)));
        }
        let bw: usize = badges.iter().map(|b| display_width(&b.content)).sum();
        let text = format!("{} · {}", safe(&app.name), safe(&app.publisher));
        spans.extend(fit_plain(
            &text,
            w.saturating_sub(2 + bw + usize::from(bw > 0)),
            Style::new(),
            true,
        ));
        if bw > 0 {
            spans.push(Span::raw(" "));
            spans.extend(badges);
        }
        put(buf, row, row.y, &Line::from(spans));
        if ix.in_apps && k == sel {
            buf.set_style(row, theme.selected);
        }
    }
    rows_h
}
