//! The `?` overlay: every binding of every mode, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::{fit_plain, put};

const KEY_COLUMN: usize = 22;

/// The help text lines, one heading per mode.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let theme = &state.ui.theme;
    let mut out = Vec::new();
    for mode in Mode::all() {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(fit_plain(
            &state.ui.keymap.mode_info(mode).title,
            width,
            theme.title,
            false,
        )));
        for (keys, help) in state.ui.keymap.help(mode) {
            let kw = KEY_COLUMN.min(width);
            let mut spans = vec![Span::raw(" ")];
            spans.extend(fit_plain(&keys, kw.saturating_sub(1), theme.key, true));
            spans.extend(fit_plain(
                help,
                width.saturating_sub(kw),
                theme.key_help,
                false,
            ));
            out.push(Line::from(spans));
        }
    }
    out.extend(legend(state, width));
    out
}

/// What the list's marks mean: risk letters in their colors, review badges.
fn legend(state: &State, width: usize) -> Vec<Line<'static>> {
    use crate::review::Decision;
    use crate::risk::Tier;
    let theme = &state.ui.theme;
    let mut out = vec![
        Line::default(),
        Line::from(fit_plain("Marks", width, theme.title, false)),
    ];
    let mut risk = vec![Span::raw(" Risk   ")];
    for t in Tier::ALL {
        risk.push(Span::styled(strings::tier_letter(t), theme.risk(t)));
        risk.push(Span::styled(format!(" {} ", t.as_str()), theme.key_help));
    }
    risk.push(Span::styled(strings::NO_PERMISSION_MARK, theme.dim));
    risk.push(Span::styled(
        format!(" {}", crate::risk::NO_PERMISSION),
        theme.key_help,
    ));
    out.push(Line::from(risk));
    let mut review = vec![Span::raw(" Review ")];
    for d in Decision::ALL {
        review.push(Span::styled(strings::decision_badge(d), theme.decision(d)));
        review.push(Span::styled(
            format!(" {} ", strings::decision_label(d)),
            theme.key_help,
        ));
    }
    review.push(Span::styled(strings::BOOKMARK_BADGE, theme.bookmark));
    review.push(Span::styled(" bookmark ", theme.key_help));
    review.push(Span::styled(strings::NOTE_BADGE, theme.dim));
    review.push(Span::styled(" note", theme.key_help));
    out.push(Line::from(review));
    // Its own line: the review line is full at 80 columns.
    out.push(Line::from(vec![
        Span::raw("        "),
        Span::styled(strings::CHANGED_BADGE, theme.warning),
        Span::styled(format!(" {}", strings::CHANGED_LABEL), theme.key_help),
    ]));
    out.push(Line::from(fit_plain(
        &format!(
            " Counts N perms · M {}: M of N are application permissions",
            strings::APPLICATION_SHORT
        ),
        width,
        theme.key_help,
        false,
    )));
    let explain = state
        .ui
        .keymap
        .key_for(Mode::List, &crate::tui::action::Action::ExplainScore)
        .map(|k| format!("; {k} explains it"))
        .unwrap_or_default();
    out.push(Line::from(fit_plain(
        &format!(" Score  0–10, higher is better{explain}"),
        width,
        theme.key_help,
        false,
    )));
    out.push(super::tenant_marks::legend(state, width));
    out
}

pub fn render(
    state: &State,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let rect = super::centered(area, 64, area.height.saturating_sub(2));
    Clear.render(rect, buf);
    let title = Line::from(fit_plain(
        &format!(" {} ", strings::HELP_TITLE),
        rect.width.saturating_sub(2) as usize,
        state.ui.theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let all = lines(state, inner.width as usize);
    let h = inner.height as usize;
    layout.help = rect;
    layout.help_rows = h;
    layout.help_scroll_max = all.len().saturating_sub(h);
    let start = scroll.min(layout.help_scroll_max);
    for (k, l) in all.iter().skip(start).take(h).enumerate() {
        put(buf, inner, inner.y + k as u16, l);
    }
}
