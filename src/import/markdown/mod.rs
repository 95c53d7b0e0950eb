//! The markdown source of an App Compliance page (the MicrosoftDocs repository format): YAML front
//! matter, an H1 title, a preamble with the last-updated date and store links, then one
//! `::: zone pivot` section per tab.

mod blocks;
mod front_matter;
mod general;
mod index;
pub(crate) mod inline;
mod permissions;
mod registration;
mod tables;
mod zones;

use super::names::{IndexEntry, PageTitle};
use super::{PageError, PageOutcome, PageWarning};
use crate::model::{App, Certification, Links, Zone, pivot_title_en};

pub use front_matter::FrontMatter;
pub(crate) use general::{split_clients, url_like};

/// Parse one markdown page, its rows keyed by the questionnaire. `source` is the path recorded
/// in the app's `sources`.
pub fn parse_markdown_page(text: &str, source: &str) -> Result<PageOutcome, PageError> {
    read_markdown_page(text, source).map(|page| page.outcome)
}

/// A page with what the pipeline needs beyond its outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPage {
    pub outcome: PageOutcome,
    /// What was odd about the page and worked around (1-based lines).
    pub warnings: Vec<PageWarning>,
    /// The front matter's `zone_pivot_groups`, which keys the tab titles of
    /// `zone-pivot-groups.yml`.
    pub pivot_group: Option<String>,
    /// Whether the page was read as rendered text rather than markdown.
    pub rendered: bool,
    /// An app page's H1, which names the app when the page has no App-Name row.
    pub title: Option<PageTitle>,
    /// An index page's links: the app pages it lists, under their names.
    pub index: Vec<IndexEntry>,
}

/// As [`parse_markdown_page`], keeping the warnings and the pivot group.
pub fn read_markdown_page(text: &str, source: &str) -> Result<ParsedPage, PageError> {
    let mut page = read_unkeyed(text, source)?;
    super::key_outcome(&mut page.outcome);
    Ok(page)
}

/// The page with its rows not keyed yet: an import keys the pages it reads together, so the
/// wordings of one page confirm those of the others.
pub(crate) fn read_unkeyed(text: &str, source: &str) -> Result<ParsedPage, PageError> {
    let read = read(text, source)?;
    Ok(ParsedPage {
        outcome: read.outcome,
        warnings: read.warnings,
        pivot_group: read.fm.get("zone_pivot_groups").map(str::to_string),
        rendered: false,
        title: read.title,
        index: read.index,
    })
}

/// What [`read`] makes of a page.
struct Read {
    outcome: PageOutcome,
    warnings: Vec<PageWarning>,
    fm: FrontMatter,
    title: Option<PageTitle>,
    index: Vec<IndexEntry>,
}

impl Read {
    fn of(outcome: PageOutcome, warnings: Vec<PageWarning>, fm: FrontMatter) -> Read {
        Read {
            outcome,
            warnings,
            fm,
            title: None,
            index: Vec::new(),
        }
    }
}

fn read(text: &str, source: &str) -> Result<Read, PageError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    reject_binary(text, source)?;
    let mut lines: Vec<&str> = Vec::with_capacity(text.len() / 48 + 16);
    lines.extend(text.lines());
    let fm = front_matter::parse(&lines);
    let mut warnings = Vec::new();
    if fm.unterminated {
        warnings.push(warn(1, "front matter opened by `---` is never closed"));
    }
    let file_name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    if file_name.ends_with("-apps.md") {
        let index = index::read_index(&lines[fm.body_start.min(lines.len())..], source);
        return Ok(Read {
            index,
            ..Read::of(skip(SKIP_INDEX), warnings, fm)
        });
    }
    let split = zones::split(&lines, fm.body_start);
    let pivot_group = fm.get("zone_pivot_groups").filter(|g| !g.is_empty());
    if split.zones.is_empty() && pivot_group.is_none() {
        if let Some(reg) = registration::read_registration(&lines, fm.body_start, source) {
            return Ok(Read::of(PageOutcome::Registration(reg), warnings, fm));
        }
        let reason = if fm.present {
            SKIP_NO_ZONES
        } else {
            SKIP_NO_FRONT_MATTER
        };
        return Ok(Read::of(skip(reason), warnings, fm));
    }
    if !fm.present {
        warnings.push(warn(
            1,
            "no front matter: certification and language unknown",
        ));
    }
    if split.zones.is_empty() {
        warnings.push(warn(
            1,
            "front matter declares zone_pivot_groups but the page has no `::: zone` markers",
        ));
    }
    for issue in &split.issues {
        warnings.push(warn(issue.line + 1, &issue.message));
    }
    let (app, title) = read_app(&lines, &fm, &split, source, &mut warnings);
    Ok(Read {
        title,
        ..Read::of(PageOutcome::App(Box::new(app)), warnings, fm)
    })
}

/// Skip reasons, fixed strings so the report can count them.
pub const SKIP_INDEX: &str = "index page (*-apps.md), not an app";
pub const SKIP_NO_ZONES: &str = "no zone_pivot_groups and no zones: not an app page";
pub const SKIP_NO_FRONT_MATTER: &str = "no front matter and no zones: not an app page";

fn skip(reason: &str) -> PageOutcome {
    PageOutcome::Skipped {
        reason: reason.to_string(),
    }
}

fn warn(line: usize, message: &str) -> PageWarning {
    PageWarning {
        line,
        column: 1,
        message: message.to_string(),
    }
}

/// NUL bytes or a run of other control characters mean the file is not a text page.
fn reject_binary(text: &str, source: &str) -> Result<(), PageError> {
    let is_control = |b: &u8| (*b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || *b == 0x7f;
    let sample = &text.as_bytes()[..text.len().min(8192)];
    let controls = sample.iter().filter(|b| is_control(b)).count();
    let nul = text.find('\0');
    if nul.is_none() && controls * 20 <= sample.len() {
        return Ok(());
    }
    // Both positions are at ASCII bytes, so slicing there is on a character boundary.
    let at = nul.unwrap_or_else(|| sample.iter().position(is_control).unwrap_or(0));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        + 1;
    Err(PageError {
        path: source.to_string(),
        line,
        column,
        message: "expected text, found binary content (control characters)".to_string(),
    })
}

fn read_app(
    lines: &[&str],
    fm: &FrontMatter,
    split: &zones::ZoneSplit,
    source: &str,
    warnings: &mut Vec<PageWarning>,
) -> (App, Option<PageTitle>) {
    let preamble_end = split.first_marker().unwrap_or(lines.len());
    let preamble = &lines[fm.body_start.min(preamble_end)..preamble_end];
    let h1 = preamble
        .iter()
        .find(|l| l.trim_start().starts_with("# "))
        .and_then(|l| Some((blocks::heading(l.trim())?, anchor(l))));
    let title = h1.as_ref().map(|(t, _)| t.clone());
    let head = general::read_preamble(preamble);

    let mut app = App {
        certification: match fm.get("certification_type").map(str::to_ascii_lowercase) {
            Some(c) if c == "certified" => Certification::Certified,
            Some(c) if c == "attested" => Certification::Attested,
            _ => Certification::None,
        },
        // A few pages lack the tag; the script and common words tell their language.
        language: fm
            .get("ms.contentlocale")
            .filter(|l| !l.is_empty())
            .map_or_else(
                || super::rendered::detect_language(&lines.join("\n")).to_string(),
                str::to_string,
            ),
        sources: vec![source.to_string()],
        updated: head.updated.clone().unwrap_or_default(),
        ..App::default()
    };
    let mut general_info = None;
    for span in &split.zones {
        let content = blocks::read_zone(lines, span.start, span.end);
        for issue in content.issues {
            warnings.push(warn(issue.line + 1, &issue.message));
        }
        if general_info.is_none() && (span.pivot == "general" || span.pivot.is_empty()) {
            let mut info = content
                .first_qa_table
                .as_ref()
                .map(general::read_general_table)
                .unwrap_or_default();
            if info.publisher.is_none() {
                info.publisher = content.blocks.iter().find_map(|b| match b {
                    crate::model::Block::Note(n) => general::publisher_from_intro(&n.text),
                    _ => None,
                });
            }
            general_info = Some(info);
        }
        app.permissions.extend(content.permissions);
        app.zones.push(Zone {
            title: content
                .heading
                .unwrap_or_else(|| pivot_title_en(&span.pivot).to_string())
                .into(),
            pivot: span.pivot.as_str().into(),
            blocks: content.blocks,
        });
    }
    let info = general_info.unwrap_or_default();

    let appsource_id = head.appsource.as_deref().and_then(general::appsource_id);
    // The AppSource link is generated from the store listing; the ID row is typed by the
    // developer and sometimes carries an extra digit (WA2000000093 for WA200000093).
    if let (Some(link), Some(row)) = (&appsource_id, &info.id)
        && !link.eq_ignore_ascii_case(row)
    {
        let line = info.id_line.unwrap_or(0);
        let column = lines
            .get(line)
            .and_then(|l| l.find(row.as_str()).map(|i| l[..i].chars().count() + 1))
            .unwrap_or(1);
        warnings.push(PageWarning {
            line: line + 1,
            column,
            message: format!(
                "ID row says {row} but the AppSource link says {link}; using the link"
            ),
        });
    }
    app.id = appsource_id
        .or_else(|| info.id.clone())
        .or_else(|| head.teams.as_deref().and_then(general::teams_id))
        .unwrap_or_else(|| format!("page:{}", source.trim_end_matches(".md")));
    // The general table's app name first: titles carry boilerplate around it that some
    // translations add and others do not ("Anwendungsinformationen für …", "… Übersicht",
    // "Vue d'ensemble de …"), while the row is the name alone in every language.
    let row_name = info.app_name.clone().filter(|n| !n.trim().is_empty());
    let page_title = h1.map(|(heading, anchor)| PageTitle {
        heading,
        anchor: anchor.map(str::to_string),
        name_from_row: row_name.is_some(),
    });
    app.name = row_name
        .or(title.filter(|t| !t.is_empty()))
        .or_else(|| fm.get("title").map(str::to_string))
        .unwrap_or_else(|| source.to_string());
    app.publisher = info.publisher.clone().unwrap_or_default();
    app.clients = info.clients.clone();
    app.links = Links {
        teams: head.teams,
        appsource: head.appsource,
        website: info.website,
        terms: info.terms,
        privacy: info.privacy,
    };
    (app, page_title)
}

/// The `name` of the `<a name="…">` anchor a heading starts with.
fn anchor(line: &str) -> Option<&str> {
    let rest = line.trim_start().trim_start_matches('#').trim_start();
    let rest = rest.strip_prefix("<a name=\"")?;
    rest.split('"').next()
}

#[cfg(test)]
mod tests;
