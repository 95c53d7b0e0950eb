//! Whole-page tests on hand-written pages and the POPP seed page.

use super::*;
use crate::model::{Answer, Block, PermissionKind};

const POPP: &str = include_str!("../../../tests/fixtures/pages/popp.md");
const POPP_GUID: &str = "b8e57f6b-31cf-468e-9e99-81f0395cb1f9";

fn app(text: &str, source: &str) -> (App, Vec<PageWarning>) {
    let page = read_markdown_page(text, source).expect("page parses");
    match page.outcome {
        PageOutcome::App(app) => (*app, page.warnings),
        other => panic!("expected an app, got {other:?}"),
    }
}

#[test]
fn popp_seed_page_reads_completely() {
    let (app, warnings) = app(POPP, "teams/popp.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(app.id, "WA200003306");
    assert_eq!(app.name, "POPP 云 VoIP 连接器");
    assert_eq!(app.publisher, "POPP Communications");
    assert_eq!(app.certification, Certification::Attested);
    assert_eq!(app.language, "zh-CN");
    assert_eq!(app.sources, ["teams/popp.md"]);
    assert_eq!(app.updated.date.as_deref(), Some("2021-09-20"));
    assert_eq!(app.clients, ["Microsoft Teams"]);
    assert_eq!(app.links.website.as_deref(), Some("https://popp.com"));
    assert_eq!(
        app.links.terms.as_deref(),
        Some("https://popp.com/pvnterms/")
    );
    assert_eq!(
        app.links.teams.as_deref(),
        Some("https://teams.microsoft.com/l/app/b8e57f6b-31cf-468e-9e99-81f0395cb1f9")
    );
    assert_eq!(
        app.links.appsource.as_deref(),
        Some("https://appsource.microsoft.com/product/office/WA200003306")
    );
    let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(
        pivots,
        [
            "general",
            "data",
            "security",
            "compliance",
            "privsection",
            "zerotrust"
        ]
    );
    assert_eq!(app.zones[0].title, "一般信息");
    // The compliance zone has no heading of its own.
    assert_eq!(app.zones[3].title, "Compliance");

    assert_eq!(app.permissions.len(), 5);
    assert!(app.permissions.iter().all(
        |p| p.registration.as_deref() == Some(POPP_GUID) && p.kind == PermissionKind::Delegated
    ));
    let names: Vec<&str> = app.permissions.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ChannelMember.Read.All",
            "Chat.Read",
            "TeamMember.Read.All",
            "User.Read.All",
            "openid"
        ]
    );
    assert_eq!(app.registration_ids(), [POPP_GUID]);

    let security_rows: Vec<_> = app.zones[2].rows().collect();
    assert_eq!(security_rows.len(), 19);
    assert_eq!(security_rows[0].value, Answer::No);
    let zerotrust = &app.zones[5];
    assert_eq!(zerotrust.rows().count(), 10);
    assert!(
        zerotrust
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Note(n) if n.text == "此应用程序没有其他 API。"))
    );
}

#[test]
fn index_pages_are_skipped() {
    let page = "---\ntitle: Teams apps\n---\n# Teams 应用\n| **应用** | **合作伙伴** |\n|--|--|\n| [A](a.md) | B |\n";
    let out = parse_markdown_page(page, "teams/teams-apps.md").unwrap();
    assert_eq!(
        out,
        PageOutcome::Skipped {
            reason: SKIP_INDEX.to_string()
        }
    );
    // The same page under another name is still not an app: it declares no zones.
    let out = parse_markdown_page(page, "teams/list.md").unwrap();
    assert_eq!(
        out,
        PageOutcome::Skipped {
            reason: SKIP_NO_ZONES.to_string()
        }
    );
}

#[test]
fn azure_pages_become_registrations() {
    let page = "---\ntitle: x\n---\n# <a name=\"a\"></a>Azure 应用 ID：003a8a54-9d27-41cd-9c28-aec5875a3497\n\
        | **应用名称** | **认证** | **在 AppSource 中查看** |\n|--|--|--|\n\
        | [Zoho CRM](../forward/WA104382094.md) |  | |\n\n- 发布者证明状态：已完成\n";
    match parse_markdown_page(page, "azure/003a8a54-9d27-41cd-9c28-aec5875a3497.md").unwrap() {
        PageOutcome::Registration(r) => {
            assert_eq!(r.id, "003a8a54-9d27-41cd-9c28-aec5875a3497");
            assert_eq!(r.apps, ["WA104382094"]);
            assert_eq!(r.status.as_deref(), Some("已完成"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn crlf_and_bom_read_like_lf() {
    let crlf = format!("\u{feff}{}", POPP.replace('\n', "\r\n"));
    let (a, warnings) = app(&crlf, "teams/popp.md");
    let (b, _) = app(POPP, "teams/popp.md");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(a, b);
}

#[test]
fn page_without_front_matter_is_read_with_a_warning() {
    let page = "# Contoso\n\n::: zone pivot=\"general\"\n| Information | Response |\n|--|--|\n| ID | WA1 |\n::: zone-end\n";
    let (app, warnings) = app(page, "web/contoso.md");
    assert_eq!(app.id, "WA1");
    assert_eq!(app.name, "Contoso");
    assert_eq!(app.zones[0].title, "General");
    assert_eq!(app.certification, Certification::None);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message.contains("no front matter"));
}

#[test]
fn unterminated_zone_keeps_its_content_and_warns_at_its_line() {
    let page = "---\nzone_pivot_groups: g\n---\n# A\n::: zone pivot=\"general\"\n| Q | A |\n|--|--|\n| 是否？ | 是 |\n";
    let (app, warnings) = app(page, "teams/a.md");
    assert_eq!(app.zones.len(), 1);
    assert_eq!(app.zones[0].rows().next().unwrap().value, Answer::Yes);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, 5);
    assert!(warnings[0].message.contains("unterminated zone"));
}

#[test]
fn id_falls_back_to_teams_link_then_to_the_path() {
    let page = "---\nzone_pivot_groups: g\n---\n# A\n<a href=\"https://teams.microsoft.com/l/app/ABC-1?x\">T</a>\n::: zone pivot=\"general\"\n::: zone-end\n";
    assert_eq!(app(page, "teams/a.md").0.id, "abc-1");
    let page = "---\nzone_pivot_groups: g\n---\n# A\n::: zone pivot=\"general\"\n::: zone-end\n";
    assert_eq!(app(page, "teams/a.md").0.id, "page:teams/a");
}

#[test]
fn appsource_link_wins_over_a_mistyped_id_row() {
    let page = "---\nzone_pivot_groups: g\n---\n# A\n\
        * <a href=\"https://appsource.microsoft.com/product/office/WA200000093\">x</a>\n\
        ::: zone pivot=\"general\"\n| I | R |\n|--|--|\n| ID | WA2000000093 |\n::: zone-end\n";
    let (app, warnings) = app(page, "teams/hive.md");
    assert_eq!(app.id, "WA200000093");
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, warnings[0].column), (9, 8));
    assert!(warnings[0].message.contains("WA2000000093"));
}

#[test]
fn garbage_is_rejected_with_a_position_not_a_panic() {
    let err = parse_markdown_page("---\nab\0\0\0\u{1}\u{2}", "x.md").unwrap_err();
    assert_eq!((err.line, err.column), (2, 3));
    assert!(err.message.contains("binary"));
}

#[test]
fn a_huge_line_and_ragged_rows_do_not_stop_the_page() {
    let long = "x|".repeat(50_000);
    let page = format!(
        "---\nzone_pivot_groups: g\n---\n# A\n::: zone pivot=\"general\"\n| Q | A |\n|--|--|\n| {long} |\n| only |\n{long}\n::: zone-end\n"
    );
    let (app, warnings) = app(&page, "a.md");
    assert_eq!(app.zones.len(), 1);
    assert_eq!(app.zones[0].rows().count(), 2);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}
