//! The one sanitizer for text from a catalog, a page or a config file, decided by Unicode
//! property rather than by a list of characters somebody thought of:
//!
//! - general category `Cc` (C0 and C1 controls: ESC starts every escape sequence, U+009B is a
//!   one-character CSI), `Cf` (every format character: bidi embeddings, overrides, isolates
//!   and marks, zero-width characters, the BOM, the prepended number signs U+0600…, U+110BD,
//!   tag characters), `Zl` and `Zp` (line and paragraph separators), and the rest of
//!   `Default_Ignorable_Code_Point` (Unicode's PropList: Hangul fillers, variation selectors,
//!   and the reserved code points that a renderer must show as nothing, such as the whole tag
//!   block U+E0000–U+E0FFF);
//! - combining marks (general category `M`) are kept up to [`MAX_MARKS`] on one character,
//!   and one user-perceived character (grapheme cluster) up to [`MAX_CLUSTER_CHARS`] code
//!   points, so a million marks on one letter cost nothing on each redraw.
//!
//! The TUI's views, every CLI output (through [`super::output`]), OSC 52 payloads and the link
//! opener all use it. Other modules: call [`sanitize`] for one line of display text,
//! [`sanitize_multiline`] for text whose line breaks matter, [`is_unsafe_char`] to test one
//! character; to write to stdout or stderr, use [`super::output`], which calls these for you.

use std::borrow::Cow;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

const TAB_WIDTH: usize = 4;

/// Combining marks kept after one base character. Real text needs few (Vietnamese two, Thai
/// three, pointed Hebrew with cantillation four); more is a "Zalgo" tower.
pub const MAX_MARKS: usize = 8;

/// Code points kept in one grapheme cluster: room for long Indic conjuncts and emoji
/// sequences, while a cluster grown by other extenders (conjoining jamo, spacing marks) stays
/// bounded.
pub const MAX_CLUSTER_CHARS: usize = 32;

/// Whether `c` must never reach a terminal: see the module documentation.
pub fn is_unsafe_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    // Blocks that hold no control, format, separator or default-ignorable character, checked
    // before the table lookup because page text is mostly here (Latin, Greek, Cyrillic, Hebrew,
    // CJK, kana, Hangul, full-width forms). The exclusions: U+00AD soft hyphen, U+034F
    // combining grapheme joiner, U+3164 and U+FFA0 Hangul fillers. `hostile_output.rs` checks
    // every code point against an independent table, these included.
    if matches!(c, '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{34E}' | '\u{350}'..='\u{5FF}' | '\u{3165}'..='\u{FDFF}' | '\u{FF01}'..='\u{FF9F}')
    {
        return false;
    }
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::Surrogate
    ) || is_other_default_ignorable(c)
}

/// `Other_Default_Ignorable_Code_Point` and `Variation_Selector` from Unicode's PropList.txt:
/// the default-ignorable characters that are not `Cf`. Both properties are closed lists that
/// Unicode keeps stable; `unicode-properties` has general categories only, so they are here.
fn is_other_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{034F}'                    // combining grapheme joiner
        | '\u{115F}'..='\u{1160}'     // Hangul choseong and jungseong fillers
        | '\u{17B4}'..='\u{17B5}'     // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}'     // Mongolian free variation selectors
        | '\u{2065}'                  // reserved in the invisible operators block
        | '\u{3164}'                  // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'     // variation selectors
        | '\u{FFA0}'                  // halfwidth Hangul filler
        | '\u{FFF0}'..='\u{FFF8}'     // reserved before the interlinear annotation controls
        | '\u{E0000}'..='\u{E0FFF}') // tags, variation selectors supplement, reserved
}

/// Whether `c` is a combining mark (general category `Mn`, `Mc` or `Me`).
pub fn is_mark(c: char) -> bool {
    // CJK ideographs and Hangul syllables, most of the page text: no marks there.
    !c.is_ascii()
        && !matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
        && matches!(
            c.general_category(),
            GeneralCategory::NonspacingMark
                | GeneralCategory::SpacingMark
                | GeneralCategory::EnclosingMark
        )
}

/// One line of display-safe text: tabs expand to spaces, line breaks become a space, every
/// other unsafe character is dropped and combining marks are capped. Escape sequences lose
/// their ESC and so show as inert text.
pub fn sanitize(input: &str) -> Cow<'_, str> {
    clean(input, false)
}

/// As [`sanitize`], but line breaks (LF, CR LF, a lone CR, U+0085, U+2028, U+2029) become `\n`
/// instead of a space: for whole outputs of several lines.
pub fn sanitize_multiline(input: &str) -> Cow<'_, str> {
    clean(input, true)
}

fn clean(input: &str, keep_lines: bool) -> Cow<'_, str> {
    let ascii_clean = input
        .bytes()
        .all(|b| (b' '..0x7f).contains(&b) || (keep_lines && b == b'\n'));
    if ascii_clean {
        return Cow::Borrowed(input);
    }
    let dropped = drop_unsafe(input, keep_lines);
    match cap_marks(&dropped) {
        Cow::Borrowed(_) => dropped,
        Cow::Owned(capped) => Cow::Owned(capped),
    }
}

fn drop_unsafe(input: &str, keep_lines: bool) -> Cow<'_, str> {
    if !input.chars().any(is_unsafe_char) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    // Characters since the last line break, for tab stops (counted, not searched for, so many
    // tabs on one long line stay linear).
    let mut column = 0usize;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => {
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                if keep_lines {
                    out.push('\n');
                    column = 0;
                } else if !out.ends_with(' ') {
                    out.push(' ');
                    column += 1;
                }
            }
            c if is_unsafe_char(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Keep at most [`MAX_MARKS`] marks after each base character and [`MAX_CLUSTER_CHARS`] code
/// points per grapheme cluster.
fn cap_marks(input: &str) -> Cow<'_, str> {
    if input.is_ascii() || !needs_cap(input) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len().min(1 << 20));
    for cluster in input.graphemes(true) {
        let (mut marks, mut kept) = (0usize, 0usize);
        for c in cluster.chars() {
            if kept == MAX_CLUSTER_CHARS {
                break;
            }
            if is_mark(c) {
                marks += 1;
                if marks > MAX_MARKS {
                    continue;
                }
            } else {
                marks = 0;
            }
            out.push(c);
            kept += 1;
        }
    }
    Cow::Owned(out)
}

/// Whether some run of marks or some cluster is over the caps: one cheap pass over the
/// characters, so the common case allocates nothing and segments nothing. A grapheme cluster
/// never spans two neighbouring [`always_breaks`] characters, so counting the characters since
/// the last such pair bounds every cluster's length; only when that count passes the cap are
/// clusters looked at.
pub(super) fn needs_cap(input: &str) -> bool {
    let bytes = input.as_bytes();
    let (mut marks, mut run, mut prev_breaks, mut long_run) = (0usize, 0usize, true, false);
    let mut i = 0;
    while i < bytes.len() {
        let end = plain_run_end(bytes, i);
        if end > i {
            // A plain character always breaks and is never a mark, so after the first of a run
            // the count starts over: the rest of the run needs no look.
            run = if prev_breaks { 1 } else { run + 1 };
            long_run |= run > MAX_CLUSTER_CHARS;
            if end > i + plain_len(bytes[i]) {
                run = 1;
            }
            (prev_breaks, marks, i) = (true, 0, end);
            continue;
        }
        let c = input[i..]
            .chars()
            .next()
            .expect("a char starts after a plain run");
        i += c.len_utf8();
        let breaks = always_breaks(c);
        run = if breaks && prev_breaks { 1 } else { run + 1 };
        prev_breaks = breaks;
        long_run |= run > MAX_CLUSTER_CHARS;
        marks = if is_mark(c) { marks + 1 } else { 0 };
        if marks > MAX_MARKS {
            return true;
        }
    }
    long_run
        && input
            .graphemes(true)
            .any(|g| g.chars().nth(MAX_CLUSTER_CHARS).is_some())
}

/// Where the run of plain characters from `from` ends: ASCII and the CJK ideographs
/// U+4E00–U+9FFF, which always break a cluster ([`always_breaks`]), are never marks, and beyond
/// ASCII are never unsafe. Most JSON and page text is made of them, and they are told from their
/// UTF-8 bytes alone (ASCII a chunk at a time), without decoding.
pub(super) fn plain_run_end(bytes: &[u8], mut from: usize) -> usize {
    const CHUNK: usize = 16;
    loop {
        while from + CHUNK <= bytes.len() && bytes[from..from + CHUNK].is_ascii() {
            from += CHUNK;
        }
        match bytes.get(from..) {
            Some([b, ..]) if b.is_ascii() => from += 1,
            // Lead bytes of U+5000–U+9FFF, and of U+4E00–U+4FFF with their second byte.
            Some([0xE5..=0xE9, ..] | [0xE4, 0xB8..=0xBF, ..]) => from += 3,
            _ => return from,
        }
    }
}

/// The length in bytes of the plain character that starts with `lead` (see [`plain_run_end`]).
fn plain_len(lead: u8) -> usize {
    if lead.is_ascii() { 1 } else { 3 }
}

/// Whether some character outside ASCII is unsafe ([`is_unsafe_char`]), plain runs skipped
/// ([`plain_run_end`]): for text (JSON) whose ASCII controls are escaped already.
pub(super) fn has_unsafe_beyond_ascii(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut i = plain_run_end(bytes, 0);
    while i < bytes.len() {
        let c = input[i..]
            .chars()
            .next()
            .expect("a char starts after a plain run");
        if is_unsafe_char(c) {
            return true;
        }
        i = plain_run_end(bytes, i + c.len_utf8());
    }
    false
}

/// Characters of Grapheme_Cluster_Break `Other` (or CR, LF, Control) that are not prepended
/// marks: between two of them a cluster always ends (UAX #29 GB4, GB5, GB999), except CR LF. The
/// scripts most page text is in: ASCII, Latin, Greek, Cyrillic (without their combining marks),
/// general punctuation, CJK symbols, kana, ideographs, Hangul syllables, full-width forms.
fn always_breaks(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{A0}'..='\u{2FF}'
            | '\u{370}'..='\u{3FF}'
            | '\u{400}'..='\u{482}'
            | '\u{48A}'..='\u{52F}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A0}'..='\u{30FF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{FF01}'..='\u{FF9D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("联系人中心 Contact"), Cow::Borrowed(_)));
        assert!(matches!(sanitize("plain ascii"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_multiline("a\nb"), Cow::Borrowed(_)));
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
    fn prepended_format_characters_are_removed_by_category() {
        // Arabic number sign, end of ayah, Syriac abbreviation mark, Kaithi number sign,
        // Egyptian hieroglyph format controls, a tag sequence.
        let s = sanitize("1\u{0600}2\u{06DD}3\u{070F}4\u{110BD}5\u{13430}6\u{E0041}\u{E007F}7");
        assert_eq!(s, "1234567");
    }

    #[test]
    fn tabs_expand_and_newlines_become_spaces() {
        assert_eq!(sanitize("ab\tc"), "ab  c");
        assert_eq!(sanitize("a\r\nb"), "a b");
        assert_eq!(sanitize("a\tb\tc"), "a   b   c");
    }

    #[test]
    fn multiline_keeps_line_breaks_of_every_kind_as_newlines() {
        assert_eq!(sanitize_multiline("a\r\nb\rc\u{2028}d\n"), "a\nb\nc\nd\n");
        assert_eq!(sanitize_multiline("x\u{1b}]0;t\u{7}\ny"), "x]0;t\ny");
    }

    #[test]
    fn combining_marks_are_capped_per_character() {
        let tower = format!("Z{}a{}", "\u{0301}".repeat(1_000_000), "\u{0300}".repeat(3));
        let s = sanitize(&tower);
        assert_eq!(
            s,
            format!("Z{}a{}", "\u{0301}".repeat(MAX_MARKS), "\u{0300}".repeat(3))
        );
        // Marks around a removed format character count as one run.
        let split = format!("e{}\u{200B}{}", "\u{0301}".repeat(6), "\u{0301}".repeat(6));
        assert_eq!(
            sanitize(&split),
            format!("e{}", "\u{0301}".repeat(MAX_MARKS))
        );
    }

    #[test]
    fn real_scripts_keep_their_marks() {
        for text in ["Tiếng Việt", "ภาษาไทย กั้น", "न्त्र्य क्षि", "བསྒྲུབས", "한국어"]
        {
            assert_eq!(sanitize(text), text);
        }
    }

    #[test]
    fn long_clean_text_in_any_script_is_borrowed() {
        let cjk = "联系人中心，用于获取用户信息。".repeat(100);
        let ru = "Приложение запрашивает разрешения — ".repeat(100);
        let mixed = format!("{cjk} Tiếng Việt {ru} カタカナ 한국어");
        for text in [&cjk, &ru, &mixed] {
            assert!(!needs_cap(text));
            assert!(matches!(sanitize(text), Cow::Borrowed(_)));
        }
    }

    /// The character-by-character forms of [`needs_cap`] and [`has_unsafe_beyond_ascii`], which
    /// the real ones speed up by skipping ASCII.
    fn needs_cap_by_char(input: &str) -> bool {
        let (mut marks, mut run, mut prev_breaks, mut long_run) = (0usize, 0usize, true, false);
        for c in input.chars() {
            let breaks = always_breaks(c);
            run = if breaks && prev_breaks { 1 } else { run + 1 };
            prev_breaks = breaks;
            long_run |= run > MAX_CLUSTER_CHARS;
            marks = if is_mark(c) { marks + 1 } else { 0 };
            if marks > MAX_MARKS {
                return true;
            }
        }
        long_run
            && input
                .graphemes(true)
                .any(|g| g.chars().nth(MAX_CLUSTER_CHARS).is_some())
    }

    proptest::proptest! {
        #[test]
        fn skipping_ascii_decides_as_each_character_would(
            // ASCII between marks, conjoining jamo, emoji joiners and CJK, in runs long enough
            // to pass both caps and the 16-byte chunks.
            raw in "((a{0,20}|\u{7f}|\u{4e00}{0,8}|\u{4dff}|\u{9fff}|\u{a000}|\u{302a}|\u{300}|\u{301}{0,10}|\u{1161}{0,40}|\u{200d}|\u{1f600}|\u{4e00}|\u{202e})){0,12}"
        ) {
            proptest::prop_assert_eq!(needs_cap(&raw), needs_cap_by_char(&raw));
            proptest::prop_assert_eq!(
                has_unsafe_beyond_ascii(&raw),
                raw.chars().any(|c| !c.is_ascii() && is_unsafe_char(c))
            );
        }
    }

    #[test]
    fn a_long_cluster_of_conjoining_jamo_is_capped() {
        let s = format!("\u{1100}{}", "\u{1161}".repeat(10_000));
        assert_eq!(sanitize(&s).chars().count(), MAX_CLUSTER_CHARS);
    }
}
