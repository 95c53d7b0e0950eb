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

/// The status line after loading noticed something: short enough for 80 columns, the whole
/// text is in the log.
pub fn startup_line(apps: usize, told: usize, log_key: &str) -> String {
    let what = if told == 1 { "note" } else { "notes" };
    format!("loaded {apps} apps; {told} {what} from loading — {log_key} shows the log")
}
