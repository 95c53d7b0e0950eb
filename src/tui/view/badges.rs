//! Small pieces the review features add to the panels: the risk marker, review badges and
//! score of an app, the status message, the filter bar with its error, the sort in the title.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{display_width, sanitize};
use crate::tui::state::MessageKind;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::fit_plain;

/// The status message, if any, fitted to `width`. While the list's query has an error, the
/// whole error is shown here (the list pane is too narrow for most messages): always while the
/// filter is typed, and after that whenever no other message is up, until the query parses.
pub fn message(state: &State, width: usize) -> Option<Vec<Span<'static>>> {
    let typing = state.search_target() == Some(&crate::tui::state::SearchTarget::List);
    if let Some(e) = &state.ui.list.query_error
        && (typing || state.message().is_none())
    {
        let text = format!(" filter, column {}: {}", e.position + 1, e.message);
        let style = state.ui.theme.status.patch(state.ui.theme.message_error);
        return Some(fit_plain(&sanitize(&text), width, style, true));
    }
    let m = state.message()?;
    let style = match m.kind {
        MessageKind::Info => state.ui.theme.message_info,
        MessageKind::Warning => state.ui.theme.message_warning,
        MessageKind::Error => state.ui.theme.message_error,
    };
    let style = state.ui.theme.status.patch(style);
    let text = format!(" {}", sanitize(&m.text));
    if display_width(&text) <= width {
        return Some(fit_plain(&text, width, style, true));
    }
    // Cut: say where the whole message is rather than hide its end.
    let key = state
        .ui
        .keymap
        .key_for(
            crate::tui::keymap::Mode::List,
            &crate::tui::action::Action::OpenLog,
        )
        .unwrap_or_default();
    let pointer = format!(" {} {key} ", strings::LOG_POINTER);
    let pw = display_width(&pointer);
    if pw * 3 > width {
        return Some(fit_plain(&text, width, style, true));
    }
    let mut spans = fit_plain(&text, width - pw, style, true);
    spans.push(Span::styled(pointer, style.patch(state.ui.theme.key)));
    Some(spans)
}

/// The app's worst permission tier as a colored letter (`-` when it requests none).
pub fn risk_marker(state: &State, app: usize) -> Span<'static> {
    let risk = state.workspace.app_risk(app);
    if risk.is_none() {
        return Span::styled(strings::NO_PERMISSION_MARK, state.ui.theme.dim);
    }
    Span::styled(
        strings::tier_letter(risk.highest),
        state.ui.theme.risk(risk.highest),
    )
}

/// Decision, bookmark and note marks of an app ("" when it has none).
pub fn review_badges(state: &State, app: usize) -> Vec<Span<'static>> {
    let theme = &state.ui.theme;
    let Some(r) = state.workspace.review_of(app) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(d) = r.decision {
        out.push(Span::styled(strings::decision_badge(d), theme.decision(d)));
    }
    if state.workspace.changed_since_review(app) {
        out.push(Span::styled(strings::CHANGED_BADGE, theme.warning));
    }
    if r.bookmark {
        out.push(Span::styled(strings::BOOKMARK_BADGE, theme.bookmark));
    }
    if !r.note.is_empty() {
        out.push(Span::styled(strings::NOTE_BADGE, theme.dim));
    }
    out
}

pub fn score_text(state: &State, app: usize) -> String {
    state
        .workspace
        .score_of(app)
        .map_or_else(String::new, |s| format!("{s:.1}"))
}

/// " · by score" when the list is sorted.
pub fn sort_suffix(state: &State) -> String {
    match state.ui.list.sort {
        Some(k) => format!("· by {} ", k.label()),
        None => String::new(),
    }
}

/// The filter bar: the query with the erroneous part underlined in the error style. A query
/// wider than the bar shows its end, where the cursor is, after a `…`.
pub fn query_line(state: &State, width: usize, searching: bool) -> Line<'static> {
    use unicode_width::UnicodeWidthChar;
    let theme = &state.ui.theme;
    let mut spans = vec![Span::styled(strings::SEARCH_PROMPT, theme.key)];
    let q: Vec<char> = sanitize(&state.ui.list.query).chars().collect();
    let (mut start, mut end) = match &state.ui.list.query_error {
        Some(e) => (
            e.position.min(q.len()),
            (e.position + e.len.max(1)).min(q.len()),
        ),
        None => (q.len(), q.len()),
    };
    let avail = width.saturating_sub(2);
    let w = |cs: &[char]| cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    let mut skip = 0;
    if w(&q) > avail {
        while skip < q.len() && w(&q[skip..]) > avail.saturating_sub(1) {
            skip += 1;
        }
        spans.push(Span::styled("…", theme.dim));
    }
    start = start.max(skip);
    end = end.max(skip);
    let part = |a: usize, b: usize| q[a..b].iter().collect::<String>();
    for (text, style) in [
        (part(skip, start), theme.input),
        (part(start, end), theme.input.patch(theme.query_error)),
        (part(end, q.len()), theme.input),
    ] {
        if !text.is_empty() {
            spans.push(Span::styled(text, style));
        }
    }
    if searching {
        spans.push(Span::styled("▏", theme.input));
    }
    Line::from(spans)
}

/// The lines under the filter bar naming the error: a caret under it when there is room, and
/// the message wrapped to the pane (at most `max` lines), so that none of it is cut.
pub fn query_error_lines(state: &State, width: usize, max: usize) -> Vec<Line<'static>> {
    let Some(e) = state.ui.list.query_error.as_ref() else {
        return Vec::new();
    };
    let style = state.ui.theme.query_error;
    let q: String = state.ui.list.query.chars().take(e.position).collect();
    let col = 1 + display_width(&sanitize(&q));
    let mut lines = Vec::new();
    let text = if col + 2 < width {
        lines.push(format!("{}^", " ".repeat(col)));
        sanitize(&e.message).into_owned()
    } else {
        sanitize(&format!("col {}: {}", e.position + 1, e.message)).into_owned()
    };
    lines.extend(crate::text::wrap(&text, width));
    let cut = lines.len() > max;
    lines.truncate(max);
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| Line::from(fit_plain(&l, width, style, cut && i + 1 == n)))
        .collect()
}

/// Under the error: whose result the list shows while the query in the bar has an error.
pub fn stale_line(state: &State, width: usize) -> Option<Line<'static>> {
    let list = &state.ui.list;
    if !list.is_stale() {
        return None;
    }
    let text = if list.shown_query.is_empty() {
        strings::STALE_ALL.to_string()
    } else {
        format!("{} /{}", strings::STALE_OF, list.shown_query)
    };
    Some(Line::from(fit_plain(
        &sanitize(&text),
        width,
        state.ui.theme.warning,
        true,
    )))
}

/// The risk, score and review part of the app header: `Risk C2 H3 M1 L4 · Score 7.2 ·
/// blocked ★`.
pub fn header_parts(state: &State, app: usize) -> Vec<(&'static str, String, Style)> {
    use crate::risk::Tier;
    let theme = &state.ui.theme;
    let risk = state.workspace.app_risk(app);
    let counts: Vec<String> = Tier::ALL
        .into_iter()
        .filter(|t| risk.count(*t) > 0)
        .map(|t| format!("{}{}", strings::tier_letter(t), risk.count(t)))
        .collect();
    // Counts per tier, worst first: the first letter is the app's highest tier.
    let risk_text = if counts.is_empty() {
        risk.highest_label().to_string()
    } else {
        counts.join(" ")
    };
    let mut parts = vec![
        ("Risk", risk_text, theme.risk(risk.highest)),
        ("· Score", score_text(state, app), theme.score),
    ];
    if let Some(r) = state.workspace.review_of(app) {
        let mut text = r.decision.map_or("", strings::decision_label).to_string();
        if r.bookmark {
            text.push_str(if text.is_empty() { "" } else { " " });
            text.push_str(strings::BOOKMARK_BADGE);
        }
        if !text.is_empty() {
            let style = r.decision.map_or(theme.bookmark, |d| theme.decision(d));
            parts.push(("·", text, style));
        }
        if state.workspace.changed_since_review(app) {
            let text = format!("{} {}", strings::CHANGED_BADGE, strings::CHANGED_LABEL);
            parts.push(("·", text, theme.warning));
        }
        if !r.note.is_empty() {
            parts.push(("· ✎", sanitize(&r.note).into_owned(), theme.note));
        }
    }
    parts
}
