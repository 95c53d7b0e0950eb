//! The tenant join benchmark (see BENCHMARKS.md):
//! `cargo run --release --example bench_tenant -- [--corpus DIR] [--sps N] [--grants N] [--runs N]`.
//!
//! Imports the corpus into a catalog, writes a synthetic tenant export shaped like Microsoft
//! Graph responses (N service principals, every corpus registration among them, Microsoft's own
//! apps, the Microsoft Graph resource with its app roles; N grants, 70% oAuth2PermissionGrants
//! and 30% appRoleAssignments) to a temporary folder, then times reading it (`read_exports`) and
//! joining it (`TenantIndex::build`). Medians of 7 runs (`--runs`); freeing results is not timed.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::model::Catalog;
use attest_tui::risk::RiskTable;
use attest_tui::synth::{Rng, guid};
use attest_tui::tenant::{TenantIndex, read_exports};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const APP_ROLES: &str = include_str!("../data/graph_app_roles.json");
const GRAPH_OBJECT: &str = "0e1d2c3b-4a59-4867-9586-a4b3c2d1e0f9";
const SCOPES: &[&str] = &[
    "openid",
    "profile",
    "email",
    "offline_access",
    "User.Read",
    "User.ReadBasic.All",
    "User.Read.All",
    "Mail.Read",
    "Mail.Send",
    "Calendars.ReadWrite",
    "Files.ReadWrite.All",
    "Sites.Read.All",
    "Chat.Read",
    "ChannelMessage.Send",
    "Team.ReadBasic.All",
    "Presence.Read.All",
    "Directory.Read.All",
    "Group.ReadWrite.All",
    "Tasks.ReadWrite",
    "OnlineMeetings.ReadWrite",
];

fn registrations(catalog: &Catalog) -> Vec<String> {
    let mut out: Vec<String> = catalog
        .apps
        .iter()
        .flat_map(|a| a.permissions.iter().filter_map(|p| p.registration.clone()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Three Graph response files: service principals, delegated grants, app role assignments.
fn write_export(catalog: &Catalog, sps: usize, grants: usize, dir: &std::path::Path) -> u64 {
    #[derive(serde::Deserialize)]
    struct Roles {
        app_roles: Vec<(String, String)>,
    }
    let roles: Roles = serde_json::from_str(APP_ROLES).expect("embedded table");
    let mut rng = Rng(0x007e_4a17_2024);
    let regs = registrations(catalog);
    let mut objects = Vec::with_capacity(sps);
    let mut sp_json = Vec::with_capacity(sps + 1);
    let role_objects: Vec<String> = roles.app_roles[..roles.app_roles.len() / 2]
        .iter()
        .map(|(id, value)| {
            format!(
                r#"{{"allowedMemberTypes":["Application"],"description":"Allows the app to {value}.","displayName":"{value}","id":"{id}","isEnabled":true,"origin":"Application","value":"{value}"}}"#
            )
        })
        .collect();
    sp_json.push(format!(
        r#"{{"id":"{GRAPH_OBJECT}","accountEnabled":true,"appDisplayName":"Microsoft Graph","appId":"00000003-0000-0000-c000-000000000000","appOwnerOrganizationId":"f8cdef31-a31e-4b4a-93e4-5f571e91255a","displayName":"Microsoft Graph","publisherName":"Microsoft Services","servicePrincipalType":"Application","appRoles":[{}]}}"#,
        role_objects.join(",")
    ));
    for i in 0..sps {
        let object = guid(&mut rng);
        let (app_id, owner) = if i < regs.len() {
            (regs[i].clone(), guid(&mut rng))
        } else if i % 10 == 0 {
            (
                guid(&mut rng),
                "f8cdef31-a31e-4b4a-93e4-5f571e91255a".to_string(),
            )
        } else {
            (guid(&mut rng), guid(&mut rng))
        };
        sp_json.push(format!(
            r#"{{"id":"{object}","deletedDateTime":null,"accountEnabled":true,"appDisplayName":"App {i}","appId":"{app_id}","appOwnerOrganizationId":"{owner}","appRoleAssignmentRequired":false,"displayName":"App {i}","homepage":"https://app{i}.example.com","publisherName":"Publisher {}","servicePrincipalNames":["{app_id}"],"servicePrincipalType":"Application","signInAudience":"AzureADMultipleOrgs","tags":["WindowsAzureActiveDirectoryIntegratedApp"],"verifiedPublisher":{{"displayName":null,"verifiedPublisherId":null,"addedDateTime":null}},"appRoles":[],"oauth2PermissionScopes":[]}}"#,
            i % 997
        ));
        objects.push(object);
    }
    let users: Vec<String> = (0..5_000).map(|_| guid(&mut rng)).collect();
    let delegated = grants * 7 / 10;
    let mut grant_json = Vec::with_capacity(delegated);
    for _ in 0..delegated {
        let client = &objects[rng.below(objects.len())];
        let n = 1 + rng.below(4);
        let scope: Vec<&str> = (0..n).map(|_| SCOPES[rng.below(SCOPES.len())]).collect();
        let (consent, principal) = if rng.below(10) < 3 {
            ("AllPrincipals", "null".to_string())
        } else {
            (
                "Principal",
                format!("\"{}\"", users[rng.below(users.len())]),
            )
        };
        grant_json.push(format!(
            r#"{{"clientId":"{client}","consentType":"{consent}","id":"{}","principalId":{principal},"resourceId":"{GRAPH_OBJECT}","scope":"{}"}}"#,
            guid(&mut rng),
            scope.join(" ")
        ));
    }
    let mut assignment_json = Vec::with_capacity(grants - delegated);
    for _ in delegated..grants {
        let client = &objects[rng.below(objects.len())];
        let (role, _) = &roles.app_roles[rng.below(roles.app_roles.len())];
        assignment_json.push(format!(
            r#"{{"id":"{}","deletedDateTime":null,"appRoleId":"{role}","createdDateTime":"2024-05-02T09:14:03.5162751Z","principalDisplayName":"App","principalId":"{client}","principalType":"ServicePrincipal","resourceDisplayName":"Microsoft Graph","resourceId":"{GRAPH_OBJECT}"}}"#,
            guid(&mut rng)
        ));
    }
    let mut bytes = 0;
    for (name, context, items) in [
        ("servicePrincipals.json", "servicePrincipals", sp_json),
        (
            "oauth2PermissionGrants.json",
            "oauth2PermissionGrants",
            grant_json,
        ),
        (
            "appRoleAssignments.json",
            "appRoleAssignments",
            assignment_json,
        ),
    ] {
        let text = format!(
            "{{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#{context}\",\"value\":[\n{}\n]}}",
            items.join(",\n")
        );
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text).expect("write the export");
    }
    bytes
}

/// Time this thread has spent on a CPU (Linux `schedstat`): on a shared machine the wall clock
/// also counts time spent waiting for a core, so both are reported.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut corpus = PathBuf::from("../shared/corpus/zh-CN");
    let (mut sps, mut grants, mut n) = (10_000, 100_000, 7);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--corpus" => corpus = value.into(),
            "--sps" => sps = value.parse().expect("--sps N"),
            "--grants" => grants = value.parse().expect("--grants N"),
            "--runs" => n = value.parse().expect("--runs N"),
            _ => panic!("unknown argument {arg}"),
        }
    }
    let (catalog, _) =
        import_paths(&[corpus.clone()], &ImportOptions { strict: false }).expect("import");
    let dir = std::env::temp_dir().join(format!("attest-tenant-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bytes = write_export(&catalog, sps, grants, &dir);
    let risk = RiskTable::embedded();
    let paths = [dir.clone()];
    let (mut read, mut join, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let (mut cpu_read, mut cpu_join) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..n {
        let c0 = cpu_time();
        let t = Instant::now();
        let export = read_exports(&paths).expect("read the export");
        let r = t.elapsed();
        let c1 = cpu_time();
        let t2 = Instant::now();
        let index = TenantIndex::build(export, &catalog, risk);
        let j = t2.elapsed();
        if let (Some(c0), Some(c1), Some(c2)) = (c0, c1, cpu_time()) {
            cpu_read.push(c1 - c0);
            cpu_join.push(c2 - c1);
        }
        read.push(r);
        join.push(j);
        total.push(r + j);
        drop(last.replace(index)); // not timed
    }
    let index = last.expect("ran");
    let s = &index.report.summary;
    println!(
        "tenant: {} apps from {} ({} registrations); export of {sps} service principals and {grants} grants ({} delegated grants, {} app role assignments), {:.1} MB in 3 files",
        catalog.apps.len(),
        corpus.display(),
        registrations(&catalog).len(),
        grants * 7 / 10,
        grants - grants * 7 / 10,
        bytes as f64 / 1e6
    );
    println!(
        "  joined: {} apps, {} attested ({} certified), {} first-party; undeclared critical in {}, high in {}",
        s.apps, s.attested, s.certified, s.first_party, s.undeclared_critical, s.undeclared_high
    );
    println!(
        "  wall: read_exports {:.1} ms + TenantIndex::build {:.1} ms = {:.1} ms (medians of {n})",
        ms(median(read)),
        ms(median(join)),
        ms(median(total)),
    );
    if !cpu_read.is_empty() {
        let both: Vec<Duration> = cpu_read
            .iter()
            .zip(&cpu_join)
            .map(|(a, b)| *a + *b)
            .collect();
        println!(
            "  on a CPU: read_exports {:.1} ms + TenantIndex::build {:.1} ms = {:.1} ms",
            ms(median(cpu_read)),
            ms(median(cpu_join)),
            ms(median(both)),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
