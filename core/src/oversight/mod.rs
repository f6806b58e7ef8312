//! Supervision and evaluation by a congress and its standing committee (issue 5): meetings and
//! votes, the annual supervision plan (W9), supervision items of every kind (§1.3; W10–W14,
//! W19, W23), department work evaluation with its escalation path (W5) and the figures of a
//! work report (S001-1, S001-2).
//!
//! Every item refers to the meeting that heard or decided it ([`meeting::Meeting`]), so counts
//! such as "7 standing-committee meetings, 46 reports heard" come from one log.

pub mod meeting;
// @modules: meetings
// @modules: items
// @modules: evaluation
// @modules: budget

use serde::{Deserialize, Serialize};

/// The rules of the oversight family, one part per concept. Absent in a rule-set spec: the
/// national values.
///
/// ```
/// let r = renda::oversight::OversightRules::default();
/// assert_eq!(r, renda::rules::RuleSet::national().oversight);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OversightRules {
    // @rules: meetings
    // @rules: items
    // @rules: evaluation
    // @rules: budget
}
