//! The deputy log ([`DeputyLog`]) and its figures ([`DeputyFigures`]) as Arrow record batches:
//! the deputy tables of the national data set (`docs/national-data.md`).

use super::{
    arrow_error, batch, check_row_ids, chunks, invalid, texts, wire, Col, Names, NULL_CODE,
};
use crate::columnar::deputies::{DeputyDimensions, DeputyFigures, DeputyLog, Work, NO_STATION};
use crate::error::Result;
use crate::ids::{CongressId, DeputyId, StationId, TierId};
use crate::registry::Level;
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int8Type};
use arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Int32Array, Int8Array, RecordBatch, StringArray,
    UInt32Array, UInt64Array,
};
use arrow_schema::DataType;
use std::sync::Arc;

/// The tables of a deputy log, in order.
pub const DEPUTY_TABLES: [&str; 5] = [
    "deputy_congresses",
    "deputies",
    "deputy_spans",
    "stations",
    "deputy_log",
];

fn rows(n: usize) -> ArrayRef {
    Arc::new(Int32Array::from_iter_values(0..n as i32))
}

fn strings<'a>(items: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(items))
}

fn u32s(items: &[u32]) -> ArrayRef {
    Arc::new(UInt32Array::from(items.to_vec()))
}

fn dates(items: impl Iterator<Item = i32>) -> ArrayRef {
    Arc::new(Date32Array::from_iter_values(items))
}

impl DeputyLog {
    /// The log as the five deputy tables of the national data set, named as
    /// [`DEPUTY_TABLES`]: `deputy_congresses` (`congress`, `id`, `level`, `term_start`,
    /// `term_end` date32), `deputies` (`deputy`, `id`, `congress`), `deputy_spans` (`deputy`,
    /// `from`, `to` date32: the days in office), `stations` (`station`, `id`, `tier`) and
    /// `deputy_log` (`deputy`, `day` date32, `work` dictionary<int8, utf8> named as
    /// [`Work::as_str`], `station`, null for none).
    ///
    /// ```
    /// use renda::columnar::deputies::DeputyLog;
    /// let tables = DeputyLog::new().to_record_batches().unwrap();
    /// assert_eq!(tables.len(), 5);
    /// let t = |k: usize| std::slice::from_ref(&tables[k].1);
    /// let back = DeputyLog::from_record_batches(t(0), t(1), t(2), t(3), t(4)).unwrap();
    /// assert_eq!(back, DeputyLog::new());
    /// ```
    pub fn to_record_batches(&self) -> Result<Vec<(&'static str, RecordBatch)>> {
        let d = self.dimensions();
        let congresses = batch(vec![
            ("congress", rows(d.congresses.len()), false),
            (
                "id",
                strings(d.congresses.iter().map(|c| c.as_str())),
                false,
            ),
            ("level", strings(d.levels.iter().map(|l| l.as_str())), false),
            (
                "term_start",
                dates(d.terms.iter().map(|t| super::day_number(t.0))),
                false,
            ),
            (
                "term_end",
                dates(d.terms.iter().map(|t| super::day_number(t.1))),
                false,
            ),
        ])?;
        let deputies = batch(vec![
            ("deputy", rows(d.deputies.len()), false),
            ("id", strings(d.deputies.iter().map(|x| x.as_str())), false),
            ("congress", u32s(&d.deputy_congress), false),
        ])?;
        let owner: Vec<u32> = (0..d.deputies.len())
            .flat_map(|i| {
                let n = d.span_offsets[i + 1] - d.span_offsets[i];
                std::iter::repeat_n(i as u32, n as usize)
            })
            .collect();
        let spans = batch(vec![
            ("deputy", u32s(&owner), false),
            ("from", dates(d.spans.iter().map(|s| s.0)), false),
            ("to", dates(d.spans.iter().map(|s| s.1)), false),
        ])?;
        let stations = batch(vec![
            ("station", rows(d.stations.len()), false),
            ("id", strings(d.stations.iter().map(|s| s.as_str())), false),
            (
                "tier",
                strings(d.station_tier.iter().map(|t| d.tiers[*t as usize].as_str())),
                false,
            ),
        ])?;
        let keys = Int8Array::from_iter_values(self.works().iter().map(|w| w.code() as i8));
        let names = StringArray::from_iter_values(Work::ALL.iter().map(|w| w.as_str()));
        let work =
            DictionaryArray::<Int8Type>::try_new(keys, Arc::new(names)).map_err(arrow_error)?;
        let station: UInt32Array = self
            .stations()
            .iter()
            .map(|s| (*s != NO_STATION).then_some(*s))
            .collect();
        let log = batch(vec![
            ("deputy", u32s(self.deputies()), false),
            ("day", dates(self.days().iter().copied()), false),
            ("work", Arc::new(work), false),
            ("station", Arc::new(station), true),
        ])?;
        Ok(vec![
            ("deputy_congresses", congresses),
            ("deputies", deputies),
            ("deputy_spans", spans),
            ("stations", stations),
            ("deputy_log", log),
        ])
    }

    /// A log from its five tables ([`DeputyLog::to_record_batches`]), each given as its record
    /// batches in row order; row `k` of a dimension table holds its row number `k`, the spans
    /// are grouped by deputy in row order, and the rows are then checked as
    /// [`DeputyLog::from_columns`] checks them. Errors name the table, row and column
    /// (`deputy_log[7].work`).
    pub fn from_record_batches(
        congresses: &[RecordBatch],
        deputies: &[RecordBatch],
        spans: &[RecordBatch],
        stations: &[RecordBatch],
        log: &[RecordBatch],
    ) -> Result<DeputyLog> {
        let levels = Names::new(Level::ALL.iter().map(wire).collect());
        check_row_ids(congresses, "deputy_congresses", "congress")?;
        check_row_ids(deputies, "deputies", "deputy")?;
        check_row_ids(stations, "stations", "station")?;
        let mut d = DeputyDimensions {
            congresses: texts(congresses, "deputy_congresses", "id", |s| {
                CongressId::new(s)
            })?,
            deputies: texts(deputies, "deputies", "id", |s| DeputyId::new(s))?,
            stations: texts(stations, "stations", "id", |s| StationId::new(s))?,
            ..Default::default()
        };
        d.levels = super::dim_codes(congresses, "deputy_congresses", "level", &levels)?
            .into_iter()
            .map(|c| Level::ALL[c as usize])
            .collect();
        let (starts, ends) = (
            date_column(congresses, "deputy_congresses", "term_start")?,
            date_column(congresses, "deputy_congresses", "term_end")?,
        );
        for (k, (a, b)) in starts.iter().zip(&ends).enumerate() {
            let date = |x: i32, name: &str| {
                super::super::date_of(x).ok_or_else(|| {
                    invalid(&format!("deputy_congresses[{k}].{name}"), x, "not a date")
                })
            };
            d.terms
                .push((date(*a, "term_start")?, date(*b, "term_end")?));
        }
        d.deputy_congress = index_column(deputies, "deputies", "congress", false)?;
        // Spans, grouped by deputy in row order.
        let owner = index_column(spans, "deputy_spans", "deputy", false)?;
        let (from, to) = (
            date_column(spans, "deputy_spans", "from")?,
            date_column(spans, "deputy_spans", "to")?,
        );
        d.span_offsets = vec![0; d.deputies.len() + 1];
        for (k, o) in owner.iter().enumerate() {
            if *o as usize >= d.deputies.len() || (k > 0 && owner[k - 1] > *o) {
                return Err(invalid(
                    &format!("deputy_spans[{k}].deputy"),
                    o,
                    "spans must name a deputy row and be grouped by deputy in row order",
                ));
            }
            d.span_offsets[*o as usize + 1] += 1;
        }
        for i in 0..d.deputies.len() {
            d.span_offsets[i + 1] += d.span_offsets[i];
        }
        d.spans = from.into_iter().zip(to).collect();
        // Tiers, in order of first use.
        for t in texts(stations, "stations", "tier", |s| TierId::new(s))? {
            let row = match d.tiers.iter().position(|x| *x == t) {
                Some(row) => row,
                None => {
                    d.tiers.push(t);
                    d.tiers.len() - 1
                }
            };
            d.station_tier.push(row as u32);
        }
        // The rows.
        let works = Names::new(Work::ALL.iter().map(|w| w.as_str().to_string()).collect());
        let deputy = index_column(log, "deputy_log", "deputy", false)?;
        let day = date_column(log, "deputy_log", "day")?;
        let station = index_column(log, "deputy_log", "station", true)?;
        let mut work = Vec::with_capacity(day.len());
        for (row0, b) in chunks(log) {
            let c = Col::of(b, "deputy_log", "work", row0)?;
            let start = work.len();
            c.codes(&works, &mut work)?;
            if let Some(i) = work[start..].iter().position(|x| *x == NULL_CODE) {
                return Err(invalid(&c.at(i), "null", "a value is required"));
            }
        }
        DeputyLog::from_columns(d, deputy, day, work, station)
    }
}

/// The row numbers of an int column of a table ([`NO_STATION`] for a null where `nullable`).
fn index_column(
    batches: &[RecordBatch],
    table: &str,
    name: &str,
    nullable: bool,
) -> Result<Vec<u32>> {
    let mut out = Vec::with_capacity(batches.iter().map(RecordBatch::num_rows).sum());
    for (row0, b) in chunks(batches) {
        let c = Col::of(b, table, name, row0)?;
        if !nullable {
            c.no_nulls()?;
        }
        c.indexes(&mut out)?;
    }
    Ok(out)
}

/// The day numbers of a required date32 column of a table.
fn date_column(batches: &[RecordBatch], table: &str, name: &str) -> Result<Vec<i32>> {
    let mut out = Vec::with_capacity(batches.iter().map(RecordBatch::num_rows).sum());
    for (row0, b) in chunks(batches) {
        let c = Col::of(b, table, name, row0)?;
        if c.array.data_type() != &DataType::Date32 {
            return Err(c.wrong_type("date32"));
        }
        c.no_nulls()?;
        out.extend_from_slice(c.array.as_primitive::<Date32Type>().values());
    }
    Ok(out)
}

impl DeputyFigures {
    /// The figures as two record batches: per deputy (`deputy` id, `congress` id, `points`,
    /// `activities`, `suggestions_led`, `suggestions_cosigned`, `days_in_office`,
    /// `duties_due`, `duties_met`, `duties_open`) and per congress (`congress`, `level`,
    /// `rule_set`, `interview_below`, then the sums of [`crate::columnar::deputies::DeputyTotals`]
    /// and the `duty_rate` text). `log` is the log the figures were computed from.
    ///
    /// ```
    /// let data = renda::national::generate(&renda::national::NationalConfig {
    ///     scale: 0.0005, ..Default::default() }).unwrap();
    /// let f = data.deputy_figures().unwrap();
    /// let (deputies, congresses) = f.to_record_batches(&data.deputies).unwrap();
    /// assert_eq!(deputies.num_rows(), data.deputies.dimensions().deputies.len());
    /// assert_eq!(congresses.num_rows(), f.congresses.len());
    /// ```
    pub fn to_record_batches(&self, log: &DeputyLog) -> Result<(RecordBatch, RecordBatch)> {
        let d = log.dimensions();
        let f = &self.deputies;
        if f.len() != d.deputies.len() {
            return Err(invalid(
                "log",
                d.deputies.len(),
                "the figures are of a log with another number of deputies",
            ));
        }
        let deputies = batch(vec![
            (
                "deputy",
                strings(d.deputies.iter().map(|x| x.as_str())),
                false,
            ),
            (
                "congress",
                strings(
                    d.deputy_congress
                        .iter()
                        .map(|c| d.congresses[*c as usize].as_str()),
                ),
                false,
            ),
            ("points", u32s(&f.points), false),
            ("activities", u32s(&f.activities), false),
            ("suggestions_led", u32s(&f.suggestions_led), false),
            ("suggestions_cosigned", u32s(&f.suggestions_cosigned), false),
            ("days_in_office", u32s(&f.days_in_office), false),
            ("duties_due", u32s(&f.duties_due), false),
            ("duties_met", u32s(&f.duties_met), false),
            ("duties_open", u32s(&f.duties_open), false),
        ])?;
        let c = &self.congresses;
        let sum = |g: fn(&crate::columnar::deputies::DeputyTotals) -> u64| -> ArrayRef {
            Arc::new(UInt64Array::from_iter_values(
                c.iter().map(|x| g(&x.totals)),
            ))
        };
        let interview: UInt32Array = c.iter().map(|x| x.interview_below).collect();
        let rate: StringArray = c.iter().map(|x| x.totals.duty_rate()).collect();
        let congresses = batch(vec![
            (
                "congress",
                strings(c.iter().map(|x| x.congress.as_str())),
                false,
            ),
            ("level", strings(c.iter().map(|x| x.level.as_str())), false),
            (
                "rule_set",
                strings(c.iter().map(|x| x.rule_set.as_str())),
                false,
            ),
            ("interview_below", Arc::new(interview), true),
            ("deputies", sum(|t| t.deputies), false),
            ("points", sum(|t| t.points), false),
            ("activities", sum(|t| t.activities), false),
            ("suggestions_led", sum(|t| t.suggestions_led), false),
            (
                "suggestions_cosigned",
                sum(|t| t.suggestions_cosigned),
                false,
            ),
            ("below_interview", sum(|t| t.below_interview), false),
            ("duties_due", sum(|t| t.duties_due), false),
            ("duties_met", sum(|t| t.duties_met), false),
            ("duties_open", sum(|t| t.duties_open), false),
            ("duty_rate", Arc::new(rate), true),
        ])?;
        Ok((deputies, congresses))
    }
}
