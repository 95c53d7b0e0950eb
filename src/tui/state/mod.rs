//! The TUI state: the workspace (what was loaded) and the UI over it (panes, layers, messages).
//! `State::update` (`update.rs`) is the only code that changes it, and it does no I/O: what
//! needs the outside world is an `Effect` for the event loop.

mod catalog_index;
mod drift;
pub mod find;
mod history;
pub mod items;
mod languages;
pub mod layers;
pub mod links;
mod list;
mod log;
mod messages;
mod panes;
mod quit;
mod reviews;
pub mod scroll;
mod tenant_items;
mod update;
mod workspace;

use std::collections::{HashMap, HashSet};

use crate::model::{App, Catalog};
use crate::query::{AppMatch, QueryError};
use crate::workspace::SortKey;

use super::effects::Effect;
use super::keymap::{Keymap, Mode};
use super::layout::ScreenLayout;
use super::theme::Theme;
pub use catalog_index::CatalogIndex;
pub use history::Place;
pub use items::{Item, PermGroup, Tab, TabKey};
pub use languages::QuestionLabels;
pub use layers::{
    CompareView, Help, HelpLine, IndexTab, JumpTo, Layer, Mark, NoteEditor, Outcome, PermIndex,
    PickFor, Picker, Popup, SearchTarget, Section, TenantView,
};
pub use messages::{Message, MessageKind};
use scroll::Scroll;
pub use workspace::Workspace;

/// Which pane has the keyboard when no layer is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// The app list: the search query, the matching apps best first, and the selection among them.
#[derive(Debug, Clone, Default)]
pub struct AppList {
    pub query: String,
    pub matches: Vec<AppMatch>,
    pub scroll: Scroll,
    /// `None`: best match first (catalog order without a query).
    pub sort: Option<SortKey>,
    /// The error of the current query; the list keeps the last valid result meanwhile.
    pub query_error: Option<QueryError>,
    /// The query `matches` is the result of: the text in the bar, or while that has an error
    /// the last query that parsed (the list is then stale, and says so).
    pub shown_query: String,
}

impl AppList {
    /// Whether the list shows the result of an earlier query than the one in the bar.
    pub fn is_stale(&self) -> bool {
        self.query_error.is_some() && self.shown_query != self.query
    }
}

/// Each tab's own filter and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabState {
    pub filter: String,
    pub scroll: Scroll,
}

/// Everything on screen that is not the workspace.
pub struct Ui {
    pub theme: Theme,
    pub keymap: Keymap,
    pub list: AppList,
    pub focus: Focus,
    /// Layers over the panes, top last; input goes to the top one.
    pub layers: Vec<Layer>,
    /// The selected tab of the selected app (clamped when read).
    pub tab: usize,
    pub tab_states: HashMap<TabKey, TabState>,
    /// Registration GUIDs whose permission groups are collapsed ("" for the no-GUID group).
    pub collapsed: HashSet<String>,
    pub layout: ScreenLayout,
    pub message: Option<Message>,
    /// Effects waiting for the event loop.
    pub effects: Vec<Effect>,
    /// The app marked for comparison (catalog index).
    pub marked: Option<usize>,
    /// Page questions, English labels beside them, or labels instead.
    pub labels: QuestionLabels,
    /// Every message of this run and what loading noticed, oldest first (`L` shows it).
    pub log: Vec<Message>,
    /// Where each jump came from, the last one last (`go_back` returns there).
    pub history: Vec<Place>,
    /// Whether rows too long for their column wrap (else they are cut with `…`).
    pub wrap: bool,
    pub quit: bool,
}

pub struct State {
    pub workspace: Workspace,
    pub ui: Ui,
}

const DEFAULT_ROWS: usize = 10;

impl State {
    /// A state over a bare catalog: default config, embedded risk tiers, reviews in memory only.
    pub fn new(catalog: Catalog, source_label: impl Into<String>) -> State {
        let label = source_label.into();
        State::from_workspace(crate::workspace::Workspace::in_memory(catalog, &label))
    }

    pub fn from_workspace(ws: crate::workspace::Workspace) -> State {
        let (workspace, warnings, notes) = Workspace::new(ws);
        let matches = workspace.searcher.search(&workspace.catalog, "");
        let mut state = State {
            ui: Ui {
                theme: Theme::from_config(workspace.config.theme),
                keymap: Keymap::default(),
                list: AppList {
                    matches,
                    ..AppList::default()
                },
                focus: Focus::List,
                layers: Vec::new(),
                tab: 0,
                tab_states: HashMap::new(),
                collapsed: HashSet::new(),
                layout: ScreenLayout {
                    list_rows: DEFAULT_ROWS,
                    detail_rows: DEFAULT_ROWS,
                    popup_rows: DEFAULT_ROWS,
                    help_rows: DEFAULT_ROWS,
                    ..ScreenLayout::default()
                },
                message: None,
                effects: Vec::new(),
                marked: None,
                labels: QuestionLabels::default(),
                log: Vec::new(),
                history: Vec::new(),
                wrap: true,
                quit: false,
            },
            workspace,
        };
        state.tell_what_loading_noticed(&warnings, &notes);
        if let Some(drift) = state.drift_note() {
            // The one thing at start that asks for a decision: the status line says it (the
            // loading notes stay in the log), and the log keeps it too.
            let message = Message::new(MessageKind::Warning, drift);
            state.log(message.clone());
            state.ui.message = Some(message);
        }
        state
    }

    pub fn with_theme(mut self, theme: Theme) -> State {
        self.ui.theme = theme;
        self
    }

    /// Whose key table applies: the top layer's, else the focused pane's.
    pub fn mode(&self) -> Mode {
        match self.ui.layers.last() {
            Some(layer) => layer.mode(),
            None => match self.ui.focus {
                Focus::List => Mode::List,
                Focus::Detail => Mode::Detail,
            },
        }
    }

    /// The open filter prompt, if any.
    pub fn search_target(&self) -> Option<&SearchTarget> {
        self.ui.layers.iter().rev().find_map(|l| match l {
            Layer::Search(t) => Some(t),
            _ => None,
        })
    }

    pub fn popup(&self) -> Option<&Popup> {
        self.ui.layers.iter().rev().find_map(|l| match l {
            Layer::Popup(p) => Some(p),
            _ => None,
        })
    }

    /// The compare view, if one is open.
    pub fn compare_view(&self) -> Option<&CompareView> {
        self.ui.layers.iter().rev().find_map(|l| match l {
            Layer::Compare(v) => Some(v.as_ref()),
            _ => None,
        })
    }

    pub fn message(&self) -> Option<&Message> {
        self.ui.message.as_ref()
    }

    /// Effects asked for since the last call (the event loop performs them).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.ui.effects)
    }

    /// Catalog index of the selected app.
    pub fn current_app_index(&self) -> Option<usize> {
        self.ui
            .list
            .matches
            .get(self.ui.list.scroll.selected)
            .map(|m| m.index)
    }

    pub fn current_app(&self) -> Option<&App> {
        self.current_app_index()
            .map(|i| &self.workspace.catalog.apps[i])
    }

    pub fn tabs(&self) -> Vec<Tab> {
        self.current_app().map(items::tabs).unwrap_or_default()
    }

    pub fn tab_index(&self) -> usize {
        self.ui.tab.min(self.tabs().len().saturating_sub(1))
    }

    pub fn current_tab(&self) -> Option<Tab> {
        self.tabs().into_iter().nth(self.tab_index())
    }

    pub fn tab_state(&self, key: &TabKey) -> TabState {
        self.ui.tab_states.get(key).cloned().unwrap_or_default()
    }

    pub fn current_tab_state(&self) -> TabState {
        self.current_tab()
            .map(|t| self.tab_state(&t.key))
            .unwrap_or_default()
    }

    pub fn perm_groups(&self) -> Vec<PermGroup> {
        self.current_app()
            .map(items::perm_groups)
            .unwrap_or_default()
    }

    /// The items the current tab shows, filtered.
    pub fn items(&self) -> Vec<Item> {
        let (Some(app), Some(tab)) = (self.current_app(), self.current_tab()) else {
            return Vec::new();
        };
        let filter = self.tab_state(&tab.key).filter;
        match tab.zone {
            Some(z) => items::zone_items(app, z, &filter),
            None => {
                let mut out =
                    items::perm_items(app, &items::perm_groups(app), &filter, &self.ui.collapsed);
                out.extend(tenant_items::undeclared_items(
                    &self.undeclared_grants(),
                    &filter,
                ));
                out
            }
        }
    }
}
