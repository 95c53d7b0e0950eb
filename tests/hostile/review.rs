//! Nothing saved is lost. The data directory is made unwritable by putting it below a regular
//! file (ENOTDIR), which root cannot bypass as it can file modes.

use std::path::Path;

use crate::support::cli::{bin, fixture};

const APP: &str = "WA100000001";

#[test]
fn the_cli_exits_1_and_says_the_change_was_not_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, b"").unwrap();
    let o = bin()
        .env("ATTEST_TUI_DATA_DIR", blocker.join("data"))
        .args(["--catalog", &fixture("small_catalog.json")])
        .args(["review", APP, "--decision", "blocked"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        crate::support::cli::stderr(&o)
    );
    let err = crate::support::cli::stderr(&o);
    assert!(err.contains("the change was not saved"), "{err}");
    assert!(!err.contains("next try"), "{err}");
}

#[test]
fn the_tui_asks_at_quit_then_writes_a_rescue_file_it_names() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, b"").unwrap();
    let rescue_dir = tmp.path().join("tmp");
    std::fs::create_dir(&rescue_dir).unwrap();
    let data = blocker.join("data");
    let catalog = fixture("small_catalog.json");
    let mut p = crate::support::pty::Pty::spawn(
        Path::new(crate::support::pty::BIN),
        &["--catalog", &catalog],
        &[
            ("ATTEST_TUI_DATA_DIR", data.as_os_str()),
            ("TMPDIR", rescue_dir.as_os_str()),
        ],
        120,
        30,
    );
    p.wait_for("apps");
    p.send("b"); // block the selected app
    p.wait_for("cannot save review state");
    p.send("q");
    p.wait_for("press q again");
    assert!(
        p.parser.screen().alternate_screen(),
        "still running after the first q"
    );
    p.send("q");
    assert_eq!(p.wait_exit(), 1, "{}", p.screen());
    let screen = p.screen().replace('\n', "");
    assert!(screen.contains("not saved"), "{screen}");
    assert!(screen.contains("rescue file"), "{screen}");
    let rescue: Vec<_> = std::fs::read_dir(&rescue_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rescue.len(), 1, "{rescue:?}");
    let name = rescue[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(screen.contains(&name), "the rescue file is named: {screen}");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&rescue[0]).unwrap()).unwrap();
    assert_eq!(saved["reviews"][APP]["decision"], "blocked");
}

#[test]
fn quitting_after_the_data_directory_comes_back_saves_without_asking() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::write(&data, b"in the way").unwrap();
    let mut p = crate::support::pty::Pty::spawn(
        Path::new(crate::support::pty::BIN),
        &["--catalog", &fixture("small_catalog.json")],
        &[("ATTEST_TUI_DATA_DIR", data.as_os_str())],
        120,
        30,
    );
    p.wait_for("apps");
    p.send("a");
    p.wait_for("cannot save review state");
    std::fs::remove_file(&data).unwrap();
    p.send("q");
    assert_eq!(p.wait_exit(), 0, "{}", p.screen());
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("state.json")).unwrap()).unwrap();
    assert_eq!(state["reviews"][APP]["decision"], "approved");
}

#[test]
fn a_symlinked_state_file_is_written_through_its_link() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let synced = tmp.path().join("synced");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&synced).unwrap();
    std::os::unix::fs::symlink(synced.join("reviews.json"), data.join("state.json")).unwrap();
    let o = bin()
        .env("ATTEST_TUI_DATA_DIR", &data)
        .args(["--catalog", &fixture("small_catalog.json")])
        .args(["review", APP, "--note", "through the link"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", crate::support::cli::stderr(&o));
    let link = std::fs::symlink_metadata(data.join("state.json")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let text = std::fs::read_to_string(synced.join("reviews.json")).unwrap();
    assert!(text.contains("through the link"), "{text}");
}

#[test]
fn import_never_replaces_a_catalog_with_nothing_unless_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.md"), "not an App Compliance page\n").unwrap();
    let out = tmp.path().join("catalog.json");
    std::fs::copy(fixture("small_catalog.json"), &out).unwrap();
    let before = std::fs::read(&out).unwrap();
    let import = |extra: &[&str]| {
        bin()
            .args([
                "import",
                empty.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let o = import(&[]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        crate::support::cli::stderr(&o)
    );
    assert!(
        crate::support::cli::stderr(&o).contains("--allow-empty"),
        "{}",
        crate::support::cli::stderr(&o)
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the good catalog is untouched"
    );
    let o = import(&["--allow-empty"]);
    assert!(o.status.success(), "{}", crate::support::cli::stderr(&o));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["apps"].as_array().map(Vec::len), Some(0));
    // Where there was no file, an empty result is written as before.
    let fresh = tmp.path().join("fresh.json");
    let o = bin()
        .args([
            "import",
            empty.to_str().unwrap(),
            "-o",
            fresh.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", crate::support::cli::stderr(&o));
}
