//! The layers over the two panes (list and detail), an explicit stack: the top one gets every
//! action first. Each layer is a data type in its own file with a `handle` that only reads the
//! workspace and answers with an [`Outcome`]; `State::update` applies outcomes in one place.
//!
//! A new overlay is a file here (its data and `handle`), a variant of [`Layer`], a [`Mode`]
//! with its table in `keymap/keys.toml`, and a view in `tui/view`.

mod compare;
mod compare_keep;
mod help;
mod note;
mod perm_index;
mod picker;
mod popup;
mod search;
mod tenant;

use super::workspace::Workspace;
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;

pub use compare::{CompareRow, CompareView, PermSection};
pub use help::{Help, HelpLine, Mark};
pub use note::NoteEditor;
pub use perm_index::{IndexTab, PermEntry, PermIndex, RegEntry};
pub use picker::{PickFor, Picker};
pub use popup::{EXPORT_CHOICES, Popup, Section, text_popup};
pub use search::SearchTarget;
pub use tenant::{Finding, TenantView};

#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// The filter prompt of the list or of the current tab (typing goes to the pane below).
    Search(SearchTarget),
    Help(Help),
    Popup(Popup),
    Note(NoteEditor),
    /// The permission index, over both panes.
    Index(Box<PermIndex>),
    /// Two apps side by side, over the whole screen.
    Compare(Box<CompareView>),
    /// The fuzzy search that picks the app to compare with.
    Picker(Picker),
    /// The tenant's service principals and their findings, over both panes.
    Tenant(Box<TenantView>),
}

/// Where a jump lands in the app it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JumpTo {
    /// The Permissions tab, on the permission of this name.
    Permission(String),
    /// The Permissions tab, on the header of this registration's group.
    Registration(String),
    /// The app's detail, on the tab of the same kind as now.
    App,
}

/// What handling an action did, for `State::update` to apply.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not for this layer: the layer below gets the action (the panes at the bottom).
    Pass,
    Unchanged,
    /// Something on screen changed.
    Changed,
    Push(Layer),
    /// Close the top layer.
    Pop,
    /// Close the top layer and open this one in its place.
    Replace(Layer),
    /// Close the top layer, then apply this action.
    PopThen(Action),
    /// Close every layer and show this app (catalog index) in the detail, where `to` says;
    /// the place left is remembered for going back.
    Jump {
        app: usize,
        to: JumpTo,
    },
    /// Ask the event loop for something outside the state; it answers with an action.
    Effect(Effect),
}

impl Outcome {
    pub fn changed(changed: bool) -> Outcome {
        if changed {
            Outcome::Changed
        } else {
            Outcome::Unchanged
        }
    }
}

/// What a layer may read while it handles an action.
pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub layout: &'a ScreenLayout,
    /// For what a layer opens from the key table (the help).
    pub keymap: &'a crate::tui::keymap::Keymap,
}

impl Layer {
    /// Whose key table applies while this layer is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Layer::Search(_) => Mode::Search,
            Layer::Help(_) => Mode::Help,
            Layer::Popup(_) => Mode::Popup,
            Layer::Note(_) => Mode::Note,
            Layer::Index(_) => Mode::Index,
            Layer::Compare(_) => Mode::Compare,
            Layer::Picker(_) => Mode::Picker,
            Layer::Tenant(_) => Mode::Tenant,
        }
    }

    pub fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        match self {
            Layer::Search(_) => search::handle(action),
            Layer::Help(h) => h.handle(action, cx),
            Layer::Popup(p) => p.handle(action, cx),
            Layer::Note(n) => n.handle(action),
            Layer::Index(ix) => ix.handle(action, cx),
            Layer::Compare(v) => v.handle(action, cx),
            Layer::Picker(p) => p.handle(action, cx),
            Layer::Tenant(t) => t.handle(action, cx),
        }
    }

    /// Keep the layer's own scroll valid after a draw measured new heights; whether it moved.
    pub fn fit_layout(&mut self, layout: &ScreenLayout) -> bool {
        match self {
            Layer::Help(h) => h.fit_layout(layout),
            Layer::Popup(p) => p.fit_layout(layout),
            _ => false,
        }
    }
}
