//! The JSON form for scripts. Its shape is a public interface:
//!
//! ```text
//! {
//!   "a": {header}, "b": {header},
//!   "languages_match": bool, "aligned_by_position": bool, "only_differences": bool,
//!   "zones": [{
//!     "pivot", "title", "a_present", "b_present",
//!     "aligned_by": "question"|"position", "fallback": null|"languages_differ"|"no_common_questions",
//!     "counts": {"same", "different", "only_a", "only_b"},
//!     "rows": [{
//!       "question",                       A's question, else B's
//!       "key",                             the questionnaire key (null when not recognized)
//!       "a", "b",                          the answers as written; null when the side lacks the row
//!       "status": "same"|"different"|"only_a"|"only_b",
//!       "presence": "both"|"a_only"|"b_only",
//!       "a_value", "b_value",              normalized: yes|no|not_applicable|unanswered|text|null
//!       "a_question", "b_question",        each side's own wording (null when lacking the row)
//!       "level"
//!     }]
//!   }],
//!   "permissions": {
//!     "only_a": [{"name", "kind", "application", "other_kinds"}], "only_b": [...], "both": [...],
//!     "registrations": {"a": [...], "b": [...], "shared": [...]}
//!   }
//! }
//! ```
//!
//! Header: `id, name, publisher, certification, language, updated (ISO date or null),
//! updated_raw, permissions, application_permissions, unanswered, registrations`.
//! Text is kept as the catalog has it (JSON escaping makes it safe to parse; a consumer that
//! prints it to a terminal must sanitize it).

use serde::Serialize;

use super::types::{Comparison, PermissionEntry, RowComparison, SideSummary, ZoneComparison};

/// The comparison as a JSON value of the documented shape.
pub fn to_json(c: &Comparison) -> serde_json::Value {
    serde_json::to_value(JsonComparison::from(c)).expect("comparison JSON has only string keys")
}

/// The comparison as pretty-printed JSON text, ending in a newline.
pub fn to_json_string(c: &Comparison) -> String {
    let mut s = serde_json::to_string_pretty(&JsonComparison::from(c))
        .expect("comparison JSON has only string keys");
    s.push('\n');
    s
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    a: JsonSide<'a>,
    b: JsonSide<'a>,
    languages_match: bool,
    aligned_by_position: bool,
    only_differences: bool,
    zones: Vec<JsonZone<'a>>,
    permissions: JsonPermissions<'a>,
}

impl<'a> From<&'a Comparison> for JsonComparison<'a> {
    fn from(c: &'a Comparison) -> Self {
        JsonComparison {
            a: JsonSide::from(&c.a),
            b: JsonSide::from(&c.b),
            languages_match: c.languages_match,
            aligned_by_position: c.aligned_by_position(),
            only_differences: c.only_differences,
            zones: c.zones.iter().map(JsonZone::from).collect(),
            permissions: JsonPermissions {
                only_a: c
                    .permissions
                    .only_a
                    .iter()
                    .map(JsonPermission::from)
                    .collect(),
                only_b: c
                    .permissions
                    .only_b
                    .iter()
                    .map(JsonPermission::from)
                    .collect(),
                both: c
                    .permissions
                    .both
                    .iter()
                    .map(JsonPermission::from)
                    .collect(),
                registrations: JsonRegistrations {
                    a: &c.permissions.registrations_a,
                    b: &c.permissions.registrations_b,
                    shared: &c.permissions.registrations_shared,
                },
            },
        }
    }
}

#[derive(Serialize)]
struct JsonSide<'a> {
    id: &'a str,
    name: &'a str,
    publisher: &'a str,
    certification: &'a str,
    language: &'a str,
    updated: Option<&'a str>,
    updated_raw: &'a str,
    permissions: usize,
    application_permissions: usize,
    unanswered: usize,
    registrations: &'a [String],
}

impl<'a> From<&'a SideSummary> for JsonSide<'a> {
    fn from(s: &'a SideSummary) -> Self {
        JsonSide {
            id: &s.id,
            name: &s.name,
            publisher: &s.publisher,
            certification: &s.certification,
            language: &s.language,
            updated: s.updated.as_deref(),
            updated_raw: &s.updated_raw,
            permissions: s.permission_count,
            application_permissions: s.application_permission_count,
            unanswered: s.unanswered_count,
            registrations: &s.registrations,
        }
    }
}

#[derive(Serialize)]
struct JsonZone<'a> {
    pivot: &'a str,
    title: &'a str,
    a_present: bool,
    b_present: bool,
    aligned_by: &'static str,
    fallback: Option<&'static str>,
    counts: JsonCounts,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonCounts {
    same: usize,
    different: usize,
    only_a: usize,
    only_b: usize,
}

impl<'a> From<&'a ZoneComparison> for JsonZone<'a> {
    fn from(z: &'a ZoneComparison) -> Self {
        JsonZone {
            pivot: &z.pivot,
            title: &z.title,
            a_present: z.a_present,
            b_present: z.b_present,
            aligned_by: z.aligned_by.as_str(),
            fallback: z.fallback.map(|f| f.as_str()),
            counts: JsonCounts {
                same: z.counts.same,
                different: z.counts.different,
                only_a: z.counts.only_a,
                only_b: z.counts.only_b,
            },
            rows: z.rows.iter().map(JsonRow::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    question: &'a str,
    key: Option<&'static str>,
    a: Option<&'a str>,
    b: Option<&'a str>,
    status: &'static str,
    presence: &'static str,
    a_value: Option<&'static str>,
    b_value: Option<&'static str>,
    a_question: Option<&'a str>,
    b_question: Option<&'a str>,
    level: u8,
}

impl<'a> From<&'a RowComparison> for JsonRow<'a> {
    fn from(r: &'a RowComparison) -> Self {
        JsonRow {
            question: r.question(),
            key: r
                .a
                .as_ref()
                .and_then(|c| c.key)
                .or_else(|| r.b.as_ref().and_then(|c| c.key))
                .map(|k| k.as_str()),
            a: r.a.as_ref().map(|c| c.answer.as_str()),
            b: r.b.as_ref().map(|c| c.answer.as_str()),
            status: r.status.as_str(),
            presence: r.presence.as_str(),
            a_value: r.a.as_ref().map(|c| c.value.as_str()),
            b_value: r.b.as_ref().map(|c| c.value.as_str()),
            a_question: r.a.as_ref().map(|c| c.question.as_str()),
            b_question: r.b.as_ref().map(|c| c.question.as_str()),
            level: r.level(),
        }
    }
}

#[derive(Serialize)]
struct JsonPermissions<'a> {
    only_a: Vec<JsonPermission<'a>>,
    only_b: Vec<JsonPermission<'a>>,
    both: Vec<JsonPermission<'a>>,
    registrations: JsonRegistrations<'a>,
}

#[derive(Serialize)]
struct JsonRegistrations<'a> {
    a: &'a [String],
    b: &'a [String],
    shared: &'a [String],
}

#[derive(Serialize)]
struct JsonPermission<'a> {
    name: &'a str,
    kind: &'static str,
    application: bool,
    other_kinds: Vec<&'static str>,
}

impl<'a> From<&'a PermissionEntry> for JsonPermission<'a> {
    fn from(e: &'a PermissionEntry) -> Self {
        JsonPermission {
            name: &e.name,
            kind: e.kind.as_str(),
            application: e.application,
            other_kinds: e.other_kinds.iter().map(|k| k.as_str()).collect(),
        }
    }
}
