//! Arbitrary catalog text at arbitrary sizes: drawing never panics and never puts a control or
//! format character into a cell.

mod tui_common;

use attest_tui::model::{
    App, Block, Catalog, Certification, Note, Permission, PermissionKind, Row, Table, Zone,
};
use attest_tui::text::is_unsafe_char;
use attest_tui::tui::{Action, State, Theme};
use proptest::prelude::*;
use tui_common::draw;

fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('\u{1b}'),
        Just('\u{202E}'),
        Just('\u{2066}'),
        Just('\u{200B}'),
        Just('\u{FEFF}'),
        Just('\u{9b}'),
        Just('\0'),
        Just('\t'),
        Just('\n'),
        Just('\r'),
        Just('\u{7f}'),
        Just('联'),
        Just('中'),
        Just('ア'),
        Just('é'),
        Just('\u{301}'),
        Just('😀'),
        Just(' '),
        proptest::char::range('a', 'z'),
        any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(nasty_char(), 0..30).prop_map(String::from_iter)
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (text(), text(), 0u8..4).prop_map(|(q, a, l)| Block::Row(Row::new(q, a, l))),
        (
            text(),
            proptest::collection::vec(text(), 0..4),
            proptest::collection::vec(proptest::collection::vec(text(), 0..4), 0..3)
        )
            .prop_map(|(title, headers, rows)| Block::Table(Box::new(Table {
                title,
                headers,
                rows
            }))),
        (text(), text()).prop_map(|(title, text)| Block::Note(Note {
            title: title.into(),
            text: text.into()
        })),
    ]
}

fn permission() -> impl Strategy<Value = Permission> {
    (text(), text(), proptest::option::of(text()), 0usize..4).prop_map(
        |(name, justification, registration, k)| Permission {
            name,
            justification,
            registration,
            kind: [
                PermissionKind::Delegated,
                PermissionKind::Application,
                PermissionKind::Both,
                PermissionKind::Unknown,
            ][k],
            resource: "Microsoft Graph".into(),
            ..Permission::default()
        },
    )
}

fn app() -> impl Strategy<Value = App> {
    (
        (
            text(),
            text(),
            text(),
            proptest::collection::vec(text(), 0..3),
        ),
        proptest::collection::vec(
            (text(), text(), proptest::collection::vec(block(), 0..5)),
            0..3,
        ),
        proptest::collection::vec(permission(), 0..5),
        text(),
    )
        .prop_map(
            |((id, name, publisher, clients), zones, permissions, updated)| App {
                id,
                name,
                publisher,
                clients,
                certification: Certification::Attested,
                updated: attest_tui::model::Updated {
                    date: None,
                    raw: updated,
                },
                zones: zones
                    .into_iter()
                    .map(|(pivot, title, blocks)| Zone {
                        pivot: pivot.into(),
                        title: title.into(),
                        blocks,
                    })
                    .collect(),
                permissions,
                ..App::default()
            },
        )
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::MoveDown),
        Just(Action::MoveUp),
        Just(Action::Bottom),
        Just(Action::PageDown),
        Just(Action::Activate),
        Just(Action::Right),
        Just(Action::Back),
        Just(Action::NextTab),
        Just(Action::Right),
        Just(Action::ToggleGroup),
        Just(Action::StartSearch),
        nasty_char().prop_map(Action::SearchInput),
        Just(Action::SearchAccept),
        Just(Action::OpenHelp),
        Just(Action::CloseOverlay),
        (0usize..20).prop_map(Action::ClickRow),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_at_arbitrary_sizes_renders_safely(
        apps in proptest::collection::vec(app(), 0..4),
        label in text(),
        actions in proptest::collection::vec(action(), 0..12),
        sizes in proptest::collection::vec((0u16..300, 0u16..100), 1..4),
    ) {
        let mut state = State::new(Catalog { apps, ..Catalog::default() }, label)
            .with_theme(Theme::color());
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
