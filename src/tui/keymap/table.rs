//! Reading the key table: the defaults from `keys.toml`, then the `[keys.MODE] action = "key"`
//! overrides of `config.toml`, each replacing that action's keys in that mode. A mistake in an
//! override is an error located by the TOML parser's span of the entry: an unknown mode, action
//! or key, an action the mode does not have, or two actions on one key.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Deserialize;

use super::key::{Key, parse_key};
use super::{Binding, Keymap, Mode, ModeInfo};
use crate::config::{Config, line_col};
use crate::tui::action::Action;

const DEFAULT_TABLE: &str = include_str!("keys.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeTable {
    title: String,
    status: String,
    typing: Option<String>,
    #[serde(default)]
    shared: Vec<String>,
    bind: Vec<Entry>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(rename = "do")]
    action: String,
    keys: Vec<String>,
    help: String,
    hint: Option<String>,
    footer: Option<usize>,
}

/// The table of `keys.toml`. Its mistakes are bugs of this program, found by its tests.
pub(super) fn defaults() -> Result<Keymap, String> {
    let (bindings, modes) = default_bindings()?;
    Keymap::build(bindings, modes).map_err(|e| e.to_string())
}

fn default_bindings() -> Result<(Vec<Binding>, HashMap<Mode, ModeInfo>), String> {
    let mut table: BTreeMap<String, toml::Value> =
        toml::from_str(DEFAULT_TABLE).map_err(|e| e.to_string())?;
    let shared: BTreeMap<String, Vec<Entry>> = match table.remove("shared") {
        Some(v) => v.try_into().map_err(|e| format!("[shared]: {e}"))?,
        None => BTreeMap::new(),
    };
    let mut bindings = Vec::new();
    let mut modes = HashMap::new();
    for (name, value) in table {
        let mode = Mode::from_str(&name).map_err(|_| format!("[{name}]: not a mode"))?;
        let t: ModeTable = value.try_into().map_err(|e| format!("[{name}]: {e}"))?;
        let group = |g: &String| {
            shared
                .get(g)
                .ok_or_else(|| format!("[{name}]: no shared group `{g}`"))
        };
        let mut entries = Vec::new();
        for g in &t.shared {
            entries.extend(group(g)?.iter().cloned());
        }
        entries.extend(t.bind.iter().cloned());
        for g in &t.after {
            entries.extend(group(g)?.iter().cloned());
        }
        for e in entries {
            bindings.push(binding(mode, e).map_err(|m| format!("[{name}]: {m}"))?);
        }
        let typing = match t.typing.as_deref() {
            None => None,
            Some("search_input") => Some(Action::SearchInput as fn(char) -> Action),
            Some("note_input") => Some(Action::NoteInput as fn(char) -> Action),
            Some(other) => return Err(format!("[{name}]: unknown typing `{other}`")),
        };
        modes.insert(
            mode,
            ModeInfo {
                title: t.title,
                status: t.status,
                typing,
            },
        );
    }
    if let Some(missing) = Mode::all().find(|m| !modes.contains_key(m)) {
        return Err(format!("no [{}] table", missing.name()));
    }
    Ok((bindings, modes))
}

fn binding(mode: Mode, e: Entry) -> Result<Binding, String> {
    let action = Action::named(&e.action).ok_or_else(|| format!("no action `{}`", e.action))?;
    let keys = e
        .keys
        .iter()
        .map(|k| parse_key(k).map_err(|why| format!("{}: key {k:?}: {why}", e.action)))
        .collect::<Result<Vec<Key>, String>>()?;
    Ok(Binding {
        mode,
        action,
        keys,
        help: e.help,
        hint: e.hint,
        footer: e.footer.unwrap_or(1),
    })
}

/// What is wrong with a key override.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    UnknownMode {
        mode: String,
    },
    UnknownAction {
        mode: String,
        action: String,
    },
    NotInMode {
        mode: String,
        action: String,
    },
    BadKey {
        mode: String,
        action: String,
        key: String,
        reason: String,
    },
    Duplicate {
        mode: String,
        action: String,
        key: String,
        other: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownMode { mode } => {
                let modes: Vec<&str> = Mode::all().map(Mode::name).collect();
                write!(
                    f,
                    "[keys.{mode}]: unknown mode `{mode}` (expected one of: {})",
                    modes.join(", ")
                )
            }
            Problem::UnknownAction { mode, action } => {
                let names: Vec<&str> = Action::names().collect();
                write!(
                    f,
                    "[keys.{mode}] {action}: unknown action `{action}` (expected one of: {})",
                    names.join(", ")
                )
            }
            Problem::NotInMode { mode, action } => write!(
                f,
                "[keys.{mode}] {action}: `{action}` is not available in {mode} mode"
            ),
            Problem::BadKey {
                mode,
                action,
                key,
                reason,
            } => write!(
                f,
                "[keys.{mode}] {action} = {key:?}: cannot read the key ({reason}); write e.g. \"x\", \"X\", \"ctrl-x\", \"alt-x\", \"enter\", \"esc\", \"tab\", \"space\", \"up\", \"f2\""
            ),
            Problem::Duplicate {
                mode,
                action,
                key,
                other,
            } => write!(
                f,
                "[keys.{mode}] {action} = {key:?}: that key is also bound to `{other}` in {mode} mode; each key may do one thing"
            ),
        }
    }
}

/// A key override in `config.toml` that cannot be applied, and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("config.toml {problem}")]
pub struct KeymapError {
    pub problem: Problem,
    /// Byte range of the entry in the config text, as the TOML parser saw it.
    pub at: Range<usize>,
}

impl KeymapError {
    /// The message with the config file, line and column in front instead of `config.toml`.
    pub fn located(&self, config: &Config) -> String {
        match &config.origin {
            Some((path, text)) => {
                let (line, column) = line_col(text, self.at.start);
                format!("{}:{line}:{column}: {}", path.display(), self.problem)
            }
            None => self.to_string(),
        }
    }
}

/// The key table with the overrides of `config.keys` applied: each `[keys.MODE] action = "key"`
/// replaces every key of that action in that mode with the one given.
pub fn keymap_from_config(config: &Config) -> Result<Keymap, KeymapError> {
    let (mut bindings, modes) = default_bindings().expect("keys.toml is a valid key table");
    // Each override (mode, key, its names as written, where), to name it when its key is taken.
    let mut overrides: Vec<(Mode, Key, [String; 3], Range<usize>)> = Vec::new();
    for (mode_text, actions) in &config.keys {
        let mode_name = mode_text.get_ref();
        let mode = Mode::from_str(mode_name).map_err(|_| KeymapError {
            problem: Problem::UnknownMode {
                mode: mode_name.clone(),
            },
            at: mode_text.span(),
        })?;
        for (action_text, key_text) in actions {
            let (mode, action_name, key_name) = (mode, action_text.get_ref(), key_text.get_ref());
            let fail = |problem| KeymapError {
                problem,
                at: action_text.span(),
            };
            let (m, a) = (mode_name.clone(), action_name.clone());
            let Some(action) = Action::named(action_name) else {
                return Err(fail(Problem::UnknownAction { mode: m, action: a }));
            };
            let key = match parse_key(key_name) {
                Ok(key) => key,
                Err(reason) => {
                    return Err(fail(Problem::BadKey {
                        mode: m,
                        action: a,
                        key: key_name.clone(),
                        reason,
                    }));
                }
            };
            let Some(b) = bindings
                .iter_mut()
                .find(|b| b.mode == mode && b.action.name() == action.name())
            else {
                return Err(fail(Problem::NotInMode { mode: m, action: a }));
            };
            b.keys = vec![key];
            overrides.push((mode, key, [m, a, key_name.clone()], action_text.span()));
        }
    }
    Keymap::build(bindings, modes).map_err(|dup| {
        let name = |a: &Action| a.name().unwrap_or("another action").to_string();
        // Name the override that caused the clash (the later one if both are overrides).
        let found = overrides
            .iter()
            .rev()
            .find(|(m, k, ..)| *m == dup.mode && *k == dup.key);
        match found {
            Some((_, _, [mode, action, key], at)) => {
                let other = if name(&dup.second) == *action {
                    name(&dup.first)
                } else {
                    name(&dup.second)
                };
                KeymapError {
                    problem: Problem::Duplicate {
                        mode: mode.clone(),
                        action: action.clone(),
                        key: key.clone(),
                        other,
                    },
                    at: at.clone(),
                }
            }
            None => KeymapError {
                problem: Problem::Duplicate {
                    mode: dup.mode.name().to_string(),
                    action: name(&dup.second),
                    key: dup.key.to_string(),
                    other: name(&dup.first),
                },
                at: 0..0,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("/etc/attest/config.toml")).unwrap()
    }

    #[test]
    fn the_default_table_reads() {
        let (bindings, modes) = default_bindings().unwrap();
        assert_eq!(modes.len(), Mode::all().count());
        assert!(bindings.len() > 100);
        defaults().unwrap();
    }

    #[test]
    fn errors_point_at_the_entry_through_the_parsers_span() {
        let c = config("theme = \"dark\"\n\n[keys.list]\nsearch = \"f\"\n  approve = \"j\"\n");
        let e = keymap_from_config(&c).unwrap_err();
        assert_eq!(
            e.located(&c),
            "/etc/attest/config.toml:5:3: [keys.list] approve = \"j\": that key is also bound to `down` in list mode; each key may do one thing"
        );
        let c = config("[keys.lsit]\nsearch = \"/\"\n");
        let e = keymap_from_config(&c).unwrap_err();
        assert!(
            e.located(&c)
                .starts_with("/etc/attest/config.toml:1:7: [keys.lsit]: unknown mode"),
            "{}",
            e.located(&c)
        );
        let c = config("[keys.detail]\nquit = \"hyper-q\"\n");
        let e = keymap_from_config(&c).unwrap_err();
        assert!(
            e.located(&c)
                .starts_with("/etc/attest/config.toml:2:1: [keys.detail] quit"),
            "{}",
            e.located(&c)
        );
    }
}
