//! Export bytes to text. Exports come from Windows as often as not: Windows PowerShell 5.1's
//! `>` and `Out-File` write UTF-16LE with a byte-order mark, `-Encoding utf8` writes UTF-8 with
//! one, `Set-Content` and `Export-Csv` write the legacy ANSI code page or ASCII; PowerShell 7
//! writes UTF-8 without a mark.

/// The text, and a note when something had to be replaced to get it.
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        return utf8(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    // UTF-16 without a mark (written by .NET's Unicode encoding without a preamble): JSON and
    // CSV start with an ASCII character, so its other byte is zero.
    match bytes[..] {
        [a, 0, ..] if a.is_ascii() && a != 0 => utf16(&bytes, u16::from_le_bytes),
        [0, b, ..] if b.is_ascii() && b != 0 => utf16(&bytes, u16::from_be_bytes),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, note: None },
        // The ANSI code page depends on the machine that wrote the file, so it cannot be
        // decoded faithfully; GUIDs and permission names are ASCII and survive, names may not.
        Err(e) => Decoded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            note: Some(
                "is not UTF-8 (Windows PowerShell's Set-Content and Export-Csv write the local ANSI code page): characters it could not read are shown as \u{FFFD}; export with -Encoding utf8"
                    .into(),
            ),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut bad = bytes.len() % 2 == 1;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad = true;
            char::REPLACEMENT_CHARACTER
        }));
    }
    Decoded {
        text,
        note: bad
            .then(|| "is not valid UTF-16: unreadable characters are shown as \u{FFFD}".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        let text = "[{\"displayName\": \"联系人中心\"}]";
        assert_eq!(decode(text.as_bytes().to_vec()).text, text);
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode(with_bom).text, text);
        assert_eq!(decode(utf16le(text, true)).text, text);
        assert_eq!(decode(utf16le(text, false)).text, text);
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(be);
        assert_eq!(d.text, text);
        assert!(d.note.is_none());
    }

    #[test]
    fn ansi_text_is_read_with_a_note() {
        let d = decode(b"[{\"displayName\": \"Caf\xe9\"}]".to_vec());
        assert_eq!(d.text, "[{\"displayName\": \"Caf\u{FFFD}\"}]");
        assert!(d.note.unwrap().contains("not UTF-8"));
    }

    #[test]
    fn broken_utf16_is_read_with_a_note() {
        let mut bytes = utf16le("[1]", true);
        bytes.extend([0x00, 0xD8]); // a lone high surrogate
        let d = decode(bytes);
        assert!(d.text.starts_with("[1]"));
        assert!(d.note.is_some());
    }
}
