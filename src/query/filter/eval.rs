use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Filter, Term, TermKind};
use crate::model::{App, Catalog, Permission};
use crate::query::{AppMatch, AppSearcher};
use crate::review::ReviewStore;
use crate::risk::RiskTable;
use crate::tenant::TenantIndex;

/// What a filter can look at beyond the app itself.
pub struct FilterContext<'a> {
    pub catalog: &'a Catalog,
    pub risk: &'a RiskTable,
    pub reviews: Option<&'a ReviewStore>,
    /// Score per app, by catalog index; `score:` terms match nothing without it.
    pub scores: Option<&'a [f64]>,
    /// The tenant export joined with the catalog; without it no app is in the tenant.
    pub tenant: Option<&'a TenantIndex>,
}

impl FilterContext<'_> {
    /// Apps matching the filter: fuzzy text ranks them (best first), the terms keep or drop them.
    pub fn apply(&self, filter: &Filter, searcher: &AppSearcher) -> Vec<AppMatch> {
        // Highlight positions are left to whoever shows the hits (only the visible ones need them).
        let mut hits = searcher.search_ranked(&filter.text);
        if !filter.terms.is_empty() {
            let matcher = SkimMatcherV2::default().ignore_case();
            hits.retain(|h| matches_with(filter, self, h.index, &matcher));
        }
        hits
    }
}

impl FilterContext<'_> {
    /// Indices of the apps the filter's terms keep, in catalog order, for a filter with no fuzzy
    /// text: no search index is needed (a scripting command then never builds one).
    pub fn apply_terms(&self, filter: &Filter) -> Vec<usize> {
        let matcher = SkimMatcherV2::default().ignore_case();
        (0..self.catalog.apps.len())
            .filter(|&i| filter.terms.is_empty() || matches_with(filter, self, i, &matcher))
            .collect()
    }
}

/// Whether app `index` satisfies every term of the filter (the fuzzy text is not checked here).
pub fn matches(filter: &Filter, ctx: &FilterContext, index: usize) -> bool {
    matches_with(filter, ctx, index, &SkimMatcherV2::default().ignore_case())
}

fn matches_with(
    filter: &Filter,
    ctx: &FilterContext,
    index: usize,
    matcher: &SkimMatcherV2,
) -> bool {
    let app = &ctx.catalog.apps[index];
    let permission_terms: Vec<&TermKind> = filter
        .terms
        .iter()
        .filter(|t| !t.negated && is_permission_term(&t.kind))
        .map(|t| &t.kind)
        .collect();
    // Positive permission terms describe one permission together: `perm:X kind:application` is
    // "requests X as an application permission", not "requests X, and something as application".
    if !permission_terms.is_empty()
        && !app.permissions.iter().any(|p| {
            permission_terms
                .iter()
                .all(|t| permission_matches(t, p, ctx.risk))
        })
    {
        return false;
    }
    filter.terms.iter().all(|term| {
        if !term.negated && is_permission_term(&term.kind) {
            return true;
        }
        term_holds(term, app, index, ctx, matcher) != term.negated
    })
}

fn is_permission_term(kind: &TermKind) -> bool {
    match kind {
        // The values of one key: all permission terms or none.
        TermKind::AnyOf(kinds) => kinds.iter().all(is_permission_term),
        k => matches!(k, TermKind::Perm(_) | TermKind::Kind(_) | TermKind::Risk(_)),
    }
}

fn permission_matches(term: &TermKind, p: &Permission, risk: &RiskTable) -> bool {
    match term {
        TermKind::Perm(name) => {
            name_matches(name, &p.name)
                || p.raw_name
                    .as_deref()
                    .is_some_and(|raw| name_matches(name, raw))
        }
        TermKind::Kind(kind) => {
            p.kind == *kind
                || (p.kind == crate::model::PermissionKind::Both && kind.is_application())
        }
        TermKind::Risk(tier) => risk.rate(&p.name, p.kind).tier >= *tier,
        TermKind::AnyOf(kinds) => kinds.iter().any(|k| permission_matches(k, p, risk)),
        _ => false,
    }
}

fn term_holds(
    term: &Term,
    app: &App,
    index: usize,
    ctx: &FilterContext,
    matcher: &SkimMatcherV2,
) -> bool {
    kind_holds(&term.kind, app, index, ctx, matcher)
}

fn kind_holds(
    kind: &TermKind,
    app: &App,
    index: usize,
    ctx: &FilterContext,
    matcher: &SkimMatcherV2,
) -> bool {
    let contains = |hay: &str, needle: &str| hay.to_lowercase().contains(needle);
    match kind {
        TermKind::AnyOf(kinds) => kinds
            .iter()
            .any(|k| kind_holds(k, app, index, ctx, matcher)),
        kind @ (TermKind::Perm(_) | TermKind::Kind(_) | TermKind::Risk(_)) => app
            .permissions
            .iter()
            .any(|p| permission_matches(kind, p, ctx.risk)),
        TermKind::Cert(c) => app.certification == *c,
        TermKind::Client(c) => app.clients.iter().any(|x| contains(x, c)),
        TermKind::Lang(l) => app.language.to_lowercase().starts_with(l.as_str()),
        TermKind::Publisher(p) => contains(&app.publisher, p),
        TermKind::Id(id) => contains(&app.id, id),
        TermKind::Review(decision) => {
            let current = ctx
                .reviews
                .and_then(|r| r.get(&app.id))
                .and_then(|r| r.decision);
            current == *decision
        }
        TermKind::Bookmarked => ctx
            .reviews
            .and_then(|r| r.get(&app.id))
            .is_some_and(|r| r.bookmark),
        TermKind::ChangedSinceReview => ctx
            .reviews
            .and_then(|r| r.get(&app.id))
            .and_then(|r| r.changed_since_review(app))
            .unwrap_or(false),
        TermKind::Score(cmp, n) => ctx
            .scores
            .and_then(|s| s.get(index))
            .is_some_and(|score| cmp.holds(*score, *n)),
        TermKind::Zone(pivot) => app
            .zones
            .iter()
            .any(|z| z.pivot.eq_ignore_ascii_case(pivot)),
        TermKind::ZoneAnswer(pivot, value) => app
            .zones
            .iter()
            .filter(|z| z.pivot.eq_ignore_ascii_case(pivot))
            .flat_map(|z| z.rows())
            .any(|r| r.value == *value),
        TermKind::Answer(question, value) => app.rows().any(|r| {
            r.value == *value
                && (question_matches(question, &r.question, matcher)
                    || r.key
                        .is_some_and(|k| k.as_str().eq_ignore_ascii_case(question))
                    || r.english_label()
                        .is_some_and(|label| question_matches(question, label, matcher)))
        }),
        TermKind::InTenant(yes) => ctx.tenant.is_some_and(|t| t.in_tenant(index)) == *yes,
        TermKind::Granted(name) => ctx
            .tenant
            .is_some_and(|t| t.granted(index).any(|g| name_matches(name, &g.name))),
        TermKind::Undeclared(min) => ctx.tenant.is_some_and(|t| {
            t.granted(index)
                .any(|g| !g.declared && min.is_none_or(|m| g.tier >= m))
        }),
    }
}

/// A permission name with optional `*` wildcards, case-insensitive.
fn name_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name) = (pattern.to_ascii_lowercase(), name.to_ascii_lowercase());
    if !pattern.contains('*') {
        return pattern == name;
    }
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = name.as_str();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i + 1 == parts.len() {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    rest.is_empty()
}

/// A question test matches when its words appear in the question (ignoring case and spacing), or
/// fuzzily with the matched characters close together — so "SOC 2" finds
/// "应用是否符合服务组织控制 (SOC 2) ？" but not a question that merely has an S, an O and a 2.
fn question_matches(query: &str, question: &str, matcher: &SkimMatcherV2) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let q = squash(query);
    if q.is_empty() {
        return false;
    }
    if squash(question).contains(&q) {
        return true;
    }
    matcher
        .fuzzy_indices(question, query)
        .is_some_and(|(_, ix)| match (ix.first(), ix.last()) {
            (Some(first), Some(last)) => last - first < 2 * q.chars().count() + 2,
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Certification, PermissionKind, Row, Zone};
    use crate::query::filter::parse_filter;
    use crate::review::Decision;

    fn perm(name: &str, kind: PermissionKind) -> Permission {
        Permission {
            name: name.into(),
            kind,
            ..Permission::default()
        }
    }

    fn catalog() -> Catalog {
        let soc = Zone {
            pivot: "compliance".into(),
            title: Default::default(),
            blocks: vec![
                Block::Row(Row::new("应用是否符合服务组织控制 (SOC 2) ？", "是", 0)),
                Block::Row(Row::new("应用是否符合 HIPAA？", "否", 0)),
            ],
        };
        let a = App {
            id: "A".into(),
            name: "Alpha".into(),
            certification: Certification::Certified,
            language: "zh-CN".into(),
            clients: vec!["Microsoft Teams".into()],
            permissions: vec![
                perm("Group.ReadWrite.All", PermissionKind::Delegated),
                perm("Mail.Read", PermissionKind::Application),
            ],
            zones: vec![soc],
            ..App::default()
        };
        let b = App {
            id: "B".into(),
            name: "Beta".into(),
            certification: Certification::Certified,
            permissions: vec![perm("Group.ReadWrite.All", PermissionKind::Application)],
            ..App::default()
        };
        let c = App {
            id: "C".into(),
            name: "Gamma".into(),
            certification: Certification::Attested,
            permissions: vec![perm("Group.ReadWrite.All", PermissionKind::Both)],
            ..App::default()
        };
        Catalog {
            apps: vec![a, b, c],
            ..Catalog::default()
        }
    }

    fn ids(q: &str, reviews: Option<&ReviewStore>, scores: Option<&[f64]>) -> Vec<String> {
        let c = catalog();
        let ctx = FilterContext {
            catalog: &c,
            risk: RiskTable::embedded(),
            reviews,
            scores,
            tenant: None,
        };
        let f = parse_filter(q).unwrap();
        ctx.apply(&f, &AppSearcher::new(&c))
            .into_iter()
            .map(|h| c.apps[h.index].id.clone())
            .collect()
    }

    #[test]
    fn permission_and_kind_must_hold_on_the_same_permission() {
        assert_eq!(
            ids(
                "cert:certified perm:Group.ReadWrite.All kind:application",
                None,
                None
            ),
            ["B"]
        );
        assert_eq!(
            ids("perm:Group.ReadWrite.All kind:application", None, None),
            ["B", "C"]
        );
    }

    #[test]
    fn negated_permission_terms_exclude_apps_having_it() {
        assert_eq!(ids("-perm:Mail.Read", None, None), ["B", "C"]);
        assert_eq!(ids("perm:group.*", None, None), ["A", "B", "C"]);
    }

    #[test]
    fn risk_is_at_least() {
        assert_eq!(ids("risk:critical", None, None), ["B", "C"]);
        assert_eq!(ids("risk:high", None, None), ["A", "B", "C"]);
    }

    #[test]
    fn answers_match_questions_across_languages_and_zones() {
        assert_eq!(ids("\"SOC 2\"=yes", None, None), ["A"]);
        assert_eq!(ids("\"SOC 2\"=no", None, None), Vec::<String>::new());
        assert_eq!(ids("zone:compliance=no", None, None), ["A"]);
        assert_eq!(ids("-zone:compliance", None, None), ["B", "C"]);
    }

    #[test]
    fn a_question_test_matches_the_english_label_and_the_key_in_any_language() {
        let mut c = catalog();
        c.apps[1].zones = vec![Zone {
            pivot: "compliance".into(),
            title: Default::default(),
            blocks: vec![Block::Row(
                Row::new("Ist die App nach ISO 27001 zertifiziert?", "Ja", 0)
                    .keyed("compliance.iso27001"),
            )],
        }];
        c.apps[2].zones = vec![Zone {
            pivot: "zerotrust".into(),
            title: Default::default(),
            blocks: vec![Block::Row(
                Row::new(
                    "Speichert Ihre App Anmeldeinformationen im Code?",
                    "Nein",
                    0,
                )
                .keyed("zerotrust.credentials_in_code"),
            )],
        }];
        let ctx = FilterContext {
            catalog: &c,
            risk: RiskTable::embedded(),
            reviews: None,
            scores: None,
            tenant: None,
        };
        let ids = |q: &str| -> Vec<String> {
            ctx.apply(&parse_filter(q).unwrap(), &AppSearcher::new(&c))
                .into_iter()
                .map(|h| c.apps[h.index].id.clone())
                .collect()
        };
        assert_eq!(ids("\"credentials in code\"=no"), ["C"]);
        assert_eq!(ids("\"zerotrust.credentials_in_code\"=no"), ["C"]);
        assert_eq!(ids("\"ISO 27001\"=yes"), ["B"]);
        assert!(ids("\"credentials in code\"=yes").is_empty());
    }

    #[test]
    fn simple_fields() {
        assert_eq!(ids("client:teams lang:zh", None, None), ["A"]);
        assert_eq!(ids("cert:attested", None, None), ["C"]);
    }

    #[test]
    fn review_and_score_terms_use_the_context() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = ReviewStore::open(dir.path());
        store.update("B", |r| r.decision = Some(Decision::Blocked));
        store.update("C", |r| r.bookmark = true);
        assert_eq!(ids("review:blocked", Some(&store), None), ["B"]);
        assert_eq!(ids("-review:blocked", Some(&store), None), ["A", "C"]);
        assert_eq!(ids("review:bookmarked", Some(&store), None), ["C"]);
        // B's decision was recorded without what it was made on: not known to have changed.
        assert!(ids("review:changed", Some(&store), None).is_empty());
        assert_eq!(ids("score:<5", None, Some(&[4.0, 6.0, 2.5])), ["A", "C"]);
    }

    #[test]
    fn fuzzy_text_combines_with_terms() {
        assert_eq!(ids("gam cert:attested", None, None), ["C"]);
        assert!(ids("alp cert:attested", None, None).is_empty());
    }
}
