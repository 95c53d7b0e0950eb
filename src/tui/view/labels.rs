//! The question column with the questionnaire's English labels: instead of the page's
//! question (a row with no key keeps the page's), or in a column of its own beside it.

use crate::model::{Row, Zone};
use crate::text::display_width;
use crate::tui::state::{QuestionLabels, State};

use super::text::safe;

/// The question a row shows in the question column, made safe for the terminal.
pub fn question(state: &State, row: &Row) -> String {
    match (state.ui.labels, row.english_label()) {
        (QuestionLabels::English, Some(label)) => label.to_string(),
        _ => safe(&row.question),
    }
}

/// The English label beside the question, in the `Beside` mode ("" for a row with no key).
pub fn beside(state: &State, row: &Row) -> Option<&'static str> {
    (state.ui.labels == QuestionLabels::Beside).then(|| row.english_label().unwrap_or(""))
}

/// The widest label of the zone, when labels are shown beside the questions and any row has
/// one.
pub fn widest_label(state: &State, zone: Option<&Zone>) -> usize {
    if state.ui.labels != QuestionLabels::Beside {
        return 0;
    }
    zone.map_or(0, |z| {
        z.rows()
            .filter_map(Row::english_label)
            .map(display_width)
            .max()
            .unwrap_or(0)
    })
}

/// How a question column of `qw` is shared: (page question, label) widths. When both fit the
/// label gets its widest, else up to half; without labels beside, everything is the question's.
pub fn split(state: &State, zone: Option<&Zone>, qw: usize) -> (usize, usize) {
    let widest = widest_label(state, zone);
    if widest == 0 || qw < 8 {
        return (qw, 0);
    }
    let widest_page = zone.map_or(0, |z| {
        z.rows()
            .map(|r| display_width(&safe(&r.question)) + 2 * usize::from(r.level).min(4))
            .max()
            .unwrap_or(0)
    });
    let lw = if widest_page + 1 + widest <= qw {
        widest
    } else {
        widest.min(qw / 2)
    };
    (qw - lw - 1, lw)
}
