//! Supervision and evaluation by a congress and its standing committee (issue 5): meetings and
//! votes, the annual supervision plan (W9), supervision items of every kind (§1.3; W10–W14,
//! W19, W23), department work evaluation with its escalation path (W5) and the figures of a
//! work report (S001-1, S001-2).
//!
//! Every item refers to the meeting that heard or decided it ([`meeting::Meeting`]), so counts
//! such as "7 standing-committee meetings, 46 reports heard" come from one log.

pub mod budget;
pub mod deliberation;
pub mod escalation;
pub mod filing;
pub mod inspection;
pub mod livelihood;
pub mod meeting;
pub mod meeting_report;
pub mod plan;
pub mod work_evaluation;
pub mod work_report;

use serde::{Deserialize, Serialize};

/// The rules of the oversight family, one part per concept. Absent in a rule-set spec: the
/// national values.
///
/// ```
/// let r = renda::oversight::OversightRules::default();
/// assert_eq!(r, renda::rules::RuleSet::national().oversight);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OversightRules {
    /// Meetings and votes: quorum, majorities, speaking limits, agenda order, session policy
    /// (L-3, L-4, L-5, R-M1…R-M3, R-M8, R-M9, R-M12).
    pub meetings: meeting::MeetingRules,
    /// The annual supervision plan (W9; R-M17, L-20).
    pub plan: plan::PlanRules,
    /// The reports the standing committee hears (W10; L-15, L-16, R-M20, R-B5, R-B6, R-B7).
    pub reports: work_report::ReportRules,
    /// Law-enforcement inspections (W11, R-L1).
    pub inspection: inspection::InspectionRules,
    /// Deliberation opinions (W14, R-M7).
    pub deliberation: deliberation::DeliberationRules,
    /// Department work evaluation (W5; R-E3, R-E4, R-E5).
    pub work_evaluation: work_evaluation::WorkEvaluationRules,
    /// The escalation tools (W23; L-17, L-18, L-19, R-M14).
    #[serde(default)]
    pub escalation: escalation::EscalationRules,
    /// Filing review of normative documents (W12, L-22, R-F2).
    pub filing: filing::FilingRules,
    /// The budget cycle (W13, R-B1, R-B2, R-B10, R-M10).
    pub budget: budget::BudgetRules,
}

/// What the congress's supervision and evaluation work produced in a period: the second
/// paragraph of a work report (S001-2: "听取和审议专项工作报告46个, 作出决议决定19项, 形成审议意见书13份,
/// 评议意见书7份"). Each concept adds what it records ([`outputs`]).
///
/// ```
/// let o = renda::oversight::Outputs::default();
/// assert_eq!(o.reports_heard, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outputs {
    /// Reports heard and deliberated at standing-committee meetings (专项工作报告 and the
    /// statutory reports: plan, budget, final accounts, audit, state assets, debt, …).
    pub reports_heard: u32,
    /// Resolutions and decisions adopted (决议、决定).
    pub resolutions_and_decisions: u32,
    /// Review-opinion documents issued (审议意见书).
    pub review_opinions: u32,
    /// Evaluation-opinion documents issued (评议意见书, W5).
    pub evaluation_opinions: u32,
    /// Law-enforcement inspections carried out (执法检查, W11).
    pub inspections: u32,
    /// Topic inquiries held (专题询问).
    pub topic_inquiries: u32,
}

/// Counts the outputs of `congress` from `from` to `to`, both included: each concept adds
/// what it recorded in the period.
///
/// ```
/// let st = renda::State::default();
/// let d = |s: &str| s.parse().unwrap();
/// let o = renda::oversight::outputs(&st, &"hd".parse().unwrap(), d("2024-01-01"), d("2024-12-31"));
/// assert_eq!(o, renda::oversight::Outputs::default());
/// ```
pub fn outputs(
    st: &crate::State,
    congress: &crate::ids::CongressId,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Outputs {
    let mut out = Outputs::default();
    meeting::add_outputs(st, congress, from, to, &mut out);
    work_report::add_outputs(st, congress, from, to, &mut out);
    inspection::add_outputs(st, congress, from, to, &mut out);
    livelihood::add_outputs(st, congress, from, to, &mut out);
    work_evaluation::add_outputs(st, congress, from, to, &mut out);
    escalation::add_outputs(st, congress, from, to, &mut out);
    filing::add_outputs(st, congress, from, to, &mut out);
    budget::add_outputs(st, congress, from, to, &mut out);
    out
}
