//! The full-screen terminal UI.
//!
//! `run` is the entry point. Events become `Action`s (`input`), `State::update` applies them
//! (`state`), and `view::render` draws the state; nothing else changes state or draws.

pub mod action;
pub mod clipboard;
pub mod input;
pub mod keymap;
pub mod keymap_triage;
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

pub use action::{Action, CompareAction, Side};
pub use keymap::{Keymap, Mode};
pub use keymap_triage::{KeymapError, keymap_from_config};
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
    state.keymap = keymap;
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
    let reviews = &mut state.triage.reviews;
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

fn event_loop(session: &mut terminal::Session, state: &mut State) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut layout = ScreenLayout::default();
    while !state.quit {
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
        // Block for the next event, then take every event already queued before redrawing.
        let mut ev = event::read()?;
        loop {
            if let Some(action) = input::action_for(&ev, state, &layout) {
                dirty |= state.update(action);
            }
            for effect in state.take_effects() {
                let held = signals::hold_terminal();
                let done = clipboard::perform(effect, session.terminal.backend_mut());
                drop(held);
                if let Err(message) = done {
                    dirty |= state.update(Action::ShowMessage {
                        text: message,
                        error: true,
                    });
                }
            }
            if state.quit || !event::poll(std::time::Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
    }
    Ok(())
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
