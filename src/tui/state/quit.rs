//! Quitting loses nothing the user decided without a word. With review changes unsaved, quit
//! asks the event loop to try saving once more (`Effect::CheckQuit`, decided by
//! [`crate::review::ReviewStore::check_quit`]); if that fails the user is told and stays, and
//! asking again quits — `tui::run` then writes the rescue file after the terminal is restored.

use crate::review::QuitCheck;
use crate::tui::action::Action;
use crate::tui::effects::Effect;

use super::State;
use super::layers::Outcome;
use super::messages::MessageKind;

impl State {
    /// `Action::Quit`: quit at once when every change is saved, else check first.
    pub(super) fn request_quit(&mut self) -> bool {
        if self.workspace.reviews.has_pending() {
            return self.apply(Outcome::Effect(Effect::CheckQuit));
        }
        self.ui.quit = true;
        true
    }

    /// The event loop's answer to `Effect::CheckQuit`.
    pub(super) fn quit_checked(&mut self, check: QuitCheck) -> bool {
        match check {
            QuitCheck::Saved | QuitCheck::Confirmed => self.ui.quit = true,
            QuitCheck::Unsaved(why) => {
                let key = self.quit_key();
                let n = self.workspace.reviews.pending_count();
                // The question first: the status line cuts what does not fit.
                self.say(
                    MessageKind::Error,
                    format!(
                        "{} NOT SAVED — press {key} again to quit and write a rescue file ({why})",
                        crate::review::plural_changes(n),
                    ),
                );
            }
        }
        true
    }

    /// The key the footer shows for quitting (`q`), else any key bound to it.
    fn quit_key(&self) -> String {
        let quit_keys = || {
            self.ui
                .keymap
                .bindings(self.mode())
                .filter(|b| b.action == Action::Quit && !b.keys.is_empty())
        };
        quit_keys()
            .find(|b| b.hint.is_some())
            .or_else(|| quit_keys().next())
            .map_or_else(|| "quit".to_string(), |b| b.keys[0].to_string())
    }
}
