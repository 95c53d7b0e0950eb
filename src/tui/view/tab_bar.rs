//! One row of tabs that scrolls: `‹` when tabs are hidden on the left, `›` when more follow
//! than fit, the current tab always visible. Shared by the app view and the compare view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
    let marker = |buf: &mut Buffer, x: u16, glyph: &'static str| {
        let cell = Rect {
            x,
            width: 1,
            ..area
        };
        put(buf, cell, area.y, &Line::styled(glyph, theme.dim));
    };
    let mut x = area.x;
    if start > 0 && area.width > 0 {
        marker(buf, x, "‹");
        x += 1;
    }
    for (i, title) in titles.iter().enumerate().skip(start) {
        let w = widths[i] as u16;
        let room = area.right().saturating_sub(x);
        // Leave a column for `›` while more tabs follow.
        let need = if i + 1 < n { w + 1 } else { w };
        if need > room {
            if room > 0 {
                marker(buf, area.right() - 1, "›");
            }
            break;
        }
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
        let rect = Rect {
            x,
            width: w,
            ..area
        };
        put(buf, rect, area.y, &Line::from(spans));
        layout.tabs.push((rect, i));
        x += w;
    }
}
