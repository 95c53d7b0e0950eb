//! The rendered plain text of an App Compliance page (what a browser's "copy all" gives), as in
//! the Landis seed: no markdown, sections recognized by their headings, by the corrections footer
//! that closes each one, and by the words of their rows.
//!
//! Parts: `lines` (one line on its own), `sections` (cutting the page), `row` (question/answer
//! split), `permissions`, `certification`, `zones` (sections to zones and pivots), `language`,
//! and `vocab` (the template's words in the page languages); whole-page tests in `tests`.

mod certification;
mod language;
mod lines;
mod permissions;
mod row;
mod sections;
mod vocab;
mod zones;

use super::{PageError, PageOutcome};
use crate::model::{App, Certification, Links, parse_updated};
use lines::{Line, contains_any, fold, split_lines, visible};

pub use language::detect_language;
pub use row::{Rule, SplitRow, split_row};

/// Something the parser could not read with confidence, kept so an import can report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNote {
    /// 1-based line of the page.
    pub line: usize,
    pub message: String,
}

/// An app read from a rendered page, with the notes about lines read by a fallback rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPage {
    pub app: App,
    pub notes: Vec<ParseNote>,
}

const EXPECTED_PAGE: &str = "expected an app page: a title line and an 'Information' table";

/// Whether `text` looks like a rendered page rather than a markdown source or other text: no
/// front matter, zone markers, pipe tables or `#` headings, a title line, and an "Information"
/// (or certification "Control") table header.
pub fn looks_rendered(text: &str) -> bool {
    let text = visible(text);
    let lines = split_lines(&text);
    let Some(first) = lines.iter().find(|l| !l.is_blank()) else {
        return false;
    };
    if first.trimmed().starts_with("---") {
        return false;
    }
    let markdown = lines.iter().any(|l| {
        let t = l.trimmed();
        t.starts_with(":::")
            || t.starts_with("[!INCLUDE")
            || t.starts_with('|')
            || t.starts_with(">|")
            || t.starts_with("# ")
            || t.starts_with("##")
    });
    !markdown
        && !is_structural(first.trimmed())
        && lines
            .iter()
            .any(|l| lines::is_info_header(l.trimmed()) || lines::is_control_header(l.trimmed()))
}

/// Parse the rendered text of one page, its rows keyed by the questionnaire. `source` is the
/// path recorded in the app's `sources`.
pub fn parse_rendered_page(text: &str, source: &str) -> Result<PageOutcome, PageError> {
    parse_rendered(text, source).map(|page| PageOutcome::App(Box::new(page.app)))
}

/// Like [`parse_rendered_page`], keeping the notes about rows read by a fallback rule.
pub fn parse_rendered(text: &str, source: &str) -> Result<RenderedPage, PageError> {
    let mut page = parse_unkeyed(text, source)?;
    crate::questionnaire::key_apps(std::slice::from_mut(&mut page.app));
    Ok(page)
}

/// The page with its rows not keyed yet (an import keys its pages together).
pub(crate) fn parse_unkeyed(text: &str, source: &str) -> Result<RenderedPage, PageError> {
    let error = |line: usize, message: String| PageError {
        path: source.to_string(),
        line,
        column: usize::from(line > 0),
        message,
    };
    let text = visible(text);
    let text = text.as_ref();
    let first = text.trim_start();
    if first.starts_with("---") {
        return Err(error(
            1,
            format!(
                "{EXPECTED_PAGE}; found markdown front matter '---' (use the markdown importer)"
            ),
        ));
    }
    let all = split_lines(text);
    let layout = sections::layout(&all);
    let Some(title) = layout.title else {
        return Err(error(0, format!("{EXPECTED_PAGE}; the text is empty")));
    };
    if is_structural(title.trimmed()) {
        return Err(error(
            title.number,
            format!(
                "{EXPECTED_PAGE}; found '{}' where the title (the app name) should be",
                clip(title.trimmed())
            ),
        ));
    }
    if layout.first_table.is_none() {
        return Err(error(
            title.number,
            format!(
                "{EXPECTED_PAGE}; after the title '{}' no 'Information' table header follows",
                clip(title.trimmed())
            ),
        ));
    }

    let mut notes = Vec::new();
    let built = zones::build(&layout.sections, &mut notes);
    let Some(id) = built.fields.id.clone() else {
        let at = layout.first_table.map_or(title.number, |l| l.number);
        return Err(error(
            at,
            "expected an 'ID' row (e.g. 'ID WA200001428') in the general information table"
                .to_string(),
        ));
    };
    let app = App {
        id,
        name: title.trimmed().to_string(),
        publisher: built.fields.publisher.clone().unwrap_or_default(),
        certification: certification_of(&layout.preamble, &built.zones),
        language: detect_language(text).to_string(),
        sources: vec![source.to_string()],
        updated: updated_of(&layout.preamble),
        clients: built.fields.clients.clone(),
        links: Links {
            website: built.fields.website.clone(),
            terms: built.fields.terms.clone(),
            privacy: built.fields.privacy.clone(),
            ..Links::default()
        },
        zones: built.zones,
        permissions: built.permissions,
        ..App::default()
    };
    Ok(RenderedPage { app, notes })
}

/// A line that is page structure, not an app name.
fn is_structural(t: &str) -> bool {
    lines::is_info_header(t)
        || lines::is_control_header(t)
        || lines::zone_heading(t).is_some()
        || lines::is_footer_contact(t)
}

/// Certified when the page has a certification zone or Microsoft 365 Certification wording
/// before its first section; attested on publisher-attestation wording.
fn certification_of(preamble: &[Line], zones: &[crate::model::Zone]) -> Certification {
    let text = fold(
        &preamble
            .iter()
            .map(|l| l.trimmed())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    if zones.iter().any(|z| z.pivot == "certification")
        || contains_any(&text, vocab::CERTIFIED_WORDING)
    {
        Certification::Certified
    } else if contains_any(&text, vocab::ATTESTED_WORDING) {
        Certification::Attested
    } else {
        Certification::None
    }
}

/// The "开发人员上次更新时间:2024 年 1 月 12 日" line; the date as written after its colon.
fn updated_of(preamble: &[Line]) -> crate::model::Updated {
    preamble
        .iter()
        .map(|l| l.trimmed())
        .find(|t| contains_any(&t.to_lowercase(), vocab::UPDATED_WORDING))
        .map(|t| {
            let date = t.split_once([':', '：']).map_or(t, |(_, d)| d);
            parse_updated(date)
        })
        .unwrap_or_default()
}

/// At most 60 characters of a line, for messages.
fn clip(s: &str) -> String {
    crate::text::truncate_to_width(s, 61)
}

#[cfg(test)]
mod tests;
