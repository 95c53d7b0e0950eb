//! Special and oversized files wherever attest-tui reads: in a folder of pages, as a catalog, a
//! config file, a tier table, the review state. Each run of the real binary must end within
//! `TIME_BOUND` (a hang is the failure looked for: a FIFO opened for reading blocks forever) and
//! within `MEMORY_BOUND` of peak memory (a link to /dev/zero once grew to all of it), and must
//! name what it skipped or refused.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Generous: these runs take well under a second; only a hang or a read without end gets near.
const TIME_BOUND: Duration = Duration::from_secs(30);
/// Peak resident memory of one run: a few tens of MB in practice.
const MEMORY_BOUND_KB: i64 = 300 * 1024;

struct Run {
    code: Option<i32>,
    stderr: String,
    stdout: String,
}

/// Run the binary, killing it past the time bound; measure its peak memory with wait4.
fn run(args: &[&str], data: &Path, envs: &[(&str, &Path)]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut cmd = crate::support::cli::bin();
    cmd.args(args)
        .env("ATTEST_TUI_DATA_DIR", data)
        .env("ATTEST_TUI_CACHE_DIR", data.join("cache"))
        .env_remove("ATTEST_TUI_CONFIG")
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    // Reaped below with wait4, which std's `wait` cannot replace: it also gives peak memory.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().unwrap();
    let pid = child.id() as i32;
    let start = Instant::now();
    let (status, usage) = loop {
        let mut status = 0;
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break (status, usage);
        }
        if start.elapsed() > TIME_BOUND {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("{args:?} still running after {TIME_BOUND:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(
        usage.ru_maxrss < MEMORY_BOUND_KB,
        "{args:?}: peak memory {} KB",
        usage.ru_maxrss
    );
    assert!(libc::WIFEXITED(status), "{args:?} died: status {status}");
    Run {
        code: Some(libc::WEXITSTATUS(status)),
        stdout: std::fs::read_to_string(out).unwrap(),
        stderr: std::fs::read_to_string(err).unwrap(),
    }
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// A folder with one real page.
fn pages(root: &Path) -> PathBuf {
    let dir = root.join("pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        crate::support::cli::fixture("pages/popp.md"),
        dir.join("popp.md"),
    )
    .unwrap();
    dir
}

/// Put one special entry named `name` in a folder of pages, as `make` builds it.
type Make = fn(&Path, &Path);

const SPECIALS: &[(&str, &str, Make)] = &[
    ("pipe.md", "a FIFO", |dir, p| {
        let _ = dir;
        mkfifo(p)
    }),
    ("zero.md", "a character device", |_, p| {
        symlink("/dev/zero", p).unwrap()
    }),
    ("fifo-link.md", "a FIFO", |dir, p| {
        mkfifo(&dir.join(".hidden-fifo"));
        symlink(dir.join(".hidden-fifo"), p).unwrap()
    }),
    ("socket.md", "a socket", |_, p| {
        // Leaked on purpose: the listener must outlive the import.
        std::mem::forget(std::os::unix::net::UnixListener::bind(p).unwrap())
    }),
    ("folder-link.md", "a directory", |_, p| {
        symlink("/", p).unwrap()
    }),
    ("huge.md", "over the 4194304-byte limit", |_, p| {
        sparse(p, 4 << 30)
    }),
];

#[test]
fn each_special_entry_in_a_folder_is_skipped_with_a_warning_naming_it() {
    for (name, what, make) in SPECIALS {
        let tmp = tempfile::tempdir().unwrap();
        let dir = pages(tmp.path());
        make(&dir, &dir.join(name));
        let out = tmp.path().join("catalog.json");
        let r = run(
            &["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap()],
            tmp.path(),
            &[],
        );
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(name), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(what), "{name}: {}", r.stderr);
        assert!(r.stderr.contains("wrote 1 apps"), "{name}: {}", r.stderr);
        let strict = run(
            &["import", dir.to_str().unwrap(), "-o", "-", "--strict"],
            tmp.path(),
            &[],
        );
        assert_eq!(strict.code, Some(2), "{name} --strict: {}", strict.stderr);
        assert!(strict.stderr.contains(what), "{name}: {}", strict.stderr);
    }
}

#[test]
fn a_folder_of_every_special_entry_opens_on_the_fly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = pages(tmp.path());
    for (name, _, make) in SPECIALS {
        make(&dir, &dir.join(name));
    }
    let r = run(
        &["--catalog", dir.to_str().unwrap(), "list"],
        tmp.path(),
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("WA200003306"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains(&format!("{} pages skipped", SPECIALS.len())),
        "{}",
        r.stderr
    );
}

#[test]
fn a_page_over_the_cap_with_real_content_is_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = pages(tmp.path());
    let page = std::fs::read_to_string(crate::support::cli::fixture("pages/popp.md")).unwrap();
    let big = format!("{page}\n{}\n", "[".repeat(5 << 20));
    std::fs::write(dir.join("big.md"), big).unwrap();
    let r = run(
        &["import", dir.to_str().unwrap(), "-o", "-"],
        tmp.path(),
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("big.md: the file is"), "{}", r.stderr);
}

#[test]
fn special_files_as_catalog_config_tiers_and_state_are_refused_quickly() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let fifo = t.join("fifo.json");
    mkfifo(&fifo);
    let zero_link = t.join("zero.json");
    symlink("/dev/zero", &zero_link).unwrap();
    let huge = t.join("huge.json");
    sparse(&huge, 3 << 30);
    let catalog = crate::support::cli::fixture("small_catalog.json");
    for (label, path, what) in [
        ("catalog /dev/zero", "/dev/zero", "a character device"),
        ("catalog FIFO", fifo.to_str().unwrap(), "a FIFO"),
        (
            "catalog link to /dev/zero",
            zero_link.to_str().unwrap(),
            "a character device",
        ),
    ] {
        let r = run(&["--catalog", path, "list"], t, &[]);
        assert_eq!(r.code, Some(2), "{label}: {}", r.stderr);
        assert!(r.stderr.contains(what), "{label}: {}", r.stderr);
    }
    let config = t.join("config.toml");
    for (label, tiers, what) in [
        ("tiers /dev/zero", "/dev/zero", "a character device"),
        ("tiers FIFO", fifo.to_str().unwrap(), "a FIFO"),
        ("tiers sparse", huge.to_str().unwrap(), "over the"),
    ] {
        std::fs::write(&config, format!("risk_tiers = {tiers:?}\n")).unwrap();
        let r = run(
            &[
                "--config",
                config.to_str().unwrap(),
                "--catalog",
                &catalog,
                "list",
            ],
            t,
            &[],
        );
        assert_eq!(r.code, Some(2), "{label}: {}", r.stderr);
        assert!(r.stderr.contains(what), "{label}: {}", r.stderr);
    }
    for (label, config) in [
        ("config FIFO", fifo.as_path()),
        ("config /dev/zero", Path::new("/dev/zero")),
    ] {
        let r = run(
            &["--catalog", &catalog, "list"],
            t,
            &[("ATTEST_TUI_CONFIG", config)],
        );
        assert_eq!(r.code, Some(2), "{label}: {}", r.stderr);
        assert!(
            r.stderr.contains("not a regular file"),
            "{label}: {}",
            r.stderr
        );
    }
    // A state file that is a link to /dev/zero: read as unreadable, never overwritten.
    let data = t.join("data");
    std::fs::create_dir(&data).unwrap();
    symlink("/dev/zero", data.join("state.json")).unwrap();
    let r = run(&["--catalog", &catalog, "list"], &data, &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("a character device"), "{}", r.stderr);
    let r = run(
        &[
            "--catalog",
            &catalog,
            "review",
            "WA100000001",
            "--note",
            "x",
        ],
        &data,
        &[],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains("the change was not saved"),
        "{}",
        r.stderr
    );
    assert!(
        std::fs::symlink_metadata(data.join("state.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
