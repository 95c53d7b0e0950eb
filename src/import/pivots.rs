//! `zone-pivot-groups.yml`: the localized tab titles of each pivot group. The file is a fixed,
//! flat shape (groups → pivots → id/title), read line by line rather than with a YAML crate.

use std::collections::HashMap;

/// Titles by (group id, pivot id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PivotTitles(HashMap<(String, String), String>);

impl PivotTitles {
    pub fn parse(text: &str) -> PivotTitles {
        let mut map = HashMap::new();
        let mut group: Option<String> = None;
        let mut pivot: Option<String> = None;
        for line in text.lines() {
            let indent = line.len() - line.trim_start().len();
            let item = line.trim_start();
            let (is_item, body) = match item.strip_prefix("- ") {
                Some(b) => (true, b.trim_start()),
                None => (false, item),
            };
            let Some((key, value)) = body.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']).to_string();
            match (key.trim(), is_item, indent) {
                ("id", true, 0) => {
                    group = Some(value);
                    pivot = None;
                }
                ("id", true, _) => pivot = Some(value),
                ("title", false, i) if i > 2 => {
                    if let (Some(g), Some(p)) = (&group, &pivot) {
                        map.insert((g.clone(), p.clone()), value);
                    }
                }
                _ => {}
            }
        }
        PivotTitles(map)
    }

    pub fn title(&self, group: &str, pivot: &str) -> Option<&str> {
        self.0
            .get(&(group.to_string(), pivot.to_string()))
            .map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_by_group_and_pivot() {
        let yml = "### YamlMime:ZonePivotGroups\ngroups:\n- id: app-info-data\n  title: 应用信息类别\n  prompt: 选择：\n  pivots:\n  - id: general\n    title: 常规\n  - id: data\n    title: 数据处理\n- id: other\n  pivots:\n  - id: general\n    title: General\n";
        let t = PivotTitles::parse(yml);
        assert_eq!(t.title("app-info-data", "general"), Some("常规"));
        assert_eq!(t.title("app-info-data", "data"), Some("数据处理"));
        assert_eq!(t.title("other", "general"), Some("General"));
        assert_eq!(t.title("other", "data"), None);
    }
}
