//! Livelihood projects (重要民生实事, W19; S001-7, S001-11): deputies and voters propose
//! projects for a year (247 proposals for 2025), the congress or its standing committee
//! approves the list at a meeting with due dates (a decision), deputies monitor projects on
//! site ("查进度、督质量、促成效"; 19 monitored in 2024), the government completes them on time or
//! late (32 all on time in 2024) and its completion report is heard at a standing-committee
//! meeting.
//!
//! ```
//! use renda::oversight::livelihood::ProjectStatus;
//! assert_eq!(ProjectStatus::ALL.len(), 3);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, LivelihoodProjectId, MeetingId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::state::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Who proposed a project (W19 step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalOrigin {
    /// Deputies (向代表征集).
    Deputies,
    /// Voters and residents.
    Voters,
}

impl ProposalOrigin {
    /// Every origin.
    pub const ALL: [ProposalOrigin; 2] = [Self::Deputies, Self::Voters];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Deputies => "deputies",
            Self::Voters => "voters",
        }
    }
}

crate::labels::labelled!(ProposalOrigin {
    Deputies => ("代表提出", "Proposed by deputies"),
    Voters => ("选民提出", "Proposed by voters"),
});

/// The status of a livelihood project (W19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Proposed.
    Proposed,
    /// Approved by the congress or its standing committee, being implemented.
    Approved,
    /// Completed (on time or late).
    Completed,
}

impl ProjectStatus {
    /// Every status.
    pub const ALL: [ProjectStatus; 3] = [Self::Proposed, Self::Approved, Self::Completed];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Approved => "approved",
            Self::Completed => "completed",
        }
    }
}

crate::labels::labelled!(ProjectStatus {
    Proposed => ("已征集", "Proposed"),
    Approved => ("已批准实施", "Approved"),
    Completed => ("已完成", "Completed"),
});

/// A project on an approved list, with its due date.
///
/// ```
/// let p: renda::oversight::livelihood::ApprovedProject = serde_json::from_str(
///   r#"{"project":"ms1","due_on":"2025-12-31"}"#).unwrap();
/// assert_eq!(p.due_on.to_string(), "2025-12-31");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovedProject {
    /// The project.
    pub project: LivelihoodProjectId,
    /// When it is due.
    pub due_on: NaiveDate,
}

/// A monitoring visit by deputies (查进度、督质量、促成效).
///
/// ```
/// let v: renda::oversight::livelihood::MonitoringVisit = serde_json::from_str(
///   r#"{"on":"2025-06-01","deputies":["D001"],"note":null}"#).unwrap();
/// assert_eq!(v.deputies.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringVisit {
    /// The day.
    pub on: NaiveDate,
    /// The deputies visiting.
    pub deputies: Vec<DeputyId>,
    /// What they found.
    pub note: Option<String>,
}

/// A livelihood project as the ledger keeps it.
///
/// ```
/// let p: renda::oversight::livelihood::LivelihoodProject = serde_json::from_str(r#"{"id":"ms1",
///   "congress":"hd-17","year":2025,"title":"新增养老床位","origin":"deputies","proposed_on":"2024-10-08",
///   "status":"proposed","approved_at":null,"due_on":null,"visits":[],"completed_on":null}"#).unwrap();
/// assert_eq!(p.on_time(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LivelihoodProject {
    /// Id.
    pub id: LivelihoodProjectId,
    /// The congress.
    pub congress: CongressId,
    /// The year it is for.
    pub year: u32,
    /// Title.
    pub title: String,
    /// Who proposed it.
    pub origin: ProposalOrigin,
    /// The day it was proposed.
    pub proposed_on: NaiveDate,
    /// Status.
    pub status: ProjectStatus,
    /// The meeting that approved it.
    pub approved_at: Option<MeetingId>,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Monitoring visits.
    pub visits: Vec<MonitoringVisit>,
    /// The day it was completed.
    pub completed_on: Option<NaiveDate>,
}

impl LivelihoodProject {
    /// Completed by its due date: `None` while not completed.
    pub fn on_time(&self) -> Option<bool> {
        match (self.completed_on, self.due_on) {
            (Some(c), Some(d)) => Some(c <= d),
            _ => None,
        }
    }
}

/// An approval of a year's project list at a meeting (a decision, W19 step 3).
///
/// ```
/// let d: renda::oversight::livelihood::LivelihoodDecision = serde_json::from_str(r#"{
///   "meeting":"m","congress":"hd-17","year":2025,"held_on":"2025-01-10","projects":["ms1"]}"#).unwrap();
/// assert_eq!(d.projects.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LivelihoodDecision {
    /// The meeting (of the congress or its standing committee).
    pub meeting: MeetingId,
    /// The congress.
    pub congress: CongressId,
    /// The year of the projects.
    pub year: u32,
    /// The meeting's date.
    pub held_on: NaiveDate,
    /// The projects approved.
    pub projects: Vec<LivelihoodProjectId>,
}

/// The government's completion report heard at a standing-committee meeting (W19 step 7).
///
/// ```
/// let r: renda::oversight::livelihood::CompletionReport = serde_json::from_str(
///   r#"{"meeting":"m","congress":"hd-17","year":2024,"held_on":"2024-12-20"}"#).unwrap();
/// assert_eq!(r.year, 2024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompletionReport {
    /// The standing-committee meeting.
    pub meeting: MeetingId,
    /// The congress.
    pub congress: CongressId,
    /// The year of the projects.
    pub year: u32,
    /// The meeting's date.
    pub held_on: NaiveDate,
}

fn project<'a>(
    st: &'a State,
    id: &LivelihoodProjectId,
    field: &str,
) -> Result<&'a LivelihoodProject> {
    State::found(&st.livelihood_projects, id, "livelihood project", field)
}

fn wrong_status(p: &LivelihoodProject, field: &'static str, action: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "livelihood project",
        field,
        id: p.id.to_string(),
        status: p.status.as_str(),
        action,
        rule: "W19",
    }
}

/// Checks a command of the livelihood family (W19) and returns its events.
pub(crate) fn decide(
    st: &State,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::ProposeLivelihoodProject {
            project,
            congress,
            year,
            title,
            origin,
        } => {
            State::absent(&st.livelihood_projects, project, "livelihood project")?;
            st.congress(congress, "command.congress")?;
            check_name("command.title", title)?;
            Ok(vec![EventKind::LivelihoodProjectProposed {
                project: project.clone(),
                congress: congress.clone(),
                year: *year,
                title: title.clone(),
                origin: *origin,
            }])
        }
        Command::ApproveLivelihoodProjects {
            congress,
            meeting,
            year,
            projects,
        } => {
            st.congress(congress, "command.congress")?;
            let m = require_body(
                st,
                meeting,
                congress,
                &[Body::Congress, Body::StandingCommittee],
                "command.meeting",
            )?;
            State::absent(&st.livelihood_decisions, meeting, "livelihood decision")?;
            if projects.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.projects".into(),
                    value: "[]".into(),
                    reason: "must list at least one project".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (n, a) in projects.iter().enumerate() {
                let field = format!("command.projects[{n}].project");
                let p = project(st, &a.project, &field)?;
                if !seen.insert(&a.project) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: a.project.to_string(),
                        reason: "listed twice".into(),
                    });
                }
                if &p.congress != congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "W19",
                        Some(&field),
                        Some(a.project.to_string()),
                        format!("project `{}` belongs to `{}`", a.project, p.congress),
                    ));
                }
                if p.year != *year {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_PROJECT_YEAR,
                        "W19",
                        Some(&field),
                        Some(a.project.to_string()),
                        format!(
                            "project `{}` is for {}, the list for {year}",
                            a.project, p.year
                        ),
                    ));
                }
                if p.status != ProjectStatus::Proposed {
                    return Err(wrong_status(p, "command.projects", "approve"));
                }
                if a.due_on < m.held_on {
                    return Err(RendaError::InvalidField {
                        field: format!("command.projects[{n}].due_on"),
                        value: a.due_on.to_string(),
                        reason: format!("before the meeting ({})", m.held_on),
                    });
                }
            }
            Ok(vec![EventKind::LivelihoodProjectsApproved {
                congress: congress.clone(),
                meeting: meeting.clone(),
                year: *year,
                projects: projects.clone(),
            }])
        }
        Command::MonitorLivelihoodProject {
            project: id,
            deputies,
            note,
        } => {
            let p = project(st, id, "command.project")?;
            if p.status != ProjectStatus::Approved {
                return Err(wrong_status(p, "command.project", "monitor"));
            }
            if deputies.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.deputies".into(),
                    value: "[]".into(),
                    reason: "must list at least one deputy".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (n, d) in deputies.iter().enumerate() {
                let field = format!("command.deputies[{n}]");
                let dep = st.deputy(d, &field)?;
                if !seen.insert(d) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: d.to_string(),
                        reason: "listed twice".into(),
                    });
                }
                if dep.congress != p.congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "W19",
                        Some(&field),
                        Some(d.to_string()),
                        format!("deputy `{d}` sits in `{}`", dep.congress),
                    ));
                }
            }
            if actor.role == Role::Deputy
                && !deputies.iter().any(|d| d.as_str() == actor.id.as_str())
            {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "one of the visiting deputies",
                    entity: "livelihood project",
                    id: id.to_string(),
                    rule: "W19",
                });
            }
            if let Some(n) = note {
                crate::suggestion::non_empty("command.note", n, 2000)?;
            }
            Ok(vec![EventKind::LivelihoodProjectMonitored {
                project: id.clone(),
                deputies: deputies.clone(),
                note: note.clone(),
            }])
        }
        Command::CompleteLivelihoodProject {
            project: id,
            completed_on,
        } => {
            let p = project(st, id, "command.project")?;
            if p.status != ProjectStatus::Approved {
                return Err(wrong_status(p, "command.project", "complete"));
            }
            if *completed_on > date {
                return Err(RendaError::rule_violation(
                    rule_codes::DATE_IN_FUTURE,
                    "W19",
                    Some("command.completed_on"),
                    Some(completed_on.to_string()),
                    format!("recorded on {date}"),
                ));
            }
            let approved_on = p
                .approved_at
                .as_ref()
                .and_then(|m| st.meetings.get(m))
                .map(|m| m.held_on);
            if approved_on.is_some_and(|a| *completed_on < a) {
                return Err(RendaError::InvalidField {
                    field: "command.completed_on".into(),
                    value: completed_on.to_string(),
                    reason: "before the project was approved".into(),
                });
            }
            let on_time = p.due_on.is_none_or(|d| *completed_on <= d);
            Ok(vec![EventKind::LivelihoodProjectCompleted {
                project: id.clone(),
                completed_on: *completed_on,
                on_time,
            }])
        }
        Command::ReportLivelihoodCompletion {
            congress,
            meeting,
            year,
        } => {
            st.congress(congress, "command.congress")?;
            require_body(
                st,
                meeting,
                congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            State::absent(
                &st.livelihood_reports,
                meeting,
                "livelihood completion report",
            )?;
            if !st.livelihood_projects.values().any(|p| {
                &p.congress == congress && p.year == *year && p.status != ProjectStatus::Proposed
            }) {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_APPROVED_PROJECTS,
                    "W19",
                    Some("command.year"),
                    Some(year.to_string()),
                    format!("no livelihood project of {year} was approved"),
                ));
            }
            Ok(vec![EventKind::LivelihoodCompletionReported {
                congress: congress.clone(),
                meeting: meeting.clone(),
                year: *year,
            }])
        }
        _ => unreachable!("livelihood::decide is only called with W19 commands"),
    }
}

fn project_mut<'a>(
    state: &'a mut State,
    id: &LivelihoodProjectId,
) -> Result<&'a mut LivelihoodProject> {
    State::found_mut(
        &mut state.livelihood_projects,
        id,
        "livelihood project",
        "event.project",
    )
}

/// Applies an event of the livelihood family; `not_found` for dangling references.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::LivelihoodProjectProposed {
            project,
            congress,
            year,
            title,
            origin,
        } => {
            state.congress(congress, "event.congress")?;
            state.livelihood_projects.insert(
                project.clone(),
                LivelihoodProject {
                    id: project.clone(),
                    congress: congress.clone(),
                    year: *year,
                    title: title.clone(),
                    origin: *origin,
                    proposed_on: date,
                    status: ProjectStatus::Proposed,
                    approved_at: None,
                    due_on: None,
                    visits: Vec::new(),
                    completed_on: None,
                },
            );
        }
        EventKind::LivelihoodProjectsApproved {
            congress,
            meeting,
            year,
            projects,
        } => {
            let held_on =
                crate::oversight::meeting::require(state, meeting, "event.meeting")?.held_on;
            for a in projects {
                project_mut(state, &a.project)?;
            }
            for a in projects {
                let p = project_mut(state, &a.project)?;
                p.status = ProjectStatus::Approved;
                p.approved_at = Some(meeting.clone());
                p.due_on = Some(a.due_on);
            }
            state.livelihood_decisions.insert(
                meeting.clone(),
                LivelihoodDecision {
                    meeting: meeting.clone(),
                    congress: congress.clone(),
                    year: *year,
                    held_on,
                    projects: projects.iter().map(|a| a.project.clone()).collect(),
                },
            );
        }
        EventKind::LivelihoodProjectMonitored {
            project,
            deputies,
            note,
        } => {
            for d in deputies {
                state.deputy(d, "event.deputies")?;
            }
            project_mut(state, project)?.visits.push(MonitoringVisit {
                on: date,
                deputies: deputies.clone(),
                note: note.clone(),
            });
        }
        EventKind::LivelihoodProjectCompleted {
            project,
            completed_on,
            ..
        } => {
            let p = project_mut(state, project)?;
            p.completed_on = Some(*completed_on);
            p.status = ProjectStatus::Completed;
        }
        EventKind::LivelihoodCompletionReported {
            congress,
            meeting,
            year,
        } => {
            let held_on =
                crate::oversight::meeting::require(state, meeting, "event.meeting")?.held_on;
            state.livelihood_reports.insert(
                meeting.clone(),
                CompletionReport {
                    meeting: meeting.clone(),
                    congress: congress.clone(),
                    year: *year,
                    held_on,
                },
            );
        }
        _ => unreachable!("livelihood::apply is only called with W19 events"),
    }
    Ok(())
}

/// Checks the livelihood records of a snapshot.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, p) in &st.livelihood_projects {
        if &p.id != id {
            return Err(RendaError::InvalidField {
                field: "state.livelihood_projects".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", p.id),
            });
        }
        st.congress(&p.congress, "state.livelihood_projects.congress")?;
        for v in &p.visits {
            for d in &v.deputies {
                st.deputy(d, "state.livelihood_projects.visits.deputies")?;
            }
        }
    }
    for (id, d) in &st.livelihood_decisions {
        if &d.meeting != id {
            return Err(RendaError::InvalidField {
                field: "state.livelihood_decisions".into(),
                value: id.to_string(),
                reason: "the record's meeting differs from its key".into(),
            });
        }
        crate::oversight::meeting::require(st, id, "state.livelihood_decisions")?;
        for p in &d.projects {
            project(st, p, "state.livelihood_decisions.projects")?;
        }
    }
    for (id, r) in &st.livelihood_reports {
        if &r.meeting != id {
            return Err(RendaError::InvalidField {
                field: "state.livelihood_reports".into(),
                value: id.to_string(),
                reason: "the record's meeting differs from its key".into(),
            });
        }
        crate::oversight::meeting::require(st, id, "state.livelihood_reports")?;
    }
    Ok(())
}

/// Adds the approvals of project lists at meetings held from `from` to `to`
/// (`resolutions_and_decisions`, one per meeting) and the completion reports heard then
/// (`reports_heard`).
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut super::Outputs,
) {
    let within = |d: NaiveDate| d >= from && d <= to;
    out.resolutions_and_decisions += st
        .livelihood_decisions
        .values()
        .filter(|d| &d.congress == congress && within(d.held_on))
        .count() as u32;
    out.reports_heard += st
        .livelihood_reports
        .values()
        .filter(|r| &r.congress == congress && within(r.held_on))
        .count() as u32;
}

/// One project in [`LivelihoodFigures`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRow {
    /// Id.
    pub project: LivelihoodProjectId,
    /// Title.
    pub title: String,
    /// Status.
    pub status: ProjectStatus,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Monitoring visits.
    pub visits: u32,
    /// When it was completed.
    pub completed_on: Option<NaiveDate>,
    /// Completed by its due date.
    pub on_time: Option<bool>,
}

/// The livelihood projects of a congress for a year ([`Ledger::livelihood_projects`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivelihoodFigures {
    /// Projects proposed (S001-11: 247 for 2025).
    pub proposed: u32,
    /// Projects approved.
    pub approved: u32,
    /// Approved projects visited by deputies at least once (S001-7: 19).
    pub monitored: u32,
    /// Completed by the due date (S001-7: 32).
    pub completed_on_time: u32,
    /// Completed after the due date.
    pub completed_late: u32,
    /// Approved and not completed.
    pub open: u32,
    /// The meetings that approved lists.
    pub decisions: Vec<MeetingId>,
    /// The meetings that heard completion reports.
    pub completion_reports: Vec<MeetingId>,
    /// Every project proposed, ordered by id.
    pub projects: Vec<ProjectRow>,
}

impl Ledger {
    /// The livelihood projects of `congress` for `year`, as they stand now.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.livelihood_projects(&"hd".parse().unwrap(), 2025).unwrap_err().code(), "not_found");
    /// ```
    pub fn livelihood_projects(
        &self,
        congress: &CongressId,
        year: u32,
    ) -> Result<LivelihoodFigures> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let ps: Vec<&LivelihoodProject> = st
            .livelihood_projects
            .values()
            .filter(|p| &p.congress == congress && p.year == year)
            .collect();
        let approved: Vec<&&LivelihoodProject> = ps
            .iter()
            .filter(|p| p.status != ProjectStatus::Proposed)
            .collect();
        let count = |f: &dyn Fn(&LivelihoodProject) -> bool| {
            approved.iter().filter(|p| f(p)).count() as u32
        };
        Ok(LivelihoodFigures {
            proposed: ps.len() as u32,
            approved: approved.len() as u32,
            monitored: count(&|p| !p.visits.is_empty()),
            completed_on_time: count(&|p| p.on_time() == Some(true)),
            completed_late: count(&|p| p.on_time() == Some(false)),
            open: count(&|p| p.status == ProjectStatus::Approved),
            decisions: st
                .livelihood_decisions
                .values()
                .filter(|d| &d.congress == congress && d.year == year)
                .map(|d| d.meeting.clone())
                .collect(),
            completion_reports: st
                .livelihood_reports
                .values()
                .filter(|r| &r.congress == congress && r.year == year)
                .map(|r| r.meeting.clone())
                .collect(),
            projects: ps
                .iter()
                .map(|p| ProjectRow {
                    project: p.id.clone(),
                    title: p.title.clone(),
                    status: p.status,
                    due_on: p.due_on,
                    visits: p.visits.len() as u32,
                    completed_on: p.completed_on,
                    on_time: p.on_time(),
                })
                .collect(),
        })
    }
}

impl Ledger {
    /// [`Ledger::livelihood_projects`] with text arguments, as a JSON object.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.livelihood_projects_to_json("hd", "2025").unwrap_err().code(), "not_found");
    /// ```
    pub fn livelihood_projects_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = crate::oversight::inspection::parse_year("year", year)?;
        Ok(crate::wire::to_json(
            &self.livelihood_projects(&congress, year)?,
        ))
    }
}
