//! Every fixed piece of text the TUI shows, in one place.

use crate::model::{Certification, PermissionKind};

pub const APP_NAME: &str = "attest-tui";
pub const NOT_A_TERMINAL: &str =
    "attest-tui needs a terminal; use `attest-tui list` or `attest-tui show APP` in scripts";
pub const TOO_SMALL: &str = "Terminal too small";
pub const APPS: &str = "Apps";
pub const NO_APPS: &str = "No apps in this catalog";
pub const NO_MATCHING_APPS: &str = "No app matches";
pub const NO_APP_SELECTED: &str = "Select an app on the left";
pub const NO_ROWS: &str = "Nothing on this tab";
pub const NO_PERMISSIONS: &str = "No permissions listed for this app";
pub const NO_MATCHING_ROWS: &str = "No row matches the filter";
pub const PERMISSIONS_TAB: &str = "Permissions";
pub const QUESTION: &str = "Question";
pub const ANSWER: &str = "Answer";
pub const PERMISSION: &str = "Permission";
pub const KIND: &str = "Kind";
pub const JUSTIFICATION: &str = "Justification";
pub const UNANSWERED_MARK: &str = "—";
pub const NO_REGISTRATION: &str = "(no registration GUID)";
pub const ALSO_USED_BY: &str = "shared with";
pub const NOT_SHARED: &str = "not shared";
pub const OTHER_APPS_WITH_PERMISSION: &str = "Other apps requesting this permission";
pub const NO_OTHER_APPS: &str = "No other app in the catalog requests it";
pub const ENTER_TO_JUMP: &str = "Enter opens it";
pub const HELP_TITLE: &str = "Keys";
pub const SEARCH_PROMPT: &str = "/";
pub const SEP: &str = "·";
pub const NOT_CERTIFIED: &str = "not certified or attested";
pub const LABEL_UPDATED: &str = "· updated";
pub const LABEL_CLIENTS: &str = "Clients";
pub const LABEL_REGISTRATION: &str = "Registration";
pub const LABEL_RESOURCE: &str = "Resource";
pub const APPS_COUNT: &str = "apps";

pub fn certification(c: Certification) -> &'static str {
    match c {
        Certification::Certified => "✓ certified",
        Certification::Attested => "attested",
        Certification::None => "",
    }
}

pub fn kind(k: PermissionKind) -> &'static str {
    match k {
        PermissionKind::Application => "Application",
        PermissionKind::Delegated => "Delegated",
        PermissionKind::Both => "Both",
        PermissionKind::Unknown => "Unknown",
    }
}

/// "14 perms · 6 app" for the app list.
pub fn permission_counts(total: usize, application: usize) -> String {
    let s = if total == 1 { "" } else { "s" };
    format!("{total} perm{s} · {application} app")
}

/// Group header counts in the permissions tab.
pub fn group_counts(total: usize, application: usize) -> String {
    permission_counts(total, application)
}

pub const WARNINGS_TITLE: &str = "Warnings while loading";
pub const NOTE_TITLE: &str = "Note";
pub const NOTE_HINT: &str = "Enter saves · Esc discards · Ctrl-U clears";
pub const SCORE_TITLE: &str = "Score";
pub const INDEX_TITLE: &str = "Permission index";
pub const INDEX_PERMISSIONS: &str = "Permissions";
pub const INDEX_REGISTRATIONS: &str = "Shared registrations";
pub const INDEX_APPS: &str = "Apps";
pub const NO_SHARED_REGISTRATIONS: &str = "No registration is shared by several apps";
pub const NO_PERMISSIONS_IN_CATALOG: &str = "No permissions in this catalog";
pub const SORT_RELEVANCE: &str = "relevance";

/// One letter per risk tier, so the marker reads without color too.
pub fn tier_letter(t: crate::risk::Tier) -> &'static str {
    use crate::risk::Tier;
    match t {
        Tier::Critical => "C",
        Tier::High => "H",
        Tier::Medium => "M",
        Tier::Low => "L",
        Tier::Unknown => "·",
    }
}

/// A short badge for a decision.
pub fn decision_badge(d: crate::review::Decision) -> &'static str {
    use crate::review::Decision;
    match d {
        Decision::Approved => "✓",
        Decision::Blocked => "✗",
        Decision::NeedsReview => "?",
    }
}

pub fn decision_label(d: crate::review::Decision) -> &'static str {
    use crate::review::Decision;
    match d {
        Decision::Approved => "approved",
        Decision::Blocked => "blocked",
        Decision::NeedsReview => "needs review",
    }
}

pub const BOOKMARK_BADGE: &str = "★";
pub const NOTE_BADGE: &str = "✎";
