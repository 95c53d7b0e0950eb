//! What identifies an app: the general table (ID, partner, clients, URLs) and the lines above the
//! first zone (last-updated date, Teams store and AppSource links).
//!
//! Row questions are matched by keyword because their order differs between page versions. The
//! lists hold English, the Chinese of this corpus and the common European and Asian forms; a
//! language missing here only loses the field, never the row.

use super::inline::{clean, first_url, urls};
use super::tables::RawTable;
use crate::model::{Updated, parse_date, parse_updated};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GeneralInfo {
    pub app_name: Option<String>,
    pub id: Option<String>,
    /// 0-based line of the ID row.
    pub id_line: Option<usize>,
    pub publisher: Option<String>,
    pub clients: Vec<String>,
    pub website: Option<String>,
    pub terms: Option<String>,
    pub privacy: Option<String>,
}

const PRIVACY: &[&str] = &[
    "privacy",
    "隐私",
    "隱私",
    "datenschutz",
    "confidentialité",
    "privacidad",
    "privacidade",
    "privacy policy",
    "プライバシー",
    "개인 정보",
    "конфиденциальн",
];
const TERMS: &[&str] = &[
    "terms",
    "条款",
    "條款",
    "nutzungsbedingungen",
    "conditions d",
    "términos",
    "termos",
    "termini",
    "利用規約",
    "약관",
    "условия",
];
const WEBSITE: &[&str] = &[
    "website",
    "web site",
    "网站",
    "網站",
    "webseite",
    "site web",
    "sitio web",
    "site da",
    "sito web",
    "ウェブサイト",
    "web サイト",
    "웹 사이트",
    "веб-сайт",
];
const CLIENTS: &[&str] = &[
    "client",
    "客户端",
    "用戶端",
    "クライアント",
    "클라이언트",
    "клиент",
];
const PUBLISHER: &[&str] = &[
    "partner company",
    "company name",
    "合作伙伴公司",
    "合作夥伴公司",
    "partnerunternehmen",
    "société partenaire",
    "empresa asociada",
    "empresa parceira",
    "パートナー企業",
    "파트너 회사",
];
const APP_NAME: &[&str] = &[
    "app name",
    "应用名称",
    "應用程式名稱",
    "アプリ名",
    "앱 이름",
];

fn matches(question: &str, words: &[&str]) -> bool {
    words.iter().any(|w| question.contains(w))
}

/// Read the first two-column table in `lines[start..end]` (the general zone).
#[cfg(test)]
pub fn read_general(lines: &[&str], start: usize, end: usize) -> GeneralInfo {
    let lines = &lines[..end.min(lines.len())];
    let mut i = start;
    while i < lines.len() {
        match super::tables::table_at(lines, i) {
            Some(table) if table.header.len() == 2 => return read_general_table(&table),
            Some(table) => i = table.end,
            None => i += 1,
        }
    }
    GeneralInfo::default()
}

/// Read the general zone's question/answer table (raw cells: the URLs are in the links).
pub fn read_general_table(table: &RawTable) -> GeneralInfo {
    let mut info = GeneralInfo::default();
    for row in &table.rows {
        let (Some(q), Some(a)) = (row.cells.first(), row.cells.get(1)) else {
            continue;
        };
        // The general questions are short labels; long ones are never among them.
        if q.len() > 200 {
            continue;
        }
        let question = clean(q).to_lowercase();
        let answer = clean(a);
        if answer.is_empty() {
            continue;
        }
        let url = || {
            first_url(a)
                .map(str::to_string)
                .or_else(|| url_like(&answer))
        };
        let slot = if question == "id" || question == "app id" {
            info.id_line.get_or_insert(row.line);
            &mut info.id
        } else if matches(&question, PRIVACY) {
            &mut info.privacy
        } else if matches(&question, TERMS) {
            &mut info.terms
        } else if matches(&question, WEBSITE) {
            &mut info.website
        } else if matches(&question, CLIENTS) {
            if info.clients.is_empty() {
                info.clients = split_clients(&answer);
            }
            continue;
        } else if matches(&question, PUBLISHER) {
            &mut info.publisher
        } else if matches(&question, APP_NAME) {
            &mut info.app_name
        } else {
            continue;
        };
        if slot.is_none() {
            let is_link_slot = !(question == "id"
                || question == "app id"
                || matches(&question, PUBLISHER)
                || matches(&question, APP_NAME));
            *slot = if is_link_slot { url() } else { Some(answer) };
        }
    }
    info
}

/// The URL a cell's text is (its link reduced to text), `www.` ones included.
pub(crate) fn url_like(text: &str) -> Option<String> {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        .then(|| t.split_whitespace().next().unwrap_or(t).to_string())
}

/// "Microsoft Teams, Outlook、Word" → each client.
pub fn split_clients(answer: &str) -> Vec<String> {
    answer
        .split([',', '、', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The publisher named by the line introducing the general table, "X 提供给 Microsoft 的信息：" or
/// "Information provided by X to Microsoft:".
pub fn publisher_from_intro(text: &str) -> Option<String> {
    let line = text.lines().next()?.trim();
    let name = if let Some(i) = line.find(" 提供") {
        &line[..i]
    } else if let Some(rest) = ["provided by ", "Provided by "]
        .iter()
        .find_map(|p| line.find(p).map(|i| &line[i + p.len()..]))
    {
        rest.split(" to Microsoft").next().unwrap_or(rest)
    } else {
        return None;
    };
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 120).then(|| name.to_string())
}

/// What the lines between the title and the first zone say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preamble {
    pub updated: Option<Updated>,
    pub teams: Option<String>,
    pub appsource: Option<String>,
}

pub fn read_preamble(lines: &[&str]) -> Preamble {
    let mut out = Preamble::default();
    for line in lines {
        for url in urls(line) {
            if url.contains("teams.microsoft.com") && out.teams.is_none() {
                out.teams = Some(url.to_string());
            } else if url.contains("appsource.microsoft.com") && out.appsource.is_none() {
                out.appsource = Some(url.to_string());
            }
        }
        if out.updated.is_none() && !line.contains("href") {
            let text = clean(line);
            if parse_date(&text).is_some() {
                // Keep the date as written, without the "developer last updated" label.
                let date = text.rsplit(['：', ':']).next().unwrap_or(&text);
                out.updated = Some(parse_updated(date));
            }
        }
    }
    out
}

/// `https://appsource.microsoft.com/en-US/product/office/WA200002128?tab=Overview` → `WA200002128`.
pub fn appsource_id(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("/product/")?;
    let id = rest.split('/').nth(1)?;
    let id = id.split(['?', '#']).next()?.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// `https://teams.microsoft.com/l/app/<guid>` → the Teams app id.
pub fn teams_id(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("/l/app/")?;
    let id = rest.split(['/', '?', '#']).next()?.trim();
    (!id.is_empty()).then(|| id.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_table_fields_are_found_by_meaning() {
        let text = "POP 提供给 Microsoft 的信息：\n\n\
            | **Information** | **响应** |\n|:--|:--|\n\
            | 应用名称 | POPP 云 |\n| ID | WA200003306 |\n\
            | 支持Office 365客户端 | Microsoft Teams, Outlook、Word |\n\
            | 合作伙伴公司名称 | POPP Communications |\n\
            | 公司的网站 | [https://popp.com](https://popp.com) |\n\
            | 应用的使用条款 | https://popp.com/terms/ |\n\
            | 隐私策略的 URL | |\n";
        let lines: Vec<&str> = text.lines().collect();
        let g = read_general(&lines, 0, lines.len());
        assert_eq!(g.app_name.as_deref(), Some("POPP 云"));
        assert_eq!(g.id.as_deref(), Some("WA200003306"));
        assert_eq!(g.id_line, Some(5));
        assert_eq!(g.publisher.as_deref(), Some("POPP Communications"));
        assert_eq!(g.clients, ["Microsoft Teams", "Outlook", "Word"]);
        assert_eq!(g.website.as_deref(), Some("https://popp.com"));
        assert_eq!(g.terms.as_deref(), Some("https://popp.com/terms/"));
        assert_eq!(g.privacy, None);
    }

    #[test]
    fn english_rows_are_understood_too() {
        let text = "| Information | Response |\n|--|--|\n| Partner company name | Contoso |\n\
            | URL of privacy statement | [Privacy](https://contoso.example/privacy) |\n";
        let lines: Vec<&str> = text.lines().collect();
        let g = read_general(&lines, 0, lines.len());
        assert_eq!(g.publisher.as_deref(), Some("Contoso"));
        assert_eq!(
            g.privacy.as_deref(),
            Some("https://contoso.example/privacy")
        );
    }

    #[test]
    fn publisher_from_the_intro_line() {
        assert_eq!(
            publisher_from_intro("POP Communications 提供给 Microsoft 的信息：").as_deref(),
            Some("POP Communications")
        );
        assert_eq!(
            publisher_from_intro("Information provided by Contoso Ltd to Microsoft:").as_deref(),
            Some("Contoso Ltd")
        );
        assert_eq!(publisher_from_intro("下面显示了信息。"), None);
        // Lower-casing changes byte lengths ('İ'); positions come from the line itself.
        assert_eq!(
            publisher_from_intro("İİİİ Information provided by İx to Microsoft").as_deref(),
            Some("İx")
        );
    }

    #[test]
    fn preamble_gives_date_and_store_links() {
        let lines = [
            "<p></p>",
            "<p>开发人员上次更新时间：2021 年 9 月 20 日</p>",
            r#"* <a href="https://teams.microsoft.com/l/app/B8E57F6B-31cf-468e-9e99-81f0395cb1f9" target="_blank">Teams</a>"#,
            r#"* <a href="https://appsource.microsoft.com/en-US/product/office/WA200002128?tab=Overview" target="_blank">AppSource</a>"#,
        ];
        let p = read_preamble(&lines);
        let updated = p.updated.unwrap();
        assert_eq!(updated.date.as_deref(), Some("2021-09-20"));
        assert_eq!(updated.raw, "2021 年 9 月 20 日");
        assert_eq!(
            appsource_id(p.appsource.as_deref().unwrap()).as_deref(),
            Some("WA200002128")
        );
        assert_eq!(
            teams_id(p.teams.as_deref().unwrap()).as_deref(),
            Some("b8e57f6b-31cf-468e-9e99-81f0395cb1f9")
        );
    }
}
