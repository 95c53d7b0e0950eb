//! Every command and every kind of message, with hostile text in every field of the catalog,
//! the config, the paths and the arguments: stdout and stderr may hold no control, format or
//! separator character (line feeds aside) and no tower of combining marks, judged by Python's
//! Unicode tables (see `hostile_common`). JSON keeps the text exact through escapes.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::oracle::{Oracle, hostile_text};
use crate::support::cli::bin;
use attest_tui::text::{MAX_MARKS, sanitize};
use serde_json::{Value, json};

struct Setup {
    dir: tempfile::TempDir,
    h: String,
    id_a: String,
    id_b: String,
}

impl Setup {
    fn new() -> Setup {
        let h = hostile_text();
        let setup = Setup {
            dir: tempfile::tempdir().unwrap(),
            id_a: format!("hostile-a-{h}"),
            id_b: format!("hostile-b-{h}"),
            h,
        };
        std::fs::create_dir(setup.data()).unwrap();
        let catalog = json!({
            "format": 1,
            "apps": [app(&setup.id_a, &setup.h), app(&setup.id_b, &setup.h)],
            "registrations": [{
                "id": setup.h, "apps": [setup.id_a], "app_names": [setup.h],
                "status": setup.h, "source": setup.h,
            }],
        });
        std::fs::write(setup.catalog(), serde_json::to_vec(&catalog).unwrap()).unwrap();
        setup
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn catalog(&self) -> PathBuf {
        self.path("hostile.json")
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    /// Run the binary on the hostile catalog with `args`, check both streams, return them.
    fn run(&self, what: &str, args: &[&str]) -> Output {
        self.run_with(what, &["--catalog", self.catalog().to_str().unwrap()], args)
    }

    fn run_with(&self, what: &str, pre: &[&str], args: &[&str]) -> Output {
        let o = bin()
            .env("ATTEST_TUI_DATA_DIR", self.data())
            .env("ATTEST_TUI_CACHE_DIR", self.path("cache"))
            .env_remove("ATTEST_TUI_CONFIG")
            .args(pre)
            .args(args)
            .output()
            .unwrap();
        check(what, "stdout", &o.stdout);
        check(what, "stderr", &o.stderr);
        crate::support::cli::assert_no_panic(&o);
        o
    }
}

fn app(id: &str, h: &str) -> Value {
    json!({
        "id": id, "name": format!("name {h}"), "publisher": h, "certification": "certified",
        "language": h, "sources": [h], "updated": {"date": null, "raw": h},
        "clients": [h, h],
        "links": {"teams": format!("https://teams.example/{h}"), "appsource": h,
                  "website": h, "terms": h, "privacy": h},
        "zones": [{
            "pivot": h, "title": h,
            "blocks": [
                {"type": "row", "question": h, "answer": h, "value": "text", "level": 1},
                {"type": "row", "question": format!("{h}?"), "answer": "yes", "value": "yes"},
                {"type": "table", "title": h, "headers": [h, h], "rows": [[h, h]]},
                {"type": "note", "title": h, "text": h},
            ],
        }, {"pivot": "general", "title": "", "blocks": []}],
        "permissions": [{
            "name": h, "raw_name": h, "kind": "application", "justification": h,
            "registration": h, "resource": h,
        }, {
            "name": "User.Read", "kind": "delegated", "justification": h,
            "registration": null, "resource": h,
        }],
    })
}

/// The bytes must be UTF-8 with nothing a terminal would act on or hide.
fn check(what: &str, stream: &str, bytes: &[u8]) {
    let text =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8: {e}"));
    // The one invisible character written on purpose: the BOM that starts a CSV export.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The controls written on purpose, each only where its format has it: the CRLF that ends
    // a CSV record (RFC 4180) and the tab between TSV cells. A lone CR is never allowed.
    let mut text = std::borrow::Cow::Borrowed(text);
    if what.starts_with("export csv") {
        text = text.replace("\r\n", "\n").into();
    }
    if what.ends_with("tsv") {
        let cells = |l: &str| l.split('\t').count();
        let first = text.lines().next().map_or(0, cells);
        assert!(text.lines().all(|l| cells(l) == first), "{what}: {text}");
        text = text.replace('\t', " ").into();
    }
    if let Some(problem) = Oracle::get().problem(&text, MAX_MARKS) {
        panic!(
            "{what}: {stream}: {problem} (Unicode {} oracle)",
            Oracle::get().version
        );
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_oracle_and_the_sanitizer_agree_on_every_code_point() {
    let oracle = Oracle::get();
    // Default-ignorable letters (Unicode PropList: Other_Default_Ignorable_Code_Point) that
    // Python calls Lo: invisible fillers, removed on purpose.
    let fillers = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}'];
    let (mut removed, mut kept) = (0, 0);
    for c in (0..0x11_0000).filter_map(char::from_u32) {
        if oracle.is_mark(c) || oracle.is_visible(c) {
            assert_eq!(
                attest_tui::text::is_mark(c),
                oracle.is_mark(c),
                "U+{:04X} as a mark",
                c as u32
            );
        }
        let s = format!("a{c}b");
        let clean = sanitize(&s);
        if oracle.is_forbidden(c) {
            assert!(
                clean == "ab" || clean == "a b" || clean.trim_start_matches('a').starts_with(' '),
                "U+{:04X} survives: {clean:?}",
                c as u32
            );
            removed += 1;
        } else if oracle.is_visible(c) && !fillers.contains(&c) {
            assert_eq!(clean, s, "U+{:04X} was changed", c as u32);
            kept += 1;
        }
    }
    eprintln!(
        "Unicode {} oracle: {removed} code points removed, {kept} kept",
        oracle.version
    );
    assert!(removed > 250 && kept > 140_000, "{removed} {kept}");
}

#[test]
fn every_command_prints_only_safe_bytes() {
    let s = Setup::new();
    let (a, b) = (s.id_a.as_str(), s.id_b.as_str());
    let note = format!("note {}", s.h);
    let exported = s.path("out.md");
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("list", vec!["list"]),
        ("list --json", vec!["list", "--json"]),
        ("list --search", vec!["list", "--search", &s.h]),
        ("list tsv", vec!["list", "--format", "tsv"]),
        ("list ids", vec!["list", "--format", "ids"]),
        ("show", vec!["show", a]),
        ("show --json", vec!["show", a, "--json"]),
        ("permissions", vec!["permissions"]),
        ("permissions APP", vec!["permissions", a]),
        ("permissions --json", vec!["permissions", "--json"]),
        ("compare", vec!["compare", a, b, "--width", "120"]),
        (
            "compare markdown",
            vec!["compare", a, b, "--format", "markdown"],
        ),
        ("compare json", vec!["compare", a, b, "--format", "json"]),
        ("score", vec!["score", a]),
        ("export csv", vec!["export"]),
        ("export csv --excel", vec!["export", "--excel"]),
        ("export json", vec!["export", "--format", "json"]),
        ("export markdown", vec!["export", "--format", "markdown"]),
        (
            "export -o",
            vec![
                "export",
                "--format",
                "markdown",
                "-o",
                exported.to_str().unwrap(),
            ],
        ),
        (
            "review --note",
            vec!["review", a, "--note", &note, "--bookmark"],
        ),
        ("review", vec!["review", a]),
        ("review --json", vec!["review", a, "--json"]),
        ("list with review", vec!["list"]),
        ("show with review", vec!["show", a]),
    ];
    for (what, args) in &runs {
        let o = s.run(what, args);
        assert!(o.status.success(), "{what}: {}", err(&o));
        assert!(
            !o.stdout.is_empty() || what.ends_with("-o"),
            "{what}: no output"
        );
    }
    // The text is shown inert, not dropped.
    let shown = out(&s.run("show", &["show", a]));
    assert!(shown.contains("]0;PWNED"), "{shown}");
    assert!(shown.contains("note: note PWN]0;PWNED"), "{shown}");
    let md = std::fs::read_to_string(&exported).unwrap();
    check("export -o file", "file", md.as_bytes());
}

#[test]
fn json_output_keeps_the_hostile_text_exact() {
    let s = Setup::new();
    let shown: Value = serde_json::from_slice(&s.run("show", &["show", &s.id_a, "--json"]).stdout)
        .expect("show --json is JSON");
    assert_eq!(shown["id"], s.id_a.as_str());
    assert_eq!(shown["zones"][0]["blocks"][0]["answer"], s.h.as_str());
    let listed: Value = serde_json::from_slice(&s.run("list", &["list", "--json"]).stdout).unwrap();
    assert_eq!(listed[1]["publisher"], s.h.as_str());
    let compared: Value = serde_json::from_slice(
        &s.run(
            "compare",
            &["compare", &s.id_a, &s.id_b, "--format", "json"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(compared["a"]["id"], s.id_a.as_str());
}

/// `text` as a TOML string literal (TOML needs escapes JSON does not write, such as DEL).
/// Every character outside printable ASCII is written as an escape, which the parser turns back
/// into exactly that character.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A catalog written as text, for errors the catalog writer above cannot produce.
fn write(s: &Setup, name: &str, text: &str) -> String {
    let p = s.path(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn every_error_warning_and_note_prints_only_safe_bytes() {
    let s = Setup::new();
    let h = serde_json::to_string(&s.h).unwrap(); // a JSON string literal
    let toml_h = toml_string(&s.h);
    let bad_variant =
        |field: &str| format!(r#"{{"format":1,"apps":[{{"id":"x","name":"y",{field}}}]}}"#);
    let cases = [
        (
            "certification",
            bad_variant(&format!(r#""certification":{h}"#)),
        ),
        (
            "kind",
            bad_variant(&format!(r#""permissions":[{{"name":"a","kind":{h}}}]"#)),
        ),
        (
            "block type",
            bad_variant(&format!(
                r#""zones":[{{"pivot":"data","blocks":[{{"type":{h}}}]}}]"#
            )),
        ),
        (
            "row value",
            bad_variant(&format!(
                r#""zones":[{{"pivot":"data","blocks":[{{"type":"row","question":"q","answer":"a","value":{h}}}]}}]"#
            )),
        ),
        (
            "duplicate id",
            format!(r#"{{"format":1,"apps":[{{"id":{h},"name":"a"}},{{"id":{h},"name":"b"}}]}}"#),
        ),
        ("format", format!(r#"{{"format":{h}}}"#)),
    ];
    for (what, text) in &cases {
        let p = write(&s, &format!("{}.json", what.replace(' ', "-")), text);
        let o = s.run_with(what, &["--catalog", &p], &["list"]);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", err(&o));
        assert!(err(&o).starts_with("error: "), "{what}: {}", err(&o));
    }

    // Unknown keys are accepted (a newer writer may add some); the output must stay clean.
    let p = write(&s, "unknown-key.json", &format!(r#"{{"format":1,{h}:1}}"#));
    s.run_with("unknown key", &["--catalog", &p], &["list"]);

    // The "replaces the one from" note: the same ids from two catalogs.
    let copy = s.path("copy.json");
    std::fs::copy(s.catalog(), &copy).unwrap();
    let o = s.run_with(
        "replaced note",
        &[
            "--catalog",
            s.catalog().to_str().unwrap(),
            "--catalog",
            copy.to_str().unwrap(),
        ],
        &["list"],
    );
    assert!(err(&o).contains("replaces the one from"), "{}", err(&o));

    // Lookups and filters that echo the query.
    for (what, args) in [
        ("unknown app", vec!["show", s.h.as_str()]),
        ("ambiguous app", vec!["show", "hostile"]),
        (
            "bad filter",
            vec!["list", "--filter", &format!("risk:{}", s.h)],
        ),
        ("clap value", vec!["review", &s.id_a, "--decision", &s.h]),
        ("clap argument", vec!["list", &s.h]),
    ] {
        let o = s.run(what, &args);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", err(&o));
    }

    // Paths: a missing catalog and a folder of pages whose names and text are hostile.
    // A file name is at most 255 bytes.
    let mut name = String::new();
    for c in s.h.chars().filter(|&c| c != '/') {
        if name.len() + c.len_utf8() > 200 {
            break;
        }
        name.push(c);
    }
    let o = s.run_with(
        "missing catalog path",
        &["--catalog", &format!("/nonexistent/{name}.json")],
        &["list"],
    );
    assert_eq!(o.status.code(), Some(2));
    let pages = s.path("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(
        pages.join(format!("{name}.md")),
        format!("---\ntitle: {}\n---\n", s.h),
    )
    .unwrap();
    std::fs::write(pages.join("a.md"), &s.h).unwrap();
    let o = s.run_with(
        "import report",
        &[],
        &["import", pages.to_str().unwrap(), "-o", "-"],
    );
    assert!(!o.stderr.is_empty());
    let o = s.run_with(
        "pages on the fly",
        &["--catalog", pages.to_str().unwrap()],
        &["list"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));

    // Config: a bad theme value, a bad weight, a hostile tiers path; and `config path` with a
    // hostile data directory.
    for (what, text) in [
        ("theme", format!("theme = {toml_h}\n")),
        ("unknown config key", format!("{toml_h} = 1\n")),
        (
            "question rule",
            format!("[[score.questions]]\ncontains = {toml_h}\nweight = nan\n"),
        ),
        (
            "tiers path",
            format!(
                "risk_tiers = {}\n",
                toml_string(&format!("/nonexistent/{name}"))
            ),
        ),
    ] {
        let config = write(&s, "config.toml", &text);
        let o = s.run(what, &["--config", &config, "list"]);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", err(&o));
        // The message quotes the hostile text (inert), not a syntax error before it.
        assert!(
            what == "question rule" || err(&o).contains("PWN"),
            "{what}: {}",
            err(&o)
        );
    }
    let o = s.run_with(
        "config path",
        &["--data-dir", &format!("/tmp/{name}")],
        &["config", "path"],
    );
    assert!(o.status.success());
}

#[test]
fn the_tui_prints_its_startup_errors_safely() {
    let s = Setup::new();
    let config = write(
        &s,
        "keys.toml",
        &format!("[keys.list]\nsearch = {}\n", toml_string(&s.h)),
    );
    let mut p = crate::support::pty::Pty::spawn(
        Path::new(crate::support::pty::BIN),
        &[
            "--catalog",
            s.catalog().to_str().unwrap(),
            "--config",
            &config,
        ],
        &[("ATTEST_TUI_DATA_DIR", s.data().as_os_str())],
        100,
        30,
    );
    assert_eq!(p.wait_exit(), 2, "{}", p.screen());
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    // The pty turns \n into \r\n; nothing else may be a control character.
    check("TUI key error", "pty", raw.replace("\r\n", "\n").as_bytes());
    assert!(raw.contains("[keys.list]"), "{raw}");
}

#[test]
fn nothing_in_the_library_writes_to_stdout_or_stderr_but_the_output_layer() {
    // Print macros are denied by clippy (`clippy::print_stdout`, `print_stderr` in lib.rs and
    // main.rs); this catches the handles themselves. The TUI's terminal writes the screen
    // (every view sanitizes what it draws); `compare` only asks whether stdout is a terminal.
    let allowed = [
        "src/text/output.rs",
        "src/tui/terminal.rs",
        "src/cli/compare.rs",
    ];
    let mut offenders = Vec::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            // `stdout()` as a call of its own, not the tail of a name such as `use_stderr()`.
            let writes = ["stdout()", "stderr()"].iter().any(|w| {
                text.match_indices(w).any(|(i, _)| {
                    !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            });
            if writes && !allowed.contains(&rel.as_str()) {
                offenders.push(rel);
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "write outside the output layer: {offenders:?}"
    );
}

#[test]
fn markdown_export_escapes_html_and_links_and_numbers_are_bounded() {
    let s = Setup::new();
    let name = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* | cell";
    let catalog = json!({"format": 1, "apps": [{"id": "md-1", "name": name}]});
    let p = s.path("md.json");
    std::fs::write(&p, catalog.to_string()).unwrap();
    let o = s.run_with(
        "export markdown",
        &["--catalog", p.to_str().unwrap()],
        &["export", "--format", "markdown"],
    );
    let md = out(&o);
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(md.contains("\\[click\\](javascript:alert(1))"), "{md}");
    assert!(md.contains("\\*bold\\* \\| cell"), "{md}");
    for width in ["1000000000", "0", "39", "-5", "1001"] {
        let o = s.run(
            "compare --width",
            &["compare", &s.id_a, &s.id_b, "--width", width],
        );
        assert_eq!(o.status.code(), Some(2), "--width {width}: {}", err(&o));
        assert!(err(&o).contains("width") || width == "-5", "{}", err(&o));
    }
}
