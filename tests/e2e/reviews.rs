//! End to end: the real binary in a pseudo-terminal blocks an app and quits; the scripting CLI
//! then reads the decision from the same data directory. A bad key override refuses to start.

use crate::support::pty::{BIN, Pty};

const FIXTURE: &str = "tests/fixtures/tui_catalog.json";

#[test]
fn blocking_an_app_in_the_tui_is_saved_for_the_cli() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::binary(&["--catalog", FIXTURE], data.path(), 100, 30);
    pty.wait_for("Apps 4/4");
    // Second app, block it; the status line confirms the save.
    pty.send("j");
    pty.wait_for("Contoso Notes · Contoso");
    pty.send("b");
    pty.wait_for("Contoso Notes: blocked");
    // Copy its id: an OSC 52 sequence with the base64 of the id reaches the terminal.
    pty.send("y");
    pty.wait_for("copied: WA100000001");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
    let raw = String::from_utf8_lossy(&pty.raw);
    assert!(
        raw.contains("\x1b]52;c;V0ExMDAwMDAwMDE=\x1b\\"),
        "OSC 52 with base64(\"WA100000001\")"
    );

    let out = std::process::Command::new(BIN)
        .args(["list", "--json", "--catalog", FIXTURE])
        .env("ATTEST_TUI_DATA_DIR", data.path())
        .env_remove("ATTEST_TUI_CONFIG")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let apps = list.as_array().unwrap();
    let decision = |id: &str| {
        apps.iter()
            .find(|a| a["id"] == id)
            .map(|a| a["review"]["decision"].clone())
            .unwrap()
    };
    assert_eq!(decision("WA100000001"), "blocked");
    assert_eq!(decision("WA200001428"), serde_json::Value::Null);
}

#[test]
fn a_key_bound_twice_in_the_config_refuses_to_start_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys.list]\nsearch = \"j\"\n").unwrap();
    let config_arg = config.display().to_string();
    let mut pty = Pty::binary(
        &["--catalog", FIXTURE, "--config", &config_arg],
        dir.path(),
        100,
        30,
    );
    assert_eq!(pty.wait_exit(), 2, "screen:\n{}", pty.screen());
    let screen = pty.screen();
    assert!(screen.contains("[keys.list] search"), "{screen}");
    assert!(
        screen.contains("config.toml:2:"),
        "names the line: {screen}"
    );
    assert!(!pty.parser.screen().alternate_screen());
}
