//! Whole-page behaviour on hand-written fixtures: dispatch, errors, an English page, and no panic
//! on arbitrary text.

use super::*;
use crate::model::{Answer, PermissionKind};
use proptest::prelude::*;

/// A shortened hand-made copy of the Landis page (zh-CN), keeping one line of each kind.
const ZH: &str = "\
联系人中心

单击此处了解有关 Microsoft 认证应用计划的详细信息。

开发人员上次更新时间:2024 年 1 月 12 日

一般信息

Landis Technologies LLC 向 Microsoft 提供的信息:

Information 响应
应用名称 联系人中心
ID WA200001428
合作伙伴公司名称 Landis Technologies LLC

问题

你在此处看到的任何信息有疑问或更新? 联系我们!

Information 响应
应用程序是否与 Microsoft 标识平台 (Microsoft Entra ID) 集成,以便进行单一登录、API 访问等? 是

使用 Microsoft Graph 访问数据

Graph 权限 权限类型 字距调整 Microsoft Entra应用 ID
User.Read 委托 用于获取用户信息 05c3e7fe-59c1-4d68-b334-336aa7ed4b64

问题

你在此处看到的任何信息有疑问或更新? 联系我们!

认证信息

Control Microsoft 365 认证结果
应用程序安全性 通过
     渗透测试 在范围内
";

/// An English copy as a browser gives it: tab-separated cells.
const EN: &str = "\
Contoso Desk

Publisher Attestation: The information on this page is based on a self-assessment report.

Developer last updated: September 20, 2021

General information

Information provided by Contoso to Microsoft:

Information\tResponse
App name\tContoso Desk
ID\tWA100000001
Office 365 clients supported\tMicrosoft Teams, Outlook
Partner company name\tContoso Ltd
Does the app store data?\tYes

Questions

Any questions or updates to any of the information you see here? Contact us!

Information\tResponse
Does the app comply with HIPAA?\tNo
Is the app SOC 2 compliant?\tN/A

Questions

Any questions or updates to any of the information you see here? Contact us!
";

fn app(text: &str) -> App {
    match parse_rendered_page(text, "p.txt").unwrap() {
        PageOutcome::App(app) => *app,
        other => panic!("{other:?}"),
    }
}

#[test]
fn looks_rendered_accepts_pages_and_rejects_markdown_and_junk() {
    assert!(looks_rendered(ZH));
    assert!(looks_rendered(EN));
    assert!(looks_rendered(&format!(
        "\u{feff}{}",
        ZH.replace('\n', "\r\n")
    )));
    let front_matter = "---\ntitle: x\n---\n# POPP\n\nInformation 响应\n";
    assert!(!looks_rendered(front_matter));
    let zones = "POPP\n\n::: zone pivot=\"general\"\n\nInformation 响应\n::: zone-end\n";
    assert!(!looks_rendered(zones));
    let pipes = "POPP\n\n| **Information** | **响应** |\n|:--|:--|\n| ID | WA1 |\n";
    assert!(!looks_rendered(pipes));
    assert!(!looks_rendered(""));
    assert!(!looks_rendered("just some notes\nabout nothing\n"));
    assert!(
        !looks_rendered("Information Response\nID WA1\n"),
        "no title line"
    );
}

#[test]
fn chinese_fixture_reads_fields_zones_permissions_and_levels() {
    let app = app(ZH);
    assert_eq!(
        (app.id.as_str(), app.name.as_str()),
        ("WA200001428", "联系人中心")
    );
    assert_eq!(app.publisher, "Landis Technologies LLC");
    assert_eq!(app.certification, Certification::Certified);
    assert_eq!(app.updated.date.as_deref(), Some("2024-01-12"));
    let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(pivots, ["general", "zerotrust", "certification"]);
    assert_eq!(app.zones[1].rows().next().unwrap().value, Answer::Yes);
    assert_eq!(app.permissions.len(), 1);
    assert_eq!(app.permissions[0].kind, PermissionKind::Delegated);
    let levels: Vec<u8> = app.zones[2].rows().map(|r| r.level).collect();
    assert_eq!(levels, [0, 1]);
}

#[test]
fn english_tab_separated_fixture() {
    let app = app(EN);
    assert_eq!(app.id, "WA100000001");
    assert_eq!(app.publisher, "Contoso Ltd");
    assert_eq!(app.clients, ["Microsoft Teams", "Outlook"]);
    assert_eq!(app.certification, Certification::Attested);
    assert_eq!(app.language, "en-US");
    assert_eq!(app.updated.date.as_deref(), Some("2021-09-20"));
    assert_eq!(app.zones[0].title, "General information");
    assert_eq!(app.zones[1].pivot, "compliance");
    let values: Vec<Answer> = app.zones[1].rows().map(|r| r.value).collect();
    assert_eq!(values, [Answer::No, Answer::NotApplicable]);
}

#[test]
fn zero_width_characters_from_a_copy_do_not_hide_labels() {
    let app = app("App\u{200b}\n\nInformation Response\nI\u{200b}D WA1\n");
    assert_eq!((app.name.as_str(), app.id.as_str()), ("App", "WA1"));
}

#[test]
fn no_certification_wording_means_none() {
    let text = "App\n\nInformation Response\nID WA1\n";
    assert_eq!(app(text).certification, Certification::None);
}

#[test]
fn text_that_is_not_a_page_is_an_error_naming_line_and_expectation() {
    let err = parse_rendered("\n\nhello\nworld\n", "junk.txt").unwrap_err();
    assert_eq!((err.path.as_str(), err.line), ("junk.txt", 3));
    assert!(err.message.contains("expected an app page"), "{err}");
    assert!(err.to_string().starts_with("junk.txt:3:1: "));

    let err = parse_rendered("  \n", "e.txt").unwrap_err();
    assert_eq!(err.line, 0);
    assert!(err.message.contains("empty"));

    let err = parse_rendered("Information 响应\nID WA1\n", "t.txt").unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.message.contains("title"), "{err}");

    let err = parse_rendered("---\ntitle: x\n---\n", "m.md").unwrap_err();
    assert!(err.message.contains("front matter"), "{err}");
}

#[test]
fn a_page_without_id_row_is_an_error_at_its_table() {
    let err = parse_rendered("App\n\nInformation Response\nApp name App\n", "p").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.message.contains("'ID' row"), "{err}");
}

/// Lines that exercise every rule, to shuffle into pages.
const PIECES: &[&str] = &[
    "联系人中心",
    "一般信息",
    "Information 响应",
    "ID WA1",
    "问题",
    "你在此处看到的任何信息有疑问或更新? 联系我们!",
    "认证信息",
    "Control Microsoft 365 认证结果",
    "     渗透测试 在范围内",
    "使用 Microsoft Graph 访问数据",
    "Graph 权限 权限类型 字距调整 Microsoft Entra应用 ID",
    "电子邮件 委托 x c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8",
    "隐私策略 URL https://x.example/?a",
    "\u{feff}",
    "\r",
    "\t",
    "",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = looks_rendered(&text);
        let _ = parse_rendered_page(&text, "p");
    }

    #[test]
    fn shuffled_page_pieces_never_panic_and_keep_invariants(
        picks in prop::collection::vec((0..PIECES.len(), "\\PC{0,6}"), 0..40)
    ) {
        let text: String = picks
            .iter()
            .map(|(i, noise)| format!("{}{noise}\n", PIECES[*i]))
            .collect();
        let _ = looks_rendered(&text);
        if let Ok(page) = parse_rendered(&text, "p") {
            prop_assert!(!page.app.name.is_empty());
            prop_assert!(!page.app.id.is_empty());
            for p in &page.app.permissions {
                if let Some(r) = &p.registration {
                    prop_assert_eq!(r, &r.to_ascii_lowercase());
                }
            }
        }
    }
}
