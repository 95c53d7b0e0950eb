//! End to end: the real program in a pseudo-terminal, keys typed as a person would, the screen
//! read back through a vt100 parser.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::support::pty::Pty;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Review state written by these runs goes here, never into the user's data directory.
fn data_dir() -> PathBuf {
    std::env::temp_dir().join("attest-tui-e2e-data")
}

/// Launch, search "landis", open the Permissions tab, see the four GUIDs, quit with q.
fn landis_scenario(program: &Path, args: &[&str]) {
    let mut pty = Pty::spawn(
        program,
        args,
        &[("ATTEST_TUI_DATA_DIR", data_dir().as_os_str())],
        100,
        30,
    );
    pty.wait_for("Apps 4/4");
    assert!(
        pty.parser.screen().alternate_screen(),
        "runs on the alternate screen"
    );
    pty.send("/landis");
    pty.wait_for("Apps 1/4");
    pty.send("\r"); // keep the filter
    pty.send("\r"); // focus the detail
    pty.wait_for("DETAIL");
    pty.send("5"); // the Permissions tab
    for guid in [
        "05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
        "341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
        "3a08b250-02ce-4316-94f7-069f4ae0c41b",
        "c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8",
    ] {
        pty.wait_for(guid);
    }
    // A burst of resizes, through sizes too small to draw, then back.
    for (cols, rows) in [(20, 5), (1, 1), (200, 60), (33, 9), (20, 5)] {
        pty.resize(cols, rows);
    }
    pty.wait_for("too small");
    pty.resize(100, 30);
    pty.wait_for("c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
    assert!(
        !pty.parser.screen().alternate_screen(),
        "the terminal is restored on quit"
    );
}

/// Click the third app with an SGR mouse report, wheel down to the last; quit with q.
fn mouse_scenario(program: &Path, args: &[&str]) {
    let mut pty = Pty::spawn(
        program,
        args,
        &[("ATTEST_TUI_DATA_DIR", data_dir().as_os_str())],
        100,
        30,
    );
    pty.wait_for("Apps 4/4");
    // Apps take two lines from row 1 (0-based); the third app starts on row 5, i.e. 6 in SGR.
    pty.send("\x1b[<0;5;6M\x1b[<0;5;6m");
    pty.wait_for("WA200003306 · attested");
    pty.send("\x1b[<65;5;6M");
    pty.wait_for("WA104380000 · not certified");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}

fn demo_path() -> Option<PathBuf> {
    let exe = std::env::current_exe().expect("test path");
    exe.parent()
        .and_then(Path::parent)
        .map(|d| {
            d.join("examples")
                .join(format!("tui_demo{}", std::env::consts::EXE_SUFFIX))
        })
        .filter(|d| d.exists())
}

fn fixture() -> &'static str {
    "tests/fixtures/tui_catalog.json"
}

#[test]
fn binary_browses_a_catalog_and_quits_with_q() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_attest-tui"));
    landis_scenario(&bin, &["--catalog", fixture()]);
}

/// The same scenario through `examples/tui_demo.rs`, which `cargo test` builds next to the
/// test binaries.
#[test]
fn demo_example_browses_a_catalog_and_quits_with_q() {
    match demo_path() {
        Some(demo) => landis_scenario(&demo, &[fixture()]),
        None => eprintln!("SKIPPED: examples/tui_demo was not built next to the tests"),
    }
}

#[test]
fn demo_example_answers_the_mouse() {
    match demo_path() {
        Some(demo) => mouse_scenario(&demo, &[fixture()]),
        None => eprintln!("SKIPPED: examples/tui_demo was not built next to the tests"),
    }
}

#[test]
fn demo_example_refuses_to_run_without_a_terminal() {
    let Some(demo) = demo_path() else {
        eprintln!("SKIPPED: examples/tui_demo was not built next to the tests");
        return;
    };
    let out = std::process::Command::new(demo)
        .arg(fixture())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run the demo");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("attest-tui needs a terminal"), "{err}");
}

/// The issue's scenario on the catalog compiled into the binary (no `--catalog`): the two seed
/// apps; Landis's eight tabs are its seven zones and Permissions.
#[test]
fn binary_on_the_embedded_catalog_shows_the_four_landis_registrations() {
    let data = tempfile::tempdir().expect("temp dir");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_attest-tui"));
    let data_arg = data.path().to_str().expect("utf-8 temp path").to_string();
    // Tall enough for all four groups at once (26 permissions).
    let mut pty = Pty::spawn(&bin, &["--data-dir", &data_arg], &[], 100, 60);
    pty.wait_for("Apps 2/2");
    pty.send("/landis");
    pty.wait_for("Apps 1/2");
    pty.send("\r\r");
    pty.wait_for("DETAIL");
    pty.send("8");
    for guid in [
        "05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
        "341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
        "3a08b250-02ce-4316-94f7-069f4ae0c41b",
        "c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8",
    ] {
        pty.wait_for(guid);
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}

#[test]
fn binary_refuses_a_dumb_terminal_with_a_hint() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_attest-tui"));
    let mut cmd = CommandBuilder::new(&bin);
    cmd.env("TERM", "dumb");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let status = child.wait().expect("exit");
    let mut out = String::new();
    let _ = reader.read_to_string(&mut out);
    assert_eq!(status.exit_code(), 2, "{out}");
    assert!(out.contains("TERM=dumb"), "{out}");
}
