//! Rows of the "Control / Microsoft 365 Certification outcome" table.
//!
//! Sections ("应用程序安全性 通过") sit at level 0 and their controls, indented on the page
//! ("     渗透测试 在范围内"), at level 1. The outcome is the trailing known outcome word.

use super::lines::{fold, is_indented};
use super::vocab;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlRow<'a> {
    pub control: &'a str,
    /// Empty when the line ends in no known outcome.
    pub outcome: &'a str,
    pub level: u8,
}

/// Read one certification line. `indentation_kept` says whether any line of the table was
/// indented; when none was, nesting falls back to the known section names.
pub fn parse_control_line(line: &str, indentation_kept: bool) -> ControlRow<'_> {
    let level = if indentation_kept {
        u8::from(is_indented(line))
    } else {
        u8::from(!vocab::CERT_SECTIONS.contains(&fold(split_outcome(line.trim()).0).as_str()))
    };
    let (control, outcome) = split_outcome(line.trim());
    ControlRow {
        control,
        outcome,
        level,
    }
}

/// Split off the longest trailing outcome that follows white space (or a tab).
fn split_outcome(line: &str) -> (&str, &str) {
    if let Some((control, outcome)) = line.rsplit_once('\t') {
        return (control.trim(), outcome.trim());
    }
    vocab::OUTCOMES
        .iter()
        .filter_map(|o| {
            let at = line.len().checked_sub(o.len()).filter(|&at| at > 0)?;
            let tail = line.get(at..)?;
            (tail.to_lowercase() == *o && line[..at].ends_with(char::is_whitespace)).then_some(at)
        })
        .min()
        .map_or((line, ""), |at| (line[..at].trim_end(), &line[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_level_zero_and_indented_controls_level_one() {
        assert_eq!(
            parse_control_line("应用程序安全性 通过", true),
            ControlRow {
                control: "应用程序安全性",
                outcome: "通过",
                level: 0
            }
        );
        assert_eq!(
            parse_control_line("     渗透测试 在范围内", true),
            ControlRow {
                control: "渗透测试",
                outcome: "在范围内",
                level: 1
            }
        );
    }

    #[test]
    fn controls_with_spaces_and_parentheses_keep_them() {
        let r = parse_control_line("     漏洞评估评审 (渗透测试) 在范围内", true);
        assert_eq!(r.control, "漏洞评估评审 (渗透测试)");
        let r = parse_control_line("     恶意软件防护 - 应用程序控制 不适用", true);
        assert_eq!(
            (r.control, r.outcome),
            ("恶意软件防护 - 应用程序控制", "不适用")
        );
    }

    #[test]
    fn english_outcomes_prefer_the_longest_match() {
        let r = parse_control_line("  Penetration testing Not applicable", true);
        assert_eq!(
            (r.control, r.outcome),
            ("Penetration testing", "Not applicable")
        );
        let r = parse_control_line("  Data at rest Out of scope", true);
        assert_eq!(r.outcome, "Out of scope");
        let r = parse_control_line("Application security Pass", true);
        assert_eq!((r.level, r.outcome), (0, "Pass"));
    }

    #[test]
    fn lost_indentation_falls_back_to_section_names() {
        assert_eq!(parse_control_line("操作安全性 通过", false).level, 0);
        assert_eq!(parse_control_line("漏洞扫描 在范围内", false).level, 1);
    }

    #[test]
    fn unknown_outcome_leaves_the_answer_empty() {
        let r = parse_control_line("  Some control Maybe", true);
        assert_eq!((r.control, r.outcome), ("Some control Maybe", ""));
        assert_eq!(parse_control_line("通过", true).outcome, "");
    }
}
