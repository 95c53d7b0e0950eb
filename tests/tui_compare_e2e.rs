//! End to end: the real binary in a pseudo-terminal marks an app, compares it with another
//! and quits. (A small harness of its own, so it can set the data directory.)

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

impl Pty {
    fn spawn(args: &[&str], data_dir: &std::path::Path, cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_attest-tui"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("ATTEST_TUI_DATA_DIR", data_dir);
        cmd.env_remove("NO_COLOR");
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
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
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
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("did not exit; screen:\n{}", self.screen());
    }
}

#[test]
fn binary_marks_an_app_compares_it_with_another_and_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pty = Pty::spawn(
        &["--catalog", "tests/fixtures/tui_catalog.json"],
        dir.path(),
        100,
        30,
    );
    pty.wait_for("Apps 4/4");
    pty.send("m"); // mark the first app, 联系人中心
    pty.wait_for("⇄");
    pty.send("j"); // Contoso Notes
    pty.send("c");
    pty.wait_for("COMPARE");
    pty.wait_for("A 联系人中心");
    pty.wait_for("B Contoso Notes");
    pty.send("5"); // the Permissions tab
    pty.wait_for("Only in A");
    pty.send("s"); // swap
    pty.wait_for("A Contoso Notes");
    pty.send("\x1b"); // back to the list
    pty.wait_for("LIST");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
