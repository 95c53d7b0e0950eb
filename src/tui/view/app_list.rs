//! The app list: risk tier, name, review marks, certification, publisher, permission counts and
//! score, two lines an app.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::query::match_indices;
use crate::text::{display_width, sanitize};
use crate::tui::keymap::Mode;
use crate::tui::layout::{LIST_ITEM_HEIGHT, ScreenLayout};
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{SearchTarget, State};
use crate::tui::strings;

use super::badges;
use super::tenant_marks;
use super::text::{fit, fit_plain, put};

/// Columns the publisher keeps before the permission counts are shortened.
const PUBLISHER_MIN: usize = 14;

pub fn render(state: &State, area: Rect, buf: &mut Buffer, layout: &mut ScreenLayout) {
    let theme = &state.ui.theme;
    let searching = state.search_target() == Some(&SearchTarget::List);
    let focused = state.mode() == Mode::List || searching;
    let stale = if state.ui.list.is_stale() {
        strings::STALE_MARK
    } else {
        ""
    };
    let title = format!(
        " {} {}/{}{stale} {}",
        strings::APPS,
        state.ui.list.matches.len(),
        state.workspace.catalog.apps.len(),
        badges::sort_suffix(state)
    );
    let title = Line::from(fit_plain(
        &title,
        area.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, focused, state, area, buf);
    if inner.is_empty() {
        return;
    }
    // Above the apps while there is a query: the query, its error, whether the list is stale.
    let mut head: Vec<Line<'static>> = Vec::new();
    if searching || !state.ui.list.query.is_empty() {
        head.push(badges::query_line(state, inner.width as usize, searching));
        let left = |head: &[Line<'_>]| inner.height.saturating_sub(head.len() as u16);
        // The whole error when the pane has room for it and a few apps (the status line
        // shows it too).
        let room = left(&head).saturating_sub(3 * LIST_ITEM_HEIGHT) as usize;
        for err in badges::query_error_lines(state, inner.width as usize, room.clamp(1, 5)) {
            if left(&head) <= LIST_ITEM_HEIGHT {
                break;
            }
            head.push(err);
        }
        if let Some(stale) = badges::stale_line(state, inner.width as usize)
            && left(&head) > LIST_ITEM_HEIGHT
        {
            head.push(stale);
        }
    }
    let [head_area, rows] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(inner);
    for (row, line) in head_area.rows().zip(&head) {
        put(buf, row, row.y, line);
    }
    let n_rows = (rows.height / LIST_ITEM_HEIGHT) as usize;
    layout.list = rows;
    layout.list_rows = n_rows;
    let matches = &state.ui.list.matches;
    if matches.is_empty() {
        let msg = if state.workspace.catalog.apps.is_empty() {
            strings::NO_APPS
        } else {
            strings::NO_MATCHING_APPS
        };
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(msg, rows.width as usize, theme.dim, false)),
        );
        return;
    }
    // The fuzzy words of the query (without filter terms) are what names are matched against.
    let fuzzy = crate::query::parse_filter(&state.ui.list.query)
        .map(|f| f.text)
        .unwrap_or_default();
    let selected = state.ui.list.scroll.selected.min(matches.len() - 1);
    let offset = visible_offset(selected, state.ui.list.scroll.offset, n_rows, matches.len());
    let width = rows.width as usize;
    // Only the visible slice is touched, however long the list.
    let end = (offset + n_rows).min(matches.len());
    // An app takes two lines (`LIST_ITEM_HEIGHT`); an odd line left at the bottom stays empty.
    let mut lines = rows.rows();
    // The marker column (selection, comparison mark), then the apps' text.
    let [marker_column, text_column] =
        Layout::horizontal([Constraint::Length(1), Constraint::Fill(1)]).areas(rows);
    for (k, m) in (offset..end).zip(&matches[offset..end]) {
        let (Some(line1), Some(line2)) = (lines.next(), lines.next()) else {
            break;
        };
        let app = &state.workspace.catalog.apps[m.index];
        let is_sel = k == selected;
        let marker = if is_sel {
            Span::styled("▌", theme.border_focused)
        } else {
            Span::raw(" ")
        };
        let avail = width.saturating_sub(1);

        let name = sanitize(&app.name);
        // Highlights are matched for the visible rows only: the search itself skips them, which
        // at 100k apps saves more than a frame's worth of time per key.
        let hl = match_indices(&name, &fuzzy).unwrap_or_default();
        let badge = strings::certification(app.certification);
        let badge_w = display_width(badge).min(avail / 2);
        // Risk letter first, review marks before the certification.
        let review = badges::review_badges(state, m.index);
        let review_w = review.len() + usize::from(!review.is_empty());
        // Review marks and the certification apart (`✓ · certified`), so an approval's ✓ does
        // not read as part of the certification.
        let apart = !review.is_empty() && badge_w > 0;
        let sep_w = if apart { 3 } else { usize::from(badge_w > 0) };
        let name_w = avail.saturating_sub(badge_w + sep_w + 2 + review_w);
        let name_style = if is_sel { theme.title } else { Style::new() };
        let mut l1 = vec![
            marker.clone(),
            badges::risk_marker(state, m.index),
            Span::raw(" "),
        ];
        l1.extend(fit(
            &name,
            name_w,
            name_style,
            &hl,
            theme.match_highlight,
            true,
        ));
        if !review.is_empty() {
            l1.push(Span::raw(" "));
            l1.extend(review);
        }
        if badge_w > 0 {
            if apart {
                l1.push(Span::styled(format!(" {} ", strings::SEP), theme.dim));
            } else {
                l1.push(Span::raw(" "));
            }
            l1.extend(fit_plain(
                badge,
                badge_w,
                theme.certification(app.certification),
                false,
            ));
        }
        put(buf, line1, line1.y, &Line::from(l1));

        let (total, n_app) = (app.permissions.len(), app.application_permission_count());
        // The score in a right-aligned column of its own at the end of the line.
        let score = format!("{:>4}", badges::score_text(state, m.index));
        let score_w = display_width(&score);
        let room = |counts: &str| avail.saturating_sub(display_width(counts) + score_w + 4);
        // The publisher keeps a readable minimum: in a narrow list the counts say less.
        let mut counts = strings::permission_counts(total, n_app);
        if room(&counts) < PUBLISHER_MIN {
            counts = strings::permission_counts_short(total, n_app);
        }
        let counts_w = display_width(&counts).min(avail.saturating_sub(8));
        let pub_w = avail.saturating_sub(counts_w + 1 + score_w + 1 + 2);
        let mut l2 = vec![
            marker,
            tenant_marks::list_mark(state, m.index),
            Span::raw(" "),
        ];
        l2.extend(fit_plain(&sanitize(&app.publisher), pub_w, theme.dim, true));
        l2.push(Span::raw(" "));
        // Application (app-only) permissions stand out: they need no signed-in user.
        match counts.rsplit_once(" · ") {
            Some((total, apps)) if n_app > 0 && display_width(&counts) <= counts_w => {
                l2.push(Span::styled(format!("{total} · "), theme.dim));
                l2.push(Span::styled(apps.to_string(), theme.kind_application));
            }
            _ => l2.extend(fit_plain(&counts, counts_w, theme.dim, false)),
        }
        l2.push(Span::raw(" "));
        l2.push(Span::styled(score, theme.score));
        put(buf, line2, line2.y, &Line::from(l2));
        if state.ui.marked == Some(m.index) {
            // The app marked for comparison: a marker in the left column of its second line.
            put(
                buf,
                marker_column.intersection(line2),
                line2.y,
                &Line::styled(strings::MARK_GLYPH, theme.marked),
            );
        }

        if is_sel && focused {
            buf.set_style(text_column.intersection(line1.union(line2)), theme.selected);
        }
    }
}
