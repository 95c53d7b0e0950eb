//! Keys for matching text across two pages. The same question on two versions of a page (or two
//! apps' pages from different years) differs in spacing, punctuation, full- or half-width forms
//! and case, because the pages are machine-translated and re-translated; none of that changes
//! what is asked, so none of it may change the key.

/// A matching key: width folded, lower case, white space and punctuation removed. Punctuation
/// between two digits is kept so `1.2` and `12` (or two dates) stay apart.
pub fn text_key(text: &str) -> String {
    let folded: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in folded.iter().enumerate() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !c.is_whitespace() && between_digits(&folded, i) {
            out.push(c);
        }
    }
    out
}

fn between_digits(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| chars.get(j));
    let after = chars.get(i + 1);
    matches!((before, after), (Some(b), Some(a)) if b.is_ascii_digit() && a.is_ascii_digit())
}

/// Full-width ASCII forms (`？`, `（`, `Ａ`, `１`) become their ASCII letters, and the
/// ideographic space becomes a space: the NFKC mapping for the characters the pages use, without
/// pulling in a normalization crate.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth_and_halfwidth_punctuation_give_one_key() {
        assert_eq!(
            text_key("应用是否符合 NIST 800-171？"),
            text_key("应用是否符合NIST 800-171?")
        );
        assert_eq!(text_key("（CSA Star）认证？"), text_key("(CSA Star) 认证?"));
    }

    #[test]
    fn fullwidth_letters_digits_and_case_fold() {
        assert_eq!(text_key("ＩＳＯ　２７００１"), "iso27001");
        assert_eq!(text_key("Does the App use Azure?"), "doestheappuseazure");
    }

    #[test]
    fn translation_spacing_and_moved_brackets_do_not_matter() {
        // Two translations of one page put the bracket on different sides of the abbreviation.
        assert_eq!(
            text_key("该应用是否符合 FERPA) (家庭教育权利和隐私法?"),
            text_key("该应用是否符合 (FERPA) 家庭教育权利和隐私法？")
        );
    }

    #[test]
    fn punctuation_inside_numbers_is_kept() {
        assert_ne!(text_key("version 1.2"), text_key("version 12"));
        assert_eq!(text_key("2021-09-20"), "2021-09-20");
        assert_eq!(text_key("v1.2."), "v1.2");
    }

    #[test]
    fn different_words_stay_different() {
        assert_ne!(text_key("Azure"), text_key("AWS"));
        assert_eq!(text_key("  ?? "), "");
    }
}
