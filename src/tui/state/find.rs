//! The `/` of a list that finds rather than filters (help, the permission index): the query,
//! which item is the current match, and moving to the next or previous one. Any list layer keeps
//! one [`Find`] and asks it with a "does item i match" closure; views highlight with the same
//! [`TextQuery`] (`view::text::found`), so what is highlighted is what `n` stops at.

use crate::query::TextQuery;
use crate::tui::action::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
}

impl Find {
    /// Apply a typing action (`SearchInput`, `SearchBackspace`, `SearchClear`); None for any
    /// other action, else whether the query changed.
    pub fn edit(&mut self, action: &Action) -> Option<bool> {
        let before = self.query.len();
        match action {
            Action::SearchInput(c) => self.query.push(*c),
            Action::SearchBackspace => {
                self.query.pop();
            }
            Action::SearchClear => self.query.clear(),
            _ => return None,
        }
        Some(before != self.query.len())
    }

    /// The prepared query, None while it is blank.
    pub fn text_query(&self) -> Option<TextQuery> {
        TextQuery::new(&self.query)
    }

    /// The first item at `from` or after it (wrapping) that matches: where typing lands.
    pub fn first_from(
        &self,
        from: usize,
        len: usize,
        hit: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.text_query()?;
        (0..len).map(|k| (from + k) % len).find(|&i| hit(i))
    }

    /// The next (or previous) matching item after `from`, wrapping around: `n` and `N`.
    pub fn step(
        &self,
        from: usize,
        len: usize,
        forward: bool,
        hit: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.text_query()?;
        (1..=len)
            .map(|k| {
                if forward {
                    (from + k) % len
                } else {
                    (from + len * 2 - k) % len
                }
            })
            .find(|&i| hit(i))
    }

    /// How many items match, and which of them `at` is (1-based), for "2/5".
    pub fn count(&self, at: usize, len: usize, hit: impl Fn(usize) -> bool) -> (usize, usize) {
        if self.text_query().is_none() {
            return (0, 0);
        }
        let hits: Vec<usize> = (0..len).filter(|&i| hit(i)).collect();
        let nth = hits.iter().position(|&i| i == at).map_or(0, |p| p + 1);
        (nth, hits.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_wrap_both_ways_and_blank_finds_nothing() {
        let mut f = Find::default();
        let even = |i: usize| i.is_multiple_of(2);
        assert_eq!(f.step(0, 6, true, even), None);
        for c in "x".chars() {
            f.edit(&Action::SearchInput(c));
        }
        assert_eq!(f.step(0, 6, true, even), Some(2));
        assert_eq!(f.step(4, 6, true, even), Some(0));
        assert_eq!(f.step(0, 6, false, even), Some(4));
        assert_eq!(f.first_from(3, 6, even), Some(4));
        assert_eq!(f.count(4, 6, even), (3, 3));
        assert_eq!(f.edit(&Action::SearchBackspace), Some(true));
        assert_eq!(f.edit(&Action::MoveDown), None);
    }
}
