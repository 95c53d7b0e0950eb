//! Arbitrary text in two compared apps, at arbitrary sizes, through arbitrary compare keys:
//! drawing never panics and never puts a control or format character into a cell.

use attest_tui::model::Catalog;
use attest_tui::tui::{Action, Mode, State, Theme};
use proptest::prelude::*;

use crate::support::strategies::{app, compare_action, unsafe_cells};
use crate::support::tui::draw;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_compared_apps_render_safely(
        a in app(),
        b in app(),
        actions in proptest::collection::vec(compare_action(), 0..10),
        sizes in proptest::collection::vec((0u16..220, 0u16..60), 1..4),
    ) {
        let mut state = State::new(Catalog { apps: vec![a, b], ..Catalog::default() }, "props")
            .with_theme(Theme::color());
        state.update(Action::Mark);
        state.update(Action::MoveDown);
        state.update(Action::Compare);
        prop_assert_eq!(state.mode(), Mode::Compare);
        for a in actions {
            state.update(a);
        }
        for (w, h) in sizes {
            let bad = unsafe_cells(&draw(&mut state, w, h));
            prop_assert!(bad.is_empty(), "unsafe {:?} in a cell at {}x{}", bad, w, h);
        }
    }
}
