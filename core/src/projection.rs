//! Columnar projections: compact columns built from the state (itself a function of the event
//! log), over which figures run at memory speed. Dates are day numbers, categories small
//! integers, ids interned to indexes; nested lists are flat columns with offsets.

use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::figures::{
    Counts, FigureFilter, OverdueItem, PlanLedger, Ratings, Results, SuggestionFigures, UnitFigures,
};
use crate::ids::{SuggestionId, UnitId};
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod, SuggestionStatus};
use chrono::{Datelike, NaiveDate};

const NONE: i32 = i32::MAX;
const NO_UNIT: u32 = u32::MAX;
/// A due-date cursor of [`Cursor`] for a suggestion with no segments (not assigned).
const NO_SEGMENT: u32 = u32::MAX;

/// What the first pass of [`SuggestionFrame::from_log_part`] learns of one suggestion: its
/// submission and assignment, and how long each of its lists is. One record per suggestion,
/// so an event updates one cache line.
#[derive(Clone, Copy)]
struct Tally {
    submitted: i32,
    assigned: i32,
    unit: u32,
    history: u32,
    replies: u32,
    feedback: u32,
    extensions: u32,
    rehandlings: u32,
}

impl Default for Tally {
    fn default() -> Self {
        Self {
            submitted: NONE,
            assigned: NONE,
            unit: NO_UNIT,
            history: 0,
            replies: 0,
            feedback: 0,
            extensions: 0,
            rehandlings: 0,
        }
    }
}

/// Where the next entry of each list of one frame row goes, in the third pass of
/// [`SuggestionFrame::from_log_part`].
struct Cursor {
    history: u32,
    reply: u32,
    feedback: u32,
    extension: u32,
    rehandling: u32,
}

/// How many events ahead [`warm`] asks for a suggestion's record.
#[cfg(target_arch = "x86_64")]
const AHEAD: usize = 16;

/// Asks the processor for the records that the events `AHEAD` and `2 * AHEAD` further on will
/// touch: their index entry (`local`) and their record (`rows`). The replay's passes read
/// the log in order but touch per-suggestion records all over memory; these reads miss the
/// cache, and without the hint the processor waits for each in turn. A hint only: it changes
/// no value, and on targets other than x86-64 it does nothing.
#[inline(always)]
fn warm<T>(sugg: &[u32], i: usize, local: &[u32], rows: &[T]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        if let Some(g) = sugg.get(i + 2 * AHEAD) {
            if let Some(l) = local.get(*g as usize) {
                // SAFETY: a prefetch hint reads nothing and cannot fault; SSE is part of the
                // x86-64 baseline.
                unsafe { _mm_prefetch::<_MM_HINT_T0>((l as *const u32).cast()) };
            }
        }
        if let Some(g) = sugg.get(i + AHEAD) {
            if let Some(r) = local.get(*g as usize).and_then(|l| rows.get(*l as usize)) {
                // SAFETY: as above.
                unsafe { _mm_prefetch::<_MM_HINT_T0>((r as *const T).cast()) };
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (sugg, i, local, rows);
}

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

    /// Replays a columnar log ([`crate::columnar::SuggestionLog`]) into the frame of the
    /// suggestions submitted in it that pass `filter`, with the due-date segments computed as
    /// [`crate::suggestion::Suggestion::due_segments`] computes them (rule set in force for the
    /// congress's level on the day of assignment or of re-handling; calendar days, months or
    /// working days). Rows are in suggestion-row order; units are sorted by id, as in
    /// [`SuggestionFrame::build`], so the figures of a ledger and of its log are equal.
    ///
    /// Four passes over flat arrays, no per-suggestion allocation but the ids: count, lay
    /// out, fill, then the due dates (memoised per level, deadline and day). Each event of the
    /// log is read twice, in log order; a suggestion's counts and cursors are one record.
    ///
    /// ```
    /// use renda::{columnar::SuggestionLog, projection::SuggestionFrame, calendar::WorkCalendar};
    /// let frame = SuggestionFrame::from_log(&SuggestionLog::new(), &Default::default(),
    ///     WorkCalendar::china(), &Default::default()).unwrap();
    /// assert!(frame.is_empty());
    /// ```
    pub fn from_log(
        log: &crate::columnar::SuggestionLog,
        book: &RuleBook,
        calendar: &WorkCalendar,
        filter: &FigureFilter,
    ) -> Result<Self> {
        Self::from_log_part(log, book, calendar, filter, None)
    }

    /// [`SuggestionFrame::from_log`] restricted to part `k` (`part = Some((k, parts))`, where
    /// `parts[s]` is the part of suggestion row `s`), read in place: the parts of one log can
    /// be built on several threads without copying it. Each thread skips the events of other
    /// parts after one byte read, before touching its own tables.
    pub(crate) fn from_log_part(
        log: &crate::columnar::SuggestionLog,
        book: &RuleBook,
        calendar: &WorkCalendar,
        filter: &FigureFilter,
        part: Option<(u8, &[u8])>,
    ) -> Result<Self> {
        use crate::columnar::{LifecycleKind as K, UNIX_EPOCH_CE};
        let dims = log.dimensions();
        let (sugg, days, kinds, args) = (log.suggestions(), log.days(), log.kinds(), log.args());
        let want = match &filter.congress {
            Some(c) => match dims.congresses.iter().position(|x| x == c) {
                Some(i) => Some(i as u32),
                None => return Ok(Self::empty()),
            },
            None => None,
        };
        // A compact index of the suggestions this frame reads (submitted in this log, in the
        // part and the congress), in suggestion-row order. The log's per-suggestion flags are
        // read in order: no pass over the events is needed to find them.
        let in_part = |s: usize| part.is_none_or(|(k, parts)| parts[s] == k);
        let submitted = log.submitted_flags();
        let mut local = vec![u32::MAX; dims.suggestions.len()];
        let mut global: Vec<u32> = Vec::new();
        for (s, l) in local.iter_mut().enumerate() {
            if submitted[s] && in_part(s) && want.is_none_or(|w| w == dims.suggestion_congress[s]) {
                *l = global.len() as u32;
                global.push(s as u32);
            }
        }
        let ns = global.len();
        // Pass 1: per suggestion, the submission and assignment, and how many of each list,
        // side by side in one record (one cache line touched per event, not eight).
        let mut tally = vec![Tally::default(); ns];
        for i in 0..log.len() {
            warm(sugg, i, &local, &tally);
            let g = sugg[i] as usize;
            if !in_part(g) {
                continue;
            }
            let s = local[g];
            if s == u32::MAX {
                continue;
            }
            let t = &mut tally[s as usize];
            let d = days[i] + UNIX_EPOCH_CE;
            let k = kinds[i];
            t.history += u32::from(k.status().is_some());
            match k {
                K::Submitted => t.submitted = d,
                K::Assigned => {
                    t.assigned = d;
                    t.unit = args[i];
                }
                K::Replied => t.replies += 1,
                K::FeedbackGiven => t.feedback += u32::from(args[i] & 4 != 0),
                K::DeadlineExtended => t.extensions += 1,
                K::RehandlingStarted => t.rehandlings += 1,
                _ => {}
            }
        }
        // Pass 2: the rows and the offsets of their lists; `local` now maps a suggestion row
        // to its frame row, and `cursor` holds where each row's next list entry goes.
        let from = filter.submitted_from.map(day);
        let to = filter.submitted_to.map(day);
        let mut row = vec![u32::MAX; ns];
        let mut cursor: Vec<Cursor> = Vec::new();
        let mut f = Self::empty();
        for (s, t) in tally.iter().enumerate() {
            let g = global[s] as usize;
            let sub = t.submitted;
            if sub == NONE || from.is_some_and(|d| sub < d) || to.is_some_and(|d| sub > d) {
                local[g] = u32::MAX;
                continue;
            }
            row[s] = f.ids.len() as u32;
            local[g] = row[s];
            f.ids.push(dims.suggestions[g].clone());
            f.submitted.push(sub);
            f.during.push(match dims.during[g] {
                SubmissionPeriod::Session => 0,
                SubmissionPeriod::Recess => 1,
            });
            f.assigned.push(t.assigned);
            f.lead_unit.push(t.unit);
            let last = |off: &Vec<u32>| *off.last().expect("offsets start at 0");
            // Segments: the assignment's, then the extensions', then the re-handlings'.
            let due = last(&f.due_off);
            let (extension, rehandling, segments) = if t.assigned == NONE {
                (NO_SEGMENT, NO_SEGMENT, 0)
            } else {
                let first = due + 1;
                (
                    first,
                    first + t.extensions,
                    1 + t.extensions + t.rehandlings,
                )
            };
            cursor.push(Cursor {
                history: last(&f.hist_off),
                reply: last(&f.reply_off),
                feedback: last(&f.fb_off),
                extension,
                rehandling,
            });
            f.hist_off.push(last(&f.hist_off) + t.history);
            f.reply_off.push(last(&f.reply_off) + t.replies);
            f.fb_off.push(last(&f.fb_off) + t.feedback);
            f.due_off.push(due + segments);
        }
        let size = |off: &Vec<u32>| *off.last().expect("offsets start at 0") as usize;
        f.hist_day = vec![0; size(&f.hist_off)];
        f.hist_status = vec![0; size(&f.hist_off)];
        f.reply_day = vec![0; size(&f.reply_off)];
        f.reply_result = vec![0; size(&f.reply_off)];
        f.reply_in_plan = vec![false; size(&f.reply_off)];
        f.fb_day = vec![0; size(&f.fb_off)];
        f.fb_rating = vec![0; size(&f.fb_off)];
        f.due_from = vec![0; size(&f.due_off)];
        f.due_day = vec![0; size(&f.due_off)];
        // Pass 3: fill the lists in log order.
        for i in 0..log.len() {
            warm(sugg, i, &local, &cursor);
            let g = sugg[i] as usize;
            if !in_part(g) {
                continue;
            }
            let r = local[g];
            if r == u32::MAX {
                continue;
            }
            let c = &mut cursor[r as usize];
            let d = days[i] + UNIX_EPOCH_CE;
            let k = kinds[i];
            if let Some(status) = k.status() {
                let at = c.history as usize;
                f.hist_day[at] = d;
                f.hist_status[at] = status_code(status);
                c.history += 1;
            }
            match k {
                K::Replied => {
                    let at = c.reply as usize;
                    f.reply_day[at] = d;
                    f.reply_result[at] = (args[i] & 3) as u8;
                    f.reply_in_plan[at] = args[i] & 4 != 0;
                    c.reply += 1;
                }
                K::FeedbackGiven if args[i] & 4 != 0 => {
                    let at = c.feedback as usize;
                    f.fb_day[at] = d;
                    f.fb_rating[at] = (args[i] & 3) as u8;
                    c.feedback += 1;
                }
                K::DeadlineExtended if c.extension != NO_SEGMENT => {
                    f.due_from[c.extension as usize] = d;
                    c.extension += 1;
                }
                K::RehandlingStarted if c.rehandling != NO_SEGMENT => {
                    f.due_from[c.rehandling as usize] = d;
                    c.rehandling += 1;
                }
                _ => {}
            }
        }
        // Pass 4: the due dates, memoised per (level, deadline, day).
        let lo = days.first().map_or(0, |d| d + UNIX_EPOCH_CE);
        let span = days.last().map_or(0, |d| d + UNIX_EPOCH_CE - lo + 1) as usize;
        let mut memo = vec![NONE; Level::ALL.len() * 3 * span];
        let mut due = |level: Level, which: usize, start: i32| -> Result<i32> {
            let li = Level::ALL.iter().position(|l| *l == level).expect("listed");
            let slot = (li * 3 + which) * span + (start - lo) as usize;
            if memo[slot] == NONE {
                let rules = &book.in_force(level, from_day(start))?.suggestion;
                let deadline = [
                    rules.reply_deadline,
                    rules.extended_reply_deadline,
                    rules.rehandle_deadline,
                ][which];
                memo[slot] = day(calendar.due_date(from_day(start), deadline)?);
            }
            Ok(memo[slot])
        };
        for (s, t) in tally.iter().enumerate() {
            let r = row[s];
            if r == u32::MAX || t.assigned == NONE {
                continue;
            }
            let level = dims.levels[dims.suggestion_congress[global[s] as usize] as usize];
            let seg = f.due_off[r as usize] as usize;
            let a = t.assigned;
            f.due_from[seg] = a;
            f.due_day[seg] = due(level, 0, a)?;
            let (ne, nrh) = (t.extensions as usize, t.rehandlings as usize);
            for k in 1..=ne {
                f.due_day[seg + k] = due(level, 1, a)?;
            }
            for k in 1 + ne..1 + ne + nrh {
                f.due_day[seg + k] = due(level, 2, f.due_from[seg + k])?;
            }
        }
        // Units: those assigned, sorted by id, as in `build`.
        let mut used = vec![false; dims.units.len()];
        for u in &f.lead_unit {
            if *u != NO_UNIT {
                used[*u as usize] = true;
            }
        }
        let mut order: Vec<u32> = (0..dims.units.len() as u32)
            .filter(|u| used[*u as usize])
            .collect();
        order.sort_unstable_by(|a, b| dims.units[*a as usize].cmp(&dims.units[*b as usize]));
        let mut rank = vec![NO_UNIT; dims.units.len()];
        for (i, u) in order.iter().enumerate() {
            rank[*u as usize] = i as u32;
        }
        f.units = order
            .iter()
            .map(|u| dims.units[*u as usize].clone())
            .collect();
        for u in &mut f.lead_unit {
            if *u != NO_UNIT {
                *u = rank[*u as usize];
            }
        }
        Ok(f)
    }

    fn empty() -> Self {
        Self {
            hist_off: vec![0],
            due_off: vec![0],
            reply_off: vec![0],
            fb_off: vec![0],
            ..Self::default()
        }
    }

    /// Bytes held by the frame's columns (ids counted at their heap size).
    pub fn bytes(&self) -> usize {
        fn v<T>(x: &Vec<T>) -> usize {
            x.capacity() * std::mem::size_of::<T>()
        }
        v(&self.ids)
            + self.ids.iter().map(|i| i.as_str().len()).sum::<usize>()
            + v(&self.units)
            + self.units.iter().map(|i| i.as_str().len()).sum::<usize>()
            + v(&self.submitted)
            + v(&self.during)
            + v(&self.assigned)
            + v(&self.lead_unit)
            + v(&self.hist_off)
            + v(&self.hist_day)
            + v(&self.hist_status)
            + v(&self.due_off)
            + v(&self.due_from)
            + v(&self.due_day)
            + v(&self.reply_off)
            + v(&self.reply_day)
            + v(&self.reply_result)
            + v(&self.reply_in_plan)
            + v(&self.fb_off)
            + v(&self.fb_day)
            + v(&self.fb_rating)
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
                UnitFigures::from_counts(
                    self.units[u].clone(),
                    [
                        u_assigned[u],
                        u_replied[u],
                        u_on_time[u],
                        u_overdue[u],
                        u_closed[u],
                    ],
                    res,
                    rat,
                )
            })
            .collect();
        Ok(SuggestionFigures::from_counts(
            as_of, c, results, ratings, plan, overdue, units,
        ))
    }
}
