//! A tenant against the attestations: read what a Microsoft Entra tenant has granted (exports of
//! service principals, delegated grants and app role assignments), join each service principal
//! to the attestations that name its application id as a registration, and say, for every
//! permission, whether the publisher declared it.
//!
//! `read` turns export files into a `TenantExport`; `join` compares it with a catalog into a
//! `TenantReport`; `index` keeps the report with per-catalog-app lookups for filters and views.

mod error;
mod guid;
mod index;
mod join;
mod model;
mod read;
mod reference;
mod report;

pub use error::TenantError;
pub use guid::{Guid, normalize_guid};
pub use index::{PermissionMark, TenantIndex};
pub use join::join;
pub use model::{AppRoleAssignment, ConsentType, DelegatedGrant, ServicePrincipal, TenantExport};
pub use read::{ExportBuilder, MAX_EXPORT_BYTES, MAX_FILES, read_exports};
pub use reference::{GRAPH_APP_ID, MICROSOFT_TENANTS, graph_app_role, is_microsoft_tenant};
pub use report::{
    AppClass, Consent, DeclaredPermission, GrantedPermission, TenantApp, TenantReport,
    TenantSummary,
};
