//! The ledger's state: a pure function of the event log.

use crate::activity::{Activity, VoterIssue};
use crate::deputy::CommitteeMember;
use crate::error::{RendaError, Result};
use crate::ids::{ActivityId, CongressId, DeputyId, StationId, SuggestionId, UnitId, VoterIssueId};
use crate::points::PointsPublication;
use crate::registry::{Congress, Deputy, Unit};
use crate::rules::{RuleBook, RuleSet};
use crate::station::Station;
use crate::suggestion::Suggestion;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the ledger knows now. Ordered maps keep snapshots deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Congresses by id.
    pub congresses: BTreeMap<CongressId, Congress>,
    /// Deputies by id.
    pub deputies: BTreeMap<DeputyId, Deputy>,
    /// Handling units by id.
    pub units: BTreeMap<UnitId, Unit>,
    /// Suggestions by id.
    pub suggestions: BTreeMap<SuggestionId, Suggestion>,
    /// For each congress, the date its handling results were last published
    /// ([`crate::Command::PublishResults`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub published: BTreeMap<CongressId, NaiveDate>,
    /// Standing-committee members by deputy id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub committee_members: BTreeMap<DeputyId, CommitteeMember>,
    /// Homes and stations by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stations: BTreeMap<StationId, Station>,
    /// Deputy activities by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub activities: BTreeMap<ActivityId, Activity>,
    /// Voter issues by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub voter_issues: BTreeMap<VoterIssueId, VoterIssue>,
    /// Points publications, in the order published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points_publications: Vec<PointsPublication>,
    /// Sessions (with their motion submission windows, L-2) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sessions: BTreeMap<crate::ids::SessionId, crate::session::Session>,
    /// Motions (议案) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub motions: BTreeMap<crate::ids::MotionId, crate::motion::Motion>,
    /// Key suggestions (W2): recommendations, designation, quality ratings, outcomes, by
    /// suggestion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub key_suggestions: BTreeMap<SuggestionId, crate::key_suggestion::KeySuggestion>,
    /// Key-suggestion meetings (W2 steps 3–4, R-S14), in the order held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_meetings: Vec<crate::key_suggestion::KeyMeeting>,
    /// Supervision overlays and monitors (W1 step 7) by suggestion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub supervision: BTreeMap<SuggestionId, crate::supervision::SuggestionSupervision>,
    /// Third-party evaluations of handling (W3) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub handling_evaluations:
        BTreeMap<crate::ids::EvaluationId, crate::handling_evaluation::HandlingEvaluation>,
    /// Class cases (类案) by id (W1 step 4).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub class_cases: BTreeMap<crate::ids::ClassCaseId, crate::class_case::ClassCase>,
    /// Meetings (issue 5) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meetings: BTreeMap<crate::ids::MeetingId, crate::oversight::meeting::Meeting>,
    /// Ballots taken at meetings (issue 5; L-4).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ballots: BTreeMap<crate::ids::BallotId, crate::oversight::meeting::Ballot>,
    /// Requests for extraordinary congress sessions, per congress, in order (L-3).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extraordinary_requests:
        BTreeMap<CongressId, Vec<crate::oversight::meeting::ExtraordinaryRequest>>,
    /// Supervision topics proposed (W9) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub supervision_topics:
        BTreeMap<crate::ids::SupervisionTopicId, crate::oversight::plan::SupervisionTopic>,
    /// Annual supervision plans (W9) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub supervision_plans:
        BTreeMap<crate::ids::SupervisionPlanId, crate::oversight::plan::SupervisionPlan>,
    /// Reports the standing committee hears (W10) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub work_reports: BTreeMap<crate::ids::WorkReportId, crate::oversight::work_report::WorkReport>,
    /// Law-enforcement inspections (W11) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inspections: BTreeMap<crate::ids::InspectionId, crate::oversight::inspection::Inspection>,
    /// Deliberation opinions of congress sessions (W14) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deliberation_opinions:
        BTreeMap<crate::ids::OpinionId, crate::oversight::deliberation::DeliberationOpinion>,
    /// Resolution follow-up plans (W14) by resolution id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resolution_follow_ups:
        BTreeMap<crate::ids::ResolutionId, crate::oversight::deliberation::ResolutionFollowUp>,
    /// Livelihood projects (W19) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub livelihood_projects:
        BTreeMap<crate::ids::LivelihoodProjectId, crate::oversight::livelihood::LivelihoodProject>,
    /// Approvals of livelihood project lists (W19) by meeting.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub livelihood_decisions:
        BTreeMap<crate::ids::MeetingId, crate::oversight::livelihood::LivelihoodDecision>,
    /// Livelihood completion reports heard (W19) by meeting.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub livelihood_reports:
        BTreeMap<crate::ids::MeetingId, crate::oversight::livelihood::CompletionReport>,
    /// Department work evaluations (W5) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub work_evaluations:
        BTreeMap<crate::ids::WorkEvaluationId, crate::oversight::work_evaluation::WorkEvaluation>,
    /// The departments each congress means to evaluate within the term (R-E1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evaluation_scopes: BTreeMap<CongressId, crate::oversight::work_evaluation::EvaluationScope>,
    /// Escalation items (W23): topic inquiries, interpellations, special-question investigations
    /// and removal motions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub escalations: BTreeMap<crate::ids::EscalationId, crate::oversight::escalation::Escalation>,
    /// Normative documents filed for review (W12) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub normative_documents:
        BTreeMap<crate::ids::NormativeDocumentId, crate::oversight::filing::NormativeDocument>,
    /// Budget records (W13) by congress.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub budgets: BTreeMap<CongressId, crate::oversight::budget::CongressBudget>,
    /// Audit findings on the double list (R-B8) by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub audit_findings:
        BTreeMap<crate::ids::AuditFindingId, crate::oversight::budget::AuditFinding>,
}

impl State {
    /// Checks that every record is consistent and every reference resolves. A state built by
    /// executing commands always is; a snapshot or event log from outside may not be, and is
    /// refused rather than trusted.
    pub fn validate(&self) -> Result<()> {
        for (id, d) in &self.deputies {
            if &d.id != id {
                return Err(key_mismatch("deputies", id.as_str()));
            }
            self.congress(&d.congress, "state.deputies.congress")?;
        }
        for (id, c) in &self.congresses {
            if &c.id != id {
                return Err(key_mismatch("congresses", id.as_str()));
            }
        }
        for (id, u) in &self.units {
            if &u.id != id {
                return Err(key_mismatch("units", id.as_str()));
            }
        }
        for (id, s) in &self.suggestions {
            if &s.id != id {
                return Err(key_mismatch("suggestions", id.as_str()));
            }
            s.validate()?;
            self.congress(&s.congress, "state.suggestions.congress")?;
            self.deputy(&s.lead, "state.suggestions.lead")?;
            for d in &s.cosigners {
                self.deputy(d, "state.suggestions.cosigners")?;
            }
            if let Some(a) = &s.assignment {
                self.unit(&a.lead_unit, "state.suggestions.assignment.lead_unit")?;
                for u in &a.co_units {
                    self.unit(u, "state.suggestions.assignment.co_units")?;
                }
            }
        }
        for c in self.published.keys() {
            self.congress(c, "state.published")?;
        }
        crate::motion::validate_state(self)?;
        self.validate_key_suggestions()?;
        self.validate_supervision()?;
        self.validate_handling_evaluations()?;
        crate::class_case::validate(self)?;
        crate::oversight::meeting::validate_state(self)?;
        crate::oversight::plan::validate_state(self)?;
        crate::oversight::work_report::validate_state(self)?;
        crate::oversight::inspection::validate_state(self)?;
        crate::oversight::deliberation::validate_state(self)?;
        crate::oversight::livelihood::validate_state(self)?;
        crate::oversight::work_evaluation::validate_state(self)?;
        crate::oversight::escalation::validate_state(self)?;
        crate::oversight::filing::validate_state(self)?;
        crate::oversight::budget::validate_state(self)?;
        self.validate_deputy_family()
    }

    /// The references of the deputy family: committee members, stations, activities, voter
    /// issues and points publications.
    fn validate_deputy_family(&self) -> Result<()> {
        let missing =
            |entity: &'static str, id: &dyn std::fmt::Display, field: &str| RendaError::NotFound {
                entity,
                id: id.to_string(),
                field: field.to_string(),
            };
        for d in self.deputies.values() {
            for s in &d.stations {
                if !self.stations.contains_key(s) {
                    return Err(missing("station", s, "state.deputies.stations"));
                }
            }
        }
        for (id, m) in &self.committee_members {
            if &m.deputy != id {
                return Err(key_mismatch("committee_members", id.as_str()));
            }
            let d = self.deputy(id, "state.committee_members.deputy")?;
            if d.congress != m.congress {
                return Err(key_mismatch("committee_members", id.as_str()));
            }
        }
        for (id, st) in &self.stations {
            if &st.id != id {
                return Err(key_mismatch("stations", id.as_str()));
            }
            self.congress(&st.congress, "state.stations.congress")?;
            if let Some(p) = &st.parent {
                if !self.stations.contains_key(p) {
                    return Err(missing("station", p, "state.stations.parent"));
                }
            }
        }
        for (id, a) in &self.activities {
            if &a.id != id {
                return Err(key_mismatch("activities", id.as_str()));
            }
            self.congress(&a.congress, "state.activities.congress")?;
            for p in &a.participants {
                self.deputy(p, "state.activities.participants")?;
            }
            if let Some(s) = &a.station {
                if !self.stations.contains_key(s) {
                    return Err(missing("station", s, "state.activities.station"));
                }
            }
        }
        for (id, v) in &self.voter_issues {
            if &v.id != id {
                return Err(key_mismatch("voter_issues", id.as_str()));
            }
            self.congress(&v.congress, "state.voter_issues.congress")?;
            if let Some(d) = &v.deputy {
                self.deputy(d, "state.voter_issues.deputy")?;
            }
            if let Some(s) = &v.station {
                if !self.stations.contains_key(s) {
                    return Err(missing("station", s, "state.voter_issues.station"));
                }
            }
            if let Some(a) = &v.activity {
                if !self.activities.contains_key(a) {
                    return Err(missing("activity", a, "state.voter_issues.activity"));
                }
            }
        }
        for p in &self.points_publications {
            self.congress(&p.congress, "state.points_publications.congress")?;
        }
        Ok(())
    }

    /// `Ok` if `map` has no entry for `id`, else `already_exists` for a new `entity`.
    pub(crate) fn absent<K: Ord + std::fmt::Display, V>(
        map: &BTreeMap<K, V>,
        id: &K,
        entity: &'static str,
    ) -> Result<()> {
        if map.contains_key(id) {
            return Err(RendaError::AlreadyExists {
                entity,
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// The entry for `id` in `map`, or `not_found` for an `entity` naming `field`.
    pub(crate) fn found<'m, K: Ord + std::fmt::Display, V>(
        map: &'m BTreeMap<K, V>,
        id: &K,
        entity: &'static str,
        field: &str,
    ) -> Result<&'m V> {
        map.get(id).ok_or_else(|| RendaError::NotFound {
            entity,
            id: id.to_string(),
            field: field.to_string(),
        })
    }

    /// [`State::found`], mutable.
    pub(crate) fn found_mut<'m, K: Ord + std::fmt::Display, V>(
        map: &'m mut BTreeMap<K, V>,
        id: &K,
        entity: &'static str,
        field: &str,
    ) -> Result<&'m mut V> {
        map.get_mut(id).ok_or_else(|| RendaError::NotFound {
            entity,
            id: id.to_string(),
            field: field.to_string(),
        })
    }

    /// A congress, or `not_found` naming `field`.
    pub fn congress(&self, id: &CongressId, field: &str) -> Result<&Congress> {
        self.congresses.get(id).ok_or_else(|| RendaError::NotFound {
            entity: "congress",
            id: id.to_string(),
            field: field.to_string(),
        })
    }

    /// A deputy, or `not_found` naming `field`.
    pub fn deputy(&self, id: &DeputyId, field: &str) -> Result<&Deputy> {
        self.deputies.get(id).ok_or_else(|| RendaError::NotFound {
            entity: "deputy",
            id: id.to_string(),
            field: field.to_string(),
        })
    }

    /// A handling unit, or `not_found` naming `field`.
    pub fn unit(&self, id: &UnitId, field: &str) -> Result<&Unit> {
        self.units.get(id).ok_or_else(|| RendaError::NotFound {
            entity: "unit",
            id: id.to_string(),
            field: field.to_string(),
        })
    }

    /// A suggestion, or `not_found`.
    pub fn suggestion(&self, id: &SuggestionId) -> Result<&Suggestion> {
        self.suggestions
            .get(id)
            .ok_or_else(|| RendaError::NotFound {
                entity: "suggestion",
                id: id.to_string(),
                field: "command.suggestion".into(),
            })
    }

    /// The rule set in force for a suggestion's congress on `date`.
    pub fn rules_for<'b>(
        &self,
        book: &'b RuleBook,
        s: &Suggestion,
        date: NaiveDate,
    ) -> Result<&'b RuleSet> {
        let c = self.congress(&s.congress, "suggestion.congress")?;
        book.in_force(c.level, date)
    }
}

fn key_mismatch(map: &str, key: &str) -> RendaError {
    RendaError::InvalidField {
        field: format!("state.{map}"),
        value: key.to_string(),
        reason: "the record's id differs from its key".into(),
    }
}
