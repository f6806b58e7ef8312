//! Events: the facts the ledger records. The event log is the source of truth; state,
//! projections and figures are functions of it.

use crate::activity::{Activity, Triage, VoterIssue};
use crate::actor::Actor;
use crate::chain::EventHash;
use crate::deputy::{CommitteePost, DeputyProfile, ElectedBy, Mandate, TerminationReason};
use crate::ids::{CongressId, DeputyId, SessionId, StationId, SuggestionId, UnitId, VoterIssueId};
use crate::period::Period;
use crate::points::PointsPublication;
use crate::registry::Level;
use crate::station::Station;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use crate::time::Timestamp;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Version of the event and snapshot schema written by this build.
///
/// - 1: the first release.
/// - 2: events carry `prev` and `hash` (the SHA-256 chain of [`crate::chain`]); snapshots carry
///   the `head` they continue from. Schema-1 logs and snapshots still load: their events are
///   sealed into the chain when loaded.
pub const SCHEMA_VERSION: u32 = 2;

/// One recorded event with its position, time and actor.
///
/// ```
/// use renda::Event;
/// let json = r#"{"seq":1,"schema":1,"at":"2024-01-05T09:00:00+08:00",
///   "actor":{"role":"deputy_affairs_office","id":"office"},
///   "event":{"type":"suggestion_accepted","suggestion":"S1"}}"#;
/// let e: Event = serde_json::from_str(json).unwrap();
/// assert_eq!(e.event.type_name(), "suggestion_accepted");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Position in the log, from 1, without gaps.
    pub seq: u64,
    /// Schema version the event was written with.
    pub schema: u32,
    /// When the command that caused it was issued.
    pub at: Timestamp,
    /// Who issued that command.
    pub actor: Actor,
    /// What happened.
    pub event: EventKind,
    /// Hash of the previous event ([`EventHash::ZERO`] for the first). Absent in schema 1.
    #[serde(default)]
    pub prev: EventHash,
    /// This event's hash ([`crate::chain::hash_of`]). Absent in schema 1.
    #[serde(default)]
    pub hash: EventHash,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventKind {
    /// A congress was registered.
    CongressRegistered {
        /// Id.
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
        /// Population of the area.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        population: Option<u64>,
    },
    /// A deputy was registered.
    DeputyRegistered {
        /// Id.
        deputy: DeputyId,
        /// Congress.
        congress: CongressId,
        /// Name.
        name: String,
        /// Personal data, if given (redacted in views for those who may not see it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contact: Option<crate::registry::Contact>,
        /// Roster attributes.
        #[serde(default, skip_serializing_if = "DeputyProfile::is_empty")]
        profile: DeputyProfile,
        /// First day in office, if not the first day of the term.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elected_on: Option<NaiveDate>,
        /// How the deputy came into office.
        #[serde(default, skip_serializing_if = "is_elected")]
        mandate: Mandate,
    },
    /// A handling unit was registered.
    UnitRegistered {
        /// Id.
        unit: UnitId,
        /// Name.
        name: String,
    },
    /// A suggestion was submitted.
    SuggestionSubmitted {
        /// Id.
        suggestion: SuggestionId,
        /// Congress.
        congress: CongressId,
        /// Title.
        title: String,
        /// Lead deputy.
        lead: DeputyId,
        /// Co-signers.
        cosigners: Vec<DeputyId>,
        /// Session or recess.
        during: SubmissionPeriod,
        /// Topic.
        topic: Option<String>,
    },
    /// A returned suggestion was revised and resubmitted.
    SuggestionRevised {
        /// Id.
        suggestion: SuggestionId,
        /// New title.
        title: String,
    },
    /// The office accepted the suggestion.
    SuggestionAccepted {
        /// Id.
        suggestion: SuggestionId,
    },
    /// The office returned the suggestion for revision.
    SuggestionReturned {
        /// Id.
        suggestion: SuggestionId,
        /// What to revise.
        reason: String,
    },
    /// The office found it is not a suggestion.
    SuggestionRejected {
        /// Id.
        suggestion: SuggestionId,
        /// Why.
        reason: String,
    },
    /// The suggestion was withdrawn.
    SuggestionWithdrawn {
        /// Id.
        suggestion: SuggestionId,
        /// Why.
        reason: Option<String>,
    },
    /// The suggestion was assigned to handling units.
    SuggestionAssigned {
        /// Id.
        suggestion: SuggestionId,
        /// Lead unit.
        lead_unit: UnitId,
        /// Co-units.
        co_units: Vec<UnitId>,
    },
    /// The reply deadline was extended (L-1).
    ReplyDeadlineExtended {
        /// Id.
        suggestion: SuggestionId,
        /// Why.
        reason: String,
    },
    /// A co-unit sent its opinion to the lead unit.
    CoUnitOpinionSubmitted {
        /// Id.
        suggestion: SuggestionId,
        /// The co-unit.
        unit: UnitId,
        /// The opinion.
        opinion: String,
    },
    /// The lead unit replied.
    SuggestionReplied {
        /// Id.
        suggestion: SuggestionId,
        /// 1 for the first reply, 2 for the second, …
        round: u32,
        /// Result category.
        result: ResultCategory,
        /// Placed in a work plan.
        in_plan: bool,
        /// Summary.
        summary: String,
        /// Reason.
        reason: Option<String>,
    },
    /// A proposing deputy rated the reply.
    FeedbackGiven {
        /// Id.
        suggestion: SuggestionId,
        /// Who rated.
        deputy: DeputyId,
        /// The reply round rated.
        round: u32,
        /// The rating.
        rating: Satisfaction,
        /// Comment.
        comment: Option<String>,
    },
    /// Re-handling started after an unsatisfactory rating (R-S3, R-S4).
    RehandlingStarted {
        /// Id.
        suggestion: SuggestionId,
        /// The round of the reply now awaited.
        round: u32,
    },
    /// The suggestion entered the plan ledger, awaiting a second reply (R-S5).
    PlacedInPlan {
        /// Id.
        suggestion: SuggestionId,
    },
    /// Handling finished (办结).
    SuggestionClosed {
        /// Id.
        suggestion: SuggestionId,
        /// The lead deputy's final rating.
        rating: Satisfaction,
    },
    /// The office published the handling results of a congress up to this event's date.
    ResultsPublished {
        /// The congress.
        congress: CongressId,
    },
    /// A deputy's roster attributes were updated (the fields given replace the old ones).
    DeputyProfileUpdated {
        /// The deputy.
        deputy: DeputyId,
        /// The fields given.
        profile: DeputyProfile,
    },
    /// A deputy joined the standing committee.
    StandingCommitteeJoined {
        /// The deputy.
        deputy: DeputyId,
        /// Post.
        post: CommitteePost,
        /// Full time.
        full_time: bool,
        /// Can serve two terms.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        can_serve_two_terms: Option<bool>,
        /// New this term.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new_this_term: Option<bool>,
    },
    /// A written resignation was handed in.
    ResignationSubmitted {
        /// The deputy.
        deputy: DeputyId,
    },
    /// The resignation was accepted by a majority of all members (L-9).
    ResignationAccepted {
        /// The deputy.
        deputy: DeputyId,
        /// The tally.
        vote: Vote,
    },
    /// The vote on the resignation did not reach a majority of all members (L-9).
    ResignationNotAccepted {
        /// The deputy.
        deputy: DeputyId,
        /// The tally.
        vote: Vote,
    },
    /// An absence from a session was recorded.
    AbsenceRecorded {
        /// The deputy.
        deputy: DeputyId,
        /// The session.
        session: SessionId,
        /// Leave approved.
        excused: bool,
    },
    /// The deputy's qualification terminated (L-9, L-10, L-11).
    QualificationTerminated {
        /// The deputy.
        deputy: DeputyId,
        /// Why.
        reason: TerminationReason,
    },
    /// The deputy's duties were suspended (L-11).
    DeputySuspended {
        /// The deputy.
        deputy: DeputyId,
        /// Why.
        reason: String,
    },
    /// The deputy's duties resumed.
    DeputyReinstated {
        /// The deputy.
        deputy: DeputyId,
    },
    /// A home or station was registered.
    StationRegistered {
        /// The station.
        station: Station,
    },
    /// A deputy was assigned to a home or station (replacing any of the same tier).
    StationAssigned {
        /// The deputy.
        deputy: DeputyId,
        /// The station.
        station: StationId,
    },
    /// A deputy activity was recorded.
    ActivityRecorded {
        /// The activity.
        activity: Activity,
    },
    /// A voter issue was recorded.
    VoterIssueRecorded {
        /// The issue, as received.
        issue: VoterIssue,
    },
    /// A voter issue was triaged.
    VoterIssueTriaged {
        /// The issue.
        issue: VoterIssueId,
        /// The decision.
        triage: Triage,
    },
    /// The voter was answered.
    VoterIssueAnswered {
        /// The issue.
        issue: VoterIssueId,
    },
    /// A voter issue was closed.
    VoterIssueClosed {
        /// The issue.
        issue: VoterIssueId,
    },
    /// A points table was published, frozen as computed.
    PointsPublished {
        /// The publication.
        publication: PointsPublication,
    },
    /// The deputy was interviewed (约谈) for low points (R-D2).
    InterviewHeld {
        /// The deputy.
        deputy: DeputyId,
        /// The annual period whose publication prompted it.
        period: Period,
        /// The deputy's points in it.
        points: u32,
        /// The threshold.
        threshold: u32,
    },
    /// The constituency or electoral unit was notified of the interview and the points (R-D2).
    ElectoralUnitNotified {
        /// The deputy.
        deputy: DeputyId,
        /// The constituency or electoral unit, if recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elected_by: Option<ElectedBy>,
    },
    /// The standing committee advised the deputy to resign (劝辞, R-D2).
    ResignationAdvised {
        /// The deputy.
        deputy: DeputyId,
    },
    /// The deputy's work unit was notified of the performance record (W6 step 4).
    EmployerNotified {
        /// The deputy.
        deputy: DeputyId,
        /// Why it was necessary.
        reason: String,
    },
    /// A session was scheduled with its motion submission window (L-2).
    SessionScheduled {
        /// The session.
        session: crate::session::Session,
    },
    /// A motion was submitted (L-2, R-P7).
    MotionSubmitted {
        /// Id.
        motion: crate::ids::MotionId,
        /// Congress.
        congress: CongressId,
        /// Session.
        session: SessionId,
        /// Title.
        title: String,
        /// Who submitted it.
        sponsor: crate::motion::Sponsor,
        /// Kind.
        kind: crate::motion::MotionKind,
        /// Topic.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<String>,
    },
    /// The motion was listed as a motion (W4 step 3).
    MotionListed {
        /// The motion.
        motion: crate::ids::MotionId,
    },
    /// The motion is handled as a suggestion (L-2 practice); recorded after the
    /// `suggestion_submitted` and `suggestion_accepted` events that create the suggestion.
    MotionConverted {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The suggestion it became.
        suggestion: SuggestionId,
    },
    /// The motion was merged into another listed motion (件 into 项).
    MotionMerged {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The listed motion it joined.
        into: crate::ids::MotionId,
    },
    /// The motion became a legislative research project.
    MotionToResearch {
        /// The motion.
        motion: crate::ids::MotionId,
    },
    /// The motion was withdrawn (L-2).
    MotionWithdrawn {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Whether the presidium consented.
        presidium_consent: bool,
    },
    /// The motion was assigned for handling (W4 step 4, R-P1).
    MotionAssigned {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Lead unit.
        lead_unit: UnitId,
        /// Co-units.
        co_units: Vec<UnitId>,
        /// Put into the standing committee's supervision plan (supervisory motions, R-P1).
        in_supervision_plan: bool,
    },
    /// The handling working group was formed (R-P3).
    MotionWorkingGroupFormed {
        /// The motion.
        motion: crate::ids::MotionId,
        /// The leader in charge.
        leader: String,
        /// The responsible committee.
        committee: String,
        /// Member deputies.
        members: Vec<DeputyId>,
        /// Proposing deputies.
        proposing_deputies: Vec<DeputyId>,
    },
    /// The handling plan was agreed (R-P3).
    MotionPlanAgreed {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Goals.
        goals: Vec<String>,
        /// Deadline.
        deadline: NaiveDate,
    },
    /// A handling year started (R-P2), with its phase under the rule set in force then.
    MotionYearStarted {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Year number, from 1.
        year: u32,
        /// Supervision or tracking.
        phase: crate::motion::HandlingPhase,
    },
    /// A yearly handling report went to the standing committee or the congress (R-P5).
    MotionHandlingReported {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Year number.
        year: u32,
        /// Recipient.
        to: crate::motion::ReportTo,
        /// Summary.
        summary: String,
    },
    /// The standing committee issued its review opinion on a year's report.
    MotionReviewOpinionIssued {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Year number.
        year: u32,
        /// The opinion.
        opinion: String,
    },
    /// A third-party evaluation of a year's handling was recorded.
    MotionEvaluationRecorded {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Year number.
        year: u32,
        /// The evaluator.
        evaluator: String,
        /// Findings.
        summary: String,
    },
    /// The standing committee concluded a handling year (R-P2).
    MotionYearConcluded {
        /// The motion.
        motion: crate::ids::MotionId,
        /// Year number.
        year: u32,
        /// Completed or continued.
        outcome: crate::motion::YearOutcome,
    },
    /// The motion's handling was completed.
    MotionCompleted {
        /// The motion.
        motion: crate::ids::MotionId,
    },
    /// A suggestion was recommended as key (W2 step 1, R-S7).
    KeySuggestionRecommended {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Who recommended it.
        by: Actor,
        /// Why.
        reason: String,
    },
    /// A suggestion was designated key (W2 step 2, R-S7).
    KeySuggestionDesignated {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The leader who leads its supervision (R-S15).
        leader: String,
        /// The designating body.
        by: crate::key_suggestion::KeyDesignator,
    },
    /// A key-suggestion meeting was held (W2 steps 3–4, R-S14).
    KeyMeetingHeld {
        /// The kind of meeting.
        meeting: crate::key_suggestion::KeyMeetingKind,
        /// The key suggestions on the agenda.
        suggestions: Vec<SuggestionId>,
        /// The organs whose heads attended.
        organs: Vec<crate::key_suggestion::Organ>,
        /// The deputies who attended.
        deputies: Vec<DeputyId>,
        /// Ratings given on the spot.
        on_the_spot: Vec<crate::key_suggestion::OnTheSpotRating>,
    },
    /// A deputy rated the quality of a key suggestion's handling, back to back (W2 step 5,
    /// R-S8). Hidden from handling units and the government office until announced.
    KeyQualityRated {
        /// The key suggestion.
        suggestion: SuggestionId,
        /// The deputy.
        deputy: DeputyId,
        /// The rating.
        rating: Satisfaction,
        /// Who recorded it: the deputy or the office.
        recorded_by: crate::actor::Role,
    },
    /// The back-to-back assessment of a key suggestion was announced (W2 step 5).
    KeyAssessmentPublished {
        /// The key suggestion.
        suggestion: SuggestionId,
    },
    /// The director meeting heard a key suggestion's outcome (W2 step 6).
    KeyOutcomeRecorded {
        /// The key suggestion.
        suggestion: SuggestionId,
        /// The outcome.
        outcome: crate::key_suggestion::KeyOutcome,
    },
    /// A supervision overlay started (W1 step 7).
    SupervisionStarted {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The mode.
        mode: crate::supervision::SupervisionMode,
        /// Who leads it.
        lead: String,
        /// The role that started it.
        by: crate::actor::Role,
    },
    /// A supervision overlay ended (W1 step 7).
    SupervisionEnded {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The mode.
        mode: crate::supervision::SupervisionMode,
    },
    /// A deputy was appointed supervision monitor of a suggestion (W1 step 7).
    SupervisionMonitorAppointed {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The deputy.
        deputy: DeputyId,
    },
    /// The sample of a third-party evaluation was selected (W3 step 1, R-S10).
    HandlingEvaluationPlanned {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// The congress.
        congress: CongressId,
        /// The year evaluated.
        year: i32,
        /// The sample.
        sample: Vec<crate::handling_evaluation::SampleItem>,
    },
    /// An evaluator was commissioned (W3 step 2).
    HandlingEvaluatorCommissioned {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// The evaluator's actor id.
        evaluator: crate::ids::ActorId,
    },
    /// The evaluator reported (W3 step 3).
    HandlingEvaluationReported {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// One finding per sampled suggestion.
        findings: Vec<crate::handling_evaluation::Finding>,
        /// Summary.
        summary: String,
    },
    /// The report was distributed (W3 step 4).
    HandlingEvaluationDistributed {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
    },
    /// The director meeting decided how the results are used (W3 step 5, R-S9).
    HandlingEvaluationUseDecided {
        /// The evaluation.
        evaluation: crate::ids::EvaluationId,
        /// The uses.
        uses: Vec<crate::handling_evaluation::EvaluationUse>,
        /// A note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Suggestions were merged into a class case (W1 step 4).
    ClassCaseFormed {
        /// The class case.
        group: crate::ids::ClassCaseId,
        /// The congress of its suggestions.
        congress: CongressId,
        /// Topic.
        title: String,
        /// The one lead unit.
        lead_unit: UnitId,
        /// The suggestions merged.
        suggestions: Vec<SuggestionId>,
    },
    /// A suggestion was added to a class case.
    ClassCaseJoined {
        /// The class case.
        group: crate::ids::ClassCaseId,
        /// The suggestion.
        suggestion: SuggestionId,
    },
    /// A suggestion was split off a class case.
    ClassCaseSplit {
        /// The class case.
        group: crate::ids::ClassCaseId,
        /// The suggestion.
        suggestion: SuggestionId,
    },
    /// A class case left with one member was dissolved; that member leaves it too.
    ClassCaseDissolved {
        /// The class case.
        group: crate::ids::ClassCaseId,
    },
    /// A meeting was convened.
    MeetingConvened {
        /// The meeting.
        meeting: crate::oversight::meeting::Meeting,
    },
    /// A meeting's agenda was set (R-M9).
    MeetingAgendaSet {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The items.
        items: Vec<crate::oversight::meeting::AgendaItem>,
    },
    /// A meeting's attendance was recorded (L-3, W21).
    AttendanceRecorded {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The attendance, with whether the quorum was met.
        attendance: crate::oversight::meeting::Attendance,
    },
    /// A speech was recorded (R-M1…R-M3).
    SpeechRecorded {
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The speech.
        speech: crate::oversight::meeting::Speech,
    },
    /// A ballot was taken, adopted or not (L-4).
    BallotHeld {
        /// The ballot.
        ballot: crate::oversight::meeting::Ballot,
    },
    /// Deputies requested an extraordinary congress session (L-3).
    ExtraordinarySessionRequested {
        /// The congress.
        congress: CongressId,
        /// How many deputies requested it.
        deputies: u32,
        /// Deputies in office that day.
        in_office: u32,
    },
    /// A supervision topic was proposed (W9 step 1).
    SupervisionTopicProposed {
        /// The topic.
        topic: crate::ids::SupervisionTopicId,
        /// The congress.
        congress: CongressId,
        /// The plan year.
        year: i32,
        /// Source (L-20).
        source: crate::oversight::plan::TopicSource,
        /// Title.
        title: String,
        /// Proposer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        proposer: Option<String>,
    },
    /// Topics were shortlisted (W9 step 3).
    SupervisionTopicsShortlisted {
        /// The congress.
        congress: CongressId,
        /// The plan year.
        year: i32,
        /// The topics.
        topics: Vec<crate::ids::SupervisionTopicId>,
    },
    /// The year's plan was approved, the Party committee's approval recorded (W9 step 4).
    SupervisionPlanApproved {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
        /// The congress.
        congress: CongressId,
        /// The year.
        year: i32,
        /// Its topics.
        topics: Vec<crate::ids::SupervisionTopicId>,
        /// The Party committee's approval reference.
        party_committee_ref: String,
        /// Its date.
        party_committee_approved_on: NaiveDate,
    },
    /// The plan was published and sent to deputies (R-M23, R-M17).
    SupervisionPlanPublished {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
    },
    /// A deputy chose a topic of the published plan (W9 step 6).
    SupervisionTopicChosen {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
        /// The topic.
        topic: crate::ids::SupervisionTopicId,
        /// The deputy.
        deputy: DeputyId,
    },
    /// The plan was adjusted (L-20 2024).
    SupervisionPlanAdjusted {
        /// The plan.
        plan: crate::ids::SupervisionPlanId,
        /// Topics added.
        added: Vec<crate::ids::SupervisionTopicId>,
        /// Topics dropped.
        dropped: Vec<crate::ids::SupervisionTopicId>,
        /// Why.
        reason: String,
    },
    /// A report was put on a standing-committee meeting's agenda (W10 step 1).
    WorkReportScheduled {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The congress.
        congress: CongressId,
        /// The year.
        year: i32,
        /// Kind.
        kind: crate::oversight::work_report::ReportKind,
        /// State-assets sub-kind.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state_assets_kind: Option<crate::oversight::work_report::StateAssetsKind>,
        /// Title.
        title: String,
        /// Reporting organ.
        organ: UnitId,
        /// Meeting.
        meeting: crate::ids::MeetingId,
        /// Plan topic.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<crate::ids::SupervisionTopicId>,
    },
    /// Research before the hearing was recorded (R-M20).
    WorkReportResearchRecorded {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Findings.
        summary: String,
    },
    /// A version of the report was submitted (L-15).
    WorkReportSubmitted {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Which version.
        version: crate::oversight::work_report::ReportVersion,
        /// Due date (L-15, rule set).
        due: NaiveDate,
        /// Submitted after the due date.
        late: bool,
        /// Performance-evaluation reports attached (R-B7).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        performance_reports: Vec<String>,
    },
    /// The report was sent back for revision (R-M15).
    WorkReportReturned {
        /// The report.
        report: crate::ids::WorkReportId,
        /// Why.
        reason: String,
    },
    /// The standing committee heard the report (W10 step 5).
    WorkReportHeard {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// Oral or written.
        mode: crate::oversight::work_report::HearingMode,
    },
    /// The review opinion was issued (W10 step 7, L-16).
    WorkReportOpinionIssued {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The opinion.
        opinion: String,
        /// The handling report is due (rule set).
        due: NaiveDate,
    },
    /// The organ reported how it handled the review opinion (L-16).
    WorkReportOpinionHandled {
        /// The report.
        report: crate::ids::WorkReportId,
        /// The handling report.
        summary: String,
        /// Reported after the due date.
        late: bool,
    },
    /// The review opinion was followed up (L-16).
    WorkReportFollowedUp {
        /// The report.
        report: crate::ids::WorkReportId,
        /// How.
        kind: crate::oversight::work_report::FollowUpKind,
        /// Summary.
        summary: String,
    },
    /// The report was closed (W10 step 10).
    WorkReportClosed {
        /// The report.
        report: crate::ids::WorkReportId,
    },
    /// An inspection was planned (W11).
    InspectionPlanned {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The congress.
        congress: CongressId,
        /// The year.
        year: u32,
        /// The law.
        law: crate::oversight::inspection::Law,
        /// Joint with the higher-level congress.
        joint: bool,
        /// A third party.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        third_party: Option<String>,
        /// The end of the transition period (R-L4).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        transition_ends: Option<NaiveDate>,
    },
    /// The inspection team was formed (R-L3).
    InspectionTeamFormed {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The small groups.
        groups: Vec<crate::oversight::inspection::InspectionGroup>,
    },
    /// Issues were recorded on the issue list (R-L2).
    InspectionIssuesRecorded {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The issues.
        issues: Vec<crate::oversight::inspection::IssueInput>,
    },
    /// The inspection report was heard at a standing-committee meeting (R-L2).
    InspectionReported {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The presenter.
        presenter: String,
        /// No issues were found.
        no_issues: bool,
    },
    /// The review opinion on the inspection report was issued.
    InspectionReviewOpinionIssued {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The opinion.
        text: String,
    },
    /// An inspection issue was rectified.
    InspectionIssueRectified {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The issue.
        issue: crate::ids::InspectionIssueId,
    },
    /// The look-back was done (R-L4).
    InspectionLookedBack {
        /// The inspection.
        inspection: crate::ids::InspectionId,
        /// The issues still open.
        open_issues: Vec<crate::ids::InspectionIssueId>,
    },
    /// The inspection was closed.
    InspectionClosed {
        /// The inspection.
        inspection: crate::ids::InspectionId,
    },
    /// A deliberation opinion was recorded (W14, R-M6).
    DeliberationOpinionRecorded {
        /// The opinion.
        opinion: crate::ids::OpinionId,
        /// The congress.
        congress: CongressId,
        /// The session.
        session: SessionId,
        /// The delegation.
        delegation: String,
        /// The recorder.
        recorder: String,
        /// The opinion.
        text: String,
        /// What it is about.
        about: crate::oversight::deliberation::OpinionAbout,
    },
    /// The director meeting routed a deliberation opinion (W14).
    DeliberationOpinionRouted {
        /// The opinion.
        opinion: crate::ids::OpinionId,
        /// The director meeting.
        meeting: crate::ids::MeetingId,
        /// Where it goes.
        route: crate::oversight::deliberation::OpinionRoute,
    },
    /// The director meeting heard the government's handling report (R-M7).
    DeliberationHandlingReported {
        /// The congress.
        congress: CongressId,
        /// The director meeting.
        meeting: crate::ids::MeetingId,
        /// The opinions reported on.
        opinions: Vec<crate::ids::OpinionId>,
    },
    /// A resolution's follow-up was planned (W14).
    ResolutionFollowUpPlanned {
        /// The resolution.
        resolution: crate::ids::ResolutionId,
        /// The congress.
        congress: CongressId,
        /// Its title.
        title: String,
        /// The years followed.
        years: Vec<u32>,
    },
    /// A yearly follow-up duty was done (W14).
    ResolutionDutyRecorded {
        /// The resolution.
        resolution: crate::ids::ResolutionId,
        /// The year.
        year: u32,
        /// The duty.
        duty: crate::oversight::deliberation::ResolutionDuty,
        /// A note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// A livelihood project was proposed (W19).
    LivelihoodProjectProposed {
        /// The project.
        project: crate::ids::LivelihoodProjectId,
        /// The congress.
        congress: CongressId,
        /// The year.
        year: u32,
        /// Title.
        title: String,
        /// Who proposed it.
        origin: crate::oversight::livelihood::ProposalOrigin,
    },
    /// A year's livelihood project list was approved at a meeting (W19).
    LivelihoodProjectsApproved {
        /// The congress.
        congress: CongressId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The year.
        year: u32,
        /// The projects with due dates.
        projects: Vec<crate::oversight::livelihood::ApprovedProject>,
    },
    /// Deputies visited a livelihood project (W19).
    LivelihoodProjectMonitored {
        /// The project.
        project: crate::ids::LivelihoodProjectId,
        /// The deputies.
        deputies: Vec<DeputyId>,
        /// What they found.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// A livelihood project was completed (W19).
    LivelihoodProjectCompleted {
        /// The project.
        project: crate::ids::LivelihoodProjectId,
        /// The day.
        completed_on: NaiveDate,
        /// By its due date.
        on_time: bool,
    },
    /// The government's completion report was heard (W19).
    LivelihoodCompletionReported {
        /// The congress.
        congress: CongressId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// The year.
        year: u32,
    },
    /// The departments to evaluate within the term were declared (R-E1).
    EvaluationScopeDeclared {
        /// The congress.
        congress: CongressId,
        /// The departments.
        departments: Vec<UnitId>,
    },
    /// A department was selected for a work evaluation (W5, R-E5).
    WorkEvaluationPlanned {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The congress.
        congress: CongressId,
        /// The year.
        year: i32,
        /// The department.
        department: UnitId,
        /// The team.
        team: crate::oversight::work_evaluation::EvaluationTeam,
    },
    /// The kickoff meeting was held (R-E2 phase 1).
    WorkEvaluationStarted {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
    },
    /// The department submitted its self-inspection report.
    SelfInspectionReportSubmitted {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Summary.
        summary: String,
    },
    /// The team submitted its investigation report.
    InvestigationReportSubmitted {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Methods used.
        methods: Vec<crate::oversight::work_evaluation::InvestigationMethod>,
        /// Deputies taking part, in 人次.
        deputy_person_times: u32,
        /// Summary.
        summary: String,
    },
    /// The standing committee deliberated (R-E3, R-E6).
    WorkEvaluationDeliberated {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The special work report heard with it.
        special_work_report: String,
    },
    /// The satisfaction vote was taken (R-E3); counts in the order of the scale, with the result
    /// under the rule set in force.
    SatisfactionVoteRecorded {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// Members.
        members: u32,
        /// Present.
        present: u32,
        /// Votes per option, every option of the scale in order.
        counts: Vec<crate::oversight::work_evaluation::OptionCount>,
        /// Dissatisfied votes.
        dissatisfied: u32,
        /// The result.
        result: crate::oversight::work_evaluation::SatisfactionResult,
    },
    /// The result was published and the government notified (R-E3).
    WorkEvaluationResultPublished {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The government notified.
        notified: String,
    },
    /// The evaluation-opinion document was issued (R-E6).
    EvaluationOpinionIssued {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Its items.
        items: Vec<String>,
        /// The rectification report is due by this date.
        rectification_due: NaiveDate,
    },
    /// The department reported its rectification.
    WorkEvaluationRectificationReported {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// Summary.
        summary: String,
    },
    /// The look-back took place (R-E4).
    WorkEvaluationLookedBack {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The finding (`adequate` or `weak`).
        finding: crate::oversight::work_evaluation::LookBackOutcome,
        /// Summary.
        summary: String,
    },
    /// The evaluation was closed.
    WorkEvaluationClosed {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
    },
    /// The evaluation was escalated (R-E4).
    WorkEvaluationEscalated {
        /// The evaluation.
        work_evaluation: crate::ids::WorkEvaluationId,
        /// The tool.
        kind: crate::oversight::work_evaluation::WorkEvaluationEscalation,
        /// Why.
        reason: String,
    },
    /// A topic inquiry was held (W23).
    TopicInquiryHeld {
        /// The inquiry.
        inquiry: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The standing-committee meeting.
        meeting: crate::ids::MeetingId,
        /// The meeting's day.
        held_on: chrono::NaiveDate,
        /// The linked report.
        report: String,
        /// Who asked.
        questioners: Vec<DeputyId>,
        /// Who answered.
        responders: Vec<UnitId>,
        /// Streamed live.
        #[serde(default)]
        live_stream: bool,
        /// What led to it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        origin: Option<String>,
    },
    /// An interpellation was proposed (L-17).
    InterpellationProposed {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The unit questioned.
        addressee: UnitId,
        /// Subject.
        subject: String,
        /// The questions.
        questions: Vec<String>,
        /// The proposers.
        by: crate::oversight::escalation::Proposers,
        /// What led to it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        origin: Option<String>,
    },
    /// The director meeting decided the form of the answer (L-17).
    InterpellationAnswerDecided {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The form.
        mode: crate::oversight::escalation::AnswerMode,
        /// The committee of an oral committee answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        committee: Option<String>,
    },
    /// The unit answered (L-17).
    InterpellationAnswered {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The answer.
        answer: String,
        /// The meeting of an oral plenary answer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<crate::ids::MeetingId>,
    },
    /// A proposer rated the answer (L-17).
    InterpellationAnswerRated {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// The proposer.
        deputy: DeputyId,
        /// The rating.
        rating: crate::oversight::escalation::AnswerRating,
    },
    /// More than half of the proposers are dissatisfied: a new answer is required (L-17).
    InterpellationReanswerRequired {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
        /// Proposers dissatisfied.
        dissatisfied: u32,
        /// All proposers.
        proposers: u32,
    },
    /// The interpellation was closed (L-17).
    InterpellationClosed {
        /// The interpellation.
        interpellation: crate::ids::EscalationId,
    },
    /// A special-question investigation was proposed (L-18).
    SpecialInvestigationProposed {
        /// The investigation.
        investigation: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The question.
        subject: String,
        /// The proposers.
        by: crate::oversight::escalation::Proposers,
        /// What led to it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        origin: Option<String>,
    },
    /// The standing committee voted on forming the investigation committee (L-18, L-4).
    SpecialInvestigationDecided {
        /// The investigation.
        investigation: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The tally.
        vote: crate::vote::Vote,
        /// A majority of all members voted for.
        adopted: bool,
        /// The committee's members.
        members: Vec<DeputyId>,
    },
    /// The investigation committee reported (L-18).
    SpecialInvestigationReported {
        /// The investigation.
        investigation: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The report.
        report: String,
        /// The vote on a resolution.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolution: Option<crate::vote::Vote>,
        /// The resolution passed.
        #[serde(default)]
        resolution_adopted: bool,
    },
    /// A removal was proposed (L-19).
    RemovalProposed {
        /// The removal.
        removal: crate::ids::EscalationId,
        /// The congress.
        congress: CongressId,
        /// The official.
        official: String,
        /// The post.
        post: String,
        /// Why.
        reason: String,
        /// The proposers.
        by: crate::oversight::escalation::Proposers,
        /// What led to it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        origin: Option<String>,
    },
    /// The standing committee voted on a removal (L-19, L-4).
    RemovalDecided {
        /// The removal.
        removal: crate::ids::EscalationId,
        /// The meeting.
        meeting: crate::ids::MeetingId,
        /// The tally.
        vote: crate::vote::Vote,
        /// A majority of all members voted for.
        adopted: bool,
    },
    /// A normative document was filed (W12; `late`: after `filing_days`, L-22).
    NormativeDocumentFiled {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The congress.
        congress: CongressId,
        /// The issuing organ.
        issuer: UnitId,
        /// Which of 一府一委两院.
        issuer_kind: crate::oversight::filing::IssuerKind,
        /// Title.
        title: String,
        /// Publication date.
        published_on: NaiveDate,
        /// Filing date.
        filed_on: NaiveDate,
        /// Filed late (L-22).
        late: bool,
    },
    /// The review of a filed document started (R-F1).
    NormativeDocumentReviewStarted {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The review mode.
        mode: crate::oversight::filing::ReviewMode,
    },
    /// The review's finding was recorded (absent `issue`: no issue).
    ReviewFindingRecorded {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The issue found.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        issue: Option<String>,
    },
    /// A written review opinion was sent (L-22).
    FilingReviewOpinionSent {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The opinion.
        opinion: String,
        /// Last day for the answer.
        answer_due: NaiveDate,
    },
    /// The issuer answered the review opinion.
    FilingReviewOpinionAnswered {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The answer.
        answer: String,
        /// Answered after the due date (L-22).
        late: bool,
    },
    /// The issuer corrected the document (R-F1).
    NormativeDocumentCorrected {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// After a written review opinion (else voluntarily).
        after_opinion: bool,
    },
    /// The standing committee revoked the document (R-F1; a decision).
    NormativeDocumentRevoked {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The ballot.
        revocation: crate::oversight::filing::Revocation,
    },
    /// A revocation ballot failed (no majority of all members, L-4); the issue stays open.
    NormativeDocumentRevocationNotAdopted {
        /// The document.
        document: crate::ids::NormativeDocumentId,
        /// The ballot.
        revocation: crate::oversight::filing::Revocation,
    },
    /// A committee was paired with budget departments (R-B1).
    CommitteeDepartmentsPaired {
        /// The congress.
        congress: CongressId,
        /// The pairing.
        pairing: crate::oversight::budget::Pairing,
    },
    /// A department budget was pre-reviewed (W13 step 2).
    DepartmentBudgetPreReviewed {
        /// The congress.
        congress: CongressId,
        /// The pre-review.
        review: crate::oversight::budget::DepartmentPreReview,
    },
    /// The finance committee held the budget pre-review meeting (R-M10, R-B2).
    BudgetPreReviewMeetingHeld {
        /// The congress.
        congress: CongressId,
        /// The meeting.
        meeting: crate::oversight::budget::PreReviewMeeting,
    },
    /// The key review of a year was recorded (R-B10).
    KeyBudgetReviewed {
        /// The congress.
        congress: CongressId,
        /// The review.
        review: crate::oversight::budget::KeyReview,
    },
    /// The standing committee approved a budget adjustment (L-21; a decision).
    BudgetAdjustmentApproved {
        /// The congress.
        congress: CongressId,
        /// The adjustment.
        adjustment: crate::oversight::budget::BudgetAdjustment,
    },
    /// A budget adjustment did not get a majority of all members (L-4).
    BudgetAdjustmentNotApproved {
        /// The congress.
        congress: CongressId,
        /// The adjustment.
        adjustment: crate::oversight::budget::BudgetAdjustment,
    },
    /// Audit findings were recorded (R-B8).
    AuditFindingsRecorded {
        /// The congress.
        congress: CongressId,
        /// The audited year.
        year: i32,
        /// The findings.
        findings: Vec<crate::oversight::budget::NewAuditFinding>,
    },
    /// A finding was put on the congress tracking list (R-B8).
    AuditFindingTracked {
        /// The finding.
        finding: crate::ids::AuditFindingId,
    },
    /// A tracked finding was struck off (对账销号, R-B8).
    AuditFindingStruckOff {
        /// The finding.
        finding: crate::ids::AuditFindingId,
        /// The rectification evidence.
        evidence: String,
    },
    /// A reminder or formal letter was sent (R-B9).
    BudgetReminderSent {
        /// The congress.
        congress: CongressId,
        /// The reminder.
        reminder: crate::oversight::budget::BudgetReminder,
    },
    /// The preliminary draft budget was submitted to the standing committee (L-21).
    PreliminaryBudgetSubmitted {
        /// The congress.
        congress: CongressId,
        /// The submission.
        preliminary: crate::oversight::budget::PreliminaryBudget,
    },
    /// The approved budget's issuance dates were recorded (L-21).
    BudgetIssuanceRecorded {
        /// The congress.
        congress: CongressId,
        /// The dates.
        issuance: crate::oversight::budget::BudgetIssuance,
    },
}

fn is_elected(m: &Mandate) -> bool {
    *m == Mandate::Elected
}

impl EventKind {
    /// The wire names of every event type, in declaration order.
    ///
    /// ```
    /// assert!(renda::EventKind::TYPES.contains(&"suggestion_closed"));
    /// ```
    pub const TYPES: &'static [&'static str] = &[
        "congress_registered",
        "deputy_registered",
        "unit_registered",
        "suggestion_submitted",
        "suggestion_revised",
        "suggestion_accepted",
        "suggestion_returned",
        "suggestion_rejected",
        "suggestion_withdrawn",
        "suggestion_assigned",
        "reply_deadline_extended",
        "co_unit_opinion_submitted",
        "suggestion_replied",
        "feedback_given",
        "rehandling_started",
        "placed_in_plan",
        "suggestion_closed",
        "results_published",
        "deputy_profile_updated",
        "standing_committee_joined",
        "resignation_submitted",
        "resignation_accepted",
        "resignation_not_accepted",
        "absence_recorded",
        "qualification_terminated",
        "deputy_suspended",
        "deputy_reinstated",
        "station_registered",
        "station_assigned",
        "activity_recorded",
        "voter_issue_recorded",
        "voter_issue_triaged",
        "voter_issue_answered",
        "voter_issue_closed",
        "points_published",
        "interview_held",
        "electoral_unit_notified",
        "resignation_advised",
        "employer_notified",
        "session_scheduled",
        "motion_submitted",
        "motion_listed",
        "motion_converted",
        "motion_merged",
        "motion_to_research",
        "motion_withdrawn",
        "motion_assigned",
        "motion_working_group_formed",
        "motion_plan_agreed",
        "motion_year_started",
        "motion_handling_reported",
        "motion_review_opinion_issued",
        "motion_evaluation_recorded",
        "motion_year_concluded",
        "motion_completed",
        "key_suggestion_recommended",
        "key_suggestion_designated",
        "key_meeting_held",
        "key_quality_rated",
        "key_assessment_published",
        "key_outcome_recorded",
        "supervision_started",
        "supervision_ended",
        "supervision_monitor_appointed",
        "handling_evaluation_planned",
        "handling_evaluator_commissioned",
        "handling_evaluation_reported",
        "handling_evaluation_distributed",
        "handling_evaluation_use_decided",
        "class_case_formed",
        "class_case_joined",
        "class_case_split",
        "class_case_dissolved",
        "meeting_convened",
        "meeting_agenda_set",
        "attendance_recorded",
        "speech_recorded",
        "ballot_held",
        "extraordinary_session_requested",
        "supervision_topic_proposed",
        "supervision_topics_shortlisted",
        "supervision_plan_approved",
        "supervision_plan_published",
        "supervision_topic_chosen",
        "supervision_plan_adjusted",
        "work_report_scheduled",
        "work_report_research_recorded",
        "work_report_submitted",
        "work_report_returned",
        "work_report_heard",
        "work_report_opinion_issued",
        "work_report_opinion_handled",
        "work_report_followed_up",
        "work_report_closed",
        "inspection_planned",
        "inspection_team_formed",
        "inspection_issues_recorded",
        "inspection_reported",
        "inspection_review_opinion_issued",
        "inspection_issue_rectified",
        "inspection_looked_back",
        "inspection_closed",
        "deliberation_opinion_recorded",
        "deliberation_opinion_routed",
        "deliberation_handling_reported",
        "resolution_follow_up_planned",
        "resolution_duty_recorded",
        "livelihood_project_proposed",
        "livelihood_projects_approved",
        "livelihood_project_monitored",
        "livelihood_project_completed",
        "livelihood_completion_reported",
        "evaluation_scope_declared",
        "work_evaluation_planned",
        "work_evaluation_started",
        "self_inspection_report_submitted",
        "investigation_report_submitted",
        "work_evaluation_deliberated",
        "satisfaction_vote_recorded",
        "work_evaluation_result_published",
        "evaluation_opinion_issued",
        "work_evaluation_rectification_reported",
        "work_evaluation_looked_back",
        "work_evaluation_closed",
        "work_evaluation_escalated",
        "topic_inquiry_held",
        "interpellation_proposed",
        "interpellation_answer_decided",
        "interpellation_answered",
        "interpellation_answer_rated",
        "interpellation_reanswer_required",
        "interpellation_closed",
        "special_investigation_proposed",
        "special_investigation_decided",
        "special_investigation_reported",
        "removal_proposed",
        "removal_decided",
        "normative_document_filed",
        "normative_document_review_started",
        "review_finding_recorded",
        "filing_review_opinion_sent",
        "filing_review_opinion_answered",
        "normative_document_corrected",
        "normative_document_revoked",
        "normative_document_revocation_not_adopted",
        "committee_departments_paired",
        "department_budget_pre_reviewed",
        "budget_pre_review_meeting_held",
        "key_budget_reviewed",
        "budget_adjustment_approved",
        "budget_adjustment_not_approved",
        "audit_findings_recorded",
        "audit_finding_tracked",
        "audit_finding_struck_off",
        "budget_reminder_sent",
        "preliminary_budget_submitted",
        "budget_issuance_recorded",
    ];

    /// The wire name (`type` field).
    ///
    /// ```
    /// let k = renda::EventKind::PlacedInPlan { suggestion: renda::SuggestionId::new("S").unwrap() };
    /// assert_eq!(k.type_name(), "placed_in_plan");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::CongressRegistered { .. } => "congress_registered",
            Self::DeputyRegistered { .. } => "deputy_registered",
            Self::UnitRegistered { .. } => "unit_registered",
            Self::SuggestionSubmitted { .. } => "suggestion_submitted",
            Self::SuggestionRevised { .. } => "suggestion_revised",
            Self::SuggestionAccepted { .. } => "suggestion_accepted",
            Self::SuggestionReturned { .. } => "suggestion_returned",
            Self::SuggestionRejected { .. } => "suggestion_rejected",
            Self::SuggestionWithdrawn { .. } => "suggestion_withdrawn",
            Self::SuggestionAssigned { .. } => "suggestion_assigned",
            Self::ReplyDeadlineExtended { .. } => "reply_deadline_extended",
            Self::CoUnitOpinionSubmitted { .. } => "co_unit_opinion_submitted",
            Self::SuggestionReplied { .. } => "suggestion_replied",
            Self::FeedbackGiven { .. } => "feedback_given",
            Self::RehandlingStarted { .. } => "rehandling_started",
            Self::PlacedInPlan { .. } => "placed_in_plan",
            Self::SuggestionClosed { .. } => "suggestion_closed",
            Self::ResultsPublished { .. } => "results_published",
            Self::DeputyProfileUpdated { .. } => "deputy_profile_updated",
            Self::StandingCommitteeJoined { .. } => "standing_committee_joined",
            Self::ResignationSubmitted { .. } => "resignation_submitted",
            Self::ResignationAccepted { .. } => "resignation_accepted",
            Self::ResignationNotAccepted { .. } => "resignation_not_accepted",
            Self::AbsenceRecorded { .. } => "absence_recorded",
            Self::QualificationTerminated { .. } => "qualification_terminated",
            Self::DeputySuspended { .. } => "deputy_suspended",
            Self::DeputyReinstated { .. } => "deputy_reinstated",
            Self::StationRegistered { .. } => "station_registered",
            Self::StationAssigned { .. } => "station_assigned",
            Self::ActivityRecorded { .. } => "activity_recorded",
            Self::VoterIssueRecorded { .. } => "voter_issue_recorded",
            Self::VoterIssueTriaged { .. } => "voter_issue_triaged",
            Self::VoterIssueAnswered { .. } => "voter_issue_answered",
            Self::VoterIssueClosed { .. } => "voter_issue_closed",
            Self::PointsPublished { .. } => "points_published",
            Self::InterviewHeld { .. } => "interview_held",
            Self::ElectoralUnitNotified { .. } => "electoral_unit_notified",
            Self::ResignationAdvised { .. } => "resignation_advised",
            Self::EmployerNotified { .. } => "employer_notified",
            Self::SessionScheduled { .. } => "session_scheduled",
            Self::MotionSubmitted { .. } => "motion_submitted",
            Self::MotionListed { .. } => "motion_listed",
            Self::MotionConverted { .. } => "motion_converted",
            Self::MotionMerged { .. } => "motion_merged",
            Self::MotionToResearch { .. } => "motion_to_research",
            Self::MotionWithdrawn { .. } => "motion_withdrawn",
            Self::MotionAssigned { .. } => "motion_assigned",
            Self::MotionWorkingGroupFormed { .. } => "motion_working_group_formed",
            Self::MotionPlanAgreed { .. } => "motion_plan_agreed",
            Self::MotionYearStarted { .. } => "motion_year_started",
            Self::MotionHandlingReported { .. } => "motion_handling_reported",
            Self::MotionReviewOpinionIssued { .. } => "motion_review_opinion_issued",
            Self::MotionEvaluationRecorded { .. } => "motion_evaluation_recorded",
            Self::MotionYearConcluded { .. } => "motion_year_concluded",
            Self::MotionCompleted { .. } => "motion_completed",
            Self::KeySuggestionRecommended { .. } => "key_suggestion_recommended",
            Self::KeySuggestionDesignated { .. } => "key_suggestion_designated",
            Self::KeyMeetingHeld { .. } => "key_meeting_held",
            Self::KeyQualityRated { .. } => "key_quality_rated",
            Self::KeyAssessmentPublished { .. } => "key_assessment_published",
            Self::KeyOutcomeRecorded { .. } => "key_outcome_recorded",
            Self::SupervisionStarted { .. } => "supervision_started",
            Self::SupervisionEnded { .. } => "supervision_ended",
            Self::SupervisionMonitorAppointed { .. } => "supervision_monitor_appointed",
            Self::HandlingEvaluationPlanned { .. } => "handling_evaluation_planned",
            Self::HandlingEvaluatorCommissioned { .. } => "handling_evaluator_commissioned",
            Self::HandlingEvaluationReported { .. } => "handling_evaluation_reported",
            Self::HandlingEvaluationDistributed { .. } => "handling_evaluation_distributed",
            Self::HandlingEvaluationUseDecided { .. } => "handling_evaluation_use_decided",
            Self::ClassCaseFormed { .. } => "class_case_formed",
            Self::ClassCaseJoined { .. } => "class_case_joined",
            Self::ClassCaseSplit { .. } => "class_case_split",
            Self::ClassCaseDissolved { .. } => "class_case_dissolved",
            Self::MeetingConvened { .. } => "meeting_convened",
            Self::MeetingAgendaSet { .. } => "meeting_agenda_set",
            Self::AttendanceRecorded { .. } => "attendance_recorded",
            Self::SpeechRecorded { .. } => "speech_recorded",
            Self::BallotHeld { .. } => "ballot_held",
            Self::ExtraordinarySessionRequested { .. } => "extraordinary_session_requested",
            Self::SupervisionTopicProposed { .. } => "supervision_topic_proposed",
            Self::SupervisionTopicsShortlisted { .. } => "supervision_topics_shortlisted",
            Self::SupervisionPlanApproved { .. } => "supervision_plan_approved",
            Self::SupervisionPlanPublished { .. } => "supervision_plan_published",
            Self::SupervisionTopicChosen { .. } => "supervision_topic_chosen",
            Self::SupervisionPlanAdjusted { .. } => "supervision_plan_adjusted",
            Self::WorkReportScheduled { .. } => "work_report_scheduled",
            Self::WorkReportResearchRecorded { .. } => "work_report_research_recorded",
            Self::WorkReportSubmitted { .. } => "work_report_submitted",
            Self::WorkReportReturned { .. } => "work_report_returned",
            Self::WorkReportHeard { .. } => "work_report_heard",
            Self::WorkReportOpinionIssued { .. } => "work_report_opinion_issued",
            Self::WorkReportOpinionHandled { .. } => "work_report_opinion_handled",
            Self::WorkReportFollowedUp { .. } => "work_report_followed_up",
            Self::WorkReportClosed { .. } => "work_report_closed",
            Self::InspectionPlanned { .. } => "inspection_planned",
            Self::InspectionTeamFormed { .. } => "inspection_team_formed",
            Self::InspectionIssuesRecorded { .. } => "inspection_issues_recorded",
            Self::InspectionReported { .. } => "inspection_reported",
            Self::InspectionReviewOpinionIssued { .. } => "inspection_review_opinion_issued",
            Self::InspectionIssueRectified { .. } => "inspection_issue_rectified",
            Self::InspectionLookedBack { .. } => "inspection_looked_back",
            Self::InspectionClosed { .. } => "inspection_closed",
            Self::DeliberationOpinionRecorded { .. } => "deliberation_opinion_recorded",
            Self::DeliberationOpinionRouted { .. } => "deliberation_opinion_routed",
            Self::DeliberationHandlingReported { .. } => "deliberation_handling_reported",
            Self::ResolutionFollowUpPlanned { .. } => "resolution_follow_up_planned",
            Self::ResolutionDutyRecorded { .. } => "resolution_duty_recorded",
            Self::LivelihoodProjectProposed { .. } => "livelihood_project_proposed",
            Self::LivelihoodProjectsApproved { .. } => "livelihood_projects_approved",
            Self::LivelihoodProjectMonitored { .. } => "livelihood_project_monitored",
            Self::LivelihoodProjectCompleted { .. } => "livelihood_project_completed",
            Self::LivelihoodCompletionReported { .. } => "livelihood_completion_reported",
            Self::EvaluationScopeDeclared { .. } => "evaluation_scope_declared",
            Self::WorkEvaluationPlanned { .. } => "work_evaluation_planned",
            Self::WorkEvaluationStarted { .. } => "work_evaluation_started",
            Self::SelfInspectionReportSubmitted { .. } => "self_inspection_report_submitted",
            Self::InvestigationReportSubmitted { .. } => "investigation_report_submitted",
            Self::WorkEvaluationDeliberated { .. } => "work_evaluation_deliberated",
            Self::SatisfactionVoteRecorded { .. } => "satisfaction_vote_recorded",
            Self::WorkEvaluationResultPublished { .. } => "work_evaluation_result_published",
            Self::EvaluationOpinionIssued { .. } => "evaluation_opinion_issued",
            Self::WorkEvaluationRectificationReported { .. } => {
                "work_evaluation_rectification_reported"
            }
            Self::WorkEvaluationLookedBack { .. } => "work_evaluation_looked_back",
            Self::WorkEvaluationClosed { .. } => "work_evaluation_closed",
            Self::WorkEvaluationEscalated { .. } => "work_evaluation_escalated",
            Self::TopicInquiryHeld { .. } => "topic_inquiry_held",
            Self::InterpellationProposed { .. } => "interpellation_proposed",
            Self::InterpellationAnswerDecided { .. } => "interpellation_answer_decided",
            Self::InterpellationAnswered { .. } => "interpellation_answered",
            Self::InterpellationAnswerRated { .. } => "interpellation_answer_rated",
            Self::InterpellationReanswerRequired { .. } => "interpellation_reanswer_required",
            Self::InterpellationClosed { .. } => "interpellation_closed",
            Self::SpecialInvestigationProposed { .. } => "special_investigation_proposed",
            Self::SpecialInvestigationDecided { .. } => "special_investigation_decided",
            Self::SpecialInvestigationReported { .. } => "special_investigation_reported",
            Self::RemovalProposed { .. } => "removal_proposed",
            Self::RemovalDecided { .. } => "removal_decided",
            Self::NormativeDocumentFiled { .. } => "normative_document_filed",
            Self::NormativeDocumentReviewStarted { .. } => "normative_document_review_started",
            Self::ReviewFindingRecorded { .. } => "review_finding_recorded",
            Self::FilingReviewOpinionSent { .. } => "filing_review_opinion_sent",
            Self::FilingReviewOpinionAnswered { .. } => "filing_review_opinion_answered",
            Self::NormativeDocumentCorrected { .. } => "normative_document_corrected",
            Self::NormativeDocumentRevoked { .. } => "normative_document_revoked",
            Self::NormativeDocumentRevocationNotAdopted { .. } => {
                "normative_document_revocation_not_adopted"
            }
            Self::CommitteeDepartmentsPaired { .. } => "committee_departments_paired",
            Self::DepartmentBudgetPreReviewed { .. } => "department_budget_pre_reviewed",
            Self::BudgetPreReviewMeetingHeld { .. } => "budget_pre_review_meeting_held",
            Self::KeyBudgetReviewed { .. } => "key_budget_reviewed",
            Self::BudgetAdjustmentApproved { .. } => "budget_adjustment_approved",
            Self::BudgetAdjustmentNotApproved { .. } => "budget_adjustment_not_approved",
            Self::AuditFindingsRecorded { .. } => "audit_findings_recorded",
            Self::AuditFindingTracked { .. } => "audit_finding_tracked",
            Self::AuditFindingStruckOff { .. } => "audit_finding_struck_off",
            Self::BudgetReminderSent { .. } => "budget_reminder_sent",
            Self::PreliminaryBudgetSubmitted { .. } => "preliminary_budget_submitted",
            Self::BudgetIssuanceRecorded { .. } => "budget_issuance_recorded",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};

    /// One event of every type, in declaration order.
    pub(crate) fn samples() -> Vec<EventKind> {
        let sid = || SuggestionId::new("S").unwrap();
        let cid = || CongressId::new("c").unwrap();
        let did = || DeputyId::new("D").unwrap();
        let uid = || UnitId::new("u").unwrap();
        let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        vec![
            EventKind::CongressRegistered {
                congress: cid(),
                name: "n".into(),
                level: Level::County,
                term: 1,
                term_start: day,
                term_end: day,
                population: None,
            },
            EventKind::DeputyRegistered {
                deputy: did(),
                congress: cid(),
                name: "n".into(),
                contact: None,
                profile: Default::default(),
                elected_on: None,
                mandate: Mandate::Elected,
            },
            EventKind::UnitRegistered {
                unit: uid(),
                name: "n".into(),
            },
            EventKind::SuggestionSubmitted {
                suggestion: sid(),
                congress: cid(),
                title: "t".into(),
                lead: did(),
                cosigners: vec![],
                during: SubmissionPeriod::Session,
                topic: None,
            },
            EventKind::SuggestionRevised {
                suggestion: sid(),
                title: "t".into(),
            },
            EventKind::SuggestionAccepted { suggestion: sid() },
            EventKind::SuggestionReturned {
                suggestion: sid(),
                reason: "r".into(),
            },
            EventKind::SuggestionRejected {
                suggestion: sid(),
                reason: "r".into(),
            },
            EventKind::SuggestionWithdrawn {
                suggestion: sid(),
                reason: None,
            },
            EventKind::SuggestionAssigned {
                suggestion: sid(),
                lead_unit: uid(),
                co_units: vec![],
            },
            EventKind::ReplyDeadlineExtended {
                suggestion: sid(),
                reason: "r".into(),
            },
            EventKind::CoUnitOpinionSubmitted {
                suggestion: sid(),
                unit: uid(),
                opinion: "o".into(),
            },
            EventKind::SuggestionReplied {
                suggestion: sid(),
                round: 1,
                result: ResultCategory::A,
                in_plan: false,
                summary: "s".into(),
                reason: None,
            },
            EventKind::FeedbackGiven {
                suggestion: sid(),
                deputy: did(),
                round: 1,
                rating: Satisfaction::Satisfied,
                comment: None,
            },
            EventKind::RehandlingStarted {
                suggestion: sid(),
                round: 2,
            },
            EventKind::PlacedInPlan { suggestion: sid() },
            EventKind::SuggestionClosed {
                suggestion: sid(),
                rating: Satisfaction::Satisfied,
            },
            EventKind::ResultsPublished { congress: cid() },
        ]
        .into_iter()
        .chain(
            [
                r#"{"type":"deputy_profile_updated","deputy":"D","profile":{"re_elected":true}}"#,
                r#"{"type":"standing_committee_joined","deputy":"D","post":"member","full_time":false}"#,
                r#"{"type":"resignation_submitted","deputy":"D"}"#,
                r#"{"type":"resignation_accepted","deputy":"D","vote":{"members":45,"present":40,"yes":23,"no":10,"abstain":7}}"#,
                r#"{"type":"resignation_not_accepted","deputy":"D","vote":{"members":45,"present":40,"yes":22,"no":10,"abstain":8}}"#,
                r#"{"type":"absence_recorded","deputy":"D","session":"s1","excused":false}"#,
                r#"{"type":"qualification_terminated","deputy":"D","reason":"moved_out"}"#,
                r#"{"type":"deputy_suspended","deputy":"D","reason":"r"}"#,
                r#"{"type":"deputy_reinstated","deputy":"D"}"#,
                r#"{"type":"station_registered","station":{"id":"s","congress":"c","name":"n","tier":"home"}}"#,
                r#"{"type":"station_assigned","deputy":"D","station":"s"}"#,
                r#"{"type":"activity_recorded","activity":{"id":"a","congress":"c","kind":"inspection","on":"2024-01-01","title":"t","participants":["D"]}}"#,
                r#"{"type":"voter_issue_recorded","issue":{"id":"i","congress":"c","received_on":"2024-01-01","summary":"s"}}"#,
                r#"{"type":"voter_issue_triaged","issue":"i","triage":{"outcome":"recorded_only"}}"#,
                r#"{"type":"voter_issue_answered","issue":"i"}"#,
                r#"{"type":"voter_issue_closed","issue":"i"}"#,
                r#"{"type":"points_published","publication":{"congress":"c","period":"2024","scope":"congress","published_on":"2025-01-05","through_seq":3,"rows":[]}}"#,
                r#"{"type":"interview_held","deputy":"D","period":"2024","points":3,"threshold":20}"#,
                r#"{"type":"electoral_unit_notified","deputy":"D"}"#,
                r#"{"type":"resignation_advised","deputy":"D"}"#,
                r#"{"type":"employer_notified","deputy":"D","reason":"r"}"#,
                r#"{"type":"session_scheduled","session":{"id":"s1","congress":"c","opens_on":"2024-01-08","closes_on":"2024-01-12","motions_due":"2024-01-10"}}"#,
                r#"{"type":"motion_submitted","motion":"M","congress":"c","session":"s1","title":"t","sponsor":{"by":"deputies","lead":"D","cosigners":[]},"kind":"supervisory"}"#,
                r#"{"type":"motion_listed","motion":"M"}"#,
                r#"{"type":"motion_converted","motion":"M","suggestion":"S"}"#,
                r#"{"type":"motion_merged","motion":"M","into":"M2"}"#,
                r#"{"type":"motion_to_research","motion":"M"}"#,
                r#"{"type":"motion_withdrawn","motion":"M","presidium_consent":true}"#,
                r#"{"type":"motion_assigned","motion":"M","lead_unit":"u","co_units":[],"in_supervision_plan":true}"#,
                r#"{"type":"motion_working_group_formed","motion":"M","leader":"l","committee":"c","members":["D"],"proposing_deputies":["D"]}"#,
                r#"{"type":"motion_plan_agreed","motion":"M","goals":["g"],"deadline":"2026-12-31"}"#,
                r#"{"type":"motion_year_started","motion":"M","year":1,"phase":"supervision"}"#,
                r#"{"type":"motion_handling_reported","motion":"M","year":1,"to":"standing_committee","summary":"s"}"#,
                r#"{"type":"motion_review_opinion_issued","motion":"M","year":1,"opinion":"o"}"#,
                r#"{"type":"motion_evaluation_recorded","motion":"M","year":1,"evaluator":"e","summary":"s"}"#,
                r#"{"type":"motion_year_concluded","motion":"M","year":1,"outcome":"continued"}"#,
                r#"{"type":"motion_completed","motion":"M"}"#,
                r#"{"type":"key_suggestion_recommended","suggestion":"S","by":{"role":"street_working_committee","id":"st"},"reason":"r"}"#,
                r#"{"type":"key_suggestion_designated","suggestion":"S","leader":"l","by":"standing_committee"}"#,
                r#"{"type":"key_meeting_held","meeting":"supervision","suggestions":["S"],"organs":["government"],"deputies":["D"],"on_the_spot":[{"deputy":"D","rating":"satisfied"}]}"#,
                r#"{"type":"key_quality_rated","suggestion":"S","deputy":"D","rating":"satisfied","recorded_by":"deputy"}"#,
                r#"{"type":"key_assessment_published","suggestion":"S"}"#,
                r#"{"type":"key_outcome_recorded","suggestion":"S","outcome":"solved"}"#,
                r#"{"type":"supervision_started","suggestion":"S","mode":"tracking","lead":"l","by":"deputy_affairs_office"}"#,
                r#"{"type":"supervision_ended","suggestion":"S","mode":"tracking"}"#,
                r#"{"type":"supervision_monitor_appointed","suggestion":"S","deputy":"D"}"#,
                r#"{"type":"handling_evaluation_planned","evaluation":"E","congress":"c","year":2024,"sample":[{"suggestion":"S","category":"key"}]}"#,
                r#"{"type":"handling_evaluator_commissioned","evaluation":"E","evaluator":"ev"}"#,
                r#"{"type":"handling_evaluation_reported","evaluation":"E","findings":[{"suggestion":"S","grade":"good","summary":"s"}],"summary":"s"}"#,
                r#"{"type":"handling_evaluation_distributed","evaluation":"E"}"#,
                r#"{"type":"handling_evaluation_use_decided","evaluation":"E","uses":["publication"]}"#,
                r#"{"type":"class_case_formed","group":"G","congress":"c","title":"t","lead_unit":"u","suggestions":["S","S2"]}"#,
                r#"{"type":"class_case_joined","group":"G","suggestion":"S"}"#,
                r#"{"type":"class_case_split","group":"G","suggestion":"S"}"#,
                r#"{"type":"class_case_dissolved","group":"G"}"#,
                r#"{"type":"meeting_convened","meeting":{"id":"M","congress":"c","body":"standing_committee","kind":"regular","held_on":"2024-02-27"}}"#,
                r#"{"type":"meeting_agenda_set","meeting":"M","items":[{"number":1,"kind":"political_study","title":"第一议题"}]}"#,
                r#"{"type":"attendance_recorded","meeting":"M","attendance":{"members":45,"present":40,"attending_deputies":["D"],"observers":3,"quorum_met":true}}"#,
                r#"{"type":"speech_recorded","meeting":"M","speech":{"item":2,"kind":"report","minutes":18}}"#,
                r#"{"type":"ballot_held","ballot":{"id":"B","meeting":"M","congress":"c","item":3,"subject":"决议","kind":"resolution","vote":{"members":45,"present":40,"yes":38,"no":1,"abstain":1},"adopted":true,"at":"2024-06-27T15:00:00+08:00"}}"#,
                r#"{"type":"extraordinary_session_requested","congress":"c","deputies":80,"in_office":350}"#,
                r#"{"type":"supervision_topic_proposed","topic":"T1","congress":"c","year":2024,"source":"public_solicitation","title":"t"}"#,
                r#"{"type":"supervision_topics_shortlisted","congress":"c","year":2024,"topics":["T1"]}"#,
                r#"{"type":"supervision_plan_approved","plan":"P","congress":"c","year":2024,"topics":["T1"],"party_committee_ref":"r","party_committee_approved_on":"2023-12-18"}"#,
                r#"{"type":"supervision_plan_published","plan":"P"}"#,
                r#"{"type":"supervision_topic_chosen","plan":"P","topic":"T1","deputy":"D"}"#,
                r#"{"type":"supervision_plan_adjusted","plan":"P","added":[],"dropped":["T1"],"reason":"r"}"#,
                r#"{"type":"work_report_scheduled","report":"R","congress":"c","year":2024,"kind":"state_assets","state_assets_kind":"comprehensive","title":"t","organ":"u","meeting":"M"}"#,
                r#"{"type":"work_report_research_recorded","report":"R","summary":"s"}"#,
                r#"{"type":"work_report_submitted","report":"R","version":"first","due":"2024-06-05","late":false}"#,
                r#"{"type":"work_report_returned","report":"R","reason":"r"}"#,
                r#"{"type":"work_report_heard","report":"R","meeting":"M","mode":"written"}"#,
                r#"{"type":"work_report_opinion_issued","report":"R","opinion":"o","due":"2024-09-01"}"#,
                r#"{"type":"work_report_opinion_handled","report":"R","summary":"s","late":true}"#,
                r#"{"type":"work_report_followed_up","report":"R","kind":"tracking_inspection","summary":"s"}"#,
                r#"{"type":"work_report_closed","report":"R"}"#,
                r#"{"type":"inspection_planned","inspection":"I","congress":"c","year":2024,"law":{"title":"t","kind":"local_regulation","effective_on":"2024-05-01"},"joint":false}"#,
                r#"{"type":"inspection_team_formed","inspection":"I","groups":[{"name":"g","leader":"l","deputies":["D"]}]}"#,
                r#"{"type":"inspection_issues_recorded","inspection":"I","issues":[{"issue":"q","unit":"u","text":"t","handed_over":true}]}"#,
                r#"{"type":"inspection_reported","inspection":"I","meeting":"M","presenter":"p","no_issues":false}"#,
                r#"{"type":"inspection_review_opinion_issued","inspection":"I","text":"t"}"#,
                r#"{"type":"inspection_issue_rectified","inspection":"I","issue":"q"}"#,
                r#"{"type":"inspection_looked_back","inspection":"I","open_issues":["q"]}"#,
                r#"{"type":"inspection_closed","inspection":"I"}"#,
                r#"{"type":"deliberation_opinion_recorded","opinion":"O","congress":"c","session":"s1","delegation":"d","recorder":"r","text":"t","about":"government_work"}"#,
                r#"{"type":"deliberation_opinion_routed","opinion":"O","meeting":"M","route":"government"}"#,
                r#"{"type":"deliberation_handling_reported","congress":"c","meeting":"M","opinions":["O"]}"#,
                r#"{"type":"resolution_follow_up_planned","resolution":"R","congress":"c","title":"t","years":[2024]}"#,
                r#"{"type":"resolution_duty_recorded","resolution":"R","year":2024,"duty":"special_supervision"}"#,
                r#"{"type":"livelihood_project_proposed","project":"P","congress":"c","year":2025,"title":"t","origin":"voters"}"#,
                r#"{"type":"livelihood_projects_approved","congress":"c","meeting":"M","year":2025,"projects":[{"project":"P","due_on":"2025-12-31"}]}"#,
                r#"{"type":"livelihood_project_monitored","project":"P","deputies":["D"]}"#,
                r#"{"type":"livelihood_project_completed","project":"P","completed_on":"2025-11-30","on_time":true}"#,
                r#"{"type":"livelihood_completion_reported","congress":"c","meeting":"M","year":2025}"#,
                r#"{"type":"evaluation_scope_declared","congress":"c","departments":["u"]}"#,
                r#"{"type":"work_evaluation_planned","work_evaluation":"W","congress":"c","year":2024,"department":"u","team":{"leader":"D","vice_leaders":["D2"],"members":["D3"]}}"#,
                r#"{"type":"work_evaluation_started","work_evaluation":"W"}"#,
                r#"{"type":"self_inspection_report_submitted","work_evaluation":"W","summary":"s"}"#,
                r#"{"type":"investigation_report_submitted","work_evaluation":"W","methods":["visit"],"deputy_person_times":3,"summary":"s"}"#,
                r#"{"type":"work_evaluation_deliberated","work_evaluation":"W","meeting":"m","special_work_report":"r"}"#,
                r#"{"type":"satisfaction_vote_recorded","work_evaluation":"W","meeting":"m","members":5,"present":5,"counts":[{"option":"满意","votes":5}],"dissatisfied":0,"result":"satisfied"}"#,
                r#"{"type":"work_evaluation_result_published","work_evaluation":"W","notified":"g"}"#,
                r#"{"type":"evaluation_opinion_issued","work_evaluation":"W","items":["i"],"rectification_due":"2025-03-01"}"#,
                r#"{"type":"work_evaluation_rectification_reported","work_evaluation":"W","summary":"s"}"#,
                r#"{"type":"work_evaluation_looked_back","work_evaluation":"W","finding":"adequate","summary":"s"}"#,
                r#"{"type":"work_evaluation_closed","work_evaluation":"W"}"#,
                r#"{"type":"work_evaluation_escalated","work_evaluation":"W","kind":"interpellation","reason":"r"}"#,
                r#"{"type":"topic_inquiry_held","inquiry":"TI","congress":"c","meeting":"M","held_on":"2024-05-28","report":"r","questioners":["D"],"responders":["u"],"live_stream":true}"#,
                r#"{"type":"interpellation_proposed","interpellation":"I","congress":"c","addressee":"u","subject":"s","questions":["q"],"by":{"by":"sc_members","members":["D","D2","D3"]},"origin":"W5-1"}"#,
                r#"{"type":"interpellation_answer_decided","interpellation":"I","mode":"oral_plenary"}"#,
                r#"{"type":"interpellation_answered","interpellation":"I","answer":"a","meeting":"M"}"#,
                r#"{"type":"interpellation_answer_rated","interpellation":"I","deputy":"D","rating":"dissatisfied"}"#,
                r#"{"type":"interpellation_reanswer_required","interpellation":"I","dissatisfied":2,"proposers":3}"#,
                r#"{"type":"interpellation_closed","interpellation":"I"}"#,
                r#"{"type":"special_investigation_proposed","investigation":"SI","congress":"c","subject":"s","by":{"by":"director_meeting"}}"#,
                r#"{"type":"special_investigation_decided","investigation":"SI","meeting":"M","vote":{"members":5,"present":5,"yes":3,"no":2,"abstain":0},"adopted":true,"members":["D"]}"#,
                r#"{"type":"special_investigation_reported","investigation":"SI","meeting":"M","report":"r","resolution":{"members":5,"present":5,"yes":3,"no":2,"abstain":0},"resolution_adopted":true}"#,
                r#"{"type":"removal_proposed","removal":"R","congress":"c","official":"o","post":"p","reason":"r","by":{"by":"government"}}"#,
                r#"{"type":"removal_decided","removal":"R","meeting":"M","vote":{"members":5,"present":5,"yes":3,"no":2,"abstain":0},"adopted":true}"#,
                r#"{"type":"normative_document_filed","document":"N","congress":"c","issuer":"u","issuer_kind":"government","title":"t","published_on":"2024-01-01","filed_on":"2024-01-10","late":false}"#,
                r#"{"type":"normative_document_review_started","document":"N","mode":"own_initiative"}"#,
                r#"{"type":"review_finding_recorded","document":"N","issue":"i"}"#,
                r#"{"type":"filing_review_opinion_sent","document":"N","opinion":"o","answer_due":"2024-03-01"}"#,
                r#"{"type":"filing_review_opinion_answered","document":"N","answer":"a","late":false}"#,
                r#"{"type":"normative_document_corrected","document":"N","after_opinion":true}"#,
                r#"{"type":"normative_document_revoked","document":"N","revocation":{"meeting":"M","vote":{"members":45,"present":40,"yes":30,"no":5,"abstain":5},"adopted":true}}"#,
                r#"{"type":"normative_document_revocation_not_adopted","document":"N","revocation":{"meeting":"M","vote":{"members":45,"present":40,"yes":20,"no":5,"abstain":5},"adopted":false}}"#,
                r#"{"type":"committee_departments_paired","congress":"c","pairing":{"committee":"财经委","from_year":2024,"departments":["u"]}}"#,
                r#"{"type":"department_budget_pre_reviewed","congress":"c","review":{"year":2024,"committee":"财经委","department":"u","opinions":1,"projects_adjusted":1,"amount_cut":1,"amount_increased":0,"four_questions":{"should_spend":"a","by_government":"b","how_much":"c","now":"d"},"on":"2023-11-01"}}"#,
                r#"{"type":"budget_pre_review_meeting_held","congress":"c","meeting":{"year":2024,"held_on":"2023-12-01","days":2,"heard":["general_public"]}}"#,
                r#"{"type":"key_budget_reviewed","congress":"c","review":{"year":2024,"departments":["u"],"amount_reviewed":10,"projects_adjusted":1,"amount_adjusted":1,"on":"2024-11-01"}}"#,
                r#"{"type":"budget_adjustment_approved","congress":"c","adjustment":{"year":2024,"meeting":"M","title":"t","vote":{"members":45,"present":40,"yes":30,"no":5,"abstain":5},"adopted":true}}"#,
                r#"{"type":"budget_adjustment_not_approved","congress":"c","adjustment":{"year":2024,"meeting":"M","title":"t","vote":{"members":45,"present":40,"yes":20,"no":5,"abstain":5},"adopted":false}}"#,
                r#"{"type":"audit_findings_recorded","congress":"c","year":2023,"findings":[{"finding":"F","unit":"u","summary":"s"}]}"#,
                r#"{"type":"audit_finding_tracked","finding":"F"}"#,
                r#"{"type":"audit_finding_struck_off","finding":"F","evidence":"e"}"#,
                r#"{"type":"budget_reminder_sent","congress":"c","reminder":{"year":2024,"unit":"u","kind":"reminder","reason":"r","on":"2024-07-01"}}"#,
                r#"{"type":"preliminary_budget_submitted","congress":"c","preliminary":{"year":2025,"session":"s1","submitted_on":"2024-12-01"}}"#,
                r#"{"type":"budget_issuance_recorded","congress":"c","issuance":{"year":2025,"approved_on":"2025-01-10","finance_issued_on":"2025-01-20","departments_issued_on":"2025-01-30"}}"#,
            ]
            .map(|json| serde_json::from_str(json).expect(json)),
        )
        .collect()
    }

    #[test]
    fn types_match_type_name_and_serde_tag() {
        let samples = samples();
        assert_eq!(samples.len(), EventKind::TYPES.len());
        for (k, name) in samples.iter().zip(EventKind::TYPES.iter().copied()) {
            assert_eq!(k.type_name(), name);
            assert_eq!(serde_json::to_value(k).unwrap()["type"], name);
        }
    }
}
