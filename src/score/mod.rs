//! A 0–10 score per app in the spirit of the Defender for Cloud Apps catalog: category scores
//! from the publisher's normalized answers, less a penalty for risky permissions. Every number
//! is explained by `ScoreCard::explain`.

mod config;

pub use config::{CategoryWeights, QuestionRule, ScoreConfig, TierPenalties};

use crate::model::{Answer, App};
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

#[derive(Debug, Clone, PartialEq)]
pub struct PermissionPenalty {
    pub name: String,
    pub kind: &'static str,
    pub tier: Tier,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCard {
    /// 0–10, one decimal.
    pub total: f64,
    /// Weighted mean of the categories before the permission penalty.
    pub base: f64,
    pub categories: Vec<CategoryScore>,
    pub penalties: Vec<PermissionPenalty>,
    /// Sum of the penalties, after the cap.
    pub penalty: f64,
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

/// `ScoreConfig::question_weight` with the rules lower-cased once and answers remembered.
struct QuestionWeights {
    rules: Vec<(String, f64)>,
    memo: foldhash::HashMap<String, f64>,
}

impl QuestionWeights {
    fn new(cfg: &ScoreConfig) -> QuestionWeights {
        QuestionWeights {
            rules: cfg
                .questions
                .iter()
                .map(|r| (r.contains.to_lowercase(), r.weight))
                .collect(),
            memo: foldhash::HashMap::default(),
        }
    }

    fn of(&mut self, question: &str) -> f64 {
        if let Some(w) = self.memo.get(question) {
            return *w;
        }
        let q = question.to_lowercase();
        let w = self
            .rules
            .iter()
            .find(|(c, _)| q.contains(c.as_str()))
            .map_or(1.0, |(_, w)| *w);
        self.memo.insert(question.to_string(), w);
        w
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
            let weight = weights.of(&row.question);
            if weight == 0.0 {
                continue;
            }
            let yes_is_good = weight > 0.0;
            match (row.value, cat) {
                (Answer::Unanswered, _) => slot.unanswered += 1,
                // General rows are facts (name, website): answering them is what counts.
                (_, Category::General) => slot.good += 1,
                (Answer::Yes, _) if yes_is_good => slot.good += 1,
                (Answer::No, _) if !yes_is_good => slot.good += 1,
                (Answer::Yes | Answer::No, _) => slot.bad += 1,
                (Answer::NotApplicable | Answer::Text, _) => {}
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
    let base = if weights > 0.0 {
        sum / weights
    } else {
        NEUTRAL_BASE
    };
    let penalties: Vec<PermissionPenalty> = app
        .permissions
        .iter()
        .filter_map(|p| {
            let tier = risk.rate(&p.name, p.kind).tier;
            let points = cfg.penalties.of(tier);
            (points > 0.0).then(|| PermissionPenalty {
                name: p.name.clone(),
                kind: p.kind.as_str(),
                tier,
                points,
            })
        })
        .collect();
    let penalty = penalties
        .iter()
        .map(|p| p.points)
        .sum::<f64>()
        .min(cfg.penalties.cap);
    let total = ((base - penalty).clamp(0.0, 10.0) * 10.0).round() / 10.0;
    ScoreCard {
        total,
        base,
        categories,
        penalties,
        penalty,
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
        lines.push(format!(
            "{:<16}{:>4.1}/10  (weighted mean of the categories)",
            "Base", self.base
        ));
        for p in &self.penalties {
            lines.push(format!(
                "  −{:.2}  {} ({}, {})",
                p.points,
                p.name,
                p.kind,
                p.tier.as_str()
            ));
        }
        if !self.penalties.is_empty() {
            let sum: f64 = self.penalties.iter().map(|p| p.points).sum();
            let capped = if sum > self.penalty {
                format!(" (capped at {})", self.penalty)
            } else {
                String::new()
            };
            lines.push(format!("{:<16}−{:.1}{capped}", "Permissions", self.penalty));
        }
        lines.push(format!("{:<16}{:>4.1}/10", "Score", self.total));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Permission, PermissionKind, Row, Zone};

    fn zone(pivot: &str, rows: &[(&str, &str)]) -> Zone {
        Zone {
            pivot: pivot.into(),
            title: Default::default(),
            blocks: rows
                .iter()
                .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
                .collect(),
        }
    }

    fn app(zones: Vec<Zone>, perms: &[(&str, PermissionKind)]) -> App {
        App {
            zones,
            permissions: perms
                .iter()
                .map(|(n, k)| Permission {
                    name: (*n).into(),
                    kind: *k,
                    ..Permission::default()
                })
                .collect(),
            ..App::default()
        }
    }

    #[test]
    fn all_good_answers_and_no_permissions_score_ten() {
        let a = app(
            vec![zone("security", &[("Pen test?", "Yes"), ("MFA?", "是")])],
            &[],
        );
        let card = score_app(&a, RiskTable::embedded(), &ScoreConfig::default());
        assert_eq!(card.total, 10.0);
    }

    #[test]
    fn unanswered_counts_against_only_when_configured() {
        let a = app(
            vec![zone("security", &[("Pen test?", "Yes"), ("MFA?", "")])],
            &[],
        );
        let mut cfg = ScoreConfig::default();
        assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 5.0);
        cfg.count_unanswered = false;
        assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 10.0);
    }

    #[test]
    fn yes_to_a_bad_practice_lowers_the_score() {
        let a = app(
            vec![zone(
                "zerotrust",
                &[("Does your app store any credentials in code?", "Yes")],
            )],
            &[],
        );
        assert_eq!(
            score_app(&a, RiskTable::embedded(), &ScoreConfig::default()).total,
            0.0
        );
        let b = app(
            vec![zone(
                "zerotrust",
                &[("应用是否在代码中存储任何凭据？", "否")],
            )],
            &[],
        );
        assert_eq!(
            score_app(&b, RiskTable::embedded(), &ScoreConfig::default()).total,
            10.0
        );
    }

    #[test]
    fn critical_permissions_are_penalized_and_explained() {
        let a = app(
            vec![zone("security", &[("Pen test?", "Yes")])],
            &[
                ("Directory.ReadWrite.All", PermissionKind::Application),
                ("User.Read", PermissionKind::Delegated),
            ],
        );
        let cfg = ScoreConfig::default();
        let card = score_app(&a, RiskTable::embedded(), &cfg);
        assert_eq!(card.penalties.len(), 1);
        assert_eq!(card.total, 10.0 - cfg.penalties.critical);
        let text = card.explain(&cfg).join("\n");
        assert!(
            text.contains("Directory.ReadWrite.All (application, critical)"),
            "{text}"
        );
    }

    #[test]
    fn weights_shape_the_mean() {
        let a = app(
            vec![
                zone("security", &[("A?", "Yes")]),
                zone("compliance", &[("B?", "No")]),
            ],
            &[],
        );
        let mut cfg = ScoreConfig::default();
        cfg.weights.security = 3.0;
        cfg.weights.compliance = 1.0;
        assert_eq!(score_app(&a, RiskTable::embedded(), &cfg).total, 7.5);
    }

    #[test]
    fn empty_app_is_neutral() {
        assert_eq!(
            score_app(
                &App::default(),
                RiskTable::embedded(),
                &ScoreConfig::default()
            )
            .total,
            5.0
        );
    }

    #[test]
    fn parallel_totals_match_each_app_scored_alone() {
        // Enough apps for several parallel splits, each with its own weight memo.
        let catalog = crate::synth::synthetic_catalog(3000, 5);
        let mut cfg = ScoreConfig::default();
        cfg.questions.push(crate::score::QuestionRule {
            contains: "SOC 2".into(),
            weight: 3.0,
        });
        let totals = score_totals(&catalog.apps, RiskTable::embedded(), &cfg);
        assert_eq!(totals.len(), catalog.apps.len());
        for (app, total) in catalog.apps.iter().zip(&totals) {
            assert_eq!(
                *total,
                score_app(app, RiskTable::embedded(), &cfg).total,
                "{}",
                app.id
            );
        }
        assert!(totals.iter().any(|t| *t != totals[0]));
    }
}
