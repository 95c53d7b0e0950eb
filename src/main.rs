use std::process::ExitCode;

use attest_tui::cli::{self, Cli};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run_command(&cli) {
        Some(Ok(output)) => cli::emit(&output),
        Some(Err(failure)) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
        None => {
            // The TUI is not wired yet: show the list so the binary is useful on its own.
            match cli::run_command(&Cli::parse_from(["attest-tui", "list"])) {
                Some(Ok(output)) => cli::emit(&output),
                Some(Err(failure)) => {
                    eprintln!("error: {}", failure.message);
                    ExitCode::from(failure.code)
                }
                None => ExitCode::SUCCESS,
            }
        }
    }
}
