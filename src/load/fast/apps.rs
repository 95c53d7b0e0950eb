//! The `apps` array, read as a pipeline: the calling thread reads the file and finds where
//! each app ends (a cheap structural scan), and worker threads parse the apps of each chunk
//! meanwhile. Parsing is most of the cost, so on two cores the load takes about as long as
//! parsing half the apps.

use std::io::{self, Read};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use super::mirror::parse_app;
use super::scan::{Scan, scan_value};
use super::{Chunked, GiveUp, Step};
use crate::model::{App, Interner};

/// The apps of one chunk: `buf[span]` is one app's JSON.
struct Job {
    index: usize,
    buf: Vec<u8>,
    spans: Vec<Range<usize>>,
}

type Parsed = (usize, Result<Vec<App>, GiveUp>);

/// Most workers worth starting: past this, reading and scanning on one thread is the limit.
const MAX_WORKERS: usize = 4;

pub(super) fn apps_array<R: Read>(r: &mut Chunked<R>) -> Step<Vec<App>> {
    if r.expect(b'[')?.is_err() {
        return Ok(Err(GiveUp));
    }
    if r.peek_non_ws()? == Some(b']') {
        r.pos += 1;
        return Ok(Ok(Vec::new()));
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_WORKERS);
    let failed = AtomicBool::new(false);
    // A bounded queue, so reading never runs far ahead of parsing (memory stays flat).
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Job>(workers);
    let jobs_rx = Mutex::new(jobs_rx);
    let (done_tx, done_rx) = mpsc::channel::<Parsed>();
    // Parsed chunks' buffers go back to the reader to be filled again: fresh memory is
    // expensive (the kernel zeroes every page on first touch), and a fresh megabyte per chunk
    // would touch as much memory as the catalog itself.
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
    std::thread::scope(|s| {
        for _ in 0..workers {
            let (jobs_rx, done_tx, spare_tx) = (&jobs_rx, done_tx.clone(), spare_tx.clone());
            let failed = &failed;
            s.spawn(move || {
                // One table per worker for the whole load: apps repeat the same questions and
                // answers, so each distinct text is kept once per worker, not once per app.
                let mut table = Interner::default();
                table.scope(|| {
                    while let Ok(job) = next_job(jobs_rx) {
                        let parsed: Result<Vec<App>, GiveUp> = job
                            .spans
                            .iter()
                            .map(|span| parse_app(&job.buf[span.clone()]).map_err(|_| GiveUp))
                            .collect();
                        if parsed.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        let _ = spare_tx.send(job.buf);
                        if done_tx.send((job.index, parsed)).is_err() {
                            break;
                        }
                    }
                });
            });
        }
        drop((done_tx, spare_tx));
        let fed = feed(r, &jobs_tx, &spare_rx, &failed);
        drop(jobs_tx); // workers stop when the queue is empty
        let mut parts: Vec<Parsed> = done_rx.iter().collect();
        let chunks = match fed? {
            Ok(n) => n,
            Err(g) => return Ok(Err(g)),
        };
        if parts.len() != chunks {
            return Ok(Err(GiveUp));
        }
        parts.sort_unstable_by_key(|(index, _)| *index);
        let total = parts
            .iter()
            .map(|(_, p)| p.as_ref().map_or(0, Vec::len))
            .sum();
        let mut apps = Vec::with_capacity(total);
        for (_, part) in parts {
            match part {
                Ok(mut part) => apps.append(&mut part),
                Err(g) => return Ok(Err(g)),
            }
        }
        Ok(Ok(apps))
    })
}

fn next_job(jobs: &Mutex<mpsc::Receiver<Job>>) -> Result<Job, mpsc::RecvError> {
    jobs.lock().unwrap_or_else(|e| e.into_inner()).recv()
}

/// Read the array chunk by chunk and queue each chunk's complete apps; the number of chunks
/// queued, once the closing `]` is consumed.
fn feed<R: Read>(
    r: &mut Chunked<R>,
    jobs: &mpsc::SyncSender<Job>,
    spare: &mpsc::Receiver<Vec<u8>>,
    failed: &AtomicBool,
) -> Step<usize> {
    let mut index = 0;
    loop {
        if failed.load(Ordering::Relaxed) {
            return Ok(Err(GiveUp));
        }
        let (spans, at, closed) = match complete_apps(r) {
            Ok(found) => found,
            Err(g) => return Ok(Err(g)),
        };
        if spans.is_empty() {
            if !r.more()? {
                return Ok(Err(GiveUp));
            }
            continue;
        }
        // Hand the scanned bytes over and keep only the unscanned tail (less than one app).
        let mut tail = spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(2 * super::CHUNK));
        tail.clear();
        tail.extend_from_slice(&r.buf[at..]);
        let mut buf = std::mem::replace(&mut r.buf, tail);
        buf.truncate(at);
        r.pos = 0;
        if jobs.send(Job { index, buf, spans }).is_err() {
            return Err(io::Error::other("catalog parser stopped"));
        }
        index += 1;
        if closed {
            return Ok(Ok(index));
        }
    }
}

/// The complete apps in `r.buf[r.pos..]`: their spans, where the scan stopped, and whether it
/// reached the array's closing `]`.
fn complete_apps<R>(r: &Chunked<R>) -> Result<(Vec<Range<usize>>, usize, bool), GiveUp> {
    let is_ws = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    let mut spans = Vec::new();
    let mut at = r.pos;
    loop {
        let rest = &r.buf[at..];
        let Some(skip) = rest.iter().position(|b| !is_ws(b)) else {
            break;
        };
        if rest[skip] != b'{' {
            return Err(GiveUp);
        }
        let start = at + skip;
        let len = match scan_value(&r.buf[start..], r.eof) {
            Scan::Done(n) => n,
            Scan::Bad => return Err(GiveUp),
            Scan::NeedMore => break,
        };
        let after = start + len;
        let Some(sep) = r.buf[after..].iter().position(|b| !is_ws(b)) else {
            break;
        };
        let closed = match r.buf[after + sep] {
            b',' => false,
            b']' => true,
            _ => return Err(GiveUp),
        };
        spans.push(start..after);
        at = after + sep + 1;
        if closed {
            return Ok((spans, at, true));
        }
    }
    Ok((spans, at, false))
}
