//! Facts about Microsoft's side of a tenant: the tenants Microsoft publishes its own apps from,
//! and the ids of Microsoft Graph's application permissions (`data/graph_app_roles.json`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The application id of Microsoft Graph.
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

use super::Guid;

/// Tenants that own Microsoft's first-party application registrations (`appOwnerOrganizationId`):
/// Microsoft Services and Microsoft's corporate tenant, which Get-AzureADPSPermissions' successors
/// and merill/microsoft-info treat as Microsoft's, and the tenant of Microsoft Graph Command Line
/// Tools and Graph Explorer, which merill/microsoft-info and EntraOps list too.
pub const MICROSOFT_TENANTS: [&str; 3] = [
    "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    "72f988bf-86f1-41af-91ab-2d7cd011db47",
    "cdc5aeea-15c5-4db6-b079-fcadd2505dc2",
];

/// Whether `org` is one of Microsoft's own tenants.
pub fn is_microsoft_tenant(org: Guid) -> bool {
    MICROSOFT_TENANTS
        .iter()
        .any(|t| Guid::parse(t) == Some(org))
}

/// Microsoft Graph's application id.
pub fn graph_app_id() -> Guid {
    Guid(0x00000003_0000_0000_c000_000000000000)
}

const APP_ROLES: &str = include_str!("../../data/graph_app_roles.json");

#[derive(Deserialize)]
struct RolesFile {
    app_roles: Vec<(String, String)>,
}

/// The name of a Microsoft Graph application permission by its app role id.
pub fn graph_app_role(id: Guid) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<Guid, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            // Checked by a unit test, so a built binary always has the table; an empty one would
            // only mean ids shown as GUIDs.
            serde_json::from_str::<RolesFile>(APP_ROLES)
                .map(|f| {
                    f.app_roles
                        .into_iter()
                        .filter_map(|(id, name)| Some((Guid::parse(&id)?, name)))
                        .collect()
                })
                .unwrap_or_default()
        })
        .get(&id)
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tenant::normalize_guid;

    #[test]
    fn the_embedded_table_is_well_formed() {
        let file: RolesFile = serde_json::from_str(APP_ROLES).unwrap();
        assert!(file.app_roles.len() > 250, "{}", file.app_roles.len());
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for (id, name) in &file.app_roles {
            assert_eq!(normalize_guid(id).as_deref(), Some(id.as_str()), "{id}");
            assert!(ids.insert(id), "id twice: {id}");
            assert!(names.insert(name), "name twice: {name}");
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c)),
                "{name}"
            );
        }
    }

    #[test]
    fn microsoft_tenants_and_graph_parse() {
        assert!(MICROSOFT_TENANTS.iter().all(|t| Guid::parse(t).is_some()));
        assert_eq!(graph_app_id(), Guid::parse(GRAPH_APP_ID).unwrap());
        assert!(is_microsoft_tenant(
            Guid::parse(MICROSOFT_TENANTS[2]).unwrap()
        ));
        assert!(!is_microsoft_tenant(Guid(1)));
    }

    #[test]
    fn well_known_roles_resolve() {
        // Ids confirmed by a captured Microsoft Graph service principal as well as the reference.
        let role = |id: &str| graph_app_role(Guid::parse(id).unwrap());
        assert_eq!(
            role("df021288-bdef-4463-88db-98f22de89214"),
            Some("User.Read.All")
        );
        assert_eq!(
            role("19dbc75e-c2e2-444c-a770-ec69d8559fc7"),
            Some("Directory.ReadWrite.All")
        );
        assert_eq!(
            role("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
            Some("Application.Read.All")
        );
        assert_eq!(role("00000000-0000-0000-0000-000000000000"), None);
    }
}
