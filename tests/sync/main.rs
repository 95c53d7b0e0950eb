//! `attest-tui sync`, `changes` and the synced catalog as the default, against a local server
//! serving archives built from the corpus at test time; and `diff` on the two zh-CN snapshots.

#[path = "../support/mod.rs"]
mod support;

mod diff;
mod drift;
mod failures;

use support::cli as common;
use support::sync as sync_support;

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

/// The zh-CN corpus, and an Env whose first sync of some of its pages (served as `v1`)
/// succeeded; None when the corpus is absent.
fn synced_once() -> Option<(PathBuf, Env, Vec<String>)> {
    let zh = corpus("zh-CN")?;
    let env = Env::new("");
    let files = some_pages(&zh);
    served(&env, "zh-CN", &zh, &files, "v1");
    let o = env.run(&["sync", "--lang", "zh-CN"]);
    assert!(o.status.success(), "{}", stderr(&o));
    Some((zh, env, files))
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
    let Some((zh, env, files)) = synced_once() else {
        return;
    };
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
