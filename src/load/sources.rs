use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{LoadError, merge_catalogs, parse_catalog_bytes, read_catalog_file};
use crate::model::Catalog;

const EMBEDDED: &[u8] = include_bytes!("../../data/catalog.json");

/// The catalog compiled into the binary: the two seed apps.
pub fn embedded_catalog() -> Result<Catalog, LoadError> {
    parse_catalog_bytes(EMBEDDED, Path::new("<embedded data/catalog.json>"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Embedded,
    CatalogFile,
    Pages,
}

/// The catalog to show, with where it came from.
#[derive(Debug, Default)]
pub struct LoadedCatalog {
    pub catalog: Catalog,
    /// Human labels of the sources, in load order.
    pub sources: Vec<String>,
    /// Things the user should know (replaced app ids, pages skipped while importing).
    pub warnings: Vec<String>,
    /// Notes like `warnings`, already given for these sources as they are now (an import read
    /// from the cache, a replaced id of unchanged files): shown again only when asked (`-v`).
    pub repeated: Vec<String>,
}

impl LoadedCatalog {
    pub fn source_label(&self) -> String {
        self.sources.join(" + ")
    }
}

/// Load `paths` in order (catalog JSON files, or folders/files of pages imported on the fly).
/// With no paths: `base` (the synced catalog, with its label) or else the embedded catalog,
/// plus `user_catalog` if that file exists.
pub fn load_sources(
    paths: &[PathBuf],
    base: Option<(String, Catalog)>,
    user_catalog: Option<&Path>,
) -> Result<LoadedCatalog, LoadError> {
    let mut parts = Vec::new();
    let mut loaded = LoadedCatalog::default();
    if paths.is_empty() {
        match base {
            Some(base) => parts.push(base),
            None => parts.push(("embedded".to_string(), embedded_catalog()?)),
        }
        if let Some(user) = user_catalog.filter(|p| p.is_file()) {
            parts.push((user.display().to_string(), read_catalog_file(user)?));
        }
    }
    for path in paths {
        let label = path.display().to_string();
        let catalog = match classify(path)? {
            SourceKind::Pages => {
                let (catalog, warnings, cache) = import_pages(path)?;
                if cache == super::cache::CacheUse::Hit {
                    loaded.repeated.extend(warnings);
                } else {
                    loaded.warnings.extend(warnings);
                }
                catalog
            }
            _ => read_catalog_file(path)?,
        };
        parts.push((label, catalog));
    }
    loaded.sources = parts.iter().map(|(label, _)| label.clone()).collect();
    let merged = merge_catalogs(parts);
    let mut files: Vec<PathBuf> = paths.to_vec();
    files.extend(user_catalog.map(Path::to_path_buf));
    let (fresh, repeated) = super::seen::split_seen(
        crate::paths::cache_dir().as_deref(),
        &files,
        merged.replaced,
    );
    loaded.warnings.extend(fresh);
    loaded.repeated.extend(repeated);
    loaded.catalog = merged.catalog;
    Ok(loaded)
}

/// A folder is pages; a file is catalog JSON when it says `.json` or starts with `{`, else a page.
fn classify(path: &Path) -> Result<SourceKind, LoadError> {
    let meta = fs::metadata(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        return Ok(SourceKind::Pages);
    }
    if !meta.is_file()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        // Non-files go to the JSON reader, which names what they are.
        return Ok(SourceKind::CatalogFile);
    }
    let mut head = [0u8; 64];
    let io_err = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let n = match crate::files::open_regular(path, u64::MAX) {
        Ok((mut f, _)) => f.read(&mut head).map_err(io_err)?,
        Err(crate::files::ReadError::Io(e)) => return Err(io_err(e)),
        // Swapped for something else since the look above: the JSON reader names it.
        Err(_) => return Ok(SourceKind::CatalogFile),
    };
    let head = head[..n]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head[..n]);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Ok(SourceKind::CatalogFile),
        _ => Ok(SourceKind::Pages),
    }
}

/// Import a folder or file of pages on the fly, through the import cache in the cache
/// directory (see [`super::cache`]); whether the cache had it tells whether its notes were
/// given before (when the entry was made from the same pages).
fn import_pages(path: &Path) -> Result<(Catalog, Vec<String>, super::cache::CacheUse), LoadError> {
    let cache_dir = crate::paths::cache_dir();
    super::cache::import_cached(cache_dir.as_deref(), path, || import_pages_now(path))
}

/// Import a folder or file of pages. What the import skipped or worked around is summed up in
/// one warning; `attest-tui import` prints the details.
fn import_pages_now(path: &Path) -> Result<(Catalog, Vec<String>), LoadError> {
    let opts = crate::import::ImportOptions { strict: false };
    let (catalog, report) =
        crate::import::import_paths(&[path.to_path_buf()], &opts).map_err(|e| {
            LoadError::Import {
                path: path.to_path_buf(),
                message: e.to_string(),
            }
        })?;
    let mut warnings = Vec::new();
    if catalog.apps.is_empty() {
        return Err(LoadError::Import {
            path: path.to_path_buf(),
            message: format!(
                "no App Compliance page found (read {} files, skipped {}); expected markdown pages with `::: zone` sections or rendered page text",
                report.pages_read,
                report.skipped.len()
            ),
        });
    }
    let issues = report.warnings.len() + report.skipped.len();
    if issues > 0 {
        warnings.push(format!(
            "{}: imported {} apps; {} pages skipped and {} warnings (run `attest-tui import {} -o FILE` for details)",
            path.display(),
            catalog.apps.len(),
            report.skipped.len(),
            report.warnings.len(),
            path.display()
        ));
    }
    Ok((catalog, warnings))
}
