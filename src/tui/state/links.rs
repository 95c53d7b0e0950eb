//! An app's links (AppSource, Teams, website, terms, privacy), shown whole in a popup, and what
//! happens when `o` cannot start a browser (over SSH, no display, no opener installed): the
//! link is copied with OSC 52 by the effect and shown whole here, so it can still be used.

use super::State;
use super::layers::{Layer, Popup, Section};
use super::messages::MessageKind;
use crate::model::App;
use crate::tui::strings;

/// The links an app lists, in the order the header and the popup show them.
pub fn app_links(app: &App) -> Vec<(&'static str, &str)> {
    let l = &app.links;
    [
        (strings::LINK_APPSOURCE, &l.appsource),
        (strings::LINK_TEAMS, &l.teams),
        (strings::LINK_WEBSITE, &l.website),
        (strings::LINK_TERMS, &l.terms),
        (strings::LINK_PRIVACY, &l.privacy),
    ]
    .into_iter()
    .filter_map(|(label, url)| {
        let url = url.as_deref()?.trim();
        (!url.is_empty()).then_some((label, url))
    })
    .collect()
}

impl State {
    /// The selected app's links whole; `why` first when a link could not be opened.
    pub(super) fn links_popup(&self, why: Option<String>) -> Option<Popup> {
        let app = self.current_app()?;
        let mut sections = Vec::new();
        if let Some(why) = why {
            sections.push(Section::new(strings::LINK_NOT_OPENED, why, None));
        }
        let links = app_links(app);
        if links.is_empty() {
            sections.push(Section::new("", strings::NO_LINKS, None));
        }
        for (label, url) in links {
            sections.push(Section::new(label, url, None));
        }
        let title = format!("{} · {}", strings::LINKS_TITLE, app.name);
        Some(Popup::text(title, sections))
    }

    /// The answer to an `Open` effect that did not start a browser: the effect copied the
    /// link; say so and show every link whole.
    pub(super) fn link_not_opened(&mut self, url: &str, why: &str) -> bool {
        let shown = crate::text::sanitize(url).into_owned();
        self.say(
            MessageKind::Warning,
            format!("not opened: {why}; copied with OSC 52: {shown}"),
        );
        let text = format!("{why}. {}", strings::LINK_COPIED);
        if let Some(popup) = self.links_popup(Some(text)) {
            self.ui.layers.push(Layer::Popup(popup));
        }
        true
    }
}
