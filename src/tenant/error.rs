use std::path::PathBuf;

/// Why a tenant export could not be read. Every variant names the file; parse errors also name
/// the line and column and what was expected there.
#[derive(Debug, thiserror::Error)]
pub enum TenantError {
    #[error("{}: cannot read: {source}", shown(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: the file is over the {max}-byte limit for a tenant export",
        shown(path)
    )]
    TooLarge { path: PathBuf, max: u64 },
    #[error(
        "{}: more than {max} files; point --tenant at the export files themselves",
        shown(path)
    )]
    TooManyFiles { path: PathBuf, max: usize },
    #[error(
        "{}: no tenant export in this folder (files ending in .json or .csv)",
        shown(path)
    )]
    EmptyFolder { path: PathBuf },
    #[error("{}:{line}:{column}: {message}", shown(path))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl TenantError {
    pub(crate) fn parse(
        path: &std::path::Path,
        (line, column): (usize, usize),
        message: impl Into<String>,
    ) -> TenantError {
        // serde_json says column 0 for an error at the very start of a line (before its first
        // character); positions in messages are 1-based.
        TenantError::Parse {
            path: path.to_path_buf(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }
}

/// A value from the export quoted in a message: made safe for a terminal and cut short.
pub(crate) fn quoted(value: &str) -> String {
    let out = crate::text::truncate_to_width(&crate::text::sanitize(value), 61);
    format!("\"{out}\"")
}

/// A path for a message: file names inside a folder of exports are as untrusted as the files.
pub(crate) fn shown(path: &std::path::Path) -> String {
    crate::text::sanitize(&path.display().to_string()).into_owned()
}
