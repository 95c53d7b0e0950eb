//! Microsoft Graph JSON exports: whole responses (one file per page), bare arrays, and single
//! objects, of service principals, delegated grants and app role assignments.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::ExportBuilder;
use super::locate::element_offset;
use super::shapes::{Document, EntityKind, Entry, Shaped};
use crate::config::line_col;
use crate::tenant::error::quoted;
use crate::tenant::model::{AppRoleAssignment, ConsentType, DelegatedGrant, ServicePrincipal};
use crate::tenant::{TenantError, normalize_guid};

/// The "no role" id an assignment carries when it grants access to an app without a role: not a
/// permission on an API.
const DEFAULT_ACCESS: &str = "00000000-0000-0000-0000-000000000000";

pub fn read_json(text: &str, path: &Path, b: &mut ExportBuilder) -> Result<(), TenantError> {
    let trimmed = text.trim_start();
    let entries = if trimmed.starts_with('[') {
        parse::<Vec<Entry>>(text, path)?
    } else {
        let doc = parse::<Document>(text, path)?;
        match doc.value {
            Some(entries) => {
                b.page(doc.context.as_deref(), doc.next_link.is_some(), path);
                entries
            }
            None if doc.single.kind().is_some() => vec![doc.single],
            None => {
                return Err(TenantError::parse(
                    path,
                    line_col(text, text.len() - trimmed.len()),
                    "not a tenant export: expected a Microsoft Graph response ({\"value\": [...]}), an array of servicePrincipal, oAuth2PermissionGrant or appRoleAssignment objects, or one such object",
                ));
            }
        }
    };
    for (i, entry) in entries.into_iter().enumerate() {
        add_entry(entry, i, text, path, b)?;
    }
    Ok(())
}

/// Parse quickly; only a failure pays for tracking the path to name the member that was wrong.
fn parse<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, TenantError> {
    serde_json::from_str(text).map_err(|fast| {
        let mut de = serde_json::Deserializer::from_str(text);
        let (field, err) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Err(e) => (e.path().to_string(), e.into_inner()),
            Ok(_) => (String::new(), fast),
        };
        json_error(path, &field, &err)
    })
}

fn json_error(path: &Path, field: &str, err: &serde_json::Error) -> TenantError {
    use serde_json::error::Category;
    let full = err.to_string();
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(head, _)| head);
    let message = match err.classify() {
        Category::Eof => format!(
            "the file ends too early ({detail}); is the export truncated? Expected the rest of the JSON"
        ),
        Category::Syntax => format!("{detail}; expected valid JSON"),
        Category::Data if field.is_empty() || field == "." => detail.to_string(),
        Category::Data => format!("in `{field}`: {detail}"),
        Category::Io => detail.to_string(),
    };
    TenantError::parse(path, (err.line(), err.column()), message)
}

fn add_entry(
    e: Entry,
    index: usize,
    text: &str,
    path: &Path,
    b: &mut ExportBuilder,
) -> Result<(), TenantError> {
    let fail = |message: String| {
        TenantError::parse(path, line_col(text, element_offset(text, index)), message)
    };
    let Some(kind) = e.kind() else {
        return Err(fail(format!(
            "element #{} is not a servicePrincipal (it has no `appId`), an oAuth2PermissionGrant (`clientId` with `consentType` or `scope`) or an appRoleAssignment (`appRoleId`)",
            index + 1
        )));
    };
    let what = kind.label();
    let guid = |name: &str, value: &Option<String>| -> Result<Option<String>, TenantError> {
        match value.as_deref() {
            None | Some("") => Ok(None),
            Some(v) => normalize_guid(v).map(Some).ok_or_else(|| {
                fail(format!(
                    "{what} #{}: `{name}` is {}, expected a GUID",
                    index + 1,
                    quoted(v)
                ))
            }),
        }
    };
    let required = |name: &str, value: Option<String>| {
        value.ok_or_else(|| fail(format!("{what} #{}: no `{name}`", index + 1)))
    };
    match kind {
        EntityKind::ServicePrincipal => {
            let object_id = required("id", guid("id", &e.id)?)?;
            let app_id = required("appId", guid("appId", &e.app_id)?)?;
            let owner = guid("appOwnerOrganizationId", &e.app_owner_organization_id)?;
            let mut app_roles = Vec::new();
            let mut cut = false;
            match e.app_roles {
                Shaped::Missing => {}
                Shaped::Truncated => cut = true,
                Shaped::Value(roles) => {
                    for role in roles {
                        match role {
                            Shaped::Value(r) => {
                                if let (Some(id), Some(value)) =
                                    (r.id.as_deref().and_then(normalize_guid), r.value)
                                {
                                    app_roles.push((id, value));
                                }
                            }
                            Shaped::Truncated => cut = true,
                            Shaped::Missing => {}
                        }
                    }
                }
            }
            if cut {
                b.truncated_roles(path);
            }
            b.add_service_principal(ServicePrincipal {
                object_id,
                app_id: Some(app_id),
                display_name: e.display_name.or(e.app_display_name).unwrap_or_default(),
                app_owner_organization_id: owner,
                publisher_name: e.publisher_name.unwrap_or_default(),
                verified_publisher: match e.verified_publisher {
                    Shaped::Value(v) => v.display_name.filter(|n| !n.is_empty()),
                    _ => None,
                },
                account_enabled: e.account_enabled,
                service_principal_type: e.service_principal_type,
                app_roles,
            });
        }
        EntityKind::Grant => {
            let client_id = required("clientId", guid("clientId", &e.client_id)?)?;
            let principal_id = guid("principalId", &e.principal_id)?;
            let consent = match e.consent_type.as_deref().map(str::trim) {
                Some(c) if c.eq_ignore_ascii_case("AllPrincipals") => ConsentType::AllPrincipals,
                Some(c) if c.eq_ignore_ascii_case("Principal") => ConsentType::Principal,
                None | Some("") if principal_id.is_some() => ConsentType::Principal,
                None | Some("") => ConsentType::AllPrincipals,
                Some(other) => {
                    return Err(fail(format!(
                        "{what} #{}: `consentType` is {}, expected AllPrincipals or Principal",
                        index + 1,
                        quoted(other)
                    )));
                }
            };
            b.add_grant(DelegatedGrant {
                client_id,
                resource_id: guid("resourceId", &e.resource_id)?,
                resource_name: None,
                consent,
                principal_id,
                scopes: e
                    .scope
                    .as_deref()
                    .unwrap_or("")
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            });
        }
        EntityKind::Assignment => {
            let app_role_id = required("appRoleId", guid("appRoleId", &e.app_role_id)?)?;
            let client_id = required("principalId", guid("principalId", &e.principal_id)?)?;
            let to_service_principal = e
                .principal_type
                .as_deref()
                .is_none_or(|t| t.eq_ignore_ascii_case("ServicePrincipal"));
            if !to_service_principal {
                b.user_assignment();
            } else if app_role_id == DEFAULT_ACCESS {
                b.default_access();
            } else {
                b.add_assignment(AppRoleAssignment {
                    client_id,
                    resource_id: guid("resourceId", &e.resource_id)?,
                    resource_name: e.resource_display_name.filter(|n| !n.is_empty()),
                    app_role_id: Some(app_role_id),
                    name: None,
                });
            }
        }
    }
    Ok(())
}
