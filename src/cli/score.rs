use std::fmt::Write;

use super::Failure;
use super::args::ScoreArgs;
use super::session::Session;
use crate::query::find_app;
use crate::text::sanitize;

pub fn run(session: &Session, args: &ScoreArgs) -> Result<String, Failure> {
    let catalog = &session.loaded.catalog;
    let app = find_app(catalog, &args.app).map_err(Failure::bad_input)?;
    let index = catalog
        .apps
        .iter()
        .position(|a| a.id == app.id)
        .unwrap_or(0);
    let card = &session.scores[index];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): score {:.1}/10\n",
        sanitize(&app.name),
        app.id,
        card.total
    );
    for line in card.explain(&session.config.score) {
        let _ = writeln!(out, "{}", sanitize(&line));
    }
    Ok(out)
}
