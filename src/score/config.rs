use serde::Deserialize;

use super::Category;
use crate::risk::Tier;

/// Everything about the score a user may change (in `config.toml`, section `[score]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreConfig {
    /// Whether an unanswered question counts as a bad answer.
    pub count_unanswered: bool,
    pub weights: CategoryWeights,
    pub penalties: TierPenalties,
    /// Per-question rules, first match wins: a row whose question key is `key`, or whose question
    /// contains `contains` (case-insensitive), gets `weight`; 0 ignores it, a negative weight
    /// means "yes" is the bad answer. Rows no rule matches are read by the questionnaire's
    /// meaning of their question.
    pub questions: Vec<QuestionRule>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CategoryWeights {
    #[serde(deserialize_with = "non_negative")]
    pub general: f64,
    #[serde(deserialize_with = "non_negative")]
    pub security: f64,
    #[serde(deserialize_with = "non_negative")]
    pub compliance: f64,
    #[serde(deserialize_with = "non_negative")]
    pub privacy: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierPenalties {
    #[serde(deserialize_with = "non_negative")]
    pub critical: f64,
    #[serde(deserialize_with = "non_negative")]
    pub high: f64,
    #[serde(deserialize_with = "non_negative")]
    pub medium: f64,
    #[serde(deserialize_with = "non_negative")]
    pub low: f64,
    /// The most the permissions can take off.
    #[serde(deserialize_with = "non_negative")]
    pub cap: f64,
}

/// One `[[score.questions]]` entry: `key = "zerotrust.credentials_in_code"` or
/// `contains = "credentials in code"` (exactly one), and a `weight`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawRule")]
pub struct QuestionRule {
    pub matches: RuleMatch,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RuleMatch {
    /// A questionnaire key, in any page language.
    Key(String),
    /// Text the page's question contains, case-insensitive.
    Contains(String),
}

impl QuestionRule {
    pub fn key(key: &str, weight: f64) -> QuestionRule {
        QuestionRule {
            matches: RuleMatch::Key(key.to_string()),
            weight,
        }
    }

    pub fn contains(text: &str, weight: f64) -> QuestionRule {
        QuestionRule {
            matches: RuleMatch::Contains(text.to_string()),
            weight,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    key: Option<String>,
    contains: Option<String>,
    // Checked here rather than in `try_from`, so the error names the value's line and column.
    #[serde(deserialize_with = "finite")]
    weight: f64,
}

impl TryFrom<RawRule> for QuestionRule {
    type Error = String;

    fn try_from(raw: RawRule) -> Result<QuestionRule, String> {
        let matches = match (raw.key, raw.contains) {
            (Some(key), None) => {
                if crate::questionnaire::questionnaire().key(&key).is_none() {
                    return Err(format!(
                        "unknown question key `{key}` (`attest-tui questions` lists them)"
                    ));
                }
                RuleMatch::Key(key)
            }
            (None, Some(text)) if !text.trim().is_empty() => RuleMatch::Contains(text),
            (None, Some(_)) => return Err("`contains` needs some text".to_string()),
            _ => return Err("a question rule needs exactly one of `key` or `contains`".to_string()),
        };
        Ok(QuestionRule {
            matches,
            weight: raw.weight,
        })
    }
}

/// A weight or penalty: a finite number of at least 0. NaN would make every score NaN and sort
/// anywhere; a negative weight would turn a category's good answers into bad ones. The error
/// comes from the parser, so it names the line and column.
fn non_negative<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = finite(d)?;
    if v < 0.0 {
        return Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Float(v),
            &"a number of at least 0",
        ));
    }
    Ok(v)
}

/// A question weight: any finite number (negative: "yes" is the bad answer).
fn finite<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !v.is_finite() {
        return Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Float(v),
            &"a finite number",
        ));
    }
    Ok(v)
}

impl Default for ScoreConfig {
    fn default() -> Self {
        ScoreConfig {
            count_unanswered: true,
            weights: CategoryWeights::default(),
            penalties: TierPenalties::default(),
            questions: Vec::new(),
        }
    }
}

impl Default for CategoryWeights {
    fn default() -> Self {
        CategoryWeights {
            general: 0.5,
            security: 1.5,
            compliance: 1.0,
            privacy: 1.0,
        }
    }
}

impl Default for TierPenalties {
    fn default() -> Self {
        TierPenalties {
            critical: 1.0,
            high: 0.4,
            medium: 0.1,
            low: 0.0,
            cap: 3.0,
        }
    }
}

impl CategoryWeights {
    pub fn of(&self, c: Category) -> f64 {
        match c {
            Category::General => self.general,
            Category::Security => self.security,
            Category::Compliance => self.compliance,
            Category::Privacy => self.privacy,
        }
    }
}

impl TierPenalties {
    pub fn of(&self, t: Tier) -> f64 {
        match t {
            Tier::Critical => self.critical,
            Tier::High => self.high,
            Tier::Medium => self.medium,
            Tier::Low => self.low,
            Tier::Unknown => 0.0,
        }
    }
}

impl ScoreConfig {
    /// The weight the rules give a row (`None` when no rule matches it).
    pub fn rule_weight(&self, key: Option<&str>, question: &str) -> Option<f64> {
        let q = question.to_lowercase();
        self.questions
            .iter()
            .find(|r| match &r.matches {
                RuleMatch::Key(k) => key == Some(k.as_str()),
                RuleMatch::Contains(text) => q.contains(&text.to_lowercase()),
            })
            .map(|r| r.weight)
    }
}

/// For rows the questionnaire could not key (a hand-written catalog's own questions), words of
/// English and Chinese questions where "yes" is the worrying answer. Keyed rows are read by
/// their question's meaning instead, in every language.
const UNKEYED_YES_IS_BAD: &[&str] = &[
    "credentials in code",
    "在代码中存储任何凭据",
    "代码中存储",
    "unsupported operating system",
    "不受支持的操作系统",
    "third parties or sub-processors",
    "third part",
    "第三方",
    "automated decision",
    "自动决策",
    "secondary purpose",
    "次要目的",
    "special categories",
    "敏感数据",
    "minors",
    "未成年人",
];

/// Whether "yes" is the worrying answer to a question the questionnaire does not know.
pub fn unkeyed_yes_is_bad(question: &str) -> bool {
    let q = question.to_lowercase();
    UNKEYED_YES_IS_BAD.iter().any(|w| q.contains(w))
}
