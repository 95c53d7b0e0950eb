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

#[test]
fn hostile_names_in_the_export_reach_no_cell_as_control_characters() {
    use attest_tui::tenant::ExportBuilder;
    use attest_tui::tui::{State, Theme};
    use attest_tui::workspace::Workspace;
    let text = r#"{"value": [
      {"id": "9f1c0e52-7a11-4a3c-9d10-000000000010", "appId": "341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
       "displayName": "Evil\u001b]52;c;aGk=\u0007 Bot\u202e", "publisherName": "\u001b[2Jpwn\r\nx"},
      {"id": "9f1c0e52-7a11-4a3c-9d10-000000000011", "appId": "c0ffee00-1234-4abc-8def-0123456789ab",
       "displayName": "\u009b31mShadow"}
    ]}"#;
    let mut b = ExportBuilder::default();
    b.read_text(text, std::path::Path::new("sps.json")).unwrap();
    let grants = r#"[{"clientId": "9f1c0e52-7a11-4a3c-9d10-000000000010", "consentType": "AllPrincipals",
       "resourceName": "Graph", "scope": "Mail.Read\u001b[5m Files.Read\u0000All"}]"#;
    b.read_text(grants, std::path::Path::new("grants.json"))
        .unwrap();
    let mut ws = Workspace::in_memory(crate::support::tui::fixture(), "tui_catalog.json");
    ws.set_tenant(b.finish());
    let mut s = State::from_workspace(ws).with_theme(Theme::color());
    apply(&mut s, [Action::CloseOverlay]); // any warnings popup
    for actions in [
        vec![Action::OpenTenant],
        vec![Action::Right, Action::Bottom],
        vec![Action::Activate],
    ] {
        apply(&mut s, actions);
        for (w, h) in [(80, 24), (200, 50)] {
            let buf = draw(&mut s, w, h);
            for cell in buf.content() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|c| c.is_control() || attest_tui::text::is_unsafe_char(c)),
                    "{:?} in\n{}",
                    cell.symbol(),
                    screen(&buf)
                );
            }
        }
    }
}
