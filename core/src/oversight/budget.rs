//! The budget cycle (W13): special committees paired with first-level budget departments
//! pre-review their budgets with the 预算四问 checklist (R-B11) and the coverage path of R-B1;
//! the finance committee's pre-review meeting (R-M10, R-B2: 2 days in Haidian, hearing the four
//! budgets and the plan); the key review of departments (R-B10, S001-6); budget adjustments
//! approved by a standing-committee ballot (L-21, L-4); the audit double list, reconciled and
//! struck off item by item (R-B8); and reminders and formal letters to units whose spending is
//! slow (R-B9). The generic reports heard by the standing committee (budget execution, final
//! accounts, audit, state assets, debt) belong to the report lifecycle (W10), not here.
//!
//! ```
//! use renda::Ledger;
//! let mut l = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
//!   r#"{"at":"2024-01-03","actor":{"role":"director_meeting","id":"dm"},"command":{"type":"pair_committee_departments","congress":"hd-17","committee":"教科文卫委","from_year":2024,"departments":["edu"]}}"#,
//! ] { l.execute_json(c).unwrap(); }
//! let c = l.budget_pre_review_coverage(&"hd-17".parse().unwrap(), 2024).unwrap();
//! assert_eq!((c.paired, c.pre_reviewed), (1, 0));
//! ```

use crate::actor::Actor;
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{AuditFindingId, CongressId, MeetingId, UnitId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::filing::{check_vote, parse_year};
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Longest summary, reason or evidence text, in characters.
const MAX_TEXT: u32 = 2000;

/// What the finance committee's pre-review meeting hears (W13 step 3, R-B2).
///
/// ```
/// use renda::oversight::budget::BudgetPart;
/// assert_eq!(BudgetPart::FOUR_BUDGETS.len(), 4);
/// assert_eq!(BudgetPart::GovernmentFunds.as_str(), "government_funds");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetPart {
    /// 一般公共预算.
    GeneralPublic,
    /// 政府性基金预算.
    GovernmentFunds,
    /// 国有资本经营预算.
    StateCapital,
    /// 社会保险基金预算.
    SocialInsurance,
    /// 国民经济和社会发展计划 (the plan).
    DevelopmentPlan,
    /// 重大投资项目计划.
    MajorProjects,
    /// 区域经济和税收形势.
    EconomyAndTax,
}

impl BudgetPart {
    /// Every part.
    pub const ALL: [BudgetPart; 7] = [
        Self::GeneralPublic,
        Self::GovernmentFunds,
        Self::StateCapital,
        Self::SocialInsurance,
        Self::DevelopmentPlan,
        Self::MajorProjects,
        Self::EconomyAndTax,
    ];

    /// The four budgets (四本预算).
    pub const FOUR_BUDGETS: [BudgetPart; 4] = [
        Self::GeneralPublic,
        Self::GovernmentFunds,
        Self::StateCapital,
        Self::SocialInsurance,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GeneralPublic => "general_public",
            Self::GovernmentFunds => "government_funds",
            Self::StateCapital => "state_capital",
            Self::SocialInsurance => "social_insurance",
            Self::DevelopmentPlan => "development_plan",
            Self::MajorProjects => "major_projects",
            Self::EconomyAndTax => "economy_and_tax",
        }
    }
}

crate::labels::labelled!(BudgetPart {
    GeneralPublic => ("一般公共预算", "General public budget"),
    GovernmentFunds => ("政府性基金预算", "Government-funds budget"),
    StateCapital => ("国有资本经营预算", "State-capital operations budget"),
    SocialInsurance => ("社会保险基金预算", "Social-insurance funds budget"),
    DevelopmentPlan => ("国民经济和社会发展计划", "Economic and social development plan"),
    MajorProjects => ("重大投资项目计划", "Major investment projects"),
    EconomyAndTax => ("经济和税收形势", "Economy and tax situation"),
});

/// Where an audit finding stands on the double list (R-B8).
///
/// ```
/// use renda::oversight::budget::AuditFindingStatus;
/// assert_eq!(AuditFindingStatus::StruckOff.as_str(), "struck_off");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditFindingStatus {
    /// On the audit findings list (审计查出问题清单) only.
    Recorded,
    /// Also on the congress's tracking list (人大重点跟踪监督清单).
    Tracked,
    /// Reconciled and struck off (对账销号).
    StruckOff,
}

impl AuditFindingStatus {
    /// Every status.
    pub const ALL: [AuditFindingStatus; 3] = [Self::Recorded, Self::Tracked, Self::StruckOff];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Recorded => "recorded",
            Self::Tracked => "tracked",
            Self::StruckOff => "struck_off",
        }
    }
}

crate::labels::labelled!(AuditFindingStatus {
    Recorded => ("审计查出问题", "Recorded"),
    Tracked => ("列入人大跟踪监督清单", "Tracked"),
    StruckOff => ("已对账销号", "Struck off"),
});

/// A reminder to a unit whose spending is slow (R-B9).
///
/// ```
/// use renda::oversight::budget::ReminderKind;
/// assert_eq!(ReminderKind::Letter.as_str(), "letter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// 提醒告知.
    Reminder,
    /// 行函督办: a formal letter, after a reminder.
    Letter,
}

impl ReminderKind {
    /// Every kind.
    pub const ALL: [ReminderKind; 2] = [Self::Reminder, Self::Letter];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reminder => "reminder",
            Self::Letter => "letter",
        }
    }
}

crate::labels::labelled!(ReminderKind {
    Reminder => ("提醒告知", "Reminder"),
    Letter => ("行函督办", "Formal letter"),
});

/// A coverage target from a budget year on (R-B1).
///
/// ```
/// let t: renda::oversight::budget::CoverageTarget =
///     serde_json::from_str(r#"{"from_year":2018,"percent":50}"#).unwrap();
/// assert_eq!(t.per_committee, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageTarget {
    /// First budget year the target applies to.
    pub from_year: i32,
    /// Percent of the paired departments to pre-review, overall.
    #[serde(default)]
    pub percent: u32,
    /// Departments each committee pre-reviews at least (the 2017 pilot: 1).
    #[serde(default)]
    pub per_committee: u32,
}

/// The budget rules (W13). National values by default: no coverage path or key-review size
/// (local practice), a 1-day pre-review meeting hearing the four budgets.
///
/// ```
/// let r = renda::oversight::budget::BudgetRules::default();
/// assert_eq!(r.pre_review_meeting_days, 1);
/// let b = renda::rules::RuleSet::beijing_district().oversight.budget;
/// assert_eq!((b.pre_review_meeting_days, b.key_review_departments), (2, 7));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetRules {
    /// Least days the finance committee's pre-review meeting lasts (R-M10: Haidian 2).
    pub pre_review_meeting_days: u32,
    /// What the pre-review meeting must hear (R-B2: the four budgets; Haidian also the plan).
    pub pre_review_must_hear: Vec<BudgetPart>,
    /// The pre-review coverage path (R-B1), by first year; empty: no target.
    pub coverage_targets: Vec<CoverageTarget>,
    /// Least departments in the key review of a year (R-B10: Haidian 7); 0: no minimum.
    pub key_review_departments: u32,
    /// Least days between the preliminary draft budget's submission and the session (L-21: 30).
    pub preliminary_days_before_session: u32,
    /// Most days from approval to the finance bureau's issuance (L-21: 20).
    pub finance_issue_days: u32,
    /// Most days from the finance bureau's issuance to the departments' (L-21: 15).
    pub department_issue_days: u32,
}

impl Default for BudgetRules {
    fn default() -> Self {
        Self {
            pre_review_meeting_days: 1,
            pre_review_must_hear: BudgetPart::FOUR_BUDGETS.to_vec(),
            coverage_targets: Vec::new(),
            key_review_departments: 0,
            preliminary_days_before_session: 30,
            finance_issue_days: 20,
            department_issue_days: 15,
        }
    }
}

impl BudgetRules {
    /// Haidian's values ([000], [001]): a 2-day meeting hearing the four budgets and the plan
    /// (R-M10, R-B2), the coverage path 2017 pilot of 1 per committee → 2018 50% → 2019 100%
    /// (R-B1), 7 departments in the key review (R-B10).
    ///
    /// ```
    /// let r = renda::oversight::budget::BudgetRules::haidian();
    /// assert_eq!(r.target(2020).unwrap().percent, 100);
    /// assert!(r.target(2016).is_none());
    /// ```
    pub fn haidian() -> Self {
        let mut must = BudgetPart::FOUR_BUDGETS.to_vec();
        must.push(BudgetPart::DevelopmentPlan);
        Self {
            pre_review_meeting_days: 2,
            pre_review_must_hear: must,
            coverage_targets: vec![
                CoverageTarget {
                    from_year: 2017,
                    percent: 0,
                    per_committee: 1,
                },
                CoverageTarget {
                    from_year: 2018,
                    percent: 50,
                    per_committee: 0,
                },
                CoverageTarget {
                    from_year: 2019,
                    percent: 100,
                    per_committee: 0,
                },
            ],
            key_review_departments: 7,
            ..Self::default()
        }
    }

    /// The target in force for budget `year`: the one with the latest `from_year` not after it.
    pub fn target(&self, year: i32) -> Option<CoverageTarget> {
        self.coverage_targets
            .iter()
            .filter(|t| t.from_year <= year)
            .max_by_key(|t| t.from_year)
            .copied()
    }
}

/// A committee's paired first-level budget departments (对口联系部门) from a year on.
///
/// ```
/// let p: renda::oversight::budget::Pairing = serde_json::from_str(
///   r#"{"committee":"财经委","from_year":2024,"departments":["fin"]}"#).unwrap();
/// assert_eq!(p.departments.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pairing {
    /// The special committee's name.
    pub committee: String,
    /// First budget year.
    pub from_year: i32,
    /// The departments.
    pub departments: Vec<UnitId>,
}

/// The 预算四问 checklist (R-B11): an answer to each question.
///
/// ```
/// let q: renda::oversight::budget::FourQuestions = serde_json::from_str(r#"{"should_spend":"该花",
///   "by_government":"政府职责","how_much":"核减10%","now":"当年实施"}"#).unwrap();
/// assert_eq!(q.how_much, "核减10%");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FourQuestions {
    /// 钱该不该花.
    pub should_spend: String,
    /// 该不该政府花.
    pub by_government: String,
    /// 该不该花这么多.
    pub how_much: String,
    /// 该不该当前花.
    pub now: String,
}

/// A committee's pre-review of one department's budget (W13 step 2).
///
/// ```
/// let r: renda::oversight::budget::DepartmentPreReview = serde_json::from_str(r#"{"year":2020,
///   "committee":"财经委","department":"fin","opinions":3,"projects_adjusted":2,"amount_cut":100,
///   "amount_increased":10,"four_questions":{"should_spend":"a","by_government":"b","how_much":"c","now":"d"},
///   "on":"2019-11-20"}"#).unwrap();
/// assert_eq!(r.amount_cut, 100);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPreReview {
    /// Budget year.
    pub year: i32,
    /// The committee.
    pub committee: String,
    /// The department.
    pub department: UnitId,
    /// Opinions and suggestions made.
    pub opinions: u32,
    /// Budget projects the department adjusted.
    pub projects_adjusted: u32,
    /// Amount cut, yuan.
    pub amount_cut: u64,
    /// Amount increased, yuan.
    pub amount_increased: u64,
    /// The checklist answers.
    pub four_questions: FourQuestions,
    /// When.
    pub on: NaiveDate,
}

/// The finance committee's pre-review meeting of a budget year (R-M10, R-B2).
///
/// ```
/// let m: renda::oversight::budget::PreReviewMeeting = serde_json::from_str(r#"{"year":2025,
///   "held_on":"2024-12-10","days":2,"heard":["general_public"]}"#).unwrap();
/// assert_eq!(m.days, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreReviewMeeting {
    /// Budget year.
    pub year: i32,
    /// First day.
    pub held_on: NaiveDate,
    /// Days.
    pub days: u32,
    /// What it heard.
    pub heard: Vec<BudgetPart>,
}

/// The key review of a year (R-B10).
///
/// ```
/// let k: renda::oversight::budget::KeyReview = serde_json::from_str(r#"{"year":2024,
///   "departments":["cg"],"amount_reviewed":100,"projects_adjusted":1,"amount_adjusted":5,
///   "on":"2024-11-01"}"#).unwrap();
/// assert_eq!(k.amount_adjusted, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyReview {
    /// Budget year.
    pub year: i32,
    /// The departments reviewed.
    pub departments: Vec<UnitId>,
    /// Their budgets, yuan.
    pub amount_reviewed: u64,
    /// Projects adjusted.
    pub projects_adjusted: u32,
    /// Amount adjusted, yuan.
    pub amount_adjusted: u64,
    /// When recorded.
    pub on: NaiveDate,
}

/// A budget adjustment put to the standing committee (L-21).
///
/// ```
/// let a: renda::oversight::budget::BudgetAdjustment = serde_json::from_str(r#"{"year":2024,
///   "meeting":"sc-1","title":"预算调整方案","vote":{"members":45,"present":40,"yes":30,"no":5,"abstain":5},
///   "adopted":true}"#).unwrap();
/// assert!(a.new_debt_quota.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetAdjustment {
    /// Budget year.
    pub year: i32,
    /// The standing-committee meeting.
    pub meeting: MeetingId,
    /// What is adjusted.
    pub title: String,
    /// The ballot.
    pub vote: Vote,
    /// A majority of all members voted for (L-4).
    pub adopted: bool,
    /// New government debt quota approved with it, yuan (新增政府债务限额).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_debt_quota: Option<u64>,
}

/// A reminder or formal letter to a unit whose spending is slow (R-B9).
///
/// ```
/// let r: renda::oversight::budget::BudgetReminder = serde_json::from_str(r#"{"year":2024,
///   "unit":"edu","kind":"reminder","reason":"执行率偏低","on":"2024-07-01"}"#).unwrap();
/// assert_eq!(r.kind, renda::oversight::budget::ReminderKind::Reminder);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetReminder {
    /// Budget year.
    pub year: i32,
    /// The unit.
    pub unit: UnitId,
    /// Reminder or letter.
    pub kind: ReminderKind,
    /// Why.
    pub reason: String,
    /// When.
    pub on: NaiveDate,
}

/// The preliminary draft budget's submission to the standing committee (L-21).
///
/// ```
/// let p: renda::oversight::budget::PreliminaryBudget = serde_json::from_str(
///   r#"{"year":2025,"session":"hd-17-4","submitted_on":"2024-12-01"}"#).unwrap();
/// assert_eq!(p.year, 2025);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreliminaryBudget {
    /// Budget year.
    pub year: i32,
    /// The session that approves it.
    pub session: crate::ids::SessionId,
    /// Submitted on.
    pub submitted_on: NaiveDate,
}

/// The issuance dates of an approved budget (L-21).
///
/// ```
/// let i: renda::oversight::budget::BudgetIssuance = serde_json::from_str(r#"{"year":2025,
///   "approved_on":"2025-01-10","finance_issued_on":"2025-01-30","departments_issued_on":"2025-02-14"}"#).unwrap();
/// assert_eq!(i.year, 2025);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetIssuance {
    /// Budget year.
    pub year: i32,
    /// Approved by the congress.
    pub approved_on: NaiveDate,
    /// Issued by the finance bureau to the departments.
    pub finance_issued_on: NaiveDate,
    /// Issued by the departments to their units.
    pub departments_issued_on: NaiveDate,
}

/// The budget records of one congress (W13).
///
/// ```
/// let b = renda::oversight::budget::CongressBudget::default();
/// assert!(b.pairings.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CongressBudget {
    /// Committee pairings, by committee then first year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairings: Vec<Pairing>,
    /// Department pre-reviews, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pre_reviews: Vec<DepartmentPreReview>,
    /// Pre-review meetings, in the order held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pre_review_meetings: Vec<PreReviewMeeting>,
    /// Key reviews, one per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_reviews: Vec<KeyReview>,
    /// Budget adjustment ballots.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<BudgetAdjustment>,
    /// Reminders and letters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<BudgetReminder>,
    /// Preliminary draft budgets submitted (L-21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preliminary: Vec<PreliminaryBudget>,
    /// Issuance dates of approved budgets (L-21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuances: Vec<BudgetIssuance>,
}

impl CongressBudget {
    /// The pairing of `committee` in force for budget `year`.
    pub fn pairing(&self, committee: &str, year: i32) -> Option<&Pairing> {
        self.pairings
            .iter()
            .filter(|p| p.committee == committee && p.from_year <= year)
            .max_by_key(|p| p.from_year)
    }

    /// Every pairing in force for `year`, one per committee, ordered by committee.
    pub fn pairings_for(&self, year: i32) -> Vec<&Pairing> {
        let names: BTreeSet<&str> = self.pairings.iter().map(|p| p.committee.as_str()).collect();
        names
            .into_iter()
            .filter_map(|c| self.pairing(c, year))
            .collect()
    }
}

/// One audit finding on the double list (R-B8).
///
/// ```
/// let f: renda::oversight::budget::AuditFinding = serde_json::from_str(r#"{"id":"AF1",
///   "congress":"hd-17","year":2023,"unit":"edu","summary":"专项资金闲置","status":"recorded",
///   "recorded_on":"2024-07-20"}"#).unwrap();
/// assert_eq!(f.status, renda::oversight::budget::AuditFindingStatus::Recorded);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditFinding {
    /// Id.
    pub id: AuditFindingId,
    /// The congress.
    pub congress: CongressId,
    /// The audited budget year.
    pub year: i32,
    /// The audited unit.
    pub unit: UnitId,
    /// The finding.
    pub summary: String,
    /// Status.
    pub status: AuditFindingStatus,
    /// When recorded.
    pub recorded_on: NaiveDate,
    /// When put on the tracking list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracked_on: Option<NaiveDate>,
    /// When struck off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub struck_off_on: Option<NaiveDate>,
    /// The rectification evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A finding as `record_audit_findings` gives it.
///
/// ```
/// let f: renda::oversight::budget::NewAuditFinding = serde_json::from_str(
///   r#"{"finding":"AF1","unit":"edu","summary":"专项资金闲置"}"#).unwrap();
/// assert_eq!(f.finding.as_str(), "AF1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAuditFinding {
    /// New id.
    pub finding: AuditFindingId,
    /// The audited unit.
    pub unit: UnitId,
    /// The finding.
    pub summary: String,
}

fn check_year(field: &str, year: i32) -> Result<()> {
    if (1949..=9999).contains(&year) {
        Ok(())
    } else {
        Err(RendaError::InvalidField {
            field: field.into(),
            value: year.to_string(),
            reason: "must be a year such as 2024".into(),
        })
    }
}

fn check_units(st: &State, field: &str, units: &[UnitId]) -> Result<()> {
    if units.is_empty() {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: "[]".into(),
            reason: "must name at least one department".into(),
        });
    }
    let mut seen = BTreeSet::new();
    for u in units {
        st.unit(u, field)?;
        if !seen.insert(u) {
            return Err(RendaError::InvalidField {
                field: field.into(),
                value: u.to_string(),
                reason: "listed twice".into(),
            });
        }
    }
    Ok(())
}

fn not_after(field: &str, day: NaiveDate, date: NaiveDate) -> Result<()> {
    if day > date {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: day.to_string(),
            reason: format!("must not be after the command date {date}"),
        });
    }
    Ok(())
}

fn finding<'s>(st: &'s State, id: &AuditFindingId) -> Result<&'s AuditFinding> {
    State::found(&st.audit_findings, id, "audit_finding", "command.finding")
}

fn finding_transition(f: &AuditFinding, action: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "audit_finding",
        field: "command.finding",
        id: f.id.to_string(),
        status: f.status.as_str(),
        action,
        rule: "R-B8",
    }
}

/// Checks a budget command; returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    _actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    let empty = CongressBudget::default();
    let budget_of = |c: &CongressId| st.budgets.get(c).unwrap_or(&empty);
    let rules_of = |c: &CongressId| -> Result<&BudgetRules> {
        let level = st.congress(c, "command.congress")?.level;
        Ok(&book.in_force(level, date)?.oversight.budget)
    };
    match command {
        Command::PairCommitteeDepartments {
            congress,
            committee,
            from_year,
            departments,
        } => {
            st.congress(congress, "command.congress")?;
            check_name("command.committee", committee)?;
            check_year("command.from_year", *from_year)?;
            check_units(st, "command.departments", departments)?;
            let b = budget_of(congress);
            // The new pairing is in force from `from_year` until the committee's next one;
            // another committee's pairing in force in any of those years must not share a
            // department (the years where something changes are the pairings' first years).
            let until = b
                .pairings
                .iter()
                .filter(|p| &p.committee == committee && p.from_year > *from_year)
                .map(|p| p.from_year)
                .min();
            let years: BTreeSet<i32> = std::iter::once(*from_year)
                .chain(b.pairings.iter().map(|p| p.from_year))
                .filter(|y| *y >= *from_year && until.is_none_or(|u| *y < u))
                .collect();
            for y in years {
                for p in b.pairings_for(y) {
                    if &p.committee == committee {
                        continue;
                    }
                    if let Some(u) = departments.iter().find(|u| p.departments.contains(u)) {
                        return Err(RendaError::rule_violation(
                            rule_codes::DEPARTMENT_PAIRED_ELSEWHERE,
                            "R-B1",
                            Some("command.departments"),
                            Some(u.to_string()),
                            format!("`{u}` is paired with {} for {y}", p.committee),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::CommitteeDepartmentsPaired {
                congress: congress.clone(),
                pairing: Pairing {
                    committee: committee.clone(),
                    from_year: *from_year,
                    departments: departments.clone(),
                },
            }])
        }
        Command::PreReviewDepartmentBudget {
            congress,
            year,
            committee,
            department,
            opinions,
            projects_adjusted,
            amount_cut,
            amount_increased,
            four_questions,
        } => {
            st.congress(congress, "command.congress")?;
            check_year("command.year", *year)?;
            st.unit(department, "command.department")?;
            let b = budget_of(congress);
            let paired = b
                .pairing(committee, *year)
                .is_some_and(|p| p.departments.contains(department));
            if !paired {
                return Err(RendaError::rule_violation(
                    rule_codes::DEPARTMENT_NOT_PAIRED,
                    "R-B1",
                    Some("command.department"),
                    Some(department.to_string()),
                    format!("`{department}` is not paired with {committee} for {year}"),
                ));
            }
            if b.pre_reviews
                .iter()
                .any(|r| r.year == *year && &r.department == department)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "budget_pre_review",
                    id: format!("{year}/{department}"),
                });
            }
            let q = four_questions;
            for (name, answer) in [
                ("should_spend", &q.should_spend),
                ("by_government", &q.by_government),
                ("how_much", &q.how_much),
                ("now", &q.now),
            ] {
                if answer.trim().is_empty() || answer.chars().count() > MAX_TEXT as usize {
                    return Err(RendaError::rule_violation(
                        rule_codes::FOUR_QUESTIONS_UNANSWERED,
                        "R-B11",
                        Some(&format!("command.four_questions.{name}")),
                        Some(answer.clone()),
                        "each of the 预算四问 needs an answer (at most 2000 characters)",
                    ));
                }
            }
            Ok(vec![EventKind::DepartmentBudgetPreReviewed {
                congress: congress.clone(),
                review: DepartmentPreReview {
                    year: *year,
                    committee: committee.clone(),
                    department: department.clone(),
                    opinions: *opinions,
                    projects_adjusted: *projects_adjusted,
                    amount_cut: *amount_cut,
                    amount_increased: *amount_increased,
                    four_questions: four_questions.clone(),
                    on: date,
                },
            }])
        }
        Command::HoldBudgetPreReviewMeeting {
            congress,
            year,
            held_on,
            days,
            heard,
        } => {
            let r = rules_of(congress)?;
            check_year("command.year", *year)?;
            not_after("command.held_on", *held_on, date)?;
            if budget_of(congress)
                .pre_review_meetings
                .iter()
                .any(|m| m.year == *year)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "budget_pre_review_meeting",
                    id: year.to_string(),
                });
            }
            let mut seen = BTreeSet::new();
            if let Some(p) = heard.iter().find(|p| !seen.insert(**p)) {
                return Err(RendaError::InvalidField {
                    field: "command.heard".into(),
                    value: p.as_str().into(),
                    reason: "listed twice".into(),
                });
            }
            if *days < r.pre_review_meeting_days {
                return Err(RendaError::rule_violation(
                    rule_codes::PRE_REVIEW_MEETING_TOO_SHORT,
                    "R-M10",
                    Some("command.days"),
                    Some(days.to_string()),
                    format!(
                        "the pre-review meeting lasts at least {} days",
                        r.pre_review_meeting_days
                    ),
                ));
            }
            let missing: Vec<&str> = r
                .pre_review_must_hear
                .iter()
                .filter(|p| !heard.contains(p))
                .map(|p| p.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::BUDGETS_NOT_HEARD,
                    "R-B2",
                    Some("command.heard"),
                    Some(missing.join(",")),
                    "the pre-review meeting hears the four budgets (and what the rule set adds)",
                ));
            }
            Ok(vec![EventKind::BudgetPreReviewMeetingHeld {
                congress: congress.clone(),
                meeting: PreReviewMeeting {
                    year: *year,
                    held_on: *held_on,
                    days: *days,
                    heard: heard.clone(),
                },
            }])
        }
        Command::KeyBudgetReview {
            congress,
            year,
            departments,
            amount_reviewed,
            projects_adjusted,
            amount_adjusted,
        } => {
            let r = rules_of(congress)?;
            check_year("command.year", *year)?;
            check_units(st, "command.departments", departments)?;
            if budget_of(congress)
                .key_reviews
                .iter()
                .any(|k| k.year == *year)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "key_budget_review",
                    id: year.to_string(),
                });
            }
            if (departments.len() as u64) < u64::from(r.key_review_departments) {
                return Err(RendaError::rule_violation(
                    rule_codes::TOO_FEW_KEY_REVIEW_DEPARTMENTS,
                    "R-B10",
                    Some("command.departments"),
                    Some(departments.len().to_string()),
                    format!(
                        "the key review covers at least {} departments a year",
                        r.key_review_departments
                    ),
                ));
            }
            if amount_adjusted > amount_reviewed {
                return Err(RendaError::InvalidField {
                    field: "command.amount_adjusted".into(),
                    value: amount_adjusted.to_string(),
                    reason: "must not exceed amount_reviewed".into(),
                });
            }
            Ok(vec![EventKind::KeyBudgetReviewed {
                congress: congress.clone(),
                review: KeyReview {
                    year: *year,
                    departments: departments.clone(),
                    amount_reviewed: *amount_reviewed,
                    projects_adjusted: *projects_adjusted,
                    amount_adjusted: *amount_adjusted,
                    on: date,
                },
            }])
        }
        Command::ApproveBudgetAdjustment {
            congress,
            year,
            meeting,
            title,
            vote,
            new_debt_quota,
        } => {
            st.congress(congress, "command.congress")?;
            check_year("command.year", *year)?;
            check_name("command.title", title)?;
            let m = require_body(
                st,
                meeting,
                congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            not_after("command.meeting", m.held_on, date)?;
            check_vote(st, congress, vote, "L-21")?;
            let adjustment = BudgetAdjustment {
                year: *year,
                meeting: meeting.clone(),
                title: title.clone(),
                vote: *vote,
                adopted: vote.passes_majority_of_all(),
                new_debt_quota: *new_debt_quota,
            };
            Ok(vec![if adjustment.adopted {
                EventKind::BudgetAdjustmentApproved {
                    congress: congress.clone(),
                    adjustment,
                }
            } else {
                EventKind::BudgetAdjustmentNotApproved {
                    congress: congress.clone(),
                    adjustment,
                }
            }])
        }
        Command::RecordAuditFindings {
            congress,
            year,
            findings,
        } => {
            st.congress(congress, "command.congress")?;
            check_year("command.year", *year)?;
            if findings.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.findings".into(),
                    value: "[]".into(),
                    reason: "must list at least one finding".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (i, f) in findings.iter().enumerate() {
                State::absent(&st.audit_findings, &f.finding, "audit_finding")?;
                if !seen.insert(&f.finding) {
                    return Err(RendaError::InvalidField {
                        field: format!("command.findings[{i}].finding"),
                        value: f.finding.to_string(),
                        reason: "listed twice".into(),
                    });
                }
                st.unit(&f.unit, &format!("command.findings[{i}].unit"))?;
                crate::suggestion::non_empty(
                    &format!("command.findings[{i}].summary"),
                    &f.summary,
                    MAX_TEXT,
                )?;
            }
            Ok(vec![EventKind::AuditFindingsRecorded {
                congress: congress.clone(),
                year: *year,
                findings: findings.clone(),
            }])
        }
        Command::TrackAuditFinding { finding: id } => {
            let f = finding(st, id)?;
            if f.status != AuditFindingStatus::Recorded {
                return Err(finding_transition(f, "track"));
            }
            Ok(vec![EventKind::AuditFindingTracked {
                finding: id.clone(),
            }])
        }
        Command::StrikeOffAuditFinding {
            finding: id,
            evidence,
        } => {
            let f = finding(st, id)?;
            match f.status {
                AuditFindingStatus::Tracked => {}
                AuditFindingStatus::Recorded => {
                    return Err(RendaError::rule_violation(
                        rule_codes::FINDING_NOT_TRACKED,
                        "R-B8",
                        Some("command.finding"),
                        Some(id.to_string()),
                        "only a finding on the congress tracking list is reconciled and struck off",
                    ))
                }
                AuditFindingStatus::StruckOff => return Err(finding_transition(f, "strike off")),
            }
            crate::suggestion::non_empty("command.evidence", evidence, MAX_TEXT)?;
            Ok(vec![EventKind::AuditFindingStruckOff {
                finding: id.clone(),
                evidence: evidence.clone(),
            }])
        }
        Command::SendBudgetReminder {
            congress,
            year,
            unit,
            kind,
            reason,
        } => {
            st.congress(congress, "command.congress")?;
            check_year("command.year", *year)?;
            st.unit(unit, "command.unit")?;
            crate::suggestion::non_empty("command.reason", reason, MAX_TEXT)?;
            if *kind == ReminderKind::Letter
                && !budget_of(congress)
                    .reminders
                    .iter()
                    .any(|r| r.year == *year && &r.unit == unit && r.kind == ReminderKind::Reminder)
            {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_PRIOR_REMINDER,
                    "R-B9",
                    Some("command.kind"),
                    Some(kind.as_str().into()),
                    format!("a formal letter to `{unit}` follows a reminder in {year}"),
                ));
            }
            Ok(vec![EventKind::BudgetReminderSent {
                congress: congress.clone(),
                reminder: BudgetReminder {
                    year: *year,
                    unit: unit.clone(),
                    kind: *kind,
                    reason: reason.clone(),
                    on: date,
                },
            }])
        }
        Command::SubmitPreliminaryBudget {
            congress,
            year,
            session,
            submitted_on,
        } => {
            let r = rules_of(congress)?;
            check_year("command.year", *year)?;
            let s = State::found(&st.sessions, session, "session", "command.session")?;
            if &s.congress != congress {
                return Err(RendaError::InvalidField {
                    field: "command.session".into(),
                    value: session.to_string(),
                    reason: format!("is a session of `{}`", s.congress),
                });
            }
            let submitted_on = submitted_on.unwrap_or(date);
            not_after("command.submitted_on", submitted_on, date)?;
            if budget_of(congress)
                .preliminary
                .iter()
                .any(|p| p.year == *year)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "preliminary_budget",
                    id: year.to_string(),
                });
            }
            if (s.opens_on - submitted_on).num_days() < i64::from(r.preliminary_days_before_session)
            {
                return Err(RendaError::rule_violation(
                    rule_codes::PRELIMINARY_BUDGET_LATE,
                    "L-21",
                    Some("command.submitted_on"),
                    Some(submitted_on.to_string()),
                    format!(
                        "the preliminary draft reaches the standing committee at least {} days before the session opens on {}",
                        r.preliminary_days_before_session, s.opens_on
                    ),
                ));
            }
            Ok(vec![EventKind::PreliminaryBudgetSubmitted {
                congress: congress.clone(),
                preliminary: PreliminaryBudget {
                    year: *year,
                    session: session.clone(),
                    submitted_on,
                },
            }])
        }
        Command::RecordBudgetIssuance {
            congress,
            year,
            approved_on,
            finance_issued_on,
            departments_issued_on,
        } => {
            let r = rules_of(congress)?;
            check_year("command.year", *year)?;
            not_after(
                "command.departments_issued_on",
                *departments_issued_on,
                date,
            )?;
            for (field, earlier, later) in [
                ("command.finance_issued_on", approved_on, finance_issued_on),
                (
                    "command.departments_issued_on",
                    finance_issued_on,
                    departments_issued_on,
                ),
            ] {
                if later < earlier {
                    return Err(RendaError::InvalidField {
                        field: field.into(),
                        value: later.to_string(),
                        reason: format!("must not be before {earlier}"),
                    });
                }
            }
            if budget_of(congress)
                .issuances
                .iter()
                .any(|i| i.year == *year)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "budget_issuance",
                    id: year.to_string(),
                });
            }
            for (field, from, to, days) in [
                (
                    "command.finance_issued_on",
                    approved_on,
                    finance_issued_on,
                    r.finance_issue_days,
                ),
                (
                    "command.departments_issued_on",
                    finance_issued_on,
                    departments_issued_on,
                    r.department_issue_days,
                ),
            ] {
                if (*to - *from).num_days() > i64::from(days) {
                    return Err(RendaError::rule_violation(
                        rule_codes::BUDGET_ISSUED_LATE,
                        "L-21",
                        Some(field),
                        Some(to.to_string()),
                        format!("issued more than {days} days after {from}"),
                    ));
                }
            }
            Ok(vec![EventKind::BudgetIssuanceRecorded {
                congress: congress.clone(),
                issuance: BudgetIssuance {
                    year: *year,
                    approved_on: *approved_on,
                    finance_issued_on: *finance_issued_on,
                    departments_issued_on: *departments_issued_on,
                },
            }])
        }
        _ => unreachable!("budget::decide is called for budget commands only"),
    }
}

fn finding_mut<'s>(state: &'s mut State, id: &AuditFindingId) -> Result<&'s mut AuditFinding> {
    State::found_mut(
        &mut state.audit_findings,
        id,
        "audit_finding",
        "event.finding",
    )
}

/// Applies a budget event.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    fn budget<'s>(state: &'s mut State, c: &CongressId) -> Result<&'s mut CongressBudget> {
        state.congress(c, "event.congress")?;
        Ok(state.budgets.entry(c.clone()).or_default())
    }
    match event {
        EventKind::CommitteeDepartmentsPaired { congress, pairing } => {
            let b = budget(state, congress)?;
            b.pairings.retain(|p| {
                !(p.committee == pairing.committee && p.from_year == pairing.from_year)
            });
            b.pairings.push(pairing.clone());
            b.pairings.sort_by(|a, b| {
                (a.committee.as_str(), a.from_year).cmp(&(b.committee.as_str(), b.from_year))
            });
        }
        EventKind::DepartmentBudgetPreReviewed { congress, review } => {
            budget(state, congress)?.pre_reviews.push(review.clone());
        }
        EventKind::BudgetPreReviewMeetingHeld { congress, meeting } => {
            budget(state, congress)?
                .pre_review_meetings
                .push(meeting.clone());
        }
        EventKind::KeyBudgetReviewed { congress, review } => {
            budget(state, congress)?.key_reviews.push(review.clone());
        }
        EventKind::BudgetAdjustmentApproved {
            congress,
            adjustment,
        }
        | EventKind::BudgetAdjustmentNotApproved {
            congress,
            adjustment,
        } => {
            budget(state, congress)?
                .adjustments
                .push(adjustment.clone());
        }
        EventKind::BudgetReminderSent { congress, reminder } => {
            budget(state, congress)?.reminders.push(reminder.clone());
        }
        EventKind::AuditFindingsRecorded {
            congress,
            year,
            findings,
        } => {
            state.congress(congress, "event.congress")?;
            for f in findings {
                state.audit_findings.insert(
                    f.finding.clone(),
                    AuditFinding {
                        id: f.finding.clone(),
                        congress: congress.clone(),
                        year: *year,
                        unit: f.unit.clone(),
                        summary: f.summary.clone(),
                        status: AuditFindingStatus::Recorded,
                        recorded_on: date,
                        tracked_on: None,
                        struck_off_on: None,
                        evidence: None,
                    },
                );
            }
        }
        EventKind::AuditFindingTracked { finding } => {
            let f = finding_mut(state, finding)?;
            f.status = AuditFindingStatus::Tracked;
            f.tracked_on = Some(date);
        }
        EventKind::AuditFindingStruckOff { finding, evidence } => {
            let f = finding_mut(state, finding)?;
            f.status = AuditFindingStatus::StruckOff;
            f.struck_off_on = Some(date);
            f.evidence = Some(evidence.clone());
        }
        EventKind::PreliminaryBudgetSubmitted {
            congress,
            preliminary,
        } => {
            budget(state, congress)?
                .preliminary
                .push(preliminary.clone());
        }
        EventKind::BudgetIssuanceRecorded { congress, issuance } => {
            budget(state, congress)?.issuances.push(issuance.clone());
        }
        _ => unreachable!("budget::apply is called for budget events only"),
    }
    Ok(())
}

/// Checks the budget records of a snapshot: congresses, units and meetings exist; audit
/// findings fit their status.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (c, b) in &st.budgets {
        st.congress(c, "state.budgets")?;
        for p in &b.pairings {
            for u in &p.departments {
                st.unit(u, "state.budgets.pairings.departments")?;
            }
        }
        for r in &b.pre_reviews {
            st.unit(&r.department, "state.budgets.pre_reviews.department")?;
        }
        for k in &b.key_reviews {
            for u in &k.departments {
                st.unit(u, "state.budgets.key_reviews.departments")?;
            }
        }
        for a in &b.adjustments {
            crate::oversight::meeting::require(
                st,
                &a.meeting,
                "state.budgets.adjustments.meeting",
            )?;
            if a.adopted != a.vote.passes_majority_of_all() {
                return Err(RendaError::InvalidField {
                    field: "state.budgets.adjustments.adopted".into(),
                    value: a.adopted.to_string(),
                    reason: "does not follow from the vote".into(),
                });
            }
        }
        for r in &b.reminders {
            st.unit(&r.unit, "state.budgets.reminders.unit")?;
        }
        for p in &b.preliminary {
            if !st.sessions.contains_key(&p.session) {
                return Err(RendaError::NotFound {
                    entity: "session",
                    id: p.session.to_string(),
                    field: "state.budgets.preliminary.session".into(),
                });
            }
        }
    }
    for (id, f) in &st.audit_findings {
        let bad = |reason: &str| RendaError::InvalidField {
            field: "state.audit_findings".into(),
            value: id.to_string(),
            reason: reason.into(),
        };
        if &f.id != id {
            return Err(bad("key does not match the record's id"));
        }
        st.congress(&f.congress, "state.audit_findings.congress")?;
        st.unit(&f.unit, "state.audit_findings.unit")?;
        let tracked = f.status != AuditFindingStatus::Recorded;
        let struck = f.status == AuditFindingStatus::StruckOff;
        if tracked != f.tracked_on.is_some()
            || struck != f.struck_off_on.is_some()
            || struck != f.evidence.is_some()
        {
            return Err(bad("dates and evidence do not fit the status"));
        }
    }
    Ok(())
}

/// One committee's pre-review coverage (R-B1).
///
/// ```
/// let c = renda::oversight::budget::CommitteeCoverage::default();
/// assert!(c.percent.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeCoverage {
    /// The committee.
    pub committee: String,
    /// Paired departments for the year.
    pub paired: u32,
    /// Of them, pre-reviewed by the committee.
    pub pre_reviewed: u32,
    /// `pre_reviewed / paired`, percent with 1 decimal; `None` with no pairing.
    pub percent: Option<String>,
    /// Paired departments not pre-reviewed yet.
    pub not_reviewed: Vec<UnitId>,
}

/// The pre-review coverage of a budget year (R-B1) with the sums of the pre-reviews (S002-39).
///
/// ```
/// let c = renda::oversight::budget::Coverage::default();
/// assert_eq!(c.net_cut, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The budget year.
    pub year: i32,
    /// Per committee, ordered by name.
    pub committees: Vec<CommitteeCoverage>,
    /// Paired departments, all committees.
    pub paired: u32,
    /// Of them, pre-reviewed.
    pub pre_reviewed: u32,
    /// Percent, 1 decimal.
    pub percent: Option<String>,
    /// The rule-set target for the year (R-B1), if any.
    pub target: Option<CoverageTarget>,
    /// Whether the target is met (percent overall and the minimum per committee); `None`
    /// without a target.
    pub meets_target: Option<bool>,
    /// Opinions made in the year's pre-reviews.
    pub opinions: u64,
    /// Projects adjusted.
    pub projects_adjusted: u64,
    /// Amount cut, yuan.
    pub amount_cut: u64,
    /// Amount increased, yuan.
    pub amount_increased: u64,
    /// Cut minus increased, yuan.
    pub net_cut: i128,
    /// The finance committee's pre-review meeting of the year, if held.
    pub meeting: Option<PreReviewMeeting>,
}

/// The pre-review coverage of `congress` for budget `year` ([`Coverage`]); the target comes
/// from the rule set in force on 31 December of `year` (none if no rule set is).
pub fn coverage(st: &State, book: &RuleBook, congress: &CongressId, year: i32) -> Result<Coverage> {
    let c = st.congress(congress, "congress")?;
    let empty = CongressBudget::default();
    let b = st.budgets.get(congress).unwrap_or(&empty);
    let target = NaiveDate::from_ymd_opt(year, 12, 31)
        .and_then(|d| book.in_force(c.level, d).ok())
        .and_then(|r| r.oversight.budget.target(year));
    let mut out = Coverage {
        year,
        target,
        ..Default::default()
    };
    let reviews: Vec<&DepartmentPreReview> =
        b.pre_reviews.iter().filter(|r| r.year == year).collect();
    let mut per_committee_ok = true;
    for p in b.pairings_for(year) {
        let mut row = CommitteeCoverage {
            committee: p.committee.clone(),
            paired: p.departments.len() as u32,
            ..Default::default()
        };
        for d in &p.departments {
            if reviews
                .iter()
                .any(|r| &r.department == d && r.committee == p.committee)
            {
                row.pre_reviewed += 1;
            } else {
                row.not_reviewed.push(d.clone());
            }
        }
        row.percent = crate::figures::percent_text(row.pre_reviewed.into(), row.paired.into(), 1);
        if let Some(t) = target {
            per_committee_ok &= row.pre_reviewed >= t.per_committee.min(row.paired);
        }
        out.paired += row.paired;
        out.pre_reviewed += row.pre_reviewed;
        out.committees.push(row);
    }
    out.percent = crate::figures::percent_text(out.pre_reviewed.into(), out.paired.into(), 1);
    out.meets_target = target.map(|t| {
        per_committee_ok
            && u64::from(out.pre_reviewed) * 100 >= u64::from(t.percent) * u64::from(out.paired)
    });
    for r in &reviews {
        out.opinions += u64::from(r.opinions);
        out.projects_adjusted += u64::from(r.projects_adjusted);
        out.amount_cut += r.amount_cut;
        out.amount_increased += r.amount_increased;
    }
    out.net_cut = i128::from(out.amount_cut) - i128::from(out.amount_increased);
    out.meeting = b
        .pre_review_meetings
        .iter()
        .find(|m| m.year == year)
        .cloned();
    Ok(out)
}

/// The key review of a year with the share adjusted (R-B10, S001-6).
///
/// ```
/// let r: renda::oversight::budget::KeyReview = serde_json::from_str(r#"{"year":2024,
///   "departments":["cg"],"amount_reviewed":8620000000,"projects_adjusted":135,
///   "amount_adjusted":394000000,"on":"2024-11-01"}"#).unwrap();
/// let k = renda::oversight::budget::KeyReviewReport::of(r);
/// assert_eq!(k.adjusted_percent.as_deref(), Some("4.57"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReviewReport {
    /// The review.
    #[serde(flatten)]
    pub review: KeyReview,
    /// Departments reviewed.
    pub department_count: u32,
    /// `amount_adjusted / amount_reviewed`, percent with 2 decimals.
    pub adjusted_percent: Option<String>,
}

impl KeyReviewReport {
    /// The report of `review`.
    pub fn of(review: KeyReview) -> Self {
        Self {
            department_count: review.departments.len() as u32,
            adjusted_percent: crate::figures::percent_text(
                review.amount_adjusted,
                review.amount_reviewed,
                2,
            ),
            review,
        }
    }
}

/// One row of the audit double list.
///
/// ```
/// let c = renda::oversight::budget::DoubleList::default();
/// assert_eq!(c.open, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoubleList {
    /// The audited year.
    pub year: i32,
    /// Every finding of the year, ordered by id.
    pub rows: Vec<AuditFinding>,
    /// Findings (审计查出问题清单).
    pub findings: u32,
    /// Put on the congress tracking list (struck off ones included).
    pub tracked: u32,
    /// Struck off (对账销号).
    pub struck_off: u32,
    /// Tracked and not yet struck off.
    pub open: u32,
    /// Not on the tracking list.
    pub untracked: u32,
}

/// The audit double list of `congress` for audited `year` (R-B8).
pub fn double_list(st: &State, congress: &CongressId, year: i32) -> Result<DoubleList> {
    st.congress(congress, "congress")?;
    let mut out = DoubleList {
        year,
        ..Default::default()
    };
    for f in st
        .audit_findings
        .values()
        .filter(|f| &f.congress == congress && f.year == year)
    {
        out.findings += 1;
        match f.status {
            AuditFindingStatus::Recorded => out.untracked += 1,
            AuditFindingStatus::Tracked => {
                out.tracked += 1;
                out.open += 1
            }
            AuditFindingStatus::StruckOff => {
                out.tracked += 1;
                out.struck_off += 1
            }
        }
        out.rows.push(f.clone());
    }
    Ok(out)
}

/// Counts the budget adjustments adopted at meetings held from `from` to `to` (both
/// included) as decisions ([`crate::oversight::Outputs::resolutions_and_decisions`]).
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut crate::oversight::Outputs,
) {
    if let Some(b) = st.budgets.get(congress) {
        for a in b.adjustments.iter().filter(|a| a.adopted) {
            if let Some(m) = st.meetings.get(&a.meeting) {
                if m.held_on >= from && m.held_on <= to {
                    out.resolutions_and_decisions += 1;
                }
            }
        }
    }
}

impl Ledger {
    /// The pre-review coverage of `congress` for budget `year` ([`Coverage`], R-B1).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.budget_pre_review_coverage(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn budget_pre_review_coverage(&self, congress: &CongressId, year: i32) -> Result<Coverage> {
        coverage(self.state(), self.rules(), congress, year)
    }

    /// [`Ledger::budget_pre_review_coverage`] with text arguments, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.budget_pre_review_coverage_to_json("hd", "x").unwrap_err().field(), Some("year"));
    /// ```
    pub fn budget_pre_review_coverage_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let year = parse_year(year)?;
        let congress = CongressId::new(congress)?;
        Ok(crate::wire::to_json(
            &self.budget_pre_review_coverage(&congress, year)?,
        ))
    }

    /// The key review of `congress` for `year` ([`KeyReviewReport`], R-B10); `not_found`
    /// (field `year`) when none was recorded.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.key_budget_review(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn key_budget_review(&self, congress: &CongressId, year: i32) -> Result<KeyReviewReport> {
        self.state().congress(congress, "congress")?;
        self.state()
            .budgets
            .get(congress)
            .and_then(|b| b.key_reviews.iter().find(|k| k.year == year))
            .map(|k| KeyReviewReport::of(k.clone()))
            .ok_or_else(|| RendaError::NotFound {
                entity: "key_budget_review",
                id: year.to_string(),
                field: "year".into(),
            })
    }

    /// [`Ledger::key_budget_review`] with text arguments, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.key_budget_review_to_json("hd", "x").unwrap_err().field(), Some("year"));
    /// ```
    pub fn key_budget_review_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let year = parse_year(year)?;
        let congress = CongressId::new(congress)?;
        Ok(crate::wire::to_json(
            &self.key_budget_review(&congress, year)?,
        ))
    }

    /// The audit double list of `congress` for audited `year` ([`DoubleList`], R-B8).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.audit_double_list(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn audit_double_list(&self, congress: &CongressId, year: i32) -> Result<DoubleList> {
        double_list(self.state(), congress, year)
    }

    /// [`Ledger::audit_double_list`] with text arguments, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.audit_double_list_to_json("hd", "x").unwrap_err().field(), Some("year"));
    /// ```
    pub fn audit_double_list_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let year = parse_year(year)?;
        let congress = CongressId::new(congress)?;
        Ok(crate::wire::to_json(
            &self.audit_double_list(&congress, year)?,
        ))
    }

    /// The budget records of `congress` (pairings, pre-reviews, meetings, key reviews,
    /// adjustments, reminders) as JSON; `{}` when it has none.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.budget_records_to_json("hd").unwrap(), "{}");
    /// ```
    pub fn budget_records_to_json(&self, congress: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let empty = CongressBudget::default();
        Ok(crate::wire::to_json(
            self.state().budgets.get(&congress).unwrap_or(&empty),
        ))
    }
}
