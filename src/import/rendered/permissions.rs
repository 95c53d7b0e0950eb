//! Lines of the Microsoft Graph permission table: `NAME KIND JUSTIFICATION GUID`.

use super::lines::is_guid;
use crate::model::{Permission, PermissionKind, canonical_permission_name, parse_kind};

/// Read one permission line, or `None` when it is not one (neither a permission type nor a
/// registration GUID could be found, e.g. the "此应用程序没有其他 API。" note).
pub fn parse_permission_line(line: &str) -> Option<Permission> {
    let line = line.trim();
    if line.contains('\t') {
        return from_cells(&line.split('\t').map(str::trim).collect::<Vec<_>>());
    }
    let tokens = tokens_with_offsets(line);
    if tokens.len() < 2 {
        return None;
    }
    let (last_start, last) = tokens[tokens.len() - 1];
    let guid = is_guid(last).then(|| last.to_ascii_lowercase());
    let body_end = if guid.is_some() {
        tokens.len() - 1
    } else {
        tokens.len()
    };
    // The type is the first token (or pair, "les deux", "둘 다") after the name that reads as one;
    // names are single scopes in practice, so this also finds it when a name has spaces.
    let found = (1..body_end).find_map(|i| {
        let one = parse_kind(tokens[i].1);
        if one != PermissionKind::Unknown {
            return Some((i, 1, one));
        }
        let pair_end = tokens.get(i + 1).filter(|_| i + 1 < body_end)?;
        let pair = &line[tokens[i].0..pair_end.0 + pair_end.1.len()];
        let two = parse_kind(pair);
        (two != PermissionKind::Unknown).then_some((i, 2, two))
    });
    // Prose contains type words too ("This app has no other APIs."), and a wrapped cell can end
    // in a GUID: a permission line has a scope-shaped name right before its type, or a type
    // after a longer name and a GUID at the end, or a scope-shaped name and a GUID.
    let accepted = match found {
        Some((1, _, _)) => looks_like_scope(tokens[0].1) || guid.is_some(),
        Some(_) => guid.is_some(),
        None => guid.is_some() && looks_like_scope(tokens[0].1),
    };
    if !accepted {
        return None;
    }
    let (kind_at, kind_len, kind) = found.unwrap_or((1, 1, PermissionKind::Unknown));
    let name_end = tokens[kind_at - 1].0 + tokens[kind_at - 1].1.len();
    let raw_name = &line[..name_end];
    let just_start = tokens
        .get(kind_at + kind_len)
        .filter(|_| kind_at + kind_len < body_end)
        .map(|t| t.0);
    let just_end = if guid.is_some() {
        last_start
    } else {
        line.len()
    };
    let justification = just_start.map_or("", |s| line[s..just_end].trim());
    Some(permission(raw_name, kind, justification, guid))
}

/// A tab-separated row: name, type, justification cells, then the GUID when present.
fn from_cells(cells: &[&str]) -> Option<Permission> {
    let (&name, rest) = cells.split_first()?;
    let (&kind, rest) = rest.split_first()?;
    let (guid, middle) = match rest.split_last() {
        Some((last, middle)) if is_guid(last) => (Some(last.to_ascii_lowercase()), middle),
        _ => (None, rest),
    };
    let kind = parse_kind(kind);
    if name.is_empty() || (kind == PermissionKind::Unknown && guid.is_none()) {
        return None;
    }
    Some(permission(name, kind, &middle.join(" "), guid))
}

fn permission(
    raw_name: &str,
    kind: PermissionKind,
    justification: &str,
    registration: Option<String>,
) -> Permission {
    let name = canonical_permission_name(raw_name);
    Permission {
        raw_name: (name != raw_name).then(|| raw_name.to_string()),
        name,
        kind,
        justification: justification.trim().to_string(),
        registration,
        resource: "Microsoft Graph".to_string(),
    }
}

/// `User.Read`, `offline_access`, `openid`, or a translated OpenID scope.
fn looks_like_scope(raw: &str) -> bool {
    let name = canonical_permission_name(raw);
    name.is_ascii()
        && !name.contains(' ')
        && (name.contains(['.', '_'])
            || ["openid", "profile", "email", "offline_access"].contains(&name.as_str()))
}

/// White-space separated tokens with their byte offsets in `line`.
fn tokens_with_offsets(line: &str) -> Vec<(usize, &str)> {
    let base = line.as_ptr() as usize;
    line.split_whitespace()
        .map(|t| (t.as_ptr() as usize - base, t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUID: &str = "05c3e7fe-59c1-4d68-b334-336aa7ed4b64";

    #[test]
    fn name_kind_justification_guid() {
        let p = parse_permission_line(&format!(
            "Directory.Read.All 委托 需要读取目录数据 (获取组织信息) {GUID}"
        ))
        .unwrap();
        assert_eq!(p.name, "Directory.Read.All");
        assert_eq!(p.raw_name, None);
        assert_eq!(p.kind, PermissionKind::Delegated);
        assert_eq!(p.justification, "需要读取目录数据 (获取组织信息)");
        assert_eq!(p.registration.as_deref(), Some(GUID));
    }

    #[test]
    fn translated_scope_is_canonicalized_and_raw_kept() {
        let p = parse_permission_line(
            "电子邮件 委托 查看用户的电子邮件地址 c22c3a9e-5d2c-4177-8ea1-1c53c5af36b8",
        )
        .unwrap();
        assert_eq!(p.name, "email");
        assert_eq!(p.raw_name.as_deref(), Some("电子邮件"));
        assert_eq!(p.justification, "查看用户的电子邮件地址");
    }

    #[test]
    fn guid_is_lower_cased_and_application_kind_read() {
        let p = parse_permission_line(
            "Calls.AccessMedia.All 应用程序 访问媒体需要 341E195C-B261-4B05-8BA5-DD4A89B1F3E7",
        )
        .unwrap();
        assert_eq!(p.kind, PermissionKind::Application);
        assert_eq!(
            p.registration.as_deref(),
            Some("341e195c-b261-4b05-8ba5-dd4a89b1f3e7")
        );
    }

    #[test]
    fn missing_justification_or_guid_is_tolerated() {
        let p = parse_permission_line(&format!("User.Read Delegated {GUID}")).unwrap();
        assert_eq!(p.justification, "");
        let p = parse_permission_line("User.Read Delegated to show the name").unwrap();
        assert_eq!(p.registration, None);
        assert_eq!(p.justification, "to show the name");
    }

    #[test]
    fn two_word_kind_and_spaced_name() {
        let p = parse_permission_line(&format!("Files.Read les deux lire {GUID}")).unwrap();
        assert_eq!(p.kind, PermissionKind::Both);
        assert_eq!(p.justification, "lire");
        let p = parse_permission_line(&format!("Exchange - EWS 委托 邮件 {GUID}")).unwrap();
        assert_eq!(p.raw_name, None);
        assert_eq!(p.name, "Exchange - EWS");
    }

    #[test]
    fn tab_separated_cells() {
        let p = parse_permission_line(&format!("User.Read\tDelegated\tSign in\t{GUID}")).unwrap();
        assert_eq!(p.name, "User.Read");
        assert_eq!(p.justification, "Sign in");
        assert_eq!(p.registration.as_deref(), Some(GUID));
    }

    #[test]
    fn a_wrapped_cell_ending_in_a_guid_is_not_a_permission() {
        assert_eq!(
            parse_permission_line(&format!("编写 access req'd 以从规则发送消息 | {GUID}")),
            None
        );
    }

    #[test]
    fn notes_are_not_permissions() {
        assert_eq!(parse_permission_line("此应用程序没有其他 API。"), None);
        assert_eq!(parse_permission_line("This app has no other APIs."), None);
        assert_eq!(parse_permission_line(""), None);
    }
}
