//! Supervision overlays on suggestions (督办, W1 step 7; issue 4 item 4): several can run at
//! once on one suggestion, each led by someone, and deputies can be appointed supervision
//! monitors (代表建议督办监督员, [002:L689][001]).
//!
//! | Mode | 督办 | Who starts and ends it (besides the office, which keeps the supervision ledger for every mode) |
//! |---|---|---|
//! | `key` | 重点督办 (the suggestion must be designated key, W2) | director meeting, standing committee |
//! | `tracking` | 跟踪督办 | director meeting |
//! | `ledger` | 挂账督办 [002:L1169] | director meeting |
//! | `counterpart` | 对口督办 (专业对口) | special committee |
//! | `coordinated` | 统筹督办 | the office only |
//! | `assessment` | 考核督办 [002:L1253] | director meeting, standing committee |
//! | `concentrated` | 集中专项督办 | street working committee |
//! | `deputy_participation` | 代表参与督办 | the office only |
//!
//! Overlays are kept per suggestion in [`State::supervision`]; [`Ledger::supervision_monitor`]
//! lists the suggestions under active supervision with their due dates.
//!
//! ```
//! use renda::supervision::SupervisionMode;
//! use renda::Role;
//! assert!(SupervisionMode::Counterpart.led_by(Role::SpecialCommittee));
//! assert!(!SupervisionMode::Counterpart.led_by(Role::StreetWorkingCommittee));
//! assert!(SupervisionMode::Coordinated.led_by(Role::DeputyAffairsOffice));
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::deputy::workflow::require_status;
use crate::deputy::DeputyStatus;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, SuggestionId, UnitId};
use crate::key_suggestion::{require_key, transition};
use crate::ledger::{check_name, Ledger};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::{Suggestion, SuggestionStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A kind of supervision overlay (W1 step 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionMode {
    /// 重点督办, led by the director or deputy directors ([003 §17]); key suggestions only.
    Key,
    /// 跟踪督办.
    Tracking,
    /// 挂账督办 [002:L1169].
    Ledger,
    /// 对口督办 by the special or working committee of the field.
    Counterpart,
    /// 统筹督办 by the office (代表联络室).
    Coordinated,
    /// 考核督办 [002:L1253].
    Assessment,
    /// 集中专项督办 by the street working committees.
    Concentrated,
    /// 代表参与督办.
    DeputyParticipation,
}

impl SupervisionMode {
    /// Every mode.
    pub const ALL: [SupervisionMode; 8] = [
        Self::Key,
        Self::Tracking,
        Self::Ledger,
        Self::Counterpart,
        Self::Coordinated,
        Self::Assessment,
        Self::Concentrated,
        Self::DeputyParticipation,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Key => "key",
            Self::Tracking => "tracking",
            Self::Ledger => "ledger",
            Self::Counterpart => "counterpart",
            Self::Coordinated => "coordinated",
            Self::Assessment => "assessment",
            Self::Concentrated => "concentrated",
            Self::DeputyParticipation => "deputy_participation",
        }
    }

    /// Whether `role` may start and end overlays of this mode (the table in the module docs).
    pub fn led_by(self, role: Role) -> bool {
        use Role as R;
        if role == R::DeputyAffairsOffice {
            return true;
        }
        match self {
            Self::Key | Self::Assessment => {
                matches!(role, R::DirectorMeeting | R::StandingCommittee)
            }
            Self::Tracking | Self::Ledger => role == R::DirectorMeeting,
            Self::Counterpart => role == R::SpecialCommittee,
            Self::Concentrated => role == R::StreetWorkingCommittee,
            Self::Coordinated | Self::DeputyParticipation => false,
        }
    }
}

crate::labels::labelled!(SupervisionMode {
    Key => ("重点督办", "Key supervision"),
    Tracking => ("跟踪督办", "Tracking supervision"),
    Ledger => ("挂账督办", "Ledger supervision"),
    Counterpart => ("对口督办", "Counterpart supervision"),
    Coordinated => ("统筹督办", "Coordinated supervision"),
    Assessment => ("考核督办", "Assessment supervision"),
    Concentrated => ("集中专项督办", "Concentrated supervision"),
    DeputyParticipation => ("代表参与督办", "Supervision with deputies"),
});

/// One overlay as started (and perhaps ended).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionOverlay {
    /// The mode.
    pub mode: SupervisionMode,
    /// Who leads it (a leader's name or a committee).
    pub lead: String,
    /// The role that started it.
    pub started_by: Role,
    /// The day it started.
    pub started_on: NaiveDate,
    /// The day it ended, if it has.
    pub ended_on: Option<NaiveDate>,
}

impl SupervisionOverlay {
    /// Running at the end of `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.started_on <= date && self.ended_on.is_none_or(|e| e > date)
    }
}

/// A supervision monitor (代表建议督办监督员) appointed for a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionMonitor {
    /// The deputy.
    pub deputy: DeputyId,
    /// The day appointed.
    pub appointed_on: NaiveDate,
}

/// The supervision of one suggestion: every overlay it has had and its monitors.
///
/// ```
/// use renda::supervision::SuggestionSupervision;
/// let s: SuggestionSupervision = serde_json::from_str(r#"{"suggestion":"S1","overlays":[
///   {"mode":"tracking","lead":"代表联络室","started_by":"deputy_affairs_office",
///    "started_on":"2024-03-01","ended_on":null}],"monitors":[]}"#).unwrap();
/// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// assert_eq!(s.active_on(d("2024-03-01")).count(), 1);
/// assert!(s.ever(renda::supervision::SupervisionMode::Tracking, d("2024-12-31")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionSupervision {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// Overlays, in the order started.
    pub overlays: Vec<SupervisionOverlay>,
    /// Monitors, in the order appointed.
    pub monitors: Vec<SupervisionMonitor>,
}

impl SuggestionSupervision {
    fn new(suggestion: SuggestionId) -> Self {
        Self {
            suggestion,
            overlays: Vec::new(),
            monitors: Vec::new(),
        }
    }

    /// The overlays running at the end of `date`.
    pub fn active_on(&self, date: NaiveDate) -> impl Iterator<Item = &SupervisionOverlay> {
        self.overlays.iter().filter(move |o| o.active_on(date))
    }

    /// Whether an overlay of `mode` ran at some time up to `date`.
    pub fn ever(&self, mode: SupervisionMode, date: NaiveDate) -> bool {
        self.overlays
            .iter()
            .any(|o| o.mode == mode && o.started_on <= date)
    }

    fn running(&self, mode: SupervisionMode) -> Option<&SupervisionOverlay> {
        self.overlays
            .iter()
            .find(|o| o.mode == mode && o.ended_on.is_none())
    }
}

/// Statuses in which supervision can start: assigned and not finished.
const SUPERVISABLE: [SuggestionStatus; 4] = [
    SuggestionStatus::Assigned,
    SuggestionStatus::Replied,
    SuggestionStatus::Rehandling,
    SuggestionStatus::InPlan,
];

fn supervisable<'a>(
    st: &'a State,
    id: &SuggestionId,
    action: &'static str,
) -> Result<&'a Suggestion> {
    let s = st.suggestion(id)?;
    if !SUPERVISABLE.contains(&s.status) {
        return Err(transition(s, action, "W1 step 7"));
    }
    Ok(s)
}

fn mode_for_role(actor: &Actor, mode: SupervisionMode) -> Result<()> {
    if mode.led_by(actor.role) {
        return Ok(());
    }
    Err(RendaError::rule_violation(
        rule_codes::MODE_NOT_FOR_ROLE,
        "W1 step 7 (who leads each supervision mode)",
        Some("command.mode"),
        Some(mode.as_str().into()),
        format!(
            "`{}` does not lead {} supervision",
            actor.role.as_str(),
            mode.as_str()
        ),
    ))
}

/// Checks a command of the supervision family (W1 step 7) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::StartSupervision {
            suggestion,
            mode,
            lead,
        } => {
            mode_for_role(actor, *mode)?;
            let s = supervisable(st, suggestion, "start supervising")?;
            st.rules_for(book, s, date)?;
            if *mode == SupervisionMode::Key {
                require_key(st, suggestion, "command.suggestion", "W1 step 7, W2")?;
            }
            if st
                .supervision
                .get(suggestion)
                .and_then(|r| r.running(*mode))
                .is_some()
            {
                return Err(RendaError::AlreadyExists {
                    entity: "supervision overlay",
                    id: format!("{suggestion}/{}", mode.as_str()),
                });
            }
            check_name("command.lead", lead)?;
            Ok(vec![EventKind::SupervisionStarted {
                suggestion: suggestion.clone(),
                mode: *mode,
                lead: lead.clone(),
                by: actor.role,
            }])
        }
        Command::EndSupervision { suggestion, mode } => {
            mode_for_role(actor, *mode)?;
            st.suggestion(suggestion)?;
            if st
                .supervision
                .get(suggestion)
                .and_then(|r| r.running(*mode))
                .is_none()
            {
                return Err(RendaError::NotFound {
                    entity: "supervision overlay",
                    id: format!("{suggestion}/{}", mode.as_str()),
                    field: "command.mode".into(),
                });
            }
            Ok(vec![EventKind::SupervisionEnded {
                suggestion: suggestion.clone(),
                mode: *mode,
            }])
        }
        Command::AppointSupervisionMonitor { suggestion, deputy } => {
            let s = supervisable(st, suggestion, "appoint a supervision monitor for")?;
            st.rules_for(book, s, date)?;
            let (d, _) = require_status(
                st,
                deputy,
                date,
                "command.deputy",
                DeputyStatus::is_in_office,
            )?;
            if d.congress != s.congress {
                return Err(RendaError::rule_violation(
                    rule_codes::WRONG_CONGRESS,
                    "W1 step 7 (supervision monitor) [002:L689]",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` sits in `{}`, suggestion `{suggestion}` belongs to `{}`",
                        d.congress, s.congress
                    ),
                ));
            }
            if s.is_proposer(deputy) {
                return Err(RendaError::rule_violation(
                    rule_codes::MONITOR_IS_PROPOSER,
                    "W1 step 7 (supervision monitor) [002:L689]",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` proposed `{suggestion}` and cannot monitor its handling"
                    ),
                ));
            }
            if st
                .supervision
                .get(suggestion)
                .is_some_and(|r| r.monitors.iter().any(|m| &m.deputy == deputy))
            {
                return Err(RendaError::AlreadyExists {
                    entity: "supervision monitor",
                    id: format!("{suggestion}/{deputy}"),
                });
            }
            Ok(vec![EventKind::SupervisionMonitorAppointed {
                suggestion: suggestion.clone(),
                deputy: deputy.clone(),
            }])
        }
        _ => unreachable!("supervision::decide is only called with supervision commands"),
    }
}

/// Applies an event of the supervision family; `not_found` for dangling references.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    let id = match event {
        EventKind::SupervisionStarted { suggestion, .. }
        | EventKind::SupervisionEnded { suggestion, .. }
        | EventKind::SupervisionMonitorAppointed { suggestion, .. } => suggestion,
        _ => unreachable!("supervision::apply is only called with supervision events"),
    };
    if !state.suggestions.contains_key(id) {
        return Err(RendaError::NotFound {
            entity: "suggestion",
            id: id.to_string(),
            field: "event.suggestion".into(),
        });
    }
    if let EventKind::SupervisionMonitorAppointed { deputy, .. } = event {
        state.deputy(deputy, "event.deputy")?;
    }
    let record = state
        .supervision
        .entry(id.clone())
        .or_insert_with(|| SuggestionSupervision::new(id.clone()));
    match event {
        EventKind::SupervisionStarted { mode, lead, by, .. } => {
            record.overlays.push(SupervisionOverlay {
                mode: *mode,
                lead: lead.clone(),
                started_by: *by,
                started_on: date,
                ended_on: None,
            })
        }
        EventKind::SupervisionEnded { mode, .. } => {
            let o = record
                .overlays
                .iter_mut()
                .find(|o| o.mode == *mode && o.ended_on.is_none())
                .ok_or_else(|| RendaError::NotFound {
                    entity: "supervision overlay",
                    id: format!("{id}/{}", mode.as_str()),
                    field: "event.mode".into(),
                })?;
            o.ended_on = Some(date);
        }
        EventKind::SupervisionMonitorAppointed { deputy, .. } => {
            record.monitors.push(SupervisionMonitor {
                deputy: deputy.clone(),
                appointed_on: date,
            })
        }
        _ => {}
    }
    Ok(())
}

impl State {
    /// The references of the supervision records.
    pub(crate) fn validate_supervision(&self) -> Result<()> {
        for (id, r) in &self.supervision {
            if &r.suggestion != id {
                return Err(RendaError::InvalidField {
                    field: "state.supervision".into(),
                    value: id.to_string(),
                    reason: "the record's id differs from its key".into(),
                });
            }
            if !self.suggestions.contains_key(id) {
                return Err(RendaError::NotFound {
                    entity: "suggestion",
                    id: id.to_string(),
                    field: "state.supervision".into(),
                });
            }
            for m in &r.monitors {
                self.deputy(&m.deputy, "state.supervision.monitors.deputy")?;
            }
        }
        Ok(())
    }
}

/// An overlay running on the date of a [`SupervisionRow`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveOverlay {
    /// The mode.
    pub mode: SupervisionMode,
    /// Who leads it.
    pub lead: String,
    /// Since when.
    pub since: NaiveDate,
}

/// One suggestion under active supervision ([`Ledger::supervision_monitor`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionRow {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// Its title.
    pub title: String,
    /// Its status on the date.
    pub status: Option<SuggestionStatus>,
    /// Its lead unit.
    pub lead_unit: Option<UnitId>,
    /// Reply due date, if a reply is awaited.
    pub due: Option<NaiveDate>,
    /// Days past the due date, if overdue.
    pub overdue_days: Option<i64>,
    /// Designated key by the date.
    pub key: bool,
    /// The overlays running, in the order started.
    pub overlays: Vec<ActiveOverlay>,
    /// Supervision monitors appointed by the date.
    pub monitors: Vec<DeputyId>,
}

impl Ledger {
    /// Every suggestion of `congress` with a supervision overlay running at the end of
    /// `as_of`, ordered by suggestion id: its overlays and their leads, its monitors, status,
    /// lead unit, due date and days overdue (as in [`Ledger::suggestion_view`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.supervision_monitor(&"hd".parse().unwrap(), "2024-06-30".parse().unwrap());
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn supervision_monitor(
        &self,
        congress: &CongressId,
        as_of: NaiveDate,
    ) -> Result<Vec<SupervisionRow>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let mut rows = Vec::new();
        for (id, r) in &st.supervision {
            let Some(s) = st.suggestions.get(id) else {
                continue;
            };
            if &s.congress != congress {
                continue;
            }
            let overlays: Vec<ActiveOverlay> = r
                .active_on(as_of)
                .map(|o| ActiveOverlay {
                    mode: o.mode,
                    lead: o.lead.clone(),
                    since: o.started_on,
                })
                .collect();
            if overlays.is_empty() {
                continue;
            }
            let view = self.suggestion_view(id, as_of)?;
            rows.push(SupervisionRow {
                suggestion: id.clone(),
                title: s.title.clone(),
                status: view.status,
                lead_unit: view.lead_unit,
                due: view.due,
                overdue_days: view.overdue_days,
                key: st
                    .key_suggestions
                    .get(id)
                    .is_some_and(|k| k.designated_by(as_of)),
                overlays,
                monitors: r
                    .monitors
                    .iter()
                    .filter(|m| m.appointed_on <= as_of)
                    .map(|m| m.deputy.clone())
                    .collect(),
            });
        }
        Ok(rows)
    }
}
