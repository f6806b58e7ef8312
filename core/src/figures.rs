//! Figures: rates with explicit numerator, denominator and rounding, and the suggestion-handling
//! figures as of a date (W1 step 14, §4.2).
//!
//! Percentages are exact rational arithmetic rounded half up, carried as text
//! (`"61.2"`) so every language prints the same digits.

use crate::ids::{CongressId, SuggestionId, UnitId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A rate: numerator over denominator, with the percentage rounded half up.
///
/// ```
/// use renda::figures::Rate;
/// // S001-13: 126 of 206 suggestions solved or progressing = 61.2 %.
/// assert_eq!(Rate::new(126, 206).percent.as_deref(), Some("61.2"));
/// assert_eq!(Rate::with_precision(436, 445, 2).percent.as_deref(), Some("97.98"));
/// assert_eq!(Rate::new(0, 0).percent, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// Numerator.
    pub numerator: u64,
    /// Denominator.
    pub denominator: u64,
    /// Percentage rounded half up at `decimals` places, or `None` when the denominator is 0.
    pub percent: Option<String>,
}

impl Rate {
    /// A rate with one decimal place (the precision of the seeds' reports).
    pub fn new(numerator: u64, denominator: u64) -> Self {
        Self::with_precision(numerator, denominator, 1)
    }

    /// A rate rounded half up to `decimals` places (at most 6).
    pub fn with_precision(numerator: u64, denominator: u64, decimals: u32) -> Self {
        Self {
            numerator,
            denominator,
            percent: percent_text(numerator, denominator, decimals.min(6)),
        }
    }
}

/// `numerator / denominator × 100`, rounded half up at `decimals` places, as text.
///
/// ```
/// assert_eq!(renda::figures::percent_text(179, 445, 2).as_deref(), Some("40.22"));
/// assert_eq!(renda::figures::percent_text(1, 3, 0).as_deref(), Some("33"));
/// assert_eq!(renda::figures::percent_text(2, 3, 1).as_deref(), Some("66.7"));
/// ```
pub fn percent_text(numerator: u64, denominator: u64, decimals: u32) -> Option<String> {
    if denominator == 0 {
        return None;
    }
    // Figures compute three rates for each of hundreds of thousands of units: 64-bit
    // arithmetic when the doubled numerator fits (always, for counts below 10^10), 128-bit
    // otherwise.
    let scale = 10u64.pow(decimals);
    let fast = numerator
        .checked_mul(200 * scale)
        .and_then(|n2| n2.checked_add(denominator))
        .zip(denominator.checked_mul(2));
    let (int, frac) = match fast {
        Some((top, bottom)) => {
            let scaled = top / bottom;
            (u128::from(scaled / scale), u128::from(scaled % scale))
        }
        None => {
            let scale = u128::from(scale);
            let n = u128::from(numerator) * 100 * scale;
            let d = u128::from(denominator);
            let scaled = (2 * n + d) / (2 * d);
            (scaled / scale, scaled % scale)
        }
    };
    Some(if decimals == 0 {
        int.to_string()
    } else {
        format!("{int}.{frac:0width$}", width = decimals as usize)
    })
}

/// Which suggestions the figures cover.
///
/// ```
/// let f: renda::figures::FigureFilter = serde_json::from_str(r#"{"submitted_from":"2024-01-01"}"#).unwrap();
/// assert!(f.congress.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FigureFilter {
    /// Only this congress.
    pub congress: Option<CongressId>,
    /// Only suggestions submitted on or after this date.
    #[serde(deserialize_with = "crate::time::opt_china_date::deserialize")]
    pub submitted_from: Option<NaiveDate>,
    /// Only suggestions submitted on or before this date.
    #[serde(deserialize_with = "crate::time::opt_china_date::deserialize")]
    pub submitted_to: Option<NaiveDate>,
}

/// Counts of suggestions as of the date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Submitted by the date.
    pub submitted: u64,
    /// Of which during the session.
    pub during_session: u64,
    /// Of which in recess.
    pub during_recess: u64,
    /// Awaiting vetting or revision.
    pub awaiting_vetting: u64,
    /// Accepted at some point by the date.
    pub accepted: u64,
    /// Found not to be suggestions.
    pub rejected: u64,
    /// Withdrawn.
    pub withdrawn: u64,
    /// Assigned by the date (the denominator of the reply rate).
    pub assigned: u64,
    /// With at least one reply by the date (办复).
    pub replied: u64,
    /// First reply on or before its due date.
    pub replied_on_time: u64,
    /// Being re-handled.
    pub rehandling: u64,
    /// In the plan ledger awaiting the second reply.
    pub in_plan: u64,
    /// Closed (办结).
    pub closed: u64,
    /// Past their due date without the awaited reply.
    pub overdue: u64,
}

impl Counts {
    /// Adds the counts of disjoint suggestions to these.
    ///
    /// ```
    /// let mut c = renda::figures::Counts { submitted: 2, assigned: 1, ..Default::default() };
    /// c.add(&renda::figures::Counts { submitted: 3, ..Default::default() });
    /// assert_eq!((c.submitted, c.assigned), (5, 1));
    /// ```
    pub fn add(&mut self, other: &Counts) {
        self.submitted += other.submitted;
        self.during_session += other.during_session;
        self.during_recess += other.during_recess;
        self.awaiting_vetting += other.awaiting_vetting;
        self.accepted += other.accepted;
        self.rejected += other.rejected;
        self.withdrawn += other.withdrawn;
        self.assigned += other.assigned;
        self.replied += other.replied;
        self.replied_on_time += other.replied_on_time;
        self.rehandling += other.rehandling;
        self.in_plan += other.in_plan;
        self.closed += other.closed;
        self.overdue += other.overdue;
    }
}

/// Latest result category of replied suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(non_snake_case)]
pub struct Results {
    /// Solved.
    pub A: u64,
    /// Being solved or in the plan.
    pub B: u64,
    /// Cannot be solved now.
    pub C: u64,
    /// For reference.
    pub D: u64,
}

/// The lead deputies' latest ratings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    /// 满意.
    pub satisfied: u64,
    /// 基本满意.
    pub basically_satisfied: u64,
    /// 不满意.
    pub dissatisfied: u64,
}

impl Results {
    /// Adds another tally to this one.
    ///
    /// ```
    /// let mut r = renda::figures::Results { A: 1, ..Default::default() };
    /// r.add(&renda::figures::Results { A: 2, D: 1, ..Default::default() });
    /// assert_eq!((r.A, r.D), (3, 1));
    /// ```
    pub fn add(&mut self, other: &Results) {
        self.A += other.A;
        self.B += other.B;
        self.C += other.C;
        self.D += other.D;
    }
}

impl Ratings {
    /// Adds another tally to this one.
    ///
    /// ```
    /// let mut r = renda::figures::Ratings { satisfied: 1, ..Default::default() };
    /// r.add(&renda::figures::Ratings { dissatisfied: 2, ..Default::default() });
    /// assert_eq!(r.total(), 3);
    /// ```
    pub fn add(&mut self, other: &Ratings) {
        self.satisfied += other.satisfied;
        self.basically_satisfied += other.basically_satisfied;
        self.dissatisfied += other.dissatisfied;
    }

    /// All ratings given.
    pub fn total(&self) -> u64 {
        self.satisfied + self.basically_satisfied + self.dissatisfied
    }
}

/// The plan ledger (列入计划台账, R-S5; S001-16).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLedger {
    /// Entered the plan ledger by the date.
    pub entered: u64,
    /// Still awaiting the second reply.
    pub open: u64,
    /// Given the second reply.
    pub second_replied: u64,
    /// Of which solved (category A).
    pub solved: u64,
}

impl PlanLedger {
    /// Adds the plan-ledger counts of disjoint suggestions to these.
    ///
    /// ```
    /// let mut p = renda::figures::PlanLedger { entered: 2, ..Default::default() };
    /// p.add(&renda::figures::PlanLedger { entered: 1, solved: 1, ..Default::default() });
    /// assert_eq!((p.entered, p.solved), (3, 1));
    /// ```
    pub fn add(&mut self, other: &PlanLedger) {
        self.entered += other.entered;
        self.open += other.open;
        self.second_replied += other.second_replied;
        self.solved += other.solved;
    }
}

/// One overdue suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueItem {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// Its lead unit.
    pub lead_unit: UnitId,
    /// The due date passed.
    pub due: NaiveDate,
    /// Days past it.
    pub days_overdue: i64,
}

/// One handling unit's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitFigures {
    /// The unit.
    pub unit: UnitId,
    /// Suggestions it leads, assigned by the date.
    pub assigned: u64,
    /// Of which replied.
    pub replied: u64,
    /// Of which replied on time.
    pub replied_on_time: u64,
    /// Of which overdue.
    pub overdue: u64,
    /// Of which closed.
    pub closed: u64,
    /// Latest results.
    pub results: Results,
    /// Latest lead-deputy ratings.
    pub ratings: Ratings,
    /// 办复率.
    pub reply_rate: Rate,
    /// 解决率.
    pub solved_or_progressing_rate: Rate,
    /// 满意率.
    pub satisfaction_rate: Rate,
}

/// One count column of the per-unit figures table: the counts of a [`UnitFigures`] row in
/// table order. The Arrow table of the unit figures
/// (`renda::columnar::arrow::unit_figures_batch`) and the JavaScript unit table (typed
/// arrays) both take their columns, names and order from here; the rates follow from the
/// counts.
///
/// ```
/// use renda::figures::UnitCount;
/// let names: Vec<&str> = UnitCount::ALL.iter().map(|c| c.name()).collect();
/// assert_eq!(names[..3], ["assigned", "replied", "replied_on_time"]);
/// assert_eq!(UnitCount::ALL.len(), 12);
///
/// let ledger = renda::Ledger::new(Default::default());
/// let day = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
/// assert!(ledger.figures(day).unwrap().units.iter().all(|u| UnitCount::Closed.of(u) <= u.assigned));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitCount {
    /// Suggestions the unit leads, assigned by the date.
    Assigned,
    /// Of which replied.
    Replied,
    /// Of which replied on time.
    RepliedOnTime,
    /// Of which overdue.
    Overdue,
    /// Of which closed.
    Closed,
    /// Latest result A (solved).
    A,
    /// Latest result B (being solved or in the plan).
    B,
    /// Latest result C (cannot be solved now).
    C,
    /// Latest result D (for reference).
    D,
    /// Lead deputies' latest rating 满意.
    Satisfied,
    /// Lead deputies' latest rating 基本满意.
    BasicallySatisfied,
    /// Lead deputies' latest rating 不满意.
    Dissatisfied,
}

impl UnitCount {
    /// Every count column, in table order.
    pub const ALL: [UnitCount; 12] = [
        UnitCount::Assigned,
        UnitCount::Replied,
        UnitCount::RepliedOnTime,
        UnitCount::Overdue,
        UnitCount::Closed,
        UnitCount::A,
        UnitCount::B,
        UnitCount::C,
        UnitCount::D,
        UnitCount::Satisfied,
        UnitCount::BasicallySatisfied,
        UnitCount::Dissatisfied,
    ];

    /// The column name: the field name of [`UnitFigures`] (`replied_on_time`) or of its
    /// [`Results`] and [`Ratings`] (`A`, `basically_satisfied`).
    ///
    /// ```
    /// assert_eq!(renda::figures::UnitCount::BasicallySatisfied.name(), "basically_satisfied");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            UnitCount::Assigned => "assigned",
            UnitCount::Replied => "replied",
            UnitCount::RepliedOnTime => "replied_on_time",
            UnitCount::Overdue => "overdue",
            UnitCount::Closed => "closed",
            UnitCount::A => "A",
            UnitCount::B => "B",
            UnitCount::C => "C",
            UnitCount::D => "D",
            UnitCount::Satisfied => "satisfied",
            UnitCount::BasicallySatisfied => "basically_satisfied",
            UnitCount::Dissatisfied => "dissatisfied",
        }
    }

    /// This count of one unit's row.
    ///
    /// ```
    /// use renda::figures::{UnitCount, UnitFigures};
    /// let row: UnitFigures = serde_json::from_value(serde_json::json!({
    ///     "unit": "edu", "assigned": 5, "replied": 4, "replied_on_time": 3, "overdue": 1,
    ///     "closed": 2, "results": {"A": 2, "B": 1, "C": 1, "D": 0},
    ///     "ratings": {"satisfied": 1, "basically_satisfied": 1, "dissatisfied": 0},
    ///     "reply_rate": {"numerator": 4, "denominator": 5, "percent": "80.0"},
    ///     "solved_or_progressing_rate": {"numerator": 3, "denominator": 4, "percent": "75.0"},
    ///     "satisfaction_rate": {"numerator": 2, "denominator": 2, "percent": "100.0"}
    /// })).unwrap();
    /// let counts: Vec<u64> = UnitCount::ALL.iter().map(|c| c.of(&row)).collect();
    /// assert_eq!(counts, [5, 4, 3, 1, 2, 2, 1, 1, 0, 1, 1, 0]);
    /// ```
    pub fn of(self, unit: &UnitFigures) -> u64 {
        match self {
            UnitCount::Assigned => unit.assigned,
            UnitCount::Replied => unit.replied,
            UnitCount::RepliedOnTime => unit.replied_on_time,
            UnitCount::Overdue => unit.overdue,
            UnitCount::Closed => unit.closed,
            UnitCount::A => unit.results.A,
            UnitCount::B => unit.results.B,
            UnitCount::C => unit.results.C,
            UnitCount::D => unit.results.D,
            UnitCount::Satisfied => unit.ratings.satisfied,
            UnitCount::BasicallySatisfied => unit.ratings.basically_satisfied,
            UnitCount::Dissatisfied => unit.ratings.dissatisfied,
        }
    }
}

/// The suggestion-handling figures as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionFigures {
    /// The date (end of day, China time).
    pub as_of: NaiveDate,
    /// Counts.
    pub counts: Counts,
    /// 办复率: replied / assigned.
    pub reply_rate: Rate,
    /// 按期办复率: replied on time / assigned.
    pub on_time_reply_rate: Rate,
    /// 办结率: closed / assigned.
    pub completion_rate: Rate,
    /// 解决率: latest result A or B / replied (S001-13).
    pub solved_or_progressing_rate: Rate,
    /// 满意率: satisfied or basically satisfied / rated.
    pub satisfaction_rate: Rate,
    /// Latest results.
    pub results: Results,
    /// Latest lead-deputy ratings.
    pub ratings: Ratings,
    /// The plan ledger.
    pub plan_ledger: PlanLedger,
    /// Overdue suggestions, most overdue first.
    pub overdue: Vec<OverdueItem>,
    /// One row per lead unit, ordered by unit id.
    pub units: Vec<UnitFigures>,
}

impl UnitFigures {
    /// Adds the counts of another part's figures for the same unit to these; the rates are
    /// left as they were (see [`UnitFigures::from_counts`]).
    pub(crate) fn add_counts(&mut self, other: &UnitFigures) {
        self.assigned += other.assigned;
        self.replied += other.replied;
        self.replied_on_time += other.replied_on_time;
        self.overdue += other.overdue;
        self.closed += other.closed;
        self.results.add(&other.results);
        self.ratings.add(&other.ratings);
    }

    /// The unit's figures from its counts, with the rates derived from them (the one place
    /// the per-unit rates are defined).
    pub(crate) fn from_counts(
        unit: UnitId,
        counts: [u64; 5],
        results: Results,
        ratings: Ratings,
    ) -> Self {
        let [assigned, replied, replied_on_time, overdue, closed] = counts;
        Self {
            reply_rate: Rate::new(replied, assigned),
            solved_or_progressing_rate: Rate::new(results.A + results.B, replied),
            satisfaction_rate: Rate::new(
                ratings.satisfied + ratings.basically_satisfied,
                ratings.total(),
            ),
            unit,
            assigned,
            replied,
            replied_on_time,
            overdue,
            closed,
            results,
            ratings,
        }
    }
}

impl SuggestionFigures {
    /// The figures from their counts, with the rates derived from them (the one place the
    /// overall rates are defined).
    pub(crate) fn from_counts(
        as_of: NaiveDate,
        counts: Counts,
        results: Results,
        ratings: Ratings,
        plan_ledger: PlanLedger,
        overdue: Vec<OverdueItem>,
        units: Vec<UnitFigures>,
    ) -> Self {
        Self {
            as_of,
            reply_rate: Rate::new(counts.replied, counts.assigned),
            on_time_reply_rate: Rate::new(counts.replied_on_time, counts.assigned),
            completion_rate: Rate::new(counts.closed, counts.assigned),
            solved_or_progressing_rate: Rate::new(results.A + results.B, counts.replied),
            satisfaction_rate: Rate::new(
                ratings.satisfied + ratings.basically_satisfied,
                ratings.total(),
            ),
            counts,
            results,
            ratings,
            plan_ledger,
            overdue,
            units,
        }
    }
}
