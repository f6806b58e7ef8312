//! The columnar suggestion log: the suggestion lifecycle events of a whole country as a few
//! flat columns, replayed into a [`SuggestionFrame`] for the figures at memory speed.
//!
//! The ledger ([`crate::Ledger`]) checks every command against the rules and records rich,
//! hashed events; that is the path for the work of one congress office. Figures over a
//! national year (about 2.5 million suggestions and 20 million lifecycle events) need only the
//! facts the figures read: which suggestion, which day, which step of the handling workflow
//! (W1), and a small payload (the lead unit, the result category, the rating). This module
//! holds exactly those, 13 bytes per event:
//!
//! | column | type | meaning |
//! |---|---|---|
//! | `suggestion` | `u32` | row of the suggestion in the dimension table |
//! | `day` | `i32` | days since 1970-01-01 (Arrow `date32`, JS day numbers) |
//! | `kind` | [`LifecycleKind`] (`u8`) | the event type, named as in the ledger's log |
//! | `arg` | `u32` | the payload ([`Lifecycle::arg`]) |
//!
//! A log is built from a ledger ([`SuggestionLog::from_ledger`], the same facts the ledger's
//! figures use), event by event ([`SuggestionLog::push`]) or from columns in bulk
//! ([`SuggestionLog::from_columns`], what the Python and JS bindings call with Arrow arrays or
//! typed arrays). Every way in checks the structure: references in range, days in log order,
//! every event after its suggestion's submission, payloads valid. The rules of the workflow
//! themselves (who may reply, when re-handling starts) are checked by the ledger when the
//! events are first recorded; this log is their projection.
//!
//! Figures partition by congress and combine exactly: [`SuggestionLog::partition`] splits a
//! log into parts holding whole congresses, and [`SuggestionFigures::combine`] adds the
//! parts' figures into the figures of the whole.
//!
//! ```
//! use chrono::NaiveDate;
//! use renda::columnar::{Lifecycle, SuggestionLog};
//! use renda::registry::Level;
//! use renda::suggestion::{ResultCategory, SubmissionPeriod};
//! use renda::{CongressId, SuggestionId, UnitId};
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
//! let mut log = SuggestionLog::new();
//! let c = log.add_congress(CongressId::new("haidian-17").unwrap(), Level::County);
//! let u = log.add_unit(UnitId::new("education").unwrap());
//! let s = log.add_suggestion(SuggestionId::new("s1").unwrap(), c, SubmissionPeriod::Session).unwrap();
//! log.push(s, d(1, 10), Lifecycle::Submitted).unwrap();
//! log.push(s, d(1, 20), Lifecycle::Accepted).unwrap();
//! log.push(s, d(2, 1), Lifecycle::Assigned { unit: u }).unwrap();
//! log.push(s, d(3, 1), Lifecycle::Replied { result: ResultCategory::A, in_plan: false }).unwrap();
//! let figures = log.figures(&Default::default(), renda::calendar::WorkCalendar::china(), d(12, 31)).unwrap();
//! assert_eq!(figures.counts.replied_on_time, 1);
//! assert_eq!(figures.results.A, 1);
//! ```

pub mod deputies;
pub mod file;

use crate::calendar::WorkCalendar;
use crate::error::{RendaError, Result};
use crate::event::EventKind;
use crate::figures::{FigureFilter, SuggestionFigures, UnitFigures};
use crate::ids::{CongressId, SuggestionId, UnitId};
use crate::projection::SuggestionFrame;
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod, SuggestionStatus};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// Arrow record batches of the log: the tables of the national data set.
#[cfg(feature = "arrow")]
pub mod arrow;

/// Logs of at least this many events are replayed on every core by
/// [`SuggestionLog::figures_with`].
pub const PARALLEL_FROM: usize = 1_000_000;

/// The part (of `parts`) that holds congress row `congress`: the one split used by
/// [`SuggestionLog::partition`] and [`SuggestionLog::figures_in_parallel`].
pub(crate) fn part_of(congress: u32, parts: usize) -> usize {
    congress as usize % parts
}

/// Days from 0001-01-01 (chrono's day numbers from the common era) to 1970-01-01.
pub(crate) const UNIX_EPOCH_CE: i32 = 719_163;

/// A date as days since 1970-01-01.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(renda::columnar::day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
/// ```
pub fn day_number(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce() - UNIX_EPOCH_CE
}

/// The date of a day number (days since 1970-01-01), if it is a representable date.
///
/// ```
/// assert_eq!(renda::columnar::date_of(19_723).unwrap().to_string(), "2024-01-01");
/// ```
pub fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day.checked_add(UNIX_EPOCH_CE)?)
}

/// The representable days of [`NaiveDate`] as day numbers.
static DAYS: std::sync::LazyLock<std::ops::RangeInclusive<i32>> =
    std::sync::LazyLock::new(|| day_number(NaiveDate::MIN)..=day_number(NaiveDate::MAX));

/// Whether day number `day` is a representable date (`date_of(day).is_some()`, without
/// building the date: it is checked on every row of a bulk load).
pub(crate) fn is_date(day: i32) -> bool {
    DAYS.contains(&day)
}

/// Errors at the first entry of the reference column `column` (named `field`) that names no
/// row of a table of `len` rows (`what` has none).
pub(crate) fn check_refs(column: &[u32], len: usize, field: &str, what: &str) -> Result<()> {
    match column.iter().position(|r| *r as usize >= len) {
        Some(row) => Err(invalid(
            &format!("{field}[{row}]"),
            column[row],
            &format!("no {what} has this row"),
        )),
        None => Ok(()),
    }
}

/// The rows `0..n` grouped by `key(row)` (in `0..keys`), keeping their order within a key: a
/// counting sort, linear in the rows. Returns the offsets (`keys + 1`; key `k`'s rows are
/// `order[offsets[k]..offsets[k + 1]]`) and the order.
pub(crate) fn group_rows(
    n: usize,
    keys: usize,
    key: impl Fn(usize) -> usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; keys + 1];
    for i in 0..n {
        offsets[key(i) + 1] += 1;
    }
    for k in 0..keys {
        offsets[k + 1] += offsets[k];
    }
    let mut next = offsets.clone();
    let mut order = vec![0u32; n];
    for i in 0..n {
        let slot = &mut next[key(i)];
        order[*slot as usize] = i as u32;
        *slot += 1;
    }
    (offsets, order)
}

/// The kinds of lifecycle event a [`SuggestionLog`] holds: the steps of the handling workflow
/// (W1) that the figures read, named as the ledger's events are.
///
/// ```
/// use renda::columnar::LifecycleKind;
/// assert_eq!(LifecycleKind::Replied.as_str(), "suggestion_replied");
/// assert_eq!("placed_in_plan".parse::<LifecycleKind>().unwrap(), LifecycleKind::PlacedInPlan);
/// assert_eq!(LifecycleKind::ALL[LifecycleKind::Closed as usize], LifecycleKind::Closed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum LifecycleKind {
    /// `suggestion_submitted` (W1 step 1).
    Submitted,
    /// `suggestion_revised`: a returned suggestion was resubmitted.
    Revised,
    /// `suggestion_accepted` (W1 step 2).
    Accepted,
    /// `suggestion_returned`: returned for revision.
    Returned,
    /// `suggestion_rejected`: found not to be a suggestion.
    Rejected,
    /// `suggestion_withdrawn`.
    Withdrawn,
    /// `suggestion_assigned` (W1 step 3; payload: the lead unit).
    Assigned,
    /// `reply_deadline_extended` (L-1).
    DeadlineExtended,
    /// `suggestion_replied` (payload: result category and plan flag).
    Replied,
    /// `feedback_given` (payload: rating, and whether the lead deputy gave it).
    FeedbackGiven,
    /// `rehandling_started` (R-S3).
    RehandlingStarted,
    /// `placed_in_plan` (R-S5).
    PlacedInPlan,
    /// `suggestion_closed`.
    Closed,
}

impl LifecycleKind {
    /// Every kind, in code order (`ALL[k as usize] == k`).
    pub const ALL: [LifecycleKind; 13] = [
        Self::Submitted,
        Self::Revised,
        Self::Accepted,
        Self::Returned,
        Self::Rejected,
        Self::Withdrawn,
        Self::Assigned,
        Self::DeadlineExtended,
        Self::Replied,
        Self::FeedbackGiven,
        Self::RehandlingStarted,
        Self::PlacedInPlan,
        Self::Closed,
    ];

    /// The event type's name in the ledger's log.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "suggestion_submitted",
            Self::Revised => "suggestion_revised",
            Self::Accepted => "suggestion_accepted",
            Self::Returned => "suggestion_returned",
            Self::Rejected => "suggestion_rejected",
            Self::Withdrawn => "suggestion_withdrawn",
            Self::Assigned => "suggestion_assigned",
            Self::DeadlineExtended => "reply_deadline_extended",
            Self::Replied => "suggestion_replied",
            Self::FeedbackGiven => "feedback_given",
            Self::RehandlingStarted => "rehandling_started",
            Self::PlacedInPlan => "placed_in_plan",
            Self::Closed => "suggestion_closed",
        }
    }

    /// The kind with code `code`, if there is one.
    ///
    /// ```
    /// use renda::columnar::LifecycleKind;
    /// assert_eq!(LifecycleKind::from_code(8), Some(LifecycleKind::Replied));
    /// assert_eq!(LifecycleKind::from_code(13), None);
    /// ```
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code)).copied()
    }

    /// The status the suggestion is in after the event, for the events that change it.
    ///
    /// ```
    /// use renda::columnar::LifecycleKind;
    /// use renda::SuggestionStatus;
    /// assert_eq!(LifecycleKind::Revised.status(), Some(SuggestionStatus::Submitted));
    /// assert_eq!(LifecycleKind::FeedbackGiven.status(), None);
    /// ```
    pub fn status(self) -> Option<SuggestionStatus> {
        use SuggestionStatus as S;
        Some(match self {
            Self::Submitted | Self::Revised => S::Submitted,
            Self::Accepted => S::Accepted,
            Self::Returned => S::ReturnedForRevision,
            Self::Rejected => S::Rejected,
            Self::Withdrawn => S::Withdrawn,
            Self::Assigned => S::Assigned,
            Self::Replied => S::Replied,
            Self::RehandlingStarted => S::Rehandling,
            Self::PlacedInPlan => S::InPlan,
            Self::Closed => S::Closed,
            Self::DeadlineExtended | Self::FeedbackGiven => return None,
        })
    }
}

impl std::fmt::Display for LifecycleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for LifecycleKind {
    type Err = RendaError;

    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| invalid("event.kind", s, "not a suggestion lifecycle event type"))
    }
}

/// One lifecycle event with its payload, as pushed onto a [`SuggestionLog`].
///
/// ```
/// use renda::columnar::{Lifecycle, LifecycleKind};
/// use renda::suggestion::ResultCategory;
/// let e = Lifecycle::Replied { result: ResultCategory::C, in_plan: true };
/// assert_eq!(e.kind(), LifecycleKind::Replied);
/// assert_eq!(Lifecycle::decode(e.kind(), e.arg()).unwrap(), e);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// Submitted (W1 step 1).
    Submitted,
    /// Resubmitted after revision.
    Revised,
    /// Accepted by the office.
    Accepted,
    /// Returned for revision.
    Returned,
    /// Found not to be a suggestion.
    Rejected,
    /// Withdrawn.
    Withdrawn,
    /// Assigned; `unit` is the lead unit's row in the log's unit table.
    Assigned {
        /// The lead unit's row.
        unit: u32,
    },
    /// The reply deadline was extended (L-1).
    DeadlineExtended,
    /// The lead unit replied.
    Replied {
        /// Result category.
        result: ResultCategory,
        /// Placed in a work plan (R-S5).
        in_plan: bool,
    },
    /// A proposer rated the reply; only the lead deputy's ratings enter the figures.
    FeedbackGiven {
        /// The rating.
        rating: Satisfaction,
        /// Given by the lead deputy.
        by_lead: bool,
    },
    /// Re-handling started (R-S3).
    RehandlingStarted,
    /// Entered the plan ledger (R-S5).
    PlacedInPlan,
    /// Handling finished.
    Closed,
}

impl Lifecycle {
    /// The event's kind.
    pub fn kind(self) -> LifecycleKind {
        match self {
            Self::Submitted => LifecycleKind::Submitted,
            Self::Revised => LifecycleKind::Revised,
            Self::Accepted => LifecycleKind::Accepted,
            Self::Returned => LifecycleKind::Returned,
            Self::Rejected => LifecycleKind::Rejected,
            Self::Withdrawn => LifecycleKind::Withdrawn,
            Self::Assigned { .. } => LifecycleKind::Assigned,
            Self::DeadlineExtended => LifecycleKind::DeadlineExtended,
            Self::Replied { .. } => LifecycleKind::Replied,
            Self::FeedbackGiven { .. } => LifecycleKind::FeedbackGiven,
            Self::RehandlingStarted => LifecycleKind::RehandlingStarted,
            Self::PlacedInPlan => LifecycleKind::PlacedInPlan,
            Self::Closed => LifecycleKind::Closed,
        }
    }

    /// The payload as the `arg` column holds it: the unit row for `Assigned`; the result
    /// category (0–3 for A–D) plus 4 if in the plan for `Replied`; the rating (0 satisfied,
    /// 1 basically satisfied, 2 dissatisfied) plus 4 if by the lead deputy for
    /// `FeedbackGiven`; 0 otherwise.
    pub fn arg(self) -> u32 {
        match self {
            Self::Assigned { unit } => unit,
            Self::Replied { result, in_plan } => result as u32 | (u32::from(in_plan) << 2),
            Self::FeedbackGiven { rating, by_lead } => rating as u32 | (u32::from(by_lead) << 2),
            _ => 0,
        }
    }

    /// The event of `kind` with payload `arg` (the inverse of [`Lifecycle::arg`]); `None` for a
    /// payload no event has.
    pub fn decode(kind: LifecycleKind, arg: u32) -> Option<Self> {
        use LifecycleKind as K;
        Some(match kind {
            K::Assigned => Self::Assigned { unit: arg },
            K::Replied if arg < 8 => Self::Replied {
                result: *ResultCategory::ALL.get((arg & 3) as usize)?,
                in_plan: arg & 4 != 0,
            },
            K::FeedbackGiven if arg < 8 => Self::FeedbackGiven {
                rating: *Satisfaction::ALL.get((arg & 3) as usize)?,
                by_lead: arg & 4 != 0,
            },
            K::Replied | K::FeedbackGiven => return None,
            _ if arg != 0 => return None,
            K::Submitted => Self::Submitted,
            K::Revised => Self::Revised,
            K::Accepted => Self::Accepted,
            K::Returned => Self::Returned,
            K::Rejected => Self::Rejected,
            K::Withdrawn => Self::Withdrawn,
            K::DeadlineExtended => Self::DeadlineExtended,
            K::RehandlingStarted => Self::RehandlingStarted,
            K::PlacedInPlan => Self::PlacedInPlan,
            K::Closed => Self::Closed,
        })
    }
}

fn invalid(field: &str, value: impl std::fmt::Display, reason: &str) -> RendaError {
    RendaError::InvalidField {
        field: field.to_string(),
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// The dimension tables of a log: congresses (with their level, which selects the rule set
/// for due dates), handling units and suggestions. Shared between the parts of a partitioned
/// log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dimensions {
    /// Congress ids, by row.
    pub congresses: Vec<CongressId>,
    /// Each congress's level.
    pub levels: Vec<Level>,
    /// Handling unit ids, by row.
    pub units: Vec<UnitId>,
    /// Suggestion ids, by row.
    pub suggestions: Vec<SuggestionId>,
    /// Each suggestion's congress row.
    pub suggestion_congress: Vec<u32>,
    /// Each suggestion's submission period.
    pub during: Vec<SubmissionPeriod>,
}

impl Dimensions {
    /// Checks that the tables have matching lengths and the congress references are in range.
    ///
    /// ```
    /// let mut d = renda::columnar::Dimensions::default();
    /// d.suggestion_congress.push(0);
    /// assert_eq!(d.validate().unwrap_err().code(), "invalid_field");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.levels.len() != self.congresses.len() {
            return Err(invalid(
                "dimensions.levels",
                self.levels.len(),
                "needs one level per congress",
            ));
        }
        let n = self.suggestions.len();
        if self.suggestion_congress.len() != n || self.during.len() != n {
            return Err(invalid(
                "dimensions.suggestion_congress",
                self.suggestion_congress.len(),
                "needs one congress and one submission period per suggestion",
            ));
        }
        check_refs(
            &self.suggestion_congress,
            self.congresses.len(),
            "dimensions.suggestion_congress",
            "congress",
        )
    }
}

/// The suggestion lifecycle events as columns, in log order, with their dimension tables.
/// See the [module documentation](self).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuggestionLog {
    dims: Arc<Dimensions>,
    suggestion: Vec<u32>,
    day: Vec<i32>,
    kind: Vec<LifecycleKind>,
    arg: Vec<u32>,
    /// Per suggestion row: submitted in this log.
    submitted: Vec<bool>,
}

impl SuggestionLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a congress; returns its row.
    pub fn add_congress(&mut self, id: CongressId, level: Level) -> u32 {
        let d = Arc::make_mut(&mut self.dims);
        d.congresses.push(id);
        d.levels.push(level);
        (d.congresses.len() - 1) as u32
    }

    /// Adds a handling unit; returns its row.
    pub fn add_unit(&mut self, id: UnitId) -> u32 {
        let d = Arc::make_mut(&mut self.dims);
        d.units.push(id);
        (d.units.len() - 1) as u32
    }

    /// Adds a suggestion of congress row `congress`; returns its row.
    pub fn add_suggestion(
        &mut self,
        id: SuggestionId,
        congress: u32,
        during: SubmissionPeriod,
    ) -> Result<u32> {
        if congress as usize >= self.dims.congresses.len() {
            return Err(invalid(
                "suggestion.congress",
                congress,
                "no congress has this row",
            ));
        }
        let d = Arc::make_mut(&mut self.dims);
        d.suggestions.push(id);
        d.suggestion_congress.push(congress);
        d.during.push(during);
        self.submitted.push(false);
        Ok((d.suggestions.len() - 1) as u32)
    }

    /// The dimension tables.
    pub fn dimensions(&self) -> &Dimensions {
        &self.dims
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    /// Whether the log has no events.
    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }

    /// The `suggestion` column.
    pub fn suggestions(&self) -> &[u32] {
        &self.suggestion
    }

    /// Per suggestion row of the dimension tables: submitted in this log (so the log holds
    /// its events).
    pub(crate) fn submitted_flags(&self) -> &[bool] {
        &self.submitted
    }

    /// The `day` column (days since 1970-01-01).
    pub fn days(&self) -> &[i32] {
        &self.day
    }

    /// The `kind` column.
    pub fn kinds(&self) -> &[LifecycleKind] {
        &self.kind
    }

    /// The `arg` column ([`Lifecycle::arg`]).
    pub fn args(&self) -> &[u32] {
        &self.arg
    }

    /// Event `i` as (suggestion row, date, event).
    pub fn event(&self, i: usize) -> Option<(u32, NaiveDate, Lifecycle)> {
        Some((
            *self.suggestion.get(i)?,
            date_of(self.day[i])?,
            Lifecycle::decode(self.kind[i], self.arg[i])?,
        ))
    }

    /// Checks one event against the log so far; `row` names it in errors.
    fn check(
        &self,
        row: Option<usize>,
        suggestion: u32,
        day: i32,
        kind: u8,
        arg: u32,
    ) -> Result<LifecycleKind> {
        let at = |f: &str| match row {
            Some(r) => format!("events[{r}].{f}"),
            None => format!("event.{f}"),
        };
        let s = suggestion as usize;
        if s >= self.dims.suggestions.len() {
            return Err(invalid(
                &at("suggestion"),
                suggestion,
                "no suggestion has this row",
            ));
        }
        let kind = LifecycleKind::from_code(kind)
            .ok_or_else(|| invalid(&at("kind"), kind, "not a lifecycle event code (0–12)"))?;
        if !is_date(day) {
            return Err(invalid(&at("day"), day, "not a representable date"));
        }
        if self.day.last().is_some_and(|last| day < *last) {
            return Err(invalid(
                &at("day"),
                date_of(day).expect("checked"),
                "events must be in log order (days never decrease)",
            ));
        }
        let Some(event) = Lifecycle::decode(kind, arg) else {
            return Err(invalid(&at("arg"), arg, "not a payload of this event type"));
        };
        if let Lifecycle::Assigned { unit } = event {
            if unit as usize >= self.dims.units.len() {
                return Err(invalid(&at("arg"), unit, "no handling unit has this row"));
            }
        }
        match (kind == LifecycleKind::Submitted, self.submitted[s]) {
            (true, true) => Err(invalid(
                &at("kind"),
                kind,
                "the suggestion was already submitted (W1 step 1 happens once)",
            )),
            (false, false) => Err(invalid(
                &at("kind"),
                kind,
                "the suggestion has not been submitted yet (W1 starts with the submission)",
            )),
            _ => Ok(kind),
        }
    }

    fn record(&mut self, suggestion: u32, day: i32, kind: LifecycleKind, arg: u32) {
        if kind == LifecycleKind::Submitted {
            self.submitted[suggestion as usize] = true;
        }
        self.suggestion.push(suggestion);
        self.day.push(day);
        self.kind.push(kind);
        self.arg.push(arg);
    }

    /// Appends one event; a rejected event leaves the log unchanged.
    ///
    /// ```
    /// use renda::columnar::{Lifecycle, SuggestionLog};
    /// let mut log = SuggestionLog::new();
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// assert_eq!(log.push(0, day, Lifecycle::Submitted).unwrap_err().field(), Some("event.suggestion"));
    /// assert!(log.is_empty());
    /// ```
    pub fn push(&mut self, suggestion: u32, date: NaiveDate, event: Lifecycle) -> Result<()> {
        let day = day_number(date);
        let kind = self.check(None, suggestion, day, event.kind() as u8, event.arg())?;
        self.record(suggestion, day, kind, event.arg());
        Ok(())
    }

    /// A log from its dimension tables and event columns, checked row by row; the first bad
    /// row is the error (`events[row].column`).
    ///
    /// ```
    /// use renda::columnar::{Dimensions, LifecycleKind, SuggestionLog};
    /// use renda::registry::Level;
    /// use renda::suggestion::SubmissionPeriod;
    /// let dims = Dimensions {
    ///     congresses: vec![renda::CongressId::new("c").unwrap()],
    ///     levels: vec![Level::Township],
    ///     units: vec![],
    ///     suggestions: vec![renda::SuggestionId::new("s").unwrap()],
    ///     suggestion_congress: vec![0],
    ///     during: vec![SubmissionPeriod::Recess],
    /// };
    /// let log = SuggestionLog::from_columns(dims.clone(), vec![0, 0], vec![19_723, 19_724],
    ///     vec![LifecycleKind::Submitted as u8, LifecycleKind::Accepted as u8], vec![0, 0]).unwrap();
    /// assert_eq!(log.len(), 2);
    /// let err = SuggestionLog::from_columns(dims, vec![0], vec![19_723],
    ///     vec![LifecycleKind::Accepted as u8], vec![0]).unwrap_err();
    /// assert_eq!(err.field(), Some("events[0].kind"));
    /// ```
    pub fn from_columns(
        dims: Dimensions,
        suggestion: Vec<u32>,
        day: Vec<i32>,
        kind: Vec<u8>,
        arg: Vec<u32>,
    ) -> Result<Self> {
        Self::from_shared_columns(Arc::new(dims), suggestion, day, kind, arg)
    }

    /// [`SuggestionLog::from_columns`] with dimension tables shared with other logs (the parts
    /// of a partition, or batches of one data set).
    pub fn from_shared_columns(
        dims: Arc<Dimensions>,
        suggestion: Vec<u32>,
        day: Vec<i32>,
        kind: Vec<u8>,
        arg: Vec<u32>,
    ) -> Result<Self> {
        dims.validate()?;
        let n = suggestion.len();
        if day.len() != n || kind.len() != n || arg.len() != n {
            return Err(invalid(
                "events",
                format!("{n}/{}/{}/{}", day.len(), kind.len(), arg.len()),
                "the suggestion, day, kind and arg columns must have the same length",
            ));
        }
        let mut log = Self {
            submitted: vec![false; dims.suggestions.len()],
            dims,
            suggestion: Vec::with_capacity(n),
            day: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            arg,
        };
        // The arg column is moved in whole; the others are checked and copied row by row.
        for i in 0..n {
            let k = log.check(Some(i), suggestion[i], day[i], kind[i], log.arg[i])?;
            if k == LifecycleKind::Submitted {
                log.submitted[suggestion[i] as usize] = true;
            }
            log.suggestion.push(suggestion[i]);
            log.day.push(day[i]);
            log.kind.push(k);
        }
        Ok(log)
    }

    /// The suggestion lifecycle of a ledger's log as columns: the projection of the ledger's
    /// suggestion events, so that its figures equal the ledger's own.
    ///
    /// ```
    /// let ledger = renda::Ledger::new(Default::default());
    /// assert!(renda::columnar::SuggestionLog::from_ledger(&ledger).unwrap().is_empty());
    /// ```
    pub fn from_ledger(ledger: &crate::Ledger) -> Result<Self> {
        let mut log = Self::new();
        let mut congress_row: HashMap<&CongressId, u32> = HashMap::new();
        let mut unit_row: HashMap<&UnitId, u32> = HashMap::new();
        let mut row: HashMap<&SuggestionId, (u32, &crate::ids::DeputyId)> = HashMap::new();
        for e in ledger.events() {
            let date = e.at.china_date();
            let (id, event) = match &e.event {
                EventKind::CongressRegistered {
                    congress, level, ..
                } => {
                    congress_row.insert(congress, log.add_congress(congress.clone(), *level));
                    continue;
                }
                EventKind::UnitRegistered { unit, .. } => {
                    unit_row.insert(unit, log.add_unit(unit.clone()));
                    continue;
                }
                EventKind::SuggestionSubmitted {
                    suggestion,
                    congress,
                    lead,
                    during,
                    ..
                } => {
                    let c = *congress_row.get(congress).ok_or_else(|| {
                        invalid("event.congress", congress, "not registered before")
                    })?;
                    let r = log.add_suggestion(suggestion.clone(), c, *during)?;
                    row.insert(suggestion, (r, lead));
                    (suggestion, Lifecycle::Submitted)
                }
                EventKind::SuggestionRevised { suggestion, .. } => (suggestion, Lifecycle::Revised),
                EventKind::SuggestionAccepted { suggestion } => (suggestion, Lifecycle::Accepted),
                EventKind::SuggestionReturned { suggestion, .. } => {
                    (suggestion, Lifecycle::Returned)
                }
                EventKind::SuggestionRejected { suggestion, .. } => {
                    (suggestion, Lifecycle::Rejected)
                }
                EventKind::SuggestionWithdrawn { suggestion, .. } => {
                    (suggestion, Lifecycle::Withdrawn)
                }
                EventKind::SuggestionAssigned {
                    suggestion,
                    lead_unit,
                    ..
                } => {
                    let unit = *unit_row.get(lead_unit).ok_or_else(|| {
                        invalid("event.lead_unit", lead_unit, "not registered before")
                    })?;
                    (suggestion, Lifecycle::Assigned { unit })
                }
                EventKind::ReplyDeadlineExtended { suggestion, .. } => {
                    (suggestion, Lifecycle::DeadlineExtended)
                }
                EventKind::SuggestionReplied {
                    suggestion,
                    result,
                    in_plan,
                    ..
                } => (
                    suggestion,
                    Lifecycle::Replied {
                        result: *result,
                        in_plan: *in_plan,
                    },
                ),
                EventKind::FeedbackGiven {
                    suggestion,
                    deputy,
                    rating,
                    ..
                } => {
                    let by_lead = row.get(suggestion).is_some_and(|(_, lead)| *lead == deputy);
                    (
                        suggestion,
                        Lifecycle::FeedbackGiven {
                            rating: *rating,
                            by_lead,
                        },
                    )
                }
                EventKind::RehandlingStarted { suggestion, .. } => {
                    (suggestion, Lifecycle::RehandlingStarted)
                }
                EventKind::PlacedInPlan { suggestion } => (suggestion, Lifecycle::PlacedInPlan),
                EventKind::SuggestionClosed { suggestion, .. } => (suggestion, Lifecycle::Closed),
                _ => continue,
            };
            let (r, _) = *row
                .get(id)
                .ok_or_else(|| invalid("event.suggestion", id, "not submitted before"))?;
            log.push(r, date, event)?;
        }
        Ok(log)
    }

    /// Splits the log into at most `parts` logs, each holding the events of whole congresses
    /// (congress row modulo `parts`), sharing the dimension tables. The figures of the parts
    /// [combine](SuggestionFigures::combine) into the figures of the whole.
    ///
    /// ```
    /// let log = renda::columnar::SuggestionLog::new();
    /// assert_eq!(log.partition(4).len(), 4);
    /// ```
    pub fn partition(&self, parts: usize) -> Vec<SuggestionLog> {
        let parts = parts.max(1);
        let mut out: Vec<SuggestionLog> = (0..parts)
            .map(|_| SuggestionLog {
                dims: Arc::clone(&self.dims),
                submitted: vec![false; self.dims.suggestions.len()],
                ..Self::default()
            })
            .collect();
        for i in 0..self.len() {
            let s = self.suggestion[i];
            let p = &mut out[part_of(self.dims.suggestion_congress[s as usize], parts)];
            p.record(s, self.day[i], self.kind[i], self.arg[i]);
        }
        out
    }

    /// The columnar frame of the suggestions submitted in this log that pass `filter`, with due
    /// dates from `book` and `calendar` (see [`SuggestionFrame::from_log`]).
    pub fn frame(
        &self,
        filter: &FigureFilter,
        book: &RuleBook,
        calendar: &WorkCalendar,
    ) -> Result<SuggestionFrame> {
        SuggestionFrame::from_log(self, book, calendar, filter)
    }

    /// The suggestion figures as of the end of `as_of`, under the default rule book (the
    /// national rules) or the one given to [`SuggestionLog::figures_with`].
    pub fn figures(
        &self,
        filter: &FigureFilter,
        calendar: &WorkCalendar,
        as_of: NaiveDate,
    ) -> Result<SuggestionFigures> {
        self.figures_with(filter, &RuleBook::default(), calendar, as_of)
    }

    /// The suggestion figures as of the end of `as_of` under `book`. A log of a million
    /// events or more is replayed on every available core ([`SuggestionLog::figures_in_parallel`]).
    pub fn figures_with(
        &self,
        filter: &FigureFilter,
        book: &RuleBook,
        calendar: &WorkCalendar,
        as_of: NaiveDate,
    ) -> Result<SuggestionFigures> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if self.len() >= PARALLEL_FROM && cores > 1 {
            return self.figures_in_parallel(filter, book, calendar, as_of, cores);
        }
        self.frame(filter, book, calendar)?.figures(as_of)
    }

    /// The suggestion figures computed on `threads` threads (at most 255), each replaying the
    /// congresses whose row is its number modulo `threads` (in place, without copying the
    /// log), combined exactly ([`SuggestionFigures::combine`]); equal to the one-thread
    /// figures. A congress's handling units are in one part, so the parts' unit lists are
    /// disjoint and combine cheaply.
    ///
    /// ```
    /// use renda::columnar::SuggestionLog;
    /// use renda::calendar::WorkCalendar;
    /// let data = renda::national::generate(&renda::national::NationalConfig {
    ///     scale: 0.0005, ..Default::default() }).unwrap();
    /// let day = data.year_end();
    /// let one = data.log.frame(&Default::default(), &data.book, WorkCalendar::china()).unwrap()
    ///     .figures(day).unwrap();
    /// let three = data.log.figures_in_parallel(&Default::default(), &data.book,
    ///     WorkCalendar::china(), day, 3).unwrap();
    /// assert_eq!(one, three);
    /// ```
    pub fn figures_in_parallel(
        &self,
        filter: &FigureFilter,
        book: &RuleBook,
        calendar: &WorkCalendar,
        as_of: NaiveDate,
        threads: usize,
    ) -> Result<SuggestionFigures> {
        let n = threads.clamp(1, u8::MAX as usize);
        if n == 1 {
            return self.frame(filter, book, calendar)?.figures(as_of);
        }
        // The part of each suggestion row, computed once: a thread tells its events from the
        // others' by one byte read.
        let of: Vec<u8> = self
            .dims
            .suggestion_congress
            .iter()
            .map(|c| part_of(*c, n) as u8)
            .collect();
        let of = &of;
        let parts = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .map(|k| {
                    scope.spawn(move || {
                        let part = Some((k as u8, of.as_slice()));
                        SuggestionFrame::from_log_part(self, book, calendar, filter, part)?
                            .figures(as_of)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Result<Vec<_>>>()
        })?;
        SuggestionFigures::combine(parts)
    }

    /// Bytes held by the event columns and the per-suggestion flags (not the dimension
    /// tables, which the parts of a partition share).
    pub fn event_bytes(&self) -> usize {
        self.suggestion.capacity() * 4
            + self.day.capacity() * 4
            + self.kind.capacity()
            + self.arg.capacity() * 4
            + self.submitted.capacity()
    }
}

/// The unit lists of several figures merged into one in unit-id order, each unit moved once
/// (a unit in several lists comes once from each, adjacent). Lists in id order, as figures
/// give them, are merged as they are; another list is sorted first. The merge compares the
/// heads of all lists: fine for the few parts of a machine or a cluster's partitions.
fn merge_by_unit(mut lists: Vec<Vec<UnitFigures>>) -> impl Iterator<Item = UnitFigures> {
    for l in &mut lists {
        if !l.is_sorted_by(|a, b| a.unit <= b.unit) {
            l.sort_by(|a, b| a.unit.cmp(&b.unit));
        }
    }
    let mut heads: Vec<_> = lists.into_iter().map(Vec::into_iter).collect();
    std::iter::from_fn(move || {
        let mut best: Option<(usize, &UnitId)> = None;
        for (i, h) in heads.iter().enumerate() {
            let Some(u) = h.as_slice().first() else {
                continue;
            };
            if best.is_none_or(|(_, b)| u.unit < *b) {
                best = Some((i, &u.unit));
            }
        }
        let i = best?.0;
        heads[i].next()
    })
}

impl SuggestionFigures {
    /// Adds the figures of disjoint parts (such as the parts of a
    /// [partitioned](SuggestionLog::partition) log, or the congresses of a country) into the
    /// figures of the whole: counts are summed, rates recomputed from the summed numerators
    /// and denominators, units merged (a unit in several parts is summed), and the overdue
    /// list merged in its order. All parts must be as of the same date.
    ///
    /// ```
    /// use renda::figures::SuggestionFigures;
    /// let ledger = renda::Ledger::new(Default::default());
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    /// let f = ledger.figures(day).unwrap();
    /// let both = SuggestionFigures::combine([f.clone(), f.clone()]).unwrap();
    /// assert_eq!(both, f);
    /// ```
    pub fn combine(parts: impl IntoIterator<Item = SuggestionFigures>) -> Result<Self> {
        let mut parts = parts.into_iter();
        let Some(mut all) = parts.next() else {
            return Err(invalid("parts", 0, "at least one part is needed"));
        };
        let mut lists = vec![std::mem::take(&mut all.units)];
        for p in parts {
            if p.as_of != all.as_of {
                return Err(invalid(
                    "parts.as_of",
                    p.as_of,
                    &format!("every part must be as of {}", all.as_of),
                ));
            }
            all.counts.add(&p.counts);
            all.results.add(&p.results);
            all.ratings.add(&p.ratings);
            all.plan_ledger.add(&p.plan_ledger);
            all.overdue.extend(p.overdue);
            lists.push(p.units);
        }
        // (figures, summed from several parts): only summed units need their rates again.
        let mut merged: Vec<(UnitFigures, bool)> =
            Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for u in merge_by_unit(lists) {
            match merged.last_mut() {
                Some((x, summed)) if x.unit == u.unit => {
                    *summed = true;
                    x.add_counts(&u);
                }
                _ => merged.push((u, false)),
            }
        }
        all.overdue.sort_by(|a, b| {
            b.days_overdue
                .cmp(&a.days_overdue)
                .then_with(|| a.suggestion.cmp(&b.suggestion))
        });
        let units = merged
            .into_iter()
            .map(|(u, summed)| {
                if !summed {
                    return u;
                }
                let counts = [
                    u.assigned,
                    u.replied,
                    u.replied_on_time,
                    u.overdue,
                    u.closed,
                ];
                UnitFigures::from_counts(u.unit, counts, u.results, u.ratings)
            })
            .collect();
        Ok(SuggestionFigures::from_counts(
            all.as_of,
            all.counts,
            all.results,
            all.ratings,
            all.plan_ledger,
            all.overdue,
            units,
        ))
    }
}
