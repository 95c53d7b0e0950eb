//! What app search looks at in each app, prepared once so that a keystroke costs little per app.
//!
//! A query is split into words, and every word must match the app somewhere (in any order). A word
//! matches the name, the publisher or a client fuzzily (SkimMatcherV2, smart case), or the app id
//! or a registration GUID as a case-insensitive substring: a person pastes a GUID or types the
//! start of an id, and fuzzy matching hex digits only picks a word's letters out of them (`contac`
//! used to match almost every app through its GUIDs).
//!
//! Case follows [`text_match`](super::text_match): a word without an upper-case letter (by Unicode)
//! matches the fields folded per character, so `übersicht` finds `Übersicht`; a word with one
//! matches case exactly. A word that matches a field nowhere, not even fuzzily, may still match it
//! with one typo (two letters swapped or one too many), scored below every plain hit; a word that
//! is a GUID in another usual form (`{…}`, upper case, `urn:uuid:`) is looked for canonically.
//!
//! Each field is matched on its own rather than all joined into one line: the fuzzy matcher's cost
//! grows with the text's length, and a word no longer matches by collecting letters across fields.
//! Publishers and clients are shared by many apps, so a query matches each distinct one once.

use std::collections::HashMap;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::text_match::{TYPO_MIN, TextQuery, fold, is_case_sensitive};
use crate::model::App;

/// Score of a word that is an app's id or one of its registration GUIDs: above any fuzzy score (a
/// fuzzy score is at most a few dozen points per character of the word).
pub(super) const ID_EXACT: i64 = 1 << 40;
/// Score of a word found only at the start of the id or a GUID: below any fuzzy score, so that
/// hex-looking words (`fab`, `cafe`) list the apps they name before the GUIDs containing them.
pub(super) const ID_PREFIX: i64 = -(1 << 40);
/// Score of a word found only inside the id or a GUID: just below a prefix.
pub(super) const ID_INNER: i64 = ID_PREFIX - 1;
/// Added to the fuzzy score of a word that matched only with one typo: below every plain fuzzy
/// hit, above identifiers that merely contain the word.
pub(super) const TYPO: i64 = -(1 << 30);

/// The searchable text of every app of a catalog.
pub(super) struct Haystacks {
    apps: Vec<AppText>,
    /// Every distinct publisher and client, once, and each folded.
    shared: Vec<Box<str>>,
    shared_folded: Vec<Box<str>>,
}

struct AppText {
    name: Box<str>,
    /// The name folded for case-insensitive words (see `text_match::fold`).
    name_folded: Box<str>,
    /// The app's names in its other languages (as written and folded), where they differ:
    /// a search finds an app by any of its names, whichever language is shown.
    other_names: Box<[(Box<str>, Box<str>)]>,
    /// The app's publisher and clients, as indices into `Haystacks::shared`.
    shared: Box<[u32]>,
    /// Id and registration GUIDs, ASCII-lowercased, one per line.
    ids: Box<str>,
}

impl Haystacks {
    pub(super) fn new(apps: &[App]) -> Haystacks {
        let mut shared = Vec::new();
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let apps = apps
            .iter()
            .map(|app| {
                // Built for every app at start-up: no collection per app, and a translation's
                // publisher only where it differs (most apps have no translation).
                let translated = (app.translations.iter())
                    .map(|t| &t.publisher)
                    .filter(|p| !p.is_empty() && **p != app.publisher);
                let fields = std::iter::once(&app.publisher).chain(&app.clients);
                let fields = fields.chain(translated).map(|s| {
                    *seen.entry(s).or_insert_with(|| {
                        shared.push(Box::from(s.as_str()));
                        (shared.len() - 1) as u32
                    })
                });
                let regs = app.registration_ids();
                let mut ids = String::with_capacity(app.id.len() + 37 * regs.len());
                ids.push_str(&app.id);
                for reg in regs {
                    ids.push('\n');
                    ids.push_str(reg);
                }
                ids.make_ascii_lowercase();
                let mut other_names: Vec<&str> = (app.translations.iter())
                    .map(|t| t.name.as_str())
                    .filter(|n| !n.is_empty() && *n != app.name)
                    .collect();
                other_names.sort_unstable();
                other_names.dedup();
                AppText {
                    name: app.name.as_str().into(),
                    name_folded: fold(&app.name).into(),
                    other_names: other_names
                        .into_iter()
                        .map(|n| (Box::from(n), Box::from(fold(n))))
                        .collect(),
                    shared: fields.collect(),
                    ids: ids.into(),
                }
            })
            .collect();
        let shared_folded = shared.iter().map(|s| fold(s).into()).collect();
        Haystacks {
            apps,
            shared,
            shared_folded,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.apps.len()
    }

    /// Prepare a trimmed, non-empty query for scoring apps with [`score`](Self::score).
    pub(super) fn query<'q>(&self, text: &'q str) -> Query<'q> {
        let words: Vec<Word> = text.split_whitespace().map(Word::new).collect();
        let shared = words
            .iter()
            .map(|_| (0..self.shared.len()).map(|_| OnceLock::new()).collect())
            .collect();
        Query { words, shared }
    }

    /// App `index`'s score for the query: the sum of its words' scores, or None when a word
    /// matches nothing.
    pub(super) fn score(
        &self,
        matcher: &SkimMatcherV2,
        query: &Query,
        index: usize,
    ) -> Option<i64> {
        let app = &self.apps[index];
        query
            .words
            .iter()
            .zip(&query.shared)
            .try_fold(0i64, |sum, (word, shared)| {
                let field = |plain: &str, folded: &str| word.fuzzy(matcher, plain, folded);
                let names = std::iter::once((&app.name, &app.name_folded))
                    .chain(app.other_names.iter().map(|(n, f)| (n, f)));
                let name = names.clone().filter_map(|(n, f)| field(n, f)).max();
                // Scored the first time any app asks for that publisher or client, with the
                // typo fallback: it costs once per distinct publisher, not once per app.
                let other = app
                    .shared
                    .iter()
                    .filter_map(|&s| {
                        let s = s as usize;
                        *shared[s].get_or_init(|| {
                            let (plain, folded) = (&self.shared[s], &self.shared_folded[s]);
                            field(plain, folded).or_else(|| word.typo(plain, folded))
                        })
                    })
                    .max();
                // A fuzzy hit only needs to know whether an identifier beats it: a hex-looking
                // word is inside most GUIDs, and telling prefix from inner there is wasted work.
                let score = match name.max(other) {
                    Some(_) if app.ids.split('\n').any(|id| id == word.lower) => Some(ID_EXACT),
                    Some(fuzzy) if fuzzy > TYPO / 2 => Some(fuzzy),
                    typo => {
                        let name_typo = || names.filter_map(|(n, f)| word.typo(n, f)).max();
                        let typo = typo.or_else(name_typo);
                        id_score(&app.ids, &word.lower).max(typo)
                    }
                };
                score.map(|s| sum.saturating_add(s))
            })
    }
}

/// How well `word` (ASCII-lowercased) matches the best of the app's identifiers.
fn id_score(ids: &str, word: &str) -> Option<i64> {
    // One scan rejects nearly every app; only a hit looks at which identifier it was in.
    if !ids.contains(word) {
        return None;
    }
    ids.split('\n')
        .filter_map(|id| match id.find(word)? {
            _ if id.len() == word.len() => Some(ID_EXACT),
            0 => Some(ID_PREFIX),
            _ => Some(ID_INNER),
        })
        .max()
}

/// A prepared query: its words, and per word the scores of the shared fields asked for so far.
pub(super) struct Query<'q> {
    words: Vec<Word<'q>>,
    shared: Vec<Vec<OnceLock<Option<i64>>>>,
}

struct Word<'q> {
    /// The word as typed, or folded when it is matched case-insensitively.
    text: std::borrow::Cow<'q, str>,
    /// ASCII-lowercased (or the canonical GUID), for the identifiers.
    lower: String,
    /// Smart case by Unicode: an upper-case letter makes the match case-sensitive.
    case_sensitive: bool,
    /// For the typo fallback: the word as a one-typo text query, and the word without each of
    /// its characters (a field holding the word with one typo holds one of these in order).
    typo: Option<TextQuery>,
    shorter: Vec<String>,
}

impl Word<'_> {
    fn new(text: &str) -> Word<'_> {
        let guid = crate::tenant::normalize_guid(text);
        let case_sensitive = is_case_sensitive(text);
        let typo = match guid {
            None if text.chars().count() >= TYPO_MIN => TextQuery::new(text),
            _ => None,
        };
        let text: std::borrow::Cow<'_, str> = if case_sensitive {
            text.into()
        } else {
            fold(text).into()
        };
        let shorter = match typo {
            Some(_) => text
                .char_indices()
                .map(|(i, c)| format!("{}{}", &text[..i], &text[i + c.len_utf8()..]))
                .collect(),
            None => Vec::new(),
        };
        Word {
            lower: guid.unwrap_or_else(|| text.to_ascii_lowercase()),
            text,
            case_sensitive,
            typo,
            shorter,
        }
    }

    /// The word's fuzzy score in a field (given as it is and folded).
    fn fuzzy(&self, matcher: &SkimMatcherV2, plain: &str, folded: &str) -> Option<i64> {
        let field = if self.case_sensitive { plain } else { folded };
        if !may_fuzzy_match(field.as_bytes(), self.text.as_bytes()) {
            return None;
        }
        matcher.fuzzy_match(field, &self.text)
    }

    /// The word found in the field with one typo (swapped, extra or missing letter, as one run
    /// of text: a fuzzy match with a typo would match nearly anything), scored below every plain
    /// hit, an earlier hit better.
    fn typo(&self, plain: &str, folded: &str) -> Option<i64> {
        let query = self.typo.as_ref()?;
        let field = if self.case_sensitive { plain } else { folded };
        if !self
            .shorter
            .iter()
            .any(|s| may_fuzzy_match(field.as_bytes(), s.as_bytes()))
        {
            return None;
        }
        let hit = query.find(plain)?;
        Some(TYPO - hit.indices.first().map_or(0, |&i| i as i64))
    }
}

/// Whether the word's bytes occur in order in `hay`: a necessary condition for SkimMatcherV2 to
/// match, checked without decoding characters or filling its score matrix. (The matcher respects
/// case, both sides being folded already when case does not count, and matches when the word's
/// characters occur in order; characters in order mean their UTF-8 bytes in order.)
fn may_fuzzy_match(hay: &[u8], word: &[u8]) -> bool {
    let mut rest = hay;
    for &want in word {
        match memchr::memchr(want, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The field as the word is matched against it: folded unless case counts.
    fn field_for(hay: &str, w: &Word) -> String {
        if w.case_sensitive {
            hay.to_string()
        } else {
            fold(hay)
        }
    }

    fn prefilter(hay: &str, word: &str) -> bool {
        let w = Word::new(word);
        may_fuzzy_match(field_for(hay, &w).as_bytes(), w.text.as_bytes())
    }

    #[test]
    fn prefilter_folds_case_by_unicode_only_for_lowercase_words() {
        assert!(prefilter("Microsoft Teams", "teams"));
        assert!(!prefilter("Microsoft Teams", "TEAMS"));
        assert!(prefilter("Office2SharePoint -Übersicht", "übersicht"));
        assert!(!prefilter("office -übersicht", "Übersicht"));
        assert!(prefilter("联系人中心", "联系"));
        assert!(!prefilter("系联", "联系"));
    }

    #[test]
    fn identifiers_score_exact_then_prefix_then_inner() {
        let ids = "wa200001428\n05c3e7fe-59c1-4d68-b334-336aa7ed4b64";
        assert_eq!(id_score(ids, "wa200001428"), Some(ID_EXACT));
        assert_eq!(
            id_score(ids, "05c3e7fe-59c1-4d68-b334-336aa7ed4b64"),
            Some(ID_EXACT)
        );
        assert_eq!(id_score(ids, "05c3"), Some(ID_PREFIX));
        assert_eq!(id_score(ids, "1428"), Some(ID_INNER));
        // Not across two identifiers.
        assert_eq!(id_score(ids, "1428\n05c3"), None);
    }

    /// A haystack, and a word that is mostly a subsequence of it (so skim matches it): some of
    /// its letters, some case-flipped, now and then a letter that is not in the haystack.
    fn hay_and_word() -> impl Strategy<Value = (String, String)> {
        // Letters of both cases, non-ASCII letters that Unicode folds (skim does not), and CJK.
        let hay = proptest::string::string_regex("[a-cA-CéÉß联系 ]{1,16}").unwrap();
        hay.prop_flat_map(|hay| {
            let n = hay.chars().count();
            let picks = proptest::collection::vec((0..n, 0u8..16), 1..=n.min(6));
            (Just(hay), picks)
        })
        .prop_map(|(hay, picks)| {
            let chars: Vec<char> = hay.chars().collect();
            let mut at: Vec<(usize, u8)> = picks;
            at.sort_by_key(|(i, _)| *i);
            at.dedup_by_key(|(i, _)| *i);
            let word = at
                .into_iter()
                .map(|(i, roll)| match roll {
                    0 => chars[i].to_uppercase().next().unwrap_or(chars[i]),
                    1 => 'z',
                    _ => chars[i],
                })
                .collect::<String>();
            (hay, word.trim().to_string())
        })
    }

    /// The guarantee BENCHMARKS.md cites: the byte prefilter never rejects a field the fuzzy
    /// matcher would accept. Inputs are built so that most cases are matches, where the
    /// property says something; the test counts them and requires most.
    #[test]
    fn prefilter_never_rejects_what_skim_matches() {
        use proptest::test_runner::{Config, TestRunner};
        let cases = 512;
        let mut runner = TestRunner::new(Config::with_cases(cases));
        let matcher = SkimMatcherV2::default().respect_case();
        let exercised = std::cell::Cell::new(0u32);
        runner
            .run(&hay_and_word(), |(hay, word)| {
                let w = Word::new(&word);
                let field = field_for(&hay, &w);
                if !word.is_empty() && matcher.fuzzy_match(&field, &w.text).is_some() {
                    exercised.set(exercised.get() + 1);
                    prop_assert!(prefilter(&hay, &word), "{hay:?} {word:?}");
                }
                Ok(())
            })
            .unwrap();
        let exercised = exercised.get();
        // Test output, not the program's: shown with --nocapture to say how much was exercised.
        #[allow(clippy::print_stderr)]
        {
            eprintln!("prefilter property: {exercised} of {cases} cases were skim matches");
        }
        assert!(
            exercised * 2 > cases,
            "only {exercised} of {cases} cases exercised the property"
        );
    }
}
