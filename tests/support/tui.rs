//! Shared by the TUI tests: the fixture catalog, a state on it, and drawing to a TestBackend.

use attest_tui::model::Catalog;
use attest_tui::tui::{Action, ScreenLayout, State, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub fn fixture() -> Catalog {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tui_catalog.json"
    ))
    .expect("fixture exists");
    serde_json::from_str(&text).expect("fixture parses")
}

pub fn state() -> State {
    State::new(fixture(), "tui_catalog.json").with_theme(Theme::color())
}

/// Draw like the event loop does: draw, feed the measured layout back, draw again if it moved.
pub fn draw(state: &mut State, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut layout = ScreenLayout::default();
    term.draw(|f| layout = view::render(state, f.area(), f.buffer_mut()))
        .unwrap();
    if state.update(Action::Layout(Box::new(layout))) {
        term.draw(|f| {
            view::render(state, f.area(), f.buffer_mut());
        })
        .unwrap();
    }
    term.backend().buffer().clone()
}

/// The screen as text, one line a row, wide characters once (their continuation cells skipped).
pub fn screen(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

pub fn apply(state: &mut State, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        state.update(a);
    }
}

pub fn type_text(state: &mut State, s: &str) {
    for c in s.chars() {
        state.update(Action::SearchInput(c));
    }
}
