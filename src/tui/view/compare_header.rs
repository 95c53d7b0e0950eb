//! The compare view's top: a header per app (name, publisher, certification, last update,
//! counts) and the tab bar with each tab's number of differences.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::SideSummary;
use crate::model::Certification;
use crate::text::display_width;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::CompareView;
use crate::tui::state::State;
use crate::tui::strings;

use super::tab_bar;
use super::text::{fit_plain, put, safe};

/// One app's header: name and publisher; risk summary, score, certification, last update and
/// counts. On two lines when `area` has two, else on one.
pub fn side_header(
    state: &State,
    label: &str,
    app: usize,
    side: &SideSummary,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let mut spans = vec![Span::styled(format!("{label} "), theme.key)];
    let mut left = w.saturating_sub(2);
    let mut push = |spans: &mut Vec<Span<'static>>, text: &str, style: Style| {
        let tw = display_width(text).min(left);
        spans.extend(fit_plain(text, tw, style, false));
        left -= tw;
    };
    push(&mut spans, &safe(&side.name), theme.title);
    if !side.publisher.trim().is_empty() {
        push(&mut spans, &format!(" {} ", strings::SEP), theme.dim);
        push(&mut spans, &safe(&side.publisher), Style::new());
    }
    let mut details: Vec<Span<'static>> = vec![Span::raw("  ")];
    // Risk and score first: they are what a comparison is most often opened for.
    for (name, value, style) in super::badges::header_parts(state, app).into_iter().take(2) {
        details.push(Span::styled(format!("{name} "), theme.label));
        details.push(Span::styled(value, style));
        details.push(Span::raw(" "));
    }
    details.push(Span::styled(format!("{} ", strings::SEP), theme.dim));
    let cert = certification(&side.certification);
    let cert_text = match strings::certification(cert) {
        "" => strings::NOT_CERTIFIED,
        t => t,
    };
    details.push(Span::styled(
        cert_text.to_string(),
        theme.certification(cert),
    ));
    let updated = side
        .updated
        .clone()
        .unwrap_or_else(|| side.updated_raw.clone());
    let updated = if updated.trim().is_empty() {
        strings::UNANSWERED_MARK.to_string()
    } else {
        safe(&updated)
    };
    details.push(Span::styled(
        format!(" {} ", strings::LABEL_UPDATED),
        theme.label,
    ));
    details.push(Span::raw(updated));
    details.push(Span::styled(format!(" {} ", strings::SEP), theme.dim));
    let counts = strings::compare_counts(
        side.permission_count,
        side.application_permission_count,
        side.unanswered_count,
    );
    let app_style = if side.application_permission_count > 0 {
        theme.kind_application
    } else {
        theme.dim
    };
    // "N perms · M app · K unanswered": the application count stands out.
    let mut parts = counts.splitn(3, " · ");
    if let (Some(total), Some(app), Some(unanswered)) = (parts.next(), parts.next(), parts.next()) {
        details.push(Span::styled(format!("{total} · "), theme.dim));
        details.push(Span::styled(app.to_string(), app_style));
        details.push(Span::styled(format!(" · {unanswered}"), theme.dim));
    }
    let mut rows = area.rows();
    let (Some(first), second) = (rows.next(), rows.next()) else {
        return;
    };
    match second {
        Some(second) => {
            put(buf, first, first.y, &Line::from(spans));
            put(buf, second, second.y, &Line::from(clip(details, w)));
        }
        None => {
            spans.push(Span::raw(" "));
            spans.extend(details.into_iter().skip(1));
            put(buf, first, first.y, &Line::from(clip(spans, w)));
        }
    }
}

fn certification(s: &str) -> Certification {
    match s {
        "certified" => Certification::Certified,
        "attested" => Certification::Attested,
        _ => Certification::None,
    }
}

/// Cut spans to `width` columns, ending with `…` when something was cut.
fn clip(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = width;
    for s in spans {
        let sw = display_width(&s.content);
        if sw < left {
            left -= sw;
            out.push(s);
        } else {
            out.extend(fit_plain(&s.content, left, s.style, false));
            break;
        }
    }
    out
}

pub fn tab_bar(
    state: &State,
    view: &CompareView,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    let n = view.tab_count();
    let title_of = |i: usize| -> String {
        match view.comparison.zones.get(i) {
            Some(z) => safe(&z.title),
            None => strings::PERMISSIONS_TAB.to_string(),
        }
    };
    let titles_at = |cap: usize| -> Vec<tab_bar::Title> {
        (0..n)
            .map(|i| {
                let t: String = fit_plain(&title_of(i), cap, Style::new(), false)
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect();
                let head = if i < 9 {
                    format!(" {} {} ", i + 1, t)
                } else {
                    format!(" {t} ")
                };
                let d = view.tab_differences(i);
                let mut title = vec![(head, Style::new())];
                if d > 0 {
                    title.push((format!("≠{d} "), theme.diff_changed));
                }
                title
            })
            .collect()
    };
    let titles = tab_bar::fitting(6..=24, 8, area.width as usize, titles_at);
    tab_bar::render(theme, &titles, view.tab, area, buf, layout);
}
