//! The app header's links line: each link's label, with its address when all fit; `O` shows
//! them whole in a popup, `o` opens (or copies) the AppSource or Teams link.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::App;
use crate::text::{display_width, sanitize};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::state::State;
use crate::tui::state::links::app_links;
use crate::tui::strings;

use super::text::fit_plain;

pub fn header_line(state: &State, app: &App, width: usize) -> Line<'static> {
    let theme = &state.ui.theme;
    let links = app_links(app);
    let mut spans = vec![Span::styled(
        format!("{} ", strings::LABEL_LINKS),
        theme.label,
    )];
    if links.is_empty() {
        spans.push(Span::styled(strings::UNANSWERED_MARK, theme.dim));
        return Line::from(spans);
    }
    let key = state
        .ui
        .keymap
        .key_for(Mode::Detail, &Action::ShowLinks)
        .map(|k| format!(" · {k} shows them"))
        .unwrap_or_default();
    let label_w = display_width(strings::LABEL_LINKS) + 1;
    let full: Vec<String> = links
        .iter()
        .map(|(label, url)| format!("{label} {}", sanitize(url)))
        .collect();
    let full_w = full.iter().map(|s| display_width(s) + 3).sum::<usize>();
    let with_urls = label_w + full_w <= width;
    let sep = format!(" {} ", strings::SEP);
    for (i, (label, url)) in links.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(sep.clone(), theme.dim));
        }
        spans.push(Span::raw(label.to_string()));
        if with_urls {
            spans.push(Span::styled(format!(" {}", sanitize(url)), Style::new()));
        }
    }
    if !with_urls {
        spans.push(Span::styled(key, theme.dim));
    }
    // Cut to the width as a whole (labels are short; a narrow pane still shows the first).
    let text: String = spans.iter().map(|s| s.content.to_string()).collect();
    if display_width(&text) <= width {
        return Line::from(spans);
    }
    Line::from(fit_plain(&text, width, theme.key_help, true))
}
