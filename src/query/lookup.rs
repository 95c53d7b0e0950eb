use crate::model::{App, Catalog};

use super::AppSearcher;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LookupError {
    #[error("no app matches \"{0}\" (try `attest-tui list --search {0}`)")]
    NotFound(String),
    #[error("\"{query}\" matches several apps equally well: {}", candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// An app by exact id (case-insensitive), else by its id as the output layer prints it, else by
/// exact name, else the single best fuzzy match.
pub fn find_app<'c>(catalog: &'c Catalog, query: &str) -> Result<&'c App, LookupError> {
    let q = query.trim();
    if let Some(app) = catalog.apps.iter().find(|a| a.id.eq_ignore_ascii_case(q)) {
        return Ok(app);
    }
    // Every id a command prints is sanitized and trimmed on the way out; that text must find
    // the app again, or a script could not feed `list --format ids` back into `show`.
    let printed: Vec<&App> = catalog
        .apps
        .iter()
        .filter(|a| crate::text::sanitize(&a.id).trim().eq_ignore_ascii_case(q))
        .collect();
    match printed.as_slice() {
        [] => {}
        [only] => return Ok(only),
        several => {
            return Err(LookupError::Ambiguous {
                query: q.to_string(),
                candidates: several
                    .iter()
                    .take(8)
                    .map(|a| format!("{} ({})", a.name, a.id))
                    .collect(),
            });
        }
    }
    if let Some(app) = catalog.apps.iter().find(|a| a.name.trim() == q) {
        return Ok(app);
    }
    let hits = AppSearcher::new(catalog).search(catalog, q);
    match hits.as_slice() {
        [] => Err(LookupError::NotFound(q.to_string())),
        [only] => Ok(&catalog.apps[only.index]),
        [first, second, ..] if first.score > second.score => Ok(&catalog.apps[first.index]),
        tied => {
            let best = tied[0].score;
            Err(LookupError::Ambiguous {
                query: q.to_string(),
                candidates: tied
                    .iter()
                    .take_while(|h| h.score == best)
                    .take(8)
                    .map(|h| {
                        let a = &catalog.apps[h.index];
                        format!("{} ({})", a.name, a.id)
                    })
                    .collect(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let apps = [("A1", "Alpha Notes"), ("B2", "Beta Notes"), ("C3", "Gamma")]
            .into_iter()
            .map(|(id, name)| App {
                id: id.into(),
                name: name.into(),
                ..App::default()
            })
            .collect();
        Catalog {
            apps,
            ..Catalog::default()
        }
    }

    #[test]
    fn id_match_is_case_insensitive() {
        assert_eq!(find_app(&catalog(), "b2").unwrap().name, "Beta Notes");
    }

    #[test]
    fn an_id_is_found_as_it_is_printed() {
        let mut c = catalog();
        c.apps[1].id = " B\u{202e}2\u{1b} ".into();
        assert_eq!(find_app(&c, "b2").unwrap().name, "Beta Notes");
        c.apps[0].id = "B2".into();
        assert_eq!(
            find_app(&c, "B2").unwrap().name,
            "Alpha Notes",
            "exact wins"
        );
        c.apps[2].id = "B\u{200b}2".into();
        c.apps[0].id = "A1".into();
        assert!(matches!(
            find_app(&c, "b2"),
            Err(LookupError::Ambiguous { .. })
        ));
    }

    #[test]
    fn fuzzy_name_finds_single_best() {
        assert_eq!(find_app(&catalog(), "gamma").unwrap().id, "C3");
    }

    #[test]
    fn tie_is_reported_as_ambiguous() {
        let err = find_app(&catalog(), "notes").unwrap_err();
        assert!(
            matches!(err, LookupError::Ambiguous { ref candidates, .. } if candidates.len() == 2)
        );
    }

    #[test]
    fn no_match_is_not_found() {
        assert_eq!(
            find_app(&catalog(), "xyzzy").unwrap_err(),
            LookupError::NotFound("xyzzy".into())
        );
    }
}
