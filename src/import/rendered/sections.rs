//! Cutting the page into sections (the future zones) and classifying each line inside them.
//!
//! A section opens at a zone heading ("一般信息"), at a table header after the corrections
//! footer ("问题 / …联系我们!"), or at a second table header with no footer in between. Inside a
//! section, lines are intro text, table rows, sub-headings, permission lines or notes.

use super::lines::{self, Line};
use super::permissions::parse_permission_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text before the section's first table, or after a table ended.
    Text,
    InfoRow,
    ControlRow,
    SubHeading,
    PermissionHeader,
    Permission,
}

#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub kind: Kind,
    pub line: Line<'a>,
}

#[derive(Debug, Clone, Default)]
pub struct Section<'a> {
    /// The heading line as written, when the section has one.
    pub heading: Option<&'a str>,
    /// The pivot the heading names.
    pub heading_pivot: Option<&'static str>,
    pub items: Vec<Item<'a>>,
}

impl Section<'_> {
    fn has_rows(&self) -> bool {
        self.items
            .iter()
            .any(|i| matches!(i.kind, Kind::InfoRow | Kind::ControlRow | Kind::Permission))
    }

    /// Whether a sub-heading came after the last row: a following table belongs to it.
    fn sub_heading_after_rows(&self) -> bool {
        self.items
            .iter()
            .rev()
            .take_while(|i| !matches!(i.kind, Kind::InfoRow | Kind::ControlRow))
            .any(|i| i.kind == Kind::SubHeading)
    }

    pub fn has(&self, kind: Kind) -> bool {
        self.items.iter().any(|i| i.kind == kind)
    }
}

/// The page cut into its parts.
#[derive(Debug, Clone, Default)]
pub struct Layout<'a> {
    pub title: Option<Line<'a>>,
    /// Lines between the title and the first section (certification wording, last updated…).
    pub preamble: Vec<Line<'a>>,
    pub sections: Vec<Section<'a>>,
    /// The first "Information"/"Control" table header, if any.
    pub first_table: Option<Line<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Preamble,
    Text,
    Info,
    Control,
    Permissions,
}

pub fn layout<'a>(all: &[Line<'a>]) -> Layout<'a> {
    let mut out = Layout::default();
    let Some(title_at) = all.iter().position(|l| !l.is_blank()) else {
        return out;
    };
    out.title = Some(all[title_at]);
    let mut current: Option<Section<'a>> = None;
    let mut mode = Mode::Preamble;
    let rest = &all[title_at + 1..];
    let mut i = 0;
    while i < rest.len() {
        let line = rest[i];
        i += 1;
        let t = line.trimmed();
        if t.is_empty() {
            // A blank line ends an info or control table; the permission list tolerates gaps.
            if matches!(mode, Mode::Info | Mode::Control) {
                mode = Mode::Text;
            }
            continue;
        }
        let next = rest[i..].iter().find(|l| !l.is_blank());
        let footer_title = lines::is_footer_title(t)
            && next.is_some_and(|n| lines::is_footer_contact(n.trimmed()));
        // The contact line alone closes a section only outside a table, where it cannot be a row.
        let lone_contact =
            !matches!(mode, Mode::Info | Mode::Control) && lines::is_footer_contact(t);
        if footer_title || lone_contact {
            if footer_title {
                // Skip the contact line too.
                i = rest[i..]
                    .iter()
                    .position(|l| !l.is_blank())
                    .map_or(rest.len(), |p| i + p + 1);
            }
            out.sections.extend(current.take());
            mode = Mode::Text;
            continue;
        }
        if let Some(pivot) = lines::zone_heading(t) {
            out.sections.extend(current.take());
            current = Some(Section {
                heading: Some(t),
                heading_pivot: Some(pivot),
                items: Vec::new(),
            });
            mode = Mode::Text;
            continue;
        }
        let info = lines::is_info_header(t);
        let control = !info && lines::is_control_header(t);
        if info || control {
            out.first_table.get_or_insert(line);
            let continues = current
                .as_ref()
                .is_some_and(|s| !s.has_rows() || s.sub_heading_after_rows());
            if !continues {
                out.sections.extend(current.take());
                current = Some(Section::default());
            }
            mode = if info { Mode::Info } else { Mode::Control };
            continue;
        }
        let kind = if lines::is_graph_heading(t) {
            mode = Mode::Permissions;
            Kind::SubHeading
        } else if lines::is_sub_heading(t) {
            mode = Mode::Text;
            Kind::SubHeading
        } else if (mode != Mode::Info || !t.contains(['?', '？'])) && lines::is_permission_header(t)
        {
            // Right after table rows with no blank line, a question about Graph stays a row.
            mode = Mode::Permissions;
            Kind::PermissionHeader
        } else {
            match mode {
                Mode::Preamble => {
                    out.preamble.push(line);
                    continue;
                }
                Mode::Text => Kind::Text,
                Mode::Info => Kind::InfoRow,
                Mode::Control => Kind::ControlRow,
                Mode::Permissions if parse_permission_line(t).is_some() => Kind::Permission,
                Mode::Permissions => Kind::Text,
            }
        };
        current
            .get_or_insert_with(Section::default)
            .items
            .push(Item { kind, line });
    }
    out.sections.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rendered::lines::split_lines;

    fn kinds(s: &Section) -> Vec<Kind> {
        s.items.iter().map(|i| i.kind).collect()
    }

    const PAGE: &str = "\
Contoso

Developer last updated: 2024-01-12

General information

Info provided by Contoso:

Information Response
App name Contoso
ID WA100

Questions

Any questions or updates to any of the information you see here? Contact us!

Information Response
Is HIPAA compliant? Yes

Questions

Any questions? Contact us!

Information Response
Integrated with Microsoft identity platform?

Data access using Microsoft Graph

Graph permission Permission type Justification App ID
User.Read Delegated sign in 05c3e7fe-59c1-4d68-b334-336aa7ed4b64

This app has no other APIs.
";

    #[test]
    fn footers_and_headings_cut_sections() {
        let lines = split_lines(PAGE);
        let l = layout(&lines);
        assert_eq!(l.title.unwrap().text, "Contoso");
        assert_eq!(l.preamble.len(), 1);
        assert_eq!(l.sections.len(), 3);
        assert_eq!(l.sections[0].heading, Some("General information"));
        assert_eq!(
            kinds(&l.sections[0]),
            [Kind::Text, Kind::InfoRow, Kind::InfoRow]
        );
        assert_eq!(l.sections[1].heading, None);
        assert_eq!(kinds(&l.sections[1]), [Kind::InfoRow]);
        assert_eq!(
            kinds(&l.sections[2]),
            [
                Kind::InfoRow,
                Kind::SubHeading,
                Kind::PermissionHeader,
                Kind::Permission,
                Kind::Text
            ]
        );
        assert_eq!(l.first_table.unwrap().number, 9);
    }

    #[test]
    fn a_second_table_without_footer_opens_a_new_section() {
        let lines = split_lines("T\nInformation Response\nA? Yes\nInformation Response\nB? No\n");
        let l = layout(&lines);
        assert_eq!(l.sections.len(), 2);
    }

    #[test]
    fn a_table_after_a_sub_heading_stays_in_its_zone() {
        let lines = split_lines(
            "T\nHow the app handles data\nInformation Response\nA? Yes\n\nTelemetry data\nInformation Response\nB? No\n",
        );
        let l = layout(&lines);
        assert_eq!(l.sections.len(), 1);
        assert_eq!(l.sections[0].heading_pivot, Some("data"));
    }

    #[test]
    fn certification_table_rows_keep_their_lines() {
        let lines = split_lines(
            "T\n认证信息\n\nControl Microsoft 365 认证结果\n应用程序安全性 通过\n     渗透测试 在范围内\n",
        );
        let l = layout(&lines);
        assert_eq!(l.sections[0].heading_pivot, Some("certification"));
        assert_eq!(kinds(&l.sections[0]), [Kind::ControlRow, Kind::ControlRow]);
        assert!(l.sections[0].items[1].line.text.starts_with("     "));
    }

    #[test]
    fn a_permission_header_right_after_rows_opens_the_permission_list() {
        let lines = split_lines(
            "T\nInformation Response\nUses Graph?\nGraph permission Permission type Justification App ID\nUser.Read Delegated x 05c3e7fe-59c1-4d68-b334-336aa7ed4b64\n",
        );
        let l = layout(&lines);
        assert_eq!(
            kinds(&l.sections[0]),
            [Kind::InfoRow, Kind::PermissionHeader, Kind::Permission]
        );
        let lines = split_lines("T\nInformation Response\nGraph used for sign-in? Yes\n");
        assert_eq!(kinds(&layout(&lines).sections[0]), [Kind::InfoRow]);
    }

    #[test]
    fn text_without_any_table_has_no_first_table() {
        let lines = split_lines("hello\nworld\n");
        let l = layout(&lines);
        assert!(l.first_table.is_none());
        assert_eq!(l.preamble.len(), 1);
    }
}
