//! The synced catalog as the rest of attest-tui sees it: where it is, what it was made from and
//! how old it is (the TUI's status line and `sync --offline` show this).

use std::path::{Path, PathBuf};

use super::lang::LangTag;
use super::store::{Snapshot, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedCatalog {
    pub path: PathBuf,
    pub languages: Vec<LangTag>,
    pub apps: usize,
    /// When the catalog was written, seconds since 1970.
    pub made_at: u64,
    /// When the server last confirmed its pages (the oldest check of its languages).
    pub checked_at: u64,
    /// The newest page's time (the source commit's), seconds since 1970.
    pub newest_page: Option<u64>,
    /// The source commit of each language, when the archive named it.
    pub commits: Vec<(LangTag, String)>,
}

impl SyncedCatalog {
    pub(super) fn new(path: PathBuf, snap: &Snapshot) -> SyncedCatalog {
        SyncedCatalog {
            path,
            languages: snap.languages.iter().map(|l| l.lang.clone()).collect(),
            apps: snap.apps,
            made_at: snap.made_at,
            checked_at: snap.checked_at(),
            newest_page: snap.languages.iter().filter_map(|l| l.newest_page).max(),
            commits: snap
                .languages
                .iter()
                .filter_map(|l| l.commit.clone().map(|c| (l.lang.clone(), c)))
                .collect(),
        }
    }

    /// Seconds since the source was last confirmed.
    pub fn age_secs(&self, now: u64) -> u64 {
        now.saturating_sub(self.checked_at)
    }

    pub fn is_older_than(&self, max: std::time::Duration, now: u64) -> bool {
        self.age_secs(now) > max.as_secs()
    }

    pub fn language_list(&self) -> String {
        let tags: Vec<&str> = self.languages.iter().map(LangTag::as_str).collect();
        tags.join("+")
    }

    /// A short label for a status line: `synced zh-CN, 3 days ago`.
    pub fn label(&self, now: u64) -> String {
        format!(
            "synced {}, {}",
            self.language_list(),
            age_text(self.age_secs(now))
        )
    }

    /// One line for a person: languages, apps, commits, page date and age.
    pub fn describe(&self, now: u64) -> String {
        let mut out = format!("{} apps synced from {}", self.apps, self.language_list());
        let short = |c: &str| c.chars().take(12).collect::<String>();
        match self.commits.as_slice() {
            [] => {}
            [(_, c)] => out.push_str(&format!(" (commit {})", short(c))),
            several => {
                let list: Vec<String> = several
                    .iter()
                    .map(|(l, c)| format!("{l} {}", short(c)))
                    .collect();
                out.push_str(&format!(" (commits {})", list.join(", ")));
            }
        }
        if let Some(t) = self.newest_page {
            out.push_str(&format!(", pages of {}", date_text(t)));
        }
        out.push_str(&format!(", checked {}", age_text(self.age_secs(now))));
        out
    }
}

/// The current synced catalog, if a sync ever succeeded in `data_dir`.
pub fn synced_catalog(data_dir: &Path) -> Result<Option<SyncedCatalog>, StoreError> {
    snapshot(data_dir, |s| s.current.as_ref())
}

/// The catalog before the last sync that changed it.
pub fn previous_catalog(data_dir: &Path) -> Result<Option<SyncedCatalog>, StoreError> {
    snapshot(data_dir, |s| s.previous.as_ref())
}

fn snapshot(
    data_dir: &Path,
    pick: impl Fn(&super::store::SyncState) -> Option<&Snapshot>,
) -> Result<Option<SyncedCatalog>, StoreError> {
    let store = Store::new(data_dir);
    let Some(state) = store.read_state()? else {
        return Ok(None);
    };
    Ok(pick(&state).and_then(|s| {
        store
            .catalog_path(&s.catalog)
            .map(|p| SyncedCatalog::new(p, s))
    }))
}

/// `just now`, `12 minutes ago`, `5 hours ago`, `1 day ago`, `40 days ago`.
pub fn age_text(secs: u64) -> String {
    let (n, unit) = match secs {
        0..60 => return "just now".to_string(),
        60..3600 => (secs / 60, "minute"),
        3600..86_400 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// `YYYY-MM-DD` (UTC) of seconds since 1970.
pub fn date_text(secs: u64) -> String {
    let ts = crate::export::timestamp(secs);
    format!("{}-{}-{}", &ts[0..4], &ts[4..6], &ts[6..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_as_a_person_says_them() {
        assert_eq!(age_text(5), "just now");
        assert_eq!(age_text(60), "1 minute ago");
        assert_eq!(age_text(7200), "2 hours ago");
        assert_eq!(age_text(86_400 * 3 + 5), "3 days ago");
        assert_eq!(date_text(1_658_534_400), "2022-07-23");
    }

    #[test]
    fn the_label_names_languages_and_age() {
        let c = SyncedCatalog {
            path: PathBuf::from("/d/sync/catalog-x.json"),
            languages: vec![
                LangTag::parse("zh-CN").unwrap(),
                LangTag::parse("de-DE").unwrap(),
            ],
            apps: 780,
            made_at: 1000,
            checked_at: 1000,
            newest_page: Some(1_658_534_400),
            commits: vec![(
                LangTag::parse("zh-CN").unwrap(),
                "7424e234ff1c0000000000000000000000000000".into(),
            )],
        };
        assert_eq!(c.label(1000 + 86_400), "synced zh-CN+de-DE, 1 day ago");
        assert_eq!(
            c.describe(1000),
            "780 apps synced from zh-CN+de-DE (commit 7424e234ff1c), pages of 2022-07-23, checked just now"
        );
        assert!(c.is_older_than(std::time::Duration::from_secs(10), 1011));
        assert!(!c.is_older_than(std::time::Duration::from_secs(10), 1010));
    }
}
