//! The workspace: everything attest-tui works with, loaded once — the catalog, the config,
//! risk tiers, review state and scores. The CLI and the TUI both stand on it.

use std::path::PathBuf;

use crate::config::{Config, ConfigError, RiskTableRef};
use crate::load::{LoadError, LoadedCatalog, load_sources};
use crate::model::App;
use crate::paths;
use crate::query::{AppSearcher, Filter, FilterContext};
use crate::review::ReviewStore;
use crate::score::{ScoreCard, score_app, score_totals};
use crate::sync::SyncedCatalog;
use crate::tenant::{TenantError, TenantExport, TenantIndex, read_exports};
use crate::text::sort_by_collation;

pub struct Workspace {
    pub loaded: LoadedCatalog,
    pub config: Config,
    pub risk: RiskTableRef,
    pub reviews: ReviewStore,
    /// Total score of each app, by catalog index (`score_card` explains one).
    pub scores: Vec<f64>,
    /// The tenant exports joined with the catalog, when any were given.
    pub tenant: Option<TenantIndex>,
    /// Worth a look, nothing lost: app ids a later source replaced, pages an import skipped.
    pub notes: Vec<String>,
    /// Notes already given for these sources as they are now; shown again with `-v`.
    pub repeated_notes: Vec<String>,
    /// Worth stopping for: a corrupt review file moved aside, one that cannot be read.
    pub warnings: Vec<String>,
    /// The synced catalog, when it is the one shown: its source and age for a status line.
    pub synced: Option<SyncedCatalog>,
    /// The language apps are shown in when they have it (see [`display_language`]); `None`
    /// shows each in its primary language.
    pub language: Option<String>,
    /// The language asked for with `--lang`, which `show` insists on.
    pub requested_language: Option<String>,
}

/// Where to load from; empty/None fields mean the defaults.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    pub catalogs: Vec<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub config: Option<PathBuf>,
    /// Tenant exports (files or folders); empty means the config's `tenant`.
    pub tenants: Vec<PathBuf>,
    /// `--lang`: the language to show apps in.
    pub language: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Tenant(#[from] TenantError),
    #[error("no data directory: set --data-dir or ATTEST_TUI_DATA_DIR")]
    NoDataDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortKey {
    Name,
    Publisher,
    /// Lowest score first.
    Score,
    /// Most permissions first.
    Permissions,
    /// Most recently updated first.
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Publisher,
        SortKey::Score,
        SortKey::Permissions,
        SortKey::Updated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Publisher => "publisher",
            SortKey::Score => "score",
            SortKey::Permissions => "permissions",
            SortKey::Updated => "updated",
        }
    }
}

impl Workspace {
    /// A workspace over a catalog already in memory, with default config and no review file
    /// (tests, examples).
    pub fn in_memory(mut catalog: crate::model::Catalog, label: &str) -> Workspace {
        crate::questionnaire::key_unkeyed(&mut catalog.apps);
        let config = Config::default();
        let risk = RiskTableRef::Embedded;
        let scores = score_totals(&catalog.apps, &risk, &config.score);
        Workspace {
            loaded: LoadedCatalog {
                catalog,
                sources: vec![label.to_string()],
                ..LoadedCatalog::default()
            },
            config,
            risk,
            reviews: ReviewStore::detached(),
            scores,
            tenant: None,
            notes: Vec::new(),
            repeated_notes: Vec::new(),
            warnings: Vec::new(),
            synced: None,
            language: None,
            requested_language: None,
        }
    }

    pub fn open(opts: &OpenOptions) -> Result<Workspace, WorkspaceError> {
        let config = load_config(opts.config.as_deref())?;
        let data_dir = paths::data_dir(opts.data_dir.clone()).ok_or(WorkspaceError::NoDataDir)?;
        let user = paths::user_catalog(&data_dir);
        let catalogs = if opts.catalogs.is_empty() {
            &config.catalogs
        } else {
            &opts.catalogs
        };
        let mut warnings = Vec::new();
        let (synced, base) = if catalogs.is_empty() {
            synced_base(&data_dir, &config, &mut warnings)
        } else {
            (None, None)
        };
        let mut loaded = load_sources(catalogs, base, Some(&user))?;
        // A catalog written before rows had question keys gets them, so meaning drives its
        // scores and colors too.
        crate::questionnaire::key_unkeyed(&mut loaded.catalog.apps);
        let language = display_language(
            opts.language.as_deref(),
            config.lang.as_deref(),
            std::env::var("LANG").ok().as_deref(),
        );
        if let Some(lang) = &language {
            show_language(&mut loaded.catalog, lang);
        }
        let risk = config.risk_table()?;
        let (reviews, review_warnings) = ReviewStore::open(&data_dir);
        warnings.extend(review_warnings);
        let scores = score_totals(&loaded.catalog.apps, &risk, &config.score);
        // The workspace reports what loading noticed; the loaded catalog need not keep a copy.
        let notes = std::mem::take(&mut loaded.warnings);
        let repeated_notes = std::mem::take(&mut loaded.repeated);
        let mut ws = Workspace {
            notes,
            repeated_notes,
            loaded,
            config,
            risk,
            reviews,
            scores,
            synced,
            tenant: None,
            warnings,
            language,
            requested_language: opts.language.clone(),
        };
        let tenants = if opts.tenants.is_empty() {
            ws.config.tenant.clone()
        } else {
            opts.tenants.clone()
        };
        if !tenants.is_empty() {
            ws.set_tenant(read_exports(&tenants)?);
        }
        Ok(ws)
    }

    /// Join a tenant export with the catalog; its notes and warnings join the workspace's.
    pub fn set_tenant(&mut self, export: TenantExport) {
        let index = TenantIndex::build(export, &self.loaded.catalog, &self.risk);
        self.notes.extend(index.notes.iter().cloned());
        self.warnings.extend(index.warnings.iter().cloned());
        self.tenant = Some(index);
    }

    pub fn apps(&self) -> &[App] {
        &self.loaded.catalog.apps
    }

    /// How app `index`'s score comes about.
    pub fn score_card(&self, index: usize) -> Option<ScoreCard> {
        self.apps()
            .get(index)
            .map(|a| score_app(a, &self.risk, &self.config.score))
    }

    /// Indices of the apps matching `filter` (fuzzy rank first; catalog order without fuzzy
    /// text, in which case no search index is built).
    pub fn select(&self, filter: &Filter) -> Vec<usize> {
        let ctx = FilterContext {
            catalog: &self.loaded.catalog,
            risk: &self.risk,
            reviews: Some(&self.reviews),
            scores: Some(&self.scores),
            tenant: self.tenant.as_ref(),
        };
        if filter.text.trim().is_empty() {
            return ctx.apply_terms(filter);
        }
        let searcher = AppSearcher::new(&self.loaded.catalog);
        ctx.apply(filter, &searcher)
            .into_iter()
            .map(|m| m.index)
            .collect()
    }

    /// Sort app indices by `key` (stable, so ties keep their current order).
    pub fn sort(&self, indices: &mut [usize], key: SortKey) {
        let language = self.language.as_deref();
        sort_apps(key, self.apps(), &self.scores, language, indices, |&i| i);
    }
}

/// The config file given, else `config.toml` in the config directory, else the defaults.
pub fn load_config(explicit: Option<&std::path::Path>) -> Result<Config, ConfigError> {
    match explicit {
        Some(path) => Config::load(path),
        None => Ok(Config::load_from_dir(paths::config_dir().as_deref())?.0),
    }
}

/// The synced catalog as the default catalog, labelled with its source and age. One that
/// cannot be read is a warning, and the embedded catalog is shown instead.
fn synced_base(
    data_dir: &std::path::Path,
    config: &Config,
    warnings: &mut Vec<String>,
) -> (
    Option<SyncedCatalog>,
    Option<(String, crate::model::Catalog)>,
) {
    let fallback = "the embedded catalog is shown; run `attest-tui sync`";
    let synced = match crate::sync::synced_catalog(data_dir) {
        Ok(Some(s)) => s,
        Ok(None) => return (None, None),
        Err(e) => {
            warnings.push(format!("{e}; {fallback}"));
            return (None, None);
        }
    };
    let catalog = match crate::load::read_catalog_file(&synced.path) {
        Ok(c) => c,
        Err(e) => {
            warnings.push(format!(
                "the synced catalog cannot be read: {e}; {fallback}"
            ));
            return (None, None);
        }
    };
    let now = crate::sync::now_secs();
    if let Some(max) = config.sync.max_age()
        && synced.is_older_than(max, now)
    {
        warnings.push(format!(
            "the synced catalog was last checked {} (sync.max_age_days = {}); run `attest-tui sync`",
            crate::sync::age_text(synced.age_secs(now)),
            config.sync.max_age_days.unwrap_or_default()
        ));
    }
    let label = synced.label(now);
    (Some(synced), Some((label, catalog)))
}

/// The language to show apps in: `--lang`, else the config's `lang`, else the `LANG`
/// environment variable (`de_DE.UTF-8`), unless that names no language (`C`, `POSIX`).
pub fn display_language(
    flag: Option<&str>,
    config: Option<&str>,
    env: Option<&str>,
) -> Option<String> {
    let env = env
        .map(crate::model::language_tag)
        .filter(|t| !t.is_empty() && t != "C" && t != "POSIX");
    flag.map(crate::model::language_tag)
        .or_else(|| config.map(crate::model::language_tag))
        .or(env)
        .filter(|t| !t.is_empty())
}

/// Show every app that has `language` in it (the others keep their primary language).
pub fn show_language(catalog: &mut crate::model::Catalog, language: &str) {
    for app in &mut catalog.apps {
        if !app.translations.is_empty() {
            app.show_language(language);
        }
    }
}

/// How apps `a` and `b` (catalog indices) compare under `key`; `scores` are the apps' totals.
/// One definition for the CLI's `--sort` and the TUI's sort key.
/// Sort `items` (each naming an app by catalog index) by `key`, stably. Names and publishers
/// follow Unicode collation in `language` (see [`crate::text::sort_by_collation`]).
pub fn sort_apps<T>(
    key: SortKey,
    apps: &[App],
    scores: &[f64],
    language: Option<&str>,
    items: &mut [T],
    index: impl Fn(&T) -> usize,
) {
    let score = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    match key {
        SortKey::Name => sort_by_collation(items, language, |t| &apps[index(t)].name),
        SortKey::Publisher => sort_by_collation(items, language, |t| &apps[index(t)].publisher),
        SortKey::Score => items.sort_by(|a, b| score(index(a)).total_cmp(&score(index(b)))),
        SortKey::Permissions => {
            items.sort_by_key(|t| std::cmp::Reverse(apps[index(t)].permissions.len()))
        }
        SortKey::Updated => items.sort_by(|a, b| {
            let (x, y) = (&apps[index(a)], &apps[index(b)]);
            y.updated.date.cmp(&x.updated.date)
        }),
    }
}
