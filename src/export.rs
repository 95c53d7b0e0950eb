//! The CSV export of a list of apps, shared by `attest-tui export --format csv` and the TUI's
//! export key: the same columns, the same cells, the same spreadsheet safety.

use crate::model::App;
use crate::review::Review;
use crate::risk::{AppRisk, Tier};
use crate::text::{SafeText, sanitize_multiline};

pub const COLUMNS: [&str; 16] = [
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

/// One app's cells, in `COLUMNS` order.
pub fn app_cells(app: &App, score: f64, risk: &AppRisk, review: Option<&Review>) -> [String; 16] {
    [
        app.id.clone(),
        app.name.clone(),
        app.publisher.clone(),
        app.certification.as_str().to_string(),
        format!("{score:.1}"),
        risk.highest.as_str().to_string(),
        risk.count(Tier::Critical).to_string(),
        risk.count(Tier::High).to_string(),
        app.permissions.len().to_string(),
        app.application_permission_count().to_string(),
        app.unanswered_count().to_string(),
        review
            .and_then(|r| r.decision)
            .map_or("", |d| d.as_str())
            .to_string(),
        review.map_or("", |r| r.note.as_str()).to_string(),
        app.updated.date.clone().unwrap_or_default(),
        app.language.clone(),
        app.clients.join("; "),
    ]
}

/// RFC 4180 CSV that opens cleanly in a spreadsheet: a BOM so Excel reads UTF-8 (Chinese names),
/// cells sanitized as for a terminal (line breaks kept), and text cells that a spreadsheet would
/// run as a formula defused with a leading apostrophe.
pub fn csv(
    rows: impl IntoIterator<Item = [String; 16]>,
    bom: bool,
) -> Result<SafeText, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for cells in rows {
        w.write_record(cells.iter().map(|c| defuse_formula(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    let text = SafeText::from_string(String::from_utf8_lossy(&bytes).into_owned());
    Ok(if bom { text.with_bom() } else { text })
}

/// The cell as a spreadsheet should see it. Invisible and control characters go first, so they
/// cannot hide a formula (`\u{200b}=1+1` starts with `=` once they are gone), and the first
/// character after any white space decides.
pub fn defuse_formula(cell: &str) -> String {
    let clean = sanitize_multiline(cell);
    let is_number = clean.trim().parse::<f64>().is_ok();
    let first = clean.trim_start().chars().next();
    if !is_number && matches!(first, Some('=' | '+' | '-' | '@')) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

/// `YYYYMMDD-HHMMSS` in UTC, for file names.
pub fn timestamp_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    timestamp(secs)
}

/// `YYYYMMDD-HHMMSS` (UTC) of seconds since the Unix epoch.
pub fn timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
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

    #[test]
    fn formulas_behind_invisible_characters_or_spaces_are_defused() {
        assert_eq!(defuse_formula("\u{200b}=1+1"), "'=1+1");
        assert_eq!(defuse_formula("\u{feff}\u{202e}@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("  =1+1"), "'  =1+1");
        assert_eq!(
            defuse_formula("\t+cmd|' /C calc'!A0"),
            "'    +cmd|' /C calc'!A0"
        );
        assert_eq!(defuse_formula("\u{3000}-2+3"), "'\u{3000}-2+3");
    }

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(timestamp(0), "19700101-000000");
        assert_eq!(timestamp(1_709_210_096), "20240229-123456");
    }
}
