//! A tenant export against the TUI fixture catalog (tests/fixtures/tui_catalog.json), written
//! by the test that needs it in the documented Microsoft Graph shapes: a service principal page,
//! the delegated grants, and Microsoft Graph's `appRoleAssignedTo`. It holds one finding of
//! each kind:
//!
//! - Contact Center Bot (the registration 联系人中心 and Contoso Notes share): Mail.Send
//!   declared, Directory.ReadWrite.All granted but undeclared (critical);
//! - Contact Center (联系人中心): User.Read and Contacts.ReadWrite declared, Mail.ReadWrite
//!   undeclared; its application Contacts.ReadWrite not granted;
//! - Contoso Notes: User.Read declared, for all users;
//! - POPP VoIP: nothing granted, so its User.Read is not granted;
//! - Shadow Sync: no attestation, Files.Read.All for one user;
//! - Microsoft Graph and Exchange Online (first-party) and a managed identity, counted apart.

use std::path::{Path, PathBuf};

use attest_tui::tenant::read_exports;
use attest_tui::tui::{State, Theme};
use attest_tui::workspace::Workspace;

pub const GRAPH: &str = "9f1c0e52-7a11-4a3c-9d10-000000000001";
pub const BOT_SP: &str = "9f1c0e52-7a11-4a3c-9d10-000000000010";
pub const BOT_APP_ID: &str = "341e195c-b261-4b05-8ba5-dd4a89b1f3e7";

const SERVICE_PRINCIPALS: &str = r#"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals",
  "value": [
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000001", "appId": "00000003-0000-0000-c000-000000000000",
     "displayName": "Microsoft Graph", "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
     "publisherName": "Microsoft Services", "servicePrincipalType": "Application", "accountEnabled": true,
     "appRoles": [
       {"id": "b633e1c5-b582-4048-a93e-9f11b44c7e96", "value": "Mail.Send", "allowedMemberTypes": ["Application"]},
       {"id": "19dbc75e-c2e2-444c-a770-ec69d8559fc7", "value": "Directory.ReadWrite.All", "allowedMemberTypes": ["Application"]},
       {"id": "6918b873-d17a-4dc1-b314-35f528134491", "value": "Contacts.ReadWrite", "allowedMemberTypes": ["Application"]}
     ]},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000002", "appId": "00000002-0000-0ff1-ce00-000000000000",
     "displayName": "Office 365 Exchange Online", "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
     "publisherName": "Microsoft Services", "servicePrincipalType": "Application", "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000003", "appId": "0a1b2c3d-4e5f-4061-8273-9a8b7c6d5e4f",
     "displayName": "vm-build-agent", "servicePrincipalType": "ManagedIdentity", "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000010", "appId": "341E195C-B261-4B05-8BA5-DD4A89B1F3E7",
     "displayName": "Contact Center Bot", "appOwnerOrganizationId": "6a1c3f0e-2b4d-4e8f-9a7b-5c6d7e8f9a0b",
     "publisherName": "Contoso Ltd", "verifiedPublisher": {"displayName": "Contoso"},
     "servicePrincipalType": "Application", "accountEnabled": true, "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000011", "appId": "05c3e7fe-59c1-4d68-b334-336aa7ed4b64",
     "displayName": "Contact Center", "appOwnerOrganizationId": "6a1c3f0e-2b4d-4e8f-9a7b-5c6d7e8f9a0b",
     "publisherName": "Contoso Ltd", "servicePrincipalType": "Application", "accountEnabled": true, "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000012", "appId": "7b7c2d1e-1111-4a2b-8c3d-222233334444",
     "displayName": "POPP VoIP", "publisherName": "POPP", "servicePrincipalType": "Application", "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000013", "appId": "c0ffee00-1234-4abc-8def-0123456789ab",
     "displayName": "Shadow Sync", "publisherName": "Unknown Software", "servicePrincipalType": "Application",
     "accountEnabled": false, "appRoles": []},
    {"id": "9f1c0e52-7a11-4a3c-9d10-000000000014", "appId": "9a1f8e4c-0f4b-4b4e-9d51-3c6f2c1e7a10",
     "displayName": "Contoso Notes", "publisherName": "Contoso", "servicePrincipalType": "Application", "appRoles": []}
  ]
}"#;

const GRANTS: &str = r#"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants",
  "value": [
    {"id": "g1", "clientId": "9f1c0e52-7a11-4a3c-9d10-000000000011", "consentType": "AllPrincipals",
     "principalId": null, "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001",
     "scope": "User.Read Contacts.ReadWrite Mail.ReadWrite"},
    {"id": "g2", "clientId": "9f1c0e52-7a11-4a3c-9d10-000000000013", "consentType": "Principal",
     "principalId": "aaaaaaaa-0000-4000-8000-000000000001", "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001",
     "scope": "Files.Read.All"},
    {"id": "g3", "clientId": "9f1c0e52-7a11-4a3c-9d10-000000000014", "consentType": "AllPrincipals",
     "principalId": null, "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "scope": "User.Read"}
  ]
}"#;

const ASSIGNED_TO: &str = r#"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('9f1c0e52-7a11-4a3c-9d10-000000000001')/appRoleAssignedTo",
  "value": [
    {"id": "a1", "appRoleId": "b633e1c5-b582-4048-a93e-9f11b44c7e96", "principalId": "9f1c0e52-7a11-4a3c-9d10-000000000010",
     "principalType": "ServicePrincipal", "principalDisplayName": "Contact Center Bot",
     "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "resourceDisplayName": "Microsoft Graph"},
    {"id": "a2", "appRoleId": "19dbc75e-c2e2-444c-a770-ec69d8559fc7", "principalId": "9f1c0e52-7a11-4a3c-9d10-000000000010",
     "principalType": "ServicePrincipal", "principalDisplayName": "Contact Center Bot",
     "resourceId": "9f1c0e52-7a11-4a3c-9d10-000000000001", "resourceDisplayName": "Microsoft Graph"}
  ]
}"#;

/// Write the export into `dir` (three files) and return the folder.
pub fn write(dir: &Path) -> PathBuf {
    let folder = dir.join("tenant");
    std::fs::create_dir_all(&folder).expect("create the tenant folder");
    for (name, text) in [
        ("servicePrincipals.json", SERVICE_PRINCIPALS),
        ("oauth2PermissionGrants.json", GRANTS),
        ("appRoleAssignedTo.json", ASSIGNED_TO),
    ] {
        std::fs::write(folder.join(name), text).expect("write an export file");
    }
    folder
}

/// A TUI state on the fixture catalog with this export joined (written to a temp dir).
pub fn state() -> State {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = read_exports(&[write(dir.path())]).unwrap_or_else(|e| panic!("{e}"));
    let mut ws = Workspace::in_memory(super::tui::fixture(), "tui_catalog.json");
    ws.set_tenant(export);
    State::from_workspace(ws).with_theme(Theme::color())
}
