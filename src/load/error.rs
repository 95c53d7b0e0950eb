use std::path::PathBuf;

/// Why a catalog source could not be loaded. Every variant names the file; parse errors also
/// name the line and column and what was expected there.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not a regular file ({what}); expected a catalog JSON file or a folder of pages", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: the file is {size} bytes, over the {max}-byte limit for a catalog; split it or import fewer pages", path.display())]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{}: {message}", crate::text::located(path.display(), *line, *column))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: catalog format {found} is not supported; this build of attest-tui reads format {supported}", path.display())]
    Version {
        path: PathBuf,
        found: String,
        supported: u32,
    },
    #[error("{}: app id \"{id}\" appears twice (apps #{first} and #{second}); ids must be unique within a catalog", path.display())]
    DuplicateId {
        path: PathBuf,
        id: String,
        first: usize,
        second: usize,
    },
    #[error("{}: {message}", path.display())]
    Import { path: PathBuf, message: String },
}
