//! The ledger's state: a pure function of the event log.

use crate::error::{RendaError, Result};
use crate::ids::{CongressId, DeputyId, SuggestionId, UnitId};
use crate::registry::{Congress, Deputy, Unit};
use crate::rules::{RuleBook, RuleSet};
use crate::suggestion::Suggestion;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the ledger knows now. Ordered maps keep snapshots deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Congresses by id.
    pub congresses: BTreeMap<CongressId, Congress>,
    /// Deputies by id.
    pub deputies: BTreeMap<DeputyId, Deputy>,
    /// Handling units by id.
    pub units: BTreeMap<UnitId, Unit>,
    /// Suggestions by id.
    pub suggestions: BTreeMap<SuggestionId, Suggestion>,
}

impl State {
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
