//! Commands: every change to the ledger is one of these, issued by an actor at a time.
//!
//! The wire form is `{"at": "...", "actor": {"role": "...", "id": "..."}, "command":
//! {"type": "submit_suggestion", ...}}`; see `docs/wire-format.md`.

use crate::actor::Actor;
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, DeputyId, SuggestionId, UnitId};
use crate::registry::Level;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A command with its actor and time.
///
/// ```
/// use renda::CommandEnvelope;
/// let c = CommandEnvelope::from_json(r#"{"at":"2024-01-10T09:00:00+08:00",
///   "actor":{"role":"deputy_affairs_office","id":"office"},
///   "command":{"type":"accept_suggestion","suggestion":"S1"}}"#).unwrap();
/// assert_eq!(c.command.type_name(), "accept_suggestion");
/// let err = CommandEnvelope::from_json(r#"{"at":"2024-01-10","actor":{"role":"deputy","id":"D"},
///   "command":{"type":"fly"}}"#).unwrap_err();
/// assert_eq!(err.code(), "unknown_command");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandEnvelope {
    /// When the command was issued.
    pub at: Timestamp,
    /// Who issued it.
    pub actor: Actor,
    /// What it asks.
    pub command: Command,
}

impl CommandEnvelope {
    /// Parses the wire form, with typed errors for malformed JSON, unknown command types,
    /// missing fields and invalid values (each naming the field path).
    pub fn from_json(json: &str) -> Result<Self> {
        let value = crate::wire::parse_json(json)?;
        Self::from_value(value)
    }

    /// Parses from a JSON value (see [`CommandEnvelope::from_json`]).
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        if let Some(t) = value.get("command").and_then(|c| c.get("type")) {
            match t.as_str() {
                Some(name) if Command::TYPES.contains(&name) => {}
                Some(name) => {
                    return Err(RendaError::UnknownCommand {
                        value: crate::ids::truncate(name),
                    })
                }
                None => {
                    return Err(RendaError::InvalidField {
                        field: "command.type".into(),
                        value: crate::ids::truncate(&t.to_string()),
                        reason: "must be a string naming a command".into(),
                    })
                }
            }
        }
        crate::wire::from_value_at(value, "")
    }
}

/// Every command renda accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Register a congress (admin only).
    RegisterCongress {
        /// New congress id.
        congress: CongressId,
        /// Name.
        name: String,
        /// Level.
        level: Level,
        /// Term number.
        term: u32,
        /// First day of the term.
        term_start: NaiveDate,
        /// Last day of the term.
        term_end: NaiveDate,
    },
    /// Register a deputy of a congress.
    RegisterDeputy {
        /// New deputy id.
        deputy: DeputyId,
        /// The congress.
        congress: CongressId,
        /// Name.
        name: String,
        /// Personal data (phone, ID number, address), *optional*: shown only to the office,
        /// admins and the deputy ([`crate::visibility`]).
        #[serde(default)]
        contact: Option<crate::registry::Contact>,
    },
    /// Register a handling unit.
    RegisterUnit {
        /// New unit id.
        unit: UnitId,
        /// Name.
        name: String,
    },
    /// A deputy submits a suggestion (W1 step 2), during the session or in recess.
    SubmitSuggestion {
        /// New suggestion id.
        suggestion: SuggestionId,
        /// The congress it is submitted to (R-S13: the level with competence).
        congress: CongressId,
        /// Title.
        title: String,
        /// The lead deputy (领衔代表).
        lead: DeputyId,
        /// Co-signers (附议代表).
        #[serde(default)]
        cosigners: Vec<DeputyId>,
        /// During the session or in recess.
        during: SubmissionPeriod,
        /// Topic (e.g. 教育, 交通), free text used in figures.
        #[serde(default)]
        topic: Option<String>,
    },
    /// The lead deputy revises a suggestion returned for revision, which resubmits it.
    ReviseSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The new title.
        title: String,
    },
    /// The office accepts a submitted suggestion after vetting (W1 step 3, R-S12).
    AcceptSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
    },
    /// The office returns a suggestion to the deputy for revision (R-S12).
    ReturnSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// What to revise.
        reason: String,
    },
    /// The office decides it is not a suggestion (e.g. a personal matter) (W1 step 3).
    RejectSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why.
        reason: String,
    },
    /// The lead deputy (or the office on their behalf) withdraws the suggestion.
    WithdrawSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why.
        #[serde(default)]
        reason: Option<String>,
    },
    /// The office assigns (交办) the suggestion to a lead unit with co-units (W1 step 5).
    AssignSuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The lead unit (主办单位).
        lead_unit: UnitId,
        /// Co-units (协办单位).
        #[serde(default)]
        co_units: Vec<UnitId>,
    },
    /// The office extends the reply deadline once, for a complex suggestion (L-1).
    ExtendReplyDeadline {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Why it is complex.
        reason: String,
    },
    /// A co-unit sends its opinion to the lead unit (W1 step 8).
    SubmitCoUnitOpinion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The opinion.
        opinion: String,
    },
    /// The lead unit replies in writing with a result category (W1 step 8, L-25). Also the
    /// second reply after re-handling or from the plan ledger (R-S3, R-S5).
    ReplySuggestion {
        /// The suggestion.
        suggestion: SuggestionId,
        /// Result category A/B/C/D.
        result: ResultCategory,
        /// Whether the solution is placed in a work plan (列入计划; only with B).
        #[serde(default)]
        in_plan: bool,
        /// Summary of the reply.
        summary: String,
        /// Reason (required for C by default).
        #[serde(default)]
        reason: Option<String>,
    },
    /// The office publishes the handling results of a congress's suggestions up to today
    /// (domain §6.2 "publish results"): ratings given so far become visible to handling units
    /// in back-to-back mode, and figures up to today to the public.
    PublishResults {
        /// The congress.
        congress: CongressId,
    },
    /// A proposing deputy rates the reply (W1 step 9).
    GiveFeedback {
        /// The suggestion.
        suggestion: SuggestionId,
        /// The rating.
        rating: Satisfaction,
        /// Comment.
        #[serde(default)]
        comment: Option<String>,
    },
}

/// The kind of a command, without its data: the rows of the permission matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    /// See [`Command::RegisterCongress`].
    RegisterCongress,
    /// See [`Command::RegisterDeputy`].
    RegisterDeputy,
    /// See [`Command::RegisterUnit`].
    RegisterUnit,
    /// See [`Command::SubmitSuggestion`].
    SubmitSuggestion,
    /// See [`Command::ReviseSuggestion`].
    ReviseSuggestion,
    /// See [`Command::AcceptSuggestion`].
    AcceptSuggestion,
    /// See [`Command::ReturnSuggestion`].
    ReturnSuggestion,
    /// See [`Command::RejectSuggestion`].
    RejectSuggestion,
    /// See [`Command::WithdrawSuggestion`].
    WithdrawSuggestion,
    /// See [`Command::AssignSuggestion`].
    AssignSuggestion,
    /// See [`Command::ExtendReplyDeadline`].
    ExtendReplyDeadline,
    /// See [`Command::SubmitCoUnitOpinion`].
    SubmitCoUnitOpinion,
    /// See [`Command::ReplySuggestion`].
    ReplySuggestion,
    /// See [`Command::GiveFeedback`].
    GiveFeedback,
    /// See [`Command::PublishResults`].
    PublishResults,
}

impl CommandKind {
    /// Every command kind.
    pub const ALL: [CommandKind; 15] = [
        CommandKind::RegisterCongress,
        CommandKind::RegisterDeputy,
        CommandKind::RegisterUnit,
        CommandKind::SubmitSuggestion,
        CommandKind::ReviseSuggestion,
        CommandKind::AcceptSuggestion,
        CommandKind::ReturnSuggestion,
        CommandKind::RejectSuggestion,
        CommandKind::WithdrawSuggestion,
        CommandKind::AssignSuggestion,
        CommandKind::ExtendReplyDeadline,
        CommandKind::SubmitCoUnitOpinion,
        CommandKind::ReplySuggestion,
        CommandKind::GiveFeedback,
        CommandKind::PublishResults,
    ];

    /// The wire name (`type` field).
    pub fn as_str(self) -> &'static str {
        Command::TYPES[self as usize]
    }
}

impl Command {
    /// The wire names of every command, in [`CommandKind`] order.
    pub const TYPES: [&'static str; 15] = [
        "register_congress",
        "register_deputy",
        "register_unit",
        "submit_suggestion",
        "revise_suggestion",
        "accept_suggestion",
        "return_suggestion",
        "reject_suggestion",
        "withdraw_suggestion",
        "assign_suggestion",
        "extend_reply_deadline",
        "submit_co_unit_opinion",
        "reply_suggestion",
        "give_feedback",
        "publish_results",
    ];

    /// The kind of this command.
    pub fn kind(&self) -> CommandKind {
        match self {
            Command::RegisterCongress { .. } => CommandKind::RegisterCongress,
            Command::RegisterDeputy { .. } => CommandKind::RegisterDeputy,
            Command::RegisterUnit { .. } => CommandKind::RegisterUnit,
            Command::SubmitSuggestion { .. } => CommandKind::SubmitSuggestion,
            Command::ReviseSuggestion { .. } => CommandKind::ReviseSuggestion,
            Command::AcceptSuggestion { .. } => CommandKind::AcceptSuggestion,
            Command::ReturnSuggestion { .. } => CommandKind::ReturnSuggestion,
            Command::RejectSuggestion { .. } => CommandKind::RejectSuggestion,
            Command::WithdrawSuggestion { .. } => CommandKind::WithdrawSuggestion,
            Command::AssignSuggestion { .. } => CommandKind::AssignSuggestion,
            Command::ExtendReplyDeadline { .. } => CommandKind::ExtendReplyDeadline,
            Command::SubmitCoUnitOpinion { .. } => CommandKind::SubmitCoUnitOpinion,
            Command::ReplySuggestion { .. } => CommandKind::ReplySuggestion,
            Command::GiveFeedback { .. } => CommandKind::GiveFeedback,
            Command::PublishResults { .. } => CommandKind::PublishResults,
        }
    }

    /// The wire name of this command.
    pub fn type_name(&self) -> &'static str {
        self.kind().as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_serde_tags() {
        let c = Command::AcceptSuggestion {
            suggestion: SuggestionId::new("S").unwrap(),
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["type"], c.type_name());
        for (i, k) in CommandKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
            assert_eq!(serde_json::to_value(k).unwrap(), Command::TYPES[i]);
        }
    }
}
