//! Malformed pages: the lenient import never panics and keeps what it understands; `--strict`
//! turns what it skipped into an error naming the file, line and column, with exit code 2.

use std::path::Path;

use crate::support::cli::{assert_no_panic, run, stderr};

const GOOD_HEAD: &str = "---\ntitle: T\nms.date: 07/21/2022\ncertification_type: attested\nzone_pivot_groups: app-info-data-security-compliance-privsection-zerotrust\nms.contentlocale: en-US\n---\n# <a name=\"x\"></a>Example App\n\n<p>Developer last updated: September 20, 2021</p>\n\n* <a href=\"https://appsource.microsoft.com/product/office/WA100000123\" target=\"_blank\">AppSource</a>\n\n";

fn import(dir: &Path, strict: bool) -> std::process::Output {
    let out = dir.join("out.json");
    let mut args = vec!["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap()];
    if strict {
        args.push("--strict");
    }
    let o = run(&args);
    assert_no_panic(&o);
    o
}

fn page(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

#[test]
fn each_malformed_page_is_survived_leniently_and_named_strictly() {
    let unterminated = format!(
        "{GOOD_HEAD}::: zone pivot=\"general\"\n\n| **Information** | **Response** |\n|:--|:--|\n| App name | Example |\n"
    );
    let ragged = format!(
        "{GOOD_HEAD}::: zone pivot=\"general\"\n\n| **Information** | **Response** |\n|:--|:--|\n| App name | Example | extra | cells |\n| ID |\n::: zone-end\n"
    );
    let long_line = format!(
        "{GOOD_HEAD}::: zone pivot=\"general\"\n\n| **Information** | **Response** |\n|:--|:--|\n| App name | {} |\n::: zone-end\n",
        "x".repeat(100_000)
    );
    let no_front_matter =
        "# Just a heading\n\nSome text that is no App Compliance page.\n".to_string();
    let mut binary = vec![0u8, 159, 146, 150, 0xff, 0xfe, 0, 1, 2];
    binary.extend_from_slice(&[0x1b; 64]);
    // (file, whether a strict import accepts it)
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        ("unterminated.md", unterminated.into_bytes(), false),
        ("ragged.md", ragged.into_bytes(), false),
        ("long.md", long_line.into_bytes(), true),
        ("nofm.md", no_front_matter.into_bytes(), false),
        ("binary.md", binary, false),
    ];
    for (name, bytes, strict_ok) in cases {
        let dir = page(name, &bytes);
        let lenient = import(dir.path(), false);
        assert!(
            lenient.status.success() || lenient.status.code() == Some(2),
            "{name}: {}",
            stderr(&lenient)
        );
        let strict = import(dir.path(), true);
        assert_eq!(
            strict.status.success(),
            strict_ok,
            "{name}: {}",
            stderr(&strict)
        );
        if !strict_ok {
            assert_eq!(strict.status.code(), Some(2), "{name}");
            let err = stderr(&strict);
            assert!(
                err.contains(name),
                "{name}: the error names the file: {err}"
            );
            assert!(
                err.contains(&format!("{name}:")),
                "{name}: with a position: {err}"
            );
        }
    }
}

#[test]
fn crlf_and_bom_pages_import_like_plain_ones() {
    let body = format!(
        "{GOOD_HEAD}::: zone pivot=\"general\"\n\n| **Information** | **Response** |\n|:--|:--|\n| App name | Example App |\n| Does the app store data? | Yes |\n::: zone-end\n"
    );
    let plain = page("p.md", body.as_bytes());
    let crlf = format!("\u{feff}{}", body.replace('\n', "\r\n"));
    let windows = page("p.md", crlf.as_bytes());
    for dir in [&plain, &windows] {
        let o = import(dir.path(), true);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let read = |d: &tempfile::TempDir| -> attest_tui::model::Catalog {
        serde_json::from_slice(&std::fs::read(d.path().join("out.json")).unwrap()).unwrap()
    };
    let (a, b) = (read(&plain), read(&windows));
    assert_eq!(a.apps[0].zones, b.apps[0].zones);
    assert_eq!(a.apps[0].name, "Example App");
}

#[test]
fn a_folder_without_pages_is_a_clear_error_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.md"), "hello").unwrap();
    let o = run(&["--catalog", dir.path().to_str().unwrap(), "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no App Compliance page found"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn tui_refuses_a_pipe_with_a_hint() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"), "{}", stderr(&o));
}
