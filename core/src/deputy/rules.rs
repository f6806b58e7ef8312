//! The deputy rules of a rule set: quotas (L-7), standing-committee size (L-6) and renewal
//! (R-O1), absences (L-11) and resignation (L-9). Local variations are data, not code.

use crate::registry::Level;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The deputy quota of a congress (代表名额, L-7): `base` plus one per `per_people`
/// inhabitants, at most `max`.
///
/// ```
/// use renda::deputy::QuotaFormula;
/// let county = QuotaFormula { base: 140, per_people: 5_000, max: 450 };
/// assert_eq!(county.quota(3_130_000), 450); // Haidian: capped
/// assert_eq!(county.quota(500_000), 240);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaFormula {
    /// Base number of deputies.
    pub base: u32,
    /// One more deputy per this many inhabitants.
    pub per_people: u64,
    /// Upper limit.
    pub max: u32,
}

impl QuotaFormula {
    /// The quota for a population.
    pub fn quota(&self, population: u64) -> u32 {
        let extra = population.checked_div(self.per_people).unwrap_or(0);
        let total = u64::from(self.base).saturating_add(extra);
        total.min(u64::from(self.max)) as u32
    }
}

/// Standing-committee size limits (L-6): `min`..=`max` members, or up to `max_large` when the
/// population exceeds `large_population`.
///
/// ```
/// use renda::deputy::CommitteeSize;
/// let county = CommitteeSize { min: 15, max: 35, max_large: 45, large_population: 1_000_000 };
/// assert_eq!(county.max_for(3_130_000), 45);
/// assert_eq!(county.max_for(800_000), 35);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeSize {
    /// Fewest members.
    pub min: u32,
    /// Most members.
    pub max: u32,
    /// Most members for a large population.
    pub max_large: u32,
    /// Above this population, `max_large` applies.
    pub large_population: u64,
}

impl CommitteeSize {
    /// The upper limit for a population.
    pub fn max_for(&self, population: u64) -> u32 {
        if population > self.large_population {
            self.max_large
        } else {
            self.max
        }
    }
}

/// The deputy rules. Absent from a rule-set spec: the national values.
///
/// ```
/// use renda::{deputy::DeputyRules, registry::Level};
/// let r = DeputyRules::default();
/// assert_eq!(r.quota[&Level::County].max, 450);
/// assert_eq!(r.unexcused_absence_limit, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeputyRules {
    /// Deputy quota formulas by level (L-7; 选举法 2020). Levels absent: not checked.
    pub quota: BTreeMap<Level, QuotaFormula>,
    /// Standing-committee size by level (L-6). Levels absent: not checked.
    pub committee_size: BTreeMap<Level, CommitteeSize>,
    /// Share of standing-committee members able to serve two terms, at least
    /// `two_term_share.0 / two_term_share.1` (R-O1: one third).
    pub two_term_share: (u32, u32),
    /// Unexcused absences from sessions that terminate the qualification (L-11: 2).
    pub unexcused_absence_limit: u32,
}

impl Default for DeputyRules {
    fn default() -> Self {
        Self {
            quota: [
                (
                    Level::County,
                    QuotaFormula {
                        base: 140,
                        per_people: 5_000,
                        max: 450,
                    },
                ),
                (
                    Level::Township,
                    QuotaFormula {
                        base: 45,
                        per_people: 1_500,
                        max: 160,
                    },
                ),
            ]
            .into_iter()
            .collect(),
            committee_size: [(
                Level::County,
                CommitteeSize {
                    min: 15,
                    max: 35,
                    max_large: 45,
                    large_population: 1_000_000,
                },
            )]
            .into_iter()
            .collect(),
            two_term_share: (1, 3),
            unexcused_absence_limit: 2,
        }
    }
}
