//! In-process benchmarks (see BENCHMARKS.md): `cargo run --release --example bench -- CATALOG.json`.
//! Prints the median of several runs for each step.

use std::path::Path;
use std::time::{Duration, Instant};

use attest_tui::load::parse_catalog_bytes;
use attest_tui::query::AppSearcher;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/10k.json".into());
    let bytes = std::fs::read(&path).expect("catalog file");
    let mb = bytes.len() as f64 / 1e6;
    let load = time(5, || {
        parse_catalog_bytes(&bytes, Path::new(&path)).expect("valid catalog")
    });
    println!(
        "load {path}: {mb:.1} MB in {:.0} ms = {:.0} MB/s",
        load.as_secs_f64() * 1e3,
        mb / load.as_secs_f64()
    );
    let catalog = parse_catalog_bytes(&bytes, Path::new(&path)).expect("valid catalog");
    let index = time(5, || AppSearcher::new(&catalog));
    println!(
        "search index for {} apps: {:.1} ms",
        catalog.apps.len(),
        index.as_secs_f64() * 1e3
    );
    let searcher = AppSearcher::new(&catalog);
    for q in ["c", "co", "con", "cont", "conta", "contac"] {
        let t = time(9, || searcher.search(&catalog, q));
        println!("keystroke search {q:>6}: {:.2} ms", t.as_secs_f64() * 1e3);
    }
}
