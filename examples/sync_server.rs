//! A local archive server for the sync benchmark (see BENCHMARKS.md):
//! `cargo run --release --example sync_server -- CORPUS_DIR LANG TOTAL_BYTES [PORT]`.
//!
//! Serves `http://127.0.0.1:PORT/LANG.tar.gz`: every file of CORPUS_DIR under
//! `OfficeDocs-AppCompliance-pr.LANG-live/Apps/`, in GitHub's layout, plus incompressible filler
//! images until the archive is about TOTAL_BYTES (the real one is ~77 MB, mostly images), with an
//! ETag so a second sync gets 304. The archive is built in memory at start; nothing is written.
//! The server is the one the sync tests use.

#[path = "../tests/support/sync.rs"]
#[allow(dead_code)] // the tests use the rest of it
mod sync_support;

use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, lang, total, rest @ ..] = args.as_slice() else {
        eprintln!("usage: sync_server CORPUS_DIR LANG TOTAL_BYTES [PORT]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(corpus);
    let total: usize = total.parse().expect("TOTAL_BYTES is a number");
    let port: u16 = rest
        .first()
        .map_or(0, |p| p.parse().expect("PORT is a number"));
    let files = sync_support::corpus_files(&dir, 1);
    let level = flate2::Compression::default();
    let pages = sync_support::archive_at(&dir, lang, &files, 0, level);
    // Filler images are stored, not compressed: the archive grows by about their size.
    let filler = total.saturating_sub(pages.len());
    let body = sync_support::archive_at(&dir, lang, &files, filler, level);
    let server = sync_support::Server::start_on(port);
    server.set(
        lang,
        sync_support::Reply::Archive {
            body: Arc::new(body.clone()),
            etag: "\"bench\"".into(),
        },
    );
    println!(
        "serving http://127.0.0.1:{}/{lang}.tar.gz: {} bytes ({} files of pages, {} bytes compressed)",
        server.port,
        body.len(),
        files.len(),
        pages.len()
    );
    loop {
        std::thread::park();
    }
}
