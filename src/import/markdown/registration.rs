//! `azure/<guid>.md` pages: which apps use an Azure AD app registration, and its attestation
//! status. The associated apps link to `../forward/<AppSource id>.md`.

use super::blocks::heading;
use super::inline::{clean, find_guid, urls};
use super::tables::table_at;
use crate::model::Registration;

/// The registration described by a page whose title names a GUID, or `None` when the page is
/// not a registration page.
pub fn read_registration(lines: &[&str], body_start: usize, source: &str) -> Option<Registration> {
    let title = lines
        .iter()
        .skip(body_start)
        .find_map(|l| l.starts_with("# ").then(|| heading(l)).flatten())?;
    let id = find_guid(&title)?;
    let mut reg = Registration {
        id,
        source: Some(source.to_string()),
        ..Registration::default()
    };
    let mut i = body_start;
    while i < lines.len() {
        if let Some(table) = table_at(lines, i) {
            for row in &table.rows {
                let Some(first) = row.cells.first() else {
                    continue;
                };
                let app = urls(first).into_iter().find_map(forward_id).or_else(|| {
                    row.cells
                        .iter()
                        .flat_map(|c| urls(c))
                        .find_map(appsource_id)
                });
                let name = clean(first);
                if let Some(app) = app
                    && !reg.apps.contains(&app)
                {
                    reg.apps.push(app);
                }
                if !name.is_empty() {
                    reg.app_names.push(name);
                }
            }
            i = table.end;
            continue;
        }
        let line = lines[i].trim();
        if reg.status.is_none()
            && let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
        {
            let item = clean(item);
            let value = item.rsplit(['：', ':']).next().unwrap_or(&item).trim();
            if !value.is_empty() {
                reg.status = Some(value.to_string());
            }
        }
        i += 1;
    }
    reg.apps.sort();
    Some(reg)
}

/// `../forward/WA104382094.md` → `WA104382094`.
fn forward_id(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("forward/")?;
    let id = rest.split(['?', '#']).next()?;
    let id = id.strip_suffix(".md").unwrap_or(id).trim();
    (!id.is_empty()).then(|| id.to_string())
}

fn appsource_id(url: &str) -> Option<String> {
    url.contains("appsource.microsoft.com")
        .then(|| super::general::appsource_id(url))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_page_lists_apps_and_status() {
        let text = "# <a name=\"a\"></a>Azure 应用 ID：003A8A54-9d27-41cd-9c28-aec5875a3497\n\n\
            ### <a name=\"b\"></a>与此 ID 关联的应用：\n\
            | **应用名称** | **认证** | **在 AppSource 中查看** |\n\
            |--------------|---------------|-----------------------|\n\
            | [Zoho CRM](../forward/WA104382094.md) |  | [x](https://appsource.microsoft.com/product/office/WA104382094) |\n\
            | [Wizard](../forward/officeatwork-ag.wizard.md) | <img src=\"x\" /> | |\n\
            | Other app | | [y](https://appsource.microsoft.com/product/web-apps/contoso.app) |\n\n\
            ### <a name=\"c\"></a>Microsoft 365 应用符合性状态\n\
            - 发布者证明状态：已完成\n\
            - Microsoft 365 认证：已批准 (2022/07/07)\n";
        let lines: Vec<&str> = text.lines().collect();
        let reg = read_registration(&lines, 0, "azure/003a8a54.md").unwrap();
        assert_eq!(reg.id, "003a8a54-9d27-41cd-9c28-aec5875a3497");
        assert_eq!(
            reg.apps,
            ["WA104382094", "contoso.app", "officeatwork-ag.wizard"]
        );
        assert_eq!(reg.app_names, ["Zoho CRM", "Wizard", "Other app"]);
        assert_eq!(reg.status.as_deref(), Some("已完成"));
        assert_eq!(reg.source.as_deref(), Some("azure/003a8a54.md"));
    }

    #[test]
    fn a_page_without_a_guid_title_is_not_a_registration() {
        let lines = ["# Teams apps", "| a | b |", "|--|--|"];
        assert_eq!(read_registration(&lines, 0, "x.md"), None);
    }
}
