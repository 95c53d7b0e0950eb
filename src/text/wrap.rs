//! The one word wrap, by terminal columns, for the CLI's compare report and every TUI view.
//! Latin text breaks at spaces; CJK text has none and may break between any two wide
//! characters. Nothing is cut off: a reviewer comparing answers must see all of them.

use unicode_width::UnicodeWidthChar;

/// Lines of at most `width` columns (at least one line, possibly empty). Expects sanitized,
/// single-line text. A word longer than the line is split by characters; runs of spaces
/// between words become one.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indexed(text, width)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, c)| c).collect())
        .collect()
}

/// [`wrap`], each character with its char index in `text`, so that highlights found in the
/// text land on the wrapped lines (a space between two words carries the index of the space
/// before the second).
pub fn wrap_indexed(text: &str, width: usize) -> Vec<Vec<(usize, char)>> {
    let width = width.max(2);
    // Byte offset of a token → char index.
    let char_at: std::collections::HashMap<usize, usize> = text
        .char_indices()
        .enumerate()
        .map(|(ci, (bi, _))| (bi, ci))
        .collect();
    let mut lines = Vec::new();
    let mut line: Vec<(usize, char)> = Vec::new();
    let mut used = 0;
    for token in tokens(text) {
        let first = char_at[&token.start];
        let chars = token.text.chars().enumerate().map(|(k, c)| (first + k, c));
        let sep = usize::from(token.space_before && used > 0);
        if used + sep + token.width <= width {
            if sep == 1 {
                line.push((first.saturating_sub(1), ' '));
            }
            line.extend(chars);
            used += sep + token.width;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if token.width <= width {
            line.extend(chars);
            used = token.width;
            continue;
        }
        for (i, c) in chars {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push((i, c));
            used += w;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

struct Token<'a> {
    text: &'a str,
    /// Byte offset in the wrapped text.
    start: usize,
    width: usize,
    space_before: bool,
}

/// Words of narrow characters, and each wide character on its own; zero-width characters stay
/// with what precedes them.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    let mut open: Option<Open> = None;
    let mut pending_space = false;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if c.is_whitespace() {
            close(text, open.take(), i, &mut out);
            pending_space = true;
            continue;
        }
        let extend = match &open {
            Some(o) => w == 0 || (w == 1 && !o.wide) || closes(c),
            None => false,
        };
        if extend {
            if let Some(o) = open.as_mut() {
                o.width += w;
            }
            continue;
        }
        let space_before = pending_space && open.is_none();
        close(text, open.take(), i, &mut out);
        open = Some(Open {
            start: i,
            width: w,
            wide: w == 2,
            space_before,
        });
        pending_space = false;
    }
    close(text, open, text.len(), &mut out);
    out
}

/// Punctuation that must not start a line (the simplest part of the CJK line-breaking rules):
/// it stays with the character before it, so `认证？` never wraps as `认证` / `？`.
fn closes(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | ','
            | '.'
            | ':'
            | ';'
            | '?'
            | '!'
            | '%'
            | '）'
            | '］'
            | '｝'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '％'
            | '、'
            | '。'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '〕'
    )
}

/// A token being read: where it starts, how wide it is so far.
struct Open {
    start: usize,
    width: usize,
    wide: bool,
    space_before: bool,
}

fn close<'t>(text: &'t str, open: Option<Open>, end: usize, out: &mut Vec<Token<'t>>) {
    if let Some(o) = open {
        out.push(Token {
            text: &text[o.start..end],
            start: o.start,
            width: o.width,
            space_before: o.space_before,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(wrap("one two three", 8), vec!["one two", "three"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_respects_double_width() {
        let lines = wrap("应用是否符合国际标准化组织", 9);
        assert_eq!(lines, vec!["应用是否", "符合国际", "标准化组", "织"]);
        assert!(lines.iter().all(|l| display_width(l) <= 9));
    }

    #[test]
    fn mixed_text_keeps_words_whole() {
        let lines = wrap("使用 Microsoft Azure 托管", 12);
        assert_eq!(lines, vec!["使用", "Microsoft", "Azure 托管"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("云安全联盟（CSA Star）认证？", 10);
        assert!(
            lines.iter().all(|l| !l.starts_with(['）', '？'])),
            "{lines:?}"
        );
        assert_eq!(
            lines.concat().replace(' ', ""),
            "云安全联盟（CSAStar）认证？"
        );
    }

    #[test]
    fn long_words_split_and_empty_text_gives_one_line() {
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("   ", 5), vec![""]);
    }

    #[test]
    fn indexed_lines_point_back_into_the_text() {
        let text = "SOC  2 Typ II";
        let lines = wrap_indexed(text, 6);
        let chars: Vec<char> = text.chars().collect();
        for line in &lines {
            for &(i, c) in line {
                assert!(chars[i] == c || (c == ' ' && chars[i].is_whitespace()));
            }
        }
        assert_eq!(wrap(text, 6), vec!["SOC 2", "Typ II"]);
    }

    #[test]
    fn no_line_is_ever_wider_than_asked() {
        let text = "POPP 云 VoIP 连接器 https://popp.com/pvnterms/ 使用MaxUC客户端从Microsoft Teams进行呼叫";
        for width in 2..30 {
            for line in wrap(text, width) {
                assert!(display_width(&line) <= width, "{width}: {line:?}");
            }
        }
    }
}
