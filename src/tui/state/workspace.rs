//! The workspace as the TUI holds it: what was loaded (catalog, config, risk tiers, review
//! state, scores) and the look-ups built from it once. Keys change nothing here but reviews.

use crate::config::{Config, RiskTableRef};
use crate::model::{App, Catalog};
use crate::query::AppSearcher;
use crate::review::{Review, ReviewStore};
use crate::risk::AppRisk;

use super::catalog_index::CatalogIndex;

pub struct Workspace {
    pub catalog: Catalog,
    pub config: Config,
    pub risk: RiskTableRef,
    pub reviews: ReviewStore,
    /// Total score of each app, by catalog index.
    pub scores: Vec<f64>,
    /// Risk summary of each app, by catalog index.
    pub risks: Vec<AppRisk>,
    pub index: CatalogIndex,
    pub searcher: AppSearcher,
    /// Where the catalog came from, for the status line.
    pub source_label: String,
    /// The tenant export joined with the catalog (for the filter's tenant terms).
    pub tenant: Option<crate::tenant::TenantIndex>,
    /// The language apps are shown in, which also orders names (collation).
    pub language: Option<String>,
    /// What a decision on each app would be made on, by catalog index: computed the first
    /// time the list shows whether a reviewed app changed (the catalog does not change).
    pub reviewed_now: Vec<std::sync::OnceLock<crate::review::Reviewed>>,
}

impl Workspace {
    /// The TUI's workspace, and the messages loading left for the user (warnings first).
    pub fn new(ws: crate::workspace::Workspace) -> (Workspace, Vec<String>, Vec<String>) {
        let source_label = ws.loaded.source_label();
        let catalog = ws.loaded.catalog;
        let risks = catalog
            .apps
            .iter()
            .map(|a| AppRisk::of(a, &ws.risk))
            .collect();
        let workspace = Workspace {
            index: CatalogIndex::new(&catalog),
            searcher: AppSearcher::new(&catalog),
            risks,
            catalog,
            config: ws.config,
            risk: ws.risk,
            reviews: ws.reviews,
            scores: ws.scores,
            source_label,
            tenant: ws.tenant,
            language: ws.language,
            reviewed_now: Vec::new(),
        };
        let mut workspace = workspace;
        workspace.reviewed_now = (0..workspace.catalog.apps.len())
            .map(|_| std::sync::OnceLock::new())
            .collect();
        (workspace, ws.warnings, ws.notes)
    }

    pub fn app(&self, index: usize) -> Option<&App> {
        self.catalog.apps.get(index)
    }

    pub fn review_of(&self, app: usize) -> Option<&Review> {
        self.app(app).and_then(|a| self.reviews.get(&a.id))
    }

    /// What changed in app `app` since its decision; None without a decision or for one
    /// recorded before reviews kept what they reviewed.
    pub fn drift_of(&self, app: usize) -> Option<crate::review::Drift> {
        let review = self.review_of(app)?;
        let now = self
            .reviewed_now
            .get(app)?
            .get_or_init(|| crate::review::Reviewed::of(&self.catalog.apps[app]));
        review.drift_to(now)
    }

    /// Whether app `app` changed since its decision (false when not known).
    pub fn changed_since_review(&self, app: usize) -> bool {
        self.drift_of(app).is_some_and(|d| !d.is_empty())
    }

    pub fn app_risk(&self, app: usize) -> AppRisk {
        self.risks.get(app).copied().unwrap_or_default()
    }

    pub fn score_of(&self, app: usize) -> Option<f64> {
        self.scores.get(app).copied()
    }

    /// Show app `app` in `language` (one of its own): its score and risk follow, and the
    /// search and permission look-ups are rebuilt when the page changed what they hold.
    pub fn show_language(&mut self, app: usize, language: &str) -> bool {
        let Some(a) = self.catalog.apps.get_mut(app) else {
            return false;
        };
        let before = (a.name.clone(), a.publisher.clone());
        let perms_before = a.permissions.clone();
        if !a.show_language(language) {
            return false;
        }
        let a = &self.catalog.apps[app];
        self.scores[app] =
            crate::score::score_totals(std::slice::from_ref(a), &self.risk, &self.config.score)[0];
        self.risks[app] = AppRisk::of(a, &self.risk);
        if before != (a.name.clone(), a.publisher.clone()) {
            self.searcher = AppSearcher::new(&self.catalog);
        }
        if perms_before != a.permissions {
            self.index = CatalogIndex::new(&self.catalog);
        }
        true
    }
}
