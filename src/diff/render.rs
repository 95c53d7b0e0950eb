//! A catalog diff for people (`git diff --stat`-like lines) and for scripts (JSON).

use serde_json::{Value, json};

use super::{AnswerChange, AppChanges, CatalogDiff, PermissionChange};
use crate::text::{sanitize, truncate_to_width};

/// How wide an answer may be on one line of the text output.
const ANSWER_WIDTH: usize = 40;
const QUESTION_WIDTH: usize = 60;

/// `{"added": [ids], "removed": [ids], "changed": [{"id", "name", "permissions_added",
/// "permissions_removed", "answers_changed", "certification"}]}`.
pub fn to_json(diff: &CatalogDiff) -> Value {
    fn ids(apps: &[super::AppRef]) -> Vec<&str> {
        apps.iter().map(|a| a.id.as_str()).collect()
    }
    json!({
        "added": ids(&diff.added),
        "removed": ids(&diff.removed),
        "changed": diff.changed.iter().map(app_json).collect::<Vec<_>>(),
    })
}

fn app_json(app: &AppChanges) -> Value {
    let perms = |ps: &[PermissionChange]| -> Vec<Value> {
        ps.iter()
            .map(|p| json!({"name": p.name, "kind": p.kind.as_str(), "tier": p.tier.as_str()}))
            .collect()
    };
    json!({
        "id": app.id,
        "name": app.name,
        "permissions_added": perms(&app.permissions_added),
        "permissions_removed": perms(&app.permissions_removed),
        "answers_changed": app.answers_changed.iter().map(|a| json!({
            "key": a.key,
            "zone": a.zone,
            "question": a.question,
            "old": a.old,
            "new": a.new,
        })).collect::<Vec<_>>(),
        "certification": app.certification.map(|(old, new)| json!({
            "old": old.as_str(),
            "new": new.as_str(),
        })),
    })
}

/// A summary line, then the apps added, removed and changed; for a changed app its permission
/// changes, certification and changed answers (questions added or removed are counted).
pub fn render_text(diff: &CatalogDiff) -> String {
    let mut out = summary(diff);
    out.push('\n');
    if !diff.added.is_empty() {
        out.push_str("\nadded\n");
        for a in &diff.added {
            out.push_str(&format!("  + {}  {}\n", clean(&a.id), clean(&a.name)));
        }
    }
    if !diff.removed.is_empty() {
        out.push_str("\nremoved\n");
        for a in &diff.removed {
            out.push_str(&format!("  - {}  {}\n", clean(&a.id), clean(&a.name)));
        }
    }
    if !diff.changed.is_empty() {
        out.push_str("\nchanged\n");
        for app in &diff.changed {
            changed_app(app, &mut out);
        }
    }
    out
}

/// `3 added, 1 removed, 12 changed (4 gained permissions, 2 of them critical or high)`.
pub fn summary(diff: &CatalogDiff) -> String {
    if diff.is_empty() {
        return "no changes".to_string();
    }
    let gained = diff
        .changed
        .iter()
        .filter(|c| !c.permissions_added.is_empty())
        .count();
    let dangerous = diff
        .changed
        .iter()
        .filter(|c| c.worst_added() >= crate::risk::Tier::High)
        .count();
    let mut out = format!(
        "{} added, {} removed, {} changed",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len()
    );
    if gained > 0 {
        out.push_str(&format!(
            " ({gained} gained permissions, {dangerous} of them critical or high)"
        ));
    }
    out
}

/// One changed app as `render_text` lists it (`show` uses it for changes since a review).
pub fn render_app(app: &AppChanges) -> String {
    let mut out = String::new();
    changed_app(app, &mut out);
    out
}

fn changed_app(app: &AppChanges, out: &mut String) {
    out.push_str(&format!("  ~ {}  {}\n", clean(&app.id), clean(&app.name)));
    for (sign, perms) in [
        ("+", &app.permissions_added),
        ("-", &app.permissions_removed),
    ] {
        for p in perms {
            out.push_str(&format!(
                "      {sign} {}  {}  {}\n",
                clean(&p.name),
                p.kind.as_str(),
                p.tier.as_str()
            ));
        }
    }
    if let Some((old, new)) = app.certification {
        out.push_str(&format!(
            "      certification: {} → {}\n",
            old.as_str(),
            new.as_str()
        ));
    }
    let both: Vec<&AnswerChange> = app
        .answers_changed
        .iter()
        .filter(|a| a.old.is_some() && a.new.is_some())
        .collect();
    let asked = app
        .answers_changed
        .iter()
        .filter(|a| a.old.is_none())
        .count();
    let dropped = app
        .answers_changed
        .iter()
        .filter(|a| a.new.is_none())
        .count();
    if !app.answers_changed.is_empty() {
        out.push_str(&format!(
            "      answers: {} changed, {} added, {} removed\n",
            both.len(),
            plural(asked, "question"),
            dropped
        ));
    }
    for a in both {
        out.push_str(&format!(
            "        [{}] {}: {} → {}\n",
            clean(&a.zone),
            short(&a.question, QUESTION_WIDTH),
            short(a.old.as_deref().unwrap_or(""), ANSWER_WIDTH),
            short(a.new.as_deref().unwrap_or(""), ANSWER_WIDTH),
        ));
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Untrusted text for a terminal: control and format characters out, on one line.
fn clean(text: &str) -> String {
    sanitize(text).into_owned()
}

fn short(text: &str, width: usize) -> String {
    let text = clean(text);
    let text = text.trim();
    if text.is_empty() {
        return "(empty)".to_string();
    }
    truncate_to_width(text, width)
}
