use std::fmt::Write;

use super::{Cli, Failure};
use crate::config::{Config, RiskTableRef};
use crate::load::{LoadedCatalog, load_sources};
use crate::model::App;
use crate::paths;
use crate::query::{AppSearcher, FilterContext, QueryError, parse_filter};
use crate::review::ReviewStore;
use crate::score::{ScoreCard, score_catalog};

/// Everything a command needs, loaded once: the catalog, the config, risk tiers, reviews and
/// scores.
pub struct Session {
    pub loaded: LoadedCatalog,
    pub config: Config,
    pub risk: RiskTableRef,
    pub reviews: ReviewStore,
    pub scores: Vec<ScoreCard>,
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

impl Session {
    pub fn open(cli: &Cli) -> Result<Session, Failure> {
        let config = load_config(cli)?;
        let data_dir = paths::data_dir(cli.data_dir.clone());
        let user = data_dir.as_deref().map(paths::user_catalog);
        let catalogs = if cli.catalog.is_empty() {
            &config.catalogs
        } else {
            &cli.catalog
        };
        let loaded = load_sources(catalogs, user.as_deref()).map_err(Failure::bad_input)?;
        for warning in &loaded.warnings {
            eprintln!("note: {warning}");
        }
        let risk = config.risk_table().map_err(Failure::bad_input)?;
        let reviews = super::review::open_store(cli)?;
        let scores = score_catalog(&loaded.catalog.apps, &risk, &config.score);
        Ok(Session {
            loaded,
            config,
            risk,
            reviews,
            scores,
        })
    }

    pub fn apps(&self) -> &[App] {
        &self.loaded.catalog.apps
    }

    /// Indices of the apps a command should print: `--search` and `--filter` applied (fuzzy
    /// rank first), then sorted if asked.
    pub fn select(
        &self,
        search: Option<&str>,
        filter: Option<&str>,
        sort: Option<SortKey>,
        reverse: bool,
    ) -> Result<Vec<usize>, Failure> {
        let filter = filter.unwrap_or("");
        let mut parsed = parse_filter(filter).map_err(|e| filter_failure(filter, &e))?;
        // `--search` is plain fuzzy text, never terms.
        if let Some(search) = search {
            parsed.text = format!("{} {search}", parsed.text);
        }
        let catalog = &self.loaded.catalog;
        let total: Vec<f64> = self.scores.iter().map(|s| s.total).collect();
        let ctx = FilterContext {
            catalog,
            risk: &self.risk,
            reviews: Some(&self.reviews),
            scores: Some(&total),
        };
        let mut picked: Vec<usize> = ctx
            .apply(&parsed, &AppSearcher::new(catalog))
            .into_iter()
            .map(|m| m.index)
            .collect();
        if let Some(key) = sort {
            let apps = self.apps();
            picked.sort_by(|&a, &b| {
                let (x, y) = (&apps[a], &apps[b]);
                match key {
                    SortKey::Name => x.name.to_lowercase().cmp(&y.name.to_lowercase()),
                    SortKey::Publisher => {
                        x.publisher.to_lowercase().cmp(&y.publisher.to_lowercase())
                    }
                    SortKey::Score => total[a].total_cmp(&total[b]),
                    SortKey::Permissions => y.permissions.len().cmp(&x.permissions.len()),
                    SortKey::Updated => y.updated.date.cmp(&x.updated.date),
                }
            });
        }
        if reverse {
            picked.reverse();
        }
        Ok(picked)
    }
}

fn load_config(cli: &Cli) -> Result<Config, Failure> {
    match &cli.config {
        Some(path) => Config::load(path).map_err(Failure::bad_input),
        None => Config::load_from_dir(paths::config_dir().as_deref())
            .map(|(c, _)| c)
            .map_err(Failure::bad_input),
    }
}

/// A filter error with the query and a caret under the bad part, as a compiler would show it.
fn filter_failure(query: &str, e: &QueryError) -> Failure {
    let mut msg = format!("bad filter: {e}\n  {query}\n  ");
    let offset: usize = query
        .chars()
        .take(e.position)
        .map(|c| crate::text::display_width(c.encode_utf8(&mut [0; 4])))
        .sum();
    let _ = write!(msg, "{}{}", " ".repeat(offset), "^".repeat(e.len.max(1)));
    Failure::bad_input(msg)
}
