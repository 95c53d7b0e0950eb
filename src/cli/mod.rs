//! The command line: argument parsing and the scripting commands. Each command writes into a
//! String first so a closed pipe (`attest-tui list | head`) is a quiet exit, not a panic.

mod args;
mod compare;
mod diff;
mod export;
mod import;
mod list;
mod permissions;
mod questions;
mod review;
mod score;
mod selection;
mod show;
mod sync;
mod table;
mod tenant;

use std::process::ExitCode;

pub use args::{Cli, Command};
pub use review::ReviewView;

use crate::paths;
use crate::text::{SafeText, output};
use crate::workspace::{OpenOptions, Workspace};

/// Exit code for bad input of any kind: unreadable or malformed files, unknown apps, bad usage.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Exit code of `tenant --fail-on` when a finding at or above the level exists.
pub const EXIT_FINDINGS: u8 = 3;

/// What a command failed with: a message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
    /// Output to print before exiting with `code`: a report whose findings fail the command.
    pub output: Option<SafeText>,
}

impl Failure {
    pub fn bad_input(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            code: EXIT_BAD_INPUT,
            output: None,
        }
    }

    /// A complete report that still fails the command (`tenant --fail-on`).
    pub fn findings(output: SafeText, message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            code: EXIT_FINDINGS,
            output: Some(output),
        }
    }
}

/// Load the workspace for a command, printing its notes and warnings to stderr.
pub fn open_workspace(cli: &Cli) -> Result<Workspace, Failure> {
    let ws = Workspace::open(&OpenOptions {
        catalogs: cli.catalog.clone(),
        data_dir: cli.data_dir.clone(),
        config: cli.config.clone(),
        tenants: cli.tenant.clone(),
        language: cli.lang.first().cloned(),
    })
    .map_err(Failure::bad_input)?;
    for note in &ws.notes {
        output::note(note);
    }
    if cli.verbose {
        for note in &ws.repeated_notes {
            output::note(note);
        }
    }
    for warning in &ws.warnings {
        output::warning(warning);
    }
    Ok(ws)
}

/// Run a scripting command; `None` means the caller should open the TUI.
///
/// The workspace is deliberately not freed: the binary exits right after printing, and
/// freeing a large catalog piece by piece (about two million allocations for 10k apps) only
/// delays the exit that returns its memory at once.
pub fn run_command(cli: &Cli) -> Option<Result<SafeText, Failure>> {
    let command = cli.command.as_ref()?;
    Some(match command {
        Command::Import(args) => import::run(args),
        Command::Sync(args) => sync::run(cli, args),
        Command::Diff(args) => diff::run_diff(cli, args),
        Command::Changes(args) => diff::run_changes(cli, args),
        Command::Questions(args) => questions::run(args),
        Command::Config(_) => Ok(SafeText::from_string(config_paths(cli))),
        Command::Completions(args) => Ok(SafeText::from_string(completions(args.shell))),
        other => open_workspace(cli).and_then(|mut s| {
            let out = run_on(&mut s, other);
            std::mem::forget(s);
            out
        }),
    })
}

fn run_on(s: &mut Workspace, command: &Command) -> Result<SafeText, Failure> {
    match command {
        Command::List(args) => list::run(s, args),
        Command::Show(args) => show::run(s, args),
        Command::Permissions(args) => permissions::run(&s.loaded.catalog, args),
        Command::Compare(args) => compare::run(s, args),
        Command::Score(args) => score::run(s, args),
        Command::Export(args) => export::run(s, args),
        Command::Review(args) => review::run(s, args),
        Command::Tenant(args) => tenant::run(s, args),
        Command::Import(_)
        | Command::Questions(_)
        | Command::Sync(_)
        | Command::Diff(_)
        | Command::Changes(_)
        | Command::Config(_)
        | Command::Completions(_) => unreachable!(),
    }
}

fn config_paths(cli: &Cli) -> String {
    let show = |p: Option<std::path::PathBuf>| {
        p.map_or("(none: no home directory)".into(), |p| {
            p.display().to_string()
        })
    };
    let config = cli
        .config
        .clone()
        .or_else(|| paths::config_dir().map(|d| d.join(crate::config::CONFIG_FILE)));
    let data = paths::data_dir(cli.data_dir.clone());
    format!(
        "config:  {}\ndata:    {}\nreviews: {}\ncatalog: {}\nsynced:  {}\ncache:   {}\n",
        show(config),
        show(data.clone()),
        show(data.as_ref().map(|d| d.join(crate::review::STATE_FILE))),
        show(data.as_deref().map(paths::user_catalog)),
        show(data.as_deref().map(crate::sync::sync_dir)),
        show(paths::cache_dir()),
    )
}

fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "attest-tui", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// JSON for stdout, with what a terminal would act on escaped (see [`SafeText::json`]).
pub(crate) fn json_out<T: serde::Serialize + ?Sized>(value: &T) -> Result<SafeText, Failure> {
    SafeText::json(value).map_err(|e| Failure::bad_input(format!("cannot encode JSON: {e}")))
}

/// Write command output to stdout; a reader that went away is not an error.
pub fn emit(text: &SafeText) -> ExitCode {
    match output::print(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(format_args!("cannot write output: {e}"));
            ExitCode::from(1)
        }
    }
}
