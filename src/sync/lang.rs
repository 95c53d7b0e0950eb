//! Language tags of the localized App Compliance repositories, and which ones to sync when the
//! user names none.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// The languages with a public localized repository `MicrosoftDocs/OfficeDocs-AppCompliance-pr.<tag>`
/// (branch `live`), as listed on GitHub. There is no current English repository: the English
/// pages are published from a private one.
pub const PUBLISHED: &[&str] = &[
    "de-DE", "es-ES", "fr-FR", "it-IT", "ja-JP", "ko-KR", "pt-BR", "ru-RU", "zh-CN", "zh-TW",
];

/// A `language-REGION` tag as the repositories spell it (`zh-CN`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct LangTag(String);

/// What a language tag must look like, for messages.
pub const TAG_EXPECTED: &str = "a language tag such as zh-CN (2 or 3 letters, `-`, 2 letters)";

impl LangTag {
    /// Read `zh-CN`, `zh_cn` or `ZH-cn` as `zh-CN`; None when it is not language-REGION.
    pub fn parse(text: &str) -> Option<LangTag> {
        let (lang, region) = text.trim().split_once(['-', '_'])?;
        let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
        };
        if !letters(lang, 2..=3) || !letters(region, 2..=2) {
            return None;
        }
        Some(LangTag(format!(
            "{}-{}",
            lang.to_ascii_lowercase(),
            region.to_ascii_uppercase()
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_published(&self) -> bool {
        PUBLISHED.contains(&self.as_str())
    }

    /// The language part (`zh` of `zh-CN`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }

    /// The tag a POSIX locale names (`de_AT.UTF-8@euro` → `de-AT`); None for `C`, `POSIX` or
    /// a bare language.
    pub fn from_locale(locale: &str) -> Option<LangTag> {
        let base = locale.split(['.', '@']).next().unwrap_or("");
        LangTag::parse(base)
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LangTag, D::Error> {
        let text = String::deserialize(d)?;
        LangTag::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not {TAG_EXPECTED}")))
    }
}

/// The locale of the environment as POSIX resolves it for messages: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG` (the first one set and not empty).
pub fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
}

/// Why no language could be chosen, with the published ones to choose from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct NoLanguage {
    /// The environment's locale, when it was set.
    pub locale: Option<String>,
}

impl NoLanguage {
    fn message(&self) -> String {
        let mut out = String::from("no language to sync: ");
        match &self.locale {
            None => out.push_str("no --lang, no `sync.languages` in the config, and no LANG"),
            Some(locale) => match LangTag::from_locale(locale) {
                None => out.push_str(&format!(
                    "no --lang, no `sync.languages` in the config, and the locale `{locale}` names no region"
                )),
                Some(tag) => {
                    out.push_str(&format!(
                        "no --lang, no `sync.languages` in the config, and there is no published repository for {tag} (from the locale `{locale}`)"
                    ));
                    let same: Vec<&str> = PUBLISHED
                        .iter()
                        .copied()
                        .filter(|p| p.split('-').next() == Some(tag.language()))
                        .collect();
                    if !same.is_empty() {
                        out.push_str(&format!("; in the same language: {}", same.join(", ")));
                    }
                }
            },
        }
        out.push_str(&format!(
            ".\nPublished languages: {}.\nChoose with `attest-tui sync --lang LL-CC` (repeatable) or `[sync] languages = [\"zh-CN\"]` in config.toml.",
            PUBLISHED.join(", ")
        ));
        out
    }
}

/// The languages to sync: those given on the command line, else the config's, else the
/// locale's when a repository is published for it. Duplicates are dropped, order kept.
pub fn choose_languages(
    given: &[LangTag],
    configured: &[LangTag],
    locale: Option<&str>,
) -> Result<Vec<LangTag>, NoLanguage> {
    let chosen: Vec<LangTag> = if !given.is_empty() {
        given.to_vec()
    } else if !configured.is_empty() {
        configured.to_vec()
    } else {
        match locale.and_then(LangTag::from_locale) {
            Some(tag) if tag.is_published() => vec![tag],
            _ => {
                return Err(NoLanguage {
                    locale: locale.map(str::to_string),
                });
            }
        }
    };
    let mut out: Vec<LangTag> = Vec::with_capacity(chosen.len());
    for tag in chosen {
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    #[test]
    fn tags_are_read_in_any_case_and_separator() {
        assert_eq!(tag("zh_cn").as_str(), "zh-CN");
        assert_eq!(tag(" PT-br ").as_str(), "pt-BR");
        for bad in [
            "zh", "", "english", "zh-", "z-CN", "zh-CHN", "zh-C1", "zh-CN-x",
        ] {
            assert_eq!(LangTag::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn locales_name_their_tag() {
        assert_eq!(LangTag::from_locale("de_DE.UTF-8"), Some(tag("de-DE")));
        assert_eq!(LangTag::from_locale("fr_FR@euro"), Some(tag("fr-FR")));
        assert_eq!(LangTag::from_locale("C.UTF-8"), None);
        assert_eq!(LangTag::from_locale("POSIX"), None);
    }

    #[test]
    fn the_command_line_wins_then_the_config_then_the_locale() {
        let zh = tag("zh-CN");
        let de = tag("de-DE");
        assert_eq!(
            choose_languages(
                &[zh.clone(), zh.clone()],
                std::slice::from_ref(&de),
                Some("ja_JP.UTF-8")
            ),
            Ok(vec![zh.clone()])
        );
        assert_eq!(
            choose_languages(&[], std::slice::from_ref(&de), Some("ja_JP.UTF-8")),
            Ok(vec![de])
        );
        assert_eq!(
            choose_languages(&[], &[], Some("ja_JP.UTF-8")),
            Ok(vec![tag("ja-JP")])
        );
    }

    #[test]
    fn a_locale_without_a_repository_lists_the_published_languages() {
        let e = choose_languages(&[], &[], Some("en_US.UTF-8")).unwrap_err();
        let m = e.to_string();
        assert!(m.contains("no published repository for en-US"), "{m}");
        assert!(m.contains("zh-CN") && m.contains("--lang"), "{m}");
        let m = choose_languages(&[], &[], Some("de_AT.UTF-8"))
            .unwrap_err()
            .to_string();
        assert!(m.contains("in the same language: de-DE"), "{m}");
        let m = choose_languages(&[], &[], None).unwrap_err().to_string();
        assert!(m.contains("no LANG"), "{m}");
    }
}
