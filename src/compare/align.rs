//! Pairing the rows of one zone of A with the rows of the same zone of B.
//!
//! The output is a list of pairs of row indices, in display order. Rows only one side has keep
//! their place: A's rows stay in A's order, and a row only B has follows the row that precedes it
//! on B's page, so it shows up next to its neighbours.

use std::collections::{HashMap, VecDeque};

use super::normalize::text_key;
use crate::model::Row;

/// Indices into A's and B's rows of the zone; at least one side is `Some`.
pub type Pair = (Option<usize>, Option<usize>);

/// The matching key of each row. A nested row (a certification control under its section) is
/// keyed with its parent, because controls repeat under several sections ("Penetration testing"
/// under two of them) and must pair with the control of the same section. Rows with no letters
/// or digits in the question get an empty key and never pair by question.
pub fn row_keys(rows: &[&Row]) -> Vec<String> {
    let mut parents: Vec<(u8, String)> = Vec::new();
    rows.iter()
        .map(|row| {
            let own = text_key(&row.question);
            while parents.last().is_some_and(|(level, _)| *level >= row.level) {
                parents.pop();
            }
            let key = match parents.last() {
                Some((_, parent)) if !own.is_empty() => format!("{parent}\u{1f}{own}"),
                _ => own.clone(),
            };
            parents.push((row.level, own));
            key
        })
        .collect()
}

/// Pair rows with equal keys: the n-th A row with a key pairs with the n-th B row with that key,
/// so duplicated questions pair in order and never cross. Returns the pairs and how many rows
/// paired.
pub fn align_by_key(a: &[String], b: &[String]) -> (Vec<Pair>, usize) {
    let mut waiting: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (j, key) in b.iter().enumerate() {
        if !key.is_empty() {
            waiting.entry(key.as_str()).or_default().push_back(j);
        }
    }
    let partner_of_a: Vec<Option<usize>> = a
        .iter()
        .map(|key| waiting.get_mut(key.as_str()).and_then(VecDeque::pop_front))
        .collect();
    let mut a_of_b = vec![None; b.len()];
    for (i, partner) in partner_of_a.iter().enumerate() {
        if let Some(j) = *partner {
            a_of_b[j] = Some(i);
        }
    }

    // B-only rows, grouped by the A row they follow: slot 0 is "before A's first row", slot
    // i + 1 is "after A's row i".
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); a.len() + 1];
    let mut slot = 0;
    for (j, partner) in a_of_b.iter().enumerate() {
        match *partner {
            Some(i) => slot = i + 1,
            None => after[slot].push(j),
        }
    }

    let mut pairs: Vec<Pair> = after[0].iter().map(|&j| (None, Some(j))).collect();
    for (i, partner) in partner_of_a.iter().enumerate() {
        pairs.push((Some(i), *partner));
        pairs.extend(after[i + 1].iter().map(|&j| (None, Some(j))));
    }
    let matched = a_of_b.iter().flatten().count();
    (pairs, matched)
}

/// The n-th row with the n-th row; the longer side's extra rows stand alone at the end.
pub fn align_by_position(a_len: usize, b_len: usize) -> Vec<Pair> {
    (0..a_len.max(b_len))
        .map(|i| ((i < a_len).then_some(i), (i < b_len).then_some(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn reordered_keys_pair_and_follow_a() {
        let (pairs, matched) = align_by_key(&keys(&["x", "y", "z"]), &keys(&["z", "x", "y"]));
        assert_eq!(matched, 3);
        assert_eq!(
            pairs,
            vec![(Some(0), Some(1)), (Some(1), Some(2)), (Some(2), Some(0))]
        );
    }

    #[test]
    fn rows_only_b_has_follow_their_neighbour_on_b() {
        let (pairs, _) = align_by_key(&keys(&["x", "y"]), &keys(&["new0", "x", "new2", "y"]));
        assert_eq!(
            pairs,
            vec![
                (None, Some(0)),
                (Some(0), Some(1)),
                (None, Some(2)),
                (Some(1), Some(3)),
            ]
        );
    }

    #[test]
    fn duplicate_keys_pair_in_order() {
        let (pairs, matched) = align_by_key(&keys(&["d", "x", "d"]), &keys(&["d", "d"]));
        assert_eq!(matched, 2);
        assert_eq!(
            pairs,
            vec![(Some(0), Some(0)), (Some(1), None), (Some(2), Some(1))]
        );
    }

    #[test]
    fn empty_keys_never_pair() {
        let (pairs, matched) = align_by_key(&keys(&[""]), &keys(&[""]));
        assert_eq!(matched, 0);
        // With nothing paired before it, B's row goes first.
        assert_eq!(pairs, vec![(None, Some(0)), (Some(0), None)]);
    }

    #[test]
    fn nested_rows_are_keyed_with_their_section() {
        let rows = [
            Row::new("Application security", "Pass", 0),
            Row::new("Penetration testing", "In scope", 1),
            Row::new("Operational security", "Pass", 0),
            Row::new("Penetration testing", "In scope", 1),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let k = row_keys(&refs);
        assert_ne!(k[1], k[3]);
        assert_eq!(k[0], "applicationsecurity");
    }

    #[test]
    fn position_pairs_extra_rows_alone() {
        assert_eq!(
            align_by_position(1, 3),
            vec![(Some(0), Some(0)), (None, Some(1)), (None, Some(2))]
        );
    }
}
