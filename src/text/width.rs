use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Terminal columns the text takes (East Asian wide characters count two).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The one cutting rule: how much of `s` fits `max` columns. Returns the byte length of the
/// prefix to keep and whether it was cut (then a `…` follows it, in the column left free). A
/// wide character that would straddle the limit is dropped whole rather than split.
pub fn fit_prefix(s: &str, max: usize) -> (usize, bool) {
    if display_width(s) <= max {
        return (s.len(), false);
    }
    let budget = max.saturating_sub(1);
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            return (i, true);
        }
        used += w;
    }
    (s.len(), true)
}

/// Cut text to at most `max` columns, ending in `…` when anything was cut.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    match fit_prefix(s, max) {
        (end, false) => s[..end].to_string(),
        (end, true) => format!("{}…", &s[..end]),
    }
}

/// Truncate to `width` columns, then pad with spaces so the result is exactly `width` wide.
pub fn pad_to_width(s: &str, width: usize) -> String {
    let mut out = truncate_to_width(s, width);
    let w = display_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(display_width("联系人中心"), 10);
        assert_eq!(display_width("abc"), 3);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate_to_width("联系人中心", 6), "联系…");
        assert_eq!(display_width(&truncate_to_width("联系人中心", 6)), 5);
        assert_eq!(truncate_to_width("联系人中心", 10), "联系人中心");
    }

    #[test]
    fn padding_reaches_exact_width() {
        assert_eq!(display_width(&pad_to_width("联系人中心", 7)), 7);
        assert_eq!(pad_to_width("ab", 4), "ab  ");
    }
}
