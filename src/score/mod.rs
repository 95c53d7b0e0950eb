//! A 0–10 score per app in the spirit of the Defender for Cloud Apps catalog: category scores
//! from the publisher's normalized answers, less a penalty for risky permissions. Every number
//! is explained by `ScoreCard::explain`.

mod config;

pub use config::{
    CategoryWeights, QuestionRule, RuleMatch, ScoreConfig, TierPenalties, unkeyed_yes_is_bad,
};

use crate::model::{Answer, App, Row};
use crate::questionnaire::{Meaning, QuestionKey, question};
use crate::risk::{RiskTable, Tier};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    General,
    Security,
    Compliance,
    Privacy,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::General,
        Category::Security,
        Category::Compliance,
        Category::Privacy,
    ];

    pub fn of_pivot(pivot: &str) -> Option<Category> {
        Some(match pivot {
            "general" => Category::General,
            "security" | "mcas" | "zerotrust" | "identity" => Category::Security,
            "compliance" | "csa" | "certification" => Category::Compliance,
            "privsection" | "data" => Category::Privacy,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::General => "General",
            Category::Security => "Security",
            Category::Compliance => "Compliance",
            Category::Privacy => "Privacy & legal",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryScore {
    pub category: Category,
    /// 0–10; None when no question of the category counted.
    pub score: Option<f64>,
    pub good: usize,
    pub bad: usize,
    pub unanswered: usize,
    pub weight: f64,
}

/// One permission's penalty. A permission is counted once per app by name (case-insensitive,
/// as Graph names are) and kind, however many of its registrations request it.
#[derive(Debug, Clone, PartialEq)]
pub struct PermissionPenalty {
    pub name: String,
    pub kind: &'static str,
    pub tier: Tier,
    pub points: f64,
    /// How many times the app's permission list holds it (once per registration requesting it).
    pub listed: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCard {
    /// 0–10, one decimal: `base − penalty`, kept within 0–10 (and rounded to one decimal only
    /// when a configured penalty has more decimals).
    pub total: f64,
    /// The weighted mean of the categories, rounded to one decimal: the one rounding, so the
    /// explanation adds up as printed.
    pub base: f64,
    /// The weighted mean before rounding.
    pub mean: f64,
    pub categories: Vec<CategoryScore>,
    pub penalties: Vec<PermissionPenalty>,
    /// Sum of the penalties, after the cap.
    pub penalty: f64,
}

/// To one decimal.
fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A sum of configured penalties without the noise of binary fractions (0.1 + 0.2).
fn clean_sum(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// With no scored answer at all the base is neutral, so an empty page neither wins nor loses.
const NEUTRAL_BASE: f64 = 5.0;

pub fn score_app(app: &App, risk: &RiskTable, cfg: &ScoreConfig) -> ScoreCard {
    score_with(app, risk, cfg, &mut QuestionWeights::new(cfg))
}

/// The total score of many apps, computed in parallel. The questionnaire is a template, so the
/// same question text recurs in every app: its weight is looked up once per parallel split.
/// Only the totals are kept — a large catalog would otherwise hold a score card per app;
/// `score_app` rebuilds one when it is explained.
pub fn score_totals(apps: &[App], risk: &RiskTable, cfg: &ScoreConfig) -> Vec<f64> {
    use rayon::prelude::*;
    apps.par_iter()
        .with_min_len(256)
        .map_init(
            || QuestionWeights::new(cfg),
            |weights, a| score_with(a, risk, cfg, weights).total,
        )
        .collect()
}

/// How a row counts: the config's rules first (by key, then by text), else the meaning the
/// questionnaire gives its question. Rules are lower-cased once and text matches remembered.
struct QuestionWeights {
    /// (place in the config, key, weight) of the rules by key.
    by_key: Vec<(usize, Option<QuestionKey>, f64)>,
    /// (place in the config, lower-cased text, weight) of the rules by text.
    by_text: Vec<(usize, String, f64)>,
    memo: foldhash::HashMap<String, Option<(usize, f64)>>,
    /// Questions without a key: whether "yes" is the worrying answer.
    unkeyed: foldhash::HashMap<String, bool>,
}

/// How one row counts in its category.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counting {
    /// Not counted (weight 0, an informational question outside the general zone).
    Ignored,
    /// "Yes" is the good answer (`true`) or the bad one (`false`).
    YesNo(bool),
    /// A fact: answering it is what counts (the general zone).
    Fact,
}

impl QuestionWeights {
    fn new(cfg: &ScoreConfig) -> QuestionWeights {
        let mut by_key = Vec::new();
        let mut by_text = Vec::new();
        for (order, rule) in cfg.questions.iter().enumerate() {
            match &rule.matches {
                RuleMatch::Key(k) => by_key.push((order, QuestionKey::named(k), rule.weight)),
                RuleMatch::Contains(t) => by_text.push((order, t.to_lowercase(), rule.weight)),
            }
        }
        QuestionWeights {
            by_key,
            by_text,
            memo: foldhash::HashMap::default(),
            unkeyed: foldhash::HashMap::default(),
        }
    }

    /// The weight of the first rule (in config order) matching `row`.
    fn rule(&mut self, row: &Row) -> Option<f64> {
        let by_key = row.key.and_then(|k| {
            self.by_key
                .iter()
                .find(|(_, rk, _)| *rk == Some(k))
                .map(|(order, _, w)| (*order, *w))
        });
        let by_text = match self.memo.get(row.question.as_str()) {
            Some(found) => *found,
            None => {
                let q = row.question.to_lowercase();
                let found = self
                    .by_text
                    .iter()
                    .find(|(_, c, _)| q.contains(c.as_str()))
                    .map(|(order, _, w)| (*order, *w));
                self.memo.insert(row.question.to_string(), found);
                found
            }
        };
        [by_key, by_text]
            .into_iter()
            .flatten()
            .min_by_key(|(order, _)| *order)
            .map(|(_, w)| w)
    }

    fn counting(&mut self, row: &Row, cat: Category) -> Counting {
        if let Some(w) = self.rule(row) {
            return if w == 0.0 {
                Counting::Ignored
            } else if cat == Category::General {
                Counting::Fact
            } else {
                Counting::YesNo(w > 0.0)
            };
        }
        let meaning = row.key.and_then(question).map(|q| q.meaning);
        match (cat, meaning) {
            (Category::General, _) => Counting::Fact,
            (_, Some(Meaning::Info)) => Counting::Ignored,
            (_, Some(Meaning::NoGood)) => Counting::YesNo(false),
            (_, Some(Meaning::YesGood)) => Counting::YesNo(true),
            (_, None) => Counting::YesNo(!self.unkeyed_bad(&row.question)),
        }
    }

    fn unkeyed_bad(&mut self, question: &str) -> bool {
        if let Some(&bad) = self.unkeyed.get(question) {
            return bad;
        }
        let bad = config::unkeyed_yes_is_bad(question);
        self.unkeyed.insert(question.to_string(), bad);
        bad
    }
}

fn score_with(
    app: &App,
    risk: &RiskTable,
    cfg: &ScoreConfig,
    weights: &mut QuestionWeights,
) -> ScoreCard {
    let mut categories: Vec<CategoryScore> = Category::ALL
        .iter()
        .map(|&category| CategoryScore {
            category,
            score: None,
            good: 0,
            bad: 0,
            unanswered: 0,
            weight: cfg.weights.of(category),
        })
        .collect();
    for zone in &app.zones {
        let Some(cat) = Category::of_pivot(&zone.pivot) else {
            continue;
        };
        let slot = &mut categories[Category::ALL.iter().position(|c| *c == cat).unwrap_or(0)];
        for row in zone.rows() {
            // An answer lost with the page's icons is neither good nor missing.
            if row.value == Answer::NotCopied {
                continue;
            }
            match (weights.counting(row, cat), row.value) {
                (Counting::Ignored, _) => {}
                (_, Answer::Unanswered) => slot.unanswered += 1,
                // General rows are facts (name, website): answering them is what counts.
                (Counting::Fact, _) => slot.good += 1,
                (Counting::YesNo(yes_good), Answer::Yes) => {
                    *if yes_good {
                        &mut slot.good
                    } else {
                        &mut slot.bad
                    } += 1
                }
                (Counting::YesNo(yes_good), Answer::No) => {
                    *if yes_good {
                        &mut slot.bad
                    } else {
                        &mut slot.good
                    } += 1
                }
                (Counting::YesNo(_), _) => {}
            }
        }
    }
    for c in &mut categories {
        let counted = c.good
            + c.bad
            + if cfg.count_unanswered {
                c.unanswered
            } else {
                0
            };
        if counted > 0 {
            c.score = Some(10.0 * c.good as f64 / counted as f64);
        }
    }
    let (sum, weights) = categories
        .iter()
        .filter_map(|c| c.score.map(|s| (s * c.weight, c.weight)))
        .fold((0.0, 0.0), |(s, w), (a, b)| (s + a, w + b));
    let mean = if weights > 0.0 {
        sum / weights
    } else {
        NEUTRAL_BASE
    };
    let base = tenths(mean);
    let penalties = penalties_of(app, risk, cfg);
    let penalty = clean_sum(penalties.iter().map(|p| p.points).sum::<f64>()).min(cfg.penalties.cap);
    // Exact with penalties in tenths (the defaults); a finer configured penalty is the only
    // reason this rounds, and the explanation says so.
    let total = tenths((base - penalty).clamp(0.0, 10.0));
    ScoreCard {
        total,
        base,
        mean,
        categories,
        penalties,
        penalty,
    }
}

/// The penalties of an app's permissions, one per name and kind, in the order they first occur.
fn penalties_of(app: &App, risk: &RiskTable, cfg: &ScoreConfig) -> Vec<PermissionPenalty> {
    // Where each name and kind's penalty is, or None for one that costs nothing.
    let mut seen: foldhash::HashMap<(String, &'static str), Option<usize>> = Default::default();
    let mut penalties: Vec<PermissionPenalty> = Vec::new();
    for p in &app.permissions {
        let key = (p.name.trim().to_ascii_lowercase(), p.kind.as_str());
        if let Some(at) = seen.get(&key) {
            if let Some(i) = at {
                penalties[*i].listed += 1;
            }
            continue;
        }
        let tier = risk.rate(&p.name, p.kind).tier;
        let points = cfg.penalties.of(tier);
        if points > 0.0 {
            seen.insert(key, Some(penalties.len()));
            penalties.push(PermissionPenalty {
                name: p.name.clone(),
                kind: p.kind.as_str(),
                tier,
                points,
                listed: 1,
            });
        } else {
            seen.insert(key, None);
        }
    }
    penalties
}

/// A number as the explanation prints it: one decimal, more only when it has them (0.25).
fn shown(x: f64) -> String {
    let two = format!("{x:.2}");
    if two.ends_with('0') {
        format!("{x:.1}")
    } else {
        two
    }
}

impl ScoreCard {
    /// How the score came about, one line per step, for people.
    pub fn explain(&self, cfg: &ScoreConfig) -> Vec<String> {
        let mut lines = Vec::new();
        for c in &self.categories {
            let counts = format!(
                "{} good, {} bad, {} unanswered{}",
                c.good,
                c.bad,
                c.unanswered,
                if cfg.count_unanswered {
                    " (counted against)"
                } else {
                    " (not counted)"
                }
            );
            match c.score {
                Some(s) => lines.push(format!(
                    "{:<16}{s:>4.1}/10  weight {}  — {counts}",
                    c.category.label(),
                    c.weight
                )),
                None => lines.push(format!(
                    "{:<16}   —     no scored answers",
                    c.category.label()
                )),
            }
        }
        let rounded = if (self.mean - self.base).abs() > 1e-9 {
            format!("weighted mean {:.3}, rounded", self.mean)
        } else {
            "weighted mean of the categories".to_string()
        };
        lines.push(format!("{:<16}{:>4.1}/10  ({rounded})", "Base", self.base));
        for p in &self.penalties {
            let listed = if p.listed > 1 {
                format!("; listed {}×, counted once", p.listed)
            } else {
                String::new()
            };
            lines.push(format!(
                "  −{}  {} ({}, {}{listed})",
                shown(p.points),
                p.name,
                p.kind,
                p.tier.as_str()
            ));
        }
        if !self.penalties.is_empty() {
            let sum = clean_sum(self.penalties.iter().map(|p| p.points).sum());
            let how = if sum > self.penalty {
                format!("the sum {}, capped at {}", shown(sum), shown(self.penalty))
            } else if self.penalties.len() == 1 {
                "the one above".to_string()
            } else {
                format!("the sum of the {} above", self.penalties.len())
            };
            lines.push(format!(
                "{:<16}−{}  ({how})",
                "Permissions",
                shown(self.penalty)
            ));
        }
        let exact = self.base - self.penalty;
        let mut how = if self.penalties.is_empty() {
            "= the base, no permission penalty".to_string()
        } else {
            format!("= {:.1} − {}", self.base, shown(self.penalty))
        };
        if exact < 0.0 {
            how.push_str(", not below 0");
        } else if (exact - self.total).abs() > 1e-9 {
            let _ =
                std::fmt::Write::write_fmt(&mut how, format_args!(" = {}, rounded", shown(exact)));
        }
        lines.push(format!("{:<16}{:>4.1}/10  ({how})", "Score", self.total));
        lines
    }
}

#[cfg(test)]
mod tests;
