//! A program in a pseudo-terminal: keys typed as a person would, the screen read back through
//! a vt100 parser. Shared by the end-to-end tests.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub const BIN: &str = env!("CARGO_BIN_EXE_attest-tui");

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, for sequences the screen does not show (OSC 52).
    pub raw: Vec<u8>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Start `program` with `args` in the manifest directory, `TERM=xterm-256color`, colors on,
    /// no user config, plus `envs`.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        envs: &[(&str, &OsStr)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("ATTEST_TUI_CONFIG");
        cmd.env(
            "ATTEST_TUI_CACHE_DIR",
            std::env::temp_dir().join("attest-tui-tests-cache"),
        );
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
            master: pair.master,
            writer,
            output: rx,
            parser: vt100::Parser::new(
                NonZeroU16::new(rows).expect("rows > 0"),
                NonZeroU16::new(cols).expect("cols > 0"),
                0,
            ),
            raw: Vec::new(),
        }
    }

    /// The real binary with its data directory in `data_dir`.
    pub fn binary(args: &[&str], data_dir: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn(
            Path::new(BIN),
            args,
            &[("ATTEST_TUI_DATA_DIR", data_dir.as_os_str())],
            cols,
            rows,
        )
    }

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// The master side's descriptor: it shares the terminal settings (termios) with the
    /// program's side, so raw mode can be checked after the program is gone.
    pub fn master_fd(&self) -> Option<i32> {
        self.master.as_raw_fd()
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen contains `text`; panic with the screen when it does not.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.screen());
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(size(cols, rows))
            .expect("resize the pty");
        self.parser.screen_mut().set_size(
            NonZeroU16::new(rows).expect("rows > 0"),
            NonZeroU16::new(cols).expect("cols > 0"),
        );
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Wait for the program to exit and return its exit code.
    pub fn wait_exit(&mut self) -> u32 {
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
