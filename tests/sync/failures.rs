//! Syncs that must fail — hostile archives, broken downloads, no network, a kill mid-way — and
//! leave the previous catalog as it was.

use std::sync::Arc;

use super::common::stderr;
use super::sync_support::{Reply, archive, corpus};
use super::{Env, served, some_pages, synced_once};

#[test]
fn hostile_or_broken_downloads_leave_the_previous_catalog_untouched() {
    let Some((zh, env, files)) = synced_once() else {
        return;
    };
    let ids = env.listed_ids();
    let before = env.snapshot();
    let good = archive(&zh, "zh-CN", &files, 0);
    let root = "OfficeDocs-AppCompliance-pr.zh-CN-live";
    let page = std::fs::read(zh.join(&files[5])).unwrap();

    let escaping = forged(&good, &format!("{root}/Apps/../../../evil.md"), b'0', &page);
    let linked = forged(&good, &format!("{root}/Apps/teams/evil.md"), b'2', b"");
    let cases: Vec<(&str, Reply, &str)> = vec![
        ("escaping path", archive_reply(escaping), "`..` in its path"),
        ("symbolic link", archive_reply(linked), "a symbolic link"),
        (
            "truncated body",
            Reply::Truncated {
                body: Arc::new(good.clone()),
                sent: good.len() / 2,
            },
            "failed after",
        ),
        ("404", Reply::Status(404), "HTTP 404"),
        ("server error", Reply::Status(503), "HTTP 503"),
        (
            "not an archive",
            archive_reply(b"<html>rate limited</html>".to_vec()),
            "not a gzip-compressed tar archive",
        ),
    ];
    for (what, reply, expected) in cases {
        env.server.set("zh-CN", reply);
        let o = env.run(&["sync", "--lang", "zh-CN"]);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.starts_with("error: sync failed: zh-CN: "),
            "{what}: {err}"
        );
        assert!(err.contains(expected), "{what}: {err}");
        assert!(
            err.contains("the catalog synced before stays in use"),
            "{what}: {err}"
        );
        assert_eq!(
            env.snapshot(),
            before,
            "{what}: the sync folder is as it was"
        );
        assert_eq!(env.listed_ids(), ids, "{what}");
        assert!(!env.sync_dir().join("..").join("evil.md").exists());
    }
}

fn archive_reply(body: Vec<u8>) -> Reply {
    Reply::Archive {
        body: Arc::new(body),
        etag: "\"hostile\"".into(),
    }
}

/// `good` (a gzipped tar) with one more entry before the end, its name and type forged into the
/// header as raw bytes, as no honest tar writer would.
fn forged(good: &[u8], name: &str, kind: u8, data: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut tar = Vec::new();
    flate2::read::GzDecoder::new(good)
        .read_to_end(&mut tar)
        .unwrap();
    // Drop the end-of-archive blocks, add the entry, end the archive again.
    while tar.len() >= 512 && tar[tar.len() - 512..].iter().all(|&b| b == 0) {
        tar.truncate(tar.len() - 512);
    }
    let mut h = tar::Header::new_gnu();
    h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.as_old_mut().linkflag = [kind];
    h.set_cksum();
    tar.extend_from_slice(h.as_bytes());
    tar.extend_from_slice(data);
    tar.extend(std::iter::repeat_n(
        0,
        (512 - data.len() % 512) % 512 + 1024,
    ));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    gz.finish().unwrap()
}

#[test]
fn no_network_is_exit_2_saying_what_failed() {
    let env = Env::new("[sync]\ntimeout_secs = 1\n");
    // A port that was just free: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{closed}/{{lang}}.tar.gz");
    let o = env.run_with(
        &["sync", "--lang", "zh-CN"],
        &[("ATTEST_TUI_SYNC_URL", &url)],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("zh-CN: http://127.0.0.1:") && err.contains("cannot connect"),
        "{err}"
    );

    let o = env.run_with(
        &["sync", "--lang", "zh-CN"],
        &[(
            "ATTEST_TUI_SYNC_URL",
            "https://attest-tui-test.invalid/{lang}",
        )],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot resolve the host name"),
        "{}",
        stderr(&o)
    );

    // TLS to a server that speaks plain HTTP.
    let tls = format!("https://127.0.0.1:{}/{{lang}}.tar.gz", env.server.port);
    let o = env.run_with(
        &["sync", "--lang", "zh-CN"],
        &[("ATTEST_TUI_SYNC_URL", &tls)],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("TLS"), "{}", stderr(&o));

    env.server.set("zh-CN", Reply::Stall);
    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("timed out"), "{}", stderr(&o));

    let o = env.run_with(
        &["sync", "--lang", "zh-CN"],
        &[("ATTEST_TUI_SYNC_URL", "http://mirror.example/{lang}.tgz")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("must contain `{lang}` and start with https://"),
        "{}",
        stderr(&o)
    );

    let o = env.run(&["sync", "--offline"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("offline, and nothing was synced yet"),
        "{}",
        stderr(&o)
    );
    assert_eq!(env.listed_ids().len(), 2, "still the embedded seeds");
}

#[test]
fn a_sync_killed_mid_download_changes_nothing_and_the_next_one_cleans_up() {
    let Some((zh, env, files)) = synced_once() else {
        return;
    };
    let ids = env.listed_ids();
    let before = env.snapshot();

    // The new archive stops after its pages have started to arrive; the sync is killed there.
    let body = archive(&zh, "zh-CN", &files[1..], 2_000_000);
    let sent = body.len() / 2;
    env.server.set(
        "zh-CN",
        Reply::Hang {
            body: Arc::new(body),
            sent,
        },
    );
    let mut child = env
        .command()
        .args(["sync", "--lang", "zh-CN"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let staged = |env: &Env| {
        std::fs::read_dir(env.sync_dir())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("tmp-"))
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !staged(&env) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(staged(&env), "the sync started writing");
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();

    let after: Vec<(String, u64)> = env
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.starts_with("tmp-"))
        .collect();
    assert_eq!(after, before, "only the unfinished staging folder is new");
    assert_eq!(env.listed_ids(), ids);

    served(&env, "zh-CN", &zh, &files, "v1b");
    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !staged(&env),
        "the next sync removed what the killed one left"
    );
}

#[test]
fn proxies_come_from_the_environment() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("[sync]\ntimeout_secs = 5\n");
    served(&env, "zh-CN", &zh, &some_pages(&zh), "v1");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let proxy = format!("http://127.0.0.1:{closed}");
    let o = env.run_with(&["sync", "--lang", "zh-CN"], &[("HTTPS_PROXY", &proxy)]);
    assert_eq!(o.status.code(), Some(2), "the dead proxy is used");
    let err = stderr(&o);
    assert!(err.contains("cannot connect"), "{err}");
    assert!(err.contains(&format!("through the proxy {proxy}")), "{err}");
    assert!(env.server.log().is_empty(), "nothing reached the server");
    let o = env.run_with(
        &["sync", "--lang", "zh-CN"],
        &[("HTTPS_PROXY", &proxy), ("NO_PROXY", "127.0.0.1")],
    );
    assert!(o.status.success(), "NO_PROXY bypasses it: {}", stderr(&o));
    assert_eq!(env.server.log().len(), 1);
}
