//! The TUI's screen and its OSC 52 payloads, judged by the same independent oracle as the CLI
//! (`hostile_common`: Python's Unicode tables): a catalog whose every field holds every
//! control, format and separator character and a tower of combining marks, drawn in each view
//! at a small and a large size.

use crate::oracle::{Oracle, hostile_text};
use attest_tui::model::{App, Block, Catalog, Permission, PermissionKind, Row, Zone};
use attest_tui::review::ReviewStore;
use attest_tui::text::MAX_MARKS;
use attest_tui::tui::effects::{Effect, Io, perform};
use attest_tui::tui::{Action, State, Theme};

fn catalog(h: &str) -> Catalog {
    let app = |n: usize| App {
        id: format!("id-{n}-{h}"),
        name: format!("name {h}"),
        publisher: h.to_string(),
        clients: vec![h.to_string()],
        zones: vec![Zone {
            pivot: h.into(),
            title: h.into(),
            blocks: vec![Block::Row(Row::new(h, h, 0))],
        }],
        permissions: vec![Permission {
            name: h.to_string(),
            kind: PermissionKind::Application,
            justification: h.to_string(),
            registration: Some(h.to_string()),
            ..Permission::default()
        }],
        ..App::default()
    };
    Catalog {
        apps: vec![app(1), app(2)],
        ..Catalog::default()
    }
}

fn check(buf: &ratatui::buffer::Buffer, what: &str) {
    let oracle = Oracle::get();
    for (i, cell) in buf.content().iter().enumerate() {
        if let Some(problem) = oracle.problem(cell.symbol(), MAX_MARKS) {
            panic!(
                "{what}: cell {i}: {problem} (Unicode {} oracle)",
                oracle.version
            );
        }
    }
}

#[test]
fn no_cell_of_any_view_holds_what_the_oracle_forbids() {
    let h = hostile_text();
    for (w, rows) in [(80, 24), (200, 60)] {
        let mut state = State::new(catalog(&h), h.clone()).with_theme(Theme::color());
        let steps: &[(&str, &[Action])] = &[
            ("list", &[]),
            ("zone tab", &[Action::Right]),
            ("permissions", &[Action::NextTab]),
            ("popup", &[Action::Activate]),
            ("help", &[Action::CloseOverlay, Action::OpenHelp]),
        ];
        for (what, actions) in steps {
            crate::support::tui::apply(&mut state, actions.iter().cloned());
            check(
                &crate::support::tui::draw(&mut state, w, rows),
                &format!("{w}x{rows} {what}"),
            );
        }
    }
}

#[test]
fn an_osc52_payload_carries_only_safe_text() {
    let h = hostile_text();
    let (mut reviews, mut out) = (ReviewStore::detached(), Vec::new());
    let mut io = Io {
        reviews: &mut reviews,
        terminal: &mut out,
        export_dir: std::env::temp_dir(),
    };
    perform(Effect::Copy(h.clone()), &mut io);
    let seq = String::from_utf8(out).expect("the sequence is UTF-8");
    let body = seq
        .strip_prefix("\u{1b}]52;c;")
        .and_then(|s| s.strip_suffix("\u{1b}\\"))
        .expect("one OSC 52 sequence");
    assert!(
        body.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    );
    let decoded = decode_base64(body);
    let text = String::from_utf8(decoded).expect("UTF-8 inside");
    assert!(
        Oracle::get().problem(&text, MAX_MARKS).is_none(),
        "{text:?}"
    );
    assert!(
        text.contains("]0;PWNED"),
        "the text is kept, inert: {text:?}"
    );
}

/// Base64 decoding written here, so the check does not lean on the encoder under test.
fn decode_base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let n = chunk
            .iter()
            .filter(|&&c| c != b'=')
            .fold(0u32, |n, &c| (n << 6) | u32::from(value(c)))
            << (6 * pad);
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    out
}
