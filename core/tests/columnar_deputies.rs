//! The columnar deputy log (renda::columnar::deputies): the points (W6, R-D2) and duty
//! compliance (R-D1, R-D8) counted from a ledger's deputy log equal the ledger's own, for every
//! scenario, Haidian 2024 and a demo district; threads split the deputies exactly; bad columns
//! are typed errors that change nothing.

use crate::common;
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use renda::activity::ActivityKind;
use renda::columnar::deputies::{DeputyDimensions, DeputyLog, Work, NO_STATION};
use renda::period::Period;
use renda::points::PublicationScope;
use renda::registry::Level;
use renda::Ledger;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The dates on which something happened, the day before and after, and the last day of
/// every month of those years.
fn dates(ledger: &Ledger) -> Vec<NaiveDate> {
    let mut out = common::event_dates(ledger);
    let years: std::collections::BTreeSet<i32> = out.iter().map(|x| x.year()).collect();
    out.extend(
        years
            .into_iter()
            .flat_map(|y| (1..=12u8).map(move |m| Period::Month(y, m).last_day())),
    );
    out.sort();
    out.dedup();
    out
}

/// For every date: the log's figures (points of the year and of the quarter of the date,
/// compliance as of the date) equal the ledger's for every congress, or both fail with the
/// same code. Returns how many congress-dates were compared.
fn assert_same(ledger: &Ledger, dates: &[NaiveDate]) -> usize {
    let log = DeputyLog::from_ledger(ledger).unwrap();
    let dims = log.dimensions();
    let mut compared = 0;
    for as_of in dates {
        let y = as_of.year();
        let q = (as_of.month() - 1) / 3 + 1;
        for period in [Period::Year(y), Period::Quarter(y, q as u8)] {
            let got = log.figures(ledger.rules(), period, *as_of);
            let got = match got {
                Ok(f) => f,
                Err(e) => {
                    // Some congress's rules must refuse the same question in the ledger.
                    let refused = dims.congresses.iter().any(|c| {
                        let p = ledger.points(c, period, &PublicationScope::Congress);
                        let k = ledger.compliance(c, *as_of);
                        p.err().map(|e| e.code()) == Some(e.code())
                            || k.err().map(|e| e.code()) == Some(e.code())
                    });
                    assert!(refused, "log refused {period} as of {as_of}: {e}");
                    continue;
                }
            };
            for (row, c) in dims.congresses.iter().enumerate() {
                let want = ledger
                    .points(c, period, &PublicationScope::Congress)
                    .unwrap();
                assert_eq!(
                    log.points_rows(&got, row as u32),
                    want,
                    "points of {c} for {period}"
                );
                let compliance = ledger.compliance(c, *as_of).unwrap();
                for want in &compliance.deputies {
                    let i = dims
                        .deputies
                        .iter()
                        .position(|x| *x == want.deputy)
                        .unwrap();
                    let f = &got.deputies;
                    assert_eq!(
                        (f.duties_due[i], f.duties_met[i], f.duties_open[i]),
                        (want.due, want.met, want.open),
                        "duties of {} as of {as_of}",
                        want.deputy
                    );
                }
                let totals = &got.congresses[row].totals;
                assert_eq!(
                    totals.duties_due,
                    compliance
                        .deputies
                        .iter()
                        .map(|x| u64::from(x.due))
                        .sum::<u64>()
                );
                compared += 1;
            }
            // The whole is the sum of the congresses.
            let sum = renda::columnar::deputies::DeputyTotals::combine(
                got.congresses.iter().map(|c| c.totals.clone()),
            );
            assert_eq!(sum, got.totals);
        }
    }
    compared
}

#[test]
fn every_scenario_ledger_has_the_same_points_and_duties_from_its_deputy_log() {
    let mut checked = 0;
    for (_, ledger) in common::scenario_ledgers() {
        if ledger.state().activities.is_empty() {
            continue;
        }
        if assert_same(&ledger, &dates(&ledger)) > 0 {
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "only {checked} scenarios with activities compared"
    );
}

#[test]
fn haidian_2024_has_the_same_points_and_duties_from_its_deputy_log() {
    // Haidian's suggestions of 2024 under the national rules with a point table and the R-D1
    // duties: points from suggestions led and co-signed, every duty period missed.
    let text = std::fs::read_to_string(common::tests_path("reports/haidian-2024.json")).unwrap();
    let commands: Vec<renda::CommandEnvelope> = serde_json::from_str(&text).unwrap();
    let mut rules = renda::rules::RuleSet::national();
    rules.points = Some(renda::points::PointRules::illustrative());
    rules.stations = renda::station::StationRules::haidian();
    let mut ledger = Ledger::new(renda::rules::RuleBook::new(vec![rules]).unwrap());
    for c in commands {
        ledger.execute(c).unwrap();
    }
    assert!(assert_same(&ledger, &dates(&ledger)) > 0);
    let log = DeputyLog::from_ledger(&ledger).unwrap();
    let f = log
        .figures(ledger.rules(), Period::Year(2024), d(2024, 12, 31))
        .unwrap();
    assert!(f.totals.suggestions_led > 0 && f.totals.duties_due > 0);
}

#[cfg(feature = "demo")]
#[test]
fn the_demo_district_has_the_same_points_and_duties_and_threads_split_exactly() {
    let config = renda::demo::DemoConfig {
        years: 2,
        districts: 2,
        ..renda::demo::DemoConfig::small()
    };
    let ledger = renda::demo::generate(&config).unwrap().into_ledger();
    assert!(!ledger.state().activities.is_empty());
    let as_of: Vec<NaiveDate> = (1..=12u8)
        .map(|m| Period::Month(config.first_year, m).last_day())
        .chain([
            d(config.first_year + 1, 6, 15),
            d(config.first_year + 1, 12, 31),
        ])
        .collect();
    assert!(assert_same(&ledger, &as_of) > 0);
    let log = DeputyLog::from_ledger(&ledger).unwrap();
    let day = d(config.first_year, 12, 31);
    let one = log
        .figures_in_parallel(ledger.rules(), Period::Year(config.first_year), day, 1)
        .unwrap();
    assert!(one.totals.points > 0 && one.totals.duties_due > 0);
    for threads in 2..=5 {
        let many = log
            .figures_in_parallel(
                ledger.rules(),
                Period::Year(config.first_year),
                day,
                threads,
            )
            .unwrap();
        assert_eq!(many, one, "{threads} threads");
    }
}

fn dims() -> DeputyDimensions {
    DeputyDimensions {
        congresses: vec!["hd".parse().unwrap()],
        levels: vec![Level::County],
        terms: vec![(d(2025, 1, 1), d(2029, 12, 31))],
        deputies: vec!["D1".parse().unwrap()],
        deputy_congress: vec![0],
        span_offsets: vec![0, 1],
        spans: vec![(20_089, 21_914)],
        tiers: vec!["station".parse().unwrap()],
        stations: vec!["S1".parse().unwrap()],
        station_tier: vec![0],
    }
}

/// Dimensions, the deputy, day, work and station columns, and the field the error names.
type Case = (
    DeputyDimensions,
    Vec<u32>,
    Vec<i32>,
    Vec<u8>,
    Vec<u32>,
    &'static str,
);

#[test]
fn bad_columns_name_the_row_the_column_and_the_value() {
    let day = 20_100;
    let cases: Vec<Case> = vec![
        (
            dims(),
            vec![1],
            vec![day],
            vec![0],
            vec![NO_STATION],
            "deputy[0]",
        ),
        (
            dims(),
            vec![0],
            vec![day],
            vec![15],
            vec![NO_STATION],
            "work[0]",
        ),
        (dims(), vec![0], vec![day], vec![0], vec![3], "station[0]"),
        (
            dims(),
            vec![0, 0],
            vec![day, day - 1],
            vec![0, 0],
            vec![0, 0],
            "day[1]",
        ),
        (dims(), vec![0], vec![day, day], vec![0], vec![0], "deputy"),
        (
            DeputyDimensions {
                spans: vec![(5, 4)],
                ..dims()
            },
            vec![],
            vec![],
            vec![],
            vec![],
            "dimensions.spans[0]",
        ),
        (
            DeputyDimensions {
                span_offsets: vec![0, 2],
                spans: vec![(1, 5), (5, 9)],
                ..dims()
            },
            vec![],
            vec![],
            vec![],
            vec![],
            "dimensions.spans[1]",
        ),
        (
            DeputyDimensions {
                station_tier: vec![4],
                ..dims()
            },
            vec![],
            vec![],
            vec![],
            vec![],
            "dimensions.station_tier[0]",
        ),
        (
            DeputyDimensions {
                deputy_congress: vec![2],
                ..dims()
            },
            vec![],
            vec![],
            vec![],
            vec![],
            "dimensions.deputy_congress[0]",
        ),
        (
            DeputyDimensions {
                terms: vec![(d(2025, 1, 1), d(2024, 1, 1))],
                ..dims()
            },
            vec![],
            vec![],
            vec![],
            vec![],
            "dimensions.terms[0]",
        ),
    ];
    for (dims, deputy, day, work, station, field) in cases {
        let err = DeputyLog::from_columns(dims, deputy, day, work, station).unwrap_err();
        assert_eq!(err.code(), "invalid_field");
        assert!(err.to_string().contains(field), "{err} should name {field}");
    }
    DeputyLog::from_columns(dims(), vec![0], vec![day], vec![7], vec![0]).unwrap();
}

#[test]
fn a_rejected_push_leaves_the_log_unchanged_and_rules_are_required() {
    let mut log = DeputyLog::from_columns(dims(), vec![], vec![], vec![], vec![]).unwrap();
    log.push(
        0,
        d(2025, 3, 1),
        Work::Activity(ActivityKind::StationVisit),
        Some(0),
    )
    .unwrap();
    let before = log.clone();
    for (deputy, day, station) in [
        (1, d(2025, 3, 2), None),
        (0, d(2025, 2, 1), None),
        (0, d(2025, 3, 2), Some(9)),
    ] {
        assert!(log.push(deputy, day, Work::SuggestionLed, station).is_err());
        assert_eq!(log, before);
    }
    assert!(log.add_station("S2".parse().unwrap(), 5).is_err());
    assert!(log
        .add_deputy("D2".parse().unwrap(), 0, &[(d(2025, 2, 1), d(2025, 1, 1))])
        .is_err());
    assert_eq!(log, before);
    // The national rules carry no point table (W6): the figures say so.
    let err = log
        .figures(&Default::default(), Period::Year(2025), d(2025, 12, 31))
        .unwrap_err();
    assert_eq!(err.code(), "no_point_table");
}

fn arb_log() -> impl Strategy<Value = DeputyLog> {
    let rows = prop::collection::vec((0u32..6, 0i32..400, 0u8..15, 0u32..4), 0..120);
    let spans = prop::collection::vec((0i32..400, 0i32..60), 6);
    (rows, spans).prop_map(|(mut rows, spans)| {
        let mut log = DeputyLog::new();
        let start = d(2025, 1, 1);
        let c = log
            .add_congress(
                "hd".parse().unwrap(),
                Level::County,
                (start, d(2029, 12, 31)),
            )
            .unwrap();
        let home = log.add_tier("home".parse().unwrap());
        let station = log.add_tier("station".parse().unwrap());
        for k in 0..3 {
            let tier = if k == 0 { home } else { station };
            log.add_station(format!("S{k}").parse().unwrap(), tier)
                .unwrap();
        }
        for (k, (gap, len)) in spans.into_iter().enumerate() {
            let a = start + chrono::Days::new(gap as u64);
            let b = a + chrono::Days::new(len as u64);
            let spans = if k % 2 == 0 {
                vec![(start, d(2029, 12, 31))]
            } else {
                vec![(start, a), (b + chrono::Days::new(1), d(2029, 12, 31))]
            };
            log.add_deputy(format!("D{k}").parse().unwrap(), c, &spans)
                .unwrap();
        }
        rows.sort_by_key(|r| r.1);
        for (deputy, day, work, station) in rows {
            let station = (station < 3).then_some(station);
            log.push(
                deputy,
                start + chrono::Days::new(day as u64),
                Work::from_code(work).unwrap(),
                station,
            )
            .unwrap();
        }
        log
    })
}

proptest! {
    #[test]
    fn threads_split_exactly_and_totals_are_the_sum_of_congresses(log in arb_log(), threads in 1usize..5, month in 1u8..13) {
        let book = renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap();
        let as_of = Period::Month(2025, month).last_day();
        let one = log.figures_in_parallel(&book, Period::Year(2025), as_of, 1).unwrap();
        let many = log.figures_in_parallel(&book, Period::Year(2025), as_of, threads).unwrap();
        prop_assert_eq!(&one, &many);
        let f = &one.deputies;
        for i in 0..f.len() {
            prop_assert!(f.duties_met[i] <= f.duties_due[i]);
            // Ended months, quarters and the year: at most 12 + 4 + 1 periods.
            prop_assert!(f.duties_due[i] + f.duties_open[i] <= 17);
        }
        prop_assert_eq!(one.totals.deputies as usize, f.days_in_office.iter().filter(|x| **x > 0).count());
    }
}

#[cfg(all(feature = "arrow", feature = "demo"))]
#[test]
fn the_national_deputy_log_round_trips_through_arrow_and_bad_tables_are_named() {
    use arrow_array::{Array, RecordBatch, StringArray};
    use std::sync::Arc;
    let data = renda::national::generate(&renda::national::NationalConfig {
        scale: 0.0005,
        ..Default::default()
    })
    .unwrap();
    let tables = data.deputies.to_record_batches().unwrap();
    let names: Vec<&str> = tables.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, renda::columnar::arrow::deputies::DEPUTY_TABLES);
    // Split every table into two batches: batch boundaries must not matter.
    let halves: Vec<Vec<RecordBatch>> = tables
        .iter()
        .map(|(_, b)| {
            let h = b.num_rows() / 2;
            vec![b.slice(0, h), b.slice(h, b.num_rows() - h)]
        })
        .collect();
    let back =
        DeputyLog::from_record_batches(&halves[0], &halves[1], &halves[2], &halves[3], &halves[4])
            .unwrap();
    assert_eq!(back, data.deputies);
    // A work name that is none of the codes names its table, row and column.
    let log = &tables[4].1;
    let k = log.schema().index_of("work").unwrap();
    let mut columns: Vec<Arc<dyn Array>> = log.columns().to_vec();
    let mut works: Vec<&str> = (0..log.num_rows()).map(|_| "debrief").collect();
    works[3] = "dancing";
    columns[k] = Arc::new(StringArray::from(works));
    let schema = arrow_schema::Schema::new(
        log.schema()
            .fields()
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if i == k {
                    arrow_schema::Field::new("work", arrow_schema::DataType::Utf8, false)
                } else {
                    f.as_ref().clone()
                }
            })
            .collect::<Vec<_>>(),
    );
    let bad = RecordBatch::try_new(Arc::new(schema), columns).unwrap();
    let t = |k: usize| std::slice::from_ref(&tables[k].1);
    let err = DeputyLog::from_record_batches(t(0), t(1), t(2), t(3), &[bad]).unwrap_err();
    assert_eq!(err.field(), Some("deputy_log[3].work"));
    // The figures as tables: per deputy and per congress, the sums agreeing.
    let f = data.deputy_figures().unwrap();
    let (deputies, congresses) = f.to_record_batches(&data.deputies).unwrap();
    assert_eq!(deputies.num_rows(), data.summary.deputies as usize);
    assert_eq!(congresses.num_rows(), f.congresses.len());
    assert!(f.totals.duties_due > 0 && f.totals.points > 0);
}
