//! GUIDs as exports and attestation pages write them: any case, with or without braces,
//! hyphens or a `urn:uuid:` prefix.

use std::fmt;

/// A GUID as a number: exports hold hundreds of thousands of them, and a number is compared and
/// hashed without touching text. Shown in canonical form (lower case, hyphenated).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Guid(pub u128);

impl Guid {
    /// Read a GUID in any of the usual forms, or None.
    pub fn parse(s: &str) -> Option<Guid> {
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
        let digits: &[usize] = match bytes.len() {
            36 if [8, 13, 18, 23].iter().all(|&i| bytes[i] == b'-') => &HYPHENATED,
            32 => &PLAIN,
            _ => return None,
        };
        let mut value = 0u128;
        for &i in digits {
            let d = HEX[usize::from(bytes[i])];
            if d > 15 {
                return None;
            }
            value = value << 4 | u128::from(d);
        }
        Some(Guid(value))
    }
}

/// Where the 32 digits are in the hyphenated and the plain form.
const HYPHENATED: [usize; 32] = {
    let mut at = [0; 32];
    let mut i = 0;
    let mut pos = 0;
    while i < 32 {
        if pos == 8 || pos == 13 || pos == 18 || pos == 23 {
            pos += 1;
        }
        at[i] = pos;
        i += 1;
        pos += 1;
    }
    at
};
const PLAIN: [usize; 32] = {
    let mut at = [0; 32];
    let mut i = 0;
    while i < 32 {
        at[i] = i;
        i += 1;
    }
    at
};

/// Each byte's hex digit value, or 255.
const HEX: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let v = self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (v >> 96) as u32,
            (v >> 80) as u16,
            (v >> 64) as u16,
            (v >> 48) as u16,
            v & 0xffff_ffff_ffff
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Guid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The canonical form of a GUID (lower case, hyphenated, no braces), or None when `s` is not a
/// GUID in one of the usual forms.
pub fn normalize_guid(s: &str) -> Option<String> {
    Guid::parse(s).map(|g| g.to_string())
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
    fn guids_show_in_canonical_form() {
        let g = Guid::parse("{0B1E9C6F-4D2A-4F3B-9E8D-7C6B5A493827}").unwrap();
        assert_eq!(g.to_string(), "0b1e9c6f-4d2a-4f3b-9e8d-7c6b5a493827");
        assert_eq!(
            Guid::parse("00000000-0000-0000-0000-000000000000"),
            Some(Guid(0))
        );
        assert_eq!(
            Guid(u128::MAX).to_string(),
            "ffffffff-ffff-ffff-ffff-ffffffffffff"
        );
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
