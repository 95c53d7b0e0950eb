//! The CSV of the permission-audit scripts: Get-AzureADPSPermissions.ps1 (psignoret) and its
//! Microsoft Graph successors (Get-AzureADPSPermissions_graph.ps1, Microsoft-Extractor-Suite's
//! Get-OAuthPermissionsGraph). One row per permission: `PermissionType` (Delegated or
//! Application), `ClientObjectId`, `Permission`, and, as the script and its options have them,
//! `ClientDisplayName`/`AppDisplayName`, `AppId`/`ClientAppId`, `ResourceObjectId`,
//! `ResourceDisplayName`, `ConsentType`, `PrincipalObjectId`, `PermissionId`,
//! `AppOwnerOrganizationId`, `PublisherName`. Windows PowerShell's Export-Csv without
//! -NoTypeInformation puts a `#TYPE …` line first.

use std::collections::HashMap;
use std::path::Path;

use super::ExportBuilder;
use crate::tenant::error::quoted;
use crate::tenant::model::{AppRoleAssignment, ConsentType, DelegatedGrant, ServicePrincipal};
use crate::tenant::{Guid, TenantError};

/// Whether `text` looks like one: its header (after a `#TYPE` line) names `PermissionType`.
pub fn looks_like_audit_csv(text: &str) -> bool {
    let (_, body) = split_type_line(text);
    body.lines()
        .next()
        .is_some_and(|h| h.to_ascii_lowercase().contains("permissiontype"))
}

fn split_type_line(text: &str) -> (usize, &str) {
    if text.starts_with("#TYPE") {
        match text.split_once('\n') {
            Some((_, rest)) => (1, rest),
            None => (1, ""),
        }
    } else {
        (0, text)
    }
}

struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn get<'r>(&self, record: &'r csv::StringRecord, names: &[&str]) -> Option<(usize, &'r str)> {
        names.iter().find_map(|n| {
            let i = *self.index.get(&n.to_ascii_lowercase())?;
            record
                .get(i)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (i, v))
        })
    }
}

pub fn read_csv(text: &str, path: &Path, b: &mut ExportBuilder) -> Result<(), TenantError> {
    let (skipped_lines, body) = split_type_line(text);
    let body_start = text.len() - body.len();
    let delimiter = delimiter(body.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| TenantError::parse(path, (skipped_lines + 1, 1), e.to_string()))?
        .clone();
    let columns = Columns {
        index: headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_ascii_lowercase(), i))
            .collect(),
    };
    for need in ["PermissionType", "ClientObjectId", "Permission"] {
        if !columns.index.contains_key(&need.to_ascii_lowercase()) {
            return Err(TenantError::parse(
                path,
                (skipped_lines + 1, 1),
                format!(
                    "a permission CSV needs the columns PermissionType, ClientObjectId and Permission; `{need}` is missing (found: {})",
                    crate::text::sanitize(&headers.iter().collect::<Vec<_>>().join(", "))
                ),
            ));
        }
    }
    let mut empty_delegated = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            TenantError::parse(path, (line + skipped_lines, 1), e.to_string())
        })?;
        let record_start = record.position().map_or(0, |p| p.byte() as usize) + body_start;
        let at = |field: usize| field_position(text, record_start, field, delimiter);
        let fail = |field: usize, message: String| TenantError::parse(path, at(field), message);
        let guid = |names: &[&str]| -> Result<Option<Guid>, TenantError> {
            match columns.get(&record, names) {
                None => Ok(None),
                Some((i, v)) => Guid::parse(v).map(Some).ok_or_else(|| {
                    fail(
                        i,
                        format!("`{}` is {}, expected a GUID", names[0], quoted(v)),
                    )
                }),
            }
        };
        let text_of = |names: &[&str]| columns.get(&record, names).map(|(_, v)| v.to_string());

        let Some(client_id) = guid(&["ClientObjectId"])? else {
            let i = columns.index["clientobjectid"];
            return Err(fail(i, "`ClientObjectId` is empty, expected a GUID".into()));
        };
        let resource_id = guid(&["ResourceObjectId"])?;
        let resource_name = text_of(&["ResourceDisplayName", "Resource"]);
        let permission = text_of(&["Permission"]);
        b.add_service_principal(ServicePrincipal {
            object_id: client_id,
            app_id: guid(&["AppId", "ClientAppId", "ApplicationId"])?,
            display_name: text_of(&["ClientDisplayName", "AppDisplayName", "DisplayName"])
                .unwrap_or_default(),
            app_owner_organization_id: guid(&["AppOwnerOrganizationId"])?,
            publisher_name: text_of(&["PublisherName"]).unwrap_or_default(),
            verified_publisher: text_of(&["PublisherDisplayName"]),
            ..ServicePrincipal::new(client_id)
        });
        let kind_cell = columns.get(&record, &["PermissionType"]);
        match kind_cell.map(|(_, v)| v.to_ascii_lowercase()).as_deref() {
            Some("delegated") => {
                let Some(scope) = permission else {
                    empty_delegated += 1;
                    continue;
                };
                let principal_id = guid(&["PrincipalObjectId"])?;
                let consent = match columns.get(&record, &["ConsentType"]) {
                    Some((_, c)) if c.eq_ignore_ascii_case("AllPrincipals") => {
                        ConsentType::AllPrincipals
                    }
                    Some((_, c)) if c.eq_ignore_ascii_case("Principal") => ConsentType::Principal,
                    None if principal_id.is_some() => ConsentType::Principal,
                    None => ConsentType::AllPrincipals,
                    Some((i, other)) => {
                        return Err(fail(
                            i,
                            format!(
                                "`ConsentType` is {}, expected AllPrincipals or Principal",
                                quoted(other)
                            ),
                        ));
                    }
                };
                b.add_grant(DelegatedGrant {
                    client_id,
                    resource_id,
                    resource_name,
                    consent,
                    principal_id,
                    scope,
                });
            }
            Some("application") => b.add_assignment(AppRoleAssignment {
                client_id,
                resource_id,
                resource_name,
                app_role_id: guid(&["PermissionId"])?,
                name: permission,
            }),
            _ => {
                let (i, v) = kind_cell.unwrap_or((columns.index["permissiontype"], ""));
                return Err(fail(
                    i,
                    format!(
                        "`PermissionType` is {}, expected Delegated or Application",
                        quoted(v)
                    ),
                ));
            }
        }
    }
    if empty_delegated > 0 {
        b.note(format!(
            "{}: {empty_delegated} delegated rows have no permission and were left out",
            crate::tenant::error::shown(path)
        ));
    }
    Ok(())
}

/// The header's separator: a comma, or the semicolon `Export-Csv -UseCulture` writes where the
/// list separator is one (most of Europe), or a tab.
fn delimiter(header: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| header.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// 1-based line and column of field `field` of the record starting at byte `start`.
fn field_position(text: &str, start: usize, field: usize, delimiter: u8) -> (usize, usize) {
    let (mut line, mut column) = crate::config::line_col(text, start);
    let mut seen = 0;
    let mut quoted = false;
    for c in text[start.min(text.len())..].chars() {
        if seen == field {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            c if c == char::from(delimiter) && !quoted => seen += 1,
            '\n' if !quoted => break,
            _ => {}
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}
