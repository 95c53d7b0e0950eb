//! Inline markdown and HTML inside one cell or line, reduced to the plain text a reader sees.
//!
//! Every function here is linear in its input: pages contain 100k-character lines in the wild
//! (pasted justifications), and the importer must not slow down or panic on them.

use crate::text::is_unsafe_char;

/// Plain text of an inline fragment: `**bold**` loses its stars, `[text](url)` becomes its text
/// (or the URL when the text is empty), `<br>` becomes a line break, other HTML tags (anchors,
/// images) disappear, entities are decoded and runs of spaces collapse.
pub fn clean(raw: &str) -> String {
    // Most cells are plain words: skip the markup walk for them.
    if !raw
        .bytes()
        .any(|b| matches!(b, b'<' | b'[' | b'&' | b'*' | b'_' | b'\\'))
    {
        return collapse(raw);
    }
    // Without these no tag or link can close: skip looking for one at every `<` and `[`.
    let may_have_tags = raw.contains('>');
    let may_have_links = raw.contains("](");
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && may_have_tags
            && let Some(consumed) = html_tag(rest, &mut out)
        {
            rest = &rest[consumed..];
            continue;
        }
        if c == '['
            && may_have_links
            && let Some((text, url, consumed)) = link(rest)
        {
            // The visible text is already inline markdown; clean it on its own.
            let text = clean(text);
            // Link text that is itself a URL is often shortened ("https://x/long-pa...").
            let text_is_url = ["http://", "https://", "www."]
                .iter()
                .any(|p| text.starts_with(p));
            out.push_str(if text.is_empty() || (text_is_url && !url.is_empty()) {
                url
            } else {
                &text
            });
            rest = &rest[consumed..];
            continue;
        }
        if c == '&'
            && let Some((decoded, consumed)) = entity(rest)
        {
            out.push(decoded);
            rest = &rest[consumed..];
            continue;
        }
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        if c == '\\'
            && let Some(next) = rest[1..].chars().next()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    collapse(&out)
}

/// Leading `&nbsp;` entities (and non-breaking spaces) of a cell: pages indent sub-rows with them.
pub fn leading_nbsp(raw: &str) -> usize {
    let mut count = 0;
    let mut rest = raw.trim_start_matches(' ');
    loop {
        if let Some(r) = rest.strip_prefix("&nbsp;") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('\u{a0}') {
            rest = r;
        } else {
            return count;
        }
        count += 1;
    }
}

/// The target of the first markdown link or HTML `href` in `raw`.
pub fn first_url(raw: &str) -> Option<&str> {
    let md = raw.find("](").and_then(|i| {
        let tail = &raw[i + 2..];
        tail.find(')').map(|end| (i, tail[..end].trim()))
    });
    let html = raw.find("href=").and_then(|i| {
        let tail = &raw[i + 5..];
        let quote = tail.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let tail = &tail[1..];
        tail.find(quote).map(|end| (i, tail[..end].trim()))
    });
    match (md, html) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// Every link target in `raw`, markdown and HTML, in order of appearance.
pub fn urls(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(url) = first_url(rest) {
        out.push(url);
        // `url` borrows from `rest`: continue after it.
        let end = url.as_ptr() as usize - rest.as_ptr() as usize + url.len();
        rest = &rest[end..];
    }
    out
}

/// The first GUID (8-4-4-4-12 hex digits) in `raw`, lower-cased.
pub fn find_guid(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut start = 0;
    while start + 36 <= bytes.len() {
        let mut pos = start;
        let mut ok = start == 0 || !bytes[start - 1].is_ascii_hexdigit();
        for (i, len) in GROUPS.iter().enumerate() {
            if !ok {
                break;
            }
            ok = bytes[pos..pos + len].iter().all(u8::is_ascii_hexdigit);
            pos += len;
            if i < 4 {
                ok = ok && bytes[pos] == b'-';
                pos += 1;
            }
        }
        if ok && bytes.get(pos).is_none_or(|b| !b.is_ascii_hexdigit()) {
            return Some(raw[start..pos].to_ascii_lowercase());
        }
        start += 1;
    }
    None
}

/// The longest link text or HTML tag looked for; longer spans are taken as plain text.
const MAX_INLINE_SPAN: usize = 4096;

fn floor_char_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `[text](url)` at the start of `s`: the text, the URL and the bytes consumed. Nested brackets
/// in the text (`[**[x]**](u)`) are balanced.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    // Bounded so that a line of unmatched brackets stays linear.
    for (i, b) in s.bytes().enumerate().take(MAX_INLINE_SPAN) {
        match b {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    let close = close?;
    let after = &s[close + 1..];
    let inner = after.strip_prefix('(')?;
    let end = inner[..floor_char_boundary(inner, MAX_INLINE_SPAN)].find(')')?;
    Some((&s[1..close], inner[..end].trim(), close + 2 + end + 1))
}

/// An HTML tag at the start of `s`: `<br>` variants push a line break, `<a name=…>` anchors and
/// every other tag push nothing. Returns the bytes consumed, or `None` when `<` is just a
/// character (e.g. "a < b").
fn html_tag(s: &str, out: &mut String) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let end = s[..floor_char_boundary(s, MAX_INLINE_SPAN)].find('>')?;
    // Older localized pages keep the English source beside each translated segment, in a span
    // the page hides (`<span class="sxs-lookup"><span data-stu-id="…">English</span></span>`):
    // it is not what the page says in its language.
    if s[..end].contains("sxs-lookup") {
        return Some(end + 1 + hidden_span_len(&s[end + 1..]));
    }
    let name: String = s[1..end]
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name == "br" {
        out.push('\n');
    } else if matches!(name.as_str(), "p" | "div" | "li") && !out.is_empty() {
        out.push(' ');
    }
    Some(end + 1)
}

/// The length of the rest of a span just opened: up to and with its closing `</span>`, nested
/// spans included (the whole text when it never closes).
fn hidden_span_len(s: &str) -> usize {
    let mut depth = 1usize;
    let mut at = 0;
    while let Some(i) = s[at..].find("<") {
        let here = at + i;
        let rest = &s[here..];
        if rest.starts_with("</span") {
            depth -= 1;
            let close = rest.find('>').map_or(rest.len(), |j| j + 1);
            at = here + close;
            if depth == 0 {
                return at;
            }
        } else {
            if rest.starts_with("<span") {
                depth += 1;
            }
            at = here + 1;
        }
    }
    s.len()
}

/// An HTML entity at the start of `s`: the character and the bytes consumed.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..floor_char_boundary(s, 12)].find(';')?;
    let body = &s[1..end];
    let c = match body {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Spaces collapsed to one, line breaks kept (but never blank lines or at either end), unsafe
/// characters dropped.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut newline = false;
    for c in s.chars() {
        let (is_space, unsafe_char) = if c.is_ascii() {
            (c.is_ascii_whitespace(), c.is_ascii_control())
        } else if ('\u{3165}'..='\u{fdff}').contains(&c) {
            // CJK and Hangul: no spaces or unsafe characters in this range, checked first
            // because most of the corpus text is here.
            (false, false)
        } else {
            (c.is_whitespace(), is_unsafe_char(c))
        };
        if c == '\n' {
            newline = true;
            space = false;
        } else if is_space {
            space = true;
        } else if !unsafe_char {
            if !out.is_empty() {
                if newline {
                    out.push('\n');
                } else if space {
                    out.push(' ');
                }
            }
            newline = false;
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hidden_english_source_of_older_translations_is_left_out() {
        let cell = "<span data-ttu-id=\"a-1\">위임</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">delegated</span></span>";
        assert_eq!(clean(cell), "위임");
        let two = "<span data-ttu-id=\"a\">Oui.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Yes.</span></span> <span data-ttu-id=\"b\">Non.</span><span class=\"sxs-lookup\"><span data-stu-id=\"b\">No.</span></span>";
        assert_eq!(clean(two), "Oui. Non.");
        assert_eq!(clean("<span class=\"sxs-lookup\">never closed"), "");
    }

    #[test]
    fn emphasis_links_and_entities_become_plain_text() {
        assert_eq!(clean(" **Graph权限** "), "Graph权限");
        assert_eq!(
            clean("[**数据处理安全 &amp; 隐私**](../docs/x.md#y)"),
            "数据处理安全 & 隐私"
        );
        assert_eq!(
            clean("[https://popp.com](https://popp.com)"),
            "https://popp.com"
        );
        assert_eq!(clean("[](https://x.example/)"), "https://x.example/");
        assert_eq!(
            clean(
                "[https://help.example/articles/3854472-use-coachbot-in...](https://help.example/articles/3854472-use-coachbot-in-teams)"
            ),
            "https://help.example/articles/3854472-use-coachbot-in-teams"
        );
        assert_eq!(clean("&#8220;发票&#8221;"), "“发票”");
        assert_eq!(clean("a &lt; b &unknown; c"), "a < b &unknown; c");
    }

    #[test]
    fn anchors_and_tags_disappear_and_br_breaks_lines() {
        assert_eq!(
            clean(r#"<a name="popp-cloud-voip-connector"></a>POPP 云 VoIP 连接器"#),
            "POPP 云 VoIP 连接器"
        );
        assert_eq!(
            clean("first<br>second<br/>third<br />"),
            "first\nsecond\nthird"
        );
        assert_eq!(clean("1 < 2 and x<3"), "1 < 2 and x<3");
        assert_eq!(clean("a\u{1b}[31mred"), "a[31mred");
    }

    #[test]
    fn nbsp_indentation_is_counted() {
        assert_eq!(leading_nbsp("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;渗透测试"), 5);
        assert_eq!(leading_nbsp(" \u{a0}x"), 1);
        assert_eq!(leading_nbsp("[**应用程序安全性**](x)"), 0);
    }

    #[test]
    fn guids_are_found_in_links_and_lower_cased() {
        assert_eq!(
            find_guid("[B8E57F6B-31cf-468e-9e99-81f0395cb1f9](../azure/b8e57f6b-31cf-468e-9e99-81f0395cb1f9.md)")
                .as_deref(),
            Some("b8e57f6b-31cf-468e-9e99-81f0395cb1f9")
        );
        assert_eq!(find_guid("[](../azure/.md)"), None);
        assert_eq!(find_guid("0b8e57f6b-31cf-468e-9e99-81f0395cb1f9"), None);
        assert_eq!(
            find_guid("短 b8e57f6b-31cf-468e-9e99-81f0395cb1f9。").as_deref(),
            Some("b8e57f6b-31cf-468e-9e99-81f0395cb1f9")
        );
    }

    #[test]
    fn urls_are_listed_from_markdown_and_html_links() {
        let line = r#"* <a href="https://teams.microsoft.com/l/app/x" target="_blank">Teams</a> [a](https://b/)"#;
        assert_eq!(
            urls(line),
            vec!["https://teams.microsoft.com/l/app/x", "https://b/"]
        );
        assert_eq!(first_url("no link"), None);
    }

    proptest::proptest! {
        #[test]
        fn cleaned_text_is_display_safe(raw in "[<>\\[\\]()&;#*_a-z \n\u{1b}\u{202e}\u{a0}\u{4e00}]{0,60}") {
            let out = clean(&raw);
            proptest::prop_assert!(!out.chars().any(|c| c != '\n' && is_unsafe_char(c)), "{out:?}");
            proptest::prop_assert!(!out.starts_with([' ', '\n']) && !out.ends_with([' ', '\n']));
            proptest::prop_assert!(!out.contains("\n\n") && !out.contains("  "));
            let _ = (find_guid(&raw), urls(&raw), leading_nbsp(&raw));
        }
    }

    #[test]
    fn huge_lines_are_handled() {
        let long = "[".repeat(50_000) + &"<a".repeat(50_000) + &"&".repeat(50_000);
        assert_eq!(clean(&long).len(), long.len());
    }
}
