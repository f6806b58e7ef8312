//! Evaluation of handling units (issue 4 item 7; R-S6 "evaluation criteria and a
//! handling-responsibility system", W3 [EXT] "feed into performance appraisal of the handling
//! units"): a configurable score per unit from timeliness, results and feedback, and a ranked
//! table.
//!
//! For each lead unit with at least one suggestion assigned by the date (the rows of
//! [`crate::figures::SuggestionFigures::units`], so the same filter and definitions):
//!
//! | Component | Definition (0–100) |
//! |---|---|
//! | timeliness | first replies on or before their due date / assigned × 100 |
//! | results | mean of the [`ResultPoints`] of each replied suggestion's latest result |
//! | feedback | mean of the [`FeedbackPoints`] of each lead deputy's latest rating |
//!
//! `score` = Σ weight × component / Σ weight over the components that are defined (results
//! needs a reply, feedback a rating; an undefined component is left out and the others'
//! weights are rescaled). Everything is exact rational arithmetic; the texts are rounded half
//! up to one decimal, like [`crate::figures::Rate`], so every language prints the same digits.
//! Rows are ranked by exact score descending, then by unit id; equal scores share a rank
//! ("1, 1, 3").
//!
//! ```
//! use renda::unit_score::{score_units, UnitScoreRules};
//! let row: renda::figures::UnitFigures = serde_json::from_str(r#"{"unit":"edu","assigned":4,
//!   "replied":3,"replied_on_time":2,"overdue":1,"closed":2,
//!   "results":{"A":2,"B":1,"C":0,"D":0},"ratings":{"satisfied":1,"basically_satisfied":1,"dissatisfied":0},
//!   "reply_rate":{"numerator":3,"denominator":4,"percent":"75.0"},
//!   "solved_or_progressing_rate":{"numerator":3,"denominator":3,"percent":"100.0"},
//!   "satisfaction_rate":{"numerator":2,"denominator":2,"percent":"100.0"}}"#).unwrap();
//! let scores = score_units(&[row], &UnitScoreRules::default());
//! // timeliness 2/4 = 50; results (100+100+80)/3 = 93.33…; feedback (100+70)/2 = 85
//! // score (40×50 + 30×93.33… + 30×85) / 100 = 73.5
//! assert_eq!(scores[0].timeliness, "50.0");
//! assert_eq!(scores[0].results.as_deref(), Some("93.3"));
//! assert_eq!(scores[0].feedback.as_deref(), Some("85.0"));
//! assert_eq!(scores[0].score, "73.5");
//! assert_eq!(scores[0].rank, 1);
//! ```

use crate::actor::Actor;
use crate::error::{RendaError, Result};
use crate::figures::{FigureFilter, UnitFigures};
use crate::ids::UnitId;
use crate::ledger::Ledger;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The weights of the three components (default 40 / 30 / 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreWeights {
    /// Weight of timeliness.
    pub timeliness: u32,
    /// Weight of results.
    pub results: u32,
    /// Weight of feedback.
    pub feedback: u32,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        Self {
            timeliness: 40,
            results: 30,
            feedback: 30,
        }
    }
}

/// Points per result category of the latest reply (default A 100, B 80, C 50, D 30; L-25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct ResultPoints {
    /// Solved.
    pub A: u32,
    /// Being solved or in the plan.
    pub B: u32,
    /// Cannot be solved now.
    pub C: u32,
    /// For reference.
    pub D: u32,
}

impl Default for ResultPoints {
    fn default() -> Self {
        Self {
            A: 100,
            B: 80,
            C: 50,
            D: 30,
        }
    }
}

/// Points per rating of the lead deputy (default 100 / 70 / 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackPoints {
    /// 满意.
    pub satisfied: u32,
    /// 基本满意.
    pub basically_satisfied: u32,
    /// 不满意.
    pub dissatisfied: u32,
}

impl Default for FeedbackPoints {
    fn default() -> Self {
        Self {
            satisfied: 100,
            basically_satisfied: 70,
            dissatisfied: 0,
        }
    }
}

/// The unit-evaluation rules of a rule set (field `unit_score`; absent: the defaults). The
/// seeds give no values (R-S6 names the targets only): the defaults are illustrative and
/// every value is configurable. Points are at most 100, weights at most 1000, and the
/// weights may not all be 0.
///
/// ```
/// let r = renda::rules::RuleSet::national().with_overrides(&serde_json::json!(
///     {"unit_score": {"weights": {"timeliness": 50, "results": 50, "feedback": 0}}})).unwrap();
/// assert_eq!(r.unit_score.weights.feedback, 0);
/// assert_eq!(r.unit_score.result_points.A, 100);
/// let bad = renda::rules::RuleSet::national().with_overrides(&serde_json::json!(
///     {"unit_score": {"result_points": {"A": 101}}}));
/// assert_eq!(bad.unwrap_err().code(), "invalid_rule_set");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawUnitScoreRules")]
pub struct UnitScoreRules {
    /// Weights of timeliness, results and feedback.
    pub weights: ScoreWeights,
    /// Points per result category.
    pub result_points: ResultPoints,
    /// Points per rating.
    pub feedback_points: FeedbackPoints,
}

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawUnitScoreRules {
    weights: ScoreWeights,
    result_points: ResultPoints,
    feedback_points: FeedbackPoints,
}

impl Default for RawUnitScoreRules {
    fn default() -> Self {
        let d = UnitScoreRules::default();
        Self {
            weights: d.weights,
            result_points: d.result_points,
            feedback_points: d.feedback_points,
        }
    }
}

impl TryFrom<RawUnitScoreRules> for UnitScoreRules {
    type Error = String;
    fn try_from(r: RawUnitScoreRules) -> std::result::Result<Self, String> {
        let w = r.weights;
        if [w.timeliness, w.results, w.feedback]
            .iter()
            .any(|x| *x > 1000)
        {
            return Err("unit_score.weights: each weight must be at most 1000".into());
        }
        if w.timeliness + w.results + w.feedback == 0 {
            return Err("unit_score.weights: the weights must not all be 0".into());
        }
        let p = r.result_points;
        let f = r.feedback_points;
        if [
            p.A,
            p.B,
            p.C,
            p.D,
            f.satisfied,
            f.basically_satisfied,
            f.dissatisfied,
        ]
        .iter()
        .any(|x| *x > 100)
        {
            return Err("unit_score: points must be at most 100".into());
        }
        Ok(Self {
            weights: w,
            result_points: p,
            feedback_points: f,
        })
    }
}

/// One row of the ranked table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitScore {
    /// Rank, from 1; equal scores share a rank.
    pub rank: u32,
    /// The lead unit.
    pub unit: UnitId,
    /// Suggestions it leads, assigned by the date.
    pub assigned: u64,
    /// Of which replied.
    pub replied: u64,
    /// Of which the first reply was on time.
    pub replied_on_time: u64,
    /// Of which rated by the lead deputy.
    pub rated: u64,
    /// Timeliness, 0–100, one decimal.
    pub timeliness: String,
    /// Results, 0–100, one decimal (`None` without a reply).
    pub results: Option<String>,
    /// Feedback, 0–100, one decimal (`None` without a rating).
    pub feedback: Option<String>,
    /// The weighted score, 0–100, one decimal.
    pub score: String,
}

/// An exact non-negative fraction.
#[derive(Debug, Clone, Copy)]
struct Q {
    n: u128,
    d: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Q {
    fn new(n: u128, d: u128) -> Self {
        let g = gcd(n, d).max(1);
        Q { n: n / g, d: d / g }
    }
    fn add(self, o: Q) -> Q {
        Q::new(self.n * o.d + o.n * self.d, self.d * o.d)
    }
    fn scale(self, w: u128) -> Q {
        Q::new(self.n * w, self.d)
    }
    /// Rounded half up to one decimal, as text.
    fn text(self) -> String {
        let scaled = (20 * self.n + self.d) / (2 * self.d);
        format!("{}.{}", scaled / 10, scaled % 10)
    }
}

/// Compares a/b with c/d exactly (b, d > 0), by continued fractions: no overflow.
fn cmp_frac(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    let (q1, q2) = (a / b, c / d);
    if q1 != q2 {
        return q1.cmp(&q2);
    }
    let (r1, r2) = (a % b, c % d);
    match (r1 == 0, r2 == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        // r1/b vs r2/d  ⇔  d/r2 vs b/r1
        (false, false) => cmp_frac(d, r2, b, r1),
    }
}

/// Scores and ranks unit rows (from [`crate::figures::SuggestionFigures::units`]) under
/// `rules`; rows with nothing assigned are left out.
pub fn score_units(rows: &[UnitFigures], rules: &UnitScoreRules) -> Vec<UnitScore> {
    let w = rules.weights;
    let p = rules.result_points;
    let f = rules.feedback_points;
    let mut scored: Vec<(Q, UnitScore)> = rows
        .iter()
        .filter(|r| r.assigned > 0)
        .map(|r| {
            let timeliness = Q::new(100 * r.replied_on_time as u128, r.assigned as u128);
            let res = &r.results;
            let replied = res.A + res.B + res.C + res.D;
            let results = (replied > 0).then(|| {
                Q::new(
                    res.A as u128 * p.A as u128
                        + res.B as u128 * p.B as u128
                        + res.C as u128 * p.C as u128
                        + res.D as u128 * p.D as u128,
                    replied as u128,
                )
            });
            let rat = &r.ratings;
            let rated = rat.satisfied + rat.basically_satisfied + rat.dissatisfied;
            let feedback = (rated > 0).then(|| {
                Q::new(
                    rat.satisfied as u128 * f.satisfied as u128
                        + rat.basically_satisfied as u128 * f.basically_satisfied as u128
                        + rat.dissatisfied as u128 * f.dissatisfied as u128,
                    rated as u128,
                )
            });
            let mut total = timeliness.scale(w.timeliness as u128);
            let mut weight = w.timeliness as u128;
            if let Some(q) = results {
                total = total.add(q.scale(w.results as u128));
                weight += w.results as u128;
            }
            if let Some(q) = feedback {
                total = total.add(q.scale(w.feedback as u128));
                weight += w.feedback as u128;
            }
            // Only timeliness defined and weighted 0: the score is timeliness itself.
            let score = if weight == 0 {
                timeliness
            } else {
                Q::new(total.n, total.d * weight)
            };
            (
                score,
                UnitScore {
                    rank: 0,
                    unit: r.unit.clone(),
                    assigned: r.assigned,
                    replied: r.replied,
                    replied_on_time: r.replied_on_time,
                    rated,
                    timeliness: timeliness.text(),
                    results: results.map(Q::text),
                    feedback: feedback.map(Q::text),
                    score: score.text(),
                },
            )
        })
        .collect();
    scored.sort_by(|(qa, a), (qb, b)| cmp_frac(qb.n, qb.d, qa.n, qa.d).then(a.unit.cmp(&b.unit)));
    let mut out: Vec<UnitScore> = Vec::with_capacity(scored.len());
    let mut prev: Option<Q> = None;
    for (i, (q, mut row)) in scored.into_iter().enumerate() {
        row.rank = match (prev, out.last()) {
            (Some(p), Some(last)) if cmp_frac(p.n, p.d, q.n, q.d) == Ordering::Equal => last.rank,
            _ => i as u32 + 1,
        };
        prev = Some(q);
        out.push(row);
    }
    out
}

impl Ledger {
    /// The unit-evaluation rules for the congresses in `filter`'s scope on `as_of`: those of
    /// the rule set in force for each congress's level; `invalid_field` (`filter.congress`)
    /// if they differ between congresses in scope (name one), the defaults without any.
    pub fn unit_score_rules(
        &self,
        as_of: NaiveDate,
        filter: &FigureFilter,
    ) -> Result<UnitScoreRules> {
        let st = self.state();
        let mut found: Option<UnitScoreRules> = None;
        let congresses: Vec<&crate::registry::Congress> = match &filter.congress {
            Some(c) => vec![st.congress(c, "filter.congress")?],
            None => st.congresses.values().collect(),
        };
        for c in congresses {
            let r = self.rules().in_force(c.level, as_of)?.unit_score;
            match found {
                Some(f) if f != r => {
                    return Err(RendaError::InvalidField {
                        field: "filter.congress".into(),
                        value: String::new(),
                        reason: "the congresses in scope score units under different rule sets; name one congress".into(),
                    })
                }
                _ => found = Some(r),
            }
        }
        Ok(found.unwrap_or_default())
    }

    /// The ranked evaluation of the handling units as of `as_of` for the suggestions passing
    /// `filter` (see [`crate::unit_score`]), under [`Ledger::unit_score_rules`].
    pub fn unit_scores(&self, as_of: NaiveDate, filter: &FigureFilter) -> Result<Vec<UnitScore>> {
        let rules = self.unit_score_rules(as_of, filter)?;
        let figures = self.figures_for(as_of, filter)?;
        Ok(score_units(&figures.units, &rules))
    }

    /// [`Ledger::unit_scores`] as `reader` may see it: over [`Ledger::figures_as`], so a
    /// handling unit's table counts no rating it may not see yet (back-to-back, R-S8) and the
    /// public gets `not_published` before publication.
    pub fn unit_scores_as(
        &self,
        reader: &Actor,
        as_of: NaiveDate,
        filter: &FigureFilter,
    ) -> Result<Vec<UnitScore>> {
        let rules = self.unit_score_rules(as_of, filter)?;
        let figures = self.figures_as(reader, as_of, filter)?;
        Ok(score_units(&figures.units, &rules))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_compare_exactly() {
        assert_eq!(cmp_frac(1, 3, 2, 6), Ordering::Equal);
        assert_eq!(cmp_frac(1, 3, 333, 1000), Ordering::Greater);
        assert_eq!(
            cmp_frac(u128::MAX - 1, u128::MAX, u128::MAX - 2, u128::MAX - 1),
            Ordering::Greater
        );
        assert_eq!(cmp_frac(0, 5, 0, 7), Ordering::Equal);
        assert_eq!(Q::new(1, 16).scale(100).text(), "6.3");
        assert_eq!(Q::new(5, 16).scale(100).text(), "31.3");
        assert_eq!(Q::new(2, 3).scale(100).text(), "66.7");
    }
}
