//! One app often has a page per host (Word, Excel, PowerPoint, OneNote): pages with one id become
//! one app, and registrations collect the apps that use them.

use std::collections::BTreeMap;

use super::report::MergeConflict;
use crate::model::{App, Registration};

/// Merge apps that share an id. The page updated most recently wins (the first by source path
/// on a tie); the others add their sources, clients and missing links. Output is sorted by id.
pub fn merge_apps(apps: Vec<App>) -> (Vec<App>, Vec<MergeConflict>) {
    let mut groups: BTreeMap<String, Vec<App>> = BTreeMap::new();
    for app in apps {
        groups.entry(app.id.clone()).or_default().push(app);
    }
    let mut out = Vec::with_capacity(groups.len());
    let mut conflicts = Vec::new();
    for (id, mut pages) in groups {
        if pages.len() == 1 {
            out.extend(pages);
            continue;
        }
        pages.sort_by(|a, b| a.sources.cmp(&b.sources));
        let mut winner = 0;
        for (i, page) in pages.iter().enumerate() {
            if page.updated.date > pages[winner].updated.date {
                winner = i;
            }
        }
        let mut merged = pages[winner].clone();
        let mut fields: Vec<String> = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            if i == winner {
                continue;
            }
            for field in differing_fields(&pages[winner], page) {
                if !fields.iter().any(|f| f == field) {
                    fields.push(field.to_string());
                }
            }
            merged.sources.extend(page.sources.iter().cloned());
            for c in &page.clients {
                if !merged.clients.contains(c) {
                    merged.clients.push(c.clone());
                }
            }
            let l = &mut merged.links;
            for (mine, theirs) in [
                (&mut l.teams, &page.links.teams),
                (&mut l.appsource, &page.links.appsource),
                (&mut l.website, &page.links.website),
                (&mut l.terms, &page.links.terms),
                (&mut l.privacy, &page.links.privacy),
            ] {
                if mine.is_none() {
                    mine.clone_from(theirs);
                }
            }
        }
        merged.sources.sort();
        merged.sources.dedup();
        if !fields.is_empty() {
            conflicts.push(MergeConflict {
                id,
                kept: pages[winner].sources.join(", "),
                others: pages
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != winner)
                    .flat_map(|(_, p)| p.sources.iter().cloned())
                    .collect(),
                fields,
            });
        }
        out.push(merged);
    }
    (out, conflicts)
}

/// The catalog fields in which two pages of one app disagree. Sources, clients and links are
/// per host and merged rather than compared.
fn differing_fields(a: &App, b: &App) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.name != b.name {
        out.push("name");
    }
    if a.publisher != b.publisher {
        out.push("publisher");
    }
    if a.certification != b.certification {
        out.push("certification");
    }
    if a.updated != b.updated {
        out.push("updated");
    }
    if a.zones != b.zones {
        out.push("zones");
    }
    if a.permissions != b.permissions {
        out.push("permissions");
    }
    out
}

/// Registrations from the `azure/<guid>.md` pages and from the permission rows of every page
/// (before merging, so a page that lost a conflict still records its registration). Sorted by id.
pub fn collect_registrations<'a>(
    pages: Vec<Registration>,
    uses: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Registration> {
    let mut map: BTreeMap<String, Registration> = BTreeMap::new();
    for page in pages {
        match map.get_mut(&page.id) {
            Some(existing) => {
                existing.apps.extend(page.apps);
                existing.app_names.extend(page.app_names);
                existing.status = existing.status.take().or(page.status);
                existing.source = existing.source.take().or(page.source);
            }
            None => {
                map.insert(page.id.clone(), page);
            }
        }
    }
    for (guid, app_id) in uses {
        let reg = map.entry(guid.to_string()).or_insert_with(|| Registration {
            id: guid.to_string(),
            ..Registration::default()
        });
        reg.apps.push(app_id.to_string());
    }
    map.into_values()
        .map(|mut r| {
            r.apps.sort();
            r.apps.dedup();
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Links, Updated, Zone};

    fn page(source: &str, date: &str, zone_title: &str) -> App {
        App {
            id: "WA1".into(),
            name: "Add-in".into(),
            sources: vec![source.into()],
            updated: Updated {
                date: Some(date.into()),
                raw: date.into(),
            },
            clients: vec![source.split('/').next().unwrap().into()],
            zones: vec![Zone {
                pivot: "general".into(),
                title: zone_title.into(),
                blocks: vec![],
            }],
            ..App::default()
        }
    }

    #[test]
    fn host_pages_of_one_app_merge_and_the_newest_wins_a_conflict() {
        let mut word = page("word/addin.md", "2022-01-05", "Old");
        word.links = Links {
            website: Some("https://w".into()),
            ..Links::default()
        };
        let excel = page("excel/addin.md", "2022-03-01", "New");
        let other = App {
            id: "WA0".into(),
            sources: vec!["teams/x.md".into()],
            ..App::default()
        };
        let (apps, conflicts) = merge_apps(vec![word, other, excel]);
        assert_eq!(apps.len(), 2);
        assert_eq!(apps[0].id, "WA0", "sorted by id");
        let merged = &apps[1];
        assert_eq!(merged.sources, ["excel/addin.md", "word/addin.md"]);
        assert_eq!(merged.zones[0].title, "New");
        assert_eq!(merged.updated.date.as_deref(), Some("2022-03-01"));
        assert_eq!(merged.clients, ["excel", "word"]);
        assert_eq!(merged.links.website.as_deref(), Some("https://w"));
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].kept, "excel/addin.md");
        assert_eq!(conflicts[0].others, ["word/addin.md"]);
        assert_eq!(conflicts[0].fields, ["updated", "zones"]);
    }

    #[test]
    fn identical_pages_merge_without_a_conflict() {
        let a = page("word/a.md", "2022-01-05", "T");
        let b = page("excel/a.md", "2022-01-05", "T");
        let (apps, conflicts) = merge_apps(vec![a, b]);
        assert_eq!(apps.len(), 1);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn registrations_join_pages_and_permission_uses() {
        let page = Registration {
            id: "g1".into(),
            apps: vec!["WA9".into()],
            app_names: vec!["Nine".into()],
            status: Some("已完成".into()),
            source: Some("azure/g1.md".into()),
        };
        let regs = collect_registrations(vec![page], [("g2", "WA2"), ("g1", "WA1"), ("g1", "WA1")]);
        assert_eq!(regs.len(), 2);
        assert_eq!(regs[0].id, "g1");
        assert_eq!(regs[0].apps, ["WA1", "WA9"]);
        assert_eq!(regs[0].status.as_deref(), Some("已完成"));
        assert_eq!(regs[1].apps, ["WA2"]);
        assert_eq!(regs[1].source, None);
    }
}
