//! One line of a zone tab: a question and its colored answer, a table title, header or row, or
//! a note.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::{Answer, App, Block, Zone};
use crate::text::display_width;
use crate::tui::state::items::{Item, find_ci};
use crate::tui::state::{QuestionLabels, State};
use crate::tui::strings;

use super::labels;
use super::text::{fit, fit_plain, safe};

/// Question column width: as wide as the zone's longest question (with its indent), within
/// 12 columns and 60% of the tab — or more when every answer is short (yes/no zones), so long
/// questions are not cut to leave an answer column mostly empty. The answer takes the rest.
pub fn question_width(state: &State, zone: Option<&Zone>, width: usize) -> usize {
    let widest = |f: &dyn Fn(&crate::model::Row) -> usize| {
        zone.map(|z| z.rows().map(f).max().unwrap_or(0))
            .unwrap_or(0)
    };
    // With English labels beside the questions the column holds both.
    let label = labels::widest_label(state, zone);
    let label = if label > 0 { label + 1 } else { 0 };
    let longest = widest(&|r| {
        display_width(&labels::question(state, r)) + 2 * usize::from(r.level).min(4) + label
    });
    let longest_answer = widest(&|r| display_width(&safe(&r.answer))).max(strings::ANSWER.len());
    let room_left_by_answers = width.saturating_sub(longest_answer + 1);
    let cap = (width * 3 / 5).max(room_left_by_answers).max(1);
    longest.max(strings::QUESTION.len()).clamp(12.min(cap), cap)
}

pub fn column_header(state: &State, app: &App, zone: usize, width: usize) -> Line<'static> {
    let zone = app.zones.get(zone);
    let qw = question_width(state, zone, width);
    let (pw, lw) = labels::split(state, zone, qw);
    let style = state.ui.theme.column_header;
    let title = match state.ui.labels {
        QuestionLabels::English => strings::QUESTION_ENGLISH,
        _ => strings::QUESTION,
    };
    let mut spans = fit_plain(title, pw, style, true);
    if lw > 0 {
        spans.push(Span::raw(" "));
        spans.extend(fit_plain(strings::ENGLISH_LABEL, lw, style, true));
    }
    spans.push(Span::raw(" "));
    spans.extend(fit_plain(
        strings::ANSWER,
        width.saturating_sub(qw + 1),
        state.ui.theme.column_header,
        false,
    ));
    Line::from(spans)
}

pub fn line(
    state: &State,
    app: &App,
    zone: usize,
    item: Item,
    width: usize,
    filter: &str,
) -> Line<'static> {
    let theme = &state.ui.theme;
    let Some(zone) = app.zones.get(zone) else {
        return Line::default();
    };
    let hl = theme.match_highlight;
    let highlighted = |text: &str, w: usize, style: Style, pad: bool| {
        let indices = find_ci(text, filter).unwrap_or_default();
        fit(text, w, style, &indices, hl, pad)
    };
    match (item, zone.blocks.get(item_block(item))) {
        (Item::Row(_), Some(Block::Row(r))) => {
            let qw = question_width(state, Some(zone), width);
            let (pw, lw) = labels::split(state, Some(zone), qw);
            let indent = 2 * usize::from(r.level).min(4);
            let mut spans = Vec::new();
            if indent > 0 {
                let marker = format!("{}└ ", " ".repeat(indent - 2));
                spans.extend(fit_plain(&marker, indent.min(pw), theme.dim, false));
            }
            spans.extend(highlighted(
                &labels::question(state, r),
                pw.saturating_sub(indent),
                Style::new(),
                true,
            ));
            if let Some(label) = labels::beside(state, r).filter(|_| lw > 0) {
                spans.push(Span::raw(" "));
                spans.extend(highlighted(label, lw, theme.label, true));
            }
            spans.push(Span::raw(" "));
            let aw = width.saturating_sub(qw + 1);
            let style = theme.judged(r.judgement(), r.value);
            if r.value == Answer::Unanswered {
                spans.extend(fit_plain(strings::UNANSWERED_MARK, aw, style, false));
            } else if r.value == Answer::NotCopied {
                spans.extend(fit_plain(strings::NOT_COPIED_MARK, aw, style, false));
            } else {
                spans.extend(highlighted(&safe(&r.answer), aw, style, false));
            }
            Line::from(spans)
        }
        (Item::TableTitle(_), Some(Block::Table(t))) => Line::from(highlighted(
            &safe(&t.title),
            width,
            theme.group_header,
            false,
        )),
        (Item::TableHeader(_), Some(Block::Table(t))) => cells(&t.headers, width, |text, w| {
            fit_plain(&safe(text), w, theme.column_header, true)
        }),
        (Item::TableRow(_, r), Some(Block::Table(t))) => {
            let n = t.headers.len().max(t.rows.get(r).map_or(0, Vec::len));
            let row = t.rows.get(r).cloned().unwrap_or_default();
            let mut padded = row;
            padded.resize(n, String::new());
            cells(&padded, width, |text, w| {
                highlighted(&safe(text), w, Style::new(), true)
            })
        }
        (Item::Note(_), Some(Block::Note(n))) => {
            let text = if n.title.trim().is_empty() {
                safe(&n.text)
            } else {
                format!("{}: {}", safe(&n.title), safe(&n.text))
            };
            Line::from(highlighted(&format!("ⓘ {text}"), width, theme.note, false))
        }
        _ => Line::default(),
    }
}

/// The lines of an item: with `wrap`, a question row shows its question and answer whole over
/// as many lines as they need (two questions that differ only at the end, `SOC 2` and `SOC 3`,
/// never look the same) and a note wraps too; without, every item is the one cut line of
/// [`line`].
pub fn lines(
    state: &State,
    app: &App,
    zone: usize,
    item: Item,
    width: usize,
    filter: &str,
    wrap: bool,
) -> Vec<Line<'static>> {
    let theme = &state.ui.theme;
    let block = app
        .zones
        .get(zone)
        .and_then(|z| z.blocks.get(item_block(item)));
    match (wrap, item, block) {
        (true, Item::Row(_), Some(Block::Row(r))) if r.value != Answer::NotCopied => {
            let z = app.zones.get(zone);
            let qw = question_width(state, z, width);
            // The page's question (or its English label instead), and the label beside it in
            // a column of its own when that is shown: each wraps in its own column.
            let (pw, lw) = labels::split(state, z, qw);
            let indent = (2 * usize::from(r.level).min(4)).min(pw.saturating_sub(1));
            let question = labels::question(state, r);
            let label = labels::beside(state, r).filter(|_| lw > 0);
            let answer = if r.value == Answer::Unanswered {
                strings::UNANSWERED_MARK.to_string()
            } else {
                safe(&r.answer)
            };
            let aw = width.saturating_sub(qw + 1);
            let q_lines = wrapped(&question, pw - indent, filter);
            let l_lines = label.map_or_else(Vec::new, |l| wrapped(l, lw, filter));
            let a_lines = wrapped(&answer, aw, filter);
            let style = theme.judged(r.judgement(), r.value);
            let hl = theme.match_highlight;
            let n = q_lines.len().max(a_lines.len()).max(l_lines.len());
            (0..n)
                .map(|k| {
                    let mut spans = Vec::new();
                    if indent > 0 {
                        let marker = match k {
                            0 => format!("{}└ ", " ".repeat(indent - 2)),
                            _ => " ".repeat(indent),
                        };
                        spans.extend(fit_plain(&marker, indent, theme.dim, false));
                    }
                    let (q, qh) = q_lines.get(k).cloned().unwrap_or_default();
                    spans.extend(fit(&q, pw - indent, Style::new(), &qh, hl, true));
                    if label.is_some() {
                        let (l, lh) = l_lines.get(k).cloned().unwrap_or_default();
                        spans.push(Span::raw(" "));
                        spans.extend(fit(&l, lw, theme.label, &lh, hl, true));
                    }
                    spans.push(Span::raw(" "));
                    let (a, ah) = a_lines.get(k).cloned().unwrap_or_default();
                    spans.extend(fit(&a, aw, style, &ah, hl, false));
                    Line::from(spans)
                })
                .collect()
        }
        (true, Item::Note(_), Some(Block::Note(n))) => {
            let text = if n.title.trim().is_empty() {
                safe(&n.text)
            } else {
                format!("{}: {}", safe(&n.title), safe(&n.text))
            };
            wrapped(&format!("ⓘ {text}"), width, filter)
                .into_iter()
                .map(|(l, h)| {
                    Line::from(fit(&l, width, theme.note, &h, theme.match_highlight, false))
                })
                .collect()
        }
        _ => vec![line(state, app, zone, item, width, filter)],
    }
}

/// `text` wrapped to `width`, each line with the char positions of `filter`'s match in it.
fn wrapped(text: &str, width: usize, filter: &str) -> Vec<(String, Vec<usize>)> {
    let found = find_ci(text, filter).unwrap_or_default();
    crate::text::wrap_indexed(text, width.max(1))
        .into_iter()
        .map(|l| {
            let hl = l
                .iter()
                .enumerate()
                .filter(|(_, (i, c))| *c != ' ' && found.contains(i))
                .map(|(k, _)| k)
                .collect();
            (l.into_iter().map(|(_, c)| c).collect(), hl)
        })
        .collect()
}

fn item_block(item: Item) -> usize {
    match item {
        Item::Row(b)
        | Item::TableTitle(b)
        | Item::TableHeader(b)
        | Item::TableRow(b, _)
        | Item::Note(b) => b,
        Item::Group(_)
        | Item::GroupInfo(_)
        | Item::Perm(..)
        | Item::UndeclaredHeader
        | Item::Undeclared(_) => usize::MAX,
    }
}

/// Cells in equal columns separated by one space.
fn cells(
    values: &[String],
    width: usize,
    mut cell: impl FnMut(&str, usize) -> Vec<Span<'static>>,
) -> Line<'static> {
    let n = values.len().max(1);
    let col = (width.saturating_sub(n - 1) / n).max(1);
    let mut spans = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.extend(cell(v, col));
    }
    Line::from(spans)
}
