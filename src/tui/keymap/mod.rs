//! The key table: which key does which action in which mode. The defaults are data
//! (`keys.toml`), read by the same code that applies the `[keys.MODE]` overrides of
//! `config.toml` (`table.rs`). The footer hints, the `?` help and every key a hint names are
//! generated from it, and a key bound twice in one mode is an error when the table is built.

mod key;
mod table;

use std::collections::HashMap;
use std::sync::OnceLock;

use crossterm::event::{KeyEvent, KeyEventKind};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

use super::action::Action;

pub use key::{Key, parse_key};
pub use table::{KeymapError, Problem, keymap_from_config};

/// Who receives a key: the top layer, else the focused pane. Its name (`list`, `detail`…) is
/// the one `[keys.MODE]` and `keys.toml` use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    List,
    Detail,
    Search,
    Popup,
    Help,
    Note,
    Index,
    Compare,
    Picker,
    Tenant,
}

impl Mode {
    pub fn all() -> impl Iterator<Item = Mode> {
        Mode::iter()
    }

    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One action in one mode: its keys, the line in the help, and the footer label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub action: Action,
    pub keys: Vec<Key>,
    pub help: String,
    pub hint: Option<String>,
    /// How many of the keys the footer shows.
    pub footer: usize,
}

/// What a mode is called, and what unbound printable keys do in it.
#[derive(Debug, Clone, Default)]
pub struct ModeInfo {
    pub title: String,
    pub status: String,
    pub typing: Option<fn(char) -> Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key} is bound twice in {mode:?} mode: to {first:?} and to {second:?}")]
pub struct DuplicateBinding {
    pub mode: Mode,
    pub key: Key,
    pub first: Box<Action>,
    pub second: Box<Action>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    modes: HashMap<Mode, ModeInfo>,
    /// (mode, key) → (binding, which of its keys).
    index: HashMap<(Mode, Key), (usize, usize)>,
}

impl Keymap {
    pub fn build(
        bindings: Vec<Binding>,
        modes: HashMap<Mode, ModeInfo>,
    ) -> Result<Keymap, DuplicateBinding> {
        let mut index = HashMap::new();
        for (i, b) in bindings.iter().enumerate() {
            for (k, key) in b.keys.iter().enumerate() {
                if let Some(&(j, _)) = index.get(&(b.mode, *key)) {
                    let first: &Binding = &bindings[j];
                    return Err(DuplicateBinding {
                        mode: b.mode,
                        key: *key,
                        first: Box::new(first.action.clone()),
                        second: Box::new(b.action.clone()),
                    });
                }
                index.insert((b.mode, *key), (i, k));
            }
        }
        Ok(Keymap {
            bindings,
            modes,
            index,
        })
    }

    /// The action for a key press in a mode: its binding, else (in a mode that takes text) the
    /// typed character. Releases and repeats are ignored.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let key = Key::from_event(ev);
        if let Some(&(i, k)) = self.index.get(&(mode, key)) {
            return Some(match &self.bindings[i].action {
                // `select_tab`'s keys select tabs in order.
                Action::SelectTab(_) => Action::SelectTab(k),
                a => a.clone(),
            });
        }
        let typing = self.modes.get(&mode)?.typing?;
        key.typed().map(typing)
    }

    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    pub fn mode_info(&self, mode: Mode) -> &ModeInfo {
        static NONE: OnceLock<ModeInfo> = OnceLock::new();
        self.modes
            .get(&mode)
            .unwrap_or_else(|| NONE.get_or_init(ModeInfo::default))
    }

    /// The first key of an action in a mode, as shown ("S", "Enter", "Ctrl-u").
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<String> {
        self.bindings(mode)
            .find(|b| b.action == *action)
            .and_then(|b| b.keys.first())
            .map(Key::to_string)
    }

    /// Footer hints for a mode: (keys, hint), keys of neighbours with the same hint joined by `/`.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        for b in self.bindings(mode) {
            let Some(hint) = b.hint.as_deref() else {
                continue;
            };
            let keys: Vec<String> = b.keys.iter().take(b.footer).map(Key::to_string).collect();
            let keys = keys.join("/");
            match out.last_mut() {
                Some((shown, h)) if *h == hint => {
                    shown.push('/');
                    shown.push_str(&keys);
                }
                _ => out.push((keys, hint)),
            }
        }
        out
    }

    /// Help entries for a mode: (keys, description), the keys of every action with the same
    /// description merged.
    pub fn help(&self, mode: Mode) -> Vec<(String, &str)> {
        let mut out: Vec<(Vec<String>, &str)> = Vec::new();
        for b in self.bindings(mode) {
            let keys = b.keys.iter().map(Key::to_string);
            match out.iter_mut().find(|(_, h)| *h == b.help) {
                Some((shown, _)) => shown.extend(keys),
                None => out.push((keys.collect(), &b.help)),
            }
        }
        out.into_iter()
            .map(|(keys, help)| (join_keys(&keys), help))
            .collect()
    }
}

fn join_keys(keys: &[String]) -> String {
    let digits = keys.len() > 2
        && keys
            .iter()
            .all(|k| k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()));
    if digits {
        format!("{}–{}", keys[0], keys[keys.len() - 1])
    } else {
        keys.join(" ")
    }
}

impl Default for Keymap {
    /// The table of `keys.toml`, read once per process.
    fn default() -> Keymap {
        static DEFAULT: OnceLock<Keymap> = OnceLock::new();
        DEFAULT
            .get_or_init(|| table::defaults().expect("keys.toml is a valid key table"))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn the_default_table_binds_every_mode_and_names_it() {
        let km = Keymap::default();
        for mode in Mode::all() {
            assert!(km.bindings(mode).next().is_some(), "{mode:?}");
            assert!(!km.mode_info(mode).title.is_empty(), "{mode:?}");
            assert!(!km.mode_info(mode).status.is_empty(), "{mode:?}");
        }
    }

    #[test]
    fn releases_are_ignored() {
        let km = Keymap::default();
        let mut ev = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::List, &ev), Some(Action::Quit));
        ev.kind = KeyEventKind::Release;
        assert_eq!(km.lookup(Mode::List, &ev), None);
    }

    #[test]
    fn digits_select_tabs_in_order_and_typing_modes_take_text() {
        let km = Keymap::default();
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            km.lookup(Mode::Detail, &press('3')),
            Some(Action::SelectTab(2))
        );
        assert_eq!(
            km.lookup(Mode::Search, &press('j')),
            Some(Action::SearchInput('j'))
        );
        assert_eq!(
            km.lookup(Mode::Note, &press('q')),
            Some(Action::NoteInput('q'))
        );
        assert_eq!(km.lookup(Mode::List, &press('x')), None);
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(km.lookup(Mode::Search, &ctrl_x), None);
    }

    #[test]
    fn hints_merge_neighbours_and_help_merges_keys() {
        let km = Keymap::default();
        let hints = km.hints(Mode::List);
        assert_eq!(hints[0], ("j/k".to_string(), "move"));
        assert!(hints.iter().any(|(k, h)| k == "?" && *h == "help"));
        assert!(
            km.hints(Mode::Popup)
                .contains(&("Esc/q".to_string(), "close"))
        );
        let help = km.help(Mode::List);
        assert!(help.contains(&("j ↓".to_string(), "down")));
        assert!(help.contains(&("1–9".to_string(), "tab N")));
        assert_eq!(
            km.key_for(Mode::List, &Action::ExplainScore).as_deref(),
            Some("S")
        );
    }

    #[test]
    fn every_mode_can_quit_or_close() {
        let km = Keymap::default();
        for mode in Mode::all() {
            assert!(
                km.bindings(mode)
                    .any(|b| matches!(b.action, Action::Quit | Action::CloseOverlay)),
                "{mode:?}"
            );
        }
    }
}
