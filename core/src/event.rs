//! Events: the facts the ledger records. The event log is the source of truth; state,
//! projections and figures are functions of it.

use crate::actor::Actor;
use crate::chain::EventHash;
use crate::ids::{CongressId, DeputyId, SuggestionId, UnitId};
use crate::registry::Level;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use crate::time::Timestamp;
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
}

impl EventKind {
    /// The wire names of every event type, in declaration order.
    ///
    /// ```
    /// assert!(renda::EventKind::TYPES.contains(&"suggestion_closed"));
    /// ```
    pub const TYPES: [&'static str; 18] = [
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
            },
            EventKind::DeputyRegistered {
                deputy: did(),
                congress: cid(),
                name: "n".into(),
                contact: None,
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
