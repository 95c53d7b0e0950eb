//! The `?` overlay's state: how far it is scrolled. Its text comes from the key table.

use super::{Context, Outcome};
use crate::tui::action::Action;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::scroll::{Motion, scroll_text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        if let Some(m) = Motion::of(action) {
            let (max, rows) = (cx.layout.help_scroll_max, cx.layout.help_rows);
            return Outcome::changed(scroll_text(&mut self.scroll, m, max, rows));
        }
        match action {
            Action::CloseOverlay => Outcome::Pop,
            _ => Outcome::Unchanged,
        }
    }

    pub(super) fn fit_layout(&mut self, layout: &ScreenLayout) -> bool {
        let before = self.scroll;
        self.scroll = self.scroll.min(layout.help_scroll_max);
        before != self.scroll
    }
}
