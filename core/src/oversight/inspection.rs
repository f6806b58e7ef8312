//! Law-enforcement inspections (执法检查, W11; R-L1…R-L4): a congress's standing committee
//! checks how a law or local regulation is enforced, in small groups of deputies, lists the
//! issues it finds, reports to a standing-committee meeting with the issue list, issues a
//! review opinion, tracks rectification unit by unit and looks back (回头看) after a
//! transition period.
//!
//! Lifecycle: `planned` → `team_formed` → `checking` (issues recorded) → `reported` →
//! `opinion_issued` → `looked_back` → `closed`. Issues handed over during the inspection
//! ("边检查边交办边整改") may be rectified before the report; the others after it.
//!
//! ```
//! use renda::oversight::inspection::{InspectionStatus, LawKind};
//! assert_eq!(InspectionStatus::ALL.len(), 7);
//! assert_eq!(LawKind::LocalRegulation.as_str(), "local_regulation");
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, InspectionId, InspectionIssueId, MeetingId, UnitId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::text;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The inspection rules (W11, R-L1).
///
/// ```
/// let r = renda::oversight::inspection::InspectionRules::default();
/// assert!(r.reinspect_next_year);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InspectionRules {
    /// R-L1: a law is inspected in the year it takes effect **and again the next year**
    /// ([002:L387] "第二年再次开展"). `false`: only the year it takes effect is obliged.
    pub reinspect_next_year: bool,
}

impl Default for InspectionRules {
    fn default() -> Self {
        Self {
            reinspect_next_year: true,
        }
    }
}

/// National law or local regulation (延庆: 6 national laws and 4 local regulations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawKind {
    /// 法律 (a national law).
    NationalLaw,
    /// 地方性法规 (a local regulation).
    LocalRegulation,
}

impl LawKind {
    /// Every kind.
    pub const ALL: [LawKind; 2] = [Self::NationalLaw, Self::LocalRegulation];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NationalLaw => "national_law",
            Self::LocalRegulation => "local_regulation",
        }
    }
}

crate::labels::labelled!(LawKind {
    NationalLaw => ("法律", "National law"),
    LocalRegulation => ("地方性法规", "Local regulation"),
});

/// The status of an inspection (W11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InspectionStatus {
    /// Planned.
    Planned,
    /// The team of small groups is formed (R-L3).
    TeamFormed,
    /// Checking: issues are being recorded.
    Checking,
    /// Reported to a standing-committee meeting with the issue list (R-L2).
    Reported,
    /// The review opinion is issued.
    OpinionIssued,
    /// The look-back (回头看) is done (R-L4).
    LookedBack,
    /// Closed.
    Closed,
}

impl InspectionStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [InspectionStatus; 7] = [
        Self::Planned,
        Self::TeamFormed,
        Self::Checking,
        Self::Reported,
        Self::OpinionIssued,
        Self::LookedBack,
        Self::Closed,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::TeamFormed => "team_formed",
            Self::Checking => "checking",
            Self::Reported => "reported",
            Self::OpinionIssued => "opinion_issued",
            Self::LookedBack => "looked_back",
            Self::Closed => "closed",
        }
    }
}

crate::labels::labelled!(InspectionStatus {
    Planned => ("已列入计划", "Planned"),
    TeamFormed => ("检查组已组成", "Team formed"),
    Checking => ("检查中", "Checking"),
    Reported => ("已向常委会报告", "Reported"),
    OpinionIssued => ("已形成审议意见", "Review opinion issued"),
    LookedBack => ("已回头看", "Looked back"),
    Closed => ("已办结", "Closed"),
});

/// The law or regulation inspected.
///
/// ```
/// let l: renda::oversight::inspection::Law = serde_json::from_str(
///   r#"{"title":"北京市物业管理条例","kind":"local_regulation","effective_on":"2020-05-01"}"#).unwrap();
/// assert_eq!(l.effective_on.to_string(), "2020-05-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Its title; inspections of the same law share the same title (R-L1).
    pub title: String,
    /// National law or local regulation.
    pub kind: LawKind,
    /// The day it took effect.
    pub effective_on: NaiveDate,
}

/// A small group (小组) of the inspection team (R-L3).
///
/// ```
/// let g: renda::oversight::inspection::InspectionGroup = serde_json::from_str(
///   r#"{"name":"第一小组","leader":"张副主任","deputies":["D001","D002"]}"#).unwrap();
/// assert_eq!(g.deputies.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionGroup {
    /// The group's name.
    pub name: String,
    /// Its leader (a director, deputy director or committee chair).
    pub leader: String,
    /// The deputies taking part, each once.
    pub deputies: Vec<DeputyId>,
}

/// An issue as recorded on the issue list (问题清单, R-L2).
///
/// ```
/// let i: renda::oversight::inspection::IssueInput = serde_json::from_str(
///   r#"{"issue":"q1","unit":"housing","text":"物业服务不规范","handed_over":true}"#).unwrap();
/// assert!(i.handed_over);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    /// Id, unique within the inspection.
    pub issue: InspectionIssueId,
    /// The unit responsible for rectifying it.
    pub unit: UnitId,
    /// What was found.
    pub text: String,
    /// Handed over for rectification during the inspection (边检查边交办边整改).
    #[serde(default)]
    pub handed_over: bool,
}

/// An issue of an inspection as the ledger keeps it.
///
/// ```
/// let i: renda::oversight::inspection::InspectionIssue = serde_json::from_str(
///   r#"{"issue":"q1","unit":"housing","text":"t","handed_over":false,"recorded_on":"2024-05-10","rectified_on":null}"#).unwrap();
/// assert!(i.rectified_on.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionIssue {
    /// Id, unique within the inspection.
    pub issue: InspectionIssueId,
    /// The unit responsible.
    pub unit: UnitId,
    /// What was found.
    pub text: String,
    /// Handed over during the inspection.
    pub handed_over: bool,
    /// The day it was recorded.
    pub recorded_on: NaiveDate,
    /// The day the unit reported it rectified.
    pub rectified_on: Option<NaiveDate>,
}

/// The report heard at a standing-committee meeting (R-L2).
///
/// ```
/// let r: renda::oversight::inspection::InspectionReport = serde_json::from_str(
///   r#"{"meeting":"m","held_on":"2024-06-20","presenter":"张副主任","no_issues":false}"#).unwrap();
/// assert!(!r.no_issues);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionReport {
    /// The standing-committee meeting.
    pub meeting: MeetingId,
    /// Its date.
    pub held_on: NaiveDate,
    /// Who presented it (may be a deputy director, [002:L559]).
    pub presenter: String,
    /// The report states explicitly that no issues were found.
    pub no_issues: bool,
}

/// The look-back (回头看, R-L4).
///
/// ```
/// let l: renda::oversight::inspection::LookBack = serde_json::from_str(
///   r#"{"on":"2025-05-01","open_issues":["q2"]}"#).unwrap();
/// assert_eq!(l.open_issues.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookBack {
    /// The day.
    pub on: NaiveDate,
    /// The issues still open on that day.
    pub open_issues: Vec<InspectionIssueId>,
}

/// A law-enforcement inspection (W11).
///
/// ```
/// let i: renda::oversight::inspection::Inspection = serde_json::from_str(r#"{"id":"jc1",
///   "congress":"hd-17","year":2024,"law":{"title":"t","kind":"national_law","effective_on":"2024-01-01"},
///   "joint":false,"third_party":null,"transition_ends":null,"status":"planned","groups":[],
///   "issues":[],"report":null,"review_opinion":null,"opinion_issued_on":null,"look_back":null,
///   "closed_on":null}"#).unwrap();
/// assert_eq!(i.participations(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Id.
    pub id: InspectionId,
    /// The congress whose standing committee inspects.
    pub congress: CongressId,
    /// The year of the inspection.
    pub year: u32,
    /// The law inspected.
    pub law: Law,
    /// Joint with the higher-level congress (市区联动).
    pub joint: bool,
    /// A third party taking part, if any ([002:L575]).
    pub third_party: Option<String>,
    /// The end of a transition period, before which no look-back (R-L4).
    pub transition_ends: Option<NaiveDate>,
    /// Status.
    pub status: InspectionStatus,
    /// The small groups (R-L3).
    pub groups: Vec<InspectionGroup>,
    /// The issue list (R-L2).
    pub issues: Vec<InspectionIssue>,
    /// The report, once made.
    pub report: Option<InspectionReport>,
    /// The review opinion's text, once issued.
    pub review_opinion: Option<String>,
    /// The day the review opinion was issued.
    pub opinion_issued_on: Option<NaiveDate>,
    /// The look-back, once done.
    pub look_back: Option<LookBack>,
    /// The day it was closed.
    pub closed_on: Option<NaiveDate>,
}

impl Inspection {
    /// Deputy participations (人次): the deputies of every group, a deputy counted once per
    /// group.
    pub fn participations(&self) -> u32 {
        self.groups.iter().map(|g| g.deputies.len() as u32).sum()
    }

    /// Issues not yet rectified.
    pub fn open_issues(&self) -> impl Iterator<Item = &InspectionIssue> {
        self.issues.iter().filter(|i| i.rectified_on.is_none())
    }
}

pub(crate) fn year_of(d: NaiveDate) -> u32 {
    u32::try_from(d.year()).unwrap_or(0)
}

fn require<'a>(st: &'a State, id: &InspectionId) -> Result<&'a Inspection> {
    State::found(&st.inspections, id, "inspection", "command.inspection")
}

fn in_status<'a>(
    st: &'a State,
    id: &InspectionId,
    allowed: &[InspectionStatus],
    action: &'static str,
    rule: &'static str,
) -> Result<&'a Inspection> {
    let i = require(st, id)?;
    if !allowed.contains(&i.status) {
        return Err(RendaError::InvalidTransition {
            entity: "inspection",
            field: "command.inspection",
            id: id.to_string(),
            status: i.status.as_str(),
            action,
            rule,
        });
    }
    Ok(i)
}

/// Checks a command of the inspection family (W11) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    let _ = book;
    match command {
        Command::PlanInspection {
            inspection,
            congress,
            year,
            law,
            joint,
            third_party,
            transition_ends,
        } => {
            State::absent(&st.inspections, inspection, "inspection")?;
            st.congress(congress, "command.congress")?;
            check_name("command.law.title", &law.title)?;
            if let Some(t) = third_party {
                check_name("command.third_party", t)?;
            }
            if *year < year_of(law.effective_on) {
                return Err(RendaError::rule_violation(
                    rule_codes::INSPECTED_BEFORE_EFFECT,
                    "R-L1",
                    Some("command.year"),
                    Some(year.to_string()),
                    format!(
                        "`{}` takes effect on {}; it cannot be inspected in {year}",
                        law.title, law.effective_on
                    ),
                ));
            }
            Ok(vec![EventKind::InspectionPlanned {
                inspection: inspection.clone(),
                congress: congress.clone(),
                year: *year,
                law: law.clone(),
                joint: *joint,
                third_party: third_party.clone(),
                transition_ends: *transition_ends,
            }])
        }
        Command::FormInspectionTeam { inspection, groups } => {
            let i = in_status(
                st,
                inspection,
                &[InspectionStatus::Planned],
                "form the team of",
                "W11, R-L3",
            )?;
            if groups.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::INSPECTION_TEAM_INCOMPLETE,
                    "R-L3",
                    Some("command.groups"),
                    None,
                    "an inspection is carried out by at least one small group",
                ));
            }
            for (n, g) in groups.iter().enumerate() {
                check_name(&format!("command.groups[{n}].name"), &g.name)?;
                check_name(&format!("command.groups[{n}].leader"), &g.leader)?;
                if g.deputies.is_empty() {
                    return Err(RendaError::rule_violation(
                        rule_codes::INSPECTION_TEAM_INCOMPLETE,
                        "R-L3",
                        Some(&format!("command.groups[{n}].deputies")),
                        None,
                        format!("group `{}` has no deputies", g.name),
                    ));
                }
                let mut seen = BTreeSet::new();
                for (k, d) in g.deputies.iter().enumerate() {
                    let field = format!("command.groups[{n}].deputies[{k}]");
                    let dep = st.deputy(d, &field)?;
                    if !seen.insert(d) {
                        return Err(RendaError::InvalidField {
                            field,
                            value: d.to_string(),
                            reason: "listed twice in the group".into(),
                        });
                    }
                    if !i.joint && dep.congress != i.congress {
                        return Err(RendaError::rule_violation(
                            rule_codes::WRONG_CONGRESS,
                            "W11, R-L3",
                            Some(&field),
                            Some(d.to_string()),
                            format!(
                                "deputy `{d}` sits in `{}`; only a joint inspection (市区联动) takes deputies of another congress",
                                dep.congress
                            ),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::InspectionTeamFormed {
                inspection: inspection.clone(),
                groups: groups.clone(),
            }])
        }
        Command::RecordInspectionIssues { inspection, issues } => {
            let i = in_status(
                st,
                inspection,
                &[InspectionStatus::TeamFormed, InspectionStatus::Checking],
                "record issues of",
                "W11, R-L2",
            )?;
            if issues.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.issues".into(),
                    value: "[]".into(),
                    reason: "must list at least one issue".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (n, x) in issues.iter().enumerate() {
                st.unit(&x.unit, &format!("command.issues[{n}].unit"))?;
                text(&format!("command.issues[{n}].text"), &x.text)?;
                if !seen.insert(&x.issue) || i.issues.iter().any(|o| o.issue == x.issue) {
                    return Err(RendaError::AlreadyExists {
                        entity: "inspection issue",
                        id: format!("{inspection}/{}", x.issue),
                    });
                }
            }
            Ok(vec![EventKind::InspectionIssuesRecorded {
                inspection: inspection.clone(),
                issues: issues.clone(),
            }])
        }
        Command::ReportInspection {
            inspection,
            meeting,
            presenter,
            no_issues,
        } => {
            let i = in_status(
                st,
                inspection,
                &[InspectionStatus::TeamFormed, InspectionStatus::Checking],
                "report",
                "W11, R-L2",
            )?;
            require_body(
                st,
                meeting,
                &i.congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            check_name("command.presenter", presenter)?;
            if i.issues.is_empty() && !no_issues {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUE_LIST_REQUIRED,
                    "R-L2",
                    Some("command.no_issues"),
                    Some("false".into()),
                    "the report comes with an issue list: record the issues, or state `no_issues`",
                ));
            }
            if !i.issues.is_empty() && *no_issues {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUE_LIST_REQUIRED,
                    "R-L2",
                    Some("command.no_issues"),
                    Some("true".into()),
                    format!("{} issues are on the list", i.issues.len()),
                ));
            }
            Ok(vec![EventKind::InspectionReported {
                inspection: inspection.clone(),
                meeting: meeting.clone(),
                presenter: presenter.clone(),
                no_issues: *no_issues,
            }])
        }
        Command::IssueInspectionReviewOpinion {
            inspection,
            text: t,
        } => {
            in_status(
                st,
                inspection,
                &[InspectionStatus::Reported],
                "issue the review opinion on",
                "W11",
            )?;
            text("command.text", t)?;
            Ok(vec![EventKind::InspectionReviewOpinionIssued {
                inspection: inspection.clone(),
                text: t.clone(),
            }])
        }
        Command::RectifyInspectionIssue { inspection, issue } => {
            let i = require(st, inspection)?;
            let x = i.issues.iter().find(|x| &x.issue == issue).ok_or_else(|| {
                RendaError::NotFound {
                    entity: "inspection issue",
                    id: issue.to_string(),
                    field: "command.issue".into(),
                }
            })?;
            if actor.role == Role::HandlingUnit && actor.id.as_str() != x.unit.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the unit responsible for the issue",
                    entity: "inspection issue",
                    id: issue.to_string(),
                    rule: "R-L2",
                });
            }
            if i.status == InspectionStatus::Closed {
                return Err(RendaError::InvalidTransition {
                    entity: "inspection",
                    field: "command.inspection",
                    id: inspection.to_string(),
                    status: i.status.as_str(),
                    action: "rectify an issue of",
                    rule: "W11",
                });
            }
            if let Some(on) = x.rectified_on {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUE_ALREADY_RECTIFIED,
                    "R-L2",
                    Some("command.issue"),
                    Some(issue.to_string()),
                    format!("rectified on {on}"),
                ));
            }
            if i.report.is_none() && !x.handed_over {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUE_NOT_HANDED_OVER,
                    "W11 (边检查边交办边整改)",
                    Some("command.issue"),
                    Some(issue.to_string()),
                    "before the report only issues handed over during the inspection are rectified",
                ));
            }
            Ok(vec![EventKind::InspectionIssueRectified {
                inspection: inspection.clone(),
                issue: issue.clone(),
            }])
        }
        Command::LookBackInspection { inspection } => {
            let i = in_status(
                st,
                inspection,
                &[InspectionStatus::Reported, InspectionStatus::OpinionIssued],
                "look back on",
                "W11, R-L4",
            )?;
            if let Some(end) = i.transition_ends {
                if date < end {
                    return Err(RendaError::rule_violation(
                        rule_codes::LOOK_BACK_TOO_EARLY,
                        "R-L4",
                        Some("at"),
                        Some(date.to_string()),
                        format!("the transition period ends on {end}"),
                    ));
                }
            }
            Ok(vec![EventKind::InspectionLookedBack {
                inspection: inspection.clone(),
                open_issues: i.open_issues().map(|x| x.issue.clone()).collect(),
            }])
        }
        Command::CloseInspection { inspection } => {
            let i = in_status(
                st,
                inspection,
                &[
                    InspectionStatus::Reported,
                    InspectionStatus::OpinionIssued,
                    InspectionStatus::LookedBack,
                ],
                "close",
                "W11",
            )?;
            let open = i.open_issues().count();
            if open > 0 && i.look_back.is_none() {
                return Err(RendaError::rule_violation(
                    rule_codes::INSPECTION_ISSUES_OPEN,
                    "W11, R-L2, R-L4",
                    Some("command.inspection"),
                    Some(inspection.to_string()),
                    format!("{open} issues are open and no look-back was done"),
                ));
            }
            Ok(vec![EventKind::InspectionClosed {
                inspection: inspection.clone(),
            }])
        }
        _ => unreachable!("inspection::decide is only called with inspection commands"),
    }
}

fn get_mut<'a>(state: &'a mut State, id: &InspectionId) -> Result<&'a mut Inspection> {
    State::found_mut(&mut state.inspections, id, "inspection", "event.inspection")
}

/// Applies an event of the inspection family; `not_found` for dangling references.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::InspectionPlanned {
            inspection,
            congress,
            year,
            law,
            joint,
            third_party,
            transition_ends,
        } => {
            state.congress(congress, "event.congress")?;
            state.inspections.insert(
                inspection.clone(),
                Inspection {
                    id: inspection.clone(),
                    congress: congress.clone(),
                    year: *year,
                    law: law.clone(),
                    joint: *joint,
                    third_party: third_party.clone(),
                    transition_ends: *transition_ends,
                    status: InspectionStatus::Planned,
                    groups: Vec::new(),
                    issues: Vec::new(),
                    report: None,
                    review_opinion: None,
                    opinion_issued_on: None,
                    look_back: None,
                    closed_on: None,
                },
            );
        }
        EventKind::InspectionTeamFormed { inspection, groups } => {
            for g in groups {
                for d in &g.deputies {
                    state.deputy(d, "event.groups.deputies")?;
                }
            }
            let i = get_mut(state, inspection)?;
            i.groups = groups.clone();
            i.status = InspectionStatus::TeamFormed;
        }
        EventKind::InspectionIssuesRecorded { inspection, issues } => {
            for x in issues {
                state.unit(&x.unit, "event.issues.unit")?;
            }
            let i = get_mut(state, inspection)?;
            i.issues.extend(issues.iter().map(|x| InspectionIssue {
                issue: x.issue.clone(),
                unit: x.unit.clone(),
                text: x.text.clone(),
                handed_over: x.handed_over,
                recorded_on: date,
                rectified_on: None,
            }));
            i.status = InspectionStatus::Checking;
        }
        EventKind::InspectionReported {
            inspection,
            meeting,
            presenter,
            no_issues,
        } => {
            let held_on =
                crate::oversight::meeting::require(state, meeting, "event.meeting")?.held_on;
            let i = get_mut(state, inspection)?;
            i.report = Some(InspectionReport {
                meeting: meeting.clone(),
                held_on,
                presenter: presenter.clone(),
                no_issues: *no_issues,
            });
            i.status = InspectionStatus::Reported;
        }
        EventKind::InspectionReviewOpinionIssued { inspection, text } => {
            let i = get_mut(state, inspection)?;
            i.review_opinion = Some(text.clone());
            i.opinion_issued_on = Some(date);
            i.status = InspectionStatus::OpinionIssued;
        }
        EventKind::InspectionIssueRectified { inspection, issue } => {
            let i = get_mut(state, inspection)?;
            let x = i
                .issues
                .iter_mut()
                .find(|x| &x.issue == issue)
                .ok_or_else(|| RendaError::NotFound {
                    entity: "inspection issue",
                    id: issue.to_string(),
                    field: "event.issue".into(),
                })?;
            x.rectified_on = Some(date);
        }
        EventKind::InspectionLookedBack {
            inspection,
            open_issues,
        } => {
            let i = get_mut(state, inspection)?;
            i.look_back = Some(LookBack {
                on: date,
                open_issues: open_issues.clone(),
            });
            i.status = InspectionStatus::LookedBack;
        }
        EventKind::InspectionClosed { inspection } => {
            let i = get_mut(state, inspection)?;
            i.closed_on = Some(date);
            i.status = InspectionStatus::Closed;
        }
        _ => unreachable!("inspection::apply is only called with inspection events"),
    }
    Ok(())
}

/// Checks the inspections of a snapshot: keys match ids, references resolve.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, i) in &st.inspections {
        if &i.id != id {
            return Err(RendaError::InvalidField {
                field: "state.inspections".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", i.id),
            });
        }
        st.congress(&i.congress, "state.inspections.congress")?;
        for g in &i.groups {
            for d in &g.deputies {
                st.deputy(d, "state.inspections.groups.deputies")?;
            }
        }
        for x in &i.issues {
            st.unit(&x.unit, "state.inspections.issues.unit")?;
        }
        if let Some(r) = &i.report {
            crate::oversight::meeting::require(st, &r.meeting, "state.inspections.report.meeting")?;
        }
    }
    Ok(())
}

/// Adds the inspections reported at standing-committee meetings held from `from` to `to`
/// (`inspections` and `reports_heard`) and the review opinions issued then
/// (`review_opinions`).
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut super::Outputs,
) {
    for i in st.inspections.values().filter(|i| &i.congress == congress) {
        if let Some(r) = &i.report {
            if r.held_on >= from && r.held_on <= to {
                out.inspections += 1;
                out.reports_heard += 1;
            }
        }
        if let Some(d) = i.opinion_issued_on {
            if d >= from && d <= to {
                out.review_opinions += 1;
            }
        }
    }
}

/// One inspection in the [`Ledger::inspections`] query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionRow {
    /// Id.
    pub inspection: InspectionId,
    /// The law's title.
    pub law: String,
    /// National law or local regulation.
    pub law_kind: LawKind,
    /// Joint with the higher-level congress.
    pub joint: bool,
    /// Status.
    pub status: InspectionStatus,
    /// Small groups.
    pub groups: u32,
    /// Deputy participations (人次).
    pub participations: u32,
    /// Issues on the list.
    pub issues: u32,
    /// Issues not yet rectified.
    pub issues_open: u32,
    /// Issues rectified.
    pub issues_rectified: u32,
    /// The meeting that heard the report.
    pub reported_at: Option<MeetingId>,
    /// Who presented it.
    pub presenter: Option<String>,
    /// A review opinion was issued.
    pub review_opinion: bool,
    /// Issues open at the look-back, if one was done.
    pub open_at_look_back: Option<u32>,
}

/// One law in the [`Ledger::inspection_obligations`] query (R-L1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationRow {
    /// The law's title.
    pub law: String,
    /// The day it took effect.
    pub effective_on: NaiveDate,
    /// The years R-L1 asks for an inspection, up to the query's year.
    pub required_in: Vec<u32>,
    /// The years the congress inspected it (planned inspections), any year.
    pub inspected_in: Vec<u32>,
    /// Required years without an inspection.
    pub missing: Vec<u32>,
    /// Whether R-L1 is met so far.
    pub met: bool,
}

impl Ledger {
    /// The inspections of `congress` in `year`, ordered by id, as they stand now.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.inspections(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn inspections(&self, congress: &CongressId, year: u32) -> Result<Vec<InspectionRow>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        Ok(st
            .inspections
            .values()
            .filter(|i| &i.congress == congress && i.year == year)
            .map(|i| {
                let open = i.open_issues().count() as u32;
                InspectionRow {
                    inspection: i.id.clone(),
                    law: i.law.title.clone(),
                    law_kind: i.law.kind,
                    joint: i.joint,
                    status: i.status,
                    groups: i.groups.len() as u32,
                    participations: i.participations(),
                    issues: i.issues.len() as u32,
                    issues_open: open,
                    issues_rectified: i.issues.len() as u32 - open,
                    reported_at: i.report.as_ref().map(|r| r.meeting.clone()),
                    presenter: i.report.as_ref().map(|r| r.presenter.clone()),
                    review_opinion: i.review_opinion.is_some(),
                    open_at_look_back: i.look_back.as_ref().map(|l| l.open_issues.len() as u32),
                }
            })
            .collect())
    }

    /// R-L1 for `congress` in `year`: every law that took effect in `year - 1` or `year`,
    /// ordered by title, with the years an inspection is required (the year it takes effect
    /// and, if [`InspectionRules::reinspect_next_year`], the next), the years it was inspected
    /// and what is missing. Laws are known from the inspections planned (any congress's: a
    /// law never planned for inspection is not listed); the rule set is the one in force on
    /// 31 December of `year`.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.inspection_obligations(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn inspection_obligations(
        &self,
        congress: &CongressId,
        year: u32,
    ) -> Result<Vec<ObligationRow>> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        let end = NaiveDate::from_ymd_opt(year as i32, 12, 31).ok_or_else(|| {
            RendaError::InvalidField {
                field: "year".into(),
                value: year.to_string(),
                reason: "not a valid year".into(),
            }
        })?;
        let rules = &self.rules().in_force(c.level, end)?.oversight.inspection;
        let mut laws: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for i in st.inspections.values() {
            let e = year_of(i.law.effective_on);
            if e == year || e + 1 == year {
                laws.entry(i.law.title.as_str())
                    .or_insert(i.law.effective_on);
            }
        }
        Ok(laws
            .into_iter()
            .map(|(title, effective_on)| {
                let e = year_of(effective_on);
                let mut required_in = vec![e];
                if rules.reinspect_next_year && e < year {
                    required_in.push(e + 1);
                }
                let inspected_in: Vec<u32> = st
                    .inspections
                    .values()
                    .filter(|i| &i.congress == congress && i.law.title == title)
                    .map(|i| i.year)
                    .collect::<BTreeSet<u32>>()
                    .into_iter()
                    .collect();
                let missing: Vec<u32> = required_in
                    .iter()
                    .copied()
                    .filter(|y| !inspected_in.contains(y))
                    .collect();
                ObligationRow {
                    law: title.to_string(),
                    effective_on,
                    met: missing.is_empty(),
                    required_in,
                    inspected_in,
                    missing,
                }
            })
            .collect())
    }
}

/// Parses a year argument of a JSON query (`invalid_field` naming `field` otherwise).
pub(crate) fn parse_year(field: &str, value: &str) -> Result<u32> {
    value
        .parse::<u32>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| RendaError::InvalidField {
            field: field.into(),
            value: crate::ids::truncate(value),
            reason: "must be a year (1 to 9999)".into(),
        })
}

impl Ledger {
    /// [`Ledger::inspections`] with text arguments, as a JSON array.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.inspections_to_json("hd", "x").unwrap_err().field(), Some("year"));
    /// ```
    pub fn inspections_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = parse_year("year", year)?;
        Ok(crate::wire::to_json(&self.inspections(&congress, year)?))
    }

    /// [`Ledger::inspection_obligations`] with text arguments, as a JSON array.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.inspection_obligations_to_json("hd", "2024").unwrap_err().code(), "not_found");
    /// ```
    pub fn inspection_obligations_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = parse_year("year", year)?;
        Ok(crate::wire::to_json(
            &self.inspection_obligations(&congress, year)?,
        ))
    }
}
