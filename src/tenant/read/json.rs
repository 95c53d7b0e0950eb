//! Microsoft Graph JSON exports: whole responses (one file per page), bare arrays, and single
//! objects, of service principals, delegated grants and app role assignments.

use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::ExportBuilder;
use super::locate::element_offset;
use super::shapes::{Document, EntityKind, Entry, Shaped, Text};
use crate::config::line_col;
use crate::tenant::error::quoted;
use crate::tenant::model::{AppRoleAssignment, ConsentType, DelegatedGrant, ServicePrincipal};
use crate::tenant::{Guid, TenantError};

/// The "no role" id an assignment carries when it grants access to an app without a role: not a
/// permission on an API.
const DEFAULT_ACCESS: Guid = Guid(0);

pub fn read_json(text: &str, path: &Path, b: &mut ExportBuilder) -> Result<(), TenantError> {
    let trimmed = text.trim_start();
    let mut sink = Sink {
        builder: b,
        text,
        path,
        index: 0,
        failure: None,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    // Entities are added as they are parsed, not collected first: an export of 100,000 grants
    // would otherwise hold them all twice.
    let parsed = if trimmed.starts_with('[') {
        de.deserialize_seq(EntriesVisitor(&mut sink)).map(|()| None)
    } else {
        de.deserialize_map(DocumentVisitor(&mut sink)).map(Some)
    }
    .and_then(|page| de.end().map(|()| page));
    if let Some(failure) = sink.failure.take() {
        return Err(failure);
    }
    match parsed {
        Err(_) if trimmed.starts_with('[') => Err(parse::<Vec<Entry>>(text, path)
            .err()
            .unwrap_or_else(|| unreadable(text, path))),
        Err(_) => Err(parse::<Document>(text, path)
            .err()
            .unwrap_or_else(|| unreadable(text, path))),
        Ok(None) => Ok(()),
        Ok(Some(page)) if page.had_value => {
            let b = sink.builder;
            b.page(page.context.as_deref(), page.next_link.is_some(), path);
            Ok(())
        }
        // No `value`: one entity on its own, parsed again whole (it is one object).
        Ok(Some(_)) => {
            let entry = parse::<Entry>(text, path)?;
            if entry.kind().is_none() {
                return Err(TenantError::parse(
                    path,
                    line_col(text, text.len() - trimmed.len()),
                    "not a tenant export: expected a Microsoft Graph response ({\"value\": [...]}), an array of servicePrincipal, oAuth2PermissionGrant or appRoleAssignment objects, or one such object",
                ));
            }
            add_entry(entry, 0, text, path, sink.builder)
        }
    }
}

/// The streaming parse failed but a plain one did not: cannot happen with serde_json, which
/// accepts the same input both ways; still an error, never a panic.
fn unreadable(text: &str, path: &Path) -> TenantError {
    TenantError::parse(
        path,
        line_col(text, 0),
        "cannot read this JSON as a tenant export",
    )
}

struct Sink<'s> {
    builder: &'s mut ExportBuilder,
    text: &'s str,
    path: &'s Path,
    index: usize,
    /// The export's own error that stopped the parse (serde only carries its own).
    failure: Option<TenantError>,
}

impl Sink<'_> {
    fn take<E: serde::de::Error>(&mut self, entry: Entry<'_>) -> Result<(), E> {
        let index = self.index;
        self.index += 1;
        add_entry(entry, index, self.text, self.path, self.builder).map_err(|e| {
            self.failure = Some(e);
            E::custom("stopped")
        })
    }
}

struct EntriesVisitor<'v, 's>(&'v mut Sink<'s>);

impl<'de> Visitor<'de> for EntriesVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(
            "an array of servicePrincipal, oAuth2PermissionGrant or appRoleAssignment objects",
        )
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Entry>()? {
            self.0.take(entry)?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for EntriesVisitor<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

#[derive(Default)]
struct Page {
    context: Option<String>,
    next_link: Option<String>,
    had_value: bool,
}

struct DocumentVisitor<'v, 's>(&'v mut Sink<'s>);

impl<'de> Visitor<'de> for DocumentVisitor<'_, '_> {
    type Value = Page;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Microsoft Graph response or entity")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page, A::Error> {
        let mut page = Page::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "@odata.context" => page.context = owned(map.next_value_seed(Lenient)?),
                "@odata.nextLink" => page.next_link = owned(map.next_value_seed(Lenient)?),
                "value" => {
                    map.next_value_seed(EntriesVisitor(&mut *self.0))?;
                    page.had_value = true;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(page)
    }
}

struct Lenient;

impl<'de> DeserializeSeed<'de> for Lenient {
    type Value = Option<Text<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Text<'de>>, D::Error> {
        super::shapes::lenient(d)
    }
}

/// Parse quickly; only a failure pays for tracking the path to name the member that was wrong.
fn parse<'t, T: Deserialize<'t>>(text: &'t str, path: &Path) -> Result<T, TenantError> {
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
    let message = crate::load::json_error_message(err, field, "export's JSON");
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
    let guid = |name: &str, value: &Option<Text>| -> Result<Option<Guid>, TenantError> {
        match value.as_deref() {
            None | Some("") => Ok(None),
            Some(v) => Guid::parse(v).map(Some).ok_or_else(|| {
                fail(format!(
                    "{what} #{}: `{name}` is {}, expected a GUID",
                    index + 1,
                    quoted(v)
                ))
            }),
        }
    };
    let required = |name: &str, value: Option<Guid>| {
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
                                    (r.id.as_deref().and_then(Guid::parse), r.value)
                                {
                                    app_roles.push((id, value.into_owned()));
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
                display_name: owned(e.display_name.or(e.app_display_name)).unwrap_or_default(),
                app_owner_organization_id: owner,
                publisher_name: owned(e.publisher_name).unwrap_or_default(),
                verified_publisher: match e.verified_publisher {
                    Shaped::Value(v) => owned(v.display_name).filter(|n| !n.is_empty()),
                    _ => None,
                },
                account_enabled: e.account_enabled,
                service_principal_type: owned(e.service_principal_type),
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
                scope: owned(e.scope).unwrap_or_default(),
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
                    resource_name: owned(e.resource_display_name).filter(|n| !n.is_empty()),
                    app_role_id: Some(app_role_id),
                    name: None,
                });
            }
        }
    }
    Ok(())
}

fn owned(text: Option<Text>) -> Option<String> {
    text.map(std::borrow::Cow::into_owned)
}
