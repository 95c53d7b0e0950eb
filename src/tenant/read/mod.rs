//! Reading tenant exports: files and folders, each detected by its shape (Microsoft Graph JSON
//! or a permission-audit CSV), bounded in size, decoded from whatever encoding Windows wrote.

mod csv;
mod decode;
mod json;
mod locate;
mod shapes;

use std::collections::BTreeMap;

use foldhash::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::shown;
use super::model::{AppRoleAssignment, DelegatedGrant, ServicePrincipal, TenantExport};
use super::{Guid, TenantError};

/// The largest export file read: a tenant of 10,000 service principals with their app roles and
/// 100,000 grants is well under 100 MB.
pub const MAX_EXPORT_BYTES: u64 = 512 << 20;
/// The most files taken from the folders given.
pub const MAX_FILES: usize = 10_000;
/// How deep folders are walked.
const MAX_DEPTH: usize = 8;

/// Read every export in `paths` (files, or folders walked for `.json` and `.csv` files) into one.
pub fn read_exports(paths: &[PathBuf]) -> Result<TenantExport, TenantError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| TenantError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let before = files.len();
            walk(path, 0, &mut files)?;
            if files.len() == before {
                return Err(TenantError::EmptyFolder { path: path.clone() });
            }
        } else {
            files.push(path.clone());
        }
        if files.len() > MAX_FILES {
            return Err(TenantError::TooManyFiles {
                path: path.clone(),
                max: MAX_FILES,
            });
        }
    }
    let mut builder = ExportBuilder::default();
    for file in &files {
        let bytes = read_bounded(file)?;
        builder.read_bytes(bytes, file)?;
    }
    Ok(builder.finish())
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<(), TenantError> {
    let io = |source| TenantError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(io)?;
        if kind.is_dir() && depth < MAX_DEPTH {
            walk(&path, depth + 1, out)?;
        } else if kind.is_file() {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with(".json") || lower.ends_with(".csv") {
                out.push(path);
            }
        }
        if out.len() > MAX_FILES {
            return Err(TenantError::TooManyFiles {
                path: dir.to_path_buf(),
                max: MAX_FILES,
            });
        }
    }
    Ok(())
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, TenantError> {
    let io = |source| TenantError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_EXPORT_BYTES);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_EXPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(TenantError::TooLarge {
            path: path.to_path_buf(),
            max: MAX_EXPORT_BYTES,
        });
    }
    Ok(bytes)
}

/// Collects entities from several files: merges service principals by object id, keeps track of
/// paged responses, and counts what it left out.
#[derive(Default)]
pub struct ExportBuilder {
    export: TenantExport,
    by_object_id: HashMap<Guid, usize>,
    /// Per `@odata.context`: pages seen, and how many of them say more pages follow.
    pages: BTreeMap<String, (usize, usize)>,
    truncated_roles: Vec<PathBuf>,
    user_assignments: usize,
    default_access: usize,
}

impl ExportBuilder {
    /// Read one export file's bytes (`path` names it in messages).
    pub fn read_bytes(&mut self, bytes: Vec<u8>, path: &Path) -> Result<(), TenantError> {
        let decoded = decode::decode(bytes);
        if let Some(note) = decoded.note {
            self.note(format!("{} {note}", shown(path)));
        }
        self.read_text(&decoded.text, path)
    }

    /// Read one export file's text.
    pub fn read_text(&mut self, text: &str, path: &Path) -> Result<(), TenantError> {
        self.export.files.push(path.to_path_buf());
        let trimmed = text.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            json::read_json(text, path, self)
        } else if csv::looks_like_audit_csv(text) {
            csv::read_csv(text, path, self)
        } else if trimmed.is_empty() {
            Err(TenantError::parse(
                path,
                (1, 1),
                "the file is empty; expected Microsoft Graph JSON or a permission CSV",
            ))
        } else {
            let first = text.lines().next().unwrap_or("");
            Err(TenantError::parse(
                path,
                (1, 1),
                format!(
                    "not a tenant export: expected Microsoft Graph JSON (a response {{\"value\": [...]}}, an array or an object) or a permission CSV with the columns PermissionType, ClientObjectId and Permission; the file starts with {}",
                    super::error::quoted(first)
                ),
            ))
        }
    }

    pub fn finish(mut self) -> TenantExport {
        for (context, (files, with_next)) in &self.pages {
            if *with_next == *files {
                self.export.warnings.push(format!(
                    "the export of {} looks incomplete: each of its {files} page(s) has an @odata.nextLink, so the last page is missing; export every page (Get-Mg… -All, az rest with each nextLink) and pass all the files",
                    crate::text::sanitize(context)
                ));
            }
        }
        if !self.truncated_roles.is_empty() {
            let files: Vec<String> = self.truncated_roles.iter().map(|p| shown(p)).collect();
            self.export.notes.push(format!(
                "appRoles were cut off by ConvertTo-Json's default depth in {}: application permissions are named from the embedded Microsoft Graph table where they can be; use ConvertTo-Json -Depth 10",
                files.join(", ")
            ));
        }
        if self.user_assignments > 0 {
            self.export.notes.push(format!(
                "{} app role assignments to users or groups are not API permissions and were left out",
                self.user_assignments
            ));
        }
        if self.default_access > 0 {
            self.export.notes.push(format!(
                "{} app role assignments give default access without a role and were left out",
                self.default_access
            ));
        }
        self.export
    }

    fn page(&mut self, context: Option<&str>, has_next: bool, path: &Path) {
        let key = context.map_or_else(|| path.display().to_string(), str::to_owned);
        let entry = self.pages.entry(key).or_default();
        entry.0 += 1;
        entry.1 += usize::from(has_next);
    }

    fn add_service_principal(&mut self, sp: ServicePrincipal) {
        match self.by_object_id.get(&sp.object_id) {
            Some(&i) => merge(&mut self.export.service_principals[i], sp),
            None => {
                self.by_object_id
                    .insert(sp.object_id, self.export.service_principals.len());
                self.export.service_principals.push(sp);
            }
        }
    }

    fn add_grant(&mut self, grant: DelegatedGrant) {
        self.export.grants.push(grant);
    }

    fn add_assignment(&mut self, assignment: AppRoleAssignment) {
        self.export.assignments.push(assignment);
    }

    fn truncated_roles(&mut self, path: &Path) {
        if !self.truncated_roles.iter().any(|p| p == path) {
            self.truncated_roles.push(path.to_path_buf());
        }
    }

    fn user_assignment(&mut self) {
        self.user_assignments += 1;
    }

    fn default_access(&mut self) {
        self.default_access += 1;
    }

    fn note(&mut self, note: String) {
        self.export.notes.push(note);
    }
}

/// Fill in what `into` lacks from `other` (the same service principal read from another file).
fn merge(into: &mut ServicePrincipal, other: ServicePrincipal) {
    fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
        if slot.is_none() {
            *slot = value;
        }
    }
    fn fill_text(slot: &mut String, value: String) {
        if slot.is_empty() {
            *slot = value;
        }
    }
    fill(&mut into.app_id, other.app_id);
    fill_text(&mut into.display_name, other.display_name);
    fill(
        &mut into.app_owner_organization_id,
        other.app_owner_organization_id,
    );
    fill_text(&mut into.publisher_name, other.publisher_name);
    fill(&mut into.verified_publisher, other.verified_publisher);
    fill(&mut into.account_enabled, other.account_enabled);
    fill(
        &mut into.service_principal_type,
        other.service_principal_type,
    );
    if into.app_roles.is_empty() {
        into.app_roles = other.app_roles;
    }
}
