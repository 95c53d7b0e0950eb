//! `attest-tui sync`: fetch the published pages of some languages, import them into one
//! catalog and make it the default catalog, cheaply when nothing changed.
//!
//! ```text
//! sync(&request, &progress)   for each language: conditional GET (fetch), streamed through
//!                             gunzip and untar into a staging folder (archive); then one import
//!                             of every language's pages, the catalog written under a new name,
//!                             and state.json replaced last (store)
//! synced_catalog(data_dir)    the current synced catalog, its source and age (status)
//! ```
//!
//! Nothing here prints: progress goes through [`SyncProgress`], results come back as values.

pub mod archive;
mod config;
mod fetch;
pub mod lang;
mod status;
mod store;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use archive::{ArchiveError, Extracted, Limits};
pub use config::{DEFAULT_URL, SyncConfig, TlsRoots, URL_ENV};
pub use fetch::{FetchError, is_loopback_http, redact};
pub use lang::{LangTag, NoLanguage, PUBLISHED, choose_languages, locale_from_env};
pub use status::{SyncedCatalog, age_text, date_text, previous_catalog, synced_catalog};
pub use store::{LangState, SYNC_DIR, StoreError, now_secs};

use crate::import::{ImportOptions, import_paths};
use fetch::{Fetched, Fetcher, Validators};
use store::{Snapshot, Store, SyncState};

/// Told how a sync is going; every method does nothing unless implemented.
pub trait SyncProgress {
    /// A download starts; `length` is the size the server announced.
    fn download_started(&self, _lang: &LangTag, _length: Option<u64>) {}
    /// Bytes received so far of this download.
    fn downloaded(&self, _bytes: u64) {}
    /// Pages kept so far of this download.
    fn pages_kept(&self, _pages: usize) {}
    fn download_finished(&self) {}
    /// The import of all languages' pages starts.
    fn importing(&self, _pages: usize) {}
    fn import_finished(&self) {}
}

/// Progress nobody watches.
pub struct Quiet;
impl SyncProgress for Quiet {}

#[derive(Debug, Clone)]
pub struct SyncRequest {
    pub data_dir: PathBuf,
    pub languages: Vec<LangTag>,
    /// The archive URL with `{lang}` in it.
    pub url_template: String,
    pub timeout: Duration,
    pub tls_roots: TlsRoots,
    pub limits: Limits,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(
        "sync.url (or {URL_ENV}) must contain `{{lang}}` and start with https:// (or http:// for a loopback address): `{0}`"
    )]
    BadTemplate(String),
    #[error("{lang}: {source}")]
    Fetch {
        lang: LangTag,
        #[source]
        source: FetchError,
    },
    #[error("{lang}: {url}: {source}; the previous catalog is unchanged")]
    Archive {
        lang: LangTag,
        url: String,
        #[source]
        source: ArchiveError,
    },
    #[error("importing the pages failed: {0}; the previous catalog is unchanged")]
    Import(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What happened to one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangOutcome {
    /// Downloaded and extracted.
    Downloaded(Extracted),
    /// The server said it had not changed (304).
    Unchanged,
}

#[derive(Debug, Clone)]
pub struct LangReport {
    pub lang: LangTag,
    pub outcome: LangOutcome,
    pub state: LangState,
}

#[derive(Debug, Clone)]
pub struct SyncReport {
    pub languages: Vec<LangReport>,
    /// False when every language was unchanged and the catalog stayed as it was.
    pub catalog_written: bool,
    pub catalog: SyncedCatalog,
    /// The catalog before this sync (for a summary of the changes), when it was replaced.
    pub previous: Option<PathBuf>,
    /// Pages the import skipped and warnings it gave.
    pub import_skipped: usize,
    pub import_warnings: usize,
    /// Where the pages of each language are kept, to re-run an import with details.
    pub page_dirs: Vec<PathBuf>,
    /// The state file was unreadable and was started over.
    pub state_reset: Option<String>,
}

impl SyncReport {
    pub fn up_to_date(&self) -> bool {
        !self.catalog_written
    }
}

/// Removes a staging folder whatever way the sync ends.
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Fetch, import and store the catalog of `req.languages` (see the module doc).
pub fn sync(req: &SyncRequest, progress: &dyn SyncProgress) -> Result<SyncReport, SyncError> {
    let template = &req.url_template;
    let scheme_ok = template.starts_with("https://") || is_loopback_http(template);
    if !template.contains("{lang}") || !scheme_ok {
        return Err(SyncError::BadTemplate(redact(template)));
    }
    let store = Store::new(&req.data_dir);
    let _lock = store.lock()?;
    let (state, state_reset) = match store.read_state() {
        Ok(s) => (s.unwrap_or_default(), None),
        Err(e @ StoreError::Corrupt { .. }) => (SyncState::default(), Some(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let current = state.current.as_ref();
    let generation = Store::generation();
    let staging = Staging(store.staging(&generation)?);
    let fetcher = Fetcher::new(template, req.timeout, req.tls_roots);
    let now = now_secs();

    let mut reports = Vec::new();
    for lang in &req.languages {
        let url = template.replace("{lang}", lang.as_str());
        let shown_url = redact(&url);
        let known = current
            .and_then(|c| c.language(lang))
            .filter(|l| l.url == shown_url && store.pages_intact(l));
        let validators = known.map_or_else(Validators::default, |l| Validators {
            etag: l.etag.clone(),
            last_modified: l.last_modified.clone(),
        });
        let fetched = fetcher
            .get(&url, &validators)
            .map_err(|source| SyncError::Fetch {
                lang: lang.clone(),
                source,
            })?;
        let report = match fetched {
            Fetched::NotModified => {
                // Only sent back when validators were sent, and those come from `known`.
                let Some(known) = known else {
                    return Err(SyncError::Fetch {
                        lang: lang.clone(),
                        source: FetchError {
                            url: shown_url,
                            what: "the server answered 304 Not Modified to a plain request".into(),
                        },
                    });
                };
                LangReport {
                    lang: lang.clone(),
                    outcome: LangOutcome::Unchanged,
                    state: LangState {
                        checked_at: now,
                        ..known.clone()
                    },
                }
            }
            Fetched::Body {
                body,
                validators,
                length,
            } => {
                progress.download_started(lang, length);
                let dest = staging.0.join(lang.as_str());
                let extracted = archive::extract(body, &dest, &req.limits, progress);
                progress.download_finished();
                let extracted = extracted.map_err(|source| SyncError::Archive {
                    lang: lang.clone(),
                    url: shown_url.clone(),
                    source,
                })?;
                let state = LangState {
                    lang: lang.clone(),
                    url: shown_url,
                    pages: format!("{lang}-{generation}"),
                    etag: validators.etag,
                    last_modified: validators.last_modified,
                    commit: extracted.commit.clone(),
                    newest_page: extracted.newest_page,
                    fetched_at: now,
                    checked_at: now,
                    app_pages: extracted.app_pages,
                    registration_pages: extracted.registration_pages,
                    files: extracted.files,
                    kept_bytes: extracted.kept_bytes,
                    downloaded: extracted.downloaded,
                };
                LangReport {
                    lang: lang.clone(),
                    outcome: LangOutcome::Downloaded(extracted),
                    state,
                }
            }
        };
        reports.push(report);
    }

    let same_languages = current.is_some_and(|c| {
        c.languages.len() == reports.len() && reports.iter().all(|r| c.language(&r.lang).is_some())
    });
    let unchanged = reports.iter().all(|r| r.outcome == LangOutcome::Unchanged);
    if let Some(current) = current.filter(|c| {
        unchanged && same_languages && store.catalog_path(&c.catalog).is_some_and(|p| p.is_file())
    }) {
        let snapshot = Snapshot {
            languages: reports.iter().map(|r| r.state.clone()).collect(),
            ..current.clone()
        };
        let new_state = SyncState {
            current: Some(snapshot),
            ..state.clone()
        };
        store.write_state(&new_state)?;
        store.clean(&new_state);
        let snapshot = new_state.current.as_ref().unwrap_or(current);
        return Ok(report(
            &store,
            snapshot,
            reports,
            false,
            None,
            (0, 0),
            state_reset,
        ));
    }

    let page_dir = |r: &LangReport| match r.outcome {
        LangOutcome::Downloaded(_) => Some(staging.0.join(r.lang.as_str())),
        LangOutcome::Unchanged => store.pages_path(&r.state.pages),
    };
    let paths: Vec<PathBuf> = reports.iter().filter_map(page_dir).collect();
    let pages: usize = reports
        .iter()
        .map(|r| r.state.app_pages + r.state.registration_pages)
        .sum();
    progress.importing(pages);
    let imported = import_paths(&paths, &ImportOptions { strict: false });
    progress.import_finished();
    let (catalog, import_report) = imported.map_err(|e| SyncError::Import(e.to_string()))?;
    if catalog.apps.is_empty() {
        return Err(SyncError::Import("no app pages could be read".into()));
    }
    let catalog_name = format!("catalog-{generation}.json");
    let catalog_path = store.dir().join(&catalog_name);
    let json = serde_json::to_vec(&catalog).map_err(|e| SyncError::Import(e.to_string()))?;
    crate::review::write_atomic(&catalog_path, &json).map_err(|source| StoreError::Io {
        path: catalog_path.clone(),
        source,
    })?;
    for r in &reports {
        if matches!(r.outcome, LangOutcome::Downloaded(_)) {
            store.keep_pages(&staging.0.join(r.lang.as_str()), &r.state.pages)?;
        }
    }
    let previous = state.current.clone();
    let snapshot = Snapshot {
        catalog: catalog_name,
        made_at: now,
        apps: catalog.apps.len(),
        languages: reports.iter().map(|r| r.state.clone()).collect(),
    };
    let new_state = SyncState {
        format: store::STATE_FORMAT,
        current: Some(snapshot.clone()),
        previous: previous.clone(),
    };
    store.write_state(&new_state)?;
    store.clean(&new_state);
    let previous_path = previous.and_then(|p| store.catalog_path(&p.catalog));
    let counts = (import_report.skipped.len(), import_report.warnings.len());
    Ok(report(
        &store,
        &snapshot,
        reports,
        true,
        previous_path,
        counts,
        state_reset,
    ))
}

fn report(
    store: &Store,
    snapshot: &Snapshot,
    languages: Vec<LangReport>,
    catalog_written: bool,
    previous: Option<PathBuf>,
    (import_skipped, import_warnings): (usize, usize),
    state_reset: Option<String>,
) -> SyncReport {
    let catalog = SyncedCatalog::new(store.dir().join(&snapshot.catalog), snapshot);
    let page_dirs = languages
        .iter()
        .filter_map(|l| store.pages_path(&l.state.pages))
        .collect();
    SyncReport {
        languages,
        catalog_written,
        catalog,
        previous,
        import_skipped,
        import_warnings,
        page_dirs,
        state_reset,
    }
}

/// The sync folder of a data directory (for messages).
pub fn sync_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(SYNC_DIR)
}
