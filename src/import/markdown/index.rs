//! The `*-apps.md` index pages: a table whose first cell links each app page under its name.
//! They are not apps, but they name the apps whose pages have no App-Name row.

use super::inline::clean;
use super::tables;
use crate::import::names::IndexEntry;

/// Each row whose first cell is a link to a local page: the page's path (resolved against the
/// index's own folder, `/`-separated) and the link's text.
pub fn read_index(lines: &[&str], source: &str) -> Vec<IndexEntry> {
    let dir = source.rfind(['/', '\\']).map_or("", |i| &source[..i]);
    lines
        .iter()
        .filter(|l| l.trim_start().starts_with('|') && !tables::is_delimiter(l))
        .filter_map(|l| {
            let cells = tables::split_cells(l);
            let (text, target) = first_link(cells.first()?)?;
            let target = resolve(dir, target)?;
            let name = clean(text);
            (!name.is_empty()).then_some(IndexEntry { target, name })
        })
        .collect()
}

/// `[text](target)` at the start of a cell, for a target that is a relative `.md` page.
fn first_link(cell: &str) -> Option<(&str, &str)> {
    let cell = cell.trim();
    let inner = cell.strip_prefix('[')?;
    let close = inner.rfind("](")?;
    let target = inner[close + 2..].strip_suffix(')')?.trim();
    let target = target.split('#').next().unwrap_or(target);
    let is_page = target.to_ascii_lowercase().ends_with(".md") && !target.contains("://");
    is_page.then_some((&inner[..close], target))
}

/// `dir/./a.md` → `dir/a.md`, `dir/../b/a.md` → `b/a.md`; `None` for a path leaving the folder.
fn resolve(dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    for part in target.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_index_folder() {
        let page = "# Teams-Apps\n| **App** | **Partner** |\n|--|--|\n\
            | [ngDesk](./all-blue-solutions-ngdesk.md) | Alle blauen Lösungen |\n\
            | [ConsenSys AG&#8217;s Sobol](../saas/sobol.md#top) | X |\n\
            | [Web](https://example.com/x.md) | X |\n\
            | [Escape](../../outside.md) | X |\n\
            | plain text | X |\n";
        let lines: Vec<&str> = page.lines().collect();
        let got = read_index(&lines, "teams/teams-apps.md");
        let got: Vec<(&str, &str)> = got
            .iter()
            .map(|e| (e.target.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("teams/all-blue-solutions-ngdesk.md", "ngDesk"),
                ("saas/sobol.md", "ConsenSys AG\u{2019}s Sobol"),
            ]
        );
    }

    #[test]
    fn an_index_at_the_root_resolves_to_bare_names() {
        let lines = ["| [Uploader](uploader.md) | officeatwork |"];
        let got = read_index(&lines, "saas-apps.md");
        assert_eq!(got[0].target, "uploader.md");
        assert_eq!(got[0].name, "Uploader");
    }
}
