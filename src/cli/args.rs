use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Browse, search and compare Microsoft 365 App Compliance attestations.
///
/// With no command, opens the terminal UI on the catalog.
#[derive(Debug, Parser)]
#[command(name = "attest-tui", version, about, long_about)]
pub struct Cli {
    /// A catalog JSON file, or a folder or file of App Compliance pages to import on the fly.
    /// Repeatable; later sources win for an app id defined twice. Default: the embedded catalog
    /// plus the user catalog in the data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalog: Vec<PathBuf>,

    /// Where attest-tui keeps its own files (user catalog, review state).
    #[arg(long, global = true, value_name = "DIR", env = crate::paths::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List apps: id, name, publisher, certification, permission counts.
    List(ListArgs),
    /// Show one app: every zone and permission.
    Show(ShowArgs),
    /// Permissions grouped by app registration, for one app or the whole catalog.
    Permissions(PermissionsArgs),
    /// Record a review decision, note or bookmark for an app (or print it).
    Review(super::review::ReviewArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of aligned columns.
    #[arg(long)]
    pub json: bool,
    /// Keep only apps that fuzzy-match this text (name, publisher, id, clients, registrations),
    /// best match first.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An app id (e.g. WA200001428) or a fuzzy name.
    pub app: String,
    /// Print the app as catalog JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PermissionsArgs {
    /// An app id or fuzzy name; without it, every registration in the catalog.
    pub app: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
