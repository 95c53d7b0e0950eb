use std::fmt::Write;

use super::args::{ExportArgs, ExportFormat};
use super::list::{ListEntry, entries};
use super::{Failure, json_out};
use crate::risk::AppRisk;
use crate::text::{SafeText, output};
use crate::workspace::Workspace;

pub fn run(ws: &Workspace, args: &ExportArgs) -> Result<SafeText, Failure> {
    let picked = super::selection::select(ws, &args.selection)?;
    let rows = entries(ws, &picked);
    let out = match args.format {
        ExportFormat::Json => json_out(&rows)?,
        ExportFormat::Csv => csv(ws, &picked, args.excel)?,
        ExportFormat::Markdown => SafeText::from_string(markdown(&rows)),
    };
    match &args.output {
        None => Ok(out),
        Some(path) => {
            crate::review::write_atomic(path, out.as_str().as_bytes()).map_err(|e| {
                Failure::bad_input(format!("{}: cannot write: {e}", path.display()))
            })?;
            output::info(format_args!(
                "exported {} apps to {}",
                rows.len(),
                path.display()
            ));
            Ok(SafeText::default())
        }
    }
}

/// CSV through the library writer the TUI's export uses too.
fn csv(ws: &Workspace, picked: &[usize], excel: bool) -> Result<SafeText, Failure> {
    let rows = picked.iter().map(|&i| {
        let app = &ws.apps()[i];
        crate::export::app_cells(
            app,
            ws.scores[i],
            &AppRisk::of(app, &ws.risk),
            ws.reviews.get(&app.id),
        )
    });
    let flavor = if excel {
        crate::export::CsvFlavor::Excel
    } else {
        crate::export::CsvFlavor::Plain
    };
    crate::export::csv(rows, flavor)
        .map_err(|e| Failure::bad_input(format!("cannot write CSV: {e}")))
}

fn markdown(rows: &[ListEntry]) -> String {
    // The same escaping as `compare --format markdown`: no HTML, links or emphasis from
    // catalog text.
    let esc = crate::compare::escape_markdown;
    let mut out = String::from(
        "| Name | Publisher | Id | Certification | Score | Highest risk | Permissions (app) | Decision |\n|---|---|---|---|---:|---|---:|---|\n",
    );
    for e in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.1} | {} | {} ({}) | {} |",
            esc(e.name),
            esc(e.publisher),
            esc(e.id),
            esc(e.certification),
            e.score,
            e.risk.highest,
            e.permissions,
            e.application_permissions,
            e.review.as_ref().and_then(|r| r.decision).unwrap_or("")
        );
    }
    out
}
