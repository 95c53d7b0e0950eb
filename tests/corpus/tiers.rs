//! The tier table (`data/permission_tiers.json`) rates every Microsoft Graph permission that
//! the corpora request: an app's risk is `unknown` only for a permission the table does not
//! rate, and none of the pages' permissions should be one. The corpora are read as the test
//! runs (nothing of them is committed); a name missing from the table is listed with the
//! corpus and an app that requests it.

use std::collections::BTreeMap;

use attest_tui::risk::{RiskTable, Tier};

/// A Graph permission name: dot-separated words (`Sites.Manage.All`, `offline_access`). Free
/// text that landed in a permission cell (a translated name with spaces) is not one.
fn graph_shaped(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

#[test]
fn every_graph_permission_of_the_corpora_has_a_tier() {
    let corpora = super::languages::corpora();
    if corpora.is_empty() {
        return; // `corpus_present` fails for a missing corpus; the reason is printed above.
    }
    let table = RiskTable::embedded();
    let mut unrated: BTreeMap<(String, &str), Vec<String>> = BTreeMap::new();
    let mut not_graph: BTreeMap<String, usize> = BTreeMap::new();
    let mut rated = 0usize;
    for c in corpora {
        for app in &c.catalog.apps {
            for p in &app.permissions {
                let graph =
                    p.resource.is_empty() || p.resource.eq_ignore_ascii_case("Microsoft Graph");
                if !graph || !graph_shaped(p.name.trim()) {
                    *not_graph.entry(p.name.clone()).or_default() += 1;
                    continue;
                }
                if table.rate(&p.name, p.kind).tier == Tier::Unknown {
                    let places = unrated
                        .entry((p.name.clone(), p.kind.as_str()))
                        .or_default();
                    if places.len() < 3 {
                        places.push(format!("{} {}", c.name, app.id));
                    }
                } else {
                    rated += 1;
                }
            }
        }
    }
    println!(
        "{} corpora: {rated} Graph permissions rated, {} names unrated; {} other names (free text, not Graph): {:?}",
        corpora.len(),
        unrated.len(),
        not_graph.len(),
        not_graph.keys().take(10).collect::<Vec<_>>()
    );
    let listed: Vec<String> = unrated
        .iter()
        .map(|((name, kind), places)| format!("{name} ({kind}): {}", places.join(", ")))
        .collect();
    assert!(
        listed.is_empty(),
        "permissions the tier table does not rate:\n  {}",
        listed.join("\n  ")
    );
    assert!(rated > 0, "the corpora request Graph permissions");
}

#[test]
fn names_of_the_shape_of_graph_permissions() {
    assert!(graph_shaped("Sites.Manage.All"));
    assert!(graph_shaped("offline_access"));
    assert!(!graph_shaped("Teams. Créer"));
    assert!(!graph_shaped("Mail..Read"));
}
