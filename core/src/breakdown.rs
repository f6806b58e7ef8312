//! Figures broken down by unit, topic, level or submission period (issue 4 item 8; W1 step
//! 14, R-S6), and the plan ledger per year over a term (R-S5, S001-16).
//!
//! A breakdown row is the [`crate::figures::SuggestionFigures`] of the suggestions with that
//! key, computed by the same code, so the rows' counts add up to the whole figures' counts
//! and every rate has the definition of `docs/wire-format.md` §9: 办复率 `reply_rate`, 办结率
//! `completion_rate`, 解决率 `solved_or_progressing_rate`, 满意率 `satisfaction_rate`.
//!
//! ```
//! use renda::breakdown::Breakdown;
//! assert_eq!(serde_json::to_string(&Breakdown::Quarter).unwrap(), "\"quarter\"");
//! assert_eq!("unit".parse::<Breakdown>().unwrap(), Breakdown::Unit);
//! assert_eq!(Breakdown::Month.key_of_date("2024-03-09".parse().unwrap()), "2024-03");
//! assert_eq!(Breakdown::Quarter.key_of_date("2024-11-30".parse().unwrap()), "2024-Q4");
//! ```

use crate::actor::Actor;
use crate::error::{RendaError, Result};
use crate::figures::{Counts, FigureFilter, PlanLedger, Rate, Ratings, Results};
use crate::ids::CongressId;
use crate::ledger::Ledger;
use crate::projection::SuggestionFrame;
use crate::state::State;
use crate::suggestion::Suggestion;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What to break the figures down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// The lead unit (主办单位) the suggestion was assigned to by the date; `null` before.
    Unit,
    /// The suggestion's topic; `null` without one.
    Topic,
    /// The level of the suggestion's congress (`county`, `township`, …).
    Level,
    /// The year of submission, `"2024"`.
    Year,
    /// The quarter of submission, `"2024-Q1"`.
    Quarter,
    /// The month of submission, `"2024-03"`.
    Month,
}

impl Breakdown {
    /// Every breakdown.
    pub const ALL: [Breakdown; 6] = [
        Self::Unit,
        Self::Topic,
        Self::Level,
        Self::Year,
        Self::Quarter,
        Self::Month,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unit => "unit",
            Self::Topic => "topic",
            Self::Level => "level",
            Self::Year => "year",
            Self::Quarter => "quarter",
            Self::Month => "month",
        }
    }

    /// The key of a submission date for the period breakdowns (for the others, the year).
    pub fn key_of_date(self, d: NaiveDate) -> String {
        match self {
            Self::Quarter => format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Self::Month => format!("{}-{:02}", d.year(), d.month()),
            _ => d.year().to_string(),
        }
    }

    /// The key of a suggestion as of `as_of`.
    fn key(self, state: &State, s: &Suggestion, as_of: NaiveDate) -> Option<String> {
        match self {
            Self::Unit => s
                .assignment
                .as_ref()
                .filter(|a| a.assigned_on <= as_of)
                .map(|a| a.lead_unit.to_string()),
            Self::Topic => s.topic.clone(),
            Self::Level => state
                .congresses
                .get(&s.congress)
                .map(|c| c.level.as_str().to_string()),
            Self::Year | Self::Quarter | Self::Month => Some(self.key_of_date(s.submitted_on())),
        }
    }
}

impl std::str::FromStr for Breakdown {
    type Err = RendaError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| RendaError::InvalidField {
                field: "by".into(),
                value: crate::ids::truncate(s),
                reason: "must be one of unit, topic, level, year, quarter, month".into(),
            })
    }
}

/// The figures of the suggestions with one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownRow {
    /// The key (unit id, topic, level, `"2024"`, `"2024-Q1"`, `"2024-03"`), or `null` for the
    /// suggestions without one (not yet assigned, no topic).
    pub key: Option<String>,
    /// Counts (as in [`crate::figures::SuggestionFigures::counts`]).
    pub counts: Counts,
    /// Latest results.
    pub results: Results,
    /// Latest lead-deputy ratings.
    pub ratings: Ratings,
    /// The plan ledger.
    pub plan_ledger: PlanLedger,
    /// 办复率: replied / assigned.
    pub reply_rate: Rate,
    /// 按期办复率: replied on time / assigned.
    pub on_time_reply_rate: Rate,
    /// 办结率: closed / assigned.
    pub completion_rate: Rate,
    /// 解决率: latest result A or B / replied.
    pub solved_or_progressing_rate: Rate,
    /// 满意率: satisfied or basically satisfied / rated.
    pub satisfaction_rate: Rate,
}

impl Ledger {
    /// The figures as of `as_of` for the suggestions passing `filter`, one row per key of
    /// `by`, ordered by key with `null` last; keys without a suggestion submitted by the date
    /// are left out.
    ///
    /// ```
    /// use renda::breakdown::Breakdown;
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.figures_by("2024-12-31".parse().unwrap(), &Default::default(), Breakdown::Unit).unwrap().is_empty());
    /// ```
    pub fn figures_by(
        &self,
        as_of: NaiveDate,
        filter: &FigureFilter,
        by: Breakdown,
    ) -> Result<Vec<BreakdownRow>> {
        rows(self, self.state(), as_of, filter, by)
    }

    /// [`Ledger::figures_by`] as `reader` may see it (as [`Ledger::figures_as`]: the public
    /// only once published, handling units and government staff without ratings they may not
    /// see yet).
    pub fn figures_by_as(
        &self,
        reader: &Actor,
        as_of: NaiveDate,
        filter: &FigureFilter,
        by: Breakdown,
    ) -> Result<Vec<BreakdownRow>> {
        // The publication check of `figures_as` (its figures are not needed).
        self.figures_as(reader, as_of, filter)?;
        let view = self.state_as(reader);
        rows(self, &view, as_of, filter, by)
    }

    /// The plan ledger (列入计划台账, R-S5) of a congress's term as of `as_of`, per year of
    /// entry, with the term's totals (S001-16: 29 entered = 13 solved + 16 progressing).
    pub fn plan_ledger(&self, congress: &CongressId, as_of: NaiveDate) -> Result<PlanLedgerReport> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        let filter = FigureFilter {
            congress: Some(congress.clone()),
            ..FigureFilter::default()
        };
        let frame = SuggestionFrame::build(st, self.rules(), self.calendar(), &filter)?;
        let mut years: BTreeMap<i32, PlanLedgerYear> = BTreeMap::new();
        for e in frame.plan_entries(as_of) {
            let y = e.entered_on.year();
            let row = years.entry(y).or_insert(PlanLedgerYear {
                year: y,
                entered: 0,
                second_replied: 0,
                solved: 0,
                progressing: 0,
            });
            row.entered += 1;
            row.second_replied += e.second_replied as u64;
            row.solved += e.solved as u64;
            row.progressing += !e.solved as u64;
        }
        let mut total = PlanLedgerTotal::default();
        for y in years.values() {
            total.entered += y.entered;
            total.second_replied += y.second_replied;
            total.solved += y.solved;
            total.progressing += y.progressing;
        }
        total.solved_rate = Rate::new(total.solved, total.entered);
        Ok(PlanLedgerReport {
            congress: congress.clone(),
            as_of,
            term_start: c.term_start,
            term_end: c.term_end,
            years: years.into_values().collect(),
            total,
        })
    }
}

fn rows(
    ledger: &Ledger,
    state: &State,
    as_of: NaiveDate,
    filter: &FigureFilter,
    by: Breakdown,
) -> Result<Vec<BreakdownRow>> {
    if let Some(c) = &filter.congress {
        state.congress(c, "filter.congress")?;
    }
    // Keys sort with `null` last.
    let mut keys: BTreeMap<(bool, String), Option<String>> = BTreeMap::new();
    for s in state.suggestions.values() {
        let k = by.key(state, s, as_of);
        keys.entry((k.is_none(), k.clone().unwrap_or_default()))
            .or_insert(k);
    }
    let mut out = Vec::with_capacity(keys.len());
    for key in keys.into_values() {
        let frame =
            SuggestionFrame::build_where(state, ledger.rules(), ledger.calendar(), filter, |s| {
                by.key(state, s, as_of) == key
            })?;
        let f = frame.figures(as_of)?;
        if f.counts.submitted == 0 {
            continue;
        }
        out.push(BreakdownRow {
            key,
            counts: f.counts,
            results: f.results,
            ratings: f.ratings,
            plan_ledger: f.plan_ledger,
            reply_rate: f.reply_rate,
            on_time_reply_rate: f.on_time_reply_rate,
            completion_rate: f.completion_rate,
            solved_or_progressing_rate: f.solved_or_progressing_rate,
            satisfaction_rate: f.satisfaction_rate,
        });
    }
    Ok(out)
}

/// The plan-ledger entries of one year (R-S5): the suggestions that **entered** the plan
/// ledger that year (a cohort), and what has become of them by the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLedgerYear {
    /// Year of entry (the day the lead deputy's rating placed the suggestion in the plan).
    pub year: i32,
    /// Entered that year.
    pub entered: u64,
    /// Of which given the second reply by the date.
    pub second_replied: u64,
    /// Of which solved: that second reply is category A.
    pub solved: u64,
    /// Of which still progressing: `entered − solved` (awaiting the second reply, or given
    /// one that is not category A).
    pub progressing: u64,
}

/// The plan ledger's totals over the term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLedgerTotal {
    /// Entered this term.
    pub entered: u64,
    /// Of which given the second reply.
    pub second_replied: u64,
    /// Of which solved (second reply category A).
    pub solved: u64,
    /// Of which still progressing (`entered − solved`).
    pub progressing: u64,
    /// solved / entered (S001-16: 13 / 29 = 44.8 %).
    pub solved_rate: Rate,
}

impl Default for PlanLedgerTotal {
    fn default() -> Self {
        Self {
            entered: 0,
            second_replied: 0,
            solved: 0,
            progressing: 0,
            solved_rate: Rate::new(0, 0),
        }
    }
}

/// The plan ledger of a congress's term ([`Ledger::plan_ledger`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLedgerReport {
    /// The congress.
    pub congress: CongressId,
    /// The date (end of day, China time).
    pub as_of: NaiveDate,
    /// First day of the term.
    pub term_start: NaiveDate,
    /// Last day of the term.
    pub term_end: NaiveDate,
    /// One row per year with entries, oldest first.
    pub years: Vec<PlanLedgerYear>,
    /// Totals over the term.
    pub total: PlanLedgerTotal,
}
