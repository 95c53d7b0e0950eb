//! A cache of folders of pages imported on the fly, so opening the same folder again reads one
//! catalog file instead of every page.
//!
//! An entry is keyed by everything the import read or could read: the path of every file and
//! folder under the imported path (hidden ones excepted, as the importer skips them), each with
//! its size and modification time, the `zone-pivot-groups.yml` files the importer looks for, and
//! the attest-tui executable itself (a new build may import differently). The key is stored in
//! full and compared byte for byte, so any change is a miss; it is taken before importing, so
//! a page changed during an import makes the next open import again. An entry that cannot be
//! read or parsed is ignored and rewritten.
//!
//! Modification times are coarse (file systems stamp them from a clock that ticks every few
//! milliseconds), so a page rewritten with the same size right after it was read could keep its
//! time. As git does for its index, an import is only cached when every input is older than
//! [`SETTLE`]: a page that young is imported again next time.

use std::fmt::Write as _;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{LoadError, parse_catalog_bytes};
use crate::model::Catalog;

const MAGIC: &str = "attest-tui import cache 1\n";
const PIVOT_FILE: &str = "zone-pivot-groups.yml";

/// How old every input must be for an import to be cached.
const SETTLE: Duration = Duration::from_secs(2);

/// Whether an import came from the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    Hit,
    /// Imported; the cache was written if it could be.
    Miss,
    /// No cache directory, or the inputs could not be listed: imported, nothing cached.
    Off,
}

/// The catalog and warnings of importing `path`, from the cache in `cache_dir` when its entry
/// is current, else from `import` (and then stored).
pub fn import_cached(
    cache_dir: Option<&Path>,
    path: &Path,
    import: impl FnOnce() -> Result<(Catalog, Vec<String>), LoadError>,
) -> Result<(Catalog, Vec<String>, CacheUse), LoadError> {
    let (Some(dir), Some(Key { text: key, newest })) = (cache_dir, input_key(path)) else {
        let (catalog, warnings) = import()?;
        return Ok((catalog, warnings, CacheUse::Off));
    };
    let file = entry_path(dir, path);
    if let Some((catalog, warnings)) = read_entry(&file, &key) {
        return Ok((catalog, warnings, CacheUse::Hit));
    }
    let (catalog, warnings) = import()?;
    let settled = SystemTime::now()
        .checked_sub(SETTLE)
        .is_some_and(|t| newest < t);
    if settled {
        // A cache that cannot be written only costs time.
        let _ = write_entry(&file, &key, &catalog, &warnings);
    } else {
        // Never leave an entry that a same-size rewrite of a young page could match.
        let _ = fs::remove_file(&file);
    }
    Ok((catalog, warnings, CacheUse::Miss))
}

fn entry_path(dir: &Path, path: &Path) -> PathBuf {
    let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut h = std::hash::DefaultHasher::new();
    canonical.hash(&mut h);
    dir.join("imports")
        .join(format!("{:016x}.cache", h.finish()))
}

/// Every input of the import, one line each, and the newest modification time among them.
struct Key {
    text: String,
    newest: SystemTime,
}

/// The key of importing `path`, or None if its inputs cannot all be listed.
fn input_key(path: &Path) -> Option<Key> {
    let mut key = Key {
        text: String::new(),
        newest: UNIX_EPOCH,
    };
    let exe = std::env::current_exe().ok()?;
    stat_line(&mut key, "exe", &exe)?;
    // A new build is a new key, whatever its age.
    key.newest = UNIX_EPOCH;
    let canonical = fs::canonicalize(path).ok()?;
    let _ = writeln!(key.text, "root {canonical:?}");
    let meta = fs::metadata(&canonical).ok()?;
    stat_line(&mut key, "", &canonical)?;
    if meta.is_dir() {
        walk(&canonical, &canonical, &mut key)?;
    }
    let start = if meta.is_dir() {
        Some(canonical.as_path())
    } else {
        canonical.parent()
    };
    // The importer looks for the pivot titles in the folder and two of its parents.
    for dir in start.into_iter().flat_map(Path::ancestors).take(3) {
        let pivots = dir.join(PIVOT_FILE);
        if stat_line(&mut key, "pivots", &pivots).is_none() {
            let _ = writeln!(key.text, "pivots {pivots:?} absent");
        }
    }
    Some(key)
}

fn walk(root: &Path, dir: &Path, key: &mut Key) -> Option<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .ok()?
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        // Symlinks are followed for size and time, as the importer reads through them.
        match fs::metadata(&path) {
            Ok(meta) => stat_meta(key, "", &rel, &meta),
            Err(_) => {
                let _ = writeln!(key.text, "{rel:?} unreadable");
            }
        }
        if entry.file_type().ok()?.is_dir() {
            walk(root, &path, key)?;
        }
    }
    Some(())
}

fn stat_line(key: &mut Key, what: &str, path: &Path) -> Option<()> {
    let meta = fs::metadata(path).ok()?;
    stat_meta(key, what, path, &meta);
    Some(())
}

fn stat_meta(key: &mut Key, what: &str, path: &Path, meta: &fs::Metadata) {
    let modified = meta.modified().ok();
    if let Some(t) = modified {
        key.newest = key.newest.max(t);
    } else {
        // No time to compare: never settled.
        key.newest = SystemTime::now();
    }
    let mtime = modified
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let _ = writeln!(key.text, "{what} {path:?} {} {mtime}", meta.len());
}

/// The entry's catalog and warnings if its key is `key` and it reads back whole.
fn read_entry(file: &Path, key: &str) -> Option<(Catalog, Vec<String>)> {
    let bytes = crate::files::read_regular(file, super::MAX_CATALOG_BYTES).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let nl = rest.iter().position(|&b| b == b'\n')?;
    let len: usize = std::str::from_utf8(&rest[..nl]).ok()?.parse().ok()?;
    let rest = &rest[nl + 1..];
    if rest.get(..len)? != key.as_bytes() {
        return None;
    }
    let rest = &rest[len..];
    let nl = rest.iter().position(|&b| b == b'\n')?;
    let warnings: Vec<String> = serde_json::from_slice(&rest[..nl]).ok()?;
    let catalog = parse_catalog_bytes(&rest[nl + 1..], file).ok()?;
    Some((catalog, warnings))
}

fn write_entry(
    file: &Path,
    key: &str,
    catalog: &Catalog,
    warnings: &[String],
) -> std::io::Result<()> {
    let mut out = Vec::with_capacity(key.len() + (1 << 20));
    out.extend_from_slice(MAGIC.as_bytes());
    out.extend_from_slice(format!("{}\n", key.len()).as_bytes());
    out.extend_from_slice(key.as_bytes());
    serde_json::to_writer(&mut out, warnings)?;
    out.push(b'\n');
    serde_json::to_writer(&mut out, catalog)?;
    if let Some(parent) = file.parent() {
        fs::create_dir_all(parent)?;
    }
    crate::review::write_atomic(file, &out)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    const PAGE: &str = "tests/fixtures/pages/popp.md";

    struct Setup {
        _tmp: tempfile::TempDir,
        cache: PathBuf,
        pages: PathBuf,
    }

    fn setup() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let pages = tmp.path().join("pages");
        fs::create_dir_all(pages.join("teams")).unwrap();
        fs::copy(PAGE, pages.join("teams/popp.md")).unwrap();
        age(&pages, 60);
        Setup {
            cache: tmp.path().join("cache"),
            pages,
            _tmp: tmp,
        }
    }

    /// Date every file and folder under `path` `secs` seconds back, past the settling time.
    fn age(path: &Path, secs: u64) {
        let t = SystemTime::now() - Duration::from_secs(secs);
        if path.is_dir() {
            for entry in fs::read_dir(path).unwrap() {
                age(&entry.unwrap().path(), secs);
            }
        }
        fs::File::open(path).unwrap().set_modified(t).unwrap();
    }

    /// Import through the cache with the real importer, counting real imports.
    fn open(s: &Setup, imports: &Cell<usize>) -> (Catalog, CacheUse) {
        let (catalog, _, used) = import_cached(Some(&s.cache), &s.pages, || {
            imports.set(imports.get() + 1);
            let (c, _) = crate::import::import_paths(
                std::slice::from_ref(&s.pages),
                &crate::import::ImportOptions::default(),
            )
            .unwrap();
            Ok((c, vec!["a warning".to_string()]))
        })
        .unwrap();
        (catalog, used)
    }

    #[test]
    fn a_second_open_reads_the_cache_and_gives_the_same_catalog() {
        let s = setup();
        let n = Cell::new(0);
        let (first, used) = open(&s, &n);
        assert_eq!(used, CacheUse::Miss);
        let (again, used) = open(&s, &n);
        assert_eq!(used, CacheUse::Hit);
        assert_eq!(n.get(), 1);
        assert_eq!(again, first);
        let (_, warnings, _) =
            import_cached(Some(&s.cache), &s.pages, || panic!("not imported")).unwrap();
        assert_eq!(warnings, ["a warning"]);
    }

    #[test]
    fn a_changed_page_is_never_served_stale() {
        let s = setup();
        let n = Cell::new(0);
        let (first, _) = open(&s, &n);
        let page = s.pages.join("teams/popp.md");
        let text = fs::read_to_string(&page).unwrap();
        let name = &first.apps[0].name;
        fs::write(&page, text.replace(name.as_str(), "Renamed App")).unwrap();
        let (after, used) = open(&s, &n);
        assert_eq!(used, CacheUse::Miss);
        assert_eq!(after.apps[0].name, "Renamed App");
        // The page was too young to cache; once it is older, it is.
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        age(&s.pages, 30);
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        assert_eq!(open(&s, &n).1, CacheUse::Hit);
    }

    #[test]
    fn a_young_page_rewritten_with_the_same_size_and_time_is_not_served_stale() {
        let s = setup();
        let n = Cell::new(0);
        let page = s.pages.join("teams/popp.md");
        let when = SystemTime::now();
        fs::File::open(&page).unwrap().set_modified(when).unwrap();
        let (first, _) = open(&s, &n);
        // Same length, same modification time: only the content differs.
        let text = fs::read_to_string(&page).unwrap();
        let name = first.apps[0].name.clone();
        let other: String = name.chars().rev().collect();
        assert_eq!(other.len(), name.len());
        fs::write(&page, text.replace(&name, &other)).unwrap();
        fs::File::open(&page).unwrap().set_modified(when).unwrap();
        let (after, used) = open(&s, &n);
        assert_eq!(used, CacheUse::Miss);
        assert_eq!(after.apps[0].name, other);
    }

    #[test]
    fn same_size_but_a_new_modification_time_is_a_miss() {
        let s = setup();
        let n = Cell::new(0);
        open(&s, &n);
        let page = s.pages.join("teams/popp.md");
        let f = fs::File::options().write(true).open(&page).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(30))
            .unwrap();
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        assert_eq!(open(&s, &n).1, CacheUse::Hit);
    }

    #[test]
    fn added_and_removed_pages_and_pivot_files_are_misses() {
        let s = setup();
        let n = Cell::new(0);
        open(&s, &n);
        fs::copy(PAGE, s.pages.join("second.md")).unwrap();
        age(&s.pages, 50);
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        assert_eq!(open(&s, &n).1, CacheUse::Hit);
        fs::remove_file(s.pages.join("second.md")).unwrap();
        age(&s.pages, 40);
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        assert_eq!(open(&s, &n).1, CacheUse::Hit);
        fs::write(s.pages.join(PIVOT_FILE), "groups: []\n").unwrap();
        age(&s.pages, 30);
        assert_eq!(open(&s, &n).1, CacheUse::Miss);
        assert_eq!(open(&s, &n).1, CacheUse::Hit);
    }

    #[test]
    fn a_corrupt_cache_file_is_ignored_and_rewritten() {
        let s = setup();
        let n = Cell::new(0);
        let (first, _) = open(&s, &n);
        let file = entry_path(&s.cache, &s.pages);
        let good = fs::read(&file).unwrap();
        for bad in [
            b"garbage".to_vec(),
            Vec::new(),
            good[..good.len() / 2].to_vec(),
            good[..good.len() - 3].to_vec(),
        ] {
            fs::write(&file, &bad).unwrap();
            let (c, used) = open(&s, &n);
            assert_eq!(used, CacheUse::Miss);
            assert_eq!(c, first);
            assert_eq!(open(&s, &n).1, CacheUse::Hit, "rewritten");
        }
    }

    #[test]
    fn without_a_cache_directory_it_just_imports() {
        let s = setup();
        let (_, _, used) =
            import_cached(None, &s.pages, || Ok((Catalog::default(), Vec::new()))).unwrap();
        assert_eq!(used, CacheUse::Off);
    }
}
