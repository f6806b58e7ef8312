//! Duty compliance of deputies and of their homes and stations (家站): the recurring duties of
//! the rule set (R-D1 月进站、季回家、年述职; R-D8 quarterly voter contact where a district
//! configures it), checked per period as of any date (issue 3 item 5; domain §1.5, W7).
//!
//! Nothing here is stored: [`compliance`] derives every row from the activities, the deputies'
//! status histories, the homes and stations and the rule book, so the same question asked of
//! the same log always gets the same answer.

use crate::activity::{Activity, ActivityKind};
use crate::error::Result;
use crate::ids::{CongressId, DeputyId, RuleSetId, StationId, TierId};
use crate::ledger::Ledger;
use crate::period::{Cadence, Period};
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::state::State;
use crate::station::Duty;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Decimals of the compliance rates (`"87.5"`), rounded half up
/// ([`crate::figures::percent_text`]).
///
/// ```
/// assert_eq!(renda::compliance::RATE_DECIMALS, 1);
/// ```
pub const RATE_DECIMALS: u32 = 1;

/// One duty of one deputy in one period: how many qualifying activities were required and how
/// many took place.
///
/// ```
/// use renda::compliance::DutyRow;
/// let row = DutyRow {
///     deputy: "D1".parse().unwrap(),
///     duty: "月进站 / Station visit every month".into(),
///     kind: renda::activity::ActivityKind::StationVisit,
///     tier: Some("station".parse().unwrap()),
///     period: "2025-03".parse().unwrap(),
///     required: 1,
///     done: 0,
///     met: false,
/// };
/// let json = serde_json::to_string(&row).unwrap();
/// assert!(json.contains(r#""period":"2025-03","required":1,"done":0,"met":false"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DutyRow {
    /// The deputy.
    pub deputy: DeputyId,
    /// The duty's name, as in the rule set (e.g. "月进站 / Station visit every month").
    pub duty: String,
    /// The activity kind that fulfils it.
    pub kind: ActivityKind,
    /// The tier of home or station it must take place at, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierId>,
    /// The period (a month, quarter or year).
    pub period: Period,
    /// Activities required in the period (the duty's `at_least`).
    pub required: u32,
    /// Qualifying activities that took place (up to the "as of" date for an open period).
    pub done: u32,
    /// `done >= required`. For an open period: met already; `false` there is not a failure.
    pub met: bool,
}

/// One deputy's compliance over the periods that have ended.
///
/// ```
/// use renda::compliance::DeputyCompliance;
/// let d = DeputyCompliance { deputy: "D1".parse().unwrap(), name: "王丽".into(), due: 8, met: 6,
///     missed: 2, open: 3, rate: Some("75.0".into()) };
/// assert_eq!(serde_json::to_value(&d).unwrap()["rate"], "75.0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeputyCompliance {
    /// The deputy.
    pub deputy: DeputyId,
    /// Name.
    pub name: String,
    /// Duty periods due (ended periods with at least one day in office), over all duties.
    pub due: u32,
    /// Of those, met.
    pub met: u32,
    /// Of those, missed (`due - met`).
    pub missed: u32,
    /// Duty periods still open on the "as of" date (not counted in `due`).
    pub open: u32,
    /// `met / due` in percent with [`RATE_DECIMALS`] decimals, rounded half up; `None` when
    /// nothing was due.
    pub rate: Option<String>,
}

/// The compliance of the deputies assigned to one home or station.
///
/// ```
/// use renda::compliance::StationCompliance;
/// let s = StationCompliance { station: "S1".parse().unwrap(), name: "紫竹院联络站".into(),
///     tier: "station".parse().unwrap(), deputies: vec![], due: 0, met: 0, rate: None };
/// assert!(serde_json::to_value(&s).unwrap()["rate"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StationCompliance {
    /// The home or station.
    pub station: StationId,
    /// Its name.
    pub name: String,
    /// Its tier.
    pub tier: TierId,
    /// The deputies of the congress assigned to it now ([`crate::registry::Deputy::stations`]).
    pub deputies: Vec<DeputyId>,
    /// Duty periods due, summed over those deputies and over all duties.
    pub due: u32,
    /// Of those, met.
    pub met: u32,
    /// `met / due` in percent with [`RATE_DECIMALS`] decimals; `None` when nothing was due.
    pub rate: Option<String>,
}

/// The duty compliance of a congress's deputies as of a date ([`compliance`]).
///
/// ```
/// let mut l = renda::Ledger::new(renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap());
/// l.execute_json(r#"{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":18,"term_start":"2025-01-01","term_end":"2029-12-31"}}"#).unwrap();
/// let c = l.compliance(&"hd".parse().unwrap(), "2025-06-30".parse().unwrap()).unwrap();
/// assert!(c.rows.is_empty() && c.deputies.is_empty());
/// assert_eq!(serde_json::to_value(&c).unwrap()["rule_set"], "beijing-district");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compliance {
    /// The congress.
    pub congress: CongressId,
    /// The "as of" date.
    pub as_of: NaiveDate,
    /// The rule set in force on `as_of`.
    pub rule_set: RuleSetId,
    /// Decimals of the rates ([`RATE_DECIMALS`]).
    pub decimals: u32,
    /// One row per deputy, duty and ended period that was due, ordered by deputy, cadence,
    /// duty name and period.
    pub rows: Vec<DutyRow>,
    /// The periods still open on `as_of` (the current month, quarter, year), in the same order:
    /// reported, never counted as failed.
    pub open: Vec<DutyRow>,
    /// Per deputy of the congress (every deputy, ordered by id).
    pub deputies: Vec<DeputyCompliance>,
    /// Per home or station serving the congress (ordered by id).
    pub stations: Vec<StationCompliance>,
}

/// Checks the duties of the homes-and-stations rules (R-D1, R-D8; [`crate::station::Duty`])
/// for every deputy of `congress`, as of the end of `as_of` (China dates).
///
/// Semantics, step by step:
/// - **Periods.** For each duty's cadence, the months / quarters / years from the first day of
///   the congress's term up to `as_of` (and not beyond the term's last day). A period whose
///   last day is on or before `as_of` has **ended** and goes to [`Compliance::rows`]; the
///   period containing `as_of` is **open** and goes to [`Compliance::open`]: reported, but
///   never counted as failed.
/// - **Which duties.** A period is checked against the duties of the rule set in force for the
///   congress's level on the period's last day (on `as_of` for an open period), so periods
///   before a district's rules took effect carry no duties. No rule set in force on `as_of`
///   is an error (`no_rule_set`); a period with none in force carries no duties.
/// - **Due.** A period is due for a deputy only if the deputy was in office
///   ([`crate::registry::Deputy::spans_in_office`]: elected, not suspended, not terminated,
///   within the term) on at least one day of it (up to `as_of`). A deputy elected in a
///   by-election owes nothing for the periods before the election; a suspended deputy owes
///   nothing for a period suspended throughout; a period with even one day in office is due
///   in full.
/// - **What counts.** An activity counts towards a duty only if its kind is the duty's kind,
///   the deputy is among its participants, it took place inside the period on a day the
///   deputy was in office (an activity on a day of suspension does not count), and — when the
///   duty names a tier — it took place at a home or station of that tier (a station visit
///   recorded at a home does not count for 月进站). The home or station need not be one the
///   deputy is assigned to: assignments carry no history, and deputies of several levels
///   visit the same home.
/// - **Met.** `done >= required` (the duty's `at_least`).
/// - **Summaries.** Per deputy: ended periods due and met over all duties, with the rate
///   `met / due` (percent, [`RATE_DECIMALS`] decimals, half up). Per home or station: the
///   same totals over the deputies assigned to it now.
///
/// ```
/// use renda::Ledger;
/// let book = renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap();
/// let mut l = Ledger::new(book);
/// let office = r#""actor":{"role":"deputy_affairs_office","id":"office"}"#;
/// for c in [
///   r#"{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///     "congress":"hd","name":"海淀区人大","level":"county","term":18,"term_start":"2025-01-01","term_end":"2029-12-31"}}"#.to_string(),
///   format!(r#"{{"at":"2025-01-02",{office},"command":{{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽"}}}}"#),
///   format!(r#"{{"at":"2025-01-02",{office},"command":{{"type":"register_station","station":"S1","congress":"hd","name":"联络站","tier":"station"}}}}"#),
///   format!(r#"{{"at":"2025-01-20",{office},"command":{{"type":"record_activity","activity":"A1","congress":"hd",
///     "kind":"station_visit","on":"2025-01-20","title":"进站","participants":["D1"],"station":"S1"}}}}"#),
/// ] { l.execute_json(&c).unwrap(); }
/// let c = renda::compliance::compliance(l.state(), l.rules(), &"hd".parse().unwrap(),
///     "2025-02-15".parse().unwrap()).unwrap();
/// // January has ended and was met; February, Q1 and 2025 are still open.
/// assert_eq!(c.rows.len(), 1);
/// assert!(c.rows[0].met);
/// assert_eq!(c.open.len(), 3);
/// assert_eq!(c.deputies[0].rate.as_deref(), Some("100.0"));
/// ```
pub fn compliance(
    state: &State,
    book: &RuleBook,
    congress: &CongressId,
    as_of: NaiveDate,
) -> Result<Compliance> {
    let c = state.congress(congress, "congress")?;
    let in_force = book.in_force(c.level, as_of)?;

    let checks = duty_checks(book, c.level, c.term_start, c.term_end, as_of, |d| d);

    // Each deputy's activities, sorted by date.
    let mut by_deputy: BTreeMap<&DeputyId, Vec<&Activity>> = BTreeMap::new();
    for a in state.activities.values() {
        for p in &a.participants {
            by_deputy.entry(p).or_default().push(a);
        }
    }
    for list in by_deputy.values_mut() {
        list.sort_by_key(|a| a.on);
    }
    let at_tier = |a: &&Activity, tier: &TierId| {
        a.station
            .as_ref()
            .and_then(|s| state.stations.get(s))
            .is_some_and(|s| &s.tier == tier)
    };

    let mut rows = Vec::new();
    let mut open_rows = Vec::new();
    let mut deputies = Vec::new();
    for d in state.deputies.values().filter(|d| &d.congress == congress) {
        let acts = by_deputy.get(&d.id).map_or(&[][..], Vec::as_slice);
        let spans = d.spans_in_office(c, NaiveDate::MIN, c.term_end);
        let tally = check_deputy(
            &checks,
            &spans,
            acts,
            |a| a.on,
            |a| Some(a.kind),
            at_tier,
            |check, done| {
                let row = DutyRow {
                    deputy: d.id.clone(),
                    duty: check.duty.name.clone(),
                    kind: check.duty.kind,
                    tier: check.duty.tier.clone(),
                    period: check.period,
                    required: check.duty.at_least,
                    done,
                    met: done >= check.duty.at_least,
                };
                if check.open {
                    open_rows.push(row);
                } else {
                    rows.push(row);
                }
            },
        );
        deputies.push(DeputyCompliance {
            deputy: d.id.clone(),
            name: d.name.clone(),
            due: tally.due,
            met: tally.met,
            missed: tally.due - tally.met,
            open: tally.open,
            rate: tally.rate(),
        });
    }
    let order = |r: &DutyRow| {
        (
            r.deputy.clone(),
            r.period.cadence(),
            r.duty.clone(),
            r.period,
        )
    };
    rows.sort_by_cached_key(order);
    open_rows.sort_by_cached_key(order);

    let totals: BTreeMap<&DeputyId, &DeputyCompliance> =
        deputies.iter().map(|d| (&d.deputy, d)).collect();
    let stations = state
        .stations
        .values()
        .filter(|s| &s.congress == congress)
        .map(|s| {
            let assigned: Vec<DeputyId> = state
                .deputies
                .values()
                .filter(|d| &d.congress == congress && d.stations.contains(&s.id))
                .map(|d| d.id.clone())
                .collect();
            let (due, met) = assigned
                .iter()
                .filter_map(|d| totals.get(d))
                .fold((0u32, 0u32), |(due, met), t| (due + t.due, met + t.met));
            StationCompliance {
                station: s.id.clone(),
                name: s.name.clone(),
                tier: s.tier.clone(),
                deputies: assigned,
                due,
                met,
                rate: rate(u64::from(met), u64::from(due)),
            }
        })
        .collect();

    Ok(Compliance {
        congress: congress.clone(),
        as_of,
        rule_set: in_force.id.clone(),
        decimals: RATE_DECIMALS,
        rows,
        open: open_rows,
        deputies,
        stations,
    })
}

/// One duty to check in one period (R-D1, R-D8), with the period's bounds as `D` (dates for
/// the ledger, day numbers for the columnar deputy log).
#[derive(Debug, Clone)]
pub(crate) struct DutyCheck<'b, D> {
    /// The period.
    pub(crate) period: Period,
    /// Still open on the "as of" date: reported, never counted as failed.
    pub(crate) open: bool,
    /// The duty, from the rule set in force on the period's last day (on "as of" when open).
    pub(crate) duty: &'b Duty,
    /// The period's first day.
    pub(crate) first: D,
    /// The last day counted: the period's last day, "as of" or the term's last day, whichever
    /// comes first.
    pub(crate) last: D,
}

/// The duties of every period from `term_start` up to `as_of` (and not past `term_end`), by
/// the rule set in force for `level` on the period's last day (on `as_of` for an open period);
/// periods with no rule set in force carry none. Ordered by cadence, then period.
pub(crate) fn duty_checks<D>(
    book: &RuleBook,
    level: Level,
    term_start: NaiveDate,
    term_end: NaiveDate,
    as_of: NaiveDate,
    day: impl Fn(NaiveDate) -> D,
) -> Vec<DutyCheck<'_, D>> {
    let end = as_of.min(term_end);
    let mut checks = Vec::new();
    for cadence in [Cadence::Month, Cadence::Quarter, Cadence::Year] {
        for period in Period::covering(cadence, term_start, end) {
            let open = period.last_day() > as_of;
            let on = if open { as_of } else { period.last_day() };
            let Ok(rules) = book.in_force(level, on) else {
                continue;
            };
            for duty in rules.stations.duties.iter().filter(|d| d.every == cadence) {
                checks.push(DutyCheck {
                    period,
                    open,
                    duty,
                    first: day(period.first_day()),
                    last: day(period.last_day().min(as_of).min(term_end)),
                });
            }
        }
    }
    checks
}

/// A compliance rate: `met / due` in percent with [`RATE_DECIMALS`] decimals, rounded half
/// up; `None` when nothing was due.
pub(crate) fn rate(met: u64, due: u64) -> Option<String> {
    crate::figures::percent_text(met, due, RATE_DECIMALS)
}

/// One deputy's duty periods: due (ended, with a day in office), of those met, and open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DutyTally {
    /// Ended periods with at least one day in office.
    pub(crate) due: u32,
    /// Of those, met.
    pub(crate) met: u32,
    /// Periods still open (with a day in office).
    pub(crate) open: u32,
}

impl DutyTally {
    /// `met / due` in percent ([`RATE_DECIMALS`]); `None` when nothing was due.
    pub(crate) fn rate(&self) -> Option<String> {
        rate(u64::from(self.met), u64::from(self.due))
    }
}

/// Checks one deputy's duties (the semantics of [`compliance`]): for each check whose period
/// has a day in one of `spans` (the deputy's days in office, uncut), counts the activities of
/// `acts` (sorted by day; `kind` is `None` for a row that is no activity) inside the period and
/// inside a span, of the duty's kind and, when the
/// duty names a tier, at a home or station of that tier; calls `each` with the count and
/// returns the tally. The one implementation of the duty rules, used by the ledger
/// ([`compliance`]) and by the columnar deputy log ([`crate::columnar::deputies`]).
pub(crate) fn check_deputy<D: Ord + Copy, A>(
    checks: &[DutyCheck<'_, D>],
    spans: &[(D, D)],
    acts: &[A],
    day: impl Fn(&A) -> D,
    kind: impl Fn(&A) -> Option<ActivityKind>,
    at_tier: impl Fn(&A, &TierId) -> bool,
    mut each: impl FnMut(&DutyCheck<'_, D>, u32),
) -> DutyTally {
    let mut tally = DutyTally::default();
    for check in checks {
        if !spans
            .iter()
            .any(|(a, b)| *a <= check.last && check.first <= *b)
        {
            continue;
        }
        let from = acts.partition_point(|a| day(a) < check.first);
        let to = acts.partition_point(|a| day(a) <= check.last);
        let done = acts[from..to]
            .iter()
            .filter(|a| kind(a) == Some(check.duty.kind))
            .filter(|a| {
                let on = day(a);
                spans.iter().any(|(s, e)| *s <= on && on <= *e)
            })
            .filter(|a| check.duty.tier.as_ref().is_none_or(|t| at_tier(a, t)))
            .count();
        let done = u32::try_from(done).unwrap_or(u32::MAX);
        each(check, done);
        if check.open {
            tally.open += 1;
        } else {
            tally.due += 1;
            tally.met += u32::from(done >= check.duty.at_least);
        }
    }
    tally
}

impl Ledger {
    /// The duty compliance of `congress`'s deputies and homes and stations as of `as_of`
    /// (R-D1, R-D8), under this ledger's rule book; see [`compliance`] for the semantics.
    ///
    /// ```
    /// let mut l = renda::Ledger::new(renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap());
    /// l.execute_json(r#"{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    ///   "congress":"hd","name":"海淀区人大","level":"county","term":18,"term_start":"2025-01-01","term_end":"2029-12-31"}}"#).unwrap();
    /// l.execute_json(r#"{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
    ///   "deputy":"D1","congress":"hd","name":"王丽"}}"#).unwrap();
    /// let c = l.compliance(&"hd".parse().unwrap(), "2025-04-01".parse().unwrap()).unwrap();
    /// // January to March and Q1 were due and missed.
    /// assert_eq!((c.deputies[0].due, c.deputies[0].met), (4, 0));
    /// assert_eq!(c.deputies[0].rate.as_deref(), Some("0.0"));
    /// // Before the district rules took effect no rule set is in force for a county congress.
    /// let err = l.compliance(&"hd".parse().unwrap(), "2024-12-31".parse().unwrap()).unwrap_err();
    /// assert_eq!(err.code(), "no_rule_set");
    /// ```
    pub fn compliance(&self, congress: &CongressId, as_of: NaiveDate) -> Result<Compliance> {
        compliance(self.state(), self.rules(), congress, as_of)
    }
}
