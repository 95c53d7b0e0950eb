//! `State::update`: every change to the state goes through here.

use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::layout::ScreenLayout;

use super::items::{Item, TabKey};
use super::popup::{self, Overlay, Popup, SearchTarget};
use super::scroll::{self, Motion, Scroll};
use super::{Focus, State};

impl State {
    /// Apply one action. Returns whether anything visible changed (the screen needs a redraw).
    pub fn update(&mut self, action: Action) -> bool {
        let expired = self.expire_message(&action);
        if let Some(changed) = self.compare_update(&action) {
            return changed || expired;
        }
        if let Some(changed) = self.triage_update(&action) {
            return changed || expired;
        }
        self.apply(action) || expired
    }

    fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => self.request_quit(),
            Action::MoveUp => self.motion(Motion::Up),
            Action::MoveDown => self.motion(Motion::Down),
            Action::PageUp => self.motion(Motion::PageUp),
            Action::PageDown => self.motion(Motion::PageDown),
            Action::HalfPageUp => self.motion(Motion::HalfUp),
            Action::HalfPageDown => self.motion(Motion::HalfDown),
            Action::Top => self.motion(Motion::Top),
            Action::Bottom => self.motion(Motion::Bottom),
            Action::Activate => self.activate(),
            Action::FocusDetail => self.focus_detail(),
            Action::Back => self.back(),
            Action::Left => match self.focus {
                Focus::Detail if self.tab_index() == 0 => self.set_focus(Focus::List),
                Focus::Detail => self.select_tab(self.tab_index() - 1),
                Focus::List => false,
            },
            Action::Right => match self.focus {
                Focus::List => self.focus_detail(),
                Focus::Detail => self.select_tab(self.tab_index() + 1),
            },
            Action::NextTab => {
                let n = self.tabs().len();
                n > 0 && self.select_tab((self.tab_index() + 1) % n)
            }
            Action::PrevTab => {
                let n = self.tabs().len();
                n > 0 && self.select_tab((self.tab_index() + n - 1) % n)
            }
            Action::SelectTab(i) => self.select_tab(i),
            Action::ClickTab(i) => {
                let searching = self.pop_search();
                let focused = self.focus_detail();
                self.select_tab(i) || focused || searching
            }
            Action::JumpToApp { app, permission } => self.jump_to_app(app, &permission),
            Action::ToggleGroup => self.toggle_group(),
            Action::StartSearch => {
                let target = match self.focus {
                    Focus::List => SearchTarget::List,
                    Focus::Detail if self.current_tab().is_some() => SearchTarget::Tab,
                    Focus::Detail => return false,
                };
                self.overlays.push(Overlay::Search(target));
                true
            }
            Action::SearchInput(c) => self.edit_query(|q| q.push(c), false),
            Action::SearchBackspace => self.edit_query(
                |q| {
                    q.pop();
                },
                false,
            ),
            Action::SearchClear => self.edit_query(String::clear, true),
            Action::SearchAccept => self.pop_search(),
            Action::SearchCancel => {
                self.edit_query(String::clear, true);
                self.pop_search()
            }
            Action::OpenHelp => {
                self.overlays.push(Overlay::Help { scroll: 0 });
                true
            }
            Action::CloseOverlay => self.overlays.pop().is_some(),
            Action::ClickApp(pos) => {
                let searching = self.pop_search();
                let moved = self.move_list(Motion::To(pos));
                let focused = self.set_focus(Focus::List);
                searching || moved || focused
            }
            Action::ClickRow(_) if self.current_app().is_none() => false,
            Action::ClickRow(pos) => {
                let searching = self.pop_search();
                let focused = self.set_focus(Focus::Detail);
                let moved = self.move_tab(Motion::To(pos));
                searching || moved || focused
            }
            Action::ClickPopupRow(pos) => match self.overlays.last_mut() {
                Some(Overlay::Popup(Popup::Permission { others, list, .. })) => {
                    list.apply(Motion::To(pos), others.len(), self.layout.popup_rows)
                }
                _ => false,
            },
            Action::ScrollList(d) => self.move_list(Motion::By(d)),
            Action::ScrollDetail(d) => self.move_tab(Motion::By(d)),
            Action::Resize => true,
            Action::Layout(layout) => self.set_layout(*layout),
            // Handled by `triage_update` where they apply; elsewhere (wrong mode) nothing.
            Action::SetDecision(_)
            | Action::ToggleBookmark
            | Action::EditNote
            | Action::NoteInput(_)
            | Action::NoteBackspace
            | Action::NoteClear
            | Action::NoteAccept
            | Action::NoteCancel
            | Action::ExplainScore
            | Action::CycleSort
            | Action::OpenPermIndex
            | Action::IndexSwitch
            | Action::IndexBack
            | Action::Export
            | Action::Copy
            | Action::OpenLink
            | Action::ShowMessage { .. } => false,
            // Taken by `compare_update` above.
            Action::Compare(_) => false,
        }
    }

    fn set_focus(&mut self, focus: Focus) -> bool {
        let changed = self.focus != focus;
        self.focus = focus;
        changed
    }

    fn focus_detail(&mut self) -> bool {
        self.current_app().is_some() && self.set_focus(Focus::Detail)
    }

    fn motion(&mut self, m: Motion) -> bool {
        match self.overlays.last_mut() {
            Some(Overlay::Help { scroll }) => {
                let (max, rows) = (self.layout.help_scroll_max, self.layout.help_rows);
                scroll::scroll_text(scroll, m, max, rows)
            }
            Some(Overlay::Popup(Popup::Text { scroll, .. } | Popup::Score { scroll, .. })) => {
                let (max, rows) = (self.layout.popup_scroll_max, self.layout.popup_rows);
                scroll::scroll_text(scroll, m, max, rows)
            }
            Some(Overlay::Popup(Popup::Permission { others, list, .. })) => {
                list.apply(m, others.len(), self.layout.popup_rows)
            }
            Some(Overlay::Search(SearchTarget::List)) => self.move_list(m),
            Some(Overlay::Search(SearchTarget::Tab)) => self.move_tab(m),
            Some(Overlay::Note(_) | Overlay::Index(_)) => false,
            Some(Overlay::Compare(_) | Overlay::Picker(_)) => false,
            None => match self.focus {
                Focus::List => self.move_list(m),
                Focus::Detail => self.move_tab(m),
            },
        }
    }

    /// Move the app selection, keeping the tab by kind and resetting per-app scrolls.
    fn move_list(&mut self, m: Motion) -> bool {
        let before_app = self.current_app_index();
        let before_key = self.current_tab().map(|t| t.key);
        let changed = self
            .list
            .scroll
            .apply(m, self.list.matches.len(), self.layout.list_rows);
        if self.current_app_index() != before_app {
            self.app_changed(before_key);
        }
        changed
    }

    pub(super) fn app_changed(&mut self, previous_tab: Option<TabKey>) {
        for st in self.tab_states.values_mut() {
            st.scroll = Scroll::default();
        }
        let tabs = self.tabs();
        self.tab = previous_tab
            .and_then(|k| tabs.iter().position(|t| t.key == k))
            .unwrap_or(0);
        if self.current_app().is_none() && self.focus == Focus::Detail {
            self.focus = Focus::List;
        }
    }

    fn move_tab(&mut self, m: Motion) -> bool {
        let Some(tab) = self.current_tab() else {
            return false;
        };
        let len = self.items().len();
        let rows = self.layout.detail_rows;
        self.tab_states
            .entry(tab.key)
            .or_default()
            .scroll
            .apply(m, len, rows)
    }

    fn select_tab(&mut self, i: usize) -> bool {
        if i >= self.tabs().len() || i == self.tab_index() {
            return false;
        }
        self.tab = i;
        true
    }

    fn current_item(&self) -> Option<Item> {
        let st = self.current_tab_state();
        self.items().get(st.scroll.selected).copied()
    }

    fn activate(&mut self) -> bool {
        match self.mode() {
            Mode::List => self.focus_detail(),
            Mode::Detail => {
                let (Some(app_i), Some(tab), Some(item)) = (
                    self.current_app_index(),
                    self.current_tab(),
                    self.current_item(),
                ) else {
                    return false;
                };
                let app = &self.catalog.apps[app_i];
                let popup = match (item, tab.zone) {
                    (Item::Group(_) | Item::GroupInfo(_), _) => return self.toggle_group(),
                    (Item::Perm(p, _), _) => Some(Popup::Permission {
                        app: app_i,
                        perm: p,
                        others: self
                            .index
                            .apps_with_permission(&app.permissions[p].name, app_i),
                        list: Scroll::default(),
                    }),
                    (item, Some(z)) => popup::text_popup(app, z, item),
                    _ => None,
                };
                match popup {
                    Some(p) => {
                        self.overlays.push(Overlay::Popup(p));
                        true
                    }
                    None => false,
                }
            }
            Mode::Popup => match self.overlays.last() {
                Some(Overlay::Popup(Popup::Permission {
                    app,
                    perm,
                    others,
                    list,
                })) => match others.get(list.selected) {
                    Some(&target) => {
                        let name = self.catalog.apps[*app].permissions[*perm].name.clone();
                        self.jump_to_app(target, &name);
                        true
                    }
                    None => false,
                },
                _ => self.overlays.pop().is_some(),
            },
            Mode::Search | Mode::Help | Mode::Note | Mode::Index => false,
            Mode::Compare | Mode::Picker => false,
        }
    }

    /// Select an app (clearing the search if it hides it), open its Permissions tab on the
    /// permission of that name, and focus the detail.
    pub(super) fn jump_to_app(&mut self, app: usize, permission: &str) -> bool {
        if app >= self.catalog.apps.len() {
            return false;
        }
        self.overlays.clear();
        if !self.list.matches.iter().any(|m| m.index == app) {
            self.list.query.clear();
            self.refilter_list();
        }
        if let Some(pos) = self.list.matches.iter().position(|m| m.index == app) {
            self.move_list(Motion::To(pos));
        }
        let tabs = self.tabs();
        if let Some(t) = tabs.iter().position(|t| t.key == TabKey::Permissions) {
            self.tab = t;
        }
        self.focus = Focus::Detail;
        // Show the permission even when its group was collapsed.
        if let Some(p) = self.catalog.apps[app]
            .permissions
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(permission))
        {
            let key = p.registration.clone().unwrap_or_default();
            self.collapsed.remove(&key);
        }
        let target = self.items().iter().position(|it| match it {
            Item::Perm(p, _) => self.catalog.apps[app].permissions[*p]
                .name
                .eq_ignore_ascii_case(permission),
            _ => false,
        });
        if let Some(pos) = target {
            self.move_tab(Motion::To(pos));
        }
        true
    }

    fn back(&mut self) -> bool {
        match self.focus {
            Focus::Detail => self.set_focus(Focus::List),
            Focus::List if !self.list.query.is_empty() => {
                self.list.query.clear();
                self.refilter_list();
                true
            }
            Focus::List => false,
        }
    }

    fn toggle_group(&mut self) -> bool {
        let Some(Item::Group(g) | Item::GroupInfo(g) | Item::Perm(_, g)) = self.current_item()
        else {
            return false;
        };
        let Some(group) = self.perm_groups().into_iter().nth(g) else {
            return false;
        };
        let key = group.key();
        if !self.collapsed.remove(&key) {
            self.collapsed.insert(key);
        }
        // Keep the cursor on the group header, whose position may have moved.
        if let Some(pos) = self.items().iter().position(|it| *it == Item::Group(g)) {
            self.move_tab(Motion::To(pos));
        }
        true
    }

    /// Change the search query of the list or of the current tab. Typing selects the best
    /// match; clearing (`keep_selection`) keeps the app under the cursor selected.
    fn edit_query(&mut self, edit: impl FnOnce(&mut String), keep_selection: bool) -> bool {
        match self.search_target().cloned() {
            Some(SearchTarget::List) => {
                let before = self.list.query.clone();
                edit(&mut self.list.query);
                if before == self.list.query {
                    return false;
                }
                let before_key = self.current_tab().map(|t| t.key);
                let before_app = self.current_app_index();
                self.refilter_list();
                if !keep_selection {
                    self.list.scroll = Scroll::default();
                }
                if self.current_app_index() != before_app {
                    self.app_changed(before_key);
                }
                true
            }
            Some(SearchTarget::Tab) => {
                let Some(tab) = self.current_tab() else {
                    return false;
                };
                let st = self.tab_states.entry(tab.key).or_default();
                let before = st.filter.clone();
                edit(&mut st.filter);
                if before == st.filter {
                    return false;
                }
                st.scroll = Scroll::default();
                true
            }
            None => false,
        }
    }

    /// Re-run the app search, keeping the selected app selected when it still matches.
    pub(super) fn refilter_list(&mut self) {
        let selected = self.current_app_index();
        self.list.matches = self.filtered_matches();
        let pos = selected
            .and_then(|a| self.list.matches.iter().position(|m| m.index == a))
            .unwrap_or(0);
        self.list.scroll.selected = pos;
        self.list
            .scroll
            .clamp(self.list.matches.len(), self.layout.list_rows);
    }

    fn pop_search(&mut self) -> bool {
        match self.overlays.last() {
            Some(Overlay::Search(_)) => {
                self.overlays.pop();
                true
            }
            _ => false,
        }
    }

    /// Take the measured layout and keep every selection valid and on screen with it.
    fn set_layout(&mut self, layout: ScreenLayout) -> bool {
        let before = (self.list.scroll, self.current_tab_state().scroll);
        self.layout = layout;
        self.list
            .scroll
            .clamp(self.list.matches.len(), self.layout.list_rows);
        if let Some(tab) = self.current_tab() {
            let len = self.items().len();
            let rows = self.layout.detail_rows;
            self.tab_states
                .entry(tab.key)
                .or_default()
                .scroll
                .clamp(len, rows);
        }
        let (popup_max, popup_rows, help_max) = (
            self.layout.popup_scroll_max,
            self.layout.popup_rows,
            self.layout.help_scroll_max,
        );
        let mut overlay_changed = false;
        for o in &mut self.overlays {
            match o {
                Overlay::Help { scroll } if *scroll > help_max => {
                    *scroll = help_max;
                    overlay_changed = true;
                }
                Overlay::Popup(Popup::Text { scroll, .. } | Popup::Score { scroll, .. })
                    if *scroll > popup_max =>
                {
                    *scroll = popup_max;
                    overlay_changed = true;
                }
                Overlay::Popup(Popup::Permission { others, list, .. }) => {
                    let b = *list;
                    list.clamp(others.len(), popup_rows);
                    overlay_changed |= b != *list;
                }
                _ => {}
            }
        }
        overlay_changed || before != (self.list.scroll, self.current_tab_state().scroll)
    }
}
