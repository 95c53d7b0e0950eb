use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{App, Catalog};

/// One app that matched a query: its index in the catalog, its score, and which characters of its
/// name matched (char indices), for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppMatch {
    pub index: usize,
    pub score: i64,
    pub name_indices: Vec<usize>,
}

/// Fuzzy search over apps, with each app's search fields joined once up front so a keystroke
/// costs one match per app.
pub struct AppSearcher {
    matcher: SkimMatcherV2,
    haystacks: Vec<String>,
}

impl AppSearcher {
    pub fn new(catalog: &Catalog) -> AppSearcher {
        AppSearcher {
            matcher: SkimMatcherV2::default().smart_case(),
            haystacks: catalog.apps.iter().map(haystack).collect(),
        }
    }

    /// Matching apps, best first; ties keep catalog order. An empty query matches every app.
    pub fn search(&self, catalog: &Catalog, query: &str) -> Vec<AppMatch> {
        let query = query.trim();
        if query.is_empty() {
            return (0..catalog.apps.len())
                .map(|index| AppMatch {
                    index,
                    score: 0,
                    name_indices: Vec::new(),
                })
                .collect();
        }
        let mut out: Vec<AppMatch> = self
            .haystacks
            .iter()
            .enumerate()
            .filter_map(|(index, hay)| {
                let score = self.matcher.fuzzy_match(hay, query)?;
                let name = &catalog.apps[index].name;
                let name_indices = self
                    .matcher
                    .fuzzy_indices(name, query)
                    .map(|(_, ix)| ix)
                    .unwrap_or_default();
                Some(AppMatch {
                    index,
                    score,
                    name_indices,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        out
    }
}

fn haystack(app: &App) -> String {
    let mut s = String::with_capacity(app.name.len() + app.publisher.len() + 64);
    s.push_str(&app.name);
    for part in [&app.publisher, &app.id] {
        s.push(' ');
        s.push_str(part);
    }
    for client in &app.clients {
        s.push(' ');
        s.push_str(client);
    }
    for reg in app.registration_ids() {
        s.push(' ');
        s.push_str(reg);
    }
    s
}

/// Char indices of `text` that fuzzy-match `query` (for highlighting rows), or None.
pub fn match_indices(text: &str, query: &str) -> Option<Vec<usize>> {
    let query = query.trim();
    if query.is_empty() {
        return Some(Vec::new());
    }
    SkimMatcherV2::default()
        .smart_case()
        .fuzzy_indices(text, query)
        .map(|(_, ix)| ix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Permission, PermissionKind};

    fn app(id: &str, name: &str, publisher: &str) -> App {
        App {
            id: id.into(),
            name: name.into(),
            publisher: publisher.into(),
            ..App::default()
        }
    }

    fn catalog() -> Catalog {
        let mut landis = app("WA200001428", "联系人中心", "Landis Technologies LLC");
        landis.permissions.push(Permission {
            name: "User.Read".into(),
            kind: PermissionKind::Delegated,
            registration: Some("05c3e7fe-59c1-4d68-b334-336aa7ed4b64".into()),
            ..Permission::default()
        });
        Catalog {
            apps: vec![
                app("WA200003306", "POPP 云 VoIP 连接器", "POPP Communications"),
                landis,
            ],
            ..Catalog::default()
        }
    }

    #[test]
    fn empty_query_lists_every_app_in_order() {
        let c = catalog();
        let hits = AppSearcher::new(&c).search(&c, "  ");
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn publisher_matches_even_when_name_does_not() {
        let c = catalog();
        let hits = AppSearcher::new(&c).search(&c, "landis");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 1);
        assert!(hits[0].name_indices.is_empty());
    }

    #[test]
    fn name_matches_report_highlight_positions() {
        let c = catalog();
        let hits = AppSearcher::new(&c).search(&c, "voip");
        assert_eq!(hits[0].index, 0);
        assert_eq!(hits[0].name_indices, vec![7, 8, 9, 10]);
    }

    #[test]
    fn registration_guid_and_id_are_searchable() {
        let c = catalog();
        let s = AppSearcher::new(&c);
        assert_eq!(s.search(&c, "05c3e7fe")[0].index, 1);
        assert_eq!(s.search(&c, "WA200003306")[0].index, 0);
    }

    #[test]
    fn nonsense_matches_nothing() {
        let c = catalog();
        assert!(AppSearcher::new(&c).search(&c, "zzzqqq").is_empty());
    }
}
