//! `config.toml`: theme, default catalogs, key overrides, score weights and risk tiers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::risk::RiskTable;
use crate::score::ScoreConfig;

pub const CONFIG_FILE: &str = "config.toml";

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
    /// Key overrides per mode: `[keys.list] search = "/"`. Checked by the TUI's keymap.
    pub keys: BTreeMap<String, BTreeMap<String, String>>,
    pub score: ScoreConfig,
    /// A permission tier file to use instead of the embedded one (same format as
    /// `data/permission_tiers.json`).
    pub risk_tiers: Option<PathBuf>,
    /// Where the config was read from and its text, to point at lines in later errors.
    #[serde(skip)]
    pub origin: Option<(PathBuf, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
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
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
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

    /// `path:line` of a `[keys.MODE]` entry (the table's header line when `action` is None),
    /// for messages about key overrides. Written as `action = "…"` inside a `[keys.MODE]` table.
    pub fn key_location(&self, mode: &str, action: Option<&str>) -> String {
        let Some((path, text)) = &self.origin else {
            return "config.toml".to_string();
        };
        let header = format!("[keys.{mode}]");
        let mut in_table = false;
        let mut header_line = None;
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.starts_with('[') {
                in_table = t.replace(' ', "") == header;
                if in_table {
                    header_line = Some(i + 1);
                }
                continue;
            }
            let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if in_table && action.is_some_and(|a| key == a) && t.contains('=') {
                return format!("{}:{}", path.display(), i + 1);
            }
        }
        match header_line {
            Some(n) => format!("{}:{n}", path.display()),
            None => path.display().to_string(),
        }
    }

    /// The risk table to use: the configured file, else the embedded tiers.
    pub fn risk_table(&self) -> Result<RiskTableRef, ConfigError> {
        match &self.risk_tiers {
            None => Ok(RiskTableRef::Embedded),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
                    path: path.clone(),
                    source,
                })?;
                Ok(RiskTableRef::Custom(Box::new(RiskTable::from_json(
                    &text,
                    &path.display().to_string(),
                )?)))
            }
        }
    }
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
        assert_eq!(c.keys["list"]["search"], "s");
    }

    #[test]
    fn key_entries_are_located_by_line() {
        let c = Config::parse(
            "theme = \"dark\"\n\n[keys.list]\nsearch = \"f\"\napprove = \"A\"\n[keys.detail]\nquit = \"x\"\n",
            Path::new("/etc/c.toml"),
        )
        .unwrap();
        assert_eq!(c.key_location("list", Some("approve")), "/etc/c.toml:5");
        assert_eq!(c.key_location("detail", Some("quit")), "/etc/c.toml:7");
        assert_eq!(c.key_location("detail", None), "/etc/c.toml:6");
        assert_eq!(c.key_location("nope", None), "/etc/c.toml");
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
