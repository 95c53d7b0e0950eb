//! Which notes about catalog files were already given, so a command run again on the same
//! files does not repeat them (a script's stderr stays for errors). A note is remembered with
//! the size and modification time of every file it could be about: a changed catalog gives its
//! notes again. Notes of folders of pages follow the import cache instead (see
//! `sources::import_pages`): an import read from the cache was reported when it was made.
//!
//! The memory is a short list of hashes in the cache directory; one that cannot be read or
//! written only makes the notes show again.

use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const FILE: &str = "notes-seen";

/// Hashes kept: enough for the catalogs of many projects, small enough to read on every start.
const KEEP: usize = 256;

/// `notes` split into those not given before for `sources` as they are now, and those given
/// before. The first ones are remembered as given.
pub fn split_seen(
    cache_dir: Option<&Path>,
    sources: &[PathBuf],
    notes: Vec<String>,
) -> (Vec<String>, Vec<String>) {
    let Some(dir) = cache_dir else {
        return (notes, Vec::new());
    };
    if notes.is_empty() {
        return (notes, Vec::new());
    }
    let file = dir.join(FILE);
    let mut known: Vec<u64> = fs::read_to_string(&file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| u64::from_str_radix(l.trim(), 16).ok())
        .collect();
    let state = fingerprint(sources);
    let (mut fresh, mut repeated) = (Vec::new(), Vec::new());
    for note in notes {
        let key = note_key(state, &note);
        if known.contains(&key) {
            repeated.push(note);
        } else {
            known.push(key);
            fresh.push(note);
        }
    }
    if !fresh.is_empty() {
        let start = known.len().saturating_sub(KEEP);
        let text: String = known[start..]
            .iter()
            .map(|k| format!("{k:016x}\n"))
            .collect();
        let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        let written = fs::create_dir_all(dir)
            .and_then(|()| fs::write(&tmp, text))
            .and_then(|()| fs::rename(&tmp, &file));
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
    (fresh, repeated)
}

/// The sources as they are now: path, size and modification time of each.
fn fingerprint(sources: &[PathBuf]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    for path in sources {
        path.hash(&mut h);
        if let Ok(meta) = fs::metadata(path) {
            meta.len().hash(&mut h);
            meta.modified().ok().hash(&mut h);
        }
    }
    h.finish()
}

fn note_key(state: u64, note: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    state.hash(&mut h);
    note.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_given_once_until_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let catalog = dir.path().join("c.json");
        fs::write(&catalog, "{}").unwrap();
        let sources = vec![catalog.clone()];
        let notes = || vec!["a replaces b".to_string()];
        let (fresh, repeated) = split_seen(Some(&cache), &sources, notes());
        assert_eq!((fresh.len(), repeated.len()), (1, 0));
        let (fresh, repeated) = split_seen(Some(&cache), &sources, notes());
        assert_eq!(
            (fresh.len(), repeated.len()),
            (0, 1),
            "the same files: given"
        );
        let (fresh, _) = split_seen(Some(&cache), &sources, vec!["another".into()]);
        assert_eq!(fresh.len(), 1, "a new note is new");
        fs::write(&catalog, "{ }").unwrap();
        let (fresh, _) = split_seen(Some(&cache), &sources, notes());
        assert_eq!(fresh.len(), 1, "a changed file gives its notes again");
        let (fresh, _) = split_seen(None, &sources, notes());
        assert_eq!(fresh.len(), 1, "no cache directory: nothing is remembered");
    }
}
