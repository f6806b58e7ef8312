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

use crate::error::{RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, MeetingId, SessionId};
use crate::ledger::Ledger;
use crate::registry::Level;
use crate::state::State;
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
    // @meeting-fields: meetings
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
        let session = st.sessions.get(s).ok_or_else(|| RendaError::NotFound {
            entity: "session",
            id: s.to_string(),
            field: "command.session".into(),
        })?;
        if session.congress != meeting.congress {
            return Err(RendaError::InvalidField {
                field: "command.session".into(),
                value: s.to_string(),
                reason: format!("belongs to congress {}", session.congress),
            });
        }
    }
    Ok(vec![EventKind::MeetingConvened { meeting }])
}

/// Applies `meeting_convened`.
pub(crate) fn apply_convened(state: &mut State, meeting: &Meeting) -> Result<()> {
    state.congress(&meeting.congress, "event.meeting.congress")?;
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
    }
    Ok(())
}

/// The meeting `id`, or `not_found` naming `field`.
///
/// ```
/// let st = renda::State::default();
/// let e = renda::oversight::meeting::require(&st, &"m1".parse().unwrap(), "command.meeting").unwrap_err();
/// assert_eq!(e.code(), "not_found");
/// ```
pub fn require<'a>(st: &'a State, id: &MeetingId, field: &str) -> Result<&'a Meeting> {
    st.meetings.get(id).ok_or_else(|| RendaError::NotFound {
        entity: "meeting",
        id: id.to_string(),
        field: field.to_string(),
    })
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
