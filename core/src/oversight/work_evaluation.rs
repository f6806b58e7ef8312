//! Department work evaluation (工作评议, W5; R-E1…R-E6): the standing committee evaluates a
//! government department in four phases in a fixed order (R-E2), holds an on-the-spot
//! satisfaction vote after hearing the two reports, publishes the result and notifies the
//! government (R-E3), issues an evaluation-opinion document (评议意见书, R-E6), follows the
//! rectification with a look-back (回头看) and escalates weak or delayed rectification (R-E4).
//! The coverage planner (R-E1) tracks whether every department in scope is evaluated within
//! the term.
//!
//! ```text
//! planned ─start→ self_inspecting ─self report→ self_report_submitted ─investigation report→
//! investigated ─deliberate (SC meeting)→ deliberated ─vote→ rated ─publish→ published
//! ─opinion→ opinion_issued ─rectification report→ rectification_reported ─look back→ looked_back
//!   looked_back (adequate) ─close→ closed
//!   looked_back (weak / late), or opinion_issued with the rectification overdue ─escalate→ escalated
//! ```
//!
//! ```
//! use renda::Ledger;
//! let mut l = Ledger::new(Default::default());
//! let mut run = |role: &str, id: &str, cmd: &str| {
//!     l.execute_json(&format!(r#"{{"at":"2024-03-01","actor":{{"role":"{role}","id":"{id}"}},"command":{cmd}}}"#))
//! };
//! run("admin", "a", r#"{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}"#).unwrap();
//! run("admin", "a", r#"{"type":"register_unit","unit":"edu","name":"区教委"}"#).unwrap();
//! run("director_meeting", "dm", r#"{"type":"declare_evaluation_scope","congress":"hd-17","departments":["edu"]}"#).unwrap();
//! # drop(run);
//! let c = l.evaluation_coverage(&"hd-17".parse().unwrap(), "2024-12-31".parse().unwrap()).unwrap();
//! assert_eq!((c.scope, c.covered, c.remaining.len()), (1, 0, 1));
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, MeetingId, UnitId, WorkEvaluationId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::text;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------

/// Where a work evaluation is in its lifecycle (W5 states, R-E2).
///
/// ```
/// use renda::oversight::work_evaluation::{WorkEvaluationStatus as S, WorkEvaluationPhase as P};
/// assert_eq!(S::SelfReportSubmitted.as_str(), "self_report_submitted");
/// assert_eq!(S::Rated.phase(), P::Deliberation);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkEvaluationStatus {
    /// The department is selected for the year and the team formed (W5 state 0).
    Planned,
    /// The kickoff meeting (动员大会) was held; the department inspects itself.
    SelfInspecting,
    /// The department submitted its work report (工作情况报告).
    SelfReportSubmitted,
    /// The team submitted its investigation report (调查报告).
    Investigated,
    /// The standing committee heard the two reports and deliberated (R-E3, R-E6).
    Deliberated,
    /// The on-the-spot satisfaction vote was taken (R-E3).
    Rated,
    /// The result was published and the government notified (R-E3).
    Published,
    /// The evaluation-opinion document (评议意见书) was issued (R-E6).
    OpinionIssued,
    /// The department reported its rectification (落实整改).
    RectificationReported,
    /// The standing committee looked back (回头看, R-E4).
    LookedBack,
    /// Closed after an adequate look-back (terminal).
    Closed,
    /// Escalated to a rigid supervision tool (R-E4; terminal).
    Escalated,
}

impl WorkEvaluationStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [WorkEvaluationStatus; 12] = [
        Self::Planned,
        Self::SelfInspecting,
        Self::SelfReportSubmitted,
        Self::Investigated,
        Self::Deliberated,
        Self::Rated,
        Self::Published,
        Self::OpinionIssued,
        Self::RectificationReported,
        Self::LookedBack,
        Self::Closed,
        Self::Escalated,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::SelfInspecting => "self_inspecting",
            Self::SelfReportSubmitted => "self_report_submitted",
            Self::Investigated => "investigated",
            Self::Deliberated => "deliberated",
            Self::Rated => "rated",
            Self::Published => "published",
            Self::OpinionIssued => "opinion_issued",
            Self::RectificationReported => "rectification_reported",
            Self::LookedBack => "looked_back",
            Self::Closed => "closed",
            Self::Escalated => "escalated",
        }
    }

    /// The phase of R-E2 this status belongs to.
    pub fn phase(self) -> WorkEvaluationPhase {
        use WorkEvaluationPhase as P;
        match self {
            Self::Planned => P::Planned,
            Self::SelfInspecting => P::SelfInspection,
            Self::SelfReportSubmitted => P::Investigation,
            Self::Investigated | Self::Deliberated | Self::Rated | Self::Published => {
                P::Deliberation
            }
            Self::OpinionIssued | Self::RectificationReported | Self::LookedBack => {
                P::Rectification
            }
            Self::Closed => P::Closed,
            Self::Escalated => P::Escalated,
        }
    }
}

crate::labels::labelled!(WorkEvaluationStatus {
    Planned => ("已列入评议计划", "Planned"),
    SelfInspecting => ("自查准备中", "Self-inspecting"),
    SelfReportSubmitted => ("已提交自查报告", "Self-inspection report submitted"),
    Investigated => ("已提交调查报告", "Investigation report submitted"),
    Deliberated => ("常委会已审议", "Deliberated"),
    Rated => ("已满意度测评", "Satisfaction vote taken"),
    Published => ("测评结果已公布", "Result published"),
    OpinionIssued => ("已印发评议意见书", "Evaluation opinion issued"),
    RectificationReported => ("已报告整改情况", "Rectification reported"),
    LookedBack => ("已回头看", "Looked back"),
    Closed => ("评议结束", "Closed"),
    Escalated => ("已启动刚性监督", "Escalated"),
});

/// The four phases of R-E2, with the states before and after them.
///
/// ```
/// use renda::oversight::work_evaluation::WorkEvaluationPhase;
/// assert_eq!(WorkEvaluationPhase::SelfInspection.as_str(), "self_inspection");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkEvaluationPhase {
    /// Planned, not yet started.
    Planned,
    /// Phase 1: self-inspection (受评单位自查准备).
    SelfInspection,
    /// Phase 2: investigation by the team (工作评议小组走访调查).
    Investigation,
    /// Phase 3: deliberation by the standing committee (常委会审议评议).
    Deliberation,
    /// Phase 4: rectification (受评单位落实整改), with the look-back.
    Rectification,
    /// Closed.
    Closed,
    /// Escalated (R-E4).
    Escalated,
}

impl WorkEvaluationPhase {
    /// Every phase, in order.
    pub const ALL: [WorkEvaluationPhase; 7] = [
        Self::Planned,
        Self::SelfInspection,
        Self::Investigation,
        Self::Deliberation,
        Self::Rectification,
        Self::Closed,
        Self::Escalated,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::SelfInspection => "self_inspection",
            Self::Investigation => "investigation",
            Self::Deliberation => "deliberation",
            Self::Rectification => "rectification",
            Self::Closed => "closed",
            Self::Escalated => "escalated",
        }
    }
}

crate::labels::labelled!(WorkEvaluationPhase {
    Planned => ("计划", "Planned"),
    SelfInspection => ("自查准备", "Self-inspection"),
    Investigation => ("走访调查", "Investigation"),
    Deliberation => ("审议评议", "Deliberation"),
    Rectification => ("落实整改", "Rectification"),
    Closed => ("评议结束", "Closed"),
    Escalated => ("刚性监督", "Escalated"),
});

/// The methods of the team's investigation (W5 phase 2).
///
/// ```
/// use renda::oversight::work_evaluation::InvestigationMethod;
/// assert_eq!(InvestigationMethod::ALL.len(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestigationMethod {
    /// 走访.
    Visit,
    /// 座谈.
    Forum,
    /// 个别交谈.
    Interview,
    /// 查阅资料.
    DocumentReview,
    /// 民意测评.
    OpinionPoll,
    /// 问卷调查.
    Questionnaire,
    /// 听取汇报.
    Briefing,
    /// 实地查看.
    SiteInspection,
}

impl InvestigationMethod {
    /// Every method.
    pub const ALL: [InvestigationMethod; 8] = [
        Self::Visit,
        Self::Forum,
        Self::Interview,
        Self::DocumentReview,
        Self::OpinionPoll,
        Self::Questionnaire,
        Self::Briefing,
        Self::SiteInspection,
    ];
}

crate::labels::labelled!(InvestigationMethod {
    Visit => ("走访", "Visits"),
    Forum => ("座谈", "Forums"),
    Interview => ("个别交谈", "Individual interviews"),
    DocumentReview => ("查阅资料", "Document review"),
    OpinionPoll => ("民意测评", "Opinion poll"),
    Questionnaire => ("问卷调查", "Questionnaire"),
    Briefing => ("听取汇报", "Briefings"),
    SiteInspection => ("实地查看", "Site inspection"),
});

/// The result of a satisfaction vote (R-E3): "not satisfied" when the dissatisfied votes
/// exceed the configured share of the members present ([`WorkEvaluationRules`]).
///
/// ```
/// use renda::oversight::work_evaluation::SatisfactionResult;
/// assert_eq!(SatisfactionResult::NotSatisfied.as_str(), "not_satisfied");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SatisfactionResult {
    /// Satisfied.
    Satisfied,
    /// Not satisfied.
    NotSatisfied,
}

impl SatisfactionResult {
    /// Both results.
    pub const ALL: [SatisfactionResult; 2] = [Self::Satisfied, Self::NotSatisfied];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Satisfied => "satisfied",
            Self::NotSatisfied => "not_satisfied",
        }
    }
}

crate::labels::labelled!(SatisfactionResult {
    Satisfied => ("测评通过（满意）", "Satisfied"),
    NotSatisfied => ("测评不满意", "Not satisfied"),
});

/// What the look-back (回头看) found (R-E4). The command gives `adequate` or `weak`; an
/// adequate finding on a rectification reported after its due date is recorded as `late`
/// (拖延整改).
///
/// ```
/// use renda::oversight::work_evaluation::LookBackOutcome;
/// assert!(LookBackOutcome::Late.allows_escalation());
/// assert!(!LookBackOutcome::Adequate.allows_escalation());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LookBackOutcome {
    /// Rectification adequate and on time: the evaluation may be closed.
    Adequate,
    /// Rectification weak (整改不力).
    Weak,
    /// Rectification delayed (拖延整改): reported after its due date.
    Late,
}

impl LookBackOutcome {
    /// Every outcome.
    pub const ALL: [LookBackOutcome; 3] = [Self::Adequate, Self::Weak, Self::Late];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Adequate => "adequate",
            Self::Weak => "weak",
            Self::Late => "late",
        }
    }

    /// Whether the outcome is a ground for escalation (R-E4).
    pub fn allows_escalation(self) -> bool {
        self != Self::Adequate
    }
}

crate::labels::labelled!(LookBackOutcome {
    Adequate => ("整改到位", "Adequate"),
    Weak => ("整改不力", "Weak"),
    Late => ("拖延整改", "Late"),
});

/// The rigid supervision tool an evaluation escalates to (R-E4).
///
/// ```
/// use renda::oversight::work_evaluation::WorkEvaluationEscalation;
/// assert_eq!(WorkEvaluationEscalation::TopicInquiry.as_str(), "topic_inquiry");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkEvaluationEscalation {
    /// 质询.
    Interpellation,
    /// 专题询问.
    TopicInquiry,
    /// 特定问题调查.
    SpecialQuestionInvestigation,
}

impl WorkEvaluationEscalation {
    /// Every kind.
    pub const ALL: [WorkEvaluationEscalation; 3] = [
        Self::Interpellation,
        Self::TopicInquiry,
        Self::SpecialQuestionInvestigation,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Interpellation => "interpellation",
            Self::TopicInquiry => "topic_inquiry",
            Self::SpecialQuestionInvestigation => "special_question_investigation",
        }
    }
}

crate::labels::labelled!(WorkEvaluationEscalation {
    Interpellation => ("质询", "Interpellation"),
    TopicInquiry => ("专题询问", "Topic inquiry"),
    SpecialQuestionInvestigation => ("特定问题调查", "Special-question investigation"),
});

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

/// The work-evaluation rules of a rule set (R-E3, R-E4, R-E5; domain §7 open choice 1). The
/// seeds give no scale or threshold: the defaults are [EXT] local practice.
///
/// ```
/// let r = renda::oversight::work_evaluation::WorkEvaluationRules::default();
/// assert_eq!(r.satisfaction_scale, ["满意", "基本满意", "不满意"]);
/// assert_eq!((r.not_satisfied_share.numerator, r.not_satisfied_share.denominator), (1, 3));
/// assert_eq!(r.rectification_months, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkEvaluationRules {
    /// The options of the satisfaction vote, in the order to report them (R-E3; [EXT]
    /// 满意/基本满意/不满意).
    pub satisfaction_scale: Vec<String>,
    /// The options that count as dissatisfied (default 不满意).
    pub dissatisfied_options: Vec<String>,
    /// The result is "not satisfied" when the dissatisfied votes exceed this share of the
    /// members present ([EXT] default one third).
    pub not_satisfied_share: Share,
    /// The on-the-spot vote needs two thirds of the members present (L-3).
    pub vote_quorum_two_thirds: bool,
    /// Calendar months the department has to report its rectification after the opinion
    /// document ([EXT] default 3).
    pub rectification_months: u32,
    /// The team leader must be a standing-committee vice director (R-E5: 分管副主任).
    pub leader_must_be_vice_director: bool,
    /// Fewest vice-leaders (heads of special committees, R-E5).
    pub min_vice_leaders: u32,
    /// Fewest standing-committee members among the team members (R-E5).
    pub min_sc_members: u32,
}

impl Default for WorkEvaluationRules {
    fn default() -> Self {
        Self {
            satisfaction_scale: vec!["满意".into(), "基本满意".into(), "不满意".into()],
            dissatisfied_options: vec!["不满意".into()],
            not_satisfied_share: Share {
                numerator: 1,
                denominator: 3,
            },
            vote_quorum_two_thirds: true,
            rectification_months: 3,
            leader_must_be_vice_director: true,
            min_vice_leaders: 1,
            min_sc_members: 1,
        }
    }
}

impl WorkEvaluationRules {
    fn check(&self) -> Result<()> {
        let bad = |field: &str, reason: &str| {
            Err(RendaError::InvalidRuleSet {
                field: format!("oversight.work_evaluation.{field}"),
                reason: reason.into(),
            })
        };
        let scale: BTreeSet<&String> = self.satisfaction_scale.iter().collect();
        if scale.is_empty() || scale.len() != self.satisfaction_scale.len() {
            return bad("satisfaction_scale", "needs at least one option, each once");
        }
        if self.dissatisfied_options.iter().any(|o| !scale.contains(o)) {
            return bad("dissatisfied_options", "must be options of the scale");
        }
        if self.not_satisfied_share.denominator == 0
            || self.not_satisfied_share.numerator > self.not_satisfied_share.denominator
        {
            return bad("not_satisfied_share", "must be a share from 0 to 1");
        }
        Ok(())
    }

    /// The result of a vote with `dissatisfied` dissatisfied votes among `present` members.
    ///
    /// ```
    /// use renda::oversight::work_evaluation::{WorkEvaluationRules, SatisfactionResult as R};
    /// let r = WorkEvaluationRules::default();
    /// assert_eq!(r.result(10, 30), R::Satisfied);     // 10 is not more than 30 / 3
    /// assert_eq!(r.result(11, 30), R::NotSatisfied);
    /// ```
    pub fn result(&self, dissatisfied: u32, present: u32) -> SatisfactionResult {
        let s = self.not_satisfied_share;
        if u64::from(dissatisfied) * u64::from(s.denominator)
            > u64::from(present) * u64::from(s.numerator)
        {
            SatisfactionResult::NotSatisfied
        } else {
            SatisfactionResult::Satisfied
        }
    }
}

/// A share `numerator / denominator`.
///
/// ```
/// let s: renda::oversight::work_evaluation::Share = serde_json::from_str(r#"{"numerator":1,"denominator":2}"#).unwrap();
/// assert_eq!(s.denominator, 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// Numerator.
    pub numerator: u32,
    /// Denominator (not zero).
    pub denominator: u32,
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// The evaluation team (评议小组, R-E5).
///
/// ```
/// let t: renda::oversight::work_evaluation::EvaluationTeam = serde_json::from_str(
///   r#"{"leader":"D001","vice_leaders":["D002"],"members":["D003"]}"#).unwrap();
/// assert!(t.staff.is_empty() && t.experts.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationTeam {
    /// The standing-committee vice director in charge (分管副主任).
    pub leader: DeputyId,
    /// Heads of the relevant special committees (deputies).
    pub vice_leaders: Vec<DeputyId>,
    /// Standing-committee members.
    pub members: Vec<DeputyId>,
    /// Staff of higher-level congress bodies (省、市、区人大机关工作人员), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staff: Vec<String>,
    /// Invited experts, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experts: Vec<String>,
    /// Invited citizen representatives, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citizen_representatives: Vec<String>,
}

/// A dated report (self-inspection or investigation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedReport {
    /// Date submitted.
    pub on: NaiveDate,
    /// Summary.
    pub summary: String,
}

/// The team's investigation (W5 phase 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investigation {
    /// Date the report was submitted.
    pub on: NaiveDate,
    /// Methods used.
    pub methods: Vec<InvestigationMethod>,
    /// Deputies taking part (评议工作检查), in 人次 (S001-8).
    pub deputy_person_times: u32,
    /// Summary.
    pub summary: String,
}

/// The standing committee's deliberation (R-E3, R-E6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliberation {
    /// The standing-committee meeting.
    pub meeting: MeetingId,
    /// Its date.
    pub held_on: NaiveDate,
    /// The department's special work report heard with it (R-E6): a title or a reference.
    pub special_work_report: String,
}

/// The votes for one option of the scale.
///
/// ```
/// let c: renda::oversight::work_evaluation::OptionCount = serde_json::from_str(r#"{"option":"满意","votes":30}"#).unwrap();
/// assert_eq!(c.votes, 30);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionCount {
    /// The option, as named in the scale.
    pub option: String,
    /// Votes.
    pub votes: u32,
}

/// The on-the-spot satisfaction vote (R-E3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionVote {
    /// The meeting (the deliberation meeting).
    pub meeting: MeetingId,
    /// Date (the meeting's).
    pub held_on: NaiveDate,
    /// Members of the standing committee.
    pub members: u32,
    /// Members present.
    pub present: u32,
    /// Votes per option, in the order of the scale.
    pub counts: Vec<OptionCount>,
    /// Dissatisfied votes.
    pub dissatisfied: u32,
    /// The result.
    pub result: SatisfactionResult,
}

/// Publication of the result (R-E3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Date published.
    pub on: NaiveDate,
    /// The government notified (通报区政府).
    pub notified: String,
}

/// The evaluation-opinion document (评议意见书, R-E6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationOpinion {
    /// Date issued.
    pub on: NaiveDate,
    /// Its items.
    pub items: Vec<String>,
    /// The rectification report is due by this date.
    pub rectification_due: NaiveDate,
}

/// The department's rectification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rectification {
    /// Date reported.
    pub on: NaiveDate,
    /// Summary.
    pub summary: String,
    /// Reported after the due date.
    pub late: bool,
}

/// The look-back (回头看, R-E4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookBack {
    /// Date.
    pub on: NaiveDate,
    /// The outcome.
    pub outcome: LookBackOutcome,
    /// Summary.
    pub summary: String,
}

/// An escalation (R-E4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Date.
    pub on: NaiveDate,
    /// The tool.
    pub kind: WorkEvaluationEscalation,
    /// Why.
    pub reason: String,
}

/// A work evaluation of a department as the ledger holds it.
///
/// ```
/// use renda::oversight::work_evaluation::WorkEvaluation;
/// let e: WorkEvaluation = serde_json::from_str(r#"{"id":"we-2024-edu","congress":"hd-17","year":2024,
///   "department":"edu","team":{"leader":"D001","vice_leaders":["D002"],"members":["D003"]},
///   "status":"planned","history":[["2024-03-01","planned"]]}"#).unwrap();
/// assert!(e.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkEvaluation {
    /// Id.
    pub id: WorkEvaluationId,
    /// The congress whose standing committee evaluates.
    pub congress: CongressId,
    /// The year of the evaluation.
    pub year: i32,
    /// The department evaluated.
    pub department: UnitId,
    /// The team (R-E5).
    pub team: EvaluationTeam,
    /// Current status.
    pub status: WorkEvaluationStatus,
    /// Each status with the date it was entered.
    pub history: Vec<(NaiveDate, WorkEvaluationStatus)>,
    /// The self-inspection report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_report: Option<DatedReport>,
    /// The investigation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigation: Option<Investigation>,
    /// The deliberation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliberation: Option<Deliberation>,
    /// The satisfaction vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<SatisfactionVote>,
    /// The publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// The opinion document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion: Option<EvaluationOpinion>,
    /// The rectification report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification: Option<Rectification>,
    /// The look-back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub look_back: Option<LookBack>,
    /// The escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Escalation>,
}

impl WorkEvaluation {
    /// Status as of the end of `date` (`None`: not yet planned).
    pub fn status_as_of(&self, date: NaiveDate) -> Option<WorkEvaluationStatus> {
        self.history
            .iter()
            .take_while(|(d, _)| *d <= date)
            .last()
            .map(|(_, s)| *s)
    }

    /// Date planned.
    pub fn planned_on(&self) -> NaiveDate {
        self.history.first().map_or(NaiveDate::MIN, |h| h.0)
    }

    /// Whether the standing committee deliberated it by the end of `date` (R-E1: evaluated).
    pub fn evaluated_by(&self, date: NaiveDate) -> bool {
        self.deliberation
            .as_ref()
            .is_some_and(|d| d.held_on <= date)
            && self.status_as_of(date) >= Some(WorkEvaluationStatus::Deliberated)
    }

    /// Checks the record's consistency: history, and every step recorded for the status.
    pub fn validate(&self) -> Result<()> {
        use WorkEvaluationStatus as S;
        let corrupt = |what: &str| RendaError::InvalidField {
            field: format!("state.work_evaluations.{}", self.id),
            value: String::new(),
            reason: format!("inconsistent work evaluation: {what}"),
        };
        if self.history.first().map(|h| h.1) != Some(S::Planned) {
            return Err(corrupt("history must start with planned"));
        }
        if self.history.last().map(|h| h.1) != Some(self.status) {
            return Err(corrupt("status differs from the last history entry"));
        }
        if self.history.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err(corrupt("history goes back in time"));
        }
        let s = self.status;
        let need = |from: S, ok: bool, what: &str| {
            if s >= from && s != S::Escalated && !ok {
                Err(corrupt(what))
            } else {
                Ok(())
            }
        };
        need(
            S::SelfReportSubmitted,
            self.self_report.is_some(),
            "no self report",
        )?;
        need(
            S::Investigated,
            self.investigation.is_some(),
            "no investigation",
        )?;
        need(
            S::Deliberated,
            self.deliberation.is_some(),
            "no deliberation",
        )?;
        need(S::Rated, self.vote.is_some(), "no vote")?;
        need(S::Published, self.publication.is_some(), "no publication")?;
        need(S::OpinionIssued, self.opinion.is_some(), "no opinion")?;
        need(
            S::RectificationReported,
            self.rectification.is_some(),
            "no rectification",
        )?;
        need(S::LookedBack, self.look_back.is_some(), "no look-back")?;
        if s == S::Closed
            && self.look_back.as_ref().map(|l| l.outcome) != Some(LookBackOutcome::Adequate)
        {
            return Err(corrupt("closed without an adequate look-back"));
        }
        if s == S::Escalated && (self.escalation.is_none() || self.opinion.is_none()) {
            return Err(corrupt("escalated without an escalation and an opinion"));
        }
        Ok(())
    }
}

/// The departments a congress's standing committee means to evaluate within the term (R-E1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationScope {
    /// The congress.
    pub congress: CongressId,
    /// The government departments to cover.
    pub departments: Vec<UnitId>,
    /// Date declared (a later declaration replaces it).
    pub declared_on: NaiveDate,
}

// ---------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------

fn of<'s>(st: &'s State, id: &WorkEvaluationId) -> Result<&'s WorkEvaluation> {
    State::found(
        &st.work_evaluations,
        id,
        "work evaluation",
        "command.work_evaluation",
    )
}

fn in_status<'s>(
    st: &'s State,
    id: &WorkEvaluationId,
    allowed: &[WorkEvaluationStatus],
    action: &'static str,
    rule: &'static str,
) -> Result<&'s WorkEvaluation> {
    let e = of(st, id)?;
    if !allowed.contains(&e.status) {
        return Err(RendaError::InvalidTransition {
            entity: "work evaluation",
            field: "command.work_evaluation",
            id: id.to_string(),
            status: e.status.as_str(),
            action,
            rule,
        });
    }
    Ok(e)
}

fn rules_of<'b>(
    st: &State,
    book: &'b RuleBook,
    congress: &CongressId,
    date: NaiveDate,
) -> Result<&'b WorkEvaluationRules> {
    let c = st.congress(congress, "command.congress")?;
    let r = &book.in_force(c.level, date)?.oversight.work_evaluation;
    r.check()?;
    Ok(r)
}

/// A handling unit acts only for its own department (the government office for any).
fn check_department(actor: &Actor, e: &WorkEvaluation) -> Result<()> {
    if actor.role == Role::HandlingUnit && actor.id.as_str() != e.department.as_str() {
        return Err(RendaError::NotParty {
            actor: actor.id.to_string(),
            relation: "the evaluated department",
            entity: "work evaluation",
            id: e.id.to_string(),
            rule: "W5, permission-matrix §6.2 (department evaluation: self-report)",
        });
    }
    Ok(())
}

fn team_violation(field: String, value: &str, message: String) -> RendaError {
    RendaError::rule_violation(
        rule_codes::TEAM_COMPOSITION,
        "R-E5",
        Some(&field),
        Some(value.to_string()),
        message,
    )
}

/// Checks the team's composition (R-E5).
fn check_team(
    st: &State,
    rules: &WorkEvaluationRules,
    congress: &CongressId,
    team: &EvaluationTeam,
) -> Result<()> {
    use crate::deputy::CommitteePost;
    let sc_member = |d: &DeputyId| {
        st.committee_members
            .get(d)
            .filter(|m| &m.congress == congress)
    };
    st.deputy(&team.leader, "command.team.leader")?;
    match sc_member(&team.leader) {
        None => {
            return Err(team_violation(
                "command.team.leader".into(),
                team.leader.as_str(),
                format!(
                    "the team leader must be a member of the standing committee of `{congress}` (the vice director in charge)"
                ),
            ))
        }
        Some(m)
            if rules.leader_must_be_vice_director && m.post != CommitteePost::ViceDirector =>
        {
            return Err(team_violation(
                "command.team.leader".into(),
                team.leader.as_str(),
                "the team leader must be a vice director of the standing committee (分管副主任)"
                    .into(),
            ))
        }
        Some(_) => {}
    }
    if team.vice_leaders.len() < rules.min_vice_leaders as usize {
        return Err(team_violation(
            "command.team.vice_leaders".into(),
            &team.vice_leaders.len().to_string(),
            format!(
                "the team needs at least {} vice-leader(s): heads of special committees",
                rules.min_vice_leaders
            ),
        ));
    }
    let mut seen: BTreeSet<&DeputyId> = BTreeSet::from([&team.leader]);
    for (i, d) in team.vice_leaders.iter().enumerate() {
        let field = format!("command.team.vice_leaders[{i}]");
        let dep = st.deputy(d, &field)?;
        if &dep.congress != congress {
            return Err(team_violation(
                field,
                d.as_str(),
                format!("a vice-leader must be a deputy of `{congress}`"),
            ));
        }
        if !seen.insert(d) {
            return Err(team_violation(
                field,
                d.as_str(),
                "a person appears once in the team".into(),
            ));
        }
    }
    for (i, d) in team.members.iter().enumerate() {
        let field = format!("command.team.members[{i}]");
        st.deputy(d, &field)?;
        if sc_member(d).is_none() {
            return Err(team_violation(
                field,
                d.as_str(),
                format!("a member must be a member of the standing committee of `{congress}`"),
            ));
        }
        if !seen.insert(d) {
            return Err(team_violation(
                field,
                d.as_str(),
                "a person appears once in the team".into(),
            ));
        }
    }
    if team.members.len() < rules.min_sc_members as usize {
        return Err(team_violation(
            "command.team.members".into(),
            &team.members.len().to_string(),
            format!(
                "the team needs at least {} standing-committee member(s)",
                rules.min_sc_members
            ),
        ));
    }
    for (what, names) in [
        ("staff", &team.staff),
        ("experts", &team.experts),
        ("citizen_representatives", &team.citizen_representatives),
    ] {
        for (i, n) in names.iter().enumerate() {
            check_name(&format!("command.team.{what}[{i}]"), n)?;
        }
    }
    Ok(())
}

/// Decides a work-evaluation command: checks it against the state, the rule set in force and
/// the actor, and returns the events to record. Never changes anything.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    use WorkEvaluationStatus as S;
    match command {
        Command::DeclareEvaluationScope {
            congress,
            departments,
        } => {
            st.congress(congress, "command.congress")?;
            if departments.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.departments".into(),
                    value: "[]".into(),
                    reason: "the scope lists at least one department (R-E1)".into(),
                });
            }
            for (i, u) in departments.iter().enumerate() {
                let field = format!("command.departments[{i}]");
                st.unit(u, &field)?;
                if departments[..i].contains(u) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: u.to_string(),
                        reason: "a department appears once".into(),
                    });
                }
            }
            Ok(vec![EventKind::EvaluationScopeDeclared {
                congress: congress.clone(),
                departments: departments.clone(),
            }])
        }
        Command::PlanWorkEvaluation {
            work_evaluation,
            congress,
            year,
            department,
            team,
        } => {
            State::absent(&st.work_evaluations, work_evaluation, "work evaluation")?;
            let c = st.congress(congress, "command.congress")?;
            let rules = rules_of(st, book, congress, date)?;
            if *year < c.term_start.year() || *year > c.term_end.year() {
                return Err(RendaError::InvalidField {
                    field: "command.year".into(),
                    value: year.to_string(),
                    reason: format!(
                        "must fall within the term ({} to {})",
                        c.term_start, c.term_end
                    ),
                });
            }
            st.unit(department, "command.department")?;
            if let Some(other) = st
                .work_evaluations
                .values()
                .find(|e| &e.department == department && e.year == *year)
            {
                return Err(RendaError::rule_violation(
                    rule_codes::DEPARTMENT_ALREADY_EVALUATED,
                    "R-E1",
                    Some("command.department"),
                    Some(department.to_string()),
                    format!(
                        "department `{department}` is already evaluated in {year} (`{}`); a department is evaluated at most once a year",
                        other.id
                    ),
                ));
            }
            check_team(st, rules, congress, team)?;
            Ok(vec![EventKind::WorkEvaluationPlanned {
                work_evaluation: work_evaluation.clone(),
                congress: congress.clone(),
                year: *year,
                department: department.clone(),
                team: team.clone(),
            }])
        }
        Command::StartWorkEvaluation { work_evaluation } => {
            in_status(st, work_evaluation, &[S::Planned], "start", "R-E2")?;
            Ok(vec![EventKind::WorkEvaluationStarted {
                work_evaluation: work_evaluation.clone(),
            }])
        }
        Command::SubmitSelfInspectionReport {
            work_evaluation,
            summary,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::SelfInspecting],
                "submit the self-inspection report",
                "R-E2",
            )?;
            check_department(actor, e)?;
            text("command.summary", summary)?;
            Ok(vec![EventKind::SelfInspectionReportSubmitted {
                work_evaluation: work_evaluation.clone(),
                summary: summary.clone(),
            }])
        }
        Command::SubmitInvestigationReport {
            work_evaluation,
            methods,
            deputy_person_times,
            summary,
        } => {
            in_status(
                st,
                work_evaluation,
                &[S::SelfReportSubmitted],
                "submit the investigation report",
                "R-E2",
            )?;
            if methods.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.methods".into(),
                    value: "[]".into(),
                    reason: "the investigation uses at least one method (W5 phase 2)".into(),
                });
            }
            for (i, m) in methods.iter().enumerate() {
                if methods[..i].contains(m) {
                    return Err(RendaError::InvalidField {
                        field: format!("command.methods[{i}]"),
                        value: format!("{m:?}"),
                        reason: "a method appears once".into(),
                    });
                }
            }
            text("command.summary", summary)?;
            Ok(vec![EventKind::InvestigationReportSubmitted {
                work_evaluation: work_evaluation.clone(),
                methods: methods.clone(),
                deputy_person_times: *deputy_person_times,
                summary: summary.clone(),
            }])
        }
        Command::DeliberateWorkEvaluation {
            work_evaluation,
            meeting,
            special_work_report,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::Investigated],
                "deliberate",
                "R-E2, R-E3",
            )?;
            let m = require_body(
                st,
                meeting,
                &e.congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            let last_report = e
                .investigation
                .as_ref()
                .map(|i| i.on)
                .into_iter()
                .chain(e.self_report.as_ref().map(|r| r.on))
                .max()
                .unwrap_or(NaiveDate::MIN);
            if m.held_on < last_report {
                return Err(RendaError::rule_violation(
                    rule_codes::MEETING_BEFORE_REPORTS,
                    "R-E3",
                    Some("command.meeting"),
                    Some(meeting.to_string()),
                    format!(
                        "meeting `{meeting}` on {} is before the two reports were in ({last_report}); the standing committee hears both reports",
                        m.held_on
                    ),
                ));
            }
            check_name("command.special_work_report", special_work_report)?;
            Ok(vec![EventKind::WorkEvaluationDeliberated {
                work_evaluation: work_evaluation.clone(),
                meeting: meeting.clone(),
                special_work_report: special_work_report.clone(),
            }])
        }
        Command::RecordSatisfactionVote {
            work_evaluation,
            meeting,
            members,
            present,
            counts,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::Deliberated],
                "record the satisfaction vote",
                "R-E2, R-E3",
            )?;
            let rules = rules_of(st, book, &e.congress, date)?;
            let held = e.deliberation.as_ref().map(|d| &d.meeting);
            if held != Some(meeting) {
                return Err(RendaError::rule_violation(
                    rule_codes::VOTE_NOT_AT_DELIBERATION,
                    "R-E3",
                    Some("command.meeting"),
                    Some(meeting.to_string()),
                    format!(
                        "the satisfaction vote is taken on the spot, at the deliberation meeting `{}`",
                        held.map_or(String::new(), |m| m.to_string())
                    ),
                ));
            }
            let tally = crate::vote::Vote {
                members: *members,
                present: *present,
                yes: 0,
                no: 0,
                abstain: 0,
            };
            tally.validate("command")?;
            if rules.vote_quorum_two_thirds && !tally.has_two_thirds_quorum() {
                return Err(RendaError::rule_violation(
                    rule_codes::SATISFACTION_VOTE_NO_QUORUM,
                    "L-3, R-E3",
                    Some("command.present"),
                    Some(present.to_string()),
                    format!(
                        "{present} of {members} members present: the vote needs two thirds present"
                    ),
                ));
            }
            let mut cast: u64 = 0;
            for (i, c) in counts.iter().enumerate() {
                let field = format!("command.counts[{i}].option");
                if !rules.satisfaction_scale.contains(&c.option) {
                    return Err(RendaError::rule_violation(
                        rule_codes::OPTION_NOT_ON_SCALE,
                        "R-E3",
                        Some(&field),
                        Some(c.option.clone()),
                        format!("the scale is {}", rules.satisfaction_scale.join(" / ")),
                    ));
                }
                if counts[..i].iter().any(|o| o.option == c.option) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: c.option.clone(),
                        reason: "an option appears once".into(),
                    });
                }
                cast += u64::from(c.votes);
            }
            if cast > u64::from(*present) {
                return Err(RendaError::InvalidField {
                    field: "command.counts".into(),
                    value: cast.to_string(),
                    reason: format!("the votes cast must not exceed the {present} present"),
                });
            }
            let ordered: Vec<OptionCount> = rules
                .satisfaction_scale
                .iter()
                .map(|o| OptionCount {
                    option: o.clone(),
                    votes: counts
                        .iter()
                        .find(|c| &c.option == o)
                        .map_or(0, |c| c.votes),
                })
                .collect();
            // The sum of all counts is at most `present` (checked above), so no overflow.
            let dissatisfied: u32 = ordered
                .iter()
                .filter(|c| rules.dissatisfied_options.contains(&c.option))
                .map(|c| c.votes)
                .sum();
            Ok(vec![EventKind::SatisfactionVoteRecorded {
                work_evaluation: work_evaluation.clone(),
                meeting: meeting.clone(),
                members: *members,
                present: *present,
                counts: ordered,
                dissatisfied,
                result: rules.result(dissatisfied, *present),
            }])
        }
        Command::PublishWorkEvaluationResult {
            work_evaluation,
            notified,
        } => {
            in_status(
                st,
                work_evaluation,
                &[S::Rated],
                "publish the result",
                "R-E3",
            )?;
            check_name("command.notified", notified)?;
            Ok(vec![EventKind::WorkEvaluationResultPublished {
                work_evaluation: work_evaluation.clone(),
                notified: notified.clone(),
            }])
        }
        Command::IssueEvaluationOpinion {
            work_evaluation,
            items,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::Published],
                "issue the evaluation opinion",
                "R-E6",
            )?;
            let months = rules_of(st, book, &e.congress, date)?.rectification_months;
            let rectification_due = date
                .checked_add_months(chrono::Months::new(months))
                .unwrap_or(NaiveDate::MAX);
            if items.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.items".into(),
                    value: "[]".into(),
                    reason: "an evaluation opinion has at least one item (R-E6)".into(),
                });
            }
            for (i, it) in items.iter().enumerate() {
                text(&format!("command.items[{i}]"), it)?;
            }
            Ok(vec![EventKind::EvaluationOpinionIssued {
                work_evaluation: work_evaluation.clone(),
                items: items.clone(),
                rectification_due,
            }])
        }
        Command::ReportRectification {
            work_evaluation,
            summary,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::OpinionIssued],
                "report rectification",
                "R-E2",
            )?;
            check_department(actor, e)?;
            text("command.summary", summary)?;
            Ok(vec![EventKind::WorkEvaluationRectificationReported {
                work_evaluation: work_evaluation.clone(),
                summary: summary.clone(),
            }])
        }
        Command::LookBackWorkEvaluation {
            work_evaluation,
            finding,
            summary,
        } => {
            in_status(
                st,
                work_evaluation,
                &[S::RectificationReported],
                "look back",
                "R-E4",
            )?;
            if *finding == LookBackOutcome::Late {
                return Err(RendaError::InvalidField {
                    field: "command.finding".into(),
                    value: "late".into(),
                    reason: "give adequate or weak; a late rectification is recorded as late from its dates (R-E4)".into(),
                });
            }
            text("command.summary", summary)?;
            Ok(vec![EventKind::WorkEvaluationLookedBack {
                work_evaluation: work_evaluation.clone(),
                finding: *finding,
                summary: summary.clone(),
            }])
        }
        Command::CloseWorkEvaluation { work_evaluation } => {
            let e = in_status(st, work_evaluation, &[S::LookedBack], "close", "R-E4")?;
            let outcome = e.look_back.as_ref().map(|l| l.outcome);
            if outcome != Some(LookBackOutcome::Adequate) {
                return Err(RendaError::rule_violation(
                    rule_codes::LOOK_BACK_NOT_ADEQUATE,
                    "R-E4",
                    Some("command.work_evaluation"),
                    Some(work_evaluation.to_string()),
                    format!(
                        "the look-back found the rectification {}: escalate instead of closing",
                        outcome.map_or("missing", LookBackOutcome::as_str)
                    ),
                ));
            }
            Ok(vec![EventKind::WorkEvaluationClosed {
                work_evaluation: work_evaluation.clone(),
            }])
        }
        Command::EscalateWorkEvaluation {
            work_evaluation,
            kind,
            reason,
        } => {
            let e = in_status(
                st,
                work_evaluation,
                &[S::OpinionIssued, S::LookedBack],
                "escalate",
                "R-E4",
            )?;
            let grounds = match e.status {
                S::LookedBack => e
                    .look_back
                    .as_ref()
                    .is_some_and(|l| l.outcome.allows_escalation()),
                _ => e
                    .opinion
                    .as_ref()
                    .is_some_and(|o| date > o.rectification_due),
            };
            if !grounds {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_GROUNDS_FOR_ESCALATION,
                    "R-E4",
                    Some("command.work_evaluation"),
                    Some(work_evaluation.to_string()),
                    "escalation follows a weak or late look-back, or a rectification report overdue (整改不力、拖延整改)".to_string(),
                ));
            }
            check_name("command.reason", reason)?;
            Ok(vec![EventKind::WorkEvaluationEscalated {
                work_evaluation: work_evaluation.clone(),
                kind: *kind,
                reason: reason.clone(),
            }])
        }
        other => unreachable!("not a work-evaluation command: {}", other.type_name()),
    }
}

// ---------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------

fn record_mut<'s>(st: &'s mut State, id: &WorkEvaluationId) -> Result<&'s mut WorkEvaluation> {
    State::found_mut(
        &mut st.work_evaluations,
        id,
        "work evaluation",
        "event.work_evaluation",
    )
}

fn set(e: &mut WorkEvaluation, date: NaiveDate, status: WorkEvaluationStatus) {
    e.status = status;
    e.history.push((date, status));
}

/// Applies a work-evaluation event.
pub(crate) fn apply(st: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use WorkEvaluationStatus as S;
    match event {
        EventKind::EvaluationScopeDeclared {
            congress,
            departments,
        } => {
            st.congress(congress, "event.congress")?;
            for u in departments {
                st.unit(u, "event.departments")?;
            }
            st.evaluation_scopes.insert(
                congress.clone(),
                EvaluationScope {
                    congress: congress.clone(),
                    departments: departments.clone(),
                    declared_on: date,
                },
            );
        }
        EventKind::WorkEvaluationPlanned {
            work_evaluation,
            congress,
            year,
            department,
            team,
        } => {
            st.congress(congress, "event.congress")?;
            st.unit(department, "event.department")?;
            st.work_evaluations.insert(
                work_evaluation.clone(),
                WorkEvaluation {
                    id: work_evaluation.clone(),
                    congress: congress.clone(),
                    year: *year,
                    department: department.clone(),
                    team: team.clone(),
                    status: S::Planned,
                    history: vec![(date, S::Planned)],
                    self_report: None,
                    investigation: None,
                    deliberation: None,
                    vote: None,
                    publication: None,
                    opinion: None,
                    rectification: None,
                    look_back: None,
                    escalation: None,
                },
            );
        }
        EventKind::WorkEvaluationStarted { work_evaluation } => {
            set(record_mut(st, work_evaluation)?, date, S::SelfInspecting)
        }
        EventKind::SelfInspectionReportSubmitted {
            work_evaluation,
            summary,
        } => {
            let e = record_mut(st, work_evaluation)?;
            e.self_report = Some(DatedReport {
                on: date,
                summary: summary.clone(),
            });
            set(e, date, S::SelfReportSubmitted);
        }
        EventKind::InvestigationReportSubmitted {
            work_evaluation,
            methods,
            deputy_person_times,
            summary,
        } => {
            let e = record_mut(st, work_evaluation)?;
            e.investigation = Some(Investigation {
                on: date,
                methods: methods.clone(),
                deputy_person_times: *deputy_person_times,
                summary: summary.clone(),
            });
            set(e, date, S::Investigated);
        }
        EventKind::WorkEvaluationDeliberated {
            work_evaluation,
            meeting,
            special_work_report,
        } => {
            let held_on = crate::oversight::meeting::require(st, meeting, "event.meeting")?.held_on;
            let e = record_mut(st, work_evaluation)?;
            e.deliberation = Some(Deliberation {
                meeting: meeting.clone(),
                held_on,
                special_work_report: special_work_report.clone(),
            });
            set(e, date, S::Deliberated);
        }
        EventKind::SatisfactionVoteRecorded {
            work_evaluation,
            meeting,
            members,
            present,
            counts,
            dissatisfied,
            result,
        } => {
            let held_on = crate::oversight::meeting::require(st, meeting, "event.meeting")?.held_on;
            let e = record_mut(st, work_evaluation)?;
            e.vote = Some(SatisfactionVote {
                meeting: meeting.clone(),
                held_on,
                members: *members,
                present: *present,
                counts: counts.clone(),
                dissatisfied: *dissatisfied,
                result: *result,
            });
            set(e, date, S::Rated);
        }
        EventKind::WorkEvaluationResultPublished {
            work_evaluation,
            notified,
        } => {
            let e = record_mut(st, work_evaluation)?;
            e.publication = Some(Publication {
                on: date,
                notified: notified.clone(),
            });
            set(e, date, S::Published);
        }
        EventKind::EvaluationOpinionIssued {
            work_evaluation,
            items,
            rectification_due,
        } => {
            let e = record_mut(st, work_evaluation)?;
            e.opinion = Some(EvaluationOpinion {
                on: date,
                items: items.clone(),
                rectification_due: *rectification_due,
            });
            set(e, date, S::OpinionIssued);
        }
        EventKind::WorkEvaluationRectificationReported {
            work_evaluation,
            summary,
        } => {
            let e = record_mut(st, work_evaluation)?;
            let late = e
                .opinion
                .as_ref()
                .is_some_and(|o| date > o.rectification_due);
            e.rectification = Some(Rectification {
                on: date,
                summary: summary.clone(),
                late,
            });
            set(e, date, S::RectificationReported);
        }
        EventKind::WorkEvaluationLookedBack {
            work_evaluation,
            finding,
            summary,
        } => {
            let e = record_mut(st, work_evaluation)?;
            let late = e.rectification.as_ref().is_some_and(|r| r.late);
            let outcome = match finding {
                LookBackOutcome::Adequate if late => LookBackOutcome::Late,
                other => *other,
            };
            e.look_back = Some(LookBack {
                on: date,
                outcome,
                summary: summary.clone(),
            });
            set(e, date, S::LookedBack);
        }
        EventKind::WorkEvaluationClosed { work_evaluation } => {
            set(record_mut(st, work_evaluation)?, date, S::Closed)
        }
        EventKind::WorkEvaluationEscalated {
            work_evaluation,
            kind,
            reason,
        } => {
            let e = record_mut(st, work_evaluation)?;
            e.escalation = Some(Escalation {
                on: date,
                kind: *kind,
                reason: reason.clone(),
            });
            set(e, date, S::Escalated);
        }
        other => unreachable!("not a work-evaluation event: {}", other.type_name()),
    }
    Ok(())
}

/// Checks the work evaluations and scopes of a snapshot: keys, references, records.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, e) in &st.work_evaluations {
        if &e.id != id {
            return Err(RendaError::InvalidField {
                field: "state.work_evaluations".into(),
                value: id.to_string(),
                reason: "the record's id differs from its key".into(),
            });
        }
        e.validate()?;
        st.congress(&e.congress, "state.work_evaluations.congress")?;
        st.unit(&e.department, "state.work_evaluations.department")?;
        for d in std::iter::once(&e.team.leader)
            .chain(&e.team.vice_leaders)
            .chain(&e.team.members)
        {
            st.deputy(d, "state.work_evaluations.team")?;
        }
        if let Some(d) = &e.deliberation {
            crate::oversight::meeting::require(st, &d.meeting, "state.work_evaluations.meeting")?;
        }
    }
    for (c, s) in &st.evaluation_scopes {
        if &s.congress != c {
            return Err(RendaError::InvalidField {
                field: "state.evaluation_scopes".into(),
                value: c.to_string(),
                reason: "the record's congress differs from its key".into(),
            });
        }
        st.congress(c, "state.evaluation_scopes")?;
        for u in &s.departments {
            st.unit(u, "state.evaluation_scopes.departments")?;
        }
    }
    Ok(())
}

/// Adds the evaluation-opinion documents of `congress` issued from `from` to `to` (S001-2
/// "评议意见书7份") to `out.evaluation_opinions`.
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut crate::oversight::Outputs,
) {
    out.evaluation_opinions += st
        .work_evaluations
        .values()
        .filter(|e| &e.congress == congress)
        .filter_map(|e| e.opinion.as_ref())
        .filter(|o| o.on >= from && o.on <= to)
        .count() as u32;
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

/// One year of the coverage history (R-E1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageYear {
    /// The year.
    pub year: i32,
    /// Evaluations of the year planned by the date.
    pub planned: u32,
    /// Of those, deliberated by the standing committee by the date.
    pub evaluated: u32,
}

/// Coverage of the declared scope within the term (R-E1; 海淀: 5 in 2018, 5 in 2019, full
/// coverage 2018–2021).
///
/// - `covered` = scope departments whose evaluation the standing committee deliberated by
///   `as_of`; `in_progress` = scope departments planned but not yet deliberated; `remaining`
///   = the others (`scope` = `covered` + `in_progress` + `remaining.len()`).
/// - `years_left` = calendar years of the term after `as_of`'s year; `per_year_needed` =
///   ⌈`remaining` / `years_left`⌉, or all `remaining` when no year is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationCoverage {
    /// The congress.
    pub congress: CongressId,
    /// The date.
    pub as_of: NaiveDate,
    /// First day of the term.
    pub term_start: NaiveDate,
    /// Last day of the term.
    pub term_end: NaiveDate,
    /// Departments in scope (0 when none is declared).
    pub scope: u32,
    /// Scope departments evaluated this term.
    pub covered: u32,
    /// Scope departments planned, not yet deliberated.
    pub in_progress: u32,
    /// Scope departments neither evaluated nor planned.
    pub remaining: Vec<UnitId>,
    /// Coverage in percent, one decimal, rounded half up ("0.0" for an empty scope).
    pub percent: String,
    /// Whether every scope department is covered (and the scope is not empty).
    pub complete: bool,
    /// Calendar years of the term after `as_of`'s year.
    pub years_left: u32,
    /// Departments to plan per remaining year to reach full coverage.
    pub per_year_needed: u32,
    /// Per year of the term up to `as_of`'s year: every evaluation of the congress.
    pub history: Vec<CoverageYear>,
}

/// The coverage of `congress` as of the end of `as_of` ([`EvaluationCoverage`]).
pub fn coverage(st: &State, congress: &CongressId, as_of: NaiveDate) -> Result<EvaluationCoverage> {
    let c = st.congress(congress, "congress")?;
    let evals: Vec<&WorkEvaluation> = st
        .work_evaluations
        .values()
        .filter(|e| &e.congress == congress && e.planned_on() <= as_of)
        .collect();
    let scope: Vec<UnitId> = st
        .evaluation_scopes
        .get(congress)
        .filter(|s| s.declared_on <= as_of)
        .map(|s| s.departments.clone())
        .unwrap_or_default();
    let (mut covered, mut in_progress, mut remaining) = (0u32, 0u32, Vec::new());
    for u in &scope {
        let mine = evals.iter().filter(|e| &e.department == u);
        if mine.clone().any(|e| e.evaluated_by(as_of)) {
            covered += 1;
        } else if mine.count() > 0 {
            in_progress += 1;
        } else {
            remaining.push(u.clone());
        }
    }
    let years_left = (c.term_end.year() - as_of.year()).max(0) as u32;
    let rem = remaining.len() as u32;
    let per_year_needed = if years_left == 0 {
        rem
    } else {
        rem.div_ceil(years_left)
    };
    let n = scope.len() as u64;
    let percent = if n == 0 {
        "0.0".to_string()
    } else {
        let tenths = (u64::from(covered) * 2000 + n) / (2 * n);
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let last = as_of.year().min(c.term_end.year());
    let history = (c.term_start.year()..=last)
        .map(|y| CoverageYear {
            year: y,
            planned: evals.iter().filter(|e| e.year == y).count() as u32,
            evaluated: evals
                .iter()
                .filter(|e| e.year == y && e.evaluated_by(as_of))
                .count() as u32,
        })
        .collect();
    Ok(EvaluationCoverage {
        congress: congress.clone(),
        as_of,
        term_start: c.term_start,
        term_end: c.term_end,
        scope: n as u32,
        covered,
        in_progress,
        remaining,
        percent,
        complete: n > 0 && covered as u64 == n,
        years_left,
        per_year_needed,
        history,
    })
}

/// One evaluation as the `work_evaluations` query lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkEvaluationSummary {
    /// Id.
    pub id: WorkEvaluationId,
    /// The department.
    pub department: UnitId,
    /// The year.
    pub year: i32,
    /// Status.
    pub status: WorkEvaluationStatus,
    /// Phase (R-E2).
    pub phase: WorkEvaluationPhase,
    /// The vote result, once voted.
    pub vote_result: Option<SatisfactionResult>,
    /// Items of the opinion document, once issued.
    pub opinion_items: Option<u32>,
    /// Rectification report due date, once the opinion is issued.
    pub rectification_due: Option<NaiveDate>,
    /// Date the rectification was reported.
    pub rectification_reported_on: Option<NaiveDate>,
    /// Whether the rectification was reported after its due date (`None` until reported).
    pub rectification_late: Option<bool>,
    /// The look-back outcome.
    pub look_back: Option<LookBackOutcome>,
    /// The escalation tool, once escalated.
    pub escalation: Option<WorkEvaluationEscalation>,
    /// Deputies in the investigation, in 人次.
    pub deputy_person_times: u32,
}

/// The evaluations of `congress` for `year`, ordered by id.
pub fn list(st: &State, congress: &CongressId, year: i32) -> Result<Vec<WorkEvaluationSummary>> {
    st.congress(congress, "congress")?;
    Ok(st
        .work_evaluations
        .values()
        .filter(|e| &e.congress == congress && e.year == year)
        .map(|e| WorkEvaluationSummary {
            id: e.id.clone(),
            department: e.department.clone(),
            year: e.year,
            status: e.status,
            phase: e.status.phase(),
            vote_result: e.vote.as_ref().map(|v| v.result),
            opinion_items: e.opinion.as_ref().map(|o| o.items.len() as u32),
            rectification_due: e.opinion.as_ref().map(|o| o.rectification_due),
            rectification_reported_on: e.rectification.as_ref().map(|r| r.on),
            rectification_late: e.rectification.as_ref().map(|r| r.late),
            look_back: e.look_back.as_ref().map(|l| l.outcome),
            escalation: e.escalation.as_ref().map(|x| x.kind),
            deputy_person_times: e
                .investigation
                .as_ref()
                .map_or(0, |i| i.deputy_person_times),
        })
        .collect())
}

/// The satisfaction votes of `congress` as Popolo vote tallies (R-E3), ordered by evaluation
/// id; pass them to [`crate::popolo::vote_events_from_tallies`]. The result is `pass` for
/// satisfied and `fail` for not satisfied.
#[cfg(feature = "popolo")]
pub fn vote_tallies(st: &State, congress: &CongressId) -> Vec<crate::popolo::VoteTally> {
    st.work_evaluations
        .values()
        .filter(|e| &e.congress == congress)
        .filter_map(|e| {
            let v = e.vote.as_ref()?;
            let name = st
                .units
                .get(&e.department)
                .map_or(e.department.to_string(), |u| u.name.clone());
            Some(crate::popolo::VoteTally {
                id: format!("{congress}/work_evaluation/{}", e.id),
                organization_id: format!("{congress}/standing_committee"),
                motion: format!("对{name}工作的满意度测评（{}年）", e.year),
                classification: Some("satisfaction".into()),
                requirement: None,
                at: crate::time::Timestamp::start_of_china_day(v.held_on),
                result: Some(
                    match v.result {
                        SatisfactionResult::Satisfied => "pass",
                        SatisfactionResult::NotSatisfied => "fail",
                    }
                    .into(),
                ),
                counts: v
                    .counts
                    .iter()
                    .map(|c| (c.option.clone(), u64::from(c.votes)))
                    .collect(),
            })
        })
        .collect()
}

impl Ledger {
    /// Every work evaluation, ordered by id.
    ///
    /// ```
    /// assert_eq!(renda::Ledger::new(Default::default()).work_evaluation_records().count(), 0);
    /// ```
    pub fn work_evaluation_records(&self) -> impl Iterator<Item = &WorkEvaluation> {
        self.state().work_evaluations.values()
    }

    /// The evaluation coverage of `congress` as of `as_of` ([`EvaluationCoverage`], R-E1);
    /// `not_found` (field `congress`) for an unknown congress.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.evaluation_coverage(&"hd".parse().unwrap(), "2024-01-01".parse().unwrap()).unwrap_err().code(), "not_found");
    /// ```
    pub fn evaluation_coverage(
        &self,
        congress: &CongressId,
        as_of: NaiveDate,
    ) -> Result<EvaluationCoverage> {
        coverage(self.state(), congress, as_of)
    }

    /// [`Ledger::evaluation_coverage`] from wire strings, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.evaluation_coverage_to_json("hd", "2024-13-01").unwrap_err().field(), Some("as_of"));
    /// ```
    pub fn evaluation_coverage_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(crate::wire::to_json(
            &self.evaluation_coverage(&congress, date)?,
        ))
    }

    /// The work evaluations of `congress` for `year` ([`WorkEvaluationSummary`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.work_evaluations(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn work_evaluations(
        &self,
        congress: &CongressId,
        year: i32,
    ) -> Result<Vec<WorkEvaluationSummary>> {
        list(self.state(), congress, year)
    }

    /// [`Ledger::work_evaluations`] from wire strings (`year` as digits), as a JSON array.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.work_evaluations_to_json("hd", "twenty").unwrap_err().field(), Some("year"));
    /// ```
    pub fn work_evaluations_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let y: i32 = year.parse().map_err(|_| RendaError::InvalidField {
            field: "year".into(),
            value: crate::ids::truncate(year),
            reason: "must be a year such as 2024".into(),
        })?;
        Ok(crate::wire::to_json(&self.work_evaluations(&congress, y)?))
    }

    /// The satisfaction votes of `congress` as Popolo vote tallies ([`vote_tallies`]).
    #[cfg(feature = "popolo")]
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.work_evaluation_vote_tallies(&"hd".parse().unwrap()).is_empty());
    /// ```
    pub fn work_evaluation_vote_tallies(
        &self,
        congress: &CongressId,
    ) -> Vec<crate::popolo::VoteTally> {
        vote_tallies(self.state(), congress)
    }
}
