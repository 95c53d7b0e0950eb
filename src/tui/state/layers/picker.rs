//! The picker: a small fuzzy search over the apps for the other side of a comparison, without
//! the app that stays on the side already chosen.

use super::{Context, Outcome};
use crate::query::{AppMatch, AppSearcher};
use crate::tui::action::{Action, Side};
use crate::tui::state::scroll::{Motion, Scroll};

/// What the picked app becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Side B of a new comparison with `a` on side A.
    Open { a: usize },
    /// This side of the compare view under the picker.
    Replace(Side),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub purpose: PickFor,
    /// The app that cannot be picked (it is the other side).
    pub exclude: usize,
    pub query: String,
    pub matches: Vec<AppMatch>,
    pub list: Scroll,
}

impl Picker {
    pub fn new(searcher: &AppSearcher, purpose: PickFor, exclude: usize) -> Picker {
        let mut picker = Picker {
            purpose,
            exclude,
            query: String::new(),
            matches: Vec::new(),
            list: Scroll::default(),
        };
        picker.refilter(searcher);
        picker
    }

    fn refilter(&mut self, searcher: &AppSearcher) {
        let exclude = self.exclude;
        self.matches = searcher
            .search_ranked(&self.query)
            .into_iter()
            .filter(|m| m.index != exclude)
            .collect();
        self.list = Scroll::default();
    }

    fn edit(&mut self, edit: impl FnOnce(&mut String), searcher: &AppSearcher) -> bool {
        let before = self.query.clone();
        edit(&mut self.query);
        if before == self.query {
            return false;
        }
        self.refilter(searcher);
        true
    }

    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let searcher = &cx.workspace.searcher;
        let rows = cx.layout.picker_rows;
        let changed = match action {
            Action::SearchInput(c) => self.edit(|q| q.push(*c), searcher),
            Action::SearchBackspace => self.edit(
                |q| {
                    q.pop();
                },
                searcher,
            ),
            Action::SearchClear => self.edit(String::clear, searcher),
            Action::ClickPopupRow(pos) => {
                self.list.apply(Motion::To(*pos), self.matches.len(), rows)
            }
            Action::SearchAccept | Action::Activate => return self.accept(),
            Action::SearchCancel | Action::CloseOverlay | Action::Back => return Outcome::Pop,
            a => match Motion::of(a) {
                Some(m) => self.list.apply(m, self.matches.len(), rows),
                None => false,
            },
        };
        Outcome::changed(changed)
    }

    /// Put the picked app where the picker was opened for.
    fn accept(&self) -> Outcome {
        let Some(picked) = self.matches.get(self.list.selected).map(|m| m.index) else {
            return Outcome::Unchanged;
        };
        match self.purpose {
            PickFor::Open { a } => Outcome::PopThen(Action::CompareApps { a, b: picked }),
            PickFor::Replace(side) => Outcome::PopThen(Action::PutOnSide { side, app: picked }),
        }
    }
}
