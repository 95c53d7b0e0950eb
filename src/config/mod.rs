//! `config.toml`: theme, default catalogs, key overrides, score weights and risk tiers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::risk::RiskTable;
use crate::score::ScoreConfig;

pub const CONFIG_FILE: &str = "config.toml";

/// `[keys.MODE] action = "key"` entries, each with where it is in the config text.
pub type KeyOverrides =
    BTreeMap<toml::Spanned<String>, BTreeMap<toml::Spanned<String>, toml::Spanned<String>>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    /// No colors at all (as with NO_COLOR).
    None,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub theme: ThemeName,
    /// Catalogs opened when no `--catalog` is given (instead of the embedded one).
    pub catalogs: Vec<PathBuf>,
    /// Tenant exports read when no `--tenant` is given (files or folders).
    pub tenant: Vec<PathBuf>,
    /// Key overrides per mode: `[keys.list] search = "/"`. Checked by the TUI's keymap, which
    /// names the line of a bad entry from the parser's spans.
    pub keys: KeyOverrides,
    pub score: ScoreConfig,
    /// A permission tier file to use instead of the embedded one (same format as
    /// `data/permission_tiers.json`).
    pub risk_tiers: Option<PathBuf>,
    /// The page language to show apps in when they have it (`de-DE`); `--lang` overrides it,
    /// and without either the `LANG` environment variable decides.
    pub lang: Option<String>,
    /// `attest-tui sync`: languages, source URL, timeouts, how old a catalog may get.
    pub sync: crate::sync::SyncConfig,
    /// Where the config was read from and its text, to turn spans into lines in later errors.
    #[serde(skip)]
    pub origin: Option<(PathBuf, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: crate::files::ReadError,
    },
    #[error("{}: {message}", crate::text::located(path.display(), *line, *column))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Risk(#[from] crate::risk::RiskTableError),
}

impl Config {
    /// The config file in `dir`, or defaults when there is none.
    pub fn load_from_dir(dir: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let Some(path) = dir.map(|d| d.join(CONFIG_FILE)).filter(|p| p.exists()) else {
            return Ok((Config::default(), None));
        };
        let config = Config::load(&path)?;
        Ok((config, Some(path)))
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read_settings(path)?;
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            ConfigError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        config.origin = Some((path.to_path_buf(), text.to_string()));
        Ok(config)
    }

    /// The risk table to use: the configured file, else the embedded tiers.
    pub fn risk_table(&self) -> Result<RiskTableRef, ConfigError> {
        match &self.risk_tiers {
            None => Ok(RiskTableRef::Embedded),
            Some(path) => {
                let text = read_settings(path)?;
                Ok(RiskTableRef::Custom(Box::new(RiskTable::from_json(
                    &text,
                    &path.display().to_string(),
                )?)))
            }
        }
    }
}

/// A config file or tier table: a regular file of at most a few megabytes (see [`crate::files`]).
fn read_settings(path: &Path) -> Result<String, ConfigError> {
    crate::files::read_regular_text(path, crate::files::MAX_SETTINGS_BYTES).map_err(|e| {
        ConfigError::Io {
            path: path.to_path_buf(),
            source: e,
        }
    })
}

/// The embedded table is a static; a custom one is owned.
pub enum RiskTableRef {
    Embedded,
    Custom(Box<RiskTable>),
}

impl std::ops::Deref for RiskTableRef {
    type Target = RiskTable;
    fn deref(&self) -> &RiskTable {
        match self {
            RiskTableRef::Embedded => RiskTable::embedded(),
            RiskTableRef::Custom(t) => t,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_all_defaults() {
        let c = Config::parse("", Path::new("c.toml")).unwrap();
        assert_eq!(c.theme, ThemeName::Dark);
        assert_eq!(c.score, ScoreConfig::default());
    }

    #[test]
    fn settings_are_read() {
        let c = Config::parse(
            "theme = \"light\"\ncatalogs = [\"/x/cat.json\"]\ntenant = [\"/x/tenant\"]\n[score]\ncount_unanswered = false\n[score.weights]\nsecurity = 3.0\n[keys.list]\nsearch = \"s\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.catalogs, [PathBuf::from("/x/cat.json")]);
        assert_eq!(c.tenant, [PathBuf::from("/x/tenant")]);
        assert!(!c.score.count_unanswered);
        assert_eq!(c.score.weights.security, 3.0);
        assert_eq!(
            c.score.weights.general, 0.5,
            "unset weights keep their defaults"
        );
        assert_eq!(c.keys["list"]["search"].get_ref(), "s");
    }

    #[test]
    fn weights_must_be_finite_and_not_negative_where_they_are_written() {
        for (text, want) in [
            ("[score.weights]\nsecurity = nan\n", "c.toml:2:12:"),
            ("[score.weights]\ngeneral = -1.0\n", "c.toml:2:11:"),
            ("[score.penalties]\ncap = inf\n", "c.toml:2:7:"),
            (
                "[[score.questions]]\ncontains = \"x\"\nweight = nan\n",
                "c.toml:3:10:",
            ),
        ] {
            let e = Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(want), "{text}: {e}");
            assert!(e.contains("expected a"), "{e}");
        }
        let ok = "[[score.questions]]\ncontains = \"x\"\nweight = -1.0\n";
        assert!(Config::parse(ok, Path::new("c.toml")).is_ok());
    }

    #[test]
    fn sync_settings_are_read_and_bad_languages_located() {
        let c = Config::parse(
            "[sync]\nlanguages = [\"zh_cn\", \"de-DE\"]\nmax_age_days = 30\ntls_roots = \"platform\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let langs: Vec<&str> = c.sync.languages.iter().map(|l| l.as_str()).collect();
        assert_eq!(langs, ["zh-CN", "de-DE"]);
        assert_eq!(c.sync.max_age_days, Some(30));
        assert_eq!(c.sync.tls_roots, crate::sync::TlsRoots::Platform);
        let e = Config::parse("[sync]\nlanguages = [\"chinese\"]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2:13:"), "{e}");
        assert!(e.contains("`chinese` is not a language tag"), "{e}");
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = Config::parse("theme = \"dark\"\ntheme2 = 1\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2:1:"), "{e}");
        assert!(e.contains("unknown field `theme2`"), "{e}");
        let e = Config::parse("theme = \"purple\"", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:1:9:"), "{e}");
    }
}
