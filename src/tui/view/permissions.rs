//! One line of the permissions tab: a registration group header or a permission.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::App;
use crate::text::display_width;
use crate::tui::state::State;
use crate::tui::state::items::{Item, PermGroup, find_ci};
use crate::tui::strings;

use super::tenant_marks;
use super::text::{fit, fit_plain, safe};

const KIND_WIDTH: usize = 11;
const INDENT: usize = 2;

/// The permission column: as wide as the longest name, within 12 columns and 45% of the tab.
fn name_width(state: &State, app: &App, width: usize) -> usize {
    // The tenant's undeclared grants are listed in the same columns.
    let undeclared = state.undeclared_grants();
    let longest = app
        .permissions
        .iter()
        .map(|p| display_width(&safe(&p.name)))
        .chain(undeclared.iter().map(|g| display_width(&safe(&g.name))))
        .max()
        .unwrap_or(0);
    let cap = (width.saturating_sub(INDENT) * 9 / 20).max(1);
    longest
        .max(strings::PERMISSION.len())
        .clamp(12.min(cap), cap)
}

pub fn column_header(state: &State, app: &App, width: usize) -> Line<'static> {
    let style = state.ui.theme.column_header;
    let nw = name_width(state, app, width);
    let mut spans = vec![Span::raw(" ".repeat(INDENT.min(width)))];
    spans.extend(fit_plain(strings::PERMISSION, nw, style, true));
    spans.push(Span::raw(" "));
    spans.extend(fit_plain(strings::KIND, KIND_WIDTH, style, true));
    spans.push(Span::raw(" "));
    let tw = tenant_width(state);
    if tw > 0 {
        spans.extend(fit_plain(strings::IN_TENANT, tw - 1, style, true));
        spans.push(Span::raw(" "));
    }
    spans.extend(fit_plain(
        strings::JUSTIFICATION,
        width.saturating_sub(INDENT + nw + KIND_WIDTH + 2 + tw),
        style,
        false,
    ));
    Line::from(spans)
}

pub fn line(
    state: &State,
    app: &App,
    groups: &[PermGroup],
    item: Item,
    width: usize,
    filter: &str,
) -> Line<'static> {
    let theme = &state.ui.theme;
    let hl = theme.match_highlight;
    let highlighted = |text: &str, w: usize, style: Style, pad: bool| {
        let indices = find_ci(text, filter).unwrap_or_default();
        fit(text, w, style, &indices, hl, pad)
    };
    match item {
        Item::Group(g) => {
            let Some(group) = groups.get(g) else {
                return Line::default();
            };
            let collapsed = state.ui.collapsed.contains(&group.key());
            let marker = if collapsed { "▸ " } else { "▾ " };
            let guid = group
                .registration
                .as_deref()
                .map(safe)
                .unwrap_or_else(|| strings::NO_REGISTRATION.to_string());
            let mut spans = fit_plain(marker, width.min(2), theme.group_header, false);
            spans.extend(highlighted(
                &guid,
                width.saturating_sub(2),
                theme.group_header,
                false,
            ));
            Line::from(spans)
        }
        Item::GroupInfo(g) => {
            let Some(group) = groups.get(g) else {
                return Line::default();
            };
            let mut spans = vec![Span::raw(" ".repeat(INDENT.min(width)))];
            let mut left = width.saturating_sub(INDENT);
            let counts = strings::group_counts(group.perms.len(), group.application);
            let cw = display_width(&counts).min(left);
            spans.extend(fit_plain(&counts, cw, theme.dim, false));
            left -= cw;
            if let (Some(reg), Some(app_i)) = (&group.registration, state.current_app_index()) {
                let others = state.workspace.index.apps_with_registration(reg, app_i);
                let (text, style) = if others.is_empty() {
                    (format!(" · {}", strings::NOT_SHARED), theme.dim)
                } else {
                    let names: Vec<String> = others
                        .iter()
                        .map(|&i| safe(&state.workspace.catalog.apps[i].name))
                        .collect();
                    (
                        format!(" · {} {}", strings::ALSO_USED_BY, names.join(", ")),
                        theme.warning,
                    )
                };
                let cw = display_width(&text).min(left);
                spans.extend(fit_plain(&text, cw, style, false));
                left -= cw;
                if let Some(holder) = tenant_marks::holder(state, app_i, reg) {
                    spans.extend(fit_plain(&holder, left, theme.key, false));
                }
            }
            Line::from(spans)
        }
        Item::Perm(p, _) => {
            let Some(perm) = app.permissions.get(p) else {
                return Line::default();
            };
            let nw = name_width(state, app, width);
            // The indent carries the permission's risk tier as a colored letter.
            let tier = state.workspace.risk.rate(&perm.name, perm.kind).tier;
            let mut spans = if width >= INDENT {
                vec![
                    Span::styled(strings::tier_letter(tier), theme.risk(tier)),
                    Span::raw(" ".repeat(INDENT - 1)),
                ]
            } else {
                vec![Span::raw(" ".repeat(width))]
            };
            spans.extend(highlighted(&safe(&perm.name), nw, Style::new(), true));
            spans.push(Span::raw(" "));
            let kind = strings::kind(perm.kind);
            spans.extend(highlighted(kind, KIND_WIDTH, theme.kind(perm.kind), true));
            spans.push(Span::raw(" "));
            let tw = tenant_width(state);
            if let Some(app_i) = state.current_app_index().filter(|_| tw > 0) {
                spans.extend(tenant_marks::permission_mark(state, app_i, app, p));
                spans.push(Span::raw(" "));
            }
            let jw = width.saturating_sub(INDENT + nw + KIND_WIDTH + 2 + tw);
            spans.extend(highlighted(
                &safe(&perm.justification),
                jw,
                Style::new(),
                false,
            ));
            Line::from(spans)
        }
        Item::UndeclaredHeader => {
            tenant_marks::undeclared_header(state, state.undeclared_grants().len(), width)
        }
        Item::Undeclared(i) => match state.undeclared_grants().get(i) {
            Some(g) => tenant_marks::undeclared_line(
                state,
                g,
                name_width(state, app, width),
                KIND_WIDTH,
                width,
            ),
            None => Line::default(),
        },
        _ => Line::default(),
    }
}

/// The tenant column's width with its gap: only for an app the tenant has.
fn tenant_width(state: &State) -> usize {
    state
        .current_app_index()
        .filter(|&a| tenant_marks::shows_marks(state, a))
        .map_or(0, |_| tenant_marks::MARK_WIDTH + 1)
}
