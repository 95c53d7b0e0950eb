//! Render tests: the screen drawn into a TestBackend, compared with insta snapshots, and
//! explicit style checks where color carries meaning.

use crate::support::tui::*;
use attest_tui::model::{App, Block, Catalog, Permission, PermissionKind, Row, Zone};
use attest_tui::tui::state::{Item, TabKey};
use attest_tui::tui::{Action, State, Theme};
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn find(buf: &Buffer, symbol: &str, from_x: u16) -> Option<(u16, u16)> {
    let a = buf.area;
    (0..a.height)
        .flat_map(|y| (from_x..a.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == symbol)
}

/// First cell of `text` on screen, searching rows right of the list pane.
fn find_text(buf: &Buffer, text: &str, from_x: u16) -> Option<(u16, u16)> {
    find_text_in(buf, text, from_x, buf.area.width)
}

fn find_text_in(buf: &Buffer, text: &str, from_x: u16, to_x: u16) -> Option<(u16, u16)> {
    let first: String = text.chars().next()?.to_string();
    let a = buf.area;
    for y in 1..a.height {
        for x in from_x..to_x.min(a.width) {
            if buf[(x, y)].symbol() != first {
                continue;
            }
            let mut cx = x;
            let mut ok = true;
            for c in text.chars() {
                if cx >= a.width || buf[(cx, y)].symbol() != c.to_string() {
                    ok = false;
                    break;
                }
                cx += unicode_width::UnicodeWidthChar::width(c)
                    .unwrap_or(1)
                    .max(1) as u16;
            }
            if ok {
                return Some((x, y));
            }
        }
    }
    None
}

fn open_tab(s: &mut State, key: TabKey) {
    let i = s.tabs().iter().position(|t| t.key == key).unwrap();
    apply(s, [Action::Right, Action::SelectTab(i)]);
}

#[test]
fn list_and_first_tab_at_80x24() {
    let mut s = state();
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn data_tab_with_colored_answers_at_80x24() {
    let mut s = state();
    open_tab(&mut s, TabKey::Zone("data".into()));
    s.update(Action::MoveDown);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn certification_rows_are_indented_by_level() {
    let mut s = state();
    open_tab(&mut s, TabKey::Zone("certification".into()));
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    assert!(text.contains("└ 恶意软件防护"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn permissions_tab_shows_the_four_registrations_at_80x24() {
    let mut s = state();
    open_tab(&mut s, TabKey::Permissions);
    let text = screen(&draw(&mut s, 80, 24));
    for guid in [
        "05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
        "341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
        "3a08b250-02ce-4316-94f7-069f4ae0c41b",
        "c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8",
    ] {
        assert!(text.contains(guid), "{guid} missing:\n{text}");
    }
    assert!(text.contains("shared with Contoso"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn wide_screen_at_160x45() {
    let mut s = state();
    open_tab(&mut s, TabKey::Permissions);
    assert_snapshot!(screen(&draw(&mut s, 160, 45)));
}

#[test]
fn row_popup_shows_the_whole_answer() {
    let mut s = state();
    open_tab(&mut s, TabKey::Zone("data".into()));
    apply(
        &mut s,
        [
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::Activate,
        ],
    );
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("备份保留 30 天后自动删除。"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn permission_popup_lists_other_apps() {
    let mut s = state();
    open_tab(&mut s, TabKey::Permissions);
    let pos = s
        .items()
        .iter()
        .position(|i| matches!(i, Item::Perm(p, _) if s.current_app().unwrap().permissions[*p].name == "Mail.Send"))
        .unwrap();
    apply(&mut s, [Action::ClickRow(pos), Action::Activate]);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(
        text.contains("Other apps requesting this permission (1)"),
        "{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn help_overlay_is_generated_from_the_key_table() {
    let mut s = state();
    s.update(Action::OpenHelp);
    // Tall enough for the whole App list section (the help scrolls below it).
    let text = screen(&draw(&mut s, 80, 60));
    for (keys, help) in s.ui.keymap.help(attest_tui::tui::Mode::List) {
        assert!(text.contains(help), "help for {keys} missing");
    }
    assert!(text.contains("1–9"), "digit bindings are merged: {text}");
    assert_snapshot!(text);
}

#[test]
fn footer_hints_follow_the_mode() {
    let mut s = state();
    let list = screen(&draw(&mut s, 100, 24));
    assert!(list.lines().last().unwrap().contains("/ search"));
    apply(&mut s, [Action::StartSearch]);
    let search = screen(&draw(&mut s, 100, 24));
    assert!(
        search.lines().last().unwrap().contains("Enter keep"),
        "{search}"
    );
}

#[test]
fn search_highlights_matched_characters_of_the_name() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "notes");
    let buf = draw(&mut s, 80, 24);
    assert_snapshot!(screen(&buf));
    let (x, y) = find_text_in(&buf, "Contoso Notes", 0, 32).expect("name shown in the list");
    let n = buf[(x + 8, y)].clone();
    assert_eq!(n.symbol(), "N");
    assert_eq!(n.fg, Color::Yellow, "matched character is highlighted");
    assert_ne!(buf[(x, y)].fg, Color::Yellow, "unmatched character is not");
}

#[test]
fn tab_filter_highlights_matches() {
    let mut s = state();
    open_tab(&mut s, TabKey::Zone("data".into()));
    s.update(Action::StartSearch);
    type_text(&mut s, "第三方");
    let buf = draw(&mut s, 80, 24);
    let (x, y) = find_text(&buf, "第三方", 32).expect("match shown");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    assert_snapshot!(screen(&buf));
}

#[test]
fn too_small_terminal_shows_a_message() {
    let mut s = state();
    let text = screen(&draw(&mut s, 20, 5));
    assert!(text.contains("Terminal too small"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn degenerate_sizes_do_not_panic() {
    let mut s = state();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 10),
        (10, 0),
        (39, 9),
        (40, 10),
        (41, 11),
        (300, 100),
    ] {
        draw(&mut s, w, h);
    }
}

#[test]
fn answers_are_colored_by_meaning_and_unanswered_is_a_dim_dash() {
    let theme = Theme::color();
    let mut s = state();
    open_tab(&mut s, TabKey::Zone("data".into()));
    let buf = draw(&mut s, 80, 24);
    // The answer column starts under its header.
    let (answer_x, _) = find_text(&buf, "Answer", 32).expect("answer header");
    // "否" to "Is customer data shared with third parties?" is the reassuring answer.
    let (x, y) = find(&buf, "否", answer_x).expect("否 shown");
    assert_eq!(buf[(x, y)].fg, theme.answer_yes.fg.unwrap());
    let (x, y) = find(&buf, "是", answer_x).expect("是 shown");
    assert_eq!(buf[(x, y)].fg, theme.answer_yes.fg.unwrap());
    let (x, y) = find_text(&buf, "不适用", answer_x).expect("不适用 shown");
    assert_eq!(buf[(x, y)].fg, theme.answer_na.fg.unwrap());
    let (x, y) = find(&buf, "—", answer_x).expect("unanswered dash shown");
    assert_eq!(buf[(x, y)].fg, theme.answer_unanswered.fg.unwrap());
}

#[test]
fn application_permissions_look_different_from_delegated() {
    let mut s = state();
    open_tab(&mut s, TabKey::Permissions);
    let buf = draw(&mut s, 80, 24);
    let (ax, ay) = find_text(&buf, "Application", 32).unwrap();
    let (dx, dy) = find_text(&buf, "Delegated", 32).unwrap();
    let (a, d) = (&buf[(ax, ay)], &buf[(dx, dy)]);
    assert_eq!(a.fg, Theme::color().kind_application.fg.unwrap());
    assert_ne!((a.fg, a.modifier), (d.fg, d.modifier));
    let (x, y) = find_text_in(&buf, "4 app", 0, 32).expect("app count in the list");
    assert_eq!(buf[(x, y)].fg, Theme::color().kind_application.fg.unwrap());
    // Without application permissions the narrow list says only how many there are.
    let (x, y) = find_text_in(&buf, " perms ", 0, 32).expect("a count without app ones");
    assert_eq!(buf[(x, y)].fg, Theme::color().dim.fg.unwrap());

    let mut s = state().with_theme(Theme::no_color());
    open_tab(&mut s, TabKey::Permissions);
    let buf = draw(&mut s, 80, 24);
    let (ax, ay) = find_text(&buf, "Application", 32).unwrap();
    let (dx, dy) = find_text(&buf, "Delegated", 32).unwrap();
    assert_ne!(
        buf[(ax, ay)].modifier,
        buf[(dx, dy)].modifier,
        "still distinct without color"
    );
}

#[test]
fn no_color_theme_uses_no_color() {
    let mut s = state().with_theme(Theme::no_color());
    for actions in [
        vec![],
        vec![Action::Right, Action::SelectTab(1)],
        vec![Action::OpenHelp],
    ] {
        apply(&mut s, actions);
        let buf = draw(&mut s, 100, 30);
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    }
}

fn cjk_catalog() -> Catalog {
    let long = "非常长的中文问题文本用于测试宽字符截断是否正确对齐每一列";
    let app = |i: usize| App {
        id: format!("WA{i:09}"),
        name: format!("应用程序名称很长的测试应用{i}号"),
        publisher: "株式会社テスト発行者".into(),
        zones: vec![Zone {
            pivot: "general".into(),
            title: "一般情報タブ".into(),
            blocks: vec![
                Block::Row(Row::new(long, "否", 0)),
                Block::Row(Row::new("短い", long, 1)),
                Block::Row(Row::new("a联b系c人d中e心f", "是", 0)),
            ],
        }],
        permissions: vec![Permission {
            name: "ユーザー.読み取り.すべて".into(),
            kind: PermissionKind::Application,
            justification: long.into(),
            registration: Some("05c3e7fe-59c1-4d68-b334-336aa7ed4b64".into()),
            resource: "Microsoft Graph".into(),
            ..Permission::default()
        }],
        ..App::default()
    };
    Catalog {
        apps: (0..30).map(app).collect(),
        ..Catalog::default()
    }
}

/// Every row's right border sits in the last column: no wide character pushed it out.
fn assert_borders_align(buf: &Buffer) {
    let a = buf.area;
    for y in 0..a.height.saturating_sub(2) {
        let sym = buf[(a.width - 1, y)].symbol();
        assert!(
            ["│", "┐", "┘"].contains(&sym),
            "row {y} ends in {sym:?}:\n{}",
            screen(buf)
        );
    }
}

#[test]
fn cjk_text_aligns_and_truncates_with_ellipsis() {
    let mut s = State::new(cjk_catalog(), "cjk.json").with_theme(Theme::color());
    for w in [61, 80, 81, 97] {
        let buf = draw(&mut s, w, 20);
        assert_borders_align(&buf);
    }
    apply(&mut s, [Action::Right]);
    let buf = draw(&mut s, 81, 20);
    assert_borders_align(&buf);
    let text = screen(&buf);
    assert!(text.contains('…'), "{text}");
    assert_snapshot!(text);
    apply(&mut s, [Action::SelectTab(1)]);
    let buf = draw(&mut s, 81, 20);
    assert_borders_align(&buf);
    assert_snapshot!("cjk_permissions", screen(&buf));
}

#[test]
fn hundred_thousand_apps_render_only_what_is_visible() {
    let catalog = Catalog {
        apps: (0..100_000)
            .map(|i| App {
                id: format!("WA{i:09}"),
                name: format!("App {i}"),
                ..App::default()
            })
            .collect(),
        ..Catalog::default()
    };
    let mut s = State::new(catalog, "big").with_theme(Theme::color());
    apply(&mut s, [Action::Bottom]);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("App 99999"), "{text}");
    assert!(text.contains("100000/100000"), "{text}");
}

#[test]
fn the_selected_row_is_highlighted_only_in_the_focused_pane() {
    let theme = Theme::color();
    let mut s = state();
    let buf = draw(&mut s, 80, 24);
    // First cells of a row: wide characters' continuation cells never reach the backend.
    let (dx, dy) = (s.ui.layout.detail.x, s.ui.layout.detail.y);
    let lx = s.ui.layout.list.x + 1;
    // The selection is reverse video.
    let sel = theme.selected.add_modifier;
    assert!(!buf[(dx, dy)].modifier.contains(sel), "detail not focused");
    assert!(
        buf[(lx, s.ui.layout.list.y)].modifier.contains(sel),
        "list focused"
    );
    s.update(Action::Right);
    let buf = draw(&mut s, 80, 24);
    assert!(buf[(dx, dy)].modifier.contains(sel));
    assert!(!buf[(lx, s.ui.layout.list.y)].modifier.contains(sel));
}

#[test]
fn escape_sequences_and_bidi_overrides_in_catalog_text_are_shown_inert() {
    let evil = App {
        id: "WA\u{1b}[2J1".into(),
        name: "Evil\u{1b}[31mApp\u{202E}txt.exe".into(),
        publisher: "Pub\u{9b}2J\u{0}lisher\tInc".into(),
        zones: vec![Zone {
            pivot: "general".into(),
            title: "Gen\u{1b}]0;pwned\u{7}eral".into(),
            blocks: vec![Block::Row(Row::new(
                "Q\u{200B}uestion\n2",
                "Yes\u{1b}[0m",
                0,
            ))],
        }],
        ..App::default()
    };
    let mut s = State::new(
        Catalog {
            apps: vec![evil],
            ..Catalog::default()
        },
        "evil\u{1b}[5m.json",
    )
    .with_theme(Theme::color());
    let buf = draw(&mut s, 100, 20);
    let text = screen(&buf);
    assert!(text.contains("Evil[31mApptxt.exe"), "{text}");
    assert!(text.contains("Pub2Jlisher Inc"), "{text}");
    assert!(text.contains("Question 2"), "{text}");
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(attest_tui::text::is_unsafe_char),
            "{cell:?}"
        );
    }
}
