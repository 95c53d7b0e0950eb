//! Zone by zone: which zones line up, how their rows pair, and what each pair's status is.

use super::align::{Pair, align_by_key, align_by_position, row_keys};
use super::normalize::text_key;
use super::types::{
    AlignedBy, Cell, Fallback, Presence, RowComparison, Status, ZoneComparison, ZoneCounts,
};
use crate::model::{Answer, App, Row, Zone, pivot_title_en};

/// The union of both apps' zones, A's order first, then zones only B has in B's order. A pivot
/// that appears twice on one page pairs with the first unused zone of that pivot on the other.
pub fn compare_zones(a: &App, b: &App, languages_match: bool) -> Vec<ZoneComparison> {
    let mut b_used = vec![false; b.zones.len()];
    let mut out = Vec::new();
    for za in &a.zones {
        let partner = b
            .zones
            .iter()
            .enumerate()
            .position(|(j, zb)| !b_used[j] && zb.pivot == za.pivot);
        if let Some(j) = partner {
            b_used[j] = true;
        }
        out.push(compare_zone(
            Some(za),
            partner.map(|j| &b.zones[j]),
            languages_match,
        ));
    }
    for (j, zb) in b.zones.iter().enumerate() {
        if !b_used[j] {
            out.push(compare_zone(None, Some(zb), languages_match));
        }
    }
    out
}

fn compare_zone(a: Option<&Zone>, b: Option<&Zone>, languages_match: bool) -> ZoneComparison {
    let a_rows: Vec<&Row> = a.map(|z| z.rows().collect()).unwrap_or_default();
    let b_rows: Vec<&Row> = b.map(|z| z.rows().collect()).unwrap_or_default();
    let both_have_rows = !a_rows.is_empty() && !b_rows.is_empty();

    // Rows keyed by the questionnaire pair across languages; only pages without keys fall
    // back to their order.
    let keyed = |rows: &[&Row]| rows.iter().any(|r| r.key.is_some());
    let (pairs, fallback) =
        if !languages_match && both_have_rows && !(keyed(&a_rows) && keyed(&b_rows)) {
            (
                align_by_position(a_rows.len(), b_rows.len()),
                Some(Fallback::LanguagesDiffer),
            )
        } else {
            let (pairs, matched) = align_by_key(&row_keys(&a_rows), &row_keys(&b_rows));
            if matched == 0 && both_have_rows {
                (
                    align_by_position(a_rows.len(), b_rows.len()),
                    Some(Fallback::NoCommonQuestions),
                )
            } else {
                (pairs, None)
            }
        };

    let rows: Vec<RowComparison> = pairs
        .into_iter()
        .map(|pair| compare_pair(pair, &a_rows, &b_rows))
        .collect();
    let zone = a.or(b).expect("a zone comparison has at least one side");
    let title = [a, b]
        .into_iter()
        .flatten()
        .map(|z| z.title.trim())
        .find(|t| !t.is_empty())
        .map_or_else(|| pivot_title_en(&zone.pivot).to_string(), str::to_string);
    ZoneComparison {
        pivot: zone.pivot.to_string(),
        title,
        a_present: a.is_some(),
        b_present: b.is_some(),
        aligned_by: if fallback.is_some() {
            AlignedBy::Position
        } else {
            AlignedBy::Question
        },
        fallback,
        counts: ZoneCounts::of(&rows),
        rows,
    }
}

fn compare_pair((i, j): Pair, a_rows: &[&Row], b_rows: &[&Row]) -> RowComparison {
    let a = i.map(|i| a_rows[i]);
    let b = j.map(|j| b_rows[j]);
    let (status, presence) = match (a, b) {
        (Some(a), Some(b)) => (status_of(a, b), Presence::Both),
        (Some(_), None) => (Status::OnlyA, Presence::AOnly),
        (None, Some(_)) => (Status::OnlyB, Presence::BOnly),
        (None, None) => unreachable!("alignment never yields an empty pair"),
    };
    RowComparison {
        a: a.map(cell),
        b: b.map(cell),
        status,
        presence,
    }
}

/// Status of two rows that both exist. Unanswered on both sides is `Same`: there is nothing
/// to review.
fn status_of(a: &Row, b: &Row) -> Status {
    match (a.value != Answer::Unanswered, b.value != Answer::Unanswered) {
        (false, false) => Status::Same,
        (true, false) => Status::OnlyA,
        (false, true) => Status::OnlyB,
        (true, true) if same_answer(a, b) => Status::Same,
        (true, true) => Status::Different,
    }
}

/// Same normalized value; free text must also read the same once normalized ("Azure." and
/// "azure" do, "Azure" and "AWS" do not).
fn same_answer(a: &Row, b: &Row) -> bool {
    a.value == b.value && (a.value != Answer::Text || text_key(&a.answer) == text_key(&b.answer))
}

fn cell(row: &Row) -> Cell {
    Cell {
        key: row.key,
        judgement: row.judgement(),
        question: row.question.to_string(),
        answer: row.answer.to_string(),
        value: row.value,
        level: row.level,
    }
}
