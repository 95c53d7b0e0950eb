//! Arbitrary catalog text at arbitrary sizes: drawing never panics and never puts a control or
//! format character into a cell.

use attest_tui::model::Catalog;
use attest_tui::tui::{State, Theme};
use proptest::prelude::*;

use crate::support::strategies::{app, pane_action, text, unsafe_cells};
use crate::support::tui::draw;

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_at_arbitrary_sizes_renders_safely(
        apps in proptest::collection::vec(app(), 0..4),
        label in text(30),
        actions in proptest::collection::vec(pane_action(), 0..12),
        sizes in proptest::collection::vec((0u16..300, 0u16..100), 1..4),
    ) {
        let mut state = State::new(Catalog { apps, ..Catalog::default() }, label)
            .with_theme(Theme::color());
        for a in actions {
            state.update(a);
        }
        for (w, h) in sizes {
            let bad = unsafe_cells(&draw(&mut state, w, h));
            prop_assert!(bad.is_empty(), "unsafe {:?} in a cell at {}x{}", bad, w, h);
        }
    }
}
