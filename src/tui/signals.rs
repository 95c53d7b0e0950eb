//! SIGTERM, SIGHUP, SIGINT and SIGQUIT while the TUI has the terminal: restore it (raw mode
//! off, main screen, mouse tracking off, cursor shown), then die of the same signal, so the
//! parent sees the conventional status (a shell's `$?` is 128 + the signal number; SIGQUIT
//! dumps core where core dumps are enabled, as it always does).
//!
//! In raw mode the terminal sends no signals for Ctrl-C or Ctrl-\, so these come from `kill`,
//! a closing terminal (HUP) or a session manager. They are taken on a thread of their own
//! (signal-hook's iterator), which waits for a frame being drawn to finish first: restoring
//! the terminal in the middle of an escape sequence would leave it garbled.

use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

/// Held while writing to the terminal; the signal thread takes it before restoring.
static TERMINAL: Mutex<()> = Mutex::new(());

/// How long a signal waits for a frame to finish before restoring anyway (a terminal that
/// stopped reading would otherwise keep the program alive).
const DRAW_WAIT: Duration = Duration::from_secs(1);

/// Hold this while writing a frame or an escape sequence to the terminal.
pub fn hold_terminal() -> MutexGuard<'static, ()> {
    TERMINAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The signal thread, for as long as the TUI has the terminal.
pub struct SignalGuard {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
}

impl SignalGuard {
    pub fn install() -> std::io::Result<SignalGuard> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let handle = signals.handle();
        let thread = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _held = wait_for_terminal();
                    super::terminal::restore();
                    // Resets the disposition to the default and raises the signal again.
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(SignalGuard {
            handle,
            thread: Some(thread),
        })
    }
}

fn wait_for_terminal() -> Option<MutexGuard<'static, ()>> {
    let start = Instant::now();
    loop {
        match TERMINAL.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < DRAW_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

impl Drop for SignalGuard {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A panic on purpose, to test that a panic restores the terminal: only in debug builds (the
/// tests' binary), only when `ATTEST_TUI_TEST_PANIC` is set. An environment variable rather
/// than a hidden flag, so a release binary has neither the code nor an option that a script
/// could stumble on.
pub fn test_panic_point() {
    #[cfg(debug_assertions)]
    if std::env::var_os("ATTEST_TUI_TEST_PANIC").is_some() {
        panic!("ATTEST_TUI_TEST_PANIC is set: panicking on purpose");
    }
}
