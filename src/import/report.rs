//! What an import did: counts for the summary line, and the pages and rows it had to skip or
//! work around, so nothing is dropped silently.

use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Files read, whatever they turned out to be.
    pub pages_read: usize,
    pub app_pages: usize,
    pub registration_pages: usize,
    /// Of the app pages, those read as rendered text rather than markdown.
    pub rendered_pages: usize,
    /// Apps in the catalog, after merging the pages of one app.
    pub apps: usize,
    pub registrations: usize,
    /// Permission rows over all app pages, before merging (pages of one app repeat theirs).
    pub permission_rows: usize,
    /// Permission rows in the catalog, after merging.
    pub catalog_permission_rows: usize,
    /// Question rows over all app pages, and how many were recognized as a questionnaire
    /// question (given a key).
    pub rows: usize,
    pub keyed_rows: usize,
    /// Apps without an App-Name row whose name is not their page's heading as written: the
    /// name an index page lists, or the heading without its template's words.
    pub names_from_index_or_heading: usize,
    pub skipped: Vec<SkippedPage>,
    pub conflicts: Vec<MergeConflict>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedPage {
    pub source: String,
    pub reason: String,
}

/// Pages of one app that disagree: the most recently updated one was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    pub id: String,
    pub kept: String,
    pub others: Vec<String>,
    /// Catalog field names that differ, e.g. `zones`, `permissions`.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = crate::text::located(&self.source, self.line, self.column);
        write!(f, "{at}: {}", self.message)
    }
}

impl ImportReport {
    /// How many pages were skipped for each reason.
    pub fn skipped_by_reason(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for s in &self.skipped {
            *out.entry(s.reason.as_str()).or_insert(0) += 1;
        }
        out
    }
}

/// How many conflicts and warnings the summary lists before "… and N more".
const LISTED: usize = 5;

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "read {} pages: {} app pages, {} registration pages, {} skipped",
            self.pages_read,
            self.app_pages,
            self.registration_pages,
            self.skipped.len()
        )?;
        if self.rendered_pages > 0 {
            writeln!(
                f,
                "  {} app pages read as rendered text",
                self.rendered_pages
            )?;
        }
        for (reason, n) in self.skipped_by_reason() {
            writeln!(f, "  skipped {n}: {reason}")?;
        }
        writeln!(
            f,
            "imported {} apps, {} registrations, {} permission rows ({} before merging pages)",
            self.apps, self.registrations, self.catalog_permission_rows, self.permission_rows
        )?;
        if self.rows > 0 {
            writeln!(
                f,
                "recognized {} of {} question rows ({:.1}%; `attest-tui questions` lists the questionnaire)",
                self.keyed_rows,
                self.rows,
                100.0 * self.keyed_rows as f64 / self.rows as f64
            )?;
        }
        if self.names_from_index_or_heading > 0 {
            writeln!(
                f,
                "named {} apps without an App-Name row after their folder's index page or their heading less its template words",
                self.names_from_index_or_heading
            )?;
        }
        if !self.conflicts.is_empty() {
            writeln!(
                f,
                "{} apps have pages that disagree (the most recently updated page's answers win; rows and zones only the others have are added):",
                self.conflicts.len()
            )?;
            for c in self.conflicts.iter().take(LISTED) {
                writeln!(
                    f,
                    "  {}: kept {} over {} ({} differ)",
                    c.id,
                    c.kept,
                    c.others.join(", "),
                    c.fields.join(", ")
                )?;
            }
            more(f, self.conflicts.len())?;
        }
        if !self.warnings.is_empty() {
            writeln!(f, "{} warnings:", self.warnings.len())?;
            for w in self.warnings.iter().take(LISTED) {
                writeln!(f, "  {w}")?;
            }
            more(f, self.warnings.len())?;
        }
        Ok(())
    }
}

fn more(f: &mut fmt::Formatter<'_>, total: usize) -> fmt::Result {
    if total > LISTED {
        writeln!(f, "  … and {} more", total - LISTED)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_reasons_and_lists_a_few_warnings() {
        let mut r = ImportReport {
            pages_read: 4,
            app_pages: 2,
            apps: 1,
            permission_rows: 10,
            catalog_permission_rows: 5,
            ..ImportReport::default()
        };
        for s in ["a-apps.md", "b-apps.md"] {
            r.skipped.push(SkippedPage {
                source: s.into(),
                reason: "index page".into(),
            });
        }
        for i in 0..7 {
            r.warnings.push(Warning {
                source: "x.md".into(),
                line: i,
                column: 1,
                message: "odd".into(),
            });
        }
        let text = r.to_string();
        assert!(text.contains("read 4 pages: 2 app pages, 0 registration pages, 2 skipped"));
        assert!(text.contains("  skipped 2: index page"));
        assert!(text.contains(
            "imported 1 apps, 0 registrations, 5 permission rows (10 before merging pages)"
        ));
        assert!(text.contains("  x.md:4:1: odd"));
        assert!(text.contains("… and 2 more"));
    }
}
