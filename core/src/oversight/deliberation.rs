//! Deputies' deliberation opinions from the congress session and follow-up on congress
//! resolutions (W14, 西城 [002:L621–627]; R-M6, R-M7).
//!
//! Opinions: `recorded` (one recorder per delegation, R-M6) → `routed` by the director meeting
//! (into the standing committee's work plan when they are about the congress's own work, to
//! the government when they are about government work) → `handling_reported` (the director
//! meeting hears the government's report on them, in the fourth quarter, R-M7).
//!
//! Resolutions: a follow-up plan names the years a resolution is followed; each year has four
//! duties ("四个坚持", [`ResolutionDuty`]).
//!
//! ```
//! use renda::oversight::deliberation::{OpinionAbout, OpinionRoute};
//! assert_eq!(OpinionAbout::GovernmentWork.route(), OpinionRoute::Government);
//! ```

use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, MeetingId, OpinionId, ResolutionId, SessionId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::inspection::year_of;
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The deliberation-opinion rules (W14, R-M7).
///
/// ```
/// let r = renda::oversight::deliberation::DeliberationRules::default();
/// assert_eq!(r.handling_report_quarter, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeliberationRules {
    /// R-M7: the quarter (1–4) in which the director meeting hears the government's report on
    /// the opinions routed to it ("每年四季度", [002:L623]). 4.
    pub handling_report_quarter: u32,
}

impl Default for DeliberationRules {
    fn default() -> Self {
        Self {
            handling_report_quarter: 4,
        }
    }
}

/// What a deliberation opinion is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpinionAbout {
    /// The congress's (and its standing committee's) own work.
    CongressWork,
    /// Government work.
    GovernmentWork,
}

impl OpinionAbout {
    /// Every value.
    pub const ALL: [OpinionAbout; 2] = [Self::CongressWork, Self::GovernmentWork];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CongressWork => "congress_work",
            Self::GovernmentWork => "government_work",
        }
    }

    /// Where the director meeting routes such an opinion (W14, [002:L623]).
    pub fn route(self) -> OpinionRoute {
        match self {
            Self::CongressWork => OpinionRoute::ScWorkPlan,
            Self::GovernmentWork => OpinionRoute::Government,
        }
    }
}

crate::labels::labelled!(OpinionAbout {
    CongressWork => ("人大工作", "The congress's own work"),
    GovernmentWork => ("政府工作", "Government work"),
});

/// Where the director meeting routes an opinion (W14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpinionRoute {
    /// Into the standing committee's work plan for the year (吸纳到常委会全年工作安排).
    ScWorkPlan,
    /// To the government for study and handling (交区政府研究处理).
    Government,
}

impl OpinionRoute {
    /// Every value.
    pub const ALL: [OpinionRoute; 2] = [Self::ScWorkPlan, Self::Government];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ScWorkPlan => "sc_work_plan",
            Self::Government => "government",
        }
    }
}

crate::labels::labelled!(OpinionRoute {
    ScWorkPlan => ("纳入常委会工作安排", "Into the SC work plan"),
    Government => ("交政府研究处理", "To the government"),
});

/// The status of a deliberation opinion (W14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpinionStatus {
    /// Recorded by the delegation's recorder.
    Recorded,
    /// Routed by the director meeting.
    Routed,
    /// The government's handling report was heard (R-M7).
    HandlingReported,
}

impl OpinionStatus {
    /// Every status.
    pub const ALL: [OpinionStatus; 3] = [Self::Recorded, Self::Routed, Self::HandlingReported];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Recorded => "recorded",
            Self::Routed => "routed",
            Self::HandlingReported => "handling_reported",
        }
    }
}

crate::labels::labelled!(OpinionStatus {
    Recorded => ("已记录", "Recorded"),
    Routed => ("已分办", "Routed"),
    HandlingReported => ("已听取办理情况报告", "Handling report heard"),
});

/// A duty of a resolution's yearly follow-up ("四个坚持", [002:L627]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionDuty {
    /// An inspection or research on the latest results (视察调研).
    InspectionOrResearch,
    /// The standing committee hears and reviews a report on it (听取审议决议落实情况报告).
    ScReportAndReview,
    /// A report to the congress (in the government work report or in writing).
    ReportToCongress,
    /// Expanded special supervision (专项工作监督).
    SpecialSupervision,
}

impl ResolutionDuty {
    /// Every duty.
    pub const ALL: [ResolutionDuty; 4] = [
        Self::InspectionOrResearch,
        Self::ScReportAndReview,
        Self::ReportToCongress,
        Self::SpecialSupervision,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InspectionOrResearch => "inspection_or_research",
            Self::ScReportAndReview => "sc_report_and_review",
            Self::ReportToCongress => "report_to_congress",
            Self::SpecialSupervision => "special_supervision",
        }
    }
}

crate::labels::labelled!(ResolutionDuty {
    InspectionOrResearch => ("视察调研", "Inspection or research"),
    ScReportAndReview => ("听取审议决议落实情况报告", "SC report and review"),
    ReportToCongress => ("向大会报告决议落实情况", "Report to the congress"),
    SpecialSupervision => ("专项工作监督", "Special supervision"),
});

/// A deliberation opinion as the ledger keeps it.
///
/// ```
/// let o: renda::oversight::deliberation::DeliberationOpinion = serde_json::from_str(r#"{
///   "id":"op1","congress":"xc-17","session":"xc-17-1","delegation":"金融街代表团","recorder":"王文",
///   "text":"t","about":"government_work","status":"recorded","recorded_on":"2024-01-08",
///   "route":null,"routed_at":null,"handling_reported_at":null}"#).unwrap();
/// assert_eq!(o.status.as_str(), "recorded");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliberationOpinion {
    /// Id.
    pub id: OpinionId,
    /// The congress.
    pub congress: CongressId,
    /// The session during which it was voiced.
    pub session: SessionId,
    /// The delegation (代表团).
    pub delegation: String,
    /// Who recorded it: the delegation's one recorder (R-M6).
    pub recorder: String,
    /// The opinion.
    pub text: String,
    /// Congress work or government work.
    pub about: OpinionAbout,
    /// Status.
    pub status: OpinionStatus,
    /// The day recorded.
    pub recorded_on: NaiveDate,
    /// Where it was routed.
    pub route: Option<OpinionRoute>,
    /// The director meeting that routed it.
    pub routed_at: Option<MeetingId>,
    /// The director meeting that heard the government's handling report.
    pub handling_reported_at: Option<MeetingId>,
}

/// A duty done for a resolution in a year.
///
/// ```
/// let d: renda::oversight::deliberation::DutyRecord = serde_json::from_str(
///   r#"{"year":2024,"duty":"report_to_congress","recorded_on":"2024-12-20","note":null}"#).unwrap();
/// assert_eq!(d.year, 2024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyRecord {
    /// The year followed.
    pub year: u32,
    /// The duty.
    pub duty: ResolutionDuty,
    /// The day recorded.
    pub recorded_on: NaiveDate,
    /// A note.
    pub note: Option<String>,
}

/// A resolution's follow-up plan and the duties done (W14).
///
/// ```
/// let r: renda::oversight::deliberation::ResolutionFollowUp = serde_json::from_str(r#"{
///   "id":"res1","congress":"xc-17","title":"关于……的决议","years":[2023,2024],"duties":[]}"#).unwrap();
/// assert_eq!(r.years, vec![2023, 2024]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolutionFollowUp {
    /// Id.
    pub id: ResolutionId,
    /// The congress that adopted the resolution.
    pub congress: CongressId,
    /// Its title.
    pub title: String,
    /// The years it is followed, ascending.
    pub years: Vec<u32>,
    /// The duties done, in the order recorded.
    pub duties: Vec<DutyRecord>,
}

fn opinion<'a>(st: &'a State, id: &OpinionId) -> Result<&'a DeliberationOpinion> {
    State::found(
        &st.deliberation_opinions,
        id,
        "deliberation opinion",
        "command.opinion",
    )
}

/// The quarter (1–4) of a date.
fn quarter(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// Checks a command of the deliberation family (W14) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::RecordDeliberationOpinion {
            opinion,
            congress,
            session,
            delegation,
            recorder,
            text,
            about,
        } => {
            State::absent(&st.deliberation_opinions, opinion, "deliberation opinion")?;
            st.congress(congress, "command.congress")?;
            let s = State::found(&st.sessions, session, "session", "command.session")?;
            if &s.congress != congress {
                return Err(RendaError::rule_violation(
                    rule_codes::WRONG_CONGRESS,
                    "W14",
                    Some("command.session"),
                    Some(session.to_string()),
                    format!("session `{session}` belongs to `{}`", s.congress),
                ));
            }
            check_name("command.delegation", delegation)?;
            check_name("command.recorder", recorder)?;
            crate::suggestion::non_empty("command.text", text, 2000)?;
            if let Some(other) = st.deliberation_opinions.values().find(|o| {
                &o.session == session && &o.delegation == delegation && &o.recorder != recorder
            }) {
                return Err(RendaError::rule_violation(
                    rule_codes::SECOND_RECORDER,
                    "R-M6",
                    Some("command.recorder"),
                    Some(recorder.clone()),
                    format!(
                        "delegation `{delegation}` sends one recorder to session `{session}`: `{}`",
                        other.recorder
                    ),
                ));
            }
            Ok(vec![EventKind::DeliberationOpinionRecorded {
                opinion: opinion.clone(),
                congress: congress.clone(),
                session: session.clone(),
                delegation: delegation.clone(),
                recorder: recorder.clone(),
                text: text.clone(),
                about: *about,
            }])
        }
        Command::RouteDeliberationOpinion {
            opinion: id,
            meeting,
            route,
        } => {
            let o = opinion(st, id)?;
            if o.status != OpinionStatus::Recorded {
                return Err(RendaError::InvalidTransition {
                    entity: "deliberation opinion",
                    field: "command.opinion",
                    id: id.to_string(),
                    status: o.status.as_str(),
                    action: "route",
                    rule: "W14",
                });
            }
            require_body(
                st,
                meeting,
                &o.congress,
                &[Body::DirectorMeeting],
                "command.meeting",
            )?;
            if o.about.route() != *route {
                return Err(RendaError::rule_violation(
                    rule_codes::ROUTE_MISMATCH,
                    "W14 [002:L623]",
                    Some("command.route"),
                    Some(route.as_str().into()),
                    format!(
                        "an opinion on {} goes {}",
                        o.about.as_str(),
                        o.about.route().as_str()
                    ),
                ));
            }
            Ok(vec![EventKind::DeliberationOpinionRouted {
                opinion: id.clone(),
                meeting: meeting.clone(),
                route: *route,
            }])
        }
        Command::ReportDeliberationHandling {
            congress,
            meeting,
            opinions,
        } => {
            let c = st.congress(congress, "command.congress")?;
            let m = require_body(
                st,
                meeting,
                congress,
                &[Body::DirectorMeeting],
                "command.meeting",
            )?;
            let q = book
                .in_force(c.level, m.held_on)?
                .oversight
                .deliberation
                .handling_report_quarter;
            if quarter(m.held_on) != q {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_IN_REPORT_QUARTER,
                    "R-M7",
                    Some("command.meeting"),
                    Some(m.held_on.to_string()),
                    format!("the director meeting hears the government's report in quarter {q}"),
                ));
            }
            if opinions.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.opinions".into(),
                    value: "[]".into(),
                    reason: "must list at least one opinion".into(),
                });
            }
            let mut seen = BTreeSet::new();
            for (n, id) in opinions.iter().enumerate() {
                let field = format!("command.opinions[{n}]");
                let o = st
                    .deliberation_opinions
                    .get(id)
                    .ok_or_else(|| RendaError::NotFound {
                        entity: "deliberation opinion",
                        id: id.to_string(),
                        field: field.clone(),
                    })?;
                if !seen.insert(id) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: id.to_string(),
                        reason: "listed twice".into(),
                    });
                }
                if &o.congress != congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "W14",
                        Some(&field),
                        Some(id.to_string()),
                        format!("opinion `{id}` belongs to `{}`", o.congress),
                    ));
                }
                if o.status != OpinionStatus::Routed || o.route != Some(OpinionRoute::Government) {
                    return Err(RendaError::InvalidTransition {
                        entity: "deliberation opinion",
                        field: "command.opinions",
                        id: id.to_string(),
                        status: o.status.as_str(),
                        action: "hear the government's handling report on",
                        rule: "W14, R-M7 (only opinions routed to the government)",
                    });
                }
            }
            Ok(vec![EventKind::DeliberationHandlingReported {
                congress: congress.clone(),
                meeting: meeting.clone(),
                opinions: opinions.clone(),
            }])
        }
        Command::PlanResolutionFollowUp {
            resolution,
            congress,
            title,
            years,
        } => {
            State::absent(&st.resolution_follow_ups, resolution, "resolution")?;
            st.congress(congress, "command.congress")?;
            check_name("command.title", title)?;
            if years.is_empty() || years.windows(2).any(|w| w[0] >= w[1]) {
                return Err(RendaError::InvalidField {
                    field: "command.years".into(),
                    value: format!("{years:?}"),
                    reason: "must list at least one year, ascending, each once".into(),
                });
            }
            Ok(vec![EventKind::ResolutionFollowUpPlanned {
                resolution: resolution.clone(),
                congress: congress.clone(),
                title: title.clone(),
                years: years.clone(),
            }])
        }
        Command::RecordResolutionDuty {
            resolution,
            year,
            duty,
            note,
        } => {
            let r = State::found(
                &st.resolution_follow_ups,
                resolution,
                "resolution",
                "command.resolution",
            )?;
            if !r.years.contains(year) {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_A_FOLLOW_UP_YEAR,
                    "W14",
                    Some("command.year"),
                    Some(year.to_string()),
                    format!("resolution `{resolution}` is followed in {:?}", r.years),
                ));
            }
            if *year > year_of(date) {
                return Err(RendaError::rule_violation(
                    rule_codes::DATE_IN_FUTURE,
                    "W14",
                    Some("command.year"),
                    Some(year.to_string()),
                    format!("a duty of {year} cannot be recorded on {date}"),
                ));
            }
            if let Some(n) = note {
                crate::suggestion::non_empty("command.note", n, 2000)?;
            }
            if r.duties.iter().any(|d| d.year == *year && d.duty == *duty) {
                return Err(RendaError::AlreadyExists {
                    entity: "resolution duty",
                    id: format!("{resolution}/{year}/{}", duty.as_str()),
                });
            }
            Ok(vec![EventKind::ResolutionDutyRecorded {
                resolution: resolution.clone(),
                year: *year,
                duty: *duty,
                note: note.clone(),
            }])
        }
        _ => unreachable!("deliberation::decide is only called with W14 commands"),
    }
}

fn opinion_mut<'a>(state: &'a mut State, id: &OpinionId) -> Result<&'a mut DeliberationOpinion> {
    State::found_mut(
        &mut state.deliberation_opinions,
        id,
        "deliberation opinion",
        "event.opinion",
    )
}

/// Applies an event of the deliberation family; `not_found` for dangling references.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::DeliberationOpinionRecorded {
            opinion,
            congress,
            session,
            delegation,
            recorder,
            text,
            about,
        } => {
            state.congress(congress, "event.congress")?;
            state.deliberation_opinions.insert(
                opinion.clone(),
                DeliberationOpinion {
                    id: opinion.clone(),
                    congress: congress.clone(),
                    session: session.clone(),
                    delegation: delegation.clone(),
                    recorder: recorder.clone(),
                    text: text.clone(),
                    about: *about,
                    status: OpinionStatus::Recorded,
                    recorded_on: date,
                    route: None,
                    routed_at: None,
                    handling_reported_at: None,
                },
            );
        }
        EventKind::DeliberationOpinionRouted {
            opinion,
            meeting,
            route,
        } => {
            crate::oversight::meeting::require(state, meeting, "event.meeting")?;
            let o = opinion_mut(state, opinion)?;
            o.route = Some(*route);
            o.routed_at = Some(meeting.clone());
            o.status = OpinionStatus::Routed;
        }
        EventKind::DeliberationHandlingReported {
            meeting, opinions, ..
        } => {
            crate::oversight::meeting::require(state, meeting, "event.meeting")?;
            for id in opinions {
                opinion_mut(state, id)?;
            }
            for id in opinions {
                let o = opinion_mut(state, id)?;
                o.handling_reported_at = Some(meeting.clone());
                o.status = OpinionStatus::HandlingReported;
            }
        }
        EventKind::ResolutionFollowUpPlanned {
            resolution,
            congress,
            title,
            years,
        } => {
            state.congress(congress, "event.congress")?;
            state.resolution_follow_ups.insert(
                resolution.clone(),
                ResolutionFollowUp {
                    id: resolution.clone(),
                    congress: congress.clone(),
                    title: title.clone(),
                    years: years.clone(),
                    duties: Vec::new(),
                },
            );
        }
        EventKind::ResolutionDutyRecorded {
            resolution,
            year,
            duty,
            note,
        } => {
            let r = State::found_mut(
                &mut state.resolution_follow_ups,
                resolution,
                "resolution",
                "event.resolution",
            )?;
            r.duties.push(DutyRecord {
                year: *year,
                duty: *duty,
                recorded_on: date,
                note: note.clone(),
            });
        }
        _ => unreachable!("deliberation::apply is only called with W14 events"),
    }
    Ok(())
}

/// Checks the opinions and resolution follow-ups of a snapshot.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, o) in &st.deliberation_opinions {
        if &o.id != id {
            return Err(RendaError::InvalidField {
                field: "state.deliberation_opinions".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", o.id),
            });
        }
        st.congress(&o.congress, "state.deliberation_opinions.congress")?;
        for m in o.routed_at.iter().chain(o.handling_reported_at.iter()) {
            crate::oversight::meeting::require(st, m, "state.deliberation_opinions.meeting")?;
        }
    }
    for (id, r) in &st.resolution_follow_ups {
        if &r.id != id {
            return Err(RendaError::InvalidField {
                field: "state.resolution_follow_ups".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", r.id),
            });
        }
        st.congress(&r.congress, "state.resolution_follow_ups.congress")?;
    }
    Ok(())
}

/// One opinion in the [`Ledger::deliberation_opinions`] query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionRow {
    /// Id.
    pub opinion: OpinionId,
    /// The delegation.
    pub delegation: String,
    /// Its recorder.
    pub recorder: String,
    /// What it is about.
    pub about: OpinionAbout,
    /// Status.
    pub status: OpinionStatus,
    /// Where it was routed.
    pub route: Option<OpinionRoute>,
    /// The director meeting that heard the handling report.
    pub handling_reported_at: Option<MeetingId>,
}

/// One resolution in the [`Ledger::resolution_follow_up`] query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpRow {
    /// The resolution.
    pub resolution: ResolutionId,
    /// Its title.
    pub title: String,
    /// The duties done in the year, in [`ResolutionDuty::ALL`] order.
    pub done: Vec<ResolutionDuty>,
    /// The duties missing in the year, in the same order.
    pub missing: Vec<ResolutionDuty>,
}

impl Ledger {
    /// The deliberation opinions of `congress` voiced at `session`, ordered by id.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.deliberation_opinions(&"xc".parse().unwrap(), &"xc-1".parse().unwrap());
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn deliberation_opinions(
        &self,
        congress: &CongressId,
        session: &SessionId,
    ) -> Result<Vec<OpinionRow>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        Ok(st
            .deliberation_opinions
            .values()
            .filter(|o| &o.congress == congress && &o.session == session)
            .map(|o| OpinionRow {
                opinion: o.id.clone(),
                delegation: o.delegation.clone(),
                recorder: o.recorder.clone(),
                about: o.about,
                status: o.status,
                route: o.route,
                handling_reported_at: o.handling_reported_at.clone(),
            })
            .collect())
    }

    /// The resolutions of `congress` followed in `year`, ordered by id: the four yearly
    /// duties done and missing (W14).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.resolution_follow_up(&"xc".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn resolution_follow_up(
        &self,
        congress: &CongressId,
        year: u32,
    ) -> Result<Vec<FollowUpRow>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        Ok(st
            .resolution_follow_ups
            .values()
            .filter(|r| &r.congress == congress && r.years.contains(&year))
            .map(|r| {
                let (done, missing) = ResolutionDuty::ALL
                    .iter()
                    .partition(|d| r.duties.iter().any(|x| x.year == year && x.duty == **d));
                FollowUpRow {
                    resolution: r.id.clone(),
                    title: r.title.clone(),
                    done,
                    missing,
                }
            })
            .collect())
    }
}

impl Ledger {
    /// [`Ledger::deliberation_opinions`] with text arguments, as a JSON array.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.deliberation_opinions_to_json("xc", "s1").unwrap_err().code(), "not_found");
    /// ```
    pub fn deliberation_opinions_to_json(&self, congress: &str, session: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let session = SessionId::new(session)?;
        Ok(crate::wire::to_json(
            &self.deliberation_opinions(&congress, &session)?,
        ))
    }

    /// [`Ledger::resolution_follow_up`] with text arguments, as a JSON array.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.resolution_follow_up_to_json("xc", "20x4").unwrap_err().field(), Some("year"));
    /// ```
    pub fn resolution_follow_up_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let year = crate::oversight::inspection::parse_year("year", year)?;
        Ok(crate::wire::to_json(
            &self.resolution_follow_up(&congress, year)?,
        ))
    }
}
