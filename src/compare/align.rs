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

/// The matching key of each row: its questionnaire key when it has one (the same question in
/// any language and wording), else its question text. A nested row (a certification control
/// under its section) without a questionnaire key is keyed with its parent, because controls
/// repeat under several sections ("Penetration testing" under two of them) and must pair with
/// the control of the same section. Rows with no letters or digits in the question get an empty
/// key and never pair by question.
pub fn row_keys(rows: &[&Row]) -> Vec<String> {
    let mut parents: Vec<(u8, String)> = Vec::new();
    rows.iter()
        .map(|row| {
            if let Some(k) = row.key {
                // Questionnaire keys cannot collide with text keys: those have no dots.
                return format!("{k}.");
            }
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
    let mut partner_of_a: Vec<Option<usize>> = a
        .iter()
        .map(|key| waiting.get_mut(key.as_str()).and_then(VecDeque::pop_front))
        .collect();
    let mut a_of_b = vec![None; b.len()];
    for (i, partner) in partner_of_a.iter().enumerate() {
        if let Some(j) = *partner {
            a_of_b[j] = Some(i);
        }
    }
    pair_near_misses(a, b, &mut partner_of_a, &mut a_of_b);

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

/// Second pass: rows left unpaired whose questions differ only slightly — two page versions or
/// translations of one question ("支持Office 365客户端" / "支持的Office 365客户端") — pair with
/// their closest counterpart, best matches first.
fn pair_near_misses(
    a: &[String],
    b: &[String],
    partner_of_a: &mut [Option<usize>],
    a_of_b: &mut [Option<usize>],
) {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, ka) in a.iter().enumerate() {
        if partner_of_a[i].is_some() || ka.is_empty() {
            continue;
        }
        for (j, kb) in b.iter().enumerate() {
            // Numbers carry meaning (ISO 27017 is not ISO 27018; SOC 1 is not SOC 2).
            if a_of_b[j].is_none() && !kb.is_empty() && digits(ka) == digits(kb) {
                let score = similarity(ka, kb);
                if score >= NEAR_MISS {
                    candidates.push((score, i, j));
                }
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in candidates {
        if partner_of_a[i].is_none() && a_of_b[j].is_none() {
            partner_of_a[i] = Some(j);
            a_of_b[j] = Some(i);
        }
    }
}

/// How alike two questions must be to pair as one (see `similarity`).
const NEAR_MISS: f64 = 0.8;

/// 1.0 when one key is the other with a few characters inserted (at most a fifth of it, and at
/// least 4 characters kept); otherwise the Dice coefficient of their character bigrams.
fn similarity(x: &str, y: &str) -> f64 {
    let (xs, ys): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let (short, long) = if xs.len() <= ys.len() {
        (&xs, &ys)
    } else {
        (&ys, &xs)
    };
    if short.len() >= 4
        && long.len() - short.len() <= (long.len() / 5).max(1)
        && is_subsequence(short, long)
    {
        return 1.0;
    }
    let bigrams =
        |v: &[char]| -> Vec<(char, char)> { v.windows(2).map(|w| (w[0], w[1])).collect() };
    let (bx, mut by) = (bigrams(&xs), bigrams(&ys));
    if bx.is_empty() || by.is_empty() {
        return 0.0;
    }
    let total = bx.len() + by.len();
    let mut shared = 0;
    for g in &bx {
        if let Some(k) = by.iter().position(|h| h == g) {
            by.swap_remove(k);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|d| d == c))
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
    fn near_identical_questions_pair_in_a_second_pass() {
        let a = keys(&["支持office365客户端", "公司网站", "完全不同的问题"]);
        let b = keys(&["支持的office365客户端", "公司的网站", "另一个问题"]);
        let (pairs, matched) = align_by_key(&a, &b);
        assert_eq!(matched, 2);
        assert!(pairs.contains(&(Some(0), Some(0))));
        assert!(pairs.contains(&(Some(1), Some(1))));
        assert!(pairs.contains(&(Some(2), None)));
        assert!(pairs.contains(&(None, Some(2))));
    }

    #[test]
    fn exact_matches_win_over_near_misses() {
        let (pairs, _) = align_by_key(
            &keys(&["companywebsite"]),
            &keys(&["companyswebsite", "companywebsite"]),
        );
        assert!(pairs.contains(&(Some(0), Some(1))));
        assert!(pairs.contains(&(None, Some(0))));
    }

    #[test]
    fn questions_that_differ_in_a_number_never_pair() {
        let a = keys(&["应用是否符合国际标准化组织iso27018"]);
        let b = keys(&["应用是否符合国际标准化组织iso27017"]);
        assert_eq!(align_by_key(&a, &b).1, 0);
    }

    #[test]
    fn similarity_rules() {
        assert_eq!(similarity("公司网站", "公司的网站"), 1.0);
        assert!(similarity("soc1", "soc2") < NEAR_MISS);
        assert!(
            similarity(
                "isthe app iso 27001 certified",
                "is the app iso 27018 certified"
            ) < 1.0
        );
    }

    #[test]
    fn position_pairs_extra_rows_alone() {
        assert_eq!(
            align_by_position(1, 3),
            vec![(Some(0), Some(0)), (None, Some(1)), (None, Some(2))]
        );
    }
}
