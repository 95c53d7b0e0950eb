//! The tenant view and the tenant marks drawn: snapshots at 80×24 and 200×50, and the colors
//! that carry meaning (an undeclared critical grant in the critical style).

use crate::support::tenant_tui;
use crate::support::tui::{apply, draw, screen, state as bare_state};
use attest_tui::tui::Action;
use attest_tui::tui::state::TabKey;
use insta::assert_snapshot;

fn permissions_tab(s: &mut attest_tui::tui::State) {
    let tab = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Permissions)
        .unwrap();
    apply(s, [Action::Right, Action::SelectTab(tab)]);
}

#[test]
fn tenant_view_at_80x24() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::OpenTenant]);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn tenant_view_findings_at_200x50() {
    let mut s = tenant_tui::state();
    apply(
        &mut s,
        [Action::OpenTenant, Action::MoveDown, Action::Right],
    );
    assert_snapshot!(screen(&draw(&mut s, 200, 50)));
}

#[test]
fn tenant_view_without_a_tenant_says_how_to_give_one_at_80x24() {
    let mut s = bare_state();
    apply(&mut s, [Action::OpenTenant]);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("--tenant PATH"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn permissions_tab_marks_granted_not_granted_and_undeclared_at_80x24() {
    let mut s = tenant_tui::state();
    permissions_tab(&mut s);
    apply(&mut s, [Action::Bottom]);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn permissions_tab_with_the_tenant_at_200x50() {
    let mut s = tenant_tui::state();
    permissions_tab(&mut s);
    assert_snapshot!(screen(&draw(&mut s, 200, 50)));
}

#[test]
fn an_undeclared_critical_grant_is_drawn_in_the_critical_style() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::OpenTenant]);
    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("UNDECLARED"))
        .expect("an undeclared finding");
    // No wide character precedes it on that line, so its char position is its column.
    let col = line[..line.find("UNDECLARED").unwrap()].chars().count();
    let critical = s.ui.theme.risk_critical.fg;
    assert_eq!(buf[(col as u16, y as u16)].fg, critical.unwrap());
    // The list's in-tenant mark of 联系人中心 takes the color of its worst undeclared grant.
    apply(&mut s, [Action::CloseOverlay]);
    let buf = draw(&mut s, 80, 24);
    assert_eq!(buf[(2, 2)].symbol(), "⌂");
    assert_eq!(buf[(2, 2)].fg, critical.unwrap());
}
