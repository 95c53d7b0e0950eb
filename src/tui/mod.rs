//! The full-screen terminal UI.
//!
//! `run` is the entry point; `event_loop` below is the whole path of a key press: the event
//! becomes an `Action` (`input`), `State::update` gives it to the top layer and applies the
//! outcome (`state/update.rs`), effects are performed (`effects`), and `view::render` draws the
//! state. Nothing else changes state or draws.

pub mod action;
pub mod contrast;
pub mod effects;
pub mod input;
pub mod keymap;
pub mod layout;
mod signals;
pub mod state;
pub mod strings;
mod terminal;
pub mod theme;
pub mod view;

use crossterm::event;

use crate::model::Catalog;
use crate::workspace::Workspace;

pub use action::{Action, Side};
pub use keymap::{Keymap, KeymapError, Mode, keymap_from_config};
pub use layout::ScreenLayout;
pub use state::State;
pub use terminal::{NotATerminal, ensure_terminal};
pub use theme::Theme;

/// Browse the workspace full-screen until the user quits. Fails with [`NotATerminal`]
/// (downcast the error) when standard input or output is not a terminal.
/// Fails with [`KeyConfigError`] (before touching the terminal) when a key override in the
/// config cannot be applied.
pub fn run(ws: Workspace) -> anyhow::Result<()> {
    let keymap =
        keymap_from_config(&ws.config).map_err(|e| KeyConfigError(e.located(&ws.config)))?;
    ensure_terminal()?;
    let mut state = State::from_workspace(ws);
    state.ui.keymap = keymap;
    run_state(state)
}

/// A key override that cannot be applied, with the config file and line it is on.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct KeyConfigError(pub String);

/// Browse `catalog` full-screen until the user quits. `source_label` names where the catalog
/// came from (shown in the status line).
pub fn run_catalog(catalog: Catalog, source_label: String) -> anyhow::Result<()> {
    ensure_terminal()?;
    run_state(State::new(catalog, source_label))
}

fn run_state(mut state: State) -> anyhow::Result<()> {
    let mut session = terminal::Session::enter()?;
    let signals = signals::SignalGuard::install();
    let result = signals
        .map_err(anyhow::Error::from)
        .and_then(|_guard| event_loop(&mut session, &mut state));
    drop(session);
    result?;
    rescue_unsaved(&mut state)
}

/// Review changes that could not be saved by quit time (the user was told and quit anyway):
/// one last try, then a rescue file, named in the error the binary prints (exit code 1).
fn rescue_unsaved(state: &mut State) -> anyhow::Result<()> {
    let reviews = &mut state.workspace.reviews;
    let Err(e) = reviews.save() else {
        return Ok(());
    };
    let what = crate::review::plural_changes(reviews.pending_count());
    Err(match reviews.write_rescue() {
        Ok(rescue) => anyhow::anyhow!(
            "{what} not saved ({e}); written to the rescue file {}",
            rescue.display()
        ),
        Err(e2) => {
            anyhow::anyhow!("{what} not saved ({e}) and no rescue file could be written ({e2})")
        }
    })
}

/// How long the TUI waits idle before it looks at the review file again (a `stat`; the file is
/// read only when another program replaced it). Every save reads it too, and so does the
/// terminal regaining focus.
const REVIEW_FILE_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

fn event_loop(session: &mut terminal::Session, state: &mut State) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut layout = ScreenLayout::default();
    while !state.ui.quit {
        if dirty {
            layout = draw(session, state)?;
            // The draw measured heights; if keeping the selection visible moved anything,
            // draw once more with the settled state.
            if state.update(Action::Layout(Box::new(layout.clone()))) {
                layout = draw(session, state)?;
            }
            dirty = false;
            signals::test_panic_point();
        }
        // Wait for the next event, then take every event already queued before redrawing. A
        // while without one, look whether another program changed the review file.
        if !event::poll(REVIEW_FILE_CHECK)? {
            dirty |= state.update(Action::CheckReviewFile);
            let here = std::env::current_dir().unwrap_or_else(|_| ".".into());
            dirty |= perform_effects(state, session.terminal.backend_mut(), &here);
            continue;
        }
        let mut ev = event::read()?;
        loop {
            if let Some(action) = input::action_for(&ev, state, &layout) {
                dirty |= state.update(action);
            }
            let here = std::env::current_dir().unwrap_or_else(|_| ".".into());
            dirty |= perform_effects(state, session.terminal.backend_mut(), &here);
            if state.ui.quit || !event::poll(std::time::Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
    }
    Ok(())
}

/// Perform the effects `update` asked for and give it their answers; whether to redraw.
/// Exports are written to `export_dir`.
pub fn perform_effects(
    state: &mut State,
    terminal: &mut impl std::io::Write,
    export_dir: &std::path::Path,
) -> bool {
    let mut changed = false;
    for effect in state.take_effects() {
        let mut io = effects::Io {
            reviews: &mut state.workspace.reviews,
            terminal: &mut *terminal,
            export_dir: export_dir.to_path_buf(),
        };
        // Held so a signal never restores the terminal in the middle of a copy sequence.
        let held = signals::hold_terminal();
        let answer = effects::perform(effect, &mut io);
        drop(held);
        changed |= state.update(answer);
    }
    changed
}

fn draw(session: &mut terminal::Session, state: &State) -> anyhow::Result<ScreenLayout> {
    let mut layout = ScreenLayout::default();
    let _held = signals::hold_terminal();
    session.terminal.draw(|frame| {
        let area = frame.area();
        layout = view::render(state, area, frame.buffer_mut());
    })?;
    Ok(layout)
}
