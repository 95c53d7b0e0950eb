//! The CSV export of a list of apps, shared by `attest-tui export --format csv` and the TUI's
//! export key: the same columns, the same cells, the same spreadsheet safety.

use crate::model::App;
use crate::review::Review;
use crate::risk::{AppRisk, Tier};
use crate::text::{SafeText, sanitize_multiline};

/// The columns, in order. The first sixteen are those of earlier versions, so scripts that
/// read columns by position keep working; the rest were added after them.
pub const COLUMNS: [&str; 25] = [
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
    "permission_list",
    "registrations",
    "teams_link",
    "appsource_link",
    "website_link",
    "terms_link",
    "privacy_link",
    "decided_at",
    "bookmarked",
];

/// One row's cells.
pub type Cells = [String; COLUMNS.len()];

/// How a CSV file starts: plain RFC 4180 text for scripts and most tools, or with the
/// byte-order mark Excel needs to read UTF-8 (without it, Excel reads Chinese names as
/// mojibake; with it, a script's first header reads `\u{feff}id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFlavor {
    Plain,
    Excel,
}

/// One app's cells, in `COLUMNS` order.
pub fn app_cells(app: &App, score: f64, risk: &AppRisk, review: Option<&Review>) -> Cells {
    let link = |l: &Option<String>| l.clone().unwrap_or_default();
    [
        app.id.clone(),
        app.name.clone(),
        app.publisher.clone(),
        app.certification.as_str().to_string(),
        format!("{score:.1}"),
        risk.highest_label().to_string(),
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
        permission_list(app),
        app.registration_ids().join(";"),
        link(&app.links.teams),
        link(&app.links.appsource),
        link(&app.links.website),
        link(&app.links.terms),
        link(&app.links.privacy),
        review
            .and_then(decision_ms)
            .map(iso_time_ms)
            .unwrap_or_default(),
        if review.is_some_and(|r| r.bookmark) {
            "yes"
        } else {
            ""
        }
        .to_string(),
    ]
}

/// `name:kind` of each permission the app requests, once each (a permission of two
/// registrations is one entry), joined by `;`.
fn permission_list(app: &App) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in &app.permissions {
        let entry = format!("{}:{}", p.name.trim(), p.kind.as_str());
        if !seen.contains(&entry) {
            seen.push(entry);
        }
    }
    seen.join(";")
}

/// When the decision was made: its own field time, or the review's one time for a file
/// written before fields had their own.
fn decision_ms(review: &Review) -> Option<u64> {
    let ms = match review.field_ms.decision {
        0 => review.updated_ms,
        ms => ms,
    };
    review.decision.is_some().then_some(ms).filter(|ms| *ms > 0)
}

/// RFC 4180 CSV: records end in CRLF, cells quoted where needed. Cells are sanitized as for a
/// terminal (line breaks kept), and text cells that a spreadsheet would run as a formula are
/// defused with a leading apostrophe. `CsvFlavor::Excel` puts a byte-order mark in front.
pub fn csv(
    rows: impl IntoIterator<Item = Cells>,
    flavor: CsvFlavor,
) -> Result<SafeText, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for cells in rows {
        w.write_record(cells.iter().map(|c| defuse_formula(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    let text = SafeText::from_crlf_text(&String::from_utf8_lossy(&bytes));
    Ok(match flavor {
        CsvFlavor::Plain => text,
        CsvFlavor::Excel => text.with_bom(),
    })
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
    let (y, m, d, hh, mm, ss) = civil(secs);
    format!("{y:04}{m:02}{d:02}-{hh:02}{mm:02}{ss:02}")
}

/// ISO 8601 in UTC to the second (`2024-02-29T12:34:56Z`) of milliseconds since the epoch.
pub fn iso_time_ms(ms: u64) -> String {
    let (y, m, d, hh, mm, ss) = civil(ms / 1000);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// Year, month, day, hour, minute and second (UTC) of seconds since the Unix epoch.
fn civil(secs: u64) -> (i64, i64, i64, u64, u64, u64) {
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
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_decision_time_is_the_decision_field_s_not_a_later_note_s() {
        let mut review = Review {
            decision: Some(crate::review::Decision::Approved),
            updated_ms: 5_000,
            ..Review::default()
        };
        // A first-version file: the review's one time.
        assert_eq!(decision_ms(&review), Some(5_000));
        review.field_ms.decision = 1_000;
        review.field_ms.note = 5_000;
        assert_eq!(decision_ms(&review), Some(1_000));
        review.decision = None;
        assert_eq!(decision_ms(&review), None);
    }

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
        assert_eq!(iso_time_ms(1_709_210_096_789), "2024-02-29T12:34:56Z");
    }

    #[test]
    fn csv_records_end_in_crlf_and_only_excel_gets_a_bom() {
        let app = App {
            id: "A".into(),
            name: "two\nlines".into(),
            ..App::default()
        };
        let row = || [app_cells(&app, 5.0, &AppRisk::default(), None)];
        let plain = csv(row(), CsvFlavor::Plain).unwrap();
        assert!(plain.as_str().starts_with("id,name,"));
        assert_eq!(plain.as_str().matches("\r\n").count(), 2, "{plain:?}");
        assert!(plain.as_str().contains("\"two\nlines\""), "{plain:?}");
        let excel = csv(row(), CsvFlavor::Excel).unwrap();
        assert_eq!(excel.as_str(), format!("\u{feff}{}", plain.as_str()));
    }
}
