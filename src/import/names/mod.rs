//! An app's name when its page has no App-Name row.
//!
//! Such pages are named by their H1, and some translations wrap the name in boilerplate
//! ("Übersicht über ngDesk", "ngDesk の概要", "Anwendungsinformationen für Workboard"). Two
//! facts of the published format give the plain name back without a word list per language:
//! - the folder's index pages (`teams/teams-apps.md`, …) list each app page under the name alone,
//!   in the page's own language;
//! - the H1's anchor is the slug of the English heading, so it tells which English template the
//!   heading was translated from (`ngdesk-overview`, `application-information-for-workboard`).
//!   Pages of the same template whose name is known (from the row or an index) show what the
//!   template became in their language; that wrapping is taken off the others.

mod affixes;

use std::collections::HashMap;

use crate::model::App;

pub use affixes::Template;
use affixes::{Affixes, residue};

/// The H1 of an app page and what it says about the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTitle {
    /// The heading's text, as a reader sees it.
    pub heading: String,
    /// The heading's `<a name>`: the slug of the English heading.
    pub anchor: Option<String>,
    /// Whether the page's name came from its App-Name row rather than from this heading.
    pub name_from_row: bool,
}

impl PageTitle {
    /// The English heading's template, read off the anchor.
    pub fn template(&self) -> Option<Template> {
        self.anchor.as_deref().and_then(Template::of_anchor)
    }
}

/// One app page an index page lists, with the name it gives the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The linked page's source path, `/`-separated and relative to the folder imported.
    pub target: String,
    pub name: String,
}

/// An app read from a page, with the page's title and the folder it was imported from.
pub struct Named<'a> {
    pub app: &'a mut App,
    pub title: Option<&'a PageTitle>,
    /// Which of the paths given reached the page: sources are relative to it.
    pub root: usize,
}

/// Give every app named by its heading the name the index lists, or else its heading without
/// the boilerplate learned from the other pages of its language. Returns how many names changed.
pub fn settle(apps: Vec<Named<'_>>, index: &[(usize, IndexEntry)]) -> usize {
    let listed: HashMap<(usize, &str), &str> = index
        .iter()
        .rev() // the first index (in source order) to list a page wins
        .map(|(root, e)| ((*root, e.target.as_str()), e.name.as_str()))
        .collect();
    let listed_name = |n: &Named<'_>| {
        let source = n.app.sources.first()?;
        listed
            .get(&(n.root, source.as_str()))
            .copied()
            .filter(|s| !s.trim().is_empty())
    };

    // What each template's wrapping looks like in each language, from the pages whose name is
    // known apart from their heading.
    let mut learned: HashMap<(&str, Template), Affixes> = HashMap::new();
    for n in &apps {
        let Some(title) = n.title else { continue };
        let Some(template) = title.template() else {
            continue;
        };
        let known = if title.name_from_row {
            Some(n.app.name.as_str())
        } else {
            listed_name(n)
        };
        if let Some((prefix, suffix)) = known.and_then(|name| residue(&title.heading, name)) {
            learned
                .entry((n.app.language.as_str(), template))
                .or_default()
                .add(prefix, suffix);
        }
    }

    let mut renames = Vec::new();
    for (i, n) in apps.iter().enumerate() {
        let Some(title) = n.title.filter(|t| !t.name_from_row) else {
            continue;
        };
        let template = title.template();
        let from_heading = match template {
            None => Some(title.heading.clone()),
            Some(t) => learned
                .get(&(n.app.language.as_str(), t))
                .and_then(|a| a.strip(&title.heading))
                .or_else(|| Affixes::english(t).strip(&title.heading)),
        };
        let from_index = listed_name(n).map(str::to_string);
        // The index's name is the name alone; a heading is the page's own words. A machine
        // translation sometimes translates the name itself ("For über sich selbst" for
        // Forbury) in one of them and not in the other: the one that keeps more of the English
        // name (the anchor) wins; on a tie, the index for a templated heading, else the heading.
        let english = title
            .anchor
            .as_deref()
            .map(|a| english_name_words(a, template));
        let kept = |c: &Option<String>| match (c, &english) {
            (Some(c), Some(words)) => shared_words(words, c),
            _ => 0,
        };
        let (first, second) = if template.is_some() {
            (from_index, from_heading)
        } else {
            (from_heading, from_index)
        };
        let name = if kept(&second) > kept(&first) {
            second
        } else {
            first.or(second)
        };
        if let Some(name) = name
            && name != n.app.name
        {
            renames.push((i, name));
        }
    }
    let changed = renames.len();
    let mut apps = apps;
    for (i, name) in renames {
        apps[i].app.name = name;
    }
    changed
}

/// The words of the English name in an anchor slug, the template's words left out.
fn english_name_words(slug: &str, template: Option<Template>) -> Vec<String> {
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let name = match template {
        None => &words[..],
        Some(Template::InformationFor) => words.get(3..).unwrap_or_default(),
        Some(Template::Information) => &words[..words.len().saturating_sub(2)],
        Some(Template::Overview) => &words[..words.len().saturating_sub(1)],
    };
    name.iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// How many of `words` are words of `text` (its ASCII letters and digits, lower-cased).
fn shared_words(words: &[String], text: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    let text_words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .filter(|w| text_words.contains(&w.as_str()))
        .count()
}

#[cfg(test)]
mod tests;
