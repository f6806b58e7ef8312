//! Motions (议案; W4, L-2, R-P1…R-P7): submission within a session's window, review by the
//! presidium, assignment, the handling working group and plan, and the yearly cycle of
//! supervision and tracking ("督办一年、跟踪督办两年", or for the whole term).
//!
//! ```text
//! submitted ─review→ listed ─assign→ assigned ─plan→ in_handling(year 1 督办) ─conclude→ completed
//!    │         │         └ withdraw (presidium consent, L-2)   │ continued (R-P2)
//!    │         ├→ handled_as_suggestion (L-2 practice)           └→ in_handling(year n 跟踪督办)
//!    │         ├→ merged (件 into 项)
//!    │         └→ legislative_research
//!    └ withdraw → withdrawn
//! ```
//!
//! ```
//! use renda::{Ledger, motion::MotionStatus};
//! let mut ledger = Ledger::new(Default::default());
//! let mut run = |at: &str, role: &str, id: &str, cmd: &str| {
//!     ledger.execute_json(&format!(r#"{{"at":"{at}","actor":{{"role":"{role}","id":"{id}"}},"command":{cmd}}}"#))
//! };
//! run("2024-01-02", "admin", "a", r#"{"type":"register_congress","congress":"hd-17","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}"#).unwrap();
//! run("2024-01-02", "admin", "a", r#"{"type":"schedule_session","session":"hd-17-3","congress":"hd-17","opens_on":"2024-01-08","closes_on":"2024-01-12"}"#).unwrap();
//! // The government may submit a motion (L-2); the government office enters it.
//! let events = run("2024-01-09", "government_office", "gov", r#"{"type":"submit_motion","motion":"M-1","congress":"hd-17","session":"hd-17-3","title":"关于加强学前教育的议案","sponsor":{"by":"government"},"kind":"supervisory"}"#).unwrap();
//! assert_eq!(events[0].event.type_name(), "motion_submitted");
//! // Outside the window: refused (L-2).
//! let err = run("2024-01-15", "government_office", "gov", r#"{"type":"submit_motion","motion":"M-2","congress":"hd-17","session":"hd-17-3","title":"议案","sponsor":{"by":"government"},"kind":"other"}"#).unwrap_err();
//! assert_eq!(err.code(), "outside_submission_window");
//! # drop(run);
//! assert_eq!(ledger.motions().next().unwrap().status, MotionStatus::Submitted);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::deputy::workflow::require_status;
use crate::deputy::DeputyStatus;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, MotionId, SessionId, SuggestionId, UnitId};
use crate::ledger::{check_name, Ledger};
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::{SubmissionPeriod, MAX_TEXT_CHARS};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who submits a motion (L-2): deputies jointly (a lead deputy and co-sponsors), a delegation,
/// the presidium, the standing committee, a special committee or the government. On the wire
/// the kind is the `by` field.
///
/// ```
/// use renda::motion::Sponsor;
/// let s: Sponsor = serde_json::from_str(r#"{"by":"deputies","lead":"D1","cosigners":["D2"]}"#).unwrap();
/// assert_eq!(s.deputies().count(), 2);
/// let g: Sponsor = serde_json::from_str(r#"{"by":"government"}"#).unwrap();
/// assert_eq!(g, Sponsor::Government);
/// assert_eq!(g.deputies().count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Sponsor {
    /// Deputies jointly (代表联名): at least `motion.min_joint_deputies` of them, the lead
    /// counted (L-2, R-P7).
    Deputies {
        /// The lead deputy (领衔代表).
        lead: DeputyId,
        /// The other sponsoring deputies (附议代表).
        #[serde(default)]
        cosigners: Vec<DeputyId>,
    },
    /// A delegation (代表团), county level and above.
    Delegation {
        /// Name of the delegation.
        name: String,
    },
    /// The presidium of the session (大会主席团).
    Presidium,
    /// The standing committee (常委会), county level and above.
    StandingCommittee,
    /// A special committee (专门委员会), county level and above.
    SpecialCommittee {
        /// Name of the committee.
        name: String,
    },
    /// The people's government at the same level (人民政府).
    Government,
}

impl Sponsor {
    /// The sponsoring deputies, lead first (none for a body).
    pub fn deputies(&self) -> impl Iterator<Item = &DeputyId> {
        let (lead, cosigners): (Option<&DeputyId>, &[DeputyId]) = match self {
            Sponsor::Deputies { lead, cosigners } => (Some(lead), cosigners),
            _ => (None, &[]),
        };
        lead.into_iter().chain(cosigners)
    }

    /// The lead deputy, for a motion sponsored by deputies.
    pub fn lead(&self) -> Option<&DeputyId> {
        match self {
            Sponsor::Deputies { lead, .. } => Some(lead),
            _ => None,
        }
    }

    /// The wire name of the kind of sponsor (`by`).
    pub fn by(&self) -> &'static str {
        match self {
            Sponsor::Deputies { .. } => "deputies",
            Sponsor::Delegation { .. } => "delegation",
            Sponsor::Presidium => "presidium",
            Sponsor::StandingCommittee => "standing_committee",
            Sponsor::SpecialCommittee { .. } => "special_committee",
            Sponsor::Government => "government",
        }
    }
}

/// What a motion asks for (domain §1.3 `MotionKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MotionKind {
    /// A law or regulation (法规类); may become a legislative research project (W4 step 3).
    Legislative,
    /// Supervision of a matter (监督类); goes into the standing committee's supervision plan
    /// when assigned (R-P1).
    Supervisory,
    /// Any other matter within the congress's competence (重大事项 and others).
    Other,
}

impl MotionKind {
    /// Every kind.
    pub const ALL: [MotionKind; 3] = [Self::Legislative, Self::Supervisory, Self::Other];
}

/// Where a motion is in its lifecycle.
///
/// ```
/// use renda::motion::MotionStatus;
/// assert_eq!(MotionStatus::HandledAsSuggestion.as_str(), "handled_as_suggestion");
/// assert!(MotionStatus::Completed.is_item());
/// assert!(!MotionStatus::Merged.is_item());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MotionStatus {
    /// Submitted, awaiting the presidium's review.
    Submitted,
    /// Listed as a motion (列为议案), awaiting assignment.
    Listed,
    /// Not listed; handled as the sponsors' suggestion (L-2 practice; terminal).
    HandledAsSuggestion,
    /// Merged into another listed motion (件 into 项; terminal).
    Merged,
    /// Turned into a legislative research project (terminal).
    LegislativeResearch,
    /// Withdrawn (terminal).
    Withdrawn,
    /// Assigned to the government (交付办理), awaiting the handling plan.
    Assigned,
    /// Being handled and supervised, year by year (督办 / 跟踪督办).
    InHandling,
    /// Handling completed (基本完成; terminal).
    Completed,
}

impl MotionStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [MotionStatus; 9] = [
        Self::Submitted,
        Self::Listed,
        Self::HandledAsSuggestion,
        Self::Merged,
        Self::LegislativeResearch,
        Self::Withdrawn,
        Self::Assigned,
        Self::InHandling,
        Self::Completed,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Listed => "listed",
            Self::HandledAsSuggestion => "handled_as_suggestion",
            Self::Merged => "merged",
            Self::LegislativeResearch => "legislative_research",
            Self::Withdrawn => "withdrawn",
            Self::Assigned => "assigned",
            Self::InHandling => "in_handling",
            Self::Completed => "completed",
        }
    }

    /// Whether the motion is a motion item (项) in this status: listed, and neither withdrawn
    /// nor merged into another.
    pub fn is_item(self) -> bool {
        matches!(
            self,
            Self::Listed | Self::Assigned | Self::InHandling | Self::Completed
        )
    }
}

/// The presidium's decision on a submitted motion (W4 step 3, L-2). On the wire the decision
/// is the `as` field.
///
/// ```
/// use renda::motion::ReviewDecision;
/// let d: ReviewDecision = serde_json::from_str(r#"{"as":"merged","into":"M-2"}"#).unwrap();
/// assert!(matches!(d, ReviewDecision::Merged { .. }));
/// let d: ReviewDecision = serde_json::from_str(r#"{"as":"listed"}"#).unwrap();
/// assert_eq!(d, ReviewDecision::Listed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReviewDecision {
    /// Listed as a motion (列为议案).
    Listed,
    /// Handled as a suggestion of its sponsoring deputies (L-2 practice): creates the
    /// suggestion, accepted, with the lead deputy and the co-sponsors as co-signers.
    Suggestion {
        /// Id of the new suggestion.
        suggestion: SuggestionId,
    },
    /// Merged into another listed motion of the same congress (件 into 项).
    Merged {
        /// The listed motion it joins.
        into: MotionId,
    },
    /// Turned into a legislative research project (立法调研项目; legislative motions only).
    LegislativeResearch,
}

/// Who a yearly handling report goes to (W4 step 7, R-P5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportTo {
    /// The standing committee hears and reviews it every year.
    StandingCommittee,
    /// The congress session reviews it (R-P5: 提请人代会审议), after the standing committee.
    Congress,
}

impl ReportTo {
    /// Both recipients.
    pub const ALL: [ReportTo; 2] = [Self::StandingCommittee, Self::Congress];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StandingCommittee => "standing_committee",
            Self::Congress => "congress",
        }
    }
}

/// How the standing committee concludes a handling year (R-P2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearOutcome {
    /// The handling is (basically) complete (基本完成): the motion is completed.
    Completed,
    /// Handling continues into another year (继续跟踪督办).
    Continued,
}

impl YearOutcome {
    /// Both outcomes.
    pub const ALL: [YearOutcome; 2] = [Self::Completed, Self::Continued];
}

/// The phase of a handling year (R-P2): the first `supervision_years` years are supervised
/// (督办), the later ones tracked (跟踪督办).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingPhase {
    /// 督办.
    Supervision,
    /// 跟踪督办.
    Tracking,
}

impl HandlingPhase {
    /// Both phases.
    pub const ALL: [HandlingPhase; 2] = [Self::Supervision, Self::Tracking];
}

crate::labels::labelled!(MotionStatus {
    Submitted => ("已提出", "Submitted"),
    Listed => ("列为议案", "Listed as a motion"),
    HandledAsSuggestion => ("作为建议处理", "Handled as a suggestion"),
    Merged => ("已并案", "Merged"),
    LegislativeResearch => ("列为立法调研项目", "Legislative research project"),
    Withdrawn => ("已撤回", "Withdrawn"),
    Assigned => ("已交付办理", "Assigned"),
    InHandling => ("办理督办中", "In handling"),
    Completed => ("办理完成", "Completed"),
});

crate::labels::labelled!(MotionKind {
    Legislative => ("法规类", "Legislative"),
    Supervisory => ("监督类", "Supervisory"),
    Other => ("其他", "Other"),
});

crate::labels::labelled!(ReportTo {
    StandingCommittee => ("常委会", "Standing committee"),
    Congress => ("人民代表大会", "Congress"),
});

crate::labels::labelled!(YearOutcome {
    Completed => ("办理完成", "Completed"),
    Continued => ("继续跟踪督办", "Continued"),
});

crate::labels::labelled!(HandlingPhase {
    Supervision => ("督办", "Supervision"),
    Tracking => ("跟踪督办", "Tracking"),
});

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

/// The joint-signature threshold for deputies' motions (L-2, R-P7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JointThreshold {
    /// At county level and above (L-2: 10).
    pub county_and_above: u32,
    /// At township level (L-2: 5).
    pub township: u32,
}

impl JointThreshold {
    /// The threshold for a congress of `level`.
    ///
    /// ```
    /// use renda::{motion::MotionRules, registry::Level};
    /// let t = MotionRules::national().min_joint_deputies;
    /// assert_eq!(t.for_level(Level::County), 10);
    /// assert_eq!(t.for_level(Level::Township), 5);
    /// ```
    pub fn for_level(&self, level: Level) -> u32 {
        if level == Level::Township {
            self.township
        } else {
            self.county_and_above
        }
    }
}

/// How long a motion may be tracked after its supervision years (R-P2). On the wire
/// `{"years": 2}` or `"whole_term"`.
///
/// ```
/// use renda::motion::Tracking;
/// assert_eq!(serde_json::to_string(&Tracking::Years(2)).unwrap(), r#"{"years":2}"#);
/// assert_eq!(serde_json::from_str::<Tracking>(r#""whole_term""#).unwrap(), Tracking::WholeTerm);
/// assert!(serde_json::from_str::<Tracking>(r#""forever""#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracking {
    /// At most this many tracking years (Haidian: "跟踪督办两年").
    Years(u32),
    /// Until the congress's term ends (顺义: "持续一届进行督办").
    WholeTerm,
}

impl Serialize for Tracking {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Tracking::Years(n) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("years", n)?;
                m.end()
            }
            Tracking::WholeTerm => s.serialize_str("whole_term"),
        }
    }
}

impl<'de> Deserialize<'de> for Tracking {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Tracking;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(r#"{"years": N} or "whole_term""#)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Tracking, E> {
                match v {
                    "whole_term" => Ok(Tracking::WholeTerm),
                    other => Err(E::unknown_variant(other, &["whole_term"])),
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Tracking, A::Error> {
                let mut years = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key != "years" {
                        return Err(serde::de::Error::unknown_field(&key, &["years"]));
                    }
                    if years.is_some() {
                        return Err(serde::de::Error::duplicate_field("years"));
                    }
                    years = Some(map.next_value::<u32>()?);
                }
                years
                    .map(Tracking::Years)
                    .ok_or_else(|| serde::de::Error::missing_field("years"))
            }
        }
        d.deserialize_any(V)
    }
}

/// The motion rules of a rule set (L-2, R-P2, R-P3, R-P5, R-P7). Absent from a rule-set spec:
/// the national values ([`MotionRules::national`]).
///
/// ```
/// use renda::motion::{MotionRules, Tracking};
/// let r = MotionRules::default();
/// assert_eq!((r.supervision_years, r.tracking), (1, Tracking::Years(2)));
/// assert!(!r.report_to_congress);
/// let bj = renda::rules::RuleSet::beijing_district();
/// assert!(bj.motion.report_to_congress);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MotionRules {
    /// Fewest deputies who may jointly submit a motion, the lead counted (L-2, R-P7).
    pub min_joint_deputies: JointThreshold,
    /// Handling years supervised (督办) before tracking starts (R-P2: 1).
    pub supervision_years: u32,
    /// Tracking after the supervision years (R-P2: `{"years": 2}`; 顺义: `"whole_term"`).
    pub tracking: Tracking,
    /// Whether each year's handling report must also go to the congress before the year is
    /// concluded (R-P5; Haidian 2024 [001]).
    pub report_to_congress: bool,
    /// Whether the handling plan needs the working group first (R-P3).
    pub require_working_group: bool,
}

impl MotionRules {
    /// The national values: 10 deputies at county level and above, 5 at township level
    /// (L-2); one year of supervision and two of tracking (R-P2); the handling report to the
    /// standing committee only; the working group before the plan (R-P3).
    pub fn national() -> Self {
        Self {
            min_joint_deputies: JointThreshold {
                county_and_above: 10,
                township: 5,
            },
            supervision_years: 1,
            tracking: Tracking::Years(2),
            report_to_congress: false,
            require_working_group: true,
        }
    }

    /// The phase of handling year `year` (from 1).
    pub fn phase_of(&self, year: u32) -> HandlingPhase {
        if year <= self.supervision_years {
            HandlingPhase::Supervision
        } else {
            HandlingPhase::Tracking
        }
    }
}

impl Default for MotionRules {
    fn default() -> Self {
        Self::national()
    }
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// The assignment of a listed motion (W4 step 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionAssignment {
    /// The lead handling unit (主办).
    pub lead_unit: UnitId,
    /// Co-units (协办).
    pub co_units: Vec<UnitId>,
    /// Date assigned.
    pub assigned_on: NaiveDate,
    /// Put into the standing committee's supervision plan (R-P1: supervisory motions).
    pub in_supervision_plan: bool,
}

/// The handling working group (议案办理工作组, R-P3): a standing-committee leader in charge,
/// the responsible committee, members and some of the proposing deputies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroup {
    /// The standing-committee leader in charge.
    pub leader: String,
    /// The responsible (special or working) committee.
    pub committee: String,
    /// Deputies taking part (committee members and others).
    pub members: Vec<DeputyId>,
    /// Sponsoring deputies taking part.
    pub proposing_deputies: Vec<DeputyId>,
    /// Date formed.
    pub formed_on: NaiveDate,
}

/// The handling plan agreed with the government (R-P3): goals and a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingPlan {
    /// The goals.
    pub goals: Vec<String>,
    /// The deadline.
    pub deadline: NaiveDate,
    /// Date agreed (handling year 1 starts then).
    pub agreed_on: NaiveDate,
}

/// A yearly handling report (议案办理情况报告).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingReport {
    /// Who it went to.
    pub to: ReportTo,
    /// Date.
    pub on: NaiveDate,
    /// Summary.
    pub summary: String,
}

/// The standing committee's review opinion on a year's report (审议意见).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewOpinion {
    /// Date.
    pub on: NaiveDate,
    /// The opinion.
    pub opinion: String,
}

/// A third-party evaluation of a year's handling (第三方评估, 顺义).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionEvaluation {
    /// The evaluating organisation.
    pub evaluator: String,
    /// Date.
    pub on: NaiveDate,
    /// Its findings.
    pub summary: String,
}

/// How a handling year ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearConclusion {
    /// Date.
    pub on: NaiveDate,
    /// Completed or continued.
    pub outcome: YearOutcome,
}

/// One handling year (R-P2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingYear {
    /// Number, from 1.
    pub year: u32,
    /// Supervision or tracking, under the rule set in force when the year started.
    pub phase: HandlingPhase,
    /// Date started.
    pub started_on: NaiveDate,
    /// Handling reports.
    pub reports: Vec<HandlingReport>,
    /// The standing committee's review opinion.
    pub review_opinion: Option<ReviewOpinion>,
    /// Third-party evaluations.
    pub evaluations: Vec<MotionEvaluation>,
    /// How the year ended, once concluded.
    pub concluded: Option<YearConclusion>,
}

impl HandlingYear {
    /// Whether a report went to `to` this year.
    pub fn reported_to(&self, to: ReportTo) -> bool {
        self.reports.iter().any(|r| r.to == to)
    }
}

/// How a motion was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// Date.
    pub on: NaiveDate,
    /// Whether the presidium consented (needed once listed, L-2).
    pub presidium_consent: bool,
}

/// A motion as the ledger holds it: its data and its dated history.
///
/// ```
/// use renda::motion::{Motion, MotionStatus};
/// let m: Motion = serde_json::from_str(r#"{"id":"M-1","congress":"hd-17","session":"hd-17-3",
///   "title":"关于加强学前教育的议案","sponsor":{"by":"government"},"kind":"supervisory",
///   "topic":null,"status":"submitted","history":[["2024-01-09","submitted"]],
///   "suggestion":null,"merged_into":null,"merged":[],"withdrawal":null,"assignment":null,
///   "working_group":null,"plan":null,"years":[]}"#).unwrap();
/// assert!(m.validate().is_ok());
/// assert_eq!(m.status_as_of("2024-01-08".parse().unwrap()), None);
/// assert_eq!(m.status_as_of("2024-01-09".parse().unwrap()), Some(MotionStatus::Submitted));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// Id.
    pub id: MotionId,
    /// The congress.
    pub congress: CongressId,
    /// The session it was submitted to.
    pub session: SessionId,
    /// Title.
    pub title: String,
    /// Who submitted it.
    pub sponsor: Sponsor,
    /// What it asks for.
    pub kind: MotionKind,
    /// Topic, free text.
    pub topic: Option<String>,
    /// Current status.
    pub status: MotionStatus,
    /// Each status with the date it was entered, oldest first.
    pub history: Vec<(NaiveDate, MotionStatus)>,
    /// The suggestion it became, when handled as a suggestion.
    pub suggestion: Option<SuggestionId>,
    /// The motion it was merged into.
    pub merged_into: Option<MotionId>,
    /// Motions merged into this one (the other 件 of this 项), in the order merged.
    pub merged: Vec<MotionId>,
    /// How it was withdrawn.
    pub withdrawal: Option<Withdrawal>,
    /// Assignment, once assigned.
    pub assignment: Option<MotionAssignment>,
    /// The handling working group, once formed.
    pub working_group: Option<WorkingGroup>,
    /// The handling plan, once agreed.
    pub plan: Option<HandlingPlan>,
    /// Handling years, oldest first.
    pub years: Vec<HandlingYear>,
}

impl Motion {
    /// Date submitted.
    pub fn submitted_on(&self) -> NaiveDate {
        self.history.first().map_or(NaiveDate::MIN, |h| h.0)
    }

    /// Status as of the end of `date` (`None`: not yet submitted).
    pub fn status_as_of(&self, date: NaiveDate) -> Option<MotionStatus> {
        self.history
            .iter()
            .take_while(|(d, _)| *d <= date)
            .last()
            .map(|(_, s)| *s)
    }

    /// The handling year under way as of the end of `date`.
    pub fn year_as_of(&self, date: NaiveDate) -> Option<&HandlingYear> {
        self.years
            .iter()
            .take_while(|y| y.started_on <= date)
            .last()
    }

    /// The current (latest) handling year.
    pub fn current_year(&self) -> Option<&HandlingYear> {
        self.years.last()
    }

    /// Checks the record's internal consistency (used when a snapshot or an event log comes
    /// from outside).
    pub fn validate(&self) -> Result<()> {
        use MotionStatus::*;
        let first = self
            .history
            .first()
            .ok_or_else(|| corrupt(&self.id, "empty history"))?;
        if first.1 != Submitted {
            return Err(corrupt(&self.id, "history must start with submitted"));
        }
        if self.history.last().map(|h| h.1) != Some(self.status) {
            return Err(corrupt(
                &self.id,
                "status differs from the last history entry",
            ));
        }
        if self.history.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err(corrupt(&self.id, "history goes back in time"));
        }
        let need = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(corrupt(&self.id, what))
            }
        };
        match self.status {
            HandledAsSuggestion => {
                need(self.suggestion.is_some(), "converted without a suggestion")?
            }
            Merged => need(self.merged_into.is_some(), "merged without a target")?,
            Withdrawn => need(self.withdrawal.is_some(), "withdrawn without a withdrawal")?,
            _ => {}
        }
        if matches!(self.status, Assigned | InHandling | Completed) {
            need(self.assignment.is_some(), "assigned without an assignment")?;
        }
        if matches!(self.status, InHandling | Completed) {
            need(
                self.plan.is_some() && !self.years.is_empty(),
                "in handling without a plan and a handling year",
            )?;
        }
        for (i, y) in self.years.iter().enumerate() {
            need(
                y.year as usize == i + 1,
                "handling years not numbered 1, 2, …",
            )?;
            let last = i + 1 == self.years.len();
            need(
                last || y.concluded.as_ref().map(|c| c.outcome) == Some(YearOutcome::Continued),
                "an earlier handling year not concluded as continued",
            )?;
        }
        if self.status == Completed {
            need(
                self.years
                    .last()
                    .and_then(|y| y.concluded.as_ref())
                    .map(|c| c.outcome)
                    == Some(YearOutcome::Completed),
                "completed without a year concluded as completed",
            )?;
        }
        Ok(())
    }
}

fn corrupt(id: &MotionId, what: &str) -> RendaError {
    RendaError::InvalidField {
        field: format!("state.motions.{id}"),
        value: String::new(),
        reason: format!("inconsistent motion record: {what}"),
    }
}

// ---------------------------------------------------------------------------------------
// Deciding commands
// ---------------------------------------------------------------------------------------

fn check_text(field: &str, value: &str) -> Result<()> {
    crate::suggestion::non_empty(field, value, MAX_TEXT_CHARS)
}

fn motion_of<'s>(st: &'s State, id: &MotionId, field: &str) -> Result<&'s Motion> {
    st.motions.get(id).ok_or_else(|| RendaError::NotFound {
        entity: "motion",
        id: id.to_string(),
        field: field.to_string(),
    })
}

fn transition(m: &Motion, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "motion",
        field: "command.motion",
        id: m.id.to_string(),
        status: m.status.as_str(),
        action,
        rule,
    }
}

/// The motion, if its status is one of `allowed`; otherwise `invalid_transition`.
fn in_status<'s>(
    st: &'s State,
    id: &MotionId,
    allowed: &[MotionStatus],
    action: &'static str,
    rule: &'static str,
) -> Result<&'s Motion> {
    let m = motion_of(st, id, "command.motion")?;
    if !allowed.contains(&m.status) {
        return Err(transition(m, action, rule));
    }
    Ok(m)
}

fn not_party(
    actor: &Actor,
    relation: &'static str,
    id: &MotionId,
    rule: &'static str,
) -> RendaError {
    RendaError::NotParty {
        actor: actor.id.to_string(),
        relation,
        entity: "motion",
        id: id.to_string(),
        rule,
    }
}

/// Whether the actor's role may submit a motion for this sponsor (L-2, §6.2 "Motion:
/// submit"): a deputy as the lead of deputies; the office any (data entry); the standing
/// committee for itself or the presidium; a special committee for a special committee; the
/// government office for the government.
fn check_sponsor_role(actor: &Actor, sponsor: &Sponsor, motion: &MotionId) -> Result<()> {
    let ok = match actor.role {
        Role::Deputy => sponsor
            .lead()
            .is_some_and(|l| l.as_str() == actor.id.as_str()),
        Role::DeputyAffairsOffice => true,
        Role::StandingCommittee => {
            matches!(sponsor, Sponsor::StandingCommittee | Sponsor::Presidium)
        }
        Role::SpecialCommittee => matches!(sponsor, Sponsor::SpecialCommittee { .. }),
        Role::GovernmentOffice => matches!(sponsor, Sponsor::Government),
        _ => false,
    };
    if ok {
        return Ok(());
    }
    Err(not_party(
        actor,
        match actor.role {
            Role::Deputy => "the lead deputy",
            _ => "the sponsor",
        },
        motion,
        "L-2, permission-matrix §6.2 (motion: submit)",
    ))
}

/// Checks that `d` is a deputy of `congress` in office on `date` (`not_found`,
/// `wrong_congress`, `not_in_office`, each naming `field`).
fn check_deputy(
    st: &State,
    d: &DeputyId,
    congress: &CongressId,
    date: NaiveDate,
    field: &str,
    rule: &'static str,
) -> Result<()> {
    let dep = st.deputy(d, field)?;
    if &dep.congress != congress {
        return Err(RendaError::rule_violation(
            rule_codes::WRONG_CONGRESS,
            rule,
            Some(field),
            Some(d.to_string()),
            format!(
                "deputy `{d}` sits in congress `{}`, not `{congress}`",
                dep.congress
            ),
        ));
    }
    require_status(st, d, date, field, DeputyStatus::is_in_office)?;
    Ok(())
}

fn duplicate(field: String, d: &DeputyId, what: &str) -> RendaError {
    RendaError::InvalidField {
        field,
        value: d.to_string(),
        reason: format!("{what} must appear once"),
    }
}

fn check_units(st: &State, lead: &UnitId, co: &[UnitId]) -> Result<()> {
    st.unit(lead, "command.lead_unit")?;
    for (i, u) in co.iter().enumerate() {
        st.unit(u, &format!("command.co_units[{i}]"))?;
        if u == lead || co[..i].contains(u) {
            return Err(RendaError::InvalidField {
                field: format!("command.co_units[{i}]"),
                value: u.to_string(),
                reason: "a co-unit must differ from the lead unit and appear once".into(),
            });
        }
    }
    Ok(())
}

/// The current handling year, which the command's `year` must be.
fn current_year(m: &Motion, year: u32) -> Result<&HandlingYear> {
    let y = m
        .current_year()
        .ok_or_else(|| corrupt(&m.id, "in handling without a handling year"))?;
    if y.year != year {
        return Err(RendaError::InvalidField {
            field: "command.year".into(),
            value: year.to_string(),
            reason: format!("must be the current handling year ({})", y.year),
        });
    }
    Ok(y)
}

/// Decides a session or motion command: checks it against the state, the rule set in force
/// and the actor, and returns the events to record. Never changes anything.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    use MotionStatus::*;
    match command {
        Command::ScheduleSession {
            session,
            congress,
            opens_on,
            closes_on,
            motions_due,
        } => crate::session::decide_schedule(
            st,
            session,
            congress,
            *opens_on,
            *closes_on,
            *motions_due,
        ),
        Command::SubmitMotion {
            motion,
            congress,
            session,
            title,
            sponsor,
            kind,
            topic,
        } => {
            State::absent(&st.motions, motion, "motion")?;
            let c = st.congress(congress, "command.congress")?;
            let rules = &book.in_force(c.level, date)?.motion;
            check_sponsor_role(actor, sponsor, motion)?;
            check_name("command.title", title)?;
            if let Some(t) = topic {
                check_name("command.topic", t)?;
            }
            match sponsor {
                Sponsor::Delegation { name } | Sponsor::SpecialCommittee { name } => {
                    check_name("command.sponsor.name", name)?
                }
                _ => {}
            }
            if c.level == Level::Township
                && matches!(
                    sponsor,
                    Sponsor::Delegation { .. }
                        | Sponsor::StandingCommittee
                        | Sponsor::SpecialCommittee { .. }
                )
            {
                return Err(RendaError::InvalidField {
                    field: "command.sponsor.by".into(),
                    value: sponsor.by().into(),
                    reason: "a township congress has no delegations, standing committee or special committees (L-2: its presidium, the government or its deputies jointly submit motions)".into(),
                });
            }
            // L-2: only within the session's window, to a session of this congress.
            let s = st
                .sessions
                .get(session)
                .ok_or_else(|| RendaError::NotFound {
                    entity: "session",
                    id: session.to_string(),
                    field: "command.session".into(),
                })?;
            if &s.congress != congress {
                return Err(RendaError::rule_violation(
                    rule_codes::OUTSIDE_SUBMISSION_WINDOW,
                    "L-2",
                    Some("command.session"),
                    Some(session.to_string()),
                    format!(
                        "session `{session}` is a session of `{}`, not of `{congress}`",
                        s.congress
                    ),
                ));
            }
            if !s.accepts_motions_on(date) {
                return Err(RendaError::rule_violation(
                    rule_codes::OUTSIDE_SUBMISSION_WINDOW,
                    "L-2",
                    Some("at"),
                    Some(date.to_string()),
                    format!(
                        "session `{session}` accepts motions from {} to {}",
                        s.opens_on, s.motions_due
                    ),
                ));
            }
            if let Sponsor::Deputies { lead, cosigners } = sponsor {
                check_deputy(st, lead, congress, date, "command.sponsor.lead", "L-2")?;
                for (i, d) in cosigners.iter().enumerate() {
                    let field = format!("command.sponsor.cosigners[{i}]");
                    check_deputy(st, d, congress, date, &field, "L-2")?;
                    if d == lead || cosigners[..i].contains(d) {
                        return Err(duplicate(field, d, "a sponsoring deputy"));
                    }
                }
                let count = 1 + cosigners.len();
                let min = rules.min_joint_deputies.for_level(c.level);
                if count < min as usize {
                    return Err(RendaError::rule_violation(
                        rule_codes::TOO_FEW_SPONSORS,
                        "L-2, R-P7",
                        Some("command.sponsor.cosigners"),
                        Some(count.to_string()),
                        format!(
                            "a motion needs at least {min} deputies jointly at {} level (lead included); {count} given",
                            if c.level == Level::Township { "township" } else { "county and higher" }
                        ),
                    ));
                }
            }
            Ok(vec![EventKind::MotionSubmitted {
                motion: motion.clone(),
                congress: congress.clone(),
                session: session.clone(),
                title: title.clone(),
                sponsor: sponsor.clone(),
                kind: *kind,
                topic: topic.clone(),
            }])
        }
        Command::ReviewMotion { motion, decision } => {
            let m = in_status(st, motion, &[Submitted], "review", "L-2, W4 step 3")?;
            match decision {
                ReviewDecision::Listed => Ok(vec![EventKind::MotionListed {
                    motion: motion.clone(),
                }]),
                ReviewDecision::Suggestion { suggestion } => {
                    let Sponsor::Deputies { lead, cosigners } = &m.sponsor else {
                        return Err(RendaError::InvalidField {
                            field: "command.decision.as".into(),
                            value: "suggestion".into(),
                            reason: format!(
                                "only a motion of deputies can be handled as their suggestion; `{motion}` was submitted by the {}",
                                m.sponsor.by().replace('_', " ")
                            ),
                        });
                    };
                    State::absent(&st.suggestions, suggestion, "suggestion")?;
                    Ok(vec![
                        EventKind::SuggestionSubmitted {
                            suggestion: suggestion.clone(),
                            congress: m.congress.clone(),
                            title: m.title.clone(),
                            lead: lead.clone(),
                            cosigners: cosigners.clone(),
                            during: SubmissionPeriod::Session,
                            topic: m.topic.clone(),
                        },
                        EventKind::SuggestionAccepted {
                            suggestion: suggestion.clone(),
                        },
                        EventKind::MotionConverted {
                            motion: motion.clone(),
                            suggestion: suggestion.clone(),
                        },
                    ])
                }
                ReviewDecision::Merged { into } => {
                    let field = "command.decision.into";
                    let invalid = |reason: String| RendaError::InvalidField {
                        field: field.into(),
                        value: into.to_string(),
                        reason,
                    };
                    if into == motion {
                        return Err(invalid("must be another motion".into()));
                    }
                    let t = motion_of(st, into, field)?;
                    if t.congress != m.congress {
                        return Err(invalid(format!(
                            "must be a motion of congress `{}`",
                            m.congress
                        )));
                    }
                    if t.status != Listed {
                        return Err(invalid(format!(
                            "must be a motion listed as a motion and not yet assigned; it is {}",
                            t.status.as_str()
                        )));
                    }
                    Ok(vec![EventKind::MotionMerged {
                        motion: motion.clone(),
                        into: into.clone(),
                    }])
                }
                ReviewDecision::LegislativeResearch => {
                    if m.kind != MotionKind::Legislative {
                        return Err(RendaError::InvalidField {
                            field: "command.decision.as".into(),
                            value: "legislative_research".into(),
                            reason: "only a legislative motion can become a legislative research project (W4 step 3)".into(),
                        });
                    }
                    Ok(vec![EventKind::MotionToResearch {
                        motion: motion.clone(),
                    }])
                }
            }
        }
        Command::WithdrawMotion {
            motion,
            presidium_consent,
        } => {
            let m = motion_of(st, motion, "command.motion")?;
            if actor.role == Role::Deputy
                && m.sponsor
                    .lead()
                    .is_none_or(|l| l.as_str() != actor.id.as_str())
            {
                return Err(not_party(
                    actor,
                    "the lead deputy",
                    motion,
                    "permission-matrix §6.2 (motion: withdraw)",
                ));
            }
            match m.status {
                Submitted => {}
                Listed if *presidium_consent => {}
                Listed => {
                    return Err(RendaError::rule_violation(
                        rule_codes::CONSENT_REQUIRED,
                        "L-2",
                        Some("command.presidium_consent"),
                        Some("false".into()),
                        format!(
                            "motion `{motion}` is listed; it can be withdrawn only with the presidium's consent"
                        ),
                    ))
                }
                _ => return Err(transition(m, "withdraw", "L-2")),
            }
            Ok(vec![EventKind::MotionWithdrawn {
                motion: motion.clone(),
                presidium_consent: *presidium_consent,
            }])
        }
        Command::AssignMotion {
            motion,
            lead_unit,
            co_units,
        } => {
            let m = in_status(st, motion, &[Listed], "assign", "W4 step 4")?;
            check_units(st, lead_unit, co_units)?;
            Ok(vec![EventKind::MotionAssigned {
                motion: motion.clone(),
                lead_unit: lead_unit.clone(),
                co_units: co_units.clone(),
                in_supervision_plan: m.kind == MotionKind::Supervisory,
            }])
        }
        Command::FormMotionWorkingGroup {
            motion,
            leader,
            committee,
            members,
            proposing_deputies,
        } => {
            let m = in_status(
                st,
                motion,
                &[Assigned, InHandling],
                "form the working group of",
                "R-P3",
            )?;
            if m.working_group.is_some() {
                return Err(RendaError::AlreadyExists {
                    entity: "motion working group",
                    id: motion.to_string(),
                });
            }
            check_name("command.leader", leader)?;
            check_name("command.committee", committee)?;
            for (i, d) in members.iter().enumerate() {
                let field = format!("command.members[{i}]");
                check_deputy(st, d, &m.congress, date, &field, "R-P3")?;
                if members[..i].contains(d) {
                    return Err(duplicate(field, d, "a member"));
                }
            }
            for (i, d) in proposing_deputies.iter().enumerate() {
                let field = format!("command.proposing_deputies[{i}]");
                if !m.sponsor.deputies().any(|s| s == d) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: d.to_string(),
                        reason: format!("must be a deputy who sponsored motion `{motion}`"),
                    });
                }
                check_deputy(st, d, &m.congress, date, &field, "R-P3")?;
                if proposing_deputies[..i].contains(d) {
                    return Err(duplicate(field, d, "a proposing deputy"));
                }
            }
            let incomplete = |field: &str, what: &str| {
                Err(RendaError::rule_violation(
                    rule_codes::WORKING_GROUP_INCOMPLETE,
                    "R-P3",
                    Some(field),
                    None,
                    format!("the handling working group of `{motion}` needs {what}"),
                ))
            };
            if members.is_empty() {
                return incomplete("command.members", "members");
            }
            if proposing_deputies.is_empty() && m.sponsor.lead().is_some() {
                return incomplete(
                    "command.proposing_deputies",
                    "some of the deputies who proposed the motion",
                );
            }
            Ok(vec![EventKind::MotionWorkingGroupFormed {
                motion: motion.clone(),
                leader: leader.clone(),
                committee: committee.clone(),
                members: members.clone(),
                proposing_deputies: proposing_deputies.clone(),
            }])
        }
        Command::AgreeMotionPlan {
            motion,
            goals,
            deadline,
        } => {
            let m = in_status(
                st,
                motion,
                &[Assigned],
                "agree the handling plan of",
                "R-P3",
            )?;
            let c = st.congress(&m.congress, "motion.congress")?;
            let rules = &book.in_force(c.level, date)?.motion;
            if rules.require_working_group && m.working_group.is_none() {
                return Err(RendaError::rule_violation(
                    rule_codes::WORKING_GROUP_INCOMPLETE,
                    "R-P3",
                    Some("command.motion"),
                    Some(motion.to_string()),
                    format!("the handling working group of `{motion}` is formed before the plan"),
                ));
            }
            if goals.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.goals".into(),
                    value: "[]".into(),
                    reason: "a handling plan fixes at least one goal (R-P3)".into(),
                });
            }
            for (i, g) in goals.iter().enumerate() {
                check_text(&format!("command.goals[{i}]"), g)?;
            }
            if *deadline <= date {
                return Err(RendaError::InvalidField {
                    field: "command.deadline".into(),
                    value: deadline.to_string(),
                    reason: format!("must be after the day the plan is agreed ({date})"),
                });
            }
            Ok(vec![
                EventKind::MotionPlanAgreed {
                    motion: motion.clone(),
                    goals: goals.clone(),
                    deadline: *deadline,
                },
                EventKind::MotionYearStarted {
                    motion: motion.clone(),
                    year: 1,
                    phase: rules.phase_of(1),
                },
            ])
        }
        Command::ReportMotionHandling {
            motion,
            year,
            to,
            summary,
        } => {
            let m = in_status(
                st,
                motion,
                &[InHandling],
                "report on the handling of",
                "W4 step 7",
            )?;
            let y = current_year(m, *year)?;
            check_text("command.summary", summary)?;
            if *to == ReportTo::Congress && !y.reported_to(ReportTo::StandingCommittee) {
                return Err(no_handling_report(
                    motion,
                    *year,
                    "R-P5",
                    "goes to the congress after the standing committee has heard it",
                ));
            }
            if y.reported_to(*to) {
                return Err(RendaError::AlreadyExists {
                    entity: "handling report",
                    id: format!("{motion}/{year}/{}", to.as_str()),
                });
            }
            Ok(vec![EventKind::MotionHandlingReported {
                motion: motion.clone(),
                year: *year,
                to: *to,
                summary: summary.clone(),
            }])
        }
        Command::IssueMotionReviewOpinion {
            motion,
            year,
            opinion,
        } => {
            let m = in_status(
                st,
                motion,
                &[InHandling],
                "issue a review opinion on",
                "W4 step 7",
            )?;
            let y = current_year(m, *year)?;
            check_text("command.opinion", opinion)?;
            if !y.reported_to(ReportTo::StandingCommittee) {
                return Err(no_handling_report(
                    motion,
                    *year,
                    "W4 step 7",
                    "is reviewed after the standing committee has heard it",
                ));
            }
            if y.review_opinion.is_some() {
                return Err(RendaError::AlreadyExists {
                    entity: "review opinion",
                    id: format!("{motion}/{year}"),
                });
            }
            Ok(vec![EventKind::MotionReviewOpinionIssued {
                motion: motion.clone(),
                year: *year,
                opinion: opinion.clone(),
            }])
        }
        Command::RecordMotionEvaluation {
            motion,
            year,
            evaluator,
            summary,
        } => {
            let m = in_status(
                st,
                motion,
                &[InHandling, Completed],
                "record an evaluation of",
                "W4 step 7",
            )?;
            let y = m.years.iter().find(|y| y.year == *year).ok_or_else(|| {
                RendaError::InvalidField {
                    field: "command.year".into(),
                    value: year.to_string(),
                    reason: format!(
                        "must be a handling year of `{motion}` (1 to {})",
                        m.years.len()
                    ),
                }
            })?;
            check_name("command.evaluator", evaluator)?;
            check_text("command.summary", summary)?;
            if y.evaluations.iter().any(|e| &e.evaluator == evaluator) {
                return Err(RendaError::AlreadyExists {
                    entity: "motion evaluation",
                    id: format!("{motion}/{year}/{evaluator}"),
                });
            }
            Ok(vec![EventKind::MotionEvaluationRecorded {
                motion: motion.clone(),
                year: *year,
                evaluator: evaluator.clone(),
                summary: summary.clone(),
            }])
        }
        Command::ConcludeMotionYear {
            motion,
            year,
            outcome,
        } => {
            let m = in_status(
                st,
                motion,
                &[InHandling],
                "conclude a handling year of",
                "R-P2",
            )?;
            let y = current_year(m, *year)?;
            let c = st.congress(&m.congress, "motion.congress")?;
            let rules = &book.in_force(c.level, date)?.motion;
            let mut missing = Vec::new();
            if !y.reported_to(ReportTo::StandingCommittee) {
                missing.push("the handling report to the standing committee");
            }
            if y.review_opinion.is_none() {
                missing.push("the standing committee's review opinion");
            }
            let congress_missing = rules.report_to_congress && !y.reported_to(ReportTo::Congress);
            if congress_missing {
                missing.push("the handling report to the congress (R-P5)");
            }
            if !missing.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::YEAR_NOT_REVIEWED,
                    if congress_missing && missing.len() == 1 {
                        "R-P5"
                    } else {
                        "W4 step 7"
                    },
                    Some("command.year"),
                    Some(year.to_string()),
                    format!(
                        "handling year {year} of `{motion}` lacks {}",
                        missing.join(", ")
                    ),
                ));
            }
            let concluded = EventKind::MotionYearConcluded {
                motion: motion.clone(),
                year: *year,
                outcome: *outcome,
            };
            match outcome {
                YearOutcome::Completed => Ok(vec![
                    concluded,
                    EventKind::MotionCompleted {
                        motion: motion.clone(),
                    },
                ]),
                YearOutcome::Continued => {
                    let allowed = match rules.tracking {
                        Tracking::Years(t) => {
                            u64::from(*year) < u64::from(rules.supervision_years) + u64::from(t)
                        }
                        Tracking::WholeTerm => date < c.term_end,
                    };
                    if !allowed {
                        return Err(RendaError::rule_violation(
                            rule_codes::TRACKING_PERIOD_OVER,
                            "R-P2",
                            Some("command.outcome"),
                            Some("continued".into()),
                            match rules.tracking {
                                Tracking::Years(t) => format!(
                                    "a motion is supervised for {} year(s) and tracked for {t} more; year {year} is the last",
                                    rules.supervision_years
                                ),
                                Tracking::WholeTerm => format!(
                                    "a motion is tracked until the term ends ({})",
                                    c.term_end
                                ),
                            },
                        ));
                    }
                    let next = year + 1;
                    Ok(vec![
                        concluded,
                        EventKind::MotionYearStarted {
                            motion: motion.clone(),
                            year: next,
                            phase: rules.phase_of(next),
                        },
                    ])
                }
            }
        }
        other => unreachable!("not a motion command: {}", other.type_name()),
    }
}

fn no_handling_report(motion: &MotionId, year: u32, rule: &'static str, what: &str) -> RendaError {
    RendaError::rule_violation(
        rule_codes::NO_HANDLING_REPORT,
        rule,
        Some("command.year"),
        Some(year.to_string()),
        format!("the handling report of year {year} of `{motion}` {what}; it has not yet"),
    )
}

// ---------------------------------------------------------------------------------------
// Applying events
// ---------------------------------------------------------------------------------------

fn motion_mut<'s>(state: &'s mut State, id: &MotionId) -> Result<&'s mut Motion> {
    state
        .motions
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "motion",
            id: id.to_string(),
            field: "event.motion".into(),
        })
}

fn year_mut(m: &mut Motion, year: u32) -> Result<&mut HandlingYear> {
    let id = m.id.to_string();
    m.years
        .iter_mut()
        .find(|y| y.year == year)
        .ok_or_else(|| RendaError::NotFound {
            entity: "handling year",
            id: format!("{id}/{year}"),
            field: "event.year".into(),
        })
}

fn set(m: &mut Motion, date: NaiveDate, status: MotionStatus) {
    m.status = status;
    m.history.push((date, status));
}

/// Applies a motion event. Dangling references are `not_found`; the consistency of the
/// records a hostile log builds is checked by [`State::validate`] afterwards.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use MotionStatus::*;
    match event {
        EventKind::MotionSubmitted {
            motion,
            congress,
            session,
            title,
            sponsor,
            kind,
            topic,
        } => {
            state.congress(congress, "event.congress")?;
            if !state.sessions.contains_key(session) {
                return Err(RendaError::NotFound {
                    entity: "session",
                    id: session.to_string(),
                    field: "event.session".into(),
                });
            }
            state.motions.insert(
                motion.clone(),
                Motion {
                    id: motion.clone(),
                    congress: congress.clone(),
                    session: session.clone(),
                    title: title.clone(),
                    sponsor: sponsor.clone(),
                    kind: *kind,
                    topic: topic.clone(),
                    status: Submitted,
                    history: vec![(date, Submitted)],
                    suggestion: None,
                    merged_into: None,
                    merged: Vec::new(),
                    withdrawal: None,
                    assignment: None,
                    working_group: None,
                    plan: None,
                    years: Vec::new(),
                },
            );
        }
        EventKind::MotionListed { motion } => set(motion_mut(state, motion)?, date, Listed),
        EventKind::MotionConverted { motion, suggestion } => {
            state
                .suggestion(suggestion)
                .map_err(|_| RendaError::NotFound {
                    entity: "suggestion",
                    id: suggestion.to_string(),
                    field: "event.suggestion".into(),
                })?;
            let m = motion_mut(state, motion)?;
            m.suggestion = Some(suggestion.clone());
            set(m, date, HandledAsSuggestion);
        }
        EventKind::MotionMerged { motion, into } => {
            motion_mut(state, motion)?;
            let target = state
                .motions
                .get_mut(into)
                .ok_or_else(|| RendaError::NotFound {
                    entity: "motion",
                    id: into.to_string(),
                    field: "event.into".into(),
                })?;
            target.merged.push(motion.clone());
            let m = motion_mut(state, motion)?;
            m.merged_into = Some(into.clone());
            set(m, date, Merged);
        }
        EventKind::MotionToResearch { motion } => {
            set(motion_mut(state, motion)?, date, LegislativeResearch)
        }
        EventKind::MotionWithdrawn {
            motion,
            presidium_consent,
        } => {
            let m = motion_mut(state, motion)?;
            m.withdrawal = Some(Withdrawal {
                on: date,
                presidium_consent: *presidium_consent,
            });
            set(m, date, Withdrawn);
        }
        EventKind::MotionAssigned {
            motion,
            lead_unit,
            co_units,
            in_supervision_plan,
        } => {
            state.unit(lead_unit, "event.lead_unit")?;
            for u in co_units {
                state.unit(u, "event.co_units")?;
            }
            let m = motion_mut(state, motion)?;
            m.assignment = Some(MotionAssignment {
                lead_unit: lead_unit.clone(),
                co_units: co_units.clone(),
                assigned_on: date,
                in_supervision_plan: *in_supervision_plan,
            });
            set(m, date, Assigned);
        }
        EventKind::MotionWorkingGroupFormed {
            motion,
            leader,
            committee,
            members,
            proposing_deputies,
        } => {
            for d in members.iter().chain(proposing_deputies) {
                state.deputy(d, "event.members")?;
            }
            motion_mut(state, motion)?.working_group = Some(WorkingGroup {
                leader: leader.clone(),
                committee: committee.clone(),
                members: members.clone(),
                proposing_deputies: proposing_deputies.clone(),
                formed_on: date,
            });
        }
        EventKind::MotionPlanAgreed {
            motion,
            goals,
            deadline,
        } => {
            let m = motion_mut(state, motion)?;
            m.plan = Some(HandlingPlan {
                goals: goals.clone(),
                deadline: *deadline,
                agreed_on: date,
            });
            set(m, date, InHandling);
        }
        EventKind::MotionYearStarted {
            motion,
            year,
            phase,
        } => motion_mut(state, motion)?.years.push(HandlingYear {
            year: *year,
            phase: *phase,
            started_on: date,
            reports: Vec::new(),
            review_opinion: None,
            evaluations: Vec::new(),
            concluded: None,
        }),
        EventKind::MotionHandlingReported {
            motion,
            year,
            to,
            summary,
        } => year_mut(motion_mut(state, motion)?, *year)?
            .reports
            .push(HandlingReport {
                to: *to,
                on: date,
                summary: summary.clone(),
            }),
        EventKind::MotionReviewOpinionIssued {
            motion,
            year,
            opinion,
        } => {
            year_mut(motion_mut(state, motion)?, *year)?.review_opinion = Some(ReviewOpinion {
                on: date,
                opinion: opinion.clone(),
            })
        }
        EventKind::MotionEvaluationRecorded {
            motion,
            year,
            evaluator,
            summary,
        } => year_mut(motion_mut(state, motion)?, *year)?
            .evaluations
            .push(MotionEvaluation {
                evaluator: evaluator.clone(),
                on: date,
                summary: summary.clone(),
            }),
        EventKind::MotionYearConcluded {
            motion,
            year,
            outcome,
        } => {
            year_mut(motion_mut(state, motion)?, *year)?.concluded = Some(YearConclusion {
                on: date,
                outcome: *outcome,
            })
        }
        EventKind::MotionCompleted { motion } => set(motion_mut(state, motion)?, date, Completed),
        other => unreachable!("not a motion event: {}", other.type_name()),
    }
    Ok(())
}

/// Checks the references of the sessions and motions of a state from outside.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    let missing =
        |entity: &'static str, id: &dyn std::fmt::Display, field: &str| RendaError::NotFound {
            entity,
            id: id.to_string(),
            field: field.to_string(),
        };
    let mismatch = |map: &str, key: &str| RendaError::InvalidField {
        field: format!("state.{map}"),
        value: key.to_string(),
        reason: "the record's id differs from its key".into(),
    };
    for (id, s) in &st.sessions {
        if &s.id != id {
            return Err(mismatch("sessions", id.as_str()));
        }
        s.validate()?;
        st.congress(&s.congress, "state.sessions.congress")?;
    }
    for (id, m) in &st.motions {
        if &m.id != id {
            return Err(mismatch("motions", id.as_str()));
        }
        m.validate()?;
        st.congress(&m.congress, "state.motions.congress")?;
        if !st.sessions.contains_key(&m.session) {
            return Err(missing("session", &m.session, "state.motions.session"));
        }
        for d in m.sponsor.deputies() {
            st.deputy(d, "state.motions.sponsor")?;
        }
        if let Some(s) = &m.suggestion {
            if !st.suggestions.contains_key(s) {
                return Err(missing("suggestion", s, "state.motions.suggestion"));
            }
        }
        for other in m.merged_into.iter().chain(&m.merged) {
            if !st.motions.contains_key(other) {
                return Err(missing("motion", other, "state.motions.merged"));
            }
        }
        // A merge is recorded on both motions.
        let reciprocal = m
            .merged_into
            .as_ref()
            .is_none_or(|t| st.motions[t].merged.contains(&m.id))
            && m.merged
                .iter()
                .all(|o| st.motions[o].merged_into.as_ref() == Some(&m.id));
        if !reciprocal {
            return Err(corrupt(&m.id, "a merge recorded on one motion only"));
        }
        if let Some(a) = &m.assignment {
            st.unit(&a.lead_unit, "state.motions.assignment.lead_unit")?;
            for u in &a.co_units {
                st.unit(u, "state.motions.assignment.co_units")?;
            }
        }
        if let Some(g) = &m.working_group {
            for d in g.members.iter().chain(&g.proposing_deputies) {
                st.deputy(d, "state.motions.working_group")?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------

/// Motion figures of a congress as of a date (§4.2-style counts for motions; S002-6 "192件
/// 15项", S001-5 "361人次"). Every count is of motions (件) submitted to the congress by the
/// end of `as_of`, in the status they had then, except `items` (项).
///
/// - `submitted` = `awaiting_review` + `items` + `merged` + `handled_as_suggestions` +
///   `legislative_research` + `withdrawn`;
/// - `items` = `awaiting_assignment` + `assigned` + `in_supervision` + `in_tracking` +
///   `completed`; `item_motions` counts the motions (件) of those items: each item itself and
///   the motions merged into it.
/// - Deputy participation is in 人次 (person-times): a deputy counts once per motion and role
///   (sponsor, working-group member, proposing deputy in the working group).
///
/// ```
/// let l = renda::Ledger::new(Default::default());
/// let err = l.motion_figures(&"hd".parse().unwrap(), "2024-12-31".parse().unwrap()).unwrap_err();
/// assert_eq!(err.code(), "not_found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionFigures {
    /// The congress.
    pub congress: CongressId,
    /// The date.
    pub as_of: NaiveDate,
    /// Motions submitted (件).
    pub submitted: u32,
    /// Awaiting the presidium's review.
    pub awaiting_review: u32,
    /// Motion items (项): listed as motions and neither withdrawn nor merged away.
    pub items: u32,
    /// Motions (件) in those items: the items and the motions merged into them.
    pub item_motions: u32,
    /// Merged into another motion.
    pub merged: u32,
    /// Handled as suggestions.
    pub handled_as_suggestions: u32,
    /// Turned into legislative research projects.
    pub legislative_research: u32,
    /// Withdrawn.
    pub withdrawn: u32,
    /// Items listed, not yet assigned.
    pub awaiting_assignment: u32,
    /// Items assigned, plan not yet agreed.
    pub assigned: u32,
    /// Items in a supervision year (督办).
    pub in_supervision: u32,
    /// Items in a tracking year (跟踪督办).
    pub in_tracking: u32,
    /// Items completed.
    pub completed: u32,
    /// Items put into the standing committee's supervision plan (R-P1).
    pub in_supervision_plan: u32,
    /// Sponsoring deputies, in 人次 (the lead and co-sponsors of every motion).
    pub sponsor_person_times: u32,
    /// Deputies in the working groups formed, in 人次 (members and proposing deputies).
    pub handling_person_times: u32,
    /// `sponsor_person_times` + `handling_person_times`, in 人次.
    pub deputy_person_times: u32,
}

/// The motion figures of `congress` over `state` as of the end of `as_of`.
pub fn figures(state: &State, congress: &CongressId, as_of: NaiveDate) -> Result<MotionFigures> {
    use MotionStatus::*;
    state.congress(congress, "congress")?;
    let mut f = MotionFigures {
        congress: congress.clone(),
        as_of,
        submitted: 0,
        awaiting_review: 0,
        items: 0,
        item_motions: 0,
        merged: 0,
        handled_as_suggestions: 0,
        legislative_research: 0,
        withdrawn: 0,
        awaiting_assignment: 0,
        assigned: 0,
        in_supervision: 0,
        in_tracking: 0,
        completed: 0,
        in_supervision_plan: 0,
        sponsor_person_times: 0,
        handling_person_times: 0,
        deputy_person_times: 0,
    };
    let motions = || state.motions.values().filter(|m| &m.congress == congress);
    for m in motions() {
        let Some(status) = m.status_as_of(as_of) else {
            continue;
        };
        f.submitted += 1;
        f.sponsor_person_times += m.sponsor.deputies().count() as u32;
        if let Some(g) = m.working_group.as_ref().filter(|g| g.formed_on <= as_of) {
            f.handling_person_times += (g.members.len() + g.proposing_deputies.len()) as u32;
        }
        match status {
            Submitted => f.awaiting_review += 1,
            Merged => f.merged += 1,
            HandledAsSuggestion => f.handled_as_suggestions += 1,
            LegislativeResearch => f.legislative_research += 1,
            Withdrawn => f.withdrawn += 1,
            Listed => f.awaiting_assignment += 1,
            Assigned => f.assigned += 1,
            InHandling => match m.year_as_of(as_of).map(|y| y.phase) {
                Some(HandlingPhase::Tracking) => f.in_tracking += 1,
                _ => f.in_supervision += 1,
            },
            Completed => f.completed += 1,
        }
        if status.is_item() {
            f.items += 1;
            f.item_motions += 1;
            if m.assignment
                .as_ref()
                .is_some_and(|a| a.in_supervision_plan && a.assigned_on <= as_of)
            {
                f.in_supervision_plan += 1;
            }
        }
    }
    // The motions merged into an item, as of the date, count among its 件.
    for m in motions() {
        if m.status_as_of(as_of) != Some(Merged) {
            continue;
        }
        let into_item = m
            .merged_into
            .as_ref()
            .and_then(|t| state.motions.get(t))
            .and_then(|t| t.status_as_of(as_of))
            .is_some_and(MotionStatus::is_item);
        if into_item {
            f.item_motions += 1;
        }
    }
    f.deputy_person_times = f.sponsor_person_times + f.handling_person_times;
    Ok(f)
}

impl Ledger {
    /// Every motion, ordered by id.
    pub fn motions(&self) -> impl Iterator<Item = &Motion> {
        self.state().motions.values()
    }

    /// The motion figures of `congress` as of the end of `as_of` ([`MotionFigures`]);
    /// `not_found` (field `congress`) for an unknown congress.
    pub fn motion_figures(&self, congress: &CongressId, as_of: NaiveDate) -> Result<MotionFigures> {
        figures(self.state(), congress, as_of)
    }
}
