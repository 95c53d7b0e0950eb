//! Turning (already sanitized) text into spans that fit a column exactly, with highlighted
//! characters. Widths are display columns (CJK counts two); measuring, cutting and wrapping are
//! `crate::text`'s, shared with the CLI.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::query::TextQuery;
use crate::text::{display_width, fit_prefix, sanitize};
use crate::tui::theme::Theme;

/// Safe text for a span: every catalog string passes through here.
pub fn safe(s: &str) -> String {
    sanitize(s).into_owned()
}

/// Spans of `text` fitting `width` columns: cut with `…` when too long, padded with spaces when
/// `pad`. Characters whose index is in `highlight` get `hl` patched over `style`.
pub fn fit(
    text: &str,
    width: usize,
    style: Style,
    highlight: &[usize],
    hl: Style,
    pad: bool,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    if width == 0 {
        return spans;
    }
    // Cut by the one rule of `text::fit_prefix`.
    let (end, cut) = fit_prefix(text, width);
    let mut used = 0;
    let mut run = String::new();
    let mut run_hl = false;
    for (i, c) in text[..end].chars().enumerate() {
        let w = c.width().unwrap_or(0);
        let is_hl = highlight.contains(&i);
        if is_hl != run_hl && !run.is_empty() {
            spans.push(styled(std::mem::take(&mut run), style, run_hl, hl));
        }
        run_hl = is_hl;
        run.push(c);
        used += w;
    }
    if !run.is_empty() {
        spans.push(styled(run, style, run_hl, hl));
    }
    if cut {
        spans.push(Span::styled("…", style));
        used += 1;
    }
    if pad && used < width {
        spans.push(Span::styled(" ".repeat(width - used), style));
    }
    spans
}

fn styled(s: String, style: Style, is_hl: bool, hl: Style) -> Span<'static> {
    Span::styled(s, if is_hl { style.patch(hl) } else { style })
}

/// The char indices of `text` to highlight for a `/` query (none without one): every list
/// highlights through here, with the matcher its layer finds with.
pub fn found(query: Option<&TextQuery>, text: &str) -> Vec<usize> {
    query
        .and_then(|q| q.find(text))
        .map(|h| h.indices)
        .unwrap_or_default()
}

/// The find bar of a layer that finds: `/query▏  2/5` (the cursor while typing), or None when
/// there is no query and no prompt.
pub fn find_bar(
    theme: &crate::tui::theme::Theme,
    query: &str,
    typing: bool,
    (nth, total): (usize, usize),
    width: usize,
) -> Option<Line<'static>> {
    if query.is_empty() && !typing {
        return None;
    }
    let mut spans = vec![Span::styled(crate::tui::strings::SEARCH_PROMPT, theme.key)];
    let count = if query.trim().is_empty() {
        String::new()
    } else if total == 0 {
        "  no match".to_string()
    } else {
        format!("  {nth}/{total}")
    };
    let room = width.saturating_sub(2 + display_width(&count));
    spans.extend(fit_plain(&safe(query), room, theme.input, false));
    if typing {
        spans.push(Span::styled("▏", theme.input));
    }
    spans.push(Span::styled(count, theme.dim));
    Some(Line::from(spans))
}

/// Plain fitted spans without highlight.
pub fn fit_plain(text: &str, width: usize, style: Style, pad: bool) -> Vec<Span<'static>> {
    fit(text, width, style, &[], Style::new(), pad)
}

/// Draw a line at row `y` of `area`, if that row exists; never writes outside `area`.
pub fn put(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    let area = area.intersection(*buf.area());
    if y < area.y || y >= area.bottom() || area.width == 0 {
        return;
    }
    buf.set_line(area.x, y, line, area.width);
}

/// Draw text centered on row `y` of `area`, cut to fit.
pub fn put_centered(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    let w = area.width as usize;
    let spans = fit_plain(text, w, style, false);
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    // Half the spare columns before the text, rounded down as `super::centered` does.
    let before = ((w - used.min(w)) / 2) as u16;
    let [_, text] =
        Layout::horizontal([Constraint::Length(before), Constraint::Fill(1)]).areas(area);
    put(buf, text, y, &Line::from(spans));
}

/// Style `row` as the selection: the focused style where the keys go, the unfocused one where
/// they do not.
pub fn select_row(buf: &mut Buffer, row: Rect, theme: &Theme, focused: bool) {
    let style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    buf.set_style(row, style);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn fit_truncates_wide_text_with_ellipsis() {
        let s = fit_plain("联系人中心", 7, Style::new(), true);
        assert_eq!(
            text(&fit_plain("联系人中心", 6, Style::new(), true)),
            "联系… "
        );
        assert_eq!(text(&s), "联系人…");
        assert_eq!(display_width(&text(&s)), 7);
    }

    #[test]
    fn fit_splits_highlight_runs() {
        let hl = Style::new().bold();
        let s = fit("abcd", 4, Style::new(), &[1, 2], hl, false);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].content, "bc");
        assert_eq!(s[1].style, hl);
    }
}
