//! The bottom of the stack: the app list and the detail pane, which get every action no layer
//! took. Moving, tabs, groups and filters change the panes here; opening something answers
//! with the layer to push, and what needs the outside world with an effect.

use crate::tui::action::Action;
use crate::tui::effects::{Effect, is_web_link};

use super::items::Item;
use super::layers::{
    CompareView, Help, Layer, NoteEditor, Outcome, PermIndex, PickFor, Picker, Popup, SearchTarget,
    TenantView, text_popup,
};
use super::messages::MessageKind;
use super::scroll::Motion;
use super::{Focus, State};

impl State {
    pub(super) fn panes(&mut self, action: &Action) -> Outcome {
        if let Some(m) = Motion::of(action) {
            return Outcome::changed(match self.ui.focus {
                Focus::List => self.move_list(m),
                Focus::Detail => self.move_tab(m),
            });
        }
        let changed = match action {
            Action::Activate => return self.activate(),
            Action::Back => self.back(),
            Action::GoBack => self.go_back(),
            Action::OpenLog => return Outcome::Push(Layer::Popup(self.log_popup())),
            Action::Left => match self.ui.focus {
                Focus::Detail if self.tab_index() == 0 => self.set_focus(Focus::List),
                Focus::Detail => self.select_tab(self.tab_index() - 1),
                Focus::List => false,
            },
            Action::Right => match self.ui.focus {
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
            Action::SelectTab(i) => self.select_tab(*i),
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::ClickTab(i) => {
                let focused = self.focus_detail();
                self.select_tab(*i) || focused
            }
            Action::ToggleGroup => self.toggle_group(),
            Action::ToggleWrap => {
                self.ui.wrap = !self.ui.wrap;
                true
            }
            Action::StartSearch => {
                let target = match self.ui.focus {
                    Focus::List => SearchTarget::List,
                    Focus::Detail if self.current_tab().is_some() => SearchTarget::Tab,
                    Focus::Detail => return Outcome::Unchanged,
                };
                return Outcome::Push(Layer::Search(target));
            }
            Action::SearchInput(c) => self.edit_query(|q| q.push(*c), false),
            Action::SearchBackspace => self.edit_query(
                |q| {
                    q.pop();
                },
                false,
            ),
            Action::SearchClear => self.edit_query(String::clear, true),
            Action::OpenHelp => {
                let help = Help::open(&self.ui.keymap, self.mode());
                return Outcome::Push(Layer::Help(help));
            }
            Action::ClickApp(pos) => {
                let moved = self.move_list(Motion::To(*pos));
                self.set_focus(Focus::List) || moved
            }
            Action::ClickRow(_) if self.current_app().is_none() => false,
            Action::ClickRow(pos) => {
                let focused = self.set_focus(Focus::Detail);
                self.move_tab(Motion::To(*pos)) || focused
            }
            Action::ScrollList(d) => self.move_list(Motion::By(*d)),
            Action::ScrollDetail(d) => self.move_tab(Motion::By(*d)),
            Action::Approve | Action::Block | Action::NeedsReview | Action::ClearDecision => {
                return self.decide(action);
            }
            Action::ToggleBookmark => return self.toggle_bookmark(),
            Action::EditNote => {
                let Some(app) = self.current_app_index() else {
                    return Outcome::Unchanged;
                };
                let text = self.workspace.review_of(app).map(|r| r.note.clone());
                return Outcome::Push(Layer::Note(NoteEditor {
                    app,
                    text: text.unwrap_or_default(),
                }));
            }
            Action::ExplainScore => {
                let popup = self
                    .current_app_index()
                    .and_then(|app| Popup::score(&self.workspace, app));
                return popup.map_or(Outcome::Unchanged, |p| Outcome::Push(Layer::Popup(p)));
            }
            Action::CycleSort => {
                self.ui.list.sort = super::list::next_sort(self.ui.list.sort);
                self.refilter_and_reselect();
                true
            }
            Action::OpenPermIndex => {
                let ws = &self.workspace;
                let ix = PermIndex::build(&ws.catalog, &ws.risk, &ws.index);
                return Outcome::Push(Layer::Index(Box::new(ix)));
            }
            Action::EnglishLabels => self.toggle_labels(),
            Action::NextLanguage => self.next_language(),
            Action::OpenTenant => {
                let view = TenantView::new(self.workspace.tenant.as_ref());
                return Outcome::Push(Layer::Tenant(Box::new(view)));
            }
            Action::Export => {
                let apps = self.ui.list.matches.len();
                let list = crate::tui::state::scroll::Scroll::default();
                return Outcome::Push(Layer::Popup(Popup::Export { apps, list }));
            }
            Action::ExportAs(flavor) => return self.export(*flavor),
            Action::Copy => return self.copy(),
            Action::OpenLink => return self.open_link(),
            Action::ShowLinks => {
                let popup = self.links_popup(None);
                return popup.map_or(Outcome::Unchanged, |p| Outcome::Push(Layer::Popup(p)));
            }
            Action::Mark => {
                let Some(cur) = self.current_app_index() else {
                    return Outcome::Unchanged;
                };
                self.ui.marked = (self.ui.marked != Some(cur)).then_some(cur);
                true
            }
            Action::Compare => return self.compare(),
            Action::CompareReviewed => return self.compare_reviewed(),
            Action::CompareApps { a, b } => {
                let ws = &self.workspace;
                let view = CompareView::new(&ws.catalog, &ws.risk, *a, *b);
                return Outcome::Push(Layer::Compare(Box::new(view)));
            }
            _ => false,
        };
        Outcome::changed(changed)
    }

    /// `n`/`N` in a pane: its `/` filters, so every shown row matches and the next match is
    /// the next row, wrapping around. Without a query there is nothing to go to.
    fn step_match(&mut self, forward: bool) -> bool {
        let (query, len, at) = match self.ui.focus {
            Focus::List => {
                let list = &self.ui.list;
                (list.query.clone(), list.matches.len(), list.scroll.selected)
            }
            Focus::Detail => {
                let st = self.current_tab_state();
                (st.filter, self.items().len(), st.scroll.selected)
            }
        };
        if query.trim().is_empty() || len == 0 {
            return false;
        }
        let to = if forward {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        };
        match self.ui.focus {
            Focus::List => self.move_list(Motion::To(to)),
            Focus::Detail => self.move_tab(Motion::To(to)),
        }
    }

    fn set_focus(&mut self, focus: Focus) -> bool {
        let changed = self.ui.focus != focus;
        self.ui.focus = focus;
        changed
    }

    fn focus_detail(&mut self) -> bool {
        self.current_app().is_some() && self.set_focus(Focus::Detail)
    }

    fn select_tab(&mut self, i: usize) -> bool {
        if i >= self.tabs().len() || i == self.tab_index() {
            return false;
        }
        self.ui.tab = i;
        true
    }

    pub(super) fn move_tab(&mut self, m: Motion) -> bool {
        let Some(tab) = self.current_tab() else {
            return false;
        };
        let len = self.items().len();
        let rows = self.ui.layout.detail_rows;
        self.ui
            .tab_states
            .entry(tab.key)
            .or_default()
            .scroll
            .apply(m, len, rows)
    }

    fn current_item(&self) -> Option<Item> {
        let st = self.current_tab_state();
        self.items().get(st.scroll.selected).copied()
    }

    /// Enter: from the list into the detail; in the detail the row whole, the permission and
    /// who else requests it, or a group collapsed.
    fn activate(&mut self) -> Outcome {
        if self.ui.focus == Focus::List {
            return Outcome::changed(self.focus_detail());
        }
        let (Some(app_i), Some(tab), Some(item)) = (
            self.current_app_index(),
            self.current_tab(),
            self.current_item(),
        ) else {
            return Outcome::Unchanged;
        };
        let ws = &self.workspace;
        let popup = match (item, tab.zone) {
            // A registration other apps use too: the list of them (Space still collapses).
            (Item::Group(g) | Item::GroupInfo(g), _) => {
                let shared = self
                    .perm_groups()
                    .get(g)
                    .and_then(|g| g.registration.clone())
                    .filter(|r| !ws.index.apps_with_registration(r, app_i).is_empty());
                match shared {
                    Some(guid) => Some(Popup::registration(ws, app_i, &guid)),
                    None => return Outcome::changed(self.toggle_group()),
                }
            }
            (Item::Perm(p, _), _) => Popup::permission(ws, app_i, p),
            (Item::Undeclared(i), _) => self.undeclared_popup(i),
            (item, Some(z)) => text_popup(&ws.catalog.apps[app_i], z, item),
            _ => None,
        };
        popup.map_or(Outcome::Unchanged, |p| Outcome::Push(Layer::Popup(p)))
    }

    fn back(&mut self) -> bool {
        match self.ui.focus {
            Focus::Detail => self.set_focus(Focus::List),
            Focus::List if !self.ui.list.query.is_empty() => {
                self.ui.list.query.clear();
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
        if !self.ui.collapsed.remove(&key) {
            self.ui.collapsed.insert(key);
        }
        // Keep the cursor on the group header, whose position may have moved.
        if let Some(pos) = self.items().iter().position(|it| *it == Item::Group(g)) {
            self.move_tab(Motion::To(pos));
        }
        true
    }

    /// Change the search query of the focused pane: the list's or the current tab's. Typing
    /// selects the best match; clearing (`keep_selection`) keeps the app under the cursor.
    fn edit_query(&mut self, edit: impl FnOnce(&mut String), keep_selection: bool) -> bool {
        match self.ui.focus {
            Focus::List => self.edit_list_query(edit, keep_selection),
            Focus::Detail => {
                let Some(tab) = self.current_tab() else {
                    return false;
                };
                let st = self.ui.tab_states.entry(tab.key).or_default();
                let before = st.filter.clone();
                edit(&mut st.filter);
                if before == st.filter {
                    return false;
                }
                st.scroll = Default::default();
                true
            }
        }
    }

    /// `c`: the marked app against the selected one, or the picker for the other app.
    fn compare(&mut self) -> Outcome {
        let Some(cur) = self.current_app_index() else {
            return Outcome::Unchanged;
        };
        let ws = &self.workspace;
        let layer = match self.ui.marked {
            Some(m) if m != cur && m < ws.catalog.apps.len() => {
                Layer::Compare(Box::new(CompareView::new(&ws.catalog, &ws.risk, m, cur)))
            }
            _ => Layer::Picker(Picker::new(&ws.searcher, PickFor::Open { a: cur }, cur)),
        };
        Outcome::Push(layer)
    }

    /// What `y` copies: in the list the app id; in the detail the selected row's answer, the
    /// permission name or the registration GUID.
    fn copy_text(&self) -> Option<String> {
        let app = self.current_app()?;
        if self.ui.focus != Focus::Detail {
            return Some(app.id.clone());
        }
        let tab = self.current_tab()?;
        let item = self.current_item()?;
        let Some(zone) = tab.zone else {
            return match item {
                Item::Perm(p, _) => app.permissions.get(p).map(|p| p.name.clone()),
                Item::Group(g) | Item::GroupInfo(g) => self
                    .perm_groups()
                    .get(g)
                    .and_then(|g| g.registration.clone()),
                _ => None,
            };
        };
        match text_popup(app, zone, item)? {
            Popup::Text { sections, .. } => {
                let answer = sections.iter().find(|s| s.value.is_some());
                Some(match answer {
                    Some(s) => s.text.clone(),
                    None => sections
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\t"),
                })
            }
            _ => None,
        }
    }

    fn copy(&mut self) -> Outcome {
        let Some(text) = self.copy_text() else {
            return Outcome::Unchanged;
        };
        let clean = crate::text::sanitize(&text).trim().to_string();
        if clean.is_empty() {
            self.say(MessageKind::Warning, "nothing to copy");
            return Outcome::Changed;
        }
        Outcome::Effect(Effect::Copy(clean))
    }

    fn open_link(&mut self) -> Outcome {
        let Some(app) = self.current_app() else {
            return Outcome::Unchanged;
        };
        let links = &app.links;
        let Some(url) = links.appsource.as_ref().or(links.teams.as_ref()) else {
            self.say(
                MessageKind::Warning,
                "this app has no AppSource or Teams link",
            );
            return Outcome::Changed;
        };
        let url = url.trim().to_string();
        if is_web_link(&url) {
            return Outcome::Effect(Effect::Open(url));
        }
        let shown = crate::text::sanitize(&url).into_owned();
        self.say(
            MessageKind::Error,
            format!("not opening {shown:?}: only http and https links are opened"),
        );
        Outcome::Changed
    }

    /// The shown list (filter and sort as on screen) as CSV, for the event loop to write.
    fn export(&mut self, flavor: crate::export::CsvFlavor) -> Outcome {
        let ws = &self.workspace;
        let indices: Vec<usize> = self.ui.list.matches.iter().map(|m| m.index).collect();
        let rows = indices.iter().map(|&i| {
            let app = &ws.catalog.apps[i];
            crate::export::app_cells(
                app,
                ws.score_of(i).unwrap_or(0.0),
                &ws.app_risk(i),
                ws.reviews.get(&app.id),
            )
        });
        match crate::export::csv(rows, flavor) {
            Ok(csv) => Outcome::Effect(Effect::ExportCsv {
                csv: csv.as_str().to_string(),
                apps: indices.len(),
            }),
            Err(e) => {
                self.say(MessageKind::Error, format!("cannot export: {e}"));
                Outcome::Changed
            }
        }
    }
}
