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
    /// Per-question weights, first match wins: a question containing `contains` (case-insensitive)
    /// gets `weight`; 0 ignores it, a negative weight means "yes" is the bad answer.
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRule {
    pub contains: String,
    #[serde(deserialize_with = "finite")]
    pub weight: f64,
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
            questions: default_question_rules(),
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
    pub fn question_weight(&self, question: &str) -> f64 {
        let q = question.to_lowercase();
        self.questions
            .iter()
            .find(|r| q.contains(&r.contains.to_lowercase()))
            .map_or(1.0, |r| r.weight)
    }
}

/// Questions where "yes" is the worrying answer, in the page languages we have seen. Facts of
/// the questionnaire, not of any one page.
fn default_question_rules() -> Vec<QuestionRule> {
    [
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
    ]
    .into_iter()
    .map(|contains| QuestionRule {
        contains: contains.to_string(),
        weight: -1.0,
    })
    .collect()
}
