//! The filter prompt of the list or of the current tab. The query lives in the pane it filters,
//! so typing passes through to the panes; this layer only says the prompt is open.

use super::Outcome;
use crate::tui::action::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchTarget {
    List,
    Tab,
    /// The find of the help or of the permission index (the layer below takes the typing).
    Help,
    Index,
}

pub(super) fn handle(action: &Action) -> Outcome {
    match action {
        Action::SearchAccept => Outcome::Pop,
        // Leave and clear: the pane below keeps its selection while the filter goes.
        Action::SearchCancel => Outcome::PopThen(Action::SearchClear),
        // A click elsewhere closes the prompt and then does what it does.
        Action::ClickApp(_) | Action::ClickRow(_) | Action::ClickTab(_) => {
            Outcome::PopThen(action.clone())
        }
        _ => Outcome::Pass,
    }
}
