//! Composition figures of a congress and its organisation checks (domain §1.2, §4.1, §8;
//! issue 3 item 3): how many deputies were elected, how many hold the mandate on a date, their
//! education, re-election, resident-unit, gender and party shares, the standing committee, the
//! participation rate in activities (S000-8), and the quota (L-7), standing-committee size
//! (L-6) and renewal (R-O1) rules.
//!
//! Every figure is a typed [`Count`] and every rate a [`Share`] with its numerator, denominator
//! and precision, rounded half up by the same arithmetic as [`crate::stats`] and
//! [`crate::figures::percent_text`]. A share of person-times over persons is allowed but
//! carries [`StatsWarning::UnitMismatch`] (S000-8).
//!
//! Attributes a roster does not record are never taken as "no": each [`Attribute`] says how many
//! records lack it.
//!
//! **在任 (holding the mandate).** A deputy counts as in office on a date when their status is
//! in office *or suspended* ([`DeputyStatus::holds_mandate`]): a suspension (L-11) stops the
//! duties, not the mandate, so the seat is still filled. This is the base of S000-8 ("433名在任
//! 代表") and of the quota (L-7).
//!
//! ```
//! use renda::Ledger;
//! let mut l = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
//!      "congress":"hd","name":"海淀区人大","level":"county","term":16,"term_start":"2016-11-15",
//!      "term_end":"2021-11-14","population":3130000}}"#,
//!   r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
//!      "deputy":"D1","congress":"hd","name":"甲","profile":{"education":"master","re_elected":true}}}"#,
//!   r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
//!      "deputy":"D2","congress":"hd","name":"乙","profile":{"education":"bachelor"}}}"#,
//! ] { l.execute_json(c).unwrap(); }
//! let c = l.composition(&"hd".parse().unwrap(), "2017-12-31".parse().unwrap(), 2).unwrap();
//! assert_eq!(c.elected.value, 2);
//! assert_eq!(c.postgraduate.share.as_ref().unwrap().percent, "50.00");
//! assert_eq!((c.re_elected.count.value, c.re_elected.missing.value), (1, 1));
//! ```

use crate::deputy::{DeputyStatus, Education, Gender, Party, TerminationReason};
use crate::error::{RendaError, Result};
use crate::figures::percent_text;
use crate::ids::CongressId;
use crate::ledger::Ledger;
use crate::registry::{Congress, Deputy};
use crate::rules::RuleBook;
use crate::state::State;
use crate::stats::{CountUnit, FigureCheck, PublishedFigure, StatsWarning};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most decimal places a [`Share`] is rounded to (as [`crate::stats`]).
///
/// ```
/// use renda::composition::{Count, Share, MAX_DECIMALS};
/// assert!(Share::new(Count::persons(1), Count::persons(3), MAX_DECIMALS).is_ok());
/// assert!(Share::new(Count::persons(1), Count::persons(3), MAX_DECIMALS + 1).is_err());
/// ```
pub const MAX_DECIMALS: u32 = 6;

/// A count with what it counts (domain §4: 名, 人次, 件, 件次, 项, 条).
///
/// ```
/// use renda::composition::Count;
/// use renda::stats::CountUnit;
/// let c = Count::person_times(357);
/// assert_eq!(c, Count::new(357, CountUnit::PersonTimes));
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"value":357,"unit":"person_times"}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    /// How many.
    pub value: u64,
    /// Of what.
    pub unit: CountUnit,
}

impl Count {
    /// A count of `value` in `unit`.
    ///
    /// ```
    /// let c = renda::composition::Count::new(3, renda::stats::CountUnit::Items);
    /// assert_eq!(c.value, 3);
    /// ```
    pub fn new(value: u64, unit: CountUnit) -> Self {
        Self { value, unit }
    }

    /// `value` persons (名).
    ///
    /// ```
    /// assert_eq!(renda::composition::Count::persons(445).unit, renda::stats::CountUnit::Persons);
    /// ```
    pub fn persons(value: u64) -> Self {
        Self::new(value, CountUnit::Persons)
    }

    /// `value` person-times (人次).
    ///
    /// ```
    /// let c = renda::composition::Count::person_times(357);
    /// assert_eq!(c.unit, renda::stats::CountUnit::PersonTimes);
    /// ```
    pub fn person_times(value: u64) -> Self {
        Self::new(value, CountUnit::PersonTimes)
    }
}

/// A share: numerator over denominator × 100, rounded half up at `decimals` places, with the
/// warnings its units call for (S000-8: person-times over persons).
///
/// ```
/// use renda::composition::{Count, Share};
/// // S000-2: 436 of 445 deputies have college education or above.
/// let s = Share::new(Count::persons(436), Count::persons(445), 2).unwrap();
/// assert_eq!(s.percent, "97.98");
/// assert!(s.warnings.is_empty());
/// // S000-8: 357 person-times over 433 deputies: right arithmetic, mixed units.
/// let p = Share::new(Count::person_times(357), Count::persons(433), 1).unwrap();
/// assert_eq!(p.percent, "82.4");
/// assert_eq!(p.warnings[0].code(), "unit_mismatch");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// What is counted.
    pub numerator: Count,
    /// Out of what (positive).
    pub denominator: Count,
    /// Decimal places of `percent`.
    pub decimals: u32,
    /// numerator / denominator × 100, rounded half up at `decimals` places.
    pub percent: String,
    /// Problems with the ratio itself (e.g. [`StatsWarning::UnitMismatch`]).
    pub warnings: Vec<StatsWarning>,
}

impl Share {
    /// The share of `numerator` in `denominator` at `decimals` places (0 to [`MAX_DECIMALS`]),
    /// rounded half up. Errors ([`RendaError::InvalidField`]): a zero denominator (field
    /// `denominator`) or more than 6 decimals (field `decimals`).
    ///
    /// ```
    /// use renda::composition::{Count, Share};
    /// let p = |n, d, dp| Share::new(Count::persons(n), Count::persons(d), dp).unwrap().percent;
    /// assert_eq!(p(1, 8, 0), "13"); // 12.5 rounds half up
    /// assert_eq!(p(1, 800, 2), "0.13"); // 0.125 → 0.13, not 0.12
    /// assert_eq!(Share::new(Count::persons(1), Count::persons(0), 1).unwrap_err().field(),
    ///            Some("denominator"));
    /// ```
    pub fn new(numerator: Count, denominator: Count, decimals: u32) -> Result<Share> {
        check_decimals(decimals)?;
        let percent =
            percent_text(numerator.value, denominator.value, decimals).ok_or_else(|| {
                RendaError::InvalidField {
                    field: "denominator".into(),
                    value: "0".into(),
                    reason: "the denominator must be positive".into(),
                }
            })?;
        let mut warnings = Vec::new();
        if numerator.unit != denominator.unit {
            warnings.push(StatsWarning::UnitMismatch {
                numerator_unit: numerator.unit,
                denominator_unit: denominator.unit,
            });
        }
        Ok(Share {
            numerator,
            denominator,
            decimals,
            percent,
            warnings,
        })
    }

    /// Checks a published percentage against this share's counts with [`crate::stats::check`]
    /// (at the published precision): does the stated figure follow from what the ledger holds?
    /// Errors: a malformed `stated_percent` ([`RendaError::InvalidField`]).
    ///
    /// ```
    /// use renda::composition::{Count, Share};
    /// // S000-3: 247 of 445 postgraduates were published as 57.75 %.
    /// let s = Share::new(Count::persons(247), Count::persons(445), 2).unwrap();
    /// let c = s.check("57.75").unwrap();
    /// assert!(!c.reproducible);
    /// assert_eq!(c.computed_percent, "55.51");
    /// ```
    pub fn check(&self, stated_percent: &str) -> Result<FigureCheck> {
        crate::stats::check(&PublishedFigure {
            numerator: self.numerator.value,
            numerator_unit: self.numerator.unit,
            denominator: self.denominator.value,
            denominator_unit: self.denominator.unit,
            stated_percent: stated_percent.to_string(),
        })
    }
}

fn check_decimals(decimals: u32) -> Result<()> {
    if decimals > MAX_DECIMALS {
        return Err(RendaError::InvalidField {
            field: "decimals".into(),
            value: decimals.to_string(),
            reason: format!("at most {MAX_DECIMALS} decimal places"),
        });
    }
    Ok(())
}

/// How many records have a yes/no attribute, how many lack it, and the share of those who have
/// it in the base (the elected deputies, or the standing-committee members).
///
/// Records lacking the attribute stay in the base and out of the numerator, so with
/// `missing > 0` the share is a lower bound. `share` is `None` when the base is empty or no
/// record has the attribute at all (a 0 % read off an empty column would be false).
///
/// ```
/// use renda::composition::Attribute;
/// let a = Attribute::from_values([Some(true), Some(false), None, Some(true)], 4, 1).unwrap();
/// assert_eq!((a.count.value, a.missing.value), (2, 1));
/// assert_eq!(a.share.unwrap().percent, "50.0");
/// assert!(Attribute::from_values([None, None], 2, 1).unwrap().share.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    /// Records with the attribute (persons).
    pub count: Count,
    /// Records that do not say (persons).
    pub missing: Count,
    /// `count` over the base.
    pub share: Option<Share>,
}

impl Attribute {
    /// Counts `values` (one per person: `Some(true)` has it, `Some(false)` has not, `None` does
    /// not say) and divides by `base` persons at `decimals` places. Errors: more than 6
    /// decimals (field `decimals`).
    ///
    /// ```
    /// let a = renda::composition::Attribute::from_values([Some(true)], 3, 2).unwrap();
    /// assert_eq!(a.share.unwrap().percent, "33.33");
    /// ```
    pub fn from_values<I>(values: I, base: u64, decimals: u32) -> Result<Attribute>
    where
        I: IntoIterator<Item = Option<bool>>,
    {
        check_decimals(decimals)?;
        let (mut count, mut missing) = (0u64, 0u64);
        for v in values {
            match v {
                Some(true) => count += 1,
                Some(false) => {}
                None => missing += 1,
            }
        }
        let share = if base == 0 || missing >= base {
            None
        } else {
            Some(Share::new(
                Count::persons(count),
                Count::persons(base),
                decimals,
            )?)
        };
        Ok(Attribute {
            count: Count::persons(count),
            missing: Count::persons(missing),
            share,
        })
    }
}

/// Deputies whose qualification terminated for one reason.
///
/// ```
/// use renda::composition::{Count, ReasonCount};
/// use renda::deputy::TerminationReason;
/// let r = ReasonCount { reason: TerminationReason::MovedOut, count: Count::persons(12) };
/// assert_eq!(serde_json::to_value(&r).unwrap()["reason"], "moved_out");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonCount {
    /// Why (L-9, L-10, L-11).
    pub reason: TerminationReason,
    /// How many (persons).
    pub count: Count,
}

/// The standing committee on a date (domain §1.2; S000-6, R-O1, R-O7).
///
/// Only current members are kept in the state (a member whose qualification ends leaves it),
/// so for a past date the members are those who joined by then and are still members.
///
/// ```
/// let c = renda::composition::CommitteeComposition::default();
/// assert_eq!(c.members.value, 0);
/// assert!(c.new_this_term.share.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeComposition {
    /// Members who joined on or before the date (persons).
    pub members: Count,
    /// New this term (S000-6: 24 of 45, 53.3 %).
    pub new_this_term: Attribute,
    /// Serving full time (驻会, R-O7); recorded as false unless given, so never missing.
    pub full_time: Attribute,
    /// Able to serve two full terms (R-O1).
    pub can_serve_two_terms: Attribute,
}

impl Default for CommitteeComposition {
    fn default() -> Self {
        let empty = Attribute {
            count: Count::persons(0),
            missing: Count::persons(0),
            share: None,
        };
        Self {
            members: Count::persons(0),
            new_this_term: empty.clone(),
            full_time: empty.clone(),
            can_serve_two_terms: empty,
        }
    }
}

/// The composition of a congress's deputies on a date (domain §1.2, §4.1).
///
/// Shares are over `elected`: every deputy registered for the congress whose first day is on or
/// before the date, including by-elected deputies and those who have since left (S000-1: the
/// 445 elected in November 2016).
///
/// ```
/// use renda::Ledger;
/// let mut l = Ledger::new(Default::default());
/// l.execute_json(r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":16,"term_start":"2016-11-15","term_end":"2021-11-14"}}"#).unwrap();
/// let c = l.composition(&"hd".parse().unwrap(), "2017-12-31".parse().unwrap(), 2).unwrap();
/// let json = serde_json::to_value(&c).unwrap();
/// assert_eq!(json["elected"], serde_json::json!({"value": 0, "unit": "persons"}));
/// assert_eq!(json["college_or_above"]["share"], serde_json::Value::Null); // no deputies yet
/// let back: renda::composition::Composition = serde_json::from_value(json).unwrap();
/// assert_eq!(back, c);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    /// The congress.
    pub congress: CongressId,
    /// The date (end of day, China time).
    pub as_of: NaiveDate,
    /// Decimal places of every share.
    pub decimals: u32,
    /// Deputies elected by the date, including by-elected ones and those who have left.
    pub elected: Count,
    /// Of which elected in a by-election (补选).
    pub by_election: Count,
    /// Holding the mandate on the date (在任: in office or suspended).
    pub holding_mandate: Count,
    /// Of which suspended (L-11).
    pub suspended: Count,
    /// Qualification terminated by the date (L-9, L-10, L-11).
    pub terminated: Count,
    /// The terminations by reason, in the order of the reasons' wire names; reasons with no
    /// termination are left out.
    pub terminated_by_reason: Vec<ReasonCount>,
    /// College education or above, 大专以上 (S000-2).
    pub college_or_above: Attribute,
    /// Postgraduate education, 研究生 (S000-3).
    pub postgraduate: Attribute,
    /// Re-elected, 连任 (S000-4).
    pub re_elected: Attribute,
    /// From units based in the area, 驻区单位 (S000-5).
    pub resident_unit: Attribute,
    /// Women.
    pub female: Attribute,
    /// Members of the Communist Party of China.
    pub cpc: Attribute,
    /// The standing committee.
    pub standing_committee: CommitteeComposition,
}

/// The composition of `congress` on `as_of`, shares rounded half up at `decimals` places (see
/// [`Composition`]). Errors: an unknown congress ([`RendaError::NotFound`], field `congress`),
/// more than 6 decimals ([`RendaError::InvalidField`], field `decimals`).
///
/// ```
/// use renda::{composition::composition, Ledger};
/// let mut l = Ledger::new(Default::default());
/// l.execute_json(r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":16,"term_start":"2016-11-15","term_end":"2021-11-14"}}"#).unwrap();
/// l.execute_json(r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///   "deputy":"D1","congress":"hd","name":"甲","profile":{"gender":"female"}}}"#).unwrap();
/// let c = composition(l.state(), &"hd".parse().unwrap(), "2017-01-01".parse().unwrap(), 1).unwrap();
/// assert_eq!(c.female.share.unwrap().percent, "100.0");
/// assert_eq!(c.cpc.missing.value, 1);
/// let e = composition(l.state(), &"xx".parse().unwrap(), "2017-01-01".parse().unwrap(), 1);
/// assert_eq!(e.unwrap_err().code(), "not_found");
/// ```
pub fn composition(
    state: &State,
    congress: &CongressId,
    as_of: NaiveDate,
    decimals: u32,
) -> Result<Composition> {
    check_decimals(decimals)?;
    let c = state.congress(congress, "congress")?;
    let elected: Vec<(&Deputy, DeputyStatus)> = deputies_of(state, c)
        .map(|d| (d, d.status_on(c, as_of)))
        .filter(|(_, s)| *s != DeputyStatus::NotYetElected)
        .collect();
    let base = elected.len() as u64;
    let count = |f: &dyn Fn(&Deputy, DeputyStatus) -> bool| {
        Count::persons(elected.iter().filter(|(d, s)| f(d, *s)).count() as u64)
    };
    let mut reasons: BTreeMap<&'static str, (TerminationReason, u64)> = BTreeMap::new();
    for (d, s) in &elected {
        if *s == DeputyStatus::Terminated {
            if let Some(r) = termination_reason(d, as_of) {
                reasons.entry(r.as_str()).or_insert((r, 0)).1 += 1;
            }
        }
    }
    let attr = |f: &dyn Fn(&Deputy) -> Option<bool>| {
        Attribute::from_values(elected.iter().map(|(d, _)| f(d)), base, decimals)
    };
    Ok(Composition {
        congress: congress.clone(),
        as_of,
        decimals,
        elected: Count::persons(base),
        by_election: count(&|d, _| d.mandate == crate::deputy::Mandate::ByElection),
        holding_mandate: count(&|_, s| s.holds_mandate()),
        suspended: count(&|_, s| s == DeputyStatus::Suspended),
        terminated: count(&|_, s| s == DeputyStatus::Terminated),
        terminated_by_reason: reasons
            .into_values()
            .map(|(reason, n)| ReasonCount {
                reason,
                count: Count::persons(n),
            })
            .collect(),
        college_or_above: attr(&|d| d.profile.education.map(Education::is_college_or_above))?,
        postgraduate: attr(&|d| d.profile.education.map(Education::is_postgraduate))?,
        re_elected: attr(&|d| d.profile.re_elected)?,
        resident_unit: attr(&|d| d.profile.resident_unit)?,
        female: attr(&|d| d.profile.gender.map(|g| g == Gender::Female))?,
        cpc: attr(&|d| d.profile.party.map(|x| x == Party::Cpc))?,
        standing_committee: committee_composition(state, c, as_of, decimals)?,
    })
}

fn deputies_of<'s>(state: &'s State, c: &'s Congress) -> impl Iterator<Item = &'s Deputy> {
    state.deputies.values().filter(move |d| d.congress == c.id)
}

/// The reason of the termination in force on `as_of`.
fn termination_reason(d: &Deputy, as_of: NaiveDate) -> Option<TerminationReason> {
    d.history
        .iter()
        .take_while(|h| h.on <= as_of)
        .last()
        .filter(|h| h.change == DeputyStatus::Terminated)
        .and_then(|h| h.reason)
}

/// Standing-committee members of `c` who joined by `as_of` and hold the mandate then.
fn committee_members<'s>(
    state: &'s State,
    c: &'s Congress,
    as_of: NaiveDate,
) -> Vec<&'s crate::deputy::CommitteeMember> {
    state
        .committee_members
        .values()
        .filter(|m| m.congress == c.id && m.from <= as_of)
        .filter(|m| {
            state
                .deputies
                .get(&m.deputy)
                .is_some_and(|d| d.status_on(c, as_of).holds_mandate())
        })
        .collect()
}

fn committee_composition(
    state: &State,
    c: &Congress,
    as_of: NaiveDate,
    decimals: u32,
) -> Result<CommitteeComposition> {
    let members = committee_members(state, c, as_of);
    let base = members.len() as u64;
    Ok(CommitteeComposition {
        members: Count::persons(base),
        new_this_term: Attribute::from_values(
            members.iter().map(|m| m.new_this_term),
            base,
            decimals,
        )?,
        full_time: Attribute::from_values(
            members.iter().map(|m| Some(m.full_time)),
            base,
            decimals,
        )?,
        can_serve_two_terms: Attribute::from_values(
            members.iter().map(|m| m.can_serve_two_terms),
            base,
            decimals,
        )?,
    })
}

/// The participation rate of `congress`'s deputies in activities from `from` to `to`
/// (inclusive): the person-times of its deputies among the participants of activities held in
/// the window (an activity organised by any congress counts; participants from other congresses
/// do not), over the deputies holding the mandate on `to` — S000-8's "2017年，433名在任代表中，
/// 357人次参加了活动，占82.4%". The result always carries [`StatsWarning::UnitMismatch`]: it is
/// person-times over persons, not the share of deputies who took part.
///
/// Errors: an unknown congress (`not_found`, field `congress`); `from` after `to` or no deputy
/// holding the mandate on `to` (`invalid_field`, fields `from` / `to`); more than 6 decimals.
///
/// ```
/// use renda::{composition::participation, Ledger};
/// let mut l = Ledger::new(Default::default());
/// for c in [
///   r#"{"at":"2017-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///      "congress":"hd","name":"海淀区人大","level":"county","term":16,"term_start":"2016-11-15","term_end":"2021-11-14"}}"#,
///   r#"{"at":"2017-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"甲"}}"#,
///   r#"{"at":"2017-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D2","congress":"hd","name":"乙"}}"#,
///   r#"{"at":"2017-03-01","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"record_activity",
///      "activity":"A1","congress":"hd","kind":"voter_contact","on":"2017-03-01","title":"联系选民","participants":["D1","D2"]}}"#,
///   r#"{"at":"2017-04-01","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"record_activity",
///      "activity":"A2","congress":"hd","kind":"research","on":"2017-04-01","title":"调研","participants":["D1"]}}"#,
/// ] { l.execute_json(c).unwrap(); }
/// let s = participation(l.state(), &"hd".parse().unwrap(),
///     "2017-01-01".parse().unwrap(), "2017-12-31".parse().unwrap(), 1).unwrap();
/// assert_eq!((s.numerator.value, s.denominator.value, s.percent.as_str()), (3, 2, "150.0"));
/// assert_eq!(s.warnings[0].code(), "unit_mismatch");
/// ```
pub fn participation(
    state: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    decimals: u32,
) -> Result<Share> {
    check_decimals(decimals)?;
    let c = state.congress(congress, "congress")?;
    if from > to {
        return Err(RendaError::InvalidField {
            field: "from".into(),
            value: from.to_string(),
            reason: format!("must not be after `to` ({to})"),
        });
    }
    let person_times: u64 = state
        .activities
        .values()
        .filter(|a| from <= a.on && a.on <= to)
        .flat_map(|a| a.participants.iter())
        .filter(|p| {
            state
                .deputies
                .get(*p)
                .is_some_and(|d| &d.congress == congress)
        })
        .count() as u64;
    let holding = deputies_of(state, c)
        .filter(|d| d.status_on(c, to).holds_mandate())
        .count() as u64;
    if holding == 0 {
        return Err(RendaError::InvalidField {
            field: "to".into(),
            value: to.to_string(),
            reason: format!(
                "no deputy of `{congress}` holds the mandate on {to}: the rate has no base"
            ),
        });
    }
    Share::new(
        Count::person_times(person_times),
        Count::persons(holding),
        decimals,
    )
}

/// The outcome of an organisation check.
///
/// ```
/// use renda::composition::CheckStatus;
/// assert_eq!(serde_json::to_string(&CheckStatus::NotCheckable).unwrap(), "\"not_checkable\"");
/// assert!(!CheckStatus::NotCheckable.holds());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The rule is met.
    Holds,
    /// The rule is broken.
    Violated,
    /// The data needed is not recorded (no population, unknown attributes) or the rule set
    /// has no such rule for the level: neither passing nor failing.
    NotCheckable,
}

impl CheckStatus {
    /// Whether the rule is known to be met ([`CheckStatus::NotCheckable`] is not).
    ///
    /// ```
    /// use renda::composition::CheckStatus;
    /// assert!(CheckStatus::Holds.holds());
    /// assert!(!CheckStatus::Violated.holds());
    /// ```
    pub fn holds(self) -> bool {
        self == CheckStatus::Holds
    }
}

/// One organisation check: the rule, its outcome, the figures it was decided on (by name) and
/// a message in Chinese and English.
///
/// ```
/// use renda::composition::{CheckStatus, Finding};
/// let f: Finding = serde_json::from_str(r#"{"rule":"L-7","status":"holds",
///   "figures":{"holding_mandate":445,"quota":450},"message":"…"}"#).unwrap();
/// assert_eq!(f.figures["quota"], 450);
/// assert!(f.status.holds());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule id (`L-7`, `L-6`, `R-O1`).
    pub rule: String,
    /// Holds, violated, or not checkable.
    pub status: CheckStatus,
    /// The figures, by name (e.g. `holding_mandate`, `quota`, `population`).
    pub figures: BTreeMap<String, u64>,
    /// What was found, `中文 / English`.
    pub message: String,
}

fn finding(rule: &str, status: CheckStatus, figures: &[(&str, u64)], message: String) -> Finding {
    Finding {
        rule: rule.to_string(),
        status,
        figures: figures
            .iter()
            .map(|(k, v)| ((*k).to_string(), *v))
            .collect(),
        message,
    }
}

/// Checks the organisation of `congress` on `as_of` against the rule set in force then:
///
/// - **L-7**: the deputies holding the mandate are no more than the quota for the population
///   ([`crate::deputy::QuotaFormula`]);
/// - **L-6**: the standing committee has `min..=max_for(population)` members
///   ([`crate::deputy::CommitteeSize`]);
/// - **R-O1**: at least `two_term_share` (one third) of the standing-committee members can
///   serve two full terms. Members with no record count for neither side: the check is
///   [`CheckStatus::NotCheckable`] when they could still tip it.
///
/// Without a population (or without a limit for the congress's level in the rule set), L-7 and
/// L-6 are reported as [`CheckStatus::NotCheckable`], never as passing. The findings come in
/// the order L-7, L-6, R-O1. Errors: an unknown congress (`not_found`, field `congress`); no
/// rule set in force for the level on `as_of` (`no_rule_set`).
///
/// ```
/// use renda::{composition::{check_organisation, CheckStatus}, Ledger};
/// let mut l = Ledger::new(Default::default());
/// l.execute_json(r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":16,"term_start":"2016-11-15",
///   "term_end":"2021-11-14","population":3130000}}"#).unwrap();
/// l.execute_json(r#"{"at":"2016-11-15","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///   "deputy":"D1","congress":"hd","name":"甲"}}"#).unwrap();
/// let f = check_organisation(l.state(), l.rules(), &"hd".parse().unwrap(),
///     "2017-01-01".parse().unwrap()).unwrap();
/// assert_eq!((f[0].rule.as_str(), f[0].status), ("L-7", CheckStatus::Holds));
/// assert_eq!(f[0].figures["quota"], 450);
/// assert_eq!((f[1].rule.as_str(), f[1].status), ("L-6", CheckStatus::Violated)); // no members yet
/// assert_eq!((f[2].rule.as_str(), f[2].status), ("R-O1", CheckStatus::NotCheckable));
/// ```
pub fn check_organisation(
    state: &State,
    book: &RuleBook,
    congress: &CongressId,
    as_of: NaiveDate,
) -> Result<Vec<Finding>> {
    let c = state.congress(congress, "congress")?;
    let rules = &book.in_force(c.level, as_of)?.deputy;
    let level = c.level.as_str();
    let holding = deputies_of(state, c)
        .filter(|d| d.status_on(c, as_of).holds_mandate())
        .count() as u64;
    let members = committee_members(state, c, as_of);
    let m = members.len() as u64;
    let no_population = |rule: &str, what_zh: &str, what_en: &str, figures: &[(&str, u64)]| {
        finding(
            rule,
            CheckStatus::NotCheckable,
            figures,
            format!(
                "未登记人口，无法核对{what_zh} / congress `{congress}` has no population recorded; {what_en} cannot be checked"
            ),
        )
    };
    let no_rule = |rule: &str, what_zh: &str, what_en: &str, figures: &[(&str, u64)]| {
        finding(
            rule,
            CheckStatus::NotCheckable,
            figures,
            format!(
                "现行规则未规定{level}级{what_zh} / the rule set in force on {as_of} sets no {what_en} for level `{level}`"
            ),
        )
    };

    // L-7: deputy quota.
    let quota = match (c.population, rules.quota.get(&c.level)) {
        (None, _) => no_population(
            "L-7",
            "代表名额",
            "the deputy quota",
            &[("holding_mandate", holding)],
        ),
        (Some(pop), None) => no_rule(
            "L-7",
            "代表名额",
            "deputy quota",
            &[("holding_mandate", holding), ("population", pop)],
        ),
        (Some(pop), Some(formula)) => {
            let quota = u64::from(formula.quota(pop));
            let ok = holding <= quota;
            finding(
                "L-7",
                if ok { CheckStatus::Holds } else { CheckStatus::Violated },
                &[("holding_mandate", holding), ("quota", quota), ("population", pop)],
                format!(
                    "{as_of}在任代表{holding}名，{}代表名额{quota}名（人口{pop}） / {holding} deputies hold the mandate on {as_of}, {} the quota of {quota} for a population of {pop}",
                    if ok { "未超过" } else { "超过" },
                    if ok { "within" } else { "over" },
                ),
            )
        }
    };

    // L-6: standing-committee size.
    let size = match (c.population, rules.committee_size.get(&c.level)) {
        (None, _) => no_population(
            "L-6",
            "常委会组成人员名额",
            "the standing-committee size",
            &[("members", m)],
        ),
        (Some(pop), None) => no_rule(
            "L-6",
            "常委会组成人员名额",
            "standing-committee size",
            &[("members", m), ("population", pop)],
        ),
        (Some(pop), Some(limits)) => {
            let (min, max) = (u64::from(limits.min), u64::from(limits.max_for(pop)));
            let (status, zh, en) = if m < min {
                (CheckStatus::Violated, "少于", "fewer than")
            } else if m > max {
                (CheckStatus::Violated, "多于", "more than")
            } else {
                (CheckStatus::Holds, "在", "within")
            };
            let range_zh = if status.holds() {
                format!("{min}至{max}名之间")
            } else if m < min {
                format!("下限{min}名")
            } else {
                format!("上限{max}名")
            };
            let range_en = if status.holds() {
                format!("{min} to {max}")
            } else if m < min {
                format!("the minimum of {min}")
            } else {
                format!("the maximum of {max}")
            };
            finding(
                "L-6",
                status,
                &[("members", m), ("min", min), ("max", max), ("population", pop)],
                format!(
                    "{as_of}常委会组成人员{m}名，{zh}{range_zh}（人口{pop}） / the standing committee has {m} members on {as_of}, {en} {range_en} for a population of {pop}"
                ),
            )
        }
    };

    // R-O1: at least num/den of the members can serve two full terms.
    let (num, den) = (
        u64::from(rules.two_term_share.0),
        u64::from(rules.two_term_share.1),
    );
    let able = members
        .iter()
        .filter(|x| x.can_serve_two_terms == Some(true))
        .count() as u64;
    let unknown = members
        .iter()
        .filter(|x| x.can_serve_two_terms.is_none())
        .count() as u64;
    let meets = |n: u64| u128::from(n) * u128::from(den) >= u128::from(m) * u128::from(num);
    let required = (u128::from(m) * u128::from(num)).div_ceil(u128::from(den.max(1))) as u64;
    let figures = [
        ("members", m),
        ("can_serve_two_terms", able),
        ("unknown", unknown),
        ("required", required),
        ("share_numerator", num),
        ("share_denominator", den),
    ];
    let renewal = if m == 0 {
        finding(
            "R-O1",
            CheckStatus::NotCheckable,
            &figures,
            format!("{as_of}常委会无组成人员 / the standing committee has no members on {as_of}"),
        )
    } else if meets(able) {
        finding(
            "R-O1",
            CheckStatus::Holds,
            &figures,
            format!(
                "常委会组成人员{m}名中{able}名能任满两届，不少于{num}/{den}（{required}名） / {able} of {m} standing-committee members can serve two full terms, at least {num}/{den} ({required}) as required"
            ),
        )
    } else if meets(able + unknown) {
        finding(
            "R-O1",
            CheckStatus::NotCheckable,
            &figures,
            format!(
                "常委会组成人员{m}名中{able}名能任满两届，{unknown}名未登记，无法确定是否达到{num}/{den}（{required}名） / {able} of {m} standing-committee members can serve two full terms and {unknown} have no record: whether {num}/{den} ({required}) can is unknown"
            ),
        )
    } else {
        finding(
            "R-O1",
            CheckStatus::Violated,
            &figures,
            format!(
                "常委会组成人员{m}名中仅{able}名能任满两届，少于{num}/{den}（{required}名） / only {able} of {m} standing-committee members can serve two full terms, fewer than {num}/{den} ({required})"
            ),
        )
    };
    Ok(vec![quota, size, renewal])
}

impl Ledger {
    /// The composition of `congress` on `as_of` ([`composition`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.composition(&"hd".parse().unwrap(), "2017-12-31".parse().unwrap(), 2).unwrap_err();
    /// assert_eq!(e.field(), Some("congress"));
    /// ```
    pub fn composition(
        &self,
        congress: &CongressId,
        as_of: NaiveDate,
        decimals: u32,
    ) -> Result<Composition> {
        composition(self.state(), congress, as_of, decimals)
    }

    /// The participation rate of `congress`'s deputies in activities from `from` to `to`
    /// ([`participation`]; S000-8).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let d = |s: &str| s.parse().unwrap();
    /// let e = l.participation(&"hd".parse().unwrap(), d("2017-01-01"), d("2017-12-31"), 1);
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn participation(
        &self,
        congress: &CongressId,
        from: NaiveDate,
        to: NaiveDate,
        decimals: u32,
    ) -> Result<Share> {
        participation(self.state(), congress, from, to, decimals)
    }

    /// The organisation checks L-7, L-6 and R-O1 of `congress` on `as_of`, against this
    /// ledger's rule book ([`check_organisation`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.check_organisation(&"hd".parse().unwrap(), "2017-12-31".parse().unwrap());
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn check_organisation(
        &self,
        congress: &CongressId,
        as_of: NaiveDate,
    ) -> Result<Vec<Finding>> {
        check_organisation(self.state(), self.rules(), congress, as_of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::CountUnit::{Items, PersonTimes, Persons};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cid(s: &str) -> CongressId {
        s.parse().unwrap()
    }

    fn pct(n: u64, nu: CountUnit, den: u64, du: CountUnit, dp: u32) -> String {
        Share::new(Count::new(n, nu), Count::new(den, du), dp)
            .unwrap()
            .percent
    }

    /// Runs `(at, role, command)` triples; every one must be accepted.
    fn ledger(steps: &[(&str, &str, serde_json::Value)]) -> Ledger {
        let mut l = Ledger::new(RuleBook::default());
        for (at, role, command) in steps {
            let env = serde_json::json!({"at": at, "actor": {"role": role, "id": role}, "command": command});
            l.execute_json(&env.to_string())
                .unwrap_or_else(|e| panic!("{command}: {e}"));
        }
        l
    }

    fn congress(id: &str, population: Option<u64>) -> serde_json::Value {
        serde_json::json!({"type": "register_congress", "congress": id, "name": "测试区人大",
            "level": "county", "term": 1, "term_start": "2020-01-01", "term_end": "2024-12-31",
            "population": population})
    }

    fn deputy(id: &str, congress: &str, profile: serde_json::Value) -> serde_json::Value {
        serde_json::json!({"type": "register_deputy", "deputy": id, "congress": congress,
            "name": format!("代表{id}"), "profile": profile})
    }

    fn join(id: &str, two_terms: Option<bool>, new: Option<bool>) -> serde_json::Value {
        serde_json::json!({"type": "join_standing_committee", "deputy": id, "post": "member",
            "can_serve_two_terms": two_terms, "new_this_term": new})
    }

    #[test]
    fn rounding_is_half_up_at_the_given_precision() {
        // Exactly halfway: always up, never to even.
        assert_eq!(pct(1, Persons, 8, Persons, 0), "13"); // 12.5
        assert_eq!(pct(1, Persons, 8, Persons, 1), "12.5");
        assert_eq!(pct(1, Persons, 200, Persons, 0), "1"); // 0.5
        assert_eq!(pct(1, Persons, 201, Persons, 0), "0"); // 0.4975…
        assert_eq!(pct(1, Persons, 800, Persons, 2), "0.13"); // 0.125
        assert_eq!(pct(3, Persons, 800, Persons, 2), "0.38"); // 0.375
        assert_eq!(pct(5, Persons, 16, Persons, 1), "31.3"); // 31.25
                                                             // Below and above halfway.
        assert_eq!(pct(1, Persons, 3, Persons, 2), "33.33");
        assert_eq!(pct(2, Persons, 3, Persons, 2), "66.67");
        assert_eq!(pct(1, Persons, 3, Persons, 6), "33.333333");
        // Trailing zeros are kept: the precision is part of the figure.
        assert_eq!(pct(0, Persons, 7, Persons, 2), "0.00");
        assert_eq!(pct(7, Persons, 7, Persons, 0), "100");
        assert_eq!(pct(445, Persons, 445, Persons, 2), "100.00");
        // §8 figures.
        assert_eq!(pct(436, Persons, 445, Persons, 2), "97.98");
        assert_eq!(pct(179, Persons, 445, Persons, 2), "40.22");
        assert_eq!(pct(24, Persons, 45, Persons, 1), "53.3");
        // No overflow at the extremes.
        assert_eq!(pct(u64::MAX, Persons, u64::MAX, Persons, 6), "100.000000");
        assert_eq!(pct(1, Persons, u64::MAX, Persons, 6), "0.000000");
    }

    #[test]
    fn mixed_units_warn_but_compute() {
        let s = Share::new(Count::person_times(5), Count::persons(4), 1).unwrap();
        assert_eq!(s.percent, "125.0");
        assert_eq!(
            s.warnings,
            vec![StatsWarning::UnitMismatch {
                numerator_unit: PersonTimes,
                denominator_unit: Persons
            }]
        );
        assert!(Share::new(Count::new(5, Items), Count::new(9, Items), 1)
            .unwrap()
            .warnings
            .is_empty());
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["numerator"]["unit"], "person_times");
        assert_eq!(json["warnings"][0]["code"], "unit_mismatch");
    }

    #[test]
    fn bad_shares_are_typed_errors() {
        let e = Share::new(Count::persons(1), Count::persons(0), 1).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("invalid_field", Some("denominator"))
        );
        let e = Share::new(Count::persons(1), Count::persons(3), 7).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_field", Some("decimals")));
        assert_eq!(e.value().as_deref(), Some("7"));
        let s = Share::new(Count::persons(1), Count::persons(3), 2).unwrap();
        assert_eq!(s.check("abc").unwrap_err().field(), Some("stated_percent"));
        let l = ledger(&[("2020-01-02", "admin", congress("t", None))]);
        for e in [
            l.composition(&cid("t"), d("2021-01-01"), 7).unwrap_err(),
            l.participation(&cid("t"), d("2021-01-01"), d("2021-12-31"), 7)
                .unwrap_err(),
        ] {
            assert_eq!(e.field(), Some("decimals"));
        }
        assert_eq!(
            l.composition(&cid("x"), d("2021-01-01"), 1)
                .unwrap_err()
                .field(),
            Some("congress")
        );
        // No deputies: the participation rate has no base.
        let e = l
            .participation(&cid("t"), d("2021-01-01"), d("2021-12-31"), 1)
            .unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_field", Some("to")));
        let e = l
            .participation(&cid("t"), d("2021-12-31"), d("2021-01-01"), 1)
            .unwrap_err();
        assert_eq!(e.field(), Some("from"));
    }

    #[test]
    fn missing_attributes_are_counted_not_taken_as_false() {
        let l = ledger(&[
            ("2020-01-02", "admin", congress("t", None)),
            (
                "2020-01-02",
                "admin",
                deputy(
                    "D1",
                    "t",
                    serde_json::json!({"education": "master", "re_elected": true,
                    "gender": "female", "party": "cpc"}),
                ),
            ),
            (
                "2020-01-02",
                "admin",
                deputy(
                    "D2",
                    "t",
                    serde_json::json!({"education": "secondary_or_below",
                    "re_elected": false, "resident_unit": false, "party": "non_party"}),
                ),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D3", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy(
                    "D4",
                    "t",
                    serde_json::json!({"education": "college", "gender": "male"}),
                ),
            ),
        ]);
        let c = l.composition(&cid("t"), d("2021-01-01"), 1).unwrap();
        assert_eq!(c.elected, Count::persons(4));
        let row = |a: &Attribute| {
            (
                a.count.value,
                a.missing.value,
                a.share.as_ref().map(|s| s.percent.clone()),
            )
        };
        // Education: D1 master, D2 secondary, D4 college; D3 unknown.
        assert_eq!(row(&c.college_or_above), (2, 1, Some("50.0".into())));
        assert_eq!(row(&c.postgraduate), (1, 1, Some("25.0".into())));
        assert_eq!(row(&c.re_elected), (1, 2, Some("25.0".into())));
        // Only D2 records the resident-unit flag, as false: 0 % of 4, with 3 missing.
        assert_eq!(row(&c.resident_unit), (0, 3, Some("0.0".into())));
        assert_eq!(row(&c.female), (1, 2, Some("25.0".into())));
        assert_eq!(row(&c.cpc), (1, 2, Some("25.0".into())));
        // The base stays the elected deputies even where records are missing.
        assert_eq!(c.re_elected.share.unwrap().denominator, Count::persons(4));
        // A column nobody filled in has no share at all.
        let a = Attribute::from_values([None, None, None], 3, 2).unwrap();
        assert_eq!(row(&a), (0, 3, None));
        let a = Attribute::from_values(std::iter::empty(), 0, 2).unwrap();
        assert_eq!(row(&a), (0, 0, None));
    }

    #[test]
    fn statuses_on_a_date() {
        let l = ledger(&[
            ("2020-01-02", "admin", congress("t", Some(200_000))),
            (
                "2020-01-02",
                "admin",
                deputy("D1", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D2", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D3", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D4", "t", serde_json::json!({})),
            ),
            (
                "2020-03-02",
                "deputy_affairs_office",
                serde_json::json!({"type": "terminate_qualification", "deputy": "D1", "reason": "moved_out"}),
            ),
            (
                "2020-04-01",
                "deputy_affairs_office",
                serde_json::json!({"type": "terminate_qualification", "deputy": "D2", "reason": "died"}),
            ),
            (
                "2020-05-01",
                "deputy_affairs_office",
                serde_json::json!({"type": "suspend_deputy", "deputy": "D3", "reason": "刑事拘留"}),
            ),
            (
                "2020-06-01",
                "admin",
                serde_json::json!({"type": "register_deputy", "deputy": "D5", "congress": "t",
                    "name": "补选代表", "elected_on": "2020-06-01", "mandate": "by_election"}),
            ),
        ]);
        let at = |date: &str| l.composition(&cid("t"), d(date), 1).unwrap();
        let c = at("2020-03-01");
        assert_eq!(
            (c.elected.value, c.holding_mandate.value, c.terminated.value),
            (4, 4, 0)
        );
        assert!(c.terminated_by_reason.is_empty());
        let c = at("2020-05-31");
        assert_eq!(
            (
                c.elected.value,
                c.holding_mandate.value,
                c.suspended.value,
                c.terminated.value
            ),
            (4, 2, 1, 2)
        );
        // Ordered by wire name: died, moved_out.
        assert_eq!(
            c.terminated_by_reason,
            vec![
                ReasonCount {
                    reason: TerminationReason::Died,
                    count: Count::persons(1)
                },
                ReasonCount {
                    reason: TerminationReason::MovedOut,
                    count: Count::persons(1)
                },
            ]
        );
        let c = at("2020-06-01");
        assert_eq!(
            (
                c.elected.value,
                c.by_election.value,
                c.holding_mandate.value
            ),
            (5, 1, 3)
        );
        // Quota for 200,000 people: 140 + 40 = 180.
        let f = l.check_organisation(&cid("t"), d("2020-06-01")).unwrap();
        assert_eq!(f[0].status, CheckStatus::Holds);
        assert_eq!(f[0].figures["holding_mandate"], 3);
        assert_eq!(f[0].figures["quota"], 180);
    }

    #[test]
    fn participation_counts_person_times_of_this_congress_in_the_window() {
        let act = |id: &str, on: &str, who: &[&str]| {
            serde_json::json!({"type": "record_activity", "activity": id, "congress": "t",
                "kind": "voter_contact", "on": on, "title": "联系选民", "participants": who})
        };
        let l = ledger(&[
            ("2020-01-02", "admin", congress("t", None)),
            ("2020-01-02", "admin", congress("city", None)),
            (
                "2020-01-02",
                "admin",
                deputy("D1", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D2", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("D3", "t", serde_json::json!({})),
            ),
            (
                "2020-01-02",
                "admin",
                deputy("M1", "city", serde_json::json!({})),
            ),
            (
                "2020-12-31",
                "deputy_affairs_office",
                act("A0", "2020-12-31", &["D1"]),
            ),
            (
                "2021-01-01",
                "deputy_affairs_office",
                act("A1", "2021-01-01", &["D1", "D2", "M1"]),
            ),
            (
                "2021-06-01",
                "deputy_affairs_office",
                act("A2", "2021-06-01", &["D1"]),
            ),
            (
                "2021-07-01",
                "deputy_affairs_office",
                serde_json::json!({"type": "terminate_qualification", "deputy": "D3", "reason": "moved_out"}),
            ),
            (
                "2021-12-31",
                "deputy_affairs_office",
                act("A3", "2021-12-31", &["D2", "M1"]),
            ),
            (
                "2022-01-01",
                "deputy_affairs_office",
                act("A4", "2022-01-01", &["D1"]),
            ),
        ]);
        // 2021: A1 (D1, D2), A2 (D1), A3 (D2) = 4 person-times of `t`; the city deputy M1 and
        // the activities of 2020-12-31 and 2022-01-01 are outside. Base: D1, D2 on 2021-12-31.
        let s = l
            .participation(&cid("t"), d("2021-01-01"), d("2021-12-31"), 1)
            .unwrap();
        assert_eq!(s.numerator, Count::person_times(4));
        assert_eq!(s.denominator, Count::persons(2));
        assert_eq!(s.percent, "200.0");
        assert_eq!(s.warnings[0].code(), "unit_mismatch");
        // A one-day window at each edge.
        let one = |day: &str| {
            l.participation(&cid("t"), d(day), d(day), 0)
                .unwrap()
                .numerator
                .value
        };
        assert_eq!(
            (one("2020-12-31"), one("2021-01-01"), one("2021-12-31")),
            (1, 2, 1)
        );
        // The city congress sees only its own deputy.
        let s = l
            .participation(&cid("city"), d("2021-01-01"), d("2021-12-31"), 0)
            .unwrap();
        assert_eq!(
            (s.numerator.value, s.denominator.value, s.percent.as_str()),
            (2, 1, "200")
        );
    }

    #[test]
    fn a_congress_without_population_is_not_checkable() {
        let mut steps = vec![("2020-01-02", "admin", congress("t", None))];
        for i in 1..=6 {
            steps.push((
                "2020-01-02",
                "admin",
                deputy(&format!("D{i}"), "t", serde_json::json!({})),
            ));
        }
        // 2 can, 3 cannot, 1 unknown: 2 of 6 is exactly one third.
        for (i, two) in [
            (1, Some(true)),
            (2, Some(true)),
            (3, Some(false)),
            (4, Some(false)),
            (5, Some(false)),
            (6, None),
        ] {
            steps.push((
                "2020-01-10",
                "deputy_affairs_office",
                join(&format!("D{i}"), two, None),
            ));
        }
        let l = ledger(&steps);
        let f = l.check_organisation(&cid("t"), d("2020-02-01")).unwrap();
        let rules: Vec<&str> = f.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, ["L-7", "L-6", "R-O1"]);
        assert_eq!(f[0].status, CheckStatus::NotCheckable);
        assert_eq!(f[0].figures.get("quota"), None);
        assert_eq!(f[0].figures["holding_mandate"], 6);
        assert!(f[0].message.contains("未登记人口") && f[0].message.contains("no population"));
        assert_eq!(f[1].status, CheckStatus::NotCheckable);
        assert_eq!(f[1].figures["members"], 6);
        assert!(!f[1].status.holds());
        // R-O1 needs no population.
        assert_eq!(f[2].status, CheckStatus::Holds);
        assert_eq!(f[2].figures["required"], 2);
        assert_eq!(f[2].figures["can_serve_two_terms"], 2);
        assert_eq!(f[2].figures["unknown"], 1);
        // Before the members joined, there is no committee to check.
        let f = l.check_organisation(&cid("t"), d("2020-01-09")).unwrap();
        assert_eq!(
            (f[2].status, f[2].figures["members"]),
            (CheckStatus::NotCheckable, 0)
        );
        let json = serde_json::to_value(&f[0]).unwrap();
        assert_eq!(json["status"], "not_checkable");
        assert_eq!(json["rule"], "L-7");
    }

    #[test]
    fn two_term_share_holds_fails_or_is_unknown() {
        let run = |flags: &[Option<bool>]| {
            let mut steps = vec![("2020-01-02", "admin", congress("t", Some(300_000)))];
            let ids: Vec<String> = (1..=flags.len()).map(|i| format!("D{i}")).collect();
            for id in &ids {
                steps.push((
                    "2020-01-02",
                    "admin",
                    deputy(id, "t", serde_json::json!({})),
                ));
            }
            for (id, two) in ids.iter().zip(flags) {
                steps.push(("2020-01-10", "deputy_affairs_office", join(id, *two, None)));
            }
            let f = ledger(&steps)
                .check_organisation(&cid("t"), d("2020-02-01"))
                .unwrap();
            (f[1].status, f[2].status, f[2].figures["required"])
        };
        let (t, n, u) = (Some(true), Some(false), None);
        // 15 members need ⌈15/3⌉ = 5.
        let mut flags = vec![t; 5];
        flags.extend([n; 10]);
        assert_eq!(run(&flags), (CheckStatus::Holds, CheckStatus::Holds, 5));
        flags[4] = n; // 4 of 15
        assert_eq!(run(&flags).1, CheckStatus::Violated);
        flags[4] = u; // 4 known, 1 unknown that could make 5
        assert_eq!(run(&flags).1, CheckStatus::NotCheckable);
        // 16 members need ⌈16/3⌉ = 6: 5 can is not enough.
        let mut flags = vec![t; 5];
        flags.extend([n; 11]);
        assert_eq!(run(&flags), (CheckStatus::Holds, CheckStatus::Violated, 6));
        // L-6: 14 members are below the minimum of 15.
        let (size, _, _) = run(&[t; 14]);
        assert_eq!(size, CheckStatus::Violated);
    }

    #[test]
    fn committee_size_above_the_cap_is_violated() {
        // L-6 for 300,000 people: 15..=35. Record 36 members under a rule book without the
        // county limit, then check under the national limits.
        let mut steps = vec![("2020-01-02", "admin", congress("t", Some(300_000)))];
        let ids: Vec<String> = (1..=36).map(|i| format!("D{i:02}")).collect();
        for id in &ids {
            steps.push((
                "2020-01-02",
                "admin",
                deputy(id, "t", serde_json::json!({})),
            ));
        }
        for id in &ids {
            steps.push((
                "2020-01-10",
                "deputy_affairs_office",
                join(id, Some(true), Some(true)),
            ));
        }
        let mut open = crate::rules::RuleSet::national();
        open.deputy.committee_size.clear();
        let mut l = Ledger::new(RuleBook::new(vec![open.clone()]).unwrap());
        for (at, role, command) in &steps {
            let env = serde_json::json!({"at": at, "actor": {"role": role, "id": role}, "command": command});
            l.execute_json(&env.to_string()).unwrap();
        }
        let f = l.check_organisation(&cid("t"), d("2020-02-01")).unwrap();
        assert_eq!(f[1].status, CheckStatus::NotCheckable); // no limit for the level
        assert!(f[1].message.contains("county"));
        let national = RuleBook::default();
        let f = check_organisation(l.state(), &national, &cid("t"), d("2020-02-01")).unwrap();
        assert_eq!(f[1].status, CheckStatus::Violated);
        assert_eq!(
            (
                f[1].figures["members"],
                f[1].figures["min"],
                f[1].figures["max"]
            ),
            (36, 15, 35)
        );
        assert!(f[1].message.contains("上限35名") && f[1].message.contains("maximum of 35"));
        let c = l.composition(&cid("t"), d("2020-02-01"), 1).unwrap();
        assert_eq!(c.standing_committee.members, Count::persons(36));
        assert_eq!(
            c.standing_committee.new_this_term.share.unwrap().percent,
            "100.0"
        );
        assert_eq!(c.standing_committee.full_time.count.value, 0);
        assert_eq!(c.standing_committee.full_time.missing.value, 0);
    }
}
