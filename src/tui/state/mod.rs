//! The TUI state and `State::update`, the only code that changes it.

pub mod compare;
mod compare_popup;
mod index;
pub mod items;
pub mod perm_index;
mod popup;
pub mod scroll;
pub mod triage;
mod update;

use std::collections::{HashMap, HashSet};

use crate::model::{App, Catalog};
use crate::query::{AppMatch, AppSearcher};

use super::keymap::{Keymap, Mode};
use super::layout::ScreenLayout;
use super::theme::Theme;
pub use index::CatalogIndex;
pub use items::{Item, PermGroup, Tab, TabKey};
pub use perm_index::{IndexTab, PermIndex};
pub use popup::{Overlay, Popup, SearchTarget, Section};
use scroll::Scroll;
pub use triage::{Effect, Message, NoteEditor, TriageUi};

/// Which pane has the keyboard when no overlay is open.
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
}

/// Each tab's own filter and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabState {
    pub filter: String,
    pub scroll: Scroll,
}

/// What the workspace knows besides the catalog: config, risk tiers, review state, scores, and
/// warnings from loading to show once.
pub struct Triage {
    pub config: crate::config::Config,
    pub risk: crate::config::RiskTableRef,
    pub reviews: crate::review::ReviewStore,
    /// Total score of each app, by catalog index.
    pub scores: Vec<f64>,
    /// Loading notes (shown in the status line) and warnings (also in a popup).
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    /// The tenant export joined with the catalog (for the filter's tenant terms).
    pub tenant: Option<crate::tenant::TenantIndex>,
}

pub struct State {
    pub catalog: Catalog,
    pub triage: Triage,
    pub source_label: String,
    pub theme: Theme,
    pub keymap: Keymap,
    pub index: CatalogIndex,
    searcher: AppSearcher,
    pub list: AppList,
    pub focus: Focus,
    /// Overlays, top last; input goes to the top one.
    pub overlays: Vec<Overlay>,
    /// The selected tab of the selected app (clamped when read).
    pub tab: usize,
    pub tab_states: HashMap<TabKey, TabState>,
    /// Registration GUIDs whose permission groups are collapsed ("" for the no-GUID group).
    pub collapsed: HashSet<String>,
    pub layout: ScreenLayout,
    pub quit: bool,
    /// Sort, query errors, messages and pending effects of the triage features.
    pub triage_ui: TriageUi,
    /// The app marked for comparison (catalog index).
    pub marked: Option<usize>,
}

const DEFAULT_ROWS: usize = 10;

impl State {
    /// A state over a bare catalog: default config, embedded risk tiers, reviews in memory only.
    pub fn new(catalog: Catalog, source_label: impl Into<String>) -> State {
        let label = source_label.into();
        State::from_workspace(crate::workspace::Workspace::in_memory(catalog, &label))
    }

    pub fn from_workspace(ws: crate::workspace::Workspace) -> State {
        let source_label = ws.loaded.source_label();
        let catalog = ws.loaded.catalog;
        let told: Vec<String> = ws.warnings.iter().chain(&ws.notes).cloned().collect();
        let triage_ui = TriageUi::new(&catalog, &ws.risk, &ws.scores, &told);
        let theme = Theme::from_config(ws.config.theme);
        let triage = Triage {
            config: ws.config,
            risk: ws.risk,
            reviews: ws.reviews,
            scores: ws.scores,
            notes: ws.notes,
            warnings: ws.warnings,
            tenant: ws.tenant,
        };
        let searcher = AppSearcher::new(&catalog);
        let matches = searcher.search(&catalog, "");
        let mut state = State {
            index: CatalogIndex::new(&catalog),
            searcher,
            catalog,
            triage,
            source_label,
            theme,
            keymap: Keymap::default(),
            list: AppList {
                query: String::new(),
                matches,
                scroll: Scroll::default(),
            },
            focus: Focus::List,
            overlays: Vec::new(),
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
            quit: false,
            triage_ui,
            marked: None,
        };
        state.show_warnings();
        state
    }

    pub fn with_theme(mut self, theme: Theme) -> State {
        self.theme = theme;
        self
    }

    /// Who gets the next key: the top overlay, else the focused pane.
    pub fn mode(&self) -> Mode {
        match self.overlays.last() {
            Some(Overlay::Search(_)) => Mode::Search,
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Popup(_)) => Mode::Popup,
            Some(Overlay::Note(_)) => Mode::Note,
            Some(Overlay::Index(_)) => Mode::Index,
            Some(Overlay::Compare(_)) => Mode::Compare,
            Some(Overlay::Picker(_)) => Mode::Picker,
            None => match self.focus {
                Focus::List => Mode::List,
                Focus::Detail => Mode::Detail,
            },
        }
    }

    pub fn search_target(&self) -> Option<&SearchTarget> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search(t) => Some(t),
            _ => None,
        })
    }

    pub fn popup(&self) -> Option<&Popup> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Popup(p) => Some(p),
            _ => None,
        })
    }

    /// Catalog index of the selected app.
    pub fn current_app_index(&self) -> Option<usize> {
        self.list
            .matches
            .get(self.list.scroll.selected)
            .map(|m| m.index)
    }

    pub fn current_app(&self) -> Option<&App> {
        self.current_app_index().map(|i| &self.catalog.apps[i])
    }

    pub fn tabs(&self) -> Vec<Tab> {
        self.current_app().map(items::tabs).unwrap_or_default()
    }

    pub fn tab_index(&self) -> usize {
        self.tab.min(self.tabs().len().saturating_sub(1))
    }

    pub fn current_tab(&self) -> Option<Tab> {
        self.tabs().into_iter().nth(self.tab_index())
    }

    pub fn tab_state(&self, key: &TabKey) -> TabState {
        self.tab_states.get(key).cloned().unwrap_or_default()
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
            None => items::perm_items(app, &items::perm_groups(app), &filter, &self.collapsed),
        }
    }
}
