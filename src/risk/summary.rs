use super::{RiskTable, Tier};
use crate::model::App;

/// An app's permissions by tier: the worst one, and how many of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppRisk {
    pub highest: Tier,
    /// Indexed by `Tier as usize` (unknown, low, medium, high, critical).
    pub counts: [usize; 5],
}

impl AppRisk {
    pub fn of(app: &App, table: &RiskTable) -> AppRisk {
        let mut risk = AppRisk::default();
        for p in &app.permissions {
            let tier = table.rate(&p.name, p.kind).tier;
            risk.counts[tier as usize] += 1;
            risk.highest = risk.highest.max(tier);
        }
        risk
    }

    pub fn count(&self, tier: Tier) -> usize {
        self.counts[tier as usize]
    }

    /// Whether the app requests no permission at all.
    pub fn is_none(&self) -> bool {
        self.counts.iter().all(|n| *n == 0)
    }

    /// The app's risk in a word: `none` when it requests no permission, else its worst tier
    /// (`unknown` only when every permission it requests is one the table does not rate).
    pub fn highest_label(&self) -> &'static str {
        if self.is_none() {
            NO_PERMISSION
        } else {
            self.highest.as_str()
        }
    }
}

/// The risk word of an app that requests no permission.
pub const NO_PERMISSION: &str = "none";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Permission, PermissionKind};

    #[test]
    fn summary_counts_each_tier_and_keeps_the_worst() {
        let perm = |name: &str, kind| Permission {
            name: name.into(),
            kind,
            ..Permission::default()
        };
        let app = App {
            permissions: vec![
                perm("User.Read", PermissionKind::Delegated),
                perm("Mail.Read", PermissionKind::Application),
                perm("Directory.ReadWrite.All", PermissionKind::Application),
                perm("openid", PermissionKind::Delegated),
            ],
            ..App::default()
        };
        let r = AppRisk::of(&app, RiskTable::embedded());
        assert_eq!(r.highest, Tier::Critical);
        assert_eq!(r.count(Tier::Low), 2);
        assert_eq!(r.count(Tier::High), 1);
        assert_eq!(r.count(Tier::Critical), 1);
    }

    #[test]
    fn app_without_permissions_is_none_and_unrated_ones_unknown() {
        let r = AppRisk::of(&App::default(), RiskTable::embedded());
        assert_eq!(r.counts.iter().sum::<usize>(), 0);
        assert_eq!(r.highest_label(), "none");
        let free_text = App {
            permissions: vec![Permission {
                name: "some free text".into(),
                ..Permission::default()
            }],
            ..App::default()
        };
        let r = AppRisk::of(&free_text, RiskTable::embedded());
        assert_eq!(r.highest_label(), "unknown");
        assert_eq!(r.count(Tier::Unknown), 1);
    }
}
