//! Reading files that may be hostile: every file attest-tui reads (pages, catalogs, the config,
//! tier tables, review state, the import cache) is opened here, so none can hang or exhaust it.
//!
//! - Only regular files are read. A FIFO, a device, a socket, a directory, or a symlink to one
//!   of them is refused with what it is. The file is opened non-blocking (opening a FIFO
//!   otherwise waits for a writer forever) and checked again on the open descriptor, so a
//!   file swapped after the first look is caught too.
//! - Every read is bounded by a cap the caller names: a file whose size is over it is refused
//!   before a byte is read (a sparse 4 GB page costs nothing), and one that grows while it is
//!   read stops at the cap.
//!
//! `std::fs::read` does neither, which is why it is not used on user paths.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The most a page of App Compliance markdown or text may be. The largest real page (an index
/// of every Teams app) is about 50 KB; app pages are 5–30 KB.
pub const MAX_PAGE_BYTES: u64 = 4 << 20;

/// The most a config file, a tier table or a `zone-pivot-groups.yml` may be: each is a few
/// kilobytes when written by hand.
pub const MAX_SETTINGS_BYTES: u64 = 4 << 20;

/// The most a review state file may be: a decision and a note for each of 100k apps with room
/// to spare.
pub const MAX_STATE_BYTES: u64 = 256 << 20;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("the file is {size} bytes, over the {max}-byte limit")]
    TooLarge { size: u64, max: u64 },
}

impl ReadError {
    /// Whether the file does not exist (or a parent is not a directory).
    pub fn is_missing(&self) -> bool {
        matches!(self, ReadError::Io(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory))
    }
}

/// What a file that is not regular is, for messages.
pub fn file_kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// Open a regular file for reading without blocking on special files; returns it with its
/// metadata (from the open descriptor). `max`: refuse a file larger than this.
pub fn open_regular(path: &Path, max: u64) -> Result<(File, Metadata), ReadError> {
    // A socket cannot be opened at all (ENXIO), so look first to say what it is.
    let first = fs::metadata(path)?;
    if !first.is_file() {
        return Err(ReadError::NotRegular(file_kind(&first)));
    }
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta)));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    Ok((file, meta))
}

/// The whole of a regular file of at most `max` bytes.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path, max)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// As [`read_regular`], as UTF-8 text.
pub fn read_regular_text(path: &Path, max: u64) -> Result<String, ReadError> {
    let bytes = read_regular(path, max)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e.utf8_error())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success(), "mkfifo");
        let e = read_regular(&fifo, 10).unwrap_err();
        assert!(matches!(e, ReadError::NotRegular("a FIFO")), "{e}");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(matches!(
            read_regular(&link, 10),
            Err(ReadError::NotRegular("a FIFO"))
        ));
    }

    #[test]
    fn a_device_and_a_directory_are_refused() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a character device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("a directory"))
        ));
    }

    #[test]
    fn a_file_over_the_cap_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sparse.md");
        File::create(&p).unwrap().set_len(1 << 40).unwrap();
        let e = read_regular(&p, MAX_PAGE_BYTES).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { .. }), "{e}");
        fs::write(&p, b"12345").unwrap();
        assert_eq!(read_regular(&p, 5).unwrap(), b"12345");
        assert!(read_regular(&p, 4).is_err());
    }

    #[test]
    fn missing_files_say_so() {
        let e = read_regular(Path::new("/nonexistent/x"), 1).unwrap_err();
        assert!(e.is_missing());
    }
}
