//! `attest-tui diff OLD NEW` and `attest-tui changes`: what changed between two catalogs.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Cli, Failure, json_out};
use crate::diff::{diff_catalogs, render_text, to_json};
use crate::model::Catalog;
use crate::sync::{self, date_text};
use crate::text::output::{self, SafeText};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older catalog: a catalog JSON file, or a folder or file of pages.
    pub old: PathBuf,
    /// The newer catalog.
    pub new: PathBuf,
    /// Print JSON: {"added", "removed", "changed"}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Print JSON: {"added", "removed", "changed"}.
    #[arg(long)]
    pub json: bool,
}

pub fn run_diff(cli: &Cli, args: &DiffArgs) -> Result<SafeText, Failure> {
    let old = load(&args.old)?;
    let new = load(&args.new)?;
    render(cli, &old, &new, args.json, None)
}

pub fn run_changes(cli: &Cli, args: &ChangesArgs) -> Result<SafeText, Failure> {
    let data_dir = crate::paths::data_dir(cli.data_dir.clone())
        .ok_or_else(|| Failure::bad_input(crate::workspace::WorkspaceError::NoDataDir))?;
    let current = sync::synced_catalog(&data_dir).map_err(Failure::bad_input)?;
    let previous = sync::previous_catalog(&data_dir).map_err(Failure::bad_input)?;
    let (current, previous) = match (current, previous) {
        (None, _) => {
            return Err(Failure::bad_input(
                "nothing was synced yet: `attest-tui changes` compares the last two syncs (run `attest-tui sync`)",
            ));
        }
        (Some(_), None) => {
            return Err(Failure::bad_input(
                "only one sync so far: `attest-tui changes` compares the last two syncs that changed the catalog",
            ));
        }
        (Some(c), Some(p)) => (c, p),
    };
    let old = read(&previous.path)?;
    let new = read(&current.path)?;
    let header = format!(
        "changes from the sync of {} ({}) to the sync of {} ({})\n",
        date_text(previous.made_at),
        previous.language_list(),
        date_text(current.made_at),
        current.language_list()
    );
    render(cli, &old, &new, args.json, Some(header))
}

fn render(
    cli: &Cli,
    old: &Catalog,
    new: &Catalog,
    json: bool,
    header: Option<String>,
) -> Result<SafeText, Failure> {
    let config =
        crate::workspace::load_config(cli.config.as_deref()).map_err(Failure::bad_input)?;
    let risk = config.risk_table().map_err(Failure::bad_input)?;
    let diff = diff_catalogs(old, new, &risk);
    if json {
        return json_out(&to_json(&diff));
    }
    Ok(SafeText::from_string(
        header.unwrap_or_default() + &render_text(&diff),
    ))
}

/// A catalog file or a folder of pages, as `--catalog` reads it (pages through the import cache).
fn load(path: &Path) -> Result<Catalog, Failure> {
    let loaded =
        crate::load::load_sources(&[path.to_path_buf()], None, None).map_err(Failure::bad_input)?;
    for note in &loaded.warnings {
        output::note(note);
    }
    Ok(loaded.catalog)
}

fn read(path: &Path) -> Result<Catalog, Failure> {
    crate::load::read_catalog_file(path).map_err(Failure::bad_input)
}
