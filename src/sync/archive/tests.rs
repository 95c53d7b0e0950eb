//! Archives built here, in memory: a well-formed repository archive and forged ones.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

use super::*;

const APP_PAGE: &str = include_str!("../../../tests/fixtures/pages/popp.md");
const REGISTRATION_PAGE: &str = "# <a name=\"a\"></a>Azure 应用 ID：003a8a54-9d27-41cd-9c28-aec5875a3497\n\n\
    ### <a name=\"b\"></a>与此 ID 关联的应用：\n\
    | **应用名称** | **认证** | **在 AppSource 中查看** |\n\
    |--------------|---------------|-----------------------|\n\
    | [Zoho CRM](../forward/WA104382094.md) |  | [x](https://appsource.microsoft.com/product/office/WA104382094) |\n";
const ROOT: &str = "OfficeDocs-AppCompliance-pr.zh-CN-live";
const COMMIT: &str = "7424e234ff1c7424e234ff1c7424e234ff1c7424";
const MTIME: u64 = 1_658_534_400;

/// A tar stream written entry by entry, with headers as forged as a test needs.
struct Tar(Vec<u8>);

impl Tar {
    fn new() -> Tar {
        Tar(Vec::new())
    }

    /// An entry with `name` written into the header as raw bytes (so `..` and `/x` get in).
    fn raw(mut self, name: &[u8], kind: EntryType, data: &[u8]) -> Tar {
        let mut h = tar::Header::new_gnu();
        h.as_old_mut().name[..name.len()].copy_from_slice(name);
        h.set_entry_type(kind);
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_mtime(MTIME);
        h.set_cksum();
        self.0.extend_from_slice(h.as_bytes());
        self.0.extend_from_slice(data);
        let pad = (512 - data.len() % 512) % 512;
        self.0.extend(std::iter::repeat_n(0, pad));
        self
    }

    fn file(self, path: &str, data: &str) -> Tar {
        self.raw(path.as_bytes(), EntryType::Regular, data.as_bytes())
    }

    fn pax(self, kind: EntryType, key: &str, value: &str) -> Tar {
        // A record is "<length> <key>=<value>\n", its length counting itself.
        let body = format!(" {key}={value}\n");
        let mut len = body.len() + 1;
        while format!("{len}{body}").len() != len {
            len += 1;
        }
        self.raw(b"pax_header", kind, format!("{len}{body}").as_bytes())
    }

    fn repository() -> Tar {
        Tar::new()
            .pax(EntryType::XGlobalHeader, "comment", COMMIT)
            .raw(format!("{ROOT}/").as_bytes(), EntryType::Directory, b"")
            .file(&format!("{ROOT}/README.md"), "# readme")
            .file(&format!("{ROOT}/Apps/TOC.yml"), "- name: x")
            .file(&format!("{ROOT}/Apps/zone-pivot-groups.yml"), "groups: []")
            .file(&format!("{ROOT}/Apps/teams/popp.md"), APP_PAGE)
            .file(&format!("{ROOT}/Apps/teams/teams-apps.md"), "# index\n")
            .file(&format!("{ROOT}/Apps/azure/003a8a54.md"), REGISTRATION_PAGE)
            .raw(
                format!("{ROOT}/Apps/media/logo.png").as_bytes(),
                EntryType::Regular,
                &[0x89, b'P', b'N', b'G', 0, 1, 2],
            )
    }

    fn gz(mut self) -> Vec<u8> {
        self.0.extend(std::iter::repeat_n(0, 1024));
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&self.0).unwrap();
        enc.finish().unwrap()
    }
}

fn run(archive: &[u8], limits: &Limits) -> (tempfile::TempDir, Result<Extracted, ArchiveError>) {
    let dir = tempfile::tempdir().unwrap();
    let out = extract(
        archive,
        &dir.path().join("pages"),
        limits,
        &super::super::Quiet,
    );
    (dir, out)
}

fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.file_type().unwrap().is_dir() {
                walk(root, &e.path(), out);
            } else {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn refusal(archive: Tar) -> String {
    let (dir, out) = run(&archive.gz(), &Limits::default());
    let e = out.expect_err("the archive is refused");
    assert!(
        files(dir.path()).iter().all(|f| !f.contains("evil")),
        "nothing hostile was written: {:?}",
        files(dir.path())
    );
    e.to_string()
}

#[test]
fn keeps_app_and_registration_pages_and_the_pivot_titles_only() {
    let (dir, out) = run(&Tar::repository().gz(), &Limits::default());
    let out = out.unwrap();
    assert_eq!(
        files(&dir.path().join("pages")),
        [
            "azure/003a8a54.md",
            "teams/popp.md",
            "zone-pivot-groups.yml"
        ]
    );
    assert_eq!(
        (out.app_pages, out.registration_pages, out.files),
        (1, 1, 3)
    );
    assert_eq!(out.root, ROOT);
    assert_eq!(out.commit.as_deref(), Some(COMMIT));
    assert_eq!(out.newest_page, Some(MTIME));
    assert_eq!(
        fs::read_to_string(dir.path().join("pages/teams/popp.md")).unwrap(),
        APP_PAGE
    );
    assert_eq!(out.entries, 9);
}

#[test]
fn paths_that_leave_the_folder_are_refused_anywhere_in_the_archive() {
    for name in [
        "../evil.md".to_string(),
        format!("{ROOT}/Apps/teams/../../../evil.md"),
        format!("{ROOT}/../evil/Apps/teams/x.md"),
        "/etc/evil.md".to_string(),
        format!("{ROOT}\\..\\..\\evil.md"),
        "C:/evil.md".to_string(),
    ] {
        let e = refusal(Tar::repository().file(&name, APP_PAGE));
        assert!(
            e.contains("refused") && (e.contains("`..`") || e.contains("absolute")),
            "{name}: {e}"
        );
    }
}

#[test]
fn links_and_devices_under_apps_are_refused() {
    for (kind, what) in [
        (EntryType::Symlink, "symbolic link"),
        (EntryType::Link, "hard link"),
        (EntryType::Char, "character device"),
        (EntryType::Block, "block device"),
        (EntryType::Fifo, "named pipe"),
    ] {
        let e = refusal(Tar::repository().raw(
            format!("{ROOT}/Apps/teams/evil.md").as_bytes(),
            kind,
            b"",
        ));
        assert!(e.contains(what), "{e}");
    }
    let e =
        refusal(Tar::repository().raw(format!("{ROOT}/Apps").as_bytes(), EntryType::Symlink, b""));
    assert!(e.contains("symbolic link"), "{e}");
}

#[test]
fn links_outside_apps_are_left_alone() {
    let archive = Tar::repository()
        .raw(
            format!("{ROOT}/docs/link").as_bytes(),
            EntryType::Symlink,
            b"",
        )
        .gz();
    let (_dir, out) = run(&archive, &Limits::default());
    let out = out.unwrap();
    assert_eq!(out.specials_skipped, 1);
    assert_eq!(out.app_pages, 1);
}

#[test]
fn a_pax_path_is_the_path_checked() {
    let e = refusal(
        Tar::repository()
            .pax(EntryType::XHeader, "path", "../../evil.md")
            .file(&format!("{ROOT}/Apps/teams/harmless.md"), APP_PAGE),
    );
    assert!(e.contains("`../../evil.md` refused: `..`"), "{e}");
    // A long path given by pax is used, and kept when it is a page.
    let long = format!("{ROOT}/Apps/teams/{}.md", "a".repeat(150));
    let archive = Tar::repository()
        .pax(EntryType::XHeader, "path", &long)
        .file(&format!("{ROOT}/ignored-name"), APP_PAGE)
        .gz();
    let (dir, out) = run(&archive, &Limits::default());
    assert_eq!(out.unwrap().app_pages, 2);
    assert!(
        dir.path()
            .join("pages/teams")
            .join(format!("{}.md", "a".repeat(150)))
            .is_file()
    );
}

#[test]
fn a_gnu_long_name_is_the_path_checked() {
    let e = refusal(
        Tar::repository()
            .raw(b"././@LongLink", EntryType::GNULongName, b"../evil.md\0")
            .file(&format!("{ROOT}/Apps/teams/harmless.md"), APP_PAGE),
    );
    assert!(e.contains("`../evil.md` refused"), "{e}");
}

#[test]
fn a_file_given_twice_is_refused() {
    let e = refusal(Tar::repository().file(&format!("{ROOT}/Apps/teams/popp.md"), APP_PAGE));
    assert!(e.contains("holds this file twice"), "{e}");
}

#[test]
fn oversized_extension_headers_are_refused_before_they_are_read() {
    let big = "x".repeat(70 * 1024);
    let e = refusal(Tar::repository().pax(EntryType::XHeader, "comment", &big));
    assert!(e.contains("oversized extension header"), "{e}");
}

#[test]
fn every_limit_stops_the_archive() {
    let archive = Tar::repository().gz();
    let unpacked = {
        let mut d = flate2::read::GzDecoder::new(&archive[..]);
        let mut v = Vec::new();
        d.read_to_end(&mut v).unwrap();
        v.len() as u64
    };
    let page = APP_PAGE.len() as u64;
    let cases = [
        (
            Limits {
                download_bytes: archive.len() as u64 - 1,
                ..Limits::default()
            },
            "the download is over",
        ),
        (
            Limits {
                unpacked_bytes: unpacked - 1,
                ..Limits::default()
            },
            "the unpacked archive is over",
        ),
        (
            Limits {
                entries: 8,
                ..Limits::default()
            },
            "the number of entries is over the limit of 8",
        ),
        (
            Limits {
                entry_bytes: page - 1,
                ..Limits::default()
            },
            "popp.md` (",
        ),
        (
            Limits {
                page_bytes: page - 1,
                ..Limits::default()
            },
            "page `",
        ),
        (
            Limits {
                kept_bytes: page,
                ..Limits::default()
            },
            "the pages kept is over",
        ),
    ];
    for (limits, expected) in cases {
        let (_dir, out) = run(&archive, &limits);
        let e = out.expect_err(expected).to_string();
        assert!(e.contains(expected), "{expected}: {e}");
    }
    let (_dir, out) = run(
        &archive,
        &Limits {
            entries: 9,
            ..Limits::default()
        },
    );
    assert!(out.is_ok(), "the limits are inclusive");
}

#[test]
fn a_cut_off_download_is_called_truncated() {
    let archive = Tar::repository().gz();
    for cut in [archive.len() - 4, archive.len() / 2, 30] {
        let (_dir, out) = run(&archive[..cut], &Limits::default());
        let e = out.expect_err("truncated").to_string();
        assert!(e.contains("truncated"), "cut at {cut}: {e}");
    }
}

#[test]
fn not_an_archive_says_so() {
    let (_dir, out) = run(b"<html>rate limited</html>", &Limits::default());
    let e = out.unwrap_err().to_string();
    assert!(e.starts_with("not a gzip-compressed tar archive"), "{e}");
}

#[test]
fn an_archive_without_app_pages_is_refused() {
    let archive = Tar::new()
        .file(&format!("{ROOT}/Apps/TOC.yml"), "x")
        .file(&format!("{ROOT}/Apps/azure/003a8a54.md"), REGISTRATION_PAGE)
        .gz();
    let (_dir, out) = run(&archive, &Limits::default());
    let e = out.unwrap_err().to_string();
    assert!(
        e.contains(&format!("no app pages under `{ROOT}/Apps/`")),
        "{e}"
    );
}

#[test]
fn hostile_names_are_shown_safely() {
    let e = refusal(Tar::repository().file("../\u{1b}]0;owned\u{7}evil.md", APP_PAGE));
    assert!(!e.contains('\u{1b}') && !e.contains('\u{7}'), "{e:?}");
}
