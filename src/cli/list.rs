use serde::Serialize;

use super::args::{ListArgs, ListFormat};
use super::table::{NEVER_CUT, TextTable};
use super::{Failure, ReviewView, json_out};
use crate::model::App;
use crate::review::ReviewStore;
use crate::risk::{AppRisk, RiskTable, Tier};
use crate::text::SafeText;
use crate::workspace::Workspace;

/// One app in `list --json` and `export --format json`: the documented, stable shape.
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
    pub score: f64,
    pub risk: RiskView,
    pub review: Option<ReviewView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RiskView {
    pub highest: &'static str,
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub unknown: usize,
}

impl From<AppRisk> for RiskView {
    fn from(r: AppRisk) -> RiskView {
        RiskView {
            highest: r.highest_label(),
            critical: r.count(Tier::Critical),
            high: r.count(Tier::High),
            medium: r.count(Tier::Medium),
            low: r.count(Tier::Low),
            unknown: r.count(Tier::Unknown),
        }
    }
}

impl<'a> ListEntry<'a> {
    pub fn new(
        app: &'a App,
        score: f64,
        risk: &RiskTable,
        reviews: &'a ReviewStore,
    ) -> ListEntry<'a> {
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
            score,
            risk: AppRisk::of(app, risk).into(),
            review: reviews.get(&app.id).map(|r| ReviewView::of(r, app)),
        }
    }
}

pub fn entries<'a>(ws: &'a Workspace, picked: &[usize]) -> Vec<ListEntry<'a>> {
    picked
        .iter()
        .map(|&i| ListEntry::new(&ws.apps()[i], ws.scores[i], &ws.risk, &ws.reviews))
        .collect()
}

pub fn run(ws: &Workspace, args: &ListArgs) -> Result<SafeText, Failure> {
    let picked = super::selection::select(ws, &args.selection)?;
    let format = if args.json {
        ListFormat::Json
    } else {
        args.format
    };
    match format {
        ListFormat::Json => json_out(&entries(ws, &picked)),
        ListFormat::Ids => Ok(SafeText::tab_separated(
            picked.iter().map(|&i| [ws.apps()[i].id.as_str()]),
        )),
        ListFormat::Tsv => Ok(SafeText::tab_separated(
            std::iter::once(TSV_HEADERS.map(String::from)).chain(picked.iter().map(|&i| {
                let app = &ws.apps()[i];
                let review = ws.reviews.get(&app.id);
                [
                    app.id.clone(),
                    app.name.clone(),
                    app.publisher.clone(),
                    app.certification.as_str().to_string(),
                    format!("{:.1}", ws.scores[i]),
                    AppRisk::of(app, &ws.risk).highest_label().to_string(),
                    app.permissions.len().to_string(),
                    app.application_permission_count().to_string(),
                    review
                        .and_then(|r| r.decision)
                        .map_or("", |d| d.as_str())
                        .to_string(),
                    if review.is_some_and(|r| r.bookmark) {
                        "yes"
                    } else {
                        ""
                    }
                    .to_string(),
                ]
            })),
        )),
        ListFormat::Table => Ok(table(ws, &picked)),
    }
}

/// The columns of `list --format tsv`, named as in the CSV export.
const TSV_HEADERS: [&str; 10] = [
    "id",
    "name",
    "publisher",
    "certification",
    "score",
    "highest_risk",
    "permissions",
    "application_permissions",
    "decision",
    "bookmarked",
];

fn table(ws: &Workspace, picked: &[usize]) -> SafeText {
    let mut table = TextTable::new(
        &[
            "ID",
            "NAME",
            "PUBLISHER",
            "CERT",
            "SCORE",
            "RISK",
            "PERMS",
            "APPL.",
            "REVIEW",
        ],
        &[NEVER_CUT, 40, 28, 9, 5, 8, 5, 5, 13],
    );
    for &i in picked {
        let app = &ws.apps()[i];
        table.push(vec![
            app.id.clone(),
            app.name.clone(),
            app.publisher.clone(),
            app.certification.as_str().to_string(),
            format!("{:.1}", ws.scores[i]),
            AppRisk::of(app, &ws.risk).highest_label().to_string(),
            app.permissions.len().to_string(),
            app.application_permission_count().to_string(),
            review_badge(&ws.reviews, app),
        ]);
    }
    SafeText::from_string(table.render())
}

fn review_badge(reviews: &ReviewStore, app: &App) -> String {
    let Some(r) = reviews.get(&app.id) else {
        return String::new();
    };
    let mut badge = r.decision.map_or("", |d| d.as_str()).to_string();
    if r.bookmark {
        badge.push('*');
    }
    if r.changed_since_review(app) == Some(true) {
        badge.push_str(" Δ");
    }
    badge
}
