//! Deputies' activities (domain §1.4) and the voter issues raised at them (W7).
//!
//! An activity has participants from any congress and level (a home visit often has city,
//! district and town deputies together), the voters received and the opinions collected. Every
//! act leaves a record (履职留痕, R-D4): duties ([`crate::station`]), points
//! ([`crate::points`]) and the performance archive are all computed from these records.

use crate::ids::{ActivityId, CongressId, DeputyId, StationId, SuggestionId, UnitId, VoterIssueId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of deputy activity (domain §1.4; issue 3 item 4).
///
/// ```
/// use renda::activity::ActivityKind;
/// assert_eq!(ActivityKind::ALL.len(), 13);
/// assert_eq!(ActivityKind::StationVisit.as_str(), "station_visit");
/// assert_eq!(serde_json::from_str::<ActivityKind>("\"debrief\"").unwrap(), ActivityKind::Debrief);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Attending a session of the congress (出席人代会).
    SessionAttendance,
    /// Attending a standing-committee meeting without a vote (列席常委会会议, W21).
    CommitteeMeetingAttendance,
    /// Inspection (视察).
    Inspection,
    /// Research (调研).
    Research,
    /// Training (培训, W24).
    Training,
    /// Contacting voters (联系选民, 代表联系选民月; R-D8).
    VoterContact,
    /// Visit to a home (回家, 季回家; R-D1).
    HomeVisit,
    /// Visit to a station (进站, 月进站; R-D1).
    StationVisit,
    /// Debrief to the constituency or electoral unit (述职, 年述职; R-D1, R-D3, L-12).
    Debrief,
    /// Law-enforcement inspection (执法检查, W11).
    LawEnforcementInspection,
    /// Legislative consultation (立法征求意见, W17).
    LegislativeConsultation,
    /// Supervision of suggestion handling (督办), e.g. a meeting on key suggestions.
    HandlingSupervision,
    /// Anything else the office records.
    Other,
}

impl ActivityKind {
    /// Every kind.
    pub const ALL: [ActivityKind; 13] = [
        ActivityKind::SessionAttendance,
        ActivityKind::CommitteeMeetingAttendance,
        ActivityKind::Inspection,
        ActivityKind::Research,
        ActivityKind::Training,
        ActivityKind::VoterContact,
        ActivityKind::HomeVisit,
        ActivityKind::StationVisit,
        ActivityKind::Debrief,
        ActivityKind::LawEnforcementInspection,
        ActivityKind::LegislativeConsultation,
        ActivityKind::HandlingSupervision,
        ActivityKind::Other,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::SessionAttendance => "session_attendance",
            ActivityKind::CommitteeMeetingAttendance => "committee_meeting_attendance",
            ActivityKind::Inspection => "inspection",
            ActivityKind::Research => "research",
            ActivityKind::Training => "training",
            ActivityKind::VoterContact => "voter_contact",
            ActivityKind::HomeVisit => "home_visit",
            ActivityKind::StationVisit => "station_visit",
            ActivityKind::Debrief => "debrief",
            ActivityKind::LawEnforcementInspection => "law_enforcement_inspection",
            ActivityKind::LegislativeConsultation => "legislative_consultation",
            ActivityKind::HandlingSupervision => "handling_supervision",
            ActivityKind::Other => "other",
        }
    }
}

/// Which debrief (述职): the yearly one or the mid-term one (海淀: 406 deputies, 98.3%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebriefScope {
    /// 年度述职 (R-D1).
    Yearly,
    /// 届中述职.
    MidTerm,
}

/// A recorded activity.
///
/// ```
/// let a: renda::activity::Activity = serde_json::from_str(r#"{"id":"A1","congress":"hd-17",
///   "kind":"station_visit","on":"2024-03-05","title":"进站接待选民","participants":["D001","D002"],
///   "station":"s1","voters_received":12,"opinions_collected":5}"#).unwrap();
/// assert_eq!(a.participants.len(), 2);
/// assert!(a.debrief.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Identifier.
    pub id: ActivityId,
    /// The congress that organised or records it.
    pub congress: CongressId,
    /// Kind.
    pub kind: ActivityKind,
    /// The day it took place (China time).
    pub on: NaiveDate,
    /// Title.
    pub title: String,
    /// The deputies who took part, from any congress (each counts one person-time, 人次).
    pub participants: Vec<DeputyId>,
    /// The home or station where it took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station: Option<StationId>,
    /// Voters received (接待选民, person-times).
    #[serde(default)]
    pub voters_received: u32,
    /// Opinions collected (收集意见, entries).
    #[serde(default)]
    pub opinions_collected: u32,
    /// For a debrief, which one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<DebriefScope>,
}

/// What was done with a voter issue (W7 triage).
///
/// ```
/// use renda::activity::Triage;
/// let t: Triage = serde_json::from_str(r#"{"outcome":"forwarded_to_department","unit":"edu"}"#).unwrap();
/// assert_eq!(t.as_str(), "forwarded_to_department");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Triage {
    /// Solved or explained on the spot (现场解决 / 现场解释说明).
    ResolvedOnSite,
    /// Coordinated by the street (街道协调处理).
    StreetCoordination,
    /// Forwarded to the responsible department (责任部门办理 / 转交有关部门).
    ForwardedToDepartment {
        /// The department.
        unit: UnitId,
    },
    /// Turned into a recess suggestion (闭会建议) at the level with competence (W1).
    ConvertedToSuggestion {
        /// The suggestion, already submitted.
        suggestion: SuggestionId,
    },
    /// Kept as a work record only (形成工作记录).
    RecordedOnly,
    /// Passed on for next year's livelihood projects (转送区政府办公室, 办实事).
    LivelihoodPlanning,
}

impl Triage {
    /// The wire name of the outcome.
    pub fn as_str(&self) -> &'static str {
        match self {
            Triage::ResolvedOnSite => "resolved_on_site",
            Triage::StreetCoordination => "street_coordination",
            Triage::ForwardedToDepartment { .. } => "forwarded_to_department",
            Triage::ConvertedToSuggestion { .. } => "converted_to_suggestion",
            Triage::RecordedOnly => "recorded_only",
            Triage::LivelihoodPlanning => "livelihood_planning",
        }
    }
}

/// An issue a voter raised (W7): received, triaged, answered, closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoterIssue {
    /// Identifier.
    pub id: VoterIssueId,
    /// The congress of the deputy or station that received it.
    pub congress: CongressId,
    /// Day received.
    pub received_on: NaiveDate,
    /// Summary of the issue.
    pub summary: String,
    /// The deputy who received it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<DeputyId>,
    /// The home or station where it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station: Option<StationId>,
    /// The activity at which it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityId>,
    /// The triage decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<Triage>,
    /// Day of the triage decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triaged_on: Option<NaiveDate>,
    /// Day the voter was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_on: Option<NaiveDate>,
    /// Day it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
}
