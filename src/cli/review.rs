use std::fmt::Write;

use clap::Args;
use serde::Serialize;

use super::Failure;
use crate::model::App;
use crate::query::find_app;
use crate::review::{Decision, Review};
use crate::text::SafeText;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// An app id or fuzzy name.
    pub app: String,
    /// approved, blocked, needs-review, or none to clear it.
    #[arg(long, value_name = "DECISION", value_parser = parse_decision)]
    pub decision: Option<DecisionArg>,
    /// A free-text note (replaces the current one; "" clears it; may start with `-`).
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Bookmark the app.
    #[arg(long, conflicts_with = "no_bookmark")]
    pub bookmark: bool,
    /// Remove the bookmark.
    #[arg(long)]
    pub no_bookmark: bool,
    /// Print the review as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct DecisionArg(pub Option<Decision>);

fn parse_decision(s: &str) -> Result<DecisionArg, String> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(DecisionArg(None));
    }
    Decision::parse(s)
        .map(|d| DecisionArg(Some(d)))
        .ok_or_else(|| format!("expected approved, blocked, needs-review or none, not \"{s}\""))
}

/// The review fields as `list --json`, `show --json` and `review --json` print them.
#[derive(Debug, Serialize)]
pub struct ReviewView<'a> {
    pub decision: Option<&'static str>,
    pub note: &'a str,
    pub bookmark: bool,
    /// Whether the app in this catalog differs from the version the decision was made on;
    /// null without a decision or for one recorded before reviews kept what they reviewed.
    pub changed_since_review: Option<bool>,
}

impl<'a> ReviewView<'a> {
    /// The review of `app` (as this catalog has it).
    pub fn of(r: &'a Review, app: &App) -> ReviewView<'a> {
        ReviewView {
            decision: r.decision.map(Decision::as_str),
            note: &r.note,
            bookmark: r.bookmark,
            changed_since_review: r.changed_since_review(app),
        }
    }
}

pub fn run(ws: &mut Workspace, args: &ReviewArgs) -> Result<SafeText, Failure> {
    let app = find_app(&ws.loaded.catalog, &args.app).map_err(Failure::bad_input)?;
    let store = &mut ws.reviews;
    let changes =
        args.decision.is_some() || args.note.is_some() || args.bookmark || args.no_bookmark;
    if changes {
        store.update(&app.id, |r| {
            if let Some(DecisionArg(d)) = args.decision {
                r.decide(d, app);
            }
            if let Some(note) = &args.note {
                r.note = note.clone();
            }
            if args.bookmark {
                r.bookmark = true;
            }
            if args.no_bookmark {
                r.bookmark = false;
            }
        });
        store.save().map_err(|e| Failure {
            message: format!("the change was not saved: {e}"),
            code: 1,
            output: None,
        })?;
    }
    let empty = Review::default();
    let review = store.get(&app.id).unwrap_or(&empty);
    if args.json {
        return super::json_out(&ReviewView::of(review, app));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", crate::text::sanitize(&app.name), app.id);
    let _ = writeln!(out, "{}", describe(review, app));
    Ok(SafeText::from_string(out))
}

/// One line: decision (and whether `app` changed since it), bookmark and note.
pub fn describe(r: &Review, app: &App) -> String {
    let mut parts = vec![format!(
        "decision: {}",
        r.decision.map_or("none", Decision::as_str)
    )];
    if let Some(drift) = r.drift(app).filter(|d| !d.is_empty()) {
        parts.push(format!("changed since review ({})", drift.summary()));
    }
    if r.bookmark {
        parts.push("bookmarked".into());
    }
    if !r.note.is_empty() {
        parts.push(format!("note: {}", crate::text::sanitize(&r.note)));
    }
    parts.join("; ")
}
