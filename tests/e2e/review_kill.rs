//! Kill the real binary while it saves review state, hundreds of times, and check after each
//! kill that the state file parses and holds either the old note or the new one.
//!
//! Half the runs are aimed: the debug binary holds its written temporary file for
//! `PAUSE_MS` before the rename (`ATTEST_TUI_TEST_PAUSE_BEFORE_RENAME_MS`, read only by debug
//! builds), and the test kills it at a random moment after it sees that file appear. The other
//! half kill at a random moment with no pause, landing anywhere: before, during or after the
//! save. Each kill is classified by what it left, the counts are printed, and the test fails
//! when too few kills landed inside a save (temporary file written, rename not done), so it
//! cannot pass without exercising what it is for. Temporary files that killed saves leave are
//! removed by the next save; none may pile up.
//!
//! Slow, so ignored by default; `.ci/run` runs it with `--ignored`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::cli::{bin, fixture};

const RUNS: usize = 300;
const PAUSE_MS: u64 = 30;

/// A small deterministic generator, so a failure can be reproduced from its iteration.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn note_in_file(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("state file broken after a kill: {e}"));
    Some(
        v["reviews"]["WA100000001"]["note"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

/// Temporary files of the state file in `dir`, with the pid in each name.
fn temps(dir: &Path) -> Vec<(PathBuf, u32)> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            let pid = name
                .strip_prefix(".state.json.tmp-")?
                .split('-')
                .next()?
                .parse()
                .ok()?;
            Some((path, pid))
        })
        .collect()
}

/// `attest-tui review WA100000001 --note NOTE` on `catalog`, state kept in `data`.
fn save_note(data: &Path, catalog: &str, note: &str) -> std::process::Command {
    let mut cmd = bin();
    cmd.env("ATTEST_TUI_DATA_DIR", data).args([
        "--catalog",
        catalog,
        "review",
        "WA100000001",
        "--note",
        note,
    ]);
    cmd
}

#[derive(Default, Debug)]
struct Counts {
    exited_first: usize,
    before_save: usize,
    inside_save: usize,
    after_save: usize,
    broken: usize,
    most_temps: usize,
}

#[test]
#[ignore = "slow: run with --ignored (CI does)"]
fn killing_a_save_never_leaves_a_broken_state_file() {
    let data = tempfile::tempdir().unwrap();
    let state = data.path().join("state.json");
    let catalog = fixture("small_catalog.json");
    let mut rng = Lcg(0x5eed);
    let mut current: Option<String> = None;
    let mut c = Counts::default();
    for i in 0..RUNS {
        let aimed = i % 2 == 0;
        // Large notes make the write itself take a while too. Unaimed kills fall anywhere in
        // the ~90 ms a debug run takes.
        let note = format!("note {i} {}", "x".repeat(100_000));
        let mut cmd = save_note(data.path(), &catalog, &note);
        cmd.stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        if aimed {
            cmd.env(
                "ATTEST_TUI_TEST_PAUSE_BEFORE_RENAME_MS",
                PAUSE_MS.to_string(),
            );
        }
        let mut child = cmd.spawn().unwrap();
        let pid = child.id();
        if aimed {
            let start = Instant::now();
            while !temps(data.path()).iter().any(|(_, p)| *p == pid)
                && child.try_wait().unwrap().is_none()
                && start.elapsed() < Duration::from_secs(10)
            {
                std::thread::sleep(Duration::from_micros(200));
            }
            std::thread::sleep(Duration::from_micros(rng.next() % (PAUSE_MS * 900)));
        } else {
            std::thread::sleep(Duration::from_micros(rng.next() % 120_000));
        }
        let exited = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let left = temps(data.path());
        c.most_temps = c.most_temps.max(left.len());
        let found = note_in_file(&state);
        match &found {
            None => assert!(current.is_none(), "state file vanished after run {i}"),
            Some(f) if Some(f) != current.as_ref() && *f != note => {
                c.broken += 1;
                eprintln!("run {i}: unexpected note {:?}", &f[..f.len().min(20)]);
            }
            _ => {}
        }
        if exited {
            c.exited_first += 1;
        } else if left.iter().any(|(_, p)| *p == pid) {
            c.inside_save += 1;
            assert_ne!(
                found.as_ref(),
                Some(&note),
                "run {i}: renamed yet the temp is there"
            );
        } else if found.as_ref() == Some(&note) {
            c.after_save += 1;
        } else {
            c.before_save += 1;
        }
        if found.as_ref() == Some(&note) {
            current = found;
        }
    }
    // One save that is not killed removes what the killed ones left.
    let o = save_note(data.path(), &catalog, "last").output().unwrap();
    assert!(o.status.success());
    let left = temps(data.path());
    eprintln!(
        "kill test: {RUNS} runs: {} inside a save (temp file written, rename not done), {} before \
         a save, {} after it, {} exited before the kill; {} broken files; at most {} temp files \
         at once; {} left after a clean save",
        c.inside_save,
        c.before_save,
        c.after_save,
        c.exited_first,
        c.broken,
        c.most_temps,
        left.len()
    );
    assert_eq!(c.broken, 0);
    assert!(
        c.inside_save >= RUNS / 4,
        "only {} of {RUNS} kills landed inside a save: {c:?}",
        c.inside_save
    );
    assert!(c.after_save > 0, "no save ever completed: {c:?}");
    assert!(
        left.is_empty(),
        "temp files of killed saves were not removed: {left:?}"
    );
    assert!(c.most_temps <= 1, "temp files piled up: {c:?}");
    assert_eq!(note_in_file(&state).as_deref(), Some("last"));
}
