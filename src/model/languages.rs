//! One app, several languages: the primary language's page sits in the app's own fields, the
//! others in `translations`. These move a language in and out of the primary place, so every
//! view (list, show, score, compare, the TUI) shows the chosen language without knowing there
//! are others.

use super::{App, Translation};

impl App {
    /// The languages the app has, the primary one first.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.language.as_str())
            .chain(self.translations.iter().map(|t| t.language.as_str()))
            .collect()
    }

    /// Which of the app's languages best answers `wanted` (`de-DE`, `de`, `de_DE.UTF-8`): the
    /// same tag, else the same language (`de` for `de-AT`); `None` when it has none.
    pub fn best_language(&self, wanted: &str) -> Option<&str> {
        let wanted = language_tag(wanted);
        let langs = self.languages();
        langs
            .iter()
            .find(|l| l.eq_ignore_ascii_case(&wanted))
            .or_else(|| {
                let primary = primary_subtag(&wanted);
                langs
                    .iter()
                    .find(|l| primary_subtag(l).eq_ignore_ascii_case(primary))
            })
            .copied()
    }

    /// Show the app in the language best answering `wanted` (see [`best_language`]): that
    /// page's fields move to the primary place and the former primary becomes a translation.
    /// Returns whether the app has such a language.
    ///
    /// [`best_language`]: App::best_language
    pub fn show_language(&mut self, wanted: &str) -> bool {
        let Some(lang) = self.best_language(wanted).map(str::to_string) else {
            return false;
        };
        if lang == self.language {
            return true;
        }
        let Some(i) = self.translations.iter().position(|t| t.language == lang) else {
            return false;
        };
        let chosen = self.translations.remove(i);
        let former = self.take_primary(chosen);
        self.translations.insert(0, former);
        true
    }

    /// The app with `wanted` as its shown language, when it has it.
    pub fn in_language(&self, wanted: &str) -> Option<App> {
        let mut app = self.clone();
        app.show_language(wanted).then_some(app)
    }

    /// Put `page` in the primary place, returning what was there.
    fn take_primary(&mut self, page: Translation) -> Translation {
        Translation {
            language: std::mem::replace(&mut self.language, page.language),
            name: std::mem::replace(&mut self.name, page.name),
            publisher: std::mem::replace(&mut self.publisher, page.publisher),
            sources: std::mem::replace(&mut self.sources, page.sources),
            updated: std::mem::replace(&mut self.updated, page.updated),
            zones: std::mem::replace(&mut self.zones, page.zones),
            permissions: std::mem::replace(&mut self.permissions, page.permissions),
            zone_sources: std::mem::replace(&mut self.zone_sources, page.zone_sources),
        }
    }

    /// The app's primary page as a translation (a copy).
    pub fn primary_page(&self) -> Translation {
        Translation {
            language: self.language.clone(),
            name: self.name.clone(),
            publisher: self.publisher.clone(),
            sources: self.sources.clone(),
            updated: self.updated.clone(),
            zones: self.zones.clone(),
            permissions: self.permissions.clone(),
            zone_sources: self.zone_sources.clone(),
        }
    }

    /// Add `other` (the same app from another source): each of its languages replaces this
    /// app's page in that language, or is added as a translation. Returns how many languages
    /// were added and how many replaced.
    pub fn add_languages(&mut self, mut other: App) -> (usize, usize) {
        let mut added = 0;
        let mut replaced = 0;
        let translations = std::mem::take(&mut other.translations);
        let primary = other.primary_page();
        for page in std::iter::once(primary).chain(translations) {
            if page.language == self.language {
                self.take_primary(page);
                replaced += 1;
            } else if let Some(t) = self
                .translations
                .iter_mut()
                .find(|t| t.language == page.language)
            {
                *t = page;
                replaced += 1;
            } else {
                self.translations.push(page);
                added += 1;
            }
        }
        // What does not depend on the language comes from the later source, as before.
        self.certification = other.certification;
        self.clients = other.clients;
        self.links = other.links;
        (added, replaced)
    }
}

/// A BCP 47 tag from what a user or an environment says: `de_DE.UTF-8` gives `de-DE`.
pub fn language_tag(raw: &str) -> String {
    let base = raw.split(['.', '@']).next().unwrap_or("").trim();
    base.replace('_', "-")
}

fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let mut a = App {
            id: "WA1".into(),
            name: "联系人中心".into(),
            language: "zh-CN".into(),
            ..App::default()
        };
        a.translations.push(Translation {
            language: "de-DE".into(),
            name: "Kontaktcenter".into(),
            ..Translation::default()
        });
        a
    }

    #[test]
    fn the_chosen_language_moves_to_the_primary_place_and_back() {
        let mut a = app();
        assert_eq!(a.languages(), ["zh-CN", "de-DE"]);
        assert!(a.show_language("de_DE.UTF-8"));
        assert_eq!(
            (a.language.as_str(), a.name.as_str()),
            ("de-DE", "Kontaktcenter")
        );
        assert_eq!(a.translations[0].name, "联系人中心");
        assert!(a.show_language("zh"));
        assert_eq!(a.name, "联系人中心");
        assert!(!a.show_language("fr-FR"), "a language the app lacks");
        assert_eq!(a.name, "联系人中心");
        assert_eq!(a.best_language("de-AT"), Some("de-DE"));
    }

    #[test]
    fn another_source_adds_its_languages_and_replaces_the_ones_it_has() {
        let mut a = app();
        let ja = App {
            id: "WA1".into(),
            name: "連絡先".into(),
            language: "ja-JP".into(),
            ..App::default()
        };
        assert_eq!(a.add_languages(ja), (1, 0));
        let newer_de = App {
            id: "WA1".into(),
            name: "Kontaktzentrum".into(),
            language: "de-DE".into(),
            ..App::default()
        };
        assert_eq!(a.add_languages(newer_de), (0, 1));
        assert_eq!(a.languages(), ["zh-CN", "de-DE", "ja-JP"]);
        assert_eq!(a.in_language("de").unwrap().name, "Kontaktzentrum");
    }

    #[test]
    fn tags_from_the_environment() {
        assert_eq!(language_tag("de_DE.UTF-8"), "de-DE");
        assert_eq!(language_tag("ja-JP"), "ja-JP");
        assert_eq!(language_tag("C"), "C");
    }
}
