//! Everything that can happen to the TUI state. Keys, mouse and resizes become one of these, and
//! so do the answers to effects; `State::update` is the only code that applies them.
//!
//! An action a key can be bound to has a name, the one `config.toml` uses
//! (`[keys.list] search = "/"`) and the key table is written in; strum derives it here and
//! nowhere else. Actions no key can do (mouse, layout, answers) are `#[strum(disabled)]`.

use std::str::FromStr;
use std::sync::OnceLock;

use strum::{EnumString, VariantNames};

use super::layout::ScreenLayout;

#[derive(Debug, Clone, PartialEq, Eq, EnumString, VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Quit,
    #[strum(serialize = "up")]
    MoveUp,
    #[strum(serialize = "down")]
    MoveDown,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Enter: open what is selected (focus the detail, a popup, toggle a group, jump to an app).
    #[strum(serialize = "open")]
    Activate,
    /// Leave the current context: return to the list, clear the filter.
    Back,
    /// h/←: previous tab, or back to the list from the first tab.
    Left,
    /// l/→: next tab, or into the detail from the list.
    Right,
    NextTab,
    PrevTab,
    /// Select tab N (0-based). The key table binds its keys in order: the first to tab 1.
    SelectTab(usize),
    ToggleGroup,
    /// Wrap rows too long for their column, or cut them.
    ToggleWrap,
    #[strum(serialize = "search")]
    StartSearch,
    #[strum(disabled)]
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    SearchAccept,
    SearchCancel,
    /// `n` / `N`: the next or previous match of the `/` search, wrapping around.
    NextMatch,
    PreviousMatch,
    #[strum(serialize = "help")]
    OpenHelp,
    #[strum(serialize = "close")]
    CloseOverlay,
    /// Mouse: select tab N and focus the detail.
    #[strum(disabled)]
    ClickTab(usize),
    /// Mouse: select the app at this position of the shown list.
    #[strum(disabled)]
    ClickApp(usize),
    /// Mouse: select the row at this position of the current tab.
    #[strum(disabled)]
    ClickRow(usize),
    /// Mouse: select the item at this position of the popup's list.
    #[strum(disabled)]
    ClickPopupRow(usize),
    #[strum(disabled)]
    ScrollList(isize),
    #[strum(disabled)]
    ScrollDetail(isize),
    /// The terminal changed size: redraw.
    #[strum(disabled)]
    Resize,
    /// What the last draw measured: visible heights and scroll limits.
    #[strum(disabled)]
    Layout(Box<ScreenLayout>),
    /// Review decisions of the selected app (each saved at once).
    Approve,
    Block,
    NeedsReview,
    ClearDecision,
    #[strum(serialize = "bookmark")]
    ToggleBookmark,
    /// Open the note editor on the selected app's note.
    #[strum(serialize = "note")]
    EditNote,
    #[strum(disabled)]
    NoteInput(char),
    NoteBackspace,
    NoteClear,
    /// Keep the edited note and save.
    NoteAccept,
    NoteCancel,
    /// Show how the selected app's score was computed.
    ExplainScore,
    /// Sort the list by the next key (relevance, name, publisher, score, permissions, updated).
    #[strum(serialize = "sort")]
    CycleSort,
    /// Open the permission index (every permission in the catalog, shared registrations).
    #[strum(serialize = "permission_index")]
    OpenPermIndex,
    /// Permission index: switch between permissions and shared registrations.
    IndexSwitch,
    /// Permission index: back from the apps column to the permissions column.
    IndexBack,
    /// Write the shown (filtered, sorted) list to a CSV file: asks plain CSV or for Excel.
    Export,
    /// The export choice's answer: write the CSV of this flavor.
    #[strum(disabled)]
    ExportAs(crate::export::CsvFlavor),
    /// Copy the selected value to the clipboard (OSC 52).
    Copy,
    /// Open the selected app's AppSource or Teams link in the system browser.
    OpenLink,
    /// Show every link of the selected app whole.
    #[strum(serialize = "links")]
    ShowLinks,
    /// Show the log of this run: what loading noticed and every message shown.
    OpenLog,
    /// Return to where the last jump to another app came from (filter, sort, tab, selection).
    GoBack,
    /// Compare view: leave it for app A or B (the way back returns to the comparison).
    OpenAppA,
    OpenAppB,
    /// Mark the selected app for comparison, or unmark it.
    Mark,
    /// Compare the marked app with the selected one; with nothing else marked, pick the other.
    Compare,
    /// Compare the selected app as its decision was made on with the catalog's version.
    #[strum(serialize = "compare_reviewed")]
    CompareReviewed,
    /// Compare view: swap the two sides.
    Swap,
    /// Compare view: choose another app for one side through the picker.
    ReplaceLeft,
    ReplaceRight,
    /// Compare view: hide or show rows that are the same on both sides.
    OnlyDifferences,
    NextDifference,
    PreviousDifference,
    /// Open the tenant view (the tenant's service principals against their attestations).
    #[strum(serialize = "tenant")]
    OpenTenant,
    /// Cycle the question column: page text, English labels beside it, English labels.
    EnglishLabels,
    /// Show the selected app in its next language.
    NextLanguage,
    /// The note editor's answer: this app's note is now `text` (empty removes it).
    #[strum(disabled)]
    SetNote {
        app: usize,
        text: String,
    },
    /// The picker's answer when it was opened to start a comparison: compare `a` with `b`.
    #[strum(disabled)]
    CompareApps {
        a: usize,
        b: usize,
    },
    /// The picker's answer to the compare view below it: put this app on that side.
    #[strum(disabled)]
    PutOnSide {
        side: Side,
        app: usize,
    },
    /// The answer to `Effect::CheckQuit`: whether quitting may go ahead.
    #[strum(disabled)]
    QuitChecked(crate::review::QuitCheck),
    /// The answer to `Effect::Open` when no browser was started: the link was copied instead.
    #[strum(disabled)]
    LinkNotOpened {
        url: String,
        why: String,
    },
    /// Look whether another program changed the review file (a timer, the terminal regaining
    /// focus); the answer is [`Action::ReviewFileRead`].
    #[strum(disabled)]
    CheckReviewFile,
    /// The review file was read (by a save, whose message is `saved`, or by a check), and
    /// another program had changed these fields of these apps (by id).
    #[strum(disabled)]
    ReviewFileRead {
        saved: Option<String>,
        elsewhere: Vec<(String, crate::review::FieldSet)>,
    },
    /// Show a message in the status line (the answer to an effect done outside `update`).
    #[strum(disabled)]
    ShowMessage {
        text: String,
        error: bool,
    },
}

/// A side of the compare view: A on the left, B on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Action {
    /// The action a config name stands for, if a key can be bound to it.
    pub fn named(name: &str) -> Option<Action> {
        Action::from_str(name).ok()
    }

    /// The config name of this action, if a key can be bound to it.
    pub fn name(&self) -> Option<&'static str> {
        named_actions()
            .iter()
            .find(|(_, a)| same_variant(a, self))
            .map(|(n, _)| *n)
    }

    /// Every name a key can be bound to, in declaration order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        named_actions().iter().map(|(n, _)| *n)
    }
}

/// Equal, or both `SelectTab` (whose tab is where its key stands in the table, not its name).
fn same_variant(a: &Action, b: &Action) -> bool {
    a == b || matches!((a, b), (Action::SelectTab(_), Action::SelectTab(_)))
}

/// The names strum gives the variants, keeping those that parse (disabled ones do not).
fn named_actions() -> &'static [(&'static str, Action)] {
    static NAMED: OnceLock<Vec<(&'static str, Action)>> = OnceLock::new();
    NAMED.get_or_init(|| {
        Action::VARIANTS
            .iter()
            .filter_map(|n| Action::named(n).map(|a| (*n, a)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_disabled_variants_have_none() {
        assert_eq!(Action::named("up"), Some(Action::MoveUp));
        assert_eq!(Action::MoveUp.name(), Some("up"));
        assert_eq!(Action::ReplaceLeft.name(), Some("replace_left"));
        assert_eq!(Action::SelectTab(4).name(), Some("select_tab"));
        assert_eq!(Action::SearchInput('x').name(), None);
        assert_eq!(Action::named("search_input"), None);
        assert_eq!(Action::named("resize"), None);
        for name in Action::names() {
            assert_eq!(Action::named(name).and_then(|a| a.name()), Some(name));
        }
    }
}
