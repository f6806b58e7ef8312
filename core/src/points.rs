//! Performance points (履职积分, W6, R-D2): a configurable point table, windowed computation,
//! and quarterly and annual publications frozen as published.
//!
//! The seeds give no point values (W6), so the table lives in the rule set
//! ([`PointRules`]); the `beijing-district` preset carries an illustrative one. Points count
//! only activities inside the period and inside the deputy's time in office (not before the
//! election, not while suspended, not after the qualification ended).
//!
//! A publication is recorded as an event holding the computed table, so what was published
//! stays as published when later (back-dated) records arrive; it is reproducible by
//! recomputing from the log up to the publication's sequence number
//! ([`crate::Ledger::reproduce_points`]).

use crate::activity::ActivityKind;
use crate::ids::{CongressId, DeputyId, StationId};
use crate::period::Period;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The point table and the thresholds that follow from it.
///
/// ```
/// use renda::{activity::ActivityKind, points::PointRules};
/// let r = PointRules::illustrative();
/// assert!(r.per_activity[&ActivityKind::Debrief] > 0);
/// let json = serde_json::to_string(&r).unwrap();
/// assert_eq!(serde_json::from_str::<PointRules>(&json).unwrap(), r);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRules {
    /// Points per participation in an activity of each kind (kinds absent: 0).
    pub per_activity: BTreeMap<ActivityKind, u32>,
    /// Points for leading a suggestion (领衔), counted on the day it was submitted.
    pub per_suggestion_led: u32,
    /// Points for co-signing a suggestion (附议).
    pub per_suggestion_cosigned: u32,
    /// A deputy with fewer points than this in an annual publication is recommended for an
    /// interview (约谈, R-D2). `None`: no recommendations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview_below: Option<u32>,
}

impl PointRules {
    /// An illustrative table (the seeds give no values, W6): 2 points per home or station
    /// visit, 5 per debrief, 3 per session attended, and so on; interview below 20 a year.
    pub fn illustrative() -> Self {
        use ActivityKind as K;
        let per_activity = [
            (K::SessionAttendance, 3),
            (K::CommitteeMeetingAttendance, 3),
            (K::Inspection, 2),
            (K::Research, 2),
            (K::Training, 1),
            (K::VoterContact, 2),
            (K::HomeVisit, 2),
            (K::StationVisit, 2),
            (K::Debrief, 5),
            (K::LawEnforcementInspection, 3),
            (K::LegislativeConsultation, 2),
            (K::HandlingSupervision, 2),
            (K::Other, 1),
        ]
        .into_iter()
        .collect();
        Self {
            per_activity,
            per_suggestion_led: 3,
            per_suggestion_cosigned: 1,
            interview_below: Some(20),
        }
    }
}

/// One deputy's points in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsRow {
    /// The deputy.
    pub deputy: DeputyId,
    /// Total points.
    pub points: u32,
    /// Activities that counted (person-times).
    pub activities: u32,
    /// Suggestions led that counted.
    pub suggestions_led: u32,
    /// Suggestions co-signed that counted.
    pub suggestions_cosigned: u32,
    /// Days in office within the period (the window the points were counted over).
    pub days_in_office: u32,
}

/// Where a publication was made: at one home (quarterly, W6 step 2) or for the whole congress
/// (annually, during the session, W6 step 3).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PublicationScope {
    /// Every deputy of the congress.
    Congress,
    /// The deputies assigned to this home or station.
    Station(StationId),
}

/// A published points table, frozen as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsPublication {
    /// The congress.
    pub congress: CongressId,
    /// The period (a quarter or a year).
    pub period: Period,
    /// Where it was published.
    pub scope: PublicationScope,
    /// Day published.
    pub published_on: NaiveDate,
    /// The log position it was computed at (the publication event's own sequence number
    /// minus one): recomputing over events `1..=through_seq` gives the same rows.
    pub through_seq: u64,
    /// The rows, by deputy id.
    pub rows: Vec<PointsRow>,
}

/// Computes the points of every deputy in `scope` for `period` from the current state:
/// activities the deputy took part in and suggestions they led or co-signed, each counted only
/// on days inside the period when the deputy was in office (not suspended, not terminated).
/// Deputies with no day in office in the period are left out; rows are ordered by deputy id.
///
/// For [`PublicationScope::Station`], the deputies are those assigned to the station now.
pub fn compute(
    state: &crate::State,
    rules: &PointRules,
    congress: &CongressId,
    period: Period,
    scope: &PublicationScope,
) -> Vec<PointsRow> {
    let Some(c) = state.congresses.get(congress) else {
        return Vec::new();
    };
    let (from, to) = (period.first_day(), period.last_day());
    // Each deputy's in-office spans, for the deputies in scope.
    type Spans = Vec<(NaiveDate, NaiveDate)>;
    let mut rows: BTreeMap<&DeputyId, (Spans, u32, PointTally)> = state
        .deputies
        .values()
        .filter(|d| &d.congress == congress)
        .filter(|d| match scope {
            PublicationScope::Congress => true,
            PublicationScope::Station(s) => d.stations.contains(s),
        })
        .filter_map(|d| {
            let spans = d.spans_in_office(c, from, to);
            let days: i64 = spans.iter().map(|(a, b)| (*b - *a).num_days() + 1).sum();
            (days > 0).then(|| (&d.id, (spans, days as u32, PointTally::default())))
        })
        .collect();
    let values = PointValues::of(rules);
    for a in state
        .activities
        .values()
        .filter(|a| from <= a.on && a.on <= to)
    {
        for p in &a.participants {
            if let Some((spans, _, row)) = rows.get_mut(p) {
                credit(&values, row, spans, a.on, Credit::Activity(a.kind));
            }
        }
    }
    for s in state.suggestions.values() {
        let day = s.submitted_on();
        if day < from || day > to {
            continue;
        }
        if let Some((spans, _, row)) = rows.get_mut(&s.lead) {
            credit(&values, row, spans, day, Credit::SuggestionLed);
        }
        for co in &s.cosigners {
            if let Some((spans, _, row)) = rows.get_mut(co) {
                credit(&values, row, spans, day, Credit::SuggestionCosigned);
            }
        }
    }
    rows.into_iter()
        .map(|(id, (_, days, tally))| tally.row(id.clone(), days))
        .collect()
}

/// What a deputy earns points for (W6): taking part in an activity, leading a suggestion,
/// co-signing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credit {
    /// Took part in an activity of this kind.
    Activity(ActivityKind),
    /// Led a suggestion (counted on the day it was submitted).
    SuggestionLed,
    /// Co-signed a suggestion.
    SuggestionCosigned,
}

/// A point table as a flat lookup (kinds absent from the table are worth 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PointValues {
    activity: [u32; ActivityKind::ALL.len()],
    led: u32,
    cosigned: u32,
}

impl PointValues {
    /// The values of `rules`.
    pub(crate) fn of(rules: &PointRules) -> Self {
        let mut activity = [0; ActivityKind::ALL.len()];
        for kind in ActivityKind::ALL {
            activity[kind as usize] = rules.per_activity.get(&kind).copied().unwrap_or(0);
        }
        Self {
            activity,
            led: rules.per_suggestion_led,
            cosigned: rules.per_suggestion_cosigned,
        }
    }
}

/// One deputy's counts while points are being counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PointTally {
    pub(crate) points: u32,
    pub(crate) activities: u32,
    pub(crate) suggestions_led: u32,
    pub(crate) suggestions_cosigned: u32,
}

impl PointTally {
    /// The row of `deputy`, with `days_in_office` in the period.
    pub(crate) fn row(self, deputy: DeputyId, days_in_office: u32) -> PointsRow {
        PointsRow {
            deputy,
            points: self.points,
            activities: self.activities,
            suggestions_led: self.suggestions_led,
            suggestions_cosigned: self.suggestions_cosigned,
            days_in_office,
        }
    }
}

/// Counts one credit into `row` when `day` falls inside one of `spans`, the deputy's days in
/// office already cut to the period (W6, R-D2). The one rule of counting, used by the ledger's
/// points ([`compute`]) over dates and by the columnar deputy log
/// ([`crate::columnar::deputies`]) over day numbers.
pub(crate) fn credit<D: Ord + Copy>(
    values: &PointValues,
    row: &mut PointTally,
    spans: &[(D, D)],
    day: D,
    what: Credit,
) {
    if !spans.iter().any(|(a, b)| *a <= day && day <= *b) {
        return;
    }
    let value = match what {
        Credit::Activity(kind) => {
            row.activities += 1;
            values.activity[kind as usize]
        }
        Credit::SuggestionLed => {
            row.suggestions_led += 1;
            values.led
        }
        Credit::SuggestionCosigned => {
            row.suggestions_cosigned += 1;
            values.cosigned
        }
    };
    row.points = row.points.saturating_add(value);
}

/// The point table of the rule set in force for `congress` on `date`, or `no_point_table`
/// (W6) naming `field`.
pub(crate) fn point_table<'b>(
    book: &'b crate::rules::RuleBook,
    level: crate::registry::Level,
    congress: &CongressId,
    date: NaiveDate,
    field: &str,
) -> crate::Result<&'b PointRules> {
    let rules = book.in_force(level, date)?;
    rules.points.as_ref().ok_or_else(|| {
        crate::RendaError::rule_violation(
            crate::error::rule_codes::NO_POINT_TABLE,
            "W6",
            Some(field),
            Some(congress.to_string()),
            format!("the rule set `{}` in force has no point table", rules.id),
        )
    })
}

impl crate::Ledger {
    /// The points of `period` as they stand now (not frozen; see [`crate::Command::PublishPoints`]
    /// for a publication), under the point table of the rule set in force on the period's
    /// last day.
    ///
    /// ```
    /// let l = renda::Ledger::new(renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap());
    /// let err = l.points(&"hd".parse().unwrap(), "2025".parse().unwrap(), &renda::points::PublicationScope::Congress).unwrap_err();
    /// assert_eq!(err.code(), "not_found");
    /// ```
    pub fn points(
        &self,
        congress: &CongressId,
        period: Period,
        scope: &PublicationScope,
    ) -> crate::Result<Vec<PointsRow>> {
        let c = self.state().congress(congress, "congress")?;
        if let PublicationScope::Station(s) = scope {
            if !self.state().stations.contains_key(s) {
                return Err(crate::RendaError::NotFound {
                    entity: "station",
                    id: s.to_string(),
                    field: "scope.station".into(),
                });
            }
        }
        let table = point_table(self.rules(), c.level, &c.id, period.last_day(), "congress")?;
        Ok(compute(self.state(), table, congress, period, scope))
    }

    /// Recomputes the `index`-th points publication (in publication order) from the event log
    /// up to its `through_seq`: equal to the published rows when the publication is genuine
    /// (W6: what was published is reproducible, and stays as published).
    ///
    /// Needs the log from the first event (a ledger restored from a snapshot cannot).
    pub fn reproduce_points(&self, index: usize) -> crate::Result<Vec<PointsRow>> {
        let p = self.state().points_publications.get(index).ok_or_else(|| {
            crate::RendaError::NotFound {
                entity: "points publication",
                id: index.to_string(),
                field: "index".into(),
            }
        })?;
        let first = self.seq() - self.events().len() as u64;
        if first > 0 || p.through_seq > self.seq() {
            return Err(crate::RendaError::InvalidField {
                field: "index".into(),
                value: index.to_string(),
                reason: "the log does not start at event 1 (restored from a snapshot)".into(),
            });
        }
        let prefix = self.events()[..p.through_seq as usize].to_vec();
        let past = crate::Ledger::replay(self.rules().clone(), prefix)?;
        let c = self.state().congress(&p.congress, "congress")?;
        let table = point_table(self.rules(), c.level, &c.id, p.published_on, "index")?;
        Ok(compute(
            past.state(),
            table,
            &p.congress,
            p.period,
            &p.scope,
        ))
    }
}

/// A deputy recommended for an interview (约谈, R-D2): below the threshold in the latest annual
/// publication of their congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewRecommendation {
    /// The deputy.
    pub deputy: DeputyId,
    /// The annual period assessed.
    pub period: Period,
    /// The deputy's points in it.
    pub points: u32,
    /// The threshold (`interview_below` of the rule set in force on the publication day).
    pub threshold: u32,
    /// Days of interviews already held after that publication.
    pub interviewed_on: Vec<NaiveDate>,
}

impl crate::Ledger {
    /// The deputies of `congress` below the interview threshold in its latest annual points
    /// publication (R-D2: 约谈 by the personnel and deputy committee, with the electoral unit
    /// notified), with any interview already held since. Empty when nothing was published or
    /// the rule set sets no threshold.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.interview_recommendations(&"hd".parse().unwrap()).unwrap_err().code(), "not_found");
    /// ```
    pub fn interview_recommendations(
        &self,
        congress: &CongressId,
    ) -> crate::Result<Vec<InterviewRecommendation>> {
        let st = self.state();
        let c = st.congress(congress, "congress")?;
        let Some(p) = st
            .points_publications
            .iter()
            .rev()
            .find(|p| &p.congress == congress && p.scope == PublicationScope::Congress)
        else {
            return Ok(Vec::new());
        };
        let Some(threshold) = self
            .rules()
            .in_force(c.level, p.published_on)
            .ok()
            .and_then(|r| r.points.as_ref())
            .and_then(|t| t.interview_below)
        else {
            return Ok(Vec::new());
        };
        Ok(p.rows
            .iter()
            .filter(|r| r.points < threshold)
            .map(|r| InterviewRecommendation {
                deputy: r.deputy.clone(),
                period: p.period,
                points: r.points,
                threshold,
                interviewed_on: st
                    .deputies
                    .get(&r.deputy)
                    .map(|d| {
                        d.interviews
                            .iter()
                            .copied()
                            .filter(|on| *on >= p.published_on)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect())
    }
}
