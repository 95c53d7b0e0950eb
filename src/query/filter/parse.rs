use crate::model::{Answer, Certification, PermissionKind, normalize_answer};
use crate::review::Decision;
use crate::risk::Tier;

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
            matches!(
                t.kind,
                TermKind::InTenant(_) | TermKind::Granted(_) | TermKind::Undeclared(_)
            )
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
        if let Some(kind) = parse_term(body, token.quoted).map_err(err)? {
            filter.terms.push(Term { negated, kind });
        } else {
            words.push(token.text.clone());
        }
    }
    filter.text = words.join(" ");
    Ok(filter)
}

/// None: not a term, just a word for fuzzy search.
fn parse_term(body: &str, quoted: bool) -> Result<Option<TermKind>, String> {
    // An answer test: `QUESTION=VALUE` or `zone:PIVOT=VALUE`.
    if let Some((left, right)) = body.rsplit_once('=')
        && !left.is_empty()
        && !right.contains(['<', '>'])
        && !left.ends_with(['<', '>'])
    {
        let value = parse_answer(right)?;
        if let Some(pivot) = left.strip_prefix("zone:") {
            return Ok(Some(TermKind::ZoneAnswer(pivot.to_lowercase(), value)));
        }
        return Ok(Some(TermKind::Answer(left.to_string(), value)));
    }
    if quoted {
        return Ok(None);
    }
    let Some((key, value)) = body.split_once(':') else {
        return Ok(None);
    };
    let value = value.trim();
    let need = |what: &str| format!("`{key}:` needs a value: {what}");
    let kind = match key.to_ascii_lowercase().as_str() {
        "cert" | "certification" => TermKind::Cert(match value.to_ascii_lowercase().as_str() {
            "certified" => Certification::Certified,
            "attested" => Certification::Attested,
            "none" => Certification::None,
            _ => return Err(need("certified, attested or none")),
        }),
        "perm" | "permission" if !value.is_empty() => TermKind::Perm(value.to_string()),
        "perm" | "permission" => return Err(need("a permission name such as Mail.Read")),
        "kind" => TermKind::Kind(match value.to_ascii_lowercase().as_str() {
            "application" | "app" => PermissionKind::Application,
            "delegated" => PermissionKind::Delegated,
            "both" => PermissionKind::Both,
            _ => return Err(need("application, delegated or both")),
        }),
        "risk" | "tier" => match Tier::parse(value) {
            Some(t) => TermKind::Risk(t),
            None => return Err(need("critical, high, medium, low or unknown")),
        },
        "client" if !value.is_empty() => TermKind::Client(value.to_lowercase()),
        "lang" | "language" if !value.is_empty() => TermKind::Lang(value.to_lowercase()),
        "pub" | "publisher" if !value.is_empty() => TermKind::Publisher(value.to_lowercase()),
        "id" if !value.is_empty() => TermKind::Id(value.to_lowercase()),
        "client" | "lang" | "language" | "pub" | "publisher" | "id" => {
            return Err(need("some text"));
        }
        "review" => match value.to_ascii_lowercase().as_str() {
            "none" => TermKind::Review(None),
            "bookmarked" | "bookmark" => TermKind::Bookmarked,
            v => match Decision::parse(v) {
                Some(d) => TermKind::Review(Some(d)),
                None => return Err(need("approved, blocked, needs-review, none or bookmarked")),
            },
        },
        "score" => {
            let (cmp, number) = parse_comparison(value)
                .ok_or_else(|| need("a comparison such as <5, >=7.5 or 8"))?;
            TermKind::Score(cmp, number)
        }
        "tenant" => TermKind::InTenant(match value.to_ascii_lowercase().as_str() {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return Err(need("yes or no")),
        }),
        "granted" if !value.is_empty() => TermKind::Granted(value.to_string()),
        "granted" => return Err(need("a permission name such as Mail.Read")),
        "undeclared" => match value.to_ascii_lowercase().as_str() {
            "any" => TermKind::Undeclared(None),
            v => match Tier::parse(v).filter(|t| *t != Tier::Unknown) {
                Some(t) => TermKind::Undeclared(Some(t)),
                None => return Err(need("any, critical, high, medium or low")),
            },
        },
        "zone" if !value.is_empty() => TermKind::Zone(value.to_lowercase()),
        "zone" => return Err(need("a pivot such as compliance")),
        // `https://…` and other colons in plain words are searched as text.
        _ if key.contains('/') || value.starts_with("//") => return Ok(None),
        // So is a GUID written `urn:uuid:…`.
        "urn" if crate::tenant::normalize_guid(body).is_some() => return Ok(None),
        other => {
            return Err(format!(
                "unknown filter key `{other}:`; expected one of cert, perm, kind, risk, client, lang, pub, id, review, score, zone, tenant, granted, undeclared"
            ));
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
        assert_eq!(e.position, 6);
        assert!(e.message.contains("critical, high"), "{e}");
        let e = parse_filter("colour:red").unwrap_err();
        assert!(e.message.contains("unknown filter key `colour:`"), "{e}");
        let e = parse_filter("x \"SOC 2=yes").unwrap_err();
        assert_eq!(e.position, 2);
        let e = parse_filter("\"SOC 2\"=maybe").unwrap_err();
        assert!(e.message.contains("not an answer value"), "{e}");
        assert_eq!(parse_filter("score:<abc").unwrap_err().position, 0);
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
        for bad in [
            "tenant:maybe",
            "granted:",
            "undeclared:unknown",
            "undeclared:",
        ] {
            let e = parse_filter(bad).unwrap_err();
            assert_eq!(e.position, 0, "{bad}");
            assert!(e.message.contains("needs a value"), "{bad}: {e}");
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
