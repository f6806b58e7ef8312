//! The national data set: a seeded, deterministic generator of one year of suggestion handling
//! in every congress of the country, at all five levels, as a [`SuggestionLog`].
//!
//! China has about 2.77 million deputies in about 44,000 congresses; a national year is about
//! 2.5 million suggestions and 20 million lifecycle events (the performance issue). The
//! generator reproduces those orders of magnitude with a profile per level
//! ([`LevelProfile`]: congresses, deputies, handling units and suggestions per congress), and
//! each suggestion's lifecycle with the outcome mix of Haidian 2024 (S001-13: 61% solved),
//! returns for revision, rejections, withdrawals, extensions (L-1), re-handling after a
//! dissatisfied rating (R-S3), the plan ledger (R-S5), and co-signers' ratings beside the lead
//! deputy's. Sizes per congress are the same at every scale; `scale` multiplies the number of
//! congresses of each level (at least one each), so a 4% data set (~100,000 suggestions) has
//! the same shape as the whole.
//!
//! The rule book ([`rule_book`]) is the national rules at the upper three levels and a local
//! variation with working-day deadlines at county and township level, so the figures exercise
//! both kinds of deadline arithmetic.
//!
//! Every congress draws from its own ChaCha8 stream, so the data set depends only on the seed,
//! the year and the scale, on every platform.
//!
//! ```
//! use renda::national::{self, NationalConfig};
//! let data = national::generate(&NationalConfig { scale: 0.0005, ..Default::default() }).unwrap();
//! assert_eq!(data.summary.congresses_by_level.len(), 5);
//! let again = national::generate(&NationalConfig { scale: 0.0005, ..Default::default() }).unwrap();
//! assert_eq!(data.log, again.log);
//! ```

use crate::activity::ActivityKind;
use crate::calendar::{Duration, DurationUnit, WorkCalendar};
use crate::columnar::deputies::{DeputyDimensions, DeputyFigures, DeputyLog, Work, NO_STATION};
use crate::columnar::{day_number, group_rows, Lifecycle, LifecycleKind, SuggestionLog};
use crate::demo::rng::{DemoRng, Stream};
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, DeputyId, RuleSetId, StationId, SuggestionId, TierId, UnitId};
use crate::period::Period;
use crate::registry::Level;
use crate::rules::{RuleBook, RuleSet};
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What to generate.
///
/// ```
/// let c = renda::national::NationalConfig::default();
/// assert_eq!((c.scale, c.year), (1.0, 2024));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NationalConfig {
    /// The seed of every random stream.
    pub seed: u64,
    /// The share of the country's congresses generated (1.0: all of them; at least one
    /// congress per level).
    pub scale: f64,
    /// The year whose suggestions are generated (their handling runs into the next year).
    pub year: i32,
}

impl Default for NationalConfig {
    fn default() -> Self {
        Self {
            seed: 2024,
            scale: 1.0,
            year: 2024,
        }
    }
}

/// The size of one level of congresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LevelProfile {
    /// The level.
    pub level: Level,
    /// Congresses of this level in the whole country.
    pub congresses: u32,
    /// Deputies per congress.
    pub deputies: u32,
    /// Handling units per congress.
    pub units: u32,
    /// Suggestions per congress and year.
    pub suggestions: u32,
    /// Deputies' homes (代表之家) per congress.
    pub homes: u32,
    /// Liaison stations (代表联络站) per congress.
    pub stations: u32,
}

/// The country at scale 1.0: 43,999 congresses, 2.76 million deputies, 654,340 handling
/// units, 2.49 million suggestions a year. The national level has 2,977 deputies (the 14th
/// NPC); the county profile is Haidian's (S000-1: 445 deputies, S001-13: 206 suggestions) scaled
/// to a county of average size. Other per-congress figures are orders of magnitude [EXT].
pub const PROFILES: [LevelProfile; 5] = [
    LevelProfile {
        level: Level::National,
        congresses: 1,
        deputies: 2_977,
        units: 200,
        suggestions: 8_000,
        homes: 10,
        stations: 30,
    },
    LevelProfile {
        level: Level::Provincial,
        congresses: 31,
        deputies: 420,
        units: 80,
        suggestions: 800,
        homes: 5,
        stations: 20,
    },
    LevelProfile {
        level: Level::DistrictedCity,
        congresses: 333,
        deputies: 400,
        units: 60,
        suggestions: 350,
        homes: 5,
        stations: 20,
    },
    LevelProfile {
        level: Level::County,
        congresses: 2_844,
        deputies: 200,
        units: 50,
        suggestions: 206,
        homes: 5,
        stations: 20,
    },
    LevelProfile {
        level: Level::Township,
        congresses: 40_790,
        deputies: 50,
        units: 12,
        suggestions: 43,
        homes: 1,
        stations: 2,
    },
];

/// What was generated, by level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NationalSummary {
    /// Congresses per level (in [`Level::ALL`] order).
    pub congresses_by_level: Vec<u64>,
    /// Deputies.
    pub deputies: u64,
    /// Homes and stations.
    pub stations: u64,
    /// Rows of the deputy log: activity person-times, suggestions led and co-signed.
    pub deputy_rows: u64,
    /// Handling units.
    pub units: u64,
    /// Suggestions.
    pub suggestions: u64,
    /// Lifecycle events.
    pub events: u64,
}

/// The generated data set: the log, the rule book its due dates follow, and a summary.
#[derive(Debug, Clone)]
pub struct NationalDataSet {
    /// The configuration it was generated from.
    pub config: NationalConfig,
    /// Every suggestion event of the year and of the handling that follows, in log order.
    pub log: SuggestionLog,
    /// The deputies' work of the year: activities, suggestions led and co-signed.
    pub deputies: DeputyLog,
    /// The rule book ([`rule_book`]).
    pub book: RuleBook,
    /// Counts.
    pub summary: NationalSummary,
}

impl NationalDataSet {
    /// The end of the generated year, the date of the annual figures.
    pub fn year_end(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.config.year, 12, 31).expect("a valid year")
    }

    /// The deputy figures of the year: points (W6) and duty compliance (R-D1) as of the year's
    /// end.
    pub fn deputy_figures(&self) -> Result<DeputyFigures> {
        self.deputies
            .figures(&self.book, Period::Year(self.config.year), self.year_end())
    }
}

/// The rule book of the data set: the national rules with the homes-and-stations duties of
/// R-D1 (月进站、季回家、年述职, Haidian's two tiers) and the illustrative point table (W6) at every
/// level [EXT: R-D1 is a Beijing rule and the seeds give no point values; applied everywhere so
/// that the figures exercise them], and at county and township level a local variation
/// counting reply deadlines in working days (60 working days to reply, 120 when extended, 40
/// to reply again after re-handling) [EXT: an illustrative local variation, so that the
/// figures exercise working-day deadlines].
///
/// ```
/// use renda::registry::Level;
/// use renda::calendar::DurationUnit;
/// let book = renda::national::rule_book();
/// let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let county = book.in_force(Level::County, day).unwrap();
/// assert_eq!(county.suggestion.reply_deadline.unit, DurationUnit::WorkingDays);
/// let city = book.in_force(Level::DistrictedCity, day).unwrap();
/// assert_eq!(city.suggestion.reply_deadline.unit, DurationUnit::CalendarMonths);
/// ```
pub fn rule_book() -> RuleBook {
    let mut national = RuleSet::national();
    national.id = RuleSetId::new("national-data-set").expect("a valid id");
    national.title = "National data set: national rules, homes and stations, points".into();
    national.stations = crate::station::StationRules::haidian();
    national.points = Some(crate::points::PointRules::illustrative());
    let working = |amount| Duration {
        amount,
        unit: DurationUnit::WorkingDays,
    };
    let mut sets = vec![national.clone()];
    for level in [Level::County, Level::Township] {
        let mut r = national.clone();
        r.id = RuleSetId::new(format!("national-data-set-{}", level.as_str())).expect("a valid id");
        r.title = format!(
            "National data set: working-day deadlines ({})",
            level.as_str()
        );
        r.jurisdiction.level = Some(level);
        r.suggestion.reply_deadline = working(60);
        r.suggestion.extended_reply_deadline = working(120);
        r.suggestion.rehandle_deadline = working(40);
        sets.push(r);
    }
    RuleBook::new(sets).expect("the data set's rule book is valid")
}

/// The rule book of the data set ([`rule_book`]) as a rules spec: its rule sets as a JSON list,
/// the form [`RuleBook::from_spec`] (and the bindings' `rules` arguments) take, so that a
/// binding hands the data set's deadlines to the figures of any log.
///
/// ```
/// use renda::rules::RuleBook;
/// let spec = renda::national::rules_spec();
/// assert_eq!(spec.as_array().map(Vec::len), Some(3));
/// assert_eq!(RuleBook::from_spec(&spec).unwrap(), renda::national::rule_book());
/// ```
pub fn rules_spec() -> serde_json::Value {
    serde_json::to_value(rule_book()).expect("a rule book serialises")
}

fn id_prefix(level: Level) -> &'static str {
    match level {
        Level::National => "cn",
        Level::Provincial => "prov",
        Level::DistrictedCity => "city",
        Level::County => "county",
        Level::Township => "town",
    }
}

/// One event before the log is sorted: (day, suggestion, kind, arg).
type Raw = (i32, u32, LifecycleKind, u32);

/// Generates the data set.
///
/// Errors: a scale that is not a finite number in (0, 1], or a year whose handling the
/// working-day calendar does not cover (the year and the next one must be in it).
pub fn generate(config: &NationalConfig) -> Result<NationalDataSet> {
    if !(config.scale.is_finite() && config.scale > 0.0 && config.scale <= 1.0) {
        return Err(RendaError::InvalidField {
            field: "config.scale".into(),
            value: config.scale.to_string(),
            reason: "must be a number in (0, 1]".into(),
        });
    }
    let calendar = WorkCalendar::china();
    if config.year < calendar.first_year() || config.year + 1 > calendar.last_year() {
        return Err(RendaError::InvalidField {
            field: "config.year".into(),
            value: config.year.to_string(),
            reason: format!(
                "the working-day calendar covers {}–{}; the year and the next must be in it",
                calendar.first_year(),
                calendar.last_year()
            ),
        });
    }
    let year_start = day_number(NaiveDate::from_ymd_opt(config.year, 1, 1).expect("valid"));
    let mut log = SuggestionLog::new();
    let mut summary = NationalSummary::default();
    let mut raw: Vec<Raw> = Vec::new();
    let mut people = People::new(config.year);
    let mut congress_no = 0u32;
    for p in PROFILES {
        let n = ((f64::from(p.congresses) * config.scale).round() as u32).max(1);
        summary.congresses_by_level.push(u64::from(n));
        summary.deputies += u64::from(n) * u64::from(p.deputies);
        for k in 0..n {
            let cid = format!("{}-{k:05}", id_prefix(p.level));
            let c = log.add_congress(CongressId::new(cid.clone()).expect("valid"), p.level);
            let first_unit = log.dimensions().units.len() as u32;
            for u in 0..p.units {
                log.add_unit(UnitId::new(format!("{cid}-u{u:03}")).expect("valid"));
            }
            let mut rng = DemoRng::new(config.seed, congress_no, config.year, Stream::National);
            let mut deputies_rng = DemoRng::new(
                config.seed,
                congress_no,
                config.year,
                Stream::NationalDeputies,
            );
            congress_no += 1;
            let mut submitted_days = Vec::with_capacity(p.suggestions as usize);
            // The session: a week in January or February (the national one in March).
            let session_start = if p.level == Level::National {
                year_start + 63
            } else {
                year_start + rng.range(5, 50) as i32
            };
            for s in 0..p.suggestions {
                let during = if rng.chance(200) {
                    SubmissionPeriod::Session
                } else {
                    SubmissionPeriod::Recess
                };
                let row = log.add_suggestion(
                    SuggestionId::new(format!("{cid}-s{s:05}")).expect("valid"),
                    c,
                    during,
                )?;
                let submitted = match during {
                    SubmissionPeriod::Session => session_start + rng.range(0, 6) as i32,
                    SubmissionPeriod::Recess => year_start + rng.range(0, 330) as i32,
                };
                let unit = first_unit + rng.below(u64::from(p.units)) as u32;
                lifecycle(&mut rng, row, submitted, unit, &mut raw);
                submitted_days.push(submitted);
            }
            people.congress(&mut deputies_rng, &p, &cid, session_start, &submitted_days);
        }
    }
    // Log order: by day, stable (a suggestion's events keep their order within a day).
    let order = day_order(raw.len(), |i| raw[i].0);
    let dims = std::sync::Arc::new(log.dimensions().clone());
    let pick = |f: fn(&Raw) -> u32| order.iter().map(|i| f(&raw[*i as usize])).collect();
    let log = SuggestionLog::from_shared_columns(
        dims,
        pick(|r| r.1),
        order.iter().map(|i| raw[*i as usize].0).collect(),
        order.iter().map(|i| raw[*i as usize].2 as u8).collect(),
        pick(|r| r.3),
    )?;
    let deputies = people.into_log()?;
    summary.stations = deputies.dimensions().stations.len() as u64;
    summary.deputy_rows = deputies.len() as u64;
    summary.units = log.dimensions().units.len() as u64;
    summary.suggestions = log.dimensions().suggestions.len() as u64;
    summary.events = log.len() as u64;
    Ok(NationalDataSet {
        config: *config,
        log,
        deputies,
        book: rule_book(),
        summary,
    })
}

/// The order of `n` rows by day (`day(i)`), stable ([`group_rows`] by day).
fn day_order(n: usize, day: impl Fn(usize) -> i32) -> Vec<u32> {
    let lo = (0..n).map(&day).min().unwrap_or(0);
    let hi = (0..n).map(&day).max().unwrap_or(0);
    group_rows(n, (hi - lo + 1) as usize, |i| (day(i) - lo) as usize).1
}

/// The kinds of the deputies' other activities (besides the duties and the session).
const OTHER_ACTIVITIES: [ActivityKind; 9] = [
    ActivityKind::Inspection,
    ActivityKind::Research,
    ActivityKind::Training,
    ActivityKind::VoterContact,
    ActivityKind::LegislativeConsultation,
    ActivityKind::HandlingSupervision,
    ActivityKind::LawEnforcementInspection,
    ActivityKind::CommitteeMeetingAttendance,
    ActivityKind::Other,
];

/// The deputies of the data set while they are generated: the dimension tables, and the rows
/// of the deputy log as (day, deputy, work code, station) before they are put in day order.
struct People {
    dims: DeputyDimensions,
    rows: Vec<(i32, u32, u8, u32)>,
    /// The first day of each month of the year, and the first day of the next year.
    months: [i32; 13],
    term: (NaiveDate, NaiveDate),
}

impl People {
    fn new(year: i32) -> Self {
        let first = |y, m| day_number(NaiveDate::from_ymd_opt(y, m, 1).expect("valid"));
        let mut months = [0; 13];
        for (m, slot) in months.iter_mut().enumerate().take(12) {
            *slot = first(year, m as u32 + 1);
        }
        months[12] = first(year + 1, 1);
        let mut dims = DeputyDimensions {
            span_offsets: vec![0],
            ..Default::default()
        };
        dims.tiers = ["home", "station"]
            .map(|t| TierId::new(t).expect("valid"))
            .to_vec();
        Self {
            dims,
            rows: Vec::new(),
            months,
            // [EXT] Every congress's term starts on 1 January of the data set's year, so the
            // year's duties are the first of the term.
            term: (
                NaiveDate::from_ymd_opt(year, 1, 1).expect("valid"),
                NaiveDate::from_ymd_opt(year + 4, 12, 31).expect("valid"),
            ),
        }
    }

    /// One congress: its homes and stations, its deputies with their days in office (mostly
    /// the whole term; some elected in a by-election, some terminated, some suspended for a
    /// while, so the in-office rules matter), their activities (a station visit in most
    /// months, a home visit in most quarters, a debrief late in the year, the session, a few
    /// others) and the lead deputy and co-signers of each suggestion.
    fn congress(
        &mut self,
        rng: &mut DemoRng,
        p: &LevelProfile,
        cid: &str,
        session_start: i32,
        submitted: &[i32],
    ) {
        let dims = &mut self.dims;
        let c = dims.congresses.len() as u32;
        dims.congresses.push(CongressId::new(cid).expect("valid"));
        dims.levels.push(p.level);
        dims.terms.push(self.term);
        let first_home = dims.stations.len() as u32;
        for k in 0..p.homes {
            dims.stations
                .push(StationId::new(format!("{cid}-home{k:02}")).expect("valid"));
            dims.station_tier.push(0);
        }
        let first_station = dims.stations.len() as u32;
        for k in 0..p.stations {
            dims.stations
                .push(StationId::new(format!("{cid}-st{k:03}")).expect("valid"));
            dims.station_tier.push(1);
        }
        let (ts, te) = (day_number(self.term.0), day_number(self.term.1));
        let ys = self.months[0];
        let year_days = i64::from(self.months[12] - ys);
        let first_deputy = dims.deputies.len() as u32;
        let code = |k: ActivityKind| Work::Activity(k).code();
        for k in 0..p.deputies {
            let d = dims.deputies.len() as u32;
            dims.deputies
                .push(DeputyId::new(format!("{cid}-d{k:04}")).expect("valid"));
            dims.deputy_congress.push(c);
            match rng.below(1000) {
                0..960 => dims.spans.push((ts, te)),
                960..980 => dims.spans.push((ys + rng.range(30, 300) as i32, te)),
                980..990 => dims.spans.push((ts, ys + rng.range(30, 330) as i32)),
                _ => {
                    let from = ys + rng.range(30, 250) as i32;
                    let to = from + rng.range(20, 90) as i32;
                    dims.spans.push((ts, from - 1));
                    dims.spans.push((to + 1, te));
                }
            }
            dims.span_offsets.push(dims.spans.len() as u32);
            let rows = &mut self.rows;
            // R-D1: a station visit in most months, a home visit in most quarters.
            let visits = [
                (
                    1,
                    880,
                    ActivityKind::StationVisit,
                    first_station,
                    p.stations,
                ),
                (3, 850, ActivityKind::HomeVisit, first_home, p.homes),
            ];
            for (months, per_mille, kind, first, count) in visits {
                for m in (0..12).step_by(months) {
                    if rng.chance(per_mille) {
                        let len = i64::from(self.months[m + months] - self.months[m]);
                        let day = self.months[m] + rng.range(0, len - 1) as i32;
                        let at = first + rng.below(u64::from(count)) as u32;
                        rows.push((day, d, code(kind), at));
                    }
                }
            }
            if rng.chance(900) {
                let day = self.months[10]
                    + rng.range(0, i64::from(self.months[12] - self.months[10]) - 1) as i32;
                rows.push((day, d, code(ActivityKind::Debrief), NO_STATION));
            }
            if rng.chance(970) {
                let day = session_start + rng.range(0, 4) as i32;
                rows.push((day, d, code(ActivityKind::SessionAttendance), NO_STATION));
            }
            for _ in 0..rng.range(0, 3) {
                let kind = *rng.pick(&OTHER_ACTIVITIES);
                let day = ys + rng.range(0, year_days - 1) as i32;
                rows.push((day, d, code(kind), NO_STATION));
            }
        }
        // Each suggestion's lead deputy and co-signers (R-S1), on its submission day.
        let n = p.deputies;
        for day in submitted {
            let lead = rng.below(u64::from(n)) as u32;
            self.rows.push((
                *day,
                first_deputy + lead,
                Work::SuggestionLed.code(),
                NO_STATION,
            ));
            for j in 0..rng.range(0, 2) as u32 {
                let co = (lead + 1 + 7 * j) % n;
                self.rows.push((
                    *day,
                    first_deputy + co,
                    Work::SuggestionCosigned.code(),
                    NO_STATION,
                ));
            }
        }
    }

    /// The deputy log: the rows in day order (a stable counting sort).
    fn into_log(self) -> Result<DeputyLog> {
        let rows = self.rows;
        let order = day_order(rows.len(), |i| rows[i].0);
        let pick = |f: fn(&(i32, u32, u8, u32)) -> u32| -> Vec<u32> {
            order.iter().map(|i| f(&rows[*i as usize])).collect()
        };
        let deputy = pick(|r| r.1);
        let station = pick(|r| r.3);
        let day = order.iter().map(|i| rows[*i as usize].0).collect();
        let work = order.iter().map(|i| rows[*i as usize].2).collect();
        DeputyLog::from_columns(self.dims, deputy, day, work, station)
    }
}

/// Per-mille weights of the result categories (S001-13: 126 of 206 solved, 61.2%).
const RESULTS: [u32; 4] = [612, 200, 150, 38];
/// Per-mille weights of the lead deputy's ratings.
const RATINGS: [u32; 3] = [850, 120, 30];

/// One suggestion's lifecycle, pushed in order onto `raw`.
fn lifecycle(rng: &mut DemoRng, s: u32, submitted: i32, unit: u32, raw: &mut Vec<Raw>) {
    let mut day = submitted;
    let mut push = |day: i32, e: Lifecycle| raw.push((day, s, e.kind(), e.arg()));
    push(day, Lifecycle::Submitted);
    // Vetting (W1 step 2): returned and revised, rejected, or accepted.
    if rng.chance(30) {
        day += rng.range(2, 10) as i32;
        push(day, Lifecycle::Returned);
        day += rng.range(3, 15) as i32;
        push(day, Lifecycle::Revised);
    }
    if rng.chance(15) {
        push(day + rng.range(2, 10) as i32, Lifecycle::Rejected);
        return;
    }
    day += rng.range(1, 10) as i32;
    push(day, Lifecycle::Accepted);
    if rng.chance(10) {
        push(day + rng.range(1, 20) as i32, Lifecycle::Withdrawn);
        return;
    }
    day += rng.range(1, 15) as i32;
    push(day, Lifecycle::Assigned { unit });
    // The first reply: mostly within the deadline, some late, some still awaited; an
    // extension (L-1) is granted only while the reply is awaited.
    let delay = match rng.weighted(&[850, 100, 50]) {
        0 => Some(rng.range(20, 85) as i32),
        1 => Some(rng.range(86, 140) as i32),
        _ => None,
    };
    if rng.chance(80) {
        let extended = rng.range(30, 80) as i32;
        if delay.is_none_or(|d| extended < d) {
            push(day + extended, Lifecycle::DeadlineExtended);
        }
    }
    let Some(delay) = delay else {
        return;
    };
    day += delay;
    let result = ResultCategory::ALL[rng.weighted(&RESULTS)];
    let in_plan = result == ResultCategory::B && rng.chance(500);
    push(day, Lifecycle::Replied { result, in_plan });
    let mut rehandled = false;
    loop {
        // Co-signers rate too; only the lead deputy's rating moves the suggestion on.
        for _ in 0..rng.range(0, 3) {
            let rating = Satisfaction::ALL[rng.weighted(&RATINGS)];
            push(
                day + rng.range(1, 20) as i32,
                Lifecycle::FeedbackGiven {
                    rating,
                    by_lead: false,
                },
            );
        }
        if rng.chance(40) {
            return; // The lead deputy has not rated yet.
        }
        day += rng.range(20, 25) as i32;
        let rating = Satisfaction::ALL[rng.weighted(&RATINGS)];
        push(
            day,
            Lifecycle::FeedbackGiven {
                rating,
                by_lead: true,
            },
        );
        if rating == Satisfaction::Dissatisfied && !rehandled {
            // R-S3: re-handle once, then reply again.
            rehandled = true;
            push(day, Lifecycle::RehandlingStarted);
            day += rng.range(15, 60) as i32;
            let result = ResultCategory::ALL[rng.weighted(&RESULTS)];
            push(
                day,
                Lifecycle::Replied {
                    result,
                    in_plan: false,
                },
            );
            continue;
        }
        if rating != Satisfaction::Dissatisfied && in_plan && !rehandled {
            // R-S5: into the plan ledger; the second reply comes later, if at all this year.
            push(day, Lifecycle::PlacedInPlan);
            if rng.chance(400) {
                day += rng.range(60, 200) as i32;
                let result = if rng.chance(600) {
                    ResultCategory::A
                } else {
                    ResultCategory::B
                };
                push(
                    day,
                    Lifecycle::Replied {
                        result,
                        in_plan: false,
                    },
                );
                rehandled = true;
                continue;
            }
            return;
        }
        push(day, Lifecycle::Closed);
        return;
    }
}
