//! Pipe tables, plain (`| a | b |`) or inside a blockquote (`>| a | b |`), with the raw cell text
//! kept for the callers (links and `&nbsp;` indentation carry meaning there). Cells borrow from
//! the page; only rows broken over lines or with escaped pipes own their text.

use std::borrow::Cow;

/// One pipe table as written: header cells, data rows, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable<'a> {
    /// 0-based index of the header line in the page's lines.
    pub line: usize,
    /// Index of the first line after the table.
    pub end: usize,
    pub quoted: bool,
    pub header: Vec<Cow<'a, str>>,
    pub rows: Vec<RawRow<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow<'a> {
    /// 0-based index of the row's first line.
    pub line: usize,
    pub cells: Vec<Cow<'a, str>>,
}

/// A line without its blockquote markers, and whether it had any.
pub fn unquote(line: &str) -> (&str, bool) {
    let mut rest = line.trim_start();
    let mut quoted = false;
    while let Some(r) = rest.strip_prefix('>') {
        rest = r.trim_start();
        quoted = true;
    }
    (rest, quoted)
}

/// The table whose header is at `lines[i]`, if a delimiter row follows it.
pub fn table_at<'a>(lines: &[&'a str], i: usize) -> Option<RawTable<'a>> {
    let (header, quoted) = unquote(lines[i]);
    let header = header.trim();
    if !header.starts_with('|') || !lines.get(i + 1).is_some_and(|l| is_delimiter(l)) {
        return None;
    }
    let mut rows: Vec<(usize, Cow<'a, str>)> = Vec::new();
    let mut j = i + 2;
    while j < lines.len() {
        let (text, _) = unquote(lines[j]);
        let text = text.trim();
        if text.starts_with('|') {
            rows.push((j, Cow::Borrowed(text)));
        } else if !text.is_empty()
            && !text.starts_with(":::")
            && !text.starts_with('#')
            && rows.last().is_some_and(|(_, r)| !r.ends_with('|'))
        {
            // A line break typed inside a cell: the row goes on until its closing pipe.
            let last = rows.last_mut().expect("checked above").1.to_mut();
            last.push('\n');
            last.push_str(text);
        } else {
            break;
        }
        j += 1;
    }
    Some(RawTable {
        line: i,
        end: j,
        quoted,
        header: split_cells(header),
        rows: rows
            .into_iter()
            .map(|(line, text)| RawRow {
                line,
                cells: match text {
                    Cow::Borrowed(t) => split_cells(t),
                    Cow::Owned(t) => split_cells(&t)
                        .into_iter()
                        .map(|c| Cow::Owned(c.into_owned()))
                        .collect(),
                },
            })
            .collect(),
    })
}

/// `|:---|---:|` and the like.
pub fn is_delimiter(line: &str) -> bool {
    let (text, _) = unquote(line);
    let text = text.trim();
    text.contains('-')
        && text.contains('|')
        && text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Cells of one row, trimmed; `\|` is a literal pipe inside a cell.
pub fn split_cells(row: &str) -> Vec<Cow<'_, str>> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = match row.strip_suffix('|') {
        Some(r) if !r.ends_with('\\') => r,
        _ => row,
    };
    if !row.contains('\\') {
        return row.split('|').map(|c| Cow::Borrowed(c.trim())).collect();
    }
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(Cow::Owned(std::mem::take(&mut cell).trim().to_string())),
            c => cell.push(c),
        }
    }
    cells.push(Cow::Owned(cell.trim().to_string()));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_table_is_read_with_raw_cells() {
        let lines = [
            "| **Information** | **响应** |",
            "|:----------------|:-------------|",
            "| 应用名称 | POPP |",
            "| 公司的网站 | [https://popp.com](https://popp.com) |",
            "",
            "after",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(!t.quoted);
        assert_eq!(t.header, vec!["**Information**", "**响应**"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells[1], "[https://popp.com](https://popp.com)");
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.end, 4);
    }

    #[test]
    fn blockquoted_table_and_a_line_break_inside_a_cell() {
        let lines = [
            ">| **P** | **T** | **J** | **ID** |",
            ">|:--|:--|:--|:--|",
            ">| Mail.ReadWrite | 委托 | 读取邮件",
            "编写规则 | [g](../azure/g.md) |",
            ">| Mail.Send | 委托 | 发送 | [g](../azure/g.md) |",
            "",
            ">此应用程序没有其他 API。",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(t.quoted);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells.len(), 4);
        assert_eq!(t.rows[0].cells[2], "读取邮件\n编写规则");
        assert_eq!(t.rows[1].cells[0], "Mail.Send");
        assert_eq!(t.end, 5);
    }

    #[test]
    fn no_delimiter_means_no_table() {
        assert!(table_at(&["| a | b |", "| c | d |"], 0).is_none());
        assert!(table_at(&["| a | b |"], 0).is_none());
        assert!(table_at(&["text", "|---|"], 0).is_none());
    }

    #[test]
    fn ragged_and_escaped_cells() {
        assert_eq!(split_cells("| a \\| b | c"), vec!["a | b", "c"]);
        assert_eq!(split_cells("|a||"), vec!["a", ""]);
        assert_eq!(split_cells("|"), vec![""]);
    }
}
