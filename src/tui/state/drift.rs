//! Review drift in the TUI: the compare view of an app as its decision was made on against the
//! catalog's version (the list and the header mark a changed app; see `view/badges.rs`).

use super::State;
use super::layers::{CompareView, Layer, Outcome};
use super::messages::MessageKind;
use crate::tui::strings;

impl State {
    /// "2 decided apps changed since review (`review:changed` lists them)", when some did.
    pub(super) fn drift_note(&self) -> Option<String> {
        let ws = &self.workspace;
        let n = (0..ws.catalog.apps.len())
            .filter(|&i| ws.changed_since_review(i))
            .count();
        match n {
            0 => None,
            1 => Some(format!("1 decided app {}", strings::DRIFT_NOTE)),
            n => Some(format!("{n} decided apps {}", strings::DRIFT_NOTE)),
        }
    }

    /// The selected app as reviewed against the catalog's, when its decision kept what it
    /// was made on; else a message why not.
    pub(super) fn compare_reviewed(&mut self) -> Outcome {
        let Some(cur) = self.current_app_index() else {
            return Outcome::Unchanged;
        };
        let ws = &self.workspace;
        let app = &ws.catalog.apps[cur];
        let reviewed = ws.review_of(cur).filter(|r| r.decision.is_some());
        let Some(then) = reviewed.and_then(|r| r.reviewed.as_ref()) else {
            let why = if reviewed.is_some() {
                strings::DECIDED_WITHOUT_SNAPSHOT
            } else {
                strings::NOT_DECIDED
            };
            self.say(MessageKind::Info, why);
            return Outcome::Changed;
        };
        let mut then = then.as_app(app);
        then.name = format!("{} ({})", then.name, strings::AS_REVIEWED);
        let view = CompareView::since_review(&ws.catalog, &ws.risk, cur, then);
        Outcome::Push(Layer::Compare(Box::new(view)))
    }
}
