//! Immutable text that many apps share.
//!
//! A catalog repeats the same few hundred questions and short answers in every app (the zh-CN
//! corpus: 52,855 rows, 220 distinct questions, 5,566 distinct answers). Reading each one into
//! its own `String` made the loaded catalog 1.45× the size of its JSON, and a row cost two
//! allocations. `SharedText` is a reference-counted `str`, and while a catalog is read inside
//! [`interning`], equal texts are read into one allocation.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `Arc<Box<str>>` rather than `Arc<str>`: a thin pointer (8 bytes, not 16) makes a row 24
/// bytes instead of 40, and rows are most of a catalog; the second allocation is paid once per
/// distinct text when interning.
#[derive(Clone)]
pub struct SharedText(Arc<Box<str>>);

/// Longer texts are free-form and rarely repeat; looking them up would cost hashing for nothing.
const INTERN_MAX_BYTES: usize = 512;

thread_local! {
    static INTERNER: RefCell<Option<foldhash::HashSet<SharedText>>> = const { RefCell::new(None) };
}

/// Run `f` with text interning on for this thread: every [`SharedText`] deserialized meanwhile
/// that equals one read before shares its allocation. The table is dropped at the end (the
/// texts live on in what was read). Nested calls share the outer table.
pub fn interning<T>(f: impl FnOnce() -> T) -> T {
    if INTERNER.with(|t| t.borrow().is_some()) {
        return f();
    }
    Interner::default().scope(f)
}

/// A table of texts read so far, to be lent to one thread at a time with
/// [`scope`](Interner::scope): loaders that parse on several threads give each its own.
#[derive(Default)]
pub struct Interner(Option<foldhash::HashSet<SharedText>>);

impl Interner {
    /// Run `f` with this table as the thread's interner, then take it back.
    pub fn scope<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let table = self.0.take().unwrap_or_default();
        let outer = INTERNER.with(|t| t.replace(Some(table)));
        // Take the table back even if `f` panics, so the thread does not keep it.
        struct Restore<'a>(&'a mut Interner, Option<foldhash::HashSet<SharedText>>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                let outer = self.1.take();
                self.0.0 = INTERNER.with(|t| t.replace(outer));
            }
        }
        let _restore = Restore(self, outer);
        f()
    }
}

impl SharedText {
    /// The text, shared with an equal one read before when interning is on.
    pub fn intern(s: &str) -> SharedText {
        if s.is_empty() {
            return SharedText::default();
        }
        if s.len() <= INTERN_MAX_BYTES {
            let hit = INTERNER.with(|t| {
                let mut t = t.borrow_mut();
                let table = t.as_mut()?;
                if let Some(found) = table.get(s) {
                    return Some(found.clone());
                }
                let text = SharedText(Arc::new(Box::from(s)));
                table.insert(text.clone());
                Some(text)
            });
            if let Some(text) = hit {
                return text;
            }
        }
        SharedText(Arc::new(Box::from(s)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for SharedText {
    fn default() -> SharedText {
        static EMPTY: LazyLock<Arc<Box<str>>> = LazyLock::new(|| Arc::new(Box::from("")));
        SharedText(EMPTY.clone())
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for SharedText {
    fn partial_cmp(&self, other: &SharedText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedText {
    fn cmp(&self, other: &SharedText) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl Hash for SharedText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> SharedText {
        SharedText::intern(s)
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> SharedText {
        SharedText::intern(&s)
    }
}

impl From<&String> for SharedText {
    fn from(s: &String) -> SharedText {
        SharedText::intern(s)
    }
}

impl From<&SharedText> for String {
    fn from(s: &SharedText) -> String {
        s.0.to_string()
    }
}

impl From<SharedText> for String {
    fn from(s: SharedText) -> String {
        s.0.to_string()
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedText, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = SharedText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SharedText, E> {
                Ok(SharedText::intern(s))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation_while_interning() {
        let (a, b) = interning(|| {
            let a: SharedText = serde_json::from_str("\"是否对应用执行年度渗透测试？\"").unwrap();
            let b: SharedText = serde_json::from_str("\"是否对应用执行年度渗透测试？\"").unwrap();
            (a, b)
        });
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "是否对应用执行年度渗透测试？");
    }

    #[test]
    fn without_interning_equal_texts_are_separate_but_equal() {
        let a = SharedText::from("Yes");
        let b = SharedText::from("Yes");
        assert!(!Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, b);
    }

    #[test]
    fn long_texts_are_not_interned() {
        let long = "x".repeat(INTERN_MAX_BYTES + 1);
        let (a, b) = interning(|| (SharedText::from(&long), SharedText::from(&long)));
        assert!(!Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, b);
    }

    #[test]
    fn the_table_is_gone_after_the_scope_even_after_a_panic() {
        let _ = std::panic::catch_unwind(|| interning(|| panic!("boom")));
        let a = SharedText::from("Yes");
        let b = SharedText::from("Yes");
        assert!(!Arc::ptr_eq(&a.0, &b.0));
    }

    #[test]
    fn escaped_json_strings_are_read_unescaped_and_written_back_the_same() {
        let t: SharedText = serde_json::from_str(r#""a\"b\u00e9""#).unwrap();
        assert_eq!(t, "a\"bé");
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""a\"bé""#);
    }

    #[test]
    fn a_row_block_stays_three_words() {
        // Rows are most of a loaded catalog's memory (see the type's comment).
        assert_eq!(std::mem::size_of::<SharedText>(), 8);
        assert!(std::mem::size_of::<crate::model::Block>() <= 24);
    }

    #[test]
    fn a_non_string_is_refused() {
        let err = serde_json::from_str::<SharedText>("12").unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
    }
}
