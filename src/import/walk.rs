//! The import pipeline: find the page files, read them in parallel, merge the results in a fixed
//! order so the catalog is the same on every run.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::markdown::{self, ParsedPage};
use super::merge::{collect_registrations, merge_apps};
use super::names;
use super::pivots::PivotTitles;
use super::report::{ImportReport, SkippedPage, Warning};
use super::{ImportError, PageError, PageOutcome, rendered};
use crate::files::{MAX_PAGE_BYTES, MAX_SETTINGS_BYTES, ReadError};
use crate::model::{Catalog, Registration};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Fail on anything a lenient import would skip or work around, instead of reporting it.
    /// Pages recognized as not being app pages (the `*-apps.md` indexes) are still skipped.
    pub strict: bool,
}

/// File extensions read from folders; a file named explicitly is read whatever its name.
const PAGE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];
const PIVOT_FILE: &str = "zone-pivot-groups.yml";

/// A page file and the `/`-separated path recorded for it, relative to the folder given.
struct PageFile {
    path: PathBuf,
    source: String,
    /// Which of the paths given reached it (their order ranks the page languages).
    root: usize,
}

/// Import folders (recursively) and single files into one catalog.
pub fn import_paths(
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<(Catalog, ImportReport), ImportError> {
    let mut files = Vec::new();
    for (root, path) in paths.iter().enumerate() {
        let start = files.len();
        collect(path, &mut files)?;
        for f in &mut files[start..] {
            f.root = root;
        }
    }
    if paths.len() > 1 {
        // A file reached through two of the paths given (a folder and its subfolder) is read
        // once, under the first path that reached it.
        let mut seen = std::collections::HashSet::new();
        files.retain(|f| seen.insert(fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())));
    }
    files.sort_by(|a, b| a.source.cmp(&b.source).then(a.path.cmp(&b.path)));
    let titles = find_pivot_titles(paths);

    let results: Vec<Result<ParsedPage, ImportError>> = files.par_iter().map(read_page).collect();

    let mut report = ImportReport::default();
    let mut apps = Vec::new();
    // (path given, language) of each app page, to rank the languages.
    let mut languages_seen: Vec<(usize, String)> = Vec::new();
    let mut registration_pages = Vec::new();
    // Per app: its page's title and the path given that reached it; and every index link.
    let mut titles_of_apps: Vec<(Option<names::PageTitle>, usize)> = Vec::new();
    let mut index: Vec<(usize, names::IndexEntry)> = Vec::new();
    for (file, result) in files.iter().zip(results) {
        report.pages_read += 1;
        let page = match result {
            Ok(page) => page,
            Err(e) if opts.strict => return Err(e),
            Err(e) => {
                report.skipped.push(SkippedPage {
                    source: file.source.clone(),
                    reason: skip_reason(&e),
                });
                report.warnings.push(Warning {
                    source: file.source.clone(),
                    line: 0,
                    column: 0,
                    message: e.to_string(),
                });
                continue;
            }
        };
        if opts.strict
            && let Some(w) = page.warnings.first()
        {
            return Err(ImportError::Strict {
                path: file.source.clone(),
                line: w.line,
                column: w.column,
                message: w.message.clone(),
            });
        }
        report
            .warnings
            .extend(page.warnings.into_iter().map(|w| Warning {
                source: file.source.clone(),
                line: w.line,
                column: w.column,
                message: w.message,
            }));
        match page.outcome {
            PageOutcome::App(mut app) => {
                report.app_pages += 1;
                report.rendered_pages += usize::from(page.rendered);
                report.permission_rows += app.permissions.len();
                if let Some(group) = &page.pivot_group {
                    for zone in &mut app.zones {
                        if let Some(t) = titles.title(group, &zone.pivot) {
                            zone.title = t.into();
                        }
                    }
                }
                languages_seen.push((file.root, app.language.clone()));
                titles_of_apps.push((page.title, file.root));
                apps.push(*app);
            }
            PageOutcome::Registration(reg) => {
                report.registration_pages += 1;
                registration_pages.push(reg);
            }
            PageOutcome::Skipped { reason } => {
                index.extend(page.index.into_iter().map(|e| (file.root, e)));
                if opts.strict && reason != markdown::SKIP_INDEX {
                    return Err(ImportError::Strict {
                        path: file.source.clone(),
                        line: 0,
                        column: 0,
                        message: format!("skipped: {reason}"),
                    });
                }
                report.skipped.push(SkippedPage {
                    source: file.source.clone(),
                    reason,
                });
            }
        }
    }

    let uses: Vec<(String, String)> = apps
        .iter()
        .flat_map(|a| {
            a.permissions
                .iter()
                .filter_map(|p| p.registration.clone().map(|r| (r, a.id.clone())))
        })
        .collect();
    let registrations: Vec<Registration> = collect_registrations(
        registration_pages,
        uses.iter().map(|(r, a)| (r.as_str(), a.as_str())),
    );
    // Keys before merging: the pages of one app are merged question by question.
    let keying = crate::questionnaire::key_apps(&mut apps);
    report.rows = keying.rows;
    report.keyed_rows = keying.keyed;
    // The keyed general rows name the app in every language; an app still without a name row
    // is named by its folder's index or its heading.
    for (app, (title, _)) in apps.iter_mut().zip(&mut titles_of_apps) {
        let named = super::keyed_general::fill_from_keyed_rows(app);
        if let Some(title) = title {
            title.name_from_row |= named;
        }
    }
    let named = apps
        .iter_mut()
        .zip(&titles_of_apps)
        .map(|(app, (title, root))| names::Named {
            app,
            title: title.as_ref(),
            root: *root,
        })
        .collect();
    report.names_from_index_or_heading = names::settle(named, &index);

    // The language of the first path given comes first: `import zh-CN de-DE` keeps zh-CN as
    // the primary language of the apps it has.
    languages_seen.sort_by_key(|(root, _)| *root);
    let mut languages: Vec<String> = Vec::new();
    for (_, lang) in languages_seen {
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }
    let (apps, conflicts) = merge_apps(apps, &languages);
    report.apps = apps.len();
    report.catalog_permission_rows = apps.iter().map(|a| a.permissions.len()).sum();
    report.registrations = registrations.len();
    report.conflicts = conflicts;
    let catalog = Catalog {
        apps,
        registrations,
        ..Catalog::default()
    };
    Ok((catalog, report))
}

fn skip_reason(e: &ImportError) -> String {
    match e {
        ImportError::InvalidUtf8 { .. } => "not UTF-8 text".to_string(),
        ImportError::Unreadable { .. } => "unreadable file".to_string(),
        ImportError::Refused { reason, .. } => reason.clone(),
        // Page errors carry fixed messages ("expected text, found binary content …").
        ImportError::Page(e) => e.message.clone(),
        ImportError::Strict { message, .. } => message.clone(),
    }
}

fn collect(path: &Path, out: &mut Vec<PageFile>) -> Result<(), ImportError> {
    let meta = fs::metadata(path).map_err(|source| ImportError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        walk_dir(path, path, out)
    } else {
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        out.push(PageFile {
            path: path.to_path_buf(),
            source,
            root: 0,
        });
        Ok(())
    }
}

fn walk_dir(root: &Path, dir: &Path, out: &mut Vec<PageFile>) -> Result<(), ImportError> {
    let unreadable = |source| ImportError::Unreadable {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        let name = entry.file_name();
        // Hidden folders (.git) and files are never pages.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_dir() {
            walk_dir(root, &path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| PAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let source = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(PageFile {
                path,
                source,
                root: 0,
            });
        }
    }
    Ok(())
}

/// `zone-pivot-groups.yml` in a folder given or in one of its parents (for a single page, its
/// folder and that folder's parents), the nearest first.
fn find_pivot_titles(paths: &[PathBuf]) -> PivotTitles {
    for path in paths {
        let start = if path.is_dir() {
            Some(path.as_path())
        } else {
            path.parent()
        };
        for dir in start.into_iter().flat_map(Path::ancestors).take(3) {
            if let Ok(text) =
                crate::files::read_regular_text(&dir.join(PIVOT_FILE), MAX_SETTINGS_BYTES)
            {
                let titles = PivotTitles::parse(&text);
                if !titles.is_empty() {
                    return titles;
                }
            }
        }
    }
    PivotTitles::default()
}

/// Read and parse one page: UTF-8 (a BOM is dropped), markdown unless the text looks rendered.
fn read_page(file: &PageFile) -> Result<ParsedPage, ImportError> {
    let bytes = crate::files::read_regular(&file.path, MAX_PAGE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => ImportError::Unreadable {
            path: file.path.clone(),
            source,
        },
        refused => ImportError::Refused {
            path: file.path.clone(),
            reason: refused.to_string(),
        },
    })?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ImportError::invalid_utf8(file.path.clone(), bytes, e))?;
    parse_text(text, &file.source, &file.path).map_err(ImportError::Page)
}

/// A `.md` file is markdown whatever it looks like; other text is checked for being a
/// rendered page.
fn parse_text(text: &str, source: &str, path: &Path) -> Result<ParsedPage, PageError> {
    let is_md = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !is_md && rendered::looks_rendered(text) {
        let page = rendered::parse_unkeyed(text, source)?;
        return Ok(ParsedPage {
            outcome: PageOutcome::App(Box::new(page.app)),
            warnings: Vec::new(),
            pivot_group: None,
            rendered: true,
            title: None,
            index: Vec::new(),
        });
    }
    markdown::read_unkeyed(text, source)
}
