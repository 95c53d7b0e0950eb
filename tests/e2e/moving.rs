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
    pty.wait_for("Backspace restores the filter /landis");
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
    // While typing the status line has the error and SEARCH; after Enter the error stays and
    // the mode is LIST. A frame may arrive in parts, so wait for the row that has both.
    pty.wait_for("medium, low or unknown");
    pty.send("\r");
    let want = "filter, column 20: `extreme` is not a risk tier; expected critical, high, medium, low or unknown";
    let start = std::time::Instant::now();
    while !pty
        .screen()
        .lines()
        .any(|l| l.contains(want) && l.contains("│ LIST"))
    {
        assert!(
            start.elapsed() < crate::support::pty::TIMEOUT,
            "the whole error stays in the status line:\n{}",
            pty.screen()
        );
        pty.pump(std::time::Duration::from_millis(50));
    }
    let screen = pty.screen();
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

/// The fixture catalog with links on its first app, written to `dir`.
fn catalog_with_links(dir: &std::path::Path, appsource: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string("tests/fixtures/tui_catalog.json").expect("fixture");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("fixture parses");
    v["apps"][0]["links"] = serde_json::json!({
        "appsource": appsource,
        "website": "https://landis.example/contact-center",
        "privacy": "https://landis.example/privacy",
    });
    let path = dir.join("links.json");
    std::fs::write(&path, v.to_string()).expect("write the catalog");
    path
}

/// The payloads of the OSC 52 sequences in `raw`, decoded.
fn osc52_payloads(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split_once("\x1b\\").map(|(body, _)| body))
        .map(|body| {
            let mut bits = Vec::new();
            for c in body.bytes().filter(|c| *c != b'=') {
                let v = match c {
                    b'A'..=b'Z' => c - b'A',
                    b'a'..=b'z' => c - b'a' + 26,
                    b'0'..=b'9' => c - b'0' + 52,
                    b'+' => 62,
                    _ => 63,
                };
                bits.extend((0..6).rev().map(|i| (v >> i) & 1));
            }
            let bytes: Vec<u8> = bits
                .chunks_exact(8)
                .map(|b| b.iter().fold(0, |acc, bit| acc << 1 | bit))
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

#[test]
fn o_without_a_working_opener_shows_the_link_whole_and_copies_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = "https://appsource.microsoft.com/product/office/WA200001428?tab=Overview";
    let catalog = catalog_with_links(dir.path(), url);
    // A display, but no opener on PATH: starting the browser fails, every time.
    let empty = dir.path().join("no-programs");
    std::fs::create_dir(&empty).unwrap();
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(
        std::path::Path::new(crate::support::pty::BIN),
        &["--catalog", catalog.to_str().unwrap()],
        &[
            ("ATTEST_TUI_DATA_DIR", data.as_os_str()),
            ("PATH", empty.as_os_str()),
            ("DISPLAY", std::ffi::OsStr::new(":0")),
            ("SSH_CONNECTION", std::ffi::OsStr::new("")),
            ("SSH_TTY", std::ffi::OsStr::new("")),
        ],
        80,
        24,
    );
    pty.wait_for("Apps 4/4");
    pty.send("o");
    pty.wait_for("Not opened");
    pty.wait_for("no browser could be started");
    // Every link, the last one too, once the popup is drawn whole (a draw may arrive in parts).
    pty.wait_for("https://landis.example/privacy");
    let screen = pty.screen();
    // The popup wraps a long link in pieces of its width: joined, it is there whole.
    let joined: String = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace() || !c.is_ascii()))
        .collect();
    assert!(joined.contains(url), "the whole link:\n{screen}");
    assert_eq!(osc52_payloads(&pty.raw), [url], "copied with OSC 52");
    pty.send("q");
    pty.wait_for("LIST");
    pty.send("L");
    pty.wait_for("copied with OSC 52");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}

#[test]
fn o_over_ssh_does_not_start_a_browser_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = "https://appsource.microsoft.com/product/office/WA200001428";
    let catalog = catalog_with_links(dir.path(), url);
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(
        std::path::Path::new(crate::support::pty::BIN),
        &["--catalog", catalog.to_str().unwrap()],
        &[
            ("ATTEST_TUI_DATA_DIR", data.as_os_str()),
            (
                "SSH_CONNECTION",
                std::ffi::OsStr::new("10.0.0.1 5000 10.0.0.2 22"),
            ),
        ],
        120,
        35,
    );
    pty.wait_for("Apps 4/4");
    pty.wait_for("Links AppSource");
    pty.send("o");
    pty.wait_for("over SSH a browser would start on the remote machine");
    pty.wait_for(url);
    assert_eq!(osc52_payloads(&pty.raw), [url]);
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
