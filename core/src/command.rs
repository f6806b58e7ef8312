//! Commands: every change to the ledger is one of these, issued by an actor at a time.
//!
//! The wire form is `{"at": "...", "actor": {"role": "...", "id": "..."}, "command":
//! {"type": "submit_suggestion", ...}}`; see `docs/wire-format.md`.

use crate::activity::{ActivityKind, DebriefScope, Triage};
use crate::actor::Actor;
use crate::deputy::{CommitteePost, DeputyProfile, Mandate, TerminationReason};
use crate::error::{RendaError, Result};
use crate::ids::{
    ActivityId, CongressId, DeputyId, SessionId, StationId, SuggestionId, TierId, UnitId,
    VoterIssueId,
};
use crate::period::Period;
use crate::points::PublicationScope;
use crate::registry::Level;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use crate::time::Timestamp;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A command with its actor and time.
///
/// ```
/// use renda::CommandEnvelope;
/// let c = CommandEnvelope::from_json(r#"{"at":"2024-01-10T09:00:00+08:00",
///   "actor":{"role":"deputy_affairs_office","id":"office"},
///   "command":{"type":"accept_suggestion","suggestion":"S1"}}"#).unwrap();
/// assert_eq!(c.command.type_name(), "accept_suggestion");
/// let err = CommandEnvelope::from_json(r#"{"at":"2024-01-10","actor":{"role":"deputy","id":"D"},
///   "command":{"type":"fly"}}"#).unwrap_err();
/// assert_eq!(err.code(), "unknown_command");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandEnvelope {
    /// When the command was issued.
    pub at: Timestamp,
    /// Who issued it.
    pub actor: Actor,
    /// What it asks.
    pub command: Command,
}

impl CommandEnvelope {
    /// Parses the wire form, with typed errors for malformed JSON, unknown command types,
    /// missing fields and invalid values (each naming the field path).
    pub fn from_json(json: &str) -> Result<Self> {
        let value = crate::wire::parse_json(json)?;
        Self::from_value(value)
    }

    /// Parses from a JSON value (see [`CommandEnvelope::from_json`]).
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        if let Some(t) = value.get("command").and_then(|c| c.get("type")) {
            match t.as_str() {
                Some(name) if Command::TYPES.contains(&name) => {}
                Some(name) => {
                    return Err(RendaError::UnknownCommand {
                        value: crate::ids::truncate(name),
                    })
                }
                None => {
                    return Err(RendaError::InvalidField {
                        field: "command.type".into(),
                        value: crate::ids::truncate(&t.to_string()),
                        reason: "must be a string naming a command".into(),
                    })
                }
            }
        }
        crate::wire::from_value_at(value, "")
    }
}

/// Every command renda accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Register a congress (admin only).
    RegisterCongress {
        /// New congress id.
        congress: CongressId,
        /// Name.
        name: String,
        /// Level.
        level: Level,
        /// Term number.
        term: u32,
        /// First day of the term.
        term_start: NaiveDate,
        /// Last day of the term.
        term_end: NaiveDate,
        /// Population of the area, for the deputy quota (L-7) and standing-committee size (L-6).
        #[serde(default)]
        population: Option<u64>,
    },
    /// Register a deputy of a congress.
    RegisterDeputy {
        /// New deputy id.
        deputy: DeputyId,
        /// The congress.
        congress: CongressId,
        /// Name.
        name: String,
        /// Personal data (phone, ID number, address), *optional*: shown only to the office,
        /// admins and the deputy ([`crate::visibility`]).
        #[serde(default)]
        contact: Option<crate::registry::Contact>,
        /// Roster attributes (domain §1.2), *optional*.
        #[serde(default)]
        profile: DeputyProfile,
        /// First day in office; absent: the first day of the term.
        #[serde(default)]
        elected_on: Option<NaiveDate>,
        /// Elected at the general election (default) or in a by-election.
        #[serde(default)]
        mandate: Mandate,
    },
    /// Register a handling unit.
    RegisterUnit {
        /// New unit id.
        unit: UnitId,
        /// Name.
        name: String,
    },
    /// A deputy submits a suggestion (W1 step 2), during the session or in recess.
    SubmitSuggestion {
        /// New suggestion id.
        suggestion: SuggestionId,
        /// The congress it is submitted to (R-S13: the level with competence).
        congress: CongressId,
        /// Title.
        title: String,
        /// The lead deputy (领衔代表).
        lead: DeputyId,
        /// Co-signers (附议代表).
        #[serde(default)]
        cosigners: Vec<DeputyId>,
        /// During the session or in recess.
        during: SubmissionPeriod,
        /// Topic (e.g. 教育, 交通), free text used in figures.
        #[serde(default)]
        topic: Option<String>,
    },
    /// The lead deputy revises a suggestion returned for revision, which resubmits it.
    ReviseSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The new title.
        title: String,
    },
    /// The office accepts a submitted suggestion after vetting (W1 step 3, R-S12).
    AcceptSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
    },
    /// The office returns a suggestion to the deputy for revision (R-S12).
    ReturnSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// What to revise.
        reason: String,
    },
    /// The office decides it is not a suggestion (e.g. a personal matter) (W1 step 3).
    RejectSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why.
        reason: String,
    },
    /// The lead deputy (or the office on their behalf) withdraws the suggestion.
    WithdrawSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why.
        #[serde(default)]
        reason: Option<String>,
    },
    /// The office assigns (交办) the suggestion to a lead unit with co-units (W1 step 5).
    AssignSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The lead unit (主办单位).
        lead_unit: UnitId,
        /// Co-units (协办单位).
        #[serde(default)]
        co_units: Vec<UnitId>,
    },
    /// The office extends the reply deadline once, for a complex suggestion (L-1).
    ExtendReplyDeadline {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why it is complex.
        reason: String,
    },
    /// A co-unit sends its opinion to the lead unit (W1 step 8).
    SubmitCoUnitOpinion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The opinion.
        opinion: String,
    },
    /// The lead unit replies in writing with a result category (W1 step 8, L-25). Also the
    /// second reply after re-handling or from the plan ledger (R-S3, R-S5).
    ReplySuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Result category A/B/C/D.
        result: ResultCategory,
        /// Whether the solution is placed in a work plan (列入计划; only with B).
        #[serde(default)]
        in_plan: bool,
        /// Summary of the reply.
        summary: String,
        /// Reason (required for C by default).
        #[serde(default)]
        reason: Option<String>,
    },
    /// The office publishes the handling results of a congress's suggestions up to today
    /// (domain §6.2 "publish results"): ratings given so far become visible to handling units
    /// in back-to-back mode, and figures up to today to the public.
    PublishResults {
        /// The congress.
        congress: CongressId,
    },
    /// A proposing deputy rates the reply (W1 step 9).
    GiveFeedback {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The rating.
        rating: Satisfaction,
        /// Comment.
        #[serde(default)]
        comment: Option<String>,
    },
    /// Update a deputy's roster attributes: the fields given replace the recorded ones.
    UpdateDeputyProfile {
        /// The deputy.
        deputy: DeputyId,
        /// The fields to replace.
        profile: DeputyProfile,
    },
    /// Elect a deputy of the congress to its standing committee (L-6 size limit).
    JoinStandingCommittee {
        /// The deputy.
        deputy: DeputyId,
        /// Post.
        post: CommitteePost,
        /// Serves full time (驻会, R-O7).
        #[serde(default)]
        full_time: bool,
        /// Age allows two full terms (R-O1).
        #[serde(default)]
        can_serve_two_terms: Option<bool>,
        /// New this term.
        #[serde(default)]
        new_this_term: Option<bool>,
    },
    /// A deputy hands in a written resignation (L-9).
    SubmitResignation {
        /// The deputy.
        deputy: DeputyId,
    },
    /// The standing committee (for a township deputy: the township congress) votes on a
    /// written resignation; it is accepted only by a majority of *all* members (L-9, L-4).
    DecideResignation {
        /// The deputy.
        deputy: DeputyId,
        /// The tally.
        vote: Vote,
    },
    /// The office records a deputy's absence from a session of the congress; the second
    /// unexcused absence terminates the qualification (L-11).
    RecordAbsence {
        /// The deputy.
        deputy: DeputyId,
        /// The session.
        session: SessionId,
        /// Whether leave was approved.
        excused: bool,
    },
    /// The office records that a deputy's qualification terminated for a reason of L-11 other
    /// than resignation and absences (moved out, recalled, …).
    TerminateQualification {
        /// The deputy.
        deputy: DeputyId,
        /// Why.
        reason: TerminationReason,
    },
    /// The office records that a deputy's duties are suspended (L-11), e.g. during detention.
    SuspendDeputy {
        /// The deputy.
        deputy: DeputyId,
        /// Why.
        reason: String,
    },
    /// The office records that a suspended deputy's duties resume.
    ReinstateDeputy {
        /// The deputy.
        deputy: DeputyId,
    },
    /// Register a home or station of a tier the rule set defines (§1.5).
    RegisterStation {
        /// New station id.
        station: StationId,
        /// The congress whose deputies it serves.
        congress: CongressId,
        /// Name.
        name: String,
        /// Tier.
        tier: TierId,
        /// The home or station it belongs under.
        #[serde(default)]
        parent: Option<StationId>,
        /// Also a grassroots legislative contact point.
        #[serde(default)]
        legislative_contact_point: bool,
    },
    /// Assign a deputy to a home or station (one per tier; a new one replaces the old).
    AssignStation {
        /// The deputy.
        deputy: DeputyId,
        /// The home or station.
        station: StationId,
    },
    /// Record a deputy activity (§1.4) with its participants from any congress.
    RecordActivity {
        /// New activity id.
        activity: ActivityId,
        /// The congress that organised or records it.
        congress: CongressId,
        /// Kind.
        kind: ActivityKind,
        /// Day it took place (not after the command's day).
        on: NaiveDate,
        /// Title.
        title: String,
        /// Participating deputies.
        participants: Vec<DeputyId>,
        /// Where.
        #[serde(default)]
        station: Option<StationId>,
        /// Voters received.
        #[serde(default)]
        voters_received: u32,
        /// Opinions collected.
        #[serde(default)]
        opinions_collected: u32,
        /// For a debrief, which one.
        #[serde(default)]
        debrief: Option<DebriefScope>,
    },
    /// Record an issue a voter raised (W7).
    RecordVoterIssue {
        /// New issue id.
        issue: VoterIssueId,
        /// The congress.
        congress: CongressId,
        /// Summary.
        summary: String,
        /// The deputy who received it.
        #[serde(default)]
        deputy: Option<DeputyId>,
        /// Where.
        #[serde(default)]
        station: Option<StationId>,
        /// At which activity.
        #[serde(default)]
        activity: Option<ActivityId>,
    },
    /// Decide what happens to a voter issue (W7 triage).
    TriageVoterIssue {
        /// The issue.
        issue: VoterIssueId,
        /// The decision.
        triage: Triage,
    },
    /// Record that the voter was answered.
    AnswerVoterIssue {
        /// The issue.
        issue: VoterIssueId,
    },
    /// Close a voter issue.
    CloseVoterIssue {
        /// The issue.
        issue: VoterIssueId,
    },
    /// Publish the points of a quarter at a home or station, or of a year for the whole
    /// congress (W6, R-D2); frozen as published.
    PublishPoints {
        /// The congress.
        congress: CongressId,
        /// A quarter (at a station) or a year (for the congress).
        period: Period,
        /// Where.
        scope: PublicationScope,
    },
    /// The office interviews (约谈) a deputy below the points threshold of the latest annual
    /// publication, and notifies the electoral unit (R-D2).
    RecordInterview {
        /// The deputy.
        deputy: DeputyId,
    },
    /// The standing committee advises a deputy to resign (劝辞) after an interview without
    /// improvement (R-D2).
    AdviseResignation {
        /// The deputy.
        deputy: DeputyId,
    },
    /// The office notifies the deputy's work unit of the performance record, "when necessary",
    /// with the reason recorded (W6 step 4).
    NotifyEmployer {
        /// The deputy.
        deputy: DeputyId,
        /// Why it is necessary.
        reason: String,
    },
    /// Schedule a session of a congress with its motion submission window (L-2): motions are
    /// accepted from `opens_on` to `motions_due`.
    ScheduleSession {
        /// New session id.
        session: SessionId,
        /// The congress.
        congress: CongressId,
        /// First day of the session (within the term).
        opens_on: NaiveDate,
        /// Last day of the session.
        closes_on: NaiveDate,
        /// Last day motions are accepted, within the session; absent: `closes_on`.
        #[serde(default)]
        motions_due: Option<NaiveDate>,
    },
    /// Submit a motion (议案) to the presidium during a session (L-2, R-P7, W4 step 2).
    SubmitMotion {
        /// New motion id.
        motion: crate::ids::MotionId,
        /// The congress.
        congress: CongressId,
        /// The session whose window it is submitted in.
        session: SessionId,
        /// Title.
        title: String,
        /// Who submits it: deputies jointly, a delegation, the presidium, the standing committee,
        /// a special committee or the government (`by`).
        sponsor: crate::motion::Sponsor,
        /// Legislative, supervisory or other.
        kind: crate::motion::MotionKind,
        /// Topic, free text.
        #[serde(default)]
        topic: Option<String>,
    },
    /// The presidium's decision on a submitted motion (W4 step 3, L-2), recorded by the standing
    /// committee, a special committee or the office: listed, handled as a suggestion, merged into
    /// another listed motion, or turned into a legislative research project.
    ReviewMotion {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The decision (`as`).
        decision: crate::motion::ReviewDecision,
    },
    /// Withdraw a motion: freely before review, with the presidium's consent once listed (L-2).
    WithdrawMotion {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Whether the presidium consented (needed for a listed motion).
        #[serde(default)]
        presidium_consent: bool,
    },
    /// Assign a listed motion to the government for handling (交付办理, W4 step 4); a supervisory
    /// motion goes into the standing committee's supervision plan (R-P1).
    AssignMotion {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The lead handling unit.
        lead_unit: UnitId,
        /// Co-units.
        #[serde(default)]
        co_units: Vec<UnitId>,
    },
    /// Form the motion's handling working group (R-P3).
    FormMotionWorkingGroup {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The standing-committee leader in charge.
        leader: String,
        /// The responsible committee.
        committee: String,
        /// Deputies taking part (at least one).
        #[serde(default)]
        members: Vec<DeputyId>,
        /// Sponsoring deputies taking part (at least one for a motion of deputies).
        #[serde(default)]
        proposing_deputies: Vec<DeputyId>,
    },
    /// The government agrees the handling plan, with goals and a deadline (R-P3); handling year
    /// 1 starts.
    AgreeMotionPlan {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The goals (at least one).
        goals: Vec<String>,
        /// The deadline, after today.
        deadline: NaiveDate,
    },
    /// The government reports on a year's handling to the standing committee, or then to the
    /// congress (W4 step 7, R-P5).
    ReportMotionHandling {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The current handling year (from 1).
        year: u32,
        /// `standing_committee` or `congress`.
        to: crate::motion::ReportTo,
        /// Summary.
        summary: String,
    },
    /// The standing committee's review opinion on a year's handling report (W4 step 7).
    IssueMotionReviewOpinion {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The current handling year.
        year: u32,
        /// The opinion.
        opinion: String,
    },
    /// A third-party evaluation of a year's handling (W4 step 7, 顺义).
    RecordMotionEvaluation {
        /// The motion.
        motion: crate::ids::MotionId,
        /// A handling year that has started.
        year: u32,
        /// The evaluating organisation.
        evaluator: String,
        /// Its findings.
        summary: String,
    },
    /// The standing committee concludes the current handling year: completed, or continued into
    /// another year within the tracking period (R-P2).
    ConcludeMotionYear {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The current handling year.
        year: u32,
        /// `completed` or `continued`.
        outcome: crate::motion::YearOutcome,
    },
    /// A street working committee, a special committee or the office recommends a suggestion
    /// as a key suggestion (W2 step 1, R-S7).
    RecommendKeySuggestion {
        /// The suggestion (accepted, not finished).
        suggestion: SuggestionId,
        /// Why it should be key.
        reason: String,
    },
    /// The director meeting or the standing committee designates a key suggestion (W2 step 2,
    /// R-S7; who may is rule-set data, `key.designated_by`).
    DesignateKeySuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The leader who leads its supervision (主任/副主任牵头, R-S15).
        leader: String,
    },
    /// A key-suggestion meeting was held (W2 steps 3–4, R-S7, R-S14; the three-meeting model
    /// [002:L287]).
    HoldKeyMeeting {
        /// The kind of meeting.
        meeting: crate::key_suggestion::KeyMeetingKind,
        /// The key suggestions on the agenda.
        suggestions: Vec<SuggestionId>,
        /// The organs whose heads attended.
        #[serde(default)]
        organs: Vec<crate::key_suggestion::Organ>,
        /// The deputies who attended.
        #[serde(default)]
        deputies: Vec<DeputyId>,
        /// Ratings given on the spot (supervision meetings only, W2 step 4).
        #[serde(default)]
        on_the_spot: Vec<crate::key_suggestion::OnTheSpotRating>,
    },
    /// A deputy's back-to-back quality rating of a key suggestion's handling (W2 step 5, R-S8),
    /// given by the deputy or recorded by the office at the forum.
    RateKeyQuality {
        /// The key suggestion.
        suggestion: SuggestionId,
        /// The rating deputy (a proposer).
        deputy: DeputyId,
        /// The rating.
        rating: Satisfaction,
    },
    /// The congress announces the back-to-back assessment of a key suggestion (W2 step 5).
    PublishKeyAssessment {
        /// The key suggestion.
        suggestion: SuggestionId,
    },
    /// The director meeting hears the outcome of a key suggestion (W2 step 6, S001-15).
    RecordKeyOutcome {
        /// The key suggestion.
        suggestion: SuggestionId,
        /// The outcome.
        outcome: crate::key_suggestion::KeyOutcome,
    },
    /// A supervision overlay starts on a suggestion (W1 step 7).
    StartSupervision {
        /// The suggestion (assigned, not finished).
        suggestion: SuggestionId,
        /// The mode.
        mode: crate::supervision::SupervisionMode,
        /// Who leads it (a leader's name or a committee).
        lead: String,
    },
    /// A supervision overlay ends (W1 step 7).
    EndSupervision {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The mode.
        mode: crate::supervision::SupervisionMode,
    },
    /// A deputy is appointed supervision monitor of a suggestion (代表建议督办监督员, W1 step 7).
    AppointSupervisionMonitor {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The deputy (of the same congress, in office, not a proposer).
        deputy: DeputyId,
    },
    /// The sample of a third-party evaluation of handling is selected (W3 step 1, R-S10).
    PlanHandlingEvaluation {
        /// New evaluation id.
        evaluation: crate::ids::EvaluationId,
        /// The congress.
        congress: CongressId,
        /// The year of handling evaluated (within the term).
        year: i32,
        /// The sampled suggestions with their categories.
        sample: Vec<crate::handling_evaluation::SampleItem>,
    },
    /// A qualified evaluator is commissioned (W3 step 2).
    CommissionEvaluator {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// The evaluator's actor id (it acts as `third_party_evaluator`).
        evaluator: crate::ids::ActorId,
    },
    /// The evaluator submits its report (W3 step 3).
    SubmitEvaluationReport {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// One finding per sampled suggestion.
        findings: Vec<crate::handling_evaluation::Finding>,
        /// Summary.
        summary: String,
    },
    /// The report is distributed at a standing-committee meeting and fed back to the
    /// departments and deputies (W3 step 4).
    DistributeEvaluationReport {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
    },
    /// The director meeting decides how the results are used (W3 step 5, R-S9).
    DecideEvaluationUse {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// The uses.
        uses: Vec<crate::handling_evaluation::EvaluationUse>,
        /// A note.
        #[serde(default)]
        note: Option<String>,
    },
    /// The office merges suggestions (件) of one congress into a class case (类案, 项) with one
    /// lead unit (W1 step 4, §6.2 "merge into a class case"); every proposer still gets their
    /// own reply.
    MergeSuggestions {
        /// New class-case id.
        group: crate::ids::ClassCaseId,
        /// Topic of the group (e.g. 增加幼儿园学位).
        title: String,
        /// At least 2 suggestions, each once: accepted, or assigned to `lead_unit` and not yet
        /// replied, and in no other group.
        suggestions: Vec<SuggestionId>,
        /// The group's lead unit (主办单位).
        lead_unit: UnitId,
    },
    /// The office adds a suggestion to a class case (W1 step 4).
    AddToClassCase {
        /// The class case.
        group: crate::ids::ClassCaseId,
        /// The suggestion: accepted, or assigned to the group's lead unit and not yet replied.
        suggestion: SuggestionId,
    },
    /// The office splits a suggestion off a class case before its first reply (W1 step 4); a
    /// group left with one member is dissolved.
    SplitSuggestion {
        /// The class case.
        group: crate::ids::ClassCaseId,
        /// The suggestion.
        suggestion: SuggestionId,
    },
    /// Convenes a meeting of the congress, its standing committee or its director meeting
    /// (issue 5). Supervision items are heard and decided at meetings.
    ConveneMeeting {
        /// Id.
        meeting: crate::ids::MeetingId,
        /// The congress.
        congress: CongressId,
        /// Which body meets.
        body: crate::oversight::meeting::Body,
        /// Regular, mid-year, quarterly or extraordinary.
        kind: crate::oversight::meeting::MeetingKind,
        /// The (first) day of the meeting.
        held_on: NaiveDate,
        /// For a congress sitting: its session.
        #[serde(default)]
        session: Option<SessionId>,
    },
    /// Sets the numbered agenda of a meeting, once (R-M9: political study first where the rule
    /// set asks for it).
    SetMeetingAgenda {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The items, numbered 1, 2, 3, … in order.
        items: Vec<crate::oversight::meeting::AgendaItem>,
    },
    /// Records who attended a meeting, once: members and present (L-3 quorum), deputies
    /// attending without a vote (列席, W21, R-M8) and citizens observing (旁听).
    RecordAttendance {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// Members of the body (全体代表 / 全体组成人员).
        members: u32,
        /// Members present.
        present: u32,
        /// Deputies attending without a vote.
        #[serde(default)]
        attending_deputies: Vec<DeputyId>,
        /// Citizens observing.
        #[serde(default)]
        observers: u32,
    },
    /// Records a speech on an agenda item and its length (R-M1…R-M3 speaking limits).
    RecordSpeech {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The agenda item's number.
        item: u32,
        /// The kind of speech.
        kind: crate::oversight::meeting::SpeechKind,
        /// Length in minutes.
        minutes: u32,
    },
    /// Records a ballot at a meeting (L-4: adopted by a majority of all members; L-3: quorum).
    HoldBallot {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// Id.
        ballot: crate::ids::BallotId,
        /// The agenda item's number.
        item: u32,
        /// What is voted on.
        subject: String,
        /// The kind of ballot.
        kind: crate::oversight::meeting::BallotKind,
        /// The tally.
        vote: crate::vote::Vote,
        /// For appointments and removals: the persons (人次, S001-4).
        #[serde(default)]
        persons: Option<u32>,
    },
    /// Records a request for an extraordinary congress session (L-3: one fifth of the deputies).
    RequestExtraordinarySession {
        /// The congress.
        congress: CongressId,
        /// How many deputies request it.
        deputies: u32,
    },
    /// Proposes a supervision topic for a year's plan (W9 step 1; L-20 sources, R-M16).
    ProposeSupervisionTopic {
        /// New topic id.
        topic: crate::ids::SupervisionTopicId,
        /// The congress.
        congress: CongressId,
        /// The plan year (within the term).
        year: i32,
        /// Where it comes from (L-20).
        source: crate::oversight::plan::TopicSource,
        /// Title.
        title: String,
        /// Who proposed it, if recorded.
        #[serde(default)]
        proposer: Option<String>,
    },
    /// The working bodies shortlist proposed topics (W9 step 3).
    ShortlistSupervisionTopics {
        /// The congress.
        congress: CongressId,
        /// The plan year.
        year: i32,
        /// Proposed topics of that congress and year, each once.
        topics: Vec<crate::ids::SupervisionTopicId>,
    },
    /// Approves the year's supervision plan from shortlisted topics, recording the Party
    /// committee's approval (W9 step 4, R-M21).
    ApproveSupervisionPlan {
        /// New plan id.
        plan: crate::ids::SupervisionPlanId,
        /// The congress.
        congress: CongressId,
        /// The year (one plan per congress and year).
        year: i32,
        /// Shortlisted topics of that congress and year, each once.
        topics: Vec<crate::ids::SupervisionTopicId>,
        /// Reference of the Party committee's approval (meeting or document).
        party_committee_ref: String,
        /// Date of the Party committee's approval (not after the command).
        party_committee_approved_on: NaiveDate,
    },
    /// Publishes the plan and sends it to deputies (R-M23, R-M17: by the rule set's month).
    PublishSupervisionPlan {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
    },
    /// A deputy chooses a topic of the published plan (W9 step 6), once.
    ChooseSupervisionTopic {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
        /// A topic of the plan.
        topic: crate::ids::SupervisionTopicId,
        /// The deputy (the actor, for a deputy).
        deputy: DeputyId,
    },
    /// Adjusts an approved plan: adds shortlisted topics, drops topics, with a reason (L-20 2024).
    AdjustSupervisionPlan {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
        /// Shortlisted topics to add.
        #[serde(default)]
        add: Vec<crate::ids::SupervisionTopicId>,
        /// Topics of the plan to drop.
        #[serde(default)]
        drop: Vec<crate::ids::SupervisionTopicId>,
        /// Why.
        reason: String,
    },
    /// Puts a report on the agenda of a standing-committee meeting (W10 step 1).
    ScheduleWorkReport {
        /// New report id.
        report: crate::ids::WorkReportId,
        /// The congress.
        congress: CongressId,
        /// The year (the year of the meeting).
        year: i32,
        /// Kind.
        kind: crate::oversight::work_report::ReportKind,
        /// For a state-assets report, its sub-kind (R-B6); absent otherwise.
        #[serde(default)]
        state_assets_kind: Option<crate::oversight::work_report::StateAssetsKind>,
        /// Title.
        title: String,
        /// The reporting organ.
        organ: UnitId,
        /// The standing-committee meeting that hears it (not yet held).
        meeting: crate::ids::MeetingId,
        /// The plan topic it carries out (W9 step 7).
        #[serde(default)]
        topic: Option<crate::ids::SupervisionTopicId>,
    },
    /// Records research before the hearing (R-M20, W10 step 2).
    RecordReportResearch {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Findings fed back to the organ.
        summary: String,
    },
    /// The organ submits the first or the revised version (L-15); late is accepted and marked.
    SubmitWorkReport {
        /// The report.
        report: crate::ids::WorkReportId,
        /// First (20 days before) or revised (10 days before).
        version: crate::oversight::work_report::ReportVersion,
        /// Performance-evaluation reports attached (R-B7, final accounts).
        #[serde(default)]
        performance_reports: Vec<String>,
    },
    /// Sends a submitted report back for revision before the meeting (R-M15).
    ReturnWorkReport {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Why it does not meet the requirements.
        reason: String,
    },
    /// The standing committee hears the revised report at its meeting, on the meeting day
    /// (W10 step 5; R-M20, R-B7).
    HearWorkReport {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Oral or written.
        mode: crate::oversight::work_report::HearingMode,
    },
    /// Issues the review opinion (审议意见书) on a heard report (W10 step 7, L-16).
    IssueReviewOpinion {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The opinion.
        opinion: String,
    },
    /// The organ reports in writing how it handled the review opinion (L-16); late is marked.
    ReportOpinionHandling {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The handling report.
        summary: String,
    },
    /// Follows up a review opinion (L-16): tracking inspection, next-year report, resolution.
    FollowUpWorkReport {
        /// The report.
        report: crate::ids::WorkReportId,
        /// How.
        kind: crate::oversight::work_report::FollowUpKind,
        /// Summary.
        summary: String,
    },
    /// Closes a report once the organ has reported its handling (L-16, W10 step 10).
    CloseWorkReport {
        /// The report.
        report: crate::ids::WorkReportId,
    },
    /// Plans a law-enforcement inspection (执法检查, W11). R-L1: not in a year before the law
    /// takes effect.
    PlanInspection {
        /// New inspection id.
        inspection: crate::ids::InspectionId,
        /// The congress whose standing committee inspects.
        congress: CongressId,
        /// The year of the inspection.
        year: u32,
        /// The law or regulation inspected.
        law: crate::oversight::inspection::Law,
        /// Joint with the higher-level congress (市区联动).
        #[serde(default)]
        joint: bool,
        /// A third party taking part.
        #[serde(default)]
        third_party: Option<String>,
        /// The end of a transition period before which no look-back (R-L4).
        #[serde(default)]
        transition_ends: Option<NaiveDate>,
    },
    /// Forms the inspection team of small groups of deputies (R-L3).
    FormInspectionTeam {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// At least one group, each with a leader and deputies.
        groups: Vec<crate::oversight::inspection::InspectionGroup>,
    },
    /// Records issues found on the issue list (问题清单, R-L2), perhaps handed over for
    /// rectification at once (边检查边交办边整改).
    RecordInspectionIssues {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// At least one issue.
        issues: Vec<crate::oversight::inspection::IssueInput>,
    },
    /// The inspection report is heard at a standing-committee meeting with its issue list (R-L2).
    ReportInspection {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// Who presents it (may be a deputy director).
        presenter: String,
        /// The report states that no issues were found.
        #[serde(default)]
        no_issues: bool,
    },
    /// The standing committee issues its review opinion on the inspection report (审议意见).
    IssueInspectionReviewOpinion {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The opinion.
        text: String,
    },
    /// The responsible unit reports an issue rectified (R-L2).
    RectifyInspectionIssue {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The issue.
        issue: crate::ids::InspectionIssueId,
    },
    /// The look-back (回头看, R-L4), not before the end of the transition period.
    LookBackInspection {
        /// The inspection.
        inspection: crate::ids::InspectionId,
    },
    /// Closes an inspection: every issue rectified, or a look-back done.
    CloseInspection {
        /// The inspection.
        inspection: crate::ids::InspectionId,
    },
    /// Records a deputy's deliberation opinion at a congress session (W14); R-M6: one recorder
    /// per delegation.
    RecordDeliberationOpinion {
        /// New opinion id.
        opinion: crate::ids::OpinionId,
        /// The congress.
        congress: CongressId,
        /// The session.
        session: SessionId,
        /// The delegation (代表团).
        delegation: String,
        /// The delegation's recorder.
        recorder: String,
        /// The opinion.
        text: String,
        /// Congress work or government work.
        about: crate::oversight::deliberation::OpinionAbout,
    },
    /// The director meeting routes an opinion: into the SC work plan or to the government (W14).
    RouteDeliberationOpinion {
        /// The opinion.
        opinion: crate::ids::OpinionId,
        /// The director meeting.
        meeting: crate::ids::MeetingId,
        /// Where it goes.
        route: crate::oversight::deliberation::OpinionRoute,
    },
    /// The director meeting hears the government's report on the opinions routed to it, in the
    /// fourth quarter (R-M7).
    ReportDeliberationHandling {
        /// The congress.
        congress: CongressId,
        /// The director meeting.
        meeting: crate::ids::MeetingId,
        /// The opinions reported on, each routed to the government.
        opinions: Vec<crate::ids::OpinionId>,
    },
    /// Plans the follow-up of a congress resolution over years (W14).
    PlanResolutionFollowUp {
        /// New resolution id.
        resolution: crate::ids::ResolutionId,
        /// The congress that adopted it.
        congress: CongressId,
        /// Its title.
        title: String,
        /// The years it is followed, ascending.
        years: Vec<u32>,
    },
    /// Records one of the four yearly follow-up duties done for a resolution (W14).
    RecordResolutionDuty {
        /// The resolution.
        resolution: crate::ids::ResolutionId,
        /// The year followed.
        year: u32,
        /// The duty.
        duty: crate::oversight::deliberation::ResolutionDuty,
        /// A note.
        #[serde(default)]
        note: Option<String>,
    },
    /// Proposes a livelihood project for a year (W19 step 1; S001-11).
    ProposeLivelihoodProject {
        /// New project id.
        project: crate::ids::LivelihoodProjectId,
        /// The congress.
        congress: CongressId,
        /// The year it is for.
        year: u32,
        /// Title.
        title: String,
        /// Deputies or voters.
        origin: crate::oversight::livelihood::ProposalOrigin,
    },
    /// The congress or its standing committee approves the year's project list at a meeting
    /// (a decision, W19 step 3).
    ApproveLivelihoodProjects {
        /// The congress.
        congress: CongressId,
        /// The meeting of the congress or the standing committee.
        meeting: crate::ids::MeetingId,
        /// The year of the projects.
        year: u32,
        /// The projects with their due dates.
        projects: Vec<crate::oversight::livelihood::ApprovedProject>,
    },
    /// Deputies visit a project (查进度、督质量、促成效, W19 step 4; S001-7).
    MonitorLivelihoodProject {
        /// The project.
        project: crate::ids::LivelihoodProjectId,
        /// The deputies visiting.
        deputies: Vec<DeputyId>,
        /// What they found.
        #[serde(default)]
        note: Option<String>,
    },
    /// The government completes a project (W19 step 6): on time or late against its due date.
    CompleteLivelihoodProject {
        /// The project.
        project: crate::ids::LivelihoodProjectId,
        /// The day it was completed.
        completed_on: NaiveDate,
    },
    /// The government's completion report is heard at a standing-committee meeting (W19 step 7).
    ReportLivelihoodCompletion {
        /// The congress.
        congress: CongressId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// The year of the projects.
        year: u32,
    },
    /// The director meeting or the standing committee declares the government departments to
    /// evaluate within the term (R-E1); a later declaration replaces the earlier one.
    DeclareEvaluationScope {
        /// The congress.
        congress: CongressId,
        /// The departments to cover.
        departments: Vec<UnitId>,
    },
    /// A department is selected for a year's work evaluation, with its team (W5 state 0, R-E5);
    /// a department is evaluated at most once a year (R-E1).
    PlanWorkEvaluation {
        /// New id.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The congress.
        congress: CongressId,
        /// The year (within the term).
        year: i32,
        /// The department evaluated.
        department: UnitId,
        /// The team (R-E5).
        team: crate::oversight::work_evaluation::EvaluationTeam,
    },
    /// The team holds the kickoff meeting (动员大会) at the department: phase 1 starts (R-E2).
    StartWorkEvaluation {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
    },
    /// The department submits its self-inspection work report (工作情况报告, R-E2 phase 1).
    SubmitSelfInspectionReport {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Summary.
        summary: String,
    },
    /// The team submits its investigation report (调查报告, R-E2 phase 2).
    SubmitInvestigationReport {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Methods used.
        methods: Vec<crate::oversight::work_evaluation::InvestigationMethod>,
        /// Deputies taking part, in 人次 (S001-8).
        #[serde(default)]
        deputy_person_times: u32,
        /// Summary.
        summary: String,
    },
    /// The standing committee hears the two reports with the department's special work report
    /// and deliberates (R-E2 phase 3, R-E3, R-E6).
    DeliberateWorkEvaluation {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// The special work report heard with it (title or reference).
        special_work_report: String,
    },
    /// The on-the-spot satisfaction vote at the deliberation meeting (R-E3).
    RecordSatisfactionVote {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The meeting (the deliberation meeting).
        meeting: crate::ids::MeetingId,
        /// Members of the standing committee.
        members: u32,
        /// Members present.
        present: u32,
        /// Votes per option of the scale.
        counts: Vec<crate::oversight::work_evaluation::OptionCount>,
    },
    /// The result is published and the government notified (R-E3).
    PublishWorkEvaluationResult {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The government notified (e.g. 海淀区人民政府).
        notified: String,
    },
    /// The evaluation-opinion document (评议意见书) is issued (R-E6); the rectification report is due
    /// a rule-set period later.
    IssueEvaluationOpinion {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Its items.
        items: Vec<String>,
    },
    /// The department reports its rectification (落实整改, R-E2 phase 4); late when after the due date.
    ReportRectification {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Summary.
        summary: String,
    },
    /// The standing committee looks back (回头看) at the rectification (R-E4).
    LookBackWorkEvaluation {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// `adequate` or `weak`.
        finding: crate::oversight::work_evaluation::LookBackOutcome,
        /// Summary.
        summary: String,
    },
    /// The evaluation is closed after an adequate look-back (R-E4).
    CloseWorkEvaluation {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
    },
    /// Weak or delayed rectification is escalated to interpellation, a topic inquiry or a
    /// special-question investigation (R-E4).
    EscalateWorkEvaluation {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The tool.
        kind: crate::oversight::work_evaluation::WorkEvaluationEscalation,
        /// Why.
        reason: String,
    },
    /// The standing committee holds a topic inquiry (专题询问) at its meeting on a report (W23;
    /// R-M14 counts them per year).
    HoldTopicInquiry {
        /// New id.
        inquiry: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The standing-committee meeting (its day is the inquiry's day).
        meeting: crate::ids::MeetingId,
        /// The linked report (title or id).
        report: String,
        /// Who asked: deputies of the congress (SC members, invited deputies), in office.
        questioners: Vec<DeputyId>,
        /// Who answered: units.
        responders: Vec<UnitId>,
        /// Streamed live.
        #[serde(default)]
        live_stream: bool,
        /// What led to it (e.g. a work-evaluation id, W5 step 4).
        #[serde(default)]
        origin: Option<String>,
    },
    /// Standing-committee members (or, in session, deputies) jointly propose an interpellation
    /// (质询案) of a unit (L-17).
    ProposeInterpellation {
        /// New id.
        interpellation: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The unit questioned.
        addressee: UnitId,
        /// Subject.
        subject: String,
        /// The questions.
        questions: Vec<String>,
        /// The proposers: `sc_members` (3 county, 5 city/province, 10 national) or `deputies`
        /// during a session (10).
        by: crate::oversight::escalation::Proposers,
        /// What led to it (e.g. a work-evaluation id, W5 step 4).
        #[serde(default)]
        origin: Option<String>,
    },
    /// The director meeting decides how an interpellation is answered (L-17).
    DecideInterpellationAnswer {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// Oral at a plenary meeting, oral at a committee meeting, or written.
        mode: crate::oversight::escalation::AnswerMode,
        /// The committee of an oral committee answer.
        #[serde(default)]
        committee: Option<String>,
    },
    /// The unit questioned answers (L-17); an oral plenary answer names the meeting.
    AnswerInterpellation {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The answer (or its summary).
        answer: String,
        /// The meeting of an oral plenary answer.
        #[serde(default)]
        meeting: Option<crate::ids::MeetingId>,
    },
    /// A proposer rates the answer, once per answer (L-17).
    RateInterpellationAnswer {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The proposer.
        deputy: DeputyId,
        /// Satisfied or dissatisfied.
        rating: crate::oversight::escalation::AnswerRating,
    },
    /// The interpellation is closed after an answer (L-17).
    CloseInterpellation {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
    },
    /// The director meeting, one fifth of SC members, or in session the presidium, 3
    /// delegations or one tenth of deputies propose a special-question investigation (L-18).
    ProposeSpecialInvestigation {
        /// New id.
        investigation: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The question to investigate.
        subject: String,
        /// The proposers.
        by: crate::oversight::escalation::Proposers,
        /// What led to it (e.g. a work-evaluation id, W5 step 4).
        #[serde(default)]
        origin: Option<String>,
    },
    /// The standing committee votes to form the investigation committee (L-18, L-4).
    DecideSpecialInvestigation {
        /// The investigation.
        investigation: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The tally over all members.
        vote: crate::vote::Vote,
        /// The committee's members (deputies in office).
        members: Vec<DeputyId>,
    },
    /// The investigation committee reports; the standing committee may adopt a resolution (L-18).
    ReportSpecialInvestigation {
        /// The investigation.
        investigation: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The report (or its summary).
        report: String,
        /// The vote on a resolution, if one was put.
        #[serde(default)]
        resolution: Option<crate::vote::Vote>,
    },
    /// The government, the director meeting or one fifth of SC members propose removing an
    /// official (撤职案, L-19).
    ProposeRemoval {
        /// New id.
        removal: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The official's name.
        official: String,
        /// The post.
        post: String,
        /// Why.
        reason: String,
        /// The proposers.
        by: crate::oversight::escalation::Proposers,
        /// What led to it (e.g. a work-evaluation id, W5 step 4).
        #[serde(default)]
        origin: Option<String>,
    },
    /// The standing committee votes on a removal (L-19, L-4: majority of all members).
    DecideRemoval {
        /// The removal.
        removal: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The tally over all members.
        vote: crate::vote::Vote,
    },
    /// An issuing organ files a normative document with the standing committee (W12, 有件必备;
    /// L-22: within `filing_days` of publication, later filings are accepted and marked late).
    FileNormativeDocument {
        /// New id.
        document: crate::ids::NormativeDocumentId,
        /// The congress whose standing committee it is filed with.
        congress: CongressId,
        /// The issuing organ.
        issuer: UnitId,
        /// Which of 一府一委两院 (R-F2).
        issuer_kind: crate::oversight::filing::IssuerKind,
        /// Title.
        title: String,
        /// Publication date.
        published_on: NaiveDate,
        /// Filing date (default: the command date).
        #[serde(default)]
        filed_on: Option<NaiveDate>,
    },
    /// The reviewing committee starts the review of a filed document (有备必审, L-22 modes).
    ReviewNormativeDocument {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// Own initiative, on request, thematic, transferred or joint.
        mode: crate::oversight::filing::ReviewMode,
    },
    /// The review's finding: no issue (no `issue`), or the issue found (W12 step 4).
    RecordReviewFinding {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The issue found; absent: no issue.
        #[serde(default)]
        issue: Option<String>,
    },
    /// A written review opinion to the issuer, who answers within `answer_months` (L-22).
    SendFilingReviewOpinion {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The opinion.
        opinion: String,
    },
    /// The issuer answers the written review opinion (L-22; a late answer is marked late).
    AnswerFilingReviewOpinion {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The answer.
        answer: String,
    },
    /// The issuer corrected the document, voluntarily or after the opinion (有错必纠, R-F1).
    CorrectNormativeDocument {
        /// The document.
        document: crate::ids::NormativeDocumentId,
    },
    /// The standing committee votes to revoke a document the issuer did not correct after the
    /// written opinion (R-F1, L-22; majority of all members, L-4).
    RevokeNormativeDocument {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// The ballot.
        vote: crate::vote::Vote,
    },
    /// Pairs a special committee with first-level budget departments from a budget year on
    /// (对口联系部门, W13 step 2, R-B1); replaces the committee's pairing from that year.
    PairCommitteeDepartments {
        /// The congress.
        congress: CongressId,
        /// The special committee's name.
        committee: String,
        /// First budget year.
        from_year: i32,
        /// The departments.
        departments: Vec<UnitId>,
    },
    /// A committee's pre-review of a paired department's budget (W13 step 2, R-B1, R-B11).
    PreReviewDepartmentBudget {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// The committee.
        committee: String,
        /// The department (paired with the committee for the year).
        department: UnitId,
        /// Opinions made.
        opinions: u32,
        /// Projects adjusted.
        projects_adjusted: u32,
        /// Amount cut, yuan.
        amount_cut: u64,
        /// Amount increased, yuan.
        amount_increased: u64,
        /// The 预算四问 answers (R-B11).
        four_questions: crate::oversight::budget::FourQuestions,
    },
    /// The finance committee's budget pre-review meeting (W13 step 3, R-M10, R-B2).
    HoldBudgetPreReviewMeeting {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// First day.
        held_on: NaiveDate,
        /// Days.
        days: u32,
        /// What it heard.
        heard: Vec<crate::oversight::budget::BudgetPart>,
    },
    /// The key review of departments' budgets of a year (R-B10, S001-6).
    KeyBudgetReview {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// The departments.
        departments: Vec<UnitId>,
        /// Their budgets, yuan.
        amount_reviewed: u64,
        /// Projects adjusted.
        projects_adjusted: u32,
        /// Amount adjusted, yuan.
        amount_adjusted: u64,
    },
    /// The standing committee votes on a budget adjustment (L-21; majority of all members, L-4).
    ApproveBudgetAdjustment {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// What is adjusted.
        title: String,
        /// The ballot.
        vote: crate::vote::Vote,
        /// New government debt quota, yuan.
        #[serde(default)]
        new_debt_quota: Option<u64>,
    },
    /// Records the audit findings of a year (审计查出问题清单, R-B8).
    RecordAuditFindings {
        /// The congress.
        congress: CongressId,
        /// The audited budget year.
        year: i32,
        /// The findings.
        findings: Vec<crate::oversight::budget::NewAuditFinding>,
    },
    /// Puts a finding on the congress tracking list (人大重点跟踪监督清单, R-B8).
    TrackAuditFinding {
        /// The finding.
        finding: crate::ids::AuditFindingId,
    },
    /// Strikes a tracked finding off after reconciling its rectification (对账销号, R-B8).
    StrikeOffAuditFinding {
        /// The finding.
        finding: crate::ids::AuditFindingId,
        /// The rectification evidence.
        evidence: String,
    },
    /// A reminder (提醒告知) or, after one, a formal letter (行函督办) to a unit whose spending
    /// is slow (R-B9).
    SendBudgetReminder {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// The unit.
        unit: UnitId,
        /// Reminder or letter.
        kind: crate::oversight::budget::ReminderKind,
        /// Why.
        reason: String,
    },
    /// The government submits the preliminary draft budget to the standing committee at least
    /// `preliminary_days_before_session` days before the congress session (L-21: 30).
    SubmitPreliminaryBudget {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// The session that approves the budget.
        session: SessionId,
        /// Submission date (default: the command date).
        #[serde(default)]
        submitted_on: Option<NaiveDate>,
    },
    /// The approved budget was issued: by the finance bureau to the departments within
    /// `finance_issue_days` of approval, by the departments to their units within
    /// `department_issue_days` (L-21: 20 and 15).
    RecordBudgetIssuance {
        /// The congress.
        congress: CongressId,
        /// Budget year.
        year: i32,
        /// Approval by the congress.
        approved_on: NaiveDate,
        /// Issued by the finance bureau.
        finance_issued_on: NaiveDate,
        /// Issued by the departments to their units.
        departments_issued_on: NaiveDate,
    },
}

/// The kind of a command, without its data: the rows of the permission matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    /// See [`Command::RegisterCongress`].
    RegisterCongress,
    /// See [`Command::RegisterDeputy`].
    RegisterDeputy,
    /// See [`Command::RegisterUnit`].
    RegisterUnit,
    /// See [`Command::SubmitSuggestion`].
    SubmitSuggestion,
    /// See [`Command::ReviseSuggestion`].
    ReviseSuggestion,
    /// See [`Command::AcceptSuggestion`].
    AcceptSuggestion,
    /// See [`Command::ReturnSuggestion`].
    ReturnSuggestion,
    /// See [`Command::RejectSuggestion`].
    RejectSuggestion,
    /// See [`Command::WithdrawSuggestion`].
    WithdrawSuggestion,
    /// See [`Command::AssignSuggestion`].
    AssignSuggestion,
    /// See [`Command::ExtendReplyDeadline`].
    ExtendReplyDeadline,
    /// See [`Command::SubmitCoUnitOpinion`].
    SubmitCoUnitOpinion,
    /// See [`Command::ReplySuggestion`].
    ReplySuggestion,
    /// See [`Command::GiveFeedback`].
    GiveFeedback,
    /// See [`Command::PublishResults`].
    PublishResults,
    /// See [`Command::UpdateDeputyProfile`].
    UpdateDeputyProfile,
    /// See [`Command::JoinStandingCommittee`].
    JoinStandingCommittee,
    /// See [`Command::SubmitResignation`].
    SubmitResignation,
    /// See [`Command::DecideResignation`].
    DecideResignation,
    /// See [`Command::RecordAbsence`].
    RecordAbsence,
    /// See [`Command::TerminateQualification`].
    TerminateQualification,
    /// See [`Command::SuspendDeputy`].
    SuspendDeputy,
    /// See [`Command::ReinstateDeputy`].
    ReinstateDeputy,
    /// See [`Command::RegisterStation`].
    RegisterStation,
    /// See [`Command::AssignStation`].
    AssignStation,
    /// See [`Command::RecordActivity`].
    RecordActivity,
    /// See [`Command::RecordVoterIssue`].
    RecordVoterIssue,
    /// See [`Command::TriageVoterIssue`].
    TriageVoterIssue,
    /// See [`Command::AnswerVoterIssue`].
    AnswerVoterIssue,
    /// See [`Command::CloseVoterIssue`].
    CloseVoterIssue,
    /// See [`Command::PublishPoints`].
    PublishPoints,
    /// See [`Command::RecordInterview`].
    RecordInterview,
    /// See [`Command::AdviseResignation`].
    AdviseResignation,
    /// See [`Command::NotifyEmployer`].
    NotifyEmployer,
    /// See [`Command::ScheduleSession`].
    ScheduleSession,
    /// See [`Command::SubmitMotion`].
    SubmitMotion,
    /// See [`Command::ReviewMotion`].
    ReviewMotion,
    /// See [`Command::WithdrawMotion`].
    WithdrawMotion,
    /// See [`Command::AssignMotion`].
    AssignMotion,
    /// See [`Command::FormMotionWorkingGroup`].
    FormMotionWorkingGroup,
    /// See [`Command::AgreeMotionPlan`].
    AgreeMotionPlan,
    /// See [`Command::ReportMotionHandling`].
    ReportMotionHandling,
    /// See [`Command::IssueMotionReviewOpinion`].
    IssueMotionReviewOpinion,
    /// See [`Command::RecordMotionEvaluation`].
    RecordMotionEvaluation,
    /// See [`Command::ConcludeMotionYear`].
    ConcludeMotionYear,
    /// See [`Command::RecommendKeySuggestion`].
    RecommendKeySuggestion,
    /// See [`Command::DesignateKeySuggestion`].
    DesignateKeySuggestion,
    /// See [`Command::HoldKeyMeeting`].
    HoldKeyMeeting,
    /// See [`Command::RateKeyQuality`].
    RateKeyQuality,
    /// See [`Command::PublishKeyAssessment`].
    PublishKeyAssessment,
    /// See [`Command::RecordKeyOutcome`].
    RecordKeyOutcome,
    /// See [`Command::StartSupervision`].
    StartSupervision,
    /// See [`Command::EndSupervision`].
    EndSupervision,
    /// See [`Command::AppointSupervisionMonitor`].
    AppointSupervisionMonitor,
    /// See [`Command::PlanHandlingEvaluation`].
    PlanHandlingEvaluation,
    /// See [`Command::CommissionEvaluator`].
    CommissionEvaluator,
    /// See [`Command::SubmitEvaluationReport`].
    SubmitEvaluationReport,
    /// See [`Command::DistributeEvaluationReport`].
    DistributeEvaluationReport,
    /// See [`Command::DecideEvaluationUse`].
    DecideEvaluationUse,
    /// See [`Command::MergeSuggestions`].
    MergeSuggestions,
    /// See [`Command::AddToClassCase`].
    AddToClassCase,
    /// See [`Command::SplitSuggestion`].
    SplitSuggestion,
    /// See [`Command::ConveneMeeting`].
    ConveneMeeting,
    /// See [`Command::SetMeetingAgenda`].
    SetMeetingAgenda,
    /// See [`Command::RecordAttendance`].
    RecordAttendance,
    /// See [`Command::RecordSpeech`].
    RecordSpeech,
    /// See [`Command::HoldBallot`].
    HoldBallot,
    /// See [`Command::RequestExtraordinarySession`].
    RequestExtraordinarySession,
    /// See [`Command::ProposeSupervisionTopic`].
    ProposeSupervisionTopic,
    /// See [`Command::ShortlistSupervisionTopics`].
    ShortlistSupervisionTopics,
    /// See [`Command::ApproveSupervisionPlan`].
    ApproveSupervisionPlan,
    /// See [`Command::PublishSupervisionPlan`].
    PublishSupervisionPlan,
    /// See [`Command::ChooseSupervisionTopic`].
    ChooseSupervisionTopic,
    /// See [`Command::AdjustSupervisionPlan`].
    AdjustSupervisionPlan,
    /// See [`Command::ScheduleWorkReport`].
    ScheduleWorkReport,
    /// See [`Command::RecordReportResearch`].
    RecordReportResearch,
    /// See [`Command::SubmitWorkReport`].
    SubmitWorkReport,
    /// See [`Command::ReturnWorkReport`].
    ReturnWorkReport,
    /// See [`Command::HearWorkReport`].
    HearWorkReport,
    /// See [`Command::IssueReviewOpinion`].
    IssueReviewOpinion,
    /// See [`Command::ReportOpinionHandling`].
    ReportOpinionHandling,
    /// See [`Command::FollowUpWorkReport`].
    FollowUpWorkReport,
    /// See [`Command::CloseWorkReport`].
    CloseWorkReport,
    /// See [`Command::PlanInspection`].
    PlanInspection,
    /// See [`Command::FormInspectionTeam`].
    FormInspectionTeam,
    /// See [`Command::RecordInspectionIssues`].
    RecordInspectionIssues,
    /// See [`Command::ReportInspection`].
    ReportInspection,
    /// See [`Command::IssueInspectionReviewOpinion`].
    IssueInspectionReviewOpinion,
    /// See [`Command::RectifyInspectionIssue`].
    RectifyInspectionIssue,
    /// See [`Command::LookBackInspection`].
    LookBackInspection,
    /// See [`Command::CloseInspection`].
    CloseInspection,
    /// See [`Command::RecordDeliberationOpinion`].
    RecordDeliberationOpinion,
    /// See [`Command::RouteDeliberationOpinion`].
    RouteDeliberationOpinion,
    /// See [`Command::ReportDeliberationHandling`].
    ReportDeliberationHandling,
    /// See [`Command::PlanResolutionFollowUp`].
    PlanResolutionFollowUp,
    /// See [`Command::RecordResolutionDuty`].
    RecordResolutionDuty,
    /// See [`Command::ProposeLivelihoodProject`].
    ProposeLivelihoodProject,
    /// See [`Command::ApproveLivelihoodProjects`].
    ApproveLivelihoodProjects,
    /// See [`Command::MonitorLivelihoodProject`].
    MonitorLivelihoodProject,
    /// See [`Command::CompleteLivelihoodProject`].
    CompleteLivelihoodProject,
    /// See [`Command::ReportLivelihoodCompletion`].
    ReportLivelihoodCompletion,
    /// See [`Command::DeclareEvaluationScope`].
    DeclareEvaluationScope,
    /// See [`Command::PlanWorkEvaluation`].
    PlanWorkEvaluation,
    /// See [`Command::StartWorkEvaluation`].
    StartWorkEvaluation,
    /// See [`Command::SubmitSelfInspectionReport`].
    SubmitSelfInspectionReport,
    /// See [`Command::SubmitInvestigationReport`].
    SubmitInvestigationReport,
    /// See [`Command::DeliberateWorkEvaluation`].
    DeliberateWorkEvaluation,
    /// See [`Command::RecordSatisfactionVote`].
    RecordSatisfactionVote,
    /// See [`Command::PublishWorkEvaluationResult`].
    PublishWorkEvaluationResult,
    /// See [`Command::IssueEvaluationOpinion`].
    IssueEvaluationOpinion,
    /// See [`Command::ReportRectification`].
    ReportRectification,
    /// See [`Command::LookBackWorkEvaluation`].
    LookBackWorkEvaluation,
    /// See [`Command::CloseWorkEvaluation`].
    CloseWorkEvaluation,
    /// See [`Command::EscalateWorkEvaluation`].
    EscalateWorkEvaluation,
    /// See [`Command::HoldTopicInquiry`].
    HoldTopicInquiry,
    /// See [`Command::ProposeInterpellation`].
    ProposeInterpellation,
    /// See [`Command::DecideInterpellationAnswer`].
    DecideInterpellationAnswer,
    /// See [`Command::AnswerInterpellation`].
    AnswerInterpellation,
    /// See [`Command::RateInterpellationAnswer`].
    RateInterpellationAnswer,
    /// See [`Command::CloseInterpellation`].
    CloseInterpellation,
    /// See [`Command::ProposeSpecialInvestigation`].
    ProposeSpecialInvestigation,
    /// See [`Command::DecideSpecialInvestigation`].
    DecideSpecialInvestigation,
    /// See [`Command::ReportSpecialInvestigation`].
    ReportSpecialInvestigation,
    /// See [`Command::ProposeRemoval`].
    ProposeRemoval,
    /// See [`Command::DecideRemoval`].
    DecideRemoval,
    /// See [`Command::FileNormativeDocument`].
    FileNormativeDocument,
    /// See [`Command::ReviewNormativeDocument`].
    ReviewNormativeDocument,
    /// See [`Command::RecordReviewFinding`].
    RecordReviewFinding,
    /// See [`Command::SendFilingReviewOpinion`].
    SendFilingReviewOpinion,
    /// See [`Command::AnswerFilingReviewOpinion`].
    AnswerFilingReviewOpinion,
    /// See [`Command::CorrectNormativeDocument`].
    CorrectNormativeDocument,
    /// See [`Command::RevokeNormativeDocument`].
    RevokeNormativeDocument,
    /// See [`Command::PairCommitteeDepartments`].
    PairCommitteeDepartments,
    /// See [`Command::PreReviewDepartmentBudget`].
    PreReviewDepartmentBudget,
    /// See [`Command::HoldBudgetPreReviewMeeting`].
    HoldBudgetPreReviewMeeting,
    /// See [`Command::KeyBudgetReview`].
    KeyBudgetReview,
    /// See [`Command::ApproveBudgetAdjustment`].
    ApproveBudgetAdjustment,
    /// See [`Command::RecordAuditFindings`].
    RecordAuditFindings,
    /// See [`Command::TrackAuditFinding`].
    TrackAuditFinding,
    /// See [`Command::StrikeOffAuditFinding`].
    StrikeOffAuditFinding,
    /// See [`Command::SendBudgetReminder`].
    SendBudgetReminder,
    /// See [`Command::SubmitPreliminaryBudget`].
    SubmitPreliminaryBudget,
    /// See [`Command::RecordBudgetIssuance`].
    RecordBudgetIssuance,
}

impl CommandKind {
    /// Every command kind.
    pub const ALL: &'static [CommandKind] = &[
        CommandKind::RegisterCongress,
        CommandKind::RegisterDeputy,
        CommandKind::RegisterUnit,
        CommandKind::SubmitSuggestion,
        CommandKind::ReviseSuggestion,
        CommandKind::AcceptSuggestion,
        CommandKind::ReturnSuggestion,
        CommandKind::RejectSuggestion,
        CommandKind::WithdrawSuggestion,
        CommandKind::AssignSuggestion,
        CommandKind::ExtendReplyDeadline,
        CommandKind::SubmitCoUnitOpinion,
        CommandKind::ReplySuggestion,
        CommandKind::GiveFeedback,
        CommandKind::PublishResults,
        CommandKind::UpdateDeputyProfile,
        CommandKind::JoinStandingCommittee,
        CommandKind::SubmitResignation,
        CommandKind::DecideResignation,
        CommandKind::RecordAbsence,
        CommandKind::TerminateQualification,
        CommandKind::SuspendDeputy,
        CommandKind::ReinstateDeputy,
        CommandKind::RegisterStation,
        CommandKind::AssignStation,
        CommandKind::RecordActivity,
        CommandKind::RecordVoterIssue,
        CommandKind::TriageVoterIssue,
        CommandKind::AnswerVoterIssue,
        CommandKind::CloseVoterIssue,
        CommandKind::PublishPoints,
        CommandKind::RecordInterview,
        CommandKind::AdviseResignation,
        CommandKind::NotifyEmployer,
        CommandKind::ScheduleSession,
        CommandKind::SubmitMotion,
        CommandKind::ReviewMotion,
        CommandKind::WithdrawMotion,
        CommandKind::AssignMotion,
        CommandKind::FormMotionWorkingGroup,
        CommandKind::AgreeMotionPlan,
        CommandKind::ReportMotionHandling,
        CommandKind::IssueMotionReviewOpinion,
        CommandKind::RecordMotionEvaluation,
        CommandKind::ConcludeMotionYear,
        CommandKind::RecommendKeySuggestion,
        CommandKind::DesignateKeySuggestion,
        CommandKind::HoldKeyMeeting,
        CommandKind::RateKeyQuality,
        CommandKind::PublishKeyAssessment,
        CommandKind::RecordKeyOutcome,
        CommandKind::StartSupervision,
        CommandKind::EndSupervision,
        CommandKind::AppointSupervisionMonitor,
        CommandKind::PlanHandlingEvaluation,
        CommandKind::CommissionEvaluator,
        CommandKind::SubmitEvaluationReport,
        CommandKind::DistributeEvaluationReport,
        CommandKind::DecideEvaluationUse,
        CommandKind::MergeSuggestions,
        CommandKind::AddToClassCase,
        CommandKind::SplitSuggestion,
        CommandKind::ConveneMeeting,
        CommandKind::SetMeetingAgenda,
        CommandKind::RecordAttendance,
        CommandKind::RecordSpeech,
        CommandKind::HoldBallot,
        CommandKind::RequestExtraordinarySession,
        CommandKind::ProposeSupervisionTopic,
        CommandKind::ShortlistSupervisionTopics,
        CommandKind::ApproveSupervisionPlan,
        CommandKind::PublishSupervisionPlan,
        CommandKind::ChooseSupervisionTopic,
        CommandKind::AdjustSupervisionPlan,
        CommandKind::ScheduleWorkReport,
        CommandKind::RecordReportResearch,
        CommandKind::SubmitWorkReport,
        CommandKind::ReturnWorkReport,
        CommandKind::HearWorkReport,
        CommandKind::IssueReviewOpinion,
        CommandKind::ReportOpinionHandling,
        CommandKind::FollowUpWorkReport,
        CommandKind::CloseWorkReport,
        CommandKind::PlanInspection,
        CommandKind::FormInspectionTeam,
        CommandKind::RecordInspectionIssues,
        CommandKind::ReportInspection,
        CommandKind::IssueInspectionReviewOpinion,
        CommandKind::RectifyInspectionIssue,
        CommandKind::LookBackInspection,
        CommandKind::CloseInspection,
        CommandKind::RecordDeliberationOpinion,
        CommandKind::RouteDeliberationOpinion,
        CommandKind::ReportDeliberationHandling,
        CommandKind::PlanResolutionFollowUp,
        CommandKind::RecordResolutionDuty,
        CommandKind::ProposeLivelihoodProject,
        CommandKind::ApproveLivelihoodProjects,
        CommandKind::MonitorLivelihoodProject,
        CommandKind::CompleteLivelihoodProject,
        CommandKind::ReportLivelihoodCompletion,
        CommandKind::DeclareEvaluationScope,
        CommandKind::PlanWorkEvaluation,
        CommandKind::StartWorkEvaluation,
        CommandKind::SubmitSelfInspectionReport,
        CommandKind::SubmitInvestigationReport,
        CommandKind::DeliberateWorkEvaluation,
        CommandKind::RecordSatisfactionVote,
        CommandKind::PublishWorkEvaluationResult,
        CommandKind::IssueEvaluationOpinion,
        CommandKind::ReportRectification,
        CommandKind::LookBackWorkEvaluation,
        CommandKind::CloseWorkEvaluation,
        CommandKind::EscalateWorkEvaluation,
        CommandKind::HoldTopicInquiry,
        CommandKind::ProposeInterpellation,
        CommandKind::DecideInterpellationAnswer,
        CommandKind::AnswerInterpellation,
        CommandKind::RateInterpellationAnswer,
        CommandKind::CloseInterpellation,
        CommandKind::ProposeSpecialInvestigation,
        CommandKind::DecideSpecialInvestigation,
        CommandKind::ReportSpecialInvestigation,
        CommandKind::ProposeRemoval,
        CommandKind::DecideRemoval,
        CommandKind::FileNormativeDocument,
        CommandKind::ReviewNormativeDocument,
        CommandKind::RecordReviewFinding,
        CommandKind::SendFilingReviewOpinion,
        CommandKind::AnswerFilingReviewOpinion,
        CommandKind::CorrectNormativeDocument,
        CommandKind::RevokeNormativeDocument,
        CommandKind::PairCommitteeDepartments,
        CommandKind::PreReviewDepartmentBudget,
        CommandKind::HoldBudgetPreReviewMeeting,
        CommandKind::KeyBudgetReview,
        CommandKind::ApproveBudgetAdjustment,
        CommandKind::RecordAuditFindings,
        CommandKind::TrackAuditFinding,
        CommandKind::StrikeOffAuditFinding,
        CommandKind::SendBudgetReminder,
        CommandKind::SubmitPreliminaryBudget,
        CommandKind::RecordBudgetIssuance,
    ];

    /// The wire name (`type` field).
    pub fn as_str(self) -> &'static str {
        Command::TYPES[self as usize]
    }
}

impl Command {
    /// The wire names of every command, in [`CommandKind`] order.
    pub const TYPES: &'static [&'static str] = &[
        "register_congress",
        "register_deputy",
        "register_unit",
        "submit_suggestion",
        "revise_suggestion",
        "accept_suggestion",
        "return_suggestion",
        "reject_suggestion",
        "withdraw_suggestion",
        "assign_suggestion",
        "extend_reply_deadline",
        "submit_co_unit_opinion",
        "reply_suggestion",
        "give_feedback",
        "publish_results",
        "update_deputy_profile",
        "join_standing_committee",
        "submit_resignation",
        "decide_resignation",
        "record_absence",
        "terminate_qualification",
        "suspend_deputy",
        "reinstate_deputy",
        "register_station",
        "assign_station",
        "record_activity",
        "record_voter_issue",
        "triage_voter_issue",
        "answer_voter_issue",
        "close_voter_issue",
        "publish_points",
        "record_interview",
        "advise_resignation",
        "notify_employer",
        "schedule_session",
        "submit_motion",
        "review_motion",
        "withdraw_motion",
        "assign_motion",
        "form_motion_working_group",
        "agree_motion_plan",
        "report_motion_handling",
        "issue_motion_review_opinion",
        "record_motion_evaluation",
        "conclude_motion_year",
        "recommend_key_suggestion",
        "designate_key_suggestion",
        "hold_key_meeting",
        "rate_key_quality",
        "publish_key_assessment",
        "record_key_outcome",
        "start_supervision",
        "end_supervision",
        "appoint_supervision_monitor",
        "plan_handling_evaluation",
        "commission_evaluator",
        "submit_evaluation_report",
        "distribute_evaluation_report",
        "decide_evaluation_use",
        "merge_suggestions",
        "add_to_class_case",
        "split_suggestion",
        "convene_meeting",
        "set_meeting_agenda",
        "record_attendance",
        "record_speech",
        "hold_ballot",
        "request_extraordinary_session",
        "propose_supervision_topic",
        "shortlist_supervision_topics",
        "approve_supervision_plan",
        "publish_supervision_plan",
        "choose_supervision_topic",
        "adjust_supervision_plan",
        "schedule_work_report",
        "record_report_research",
        "submit_work_report",
        "return_work_report",
        "hear_work_report",
        "issue_review_opinion",
        "report_opinion_handling",
        "follow_up_work_report",
        "close_work_report",
        "plan_inspection",
        "form_inspection_team",
        "record_inspection_issues",
        "report_inspection",
        "issue_inspection_review_opinion",
        "rectify_inspection_issue",
        "look_back_inspection",
        "close_inspection",
        "record_deliberation_opinion",
        "route_deliberation_opinion",
        "report_deliberation_handling",
        "plan_resolution_follow_up",
        "record_resolution_duty",
        "propose_livelihood_project",
        "approve_livelihood_projects",
        "monitor_livelihood_project",
        "complete_livelihood_project",
        "report_livelihood_completion",
        "declare_evaluation_scope",
        "plan_work_evaluation",
        "start_work_evaluation",
        "submit_self_inspection_report",
        "submit_investigation_report",
        "deliberate_work_evaluation",
        "record_satisfaction_vote",
        "publish_work_evaluation_result",
        "issue_evaluation_opinion",
        "report_rectification",
        "look_back_work_evaluation",
        "close_work_evaluation",
        "escalate_work_evaluation",
        "hold_topic_inquiry",
        "propose_interpellation",
        "decide_interpellation_answer",
        "answer_interpellation",
        "rate_interpellation_answer",
        "close_interpellation",
        "propose_special_investigation",
        "decide_special_investigation",
        "report_special_investigation",
        "propose_removal",
        "decide_removal",
        "file_normative_document",
        "review_normative_document",
        "record_review_finding",
        "send_filing_review_opinion",
        "answer_filing_review_opinion",
        "correct_normative_document",
        "revoke_normative_document",
        "pair_committee_departments",
        "pre_review_department_budget",
        "hold_budget_pre_review_meeting",
        "key_budget_review",
        "approve_budget_adjustment",
        "record_audit_findings",
        "track_audit_finding",
        "strike_off_audit_finding",
        "send_budget_reminder",
        "submit_preliminary_budget",
        "record_budget_issuance",
    ];

    /// The kind of this command.
    pub fn kind(&self) -> CommandKind {
        match self {
            Command::RegisterCongress { .. } => CommandKind::RegisterCongress,
            Command::RegisterDeputy { .. } => CommandKind::RegisterDeputy,
            Command::RegisterUnit { .. } => CommandKind::RegisterUnit,
            Command::SubmitSuggestion { .. } => CommandKind::SubmitSuggestion,
            Command::ReviseSuggestion { .. } => CommandKind::ReviseSuggestion,
            Command::AcceptSuggestion { .. } => CommandKind::AcceptSuggestion,
            Command::ReturnSuggestion { .. } => CommandKind::ReturnSuggestion,
            Command::RejectSuggestion { .. } => CommandKind::RejectSuggestion,
            Command::WithdrawSuggestion { .. } => CommandKind::WithdrawSuggestion,
            Command::AssignSuggestion { .. } => CommandKind::AssignSuggestion,
            Command::ExtendReplyDeadline { .. } => CommandKind::ExtendReplyDeadline,
            Command::SubmitCoUnitOpinion { .. } => CommandKind::SubmitCoUnitOpinion,
            Command::ReplySuggestion { .. } => CommandKind::ReplySuggestion,
            Command::GiveFeedback { .. } => CommandKind::GiveFeedback,
            Command::PublishResults { .. } => CommandKind::PublishResults,
            Command::UpdateDeputyProfile { .. } => CommandKind::UpdateDeputyProfile,
            Command::JoinStandingCommittee { .. } => CommandKind::JoinStandingCommittee,
            Command::SubmitResignation { .. } => CommandKind::SubmitResignation,
            Command::DecideResignation { .. } => CommandKind::DecideResignation,
            Command::RecordAbsence { .. } => CommandKind::RecordAbsence,
            Command::TerminateQualification { .. } => CommandKind::TerminateQualification,
            Command::SuspendDeputy { .. } => CommandKind::SuspendDeputy,
            Command::ReinstateDeputy { .. } => CommandKind::ReinstateDeputy,
            Command::RegisterStation { .. } => CommandKind::RegisterStation,
            Command::AssignStation { .. } => CommandKind::AssignStation,
            Command::RecordActivity { .. } => CommandKind::RecordActivity,
            Command::RecordVoterIssue { .. } => CommandKind::RecordVoterIssue,
            Command::TriageVoterIssue { .. } => CommandKind::TriageVoterIssue,
            Command::AnswerVoterIssue { .. } => CommandKind::AnswerVoterIssue,
            Command::CloseVoterIssue { .. } => CommandKind::CloseVoterIssue,
            Command::PublishPoints { .. } => CommandKind::PublishPoints,
            Command::RecordInterview { .. } => CommandKind::RecordInterview,
            Command::AdviseResignation { .. } => CommandKind::AdviseResignation,
            Command::NotifyEmployer { .. } => CommandKind::NotifyEmployer,
            Command::ScheduleSession { .. } => CommandKind::ScheduleSession,
            Command::SubmitMotion { .. } => CommandKind::SubmitMotion,
            Command::ReviewMotion { .. } => CommandKind::ReviewMotion,
            Command::WithdrawMotion { .. } => CommandKind::WithdrawMotion,
            Command::AssignMotion { .. } => CommandKind::AssignMotion,
            Command::FormMotionWorkingGroup { .. } => CommandKind::FormMotionWorkingGroup,
            Command::AgreeMotionPlan { .. } => CommandKind::AgreeMotionPlan,
            Command::ReportMotionHandling { .. } => CommandKind::ReportMotionHandling,
            Command::IssueMotionReviewOpinion { .. } => CommandKind::IssueMotionReviewOpinion,
            Command::RecordMotionEvaluation { .. } => CommandKind::RecordMotionEvaluation,
            Command::ConcludeMotionYear { .. } => CommandKind::ConcludeMotionYear,
            Command::RecommendKeySuggestion { .. } => CommandKind::RecommendKeySuggestion,
            Command::DesignateKeySuggestion { .. } => CommandKind::DesignateKeySuggestion,
            Command::HoldKeyMeeting { .. } => CommandKind::HoldKeyMeeting,
            Command::RateKeyQuality { .. } => CommandKind::RateKeyQuality,
            Command::PublishKeyAssessment { .. } => CommandKind::PublishKeyAssessment,
            Command::RecordKeyOutcome { .. } => CommandKind::RecordKeyOutcome,
            Command::StartSupervision { .. } => CommandKind::StartSupervision,
            Command::EndSupervision { .. } => CommandKind::EndSupervision,
            Command::AppointSupervisionMonitor { .. } => CommandKind::AppointSupervisionMonitor,
            Command::PlanHandlingEvaluation { .. } => CommandKind::PlanHandlingEvaluation,
            Command::CommissionEvaluator { .. } => CommandKind::CommissionEvaluator,
            Command::SubmitEvaluationReport { .. } => CommandKind::SubmitEvaluationReport,
            Command::DistributeEvaluationReport { .. } => CommandKind::DistributeEvaluationReport,
            Command::DecideEvaluationUse { .. } => CommandKind::DecideEvaluationUse,
            Command::MergeSuggestions { .. } => CommandKind::MergeSuggestions,
            Command::AddToClassCase { .. } => CommandKind::AddToClassCase,
            Command::SplitSuggestion { .. } => CommandKind::SplitSuggestion,
            Command::ConveneMeeting { .. } => CommandKind::ConveneMeeting,
            Command::SetMeetingAgenda { .. } => CommandKind::SetMeetingAgenda,
            Command::RecordAttendance { .. } => CommandKind::RecordAttendance,
            Command::RecordSpeech { .. } => CommandKind::RecordSpeech,
            Command::HoldBallot { .. } => CommandKind::HoldBallot,
            Command::RequestExtraordinarySession { .. } => CommandKind::RequestExtraordinarySession,
            Command::ProposeSupervisionTopic { .. } => CommandKind::ProposeSupervisionTopic,
            Command::ShortlistSupervisionTopics { .. } => CommandKind::ShortlistSupervisionTopics,
            Command::ApproveSupervisionPlan { .. } => CommandKind::ApproveSupervisionPlan,
            Command::PublishSupervisionPlan { .. } => CommandKind::PublishSupervisionPlan,
            Command::ChooseSupervisionTopic { .. } => CommandKind::ChooseSupervisionTopic,
            Command::AdjustSupervisionPlan { .. } => CommandKind::AdjustSupervisionPlan,
            Command::ScheduleWorkReport { .. } => CommandKind::ScheduleWorkReport,
            Command::RecordReportResearch { .. } => CommandKind::RecordReportResearch,
            Command::SubmitWorkReport { .. } => CommandKind::SubmitWorkReport,
            Command::ReturnWorkReport { .. } => CommandKind::ReturnWorkReport,
            Command::HearWorkReport { .. } => CommandKind::HearWorkReport,
            Command::IssueReviewOpinion { .. } => CommandKind::IssueReviewOpinion,
            Command::ReportOpinionHandling { .. } => CommandKind::ReportOpinionHandling,
            Command::FollowUpWorkReport { .. } => CommandKind::FollowUpWorkReport,
            Command::CloseWorkReport { .. } => CommandKind::CloseWorkReport,
            Command::PlanInspection { .. } => CommandKind::PlanInspection,
            Command::FormInspectionTeam { .. } => CommandKind::FormInspectionTeam,
            Command::RecordInspectionIssues { .. } => CommandKind::RecordInspectionIssues,
            Command::ReportInspection { .. } => CommandKind::ReportInspection,
            Command::IssueInspectionReviewOpinion { .. } => {
                CommandKind::IssueInspectionReviewOpinion
            }
            Command::RectifyInspectionIssue { .. } => CommandKind::RectifyInspectionIssue,
            Command::LookBackInspection { .. } => CommandKind::LookBackInspection,
            Command::CloseInspection { .. } => CommandKind::CloseInspection,
            Command::RecordDeliberationOpinion { .. } => CommandKind::RecordDeliberationOpinion,
            Command::RouteDeliberationOpinion { .. } => CommandKind::RouteDeliberationOpinion,
            Command::ReportDeliberationHandling { .. } => CommandKind::ReportDeliberationHandling,
            Command::PlanResolutionFollowUp { .. } => CommandKind::PlanResolutionFollowUp,
            Command::RecordResolutionDuty { .. } => CommandKind::RecordResolutionDuty,
            Command::ProposeLivelihoodProject { .. } => CommandKind::ProposeLivelihoodProject,
            Command::ApproveLivelihoodProjects { .. } => CommandKind::ApproveLivelihoodProjects,
            Command::MonitorLivelihoodProject { .. } => CommandKind::MonitorLivelihoodProject,
            Command::CompleteLivelihoodProject { .. } => CommandKind::CompleteLivelihoodProject,
            Command::ReportLivelihoodCompletion { .. } => CommandKind::ReportLivelihoodCompletion,
            Command::DeclareEvaluationScope { .. } => CommandKind::DeclareEvaluationScope,
            Command::PlanWorkEvaluation { .. } => CommandKind::PlanWorkEvaluation,
            Command::StartWorkEvaluation { .. } => CommandKind::StartWorkEvaluation,
            Command::SubmitSelfInspectionReport { .. } => CommandKind::SubmitSelfInspectionReport,
            Command::SubmitInvestigationReport { .. } => CommandKind::SubmitInvestigationReport,
            Command::DeliberateWorkEvaluation { .. } => CommandKind::DeliberateWorkEvaluation,
            Command::RecordSatisfactionVote { .. } => CommandKind::RecordSatisfactionVote,
            Command::PublishWorkEvaluationResult { .. } => CommandKind::PublishWorkEvaluationResult,
            Command::IssueEvaluationOpinion { .. } => CommandKind::IssueEvaluationOpinion,
            Command::ReportRectification { .. } => CommandKind::ReportRectification,
            Command::LookBackWorkEvaluation { .. } => CommandKind::LookBackWorkEvaluation,
            Command::CloseWorkEvaluation { .. } => CommandKind::CloseWorkEvaluation,
            Command::EscalateWorkEvaluation { .. } => CommandKind::EscalateWorkEvaluation,
            Command::HoldTopicInquiry { .. } => CommandKind::HoldTopicInquiry,
            Command::ProposeInterpellation { .. } => CommandKind::ProposeInterpellation,
            Command::DecideInterpellationAnswer { .. } => CommandKind::DecideInterpellationAnswer,
            Command::AnswerInterpellation { .. } => CommandKind::AnswerInterpellation,
            Command::RateInterpellationAnswer { .. } => CommandKind::RateInterpellationAnswer,
            Command::CloseInterpellation { .. } => CommandKind::CloseInterpellation,
            Command::ProposeSpecialInvestigation { .. } => CommandKind::ProposeSpecialInvestigation,
            Command::DecideSpecialInvestigation { .. } => CommandKind::DecideSpecialInvestigation,
            Command::ReportSpecialInvestigation { .. } => CommandKind::ReportSpecialInvestigation,
            Command::ProposeRemoval { .. } => CommandKind::ProposeRemoval,
            Command::DecideRemoval { .. } => CommandKind::DecideRemoval,
            Command::FileNormativeDocument { .. } => CommandKind::FileNormativeDocument,
            Command::ReviewNormativeDocument { .. } => CommandKind::ReviewNormativeDocument,
            Command::RecordReviewFinding { .. } => CommandKind::RecordReviewFinding,
            Command::SendFilingReviewOpinion { .. } => CommandKind::SendFilingReviewOpinion,
            Command::AnswerFilingReviewOpinion { .. } => CommandKind::AnswerFilingReviewOpinion,
            Command::CorrectNormativeDocument { .. } => CommandKind::CorrectNormativeDocument,
            Command::RevokeNormativeDocument { .. } => CommandKind::RevokeNormativeDocument,
            Command::PairCommitteeDepartments { .. } => CommandKind::PairCommitteeDepartments,
            Command::PreReviewDepartmentBudget { .. } => CommandKind::PreReviewDepartmentBudget,
            Command::HoldBudgetPreReviewMeeting { .. } => CommandKind::HoldBudgetPreReviewMeeting,
            Command::KeyBudgetReview { .. } => CommandKind::KeyBudgetReview,
            Command::ApproveBudgetAdjustment { .. } => CommandKind::ApproveBudgetAdjustment,
            Command::RecordAuditFindings { .. } => CommandKind::RecordAuditFindings,
            Command::TrackAuditFinding { .. } => CommandKind::TrackAuditFinding,
            Command::StrikeOffAuditFinding { .. } => CommandKind::StrikeOffAuditFinding,
            Command::SendBudgetReminder { .. } => CommandKind::SendBudgetReminder,
            Command::SubmitPreliminaryBudget { .. } => CommandKind::SubmitPreliminaryBudget,
            Command::RecordBudgetIssuance { .. } => CommandKind::RecordBudgetIssuance,
        }
    }

    /// The wire name of this command.
    pub fn type_name(&self) -> &'static str {
        self.kind().as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_serde_tags() {
        let c = Command::AcceptSuggestion {
            suggestion: SuggestionId::new("S").unwrap(),
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["type"], c.type_name());
        for (i, k) in CommandKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
            assert_eq!(serde_json::to_value(k).unwrap(), Command::TYPES[i]);
        }
    }
}
