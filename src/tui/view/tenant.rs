//! The tenant view, over the list and detail: a summary line, the tenant's service principals
//! worst first on the left, the findings of the selected one on the right (matched
//! attestations, each grant declared or undeclared, each declared permission not granted).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::model::Certification;
use crate::tenant::{TenantApp, TenantIndex, TenantSummary};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::layers::Finding;
use crate::tui::state::scroll::visible_offset;
use crate::tui::state::{State, TenantView};
use crate::tui::strings;

use super::text::{fit_plain, put, safe, select_row};
use crate::text::wrap;

const FINDING_W: usize = 11;
const KIND_W: usize = 11;
const CONSENT_W: usize = 12;

pub fn render(
    state: &State,
    view: &TenantView,
    area: Rect,
    buf: &mut Buffer,
    layout: &mut ScreenLayout,
) {
    let theme = &state.ui.theme;
    Clear.render(area, buf);
    let tenant = state.workspace.tenant.as_ref();
    let mut title = vec![Span::styled(
        format!(" {} ", strings::TENANT_TITLE),
        theme.title,
    )];
    if let Some(t) = tenant {
        let s = &t.report.summary;
        title.push(Span::styled(
            format!(
                "· {} · {} ",
                plural(s.service_principals, "service principal"),
                plural(s.files, "file")
            ),
            theme.dim,
        ));
    }
    let inner = super::framed(Line::from(title), true, state, area, buf);
    if inner.height < 6 || inner.width < 20 {
        return;
    }
    let Some(tenant) = tenant else {
        no_tenant(state, inner, buf);
        return;
    };
    let summary = summary(state, &tenant.report.summary, inner.width as usize);
    let [summary_area, body] = Layout::vertical([
        Constraint::Length(summary.len() as u16),
        Constraint::Fill(1),
    ])
    .areas(inner);
    for (row, line) in summary_area.rows().zip(&summary) {
        put(buf, row, row.y, line);
    }
    let left_w = (body.width * 2 / 5).clamp(16, 52);
    let [left, right] = super::columns_with_rule(state, body, left_w, buf);
    let rows_h = apps_column(state, view, tenant, left, buf);
    let findings_h = findings_column(state, view, tenant, right, buf);
    // One height for both columns' paging: the smaller, so a page never skips a row.
    layout.tenant_rows = rows_h.min(findings_h.max(1));
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// What to do without a tenant export.
fn no_tenant(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = &state.ui.theme;
    let w = area.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(fit_plain(
        strings::NO_TENANT,
        w,
        theme.warning,
        false,
    ))];
    lines.push(Line::default());
    for l in wrap(strings::NO_TENANT_HOW, w) {
        lines.push(Line::from(fit_plain(&l, w, Style::new(), false)));
    }
    // A blank line above, a column either side.
    let [_, inset] = super::heading_and_rest(area.inner(Margin::new(1, 0)));
    for (row, l) in inset.rows().zip(&lines) {
        put(buf, row, row.y, l);
    }
}

/// Counts of the report: attested, certified, undeclared grants, what is counted apart. On
/// one line when it fits, else on two, broken between parts.
fn summary(state: &State, s: &TenantSummary, width: usize) -> Vec<Line<'static>> {
    let theme = &state.ui.theme;
    let warn = |n: usize, style: Style| if n > 0 { style } else { theme.dim };
    let parts: Vec<(String, Style)> = vec![
        (plural(s.apps, "app"), theme.title),
        (
            format!(" · {} attested ({} certified)", s.attested, s.certified),
            Style::new(),
        ),
        (
            format!(" · {} {}", s.no_attestation, strings::NO_ATTESTATION),
            warn(s.no_attestation, theme.warning),
        ),
        (
            format!(" · undeclared critical in {}", s.undeclared_critical),
            warn(s.undeclared_critical, theme.risk_critical),
        ),
        (
            format!(", high in {}", s.undeclared_high),
            warn(s.undeclared_high, theme.risk_high),
        ),
        (
            format!(
                " · counted apart: {} Microsoft, {} managed",
                s.first_party, s.managed_identities
            ),
            theme.dim,
        ),
    ];
    let mut lines = vec![Vec::new()];
    let mut left = width;
    for (text, style) in parts {
        let mut text = text;
        if display_width(&text) > left && lines.len() < 2 {
            lines.push(Vec::new());
            left = width;
            text = text.trim_start_matches([' ', '·', ',']).to_string();
        }
        let w = display_width(&text).min(left);
        if let Some(line) = lines.last_mut() {
            line.extend(fit_plain(&text, w, style, false));
        }
        left -= w;
    }
    lines.into_iter().map(Line::from).collect()
}

fn display_name(app: &TenantApp) -> String {
    if app.display_name.trim().is_empty() {
        strings::UNNAMED_SP.to_string()
    } else {
        safe(&app.display_name)
    }
}

/// What the list says of an app at the right: no attestation, how many undeclared grants, or
/// its certification when everything granted is declared.
fn status(state: &State, app: &TenantApp) -> (String, Style) {
    let theme = &state.ui.theme;
    let undeclared = app.undeclared().count();
    if !app.is_attested() {
        return (strings::NO_ATTESTATION.to_string(), theme.warning);
    }
    if undeclared > 0 {
        let tier = app.worst_undeclared().unwrap_or(crate::risk::Tier::Unknown);
        return (format!("{undeclared} undeclared"), theme.risk(tier));
    }
    let certified = app.matched.iter().any(|&c| {
        state
            .workspace
            .app(c)
            .is_some_and(|a| a.certification == Certification::Certified)
    });
    let cert = if certified {
        Certification::Certified
    } else {
        Certification::Attested
    };
    (
        strings::certification(cert).to_string(),
        theme.certification(cert),
    )
}

/// The tenant's apps, worst first; returns the rows the list has.
fn apps_column(
    state: &State,
    view: &TenantView,
    tenant: &TenantIndex,
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let header = format!("  {} ({})", strings::SERVICE_PRINCIPAL, view.apps.len());
    let [header_row, rows] = super::heading_and_rest(area);
    put(
        buf,
        header_row,
        header_row.y,
        &Line::from(fit_plain(&header, w, theme.column_header, false)),
    );
    let rows_h = rows.height as usize;
    let n = view.apps.len();
    if n == 0 {
        put(
            buf,
            rows,
            rows.y,
            &Line::from(fit_plain(strings::NO_TENANT_APPS, w, theme.dim, false)),
        );
        return rows_h;
    }
    let sel = view.rows.selected.min(n - 1);
    let off = visible_offset(sel, view.rows.offset, rows_h, n);
    for (row, k) in rows.rows().zip(off..n) {
        let Some(app) = tenant.report.apps.get(view.apps[k]) else {
            continue;
        };
        // The letter is the worst undeclared grant's tier; blank when every grant is declared.
        let mark = match app.worst_undeclared() {
            Some(t) => Span::styled(strings::tier_letter(t), theme.risk(t)),
            None => Span::raw(" "),
        };
        let (st, st_style) = status(state, app);
        let st_w = display_width(&st).min(w.saturating_sub(2) / 2);
        let name_w = w.saturating_sub(2 + st_w + 1);
        let mut spans = vec![mark, Span::raw(" ")];
        spans.extend(fit_plain(&display_name(app), name_w, Style::new(), true));
        spans.push(Span::raw(" "));
        spans.extend(fit_plain(&st, st_w, st_style, false));
        put(buf, row, row.y, &Line::from(spans));
        if k == sel {
            select_row(buf, row, theme, !view.in_findings);
        }
    }
    rows_h
}

/// The selected app's ids and findings; returns the rows the findings list has.
fn findings_column(
    state: &State,
    view: &TenantView,
    tenant: &TenantIndex,
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    let theme = &state.ui.theme;
    let w = area.width as usize;
    let Some(app) = view.selected(Some(tenant)) else {
        return 0;
    };
    // Name and publisher, application id, object id, then the findings under their heading.
    let [name_row, app_id_row, object_row, heading_row, rows] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let mut head = fit_plain(&display_name(app), w, theme.title, false);
    let used: usize = head.iter().map(|s| display_width(&s.content)).sum();
    if !app.publisher.is_empty() && used + 3 < w {
        head.push(Span::styled(" · ", theme.dim));
        head.extend(fit_plain(
            &safe(&app.publisher),
            w - used - 3,
            Style::new(),
            false,
        ));
    }
    put(buf, name_row, name_row.y, &Line::from(head));
    let app_id = app
        .app_id
        .map_or_else(|| strings::UNANSWERED_MARK.to_string(), |g| g.to_string());
    let mut ids = format!("app id {app_id}");
    if app.enabled == Some(false) {
        ids.push_str(" · disabled");
    }
    put(
        buf,
        app_id_row,
        app_id_row.y,
        &Line::from(fit_plain(&ids, w, theme.dim, false)),
    );
    put(
        buf,
        object_row,
        object_row.y,
        &Line::from(fit_plain(
            &format!("object {}", app.object_id),
            w,
            theme.dim,
            false,
        )),
    );
    let open = state.ui.keymap.key_for(Mode::Tenant, &Action::Activate);
    let heading = match (app.is_attested(), open) {
        (true, Some(k)) => format!("{} · {k} {}", strings::FINDINGS, strings::OPENS_IT),
        (false, _) => format!("{} · {}", strings::FINDINGS, strings::NOTHING_TO_OPEN),
        (true, None) => strings::FINDINGS.to_string(),
    };
    put(
        buf,
        heading_row,
        heading_row.y,
        &Line::from(fit_plain(&heading, w, theme.column_header, false)),
    );
    let findings = view.findings(Some(tenant));
    let rows_h = rows.height as usize;
    if findings.is_empty() || rows_h == 0 {
        return rows_h;
    }
    let sel = view.findings.selected.min(findings.len() - 1);
    let off = visible_offset(sel, view.findings.offset, rows_h, findings.len());
    for (row, (k, f)) in rows.rows().zip(findings.iter().enumerate().skip(off)) {
        put(buf, row, row.y, &finding_line(state, app, *f, w));
        if view.in_findings && k == sel {
            buf.set_style(row, theme.selected);
        }
    }
    rows_h
}

fn finding_line(state: &State, app: &TenantApp, f: Finding, w: usize) -> Line<'static> {
    let theme = &state.ui.theme;
    // Narrow columns drop the consent, then the kind: the finding and the name come first.
    let with_consent = w >= FINDING_W + 2 + 20 + KIND_W + CONSENT_W + 3;
    let with_kind = w >= FINDING_W + 2 + 16 + KIND_W + 2;
    let fixed = FINDING_W
        + 3
        + if with_kind { KIND_W + 1 } else { 0 }
        + if with_consent { CONSENT_W + 1 } else { 0 };
    // Permission names are at most ~45 columns: a wider one only pushes kind and consent away.
    let name_w = w.saturating_sub(fixed).min(46);
    let row = |label: &str,
               label_style: Style,
               tier: crate::risk::Tier,
               name: &str,
               kind: crate::model::PermissionKind,
               consent: String| {
        let mut s = fit_plain(label, FINDING_W, label_style, true);
        s.push(Span::raw(" "));
        s.push(Span::styled(strings::tier_letter(tier), theme.risk(tier)));
        s.push(Span::raw(" "));
        s.extend(fit_plain(&safe(name), name_w, Style::new(), true));
        if with_kind {
            s.push(Span::raw(" "));
            s.extend(fit_plain(
                strings::kind(kind),
                KIND_W,
                theme.kind(kind),
                true,
            ));
        }
        if with_consent {
            s.push(Span::raw(" "));
            s.extend(fit_plain(&consent, CONSENT_W, theme.dim, false));
        }
        Line::from(s)
    };
    match f {
        Finding::Matched(c) => {
            let Some(a) = state.workspace.app(c) else {
                return Line::default();
            };
            let mut s = vec![Span::styled("→ ", theme.key)];
            let cert = strings::certification(a.certification);
            let text = format!("{} · {}", safe(&a.id), safe(&a.name));
            let cw = display_width(cert);
            let tw = w.saturating_sub(2 + if cw > 0 { cw + 1 } else { 0 });
            s.extend(fit_plain(&text, tw, Style::new(), true));
            if cw > 0 {
                s.push(Span::raw(" "));
                s.extend(fit_plain(
                    cert,
                    cw,
                    theme.certification(a.certification),
                    false,
                ));
            }
            Line::from(s)
        }
        Finding::Granted(g) => {
            let Some(g) = app.granted.get(g) else {
                return Line::default();
            };
            let (label, style) = if g.declared {
                (strings::DECLARED, theme.answer_yes)
            } else {
                (
                    strings::UNDECLARED,
                    theme.risk(g.tier).add_modifier(Modifier::BOLD),
                )
            };
            row(label, style, g.tier, &g.name, g.kind, g.consent.to_string())
        }
        Finding::NotGranted(d) => {
            let Some(d) = app.not_granted.get(d) else {
                return Line::default();
            };
            row(
                strings::NOT_GRANTED,
                theme.dim,
                d.tier,
                &d.name,
                d.kind,
                String::new(),
            )
        }
    }
}
