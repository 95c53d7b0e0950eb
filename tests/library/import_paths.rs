//! The import pipeline on small hand-written folders: walking, merging host pages, skipping,
//! pivot titles from `zone-pivot-groups.yml`, strict mode and its errors.

use std::fs;
use std::path::{Path, PathBuf};

use attest_tui::import::{ImportError, ImportOptions, PageOutcome, import_paths, rendered};
use attest_tui::model::Certification;

const GUID: &str = "0a1b7ca8-390e-4f55-a7b5-eee089c5a905";

fn page(host: &str, date: &str, answer: &str) -> String {
    format!(
        "---\ntitle: Contoso Add-in\ncertification_type: certified\nzone_pivot_groups: app-info-data\nms.contentlocale: zh-CN\n---\n\
         # <a name=\"contoso\"></a>Contoso Add-in\n\n<p>开发人员上次更新时间：{date}</p>\n\n\
         * <a href=\"https://appsource.microsoft.com/product/office/WA100000001\" target=\"_blank\">AppSource</a>\n\n\
         ::: zone pivot=\"general\"\n\n### <a name=\"g\"></a>一般信息\n\n\
         | **Information** | **响应** |\n|:--|:--|\n| ID | WA100000001 |\n| 支持Office 365客户端 | {host} |\n\
         | 合作伙伴公司名称 | Contoso |\n\n::: zone-end\n\n\
         ::: zone pivot=\"data\"\n\n\
         | **Information** | **响应** |\n|:--|:--|\n| 应用是否存储任何 Microsoft 客户数据？ | {answer} |\n\n\
         >| **Graph权限** | **权限类型** | **字距调整** | **Azure AD应用 ID** |\n>|:--|:--|:--|:--|\n\
         >| User.Read | 委托 | 登录 | [{GUID}](../azure/{GUID}.md) |\n\n::: zone-end\n"
    )
}

const YML: &str = "### YamlMime:ZonePivotGroups\ngroups:\n- id: app-info-data\n  title: 类别\n  pivots:\n  - id: general\n    title: 常规\n  - id: data\n    title: 数据处理\n";

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "zone-pivot-groups.yml", YML.as_bytes());
    write(
        root,
        "word/contoso.md",
        page("Word", "2022 年 1 月 5 日", "是").as_bytes(),
    );
    let excel = format!(
        "\u{feff}{}",
        page("Excel", "2022 年 3 月 1 日", "否").replace('\n', "\r\n")
    );
    write(root, "excel/contoso.md", excel.as_bytes());
    write(
        root,
        "excel/excel-apps.md",
        b"---\ntitle: Excel apps\n---\n# Excel apps\n",
    );
    write(
        root,
        &format!("azure/{GUID}.md"),
        format!(
            "---\ntitle: x\n---\n# Azure 应用 ID：{GUID}\n\n| **应用名称** | **认证** | **在 AppSource 中查看** |\n|--|--|--|\n\
             | [Contoso](../forward/WA100000001.md) | | |\n\n- 发布者证明状态：已完成\n"
        )
        .as_bytes(),
    );
    write(root, ".git/config.md", b"not a page");
    write(root, "media/logo.png", b"\x89PNG\0\0");
    dir
}

#[test]
fn host_pages_merge_into_one_app_and_the_newest_page_wins() {
    let dir = corpus();
    let (catalog, report) =
        import_paths(&[dir.path().to_path_buf()], &ImportOptions::default()).unwrap();
    assert_eq!(report.pages_read, 4, "{report}");
    assert_eq!(report.app_pages, 2);
    assert_eq!(report.registration_pages, 1);
    assert_eq!(report.permission_rows, 2);
    assert_eq!(report.catalog_permission_rows, 1);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].source, "excel/excel-apps.md");

    assert_eq!(catalog.apps.len(), 1);
    let app = &catalog.apps[0];
    assert_eq!(app.id, "WA100000001");
    assert_eq!(app.sources, ["excel/contoso.md", "word/contoso.md"]);
    assert_eq!(app.certification, Certification::Certified);
    assert_eq!(app.updated.date.as_deref(), Some("2022-03-01"));
    assert_eq!(app.clients, ["Excel", "Word"]);
    assert_eq!(
        app.zones[0].title, "常规",
        "title from zone-pivot-groups.yml"
    );
    assert_eq!(app.zones[1].title, "数据处理");
    assert_eq!(
        app.zones[1].rows().next().unwrap().answer,
        "否",
        "the newer page wins"
    );

    assert_eq!(report.conflicts.len(), 1);
    let c = &report.conflicts[0];
    assert_eq!(c.kept, "excel/contoso.md");
    assert_eq!(c.others, ["word/contoso.md"]);
    assert_eq!(c.fields, ["updated", "zones"]);
    assert!(
        report
            .to_string()
            .contains("kept excel/contoso.md over word/contoso.md")
    );

    assert_eq!(catalog.registrations.len(), 1);
    let reg = &catalog.registrations[0];
    assert_eq!(reg.id, GUID);
    assert_eq!(reg.apps, ["WA100000001"]);
    assert_eq!(reg.status.as_deref(), Some("已完成"));
    assert_eq!(reg.source.as_deref(), Some(&*format!("azure/{GUID}.md")));
}

#[test]
fn the_catalog_is_the_same_on_every_run() {
    let dir = corpus();
    let paths = [dir.path().to_path_buf()];
    let a = import_paths(&paths, &ImportOptions::default()).unwrap().0;
    let b = import_paths(&paths, &ImportOptions::default()).unwrap().0;
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn strict_import_accepts_a_clean_folder_with_index_pages() {
    let dir = corpus();
    let (catalog, _) =
        import_paths(&[dir.path().to_path_buf()], &ImportOptions { strict: true }).unwrap();
    assert_eq!(catalog.apps.len(), 1);
}

#[test]
fn invalid_utf8_is_skipped_or_names_its_position_in_strict_mode() {
    let dir = corpus();
    write(
        dir.path(),
        "teams/broken.md",
        b"---\ntitle: x\n---\n# A \xff\xfe\n",
    );
    let paths = [dir.path().to_path_buf()];
    let (_, report) = import_paths(&paths, &ImportOptions::default()).unwrap();
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.source == "teams/broken.md" && s.reason == "not UTF-8 text")
    );
    match import_paths(&paths, &ImportOptions { strict: true }) {
        Err(ImportError::InvalidUtf8 {
            path,
            line,
            column,
            byte,
        }) => {
            assert!(path.ends_with("teams/broken.md"));
            assert_eq!((line, column, byte), (4, 5, 0xff));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn strict_mode_fails_on_an_unterminated_zone_and_on_binary_content() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        b"---\nzone_pivot_groups: g\n---\n# A\n\n::: zone pivot=\"general\"\n| Q | A |\n|--|--|\n| x | y |\n",
    );
    let paths = [dir.path().to_path_buf()];
    let (catalog, report) = import_paths(&paths, &ImportOptions::default()).unwrap();
    assert_eq!(catalog.apps[0].zones.len(), 1);
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].line, 6);
    let err = import_paths(&paths, &ImportOptions { strict: true }).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.md:6:1: unterminated zone \"general\": expected `::: zone-end` (strict import)"
    );

    write(dir.path(), "a.md", b"\0\x01\x02\x03garbage");
    let (catalog, report) = import_paths(&paths, &ImportOptions::default()).unwrap();
    assert!(catalog.apps.is_empty());
    assert!(report.skipped[0].reason.contains("binary content"));
    let err = import_paths(&paths, &ImportOptions { strict: true }).unwrap_err();
    assert!(
        matches!(err, ImportError::Page(ref e) if e.line == 1 && e.column == 1),
        "{err}"
    );
}

#[test]
fn a_single_file_is_recorded_by_its_name() {
    let dir = corpus();
    let file: PathBuf = dir.path().join("word/contoso.md");
    let (catalog, report) = import_paths(&[file], &ImportOptions::default()).unwrap();
    assert_eq!(report.app_pages, 1);
    assert_eq!(catalog.apps[0].sources, ["contoso.md"]);
    // The yml two folders up still gives the titles.
    assert_eq!(catalog.apps[0].zones[0].title, "常规");
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let err = import_paths(
        &[PathBuf::from("/nonexistent/attest-pages")],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Unreadable { .. }));
    assert!(
        err.to_string()
            .starts_with("/nonexistent/attest-pages: cannot read")
    );
}

#[test]
fn rendered_text_files_go_to_the_rendered_parser() {
    let text = "联系人中心\n\n开发人员上次更新时间:2024 年 1 月 12 日\n\n一般信息\n\nInformation 响应\n应用名称 联系人中心\nID WA200001428\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.txt", text.as_bytes());
    assert!(rendered::looks_rendered(text));
    let (catalog, report) =
        import_paths(&[dir.path().to_path_buf()], &ImportOptions::default()).unwrap();
    // Whatever the rendered parser makes of it, the pipeline reports exactly that.
    match rendered::parse_rendered_page(text, "page.txt") {
        Ok(PageOutcome::App(app)) => {
            assert_eq!(report.app_pages, 1);
            assert_eq!(report.rendered_pages, 1);
            assert_eq!(catalog.apps[0].id, app.id);
        }
        Ok(PageOutcome::Skipped { reason }) => assert_eq!(report.skipped[0].reason, reason),
        Ok(PageOutcome::Registration(r)) => assert_eq!(catalog.registrations[0].id, r.id),
        Err(e) => assert_eq!(report.skipped[0].reason, e.message),
    }
}

#[test]
fn an_english_page_reads_like_a_chinese_one() {
    let page = "---\ntitle: Contoso\ncertification_type: attested\nzone_pivot_groups: app-info-data\nms.contentlocale: en-US\n---\n\
        # Contoso Tasks\n\n<p>Last updated by the developer on September 20, 2021</p>\n\n\
        ::: zone pivot=\"general\"\n\n## General information\n\nInformation provided by Contoso Ltd to Microsoft:\n\n\
        | **Information** | **Response** |\n|:--|:--|\n| App name | Contoso Tasks |\n| ID | WA200009999 |\n\
        | Office 365 clients supported | Microsoft Teams, Outlook |\n\
        | Partner company's website | [https://contoso.example](https://contoso.example) |\n\
        | URL of privacy statement | [Privacy](https://contoso.example/privacy) |\n\n::: zone-end\n\n\
        ::: zone pivot=\"data\"\n\n#### Data access using Microsoft Graph\n\n\
        >| **Graph Permission** | **Permission Type** | **Justification** | **Azure AD App ID** |\n>|:--|:--|:--|:--|\n\
        >| Calendars.Read | Application | Shows meetings. | [0a1b7ca8-390e-4f55-a7b5-eee089c5a905](/microsoft-365-app-certification/azure/0a1b7ca8-390e-4f55-a7b5-eee089c5a905) |\n\n\
        ::: zone-end\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "teams/contoso.md", page.as_bytes());
    let (catalog, report) =
        import_paths(&[dir.path().to_path_buf()], &ImportOptions { strict: true }).unwrap();
    assert!(report.warnings.is_empty(), "{report}");
    let app = &catalog.apps[0];
    assert_eq!(app.id, "WA200009999");
    assert_eq!(app.name, "Contoso Tasks");
    assert_eq!(app.publisher, "Contoso Ltd");
    assert_eq!(app.language, "en-US");
    assert_eq!(app.updated.date.as_deref(), Some("2021-09-20"));
    assert_eq!(app.clients, ["Microsoft Teams", "Outlook"]);
    assert_eq!(
        app.links.website.as_deref(),
        Some("https://contoso.example")
    );
    assert_eq!(
        app.links.privacy.as_deref(),
        Some("https://contoso.example/privacy")
    );
    assert_eq!(app.zones[0].title, "General information");
    assert_eq!(app.zones[1].title, "Data access using Microsoft Graph");
    assert_eq!(app.permissions.len(), 1);
    assert!(app.permissions[0].kind.is_application());
    assert_eq!(app.permissions[0].registration.as_deref(), Some(GUID));
}

#[test]
fn a_page_reached_through_two_paths_is_read_once() {
    let dir = corpus();
    let paths = [
        dir.path().to_path_buf(),
        dir.path().join("word"),
        dir.path().join("word/contoso.md"),
    ];
    let (catalog, report) = import_paths(&paths, &ImportOptions::default()).unwrap();
    assert_eq!(report.app_pages, 2);
    assert_eq!(
        catalog.apps[0].sources,
        ["excel/contoso.md", "word/contoso.md"]
    );
}

/// A page of the given language, app id and H1 (`slug` is the English heading's anchor).
fn titled_page(lang: &str, id: &str, slug: &str, heading: &str) -> String {
    format!(
        "---\ntitle: x\nzone_pivot_groups: app-info-data\nms.contentlocale: {lang}\n---\n\
         # <a name=\"{slug}\"></a>{heading}\n\n\
         * <a href=\"https://appsource.microsoft.com/product/office/{id}\" target=\"_blank\">AppSource</a>\n\n\
         ::: zone pivot=\"general\"\n\n| **Information** | **Antwort** |\n|:--|:--|\n| ID | {id} |\n\n::: zone-end\n"
    )
}

#[test]
fn pages_without_an_app_name_row_are_named_by_their_index_or_lose_the_heading_template() {
    let de = tempfile::tempdir().unwrap();
    let fr = tempfile::tempdir().unwrap();
    let pages = [
        (
            de.path(),
            "de-DE",
            "Übersicht über ngDesk",
            "Übersicht über Uploader",
        ),
        (
            fr.path(),
            "fr-FR",
            "Vue d’ensemble de ngDesk",
            "Vue d’ensemble du chargeur",
        ),
    ];
    for (root, lang, ngdesk, uploader) in pages {
        let ngdesk = titled_page(lang, "WA200000001", "ngdesk-overview", ngdesk);
        write(root, "teams/ngdesk.md", ngdesk.as_bytes());
        let uploader = titled_page(lang, "WA200000002", "uploader-overview", uploader);
        write(root, "saas/uploader.md", uploader.as_bytes());
    }
    // The German index lists ngDesk only; the French one lists nothing.
    write(
        de.path(),
        "teams/teams-apps.md",
        "---\ntitle: Teams\n---\n| **App** | **Partner** |\n|--|--|\n| [ngDesk](./ngdesk.md) | X |\n"
            .as_bytes(),
    );
    let (catalog, report) = import_paths(
        &[de.path().to_path_buf(), fr.path().to_path_buf()],
        &ImportOptions::default(),
    )
    .unwrap();
    let names = |id: &str| {
        let app = catalog.apps.iter().find(|a| a.id == id).unwrap();
        let mut names = vec![(app.language.clone(), app.name.clone())];
        names.extend(
            app.translations
                .iter()
                .map(|t| (t.language.clone(), t.name.clone())),
        );
        names
    };
    let pair = |l: &str, n: &str| (l.to_string(), n.to_string());
    // German: the index names ngDesk, and what "NAME overview" became there comes off the
    // uploader's heading. French: no index and no page whose name is known, so nothing is
    // learned and the headings stay whole.
    assert_eq!(
        names("WA200000001"),
        [
            pair("de-DE", "ngDesk"),
            pair("fr-FR", "Vue d’ensemble de ngDesk")
        ]
    );
    assert_eq!(
        names("WA200000002"),
        [
            pair("de-DE", "Uploader"),
            pair("fr-FR", "Vue d’ensemble du chargeur")
        ]
    );
    assert_eq!(report.names_from_index_or_heading, 2);
}
