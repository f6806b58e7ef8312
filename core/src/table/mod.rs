//! Tables: the ledger's records as columns, one row per suggestion, motion, unit, deputy,
//! activity, points row, supervision item or evaluation, with the facts derived as of a date
//! (status then, due date, overdue, latest result and rating…).
//!
//! A [`Table`] is a light columnar structure — typed vectors ([`ColumnData`]) with Chinese and
//! English column labels — built in one pass over the state, so millions of records move to
//! an analyst's tools in bulk: Arrow record batches (feature `arrow`,
//! [`Table::to_record_batch`]), pandas and polars in Python, typed arrays in JavaScript. The
//! derived facts come from the same code as the figures ([`crate::projection`]): the count of
//! rows with `result == "A"` in the suggestions table is the figures' `results.A`.
//!
//! The columns of every table are listed in `docs/tables.md`.
//!
//! ```
//! use renda::{Ledger, table::{TableName, ColumnData}};
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽"}}"#,
//!   r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D1"},"command":{"type":"submit_suggestion","suggestion":"S1","congress":"hd","title":"关于增加幼儿园学位的建议","lead":"D1","during":"session"}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let t = ledger.table(TableName::Suggestions, Some("2024-01-31".parse().unwrap())).unwrap();
//! assert_eq!(t.len(), 1);
//! let status = t.column("status").unwrap();
//! assert_eq!(status.label.zh, "状态");
//! assert_eq!(status.data.text(0).as_deref(), Some("submitted"));
//! ```

use crate::actor::{Actor, Role};
use crate::error::{RendaError, Result};
use crate::labels::Label;
use crate::ledger::Ledger;
use crate::state::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[cfg(feature = "arrow")]
mod arrow;
mod oversight;
mod people;
mod suggestions;

/// The tables a ledger offers.
///
/// ```
/// use renda::table::TableName;
/// let t: TableName = "supervision_items".parse().unwrap();
/// assert_eq!(t, TableName::SupervisionItems);
/// assert_eq!(t.as_str(), "supervision_items");
/// use renda::labels::Labelled;
/// assert_eq!(t.label().zh, "监督事项");
/// assert_eq!("nope".parse::<TableName>().unwrap_err().code(), "invalid_field");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableName {
    /// One row per suggestion submitted by the date.
    Suggestions,
    /// One row per motion submitted by the date.
    Motions,
    /// One row per handling unit, with its handling figures and score.
    Units,
    /// One row per deputy.
    Deputies,
    /// One row per deputy activity held by the date.
    Activities,
    /// One row per deputy and congress: the points of the year of the date.
    Points,
    /// One row per supervision item: work reports, inspections, escalations, normative
    /// documents filed for review, livelihood projects, supervision topics.
    SupervisionItems,
    /// One row per evaluation: department work evaluations and third-party evaluations of
    /// suggestion handling.
    Evaluations,
}

impl TableName {
    /// Every table, in the order listed.
    pub const ALL: [TableName; 8] = [
        Self::Suggestions,
        Self::Motions,
        Self::Units,
        Self::Deputies,
        Self::Activities,
        Self::Points,
        Self::SupervisionItems,
        Self::Evaluations,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Suggestions => "suggestions",
            Self::Motions => "motions",
            Self::Units => "units",
            Self::Deputies => "deputies",
            Self::Activities => "activities",
            Self::Points => "points",
            Self::SupervisionItems => "supervision_items",
            Self::Evaluations => "evaluations",
        }
    }
}

impl std::fmt::Display for TableName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TableName {
    type Err = RendaError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| RendaError::InvalidField {
                field: "table".into(),
                value: crate::ids::truncate(s),
                reason: format!(
                    "unknown table; one of {}",
                    Self::ALL.map(Self::as_str).join(", ")
                ),
            })
    }
}

crate::labels::labelled!(TableName {
    Suggestions => ("代表建议", "Suggestions"),
    Motions => ("议案", "Motions"),
    Units => ("承办单位", "Handling units"),
    Deputies => ("代表", "Deputies"),
    Activities => ("代表活动", "Activities"),
    Points => ("履职积分", "Points"),
    SupervisionItems => ("监督事项", "Supervision items"),
    Evaluations => ("评议评估", "Evaluations"),
});

/// A dictionary-encoded column of wire values (statuses, kinds, categories): each row is an
/// index into `dictionary`, or `None`.
///
/// ```
/// use renda::table::Category;
/// let c = Category::from_values(["a", "b", "a"].map(Some));
/// assert_eq!(c.dictionary, vec!["a", "b"]);
/// assert_eq!(c.codes, vec![Some(0), Some(1), Some(0)]);
/// assert_eq!(c.value(2), Some("a"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    /// The distinct values, in order of first appearance.
    pub dictionary: Vec<String>,
    /// Per row, the index of its value in `dictionary`.
    pub codes: Vec<Option<u32>>,
}

impl Category {
    /// Encodes `values`.
    pub fn from_values<S: AsRef<str>>(values: impl IntoIterator<Item = Option<S>>) -> Self {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut dictionary = Vec::new();
        let codes = values
            .into_iter()
            .map(|v| {
                v.map(|v| {
                    let v = v.as_ref();
                    match index.get(v) {
                        Some(i) => *i,
                        None => {
                            let i = dictionary.len() as u32;
                            dictionary.push(v.to_string());
                            index.insert(v.to_string(), i);
                            i
                        }
                    }
                })
            })
            .collect();
        Self { dictionary, codes }
    }

    /// The value of row `i`.
    pub fn value(&self, i: usize) -> Option<&str> {
        self.codes
            .get(i)
            .copied()
            .flatten()
            .map(|c| self.dictionary[c as usize].as_str())
    }
}

/// A column's values: typed vectors, `None` for a missing value.
///
/// ```
/// use renda::table::ColumnData;
/// let d = ColumnData::Int64(vec![Some(3), None]);
/// assert_eq!(d.len(), 2);
/// assert_eq!(d.type_name(), "int64");
/// assert_eq!(d.text(0).as_deref(), Some("3"));
/// assert_eq!(d.text(1), None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Integers (counts, numbers, days).
    Int64(Vec<Option<i64>>),
    /// Reals (rates in percent, scores).
    Float64(Vec<Option<f64>>),
    /// Yes/no.
    Bool(Vec<Option<bool>>),
    /// Calendar dates (China time).
    Date(Vec<Option<NaiveDate>>),
    /// Free text and ids.
    Utf8(Vec<Option<String>>),
    /// Wire values of an enumeration, dictionary-encoded.
    Category(Category),
}

impl ColumnData {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            Self::Int64(v) => v.len(),
            Self::Float64(v) => v.len(),
            Self::Bool(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::Utf8(v) => v.len(),
            Self::Category(c) => c.codes.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The type's name: `int64`, `float64`, `bool`, `date`, `utf8` or `category`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Int64(_) => "int64",
            Self::Float64(_) => "float64",
            Self::Bool(_) => "bool",
            Self::Date(_) => "date",
            Self::Utf8(_) => "utf8",
            Self::Category(_) => "category",
        }
    }

    /// Row `i` as text (dates `YYYY-MM-DD`, booleans `true`/`false`), `None` when missing.
    pub fn text(&self, i: usize) -> Option<String> {
        match self {
            Self::Int64(v) => v.get(i).copied().flatten().map(|x| x.to_string()),
            Self::Float64(v) => v.get(i).copied().flatten().map(|x| x.to_string()),
            Self::Bool(v) => v.get(i).copied().flatten().map(|x| x.to_string()),
            Self::Date(v) => v.get(i).copied().flatten().map(|x| x.to_string()),
            Self::Utf8(v) => v.get(i).cloned().flatten(),
            Self::Category(c) => c.value(i).map(str::to_string),
        }
    }
}

/// A named, labelled column.
///
/// ```
/// use renda::table::{Column, ColumnData};
/// let c = Column::new("n", "数量", "Count", ColumnData::Int64(vec![Some(1)]));
/// assert_eq!((c.name, c.label.zh, c.label.en), ("n", "数量", "Count"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The column's name (snake_case, stable).
    pub name: &'static str,
    /// Its label in Chinese and English.
    pub label: Label,
    /// Its values.
    pub data: ColumnData,
}

impl Column {
    /// A column.
    pub fn new(name: &'static str, zh: &'static str, en: &'static str, data: ColumnData) -> Self {
        Self {
            name,
            label: Label { zh, en },
            data,
        }
    }
}

/// A table: equally long columns.
///
/// ```
/// use renda::{Ledger, table::TableName};
/// let t = Ledger::new(Default::default()).table(TableName::Units, None).unwrap();
/// assert!(t.is_empty());
/// assert_eq!(t.column_names()[..2], ["unit", "name"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Which table.
    pub name: TableName,
    /// The date the derived columns are as of (end of day, China time).
    pub as_of: NaiveDate,
    /// The columns.
    pub columns: Vec<Column>,
}

impl Table {
    fn new(name: TableName, as_of: NaiveDate, columns: Vec<Column>) -> Self {
        debug_assert!(
            columns
                .windows(2)
                .all(|w| w[0].data.len() == w[1].data.len()),
            "columns of {name} differ in length"
        );
        Self {
            name,
            as_of,
            columns,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The columns' names, in order.
    pub fn column_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

/// The kinds of column a table declares (see [`table!`]): each has an empty column, a push
/// of one row's value (converted to the column's type), and a last step (dictionary encoding
/// for categories).
mod kind {
    use super::{Category, ColumnData};
    use chrono::NaiveDate;
    use serde::Serialize;

    macro_rules! kind {
        ($(#[$doc:meta])* $name:ident, $variant:ident, <$($g:ident: $b:path)?> $t:ty,
         |$v:ident| $conv:expr $(, finish = $finish:expr)?) => {
            $(#[$doc])*
            pub(in crate::table) mod $name {
                use super::*;
                pub fn empty() -> ColumnData {
                    ColumnData::$variant(Vec::new())
                }
                pub fn push$(<$g: $b>)?(data: &mut ColumnData, $v: Option<$t>) {
                    if let ColumnData::$variant(x) = data {
                        x.push($conv);
                    }
                }
                #[allow(clippy::redundant_closure_call)]
                pub fn finish(data: ColumnData) -> ColumnData {
                    $(return ($finish)(data);)?
                    #[allow(unreachable_code)]
                    data
                }
            }
        };
    }

    kind!(
        /// Integers from any integer type.
        int, Int64, <T: TryInto<i64>> T, |v| v.and_then(|x| x.try_into().ok()));
    kind!(
        /// Reals.
        real, Float64, <> f64, |v| v);
    kind!(
        /// Yes/no.
        flag, Bool, <> bool, |v| v);
    kind!(
        /// Dates.
        date, Date, <> NaiveDate, |v| v);
    kind!(
        /// Free text and ids.
        text, Utf8, <S: ToString> S, |v| v.map(|s| s.to_string()));
    kind!(
    /// Wire values of enumerations (anything serialising to a string), dictionary-encoded.
    cat, Utf8, <T: Serialize> T, |v| v.map(|x| super::super::wire(&x)),
    finish = |data| match data {
        ColumnData::Utf8(v) => {
            ColumnData::Category(Category::from_values(v.iter().map(|x| x.as_deref())))
        }
        other => other,
    });
}

/// The wire value of an enumeration value (its serde name).
fn wire<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => e.to_string(),
    }
}

/// Declares a table's columns once, with their labels and kinds, and fills them from an
/// iterator in one pass:
///
/// ```text
/// table!(TableName::X, as_of, items, |item| {
///     name: "中文", "English", kind => value,   // kind: int, real, flag, date, text, cat
/// })
/// ```
///
/// Every value is an `Option`.
macro_rules! table {
    ($name:expr, $as_of:expr, $items:expr, |$x:pat_param| {
        $($col:ident : $zh:literal, $en:literal, $kind:ident => $value:expr),* $(,)?
    }) => {{
        #[allow(unused_imports)]
        use $crate::table::kind::*;
        let mut cols: Vec<$crate::table::ColumnData> = vec![$($kind::empty()),*];
        for $x in $items {
            let mut slots = cols.iter_mut();
            $( $kind::push(slots.next().expect("one slot per column"), $value); )*
        }
        let mut cols = cols.into_iter();
        $crate::table::Table::new($name, $as_of, vec![$(
            $crate::table::Column::new(
                stringify!($col), $zh, $en,
                $kind::finish(cols.next().expect("one slot per column")),
            )
        ),*])
    }};
}
pub(crate) use table;

impl Ledger {
    /// The table `name` as of the end of `as_of` (China time); `None`: the day of the last
    /// recorded event. For a trusted back end: every record, unredacted (see
    /// [`Ledger::table_as`] for a reader).
    ///
    /// ```
    /// use renda::{Ledger, table::TableName};
    /// let l = Ledger::new(Default::default());
    /// for name in TableName::ALL {
    ///     assert!(l.table(name, None).unwrap().is_empty());
    /// }
    /// ```
    pub fn table(&self, name: TableName, as_of: Option<NaiveDate>) -> Result<Table> {
        let as_of = as_of.unwrap_or_else(|| self.last_date());
        self.table_over(self.state(), None, name, as_of)
    }

    /// The table `name` as `reader` may see it ([`crate::visibility`]): built over the
    /// reader's view of the state; the public gets `not_published` for suggestions and units
    /// before the results are published (as for [`Ledger::figures_as`]), and for points (it
    /// reads the publications); a deputy's points table holds their own row; a third-party
    /// evaluator sees the suggestions of its samples and its own evaluations.
    ///
    /// ```
    /// use renda::{Actor, Ledger, Role, table::TableName};
    /// let l = Ledger::new(Default::default());
    /// let public = Actor::new(Role::Public, "p").unwrap();
    /// assert!(l.table_as(&public, TableName::Deputies, None).unwrap().is_empty());
    /// ```
    pub fn table_as(
        &self,
        reader: &Actor,
        name: TableName,
        as_of: Option<NaiveDate>,
    ) -> Result<Table> {
        let as_of = as_of.unwrap_or_else(|| self.last_date());
        if matches!(name, TableName::Suggestions | TableName::Units) {
            self.check_published(reader, as_of, None)?;
        }
        let mut view = self.state_as(reader);
        if name == TableName::Suggestions && reader.role == Role::ThirdPartyEvaluator {
            // Row by row, an evaluator sees only the suggestions of its samples (W3).
            let sample = crate::handling_evaluation::sample_of(self.state(), &reader.id);
            view.suggestions.retain(|id, _| sample.contains(id));
        }
        self.table_over(&view, Some(reader), name, as_of)
    }

    fn table_over(
        &self,
        state: &State,
        reader: Option<&Actor>,
        name: TableName,
        as_of: NaiveDate,
    ) -> Result<Table> {
        match name {
            TableName::Suggestions => suggestions::suggestions(self, state, as_of),
            TableName::Units => suggestions::units(self, state, as_of),
            TableName::Motions => oversight::motions(state, as_of),
            TableName::Deputies => people::deputies(self, state, reader, as_of),
            TableName::Activities => Ok(people::activities(state, as_of)),
            TableName::Points => people::points(self, reader, as_of),
            TableName::SupervisionItems => Ok(oversight::supervision_items(state, as_of)),
            TableName::Evaluations => Ok(oversight::evaluations(
                state,
                reader.filter(|r| r.role == Role::ThirdPartyEvaluator),
                as_of,
            )),
        }
    }
}

/// Days since 1970-01-01 (Arrow's `date32`).
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(1970, 1, 2).unwrap();
/// assert_eq!(renda::table::epoch_days(d), 1);
/// ```
pub fn epoch_days(d: NaiveDate) -> i32 {
    (d - NaiveDate::default()).num_days() as i32
}

/// The last status on or before `as_of` in a dated history.
fn status_as_of<S: Copy>(history: &[(NaiveDate, S)], as_of: NaiveDate) -> Option<S> {
    history
        .iter()
        .take_while(|(d, _)| *d <= as_of)
        .last()
        .map(|(_, s)| *s)
}
