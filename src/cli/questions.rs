//! `attest-tui questions`: the questionnaire every page is read against.

use super::Failure;
use super::args::QuestionsArgs;
use super::table::TextTable;
use crate::questionnaire::{Meaning, questionnaire};
use crate::text::SafeText;

#[derive(serde::Serialize)]
struct QuestionJson<'a> {
    key: &'a str,
    zone: &'a str,
    label: &'a str,
    meaning: &'static str,
    answer: &'static str,
}

pub fn run(args: &QuestionsArgs) -> Result<SafeText, Failure> {
    let table = questionnaire();
    if let Some(zone) = &args.zone
        && !table.zones().any(|z| z == zone)
    {
        return Err(Failure::bad_input(format!(
            "no zone `{zone}` in the questionnaire; expected one of {}",
            table.zones().collect::<Vec<_>>().join(", ")
        )));
    }
    let questions: Vec<_> = table
        .questions()
        .iter()
        .filter(|q| args.zone.as_ref().is_none_or(|z| *z == q.zone))
        .collect();
    if args.json {
        let rows: Vec<QuestionJson> = questions
            .iter()
            .map(|q| QuestionJson {
                key: &q.key,
                zone: &q.zone,
                label: &q.label,
                meaning: match q.meaning {
                    Meaning::YesGood => "yes_good",
                    Meaning::NoGood => "no_good",
                    Meaning::Info => "info",
                },
                answer: q.answer.as_str(),
            })
            .collect();
        return super::json_out(&rows);
    }
    let mut out = TextTable::new(&["KEY", "MEANING", "ANSWER", "LABEL"], &[48, 14, 7, 60]);
    for q in questions {
        out.push(vec![
            q.key.clone(),
            q.meaning.as_str().to_string(),
            q.answer.as_str().to_string(),
            q.label.clone(),
        ]);
    }
    Ok(SafeText::from_string(out.render()))
}
