use crate::model::{Answer, Certification, PermissionKind, normalize_answer};
use crate::review::Decision;
use crate::risk::Tier;

use super::any_of::{Bad, parse_any_of};

/// A parsed filter: fuzzy text (all bare words joined) and structured terms, all of which must
/// hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub text: String,
    pub terms: Vec<Term>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.terms.is_empty()
    }

    /// Whether a term needs a tenant export to mean anything (`tenant:`, `granted:`,
    /// `undeclared:`).
    pub fn uses_tenant(&self) -> bool {
        self.terms.iter().any(|t| {
            let tenant = |k: &TermKind| {
                matches!(
                    k,
                    TermKind::InTenant(_) | TermKind::Granted(_) | TermKind::Undeclared(_)
                )
            };
            match &t.kind {
                TermKind::AnyOf(kinds) => kinds.iter().any(tenant),
                k => tenant(k),
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl Cmp {
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Ge => left >= right,
            Cmp::Eq => (left - right).abs() < 0.05,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TermKind {
    Cert(Certification),
    /// Permission name; `*` is a wildcard. Matched together with `Kind` and `Risk` terms on the
    /// same permission.
    Perm(String),
    Kind(PermissionKind),
    /// At least this tier.
    Risk(Tier),
    Client(String),
    Lang(String),
    Publisher(String),
    Id(String),
    /// `review:none` is `None`.
    Review(Option<Decision>),
    Bookmarked,
    /// `review:changed`: the app differs from the version its decision was made on.
    ChangedSinceReview,
    Score(Cmp, f64),
    /// The app has this zone.
    Zone(String),
    /// Some row of the zone has this value.
    ZoneAnswer(String, Answer),
    /// Some row whose question matches the text has this value.
    Answer(String, Answer),
    /// The app has (true) or has no (false) service principal in the tenant export.
    InTenant(bool),
    /// The tenant granted the app this permission; `*` is a wildcard.
    Granted(String),
    /// The tenant granted the app a permission its attestation does not list, of at least this
    /// tier (None: any tier).
    Undeclared(Option<Tier>),
    /// `key:a,b`: any of these terms (all of one key) holds.
    AnyOf(Vec<TermKind>),
}

/// Where a filter went wrong: the character offset and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {}: {message}", position + 1)]
pub struct QueryError {
    /// Character offset in the query (0-based).
    pub position: usize,
    /// Length of the offending token, in characters.
    pub len: usize,
    pub message: String,
}

struct Token {
    text: String,
    /// Whether a quote was inside the token: `"SOC 2"=yes`.
    quoted: bool,
    start: usize,
    len: usize,
}

fn tokenize(query: &str) -> Result<Vec<Token>, QueryError> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = query.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut text = String::new();
        let mut quoted = false;
        while i < chars.len() && !chars[i].is_whitespace() {
            if chars[i] == '"' {
                quoted = true;
                let open = i;
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    text.push(chars[i]);
                    i += 1;
                }
                if i == chars.len() {
                    return Err(QueryError {
                        position: open,
                        len: chars.len() - open,
                        message: "unclosed quote: expected a closing \"".into(),
                    });
                }
                i += 1;
            } else {
                text.push(chars[i]);
                i += 1;
            }
        }
        tokens.push(Token {
            text,
            quoted,
            start,
            len: i - start,
        });
    }
    Ok(tokens)
}

pub fn parse_filter(query: &str) -> Result<Filter, QueryError> {
    let mut filter = Filter::default();
    let mut words = Vec::new();
    for token in tokenize(query)? {
        let err = |message: String| QueryError {
            position: token.start,
            len: token.len,
            message,
        };
        let (negated, body) = match token.text.strip_prefix(['-', '!']) {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, token.text.as_str()),
        };
        let offset = token.len - body.chars().count();
        let term = parse_any_of(body, token.quoted, parse_term, TermKind::AnyOf).map_err(
            |bad| match bad.at {
                // Offsets inside the body are offsets in the query only when no quote was removed.
                Some((at, len)) if !token.quoted => QueryError {
                    position: token.start + offset + at,
                    len,
                    message: bad.message,
                },
                _ => err(bad.message),
            },
        )?;
        if let Some(kind) = term {
            filter.terms.push(Term { negated, kind });
        } else {
            words.push(token.text.clone());
        }
    }
    filter.text = words.join(" ");
    Ok(filter)
}

/// The valid values of a key, as the error messages list them: "a, b or c".
fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// None: not a term, just a word for fuzzy search.
fn parse_term(body: &str, quoted: bool) -> Result<Option<TermKind>, Bad> {
    // An answer test: `QUESTION=VALUE` or `zone:PIVOT=VALUE`.
    if let Some((left, right)) = body.rsplit_once('=')
        && !left.is_empty()
        && !right.contains(['<', '>'])
        && !left.ends_with(['<', '>'])
    {
        let value = parse_answer(right).map_err(Bad::token)?;
        if let Some(pivot) = left.strip_prefix("zone:") {
            return Ok(Some(TermKind::ZoneAnswer(pivot.to_lowercase(), value)));
        }
        return Ok(Some(TermKind::Answer(left.to_string(), value)));
    }
    if quoted {
        return Ok(None);
    }
    let Some((key, raw)) = body.split_once(':') else {
        return Ok(None);
    };
    let value = raw.trim();
    // The value's place in the body, to underline it rather than the whole term.
    let lead = raw.chars().count() - raw.trim_start().chars().count();
    let at = key.chars().count() + 1 + lead;
    // An empty value needs one; any other value that is not valid is named, with the valid ones.
    let need = |what: &str, expected: &str| {
        if value.is_empty() {
            Bad::token(format!("`{key}:` needs a value: {expected}"))
        } else {
            Bad {
                message: format!("`{value}` is not {what}; expected {expected}"),
                at: Some((at, value.chars().count())),
            }
        }
    };
    let tiers: Vec<&str> = Tier::ALL.iter().map(|t| t.as_str()).collect();
    let decisions: Vec<String> = Decision::ALL
        .iter()
        .map(|d| d.as_str().replace('_', "-"))
        .chain(["none".into(), "bookmarked".into(), "changed".into()])
        .collect();
    let decisions: Vec<&str> = decisions.iter().map(String::as_str).collect();
    let kind = match key.to_ascii_lowercase().as_str() {
        "cert" | "certification" => TermKind::Cert(match value.to_ascii_lowercase().as_str() {
            "certified" => Certification::Certified,
            "attested" => Certification::Attested,
            "none" => Certification::None,
            _ => {
                return Err(need(
                    "a certification",
                    &one_of(&["certified", "attested", "none"]),
                ));
            }
        }),
        "perm" | "permission" if !value.is_empty() => TermKind::Perm(value.to_string()),
        "perm" | "permission" => return Err(need("", "a permission name such as Mail.Read")),
        "kind" => TermKind::Kind(match value.to_ascii_lowercase().as_str() {
            "application" | "app" => PermissionKind::Application,
            "delegated" => PermissionKind::Delegated,
            "both" => PermissionKind::Both,
            _ => {
                return Err(need(
                    "a permission kind",
                    &one_of(&["application", "delegated", "both"]),
                ));
            }
        }),
        "risk" | "tier" => match Tier::parse(value) {
            Some(t) => TermKind::Risk(t),
            None => return Err(need("a risk tier", &one_of(&tiers))),
        },
        "client" if !value.is_empty() => TermKind::Client(value.to_lowercase()),
        "lang" | "language" if !value.is_empty() => TermKind::Lang(value.to_lowercase()),
        "pub" | "publisher" if !value.is_empty() => TermKind::Publisher(value.to_lowercase()),
        "id" if !value.is_empty() => TermKind::Id(value.to_lowercase()),
        "client" | "lang" | "language" | "pub" | "publisher" | "id" => {
            return Err(need("", "some text"));
        }
        "review" => match value.to_ascii_lowercase().as_str() {
            "none" => TermKind::Review(None),
            "bookmarked" | "bookmark" => TermKind::Bookmarked,
            "changed" => TermKind::ChangedSinceReview,
            v => match Decision::parse(v) {
                Some(d) => TermKind::Review(Some(d)),
                None => return Err(need("a review state", &one_of(&decisions))),
            },
        },
        "score" => {
            let (cmp, number) = parse_comparison(value)
                .ok_or_else(|| need("a comparison", "a comparison such as <5, >=7.5 or 8"))?;
            TermKind::Score(cmp, number)
        }
        "tenant" => TermKind::InTenant(match value.to_ascii_lowercase().as_str() {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return Err(need("yes or no", "yes or no")),
        }),
        "granted" if !value.is_empty() => TermKind::Granted(value.to_string()),
        "granted" => return Err(need("", "a permission name such as Mail.Read")),
        "undeclared" => match value.to_ascii_lowercase().as_str() {
            "any" => TermKind::Undeclared(None),
            v => match Tier::parse(v).filter(|t| *t != Tier::Unknown) {
                Some(t) => TermKind::Undeclared(Some(t)),
                None => {
                    let rated: Vec<&str> = std::iter::once("any")
                        .chain(tiers.iter().copied().filter(|t| *t != "unknown"))
                        .collect();
                    return Err(need("`any` or a rated tier", &one_of(&rated)));
                }
            },
        },
        "zone" if !value.is_empty() => TermKind::Zone(value.to_lowercase()),
        "zone" => return Err(need("", "a pivot such as compliance")),
        // `https://…` and other colons in plain words are searched as text.
        _ if key.contains('/') || value.starts_with("//") => return Ok(None),
        // So is a GUID written `urn:uuid:…`.
        "urn" if crate::tenant::normalize_guid(body).is_some() => return Ok(None),
        other => {
            return Err(Bad::token(format!(
                "unknown filter key `{other}:`; expected one of cert, perm, kind, risk, client, lang, pub, id, review, score, zone, tenant, granted, undeclared"
            )));
        }
    };
    Ok(Some(kind))
}

fn parse_comparison(s: &str) -> Option<(Cmp, f64)> {
    let (cmp, rest) = [
        ("<=", Cmp::Le),
        (">=", Cmp::Ge),
        ("<", Cmp::Lt),
        (">", Cmp::Gt),
        ("=", Cmp::Eq),
    ]
    .into_iter()
    .find_map(|(p, c)| s.strip_prefix(p).map(|r| (c, r)))
    .unwrap_or((Cmp::Eq, s));
    let n: f64 = rest.trim().parse().ok()?;
    n.is_finite().then_some((cmp, n))
}

fn parse_answer(s: &str) -> Result<Answer, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "na" | "n/a" | "not_applicable" | "not-applicable" => Ok(Answer::NotApplicable),
        "unanswered" | "none" | "empty" => Ok(Answer::Unanswered),
        "text" => Ok(Answer::Text),
        _ => match normalize_answer(s) {
            Answer::Text | Answer::Unanswered => Err(format!(
                "`{s}` is not an answer value; expected yes, no, na, unanswered or text"
            )),
            v => Ok(v),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<TermKind> {
        parse_filter(q)
            .unwrap()
            .terms
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn words_and_terms_separate() {
        let f = parse_filter("contact cert:certified center").unwrap();
        assert_eq!(f.text, "contact center");
        assert_eq!(f.terms[0].kind, TermKind::Cert(Certification::Certified));
    }

    #[test]
    fn negation_with_minus_or_bang() {
        let f = parse_filter("-review:blocked !kind:application").unwrap();
        assert!(f.terms.iter().all(|t| t.negated));
    }

    #[test]
    fn answer_tests_with_quotes_and_zones() {
        assert_eq!(
            terms("\"SOC 2\"=yes"),
            [TermKind::Answer("SOC 2".into(), Answer::Yes)]
        );
        assert_eq!(
            terms("zone:compliance=no"),
            [TermKind::ZoneAnswer("compliance".into(), Answer::No)]
        );
        assert_eq!(
            terms("HIPAA=不适用"),
            [TermKind::Answer("HIPAA".into(), Answer::NotApplicable)]
        );
    }

    #[test]
    fn score_comparisons() {
        assert_eq!(terms("score:<5"), [TermKind::Score(Cmp::Lt, 5.0)]);
        assert_eq!(terms("score:>=7.5"), [TermKind::Score(Cmp::Ge, 7.5)]);
        assert_eq!(terms("score:8"), [TermKind::Score(Cmp::Eq, 8.0)]);
    }

    #[test]
    fn errors_point_at_the_bad_token() {
        let e = parse_filter("teams risk:extreme").unwrap_err();
        assert_eq!(e.position, 11, "the value, not the key");
        assert!(e.message.contains("critical, high"), "{e}");
        let e = parse_filter("colour:red").unwrap_err();
        assert!(e.message.contains("unknown filter key `colour:`"), "{e}");
        let e = parse_filter("x \"SOC 2=yes").unwrap_err();
        assert_eq!(e.position, 2);
        let e = parse_filter("\"SOC 2\"=maybe").unwrap_err();
        assert!(e.message.contains("not an answer value"), "{e}");
        assert_eq!(parse_filter("score:<abc").unwrap_err().position, 6);
    }

    #[test]
    fn tenant_terms() {
        assert_eq!(
            terms("tenant:yes -tenant:no"),
            [TermKind::InTenant(true), TermKind::InTenant(false)]
        );
        assert_eq!(
            terms("granted:Mail.* undeclared:any undeclared:critical undeclared:High"),
            [
                TermKind::Granted("Mail.*".into()),
                TermKind::Undeclared(None),
                TermKind::Undeclared(Some(Tier::Critical)),
                TermKind::Undeclared(Some(Tier::High)),
            ]
        );
        assert!(parse_filter("undeclared:any").unwrap().uses_tenant());
        assert!(!parse_filter("perm:Mail.Read").unwrap().uses_tenant());
        // A wrong value is underlined; a missing one blames the whole term.
        for (bad, at) in [
            ("tenant:maybe", 7),
            ("granted:", 0),
            ("undeclared:unknown", 11),
            ("undeclared:", 0),
        ] {
            let e = parse_filter(bad).unwrap_err();
            assert_eq!(e.position, at, "{bad}");
            assert!(
                e.message.contains("needs a value") || e.message.contains(" is not "),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn urls_are_plain_words() {
        assert_eq!(
            parse_filter("https://example.com").unwrap().text,
            "https://example.com"
        );
        let urn = "urn:uuid:341e195c-b261-4b05-8ba5-dd4a89b1f3e7";
        assert_eq!(parse_filter(urn).unwrap().text, urn);
    }
}
