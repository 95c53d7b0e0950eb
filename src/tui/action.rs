//! Everything that can happen to the TUI state. Keys, mouse and resizes become one of these;
//! `State::update` is the only code that applies them.

use super::layout::ScreenLayout;
pub use super::state::compare::{CompareAction, Side};
use crate::review::Decision;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Enter: open what is selected (focus the detail, a popup, toggle a group, jump to an app).
    Activate,
    /// Move focus from the list to the detail.
    FocusDetail,
    /// Leave the current context: close the top overlay, return to the list, clear the filter.
    Back,
    /// h/←: previous tab, or back to the list from the first tab.
    Left,
    /// l/→: next tab, or into the detail from the list.
    Right,
    NextTab,
    PrevTab,
    /// Select tab N (0-based).
    SelectTab(usize),
    ToggleGroup,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    SearchAccept,
    SearchCancel,
    OpenHelp,
    CloseOverlay,
    /// Select an app (clearing a search that hides it) and show its Permissions tab on the
    /// permission of that name.
    JumpToApp {
        app: usize,
        permission: String,
    },
    /// Mouse: select tab N and focus the detail.
    ClickTab(usize),
    /// Mouse: select the app at this position of the shown list.
    ClickApp(usize),
    /// Mouse: select the row at this position of the current tab.
    ClickRow(usize),
    /// Mouse: select the item at this position of the popup's list.
    ClickPopupRow(usize),
    ScrollList(isize),
    ScrollDetail(isize),
    /// The terminal changed size: redraw.
    Resize,
    /// What the last draw measured: visible heights and scroll limits.
    Layout(Box<ScreenLayout>),
    // Triage: review, score, sort, permission index, export and links.
    /// Record a decision for the selected app (`None` clears it) and save.
    SetDecision(Option<Decision>),
    /// Bookmark or un-bookmark the selected app and save.
    ToggleBookmark,
    /// Open the note editor on the selected app's note.
    EditNote,
    NoteInput(char),
    NoteBackspace,
    NoteClear,
    /// Keep the edited note and save.
    NoteAccept,
    NoteCancel,
    /// Show how the selected app's score was computed.
    ExplainScore,
    /// Sort the list by the next key (relevance, name, publisher, score, permissions, updated).
    CycleSort,
    /// Open the permission index (every permission in the catalog, shared registrations).
    OpenPermIndex,
    /// Permission index: switch between permissions and shared registrations.
    IndexSwitch,
    /// Permission index: back from the apps column to the permissions column.
    IndexBack,
    /// Write the shown (filtered, sorted) list to a CSV file.
    Export,
    /// Copy the selected value to the clipboard (OSC 52).
    Copy,
    /// Open the selected app's AppSource or Teams link in the system browser.
    OpenLink,
    /// Show a message in the status line (the result of something done outside `update`).
    ShowMessage {
        text: String,
        error: bool,
    },
    /// Mark, open, swap, replace and step through the compare view.
    Compare(CompareAction),
}
