use serde::{Deserialize, Serialize};

/// An answer reduced to what a reviewer compares: the page's words vary by language, this does not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotApplicable,
    #[default]
    Unanswered,
    /// Free text: anything that is not one of the above.
    Text,
    /// Copied page text (a browser's "copy all") loses the yes/no answers the page shows as
    /// icons: the answer exists but is not in the text that was imported.
    NotCopied,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "not_applicable",
            Answer::Unanswered => "unanswered",
            Answer::Text => "text",
            Answer::NotCopied => "not_copied",
        }
    }

    /// How a person reads the value.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "not applicable",
            Answer::Unanswered => "unanswered",
            Answer::Text => "text",
            Answer::NotCopied => "not in the copied text",
        }
    }
}

// The words the public pages (and their machine translations) use, folded to lower case.
// Languages: en de fr es it pt nl sv da nb pl tr ru cs hu ja ko zh-CN zh-TW.
const YES: &[&str] = &[
    "yes",
    "y",
    "true",
    "是",
    "是的",
    "ja",
    "oui",
    "vrai",
    "sí",
    "si",
    "verdadero",
    "sì",
    "vero",
    "sim",
    "verdadeiro",
    "waar",
    "sant",
    "tak",
    "prawda",
    "evet",
    "doğru",
    "да",
    "истина",
    "ano",
    "igen",
    "はい",
    "예",
    "네",
    "참",
    "對",
    "对",
    // Machine translations of "Yes" in the zh-CN corpus ("accessible").
    "可访问",
];
const NO: &[&str] = &[
    "no",
    "n",
    "false",
    "否",
    "不",
    "不是",
    // Machine translation of "No" in the zh-CN corpus ("not supported").
    "不支持",
    "nein",
    "falsch",
    "non",
    "faux",
    "falso",
    "não",
    "nao",
    "nee",
    "onwaar",
    "nej",
    "falskt",
    "nie",
    "fałsz",
    "hayır",
    "hayir",
    "yanlış",
    "нет",
    "ложь",
    "ne",
    "nem",
    "いいえ",
    "아니요",
    "아니오",
    "거짓",
];
const NOT_APPLICABLE: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "not applicable",
    "notapplicable",
    "不适用",
    "不適用",
    "不适用于",
    "nicht zutreffend",
    "nicht anwendbar",
    "entfällt",
    "non applicable",
    "sans objet",
    "s/o",
    "no aplicable",
    "no corresponde",
    "no procede",
    "non applicabile",
    "non pertinente",
    "não aplicável",
    "não se aplica",
    "niet van toepassing",
    "n.v.t.",
    "nvt",
    "ej tillämpligt",
    "inte tillämpligt",
    "ej tillämplig",
    "ikke relevant",
    "ikke anvendelig",
    "ikke aktuelt",
    "nie dotyczy",
    "geçerli değil",
    "uygulanamaz",
    "uygulanmaz",
    "неприменимо",
    "не применимо",
    "не применяется",
    "nelze použít",
    "nevztahuje se",
    "nem alkalmazható",
    "該当なし",
    "適用外",
    "該当しない",
    "해당 없음",
    "해당없음",
    "적용할 수 없음",
    "적용 불가",
    // Machine translations of "N/A" in the ru-RU corpus ("unavailable", "no data").
    "недоступно",
    "н/д",
    // es-ES, it-IT, pt-BR pages ("no disponible", "non disponibile", "não disponível").
    "n/d",
];
const UNANSWERED: &[&str] = &["", "-", "—", "–", "n/r", "未回答", "未应答"];

/// Machine translations of an answer that only mean it in one page language, where the same
/// word elsewhere means something else (`X` is a mark, `Nr.` a number, `无` "none"): the
/// corpora show each against what the other languages answer on the same row. The last field:
/// whether the word means it only to a yes/no question (to "What data is stored?", "none" is
/// an answer in its own right).
const BY_LANGUAGE: &[(&str, &str, Answer, bool)] = &[
    // ja-JP: "No" as "not needed"/"none"/a cross, "Yes" as "needed".
    ("ja", "不要", Answer::No, true),
    ("ja", "なし", Answer::No, true),
    ("ja", "x", Answer::No, true),
    ("ja", "必要", Answer::Yes, true),
    // de-DE: "No." as "Nr." (number), "N/A" as "N/V" (nicht verfügbar) and as a dash.
    ("de", "nr", Answer::No, true),
    ("de", "n/v", Answer::NotApplicable, false),
    ("de", "–", Answer::NotApplicable, false),
    // zh-CN, zh-TW: "N/A" as "none".
    ("zh", "无", Answer::NotApplicable, true),
    ("zh", "無", Answer::NotApplicable, true),
];

/// Map an answer as written on a page to its normalized value, in any language the pages use.
pub fn normalize_answer(raw: &str) -> Answer {
    if is_long(raw) {
        return Answer::Text;
    }
    fold(raw).map_or(Answer::Text, |w| normalize_word(&w))
}

/// No answer word is this long, even with emphasis and spaces around it: a sentence is text
/// without folding it first.
fn is_long(raw: &str) -> bool {
    raw.len() > 96
}

/// Like [`normalize_answer`], knowing the page language (`de-DE`; empty when unknown) and whether
/// the question is a yes/no one: the machine translations of yes, no and N/A that only one
/// language uses are read for yes/no questions of that language; to a free-text question
/// ("What data is stored?") the same word is text.
pub fn normalize_answer_in(raw: &str, language: &str, yes_no_question: bool) -> Answer {
    if is_long(raw) {
        return Answer::Text;
    }
    let Some(folded) = fold(raw) else {
        return Answer::Text;
    };
    let lang = language.split(['-', '_']).next().unwrap_or("");
    if let Some((_, _, v, _)) = BY_LANGUAGE.iter().find(|(l, w, _, yes_no_only)| {
        (yes_no_question || !yes_no_only) && l.eq_ignore_ascii_case(lang) && *w == folded
    }) {
        return *v;
    }
    normalize_word(&folded)
}

fn normalize_word(word: &str) -> Answer {
    // Every row's answer is looked up, twice while importing: a table, not four list scans.
    static WORDS: std::sync::LazyLock<foldhash::HashMap<&'static str, Answer>> =
        std::sync::LazyLock::new(|| {
            let mut map = foldhash::HashMap::default();
            // Earlier lists win, as in reading them in this order.
            for (list, value) in [
                (NOT_APPLICABLE, Answer::NotApplicable),
                (NO, Answer::No),
                (YES, Answer::Yes),
                (UNANSWERED, Answer::Unanswered),
            ] {
                for w in list {
                    map.insert(*w, value);
                }
            }
            map
        });
    if word.len() > LONGEST_WORD {
        return Answer::Text;
    }
    WORDS.get(word).copied().unwrap_or(Answer::Text)
}

/// Blocks of the pages' answers that have no case (CJK punctuation, kana, ideographs, Hangul
/// syllables): their lower case is themselves without the table lookup `to_lowercase` does.
fn is_caseless(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
}

/// No answer word, of the lists or of [`BY_LANGUAGE`], is longer than this (in bytes, folded).
const LONGEST_WORD: usize = 40;

/// Lower case, markdown emphasis and closing punctuation removed, inner white space collapsed;
/// `None` once that is longer than any answer word (the answer is text).
fn fold(raw: &str) -> Option<String> {
    let trimmed = raw
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(['.', '。', '!', '！', '．'])
        .trim();
    let mut out = String::with_capacity(trimmed.len().min(LONGEST_WORD + 4));
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if is_caseless(c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        if out.len() > LONGEST_WORD {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_answer_word_is_longer_than_the_fold_keeps() {
        for w in [YES, NO, NOT_APPLICABLE, UNANSWERED].concat() {
            assert!(w.len() <= LONGEST_WORD, "{w}");
        }
        for (_, w, _, _) in BY_LANGUAGE {
            assert!(w.len() <= LONGEST_WORD, "{w}");
        }
        let long = "a".repeat(LONGEST_WORD + 1);
        assert_eq!(fold(&long), None);
        assert_eq!(normalize_answer(&long), Answer::Text);
    }

    #[test]
    fn caseless_blocks_are_their_own_lower_case() {
        for c in ('\u{3000}'..='\u{9FFF}').chain('\u{AC00}'..='\u{D7A3}') {
            assert!(is_caseless(c));
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    /// Each case: the page language, the answer as written, and its value to a yes/no question.
    fn check(cases: &[(&str, &str, Answer)]) {
        for (lang, raw, want) in cases {
            assert_eq!(
                normalize_answer_in(raw, lang, true),
                *want,
                "{lang} {raw:?}"
            );
        }
    }

    #[test]
    fn zh_cn_answers_and_machine_translations() {
        check(&[
            ("zh-CN", "是", Answer::Yes),
            ("zh-CN", "否", Answer::No),
            ("zh-CN", "不适用", Answer::NotApplicable),
            ("zh-CN", "可访问", Answer::Yes),
            ("zh-CN", "不支持", Answer::No),
            // "N/A" translated as "none": not "no".
            ("zh-CN", "无", Answer::NotApplicable),
            ("zh-CN", "", Answer::Unanswered),
        ]);
        // To a free-text question ("What data is stored?") "none" is what it says.
        assert_eq!(normalize_answer_in("无", "zh-CN", false), Answer::Text);
    }

    #[test]
    fn de_de_answers_and_machine_translations() {
        check(&[
            ("de-DE", "Ja", Answer::Yes),
            ("de-DE", "Nein", Answer::No),
            ("de-DE", "Nicht zutreffend", Answer::NotApplicable),
            // "No." as "Nr." (number), "N/A" as "N/V" and as a dash.
            ("de-DE", "Nr.", Answer::No),
            ("de-DE", "N/V", Answer::NotApplicable),
            ("de-DE", "–", Answer::NotApplicable),
        ]);
        // Not available is not available whatever the question.
        assert_eq!(
            normalize_answer_in("N/V", "de-DE", false),
            Answer::NotApplicable
        );
        assert_eq!(normalize_answer_in("Nr.", "de-DE", false), Answer::Text);
        // The same marks in another language are not answers.
        assert_eq!(normalize_answer_in("Nr.", "fr-FR", true), Answer::Text);
        assert_eq!(normalize_answer_in("–", "fr-FR", true), Answer::Unanswered);
    }

    #[test]
    fn ja_jp_answers_and_machine_translations() {
        check(&[
            ("ja-JP", "はい", Answer::Yes),
            ("ja-JP", "いいえ", Answer::No),
            ("ja-JP", "該当なし", Answer::NotApplicable),
            ("ja-JP", "N/A", Answer::NotApplicable),
            // "No" as "not needed", "none" and a cross; "Yes" as "needed".
            ("ja-JP", "不要", Answer::No),
            ("ja-JP", "なし", Answer::No),
            ("ja-JP", "X", Answer::No),
            ("ja-JP", "必要", Answer::Yes),
        ]);
        assert_eq!(normalize_answer_in("不要", "zh-CN", true), Answer::Text);
    }

    #[test]
    fn fr_fr_answers() {
        check(&[
            ("fr-FR", "Oui", Answer::Yes),
            ("fr-FR", "Non", Answer::No),
            ("fr-FR", "S/O", Answer::NotApplicable),
            ("fr-FR", "N/A", Answer::NotApplicable),
            ("fr-FR", "Non applicable", Answer::NotApplicable),
        ]);
    }

    #[test]
    fn ru_ru_answers_and_machine_translations() {
        check(&[
            ("ru-RU", "Да", Answer::Yes),
            ("ru-RU", "Нет", Answer::No),
            ("ru-RU", "Недоступно", Answer::NotApplicable),
            ("ru-RU", "Н/Д", Answer::NotApplicable),
            ("ru-RU", "Н/д", Answer::NotApplicable),
            ("ru-RU", "Неприменимо", Answer::NotApplicable),
        ]);
    }

    #[test]
    fn answers_of_the_languages_without_a_corpus() {
        check(&[
            ("zh-TW", "是", Answer::Yes),
            ("zh-TW", "否", Answer::No),
            ("zh-TW", "不適用", Answer::NotApplicable),
            ("zh-TW", "無", Answer::NotApplicable),
            ("ko-KR", "예", Answer::Yes),
            ("ko-KR", "아니오", Answer::No),
            ("ko-KR", "아니요", Answer::No),
            ("ko-KR", "해당 없음", Answer::NotApplicable),
            ("es-ES", "Sí", Answer::Yes),
            ("es-ES", "No", Answer::No),
            ("es-ES", "N/D", Answer::NotApplicable),
            ("es-ES", "No aplicable", Answer::NotApplicable),
            ("it-IT", "Sì", Answer::Yes),
            ("it-IT", "No", Answer::No),
            ("it-IT", "N/D", Answer::NotApplicable),
            ("pt-BR", "Sim", Answer::Yes),
            ("pt-BR", "Não", Answer::No),
            ("pt-BR", "N/D", Answer::NotApplicable),
            ("en-US", "Yes", Answer::Yes),
            ("en-US", "No.", Answer::No),
            ("en-US", "N/A", Answer::NotApplicable),
            ("en-US", "true", Answer::Yes),
        ]);
    }

    #[test]
    fn english_forms_and_decoration_normalize() {
        assert_eq!(normalize_answer(" **Yes** "), Answer::Yes);
        assert_eq!(normalize_answer("N/A"), Answer::NotApplicable);
        assert_eq!(normalize_answer("true"), Answer::Yes);
        assert_eq!(normalize_answer("FALSE"), Answer::No);
        assert_eq!(normalize_answer("No."), Answer::No);
    }

    #[test]
    fn empty_is_unanswered_and_sentences_are_text() {
        assert_eq!(normalize_answer(""), Answer::Unanswered);
        assert_eq!(normalize_answer("   "), Answer::Unanswered);
        assert_eq!(normalize_answer("Azure"), Answer::Text);
        assert_eq!(normalize_answer("是，使用 Azure"), Answer::Text);
        assert_eq!(normalize_answer(&"Yes ".repeat(40)), Answer::Text);
    }
}
