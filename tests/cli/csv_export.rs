//! `export --format csv` for scripts and spreadsheets (issue 17): plain RFC 4180 text by
//! default, read back whole by Python's `csv` module at `encoding="utf-8"` (the first header
//! is `id`, not `\ufeffid`); `--excel` for the byte-order mark; the permission, registration,
//! link and decision-time columns.

use std::process::Command;

use attest_tui::model::{App, Catalog, Certification, Links, PermissionKind};

use crate::support::apps::{REG_A, REG_SHARED, permission};
use crate::support::cli::{bin, stderr};

fn catalog(dir: &tempfile::TempDir) -> String {
    let app = App {
        id: "WA900000010".into(),
        name: "联系人中心, \"quoted\"".into(),
        publisher: "=HYPERLINK(\"x\")".into(),
        certification: Certification::Certified,
        language: "zh-CN".into(),
        links: Links {
            appsource: Some("https://appsource.microsoft.com/product/office/WA900000010".into()),
            privacy: Some("https://example.com/privacy".into()),
            ..Links::default()
        },
        permissions: vec![
            permission("Calls.AccessMedia.All", PermissionKind::Application, REG_A),
            permission("User.Read", PermissionKind::Delegated, REG_A),
            permission(
                "Calls.AccessMedia.All",
                PermissionKind::Application,
                REG_SHARED,
            ),
        ],
        ..App::default()
    };
    let path = dir.path().join("csv.json");
    let catalog = Catalog {
        apps: vec![app],
        ..Catalog::default()
    };
    std::fs::write(&path, serde_json::to_vec(&catalog).unwrap()).unwrap();
    path.display().to_string()
}

fn attest(dir: &tempfile::TempDir, catalog: &str, args: &[&str]) -> std::process::Output {
    let o = bin()
        .args(["--catalog", catalog, "--data-dir"])
        .arg(dir.path().join("data"))
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

/// The rows Python's csv module reads from `file` opened as the admin did.
fn python_rows(file: &std::path::Path) -> Option<Vec<Vec<String>>> {
    let script = "import csv, json, sys\n\
                  rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))\n\
                  json.dump(rows, sys.stdout)\n";
    match Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            Some(serde_json::from_slice(&o.stdout).unwrap())
        }
        Err(e) => {
            println!("skipped: python3 cannot run ({e})");
            None
        }
    }
}

#[test]
fn python_reads_the_default_csv_with_every_column() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog(&dir);
    attest(
        &dir,
        &catalog,
        &[
            "review",
            "WA900000010",
            "--decision",
            "approved",
            "--note",
            "line one\nline two, with \"quotes\"",
            "--bookmark",
        ],
    );
    let file = dir.path().join("apps.csv");
    attest(
        &dir,
        &catalog,
        &["export", "--format", "csv", "-o", file.to_str().unwrap()],
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"id,name,"), "no byte-order mark");
    assert!(bytes.ends_with(b"\r\n"), "RFC 4180 records end in CRLF");
    let Some(rows) = python_rows(&file) else {
        return;
    };
    assert_eq!(rows.len(), 2, "{rows:?}");
    let (header, row) = (&rows[0], &rows[1]);
    assert_eq!(header[0], "id");
    assert_eq!(header.len(), row.len());
    let cell = |name: &str| -> &str {
        let at = header.iter().position(|h| h == name);
        &row[at.unwrap_or_else(|| panic!("no column {name}: {header:?}"))]
    };
    assert_eq!(cell("name"), "联系人中心, \"quoted\"");
    assert_eq!(cell("publisher"), "'=HYPERLINK(\"x\")", "formula defused");
    assert_eq!(cell("note"), "line one\nline two, with \"quotes\"");
    assert_eq!(cell("decision"), "approved");
    assert_eq!(cell("bookmarked"), "yes");
    assert_eq!(
        cell("permission_list"),
        "Calls.AccessMedia.All:application;User.Read:delegated",
        "each permission once"
    );
    assert_eq!(cell("registrations"), format!("{REG_A};{REG_SHARED}"));
    assert_eq!(cell("permissions"), "3");
    assert_eq!(
        cell("appsource_link"),
        "https://appsource.microsoft.com/product/office/WA900000010"
    );
    assert_eq!(cell("privacy_link"), "https://example.com/privacy");
    assert_eq!(cell("teams_link"), "");
    let decided = cell("decided_at");
    assert_eq!(decided.len(), "2026-12-02T04:48:19Z".len(), "{decided}");
    assert!(
        decided.ends_with('Z') && decided.as_bytes()[10] == b'T',
        "{decided}"
    );
}

#[test]
fn excel_gets_its_byte_order_mark_and_stdout_is_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = catalog(&dir);
    let file = dir.path().join("excel.csv");
    attest(
        &dir,
        &catalog,
        &["export", "--excel", "-o", file.to_str().unwrap()],
    );
    let excel = std::fs::read(&file).unwrap();
    assert!(excel.starts_with(b"\xEF\xBB\xBFid,name,"));
    let plain = attest(&dir, &catalog, &["export"]).stdout;
    assert_eq!(&excel[3..], &plain[..], "the same CSV after the mark");
    let old = attest(&dir, &catalog, &["export", "--no-bom"]).stdout;
    assert_eq!(old, plain, "--no-bom of older scripts still works");
    if let Some(rows) = python_rows(&file) {
        assert_eq!(
            rows[0][0], "\u{feff}id",
            "as Excel wants it, and as utf-8 reads it"
        );
    }
}
