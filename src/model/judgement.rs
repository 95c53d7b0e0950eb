//! What an answer means for a reviewer: a "no" to "Does your app store credentials in code?" is
//! good news, a "no" to "Do you run annual penetration tests?" is not. The questionnaire says
//! which; the score, the answer colors and the filters all ask here.

use super::{Answer, Row};
use crate::questionnaire::{Meaning, QuestionKey, question};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Judgement {
    /// The reassuring answer.
    Good,
    /// The worrying answer.
    Bad,
    /// Neither: not applicable, free text, or a yes/no to an informational question.
    Neutral,
    Unanswered,
    /// The answer was lost when the page text was copied.
    NotCopied,
}

impl Judgement {
    /// Good for bad and bad for good.
    fn flipped(self) -> Judgement {
        match self {
            Judgement::Good => Judgement::Bad,
            Judgement::Bad => Judgement::Good,
            other => other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Judgement::Good => "good",
            Judgement::Bad => "bad",
            Judgement::Neutral => "neutral",
            Judgement::Unanswered => "unanswered",
            Judgement::NotCopied => "not_copied",
        }
    }
}

/// The judgement of a row: its value read by its question's meaning. A question without a key
/// is judged as the score judges it (see `score::unkeyed_yes_is_bad`).
pub fn judge(row: &Row) -> Judgement {
    if row.key.is_none() && crate::score::unkeyed_yes_is_bad(&row.question) {
        return judge_value(None, row.value).flipped();
    }
    judge_value(row.key, row.value)
}

/// The judgement of `value` as an answer to the question `key`. A question the questionnaire
/// does not know is read the way most of the form reads: "yes" is good.
pub fn judge_value(key: Option<QuestionKey>, value: Answer) -> Judgement {
    let meaning = key
        .and_then(question)
        .map_or(Meaning::YesGood, |q| q.meaning);
    match (value, meaning) {
        (Answer::Unanswered, _) => Judgement::Unanswered,
        (Answer::NotCopied, _) => Judgement::NotCopied,
        (Answer::NotApplicable | Answer::Text, _) | (_, Meaning::Info) => Judgement::Neutral,
        (Answer::Yes, Meaning::YesGood) | (Answer::No, Meaning::NoGood) => Judgement::Good,
        (Answer::No, Meaning::YesGood) | (Answer::Yes, Meaning::NoGood) => Judgement::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_that_is_good_news_is_good() {
        let row = Row::new(
            "Speichert Ihre App Anmeldeinformationen im Code?",
            "Nein",
            0,
        )
        .keyed("zerotrust.credentials_in_code");
        assert_eq!(judge(&row), Judgement::Good);
        let row = Row::new("Speichert Ihre App Anmeldeinformationen im Code?", "Ja", 0)
            .keyed("zerotrust.credentials_in_code");
        assert_eq!(judge(&row), Judgement::Bad);
    }

    #[test]
    fn yes_is_good_by_default_and_facts_are_neutral() {
        let pentest = QuestionKey::named("security.pentest_annual");
        assert_eq!(judge_value(pentest, Answer::Yes), Judgement::Good);
        assert_eq!(judge_value(pentest, Answer::No), Judgement::Bad);
        assert_eq!(judge_value(None, Answer::No), Judgement::Bad);
        let stores = QuestionKey::named("data.stores_customer_data");
        assert_eq!(judge_value(stores, Answer::Yes), Judgement::Neutral);
        assert_eq!(
            judge_value(pentest, Answer::NotApplicable),
            Judgement::Neutral
        );
        assert_eq!(
            judge_value(pentest, Answer::Unanswered),
            Judgement::Unanswered
        );
        assert_eq!(
            judge_value(pentest, Answer::NotCopied),
            Judgement::NotCopied
        );
    }
}
