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
    pub const TYPES: [&'static str; 39] = [
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
            ]
            .map(|json| serde_json::from_str(json).expect(json)),
        )
        .collect()
    }

    #[test]
    fn types_match_type_name_and_serde_tag() {
        let samples = samples();
        assert_eq!(samples.len(), EventKind::TYPES.len());
        for (k, name) in samples.iter().zip(EventKind::TYPES) {
            assert_eq!(k.type_name(), name);
            assert_eq!(serde_json::to_value(k).unwrap()["type"], name);
        }
    }
}
