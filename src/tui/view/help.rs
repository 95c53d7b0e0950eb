//! The `?` overlay: the lines the help layer built from the key table, marks in their own
//! styles, `/` matches highlighted (the current one selected), and where in the text one is.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::query::TextQuery;
use crate::text::display_width;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::{Help, HelpLine, Mark, SearchTarget, State};
use crate::tui::strings;
use crate::tui::theme::Theme;

use super::text::{find_bar, fit, found, put};

const KEY_COLUMN: usize = 22;
/// Marks take a column of their own, as wide as the widest (`✓ certified`).
const MARK_COLUMN: usize = 13;

/// The style a mark is drawn in on the screens.
fn mark_style(theme: &Theme, mark: Mark) -> Style {
    match mark {
        Mark::Risk(t) => theme.risk(t),
        Mark::Decision(d) => theme.decision(d),
        Mark::Bookmark => theme.bookmark,
        Mark::Note => theme.dim,
        Mark::Marked => theme.marked,
        Mark::Certification(c) => theme.certification(c),
        Mark::Diff(s, p) => theme.diff(s, p),
        Mark::Tier(t) => theme.tier(t, theme.dim),
        Mark::Unanswered => theme.answer_unanswered,
        Mark::NoPermission => theme.dim,
        Mark::Changed => theme.warning,
        Mark::InTenant => theme.key,
    }
}

/// One help line fitted to `width`, the query's match highlighted.
pub fn line(theme: &Theme, l: &HelpLine, q: Option<&TextQuery>, width: usize) -> Line<'static> {
    let hl = theme.match_highlight;
    // Highlights are found in the line's searchable text, whose parts are laid out in order.
    let text = l.text();
    let indices = found(q, &text);
    let part = |from: usize, s: &str| -> Vec<usize> {
        let n = s.chars().count();
        indices
            .iter()
            .filter(|&&i| i >= from && i < from + n)
            .map(|&i| i - from)
            .collect()
    };
    match l {
        HelpLine::Blank => Line::default(),
        HelpLine::Heading(t) => Line::from(fit(t, width, theme.title, &part(0, t), hl, false)),
        HelpLine::Text(t) => {
            let mut spans = vec![Span::raw(" ")];
            let rest = width.saturating_sub(1);
            spans.extend(fit(t, rest, theme.key_help, &part(0, t), hl, false));
            Line::from(spans)
        }
        HelpLine::Key { keys, help } => {
            let kw = KEY_COLUMN.min(width);
            let mut spans = vec![Span::raw(" ")];
            let kcol = kw.saturating_sub(1);
            spans.extend(fit(keys, kcol, theme.key, &part(0, keys), hl, true));
            let from = keys.chars().count() + 1;
            let hw = width.saturating_sub(kw);
            spans.extend(fit(help, hw, theme.key_help, &part(from, help), hl, false));
            Line::from(spans)
        }
        HelpLine::Mark { mark, glyph, text } => {
            let mw = MARK_COLUMN.min(width);
            let mut spans = vec![Span::raw(" ")];
            let style = mark_style(theme, *mark);
            let mcol = mw.saturating_sub(1);
            // The mark in its style, the rest of its column plain (a mark with a background
            // would otherwise paint a bar).
            let mark = fit(glyph, mcol, style, &part(0, glyph), hl, false);
            let used: usize = mark.iter().map(|s| display_width(&s.content)).sum();
            spans.extend(mark);
            spans.push(Span::raw(" ".repeat(mcol.saturating_sub(used))));
            let from = glyph.chars().count() + 1;
            let tw = width.saturating_sub(mw);
            spans.extend(fit(text, tw, theme.key_help, &part(from, text), hl, false));
            Line::from(spans)
        }
    }
}

pub fn render(state: &State, help: &Help, area: Rect, buf: &mut Buffer, layout: &mut ScreenLayout) {
    let theme = &state.ui.theme;
    let rect = super::centered(area, 66, area.height.saturating_sub(2));
    super::clear(state, rect, buf);
    let total = help.lines.len();
    // The title says where one is: first–last shown of all lines.
    let title_for = |first: usize, shown: usize| {
        let last = (first + shown).min(total);
        format!(
            " {} · {}–{} of {total} ",
            strings::HELP_TITLE,
            first + 1,
            last
        )
    };
    // Inside the one-cell border, drawn below once the title is known.
    let inner = rect.inner(Margin::new(1, 1));
    let typing = state.search_target() == Some(&SearchTarget::Help);
    let q = help.find.text_query();
    let hit = |i: usize| q.as_ref().is_some_and(|q| q.hits(&help.lines[i].text()));
    let count = help
        .find
        .count(help.current.unwrap_or(usize::MAX), total, hit);
    let bar = find_bar(theme, &help.find.query, typing, count, inner.width as usize);
    let [text_area, bar_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(bar.is_some())),
    ])
    .areas(inner);
    let h = text_area.height as usize;
    layout.help = rect;
    layout.help_rows = h;
    layout.help_scroll_max = total.saturating_sub(h);
    let start = help.scroll.min(layout.help_scroll_max);
    let title = title_for(start, h);
    let title = Line::from(super::text::fit_plain(
        &title,
        rect.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    super::framed(title, true, state, rect, buf);
    let width = text_area.width as usize;
    for (row, (k, l)) in text_area
        .rows()
        .zip(help.lines.iter().enumerate().skip(start))
    {
        put(buf, row, row.y, &line(theme, l, q.as_ref(), width));
        if help.current == Some(k) {
            buf.set_style(row, theme.selected);
        }
    }
    if let Some(bar) = bar {
        put(buf, bar_area, bar_area.y, &bar);
    }
}
