//! The `[sync]` section of `config.toml`.

use std::time::Duration;

use serde::Deserialize;

use super::lang::LangTag;

/// Where the pages are published: GitHub serves a branch of each localized repository as one
/// gzipped tar archive.
pub const DEFAULT_URL: &str = "https://codeload.github.com/MicrosoftDocs/OfficeDocs-AppCompliance-pr.{lang}/tar.gz/refs/heads/live";

/// Overrides `sync.url` (tests point it at a local server).
pub const URL_ENV: &str = "ATTEST_TUI_SYNC_URL";

/// How long a connection may stay silent: connecting, waiting for the response, or between two
/// reads of the body. A slow link is fine as long as bytes keep coming.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsRoots {
    /// Mozilla's roots, compiled in: works on any machine, trusts no local additions.
    #[default]
    Bundled,
    /// The operating system's store (needed behind a proxy that re-signs TLS traffic).
    Platform,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncConfig {
    /// Languages `attest-tui sync` fetches when no `--lang` is given.
    pub languages: Vec<LangTag>,
    /// The archive URL; `{lang}` is replaced by the language tag.
    pub url: Option<String>,
    /// Warn when the synced catalog was last checked longer ago than this.
    pub max_age_days: Option<u32>,
    /// Seconds a connection may stay silent before the sync gives up.
    pub timeout_secs: Option<u64>,
    pub tls_roots: TlsRoots,
}

impl SyncConfig {
    /// The URL template: `ATTEST_TUI_SYNC_URL`, else `sync.url`, else GitHub's.
    pub fn url_template(&self) -> String {
        std::env::var(URL_ENV)
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| self.url.clone())
            .unwrap_or_else(|| DEFAULT_URL.to_string())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout_secs
            .map_or(DEFAULT_TIMEOUT, |s| Duration::from_secs(s.max(1)))
    }

    pub fn max_age(&self) -> Option<Duration> {
        self.max_age_days
            .map(|d| Duration::from_secs(u64::from(d) * 86_400))
    }
}
