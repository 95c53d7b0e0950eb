//! Every fixed piece of text the TUI shows, in one place.

use crate::model::{Certification, PermissionKind};

pub const APP_NAME: &str = "attest-tui";
pub const NOT_A_TERMINAL: &str =
    "attest-tui needs a terminal; use `attest-tui list` or `attest-tui show APP` in scripts";
pub const TOO_SMALL: &str = "Terminal too small";
pub const APPS: &str = "Apps";
pub const NO_APPS: &str = "No apps in this catalog";
pub const NO_MATCHING_APPS: &str = "No app matches";
/// After the app count while the list is the result of an earlier query than the bar's.
pub const STALE_MARK: &str = " stale";
pub const STALE_OF: &str = "stale, the list of";
pub const STALE_ALL: &str = "stale, the list of no filter";
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
/// An answer the page shows as an icon, lost when its text was copied.
pub const NOT_COPIED_MARK: &str = "(not in the copied text)";
pub const NO_REGISTRATION: &str = "(no registration GUID)";
pub const ALSO_USED_BY: &str = "shared with";
pub const NOT_SHARED: &str = "not shared";
pub const OTHER_APPS_WITH_PERMISSION: &str = "Other apps requesting this permission";
pub const NO_OTHER_APPS: &str = "No other app in the catalog requests it";
/// After the key that opens the selected app of the permission popup ("Enter opens it").
pub const OPENS_IT: &str = "opens it";
pub const HELP_TITLE: &str = "Keys";
pub const SEARCH_PROMPT: &str = "/";

/// The list's filter language in short, for the help (the README has it whole).
pub const FILTER_HELP: &[&str] = &[
    "words       fuzzy in name, publisher, clients; ids and GUIDs",
    "            as text; a capital makes case count; one typo ok",
    "cert:certified  perm:Mail.*  kind:application  risk:high",
    "client: lang: pub: id:  review:blocked  score:<5  zone:NAME",
    "\"SOC 2\"=yes  zone:compliance=no  (yes no na unanswered text)",
    "tenant:yes  granted:PERM  undeclared:any   (with --tenant)",
    "-term or !term negates; every word and term must hold",
];
pub const SEP: &str = "·";
pub const NOT_CERTIFIED: &str = "not certified or attested";
pub const LABEL_UPDATED: &str = "· updated";
pub const LABEL_CLIENTS: &str = "Clients";
pub const LABEL_REGISTRATION: &str = "Registration";
pub const LABEL_RESOURCE: &str = "Resource";
pub const APPS_COUNT: &str = "apps";

pub fn certification(c: Certification) -> &'static str {
    match c {
        // A word, no glyph: ✓ is the approved decision's mark.
        Certification::Certified => "certified",
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
    // "appl.", not "app": "17 app" reads as seventeen apps.
    format!("{total} perm{s} · {application} {APPLICATION_SHORT}")
}

/// After the count of application permissions (those that need no signed-in user).
pub const APPLICATION_SHORT: &str = "appl.";
/// The counts where the list is narrow: "13 perms", "16 · 2 appl.".
pub fn permission_counts_short(total: usize, application: usize) -> String {
    if application == 0 {
        let s = if total == 1 { "" } else { "s" };
        format!("{total} perm{s}")
    } else {
        format!("{total} · {application} {APPLICATION_SHORT}")
    }
}

/// Group header counts in the permissions tab.
pub fn group_counts(total: usize, application: usize) -> String {
    permission_counts(total, application)
}

pub const OTHER_APPS_WITH_REGISTRATION: &str = "Other apps using this registration";
pub const INDEX_SHARED_BY: &str = "Apps sharing a registration · its GUID";
pub const NO_APP_SHOWN: &str = "No app matches the filter";
pub const LINKS_TITLE: &str = "Links";
pub const LINK_APPSOURCE: &str = "AppSource";
pub const LINK_TEAMS: &str = "Teams";
pub const LINK_WEBSITE: &str = "website";
pub const LINK_TERMS: &str = "terms";
pub const LINK_PRIVACY: &str = "privacy";
pub const LABEL_LINKS: &str = "Links";
pub const NO_LINKS: &str = "This app lists no links.";
pub const LINK_NOT_OPENED: &str = "Not opened";
pub const LINK_COPIED: &str = "The AppSource or Teams link is copied to the clipboard with OSC 52 (terminals that allow it pass it on, also over SSH); every link is below to select by hand.";
pub const LOG_TITLE: &str = "Log of this run";
pub const LOG_EMPTY: &str = "Nothing yet: loading noticed nothing and no message was shown.";
pub const LOG_INFO: &str = "note";
pub const LOG_WARNING: &str = "warning";
pub const LOG_ERROR: &str = "error";
/// After a status message cut to fit: the key that shows it whole.
pub const LOG_POINTER: &str = "whole in";
pub const EXPORT_TITLE: &str = "Export to CSV";
pub const EXPORT_PLAIN: &str = "CSV (RFC 4180, UTF-8): scripts, LibreOffice, Google Sheets";
pub const EXPORT_EXCEL: &str = "CSV for Excel (UTF-8 with a byte-order mark)";

/// The first line of the export choice: what will be written.
pub fn export_what(apps: usize) -> String {
    let s = if apps == 1 { "" } else { "s" };
    format!("The {apps} app{s} shown, as filtered and sorted:")
}

pub const WARNINGS_TITLE: &str = "Warnings while loading";
/// The status line when another program (the CLI, a second TUI) changed reviews.
pub const CHANGED_ELSEWHERE: &str = "changed in another program";
pub const NOTE_TITLE: &str = "Note";
pub const SCORE_TITLE: &str = "Score";
pub const INDEX_TITLE: &str = "Permission index";
pub const INDEX_PERMISSIONS: &str = "Permissions";
pub const INDEX_REGISTRATIONS: &str = "Shared registrations";
pub const INDEX_APPS: &str = "Apps";
pub const NO_SHARED_REGISTRATIONS: &str = "No registration is shared by several apps";
pub const NO_PERMISSIONS_IN_CATALOG: &str = "No permissions in this catalog";
pub const SORT_RELEVANCE: &str = "relevance";

/// The risk marker of an app that requests no permission (a tier letter says what its worst
/// permission is; `·` is a permission the tier table does not rate).
pub const NO_PERMISSION_MARK: &str = "-";

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
/// The app differs from the version its decision was made on.
pub const CHANGED_BADGE: &str = "Δ";
pub const CHANGED_LABEL: &str = "changed since review";
/// The compare view's name for the reviewed side.
pub const AS_REVIEWED: &str = "as reviewed";
/// At start, after "N decided apps".
pub const DRIFT_NOTE: &str = "changed since review (`review:changed` lists them, C compares)";
pub const NOT_DECIDED: &str = "no decision on this app yet: nothing was reviewed to compare with";
pub const DECIDED_WITHOUT_SNAPSHOT: &str =
    "decided before reviews kept what they reviewed: decide again to start tracking changes";
pub const NOTE_BADGE: &str = "✎";
// The compare view.
pub const COMPARE_TITLE: &str = "Compare";
pub const ONLY_DIFFERENCES: &str = "only differences";
pub const EVERYTHING: &str = "everything";
pub const NOT_PROVIDED: &str = "not provided";
pub const NO_DIFFERENCES: &str = "No differences on this tab";
pub const PICK_TITLE: &str = "Compare with";
pub const PICK_REPLACE_A: &str = "Replace the left app (A) with";
pub const PICK_REPLACE_B: &str = "Replace the right app (B) with";
pub const MARKED: &str = "marked";
pub const MARK_GLYPH: &str = "⇄";
pub const REGISTRATIONS: &str = "Registrations";
pub const PAIRED_BY_POSITION: &str = "paired by position";
pub const ONLY_IN_A: &str = "Only in A";
pub const ONLY_IN_B: &str = "Only in B";
pub const IN_BOTH: &str = "In both";
pub const SHARED: &str = "shared";

/// The marker column of a compare row: same, answered differently, answered on one side only
/// (◀ A, ▶ B), present on one side only (« A, » B).
pub fn diff_marker(
    status: crate::compare::Status,
    presence: crate::compare::Presence,
) -> &'static str {
    use crate::compare::{Presence, Status};
    match (status, presence) {
        (Status::Same, _) => "=",
        (Status::Different, _) => "≠",
        (Status::OnlyA, Presence::AOnly) => "«",
        (Status::OnlyB, Presence::BOnly) => "»",
        (Status::OnlyA, _) => "◀",
        (Status::OnlyB, _) => "▶",
    }
}

/// Three columns before a permission: `!!` critical, `!` high, blank for the other tiers.
pub fn tier_marker(tier: crate::risk::Tier) -> &'static str {
    match tier {
        crate::risk::Tier::Critical => "!! ",
        crate::risk::Tier::High => "!  ",
        _ => "   ",
    }
}

/// "12 perms · 3 appl. · 4 unanswered" for a compare header.
pub fn compare_counts(total: usize, application: usize, unanswered: usize) -> String {
    format!(
        "{} · {unanswered} unanswered",
        permission_counts(total, application)
    )
}

/// "1 difference", "14 differences".
pub fn differences(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} difference{s}")
}

pub const NOT_ASKED: &str = "not asked on this page";

/// What a compare row's marker means, in words.
pub fn diff_label(
    status: crate::compare::Status,
    presence: crate::compare::Presence,
) -> &'static str {
    use crate::compare::{Presence, Status};
    match (status, presence) {
        (Status::Same, _) => "same answer",
        (Status::Different, _) => "answered differently",
        (Status::OnlyA, Presence::AOnly) => "only A asks it",
        (Status::OnlyB, Presence::BOnly) => "only B asks it",
        (Status::OnlyA, _) => "answered by A only",
        (Status::OnlyB, _) => "answered by B only",
    }
}

// The tenant view and the tenant marks.
pub const TENANT_TITLE: &str = "Tenant";
pub const NO_TENANT: &str = "No tenant export loaded.";
pub const NO_TENANT_HOW: &str = "Start attest-tui with --tenant PATH (a Microsoft Graph JSON or permission-audit CSV export, or a folder of them; repeatable), or set tenant = [\"…\"] in config.toml. The README says how to export with least privilege.";
pub const NO_TENANT_APPS: &str = "No third-party service principal in the export";
pub const SERVICE_PRINCIPAL: &str = "Service principal";
pub const FINDINGS: &str = "Findings";
pub const NO_ATTESTATION: &str = "no attestation";
pub const NOTHING_TO_OPEN: &str = "no attestation in the catalog: nothing to open";
pub const UNNAMED_SP: &str = "(unnamed service principal)";
pub const UNDECLARED: &str = "UNDECLARED";
pub const DECLARED: &str = "declared";
pub const NOT_GRANTED: &str = "not granted";
pub const GRANTED: &str = "granted";
/// Before an app's name in the list: the tenant has a service principal for it.
pub const IN_TENANT_GLYPH: &str = "⌂";
pub const IN_TENANT: &str = "in tenant";
pub const UNDECLARED_IN_TENANT: &str = "Granted in the tenant, not declared";

pub const UNDECLARED_EXPLAINED: &str = "The tenant granted this permission to the app's service principal, but the app's attestation does not declare it.";
// The questionnaire's English labels in a zone tab.
pub const QUESTION_ENGLISH: &str = "Question (English)";
pub const ENGLISH_LABEL: &str = "English label";

/// "de-DE (+ja-JP, zh-CN)" for an app with several languages, the shown one first.
pub fn other_languages(app: &crate::model::App) -> Option<String> {
    if app.translations.is_empty() {
        return None;
    }
    let others: Vec<String> = app
        .translations
        .iter()
        .map(|t| crate::text::sanitize(&t.language).into_owned())
        .collect();
    Some(format!(
        "{} (+{})",
        crate::text::sanitize(&app.language),
        others.join(", ")
    ))
}
pub const IN_TENANT_AS: &str = "in tenant as";
