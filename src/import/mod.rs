//! Reading the public App Compliance pages (markdown sources and rendered page text) into a
//! catalog.

pub mod rendered;

use crate::model::App;

/// Where a page could not be read, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct PageError {
    pub path: String,
    /// 1-based; 0 when the problem is the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What one page turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum PageOutcome {
    App(Box<App>),
    Skipped { reason: String },
}
