use std::fmt::Write;

use super::Failure;
use super::args::ScoreArgs;
use crate::query::find_app;
use crate::text::{SafeText, sanitize};
use crate::workspace::Workspace;

pub fn run(ws: &Workspace, args: &ScoreArgs) -> Result<SafeText, Failure> {
    let catalog = &ws.loaded.catalog;
    let app = find_app(catalog, &args.app).map_err(Failure::bad_input)?;
    let index = catalog
        .apps
        .iter()
        .position(|a| a.id == app.id)
        .unwrap_or(0);
    let Some(card) = ws.score_card(index) else {
        return Err(Failure::bad_input(format!("no app {}", app.id)));
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): score {:.1}/10\n",
        sanitize(&app.name),
        app.id,
        card.total
    );
    for line in card.explain(&ws.config.score) {
        let _ = writeln!(out, "{}", sanitize(&line));
    }
    Ok(SafeText::from_string(out))
}
