//! Import pages and print the report, the time taken and, with `--json FILE`, the catalog.
//! `cargo run --release --example import_summary -- ../shared/corpus/zh-CN`

use std::path::PathBuf;
use std::time::Instant;

use attest_tui::import::{ImportOptions, import_paths};

fn main() -> anyhow::Result<()> {
    let mut paths = Vec::new();
    let mut json = None;
    let mut strict = false;
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = args.next().map(PathBuf::from),
            "--strict" => strict = true,
            "-v" => verbose = true,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let start = Instant::now();
    let (catalog, report) = import_paths(&paths, &ImportOptions { strict })?;
    let elapsed = start.elapsed();
    eprint!("{report}");
    eprintln!("import took {elapsed:.2?}");
    if verbose {
        for c in &report.conflicts {
            eprintln!(
                "conflict {}: kept {} over {:?}: {:?}",
                c.id, c.kept, c.others, c.fields
            );
        }
        for w in &report.warnings {
            eprintln!("warning {w}");
        }
    }
    if let Some(path) = json {
        std::fs::write(path, serde_json::to_string_pretty(&catalog)?)?;
    }
    Ok(())
}
