//! What a sync leaves in the data directory, and the one write that makes it current.
//!
//! ```text
//! <data>/sync/state.json              which files are current and previous, and the validators
//! <data>/sync/catalog-<gen>.json      one catalog per sync (the current and the previous kept)
//! <data>/sync/pages/<lang>-<gen>/     the pages of each language (reused when unchanged)
//! <data>/sync/tmp-<gen>/              a sync in progress (removed by the next one)
//! <data>/sync/lock                    held while a sync runs
//! ```
//!
//! Files are written under new names and never changed afterwards; `state.json` is replaced
//! atomically last. A sync that fails or is killed at any point leaves the state as it was, and
//! whatever it wrote is unreferenced and removed by the next sync.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::lang::LangTag;

pub const SYNC_DIR: &str = "sync";
const STATE_FILE: &str = "state.json";
const LOCK_FILE: &str = "lock";
const PAGES_DIR: &str = "pages";
pub(super) const STATE_FORMAT: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    pub format: u32,
    pub current: Option<Snapshot>,
    /// The catalog before the last sync that changed it (for `attest-tui changes`).
    pub previous: Option<Snapshot>,
}

/// One synced catalog and what it was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// File name of the catalog in the sync folder.
    pub catalog: String,
    /// When the catalog was written, seconds since 1970.
    pub made_at: u64,
    pub apps: usize,
    pub languages: Vec<LangState>,
}

impl Snapshot {
    pub fn language(&self, lang: &LangTag) -> Option<&LangState> {
        self.languages.iter().find(|l| &l.lang == lang)
    }

    /// When the source was last confirmed: the oldest check of its languages.
    pub fn checked_at(&self) -> u64 {
        self.languages
            .iter()
            .map(|l| l.checked_at)
            .min()
            .unwrap_or(self.made_at)
    }
}

/// One language's archive as last fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LangState {
    pub lang: LangTag,
    /// The URL fetched, without credentials.
    pub url: String,
    /// Folder name of its pages under `pages/`.
    pub pages: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub commit: Option<String>,
    /// Newest page time in the archive (the commit's time), seconds since 1970.
    pub newest_page: Option<u64>,
    pub fetched_at: u64,
    /// When the server last confirmed it (a download or a 304).
    pub checked_at: u64,
    pub app_pages: usize,
    pub registration_pages: usize,
    /// Files and bytes in its pages folder, to notice a folder damaged since.
    pub files: usize,
    pub kept_bytes: u64,
    pub downloaded: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}: not a sync state this version reads: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("another `attest-tui sync` is running (it holds {})", path.display())]
    Busy { path: PathBuf },
}

pub struct Store {
    dir: PathBuf,
}

/// Held while a sync runs; released when dropped.
pub struct SyncLock {
    _file: File,
}

impl Store {
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join(SYNC_DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
        move |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn lock(&self) -> Result<SyncLock, StoreError> {
        fs::create_dir_all(self.dir.join(PAGES_DIR)).map_err(Self::io_err(&self.dir))?;
        let path = self.dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(Self::io_err(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(SyncLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Busy { path }),
            Err(fs::TryLockError::Error(e)) => Err(Self::io_err(&path)(e)),
        }
    }

    /// The state, or None when nothing was synced yet.
    pub fn read_state(&self) -> Result<Option<SyncState>, StoreError> {
        let path = self.dir.join(STATE_FILE);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Self::io_err(&path)(e)),
        };
        let corrupt = |reason: String| StoreError::Corrupt {
            path: path.clone(),
            reason,
        };
        let state: SyncState =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
        if state.format != STATE_FORMAT {
            return Err(corrupt(format!("format {}", state.format)));
        }
        Ok(Some(state))
    }

    pub fn write_state(&self, state: &SyncState) -> Result<(), StoreError> {
        let path = self.dir.join(STATE_FILE);
        let json = serde_json::to_vec_pretty(state).map_err(io::Error::other);
        json.and_then(|j| crate::review::write_atomic(&path, &j))
            .map_err(Self::io_err(&path))
    }

    /// A catalog file named in the state; None for a name that is not a plain file name.
    pub fn catalog_path(&self, name: &str) -> Option<PathBuf> {
        plain_name(name).then(|| self.dir.join(name))
    }

    pub fn pages_path(&self, name: &str) -> Option<PathBuf> {
        plain_name(name).then(|| self.dir.join(PAGES_DIR).join(name))
    }

    /// A name no earlier sync used: the time, the process and a counter.
    pub fn generation() -> String {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        format!(
            "{}-{:09}-{}-{}",
            crate::export::timestamp((nanos / 1_000_000_000) as u64),
            nanos % 1_000_000_000,
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        )
    }

    /// A fresh folder for a sync in progress.
    pub fn staging(&self, generation: &str) -> Result<PathBuf, StoreError> {
        let path = self.dir.join(format!("tmp-{generation}"));
        fs::create_dir_all(&path).map_err(Self::io_err(&path))?;
        Ok(path)
    }

    /// Move a language's freshly extracted pages into place under a new name.
    pub fn keep_pages(&self, staged: &Path, name: &str) -> Result<(), StoreError> {
        let target = self.dir.join(PAGES_DIR).join(name);
        fs::rename(staged, &target).map_err(Self::io_err(&target))?;
        File::open(self.dir.join(PAGES_DIR))
            .and_then(|d| d.sync_all())
            .map_err(Self::io_err(&target))
    }

    /// Whether a language's pages folder still holds what the state says it does.
    pub fn pages_intact(&self, lang: &LangState) -> bool {
        let Some(dir) = self.pages_path(&lang.pages) else {
            return false;
        };
        let mut files = 0;
        let mut bytes = 0;
        count_files(&dir, &mut files, &mut bytes).is_ok()
            && files == lang.files
            && bytes == lang.kept_bytes
    }

    /// Remove what `state` does not reference: old catalogs and pages, and unfinished syncs.
    /// Run under the lock; a failure only leaves files behind.
    pub fn clean(&self, state: &SyncState) {
        let snapshots = [&state.current, &state.previous];
        let catalogs: Vec<&str> = snapshots
            .iter()
            .filter_map(|s| s.as_ref().map(|s| s.catalog.as_str()))
            .collect();
        let pages: Vec<&str> = state
            .current
            .iter()
            .flat_map(|s| s.languages.iter().map(|l| l.pages.as_str()))
            .collect();
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let path = entry.path();
                if name.starts_with("tmp-") {
                    let _ = fs::remove_dir_all(&path);
                } else if name.starts_with("catalog-") && !catalogs.contains(&name.as_str()) {
                    let _ = fs::remove_file(&path);
                }
            }
        }
        if let Ok(entries) = fs::read_dir(self.dir.join(PAGES_DIR)) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !pages.contains(&name.as_str()) {
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
    }
}

fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', ':'])
        && !name.starts_with('.')
}

fn count_files(dir: &Path, files: &mut usize, bytes: &mut u64) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            count_files(&entry.path(), files, bytes)?;
        } else {
            *files += 1;
            *bytes += entry.metadata()?.len();
        }
    }
    Ok(())
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_the_state_cannot_leave_the_sync_folder() {
        let s = Store::new(Path::new("/data"));
        assert_eq!(
            s.catalog_path("catalog-1.json"),
            Some(PathBuf::from("/data/sync/catalog-1.json"))
        );
        for bad in [
            "../x",
            "/etc/passwd",
            "..",
            "a/b",
            "a\\b",
            "",
            ".hidden",
            "c:x",
        ] {
            assert_eq!(s.catalog_path(bad), None, "{bad}");
            assert_eq!(s.pages_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn generations_do_not_repeat() {
        let a = Store::generation();
        let b = Store::generation();
        assert_ne!(a, b);
        assert!(plain_name(&a), "{a}");
    }

    #[test]
    fn a_second_sync_cannot_take_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let held = store.lock().unwrap();
        let e = store.lock().err().unwrap().to_string();
        assert!(e.contains("another `attest-tui sync` is running"), "{e}");
        drop(held);
        store.lock().unwrap();
    }

    #[test]
    fn clean_keeps_what_the_state_names() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let _lock = store.lock().unwrap();
        let sync = store.dir().to_path_buf();
        for f in ["catalog-a.json", "catalog-b.json", "catalog-old.json"] {
            fs::write(sync.join(f), "{}").unwrap();
        }
        for d in ["pages/zh-CN-b", "pages/zh-CN-a", "tmp-c/zh-CN"] {
            fs::create_dir_all(sync.join(d)).unwrap();
        }
        let snap = |catalog: &str, pages: &str| Snapshot {
            catalog: catalog.into(),
            made_at: 0,
            apps: 0,
            languages: vec![LangState {
                lang: LangTag::parse("zh-CN").unwrap(),
                url: String::new(),
                pages: pages.into(),
                etag: None,
                last_modified: None,
                commit: None,
                newest_page: None,
                fetched_at: 0,
                checked_at: 0,
                app_pages: 0,
                registration_pages: 0,
                files: 0,
                kept_bytes: 0,
                downloaded: 0,
            }],
        };
        let state = SyncState {
            format: STATE_FORMAT,
            current: Some(snap("catalog-b.json", "zh-CN-b")),
            previous: Some(snap("catalog-a.json", "zh-CN-a")),
        };
        store.clean(&state);
        let mut left: Vec<String> = fs::read_dir(&sync)
            .unwrap()
            .chain(fs::read_dir(sync.join("pages")).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "catalog-a.json",
                "catalog-b.json",
                "lock",
                "pages",
                "zh-CN-b"
            ]
        );
    }
}
