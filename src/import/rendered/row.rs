//! Splitting one line of an "Information / Response" table into question and answer.
//!
//! A browser copy of a table row keeps a tab between the cells; the seed (and copies that went
//! through other tools) has a single space, the same space that separates words. So the split
//! point is found by rules, strongest first, and the rule used is reported.

use super::vocab::{self, Field};
use crate::model::{Answer, normalize_answer};

/// How a line was split; `WholeLine` means no rule applied and the answer is left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Tab,
    Label(Field),
    QuestionMark,
    Colon,
    Url,
    /// The line ends in a yes/no/not-applicable word.
    AnswerWord,
    WholeLine,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitRow<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    pub rule: Rule,
}

/// Split a table line. Rules, in order:
/// 1. a tab separates the cells;
/// 2. a known row label of the template (longest match) is the question;
/// 3. the last `?`/`？` before any URL ends the question;
/// 4. the first `:`/`：` before any URL ends the question;
/// 5. the answer starts at the first URL;
/// 6. the last word or two read as yes / no / not applicable (`normalize_answer`);
/// 7. otherwise the whole line is the question and the answer is empty (never guessed).
pub fn split_row(line: &str) -> SplitRow<'_> {
    let line = line.trim();
    if let Some((q, a)) = line.split_once('\t') {
        let q = q.trim();
        return SplitRow {
            question: q,
            answer: a.trim(),
            rule: label_of(q).map_or(Rule::Tab, Rule::Label),
        };
    }
    if let Some((label, field)) = longest_label(line) {
        let rest = line[label.len()..].trim_start();
        let answer = rest.strip_prefix([':', '：']).unwrap_or(rest).trim();
        return SplitRow {
            question: label,
            answer,
            rule: Rule::Label(field),
        };
    }
    let before_url = &line[..url_start(line).unwrap_or(line.len())];
    if let Some(end) = before_url.rfind(['?', '？']) {
        return at(line, end, Rule::QuestionMark);
    }
    if let Some(end) = before_url.find([':', '：']) {
        return at(line, end, Rule::Colon);
    }
    if let Some(start) = url_start(line).filter(|&s| s > 0) {
        return SplitRow {
            question: line[..start].trim(),
            answer: line[start..].trim(),
            rule: Rule::Url,
        };
    }
    if let Some(start) = trailing_answer_word(line) {
        return SplitRow {
            question: line[..start].trim(),
            answer: line[start..].trim(),
            rule: Rule::AnswerWord,
        };
    }
    SplitRow {
        question: line,
        answer: "",
        rule: Rule::WholeLine,
    }
}

/// Byte offset of a last word (or two) that reads as yes / no / not applicable in some page
/// language ("… (CAE) 否", "… Not applicable"), when something precedes it.
fn trailing_answer_word(line: &str) -> Option<usize> {
    let starts: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || line[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .rev()
        .take(2)
        .filter(|&&i| i > 0)
        .copied()
        .filter(|&i| {
            !matches!(
                normalize_answer(&line[i..]),
                Answer::Text | Answer::Unanswered
            )
        })
        .min()
}

/// Split after the one-character delimiter at byte `end`, keeping it in the question.
fn at(line: &str, end: usize, rule: Rule) -> SplitRow<'_> {
    let delimiter_len = line[end..].chars().next().map_or(1, char::len_utf8);
    let (q, a) = line.split_at(end + delimiter_len);
    SplitRow {
        question: q.trim(),
        answer: a.trim(),
        rule,
    }
}

/// The label at the start of `line`, as written there, when followed by white space, a colon
/// or the end of the line.
fn longest_label(line: &str) -> Option<(&str, Field)> {
    vocab::ROW_LABELS
        .iter()
        .filter_map(|(label, field)| {
            let head = line.get(..label.len())?;
            let rest = &line[label.len()..];
            let boundary = rest.is_empty()
                || rest.starts_with(|c: char| c.is_whitespace() || c == ':' || c == '：');
            (boundary && head.eq_ignore_ascii_case(label)).then_some((head, *field))
        })
        .max_by_key(|(head, _)| head.len())
}

/// The field of a whole cell that is exactly a known label.
fn label_of(cell: &str) -> Option<Field> {
    let cell = cell.trim_end_matches([':', '：']).trim_end();
    vocab::ROW_LABELS
        .iter()
        .find(|(label, _)| label.eq_ignore_ascii_case(cell))
        .map(|(_, field)| *field)
}

/// Byte offset of the first token that is a URL.
fn url_start(line: &str) -> Option<usize> {
    ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| {
            line.match_indices(p)
                .map(|(i, _)| i)
                .find(|&i| i == 0 || line[..i].ends_with(char::is_whitespace))
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qa(line: &str) -> (&str, &str, Rule) {
        let r = split_row(line);
        (r.question, r.answer, r.rule)
    }

    #[test]
    fn question_mark_ends_the_question_and_the_answer_may_be_empty() {
        assert_eq!(
            qa("应用使用哪些托管云提供商? Azure"),
            ("应用使用哪些托管云提供商?", "Azure", Rule::QuestionMark)
        );
        assert_eq!(
            qa("应用是否支持 TLS 1.1 或更高版本?"),
            ("应用是否支持 TLS 1.1 或更高版本?", "", Rule::QuestionMark)
        );
        assert_eq!(
            qa(
                "应用是否符合 Health Information Trust Alliance、Common Security Framework (HITRUST CSF) ? 不适用"
            ),
            (
                "应用是否符合 Health Information Trust Alliance、Common Security Framework (HITRUST CSF) ?",
                "不适用",
                Rule::QuestionMark
            )
        );
        assert_eq!(qa("Does it store data？ Yes").1, "Yes");
    }

    #[test]
    fn known_labels_split_without_a_question_mark() {
        assert_eq!(
            qa("应用名称 联系人中心"),
            ("应用名称", "联系人中心", Rule::Label(Field::Name))
        );
        assert_eq!(
            qa("支持的Office 365客户端 Microsoft Teams"),
            (
                "支持的Office 365客户端",
                "Microsoft Teams",
                Rule::Label(Field::Clients)
            )
        );
        assert_eq!(
            qa("合作伙伴公司名称 Landis Technologies LLC").1,
            "Landis Technologies LLC"
        );
        assert_eq!(
            qa("ID WA200001428"),
            ("ID", "WA200001428", Rule::Label(Field::Id))
        );
        assert_eq!(
            qa("Partner company name Contoso Ltd").2,
            Rule::Label(Field::Publisher)
        );
    }

    #[test]
    fn longest_label_wins_and_needs_a_word_boundary() {
        assert_eq!(
            qa("应用信息页面 https://x.example").0,
            "应用信息页面",
            "not the shorter 应用信息页"
        );
        assert_eq!(qa("IDE support?").0, "IDE support?");
    }

    #[test]
    fn a_url_starts_the_answer_of_an_unknown_label() {
        assert_eq!(
            qa("Support page https://help.example/?q=1"),
            ("Support page", "https://help.example/?q=1", Rule::Url)
        );
        assert_eq!(
            qa("隐私策略 URL https://docs.landis.cloud/legal/privacy"),
            (
                "隐私策略 URL",
                "https://docs.landis.cloud/legal/privacy",
                Rule::Label(Field::Privacy)
            )
        );
    }

    #[test]
    fn colon_ends_a_question_without_question_mark() {
        assert_eq!(
            qa("为启用多重身份验证 (MFA) : CodeRepositories、DNSManagement、Credential"),
            (
                "为启用多重身份验证 (MFA) :",
                "CodeRepositories、DNSManagement、Credential",
                Rule::Colon
            )
        );
    }

    #[test]
    fn unknown_lines_become_whole_questions_without_answer() {
        assert_eq!(
            qa("Supports continuous evaluation"),
            ("Supports continuous evaluation", "", Rule::WholeLine)
        );
        assert_eq!(qa("否").2, Rule::WholeLine, "an answer alone is no row");
    }

    #[test]
    fn a_trailing_yes_no_word_is_the_answer() {
        assert_eq!(
            qa("Supports continuous evaluation Not applicable"),
            (
                "Supports continuous evaluation",
                "Not applicable",
                Rule::AnswerWord
            )
        );
        assert_eq!(qa("某个没有问号的问题 否").1, "否");
        assert_eq!(qa("Uses Azure AD B2C").2, Rule::WholeLine);
    }

    #[test]
    fn the_cae_question_is_a_known_label() {
        assert_eq!(
            qa("你的应用是否支持持续访问评估 (CAE)"),
            (
                "你的应用是否支持持续访问评估 (CAE)",
                "",
                Rule::Label(Field::Other)
            )
        );
        assert_eq!(qa("你的应用是否支持 CAE (连续访问) 不支持").1, "不支持");
    }

    #[test]
    fn tabs_are_the_strongest_separator() {
        assert_eq!(
            qa("Is it hosted?\tYes, in Azure? mostly"),
            ("Is it hosted?", "Yes, in Azure? mostly", Rule::Tab)
        );
        assert_eq!(qa("App name\tContoso").2, Rule::Label(Field::Name));
    }
}
