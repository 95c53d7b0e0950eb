//! The review store against real files: merges, corrupt and unreadable files, quitting.

use std::fs;
use std::path::Path;

use super::store::{LOCK_FILE, StateFile};
use super::*;

#[test]
fn saved_reviews_load_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, w) = ReviewStore::open(dir.path());
    assert!(w.is_empty());
    s.update("WA1", |r| {
        r.decision = Some(Decision::Blocked);
        r.note = "asks for Mail.Read".into();
    });
    s.save().unwrap();
    let (s2, _) = ReviewStore::open(dir.path());
    assert_eq!(s2.get("WA1").unwrap().decision, Some(Decision::Blocked));
    assert_eq!(s2.get("WA1").unwrap().note, "asks for Mail.Read");
}

#[test]
fn corrupt_file_is_moved_aside_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(STATE_FILE), b"{not json").unwrap();
    let (mut s, warnings) = ReviewStore::open(dir.path());
    assert!(warnings[0].contains("was corrupt"), "{warnings:?}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(aside[0].path()).unwrap(), b"{not json");
    s.update("A", |r| r.bookmark = true);
    s.save().unwrap();
    assert!(ReviewStore::open(dir.path()).0.get("A").unwrap().bookmark);
}

#[test]
fn two_instances_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut one, _) = ReviewStore::open(dir.path());
    let (mut two, _) = ReviewStore::open(dir.path());
    one.update("A", |r| r.decision = Some(Decision::Approved));
    two.update("B", |r| r.decision = Some(Decision::Blocked));
    one.save().unwrap();
    two.save().unwrap();
    let (fresh, _) = ReviewStore::open(dir.path());
    assert_eq!(fresh.get("A").unwrap().decision, Some(Decision::Approved));
    assert_eq!(fresh.get("B").unwrap().decision, Some(Decision::Blocked));
    // And the second instance now sees the first one's change too.
    assert!(two.get("A").is_some());
}

#[test]
fn later_change_to_the_same_app_wins() {
    let dir = tempfile::tempdir().unwrap();
    let (mut one, _) = ReviewStore::open(dir.path());
    let (mut two, _) = ReviewStore::open(dir.path());
    one.update("A", |r| r.note = "first".into());
    std::thread::sleep(std::time::Duration::from_millis(3));
    two.update("A", |r| r.note = "second".into());
    two.save().unwrap();
    one.save().unwrap();
    assert_eq!(
        ReviewStore::open(dir.path()).0.get("A").unwrap().note,
        "second"
    );
}

#[test]
fn failed_save_keeps_changes_pending() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file-not-dir");
    fs::write(&blocker, b"").unwrap();
    let (mut s, _) = ReviewStore::open(&blocker.join("sub"));
    s.update("A", |r| r.bookmark = true);
    let err = s.save().unwrap_err().to_string();
    assert!(err.contains("cannot save review state"), "{err}");
    assert!(s.has_pending());
    assert!(s.get("A").unwrap().bookmark);
}

#[test]
fn two_corrupt_files_moved_aside_in_one_second_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join(STATE_FILE);
    for bad in [&b"{first"[..], &b"{second"[..], &b"{third"[..]] {
        fs::write(&state, bad).unwrap();
        let (_, warnings) = ReviewStore::open(dir.path());
        assert!(warnings[0].contains("moved it to"), "{warnings:?}");
    }
    let mut kept: Vec<Vec<u8>> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .map(|e| fs::read(e.path()).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, [&b"{first"[..], &b"{second"[..], &b"{third"[..]]);
    assert!(!state.exists());
}

#[test]
fn quitting_with_unsaved_changes_asks_once_then_rescues_them() {
    let dir = tempfile::tempdir().unwrap();
    // A data directory below a regular file cannot be created, even by root (ENOTDIR).
    let blocker = dir.path().join("file");
    fs::write(&blocker, b"").unwrap();
    let (mut s, _) = ReviewStore::open(&blocker.join("data"));
    s.update("A", |r| r.decision = Some(Decision::Blocked));
    assert!(s.save().is_err());
    let QuitCheck::Unsaved(msg) = s.check_quit() else {
        panic!("quit must ask first")
    };
    assert!(msg.starts_with("cannot save review state"), "{msg}");
    assert_eq!(s.check_quit(), QuitCheck::Confirmed);
    // A new change asks again.
    s.update("B", |r| r.bookmark = true);
    assert!(matches!(s.check_quit(), QuitCheck::Unsaved(_)));
    let rescue = s.write_rescue().unwrap();
    assert!(
        rescue.starts_with(std::env::temp_dir()),
        "{}",
        rescue.display()
    );
    let text = fs::read_to_string(&rescue).unwrap();
    fs::remove_file(&rescue).unwrap();
    let back: StateFile = serde_json::from_str(&text).unwrap();
    assert_eq!(back.reviews["A"].decision, Some(Decision::Blocked));
    assert!(back.reviews["B"].bookmark);
}

#[test]
fn quitting_saves_what_a_failed_save_left_when_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::write(&data, b"in the way").unwrap();
    let (mut s, _) = ReviewStore::open(&data);
    s.update("A", |r| r.bookmark = true);
    assert!(s.save().is_err());
    fs::remove_file(&data).unwrap();
    assert_eq!(s.check_quit(), QuitCheck::Saved);
    assert!(ReviewStore::open(&data).0.get("A").unwrap().bookmark);
}

#[test]
fn a_fifo_for_a_state_file_or_lock_never_blocks() {
    let mkfifo = |p: &Path| {
        let made = std::process::Command::new("mkfifo").arg(p).status();
        assert!(made.unwrap().success(), "mkfifo");
    };
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join(STATE_FILE));
    let (mut s, warnings) = ReviewStore::open(dir.path());
    assert!(warnings[0].contains("a FIFO"), "{warnings:?}");
    s.update("A", |r| r.bookmark = true);
    assert!(matches!(s.save(), Err(ReviewError::Unreadable { .. })));

    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join(LOCK_FILE));
    let (mut s, _) = ReviewStore::open(dir.path());
    s.update("A", |r| r.bookmark = true);
    let e = s.save().unwrap_err().to_string();
    assert!(e.contains("state.lock"), "{e}");
}

#[test]
fn unreadable_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the state file should be cannot be read as a file.
    fs::create_dir(dir.path().join(STATE_FILE)).unwrap();
    let (mut s, warnings) = ReviewStore::open(dir.path());
    assert!(!warnings.is_empty());
    s.update("A", |r| r.bookmark = true);
    assert!(matches!(s.save(), Err(ReviewError::Unreadable { .. })));
    assert!(dir.path().join(STATE_FILE).is_dir());
}

#[test]
fn cleared_reviews_are_dropped_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = ReviewStore::open(dir.path());
    s.update("A", |r| r.bookmark = true);
    s.save().unwrap();
    s.update("A", |r| r.bookmark = false);
    s.save().unwrap();
    let text = fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
    assert!(!text.contains("\"A\""), "{text}");
}

#[test]
fn two_instances_changing_different_fields_of_one_app_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut tui, _) = ReviewStore::open(dir.path());
    tui.update("A", |r| r.decision = Some(Decision::Approved));
    tui.save().unwrap();
    // The CLI changes the note and the decision while the TUI is open...
    let (mut cli, _) = ReviewStore::open(dir.path());
    cli.update("A", |r| {
        r.note = "from-cli".into();
        r.decision = Some(Decision::NeedsReview);
    });
    cli.save().unwrap();
    // ...then the TUI bookmarks the app, knowing nothing of it.
    tui.update("A", |r| r.bookmark = true);
    tui.save().unwrap();
    let a = ReviewStore::open(dir.path()).0.get("A").unwrap().clone();
    assert_eq!(
        (a.decision, a.note.as_str(), a.bookmark),
        (Some(Decision::NeedsReview), "from-cli", true)
    );
    // The TUI now shows the CLI's fields and was told which.
    assert_eq!(tui.get("A").unwrap().note, "from-cli");
    let told = tui.take_changed_elsewhere();
    assert_eq!(told["A"].describe(), "decision and note");
    assert!(tui.take_changed_elsewhere().is_empty());
}

#[test]
fn a_later_change_of_one_field_elsewhere_wins_over_an_unsaved_one_here() {
    let dir = tempfile::tempdir().unwrap();
    let (mut one, _) = ReviewStore::open(dir.path());
    let (mut two, _) = ReviewStore::open(dir.path());
    one.update("A", |r| {
        r.note = "first".into();
        r.bookmark = true;
    });
    std::thread::sleep(std::time::Duration::from_millis(3));
    two.update("A", |r| r.note = "second".into());
    two.save().unwrap();
    one.save().unwrap();
    let a = ReviewStore::open(dir.path()).0.get("A").unwrap().clone();
    assert_eq!((a.note.as_str(), a.bookmark), ("second", true));
    assert!(!one.has_pending());
    assert_eq!(one.take_changed_elsewhere()["A"].describe(), "note");
}

#[test]
fn a_cleared_field_stays_cleared_when_another_instance_saves_other_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (mut one, _) = ReviewStore::open(dir.path());
    one.update("A", |r| {
        r.decision = Some(Decision::Blocked);
        r.note = "n".into();
    });
    one.save().unwrap();
    let (mut two, _) = ReviewStore::open(dir.path());
    one.update("A", |r| r.decision = None);
    one.save().unwrap();
    // `two` still holds the old decision in memory; saving its bookmark must not bring it back.
    two.update("A", |r| r.bookmark = true);
    two.save().unwrap();
    let a = ReviewStore::open(dir.path()).0.get("A").unwrap().clone();
    assert_eq!((a.decision, a.bookmark), (None, true));
}

#[test]
fn refresh_reads_a_file_replaced_by_another_program_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    let (mut tui, _) = ReviewStore::open(dir.path());
    assert_eq!(tui.refresh(), Ok(false), "nothing there, nothing new");
    tui.update("A", |r| r.bookmark = true);
    tui.save().unwrap();
    assert_eq!(tui.refresh(), Ok(false), "its own write is not news");
    let (mut cli, _) = ReviewStore::open(dir.path());
    cli.update("B", |r| r.note = "cli".into());
    cli.save().unwrap();
    // An unsaved change here survives the refresh and is still pending.
    tui.update("A", |r| r.note = "mine".into());
    assert_eq!(tui.refresh(), Ok(true));
    assert_eq!(tui.get("B").unwrap().note, "cli");
    assert_eq!(tui.get("A").unwrap().note, "mine");
    assert!(tui.has_pending());
    let told = tui.take_changed_elsewhere();
    assert_eq!(told.keys().collect::<Vec<_>>(), ["B"]);
    assert_eq!(tui.refresh(), Ok(false));
    tui.save().unwrap();
    let fresh = ReviewStore::open(dir.path()).0;
    assert_eq!(fresh.get("A").unwrap().note, "mine");
    assert_eq!(fresh.get("B").unwrap().note, "cli");
}

#[test]
fn refresh_of_a_broken_file_says_so_once_and_leaves_memory_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut tui, _) = ReviewStore::open(dir.path());
    tui.update("A", |r| r.bookmark = true);
    tui.save().unwrap();
    fs::write(dir.path().join(STATE_FILE), b"{half").unwrap();
    let e = tui.refresh().unwrap_err();
    assert!(e.contains("cannot be read"), "{e}");
    assert_eq!(tui.refresh(), Ok(false));
    assert!(tui.get("A").unwrap().bookmark);
}

#[test]
fn a_state_file_of_the_first_version_loads_and_merges_by_its_one_time() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(STATE_FILE),
        r#"{"format":1,"reviews":{"A":{"decision":"approved","note":"old","bookmark":true,"updated_ms":1000}}}"#,
    )
    .unwrap();
    let (mut s, warnings) = ReviewStore::open(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let a = s.get("A").unwrap();
    assert_eq!(
        (a.decision, a.note.as_str(), a.bookmark),
        (Some(Decision::Approved), "old", true)
    );
    assert_eq!(a.field_ms.note, 1000);
    s.update("A", |r| r.note = "new".into());
    s.save().unwrap();
    let text = fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["format"], 1);
    assert_eq!(back["reviews"]["A"]["decision"], "approved");
    assert_eq!(back["reviews"]["A"]["field_ms"]["decision"], 1000);
    assert!(back["reviews"]["A"]["field_ms"]["note"].as_u64().unwrap() > 1000);
}
