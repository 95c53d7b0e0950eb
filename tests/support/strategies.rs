//! The one set of proptest strategies: hostile catalog text (escapes, bidi and zero-width
//! characters, CJK, combining marks, filter syntax), apps built of it, and the actions a person
//! could press in the panes and in the compare view.

use attest_tui::model::{
    App, Block, Certification, Note, Permission, PermissionKind, Row, Table, Updated, Zone,
};
use attest_tui::tui::Action;
use proptest::prelude::*;

pub fn nasty_char() -> impl Strategy<Value = char> {
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
        Just('"'),
        Just(':'),
        Just('-'),
        Just('='),
        Just('<'),
        proptest::char::range('a', 'z'),
        any::<char>(),
    ]
}

/// Up to `max` hostile characters.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(nasty_char(), 0..max).prop_map(String::from_iter)
}

fn kind(k: usize) -> PermissionKind {
    [
        PermissionKind::Delegated,
        PermissionKind::Application,
        PermissionKind::Both,
        PermissionKind::Unknown,
    ][k % 4]
}

pub fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (text(30), text(30), 0u8..4).prop_map(|(q, a, l)| Block::Row(Row::new(q, a, l))),
        (
            text(30),
            proptest::collection::vec(text(30), 0..4),
            proptest::collection::vec(proptest::collection::vec(text(30), 0..4), 0..3)
        )
            .prop_map(|(title, headers, rows)| Block::Table(Box::new(Table {
                title,
                headers,
                rows
            }))),
        (text(30), text(30)).prop_map(|(title, text)| Block::Note(Note {
            title: title.into(),
            text: text.into()
        })),
    ]
}

/// A permission with a hostile name, or a real one (so that risk tiers are exercised too).
pub fn permission() -> impl Strategy<Value = Permission> {
    (
        prop_oneof![Just("Directory.ReadWrite.All".to_string()), text(30)],
        text(30),
        proptest::option::of(text(30)),
        0usize..4,
    )
        .prop_map(|(name, justification, registration, k)| Permission {
            name,
            justification,
            registration,
            kind: kind(k),
            resource: "Microsoft Graph".into(),
            ..Permission::default()
        })
}

/// An app of hostile text. Zone pivots come from a few real ones, so two apps share zones.
pub fn app() -> impl Strategy<Value = App> {
    (
        (
            text(30),
            text(30),
            text(30),
            proptest::collection::vec(text(30), 0..3),
        ),
        proptest::collection::vec(
            (
                0usize..4,
                text(30),
                proptest::collection::vec(block(), 0..6),
            ),
            0..3,
        ),
        proptest::collection::vec(permission(), 0..5),
        text(30),
    )
        .prop_map(
            |((id, name, publisher, clients), zones, permissions, updated)| App {
                id,
                name,
                publisher,
                clients,
                certification: Certification::Attested,
                updated: Updated {
                    date: None,
                    raw: updated,
                },
                zones: zones
                    .into_iter()
                    .map(|(p, title, blocks)| Zone {
                        pivot: ["general", "data", "security", "mcas"][p].into(),
                        title: title.into(),
                        blocks,
                    })
                    .collect(),
                permissions,
                ..App::default()
            },
        )
}

/// What a person can do in the list and the detail.
pub fn pane_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::MoveDown),
        Just(Action::MoveUp),
        Just(Action::Bottom),
        Just(Action::PageDown),
        Just(Action::Activate),
        Just(Action::Right),
        Just(Action::Back),
        Just(Action::NextTab),
        Just(Action::ToggleGroup),
        Just(Action::StartSearch),
        nasty_char().prop_map(Action::SearchInput),
        Just(Action::SearchAccept),
        Just(Action::OpenHelp),
        Just(Action::ExplainScore),
        Just(Action::OpenPermIndex),
        Just(Action::CloseOverlay),
        (0usize..20).prop_map(Action::ClickRow),
    ]
}

/// What a person can do in the compare view.
pub fn compare_action() -> impl Strategy<Value = Action> {
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

/// The unsafe characters found in any cell of a drawn buffer (none is the property).
pub fn unsafe_cells(buf: &ratatui::buffer::Buffer) -> Vec<char> {
    buf.content()
        .iter()
        .flat_map(|cell| cell.symbol().chars())
        .filter(|&c| attest_tui::text::is_unsafe_char(c))
        .collect()
}
