//! Catalog text is untrusted. Every kind of hostile text named in the issue, rendered at many
//! sizes: no cell may hold a control or format character, and each row's cell widths must add up
//! to the screen width (nothing double-counted, nothing spilling).

use attest_tui::model::{App, Block, Catalog, Permission, PermissionKind, Row, Zone};
use attest_tui::text::is_unsafe_char;
use attest_tui::tui::{Action, State, Theme};
use unicode_width::UnicodeWidthStr;

const HOSTILE: &[(&str, &str)] = &[
    ("csi", "red \u{1b}[31mtext\u{1b}[0m and \u{1b}[2J clear"),
    ("osc title", "\u{1b}]0;pwned title\u{7}after"),
    ("osc 52 clipboard", "\u{1b}]52;c;ZWNobyBoaQ==\u{7}copied"),
    (
        "osc 8 hyperlink",
        "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
    ),
    ("dcs", "\u{1b}P1$r0m\u{1b}\\dcs"),
    ("apc", "\u{1b}_apc payload\u{1b}\\apc"),
    ("c1 csi", "c1\u{9b}31mred"),
    ("nul bel del", "a\u{0}b\u{7}c\u{7f}d"),
    ("bare cr", "overwrite\rXX"),
    ("tabs", "col1\tcol2\t\tcol3"),
    ("bidi override", "abc\u{202e}fed\u{202c}ghi"),
    (
        "bidi isolates",
        "\u{2066}iso\u{2069}\u{2067}rtl\u{2069}\u{2068}fsi\u{2069}",
    ),
    (
        "zero width",
        "zero\u{200b}width\u{200c}\u{200d}\u{2060}\u{feff}",
    ),
    ("line separator", "line\u{2028}para\u{2029}end"),
    (
        "combining stack",
        "Z\u{0351}\u{0308}\u{0301}\u{0300}\u{0316}\u{0317}\u{0318}\u{0319}a",
    ),
    (
        "zwj emoji",
        "family 👨\u{200d}👩\u{200d}👧\u{200d}👦 flag 🏳\u{fe0f}\u{200d}🌈",
    ),
    (
        "cjk",
        "联系人中心联系人中心联系人中心联系人中心联系人中心联系人中心联系人中心联系人中心",
    ),
];

fn hostile_catalog() -> Catalog {
    let apps = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, (label, text))| App {
            id: format!("id-{i}-{text}"),
            name: format!("{label}: {text}"),
            publisher: (*text).to_string(),
            clients: vec![(*text).to_string()],
            zones: vec![Zone {
                pivot: "general".into(),
                title: (*text).into(),
                blocks: vec![
                    Block::Row(Row::new(*text, *text, 0)),
                    Block::Row(Row::new(format!("{text}?"), "是", 1)),
                ],
            }],
            permissions: vec![Permission {
                name: (*text).to_string(),
                kind: PermissionKind::Application,
                justification: (*text).to_string(),
                registration: Some(format!("0000000{i}-{text}")),
                ..Permission::default()
            }],
            ..App::default()
        })
        .collect();
    Catalog {
        apps,
        ..Catalog::default()
    }
}

fn check(buf: &ratatui::buffer::Buffer, context: &str) {
    let area = buf.area;
    for y in 0..area.height {
        let mut width = 0usize;
        let mut x = 0;
        while x < area.width {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(is_unsafe_char),
                "{context}: unsafe character {sym:?} at ({x},{y})"
            );
            let w = UnicodeWidthStr::width(sym).max(1);
            width += w;
            x += w as u16;
        }
        assert_eq!(width, usize::from(area.width), "{context}: row {y} widths");
    }
}

#[test]
fn hostile_text_never_reaches_a_cell_at_any_size() {
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (40, 10),
        (41, 11),
        (80, 24),
        (81, 25),
        (120, 40),
        (200, 60),
        (299, 99),
    ];
    for (w, h) in sizes {
        let mut state = State::new(hostile_catalog(), "hostile").with_theme(Theme::color());
        for (i, (label, _)) in HOSTILE.iter().enumerate() {
            let context = format!("{w}x{h} app {i} ({label})");
            check(
                &crate::support::tui::draw(&mut state, w, h),
                &format!("{context} list"),
            );
            state.update(Action::Right);
            check(
                &crate::support::tui::draw(&mut state, w, h),
                &format!("{context} zone tab"),
            );
            state.update(Action::NextTab);
            check(
                &crate::support::tui::draw(&mut state, w, h),
                &format!("{context} permissions"),
            );
            state.update(Action::Activate);
            check(
                &crate::support::tui::draw(&mut state, w, h),
                &format!("{context} popup"),
            );
            state.update(Action::CloseOverlay);
            state.update(Action::Back);
            state.update(Action::MoveDown);
        }
    }
}

#[test]
fn hostile_text_is_shown_inert_not_dropped() {
    let mut state = State::new(hostile_catalog(), "hostile").with_theme(Theme::color());
    let text = crate::support::tui::screen(&crate::support::tui::draw(&mut state, 200, 60));
    // The escape is gone, the rest of the sequence is visible as plain text.
    assert!(text.contains("red [31mtext"), "{text}");
    assert!(text.contains("c1 csi: c131mred"), "{text}");
    assert!(text.contains("abcfedghi"), "{text}");
}
