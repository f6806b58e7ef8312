//! Checking and applying the deputy commands: registration against the quota (L-7), profile
//! updates, standing-committee membership (L-6), resignation (L-9), absences and other ends of
//! the qualification (L-11), suspension.

use super::{CommitteeMember, DeputyStatus, StatusChange, TerminationReason};
use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId};
use crate::registry::{Absence, Deputy};
use crate::rules::RuleBook;
use crate::state::State;
use chrono::NaiveDate;

/// Checks a deputy command; returns the events it records.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::RegisterDeputy {
            deputy,
            congress,
            name,
            contact,
            profile,
            elected_on,
            mandate,
        } => {
            State::absent(&st.deputies, deputy, "deputy")?;
            let c = st.congress(congress, "command.congress")?;
            crate::ledger::check_name("command.name", name)?;
            if let Some(ct) = contact {
                for (field, value) in [
                    ("command.contact.phone", &ct.phone),
                    ("command.contact.id_number", &ct.id_number),
                    ("command.contact.address", &ct.address),
                ] {
                    if let Some(v) = value {
                        crate::ledger::check_name(field, v)?;
                    }
                }
            }
            for (field, text) in profile.texts() {
                crate::ledger::check_name(&format!("command.{field}"), text)?;
            }
            let first = elected_on.unwrap_or(c.term_start);
            if first < c.term_start || first > c.term_end {
                return Err(RendaError::InvalidField {
                    field: "command.elected_on".into(),
                    value: first.to_string(),
                    reason: format!(
                        "must fall within the term ({} to {})",
                        c.term_start, c.term_end
                    ),
                });
            }
            // L-7: the quota bounds the deputies holding the mandate on every day from the new
            // deputy's first day on, counting those who take office later (a by-election
            // recorded early) as well as those already in office; a by-election fills a seat
            // left vacant by a termination.
            if let (Some(population), Ok(rules)) = (c.population, book.in_force(c.level, first)) {
                if let Some(formula) = rules.deputy.quota.get(&c.level) {
                    let quota = formula.quota(population) as usize;
                    let (day, holding) = busiest_day(st, c, first);
                    if holding >= quota {
                        return Err(RendaError::rule_violation(
                            rule_codes::DEPUTY_QUOTA_EXCEEDED,
                            "L-7",
                            Some("command.deputy"),
                            Some(deputy.to_string()),
                            format!(
                                "congress `{congress}` has {holding} deputies holding the mandate on {day}; its quota for a population of {population} is {quota}"
                            ),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::DeputyRegistered {
                deputy: deputy.clone(),
                congress: congress.clone(),
                name: name.clone(),
                contact: contact.clone().filter(|c| *c != Default::default()),
                profile: profile.clone(),
                elected_on: *elected_on,
                mandate: *mandate,
            }])
        }
        Command::UpdateDeputyProfile { deputy, profile } => {
            st.deputy(deputy, "command.deputy")?;
            require_self_or_office(actor, deputy)?;
            for (field, text) in profile.texts() {
                crate::ledger::check_name(&format!("command.{field}"), text)?;
            }
            if profile.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.profile".into(),
                    value: "{}".into(),
                    reason: "must give at least one attribute".into(),
                });
            }
            Ok(vec![EventKind::DeputyProfileUpdated {
                deputy: deputy.clone(),
                profile: profile.clone(),
            }])
        }
        Command::JoinStandingCommittee {
            deputy,
            post,
            full_time,
            can_serve_two_terms,
            new_this_term,
        } => {
            let (d, c) = in_office(st, deputy, date)?;
            if c.level == crate::registry::Level::Township {
                return Err(RendaError::InvalidField {
                    field: "command.deputy".into(),
                    value: deputy.to_string(),
                    reason: "a township congress has no standing committee (its presidium acts between sessions)".into(),
                });
            }
            State::absent(&st.committee_members, deputy, "standing-committee member")?;
            if let (Some(population), Ok(rules)) = (c.population, book.in_force(c.level, date)) {
                if let Some(size) = rules.deputy.committee_size.get(&c.level) {
                    let max = size.max_for(population);
                    let members = committee_size(st, &d.congress);
                    if members >= max as usize {
                        return Err(RendaError::rule_violation(
                            rule_codes::COMMITTEE_SIZE_EXCEEDED,
                            "L-6",
                            Some("command.deputy"),
                            Some(deputy.to_string()),
                            format!(
                                "the standing committee of `{}` has {members} members; at most {max} for a population of {population}",
                                d.congress
                            ),
                        ));
                    }
                }
            }
            Ok(vec![EventKind::StandingCommitteeJoined {
                deputy: deputy.clone(),
                post: *post,
                full_time: *full_time,
                can_serve_two_terms: *can_serve_two_terms,
                new_this_term: *new_this_term,
            }])
        }
        Command::SubmitResignation { deputy } => {
            require_self_or_office(actor, deputy)?;
            let (d, _) = in_office_or_suspended(st, deputy, date)?;
            if d.resignation_submitted.is_some() {
                return Err(RendaError::AlreadyExists {
                    entity: "resignation",
                    id: deputy.to_string(),
                });
            }
            Ok(vec![EventKind::ResignationSubmitted {
                deputy: deputy.clone(),
            }])
        }
        Command::DecideResignation { deputy, vote } => {
            let (d, c) = in_office_or_suspended(st, deputy, date)?;
            // L-9: the standing committee decides for county level and above; for a township
            // deputy the township congress, recorded by its presidium.
            let township = c.level == crate::registry::Level::Township;
            let body = if township {
                Role::StreetWorkingCommittee
            } else {
                Role::StandingCommittee
            };
            if actor.role != body {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: if township {
                        "the township congress (recorded by its presidium)"
                    } else {
                        "the standing committee"
                    },
                    entity: "deputy",
                    id: deputy.to_string(),
                    rule: "L-9",
                });
            }
            if d.resignation_submitted.is_none() {
                return Err(RendaError::rule_violation(
                    rule_codes::RESIGNATION_NOT_SUBMITTED,
                    "L-9",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!("deputy `{deputy}` has not handed in a written resignation"),
                ));
            }
            vote.validate("command.vote")?;
            // L-9: a county-level (and above) deputy's resignation goes to the standing
            // committee; a township deputy's to the township congress itself.
            let (expected, who) = if c.level == crate::registry::Level::Township {
                (Some(holding_mandate(st, &d.congress, date)), "congress")
            } else {
                (
                    Some(committee_size(st, &d.congress)).filter(|n| *n > 0),
                    "standing committee",
                )
            };
            vote.check_members(expected, &format!("the {who} of `{}`", d.congress), "L-9")?;
            if vote.passes_majority_of_all() {
                Ok(vec![
                    EventKind::ResignationAccepted {
                        deputy: deputy.clone(),
                        vote: *vote,
                    },
                    EventKind::QualificationTerminated {
                        deputy: deputy.clone(),
                        reason: TerminationReason::Resigned,
                    },
                ])
            } else {
                Ok(vec![EventKind::ResignationNotAccepted {
                    deputy: deputy.clone(),
                    vote: *vote,
                }])
            }
        }
        Command::RecordAbsence {
            deputy,
            session,
            excused,
        } => {
            let (d, c) = in_office_or_suspended(st, deputy, date)?;
            if d.absences.iter().any(|a| &a.session == session) {
                return Err(RendaError::AlreadyExists {
                    entity: "absence",
                    id: format!("{deputy}@{session}"),
                });
            }
            let mut events = vec![EventKind::AbsenceRecorded {
                deputy: deputy.clone(),
                session: session.clone(),
                excused: *excused,
            }];
            if !excused {
                let limit = book.in_force(c.level, date)?.deputy.unexcused_absence_limit;
                let unexcused = d.absences.iter().filter(|a| !a.excused).count() + 1;
                if unexcused >= limit as usize {
                    events.push(EventKind::QualificationTerminated {
                        deputy: deputy.clone(),
                        reason: TerminationReason::TwoUnexcusedAbsences,
                    });
                }
            }
            Ok(events)
        }
        Command::TerminateQualification { deputy, reason } => {
            in_office_or_suspended(st, deputy, date)?;
            if reason.has_own_procedure() {
                return Err(RendaError::rule_violation(
                    rule_codes::REASON_HAS_OWN_PROCEDURE,
                    reason.rule(),
                    Some("command.reason"),
                    Some(reason.as_str().to_string()),
                    "a resignation ends the qualification through decide_resignation, absences through record_absence",
                ));
            }
            Ok(vec![EventKind::QualificationTerminated {
                deputy: deputy.clone(),
                reason: *reason,
            }])
        }
        Command::SuspendDeputy { deputy, reason } => {
            in_office(st, deputy, date)?;
            crate::ledger::check_name("command.reason", reason)?;
            Ok(vec![EventKind::DeputySuspended {
                deputy: deputy.clone(),
                reason: reason.clone(),
            }])
        }
        Command::ReinstateDeputy { deputy } => {
            let (d, c) = deputy_and_congress(st, deputy)?;
            if d.status_on(c, date) != DeputyStatus::Suspended {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_SUSPENDED,
                    "L-11",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` is {} on {date}",
                        d.status_on(c, date).as_str()
                    ),
                ));
            }
            Ok(vec![EventKind::DeputyReinstated {
                deputy: deputy.clone(),
            }])
        }
        other => unreachable!("not a deputy command: {}", other.type_name()),
    }
}

/// Applies a deputy event.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::DeputyRegistered {
            deputy,
            congress,
            name,
            contact,
            profile,
            elected_on,
            mandate,
        } => {
            state.congress(congress, "event.congress")?;
            state.deputies.insert(
                deputy.clone(),
                Deputy {
                    id: deputy.clone(),
                    congress: congress.clone(),
                    name: name.clone(),
                    contact: contact.clone(),
                    profile: profile.clone(),
                    elected_on: *elected_on,
                    mandate: *mandate,
                    history: Vec::new(),
                    resignation_submitted: None,
                    absences: Vec::new(),
                    stations: Vec::new(),
                    interviews: Vec::new(),
                    resignation_advised: None,
                },
            );
        }
        EventKind::DeputyProfileUpdated { deputy, profile } => {
            let d = deputy_mut(state, deputy)?;
            d.profile = d.profile.merged(profile);
        }
        EventKind::StandingCommitteeJoined {
            deputy,
            post,
            full_time,
            can_serve_two_terms,
            new_this_term,
        } => {
            let congress = state.deputy(deputy, "event.deputy")?.congress.clone();
            state.committee_members.insert(
                deputy.clone(),
                CommitteeMember {
                    deputy: deputy.clone(),
                    congress,
                    post: *post,
                    from: date,
                    full_time: *full_time,
                    can_serve_two_terms: *can_serve_two_terms,
                    new_this_term: *new_this_term,
                },
            );
        }
        EventKind::ResignationSubmitted { deputy } => {
            deputy_mut(state, deputy)?.resignation_submitted = Some(date);
        }
        EventKind::ResignationAccepted { deputy, .. }
        | EventKind::ResignationNotAccepted { deputy, .. } => {
            deputy_mut(state, deputy)?.resignation_submitted = None;
        }
        EventKind::AbsenceRecorded {
            deputy,
            session,
            excused,
        } => {
            deputy_mut(state, deputy)?.absences.push(Absence {
                session: session.clone(),
                on: date,
                excused: *excused,
            });
        }
        EventKind::QualificationTerminated { deputy, reason } => {
            deputy_mut(state, deputy)?.history.push(StatusChange {
                on: date,
                change: DeputyStatus::Terminated,
                reason: Some(*reason),
            });
            // A deputy who is no longer a deputy leaves the standing committee too.
            state.committee_members.remove(deputy);
        }
        EventKind::DeputySuspended { deputy, .. } => {
            deputy_mut(state, deputy)?.history.push(StatusChange {
                on: date,
                change: DeputyStatus::Suspended,
                reason: None,
            });
        }
        EventKind::DeputyReinstated { deputy } => {
            deputy_mut(state, deputy)?.history.push(StatusChange {
                on: date,
                change: DeputyStatus::InOffice,
                reason: None,
            });
        }
        other => unreachable!("not a deputy event: {}", other.type_name()),
    }
    Ok(())
}

fn deputy_mut<'s>(state: &'s mut State, id: &DeputyId) -> Result<&'s mut Deputy> {
    state
        .deputies
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "deputy",
            id: id.to_string(),
            field: "event.deputy".into(),
        })
}

/// The deputy and their congress.
pub(crate) fn deputy_and_congress<'s>(
    st: &'s State,
    id: &DeputyId,
) -> Result<(&'s Deputy, &'s crate::registry::Congress)> {
    let d = st.deputy(id, "command.deputy")?;
    let c = st.congress(&d.congress, "deputy.congress")?;
    Ok((d, c))
}

/// The deputy, who must be in office (not suspended) on `date`.
pub(crate) fn in_office<'s>(
    st: &'s State,
    id: &DeputyId,
    date: NaiveDate,
) -> Result<(&'s Deputy, &'s crate::registry::Congress)> {
    require_status(st, id, date, "command.deputy", DeputyStatus::is_in_office)
}

/// The deputy, who must still hold the mandate (in office or suspended) on `date`.
fn in_office_or_suspended<'s>(
    st: &'s State,
    id: &DeputyId,
    date: NaiveDate,
) -> Result<(&'s Deputy, &'s crate::registry::Congress)> {
    require_status(st, id, date, "command.deputy", DeputyStatus::holds_mandate)
}

/// The deputy, whose status on `date` must pass `ok`; `not_in_office` naming `field` if not.
pub(crate) fn require_status<'s>(
    st: &'s State,
    id: &DeputyId,
    date: NaiveDate,
    field: &str,
    ok: fn(DeputyStatus) -> bool,
) -> Result<(&'s Deputy, &'s crate::registry::Congress)> {
    let d = st.deputy(id, field)?;
    let c = st.congress(&d.congress, "deputy.congress")?;
    let status = d.status_on(c, date);
    if !ok(status) {
        return Err(RendaError::rule_violation(
            rule_codes::NOT_IN_OFFICE,
            "L-11",
            Some(field),
            Some(id.to_string()),
            format!("deputy `{id}` is {} on {date}", status.as_str()),
        ));
    }
    Ok((d, c))
}

/// Deputies of `congress` holding the mandate (in office or suspended) on `date`.
pub(crate) fn holding_mandate(st: &State, congress: &CongressId, date: NaiveDate) -> usize {
    let Some(c) = st.congresses.get(congress) else {
        return 0;
    };
    st.deputies
        .values()
        .filter(|d| &d.congress == congress && d.status_on(c, date).holds_mandate())
        .count()
}

/// The day from `from` on when most deputies of congress `c` hold the mandate, and how many.
/// The count only rises on a deputy's first day, so those days (and `from`) are the ones to
/// look at.
fn busiest_day(st: &State, c: &crate::registry::Congress, from: NaiveDate) -> (NaiveDate, usize) {
    let members: Vec<&Deputy> = st
        .deputies
        .values()
        .filter(|d| d.congress == c.id)
        .collect();
    let days: std::collections::BTreeSet<NaiveDate> = members
        .iter()
        .map(|d| d.first_day(c).max(from))
        .chain([from])
        .collect();
    days.into_iter()
        .map(|day| {
            let n = members
                .iter()
                .filter(|d| d.status_on(c, day).holds_mandate())
                .count();
            (day, n)
        })
        .max_by_key(|&(day, n)| (n, std::cmp::Reverse(day)))
        .unwrap_or((from, 0))
}

/// Current members of the standing committee of `congress`.
pub(crate) fn committee_size(st: &State, congress: &CongressId) -> usize {
    st.committee_members
        .values()
        .filter(|m| &m.congress == congress)
        .count()
}

/// A deputy acts only for themself; the office may act for anyone.
fn require_self_or_office(actor: &Actor, deputy: &DeputyId) -> Result<()> {
    if actor.role == Role::Deputy && actor.id.as_str() != deputy.as_str() {
        return Err(RendaError::NotParty {
            actor: actor.id.to_string(),
            relation: "the deputy themself",
            entity: "deputy",
            id: deputy.to_string(),
            rule: "§6.2 permission matrix",
        });
    }
    Ok(())
}
