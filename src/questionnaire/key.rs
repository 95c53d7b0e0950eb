//! Question keys as small numbers: a row carries one, and rows are most of a catalog's memory
//! (a `SharedText` would make a row 32 bytes instead of 24). The questionnaire's keys come
//! first; a key the questionnaire does not have (a catalog written by a newer build) is
//! registered when it is read, so it is written back unchanged.

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU16;
use std::sync::{LazyLock, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::table::questionnaire;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionKey(NonZeroU16);

/// Keys read from catalogs that the questionnaire does not know, after the questionnaire's own.
/// They are leaked: there are few of them (one per distinct key), and a `&'static str` keeps
/// `as_str` free of locks for the common case.
struct Extra {
    names: Vec<&'static str>,
    index: HashMap<&'static str, u16>,
}

static EXTRA: LazyLock<RwLock<Extra>> = LazyLock::new(|| {
    RwLock::new(Extra {
        names: Vec::new(),
        index: HashMap::new(),
    })
});

/// More distinct unknown keys than this are not kept (a hostile catalog could invent millions);
/// such rows read as having no key.
const MAX_EXTRA: usize = 4096;

impl QuestionKey {
    /// The key for a questionnaire entry (`index` into its questions).
    pub(super) fn from_index(index: usize) -> QuestionKey {
        QuestionKey(NonZeroU16::new(index as u16 + 1).expect("index + 1 is not zero"))
    }

    /// Index into the questionnaire's questions, or `None` for a key it does not have.
    pub(super) fn index(self) -> Option<usize> {
        let i = usize::from(self.0.get()) - 1;
        (i < questionnaire().len()).then_some(i)
    }

    /// The key named `name`: the questionnaire's, else one registered for this run. `None` only
    /// when the name is empty or too many unknown names were seen.
    pub fn named(name: &str) -> Option<QuestionKey> {
        if name.is_empty() {
            return None;
        }
        if let Some(k) = questionnaire().key(name) {
            return Some(k);
        }
        let base = questionnaire().len();
        if let Some(&i) = EXTRA
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .index
            .get(name)
        {
            return Some(QuestionKey::from_index(base + usize::from(i)));
        }
        let mut extra = EXTRA.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&i) = extra.index.get(name) {
            return Some(QuestionKey::from_index(base + usize::from(i)));
        }
        if extra.names.len() >= MAX_EXTRA || base + extra.names.len() + 1 >= usize::from(u16::MAX) {
            return None;
        }
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        let i = extra.names.len() as u16;
        extra.names.push(leaked);
        extra.index.insert(leaked, i);
        Some(QuestionKey::from_index(base + usize::from(i)))
    }

    pub fn as_str(self) -> &'static str {
        let i = usize::from(self.0.get()) - 1;
        let table = questionnaire();
        if i < table.len() {
            return table.questions()[i].key.as_str();
        }
        let extra = EXTRA.read().unwrap_or_else(|e| e.into_inner());
        extra.names.get(i - table.len()).copied().unwrap_or("")
    }

    /// The zone part of the key (`security` for `security.pentest_annual`).
    pub fn zone(self) -> &'static str {
        let s = self.as_str();
        s.split_once('.').map_or(s, |(zone, _)| zone)
    }
}

impl fmt::Debug for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for QuestionKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for QuestionKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<QuestionKey, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = QuestionKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a question key such as \"security.pentest_annual\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<QuestionKey, E> {
                QuestionKey::named(s).ok_or_else(|| {
                    E::custom(format!(
                        "`{s}` is not a question key (too many unknown keys, or empty)"
                    ))
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questionnaire_keys_round_trip() {
        let k = QuestionKey::named("security.pentest_annual").unwrap();
        assert_eq!(k.as_str(), "security.pentest_annual");
        assert_eq!(k.zone(), "security");
        assert!(k.index().is_some());
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, "\"security.pentest_annual\"");
        assert_eq!(serde_json::from_str::<QuestionKey>(&json).unwrap(), k);
    }

    #[test]
    fn unknown_keys_are_kept_for_the_run() {
        let k = QuestionKey::named("future.question_2031").unwrap();
        assert_eq!(k.as_str(), "future.question_2031");
        assert_eq!(k.index(), None);
        assert_eq!(QuestionKey::named("future.question_2031"), Some(k));
        assert_eq!(QuestionKey::named(""), None);
    }

    #[test]
    fn an_option_of_a_key_is_two_bytes() {
        assert_eq!(std::mem::size_of::<Option<QuestionKey>>(), 2);
    }
}
