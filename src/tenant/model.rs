//! What a tenant export says, once read: service principals, delegated grants and app role
//! assignments, with GUIDs in canonical form.

use std::path::PathBuf;

use super::Guid;

#[derive(Debug, Clone, PartialEq)]
pub struct ServicePrincipal {
    /// The object id in this tenant (`id`).
    pub object_id: Guid,
    /// The application (client) id, the same in every tenant: what attestations name.
    pub app_id: Option<Guid>,
    pub display_name: String,
    /// The tenant that owns the application registration.
    pub app_owner_organization_id: Option<Guid>,
    pub publisher_name: String,
    /// `verifiedPublisher.displayName`.
    pub verified_publisher: Option<String>,
    pub account_enabled: Option<bool>,
    /// `Application`, `ManagedIdentity`, `Legacy`, `SocialIdp`.
    pub service_principal_type: Option<String>,
    /// App role id → value, for naming application permissions granted on this resource.
    pub app_roles: Vec<(Guid, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentType {
    /// Consented by an administrator for every user.
    AllPrincipals,
    /// Consented for one user (`principalId`).
    Principal,
}

/// An `oAuth2PermissionGrant`: delegated permissions of a client on a resource.
#[derive(Debug, Clone, PartialEq)]
pub struct DelegatedGrant {
    /// Object id of the client service principal.
    pub client_id: Guid,
    /// Object id of the resource service principal (Microsoft Graph, usually).
    pub resource_id: Option<Guid>,
    /// The resource's name when the export gives it beside the id (the audit CSV).
    pub resource_name: Option<String>,
    pub consent: ConsentType,
    pub principal_id: Option<Guid>,
    /// Space-separated permission names, as Graph writes them.
    pub scope: String,
}

impl DelegatedGrant {
    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scope.split_whitespace()
    }
}

/// An `appRoleAssignment` to a service principal: one application permission.
#[derive(Debug, Clone, PartialEq)]
pub struct AppRoleAssignment {
    /// Object id of the client service principal (`principalId`).
    pub client_id: Guid,
    pub resource_id: Option<Guid>,
    pub resource_name: Option<String>,
    pub app_role_id: Option<Guid>,
    /// The permission name when the export gives it (the audit CSV's `Permission` column).
    pub name: Option<String>,
}

impl ServicePrincipal {
    /// A service principal known only by its object id.
    pub fn new(object_id: Guid) -> ServicePrincipal {
        ServicePrincipal {
            object_id,
            app_id: None,
            display_name: String::new(),
            app_owner_organization_id: None,
            publisher_name: String::new(),
            verified_publisher: None,
            account_enabled: None,
            service_principal_type: None,
            app_roles: Vec::new(),
        }
    }
}

/// Everything read from the export files, merged.
#[derive(Debug, Clone, Default)]
pub struct TenantExport {
    pub files: Vec<PathBuf>,
    /// One per object id; later files fill in what earlier ones left out.
    pub service_principals: Vec<ServicePrincipal>,
    pub grants: Vec<DelegatedGrant>,
    pub assignments: Vec<AppRoleAssignment>,
    /// Worth knowing (rows left out, cut-off fields).
    pub notes: Vec<String>,
    /// Worth stopping for: the export looks incomplete.
    pub warnings: Vec<String>,
}
