use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::workspace::SortKey;

/// Browse, search and compare Microsoft 365 App Compliance attestations.
///
/// With no command, opens the terminal UI on the catalog.
#[derive(Debug, Parser)]
#[command(name = "attest-tui", version, about, long_about)]
pub struct Cli {
    /// A catalog JSON file, or a folder or file of App Compliance pages to import on the fly.
    /// Repeatable; later sources win for an app id defined twice. Default: the catalogs in the
    /// config file, else the synced catalog (or the embedded one) plus the user catalog in the
    /// data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalog: Vec<PathBuf>,

    /// A tenant export to check against the attestations: Microsoft Graph JSON (service
    /// principals, oAuth2PermissionGrants, appRoleAssignments) or a permission-audit CSV, a file
    /// or a folder of them. Repeatable. Default: the `tenant` list in the config file.
    #[arg(long, global = true, value_name = "PATH")]
    pub tenant: Vec<PathBuf>,

    /// Where attest-tui keeps its own files (user catalog, review state).
    #[arg(long, global = true, value_name = "DIR", env = crate::paths::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,

    /// The config file (default: config.toml in the config directory).
    #[arg(long, global = true, value_name = "FILE", env = "ATTEST_TUI_CONFIG")]
    pub config: Option<PathBuf>,

    /// A page language (`de-DE`, `ja`; repeatable). Apps are shown in the first one they have
    /// (else the config's `lang`, else the `LANG` environment variable decides; with `show`,
    /// the app must have it); `sync` fetches every one given.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Vec<String>,

    /// Print every note, also those already given for the same unchanged sources (by default
    /// a note about an import or a catalog is printed once, until the source changes).
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Print no notes at all: only the result, warnings and errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List apps: id, name, publisher, certification, score, risk, permission counts.
    List(ListArgs),
    /// Show one app: every zone and permission.
    Show(ShowArgs),
    /// Permissions grouped by app registration, for one app or the whole catalog.
    Permissions(PermissionsArgs),
    /// Compare two apps side by side.
    Compare(CompareArgs),
    /// How an app's score was computed.
    Score(ScoreArgs),
    /// Export apps as CSV, JSON or Markdown.
    Export(ExportArgs),
    /// Import App Compliance pages (folders or files) into a catalog JSON file.
    Import(ImportArgs),
    /// Record a review decision, note or bookmark for an app (or print it).
    Review(super::review::ReviewArgs),
    /// Fetch the published App Compliance pages and make them the default catalog.
    Sync(super::sync::SyncArgs),
    /// What changed between two catalogs: apps added, removed and changed.
    Diff(super::diff::DiffArgs),
    /// What the last sync changed in the catalog.
    Changes(super::diff::ChangesArgs),
    /// Check a tenant's granted permissions against the attestations (needs --tenant).
    Tenant(super::tenant::TenantArgs),
    /// The questionnaire: every question's key, meaning, answer kind and English label.
    Questions(QuestionsArgs),
    /// Where attest-tui's files live.
    Config(ConfigArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// Options shared by the commands that pick a set of apps.
#[derive(Debug, Args)]
pub struct Selection {
    /// Keep only apps that fuzzy-match this text (name, publisher, id, clients, registrations),
    /// best match first.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub search: Option<String>,
    /// A filter such as `cert:certified perm:Group.ReadWrite.All kind:application score:<5`
    /// (see the README for every term). May start with `-`: `--filter -perm:Mail.*`.
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub filter: Option<String>,
    /// Sort order (default: catalog order, or best match first with --search).
    #[arg(long, value_enum)]
    pub sort: Option<SortKey>,
    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
}

/// How `list` prints: aligned columns for people, or a shape for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns (cut to fit only on a terminal; ids never).
    Table,
    /// Tab-separated values with a header line, nothing cut.
    Tsv,
    /// The JSON array of `--json`.
    Json,
    /// One app id a line.
    Ids,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of aligned columns (the same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
    #[command(flatten)]
    pub selection: Selection,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Markdown,
    Json,
}

/// `compare --width`: a narrower text cannot hold two columns; a wider one is no terminal's,
/// and a huge one would only allocate lines of that many spaces.
const MAX_WIDTH_RANGE: std::ops::RangeInclusive<i64> = 40..=1000;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The left app: an id or a fuzzy name.
    pub a: String,
    /// The right app: an id or a fuzzy name.
    pub b: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: CompareFormat,
    /// Leave out what is the same on both sides.
    #[arg(long)]
    pub only_diff: bool,
    /// Width of the text output, 40 to 1000 columns (default: the terminal's, else 100).
    #[arg(long, value_parser = clap::value_parser!(u16).range(MAX_WIDTH_RANGE))]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// An app id or fuzzy name.
    pub app: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    #[command(flatten)]
    pub selection: Selection,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV for Excel: start with the byte-order mark it needs to read UTF-8 (without it,
    /// the CSV is plain RFC 4180 text, as scripts and other tools read it).
    #[arg(long)]
    pub excel: bool,
    /// No byte-order mark: the default now, accepted for scripts written for older versions.
    #[arg(long, hide = true, conflicts_with = "excel")]
    pub no_bom: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Folders (read recursively) and files of App Compliance pages.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The catalog JSON file to write (`-` for standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Treat anything skipped or not understood as an error.
    #[arg(long)]
    pub strict: bool,
    /// Write the catalog over an existing file even when no app was imported.
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// Only the questions of this zone (`security`, `compliance`…).
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print where the config, data and cache files live.
    Path,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}
