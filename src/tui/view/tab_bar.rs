//! One row of tabs that scrolls: `‹` when tabs are hidden on the left, `›` when more follow
//! than fit, the current tab always visible. Shared by the app view and the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::put;
use crate::text::display_width;
use crate::tui::layout::ScreenLayout;
use crate::tui::theme::Theme;

/// A tab's title in parts; each part's style is laid over the tab's (active or inactive) style.
pub type Title = Vec<(String, Style)>;

pub fn width_of(title: &Title) -> usize {
    title.iter().map(|(t, _)| display_width(t)).sum()
}

/// The widest titles that fit: `titles_at(cap)` for caps from `caps` (largest first); when
/// none fits, titles cut at `fallback` (still readable), scrolled.
pub fn fitting(
    caps: std::ops::RangeInclusive<usize>,
    fallback: usize,
    width: usize,
    titles_at: impl Fn(usize) -> Vec<Title>,
) -> Vec<Title> {
    caps.rev()
        .map(&titles_at)
        .find(|t| t.iter().map(width_of).sum::<usize>() <= width)
        .unwrap_or_else(|| titles_at(fallback))
}

/// Draw `titles` on the first row of `area` with `current` selected; record each drawn tab's
/// rectangle in `layout.tabs` for mouse clicks.
pub fn render(
    theme: &Theme,
    titles: &[Title],
    current: usize,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let n = titles.len();
    let widths: Vec<usize> = titles.iter().map(width_of).collect();
    // Start late enough that the current tab fits, with room for the markers.
    let mut start = 0;
    while start < current.min(n.saturating_sub(1))
        && widths[start..=current].iter().sum::<usize>()
            + usize::from(start > 0)
            + usize::from(current + 1 < n)
            > area.width as usize
    {
        start += 1;
    }
    let marker = |buf: &mut Buffer, cell: Rect, glyph: &'static str| {
        put(buf, cell, area.y, &Line::styled(glyph, theme.dim));
    };
    let before = u16::from(start > 0 && area.width > 0);
    // The tabs from `start` that fit, each leaving a column for `›` while more tabs follow.
    let mut room = area.width - before;
    let mut end = start;
    while end < n {
        let w = widths[end] as u16;
        if w + u16::from(end + 1 < n) > room {
            break;
        }
        room -= w;
        end += 1;
    }
    let cells = Layout::horizontal(
        std::iter::once(before)
            .chain(widths[start..end].iter().map(|&w| w as u16))
            .map(Constraint::Length),
    )
    .split(area);
    if before > 0 {
        marker(buf, cells[0], "‹");
    }
    for ((i, title), &rect) in titles.iter().enumerate().skip(start).zip(&cells[1..]) {
        let base = if i == current {
            theme.tab_active
        } else {
            theme.tab_inactive
        };
        // The active tab's own style wins over a part's: a yellow count on its background, or
        // bold black text (which xterm shows grey), would not read.
        let part = |style: Style| {
            if i == current {
                base
            } else {
                base.patch(style)
            }
        };
        let spans: Vec<Span<'static>> = title
            .iter()
            .map(|(text, style)| Span::styled(text.clone(), part(*style)))
            .collect();
        put(buf, rect, area.y, &Line::from(spans));
        layout.tabs.push((rect, i));
    }
    if end < n && room > 0 {
        let [_, last] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        marker(buf, last, "›");
    }
}
