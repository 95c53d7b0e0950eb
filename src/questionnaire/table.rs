//! `data/questionnaire.toml` read into a table, once.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::QuestionKey;

/// What a question's answers mean for a reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    /// "Yes" is the reassuring answer (a penetration test every year).
    YesGood,
    /// "Yes" is the worrying answer (credentials stored in code).
    NoGood,
    /// A fact, neither good nor bad (where the data is stored).
    Info,
}

impl Meaning {
    pub fn as_str(self) -> &'static str {
        match self {
            Meaning::YesGood => "yes is good",
            Meaning::NoGood => "no is good",
            Meaning::Info => "informational",
        }
    }
}

/// The kind of answer a question expects; the keying uses it to tell questions apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    YesNo,
    Text,
    Url,
    Date,
    /// An app id (`WA200000573`, a GUID).
    Id,
    /// Comma-separated option names (`CodeRepositories, DNSManagement`).
    List,
    /// A certification outcome (pass, in scope, not applicable).
    Result,
}

impl AnswerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::YesNo => "yes/no",
            AnswerKind::Text => "text",
            AnswerKind::Url => "URL",
            AnswerKind::Date => "date",
            AnswerKind::Id => "id",
            AnswerKind::List => "list",
            AnswerKind::Result => "result",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub key: String,
    /// The page pivot the question belongs to (`security`).
    pub zone: String,
    pub label: String,
    pub meaning: Meaning,
    pub answer: AnswerKind,
    /// Latin words every translation keeps, each a sequence of lower-case tokens
    /// (`["azure", "ad"]`); see [`latin_tokens`].
    pub anchors: Vec<Vec<String>>,
    /// Numbers every translation keeps (`27001`; `1`, `1` for TLS 1.1).
    pub numbers: Vec<u32>,
    pub optional: bool,
    pub since: u8,
    /// Only older form versions ask it.
    pub legacy: bool,
    /// The versions of the zone's form that ask it; empty: all of them.
    pub forms: Vec<String>,
    pub level: u8,
}

/// The whole questionnaire: the questions, and per zone the order a page asks them in.
#[derive(Debug)]
pub struct Questionnaire {
    questions: Vec<Question>,
    by_key: HashMap<String, usize>,
    /// Per zone, the questions in form order; a question asked at two places in different form
    /// versions is listed twice.
    slots: Vec<(String, Vec<usize>)>,
    /// Per zone, parallel to `slots`: whether the slot is an alias (a second place).
    aliases: Vec<Vec<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    question: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    key: String,
    label: Option<String>,
    meaning: Option<Meaning>,
    answer: Option<AnswerKind>,
    #[serde(default)]
    anchors: Vec<String>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    since: u8,
    #[serde(default)]
    legacy: bool,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    level: u8,
    #[serde(default)]
    alias: bool,
}

const EMBEDDED: &str = include_str!("../../data/questionnaire.toml");

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    // The file is part of the build; a mistake in it is caught by this module's tests.
    Questionnaire::parse(EMBEDDED).unwrap_or_else(|e| panic!("data/questionnaire.toml: {e}"))
});

/// The embedded questionnaire.
pub fn questionnaire() -> &'static Questionnaire {
    &QUESTIONNAIRE
}

impl Questionnaire {
    fn parse(text: &str) -> Result<Questionnaire, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut questions: Vec<Question> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut slots: Vec<(String, Vec<usize>)> = Vec::new();
        let mut aliases: Vec<Vec<bool>> = Vec::new();
        for e in file.question {
            let Some((zone, name)) = e.key.split_once('.') else {
                return Err(format!("key `{}` has no zone part", e.key));
            };
            if name.is_empty()
                || !e
                    .key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
            {
                return Err(format!("key `{}`: expected zone.name in lower case", e.key));
            }
            let index = if e.alias {
                *by_key
                    .get(&e.key)
                    .ok_or_else(|| format!("alias `{}` before its question", e.key))?
            } else {
                if by_key.contains_key(&e.key) {
                    return Err(format!("key `{}` twice (use `alias = true`)", e.key));
                }
                let (Some(label), Some(meaning), Some(answer)) = (e.label, e.meaning, e.answer)
                else {
                    return Err(format!(
                        "`{}` needs a label, a meaning and an answer",
                        e.key
                    ));
                };
                let (anchors, numbers) = split_anchors(&e.anchors);
                questions.push(Question {
                    key: e.key.clone(),
                    zone: zone.to_string(),
                    label,
                    meaning,
                    answer,
                    anchors,
                    numbers,
                    optional: e.optional,
                    since: e.since,
                    legacy: e.legacy,
                    forms: e.forms,
                    level: e.level,
                });
                by_key.insert(e.key.clone(), questions.len() - 1);
                questions.len() - 1
            };
            match slots.iter().position(|(z, _)| z == zone) {
                Some(at) => {
                    slots[at].1.push(index);
                    aliases[at].push(e.alias);
                }
                None => {
                    slots.push((zone.to_string(), vec![index]));
                    aliases.push(vec![e.alias]);
                }
            }
        }
        if questions.len() >= usize::from(u16::MAX) / 2 {
            return Err("too many questions".to_string());
        }
        Ok(Questionnaire {
            questions,
            by_key,
            slots,
            aliases,
        })
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// Every question, zone by zone in form order (each once).
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn key(&self, name: &str) -> Option<QuestionKey> {
        self.by_key.get(name).map(|&i| QuestionKey::from_index(i))
    }

    pub fn get(&self, key: QuestionKey) -> Option<&Question> {
        key.index().map(|i| &self.questions[i])
    }

    /// The keys of a zone in the order a page asks them (a key may appear twice, see
    /// [`Questionnaire`]); empty for a zone the questionnaire does not know.
    pub fn zone_slots(&self, zone: &str) -> &[usize] {
        self.slots
            .iter()
            .find(|(z, _)| z == zone)
            .map_or(&[], |(_, s)| s.as_slice())
    }

    /// For each of [`zone_slots`](Self::zone_slots): whether it is an alias.
    pub fn zone_aliases(&self, zone: &str) -> &[bool] {
        self.slots
            .iter()
            .position(|(z, _)| z == zone)
            .map_or(&[], |at| self.aliases[at].as_slice())
    }

    /// The zones, in the order of the file.
    pub fn zones(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|(z, _)| z.as_str())
    }

    pub(super) fn question_at(&self, index: usize) -> &Question {
        &self.questions[index]
    }
}

/// The word and number parts of a question's anchors.
fn split_anchors(anchors: &[String]) -> (Vec<Vec<String>>, Vec<u32>) {
    let mut words = Vec::new();
    let mut numbers = Vec::new();
    for a in anchors {
        let mut seq = Vec::new();
        for t in latin_tokens(a) {
            match t.parse::<u32>() {
                Ok(n) => numbers.push(n),
                Err(_) => seq.push(t),
            }
        }
        if !seq.is_empty() {
            words.push(seq);
        }
    }
    (words, numbers)
}

/// The Latin tokens of a text, lower case: runs of ASCII letters, and runs of ASCII digits (full
/// width ones folded), each apart. Text in other scripts separates them, so `支持的Office 365客户端`
/// gives `office`, `365` and `SOC2` gives `soc`, `2`. These survive machine translation, which is
/// why questions are recognized by them.
pub fn latin_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    for c in text.chars() {
        let c = crate::compare::fold_width(c);
        let (is_tok, is_digit) = (c.is_ascii_alphanumeric(), c.is_ascii_digit());
        if !cur.is_empty() && (!is_tok || is_digit != cur_digit) {
            out.push(std::mem::take(&mut cur));
        }
        if is_tok {
            cur.push(c.to_ascii_lowercase());
            cur_digit = is_digit;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_questionnaire_reads_and_keys_are_zone_prefixed() {
        let q = questionnaire();
        assert!(q.len() > 100, "{} questions", q.len());
        for question in q.questions() {
            assert!(question.key.starts_with(&format!("{}.", question.zone)));
            assert!(!question.label.is_empty());
            assert_eq!(
                q.key(&question.key).map(|k| k.as_str()),
                Some(question.key.as_str())
            );
        }
        let zones: Vec<&str> = q.zones().collect();
        assert_eq!(
            zones,
            [
                "general",
                "data",
                "security",
                "compliance",
                "privsection",
                "zerotrust",
                "identity",
                "certification"
            ]
        );
    }

    #[test]
    fn an_alias_lists_a_question_twice_in_its_zone() {
        let q = questionnaire();
        let info = q.by_key["general.info_page"];
        let slots = q.zone_slots("general");
        assert_eq!(slots.iter().filter(|&&i| i == info).count(), 2);
        assert!(q.zone_slots("nowhere").is_empty());
    }

    #[test]
    fn mistakes_in_the_file_are_refused_with_the_key() {
        let err = Questionnaire::parse("[[question]]\nkey = \"x\"\n").unwrap_err();
        assert!(err.contains("`x` has no zone part"), "{err}");
        let twice =
            "[[question]]\nkey = \"a.b\"\nlabel = \"B\"\nmeaning = \"info\"\nanswer = \"text\"\n";
        let err = Questionnaire::parse(&format!("{twice}{twice}")).unwrap_err();
        assert!(err.contains("twice"), "{err}");
        let err = Questionnaire::parse("[[question]]\nkey = \"a.b\"\nalias = true\n").unwrap_err();
        assert!(err.contains("before its question"), "{err}");
        let err =
            Questionnaire::parse("[[question]]\nkey = \"a.b\"\nmeaning = \"maybe\"\n").unwrap_err();
        assert!(err.contains("maybe"), "{err}");
    }
}
