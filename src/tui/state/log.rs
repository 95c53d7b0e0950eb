//! The log of this run: what loading noticed (warnings and notes, whole) and every message the
//! status line showed, oldest first. The status line shows one message in one line; whatever
//! it cannot show whole is here, and `L` opens it.

use super::State;
use super::layers::{Popup, Section};
use super::messages::{Message, MessageKind};
use crate::tui::strings;

/// The oldest entries are dropped past this many.
const KEEP: usize = 500;

impl State {
    pub(super) fn log(&mut self, message: Message) {
        if self.ui.log.len() == KEEP {
            self.ui.log.remove(0);
        }
        self.ui.log.push(message);
    }

    /// The log as a text popup, newest last (the popup opens at the top: loading comes first).
    pub(super) fn log_popup(&self) -> Popup {
        let sections = if self.ui.log.is_empty() {
            vec![Section::new("", strings::LOG_EMPTY, None)]
        } else {
            self.ui
                .log
                .iter()
                .map(|m| {
                    let label = match m.kind {
                        MessageKind::Info => strings::LOG_INFO,
                        MessageKind::Warning => strings::LOG_WARNING,
                        MessageKind::Error => strings::LOG_ERROR,
                    };
                    Section::new(label, m.text.clone(), None)
                })
                .collect()
        };
        Popup::text(
            format!("{} ({})", strings::LOG_TITLE, self.ui.log.len()),
            sections,
        )
    }
}
