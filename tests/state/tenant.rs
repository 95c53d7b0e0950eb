//! The tenant view and the tenant marks through `State::update`: the service principals worst
//! first, Enter to the matched app, the findings column, the Permissions tab's undeclared
//! grants. The export is the one `support::tenant_tui` writes.

use crate::support::tenant_tui::{self, BOT_APP_ID};
use crate::support::tui::{apply, state as bare_state, type_text};
use attest_tui::tui::effects::Effect;
use attest_tui::tui::state::layers::Finding;
use attest_tui::tui::state::{Focus, Item, Layer, Popup, State, TabKey, TenantView};
use attest_tui::tui::{Action, Mode};

fn view(s: &State) -> &TenantView {
    match s.ui.layers.last() {
        Some(Layer::Tenant(v)) => v,
        other => panic!("the tenant view is not on top: {other:?}"),
    }
}

fn listed(s: &State) -> Vec<String> {
    let tenant = s.workspace.tenant.as_ref().expect("a tenant");
    view(s)
        .apps
        .iter()
        .map(|&i| tenant.report.apps[i].display_name.clone())
        .collect()
}

fn selected_name(s: &State) -> String {
    s.current_app().map(|a| a.name.clone()).unwrap_or_default()
}

#[test]
fn without_a_tenant_the_view_opens_empty_and_the_key_closes_it() {
    let mut s = bare_state();
    assert!(s.update(Action::OpenTenant));
    assert_eq!(s.mode(), Mode::Tenant);
    assert!(view(&s).apps.is_empty());
    assert!(!s.update(Action::Activate), "nothing to open");
    assert!(s.update(Action::OpenTenant));
    assert_eq!(s.mode(), Mode::List);
}

#[test]
fn the_view_lists_third_party_service_principals_worst_first() {
    let mut s = tenant_tui::state();
    s.update(Action::OpenTenant);
    assert_eq!(
        listed(&s),
        [
            "Contact Center Bot", // an undeclared critical grant
            "Contact Center",     // an undeclared high one
            "Shadow Sync",        // no attestation: everything it holds is undeclared (low)
            "Contoso Notes",
            "POPP VoIP",
        ]
    );
    let summary = &s.workspace.tenant.as_ref().unwrap().report.summary;
    assert_eq!((summary.first_party, summary.managed_identities), (2, 1));
}

#[test]
fn findings_are_the_matched_attestations_then_grants_then_what_is_not_granted() {
    let mut s = tenant_tui::state();
    s.update(Action::OpenTenant);
    let tenant = s.workspace.tenant.as_ref();
    let findings = view(&s).findings(tenant);
    assert_eq!(
        findings,
        [
            Finding::Matched(0), // 联系人中心
            Finding::Matched(1), // Contoso Notes: the registration is shared
            Finding::Granted(0),
            Finding::Granted(1),
            Finding::NotGranted(0),
        ]
    );
    let bot = view(&s).selected(tenant).unwrap();
    assert_eq!(bot.granted[0].name, "Directory.ReadWrite.All");
    assert!(!bot.granted[0].declared);
    assert_eq!(bot.not_granted[0].name, "offline_access");
}

#[test]
fn enter_opens_the_matched_app_on_its_permissions_tab() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::OpenTenant, Action::MoveDown]);
    assert!(s.update(Action::Activate));
    assert!(s.ui.layers.is_empty());
    assert_eq!(selected_name(&s), "联系人中心");
    assert_eq!(s.ui.focus, Focus::Detail);
    assert_eq!(s.current_tab().unwrap().key, TabKey::Permissions);
}

#[test]
fn enter_on_a_finding_opens_that_app_or_that_permission() {
    let mut s = tenant_tui::state();
    // The second matched attestation of Contact Center Bot.
    apply(
        &mut s,
        [
            Action::OpenTenant,
            Action::Right,
            Action::MoveDown,
            Action::Activate,
        ],
    );
    assert_eq!(selected_name(&s), "Contoso Notes");

    // Contact Center's application Contacts.ReadWrite, declared and not granted.
    apply(
        &mut s,
        [Action::OpenTenant, Action::MoveDown, Action::Right],
    );
    apply(&mut s, [Action::Bottom, Action::Activate]);
    assert_eq!(selected_name(&s), "联系人中心");
    let app = s.current_app().unwrap();
    let items = s.items();
    let at = s.current_tab_state().scroll.selected;
    let Item::Perm(p, _) = items[at] else {
        panic!("the cursor is not on a permission: {:?}", items[at]);
    };
    assert_eq!(app.permissions[p].name, "Contacts.ReadWrite");
}

#[test]
fn an_app_with_no_attestation_has_nothing_to_open() {
    let mut s = tenant_tui::state();
    apply(
        &mut s,
        [Action::OpenTenant, Action::MoveDown, Action::MoveDown],
    );
    assert_eq!(
        view(&s)
            .selected(s.workspace.tenant.as_ref())
            .unwrap()
            .display_name,
        "Shadow Sync"
    );
    assert!(!s.update(Action::Activate));
    assert_eq!(s.mode(), Mode::Tenant);
}

#[test]
fn esc_leaves_the_findings_then_closes_and_moving_the_list_resets_the_findings() {
    let mut s = tenant_tui::state();
    apply(
        &mut s,
        [Action::OpenTenant, Action::Right, Action::MoveDown],
    );
    assert!(view(&s).in_findings);
    assert_eq!(view(&s).findings.selected, 1);
    s.update(Action::IndexBack);
    assert!(!view(&s).in_findings);
    s.update(Action::MoveDown);
    assert_eq!(view(&s).findings.selected, 0);
    s.update(Action::IndexBack);
    assert!(s.ui.layers.is_empty());
}

#[test]
fn y_copies_the_application_id_or_the_permission() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::OpenTenant, Action::Copy]);
    assert_eq!(s.take_effects(), [Effect::Copy(BOT_APP_ID.to_string())]);
    apply(&mut s, [Action::Right, Action::Bottom, Action::Copy]);
    assert_eq!(
        s.take_effects(),
        [Effect::Copy("offline_access".to_string())]
    );
}

#[test]
fn the_permissions_tab_lists_the_undeclared_grants_after_the_declared_ones() {
    let mut s = tenant_tui::state();
    let tab = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Permissions)
        .unwrap();
    apply(&mut s, [Action::Right, Action::SelectTab(tab)]);
    let names: Vec<&str> = s
        .undeclared_grants()
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(names, ["Directory.ReadWrite.All", "Mail.ReadWrite"]);
    let items = s.items();
    assert_eq!(
        items[items.len() - 3..],
        [
            Item::UndeclaredHeader,
            Item::Undeclared(0),
            Item::Undeclared(1)
        ]
    );
    // Each declared permission of a registration in the tenant is granted or not.
    let tenant = s.workspace.tenant.as_ref().unwrap();
    let app = s.current_app().unwrap();
    let marks: Vec<_> = app
        .permissions
        .iter()
        .map(|p| (p.name.as_str(), tenant.mark_of(0, p)))
        .collect();
    use attest_tui::tenant::PermissionMark::{Granted, NotGranted};
    assert_eq!(marks[0], ("User.Read", Some(Granted)));
    assert_eq!(marks[2], ("Contacts.ReadWrite", Some(NotGranted)));
    assert_eq!(marks[5], ("Calendars.Read", None), "not in the tenant");

    // The tab's filter keeps the matching undeclared grants, and Enter shows one whole.
    apply(&mut s, [Action::StartSearch]);
    type_text(&mut s, "mail.readw");
    apply(&mut s, [Action::SearchAccept]);
    assert_eq!(s.items(), [Item::UndeclaredHeader, Item::Undeclared(1)]);
    apply(&mut s, [Action::Bottom, Action::Activate]);
    let Some(Popup::Text { sections, .. }) = s.popup() else {
        panic!("no popup: {:?}", s.ui.layers);
    };
    assert!(sections.iter().any(|x| x.text == "Mail.ReadWrite"));
}

#[test]
fn an_app_the_tenant_lacks_has_no_undeclared_section() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::Bottom]);
    assert_eq!(selected_name(&s), "Fabrikam Tasks");
    assert!(s.undeclared_grants().is_empty());
    let tenant = s.workspace.tenant.as_ref().unwrap();
    assert!(!tenant.in_tenant(s.current_app_index().unwrap()));
}

#[test]
fn the_mouse_wheel_moves_the_tenant_view() {
    let mut s = tenant_tui::state();
    apply(&mut s, [Action::OpenTenant, Action::ScrollList(2)]);
    assert_eq!(view(&s).rows.selected, 2);
    apply(&mut s, [Action::ScrollList(-1)]); // Contact Center: five findings
    apply(&mut s, [Action::Right, Action::ScrollDetail(1)]);
    assert_eq!(view(&s).findings.selected, 1);
}
