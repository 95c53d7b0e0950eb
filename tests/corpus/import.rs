//! Import a real corpus (not in the repository; any language folder, see `support::corpus`)
//! and check the catalog against what a plain scan of the files says.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use attest_tui::import::{ImportOptions, import_paths};

use crate::support::corpus::{ALLOW_MISSING, corpus_dir, corpus_path};

#[test]
fn corpus_present() {
    if corpus_dir().is_none() && std::env::var_os(ALLOW_MISSING).is_none() {
        panic!(
            "no corpus at {}: the corpus tests would all skip. Point ATTEST_TUI_CORPUS at a \
             language folder of ../shared/corpus, or set {ALLOW_MISSING}=1 to run without it",
            corpus_path().display()
        );
    }
}

/// Files of the corpus, relative paths and texts, in every folder (azure/ included).
fn all_files(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    out
}

/// Lower-case GUIDs linked as `azure/<guid>` in a text.
fn linked_guids(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("azure/").filter_map(|(i, _)| {
        let g = text.get(i + 6..i + 42)?;
        let ok = g.len() == 36
            && g.chars().enumerate().all(|(k, c)| match k {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_hexdigit(),
            });
        ok.then(|| g.to_ascii_lowercase())
    })
}

/// App pages by the simplest definition: a `.md` file outside `azure/` whose front matter
/// declares `zone_pivot_groups`, keyed by its path relative to the corpus.
fn app_pages(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() || dir.ends_with("azure") {
            continue;
        }
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            if path.extension().is_some_and(|e| e == "md") && text.contains("\nzone_pivot_groups:")
            {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, text);
            }
        }
    }
    out
}

/// The pivots of a page's `::: zone pivot="x"` lines, in order.
fn marker_order(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("::: zone pivot=\""))
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn corpus_imports_every_app_page() {
    let Some(dir) = corpus_dir() else { return };
    let pages = app_pages(&dir);
    assert!(!pages.is_empty(), "app pages found by the plain scan");
    let files = all_files(&dir);
    // Index pages (`teams-apps.md`, `azure-apps.md`…) list apps and are skipped.
    let index_pages = files
        .iter()
        .filter(|(p, _)| p.ends_with("-apps.md"))
        .count();
    let registration_pages = files
        .iter()
        .filter(|(p, _)| p.starts_with("azure/") && !p.ends_with("-apps.md"))
        .count();

    let (catalog, report) =
        import_paths(std::slice::from_ref(&dir), &ImportOptions::default()).unwrap();
    eprintln!("{report}");
    assert_eq!(report.app_pages, pages.len());
    assert_eq!(report.registration_pages, registration_pages);
    assert_eq!(report.skipped.len(), index_pages, "{:?}", report.skipped);
    assert!(
        report
            .skipped
            .iter()
            .all(|s| s.source.ends_with("-apps.md"))
    );
    // Pages of one app in several folders merge into one app.
    assert_eq!(catalog.apps.len(), report.apps);
    assert!(!catalog.apps.is_empty() && catalog.apps.len() <= pages.len());

    // Every page is the source of exactly one app.
    let mut seen = HashSet::new();
    for app in &catalog.apps {
        for s in &app.sources {
            assert!(seen.insert(s.as_str()), "{s} is a source of two apps");
        }
    }
    for path in pages.keys() {
        assert!(
            seen.contains(path.as_str()),
            "{path} is in no app's sources"
        );
    }

    // A line-per-row count is a lower bound: a page that breaks a justification over two
    // lines (zh-CN's emailgistics-corp.md) loses the rows after it to a line count.
    let row_lines: Vec<&str> = pages
        .values()
        .flat_map(|t| t.lines())
        .filter(|l| l.starts_with(">|") && l.contains("azure/"))
        .collect();
    assert!(row_lines.len() <= report.permission_rows);
    assert!(report.permission_rows > 0);

    let guids: HashSet<&str> = catalog
        .apps
        .iter()
        .flat_map(|a| {
            a.permissions
                .iter()
                .filter_map(|p| p.registration.as_deref())
        })
        .collect();
    // Every GUID linked from a permission row line is a registration of some app, and every
    // registration of an app is written on one of the pages.
    let in_rows: HashSet<String> = row_lines.iter().flat_map(|l| linked_guids(l)).collect();
    assert!(!in_rows.is_empty());
    for g in &in_rows {
        assert!(
            guids.contains(g.as_str()),
            "{g} of a permission row is no app's registration"
        );
    }
    let all_text = pages
        .values()
        .map(|t| t.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .concat();
    for g in &guids {
        assert!(
            all_text.contains(&g.to_ascii_lowercase()),
            "{g} is on no page"
        );
    }
    for g in &guids {
        let reg = catalog
            .registration(g)
            .expect("every GUID has a registration");
        assert!(!reg.apps.is_empty());
    }
    let regs: Vec<&str> = catalog
        .registrations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        regs.windows(2).all(|w| w[0] < w[1]),
        "registrations sorted by id"
    );
    let ids: Vec<&str> = catalog.apps.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "apps sorted by id");

    // Zones follow the markers of the page kept for the app (the only page, or the one the
    // report names when an app's pages disagree), with the zones only its other pages have
    // added: every page's zones are there, the kept page's in its order.
    let kept: BTreeMap<&str, &str> = report
        .conflicts
        .iter()
        .map(|c| (c.id.as_str(), c.kept.as_str()))
        .collect();

    for app in &catalog.apps {
        let got: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
        let expected_from: Vec<&String> = match kept.get(app.id.as_str()) {
            Some(k) => app.sources.iter().filter(|s| s == k).collect(),
            None => app.sources.iter().collect(),
        };
        assert!(!expected_from.is_empty(), "{}", app.id);
        for s in expected_from {
            let kept_order = marker_order(&pages[s]);
            let mut in_app = got.iter();
            assert!(
                kept_order.iter().all(|p| in_app.any(|g| g == p)),
                "{s}: {kept_order:?} in {got:?}"
            );
        }
        for s in &app.sources {
            for pivot in marker_order(&pages[s]) {
                assert!(got.contains(&pivot.as_str()), "{s}: zone {pivot} lost");
            }
        }
        assert!(!app.name.is_empty(), "{} has a name", app.id);
        assert!(app.zones.iter().all(|z| !z.title.is_empty()));
    }
}

#[test]
fn popp_seed_imports_as_one_app() {
    let seed = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/000_869a2a44c2dfb8fe.txt"
    ));
    let fixture = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pages/popp.md"
    ));
    let mut paths = vec![fixture];
    if seed.is_file() {
        paths.push(seed);
    } else {
        eprintln!("skipped part: seed not found at {}", seed.display());
    }
    for path in paths {
        let (catalog, report) =
            import_paths(std::slice::from_ref(&path), &ImportOptions { strict: true })
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(report.app_pages, 1);
        assert_eq!(report.permission_rows, 5);
        let app = &catalog.apps[0];
        assert_eq!(app.id, "WA200003306");
        assert_eq!(app.updated.date.as_deref(), Some("2021-09-20"));
        let pivots: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
        assert_eq!(
            pivots,
            [
                "general",
                "data",
                "security",
                "compliance",
                "privsection",
                "zerotrust"
            ]
        );
        assert_eq!(app.permissions.len(), 5);
        assert_eq!(catalog.registrations.len(), 1);
        let reg = &catalog.registrations[0];
        assert_eq!(reg.id, "b8e57f6b-31cf-468e-9e99-81f0395cb1f9");
        assert_eq!(reg.apps, ["WA200003306"]);
    }
}
