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
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "not_applicable",
            Answer::Unanswered => "unanswered",
            Answer::Text => "text",
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
    // Machine translations of "No" in the zh-CN corpus ("not supported", "none").
    "不支持",
    "无",
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
];
const UNANSWERED: &[&str] = &["", "-", "—", "–", "n/r", "未回答", "未应答"];

/// Map an answer as written on a page to its normalized value, in any language the pages use.
pub fn normalize_answer(raw: &str) -> Answer {
    let folded = fold(raw);
    let word = folded.as_str();
    if UNANSWERED.contains(&word) {
        Answer::Unanswered
    } else if YES.contains(&word) {
        Answer::Yes
    } else if NO.contains(&word) {
        Answer::No
    } else if NOT_APPLICABLE.contains(&word) {
        Answer::NotApplicable
    } else {
        Answer::Text
    }
}

/// Lower case, markdown emphasis and closing punctuation removed, inner white space collapsed.
fn fold(raw: &str) -> String {
    let trimmed = raw
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(['.', '。', '!', '！', '．'])
        .trim();
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_answers_normalize() {
        assert_eq!(normalize_answer("是"), Answer::Yes);
        assert_eq!(normalize_answer("否"), Answer::No);
        assert_eq!(normalize_answer("不适用"), Answer::NotApplicable);
        assert_eq!(normalize_answer("不適用"), Answer::NotApplicable);
        assert_eq!(normalize_answer("可访问"), Answer::Yes);
        assert_eq!(normalize_answer("不支持"), Answer::No);
        assert_eq!(normalize_answer("无"), Answer::No);
    }

    #[test]
    fn european_answers_normalize() {
        for (raw, want) in [
            ("Ja", Answer::Yes),
            ("Nein", Answer::No),
            ("Nicht zutreffend", Answer::NotApplicable),
            ("Oui", Answer::Yes),
            ("Non applicable", Answer::NotApplicable),
            ("Sí", Answer::Yes),
            ("No aplicable", Answer::NotApplicable),
            ("Não", Answer::No),
            ("Niet van toepassing", Answer::NotApplicable),
            ("Nej", Answer::No),
            ("Nie dotyczy", Answer::NotApplicable),
            ("Hayır", Answer::No),
            ("Да", Answer::Yes),
            ("Неприменимо", Answer::NotApplicable),
        ] {
            assert_eq!(normalize_answer(raw), want, "{raw}");
        }
    }

    #[test]
    fn asian_answers_normalize() {
        assert_eq!(normalize_answer("はい"), Answer::Yes);
        assert_eq!(normalize_answer("いいえ"), Answer::No);
        assert_eq!(normalize_answer("該当なし"), Answer::NotApplicable);
        assert_eq!(normalize_answer("예"), Answer::Yes);
        assert_eq!(normalize_answer("해당 없음"), Answer::NotApplicable);
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
    }
}
