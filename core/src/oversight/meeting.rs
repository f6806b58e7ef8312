//! Meetings (会议): sittings of a congress session, standing-committee meetings and director
//! meetings. Supervision items are heard and decided at meetings, so every item refers to one
//! by id, and the counts of a work report (S001-1) are counts of meetings.
//!
//! ```
//! use renda::Ledger;
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-02-20","actor":{"role":"director_meeting","id":"directors"},"command":{"type":"convene_meeting","meeting":"hd-17-sc-21","congress":"hd-17","body":"standing_committee","kind":"regular","held_on":"2024-02-27"}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let m = ledger.meetings().next().unwrap();
//! assert_eq!(m.body, renda::oversight::meeting::Body::StandingCommittee);
//! ```

use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{BallotId, CongressId, DeputyId, MeetingId, SessionId};
use crate::ledger::{check_name, Ledger};
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::state::State;
use crate::time::Timestamp;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The body that meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// 人民代表大会会议: a sitting of the congress in session.
    Congress,
    /// 常委会会议: a standing-committee meeting (county level and above).
    StandingCommittee,
    /// 主任会议: the director meeting of the standing committee.
    DirectorMeeting,
}

impl Body {
    /// Every body.
    pub const ALL: [Body; 3] = [
        Self::Congress,
        Self::StandingCommittee,
        Self::DirectorMeeting,
    ];

    /// How many members the ledger knows `congress`'s body has on `date`: the deputies holding
    /// the mandate (congress) or the standing-committee members recorded; `None` when it keeps no
    /// such roster (none recorded, or the director meeting).
    ///
    /// ```
    /// use renda::oversight::meeting::Body;
    /// let st = renda::State::default();
    /// let d = "2024-01-01".parse().unwrap();
    /// assert_eq!(Body::StandingCommittee.size(&st, &"hd".parse().unwrap(), d), None);
    /// ```
    pub fn size(self, st: &State, congress: &CongressId, date: NaiveDate) -> Option<usize> {
        let n = match self {
            Self::Congress => crate::deputy::workflow::holding_mandate(st, congress, date),
            Self::StandingCommittee => crate::deputy::workflow::committee_size(st, congress),
            Self::DirectorMeeting => 0,
        };
        Some(n).filter(|n| *n > 0)
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Congress => "congress",
            Self::StandingCommittee => "standing_committee",
            Self::DirectorMeeting => "director_meeting",
        }
    }
}

crate::labels::labelled!(Body {
    Congress => ("人民代表大会会议", "Congress session"),
    StandingCommittee => ("常委会会议", "Standing-committee meeting"),
    DirectorMeeting => ("主任会议", "Director meeting"),
});

/// The kind of a meeting (L-3, W8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A regular meeting (例会; the annual congress session).
    Regular,
    /// A township congress's mid-year session (W8, R-M12: Q3, July–August).
    MidYear,
    /// A township congress's quarterly session (季会制, W8, R-M12).
    Quarterly,
    /// An extraordinary (临时) session or meeting (L-3: requested by one fifth of deputies).
    Extraordinary,
}

impl MeetingKind {
    /// Every kind.
    pub const ALL: [MeetingKind; 4] = [
        Self::Regular,
        Self::MidYear,
        Self::Quarterly,
        Self::Extraordinary,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Regular => "regular",
            Self::MidYear => "mid_year",
            Self::Quarterly => "quarterly",
            Self::Extraordinary => "extraordinary",
        }
    }
}

crate::labels::labelled!(MeetingKind {
    Regular => ("例会", "Regular"),
    MidYear => ("年中会议", "Mid-year session"),
    Quarterly => ("季度会议（季会制）", "Quarterly session"),
    Extraordinary => ("临时会议", "Extraordinary"),
});

/// A meeting as the ledger keeps it.
///
/// ```
/// let m: renda::oversight::meeting::Meeting = serde_json::from_str(r#"{"id":"hd-17-sc-21",
///   "congress":"hd-17","body":"standing_committee","kind":"regular","held_on":"2024-02-27"}"#).unwrap();
/// assert_eq!(m.held_on.to_string(), "2024-02-27");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Id.
    pub id: MeetingId,
    /// The congress whose body meets.
    pub congress: CongressId,
    /// Which body meets.
    pub body: Body,
    /// Regular, mid-year, quarterly or extraordinary.
    pub kind: MeetingKind,
    /// The (first) day of the meeting.
    pub held_on: NaiveDate,
    /// For a congress sitting: the session it belongs to (with its motion window).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionId>,
    /// The agenda, items numbered from 1 (`set_meeting_agenda`; R-M9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    /// Who attended (`record_attendance`; L-3, W21, R-M8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// Speeches with their length (`record_speech`; R-M1…R-M3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speeches: Vec<Speech>,
}

/// Checks `convene_meeting`: the meeting is new, the congress exists, the date falls within
/// the term, the kind fits the body (mid-year and quarterly sessions are township congress
/// sessions, W8), and a session reference names a session of the same congress.
pub(crate) fn decide_convene(st: &State, meeting: Meeting) -> Result<Vec<EventKind>> {
    State::absent(&st.meetings, &meeting.id, "meeting")?;
    let c = st.congress(&meeting.congress, "command.congress")?;
    if meeting.held_on < c.term_start || meeting.held_on > c.term_end {
        return Err(RendaError::InvalidField {
            field: "command.held_on".into(),
            value: meeting.held_on.to_string(),
            reason: format!(
                "must fall within the term ({} to {})",
                c.term_start, c.term_end
            ),
        });
    }
    if meeting.body != Body::Congress
        && matches!(meeting.kind, MeetingKind::MidYear | MeetingKind::Quarterly)
    {
        return Err(RendaError::InvalidField {
            field: "command.kind".into(),
            value: meeting.kind.as_str().into(),
            reason: "mid-year and quarterly sessions are congress sessions (W8)".into(),
        });
    }
    if meeting.body != Body::Congress && c.level == Level::Township {
        return Err(RendaError::InvalidField {
            field: "command.body".into(),
            value: meeting.body.as_str().into(),
            reason: "a township congress has no standing committee (L-6)".into(),
        });
    }
    if let Some(s) = &meeting.session {
        if meeting.body != Body::Congress {
            return Err(RendaError::InvalidField {
                field: "command.session".into(),
                value: s.to_string(),
                reason: "only a congress sitting belongs to a session".into(),
            });
        }
        let session = State::found(&st.sessions, s, "session", "command.session")?;
        if session.congress != meeting.congress {
            return Err(RendaError::InvalidField {
                field: "command.session".into(),
                value: s.to_string(),
                reason: format!("belongs to congress {}", session.congress),
            });
        }
    }
    if meeting.body == Body::Congress
        && meeting.kind == MeetingKind::Extraordinary
        && open_request(st, &meeting.congress).is_none()
    {
        return Err(RendaError::rule_violation(
            rule_codes::EXTRAORDINARY_NOT_REQUESTED,
            "L-3",
            Some("command.kind"),
            Some(meeting.kind.as_str().into()),
            format!(
                "an extraordinary session of `{}` needs a request by one fifth of its deputies \
                 (request_extraordinary_session) not yet used by another session",
                meeting.congress
            ),
        ));
    }
    Ok(vec![EventKind::MeetingConvened { meeting }])
}

/// The oldest extraordinary-session request of `congress` not yet used by a sitting (L-3).
fn open_request(st: &State, congress: &CongressId) -> Option<usize> {
    st.extraordinary_requests
        .get(congress)?
        .iter()
        .position(|r| r.meeting.is_none())
}

/// Applies `meeting_convened`.
pub(crate) fn apply_convened(state: &mut State, meeting: &Meeting) -> Result<()> {
    state.congress(&meeting.congress, "event.meeting.congress")?;
    if meeting.body == Body::Congress && meeting.kind == MeetingKind::Extraordinary {
        if let Some(i) = open_request(state, &meeting.congress) {
            if let Some(list) = state.extraordinary_requests.get_mut(&meeting.congress) {
                list[i].meeting = Some(meeting.id.clone());
            }
        }
    }
    state.meetings.insert(meeting.id.clone(), meeting.clone());
    Ok(())
}

/// Checks the meetings of a snapshot: keys match ids and congresses exist.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    for (id, m) in &st.meetings {
        if &m.id != id {
            return Err(RendaError::InvalidField {
                field: "state.meetings".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", m.id),
            });
        }
        st.congress(&m.congress, "state.meetings.congress")?;
        for (k, item) in m.agenda.iter().enumerate() {
            if item.number as usize != k + 1 {
                return Err(RendaError::InvalidField {
                    field: "state.meetings.agenda".into(),
                    value: id.to_string(),
                    reason: "agenda items are numbered 1, 2, 3, … in order".into(),
                });
            }
        }
        if let Some(a) = &m.attendance {
            if a.present > a.members {
                return Err(RendaError::InvalidField {
                    field: "state.meetings.attendance".into(),
                    value: id.to_string(),
                    reason: "more present than members".into(),
                });
            }
            for d in &a.attending_deputies {
                st.deputy(d, "state.meetings.attendance.attending_deputies")?;
            }
        }
    }
    validate_ballots(st)
}

/// The meeting `id`, or `not_found` naming `field`.
///
/// ```
/// let st = renda::State::default();
/// let e = renda::oversight::meeting::require(&st, &"m1".parse().unwrap(), "command.meeting").unwrap_err();
/// assert_eq!(e.code(), "not_found");
/// ```
pub fn require<'a>(st: &'a State, id: &MeetingId, field: &str) -> Result<&'a Meeting> {
    State::found(&st.meetings, id, "meeting", field)
}

/// The meeting `id`, which must be a meeting of `body` of `congress`; otherwise
/// `not_found`, or `invalid_field` naming `field` and saying which body it is.
///
/// ```
/// use renda::oversight::meeting::{require_body, Body};
/// let st = renda::State::default();
/// assert!(require_body(&st, &"m1".parse().unwrap(), &"hd".parse().unwrap(), &[Body::StandingCommittee], "command.meeting").is_err());
/// ```
pub fn require_body<'a>(
    st: &'a State,
    id: &MeetingId,
    congress: &CongressId,
    bodies: &[Body],
    field: &str,
) -> Result<&'a Meeting> {
    let m = require(st, id, field)?;
    if &m.congress != congress {
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: id.to_string(),
            reason: format!("is a meeting of congress {}, not {congress}", m.congress),
        });
    }
    if !bodies.contains(&m.body) {
        let want: Vec<&str> = bodies.iter().map(|b| b.as_str()).collect();
        return Err(RendaError::InvalidField {
            field: field.into(),
            value: id.to_string(),
            reason: format!(
                "is a {} meeting; needs {}",
                m.body.as_str(),
                want.join(" or ")
            ),
        });
    }
    Ok(m)
}

impl Ledger {
    /// Every meeting, ordered by id.
    pub fn meetings(&self) -> impl Iterator<Item = &Meeting> {
        self.state().meetings.values()
    }
}

// ---------------------------------------------------------------------------------------------
// Agenda, attendance, speeches, ballots and extraordinary sessions (issue 5 item 1).
// ---------------------------------------------------------------------------------------------

/// The kind of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaItemKind {
    /// Political study, the "first item" (第一议题, R-M9).
    PoliticalStudy,
    /// A report of 一府一委两院 heard and deliberated (R-M1).
    Report,
    /// A review opinion or suggestion of a working body (R-M2).
    ReviewOpinion,
    /// A document submitted to the director meeting (R-M3).
    DirectorDocument,
    /// A vote on a resolution or decision (L-4).
    Ballot,
    /// Appointments and removals (任免, S001-4).
    Appointment,
    /// Anything else.
    Other,
}

impl AgendaItemKind {
    /// Every kind.
    pub const ALL: [AgendaItemKind; 7] = [
        Self::PoliticalStudy,
        Self::Report,
        Self::ReviewOpinion,
        Self::DirectorDocument,
        Self::Ballot,
        Self::Appointment,
        Self::Other,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PoliticalStudy => "political_study",
            Self::Report => "report",
            Self::ReviewOpinion => "review_opinion",
            Self::DirectorDocument => "director_document",
            Self::Ballot => "ballot",
            Self::Appointment => "appointment",
            Self::Other => "other",
        }
    }
}

crate::labels::labelled!(AgendaItemKind {
    PoliticalStudy => ("第一议题（政治学习）", "Political study (first item)"),
    Report => ("听取审议报告", "Report"),
    ReviewOpinion => ("审议意见", "Review opinion"),
    DirectorDocument => ("主任会议文件", "Director-meeting document"),
    Ballot => ("表决", "Ballot"),
    Appointment => ("人事任免", "Appointments and removals"),
    Other => ("其他", "Other"),
});

/// One agenda item.
///
/// ```
/// let i: renda::oversight::meeting::AgendaItem = serde_json::from_str(
///     r#"{"number":1,"kind":"political_study","title":"学习贯彻党的二十届三中全会精神"}"#).unwrap();
/// assert_eq!(i.number, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Position on the agenda, from 1.
    pub number: u32,
    /// What kind of item.
    pub kind: AgendaItemKind,
    /// Title (1–200 characters).
    pub title: String,
}

/// Who attended a meeting (L-3, W21, R-M8).
///
/// ```
/// let a: renda::oversight::meeting::Attendance = serde_json::from_str(
///     r#"{"members":45,"present":40,"quorum_met":true}"#).unwrap();
/// assert!(a.attending_deputies.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Members of the body (全体代表 / 全体组成人员).
    pub members: u32,
    /// Members present.
    pub present: u32,
    /// Deputies attending without a vote (列席, W21, R-M8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attending_deputies: Vec<DeputyId>,
    /// Citizens observing (旁听, W21), a count.
    #[serde(default)]
    pub observers: u32,
    /// Whether the quorum of the body was met (L-3; the rule set's fraction).
    pub quorum_met: bool,
}

/// The kind of a speech, which decides its time limit (R-M1…R-M3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechKind {
    /// A report or explanation of 一府一委两院 at a standing-committee meeting (R-M1).
    Report,
    /// A working body's review opinion or suggestion at a standing-committee meeting (R-M2).
    ReviewOpinion,
    /// A document presented to the director meeting (R-M3).
    DirectorDocument,
    /// Any other speech (no limit).
    Other,
}

impl SpeechKind {
    /// Every kind.
    pub const ALL: [SpeechKind; 4] = [
        Self::Report,
        Self::ReviewOpinion,
        Self::DirectorDocument,
        Self::Other,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::ReviewOpinion => "review_opinion",
            Self::DirectorDocument => "director_document",
            Self::Other => "other",
        }
    }

    /// The rule that limits this kind of speech and the body where it applies.
    pub fn rule(self) -> Option<(&'static str, Body)> {
        match self {
            Self::Report => Some(("R-M1", Body::StandingCommittee)),
            Self::ReviewOpinion => Some(("R-M2", Body::StandingCommittee)),
            Self::DirectorDocument => Some(("R-M3", Body::DirectorMeeting)),
            Self::Other => None,
        }
    }
}

crate::labels::labelled!(SpeechKind {
    Report => ("一府一委两院报告", "Report"),
    ReviewOpinion => ("工作机构审议意见", "Review opinion"),
    DirectorDocument => ("主任会议文件说明", "Director-meeting document"),
    Other => ("其他发言", "Other speech"),
});

/// A speech on an agenda item.
///
/// ```
/// let s: renda::oversight::meeting::Speech = serde_json::from_str(
///     r#"{"item":2,"kind":"report","minutes":18}"#).unwrap();
/// assert_eq!(s.minutes, 18);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speech {
    /// The agenda item's number.
    pub item: u32,
    /// The kind of speech.
    pub kind: SpeechKind,
    /// Length in minutes.
    pub minutes: u32,
}

/// What a ballot decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotKind {
    /// A resolution (决议).
    Resolution,
    /// A decision (决定).
    Decision,
    /// Appointments (任命, S001-4).
    Appointment,
    /// Removals (免职, S001-4).
    Removal,
    /// An election (选举).
    Election,
    /// Anything else.
    Other,
}

impl BallotKind {
    /// Every kind.
    pub const ALL: [BallotKind; 6] = [
        Self::Resolution,
        Self::Decision,
        Self::Appointment,
        Self::Removal,
        Self::Election,
        Self::Other,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resolution => "resolution",
            Self::Decision => "decision",
            Self::Appointment => "appointment",
            Self::Removal => "removal",
            Self::Election => "election",
            Self::Other => "other",
        }
    }

    /// Appointments and removals count persons (人次, S001-4).
    pub fn counts_persons(self) -> bool {
        matches!(self, Self::Appointment | Self::Removal)
    }
}

crate::labels::labelled!(BallotKind {
    Resolution => ("决议", "Resolution"),
    Decision => ("决定", "Decision"),
    Appointment => ("任命", "Appointment"),
    Removal => ("免职", "Removal"),
    Election => ("选举", "Election"),
    Other => ("其他", "Other"),
});

/// A ballot taken at a meeting (L-4).
///
/// ```
/// let b: renda::oversight::meeting::Ballot = serde_json::from_str(r#"{"id":"B1","meeting":"sc-21",
///   "congress":"hd-17","item":3,"subject":"关于批准2023年决算的决议","kind":"resolution",
///   "vote":{"members":45,"present":40,"yes":38,"no":1,"abstain":1},"adopted":true,
///   "at":"2024-06-27T15:00:00+08:00"}"#).unwrap();
/// assert!(b.adopted);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// Id.
    pub id: BallotId,
    /// The meeting.
    pub meeting: MeetingId,
    /// The meeting's congress.
    pub congress: CongressId,
    /// The agenda item's number.
    pub item: u32,
    /// What was voted on.
    pub subject: String,
    /// The kind of ballot.
    pub kind: BallotKind,
    /// The tally.
    pub vote: Vote,
    /// For appointments and removals: the persons (人次, S001-4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons: Option<u32>,
    /// Adopted: a majority of all members (L-4), or at the director meeting the rule set's
    /// majority.
    pub adopted: bool,
    /// When the vote was taken (the command's time).
    pub at: Timestamp,
}

/// A request for an extraordinary congress session (L-3: one fifth of the deputies).
///
/// ```
/// let r: renda::oversight::meeting::ExtraordinaryRequest = serde_json::from_str(
///     r#"{"on":"2024-05-10","deputies":80,"in_office":350}"#).unwrap();
/// assert!(r.meeting.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraordinaryRequest {
    /// The day it was made.
    pub on: NaiveDate,
    /// How many deputies requested.
    pub deputies: u32,
    /// Deputies in office on that day.
    pub in_office: u32,
    /// The extraordinary sitting convened on it, once there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
}

/// A fraction of the members, reached at (`more_than: false`) or above (`true`) it.
///
/// ```
/// use renda::oversight::meeting::Fraction;
/// let half = Fraction { numerator: 1, denominator: 2, more_than: true };
/// assert!(!half.reached(10, 5));
/// assert!(half.reached(10, 6));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fraction {
    /// Numerator.
    pub numerator: u32,
    /// Denominator.
    pub denominator: u32,
    /// Strictly more than the fraction (过半数) instead of at least (三分之二以上).
    pub more_than: bool,
}

impl Fraction {
    /// Whether `count` of `of` reaches the fraction.
    pub fn reached(&self, of: u32, count: u32) -> bool {
        let lhs = u64::from(count) * u64::from(self.denominator);
        let rhs = u64::from(of) * u64::from(self.numerator);
        if self.more_than {
            lhs > rhs
        } else {
            lhs >= rhs
        }
    }

    fn describe(&self) -> String {
        format!(
            "{} {}/{}",
            if self.more_than {
                "more than"
            } else {
                "at least"
            },
            self.numerator,
            self.denominator
        )
    }
}

/// Which majority adopts a director-meeting ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MajorityOf {
    /// A majority of those present.
    Present,
    /// A majority of all members.
    All,
}

/// How often a township congress meets (L-3, W8, R-M12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TownshipSessionPolicy {
    /// Once a year.
    Annual,
    /// Twice a year (L-3 "generally"); the mid-year session in Q3, July–August (R-M12).
    TwiceYearly,
    /// Every quarter (季会制, W8, R-M12).
    Quarterly,
}

impl TownshipSessionPolicy {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Annual => "annual",
            Self::TwiceYearly => "twice_yearly",
            Self::Quarterly => "quarterly",
        }
    }
}

/// The meeting rules of a rule set (`oversight.meetings`). Absent: the national values.
///
/// ```
/// use renda::rules::RuleSet;
/// let n = RuleSet::national().oversight.meetings;
/// assert_eq!(n.report_minutes, None);
/// assert!(!n.political_study_first);
/// let b = RuleSet::beijing_district().oversight.meetings;
/// assert_eq!((b.report_minutes, b.review_opinion_minutes, b.director_document_minutes), (Some(20), Some(15), Some(10)));
/// assert!(b.political_study_first);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeetingRules {
    /// R-M9: the first agenda item of standing-committee and director meetings is political
    /// study (第一议题). National: off.
    pub political_study_first: bool,
    /// L-3: the share of all deputies present for a congress sitting to be held (at least 2/3).
    pub congress_quorum: Fraction,
    /// 地方组织法: the share of all members present for a standing-committee meeting (more
    /// than 1/2).
    pub committee_quorum: Fraction,
    /// The majority that adopts a director-meeting ballot (national: of those present).
    pub director_meeting_majority: MajorityOf,
    /// R-M1: limit in minutes for reports of 一府一委两院 at SC meetings (national: none).
    pub report_minutes: Option<u32>,
    /// R-M2: limit for working bodies' review opinions at SC meetings (national: none).
    pub review_opinion_minutes: Option<u32>,
    /// R-M3: limit for documents at the director meeting (national: none).
    pub director_document_minutes: Option<u32>,
    /// L-3, W8, R-M12: how often a township congress meets (national: twice a year).
    pub township_session_policy: TownshipSessionPolicy,
    /// R-M8: deputies attending (列席) each SC meeting at least (national: not required).
    pub min_attending_deputies: Option<u32>,
}

impl Default for MeetingRules {
    fn default() -> Self {
        Self {
            political_study_first: false,
            congress_quorum: Fraction {
                numerator: 2,
                denominator: 3,
                more_than: false,
            },
            committee_quorum: Fraction {
                numerator: 1,
                denominator: 2,
                more_than: true,
            },
            director_meeting_majority: MajorityOf::Present,
            report_minutes: None,
            review_opinion_minutes: None,
            director_document_minutes: None,
            township_session_policy: TownshipSessionPolicy::TwiceYearly,
            min_attending_deputies: None,
        }
    }
}

impl MeetingRules {
    /// The Beijing-district values: R-M9 on, limits 20/15/10 minutes (R-M1…R-M3), 2 deputies
    /// attending each SC meeting (R-M8, 延庆).
    pub fn beijing_district() -> Self {
        Self {
            political_study_first: true,
            report_minutes: Some(20),
            review_opinion_minutes: Some(15),
            director_document_minutes: Some(10),
            min_attending_deputies: Some(2),
            ..Self::default()
        }
    }

    /// The speaking limit for `kind`, if the rule set sets one.
    pub fn limit(&self, kind: SpeechKind) -> Option<u32> {
        match kind {
            SpeechKind::Report => self.report_minutes,
            SpeechKind::ReviewOpinion => self.review_opinion_minutes,
            SpeechKind::DirectorDocument => self.director_document_minutes,
            SpeechKind::Other => None,
        }
    }

    /// The quorum of `body` (none for the director meeting).
    pub fn quorum(&self, body: Body) -> Option<Fraction> {
        match body {
            Body::Congress => Some(self.congress_quorum),
            Body::StandingCommittee => Some(self.committee_quorum),
            Body::DirectorMeeting => None,
        }
    }
}

fn meeting_rules<'b>(st: &State, book: &'b RuleBook, m: &Meeting) -> Result<&'b MeetingRules> {
    let c = st.congress(&m.congress, "meeting.congress")?;
    Ok(&book.in_force(c.level, m.held_on)?.oversight.meetings)
}

fn item_of<'m>(m: &'m Meeting, number: u32, field: &str) -> Result<&'m AgendaItem> {
    m.agenda
        .iter()
        .find(|i| i.number == number)
        .ok_or_else(|| RendaError::NotFound {
            entity: "agenda item",
            id: format!("{}/{number}", m.id),
            field: field.into(),
        })
}

fn no_attendance(m: &Meeting, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::rule_violation(
        rule_codes::ATTENDANCE_NOT_RECORDED,
        rule,
        Some("command.meeting"),
        Some(m.id.to_string()),
        format!("record the attendance of `{}` before {action}", m.id),
    )
}

/// Checks a command of the meetings family (issue 5 item 1) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    at: Timestamp,
    command: &Command,
) -> Result<Vec<EventKind>> {
    let date = at.china_date();
    match command {
        Command::SetMeetingAgenda { meeting, items } => {
            let m = require(st, meeting, "command.meeting")?;
            if !m.agenda.is_empty() {
                return Err(RendaError::InvalidTransition {
                    entity: "meeting",
                    field: "command.meeting",
                    id: meeting.to_string(),
                    status: "agenda_set",
                    action: "set the agenda of",
                    rule: "R-M9",
                });
            }
            if items.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.items".into(),
                    value: "[]".into(),
                    reason: "an agenda has at least one item".into(),
                });
            }
            for (k, item) in items.iter().enumerate() {
                let want = k as u64 + 1;
                if u64::from(item.number) != want {
                    return Err(RendaError::InvalidField {
                        field: format!("command.items[{k}].number"),
                        value: item.number.to_string(),
                        reason: format!("items are numbered 1, 2, 3, … in order; expected {want}"),
                    });
                }
                check_name(&format!("command.items[{k}].title"), &item.title)?;
            }
            let rules = meeting_rules(st, book, m)?;
            if rules.political_study_first
                && matches!(m.body, Body::StandingCommittee | Body::DirectorMeeting)
                && items[0].kind != AgendaItemKind::PoliticalStudy
            {
                return Err(RendaError::rule_violation(
                    rule_codes::POLITICAL_STUDY_FIRST,
                    "R-M9",
                    Some("command.items[0].kind"),
                    Some(items[0].kind.as_str().into()),
                    "the first agenda item of a standing-committee or director meeting is \
                     political study (第一议题)",
                ));
            }
            Ok(vec![EventKind::MeetingAgendaSet {
                meeting: meeting.clone(),
                items: items.clone(),
            }])
        }
        Command::RecordAttendance {
            meeting,
            members,
            present,
            attending_deputies,
            observers,
        } => {
            let m = require(st, meeting, "command.meeting")?;
            if m.attendance.is_some() {
                return Err(RendaError::InvalidTransition {
                    entity: "meeting",
                    field: "command.meeting",
                    id: meeting.to_string(),
                    status: "attendance_recorded",
                    action: "record the attendance of",
                    rule: "L-3",
                });
            }
            if *members == 0 {
                return Err(RendaError::InvalidField {
                    field: "command.members".into(),
                    value: "0".into(),
                    reason: "a body has at least one member".into(),
                });
            }
            if present > members {
                return Err(RendaError::InvalidField {
                    field: "command.present".into(),
                    value: present.to_string(),
                    reason: "must not exceed members".into(),
                });
            }
            check_members(st, m, *members, "command.members")?;
            let mut seen = std::collections::BTreeSet::new();
            for (k, d) in attending_deputies.iter().enumerate() {
                let field = format!("command.attending_deputies[{k}]");
                let (dep, _) = crate::deputy::workflow::require_status(
                    st,
                    d,
                    m.held_on,
                    &field,
                    crate::deputy::DeputyStatus::is_in_office,
                )?;
                if dep.congress != m.congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "W21",
                        Some(&field),
                        Some(d.to_string()),
                        format!(
                            "deputy `{d}` sits in `{}`, the meeting is of `{}`",
                            dep.congress, m.congress
                        ),
                    ));
                }
                if !seen.insert(d) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: d.to_string(),
                        reason: "listed twice".into(),
                    });
                }
            }
            let rules = meeting_rules(st, book, m)?;
            let quorum_met = rules
                .quorum(m.body)
                .is_none_or(|q| q.reached(*members, *present));
            Ok(vec![EventKind::AttendanceRecorded {
                meeting: meeting.clone(),
                attendance: Attendance {
                    members: *members,
                    present: *present,
                    attending_deputies: attending_deputies.clone(),
                    observers: *observers,
                    quorum_met,
                },
            }])
        }
        Command::RecordSpeech {
            meeting,
            item,
            kind,
            minutes,
        } => {
            let m = require(st, meeting, "command.meeting")?;
            item_of(m, *item, "command.item")?;
            if *minutes == 0 {
                return Err(RendaError::InvalidField {
                    field: "command.minutes".into(),
                    value: "0".into(),
                    reason: "a speech lasts at least one minute".into(),
                });
            }
            if let Some((rule, body)) = kind.rule() {
                if m.body != body {
                    return Err(RendaError::InvalidField {
                        field: "command.kind".into(),
                        value: kind.as_str().into(),
                        reason: format!(
                            "is a speech at a {} meeting ({rule}); `{meeting}` is a {} meeting",
                            body.as_str(),
                            m.body.as_str()
                        ),
                    });
                }
                if let Some(limit) = meeting_rules(st, book, m)?.limit(*kind) {
                    if *minutes > limit {
                        return Err(RendaError::rule_violation(
                            rule_codes::SPEAKING_TIME_EXCEEDED,
                            rule,
                            Some("command.minutes"),
                            Some(minutes.to_string()),
                            format!(
                                "a {} speech lasts at most {limit} minutes ({rule})",
                                kind.as_str()
                            ),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::SpeechRecorded {
                meeting: meeting.clone(),
                speech: Speech {
                    item: *item,
                    kind: *kind,
                    minutes: *minutes,
                },
            }])
        }
        Command::HoldBallot {
            meeting,
            ballot,
            item,
            subject,
            kind,
            vote,
            persons,
        } => {
            State::absent(&st.ballots, ballot, "ballot")?;
            let m = require(st, meeting, "command.meeting")?;
            item_of(m, *item, "command.item")?;
            check_name("command.subject", subject)?;
            match (kind.counts_persons(), persons) {
                (true, None) | (true, Some(0)) => {
                    return Err(RendaError::InvalidField {
                        field: "command.persons".into(),
                        value: persons.map_or("null".into(), |p| p.to_string()),
                        reason:
                            "appointments and removals give the persons (人次, S001-4), at least 1"
                                .into(),
                    })
                }
                (false, Some(p)) => {
                    return Err(RendaError::InvalidField {
                        field: "command.persons".into(),
                        value: p.to_string(),
                        reason: "only appointments and removals count persons".into(),
                    })
                }
                _ => {}
            }
            vote.validate("command.vote")?;
            let Some(att) = &m.attendance else {
                return Err(no_attendance(m, "a ballot", "L-3"));
            };
            if vote.members != att.members {
                return Err(RendaError::rule_violation(
                    rule_codes::VOTE_MEMBERS_MISMATCH,
                    "L-4",
                    Some("command.vote.members"),
                    Some(vote.members.to_string()),
                    format!(
                        "the attendance of `{meeting}` gives {} members; a majority of all of them is needed",
                        att.members
                    ),
                ));
            }
            if vote.present > att.present {
                return Err(RendaError::InvalidField {
                    field: "command.vote.present".into(),
                    value: vote.present.to_string(),
                    reason: format!("more than the {} present at the meeting", att.present),
                });
            }
            let rules = meeting_rules(st, book, m)?;
            if !att.quorum_met {
                let q = rules.quorum(m.body);
                return Err(RendaError::rule_violation(
                    rule_codes::QUORUM_NOT_MET,
                    if m.body == Body::Congress {
                        "L-3"
                    } else {
                        "L-3, 地方组织法 (standing-committee quorum)"
                    },
                    Some("command.meeting"),
                    Some(meeting.to_string()),
                    format!(
                        "{} of {} members present; the quorum is {} of all members",
                        att.present,
                        att.members,
                        q.map_or("none".into(), |q| q.describe())
                    ),
                ));
            }
            let adopted = match (m.body, rules.director_meeting_majority) {
                (Body::DirectorMeeting, MajorityOf::Present) => vote.passes_majority_of_present(),
                _ => vote.passes_majority_of_all(),
            };
            Ok(vec![EventKind::BallotHeld {
                ballot: Ballot {
                    id: ballot.clone(),
                    meeting: meeting.clone(),
                    congress: m.congress.clone(),
                    item: *item,
                    subject: subject.clone(),
                    kind: *kind,
                    vote: *vote,
                    persons: *persons,
                    adopted,
                    at,
                },
            }])
        }
        Command::RequestExtraordinarySession { congress, deputies } => {
            let c = st.congress(congress, "command.congress")?;
            let in_office = st
                .deputies
                .values()
                .filter(|d| &d.congress == congress && d.status_on(c, date).is_in_office())
                .count() as u32;
            if *deputies == 0 || *deputies > in_office {
                return Err(RendaError::InvalidField {
                    field: "command.deputies".into(),
                    value: deputies.to_string(),
                    reason: format!(
                        "must be from 1 to the {in_office} deputies of `{congress}` in office on {date}"
                    ),
                });
            }
            if u64::from(*deputies) * 5 < u64::from(in_office) {
                return Err(RendaError::rule_violation(
                    rule_codes::EXTRAORDINARY_REQUEST_TOO_SMALL,
                    "L-3",
                    Some("command.deputies"),
                    Some(deputies.to_string()),
                    format!(
                        "one fifth of the {in_office} deputies in office on {date} must request an extraordinary session"
                    ),
                ));
            }
            Ok(vec![EventKind::ExtraordinarySessionRequested {
                congress: congress.clone(),
                deputies: *deputies,
                in_office,
            }])
        }
        _ => unreachable!("meeting::decide is only called with meeting commands"),
    }
}

/// L-4, L-3: the member count of an attendance record matches the body where the ledger
/// knows it: the standing-committee members recorded, the deputies holding the mandate.
fn check_members(st: &State, m: &Meeting, members: u32, field: &str) -> Result<()> {
    let (what, rule) = match m.body {
        Body::StandingCommittee => ("standing-committee members recorded", "L-4"),
        Body::Congress => ("deputies holding the mandate", "L-3"),
        Body::DirectorMeeting => ("", ""),
    };
    match m.body.size(st, &m.congress, m.held_on) {
        Some(known) if known != members as usize => Err(RendaError::rule_violation(
            rule_codes::VOTE_MEMBERS_MISMATCH,
            rule,
            Some(field),
            Some(members.to_string()),
            format!("`{}` has {known} {what} on {}", m.congress, m.held_on),
        )),
        _ => Ok(()),
    }
}

/// Applies an event of the meetings family; `not_found` for dangling references.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::MeetingAgendaSet { meeting, items } => {
            meeting_mut(state, meeting)?.agenda = items.clone();
        }
        EventKind::AttendanceRecorded {
            meeting,
            attendance,
        } => {
            for d in &attendance.attending_deputies {
                state.deputy(d, "event.attendance.attending_deputies")?;
            }
            meeting_mut(state, meeting)?.attendance = Some(attendance.clone());
        }
        EventKind::SpeechRecorded { meeting, speech } => {
            meeting_mut(state, meeting)?.speeches.push(speech.clone());
        }
        EventKind::BallotHeld { ballot } => {
            require(state, &ballot.meeting, "event.ballot.meeting")?;
            state.ballots.insert(ballot.id.clone(), ballot.clone());
        }
        EventKind::ExtraordinarySessionRequested {
            congress,
            deputies,
            in_office,
        } => {
            state.congress(congress, "event.congress")?;
            state
                .extraordinary_requests
                .entry(congress.clone())
                .or_default()
                .push(ExtraordinaryRequest {
                    on: date,
                    deputies: *deputies,
                    in_office: *in_office,
                    meeting: None,
                });
        }
        _ => unreachable!("meeting::apply is only called with meeting events"),
    }
    Ok(())
}

fn meeting_mut<'s>(state: &'s mut State, id: &MeetingId) -> Result<&'s mut Meeting> {
    State::found_mut(&mut state.meetings, id, "meeting", "event.meeting")
}

/// Checks the ballots and extraordinary requests of a snapshot.
fn validate_ballots(st: &State) -> Result<()> {
    for (id, b) in &st.ballots {
        if &b.id != id {
            return Err(RendaError::InvalidField {
                field: "state.ballots".into(),
                value: id.to_string(),
                reason: format!("key does not match the record's id {}", b.id),
            });
        }
        let m = require(st, &b.meeting, "state.ballots.meeting")?;
        if m.congress != b.congress {
            return Err(RendaError::InvalidField {
                field: "state.ballots.congress".into(),
                value: b.congress.to_string(),
                reason: format!("the meeting belongs to {}", m.congress),
            });
        }
        b.vote.validate("state.ballots.vote")?;
    }
    for (c, list) in &st.extraordinary_requests {
        st.congress(c, "state.extraordinary_requests")?;
        for r in list {
            if let Some(m) = &r.meeting {
                require(st, m, "state.extraordinary_requests.meeting")?;
            }
        }
    }
    Ok(())
}

pub(crate) use super::meeting_report::add_outputs;
