//! Sessions (会议) of a congress, kept small: the dates of a session and its motion submission
//! window (L-2: motions are submitted to the presidium during the session, by the deadline it
//! sets). Meetings, agendas and attendance grow out of this later.
//!
//! ```
//! use renda::Ledger;
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"schedule_session","session":"hd-17-3","congress":"hd-17","opens_on":"2024-01-08","closes_on":"2024-01-12","motions_due":"2024-01-10"}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let s = ledger.sessions().next().unwrap();
//! assert!(s.accepts_motions_on("2024-01-10".parse().unwrap()));
//! assert!(!s.accepts_motions_on("2024-01-11".parse().unwrap()));
//! ```

use crate::error::{RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, SessionId};
use crate::ledger::Ledger;
use crate::state::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A session of a congress with its motion submission window.
///
/// ```
/// let s: renda::session::Session = serde_json::from_str(r#"{"id":"hd-17-3","congress":"hd-17",
///   "opens_on":"2024-01-08","closes_on":"2024-01-12","motions_due":"2024-01-10"}"#).unwrap();
/// assert!(s.accepts_motions_on("2024-01-08".parse().unwrap()));
/// assert!(!s.accepts_motions_on("2024-01-07".parse().unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Id, e.g. `hd-17-3` for the third session of the 17th congress.
    pub id: SessionId,
    /// The congress.
    pub congress: CongressId,
    /// First day of the session.
    pub opens_on: NaiveDate,
    /// Last day of the session.
    pub closes_on: NaiveDate,
    /// Last day motions are accepted (L-2: the presidium's deadline); `closes_on` when the
    /// schedule gives none.
    pub motions_due: NaiveDate,
}

impl Session {
    /// Whether a motion may be submitted on `date`: from `opens_on` to `motions_due`, both
    /// included (L-2).
    pub fn accepts_motions_on(&self, date: NaiveDate) -> bool {
        self.opens_on <= date && date <= self.motions_due
    }

    /// Checks the record's internal consistency (snapshots and logs from outside).
    pub fn validate(&self) -> Result<()> {
        if self.closes_on < self.opens_on
            || self.motions_due < self.opens_on
            || self.motions_due > self.closes_on
        {
            return Err(RendaError::InvalidField {
                field: format!("state.sessions.{}", self.id),
                value: String::new(),
                reason: "inconsistent session: needs opens_on <= motions_due <= closes_on".into(),
            });
        }
        Ok(())
    }
}

/// Checks `schedule_session`: the session is new, the congress exists, the dates fall within
/// the term and `opens_on <= motions_due <= closes_on`.
pub(crate) fn decide_schedule(
    st: &State,
    session: &SessionId,
    congress: &CongressId,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    motions_due: Option<NaiveDate>,
) -> Result<Vec<EventKind>> {
    State::absent(&st.sessions, session, "session")?;
    let c = st.congress(congress, "command.congress")?;
    let invalid = |field: &str, value: NaiveDate, reason: String| {
        Err(RendaError::InvalidField {
            field: field.into(),
            value: value.to_string(),
            reason,
        })
    };
    if opens_on < c.term_start || opens_on > c.term_end {
        return invalid(
            "command.opens_on",
            opens_on,
            format!(
                "must fall within the term ({} to {})",
                c.term_start, c.term_end
            ),
        );
    }
    if closes_on < opens_on {
        return invalid(
            "command.closes_on",
            closes_on,
            "must not be before opens_on".into(),
        );
    }
    let due = motions_due.unwrap_or(closes_on);
    if due < opens_on || due > closes_on {
        return invalid(
            "command.motions_due",
            due,
            format!("must fall within the session ({opens_on} to {closes_on})"),
        );
    }
    Ok(vec![EventKind::SessionScheduled {
        session: Session {
            id: session.clone(),
            congress: congress.clone(),
            opens_on,
            closes_on,
            motions_due: due,
        },
    }])
}

/// Applies `session_scheduled`.
pub(crate) fn apply(state: &mut State, event: &EventKind) -> Result<()> {
    if let EventKind::SessionScheduled { session } = event {
        state.congress(&session.congress, "event.session.congress")?;
        state.sessions.insert(session.id.clone(), session.clone());
    }
    Ok(())
}

impl Ledger {
    /// Every scheduled session, ordered by id.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.state().sessions.values()
    }
}
