//! The picker: a small fuzzy search for the app to compare with, or to put on one side.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::query::match_indices;
use crate::text::{display_width, sanitize};
use crate::tui::action::Side;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::State;
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{PickFor, Picker};
use crate::tui::strings;

use super::text::{fit, fit_plain, put, safe};

pub fn render(state: &State, p: &Picker, area: Rect, buf: &mut Buffer, layout: &mut ScreenLayout) {
    let theme = &state.ui.theme;
    let rect = super::centered(area, 64, area.height.saturating_sub(4).min(20));
    super::clear(state, rect, buf);
    blank_wide_cells_left_of(rect, buf);
    let other = state
        .workspace
        .catalog
        .apps
        .get(p.exclude)
        .map(|a| safe(&a.name))
        .unwrap_or_default();
    let title = match p.purpose {
        PickFor::Open { .. } => format!(" {} {other} ", strings::PICK_TITLE),
        PickFor::Replace(Side::A) => format!(" {} ", strings::PICK_REPLACE_A),
        PickFor::Replace(Side::B) => format!(" {} ", strings::PICK_REPLACE_B),
    };
    let title = Line::from(fit_plain(
        &title,
        rect.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    layout.popup = rect;
    if inner.height < 2 {
        return;
    }
    let [query_row, list] = super::heading_and_rest(inner);
    let w = inner.width as usize;
    let mut q = vec![Span::styled(strings::SEARCH_PROMPT, theme.key)];
    q.extend(fit_plain(
        &sanitize(&p.query),
        w.saturating_sub(2),
        theme.input,
        false,
    ));
    q.push(Span::styled("▏", theme.input));
    put(buf, query_row, query_row.y, &Line::from(q));
    layout.picker_list = list;
    layout.picker_rows = list.height as usize;
    if p.matches.is_empty() {
        put(
            buf,
            list,
            list.y,
            &Line::from(fit_plain(strings::NO_MATCHING_APPS, w, theme.dim, false)),
        );
        return;
    }
    let height = list.height as usize;
    let selected = p.list.selected.min(p.matches.len() - 1);
    let offset = visible_offset(selected, p.list.offset, height, p.matches.len());
    for (row, (k, m)) in list.rows().zip(p.matches.iter().enumerate().skip(offset)) {
        let app = &state.workspace.catalog.apps[m.index];
        let name = sanitize(&app.name);
        let hl = match_indices(&name, &p.query).unwrap_or_default();
        let publisher = safe(&app.publisher);
        let pw = display_width(&publisher).min(w / 3);
        let nw = w.saturating_sub(pw + 2);
        let mut spans = vec![Span::raw(" ")];
        spans.extend(fit(
            &name,
            nw,
            Style::new(),
            &hl,
            theme.match_highlight,
            true,
        ));
        spans.push(Span::raw(" "));
        spans.extend(fit_plain(&publisher, pw, theme.dim, false));
        put(buf, row, row.y, &Line::from(spans));
        if k == selected {
            buf.set_style(row, theme.selected);
        }
    }
}

/// A wide character just left of the popup would spill its second half over the border;
/// blank it so the border stays whole.
fn blank_wide_cells_left_of(rect: Rect, buf: &mut Buffer) {
    if rect.x == 0 || rect.x <= buf.area.x {
        return;
    }
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut((rect.x - 1, y))
            && display_width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
