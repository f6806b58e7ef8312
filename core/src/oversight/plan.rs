//! The annual supervision plan (监督工作计划, W9; R-M16, R-M17, R-M23, L-20): topics are
//! proposed from every source (public solicitation, deputies, Party-committee priorities,
//! inspection findings, …), shortlisted by the working bodies, put into the year's plan, which
//! is reported to and approved by the Party committee, published at the start of the year and
//! sent to deputies as a menu they enrol in; since the 2024 amendment of the Supervision Law
//! the plan may be adjusted.
//!
//! ```text
//! topic:  proposed ─shortlist→ shortlisted ─approve/adjust(add)→ in_plan ─adjust(drop)→ dropped
//! plan:   approved (Party committee recorded) ─publish (R-M17 month)→ published
//!            └ adjust (L-20 2024) ─────────────────┘ (either status)
//! ```
//!
//! ```
//! use renda::Ledger;
//! let mut ledger = Ledger::new(Default::default());
//! let mut run = |at: &str, role: &str, cmd: &str| {
//!     ledger.execute_json(&format!(r#"{{"at":"{at}","actor":{{"role":"{role}","id":"x"}},"command":{cmd}}}"#))
//! };
//! run("2023-11-01", "admin", r#"{"type":"register_congress","congress":"hd-17","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}"#).unwrap();
//! run("2023-11-10", "public", r#"{"type":"propose_supervision_topic","topic":"T1","congress":"hd-17","year":2024,"source":"public_solicitation","title":"学前教育资源配置"}"#).unwrap();
//! run("2023-12-01", "special_committee", r#"{"type":"shortlist_supervision_topics","congress":"hd-17","year":2024,"topics":["T1"]}"#).unwrap();
//! run("2023-12-20", "director_meeting", r#"{"type":"approve_supervision_plan","plan":"P2024","congress":"hd-17","year":2024,"topics":["T1"],"party_committee_ref":"区委常委会2023年第40次会议","party_committee_approved_on":"2023-12-18"}"#).unwrap();
//! let e = run("2024-01-10", "director_meeting", r#"{"type":"publish_supervision_plan","plan":"P2024"}"#).unwrap();
//! assert_eq!(e[0].event.type_name(), "supervision_plan_published");
//! # drop(run);
//! let view = ledger.supervision_plan(&"hd-17".parse().unwrap(), 2024).unwrap();
//! assert_eq!(view.status, Some(renda::oversight::plan::PlanStatus::Published));
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::deputy::workflow::require_status;
use crate::deputy::DeputyStatus;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, SupervisionPlanId, SupervisionTopicId};
use crate::ledger::{check_name, Ledger};
use crate::rules::RuleBook;
use crate::state::State;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a supervision topic comes from (L-20 (1)–(6); W9: public solicitation R-M16, deputies
/// [003 §10], the Party committee's priorities [002:L987]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    /// The yearly public solicitation (面向社会公开征集, R-M16).
    PublicSolicitation,
    /// Deputies (人大代表).
    Deputies,
    /// A priority task set by the Party committee's plenary (区委全会确定的重点任务).
    PartyCommitteePriority,
    /// A problem found in a law-enforcement inspection (L-20 (1)).
    InspectionFinding,
    /// Issues concentrated in deputies' motions and suggestions (L-20 (2)).
    MotionsAndSuggestions,
    /// Concerns concentrated among standing-committee members (L-20 (3)).
    CommitteeMembers,
    /// Findings of committee research (L-20 (4)).
    CommitteeResearch,
    /// Issues concentrated in letters and visits (信访, L-20 (5)).
    LettersAndVisits,
    /// Other widely watched issues (L-20 (6)).
    Other,
}

impl TopicSource {
    /// Every source.
    pub const ALL: [TopicSource; 9] = [
        Self::PublicSolicitation,
        Self::Deputies,
        Self::PartyCommitteePriority,
        Self::InspectionFinding,
        Self::MotionsAndSuggestions,
        Self::CommitteeMembers,
        Self::CommitteeResearch,
        Self::LettersAndVisits,
        Self::Other,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::plan::TopicSource::LettersAndVisits.as_str(), "letters_and_visits");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PublicSolicitation => "public_solicitation",
            Self::Deputies => "deputies",
            Self::PartyCommitteePriority => "party_committee_priority",
            Self::InspectionFinding => "inspection_finding",
            Self::MotionsAndSuggestions => "motions_and_suggestions",
            Self::CommitteeMembers => "committee_members",
            Self::CommitteeResearch => "committee_research",
            Self::LettersAndVisits => "letters_and_visits",
            Self::Other => "other",
        }
    }
}

crate::labels::labelled!(TopicSource {
    PublicSolicitation => ("面向社会公开征集", "Public solicitation"),
    Deputies => ("人大代表", "Deputies"),
    PartyCommitteePriority => ("党委确定的重点任务", "Party-committee priority"),
    InspectionFinding => ("执法检查中发现的突出问题", "Law-enforcement inspection finding"),
    MotionsAndSuggestions => ("代表议案和建议集中反映的问题", "Motions and suggestions"),
    CommitteeMembers => ("常委会组成人员集中提出的问题", "Standing-committee members"),
    CommitteeResearch => ("专门委员会、工作机构调研中发现的问题", "Committee research"),
    LettersAndVisits => ("人民来信来访集中反映的问题", "Letters and visits"),
    Other => ("社会普遍关注的其他问题", "Other"),
});

/// Where a supervision topic is (W9 steps 2–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicStatus {
    /// Proposed (征集).
    Proposed,
    /// Shortlisted by the working bodies (W9 step 3).
    Shortlisted,
    /// In the year's plan (W9 steps 4, 8).
    InPlan,
    /// Dropped from the plan by an adjustment (L-20 2024).
    Dropped,
}

impl TopicStatus {
    /// Every status.
    pub const ALL: [TopicStatus; 4] = [
        Self::Proposed,
        Self::Shortlisted,
        Self::InPlan,
        Self::Dropped,
    ];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::plan::TopicStatus::InPlan.as_str(), "in_plan");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Shortlisted => "shortlisted",
            Self::InPlan => "in_plan",
            Self::Dropped => "dropped",
        }
    }
}

crate::labels::labelled!(TopicStatus {
    Proposed => ("已征集", "Proposed"),
    Shortlisted => ("已初选", "Shortlisted"),
    InPlan => ("列入计划", "In the plan"),
    Dropped => ("调整出计划", "Dropped"),
});

/// Where an annual supervision plan is (W9 steps 4–5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Approved, the Party committee's approval recorded (W9 step 4, R-M21).
    Approved,
    /// Published and sent to deputies (R-M23, R-M17).
    Published,
}

impl PlanStatus {
    /// Every status.
    pub const ALL: [PlanStatus; 2] = [Self::Approved, Self::Published];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::oversight::plan::PlanStatus::Published.as_str(), "published");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Published => "published",
        }
    }
}

crate::labels::labelled!(PlanStatus {
    Approved => ("已批准", "Approved"),
    Published => ("已公布", "Published"),
});

/// The plan rules of a rule set (R-M17, L-20).
///
/// ```
/// let r = renda::oversight::plan::PlanRules::default();
/// assert_eq!(r.publish_by_month, Some(3));
/// assert!(r.allow_adjustment);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanRules {
    /// The plan must be published by the end of this month of its year (R-M17: sent to deputies
    /// "at the start of the year", 密云/西城; default March). `null`: no deadline (L-20 only
    /// requires publication).
    pub publish_by_month: Option<u32>,
    /// Whether an approved plan may be adjusted (L-20, Supervision Law as amended 2024-11-08:
    /// true; set false for the rules before the amendment).
    pub allow_adjustment: bool,
}

impl Default for PlanRules {
    fn default() -> Self {
        Self {
            publish_by_month: Some(3),
            allow_adjustment: true,
        }
    }
}

/// A proposed supervision topic (监督议题建议, §1.3 `SupervisionTopicProposal`).
///
/// ```
/// let t: renda::oversight::plan::SupervisionTopic = serde_json::from_str(r#"{"id":"T1",
///   "congress":"hd-17","year":2024,"source":"deputies","title":"t","proposer":null,
///   "proposed_on":"2023-11-01","status":"proposed","plan":null,"enrolled":[]}"#).unwrap();
/// assert_eq!(t.year, 2024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionTopic {
    /// Id.
    pub id: SupervisionTopicId,
    /// The congress whose standing committee would supervise it.
    pub congress: CongressId,
    /// The plan year it is proposed for.
    pub year: i32,
    /// Where it comes from (L-20).
    pub source: TopicSource,
    /// Title.
    pub title: String,
    /// Who proposed it (a name, a deputy id, an organisation), if recorded.
    pub proposer: Option<String>,
    /// Date proposed.
    pub proposed_on: NaiveDate,
    /// Status.
    pub status: TopicStatus,
    /// The plan it is (or was) in.
    pub plan: Option<SupervisionPlanId>,
    /// Deputies who chose it from the published plan (W9 step 6), in the order they enrolled.
    pub enrolled: Vec<(DeputyId, NaiveDate)>,
}

/// One adjustment of a plan (L-20 2024).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanAdjustment {
    /// Date.
    pub on: NaiveDate,
    /// Topics added.
    pub added: Vec<SupervisionTopicId>,
    /// Topics dropped.
    pub dropped: Vec<SupervisionTopicId>,
    /// Why.
    pub reason: String,
}

/// An annual supervision plan (监督工作计划, §1.3 `AnnualSupervisionPlan`).
///
/// ```
/// let p: renda::oversight::plan::SupervisionPlan = serde_json::from_str(r#"{"id":"P","congress":"hd-17",
///   "year":2024,"topics":["T1"],"approved_on":"2023-12-20","party_committee_ref":"r",
///   "party_committee_approved_on":"2023-12-18","status":"approved","published_on":null,"adjustments":[]}"#).unwrap();
/// assert_eq!(p.topics.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionPlan {
    /// Id.
    pub id: SupervisionPlanId,
    /// The congress.
    pub congress: CongressId,
    /// The year.
    pub year: i32,
    /// The topics currently in the plan, in plan order (adjustments applied).
    pub topics: Vec<SupervisionTopicId>,
    /// Date approved.
    pub approved_on: NaiveDate,
    /// The Party committee's approval: its reference (meeting, document number) (R-M21, [003 §27]).
    pub party_committee_ref: String,
    /// The date the Party committee approved it.
    pub party_committee_approved_on: NaiveDate,
    /// Status.
    pub status: PlanStatus,
    /// Date published (R-M23).
    pub published_on: Option<NaiveDate>,
    /// Adjustments, oldest first (L-20 2024).
    pub adjustments: Vec<PlanAdjustment>,
}

// ---------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------

fn topic_of<'s>(
    st: &'s State,
    id: &SupervisionTopicId,
    field: &str,
) -> Result<&'s SupervisionTopic> {
    State::found(&st.supervision_topics, id, "supervision topic", field)
}

fn plan_of<'s>(st: &'s State, id: &SupervisionPlanId) -> Result<&'s SupervisionPlan> {
    State::found(
        &st.supervision_plans,
        id,
        "supervision plan",
        "command.plan",
    )
}

/// The year must fall within the congress's term.
fn check_year(st: &State, congress: &CongressId, year: i32) -> Result<()> {
    let c = st.congress(congress, "command.congress")?;
    if year < c.term_start.year() || year > c.term_end.year() {
        return Err(RendaError::InvalidField {
            field: "command.year".into(),
            value: year.to_string(),
            reason: format!(
                "must be a year of the term ({} to {})",
                c.term_start.year(),
                c.term_end.year()
            ),
        });
    }
    Ok(())
}

/// Checks a list of topics: non-empty (when `need_one`), each once, each of `congress` and
/// `year`, each in one of `statuses` (otherwise `code`).
#[allow(clippy::too_many_arguments)]
fn check_topics(
    st: &State,
    field: &str,
    topics: &[SupervisionTopicId],
    congress: &CongressId,
    year: i32,
    statuses: &[TopicStatus],
    code: &'static str,
    rule: &'static str,
) -> Result<()> {
    for (i, t) in topics.iter().enumerate() {
        let f = format!("{field}[{i}]");
        let topic = topic_of(st, t, &f)?;
        if topics[..i].contains(t) {
            return Err(RendaError::InvalidField {
                field: f,
                value: t.to_string(),
                reason: "a topic must appear once".into(),
            });
        }
        if &topic.congress != congress || topic.year != year {
            return Err(RendaError::InvalidField {
                field: f,
                value: t.to_string(),
                reason: format!(
                    "is a topic of {} for {}, not of {congress} for {year}",
                    topic.congress, topic.year
                ),
            });
        }
        if !statuses.contains(&topic.status) {
            return Err(RendaError::rule_violation(
                code,
                rule,
                Some(&f),
                Some(t.to_string()),
                format!(
                    "topic `{t}` is {}; needs {}",
                    topic.status.as_str(),
                    statuses
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ));
        }
    }
    Ok(())
}

fn non_empty_list(field: &str, len: usize, what: &str) -> Result<()> {
    if len == 0 {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: "[]".into(),
            reason: format!("needs at least one {what}"),
        });
    }
    Ok(())
}

/// Decides a W9 plan command. Never changes anything.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::ProposeSupervisionTopic {
            topic,
            congress,
            year,
            source,
            title,
            proposer,
        } => {
            State::absent(&st.supervision_topics, topic, "supervision topic")?;
            check_year(st, congress, *year)?;
            check_name("command.title", title)?;
            if let Some(p) = proposer {
                check_name("command.proposer", p)?;
            }
            Ok(vec![EventKind::SupervisionTopicProposed {
                topic: topic.clone(),
                congress: congress.clone(),
                year: *year,
                source: *source,
                title: title.clone(),
                proposer: proposer.clone(),
            }])
        }
        Command::ShortlistSupervisionTopics {
            congress,
            year,
            topics,
        } => {
            check_year(st, congress, *year)?;
            non_empty_list("command.topics", topics.len(), "topic")?;
            check_topics(
                st,
                "command.topics",
                topics,
                congress,
                *year,
                &[TopicStatus::Proposed],
                rule_codes::TOPIC_NOT_SHORTLISTED,
                "W9 step 3",
            )?;
            Ok(vec![EventKind::SupervisionTopicsShortlisted {
                congress: congress.clone(),
                year: *year,
                topics: topics.clone(),
            }])
        }
        Command::ApproveSupervisionPlan {
            plan,
            congress,
            year,
            topics,
            party_committee_ref,
            party_committee_approved_on,
        } => {
            State::absent(&st.supervision_plans, plan, "supervision plan")?;
            check_year(st, congress, *year)?;
            if let Some(other) = st
                .supervision_plans
                .values()
                .find(|p| &p.congress == congress && p.year == *year)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "supervision plan of the year",
                    id: format!("{congress}/{year} ({})", other.id),
                });
            }
            non_empty_list("command.topics", topics.len(), "topic")?;
            check_topics(
                st,
                "command.topics",
                topics,
                congress,
                *year,
                &[TopicStatus::Shortlisted],
                rule_codes::TOPIC_NOT_SHORTLISTED,
                "W9 step 3",
            )?;
            check_name("command.party_committee_ref", party_committee_ref)?;
            if *party_committee_approved_on > date {
                return Err(RendaError::InvalidField {
                    field: "command.party_committee_approved_on".into(),
                    value: party_committee_approved_on.to_string(),
                    reason: format!(
                        "the Party committee approves the plan before it is recorded (on {date}) (W9 step 4)"
                    ),
                });
            }
            Ok(vec![EventKind::SupervisionPlanApproved {
                plan: plan.clone(),
                congress: congress.clone(),
                year: *year,
                topics: topics.clone(),
                party_committee_ref: party_committee_ref.clone(),
                party_committee_approved_on: *party_committee_approved_on,
            }])
        }
        Command::PublishSupervisionPlan { plan } => {
            let p = plan_of(st, plan)?;
            if p.status != PlanStatus::Approved {
                return Err(RendaError::InvalidTransition {
                    entity: "supervision plan",
                    field: "command.plan",
                    id: plan.to_string(),
                    status: p.status.as_str(),
                    action: "publish",
                    rule: "R-M23",
                });
            }
            let c = st.congress(&p.congress, "plan.congress")?;
            let rules = &book.in_force(c.level, date)?.oversight.plan;
            if let Some(m) = rules.publish_by_month {
                if let Some(last) = last_day_of_month(p.year, m) {
                    if date > last {
                        return Err(RendaError::rule_violation(
                            rule_codes::PLAN_PUBLISHED_LATE,
                            "R-M17",
                            Some("at"),
                            Some(date.to_string()),
                            format!(
                                "the {} supervision plan is published and sent to deputies at the start of the year, by {last}",
                                p.year
                            ),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::SupervisionPlanPublished {
                plan: plan.clone(),
            }])
        }
        Command::ChooseSupervisionTopic {
            plan,
            topic,
            deputy,
        } => {
            if actor.role == Role::Deputy && actor.id.as_str() != deputy.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the enrolling deputy",
                    entity: "supervision topic",
                    id: topic.to_string(),
                    rule: "permission-matrix §6.2 (annual supervision plan: enrolment, own)",
                });
            }
            let p = plan_of(st, plan)?;
            let t = topic_of(st, topic, "command.topic")?;
            if p.status != PlanStatus::Published {
                return Err(RendaError::rule_violation(
                    rule_codes::PLAN_NOT_PUBLISHED,
                    "W9 step 6, R-M17",
                    Some("command.plan"),
                    Some(plan.to_string()),
                    format!("deputies choose topics from plan `{plan}` once it is published"),
                ));
            }
            if !p.topics.contains(topic) {
                return Err(RendaError::InvalidField {
                    field: "command.topic".into(),
                    value: topic.to_string(),
                    reason: format!("is not a topic of plan `{plan}`"),
                });
            }
            let d = st.deputy(deputy, "command.deputy")?;
            if d.congress != p.congress {
                return Err(RendaError::rule_violation(
                    rule_codes::WRONG_CONGRESS,
                    "W9 step 6",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` sits in congress `{}`, not `{}`",
                        d.congress, p.congress
                    ),
                ));
            }
            require_status(
                st,
                deputy,
                date,
                "command.deputy",
                DeputyStatus::is_in_office,
            )?;
            if t.enrolled.iter().any(|(e, _)| e == deputy) {
                return Err(RendaError::AlreadyExists {
                    entity: "topic enrolment",
                    id: format!("{topic}/{deputy}"),
                });
            }
            Ok(vec![EventKind::SupervisionTopicChosen {
                plan: plan.clone(),
                topic: topic.clone(),
                deputy: deputy.clone(),
            }])
        }
        Command::AdjustSupervisionPlan {
            plan,
            add,
            drop,
            reason,
        } => {
            let p = plan_of(st, plan)?;
            let c = st.congress(&p.congress, "plan.congress")?;
            let rules = &book.in_force(c.level, date)?.oversight.plan;
            if !rules.allow_adjustment {
                return Err(RendaError::rule_violation(
                    rule_codes::PLAN_ADJUSTMENT_NOT_ALLOWED,
                    "L-20",
                    Some("command.plan"),
                    Some(plan.to_string()),
                    "the rule set in force does not allow an approved plan to be adjusted (the 2024 amendment of the Supervision Law does)",
                ));
            }
            if add.is_empty() && drop.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.add".into(),
                    value: "[]".into(),
                    reason: "an adjustment adds or drops at least one topic".into(),
                });
            }
            crate::suggestion::non_empty("command.reason", reason, 2000)?;
            check_topics(
                st,
                "command.add",
                add,
                &p.congress,
                p.year,
                &[TopicStatus::Shortlisted],
                rule_codes::TOPIC_NOT_SHORTLISTED,
                "W9 step 3, L-20",
            )?;
            for (i, t) in drop.iter().enumerate() {
                let f = format!("command.drop[{i}]");
                topic_of(st, t, &f)?;
                if !p.topics.contains(t) || drop[..i].contains(t) {
                    return Err(RendaError::InvalidField {
                        field: f,
                        value: t.to_string(),
                        reason: format!("must be a topic of plan `{plan}`, once"),
                    });
                }
            }
            Ok(vec![EventKind::SupervisionPlanAdjusted {
                plan: plan.clone(),
                added: add.clone(),
                dropped: drop.clone(),
                reason: reason.clone(),
            }])
        }
        other => unreachable!("not a supervision-plan command: {}", other.type_name()),
    }
}

/// The last day of month `m` (1–12) of `year`.
fn last_day_of_month(year: i32, m: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, m, 1)?;
    first.checked_add_months(chrono::Months::new(1))?.pred_opt()
}

// ---------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------

fn topic_mut<'s>(st: &'s mut State, id: &SupervisionTopicId) -> Result<&'s mut SupervisionTopic> {
    State::found_mut(
        &mut st.supervision_topics,
        id,
        "supervision topic",
        "event.topic",
    )
}

fn plan_mut<'s>(st: &'s mut State, id: &SupervisionPlanId) -> Result<&'s mut SupervisionPlan> {
    State::found_mut(
        &mut st.supervision_plans,
        id,
        "supervision plan",
        "event.plan",
    )
}

/// Applies a W9 plan event.
pub(crate) fn apply(st: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::SupervisionTopicProposed {
            topic,
            congress,
            year,
            source,
            title,
            proposer,
        } => {
            st.congress(congress, "event.congress")?;
            st.supervision_topics.insert(
                topic.clone(),
                SupervisionTopic {
                    id: topic.clone(),
                    congress: congress.clone(),
                    year: *year,
                    source: *source,
                    title: title.clone(),
                    proposer: proposer.clone(),
                    proposed_on: date,
                    status: TopicStatus::Proposed,
                    plan: None,
                    enrolled: Vec::new(),
                },
            );
        }
        EventKind::SupervisionTopicsShortlisted { topics, .. } => {
            for t in topics {
                topic_mut(st, t)?;
            }
            for t in topics {
                topic_mut(st, t)?.status = TopicStatus::Shortlisted;
            }
        }
        EventKind::SupervisionPlanApproved {
            plan,
            congress,
            year,
            topics,
            party_committee_ref,
            party_committee_approved_on,
        } => {
            st.congress(congress, "event.congress")?;
            for t in topics {
                topic_mut(st, t)?;
            }
            for t in topics {
                let topic = topic_mut(st, t)?;
                topic.status = TopicStatus::InPlan;
                topic.plan = Some(plan.clone());
            }
            st.supervision_plans.insert(
                plan.clone(),
                SupervisionPlan {
                    id: plan.clone(),
                    congress: congress.clone(),
                    year: *year,
                    topics: topics.clone(),
                    approved_on: date,
                    party_committee_ref: party_committee_ref.clone(),
                    party_committee_approved_on: *party_committee_approved_on,
                    status: PlanStatus::Approved,
                    published_on: None,
                    adjustments: Vec::new(),
                },
            );
        }
        EventKind::SupervisionPlanPublished { plan } => {
            let p = plan_mut(st, plan)?;
            p.status = PlanStatus::Published;
            p.published_on = Some(date);
        }
        EventKind::SupervisionTopicChosen {
            plan,
            topic,
            deputy,
        } => {
            plan_mut(st, plan)?;
            st.deputy(deputy, "event.deputy")?;
            topic_mut(st, topic)?.enrolled.push((deputy.clone(), date));
        }
        EventKind::SupervisionPlanAdjusted {
            plan,
            added,
            dropped,
            reason,
        } => {
            plan_mut(st, plan)?;
            for t in added.iter().chain(dropped) {
                topic_mut(st, t)?;
            }
            for t in added {
                let topic = topic_mut(st, t)?;
                topic.status = TopicStatus::InPlan;
                topic.plan = Some(plan.clone());
            }
            for t in dropped {
                topic_mut(st, t)?.status = TopicStatus::Dropped;
            }
            let p = plan_mut(st, plan)?;
            p.topics.retain(|t| !dropped.contains(t));
            p.topics.extend(added.iter().cloned());
            p.adjustments.push(PlanAdjustment {
                on: date,
                added: added.clone(),
                dropped: dropped.clone(),
                reason: reason.clone(),
            });
        }
        other => unreachable!("not a supervision-plan event: {}", other.type_name()),
    }
    Ok(())
}

fn corrupt(what: &str, id: &dyn std::fmt::Display, why: &str) -> RendaError {
    RendaError::InvalidField {
        field: format!("state.{what}.{id}"),
        value: String::new(),
        reason: format!("inconsistent record: {why}"),
    }
}

/// Checks the topics and plans of a snapshot: keys, congresses, deputies, and that a plan's
/// topics are in the plan and of its congress and year.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, t) in &st.supervision_topics {
        if &t.id != id {
            return Err(corrupt("supervision_topics", id, "key differs from id"));
        }
        st.congress(&t.congress, "state.supervision_topics.congress")?;
        for (d, _) in &t.enrolled {
            st.deputy(d, "state.supervision_topics.enrolled")?;
        }
        match (&t.plan, t.status) {
            (None, TopicStatus::Proposed | TopicStatus::Shortlisted) => {}
            (Some(p), TopicStatus::InPlan | TopicStatus::Dropped) => {
                let plan = st
                    .supervision_plans
                    .get(p)
                    .ok_or_else(|| corrupt("supervision_topics", id, "unknown plan"))?;
                if (t.status == TopicStatus::InPlan) != plan.topics.contains(id) {
                    return Err(corrupt(
                        "supervision_topics",
                        id,
                        "status disagrees with the plan",
                    ));
                }
            }
            _ => {
                return Err(corrupt(
                    "supervision_topics",
                    id,
                    "status and plan disagree",
                ))
            }
        }
    }
    for (id, p) in &st.supervision_plans {
        if &p.id != id {
            return Err(corrupt("supervision_plans", id, "key differs from id"));
        }
        st.congress(&p.congress, "state.supervision_plans.congress")?;
        for t in &p.topics {
            let topic = st
                .supervision_topics
                .get(t)
                .ok_or_else(|| corrupt("supervision_plans", id, "unknown topic"))?;
            if topic.plan.as_ref() != Some(id)
                || topic.congress != p.congress
                || topic.year != p.year
            {
                return Err(corrupt("supervision_plans", id, "topic of another plan"));
            }
        }
        if (p.status == PlanStatus::Published) != p.published_on.is_some() {
            return Err(corrupt("supervision_plans", id, "published without a date"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------

/// One topic in [`PlanView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRow {
    /// Id.
    pub topic: SupervisionTopicId,
    /// Title.
    pub title: String,
    /// Source.
    pub source: TopicSource,
    /// Proposer, if recorded.
    pub proposer: Option<String>,
    /// Status.
    pub status: TopicStatus,
    /// Deputies enrolled (W9 step 6), in the order they chose it.
    pub deputies: Vec<DeputyId>,
}

/// The supervision plan of a congress for a year, with every topic proposed for it
/// ([`Ledger::supervision_plan`]).
///
/// ```
/// let l = renda::Ledger::new(Default::default());
/// assert_eq!(l.supervision_plan(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanView {
    /// The congress.
    pub congress: CongressId,
    /// The year.
    pub year: i32,
    /// The plan, once approved.
    pub plan: Option<SupervisionPlanId>,
    /// Its status.
    pub status: Option<PlanStatus>,
    /// The Party committee's approval reference.
    pub party_committee_ref: Option<String>,
    /// Date approved.
    pub approved_on: Option<NaiveDate>,
    /// Date published.
    pub published_on: Option<NaiveDate>,
    /// Topics proposed (e.g. "387 proposals", [002:L153]).
    pub proposals: u32,
    /// Topics proposed, by source (every source, zeros included).
    pub by_source: BTreeMap<TopicSource, u32>,
    /// Topics shortlisted or later.
    pub shortlisted: u32,
    /// Topics in the plan now.
    pub in_plan: u32,
    /// Deputy enrolments over the plan's topics, in 人次 (276人次, [002:L397]).
    pub enrolments: u32,
    /// The plan's topics in plan order, then the other topics proposed for the year by id.
    pub topics: Vec<TopicRow>,
    /// Adjustments, oldest first.
    pub adjustments: Vec<PlanAdjustment>,
}

/// The plan view of `congress` for `year`.
pub fn plan_view(st: &State, congress: &CongressId, year: i32) -> Result<PlanView> {
    st.congress(congress, "congress")?;
    let plan = st
        .supervision_plans
        .values()
        .find(|p| &p.congress == congress && p.year == year);
    let of_year: Vec<&SupervisionTopic> = st
        .supervision_topics
        .values()
        .filter(|t| &t.congress == congress && t.year == year)
        .collect();
    let mut by_source: BTreeMap<TopicSource, u32> =
        TopicSource::ALL.iter().map(|s| (*s, 0)).collect();
    for t in &of_year {
        *by_source.entry(t.source).or_default() += 1;
    }
    let row = |t: &SupervisionTopic| TopicRow {
        topic: t.id.clone(),
        title: t.title.clone(),
        source: t.source,
        proposer: t.proposer.clone(),
        status: t.status,
        deputies: t.enrolled.iter().map(|(d, _)| d.clone()).collect(),
    };
    let mut topics: Vec<TopicRow> = Vec::new();
    if let Some(p) = plan {
        for id in &p.topics {
            if let Some(t) = st.supervision_topics.get(id) {
                topics.push(row(t));
            }
        }
    }
    for t in &of_year {
        if !plan.is_some_and(|p| p.topics.contains(&t.id)) {
            topics.push(row(t));
        }
    }
    Ok(PlanView {
        congress: congress.clone(),
        year,
        plan: plan.map(|p| p.id.clone()),
        status: plan.map(|p| p.status),
        party_committee_ref: plan.map(|p| p.party_committee_ref.clone()),
        approved_on: plan.map(|p| p.approved_on),
        published_on: plan.and_then(|p| p.published_on),
        proposals: of_year.len() as u32,
        by_source,
        shortlisted: of_year
            .iter()
            .filter(|t| t.status != TopicStatus::Proposed)
            .count() as u32,
        in_plan: plan.map_or(0, |p| p.topics.len() as u32),
        enrolments: of_year
            .iter()
            .filter(|t| t.status == TopicStatus::InPlan)
            .map(|t| t.enrolled.len() as u32)
            .sum(),
        topics,
        adjustments: plan.map(|p| p.adjustments.clone()).unwrap_or_default(),
    })
}

/// Parses a year argument (`"2024"`), or `invalid_field` naming `field`.
pub(crate) fn parse_year(field: &str, value: &str) -> Result<i32> {
    value
        .parse::<i32>()
        .ok()
        .filter(|y| (1949..=2200).contains(y) && value.len() == 4)
        .ok_or_else(|| RendaError::InvalidField {
            field: field.into(),
            value: crate::ids::truncate(value),
            reason: "expected a year such as 2024".into(),
        })
}

impl Ledger {
    /// The supervision plan of `congress` for `year` with every topic proposed for that year
    /// ([`PlanView`]); `not_found` for an unknown congress.
    pub fn supervision_plan(&self, congress: &CongressId, year: i32) -> Result<PlanView> {
        plan_view(self.state(), congress, year)
    }

    /// [`Ledger::supervision_plan`] as JSON, from string arguments (`year` as `"2024"`).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.supervision_plan_to_json("hd", "24").unwrap_err().field(), Some("year"));
    /// ```
    pub fn supervision_plan_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = parse_year("year", year)?;
        Ok(crate::wire::to_json(
            &self.supervision_plan(&congress, year)?,
        ))
    }
}
