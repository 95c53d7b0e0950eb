//! Comma-separated values of one key mean "any of": `review:approved,blocked` keeps apps that
//! are approved or blocked, `cert:certified,attested` those with either mark. Each value is
//! parsed as its own `key:value` term, so every key gets lists the same way and an error names
//! the one value that is wrong, at its place in the query.

/// Why a term does not parse, and which characters of the term (offset, length) are wrong;
/// `at: None` blames the whole token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bad {
    pub message: String,
    pub at: Option<(usize, usize)>,
}

impl Bad {
    pub(super) fn token(message: String) -> Bad {
        Bad { message, at: None }
    }
}

/// A term's body (without its `-`) parsed by `parse_term`, comma-separated values of one key
/// each parsed as `key:value` and joined by `any` (the filter's "any of" term).
pub(super) fn parse_any_of<T: PartialEq>(
    body: &str,
    quoted: bool,
    parse_term: impl Fn(&str, bool) -> Result<Option<T>, Bad>,
    any: impl FnOnce(Vec<T>) -> T,
) -> Result<Option<T>, Bad> {
    let Some((key, value)) = body.split_once(':') else {
        return parse_term(body, quoted);
    };
    // Answer tests (`zone:x=yes`) and quoted words keep their commas; so does a word that is
    // not a term at all (`https://a.example/x,y`).
    let answer_test = body.contains('=') && !key.eq_ignore_ascii_case("score");
    let word = matches!(parse_term(body, false), Ok(None));
    if quoted || answer_test || !value.contains(',') || word {
        return parse_term(body, quoted);
    }
    let value_start = key.chars().count() + 1;
    let mut kinds = Vec::new();
    let mut offset = value_start;
    for part in value.split(',') {
        let len = part.chars().count();
        let trimmed = part.trim();
        let start = offset + part.chars().count() - part.trim_start().chars().count();
        if trimmed.is_empty() {
            return Err(Bad {
                message: format!(
                    "`{key}:` has an empty value next to a comma; list values without spaces, as in `{key}:a,b`"
                ),
                at: Some((offset.saturating_sub(1), len + 1)),
            });
        }
        let one = format!("{key}:{trimmed}");
        match parse_term(&one, false) {
            Ok(Some(kind)) => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            // `key:` parsed as a term for the whole value, so it does for each part.
            Ok(None) => return parse_term(body, quoted),
            Err(bad) => {
                let at = match bad.at {
                    Some((at, n)) => (at - value_start + start, n),
                    None => (start, trimmed.chars().count()),
                };
                return Err(Bad {
                    message: bad.message,
                    at: Some(at),
                });
            }
        }
        offset += len + 1;
    }
    Ok(Some(match kinds.len() {
        1 => kinds.remove(0),
        _ => any(kinds),
    }))
}

#[cfg(test)]
mod tests {
    use crate::model::Certification;
    use crate::query::filter::{TermKind, parse_filter};
    use crate::review::Decision;
    use crate::risk::Tier;

    fn kinds(q: &str) -> Vec<TermKind> {
        let f = parse_filter(q).unwrap();
        f.terms.into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn commas_mean_any_of_the_values() {
        assert_eq!(
            kinds("review:approved,blocked"),
            [TermKind::AnyOf(vec![
                TermKind::Review(Some(Decision::Approved)),
                TermKind::Review(Some(Decision::Blocked)),
            ])]
        );
        assert_eq!(
            kinds("cert:certified,attested"),
            [TermKind::AnyOf(vec![
                TermKind::Cert(Certification::Certified),
                TermKind::Cert(Certification::Attested),
            ])]
        );
        // One value twice is that value.
        assert_eq!(
            kinds("risk:high,HIGH"),
            [TermKind::Risk(Tier::High)],
            "duplicates fold"
        );
    }

    #[test]
    fn words_answer_tests_and_urls_keep_their_commas() {
        assert_eq!(
            parse_filter("https://a.example/x,y").unwrap().text,
            "https://a.example/x,y"
        );
        let e = parse_filter("zone:compliance=yes,no").unwrap_err();
        assert!(e.message.contains("`yes,no` is not an answer value"), "{e}");
    }

    #[test]
    fn a_bad_value_in_a_list_is_named_where_it_stands() {
        let q = "cert:certified risk:high,extreme";
        let e = parse_filter(q).unwrap_err();
        assert_eq!(e.position, q.find("extreme").unwrap(), "{e}");
        assert_eq!(e.len, "extreme".len());
        assert!(e.message.starts_with("`extreme` is not a risk tier"), "{e}");
        assert!(e.message.contains("critical, high, medium"), "{e}");
        let e = parse_filter("review:approved,,blocked").unwrap_err();
        assert!(e.message.contains("empty value"), "{e}");
        assert_eq!(e.position, "review:approved".len());
        // Values are one word: a space after the comma leaves an empty value, said so.
        let e = parse_filter("cert:certified, attested").unwrap_err();
        assert!(e.message.contains("without spaces"), "{e}");
    }

    #[test]
    fn a_single_bad_value_is_named_and_underlined() {
        let e = parse_filter("teams risk:extreme").unwrap_err();
        assert_eq!((e.position, e.len), (11, 7), "{e}");
        assert_eq!(
            e.message,
            "`extreme` is not a risk tier; expected critical, high, medium, low or unknown"
        );
        let e = parse_filter("-review:maybe").unwrap_err();
        assert_eq!(e.position, 8, "{e}");
        assert!(
            e.message.starts_with("`maybe` is not a review state"),
            "{e}"
        );
        assert!(e.message.contains("needs-review"), "{e}");
        // No value at all still says a value is needed.
        let e = parse_filter("risk:").unwrap_err();
        assert!(e.message.contains("`risk:` needs a value"), "{e}");
    }
}
