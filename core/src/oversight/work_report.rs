//! Reports the standing committee hears (W10; L-15, L-16, R-M15, R-M20, R-B5, R-B6, R-B7,
//! L-20): one lifecycle for the special work report (专项工作报告) and every statutory report
//! (plan and budget execution, final accounts, audit, state assets, government debt,
//! environment, …), with the review opinion (审议意见书) and its handling report.
//!
//! ```text
//! scheduled ─submit first (20 days before, L-15)→ first_submitted ─submit revised (10 days)→ revised_submitted
//!                                   │  ↑ return (R-M15)                    │ return (R-M15)
//!                                   └→ returned ─submit revised──────────→ │
//! revised_submitted ─hear (at its SC meeting; R-M20 research, R-B7)→ heard
//!   ─issue_review_opinion (due + N months, L-16)→ opinion_issued ─report_opinion_handling→ handling_reported
//!   ─follow_up (tracking inspection, next-year report, resolution)→ followed_up ─close→ closed
//! ```
//!
//! A late submission or handling report is accepted and marked late (an organ's lateness is a
//! fact to record, not a reason to refuse it); [`Ledger::report_calendar`] lists them.
//!
//! ```
//! use renda::Ledger;
//! let mut ledger = Ledger::new(Default::default());
//! let mut run = |at: &str, role: &str, cmd: &str| {
//!     ledger.execute_json(&format!(r#"{{"at":"{at}","actor":{{"role":"{role}","id":"x"}},"command":{cmd}}}"#))
//! };
//! run("2024-01-02", "admin", r#"{"type":"register_congress","congress":"hd-17","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}"#).unwrap();
//! run("2024-01-02", "admin", r#"{"type":"register_unit","unit":"edu","name":"区教委"}"#).unwrap();
//! run("2024-01-03", "director_meeting", r#"{"type":"convene_meeting","meeting":"sc-9","congress":"hd-17","body":"standing_committee","kind":"regular","held_on":"2024-06-25"}"#).unwrap();
//! run("2024-01-04", "director_meeting", r#"{"type":"schedule_work_report","report":"R1","congress":"hd-17","year":2024,"kind":"special_work","title":"关于学前教育工作情况的报告","organ":"edu","meeting":"sc-9"}"#).unwrap();
//! // Due 2024-06-05 (20 days before); submitted on 2024-06-07: accepted, marked late.
//! let e = run("2024-06-07", "government_office", r#"{"type":"submit_work_report","report":"R1","version":"first"}"#).unwrap();
//! assert_eq!(e[0].event.type_name(), "work_report_submitted");
//! # drop(run);
//! assert!(ledger.state().work_reports.values().next().unwrap().submissions[0].late);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, MeetingId, SupervisionTopicId, UnitId, WorkReportId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::text;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// What kind of report the standing committee hears (§1.3 `SupervisionItem` kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// 专项工作报告.
    SpecialWork,
    /// 国民经济和社会发展计划执行情况.
    PlanExecution,
    /// 预算执行情况.
    BudgetExecution,
    /// 决算 (R-B7: performance-evaluation reports attached).
    FinalAccounts,
    /// 审计工作报告.
    AuditWork,
    /// 审计查出问题整改情况.
    AuditRectification,
    /// 国有资产管理情况 (with its sub-kind, R-B6).
    StateAssets,
    /// 政府债务 (R-B5).
    GovernmentDebt,
    /// 环境状况和环境保护目标完成情况 (L-20).
    Environment,
    /// 法治政府建设.
    RuleOfLawGovernment,
    /// 重要民生实事.
    LivelihoodProjects,
    /// 备案审查工作情况.
    FilingReview,
    /// 决议执行情况 (L-16).
    ResolutionImplementation,
    /// 其他.
    Other,
}

impl ReportKind {
    /// Every kind.
    pub const ALL: [ReportKind; 14] = [
        Self::SpecialWork,
        Self::PlanExecution,
        Self::BudgetExecution,
        Self::FinalAccounts,
        Self::AuditWork,
        Self::AuditRectification,
        Self::StateAssets,
        Self::GovernmentDebt,
        Self::Environment,
        Self::RuleOfLawGovernment,
        Self::LivelihoodProjects,
        Self::FilingReview,
        Self::ResolutionImplementation,
        Self::Other,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::ReportKind::GovernmentDebt.as_str(), "government_debt");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SpecialWork => "special_work",
            Self::PlanExecution => "plan_execution",
            Self::BudgetExecution => "budget_execution",
            Self::FinalAccounts => "final_accounts",
            Self::AuditWork => "audit_work",
            Self::AuditRectification => "audit_rectification",
            Self::StateAssets => "state_assets",
            Self::GovernmentDebt => "government_debt",
            Self::Environment => "environment",
            Self::RuleOfLawGovernment => "rule_of_law_government",
            Self::LivelihoodProjects => "livelihood_projects",
            Self::FilingReview => "filing_review",
            Self::ResolutionImplementation => "resolution_implementation",
            Self::Other => "other",
        }
    }
}

crate::labels::labelled!(ReportKind {
    SpecialWork => ("专项工作报告", "Special work report"),
    PlanExecution => ("计划执行情况报告", "Plan execution"),
    BudgetExecution => ("预算执行情况报告", "Budget execution"),
    FinalAccounts => ("决算报告", "Final accounts"),
    AuditWork => ("审计工作报告", "Audit work"),
    AuditRectification => ("审计查出问题整改情况报告", "Audit rectification"),
    StateAssets => ("国有资产管理情况报告", "State assets"),
    GovernmentDebt => ("政府债务管理情况报告", "Government debt"),
    Environment => ("环境状况和环境保护目标完成情况报告", "Environment"),
    RuleOfLawGovernment => ("法治政府建设情况报告", "Rule-of-law government"),
    LivelihoodProjects => ("重要民生实事项目情况报告", "Livelihood projects"),
    FilingReview => ("备案审查工作情况报告", "Filing review work"),
    ResolutionImplementation => ("决议执行情况报告", "Resolution implementation"),
    Other => ("其他报告", "Other"),
});

/// The sub-kind of a state-assets report (R-B6; [002:L803], [002:L1197]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateAssetsKind {
    /// 综合报告.
    Comprehensive,
    /// 行政事业性国有资产 (专项).
    Administrative,
    /// 企业国有资产 (专项).
    Enterprise,
    /// 国有自然资源资产 (专项).
    NaturalResources,
    /// 金融企业国有资产 (专项; [LAW]).
    Financial,
}

impl StateAssetsKind {
    /// Every sub-kind.
    pub const ALL: [StateAssetsKind; 5] = [
        Self::Comprehensive,
        Self::Administrative,
        Self::Enterprise,
        Self::NaturalResources,
        Self::Financial,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::StateAssetsKind::NaturalResources.as_str(), "natural_resources");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Comprehensive => "comprehensive",
            Self::Administrative => "administrative",
            Self::Enterprise => "enterprise",
            Self::NaturalResources => "natural_resources",
            Self::Financial => "financial",
        }
    }
}

crate::labels::labelled!(StateAssetsKind {
    Comprehensive => ("综合报告", "Comprehensive"),
    Administrative => ("行政事业性国有资产专项报告", "Administrative and institutional"),
    Enterprise => ("企业国有资产专项报告", "Enterprise"),
    NaturalResources => ("国有自然资源资产专项报告", "Natural resources"),
    Financial => ("金融企业国有资产专项报告", "Financial enterprises"),
});

/// Where a report is (W10 steps 1–10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// On the agenda of a standing-committee meeting.
    Scheduled,
    /// The first version (征求意见稿) is with the committee (L-15: 20 days before).
    FirstSubmitted,
    /// Sent back for revision (R-M15).
    Returned,
    /// The revised version is with the standing committee (L-15: 10 days before).
    RevisedSubmitted,
    /// Heard and deliberated.
    Heard,
    /// The review opinion (审议意见书) was sent to the organ.
    OpinionIssued,
    /// The organ reported in writing how it handled the opinion (L-16).
    HandlingReported,
    /// Followed up: tracking inspection, next-year report or resolution (L-16).
    FollowedUp,
    /// Closed.
    Closed,
}

impl ReportStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [ReportStatus; 9] = [
        Self::Scheduled,
        Self::FirstSubmitted,
        Self::Returned,
        Self::RevisedSubmitted,
        Self::Heard,
        Self::OpinionIssued,
        Self::HandlingReported,
        Self::FollowedUp,
        Self::Closed,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::ReportStatus::OpinionIssued.as_str(), "opinion_issued");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::FirstSubmitted => "first_submitted",
            Self::Returned => "returned",
            Self::RevisedSubmitted => "revised_submitted",
            Self::Heard => "heard",
            Self::OpinionIssued => "opinion_issued",
            Self::HandlingReported => "handling_reported",
            Self::FollowedUp => "followed_up",
            Self::Closed => "closed",
        }
    }

    /// Whether the report has not been heard yet.
    pub fn before_hearing(self) -> bool {
        matches!(
            self,
            Self::Scheduled | Self::FirstSubmitted | Self::Returned | Self::RevisedSubmitted
        )
    }
}

crate::labels::labelled!(ReportStatus {
    Scheduled => ("已列入议程", "Scheduled"),
    FirstSubmitted => ("已报送征求意见稿", "First version submitted"),
    Returned => ("发回修改", "Returned for revision"),
    RevisedSubmitted => ("已报送修改稿", "Revised version submitted"),
    Heard => ("已听取审议", "Heard"),
    OpinionIssued => ("已形成审议意见书", "Review opinion issued"),
    HandlingReported => ("已报告研究处理情况", "Handling reported"),
    FollowedUp => ("跟踪监督中", "Followed up"),
    Closed => ("已办结", "Closed"),
});

/// Which version of a report is submitted (L-15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportVersion {
    /// To the special committee or working body for comments, 20 days before the meeting.
    First,
    /// The revised report to the standing committee, 10 days before the meeting.
    Revised,
}

impl ReportVersion {
    /// Both versions.
    pub const ALL: [ReportVersion; 2] = [Self::First, Self::Revised];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::ReportVersion::Revised.as_str(), "revised");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Revised => "revised",
        }
    }
}

crate::labels::labelled!(ReportVersion {
    First => ("征求意见稿", "First version"),
    Revised => ("修改稿", "Revised version"),
});

/// How a report is heard (W10 step 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HearingMode {
    /// Presented orally at the meeting (R-M1: ≤ 20 minutes).
    Oral,
    /// Written (书面听取 / 书面审议, [001]).
    Written,
}

impl HearingMode {
    /// Both modes.
    pub const ALL: [HearingMode; 2] = [Self::Oral, Self::Written];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::HearingMode::Written.as_str(), "written");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Oral => "oral",
            Self::Written => "written",
        }
    }
}

crate::labels::labelled!(HearingMode {
    Oral => ("口头报告", "Oral"),
    Written => ("书面报告", "Written"),
});

/// How a review opinion is followed up (L-16, W10 step 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    /// 跟踪检查.
    TrackingInspection,
    /// The organ reports again the next year (次年再听取报告).
    NextYearReport,
    /// The standing committee adopts a resolution (作出决议).
    Resolution,
}

impl FollowUpKind {
    /// Every kind.
    pub const ALL: [FollowUpKind; 3] = [
        Self::TrackingInspection,
        Self::NextYearReport,
        Self::Resolution,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::work_report::FollowUpKind::Resolution.as_str(), "resolution");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TrackingInspection => "tracking_inspection",
            Self::NextYearReport => "next_year_report",
            Self::Resolution => "resolution",
        }
    }
}

crate::labels::labelled!(FollowUpKind {
    TrackingInspection => ("跟踪检查", "Tracking inspection"),
    NextYearReport => ("次年听取报告", "Next-year report"),
    Resolution => ("作出决议", "Resolution"),
});

/// How often the standing committee hears a kind of report (R-B5, R-B6, L-20).
///
/// ```
/// let f: renda::oversight::work_report::ReportFrequency =
///     serde_json::from_str(r#"{"kind":"government_debt","per_year":2,"rule":"R-B5"}"#).unwrap();
/// assert_eq!(f.sub_kind, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFrequency {
    /// The kind.
    pub kind: ReportKind,
    /// For state assets: the sub-kind required (absent: any sub-kind counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_kind: Option<StateAssetsKind>,
    /// Reports heard per calendar year.
    pub per_year: u32,
    /// The rule.
    pub rule: String,
}

/// The report rules of a rule set (L-15, L-16, R-M20, R-B5, R-B6, R-B7, L-20).
///
/// ```
/// let r = renda::oversight::work_report::ReportRules::default();
/// assert_eq!((r.first_version_days_before, r.revised_version_days_before), (20, 10));
/// assert_eq!(r.handling_report_months, 2);
/// let bj = renda::rules::RuleSet::beijing_district().oversight.reports;
/// assert!(bj.frequencies.iter().any(|f| f.per_year == 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportRules {
    /// The first version is due this many days before the meeting (L-15: 20).
    pub first_version_days_before: u32,
    /// The revised version is due this many days before the meeting (L-15: 10).
    pub revised_version_days_before: u32,
    /// Whether research (调研) must be recorded before the hearing (R-M20, 顺义; default false).
    pub require_research: bool,
    /// Whether final accounts are heard only with at least one performance-evaluation report
    /// attached (R-B7; default false, Beijing districts true).
    pub final_accounts_need_performance_reports: bool,
    /// The organ's written handling report is due this many months after the review opinion
    /// (L-16; local rule, verify: 2).
    pub handling_report_months: u32,
    /// How often each kind must be heard ([`Ledger::report_calendar`]).
    pub frequencies: Vec<ReportFrequency>,
}

fn freq(
    kind: ReportKind,
    sub_kind: Option<StateAssetsKind>,
    per_year: u32,
    rule: &str,
) -> ReportFrequency {
    ReportFrequency {
        kind,
        sub_kind,
        per_year,
        rule: rule.into(),
    }
}

impl ReportRules {
    /// The national values: 20 and 10 days (L-15), 2 months (L-16, verify), and the annual
    /// reports: final accounts, audit work, audit rectification, the comprehensive state-assets
    /// report (R-B6), government debt (L-20 2024) and the environment (L-20).
    pub fn national() -> Self {
        use ReportKind as K;
        Self {
            first_version_days_before: 20,
            revised_version_days_before: 10,
            require_research: false,
            final_accounts_need_performance_reports: false,
            handling_report_months: 2,
            frequencies: vec![
                freq(K::FinalAccounts, None, 1, "监督法 (决算, annual)"),
                freq(K::AuditWork, None, 1, "监督法 (审计工作报告, annual)"),
                freq(K::AuditRectification, None, 1, "监督法 (审计整改, annual)"),
                freq(
                    K::StateAssets,
                    Some(StateAssetsKind::Comprehensive),
                    1,
                    "R-B6",
                ),
                freq(K::GovernmentDebt, None, 1, "L-20 (2024), R-B5"),
                freq(K::Environment, None, 1, "L-20"),
            ],
        }
    }

    /// Beijing districts: government debt every six months (R-B5, 石景山), performance
    /// reports with the final accounts (R-B7).
    pub fn beijing_district() -> Self {
        let mut r = Self::national();
        r.final_accounts_need_performance_reports = true;
        for f in &mut r.frequencies {
            if f.kind == ReportKind::GovernmentDebt {
                f.per_year = 2;
                f.rule = "R-B5 (石景山: every six months)".into();
            }
        }
        r
    }
}

impl Default for ReportRules {
    fn default() -> Self {
        Self::national()
    }
}

/// One submission of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Which version.
    pub version: ReportVersion,
    /// Date submitted.
    pub on: NaiveDate,
    /// Date due (L-15).
    pub due: NaiveDate,
    /// Submitted after the due date.
    pub late: bool,
    /// Performance-evaluation reports attached (R-B7).
    pub performance_reports: Vec<String>,
}

/// A research step before the hearing (R-M20, W10 step 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Research {
    /// Date.
    pub on: NaiveDate,
    /// Findings.
    pub summary: String,
}

/// A return for revision (R-M15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Return {
    /// Date.
    pub on: NaiveDate,
    /// Why.
    pub reason: String,
}

/// The hearing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    /// Date (the meeting's day).
    pub on: NaiveDate,
    /// Oral or written.
    pub mode: HearingMode,
}

/// The review opinion (审议意见书, §1.3 `ReviewOpinion`) and its handling report (L-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportOpinion {
    /// Date issued.
    pub issued_on: NaiveDate,
    /// The opinion.
    pub opinion: String,
    /// The handling report is due (L-16, rule set).
    pub due: NaiveDate,
    /// Date the organ reported its handling.
    pub handled_on: Option<NaiveDate>,
    /// Its handling report.
    pub handling: Option<String>,
    /// Reported after the due date.
    pub handled_late: bool,
}

/// A follow-up (L-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Date.
    pub on: NaiveDate,
    /// Kind.
    pub kind: FollowUpKind,
    /// Summary.
    pub summary: String,
}

/// A report the standing committee hears (§1.3 `SpecialWorkReport` and the statutory reports).
///
/// ```
/// let r: renda::oversight::work_report::WorkReport = serde_json::from_str(r#"{"id":"R1","congress":"hd-17",
///   "year":2024,"kind":"special_work","state_assets_kind":null,"title":"t","organ":"edu","meeting":"sc-9",
///   "topic":null,"status":"scheduled","history":[["2024-01-04","scheduled"]],"research":[],"submissions":[],
///   "returns":[],"hearing":null,"opinion":null,"follow_ups":[]}"#).unwrap();
/// assert_eq!(r.status.as_str(), "scheduled");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkReport {
    /// Id.
    pub id: WorkReportId,
    /// The congress whose standing committee hears it.
    pub congress: CongressId,
    /// The year it belongs to (the year of its meeting).
    pub year: i32,
    /// Kind.
    pub kind: ReportKind,
    /// For state assets: the sub-kind (R-B6).
    pub state_assets_kind: Option<StateAssetsKind>,
    /// Title.
    pub title: String,
    /// The reporting organ.
    pub organ: UnitId,
    /// The standing-committee meeting that hears it.
    pub meeting: MeetingId,
    /// The plan topic it carries out (W9 step 7).
    pub topic: Option<SupervisionTopicId>,
    /// Status.
    pub status: ReportStatus,
    /// Each status with the date it was entered.
    pub history: Vec<(NaiveDate, ReportStatus)>,
    /// Research before the hearing (R-M20).
    pub research: Vec<Research>,
    /// Submissions, oldest first (L-15).
    pub submissions: Vec<Submission>,
    /// Returns for revision (R-M15).
    pub returns: Vec<Return>,
    /// The hearing.
    pub hearing: Option<Hearing>,
    /// The review opinion.
    pub opinion: Option<ReportOpinion>,
    /// Follow-ups.
    pub follow_ups: Vec<FollowUp>,
}

// ---------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------

fn report_of<'s>(st: &'s State, id: &WorkReportId) -> Result<&'s WorkReport> {
    State::found(&st.work_reports, id, "work report", "command.report")
}

fn transition(r: &WorkReport, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "work report",
        field: "command.report",
        id: r.id.to_string(),
        status: r.status.as_str(),
        action,
        rule,
    }
}

fn in_status<'s>(
    st: &'s State,
    id: &WorkReportId,
    allowed: &[ReportStatus],
    action: &'static str,
    rule: &'static str,
) -> Result<&'s WorkReport> {
    let r = report_of(st, id)?;
    if !allowed.contains(&r.status) {
        return Err(transition(r, action, rule));
    }
    Ok(r)
}

/// A handling unit acts only for its own organ.
fn check_organ(actor: &Actor, r: &WorkReport) -> Result<()> {
    if actor.role == Role::HandlingUnit && actor.id.as_str() != r.organ.as_str() {
        return Err(RendaError::NotParty {
            actor: actor.id.to_string(),
            relation: "the reporting organ",
            entity: "work report",
            id: r.id.to_string(),
            rule: "permission-matrix §6.2 (special work report: reporting organ)",
        });
    }
    Ok(())
}

fn rules_of<'b>(
    st: &State,
    book: &'b RuleBook,
    r: &WorkReport,
    date: NaiveDate,
) -> Result<&'b ReportRules> {
    let c = st.congress(&r.congress, "report.congress")?;
    Ok(&book.in_force(c.level, date)?.oversight.reports)
}

fn meeting_day(st: &State, r: &WorkReport) -> Result<NaiveDate> {
    Ok(crate::oversight::meeting::require(st, &r.meeting, "report.meeting")?.held_on)
}

/// Decides a W10 report command. Never changes anything.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    use ReportStatus as S;
    match command {
        Command::ScheduleWorkReport {
            report,
            congress,
            year,
            kind,
            state_assets_kind,
            title,
            organ,
            meeting,
            topic,
        } => {
            State::absent(&st.work_reports, report, "work report")?;
            st.congress(congress, "command.congress")?;
            check_name("command.title", title)?;
            st.unit(organ, "command.organ")?;
            let m = require_body(
                st,
                meeting,
                congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            if m.held_on.year() != *year {
                return Err(RendaError::InvalidField {
                    field: "command.year".into(),
                    value: year.to_string(),
                    reason: format!("must be the year of meeting `{meeting}` ({})", m.held_on),
                });
            }
            if m.held_on < date {
                return Err(RendaError::InvalidField {
                    field: "command.meeting".into(),
                    value: meeting.to_string(),
                    reason: format!(
                        "was held on {}; a report is scheduled before its meeting (W10 step 1)",
                        m.held_on
                    ),
                });
            }
            match (kind, state_assets_kind) {
                (ReportKind::StateAssets, None) => {
                    return Err(RendaError::InvalidField {
                        field: "command.state_assets_kind".into(),
                        value: String::new(),
                        reason: "a state-assets report names its sub-kind (R-B6)".into(),
                    })
                }
                (k, Some(s)) if *k != ReportKind::StateAssets => {
                    return Err(RendaError::InvalidField {
                        field: "command.state_assets_kind".into(),
                        value: s.as_str().into(),
                        reason: "only a state-assets report has a sub-kind (R-B6)".into(),
                    })
                }
                _ => {}
            }
            if let Some(t) = topic {
                let tp = State::found(
                    &st.supervision_topics,
                    t,
                    "supervision topic",
                    "command.topic",
                )?;
                if &tp.congress != congress
                    || tp.year != *year
                    || tp.status != crate::oversight::plan::TopicStatus::InPlan
                {
                    return Err(RendaError::InvalidField {
                        field: "command.topic".into(),
                        value: t.to_string(),
                        reason: format!(
                            "must be a topic in the {year} supervision plan of `{congress}` (W9 step 7)"
                        ),
                    });
                }
            }
            Ok(vec![EventKind::WorkReportScheduled {
                report: report.clone(),
                congress: congress.clone(),
                year: *year,
                kind: *kind,
                state_assets_kind: *state_assets_kind,
                title: title.clone(),
                organ: organ.clone(),
                meeting: meeting.clone(),
                topic: topic.clone(),
            }])
        }
        Command::RecordReportResearch { report, summary } => {
            in_status(
                st,
                report,
                &[
                    S::Scheduled,
                    S::FirstSubmitted,
                    S::Returned,
                    S::RevisedSubmitted,
                ],
                "record research on",
                "R-M20, W10 step 2",
            )?;
            text("command.summary", summary)?;
            Ok(vec![EventKind::WorkReportResearchRecorded {
                report: report.clone(),
                summary: summary.clone(),
            }])
        }
        Command::SubmitWorkReport {
            report,
            version,
            performance_reports,
        } => {
            let r = report_of(st, report)?;
            check_organ(actor, r)?;
            match (version, r.status) {
                (ReportVersion::First, S::Scheduled) => {}
                (ReportVersion::Revised, S::Scheduled) => {
                    return Err(RendaError::rule_violation(
                        rule_codes::REVISED_BEFORE_FIRST,
                        "L-15",
                        Some("command.version"),
                        Some("revised".into()),
                        format!(
                            "the first version of `{report}` goes to the committee for comments before the revised one"
                        ),
                    ))
                }
                (ReportVersion::Revised, S::FirstSubmitted | S::Returned) => {}
                (ReportVersion::First, _) => {
                    return Err(transition(r, "submit the first version of", "L-15"))
                }
                (ReportVersion::Revised, _) => {
                    return Err(transition(r, "submit a revised version of", "L-15, R-M15"))
                }
            }
            for (i, p) in performance_reports.iter().enumerate() {
                check_name(&format!("command.performance_reports[{i}]"), p)?;
            }
            let rules = rules_of(st, book, r, date)?;
            let held_on = meeting_day(st, r)?;
            let days = match version {
                ReportVersion::First => rules.first_version_days_before,
                ReportVersion::Revised => rules.revised_version_days_before,
            };
            let due = held_on
                .checked_sub_days(Days::new(u64::from(days)))
                .unwrap_or(NaiveDate::MIN);
            Ok(vec![EventKind::WorkReportSubmitted {
                report: report.clone(),
                version: *version,
                due,
                late: date > due,
                performance_reports: performance_reports.clone(),
            }])
        }
        Command::ReturnWorkReport { report, reason } => {
            let r = in_status(
                st,
                report,
                &[S::FirstSubmitted, S::RevisedSubmitted],
                "return for revision",
                "R-M15",
            )?;
            text("command.reason", reason)?;
            let held_on = meeting_day(st, r)?;
            if date > held_on {
                return Err(RendaError::InvalidField {
                    field: "at".into(),
                    value: date.to_string(),
                    reason: format!("a report is returned before its meeting ({held_on}) (R-M15)"),
                });
            }
            Ok(vec![EventKind::WorkReportReturned {
                report: report.clone(),
                reason: reason.clone(),
            }])
        }
        Command::HearWorkReport { report, mode } => {
            let r = report_of(st, report)?;
            match r.status {
                S::RevisedSubmitted => {}
                S::Returned => {
                    return Err(RendaError::rule_violation(
                        rule_codes::REPORT_RETURNED,
                        "R-M15",
                        Some("command.report"),
                        Some(report.to_string()),
                        format!(
                            "`{report}` was returned for revision; it is heard once the organ submits it again"
                        ),
                    ))
                }
                S::Scheduled | S::FirstSubmitted => {
                    return Err(RendaError::rule_violation(
                        rule_codes::REVISED_REPORT_MISSING,
                        "L-15",
                        Some("command.report"),
                        Some(report.to_string()),
                        format!("the standing committee hears the revised version of `{report}`; it has not been submitted"),
                    ))
                }
                _ => return Err(transition(r, "hear", "W10 step 5")),
            }
            let held_on = meeting_day(st, r)?;
            if date != held_on {
                return Err(RendaError::rule_violation(
                    rule_codes::REPORT_NOT_ON_MEETING_DAY,
                    "W10 step 5",
                    Some("at"),
                    Some(date.to_string()),
                    format!(
                        "`{report}` is heard at meeting `{}` on {held_on}",
                        r.meeting
                    ),
                ));
            }
            let rules = rules_of(st, book, r, date)?;
            if rules.require_research && r.research.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::RESEARCH_MISSING,
                    "R-M20",
                    Some("command.report"),
                    Some(report.to_string()),
                    format!("research is a mandatory step before `{report}` is heard"),
                ));
            }
            if r.kind == ReportKind::FinalAccounts
                && rules.final_accounts_need_performance_reports
                && r.submissions
                    .iter()
                    .all(|s| s.performance_reports.is_empty())
            {
                return Err(RendaError::rule_violation(
                    rule_codes::PERFORMANCE_REPORTS_MISSING,
                    "R-B7",
                    Some("command.report"),
                    Some(report.to_string()),
                    format!("the final accounts `{report}` are reviewed with performance-evaluation reports attached; none was submitted"),
                ));
            }
            Ok(vec![EventKind::WorkReportHeard {
                report: report.clone(),
                meeting: r.meeting.clone(),
                mode: *mode,
            }])
        }
        Command::IssueReviewOpinion { report, opinion } => {
            let r = in_status(
                st,
                report,
                &[S::Heard],
                "issue a review opinion on",
                "W10 step 7",
            )?;
            text("command.opinion", opinion)?;
            let rules = rules_of(st, book, r, date)?;
            let due = date
                .checked_add_months(Months::new(rules.handling_report_months))
                .unwrap_or(NaiveDate::MAX);
            Ok(vec![EventKind::WorkReportOpinionIssued {
                report: report.clone(),
                opinion: opinion.clone(),
                due,
            }])
        }
        Command::ReportOpinionHandling { report, summary } => {
            let r = in_status(
                st,
                report,
                &[S::OpinionIssued],
                "report the handling of the review opinion on",
                "L-16",
            )?;
            check_organ(actor, r)?;
            text("command.summary", summary)?;
            let due = r.opinion.as_ref().map_or(NaiveDate::MAX, |o| o.due);
            Ok(vec![EventKind::WorkReportOpinionHandled {
                report: report.clone(),
                summary: summary.clone(),
                late: date > due,
            }])
        }
        Command::FollowUpWorkReport {
            report,
            kind,
            summary,
        } => {
            in_status(
                st,
                report,
                &[S::OpinionIssued, S::HandlingReported, S::FollowedUp],
                "follow up",
                "L-16",
            )?;
            text("command.summary", summary)?;
            Ok(vec![EventKind::WorkReportFollowedUp {
                report: report.clone(),
                kind: *kind,
                summary: summary.clone(),
            }])
        }
        Command::CloseWorkReport { report } => {
            let r = report_of(st, report)?;
            match r.status {
                S::HandlingReported | S::FollowedUp => {}
                S::OpinionIssued => {
                    return Err(RendaError::rule_violation(
                        rule_codes::OPINION_HANDLING_MISSING,
                        "L-16",
                        Some("command.report"),
                        Some(report.to_string()),
                        format!("the organ has not yet reported how it handled the review opinion on `{report}`"),
                    ))
                }
                _ => return Err(transition(r, "close", "L-16, W10 step 10")),
            }
            Ok(vec![EventKind::WorkReportClosed {
                report: report.clone(),
            }])
        }
        other => unreachable!("not a work-report command: {}", other.type_name()),
    }
}

// ---------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------

fn report_mut<'s>(st: &'s mut State, id: &WorkReportId) -> Result<&'s mut WorkReport> {
    State::found_mut(&mut st.work_reports, id, "work report", "event.report")
}

fn set(r: &mut WorkReport, date: NaiveDate, status: ReportStatus) {
    r.status = status;
    r.history.push((date, status));
}

/// Applies a W10 report event.
pub(crate) fn apply(st: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use ReportStatus as S;
    match event {
        EventKind::WorkReportScheduled {
            report,
            congress,
            year,
            kind,
            state_assets_kind,
            title,
            organ,
            meeting,
            topic,
        } => {
            st.congress(congress, "event.congress")?;
            st.unit(organ, "event.organ")?;
            crate::oversight::meeting::require(st, meeting, "event.meeting")?;
            st.work_reports.insert(
                report.clone(),
                WorkReport {
                    id: report.clone(),
                    congress: congress.clone(),
                    year: *year,
                    kind: *kind,
                    state_assets_kind: *state_assets_kind,
                    title: title.clone(),
                    organ: organ.clone(),
                    meeting: meeting.clone(),
                    topic: topic.clone(),
                    status: S::Scheduled,
                    history: vec![(date, S::Scheduled)],
                    research: Vec::new(),
                    submissions: Vec::new(),
                    returns: Vec::new(),
                    hearing: None,
                    opinion: None,
                    follow_ups: Vec::new(),
                },
            );
        }
        EventKind::WorkReportResearchRecorded { report, summary } => {
            report_mut(st, report)?.research.push(Research {
                on: date,
                summary: summary.clone(),
            })
        }
        EventKind::WorkReportSubmitted {
            report,
            version,
            due,
            late,
            performance_reports,
        } => {
            let r = report_mut(st, report)?;
            r.submissions.push(Submission {
                version: *version,
                on: date,
                due: *due,
                late: *late,
                performance_reports: performance_reports.clone(),
            });
            let s = match version {
                ReportVersion::First => S::FirstSubmitted,
                ReportVersion::Revised => S::RevisedSubmitted,
            };
            set(r, date, s);
        }
        EventKind::WorkReportReturned { report, reason } => {
            let r = report_mut(st, report)?;
            r.returns.push(Return {
                on: date,
                reason: reason.clone(),
            });
            set(r, date, S::Returned);
        }
        EventKind::WorkReportHeard { report, mode, .. } => {
            let r = report_mut(st, report)?;
            r.hearing = Some(Hearing {
                on: date,
                mode: *mode,
            });
            set(r, date, S::Heard);
        }
        EventKind::WorkReportOpinionIssued {
            report,
            opinion,
            due,
        } => {
            let r = report_mut(st, report)?;
            r.opinion = Some(ReportOpinion {
                issued_on: date,
                opinion: opinion.clone(),
                due: *due,
                handled_on: None,
                handling: None,
                handled_late: false,
            });
            set(r, date, S::OpinionIssued);
        }
        EventKind::WorkReportOpinionHandled {
            report,
            summary,
            late,
        } => {
            let r = report_mut(st, report)?;
            let o = r.opinion.as_mut().ok_or_else(|| RendaError::NotFound {
                entity: "review opinion",
                id: report.to_string(),
                field: "event.report".into(),
            })?;
            o.handled_on = Some(date);
            o.handling = Some(summary.clone());
            o.handled_late = *late;
            set(r, date, S::HandlingReported);
        }
        EventKind::WorkReportFollowedUp {
            report,
            kind,
            summary,
        } => {
            let r = report_mut(st, report)?;
            r.follow_ups.push(FollowUp {
                on: date,
                kind: *kind,
                summary: summary.clone(),
            });
            set(r, date, S::FollowedUp);
        }
        EventKind::WorkReportClosed { report } => set(report_mut(st, report)?, date, S::Closed),
        other => unreachable!("not a work-report event: {}", other.type_name()),
    }
    Ok(())
}

fn corrupt(id: &WorkReportId, why: &str) -> RendaError {
    RendaError::InvalidField {
        field: format!("state.work_reports.{id}"),
        value: String::new(),
        reason: format!("inconsistent work report: {why}"),
    }
}

/// Checks the reports of a snapshot: keys, references, and that the record agrees with its
/// status.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    use ReportStatus as S;
    for (id, r) in &st.work_reports {
        if &r.id != id {
            return Err(corrupt(id, "key differs from id"));
        }
        st.congress(&r.congress, "state.work_reports.congress")?;
        st.unit(&r.organ, "state.work_reports.organ")?;
        crate::oversight::meeting::require(st, &r.meeting, "state.work_reports.meeting")?;
        if let Some(t) = &r.topic {
            if !st.supervision_topics.contains_key(t) {
                return Err(corrupt(id, "unknown topic"));
            }
        }
        if r.history.first().map(|h| h.1) != Some(S::Scheduled)
            || r.history.last().map(|h| h.1) != Some(r.status)
            || r.history.windows(2).any(|w| w[1].0 < w[0].0)
        {
            return Err(corrupt(id, "history"));
        }
        if (r.kind == ReportKind::StateAssets) != r.state_assets_kind.is_some() {
            return Err(corrupt(id, "state-assets sub-kind"));
        }
        let heard = !r.status.before_hearing();
        if heard != r.hearing.is_some() {
            return Err(corrupt(id, "hearing and status disagree"));
        }
        let opinion = heard && r.status != S::Heard;
        if opinion != r.opinion.is_some() {
            return Err(corrupt(id, "opinion and status disagree"));
        }
        if heard
            && !r
                .submissions
                .iter()
                .any(|s| s.version == ReportVersion::Revised)
        {
            return Err(corrupt(id, "heard without a revised version"));
        }
        let handled = r.opinion.as_ref().is_some_and(|o| o.handled_on.is_some());
        if r.status == S::HandlingReported && !handled {
            return Err(corrupt(id, "handling reported without a report"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Outputs and queries
// ---------------------------------------------------------------------------------------

/// Adds the reports heard and the review opinions issued by `congress` from `from` to `to`
/// (S001-2: "听取和审议专项工作报告46个 … 形成审议意见书13份").
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut crate::oversight::Outputs,
) {
    let within = |d: NaiveDate| from <= d && d <= to;
    for r in st.work_reports.values().filter(|r| &r.congress == congress) {
        if r.hearing.as_ref().is_some_and(|h| within(h.on)) {
            out.reports_heard += 1;
        }
        if r.opinion.as_ref().is_some_and(|o| within(o.issued_on)) {
            out.review_opinions += 1;
        }
    }
}

/// One report in [`ReportCalendar`] lists and in [`Ledger::work_reports`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRow {
    /// Id.
    pub report: WorkReportId,
    /// Kind.
    pub kind: ReportKind,
    /// Sub-kind (state assets).
    pub state_assets_kind: Option<StateAssetsKind>,
    /// Title.
    pub title: String,
    /// Reporting organ.
    pub organ: UnitId,
    /// Meeting.
    pub meeting: MeetingId,
    /// Status as of the date asked.
    pub status: ReportStatus,
    /// Date heard, if heard by then.
    pub heard_on: Option<NaiveDate>,
    /// Oral or written.
    pub mode: Option<HearingMode>,
    /// Returns for revision by then.
    pub returns: u32,
    /// Research steps by then.
    pub research: u32,
    /// Review opinion issued on.
    pub opinion_issued_on: Option<NaiveDate>,
    /// Handling report due.
    pub handling_due: Option<NaiveDate>,
    /// Handling reported on.
    pub handled_on: Option<NaiveDate>,
}

/// A required frequency and what was heard (R-B5, R-B6, L-20).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarRow {
    /// Kind.
    pub kind: ReportKind,
    /// Sub-kind required (state assets).
    pub sub_kind: Option<StateAssetsKind>,
    /// Required per year.
    pub per_year: u32,
    /// Heard in the year by the date.
    pub heard: u32,
    /// `per_year - heard`, at least 0.
    pub missing: u32,
    /// The reports heard.
    pub reports: Vec<WorkReportId>,
    /// The rule.
    pub rule: String,
}

/// A late submission (L-15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateSubmission {
    /// Report.
    pub report: WorkReportId,
    /// Organ.
    pub organ: UnitId,
    /// Version.
    pub version: ReportVersion,
    /// Due.
    pub due: NaiveDate,
    /// Submitted.
    pub submitted_on: NaiveDate,
    /// Days late.
    pub days_late: i64,
}

/// A review-opinion handling report overdue or late (L-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdueHandling {
    /// Report.
    pub report: WorkReportId,
    /// Organ.
    pub organ: UnitId,
    /// Due.
    pub due: NaiveDate,
    /// Handled on (for a late one), absent for an overdue one.
    pub handled_on: Option<NaiveDate>,
    /// Days past due (by `as_of` when not yet handled).
    pub days_overdue: i64,
}

/// The report calendar of a congress for a year as of a date ([`Ledger::report_calendar`]).
///
/// ```
/// let l = renda::Ledger::new(Default::default());
/// let d = "2024-12-31".parse().unwrap();
/// assert_eq!(l.report_calendar(&"hd".parse().unwrap(), 2024, d).unwrap_err().code(), "not_found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportCalendar {
    /// Congress.
    pub congress: CongressId,
    /// Year.
    pub year: i32,
    /// Date.
    pub as_of: NaiveDate,
    /// The rule set whose frequencies apply (in force on `as_of`).
    pub rule_set: crate::RuleSetId,
    /// Reports of the year heard by `as_of`.
    pub heard: u32,
    /// The required frequencies and what was heard.
    pub required: Vec<CalendarRow>,
    /// Required reports still missing, summed over `required`.
    pub missing: u32,
    /// Every report of the year, by meeting date then id, as of `as_of`.
    pub reports: Vec<ReportRow>,
    /// Submissions made after their due date by `as_of` (L-15).
    pub late_submissions: Vec<LateSubmission>,
    /// Review-opinion handling reports due by `as_of` and not made (L-16).
    pub overdue_handling: Vec<OverdueHandling>,
    /// Handling reports made after their due date (L-16).
    pub late_handling: Vec<OverdueHandling>,
}

fn status_as_of(r: &WorkReport, as_of: NaiveDate) -> Option<ReportStatus> {
    r.history
        .iter()
        .take_while(|(d, _)| *d <= as_of)
        .last()
        .map(|(_, s)| *s)
}

fn row(st: &State, r: &WorkReport, status: ReportStatus, as_of: NaiveDate) -> ReportRow {
    let _ = st;
    let hearing = r.hearing.as_ref().filter(|h| h.on <= as_of);
    let opinion = r.opinion.as_ref().filter(|o| o.issued_on <= as_of);
    ReportRow {
        report: r.id.clone(),
        kind: r.kind,
        state_assets_kind: r.state_assets_kind,
        title: r.title.clone(),
        organ: r.organ.clone(),
        meeting: r.meeting.clone(),
        status,
        heard_on: hearing.map(|h| h.on),
        mode: hearing.map(|h| h.mode),
        returns: r.returns.iter().filter(|x| x.on <= as_of).count() as u32,
        research: r.research.iter().filter(|x| x.on <= as_of).count() as u32,
        opinion_issued_on: opinion.map(|o| o.issued_on),
        handling_due: opinion.map(|o| o.due),
        handled_on: opinion.and_then(|o| o.handled_on.filter(|d| *d <= as_of)),
    }
}

/// The report calendar of `congress` for `year` as of the end of `as_of`.
pub fn calendar(
    st: &State,
    book: &RuleBook,
    congress: &CongressId,
    year: i32,
    as_of: NaiveDate,
) -> Result<ReportCalendar> {
    let c = st.congress(congress, "congress")?;
    let rs = book.in_force(c.level, as_of)?;
    let mut reports: Vec<(&WorkReport, ReportStatus, NaiveDate)> = Vec::new();
    for r in st
        .work_reports
        .values()
        .filter(|r| &r.congress == congress && r.year == year)
    {
        if let Some(s) = status_as_of(r, as_of) {
            let day = st
                .meetings
                .get(&r.meeting)
                .map_or(NaiveDate::MIN, |m| m.held_on);
            reports.push((r, s, day));
        }
    }
    reports.sort_by(|a, b| (a.2, &a.0.id).cmp(&(b.2, &b.0.id)));
    let heard_by = |r: &WorkReport| r.hearing.as_ref().is_some_and(|h| h.on <= as_of);
    let mut required = Vec::new();
    for f in &rs.oversight.reports.frequencies {
        let ids: Vec<WorkReportId> = reports
            .iter()
            .filter(|(r, _, _)| {
                heard_by(r)
                    && r.kind == f.kind
                    && f.sub_kind.is_none_or(|s| r.state_assets_kind == Some(s))
            })
            .map(|(r, _, _)| r.id.clone())
            .collect();
        let heard = ids.len() as u32;
        required.push(CalendarRow {
            kind: f.kind,
            sub_kind: f.sub_kind,
            per_year: f.per_year,
            heard,
            missing: f.per_year.saturating_sub(heard),
            reports: ids,
            rule: f.rule.clone(),
        });
    }
    let mut late_submissions = Vec::new();
    let mut overdue_handling = Vec::new();
    let mut late_handling = Vec::new();
    for (r, _, _) in &reports {
        for s in r.submissions.iter().filter(|s| s.late && s.on <= as_of) {
            late_submissions.push(LateSubmission {
                report: r.id.clone(),
                organ: r.organ.clone(),
                version: s.version,
                due: s.due,
                submitted_on: s.on,
                days_late: (s.on - s.due).num_days(),
            });
        }
        if let Some(o) = r.opinion.as_ref().filter(|o| o.issued_on <= as_of) {
            match o.handled_on.filter(|d| *d <= as_of) {
                None if as_of > o.due => overdue_handling.push(OverdueHandling {
                    report: r.id.clone(),
                    organ: r.organ.clone(),
                    due: o.due,
                    handled_on: None,
                    days_overdue: (as_of - o.due).num_days(),
                }),
                Some(h) if h > o.due => late_handling.push(OverdueHandling {
                    report: r.id.clone(),
                    organ: r.organ.clone(),
                    due: o.due,
                    handled_on: Some(h),
                    days_overdue: (h - o.due).num_days(),
                }),
                _ => {}
            }
        }
    }
    Ok(ReportCalendar {
        congress: congress.clone(),
        year,
        as_of,
        rule_set: rs.id.clone(),
        heard: reports.iter().filter(|(r, _, _)| heard_by(r)).count() as u32,
        missing: required.iter().map(|r| r.missing).sum(),
        required,
        reports: reports
            .iter()
            .map(|(r, s, _)| row(st, r, *s, as_of))
            .collect(),
        late_submissions,
        overdue_handling,
        late_handling,
    })
}

impl Ledger {
    /// The report calendar of `congress` for `year` as of the end of `as_of`
    /// ([`ReportCalendar`]): the required reports (rule set in force on `as_of`) heard and
    /// missing, every report of the year, late submissions and overdue or late handling reports.
    pub fn report_calendar(
        &self,
        congress: &CongressId,
        year: i32,
        as_of: NaiveDate,
    ) -> Result<ReportCalendar> {
        calendar(self.state(), self.rules(), congress, year, as_of)
    }

    /// [`Ledger::report_calendar`] as JSON, from string arguments.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.report_calendar_to_json("hd", "2024", "x").unwrap_err().field(), Some("as_of"));
    /// ```
    pub fn report_calendar_to_json(
        &self,
        congress: &str,
        year: &str,
        as_of: &str,
    ) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = crate::oversight::plan::parse_year("year", year)?;
        let as_of = crate::time::parse_date("as_of", as_of)?;
        Ok(crate::wire::to_json(
            &self.report_calendar(&congress, year, as_of)?,
        ))
    }

    /// Every work report, ordered by id.
    ///
    /// ```
    /// assert_eq!(renda::Ledger::new(Default::default()).work_reports().count(), 0);
    /// ```
    pub fn work_reports(&self) -> impl Iterator<Item = &WorkReport> {
        self.state().work_reports.values()
    }
}
