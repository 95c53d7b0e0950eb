//! Sections to zones: the pivot of each section, its rows, notes and permissions, and the app
//! fields read from labelled rows.

use super::ParseNote;
use super::certification::parse_control_line;
use super::lines::{contains_any, fold, is_indented};
use super::permissions::parse_permission_line;
use super::row::{Rule, split_row};
use super::sections::{Kind, Section};
use super::vocab::{self, Field};
use crate::model::{Block, Note, Permission, Row, Zone, pivot_title_en};

/// App fields found in labelled rows (first occurrence wins).
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub id: Option<String>,
    pub publisher: Option<String>,
    pub clients: Vec<String>,
    pub website: Option<String>,
    pub terms: Option<String>,
    pub privacy: Option<String>,
}

impl Fields {
    fn record(&mut self, field: Field, answer: &str) {
        let answer = answer.trim();
        if answer.is_empty() {
            return;
        }
        let slot = match field {
            Field::Id => &mut self.id,
            Field::Publisher => &mut self.publisher,
            Field::Website => &mut self.website,
            Field::Terms => &mut self.terms,
            Field::Privacy => &mut self.privacy,
            Field::Clients => {
                if self.clients.is_empty() {
                    self.clients = answer
                        .split([',', '，', '、', ';', '；'])
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect();
                }
                return;
            }
            Field::Name | Field::Other => return,
        };
        slot.get_or_insert_with(|| answer.to_string());
    }
}

#[derive(Debug, Clone, Default)]
pub struct Built {
    pub zones: Vec<Zone>,
    pub permissions: Vec<Permission>,
    pub fields: Fields,
}

pub fn build(sections: &[Section], notes: &mut Vec<ParseNote>) -> Built {
    let mut out = Built::default();
    let mut used: Vec<&'static str> = Vec::new();
    for section in sections {
        let pivot = pivot_of(section, &used);
        used.push(pivot);
        let title = section
            .heading
            .map_or_else(|| pivot_title_en(pivot).to_string(), str::to_string);
        let blocks = blocks_of(section, &mut out, notes);
        out.zones.push(Zone {
            pivot: pivot.into(),
            title: title.into(),
            blocks,
        });
    }
    out
}

fn blocks_of(section: &Section, out: &mut Built, notes: &mut Vec<ParseNote>) -> Vec<Block> {
    let indentation_kept = section
        .items
        .iter()
        .any(|i| i.kind == Kind::ControlRow && is_indented(i.line.text));
    let mut blocks = Vec::new();
    // Text lines gather into the note opened by a sub-heading or by the first text line.
    let mut open_note: Option<usize> = None;
    for item in &section.items {
        let t = item.line.trimmed();
        match item.kind {
            Kind::Text => match open_note.and_then(|i| blocks.get_mut(i)) {
                Some(Block::Note(note)) => {
                    note.text = if note.text.is_empty() {
                        t.into()
                    } else {
                        format!("{}\n{t}", note.text).into()
                    };
                }
                _ => {
                    open_note = Some(blocks.len());
                    blocks.push(note_block("", t));
                }
            },
            Kind::SubHeading => {
                open_note = Some(blocks.len());
                blocks.push(note_block(t, ""));
            }
            // The permission table belongs to the open sub-heading's note; it stays open.
            Kind::PermissionHeader => {}
            Kind::Permission => out.permissions.extend(parse_permission_line(t)),
            Kind::InfoRow => {
                open_note = None;
                let split = split_row(t);
                if let Rule::Label(field) = split.rule {
                    out.fields.record(field, split.answer);
                }
                if split.rule == Rule::WholeLine {
                    notes.push(ParseNote {
                        line: item.line.number,
                        message: format!(
                            "no question mark, colon, URL or known label: '{t}' kept as a question with no answer"
                        ),
                    });
                }
                let mut row = Row::new(split.question, split.answer, 0);
                // Copied page text keeps the words of an answer, not the icons yes/no answers
                // are shown as: an empty answer here was most likely an icon (the keying makes
                // it unanswered again when the question takes text).
                if row.value == crate::model::Answer::Unanswered {
                    row.value = crate::model::Answer::NotCopied;
                }
                blocks.push(Block::Row(row));
            }
            Kind::ControlRow => {
                open_note = None;
                let row = parse_control_line(item.line.text, indentation_kept);
                if row.outcome.is_empty() {
                    notes.push(ParseNote {
                        line: item.line.number,
                        message: format!("no known certification outcome at the end of '{t}'"),
                    });
                }
                blocks.push(Block::Row(Row::new(row.control, row.outcome, row.level)));
            }
        }
    }
    blocks
}

fn note_block(title: &str, text: &str) -> Block {
    Block::Note(Note {
        title: title.into(),
        text: text.into(),
    })
}

/// The section's heading decides; else a certification table; else the security intro (an
/// older "mcas" zone when no table follows it); else
/// the unused pivot its rows hint at most; else the next unused pivot in page order.
fn pivot_of(section: &Section, used: &[&'static str]) -> &'static str {
    if let Some(p) = section.heading_pivot {
        return p;
    }
    if section.has(Kind::ControlRow) {
        return "certification";
    }
    let folded_of = |kind: Kind| -> Vec<String> {
        section
            .items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| fold(i.line.text))
            .collect()
    };
    let intro = folded_of(Kind::Text);
    let rows = folded_of(Kind::InfoRow);
    if intro.iter().any(|t| contains_any(t, vocab::SECURITY_INTRO)) {
        // Older pages (pivot groups "…-mcas-…") only embed the Cloud App Security dashboard
        // there, without a table; newer ones put the security questions under the same intro.
        if rows.is_empty() {
            return "mcas";
        }
        if !used.contains(&"security") {
            return "security";
        }
    }
    let unused = |p: &&'static str| !used.contains(p);
    let hinted = vocab::PIVOT_HINTS
        .iter()
        .filter(|(p, _)| unused(p))
        .map(|(p, words)| (*p, rows.iter().filter(|r| contains_any(r, words)).count()))
        .filter(|(_, n)| *n > 0)
        // On a tie the earlier pivot in page order wins (max_by_key keeps the last maximum).
        .rev()
        .max_by_key(|(_, n)| *n);
    if let Some((p, _)) = hinted {
        return p;
    }
    let after = used
        .iter()
        .filter_map(|u| vocab::PIVOT_ORDER.iter().position(|p| p == u))
        .max()
        .map_or(0, |i| i + 1);
    vocab::PIVOT_ORDER[after.min(vocab::PIVOT_ORDER.len() - 1)..]
        .iter()
        .chain(vocab::PIVOT_ORDER)
        .copied()
        .find(|p| unused(p))
        .unwrap_or("general")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rendered::lines::split_lines;
    use crate::import::rendered::sections::layout;

    fn pivots(text: &str) -> Vec<String> {
        let lines = split_lines(text);
        let l = layout(&lines);
        build(&l.sections, &mut Vec::new())
            .zones
            .into_iter()
            .map(|z| z.pivot.to_string())
            .collect()
    }

    const FOOTER: &str = "\n问题\n\n你在此处看到的任何信息有疑问或更新? 联系我们!\n\n";

    #[test]
    fn headless_sections_get_pivots_from_their_rows_not_their_position() {
        let text = format!(
            "T\n一般信息\nInformation 响应\nID WA1{FOOTER}\
             Information 响应\n你是否有 GDPR 或其他隐私要求?{FOOTER}\
             Information 响应\n应用是否符合 HIPAA?\n应用是否符合 SOC 2?{FOOTER}"
        );
        assert_eq!(pivots(&text), ["general", "privsection", "compliance"]);
    }

    #[test]
    fn security_intro_and_page_order_fallback() {
        let text = format!(
            "T\n一般信息\nInformation 响应\nID WA1{FOOTER}\
             Microsoft 云应用安全 目录中的信息如下所示。\nInformation 响应\n一个问题?{FOOTER}\
             Information 响应\n另一个问题?{FOOTER}"
        );
        assert_eq!(pivots(&text), ["general", "security", "compliance"]);
    }

    #[test]
    fn security_intro_without_table_is_the_older_mcas_zone() {
        let text = format!(
            "T\n一般信息\nInformation 响应\nID WA1{FOOTER}\
             下面显示了Microsoft Cloud App Security目录中的信息。\n在新选项卡中查看{FOOTER}\
             标识信息\nInformation 响应\n是否与 Microsoft 标识平台 (Azure AD) 集成？ 否{FOOTER}"
        );
        assert_eq!(pivots(&text), ["general", "mcas", "identity"]);
    }

    #[test]
    fn zerotrust_rows_and_certification_table() {
        let text = format!(
            "T\nInformation 响应\n应用程序是否与 Microsoft 标识平台 (Microsoft Entra ID) 集成?{FOOTER}\
             Control Microsoft 365 认证结果\n应用程序安全性 通过\n"
        );
        assert_eq!(pivots(&text), ["zerotrust", "certification"]);
    }

    #[test]
    fn fields_come_from_labelled_rows_and_clients_split() {
        let lines = split_lines(
            "T\nInformation Response\nID WA1\nOffice 365 clients supported Microsoft Teams, Outlook\nPartner company name Contoso\nPrivacy Policy URL https://c.example/p\n",
        );
        let l = layout(&lines);
        let b = build(&l.sections, &mut Vec::new());
        assert_eq!(b.fields.id.as_deref(), Some("WA1"));
        assert_eq!(b.fields.clients, ["Microsoft Teams", "Outlook"]);
        assert_eq!(b.fields.publisher.as_deref(), Some("Contoso"));
        assert_eq!(b.fields.privacy.as_deref(), Some("https://c.example/p"));
    }

    #[test]
    fn sub_heading_note_collects_the_text_after_the_permission_table() {
        let lines = split_lines(
            "T\nInformation Response\nA?\n\nData access using Microsoft Graph\n\nGraph permission Permission type Justification App ID\nUser.Read Delegated sign in 05c3e7fe-59c1-4d68-b334-336aa7ed4b64\n\nThis app has no other APIs.\n",
        );
        let l = layout(&lines);
        let b = build(&l.sections, &mut Vec::new());
        assert_eq!(b.permissions.len(), 1);
        let note = b.zones[0]
            .blocks
            .iter()
            .find_map(|blk| match blk {
                Block::Note(n) => Some(n),
                _ => None,
            })
            .unwrap();
        assert_eq!(note.title, "Data access using Microsoft Graph");
        assert_eq!(note.text, "This app has no other APIs.");
    }

    #[test]
    fn whole_line_rows_and_missing_outcomes_are_noted() {
        let lines = split_lines(
            "T\nInformation Response\nSupports CAE\n\nControl Microsoft 365 Certification outcome\nApplication security Maybe\n",
        );
        let l = layout(&lines);
        let mut notes = Vec::new();
        let b = build(&l.sections, &mut notes);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].line, 3);
        assert_eq!(b.zones[0].rows().next().unwrap().answer, "");
    }
}
