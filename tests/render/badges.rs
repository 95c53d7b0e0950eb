//! Render tests of the review features: risk markers, review badges and scores in the list,
//! the permission index and score popup, and the colors that carry meaning in each theme.

use crate::support::tui::{draw, fixture, screen};
use attest_tui::model::{Catalog, Permission, PermissionKind};
use attest_tui::tui::{Action, State, Theme};
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The fixture with one app (Fabrikam Tasks) holding a critical permission.
fn catalog_with_a_critical_app() -> Catalog {
    let mut cat = fixture();
    cat.apps[3].permissions.push(Permission {
        name: "Directory.ReadWrite.All".into(),
        kind: PermissionKind::Application,
        justification: "Provision users".into(),
        ..Permission::default()
    });
    cat
}

fn reviewed(theme: Theme) -> State {
    let mut s = State::new(catalog_with_a_critical_app(), "tui_catalog.json").with_theme(theme);
    s.update(Action::Approve);
    s.update(Action::MoveDown);
    s.update(Action::Block);
    s.update(Action::ToggleBookmark);
    s.update(Action::MoveDown);
    s.update(Action::EditNote);
    s.update(Action::NoteInput('!'));
    s.update(Action::NoteAccept);
    s.update(Action::Top);
    s
}

/// Position of the first cell whose symbol is `sym` in column `x` of the list rows.
fn marker_of(buf: &Buffer, name: &str) -> (u16, u16) {
    let text = screen(buf);
    let row = text
        .lines()
        .position(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} on screen: {text}")) as u16;
    (2, row)
}

#[test]
fn list_shows_risk_review_and_score_at_80x24() {
    let mut s = reviewed(Theme::color());
    let text = screen(&draw(&mut s, 80, 24));
    assert_snapshot!(text);
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[1].contains("H 联系人中心") && rows[1].contains('✓'),
        "{text}"
    );
    assert!(rows[3].contains('✗') && rows[3].contains('★'), "{text}");
    assert!(rows[5].contains('✎'), "{text}");
    assert!(rows[7].contains("C Fabrikam Tasks"), "{text}");
}

#[test]
fn sorted_by_score_the_title_says_so_and_the_lowest_comes_first() {
    let mut s = reviewed(Theme::color());
    for _ in 0..3 {
        s.update(Action::CycleSort);
    }
    let text = screen(&draw(&mut s, 80, 24));
    assert_snapshot!(text);
    assert!(text.lines().next().unwrap().contains("by score"));
}

#[test]
fn a_critical_apps_marker_has_the_risk_critical_style() {
    let theme = Theme::color();
    let mut s = reviewed(theme.clone());
    let buf = draw(&mut s, 80, 24);
    let (x, y) = marker_of(&buf, "Fabrikam Tasks");
    assert_eq!(buf[(x, y)].symbol(), "C");
    assert_eq!(buf[(x, y)].fg, theme.risk_critical.fg.unwrap());
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = marker_of(&buf, "Contoso");
    assert_eq!(buf[(x, y)].symbol(), "H");
    assert_eq!(buf[(x, y)].fg, theme.risk_high.fg.unwrap());
    assert_ne!(theme.risk_high.fg, theme.risk_critical.fg);
}

#[test]
fn the_blocked_badge_has_the_decision_blocked_style() {
    let theme = Theme::color();
    let mut s = reviewed(theme.clone());
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    let y = text.lines().position(|l| l.contains('✗')).unwrap() as u16;
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "✗")
        .unwrap();
    assert_eq!(buf[(x, y)].fg, theme.decision_blocked.fg.unwrap());
}

#[test]
fn permission_rows_carry_their_tier_color() {
    let theme = Theme::color();
    let mut s = State::new(catalog_with_a_critical_app(), "t").with_theme(theme.clone());
    for _ in 0..3 {
        s.update(Action::MoveDown);
    }
    s.update(Action::Activate);
    let n = s.tabs().len();
    s.update(Action::SelectTab(n - 1));
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    let y = text
        .lines()
        .position(|l| l.contains("Directory.ReadWrit"))
        .unwrap_or_else(|| panic!("{text}")) as u16;
    let x = (32..80).find(|&x| buf[(x, y)].symbol() == "C").unwrap();
    assert_eq!(buf[(x, y)].fg, theme.risk_critical.fg.unwrap());
    assert!(text.contains("Risk C1 · Score"), "header summary: {text}");
}

#[test]
fn the_light_theme_differs_from_the_dark_one_where_color_means_something() {
    let dark = Theme::color();
    let light = Theme::light();
    assert_ne!(dark, light);
    let mut d = reviewed(dark.clone());
    let mut l = reviewed(light.clone());
    let (bd, bl) = (draw(&mut d, 80, 24), draw(&mut l, 80, 24));
    assert_eq!(screen(&bd), screen(&bl), "same text");
    let (x, y) = marker_of(&bd, "Fabrikam Tasks");
    assert_eq!(bl[(x, y)].bg, light.risk_critical.bg.unwrap());
    assert_ne!(bd[(x, y)].bg, bl[(x, y)].bg);
    // Each paints its own background; the selected row is in reverse video in both.
    assert_eq!(bl[(15, 1)].bg, light.base.bg.unwrap());
    assert_ne!(bd[(15, 1)].bg, bl[(15, 1)].bg);
    assert!(bl[(15, 1)].modifier.contains(light.selected.add_modifier));
}

#[test]
fn no_color_uses_no_color_for_review_marks_either() {
    let mut s = reviewed(Theme::no_color());
    s.update(Action::ExplainScore);
    let buf = draw(&mut s, 80, 24);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{:?}", cell);
        assert_eq!(cell.bg, Color::Reset, "{:?}", cell);
    }
    let mut s = reviewed(Theme::no_color());
    let buf = draw(&mut s, 80, 24);
    let (x, y) = marker_of(&buf, "Fabrikam Tasks");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::REVERSED),
        "critical stands out by attributes"
    );
}

#[test]
fn config_theme_names_pick_the_theme() {
    use attest_tui::config::ThemeName;
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        eprintln!("SKIPPED: NO_COLOR is set, which overrides the config theme");
        return;
    }
    assert_eq!(Theme::from_config(ThemeName::Dark), Theme::color());
    assert_eq!(Theme::from_config(ThemeName::Light), Theme::light());
    assert_eq!(Theme::from_config(ThemeName::None), Theme::no_color());
}

#[test]
fn permission_index_at_80x24() {
    let mut s = State::new(catalog_with_a_critical_app(), "t").with_theme(Theme::color());
    s.update(Action::OpenPermIndex);
    s.update(Action::Activate);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn score_popup_at_80x24() {
    let mut s = State::new(catalog_with_a_critical_app(), "t").with_theme(Theme::color());
    s.update(Action::Bottom);
    s.update(Action::ExplainScore);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn tiny_and_huge_sizes_with_every_overlay_stay_inside_the_screen() {
    for open in [
        Action::OpenPermIndex,
        Action::ExplainScore,
        Action::EditNote,
        Action::OpenHelp,
    ] {
        for (w, h) in [(1, 1), (40, 10), (41, 11), (80, 24), (200, 50)] {
            let mut s = reviewed(Theme::color());
            s.update(open.clone());
            let buf = draw(&mut s, w, h);
            assert_eq!((buf.area.width, buf.area.height), (w, h));
            let text = screen(&buf);
            assert!(
                text.lines()
                    .all(|l| attest_tui::text::display_width(l) <= usize::from(w)),
                "{open:?} at {w}x{h}:\n{text}"
            );
        }
    }
}

#[test]
fn approval_and_certification_marks_differ_and_counts_say_application() {
    // Contoso Notes is certified; approve it and look at its list row and the help legend.
    let mut s = State::new(fixture(), "tui_catalog.json");
    s.update(Action::MoveDown);
    s.update(Action::Approve);
    let text = screen(&draw(&mut s, 100, 30));
    let row = text
        .lines()
        .map(|l| &l[..l.find("││").unwrap_or(l.len())])
        .find(|left| left.starts_with('│') && left.contains("Contoso Notes"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(row.matches('✓').count(), 1, "✓ is the approval only: {row}");
    assert!(row.contains("certified"), "{row}");
    assert!(
        !text.contains("✓ ✓"),
        "was approval and certification: {text}"
    );
    // Long or, where the list is narrow, short: the count says it counts application permissions.
    assert!(
        text.contains("2 perms · 1 appl.") || text.contains("2 · 1 appl."),
        "{text}"
    );
    assert!(
        text.contains("│ - Fabrikam Tasks"),
        "no permission: the `-` marker, not the unknown tier's `·`: {text}"
    );
    s.update(Action::OpenHelp);
    // Tall enough for the whole help: the legend sits between this view's keys and the others'.
    let help = screen(&draw(&mut s, 100, 200));
    assert!(
        help.contains("N perms · M appl.: M of N are application permissions"),
        "{help}"
    );
    let line_of = |text: &str| {
        help.lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text}: {help}"))
            .to_string()
    };
    assert!(line_of("requests no permission").contains(" - "), "{help}");
    assert!(line_of("your review: approved").contains('✓'), "{help}");
    assert!(!line_of("Microsoft 365 certified").contains('✓'), "{help}");
}
