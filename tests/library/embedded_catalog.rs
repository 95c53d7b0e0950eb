//! The embedded catalog (`data/catalog.json`) is the two seed pages imported; it must be
//! regenerated when the importer or the format changes:
//! `cargo run --release -- import ../shared/seeds/002_4497d6ce60ed0ede.txt ../shared/seeds/000_869a2a44c2dfb8fe.txt -o data/catalog.json`

use std::path::PathBuf;

use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::load::embedded_catalog;

#[test]
fn the_embedded_catalog_is_the_seeds_imported_today() {
    let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    let pages = [
        seeds.join("002_4497d6ce60ed0ede.txt"),
        seeds.join("000_869a2a44c2dfb8fe.txt"),
    ];
    if !pages.iter().all(|p| p.is_file()) {
        eprintln!("skipped: seeds not found in {}", seeds.display());
        return;
    }
    let (fresh, _) = import_paths(&pages, &ImportOptions::default()).unwrap();
    let embedded = embedded_catalog().unwrap();
    assert_eq!(
        serde_json::to_value(&embedded).unwrap(),
        serde_json::to_value(&fresh).unwrap(),
        "data/catalog.json is stale: regenerate it (see this file's comment)"
    );
    assert!(
        embedded
            .apps
            .iter()
            .flat_map(|a| a.rows())
            .all(|r| r.key.is_some()),
        "every seed row is recognized"
    );
}
