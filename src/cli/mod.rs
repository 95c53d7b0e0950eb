//! The command line: argument parsing and the scripting commands. Each command writes into a
//! String first so a closed pipe (`attest-tui list | head`) is a quiet exit, not a panic.

mod args;
mod list;
mod permissions;
mod review;
mod show;
mod table;

use std::io::Write;
use std::process::ExitCode;

pub use args::{Cli, Command};
pub use review::{ReviewView, open_store};

use crate::load::{LoadedCatalog, load_sources};
use crate::paths;

/// Exit code for bad input of any kind: unreadable or malformed files, unknown apps, bad usage.
pub const EXIT_BAD_INPUT: u8 = 2;

/// What a command failed with: a message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn bad_input(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            code: EXIT_BAD_INPUT,
        }
    }
}

pub fn load(cli: &Cli) -> Result<LoadedCatalog, Failure> {
    let user = paths::data_dir(cli.data_dir.clone()).map(|d| paths::user_catalog(&d));
    let loaded = load_sources(&cli.catalog, user.as_deref()).map_err(Failure::bad_input)?;
    for warning in &loaded.warnings {
        eprintln!("note: {warning}");
    }
    Ok(loaded)
}

/// Run a scripting command; `None` means the caller should open the TUI.
pub fn run_command(cli: &Cli) -> Option<Result<String, Failure>> {
    let command = cli.command.as_ref()?;
    Some(match command {
        Command::List(args) => {
            load(cli).and_then(|l| list::run(&l.catalog, &open_store(cli)?, args))
        }
        Command::Show(args) => {
            load(cli).and_then(|l| show::run(&l.catalog, &open_store(cli)?, args))
        }
        Command::Permissions(args) => load(cli).and_then(|l| permissions::run(&l.catalog, args)),
        Command::Review(args) => load(cli).and_then(|l| review::run(cli, &l.catalog, args)),
    })
}

/// Write command output to stdout; a reader that went away is not an error.
pub fn emit(output: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}
