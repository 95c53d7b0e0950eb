//! No lost field: the CLI changes a review while the TUI is open, the TUI notices and shows it,
//! and its own later change to another field of the same app keeps the CLI's.

use crate::support::pty::{BIN, Pty};

const FIXTURE: &str = "tests/fixtures/tui_catalog.json";

fn cli(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(BIN)
        .args(args)
        .args(["--catalog", FIXTURE])
        .env("ATTEST_TUI_DATA_DIR", data)
        .env_remove("ATTEST_TUI_CONFIG")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run the CLI");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn a_cli_review_while_the_tui_is_open_survives_the_tuis_next_save() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::binary(&["--catalog", FIXTURE], data.path(), 120, 30);
    pty.wait_for("Apps 4/4");
    pty.send("j");
    pty.wait_for("Contoso Notes · Contoso");
    // The TUI approves first, so it holds a decision of its own in memory.
    pty.send("a");
    pty.wait_for("Contoso Notes: approved");

    cli(
        data.path(),
        &[
            "review",
            "WA100000001",
            "--note",
            "from-cli",
            "--decision",
            "needs-review",
        ],
    );
    // Coming back to the TUI (a focus event) makes it look; its timer would too.
    pty.send("\x1b[I");
    pty.wait_for("changed in another program: Contoso Notes (decision and note)");
    pty.wait_for("from-cli");

    // Now a field the CLI did not touch, from the TUI.
    pty.send("*");
    pty.wait_for("Contoso Notes: bookmarked");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());

    let out = cli(data.path(), &["review", "WA100000001", "--json"]);
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["decision"], "needs_review", "{review}");
    assert_eq!(review["note"], "from-cli", "{review}");
    assert_eq!(review["bookmark"], true, "{review}");
}

#[test]
fn a_tui_save_right_after_a_cli_change_keeps_it_without_waiting_to_notice() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::binary(&["--catalog", FIXTURE], data.path(), 120, 30);
    pty.wait_for("Apps 4/4");
    cli(
        data.path(),
        &["review", "WA200001428", "--note", "cli-note"],
    );
    // The save itself reads the file first, whether or not the TUI has looked since.
    pty.send("b");
    pty.wait_for("changed in another program");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
    let out = cli(data.path(), &["review", "WA200001428", "--json"]);
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&review["decision"], &review["note"]),
        (&"blocked".into(), &"cli-note".into()),
        "{review}"
    );
}
