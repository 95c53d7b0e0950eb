//! The App Compliance questionnaire: one English form behind the pages of every language.
//!
//! Every question has a stable key (`security.pentest_annual`), a short English label, its zone
//! and what its answers mean. The table is `data/questionnaire.toml`, embedded and read once;
//! [`keying`] finds the key of each row a page has, in any language.

mod key;
pub mod keying;
mod table;

pub use key::QuestionKey;
pub use keying::{KeyingStats, Vocabulary, key_apps, key_unkeyed, key_zone_rows};
pub use table::{AnswerKind, Meaning, Question, questionnaire};

/// The question a key names, when the questionnaire has it.
pub fn question(key: QuestionKey) -> Option<&'static Question> {
    questionnaire().get(key)
}

/// The English label of a row's question: the questionnaire's label for a known key.
pub fn english_label(key: Option<QuestionKey>) -> Option<&'static str> {
    key.and_then(question).map(|q| q.label.as_str())
}
