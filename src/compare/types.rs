//! The result of comparing two apps: plain data shaped for every front end at once. Rows are
//! already aligned and classified, so a renderer (text, markdown, JSON, a TUI view) only walks
//! them; none of them re-derives a status.

use crate::model::{Answer, PermissionKind};

/// Two apps side by side. Build it with [`super::compare_apps`].
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub a: SideSummary,
    pub b: SideSummary,
    /// False when both apps name a page language and the languages differ; every zone is then
    /// aligned by position, because the questions cannot match as text.
    pub languages_match: bool,
    /// The union of both apps' zones: A's order, then zones only B has, in B's order.
    pub zones: Vec<ZoneComparison>,
    pub permissions: PermissionComparison,
    /// True for the output of [`Comparison::only_differences`]: rows and permissions that are
    /// the same were dropped (zone counts still describe the whole zone).
    pub only_differences: bool,
}

impl Comparison {
    /// Whether any zone had to be aligned by position instead of by question.
    pub fn aligned_by_position(&self) -> bool {
        self.zones
            .iter()
            .any(|z| z.aligned_by == AlignedBy::Position)
    }

    /// Rows that differ in any way, over all zones (counted on the whole comparison, so the
    /// number is the same before and after [`Comparison::only_differences`]).
    pub fn difference_count(&self) -> usize {
        self.zones.iter().map(|z| z.counts.differences()).sum()
    }

    /// The same comparison without what is the same: rows with status `Same`, zones that are left
    /// with no rows (unless the zone itself is missing on one side), and permissions both apps
    /// hold. Zone counts are kept from the full comparison so a view can still say "3 of 20".
    pub fn only_differences(&self) -> Comparison {
        let zones = self
            .zones
            .iter()
            .filter_map(|z| {
                let rows: Vec<RowComparison> = z
                    .rows
                    .iter()
                    .filter(|r| r.status != Status::Same)
                    .cloned()
                    .collect();
                let zone_missing = z.a_present != z.b_present;
                (!rows.is_empty() || zone_missing).then(|| ZoneComparison { rows, ..z.clone() })
            })
            .collect();
        Comparison {
            zones,
            permissions: PermissionComparison {
                both: Vec::new(),
                ..self.permissions.clone()
            },
            only_differences: true,
            ..self.clone()
        }
    }
}

/// What a reviewer reads first about each app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SideSummary {
    pub id: String,
    pub name: String,
    pub publisher: String,
    /// `certified`, `attested` or `none`.
    pub certification: String,
    pub language: String,
    /// ISO date when the page's "last updated" line could be read.
    pub updated: Option<String>,
    /// The "last updated" line as written.
    pub updated_raw: String,
    pub permission_count: usize,
    pub application_permission_count: usize,
    pub unanswered_count: usize,
    /// Azure AD app registration GUIDs, in first-seen order.
    pub registrations: Vec<String>,
}

/// How a zone's rows were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlignedBy {
    /// By normalized question text; reordered questions still pair up.
    Question,
    /// The n-th row with the n-th row: the fallback when questions cannot match as text.
    Position,
}

impl AlignedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            AlignedBy::Question => "question",
            AlignedBy::Position => "position",
        }
    }
}

/// Why a zone was aligned by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The two pages are in different languages.
    LanguagesDiffer,
    /// Same (or unknown) language, but not a single question of the zone matched.
    NoCommonQuestions,
}

impl Fallback {
    pub fn as_str(self) -> &'static str {
        match self {
            Fallback::LanguagesDiffer => "languages_differ",
            Fallback::NoCommonQuestions => "no_common_questions",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ZoneComparison {
    pub pivot: String,
    /// A's title, else B's, else the English title of the pivot.
    pub title: String,
    /// Whether each app has this zone at all; a missing zone reads "not provided".
    pub a_present: bool,
    pub b_present: bool,
    pub aligned_by: AlignedBy,
    pub fallback: Option<Fallback>,
    pub rows: Vec<RowComparison>,
    pub counts: ZoneCounts,
}

impl ZoneComparison {
    /// Index of the first differing row after `after` (from the top when `None`): "next
    /// difference" in a compare view.
    pub fn next_difference(&self, after: Option<usize>) -> Option<usize> {
        let start = after.map_or(0, |i| i + 1);
        (start..self.rows.len()).find(|&i| self.rows[i].status != Status::Same)
    }

    /// Index of the last differing row before `before` (from the bottom when `None`).
    pub fn previous_difference(&self, before: Option<usize>) -> Option<usize> {
        let end = before.unwrap_or(self.rows.len()).min(self.rows.len());
        (0..end)
            .rev()
            .find(|&i| self.rows[i].status != Status::Same)
    }
}

/// Rows of a zone by status, for tab badges and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ZoneCounts {
    pub same: usize,
    pub different: usize,
    pub only_a: usize,
    pub only_b: usize,
}

impl ZoneCounts {
    pub fn of(rows: &[RowComparison]) -> ZoneCounts {
        let mut c = ZoneCounts::default();
        for r in rows {
            match r.status {
                Status::Same => c.same += 1,
                Status::Different => c.different += 1,
                Status::OnlyA => c.only_a += 1,
                Status::OnlyB => c.only_b += 1,
            }
        }
        c
    }

    pub fn differences(&self) -> usize {
        self.different + self.only_a + self.only_b
    }

    pub fn total(&self) -> usize {
        self.same + self.differences()
    }
}

/// One line of the side-by-side view: a row of A, of B, or of both.
#[derive(Debug, Clone, PartialEq)]
pub struct RowComparison {
    pub a: Option<Cell>,
    pub b: Option<Cell>,
    pub status: Status,
    pub presence: Presence,
}

impl RowComparison {
    /// The question to show: A's when A has the row, else B's.
    pub fn question(&self) -> &str {
        self.a
            .as_ref()
            .or(self.b.as_ref())
            .map_or("", |c| c.question.as_str())
    }

    /// Whether both sides ask the same question as text, so a view can show it once. False for
    /// rows paired by position across languages and for rows one side lacks.
    pub fn same_question(&self) -> bool {
        match (&self.a, &self.b) {
            (Some(a), Some(b)) => {
                super::normalize::text_key(&a.question) == super::normalize::text_key(&b.question)
            }
            _ => false,
        }
    }

    pub fn level(&self) -> u8 {
        self.a.as_ref().or(self.b.as_ref()).map_or(0, |c| c.level)
    }
}

/// One side of a row, copied from the app so the comparison stands alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub question: String,
    pub answer: String,
    pub value: Answer,
    pub level: u8,
    /// The questionnaire key of the row's question, when it has one.
    pub key: Option<crate::questionnaire::QuestionKey>,
    /// What the answer means (a good "no" is good), for colors.
    pub judgement: crate::model::Judgement,
}

/// The four verdicts of the JSON `status` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Same normalized value (free text: same text once normalized), or unanswered on both sides.
    Same,
    /// Answered on both sides, differently.
    Different,
    /// Answered only by A: B left it unanswered or lacks the row (see [`Presence`]).
    OnlyA,
    OnlyB,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Different => "different",
            Status::OnlyA => "only_a",
            Status::OnlyB => "only_b",
        }
    }
}

/// Which sides have the row at all. With [`Status`] this tells "B left it unanswered"
/// (`Both` + `OnlyA`) from "B's page does not ask it" (`AOnly` + `OnlyA`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    Both,
    AOnly,
    BOnly,
}

impl Presence {
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Both => "both",
            Presence::AOnly => "a_only",
            Presence::BOnly => "b_only",
        }
    }
}

/// Graph permissions compared as sets of (name, kind).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PermissionComparison {
    pub only_a: Vec<PermissionEntry>,
    pub only_b: Vec<PermissionEntry>,
    pub both: Vec<PermissionEntry>,
    pub registrations_a: Vec<String>,
    pub registrations_b: Vec<String>,
    /// Registrations both apps use: the same Azure AD app behind both.
    pub registrations_shared: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionEntry {
    pub name: String,
    pub kind: PermissionKind,
    /// Usable without a signed-in user (application or both): what a reviewer looks at first.
    pub application: bool,
    /// For a one-sided entry: the kind(s) the other app holds the same name with, e.g. A has
    /// `Mail.Read` delegated while B has it as application.
    pub other_kinds: Vec<PermissionKind>,
}
