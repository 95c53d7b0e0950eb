//! One app often has several pages: a page per host (Word, Excel, PowerPoint, OneNote), an old
//! page beside a new one, and a page per language. Pages with one id become one app, and
//! registrations collect the apps that use them.
//!
//! Pages of one language are merged without loss: the most recently updated page's answers win
//! where two pages ask the same question, and the rows and zones only another page has are
//! added where that page has them (`zone_sources` says which page gave what). Pages in several
//! languages become one app with every language kept: the first language imported is the
//! primary one, the others are its `translations`.

use std::collections::BTreeMap;

use super::report::MergeConflict;
use crate::compare::text_key;
use crate::model::{App, Block, Registration, Row, Translation, Zone, ZoneSources};

/// Merge apps that share an id. `languages` ranks the page languages (the first is the primary
/// language of an app that has it); languages not in it come after, in order of appearance.
/// Output is sorted by id.
pub fn merge_apps(apps: Vec<App>, languages: &[String]) -> (Vec<App>, Vec<MergeConflict>) {
    let mut groups: BTreeMap<String, Vec<App>> = BTreeMap::new();
    for app in apps {
        groups.entry(app.id.clone()).or_default().push(app);
    }
    let rank = |lang: &str| {
        languages
            .iter()
            .position(|l| l == lang)
            .unwrap_or(languages.len())
    };
    let mut out = Vec::with_capacity(groups.len());
    let mut conflicts = Vec::new();
    for (id, pages) in groups {
        let mut by_language: Vec<(String, Vec<App>)> = Vec::new();
        for page in pages {
            match by_language.iter_mut().find(|(l, _)| *l == page.language) {
                Some((_, list)) => list.push(page),
                None => by_language.push((page.language.clone(), vec![page])),
            }
        }
        by_language.sort_by_key(|(lang, _)| rank(lang));
        let mut merged: Vec<App> = Vec::with_capacity(by_language.len());
        for (_, pages) in by_language {
            let (app, conflict) = merge_pages(&id, pages);
            conflicts.extend(conflict);
            merged.push(app);
        }
        let mut languages = merged.into_iter();
        let mut primary = languages.next().expect("a group has at least one page");
        for other in languages {
            add_translation(&mut primary, other);
        }
        out.push(primary);
    }
    (out, conflicts)
}

/// `other` (the same app in another language) as a translation of `primary`; what does not
/// depend on the language (clients, links) fills what `primary` lacks.
fn add_translation(primary: &mut App, other: App) {
    add_hosts(primary, &other);
    if primary.certification == crate::model::Certification::None {
        primary.certification = other.certification;
    }
    primary.translations.push(Translation {
        language: other.language,
        name: other.name,
        publisher: other.publisher,
        sources: other.sources,
        updated: other.updated,
        zones: other.zones,
        permissions: other.permissions,
        zone_sources: other.zone_sources,
    });
}

/// The clients and links of another page of the app: per host, so merged rather than compared.
fn add_hosts(into: &mut App, page: &App) {
    for c in &page.clients {
        if !into.clients.contains(c) {
            into.clients.push(c.clone());
        }
    }
    let l = &mut into.links;
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

/// The pages of one app in one language merged into one.
fn merge_pages(id: &str, mut pages: Vec<App>) -> (App, Option<MergeConflict>) {
    if pages.len() == 1 {
        return (pages.pop().expect("one page"), None);
    }
    // The newest page first; of pages updated the same day (or not dated), the richest, then
    // the first by path, so the result does not depend on the order pages were read in.
    pages.sort_by(|a, b| {
        b.updated
            .date
            .cmp(&a.updated.date)
            .then_with(|| row_count(b).cmp(&row_count(a)))
            .then_with(|| a.sources.cmp(&b.sources))
    });
    let winner = &pages[0];
    let mut merged = winner.clone();
    let first_source = winner.sources.first().cloned().unwrap_or_default();
    merged.zone_sources = merged
        .zones
        .iter()
        .map(|z| ZoneSources {
            pivot: z.pivot.to_string(),
            sources: vec![first_source.clone()],
        })
        .collect();
    let mut fields: Vec<String> = Vec::new();
    for page in &pages[1..] {
        for field in differing_fields(winner, page) {
            if !fields.iter().any(|f| f == field) {
                fields.push(field.to_string());
            }
        }
        merged.sources.extend(page.sources.iter().cloned());
        add_hosts(&mut merged, page);
        let source = page.sources.first().cloned().unwrap_or_default();
        add_zones(&mut merged, page, &source);
        for p in &page.permissions {
            let same = |q: &&crate::model::Permission| {
                q.name == p.name && q.kind == p.kind && q.registration == p.registration
            };
            if !merged.permissions.iter().any(|q| same(&q)) {
                merged.permissions.push(p.clone());
            }
        }
    }
    merged.sources.sort();
    merged.sources.dedup();
    let conflict = (!fields.is_empty()).then(|| MergeConflict {
        id: id.to_string(),
        kept: winner.sources.join(", "),
        others: pages[1..]
            .iter()
            .flat_map(|p| p.sources.iter().cloned())
            .collect(),
        fields,
    });
    (merged, conflict)
}

fn row_count(app: &App) -> usize {
    app.rows().count()
}

/// Add the zones and rows of `page` that `merged` lacks, each where `page` has it.
fn add_zones(merged: &mut App, page: &App, source: &str) {
    for (k, zone) in page.zones.iter().enumerate() {
        match merged.zones.iter().position(|z| z.pivot == zone.pivot) {
            Some(i) => {
                if add_rows(&mut merged.zones[i], zone) > 0 {
                    note_source(merged, &zone.pivot, source);
                }
            }
            None => {
                // After the zone that comes before it on its own page, if the app has that one.
                let at = page.zones[..k]
                    .iter()
                    .rev()
                    .find_map(|prev| merged.zones.iter().position(|z| z.pivot == prev.pivot))
                    .map_or(0, |i| i + 1);
                merged.zones.insert(at, zone.clone());
                note_source(merged, &zone.pivot, source);
            }
        }
    }
}

fn note_source(merged: &mut App, pivot: &str, source: &str) {
    match merged.zone_sources.iter_mut().find(|z| z.pivot == pivot) {
        Some(z) => {
            if !z.sources.iter().any(|s| s == source) {
                z.sources.push(source.to_string());
            }
        }
        None => merged.zone_sources.push(ZoneSources {
            pivot: pivot.to_string(),
            sources: vec![source.to_string()],
        }),
    }
}

/// What makes two rows one question: the questionnaire key, else the question's text (and
/// nesting level, since controls repeat under sections).
#[derive(PartialEq, Eq, Clone)]
enum RowId {
    Key(crate::questionnaire::QuestionKey),
    Text(String, u8),
}

fn row_id(row: &Row) -> RowId {
    match row.key {
        Some(k) => RowId::Key(k),
        None => RowId::Text(text_key(&row.question), row.level),
    }
}

/// Insert the rows of `from` that `into` lacks after the row that precedes them in `from`
/// (before `into`'s first row when none does). Returns how many were added.
fn add_rows(into: &mut Zone, from: &Zone) -> usize {
    let mut added = 0;
    // Where the previous row of `from` is in `into`'s blocks.
    let mut anchor: Option<usize> = None;
    let mut used: Vec<bool> = vec![false; into.blocks.len()];
    for row in from.rows() {
        let id = row_id(row);
        let found = into
            .blocks
            .iter()
            .enumerate()
            .position(|(i, b)| !used[i] && matches!(b, Block::Row(r) if row_id(r) == id));
        match found {
            Some(i) => {
                used[i] = true;
                anchor = Some(i);
            }
            None => {
                let at = match anchor {
                    Some(i) => i + 1,
                    None => into
                        .blocks
                        .iter()
                        .position(|b| matches!(b, Block::Row(_)))
                        .unwrap_or(into.blocks.len()),
                };
                into.blocks.insert(at, Block::Row(row.clone()));
                used.insert(at, true);
                anchor = Some(at);
                added += 1;
            }
        }
    }
    added
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
mod tests;
