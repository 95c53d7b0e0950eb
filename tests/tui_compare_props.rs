//! Arbitrary text in two compared apps, at arbitrary sizes, through arbitrary compare keys:
//! drawing never panics and never puts a control or format character into a cell.

mod tui_common;

use attest_tui::model::{App, Block, Catalog, Permission, PermissionKind, Row, Zone};
use attest_tui::text::is_unsafe_char;
use attest_tui::tui::{Action, Mode, State, Theme};
use proptest::prelude::*;
use tui_common::draw;

fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        Just('\u{1b}'),
        Just('\u{202E}'),
        Just('\u{200B}'),
        Just('\u{9b}'),
        Just('\t'),
        Just('\n'),
        Just('联'),
        Just('ア'),
        Just('\u{301}'),
        Just('😀'),
        Just(' '),
        proptest::char::range('a', 'c'),
        any::<char>(),
    ];
    proptest::collection::vec(c, 0..24).prop_map(String::from_iter)
}

fn app() -> impl Strategy<Value = App> {
    let row = (text(), text(), 0u8..3).prop_map(|(q, a, l)| Block::Row(Row::new(q, a, l)));
    let zone =
        (0usize..3, text(), proptest::collection::vec(row, 0..6)).prop_map(|(p, title, blocks)| {
            Zone {
                pivot: ["general", "data", "security"][p].into(),
                title: title.into(),
                blocks,
            }
        });
    let perm = (
        prop_oneof![Just("Directory.ReadWrite.All".to_string()), text()],
        0usize..4,
        proptest::option::of(text()),
    )
        .prop_map(|(name, k, registration)| Permission {
            name,
            kind: [
                PermissionKind::Delegated,
                PermissionKind::Application,
                PermissionKind::Both,
                PermissionKind::Unknown,
            ][k],
            registration,
            ..Permission::default()
        });
    (
        text(),
        text(),
        proptest::collection::vec(zone, 0..3),
        proptest::collection::vec(perm, 0..5),
    )
        .prop_map(|(name, publisher, zones, permissions)| App {
            name,
            publisher,
            zones,
            permissions,
            ..App::default()
        })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::MoveDown),
        Just(Action::Bottom),
        Just(Action::NextTab),
        Just(Action::PrevTab),
        Just(Action::Activate),
        Just(Action::CloseOverlay),
        Just(Action::Swap),
        Just(Action::OnlyDifferences),
        Just(Action::NextDifference),
        Just(Action::PreviousDifference),
        Just(Action::ReplaceRight),
        Just(Action::SearchAccept),
        (0usize..6).prop_map(Action::SelectTab),
        (-5isize..5).prop_map(Action::ScrollDetail),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_compared_apps_render_safely(
        a in app(),
        b in app(),
        actions in proptest::collection::vec(action(), 0..10),
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
            let buf = draw(&mut state, w, h);
            for cell in buf.content() {
                let bad: Vec<char> = cell.symbol().chars().filter(|&c| is_unsafe_char(c)).collect();
                prop_assert!(bad.is_empty(), "unsafe {:?} in a cell at {}x{}", bad, w, h);
            }
        }
    }
}
