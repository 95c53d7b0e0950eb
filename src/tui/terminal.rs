//! Entering and leaving the full-screen terminal: raw mode, alternate screen, mouse capture,
//! restored on quit, on error and on panic (signals: see `signals.rs`).

use std::io::{self, IsTerminal, Stdout, stdout};
use std::panic;
use std::sync::Arc;

use crossterm::event::{
    DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::strings;

/// Standard input or output is not a terminal (a pipe, a file): the TUI cannot run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", strings::NOT_A_TERMINAL)]
pub struct NotATerminal;

/// Whether the TUI can run here: both standard input and standard output are terminals.
pub fn ensure_terminal() -> Result<(), NotATerminal> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(NotATerminal)
    }
}

/// Put the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableFocusChange,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

type PanicHook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// The terminal in full-screen mode; dropping it restores the terminal and the panic hook.
pub struct Session {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    previous_hook: Option<Arc<PanicHook>>,
}

impl Session {
    pub fn enter() -> io::Result<Session> {
        let previous: Arc<PanicHook> = Arc::new(panic::take_hook());
        let chained = Arc::clone(&previous);
        panic::set_hook(Box::new(move |info| {
            restore();
            chained(info);
        }));
        let session = Session {
            terminal: Terminal::new(CrosstermBackend::new(stdout()))?,
            previous_hook: Some(previous),
        };
        enable_raw_mode()?;
        // Clear with a plain escape: `Terminal::clear` asks the terminal for the cursor
        // position, which some terminals (and emulators in tests) never answer.
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            // Focus events: coming back to the TUI re-reads reviews another program changed.
            EnableFocusChange,
            Clear(ClearType::All)
        )?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
        // The hook cannot be changed while a panic unwinds (std panics again, and a panic in
        // a destructor aborts); the process is ending then anyway.
        if std::thread::panicking() {
            return;
        }
        if let Some(previous) = self.previous_hook.take() {
            let _ = panic::take_hook();
            panic::set_hook(Box::new(move |info| previous(info)));
        }
    }
}
