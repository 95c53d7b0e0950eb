//! The note editor: one line of text for an app. Accepting answers with the note to record.

use super::Outcome;
use crate::tui::action::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub app: usize,
    pub text: String,
}

impl NoteEditor {
    pub(super) fn handle(&mut self, action: &Action) -> Outcome {
        match action {
            // Control and format characters never enter a note.
            Action::NoteInput(c) if crate::text::is_unsafe_char(*c) => Outcome::Unchanged,
            Action::NoteInput(c) => {
                self.text.push(*c);
                Outcome::Changed
            }
            Action::NoteBackspace => Outcome::changed(self.text.pop().is_some()),
            Action::NoteClear => {
                self.text.clear();
                Outcome::Changed
            }
            Action::NoteCancel => Outcome::Pop,
            Action::NoteAccept => Outcome::PopThen(Action::SetNote {
                app: self.app,
                text: self.text.trim().to_string(),
            }),
            // The editor has the keyboard: nothing else happens while it is open.
            _ => Outcome::Unchanged,
        }
    }
}
