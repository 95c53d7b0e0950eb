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
    #[error("cannot save review state to {}: {source}; your changes are kept in memory and saved on the next try", path.display())]
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

    /// Change one app's review in memory; `save` writes it.
    pub fn update(&mut self, app_id: &str, change: impl FnOnce(&mut Review)) {
        let review = self.reviews.entry(app_id.to_string()).or_default();
        change(review);
        review.updated_ms = now_ms().max(review.updated_ms + 1);
        self.pending.insert(app_id.to_string());
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
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_FILE))
            .map_err(write_err)?;
        lock.lock().map_err(write_err)?;
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
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = self.dir.join(format!("{STATE_FILE}.corrupt-{stamp}"));
        match fs::rename(self.path(), &aside) {
            Ok(()) => format!(
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

fn read_state(path: &Path) -> Loaded {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Loaded::Missing;
        }
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
        assert!(err.contains("kept in memory"), "{err}");
        assert!(s.has_pending());
        assert!(s.get("A").unwrap().bookmark);
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
