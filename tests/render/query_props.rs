//! Arbitrary filter queries and notes at arbitrary sizes: the filter bar (with its error
//! underline and caret), the note editor and the status message never panic and never put a
//! control or format character into a cell.

use attest_tui::tui::Action;
use proptest::prelude::*;

use crate::support::strategies::{text, unsafe_cells};
use crate::support::tui::{draw, state};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn queries_and_notes_draw_safely(query in text(60), note in text(60), w in 1u16..140, h in 1u16..40) {
        let mut s = state();
        s.update(Action::StartSearch);
        for c in query.chars() {
            s.update(Action::SearchInput(c));
        }
        if let Some(e) = &s.ui.list.query_error {
            prop_assert!(e.position <= query.chars().count());
        }
        let bad = unsafe_cells(&draw(&mut s, w, h));
        prop_assert!(bad.is_empty(), "{:?}", bad);
        s.update(Action::SearchAccept);
        s.update(Action::EditNote);
        for c in note.chars() {
            s.update(Action::NoteInput(c));
        }
        let bad = unsafe_cells(&draw(&mut s, w, h));
        prop_assert!(bad.is_empty(), "{:?}", bad);
        s.update(Action::NoteAccept);
        s.update(Action::Copy);
        let bad = unsafe_cells(&draw(&mut s, w, h));
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }
}
