//! Overlays: the search prompt, the help screen and the detail popups.

use crate::model::{Answer, App, Block};

use super::super::strings;
use super::items::Item;
use super::scroll::Scroll;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchTarget {
    List,
    Tab,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Search(SearchTarget),
    Help {
        scroll: usize,
    },
    Popup(Popup),
    /// The note editor of an app.
    Note(super::triage::NoteEditor),
    /// The permission index, full screen.
    Index(Box<super::perm_index::PermIndex>),
    /// Two apps side by side.
    Compare(Box<super::compare::CompareView>),
    /// The fuzzy search that picks the app to compare with.
    Picker(super::compare::Picker),
}

/// One labelled paragraph of a text popup; `value` colors it as an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub label: String,
    pub text: String,
    pub value: Option<Answer>,
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
    /// How an app's score was computed, with its risk summary.
    Score { app: usize, scroll: usize },
}

fn section(label: impl Into<String>, text: impl Into<String>, value: Option<Answer>) -> Section {
    Section {
        label: label.into(),
        text: text.into(),
        value,
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
            (
                zone.title.to_string(),
                vec![
                    section(strings::QUESTION, &r.question, None),
                    section(strings::ANSWER, answer, Some(r.value)),
                ],
            )
        }
        Item::TableRow(b, i) => {
            let Block::Table(t) = block(b)? else {
                return None;
            };
            let row = t.rows.get(i)?;
            let sections = row
                .iter()
                .enumerate()
                .map(|(c, cell)| section(t.headers.get(c).cloned().unwrap_or_default(), cell, None))
                .collect();
            (t.title.clone(), sections)
        }
        Item::Note(b) => {
            let Block::Note(n) = block(b)? else {
                return None;
            };
            (n.title.to_string(), vec![section("", &n.text, None)])
        }
        _ => return None,
    };
    Some(Popup::Text {
        title,
        sections,
        scroll: 0,
    })
}
