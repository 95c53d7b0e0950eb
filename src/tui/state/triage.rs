//! The triage features of `State::update`: review decisions, notes and bookmarks (saved at
//! once), the score explanation, the query-language filter and sort of the list, the permission
//! index, export, copy and open. `triage_update` sees every action first and handles its own.

use std::path::PathBuf;

use crate::model::Catalog;
use crate::query::{AppMatch, FilterContext, QueryError, parse_filter};
use crate::review::{Decision, Review};
use crate::risk::{AppRisk, RiskTable};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::workspace::{SortKey, app_order};

use super::State;
use super::items::{Item, TabKey};
use super::perm_index::{IndexTab, PermIndex};
use super::popup::{Overlay, Popup, Section};
use super::scroll::{Motion, Scroll};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Warning,
    Error,
}

/// A line for the status bar: what an action did, or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

/// Something `update` asks the event loop to do with the terminal or the system: it cannot do
/// them itself without a terminal handle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this (already sanitized) text on the clipboard with OSC 52.
    Copy(String),
    /// Open this http(s) address with the system opener, in the background.
    Open(String),
}

/// The note being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub app: usize,
    pub text: String,
}

/// Triage state of the TUI beyond the workspace itself.
#[derive(Debug, Clone)]
pub struct TriageUi {
    /// `None`: best match first (catalog order without a query).
    pub sort: Option<SortKey>,
    /// The error of the current query; the list keeps the last valid result meanwhile.
    pub query_error: Option<QueryError>,
    pub message: Option<Message>,
    /// Effects waiting for the event loop.
    pub effects: Vec<Effect>,
    /// Where `Export` writes its CSV files.
    pub export_dir: PathBuf,
    /// Risk summary and score of each app, by catalog index.
    pub risk: Vec<AppRisk>,
    pub totals: Vec<f64>,
}

impl TriageUi {
    pub fn new(
        catalog: &Catalog,
        risk: &RiskTable,
        scores: &[f64],
        warnings: &[String],
    ) -> TriageUi {
        let message = match warnings {
            [] => None,
            [one] => Some(one.clone()),
            [first, rest @ ..] => Some(format!("{first} (and {} more)", rest.len())),
        }
        .map(|text| Message {
            text,
            kind: MessageKind::Warning,
        });
        TriageUi {
            sort: None,
            query_error: None,
            message,
            effects: Vec::new(),
            export_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            risk: catalog.apps.iter().map(|a| AppRisk::of(a, risk)).collect(),
            totals: scores.to_vec(),
        }
    }
}

/// The sort after `current` in the cycle relevance → name → … → updated → relevance.
pub fn next_sort(current: Option<SortKey>) -> Option<SortKey> {
    match current {
        None => Some(SortKey::ALL[0]),
        Some(k) => {
            let i = SortKey::ALL.iter().position(|x| *x == k).unwrap_or(0);
            SortKey::ALL.get(i + 1).copied()
        }
    }
}

impl State {
    pub fn message(&self) -> Option<&Message> {
        self.triage_ui.message.as_ref()
    }

    /// Effects asked for since the last call (the event loop performs them).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.triage_ui.effects)
    }

    pub fn review_of(&self, app: usize) -> Option<&Review> {
        self.catalog
            .apps
            .get(app)
            .and_then(|a| self.triage.reviews.get(&a.id))
    }

    pub fn app_risk(&self, app: usize) -> AppRisk {
        self.triage_ui.risk.get(app).copied().unwrap_or_default()
    }

    pub fn score_of(&self, app: usize) -> Option<f64> {
        self.triage_ui.totals.get(app).copied()
    }

    fn say(&mut self, kind: MessageKind, text: impl Into<String>) {
        self.triage_ui.message = Some(Message {
            text: text.into(),
            kind,
        });
    }

    /// Tell what loading noticed once: notes in the status line only (they are routine for a
    /// real corpus and must not take the first keys), warnings also in a popup.
    pub(super) fn show_warnings(&mut self) {
        if self.triage.warnings.is_empty() {
            return;
        }
        let sections = self
            .triage
            .warnings
            .iter()
            .map(|w| Section {
                label: String::new(),
                text: w.clone(),
                value: None,
            })
            .collect();
        self.overlays.push(Overlay::Popup(Popup::Text {
            title: crate::tui::strings::WARNINGS_TITLE.to_string(),
            sections,
            scroll: 0,
        }));
    }

    /// The list's matches for its query and sort. A query that does not parse keeps the
    /// current matches and records the error (position and message) for the filter bar.
    pub(super) fn filtered_matches(&mut self) -> Vec<AppMatch> {
        let filter = match parse_filter(&self.list.query) {
            Ok(f) => f,
            Err(e) => {
                self.triage_ui.query_error = Some(e);
                return self.list.matches.clone();
            }
        };
        self.triage_ui.query_error = None;
        let ctx = FilterContext {
            catalog: &self.catalog,
            risk: &self.triage.risk,
            reviews: Some(&self.triage.reviews),
            scores: Some(&self.triage_ui.totals),
            tenant: self.triage.tenant.as_ref(),
        };
        let mut matches = ctx.apply(&filter, &self.searcher);
        if let Some(key) = self.triage_ui.sort {
            let (apps, totals) = (&self.catalog.apps, &self.triage_ui.totals);
            matches.sort_by(|a, b| app_order(key, apps, totals, a.index, b.index));
        }
        matches
    }

    /// A key press ends the status message, except an error while review changes are still
    /// unsaved: that one stays until a save succeeds. Returns whether one was removed.
    pub(super) fn expire_message(&mut self, action: &Action) -> bool {
        if matches!(
            action,
            Action::Layout(_) | Action::Resize | Action::ShowMessage { .. }
        ) {
            return false;
        }
        let keep = match &self.triage_ui.message {
            None => return false,
            Some(m) => m.kind == MessageKind::Error && self.triage.reviews.has_pending(),
        };
        if !keep {
            self.triage_ui.message = None;
        }
        !keep
    }

    /// Triage actions, and every action while the note editor or the permission index has the
    /// keyboard. `None`: not handled here, the general `update` goes on.
    pub(super) fn triage_update(&mut self, action: &Action) -> Option<bool> {
        match self.mode() {
            Mode::Note => return self.note_update(action),
            Mode::Index => {
                if let Some(r) = self.index_update(action) {
                    return Some(r);
                }
            }
            _ => {}
        }
        Some(match action {
            Action::SetDecision(d) => {
                let d = *d;
                let what = d.map_or("decision cleared", |d| match d {
                    Decision::Approved => "approved",
                    Decision::Blocked => "blocked",
                    Decision::NeedsReview => "marked as needing review",
                });
                self.change_review(what, move |r| r.decision = d)
            }
            Action::ToggleBookmark => {
                let on = self
                    .current_app_index()
                    .and_then(|i| self.review_of(i))
                    .is_some_and(|r| r.bookmark);
                let what = if on { "bookmark removed" } else { "bookmarked" };
                self.change_review(what, move |r| r.bookmark = !on)
            }
            Action::EditNote => match self.current_app_index() {
                Some(app) => {
                    let text = self.review_of(app).map(|r| r.note.clone());
                    self.overlays.push(Overlay::Note(NoteEditor {
                        app,
                        text: text.unwrap_or_default(),
                    }));
                    true
                }
                None => false,
            },
            Action::ExplainScore => match self.current_app_index() {
                Some(app) => {
                    self.overlays
                        .push(Overlay::Popup(Popup::Score { app, scroll: 0 }));
                    true
                }
                None => false,
            },
            Action::CycleSort => {
                self.triage_ui.sort = next_sort(self.triage_ui.sort);
                let before_key = self.current_tab().map(|t| t.key);
                let before_app = self.current_app_index();
                self.refilter_list();
                if self.current_app_index() != before_app {
                    self.app_changed(before_key);
                }
                true
            }
            Action::OpenPermIndex => {
                let ix = PermIndex::build(&self.catalog, &self.triage.risk, &self.index);
                self.overlays.push(Overlay::Index(Box::new(ix)));
                true
            }
            Action::Export => {
                self.export();
                true
            }
            Action::Copy => match self.copy_text() {
                Some(text) => self.copy(text),
                None => false,
            },
            Action::OpenLink => {
                self.open_link();
                true
            }
            Action::ShowMessage { text, error } => {
                let kind = if *error {
                    MessageKind::Error
                } else {
                    MessageKind::Info
                };
                self.say(kind, text.clone());
                true
            }
            _ => return None,
        })
    }

    /// Change the selected app's review and save at once. A failed save is shown and the
    /// change stays pending; the next change retries it.
    fn change_review(&mut self, what: &str, change: impl FnOnce(&mut Review)) -> bool {
        let Some(i) = self.current_app_index() else {
            return false;
        };
        self.change_review_of(i, what, change)
    }

    fn change_review_of(&mut self, i: usize, what: &str, change: impl FnOnce(&mut Review)) -> bool {
        let id = self.catalog.apps[i].id.clone();
        self.triage.reviews.update(&id, change);
        match self.triage.reviews.save() {
            Ok(()) => {
                let name = crate::text::sanitize(&self.catalog.apps[i].name).into_owned();
                self.say(MessageKind::Info, format!("{name}: {what}"));
            }
            Err(e) => self.say(MessageKind::Error, e.to_string()),
        }
        // A `review:` filter may no longer hold; keep the list true to its query.
        if !self.list.query.is_empty() {
            let before_key = self.current_tab().map(|t| t.key);
            let before_app = self.current_app_index();
            self.refilter_list();
            if self.current_app_index() != before_app {
                self.app_changed(before_key);
            }
        }
        true
    }

    fn note_update(&mut self, action: &Action) -> Option<bool> {
        let Some(Overlay::Note(editor)) = self.overlays.last_mut() else {
            return None;
        };
        Some(match action {
            // Control and format characters never enter a note.
            Action::NoteInput(c) if crate::text::is_unsafe_char(*c) => false,
            Action::NoteInput(c) => {
                editor.text.push(*c);
                true
            }
            Action::NoteBackspace => editor.text.pop().is_some(),
            Action::NoteClear => {
                editor.text.clear();
                true
            }
            Action::NoteCancel => self.overlays.pop().is_some(),
            Action::NoteAccept => {
                let (app, text) = (editor.app, editor.text.trim().to_string());
                self.overlays.pop();
                let what = if text.is_empty() {
                    "note removed"
                } else {
                    "note saved"
                };
                self.change_review_of(app, what, move |r| r.note = text)
            }
            Action::Quit | Action::Layout(_) | Action::Resize | Action::ShowMessage { .. } => {
                return None;
            }
            _ => false,
        })
    }

    fn index_update(&mut self, action: &Action) -> Option<bool> {
        let rows = self.layout.index_rows.max(1);
        let Some(Overlay::Index(ix)) = self.overlays.last_mut() else {
            return None;
        };
        let motion = match action {
            Action::MoveUp => Some(Motion::Up),
            Action::MoveDown => Some(Motion::Down),
            Action::PageUp => Some(Motion::PageUp),
            Action::PageDown => Some(Motion::PageDown),
            Action::HalfPageUp => Some(Motion::HalfUp),
            Action::HalfPageDown => Some(Motion::HalfDown),
            Action::Top => Some(Motion::Top),
            Action::Bottom => Some(Motion::Bottom),
            _ => None,
        };
        if let Some(m) = motion {
            return Some(ix.motion(m, rows));
        }
        Some(match action {
            Action::IndexSwitch => {
                ix.switch();
                true
            }
            Action::Activate if ix.in_apps => match ix.selected_app() {
                Some(app) => {
                    let permission = ix.selected_permission().to_string();
                    self.jump_to_app(app, &permission)
                }
                None => false,
            },
            Action::Activate => {
                if ix.selected_apps().is_empty() {
                    return Some(false);
                }
                ix.in_apps = true;
                ix.apps = Scroll::default();
                true
            }
            Action::IndexBack if ix.in_apps => {
                ix.in_apps = false;
                true
            }
            Action::IndexBack => self.overlays.pop().is_some(),
            Action::Copy => {
                let text = if ix.in_apps {
                    ix.selected_app().map(|a| self.catalog.apps[a].id.clone())
                } else {
                    match ix.tab {
                        IndexTab::Permissions => {
                            ix.perms.get(ix.rows.selected).map(|e| e.name.clone())
                        }
                        IndexTab::Registrations => {
                            ix.regs.get(ix.rows.selected).map(|e| e.id.clone())
                        }
                    }
                };
                match text {
                    Some(t) => self.copy(t),
                    None => false,
                }
            }
            _ => return None,
        })
    }

    /// What `y` copies: in the list the app id; in the detail the selected row's answer, the
    /// permission name or the registration GUID.
    fn copy_text(&self) -> Option<String> {
        let app = self.current_app()?;
        if self.mode() != Mode::Detail {
            return Some(app.id.clone());
        }
        let tab = self.current_tab()?;
        let st = self.tab_state(&tab.key);
        let item = self.items().get(st.scroll.selected).copied()?;
        if tab.key == TabKey::Permissions || tab.zone.is_none() {
            return match item {
                Item::Perm(p, _) => app.permissions.get(p).map(|p| p.name.clone()),
                Item::Group(g) | Item::GroupInfo(g) => self
                    .perm_groups()
                    .get(g)
                    .and_then(|g| g.registration.clone()),
                _ => None,
            };
        }
        match super::popup::text_popup(app, tab.zone?, item)? {
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

    fn copy(&mut self, text: String) -> bool {
        let clean = crate::text::sanitize(&text).trim().to_string();
        if clean.is_empty() {
            self.say(MessageKind::Warning, "nothing to copy");
            return true;
        }
        let shown: String = clean.chars().take(40).collect();
        let more = if clean.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        self.say(MessageKind::Info, format!("copied: {shown}{more}"));
        self.triage_ui.effects.push(Effect::Copy(clean));
        true
    }

    fn open_link(&mut self) {
        let Some(app) = self.current_app() else {
            return;
        };
        let links = &app.links;
        let Some(url) = links.appsource.as_ref().or(links.teams.as_ref()) else {
            self.say(
                MessageKind::Warning,
                "this app has no AppSource or Teams link",
            );
            return;
        };
        let url = url.trim().to_string();
        let lower = url.to_ascii_lowercase();
        let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
            && !url.chars().any(|c| c.is_control() || c.is_whitespace());
        if ok {
            let shown = crate::text::sanitize(&url).into_owned();
            self.say(MessageKind::Info, format!("opening {shown}"));
            self.triage_ui.effects.push(Effect::Open(url));
        } else {
            let shown = crate::text::sanitize(&url).into_owned();
            self.say(
                MessageKind::Error,
                format!("not opening {shown:?}: only http and https links are opened"),
            );
        }
    }

    /// Write the shown list (filter and sort as on screen) to a timestamped CSV file.
    fn export(&mut self) {
        let indices: Vec<usize> = self.list.matches.iter().map(|m| m.index).collect();
        let rows = indices.iter().map(|&i| {
            let app = &self.catalog.apps[i];
            crate::export::app_cells(
                app,
                self.score_of(i).unwrap_or(0.0),
                &self.app_risk(i),
                self.triage.reviews.get(&app.id),
            )
        });
        let text = match crate::export::csv(rows, true) {
            Ok(t) => t,
            Err(e) => {
                self.say(MessageKind::Error, format!("cannot export: {e}"));
                return;
            }
        };
        let name = format!("attest-tui-export-{}.csv", crate::export::timestamp_now());
        let path = self.triage_ui.export_dir.join(name);
        match crate::review::write_atomic(&path, text.as_bytes()) {
            Ok(()) => self.say(
                MessageKind::Info,
                format!("exported {} apps to {}", indices.len(), path.display()),
            ),
            Err(e) => self.say(
                MessageKind::Error,
                format!("cannot export to {}: {e}", path.display()),
            ),
        }
    }
}
