//! Microsoft Graph permission tables. Pages in every language share their shape, not their words:
//! 4 columns (permission, type, justification, app id) or 5 columns (permission, type, data
//! collected and why, data stored and why, app id), the last cell a link to `azure/<guid>`.
//! Pages of 2020 have no app-id column: permission, type, justification, stored or not; their
//! permissions have no registration.

use std::borrow::Cow;

use super::inline::{clean, find_guid, urls};
use super::tables::RawTable;
use crate::model::{
    Answer, HeaderKinds, Permission, PermissionKind, canonical_permission_name, normalize_answer,
    parse_kind, parse_kind_with,
};

/// Whether `table` is a permission table: 4 or 5 columns and an app-id last column, known by
/// the brand words every translation keeps ("Azure", "ID") or by a registration link in a row.
pub fn is_permission_table(table: &RawTable) -> bool {
    let n = table.header.len();
    if !(n == 4 || n == 5) {
        return false;
    }
    let last = clean(&table.header[n - 1]).to_lowercase();
    let names_app_id = last.contains("azure") || last.split_whitespace().any(|w| w == "id");
    let links_registration = table.rows.iter().any(|r| {
        r.cells
            .last()
            .is_some_and(|c| c.contains("azure/") && find_guid(c).is_some())
    });
    names_app_id || links_registration || is_registrationless(table)
}

/// The 2020 layout: four columns, the second the permission type, known by its header naming
/// the two kinds ("Delegated/Application" in the page's language) or by its cells being kinds.
fn is_registrationless(table: &RawTable) -> bool {
    if table.header.len() != 4
        || table
            .rows
            .iter()
            .any(|r| r.cells.last().is_some_and(|c| find_guid(c).is_some()))
    {
        return false;
    }
    let header = clean(&table.header[1]);
    let header_kinds = HeaderKinds::from_header(&header);
    let names_kinds = header_kinds.as_ref().is_some_and(|h| {
        parse_kind(&h.delegated) == PermissionKind::Delegated
            && parse_kind(&h.application) == PermissionKind::Application
    });
    let cells: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(1).map(|c| clean(c)))
        .filter(|c| !c.is_empty() && normalize_answer(c) != Answer::NotApplicable)
        .collect();
    let kinds = cells
        .iter()
        .filter(|c| parse_kind_with(c, header_kinds.as_ref()) != PermissionKind::Unknown)
        .count();
    names_kinds || (!cells.is_empty() && kinds * 2 > cells.len())
}

/// A row that did not fit the table's shape, for the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaggedRow {
    /// 0-based line index.
    pub line: usize,
    pub expected: usize,
    pub found: usize,
}

/// The permissions of a table recognized by [`is_permission_table`], and rows that had to be
/// padded or joined to fit.
pub fn read(table: &RawTable) -> (Vec<Permission>, Vec<RaggedRow>) {
    let n = table.header.len();
    let header_kinds = HeaderKinds::from_header(&clean(&table.header[1]));
    let no_registration = is_registrationless(table);
    let mut ragged = Vec::new();
    let mut out = Vec::new();
    for row in &table.rows {
        if row.cells.iter().all(|c| clean(c).is_empty()) {
            continue;
        }
        // "N/A | N/A | N/A | N/A": the 2020 form's way of saying there is none.
        if row
            .cells
            .iter()
            .take(2)
            .all(|c| normalize_answer(&clean(c)) == Answer::NotApplicable)
        {
            continue;
        }
        if row.cells.len() != n {
            ragged.push(RaggedRow {
                line: row.line,
                expected: n,
                found: row.cells.len(),
            });
        }
        let cells = fit(&row.cells, n);
        let raw_name = clean(&cells[0]);
        let name = canonical_permission_name(&raw_name);
        let justification = if no_registration {
            justified_and_stored(&clean(&cells[2]), &clean(&cells[3]))
        } else if n == 4 {
            clean(&cells[2])
        } else {
            collected_and_stored(&clean(&cells[2]), &clean(&cells[3]))
        };
        out.push(Permission {
            raw_name: (raw_name != name).then_some(raw_name),
            name,
            kind: parse_kind_with(&clean(&cells[1]), header_kinds.as_ref()),
            justification,
            registration: if no_registration {
                None
            } else {
                registration_guid(&cells[n - 1])
            },
            resource: "Microsoft Graph".to_string(),
        });
    }
    (out, ragged)
}

/// The registration GUID of an app-id cell: from a link to `azure/<guid>` first, else a bare
/// GUID in the text; `None` for an empty cell or an empty link (`[](../azure/.md)`).
pub fn registration_guid(cell: &str) -> Option<String> {
    urls(cell)
        .into_iter()
        .filter(|u| u.contains("azure"))
        .find_map(find_guid)
        .or_else(|| find_guid(cell))
}

/// `n` cells from a row with too many or too few: a pipe typed inside the justification splits
/// it, so extra middle cells are joined back there; missing cells are empty.
fn fit<'a>(cells: &[Cow<'a, str>], n: usize) -> Vec<Cow<'a, str>> {
    if cells.len() == n {
        return cells.to_vec();
    }
    if cells.len() > n {
        let tail = n - 3; // cells after the first justification column
        let mut out: Vec<Cow<'a, str>> = cells[..2].to_vec();
        out.push(Cow::Owned(cells[2..cells.len() - tail].join(" | ")));
        out.extend_from_slice(&cells[cells.len() - tail..]);
        return out;
    }
    let mut out = cells.to_vec();
    out.resize(n, Cow::Borrowed(""));
    out
}

fn justified_and_stored(why: &str, stored: &str) -> String {
    match (why.is_empty(), stored.is_empty()) {
        (_, true) => why.to_string(),
        (true, false) => format!("Stored: {stored}"),
        (false, false) => format!("{why}; Stored: {stored}"),
    }
}

fn collected_and_stored(collected: &str, stored: &str) -> String {
    match (collected.is_empty(), stored.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("Collected: {collected}"),
        (true, false) => format!("Stored: {stored}"),
        (false, false) => format!("Collected: {collected}; Stored: {stored}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::table_at;
    use super::*;
    use crate::model::PermissionKind;

    const GUID: &str = "b8e57f6b-31cf-468e-9e99-81f0395cb1f9";

    #[test]
    fn four_column_table_reads_name_kind_justification_and_guid() {
        let lines = [
            ">|   **Graph权限**  | **权限类型** | **字距调整** | **Azure AD应用 ID** |",
            ">|:--|:--|:--|:--|",
            ">| openid | 委托 | 令牌。 | [B8E57F6B-31cf-468e-9e99-81f0395cb1f9](../azure/b8e57f6b-31cf-468e-9e99-81f0395cb1f9.md) |",
            ">| 个人资料 | 应用程序 | 名称 | |",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(is_permission_table(&t));
        let (perms, ragged) = read(&t);
        assert!(ragged.is_empty());
        assert_eq!(perms.len(), 2);
        assert_eq!(perms[0].name, "openid");
        assert_eq!(perms[0].raw_name, None);
        assert_eq!(perms[0].kind, PermissionKind::Delegated);
        assert_eq!(perms[0].justification, "令牌。");
        assert_eq!(perms[0].registration.as_deref(), Some(GUID));
        assert_eq!(perms[0].resource, "Microsoft Graph");
        assert_eq!(perms[1].name, "profile");
        assert_eq!(perms[1].raw_name.as_deref(), Some("个人资料"));
        assert_eq!(perms[1].kind, PermissionKind::Application);
        assert_eq!(perms[1].registration, None);
    }

    #[test]
    fn five_column_table_combines_collected_and_stored() {
        let lines = [
            ">| **Permission** | **Type** | **Collected? Why?** | **Stored? Why?** | **Azure AD App ID** |",
            ">|:--|:--|:--|:--|:--|",
            &format!(
                ">| User.Read | Delegated | Email. | Name. | [{GUID}](/microsoft-365-app-certification/azure/{GUID}) |"
            ),
            ">| Mail.Read | Application | | No. | [](../azure/.md) |",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(is_permission_table(&t));
        let (perms, _) = read(&t);
        assert_eq!(perms[0].justification, "Collected: Email.; Stored: Name.");
        assert_eq!(perms[0].registration.as_deref(), Some(GUID));
        assert_eq!(perms[1].justification, "Stored: No.");
        assert_eq!(perms[1].registration, None);
    }

    #[test]
    fn a_pipe_inside_the_justification_is_joined_back() {
        let lines = [
            "| P | T | J | Azure AD ID |",
            "|---|---|---|---|",
            &format!("| User.Read | 委托 | a | b | {GUID} |"),
            "| Mail.Send | 委托 |",
        ];
        let t = table_at(&lines, 0).unwrap();
        let (perms, ragged) = read(&t);
        assert_eq!(perms[0].justification, "a | b");
        assert_eq!(perms[0].registration.as_deref(), Some(GUID));
        assert_eq!(perms[1].justification, "");
        assert_eq!(ragged.len(), 2);
        assert_eq!((ragged[1].expected, ragged[1].found), (4, 2));
    }

    #[test]
    fn the_2020_layout_without_an_app_id_column_gives_permissions_without_registration() {
        let lines = [
            ">| **Permission** | **Delegated/Application** | **Justification/Purpose** | **Is any of this data stored in app database(s)?** |",
            ">|:--|:--|:--|:--|",
            ">| User.Read | Delegated | Sign the user in. | Name and email. |",
            ">| Files.Read.All | Application | Read shared files. | No |",
            ">| N/A | N/A | N/A | N/A |",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(is_permission_table(&t));
        let (perms, ragged) = read(&t);
        assert!(ragged.is_empty());
        assert_eq!(perms.len(), 2, "the N/A row is no permission");
        assert_eq!(perms[0].kind, PermissionKind::Delegated);
        assert_eq!(perms[0].registration, None);
        assert_eq!(
            perms[0].justification,
            "Sign the user in.; Stored: Name and email."
        );
        assert_eq!(perms[1].kind, PermissionKind::Application);
        // A translated header without parentheses: the cells are kinds.
        let lines = [
            "| Berechtigung | Delegiert/Anwendung | Begründung | Gespeichert? |",
            "|--|--|--|--|",
            "| Mail.Read | Delegiert | x | Nein |",
        ];
        let t = table_at(&lines, 0).unwrap();
        assert!(is_permission_table(&t));
        assert_eq!(read(&t).0[0].registration, None);
    }

    #[test]
    fn other_tables_are_not_permission_tables() {
        let lines = [
            "| **API** | **OII?** | **Which?** | **Why?** | **Stored?** | **Why stored?** |",
            "|--|--|--|--|--|--|",
        ];
        assert!(!is_permission_table(&table_at(&lines, 0).unwrap()));
        let lines = ["| a | b | c | d |", "|--|--|--|--|", "| x | y | z | w |"];
        assert!(!is_permission_table(&table_at(&lines, 0).unwrap()));
    }
}
