//! The rendered Landis "联系人中心" seed page, read end to end.

use attest_tui::import::PageOutcome;
use attest_tui::import::rendered::{looks_rendered, parse_rendered, parse_rendered_page};
use attest_tui::model::{Answer, App, Block, Certification, PermissionKind};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/002_4497d6ce60ed0ede.txt"
);

fn seed_app() -> Option<App> {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        println!("skipped: seed not found at {SEED}");
        return None;
    };
    assert!(looks_rendered(&text));
    match parse_rendered_page(&text, "seeds/002.txt").expect("the seed parses") {
        PageOutcome::App(app) => Some(*app),
        other => panic!("expected an app, got {other:?}"),
    }
}

#[test]
fn identity_fields() {
    let Some(app) = seed_app() else { return };
    assert_eq!(app.name, "联系人中心");
    assert_eq!(app.id, "WA200001428");
    assert_eq!(app.publisher, "Landis Technologies LLC");
    assert_eq!(app.certification, Certification::Certified);
    assert_eq!(app.language, "zh-CN");
    assert_eq!(app.updated.date.as_deref(), Some("2024-01-12"));
    assert_eq!(app.updated.raw, "2024 年 1 月 12 日");
    assert_eq!(app.clients, ["Microsoft Teams"]);
    assert_eq!(app.sources, ["seeds/002.txt"]);
    assert_eq!(
        app.links.website.as_deref(),
        Some("https://landistechnologies.com")
    );
    assert_eq!(
        app.links.terms.as_deref(),
        Some("https://docs.landis.cloud/legal/terms")
    );
    assert_eq!(
        app.links.privacy.as_deref(),
        Some("https://docs.landis.cloud/legal/privacy")
    );
}

#[test]
fn seven_zones_in_page_order() {
    let Some(app) = seed_app() else { return };
    let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
    assert_eq!(
        pivots,
        [
            "general",
            "data",
            "security",
            "compliance",
            "privsection",
            "zerotrust",
            "certification"
        ]
    );
    let titles: Vec<&str> = app.zones.iter().map(|z| z.title.as_str()).collect();
    assert_eq!(titles[0], "一般信息");
    assert_eq!(titles[1], "应用如何处理数据");
    assert_eq!(
        titles[2], "Security",
        "no heading on the page: English fallback"
    );
    assert_eq!(titles[6], "认证信息");
    let rows: Vec<usize> = app.zones.iter().map(|z| z.rows().count()).collect();
    assert_eq!(rows, [11, 10, 21, 16, 11, 8, 24]);
}

#[test]
fn rows_split_into_question_and_answer() {
    let Some(app) = seed_app() else { return };
    let find = |q: &str| {
        app.rows()
            .find(|r| r.question.starts_with(q))
            .unwrap_or_else(|| panic!("no row {q}"))
    };
    assert_eq!(find("应用名称").answer, "联系人中心");
    assert_eq!(find("应用使用哪些托管云提供商?").answer, "Azure");
    assert_eq!(find("帐户终止后").answer, "少于 90 天");
    let tls = find("应用是否支持 TLS 1.1");
    assert_eq!((tls.answer.as_str(), tls.value), ("", Answer::Unanswered));
    let hipaa = find("该应用程序是否符合 HIPAA)");
    assert_eq!(hipaa.value, Answer::NotApplicable);
    assert_eq!(
        find("为启用多重身份验证 (MFA) :").answer,
        "CodeRepositories、DNSManagement、Credential"
    );
    assert!(
        find("列出支持的策略类型")
            .answer
            .starts_with("所有常见策略")
    );
    let cae = find("你的应用是否支持持续访问评估 (CAE)");
    assert_eq!(cae.question, "你的应用是否支持持续访问评估 (CAE)");
    assert_eq!(cae.answer, "", "the page gives none: never guessed");
}

#[test]
fn permissions_in_four_registrations() {
    let Some(app) = seed_app() else { return };
    assert_eq!(app.permissions.len(), 26);
    assert_eq!(
        app.registration_ids(),
        [
            "05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
            "341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
            "3a08b250-02ce-4316-94f7-069f4ae0c41b",
            "c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8"
        ]
    );
    let counts: Vec<usize> = app
        .registration_ids()
        .iter()
        .map(|r| {
            app.permissions
                .iter()
                .filter(|p| p.registration.as_deref() == Some(*r))
                .count()
        })
        .collect();
    assert_eq!(counts, [5, 10, 9, 2]);
    assert_eq!(app.application_permission_count(), 16);
    let email = app.permissions.last().unwrap();
    assert_eq!(email.name, "email");
    assert_eq!(email.raw_name.as_deref(), Some("电子邮件"));
    assert_eq!(email.kind, PermissionKind::Delegated);
    assert_eq!(email.justification, "查看用户的电子邮件地址");
    let first = &app.permissions[0];
    assert_eq!(first.name, "Directory.Read.All");
    assert_eq!(first.justification, "需要读取目录数据 (获取组织信息)");
    let note = app.zones[5]
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Note(n) if n.title == "使用 Microsoft Graph 访问数据" => Some(n),
            _ => None,
        })
        .expect("the Graph sub-heading note");
    assert_eq!(note.text, "此应用程序没有其他 API。");
}

#[test]
fn certification_controls_nest_under_sections() {
    let Some(app) = seed_app() else { return };
    let cert = &app.zones[6];
    let level0: Vec<(&str, &str)> = cert
        .rows()
        .filter(|r| r.level == 0)
        .map(|r| (r.question.as_str(), r.answer.as_str()))
        .collect();
    assert_eq!(
        level0,
        [
            ("应用程序安全性", "通过"),
            ("操作安全性", "通过"),
            ("数据处理安全 & 隐私", "通过")
        ]
    );
    assert_eq!(cert.rows().filter(|r| r.level == 1).count(), 21);
    let pen = cert.rows().nth(2).unwrap();
    assert_eq!(
        (pen.question.as_str(), pen.answer.as_str(), pen.level),
        ("漏洞评估评审 (渗透测试)", "在范围内", 1)
    );
    let hipaa = cert.rows().last().unwrap();
    assert_eq!(
        (hipaa.question.as_str(), hipaa.value),
        ("HIPAA", Answer::NotApplicable)
    );
}

#[test]
fn every_row_of_the_seed_is_read_by_a_rule() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        println!("skipped: seed not found at {SEED}");
        return;
    };
    let page = parse_rendered(&text, "seed").unwrap();
    assert_eq!(page.notes, [], "no row needed the whole-line fallback");
}

#[test]
fn crlf_and_bom_give_the_same_app() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        println!("skipped: seed not found at {SEED}");
        return;
    };
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert_eq!(
        parse_rendered_page(&windows, "s").unwrap(),
        parse_rendered_page(&text, "s").unwrap()
    );
}

#[test]
fn markdown_seed_is_not_rendered_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/000_869a2a44c2dfb8fe.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: seed not found at {path}");
        return;
    };
    assert!(!looks_rendered(&text));
    assert!(parse_rendered_page(&text, "000").is_err());
}

/// Every markdown page of the corpus must dispatch to the markdown importer.
/// ATTEST_TUI_CORPUS points to another copy of the corpus.
#[test]
fn no_corpus_markdown_page_looks_rendered() {
    let root = std::env::var("ATTEST_TUI_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/zh-CN").to_string()
    });
    let Ok(folders) = std::fs::read_dir(&root) else {
        println!("skipped: corpus not found at {root}");
        return;
    };
    let mut checked = 0;
    for folder in folders.flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!looks_rendered(&text), "{}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} markdown files under {root}");
}
