//! TERM, HUP, INT and QUIT sent to the running TUI, and a panic inside it: the terminal must
//! come back as it was (main screen, cursor shown, mouse tracking off, raw mode off) and the
//! process must end the conventional way (killed by that signal; 101 for a panic).

use std::ffi::OsStr;
use std::path::Path;

use crate::support::pty::{BIN, Pty};

/// Whether the terminal is in canonical mode with echo, as a shell leaves it.
fn cooked(fd: i32) -> bool {
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr");
    t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
}

fn start(envs: &[(&str, &OsStr)]) -> (Pty, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut all = vec![("ATTEST_TUI_DATA_DIR", data.path().as_os_str())];
    all.extend_from_slice(envs);
    let catalog = crate::support::cli::fixture("tui_catalog.json");
    let pty = Pty::spawn(Path::new(BIN), &["--catalog", &catalog], &all, 80, 24);
    (pty, data)
}

fn assert_restored(pty: &mut Pty, what: &str) {
    let screen = pty.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "{what}: still on the alternate screen"
    );
    assert!(!screen.hide_cursor(), "{what}: cursor still hidden");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{what}: mouse tracking still on"
    );
    let fd = pty.master_fd().expect("a pty master descriptor");
    assert!(cooked(fd), "{what}: terminal left in raw mode");
}

fn signal_name(signal: i32) -> String {
    let name = unsafe { std::ffi::CStr::from_ptr(libc::strsignal(signal)) };
    name.to_string_lossy().into_owned()
}

fn check_signal(signal: i32) {
    let (mut pty, _data) = start(&[]);
    pty.wait_for("apps");
    assert!(pty.parser.screen().alternate_screen(), "the TUI is running");
    assert!(!cooked(pty.master_fd().unwrap()), "the TUI is in raw mode");
    let pid = pty.child.process_id().expect("child pid") as i32;
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let start = std::time::Instant::now();
    let status = loop {
        pty.pump(std::time::Duration::from_millis(20));
        if let Some(status) = pty.child.try_wait().unwrap() {
            pty.pump(std::time::Duration::from_millis(50));
            break status;
        }
        assert!(
            start.elapsed() < crate::support::pty::TIMEOUT,
            "still running after signal {signal}"
        );
    };
    assert_eq!(
        status.signal(),
        Some(signal_name(signal).as_str()),
        "signal {signal}: {status:?}"
    );
    assert_restored(&mut pty, &signal_name(signal));
}

#[test]
fn sigterm_restores_the_terminal_and_kills_by_the_signal() {
    check_signal(libc::SIGTERM);
}

#[test]
fn sighup_restores_the_terminal_and_kills_by_the_signal() {
    check_signal(libc::SIGHUP);
}

#[test]
fn sigint_restores_the_terminal_and_kills_by_the_signal() {
    check_signal(libc::SIGINT);
}

#[test]
fn sigquit_restores_the_terminal_and_kills_by_the_signal() {
    // SIGQUIT dumps core by default; no core file in the source tree. The limit is inherited
    // by the child and only lowers what this test process may dump.
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) }, 0);
    check_signal(libc::SIGQUIT);
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let (mut pty, _data) = start(&[("ATTEST_TUI_TEST_PANIC", OsStr::new("1"))]);
    let code = pty.wait_exit();
    assert_eq!(code, 101, "a panic exits with 101");
    pty.wait_for("internal error");
    assert!(
        pty.screen().contains("panicking on purpose"),
        "{}",
        pty.screen()
    );
    assert!(
        pty.raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "the TUI had entered the alternate screen before the panic"
    );
    assert_restored(&mut pty, "panic");
}
