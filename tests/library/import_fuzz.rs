//! Arbitrary text never makes the markdown importer panic: it returns an app, a registration, a
//! skip or an error with a position.

use attest_tui::import::{PageOutcome, parse_markdown_page};
use proptest::prelude::*;

/// Lines that look like the pieces of a page, so the generated text reaches the table, zone
/// and link code rather than stopping at "no front matter".
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_string()),
        Just("zone_pivot_groups: g".to_string()),
        Just("certification_type: attested".to_string()),
        Just("# <a name=\"x\"></a>Title".to_string()),
        Just("::: zone pivot=\"general\"".to_string()),
        Just("::: zone pivot=\"".to_string()),
        Just("::: zone-end".to_string()),
        Just("| **Information** | **响应** |".to_string()),
        Just("|:--|:--|".to_string()),
        Just(">| **Graph** | **类型** | **理由** | **Azure AD应用 ID** |".to_string()),
        Just(">|:--|:--|:--|:--|:--|".to_string()),
        Just("| ID | WA1 |".to_string()),
        Just(">| User.Read | 委托 | x | [0a1b7ca8-390e-4f55-a7b5-eee089c5a905](../azure/0a1b7ca8-390e-4f55-a7b5-eee089c5a905.md) |".to_string()),
        Just("<p>开发人员上次更新时间：2021 年 9 月 20 日</p>".to_string()),
        Just("* <a href=\"https://appsource.microsoft.com/product/office/".to_string()),
        Just("| &nbsp;&nbsp;[**a**](b) | &#x1F600;&#99999999; <br |".to_string()),
        "[|>\\[\\]()<&;#*_`:a-z0-9 \u{4e00}-\u{4e10}\u{a0}\u{1b}\u{202e}]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        // Text that is not a page at all is an error or a skip, and an app read from it still
        // has an id and its source.
        if let Ok(PageOutcome::App(app)) = parse_markdown_page(&text, "fuzz.md") {
            prop_assert!(!app.id.is_empty());
            prop_assert_eq!(app.sources, vec!["fuzz.md".to_string()]);
        }
    }

    #[test]
    fn page_like_text_never_panics(lines in prop::collection::vec(page_line(), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        if let Ok(PageOutcome::App(app)) = parse_markdown_page(&text, "fuzz.md") {
            prop_assert!(!app.id.is_empty());
            prop_assert_eq!(app.sources, vec!["fuzz.md".to_string()]);
        }
    }
}
