#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use attest_tui::cli::{self, Cli, EXIT_BAD_INPUT};
use attest_tui::text::{SafeText, output};
use clap::Parser;

// mimalloc: glibc's per-thread arenas grow a page at a time (12,700 mprotect calls while loading
// a 110 MB catalog on two threads); with mimalloc the load is about 1.25x faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    output::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    output::set_quiet(cli.quiet);
    match cli::run_command(&cli) {
        Some(Ok(output)) => cli::emit(&output),
        Some(Err(failure)) => {
            // A report that fails the command (`tenant --fail-on`) is still printed whole.
            if let Some(output) = &failure.output {
                cli::emit(output);
            }
            fail(&failure.message, failure.code)
        }
        None => run_tui(&cli),
    }
}

fn run_tui(cli: &Cli) -> ExitCode {
    // Checked before loading, so a pipe gets the hint at once and no escape codes.
    if let Err(e) = attest_tui::tui::ensure_terminal() {
        return fail(&e.to_string(), EXIT_BAD_INPUT);
    }
    // A dumb terminal cannot move the cursor, so a full-screen UI would be garbage on it.
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return fail(
            "TERM=dumb cannot show the full-screen UI; use `attest-tui list` or `attest-tui show APP`, or set TERM (e.g. TERM=xterm-256color)",
            EXIT_BAD_INPUT,
        );
    }
    let ws = match cli::open_workspace(cli) {
        Ok(ws) => ws,
        Err(failure) => return fail(&failure.message, failure.code),
    };
    match attest_tui::tui::run(ws) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<attest_tui::tui::KeyConfigError>() => fail(&e.to_string(), EXIT_BAD_INPUT),
        Err(e) => fail(&format!("{e:#}"), 1),
    }
}

fn fail(message: &str, code: u8) -> ExitCode {
    output::error(message);
    ExitCode::from(code)
}

/// Help, version and usage errors from clap, through the output layer like everything else:
/// an error quotes the argument it refused, and help shows environment values. Plain text, so
/// help loses clap's colors.
fn usage(e: &clap::Error) -> ExitCode {
    let text = SafeText::from_string(e.render().to_string());
    if e.use_stderr() {
        output::info(text);
    } else if output::print(&text).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_BAD_INPUT))
}
