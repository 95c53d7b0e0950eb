use std::borrow::Cow;

const TAB_WIDTH: usize = 4;

/// Characters that must never reach a terminal from catalog text: C0 and C1 controls (ESC starts
/// every escape sequence; U+009B is a one-character CSI), DEL, and the invisible format characters
/// that reorder or hide text (bidi overrides and isolates, zero-width characters, BOM, line and
/// paragraph separators).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
            | '\u{1D173}'..='\u{1D17A}')
}

/// One line of display-safe text: tabs expand to spaces, line breaks become a space, and every
/// other unsafe character is dropped. Escape sequences lose their ESC and so show as inert text.
pub fn sanitize(input: &str) -> Cow<'_, str> {
    if !input.chars().any(is_unsafe_char) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '\t' => {
                let col = out.chars().rev().take_while(|&c| c != '\n').count();
                let pad = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("联系人中心 Contact"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]0;title\u{7}b\u{9b}2J");
        assert!(!s.chars().any(is_unsafe_char));
        assert_eq!(s, "a[31mred]0;titleb2J");
    }

    #[test]
    fn bidi_and_zero_width_are_removed() {
        assert_eq!(sanitize("a\u{202E}b\u{2066}c\u{200B}d\u{FEFF}e"), "abcde");
    }

    #[test]
    fn tabs_expand_and_newlines_become_spaces() {
        assert_eq!(sanitize("ab\tc"), "ab  c");
        assert_eq!(sanitize("a\r\nb"), "a b");
    }
}
