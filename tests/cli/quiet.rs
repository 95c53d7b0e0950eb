//! Quiet by default (issue 17): a command prints its result; a note about an import or a
//! catalog goes to stderr once, until its source changes (or with `-v`); `--quiet` silences
//! notes; warnings and errors always print.

use std::path::Path;

use crate::support::cli::{bin, fixture, stderr, stdout};

/// A folder of pages the import reports on: one app and one page it skips.
fn pages(dir: &Path) -> String {
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::copy(fixture("pages/popp.md"), pages.join("popp.md")).unwrap();
    std::fs::write(
        pages.join("notes.md"),
        "# Not an attestation\n\nJust text.\n",
    )
    .unwrap();
    pages.display().to_string()
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    bin()
        .env("ATTEST_TUI_CACHE_DIR", dir.join("cache"))
        .args(args)
        .output()
        .unwrap()
}

fn notes(o: &std::process::Output) -> usize {
    stderr(o)
        .lines()
        .filter(|l| l.starts_with("note: "))
        .count()
}

#[test]
fn an_import_note_is_given_once_per_change_of_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pages = pages(dir.path());
    let list = ["--catalog", pages.as_str(), "list", "--format", "ids"];
    let first = run(dir.path(), &list);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(stdout(&first), "WA200003306\n");
    assert_eq!(notes(&first), 1, "{}", stderr(&first));
    assert!(
        stderr(&first).contains("1 pages skipped"),
        "{}",
        stderr(&first)
    );
    // The import cache only keeps imports of pages older than two seconds; until then the
    // next run imports again and says so again, which is right: it could be a new page.
    let settled = std::time::SystemTime::now() - std::time::Duration::from_secs(5);
    for entry in std::fs::read_dir(&pages).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(entry.unwrap().path())
            .unwrap();
        f.set_modified(settled).unwrap();
    }
    let dir_time = std::fs::File::open(&pages).unwrap();
    let _ = dir_time.set_modified(settled);
    let imported = run(dir.path(), &list);
    assert_eq!(
        notes(&imported),
        1,
        "pages changed since: {}",
        stderr(&imported)
    );
    let again = run(dir.path(), &list);
    assert_eq!(stdout(&again), "WA200003306\n");
    assert_eq!(stderr(&again), "", "nothing but the result");
    let verbose = run(dir.path(), &["-v", "--catalog", pages.as_str(), "list"]);
    assert_eq!(
        notes(&verbose),
        1,
        "-v gives it again: {}",
        stderr(&verbose)
    );
    std::fs::write(
        Path::new(&pages).join("more.md"),
        "# Another page that is not one\n",
    )
    .unwrap();
    let changed = run(dir.path(), &list);
    assert!(
        stderr(&changed).contains("2 pages skipped"),
        "a changed folder: {}",
        stderr(&changed)
    );
}

#[test]
fn quiet_silences_notes_but_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let pages = pages(dir.path());
    let o = run(
        dir.path(),
        &["--quiet", "--catalog", &pages, "list", "--format", "ids"],
    );
    assert!(o.status.success());
    assert_eq!(stderr(&o), "", "a first import, yet quiet");
    assert_eq!(stdout(&o), "WA200003306\n");
    let o = run(
        dir.path(),
        &["-q", "--catalog", &pages, "show", "nothing-like-it"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: no app matches"),
        "{}",
        stderr(&o)
    );
    let o = run(dir.path(), &["-q", "-v", "list"]);
    assert_eq!(o.status.code(), Some(2), "-q and -v conflict");
}

#[test]
fn a_replaced_id_is_noted_once_until_a_catalog_changes() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.json");
    std::fs::copy(fixture("small_catalog.json"), &copy).unwrap();
    let small = fixture("small_catalog.json");
    let args = [
        "--catalog",
        small.as_str(),
        "--catalog",
        copy.to_str().unwrap(),
        "list",
    ];
    let first = run(dir.path(), &args);
    assert!(
        stderr(&first).contains("replaces the one from"),
        "{}",
        stderr(&first)
    );
    let again = run(dir.path(), &args);
    assert_eq!(stderr(&again), "");
    let verbose = run(dir.path(), &[&["-v"][..], &args].concat());
    assert!(stderr(&verbose).contains("replaces the one from"));
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::write(&copy, format!("{text}\n")).unwrap();
    let changed = run(dir.path(), &args);
    assert!(
        stderr(&changed).contains("replaces the one from"),
        "{}",
        stderr(&changed)
    );
}
