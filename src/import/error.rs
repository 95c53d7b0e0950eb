use std::path::PathBuf;

use super::PageError;

/// Why an import stopped. Every variant names the file; those about a place in it give the
/// 1-based line and column (0 when the problem is the whole file).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: expected UTF-8 text, found byte 0x{byte:02x}", crate::text::located(path.display(), *line, *column))]
    InvalidUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: u8,
    },
    /// Not read at all: not a regular file, or over the page size limit.
    #[error("{}: {reason}; skipped", path.display())]
    Refused { path: PathBuf, reason: String },
    #[error(transparent)]
    Page(#[from] PageError),
    /// Something a lenient import would skip or work around (`--strict`).
    #[error("{}: {message} (strict import)", crate::text::located(path, *line, *column))]
    Strict {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl ImportError {
    /// Where an invalid UTF-8 sequence starts in `bytes`.
    pub(crate) fn invalid_utf8(path: PathBuf, bytes: &[u8], err: std::str::Utf8Error) -> Self {
        let at = err.valid_up_to();
        let before = &bytes[..at];
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters; the bytes before `at` are valid UTF-8.
        let column =
            std::str::from_utf8(&before[line_start..]).map_or(0, |s| s.chars().count()) + 1;
        ImportError::InvalidUtf8 {
            path,
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            column,
            byte: bytes[at],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let bytes = std::hint::black_box(b"---\nab\xc3\xa9\xff rest".as_slice());
        let err = std::str::from_utf8(bytes).unwrap_err();
        let e = ImportError::invalid_utf8(PathBuf::from("p.md"), bytes, err);
        assert_eq!(
            e.to_string(),
            "p.md:2:4: expected UTF-8 text, found byte 0xff"
        );
    }
}
