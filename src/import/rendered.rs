//! The rendered plain text of an App Compliance page (what a browser's "copy all" gives), as in
//! the Landis seed: no markdown, sections recognized by their headings.

use super::{PageError, PageOutcome};

/// Whether `text` looks like a rendered page rather than a markdown source.
pub fn looks_rendered(text: &str) -> bool {
    !text.trim_start().starts_with("---") && !text.contains("::: zone")
}

/// Parse the rendered text of one page. `source` is the path recorded in the app's `sources`.
pub fn parse_rendered_page(_text: &str, source: &str) -> Result<PageOutcome, PageError> {
    Err(PageError {
        path: source.to_string(),
        line: 0,
        column: 0,
        message: "rendered pages are not supported yet".to_string(),
    })
}
