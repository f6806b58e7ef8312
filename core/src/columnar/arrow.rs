//! The columnar suggestion log as Arrow record batches (feature `arrow`): the tables of the
//! national data set (`docs/national-data.md`), out ([`SuggestionLog::to_record_batches`]) and
//! back in bulk ([`SuggestionLog::from_record_batches`]).
//!
//! Reading goes by column NAME and accepts what Parquet readers, pyarrow and polars hand over:
//! `int32`, `int64` or `uint32` row numbers, `date32` days, `utf8`, `large_utf8`, `utf8_view`
//! or `dictionary<any int, utf8>` text. Primitive buffers are read as slices and a dictionary's
//! values are mapped once, so an event row costs a few array reads and no allocation. A
//! missing column is [`RendaError::MissingField`] and a wrong type [`RendaError::InvalidField`],
//! both naming `table.column`; bad values name `table[row].column`.
//!
//! ```
//! use renda::columnar::{Lifecycle, SuggestionLog};
//! use renda::calendar::WorkCalendar;
//! use renda::registry::Level;
//! use renda::rules::RuleBook;
//! use renda::suggestion::SubmissionPeriod;
//! use renda::{CongressId, SuggestionId, UnitId};
//!
//! let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d).unwrap();
//! let mut log = SuggestionLog::new();
//! let c = log.add_congress(CongressId::new("c").unwrap(), Level::County);
//! let u = log.add_unit(UnitId::new("u").unwrap());
//! let s = log.add_suggestion(SuggestionId::new("s").unwrap(), c, SubmissionPeriod::Session).unwrap();
//! log.push(s, day(1, 2), Lifecycle::Submitted).unwrap();
//! log.push(s, day(1, 9), Lifecycle::Assigned { unit: u }).unwrap();
//! let tables = log.to_record_batches(&RuleBook::default(), WorkCalendar::china(), 2024).unwrap();
//! let t = |name: &str| tables.iter().find(|(n, _)| *n == name).unwrap().1.clone();
//! assert_eq!(t("calendar").num_rows(), 366 + 365);
//! let back = SuggestionLog::from_record_batches(
//!     &[t("congresses")], &[t("units")], &[t("suggestions")], &[t("events")]).unwrap();
//! assert_eq!(back, log);
//! ```

pub mod deputies;

use super::{day_number, invalid, Dimensions, LifecycleKind, SuggestionLog};
use crate::calendar::{DurationUnit, WorkCalendar};
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, SuggestionId, UnitId};
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, Int64Type, Int8Type, UInt32Type};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, BooleanArray, Date32Array, DictionaryArray, Int32Array,
    Int8Array, PrimitiveArray, RecordBatch, StringArray,
};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use chrono::NaiveDate;
use std::sync::Arc;

/// The names of the tables [`SuggestionLog::to_record_batches`] gives, in order.
///
/// ```
/// assert_eq!(renda::columnar::arrow::TABLES[3], "events");
/// ```
pub const TABLES: [&str; 6] = [
    "congresses",
    "units",
    "suggestions",
    "events",
    "calendar",
    "deadlines",
];

/// A null in an index column.
const NULL: u32 = u32::MAX;
/// A null in a coded text column.
const NULL_CODE: u8 = u8::MAX;
/// A dictionary value that is none of the names.
const BAD_CODE: u8 = u8::MAX - 1;

/// The wire name of an enum value (its serde name).
fn wire<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn arrow_error(e: ArrowError) -> RendaError {
    invalid("arrow", e, "the record batch could not be built")
}

// ------------------------------------------------------------------------------- writing

impl SuggestionLog {
    /// The log as the six tables of the national data set, named as [`TABLES`]:
    /// `congresses` (`congress`, `id`, `level`), `units` (`unit`, `id`), `suggestions`
    /// (`suggestion`, `id`, `congress`, `during`), `events` (`suggestion`, `day` date32, `kind`
    /// dictionary<int8, utf8>, `unit`, `result`, `in_plan`, `rating`, `by_lead`, nullable),
    /// `calendar` (`day`, `working`: every day of `year` and `year + 1` in `calendar`) and
    /// `deadlines` (one row per level with a rule set in force on 1 January of `year` in
    /// `book`: `level`, then amount and unit of the `reply`, `extended` and `rehandle`
    /// deadlines). Errors if `calendar` does not cover both years.
    ///
    /// ```
    /// use renda::columnar::SuggestionLog;
    /// let tables = SuggestionLog::new()
    ///     .to_record_batches(&Default::default(), renda::calendar::WorkCalendar::china(), 2025)
    ///     .unwrap();
    /// assert_eq!(tables.iter().map(|(n, _)| *n).collect::<Vec<_>>(), renda::columnar::arrow::TABLES);
    /// let deadlines = &tables[5].1;
    /// assert_eq!(deadlines.num_rows(), 5); // the national rules apply at every level
    /// assert!(SuggestionLog::new()
    ///     .to_record_batches(&Default::default(), renda::calendar::WorkCalendar::china(), 2030)
    ///     .is_err());
    /// ```
    pub fn to_record_batches(
        &self,
        book: &RuleBook,
        calendar: &WorkCalendar,
        year: i32,
    ) -> Result<Vec<(&'static str, RecordBatch)>> {
        let d = &*self.dims;
        let rows = |n: usize| Int32Array::from_iter_values(0..n as i32);
        let congresses = batch(vec![
            ("congress", Arc::new(rows(d.congresses.len())), false),
            (
                "id",
                Arc::new(StringArray::from_iter_values(
                    d.congresses.iter().map(|c| c.as_str()),
                )),
                false,
            ),
            (
                "level",
                Arc::new(StringArray::from_iter_values(
                    d.levels.iter().map(|l| l.as_str()),
                )),
                false,
            ),
        ])?;
        let units = batch(vec![
            ("unit", Arc::new(rows(d.units.len())), false),
            (
                "id",
                Arc::new(StringArray::from_iter_values(
                    d.units.iter().map(|u| u.as_str()),
                )),
                false,
            ),
        ])?;
        let during: Vec<String> = SubmissionPeriod::ALL.iter().map(wire).collect();
        let suggestions = batch(vec![
            ("suggestion", Arc::new(rows(d.suggestions.len())), false),
            (
                "id",
                Arc::new(StringArray::from_iter_values(
                    d.suggestions.iter().map(|s| s.as_str()),
                )),
                false,
            ),
            (
                "congress",
                Arc::new(Int32Array::from_iter_values(
                    d.suggestion_congress.iter().map(|c| *c as i32),
                )),
                false,
            ),
            (
                "during",
                Arc::new(StringArray::from_iter_values(
                    d.during.iter().map(|p| during[*p as usize].as_str()),
                )),
                false,
            ),
        ])?;
        let calendar = self.calendar_batch(calendar, year)?;
        let deadlines = deadlines_batch(book, year)?;
        Ok(vec![
            ("congresses", congresses),
            ("units", units),
            ("suggestions", suggestions),
            ("events", self.events_batch()?),
            ("calendar", calendar),
            ("deadlines", deadlines),
        ])
    }

    fn events_batch(&self) -> Result<RecordBatch> {
        use LifecycleKind as K;
        let kinds = &self.kind;
        let when = |k: K| -> Vec<bool> { kinds.iter().map(|x| *x == k).collect() };
        let results: Vec<String> = ResultCategory::ALL.iter().map(wire).collect();
        let ratings: Vec<String> = Satisfaction::ALL.iter().map(wire).collect();
        let (assigned, replied, rated) =
            (when(K::Assigned), when(K::Replied), when(K::FeedbackGiven));
        let arg = &self.arg;
        let pick = |mask: &[bool], f: &dyn Fn(u32) -> u32| -> Vec<Option<u32>> {
            mask.iter()
                .zip(arg)
                .map(|(m, a)| m.then(|| f(*a)))
                .collect()
        };
        let unit: Int32Array = pick(&assigned, &|a| a)
            .into_iter()
            .map(|u| u.map(|u| u as i32))
            .collect();
        let result: StringArray = pick(&replied, &|a| a & 3)
            .into_iter()
            .map(|r| r.map(|r| results[r as usize].as_str()))
            .collect();
        let in_plan: BooleanArray = pick(&replied, &|a| a & 4)
            .into_iter()
            .map(|p| p.map(|p| p != 0))
            .collect();
        let rating: StringArray = pick(&rated, &|a| a & 3)
            .into_iter()
            .map(|r| r.map(|r| ratings[r as usize].as_str()))
            .collect();
        let by_lead: BooleanArray = pick(&rated, &|a| a & 4)
            .into_iter()
            .map(|p| p.map(|p| p != 0))
            .collect();
        let keys = Int8Array::from_iter_values(kinds.iter().map(|k| *k as i8));
        let names = StringArray::from_iter_values(K::ALL.iter().map(|k| k.as_str()));
        let kind =
            DictionaryArray::<Int8Type>::try_new(keys, Arc::new(names)).map_err(arrow_error)?;
        batch(vec![
            (
                "suggestion",
                Arc::new(Int32Array::from_iter_values(
                    self.suggestion.iter().map(|s| *s as i32),
                )),
                false,
            ),
            ("day", Arc::new(Date32Array::from(self.day.clone())), false),
            ("kind", Arc::new(kind), false),
            ("unit", Arc::new(unit), true),
            ("result", Arc::new(result), true),
            ("in_plan", Arc::new(in_plan), true),
            ("rating", Arc::new(rating), true),
            ("by_lead", Arc::new(by_lead), true),
        ])
    }

    fn calendar_batch(&self, calendar: &WorkCalendar, year: i32) -> Result<RecordBatch> {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)
            .ok_or_else(|| invalid("year", year, "not a representable year"))?;
        let last = NaiveDate::from_ymd_opt(year + 1, 12, 31)
            .ok_or_else(|| invalid("year", year, "not a representable year"))?;
        let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
        let working = days
            .iter()
            .map(|d| calendar.is_working_day(*d))
            .collect::<std::result::Result<Vec<bool>, _>>()?;
        batch(vec![
            (
                "day",
                Arc::new(Date32Array::from_iter_values(
                    days.into_iter().map(day_number),
                )),
                false,
            ),
            ("working", Arc::new(BooleanArray::from(working)), false),
        ])
    }
}

fn deadlines_batch(book: &RuleBook, year: i32) -> Result<RecordBatch> {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| invalid("year", year, "not a representable year"))?;
    let units: Vec<String> = DurationUnit::ALL.iter().map(wire).collect();
    let unit_name = |u: DurationUnit| {
        units[DurationUnit::ALL.iter().position(|x| *x == u).unwrap_or(0)].clone()
    };
    let mut level = Vec::new();
    let mut amounts: [Vec<i32>; 3] = Default::default();
    let mut unit_names: [Vec<String>; 3] = Default::default();
    for l in Level::ALL {
        let Ok(set) = book.in_force(l, jan1) else {
            continue;
        };
        let r = &set.suggestion;
        level.push(l.as_str());
        for (k, d) in [
            r.reply_deadline,
            r.extended_reply_deadline,
            r.rehandle_deadline,
        ]
        .into_iter()
        .enumerate()
        {
            amounts[k].push(i32::try_from(d.amount).unwrap_or(i32::MAX));
            unit_names[k].push(unit_name(d.unit));
        }
    }
    let [ra, ea, ha] = amounts;
    let [ru, eu, hu] = unit_names;
    batch(vec![
        ("level", Arc::new(StringArray::from(level)), false),
        ("reply_amount", Arc::new(Int32Array::from(ra)), false),
        ("reply_unit", Arc::new(StringArray::from(ru)), false),
        ("extended_amount", Arc::new(Int32Array::from(ea)), false),
        ("extended_unit", Arc::new(StringArray::from(eu)), false),
        ("rehandle_amount", Arc::new(Int32Array::from(ha)), false),
        ("rehandle_unit", Arc::new(StringArray::from(hu)), false),
    ])
}

fn batch(columns: Vec<(&str, ArrayRef, bool)>) -> Result<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, a, nullable)| Field::new(*name, a.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, a, _)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(arrow_error)
}

// ------------------------------------------------------------------------------- reading

/// A column of one table, with the table's name for errors.
struct Col<'a> {
    table: &'a str,
    name: &'a str,
    array: &'a dyn Array,
    /// Row of the batch's first row in the whole table.
    row0: usize,
}

impl<'a> Col<'a> {
    fn of(batch: &'a RecordBatch, table: &'a str, name: &'a str, row0: usize) -> Result<Self> {
        let array = batch
            .column_by_name(name)
            .ok_or_else(|| RendaError::MissingField {
                field: format!("{table}.{name}"),
            })?;
        Ok(Self {
            table,
            name,
            array: array.as_ref(),
            row0,
        })
    }

    fn field(&self) -> String {
        format!("{}.{}", self.table, self.name)
    }

    fn at(&self, i: usize) -> String {
        format!("{}[{}].{}", self.table, self.row0 + i, self.name)
    }

    fn wrong_type(&self, want: &str) -> RendaError {
        invalid(
            &self.field(),
            self.array.data_type(),
            &format!("the column must be {want}"),
        )
    }

    /// Errors at the first null, for a column that may hold none.
    fn no_nulls(&self) -> Result<()> {
        match self.array.logical_nulls() {
            Some(n) if n.null_count() > 0 => {
                let i = (0..n.len()).find(|i| n.is_null(*i)).unwrap_or(0);
                Err(invalid(&self.at(i), "null", "a value is required"))
            }
            _ => Ok(()),
        }
    }

    /// Appends the row numbers of an int column to `out` ([`NULL`] for a null).
    fn indexes(&self, out: &mut Vec<u32>) -> Result<()> {
        match self.array.data_type() {
            DataType::Int32 => self.push_ints(self.array.as_primitive::<Int32Type>(), out),
            DataType::Int64 => self.push_ints(self.array.as_primitive::<Int64Type>(), out),
            DataType::UInt32 => self.push_ints(self.array.as_primitive::<UInt32Type>(), out),
            _ => Err(self.wrong_type("int32, int64 or uint32")),
        }
    }

    fn push_ints<T: ArrowPrimitiveType>(
        &self,
        a: &PrimitiveArray<T>,
        out: &mut Vec<u32>,
    ) -> Result<()>
    where
        T::Native: TryInto<u32> + std::fmt::Display,
    {
        let bad = |i: usize, v: T::Native| {
            invalid(&self.at(i), v, "must be a row number (0 to 4294967294)")
        };
        let values = a.values();
        out.reserve(values.len());
        if a.null_count() == 0 {
            for (i, v) in values.iter().enumerate() {
                match (*v).try_into() {
                    Ok(x) if x != NULL => out.push(x),
                    _ => return Err(bad(i, *v)),
                }
            }
        } else {
            for (i, v) in values.iter().enumerate() {
                if a.is_null(i) {
                    out.push(NULL);
                    continue;
                }
                match (*v).try_into() {
                    Ok(x) if x != NULL => out.push(x),
                    _ => return Err(bad(i, *v)),
                }
            }
        }
        Ok(())
    }

    fn text(&self) -> Result<Text<'a>> {
        Text::of(self.array)
            .ok_or_else(|| self.wrong_type("utf8, large_utf8, utf8_view or dictionary<int, utf8>"))
    }

    /// Appends the code of each row's text (its position in `names`; [`NULL_CODE`] for a
    /// null) to `out`; a text that is none of the names is an error. A dictionary's values
    /// are looked up once.
    fn codes(&self, names: &Names, out: &mut Vec<u8>) -> Result<()> {
        let unknown = |i: usize, v: &str| {
            invalid(
                &self.at(i),
                v,
                &format!("must be one of {}", names.list.join(", ")),
            )
        };
        let n = self.array.len();
        out.reserve(n);
        let nulls = self.array.logical_nulls();
        let is_null = |i: usize| nulls.as_ref().is_some_and(|b| b.is_null(i));
        match self.text()? {
            Text::Dict { keys, values, .. } => {
                let table: Vec<u8> = (0..values.len())
                    .map(|k| {
                        values
                            .get(k)
                            .map_or(NULL_CODE, |v| names.code(v).unwrap_or(BAD_CODE))
                    })
                    .collect();
                for (i, k) in keys.iter().enumerate() {
                    let c = if is_null(i) { NULL_CODE } else { table[*k] };
                    if c == BAD_CODE {
                        return Err(unknown(i, values.get(*k).unwrap_or_default()));
                    }
                    out.push(c);
                }
            }
            text => {
                for i in 0..n {
                    match text.get(i) {
                        None => out.push(NULL_CODE),
                        Some(v) => out.push(names.code(v).ok_or_else(|| unknown(i, v))?),
                    }
                }
            }
        }
        Ok(())
    }

    /// The booleans of a nullable bool column (a null is false).
    fn flags(&self) -> Result<Vec<bool>> {
        let DataType::Boolean = self.array.data_type() else {
            return Err(self.wrong_type("bool"));
        };
        let a = self.array.as_boolean();
        Ok((0..a.len()).map(|i| a.is_valid(i) && a.value(i)).collect())
    }
}

/// The names of an enum's values, looked up by length then bytes.
struct Names {
    list: Vec<String>,
    /// Codes of the names of each length.
    by_len: Vec<Vec<u8>>,
}

impl Names {
    fn new(list: Vec<String>) -> Self {
        let mut by_len = vec![Vec::new(); list.iter().map(String::len).max().unwrap_or(0) + 1];
        for (k, s) in list.iter().enumerate() {
            by_len[s.len()].push(k as u8);
        }
        Self { list, by_len }
    }

    fn code(&self, s: &str) -> Option<u8> {
        self.by_len
            .get(s.len())?
            .iter()
            .copied()
            .find(|k| self.list[*k as usize] == s)
    }
}

/// A text column of any of the accepted layouts.
enum Text<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Dict {
        keys: Vec<usize>,
        array: &'a dyn Array,
        values: Box<Text<'a>>,
    },
}

impl<'a> Text<'a> {
    fn of(array: &'a dyn Array) -> Option<Self> {
        Some(match array.data_type() {
            DataType::Utf8 => Self::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Self::Large(array.as_string::<i64>()),
            DataType::Utf8View => Self::View(array.as_string_view()),
            DataType::Dictionary(key, _) if key.is_integer() => {
                let d = array.as_any_dictionary_opt()?;
                let values = Self::of(d.values().as_ref())?;
                if matches!(values, Self::Dict { .. }) {
                    return None;
                }
                Self::Dict {
                    keys: d.normalized_keys(),
                    array,
                    values: Box::new(values),
                }
            }
            _ => return None,
        })
    }

    fn len(&self) -> usize {
        match self {
            Self::Utf8(a) => a.len(),
            Self::Large(a) => a.len(),
            Self::View(a) => a.len(),
            Self::Dict { keys, .. } => keys.len(),
        }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Self::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Self::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Self::View(a) => a.is_valid(i).then(|| a.value(i)),
            Self::Dict {
                keys,
                array,
                values,
            } => {
                if array.is_null(i) {
                    None
                } else {
                    values.get(keys[i])
                }
            }
        }
    }
}

/// Each batch of a table with the row of its first row.
fn chunks(batches: &[RecordBatch]) -> impl Iterator<Item = (usize, &RecordBatch)> {
    batches.iter().scan(0, |row0, b| {
        let at = *row0;
        *row0 += b.num_rows();
        Some((at, b))
    })
}

/// The row-number column `name` of a dimension table, which must hold `k` on row `k`.
fn check_row_ids(batches: &[RecordBatch], table: &str, name: &str) -> Result<()> {
    let mut ids = Vec::new();
    for (row0, b) in chunks(batches) {
        let c = Col::of(b, table, name, row0)?;
        c.no_nulls()?;
        ids.clear();
        c.indexes(&mut ids)?;
        if let Some(i) = ids
            .iter()
            .enumerate()
            .position(|(i, v)| *v as usize != row0 + i)
        {
            return Err(invalid(
                &c.at(i),
                ids[i],
                &format!("row {} must hold {} {}", row0 + i, name, row0 + i),
            ));
        }
    }
    Ok(())
}

/// The values of the required text column `column` of a table (the `id` column of a
/// dimension table), as `make` builds them.
fn texts<T>(
    batches: &[RecordBatch],
    table: &str,
    column: &str,
    make: impl Fn(&str) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(batches.iter().map(RecordBatch::num_rows).sum());
    for (row0, b) in chunks(batches) {
        let c = Col::of(b, table, column, row0)?;
        let text = c.text()?;
        for i in 0..text.len() {
            let v = text
                .get(i)
                .ok_or_else(|| invalid(&c.at(i), "null", "a value is required"))?;
            out.push(make(v).map_err(|e| invalid(&c.at(i), v, &e.to_string()))?);
        }
    }
    Ok(out)
}

/// The codes of a required coded text column of a dimension table.
fn dim_codes(batches: &[RecordBatch], table: &str, name: &str, names: &Names) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (row0, b) in chunks(batches) {
        let c = Col::of(b, table, name, row0)?;
        let start = out.len();
        c.codes(names, &mut out)?;
        if let Some(i) = out[start..].iter().position(|x| *x == NULL_CODE) {
            return Err(invalid(&c.at(i), "null", "a value is required"));
        }
    }
    Ok(out)
}

impl SuggestionLog {
    /// A log from the tables of the national data set (see [`SuggestionLog::to_record_batches`]
    /// and the [module documentation](self)), each given as its record batches in row order:
    /// `congresses` (`congress`, `id`, `level`), `units` (`unit`, `id`), `suggestions`
    /// (`suggestion`, `id`, `congress`, `during`) and `events` (`suggestion`, `day`, `kind`,
    /// `unit`, `result`, `in_plan`, `rating`, `by_lead`) in log order. Row `k` of a dimension
    /// table holds id `k`; other columns are ignored. `unit` is required on
    /// `suggestion_assigned` rows, `result` on `suggestion_replied` rows and `rating` on
    /// `feedback_given` rows; a null `in_plan` or `by_lead` is false. The rows are then
    /// checked as [`SuggestionLog::from_columns`] checks them (`events[row].column`).
    ///
    /// ```
    /// use arrow_array::{Int32Array, RecordBatch, StringArray};
    /// use renda::columnar::SuggestionLog;
    /// use std::sync::Arc;
    /// let units = RecordBatch::try_from_iter([
    ///     ("unit", Arc::new(Int32Array::from(vec![0])) as _),
    ///     ("id", Arc::new(StringArray::from(vec!["edu"])) as _),
    /// ]).unwrap();
    /// let empty = SuggestionLog::new().to_record_batches(
    ///     &Default::default(), renda::calendar::WorkCalendar::china(), 2024).unwrap();
    /// let t = |k: usize| std::slice::from_ref(&empty[k].1);
    /// let log = SuggestionLog::from_record_batches(t(0), &[units.clone()], t(2), t(3)).unwrap();
    /// assert_eq!(log.dimensions().units[0].as_str(), "edu");
    /// let err = SuggestionLog::from_record_batches(t(0), &[units.project(&[0]).unwrap()], t(2), t(3))
    ///     .unwrap_err();
    /// assert_eq!(err.field(), Some("units.id"));
    /// ```
    pub fn from_record_batches(
        congresses: &[RecordBatch],
        units: &[RecordBatch],
        suggestions: &[RecordBatch],
        events: &[RecordBatch],
    ) -> Result<SuggestionLog> {
        let levels = Names::new(Level::ALL.iter().map(wire).collect());
        let periods = Names::new(SubmissionPeriod::ALL.iter().map(wire).collect());
        check_row_ids(congresses, "congresses", "congress")?;
        check_row_ids(units, "units", "unit")?;
        check_row_ids(suggestions, "suggestions", "suggestion")?;
        let mut suggestion_congress = Vec::new();
        for (row0, b) in chunks(suggestions) {
            let c = Col::of(b, "suggestions", "congress", row0)?;
            c.no_nulls()?;
            c.indexes(&mut suggestion_congress)?;
        }
        let congress_ids = texts(congresses, "congresses", "id", |s| CongressId::new(s))?;
        if let Some(k) = suggestion_congress
            .iter()
            .position(|c| *c as usize >= congress_ids.len())
        {
            return Err(invalid(
                &format!("suggestions[{k}].congress"),
                suggestion_congress[k],
                "no congress has this row",
            ));
        }
        let dims = Dimensions {
            levels: dim_codes(congresses, "congresses", "level", &levels)?
                .into_iter()
                .map(|c| Level::ALL[c as usize])
                .collect(),
            congresses: congress_ids,
            units: texts(units, "units", "id", |s| UnitId::new(s))?,
            suggestions: texts(suggestions, "suggestions", "id", |s| SuggestionId::new(s))?,
            suggestion_congress,
            during: dim_codes(suggestions, "suggestions", "during", &periods)?
                .into_iter()
                .map(|c| SubmissionPeriod::ALL[c as usize])
                .collect(),
        };
        let (suggestion, day, kind, arg) = event_columns(events, dims.units.len())?;
        SuggestionLog::from_columns(dims, suggestion, day, kind, arg)
    }
}

/// The four event columns of the `events` batches.
#[allow(clippy::type_complexity)]
fn event_columns(
    events: &[RecordBatch],
    units: usize,
) -> Result<(Vec<u32>, Vec<i32>, Vec<u8>, Vec<u32>)> {
    use LifecycleKind as K;
    let n: usize = events.iter().map(RecordBatch::num_rows).sum();
    let kinds = Names::new(K::ALL.iter().map(|k| k.as_str().to_string()).collect());
    let results = Names::new(ResultCategory::ALL.iter().map(wire).collect());
    let ratings = Names::new(Satisfaction::ALL.iter().map(wire).collect());
    let (mut suggestion, mut day, mut kind) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut arg = Vec::with_capacity(n);
    let (mut unit, mut result, mut rating) = (Vec::new(), Vec::new(), Vec::new());
    for (row0, b) in chunks(events) {
        let col = |name| Col::of(b, "events", name, row0);
        let s = col("suggestion")?;
        s.no_nulls()?;
        s.indexes(&mut suggestion)?;
        let d = col("day")?;
        if d.array.data_type() != &DataType::Date32 {
            return Err(d.wrong_type("date32"));
        }
        d.no_nulls()?;
        day.extend_from_slice(d.array.as_primitive::<Date32Type>().values());
        let k = col("kind")?;
        let start = kind.len();
        k.codes(&kinds, &mut kind)?;
        if let Some(i) = kind[start..].iter().position(|x| *x == NULL_CODE) {
            return Err(invalid(&k.at(i), "null", "a value is required"));
        }
        let (u, r, g) = (col("unit")?, col("result")?, col("rating")?);
        unit.clear();
        u.indexes(&mut unit)?;
        result.clear();
        r.codes(&results, &mut result)?;
        rating.clear();
        g.codes(&ratings, &mut rating)?;
        let in_plan = col("in_plan")?.flags()?;
        let by_lead = col("by_lead")?.flags()?;
        for (i, code) in kind[start..].iter().enumerate() {
            let required =
                |c: &Col, what: &str| invalid(&c.at(i), "null", &format!("required for {what}"));
            arg.push(match *code {
                c if c == K::Assigned as u8 => {
                    let x = unit[i];
                    if x == NULL {
                        return Err(required(&u, K::Assigned.as_str()));
                    }
                    if x as usize >= units {
                        return Err(invalid(&u.at(i), x, "no handling unit has this row"));
                    }
                    x
                }
                c if c == K::Replied as u8 => {
                    if result[i] == NULL_CODE {
                        return Err(required(&r, K::Replied.as_str()));
                    }
                    u32::from(result[i]) | (u32::from(in_plan[i]) << 2)
                }
                c if c == K::FeedbackGiven as u8 => {
                    if rating[i] == NULL_CODE {
                        return Err(required(&g, K::FeedbackGiven.as_str()));
                    }
                    u32::from(rating[i]) | (u32::from(by_lead[i]) << 2)
                }
                _ => 0,
            });
        }
    }
    Ok((suggestion, day, kind, arg))
}

/// The per-unit figures as one record batch (`unit` utf8, then one uint64 column per count of
/// [`crate::figures::UnitCount::ALL`]: `assigned`, `replied`, `replied_on_time`, `overdue`,
/// `closed`, `A`…`D`, `satisfied`, `basically_satisfied`, `dissatisfied`), for national
/// figures, whose 650,000 units are too many for a JSON list; the rates follow from the counts.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let f = ledger.figures(chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()).unwrap();
/// let batch = renda::columnar::arrow::unit_figures_batch(&f.units).unwrap();
/// assert_eq!((batch.num_rows(), batch.num_columns()), (0, 13));
/// ```
pub fn unit_figures_batch(units: &[crate::figures::UnitFigures]) -> Result<RecordBatch> {
    use crate::figures::UnitCount;
    use arrow_array::UInt64Array;
    let names = Arc::new(StringArray::from_iter_values(
        units.iter().map(|u| u.unit.as_str()),
    )) as ArrayRef;
    let counts = UnitCount::ALL.iter().map(|&c| {
        let column = UInt64Array::from_iter_values(units.iter().map(|u| c.of(u)));
        (c.name(), Arc::new(column) as ArrayRef, false)
    });
    batch(
        std::iter::once(("unit", names, false))
            .chain(counts)
            .collect(),
    )
}
