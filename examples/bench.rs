//! In-process benchmarks (see BENCHMARKS.md):
//! `cargo run --release --features synth --example bench -- [--catalog 10k.json] [--corpus DIR] [--only NAME]`.
//! Each figure is the median (and for keystrokes also the 99th percentile) of several runs.
//! Sections: load, import, first-frame, search, keystroke.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::load::{parse_catalog_bytes, read_catalog_file};
use attest_tui::model::Catalog;
use attest_tui::query::AppSearcher;
use attest_tui::tui::{Action, State, view};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

// The allocator of the attest-tui binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn quantile(runs: &[Duration], q: f64) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn runs<T>(n: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            let out = std::hint::black_box(f());
            let elapsed = t.elapsed();
            drop(out); // not timed: freeing is not what is measured
            elapsed
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Args {
    catalog: PathBuf,
    corpus: PathBuf,
    only: Option<String>,
}

fn args() -> Args {
    let mut a = Args {
        catalog: "/tmp/10k.json".into(),
        corpus: "../shared/corpus/zh-CN".into(),
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let val = it.next().unwrap_or_default();
        match arg.as_str() {
            "--catalog" => a.catalog = val.into(),
            "--corpus" => a.corpus = val.into(),
            "--only" => a.only = Some(val),
            _ => panic!("unknown argument {arg}"),
        }
    }
    a
}

fn main() {
    let a = args();
    let want = |name: &str| a.only.as_deref().is_none_or(|o| o == name);
    if want("load") {
        load(&a.catalog);
    }
    if want("import") || want("first-frame") {
        import_and_first_frame(&a.corpus);
    }
    if want("search") {
        search();
    }
    if want("keystroke") {
        keystroke(100_000);
    }
}

fn load(path: &Path) {
    let bytes = std::fs::read(path).expect("catalog file");
    let mb = bytes.len() as f64 / 1e6;
    let file = quantile(&runs(5, || read_catalog_file(path).expect("valid")), 0.5);
    let mem = quantile(
        &runs(5, || parse_catalog_bytes(&bytes, path).expect("valid")),
        0.5,
    );
    let serde = quantile(
        &runs(5, || {
            serde_json::from_slice::<Catalog>(&bytes).expect("valid")
        }),
        0.5,
    );
    println!(
        "load {}: {mb:.1} MB; from the file {:.0} ms = {:.0} MB/s; from memory {:.0} ms = {:.0} MB/s; \
         peer serde_json::from_slice (derived) {:.0} ms = {:.0} MB/s",
        path.display(),
        ms(file),
        mb / file.as_secs_f64(),
        ms(mem),
        mb / mem.as_secs_f64(),
        ms(serde),
        mb / serde.as_secs_f64(),
    );
}

fn dir_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("corpus folder").flatten() {
        let meta = entry.metadata().expect("metadata");
        total += if meta.is_dir() {
            dir_bytes(&entry.path())
        } else {
            meta.len()
        };
    }
    total
}

fn import_and_first_frame(corpus: &Path) {
    let mb = dir_bytes(corpus) as f64 / 1e6;
    let opts = ImportOptions { strict: false };
    let paths = [corpus.to_path_buf()];
    let t = quantile(
        &runs(7, || import_paths(&paths, &opts).expect("import")),
        0.5,
    );
    println!(
        "import {}: {mb:.1} MB of pages in {:.1} ms = {:.0} MB/s",
        corpus.display(),
        ms(t),
        mb / t.as_secs_f64()
    );
    let (catalog, _) = import_paths(&paths, &opts).expect("import");
    let dir = std::env::temp_dir().join(format!("attest-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = dir.join("corpus.json");
    std::fs::write(&json, serde_json::to_vec(&catalog).expect("json")).expect("write");
    let apps = catalog.apps.len();
    let area = Rect::new(0, 0, 200, 50);
    let frame = runs(9, || {
        let catalog = read_catalog_file(&json).expect("valid");
        let state = State::new(catalog, "corpus.json");
        let mut buf = Buffer::empty(area);
        view::render(&state, area, &mut buf);
        (state, buf)
    });
    println!(
        "first frame on the corpus catalog ({apps} apps, {:.1} MB JSON): load + State::new + \
         render 200x50 = {:.1} ms (median of 9)",
        std::fs::metadata(&json).map_or(0, |m| m.len()) as f64 / 1e6,
        ms(quantile(&frame, 0.5))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

const QUERY: &str = "contac";

/// One keystroke of app search: QUERY typed key by key into a fresh searcher (so the first key
/// matches every app and later keys refine), then deleted again; `search` computes every hit's
/// name highlights, `search_ranked` none.
fn search() {
    for n in [1_000, 10_000, 100_000] {
        let catalog = attest_tui::synth::synthetic_catalog(n, 42);
        for with_indices in [true, false] {
            let keys: Vec<&str> = (1..=QUERY.len())
                .chain((0..QUERY.len()).rev())
                .map(|k| &QUERY[..k])
                .collect();
            let mut per_key = vec![Vec::new(); keys.len()];
            for _ in 0..5 {
                let searcher = AppSearcher::new(&catalog);
                for (k, q) in keys.iter().enumerate() {
                    let t = Instant::now();
                    let hits = if with_indices {
                        searcher.search(&catalog, q)
                    } else {
                        searcher.search_ranked(q)
                    };
                    per_key[k].push(t.elapsed());
                    drop(std::hint::black_box(hits));
                }
            }
            let mut line = format!(
                "search {n:>6} apps, {}:",
                if with_indices {
                    "search (all highlights)"
                } else {
                    "search_ranked"
                }
            );
            for (q, t) in keys.iter().zip(&per_key) {
                line += &format!(" {:?}={:.2}", q, ms(quantile(t, 0.5)));
            }
            println!("{line} ms");
        }
    }
}

/// Type QUERY one key at a time into the app search, then delete it again; each key is
/// `State::update` (the search) plus one full render at 200x50.
fn keystroke(n: usize) {
    let catalog = attest_tui::synth::synthetic_catalog(n, 42);
    let mut state = State::new(catalog, "synthetic");
    let area = Rect::new(0, 0, 200, 50);
    let mut buf = Buffer::empty(area);
    let layout = view::render(&state, area, &mut buf);
    state.update(Action::Layout(Box::new(layout)));
    state.update(Action::StartSearch);
    let mut times = Vec::new();
    for _round in 0..5 {
        let keys = QUERY
            .chars()
            .map(Action::SearchInput)
            .chain(std::iter::repeat_n(Action::SearchBackspace, QUERY.len()));
        for action in keys {
            let t = Instant::now();
            state.update(action);
            buf.reset();
            let layout = view::render(&state, area, &mut buf);
            state.update(Action::Layout(Box::new(layout)));
            times.push(t.elapsed());
        }
    }
    report(n, "the TUI as it is (State::update + render)", &times);

    // One full frame alone: the list of all n apps (search closed), drawn at 200x50.
    state.update(Action::SearchCancel);
    let listed = state.ui.list.matches.len();
    let render = runs(21, || {
        buf.reset();
        view::render(&state, area, &mut buf)
    });
    println!(
        "one full frame at 200x50, {listed} of {n} apps listed: median {:.1} ms, max {:.1} ms (21 frames)",
        ms(quantile(&render, 0.5)),
        ms(quantile(&render, 1.0)),
    );
}

/// The first round types into a searcher that remembers nothing; later rounds repeat queries
/// it remembers, so they are reported apart.
fn report(n: usize, what: &str, times: &[Duration]) {
    let (first, rest) = times.split_at(2 * QUERY.len());
    let (typed, deleted) = first.split_at(QUERY.len());
    println!(
        "keystroke -> filtered and rendered frame, {n} apps, {what} (type {QUERY:?}, delete it):"
    );
    for (label, t) in [
        ("first round, typed  ", typed),
        ("first round, deleted", deleted),
        ("rounds 2-5          ", rest),
        ("all                 ", times),
    ] {
        println!(
            "  {label}: {} keys, median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            t.len(),
            ms(quantile(t, 0.5)),
            ms(quantile(t, 0.99)),
            ms(quantile(t, 1.0)),
        );
    }
}
