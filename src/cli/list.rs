use serde::Serialize;

use super::Failure;
use super::args::ListArgs;
use super::table::TextTable;
use crate::model::{App, Catalog};
use crate::query::AppSearcher;
use crate::review::ReviewStore;

use super::ReviewView;

/// One app in `list --json`: the documented, stable shape.
#[derive(Debug, Serialize)]
pub struct ListEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub publisher: &'a str,
    pub certification: &'a str,
    pub language: &'a str,
    pub updated: Option<&'a str>,
    pub clients: &'a [String],
    pub permissions: usize,
    pub application_permissions: usize,
    pub registrations: Vec<&'a str>,
    pub unanswered: usize,
    pub review: Option<ReviewView<'a>>,
}

impl<'a> ListEntry<'a> {
    pub fn new(app: &'a App, reviews: &'a ReviewStore) -> ListEntry<'a> {
        ListEntry {
            id: &app.id,
            name: &app.name,
            publisher: &app.publisher,
            certification: app.certification.as_str(),
            language: &app.language,
            updated: app.updated.date.as_deref(),
            clients: &app.clients,
            permissions: app.permissions.len(),
            application_permissions: app.application_permission_count(),
            registrations: app.registration_ids(),
            unanswered: app.unanswered_count(),
            review: reviews.get(&app.id).map(ReviewView::from),
        }
    }
}

pub fn run(catalog: &Catalog, reviews: &ReviewStore, args: &ListArgs) -> Result<String, Failure> {
    let apps: Vec<&App> = match &args.search {
        Some(q) => AppSearcher::new(catalog)
            .search(catalog, q)
            .into_iter()
            .map(|m| &catalog.apps[m.index])
            .collect(),
        None => catalog.apps.iter().collect(),
    };
    if args.json {
        let entries: Vec<ListEntry> = apps.iter().map(|a| ListEntry::new(a, reviews)).collect();
        return serde_json::to_string_pretty(&entries)
            .map(|s| s + "\n")
            .map_err(|e| Failure::bad_input(format!("cannot encode JSON: {e}")));
    }
    let mut table = TextTable::new(
        &[
            "ID",
            "NAME",
            "PUBLISHER",
            "CERTIFICATION",
            "PERMS",
            "APP",
            "REVIEW",
        ],
        &[36, 40, 30, 13, 5, 5, 13],
    );
    for app in apps {
        table.push(vec![
            app.id.clone(),
            app.name.clone(),
            app.publisher.clone(),
            app.certification.as_str().to_string(),
            app.permissions.len().to_string(),
            app.application_permission_count().to_string(),
            review_badge(reviews, &app.id),
        ]);
    }
    Ok(table.render())
}

fn review_badge(reviews: &ReviewStore, id: &str) -> String {
    let Some(r) = reviews.get(id) else {
        return String::new();
    };
    let mut badge = r.decision.map_or("", |d| d.as_str()).to_string();
    if r.bookmark {
        badge.push('*');
    }
    badge
}
