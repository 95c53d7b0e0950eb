//! What a detail tab shows, one item a line: question rows, tables and notes of a zone, or
//! permission groups and their permissions. Filtering happens here; views only draw.

use std::collections::HashSet;

use crate::model::{App, Block, pivot_title_en};

use super::super::strings;

/// Identifies a tab across apps, so each tab keeps its filter when another app is selected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TabKey {
    Zone(String),
    Permissions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub key: TabKey,
    pub title: String,
    /// Index into `app.zones` for zone tabs.
    pub zone: Option<usize>,
}

/// The tabs of an app: one per zone in page order, then Permissions.
pub fn tabs(app: &App) -> Vec<Tab> {
    let mut out: Vec<Tab> = app
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| Tab {
            key: TabKey::Zone(z.pivot.to_string()),
            title: if z.title.trim().is_empty() {
                pivot_title_en(&z.pivot).to_string()
            } else {
                z.title.trim().to_string()
            },
            zone: Some(i),
        })
        .collect();
    out.push(Tab {
        key: TabKey::Permissions,
        title: strings::PERMISSIONS_TAB.to_string(),
        zone: None,
    });
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A question row: index of its block in the zone.
    Row(usize),
    /// The title of a table block that has one.
    TableTitle(usize),
    /// The column headers of a table block.
    TableHeader(usize),
    /// A table row: block index, row index.
    TableRow(usize, usize),
    Note(usize),
    /// A permission group header (its GUID): index into `perm_groups`.
    Group(usize),
    /// The line under a group header: counts and the other apps sharing the registration.
    GroupInfo(usize),
    /// A permission: index into `app.permissions`, and its group.
    Perm(usize, usize),
    /// The heading of the grants the tenant holds beyond what the app declares.
    UndeclaredHeader,
    /// One of them: index into `State::undeclared_grants`.
    Undeclared(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermGroup {
    /// Registration GUID, `None` for permissions the page gave no GUID for.
    pub registration: Option<String>,
    pub perms: Vec<usize>,
    pub application: usize,
}

impl PermGroup {
    /// The key a group is collapsed by.
    pub fn key(&self) -> String {
        self.registration.clone().unwrap_or_default()
    }
}

/// Permissions grouped by registration GUID in first-seen order; those without one come last.
pub fn perm_groups(app: &App) -> Vec<PermGroup> {
    let mut groups: Vec<PermGroup> = Vec::new();
    let mut none = PermGroup {
        registration: None,
        perms: Vec::new(),
        application: 0,
    };
    for (i, p) in app.permissions.iter().enumerate() {
        let group = match &p.registration {
            Some(r) => match groups
                .iter_mut()
                .position(|g| g.registration.as_deref() == Some(r.as_str()))
            {
                Some(g) => &mut groups[g],
                None => {
                    groups.push(PermGroup {
                        registration: Some(r.clone()),
                        perms: Vec::new(),
                        application: 0,
                    });
                    groups.last_mut().expect("just pushed")
                }
            },
            None => &mut none,
        };
        group.perms.push(i);
        if p.kind.is_application() {
            group.application += 1;
        }
    }
    if !none.perms.is_empty() {
        groups.push(none);
    }
    groups
}

/// Items of a zone tab that match `filter` (every item when it is empty).
pub fn zone_items(app: &App, zone: usize, filter: &str) -> Vec<Item> {
    let Some(zone) = app.zones.get(zone) else {
        return Vec::new();
    };
    let q = filter.trim();
    let hit = |s: &str| q.is_empty() || find_ci(s, q).is_some();
    let mut out = Vec::new();
    for (b, block) in zone.blocks.iter().enumerate() {
        match block {
            Block::Row(r) => {
                // The English label too: it may be what the question column shows.
                if hit(&r.question) || hit(&r.answer) || r.english_label().is_some_and(hit) {
                    out.push(Item::Row(b));
                }
            }
            Block::Table(t) => {
                // A table whose title or headers match shows whole; otherwise its matching rows.
                let whole = hit(&t.title) || t.headers.iter().any(|h| hit(h));
                let rows: Vec<usize> = (0..t.rows.len())
                    .filter(|&i| whole || t.rows[i].iter().any(|c| hit(c)))
                    .collect();
                if whole || !rows.is_empty() {
                    if !t.title.trim().is_empty() {
                        out.push(Item::TableTitle(b));
                    }
                    if !t.headers.is_empty() {
                        out.push(Item::TableHeader(b));
                    }
                    out.extend(rows.into_iter().map(|r| Item::TableRow(b, r)));
                }
            }
            Block::Note(n) => {
                if hit(&n.title) || hit(&n.text) {
                    out.push(Item::Note(b));
                }
            }
        }
    }
    out
}

/// Items of the permissions tab: each group header, then its matching permissions unless the
/// group is collapsed. A group shows when its GUID or any of its permissions matches.
pub fn perm_items(
    app: &App,
    groups: &[PermGroup],
    filter: &str,
    collapsed: &HashSet<String>,
) -> Vec<Item> {
    let q = filter.trim();
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let guid_hit =
            q.is_empty() || find_ci(group.registration.as_deref().unwrap_or(""), q).is_some();
        let perms: Vec<usize> = group
            .perms
            .iter()
            .copied()
            .filter(|&i| {
                let p = &app.permissions[i];
                guid_hit
                    || find_ci(&p.name, q).is_some()
                    || find_ci(&p.justification, q).is_some()
                    || find_ci(strings::kind(p.kind), q).is_some()
            })
            .collect();
        if perms.is_empty() && !guid_hit {
            continue;
        }
        out.push(Item::Group(g));
        out.push(Item::GroupInfo(g));
        if !collapsed.contains(&group.key()) {
            out.extend(perms.into_iter().map(|i| Item::Perm(i, g)));
        }
    }
    out
}

/// Char indices of where `query` is in `text` (empty for a blank query), as every `/` finds:
/// Unicode case folding with smart case, one typo, GUIDs in any form (`query::text_match`).
pub fn find_ci(text: &str, query: &str) -> Option<Vec<usize>> {
    match crate::query::TextQuery::new(query) {
        None => Some(Vec::new()),
        Some(q) => q.find(text).map(|h| h.indices),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ci_reports_char_positions() {
        assert_eq!(
            find_ci("Uses ENCRYPTION", "encrypt"),
            Some((5..12).collect())
        );
        assert_eq!(find_ci("联系人中心", "中心"), Some(vec![3, 4]));
        assert_eq!(
            find_ci("abc", "abcd"),
            Some(vec![0, 1, 2]),
            "one letter too many"
        );
        assert_eq!(find_ci("abc", "wxyz"), None);
        assert_eq!(find_ci("abc", " "), Some(vec![]));
        assert_eq!(find_ci("Ältere Daten", "ältere"), Some((0..6).collect()));
        assert_eq!(
            find_ci("Verschlüsselung", "verschlüseslung").map(|v| v.len()),
            Some(15)
        );
    }
}
