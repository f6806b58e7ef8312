//! The escalation tools of rigid supervision (刚性监督, W23): topic inquiry (专题询问),
//! interpellation (质询, L-17), special-question investigation (特定问题调查, L-18) and removal
//! (撤职案, L-19). Department work evaluation (W5 step 4) escalates to them when rectification
//! is inadequate; each opening command takes a free `origin` reference for that link.
//!
//! All four live in one map of [`Escalation`] records, keyed by [`EscalationId`]; the kind is
//! the [`EscalationDetail`] variant.
//!
//! ```
//! use renda::Ledger;
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"register_deputy","deputy":"D001","congress":"hd-17","name":"张三"}}"#,
//!   r#"{"at":"2024-02-20","actor":{"role":"director_meeting","id":"dm"},"command":{"type":"convene_meeting","meeting":"sc-21","congress":"hd-17","body":"standing_committee","kind":"regular","held_on":"2024-02-27"}}"#,
//!   r#"{"at":"2024-02-27","actor":{"role":"standing_committee","id":"sc"},"command":{"type":"hold_topic_inquiry","inquiry":"TI-1","congress":"hd-17","meeting":"sc-21","report":"学前教育专项工作报告","questioners":["D001"],"responders":["edu"],"live_stream":true}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let c = ledger.escalation_compliance(&"hd-17".parse().unwrap(), 2024).unwrap();
//! assert_eq!(c.held, 1);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, EscalationId, MeetingId, SessionId, UnitId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::registry::{Congress, Level};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::text;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Minimum numbers of proposers by congress level (L-17: interpellation by standing-committee
/// members jointly).
///
/// ```
/// let t = renda::oversight::escalation::LevelCounts::default();
/// assert_eq!((t.county, t.districted_city, t.provincial, t.national), (3, 5, 5, 10));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelCounts {
    /// 全国人大常委会.
    pub national: u32,
    /// 省、自治区、直辖市.
    pub provincial: u32,
    /// 设区的市、自治州.
    pub districted_city: u32,
    /// 县、自治县、不设区的市、市辖区.
    pub county: u32,
}

impl Default for LevelCounts {
    fn default() -> Self {
        Self {
            national: 10,
            provincial: 5,
            districted_city: 5,
            county: 3,
        }
    }
}

impl LevelCounts {
    /// The count for `level`; `None` for a township (no standing committee, L-6).
    pub fn for_level(&self, level: Level) -> Option<u32> {
        match level {
            Level::National => Some(self.national),
            Level::Provincial => Some(self.provincial),
            Level::DistrictedCity => Some(self.districted_city),
            Level::County => Some(self.county),
            Level::Township => None,
        }
    }
}

/// The rules of the escalation tools (W23; L-17, L-18, L-19, R-M14). Absent in a spec: the
/// national values.
///
/// ```
/// let r = renda::oversight::escalation::EscalationRules::default();
/// assert_eq!(r.investigation_sc_members_divisor, 5);
/// assert_eq!(r.min_topic_inquiries_per_year, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EscalationRules {
    /// L-17: standing-committee members who must jointly propose an interpellation, by level
    /// (3 county, 5 districted city and province, 10 national).
    pub interpellation_min_sc_members: LevelCounts,
    /// L-17: deputies who must jointly propose an interpellation during a congress session (10).
    pub interpellation_min_deputies_in_session: u32,
    /// L-18: at least one n-th of all standing-committee members may propose a special-question
    /// investigation (5: one fifth).
    pub investigation_sc_members_divisor: u32,
    /// L-18: during a session, at least this many delegations jointly (3).
    pub investigation_min_delegations: u32,
    /// L-18: during a session, at least one n-th of the deputies jointly (10: one tenth).
    pub investigation_deputies_divisor: u32,
    /// L-19: at least one n-th of all standing-committee members may propose a removal (5).
    pub removal_sc_members_divisor: u32,
    /// R-M14 (顺义, local): topic inquiries to hold per year; 0 nationally (no requirement).
    pub min_topic_inquiries_per_year: u32,
}

impl Default for EscalationRules {
    fn default() -> Self {
        Self {
            interpellation_min_sc_members: LevelCounts::default(),
            interpellation_min_deputies_in_session: 10,
            investigation_sc_members_divisor: 5,
            investigation_min_delegations: 3,
            investigation_deputies_divisor: 10,
            removal_sc_members_divisor: 5,
            min_topic_inquiries_per_year: 0,
        }
    }
}

/// The kind of an escalation item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationKind {
    /// 专题询问.
    TopicInquiry,
    /// 质询案 (L-17).
    Interpellation,
    /// 特定问题调查 (L-18).
    SpecialInvestigation,
    /// 撤职案 (L-19).
    Removal,
}

impl EscalationKind {
    /// Every kind.
    pub const ALL: [EscalationKind; 4] = [
        Self::TopicInquiry,
        Self::Interpellation,
        Self::SpecialInvestigation,
        Self::Removal,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::escalation::EscalationKind::Removal.as_str(), "removal");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TopicInquiry => "topic_inquiry",
            Self::Interpellation => "interpellation",
            Self::SpecialInvestigation => "special_investigation",
            Self::Removal => "removal",
        }
    }
}

crate::labels::labelled!(EscalationKind {
    TopicInquiry => ("专题询问", "Topic inquiry"),
    Interpellation => ("质询案", "Interpellation"),
    SpecialInvestigation => ("特定问题调查", "Special-question investigation"),
    Removal => ("撤职案", "Removal motion"),
});

/// The status of an escalation item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationStatus {
    /// A topic inquiry was held (terminal).
    Held,
    /// Proposed; the director meeting (interpellation) or the standing committee decides.
    Proposed,
    /// Interpellation: the form of the answer is decided; the addressee answers.
    AwaitingAnswer,
    /// Interpellation: answered; proposers rate it.
    Answered,
    /// Interpellation closed (terminal).
    Closed,
    /// Investigation: the committee was formed and investigates.
    Investigating,
    /// Investigation: the committee reported (terminal).
    Reported,
    /// Removal adopted (terminal).
    Adopted,
    /// The standing-committee vote failed (terminal).
    Rejected,
}

impl EscalationStatus {
    /// Every status.
    pub const ALL: [EscalationStatus; 9] = [
        Self::Held,
        Self::Proposed,
        Self::AwaitingAnswer,
        Self::Answered,
        Self::Closed,
        Self::Investigating,
        Self::Reported,
        Self::Adopted,
        Self::Rejected,
    ];

    /// The wire name.
    ///
    /// ```
    /// use renda::oversight::escalation::EscalationStatus;
    /// assert_eq!(EscalationStatus::AwaitingAnswer.as_str(), "awaiting_answer");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Proposed => "proposed",
            Self::AwaitingAnswer => "awaiting_answer",
            Self::Answered => "answered",
            Self::Closed => "closed",
            Self::Investigating => "investigating",
            Self::Reported => "reported",
            Self::Adopted => "adopted",
            Self::Rejected => "rejected",
        }
    }

    /// Whether the status fits an item of `kind`.
    pub fn fits(self, kind: EscalationKind) -> bool {
        use EscalationKind as K;
        match self {
            Self::Held => kind == K::TopicInquiry,
            Self::Proposed => kind != K::TopicInquiry,
            Self::AwaitingAnswer | Self::Answered | Self::Closed => kind == K::Interpellation,
            Self::Investigating | Self::Reported => kind == K::SpecialInvestigation,
            Self::Adopted => kind == K::Removal,
            Self::Rejected => matches!(kind, K::SpecialInvestigation | K::Removal),
        }
    }
}

crate::labels::labelled!(EscalationStatus {
    Held => ("已开展", "Held"),
    Proposed => ("已提出", "Proposed"),
    AwaitingAnswer => ("待答复", "Awaiting an answer"),
    Answered => ("已答复", "Answered"),
    Closed => ("已办结", "Closed"),
    Investigating => ("调查中", "Investigating"),
    Reported => ("已报告", "Reported"),
    Adopted => ("已通过", "Adopted"),
    Rejected => ("未通过", "Rejected"),
});

/// How an interpellation is answered (L-17: the director meeting decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    /// Orally at a plenary meeting of the standing committee (or of the congress in session).
    OralPlenary,
    /// Orally at a meeting of a special committee (named in the decision).
    OralCommittee,
    /// In writing.
    Written,
}

impl AnswerMode {
    /// Every mode.
    pub const ALL: [AnswerMode; 3] = [Self::OralPlenary, Self::OralCommittee, Self::Written];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::escalation::AnswerMode::Written.as_str(), "written");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OralPlenary => "oral_plenary",
            Self::OralCommittee => "oral_committee",
            Self::Written => "written",
        }
    }
}

crate::labels::labelled!(AnswerMode {
    OralPlenary => ("在全体会议上口头答复", "Oral, at a plenary meeting"),
    OralCommittee => ("在专门委员会会议上口头答复", "Oral, at a committee meeting"),
    Written => ("书面答复", "Written"),
});

/// A proposer's rating of an interpellation answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerRating {
    /// 满意.
    Satisfied,
    /// 不满意.
    Dissatisfied,
}

impl AnswerRating {
    /// Every rating.
    pub const ALL: [AnswerRating; 2] = [Self::Satisfied, Self::Dissatisfied];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::escalation::AnswerRating::Satisfied.as_str(), "satisfied");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Satisfied => "satisfied",
            Self::Dissatisfied => "dissatisfied",
        }
    }
}

crate::labels::labelled!(AnswerRating {
    Satisfied => ("满意", "Satisfied"),
    Dissatisfied => ("不满意", "Dissatisfied"),
});

/// Who proposes an interpellation, investigation or removal; the kind is the `by` field.
///
/// ```
/// use renda::oversight::escalation::Proposers;
/// let p: Proposers = serde_json::from_str(r#"{"by":"sc_members","members":["D1","D2","D3"]}"#).unwrap();
/// assert_eq!(p.deputies().len(), 3);
/// assert_eq!(p.by(), "sc_members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Proposers {
    /// The director meeting (主任会议; L-18, L-19).
    DirectorMeeting,
    /// Standing-committee members jointly (常委会组成人员联名; L-17, L-18, L-19).
    ScMembers {
        /// The members, by deputy id.
        members: Vec<DeputyId>,
    },
    /// The people's government (人民政府; L-19).
    Government,
    /// The presidium of a congress session (大会主席团; L-18).
    Presidium {
        /// The session.
        session: SessionId,
    },
    /// Delegations jointly during a session (代表团; L-18).
    Delegations {
        /// The session.
        session: SessionId,
        /// Names of the delegations.
        delegations: Vec<String>,
    },
    /// Deputies jointly during a session (代表联名; L-17, L-18).
    Deputies {
        /// The session.
        session: SessionId,
        /// The deputies.
        deputies: Vec<DeputyId>,
    },
}

impl Proposers {
    /// The wire name of the kind.
    pub fn by(&self) -> &'static str {
        match self {
            Self::DirectorMeeting => "director_meeting",
            Self::ScMembers { .. } => "sc_members",
            Self::Government => "government",
            Self::Presidium { .. } => "presidium",
            Self::Delegations { .. } => "delegations",
            Self::Deputies { .. } => "deputies",
        }
    }

    /// The proposing deputies (none for a body).
    pub fn deputies(&self) -> &[DeputyId] {
        match self {
            Self::ScMembers { members } => members,
            Self::Deputies { deputies, .. } => deputies,
            _ => &[],
        }
    }

    /// The session of a proposal made during a congress session.
    pub fn session(&self) -> Option<&SessionId> {
        match self {
            Self::Presidium { session }
            | Self::Delegations { session, .. }
            | Self::Deputies { session, .. } => Some(session),
            _ => None,
        }
    }
}

/// One answer to an interpellation, with the proposers' ratings of it.
///
/// ```
/// let a: renda::oversight::escalation::Answer = serde_json::from_str(
///   r#"{"answered_on":"2024-05-10","text":"答复","ratings":{}}"#).unwrap();
/// assert!(a.meeting.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Day answered.
    pub answered_on: NaiveDate,
    /// The meeting of an oral answer at a plenary meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// The answer (or its summary).
    pub text: String,
    /// Each proposer's rating, once.
    #[serde(default)]
    pub ratings: std::collections::BTreeMap<DeputyId, AnswerRating>,
}

/// A standing-committee (or congress) vote on an item.
///
/// ```
/// let d: renda::oversight::escalation::Decision = serde_json::from_str(
///   r#"{"decided_on":"2024-06-27","meeting":"sc-25","vote":{"members":5,"present":5,"yes":3,"no":2,"abstain":0},"adopted":true}"#).unwrap();
/// assert!(d.adopted);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Day of the vote.
    pub decided_on: NaiveDate,
    /// The meeting.
    pub meeting: MeetingId,
    /// The tally.
    pub vote: Vote,
    /// A majority of all members voted for (L-4).
    pub adopted: bool,
}

/// What each kind of escalation records; the kind is the `kind` field.
///
/// ```
/// use renda::oversight::escalation::EscalationDetail;
/// let d: EscalationDetail = serde_json::from_str(r#"{"kind":"removal","official":"王某","post":"区某局局长","reason":"r","by":{"by":"director_meeting"}}"#).unwrap();
/// assert_eq!(d.kind().as_str(), "removal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EscalationDetail {
    /// 专题询问.
    TopicInquiry {
        /// The standing-committee meeting.
        meeting: MeetingId,
        /// The linked report (its title or id).
        report: String,
        /// Who asked (deputy ids: SC members and invited deputies).
        questioners: Vec<DeputyId>,
        /// Who answered (units).
        responders: Vec<UnitId>,
        /// Streamed live (网络图文直播 / 全程线上直播).
        #[serde(default)]
        live_stream: bool,
    },
    /// 质询案 (L-17).
    Interpellation {
        /// The unit questioned.
        addressee: UnitId,
        /// The questions.
        questions: Vec<String>,
        /// The proposers.
        by: Proposers,
        /// How it is answered, once decided.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mode: Option<AnswerMode>,
        /// The committee of an oral committee answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        committee: Option<String>,
        /// The answers, oldest first.
        #[serde(default)]
        answers: Vec<Answer>,
    },
    /// 特定问题调查 (L-18).
    SpecialInvestigation {
        /// The proposers.
        by: Proposers,
        /// The vote forming the committee.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<Decision>,
        /// The committee's members.
        #[serde(default)]
        members: Vec<DeputyId>,
        /// The committee's report.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<String>,
        /// The vote on a resolution on the report.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolution: Option<Vote>,
        /// The resolution passed (majority of all members, L-4).
        #[serde(default)]
        resolution_adopted: bool,
    },
    /// 撤职案 (L-19).
    Removal {
        /// The official's name.
        official: String,
        /// The post.
        post: String,
        /// Why.
        reason: String,
        /// The proposers.
        by: Proposers,
        /// The vote.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<Decision>,
    },
}

impl EscalationDetail {
    /// The kind.
    pub fn kind(&self) -> EscalationKind {
        match self {
            Self::TopicInquiry { .. } => EscalationKind::TopicInquiry,
            Self::Interpellation { .. } => EscalationKind::Interpellation,
            Self::SpecialInvestigation { .. } => EscalationKind::SpecialInvestigation,
            Self::Removal { .. } => EscalationKind::Removal,
        }
    }
}

/// An escalation item as the ledger keeps it.
///
/// ```
/// let e: renda::oversight::escalation::Escalation = serde_json::from_str(r#"{"id":"R-1","congress":"hd-17",
///   "subject":"王某 区某局局长","opened_on":"2024-06-01","status":"proposed","history":[["2024-06-01","proposed"]],
///   "detail":{"kind":"removal","official":"王某","post":"区某局局长","reason":"r","by":{"by":"director_meeting"}}}"#).unwrap();
/// assert_eq!(e.kind().as_str(), "removal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Id.
    pub id: EscalationId,
    /// The congress.
    pub congress: CongressId,
    /// What it is about: the report of an inquiry, the subject of an interpellation or
    /// investigation, the official and post of a removal.
    pub subject: String,
    /// Free reference to what led to it (e.g. a work-evaluation id, W5 step 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Day held (inquiry) or proposed.
    pub opened_on: NaiveDate,
    /// Day decided: the answer form (interpellation) or the vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<NaiveDate>,
    /// Day it ended: held, closed, reported, adopted or rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    /// Status.
    pub status: EscalationStatus,
    /// Every status with its day.
    pub history: Vec<(NaiveDate, EscalationStatus)>,
    /// The kind and its data.
    pub detail: EscalationDetail,
}

impl Escalation {
    /// The kind.
    pub fn kind(&self) -> EscalationKind {
        self.detail.kind()
    }

    fn set(&mut self, date: NaiveDate, status: EscalationStatus) {
        self.status = status;
        self.history.push((date, status));
    }
}

// ---------------------------------------------------------------------------------------------
// Decide

fn rules<'b>(book: &'b RuleBook, c: &Congress, date: NaiveDate) -> Result<&'b EscalationRules> {
    Ok(&book.in_force(c.level, date)?.oversight.escalation)
}

fn item<'s>(
    st: &'s State,
    id: &EscalationId,
    kind: EscalationKind,
    field: &str,
) -> Result<&'s Escalation> {
    st.escalations
        .get(id)
        .filter(|e| e.kind() == kind)
        .ok_or_else(|| RendaError::NotFound {
            entity: entity(kind),
            id: id.to_string(),
            field: field.into(),
        })
}

fn entity(kind: EscalationKind) -> &'static str {
    match kind {
        EscalationKind::TopicInquiry => "topic inquiry",
        EscalationKind::Interpellation => "interpellation",
        EscalationKind::SpecialInvestigation => "special investigation",
        EscalationKind::Removal => "removal",
    }
}

fn wrong_state(
    e: &Escalation,
    field: &'static str,
    action: &'static str,
    rule: &'static str,
) -> RendaError {
    RendaError::InvalidTransition {
        entity: entity(e.kind()),
        field,
        id: e.id.to_string(),
        status: e.status.as_str(),
        action,
        rule,
    }
}

/// Checks an opening command's `origin`: 1 to 200 characters; when it names a department work
/// evaluation (W5) that evaluation must be of the same congress and escalated to this very tool
/// (R-E4: "整改不力、拖延整改" → 质询, 专题询问 or 特定问题调查), so the escalation path is one
/// traceable chain from the evaluation's plan to the interpellation.
fn optional_origin(
    st: &State,
    congress: &CongressId,
    kind: EscalationKind,
    origin: &Option<String>,
) -> Result<()> {
    use crate::oversight::work_evaluation::{WorkEvaluationEscalation as W, WorkEvaluationStatus};
    let Some(o) = origin else {
        return Ok(());
    };
    check_name("command.origin", o)?;
    let Some(e) = crate::ids::WorkEvaluationId::new(o.as_str())
        .ok()
        .and_then(|id| st.work_evaluations.get(&id))
    else {
        return Ok(());
    };
    let wanted = match kind {
        EscalationKind::TopicInquiry => Some(W::TopicInquiry),
        EscalationKind::Interpellation => Some(W::Interpellation),
        EscalationKind::SpecialInvestigation => Some(W::SpecialQuestionInvestigation),
        EscalationKind::Removal => None,
    };
    let escalated_to = e.escalation.as_ref().map(|x| x.kind);
    if &e.congress != congress
        || e.status != WorkEvaluationStatus::Escalated
        || wanted.is_none()
        || escalated_to != wanted
    {
        return Err(RendaError::rule_violation(
            rule_codes::NO_GROUNDS_FOR_ESCALATION,
            "R-E4",
            Some("command.origin"),
            Some(o.clone()),
            format!(
                "work evaluation {o} is {} and escalated to {}; a {} may cite it only once it is escalated to that tool in the same congress",
                e.status.as_str(),
                escalated_to.map_or("nothing", |k| k.as_str()),
                kind.as_str()
            ),
        ));
    }
    Ok(())
}

/// Deputies of `congress`, each once and in office on `date` (L-11).
fn check_deputies(
    st: &State,
    congress: &CongressId,
    list: &[DeputyId],
    date: NaiveDate,
    field: &str,
) -> Result<()> {
    let mut seen = BTreeSet::new();
    for (i, d) in list.iter().enumerate() {
        let f = format!("{field}[{i}]");
        if !seen.insert(d) {
            return Err(RendaError::InvalidField {
                field: f,
                value: d.to_string(),
                reason: "listed twice".into(),
            });
        }
        let (dep, _) = crate::deputy::workflow::require_status(
            st,
            d,
            date,
            &f,
            crate::deputy::DeputyStatus::is_in_office,
        )?;
        if &dep.congress != congress {
            return Err(RendaError::rule_violation(
                rule_codes::WRONG_CONGRESS,
                "§1.3",
                Some(&f),
                Some(d.to_string()),
                format!(
                    "deputy `{d}` is a deputy of `{}`, not `{congress}`",
                    dep.congress
                ),
            ));
        }
    }
    Ok(())
}

fn require_not_township(c: &Congress, field: &str, rule: &'static str) -> Result<()> {
    if c.level == Level::Township {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: c.id.to_string(),
            reason: format!("a township congress has no standing committee (L-6, {rule})"),
        });
    }
    Ok(())
}

/// Number of recorded standing-committee members of `congress`.
fn too_few(rule: &'static str, field: &str, have: usize, message: String) -> RendaError {
    RendaError::rule_violation(
        rule_codes::TOO_FEW_PROPOSERS,
        rule,
        Some(field),
        Some(have.to_string()),
        message,
    )
}

/// Which proposer kinds a tool accepts, and the rule that says so.
struct Tool {
    kind: EscalationKind,
    rule: &'static str,
    allowed: &'static [&'static str],
}

const INTERPELLATION: Tool = Tool {
    kind: EscalationKind::Interpellation,
    rule: "L-17",
    allowed: &["sc_members", "deputies"],
};
const INVESTIGATION: Tool = Tool {
    kind: EscalationKind::SpecialInvestigation,
    rule: "L-18",
    allowed: &[
        "director_meeting",
        "sc_members",
        "presidium",
        "delegations",
        "deputies",
    ],
};
const REMOVAL: Tool = Tool {
    kind: EscalationKind::Removal,
    rule: "L-19",
    allowed: &["government", "director_meeting", "sc_members"],
};

/// Checks the proposers of an interpellation, investigation or removal against the tool's
/// rule (L-17, L-18, L-19) and the actor.
fn check_proposers(
    st: &State,
    r: &EscalationRules,
    c: &Congress,
    date: NaiveDate,
    actor: &Actor,
    by: &Proposers,
    tool: &Tool,
) -> Result<()> {
    let rule = tool.rule;
    if !tool.allowed.contains(&by.by()) {
        return Err(RendaError::InvalidField {
            field: "command.by.by".into(),
            value: by.by().into(),
            reason: format!(
                "a {} is proposed by {} ({rule})",
                entity(tool.kind),
                tool.allowed.join(", ")
            ),
        });
    }
    // The actor must be the proposing body, one of the proposing deputies, or the office
    // recording the proposal.
    let fits = match by {
        Proposers::DirectorMeeting => actor.role == Role::DirectorMeeting,
        Proposers::Government => {
            matches!(actor.role, Role::GovernmentOffice | Role::HandlingUnit)
        }
        Proposers::ScMembers { .. } | Proposers::Deputies { .. } => {
            actor.role == Role::DeputyAffairsOffice
                || (actor.role == Role::Deputy
                    && by
                        .deputies()
                        .iter()
                        .any(|d| d.as_str() == actor.id.as_str()))
        }
        Proposers::Presidium { .. } | Proposers::Delegations { .. } => {
            matches!(
                actor.role,
                Role::DeputyAffairsOffice | Role::StandingCommittee
            )
        }
    };
    if !fits {
        return Err(RendaError::NotParty {
            actor: actor.id.to_string(),
            relation: "a proposer (or the office recording the proposal)",
            entity: entity(tool.kind),
            id: by.by().into(),
            rule,
        });
    }
    if let Some(s) = by.session() {
        let session = State::found(&st.sessions, s, "session", "command.by.session")?;
        if session.congress != c.id || date < session.opens_on || date > session.closes_on {
            return Err(RendaError::rule_violation(
                rule_codes::OUTSIDE_SESSION,
                rule,
                Some("command.by.session"),
                Some(s.to_string()),
                format!(
                    "proposals by {} are made during a session of `{}` ({} to {} for `{s}`)",
                    by.by(),
                    c.id,
                    session.opens_on,
                    session.closes_on
                ),
            ));
        }
    } else {
        require_not_township(c, "command.congress", rule)?;
    }
    match by {
        Proposers::ScMembers { members } => {
            check_deputies(st, &c.id, members, date, "command.by.members")?;
            let size = crate::deputy::workflow::committee_size(st, &c.id);
            if size > 0 {
                for (i, m) in members.iter().enumerate() {
                    let member = st.committee_members.get(m);
                    if member.is_none_or(|x| x.congress != c.id || x.from > date) {
                        return Err(RendaError::rule_violation(
                            rule_codes::NOT_SC_MEMBER,
                            rule,
                            Some(&format!("command.by.members[{i}]")),
                            Some(m.to_string()),
                            format!(
                                "deputy `{m}` is not a member of the standing committee of `{}`",
                                c.id
                            ),
                        ));
                    }
                }
            }
            let n = members.len();
            match tool.kind {
                EscalationKind::Interpellation => {
                    let min = r
                        .interpellation_min_sc_members
                        .for_level(c.level)
                        .unwrap_or(u32::MAX);
                    if (n as u64) < u64::from(min) {
                        return Err(too_few(
                            rule,
                            "command.by.members",
                            n,
                            format!(
                                "an interpellation at {} level needs at least {min} standing-committee members jointly; {n} given",
                                c.level.as_str()
                            ),
                        ));
                    }
                }
                _ => {
                    let divisor = if tool.kind == EscalationKind::Removal {
                        r.removal_sc_members_divisor
                    } else {
                        r.investigation_sc_members_divisor
                    };
                    if size == 0 {
                        return Err(too_few(
                            rule,
                            "command.by.members",
                            n,
                            format!(
                                "no standing-committee members of `{}` are recorded, so one {divisor}th of them cannot be counted",
                                c.id
                            ),
                        ));
                    }
                    if (n as u64) * u64::from(divisor) < size as u64 {
                        return Err(too_few(
                            rule,
                            "command.by.members",
                            n,
                            format!(
                                "needs at least one {divisor}th of the {size} standing-committee members; {n} given"
                            ),
                        ));
                    }
                }
            }
        }
        Proposers::Deputies { deputies, .. } => {
            check_deputies(st, &c.id, deputies, date, "command.by.deputies")?;
            let n = deputies.len();
            if tool.kind == EscalationKind::Interpellation {
                let min = r.interpellation_min_deputies_in_session;
                if (n as u64) < u64::from(min) {
                    return Err(too_few(
                        rule,
                        "command.by.deputies",
                        n,
                        format!("an interpellation during a session needs at least {min} deputies jointly; {n} given"),
                    ));
                }
            } else {
                let all = crate::deputy::workflow::holding_mandate(st, &c.id, date);
                let divisor = r.investigation_deputies_divisor;
                if (n as u64) * u64::from(divisor) < all as u64 {
                    return Err(too_few(
                        rule,
                        "command.by.deputies",
                        n,
                        format!("needs at least one {divisor}th of the {all} deputies; {n} given"),
                    ));
                }
            }
        }
        Proposers::Delegations { delegations, .. } => {
            let mut seen = BTreeSet::new();
            for (i, d) in delegations.iter().enumerate() {
                let f = format!("command.by.delegations[{i}]");
                check_name(&f, d)?;
                if !seen.insert(d.trim()) {
                    return Err(RendaError::InvalidField {
                        field: f,
                        value: d.clone(),
                        reason: "listed twice".into(),
                    });
                }
            }
            let n = delegations.len();
            if (n as u64) < u64::from(r.investigation_min_delegations) {
                return Err(too_few(
                    rule,
                    "command.by.delegations",
                    n,
                    format!(
                        "needs at least {} delegations jointly; {n} given",
                        r.investigation_min_delegations
                    ),
                ));
            }
        }
        Proposers::DirectorMeeting | Proposers::Government | Proposers::Presidium { .. } => {}
    }
    Ok(())
}

/// The vote of a standing committee (or, for a proposal made in session, the congress): a
/// valid tally over all members (L-4).
fn check_vote(
    st: &State,
    e: &Escalation,
    by: &Proposers,
    meeting: &MeetingId,
    vote: &Vote,
    date: NaiveDate,
    rule: &'static str,
) -> Result<()> {
    let in_session = by.session().is_some();
    let body = if in_session {
        Body::Congress
    } else {
        Body::StandingCommittee
    };
    let m = require_body(st, meeting, &e.congress, &[body], "command.meeting")?;
    if m.held_on < e.opened_on {
        return Err(RendaError::InvalidField {
            field: "command.meeting".into(),
            value: meeting.to_string(),
            reason: format!(
                "held on {}, before the proposal ({})",
                m.held_on, e.opened_on
            ),
        });
    }
    vote.validate("command.vote")?;
    let who = if in_session {
        "congress"
    } else {
        "standing committee"
    };
    vote.check_members(
        body.size(st, &e.congress, date),
        &format!("the {who} of `{}`", e.congress),
        rule,
    )
}

/// Decides an escalation command (W23; L-17, L-18, L-19, R-M14). Never changes anything.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    use EscalationStatus as S;
    match command {
        Command::HoldTopicInquiry {
            inquiry,
            congress,
            meeting,
            report,
            questioners,
            responders,
            live_stream,
            origin,
        } => {
            State::absent(&st.escalations, inquiry, "escalation")?;
            st.congress(congress, "command.congress")?;
            let m = require_body(
                st,
                meeting,
                congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            check_name("command.report", report)?;
            optional_origin(st, congress, EscalationKind::TopicInquiry, origin)?;
            if questioners.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.questioners".into(),
                    value: "[]".into(),
                    reason: "at least one questioner".into(),
                });
            }
            check_deputies(st, congress, questioners, m.held_on, "command.questioners")?;
            if responders.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.responders".into(),
                    value: "[]".into(),
                    reason: "at least one responding unit".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (i, u) in responders.iter().enumerate() {
                let f = format!("command.responders[{i}]");
                st.unit(u, &f)?;
                if !seen.insert(u) {
                    return Err(RendaError::InvalidField {
                        field: f,
                        value: u.to_string(),
                        reason: "listed twice".into(),
                    });
                }
            }
            Ok(vec![EventKind::TopicInquiryHeld {
                inquiry: inquiry.clone(),
                congress: congress.clone(),
                meeting: meeting.clone(),
                held_on: m.held_on,
                report: report.clone(),
                questioners: questioners.clone(),
                responders: responders.clone(),
                live_stream: *live_stream,
                origin: origin.clone(),
            }])
        }
        Command::ProposeInterpellation {
            interpellation,
            congress,
            addressee,
            subject,
            questions,
            by,
            origin,
        } => {
            State::absent(&st.escalations, interpellation, "escalation")?;
            let c = st.congress(congress, "command.congress")?;
            st.unit(addressee, "command.addressee")?;
            check_name("command.subject", subject)?;
            optional_origin(st, congress, EscalationKind::Interpellation, origin)?;
            if questions.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.questions".into(),
                    value: "[]".into(),
                    reason: "at least one question (L-17)".into(),
                });
            }
            for (i, q) in questions.iter().enumerate() {
                text(&format!("command.questions[{i}]"), q)?;
            }
            let r = rules(book, c, date)?;
            check_proposers(st, r, c, date, actor, by, &INTERPELLATION)?;
            Ok(vec![EventKind::InterpellationProposed {
                interpellation: interpellation.clone(),
                congress: congress.clone(),
                addressee: addressee.clone(),
                subject: subject.clone(),
                questions: questions.clone(),
                by: by.clone(),
                origin: origin.clone(),
            }])
        }
        Command::DecideInterpellationAnswer {
            interpellation,
            mode,
            committee,
        } => {
            let e = item(
                st,
                interpellation,
                EscalationKind::Interpellation,
                "command.interpellation",
            )?;
            if e.status != S::Proposed {
                return Err(wrong_state(
                    e,
                    "command.interpellation",
                    "decide the answer",
                    "L-17",
                ));
            }
            match (mode, committee) {
                (AnswerMode::OralCommittee, Some(name)) => check_name("command.committee", name)?,
                (AnswerMode::OralCommittee, None) => {
                    return Err(RendaError::InvalidField {
                        field: "command.committee".into(),
                        value: String::new(),
                        reason: "an oral answer at a committee meeting names the committee".into(),
                    })
                }
                (_, Some(name)) => {
                    return Err(RendaError::InvalidField {
                        field: "command.committee".into(),
                        value: crate::ids::truncate(name),
                        reason: format!(
                            "only an oral committee answer names a committee, not {}",
                            mode.as_str()
                        ),
                    })
                }
                (_, None) => {}
            }
            Ok(vec![EventKind::InterpellationAnswerDecided {
                interpellation: interpellation.clone(),
                mode: *mode,
                committee: committee.clone(),
            }])
        }
        Command::AnswerInterpellation {
            interpellation,
            answer,
            meeting,
        } => {
            let e = item(
                st,
                interpellation,
                EscalationKind::Interpellation,
                "command.interpellation",
            )?;
            let EscalationDetail::Interpellation {
                addressee,
                mode,
                by,
                ..
            } = &e.detail
            else {
                unreachable!("item() checked the kind")
            };
            if actor.role == Role::HandlingUnit && actor.id.as_str() != addressee.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the unit questioned",
                    entity: "interpellation",
                    id: e.id.to_string(),
                    rule: "L-17",
                });
            }
            if e.status != S::AwaitingAnswer {
                return Err(wrong_state(e, "command.interpellation", "answer", "L-17"));
            }
            text("command.answer", answer)?;
            match (mode, meeting) {
                (Some(AnswerMode::OralPlenary), Some(mid)) => {
                    let body = if by.session().is_some() {
                        Body::Congress
                    } else {
                        Body::StandingCommittee
                    };
                    let m = require_body(st, mid, &e.congress, &[body], "command.meeting")?;
                    if m.held_on < e.opened_on {
                        return Err(RendaError::InvalidField {
                            field: "command.meeting".into(),
                            value: mid.to_string(),
                            reason: format!(
                                "held on {}, before the interpellation ({})",
                                m.held_on, e.opened_on
                            ),
                        });
                    }
                }
                (Some(AnswerMode::OralPlenary), None) => {
                    return Err(RendaError::InvalidField {
                        field: "command.meeting".into(),
                        value: String::new(),
                        reason: "the director meeting decided an oral answer at a plenary meeting: name the meeting (L-17)".into(),
                    })
                }
                (Some(other), Some(mid)) => {
                    return Err(RendaError::InvalidField {
                        field: "command.meeting".into(),
                        value: mid.to_string(),
                        reason: format!(
                            "the director meeting decided a {} answer, not one at a plenary meeting (L-17)",
                            other.as_str()
                        ),
                    })
                }
                _ => {}
            }
            Ok(vec![EventKind::InterpellationAnswered {
                interpellation: interpellation.clone(),
                answer: answer.clone(),
                meeting: meeting.clone(),
            }])
        }
        Command::RateInterpellationAnswer {
            interpellation,
            deputy,
            rating,
        } => {
            let e = item(
                st,
                interpellation,
                EscalationKind::Interpellation,
                "command.interpellation",
            )?;
            let EscalationDetail::Interpellation { by, answers, .. } = &e.detail else {
                unreachable!("item() checked the kind")
            };
            let proposers = by.deputies();
            if !proposers.contains(deputy)
                || (actor.role == Role::Deputy && actor.id.as_str() != deputy.as_str())
            {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "a proposer of the interpellation",
                    entity: "interpellation",
                    id: e.id.to_string(),
                    rule: "L-17",
                });
            }
            if e.status != S::Answered {
                return Err(wrong_state(
                    e,
                    "command.interpellation",
                    "rate the answer",
                    "L-17",
                ));
            }
            let current = answers.last();
            if current.is_some_and(|a| a.ratings.contains_key(deputy)) {
                return Err(RendaError::rule_violation(
                    rule_codes::ALREADY_RATED,
                    "L-17",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!("deputy `{deputy}` has rated this answer already"),
                ));
            }
            let mut events = vec![EventKind::InterpellationAnswerRated {
                interpellation: interpellation.clone(),
                deputy: deputy.clone(),
                rating: *rating,
            }];
            let dissatisfied = current
                .map(|a| {
                    a.ratings
                        .values()
                        .filter(|r| **r == AnswerRating::Dissatisfied)
                        .count()
                })
                .unwrap_or(0)
                + usize::from(*rating == AnswerRating::Dissatisfied);
            // L-17: more than half of the proposers dissatisfied → a new answer is required.
            if *rating == AnswerRating::Dissatisfied && dissatisfied * 2 > proposers.len() {
                events.push(EventKind::InterpellationReanswerRequired {
                    interpellation: interpellation.clone(),
                    dissatisfied: dissatisfied as u32,
                    proposers: proposers.len() as u32,
                });
            }
            Ok(events)
        }
        Command::CloseInterpellation { interpellation } => {
            let e = item(
                st,
                interpellation,
                EscalationKind::Interpellation,
                "command.interpellation",
            )?;
            if e.status != S::Answered {
                return Err(wrong_state(e, "command.interpellation", "close", "L-17"));
            }
            Ok(vec![EventKind::InterpellationClosed {
                interpellation: interpellation.clone(),
            }])
        }
        Command::ProposeSpecialInvestigation {
            investigation,
            congress,
            subject,
            by,
            origin,
        } => {
            State::absent(&st.escalations, investigation, "escalation")?;
            let c = st.congress(congress, "command.congress")?;
            check_name("command.subject", subject)?;
            optional_origin(st, congress, EscalationKind::SpecialInvestigation, origin)?;
            let r = rules(book, c, date)?;
            check_proposers(st, r, c, date, actor, by, &INVESTIGATION)?;
            Ok(vec![EventKind::SpecialInvestigationProposed {
                investigation: investigation.clone(),
                congress: congress.clone(),
                subject: subject.clone(),
                by: by.clone(),
                origin: origin.clone(),
            }])
        }
        Command::DecideSpecialInvestigation {
            investigation,
            meeting,
            vote,
            members,
        } => {
            let e = item(
                st,
                investigation,
                EscalationKind::SpecialInvestigation,
                "command.investigation",
            )?;
            let EscalationDetail::SpecialInvestigation { by, .. } = &e.detail else {
                unreachable!("item() checked the kind")
            };
            if e.status != S::Proposed {
                return Err(wrong_state(e, "command.investigation", "decide", "L-18"));
            }
            check_vote(st, e, by, meeting, vote, date, "L-18")?;
            if members.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.members".into(),
                    value: "[]".into(),
                    reason: "the investigation committee has at least one member (L-18)".into(),
                });
            }
            check_deputies(st, &e.congress, members, date, "command.members")?;
            Ok(vec![EventKind::SpecialInvestigationDecided {
                investigation: investigation.clone(),
                meeting: meeting.clone(),
                vote: *vote,
                adopted: vote.passes_majority_of_all(),
                members: members.clone(),
            }])
        }
        Command::ReportSpecialInvestigation {
            investigation,
            meeting,
            report,
            resolution,
        } => {
            let e = item(
                st,
                investigation,
                EscalationKind::SpecialInvestigation,
                "command.investigation",
            )?;
            let EscalationDetail::SpecialInvestigation { by, .. } = &e.detail else {
                unreachable!("item() checked the kind")
            };
            if e.status != S::Investigating {
                return Err(wrong_state(e, "command.investigation", "report", "L-18"));
            }
            text("command.report", report)?;
            match resolution {
                Some(v) => check_vote(st, e, by, meeting, v, date, "L-18")?,
                None => {
                    let body = if by.session().is_some() {
                        Body::Congress
                    } else {
                        Body::StandingCommittee
                    };
                    require_body(st, meeting, &e.congress, &[body], "command.meeting")?;
                }
            }
            Ok(vec![EventKind::SpecialInvestigationReported {
                investigation: investigation.clone(),
                meeting: meeting.clone(),
                report: report.clone(),
                resolution: *resolution,
                resolution_adopted: resolution.is_some_and(|v| v.passes_majority_of_all()),
            }])
        }
        Command::ProposeRemoval {
            removal,
            congress,
            official,
            post,
            reason,
            by,
            origin,
        } => {
            State::absent(&st.escalations, removal, "escalation")?;
            let c = st.congress(congress, "command.congress")?;
            check_name("command.official", official)?;
            check_name("command.post", post)?;
            text("command.reason", reason)?;
            optional_origin(st, congress, EscalationKind::Removal, origin)?;
            let r = rules(book, c, date)?;
            check_proposers(st, r, c, date, actor, by, &REMOVAL)?;
            Ok(vec![EventKind::RemovalProposed {
                removal: removal.clone(),
                congress: congress.clone(),
                official: official.clone(),
                post: post.clone(),
                reason: reason.clone(),
                by: by.clone(),
                origin: origin.clone(),
            }])
        }
        Command::DecideRemoval {
            removal,
            meeting,
            vote,
        } => {
            let e = item(st, removal, EscalationKind::Removal, "command.removal")?;
            let EscalationDetail::Removal { by, .. } = &e.detail else {
                unreachable!("item() checked the kind")
            };
            if e.status != S::Proposed {
                return Err(wrong_state(e, "command.removal", "decide", "L-19"));
            }
            check_vote(st, e, by, meeting, vote, date, "L-19")?;
            Ok(vec![EventKind::RemovalDecided {
                removal: removal.clone(),
                meeting: meeting.clone(),
                vote: *vote,
                adopted: vote.passes_majority_of_all(),
            }])
        }
        other => unreachable!("not an escalation command: {}", other.type_name()),
    }
}

// ---------------------------------------------------------------------------------------------
// Apply

fn item_mut<'s>(
    state: &'s mut State,
    id: &EscalationId,
    kind: EscalationKind,
    field: &str,
) -> Result<&'s mut Escalation> {
    state
        .escalations
        .get_mut(id)
        .filter(|e| e.kind() == kind)
        .ok_or_else(|| RendaError::NotFound {
            entity: entity(kind),
            id: id.to_string(),
            field: field.into(),
        })
}

fn open(
    state: &mut State,
    (id, congress): (&EscalationId, &CongressId),
    subject: String,
    origin: &Option<String>,
    date: NaiveDate,
    status: EscalationStatus,
    detail: EscalationDetail,
) -> Result<()> {
    state.congress(congress, "event.congress")?;
    let closed = (status == EscalationStatus::Held).then_some(date);
    state.escalations.insert(
        id.clone(),
        Escalation {
            id: id.clone(),
            congress: congress.clone(),
            subject,
            origin: origin.clone(),
            opened_on: date,
            decided_on: None,
            closed_on: closed,
            status,
            history: vec![(date, status)],
            detail,
        },
    );
    Ok(())
}

/// Applies an escalation event. Dangling references are `not_found`; the consistency of the
/// records is checked by [`State::validate`] afterwards.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use EscalationKind as K;
    use EscalationStatus as S;
    match event {
        EventKind::TopicInquiryHeld {
            inquiry,
            congress,
            meeting,
            held_on,
            report,
            questioners,
            responders,
            live_stream,
            origin,
        } => open(
            state,
            (inquiry, congress),
            report.clone(),
            origin,
            *held_on,
            S::Held,
            EscalationDetail::TopicInquiry {
                meeting: meeting.clone(),
                report: report.clone(),
                questioners: questioners.clone(),
                responders: responders.clone(),
                live_stream: *live_stream,
            },
        )?,
        EventKind::InterpellationProposed {
            interpellation,
            congress,
            addressee,
            subject,
            questions,
            by,
            origin,
        } => open(
            state,
            (interpellation, congress),
            subject.clone(),
            origin,
            date,
            S::Proposed,
            EscalationDetail::Interpellation {
                addressee: addressee.clone(),
                questions: questions.clone(),
                by: by.clone(),
                mode: None,
                committee: None,
                answers: Vec::new(),
            },
        )?,
        EventKind::InterpellationAnswerDecided {
            interpellation,
            mode: m,
            committee: c,
        } => {
            let e = item_mut(
                state,
                interpellation,
                K::Interpellation,
                "event.interpellation",
            )?;
            if let EscalationDetail::Interpellation {
                mode, committee, ..
            } = &mut e.detail
            {
                *mode = Some(*m);
                committee.clone_from(c);
            }
            e.decided_on = Some(date);
            e.set(date, S::AwaitingAnswer);
        }
        EventKind::InterpellationAnswered {
            interpellation,
            answer,
            meeting,
        } => {
            let e = item_mut(
                state,
                interpellation,
                K::Interpellation,
                "event.interpellation",
            )?;
            if let EscalationDetail::Interpellation { answers, .. } = &mut e.detail {
                answers.push(Answer {
                    answered_on: date,
                    meeting: meeting.clone(),
                    text: answer.clone(),
                    ratings: Default::default(),
                });
            }
            e.set(date, S::Answered);
        }
        EventKind::InterpellationAnswerRated {
            interpellation,
            deputy,
            rating,
        } => {
            let e = item_mut(
                state,
                interpellation,
                K::Interpellation,
                "event.interpellation",
            )?;
            let EscalationDetail::Interpellation { answers, .. } = &mut e.detail else {
                unreachable!("item_mut() checked the kind")
            };
            let a = answers.last_mut().ok_or_else(|| RendaError::InvalidField {
                field: "event.interpellation".into(),
                value: interpellation.to_string(),
                reason: "rated before any answer".into(),
            })?;
            a.ratings.insert(deputy.clone(), *rating);
        }
        EventKind::InterpellationReanswerRequired { interpellation, .. } => {
            let e = item_mut(
                state,
                interpellation,
                K::Interpellation,
                "event.interpellation",
            )?;
            e.set(date, S::AwaitingAnswer);
        }
        EventKind::InterpellationClosed { interpellation } => {
            let e = item_mut(
                state,
                interpellation,
                K::Interpellation,
                "event.interpellation",
            )?;
            e.closed_on = Some(date);
            e.set(date, S::Closed);
        }
        EventKind::SpecialInvestigationProposed {
            investigation,
            congress,
            subject,
            by,
            origin,
        } => open(
            state,
            (investigation, congress),
            subject.clone(),
            origin,
            date,
            S::Proposed,
            EscalationDetail::SpecialInvestigation {
                by: by.clone(),
                decision: None,
                members: Vec::new(),
                report: None,
                resolution: None,
                resolution_adopted: false,
            },
        )?,
        EventKind::SpecialInvestigationDecided {
            investigation,
            meeting,
            vote,
            adopted,
            members: m,
        } => {
            let e = item_mut(
                state,
                investigation,
                K::SpecialInvestigation,
                "event.investigation",
            )?;
            if let EscalationDetail::SpecialInvestigation {
                decision, members, ..
            } = &mut e.detail
            {
                *decision = Some(Decision {
                    decided_on: date,
                    meeting: meeting.clone(),
                    vote: *vote,
                    adopted: *adopted,
                });
                members.clone_from(m);
            }
            e.decided_on = Some(date);
            if *adopted {
                e.set(date, S::Investigating);
            } else {
                e.closed_on = Some(date);
                e.set(date, S::Rejected);
            }
        }
        EventKind::SpecialInvestigationReported {
            investigation,
            report: text,
            resolution: res,
            resolution_adopted: adopted,
            ..
        } => {
            let e = item_mut(
                state,
                investigation,
                K::SpecialInvestigation,
                "event.investigation",
            )?;
            if let EscalationDetail::SpecialInvestigation {
                report,
                resolution,
                resolution_adopted,
                ..
            } = &mut e.detail
            {
                *report = Some(text.clone());
                *resolution = *res;
                *resolution_adopted = *adopted;
            }
            e.closed_on = Some(date);
            e.set(date, S::Reported);
        }
        EventKind::RemovalProposed {
            removal,
            congress,
            official,
            post,
            reason,
            by,
            origin,
        } => open(
            state,
            (removal, congress),
            format!("{official} {post}"),
            origin,
            date,
            S::Proposed,
            EscalationDetail::Removal {
                official: official.clone(),
                post: post.clone(),
                reason: reason.clone(),
                by: by.clone(),
                decision: None,
            },
        )?,
        EventKind::RemovalDecided {
            removal,
            meeting,
            vote,
            adopted,
        } => {
            let e = item_mut(state, removal, K::Removal, "event.removal")?;
            if let EscalationDetail::Removal { decision, .. } = &mut e.detail {
                *decision = Some(Decision {
                    decided_on: date,
                    meeting: meeting.clone(),
                    vote: *vote,
                    adopted: *adopted,
                });
            }
            e.decided_on = Some(date);
            e.closed_on = Some(date);
            e.set(date, if *adopted { S::Adopted } else { S::Rejected });
        }
        other => unreachable!("not an escalation event: {}", other.type_name()),
    }
    Ok(())
}

/// Checks the escalation items of a snapshot: keys match ids, congresses exist, the status
/// fits the kind and is the last of the history, and interpellations have proposing deputies.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    let bad = |id: &EscalationId, reason: String| RendaError::InvalidField {
        field: "state.escalations".into(),
        value: id.to_string(),
        reason,
    };
    for (id, e) in &st.escalations {
        if &e.id != id {
            return Err(bad(
                id,
                format!("key does not match the record's id {}", e.id),
            ));
        }
        st.congress(&e.congress, "state.escalations.congress")?;
        if !e.status.fits(e.kind()) {
            return Err(bad(
                id,
                format!(
                    "status {} does not fit a {}",
                    e.status.as_str(),
                    e.kind().as_str()
                ),
            ));
        }
        if e.history.last().map(|h| h.1) != Some(e.status) {
            return Err(bad(id, "the history does not end with the status".into()));
        }
        if let EscalationDetail::Interpellation { by, .. } = &e.detail {
            if by.deputies().is_empty() {
                return Err(bad(id, "an interpellation has proposing deputies".into()));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Queries and outputs

/// One row of [`Ledger::escalations`].
///
/// ```
/// let r: renda::oversight::escalation::EscalationRow = serde_json::from_str(r#"{"id":"R-1","kind":"removal",
///   "status":"adopted","subject":"王某 局长","opened_on":"2024-06-01","decided_on":"2024-06-27","closed_on":"2024-06-27"}"#).unwrap();
/// assert!(r.origin.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationRow {
    /// Id.
    pub id: EscalationId,
    /// Kind.
    pub kind: EscalationKind,
    /// Status.
    pub status: EscalationStatus,
    /// Subject.
    pub subject: String,
    /// What led to it.
    #[serde(default)]
    pub origin: Option<String>,
    /// Held or proposed.
    pub opened_on: NaiveDate,
    /// Decided.
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    /// Ended.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
}

/// R-M14 compliance of one year ([`Ledger::escalation_compliance`]).
///
/// ```
/// let c = renda::oversight::escalation::TopicInquiryCompliance { year: 2024, required: 1, held: 0, compliant: false, rule: "R-M14".into() };
/// assert!(!c.compliant);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicInquiryCompliance {
    /// The year.
    pub year: i32,
    /// Topic inquiries required by the rule set in force at the end of the year (0: none).
    pub required: u32,
    /// Topic inquiries held in the year.
    pub held: u32,
    /// `held >= required`.
    pub compliant: bool,
    /// The rule (R-M14).
    pub rule: String,
}

fn in_period(d: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> bool {
    d.is_some_and(|d| from <= d && d <= to)
}

/// Adds topic inquiries held and the resolutions and decisions adopted on escalation items
/// (investigations and removals adopted by a majority of all members, resolutions on
/// investigation reports) from `from` to `to` to `out`.
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut super::Outputs,
) {
    for e in st.escalations.values().filter(|e| &e.congress == congress) {
        match &e.detail {
            EscalationDetail::TopicInquiry { .. } => {
                if in_period(Some(e.opened_on), from, to) {
                    out.topic_inquiries += 1;
                }
            }
            EscalationDetail::SpecialInvestigation {
                decision,
                resolution_adopted,
                ..
            } => {
                if decision
                    .as_ref()
                    .is_some_and(|d| d.adopted && in_period(Some(d.decided_on), from, to))
                {
                    out.resolutions_and_decisions += 1;
                }
                if *resolution_adopted
                    && e.status == EscalationStatus::Reported
                    && in_period(e.closed_on, from, to)
                {
                    out.resolutions_and_decisions += 1;
                }
            }
            EscalationDetail::Removal { decision, .. } => {
                if decision
                    .as_ref()
                    .is_some_and(|d| d.adopted && in_period(Some(d.decided_on), from, to))
                {
                    out.resolutions_and_decisions += 1;
                }
            }
            EscalationDetail::Interpellation { .. } => {}
        }
    }
}

fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate)> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(RendaError::InvalidField {
            field: "year".into(),
            value: year.to_string(),
            reason: "not a supported year".into(),
        }),
    }
}

fn parse_year(year: &str) -> Result<i32> {
    year.parse::<i32>()
        .ok()
        .filter(|y| (1949..=9999).contains(y))
        .ok_or_else(|| RendaError::InvalidField {
            field: "year".into(),
            value: crate::ids::truncate(year),
            reason: "must be a year such as 2024".into(),
        })
}

impl Ledger {
    /// Every escalation item of `congress` held or proposed in `year`, ordered by id (W23).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.escalations(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn escalations(&self, congress: &CongressId, year: i32) -> Result<Vec<EscalationRow>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let (from, to) = year_bounds(year)?;
        Ok(st
            .escalations
            .values()
            .filter(|e| &e.congress == congress && from <= e.opened_on && e.opened_on <= to)
            .map(|e| EscalationRow {
                id: e.id.clone(),
                kind: e.kind(),
                status: e.status,
                subject: e.subject.clone(),
                origin: e.origin.clone(),
                opened_on: e.opened_on,
                decided_on: e.decided_on,
                closed_on: e.closed_on,
            })
            .collect())
    }

    /// [`Ledger::escalations`] as JSON; `year` is text such as `"2024"`.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.escalations_to_json("hd", "20x4").unwrap_err().field(), Some("year"));
    /// ```
    pub fn escalations_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = parse_year(year)?;
        to_json(&self.escalations(&congress, year)?)
    }

    /// R-M14: the topic inquiries `congress` held in `year` against the number the rule set in
    /// force at the end of the year requires.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.escalation_compliance(&"hd".parse().unwrap(), 2024).is_err());
    /// ```
    pub fn escalation_compliance(
        &self,
        congress: &CongressId,
        year: i32,
    ) -> Result<TopicInquiryCompliance> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        let (from, to) = year_bounds(year)?;
        let required = self
            .rules()
            .in_force(c.level, to)?
            .oversight
            .escalation
            .min_topic_inquiries_per_year;
        let held = st
            .escalations
            .values()
            .filter(|e| {
                &e.congress == congress
                    && e.kind() == EscalationKind::TopicInquiry
                    && from <= e.opened_on
                    && e.opened_on <= to
            })
            .count() as u32;
        Ok(TopicInquiryCompliance {
            year,
            required,
            held,
            compliant: held >= required,
            rule: "R-M14".into(),
        })
    }

    /// [`Ledger::escalation_compliance`] as JSON; `year` is text such as `"2024"`.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.escalation_compliance_to_json("hd", "x").unwrap_err().field(), Some("year"));
    /// ```
    pub fn escalation_compliance_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = parse_year(year)?;
        to_json(&self.escalation_compliance(&congress, year)?)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    Ok(serde_json::to_string(value).unwrap_or_else(|e| unreachable!("serialisable: {e}")))
}
