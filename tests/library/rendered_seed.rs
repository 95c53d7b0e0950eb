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
    // The page shows this yes/no answer as an icon, which copied text does not keep.
    assert_eq!((tls.answer.as_str(), tls.value), ("", Answer::NotCopied));
    assert_eq!(tls.key.map(|k| k.as_str()), Some("data.tls_1_1"));
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

/// The corpus holds markdown sources only; rendering each page to the plain text a browser shows
/// (tables as "question answer" lines, headings as lines, the corrections include as its footer)
/// gives 842 more rendered pages whose right answers are known from the markdown cells.
#[test]
fn corpus_pages_rendered_to_text_parse_like_their_markdown() {
    let root = std::env::var("ATTEST_TUI_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/zh-CN").to_string()
    });
    let Ok(folders) = std::fs::read_dir(&root) else {
        println!("skipped: corpus not found at {root}");
        return;
    };
    let (mut pages, mut agreeing, mut rows) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for folder in folders.flatten().filter(|f| f.file_name() != "azure") {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            let Ok(markdown) = std::fs::read_to_string(&path) else {
                continue;
            };
            if !markdown.contains("zone_pivot_groups:") {
                continue; // an index page, not an app
            }
            pages += 1;
            let page = md_render::render(&markdown);
            let problem = match parse_rendered(&page.text, "corpus") {
                _ if !looks_rendered(&page.text) => Some("not taken for rendered text".into()),
                Err(e) => Some(format!("error {e}")),
                Ok(got) => {
                    let app = got.app;
                    let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
                    let pairs: Vec<(String, String)> = app
                        .rows()
                        .filter(|r| r.level == 0)
                        .map(|r| (md_render::squash(&r.question), md_render::squash(&r.answer)))
                        .collect();
                    let registered = app
                        .permissions
                        .iter()
                        .filter(|p| p.registration.is_some())
                        .count();
                    if Some(app.id.as_str()) != page.id.as_deref() {
                        Some(format!("id {} vs {:?}", app.id, page.id))
                    } else if pivots != page.pivots {
                        Some(format!("pivots {pivots:?} vs {:?}", page.pivots))
                    } else if registered != page.registered_permissions {
                        Some(format!(
                            "permissions {registered} vs {}",
                            page.registered_permissions
                        ))
                    } else if pairs != page.pairs {
                        let at = pairs.iter().zip(&page.pairs).position(|(a, b)| a != b);
                        Some(format!("rows differ at {at:?}"))
                    } else {
                        rows += pairs.len();
                        None
                    }
                }
            };
            match problem {
                None => agreeing += 1,
                Some(p) => disagreements.push(format!("{}: {p}", path.display())),
            }
        }
    }
    println!("{agreeing} of {pages} pages agree ({rows} rows); disagreeing: {disagreements:#?}");
    assert!(pages > 800, "only {pages} app pages under {root}");
    // Four pages disagree because of their markdown, not the parser: two Zoho pages glue the
    // security table header to an iframe line, one cell holds an unescaped '|', and one
    // permission row lists two GUIDs in its last cell.
    assert!(
        disagreements.len() <= 5,
        "{} pages disagree: {disagreements:#?}",
        disagreements.len()
    );
}

/// A small markdown-to-rendered-text converter for the corpus test, and what the markdown says.
mod md_render {
    pub struct Rendered {
        pub text: String,
        pub id: Option<String>,
        pub pivots: Vec<String>,
        /// Question/answer rows of two-cell tables, outside the indented certification controls.
        pub pairs: Vec<(String, String)>,
        /// Permission rows whose last cell is a registration GUID.
        pub registered_permissions: usize,
    }

    const FOOTER: &str = "\n问题\n\n你在此处看到的任何信息有疑问或更新? 联系我们!\n";

    pub fn render(markdown: &str) -> Rendered {
        let body = markdown
            .strip_prefix("---")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or(markdown, |(_, body)| body);
        let mut out = Rendered {
            text: String::new(),
            id: None,
            pivots: Vec::new(),
            pairs: Vec::new(),
            registered_permissions: 0,
        };
        let mut lines = Vec::new();
        for raw in body.lines() {
            let mut l = raw.trim();
            if let Some(p) = l.strip_prefix("::: zone pivot=\"") {
                out.pivots.push(p.trim_end_matches("\"").to_string());
                continue;
            }
            if l.starts_with(":::") {
                continue;
            }
            if let Some(at) = l.find("[!INCLUDE") {
                lines.push(clean(&l[..at]));
                lines.push(FOOTER.to_string());
                continue;
            }
            l = l.strip_prefix('>').unwrap_or(l).trim();
            if l.starts_with('#') {
                lines.push(clean(l.trim_start_matches('#')));
            } else if l.starts_with('|') {
                if let Some(line) = table_row(l, &mut out) {
                    lines.push(line);
                }
            } else {
                lines.push(clean(l.strip_prefix("* ").unwrap_or(l)));
            }
        }
        out.text = lines.join("\n");
        out
    }

    fn table_row(l: &str, out: &mut Rendered) -> Option<String> {
        let escaped = l.replace("\\|", "\u{1}");
        let cells: Vec<String> = escaped
            .trim_matches('|')
            .split('|')
            .map(|c| c.replace('\u{1}', "|"))
            .collect();
        if cells
            .iter()
            .all(|c| c.trim().trim_matches(':').chars().all(|ch| ch == '-'))
        {
            return None;
        }
        let indented = cells[0].trim_start().starts_with("&nbsp;");
        let cleaned: Vec<String> = cells.iter().map(|c| clean(c)).collect();
        let header = cells[0].contains("**Information**") || cells[0].contains("**Control**");
        if cleaned[0] == "ID" && cleaned.len() > 1 {
            out.id = Some(cleaned[1].clone());
        }
        if cleaned.len() == 2 && !header && !indented {
            out.pairs.push((squash(&cleaned[0]), squash(&cleaned[1])));
        }
        let last = cleaned.last().map_or("", String::as_str);
        if cleaned.len() >= 3 && last.len() == 36 && last.matches('-').count() == 4 {
            out.registered_permissions += 1;
        }
        let first = if indented {
            format!("     {}", cleaned[0])
        } else {
            cleaned[0].clone()
        };
        Some(
            std::iter::once(first)
                .chain(cleaned[1..].iter().cloned())
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end()
                .to_string(),
        )
    }

    /// Tags dropped (keeping their text), `[text](url)` to text, emphasis and entities undone.
    fn clean(s: &str) -> String {
        let mut no_tags = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => no_tags.push(c),
                _ => {}
            }
        }
        let mut out = String::new();
        let mut rest = no_tags.as_str();
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find("](").map(|i| open + i) else {
                break;
            };
            let Some(end) = rest[close..].find(')').map(|i| close + i) else {
                break;
            };
            out.push_str(&rest[..open]);
            out.push_str(&rest[open + 1..close]);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out.replace("**", "")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .trim()
            .to_string()
    }

    pub fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
