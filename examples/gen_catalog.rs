//! Write a synthetic catalog of N apps (for benchmarks): `cargo run --release --features synth --example
//! gen_catalog -- 10000 > /tmp/10k.json`. Deterministic: same N and seed, same bytes.
//!
//! Rows carry their question keys, as `import` and `sync` write them; `--unkeyed` (after N and
//! the seed) leaves them out, like a catalog written before keys, which every load then keys.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let unkeyed = args.any(|a| a == "--unkeyed");
    let mut catalog = attest_tui::synth::synthetic_catalog(n, seed);
    if !unkeyed {
        attest_tui::questionnaire::key_unkeyed(&mut catalog.apps);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &catalog)
        .map_err(std::io::Error::from)
        .and_then(|()| out.flush());
    if let Err(e) = written {
        eprintln!("gen_catalog: {e}");
        std::process::exit(1);
    }
}
