//! Text and Markdown renderings of a comparison of two Chinese pages.

use crate::support::apps::{contact_center, popp, zone};
use attest_tui::compare::{DEFAULT_WIDTH, MIN_WIDTH, compare_apps, render_markdown, render_text};
use attest_tui::model::App;
use attest_tui::text::{display_width, is_unsafe_char};
use proptest::prelude::*;
use unicode_width::UnicodeWidthChar;

fn text(width: usize, only_diff: bool) -> String {
    render_text(&compare_apps(&popp(), &contact_center()), width, only_diff)
}

/// The character whose cell starts at display column `col`, if one does.
fn char_at_column(line: &str, col: usize) -> Option<char> {
    let mut at = 0;
    for c in line.chars() {
        if at == col {
            return Some(c);
        }
        at += c.width().unwrap_or(0);
        if at > col {
            return None;
        }
    }
    None
}

#[test]
fn every_text_line_has_the_asked_width_with_chinese_text() {
    for width in [DEFAULT_WIDTH, 72, 57, MIN_WIDTH] {
        let out = text(width, false);
        for (n, line) in out.lines().enumerate() {
            assert_eq!(
                display_width(line),
                width,
                "width {width}, line {n}: {line:?}"
            );
        }
    }
}

#[test]
fn narrower_than_the_minimum_renders_at_the_minimum() {
    for line in text(10, false).lines() {
        assert_eq!(display_width(line), MIN_WIDTH, "{line:?}");
    }
}

#[test]
fn the_right_column_starts_at_one_column_on_every_two_column_line() {
    // 100 columns: a 3-column marker, 47 for A, " | ", 47 for B.
    let out = text(DEFAULT_WIDTH, false);
    let answer_lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("联系人中心") || l.contains("美国东部") || l.contains("混合"))
        .collect();
    assert!(answer_lines.len() >= 4, "{answer_lines:#?}");
    for line in answer_lines {
        assert_eq!(char_at_column(line, 51), Some('|'), "{line:?}");
    }
}

#[test]
fn rows_carry_their_marker_and_missing_zones_say_not_provided() {
    let out = text(DEFAULT_WIDTH, false);
    let line_with = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}"))
    };
    assert!(line_with("应用名称").starts_with("!= "));
    assert!(line_with("应用使用哪些托管云提供商").starts_with("=  "));
    assert!(line_with("应用的核心功能").starts_with("<  "));
    assert!(line_with("用于运行应用的托管环境").starts_with(">  "));
    assert_eq!(out.matches("(not provided)").count(), 2);
    assert!(out.contains("(unanswered)"));
}

#[test]
fn text_is_sanitized_and_wrapped_not_cut() {
    let out = text(MIN_WIDTH, false);
    assert!(!out.chars().any(|c| c != '\n' && is_unsafe_char(c)));
    assert!(
        !out.contains('…'),
        "answers wrap instead of being truncated"
    );
    let joined: String = out.lines().flat_map(|l| l.split_whitespace()).collect();
    assert!(
        joined.contains("MaxUC"),
        "long answers survive wrapping whole"
    );
    assert!(joined.contains("Teams进行呼叫"));
}

#[test]
fn text_only_differences_hides_same_rows_and_shared_permissions() {
    let out = text(DEFAULT_WIDTH, true);
    assert!(!out.contains("应用使用哪些托管云提供商"));
    assert!(!out.contains("In both"));
    assert!(out.contains("应用名称"));
    assert!(out.contains("Only differences are shown (2 same rows hidden)."));
}

#[test]
fn text_says_when_rows_are_paired_by_position() {
    let mut b = contact_center();
    b.language = "en-US".into();
    let out = render_text(&compare_apps(&popp(), &b), DEFAULT_WIDTH, false);
    assert!(out.contains("different languages (zh-CN / en-US)"));
    assert!(out.contains("Rows paired by position: the languages differ."));
}

fn markdown(only_diff: bool) -> String {
    render_markdown(&compare_apps(&popp(), &contact_center()), only_diff)
}

/// Cell separators: `|` not preceded by a backslash.
fn unescaped_pipes(line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    (0..chars.len())
        .filter(|&i| chars[i] == '|' && (i == 0 || chars[i - 1] != '\\'))
        .count()
}

#[test]
fn markdown_escapes_pipes_so_cells_stay_put() {
    let md = markdown(false);
    let row = md
        .lines()
        .find(|l| l.contains("数据存储在哪里"))
        .expect("row");
    assert!(row.contains(r"Azure \| 美国东部"), "{row}");
    assert_eq!(unescaped_pipes(row), 5, "four cells: {row}");
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = unescaped_pipes(line);
        assert!(cells == 4 || cells == 5, "{line}");
    }
}

#[test]
fn markdown_is_sanitized_and_escapes_other_syntax() {
    let md = markdown(false);
    assert!(!md.chars().any(|c| c != '\n' && is_unsafe_char(c)));
    assert!(
        md.contains(r"\[31m"),
        "a bracket in an answer cannot start a link"
    );
}

#[test]
fn markdown_has_a_table_per_zone_and_permission_lists() {
    let md = markdown(false);
    for heading in [
        "## 一般信息 (general)",
        "## 应用如何处理数据 (data)",
        "## 合规性 (compliance)",
        "## 标识信息 (zerotrust)",
        "## Permissions",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert_eq!(md.matches("| Status | Question | A | B |").count(), 4);
    assert!(md.contains("*Not provided by B.*"));
    assert!(md.contains("*Not provided by A.*"));
    assert!(md.contains("- Mail.Read (application) **APP** — B has it as delegated"));
    assert!(md.contains("- Presence.Read.All (application) **APP**"));
    assert!(md.contains("**In both (2)**"));
    assert!(md.contains("(shared)"));
}

#[test]
fn markdown_only_differences_drops_same_rows() {
    let md = markdown(true);
    assert!(!md.contains("| same |"));
    assert!(!md.contains("**In both"));
    assert!(md.contains("| **different** | 应用名称 |"));
}

fn app_with(text: &str, language: &str) -> App {
    App {
        name: text.into(),
        publisher: text.into(),
        language: language.into(),
        zones: vec![zone("general", text, &[(text, text), ("固定", text)])],
        ..App::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the catalog holds, and however narrow the terminal, every line of the text
    /// rendering is exactly as wide as asked and nothing unsafe reaches it.
    #[test]
    fn arbitrary_text_never_breaks_the_columns(
        a in "\\PC{0,60}|[\\x00-\\x7f一-龥]{0,60}",
        b in "\\PC{0,60}",
        width in 0usize..140,
    ) {
        let c = compare_apps(&app_with(&a, "zh-CN"), &app_with(&b, ""));
        let out = render_text(&c, width, false);
        let want = width.max(MIN_WIDTH);
        for line in out.lines() {
            prop_assert_eq!(display_width(line), want, "{:?}", line);
            prop_assert!(!line.chars().any(is_unsafe_char), "{:?}", line);
        }
        let md = render_markdown(&c, false);
        prop_assert!(!md.chars().any(|ch| ch != '\n' && is_unsafe_char(ch)));
    }
}
