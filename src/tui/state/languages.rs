//! How an app's page text is shown: the page's own questions, the questionnaire's English
//! labels beside them, or the labels instead (rows with no key keep the page's question); and
//! which of an app's languages is shown, switched by a key.

use super::State;
use super::messages::MessageKind;

/// What the question column of a zone tab shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QuestionLabels {
    /// The page's question, in the page's language.
    #[default]
    Page,
    /// The page's question, and the English label in a column beside it.
    Beside,
    /// The English label; the page's question for a row with no key.
    English,
}

impl QuestionLabels {
    pub fn next(self) -> QuestionLabels {
        match self {
            QuestionLabels::Page => QuestionLabels::Beside,
            QuestionLabels::Beside => QuestionLabels::English,
            QuestionLabels::English => QuestionLabels::Page,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            QuestionLabels::Page => "questions as the page words them",
            QuestionLabels::Beside => "English labels beside the page's questions",
            QuestionLabels::English => "English labels instead of the page's questions",
        }
    }
}

impl State {
    /// Page text → labels beside → labels instead → page text.
    pub(super) fn toggle_labels(&mut self) -> bool {
        self.ui.labels = self.ui.labels.next();
        self.say(MessageKind::Info, self.ui.labels.describe());
        true
    }

    /// Show the selected app in its next language (in tag order, so repeated presses visit
    /// every language); an app with one language says so.
    pub(super) fn next_language(&mut self) -> bool {
        let Some(i) = self.current_app_index() else {
            return false;
        };
        let app = &self.workspace.catalog.apps[i];
        let mut langs: Vec<String> = app.languages().iter().map(|l| l.to_string()).collect();
        if langs.len() < 2 {
            let only = if app.language.is_empty() {
                "unknown".to_string()
            } else {
                crate::text::sanitize(&app.language).into_owned()
            };
            self.say(
                MessageKind::Info,
                format!("this app has one language: {only}"),
            );
            return true;
        }
        langs.sort();
        let at = langs.iter().position(|l| *l == app.language).unwrap_or(0);
        let next = langs[(at + 1) % langs.len()].clone();
        if !self.workspace.show_language(i, &next) {
            return false;
        }
        self.refilter_and_reselect();
        let all: Vec<String> = langs
            .iter()
            .map(|l| crate::text::sanitize(l).into_owned())
            .collect();
        self.say(
            MessageKind::Info,
            format!(
                "shown in {} ({} of {}: {})",
                crate::text::sanitize(&next),
                (at + 1) % langs.len() + 1,
                langs.len(),
                all.join(", ")
            ),
        );
        true
    }
}
