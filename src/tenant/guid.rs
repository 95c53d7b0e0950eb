//! GUIDs as exports and attestation pages write them: any case, with or without braces,
//! hyphens or a `urn:uuid:` prefix.

/// The canonical form of a GUID (lower case, hyphenated, no braces), or None when `s` is not a
/// GUID in one of the usual forms.
pub fn normalize_guid(s: &str) -> Option<String> {
    let mut t = s.trim();
    if let Some(prefix) = t.get(..9)
        && prefix.eq_ignore_ascii_case("urn:uuid:")
    {
        t = &t[9..];
    }
    if let Some(inner) = t
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .or_else(|| t.strip_prefix('(').and_then(|x| x.strip_suffix(')')))
    {
        t = inner;
    }
    let bytes = t.as_bytes();
    let digits: Vec<u8> = match bytes.len() {
        36 if [8, 13, 18, 23].iter().all(|&i| bytes[i] == b'-') => {
            bytes.iter().copied().filter(|&b| b != b'-').collect()
        }
        32 => bytes.to_vec(),
        _ => return None,
    };
    if digits.len() != 32 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut out = String::with_capacity(36);
    for (i, b) in digits.iter().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_forms_are_one_guid() {
        let canonical = "341e195c-b261-4b05-8ba5-dd4a89b1f3e7";
        for form in [
            canonical,
            "341E195C-B261-4B05-8BA5-DD4A89B1F3E7",
            "{341e195c-b261-4b05-8ba5-dd4a89b1f3e7}",
            "(341E195C-b261-4b05-8ba5-dd4a89b1f3e7)",
            "urn:uuid:341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
            "341e195cb2614b058ba5dd4a89b1f3e7",
            "  341e195c-b261-4b05-8ba5-dd4a89b1f3e7\t",
        ] {
            assert_eq!(normalize_guid(form).as_deref(), Some(canonical), "{form}");
        }
    }

    #[test]
    fn other_text_is_not_a_guid() {
        for bad in [
            "",
            "not-a-guid",
            "341e195c-b261-4b05-8ba5-dd4a89b1f3e",
            "341e195c-b261-4b05-8ba5-dd4a89b1f3eg",
            "341e195cb261-4b05-8ba5-dd4a89b1f3e7-",
            "{341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
            "урн:uuid:341e195c-b261-4b05-8ba5-dd4a89b1f3e7",
        ] {
            assert_eq!(normalize_guid(bad), None, "{bad}");
        }
    }
}
