//! Where attest-tui keeps its files, from `directories` unless the user says otherwise.

use std::path::PathBuf;

use directories::ProjectDirs;

pub const DATA_DIR_ENV: &str = "ATTEST_TUI_DATA_DIR";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "attest-tui")
}

/// The data directory: `--data-dir`, else `$ATTEST_TUI_DATA_DIR`, else the platform's.
pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| project_dirs().map(|d| d.data_dir().to_path_buf()))
}

/// The user's own catalog, loaded after the embedded one when it exists.
pub fn user_catalog(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("catalog.json")
}

pub const CACHE_DIR_ENV: &str = "ATTEST_TUI_CACHE_DIR";

/// The cache directory (imports of page folders): `$ATTEST_TUI_CACHE_DIR`, else the platform's.
pub fn cache_dir() -> Option<PathBuf> {
    std::env::var_os(CACHE_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.cache_dir().to_path_buf()))
}

pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}
