//! The content of one zone as blocks: question/answer rows, generic tables, free-text notes, and
//! the Graph permissions found along the way.

use std::borrow::Cow;

use super::inline::{clean, first_url, leading_nbsp};
use super::permissions;
use super::tables::{RawRow, RawTable, split_cells, table_at, unquote};
use crate::model::{Block, Note, Permission, Row, Table};

/// A problem worth reporting, at a 0-based line index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIssue {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoneContent<'a> {
    /// The first heading inside the zone.
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
    pub permissions: Vec<Permission>,
    pub issues: Vec<LineIssue>,
    /// The zone's first question/answer table as written, for the general zone's links.
    pub first_qa_table: Option<RawTable<'a>>,
}

/// Read `lines[start..end]`.
pub fn read_zone<'a>(lines: &[&'a str], start: usize, end: usize) -> ZoneContent<'a> {
    let lines = &lines[..end.min(lines.len())];
    let mut out = ZoneContent::default();
    let mut section = String::new();
    let mut paragraphs: Vec<String> = Vec::new();
    // Whether the section's last table was a question/answer one, which rows cut off from it
    // by a stray blank line still belong to.
    let mut in_qa_section = false;
    let mut i = start;
    while i < lines.len() {
        if let Some(table) = table_at(lines, i) {
            flush_note(&mut out.blocks, &section, &mut paragraphs);
            read_table(&table, &section, &mut out);
            i = table.end;
            in_qa_section = table.header.len() == 2 && !permissions::is_permission_table(&table);
            if out.first_qa_table.is_none() && in_qa_section {
                out.first_qa_table = Some(table);
            }
            continue;
        }
        let (text, _) = unquote(lines[i]);
        let text = text.trim();
        if in_qa_section && text.starts_with('|') && split_cells(text).len() == 2 {
            flush_note(&mut out.blocks, &section, &mut paragraphs);
            let table = RawTable {
                line: i,
                end: i + 1,
                quoted: false,
                header: vec![Cow::Borrowed(""); 2],
                rows: vec![RawRow {
                    line: i,
                    cells: split_cells(text),
                }],
            };
            read_table(&table, &section, &mut out);
            // One warning for a run of such rows.
            let previous = i.checked_sub(1).map(|p| unquote(lines[p]).0.trim());
            if !previous.is_some_and(|p| p.starts_with('|')) {
                out.issues.push(LineIssue {
                    line: i,
                    message: "table rows separated from their table (blank line inside it?)"
                        .to_string(),
                });
            }
        } else if let Some(title) = heading(text) {
            in_qa_section = false;
            flush_note(&mut out.blocks, &section, &mut paragraphs);
            section = title;
            if out.heading.is_none() && !section.is_empty() {
                out.heading = Some(section.clone());
            }
        } else if let Some(p) = paragraph_text(text) {
            paragraphs.push(p);
        }
        i += 1;
    }
    flush_note(&mut out.blocks, &section, &mut paragraphs);
    out
}

/// The text of an ATX heading line (`### <a name="x"></a>Title`).
pub fn heading(line: &str) -> Option<String> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(clean(rest.trim().trim_end_matches('#')))
}

/// What a reader sees of one body line, or `None` for lines that carry nothing: includes,
/// embedded frames and images, empty `<p></p>`.
fn paragraph_text(line: &str) -> Option<String> {
    let lower = line.get(..12).unwrap_or(line).to_ascii_lowercase();
    if line.is_empty()
        || line.starts_with("[!INCLUDE")
        || line.starts_with(":::")
        || lower.starts_with("<iframe")
        || lower.starts_with("<img")
    {
        return None;
    }
    let text = clean(line.trim_start_matches(['*', '-', '+']).trim_start());
    if text.is_empty() {
        return None;
    }
    // A bare HTML link ("view in a new tab") is worthless without where it points.
    if lower.starts_with("<a href")
        && let Some(url) = first_url(line)
        && !text.contains(url)
    {
        return Some(format!("{text} ({url})"));
    }
    Some(text)
}

fn flush_note(blocks: &mut Vec<Block>, section: &str, paragraphs: &mut Vec<String>) {
    if paragraphs.is_empty() {
        return;
    }
    blocks.push(Block::Note(Note {
        title: section.into(),
        text: paragraphs.join("\n").into(),
    }));
    paragraphs.clear();
}

fn read_table(table: &RawTable, section: &str, out: &mut ZoneContent) {
    let n = table.header.len();
    if permissions::is_permission_table(table) {
        let (perms, ragged) = permissions::read(table);
        out.permissions.extend(perms);
        out.issues.extend(ragged.into_iter().map(|r| LineIssue {
            line: r.line,
            message: format!(
                "permission row has {} cells, expected {}",
                r.found, r.expected
            ),
        }));
    } else if n == 2 {
        for row in &table.rows {
            if row.cells.len() != 2 {
                out.issues.push(LineIssue {
                    line: row.line,
                    message: format!("row has {} cells, expected 2", row.cells.len()),
                });
            }
            let question = row.cells.first().map(|c| clean(c)).unwrap_or_default();
            // Extra cells come from a pipe typed in the answer; keep them in it.
            let answer = clean(&row.cells.get(1..).unwrap_or_default().join(" | "));
            if question.is_empty() && answer.is_empty() {
                continue;
            }
            let level = row.cells.first().map_or(0, |c| nbsp_level(leading_nbsp(c)));
            out.blocks
                .push(Block::Row(Row::new(question, answer, level)));
        }
    } else {
        let mut rows = Vec::with_capacity(table.rows.len());
        for row in &table.rows {
            if row.cells.len() != n {
                out.issues.push(LineIssue {
                    line: row.line,
                    message: format!("row has {} cells, expected {n}", row.cells.len()),
                });
            }
            let mut cells: Vec<String> = row.cells.iter().map(|c| clean(c)).collect();
            cells.resize(n, String::new());
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells);
            }
        }
        out.blocks.push(Block::Table(Box::new(Table {
            title: section.to_string(),
            headers: table.header.iter().map(|h| clean(h)).collect(),
            rows,
        })));
    }
}

/// Pages indent a sub-row with about five `&nbsp;` per level.
fn nbsp_level(count: usize) -> u8 {
    count.div_ceil(5).min(u8::MAX as usize) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Answer;

    fn zone(text: &str) -> ZoneContent<'_> {
        let lines: Vec<&str> = text.lines().collect();
        read_zone(&lines, 0, lines.len())
    }

    #[test]
    fn question_answer_rows_with_levels() {
        let z = zone(
            "### <a name=\"c\"></a>认证信息\n\n\
             | **Control** | **Microsoft 365认证结果** |\n\
             |:--|:--|\n\
             | [**应用程序安全性**](../docs/x.md#a) | **通过** |\n\
             | &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;渗透测试 | 不适用 |\n\
             | 是否？ |  |\n",
        );
        assert_eq!(z.heading.as_deref(), Some("认证信息"));
        let rows: Vec<&Row> = z
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Row(r) => Some(r),
                _ => None,
            })
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (
                rows[0].question.as_str(),
                rows[0].answer.as_str(),
                rows[0].level
            ),
            ("应用程序安全性", "通过", 0)
        );
        assert_eq!(
            (rows[1].question.as_str(), rows[1].level, rows[1].value),
            ("渗透测试", 1, Answer::NotApplicable)
        );
        assert_eq!(rows[2].value, Answer::Unanswered);
    }

    #[test]
    fn generic_tables_take_the_preceding_heading_and_notes_keep_quoted_text() {
        let z = zone(
            "#### <a name=\"n\"></a>未使用Microsoft 服务\n\
             如果应用与非 Microsoft 服务传输。\n\n\
             >| **转移到** | **哪些 OII？** | **理由？** |\n\
             >|:--|:--|:--|\n\
             >| AWS | 名称 | 需要 |\n\n\
             #### <a name=\"t\"></a>遥测数据\n\
             是否显示？\n\n\
             >应用程序遥测中未显示 OII。\n\n\
             [!INCLUDE [x](../includes/y.md)]\n\
             <iframe src='x'></iframe>\n",
        );
        assert_eq!(z.blocks.len(), 3, "{:#?}", z.blocks);
        assert_eq!(
            z.blocks[0],
            Block::Note(Note {
                title: "未使用Microsoft 服务".into(),
                text: "如果应用与非 Microsoft 服务传输。".into()
            })
        );
        let Block::Table(t) = &z.blocks[1] else {
            panic!("{:?}", z.blocks[1])
        };
        assert_eq!(t.title, "未使用Microsoft 服务");
        assert_eq!(t.headers, ["转移到", "哪些 OII？", "理由？"]);
        assert_eq!(t.rows, [["AWS", "名称", "需要"]]);
        assert_eq!(
            z.blocks[2],
            Block::Note(Note {
                title: "遥测数据".into(),
                text: "是否显示？\n应用程序遥测中未显示 OII。".into()
            })
        );
    }

    #[test]
    fn permissions_are_collected_not_shown_as_blocks() {
        let z = zone(
            ">| **Graph** | **类型** | **理由** | **Azure AD应用 ID** |\n\
             >|:--|:--|:--|:--|\n\
             >| User.Read | 委托 | x | |\n\
             >| Mail.Read | 委托 |\n",
        );
        assert!(z.blocks.is_empty());
        assert_eq!(z.permissions.len(), 2);
        assert_eq!(z.issues.len(), 1);
        assert_eq!(z.issues[0].line, 3);
    }

    #[test]
    fn rows_cut_off_by_a_blank_line_rejoin_their_table_with_a_warning() {
        let z = zone(
            "| **Information** | **响应** |\n|:--|:--|\n| \n\n<a href=\"u\">中查看</a>\n| 是否？ | 是的 |\n| 何处？ | Azure |\n",
        );
        let rows: Vec<(&str, Answer)> = z
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Row(r) => Some((r.question.as_str(), r.value)),
                _ => None,
            })
            .collect();
        assert_eq!(rows, [("是否？", Answer::Yes), ("何处？", Answer::Text)]);
        assert_eq!(z.issues.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 5]);
    }

    #[test]
    fn headings_need_a_space() {
        assert_eq!(heading("# <a name=\"x\"></a>T").as_deref(), Some("T"));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("####### seven"), None);
    }
}
