//! A rough guess of the page language from its script, and for Latin text from common words.
//!
//! Rendered text carries no `ms.contentlocale` (and a few markdown pages lack it); the catalog
//! needs a tag to show and filter on, and to read the answers of the page language, so a cheap
//! heuristic is enough, and "unknown" (empty) is an honest answer. Tags are those of the
//! published pages (`ja-JP`, `pt-BR`), so a page without one joins the others of its language.

/// Traditional forms common on the pages; their presence tells zh-TW from zh-CN.
const TRADITIONAL: &[char] = &[
    '應', '資', '據', '權', '為', '與', '個', '們', '發', '開', '處', '證', '認', '隱', '這', '會',
];

const LATIN_WORDS: &[(&str, &[&str])] = &[
    (
        "en-US",
        &["the", "and", "does", "app", "data", "information", "of"],
    ),
    (
        "de-DE",
        &["die", "der", "und", "ist", "daten", "werden", "nicht"],
    ),
    (
        "fr-FR",
        &["les", "des", "est", "données", "une", "pour", "vous"],
    ),
    (
        "es-ES",
        &["los", "las", "datos", "una", "para", "aplicación", "del"],
    ),
    (
        "it-IT",
        &["gli", "dati", "della", "sono", "per", "che", "non"],
    ),
    (
        "pt-BR",
        &["os", "dados", "uma", "para", "aplicativo", "não", "do"],
    ),
    (
        "nl-NL",
        &["het", "een", "gegevens", "van", "niet", "voor", "wordt"],
    ),
];

/// BCP 47 tag for `text`, or "" when no guess is reasonable.
pub fn detect_language(text: &str) -> &'static str {
    let (mut han, mut kana, mut hangul, mut cyrillic, mut traditional) = (0, 0, 0, 0, 0);
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30ff}' => kana += 1,
            '\u{ac00}'..='\u{d7af}' => hangul += 1,
            '\u{0400}'..='\u{04ff}' => cyrillic += 1,
            '\u{4e00}'..='\u{9fff}' => {
                han += 1;
                if TRADITIONAL.contains(&c) {
                    traditional += 1;
                }
            }
            _ => {}
        }
    }
    if kana >= 10 {
        return "ja-JP";
    }
    if hangul >= 10 {
        return "ko-KR";
    }
    if han >= 20 {
        return if traditional * 20 > han {
            "zh-TW"
        } else {
            "zh-CN"
        };
    }
    if cyrillic >= 20 {
        return "ru-RU";
    }
    latin_guess(text)
}

fn latin_guess(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let (best, score) = LATIN_WORDS
        .iter()
        .map(|(tag, list)| (*tag, words.iter().filter(|w| list.contains(w)).count()))
        .max_by_key(|(_, n)| *n)
        .unwrap_or(("", 0));
    if score >= 5 { best } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_text_is_simplified_chinese_unless_traditional_forms_dominate() {
        assert_eq!(
            detect_language("联系人中心 一般信息 应用如何处理数据 应用或底层基础结构是否处理数据"),
            "zh-CN"
        );
        assert_eq!(
            detect_language("應用程式如何處理資料 應用程式是否與 Microsoft 身分識別平台整合"),
            "zh-TW"
        );
    }

    #[test]
    fn other_scripts_and_latin_languages() {
        assert_eq!(
            detect_language("アプリケーションはデータを処理しますか？ はい、処理します"),
            "ja-JP"
        );
        assert_eq!(
            detect_language("Does the app store data? The app and the data of the users"),
            "en-US"
        );
        assert_eq!(
            detect_language(
                "Werden die Daten der App gespeichert? Die Daten und der Dienst ist nicht"
            ),
            "de-DE"
        );
        assert_eq!(detect_language("x y z"), "");
    }
}
