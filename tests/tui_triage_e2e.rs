//! End to end: the real binary in a pseudo-terminal blocks an app and quits; the scripting CLI
//! then reads the decision from the same data directory. A bad key override refuses to start.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);
const BIN: &str = env!("CARGO_BIN_EXE_attest-tui");
const FIXTURE: &str = "tests/fixtures/tui_catalog.json";

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Pty {
    fn spawn(args: &[&str], envs: &[(&str, &Path)]) -> Pty {
        let (cols, rows) = (100, 30);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("ATTEST_TUI_CONFIG");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            _master: pair.master,
            writer,
            output: rx,
            parser: vt100::Parser::new(
                NonZeroU16::new(rows).unwrap(),
                NonZeroU16::new(cols).unwrap(),
                0,
            ),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.pump(Duration::from_millis(50));
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("did not exit; screen:\n{}", self.screen());
    }
}

#[test]
fn blocking_an_app_in_the_tui_is_saved_for_the_cli() {
    let data = tempfile::tempdir().unwrap();
    let env = [("ATTEST_TUI_DATA_DIR", data.path())];
    let mut pty = Pty::spawn(&["--catalog", FIXTURE], &env);
    pty.wait_for("Apps 4/4");
    // Second app, block it; the status line confirms the save.
    pty.send("j");
    pty.wait_for("Contoso Notes · Contoso");
    pty.send("b");
    pty.wait_for("Contoso Notes: blocked");
    // Copy its id: an OSC 52 sequence with the base64 of the id reaches the terminal.
    pty.send("y");
    pty.wait_for("copied: WA100000001");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
    let raw = String::from_utf8_lossy(&pty.raw);
    assert!(
        raw.contains("\x1b]52;c;V0ExMDAwMDAwMDE=\x07"),
        "OSC 52 with base64(\"WA100000001\")"
    );

    let out = std::process::Command::new(BIN)
        .args(["list", "--json", "--catalog", FIXTURE])
        .env("ATTEST_TUI_DATA_DIR", data.path())
        .env_remove("ATTEST_TUI_CONFIG")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let apps = list.as_array().unwrap();
    let decision = |id: &str| {
        apps.iter()
            .find(|a| a["id"] == id)
            .map(|a| a["review"]["decision"].clone())
            .unwrap()
    };
    assert_eq!(decision("WA100000001"), "blocked");
    assert_eq!(decision("WA200001428"), serde_json::Value::Null);
}

#[test]
fn a_key_bound_twice_in_the_config_refuses_to_start_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys.list]\nsearch = \"j\"\n").unwrap();
    let env = [("ATTEST_TUI_DATA_DIR", dir.path())];
    let config_arg = config.display().to_string();
    let mut pty = Pty::spawn(&["--catalog", FIXTURE, "--config", &config_arg], &env);
    assert_eq!(pty.wait_exit(), 2, "screen:\n{}", pty.screen());
    let screen = pty.screen();
    assert!(screen.contains("[keys.list] search"), "{screen}");
    assert!(!pty.parser.screen().alternate_screen());
}
