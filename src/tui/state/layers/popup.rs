//! Popups over the panes: a row, table row or note shown whole; a permission with the other
//! apps that request it (Enter jumps to one); how an app's score was computed.

use super::{Context, JumpTo, Outcome};
use crate::model::{Answer, App, Block};
use crate::tui::action::Action;
use crate::tui::layout::ScreenLayout;
use crate::tui::state::items::Item;
use crate::tui::state::scroll::{Motion, Scroll, scroll_text};
use crate::tui::state::workspace::Workspace;
use crate::tui::strings;

/// One labelled paragraph of a text popup; `value` colors it as an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub label: String,
    pub text: String,
    pub value: Option<Answer>,
}

impl Section {
    pub fn new(
        label: impl Into<String>,
        text: impl Into<String>,
        value: Option<Answer>,
    ) -> Section {
        Section {
            label: label.into(),
            text: text.into(),
            value,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// A row, table row or note shown whole.
    Text {
        title: String,
        sections: Vec<Section>,
        scroll: usize,
    },
    /// A permission: its justification, and the other apps requesting it (selectable).
    Permission {
        app: usize,
        perm: usize,
        others: Vec<usize>,
        list: Scroll,
    },
    /// A registration GUID and the other apps that use it (selectable; Enter jumps).
    Registration {
        app: usize,
        guid: String,
        apps: Vec<usize>,
        list: Scroll,
        /// Narrows `apps` by name or publisher (see [`Popup::shown_apps`]); the hook for the
        /// list search, empty until a search sets it.
        filter: String,
    },
    /// How an app's score was computed (explained once, when the popup opens).
    Score {
        app: usize,
        explanation: Vec<String>,
        scroll: usize,
    },
    /// Which CSV to export the shown apps as ([`EXPORT_CHOICES`], the selected one on Enter).
    Export { apps: usize, list: Scroll },
}

/// The export choices, in the order shown: plain CSV first, as the CLI's default.
pub const EXPORT_CHOICES: [crate::export::CsvFlavor; 2] = [
    crate::export::CsvFlavor::Plain,
    crate::export::CsvFlavor::Excel,
];

impl Popup {
    pub fn text(title: impl Into<String>, sections: Vec<Section>) -> Popup {
        Popup::Text {
            title: title.into(),
            sections,
            scroll: 0,
        }
    }

    /// The score popup of an app: its score card explained with the configured weights.
    pub fn score(ws: &Workspace, app: usize) -> Option<Popup> {
        let a = ws.app(app)?;
        let score = &ws.config.score;
        let explanation = crate::score::score_app(a, &ws.risk, score).explain(score);
        Some(Popup::Score {
            app,
            explanation,
            scroll: 0,
        })
    }

    /// The permission popup of `app`'s permission `perm`.
    pub fn permission(ws: &Workspace, app: usize, perm: usize) -> Option<Popup> {
        let p = ws.app(app)?.permissions.get(perm)?;
        Some(Popup::Permission {
            app,
            perm,
            others: ws.index.apps_with_permission(&p.name, app),
            list: Scroll::default(),
        })
    }

    /// The registration popup of `app`'s registration `guid`, listing the other apps.
    pub fn registration(ws: &Workspace, app: usize, guid: &str) -> Popup {
        Popup::Registration {
            app,
            guid: guid.to_string(),
            apps: ws.index.apps_with_registration(guid, app),
            list: Scroll::default(),
            filter: String::new(),
        }
    }

    /// The apps a registration popup shows: those whose name or publisher holds the filter
    /// (ignoring case), all of them without one.
    pub fn shown_apps(&self, ws: &Workspace) -> Vec<usize> {
        let Popup::Registration { apps, filter, .. } = self else {
            return Vec::new();
        };
        let needle = filter.trim().to_lowercase();
        apps.iter()
            .copied()
            .filter(|&i| {
                needle.is_empty()
                    || ws.app(i).is_some_and(|a| {
                        a.name.to_lowercase().contains(&needle)
                            || a.publisher.to_lowercase().contains(&needle)
                    })
            })
            .collect()
    }

    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let layout = cx.layout;
        if let Popup::Registration { .. } = self {
            let shown = self.shown_apps(cx.workspace);
            let Popup::Registration { guid, list, .. } = self else {
                return Outcome::Unchanged;
            };
            let m = match action {
                Action::ClickPopupRow(pos) => Some(Motion::To(*pos)),
                a => Motion::of(a),
            };
            return match (m, action) {
                (Some(m), _) => Outcome::changed(list.apply(m, shown.len(), layout.popup_rows)),
                (None, Action::Activate) => match shown.get(list.selected) {
                    Some(&target) => Outcome::Jump {
                        app: target,
                        to: JumpTo::Registration(guid.clone()),
                    },
                    None => Outcome::Pop,
                },
                (None, Action::CloseOverlay) => Outcome::Pop,
                _ => Outcome::Unchanged,
            };
        }
        match (self, action) {
            (Popup::Export { list, .. }, Action::ClickPopupRow(pos)) => {
                list.selected = (*pos).min(EXPORT_CHOICES.len() - 1);
                Outcome::PopThen(Action::ExportAs(EXPORT_CHOICES[list.selected]))
            }
            (Popup::Export { list, .. }, a) if Motion::of(a).is_some() => {
                let m = Motion::of(a).unwrap_or(Motion::Up);
                Outcome::changed(list.apply(m, EXPORT_CHOICES.len(), EXPORT_CHOICES.len()))
            }
            (Popup::Export { list, .. }, Action::Activate) => {
                let flavor = EXPORT_CHOICES[list.selected.min(EXPORT_CHOICES.len() - 1)];
                Outcome::PopThen(Action::ExportAs(flavor))
            }
            (Popup::Permission { others, list, .. }, Action::ClickPopupRow(pos)) => {
                Outcome::changed(list.apply(Motion::To(*pos), others.len(), layout.popup_rows))
            }
            (Popup::Permission { others, list, .. }, a) if Motion::of(a).is_some() => {
                let m = Motion::of(a).unwrap_or(Motion::Up);
                Outcome::changed(list.apply(m, others.len(), layout.popup_rows))
            }
            (Popup::Text { scroll, .. } | Popup::Score { scroll, .. }, a)
                if Motion::of(a).is_some() =>
            {
                let m = Motion::of(a).unwrap_or(Motion::Up);
                let moved = scroll_text(scroll, m, layout.popup_scroll_max, layout.popup_rows);
                Outcome::changed(moved)
            }
            (
                Popup::Permission {
                    app,
                    perm,
                    others,
                    list,
                },
                Action::Activate,
            ) => match others.get(list.selected) {
                Some(&target) => Outcome::Jump {
                    app: target,
                    to: JumpTo::Permission(
                        cx.workspace.catalog.apps[*app].permissions[*perm]
                            .name
                            .clone(),
                    ),
                },
                None => Outcome::Unchanged,
            },
            (_, Action::Activate | Action::CloseOverlay) => Outcome::Pop,
            _ => Outcome::Unchanged,
        }
    }

    pub(super) fn fit_layout(&mut self, layout: &ScreenLayout) -> bool {
        match self {
            Popup::Text { scroll, .. } | Popup::Score { scroll, .. } => {
                let before = *scroll;
                *scroll = (*scroll).min(layout.popup_scroll_max);
                before != *scroll
            }
            Popup::Permission { others, list, .. } => {
                let before = *list;
                list.clamp(others.len(), layout.popup_rows);
                before != *list
            }
            // The filter may hide some; the handler clamps to what is shown when it moves.
            Popup::Registration { apps, list, .. } => {
                let before = *list;
                list.clamp(apps.len(), layout.popup_rows);
                before != *list
            }
            Popup::Export { .. } => false,
        }
    }
}

/// The text popup for a zone item, if the item has anything to show.
pub fn text_popup(app: &App, zone: usize, item: Item) -> Option<Popup> {
    let zone = app.zones.get(zone)?;
    let block = |b: usize| zone.blocks.get(b);
    let (title, sections) = match item {
        Item::Row(b) => {
            let Block::Row(r) = block(b)? else {
                return None;
            };
            let answer = if r.answer.trim().is_empty() {
                strings::UNANSWERED_MARK.to_string()
            } else {
                r.answer.to_string()
            };
            let mut sections = vec![Section::new(strings::QUESTION, &*r.question, None)];
            if let Some(label) = r.english_label() {
                sections.push(Section::new(strings::ENGLISH_LABEL, label, None));
            }
            sections.push(Section::new(strings::ANSWER, answer, Some(r.value)));
            (zone.title.to_string(), sections)
        }
        Item::TableRow(b, i) => {
            let Block::Table(t) = block(b)? else {
                return None;
            };
            let row = t.rows.get(i)?;
            let sections = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    Section::new(t.headers.get(c).cloned().unwrap_or_default(), cell, None)
                })
                .collect();
            (t.title.clone(), sections)
        }
        Item::Note(b) => {
            let Block::Note(n) = block(b)? else {
                return None;
            };
            (n.title.to_string(), vec![Section::new("", &*n.text, None)])
        }
        _ => return None,
    };
    Some(Popup::text(title, sections))
}
