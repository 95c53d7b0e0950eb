use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::PermissionKind;

const EMBEDDED: &str = include_str!("../../data/permission_tiers.json");

/// Ordered from harmless to dangerous, so `max` gives the worst.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    #[default]
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::Critical,
        Tier::High,
        Tier::Medium,
        Tier::Low,
        Tier::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Unknown => "unknown",
            Tier::Low => "low",
            Tier::Medium => "medium",
            Tier::High => "high",
            Tier::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleKind {
    Any,
    Delegated,
    Application,
}

impl RuleKind {
    fn matches(self, kind: PermissionKind) -> bool {
        match self {
            RuleKind::Any => true,
            RuleKind::Delegated => kind == PermissionKind::Delegated,
            RuleKind::Application => kind == PermissionKind::Application,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    pattern: Option<String>,
    kind: RuleKind,
    tier: Tier,
    #[serde(default)]
    why: String,
}

#[derive(Debug, Deserialize)]
struct TableFile {
    rules: Vec<Rule>,
}

/// The tier of one permission and the reason, for explaining it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating<'t> {
    pub tier: Tier,
    pub why: &'t str,
}

#[derive(Debug, thiserror::Error)]
pub enum RiskTableError {
    #[error("{}: {message}", crate::text::located(path, *line, *column))]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: rule #{index} needs exactly one of \"name\" or \"pattern\"")]
    Shape { path: String, index: usize },
}

#[derive(Debug)]
pub struct RiskTable {
    exact: HashMap<(String, PermissionKind), usize>,
    patterns: Vec<usize>,
    rules: Vec<Rule>,
}

impl RiskTable {
    /// The tiers shipped in `data/permission_tiers.json`.
    pub fn embedded() -> &'static RiskTable {
        static TABLE: OnceLock<RiskTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The embedded file is checked by a unit test, so this cannot fail in a built binary;
            // an empty table (everything `unknown`) is still a safe answer if it ever did.
            RiskTable::from_json(EMBEDDED, "data/permission_tiers.json").unwrap_or_else(|_| {
                RiskTable {
                    exact: HashMap::new(),
                    patterns: Vec::new(),
                    rules: Vec::new(),
                }
            })
        })
    }

    pub fn from_json(text: &str, path: &str) -> Result<RiskTable, RiskTableError> {
        let file: TableFile = serde_json::from_str(text).map_err(|e| RiskTableError::Parse {
            path: path.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let mut exact = HashMap::new();
        let mut patterns = Vec::new();
        for (i, rule) in file.rules.iter().enumerate() {
            match (&rule.name, &rule.pattern) {
                (Some(name), None) => {
                    let key = name.to_ascii_lowercase();
                    let kinds: &[PermissionKind] = match rule.kind {
                        RuleKind::Any => &[PermissionKind::Delegated, PermissionKind::Application],
                        RuleKind::Delegated => &[PermissionKind::Delegated],
                        RuleKind::Application => &[PermissionKind::Application],
                    };
                    for kind in kinds {
                        // First rule wins, as documented.
                        exact.entry((key.clone(), *kind)).or_insert(i);
                    }
                }
                (None, Some(_)) => patterns.push(i),
                _ => {
                    return Err(RiskTableError::Shape {
                        path: path.to_string(),
                        index: i + 1,
                    });
                }
            }
        }
        Ok(RiskTable {
            exact,
            patterns,
            rules: file.rules,
        })
    }

    /// The tier of a permission. `both` is rated as the worse of its two kinds, and an unknown
    /// kind as application, since the page did not rule that out.
    pub fn rate(&self, name: &str, kind: PermissionKind) -> Rating<'_> {
        match kind {
            PermissionKind::Delegated | PermissionKind::Application => self.rate_one(name, kind),
            PermissionKind::Both => {
                let d = self.rate_one(name, PermissionKind::Delegated);
                let a = self.rate_one(name, PermissionKind::Application);
                if d.tier > a.tier { d } else { a }
            }
            PermissionKind::Unknown => self.rate_one(name, PermissionKind::Application),
        }
    }

    fn rate_one(&self, name: &str, kind: PermissionKind) -> Rating<'_> {
        let key = (name.trim().to_ascii_lowercase(), kind);
        let index = self.exact.get(&key).copied().or_else(|| {
            self.patterns.iter().copied().find(|&i| {
                let rule = &self.rules[i];
                rule.kind.matches(kind) && glob_match(rule.pattern.as_deref().unwrap_or(""), &key.0)
            })
        });
        match index {
            Some(i) => Rating {
                tier: self.rules[i].tier,
                why: &self.rules[i].why,
            },
            None => Rating {
                tier: Tier::Unknown,
                why: "no rule covers this permission",
            },
        }
    }
}

/// `*` matches any run of characters; everything else literally, case-insensitively. Names with
/// spaces (free text that landed in a permission cell) never match a pattern.
fn glob_match(pattern: &str, name: &str) -> bool {
    if name.is_empty() || name.contains(char::is_whitespace) {
        return false;
    }
    let pattern = pattern.to_ascii_lowercase();
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, rest) = parts.split_first().unwrap_or((&"", &[]));
    let Some(mut remaining) = name.strip_prefix(first) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        if last {
            return remaining.ends_with(part);
        }
        match remaining.find(part) {
            Some(at) => remaining = &remaining[at + part.len()..],
            None => return false,
        }
    }
    remaining.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use PermissionKind::*;

    fn tier(name: &str, kind: PermissionKind) -> Tier {
        RiskTable::embedded().rate(name, kind).tier
    }

    #[test]
    fn embedded_table_parses() {
        RiskTable::from_json(EMBEDDED, "data/permission_tiers.json").unwrap();
    }

    #[test]
    fn published_critical_application_permissions_are_critical() {
        for name in [
            "Directory.ReadWrite.All",
            "RoleManagement.ReadWrite.Directory",
            "AppRoleAssignment.ReadWrite.All",
            "Application.ReadWrite.All",
            "User.ReadWrite.All",
            "Mail.ReadWrite",
            "Files.ReadWrite.All",
            "Sites.FullControl.All",
            "Sites.ReadWrite.All",
            "Policy.ReadWrite.ConditionalAccess",
            "UserAuthenticationMethod.ReadWrite.All",
        ] {
            assert_eq!(tier(name, Application), Tier::Critical, "{name}");
        }
        assert_eq!(
            tier("Directory.AccessAsUser.All", Delegated),
            Tier::Critical
        );
        assert_eq!(tier("Directory.ReadWrite.All", Delegated), Tier::Critical);
    }

    #[test]
    fn published_high_application_permissions_are_high() {
        for name in [
            "Mail.Read",
            "Mail.Send",
            "Directory.Read.All",
            "Files.Read.All",
            "User.Read.All",
            "Calls.AccessMedia.All",
            "Chat.Read.All",
        ] {
            assert_eq!(tier(name, Application), Tier::High, "{name}");
        }
    }

    #[test]
    fn sign_in_scopes_are_low_and_case_is_ignored() {
        assert_eq!(tier("openid", Delegated), Tier::Low);
        assert_eq!(tier("user.read", Delegated), Tier::Low);
        assert_eq!(tier("email", Delegated), Tier::Low);
    }

    #[test]
    fn patterns_cover_unlisted_names_by_kind() {
        assert_eq!(tier("Tasks.ReadWrite.All", Application), Tier::High);
        assert_eq!(tier("Tasks.Read.All", Application), Tier::Medium);
        assert_eq!(tier("Calls.Initiate.All", Application), Tier::Medium);
        assert_eq!(tier("Tasks.ReadWrite", Delegated), Tier::Medium);
        assert_eq!(tier("Presence.Read.All", Delegated), Tier::Low);
        assert_eq!(tier("Some free text", Delegated), Tier::Unknown);
    }

    #[test]
    fn both_takes_the_worse_kind_and_unknown_counts_as_application() {
        assert_eq!(tier("User.ReadWrite.All", Both), Tier::Critical);
        assert_eq!(tier("Mail.Read", PermissionKind::Unknown), Tier::High);
    }

    #[test]
    fn malformed_table_names_line_and_rule() {
        let err = RiskTable::from_json(
            "{\"rules\": [\n{\"kind\": \"any\", \"tier\": \"low\"}]}",
            "t.json",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("t.json: rule #1 needs exactly one"), "{err}");
        let err = RiskTable::from_json(
            "{\"rules\": [\n{\"name\": \"x\", \"kind\": \"any\", \"tier\": \"huge\"}]}",
            "t.json",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.json:2:"), "{err}");
    }

    #[test]
    fn glob_matching() {
        assert!(glob_match("*.read.all", "mail.read.all"));
        assert!(!glob_match("*.read.all", "mail.readwrite.all"));
        assert!(glob_match("*.readwrite*", "mail.readwrite"));
        assert!(glob_match("*", "anything"));
        assert!(!glob_match("*", "has space"));
    }
}
