//! Legibility: every text style of every theme, on every background it can be drawn on, keeps a
//! WCAG contrast of at least 4.5:1 in xterm with its default palette (borders 3:1); and no text
//! cell of the list, detail, compare and help screens falls below it.

use crate::support::tui::*;
use attest_tui::tui::contrast::{self, Terminal};
use attest_tui::tui::{Action, State, Theme};
use ratatui::style::Style;

/// Drawn as graphics, not read as text (WCAG 1.4.11 asks 3:1 of them).
const NON_TEXT: [&str; 5] = [
    "base",
    "border",
    "border_focused",
    "selected",
    "selected_unfocused",
];
/// Styles that bring their own background and are drawn as they are.
const OWN_BACKGROUND: [&str; 6] = [
    "status",
    "tab_active",
    "message_info",
    "message_warning",
    "message_error",
    "risk_critical",
];

/// The themes and the terminals each is meant for: the color themes paint their own
/// background, so any terminal; the no-color one uses the terminal's, dark or light.
fn themes() -> Vec<(&'static str, Theme, Vec<Terminal>)> {
    vec![
        (
            "dark",
            Theme::color(),
            vec![contrast::DARK, contrast::LIGHT],
        ),
        (
            "light",
            Theme::light(),
            vec![contrast::LIGHT, contrast::DARK],
        ),
        (
            "none",
            Theme::no_color(),
            vec![contrast::DARK, contrast::LIGHT],
        ),
    ]
}

fn get(theme: &Theme, name: &str) -> Style {
    theme
        .styles()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| s)
        .unwrap()
}

#[test]
fn every_style_pair_of_every_theme_reads_at_4_5_to_1() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (theme_name, theme, terms) in themes() {
        let base = theme.base;
        let mut pairs: Vec<(String, Style, f64)> = vec![
            ("base".into(), base, 4.5),
            ("base + selected".into(), base.patch(theme.selected), 4.5),
            ("border".into(), base.patch(theme.border), 3.0),
            (
                "border_focused".into(),
                base.patch(theme.border_focused),
                3.0,
            ),
            // A frame's title is drawn in the frame's color.
            (
                "border + title".into(),
                base.patch(theme.border).patch(theme.title),
                4.5,
            ),
            (
                "border_focused + title".into(),
                base.patch(theme.border_focused).patch(theme.title),
                4.5,
            ),
            (
                "input + query_error".into(),
                base.patch(theme.input).patch(theme.query_error),
                4.5,
            ),
        ];
        for (name, style) in theme.styles() {
            if NON_TEXT.contains(&name) {
                continue;
            }
            let on = base.patch(style);
            pairs.push((name.to_string(), on, 4.5));
            // Any text in a list can be under the selection (lists, rows, the help's current
            // match); of the styles with a background only the risk letter is in a list.
            if !OWN_BACKGROUND.contains(&name) || name == "risk_critical" {
                pairs.push((format!("{name} + selected"), on.patch(theme.selected), 4.5));
                pairs.push((
                    format!("{name} + selected_unfocused"),
                    on.patch(theme.selected_unfocused),
                    4.5,
                ));
            }
            // Highlights are patched over a row's own style.
            if !OWN_BACKGROUND.contains(&name) {
                let hl = on.patch(theme.match_highlight);
                pairs.push((format!("{name} + match_highlight"), hl, 4.5));
                pairs.push((
                    format!("{name} + match_highlight + selected"),
                    hl.patch(theme.selected),
                    4.5,
                ));
            }
        }
        // The status line's messages are patched over the status style.
        for m in ["message_info", "message_warning", "message_error"] {
            let s = base.patch(theme.status).patch(get(&theme, m));
            pairs.push((format!("status + {m}"), s, 4.5));
        }
        for term in terms {
            for (name, style, need) in &pairs {
                checked += 1;
                let c = contrast::contrast(*style, term);
                if c < *need {
                    failures.push(format!(
                        "{theme_name} theme on {term:?}: {name} is {c:.2}:1, needs {need}"
                    ));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} pairs checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Box drawing, blocks and other graphics are not text.
fn is_text(symbol: &str) -> bool {
    symbol.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(c as u32, 0x2500..=0x259F | 0x2190..=0x21FF | 0x25A0..=0x25FF)
    })
}

fn low_cells(state: &mut State, term: Terminal, w: u16, h: u16) -> Vec<String> {
    let buf = draw(state, w, h);
    let mut out = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            if !is_text(cell.symbol()) {
                continue;
            }
            let style = Style::new()
                .fg(cell.fg)
                .bg(cell.bg)
                .add_modifier(cell.modifier);
            let c = contrast::contrast(style, term);
            if c < 4.5 {
                out.push(format!("({x},{y}) {:?} {c:.2}:1 {style:?}", cell.symbol()));
            }
        }
    }
    out
}

#[test]
fn no_text_cell_of_the_main_screens_is_below_4_5_to_1() {
    for (theme_name, theme, terms) in themes() {
        for term in terms {
            let screens: Vec<(&str, Vec<Action>)> = vec![
                ("list", vec![]),
                (
                    "detail",
                    vec![Action::Right, Action::MoveDown, Action::MoveDown],
                ),
                (
                    "permissions",
                    vec![Action::Right, Action::SelectTab(9), Action::MoveDown],
                ),
                (
                    "compare",
                    vec![Action::Mark, Action::MoveDown, Action::Compare],
                ),
                (
                    "help",
                    vec![
                        Action::OpenHelp,
                        Action::StartSearch,
                        Action::SearchInput('k'),
                    ],
                ),
                ("index", vec![Action::OpenPermIndex]),
            ];
            for (screen, actions) in screens {
                let mut s = state().with_theme(theme.clone());
                apply(&mut s, actions);
                for (w, h) in [(80, 24), (200, 50)] {
                    let low = low_cells(&mut s, term, w, h);
                    assert!(
                        low.is_empty(),
                        "{theme_name} theme on {term:?}, {screen} at {w}x{h}: {} cells below 4.5:1, first {:?}",
                        low.len(),
                        &low[..low.len().min(5)]
                    );
                }
            }
        }
    }
}
