//! Third-party evaluation of suggestion handling (建议办理评估, 第三方评估; W3, R-S9, R-S10).
//!
//! ```text
//! planned ─commission_evaluator→ commissioned ─submit_evaluation_report (the evaluator)→ reported
//!   ─distribute_evaluation_report (SC / office)→ distributed ─decide_evaluation_use (director meeting, R-S9)→ applied
//! ```
//!
//! The sample is drawn from four categories (R-S10; Haidian 2018: 11 suggestions of 7 units):
//! `key` (designated key, W2), `tracked` (under tracking supervision at some time, W1 step 7),
//! `common_concern` (代表集中关注: declared by the planner; nothing in the ledger measures it)
//! and `dissatisfied` (some proposer rated a reply 不满意). The evaluator sees only its sample,
//! read-only ([`Ledger::evaluation_sample_as`], [`crate::visibility`]).
//!
//! ```
//! use renda::handling_evaluation::{EvaluationStatus, SampleCategory};
//! assert_eq!(serde_json::to_string(&SampleCategory::CommonConcern).unwrap(), "\"common_concern\"");
//! assert_eq!(EvaluationStatus::Planned.next(), Some(EvaluationStatus::Commissioned));
//! assert_eq!(EvaluationStatus::Applied.next(), None);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{ActorId, CongressId, EvaluationId, SuggestionId, UnitId};
use crate::key_suggestion::{suggestion_at, text};
use crate::ledger::{Ledger, SuggestionView};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::Satisfaction;
use crate::supervision::SupervisionMode;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The category a sampled suggestion is drawn from (R-S10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleCategory {
    /// 重点督办: designated key.
    Key,
    /// 跟踪督办: under tracking supervision at some time.
    Tracked,
    /// 代表集中关注: the deputies' common concern (declared).
    CommonConcern,
    /// 不满意: some proposer rated a reply dissatisfied.
    Dissatisfied,
}

impl SampleCategory {
    /// Every category.
    pub const ALL: [SampleCategory; 4] = [
        Self::Key,
        Self::Tracked,
        Self::CommonConcern,
        Self::Dissatisfied,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Key => "key",
            Self::Tracked => "tracked",
            Self::CommonConcern => "common_concern",
            Self::Dissatisfied => "dissatisfied",
        }
    }
}

/// The evaluator's grade of one sampled suggestion's handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 优秀.
    Excellent,
    /// 良好.
    Good,
    /// 一般.
    Fair,
    /// 较差.
    Poor,
}

impl Grade {
    /// Every grade, best first.
    pub const ALL: [Grade; 4] = [Self::Excellent, Self::Good, Self::Fair, Self::Poor];
}

/// How the director meeting decides to use the results (R-S9; the seeds name none, these are
/// the uses the W3 text implies: [EXT] appraisal of the units, feedback, publication,
/// rectification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationUse {
    /// Feed into the appraisal of the handling units.
    UnitAppraisal,
    /// Feed back to the handling units and government departments.
    FeedbackToUnits,
    /// Publish.
    Publication,
    /// Order rectification.
    Rectification,
}

impl EvaluationUse {
    /// Every use.
    pub const ALL: [EvaluationUse; 4] = [
        Self::UnitAppraisal,
        Self::FeedbackToUnits,
        Self::Publication,
        Self::Rectification,
    ];
}

/// Where an evaluation is in W3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    /// The sample is selected (W3 step 1).
    Planned,
    /// An evaluator is commissioned (step 2).
    Commissioned,
    /// The evaluator reported (step 3).
    Reported,
    /// The report was distributed (step 4).
    Distributed,
    /// The director meeting decided how to use it (step 5, R-S9).
    Applied,
}

impl EvaluationStatus {
    /// Every status, in order.
    pub const ALL: [EvaluationStatus; 5] = [
        Self::Planned,
        Self::Commissioned,
        Self::Reported,
        Self::Distributed,
        Self::Applied,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Commissioned => "commissioned",
            Self::Reported => "reported",
            Self::Distributed => "distributed",
            Self::Applied => "applied",
        }
    }

    /// The status after this one.
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Planned => Some(Self::Commissioned),
            Self::Commissioned => Some(Self::Reported),
            Self::Reported => Some(Self::Distributed),
            Self::Distributed => Some(Self::Applied),
            Self::Applied => None,
        }
    }
}

crate::labels::labelled!(SampleCategory {
    Key => ("重点督办", "Key supervised"),
    Tracked => ("跟踪督办", "Tracked"),
    CommonConcern => ("代表集中关注", "Deputies' common concern"),
    Dissatisfied => ("不满意", "Dissatisfied"),
});
crate::labels::labelled!(Grade {
    Excellent => ("优秀", "Excellent"),
    Good => ("良好", "Good"),
    Fair => ("一般", "Fair"),
    Poor => ("较差", "Poor"),
});
crate::labels::labelled!(EvaluationUse {
    UnitAppraisal => ("纳入承办单位考核", "Unit appraisal"),
    FeedbackToUnits => ("反馈承办单位", "Feedback to the units"),
    Publication => ("公开", "Publication"),
    Rectification => ("督促整改", "Rectification"),
});
crate::labels::labelled!(EvaluationStatus {
    Planned => ("已确定样本", "Sample selected"),
    Commissioned => ("已委托评估", "Commissioned"),
    Reported => ("已提交评估报告", "Reported"),
    Distributed => ("已印发报告", "Distributed"),
    Applied => ("已决定结果运用", "Use decided"),
});

/// One sampled suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleItem {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// The category it is drawn from.
    pub category: SampleCategory,
}

/// The evaluator's finding on one sampled suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// The grade.
    pub grade: Grade,
    /// Summary.
    pub summary: String,
}

/// A third-party evaluation as the ledger holds it.
///
/// ```
/// use renda::handling_evaluation::{HandlingEvaluation, EvaluationStatus};
/// let e: HandlingEvaluation = serde_json::from_str(r#"{"id":"EV1","congress":"hd","year":2018,
///   "sample":[{"suggestion":"S1","category":"key"}],"status":"planned",
///   "history":[["2018-09-01","planned"]],"evaluator":null,"findings":[],"summary":null,
///   "uses":[],"note":null}"#).unwrap();
/// assert_eq!(e.status, EvaluationStatus::Planned);
/// assert!(e.in_sample(&"S1".parse().unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingEvaluation {
    /// Id.
    pub id: EvaluationId,
    /// The congress whose suggestions are evaluated.
    pub congress: CongressId,
    /// The year of handling evaluated.
    pub year: i32,
    /// The sample.
    pub sample: Vec<SampleItem>,
    /// Current status.
    pub status: EvaluationStatus,
    /// Each status with the day it was entered.
    pub history: Vec<(NaiveDate, EvaluationStatus)>,
    /// The commissioned evaluator's actor id.
    pub evaluator: Option<ActorId>,
    /// The report's findings, in sample order as submitted.
    pub findings: Vec<Finding>,
    /// The report's summary.
    pub summary: Option<String>,
    /// The uses decided.
    pub uses: Vec<EvaluationUse>,
    /// The director meeting's note.
    pub note: Option<String>,
}

impl HandlingEvaluation {
    /// Whether `suggestion` is in the sample.
    pub fn in_sample(&self, suggestion: &SuggestionId) -> bool {
        self.sample.iter().any(|i| &i.suggestion == suggestion)
    }

    /// The day the report was distributed, if it was.
    pub fn distributed_on(&self) -> Option<NaiveDate> {
        self.history
            .iter()
            .find(|(_, s)| *s == EvaluationStatus::Distributed)
            .map(|(d, _)| *d)
    }
}

/// Grade counts of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeCounts {
    /// Excellent.
    pub excellent: u64,
    /// Good.
    pub good: u64,
    /// Fair.
    pub fair: u64,
    /// Poor.
    pub poor: u64,
}

/// Sample counts by category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCounts {
    /// Key supervised.
    pub key: u64,
    /// Tracked.
    pub tracked: u64,
    /// Common concern.
    pub common_concern: u64,
    /// Dissatisfied.
    pub dissatisfied: u64,
}

/// An evaluation with its report distribution ([`Ledger::evaluations`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationReport {
    /// The evaluation.
    pub evaluation: EvaluationId,
    /// The congress.
    pub congress: CongressId,
    /// The year evaluated.
    pub year: i32,
    /// Its status.
    pub status: EvaluationStatus,
    /// The evaluator, once commissioned.
    pub evaluator: Option<ActorId>,
    /// Suggestions sampled (2018: 11).
    pub sample_size: u64,
    /// Distinct lead units of the sampled suggestions (2018: 7).
    pub units: u64,
    /// The sample by category.
    pub categories: CategoryCounts,
    /// The findings by grade (zero until reported).
    pub grades: GradeCounts,
    /// The day the report was distributed, if it was.
    pub distributed_on: Option<NaiveDate>,
    /// The uses the director meeting decided.
    pub uses: Vec<EvaluationUse>,
}

fn transition(e: &HandlingEvaluation, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "evaluation",
        field: "command.evaluation",
        id: e.id.to_string(),
        status: e.status.as_str(),
        action,
        rule,
    }
}

fn evaluation<'a>(st: &'a State, id: &EvaluationId) -> Result<&'a HandlingEvaluation> {
    st.handling_evaluations
        .get(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "evaluation",
            id: id.to_string(),
            field: "command.evaluation".into(),
        })
}

fn in_status<'a>(
    st: &'a State,
    id: &EvaluationId,
    status: EvaluationStatus,
    action: &'static str,
    rule: &'static str,
) -> Result<&'a HandlingEvaluation> {
    let e = evaluation(st, id)?;
    if e.status != status {
        return Err(transition(e, action, rule));
    }
    Ok(e)
}

/// Whether `suggestion` qualifies for `category` on `date` (R-S10).
fn qualifies(
    st: &State,
    suggestion: &SuggestionId,
    category: SampleCategory,
    date: NaiveDate,
) -> bool {
    match category {
        SampleCategory::Key => st
            .key_suggestions
            .get(suggestion)
            .is_some_and(|k| k.designated_by(date)),
        SampleCategory::Tracked => st
            .supervision
            .get(suggestion)
            .is_some_and(|r| r.ever(SupervisionMode::Tracking, date)),
        SampleCategory::CommonConcern => true,
        SampleCategory::Dissatisfied => st.suggestions.get(suggestion).is_some_and(|s| {
            s.feedback
                .iter()
                .any(|f| f.rating == Satisfaction::Dissatisfied)
        }),
    }
}

/// Checks a command of the evaluation family (W3) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::PlanHandlingEvaluation {
            evaluation,
            congress,
            year,
            sample,
        } => {
            State::absent(&st.handling_evaluations, evaluation, "evaluation")?;
            let c = st.congress(congress, "command.congress")?;
            book.in_force(c.level, date)?;
            let (first, last) = (c.term_start.year(), c.term_end.year());
            if *year < first || *year > last {
                return Err(RendaError::InvalidField {
                    field: "command.year".into(),
                    value: year.to_string(),
                    reason: format!("must fall within the congress's term ({first}–{last})"),
                });
            }
            if sample.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.sample".into(),
                    value: "[]".into(),
                    reason: "must name at least one suggestion".into(),
                });
            }
            for (i, item) in sample.iter().enumerate() {
                let field = format!("command.sample[{i}].suggestion");
                if sample[..i].iter().any(|o| o.suggestion == item.suggestion) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: item.suggestion.to_string(),
                        reason: "lists the same suggestion twice".into(),
                    });
                }
                let s = suggestion_at(st, &item.suggestion, &field)?;
                if &s.congress != congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "W3 step 1",
                        Some(&field),
                        Some(item.suggestion.to_string()),
                        format!(
                            "suggestion `{}` belongs to `{}`, not `{congress}`",
                            s.id, s.congress
                        ),
                    ));
                }
                if s.assignment.is_none() {
                    return Err(crate::key_suggestion::transition(
                        s,
                        "evaluate the handling of",
                        "W3 step 1",
                    ));
                }
                if !qualifies(st, &item.suggestion, item.category, date) {
                    return Err(RendaError::rule_violation(
                        rule_codes::SAMPLE_CATEGORY_MISMATCH,
                        "R-S10",
                        Some(&format!("command.sample[{i}].category")),
                        Some(item.category.as_str().into()),
                        format!(
                            "suggestion `{}` does not belong to the `{}` category",
                            s.id,
                            item.category.as_str()
                        ),
                    ));
                }
            }
            Ok(vec![EventKind::HandlingEvaluationPlanned {
                evaluation: evaluation.clone(),
                congress: congress.clone(),
                year: *year,
                sample: sample.clone(),
            }])
        }
        Command::CommissionEvaluator {
            evaluation,
            evaluator,
        } => {
            in_status(
                st,
                evaluation,
                EvaluationStatus::Planned,
                "commission an evaluator for",
                "W3 step 2",
            )?;
            Ok(vec![EventKind::HandlingEvaluatorCommissioned {
                evaluation: evaluation.clone(),
                evaluator: evaluator.clone(),
            }])
        }
        Command::SubmitEvaluationReport {
            evaluation,
            findings,
            summary,
        } => {
            let e = in_status(
                st,
                evaluation,
                EvaluationStatus::Commissioned,
                "submit the report of",
                "W3 step 3",
            )?;
            if e.evaluator.as_ref() != Some(&actor.id) {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the commissioned evaluator",
                    entity: "evaluation",
                    id: evaluation.to_string(),
                    rule: "W3 step 3",
                });
            }
            let mismatch = |value: String, message: String| {
                RendaError::rule_violation(
                    rule_codes::FINDINGS_MISMATCH_SAMPLE,
                    "W3 step 3",
                    Some("command.findings"),
                    Some(value),
                    message,
                )
            };
            for (i, f) in findings.iter().enumerate() {
                if !e.in_sample(&f.suggestion) {
                    return Err(mismatch(
                        f.suggestion.to_string(),
                        format!("suggestion `{}` is not in the sample", f.suggestion),
                    ));
                }
                if findings[..i].iter().any(|o| o.suggestion == f.suggestion) {
                    return Err(mismatch(
                        f.suggestion.to_string(),
                        format!("suggestion `{}` has two findings", f.suggestion),
                    ));
                }
                text(&format!("command.findings[{i}].summary"), &f.summary)?;
            }
            let missing: Vec<&str> = e
                .sample
                .iter()
                .filter(|i| !findings.iter().any(|f| f.suggestion == i.suggestion))
                .map(|i| i.suggestion.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(mismatch(
                    missing.join(","),
                    format!("the report has no finding on {}", missing.join(", ")),
                ));
            }
            text("command.summary", summary)?;
            Ok(vec![EventKind::HandlingEvaluationReported {
                evaluation: evaluation.clone(),
                findings: findings.clone(),
                summary: summary.clone(),
            }])
        }
        Command::DistributeEvaluationReport { evaluation } => {
            in_status(
                st,
                evaluation,
                EvaluationStatus::Reported,
                "distribute the report of",
                "W3 step 4",
            )?;
            Ok(vec![EventKind::HandlingEvaluationDistributed {
                evaluation: evaluation.clone(),
            }])
        }
        Command::DecideEvaluationUse {
            evaluation,
            uses,
            note,
        } => {
            in_status(
                st,
                evaluation,
                EvaluationStatus::Distributed,
                "decide the use of",
                "W3 step 5, R-S9",
            )?;
            if uses.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.uses".into(),
                    value: "[]".into(),
                    reason: "must name at least one use".into(),
                });
            }
            for (i, u) in uses.iter().enumerate() {
                if uses[..i].contains(u) {
                    return Err(RendaError::InvalidField {
                        field: format!("command.uses[{i}]"),
                        value: serde_json::to_value(u)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        reason: "lists the same use twice".into(),
                    });
                }
            }
            if let Some(n) = note {
                text("command.note", n)?;
            }
            Ok(vec![EventKind::HandlingEvaluationUseDecided {
                evaluation: evaluation.clone(),
                uses: uses.clone(),
                note: note.clone(),
            }])
        }
        _ => unreachable!("handling_evaluation::decide is only called with evaluation commands"),
    }
}

/// Applies an event of the evaluation family; `not_found` for dangling references and
/// `invalid_field` for an event out of the status order.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    if let EventKind::HandlingEvaluationPlanned {
        evaluation,
        congress,
        year,
        sample,
    } = event
    {
        state.congress(congress, "event.congress")?;
        for item in sample {
            if !state.suggestions.contains_key(&item.suggestion) {
                return Err(RendaError::NotFound {
                    entity: "suggestion",
                    id: item.suggestion.to_string(),
                    field: "event.sample.suggestion".into(),
                });
            }
        }
        state.handling_evaluations.insert(
            evaluation.clone(),
            HandlingEvaluation {
                id: evaluation.clone(),
                congress: congress.clone(),
                year: *year,
                sample: sample.clone(),
                status: EvaluationStatus::Planned,
                history: vec![(date, EvaluationStatus::Planned)],
                evaluator: None,
                findings: Vec::new(),
                summary: None,
                uses: Vec::new(),
                note: None,
            },
        );
        return Ok(());
    }
    let (id, from) = match event {
        EventKind::HandlingEvaluatorCommissioned { evaluation, .. } => {
            (evaluation, EvaluationStatus::Planned)
        }
        EventKind::HandlingEvaluationReported { evaluation, .. } => {
            (evaluation, EvaluationStatus::Commissioned)
        }
        EventKind::HandlingEvaluationDistributed { evaluation } => {
            (evaluation, EvaluationStatus::Reported)
        }
        EventKind::HandlingEvaluationUseDecided { evaluation, .. } => {
            (evaluation, EvaluationStatus::Distributed)
        }
        _ => unreachable!("handling_evaluation::apply is only called with evaluation events"),
    };
    let e = state
        .handling_evaluations
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "evaluation",
            id: id.to_string(),
            field: "event.evaluation".into(),
        })?;
    if e.status != from {
        return Err(RendaError::InvalidField {
            field: "event.evaluation".into(),
            value: id.to_string(),
            reason: format!(
                "the evaluation is {}, not {}",
                e.status.as_str(),
                from.as_str()
            ),
        });
    }
    match event {
        EventKind::HandlingEvaluatorCommissioned { evaluator, .. } => {
            e.evaluator = Some(evaluator.clone())
        }
        EventKind::HandlingEvaluationReported {
            findings, summary, ..
        } => {
            e.findings = findings.clone();
            e.summary = Some(summary.clone());
        }
        EventKind::HandlingEvaluationUseDecided { uses, note, .. } => {
            e.uses = uses.clone();
            e.note = note.clone();
        }
        _ => {}
    }
    let next = from.next().unwrap_or(from);
    e.status = next;
    e.history.push((date, next));
    Ok(())
}

impl State {
    /// The references and consistency of the evaluations.
    pub(crate) fn validate_handling_evaluations(&self) -> Result<()> {
        for (id, e) in &self.handling_evaluations {
            let bad = |reason: &str| RendaError::InvalidField {
                field: "state.handling_evaluations".into(),
                value: id.to_string(),
                reason: reason.to_string(),
            };
            if &e.id != id {
                return Err(bad("the record's id differs from its key"));
            }
            self.congress(&e.congress, "state.handling_evaluations.congress")?;
            let statuses: Vec<EvaluationStatus> = e.history.iter().map(|h| h.1).collect();
            let expected: Vec<EvaluationStatus> = EvaluationStatus::ALL
                .iter()
                .copied()
                .take(statuses.len())
                .collect();
            if statuses.is_empty() || statuses != expected || statuses.last() != Some(&e.status) {
                return Err(bad("inconsistent status history"));
            }
            if e.history.windows(2).any(|w| w[1].0 < w[0].0) {
                return Err(bad("status history goes back in time"));
            }
            if (e.status >= EvaluationStatus::Commissioned) != e.evaluator.is_some() {
                return Err(bad("evaluator differs from the status"));
            }
            for item in &e.sample {
                if !self.suggestions.contains_key(&item.suggestion) {
                    return Err(RendaError::NotFound {
                        entity: "suggestion",
                        id: item.suggestion.to_string(),
                        field: "state.handling_evaluations.sample".into(),
                    });
                }
            }
            for f in &e.findings {
                if !e.in_sample(&f.suggestion) {
                    return Err(bad("a finding is outside the sample"));
                }
            }
        }
        Ok(())
    }
}

/// The suggestions in the samples of the evaluations commissioned to `evaluator`.
pub(crate) fn sample_of(st: &State, evaluator: &ActorId) -> BTreeSet<SuggestionId> {
    st.handling_evaluations
        .values()
        .filter(|e| e.evaluator.as_ref() == Some(evaluator))
        .flat_map(|e| e.sample.iter().map(|i| i.suggestion.clone()))
        .collect()
}

fn report(st: &State, e: &HandlingEvaluation) -> EvaluationReport {
    let mut categories = CategoryCounts::default();
    let mut units: BTreeSet<&UnitId> = BTreeSet::new();
    for item in &e.sample {
        match item.category {
            SampleCategory::Key => categories.key += 1,
            SampleCategory::Tracked => categories.tracked += 1,
            SampleCategory::CommonConcern => categories.common_concern += 1,
            SampleCategory::Dissatisfied => categories.dissatisfied += 1,
        }
        if let Some(a) = st
            .suggestions
            .get(&item.suggestion)
            .and_then(|s| s.assignment.as_ref())
        {
            units.insert(&a.lead_unit);
        }
    }
    let mut grades = GradeCounts::default();
    for f in &e.findings {
        match f.grade {
            Grade::Excellent => grades.excellent += 1,
            Grade::Good => grades.good += 1,
            Grade::Fair => grades.fair += 1,
            Grade::Poor => grades.poor += 1,
        }
    }
    EvaluationReport {
        evaluation: e.id.clone(),
        congress: e.congress.clone(),
        year: e.year,
        status: e.status,
        evaluator: e.evaluator.clone(),
        sample_size: e.sample.len() as u64,
        units: units.len() as u64,
        categories,
        grades,
        distributed_on: e.distributed_on(),
        uses: e.uses.clone(),
    }
}

impl Ledger {
    /// Every evaluation with its report distribution, ordered by id.
    ///
    /// ```
    /// assert!(renda::Ledger::new(Default::default()).evaluations().is_empty());
    /// ```
    pub fn evaluations(&self) -> Vec<EvaluationReport> {
        let st = self.state();
        st.handling_evaluations
            .values()
            .map(|e| report(st, e))
            .collect()
    }

    /// The evaluations `reader` may see: a third-party evaluator only those commissioned to
    /// it; everyone else all.
    pub fn evaluations_as(&self, reader: &Actor) -> Vec<EvaluationReport> {
        let st = self.state();
        st.handling_evaluations
            .values()
            .filter(|e| {
                reader.role != Role::ThirdPartyEvaluator || e.evaluator.as_ref() == Some(&reader.id)
            })
            .map(|e| report(st, e))
            .collect()
    }

    /// The sampled suggestions of an evaluation as of `as_of`, in sample order, for a trusted
    /// back end.
    pub fn evaluation_sample(
        &self,
        evaluation: &EvaluationId,
        as_of: NaiveDate,
    ) -> Result<Vec<SuggestionView>> {
        let e = self.evaluation_of(evaluation)?;
        e.sample
            .iter()
            .map(|i| self.suggestion_view(&i.suggestion, as_of))
            .collect()
    }

    /// The sampled suggestions as `reader` may see them: a third-party evaluator only the
    /// sample of an evaluation commissioned to it (`not_party` otherwise); everyone else any.
    ///
    /// ```
    /// use renda::{Actor, Role};
    /// let l = renda::Ledger::new(Default::default());
    /// let ev = Actor::new(Role::ThirdPartyEvaluator, "nbs").unwrap();
    /// let e = l.evaluation_sample_as(&ev, &"EV1".parse().unwrap(), "2018-12-31".parse().unwrap());
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn evaluation_sample_as(
        &self,
        reader: &Actor,
        evaluation: &EvaluationId,
        as_of: NaiveDate,
    ) -> Result<Vec<SuggestionView>> {
        let e = self.evaluation_of(evaluation)?;
        if reader.role == Role::ThirdPartyEvaluator && e.evaluator.as_ref() != Some(&reader.id) {
            return Err(RendaError::NotParty {
                actor: reader.id.to_string(),
                relation: "the commissioned evaluator",
                entity: "evaluation",
                id: evaluation.to_string(),
                rule: "W3 (the evaluator sees only its sample)",
            });
        }
        self.evaluation_sample(evaluation, as_of)
    }

    /// A suggestion view ([`Ledger::suggestion_view`]) as `reader` may see it: a third-party
    /// evaluator only a suggestion in the sample of an evaluation commissioned to it
    /// (`not_party` otherwise).
    pub fn suggestion_view_as(
        &self,
        reader: &Actor,
        suggestion: &SuggestionId,
        as_of: NaiveDate,
    ) -> Result<SuggestionView> {
        let view = self.suggestion_view(suggestion, as_of)?;
        if reader.role == Role::ThirdPartyEvaluator {
            self.require_in_sample(reader, suggestion)?;
        }
        Ok(view)
    }

    /// `Ok` if `suggestion` is in the sample of an evaluation commissioned to `reader`.
    pub(crate) fn require_in_sample(
        &self,
        reader: &Actor,
        suggestion: &SuggestionId,
    ) -> Result<()> {
        if sample_of(self.state(), &reader.id).contains(suggestion) {
            return Ok(());
        }
        Err(RendaError::NotParty {
            actor: reader.id.to_string(),
            relation: "the evaluator of a sample holding",
            entity: "suggestion",
            id: suggestion.to_string(),
            rule: "W3 (the evaluator sees only its sample)",
        })
    }

    fn evaluation_of(&self, id: &EvaluationId) -> Result<&HandlingEvaluation> {
        self.state()
            .handling_evaluations
            .get(id)
            .ok_or_else(|| RendaError::NotFound {
                entity: "evaluation",
                id: id.to_string(),
                field: "evaluation".into(),
            })
    }
}
