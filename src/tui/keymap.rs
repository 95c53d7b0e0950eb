//! The one table of key bindings. The footer hints and the `?` help overlay are generated from
//! it, and a key bound twice in the same mode is an error when the table is built.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

mod compare_keys;
use compare_keys::compare_bindings;

/// Who receives a key: the top overlay, else the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::List,
        Mode::Detail,
        Mode::Search,
        Mode::Popup,
        Mode::Help,
        Mode::Note,
        Mode::Index,
        Mode::Compare,
        Mode::Picker,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Mode::List => "App list",
            Mode::Detail => "App detail",
            Mode::Search => "Search / filter",
            Mode::Popup => "Popup",
            Mode::Help => "Help",
            Mode::Note => "Note editor",
            Mode::Index => "Permission index",
            Mode::Compare => "Compare two apps",
            Mode::Picker => "Pick an app to compare",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The form a terminal event is looked up by: Shift is part of the character itself.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One binding: a key in a mode does an action, described for the help overlay; `hint` puts it
/// in the footer (consecutive bindings with the same hint share one entry: `j/k move`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    pub help: &'static str,
    pub hint: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key} is bound twice in {mode:?} mode: to {first:?} and to {second:?}")]
pub struct DuplicateBinding {
    pub mode: Mode,
    pub key: String,
    pub first: Action,
    pub second: Action,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    index: HashMap<(Mode, Key), usize>,
}

impl Keymap {
    pub fn build(bindings: Vec<Binding>) -> Result<Keymap, DuplicateBinding> {
        let mut index = HashMap::new();
        for (i, b) in bindings.iter().enumerate() {
            if let Some(&j) = index.get(&(b.mode, b.key)) {
                let first: &Binding = &bindings[j];
                return Err(DuplicateBinding {
                    mode: b.mode,
                    key: b.key.to_string(),
                    first: first.action.clone(),
                    second: b.action.clone(),
                });
            }
            index.insert((b.mode, b.key), i);
        }
        Ok(Keymap { bindings, index })
    }

    /// The action for a key press in a mode; releases and repeats of other kinds are ignored.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<&Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let i = self.index.get(&(mode, Key::from_event(ev)))?;
        Some(&self.bindings[*i].action)
    }

    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// Footer hints for a mode: (keys, hint), keys of consecutive same-hint bindings joined by `/`.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for b in self.bindings(mode) {
            let Some(hint) = b.hint else { continue };
            match out.last_mut() {
                Some((keys, h)) if *h == hint => {
                    keys.push('/');
                    keys.push_str(&b.key.to_string());
                }
                _ => out.push((b.key.to_string(), hint)),
            }
        }
        out
    }

    /// Help entries for a mode: (keys, description), every key with the same description merged.
    pub fn help(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut out: Vec<(Vec<String>, &'static str)> = Vec::new();
        for b in self.bindings(mode) {
            match out.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => keys.push(b.key.to_string()),
                None => out.push((vec![b.key.to_string()], b.help)),
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
    fn default() -> Keymap {
        Keymap::build(default_bindings()).expect("the default key table has no duplicates")
    }
}

/// The default key table.
pub fn default_bindings() -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    let mut out = Vec::new();
    let mut bind = |mode, key, action: Action, help, hint| {
        out.push(Binding {
            mode,
            key,
            action,
            help,
            hint,
        })
    };
    // Navigation shared by the list, the detail, popups, help and the permission index.
    for mode in [
        Mode::List,
        Mode::Detail,
        Mode::Popup,
        Mode::Help,
        Mode::Index,
    ] {
        bind(mode, Key::ch('j'), A::MoveDown, "down", Some("move"));
        bind(mode, Key::ch('k'), A::MoveUp, "up", Some("move"));
        bind(mode, Key::plain(K::Down), A::MoveDown, "down", None);
        bind(mode, Key::plain(K::Up), A::MoveUp, "up", None);
        bind(mode, Key::ch('g'), A::Top, "first", None);
        bind(mode, Key::plain(K::Home), A::Top, "first", None);
        bind(mode, Key::ch('G'), A::Bottom, "last", None);
        bind(mode, Key::plain(K::End), A::Bottom, "last", None);
        bind(
            mode,
            Key::ctrl('d'),
            A::HalfPageDown,
            "half page down",
            None,
        );
        bind(mode, Key::ctrl('u'), A::HalfPageUp, "half page up", None);
        bind(
            mode,
            Key::plain(K::PageDown),
            A::PageDown,
            "page down",
            None,
        );
        bind(mode, Key::plain(K::PageUp), A::PageUp, "page up", None);
        bind(mode, Key::ctrl('c'), A::Quit, "quit", None);
    }
    for mode in [Mode::List, Mode::Detail] {
        let (enter_help, enter_hint) = if mode == Mode::List {
            ("open the app's detail", "open")
        } else {
            ("show whole row / toggle group", "open")
        };
        bind(
            mode,
            Key::plain(K::Enter),
            A::Activate,
            enter_help,
            Some(enter_hint),
        );
        bind(
            mode,
            Key::ch('/'),
            A::StartSearch,
            if mode == Mode::List {
                "fuzzy search apps"
            } else {
                "filter this tab's rows"
            },
            Some("search"),
        );
        bind(
            mode,
            Key::plain(K::Tab),
            A::NextTab,
            "next tab",
            Some("tabs"),
        );
        bind(
            mode,
            Key::plain(K::BackTab),
            A::PrevTab,
            "previous tab",
            None,
        );
        for n in 1..=9u8 {
            let c = char::from(b'0' + n);
            bind(
                mode,
                Key::ch(c),
                A::SelectTab(usize::from(n - 1)),
                "tab N",
                None,
            );
        }
    }
    bind(Mode::List, Key::ch('l'), A::Right, "focus the detail", None);
    bind(
        Mode::List,
        Key::plain(K::Right),
        A::Right,
        "focus the detail",
        None,
    );
    bind(
        Mode::List,
        Key::plain(K::Esc),
        A::Back,
        "clear the search",
        None,
    );
    bind(
        Mode::Detail,
        Key::ch('h'),
        A::Left,
        "previous tab (list from the first)",
        Some("tab"),
    );
    bind(
        Mode::Detail,
        Key::ch('l'),
        A::Right,
        "next tab",
        Some("tab"),
    );
    bind(
        Mode::Detail,
        Key::plain(K::Left),
        A::Left,
        "previous tab (list from the first)",
        None,
    );
    bind(
        Mode::Detail,
        Key::plain(K::Right),
        A::Right,
        "next tab",
        None,
    );
    bind(
        Mode::Detail,
        Key::ch(' '),
        A::ToggleGroup,
        "collapse / expand group",
        None,
    );
    bind(
        Mode::Detail,
        Key::plain(K::Esc),
        A::Back,
        "back to the list",
        Some("back"),
    );
    for mode in [Mode::List, Mode::Detail] {
        bind(mode, Key::ch('?'), A::OpenHelp, "help", Some("help"));
        bind(mode, Key::ch('q'), A::Quit, "quit", Some("quit"));
    }
    // Typing into a search: unbound printable keys become SearchInput.
    bind(
        Mode::Search,
        Key::plain(K::Enter),
        A::SearchAccept,
        "keep the filter",
        Some("keep"),
    );
    bind(
        Mode::Search,
        Key::plain(K::Esc),
        A::SearchCancel,
        "clear and leave",
        Some("clear"),
    );
    bind(
        Mode::Search,
        Key::plain(K::Backspace),
        A::SearchBackspace,
        "delete a character",
        None,
    );
    bind(
        Mode::Search,
        Key::ctrl('u'),
        A::SearchClear,
        "delete the query",
        None,
    );
    bind(
        Mode::Search,
        Key::plain(K::Down),
        A::MoveDown,
        "down",
        Some("move"),
    );
    bind(
        Mode::Search,
        Key::plain(K::Up),
        A::MoveUp,
        "up",
        Some("move"),
    );
    bind(Mode::Search, Key::ctrl('n'), A::MoveDown, "down", None);
    bind(Mode::Search, Key::ctrl('p'), A::MoveUp, "up", None);
    bind(Mode::Search, Key::ctrl('c'), A::Quit, "quit", None);
    bind(
        Mode::Popup,
        Key::plain(K::Enter),
        A::Activate,
        "open the selected app, or close",
        Some("open"),
    );
    for mode in [Mode::Popup, Mode::Help] {
        bind(
            mode,
            Key::plain(K::Esc),
            A::CloseOverlay,
            "close",
            Some("close"),
        );
        bind(mode, Key::ch('q'), A::CloseOverlay, "close", Some("close"));
    }
    bind(Mode::Help, Key::ch('?'), A::CloseOverlay, "close", None);
    compare_bindings(&mut bind);
    super::keymap_triage::append_bindings(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_builds() {
        let _ = Keymap::default();
    }

    #[test]
    fn shifted_letters_and_back_tab_are_looked_up_without_shift() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::ch('G'));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::plain(KeyCode::BackTab));
        let ev = KeyEvent::new(
            KeyCode::Char('D'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(&ev), Key::ctrl('d'));
    }

    #[test]
    fn releases_are_ignored() {
        let km = Keymap::default();
        let mut ev = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::List, &ev), Some(&Action::Quit));
        ev.kind = KeyEventKind::Release;
        assert_eq!(km.lookup(Mode::List, &ev), None);
    }

    #[test]
    fn hints_merge_neighbours_and_help_merges_keys() {
        let km = Keymap::default();
        let hints = km.hints(Mode::List);
        assert_eq!(hints[0], ("j/k".to_string(), "move"));
        assert!(hints.iter().any(|(k, h)| k == "?" && *h == "help"));
        let help = km.help(Mode::List);
        assert!(help.contains(&("j ↓".to_string(), "down")));
        assert!(help.contains(&("1–9".to_string(), "tab N")));
    }

    #[test]
    fn every_mode_can_quit_or_close() {
        let km = Keymap::default();
        for mode in Mode::ALL {
            assert!(
                km.bindings(mode)
                    .any(|b| matches!(b.action, Action::Quit | Action::CloseOverlay)),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn duplicate_binding_is_rejected() {
        let mut b = default_bindings();
        b.push(Binding {
            mode: Mode::List,
            key: Key::ch('j'),
            action: Action::Quit,
            help: "oops",
            hint: None,
        });
        let err = Keymap::build(b).unwrap_err();
        assert_eq!(err.key, "j");
        assert_eq!(err.first, Action::MoveDown);
    }
}
