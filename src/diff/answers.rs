//! Answers of two versions of one app, zone by zone: which questions were added or removed and
//! which answers changed.

use crate::compare::{align_by_key, row_keys, text_key};
use crate::model::{Answer, App, Row, Zone};

/// One question whose answer changed; `old` is None for a question the older version did not
/// ask, `new` None for one the newer version no longer asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's key, when the rows carry one.
    pub key: Option<String>,
    /// The zone's pivot (`security`).
    pub zone: String,
    /// The newer version's wording (the older one's for a removed question).
    pub question: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The stable questionnaire key of a row's question, the same in every language and form
/// version, when the importer could key it.
pub fn question_key(row: &Row) -> Option<String> {
    row.key.as_ref().map(|k| k.as_str().to_string())
}

/// What two rows are paired by: their question keys when every row of both zones has one,
/// else their question text (normalized, nested rows qualified by their parent).
fn match_keys(
    old: &[&Row],
    new: &[&Row],
    key: impl Fn(&Row) -> Option<String>,
) -> (Vec<String>, Vec<String>) {
    let keyed = |rows: &[&Row]| rows.iter().map(|r| key(r)).collect::<Option<Vec<String>>>();
    match (keyed(old), keyed(new)) {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => (a, b),
        _ => (row_keys(old), row_keys(new)),
    }
}

pub(super) fn changed_answers(old: &App, new: &App) -> Vec<AnswerChange> {
    changed_answers_by(old, new, question_key)
}

fn changed_answers_by(
    old: &App,
    new: &App,
    key: impl Fn(&Row) -> Option<String> + Copy,
) -> Vec<AnswerChange> {
    let mut out = Vec::new();
    let mut old_used = vec![false; old.zones.len()];
    for zone in &new.zones {
        let partner = old
            .zones
            .iter()
            .enumerate()
            .position(|(i, z)| !old_used[i] && z.pivot == zone.pivot);
        if let Some(i) = partner {
            old_used[i] = true;
        }
        zone_changes(partner.map(|i| &old.zones[i]), Some(zone), key, &mut out);
    }
    for (i, zone) in old.zones.iter().enumerate() {
        if !old_used[i] {
            zone_changes(Some(zone), None, key, &mut out);
        }
    }
    out
}

fn zone_changes(
    old: Option<&Zone>,
    new: Option<&Zone>,
    key: impl Fn(&Row) -> Option<String>,
    out: &mut Vec<AnswerChange>,
) {
    let (old_rows, new_rows) = (rows_of(old), rows_of(new));
    let pivot = new
        .or(old)
        .map_or_else(String::new, |z| z.pivot.to_string());
    let (old_keys, new_keys) = match_keys(&old_rows, &new_rows, &key);
    let (pairs, _) = align_by_key(&old_keys, &new_keys);
    for (i, j) in pairs {
        let (a, b): (Option<&Row>, Option<&Row>) = (i.map(|i| old_rows[i]), j.map(|j| new_rows[j]));
        let changed = match (a, b) {
            (Some(a), Some(b)) => answer_changed(a, b),
            // A question without an answer either side is not worth a line.
            (Some(r), None) | (None, Some(r)) => r.value != Answer::Unanswered,
            (None, None) => false,
        };
        if !changed {
            continue;
        }
        let Some(shown) = b.or(a) else { continue };
        out.push(AnswerChange {
            key: b.and_then(&key).or_else(|| a.and_then(&key)),
            zone: pivot.clone(),
            question: shown.question.to_string(),
            old: a.map(|r| r.answer.to_string()),
            new: b.map(|r| r.answer.to_string()),
        });
    }
}

fn rows_of(zone: Option<&Zone>) -> Vec<&Row> {
    zone.map(|z| z.rows().collect()).unwrap_or_default()
}

/// Whether a reviewer would call two answers to one question different: another yes/no/n.a.
/// value, or free text that reads differently once spacing, punctuation and case are set aside.
/// "是" and "是的" are the same answer.
fn answer_changed(a: &Row, b: &Row) -> bool {
    a.value != b.value || (a.value == Answer::Text && text_key(&a.answer) != text_key(&b.answer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn app(zones: &[(&str, &[(&str, &str)])]) -> App {
        App {
            id: "x".into(),
            name: "X".into(),
            zones: zones
                .iter()
                .map(|(pivot, rows)| Zone {
                    pivot: (*pivot).into(),
                    title: "".into(),
                    blocks: rows
                        .iter()
                        .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
                        .collect(),
                })
                .collect(),
            ..App::default()
        }
    }

    #[test]
    fn only_answers_that_mean_something_else_are_changes() {
        let old = app(&[(
            "security",
            &[
                ("Encrypts data at rest?", "Yes"),
                ("MFA?", "是"),
                ("Hosting", "Azure."),
                ("Pen tests", "yearly"),
            ],
        )]);
        let new = app(&[(
            "security",
            &[
                ("Encrypts data at rest ?", "No"),
                ("MFA?", "是的"),
                ("Hosting", "azure"),
                ("Pen tests", "never"),
            ],
        )]);
        let changes = changed_answers(&old, &new);
        let summary: Vec<(&str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.question.as_str(), c.old.as_deref(), c.new.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Encrypts data at rest ?", Some("Yes"), Some("No")),
                ("Pen tests", Some("yearly"), Some("never")),
            ]
        );
        assert!(
            changes
                .iter()
                .all(|c| c.zone == "security" && c.key.is_none())
        );
    }

    #[test]
    fn added_and_removed_questions_and_zones_are_listed_with_one_side_empty() {
        let old = app(&[
            (
                "general",
                &[("Old question", "Yes"), ("Never answered", "")],
            ),
            ("mcas", &[("Gone zone", "No")]),
        ]);
        let new = app(&[
            ("general", &[("New question", "No")]),
            ("zerotrust", &[("New zone", "Yes")]),
        ]);
        let changes = changed_answers(&old, &new);
        let summary: Vec<(&str, &str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| {
                (
                    c.zone.as_str(),
                    c.question.as_str(),
                    c.old.as_deref(),
                    c.new.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("general", "New question", None, Some("No")),
                ("general", "Old question", Some("Yes"), None),
                ("zerotrust", "New zone", None, Some("Yes")),
                ("mcas", "Gone zone", Some("No"), None),
            ]
        );
    }

    #[test]
    fn question_keys_pair_rows_whose_wording_changed_and_text_pairs_the_rest() {
        let old = app(&[("security", &[("Do you encrypt?", "Yes"), ("MFA?", "Yes")])]);
        let new = app(&[(
            "security",
            &[("Is data encrypted at rest?", "No"), ("MFA?", "Yes")],
        )]);
        // Keys that say the reworded question is the same one.
        let key = |r: &Row| {
            Some(match r.question.as_str() {
                "MFA?" => "q-mfa".to_string(),
                _ => "q-encrypt".to_string(),
            })
        };
        let changes = changed_answers_by(&old, &new, key);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].key.as_deref(), Some("q-encrypt"));
        assert_eq!(changes[0].question, "Is data encrypted at rest?");
        assert_eq!(
            (changes[0].old.as_deref(), changes[0].new.as_deref()),
            (Some("Yes"), Some("No"))
        );
        // Without keys the reworded question is one removed and one added.
        assert_eq!(changed_answers(&old, &new).len(), 2);
        // Keys on one side only: text decides.
        let half = |r: &Row| (r.answer.as_str() == "Yes").then(|| "k".to_string());
        assert_eq!(changed_answers_by(&old, &new, half).len(), 2);
    }
}
