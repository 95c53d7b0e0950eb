//! The app list's query and sort, and keeping the selection right when the list changes:
//! re-running the filter, reselecting the app that was selected, resetting per-app scrolls.

use crate::query::{AppMatch, FilterContext, parse_filter};
use crate::workspace::{SortKey, sort_apps};

use super::items::TabKey;
use super::scroll::{Motion, Scroll};
use super::{Focus, State};

/// The sort after `current` in the cycle relevance → name → … → updated → relevance.
pub fn next_sort(current: Option<SortKey>) -> Option<SortKey> {
    match current {
        None => Some(SortKey::ALL[0]),
        Some(k) => {
            let i = SortKey::ALL.iter().position(|x| *x == k).unwrap_or(0);
            SortKey::ALL.get(i + 1).copied()
        }
    }
}

impl State {
    /// Move the app selection, keeping the tab by kind and resetting per-app scrolls.
    pub(super) fn move_list(&mut self, m: Motion) -> bool {
        let before = self.selection();
        let list = &mut self.ui.list;
        let changed = list
            .scroll
            .apply(m, list.matches.len(), self.ui.layout.list_rows);
        self.reselected(before);
        changed
    }

    /// Change the list's query; typing selects the best match, clearing keeps the selection.
    pub(super) fn edit_list_query(
        &mut self,
        edit: impl FnOnce(&mut String),
        keep_selection: bool,
    ) -> bool {
        let before_query = self.ui.list.query.clone();
        edit(&mut self.ui.list.query);
        if before_query == self.ui.list.query {
            return false;
        }
        let before = self.selection();
        self.refilter_list();
        if !keep_selection {
            self.ui.list.scroll = Scroll::default();
        }
        self.reselected(before);
        true
    }

    /// Re-run the filter (after a sort or a review change) and keep the selection right.
    pub(super) fn refilter_and_reselect(&mut self) {
        let before = self.selection();
        self.refilter_list();
        self.reselected(before);
    }

    /// The selected app and its tab, to compare with after the list changed.
    fn selection(&self) -> (Option<usize>, Option<TabKey>) {
        (self.current_app_index(), self.current_tab().map(|t| t.key))
    }

    /// After the list changed: when another app is selected, keep the tab of the same kind and
    /// start every tab at the top.
    fn reselected(&mut self, (app, tab): (Option<usize>, Option<TabKey>)) {
        if self.current_app_index() == app {
            return;
        }
        for st in self.ui.tab_states.values_mut() {
            st.scroll = Scroll::default();
        }
        let tabs = self.tabs();
        self.ui.tab = tab
            .and_then(|k| tabs.iter().position(|t| t.key == k))
            .unwrap_or(0);
        if self.current_app().is_none() && self.ui.focus == Focus::Detail {
            self.ui.focus = Focus::List;
        }
    }

    /// Re-run the app search, keeping the selected app selected when it still matches.
    pub(super) fn refilter_list(&mut self) {
        let selected = self.current_app_index();
        self.ui.list.matches = self.filtered_matches();
        let list = &mut self.ui.list;
        list.scroll.selected = selected
            .and_then(|a| list.matches.iter().position(|m| m.index == a))
            .unwrap_or(0);
        list.scroll
            .clamp(list.matches.len(), self.ui.layout.list_rows);
    }

    /// The list's matches for its query and sort. A query that does not parse keeps the
    /// current matches and records the error (position and message) for the filter bar.
    fn filtered_matches(&mut self) -> Vec<AppMatch> {
        let filter = match parse_filter(&self.ui.list.query) {
            Ok(f) => f,
            Err(e) => {
                self.ui.list.query_error = Some(e);
                return self.ui.list.matches.clone();
            }
        };
        self.ui.list.query_error = None;
        self.ui.list.shown_query = self.ui.list.query.clone();
        let ws = &self.workspace;
        let ctx = FilterContext {
            catalog: &ws.catalog,
            risk: &ws.risk,
            reviews: Some(&ws.reviews),
            scores: Some(&ws.scores),
            tenant: ws.tenant.as_ref(),
        };
        let mut matches = ctx.apply(&filter, &ws.searcher);
        if let Some(key) = self.ui.list.sort {
            let (apps, scores) = (&ws.catalog.apps, &ws.scores);
            let language = ws.language.as_deref();
            sort_apps(key, apps, scores, language, &mut matches, |m| m.index);
        }
        matches
    }
}
