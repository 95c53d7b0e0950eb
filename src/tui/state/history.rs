//! A way back: every jump to another app (from a permission popup, the permission index, a
//! registration's apps, the compare view) first records where the user was — list filter,
//! sort, selection, tab, focus and the layers that were open — and `go_back` (Backspace,
//! Ctrl-o) returns there. A jump never clears the list filter silently: when the filter hides
//! the target it is cleared with a message that says so and names the key that restores it.

use std::collections::{HashMap, HashSet};

use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::workspace::SortKey;

use super::items::{Item, TabKey};
use super::layers::{JumpTo, Layer};
use super::messages::MessageKind;
use super::scroll::{Motion, Scroll};
use super::{Focus, State, TabState};

/// How many places back are kept; older ones are forgotten first.
const DEPTH: usize = 64;

/// Everything a jump changes, as it was before the jump.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub query: String,
    pub sort: Option<SortKey>,
    /// The selected app (catalog index) and the list's scroll.
    pub app: Option<usize>,
    pub list_scroll: Scroll,
    pub tab: usize,
    pub tab_states: HashMap<TabKey, TabState>,
    pub collapsed: HashSet<String>,
    pub focus: Focus,
    pub layers: Vec<Layer>,
}

impl State {
    fn place(&self) -> Place {
        let ui = &self.ui;
        Place {
            query: ui.list.query.clone(),
            sort: ui.list.sort,
            app: self.current_app_index(),
            list_scroll: ui.list.scroll,
            tab: ui.tab,
            tab_states: ui.tab_states.clone(),
            collapsed: ui.collapsed.clone(),
            focus: ui.focus,
            layers: ui.layers.clone(),
        }
    }

    /// Close every layer and show `app` (catalog index) in the detail, where `to` says,
    /// remembering the place left for `go_back`.
    pub(super) fn jump_to_app(&mut self, app: usize, to: &JumpTo) -> bool {
        let Some(target) = self.workspace.app(app) else {
            return false;
        };
        let name = crate::text::sanitize(&target.name).into_owned();
        // Show the permission even when its group was collapsed.
        let group = match to {
            JumpTo::Permission(perm) => target
                .permissions
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(perm))
                .map(|p| p.registration.clone().unwrap_or_default()),
            JumpTo::Registration(guid) => Some(guid.clone()),
            JumpTo::App => None,
        };
        let place = self.place();
        if self.ui.history.len() == DEPTH {
            self.ui.history.remove(0);
        }
        self.ui.history.push(place);
        if let Some(key) = group {
            self.ui.collapsed.remove(&key);
        }
        self.ui.layers.clear();
        if !self.ui.list.matches.iter().any(|m| m.index == app) {
            let hidden_by = crate::text::sanitize(&self.ui.list.query).into_owned();
            self.ui.list.query.clear();
            self.refilter_list();
            let back = self
                .ui
                .keymap
                .key_for(Mode::Detail, &Action::GoBack)
                .unwrap_or_else(|| "go_back".into());
            self.say(
                MessageKind::Warning,
                // The key first: a narrow status line cuts the end.
                format!("{back} restores the filter /{hidden_by}, cleared: it hid {name}"),
            );
        }
        if let Some(pos) = self.ui.list.matches.iter().position(|m| m.index == app) {
            self.move_list(Motion::To(pos));
        }
        if !matches!(to, JumpTo::App)
            && let Some(t) = self
                .tabs()
                .iter()
                .position(|t| t.key == TabKey::Permissions)
        {
            self.ui.tab = t;
        }
        self.ui.focus = Focus::Detail;
        let apps = &self.workspace.catalog.apps;
        let groups = self.perm_groups();
        let target = self.items().iter().position(|it| match (it, to) {
            (Item::Perm(p, _), JumpTo::Permission(perm)) => {
                apps[app].permissions[*p].name.eq_ignore_ascii_case(perm)
            }
            (Item::Group(g), JumpTo::Registration(guid)) => {
                groups.get(*g).and_then(|g| g.registration.as_deref()) == Some(guid.as_str())
            }
            _ => false,
        });
        if let Some(pos) = target {
            self.move_tab(Motion::To(pos));
        }
        true
    }

    /// Backspace / Ctrl-o: return to the place before the last jump, filter and all.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(place) = self.ui.history.pop() else {
            self.say(MessageKind::Info, "nothing to go back to: no jump yet");
            return true;
        };
        let ui = &mut self.ui;
        ui.list.query = place.query;
        ui.list.sort = place.sort;
        self.refilter_list();
        let list = &mut self.ui.list;
        let pos = place
            .app
            .and_then(|a| list.matches.iter().position(|m| m.index == a));
        list.scroll = place.list_scroll;
        list.scroll.selected = pos.unwrap_or(0);
        list.scroll
            .clamp(list.matches.len(), self.ui.layout.list_rows);
        self.ui.tab = place.tab;
        self.ui.tab_states = place.tab_states;
        self.ui.collapsed = place.collapsed;
        self.ui.focus = place.focus;
        self.ui.layers = place.layers;
        if self.current_app().is_none() {
            self.ui.focus = Focus::List;
        }
        true
    }
}
