//! The status line's message: what an action did, or why it failed.

use crate::tui::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

impl Message {
    pub fn new(kind: MessageKind, text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            kind,
        }
    }

    /// Whether this action ends the message: a key press does, except for an error while
    /// review changes are still unsaved — that one stays until a save succeeds. Redraws and
    /// other messages do not.
    pub fn ends_with(&self, action: &Action, unsaved_reviews: bool) -> bool {
        let keeps = matches!(
            action,
            Action::Layout(_)
                | Action::Resize
                | Action::ShowMessage { .. }
                | Action::CheckReviewFile
                | Action::ReviewFileRead { .. }
        );
        !(keeps || self.kind == MessageKind::Error && unsaved_reviews)
    }
}

/// One message for what loading noticed: the first, and how many more there are.
pub fn summary(told: &[String]) -> Option<String> {
    match told {
        [] => None,
        [one] => Some(one.clone()),
        [first, rest @ ..] => Some(format!("{first} (and {} more)", rest.len())),
    }
}
