//! The corpus the corpus tests read: one language folder of public App Compliance pages, from
//! `ATTEST_TUI_CORPUS` or `../shared/corpus/zh-CN`. Expectations are computed from its pages,
//! so any language folder works. A missing corpus skips those tests with a note, and the test
//! `corpus_present` fails unless `ATTEST_TUI_ALLOW_NO_CORPUS` is set, so the skip shows in the
//! summary (and CI, which does not set it, fails).

use std::path::PathBuf;

pub const ALLOW_MISSING: &str = "ATTEST_TUI_ALLOW_NO_CORPUS";

/// Where the corpus should be.
pub fn corpus_path() -> PathBuf {
    std::env::var_os("ATTEST_TUI_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| super::cli::shared_dir().join("corpus/zh-CN"))
}

/// The corpus folder, or None (and a note on stderr) when it is absent.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = corpus_path();
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
    }
}
