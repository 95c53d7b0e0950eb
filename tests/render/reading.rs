//! Snapshots of the views issue 13 changed, at 80×24 and 200×50: the help opened from the
//! detail with a find, the permission index with a find, and a tab whose long rows wrap.

use crate::support::tui::*;
use attest_tui::model::{App, Block, Catalog, Row, Zone};
use attest_tui::tui::{Action, State, Theme};
use insta::assert_snapshot;

fn both_sizes(name: &str, mut s: State) {
    for (w, h) in [(80, 24), (200, 50)] {
        let text = screen(&draw(&mut s, w, h));
        assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

#[test]
fn help_from_the_detail_with_a_find() {
    let mut s = state();
    apply(
        &mut s,
        [Action::Right, Action::OpenHelp, Action::StartSearch],
    );
    type_text(&mut s, "match");
    apply(&mut s, [Action::SearchAccept, Action::NextMatch]);
    both_sizes("help_find", s);
}

#[test]
fn permission_index_with_a_find() {
    let mut s = state();
    apply(&mut s, [Action::OpenPermIndex, Action::StartSearch]);
    type_text(&mut s, "contacts");
    apply(&mut s, [Action::SearchAccept]);
    both_sizes("index_find", s);
}

/// Two questions that differ only at their end, longer than any column.
fn soc_catalog() -> Catalog {
    let long = |n: &str| {
        format!(
            "Entspricht die App den Steuerelementen der Dienstorganisation (Service Organization Controls, SOC {n})?"
        )
    };
    let app = App {
        id: "WA1".into(),
        name: "Compliance Beispiel".into(),
        publisher: "Beispiel GmbH".into(),
        zones: vec![Zone {
            pivot: "compliance".into(),
            title: "Compliance".into(),
            blocks: vec![
                Block::Row(Row::new(long("2"), "Ja", 0)),
                Block::Row(Row::new(long("3"), "Nein", 0)),
                Block::Row(Row::new("Datum", "2022-03-09", 1)),
            ],
        }],
        ..App::default()
    };
    Catalog {
        apps: vec![app],
        ..Catalog::default()
    }
}

#[test]
fn long_rows_wrap_so_soc_2_and_soc_3_differ() {
    let mut s = State::new(soc_catalog(), "soc").with_theme(Theme::color());
    apply(&mut s, [Action::Right]);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("SOC 2)?"), "{text}");
    assert!(text.contains("SOC 3)?"), "{text}");
    both_sizes("soc_wrapped", s);
}

#[test]
fn cut_rows_can_be_had_with_w() {
    let mut s = State::new(soc_catalog(), "soc").with_theme(Theme::color());
    apply(&mut s, [Action::Right, Action::ToggleWrap]);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(!text.contains("SOC 3)?"), "{text}");
    assert!(text.contains('…'), "{text}");
}
