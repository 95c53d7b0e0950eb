//! The score popup: how the selected app's score was computed (explained once when the popup
//! opened, `ScoreCard::explain`), with its permissions by risk tier.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::risk::Tier;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::{fit_plain, put, safe};
use crate::text::wrap;

/// The popup's lines at inner width `w`.
pub fn lines(state: &State, app: usize, explanation: &[String], w: usize) -> Vec<Line<'static>> {
    let theme = &state.ui.theme;
    let mut out = Vec::new();
    for l in explanation {
        // Penalty lines end with "(kind, tier)" or "(kind, tier; listed …)": color them by
        // the tier.
        let tier = Tier::ALL.into_iter().find(|t| {
            let l = l.trim_end();
            l.ends_with(&format!(", {})", t.as_str())) || l.contains(&format!(", {}; ", t.as_str()))
        });
        let style = tier.map_or(ratatui::style::Style::new(), |t| theme.risk(t));
        for part in wrap(&safe(l), w) {
            out.push(Line::styled(part, style));
        }
    }
    out.push(Line::default());
    let risk = state.workspace.app_risk(app);
    let mut spans = vec![Span::styled("Permissions by tier: ", theme.label)];
    for t in Tier::ALL.into_iter().filter(|t| risk.count(*t) > 0) {
        spans.push(Span::styled(
            format!("{} {}", t.as_str(), risk.count(t)),
            theme.risk(t),
        ));
        spans.push(Span::raw("  "));
    }
    if spans.len() == 1 {
        spans.push(Span::styled(strings::NO_PERMISSIONS, theme.dim));
    }
    out.push(Line::from(spans));
    out
}

pub fn render(
    state: &State,
    app: usize,
    explanation: &[String],
    scroll: usize,
    rect: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let name = state
        .workspace
        .catalog
        .apps
        .get(app)
        .map_or_else(String::new, |a| safe(&a.name));
    let total = state.workspace.score_of(app).unwrap_or(0.0);
    let title = Line::from(fit_plain(
        &format!(" {} {total:.1}/10 · {name} ", strings::SCORE_TITLE),
        rect.width.saturating_sub(2) as usize,
        state.ui.theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, rect, buf);
    let all = lines(state, app, explanation, inner.width as usize);
    let h = inner.height as usize;
    layout.popup_rows = h;
    layout.popup_scroll_max = all.len().saturating_sub(h);
    layout.popup_list = inner;
    let start = scroll.min(layout.popup_scroll_max);
    for (row, l) in inner.rows().zip(all.iter().skip(start)) {
        put(buf, row, row.y, l);
    }
}
