//! Review drift: what a decision was made on, so that a later catalog that changes the app can
//! say so. A decision keeps the app's permission set and certification in full, and a
//! fingerprint of each answer keyed by zone and question, so it can tell which rows changed
//! without copying the pages into the review file. No terminal types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compare::{row_keys, text_key};
use crate::model::{Answer, App, Block, Certification, Permission, PermissionKind, Row};

/// The app as it was when the decision was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewed {
    /// Every (name, kind) the app requested, once, in name order.
    #[serde(default)]
    pub permissions: Vec<ReviewedPermission>,
    #[serde(default)]
    pub certification: Certification,
    /// One entry per answered question: `zone/question` → the answer's value (`yes`, `no`,
    /// `not_applicable`, `not_copied`), or `text:` and a fingerprint of free text as the
    /// comparison reads it (case, spacing and punctuation set aside). The question is its
    /// questionnaire key (`security.mfa.`) when the importer knew it, else its normalized text.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// The page's "last updated" date then, for showing the reviewed version (a new date
    /// alone is no change, as in `diff`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReviewedPermission {
    pub name: String,
    pub kind: PermissionKind,
    /// The app registrations that requested it, in page order (for showing the reviewed
    /// version; which registration asks is not what drift compares).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registrations: Vec<String>,
}

/// What changed in an app since its review: empty when nothing a reviewer judges did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drift {
    pub permissions_added: Vec<ReviewedPermission>,
    pub permissions_removed: Vec<ReviewedPermission>,
    /// The `zone/question` keys whose answer is another, was added or was removed.
    pub answers_changed: Vec<String>,
    /// (then, now) when it changed.
    pub certification: Option<(Certification, Certification)>,
}

impl Drift {
    pub fn is_empty(&self) -> bool {
        self.permissions_added.is_empty()
            && self.permissions_removed.is_empty()
            && self.answers_changed.is_empty()
            && self.certification.is_none()
    }

    /// "2 permissions added, 1 removed, 3 answers changed, certification attested → certified".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        if !self.permissions_added.is_empty() {
            parts.push(count(
                self.permissions_added.len(),
                "permission added",
                "permissions added",
            ));
        }
        if !self.permissions_removed.is_empty() {
            parts.push(count(
                self.permissions_removed.len(),
                "permission removed",
                "permissions removed",
            ));
        }
        if !self.answers_changed.is_empty() {
            parts.push(count(
                self.answers_changed.len(),
                "answer changed",
                "answers changed",
            ));
        }
        if let Some((then, now)) = self.certification {
            parts.push(format!(
                "certification {} → {}",
                then.as_str(),
                now.as_str()
            ));
        }
        parts.join(", ")
    }
}

impl Reviewed {
    /// What a decision on `app` is made on.
    pub fn of(app: &App) -> Reviewed {
        let mut by_identity: BTreeMap<(String, PermissionKind), ReviewedPermission> =
            BTreeMap::new();
        for p in &app.permissions {
            let name = p.name.trim();
            // The comparison's identity of a permission: its name in any case, and its kind.
            let entry = by_identity
                .entry((name.to_lowercase(), p.kind))
                .or_insert_with(|| ReviewedPermission {
                    name: name.to_string(),
                    kind: p.kind,
                    registrations: Vec::new(),
                });
            if let Some(r) = &p.registration
                && !entry.registrations.contains(r)
            {
                entry.registrations.push(r.clone());
            }
        }
        let permissions = by_identity.into_values().collect();
        let mut answers = BTreeMap::new();
        for zone in &app.zones {
            let rows: Vec<&Row> = zone.rows().collect();
            for (row, key) in rows.iter().zip(answer_keys(&zone.pivot, &rows)) {
                if let Some(value) = answer_value(row) {
                    answers.insert(key, value);
                }
            }
        }
        Reviewed {
            permissions,
            certification: app.certification,
            answers,
            updated: app.updated.date.clone(),
        }
    }

    /// What changed in `now` since this review. Permissions compare as (name, kind) sets with
    /// names in any case, answers by their values and the fingerprints of their text — as
    /// `diff` and the compare view compare two versions.
    pub fn drift(&self, now: &App) -> Drift {
        self.drift_to(&Reviewed::of(now))
    }

    /// [`Reviewed::drift`] against the app's [`Reviewed::of`], when it is at hand.
    pub fn drift_to(&self, current: &Reviewed) -> Drift {
        let identity = |p: &ReviewedPermission| (p.name.to_lowercase(), p.kind);
        let one_sided = |from: &[ReviewedPermission], other: &[ReviewedPermission]| {
            let other: std::collections::BTreeSet<_> = other.iter().map(identity).collect();
            from.iter()
                .filter(|p| !other.contains(&identity(p)))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut answers_changed: Vec<String> = current
            .answers
            .iter()
            .filter(|(k, v)| self.answers.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect();
        answers_changed.extend(
            self.answers
                .keys()
                .filter(|k| !current.answers.contains_key(*k))
                .cloned(),
        );
        answers_changed.sort();
        Drift {
            permissions_added: one_sided(&current.permissions, &self.permissions),
            permissions_removed: one_sided(&self.permissions, &current.permissions),
            answers_changed,
            certification: (self.certification != current.certification)
                .then_some((self.certification, current.certification)),
        }
    }

    /// The reviewed version of `now`, for the compare view: `now` with the reviewed permission
    /// set and certification, and each answer that changed since put back as it was when its
    /// value is all that was kept (yes, no…), or marked as another text. Questions asked since
    /// are unanswered; questions no longer asked come back at the end of their zone, under their
    /// questionnaire label.
    pub fn as_app(&self, now: &App) -> App {
        let mut app = now.clone();
        app.certification = self.certification;
        if app.updated.date != self.updated {
            app.updated = crate::model::Updated {
                raw: self.updated.clone().unwrap_or_default(),
                date: self.updated.clone(),
            };
        }
        let registrations = |p: &ReviewedPermission| -> Vec<Option<String>> {
            if p.registrations.is_empty() {
                vec![None]
            } else {
                p.registrations.iter().cloned().map(Some).collect()
            }
        };
        app.permissions = self
            .permissions
            .iter()
            .flat_map(|p| {
                registrations(p).into_iter().map(|registration| {
                    // The page's own entry when it is still there (its justification, its
                    // resource), else the name and kind alone.
                    let same = |q: &&Permission| {
                        q.name.trim().eq_ignore_ascii_case(&p.name)
                            && q.kind == p.kind
                            && q.registration == registration
                    };
                    now.permissions
                        .iter()
                        .find(same)
                        .cloned()
                        .unwrap_or_else(|| Permission {
                            name: p.name.clone(),
                            kind: p.kind,
                            registration,
                            resource: crate::model::default_resource(),
                            ..Permission::default()
                        })
                })
            })
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for zone in &mut app.zones {
            let pivot = zone.pivot.to_string();
            let rows: Vec<&Row> = zone.rows().collect();
            let keys = answer_keys(&pivot, &rows);
            let mut rows = zone.rows_mut();
            for key in keys {
                let Some(row) = rows.next() else { break };
                seen.insert(key.clone());
                let then = self.answers.get(&key);
                if then.map(String::as_str) == answer_value(row).as_deref() {
                    continue;
                }
                set_answer(row, then.map(String::as_str));
            }
        }
        for (key, value) in &self.answers {
            if seen.contains(key) {
                continue;
            }
            let Some((pivot, question)) = key.split_once('/') else {
                continue;
            };
            let Some(zone) = app.zones.iter_mut().find(|z| *z.pivot == *pivot) else {
                continue;
            };
            let question = question.split('#').next().unwrap_or(question);
            let qkey = question
                .strip_suffix('.')
                .and_then(crate::questionnaire::QuestionKey::named);
            let label = crate::questionnaire::english_label(qkey).unwrap_or(question);
            let mut row = Row::new(label, "", 0);
            row.key = qkey;
            set_answer(&mut row, Some(value));
            zone.blocks.push(Block::Row(row));
        }
        app
    }
}

/// The keys [`Reviewed::of`] gives the rows of one zone, in row order.
fn answer_keys(pivot: &str, rows: &[&Row]) -> Vec<String> {
    let mut used = std::collections::BTreeSet::new();
    rows.iter()
        .zip(row_keys(rows))
        .map(|(row, key)| {
            let mut k = format!("{pivot}/{key}");
            // The same numbering as `of`, which only counts answered rows.
            if answer_value(row).is_some() {
                let mut n = 1;
                while used.contains(&k) {
                    n += 1;
                    k = format!("{pivot}/{key}#{n}");
                }
                used.insert(k.clone());
            }
            k
        })
        .collect()
}

/// What is kept of an answer; None for a question with no answer.
fn answer_value(row: &Row) -> Option<String> {
    match row.value {
        Answer::Unanswered => None,
        Answer::Text => Some(format!(
            "text:{:016x}",
            fnv1a(text_key(&row.answer).as_bytes())
        )),
        v => Some(v.as_str().to_string()),
    }
}

/// The reviewed answer into `row`: its value in words, or a mark for text only fingerprinted.
fn set_answer(row: &mut Row, then: Option<&str>) {
    let (value, text) = match then {
        None => (Answer::Unanswered, ""),
        Some(v) if v.starts_with("text:") => (Answer::Text, OTHER_TEXT),
        Some("yes") => (Answer::Yes, "Yes"),
        Some("no") => (Answer::No, "No"),
        Some("not_applicable") => (Answer::NotApplicable, "Not applicable"),
        Some(_) => (Answer::NotCopied, "(not in the copied text)"),
    };
    row.value = value;
    row.answer = text.into();
}

/// The reviewed side of an answer whose text changed: only a fingerprint of it was kept.
pub const OTHER_TEXT: &str = "(another text when reviewed)";

/// 64-bit FNV-1a: a fingerprint that stays the same across builds and platforms (the standard
/// library's hashers promise neither).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Zone;

    fn perm(name: &str, kind: PermissionKind) -> Permission {
        Permission {
            name: name.into(),
            kind,
            registration: Some("r1".into()),
            ..Permission::default()
        }
    }

    fn app(rows: &[(&str, &str)], perms: Vec<Permission>) -> App {
        App {
            id: "WA1".into(),
            name: "One".into(),
            certification: Certification::Attested,
            zones: vec![Zone {
                pivot: "security".into(),
                title: "".into(),
                blocks: rows
                    .iter()
                    .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
                    .collect(),
            }],
            permissions: perms,
            ..App::default()
        }
    }

    fn before() -> App {
        app(
            &[("MFA?", "Yes"), ("Hosting", "Azure, EU."), ("Pen test", "")],
            vec![
                perm("User.Read", PermissionKind::Delegated),
                // The same permission from a second registration is one permission.
                perm("user.read", PermissionKind::Delegated),
                perm("Mail.Read", PermissionKind::Delegated),
            ],
        )
    }

    #[test]
    fn an_unchanged_app_or_one_changed_only_in_spacing_and_case_has_no_drift() {
        let reviewed = Reviewed::of(&before());
        assert_eq!(reviewed.permissions.len(), 2);
        assert_eq!(reviewed.answers.len(), 2, "the unanswered row is not kept");
        assert!(reviewed.drift(&before()).is_empty());
        let respaced = app(
            &[("MFA ?", "Yes"), ("Hosting", "azure  EU"), ("Pen test", "")],
            before().permissions,
        );
        assert!(reviewed.drift(&respaced).is_empty());
    }

    #[test]
    fn drift_names_permissions_answers_and_certification() {
        let reviewed = Reviewed::of(&before());
        let mut after = app(
            &[
                ("MFA?", "No"),
                ("Hosting", "Azure, EU."),
                ("Pen test", "yearly"),
            ],
            vec![
                perm("User.Read", PermissionKind::Delegated),
                // Delegated turning application is one added and one removed.
                perm("Mail.Read", PermissionKind::Application),
            ],
        );
        after.certification = Certification::Certified;
        let d = reviewed.drift(&after);
        let names = |ps: &[ReviewedPermission]| {
            ps.iter()
                .map(|p| format!("{}:{}", p.name, p.kind.as_str()))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&d.permissions_added), ["Mail.Read:application"]);
        assert_eq!(names(&d.permissions_removed), ["Mail.Read:delegated"]);
        assert_eq!(d.answers_changed, ["security/mfa", "security/pentest"]);
        assert_eq!(
            d.certification,
            Some((Certification::Attested, Certification::Certified))
        );
        assert_eq!(
            d.summary(),
            "1 permission added, 1 permission removed, 2 answers changed, certification attested → certified"
        );
    }

    #[test]
    fn the_reviewed_version_shows_what_was_kept_and_diff_agrees_with_drift() {
        let old = before();
        let reviewed = Reviewed::of(&old);
        let now = app(
            &[
                ("MFA?", "No"),
                ("Hosting", "GCP"),
                ("Pen test", "yearly"),
                ("New?", "Yes"),
            ],
            vec![perm("User.Read", PermissionKind::Delegated)],
        );
        let then = reviewed.as_app(&now);
        let answers: Vec<(String, String)> = then
            .rows()
            .map(|r| (r.question.to_string(), r.answer.to_string()))
            .collect();
        assert_eq!(
            answers,
            [
                ("MFA?".to_string(), "Yes".to_string()),
                ("Hosting".into(), OTHER_TEXT.into()),
                ("Pen test".into(), "".into()),
                ("New?".into(), "".into()),
            ]
        );
        assert_eq!(then.permissions.len(), 2);
        let risk = crate::risk::RiskTable::embedded();
        let diff = crate::diff::diff_apps(&then, &now, risk);
        let drift = reviewed.drift(&now);
        assert_eq!(diff.answers_changed.len(), drift.answers_changed.len());
        assert_eq!(diff.permissions_removed.len(), 1);
        assert_eq!(drift.permissions_removed.len(), 1);
        // Against itself the reviewed version is no change at all.
        assert!(crate::diff::diff_apps(&reviewed.as_app(&old), &old, risk).is_empty());
    }

    #[test]
    fn a_question_no_longer_asked_comes_back_in_the_reviewed_version() {
        let reviewed = Reviewed::of(&before());
        let now = app(&[("MFA?", "Yes")], before().permissions);
        assert_eq!(reviewed.drift(&now).answers_changed, ["security/hosting"]);
        let then = reviewed.as_app(&now);
        let last = then.rows().last().unwrap();
        assert_eq!(
            (last.question.as_str(), last.answer.as_str()),
            ("hosting", OTHER_TEXT)
        );
    }

    #[test]
    fn what_was_reviewed_reads_back_from_json() {
        let reviewed = Reviewed::of(&before());
        let json = serde_json::to_string(&reviewed).unwrap();
        assert!(json.contains(r#""security/mfa":"yes""#), "{json}");
        assert_eq!(serde_json::from_str::<Reviewed>(&json).unwrap(), reviewed);
    }
}
