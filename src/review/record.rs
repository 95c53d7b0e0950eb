//! One app's review as it is kept in memory and in `state.json`.

use serde::{Deserialize, Serialize};

use super::drift::{Drift, Reviewed};
use super::fields::{Field, FieldSet, FieldTimes};
use crate::model::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Blocked,
    NeedsReview,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Approved, Decision::Blocked, Decision::NeedsReview];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Blocked => "blocked",
            Decision::NeedsReview => "needs_review",
        }
    }

    /// Accepts `approved`, `blocked`, `needs_review`, `needs-review` and `needs review`.
    pub fn parse(s: &str) -> Option<Decision> {
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Decision::ALL.into_iter().find(|d| d.as_str() == norm)
    }
}

/// What a reviewer recorded about one app.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub decision: Option<Decision>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub bookmark: bool,
    /// Milliseconds since the Unix epoch of the last change to any field. Files of the first
    /// version merged whole reviews by it; it is still written for them.
    #[serde(default)]
    pub updated_ms: u64,
    /// When each field last changed: merges go field by field, the later change of a field wins.
    #[serde(default)]
    pub field_ms: FieldTimes,
    /// What the decision was made on (part of the decision field: set, merged and cleared with
    /// it). Absent for decisions recorded before reviews kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Reviewed>,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.decision.is_none() && self.note.is_empty() && !self.bookmark
    }

    /// The fields whose values differ between `self` and `other` (times aside).
    pub fn differing(&self, other: &Review) -> FieldSet {
        Field::ALL
            .into_iter()
            .filter(|f| match f {
                Field::Decision => {
                    self.decision != other.decision || self.reviewed != other.reviewed
                }
                Field::Note => self.note != other.note,
                Field::Bookmark => self.bookmark != other.bookmark,
            })
            .collect()
    }

    /// Record a decision on `app` as it is now (deciding again on a changed app takes the new
    /// version as the reviewed one); None clears it.
    pub fn decide(&mut self, decision: Option<Decision>, app: &App) {
        self.decision = decision;
        self.reviewed = decision.map(|_| Reviewed::of(app));
    }

    /// Whether `now` differs from what the decision was made on: None when there is no
    /// decision, or it was recorded before reviews kept what they reviewed.
    pub fn drift(&self, now: &App) -> Option<Drift> {
        self.decision?;
        self.reviewed.as_ref().map(|r| r.drift(now))
    }

    /// [`Review::drift`] against the app's [`Reviewed::of`], when it is at hand.
    pub fn drift_to(&self, current: &Reviewed) -> Option<Drift> {
        self.decision?;
        self.reviewed.as_ref().map(|r| r.drift_to(current))
    }

    /// [`Review::drift`] as a yes/no.
    pub fn changed_since_review(&self, now: &App) -> Option<bool> {
        self.drift(now).map(|d| !d.is_empty())
    }

    /// Take field `f`, its value and its time, from `from`.
    pub(super) fn take_field(&mut self, f: Field, from: &Review) {
        match f {
            Field::Decision => {
                self.decision = from.decision;
                self.reviewed.clone_from(&from.reviewed);
            }
            Field::Note => self.note.clone_from(&from.note),
            Field::Bookmark => self.bookmark = from.bookmark,
        }
        self.field_ms.set(f, from.field_ms.get(f));
        self.updated_ms = self.updated_ms.max(self.field_ms.latest());
    }

    /// Mark the fields in `changed` as changed at `now` (later than their last change, should
    /// the clock have gone back).
    pub(super) fn touch(&mut self, changed: FieldSet, now: u64) {
        for f in changed.iter() {
            let at = now.max(self.field_ms.get(f) + 1);
            self.field_ms.set(f, at);
        }
        self.updated_ms = self.updated_ms.max(self.field_ms.latest());
    }

    /// A review as read from a file. One of the first version has no field times: every field
    /// takes the review's one time. (Once there are field times, a field without one was never
    /// changed and stays at 0, older than any change.)
    pub(super) fn with_field_times(mut self) -> Review {
        if self.field_ms == FieldTimes::default() {
            self.field_ms = self.field_ms.filled_from(self.updated_ms);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_parse_loosely() {
        assert_eq!(Decision::parse("Needs review"), Some(Decision::NeedsReview));
        assert_eq!(Decision::parse("blocked"), Some(Decision::Blocked));
        assert_eq!(Decision::parse("maybe"), None);
    }

    #[test]
    fn a_review_of_the_first_format_reads_with_one_time_for_every_field() {
        let old = r#"{"decision":"approved","note":"ok","bookmark":false,"updated_ms":42}"#;
        let r: Review = serde_json::from_str::<Review>(old)
            .unwrap()
            .with_field_times();
        assert_eq!(r.decision, Some(Decision::Approved));
        assert_eq!(
            (r.field_ms.decision, r.field_ms.note, r.field_ms.bookmark),
            (42, 42, 42)
        );
    }

    #[test]
    fn touching_a_field_moves_only_its_time_forward() {
        let mut r = Review::default().with_field_times();
        r.note = "x".into();
        let changed = r.differing(&Review::default());
        assert_eq!(changed.describe(), "note");
        r.touch(changed, 100);
        r.touch(changed, 50);
        assert_eq!(
            r.field_ms.note, 101,
            "a clock that went back still moves forward"
        );
        assert_eq!(r.field_ms.decision, 0);
        assert_eq!(r.updated_ms, 101);
    }
}
