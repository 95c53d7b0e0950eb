//! Finding a query in one line of text, the way every `/` of the TUI finds (tab rows, the
//! permission index, help) and the app search folds words: Unicode case folding with smart case,
//! one typo tolerated, and GUIDs in any usual form. No terminal types here.
//!
//! - **Case**: a query without an upper-case letter (by Unicode, so `Ü` counts) ignores case;
//!   one with an upper-case letter matches case exactly. Folding is per character, so the
//!   positions of a match in the folded text are its positions in the original.
//! - **One typo**: a query of at least [`TYPO_MIN`] characters that is not found as it is is
//!   looked for with two neighbours swapped, one character left out, or one missing character
//!   allowed in the text. Such a hit says so (`exact == false`) and callers rank it after exact
//!   ones.
//! - **GUIDs**: a query that is a GUID (`{…}`, upper case, `urn:uuid:`, without hyphens) is looked
//!   for in its canonical form, which is how pages and the index write them.

/// Queries shorter than this are matched exactly: one typo in two or three letters matches
/// nearly everything.
pub const TYPO_MIN: usize = 4;

/// A prepared query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextQuery {
    needle: Vec<char>,
    case_sensitive: bool,
}

/// Where a query was found: the char indices of the matched text, and whether it was found as
/// typed (not through a typo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextHit {
    pub indices: Vec<usize>,
    pub exact: bool,
}

/// The character a case-insensitive match compares (the first of its lower case, so that a
/// match keeps one position per character).
pub fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Smart case: whether a query with this text matches case exactly.
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// `text` folded for a case-insensitive match, one char for one char.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

impl TextQuery {
    /// The query of a `/` prompt, or None when it is blank.
    pub fn new(query: &str) -> Option<TextQuery> {
        let q = query.trim();
        if q.is_empty() {
            return None;
        }
        if let Some(guid) = crate::tenant::normalize_guid(q) {
            return Some(TextQuery {
                needle: guid.chars().collect(),
                case_sensitive: false,
            });
        }
        let case_sensitive = is_case_sensitive(q);
        let needle = if case_sensitive {
            q.chars().collect()
        } else {
            q.chars().map(fold_char).collect()
        };
        Some(TextQuery {
            needle,
            case_sensitive,
        })
    }

    /// The first exact occurrence, else the first occurrence with one typo.
    pub fn find(&self, text: &str) -> Option<TextHit> {
        let hay: Vec<char> = if self.case_sensitive {
            text.chars().collect()
        } else {
            text.chars().map(fold_char).collect()
        };
        if let Some(at) = find_chars(&hay, &self.needle) {
            return Some(TextHit {
                indices: (at..at + self.needle.len()).collect(),
                exact: true,
            });
        }
        if self.needle.len() < TYPO_MIN {
            return None;
        }
        find_with_typo(&hay, &self.needle).map(|(at, len)| TextHit {
            indices: (at..at + len).collect(),
            exact: false,
        })
    }

    /// Whether the text holds the query (exactly or with one typo).
    pub fn hits(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

fn find_chars(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&s| hay[s..s + needle.len()] == *needle)
}

/// The leftmost window of `hay` one typo away from `needle`: neighbours swapped, a character
/// too many in the needle, or one missing from it. Returns (start, length).
fn find_with_typo(hay: &[char], needle: &[char]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |found: Option<(usize, usize)>| {
        if let Some(f) = found
            && best.is_none_or(|b| f.0 < b.0)
        {
            best = Some(f);
        }
    };
    let mut variant = needle.to_vec();
    for i in 0..needle.len() - 1 {
        if needle[i] == needle[i + 1] {
            continue;
        }
        variant.swap(i, i + 1);
        consider(find_chars(hay, &variant).map(|at| (at, needle.len())));
        variant.swap(i, i + 1);
    }
    for i in 0..needle.len() {
        let mut shorter = needle.to_vec();
        shorter.remove(i);
        consider(find_chars(hay, &shorter).map(|at| (at, shorter.len())));
    }
    let n = needle.len();
    if hay.len() > n {
        let at = (0..hay.len() - n).find(|&s| one_extra(&hay[s..s + n + 1], needle));
        consider(at.map(|at| (at, n + 1)));
    }
    best
}

/// Whether `window` is `needle` with one character inserted inside it (not at either end, where
/// it would be a plain match of a shorter window).
fn one_extra(window: &[char], needle: &[char]) -> bool {
    if window.first() != needle.first() || window.last() != needle.last() {
        return false;
    }
    let skip = window
        .iter()
        .zip(needle)
        .take_while(|(a, b)| a == b)
        .count();
    window[skip + 1..] == needle[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, q: &str) -> Option<(Vec<usize>, bool)> {
        TextQuery::new(q)?.find(text).map(|h| (h.indices, h.exact))
    }

    #[test]
    fn case_folds_by_unicode_and_smart_case_holds() {
        assert!(find("Office2SharePoint -Übersicht", "übersicht").unwrap().1);
        assert!(find("Office2SharePoint -Übersicht", "Übersicht").is_some());
        assert!(find("office2sharepoint -übersicht", "ÜBE").is_none());
        assert_eq!(find("ПРИЛОЖЕНИЕ", "прил").unwrap().0, vec![0, 1, 2, 3]);
        assert!(find("приложение", "ПРИЛ").is_none());
    }

    #[test]
    fn one_typo_is_found_and_marked() {
        // Swapped neighbours, a letter too many, a letter missing.
        assert_eq!(
            find("Salesforce", "slaesforce"),
            Some(((0..10).collect(), false))
        );
        assert_eq!(
            find("Evernote", "evernoet"),
            Some(((0..8).collect(), false))
        );
        assert_eq!(
            find("Salesforce", "salesfoorce"),
            Some(((0..10).collect(), false))
        );
        assert_eq!(
            find("Salesforce", "salesforc"),
            Some(((0..9).collect(), true))
        );
        assert_eq!(
            find("the Salesforce app", "salesfrce"),
            Some(((4..14).collect(), false))
        );
        assert!(find("Salesforce", "slaesfroce").is_none(), "two typos");
        assert!(find("SOC 3", "SCO").is_none(), "short queries are exact");
    }

    #[test]
    fn exact_hits_win_over_earlier_typo_hits() {
        let (ix, exact) = find("grytics and Grytics", "Grytics").unwrap();
        assert!(exact);
        assert_eq!(ix[0], 12);
    }

    #[test]
    fn guids_in_any_usual_form_find_the_canonical_one() {
        let text = "registration 341e195c-b261-4b05-8ba5-dd4a89b1f3e7 (3 apps)";
        for q in [
            "{341e195c-b261-4b05-8ba5-dd4a89b1f3e7}",
            "341E195C-B261-4B05-8BA5-DD4A89B1F3E7",
            "urn:uuid:341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
            "341e195cb2614b058ba5dd4a89b1f3e7",
        ] {
            assert_eq!(
                find(text, q).unwrap().0,
                (13..49).collect::<Vec<_>>(),
                "{q}"
            );
        }
    }
}
