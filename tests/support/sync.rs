//! A local stand-in for GitHub's archive server, and archives built from the corpus at test time.
//!
//! The server is written over std::net rather than taken from a crate (tiny_http and the like)
//! because it must misbehave on purpose — cut a body short, stall, answer 304 only when asked
//! right — and count what it sent; a correct server library is built to prevent exactly that.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server answers a path.
#[derive(Clone)]
pub enum Reply {
    /// 200 with the body, its ETag and Last-Modified; 304 when If-None-Match names the ETag.
    Archive {
        body: Arc<Vec<u8>>,
        etag: String,
    },
    /// 200 announcing the whole length, then only the first `sent` bytes, then closes.
    Truncated {
        body: Arc<Vec<u8>>,
        sent: usize,
    },
    /// Accepts and then says nothing.
    Stall,
    /// 200 announcing the whole length, the first `sent` bytes, then nothing more.
    Hang {
        body: Arc<Vec<u8>>,
        sent: usize,
    },
    Status(u16),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub path: String,
    pub if_none_match: Option<String>,
    pub status: u16,
}

#[derive(Default)]
struct State {
    replies: HashMap<String, Reply>,
    log: Vec<Logged>,
    bodies_sent: usize,
}

pub struct Server {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

pub const LAST_MODIFIED: &str = "Sat, 23 Jul 2022 10:00:00 GMT";

impl Server {
    pub fn start() -> Server {
        Server::start_on(0)
    }

    /// On `port` (0: any free one).
    pub fn start_on(port: u16) -> Server {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind a local port");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        Server { port, state }
    }

    /// The URL template for the binary: `http://127.0.0.1:PORT/{lang}.tar.gz`.
    pub fn template(&self) -> String {
        format!("http://127.0.0.1:{}/{{lang}}.tar.gz", self.port)
    }

    pub fn set(&self, lang: &str, reply: Reply) {
        let path = format!("/{lang}.tar.gz");
        self.state.lock().unwrap().replies.insert(path, reply);
    }

    pub fn log(&self) -> Vec<Logged> {
        self.state.lock().unwrap().log.clone()
    }

    /// Archive bodies sent whole or in part (a 304 sends none).
    pub fn bodies_sent(&self) -> usize {
        self.state.lock().unwrap().bodies_sent
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    // Read as bytes: a TLS client's hello is not text, and still gets a (plain) answer.
    let mut raw_line = Vec::new();
    if reader.read_until(b'\n', &mut raw_line).is_err() {
        return;
    }
    let request_line = String::from_utf8_lossy(&raw_line).into_owned();
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_string();
    let mut if_none_match = None;
    let _ = reader
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(500)));
    loop {
        let mut raw = Vec::new();
        if reader.read_until(b'\n', &mut raw).unwrap_or(0) == 0 || raw == b"\r\n" {
            break;
        }
        let line = String::from_utf8_lossy(&raw);
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_string());
        }
    }
    let reply = state.lock().unwrap().replies.get(&path).cloned();
    let mut out = stream;
    let (status, head, body): (u16, String, Option<&[u8]>);
    let holder;
    match &reply {
        None => {
            (status, head, body) = (404, String::new(), None);
        }
        Some(Reply::Status(code)) => {
            (status, head, body) = (*code, String::new(), None);
        }
        Some(Reply::Stall) => {
            std::thread::sleep(Duration::from_secs(30));
            return;
        }
        Some(Reply::Archive { body: b, etag }) => {
            holder = Arc::clone(b);
            if if_none_match.as_deref() == Some(etag.as_str()) {
                (status, head, body) = (304, format!("ETag: {etag}\r\n"), None);
            } else {
                (status, head, body) = (
                    200,
                    format!("ETag: {etag}\r\nLast-Modified: {LAST_MODIFIED}\r\n"),
                    Some(&holder[..]),
                );
            }
        }
        Some(Reply::Hang { body: b, sent }) => {
            let _ = write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
                b.len()
            );
            let _ = out.write_all(&b[..*sent]);
            let _ = out.flush();
            std::thread::sleep(Duration::from_secs(60));
            return;
        }
        Some(Reply::Truncated { body: b, sent }) => {
            let _ = write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                b.len()
            );
            let _ = out.write_all(&b[..*sent]);
            let mut s = state.lock().unwrap();
            s.bodies_sent += 1;
            s.log.push(Logged {
                path,
                if_none_match,
                status: 200,
            });
            return;
        }
    }
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Error",
    };
    let length = body.map_or(0, <[u8]>::len);
    let _ = write!(
        out,
        "HTTP/1.1 {status} {reason}\r\n{head}Content-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    if let Some(body) = body {
        let _ = out.write_all(body);
    }
    let _ = out.flush();
    let mut s = state.lock().unwrap();
    if body.is_some() {
        s.bodies_sent += 1;
    }
    s.log.push(Logged {
        path,
        if_none_match,
        status,
    });
    // Read what the client may still send so closing does not reset the connection.
    let mut sink = [0u8; 64];
    let _ = reader
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(50)));
    let _ = reader.read(&mut sink);
}

/// A corpus folder: `ATTEST_TUI_CORPUS` names the zh-CN one; the others are its siblings.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let zh = std::env::var_os("ATTEST_TUI_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/zh-CN"),
        PathBuf::from,
    );
    let dir = zh.parent()?.join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
    }
}

/// The commit a test archive claims to be made from.
pub const COMMIT: &str = "0123456789abcdef0123456789abcdef01234567";

/// The corpus files of `dir` (relative, `/`-separated), every `step`-th one of each folder (1:
/// all), always with the pivot titles.
pub fn corpus_files(dir: &Path, step: usize) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, step: usize, out: &mut Vec<String>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        let mut n = 0;
        for path in entries {
            if path.is_dir() {
                walk(root, &path, step, out);
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel.contains('/') {
                n += 1;
                if (n - 1) % step != 0 {
                    continue;
                }
            }
            out.push(rel);
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, step, &mut out);
    out
}

/// A gzipped tar in GitHub's layout: a pax header naming the commit, then
/// `OfficeDocs-AppCompliance-pr.<lang>-live/` with a README, `Apps/` holding `files` of `dir`,
/// a TOC, and `filler_bytes` of incompressible images under `Apps/media/`.
pub fn archive(dir: &Path, lang: &str, files: &[String], filler_bytes: usize) -> Vec<u8> {
    archive_at(dir, lang, files, filler_bytes, flate2::Compression::fast())
}

/// As [`archive`], compressed at `level` (`git archive` uses gzip's default, 6, which stores
/// incompressible images rather than coding them).
pub fn archive_at(
    dir: &Path,
    lang: &str,
    files: &[String],
    filler_bytes: usize,
    level: flate2::Compression,
) -> Vec<u8> {
    let root = format!("OfficeDocs-AppCompliance-pr.{lang}-live");
    let gz = flate2::write::GzEncoder::new(Vec::new(), level);
    let mut tar = tar::Builder::new(gz);
    let header = |size: usize| {
        let mut h = tar::Header::new_gnu();
        h.set_size(size as u64);
        h.set_mode(0o644);
        h.set_mtime(1_658_570_400);
        h.set_entry_type(tar::EntryType::Regular);
        h
    };
    let pax = format!("52 comment={COMMIT}\n");
    let mut h = header(pax.len());
    h.set_entry_type(tar::EntryType::XGlobalHeader);
    tar.append_data(&mut h, "pax_global_header", pax.as_bytes())
        .unwrap();
    let readme = b"# App Compliance\n";
    tar.append_data(
        &mut header(readme.len()),
        format!("{root}/README.md"),
        &readme[..],
    )
    .unwrap();
    let toc = b"- name: Apps\n";
    tar.append_data(
        &mut header(toc.len()),
        format!("{root}/Apps/TOC.yml"),
        &toc[..],
    )
    .unwrap();
    for rel in files {
        let data = std::fs::read(dir.join(rel)).unwrap();
        tar.append_data(
            &mut header(data.len()),
            format!("{root}/Apps/{rel}"),
            &data[..],
        )
        .unwrap();
    }
    // Images do not compress: a cheap xorshift stream stands in for them.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut left = filler_bytes;
    let mut n = 0;
    while left > 0 {
        let size = left.min(400_000);
        let mut data = Vec::with_capacity(size);
        while data.len() < size {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            data.extend_from_slice(&seed.to_le_bytes());
        }
        data.truncate(size);
        tar.append_data(
            &mut header(size),
            format!("{root}/Apps/media/image-{n}.png"),
            &data[..],
        )
        .unwrap();
        left -= size;
        n += 1;
    }
    tar.into_inner().unwrap().finish().unwrap()
}
