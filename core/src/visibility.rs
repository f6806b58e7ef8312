//! Read permissions: what each reader may see (domain §6.2 and its visibility rules).
//!
//! Commands are checked by [`crate::permissions`]; reads by this module. A trusted back end
//! reads the whole ledger ([`Ledger::state`], [`Ledger::events`], [`Ledger::figures_for`]); a
//! query made *on behalf of* someone goes through the `*_as` methods here, which remove what
//! that reader may not see:
//!
//! | What | Hidden from | Until |
//! |---|---|---|
//! | a deputy's personal data ([`Contact`]: phone, ID number, address) | everyone but `admin`, `deputy_affairs_office` and the deputy | never shown to them |
//! | ratings ([`crate::Command::GiveFeedback`]) in back-to-back mode ([`crate::rules::SuggestionRules::back_to_back_feedback`]) | `handling_unit`, `government_office` | the congress publishes its results ([`crate::Command::PublishResults`]) on or after the rating's date |
//! | figures as of a date | `public` | the results of every congress in scope are published on or after that date |
//! | a deputy's performance records: interviews (约谈), resignation advice (劝辞), notices to the employer or electoral unit (R-D2) | everyone but `admin`, `deputy_affairs_office`, `standing_committee`, `director_meeting` and the deputy | never shown to them |
//! | voter issues (W7) | `public`, `third_party_evaluator`, `standing_committee` (plenary); a deputy sees those they received, a handling unit those forwarded to it | never shown to them |
//! | points as they stand ([`Ledger::points_as`]) | `public` (who sees the publications); a deputy sees only their own row | — |
//! | back-to-back quality ratings of key suggestions ([`crate::Command::RateKeyQuality`], R-S8; [`Ledger::key_assessment_as`]) | everyone but `admin`, `deputy_affairs_office`, `standing_committee`, `director_meeting` and the rating deputy (handling units and the government office above all) | the congress announces the assessment ([`crate::Command::PublishKeyAssessment`]) |
//! | suggestions outside its samples, and other evaluators' evaluations (W3; [`Ledger::evaluation_sample_as`]) | a `third_party_evaluator` | never shown to it |
//!
//! Hidden ratings are removed from the state and their `feedback_given` events from the log,
//! so the figures a handling unit computes ([`Ledger::figures_as`]) count no unpublished
//! rating either. (A view's log is not the whole chain, so it does not verify: it is a view.)
//!
//! ```
//! use renda::{Actor, Ledger, Role};
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽","contact":{"phone":"13800000000"}}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let public = Actor::new(Role::Public, "visitor").unwrap();
//! assert!(ledger.state_as(&public).deputies.values().all(|d| d.contact.is_none()));
//! let office = Actor::new(Role::DeputyAffairsOffice, "office").unwrap();
//! assert!(ledger.state_as(&office).deputies.values().all(|d| d.contact.is_some()));
//! ```

use crate::actor::{Actor, Role};
use crate::error::{RendaError, Result};
use crate::event::{Event, EventKind};
use crate::figures::{FigureFilter, SuggestionFigures};
use crate::ids::CongressId;
use crate::ledger::Ledger;
use crate::registry::Deputy;
use crate::state::State;
use chrono::NaiveDate;

#[cfg(doc)]
use crate::registry::Contact;

/// Whether `reader` may see the personal data of `deputy`.
///
/// ```
/// use renda::{visibility::may_see_personal_data, Actor, Role, DeputyId};
/// let d: DeputyId = "D1".parse().unwrap();
/// assert!(may_see_personal_data(&Actor::new(Role::Deputy, "D1").unwrap(), &d));
/// assert!(!may_see_personal_data(&Actor::new(Role::Deputy, "D2").unwrap(), &d));
/// assert!(!may_see_personal_data(&Actor::new(Role::HandlingUnit, "edu").unwrap(), &d));
/// ```
pub fn may_see_personal_data(reader: &Actor, deputy: &crate::DeputyId) -> bool {
    match reader.role {
        Role::Admin | Role::DeputyAffairsOffice => true,
        Role::Deputy => reader.id.as_str() == deputy.as_str(),
        _ => false,
    }
}

/// Whether `reader` may see the performance records of `deputy` (interviews, resignation
/// advice, notices to the employer or electoral unit; domain §6.2 "Interview").
///
/// ```
/// use renda::{visibility::may_see_performance_records, Actor, Role, DeputyId};
/// let d: DeputyId = "D1".parse().unwrap();
/// assert!(may_see_performance_records(&Actor::new(Role::Deputy, "D1").unwrap(), &d));
/// assert!(may_see_performance_records(&Actor::new(Role::StandingCommittee, "sc").unwrap(), &d));
/// assert!(!may_see_performance_records(&Actor::new(Role::Public, "p").unwrap(), &d));
/// ```
pub fn may_see_performance_records(reader: &Actor, deputy: &crate::DeputyId) -> bool {
    match reader.role {
        Role::Admin
        | Role::DeputyAffairsOffice
        | Role::StandingCommittee
        | Role::DirectorMeeting => true,
        Role::Deputy => reader.id.as_str() == deputy.as_str(),
        _ => false,
    }
}

/// Whether `reader` may see a voter issue (domain §6.2 "Home/station visit log; voter issue").
///
/// ```
/// use renda::{visibility::may_see_voter_issue, Actor, Role};
/// let issue: renda::activity::VoterIssue = serde_json::from_str(r#"{"id":"V1","congress":"hd",
///   "received_on":"2025-01-16","summary":"小区停车难","deputy":"D1",
///   "triage":{"outcome":"forwarded_to_department","unit":"edu"}}"#).unwrap();
/// assert!(may_see_voter_issue(&Actor::new(Role::Deputy, "D1").unwrap(), &issue));
/// assert!(!may_see_voter_issue(&Actor::new(Role::Deputy, "D2").unwrap(), &issue));
/// assert!(may_see_voter_issue(&Actor::new(Role::HandlingUnit, "edu").unwrap(), &issue));
/// assert!(!may_see_voter_issue(&Actor::new(Role::HandlingUnit, "fin").unwrap(), &issue));
/// assert!(!may_see_voter_issue(&Actor::new(Role::Public, "p").unwrap(), &issue));
/// ```
pub fn may_see_voter_issue(reader: &Actor, issue: &crate::activity::VoterIssue) -> bool {
    use crate::activity::Triage;
    match reader.role {
        Role::Admin
        | Role::DeputyAffairsOffice
        | Role::SpecialCommittee
        | Role::DirectorMeeting
        | Role::StreetWorkingCommittee
        | Role::GovernmentOffice => true,
        Role::Deputy => issue
            .deputy
            .as_ref()
            .is_some_and(|d| d.as_str() == reader.id.as_str()),
        Role::HandlingUnit => matches!(
            &issue.triage,
            Some(Triage::ForwardedToDepartment { unit }) if unit.as_str() == reader.id.as_str()
        ),
        Role::StandingCommittee | Role::ThirdPartyEvaluator | Role::Public => false,
    }
}

/// Whether `role` is kept from unpublished ratings in back-to-back mode (the handling unit and
/// government staff, domain §6.2).
///
/// ```
/// use renda::{visibility::kept_from_unpublished_ratings, Role};
/// assert!(kept_from_unpublished_ratings(Role::HandlingUnit));
/// assert!(!kept_from_unpublished_ratings(Role::DeputyAffairsOffice));
/// ```
pub fn kept_from_unpublished_ratings(role: Role) -> bool {
    matches!(role, Role::HandlingUnit | Role::GovernmentOffice)
}

/// Whether `role` sees figures only once published.
///
/// ```
/// assert!(renda::visibility::sees_published_figures_only(renda::Role::Public));
/// ```
pub fn sees_published_figures_only(role: Role) -> bool {
    matches!(role, Role::Public)
}

impl Ledger {
    /// The state as `reader` may see it.
    pub fn state_as(&self, reader: &Actor) -> State {
        let st = self.state();
        let mut out = st.clone();
        for d in out.deputies.values_mut() {
            redact_deputy(reader, d);
        }
        out.voter_issues
            .retain(|_, v| may_see_voter_issue(reader, v));
        if kept_from_unpublished_ratings(reader.role) {
            for s in out.suggestions.values_mut() {
                let congress = s.congress.clone();
                s.feedback
                    .retain(|f| self.rating_visible(st, &congress, f.on));
            }
        }
        self.redact_key_supervision(reader, &mut out);
        out
    }

    /// The event log as `reader` may see it (hidden ratings left out, personal data removed).
    pub fn events_as(&self, reader: &Actor) -> Vec<Event> {
        let st = self.state();
        let hide_ratings = kept_from_unpublished_ratings(reader.role);
        let key_supervision = self.key_supervision_event_filter(reader);
        self.events()
            .iter()
            .filter(|e| key_supervision(e))
            .filter(|e| match &e.event {
                // A rating's date is its event's date.
                EventKind::FeedbackGiven { suggestion, .. } if hide_ratings => st
                    .suggestions
                    .get(suggestion)
                    .is_none_or(|s| self.rating_visible(st, &s.congress, e.at.china_date())),
                EventKind::InterviewHeld { deputy, .. }
                | EventKind::ElectoralUnitNotified { deputy, .. }
                | EventKind::ResignationAdvised { deputy }
                | EventKind::EmployerNotified { deputy, .. } => {
                    may_see_performance_records(reader, deputy)
                }
                EventKind::VoterIssueRecorded { issue } => st
                    .voter_issues
                    .get(&issue.id)
                    .is_some_and(|v| may_see_voter_issue(reader, v)),
                EventKind::VoterIssueTriaged { issue, .. }
                | EventKind::VoterIssueAnswered { issue }
                | EventKind::VoterIssueClosed { issue } => st
                    .voter_issues
                    .get(issue)
                    .is_some_and(|v| may_see_voter_issue(reader, v)),
                _ => true,
            })
            .map(|e| {
                let mut e = e.clone();
                if let EventKind::DeputyRegistered {
                    deputy, contact, ..
                } = &mut e.event
                {
                    if !may_see_personal_data(reader, deputy) {
                        *contact = None;
                    }
                }
                e
            })
            .collect()
    }

    /// The figures as `reader` may see them: the public only up to the last publication of
    /// every congress in scope (else `not_published`); handling units and government staff
    /// without ratings they may not see yet.
    pub fn figures_as(
        &self,
        reader: &Actor,
        as_of: NaiveDate,
        filter: &FigureFilter,
    ) -> Result<SuggestionFigures> {
        self.check_published(reader, as_of, filter.congress.as_ref())?;
        if kept_from_unpublished_ratings(reader.role) || reader.role == Role::ThirdPartyEvaluator {
            let view = self.state_as(reader);
            return self.figures_over(&view, as_of, filter);
        }
        self.figures_for(as_of, filter)
    }

    /// `not_published` if `reader` sees figures only once published ([`sees_published_figures_only`])
    /// and the results of `congress` (every congress, if `None`) were not published on or
    /// after `as_of`.
    pub(crate) fn check_published(
        &self,
        reader: &Actor,
        as_of: NaiveDate,
        congress: Option<&CongressId>,
    ) -> Result<()> {
        let st = self.state();
        if sees_published_figures_only(reader.role) {
            let in_scope: Vec<&CongressId> = match congress {
                Some(c) => vec![c],
                None => st.congresses.keys().collect(),
            };
            for c in in_scope {
                let published = st.published.get(c).copied();
                if published.is_none_or(|p| p < as_of) {
                    return Err(RendaError::NotPublished {
                        what: "figures",
                        role: reader.role.as_str().to_string(),
                        congress: c.to_string(),
                        as_of: as_of.to_string(),
                        published: published.map_or_else(|| "none".into(), |p| p.to_string()),
                    });
                }
            }
        }
        Ok(())
    }

    /// The points of a period as `reader` may see them ([`Ledger::points`]): the public sees
    /// only what was published ([`crate::Command::PublishPoints`], `not_published` here); a
    /// deputy sees their own row; everyone else every row.
    ///
    /// ```
    /// use renda::{Actor, Role, points::PublicationScope};
    /// let l = renda::Ledger::new(Default::default());
    /// let public = Actor::new(Role::Public, "p").unwrap();
    /// let e = l.points_as(&public, &"hd".parse().unwrap(), "2025".parse().unwrap(), &PublicationScope::Congress);
    /// assert_eq!(e.unwrap_err().code(), "not_published");
    /// ```
    pub fn points_as(
        &self,
        reader: &Actor,
        congress: &CongressId,
        period: crate::period::Period,
        scope: &crate::points::PublicationScope,
    ) -> Result<Vec<crate::points::PointsRow>> {
        if reader.role == Role::Public {
            let published = self
                .state()
                .points_publications
                .iter()
                .filter(|p| &p.congress == congress)
                .map(|p| p.published_on)
                .max();
            return Err(RendaError::NotPublished {
                what: "the points as they stand (the public reads the points publications)",
                role: reader.role.as_str().to_string(),
                congress: congress.to_string(),
                as_of: period.last_day().to_string(),
                published: published.map_or_else(|| "none".into(), |p| p.to_string()),
            });
        }
        let mut rows = self.points(congress, period, scope)?;
        if reader.role == Role::Deputy {
            rows.retain(|r| r.deputy.as_str() == reader.id.as_str());
        }
        Ok(rows)
    }

    /// Whether a rating is visible to those kept from unpublished ratings.
    fn rating_visible(&self, st: &State, congress: &CongressId, on: NaiveDate) -> bool {
        let Some(level) = st.congresses.get(congress).map(|c| c.level) else {
            return false;
        };
        let back_to_back = self
            .rules()
            .in_force(level, on)
            .is_ok_and(|r| r.suggestion.back_to_back_feedback);
        !back_to_back || st.published.get(congress).is_some_and(|p| *p >= on)
    }
}

fn redact_deputy(reader: &Actor, d: &mut Deputy) {
    if !may_see_personal_data(reader, &d.id) {
        d.contact = None;
    }
    if !may_see_performance_records(reader, &d.id) {
        d.interviews.clear();
        d.resignation_advised = None;
    }
}
