//! The columnar deputy log: what every deputy of the country did in a year (the activities they
//! took part in, the suggestions they led and co-signed) as four flat columns, with the
//! deputies' days in office, for the deputy points (W6, R-D2) and the duty compliance (R-D1,
//! R-D8) of a national year at memory speed.
//!
//! The ledger records an activity once with its participants; this log holds one row per
//! deputy and activity (a person-time, 人次), 13 bytes a row:
//!
//! | column | type | meaning |
//! |---|---|---|
//! | `deputy` | `u32` | row of the deputy in the dimension table |
//! | `day` | `i32` | days since 1970-01-01 |
//! | `work` | [`Work`] (`u8`) | the activity kind, or a suggestion led or co-signed |
//! | `station` | `u32` | row of the home or station it took place at, or [`NO_STATION`] |
//!
//! The figures apply the ledger's own rules, through the same code: points are counted by
//! the ledger's counting rule (only on days in office inside the period, under the point table
//! of the rule set in force on the period's last day), and duties are checked by the ledger's
//! duty check (every month, quarter and year from the term's start, each under the rule set in
//! force on its last day; open periods reported, never failed). A test checks that a ledger's
//! deputy log gives the ledger's points and compliance for every scenario.
//!
//! ```
//! use chrono::NaiveDate;
//! use renda::activity::ActivityKind;
//! use renda::columnar::deputies::{DeputyLog, Work};
//! use renda::registry::Level;
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
//! let mut log = DeputyLog::new();
//! let c = log.add_congress("hd".parse().unwrap(), Level::County, (d(1, 1), NaiveDate::from_ymd_opt(2029, 12, 31).unwrap())).unwrap();
//! let tier = log.add_tier("station".parse().unwrap());
//! let s = log.add_station("S1".parse().unwrap(), tier).unwrap();
//! let w = log.add_deputy("D1".parse().unwrap(), c, &[(d(1, 1), d(12, 31))]).unwrap();
//! log.push(w, d(1, 20), Work::Activity(ActivityKind::StationVisit), Some(s)).unwrap();
//! log.push(w, d(2, 3), Work::SuggestionLed, None).unwrap();
//! let book = renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap();
//! let f = log.figures(&book, "2025".parse().unwrap(), d(2, 15)).unwrap();
//! assert_eq!(f.deputies.points[0], 2 + 3); // a station visit and a suggestion led
//! assert_eq!((f.deputies.duties_due[0], f.deputies.duties_met[0]), (1, 1)); // January
//! assert_eq!(f.totals.duty_rate().as_deref(), Some("100.0"));
//! ```

use super::{check_refs, day_number, group_rows, invalid};
use crate::activity::ActivityKind;
use crate::compliance::{check_deputy, duty_checks, DutyCheck};
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, DeputyId, RuleSetId, StationId, TierId};
use crate::period::Period;
use crate::points::{credit, point_table, Credit, PointTally, PointValues, PointsRow};
use crate::registry::Level;
use crate::rules::RuleBook;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What a deputy's spans in office must be.
const SPANS_RULE: &str = "a deputy's spans in office must be ascending, disjoint ranges";

/// The first of `spans` that ends before it starts or does not come after the one before.
fn bad_span(spans: &[(i32, i32)]) -> Option<usize> {
    (0..spans.len()).find(|&k| spans[k].0 > spans[k].1 || (k > 0 && spans[k - 1].1 >= spans[k].0))
}

/// The `station` of a row that took place at no home or station.
pub const NO_STATION: u32 = u32::MAX;

/// Deputy logs of at least this many rows are counted on every core by
/// [`DeputyLog::figures`].
pub const PARALLEL_FROM: usize = 1_000_000;

/// What one row of the deputy log records.
///
/// ```
/// use renda::activity::ActivityKind;
/// use renda::columnar::deputies::Work;
/// let w = Work::Activity(ActivityKind::Debrief);
/// assert_eq!(Work::from_code(w.code()), Some(w));
/// assert_eq!("suggestion_led".parse::<Work>().unwrap(), Work::SuggestionLed);
/// assert_eq!(Work::SuggestionCosigned.to_string(), "suggestion_cosigned");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Work {
    /// Took part in an activity of this kind.
    Activity(ActivityKind),
    /// Led a suggestion (领衔), on the day it was submitted.
    SuggestionLed,
    /// Co-signed a suggestion (附议), on the day it was submitted.
    SuggestionCosigned,
}

impl Work {
    /// Every value, in code order.
    pub const ALL: [Work; 15] = {
        let mut all = [Work::SuggestionLed; 15];
        let mut i = 0;
        while i < ActivityKind::ALL.len() {
            all[i] = Work::Activity(ActivityKind::ALL[i]);
            i += 1;
        }
        all[14] = Work::SuggestionCosigned;
        all
    };

    /// The code stored in the `work` column: the activity kind's index in
    /// [`ActivityKind::ALL`], 13 for a suggestion led, 14 for one co-signed.
    pub fn code(self) -> u8 {
        match self {
            Work::Activity(kind) => kind as u8,
            Work::SuggestionLed => 13,
            Work::SuggestionCosigned => 14,
        }
    }

    /// The value of a code, if it is one.
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code)).copied()
    }

    /// The wire name: the activity kind's, or `suggestion_led` / `suggestion_cosigned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Work::Activity(kind) => kind.as_str(),
            Work::SuggestionLed => "suggestion_led",
            Work::SuggestionCosigned => "suggestion_cosigned",
        }
    }

    fn credit(self) -> Credit {
        match self {
            Work::Activity(kind) => Credit::Activity(kind),
            Work::SuggestionLed => Credit::SuggestionLed,
            Work::SuggestionCosigned => Credit::SuggestionCosigned,
        }
    }
}

impl std::fmt::Display for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Work {
    type Err = RendaError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|w| w.as_str() == s)
            .ok_or_else(|| {
                invalid(
                    "work",
                    s,
                    "not an activity kind, suggestion_led or suggestion_cosigned",
                )
            })
    }
}

/// The dimension tables of a deputy log: congresses with their level and term, deputies with
/// their congress and days in office, and homes and stations with their tier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeputyDimensions {
    /// Congress ids, by row.
    pub congresses: Vec<CongressId>,
    /// Each congress's level (which selects the rule set).
    pub levels: Vec<Level>,
    /// Each congress's term, first and last day.
    pub terms: Vec<(NaiveDate, NaiveDate)>,
    /// Deputy ids, by row.
    pub deputies: Vec<DeputyId>,
    /// Each deputy's congress row.
    pub deputy_congress: Vec<u32>,
    /// Deputy `i`'s days in office are `spans[span_offsets[i]..span_offsets[i + 1]]`
    /// (`deputies.len() + 1` offsets, the first 0).
    pub span_offsets: Vec<u32>,
    /// Days in office as inclusive day-number ranges, ascending and disjoint per deputy.
    pub spans: Vec<(i32, i32)>,
    /// Tier ids of homes and stations, by row.
    pub tiers: Vec<TierId>,
    /// Home and station ids, by row.
    pub stations: Vec<StationId>,
    /// Each home or station's tier row.
    pub station_tier: Vec<u32>,
}

impl DeputyDimensions {
    /// Checks lengths, references and spans.
    ///
    /// ```
    /// let mut d = renda::columnar::deputies::DeputyDimensions::default();
    /// assert!(d.validate().is_err()); // no span offsets
    /// d.span_offsets.push(0);
    /// d.validate().unwrap();
    /// ```
    pub fn validate(&self) -> Result<()> {
        let congresses = self.congresses.len();
        if self.levels.len() != congresses || self.terms.len() != congresses {
            return Err(invalid(
                "dimensions.levels",
                self.levels.len(),
                "needs one level and one term per congress",
            ));
        }
        if let Some((row, t)) = self.terms.iter().enumerate().find(|(_, t)| t.0 > t.1) {
            return Err(invalid(
                &format!("dimensions.terms[{row}]"),
                format!("{}..{}", t.0, t.1),
                "the term ends before it starts",
            ));
        }
        let n = self.deputies.len();
        if self.deputy_congress.len() != n || self.span_offsets.len() != n + 1 {
            return Err(invalid(
                "dimensions.span_offsets",
                self.span_offsets.len(),
                "needs one congress per deputy and one span offset per deputy plus one",
            ));
        }
        check_refs(
            &self.deputy_congress,
            congresses,
            "dimensions.deputy_congress",
            "congress",
        )?;
        if self.span_offsets[0] != 0 || self.span_offsets[n] as usize != self.spans.len() {
            return Err(invalid(
                "dimensions.span_offsets",
                self.span_offsets[n],
                "must start at 0 and end at the number of spans",
            ));
        }
        for i in 0..n {
            let (a, b) = (self.span_offsets[i], self.span_offsets[i + 1]);
            if a > b {
                return Err(invalid(
                    &format!("dimensions.span_offsets[{}]", i + 1),
                    b,
                    "offsets must not decrease",
                ));
            }
            if let Some(k) = bad_span(&self.spans[a as usize..b as usize]) {
                let s = self.spans[a as usize + k];
                return Err(invalid(
                    &format!("dimensions.spans[{}]", a as usize + k),
                    format!("{}..{}", s.0, s.1),
                    SPANS_RULE,
                ));
            }
        }
        if self.station_tier.len() != self.stations.len() {
            return Err(invalid(
                "dimensions.station_tier",
                self.station_tier.len(),
                "needs one tier per home or station",
            ));
        }
        check_refs(
            &self.station_tier,
            self.tiers.len(),
            "dimensions.station_tier",
            "tier",
        )
    }

    /// Deputy row `deputy`'s days in office.
    pub fn spans_of(&self, deputy: u32) -> &[(i32, i32)] {
        let i = deputy as usize;
        &self.spans[self.span_offsets[i] as usize..self.span_offsets[i + 1] as usize]
    }
}

/// The deputies' work as columns, in log order (by day), with their dimension tables. See the
/// [module documentation](self).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeputyLog {
    dims: Arc<DeputyDimensions>,
    deputy: Vec<u32>,
    day: Vec<i32>,
    work: Vec<Work>,
    station: Vec<u32>,
}

impl Default for DeputyLog {
    fn default() -> Self {
        Self::new()
    }
}

impl DeputyLog {
    /// An empty log.
    pub fn new() -> Self {
        Self {
            dims: Arc::new(DeputyDimensions {
                span_offsets: vec![0],
                ..Default::default()
            }),
            deputy: Vec::new(),
            day: Vec::new(),
            work: Vec::new(),
            station: Vec::new(),
        }
    }

    /// Adds a congress with its level and term (first and last day); returns its row.
    pub fn add_congress(
        &mut self,
        id: CongressId,
        level: Level,
        term: (NaiveDate, NaiveDate),
    ) -> Result<u32> {
        if term.0 > term.1 {
            return Err(invalid(
                "congress.term",
                format!("{}..{}", term.0, term.1),
                "the term ends before it starts",
            ));
        }
        let d = Arc::make_mut(&mut self.dims);
        d.congresses.push(id);
        d.levels.push(level);
        d.terms.push(term);
        Ok((d.congresses.len() - 1) as u32)
    }

    /// Adds a tier of homes or stations; returns its row.
    pub fn add_tier(&mut self, id: TierId) -> u32 {
        let d = Arc::make_mut(&mut self.dims);
        d.tiers.push(id);
        (d.tiers.len() - 1) as u32
    }

    /// Adds a home or station of tier row `tier`; returns its row.
    pub fn add_station(&mut self, id: StationId, tier: u32) -> Result<u32> {
        if tier as usize >= self.dims.tiers.len() {
            return Err(invalid("station.tier", tier, "no tier has this row"));
        }
        let d = Arc::make_mut(&mut self.dims);
        d.stations.push(id);
        d.station_tier.push(tier);
        Ok((d.stations.len() - 1) as u32)
    }

    /// Adds a deputy of congress row `congress` with their days in office (inclusive,
    /// ascending, disjoint ranges); returns the row.
    pub fn add_deputy(
        &mut self,
        id: DeputyId,
        congress: u32,
        in_office: &[(NaiveDate, NaiveDate)],
    ) -> Result<u32> {
        if congress as usize >= self.dims.congresses.len() {
            return Err(invalid(
                "deputy.congress",
                congress,
                "no congress has this row",
            ));
        }
        let spans: Vec<(i32, i32)> = in_office
            .iter()
            .map(|(a, b)| (day_number(*a), day_number(*b)))
            .collect();
        if let Some(k) = bad_span(&spans) {
            return Err(invalid(
                &format!("deputy.in_office[{k}]"),
                format!("{}..{}", in_office[k].0, in_office[k].1),
                SPANS_RULE,
            ));
        }
        let d = Arc::make_mut(&mut self.dims);
        d.deputies.push(id);
        d.deputy_congress.push(congress);
        d.spans.extend(spans);
        d.span_offsets.push(d.spans.len() as u32);
        Ok((d.deputies.len() - 1) as u32)
    }

    /// The dimension tables.
    pub fn dimensions(&self) -> &DeputyDimensions {
        &self.dims
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }

    /// The `deputy` column.
    pub fn deputies(&self) -> &[u32] {
        &self.deputy
    }

    /// The `day` column (days since 1970-01-01).
    pub fn days(&self) -> &[i32] {
        &self.day
    }

    /// The `work` column.
    pub fn works(&self) -> &[Work] {
        &self.work
    }

    /// The `station` column ([`NO_STATION`]: none).
    pub fn stations(&self) -> &[u32] {
        &self.station
    }

    fn check_row(
        &self,
        i: usize,
        deputy: u32,
        day: i32,
        station: u32,
        last_day: i32,
    ) -> Result<()> {
        if deputy as usize >= self.dims.deputies.len() {
            return Err(invalid(
                &format!("deputy[{i}]"),
                deputy,
                "no deputy has this row",
            ));
        }
        if station != NO_STATION && station as usize >= self.dims.stations.len() {
            return Err(invalid(
                &format!("station[{i}]"),
                station,
                "no home or station has this row",
            ));
        }
        if day < last_day {
            return Err(invalid(
                &format!("day[{i}]"),
                day,
                "rows must be in log order (days not decreasing)",
            ));
        }
        if !super::is_date(day) {
            return Err(invalid(
                &format!("day[{i}]"),
                day,
                "not a representable date",
            ));
        }
        Ok(())
    }

    /// Appends a row: deputy row `deputy` did `work` on `date`, at home or station row
    /// `station`. Checked (references in range, log order); a rejected row changes nothing.
    ///
    /// ```
    /// use renda::columnar::deputies::{DeputyLog, Work};
    /// let mut log = DeputyLog::new();
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let err = log.push(0, day, Work::SuggestionLed, None).unwrap_err();
    /// assert!(err.to_string().contains("deputy[0]"));
    /// assert!(log.is_empty());
    /// ```
    pub fn push(
        &mut self,
        deputy: u32,
        date: NaiveDate,
        work: Work,
        station: Option<u32>,
    ) -> Result<()> {
        let day = day_number(date);
        let station = station.unwrap_or(NO_STATION);
        let last = self.day.last().copied().unwrap_or(i32::MIN);
        self.check_row(self.len(), deputy, day, station, last)?;
        self.deputy.push(deputy);
        self.day.push(day);
        self.work.push(work);
        self.station.push(station);
        Ok(())
    }

    /// A log from its dimension tables and columns (what the bindings call with Arrow arrays
    /// or typed arrays), checked row by row: the error names the column, the row and the
    /// value.
    ///
    /// ```
    /// use renda::columnar::deputies::{DeputyDimensions, DeputyLog};
    /// let dims = DeputyDimensions { span_offsets: vec![0], ..Default::default() };
    /// let err = DeputyLog::from_columns(dims, vec![0], vec![19_723], vec![99], vec![u32::MAX]).unwrap_err();
    /// assert!(err.to_string().contains("deputy[0]"));
    /// ```
    pub fn from_columns(
        dims: DeputyDimensions,
        deputy: Vec<u32>,
        day: Vec<i32>,
        work: Vec<u8>,
        station: Vec<u32>,
    ) -> Result<Self> {
        Self::from_shared_columns(Arc::new(dims), deputy, day, work, station)
    }

    /// [`DeputyLog::from_columns`] with dimension tables shared with other logs.
    pub fn from_shared_columns(
        dims: Arc<DeputyDimensions>,
        deputy: Vec<u32>,
        day: Vec<i32>,
        work: Vec<u8>,
        station: Vec<u32>,
    ) -> Result<Self> {
        dims.validate()?;
        let n = day.len();
        for (name, len) in [
            ("deputy", deputy.len()),
            ("work", work.len()),
            ("station", station.len()),
        ] {
            if len != n {
                return Err(invalid(
                    name,
                    len,
                    &format!("every column needs {n} rows, as `day` has"),
                ));
            }
        }
        let mut log = Self {
            dims,
            deputy: Vec::new(),
            day: Vec::new(),
            work: Vec::new(),
            station: Vec::new(),
        };
        let mut last = i32::MIN;
        let mut works = Vec::with_capacity(n);
        for i in 0..n {
            log.check_row(i, deputy[i], day[i], station[i], last)?;
            last = day[i];
            works.push(Work::from_code(work[i]).ok_or_else(|| {
                invalid(&format!("work[{i}]"), work[i], "not a work code (0–14)")
            })?);
        }
        log.deputy = deputy;
        log.day = day;
        log.work = works;
        log.station = station;
        Ok(log)
    }

    /// The deputy log of a ledger: every congress, deputy (with their days in office up to the
    /// end of the term) and home or station; a row per activity participant, and per lead
    /// deputy and co-signer of every suggestion on its submission day, in day order.
    pub fn from_ledger(ledger: &crate::Ledger) -> Result<Self> {
        use std::collections::HashMap;
        let st = ledger.state();
        let mut log = Self::new();
        let mut congress_row = HashMap::new();
        for c in st.congresses.values() {
            let row = log.add_congress(c.id.clone(), c.level, (c.term_start, c.term_end))?;
            congress_row.insert(&c.id, row);
        }
        let mut tier_row: HashMap<&TierId, u32> = HashMap::new();
        let mut station_row = HashMap::new();
        for s in st.stations.values() {
            let tier = match tier_row.get(&s.tier) {
                Some(t) => *t,
                None => {
                    let t = log.add_tier(s.tier.clone());
                    tier_row.insert(&s.tier, t);
                    t
                }
            };
            station_row.insert(&s.id, log.add_station(s.id.clone(), tier)?);
        }
        let mut deputy_row = HashMap::new();
        for d in st.deputies.values() {
            let c = st.congress(&d.congress, "deputy.congress")?;
            let spans = d.spans_in_office(c, NaiveDate::MIN, c.term_end);
            deputy_row.insert(
                &d.id,
                log.add_deputy(d.id.clone(), congress_row[&c.id], &spans)?,
            );
        }
        let mut rows: Vec<(NaiveDate, u32, Work, u32)> = Vec::new();
        for a in st.activities.values() {
            let station = a
                .station
                .as_ref()
                .and_then(|s| station_row.get(s))
                .copied()
                .unwrap_or(NO_STATION);
            for p in &a.participants {
                if let Some(d) = deputy_row.get(p) {
                    rows.push((a.on, *d, Work::Activity(a.kind), station));
                }
            }
        }
        for s in st.suggestions.values() {
            let day = s.submitted_on();
            if let Some(d) = deputy_row.get(&s.lead) {
                rows.push((day, *d, Work::SuggestionLed, NO_STATION));
            }
            for co in &s.cosigners {
                if let Some(d) = deputy_row.get(co) {
                    rows.push((day, *d, Work::SuggestionCosigned, NO_STATION));
                }
            }
        }
        rows.sort_by_key(|r| r.0);
        for (day, deputy, work, station) in rows {
            log.deputy.push(deputy);
            log.day.push(day_number(day));
            log.work.push(work);
            log.station.push(station);
        }
        Ok(log)
    }

    /// Bytes held by the row columns (not the dimension tables).
    pub fn row_bytes(&self) -> usize {
        self.deputy.capacity() * 4
            + self.day.capacity() * 4
            + self.work.capacity() * std::mem::size_of::<Work>()
            + self.station.capacity() * 4
    }

    /// The deputy figures: each deputy's points over `period` (W6, R-D2) and duty compliance
    /// as of the end of `as_of` (R-D1, R-D8), and their sums per congress and for the whole
    /// log. Counted on every core from [`PARALLEL_FROM`] rows.
    ///
    /// Errors: a congress with no rule set in force on `as_of` (`no_rule_set`), or whose rule
    /// set in force on the period's last day has no point table (`no_point_table`).
    pub fn figures(
        &self,
        book: &RuleBook,
        period: Period,
        as_of: NaiveDate,
    ) -> Result<DeputyFigures> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = if self.len() >= PARALLEL_FROM {
            cores
        } else {
            1
        };
        self.figures_in_parallel(book, period, as_of, threads)
    }

    /// [`DeputyLog::figures`] on `threads` threads, each counting a contiguous range of
    /// deputies; equal to the one-thread figures.
    pub fn figures_in_parallel(
        &self,
        book: &RuleBook,
        period: Period,
        as_of: NaiveDate,
        threads: usize,
    ) -> Result<DeputyFigures> {
        let dims = &*self.dims;
        // The rules of each congress: duty checks, point values, interview threshold.
        // Congresses of one level and term share their rules: built once per pair.
        let mut rules: Vec<CongressRules> = Vec::new();
        let mut shared = std::collections::HashMap::new();
        let mut rules_of = Vec::with_capacity(dims.congresses.len());
        for (row, id) in dims.congresses.iter().enumerate() {
            let (level, term) = (dims.levels[row], dims.terms[row]);
            if let Some(k) = shared.get(&(level, term)) {
                rules_of.push(*k);
                continue;
            }
            let in_force = book.in_force(level, as_of)?;
            let table = point_table(book, level, id, period.last_day(), "congress")?;
            rules.push(CongressRules {
                rule_set: in_force.id.clone(),
                checks: duty_checks(book, level, term.0, term.1, as_of, day_number),
                values: PointValues::of(table),
                interview_below: table.interview_below,
                from: day_number(period.first_day()),
                to: day_number(period.last_day().min(term.1)),
            });
            let k = rules.len() - 1;
            shared.insert((level, term), k);
            rules_of.push(k);
        }
        // The rows of each deputy, in day order (a stable counting sort of the log).
        let n = dims.deputies.len();
        let (offsets, order) = group_rows(self.len(), n, |i| self.deputy[i] as usize);
        let threads = threads.clamp(1, n.max(1));
        let chunk = n.div_ceil(threads).max(1);
        let (rules, rules_of, offsets, order) = (&rules, &rules_of, &offsets, &order);
        let parts: Vec<DeputyColumns> = if threads == 1 {
            // No thread at all (wasm32 has none to spawn).
            vec![self.count(0..n, rules, rules_of, offsets, order)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|k| {
                        let range = (k * chunk).min(n)..((k + 1) * chunk).min(n);
                        scope.spawn(move || self.count(range, rules, rules_of, offsets, order))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                    .collect()
            })
        };
        let mut deputies = DeputyColumns::default();
        for p in parts {
            deputies.append(p);
        }
        // Sums per congress and for the whole log.
        let mut congresses: Vec<CongressDeputyFigures> = dims
            .congresses
            .iter()
            .zip(rules_of.iter().map(|k| &rules[*k]))
            .enumerate()
            .map(|(row, (id, r))| CongressDeputyFigures {
                congress: id.clone(),
                level: dims.levels[row],
                rule_set: r.rule_set.clone(),
                interview_below: r.interview_below,
                totals: DeputyTotals::default(),
            })
            .collect();
        let mut totals = DeputyTotals::default();
        for i in 0..n {
            let c = &mut congresses[dims.deputy_congress[i] as usize];
            let below = c.interview_below;
            c.totals.add_deputy(&deputies, i, below);
            totals.add_deputy(&deputies, i, below);
        }
        Ok(DeputyFigures {
            period,
            as_of,
            deputies,
            congresses,
            totals,
        })
    }

    /// Counts the deputies of `range`; congress row `c` follows `rules[rules_of[c]]`.
    fn count(
        &self,
        range: std::ops::Range<usize>,
        rules: &[CongressRules],
        rules_of: &[usize],
        offsets: &[u32],
        order: &[u32],
    ) -> DeputyColumns {
        let dims = &*self.dims;
        let mut out = DeputyColumns::with_capacity(range.len());
        let mut cut: Vec<(i32, i32)> = Vec::new();
        let day = |i: &u32| self.day[*i as usize];
        let kind = |i: &u32| match self.work[*i as usize] {
            Work::Activity(kind) => Some(kind),
            _ => None,
        };
        let at_tier = |i: &u32, tier: &TierId| {
            let s = self.station[*i as usize];
            s != NO_STATION && dims.tiers[dims.station_tier[s as usize] as usize] == *tier
        };
        for d in range {
            let r = &rules[rules_of[dims.deputy_congress[d] as usize]];
            let spans = dims.spans_of(d as u32);
            let rows = &order[offsets[d] as usize..offsets[d + 1] as usize];
            // Points: the days in office cut to the period.
            cut.clear();
            cut.extend(spans.iter().filter_map(|&(a, b)| {
                let (a, b) = (a.max(r.from), b.min(r.to));
                (a <= b).then_some((a, b))
            }));
            let days: i64 = cut.iter().map(|(a, b)| i64::from(b - a) + 1).sum();
            let mut row = PointTally::default();
            if days > 0 {
                for i in rows {
                    let i = *i as usize;
                    credit(
                        &r.values,
                        &mut row,
                        &cut,
                        self.day[i],
                        self.work[i].credit(),
                    );
                }
            }
            let duties = check_deputy(&r.checks, spans, rows, day, kind, at_tier, |_, _| {});
            out.points.push(row.points);
            out.activities.push(row.activities);
            out.suggestions_led.push(row.suggestions_led);
            out.suggestions_cosigned.push(row.suggestions_cosigned);
            out.days_in_office.push(days as u32);
            out.duties_due.push(duties.due);
            out.duties_met.push(duties.met);
            out.duties_open.push(duties.open);
        }
        out
    }

    /// The points rows of congress row `congress` from `figures` (of this log), as the
    /// ledger's [`crate::Ledger::points`] gives them: deputies with a day in office in the
    /// period, ordered by id.
    pub fn points_rows(&self, figures: &DeputyFigures, congress: u32) -> Vec<PointsRow> {
        let dims = &*self.dims;
        let f = &figures.deputies;
        let mut rows: Vec<PointsRow> = (0..dims.deputies.len())
            .filter(|d| dims.deputy_congress[*d] == congress && f.days_in_office[*d] > 0)
            .map(|d| PointsRow {
                deputy: dims.deputies[d].clone(),
                points: f.points[d],
                activities: f.activities[d],
                suggestions_led: f.suggestions_led[d],
                suggestions_cosigned: f.suggestions_cosigned[d],
                days_in_office: f.days_in_office[d],
            })
            .collect();
        rows.sort_by(|a, b| a.deputy.cmp(&b.deputy));
        rows
    }
}

/// The rules that apply to one congress's deputies.
struct CongressRules<'b> {
    rule_set: RuleSetId,
    checks: Vec<DutyCheck<'b, i32>>,
    values: PointValues,
    interview_below: Option<u32>,
    /// The period, cut to the term's last day (day numbers).
    from: i32,
    to: i32,
}

/// Per-deputy figures as columns, one entry per deputy row of the log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeputyColumns {
    /// Points in the period (W6).
    pub points: Vec<u32>,
    /// Activities that counted (person-times).
    pub activities: Vec<u32>,
    /// Suggestions led that counted.
    pub suggestions_led: Vec<u32>,
    /// Suggestions co-signed that counted.
    pub suggestions_cosigned: Vec<u32>,
    /// Days in office within the period (0: left out of the sums).
    pub days_in_office: Vec<u32>,
    /// Duty periods due (ended, with a day in office), over all duties (R-D1, R-D8).
    pub duties_due: Vec<u32>,
    /// Of those, met.
    pub duties_met: Vec<u32>,
    /// Duty periods still open on the "as of" date.
    pub duties_open: Vec<u32>,
}

impl DeputyColumns {
    fn with_capacity(n: usize) -> Self {
        Self {
            points: Vec::with_capacity(n),
            activities: Vec::with_capacity(n),
            suggestions_led: Vec::with_capacity(n),
            suggestions_cosigned: Vec::with_capacity(n),
            days_in_office: Vec::with_capacity(n),
            duties_due: Vec::with_capacity(n),
            duties_met: Vec::with_capacity(n),
            duties_open: Vec::with_capacity(n),
        }
    }

    fn append(&mut self, mut other: Self) {
        self.points.append(&mut other.points);
        self.activities.append(&mut other.activities);
        self.suggestions_led.append(&mut other.suggestions_led);
        self.suggestions_cosigned
            .append(&mut other.suggestions_cosigned);
        self.days_in_office.append(&mut other.days_in_office);
        self.duties_due.append(&mut other.duties_due);
        self.duties_met.append(&mut other.duties_met);
        self.duties_open.append(&mut other.duties_open);
    }

    /// Number of deputies.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// No deputies.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Sums of the deputy figures: points over the deputies with a day in office in the points
/// period, duties over every deputy (each owes the periods with a day in office).
///
/// ```
/// use renda::columnar::deputies::DeputyTotals;
/// let t = DeputyTotals { duties_due: 8, duties_met: 6, ..Default::default() };
/// assert_eq!(t.duty_rate().as_deref(), Some("75.0"));
/// let both = DeputyTotals::combine([t.clone(), t]);
/// assert_eq!((both.duties_due, both.duty_rate().as_deref()), (16, Some("75.0")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeputyTotals {
    /// Deputies with a day in office in the points period.
    pub deputies: u64,
    /// Their points.
    pub points: u64,
    /// Activities that counted (person-times).
    pub activities: u64,
    /// Suggestions led that counted.
    pub suggestions_led: u64,
    /// Suggestions co-signed that counted.
    pub suggestions_cosigned: u64,
    /// Deputies below the interview threshold of their point table (约谈, R-D2).
    pub below_interview: u64,
    /// Duty periods due.
    pub duties_due: u64,
    /// Of those, met.
    pub duties_met: u64,
    /// Duty periods still open.
    pub duties_open: u64,
}

impl DeputyTotals {
    fn add_deputy(&mut self, c: &DeputyColumns, i: usize, interview_below: Option<u32>) {
        // Duties are owed by every deputy with a day in office in a period (R-D1, R-D8).
        self.duties_due += u64::from(c.duties_due[i]);
        self.duties_met += u64::from(c.duties_met[i]);
        self.duties_open += u64::from(c.duties_open[i]);
        // Points count only deputies in office in the points period (W6).
        if c.days_in_office[i] == 0 {
            return;
        }
        self.deputies += 1;
        self.points += u64::from(c.points[i]);
        self.activities += u64::from(c.activities[i]);
        self.suggestions_led += u64::from(c.suggestions_led[i]);
        self.suggestions_cosigned += u64::from(c.suggestions_cosigned[i]);
        self.below_interview += u64::from(interview_below.is_some_and(|t| c.points[i] < t));
    }

    /// The sums of disjoint groups of deputies (the parts of a country).
    pub fn combine(parts: impl IntoIterator<Item = DeputyTotals>) -> Self {
        parts.into_iter().fold(Self::default(), |mut t, p| {
            t.deputies += p.deputies;
            t.points += p.points;
            t.activities += p.activities;
            t.suggestions_led += p.suggestions_led;
            t.suggestions_cosigned += p.suggestions_cosigned;
            t.below_interview += p.below_interview;
            t.duties_due += p.duties_due;
            t.duties_met += p.duties_met;
            t.duties_open += p.duties_open;
            t
        })
    }

    /// `duties_met / duties_due` in percent with
    /// [`crate::compliance::RATE_DECIMALS`] decimals, rounded half up; `None` when nothing
    /// was due.
    pub fn duty_rate(&self) -> Option<String> {
        crate::compliance::rate(self.duties_met, self.duties_due)
    }
}

/// One congress's deputy figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CongressDeputyFigures {
    /// The congress.
    pub congress: CongressId,
    /// Its level.
    pub level: Level,
    /// The rule set in force on the "as of" date.
    pub rule_set: RuleSetId,
    /// The interview threshold of its point table (R-D2), if any.
    pub interview_below: Option<u32>,
    /// The sums over its deputies.
    pub totals: DeputyTotals,
}

/// The deputy figures of a log ([`DeputyLog::figures`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeputyFigures {
    /// The period of the points.
    pub period: Period,
    /// The "as of" date of the duties.
    pub as_of: NaiveDate,
    /// Per deputy, in the log's deputy rows.
    pub deputies: DeputyColumns,
    /// Per congress, in the log's congress rows.
    pub congresses: Vec<CongressDeputyFigures>,
    /// The whole log.
    pub totals: DeputyTotals,
}
