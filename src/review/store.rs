use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::fields::FieldSet;
use super::record::Review;
use super::write_atomic;

pub const STATE_FILE: &str = "state.json";
pub(super) const LOCK_FILE: &str = "state.lock";
/// Still 1: the per-field times (and what a decision was made on) are fields a reader of the
/// first version ignores, so an older build keeps reading every decision and note.
const STATE_FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StateFile {
    pub(super) format: u32,
    #[serde(default)]
    pub(super) reviews: BTreeMap<String, Review>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("cannot save review state to {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("review state in {} could not be read earlier ({reason}); not overwriting it — fix or move the file, then try again", path.display())]
    Unreadable { path: PathBuf, reason: String },
}

/// Review state of every app, keyed by app id so it survives re-imports of the catalog.
#[derive(Debug)]
pub struct ReviewStore {
    dir: PathBuf,
    reviews: BTreeMap<String, Review>,
    /// Fields changed here and not yet saved, by app id.
    pending: BTreeMap<String, FieldSet>,
    /// Fields another program changed, learnt from the file and not yet told (see
    /// [`ReviewStore::take_changed_elsewhere`]).
    elsewhere: BTreeMap<String, FieldSet>,
    /// The file as last read or written here: a different one was replaced by someone else.
    seen: Option<FileStamp>,
    /// Set when the file exists but cannot be read (permissions): never write over it.
    unreadable: Option<String>,
    /// A store with no file behind it (tests, previews): changes live in memory only.
    detached: bool,
    /// The user was told at quit that changes could not be saved; asking again quits.
    warned_at_quit: bool,
}

/// What asking to quit finds (see [`ReviewStore::check_quit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuitCheck {
    /// Everything is saved: quit.
    Saved,
    /// Changes are still not saved (why, from the save): say so and stay; asking again quits.
    Unsaved(String),
    /// Still not saved and the user was told: quit, then [`ReviewStore::write_rescue`].
    Confirmed,
}

enum Loaded {
    Missing,
    Ok(BTreeMap<String, Review>),
    Corrupt(String),
    Unreadable(String),
}

impl ReviewStore {
    /// Open the state in `dir`. Never fails: a corrupt file is moved aside (and a warning says
    /// where), an unreadable one is left alone and the store refuses to save over it.
    pub fn open(dir: &Path) -> (ReviewStore, Vec<String>) {
        let mut store = ReviewStore {
            dir: dir.to_path_buf(),
            reviews: BTreeMap::new(),
            pending: BTreeMap::new(),
            elsewhere: BTreeMap::new(),
            seen: None,
            unreadable: None,
            detached: false,
            warned_at_quit: false,
        };
        let mut warnings = Vec::new();
        store.seen = FileStamp::of(&store.path());
        match read_state(&store.path()) {
            Loaded::Missing => {}
            Loaded::Ok(reviews) => store.reviews = reviews,
            Loaded::Corrupt(reason) => warnings.push(store.move_aside(&reason)),
            Loaded::Unreadable(reason) => {
                warnings.push(format!(
                    "cannot read review state {}: {reason}; it will not be overwritten",
                    store.path().display()
                ));
                store.unreadable = Some(reason);
            }
        }
        (store, warnings)
    }

    /// A store that keeps changes in memory and never touches a file.
    pub fn detached() -> ReviewStore {
        ReviewStore {
            dir: PathBuf::new(),
            reviews: BTreeMap::new(),
            pending: BTreeMap::new(),
            elsewhere: BTreeMap::new(),
            seen: None,
            unreadable: None,
            detached: true,
            warned_at_quit: false,
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    pub fn get(&self, app_id: &str) -> Option<&Review> {
        self.reviews.get(app_id)
    }

    pub fn reviews(&self) -> &BTreeMap<String, Review> {
        &self.reviews
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The fields another program changed since this was last asked, by app id: read from the
    /// file by a save or by [`ReviewStore::refresh`].
    pub fn take_changed_elsewhere(&mut self) -> BTreeMap<String, FieldSet> {
        std::mem::take(&mut self.elsewhere)
    }

    /// How many apps have changes not yet saved.
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// The user asks to quit: retry a pending save; when it still fails, the first ask is
    /// answered with what to tell the user, and the next one (with no change in between)
    /// confirms.
    pub fn check_quit(&mut self) -> QuitCheck {
        if self.pending.is_empty() {
            return QuitCheck::Saved;
        }
        match self.save() {
            Ok(()) => QuitCheck::Saved,
            Err(_) if self.warned_at_quit => QuitCheck::Confirmed,
            Err(e) => {
                self.warned_at_quit = true;
                QuitCheck::Unsaved(e.to_string())
            }
        }
    }

    /// Write the pending changes to a new rescue file, in the state file's format, so they can
    /// be put back by hand: in the data directory if it can be written, else in the temporary
    /// directory. Returns its path.
    pub fn write_rescue(&self) -> io::Result<PathBuf> {
        let reviews: BTreeMap<String, Review> = self
            .pending
            .keys()
            .filter_map(|id| self.reviews.get(id).map(|r| (id.clone(), r.clone())))
            .collect();
        let bytes = serde_json::to_vec_pretty(&StateFile {
            format: STATE_FORMAT,
            reviews,
        })
        .map_err(io::Error::other)?;
        let name = format!(
            "attest-tui-rescue-{}-{}.json",
            crate::export::timestamp_now(),
            std::process::id()
        );
        let mut last = io::Error::other("no directory to write a rescue file to");
        for dir in [self.dir.clone(), std::env::temp_dir()] {
            let path = dir.join(&name);
            match write_new_private(&path, &bytes) {
                Ok(()) => return Ok(path),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// Change one app's review in memory; `save` writes it.
    /// Only the fields the change alters are changed here: the others stay whatever the file
    /// says, also when another program changes them before this is saved.
    pub fn update(&mut self, app_id: &str, change: impl FnOnce(&mut Review)) {
        let review = self.reviews.entry(app_id.to_string()).or_default();
        let before = review.clone();
        change(review);
        let changed = before.differing(review);
        if changed.is_empty() {
            return;
        }
        review.touch(changed, now_ms());
        let pending = self.pending.entry(app_id.to_string()).or_default();
        *pending = pending.union(changed);
        self.warned_at_quit = false;
    }

    /// Read the file again if another program replaced it since it was last read or written
    /// here, and take its changes: every field, except those changed here and not saved yet
    /// that were changed later here than there. No lock: the file is only ever replaced whole.
    /// Returns whether anything was read; what changed is in
    /// [`ReviewStore::take_changed_elsewhere`]. A file that cannot be read is left to the
    /// next save, which says why.
    pub fn refresh(&mut self) -> Result<bool, String> {
        if self.detached {
            return Ok(false);
        }
        let stamp = FileStamp::of(&self.path());
        if stamp == self.seen {
            return Ok(false);
        }
        let theirs = match read_state(&self.path()) {
            Loaded::Ok(theirs) => theirs,
            Loaded::Missing => BTreeMap::new(),
            Loaded::Corrupt(reason) | Loaded::Unreadable(reason) => {
                // Said once per version of the file.
                self.seen = stamp;
                return Err(format!(
                    "review state {} changed and cannot be read: {reason}",
                    self.path().display()
                ));
            }
        };
        self.unreadable = None;
        self.seen = stamp;
        self.merge(theirs);
        Ok(true)
    }

    /// Lay the pending changes over `theirs` (the file's reviews) field by field, the later
    /// change of a field winning, and make the result the reviews known here. What differs
    /// from what was known here before, other than the pending changes, was changed elsewhere.
    fn merge(&mut self, mut merged: BTreeMap<String, Review>) {
        for (id, fields) in &mut self.pending {
            let Some(ours) = self.reviews.get(id) else {
                continue;
            };
            let entry = merged.entry(id.clone()).or_default();
            for f in fields.iter() {
                if entry.field_ms.get(f) > ours.field_ms.get(f) {
                    // Changed there after it was changed here: theirs is the later word.
                    fields.remove(f);
                } else {
                    entry.take_field(f, ours);
                }
            }
        }
        self.pending.retain(|_, f| !f.is_empty());
        let empty = Review::default();
        let ids: std::collections::BTreeSet<&String> =
            self.reviews.keys().chain(merged.keys()).collect();
        for id in ids {
            let before = self.reviews.get(id).unwrap_or(&empty);
            let after = merged.get(id).unwrap_or(&empty);
            let changed = before.differing(after);
            if !changed.is_empty() {
                let told = self.elsewhere.entry(id.clone()).or_default();
                *told = told.union(changed);
            }
        }
        merged.retain(|id, r| !r.is_empty() || self.pending.contains_key(id));
        self.reviews = merged;
    }

    /// Write pending changes: under a lock, re-read the file so another instance's changes are
    /// kept, lay ours over it field by field (the later change of a field wins), and replace the
    /// file atomically. On failure the changes stay pending.
    pub fn save(&mut self) -> Result<(), ReviewError> {
        if self.pending.is_empty() || self.detached {
            return Ok(());
        }
        if let Some(reason) = &self.unreadable {
            return Err(ReviewError::Unreadable {
                path: self.path(),
                reason: reason.clone(),
            });
        }
        let path = self.path();
        let write_err = |source| ReviewError::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write_err)?;
        let lock = open_lock(&self.dir.join(LOCK_FILE)).map_err(write_err)?;
        lock.lock().map_err(write_err)?;
        // Under the lock no other instance is between writing a temporary file and renaming
        // it, so any left is a killed save's.
        super::atomic::remove_stale_temps(&self.path());
        let merged = match read_state(&self.path()) {
            Loaded::Ok(theirs) => theirs,
            Loaded::Missing => BTreeMap::new(),
            Loaded::Corrupt(reason) => {
                // Someone else's broken write; keep it for inspection, then start over.
                self.move_aside(&reason);
                BTreeMap::new()
            }
            Loaded::Unreadable(reason) => {
                return Err(ReviewError::Unreadable {
                    path: self.path(),
                    reason,
                });
            }
        };
        self.merge(merged);
        let file = StateFile {
            format: STATE_FORMAT,
            reviews: self
                .reviews
                .iter()
                .filter(|(_, r)| !r.is_empty())
                .map(|(id, r)| (id.clone(), r.clone()))
                .collect(),
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| write_err(io::Error::other(e)))?;
        write_atomic(&self.path(), &bytes).map_err(write_err)?;
        // Still under the lock: the file now is the one written here.
        self.seen = FileStamp::of(&self.path());
        self.reviews.retain(|_, r| !r.is_empty());
        self.pending.clear();
        Ok(())
    }

    fn move_aside(&self, reason: &str) -> String {
        match move_aside_unique(&self.path()) {
            Ok(aside) => format!(
                "review state {} was corrupt ({reason}); moved it to {} and started a new one",
                self.path().display(),
                aside.display()
            ),
            Err(e) => format!(
                "review state {} is corrupt ({reason}) and could not be moved aside: {e}",
                self.path().display()
            ),
        }
    }
}

/// "1 review change", "3 review changes".
pub fn plural_changes(n: usize) -> String {
    if n == 1 {
        "1 review change".to_string()
    } else {
        format!("{n} review changes")
    }
}

/// Rename `path` to `<path>.corrupt-<UTC time>` (then `-2`, `-3`… when taken) without ever
/// replacing a file: a hard link only succeeds on a free name, then the original goes. Where
/// hard links are not supported, a name checked free is renamed to.
fn move_aside_unique(path: &Path) -> io::Result<PathBuf> {
    let base = format!(
        "{}.corrupt-{}",
        path.display(),
        crate::export::timestamp_now()
    );
    for n in 1..1000 {
        let aside = PathBuf::from(if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        match fs::hard_link(path, &aside) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if !aside.exists() => {
                fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(
        "a thousand corrupt copies are already there",
    ))
}

/// The lock file, opened without blocking should it be a FIFO, and refused unless regular.
fn open_lock(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(named)?;
    if !lock.metadata().map_err(named)?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    Ok(lock)
}

/// Create `path` (never replacing a file) readable by its owner only: notes can be private.
fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn read_state(path: &Path) -> Loaded {
    let bytes = match crate::files::read_regular(path, crate::files::MAX_STATE_BYTES) {
        Ok(b) => b,
        Err(e) if e.is_missing() => return Loaded::Missing,
        Err(e) => return Loaded::Unreadable(e.to_string()),
    };
    match serde_json::from_slice::<StateFile>(&bytes) {
        Ok(f) if f.format == STATE_FORMAT => Loaded::Ok(
            f.reviews
                .into_iter()
                .map(|(id, r)| (id, r.with_field_times()))
                .collect(),
        ),
        Ok(f) => Loaded::Corrupt(format!("unknown state format {}", f.format)),
        Err(e) => Loaded::Corrupt(e.to_string()),
    }
}

/// Which file a path names and its size and time: replacing it (a rename) makes a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::metadata(path).ok()?;
        Some(FileStamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.len(),
            mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
        })
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
