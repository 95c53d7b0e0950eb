//! Reading a downloaded archive as its bytes arrive: gunzip, untar, keep the app and
//! registration pages, refuse anything that could write outside the folder or is not what a
//! repository archive holds.
//!
//! The archive is untrusted. Nothing in it is unpacked by path: each kept page is checked and
//! written by [`extract`] itself under `dest`, and every limit is counted on the bytes as they
//! pass, so a forged archive costs at most the limits, never memory or disk beyond them.
//!
//! tar's extension headers (pax `x`/`g`, GNU long names) are read here rather than by the tar
//! crate, which reads them into memory whatever their size; here they are capped.

use std::cell::{Cell, RefCell};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use tar::EntryType;

use super::SyncProgress;
use crate::import::PageOutcome;

/// What one archive may cost. The defaults are far above a real repository (one language:
/// ~77 MB compressed, ~80 MB unpacked, ~5,000 entries, pages under 1 MB, ~11 MB of pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Compressed bytes read from the network.
    pub download_bytes: u64,
    /// Bytes of tar stream after gunzip (the whole archive, kept or not).
    pub unpacked_bytes: u64,
    /// Tar headers, extension headers included.
    pub entries: u64,
    /// One entry's size, whatever it is.
    pub entry_bytes: u64,
    /// One kept page (read into memory to be checked).
    pub page_bytes: u64,
    /// Everything written to disk.
    pub kept_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        const MIB: u64 = 1 << 20;
        Limits {
            download_bytes: 2048 * MIB,
            unpacked_bytes: 4096 * MIB,
            entries: 500_000,
            entry_bytes: 512 * MIB,
            page_bytes: 16 * MIB,
            kept_bytes: 1024 * MIB,
        }
    }
}

/// Extension headers (pax records, GNU long names) hold a path or two; more is not a name.
const EXTENSION_BYTES: u64 = 64 * 1024;

/// The pages file of the pivot titles, kept beside the pages.
const PIVOT_FILE: &str = "zone-pivot-groups.yml";
const APPS_DIR: &str = "Apps";

/// What an archive held and what was kept of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The archive's top folder (`OfficeDocs-AppCompliance-pr.zh-CN-live`).
    pub root: String,
    pub app_pages: usize,
    pub registration_pages: usize,
    /// Files written (pages and the pivot titles).
    pub files: usize,
    pub kept_bytes: u64,
    pub downloaded: u64,
    pub unpacked: u64,
    pub entries: u64,
    /// The commit the archive was made from (git writes it in a pax global header).
    pub commit: Option<String>,
    /// Modification time of the newest kept page, seconds since 1970 (git archive stamps every
    /// entry with the commit's time).
    pub newest_page: Option<u64>,
    /// Links and special files outside `Apps/`, left alone.
    pub specials_skipped: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("entry {index} `{path}` refused: {reason}")]
    Refused {
        index: u64,
        path: String,
        reason: String,
    },
    #[error("{what} is over the limit of {limit} {unit}")]
    Limit {
        what: String,
        limit: u64,
        unit: &'static str,
    },
    #[error("not a gzip-compressed tar archive: {0}")]
    Format(String),
    #[error("the download ended early (truncated after {0} bytes)")]
    Truncated(u64),
    #[error("the download failed after {bytes} bytes: {message}")]
    Network { bytes: u64, message: String },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no app pages under `{root}/Apps/` (read {entries} entries)")]
    NoPages { root: String, entries: u64 },
}

/// Counters shared by the readers and the entry loop. A reader that fails records why here,
/// because the error that comes back out of gunzip and tar has lost that.
#[derive(Default)]
struct Shared {
    downloaded: Cell<u64>,
    download_done: Cell<bool>,
    unpacked: Cell<u64>,
    failure: RefCell<Option<ArchiveError>>,
}

impl Shared {
    fn fail(&self, e: ArchiveError) -> io::Error {
        let message = e.to_string();
        self.failure.borrow_mut().get_or_insert(e);
        io::Error::other(message)
    }

    /// The real cause of an error that came out of gunzip or tar.
    fn cause(&self, e: io::Error) -> ArchiveError {
        if let Some(f) = self.failure.borrow_mut().take() {
            return f;
        }
        if self.download_done.get() && e.kind() == io::ErrorKind::UnexpectedEof {
            return ArchiveError::Truncated(self.downloaded.get());
        }
        ArchiveError::Format(e.to_string())
    }
}

struct DownloadReader<'a, R> {
    inner: R,
    shared: &'a Shared,
    limit: u64,
    progress: &'a dyn SyncProgress,
}

impl<R: Read> Read for DownloadReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(0) => {
                self.shared.download_done.set(!buf.is_empty());
                Ok(0)
            }
            Ok(n) => {
                let total = self.shared.downloaded.get() + n as u64;
                self.shared.downloaded.set(total);
                self.progress.downloaded(total);
                if total > self.limit {
                    return Err(self.shared.fail(limit("the download", self.limit)));
                }
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => Err(self.shared.fail(ArchiveError::Network {
                bytes: self.shared.downloaded.get(),
                message: e.to_string(),
            })),
        }
    }
}

struct UnpackedReader<'a, R> {
    inner: R,
    shared: &'a Shared,
    limit: u64,
}

impl<R: Read> Read for UnpackedReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let total = self.shared.unpacked.get() + n as u64;
        self.shared.unpacked.set(total);
        if total > self.limit {
            return Err(self.shared.fail(limit("the unpacked archive", self.limit)));
        }
        Ok(n)
    }
}

fn limit(what: &str, limit: u64) -> ArchiveError {
    ArchiveError::Limit {
        what: what.to_string(),
        limit,
        unit: "bytes",
    }
}

/// Read a gzipped tar archive from `body` as it arrives and write its app and registration
/// pages (and the pivot titles) under `dest`, laid out as below `<root>/Apps/`.
pub fn extract(
    body: impl Read,
    dest: &Path,
    limits: &Limits,
    progress: &dyn SyncProgress,
) -> Result<Extracted, ArchiveError> {
    let shared = Shared::default();
    let download = DownloadReader {
        inner: body,
        shared: &shared,
        limit: limits.download_bytes,
        progress,
    };
    let unpacked = UnpackedReader {
        inner: GzDecoder::new(download),
        shared: &shared,
        limit: limits.unpacked_bytes,
    };
    let mut archive = tar::Archive::new(unpacked);
    let mut walk = Walk {
        dest,
        limits,
        progress,
        out: Extracted::default(),
        pending: Pending::default(),
        made_dirs: Vec::new(),
    };
    let entries = archive.entries().map_err(|e| shared.cause(e))?.raw(true);
    for entry in entries {
        let entry = entry.map_err(|e| shared.cause(e))?;
        walk.entry(entry).map_err(|e| match e {
            Step::Io(e) => shared.cause(e),
            Step::Stop(e) => e,
        })?;
    }
    // The end-of-archive blocks come before gzip's trailer; reading on to the end checks the
    // trailer's length and CRC, so a download cut off after the last entry is still caught.
    let mut rest = archive.into_inner();
    io::copy(&mut rest, &mut io::sink()).map_err(|e| shared.cause(e))?;
    let mut out = walk.out;
    if out.app_pages == 0 {
        return Err(ArchiveError::NoPages {
            root: out.root,
            entries: out.entries,
        });
    }
    out.downloaded = shared.downloaded.get();
    out.unpacked = shared.unpacked.get();
    Ok(out)
}

/// Why the entry loop stopped: a read that failed (its cause is in [`Shared`]) or a refusal.
enum Step {
    Io(io::Error),
    Stop(ArchiveError),
}

impl From<io::Error> for Step {
    fn from(e: io::Error) -> Step {
        Step::Io(e)
    }
}

impl From<ArchiveError> for Step {
    fn from(e: ArchiveError) -> Step {
        Step::Stop(e)
    }
}

/// What extension headers said about the next entry.
#[derive(Default)]
struct Pending {
    path: Option<Vec<u8>>,
    size: Option<u64>,
    headers: usize,
}

struct Walk<'a> {
    dest: &'a Path,
    limits: &'a Limits,
    progress: &'a dyn SyncProgress,
    out: Extracted,
    pending: Pending,
    /// Folders already created (a repository has a dozen).
    made_dirs: Vec<PathBuf>,
}

impl Walk<'_> {
    fn entry<R: Read>(&mut self, mut entry: tar::Entry<'_, R>) -> Result<(), Step> {
        self.out.entries += 1;
        let index = self.out.entries;
        if index > self.limits.entries {
            return Err(ArchiveError::Limit {
                what: "the number of entries".into(),
                limit: self.limits.entries,
                unit: "entries",
            }
            .into());
        }
        let header = entry.header().clone();
        let kind = header.entry_type();
        let size = header.entry_size()?;
        let refuse = |path: &[u8], reason: &str| ArchiveError::Refused {
            index,
            path: shown(path),
            reason: reason.to_string(),
        };
        if size > self.limits.entry_bytes {
            return Err(ArchiveError::Limit {
                what: format!(
                    "entry {index} `{}` ({size} bytes)",
                    shown(&header.path_bytes())
                ),
                limit: self.limits.entry_bytes,
                unit: "bytes",
            }
            .into());
        }
        if matches!(
            kind,
            EntryType::XGlobalHeader
                | EntryType::XHeader
                | EntryType::GNULongName
                | EntryType::GNULongLink
        ) {
            if size > EXTENSION_BYTES {
                return Err(refuse(&header.path_bytes(), "oversized extension header").into());
            }
            let mut data = Vec::with_capacity(size as usize);
            entry.read_to_end(&mut data)?;
            self.extension(kind, &data)
                .map_err(|reason| refuse(&header.path_bytes(), reason))?;
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let raw_path = pending
            .path
            .unwrap_or_else(|| header.path_bytes().into_owned());
        if pending.size.is_some_and(|s| s != size) {
            return Err(refuse(&raw_path, "its pax size differs from its header's").into());
        }
        let parts = path_parts(&raw_path).map_err(|reason| refuse(&raw_path, reason))?;
        if self.out.root.is_empty()
            && let Some(first) = parts.first()
        {
            self.out.root = first.clone();
        }
        let in_apps = parts.len() >= 2 && parts[0] == self.out.root && parts[1] == APPS_DIR;
        match kind {
            EntryType::Regular | EntryType::Continuous => {}
            EntryType::Directory => return Ok(()),
            // `Apps` itself included: a link there could stand for the whole folder.
            other if in_apps => {
                return Err(refuse(&raw_path, special_name(other)).into());
            }
            _ => {
                // Links and devices elsewhere are never written; a repository may hold links.
                self.out.specials_skipped += 1;
                return Ok(());
            }
        }
        if !in_apps || parts.len() < 3 {
            return Ok(());
        }
        let rel = &parts[2..];
        let is_pivots = rel.len() == 1 && rel[0] == PIVOT_FILE;
        let is_page = rel.len() >= 2
            && rel
                .last()
                .is_some_and(|n| n.to_ascii_lowercase().ends_with(".md"));
        if !is_pivots && !is_page {
            return Ok(());
        }
        if size > self.limits.page_bytes {
            return Err(ArchiveError::Limit {
                what: format!("page `{}` ({size} bytes)", shown(&raw_path)),
                limit: self.limits.page_bytes,
                unit: "bytes",
            }
            .into());
        }
        let mut data = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut data)?;
        if is_page {
            match page_kind(&data, &rel.join("/")) {
                Some(Kept::App) => self.out.app_pages += 1,
                Some(Kept::Registration) => self.out.registration_pages += 1,
                None => return Ok(()),
            }
            if let Ok(mtime) = header.mtime() {
                self.out.newest_page = Some(self.out.newest_page.map_or(mtime, |t| t.max(mtime)));
            }
        }
        for part in rel {
            if let Some(reason) = unusable_name(part) {
                return Err(refuse(&raw_path, reason).into());
            }
        }
        self.write(rel, &data, &raw_path, index)?;
        self.progress
            .pages_kept(self.out.app_pages + self.out.registration_pages);
        Ok(())
    }

    fn extension(&mut self, kind: EntryType, data: &[u8]) -> Result<(), &'static str> {
        self.pending.headers += 1;
        if self.pending.headers > 2 {
            return Err("more than two extension headers for one entry");
        }
        match kind {
            EntryType::XGlobalHeader => {
                self.pending.headers -= 1;
                for ext in tar::PaxExtensions::new(data) {
                    let ext = ext.map_err(|_| "malformed pax header")?;
                    if ext.key() == Ok("comment")
                        && let Ok(v) = ext.value()
                        && v.len() == 40
                        && v.bytes().all(|b| b.is_ascii_hexdigit())
                    {
                        self.out.commit = Some(v.to_ascii_lowercase());
                    }
                }
            }
            EntryType::XHeader => {
                for ext in tar::PaxExtensions::new(data) {
                    let ext = ext.map_err(|_| "malformed pax header")?;
                    match ext.key() {
                        Ok("path") => self.pending.path = Some(ext.value_bytes().to_vec()),
                        Ok("size") => {
                            let size = ext.value().ok().and_then(|v| v.parse().ok());
                            self.pending.size = Some(size.ok_or("unreadable pax size")?);
                        }
                        _ => {}
                    }
                }
            }
            EntryType::GNULongName => {
                let end = data.iter().position(|&b| b == 0).unwrap_or(data.len());
                self.pending.path = Some(data[..end].to_vec());
            }
            // Only links have a long link name, and links are refused or skipped.
            _ => {}
        }
        Ok(())
    }

    fn write(
        &mut self,
        rel: &[String],
        data: &[u8],
        raw_path: &[u8],
        index: u64,
    ) -> Result<(), ArchiveError> {
        let kept = self.out.kept_bytes + data.len() as u64;
        if kept > self.limits.kept_bytes {
            return Err(limit("the pages kept", self.limits.kept_bytes));
        }
        let path = rel.iter().fold(self.dest.to_path_buf(), |p, c| p.join(c));
        let write_err = |source| ArchiveError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent()
            && !self.made_dirs.iter().any(|d| d == parent)
        {
            fs::create_dir_all(parent).map_err(write_err)?;
            self.made_dirs.push(parent.to_path_buf());
        }
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        let mut file = match file {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(ArchiveError::Refused {
                    index,
                    path: shown(raw_path),
                    reason: "the archive holds this file twice".into(),
                });
            }
            Err(e) => return Err(write_err(e)),
        };
        file.write_all(data).map_err(write_err)?;
        self.out.kept_bytes = kept;
        self.out.files += 1;
        Ok(())
    }
}

enum Kept {
    App,
    Registration,
}

/// Whether a page is one the importer reads as an app or an app registration: asked of the
/// importer itself, so the two never disagree about what a page is.
fn page_kind(data: &[u8], source: &str) -> Option<Kept> {
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let text = std::str::from_utf8(data).ok()?;
    match crate::import::parse_markdown_page(text, source).ok()? {
        PageOutcome::App(_) => Some(Kept::App),
        PageOutcome::Registration(_) => Some(Kept::Registration),
        PageOutcome::Skipped { .. } => None,
    }
}

/// The components of an entry's path, or why it is refused. `\` counts as a separator too, so
/// `..\x` is caught for the systems that read it that way.
fn path_parts(raw: &[u8]) -> Result<Vec<String>, &'static str> {
    if raw.is_empty() {
        return Err("empty path");
    }
    if raw.contains(&0) {
        return Err("NUL byte in its path");
    }
    if raw[0] == b'/' || raw[0] == b'\\' {
        return Err("absolute path");
    }
    if raw.len() >= 2 && raw[1] == b':' && raw[0].is_ascii_alphabetic() {
        return Err("absolute path (drive letter)");
    }
    let mut parts = Vec::new();
    for part in raw.split(|&b| b == b'/' || b == b'\\') {
        match part {
            b"" | b"." => {}
            b".." => return Err("`..` in its path"),
            _ => parts.push(String::from_utf8_lossy(part).into_owned()),
        }
    }
    if parts.is_empty() {
        return Err("empty path");
    }
    Ok(parts)
}

/// Why a kept file's name cannot be written as it is on every system, if it cannot.
fn unusable_name(part: &str) -> Option<&'static str> {
    if part.contains(char::REPLACEMENT_CHARACTER) {
        return Some("its name is not UTF-8");
    }
    if part.chars().any(|c| c.is_control() || c == ':') {
        return Some("control character or `:` in its name");
    }
    None
}

fn special_name(kind: EntryType) -> &'static str {
    match kind {
        EntryType::Symlink => "a symbolic link",
        EntryType::Link => "a hard link",
        EntryType::Char => "a character device",
        EntryType::Block => "a block device",
        EntryType::Fifo => "a named pipe",
        EntryType::GNUSparse => "a sparse file",
        _ => "not a regular file or folder",
    }
}

/// An entry path for a message: untrusted, so made safe for a terminal.
fn shown(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let cut: String = text.chars().take(200).collect();
    crate::text::sanitize(&cut).into_owned()
}

#[cfg(test)]
mod tests;
