//! `State::update`: every change to the state goes through here. An action either concerns the
//! whole state (quit, redraw, a message, a saved note) or goes to the top layer, then down
//! through the layers that pass it, finally to the panes; whoever takes it answers with an
//! [`Outcome`], applied in [`State::apply`] and nowhere else.

use crate::tui::action::Action;
use crate::tui::layout::ScreenLayout;

use super::State;
use super::layers::{Context, Layer, Outcome};
use super::messages::{Message, MessageKind, startup_line};

impl State {
    /// Apply one action. Returns whether anything visible changed (the screen needs a redraw).
    pub fn update(&mut self, action: Action) -> bool {
        let unsaved = self.workspace.reviews.has_pending();
        let expired = match &self.ui.message {
            Some(m) if m.ends_with(&action, unsaved) => {
                self.ui.message = None;
                true
            }
            _ => false,
        };
        self.apply_action(action) || expired
    }

    fn apply_action(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => self.request_quit(),
            Action::QuitChecked(check) => self.quit_checked(check),
            Action::Resize => true,
            Action::Layout(layout) => self.set_layout(*layout),
            Action::ShowMessage { text, error } => {
                let kind = if error {
                    MessageKind::Error
                } else {
                    MessageKind::Info
                };
                self.say(kind, text);
                true
            }
            Action::LinkNotOpened { url, why } => self.link_not_opened(&url, &why),
            Action::CheckReviewFile => {
                // Nothing to draw until the file says something.
                self.ui
                    .effects
                    .push(crate::tui::effects::Effect::CheckReviewFile);
                false
            }
            Action::ReviewFileRead { saved, elsewhere } => self.review_file_read(saved, &elsewhere),
            Action::SetNote { app, text } => {
                let what = if text.is_empty() {
                    "note removed"
                } else {
                    "note saved"
                };
                let outcome = self.change_review_of(app, what, move |r| r.note = text);
                self.apply(outcome)
            }
            action => {
                let outcome = self.handle(&action);
                self.apply(outcome)
            }
        }
    }

    /// The answer of the top layer that takes the action, else of the panes.
    fn handle(&mut self, action: &Action) -> Outcome {
        let cx = Context {
            workspace: &self.workspace,
            layout: &self.ui.layout,
            keymap: &self.ui.keymap,
        };
        for layer in self.ui.layers.iter_mut().rev() {
            match layer.handle(action, &cx) {
                Outcome::Pass => continue,
                outcome => return outcome,
            }
        }
        self.panes(action)
    }

    /// The one place outcomes take effect.
    pub(super) fn apply(&mut self, outcome: Outcome) -> bool {
        let layers = &mut self.ui.layers;
        match outcome {
            Outcome::Pass | Outcome::Unchanged => false,
            Outcome::Changed => true,
            Outcome::Push(layer) => {
                layers.push(layer);
                true
            }
            Outcome::Pop => layers.pop().is_some(),
            Outcome::Replace(layer) => {
                layers.pop();
                layers.push(layer);
                true
            }
            Outcome::PopThen(action) => {
                layers.pop();
                self.apply_action(action);
                true
            }
            Outcome::Jump { app, to } => self.jump_to_app(app, &to),
            Outcome::Effect(effect) => {
                self.ui.effects.push(effect);
                true
            }
        }
    }

    /// Show a message in the status line; it is kept in the log too.
    pub(super) fn say(&mut self, kind: MessageKind, text: impl Into<String>) {
        let message = Message::new(kind, text);
        self.log(message.clone());
        self.ui.message = Some(message);
    }

    /// Tell what loading noticed, once: each warning and note whole in the log, a short line
    /// pointing there in the status line (notes are routine for a real corpus and must not
    /// take the first keys), and warnings also in the log popup, opened at once.
    pub(super) fn tell_what_loading_noticed(&mut self, warnings: &[String], notes: &[String]) {
        for w in warnings {
            self.log(Message::new(MessageKind::Warning, w.clone()));
        }
        for n in notes {
            self.log(Message::new(MessageKind::Info, n.clone()));
        }
        let told = warnings.len() + notes.len();
        if told > 0 {
            let key = self
                .ui
                .keymap
                .key_for(crate::tui::keymap::Mode::List, &Action::OpenLog)
                .unwrap_or_else(|| "open_log".into());
            let text = startup_line(self.workspace.catalog.apps.len(), told, &key);
            // Not logged: the log has the whole text already.
            self.ui.message = Some(Message::new(MessageKind::Warning, text));
        }
        if !warnings.is_empty() {
            let popup = self.log_popup();
            self.ui.layers.push(Layer::Popup(popup));
        }
    }

    /// Take the measured layout and keep every selection valid and on screen with it.
    fn set_layout(&mut self, layout: ScreenLayout) -> bool {
        let before = (self.ui.list.scroll, self.current_tab_state().scroll);
        self.ui.layout = layout;
        let list_rows = self.ui.layout.list_rows;
        self.ui
            .list
            .scroll
            .clamp(self.ui.list.matches.len(), list_rows);
        if let Some(tab) = self.current_tab() {
            let len = self.items().len();
            let rows = self.ui.layout.detail_rows;
            let scroll = &mut self.ui.tab_states.entry(tab.key).or_default().scroll;
            // The view knows where wrapped rows put the first shown one.
            if let Some(offset) = self.ui.layout.detail_offset {
                scroll.offset = offset;
            }
            scroll.clamp(len, rows);
        }
        let mut layers_moved = false;
        for layer in &mut self.ui.layers {
            layers_moved |= layer.fit_layout(&self.ui.layout);
        }
        layers_moved || before != (self.ui.list.scroll, self.current_tab_state().scroll)
    }
}
