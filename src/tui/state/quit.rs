//! The quit hook: nothing the user decided is lost without a word. The logic is
//! [`crate::review::ReviewStore::check_quit`]; this only shows its answer, and `tui::run` writes
//! the rescue file after the terminal is restored.

use crate::review::QuitCheck;
use crate::tui::action::Action;

use super::State;
use super::triage::{Message, MessageKind};

impl State {
    /// `Action::Quit`: quit unless review changes are still unsaved and the user has not been
    /// told yet; then say so (the message stays while they are pending) and stay.
    pub(super) fn request_quit(&mut self) -> bool {
        match self.triage.reviews.check_quit() {
            QuitCheck::Saved | QuitCheck::Confirmed => self.quit = true,
            QuitCheck::Unsaved(why) => {
                let key = self
                    .keymap
                    .bindings(self.mode())
                    .find(|b| b.action == Action::Quit)
                    .map_or_else(|| "quit".to_string(), |b| b.key.to_string());
                self.triage_ui.message = Some(Message {
                    text: format!(
                        "{why} — press {key} again to quit and write them to a rescue file"
                    ),
                    kind: MessageKind::Error,
                });
            }
        }
        true
    }
}
