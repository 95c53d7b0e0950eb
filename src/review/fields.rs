//! The fields of a review that merge one by one: a decision (with what it was made on), a note
//! and a bookmark each carry the time they last changed, so two programs that change different
//! fields of one app both keep their change, and of two changes to one field the later wins.

use serde::{Deserialize, Serialize};

/// One field of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The decision and the snapshot of what was decided on: one field, they travel together.
    Decision,
    Note,
    Bookmark,
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Decision, Field::Note, Field::Bookmark];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Decision => "decision",
            Field::Note => "note",
            Field::Bookmark => "bookmark",
        }
    }

    fn bit(self) -> u8 {
        match self {
            Field::Decision => 1,
            Field::Note => 2,
            Field::Bookmark => 4,
        }
    }
}

/// A set of fields (those changed here and not saved, those another program changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FieldSet(u8);

impl FieldSet {
    pub fn insert(&mut self, f: Field) {
        self.0 |= f.bit();
    }

    pub fn remove(&mut self, f: Field) {
        self.0 &= !f.bit();
    }

    pub fn contains(self, f: Field) -> bool {
        self.0 & f.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// "note", "decision and note", "decision, note and bookmark".
    pub fn describe(self) -> String {
        let names: Vec<&str> = self.iter().map(Field::as_str).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl FromIterator<Field> for FieldSet {
    fn from_iter<I: IntoIterator<Item = Field>>(iter: I) -> FieldSet {
        let mut set = FieldSet::default();
        for f in iter {
            set.insert(f);
        }
        set
    }
}

/// Milliseconds since the Unix epoch at which each field last changed; 0 when not known (a file
/// written before fields had their own times: then the review's `updated_ms` stands for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FieldTimes {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub decision: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub note: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub bookmark: u64,
}

fn is_zero(t: &u64) -> bool {
    *t == 0
}

impl FieldTimes {
    pub fn get(&self, f: Field) -> u64 {
        match f {
            Field::Decision => self.decision,
            Field::Note => self.note,
            Field::Bookmark => self.bookmark,
        }
    }

    pub fn set(&mut self, f: Field, ms: u64) {
        match f {
            Field::Decision => self.decision = ms,
            Field::Note => self.note = ms,
            Field::Bookmark => self.bookmark = ms,
        }
    }

    pub fn latest(&self) -> u64 {
        self.decision.max(self.note).max(self.bookmark)
    }

    /// Unknown times take `updated_ms`, the one time files of the first format kept per app.
    pub fn filled_from(mut self, updated_ms: u64) -> FieldTimes {
        for f in Field::ALL {
            if self.get(f) == 0 {
                self.set(f, updated_ms);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_sets_describe_themselves_in_field_order() {
        let set: FieldSet = [Field::Bookmark, Field::Decision].into_iter().collect();
        assert_eq!(set.describe(), "decision and bookmark");
        let all: FieldSet = Field::ALL.into_iter().collect();
        assert_eq!(all.describe(), "decision, note and bookmark");
        let mut one = all;
        one.remove(Field::Decision);
        one.remove(Field::Bookmark);
        assert_eq!(one.describe(), "note");
        assert!(FieldSet::default().is_empty());
    }

    #[test]
    fn unknown_times_are_filled_from_the_review_time() {
        let t = FieldTimes {
            note: 7,
            ..FieldTimes::default()
        }
        .filled_from(5);
        assert_eq!((t.decision, t.note, t.bookmark), (5, 7, 5));
    }
}
