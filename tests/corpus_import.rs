//! Import the real zh-CN corpus (not in the repository) and check the catalog against what a
//! plain scan of the files says. Point `ATTEST_TUI_CORPUS` at another checkout's corpus.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use attest_tui::import::{ImportOptions, import_paths};

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ATTEST_TUI_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/corpus/zh-CN"
            ))
        },
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
    }
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
    assert_eq!(pages.len(), 842, "app pages found by the plain scan");

    let (catalog, report) =
        import_paths(std::slice::from_ref(&dir), &ImportOptions::default()).unwrap();
    eprintln!("{report}");
    assert_eq!(report.app_pages, 842);
    // 438 files in azure/, one of them the index azure-apps.md.
    assert_eq!(report.registration_pages, 437);
    assert_eq!(report.skipped.len(), 11, "{:?}", report.skipped);
    assert!(
        report
            .skipped
            .iter()
            .all(|s| s.source.ends_with("-apps.md"))
    );
    assert_eq!(catalog.apps.len(), 780);
    assert_eq!(report.apps, 780);

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

    // 2,681 rows by a line-per-row count; 5 more because emailgistics-corp.md breaks one
    // justification over two lines and a line count loses the rows after it.
    assert_eq!(report.permission_rows, 2686);
    let rows_by_line_count: usize = pages
        .values()
        .map(|t| {
            t.lines()
                .filter(|l| l.starts_with(">|") && l.contains("azure/"))
                .count()
        })
        .sum();
    assert!(rows_by_line_count <= report.permission_rows);

    let guids: HashSet<&str> = catalog
        .apps
        .iter()
        .flat_map(|a| {
            a.permissions
                .iter()
                .filter_map(|p| p.registration.as_deref())
        })
        .collect();
    assert!(
        guids.len() >= 380,
        "{} distinct registration GUIDs",
        guids.len()
    );
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

    // Zones follow the markers of the page kept for the app: the only page, or the one the
    // report names when an app's pages disagree.
    let kept: BTreeMap<&str, &str> = report
        .conflicts
        .iter()
        .map(|c| (c.id.as_str(), c.kept.as_str()))
        .collect();
    assert!(!kept.is_empty());
    for app in &catalog.apps {
        let got: Vec<&str> = app.zones.iter().map(|z| z.pivot.as_str()).collect();
        let expected_from: Vec<&String> = match kept.get(app.id.as_str()) {
            Some(k) => app.sources.iter().filter(|s| s == k).collect(),
            None => app.sources.iter().collect(),
        };
        assert!(!expected_from.is_empty(), "{}", app.id);
        for s in expected_from {
            assert_eq!(marker_order(&pages[s]), got, "{s}");
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
