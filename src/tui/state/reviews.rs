//! Review decisions, bookmarks and notes: changed in the workspace's review store at once, and
//! saved by the event loop (`Effect::SaveReviews`), which answers with the message to show. A
//! failed save keeps the change pending; the next change saves it again.

use crate::model::Catalog;
use crate::review::{Decision, FieldSet, Review};
use crate::tui::action::Action;
use crate::tui::effects::Effect;

use super::State;
use super::layers::Outcome;
use super::messages::MessageKind;

impl State {
    /// `a`, `b`, `n`, `u`: record a decision for the selected app.
    pub(super) fn decide(&mut self, action: &Action) -> Outcome {
        let (decision, what) = match action {
            Action::Approve => (Some(Decision::Approved), "approved"),
            Action::Block => (Some(Decision::Blocked), "blocked"),
            Action::NeedsReview => (Some(Decision::NeedsReview), "marked as needing review"),
            _ => (None, "decision cleared"),
        };
        let Some(app) = self.current_app() else {
            return Outcome::Unchanged;
        };
        // What the decision is made on, taken now: the store's closure has no catalog.
        let mut decided = Review::default();
        decided.decide(decision, app);
        self.change_review(what, move |r| {
            r.decision = decided.decision;
            r.reviewed = decided.reviewed;
        })
    }

    pub(super) fn toggle_bookmark(&mut self) -> Outcome {
        let on = self
            .current_app_index()
            .and_then(|i| self.workspace.review_of(i))
            .is_some_and(|r| r.bookmark);
        let what = if on { "bookmark removed" } else { "bookmarked" };
        self.change_review(what, move |r| r.bookmark = !on)
    }

    fn change_review(&mut self, what: &str, change: impl FnOnce(&mut Review)) -> Outcome {
        match self.current_app_index() {
            Some(i) => self.change_review_of(i, what, change),
            None => Outcome::Unchanged,
        }
    }

    /// Change app `i`'s review in memory; the outcome asks for it to be saved.
    pub(super) fn change_review_of(
        &mut self,
        i: usize,
        what: &str,
        change: impl FnOnce(&mut Review),
    ) -> Outcome {
        let Some(app) = self.workspace.app(i) else {
            return Outcome::Unchanged;
        };
        let (id, name) = (
            app.id.clone(),
            crate::text::sanitize(&app.name).into_owned(),
        );
        self.workspace.reviews.update(&id, change);
        // A `review:` filter may no longer hold; keep the list true to its query.
        if !self.ui.list.query.is_empty() {
            self.refilter_and_reselect();
        }
        Outcome::Effect(Effect::SaveReviews {
            done: format!("{name}: {what}"),
        })
    }
}

impl State {
    /// The review file was read: say what a save did and what another program changed (the
    /// list and the detail draw from the store, so they show it already).
    pub(super) fn review_file_read(
        &mut self,
        saved: Option<String>,
        elsewhere: &[(String, FieldSet)],
    ) -> bool {
        let told = describe_elsewhere(&self.workspace.catalog, elsewhere);
        let text = match (saved, told) {
            (None, None) => return false,
            (Some(s), None) => s,
            (None, Some(t)) => t,
            (Some(s), Some(t)) => format!("{s}; {t}"),
        };
        if !elsewhere.is_empty() && !self.ui.list.query.is_empty() {
            self.refilter_and_reselect();
        }
        self.say(MessageKind::Info, text);
        true
    }
}

/// "changed in another program: Contoso Notes (note)", "…: Contoso Notes (decision and note)
/// and 2 more apps".
fn describe_elsewhere(catalog: &Catalog, elsewhere: &[(String, FieldSet)]) -> Option<String> {
    let (id, fields) = elsewhere.first()?;
    let name = catalog.app(id).map_or_else(
        || id.clone(),
        |a| crate::text::sanitize(&a.name).into_owned(),
    );
    let more = match elsewhere.len() - 1 {
        0 => String::new(),
        1 => " and 1 more app".to_string(),
        n => format!(" and {n} more apps"),
    };
    Some(format!(
        "{}: {name} ({}){more}",
        crate::tui::strings::CHANGED_ELSEWHERE,
        fields.describe()
    ))
}
