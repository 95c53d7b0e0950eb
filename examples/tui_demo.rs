//! Open the TUI on a catalog JSON file: `cargo run --example tui_demo -- PATH`.

use anyhow::Context;
use attest_tui::model::Catalog;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/tui_catalog.json".to_string());
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let catalog: Catalog =
        serde_json::from_str(&text).with_context(|| format!("parsing {path}"))?;
    if let Err(e) = attest_tui::tui::ensure_terminal() {
        eprintln!("{e}");
        std::process::exit(2);
    }
    attest_tui::tui::run_catalog(catalog, path)
}
