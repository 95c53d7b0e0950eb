//! Reading the public App Compliance pages (markdown sources and rendered page text) into a
//! catalog.
//!
//! [`import_paths`] is the entry point: it walks folders, reads each page with
//! [`parse_markdown_page`] or [`rendered::parse_rendered_page`], merges the pages of one app and
//! returns the catalog with an [`ImportReport`].
//!
//! Conventions of the catalog it writes:
//! - An app's `id` is the AppSource id from the page's AppSource link, else the general table's
//!   ID row, else the Teams app id, else `page:<source without .md>`. The link wins over the row
//!   because the row is typed by hand (the corpus has `WA2000000093` for `WA200000093`); the
//!   report warns where they differ.
//! - An app's name, publisher, links and clients come from its general rows once they are keyed
//!   (`keyed_general`); a page without an App-Name row is named by its folder's index page or by
//!   its H1 less the English template's words (`names`).
//! - Pages with one id are one app; the most recently updated page gives its content, the others
//!   add their sources, clients and missing links, and the report lists each disagreement.
//! - A 5-column permission table's justification is `Collected: …; Stored: …` (either part left
//!   out when empty); the registration is `null` when the app-id cell has no GUID.
//! - Permission tables become `permissions`, not zone blocks; the other tables of a zone become
//!   `row` blocks (two columns) or `table` blocks, and its free text `note` blocks.
//! - Strict mode fails on every warning and on every skipped page except those recognized as
//!   not being app pages (`*-apps.md` indexes).

mod error;
mod keyed_general;
pub mod markdown;
mod merge;
pub mod names;
mod pivots;
pub mod rendered;
mod report;
mod walk;

use crate::model::{App, Registration};

pub use error::ImportError;
pub use markdown::{ParsedPage, parse_markdown_page, read_markdown_page};
pub use report::{ImportReport, MergeConflict, SkippedPage, Warning};
pub use walk::{ImportOptions, import_paths};

/// Where a page could not be read, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", crate::text::located(path, *line, *column))]
pub struct PageError {
    pub path: String,
    /// 1-based; 0 when the problem is the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Something a page parser worked around; the pipeline attaches the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageWarning {
    /// 1-based; 0 when the problem is the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Key the rows of a page read on its own.
fn key_outcome(outcome: &mut PageOutcome) {
    if let PageOutcome::App(app) = outcome {
        crate::questionnaire::key_apps(std::slice::from_mut(&mut **app));
        keyed_general::fill_from_keyed_rows(app);
    }
}

/// What one page turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum PageOutcome {
    App(Box<App>),
    /// An `azure/<guid>.md` page: an Azure AD app registration and the apps using it.
    Registration(Registration),
    Skipped {
        reason: String,
    },
}
