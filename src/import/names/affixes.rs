//! The wrapping a translated heading template puts around an app's name, learned from headings
//! whose name is known, and taken off headings whose name is not.

/// The English heading a page's H1 was translated from, told by the H1's anchor: the anchor
/// is the slug of the English heading, in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// "Application information for NAME" (the corpus also has "informatoin").
    InformationFor,
    /// "NAME application information".
    Information,
    /// "NAME overview".
    Overview,
}

impl Template {
    /// The template of an anchor slug, or `None` for a heading that is the name alone.
    pub fn of_anchor(slug: &str) -> Option<Template> {
        let slug = slug.trim().to_ascii_lowercase();
        let mut words = slug.split('-');
        let first_two = (words.next(), words.next(), words.next());
        if let (Some("application" | "app"), Some(_), Some("for")) = first_two {
            return Some(Template::InformationFor);
        }
        if slug.ends_with("-application-information") {
            Some(Template::Information)
        } else if slug.ends_with("-overview") {
            Some(Template::Overview)
        } else {
            None
        }
    }
}

impl Affixes {
    /// The template as the English page has it, for a heading left untranslated.
    pub fn english(template: Template) -> Affixes {
        let mut a = Affixes::default();
        match template {
            Template::InformationFor => a.add("application information for", ""),
            Template::Information => a.add("", "application information"),
            Template::Overview => a.add("", "overview"),
        }
        a
    }
}

/// Headings (and names) longer than this are not real titles: they are neither learned from
/// nor cut, which keeps the search for a name in a heading (quadratic) bounded on hostile pages.
pub const MAX_TITLE_BYTES: usize = 1024;

/// Where `name` sits in `heading` (compared with case folded), as the text before and after it.
pub fn residue<'h>(heading: &'h str, name: &str) -> Option<(&'h str, &'h str)> {
    let name = name.trim();
    if name.is_empty()
        || heading.trim() == name
        || heading.len() > MAX_TITLE_BYTES
        || name.len() > MAX_TITLE_BYTES
    {
        return None;
    }
    let hay: Vec<(usize, char)> = heading.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let needle: Vec<char> = name.chars().map(fold).collect();
    let start = (0..=hay.len().checked_sub(needle.len())?).find(|&i| {
        hay[i..i + needle.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(needle.iter().copied())
    })?;
    let from = hay[start].0;
    let to = hay
        .get(start + needle.len())
        .map_or(heading.len(), |(i, _)| *i);
    Some((&heading[..from], &heading[to..]))
}

/// The prefixes and suffixes one template has in one language.
#[derive(Debug, Default)]
pub struct Affixes {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

impl Affixes {
    pub fn add(&mut self, prefix: &str, suffix: &str) {
        for (part, list) in [(prefix, &mut self.prefixes), (suffix, &mut self.suffixes)] {
            let core = trim_joins(part);
            if core.is_empty() {
                continue;
            }
            if !list.iter().any(|p| p == core) {
                list.push(core.to_string());
            }
        }
    }

    /// The heading without the longest learned prefix and suffix it has, or `None` when it has
    /// neither (or nothing would be left).
    pub fn strip(&self, heading: &str) -> Option<String> {
        if heading.len() > MAX_TITLE_BYTES {
            return None;
        }
        let mut rest = heading.trim();
        // "X (Übersicht)": the template's own brackets go with it.
        let opened = rest.trim_start_matches(is_join);
        if let Some(after) = longest(&self.prefixes, |p| strip_prefix_folded(opened, p)) {
            rest = after.trim_start_matches(is_join);
        }
        let closed = rest.trim_end_matches(is_join);
        if let Some(before) = longest(&self.suffixes, |s| strip_suffix_folded(closed, s)) {
            rest = before.trim_end_matches(is_join);
        }
        (rest != heading.trim() && !rest.is_empty()).then(|| rest.to_string())
    }
}

/// The result of the longest affix that applies (a longer one says more of the template).
fn longest<'h>(list: &[String], apply: impl Fn(&str) -> Option<&'h str>) -> Option<&'h str> {
    list.iter()
        .filter_map(|a| apply(a).map(|r| (a.chars().count(), r)))
        .max_by_key(|(len, _)| *len)
        .map(|(_, r)| r)
}

fn strip_prefix_folded<'h>(heading: &'h str, prefix: &str) -> Option<&'h str> {
    let mut chars = heading.char_indices();
    let mut last = None;
    for p in prefix.chars() {
        let (_, h) = chars.next()?;
        if fold(h) != fold(p) {
            return None;
        }
        last = Some(p);
    }
    let rest = chars.as_str();
    let next = rest.chars().next()?;
    (!joins_word(last?, next)).then_some(rest)
}

fn strip_suffix_folded<'h>(heading: &'h str, suffix: &str) -> Option<&'h str> {
    let mut chars = heading.char_indices().rev();
    let mut first = None;
    let mut at = heading.len();
    for s in suffix.chars().rev() {
        let (i, h) = chars.next()?;
        if fold(h) != fold(s) {
            return None;
        }
        first = Some(s);
        at = i;
    }
    let rest = &heading[..at];
    let prev = rest.chars().next_back()?;
    (!joins_word(prev, first?)).then_some(rest)
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether two letters side by side are one word: true in scripts written with spaces, false
/// where words run together (Han, kana), so `ngDesk の概要` and `Office模板选择器概述` both cut.
fn joins_word(a: char, b: char) -> bool {
    a.is_alphanumeric() && b.is_alphanumeric() && !unspaced(a) && !unspaced(b)
}

fn unspaced(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..)
}

/// What joins a template's words to the name: spaces, dashes, bars, colons, brackets.
fn is_join(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '–' | '—' | '|' | ':' | '：' | '(' | ')' | '（' | '）' | ',' | '、'
        )
}

fn trim_joins(s: &str) -> &str {
    s.trim_matches(is_join)
}
