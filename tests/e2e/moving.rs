//! End to end, moving around: back after a jump restores the filter, an invalid filter keeps
//! its error after Enter, and `o` with no working opener shows the link and copies it.

use crate::support::pty::Pty;

fn start(dir: &std::path::Path) -> Pty {
    let mut pty = Pty::binary(
        &["--catalog", "tests/fixtures/tui_catalog.json"],
        dir,
        120,
        35,
    );
    pty.wait_for("Apps 4/4");
    pty
}

#[test]
fn backspace_after_a_jump_returns_to_the_filtered_list_and_the_popup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = start(dir.path());
    pty.send("/landis");
    pty.wait_for("Apps 1/4");
    pty.send("\r"); // keep the filter
    pty.send("\r"); // focus the detail
    pty.wait_for("DETAIL");
    pty.send("5"); // the Permissions tab
    pty.send("/Mail.Send");
    pty.wait_for("/Mail.Send");
    pty.send("\r");
    pty.send("G"); // the permission row, under its group
    pty.send("\r");
    pty.wait_for("Other apps requesting this permission (1)");
    pty.send("\r"); // jump to Contoso Notes, which the filter hides
    pty.wait_for("hides Contoso Notes");
    pty.wait_for("Apps 4/4");
    pty.send("\x7f"); // Backspace
    pty.wait_for("Apps 1/4");
    pty.wait_for("/landis");
    pty.wait_for("Other apps requesting this permission (1)");
    // Once more with Ctrl-o.
    pty.send("\r");
    pty.wait_for("Apps 4/4");
    pty.send("\x0f");
    pty.wait_for("Apps 1/4");
    pty.send("q"); // closes the popup
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}

#[test]
fn an_invalid_filter_keeps_its_error_after_enter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = start(dir.path());
    pty.send("/cert:attested risk:extreme");
    pty.wait_for("`extreme` is not a risk tier");
    pty.send("\r");
    pty.wait_for("LIST");
    let screen = pty.screen();
    assert!(
        screen.contains("filter, column 20: `extreme` is not a risk tier; expected critical, high, medium, low or unknown"),
        "the whole error stays in the status line:\n{screen}"
    );
    assert!(
        screen.contains("stale"),
        "the list says it is stale:\n{screen}"
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}

#[test]
fn the_startup_line_fits_and_the_log_shows_what_loading_noticed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = "tests/fixtures/tui_catalog.json";
    // The same catalog twice: loading notes that the second replaces the first's apps.
    let mut pty = Pty::binary(
        &["--catalog", catalog, "--catalog", catalog],
        dir.path(),
        80,
        24,
    );
    pty.wait_for("loaded 4 apps; 1 note from loading — L shows the log");
    pty.send("L");
    pty.wait_for("Log of this run (1)");
    pty.wait_for("4 apps are defined again by a later source");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
