//! End to end: the real binary in a pseudo-terminal marks an app, compares it with another
//! and quits.

use crate::support::pty::Pty;

#[test]
fn binary_marks_an_app_compares_it_with_another_and_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = Pty::binary(
        &["--catalog", "tests/fixtures/tui_catalog.json"],
        dir.path(),
        100,
        30,
    );
    pty.wait_for("Apps 4/4");
    pty.send("m"); // mark the first app, 联系人中心
    pty.wait_for("⇄");
    pty.send("j"); // Contoso Notes
    pty.send("c");
    pty.wait_for("COMPARE");
    pty.wait_for("A 联系人中心");
    pty.wait_for("B Contoso Notes");
    pty.send("5"); // the Permissions tab
    pty.wait_for("Only in A");
    pty.send("s"); // swap
    pty.wait_for("A Contoso Notes");
    pty.send("\x1b"); // back to the list
    pty.wait_for("LIST");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
