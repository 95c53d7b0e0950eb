//! The YAML front matter between `---` lines at the top of a page. Only flat `key: value` pairs
//! occur on these pages, so a line reader is enough and never fails on odd input.

/// Front matter keys and values in page order, and where the body starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    pub fields: Vec<(String, String)>,
    /// Index (0-based) of the first body line in the page's lines.
    pub body_start: usize,
    /// Whether a front matter block was found and closed.
    pub present: bool,
    /// Whether a `---` opened a block that never closed (the whole page is then body).
    pub unterminated: bool,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Read the front matter from the start of `lines`.
pub fn parse(lines: &[&str]) -> FrontMatter {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return FrontMatter::default();
    };
    if lines[first].trim_end() != "---" {
        return FrontMatter::default();
    }
    let Some(close) = lines[first + 1..]
        .iter()
        .position(|l| l.trim_end() == "---")
        .map(|i| i + first + 1)
    else {
        return FrontMatter {
            unterminated: true,
            ..FrontMatter::default()
        };
    };
    let fields = lines[first + 1..close]
        .iter()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim();
            // Nested or list YAML is not used by these pages; skip it rather than misread it.
            if key.is_empty() || key.starts_with('-') || line.starts_with([' ', '\t']) {
                return None;
            }
            Some((key.to_string(), unquote(value.trim()).to_string()))
        })
        .collect();
    FrontMatter {
        fields,
        body_start: close + 1,
        present: true,
        unterminated: false,
    }
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_fields_and_body_start() {
        let text =
            "---\ntitle: A: B\nms.author: \"someone\"\ncertification_type: attested\n---\n# H";
        let lines: Vec<&str> = text.lines().collect();
        let fm = parse(&lines);
        assert!(fm.present);
        assert_eq!(fm.get("title"), Some("A: B"));
        assert_eq!(fm.get("ms.author"), Some("someone"));
        assert_eq!(fm.get("certification_type"), Some("attested"));
        assert_eq!(fm.body_start, 5);
        assert_eq!(lines[fm.body_start], "# H");
    }

    #[test]
    fn missing_or_unterminated_front_matter_leaves_the_whole_page_as_body() {
        let lines = ["# Title", "text"];
        let fm = parse(&lines);
        assert!(!fm.present && !fm.unterminated);
        assert_eq!(fm.body_start, 0);

        let lines = ["---", "title: x", "# Title"];
        let fm = parse(&lines);
        assert!(!fm.present && fm.unterminated);
        assert_eq!(fm.body_start, 0);
        assert_eq!(fm.get("title"), None);
    }
}
