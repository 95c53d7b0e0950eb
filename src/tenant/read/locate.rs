//! Where an entity starts in a JSON export, to point an error at it. serde reports positions of
//! syntax and type errors but not of a value that parsed and then turned out wrong (an `appId`
//! that is no GUID), so on that path this scans the text again. Written by hand because it only
//! needs to count elements; it keeps no stack, so hostile nesting cannot exhaust one.

/// Byte offset of element `index` of the export's entity list: the top-level array, or the
/// `value` array of a response object. Falls back to the start of the document.
pub fn element_offset(text: &str, index: usize) -> usize {
    let b = text.as_bytes();
    let start = skip_ws(b, 0);
    let array = match b.get(start) {
        Some(b'[') => Some(start),
        Some(b'{') => value_array(b, start),
        _ => None,
    };
    let Some(open) = array else {
        return start;
    };
    let mut pos = skip_ws(b, open + 1);
    for _ in 0..index {
        pos = skip_ws(b, skip_value(b, pos));
        if b.get(pos) != Some(&b',') {
            return start;
        }
        pos = skip_ws(b, pos + 1);
    }
    pos
}

/// The `[` of the top-level object's `value` member.
fn value_array(b: &[u8], open: usize) -> Option<usize> {
    let mut pos = skip_ws(b, open + 1);
    while b.get(pos) == Some(&b'"') {
        let key_end = skip_string(b, pos);
        let key = &b[pos + 1..key_end.saturating_sub(1).max(pos + 1)];
        pos = skip_ws(b, key_end);
        if b.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_ws(b, pos + 1);
        if key == b"value" && b.get(pos) == Some(&b'[') {
            return Some(pos);
        }
        pos = skip_ws(b, skip_value(b, pos));
        if b.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(b, pos + 1);
    }
    None
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while b.get(pos).is_some_and(|c| c.is_ascii_whitespace()) {
        pos += 1;
    }
    pos
}

/// Past the string starting at `pos` (a `"`).
fn skip_string(b: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while let Some(&c) = b.get(pos) {
        match c {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    b.len()
}

/// Past the value starting at `pos`.
fn skip_value(b: &[u8], mut pos: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&c) = b.get(pos) {
        match c {
            b'"' => {
                pos = skip_string(b, pos);
                if depth == 0 {
                    return pos;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return pos;
                }
                depth -= 1;
                if depth == 0 {
                    return pos + 1;
                }
            }
            b',' if depth == 0 => return pos,
            c if depth == 0 && c.is_ascii_whitespace() => return pos,
            _ => {}
        }
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_of_a_bare_array() {
        let text = "[ {\"a\": [1, {\"b\": \"x]\"}]},\n  \"s,\" , 3 ,{\"c\":1}]";
        assert_eq!(&text[element_offset(text, 0)..][..4], "{\"a\"");
        assert_eq!(&text[element_offset(text, 1)..][..4], "\"s,\"");
        assert_eq!(&text[element_offset(text, 2)..][..1], "3");
        assert_eq!(&text[element_offset(text, 3)..][..4], "{\"c\"");
    }

    #[test]
    fn finds_elements_of_a_value_array_after_other_members() {
        let text = "{\"@odata.context\": \"x\\\"value\", \"n\": {\"value\": [0]},\n \"value\": [\n {\"id\": 1},\n {\"id\": 2}]}";
        assert_eq!(&text[element_offset(text, 1)..][..9], "{\"id\": 2}");
    }

    #[test]
    fn falls_back_to_the_start() {
        assert_eq!(element_offset("  {\"id\": 1}", 0), 2);
        assert_eq!(element_offset("[1]", 5), 0);
        assert_eq!(element_offset("", 0), 0);
    }
}
