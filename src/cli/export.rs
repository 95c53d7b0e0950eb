use std::fmt::Write;

use super::args::{ExportArgs, ExportFormat};
use super::list::{ListEntry, entries};
use super::{Failure, json_out};
use crate::text::sanitize;
use crate::workspace::Workspace;

pub fn run(ws: &Workspace, args: &ExportArgs) -> Result<String, Failure> {
    let picked = super::selection::select(ws, &args.selection)?;
    let rows = entries(ws, &picked);
    let out = match args.format {
        ExportFormat::Json => json_out(&rows)?,
        ExportFormat::Csv => csv(&rows, !args.no_bom)?,
        ExportFormat::Markdown => markdown(&rows),
    };
    match &args.output {
        None => Ok(out),
        Some(path) => {
            crate::review::write_atomic(path, out.as_bytes()).map_err(|e| {
                Failure::bad_input(format!("{}: cannot write: {e}", path.display()))
            })?;
            eprintln!("exported {} apps to {}", rows.len(), path.display());
            Ok(String::new())
        }
    }
}

const COLUMNS: [&str; 16] = [
    "id",
    "name",
    "publisher",
    "certification",
    "score",
    "highest_risk",
    "critical",
    "high",
    "permissions",
    "application_permissions",
    "unanswered",
    "decision",
    "note",
    "updated",
    "language",
    "clients",
];

fn cells(e: &ListEntry) -> [String; 16] {
    let review = e.review.as_ref();
    [
        e.id.to_string(),
        e.name.to_string(),
        e.publisher.to_string(),
        e.certification.to_string(),
        format!("{:.1}", e.score),
        e.risk.highest.to_string(),
        e.risk.critical.to_string(),
        e.risk.high.to_string(),
        e.permissions.to_string(),
        e.application_permissions.to_string(),
        e.unanswered.to_string(),
        review.and_then(|r| r.decision).unwrap_or("").to_string(),
        review.map_or("", |r| r.note).to_string(),
        e.updated.unwrap_or("").to_string(),
        e.language.to_string(),
        e.clients.join("; "),
    ]
}

/// RFC 4180 CSV that opens cleanly in a spreadsheet: a BOM so Excel reads UTF-8 (Chinese names),
/// and text cells that a spreadsheet would run as a formula defused with a leading apostrophe.
fn csv(rows: &[ListEntry], bom: bool) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Failure::bad_input(format!("cannot write CSV: {e}"));
    w.write_record(COLUMNS).map_err(fail)?;
    for e in rows {
        w.write_record(cells(e).iter().map(|c| defuse_formula(c)))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::bad_input(format!("cannot write CSV: {e}")))?;
    let mut out = if bom {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    out.push_str(&String::from_utf8_lossy(&bytes));
    Ok(out)
}

fn defuse_formula(cell: &str) -> String {
    let clean: String = cell
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    let is_number = clean.parse::<f64>().is_ok();
    if !is_number && clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean
    }
}

fn markdown(rows: &[ListEntry]) -> String {
    let esc = |s: &str| sanitize(s).replace('|', "\\|");
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
            e.certification,
            e.score,
            e.risk.highest,
            e.permissions,
            e.application_permissions,
            e.review.as_ref().and_then(|r| r.decision).unwrap_or("")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("-1.5"), "-1.5");
        assert_eq!(defuse_formula("a\u{1b}b"), "ab");
    }
}
