//! The fast path for catalog JSON: the file is read in chunks and split into its apps by a
//! small structural scanner, so the whole file is never held in memory next to the catalog
//! (peak memory falls by the file's size), and blocks are read without serde's buffering of
//! internally tagged enums.
//!
//! The apps are parsed on the calling thread: parsing chunks on rayon's threads was measured
//! slower on the 2-core benchmark machine, as every thread's allocations grow their own malloc
//! arena (see BENCHMARKS.md).
//!
//! It only has to be fast on valid catalogs of the usual shape. Whenever anything is unusual
//! (an unknown top-level key, an escaped key, a block whose `type` is not its first key) or wrong,
//! it gives up and the caller takes the slow path over the whole file, which is the authority
//! for what is accepted and for every error message. So the fast path may refuse more than the
//! slow path, never accept more.

use std::io::{self, Read};

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, de::value::MapAccessDeserializer};

use crate::model::{
    App, Block, Catalog, Certification, Links, Note, Permission, Registration, Row, SharedText,
    Table, Updated, Zone,
};

/// How much to read at a time; a chunk holds about a hundred typical apps.
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
    // Apps repeat the same questions and answers; read each distinct text once.
    Ok(crate::model::interning(|| top_level(&mut r))?.ok())
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
        let want = self.buf.len() + CHUNK.max(self.buf.len());
        let start = self.buf.len();
        self.buf.resize(want, 0);
        let mut filled = start;
        while filled < want {
            match self.reader.read(&mut self.buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.buf.truncate(filled);
                    return Err(e);
                }
            }
        }
        self.buf.truncate(filled);
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

/// The `apps` array: each chunk's complete apps are found by scanning, then parsed.
fn apps_array<R: Read>(r: &mut Chunked<R>) -> Step<Vec<App>> {
    step!(r.expect(b'['));
    let mut apps = Vec::new();
    if r.peek_non_ws()? == Some(b']') {
        r.pos += 1;
        return Ok(Ok(apps));
    }
    loop {
        // Find every complete app in the buffer (at least one, reading more if needed).
        let mut spans = Vec::new();
        let mut closed = false;
        let mut at = r.pos;
        loop {
            let rest = &r.buf[at..];
            let skip = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
            let Some(skip) = skip else { break };
            if rest[skip] != b'{' {
                return Ok(Err(GiveUp));
            }
            let start = at + skip;
            let len = match scan_value(&r.buf[start..], r.eof) {
                Scan::Done(n) => n,
                Scan::Bad => return Ok(Err(GiveUp)),
                Scan::NeedMore => break,
            };
            let after = start + len;
            let sep = r.buf[after..]
                .iter()
                .position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
            let Some(sep) = sep else { break };
            match r.buf[after + sep] {
                b',' => {}
                b']' => closed = true,
                _ => return Ok(Err(GiveUp)),
            }
            spans.push(start..after);
            at = after + sep + 1;
            if closed {
                break;
            }
        }
        if spans.is_empty() {
            if !r.more()? {
                return Ok(Err(GiveUp));
            }
            continue;
        }
        let parsed: Result<Vec<App>, serde_json::Error> = spans
            .iter()
            .map(|span| parse_app(&r.buf[span.clone()]))
            .collect();
        match parsed {
            Ok(mut chunk) => apps.append(&mut chunk),
            Err(_) => return Ok(Err(GiveUp)),
        }
        r.pos = at;
        if closed {
            return Ok(Ok(apps));
        }
    }
}

fn parse_app(bytes: &[u8]) -> serde_json::Result<App> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let app = AppDef::deserialize(&mut de)?;
    de.end()?;
    Ok(app)
}

enum Scan {
    Done(usize),
    NeedMore,
    Bad,
}

/// Length of the JSON value at the start of `s` (after no whitespace): strings, objects and
/// arrays by their closing character, scalars up to the next delimiter. Only the structure is
/// checked; serde_json checks the rest when it parses the span.
fn scan_value(s: &[u8], eof: bool) -> Scan {
    let need_more = || if eof { Scan::Bad } else { Scan::NeedMore };
    let Some(&first) = s.first() else {
        return need_more();
    };
    match first {
        b'"' => match string_end(s, 1) {
            Some(end) => Scan::Done(end),
            None => need_more(),
        },
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = 0;
            while i < s.len() {
                match s[i] {
                    b'"' => match string_end(s, i + 1) {
                        Some(end) => {
                            i = end;
                            continue;
                        }
                        None => return need_more(),
                    },
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Scan::Done(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            need_more()
        }
        _ => match s
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
        {
            Some(0) => Scan::Bad,
            Some(n) => Scan::Done(n),
            None if eof => Scan::Done(s.len()),
            None => Scan::NeedMore,
        },
    }
}

/// Index just past the closing quote of the string whose body starts at `from`.
fn string_end(s: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let k = memchr::memchr2(b'"', b'\\', &s[from..])?;
        let i = from + k;
        if s[i] == b'"' {
            return Some(i + 1);
        }
        from = i + 2; // skip the escaped character
        if from > s.len() {
            return None;
        }
    }
}

// Mirrors of the model types whose derived `Deserialize` is slow. `remote` makes the compiler
// check that they list exactly the model's fields; the serde attributes must match the model's
// (a mismatch can only make the fast path give up, as long as no default is added here that
// the model lacks).

#[derive(Deserialize)]
#[serde(remote = "App")]
struct AppDef {
    id: String,
    name: String,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    certification: Certification,
    #[serde(default)]
    language: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    updated: Updated,
    #[serde(default)]
    clients: Vec<String>,
    #[serde(default)]
    links: Links,
    #[serde(default, deserialize_with = "zones")]
    zones: Vec<Zone>,
    #[serde(default)]
    permissions: Vec<Permission>,
}

#[derive(Deserialize)]
#[serde(remote = "Zone")]
struct ZoneDef {
    pivot: SharedText,
    #[serde(default)]
    title: SharedText,
    #[serde(default, deserialize_with = "blocks")]
    blocks: Vec<Block>,
}

struct FastZone(Zone);

impl<'de> Deserialize<'de> for FastZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ZoneDef::deserialize(d).map(FastZone)
    }
}

fn zones<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Zone>, D::Error> {
    let zones = Vec::<FastZone>::deserialize(d)?;
    Ok(zones.into_iter().map(|z| z.0).collect())
}

fn blocks<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Block>, D::Error> {
    let blocks = Vec::<FastBlock>::deserialize(d)?;
    let mut blocks: Vec<Block> = blocks.into_iter().map(|b| b.0).collect();
    // Growing by doubling leaves a quarter of the capacity unused on average; blocks are most
    // of a catalog's memory.
    blocks.shrink_to_fit();
    Ok(blocks)
}

/// A block read without buffering: its `type` must come first (as attest-tui writes it); other
/// orders make the fast path give up.
struct FastBlock(Block);

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Tag {
    Row,
    Table,
    Note,
}

impl<'de> Deserialize<'de> for FastBlock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = FastBlock;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a block object with its `type` first")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FastBlock, A::Error> {
        if map.next_key::<TypeKey>()?.is_none() {
            return Err(de::Error::custom("no `type`"));
        }
        let tag: Tag = map.next_value()?;
        let rest = MapAccessDeserializer::new(NoTypeKey(map));
        Ok(FastBlock(match tag {
            Tag::Row => Block::Row(Row::deserialize(rest)?),
            Tag::Table => Block::Table(Box::new(Table::deserialize(rest)?)),
            Tag::Note => Block::Note(Note::deserialize(rest)?),
        }))
    }
}

/// A key that must be `type`.
struct TypeKey;

impl<'de> Deserialize<'de> for TypeKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TypeKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`type`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TypeKey, E> {
                if v == "type" {
                    Ok(TypeKey)
                } else {
                    Err(E::custom("`type` is not the first key"))
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// The rest of a block's keys, where a second `type` is an error (as in the derived parser).
struct NoTypeKey<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for NoTypeKey<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(NotType(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
}

struct NotType<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotType<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        d.deserialize_str(NotTypeVisitor(self.0))
    }
}

struct NotTypeVisitor<K>(K);

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotTypeVisitor<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<K::Value, E> {
        if v == "type" {
            return Err(E::custom("duplicate field `type`"));
        }
        self.0.deserialize(v.into_deserializer())
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
