//! Checking and applying the commands of deputies' work with voters: homes and stations
//! (§1.5), activities (§1.4, R-D4), voter issues (W7), points publications, interviews and
//! resignation advice (W6, R-D2).

use crate::activity::{Activity, Triage, VoterIssue};
use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::deputy::workflow::{deputy_and_congress, require_status};
use crate::deputy::DeputyStatus;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{DeputyId, VoterIssueId};
use crate::ledger::check_name;
use crate::period::Cadence;
use crate::points::{PointsPublication, PublicationScope};
use crate::rules::RuleBook;
use crate::state::State;
use crate::station::Station;
use crate::suggestion::SubmissionPeriod;
use chrono::NaiveDate;

/// Checks a command of this family; `seq` is the sequence number of the last recorded event.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    seq: u64,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::RegisterStation {
            station,
            congress,
            name,
            tier,
            parent,
            legislative_contact_point,
        } => {
            State::absent(&st.stations, station, "station")?;
            let c = st.congress(congress, "command.congress")?;
            check_name("command.name", name)?;
            let rules = book.in_force(c.level, date)?;
            if rules.stations.tier(tier).is_none() {
                return Err(RendaError::NotFound {
                    entity: "tier",
                    id: tier.to_string(),
                    field: "command.tier".into(),
                });
            }
            if let Some(p) = parent {
                let ps = station_of(st, p, "command.parent")?;
                if &ps.congress != congress {
                    return Err(RendaError::InvalidField {
                        field: "command.parent".into(),
                        value: p.to_string(),
                        reason: "must serve the same congress".into(),
                    });
                }
            }
            Ok(vec![EventKind::StationRegistered {
                station: Station {
                    id: station.clone(),
                    congress: congress.clone(),
                    name: name.clone(),
                    tier: tier.clone(),
                    parent: parent.clone(),
                    legislative_contact_point: *legislative_contact_point,
                },
            }])
        }
        Command::AssignStation { deputy, station } => {
            let (d, _) = require_status(
                st,
                deputy,
                date,
                "command.deputy",
                DeputyStatus::holds_mandate,
            )?;
            let s = station_of(st, station, "command.station")?;
            if s.congress != d.congress {
                return Err(RendaError::rule_violation(
                    rule_codes::WRONG_CONGRESS,
                    "§1.5",
                    Some("command.station"),
                    Some(station.to_string()),
                    format!(
                        "station `{station}` serves `{}`, deputy `{deputy}` sits in `{}`",
                        s.congress, d.congress
                    ),
                ));
            }
            if d.stations.contains(station) {
                return Err(RendaError::AlreadyExists {
                    entity: "station assignment",
                    id: format!("{deputy}@{station}"),
                });
            }
            Ok(vec![EventKind::StationAssigned {
                deputy: deputy.clone(),
                station: station.clone(),
            }])
        }
        Command::RecordActivity {
            activity,
            congress,
            kind,
            on,
            title,
            participants,
            station,
            voters_received,
            opinions_collected,
            debrief,
        } => {
            State::absent(&st.activities, activity, "activity")?;
            st.congress(congress, "command.congress")?;
            check_name("command.title", title)?;
            if *on > date {
                return Err(RendaError::rule_violation(
                    rule_codes::DATE_IN_FUTURE,
                    "R-D4",
                    Some("command.on"),
                    Some(on.to_string()),
                    format!("an activity on {on} cannot be recorded on {date}"),
                ));
            }
            if participants.is_empty() {
                return Err(RendaError::InvalidField {
                    field: "command.participants".into(),
                    value: "[]".into(),
                    reason: "must name at least one deputy".into(),
                });
            }
            for (i, p) in participants.iter().enumerate() {
                if participants[..i].contains(p) {
                    return Err(RendaError::InvalidField {
                        field: "command.participants".into(),
                        value: p.to_string(),
                        reason: "lists the same deputy twice".into(),
                    });
                }
                // Participants may sit in any congress (city, district and town deputies
                // visit a home together), but must hold office on the day.
                require_status(
                    st,
                    p,
                    *on,
                    "command.participants",
                    DeputyStatus::is_in_office,
                )?;
            }
            if actor.role == Role::Deputy
                && !participants.iter().any(|p| p.as_str() == actor.id.as_str())
            {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "a participant",
                    entity: "activity",
                    id: activity.to_string(),
                    rule: "§6.2 permission matrix (own visit log)",
                });
            }
            if let Some(s) = station {
                station_of(st, s, "command.station")?;
            }
            if debrief.is_some() != (*kind == crate::activity::ActivityKind::Debrief) {
                return Err(RendaError::InvalidField {
                    field: "command.debrief".into(),
                    value: serde_json::to_value(debrief)
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    reason: "is given for a debrief, and only for a debrief".into(),
                });
            }
            Ok(vec![EventKind::ActivityRecorded {
                activity: Activity {
                    id: activity.clone(),
                    congress: congress.clone(),
                    kind: *kind,
                    on: *on,
                    title: title.clone(),
                    participants: participants.clone(),
                    station: station.clone(),
                    voters_received: *voters_received,
                    opinions_collected: *opinions_collected,
                    debrief: *debrief,
                },
            }])
        }
        Command::RecordVoterIssue {
            issue,
            congress,
            summary,
            deputy,
            station,
            activity,
        } => {
            State::absent(&st.voter_issues, issue, "voter issue")?;
            st.congress(congress, "command.congress")?;
            check_name("command.summary", summary)?;
            if let Some(d) = deputy {
                st.deputy(d, "command.deputy")?;
                if actor.role == Role::Deputy && actor.id.as_str() != d.as_str() {
                    return Err(not_receiving_deputy(actor, issue));
                }
            } else if actor.role == Role::Deputy {
                return Err(not_receiving_deputy(actor, issue));
            }
            if let Some(s) = station {
                station_of(st, s, "command.station")?;
            }
            if let Some(a) = activity {
                if !st.activities.contains_key(a) {
                    return Err(RendaError::NotFound {
                        entity: "activity",
                        id: a.to_string(),
                        field: "command.activity".into(),
                    });
                }
            }
            Ok(vec![EventKind::VoterIssueRecorded {
                issue: VoterIssue {
                    id: issue.clone(),
                    congress: congress.clone(),
                    received_on: date,
                    summary: summary.clone(),
                    deputy: deputy.clone(),
                    station: station.clone(),
                    activity: activity.clone(),
                    triage: None,
                    triaged_on: None,
                    answered_on: None,
                    closed_on: None,
                },
            }])
        }
        Command::TriageVoterIssue { issue, triage } => {
            let vi = open_issue(st, issue)?;
            require_receiving_deputy(actor, vi)?;
            if vi.triage.is_some() {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUE_ALREADY_TRIAGED,
                    "W7",
                    Some("command.issue"),
                    Some(issue.to_string()),
                    format!("voter issue `{issue}` was triaged already"),
                ));
            }
            match triage {
                Triage::ForwardedToDepartment { unit } => {
                    st.unit(unit, "command.triage.unit")?;
                }
                Triage::ConvertedToSuggestion { suggestion } => {
                    let s = st
                        .suggestions
                        .get(suggestion)
                        .ok_or_else(|| RendaError::NotFound {
                            entity: "suggestion",
                            id: suggestion.to_string(),
                            field: "command.triage.suggestion".into(),
                        })?;
                    if s.during != SubmissionPeriod::Recess {
                        return Err(RendaError::rule_violation(
                            rule_codes::NOT_RECESS_SUGGESTION,
                            "W7",
                            Some("command.triage.suggestion"),
                            Some(suggestion.to_string()),
                            format!("suggestion `{suggestion}` was submitted during the session, not in recess"),
                        ));
                    }
                    if let Some(d) = &vi.deputy {
                        if &s.lead != d && !s.cosigners.contains(d) {
                            return Err(RendaError::NotParty {
                                actor: d.to_string(),
                                relation: "a proposer of the suggestion",
                                entity: "suggestion",
                                id: suggestion.to_string(),
                                rule: "W7 (the receiving deputy turns the issue into a suggestion)",
                            });
                        }
                    }
                }
                _ => {}
            }
            Ok(vec![EventKind::VoterIssueTriaged {
                issue: issue.clone(),
                triage: triage.clone(),
            }])
        }
        Command::AnswerVoterIssue { issue } => {
            let vi = open_issue(st, issue)?;
            require_triaged(vi)?;
            // A department answers only what was forwarded to it; the government office any
            // forwarded issue; deputies only what they received.
            let forwarded_to = match &vi.triage {
                Some(Triage::ForwardedToDepartment { unit }) => Some(unit.as_str()),
                _ => None,
            };
            let may_answer = match actor.role {
                Role::HandlingUnit => forwarded_to == Some(actor.id.as_str()),
                Role::GovernmentOffice => forwarded_to.is_some(),
                _ => true,
            };
            if !may_answer {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the department it was forwarded to",
                    entity: "voter issue",
                    id: issue.to_string(),
                    rule: "§6.2 permission matrix (voter issue)",
                });
            }
            require_receiving_deputy(actor, vi)?;
            if vi.answered_on.is_some() {
                return Err(RendaError::AlreadyExists {
                    entity: "answer",
                    id: issue.to_string(),
                });
            }
            Ok(vec![EventKind::VoterIssueAnswered {
                issue: issue.clone(),
            }])
        }
        Command::CloseVoterIssue { issue } => {
            let vi = open_issue(st, issue)?;
            require_triaged(vi)?;
            Ok(vec![EventKind::VoterIssueClosed {
                issue: issue.clone(),
            }])
        }
        Command::PublishPoints {
            congress,
            period,
            scope,
        } => {
            let c = st.congress(congress, "command.congress")?;
            let table = crate::points::point_table(book, c.level, &c.id, date, "command.congress")?;
            // R-D2: the standing committee publishes yearly for every deputy, street organs
            // quarterly at their homes and stations.
            let publisher = match scope {
                PublicationScope::Congress => Role::StandingCommittee,
                PublicationScope::Station(_) => Role::StreetWorkingCommittee,
            };
            if actor.role != publisher {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: match scope {
                        PublicationScope::Congress => "the standing committee (annual publication)",
                        PublicationScope::Station(_) => {
                            "the street or town organ (quarterly publication at a home or station)"
                        }
                    },
                    entity: "points publication",
                    id: format!("{congress}/{period}"),
                    rule: "R-D2",
                });
            }
            let wanted = match scope {
                PublicationScope::Congress => Cadence::Year,
                PublicationScope::Station(s) => {
                    let s = station_of(st, s, "command.scope.station")?;
                    if &s.congress != congress {
                        return Err(RendaError::InvalidField {
                            field: "command.scope.station".into(),
                            value: s.id.to_string(),
                            reason: "must serve the congress".into(),
                        });
                    }
                    Cadence::Quarter
                }
            };
            if period.cadence() != wanted {
                return Err(RendaError::rule_violation(
                    rule_codes::WRONG_PUBLICATION_PERIOD,
                    "R-D2",
                    Some("command.period"),
                    Some(period.to_string()),
                    "points are published per quarter at a home or station and per year for the whole congress",
                ));
            }
            if period.last_day() >= date {
                return Err(RendaError::rule_violation(
                    rule_codes::PERIOD_NOT_OVER,
                    "R-D2",
                    Some("command.period"),
                    Some(period.to_string()),
                    format!("{period} ends on {}", period.last_day()),
                ));
            }
            if st
                .points_publications
                .iter()
                .any(|p| &p.congress == congress && p.period == *period && &p.scope == scope)
            {
                return Err(RendaError::AlreadyExists {
                    entity: "points publication",
                    id: match scope {
                        PublicationScope::Congress => format!("{congress}/{period}"),
                        PublicationScope::Station(s) => format!("{congress}/{period}/{s}"),
                    },
                });
            }
            let rows = crate::points::compute(st, table, congress, *period, scope);
            Ok(vec![EventKind::PointsPublished {
                publication: PointsPublication {
                    congress: congress.clone(),
                    period: *period,
                    scope: scope.clone(),
                    published_on: date,
                    through_seq: seq,
                    rows,
                },
            }])
        }
        Command::RecordInterview { deputy } => {
            let (d, _) = require_status(
                st,
                deputy,
                date,
                "command.deputy",
                DeputyStatus::holds_mandate,
            )?;
            let (publication, points, threshold) = latest_assessment(st, book, deputy)?;
            if points >= threshold {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_BELOW_THRESHOLD,
                    "R-D2",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` has {points} points in {}, not below {threshold}",
                        publication.period
                    ),
                ));
            }
            Ok(vec![
                EventKind::InterviewHeld {
                    deputy: deputy.clone(),
                    period: publication.period,
                    points,
                    threshold,
                },
                EventKind::ElectoralUnitNotified {
                    deputy: deputy.clone(),
                    elected_by: d.profile.elected_by.clone(),
                },
            ])
        }
        Command::AdviseResignation { deputy } => {
            let (d, _) = require_status(
                st,
                deputy,
                date,
                "command.deputy",
                DeputyStatus::holds_mandate,
            )?;
            let Some(last_interview) = d.interviews.last().copied() else {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_INTERVIEW,
                    "R-D2",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!("deputy `{deputy}` has not been interviewed"),
                ));
            };
            let (publication, points, threshold) = latest_assessment(st, book, deputy)?;
            if publication.published_on <= last_interview {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_LATER_ASSESSMENT,
                    "R-D2",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!("no annual points publication since the interview on {last_interview}"),
                ));
            }
            if points >= threshold {
                return Err(RendaError::rule_violation(
                    rule_codes::IMPROVED_AFTER_INTERVIEW,
                    "R-D2",
                    Some("command.deputy"),
                    Some(deputy.to_string()),
                    format!(
                        "deputy `{deputy}` has {points} points in {}, at or above {threshold}",
                        publication.period
                    ),
                ));
            }
            Ok(vec![EventKind::ResignationAdvised {
                deputy: deputy.clone(),
            }])
        }
        Command::NotifyEmployer { deputy, reason } => {
            deputy_and_congress(st, deputy)?;
            check_name("command.reason", reason)?;
            Ok(vec![EventKind::EmployerNotified {
                deputy: deputy.clone(),
                reason: reason.clone(),
            }])
        }
        other => unreachable!("not an engagement command: {}", other.type_name()),
    }
}

/// Applies an event of this family.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::StationRegistered { station } => {
            state.congress(&station.congress, "event.station.congress")?;
            state.stations.insert(station.id.clone(), station.clone());
        }
        EventKind::StationAssigned { deputy, station } => {
            let tier = station_of(state, station, "event.station")?.tier.clone();
            let stations = &state.stations;
            let d = state
                .deputies
                .get_mut(deputy)
                .ok_or_else(|| not_found_deputy(deputy))?;
            // One home or station per tier: the new one replaces the old.
            d.stations
                .retain(|s| stations.get(s).is_none_or(|old| old.tier != tier));
            d.stations.push(station.clone());
        }
        EventKind::ActivityRecorded { activity } => {
            state.congress(&activity.congress, "event.activity.congress")?;
            for p in &activity.participants {
                state.deputy(p, "event.activity.participants")?;
            }
            state
                .activities
                .insert(activity.id.clone(), activity.clone());
        }
        EventKind::VoterIssueRecorded { issue } => {
            state.congress(&issue.congress, "event.issue.congress")?;
            state.voter_issues.insert(issue.id.clone(), issue.clone());
        }
        EventKind::VoterIssueTriaged { issue, triage } => {
            let vi = issue_mut(state, issue)?;
            vi.triage = Some(triage.clone());
            vi.triaged_on = Some(date);
        }
        EventKind::VoterIssueAnswered { issue } => {
            issue_mut(state, issue)?.answered_on = Some(date);
        }
        EventKind::VoterIssueClosed { issue } => {
            issue_mut(state, issue)?.closed_on = Some(date);
        }
        EventKind::PointsPublished { publication } => {
            state.congress(&publication.congress, "event.publication.congress")?;
            state.points_publications.push(publication.clone());
        }
        EventKind::InterviewHeld { deputy, .. } => {
            state
                .deputies
                .get_mut(deputy)
                .ok_or_else(|| not_found_deputy(deputy))?
                .interviews
                .push(date);
        }
        EventKind::ElectoralUnitNotified { deputy, .. }
        | EventKind::EmployerNotified { deputy, .. } => {
            state.deputy(deputy, "event.deputy")?;
        }
        EventKind::ResignationAdvised { deputy } => {
            state
                .deputies
                .get_mut(deputy)
                .ok_or_else(|| not_found_deputy(deputy))?
                .resignation_advised = Some(date);
        }
        other => unreachable!("not an engagement event: {}", other.type_name()),
    }
    Ok(())
}

/// The latest annual congress-wide publication listing the deputy, their points in it, and the
/// interview threshold of the rule set in force.
fn latest_assessment<'s>(
    st: &'s State,
    book: &RuleBook,
    deputy: &DeputyId,
) -> Result<(&'s PointsPublication, u32, u32)> {
    let (d, c) = deputy_and_congress(st, deputy)?;
    let not_below = |why: String| {
        RendaError::rule_violation(
            rule_codes::NOT_BELOW_THRESHOLD,
            "R-D2",
            Some("command.deputy"),
            Some(deputy.to_string()),
            why,
        )
    };
    let (publication, row) = st
        .points_publications
        .iter()
        .rev()
        .filter(|p| p.congress == d.congress && p.scope == PublicationScope::Congress)
        .find_map(|p| p.rows.iter().find(|r| &r.deputy == deputy).map(|r| (p, r)))
        .ok_or_else(|| {
            RendaError::rule_violation(
                rule_codes::NOT_ASSESSED,
                "R-D2",
                Some("command.deputy"),
                Some(deputy.to_string()),
                format!("no annual points publication lists deputy `{deputy}`"),
            )
        })?;
    let rules = book.in_force(c.level, publication.published_on)?;
    let threshold = rules
        .points
        .as_ref()
        .and_then(|p| p.interview_below)
        .ok_or_else(|| {
            not_below(format!(
                "the rule set `{}` sets no interview threshold",
                rules.id
            ))
        })?;
    Ok((publication, row.points, threshold))
}

fn station_of<'s>(st: &'s State, id: &crate::ids::StationId, field: &str) -> Result<&'s Station> {
    st.stations.get(id).ok_or_else(|| RendaError::NotFound {
        entity: "station",
        id: id.to_string(),
        field: field.into(),
    })
}

fn open_issue<'s>(st: &'s State, id: &VoterIssueId) -> Result<&'s VoterIssue> {
    let vi = st
        .voter_issues
        .get(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "voter issue",
            id: id.to_string(),
            field: "command.issue".into(),
        })?;
    if vi.closed_on.is_some() {
        return Err(RendaError::rule_violation(
            rule_codes::ISSUE_CLOSED,
            "W7",
            Some("command.issue"),
            Some(id.to_string()),
            format!("voter issue `{id}` is closed"),
        ));
    }
    Ok(vi)
}

fn require_triaged(vi: &VoterIssue) -> Result<()> {
    if vi.triage.is_none() {
        return Err(RendaError::rule_violation(
            rule_codes::ISSUE_NOT_TRIAGED,
            "W7",
            Some("command.issue"),
            Some(vi.id.to_string()),
            format!("voter issue `{}` has not been triaged", vi.id),
        ));
    }
    Ok(())
}

fn require_receiving_deputy(actor: &Actor, vi: &VoterIssue) -> Result<()> {
    if actor.role == Role::Deputy
        && vi
            .deputy
            .as_ref()
            .is_none_or(|d| d.as_str() != actor.id.as_str())
    {
        return Err(not_receiving_deputy(actor, &vi.id));
    }
    Ok(())
}

fn not_receiving_deputy(actor: &Actor, issue: &VoterIssueId) -> RendaError {
    RendaError::NotParty {
        actor: actor.id.to_string(),
        relation: "the receiving deputy",
        entity: "voter issue",
        id: issue.to_string(),
        rule: "§6.2 permission matrix (voter issue)",
    }
}

fn issue_mut<'s>(state: &'s mut State, id: &VoterIssueId) -> Result<&'s mut VoterIssue> {
    state
        .voter_issues
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "voter issue",
            id: id.to_string(),
            field: "event.issue".into(),
        })
}

fn not_found_deputy(id: &DeputyId) -> RendaError {
    RendaError::NotFound {
        entity: "deputy",
        id: id.to_string(),
        field: "event.deputy".into(),
    }
}
