//! What a draw measured, handed back to the state (visible heights, scroll limits) and to the
//! mouse handling (hit areas). Drawing returns nothing else.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The rows of the app list (each app takes `LIST_ITEM_HEIGHT` lines).
    pub list: Rect,
    pub list_rows: usize,
    /// Clickable tab titles and their tab index.
    pub tabs: Vec<(Rect, usize)>,
    /// The rows of the current tab (one item a line).
    pub detail: Rect,
    /// How many items of the current tab are wholly on screen (an item may wrap over lines).
    pub detail_rows: usize,
    /// The item each screen line of the detail shows, top down, and the first shown item.
    pub detail_items: Vec<usize>,
    pub detail_offset: Option<usize>,
    /// The popup as a whole, and its selectable rows (permission popup) or text area.
    pub popup: Rect,
    pub popup_list: Rect,
    pub popup_rows: usize,
    pub popup_scroll_max: usize,
    pub help: Rect,
    pub help_rows: usize,
    pub help_scroll_max: usize,
    /// Visible rows of the permission index's columns.
    pub index_rows: usize,
    /// Visible rows of the tenant view's columns.
    pub tenant_rows: usize,
    /// The compare view's rows (one line each) and the picker's list.
    pub compare: Rect,
    pub compare_rows: usize,
    pub picker_list: Rect,
    pub picker_rows: usize,
}

/// Lines one app takes in the list: name and badge, then publisher and counts.
pub const LIST_ITEM_HEIGHT: u16 = 2;
