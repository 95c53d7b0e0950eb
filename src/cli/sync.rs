//! `attest-tui sync`: fetch the published pages, with progress on a terminal.

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Cli, Failure};
use crate::diff::{diff_catalogs, summary};
use crate::sync::{
    self, LangOutcome, LangTag, SyncProgress, SyncReport, SyncRequest, SyncedCatalog, date_text,
};
use crate::text::output::{self, SafeText};
use crate::text::sanitize;

/// The languages to fetch are the global `--lang LL-CC` options (repeatable), which elsewhere
/// choose the language apps are shown in. Without them: `sync.languages` in the config, else
/// the locale's (LC_ALL, LC_MESSAGES, LANG) when a repository is published.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Use no network: report the catalog already synced.
    #[arg(long)]
    pub offline: bool,
}

fn parse_lang(text: &str) -> Result<LangTag, Failure> {
    LangTag::parse(text).ok_or_else(|| {
        Failure::bad_input(format!(
            "invalid value {text:?} for '--lang <LANG>': expected {}",
            sync::lang::TAG_EXPECTED
        ))
    })
}

pub fn run(cli: &Cli, args: &SyncArgs) -> Result<SafeText, Failure> {
    let config =
        crate::workspace::load_config(cli.config.as_deref()).map_err(Failure::bad_input)?;
    let data_dir = crate::paths::data_dir(cli.data_dir.clone())
        .ok_or_else(|| Failure::bad_input(crate::workspace::WorkspaceError::NoDataDir))?;
    let existing = sync::synced_catalog(&data_dir).ok().flatten();
    let now = sync::now_secs();
    let locale = sync::locale_from_env();
    let asked = cli
        .lang
        .iter()
        .map(|l| parse_lang(l))
        .collect::<Result<Vec<_>, _>>()?;
    let chosen = sync::choose_languages(&asked, &config.sync.languages, locale.as_deref());
    if args.offline {
        return offline(existing.as_ref(), chosen.ok().as_deref(), &config, now);
    }
    let languages = chosen.map_err(Failure::bad_input)?;
    let url_template = config.sync.url_template();
    if url_template == sync::DEFAULT_URL {
        for lang in languages.iter().filter(|l| !l.is_published()) {
            output::warning(format!(
                "{lang} is not among the published languages ({}); trying anyway",
                sync::PUBLISHED.join(", ")
            ));
        }
    }
    let request = SyncRequest {
        data_dir,
        languages,
        url_template,
        timeout: config.sync.timeout(),
        tls_roots: config.sync.tls_roots,
        limits: sync::Limits::default(),
    };
    let progress = Bars::new();
    let report = sync::sync(&request, &progress).map_err(|e| {
        let kept = match &existing {
            Some(s) => format!(
                "\nthe catalog synced before stays in use: {}; `attest-tui sync --offline` shows it",
                s.describe(now)
            ),
            None => String::new(),
        };
        Failure::bad_input(format!("sync failed: {e}{kept}"))
    })?;
    drop(progress);
    let risk = config.risk_table().map_err(Failure::bad_input)?;
    Ok(SafeText::from_string(describe(&report, &risk)))
}

fn offline(
    existing: Option<&SyncedCatalog>,
    wanted: Option<&[LangTag]>,
    config: &crate::config::Config,
    now: u64,
) -> Result<SafeText, Failure> {
    let Some(synced) = existing.filter(|s| s.path.is_file()) else {
        return Err(Failure::bad_input(
            "offline, and nothing was synced yet: run `attest-tui sync` with a network, or open pages with --catalog DIR",
        ));
    };
    let out = format!("offline: using {}\n", synced.describe(now));
    for lang in wanted.unwrap_or_default() {
        if !synced.languages.contains(lang) {
            output::warning(format!(
                "{lang} is not in the synced catalog; sync it with a network"
            ));
        }
    }
    if let Some(max) = config.sync.max_age()
        && synced.is_older_than(max, now)
    {
        output::warning(format!(
            "the synced catalog was last checked {} (sync.max_age_days = {})",
            sync::age_text(synced.age_secs(now)),
            config.sync.max_age_days.unwrap_or_default()
        ));
    }
    Ok(SafeText::from_string(out))
}

/// What the sync did, one line a language, then the catalog and its changes.
fn describe(report: &SyncReport, risk: &crate::risk::RiskTable) -> String {
    let mut out = String::new();
    for lang in &report.languages {
        let s = &lang.state;
        let source = match (&s.commit, s.newest_page) {
            (Some(c), Some(t)) => format!(
                " (commit {}, pages of {})",
                c.chars().take(12).collect::<String>(),
                date_text(t)
            ),
            (None, Some(t)) => format!(" (pages of {})", date_text(t)),
            _ => String::new(),
        };
        match &lang.outcome {
            LangOutcome::Unchanged => out.push_str(&format!("{}: up to date{source}\n", lang.lang)),
            LangOutcome::Downloaded(x) => out.push_str(&format!(
                "{}: downloaded {}, kept {} app pages and {} registration pages{source}\n",
                lang.lang,
                megabytes(x.downloaded),
                x.app_pages,
                x.registration_pages
            )),
        }
    }
    let now = sync::now_secs();
    if report.up_to_date() {
        out.push_str(&format!(
            "catalog unchanged: {}\n",
            report.catalog.describe(now)
        ));
        return out;
    }
    out.push_str(&format!(
        "catalog: {} apps from {} → {}\n",
        report.catalog.apps,
        report.catalog.language_list(),
        sanitize(&report.catalog.path.display().to_string())
    ));
    if let Some(reset) = &report.state_reset {
        output::warning(format!("{reset}; started over"));
    }
    if report.import_skipped + report.import_warnings > 0 {
        let dirs: Vec<String> = report
            .page_dirs
            .iter()
            .map(|d| sanitize(&d.display().to_string()).into_owned())
            .collect();
        out.push_str(&format!(
            "import: {} pages skipped, {} warnings (`attest-tui import {} -o FILE` lists them)\n",
            report.import_skipped,
            report.import_warnings,
            dirs.join(" ")
        ));
    }
    if let Some(previous) = &report.previous {
        let read = |p: &std::path::Path| crate::load::read_catalog_file(p).ok();
        if let (Some(old), Some(new)) = (read(previous), read(&report.catalog.path)) {
            let diff = diff_catalogs(&old, &new, risk);
            out.push_str(&format!(
                "since the previous sync: {} (`attest-tui changes` lists them)\n",
                summary(&diff)
            ));
        }
    }
    out
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Progress bars on stderr, drawn only when stderr is a terminal.
struct Bars {
    bar: ProgressBar,
}

impl Bars {
    fn new() -> Bars {
        let bar = ProgressBar::with_draw_target(None, output::progress_target());
        Bars { bar }
    }
}

impl SyncProgress for Bars {
    fn download_started(&self, lang: &LangTag, length: Option<u64>) {
        let template = match length {
            Some(n) => {
                self.bar.set_length(n);
                "{prefix} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} · {msg}"
            }
            None => {
                self.bar.unset_length();
                "{prefix} {spinner} {decimal_bytes} {decimal_bytes_per_sec} · {msg}"
            }
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_prefix(lang.to_string());
        self.bar.set_position(0);
        self.bar.set_message("0 pages");
        self.bar.reset_elapsed();
    }

    fn downloaded(&self, bytes: u64) {
        self.bar.set_position(bytes);
    }

    fn pages_kept(&self, pages: usize) {
        self.bar.set_message(format!("{pages} pages"));
    }

    fn download_finished(&self) {
        self.bar.finish_and_clear();
    }

    fn importing(&self, pages: usize) {
        self.bar.reset();
        self.bar.unset_length();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
            self.bar.set_style(style);
        }
        self.bar.set_message(format!("importing {pages} pages"));
        self.bar
            .enable_steady_tick(std::time::Duration::from_millis(120));
    }

    fn import_finished(&self) {
        self.bar.finish_and_clear();
    }
}
