//! End to end: the real binary with a tenant export (written here, in the Microsoft Graph
//! shapes) opens the tenant view, walks the worst service principal's findings, opens the
//! matched app on its Permissions tab and quits.

use crate::support::pty::Pty;
use crate::support::tenant_tui;

#[test]
fn binary_opens_the_tenant_view_and_jumps_to_the_matched_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = tenant_tui::write(dir.path());
    let export = export.to_str().expect("a UTF-8 temp path");
    let mut pty = Pty::binary(
        &[
            "--catalog",
            "tests/fixtures/tui_catalog.json",
            "--tenant",
            export,
        ],
        dir.path(),
        100,
        30,
    );
    pty.wait_for("Apps 4/4");
    pty.wait_for("⌂"); // the in-tenant mark in the list
    pty.send("t");
    pty.wait_for("TENANT");
    pty.wait_for("Service principal (5)");
    pty.wait_for("counted apart: 2 Microsoft, 1 managed");
    // Worst first: the bot's undeclared critical grant is on the first row.
    pty.wait_for("C Contact Center Bot");
    pty.wait_for("UNDECLARED  C Directory.ReadWrite.All");
    pty.send("j"); // Contact Center
    pty.wait_for("UNDECLARED  H Mail.ReadWrite");
    pty.send("\r");
    pty.wait_for("DETAIL");
    pty.wait_for("Granted in the tenant, not declared (2)");
    pty.wait_for("not granted");
    pty.send("t");
    pty.wait_for("TENANT");
    pty.send("q"); // close the view
    pty.wait_for("DETAIL");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
