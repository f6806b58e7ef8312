//! What the meeting log says about a congress: whether its bodies met as often as the law asks
//! (L-3, L-5, R-M8, R-M12: [`Ledger::meeting_compliance`]), the counts of a work report
//! (S001-1, S001-3, S001-4: [`Ledger::oversight_figures`]) and the ballots taken
//! ([`Ledger::ballots`]).
//!
//! ```
//! let l = renda::Ledger::new(Default::default());
//! let e = l.meeting_compliance(&"hd".parse().unwrap(), 2024).unwrap_err();
//! assert_eq!(e.code(), "not_found");
//! ```

use super::meeting::{Ballot, BallotKind, Body, Meeting, MeetingKind, TownshipSessionPolicy};
use super::Outputs;
use crate::composition::CheckStatus;
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, MeetingId};
use crate::ledger::Ledger;
use crate::registry::Level;
use crate::state::State;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One check of [`MeetingCompliance`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingFinding {
    /// The rule id (`L-5`, `L-3`, `R-M12`, `R-M8`).
    pub rule: String,
    /// What is checked, e.g. `standing_committee_bimonthly`.
    pub what: String,
    /// Holds, violated, or not checkable.
    pub status: CheckStatus,
    /// The minimum the rule asks for (meetings, sessions or deputies), when it is a count.
    pub expected: Option<u32>,
    /// What was found.
    pub found: Option<u32>,
    /// The windows, quarters or meetings that fall short (e.g. `2024-03/04`, a meeting id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
    /// What was found, in words.
    pub message: String,
}

/// The meeting checks of a congress for a year ([`Ledger::meeting_compliance`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingCompliance {
    /// The congress.
    pub congress: CongressId,
    /// The calendar year.
    pub year: i32,
    /// The rule set in force on the last day of the year (or the first, if none then).
    pub rule_set: String,
    /// Congress sessions held in the year (distinct sessions; sittings without a session
    /// count one each).
    pub congress_sessions: u32,
    /// Standing-committee meetings held in the year.
    pub standing_committee_meetings: u32,
    /// The findings, in the order L-5, L-3, R-M12, R-M8.
    pub findings: Vec<MeetingFinding>,
}

/// The meeting figures of a work report ([`Ledger::oversight_figures`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OversightFigures {
    /// The congress.
    pub congress: CongressId,
    /// First day counted.
    pub from: NaiveDate,
    /// Last day counted.
    pub to: NaiveDate,
    /// Congress sessions (S001-1: "召开区人民代表大会会议1次"): distinct sessions, a sitting
    /// without a session counting as one.
    pub congress_sessions: u32,
    /// Congress sittings (meetings of body `congress`).
    pub congress_sittings: u32,
    /// Standing-committee meetings (S001-1: 7).
    pub standing_committee_meetings: u32,
    /// Director meetings (S001-1: 17).
    pub director_meetings: u32,
    /// Deputies who came in by by-election in the period (S001-3, `mandate: by_election`).
    pub by_elections: u32,
    /// Persons appointed or removed by adopted ballots (人次, S001-4).
    pub appointments_and_removals: u32,
    /// Ballots taken.
    pub ballots: u32,
    /// Ballots adopted.
    pub ballots_adopted: u32,
    /// The outputs of the oversight family ([`crate::oversight::outputs`]).
    pub outputs: Outputs,
}

fn in_period(m: &Meeting, congress: &CongressId, from: NaiveDate, to: NaiveDate) -> bool {
    &m.congress == congress && m.held_on >= from && m.held_on <= to
}

fn meetings_of<'s>(
    st: &'s State,
    congress: &'s CongressId,
    body: Body,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = &'s Meeting> + 's {
    st.meetings
        .values()
        .filter(move |m| m.body == body && in_period(m, congress, from, to))
}

/// Distinct sessions among congress sittings: the same `session` counts once.
fn sessions(st: &State, congress: &CongressId, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut seen = BTreeSet::new();
    let mut n = 0;
    for m in meetings_of(st, congress, Body::Congress, from, to) {
        match &m.session {
            Some(s) => {
                if seen.insert(s.clone()) {
                    n += 1;
                }
            }
            None => n += 1,
        }
    }
    n
}

fn ballots_in<'s>(
    st: &'s State,
    congress: &'s CongressId,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = &'s Ballot> + 's {
    st.ballots.values().filter(move |b| {
        st.meetings
            .get(&b.meeting)
            .is_some_and(|m| in_period(m, congress, from, to))
    })
}

/// Adds the meetings family's outputs: adopted ballots of kind resolution or decision of the
/// congress and its standing committee (`resolutions_and_decisions`, S001-2; the director
/// meeting's decisions are internal and not counted).
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut Outputs,
) {
    let n = ballots_in(st, congress, from, to)
        .filter(|b| {
            b.adopted
                && matches!(b.kind, BallotKind::Resolution | BallotKind::Decision)
                && st
                    .meetings
                    .get(&b.meeting)
                    .is_some_and(|m| m.body != Body::DirectorMeeting)
        })
        .count();
    out.resolutions_and_decisions += n as u32;
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| RendaError::InvalidField {
        field: "year".into(),
        value: y.to_string(),
        reason: "outside the supported dates".into(),
    })
}

fn last_day(y: i32, m: u32) -> Result<NaiveDate> {
    let next = if m == 12 {
        date(y + 1, 1, 1)
    } else {
        date(y, m + 1, 1)
    }?;
    next.pred_opt().ok_or_else(|| RendaError::InvalidField {
        field: "year".into(),
        value: y.to_string(),
        reason: "outside the supported dates".into(),
    })
}

/// Months `first..=last` of `y` that overlap the term, with the meetings of `body` in them.
struct Window {
    label: String,
    count: u32,
    in_term: bool,
}

fn windows(
    st: &State,
    c: &crate::registry::Congress,
    body: Body,
    y: i32,
    months_per_window: u32,
) -> Result<Vec<Window>> {
    let mut out = Vec::new();
    let mut first = 1;
    while first <= 12 {
        let last = first + months_per_window - 1;
        let (from, to) = (date(y, first, 1)?, last_day(y, last)?);
        let count = meetings_of(st, &c.id, body, from, to).count() as u32;
        let label = if months_per_window == 1 {
            format!("{y}-{first:02}")
        } else {
            format!("{y}-{first:02}/{last:02}")
        };
        out.push(Window {
            label,
            count,
            in_term: to >= c.term_start && from <= c.term_end,
        });
        first = last + 1;
    }
    Ok(out)
}

fn finding(
    rule: &str,
    what: &str,
    status: CheckStatus,
    expected: Option<u32>,
    found: Option<u32>,
    missed: Vec<String>,
    message: String,
) -> MeetingFinding {
    MeetingFinding {
        rule: rule.into(),
        what: what.into(),
        status,
        expected,
        found,
        missed,
        message,
    }
}

fn status(ok: bool) -> CheckStatus {
    if ok {
        CheckStatus::Holds
    } else {
        CheckStatus::Violated
    }
}

impl Ledger {
    /// The meeting checks of `congress` for calendar `year`:
    ///
    /// - L-5 (county level and above): a standing-committee meeting in each two-month window
    ///   Jan–Feb … Nov–Dec that overlaps the term; `missed` lists the windows without one;
    /// - L-3: the congress meets at least once a year; a township congress as its rule set's
    ///   `township_session_policy` says (annual: 1; twice_yearly: 2; quarterly: one per
    ///   quarter, `missed` the quarters without one);
    /// - R-M12 (townships, twice_yearly): the mid-year sessions (`kind: mid_year`) fall in
    ///   July–August; not checkable when there is none;
    /// - R-M8 (if the rule set sets `min_attending_deputies`): each standing-committee meeting
    ///   had that many deputies attending (列席); `missed` the meetings short, not checkable
    ///   when a meeting has no attendance recorded.
    ///
    /// ```
    /// use renda::Ledger;
    /// let mut l = Ledger::new(Default::default());
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// let c = l.meeting_compliance(&"hd-17".parse().unwrap(), 2024).unwrap();
    /// assert_eq!(c.findings[0].rule, "L-5");
    /// assert_eq!(c.findings[0].missed.len(), 6);
    /// ```
    pub fn meeting_compliance(
        &self,
        congress: &CongressId,
        year: i32,
    ) -> Result<MeetingCompliance> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        let (jan1, dec31) = (date(year, 1, 1)?, date(year, 12, 31)?);
        let book = self.rules();
        let set = book
            .in_force(c.level, dec31)
            .or_else(|_| book.in_force(c.level, jan1))?;
        let rules = &set.oversight.meetings;
        let sc_meetings =
            meetings_of(st, congress, Body::StandingCommittee, jan1, dec31).count() as u32;
        let sessions_held = sessions(st, congress, jan1, dec31);
        let mut findings = Vec::new();
        if c.level != Level::Township {
            let w = windows(st, c, Body::StandingCommittee, year, 2)?;
            let counted: Vec<&Window> = w.iter().filter(|w| w.in_term).collect();
            let missed: Vec<String> = counted
                .iter()
                .filter(|w| w.count == 0)
                .map(|w| w.label.clone())
                .collect();
            let expected = counted.len() as u32;
            findings.push(finding(
                "L-5",
                "standing_committee_bimonthly",
                if expected == 0 {
                    CheckStatus::NotCheckable
                } else {
                    status(missed.is_empty())
                },
                Some(expected),
                Some(sc_meetings),
                missed.clone(),
                format!(
                    "{sc_meetings} standing-committee meetings, {} of {expected} two-month windows in the term without one",
                    missed.len()
                ),
            ));
        }
        let (policy, what) = if c.level == Level::Township {
            (rules.township_session_policy, "township_sessions")
        } else {
            (TownshipSessionPolicy::Annual, "annual_session")
        };
        match policy {
            TownshipSessionPolicy::Quarterly => {
                let w = windows(st, c, Body::Congress, year, 3)?;
                let counted: Vec<&Window> = w.iter().filter(|w| w.in_term).collect();
                let missed: Vec<String> = counted
                    .iter()
                    .filter(|w| w.count == 0)
                    .map(|w| w.label.clone())
                    .collect();
                findings.push(finding(
                    "L-3, W8, R-M12",
                    what,
                    status(missed.is_empty()),
                    Some(counted.len() as u32),
                    Some(sessions_held),
                    missed,
                    format!("{sessions_held} sessions; a session every quarter (季会制)"),
                ));
            }
            TownshipSessionPolicy::Annual | TownshipSessionPolicy::TwiceYearly => {
                let expected = if policy == TownshipSessionPolicy::Annual {
                    1
                } else {
                    2
                };
                findings.push(finding(
                    "L-3",
                    what,
                    status(sessions_held >= expected),
                    Some(expected),
                    Some(sessions_held),
                    Vec::new(),
                    format!("{sessions_held} sessions of at least {expected} a year"),
                ));
            }
        }
        if c.level == Level::Township && policy == TownshipSessionPolicy::TwiceYearly {
            let mid: Vec<&Meeting> = meetings_of(st, congress, Body::Congress, jan1, dec31)
                .filter(|m| m.kind == MeetingKind::MidYear)
                .collect();
            let off: Vec<String> = mid
                .iter()
                .filter(|m| !(7..=8).contains(&m.held_on.month()))
                .map(|m| m.id.to_string())
                .collect();
            findings.push(finding(
                "R-M12",
                "mid_year_session_in_q3",
                if mid.is_empty() {
                    CheckStatus::NotCheckable
                } else {
                    status(off.is_empty())
                },
                None,
                Some(mid.len() as u32),
                off,
                if mid.is_empty() {
                    "no mid-year session recorded".into()
                } else {
                    format!("{} mid-year sessions; they fall in July–August", mid.len())
                },
            ));
        }
        if let Some(min) = rules.min_attending_deputies {
            if c.level != Level::Township {
                let mut short = Vec::new();
                let mut unknown = 0u32;
                let mut checked = 0u32;
                for m in meetings_of(st, congress, Body::StandingCommittee, jan1, dec31) {
                    match &m.attendance {
                        None => unknown += 1,
                        Some(a) => {
                            checked += 1;
                            if (a.attending_deputies.len() as u32) < min {
                                short.push(m.id.to_string());
                            }
                        }
                    }
                }
                let st_ = if !short.is_empty() {
                    CheckStatus::Violated
                } else if unknown > 0 {
                    CheckStatus::NotCheckable
                } else {
                    CheckStatus::Holds
                };
                findings.push(finding(
                    "R-M8",
                    "deputies_attending_each_meeting",
                    st_,
                    Some(min),
                    Some(checked),
                    short,
                    format!(
                        "at least {min} deputies attending each standing-committee meeting; {checked} meetings with attendance, {unknown} without"
                    ),
                ));
            }
        }
        Ok(MeetingCompliance {
            congress: congress.clone(),
            year,
            rule_set: set.id.to_string(),
            congress_sessions: sessions_held,
            standing_committee_meetings: sc_meetings,
            findings,
        })
    }

    /// [`Ledger::meeting_compliance`] as JSON; `year` as text (`"2024"`).
    pub fn meeting_compliance_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let y: i32 = year
            .trim()
            .parse()
            .ok()
            .filter(|y| (1949..=9999).contains(y))
            .ok_or_else(|| RendaError::InvalidField {
                field: "year".into(),
                value: year.into(),
                reason: "a calendar year such as 2024".into(),
            })?;
        Ok(crate::wire::to_json(
            &self.meeting_compliance(&congress, y)?,
        ))
    }

    /// The meeting figures of `congress` from `from` to `to`, both included (S001-1, S001-3,
    /// S001-4), with the oversight [`Outputs`].
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(l.oversight_figures(&"hd".parse().unwrap(), d("2024-01-01"), d("2024-12-31")).is_err());
    /// ```
    pub fn oversight_figures(
        &self,
        congress: &CongressId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<OversightFigures> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        if to < from {
            return Err(RendaError::InvalidField {
                field: "to".into(),
                value: to.to_string(),
                reason: format!("must not be before from ({from})"),
            });
        }
        let count = |b| meetings_of(st, congress, b, from, to).count() as u32;
        let by_elections = st
            .deputies
            .values()
            .filter(|d| {
                &d.congress == congress
                    && d.mandate == crate::deputy::Mandate::ByElection
                    && (from..=to).contains(&d.first_day(c))
            })
            .count() as u32;
        let ballots: Vec<&Ballot> = ballots_in(st, congress, from, to).collect();
        Ok(OversightFigures {
            congress: congress.clone(),
            from,
            to,
            congress_sessions: sessions(st, congress, from, to),
            congress_sittings: count(Body::Congress),
            standing_committee_meetings: count(Body::StandingCommittee),
            director_meetings: count(Body::DirectorMeeting),
            by_elections,
            appointments_and_removals: ballots
                .iter()
                .filter(|b| b.adopted && b.kind.counts_persons())
                .map(|b| b.persons.unwrap_or(0))
                .sum(),
            ballots: ballots.len() as u32,
            ballots_adopted: ballots.iter().filter(|b| b.adopted).count() as u32,
            outputs: super::outputs(st, congress, from, to),
        })
    }

    /// [`Ledger::oversight_figures`] as JSON.
    pub fn oversight_figures_to_json(
        &self,
        congress: &str,
        from: &str,
        to: &str,
    ) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let from = crate::time::parse_date("from", from)?;
        let to = crate::time::parse_date("to", to)?;
        Ok(crate::wire::to_json(
            &self.oversight_figures(&congress, from, to)?,
        ))
    }

    /// The ballots taken at meetings of `congress` held from `from` to `to`, ordered by
    /// meeting date, then ballot id.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(l.ballots(&"hd".parse().unwrap(), d("2024-01-01"), d("2024-12-31")).is_err());
    /// ```
    pub fn ballots<'s>(
        &'s self,
        congress: &'s CongressId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<&'s Ballot>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let mut out: Vec<&Ballot> = ballots_in(st, congress, from, to).collect();
        out.sort_by_key(|b| (st.meetings.get(&b.meeting).map(|m| m.held_on), b.id.clone()));
        Ok(out)
    }

    /// [`Ledger::ballots`] as JSON.
    pub fn ballots_to_json(&self, congress: &str, from: &str, to: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let from = crate::time::parse_date("from", from)?;
        let to = crate::time::parse_date("to", to)?;
        Ok(crate::wire::to_json(&self.ballots(&congress, from, to)?))
    }

    /// The meeting `id` with its agenda, attendance and speeches, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.meeting_to_json("m1").unwrap_err().code(), "not_found");
    /// ```
    pub fn meeting_to_json(&self, id: &str) -> Result<String> {
        let id = MeetingId::new(id)?;
        let m = super::meeting::require(self.state(), &id, "meeting")?;
        Ok(crate::wire::to_json(m))
    }
}
