//! Lines of rendered text and what each one can be, judged on its own.

use std::borrow::Cow;

use super::vocab;
use crate::text::is_unsafe_char;

/// One line of the page, with its 1-based number (for errors) and its text without line ending.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

/// The text without the invisible characters a browser copy can carry (zero-width spaces, soft
/// hyphens, bidi marks, stray controls): they would hide a label or a heading from the exact
/// comparisons below. Tabs and line breaks stay, so cells and line numbers are unchanged.
pub fn visible(text: &str) -> Cow<'_, str> {
    let drop = |c: char| is_unsafe_char(c) && !matches!(c, '\t' | '\n' | '\r');
    if text.chars().any(drop) {
        Cow::Owned(text.chars().filter(|&c| !drop(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Split text into lines, dropping a byte-order mark and the `\r` of CRLF endings (old Mac files
/// with CR alone are split on CR).
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parts: Vec<&str> = if text.contains('\n') {
        text.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    } else {
        text.split('\r').collect()
    };
    parts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text,
        })
        .collect()
}

/// Lower case with white space collapsed and a trailing colon removed: how headings compare.
pub fn fold(s: &str) -> String {
    let s = s.trim().trim_end_matches([':', '：']).trim_end();
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The pivot a zone heading opens, if the line is one.
pub fn zone_heading(line: &str) -> Option<&'static str> {
    let folded = fold(line);
    vocab::ZONE_HEADINGS
        .iter()
        .find(|(h, _)| *h == folded)
        .map(|(_, pivot)| *pivot)
}

pub fn is_sub_heading(line: &str) -> bool {
    vocab::SUB_HEADINGS.contains(&fold(line).as_str())
}

pub fn is_graph_heading(line: &str) -> bool {
    vocab::GRAPH_HEADINGS.contains(&fold(line).as_str())
}

/// "Information 响应" / "Information\tResponse": exactly these two cells, in some page language
/// (a row such as "Information sharing?" is not a header).
pub fn is_info_header(line: &str) -> bool {
    let folded = fold(line);
    folded.split_once(' ').is_some_and(|(first, second)| {
        vocab::INFO_HEADER_FIRST.contains(&first) && vocab::INFO_HEADER_SECOND.contains(&second)
    })
}

/// "Control Microsoft 365 认证结果": a known first cell and "365" in the rest.
pub fn is_control_header(line: &str) -> bool {
    let folded = fold(line);
    let (first, rest) = folded.split_once(' ').unwrap_or((folded.as_str(), ""));
    vocab::CONTROL_HEADER_FIRST.contains(&first) && rest.contains("365")
}

/// "Graph 权限 权限类型 字距调整 Microsoft Entra应用 ID": starts with Graph, carries no GUID.
pub fn is_permission_header(line: &str) -> bool {
    let folded = fold(line);
    // "图形权限": some translations turned "Graph" into an ordinary word.
    (folded.starts_with("graph")
        || folded.starts_with("microsoft graph ")
        || folded.starts_with("图形权限"))
        && !line.split_whitespace().any(is_guid)
        && folded.split(' ').count() <= 16
}

pub fn is_footer_title(line: &str) -> bool {
    vocab::FOOTER_TITLES.contains(&fold(line).as_str())
}

/// The contact line ends with the contact phrase ("… 联系我们!"); a row that merely mentions
/// contacting the publisher does not.
pub fn is_footer_contact(line: &str) -> bool {
    let folded = fold(line);
    let end = folded.trim_end_matches(['!', '！', '.', '。', ' ']);
    vocab::FOOTER_CONTACT.iter().any(|w| end.ends_with(w))
}

pub fn contains_any(haystack_folded: &str, words: &[&str]) -> bool {
    words.iter().any(|w| haystack_folded.contains(w))
}

/// A registration id: 8-4-4-4-12 hexadecimal digits.
pub fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Leading white space, including the no-break and ideographic spaces a browser copy may keep.
pub fn is_indented(line: &str) -> bool {
    line.starts_with(|c: char| c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_dropped_and_numbers_kept() {
        let lines = split_lines("\u{feff}标题\r\n\r\nInformation 响应\r\n");
        assert_eq!(lines[0].text, "标题");
        assert_eq!(lines[2].text, "Information 响应");
        assert_eq!(lines[2].number, 3);
    }

    #[test]
    fn invisible_characters_are_dropped_but_tabs_and_lines_kept() {
        assert_eq!(
            visible("I\u{200b}D WA1\r\nA?\tB\u{202e}"),
            "ID WA1\r\nA?\tB"
        );
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn table_headers_are_recognized_in_two_languages() {
        assert!(is_info_header("Information 响应"));
        assert!(is_info_header("Information\tResponse"));
        assert!(!is_info_header("Information about the app is below"));
        assert!(!is_info_header("Information sharing?"));
        assert!(is_info_header("Informationen Antwort"));
        assert!(is_control_header("Control Microsoft 365 认证结果"));
        assert!(is_control_header(
            "Control\tMicrosoft 365 Certification outcome"
        ));
        assert!(!is_control_header("Control the app"));
    }

    #[test]
    fn headings_fold_case_and_colons() {
        assert_eq!(zone_heading("一般信息"), Some("general"));
        assert_eq!(zone_heading("  General Information: "), Some("general"));
        assert_eq!(zone_heading("How the app handles data"), Some("data"));
        assert_eq!(zone_heading("认证信息"), Some("certification"));
        assert_eq!(zone_heading("应用名称 联系人中心"), None);
        assert!(is_graph_heading("使用 Microsoft Graph 访问数据"));
        assert!(is_graph_heading("Data access using Microsoft Graph"));
    }

    #[test]
    fn permission_header_has_no_guid() {
        assert!(is_permission_header(
            "Graph 权限 权限类型 字距调整 Microsoft Entra应用 ID"
        ));
        assert!(!is_permission_header(
            "Graph.Read 委托 x 05c3e7fe-59c1-4d68-b334-336aa7ed4b64"
        ));
    }

    #[test]
    fn guids_need_the_right_shape() {
        assert!(is_guid("05c3e7fe-59c1-4d68-b334-336aa7ed4b64"));
        assert!(is_guid("05C3E7FE-59C1-4D68-B334-336AA7ED4B64"));
        assert!(!is_guid("05c3e7fe-59c1-4d68-b334"));
        assert!(!is_guid("zzc3e7fe-59c1-4d68-b334-336aa7ed4b64"));
    }

    #[test]
    fn footer_lines() {
        assert!(is_footer_title("问题"));
        assert!(is_footer_contact(
            "你在此处看到的任何信息有疑问或更新? 联系我们!"
        ));
        assert!(is_footer_contact(
            "Any questions or updates to any of the information you see here? Contact us!"
        ));
        assert!(!is_footer_contact(
            "应用的核心功能 请通过 PrivyNow.com 注册或联系我们的支持团队以获取更多详细信息。"
        ));
    }
}
