//! `attest-tui sync`, `changes` and the synced catalog as the default, against a local server
//! serving archives built from the corpus at test time.

mod common;
mod sync_support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

use common::{stderr, stdout};
use sync_support::{Reply, Server, archive, corpus, corpus_files};

struct Env {
    data: tempfile::TempDir,
    config: PathBuf,
    server: Server,
}

impl Env {
    fn new(config: &str) -> Env {
        let data = tempfile::tempdir().unwrap();
        let path = data.path().join("config.toml");
        std::fs::write(&path, config).unwrap();
        Env {
            data,
            config: path,
            server: Server::start(),
        }
    }

    fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.command();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.args(args).output().expect("the binary runs");
        common::assert_no_panic(&o);
        o
    }

    /// The binary on this test's data, config and server, with no proxy and a plain locale.
    fn command(&self) -> std::process::Command {
        let mut cmd = common::bin();
        cmd.env("ATTEST_TUI_DATA_DIR", self.data.path())
            .env("ATTEST_TUI_CONFIG", &self.config)
            .env("ATTEST_TUI_CACHE_DIR", self.data.path().join("cache"))
            .env("ATTEST_TUI_SYNC_URL", self.server.template())
            .env("LANG", "C.UTF-8");
        for var in [
            "LC_ALL",
            "LC_MESSAGES",
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "NO_PROXY",
            "no_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }

    fn sync_dir(&self) -> PathBuf {
        self.data.path().join("sync")
    }

    /// The default catalog's app ids, as `list --json` gives them.
    fn listed_ids(&self) -> Vec<String> {
        let o = self.run(&["list", "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        ids_of(&o)
    }

    /// Everything in the sync folder but the lock, with sizes: a refused sync must leave it so.
    fn snapshot(&self) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        walk(&self.sync_dir(), &self.sync_dir(), &mut out);
        out.retain(|(p, _)| p != "lock");
        out.sort();
        out
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, u64)>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = e.path();
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            out.push((rel, e.metadata().unwrap().len()));
        }
    }
}

fn ids_of(o: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let mut ids: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// Every tenth page of each corpus folder: the real format, a tenth of the time to import.
fn some_pages(dir: &Path) -> Vec<String> {
    corpus_files(dir, 10)
}

fn served(env: &Env, lang: &str, dir: &Path, files: &[String], etag: &str) {
    env.server.set(
        lang,
        Reply::Archive {
            body: Arc::new(archive(dir, lang, files, 300_000)),
            etag: format!("\"{etag}\""),
        },
    );
}

#[test]
fn first_sync_becomes_the_default_catalog_and_a_second_is_up_to_date() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("");
    served(&env, "zh-CN", &zh, &corpus_files(&zh, 1), "v1");
    let before = env.listed_ids();
    assert_eq!(before.len(), 2, "the embedded seeds before any sync");

    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("zh-CN: downloaded"), "{out}");
    assert!(
        out.contains("(commit 0123456789ab, pages of 2022-07-23)"),
        "{out}"
    );
    assert!(
        stderr(&o).is_empty(),
        "no progress when stderr is a pipe: {}",
        stderr(&o)
    );

    // The same apps as opening the corpus folder directly.
    let direct = env.run(&["--catalog", zh.to_str().unwrap(), "list", "--json"]);
    assert!(direct.status.success(), "{}", stderr(&direct));
    let expected = ids_of(&direct);
    assert!(expected.len() > 500, "{}", expected.len());
    assert_eq!(env.listed_ids(), expected);
    assert!(
        out.contains(&format!("catalog: {} apps from zh-CN", expected.len())),
        "{out}"
    );

    // Only pages were kept: no images, TOC or README.
    let kept = env.snapshot();
    assert!(
        kept.iter().all(|(p, _)| !p.ends_with(".png")
            && !p.ends_with("TOC.yml")
            && !p.ends_with("README.md")),
        "{kept:?}"
    );

    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("zh-CN: up to date"), "{out}");
    assert!(out.contains("catalog unchanged"), "{out}");
    let log = env.server.log();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[1].if_none_match.as_deref(), Some("\"v1\""));
    assert_eq!(log[1].status, 304);
    assert_eq!(
        env.server.bodies_sent(),
        1,
        "the unchanged archive is not sent again"
    );
    assert_eq!(env.listed_ids(), expected);
}

#[test]
fn a_change_on_the_server_is_picked_up_and_listed_by_changes() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("");
    let files = some_pages(&zh);
    served(&env, "zh-CN", &zh, &files, "v1");
    assert!(env.run(&["sync", "--lang", "zh-CN"]).status.success());
    let first = env.listed_ids();
    let o = env.run(&["changes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("only one sync so far"),
        "{}",
        stderr(&o)
    );

    // The new version drops one app page.
    let dropped = files
        .iter()
        .find(|f| f.starts_with("teams/") && !f.ends_with("-apps.md"))
        .unwrap()
        .clone();
    let fewer: Vec<String> = files.iter().filter(|f| **f != dropped).cloned().collect();
    served(&env, "zh-CN", &zh, &fewer, "v2");
    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("zh-CN: downloaded"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("since the previous sync: 0 added, 1 removed, 0 changed"),
        "{}",
        stdout(&o)
    );
    assert_eq!(env.server.bodies_sent(), 2);
    let second = env.listed_ids();
    assert_eq!(second.len(), first.len() - 1);
    let gone: Vec<&String> = first.iter().filter(|id| !second.contains(id)).collect();

    let o = env.run(&["changes", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["removed"], serde_json::json!(gone));
    assert_eq!(v["added"], serde_json::json!([]));
    assert_eq!(v["changed"], serde_json::json!([]));
    let o = env.run(&["changes"]);
    assert!(
        stdout(&o).starts_with("changes from the sync of "),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains(&format!("  - {}  ", gone[0])),
        "{}",
        stdout(&o)
    );
}

#[test]
fn hostile_or_broken_downloads_leave_the_previous_catalog_untouched() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("");
    let files = some_pages(&zh);
    served(&env, "zh-CN", &zh, &files, "v1");
    assert!(env.run(&["sync", "--lang", "zh-CN"]).status.success());
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
fn languages_come_from_the_flag_the_config_or_the_locale() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("");
    let o = env.run_with(&["sync"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no published repository for en-US"), "{err}");
    assert!(err.contains("Published languages: de-DE, es-ES"), "{err}");
    assert!(env.server.log().is_empty(), "nothing was fetched");

    served(&env, "zh-CN", &zh, &some_pages(&zh), "v1");
    let o = env.run_with(&["sync"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("zh-CN: downloaded"), "{}", stdout(&o));

    let o = env.run(&["sync", "--lang", "chinese"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("expected a language tag such as zh-CN"),
        "{}",
        stderr(&o)
    );

    let o = env.run(&["sync", "--offline"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("offline: using "), "{}", stdout(&o));
    assert!(stdout(&o).contains("synced from zh-CN"), "{}", stdout(&o));
}

#[test]
fn two_languages_make_one_catalog_and_an_unchanged_one_is_reused() {
    let (Some(zh), Some(de)) = (corpus("zh-CN"), corpus("de-DE")) else {
        return;
    };
    let env = Env::new("[sync]\nlanguages = [\"zh-CN\", \"de-DE\"]\n");
    served(&env, "zh-CN", &zh, &some_pages(&zh), "zh1");
    let de_files = some_pages(&de);
    served(&env, "de-DE", &de, &de_files, "de1");
    let o = env.run(&["sync"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("apps from zh-CN+de-DE"),
        "{}",
        stdout(&o)
    );
    let langs = |env: &Env, lang: &str| {
        let o = env.run(&["list", "--json", "--filter", &format!("lang:{lang}")]);
        ids_of(&o).len()
    };
    assert!(langs(&env, "zh-CN") > 0 && langs(&env, "de-DE") > 0);

    // Only de-DE changes: zh-CN is not downloaded again, and its pages are still in the catalog.
    served(&env, "de-DE", &de, &de_files[1..], "de2");
    let o = env.run(&["sync"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("zh-CN: up to date") && out.contains("de-DE: downloaded"),
        "{out}"
    );
    assert_eq!(env.server.bodies_sent(), 3);
    assert!(langs(&env, "zh-CN") > 0 && langs(&env, "de-DE") > 0);
}

#[test]
fn an_old_catalog_warns_and_the_status_names_its_source() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("[sync]\nmax_age_days = 7\n");
    served(&env, "zh-CN", &zh, &some_pages(&zh), "v1");
    assert!(env.run(&["sync", "--lang", "zh-CN"]).status.success());
    let o = env.run(&["list"]);
    assert!(stderr(&o).is_empty(), "fresh: {}", stderr(&o));
    // What the TUI's status line shows.
    let ws = attest_tui::workspace::Workspace::open(&attest_tui::workspace::OpenOptions {
        data_dir: Some(env.data.path().to_path_buf()),
        config: Some(env.config.clone()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(ws.loaded.source_label(), "synced zh-CN, just now");
    assert_eq!(ws.synced.as_ref().map(|s| s.languages.len()), Some(1));

    // Ten days pass.
    let state_path = env.sync_dir().join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state_path).unwrap()).unwrap();
    let lang = &mut state["current"]["languages"][0];
    let checked = lang["checked_at"].as_u64().unwrap();
    lang["checked_at"] = (checked - 10 * 86_400).into();
    std::fs::write(&state_path, serde_json::to_vec(&state).unwrap()).unwrap();
    let o = env.run(&["list"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains(
            "warning: the synced catalog was last checked 10 days ago (sync.max_age_days = 7)"
        ),
        "{}",
        stderr(&o)
    );
    let o = env.run(&["sync", "--offline"]);
    assert!(stdout(&o).contains("checked 10 days ago"), "{}", stdout(&o));

    // A conditional check that finds it unchanged makes it fresh again.
    assert!(env.run(&["sync", "--lang", "zh-CN"]).status.success());
    assert!(env.run(&["list"]).stderr.is_empty());

    // A broken state file: a warning, and the embedded catalog.
    std::fs::write(&state_path, "{not json").unwrap();
    let o = env.run(&["list", "--json"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("using the embedded catalog")
            || stderr(&o).contains("embedded catalog is shown"),
        "{}",
        stderr(&o)
    );
    assert_eq!(ids_of(&o).len(), 2);
}

#[test]
fn a_sync_killed_mid_download_changes_nothing_and_the_next_one_cleans_up() {
    let Some(zh) = corpus("zh-CN") else { return };
    let env = Env::new("");
    let files = some_pages(&zh);
    served(&env, "zh-CN", &zh, &files, "v1");
    assert!(env.run(&["sync", "--lang", "zh-CN"]).status.success());
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
