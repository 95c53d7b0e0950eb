//! What the tenant export adds to the list and the Permissions tab: the "in tenant" mark of an
//! app, and each permission marked granted, not granted, or (listed after the app's own)
//! granted but undeclared.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::App;
use crate::tenant::PermissionMark;
use crate::tui::state::State;
use crate::tui::strings;

use super::text::{fit_plain, safe};

/// Width of the Permissions tab's tenant column ("not granted").
pub const MARK_WIDTH: usize = 11;

/// The list's mark for an app the tenant has a service principal for: in the color of its worst
/// undeclared grant when it has one. A blank when it has none (or there is no tenant).
pub fn list_mark(state: &State, app: usize) -> Span<'static> {
    let Some(tenant) = state.workspace.tenant.as_ref() else {
        return Span::raw(" ");
    };
    if !tenant.in_tenant(app) {
        return Span::raw(" ");
    }
    let worst = tenant
        .tenant_apps(app)
        .filter_map(|t| t.worst_undeclared())
        .max();
    let style = worst.map_or(state.ui.theme.key, |t| state.ui.theme.risk(t));
    Span::styled(strings::IN_TENANT_GLYPH, style)
}

/// Whether the Permissions tab of `app` shows the tenant column: the tenant has it.
pub fn shows_marks(state: &State, app: usize) -> bool {
    state
        .workspace
        .tenant
        .as_ref()
        .is_some_and(|t| t.in_tenant(app))
}

/// The tenant column of one declared permission: granted, not granted, or blank when its
/// registration is not in the tenant.
pub fn permission_mark(state: &State, app_i: usize, app: &App, perm: usize) -> Vec<Span<'static>> {
    let theme = &state.ui.theme;
    let mark = state
        .workspace
        .tenant
        .as_ref()
        .zip(app.permissions.get(perm))
        .and_then(|(t, p)| t.mark_of(app_i, p));
    let (text, style) = match mark {
        Some(PermissionMark::Granted) => (strings::GRANTED, theme.answer_yes),
        Some(PermissionMark::NotGranted) => (strings::NOT_GRANTED, theme.dim),
        None => ("", Style::new()),
    };
    fit_plain(text, MARK_WIDTH, style, true)
}

/// The heading of the undeclared grants, after the app's own groups.
pub fn undeclared_header(state: &State, count: usize, width: usize) -> Line<'static> {
    let text = format!("▾ {} ({count})", strings::UNDECLARED_IN_TENANT);
    Line::from(fit_plain(&text, width, state.ui.theme.message_error, false))
}

/// One undeclared grant: tier letter, name, kind, consent, "UNDECLARED".
pub fn undeclared_line(
    state: &State,
    grant: &crate::tenant::GrantedPermission,
    name_w: usize,
    kind_w: usize,
    width: usize,
) -> Line<'static> {
    let theme = &state.ui.theme;
    let mut spans = vec![
        Span::styled(strings::tier_letter(grant.tier), theme.risk(grant.tier)),
        Span::raw(" "),
    ];
    spans.extend(fit_plain(&safe(&grant.name), name_w, Style::new(), true));
    spans.push(Span::raw(" "));
    spans.extend(fit_plain(
        strings::kind(grant.kind),
        kind_w,
        theme.kind(grant.kind),
        true,
    ));
    spans.push(Span::raw(" "));
    spans.extend(fit_plain(
        strings::UNDECLARED,
        MARK_WIDTH,
        theme.risk(grant.tier),
        true,
    ));
    spans.push(Span::raw(" "));
    let used = 2 + name_w + 1 + kind_w + 1 + MARK_WIDTH + 1;
    let rest = format!("{} · {}", grant.consent, safe(&grant.resource));
    spans.extend(fit_plain(
        &rest,
        width.saturating_sub(used),
        theme.dim,
        false,
    ));
    Line::from(spans)
}

/// " · in tenant as NAME" for a registration a service principal of the tenant holds.
pub fn holder(state: &State, app: usize, registration: &str) -> Option<String> {
    let reg = crate::tenant::Guid::parse(registration)?;
    let sp = state
        .workspace
        .tenant
        .as_ref()?
        .tenant_apps(app)
        .find(|t| t.app_id == Some(reg))?;
    let name = if sp.display_name.trim().is_empty() {
        sp.object_id.to_string()
    } else {
        safe(&sp.display_name)
    };
    Some(format!(" · {} {name}", strings::IN_TENANT_AS))
}
