//! How well a row's wording and answer fit a question: the alignment's scores, from the
//! signals no translation changes (Latin tokens, numbers, the kind of answer, the level).

use super::super::table::{AnswerKind, Question, latin_tokens};
use crate::model::{Answer, parse_date};

/// A question wording as the alignment sees it: its Latin tokens and numbers.
pub(super) struct Wording {
    pub(super) tokens: Vec<String>,
    pub(super) numbers: Vec<u32>,
}

/// The kind of an answer, told from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    Empty,
    YesNo,
    NotApplicable,
    Url,
    Date,
    Id,
    Text,
}

impl Shape {
    /// Every shape, in the order of their `as usize`.
    pub(super) const ALL: [Shape; 7] = [
        Shape::Empty,
        Shape::YesNo,
        Shape::NotApplicable,
        Shape::Url,
        Shape::Date,
        Shape::Id,
        Shape::Text,
    ];
}

pub(super) fn shape_of(answer: &str, value: Answer) -> Shape {
    let a = answer.trim();
    match value {
        Answer::Unanswered | Answer::NotCopied => return Shape::Empty,
        Answer::Yes | Answer::No => return Shape::YesNo,
        Answer::NotApplicable => return Shape::NotApplicable,
        Answer::Text => {}
    }
    let lower = a.get(..8).unwrap_or(a).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return Shape::Url;
    }
    if a.len() <= 60 && a.bytes().any(|b| b.is_ascii_digit()) && parse_date(a).is_some() {
        return Shape::Date;
    }
    if looks_like_id(a) {
        return Shape::Id;
    }
    Shape::Text
}

/// `WA200000573`, a GUID, `appfluenceinc.m_pm_msft`: one word, with digits or dots.
pub(super) fn looks_like_id(a: &str) -> bool {
    !a.is_empty()
        && a.len() <= 80
        && !a.contains(char::is_whitespace)
        && a.is_ascii()
        && (a.bytes().filter(u8::is_ascii_digit).count() >= 4 || a.contains('.'))
        && !a.contains("://")
}

pub(super) fn wording(question: &str) -> Wording {
    let tokens = latin_tokens(question);
    let numbers = tokens.iter().filter_map(|t| t.parse().ok()).collect();
    Wording { tokens, numbers }
}

// Scores of the alignment. A row matched to a question scores `BASE` plus the evidence for and
// against; leaving a row without a key costs `UNKEYED_ROW`, leaving out a question costs its skip
// cost. The weights were set by measuring the corpora (the cross-language test), not per app.
pub(super) const BASE: f64 = 1.0;
pub(super) const UNKEYED_ROW: f64 = 0.8;
pub(super) const SKIP_CORE: f64 = 1.2;
pub(super) const SKIP_OPTIONAL: f64 = 0.35;
pub(super) const SKIP_LEGACY: f64 = 0.02;
pub(super) const MIN_MATCH: f64 = 0.0;
pub(super) const VOCAB_MATCH: f64 = 3.0;
pub(super) const VOCAB_MISMATCH: f64 = -2.0;

pub(super) fn skip_cost(q: &Question) -> f64 {
    if q.legacy {
        SKIP_LEGACY
    } else if q.optional {
        (SKIP_OPTIONAL - 0.1 * f64::from(q.since)).max(0.05)
    } else {
        SKIP_CORE
    }
}

/// Whether `seq` occurs in `tokens`; the last word may take a plural `s` (`APIs`).
pub(super) fn has_sequence(tokens: &[String], seq: &[String]) -> bool {
    let Some((last, head)) = seq.split_last() else {
        return false;
    };
    tokens.windows(seq.len()).any(|w| {
        let (w_last, w_head) = w.split_last().expect("windows are not empty");
        w_head == head && (w_last == last || w_last.strip_suffix('s') == Some(last))
    })
}

/// The evidence from its wording and level that a row asks `q` (the answer and the vocabulary
/// are counted apart).
pub(super) fn wording_score(
    row: &Wording,
    level: u8,
    q: &Question,
    zone_anchors: &[&[String]],
) -> f64 {
    let mut s = BASE;
    if level != q.level {
        s -= 3.0;
    }
    if !q.numbers.is_empty() {
        let mut left = row.numbers.clone();
        let all = q
            .numbers
            .iter()
            .all(|n| match left.iter().position(|m| m == n) {
                Some(i) => {
                    left.swap_remove(i);
                    true
                }
                None => false,
            });
        s += if all { 2.0 } else { -2.0 };
        s -= (left.len() as f64).min(2.0);
    } else if !row.numbers.is_empty() {
        s -= (row.numbers.len() as f64).min(2.0);
    }
    if !q.anchors.is_empty() {
        // Machine translation sometimes spells an acronym out (SLA in Russian): its absence is
        // weaker evidence than its presence.
        s += if q.anchors.iter().any(|a| has_sequence(&row.tokens, a)) {
            1.5
        } else {
            -0.5
        };
    }
    if zone_anchors
        .iter()
        .any(|a| !q.anchors.iter().any(|own| own == a) && has_sequence(&row.tokens, a))
    {
        s -= 1.0;
    }
    s
}

pub(super) fn kind_score(kind: AnswerKind, shape: Shape) -> f64 {
    use Shape::*;
    match (kind, shape) {
        (_, Empty) => 0.0,
        (AnswerKind::YesNo, YesNo) => 1.0,
        (AnswerKind::YesNo, NotApplicable) => 0.3,
        (AnswerKind::YesNo, Url | Id) => -1.5,
        (AnswerKind::YesNo, Date) => -1.0,
        (AnswerKind::YesNo, Text) => -0.2,
        (AnswerKind::Date, Date) => 1.5,
        (AnswerKind::Date, NotApplicable) => 0.2,
        (AnswerKind::Date, YesNo) => -0.8,
        (AnswerKind::Date, Url) => -1.5,
        (AnswerKind::Date, Id) => -1.0,
        (AnswerKind::Date, Text) => -0.3,
        (AnswerKind::Url, Url) => 1.5,
        (AnswerKind::Url, NotApplicable) => 0.0,
        (AnswerKind::Url, YesNo | Date | Id) => -1.0,
        (AnswerKind::Url, Text) => -0.2,
        (AnswerKind::Id, Id) => 2.0,
        (AnswerKind::Id, Text | NotApplicable) => -0.5,
        (AnswerKind::Id, YesNo | Url | Date) => -1.5,
        (AnswerKind::Text | AnswerKind::List | AnswerKind::Result, YesNo) => -0.5,
        (AnswerKind::Text | AnswerKind::List | AnswerKind::Result, NotApplicable) => 0.0,
        (AnswerKind::Text | AnswerKind::List | AnswerKind::Result, Url | Date) => -0.3,
        (AnswerKind::Text | AnswerKind::List | AnswerKind::Result, Id) => -0.5,
        (AnswerKind::Text | AnswerKind::List | AnswerKind::Result, Text) => 0.5,
    }
}
