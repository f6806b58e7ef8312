//! The columnar suggestion log as Arrow record batches (renda::columnar::arrow): the tables of
//! the national data set round-trip, other layouts of the same values read the same, and a
//! missing column, a wrong type or a bad value is a typed error naming the table and column.

use arrow_array::types::{Int16Type, Int32Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, DictionaryArray, Int32Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, UInt32Array, UInt64Array,
};
use arrow_schema::DataType;
use chrono::NaiveDate;
use renda::calendar::WorkCalendar;
use renda::columnar::SuggestionLog;
use renda::RendaError;
use std::sync::Arc;

/// The demo district's log (3 districts) and its ledger's rule book.
fn demo() -> (renda::Ledger, SuggestionLog) {
    let config = renda::demo::DemoConfig {
        districts: 3,
        ..renda::demo::DemoConfig::small()
    };
    let ledger = renda::demo::generate(&config).unwrap().into_ledger();
    let log = SuggestionLog::from_ledger(&ledger).unwrap();
    (ledger, log)
}

struct Tables(Vec<(&'static str, RecordBatch)>);

impl Tables {
    fn of(ledger: &renda::Ledger, log: &SuggestionLog, year: i32) -> Self {
        Tables(
            log.to_record_batches(ledger.rules(), WorkCalendar::china(), year)
                .unwrap(),
        )
    }

    fn get(&self, name: &str) -> RecordBatch {
        self.0.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    fn read(&self) -> renda::Result<SuggestionLog> {
        self.read_with("", |b| b)
    }

    /// Reads the tables back with `edit` applied to the table `name`.
    fn read_with(
        &self,
        name: &str,
        edit: impl Fn(RecordBatch) -> RecordBatch,
    ) -> renda::Result<SuggestionLog> {
        let t = |n: &str| {
            let b = self.get(n);
            vec![if n == name { edit(b) } else { b }]
        };
        SuggestionLog::from_record_batches(
            &t("congresses"),
            &t("units"),
            &t("suggestions"),
            &t("events"),
        )
    }
}

/// `batch` with column `name` replaced by `array` (same name).
fn replace(batch: RecordBatch, name: &str, array: ArrayRef) -> RecordBatch {
    let columns: Vec<(String, ArrayRef)> = batch
        .schema()
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| {
            let c = if f.name() == name {
                Arc::clone(&array)
            } else {
                Arc::clone(c)
            };
            (f.name().clone(), c)
        })
        .collect();
    RecordBatch::try_from_iter(columns).unwrap()
}

fn drop_column(batch: RecordBatch, name: &str) -> RecordBatch {
    let i = batch.schema().index_of(name).unwrap();
    let keep: Vec<usize> = (0..batch.num_columns()).filter(|k| *k != i).collect();
    batch.project(&keep).unwrap()
}

fn field(e: &RendaError) -> &str {
    e.field().unwrap_or_default()
}

#[test]
fn the_demo_district_round_trips_and_keeps_its_figures() {
    let (ledger, log) = demo();
    assert!(log.len() > 500, "a real log: {} events", log.len());
    let tables = Tables::of(&ledger, &log, 2024);
    let back = tables.read().unwrap();
    assert_eq!(back, log);
    let day = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let figures = back
        .figures_with(&Default::default(), ledger.rules(), ledger.calendar(), day)
        .unwrap();
    assert_eq!(figures, ledger.figures(day).unwrap());
    // The events table holds every event, in order, with the payload columns set where the
    // spec says.
    let events = tables.get("events");
    assert_eq!(events.num_rows(), log.len());
    let kind = events.column_by_name("kind").unwrap();
    assert_eq!(
        kind.data_type(),
        &DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
    );
    let unit = events.column_by_name("unit").unwrap();
    let assigned = log
        .kinds()
        .iter()
        .filter(|k| **k == renda::columnar::LifecycleKind::Assigned)
        .count();
    assert_eq!(unit.len() - unit.null_count(), assigned);
}

#[test]
fn the_unit_figures_table_holds_every_unit_row_count_by_count() {
    use renda::figures::UnitCount;
    let (ledger, _) = demo();
    let day = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let units = ledger.figures(day).unwrap().units;
    assert!(units.len() > 5, "a real unit list: {}", units.len());
    let batch = renda::columnar::arrow::unit_figures_batch(&units).unwrap();
    assert_eq!(batch.num_rows(), units.len());
    let names: Vec<&str> = std::iter::once("unit")
        .chain(UnitCount::ALL.iter().map(|c| c.name()))
        .collect();
    let schema = batch.schema();
    let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(columns, names);
    let ids = batch
        .column(0)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    for (row, unit) in units.iter().enumerate() {
        assert_eq!(ids.value(row), unit.unit.as_str());
        let counts: Vec<u64> = (1..batch.num_columns())
            .map(|c| {
                let column = batch.column(c).as_any();
                column.downcast_ref::<UInt64Array>().unwrap().value(row)
            })
            .collect();
        // The row's own fields, spelled out rather than through UnitCount::of.
        let want = [
            unit.assigned,
            unit.replied,
            unit.replied_on_time,
            unit.overdue,
            unit.closed,
            unit.results.A,
            unit.results.B,
            unit.results.C,
            unit.results.D,
            unit.ratings.satisfied,
            unit.ratings.basically_satisfied,
            unit.ratings.dissatisfied,
        ];
        assert_eq!(counts, want, "{}", unit.unit);
    }
    assert!(units.iter().any(|u| u.replied > 0 && u.results.A > 0));
}

#[test]
fn the_calendar_and_deadline_tables_follow_the_calendar_and_the_rule_book() {
    let (ledger, log) = demo();
    let tables = Tables::of(&ledger, &log, 2024);
    let calendar = tables.get("calendar");
    assert_eq!(calendar.num_rows(), 366 + 365);
    let working = calendar
        .column_by_name("working")
        .unwrap()
        .as_any()
        .downcast_ref::<BooleanArray>()
        .unwrap();
    // 2024-01-01 (New Year's Day) is off, 2024-02-04 (a Sunday) a make-up working day.
    assert!(!working.value(0));
    assert!(working.value(34));
    assert_eq!(
        working.true_count(),
        (0..731)
            .filter(|k| {
                let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(*k);
                WorkCalendar::china().is_working_day(d).unwrap()
            })
            .count()
    );
    let deadlines = tables.get("deadlines");
    let levels = deadlines
        .column_by_name("level")
        .unwrap()
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    let county = (0..levels.len())
        .find(|i| levels.value(*i) == "county")
        .unwrap();
    let jan1 = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let rules = &ledger
        .rules()
        .in_force(renda::registry::Level::County, jan1)
        .unwrap()
        .suggestion;
    let amount = |c: &str| {
        deadlines
            .column_by_name(c)
            .unwrap()
            .as_any()
            .downcast_ref::<Int32Array>()
            .unwrap()
            .value(county) as u32
    };
    assert_eq!(amount("reply_amount"), rules.reply_deadline.amount);
    assert_eq!(amount("rehandle_amount"), rules.rehandle_deadline.amount);
    // A year the calendar does not cover is an error, not a guess.
    assert!(log
        .to_record_batches(ledger.rules(), WorkCalendar::china(), 2026)
        .is_err());
}

#[test]
fn other_layouts_of_the_same_values_read_the_same() {
    let (ledger, log) = demo();
    let tables = Tables::of(&ledger, &log, 2024);
    let events = tables.get("events");
    let ints = |name: &str| {
        events
            .column_by_name(name)
            .unwrap()
            .as_any()
            .downcast_ref::<Int32Array>()
            .unwrap()
            .clone()
    };
    let texts = |b: &RecordBatch, name: &str| -> Vec<Option<String>> {
        let a =
            arrow_array::cast::AsArray::as_string::<i32>(b.column_by_name(name).unwrap().as_ref())
                .clone();
        a.iter().map(|s| s.map(str::to_string)).collect()
    };
    let kinds: Vec<Option<String>> = log
        .kinds()
        .iter()
        .map(|k| Some(k.as_str().to_string()))
        .collect();
    // int64 and uint32 row numbers; kind as plain, large and view text and as a dictionary
    // with int16 keys and values in another order (one unused).
    let layouts: Vec<(&str, ArrayRef)> = vec![
        (
            "suggestion",
            Arc::new(Int64Array::from_iter(
                ints("suggestion").iter().map(|v| v.map(i64::from)),
            )),
        ),
        (
            "unit",
            Arc::new(UInt32Array::from_iter(
                ints("unit").iter().map(|v| v.map(|v| v as u32)),
            )),
        ),
        ("kind", Arc::new(StringArray::from(kinds.clone()))),
        ("kind", Arc::new(LargeStringArray::from(kinds.clone()))),
        ("kind", Arc::new(StringViewArray::from(kinds.clone()))),
        ("kind", {
            let mut values: Vec<&str> = renda::columnar::LifecycleKind::ALL
                .iter()
                .rev()
                .map(|k| k.as_str())
                .collect();
            values.push("unused");
            let keys = arrow_array::Int16Array::from_iter_values(
                log.kinds().iter().map(|k| 12 - *k as i16),
            );
            Arc::new(
                DictionaryArray::<Int16Type>::try_new(keys, Arc::new(StringArray::from(values)))
                    .unwrap(),
            )
        }),
        ("result", {
            let r = texts(&events, "result");
            Arc::new(
                r.iter()
                    .map(|s| s.as_deref())
                    .collect::<DictionaryArray<Int32Type>>(),
            )
        }),
    ];
    for (name, array) in layouts {
        let dt = array.data_type().clone();
        let back = tables
            .read_with("events", |b| replace(b, name, Arc::clone(&array)))
            .unwrap_or_else(|e| panic!("{name} as {dt}: {e}"));
        assert_eq!(back, log, "{name} as {dt}");
    }
    // The events split into batches read as one table.
    let n = events.num_rows();
    let parts = [events.slice(0, n / 3), events.slice(n / 3, n - n / 3)];
    let t = |n: &str| vec![tables.get(n)];
    let back = SuggestionLog::from_record_batches(
        &t("congresses"),
        &t("units"),
        &t("suggestions"),
        &parts,
    )
    .unwrap();
    assert_eq!(back, log);
    // Extra columns (the spec's congresses.parent, say) are ignored.
    let with_parent = RecordBatch::try_from_iter(
        tables
            .get("congresses")
            .schema()
            .fields()
            .iter()
            .zip(tables.get("congresses").columns())
            .map(|(f, c)| (f.name().clone(), Arc::clone(c)))
            .chain([(
                "parent".to_string(),
                Arc::new(Int32Array::new_null(tables.get("congresses").num_rows())) as ArrayRef,
            )]),
    )
    .unwrap();
    assert_eq!(
        tables
            .read_with("congresses", |_| with_parent.clone())
            .unwrap(),
        log
    );
}

#[test]
fn missing_columns_and_wrong_types_name_the_table_and_column() {
    let (ledger, log) = demo();
    let tables = Tables::of(&ledger, &log, 2024);
    for (table, column) in [
        ("congresses", "congress"),
        ("congresses", "id"),
        ("congresses", "level"),
        ("units", "unit"),
        ("units", "id"),
        ("suggestions", "during"),
        ("suggestions", "congress"),
        ("events", "suggestion"),
        ("events", "day"),
        ("events", "kind"),
        ("events", "unit"),
        ("events", "result"),
        ("events", "in_plan"),
        ("events", "rating"),
        ("events", "by_lead"),
    ] {
        let e = tables
            .read_with(table, |b| drop_column(b, column))
            .unwrap_err();
        assert_eq!(e.code(), "missing_field", "{table}.{column}");
        assert_eq!(field(&e), format!("{table}.{column}"));
    }
    let n = tables.get("events").num_rows();
    for (column, array) in [
        ("day", Arc::new(Int32Array::from(vec![0; n])) as ArrayRef),
        ("suggestion", Arc::new(StringArray::from(vec!["0"; n]))),
        ("kind", Arc::new(Int32Array::from(vec![0; n]))),
        ("in_plan", Arc::new(StringArray::from(vec!["true"; n]))),
        ("result", Arc::new(BooleanArray::from(vec![true; n]))),
    ] {
        let e = tables
            .read_with("events", |b| replace(b, column, Arc::clone(&array)))
            .unwrap_err();
        assert_eq!(e.code(), "invalid_field", "{column}");
        assert_eq!(field(&e), format!("events.{column}"));
        assert!(e.to_string().contains("must be"), "{e}");
    }
}

#[test]
fn bad_values_name_the_row() {
    let (ledger, log) = demo();
    let tables = Tables::of(&ledger, &log, 2024);
    let events = tables.get("events");
    let kinds = log.kinds();
    let first = |k: renda::columnar::LifecycleKind| kinds.iter().position(|x| *x == k).unwrap();
    let assigned = first(renda::columnar::LifecycleKind::Assigned);
    let replied = first(renda::columnar::LifecycleKind::Replied);
    let with = |name: &str, f: &dyn Fn(usize, &dyn Array) -> ArrayRef| {
        let a = events.column_by_name(name).unwrap();
        replace(events.clone(), name, f(0, a.as_ref()))
    };
    // A kind no event has.
    let mut k: Vec<String> = kinds.iter().map(|k| k.as_str().to_string()).collect();
    k[5] = "suggestion_lost".into();
    let b = with("kind", &|_, _| Arc::new(StringArray::from(k.clone())));
    let e = tables.read_with("events", |_| b.clone()).unwrap_err();
    assert_eq!(field(&e), "events[5].kind");
    assert!(e.to_string().contains("suggestion_lost"));
    // An assignment without its unit; a unit out of range.
    let units = |f: &dyn Fn(usize) -> Option<i32>| -> ArrayRef {
        Arc::new(Int32Array::from_iter((0..events.num_rows()).map(f)))
    };
    let orig = events
        .column_by_name("unit")
        .unwrap()
        .as_any()
        .downcast_ref::<Int32Array>()
        .unwrap()
        .clone();
    let get = |i: usize| orig.is_valid(i).then(|| orig.value(i));
    for (array, why) in [
        (
            units(&|i| if i == assigned { None } else { get(i) }),
            "required",
        ),
        (
            units(&|i| if i == assigned { Some(99_999) } else { get(i) }),
            "no handling unit",
        ),
        (
            units(&|i| if i == assigned { Some(-1) } else { get(i) }),
            "row number",
        ),
    ] {
        let b = replace(events.clone(), "unit", array);
        let e = tables.read_with("events", |_| b.clone()).unwrap_err();
        assert_eq!(field(&e), format!("events[{assigned}].unit"));
        assert!(e.to_string().contains(why), "{e}");
    }
    // A reply without its result.
    let r = events.column_by_name("result").unwrap();
    let r = arrow_array::cast::AsArray::as_string::<i32>(r.as_ref());
    let results: StringArray = (0..r.len())
        .map(|i| (i != replied && r.is_valid(i)).then(|| r.value(i)))
        .collect();
    let b = replace(events.clone(), "result", Arc::new(results));
    let e = tables.read_with("events", |_| b.clone()).unwrap_err();
    assert_eq!(field(&e), format!("events[{replied}].result"));
    // Events out of log order are caught by the row checks.
    // (The last event first, as its own batch: the day runs backwards at row 1.)
    let n = events.num_rows();
    let t = |n: &str| vec![tables.get(n)];
    let e = SuggestionLog::from_record_batches(
        &t("congresses"),
        &t("units"),
        &t("suggestions"),
        &[events.slice(n - 1, 1), events.slice(0, n - 1)],
    )
    .unwrap_err();
    assert_eq!(
        field(&e),
        "events[0].kind",
        "the last event is no submission: {e}"
    );
    // A dimension table whose row k does not hold id k.
    let c = tables.get("congresses");
    let shifted = replace(
        c.clone(),
        "congress",
        Arc::new(Int32Array::from_iter_values(1..=c.num_rows() as i32)),
    );
    let e = tables
        .read_with("congresses", |_| shifted.clone())
        .unwrap_err();
    assert_eq!(field(&e), "congresses[0].congress");
    // A level that is not one.
    let levels: Vec<&str> = vec!["galactic"; c.num_rows()];
    let bad = replace(c, "level", Arc::new(StringArray::from(levels)));
    let e = tables.read_with("congresses", |_| bad.clone()).unwrap_err();
    assert_eq!(field(&e), "congresses[0].level");
    assert!(e.to_string().contains("township"), "lists the levels: {e}");
}
