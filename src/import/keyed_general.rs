//! An app's name, publisher, links and clients from the rows the questionnaire keyed.
//!
//! The page reader finds these rows by their label, and knows the labels in a few languages
//! only: a Russian or Japanese page kept no publisher, a German one named the app by its H1.
//! Once the rows are keyed, `general.app_name` is the App-Name row in every language, so the
//! facts come from the keys and the labels are only the reader's first guess.

use crate::import::markdown::{split_clients, url_like};
use crate::model::{App, Row};

/// Fill `app` from its keyed general rows: the name and publisher always (the row is the
/// page's own answer), links and clients where the reader found none. Returns whether an
/// App-Name row named the app.
pub fn fill_from_keyed_rows(app: &mut App) -> bool {
    let answer = |key: &str| -> Option<String> {
        let row = keyed_row(app, key)?;
        let text = row.answer.trim();
        (!text.is_empty()).then(|| text.to_string())
    };
    let name = answer("general.app_name");
    let publisher = answer("general.partner");
    let website = answer("general.website").and_then(|a| url_like(&a));
    let terms = answer("general.terms").and_then(|a| url_like(&a));
    // Newer pages ask for the privacy policy in the privacy zone.
    let privacy = answer("general.privacy_url")
        .or_else(|| answer("privsection.privacy_url"))
        .and_then(|a| url_like(&a));
    let clients = answer("general.clients");

    let named = name.is_some();
    if let Some(name) = name {
        app.name = name;
    }
    if let Some(publisher) = publisher {
        app.publisher = publisher;
    }
    for (slot, found) in [
        (&mut app.links.website, website),
        (&mut app.links.terms, terms),
        (&mut app.links.privacy, privacy),
    ] {
        if slot.is_none() {
            *slot = found;
        }
    }
    if app.clients.is_empty()
        && let Some(clients) = clients
    {
        app.clients = split_clients(&clients);
    }
    named
}

/// The first row keyed `key` (a key names its zone: `general.partner`).
fn keyed_row<'a>(app: &'a App, key: &str) -> Option<&'a Row> {
    app.rows()
        .find(|r| r.key.is_some_and(|k| k.as_str() == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Zone};
    use crate::questionnaire::QuestionKey;

    fn row(key: &str, question: &str, answer: &str) -> Block {
        Block::Row(Row {
            question: question.into(),
            answer: answer.into(),
            key: QuestionKey::named(key),
            ..Row::default()
        })
    }

    #[test]
    fn name_publisher_and_links_come_from_the_keyed_rows_whatever_the_labels() {
        let mut app = App {
            name: "Обзор ngDesk".into(),
            ..App::default()
        };
        app.links.terms = Some("https://kept.example/terms".into());
        app.zones.push(Zone {
            pivot: "general".into(),
            blocks: vec![
                row("general.app_name", "Имя приложения", "ngDesk"),
                row(
                    "general.partner",
                    "Название компании-партнера",
                    "All Blue Solutions",
                ),
                row("general.website", "Веб-сайт", "https://ngdesk.com"),
                row("general.terms", "Условия", "https://ngdesk.com/terms"),
                row("general.clients", "Клиенты", "Microsoft Teams, Outlook"),
            ],
            ..Zone::default()
        });
        app.zones.push(Zone {
            pivot: "privsection".into(),
            blocks: vec![row(
                "privsection.privacy_url",
                "URL",
                "https://ngdesk.com/privacy",
            )],
            ..Zone::default()
        });
        assert!(fill_from_keyed_rows(&mut app));
        assert_eq!(app.name, "ngDesk");
        assert_eq!(app.publisher, "All Blue Solutions");
        assert_eq!(app.links.website.as_deref(), Some("https://ngdesk.com"));
        // What the reader found stays.
        assert_eq!(
            app.links.terms.as_deref(),
            Some("https://kept.example/terms")
        );
        assert_eq!(app.clients, ["Microsoft Teams", "Outlook"]);
        assert_eq!(
            app.links.privacy.as_deref(),
            Some("https://ngdesk.com/privacy")
        );
    }

    #[test]
    fn without_the_rows_nothing_changes() {
        let mut app = App {
            name: "From the heading".into(),
            publisher: "From the intro".into(),
            ..App::default()
        };
        let mut unknown = row("general.app_name", "Nom de l’application", "not keyed");
        if let Block::Row(r) = &mut unknown {
            r.key = None;
        }
        app.zones.push(Zone {
            pivot: "general".into(),
            blocks: vec![unknown, row("privsection.privacy_url", "URL", "none given")],
            ..Zone::default()
        });
        assert!(!fill_from_keyed_rows(&mut app));
        assert_eq!(app.name, "From the heading");
        assert_eq!(app.publisher, "From the intro");
        assert_eq!(app.links.privacy, None);
    }
}
