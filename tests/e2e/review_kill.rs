//! Kill the real binary at random moments while it saves review state, hundreds of times, and
//! check after each kill that the state file parses and holds either the old note or the new one.
//! Slow, so ignored by default; `.ci/run` runs it with `--ignored`.

use std::time::Duration;

use crate::support::cli::{bin, fixture};

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

fn note_in_file(path: &std::path::Path) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => return None,
    };
    let v: serde_json::Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("state file broken after a kill: {e}"));
    Some(
        v["reviews"]["WA100000001"]["note"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

#[test]
#[ignore = "slow: run with --ignored (CI does)"]
fn killing_a_save_never_leaves_a_broken_state_file() {
    let data = tempfile::tempdir().unwrap();
    let state = data.path().join("state.json");
    let catalog = fixture("small_catalog.json");
    let mut rng = Lcg(0x5eed);
    let mut current: Option<String> = None;
    let (mut broken, mut landed, runs) = (0, 0, 300);
    for i in 0..runs {
        // Large notes make the write long enough for kills to land inside it.
        let note = format!("note {i} {}", "x".repeat(100_000));
        let mut child = bin()
            .env("ATTEST_TUI_DATA_DIR", data.path())
            .args([
                "--catalog",
                &catalog,
                "review",
                "WA100000001",
                "--note",
                &note,
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % 12_000));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        match note_in_file(&state) {
            None => assert!(current.is_none(), "state file vanished after run {i}"),
            Some(found) if Some(&found) == current.as_ref() => {}
            Some(found) if found == note => {
                landed += 1;
                current = Some(found);
            }
            Some(found) => {
                broken += 1;
                eprintln!(
                    "run {i}: unexpected note {:?}",
                    &found[..found.len().min(20)]
                );
            }
        }
    }
    eprintln!("kill test: {runs} runs, {landed} saves landed, {broken} broken files");
    assert_eq!(broken, 0);
    assert!(
        landed > 0,
        "no save ever completed; the test did not exercise anything"
    );
    assert!(
        landed < runs,
        "no kill ever interrupted a save; the test did not exercise anything"
    );
}
