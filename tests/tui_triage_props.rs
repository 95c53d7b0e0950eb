//! Arbitrary filter queries and notes at arbitrary sizes: the filter bar (with its error
//! underline and caret), the note editor and the status message never panic and never put a
//! control or format character into a cell.

mod tui_common;

use attest_tui::text::is_unsafe_char;
use attest_tui::tui::Action;
use proptest::prelude::*;
use tui_common::{draw, state};

fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('\u{1b}'),
        Just('\u{202E}'),
        Just('\u{200B}'),
        Just('\0'),
        Just('\t'),
        Just('\n'),
        Just('"'),
        Just(':'),
        Just('-'),
        Just('='),
        Just('<'),
        Just('联'),
        Just('😀'),
        Just(' '),
        proptest::char::range('a', 'z'),
        any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(nasty_char(), 0..60).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn queries_and_notes_draw_safely(query in text(), note in text(), w in 1u16..140, h in 1u16..40) {
        let mut s = state();
        s.update(Action::StartSearch);
        for c in query.chars() {
            s.update(Action::SearchInput(c));
        }
        if let Some(e) = &s.ui.list.query_error {
            prop_assert!(e.position <= query.chars().count());
        }
        let buf = draw(&mut s, w, h);
        for cell in buf.content() {
            prop_assert!(!cell.symbol().chars().any(is_unsafe_char), "{:?}", cell.symbol());
        }
        s.update(Action::SearchAccept);
        s.update(Action::EditNote);
        for c in note.chars() {
            s.update(Action::NoteInput(c));
        }
        let buf = draw(&mut s, w, h);
        for cell in buf.content() {
            prop_assert!(!cell.symbol().chars().any(is_unsafe_char), "{:?}", cell.symbol());
        }
        s.update(Action::NoteAccept);
        s.update(Action::Copy);
        let buf = draw(&mut s, w, h);
        for cell in buf.content() {
            prop_assert!(!cell.symbol().chars().any(is_unsafe_char), "{:?}", cell.symbol());
        }
    }
}
