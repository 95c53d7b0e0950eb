//! Issue 14 item 7 over every corpus: an app page named by its H1 (it has no App-Name row)
//! whose H1 was translated from an English template ("NAME overview", "Application information
//! for NAME", "NAME application information") is not named by the H1 as written. The template
//! is told by the H1's anchor, the slug of the English heading, in every language.

use super::languages::corpora;

/// The anchor and the text of a page's H1: `# <a name="slug"></a>Text`.
fn h1(page: &str) -> Option<(&str, &str)> {
    let line = page.lines().find(|l| l.starts_with("# "))?;
    let rest = line.strip_prefix("# <a name=\"")?;
    let (slug, rest) = rest.split_once('"')?;
    let text = rest.split_once("</a>")?.1.trim();
    Some((slug, text))
}

fn templated(slug: &str) -> bool {
    slug.ends_with("-overview")
        || slug.ends_with("-application-information")
        || (slug.starts_with("application-") && slug.split('-').nth(2) == Some("for"))
}

#[test]
fn no_app_keeps_a_templated_heading_as_its_name() {
    for c in corpora() {
        let mut templated_pages = 0;
        let mut kept = Vec::new();
        // An app of several pages is named by one of them: none of their templated H1s.
        for app in &c.catalog.apps {
            for source in &app.sources {
                let page = std::fs::read_to_string(c.dir.join(source)).unwrap();
                let Some((slug, heading)) = h1(&page).filter(|(slug, _)| templated(slug)) else {
                    continue;
                };
                templated_pages += 1;
                if app.name == heading {
                    kept.push(format!("{source} ({slug}): {heading}"));
                }
            }
        }
        println!(
            "{}: {templated_pages} pages with a templated H1, {} apps named by one as written",
            c.name,
            kept.len()
        );
        assert!(kept.is_empty(), "{}: {kept:#?}", c.name);
    }
}

/// The answer of an app's first row keyed `key`.
fn keyed<'a>(app: &'a attest_tui::model::App, key: &str) -> Option<&'a str> {
    app.rows()
        .find(|r| r.key.is_some_and(|k| k.as_str() == key))
        .map(|r| r.answer.trim())
        .filter(|a| !a.is_empty())
}

#[test]
fn name_and_publisher_are_the_app_name_and_partner_rows_in_every_language() {
    let mut without_publisher = Vec::new();
    for c in corpora() {
        let mut off = Vec::new();
        for app in &c.catalog.apps {
            if let Some(name) = keyed(app, "general.app_name")
                && name != app.name
            {
                off.push(format!("{}: name {:?}, row {name:?}", app.id, app.name));
            }
            if let Some(partner) = keyed(app, "general.partner")
                && partner != app.publisher
            {
                off.push(format!(
                    "{}: publisher {:?}, row {partner:?}",
                    app.id, app.publisher
                ));
            }
        }
        let empty = c
            .catalog
            .apps
            .iter()
            .filter(|a| a.publisher.is_empty())
            .count();
        println!(
            "{}: {} apps, {empty} without a publisher, {} name or publisher unlike its row",
            c.name,
            c.catalog.apps.len(),
            off.len()
        );
        assert!(off.is_empty(), "{}: {off:#?}", c.name);
        without_publisher.push((c.name.clone(), empty));
    }
    // Russian and Japanese pages word the partner row in ways no label list had: every
    // language must know as many publishers as the best one.
    if let Some(best) = without_publisher.iter().map(|(_, n)| *n).min() {
        for (lang, n) in &without_publisher {
            assert!(
                *n <= best + 5,
                "{lang}: {n} apps without a publisher, best {best}"
            );
        }
    }
}
