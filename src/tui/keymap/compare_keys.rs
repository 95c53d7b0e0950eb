//! The compare keys: marking and comparing apps in the list and detail, the compare view and
//! its picker. Part of the one key table (`default_bindings` appends them).

use crossterm::event::KeyCode;

use super::{Key, Mode};
use crate::tui::action::{Action, CompareAction as C, Side};

/// Marking and comparing apps, the compare view and its picker.
pub(super) fn compare_bindings(
    bind: &mut impl FnMut(Mode, Key, Action, &'static str, Option<&'static str>),
) {
    use Action as A;
    use KeyCode as K;
    for mode in [Mode::List, Mode::Detail] {
        bind(
            mode,
            Key::ch('m'),
            A::Compare(C::ToggleMark),
            "mark / unmark for comparison",
            Some("mark"),
        );
        bind(
            mode,
            Key::ch('c'),
            A::Compare(C::Open),
            "compare with the marked app (or pick)",
            Some("compare"),
        );
    }
    let m = Mode::Compare;
    bind(
        m,
        Key::ch('j'),
        A::MoveDown,
        "down (both sides)",
        Some("move"),
    );
    bind(m, Key::ch('k'), A::MoveUp, "up (both sides)", Some("move"));
    bind(
        m,
        Key::plain(K::Down),
        A::MoveDown,
        "down (both sides)",
        None,
    );
    bind(m, Key::plain(K::Up), A::MoveUp, "up (both sides)", None);
    bind(m, Key::ch('g'), A::Top, "first", None);
    bind(m, Key::plain(K::Home), A::Top, "first", None);
    bind(m, Key::ch('G'), A::Bottom, "last", None);
    bind(m, Key::plain(K::End), A::Bottom, "last", None);
    bind(m, Key::ctrl('d'), A::HalfPageDown, "half page down", None);
    bind(m, Key::ctrl('u'), A::HalfPageUp, "half page up", None);
    bind(m, Key::plain(K::PageDown), A::PageDown, "page down", None);
    bind(m, Key::plain(K::PageUp), A::PageUp, "page up", None);
    bind(m, Key::plain(K::Tab), A::NextTab, "next tab", Some("tabs"));
    bind(m, Key::plain(K::BackTab), A::PrevTab, "previous tab", None);
    bind(m, Key::ch('l'), A::Right, "next tab", None);
    bind(m, Key::plain(K::Right), A::Right, "next tab", None);
    bind(m, Key::ch('h'), A::Left, "previous tab", None);
    bind(m, Key::plain(K::Left), A::Left, "previous tab", None);
    for n in 1..=9u8 {
        let c = char::from(b'0' + n);
        bind(
            m,
            Key::ch(c),
            A::SelectTab(usize::from(n - 1)),
            "tab N",
            None,
        );
    }
    bind(
        m,
        Key::ch('d'),
        A::Compare(C::ToggleOnlyDifferences),
        "only differences / everything",
        Some("diffs"),
    );
    bind(
        m,
        Key::ch('n'),
        A::Compare(C::NextDifference),
        "next difference",
        Some("next diff"),
    );
    bind(
        m,
        Key::ch('N'),
        A::Compare(C::PreviousDifference),
        "previous difference",
        Some("next diff"),
    );
    bind(
        m,
        Key::ch('s'),
        A::Compare(C::Swap),
        "swap the sides",
        Some("swap"),
    );
    bind(
        m,
        Key::ch('r'),
        A::Compare(C::Replace(Side::B)),
        "replace the right app (B)",
        Some("replace"),
    );
    bind(
        m,
        Key::ch('R'),
        A::Compare(C::Replace(Side::A)),
        "replace the left app (A)",
        None,
    );
    bind(
        m,
        Key::plain(K::Esc),
        A::CloseOverlay,
        "close the comparison",
        Some("close"),
    );
    bind(
        m,
        Key::ch('q'),
        A::CloseOverlay,
        "close the comparison",
        Some("close"),
    );
    bind(
        m,
        Key::plain(KeyCode::Enter),
        A::Activate,
        "both sides of the row whole",
        None,
    );
    bind(m, Key::ch('?'), A::OpenHelp, "help", Some("help"));
    bind(m, Key::ctrl('c'), A::Quit, "quit", None);
    let p = Mode::Picker;
    bind(
        p,
        Key::plain(K::Enter),
        A::SearchAccept,
        "compare with this app",
        Some("pick"),
    );
    bind(
        p,
        Key::plain(K::Esc),
        A::SearchCancel,
        "cancel",
        Some("cancel"),
    );
    bind(p, Key::plain(K::Down), A::MoveDown, "down", Some("move"));
    bind(p, Key::plain(K::Up), A::MoveUp, "up", Some("move"));
    bind(p, Key::ctrl('n'), A::MoveDown, "down", None);
    bind(p, Key::ctrl('p'), A::MoveUp, "up", None);
    bind(
        p,
        Key::plain(K::Backspace),
        A::SearchBackspace,
        "delete a character",
        None,
    );
    bind(p, Key::ctrl('u'), A::SearchClear, "delete the query", None);
    bind(p, Key::ctrl('c'), A::Quit, "quit", None);
}
