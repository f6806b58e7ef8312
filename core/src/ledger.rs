//! The ledger: commands in, events out, state as a pure function of the events.
//!
//! [`Ledger::execute`] checks a command against the current state, the rule set in force on
//! its date and the actor's permissions. It either rejects it with a typed error and changes
//! nothing, or records one or more events and applies them. [`Ledger::replay`] rebuilds the
//! same state from the events alone.

use crate::calendar::WorkCalendar;
use crate::chain::{self, Anchor, EventHash};
use crate::command::{Command, CommandEnvelope};
use crate::error::{RendaError, Result};
use crate::event::{Event, EventKind, SCHEMA_VERSION};
use crate::figures::SuggestionFigures;
use crate::registry::{Congress, Deputy, Unit};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::Suggestion;
use crate::time::Timestamp;
use crate::{permissions, suggestion};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Largest sequence number a ledger accepts (far beyond any real log; keeps `seq + 1` exact
/// in every language, including JavaScript numbers).
pub const MAX_SEQ: u64 = (1 << 53) - 1;

/// A snapshot: the state after `seq` events, restorable without the events.
///
/// ```
/// use renda::{Ledger, Snapshot};
/// let ledger = Ledger::new(Default::default());
/// let snap: Snapshot = ledger.snapshot();
/// let json = serde_json::to_string(&snap).unwrap();
/// let back = Ledger::restore(Default::default(), serde_json::from_str(&json).unwrap()).unwrap();
/// assert_eq!(back.state(), ledger.state());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Schema version.
    pub schema: u32,
    /// Number of events the state reflects.
    pub seq: u64,
    /// Time of the last event.
    pub last_at: Option<Timestamp>,
    /// Hash of the last event (schema 2; [`EventHash::ZERO`] when empty or written by schema 1):
    /// events recorded after restoring link to it.
    #[serde(default)]
    pub head: EventHash,
    /// The state.
    pub state: State,
}

/// The event-sourced ledger of one congress office (or many: it holds any number of congresses).
///
/// ```
/// use renda::{Ledger, CommandEnvelope};
/// let mut ledger = Ledger::new(Default::default());
/// let events = ledger.execute_json(r#"{"at":"2024-01-02T09:00:00+08:00",
///   "actor":{"role":"admin","id":"admin"},
///   "command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大",
///              "level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
/// assert_eq!(events[0].event.type_name(), "congress_registered");
/// // A rejected command changes nothing.
/// let err = ledger.execute_json(r#"{"at":"2024-01-02T10:00:00+08:00",
///   "actor":{"role":"deputy","id":"D1"},
///   "command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#).unwrap_err();
/// assert_eq!(err.code(), "permission_denied");
/// assert_eq!(ledger.events().len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Ledger {
    rules: Arc<RuleBook>,
    calendar: Arc<WorkCalendar>,
    state: State,
    events: Vec<Event>,
    base_seq: u64,
    last_at: Option<Timestamp>,
    head: EventHash,
}

impl Ledger {
    /// An empty ledger with the given rule book and China's working-day calendar.
    pub fn new(rules: RuleBook) -> Self {
        Self::with_shared_calendar(rules, crate::calendar::china_shared().clone())
    }

    /// An empty ledger with a custom working-day calendar.
    pub fn with_calendar(rules: RuleBook, calendar: WorkCalendar) -> Self {
        Self::with_shared_calendar(rules, Arc::new(calendar))
    }

    fn with_shared_calendar(rules: RuleBook, calendar: Arc<WorkCalendar>) -> Self {
        Self {
            rules: Arc::new(rules),
            calendar,
            state: State::default(),
            events: Vec::new(),
            base_seq: 0,
            last_at: None,
            head: EventHash::ZERO,
        }
    }

    /// The rule book.
    pub fn rules(&self) -> &RuleBook {
        &self.rules
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The events recorded by this ledger (since creation, or since the snapshot it was
    /// restored from).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Sequence number of the last event (0 when empty).
    pub fn seq(&self) -> u64 {
        self.base_seq + self.events.len() as u64
    }

    /// The head of the hash chain: the last event's seq and hash. Keep it (or publish it) to
    /// detect later truncation with [`chain::verify_to`].
    ///
    /// ```
    /// let ledger = renda::Ledger::new(Default::default());
    /// assert_eq!(ledger.head(), renda::chain::Anchor::GENESIS);
    /// ```
    pub fn head(&self) -> Anchor {
        Anchor {
            seq: self.seq(),
            hash: self.head,
        }
    }

    /// Parses and executes a command in wire form.
    pub fn execute_json(&mut self, json: &str) -> Result<Vec<Event>> {
        let cmd = CommandEnvelope::from_json(json)?;
        self.execute(cmd).map(<[Event]>::to_vec)
    }

    /// Checks and executes a command; returns the events it recorded.
    pub fn execute(&mut self, cmd: CommandEnvelope) -> Result<&[Event]> {
        let kinds = self.decide(&cmd)?;
        let start = self.events.len();
        for kind in kinds {
            let mut event = Event {
                seq: self.seq() + 1,
                schema: SCHEMA_VERSION,
                at: cmd.at,
                actor: cmd.actor.clone(),
                event: kind,
                prev: EventHash::ZERO,
                hash: EventHash::ZERO,
            };
            chain::seal(&mut event, self.head);
            // `decide` has checked every reference these events make, so applying them
            // cannot fail; if it ever did, the event would not be recorded.
            apply(&mut self.state, &event)?;
            self.head = event.hash;
            self.events.push(event);
        }
        self.last_at = Some(cmd.at);
        Ok(&self.events[start..])
    }

    /// Checks a command without executing it: the events it would record, or the error.
    pub fn decide(&self, cmd: &CommandEnvelope) -> Result<Vec<EventKind>> {
        if let Some(last) = self.last_at {
            if cmd.at < last {
                return Err(RendaError::OutOfOrder {
                    at: cmd.at.to_string(),
                    last: last.to_string(),
                });
            }
        }
        permissions::check(cmd.actor.role, cmd.command.kind())?;
        let date = cmd.at.china_date();
        let st = &self.state;
        match &cmd.command {
            Command::RegisterCongress {
                congress,
                name,
                level,
                term,
                term_start,
                term_end,
                population,
            } => {
                State::absent(&st.congresses, congress, "congress")?;
                check_name("command.name", name)?;
                if term_end < term_start {
                    return Err(RendaError::InvalidField {
                        field: "command.term_end".into(),
                        value: term_end.to_string(),
                        reason: "must not be before term_start".into(),
                    });
                }
                Ok(vec![EventKind::CongressRegistered {
                    congress: congress.clone(),
                    name: name.clone(),
                    level: *level,
                    term: *term,
                    term_start: *term_start,
                    term_end: *term_end,
                    population: *population,
                }])
            }
            Command::PublishResults { congress } => {
                st.congress(congress, "command.congress")?;
                Ok(vec![EventKind::ResultsPublished {
                    congress: congress.clone(),
                }])
            }
            Command::RegisterUnit { unit, name } => {
                State::absent(&st.units, unit, "unit")?;
                check_name("command.name", name)?;
                Ok(vec![EventKind::UnitRegistered {
                    unit: unit.clone(),
                    name: name.clone(),
                }])
            }
            Command::RegisterDeputy { .. }
            | Command::UpdateDeputyProfile { .. }
            | Command::JoinStandingCommittee { .. }
            | Command::SubmitResignation { .. }
            | Command::DecideResignation { .. }
            | Command::RecordAbsence { .. }
            | Command::TerminateQualification { .. }
            | Command::SuspendDeputy { .. }
            | Command::ReinstateDeputy { .. } => {
                crate::deputy::workflow::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::RegisterStation { .. }
            | Command::AssignStation { .. }
            | Command::RecordActivity { .. }
            | Command::RecordVoterIssue { .. }
            | Command::TriageVoterIssue { .. }
            | Command::AnswerVoterIssue { .. }
            | Command::CloseVoterIssue { .. }
            | Command::PublishPoints { .. }
            | Command::RecordInterview { .. }
            | Command::AdviseResignation { .. }
            | Command::NotifyEmployer { .. } => crate::engagement::decide(
                st,
                &self.rules,
                &cmd.actor,
                date,
                self.seq(),
                &cmd.command,
            ),
            Command::ScheduleSession { .. }
            | Command::SubmitMotion { .. }
            | Command::ReviewMotion { .. }
            | Command::WithdrawMotion { .. }
            | Command::AssignMotion { .. }
            | Command::FormMotionWorkingGroup { .. }
            | Command::AgreeMotionPlan { .. }
            | Command::ReportMotionHandling { .. }
            | Command::IssueMotionReviewOpinion { .. }
            | Command::RecordMotionEvaluation { .. }
            | Command::ConcludeMotionYear { .. } => {
                crate::motion::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::RecommendKeySuggestion { .. }
            | Command::DesignateKeySuggestion { .. }
            | Command::HoldKeyMeeting { .. }
            | Command::RateKeyQuality { .. }
            | Command::PublishKeyAssessment { .. }
            | Command::RecordKeyOutcome { .. } => {
                crate::key_suggestion::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::StartSupervision { .. }
            | Command::EndSupervision { .. }
            | Command::AppointSupervisionMonitor { .. } => {
                crate::supervision::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::PlanHandlingEvaluation { .. }
            | Command::CommissionEvaluator { .. }
            | Command::SubmitEvaluationReport { .. }
            | Command::DistributeEvaluationReport { .. }
            | Command::DecideEvaluationUse { .. } => {
                crate::handling_evaluation::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::MergeSuggestions { .. }
            | Command::AddToClassCase { .. }
            | Command::SplitSuggestion { .. } => crate::class_case::decide(st, &cmd.command),
            Command::ConveneMeeting {
                meeting,
                congress,
                body,
                kind,
                held_on,
                session,
            } => crate::oversight::meeting::decide_convene(
                st,
                crate::oversight::meeting::Meeting {
                    id: meeting.clone(),
                    congress: congress.clone(),
                    body: *body,
                    kind: *kind,
                    held_on: *held_on,
                    session: session.clone(),
                    agenda: Vec::new(),
                    attendance: None,
                    speeches: Vec::new(),
                },
            ),
            Command::SetMeetingAgenda { .. }
            | Command::RecordAttendance { .. }
            | Command::RecordSpeech { .. }
            | Command::HoldBallot { .. }
            | Command::RequestExtraordinarySession { .. } => {
                crate::oversight::meeting::decide(st, &self.rules, cmd.at, &cmd.command)
            }
            Command::ProposeSupervisionTopic { .. }
            | Command::ShortlistSupervisionTopics { .. }
            | Command::ApproveSupervisionPlan { .. }
            | Command::PublishSupervisionPlan { .. }
            | Command::ChooseSupervisionTopic { .. }
            | Command::AdjustSupervisionPlan { .. } => {
                crate::oversight::plan::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::ScheduleWorkReport { .. }
            | Command::RecordReportResearch { .. }
            | Command::SubmitWorkReport { .. }
            | Command::ReturnWorkReport { .. }
            | Command::HearWorkReport { .. }
            | Command::IssueReviewOpinion { .. }
            | Command::ReportOpinionHandling { .. }
            | Command::FollowUpWorkReport { .. }
            | Command::CloseWorkReport { .. } => crate::oversight::work_report::decide(
                st,
                &self.rules,
                &cmd.actor,
                date,
                &cmd.command,
            ),
            Command::PlanInspection { .. }
            | Command::FormInspectionTeam { .. }
            | Command::RecordInspectionIssues { .. }
            | Command::ReportInspection { .. }
            | Command::IssueInspectionReviewOpinion { .. }
            | Command::RectifyInspectionIssue { .. }
            | Command::LookBackInspection { .. }
            | Command::CloseInspection { .. } => crate::oversight::inspection::decide(
                st,
                &self.rules,
                &cmd.actor,
                date,
                &cmd.command,
            ),
            Command::RecordDeliberationOpinion { .. }
            | Command::RouteDeliberationOpinion { .. }
            | Command::ReportDeliberationHandling { .. }
            | Command::PlanResolutionFollowUp { .. }
            | Command::RecordResolutionDuty { .. } => {
                crate::oversight::deliberation::decide(st, &self.rules, date, &cmd.command)
            }
            Command::ProposeLivelihoodProject { .. }
            | Command::ApproveLivelihoodProjects { .. }
            | Command::MonitorLivelihoodProject { .. }
            | Command::CompleteLivelihoodProject { .. }
            | Command::ReportLivelihoodCompletion { .. } => {
                crate::oversight::livelihood::decide(st, &cmd.actor, date, &cmd.command)
            }
            Command::DeclareEvaluationScope { .. }
            | Command::PlanWorkEvaluation { .. }
            | Command::StartWorkEvaluation { .. }
            | Command::SubmitSelfInspectionReport { .. }
            | Command::SubmitInvestigationReport { .. }
            | Command::DeliberateWorkEvaluation { .. }
            | Command::RecordSatisfactionVote { .. }
            | Command::PublishWorkEvaluationResult { .. }
            | Command::IssueEvaluationOpinion { .. }
            | Command::ReportRectification { .. }
            | Command::LookBackWorkEvaluation { .. }
            | Command::CloseWorkEvaluation { .. }
            | Command::EscalateWorkEvaluation { .. } => crate::oversight::work_evaluation::decide(
                st,
                &self.rules,
                &cmd.actor,
                date,
                &cmd.command,
            ),
            Command::HoldTopicInquiry { .. }
            | Command::ProposeInterpellation { .. }
            | Command::DecideInterpellationAnswer { .. }
            | Command::AnswerInterpellation { .. }
            | Command::RateInterpellationAnswer { .. }
            | Command::CloseInterpellation { .. }
            | Command::ProposeSpecialInvestigation { .. }
            | Command::DecideSpecialInvestigation { .. }
            | Command::ReportSpecialInvestigation { .. }
            | Command::ProposeRemoval { .. }
            | Command::DecideRemoval { .. } => crate::oversight::escalation::decide(
                st,
                &self.rules,
                &cmd.actor,
                date,
                &cmd.command,
            ),
            Command::FileNormativeDocument { .. }
            | Command::ReviewNormativeDocument { .. }
            | Command::RecordReviewFinding { .. }
            | Command::SendFilingReviewOpinion { .. }
            | Command::AnswerFilingReviewOpinion { .. }
            | Command::CorrectNormativeDocument { .. }
            | Command::RevokeNormativeDocument { .. } => {
                crate::oversight::filing::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::PairCommitteeDepartments { .. }
            | Command::PreReviewDepartmentBudget { .. }
            | Command::HoldBudgetPreReviewMeeting { .. }
            | Command::KeyBudgetReview { .. }
            | Command::ApproveBudgetAdjustment { .. }
            | Command::RecordAuditFindings { .. }
            | Command::TrackAuditFinding { .. }
            | Command::StrikeOffAuditFinding { .. }
            | Command::SendBudgetReminder { .. } => {
                crate::oversight::budget::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            Command::SubmitPreliminaryBudget { .. } | Command::RecordBudgetIssuance { .. } => {
                crate::oversight::budget::decide(st, &self.rules, &cmd.actor, date, &cmd.command)
            }
            other => suggestion::decide(st, &self.rules, &self.calendar, &cmd.actor, date, other),
        }
    }

    /// Rebuilds a ledger from its events. The events must be numbered 1, 2, 3, … in order.
    ///
    /// ```
    /// use renda::Ledger;
    /// let mut a = Ledger::new(Default::default());
    /// a.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"x"},
    ///   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap();
    /// let b = Ledger::replay(Default::default(), a.events().to_vec()).unwrap();
    /// assert_eq!(a.state(), b.state());
    /// ```
    pub fn replay(rules: RuleBook, events: Vec<Event>) -> Result<Self> {
        let mut ledger = Self::new(rules);
        ledger.append_events(events)?;
        Ok(ledger)
    }

    /// Applies already-recorded events (e.g. loaded from storage) after the current ones.
    /// Checks numbering, the hash chain ([`chain`]), time order and schema version, and that
    /// each event refers to known entities; on error nothing is applied.
    ///
    /// Schema-1 events (written before the chain existed, so without `prev` and `hash`) are
    /// sealed into the chain as they are loaded.
    pub fn append_events(&mut self, mut events: Vec<Event>) -> Result<()> {
        let mut state = self.state.clone();
        let mut last_at = self.last_at;
        // Integrity first: the whole chain, before any event is interpreted.
        let mut anchor = self.head();
        for (i, e) in events.iter_mut().enumerate() {
            if e.schema == 1 && e.hash.is_zero() && e.prev.is_zero() {
                chain::seal(e, anchor.hash);
            }
            anchor = chain::check_next(i, e, anchor)?;
        }
        for (i, e) in events.iter().enumerate() {
            if e.schema == 0 || e.schema > SCHEMA_VERSION {
                return Err(RendaError::InvalidField {
                    field: format!("events[{i}].schema"),
                    value: e.schema.to_string(),
                    reason: format!("this build reads schema versions 1 to {SCHEMA_VERSION}"),
                });
            }
            if let Some(last) = last_at {
                if e.at < last {
                    return Err(RendaError::OutOfOrder {
                        at: e.at.to_string(),
                        last: last.to_string(),
                    });
                }
            }
            apply(&mut state, e).map_err(|err| at_index(err, i))?;
            last_at = Some(e.at);
        }
        // Events from outside are not trusted: the state they build must be consistent.
        state.validate()?;
        self.state = state;
        self.last_at = last_at;
        self.head = anchor.hash;
        self.events.extend(events);
        Ok(())
    }

    /// A snapshot of the current state.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            schema: SCHEMA_VERSION,
            seq: self.seq(),
            last_at: self.last_at,
            head: self.head,
            state: self.state.clone(),
        }
    }

    /// A ledger continuing from a snapshot; its [`Ledger::events`] start empty and new events
    /// are numbered after the snapshot's `seq`.
    pub fn restore(rules: RuleBook, snapshot: Snapshot) -> Result<Self> {
        if snapshot.schema == 0 || snapshot.schema > SCHEMA_VERSION {
            return Err(RendaError::InvalidField {
                field: "snapshot.schema".into(),
                value: snapshot.schema.to_string(),
                reason: format!("this build reads schema versions 1 to {SCHEMA_VERSION}"),
            });
        }
        if snapshot.seq > MAX_SEQ {
            return Err(RendaError::InvalidField {
                field: "snapshot.seq".into(),
                value: snapshot.seq.to_string(),
                reason: format!("must be at most {MAX_SEQ}"),
            });
        }
        snapshot.state.validate()?;
        let mut ledger = Self::new(rules);
        ledger.state = snapshot.state;
        ledger.base_seq = snapshot.seq;
        ledger.last_at = snapshot.last_at;
        ledger.head = snapshot.head;
        Ok(ledger)
    }

    /// The suggestion-handling figures as of the end of `as_of` (China time).
    pub fn figures(&self, as_of: NaiveDate) -> Result<SuggestionFigures> {
        self.figures_for(as_of, &crate::figures::FigureFilter::default())
    }

    /// The figures as of `as_of` for the suggestions that pass `filter`.
    pub fn figures_for(
        &self,
        as_of: NaiveDate,
        filter: &crate::figures::FigureFilter,
    ) -> Result<SuggestionFigures> {
        self.figures_over(&self.state, as_of, filter)
    }

    /// The figures over `state` (this ledger's or a reader's view of it).
    pub(crate) fn figures_over(
        &self,
        state: &State,
        as_of: NaiveDate,
        filter: &crate::figures::FigureFilter,
    ) -> Result<SuggestionFigures> {
        let frame =
            crate::projection::SuggestionFrame::build(state, &self.rules, &self.calendar, filter)?;
        frame.figures(as_of)
    }

    /// A suggestion with its derived facts as of `as_of`.
    pub fn suggestion_view(
        &self,
        id: &crate::SuggestionId,
        as_of: NaiveDate,
    ) -> Result<SuggestionView> {
        let s = self
            .state
            .suggestions
            .get(id)
            .ok_or_else(|| RendaError::NotFound {
                entity: "suggestion",
                id: id.to_string(),
                field: "suggestion".into(),
            })?;
        let level = self
            .state
            .congress(&s.congress, "suggestion.congress")?
            .level;
        let due = s.due_date(&self.rules, level, &self.calendar, as_of)?;
        Ok(SuggestionView {
            id: s.id.clone(),
            title: s.title.clone(),
            status: s.status_as_of(as_of),
            due: due.map(|(d, _)| d),
            overdue_days: due.map(|(d, _)| (as_of - d).num_days()).filter(|d| *d > 0),
            lead_unit: s.assignment.as_ref().map(|a| a.lead_unit.clone()),
            rule_set: self
                .rules
                .in_force(level, as_of.max(s.submitted_on()))
                .ok()
                .map(|r| r.id.clone()),
            due_rule_set: due.map(|(_, r)| r.id.clone()),
        })
    }

    /// The China date of the last recorded event (1970-01-01 for an empty ledger): the
    /// default "as of" date of [`Ledger::table`].
    ///
    /// ```
    /// assert_eq!(renda::Ledger::new(Default::default()).last_date().to_string(), "1970-01-01");
    /// ```
    pub fn last_date(&self) -> NaiveDate {
        self.last_at.map(|t| t.china_date()).unwrap_or_default()
    }

    /// Registered congresses.
    pub fn congresses(&self) -> impl Iterator<Item = &Congress> {
        self.state.congresses.values()
    }

    /// Registered deputies.
    pub fn deputies(&self) -> impl Iterator<Item = &Deputy> {
        self.state.deputies.values()
    }

    /// Registered units.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.state.units.values()
    }

    /// All suggestions, ordered by id.
    pub fn suggestions(&self) -> impl Iterator<Item = &Suggestion> {
        self.state.suggestions.values()
    }
}

/// A suggestion with facts derived as of a date (never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionView {
    /// Id.
    pub id: crate::SuggestionId,
    /// Title.
    pub title: String,
    /// Status at the end of the day (`None`: not yet submitted then).
    pub status: Option<crate::SuggestionStatus>,
    /// Reply due date, if a reply is awaited.
    pub due: Option<NaiveDate>,
    /// Days past the due date, if overdue.
    pub overdue_days: Option<i64>,
    /// Lead unit, once assigned.
    pub lead_unit: Option<crate::UnitId>,
    /// The rule set in force for the suggestion's congress on the view date (or on submission,
    /// if the view date is earlier); `None` if none is in force then.
    pub rule_set: Option<crate::RuleSetId>,
    /// The rule set the due date was computed under (in force at assignment or at the start of
    /// re-handling), if a reply is awaited.
    pub due_rule_set: Option<crate::RuleSetId>,
}

pub(crate) fn check_name(field: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() || name.chars().count() > 200 {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: crate::ids::truncate(name),
            reason: "must be 1 to 200 characters".into(),
        });
    }
    if name.chars().any(char::is_control) {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: crate::ids::truncate(name),
            reason: "must not contain control characters (line breaks, tabs, NUL, …)".into(),
        });
    }
    Ok(())
}

/// Points an error raised while applying `events[i]` at that event (`event.congress` →
/// `events[i].event.congress`).
fn at_index(err: RendaError, i: usize) -> RendaError {
    let locate = |field: String| {
        if field.starts_with("event") {
            format!("events[{i}].{field}")
        } else {
            field
        }
    };
    match err {
        RendaError::NotFound { entity, id, field } => RendaError::NotFound {
            entity,
            id,
            field: locate(field),
        },
        RendaError::InvalidField {
            field,
            value,
            reason,
        } => RendaError::InvalidField {
            field: locate(field),
            value,
            reason,
        },
        other => other,
    }
}

/// Applies one event to a state.
pub(crate) fn apply(state: &mut State, e: &Event) -> Result<()> {
    let date = e.at.china_date();
    match &e.event {
        EventKind::CongressRegistered {
            congress,
            name,
            level,
            term,
            term_start,
            term_end,
            population,
        } => {
            state.congresses.insert(
                congress.clone(),
                Congress {
                    id: congress.clone(),
                    name: name.clone(),
                    level: *level,
                    term: *term,
                    term_start: *term_start,
                    term_end: *term_end,
                    population: *population,
                },
            );
        }
        EventKind::ResultsPublished { congress } => {
            state.congress(congress, "event.congress")?;
            state.published.insert(congress.clone(), date);
        }
        EventKind::UnitRegistered { unit, name } => {
            state.units.insert(
                unit.clone(),
                Unit {
                    id: unit.clone(),
                    name: name.clone(),
                },
            );
        }
        EventKind::DeputyRegistered { .. }
        | EventKind::DeputyProfileUpdated { .. }
        | EventKind::StandingCommitteeJoined { .. }
        | EventKind::ResignationSubmitted { .. }
        | EventKind::ResignationAccepted { .. }
        | EventKind::ResignationNotAccepted { .. }
        | EventKind::AbsenceRecorded { .. }
        | EventKind::QualificationTerminated { .. }
        | EventKind::DeputySuspended { .. }
        | EventKind::DeputyReinstated { .. } => {
            crate::deputy::workflow::apply(state, date, &e.event)?
        }
        EventKind::StationRegistered { .. }
        | EventKind::StationAssigned { .. }
        | EventKind::ActivityRecorded { .. }
        | EventKind::VoterIssueRecorded { .. }
        | EventKind::VoterIssueTriaged { .. }
        | EventKind::VoterIssueAnswered { .. }
        | EventKind::VoterIssueClosed { .. }
        | EventKind::PointsPublished { .. }
        | EventKind::InterviewHeld { .. }
        | EventKind::ElectoralUnitNotified { .. }
        | EventKind::ResignationAdvised { .. }
        | EventKind::EmployerNotified { .. } => crate::engagement::apply(state, date, &e.event)?,
        EventKind::SessionScheduled { .. } => crate::session::apply(state, &e.event)?,
        EventKind::MotionSubmitted { .. }
        | EventKind::MotionListed { .. }
        | EventKind::MotionConverted { .. }
        | EventKind::MotionMerged { .. }
        | EventKind::MotionToResearch { .. }
        | EventKind::MotionWithdrawn { .. }
        | EventKind::MotionAssigned { .. }
        | EventKind::MotionWorkingGroupFormed { .. }
        | EventKind::MotionPlanAgreed { .. }
        | EventKind::MotionYearStarted { .. }
        | EventKind::MotionHandlingReported { .. }
        | EventKind::MotionReviewOpinionIssued { .. }
        | EventKind::MotionEvaluationRecorded { .. }
        | EventKind::MotionYearConcluded { .. }
        | EventKind::MotionCompleted { .. } => crate::motion::apply(state, date, &e.event)?,
        EventKind::KeySuggestionRecommended { .. }
        | EventKind::KeySuggestionDesignated { .. }
        | EventKind::KeyMeetingHeld { .. }
        | EventKind::KeyQualityRated { .. }
        | EventKind::KeyAssessmentPublished { .. }
        | EventKind::KeyOutcomeRecorded { .. } => {
            crate::key_suggestion::apply(state, date, &e.event)?
        }
        EventKind::SupervisionStarted { .. }
        | EventKind::SupervisionEnded { .. }
        | EventKind::SupervisionMonitorAppointed { .. } => {
            crate::supervision::apply(state, date, &e.event)?
        }
        EventKind::HandlingEvaluationPlanned { .. }
        | EventKind::HandlingEvaluatorCommissioned { .. }
        | EventKind::HandlingEvaluationReported { .. }
        | EventKind::HandlingEvaluationDistributed { .. }
        | EventKind::HandlingEvaluationUseDecided { .. } => {
            crate::handling_evaluation::apply(state, date, &e.event)?
        }
        EventKind::ClassCaseFormed { .. }
        | EventKind::ClassCaseJoined { .. }
        | EventKind::ClassCaseSplit { .. }
        | EventKind::ClassCaseDissolved { .. } => crate::class_case::apply(state, date, &e.event)?,
        EventKind::MeetingConvened { meeting } => {
            crate::oversight::meeting::apply_convened(state, meeting)?
        }
        EventKind::MeetingAgendaSet { .. }
        | EventKind::AttendanceRecorded { .. }
        | EventKind::SpeechRecorded { .. }
        | EventKind::BallotHeld { .. }
        | EventKind::ExtraordinarySessionRequested { .. } => {
            crate::oversight::meeting::apply(state, date, &e.event)?
        }
        EventKind::SupervisionTopicProposed { .. }
        | EventKind::SupervisionTopicsShortlisted { .. }
        | EventKind::SupervisionPlanApproved { .. }
        | EventKind::SupervisionPlanPublished { .. }
        | EventKind::SupervisionTopicChosen { .. }
        | EventKind::SupervisionPlanAdjusted { .. } => {
            crate::oversight::plan::apply(state, date, &e.event)?
        }
        EventKind::WorkReportScheduled { .. }
        | EventKind::WorkReportResearchRecorded { .. }
        | EventKind::WorkReportSubmitted { .. }
        | EventKind::WorkReportReturned { .. }
        | EventKind::WorkReportHeard { .. }
        | EventKind::WorkReportOpinionIssued { .. }
        | EventKind::WorkReportOpinionHandled { .. }
        | EventKind::WorkReportFollowedUp { .. }
        | EventKind::WorkReportClosed { .. } => {
            crate::oversight::work_report::apply(state, date, &e.event)?
        }
        EventKind::InspectionPlanned { .. }
        | EventKind::InspectionTeamFormed { .. }
        | EventKind::InspectionIssuesRecorded { .. }
        | EventKind::InspectionReported { .. }
        | EventKind::InspectionReviewOpinionIssued { .. }
        | EventKind::InspectionIssueRectified { .. }
        | EventKind::InspectionLookedBack { .. }
        | EventKind::InspectionClosed { .. } => {
            crate::oversight::inspection::apply(state, date, &e.event)?
        }
        EventKind::DeliberationOpinionRecorded { .. }
        | EventKind::DeliberationOpinionRouted { .. }
        | EventKind::DeliberationHandlingReported { .. }
        | EventKind::ResolutionFollowUpPlanned { .. }
        | EventKind::ResolutionDutyRecorded { .. } => {
            crate::oversight::deliberation::apply(state, date, &e.event)?
        }
        EventKind::LivelihoodProjectProposed { .. }
        | EventKind::LivelihoodProjectsApproved { .. }
        | EventKind::LivelihoodProjectMonitored { .. }
        | EventKind::LivelihoodProjectCompleted { .. }
        | EventKind::LivelihoodCompletionReported { .. } => {
            crate::oversight::livelihood::apply(state, date, &e.event)?
        }
        EventKind::EvaluationScopeDeclared { .. }
        | EventKind::WorkEvaluationPlanned { .. }
        | EventKind::WorkEvaluationStarted { .. }
        | EventKind::SelfInspectionReportSubmitted { .. }
        | EventKind::InvestigationReportSubmitted { .. }
        | EventKind::WorkEvaluationDeliberated { .. }
        | EventKind::SatisfactionVoteRecorded { .. }
        | EventKind::WorkEvaluationResultPublished { .. }
        | EventKind::EvaluationOpinionIssued { .. }
        | EventKind::WorkEvaluationRectificationReported { .. }
        | EventKind::WorkEvaluationLookedBack { .. }
        | EventKind::WorkEvaluationClosed { .. }
        | EventKind::WorkEvaluationEscalated { .. } => {
            crate::oversight::work_evaluation::apply(state, date, &e.event)?
        }
        EventKind::TopicInquiryHeld { .. }
        | EventKind::InterpellationProposed { .. }
        | EventKind::InterpellationAnswerDecided { .. }
        | EventKind::InterpellationAnswered { .. }
        | EventKind::InterpellationAnswerRated { .. }
        | EventKind::InterpellationReanswerRequired { .. }
        | EventKind::InterpellationClosed { .. }
        | EventKind::SpecialInvestigationProposed { .. }
        | EventKind::SpecialInvestigationDecided { .. }
        | EventKind::SpecialInvestigationReported { .. }
        | EventKind::RemovalProposed { .. }
        | EventKind::RemovalDecided { .. } => {
            crate::oversight::escalation::apply(state, date, &e.event)?
        }
        EventKind::NormativeDocumentFiled { .. }
        | EventKind::NormativeDocumentReviewStarted { .. }
        | EventKind::ReviewFindingRecorded { .. }
        | EventKind::FilingReviewOpinionSent { .. }
        | EventKind::FilingReviewOpinionAnswered { .. }
        | EventKind::NormativeDocumentCorrected { .. }
        | EventKind::NormativeDocumentRevoked { .. }
        | EventKind::NormativeDocumentRevocationNotAdopted { .. } => {
            crate::oversight::filing::apply(state, date, &e.event)?
        }
        EventKind::CommitteeDepartmentsPaired { .. }
        | EventKind::DepartmentBudgetPreReviewed { .. }
        | EventKind::BudgetPreReviewMeetingHeld { .. }
        | EventKind::KeyBudgetReviewed { .. }
        | EventKind::BudgetAdjustmentApproved { .. }
        | EventKind::BudgetAdjustmentNotApproved { .. }
        | EventKind::AuditFindingsRecorded { .. }
        | EventKind::AuditFindingTracked { .. }
        | EventKind::AuditFindingStruckOff { .. }
        | EventKind::BudgetReminderSent { .. } => {
            crate::oversight::budget::apply(state, date, &e.event)?
        }
        EventKind::PreliminaryBudgetSubmitted { .. } | EventKind::BudgetIssuanceRecorded { .. } => {
            crate::oversight::budget::apply(state, date, &e.event)?
        }
        other => suggestion::apply(state, date, other)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lifecycle() -> Ledger {
        let mut l = Ledger::new(RuleBook::default());
        for c in [
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"C","name":"人大","level":"county","term":1,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D","congress":"C","name":"代表"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"U","name":"单位"}}"#,
            r#"{"at":"2024-01-03","actor":{"role":"deputy","id":"D"},"command":{"type":"submit_suggestion","suggestion":"S","congress":"C","title":"建议","lead":"D","during":"session"}}"#,
            r#"{"at":"2024-01-04","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"accept_suggestion","suggestion":"S"}}"#,
            r#"{"at":"2024-01-05","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"assign_suggestion","suggestion":"S","lead_unit":"U"}}"#,
            r#"{"at":"2024-02-05","actor":{"role":"handling_unit","id":"U"},"command":{"type":"reply_suggestion","suggestion":"S","result":"A","summary":"已解决"}}"#,
        ] {
            l.execute_json(c).unwrap();
        }
        l
    }

    #[test]
    fn hostile_snapshots_are_refused_not_trusted() {
        let l = lifecycle();
        let good = serde_json::to_value(l.snapshot()).unwrap();
        let cases: Vec<(&str, serde_json::Value)> = vec![
            ("/state/suggestions/S/assignment", serde_json::Value::Null),
            ("/state/suggestions/S/history", serde_json::json!([])),
            ("/state/suggestions/S/replies", serde_json::json!([])),
            (
                "/state/suggestions/S/status",
                serde_json::json!("rehandling"),
            ),
            ("/state/suggestions/S/lead", serde_json::json!("ghost")),
            ("/state/deputies/D/congress", serde_json::json!("ghost")),
            ("/seq", serde_json::json!(u64::MAX)),
        ];
        for (pointer, value) in cases {
            let mut bad = good.clone();
            *bad.pointer_mut(pointer).unwrap() = value;
            let err = Ledger::restore_from_json(RuleBook::default(), &bad.to_string())
                .expect_err(pointer);
            assert!(
                matches!(err.code(), "invalid_field" | "not_found"),
                "{pointer}: {err}"
            );
        }
        assert!(Ledger::restore_from_json(RuleBook::default(), &good.to_string()).is_ok());
    }

    #[test]
    fn hostile_event_logs_are_refused() {
        let l = lifecycle();
        let mut events = serde_json::to_value(l.events()).unwrap();
        // Drop the assignment: the reply then refers to an unassigned suggestion.
        events.as_array_mut().unwrap().remove(5);
        for (i, e) in events.as_array_mut().unwrap().iter_mut().enumerate() {
            e["seq"] = serde_json::json!(i + 1);
        }
        let err = Ledger::replay_from_json(RuleBook::default(), &events.to_string()).unwrap_err();
        assert_eq!(err.code(), "chain_broken");
        assert_eq!(err.field(), Some("events[5].hash"));
        // A forger who recomputes the whole chain gets past the hashes, but not the state
        // checks: the reply refers to a suggestion never assigned.
        let mut forged: Vec<Event> = serde_json::from_value(events).unwrap();
        let mut prev = EventHash::ZERO;
        for e in &mut forged {
            chain::seal(e, prev);
            prev = e.hash;
        }
        let err = Ledger::replay(RuleBook::default(), forged).unwrap_err();
        assert_eq!(err.code(), "invalid_field");
        let good = serde_json::to_value(l.events()).unwrap().to_string();
        assert!(Ledger::replay_from_json(RuleBook::default(), &good).is_ok());
    }
}
