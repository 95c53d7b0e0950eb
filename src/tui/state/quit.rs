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
                // The key the footer shows for quitting (`q`), else any key bound to it.
                let quit_keys = || {
                    self.keymap
                        .bindings(self.mode())
                        .filter(|b| b.action == Action::Quit)
                };
                let key = quit_keys()
                    .find(|b| b.hint.is_some())
                    .or_else(|| quit_keys().next())
                    .map_or_else(|| "quit".to_string(), |b| b.key.to_string());
                // The question first: the status line cuts what does not fit.
                let n = self.triage.reviews.pending_count();
                self.triage_ui.message = Some(Message {
                    text: format!(
                        "{} NOT SAVED — press {key} again to quit and write a rescue file ({why})",
                        crate::review::plural_changes(n),
                    ),
                    kind: MessageKind::Error,
                });
            }
        }
        true
    }
}
