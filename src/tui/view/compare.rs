//! The compare view: a header per app, a tab per zone (the union of both apps' zones) plus
//! Permissions, and one line a row: a marker column, the question, A's answer and B's answer.
//! Both columns are one list, so they scroll together.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::{Cell, PermissionEntry, RowComparison};
use crate::model::{Answer, PermissionKind};
use crate::text::{display_width, sanitize};
use crate::tui::layout::ScreenLayout;
use crate::tui::state::layers::{CompareRow, CompareView, PermSection};
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{QuestionLabels, State};
use crate::tui::strings;

use super::text::{fit_plain, put, safe};

const MARKER_WIDTH: usize = 2;

/// Draw the compare view over `area`: the whole screen but the status line and footer.
pub fn render(
    state: &State,
    view: &CompareView,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    super::clear(state, area, buf);
    // Tabs of the panes below must not be clickable through the view.
    layout.tabs.clear();
    layout.list = Rect::default();
    layout.detail = Rect::default();
    let c = &view.comparison;
    let mode = if view.only_differences {
        strings::ONLY_DIFFERENCES
    } else {
        strings::EVERYTHING
    };
    let total: usize = (0..view.tab_count()).map(|t| view.tab_differences(t)).sum();
    let title = format!(
        " {} · {} · {} ",
        strings::COMPARE_TITLE,
        mode,
        strings::differences(total)
    );
    let title = Line::from(fit_plain(
        &title,
        area.width.saturating_sub(2) as usize,
        theme.title,
        false,
    ));
    let inner = super::framed(title, true, state, area, buf);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    // Each app's header takes two lines when there is room, else one.
    let head_h = if inner.height >= 16 { 2 } else { 1 };
    let [a_head, b_head, tabs_row, header_row, rows_area] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Length(head_h),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    super::compare_header::side_header(state, "A", view.a, &c.a, a_head, buf);
    super::compare_header::side_header(state, "B", view.b, &c.b, b_head, buf);
    super::compare_header::tab_bar(state, view, tabs_row, buf, layout);
    let cols = Columns::new(state, view, inner.width as usize);
    put(
        buf,
        header_row,
        header_row.y,
        &column_header(state, view, &cols),
    );
    layout.compare = rows_area;
    layout.compare_rows = rows_area.height as usize;
    let rows = view.rows();
    if rows.is_empty() {
        let msg = if view.only_differences {
            strings::NO_DIFFERENCES
        } else if view.is_permissions_tab() {
            strings::NO_PERMISSIONS
        } else {
            strings::NO_ROWS
        };
        put(
            buf,
            rows_area,
            rows_area.y,
            &Line::from(fit_plain(msg, cols.width, theme.dim, false)),
        );
        return;
    }
    let scroll = view.scroll();
    let selected = scroll.selected.min(rows.len() - 1);
    let height = rows_area.height as usize;
    let offset = visible_offset(selected, scroll.offset, height, rows.len());
    for (screen_row, (k, row)) in rows_area.rows().zip(rows.iter().enumerate().skip(offset)) {
        put(
            buf,
            screen_row,
            screen_row.y,
            &line(state, view, &cols, *row),
        );
        if k == selected {
            buf.set_style(screen_row, theme.selected);
        }
    }
}

/// Widths of the marker, question, A and B columns (A and B separated by `│`).
struct Columns {
    width: usize,
    question: usize,
    a: usize,
    b: usize,
}

impl Columns {
    fn new(state: &State, view: &CompareView, width: usize) -> Columns {
        let longest = match view.comparison.zones.get(view.tab) {
            Some(z) => z
                .rows
                .iter()
                .map(|r| display_width(&question_text(state, r)) + indent(r))
                .max()
                .unwrap_or(0),
            None => {
                let p = &view.comparison.permissions;
                p.only_a
                    .iter()
                    .chain(&p.only_b)
                    .chain(&p.both)
                    .map(|e| display_width(&safe(&e.name)) + 3)
                    .max()
                    .unwrap_or(0)
                    .max(display_width(strings::REGISTRATIONS))
            }
        };
        let cap = (width * 2 / 5).max(1);
        let question = longest.max(strings::QUESTION.len()).clamp(12.min(cap), cap);
        let rest = width.saturating_sub(MARKER_WIDTH + question + 2);
        let a = rest / 2;
        Columns {
            width,
            question,
            a,
            b: rest - a,
        }
    }
}

fn indent(r: &RowComparison) -> usize {
    2 * usize::from(r.level()).min(4)
}

/// The question once when both sides ask it alike, else both questions; with English labels
/// on, the label instead or before it (rows with no key keep the pages' text).
fn question_text(state: &State, r: &RowComparison) -> String {
    let page = match (&r.a, &r.b) {
        (Some(a), Some(b)) if !r.same_question() => {
            format!("{} / {}", safe(&a.question), safe(&b.question))
        }
        _ => safe(r.question()),
    };
    let key = r.a.as_ref().or(r.b.as_ref()).and_then(|c| c.key);
    match (state.ui.labels, crate::questionnaire::english_label(key)) {
        (QuestionLabels::English, Some(label)) => label.to_string(),
        // The label first: a long page question is what gets cut.
        (QuestionLabels::Beside, Some(label)) => format!("{label} · {page}"),
        _ => page,
    }
}

fn column_header(state: &State, view: &CompareView, cols: &Columns) -> Line<'static> {
    let theme = &state.ui.theme;
    let style = theme.column_header;
    let c = &view.comparison;
    let mut spans = vec![Span::raw(" ".repeat(MARKER_WIDTH))];
    let (first, present) = match c.zones.get(view.tab) {
        Some(z) if z.aligned_by == crate::compare::AlignedBy::Position => (
            format!("{} ({})", strings::QUESTION, strings::PAIRED_BY_POSITION),
            (z.a_present, z.b_present),
        ),
        Some(z) => (strings::QUESTION.to_string(), (z.a_present, z.b_present)),
        None => (strings::PERMISSION.to_string(), (true, true)),
    };
    spans.extend(fit_plain(&first, cols.question, style, true));
    spans.push(Span::raw(" "));
    let side = |name: &str, present: bool, w: usize| -> Vec<Span<'static>> {
        if present {
            fit_plain(&safe(name), w, style, true)
        } else {
            let text = format!("{} · {}", safe(name), strings::NOT_PROVIDED);
            let mut s = fit_plain(strings::NOT_PROVIDED, w, theme.diff_missing, true);
            if display_width(&text) <= w {
                s = fit_plain(&safe(name), display_width(&safe(name)), style, false);
                s.push(Span::styled(format!(" {} ", strings::SEP), theme.dim));
                s.extend(fit_plain(
                    strings::NOT_PROVIDED,
                    w - display_width(&safe(name)) - 3,
                    theme.diff_missing,
                    true,
                ));
            }
            s
        }
    };
    spans.extend(side(&c.a.name, present.0, cols.a));
    spans.push(Span::styled("│", theme.border));
    spans.extend(side(&c.b.name, present.1, cols.b));
    Line::from(spans)
}

fn line(state: &State, view: &CompareView, cols: &Columns, row: CompareRow) -> Line<'static> {
    let theme = &state.ui.theme;
    let p = &view.comparison.permissions;
    match row {
        CompareRow::Zone(i) => {
            let Some(r) = view
                .comparison
                .zones
                .get(view.tab)
                .and_then(|z| z.rows.get(i))
            else {
                return Line::default();
            };
            let style = theme.diff(r.status, r.presence);
            let marker = strings::diff_marker(r.status, r.presence);
            let mut spans = fit_plain(marker, MARKER_WIDTH, style, true);
            let ind = indent(r).min(cols.question);
            if ind > 0 {
                let m = format!("{}└ ", " ".repeat(ind - 2));
                spans.extend(fit_plain(&m, ind, theme.dim, false));
            }
            let qstyle = if r.status == crate::compare::Status::Same {
                Style::new()
            } else {
                style
            };
            spans.extend(fit_plain(
                &question_text(state, r),
                cols.question - ind,
                qstyle,
                true,
            ));
            spans.push(Span::raw(" "));
            spans.extend(answer(state, r.a.as_ref(), cols.a));
            spans.push(Span::styled("│", theme.border));
            spans.extend(answer(state, r.b.as_ref(), cols.b));
            Line::from(spans)
        }
        CompareRow::PermHeader(s) => {
            let (marker, title, n, style) = match s {
                PermSection::OnlyA => ("◀", strings::ONLY_IN_A, p.only_a.len(), theme.diff_only),
                PermSection::OnlyB => ("▶", strings::ONLY_IN_B, p.only_b.len(), theme.diff_only),
                PermSection::Both => ("=", strings::IN_BOTH, p.both.len(), theme.diff_same),
            };
            let mut spans = fit_plain(marker, MARKER_WIDTH, style, true);
            spans.extend(fit_plain(
                &format!("{title} · {n}"),
                cols.width - MARKER_WIDTH,
                theme.group_header,
                false,
            ));
            Line::from(spans)
        }
        CompareRow::Perm(s, i) => {
            let list = match s {
                PermSection::OnlyA => &p.only_a,
                PermSection::OnlyB => &p.only_b,
                PermSection::Both => &p.both,
            };
            let Some(e) = list.get(i) else {
                return Line::default();
            };
            permission(state, cols, s, e)
        }
        CompareRow::RegHeader => {
            let mut spans = vec![Span::raw(" ".repeat(MARKER_WIDTH))];
            spans.extend(fit_plain(
                strings::REGISTRATIONS,
                cols.width - MARKER_WIDTH,
                theme.group_header,
                false,
            ));
            Line::from(spans)
        }
        CompareRow::Reg(i) => {
            let regs = view.registrations();
            let Some((a, b)) = regs.get(i) else {
                return Line::default();
            };
            let (marker, label, style) = match (a, b) {
                (Some(_), Some(_)) => ("=", strings::SHARED, theme.diff_same),
                (Some(_), None) => ("◀", strings::ONLY_IN_A, theme.diff_only),
                _ => ("▶", strings::ONLY_IN_B, theme.diff_only),
            };
            let mut spans = fit_plain(marker, MARKER_WIDTH, style, true);
            spans.extend(fit_plain(label, cols.question, theme.dim, true));
            spans.push(Span::raw(" "));
            spans.extend(fit_plain(
                &safe(a.unwrap_or("")),
                cols.a,
                Style::new(),
                true,
            ));
            spans.push(Span::styled("│", theme.border));
            spans.extend(fit_plain(
                &safe(b.unwrap_or("")),
                cols.b,
                Style::new(),
                true,
            ));
            Line::from(spans)
        }
    }
}

/// One side's answer in its normalized-value color; blank when the side lacks the row.
fn answer(state: &State, cell: Option<&Cell>, width: usize) -> Vec<Span<'static>> {
    let theme = &state.ui.theme;
    match cell {
        None => fit_plain("", width, Style::new(), true),
        Some(c) if c.value == Answer::Unanswered => fit_plain(
            strings::UNANSWERED_MARK,
            width,
            theme.answer_unanswered,
            true,
        ),
        Some(c) if c.value == Answer::NotCopied => fit_plain(
            strings::NOT_COPIED_MARK,
            width,
            theme.answer_unanswered,
            true,
        ),
        Some(c) => fit_plain(
            &safe(&c.answer),
            width,
            theme.judged(c.judgement, c.value),
            true,
        ),
    }
}

/// A permission: tier marker and name, then on each side that holds it its kind and tier;
/// a side holding the name with another kind says so.
fn permission(state: &State, cols: &Columns, s: PermSection, e: &PermissionEntry) -> Line<'static> {
    let theme = &state.ui.theme;
    let tier = state.workspace.risk.rate(&e.name, e.kind).tier;
    let (marker, mstyle) = match s {
        PermSection::OnlyA => ("◀", theme.diff_only),
        PermSection::OnlyB => ("▶", theme.diff_only),
        PermSection::Both => ("=", theme.diff_same),
    };
    let name_base = if e.application {
        theme.kind_application
    } else {
        Style::new()
    };
    let mut spans = fit_plain(marker, MARKER_WIDTH, mstyle, true);
    let tm = strings::tier_marker(tier);
    let tw = display_width(tm).min(cols.question);
    spans.extend(fit_plain(tm, tw, theme.tier(tier, Style::new()), false));
    spans.extend(fit_plain(
        &sanitize(&e.name),
        cols.question - tw,
        theme.tier(tier, name_base),
        true,
    ));
    spans.push(Span::raw(" "));
    let held = |w: usize| -> Vec<Span<'static>> {
        let kind = strings::kind(e.kind);
        let mut out = Vec::new();
        let kw = display_width(kind).min(w);
        out.extend(fit_plain(kind, kw, theme.kind(e.kind), false));
        let rest = w - kw;
        let t = format!(" {} {}", strings::SEP, tier.as_str());
        out.extend(fit_plain(&t, rest, theme.tier(tier, theme.dim), true));
        out
    };
    let other = |w: usize| -> Vec<Span<'static>> {
        if e.other_kinds.is_empty() {
            return fit_plain("", w, Style::new(), true);
        }
        let kinds: Vec<&str> = e
            .other_kinds
            .iter()
            .map(|k: &PermissionKind| strings::kind(*k))
            .collect();
        fit_plain(&format!("as {}", kinds.join(", ")), w, theme.dim, true)
    };
    let (a, b) = match s {
        PermSection::OnlyA => (held(cols.a), other(cols.b)),
        PermSection::OnlyB => (other(cols.a), held(cols.b)),
        PermSection::Both => (held(cols.a), held(cols.b)),
    };
    spans.extend(a);
    spans.push(Span::styled("│", theme.border));
    spans.extend(b);
    Line::from(spans)
}
