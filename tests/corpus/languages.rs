//! Every corpus in `../shared/corpus` (or `ATTEST_TUI_CORPORA`): one folder per page language,
//! the same apps in each (the pages are machine translations of one English page). Checks, per
//! language, what issue 14 measures, and prints the figures:
//!
//! `cargo test --release --test corpus_languages -- --nocapture`
//!
//! - at least 95% of question rows carry a questionnaire key;
//! - no app has fewer rows than the richest of its pages;
//! - dates are parsed for as many apps as in the best language, less 1%;
//! - at most 0.5% of permissions have an unknown kind;
//! - an app present in several corpora with the same page (the same "last updated" date and the
//!   same form: the same zones with as many rows each) has the same key sequence and the same
//!   values on at least 99% of rows, and the same score within 0.3 in at least 95% of such
//!   apps. The rows that disagree are named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use attest_tui::import::{ImportOptions, PageOutcome, import_paths, parse_markdown_page};
use attest_tui::model::{App, Catalog, PermissionKind};
use attest_tui::risk::RiskTable;
use attest_tui::score::{ScoreConfig, score_totals};

pub(crate) struct Corpus {
    pub(crate) name: String,
    pub(crate) dir: PathBuf,
    pub(crate) catalog: Catalog,
    /// Per app id, the most question rows one of its pages has.
    richest_page: BTreeMap<String, usize>,
    scores: BTreeMap<String, f64>,
}

fn root() -> Option<PathBuf> {
    let dir = std::env::var_os("ATTEST_TUI_CORPORA").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: corpora not found at {}", dir.display());
        None
    }
}

/// Every corpus, imported once for all the tests of this binary that read them.
pub(crate) fn corpora() -> &'static [Corpus] {
    static CORPORA: OnceLock<Vec<Corpus>> = OnceLock::new();
    CORPORA.get_or_init(|| {
        let Some(root) = root() else {
            return Vec::new();
        };
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        dirs.iter().map(|d| read_corpus(d)).collect()
    })
}

fn read_corpus(dir: &Path) -> Corpus {
    let (catalog, _) = import_paths(&[dir.to_path_buf()], &ImportOptions::default()).unwrap();
    let mut richest_page: BTreeMap<String, usize> = BTreeMap::new();
    for page in pages(dir) {
        let text = std::fs::read_to_string(&page).unwrap();
        if let Ok(PageOutcome::App(app)) = parse_markdown_page(&text, "p") {
            let rows = app.rows().count();
            let best = richest_page.entry(app.id.clone()).or_default();
            *best = (*best).max(rows);
        }
    }
    let totals = score_totals(
        &catalog.apps,
        RiskTable::embedded(),
        &ScoreConfig::default(),
    );
    let scores = catalog
        .apps
        .iter()
        .zip(totals)
        .map(|(a, s)| (a.id.clone(), s))
        .collect();
    Corpus {
        name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        dir: dir.to_path_buf(),
        catalog,
        richest_page,
        scores,
    }
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.ends_with("azure") {
            out.extend(pages(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn at_least_95_percent_of_rows_are_keyed_in_every_language() {
    for c in corpora() {
        let rows: Vec<_> = c.catalog.apps.iter().flat_map(|a| a.rows()).collect();
        let keyed = rows.iter().filter(|r| r.key.is_some()).count();
        let r = ratio(keyed, rows.len());
        println!(
            "{}: {keyed} of {} rows keyed ({:.2}%)",
            c.name,
            rows.len(),
            100.0 * r
        );
        assert!(r >= 0.95, "{}: {:.4}", c.name, r);
    }
}

#[test]
fn no_app_has_fewer_rows_than_its_richest_page() {
    for c in corpora() {
        let mut poorer = Vec::new();
        for app in &c.catalog.apps {
            let best = c.richest_page.get(&app.id).copied().unwrap_or(0);
            if app.rows().count() < best {
                poorer.push(format!("{} ({} of {best})", app.id, app.rows().count()));
            }
        }
        println!(
            "{}: {} apps, {} with fewer rows than their richest page",
            c.name,
            c.catalog.apps.len(),
            poorer.len()
        );
        assert!(poorer.is_empty(), "{}: {poorer:?}", c.name);
    }
}

#[test]
fn dates_are_parsed_for_as_many_apps_as_in_the_best_language() {
    let parsed: Vec<(String, f64)> = corpora()
        .iter()
        .map(|c| {
            let n = c
                .catalog
                .apps
                .iter()
                .filter(|a| a.updated.date.is_some())
                .count();
            println!("{}: dates of {n} of {} apps", c.name, c.catalog.apps.len());
            (c.name.clone(), ratio(n, c.catalog.apps.len()))
        })
        .collect();
    let best = parsed.iter().map(|(_, r)| *r).fold(0.0, f64::max);
    for (name, r) in &parsed {
        assert!(
            *r >= best - 0.01,
            "{name}: {r:.4} against the best {best:.4}"
        );
    }
}

#[test]
fn at_most_half_a_percent_of_permissions_have_an_unknown_kind() {
    for c in corpora() {
        let perms: Vec<_> = c.catalog.apps.iter().flat_map(|a| &a.permissions).collect();
        let unknown: Vec<_> = perms
            .iter()
            .filter(|p| p.kind == PermissionKind::Unknown)
            .collect();
        let r = ratio(unknown.len(), perms.len());
        println!(
            "{}: {} of {} permissions of unknown kind ({:.2}%)",
            c.name,
            unknown.len(),
            perms.len(),
            100.0 * r
        );
        assert!(
            r <= 0.005,
            "{}: {:?}",
            c.name,
            unknown.iter().take(10).collect::<Vec<_>>()
        );
    }
}

/// A page's form: its zones, with how many rows each.
type Form<'a> = Vec<(&'a str, usize)>;
/// A zone's rows as compared: each row's key and value.
type KeyedValues<'a> = Vec<(Option<&'a str>, &'a str)>;
/// At one place of a zone, each corpus's row (none when its zone is shorter).
type RowsAt<'a> = Vec<(&'a str, Option<(Option<&'a str>, &'a str)>)>;

/// Agreement of one corpus with the others on the apps they share.
#[derive(Default)]
struct Agreement {
    rows: usize,
    same_key: usize,
    same_value: usize,
    apps: usize,
    same_score: usize,
}

#[test]
fn apps_in_several_languages_agree_on_keys_values_and_scores() {
    let corpora = corpora();
    if corpora.len() < 2 {
        println!("skipped: fewer than two corpora");
        return;
    }
    let mut agreement: BTreeMap<&str, Agreement> = BTreeMap::new();
    let mut disagreements: Vec<String> = Vec::new();
    let ids: std::collections::BTreeSet<&str> = corpora
        .iter()
        .flat_map(|c| c.catalog.apps.iter().map(|a| a.id.as_str()))
        .collect();
    for id in ids {
        // The same page in several corpora: the versions with the same "last updated" date and
        // the same form (the template changed over time without the developer's date).
        let mut same_page: BTreeMap<(&str, Form), Vec<(&Corpus, &App)>> = BTreeMap::new();
        for c in corpora {
            if let Some(app) = c.catalog.app(id) {
                let form = app
                    .zones
                    .iter()
                    .map(|z| (z.pivot.as_str(), z.rows().count()))
                    .collect();
                same_page
                    .entry((app.updated.date.as_deref().unwrap_or(""), form))
                    .or_default()
                    .push((c, app));
            }
        }
        for versions in same_page.values().filter(|v| v.len() >= 2) {
            compare_versions(versions, &mut agreement, &mut disagreements);
        }
    }
    for line in disagreements.iter().take(40) {
        println!("disagrees: {line}");
    }
    if disagreements.len() > 40 {
        println!("… and {} more", disagreements.len() - 40);
    }
    for (name, a) in &agreement {
        println!(
            "{name}: {} shared apps; same key on {:.2}% and same value on {:.2}% of {} rows; score within 0.3 for {:.2}% of apps",
            a.apps,
            100.0 * ratio(a.same_key, a.rows),
            100.0 * ratio(a.same_value, a.rows),
            a.rows,
            100.0 * ratio(a.same_score, a.apps)
        );
    }
    for (name, a) in &agreement {
        assert!(ratio(a.same_key, a.rows) >= 0.99, "{name}: keys");
        assert!(ratio(a.same_value, a.rows) >= 0.99, "{name}: values");
        assert!(ratio(a.same_score, a.apps) >= 0.95, "{name}: scores");
    }
}

/// Compare the versions of one app row by row: per zone, each row's key and value against the
/// most common one at its place among the versions with as many rows in that zone.
fn compare_versions<'a>(
    versions: &[(&'a Corpus, &App)],
    agreement: &mut BTreeMap<&'a str, Agreement>,
    disagreements: &mut Vec<String>,
) {
    let mut pivots: Vec<&str> = Vec::new();
    for (_, app) in versions {
        for z in &app.zones {
            if !pivots.contains(&z.pivot.as_str()) {
                pivots.push(&z.pivot);
            }
        }
    }
    for pivot in pivots {
        let rows: Vec<(&str, KeyedValues)> = versions
            .iter()
            .map(|(c, app)| {
                let rows = app
                    .zones
                    .iter()
                    .filter(|z| z.pivot == pivot)
                    .flat_map(|z| z.rows())
                    .map(|r| (r.key.map(|k| k.as_str()), r.value.as_str()))
                    .collect();
                (c.name.as_str(), rows)
            })
            .collect();
        let n = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
        for i in 0..n {
            let at: RowsAt = rows
                .iter()
                .map(|(name, r)| (*name, r.get(i).copied()))
                .collect();
            let keys = majority(at.iter().map(|(_, r)| r.map(|r| r.0)));
            let values = majority(at.iter().map(|(_, r)| r.map(|r| r.1)));
            for (name, row) in &at {
                let a = agreement.entry(name).or_default();
                a.rows += 1;
                let key = row.map(|r| r.0);
                let value = row.map(|r| r.1);
                a.same_key += usize::from(key == keys);
                a.same_value += usize::from(value == values);
                if key != keys || value != values {
                    disagreements.push(format!(
                        "{name} {} {pivot} row {}: key {:?} value {:?}, the others {:?} {:?}",
                        versions[0].1.id,
                        i + 1,
                        key.flatten(),
                        value,
                        keys.flatten(),
                        values
                    ));
                }
            }
        }
    }
    let mut scores: Vec<f64> = versions.iter().map(|(c, app)| c.scores[&app.id]).collect();
    scores.sort_by(f64::total_cmp);
    let median = scores[scores.len() / 2];
    for (c, app) in versions {
        let a = agreement.entry(&c.name).or_default();
        a.apps += 1;
        let s = c.scores[&app.id];
        if (s - median).abs() <= 0.3 + 1e-9 {
            a.same_score += 1;
        } else {
            disagreements.push(format!(
                "{} {}: score {s:.1}, the median of the others {median:.1}",
                c.name, app.id
            ));
        }
    }
}

/// The most common item (the first of the most common on a tie).
fn majority<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> T {
    let items: Vec<T> = items.collect();
    let mut best = items[0];
    let mut best_n = 0;
    for x in &items {
        let n = items.iter().filter(|y| *y == x).count();
        if n > best_n {
            best = *x;
            best_n = n;
        }
    }
    best
}

/// Pages of one app with the same "last updated" date in two forms (the template changed, the
/// developer's answers did not): the questions both forms ask, found by key, have the same
/// answers. Wrongly keyed rows would pair different questions, whose answers differ.
#[test]
fn the_same_answers_under_an_older_form_are_found_by_key() {
    let corpora = corpora();
    let mut checked: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for c in corpora {
        for old in corpora.iter().filter(|o| o.name != c.name) {
            for app in &c.catalog.apps {
                let Some(other) = old.catalog.app(&app.id) else {
                    continue;
                };
                let form = |a: &App| -> Vec<(String, usize)> {
                    a.zones
                        .iter()
                        .map(|z| (z.pivot.to_string(), z.rows().count()))
                        .collect()
                };
                if app.updated.date.is_none()
                    || app.updated.date != other.updated.date
                    || form(app) == form(other)
                {
                    continue;
                }
                let values: BTreeMap<&str, &str> = other
                    .rows()
                    .filter_map(|r| r.key.map(|k| (k.as_str(), r.value.as_str())))
                    .collect();
                let e = checked.entry(&c.name).or_default();
                for r in app.rows() {
                    if let Some(v) = r.key.and_then(|k| values.get(k.as_str())) {
                        e.0 += 1;
                        e.1 += usize::from(*v == r.value.as_str());
                    }
                }
            }
        }
    }
    for (name, (rows, same)) in &checked {
        println!(
            "{name}: against the same page in another form, {:.2}% of {rows} rows answer the same",
            100.0 * ratio(*same, *rows)
        );
        assert!(ratio(*same, *rows) >= 0.95, "{name}");
    }
}

#[test]
fn importing_several_languages_keeps_each_app_once_with_every_language() {
    let Some(root) = root() else { return };
    let dirs: Vec<PathBuf> = ["zh-CN", "de-DE", "ja-JP"]
        .iter()
        .map(|d| root.join(d))
        .filter(|d| d.is_dir())
        .collect();
    if dirs.len() < 3 {
        println!("skipped: zh-CN, de-DE and ja-JP not all found");
        return;
    }
    let (catalog, report) = import_paths(&dirs, &ImportOptions::default()).unwrap();
    let mut ids: Vec<&str> = catalog.apps.iter().map(|a| a.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), catalog.apps.len(), "each app once");
    let in_three = catalog
        .apps
        .iter()
        .filter(|a| a.translations.len() == 2)
        .count();
    println!(
        "zh-CN + de-DE + ja-JP: {} apps, {in_three} in all three languages",
        catalog.apps.len()
    );
    assert!(in_three * 10 >= catalog.apps.len() * 9, "{in_three}");
    for app in &catalog.apps {
        let langs = app.languages();
        let mut sorted = langs.clone();
        sorted.dedup();
        assert_eq!(langs.len(), sorted.len(), "{}: {langs:?}", app.id);
        if langs.contains(&"zh-CN") {
            assert_eq!(
                app.language, "zh-CN",
                "the first folder's language is primary"
            );
        }
    }
    assert!(
        report.conflicts.iter().all(|c| !c.fields.is_empty()),
        "only real disagreements between pages of one language are reported"
    );
}
