use std::fmt::Write;

use super::Failure;
use super::ReviewView;
use super::args::ShowArgs;
use crate::model::{App, Block, Catalog, pivot_title_en};
use crate::query::find_app;
use crate::risk::{AppRisk, Tier};
use crate::text::{SafeText, sanitize};
use crate::workspace::Workspace;

/// `show --json`: the catalog's app object with the review alongside.
#[derive(serde::Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    app: &'a App,
    review: Option<ReviewView<'a>>,
}

pub fn run(ws: &Workspace, args: &ShowArgs) -> Result<SafeText, Failure> {
    let catalog = &ws.loaded.catalog;
    let app = find_app(catalog, &args.app).map_err(Failure::bad_input)?;
    if let Some(lang) = &ws.requested_language
        && app.best_language(lang).is_none()
    {
        return Err(Failure::bad_input(format!(
            "{} ({}) has no page in {lang}; its languages: {}",
            app.name,
            app.id,
            app.languages().join(", ")
        )));
    }
    let review = ws.reviews.get(&app.id);
    if args.json {
        let view = ShowJson {
            app,
            review: review.map(|r| ReviewView::of(r, app)),
        };
        return super::json_out(&view);
    }
    let index = catalog
        .apps
        .iter()
        .position(|a| a.id == app.id)
        .unwrap_or(0);
    let risk = AppRisk::of(app, &ws.risk);
    let mut summary = format!(
        "{:<15}{:.1}/10 (`attest-tui score {}` explains it)\n{:<15}{}",
        "Score:",
        ws.scores[index],
        app.id,
        "Risk:",
        risk.highest_label()
    );
    let counts: Vec<String> = Tier::ALL
        .iter()
        .filter(|t| risk.count(**t) > 0)
        .map(|t| format!("{} {}", risk.count(*t), t.as_str()))
        .collect();
    if !counts.is_empty() {
        let _ = write!(summary, " ({})", counts.join(", "));
    }
    if let Some(r) = review {
        let _ = write!(
            summary,
            "\n{:<15}{}",
            "Review:",
            super::review::describe(r, app)
        );
        if let Some(then) = r.reviewed.as_ref().filter(|_| r.decision.is_some()) {
            let changes = crate::diff::diff_apps(&then.as_app(app), app, &ws.risk);
            if !changes.is_empty() {
                let _ = write!(
                    summary,
                    "\nChanged since review:\n{}",
                    crate::diff::render_app(&changes).trim_end()
                );
            }
        }
    }
    Ok(SafeText::from_string(render(app, catalog, &summary)))
}

fn render(app: &App, catalog: &Catalog, summary: &str) -> String {
    let s = |t: &str| sanitize(t).into_owned();
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", s(&app.name), s(&app.id));
    let field = |out: &mut String, label: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "{label:<15}{}", s(value));
        }
    };
    field(&mut out, "Publisher:", &app.publisher);
    field(&mut out, "Certification:", app.certification.as_str());
    let updated = app.updated.date.as_deref().unwrap_or(&app.updated.raw);
    field(&mut out, "Updated:", updated);
    field(&mut out, "Language:", &app.language);
    if !app.translations.is_empty() {
        field(&mut out, "Also in:", &app.languages()[1..].join(", "));
    }
    field(&mut out, "Clients:", &app.clients.join(", "));
    let links = &app.links;
    for (label, link) in [
        ("Teams:", &links.teams),
        ("AppSource:", &links.appsource),
        ("Website:", &links.website),
        ("Terms:", &links.terms),
        ("Privacy:", &links.privacy),
    ] {
        field(&mut out, label, link.as_deref().unwrap_or(""));
    }
    field(&mut out, "Sources:", &app.sources.join(", "));
    let _ = writeln!(out, "{summary}");
    for zone in &app.zones {
        let title = if zone.title.is_empty() {
            pivot_title_en(&zone.pivot)
        } else {
            &zone.title
        };
        let _ = writeln!(out, "\n== {} [{}] ==", s(title), zone.pivot);
        for block in &zone.blocks {
            render_block(&mut out, block);
        }
    }
    let _ = writeln!(out, "\n== Permissions ({}) ==", app.permissions.len());
    out.push_str(&super::permissions::render_app(app, Some(catalog)));
    out
}

fn render_block(out: &mut String, block: &Block) {
    let s = |t: &str| sanitize(t).into_owned();
    match block {
        Block::Row(row) => {
            let indent = "  ".repeat(usize::from(row.level) + 1);
            let answer = if row.value == crate::model::Answer::NotCopied {
                "— (not in the copied text)"
            } else if row.answer.trim().is_empty() {
                "—"
            } else {
                &row.answer
            };
            let _ = writeln!(out, "{indent}{} → {}", s(&row.question), s(answer));
        }
        Block::Table(table) => {
            if !table.title.is_empty() {
                let _ = writeln!(out, "  [{}]", s(&table.title));
            }
            let _ = writeln!(out, "    {}", s(&table.headers.join(" | ")));
            for row in &table.rows {
                let _ = writeln!(out, "    {}", s(&row.join(" | ")));
            }
        }
        Block::Note(note) => {
            if !note.title.is_empty() {
                let _ = writeln!(out, "  [{}]", s(&note.title));
            }
            let _ = writeln!(out, "    {}", s(&note.text));
        }
    }
}
