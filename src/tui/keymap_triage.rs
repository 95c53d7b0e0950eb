//! The triage part of the key table (review, score, sort, permission index, export, links) and
//! key overrides from `config.toml` (`[keys.list] search = "/"`), checked when the table is
//! built: an unknown mode, action or key, or two actions on one key, is an error naming the
//! `[keys.MODE]` entry.

use crossterm::event::{KeyCode, KeyModifiers};

use super::action::{Action, CompareAction, Side};
use super::keymap::{Binding, Key, Keymap, Mode, default_bindings};
use crate::config::Config;
use crate::review::Decision;

/// Appended to the default table, after the original bindings.
pub(super) fn append_bindings(out: &mut Vec<Binding>) {
    use Action as A;
    use KeyCode as K;
    let mut bind = |mode, key, action: Action, help, hint| {
        out.push(Binding {
            mode,
            key,
            action,
            help,
            hint,
        })
    };
    for mode in [Mode::List, Mode::Detail] {
        let decide = Some("decide");
        bind(
            mode,
            Key::ch('a'),
            A::SetDecision(Some(Decision::Approved)),
            "approve the app",
            decide,
        );
        bind(
            mode,
            Key::ch('b'),
            A::SetDecision(Some(Decision::Blocked)),
            "block the app",
            decide,
        );
        bind(
            mode,
            Key::ch('n'),
            A::SetDecision(Some(Decision::NeedsReview)),
            "mark the app as needing review",
            decide,
        );
        bind(
            mode,
            Key::ch('u'),
            A::SetDecision(None),
            "clear the decision",
            decide,
        );
        bind(
            mode,
            Key::ch('*'),
            A::ToggleBookmark,
            "bookmark / unbookmark the app",
            None,
        );
        bind(mode, Key::ch('N'), A::EditNote, "edit the app's note", None);
        bind(
            mode,
            Key::ch('S'),
            A::ExplainScore,
            "explain the app's score",
            Some("score"),
        );
        bind(
            mode,
            Key::ch('s'),
            A::CycleSort,
            "cycle the sort order",
            Some("sort"),
        );
        bind(
            mode,
            Key::ch('p'),
            A::OpenPermIndex,
            "permission index of the whole catalog",
            Some("perms"),
        );
        bind(
            mode,
            Key::ch('e'),
            A::Export,
            "export the shown list to CSV",
            None,
        );
        bind(
            mode,
            Key::ch('y'),
            A::Copy,
            "copy the app id or the selected row",
            None,
        );
        bind(
            mode,
            Key::ch('o'),
            A::OpenLink,
            "open the AppSource / Teams link",
            None,
        );
    }
    // The note editor: unbound printable keys become NoteInput.
    let m = Mode::Note;
    bind(
        m,
        Key::plain(K::Enter),
        A::NoteAccept,
        "save the note",
        Some("save"),
    );
    bind(
        m,
        Key::plain(K::Esc),
        A::NoteCancel,
        "discard",
        Some("cancel"),
    );
    bind(
        m,
        Key::plain(K::Backspace),
        A::NoteBackspace,
        "delete a character",
        None,
    );
    bind(
        m,
        Key::ctrl('u'),
        A::NoteClear,
        "delete the whole note",
        None,
    );
    bind(m, Key::ctrl('c'), A::Quit, "quit", None);
    // The permission index (its navigation keys are the shared ones in `keymap.rs`).
    let m = Mode::Index;
    bind(
        m,
        Key::plain(K::Enter),
        A::Activate,
        "list the apps / open the selected app",
        Some("open"),
    );
    bind(
        m,
        Key::ch('l'),
        A::Activate,
        "list the apps / open the selected app",
        None,
    );
    bind(
        m,
        Key::plain(K::Right),
        A::Activate,
        "list the apps / open the selected app",
        None,
    );
    bind(
        m,
        Key::plain(K::Tab),
        A::IndexSwitch,
        "permissions / shared registrations",
        Some("switch"),
    );
    bind(
        m,
        Key::plain(K::Esc),
        A::IndexBack,
        "back to the permissions, or close",
        Some("back"),
    );
    bind(
        m,
        Key::ch('h'),
        A::IndexBack,
        "back to the permissions, or close",
        None,
    );
    bind(
        m,
        Key::plain(K::Left),
        A::IndexBack,
        "back to the permissions, or close",
        None,
    );
    bind(
        m,
        Key::ch('y'),
        A::Copy,
        "copy the selected name or id",
        None,
    );
    bind(m, Key::ch('?'), A::OpenHelp, "help", Some("help"));
    bind(m, Key::ch('q'), A::CloseOverlay, "close", Some("close"));
    bind(m, Key::ch('p'), A::CloseOverlay, "close", None);
    // Popups (the score explanation among them) can copy their app's id.
}

/// Config names of the modes, as in `[keys.list]`.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::List => "list",
        Mode::Detail => "detail",
        Mode::Search => "search",
        Mode::Popup => "popup",
        Mode::Help => "help",
        Mode::Note => "note",
        Mode::Index => "index",
        Mode::Compare => "compare",
        Mode::Picker => "picker",
    }
}

/// Config names of the actions that can be rebound.
pub const ACTION_NAMES: &[&str] = &[
    "quit",
    "up",
    "down",
    "page_up",
    "page_down",
    "half_page_up",
    "half_page_down",
    "top",
    "bottom",
    "open",
    "back",
    "left",
    "right",
    "next_tab",
    "prev_tab",
    "toggle_group",
    "search",
    "search_accept",
    "search_cancel",
    "search_backspace",
    "search_clear",
    "help",
    "close",
    "approve",
    "block",
    "needs_review",
    "clear_decision",
    "bookmark",
    "note",
    "note_accept",
    "note_cancel",
    "note_backspace",
    "note_clear",
    "explain_score",
    "sort",
    "permission_index",
    "index_switch",
    "index_back",
    "export",
    "copy",
    "open_link",
    "mark",
    "compare",
    "swap",
    "replace_left",
    "replace_right",
    "only_differences",
    "next_difference",
    "previous_difference",
];

/// The config name of an action, if it can be rebound.
pub fn action_name(action: &Action) -> Option<&'static str> {
    use Action as A;
    Some(match action {
        A::Quit => "quit",
        A::MoveUp => "up",
        A::MoveDown => "down",
        A::PageUp => "page_up",
        A::PageDown => "page_down",
        A::HalfPageUp => "half_page_up",
        A::HalfPageDown => "half_page_down",
        A::Top => "top",
        A::Bottom => "bottom",
        A::Activate => "open",
        A::Back => "back",
        A::Left => "left",
        A::Right => "right",
        A::NextTab => "next_tab",
        A::PrevTab => "prev_tab",
        A::ToggleGroup => "toggle_group",
        A::StartSearch => "search",
        A::SearchAccept => "search_accept",
        A::SearchCancel => "search_cancel",
        A::SearchBackspace => "search_backspace",
        A::SearchClear => "search_clear",
        A::OpenHelp => "help",
        A::CloseOverlay => "close",
        A::SetDecision(Some(Decision::Approved)) => "approve",
        A::SetDecision(Some(Decision::Blocked)) => "block",
        A::SetDecision(Some(Decision::NeedsReview)) => "needs_review",
        A::SetDecision(None) => "clear_decision",
        A::ToggleBookmark => "bookmark",
        A::EditNote => "note",
        A::NoteAccept => "note_accept",
        A::NoteCancel => "note_cancel",
        A::NoteBackspace => "note_backspace",
        A::NoteClear => "note_clear",
        A::ExplainScore => "explain_score",
        A::CycleSort => "sort",
        A::OpenPermIndex => "permission_index",
        A::IndexSwitch => "index_switch",
        A::IndexBack => "index_back",
        A::Export => "export",
        A::Copy => "copy",
        A::OpenLink => "open_link",
        A::Compare(c) => match c {
            CompareAction::ToggleMark => "mark",
            CompareAction::Open => "compare",
            CompareAction::Swap => "swap",
            CompareAction::Replace(Side::A) => "replace_left",
            CompareAction::Replace(Side::B) => "replace_right",
            CompareAction::ToggleOnlyDifferences => "only_differences",
            CompareAction::NextDifference => "next_difference",
            CompareAction::PreviousDifference => "previous_difference",
        },
        _ => return None,
    })
}

/// A key override in `config.toml` that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error(
        "config.toml [keys.{mode}]: unknown mode `{mode}` (expected list, detail, search, popup, help, note, index, compare or picker)"
    )]
    UnknownMode { mode: String },
    #[error("config.toml [keys.{mode}] {action}: unknown action `{action}` (expected one of: {})", ACTION_NAMES.join(", "))]
    UnknownAction { mode: String, action: String },
    #[error("config.toml [keys.{mode}] {action}: `{action}` is not available in {mode} mode")]
    NotInMode { mode: String, action: String },
    #[error(
        "config.toml [keys.{mode}] {action} = {key:?}: cannot read the key ({reason}); write e.g. \"x\", \"X\", \"ctrl-x\", \"alt-x\", \"enter\", \"esc\", \"tab\", \"space\", \"up\", \"f2\""
    )]
    BadKey {
        mode: String,
        action: String,
        key: String,
        reason: String,
    },
    #[error(
        "config.toml [keys.{mode}] {action} = {key:?}: that key is also bound to `{other}` in {mode} mode; each key may do one thing"
    )]
    Duplicate {
        mode: String,
        action: String,
        key: String,
        other: String,
    },
}

impl KeymapError {
    /// The `[keys.MODE]` table and entry the error is about.
    pub fn entry(&self) -> (&str, Option<&str>) {
        match self {
            KeymapError::UnknownMode { mode } => (mode, None),
            KeymapError::UnknownAction { mode, action }
            | KeymapError::NotInMode { mode, action }
            | KeymapError::BadKey { mode, action, .. }
            | KeymapError::Duplicate { mode, action, .. } => (mode, Some(action)),
        }
    }

    /// The message with the config file and line in front instead of `config.toml`.
    pub fn located(&self, config: &Config) -> String {
        let (mode, action) = self.entry();
        let message = self.to_string();
        let rest = message.strip_prefix("config.toml ").unwrap_or(&message);
        format!("{}: {rest}", config.key_location(mode, action))
    }
}

/// Read a key as written in the config: `x`, `X`, `ctrl-x`, `alt-x`, `enter`, `f2`, `shift-tab`…
pub fn parse_key(text: &str) -> Result<Key, String> {
    if text.is_empty() {
        return Err("empty".into());
    }
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let cut = ["ctrl-", "ctrl+", "c-", "alt-", "alt+", "a-"]
            .iter()
            .find(|p| lower.starts_with(**p) && rest.chars().count() > p.len());
        match cut {
            Some(p) => {
                mods |= if p.starts_with('c') {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::ALT
                };
                rest = &rest[p.len()..];
            }
            None => break,
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if c.is_control() {
                return Err("a control character".into());
            }
            KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            other => match other.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                Some(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(format!("unknown key name `{rest}`")),
            },
        },
    };
    Ok(Key { code, mods })
}

/// The key table with the overrides of `config.keys` applied: each `[keys.MODE] action = "key"`
/// replaces every key of that action in that mode with the one given.
pub fn keymap_from_config(config: &Config) -> Result<Keymap, KeymapError> {
    let mut bindings = default_bindings();
    // (mode, key) → (mode name, action name, key text) of each override, to name it in errors.
    let mut overrides: Vec<(Mode, Key, &str, &str, &str)> = Vec::new();
    for (mode_text, actions) in &config.keys {
        let mode = Mode::ALL
            .into_iter()
            .find(|m| mode_name(*m) == mode_text.as_str())
            .ok_or_else(|| KeymapError::UnknownMode {
                mode: mode_text.clone(),
            })?;
        for (action_text, key_text) in actions {
            if !ACTION_NAMES.contains(&action_text.as_str()) {
                return Err(KeymapError::UnknownAction {
                    mode: mode_text.clone(),
                    action: action_text.clone(),
                });
            }
            let key = parse_key(key_text).map_err(|reason| KeymapError::BadKey {
                mode: mode_text.clone(),
                action: action_text.clone(),
                key: key_text.clone(),
                reason,
            })?;
            let is_it = |b: &Binding| b.mode == mode && action_name(&b.action) == Some(action_text);
            let Some(first) = bindings.iter().position(is_it) else {
                return Err(KeymapError::NotInMode {
                    mode: mode_text.clone(),
                    action: action_text.clone(),
                });
            };
            let mut new = bindings[first].clone();
            new.key = key;
            if new.hint.is_none() {
                new.hint = bindings.iter().filter(|b| is_it(b)).find_map(|b| b.hint);
            }
            bindings.retain(|b| !is_it(b));
            bindings.insert(first.min(bindings.len()), new);
            overrides.push((mode, key, mode_text, action_text, key_text));
        }
    }
    Keymap::build(bindings).map_err(|dup| {
        let name = |a: &Action| action_name(a).unwrap_or("another action").to_string();
        let key_of = |k: &str| k.to_string();
        // Name the override that caused the clash (the later one if both are overrides).
        let found = overrides
            .iter()
            .rev()
            .find(|(m, k, ..)| *m == dup.mode && k.to_string() == dup.key);
        match found {
            Some((_, _, mode, action, key)) => {
                let other = if name(&dup.second) == *action {
                    name(&dup.first)
                } else {
                    name(&dup.second)
                };
                KeymapError::Duplicate {
                    mode: mode.to_string(),
                    action: action.to_string(),
                    key: key_of(key),
                    other,
                }
            }
            None => KeymapError::Duplicate {
                mode: mode_name(dup.mode).to_string(),
                action: name(&dup.second),
                key: dup.key.clone(),
                other: name(&dup.first),
            },
        }
    })
}
