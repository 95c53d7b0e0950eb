use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replace `path` with `bytes` so that a crash at any moment leaves either the old file or the
/// new one: write a temporary file in the same directory, flush it to disk, rename it over the
/// old one (atomic within a file system), then flush the directory so the rename itself survives.
///
/// A symlink at `path` is written through: the file it points to is replaced and the link
/// stays (a state.json kept in a synced folder and linked from the data directory).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let target = resolve_links(path)?;
    let dir = parent_dir(&target);
    let tmp = dir.join(format!(
        "{}{}-{}",
        temp_prefix(&target),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        pause_before_rename();
        fs::rename(&tmp, &target)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Temporary files for `target` are named `.<name>.tmp-<pid>-<n>` beside it.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

/// The file `path` ends at after following symlinks (which need not exist yet). Relative link
/// targets are taken from the link's own folder, as the kernel does.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // The kernel's own limit on links followed in one lookup.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = parent_dir(&p).join(to);
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Remove temporary files of `target` left by processes that died between writing and
/// renaming them (a SIGKILL, a power cut). Only call while holding the lock that every writer
/// of `target` takes: then no other process can be writing one; the process id in the name is
/// checked as well, so a file of a process still alive is never touched.
pub fn remove_stale_temps(target: &Path) {
    let Ok(target) = resolve_links(target) else {
        return;
    };
    let prefix = temp_prefix(&target);
    let Ok(entries) = fs::read_dir(parent_dir(&target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(|pid| !process_alive(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    if pid as u32 == std::process::id() {
        // Our own temporary files are removed when a write fails; one left is stale.
        return false;
    }
    // Signal 0 checks that the process exists; EPERM means it does, under another user.
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// For the kill test only, and only in debug builds: `ATTEST_TUI_TEST_PAUSE_BEFORE_RENAME_MS`
/// holds the written temporary file that long before the rename, so kills can be aimed inside
/// a save. A release build has no such pause and reads no such variable.
fn pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("ATTEST_TUI_TEST_PAUSE_BEFORE_RENAME_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(10_000)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failure_leaves_the_old_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-dir").join("state.json");
        assert!(write_atomic(&p, b"x").is_err());
        assert!(!p.exists());
    }

    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("sync");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("reviews.json"), b"old").unwrap();
        let link = dir.path().join("state.json");
        std::os::unix::fs::symlink("sync/reviews.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(real.join("reviews.json")).unwrap(), b"new");
        // A dangling link gets its file created.
        let dangling = dir.path().join("other.json");
        std::os::unix::fs::symlink("sync/later.json", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(fs::read(real.join("later.json")).unwrap(), b"made");
    }

    #[test]
    fn a_link_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        // Above the kernel's largest pid_max (2^22), so no process has it.
        let stale = dir.path().join(".state.json.tmp-2000000000-0");
        fs::write(&stale, b"half").unwrap();
        // pid 1 is alive in every pid namespace.
        let alive = dir.path().join(".state.json.tmp-1-0");
        fs::write(&alive, b"in flight").unwrap();
        let other = dir.path().join(".export.csv.tmp-99999999-0");
        fs::write(&other, b"not ours").unwrap();
        remove_stale_temps(&p);
        assert!(!stale.exists());
        assert!(alive.exists());
        assert!(other.exists());
    }
}
