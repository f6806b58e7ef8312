//! Columnar projections: compact columns built from the state (itself a function of the event
//! log), over which figures run at memory speed. Dates are day numbers, categories small
//! integers, ids interned to indexes; nested lists are flat columns with offsets.

use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::figures::{
    Counts, FigureFilter, OverdueItem, PlanLedger, Rate, Ratings, Results, SuggestionFigures,
    UnitFigures,
};
use crate::ids::{SuggestionId, UnitId};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod, SuggestionStatus};
use chrono::{Datelike, NaiveDate};

const NONE: i32 = i32::MAX;
const NO_UNIT: u32 = u32::MAX;

fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn from_day(d: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(d).expect("day numbers come from dates")
}

/// A suggestion's plan-ledger entry as of a date ([`SuggestionFrame::plan_entries`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlanEntry {
    /// The day it entered the plan ledger.
    pub entered_on: NaiveDate,
    /// Given the second reply (a later reply not itself in the plan).
    pub second_replied: bool,
    /// That reply is category A.
    pub solved: bool,
}

/// One suggestion's facts as of a date ([`SuggestionFrame::facts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RowFacts {
    /// Status at the end of the day.
    pub status: SuggestionStatus,
    /// Accepted at some point by the date.
    pub accepted: bool,
    /// Assigned by the date and not withdrawn: counted in the handling denominators. The
    /// fields below are set only for handled suggestions.
    pub handled: bool,
    /// Index of the lead unit among the frame's units.
    pub lead_unit: Option<usize>,
    /// Replies by the date.
    pub replies: usize,
    /// Day of the first reply.
    pub first_reply: Option<NaiveDate>,
    /// The first reply came on or before the due date in force that day.
    pub on_time: bool,
    /// Result category of the latest reply.
    pub result: Option<ResultCategory>,
    /// Plan-ledger entry (R-S5).
    pub plan: Option<PlanEntry>,
    /// The lead deputy's latest rating.
    pub rating: Option<Satisfaction>,
    /// Due date in force, while a reply is awaited (assigned or re-handling).
    pub due: Option<NaiveDate>,
    /// Days past `due`, when counted overdue (awaiting a reply past the due date, with a
    /// lead unit).
    pub overdue_days: Option<i64>,
}

/// The suggestions as columns, with due-date segments precomputed from the rule sets and the
/// calendar, ready for figures as of any date.
///
/// ```
/// use renda::{Ledger, projection::SuggestionFrame};
/// let ledger = Ledger::new(Default::default());
/// let frame = SuggestionFrame::build(ledger.state(), ledger.rules(), ledger.calendar(),
///     &Default::default()).unwrap();
/// assert_eq!(frame.len(), 0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SuggestionFrame {
    ids: Vec<SuggestionId>,
    units: Vec<UnitId>,
    submitted: Vec<i32>,
    during: Vec<u8>,
    assigned: Vec<i32>,
    lead_unit: Vec<u32>,
    hist_off: Vec<u32>,
    hist_day: Vec<i32>,
    hist_status: Vec<u8>,
    due_off: Vec<u32>,
    due_from: Vec<i32>,
    due_day: Vec<i32>,
    reply_off: Vec<u32>,
    reply_day: Vec<i32>,
    reply_result: Vec<u8>,
    reply_in_plan: Vec<bool>,
    fb_off: Vec<u32>,
    fb_day: Vec<i32>,
    fb_rating: Vec<u8>,
}

fn status_code(s: SuggestionStatus) -> u8 {
    SuggestionStatus::ALL
        .iter()
        .position(|x| *x == s)
        .expect("listed") as u8
}

impl SuggestionFrame {
    /// Builds the frame for the suggestions passing `filter`.
    pub fn build(
        state: &State,
        book: &RuleBook,
        calendar: &WorkCalendar,
        filter: &FigureFilter,
    ) -> Result<Self> {
        Self::build_where(state, book, calendar, filter, |_| true)
    }

    /// Builds the frame for the suggestions passing `filter` and `keep` (the rows of a
    /// breakdown, [`crate::breakdown`]).
    pub(crate) fn build_where(
        state: &State,
        book: &RuleBook,
        calendar: &WorkCalendar,
        filter: &FigureFilter,
        keep: impl Fn(&crate::suggestion::Suggestion) -> bool,
    ) -> Result<Self> {
        let mut f = Self {
            units: state.units.keys().cloned().collect(),
            ..Self::default()
        };
        f.hist_off.push(0);
        f.due_off.push(0);
        f.reply_off.push(0);
        f.fb_off.push(0);
        for s in state.suggestions.values() {
            let sub = s.submitted_on();
            if filter.congress.as_ref().is_some_and(|c| c != &s.congress)
                || filter.submitted_from.is_some_and(|d| sub < d)
                || filter.submitted_to.is_some_and(|d| sub > d)
                || !keep(s)
            {
                continue;
            }
            f.ids.push(s.id.clone());
            f.submitted.push(day(sub));
            f.during.push(match s.during {
                SubmissionPeriod::Session => 0,
                SubmissionPeriod::Recess => 1,
            });
            for (d, st) in &s.history {
                f.hist_day.push(day(*d));
                f.hist_status.push(status_code(*st));
            }
            f.hist_off.push(f.hist_day.len() as u32);
            match &s.assignment {
                Some(a) => {
                    f.assigned.push(day(a.assigned_on));
                    f.lead_unit.push(
                        f.units
                            .binary_search(&a.lead_unit)
                            .map(|i| i as u32)
                            .unwrap_or(NO_UNIT),
                    );
                    let level = state.congress(&s.congress, "suggestion.congress")?.level;
                    for seg in s.due_segments(book, level, calendar)? {
                        f.due_from.push(day(seg.from));
                        f.due_day.push(day(seg.due));
                    }
                }
                None => {
                    f.assigned.push(NONE);
                    f.lead_unit.push(NO_UNIT);
                }
            }
            f.due_off.push(f.due_from.len() as u32);
            for r in &s.replies {
                f.reply_day.push(day(r.on));
                f.reply_result.push(r.result as u8);
                f.reply_in_plan.push(r.in_plan);
            }
            f.reply_off.push(f.reply_day.len() as u32);
            for fb in s.feedback.iter().filter(|fb| fb.deputy == s.lead) {
                f.fb_day.push(day(fb.on));
                f.fb_rating.push(fb.rating as u8);
            }
            f.fb_off.push(f.fb_day.len() as u32);
        }
        Ok(f)
    }

    /// Number of suggestions in the frame.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the frame is empty.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn range(off: &[u32], i: usize) -> std::ops::Range<usize> {
        off[i] as usize..off[i + 1] as usize
    }

    /// Due date in force on day `d` for row `i` (last segment starting on or before `d`).
    fn due_on(&self, i: usize, d: i32) -> Option<i32> {
        let r = Self::range(&self.due_off, i);
        self.due_from[r.clone()]
            .iter()
            .rposition(|from| *from <= d)
            .map(|k| self.due_day[r.start + k])
    }

    /// Row `i`'s plan-ledger entry as of day `d` (R-S5): the day it entered the plan ledger
    /// (first `in_plan` status by then), whether it has since had a later reply not itself in
    /// the plan (the second reply), and whether the latest such reply is category A.
    fn plan_entry(&self, i: usize, d: i32) -> Option<PlanEntry> {
        let in_plan_code = status_code(SuggestionStatus::InPlan);
        let h = Self::range(&self.hist_off, i);
        let upto = h.start + self.hist_day[h.clone()].partition_point(|x| *x <= d);
        let k = self.hist_status[h.start..upto]
            .iter()
            .position(|s| *s == in_plan_code)?;
        let entered = self.hist_day[h.start + k];
        let r = Self::range(&self.reply_off, i);
        let nrep = self.reply_day[r.clone()].partition_point(|x| *x <= d);
        let second = (r.start..r.start + nrep)
            .rev()
            .find(|j| self.reply_day[*j] >= entered && !self.reply_in_plan[*j]);
        Some(PlanEntry {
            entered_on: from_day(entered),
            second_replied: second.is_some(),
            solved: second.is_some_and(|j| self.reply_result[j] == ResultCategory::A as u8),
        })
    }

    /// Every plan-ledger entry as of the end of `as_of` (suggestions submitted and assigned
    /// by then), in row order.
    pub(crate) fn plan_entries(&self, as_of: NaiveDate) -> Vec<PlanEntry> {
        let d = day(as_of);
        (0..self.len())
            .filter(|i| self.submitted[*i] <= d && self.assigned[*i] <= d)
            .filter_map(|i| self.plan_entry(i, d))
            .collect()
    }

    /// The suggestion id of row `i`.
    pub(crate) fn id(&self, i: usize) -> &SuggestionId {
        &self.ids[i]
    }

    /// The facts of row `i` as of the end of day `as_of`, or `None` if it was not yet
    /// submitted then: the one place the per-suggestion rules of the figures are applied
    /// (the figures add these facts up; [`crate::table`] lists them).
    pub(crate) fn facts(&self, i: usize, as_of: NaiveDate) -> Option<RowFacts> {
        use SuggestionStatus as S;
        let d = day(as_of);
        if self.submitted[i] > d {
            return None;
        }
        let h = Self::range(&self.hist_off, i);
        let upto = h.start + self.hist_day[h.clone()].partition_point(|x| *x <= d);
        let status = SuggestionStatus::ALL[self.hist_status[upto - 1] as usize];
        let mut f = RowFacts {
            status,
            accepted: self.hist_status[h.start..upto].contains(&status_code(S::Accepted)),
            handled: false,
            lead_unit: None,
            replies: 0,
            first_reply: None,
            on_time: false,
            result: None,
            plan: None,
            rating: None,
            due: None,
            overdue_days: None,
        };
        // A suggestion withdrawn after assignment (where the rule set allows it) is no
        // longer handled: it leaves the denominators.
        if self.assigned[i] > d || status == S::Withdrawn {
            return Some(f);
        }
        f.handled = true;
        f.lead_unit = (self.lead_unit[i] != NO_UNIT).then_some(self.lead_unit[i] as usize);
        // Replies by the date; the first decides timeliness, the latest the result.
        let r = Self::range(&self.reply_off, i);
        f.replies = self.reply_day[r.clone()].partition_point(|x| *x <= d);
        if f.replies > 0 {
            let first = self.reply_day[r.start];
            f.first_reply = Some(from_day(first));
            f.on_time = self.due_on(i, first).is_some_and(|due| first <= due);
            f.result =
                Some(ResultCategory::ALL[self.reply_result[r.start + f.replies - 1] as usize]);
        }
        // Plan ledger: entered when the status history shows in_plan by the date.
        f.plan = self.plan_entry(i, d);
        // The lead deputy's latest rating by the date.
        let fr = Self::range(&self.fb_off, i);
        let nfb = self.fb_day[fr.clone()].partition_point(|x| *x <= d);
        if nfb > 0 {
            f.rating = Some(Satisfaction::ALL[self.fb_rating[fr.start + nfb - 1] as usize]);
        }
        if matches!(status, S::Assigned | S::Rehandling) {
            if let Some(due) = self.due_on(i, d) {
                f.due = Some(from_day(due));
                if due < d && f.lead_unit.is_some() {
                    f.overdue_days = Some((d - due) as i64);
                }
            }
        }
        Some(f)
    }

    /// The figures as of the end of `as_of`.
    pub fn figures(&self, as_of: NaiveDate) -> Result<SuggestionFigures> {
        use SuggestionStatus as S;
        let mut c = Counts::default();
        let mut results = Results::default();
        let mut ratings = Ratings::default();
        let mut plan = PlanLedger::default();
        let mut overdue = Vec::new();
        let nu = self.units.len();
        let mut u_assigned = vec![0u64; nu];
        let mut u_replied = vec![0u64; nu];
        let mut u_on_time = vec![0u64; nu];
        let mut u_overdue = vec![0u64; nu];
        let mut u_closed = vec![0u64; nu];
        let mut u_results = vec![[0u64; 4]; nu];
        let mut u_ratings = vec![[0u64; 3]; nu];
        for i in 0..self.len() {
            let Some(f) = self.facts(i, as_of) else {
                continue;
            };
            c.submitted += 1;
            if self.during[i] == 0 {
                c.during_session += 1;
            } else {
                c.during_recess += 1;
            }
            if f.accepted {
                c.accepted += 1;
            }
            match f.status {
                S::Submitted | S::ReturnedForRevision => c.awaiting_vetting += 1,
                S::Rejected => c.rejected += 1,
                S::Withdrawn => c.withdrawn += 1,
                S::Rehandling => c.rehandling += 1,
                S::InPlan => c.in_plan += 1,
                S::Closed => c.closed += 1,
                _ => {}
            }
            if !f.handled {
                continue;
            }
            c.assigned += 1;
            if let Some(unit) = f.lead_unit {
                u_assigned[unit] += 1;
                if f.status == S::Closed {
                    u_closed[unit] += 1;
                }
            }
            if let Some(latest) = f.result {
                c.replied += 1;
                if f.on_time {
                    c.replied_on_time += 1;
                }
                match latest {
                    ResultCategory::A => results.A += 1,
                    ResultCategory::B => results.B += 1,
                    ResultCategory::C => results.C += 1,
                    ResultCategory::D => results.D += 1,
                }
                if let Some(unit) = f.lead_unit {
                    u_replied[unit] += 1;
                    u_on_time[unit] += f.on_time as u64;
                    u_results[unit][latest as usize] += 1;
                }
            }
            if let Some(entry) = f.plan {
                plan.entered += 1;
                if f.status == S::InPlan {
                    plan.open += 1;
                }
                plan.second_replied += entry.second_replied as u64;
                plan.solved += entry.solved as u64;
            }
            if let Some(rating) = f.rating {
                match rating {
                    Satisfaction::Satisfied => ratings.satisfied += 1,
                    Satisfaction::BasicallySatisfied => ratings.basically_satisfied += 1,
                    Satisfaction::Dissatisfied => ratings.dissatisfied += 1,
                }
                if let Some(unit) = f.lead_unit {
                    u_ratings[unit][rating as usize] += 1;
                }
            }
            if let (Some(days), Some(unit), Some(due)) = (f.overdue_days, f.lead_unit, f.due) {
                c.overdue += 1;
                u_overdue[unit] += 1;
                overdue.push(OverdueItem {
                    suggestion: self.ids[i].clone(),
                    lead_unit: self.units[unit].clone(),
                    due,
                    days_overdue: days,
                });
            }
        }
        overdue.sort_by(|a, b| {
            b.days_overdue
                .cmp(&a.days_overdue)
                .then_with(|| a.suggestion.cmp(&b.suggestion))
        });
        let units = (0..nu)
            .filter(|u| u_assigned[*u] > 0)
            .map(|u| {
                let res = Results {
                    A: u_results[u][0],
                    B: u_results[u][1],
                    C: u_results[u][2],
                    D: u_results[u][3],
                };
                let rat = Ratings {
                    satisfied: u_ratings[u][0],
                    basically_satisfied: u_ratings[u][1],
                    dissatisfied: u_ratings[u][2],
                };
                UnitFigures {
                    unit: self.units[u].clone(),
                    assigned: u_assigned[u],
                    replied: u_replied[u],
                    replied_on_time: u_on_time[u],
                    overdue: u_overdue[u],
                    closed: u_closed[u],
                    reply_rate: Rate::new(u_replied[u], u_assigned[u]),
                    solved_or_progressing_rate: Rate::new(res.A + res.B, u_replied[u]),
                    satisfaction_rate: Rate::new(
                        rat.satisfied + rat.basically_satisfied,
                        rat.satisfied + rat.basically_satisfied + rat.dissatisfied,
                    ),
                    results: res,
                    ratings: rat,
                }
            })
            .collect();
        let rated = ratings.satisfied + ratings.basically_satisfied + ratings.dissatisfied;
        Ok(SuggestionFigures {
            as_of,
            reply_rate: Rate::new(c.replied, c.assigned),
            on_time_reply_rate: Rate::new(c.replied_on_time, c.assigned),
            completion_rate: Rate::new(c.closed, c.assigned),
            solved_or_progressing_rate: Rate::new(results.A + results.B, c.replied),
            satisfaction_rate: Rate::new(ratings.satisfied + ratings.basically_satisfied, rated),
            counts: c,
            results,
            ratings,
            plan_ledger: plan,
            overdue,
            units,
        })
    }
}
