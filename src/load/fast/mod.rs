//! The fast path for catalog JSON: the file is read in chunks and split into its apps by a
//! small structural scanner, so the whole file is never held in memory next to the catalog
//! (peak memory falls by the file's size), and blocks are read without serde's buffering of
//! internally tagged enums.
//!
//! The apps are parsed on worker threads while the calling thread reads and scans
//! ([`apps`]); each app with sonic-rs through mirror types ([`mirror`]).
//!
//! It only has to be fast on valid catalogs of the usual shape. Whenever anything is unusual
//! (an unknown top-level key, an escaped key, a block whose `type` is not its first key) or wrong,
//! it gives up and the caller takes the slow path over the whole file, which is the authority
//! for what is accepted and for every error message. So the fast path may refuse more than the
//! slow path, never accept more.

mod apps;
mod mirror;
mod scan;

use std::io::{self, Read};

use crate::model::{Catalog, Registration};
use apps::apps_array;
use scan::{Scan, scan_value};

/// How much to read at a time; a chunk holds about a hundred typical apps, one worker's job.
const CHUNK: usize = 1 << 20;

/// Parse a catalog from `reader`, or `Ok(None)` when the fast path does not apply (the slow path
/// then decides, with a proper message if the file is bad).
pub fn parse_catalog_fast(reader: impl Read) -> io::Result<Option<Catalog>> {
    let mut r = Chunked {
        reader,
        buf: Vec::with_capacity(CHUNK),
        pos: 0,
        eof: false,
    };
    Ok(top_level(&mut r)?.ok())
}

/// Why the fast path gave up; the slow path says what is wrong, so no detail is kept.
struct GiveUp;

type Step<T> = io::Result<Result<T, GiveUp>>;

/// A window on the input: `buf[pos..]` is read but not yet consumed.
struct Chunked<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Chunked<R> {
    /// Read more input, dropping what was consumed. Returns false at end of input.
    fn more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.buf.drain(..self.pos);
        self.pos = 0;
        let want = CHUNK.max(self.buf.len()) as u64;
        let start = self.buf.len();
        // `read_to_end` reads into the spare capacity without zeroing it first.
        let read = (&mut self.reader).take(want).read_to_end(&mut self.buf)?;
        if (read as u64) < want {
            self.eof = true;
        }
        let filled = start + read;
        Ok(filled > start || !self.eof)
    }

    /// The next byte that is not JSON whitespace (not consumed), or None at end of input.
    fn peek_non_ws(&mut self) -> io::Result<Option<u8>> {
        loop {
            while let Some(&b) = self.buf.get(self.pos) {
                if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                    return Ok(Some(b));
                }
                self.pos += 1;
            }
            if !self.more()? {
                return Ok(None);
            }
        }
    }

    /// Consume `want` after optional whitespace.
    fn expect(&mut self, want: u8) -> Step<()> {
        if self.peek_non_ws()? == Some(want) {
            self.pos += 1;
            Ok(Ok(()))
        } else {
            Ok(Err(GiveUp))
        }
    }

    /// The end (exclusive, relative to `pos`) of the JSON value starting at `pos`, reading more
    /// input as needed.
    fn value_len(&mut self) -> Step<usize> {
        loop {
            match scan_value(&self.buf[self.pos..], self.eof) {
                Scan::Done(n) => return Ok(Ok(n)),
                Scan::Bad => return Ok(Err(GiveUp)),
                Scan::NeedMore => {
                    if !self.more()? {
                        return Ok(Err(GiveUp));
                    }
                }
            }
        }
    }

    /// A plain object key (no escapes) and the colon after it.
    fn key(&mut self) -> Step<Key> {
        if self.peek_non_ws()? != Some(b'"') {
            return Ok(Err(GiveUp));
        }
        let len = match self.value_len()? {
            Ok(n) => n,
            Err(g) => return Ok(Err(g)),
        };
        let key = match &self.buf[self.pos..self.pos + len] {
            b"\"format\"" => Key::Format,
            b"\"apps\"" => Key::Apps,
            b"\"registrations\"" => Key::Registrations,
            _ => return Ok(Err(GiveUp)),
        };
        self.pos += len;
        Ok(self.expect(b':')?.map(|()| key))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Format,
    Apps,
    Registrations,
}

macro_rules! step {
    ($e:expr) => {
        match $e? {
            Ok(v) => v,
            Err(g) => return Ok(Err(g)),
        }
    };
}

fn top_level<R: Read>(r: &mut Chunked<R>) -> Step<Catalog> {
    r.more()?;
    if r.buf.starts_with(b"\xEF\xBB\xBF") {
        r.pos = 3;
    }
    step!(r.expect(b'{'));
    let mut format = None;
    let mut apps = None;
    let mut registrations = None;
    if r.peek_non_ws()? == Some(b'}') {
        return Ok(Err(GiveUp)); // no `format`: the slow path says so
    }
    loop {
        let key = step!(r.key());
        r.peek_non_ws()?;
        match key {
            Key::Apps if apps.is_none() => apps = Some(step!(apps_array(r))),
            Key::Format if format.is_none() => {
                let len = step!(r.value_len());
                let Ok(f) = serde_json::from_slice::<u32>(&r.buf[r.pos..r.pos + len]) else {
                    return Ok(Err(GiveUp));
                };
                r.pos += len;
                format = Some(f);
            }
            Key::Registrations if registrations.is_none() => {
                let len = step!(r.value_len());
                let Ok(regs) =
                    serde_json::from_slice::<Vec<Registration>>(&r.buf[r.pos..r.pos + len])
                else {
                    return Ok(Err(GiveUp));
                };
                r.pos += len;
                registrations = Some(regs);
            }
            _ => return Ok(Err(GiveUp)), // a key given twice
        }
        match r.peek_non_ws()? {
            Some(b',') => r.pos += 1,
            Some(b'}') => {
                r.pos += 1;
                break;
            }
            _ => return Ok(Err(GiveUp)),
        }
    }
    if r.peek_non_ws()?.is_some() {
        return Ok(Err(GiveUp)); // trailing characters
    }
    let Some(format) = format else {
        return Ok(Err(GiveUp));
    };
    Ok(Ok(Catalog {
        format,
        apps: apps.unwrap_or_default(),
        registrations: registrations.unwrap_or_default(),
    }))
}

#[cfg(test)]
mod tests;
