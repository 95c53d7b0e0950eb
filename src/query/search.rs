use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::haystack::Haystacks;
use super::text_match::{TYPO_MIN, TextQuery, fold, is_case_sensitive};
use crate::model::Catalog;

/// One app that matched a query: its index in the catalog, its score, and which characters of its
/// name matched (char indices), for highlighting. Scores only order hits: an id or GUID equal to
/// the query scores above every fuzzy hit, one that merely contains it below every fuzzy hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppMatch {
    pub index: usize,
    pub score: i64,
    pub name_indices: Vec<usize>,
}

/// Search over apps: every word of a query must match the name, publisher or a client fuzzily, or
/// the id or a registration GUID as a substring (see [`haystack`](super::haystack)); each app's
/// fields are prepared once up front.
///
/// Large catalogs are matched in parallel. The searcher remembers the hits of its last 16
/// queries: a query that extends one of them (typing) only looks at that query's
/// hits, since an app that matches `abc` also matches `ab`; and a query seen again (deleting,
/// retyping) reuses its scores.
pub struct AppSearcher {
    matcher: SkimMatcherV2,
    haystacks: Haystacks,
    /// Recent queries with their hits, oldest first.
    recent: Mutex<Vec<(String, Hits)>>,
}

/// Hits of one query: (catalog index, score), best first.
type Hits = Arc<Vec<(u32, i64)>>;

/// Below this many candidates, matching on one thread is as fast as splitting the work.
const PARALLEL_FROM: usize = 2048;
/// How many queries the searcher remembers (at 100k apps, up to 1.6 MB each).
const RECENT: usize = 16;

impl AppSearcher {
    pub fn new(catalog: &Catalog) -> AppSearcher {
        AppSearcher {
            matcher: SkimMatcherV2::default().respect_case(),
            haystacks: Haystacks::new(&catalog.apps),
            recent: Mutex::new(Vec::new()),
        }
    }

    /// Matching apps, best first; ties keep catalog order. An empty query matches every app.
    /// Each match carries the highlight positions of its name.
    pub fn search(&self, catalog: &Catalog, query: &str) -> Vec<AppMatch> {
        let query = query.trim();
        let hits = self.ranked(query);
        let with_indices = |&(index, score): &(u32, i64)| AppMatch {
            index: index as usize,
            score,
            name_indices: name_indices(&self.matcher, &catalog.apps[index as usize].name, query)
                .unwrap_or_default(),
        };
        if query.is_empty() {
            return hits.iter().map(|&(i, s)| bare(i, s)).collect();
        }
        if hits.len() >= PARALLEL_FROM {
            hits.par_iter().map(with_indices).collect()
        } else {
            hits.iter().map(with_indices).collect()
        }
    }

    /// Like [`search`](Self::search) but without highlight positions (`name_indices` is
    /// empty): for callers that highlight only the rows they show, with [`match_indices`].
    /// At 100k apps this saves matching every hit's name a second time.
    pub fn search_ranked(&self, query: &str) -> Vec<AppMatch> {
        self.ranked(query.trim())
            .iter()
            .map(|&(i, s)| bare(i, s))
            .collect()
    }

    fn ranked(&self, query: &str) -> Hits {
        if query.is_empty() {
            return Arc::new((0..self.haystacks.len() as u32).map(|i| (i, 0)).collect());
        }
        let recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, hits)) = recent.iter().find(|(q, _)| q == query) {
            return hits.clone();
        }
        // The longest remembered query this one extends: only its hits can match.
        let candidates = recent
            .iter()
            .filter(|(q, _)| extends(query, q))
            .max_by_key(|(q, _)| q.len())
            .map(|(_, hits)| hits.clone());
        drop(recent);
        let prepared = self.haystacks.query(query);
        let score = |i: u32| {
            self.haystacks
                .score(&self.matcher, &prepared, i as usize)
                .map(|s| (i, s))
        };
        let mut hits: Vec<(u32, i64)> = match &candidates {
            Some(c) if c.len() < PARALLEL_FROM => c.iter().filter_map(|&(i, _)| score(i)).collect(),
            Some(c) => c.par_iter().filter_map(|&(i, _)| score(i)).collect(),
            None if self.haystacks.len() < PARALLEL_FROM => {
                (0..self.haystacks.len() as u32).filter_map(score).collect()
            }
            None => (0..self.haystacks.len() as u32)
                .into_par_iter()
                .filter_map(score)
                .collect(),
        };
        hits.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let hits = Arc::new(hits);
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((query.to_string(), hits.clone()));
        hits
    }
}

/// Whether every app matching `query` matches `earlier` too, because `query` only adds to it:
/// it starts with it, and the word it lengthens is on the same side of the typo limit (a word
/// too short for typos matches less than its longer self with one).
fn extends(query: &str, earlier: &str) -> bool {
    if !query.starts_with(earlier) {
        return false;
    }
    let (Some(last), Some(grown)) = (
        earlier.split_whitespace().last(),
        query
            .split_whitespace()
            .nth(earlier.split_whitespace().count() - 1),
    ) else {
        return true;
    };
    let typos = |w: &str| w.chars().count() >= TYPO_MIN;
    typos(last) == typos(grown)
}

fn bare(index: u32, score: i64) -> AppMatch {
    AppMatch {
        index: index as usize,
        score,
        name_indices: Vec::new(),
    }
}

/// Char indices of `text` that fuzzy-match words of `query` (for highlighting rows), or None
/// when no word does.
pub fn match_indices(text: &str, query: &str) -> Option<Vec<usize>> {
    name_indices(&SkimMatcherV2::default().respect_case(), text, query)
}

/// The union of each word's match positions: words are matched one by one, as the search does,
/// folded unless they hold an upper-case letter, and with one typo when nothing else matched.
fn name_indices(matcher: &SkimMatcherV2, text: &str, query: &str) -> Option<Vec<usize>> {
    let mut words = query.split_whitespace().peekable();
    words.peek()?;
    let folded = fold(text);
    let mut found = None;
    for word in words {
        let (field, word) = if is_case_sensitive(word) {
            (text, word.to_string())
        } else {
            (folded.as_str(), fold(word))
        };
        let hit = matcher.fuzzy_indices(field, &word).map(|(_, ix)| ix);
        let hit = hit.or_else(|| {
            let query = TextQuery::new(&word).filter(|_| word.chars().count() >= TYPO_MIN)?;
            query.find(text).map(|h| h.indices)
        });
        if let Some(ix) = hit {
            found.get_or_insert_with(Vec::new).extend(ix);
        }
    }
    if let Some(ix) = &mut found {
        ix.sort_unstable();
        ix.dedup();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{App, Permission, PermissionKind};

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
    fn remembered_queries_give_what_a_fresh_search_gives() {
        let c = crate::synth::synthetic_catalog(3000, 9);
        let s = AppSearcher::new(&c);
        // Typing, smart case switching on, deleting, and jumping to an unrelated query.
        for q in [
            "c",
            "co",
            "con",
            "conT",
            "con",
            "co",
            "cont",
            "contac",
            "",
            "not",
            "n",
            "no",
            "c",
            "c t",
            "c te",
            "c",
            "co",
            "co 3",
            "co 3f",
            "contoso",
            "contoso teams",
        ] {
            let fresh = AppSearcher::new(&c);
            assert_eq!(s.search(&c, q), fresh.search(&c, q), "{q}");
            let ranked: Vec<_> = s.search_ranked(q).iter().map(|m| m.index).collect();
            let want: Vec<_> = fresh.search(&c, q).iter().map(|m| m.index).collect();
            assert_eq!(ranked, want, "{q}");
        }
    }

    #[test]
    fn search_ranked_leaves_highlights_to_the_caller() {
        let c = catalog();
        let hits = AppSearcher::new(&c).search_ranked("voip");
        assert_eq!(hits[0].index, 0);
        assert!(hits[0].name_indices.is_empty());
        assert_eq!(
            match_indices(&c.apps[0].name, "voip").unwrap(),
            vec![7, 8, 9, 10]
        );
    }

    #[test]
    fn fuzzy_words_do_not_match_through_guid_letters() {
        let mut c = catalog();
        // `cafe` is in this GUID's letters in order, but not as a substring.
        c.apps[0].permissions.push(Permission {
            registration: Some("0c1a2f3e-0000-4000-8000-000000000000".into()),
            ..Permission::default()
        });
        assert!(AppSearcher::new(&c).search(&c, "cafe").is_empty());
        assert_eq!(AppSearcher::new(&c).search(&c, "2F3E")[0].index, 0);
    }

    #[test]
    fn a_whole_id_ranks_first_and_a_partial_one_after_fuzzy_hits() {
        let c = Catalog {
            apps: vec![
                app("WA1", "Notes", "Northwind"),
                app("WA2", "Fabrikam Sync", "Fabrikam Inc"),
                // Its name matches `fab` as well as app 1's does; its id decides.
                app("FAB", "Fabrikam Notes", "Northwind"),
                app("WA3", "Notes", "Northwind"),
            ],
            ..Catalog::default()
        };
        let mut guids = c.clone();
        guids.apps[0].permissions.push(Permission {
            registration: Some("00fab000-0000-4000-8000-000000000000".into()),
            ..Permission::default()
        });
        guids.apps[3].permissions.push(Permission {
            registration: Some("fab00000-0000-4000-8000-000000000000".into()),
            ..Permission::default()
        });
        let order = |c: &Catalog, q: &str| -> Vec<usize> {
            AppSearcher::new(c)
                .search(c, q)
                .iter()
                .map(|m| m.index)
                .collect()
        };
        // Exact id, then the fuzzy hit, then a GUID prefix, then a GUID that contains it.
        assert_eq!(order(&guids, "fab"), [2, 1, 3, 0]);
        assert_eq!(order(&c, "wa"), [0, 1, 3]);
    }

    #[test]
    fn every_word_must_match_some_field_in_any_order() {
        let c = catalog();
        let s = AppSearcher::new(&c);
        let hits = |q: &str| -> Vec<usize> { s.search(&c, q).iter().map(|m| m.index).collect() };
        assert_eq!(hits("landis 联系"), [1]);
        assert_eq!(hits("联系 landis"), [1]);
        assert_eq!(hits("popp voip WA200003306"), [0]);
        assert!(hits("landis zzz").is_empty());
        // Not by collecting letters across fields: "VoIP" + "Communications".
        assert!(hits("ipco").is_empty());
    }

    #[test]
    fn every_word_that_matches_the_name_is_highlighted() {
        let c = catalog();
        let hits = AppSearcher::new(&c).search(&c, "voip popp");
        assert_eq!(hits[0].name_indices, vec![0, 1, 2, 3, 7, 8, 9, 10]);
        assert_eq!(
            match_indices(&c.apps[0].name, "zzz voip").unwrap(),
            vec![7, 8, 9, 10]
        );
        assert_eq!(match_indices(&c.apps[0].name, "zzz"), None);
    }

    #[test]
    fn case_folds_by_unicode_with_smart_case() {
        let c = Catalog {
            apps: vec![
                app("WA1", "Office2SharePoint -Übersicht", "iGlobe"),
                app("WA2", "Zusammenfassung", "iGlobe"),
                app("WA3", "übersicht lower", "iGlobe"),
            ],
            ..Catalog::default()
        };
        let s = AppSearcher::new(&c);
        let hits = |q: &str| -> Vec<usize> { s.search(&c, q).iter().map(|m| m.index).collect() };
        let mut both = hits("übersicht");
        both.sort();
        assert_eq!(both, [0, 2]);
        // With a capital, case counts: the lower-case one only with a typo (Ü missing), after.
        assert_eq!(hits("Übersicht"), [0, 2]);
        assert!(s.search(&c, "Übersicht")[1].score < super::super::haystack::TYPO / 2);
        assert_eq!(hits("ÜBER"), Vec::<usize>::new());
        let first = s.search(&c, "übersicht").into_iter().find(|m| m.index == 0);
        assert_eq!(first.unwrap().name_indices, (19..28).collect::<Vec<_>>());
    }

    #[test]
    fn an_app_is_found_by_its_name_and_publisher_in_any_of_its_languages() {
        let mut uploader = app("WA1", "Uploader", "officeatwork");
        uploader.translations.push(crate::model::Translation {
            language: "fr-FR".into(),
            name: "Téléchargeur".into(),
            publisher: "officeatwork".into(),
            ..Default::default()
        });
        let mut ngdesk = app("WA2", "ngDesk", "Alle blauen Lösungen");
        ngdesk.translations.push(crate::model::Translation {
            language: "en-US".into(),
            name: "ngDesk".into(),
            publisher: "All Blue Solutions".into(),
            ..Default::default()
        });
        let c = Catalog {
            apps: vec![uploader, ngdesk, app("WA3", "Teams Tasks", "Contoso")],
            ..Catalog::default()
        };
        let s = AppSearcher::new(&c);
        let hits = |q: &str| -> Vec<usize> { s.search(&c, q).iter().map(|m| m.index).collect() };
        assert_eq!(hits("téléch"), [0]);
        assert_eq!(hits("uploader"), [0]);
        // With one typo, too.
        assert_eq!(hits("Téléchargeru"), [0]);
        assert_eq!(hits("blue solutions"), [1]);
        assert_eq!(hits("blauen"), [1]);
        // The shown name is highlighted only where it is the one that matched.
        let hit = &s.search(&c, "téléch")[0];
        assert!(hit.name_indices.is_empty(), "{:?}", hit.name_indices);
    }

    #[test]
    fn one_typo_finds_the_app_after_every_plain_hit() {
        let c = Catalog {
            apps: vec![
                app("WA1", "Evernote", "Evernote"),
                app("WA2", "Salesforce", "salesforce.com"),
                app("WA3", "Grytics", "Grytics SAS"),
                // Matches `evernoet` plainly, letter by letter.
                app("WA4", "Every Note Extra Tool", "Other"),
            ],
            ..Catalog::default()
        };
        let s = AppSearcher::new(&c);
        let hits = |q: &str| -> Vec<usize> { s.search(&c, q).iter().map(|m| m.index).collect() };
        assert_eq!(hits("slaesforce"), [1]);
        assert_eq!(hits("grytcis"), [2]);
        assert_eq!(hits("evernoet"), [3, 0], "the plain fuzzy hit first");
        assert_eq!(hits("salesfoorce"), [1]);
        assert!(hits("slaesfroce").is_empty(), "two typos");
        assert_eq!(
            s.search(&c, "slaesforce")[0].name_indices,
            (0..10).collect::<Vec<_>>()
        );
        // Typing through the typo keeps finding it (remembered queries stay correct).
        for q in ["s", "sl", "sla", "slae", "slaes", "slaesforce"] {
            let fresh = AppSearcher::new(&c);
            assert_eq!(s.search(&c, q), fresh.search(&c, q), "{q}");
        }
    }

    #[test]
    fn a_guid_in_any_usual_form_finds_its_registration() {
        let c = catalog();
        let s = AppSearcher::new(&c);
        for q in [
            "{05c3e7fe-59c1-4d68-b334-336aa7ed4b64}",
            "05C3E7FE-59C1-4D68-B334-336AA7ED4B64",
            "urn:uuid:05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
            "05c3e7fe59c14d68b334336aa7ed4b64",
        ] {
            let hits = s.search(&c, q);
            assert_eq!(hits.len(), 1, "{q}");
            assert_eq!(hits[0].index, 1);
            assert_eq!(hits[0].score, super::super::haystack::ID_EXACT, "{q}");
        }
    }

    #[test]
    fn nonsense_matches_nothing() {
        let c = catalog();
        assert!(AppSearcher::new(&c).search(&c, "zzzqqq").is_empty());
    }
}
