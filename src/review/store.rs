use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::write_atomic;

pub const STATE_FILE: &str = "state.json";
const LOCK_FILE: &str = "state.lock";
const STATE_FORMAT: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Blocked,
    NeedsReview,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Approved, Decision::Blocked, Decision::NeedsReview];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Blocked => "blocked",
            Decision::NeedsReview => "needs_review",
        }
    }

    /// Accepts `approved`, `blocked`, `needs_review`, `needs-review` and `needs review`.
    pub fn parse(s: &str) -> Option<Decision> {
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Decision::ALL.into_iter().find(|d| d.as_str() == norm)
    }
}

/// What a reviewer recorded about one app.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub decision: Option<Decision>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub bookmark: bool,
    /// Milliseconds since the Unix epoch of the last change; the later change wins a merge.
    #[serde(default)]
    pub updated_ms: u64,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.decision.is_none() && self.note.is_empty() && !self.bookmark
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct StateFile {
    format: u32,
    #[serde(default)]
    reviews: BTreeMap<String, Review>,
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
    /// Ids changed here and not yet saved.
    pending: BTreeSet<String>,
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
            pending: BTreeSet::new(),
            unreadable: None,
            detached: false,
            warned_at_quit: false,
        };
        let mut warnings = Vec::new();
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
            pending: BTreeSet::new(),
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
            .iter()
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
    pub fn update(&mut self, app_id: &str, change: impl FnOnce(&mut Review)) {
        let review = self.reviews.entry(app_id.to_string()).or_default();
        change(review);
        review.updated_ms = now_ms().max(review.updated_ms + 1);
        self.pending.insert(app_id.to_string());
        self.warned_at_quit = false;
    }

    /// Write pending changes: under a lock, re-read the file so another instance's changes are
    /// kept, lay ours over it (newer wins per app), and replace the file atomically. On failure
    /// the changes stay pending.
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
        let write_err = |source| ReviewError::Write {
            path: self.path(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write_err)?;
        let lock = open_lock(&self.dir.join(LOCK_FILE)).map_err(write_err)?;
        lock.lock().map_err(write_err)?;
        // Under the lock no other instance is between writing a temporary file and renaming
        // it, so any left is a killed save's.
        super::atomic::remove_stale_temps(&self.path());
        let mut merged = match read_state(&self.path()) {
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
        for id in &self.pending {
            let Some(ours) = self.reviews.get(id) else {
                continue;
            };
            let keep_theirs = merged
                .get(id)
                .is_some_and(|t| t.updated_ms > ours.updated_ms);
            if !keep_theirs {
                merged.insert(id.clone(), ours.clone());
            }
        }
        merged.retain(|_, r| !r.is_empty());
        let file = StateFile {
            format: STATE_FORMAT,
            reviews: merged,
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| write_err(io::Error::other(e)))?;
        write_atomic(&self.path(), &bytes).map_err(write_err)?;
        self.reviews = file.reviews;
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
        Ok(f) if f.format == STATE_FORMAT => Loaded::Ok(f.reviews),
        Ok(f) => Loaded::Corrupt(format!("unknown state format {}", f.format)),
        Err(e) => Loaded::Corrupt(e.to_string()),
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_parse_loosely() {
        assert_eq!(Decision::parse("Needs review"), Some(Decision::NeedsReview));
        assert_eq!(Decision::parse("blocked"), Some(Decision::Blocked));
        assert_eq!(Decision::parse("maybe"), None);
    }

    #[test]
    fn saved_reviews_load_again() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, w) = ReviewStore::open(dir.path());
        assert!(w.is_empty());
        s.update("WA1", |r| {
            r.decision = Some(Decision::Blocked);
            r.note = "asks for Mail.Read".into();
        });
        s.save().unwrap();
        let (s2, _) = ReviewStore::open(dir.path());
        assert_eq!(s2.get("WA1").unwrap().decision, Some(Decision::Blocked));
        assert_eq!(s2.get("WA1").unwrap().note, "asks for Mail.Read");
    }

    #[test]
    fn corrupt_file_is_moved_aside_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(STATE_FILE), b"{not json").unwrap();
        let (mut s, warnings) = ReviewStore::open(dir.path());
        assert!(warnings[0].contains("was corrupt"), "{warnings:?}");
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("state.json.corrupt-")
            })
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(aside[0].path()).unwrap(), b"{not json");
        s.update("A", |r| r.bookmark = true);
        s.save().unwrap();
        assert!(ReviewStore::open(dir.path()).0.get("A").unwrap().bookmark);
    }

    #[test]
    fn two_instances_keep_each_others_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (mut one, _) = ReviewStore::open(dir.path());
        let (mut two, _) = ReviewStore::open(dir.path());
        one.update("A", |r| r.decision = Some(Decision::Approved));
        two.update("B", |r| r.decision = Some(Decision::Blocked));
        one.save().unwrap();
        two.save().unwrap();
        let (fresh, _) = ReviewStore::open(dir.path());
        assert_eq!(fresh.get("A").unwrap().decision, Some(Decision::Approved));
        assert_eq!(fresh.get("B").unwrap().decision, Some(Decision::Blocked));
        // And the second instance now sees the first one's change too.
        assert!(two.get("A").is_some());
    }

    #[test]
    fn later_change_to_the_same_app_wins() {
        let dir = tempfile::tempdir().unwrap();
        let (mut one, _) = ReviewStore::open(dir.path());
        let (mut two, _) = ReviewStore::open(dir.path());
        one.update("A", |r| r.note = "first".into());
        std::thread::sleep(std::time::Duration::from_millis(3));
        two.update("A", |r| r.note = "second".into());
        two.save().unwrap();
        one.save().unwrap();
        assert_eq!(
            ReviewStore::open(dir.path()).0.get("A").unwrap().note,
            "second"
        );
    }

    #[test]
    fn failed_save_keeps_changes_pending() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file-not-dir");
        fs::write(&blocker, b"").unwrap();
        let (mut s, _) = ReviewStore::open(&blocker.join("sub"));
        s.update("A", |r| r.bookmark = true);
        let err = s.save().unwrap_err().to_string();
        assert!(err.contains("cannot save review state"), "{err}");
        assert!(s.has_pending());
        assert!(s.get("A").unwrap().bookmark);
    }

    #[test]
    fn two_corrupt_files_moved_aside_in_one_second_keep_both() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(STATE_FILE);
        for bad in [&b"{first"[..], &b"{second"[..], &b"{third"[..]] {
            fs::write(&state, bad).unwrap();
            let (_, warnings) = ReviewStore::open(dir.path());
            assert!(warnings[0].contains("moved it to"), "{warnings:?}");
        }
        let mut kept: Vec<Vec<u8>> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .map(|e| fs::read(e.path()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, [&b"{first"[..], &b"{second"[..], &b"{third"[..]]);
        assert!(!state.exists());
    }

    #[test]
    fn quitting_with_unsaved_changes_asks_once_then_rescues_them() {
        let dir = tempfile::tempdir().unwrap();
        // A data directory below a regular file cannot be created, even by root (ENOTDIR).
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"").unwrap();
        let (mut s, _) = ReviewStore::open(&blocker.join("data"));
        s.update("A", |r| r.decision = Some(Decision::Blocked));
        assert!(s.save().is_err());
        let QuitCheck::Unsaved(msg) = s.check_quit() else {
            panic!("quit must ask first")
        };
        assert!(msg.starts_with("cannot save review state"), "{msg}");
        assert_eq!(s.check_quit(), QuitCheck::Confirmed);
        // A new change asks again.
        s.update("B", |r| r.bookmark = true);
        assert!(matches!(s.check_quit(), QuitCheck::Unsaved(_)));
        let rescue = s.write_rescue().unwrap();
        assert!(
            rescue.starts_with(std::env::temp_dir()),
            "{}",
            rescue.display()
        );
        let text = fs::read_to_string(&rescue).unwrap();
        fs::remove_file(&rescue).unwrap();
        let back: StateFile = serde_json::from_str(&text).unwrap();
        assert_eq!(back.reviews["A"].decision, Some(Decision::Blocked));
        assert!(back.reviews["B"].bookmark);
    }

    #[test]
    fn quitting_saves_what_a_failed_save_left_when_it_can() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        fs::write(&data, b"in the way").unwrap();
        let (mut s, _) = ReviewStore::open(&data);
        s.update("A", |r| r.bookmark = true);
        assert!(s.save().is_err());
        fs::remove_file(&data).unwrap();
        assert_eq!(s.check_quit(), QuitCheck::Saved);
        assert!(ReviewStore::open(&data).0.get("A").unwrap().bookmark);
    }

    #[test]
    fn a_fifo_for_a_state_file_or_lock_never_blocks() {
        let mkfifo = |p: &Path| {
            let made = std::process::Command::new("mkfifo").arg(p).status();
            assert!(made.unwrap().success(), "mkfifo");
        };
        let dir = tempfile::tempdir().unwrap();
        mkfifo(&dir.path().join(STATE_FILE));
        let (mut s, warnings) = ReviewStore::open(dir.path());
        assert!(warnings[0].contains("a FIFO"), "{warnings:?}");
        s.update("A", |r| r.bookmark = true);
        assert!(matches!(s.save(), Err(ReviewError::Unreadable { .. })));

        let dir = tempfile::tempdir().unwrap();
        mkfifo(&dir.path().join(LOCK_FILE));
        let (mut s, _) = ReviewStore::open(dir.path());
        s.update("A", |r| r.bookmark = true);
        let e = s.save().unwrap_err().to_string();
        assert!(e.contains("state.lock"), "{e}");
    }

    #[test]
    fn unreadable_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the state file should be cannot be read as a file.
        fs::create_dir(dir.path().join(STATE_FILE)).unwrap();
        let (mut s, warnings) = ReviewStore::open(dir.path());
        assert!(!warnings.is_empty());
        s.update("A", |r| r.bookmark = true);
        assert!(matches!(s.save(), Err(ReviewError::Unreadable { .. })));
        assert!(dir.path().join(STATE_FILE).is_dir());
    }

    #[test]
    fn cleared_reviews_are_dropped_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = ReviewStore::open(dir.path());
        s.update("A", |r| r.bookmark = true);
        s.save().unwrap();
        s.update("A", |r| r.bookmark = false);
        s.save().unwrap();
        let text = fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
        assert!(!text.contains("\"A\""), "{text}");
    }
}
